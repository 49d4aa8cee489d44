//! Terms written as Erlang source, for the differential suites that hand
//! them to `erl` (tests/otp_terms.rs, tests/elixir_inspect.rs) through
//! `file:consult/1`. `#[path]`-included by each.

use letitcrash::runtime::term::{FunKind, Style, Term, View};
use std::fmt::Write as _;

/// The term as Erlang source: pids, references and funs as
/// `{'$pid', N}`, `{'$ref', N}` and `{'$fun', M, F, A}`, which the
/// harnesses turn back into them.
pub fn source(t: &Term, out: &mut String) {
    match t.view() {
        View::Int(_) | View::Big(_) | View::Float(_) => {
            write!(out, "{}", t.format(Style::Write, None)).unwrap()
        }
        View::Atom(a) => {
            out.push('\'');
            for c in a.name().chars() {
                match c {
                    '\'' | '\\' => write!(out, "\\{c}").unwrap(),
                    ' '..='~' => out.push(c),
                    c => write!(out, "\\x{{{:X}}}", u32::from(c)).unwrap(),
                }
            }
            out.push('\'');
        }
        View::Nil => out.push_str("[]"),
        View::Cons(..) => {
            out.push('[');
            let mut it = t.iter_list();
            let mut first = true;
            for item in it.by_ref() {
                if !first {
                    out.push(',');
                }
                first = false;
                source(item, out);
            }
            if !it.rest().is_nil() {
                out.push('|');
                source(it.rest(), out);
            }
            out.push(']');
        }
        View::Tuple(items) => {
            out.push('{');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                source(item, out);
            }
            out.push('}');
        }
        View::Map(m) => {
            out.push_str("#{");
            for (i, (k, v)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                source(k, out);
                out.push_str(" => ");
                source(v, out);
            }
            out.push('}');
        }
        View::Bits(b) => {
            out.push_str("<<");
            let mut at = 0;
            while at < b.bit_len() {
                if at > 0 {
                    out.push(',');
                }
                let n = (b.bit_len() - at).min(8);
                write!(out, "{}:{n}", b.read(at, n)).unwrap();
                at += n;
            }
            out.push_str(">>");
        }
        View::Pid(p) => write!(out, "{{'$pid',{}}}", p.number()).unwrap(),
        View::Ref(r) => write!(out, "{{'$ref',{}}}", r.number()).unwrap(),
        View::Fun(f) => match f.kind() {
            FunKind::External { function, arity } => {
                out.push_str("{'$fun',");
                source(&Term::from_atom(f.module()), out);
                out.push(',');
                source(&Term::from_atom(*function), out);
                write!(out, ",{arity}}}").unwrap();
            }
            FunKind::Local { .. } => unreachable!("not generated"),
        },
    }
}
