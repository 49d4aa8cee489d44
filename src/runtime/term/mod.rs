//! Terms: the values that travel in messages and exit reasons.
//!
//! A [`Term`] is the playground's version of an Erlang term: atoms,
//! integers, floats, strings, tuples, lists, pids and references. Terms are
//! plain data: sending one to another process clones it (the BEAM copies
//! messages between process heaps too), so no process can ever see another's
//! state change under it. Equality is structural and exact, like Erlang's
//! `=:=`, and printing follows Erlang's shell.

mod atom;
mod ids;

pub use atom::Atom;
pub use ids::{Pid, Ref};

use std::any::Any;
use std::fmt;
use std::sync::Arc;

/// An Erlang-style value.
#[derive(Clone, Debug, PartialEq)]
pub enum Term {
    Atom(Atom),
    Int(i64),
    Float(f64),
    /// A string, printed `"like this"`. (Erlang strings are lists of
    /// characters; the playground keeps them as one value for readability.)
    Str(Arc<str>),
    Tuple(Vec<Term>),
    List(Vec<Term>),
    Pid(Pid),
    Ref(Ref),
    /// An opaque Rust value, the playground's version of an Erlang fun: it
    /// can travel in a message, but only its label prints.
    Fun(Fun),
}

/// An opaque value in a term. Two funs are equal only when they are the
/// same value, as two Erlang funs made at different places differ.
#[derive(Clone)]
pub struct Fun {
    label: &'static str,
    value: Arc<dyn Any + Send + Sync>,
}

impl Fun {
    pub fn new<T: Any + Send + Sync>(label: &'static str, value: T) -> Fun {
        Fun {
            label,
            value: Arc::new(value),
        }
    }

    /// The value, if it is a `T`.
    pub fn downcast<T: Any>(&self) -> Option<&T> {
        self.value.downcast_ref()
    }
}

impl PartialEq for Fun {
    fn eq(&self, other: &Fun) -> bool {
        std::ptr::addr_eq(Arc::as_ptr(&self.value), Arc::as_ptr(&other.value))
    }
}

impl fmt::Debug for Fun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#Fun<{}>", self.label)
    }
}

impl Term {
    /// The atom with this name.
    pub fn atom(name: &str) -> Term {
        Term::Atom(Atom::new(name))
    }

    pub fn tuple(elements: impl Into<Vec<Term>>) -> Term {
        Term::Tuple(elements.into())
    }

    pub fn string(text: &str) -> Term {
        Term::Str(Arc::from(text))
    }

    /// `normal`: the reason of a process that finished its work.
    pub const fn normal() -> Term {
        Term::Atom(Atom::NORMAL)
    }

    /// `{error, Reason}` as OTP APIs return it.
    pub fn error(reason: Term) -> Term {
        Term::tuple([Term::Atom(Atom::ERROR), reason])
    }

    /// `{ok, Value}`.
    pub fn ok(value: Term) -> Term {
        Term::tuple([Term::Atom(Atom::OK), value])
    }

    /// The atom this term is, if it is one.
    pub fn as_atom(&self) -> Option<Atom> {
        match self {
            Term::Atom(a) => Some(*a),
            _ => None,
        }
    }

    pub fn as_pid(&self) -> Option<Pid> {
        match self {
            Term::Pid(p) => Some(*p),
            _ => None,
        }
    }

    pub fn as_int(&self) -> Option<i64> {
        match self {
            Term::Int(n) => Some(*n),
            _ => None,
        }
    }

    /// Whether this term is exactly the given atom.
    pub fn is_atom(&self, atom: Atom) -> bool {
        self.as_atom() == Some(atom)
    }

    /// The elements of a tuple, if this is one.
    pub fn as_tuple(&self) -> Option<&[Term]> {
        match self {
            Term::Tuple(elements) => Some(elements),
            _ => None,
        }
    }

    /// The elements of a tuple of exactly `N` elements whose first element is
    /// the atom `tag`: the usual way to take a message like `{add, 5}` apart.
    pub fn tagged<const N: usize>(&self, tag: Atom) -> Option<&[Term; N]> {
        let elements: &[Term; N] = self.as_tuple()?.try_into().ok()?;
        elements[0].is_atom(tag).then_some(elements)
    }

    /// Whether this exit reason counts as a normal end for `transient`
    /// children and linked processes: `normal`, `shutdown` or
    /// `{shutdown, _}` (OTP-SEMANTICS S4).
    pub fn is_normal_exit(&self) -> bool {
        match self {
            Term::Atom(a) => *a == Atom::NORMAL || *a == Atom::SHUTDOWN,
            _ => self.tagged::<2>(Atom::SHUTDOWN).is_some(),
        }
    }
}

impl From<Atom> for Term {
    fn from(a: Atom) -> Term {
        Term::Atom(a)
    }
}

impl From<Pid> for Term {
    fn from(p: Pid) -> Term {
        Term::Pid(p)
    }
}

impl From<Ref> for Term {
    fn from(r: Ref) -> Term {
        Term::Ref(r)
    }
}

impl From<i64> for Term {
    fn from(n: i64) -> Term {
        Term::Int(n)
    }
}

impl From<&str> for Term {
    fn from(s: &str) -> Term {
        Term::string(s)
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Atom(a) => write!(f, "{a}"),
            Term::Int(n) => write!(f, "{n}"),
            Term::Float(x) => write_float(f, *x),
            Term::Str(s) => write_string(f, s),
            Term::Tuple(elements) => write_sequence(f, "{", elements, "}"),
            Term::List(elements) => write_sequence(f, "[", elements, "]"),
            Term::Pid(p) => write!(f, "{p}"),
            Term::Ref(r) => write!(f, "{r}"),
            Term::Fun(fun) => write!(f, "{fun:?}"),
        }
    }
}

/// Erlang prints a float in its shortest round-trip digits, in whichever of
/// the plain (`100.0`, `0.0001`) and scientific (`1.0e15`, `1.0e-5`) forms is
/// shorter, the plain one on a tie, always with a fractional part
/// (`float_to_list(F, [short])`, what `~w` and the shell use).
fn write_float(f: &mut fmt::Formatter<'_>, x: f64) -> fmt::Result {
    f.write_str(&erlang_float(x))
}

/// See [`write_float`].
pub fn erlang_float(x: f64) -> String {
    if !x.is_finite() {
        return format!("{x:?}");
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    // Shortest round-trip digits and the decimal exponent: `1.2345e8`.
    let sci = format!("{:e}", x.abs());
    let (mantissa, exponent) = sci.split_once('e').expect("{:e} has an exponent");
    let exponent: i64 = exponent.parse().expect("an integer exponent");
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let scientific = match digits.len() {
        1 => format!("{digits}.0e{exponent}"),
        _ => format!("{}.{}e{exponent}", &digits[..1], &digits[1..]),
    };
    let n = digits.len() as i64;
    let plain = if exponent >= n - 1 {
        format!("{digits}{}.0", "0".repeat((exponent - (n - 1)) as usize))
    } else if exponent >= 0 {
        let point = (exponent + 1) as usize;
        format!("{}.{}", &digits[..point], &digits[point..])
    } else {
        format!("0.{}{digits}", "0".repeat((-exponent - 1) as usize))
    };
    let shortest = if scientific.len() < plain.len() {
        scientific
    } else {
        plain
    };
    format!("{sign}{shortest}")
}

fn write_string(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in s.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\t' => f.write_str("\\t")?,
            c => write!(f, "{c}")?,
        }
    }
    f.write_str("\"")
}

fn write_sequence(
    f: &mut fmt::Formatter<'_>,
    open: &str,
    items: &[Term],
    close: &str,
) -> fmt::Result {
    f.write_str(open)?;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(",")?;
        }
        write!(f, "{item}")?;
    }
    f.write_str(close)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_print_like_the_erlang_shell() {
        let exit = Term::tuple([
            Term::Atom(Atom::EXIT),
            Term::Pid(Pid(42)),
            Term::atom("boom"),
        ]);
        assert_eq!(exit.to_string(), "{'EXIT',<0.42.0>,boom}");
        assert_eq!(
            Term::List(vec![Term::Int(1), Term::Int(-2)]).to_string(),
            "[1,-2]"
        );
        assert_eq!(Term::Float(1.0).to_string(), "1.0");
        assert_eq!(Term::Float(-1.5).to_string(), "-1.5");
        assert_eq!(Term::Float(1e20).to_string(), "1.0e20");
        // The shorter of the two forms, the plain one on a tie.
        for (x, text) in [
            (1.0e15, "1.0e15"),
            (1000.0, "1.0e3"),
            (100.0, "100.0"),
            (123456789.0, "123456789.0"),
            (0.0001, "0.0001"),
            (1.0e-5, "1.0e-5"),
            (0.1, "0.1"),
            (-0.0, "-0.0"),
            (1.5e300, "1.5e300"),
            (120000.0, "1.2e5"),
            (0.30000000000000004, "0.30000000000000004"),
        ] {
            assert_eq!(Term::Float(x).to_string(), text);
        }
        assert_eq!(Term::string("say \"hi\"").to_string(), "\"say \\\"hi\\\"\"");
        assert_eq!(Term::Ref(Ref(7)).to_string(), "#Ref<0.7>");
        assert_eq!(Term::List(vec![]).to_string(), "[]");
    }

    #[test]
    fn equality_is_structural_and_exact() {
        let a = Term::tuple([Term::atom("a"), Term::Int(1)]);
        assert_eq!(a, Term::tuple([Term::atom("a"), Term::Int(1)]));
        assert_ne!(Term::Int(1), Term::Float(1.0), "like =:=, 1 and 1.0 differ");
        assert_ne!(Term::atom("a"), Term::string("a"));
    }

    #[test]
    fn tagged_takes_messages_apart() {
        let msg = Term::tuple([Term::atom("add"), Term::Int(5)]);
        let [_, n] = msg.tagged::<2>(Atom::new("add")).unwrap();
        assert_eq!(n, &Term::Int(5));
        assert!(msg.tagged::<2>(Atom::new("sub")).is_none());
        assert!(msg.tagged::<3>(Atom::new("add")).is_none());
    }

    #[test]
    fn normal_exits_for_transient_children() {
        assert!(Term::normal().is_normal_exit());
        assert!(Term::atom("shutdown").is_normal_exit());
        assert!(Term::tuple([Term::atom("shutdown"), Term::atom("x")]).is_normal_exit());
        assert!(!Term::atom("boom").is_normal_exit());
        assert!(!Term::atom("killed").is_normal_exit());
    }
}
