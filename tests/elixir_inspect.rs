//! The real Elixir as the oracle for `inspect`: a few thousand generated
//! terms are printed by Elixir 1.14's `Kernel.inspect/2` (run by `erl`
//! with Elixir's ebin on the path) and by `runtime::term::elixir`, with
//! the default options, a small `limit:`, a small `printable_limit:`,
//! `charlists: :as_lists`, and `pretty: true` at widths 80 and 24; every
//! text must be the same. A second test compares the exception banners of
//! the common Erlang error reasons and exit reasons with
//! `Exception.format_banner/2`.
//!
//! Without Debian's `elixir` and `mix` (see build.rs) both are reported
//! as ignored, never as passed. The seed is fixed; `INSPECT_SEED` picks
//! another.

use letitcrash::runtime::term::elixir::{Charlists, InspectOpts, inspect_pretty};
use letitcrash::runtime::term::{Bitstring, Map, Pid, Term};
use letitcrash::view::elixir_reason::{Kind, banner};
use std::fmt::Write as _;
use std::process::Command;

#[path = "support/erlang_source.rs"]
mod erlang_source;
use erlang_source::source;

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

const ATOMS: &[&str] = &[
    "ok",
    "error",
    "a",
    "nil",
    "true",
    "false",
    "hello world",
    "EXIT",
    "Foo",
    "Elixir.Counter",
    "Elixir.MyApp.Counter",
    "Elixir.foo",
    "Elixir",
    "é",
    "a@b",
    "a.b",
    "",
    "\n",
    "foo?",
    "bang!",
    "?",
    "+",
    "&&",
    "::",
    "//",
    "..",
    "...",
    "..//",
    "\\\\",
    "when",
    "x_1",
    "_",
    "__struct__",
    "1a",
    "#{x}",
    "not in",
    "%{}",
    "->",
    "~~~",
    "a-b",
];

const FLOATS: &[f64] = &[
    0.0,
    1.0,
    -1.0,
    0.5,
    0.1,
    1.0e10,
    1.0e-10,
    123456789.0,
    1.0e15,
    1.0e16,
    9007199254740992.0,
    9007199254740993.0,
    1.5e300,
    -2.5e-300,
    0.30000000000000004,
    1.0e22,
    1.0e-5,
    -0.0,
];

struct Gen {
    rng: Rng,
}

impl Gen {
    fn int(&mut self) -> Term {
        match self.rng.below(4) {
            0 => Term::int(self.rng.below(300) as i64),
            1 => Term::int(32 + self.rng.below(95) as i64),
            2 => Term::int(-(self.rng.below(1000) as i64)),
            _ => Term::from_i128((self.rng.next() as i128) << self.rng.below(40)),
        }
    }

    fn float(&mut self) -> Term {
        if self.rng.below(2) == 0 {
            return Term::float(*self.rng.pick(FLOATS));
        }
        loop {
            let x = f64::from_bits(self.rng.next());
            if x.is_finite() {
                return Term::float(x);
            }
        }
    }

    fn charlist(&mut self) -> Term {
        let len = 1 + self.rng.below(8) as usize;
        let pool: &[i64] = &[
            97, 98, 122, 32, 34, 39, 92, 10, 9, 27, 8, 7, 35, 123, 126, 233, 0, 127, 256, 955, 1,
        ];
        let printable = self.rng.below(3) != 0;
        Term::list(
            (0..len).map(|_| Term::int(*self.rng.pick(if printable { &pool[..15] } else { pool }))),
        )
    }

    fn binary(&mut self) -> Term {
        match self.rng.below(5) {
            0 => Term::binary(
                self.rng
                    .pick::<&str>(&[
                        "",
                        "abc",
                        "hello world",
                        "a\nb",
                        "é",
                        "aé\t",
                        "λx",
                        "\"q\"",
                        "#{x}",
                        "a\\b",
                        "\u{7f}\u{1b}\u{7}",
                        "\u{feff}",
                        "\u{200b}",
                        "\u{fffe}",
                        "😀",
                        "'",
                        "\0",
                    ])
                    .as_bytes(),
            ),
            1 => Term::binary(
                &(0..self.rng.below(30))
                    .map(|_| 32 + self.rng.below(95) as u8)
                    .collect::<Vec<_>>(),
            ),
            2 => Term::binary(
                &(0..self.rng.below(8))
                    .map(|_| self.rng.below(256) as u8)
                    .collect::<Vec<_>>(),
            ),
            _ => {
                let bits = self.rng.below(30) as usize;
                let bytes = (0..bits.div_ceil(8))
                    .map(|_| self.rng.below(256) as u8)
                    .collect();
                let b = Bitstring::from_bits(bytes, bits);
                Term::bits(Bitstring::from_bits(b.to_padded_bytes(), bits))
            }
        }
    }

    fn atom(&mut self) -> Term {
        Term::atom(self.rng.pick::<&str>(ATOMS))
    }

    fn term(&mut self, depth: u32) -> Term {
        if depth == 0 || self.rng.below(3) == 0 {
            return match self.rng.below(9) {
                0 | 1 => self.int(),
                2 => self.float(),
                3 | 4 => self.atom(),
                5 => Term::NIL,
                6 => self.charlist(),
                7 => self.binary(),
                _ => Term::pid(Pid::from_number(self.rng.below(200))),
            };
        }
        let width = if self.rng.below(8) == 0 { 12 } else { 5 };
        match self.rng.below(7) {
            0 | 1 => {
                let n = self.rng.below(width) as usize;
                let items: Vec<Term> = (0..n).map(|_| self.term(depth - 1)).collect();
                if self.rng.below(4) == 0 {
                    let tail = self.term(depth - 1);
                    Term::improper_list(items, tail)
                } else {
                    Term::list(items)
                }
            }
            2 => {
                let n = self.rng.below(width) as usize;
                Term::list((0..n).map(|_| Term::tuple([self.atom(), self.term(depth - 1)])))
            }
            3 | 4 => {
                let n = self.rng.below(width) as usize;
                Term::tuple((0..n).map(|_| self.term(depth - 1)))
            }
            _ => {
                let n = self.rng.below(width) as usize;
                let atoms_only = self.rng.below(2) == 0;
                let mut m = Map::new();
                for _ in 0..n {
                    let k = if atoms_only {
                        self.atom()
                    } else {
                        self.term(depth - 1)
                    };
                    m.insert(k, self.term(depth - 1));
                }
                Term::from_map(m)
            }
        }
    }
}

/// Reads `{Opts, Term}` pairs and `{banner, Kind, Reason}` triples and
/// writes, per line, the hex of the UTF-8 Elixir prints.
const HARNESS: &str = r#"
-module(lic_inspect).
-export([main/1]).
main([In, Out]) ->
    {ok, Cases} = file:consult(In),
    Lines = [hex(run(fix(C))) || C <- Cases],
    ok = file:write_file(Out, [[L, $\n] || L <- Lines]),
    halt(0).
run({banner, Kind, Reason}) -> 'Elixir.Exception':format_banner(Kind, Reason, []);
run({Opts, Term}) -> 'Elixir.Kernel':inspect(Term, Opts).
fix({'$pid', N}) -> c:pid(0, N, 0);
fix(T) when is_tuple(T) -> list_to_tuple([fix(E) || E <- tuple_to_list(T)]);
fix([H | T]) -> [fix(H) | fix(T)];
fix(M) when is_map(M) -> maps:from_list([{fix(K), fix(V)} || {K, V} <- maps:to_list(M)]);
fix(T) -> T.
hex(Bin) -> [io_lib:format("~2.16.0b", [B]) || <<B>> <= Bin].
"#;

/// The option sets compared: each as Elixir's keyword list and ours.
fn option_sets() -> Vec<(&'static str, InspectOpts, Option<usize>)> {
    let default = InspectOpts::default();
    vec![
        ("[]", default, None),
        (
            "[{limit,3}]",
            InspectOpts {
                limit: Some(3),
                ..default
            },
            None,
        ),
        (
            "[{printable_limit,3}]",
            InspectOpts {
                printable_limit: Some(3),
                ..default
            },
            None,
        ),
        (
            "[{charlists,as_lists}]",
            InspectOpts {
                charlists: Charlists::AsLists,
                ..default
            },
            None,
        ),
        ("[{pretty,true}]", default, Some(80)),
        ("[{pretty,true},{width,24}]", default, Some(24)),
        (
            "[{pretty,true},{width,24},{limit,4}]",
            InspectOpts {
                limit: Some(4),
                ..default
            },
            Some(24),
        ),
    ]
}

fn run_elixir(name: &str, cases: &str) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("elixir-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("lic_inspect.erl"), HARNESS).unwrap();
    let status = Command::new("erlc")
        .arg("-o")
        .arg(&dir)
        .arg(dir.join("lic_inspect.erl"))
        .status()
        .unwrap();
    assert!(status.success(), "erlc");
    let (infile, outfile) = (dir.join("in.txt"), dir.join("out.txt"));
    std::fs::write(&infile, cases).unwrap();
    let out = Command::new("erl")
        .args(["-noshell", "-pa", "/usr/lib/elixir/lib/elixir/ebin", "-pa"])
        .arg(&dir)
        .args(["-run", "lic_inspect", "main"])
        .arg(&infile)
        .arg(&outfile)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "erl: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&outfile).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    text.lines()
        .map(|hex| {
            let bytes: Vec<u8> = (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
                .collect();
            String::from_utf8(bytes).unwrap()
        })
        .collect()
}

#[test]
#[cfg_attr(
    not(has_elixir),
    ignore = "needs Debian's elixir and mix, which .ci/run installs"
)]
fn inspect_agrees_with_elixir() {
    let seed = std::env::var("INSPECT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_e11c);
    let mut g = Gen { rng: Rng(seed) };
    let mut terms: Vec<Term> = (0..3000).map(|i| g.term(1 + (i % 4) as u32)).collect();
    let error = Term::from_map(Map::from_pairs([
        (Term::atom("__struct__"), Term::atom("Elixir.RuntimeError")),
        (Term::atom("__exception__"), Term::atom("true")),
        (Term::atom("message"), Term::binary(b"boom")),
    ]));
    terms.push(error.clone());
    terms.push(Term::tuple([Term::atom("error"), error]));
    terms.push(Term::list((1..=60).map(Term::int)));
    terms.push(Term::binary(&[7u8; 5000]));
    terms.push(Term::binary("a".repeat(5000).as_bytes()));
    let sets = option_sets();
    let mut cases = String::new();
    let mut expected = Vec::new();
    for (i, t) in terms.iter().enumerate() {
        // Every term with the default options, each other set in turn.
        for (at, (elixir_opts, opts, width)) in sets.iter().enumerate() {
            if at != 0 && i % (sets.len() - 1) != at - 1 && i % 3 != 0 {
                continue;
            }
            write!(cases, "{{{elixir_opts},").unwrap();
            source(t, &mut cases);
            cases.push_str("}.\n");
            expected.push((t, *elixir_opts, inspect_pretty(t, opts, *width)));
        }
    }
    let theirs = run_elixir("inspect", &cases);
    assert_eq!(theirs.len(), expected.len());
    let failures: Vec<String> = expected
        .iter()
        .zip(&theirs)
        .filter(|((_, _, ours), theirs)| ours != *theirs)
        .map(|((t, opts, ours), theirs)| {
            format!("{t} with {opts}\n  elixir: {theirs}\n  ours:   {ours}")
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        expected.len(),
        failures
            .iter()
            .take(15)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(expected.len() > 5000, "{}", expected.len());
}

/// The reasons compared, as Erlang source and as terms.
fn reasons() -> Vec<(Kind, &'static str, Term)> {
    let atom = Term::atom;
    let int = Term::int;
    let t2 = |a: Term, b: Term| Term::tuple([a, b]);
    let frame = |line: i64| {
        Term::list([Term::tuple([
            atom("counter"),
            atom("loop"),
            int(1),
            Term::list([
                t2(atom("file"), Term::string("counter.erl")),
                t2(atom("line"), int(line)),
            ]),
        ])])
    };
    let call = Term::tuple([
        atom("Elixir.GenServer"),
        atom("call"),
        Term::list([atom("x"), atom("y"), int(5000)]),
    ]);
    let mut cases = vec![];
    for (src, t) in [
        ("badarg", atom("badarg")),
        ("badarith", atom("badarith")),
        ("system_limit", atom("system_limit")),
        ("cond_clause", atom("cond_clause")),
        ("undef", atom("undef")),
        ("function_clause", atom("function_clause")),
        ("if_clause", atom("if_clause")),
        ("{badfun,1}", t2(atom("badfun"), int(1))),
        (
            "{badmatch,{ok,[1,2]}}",
            t2(
                atom("badmatch"),
                t2(atom("ok"), Term::list([int(1), int(2)])),
            ),
        ),
        ("{badmap,x}", t2(atom("badmap"), atom("x"))),
        ("{badkey,a}", t2(atom("badkey"), atom("a"))),
        (
            "{badkey,a,#{}}",
            Term::tuple([atom("badkey"), atom("a"), Term::from_map(Map::new())]),
        ),
        (
            "{case_clause,\"s\"}",
            t2(atom("case_clause"), Term::string("s")),
        ),
        ("{try_clause,1}", t2(atom("try_clause"), int(1))),
        ("{with_clause,1}", t2(atom("with_clause"), int(1))),
        (
            "{badbool,'and',1}",
            Term::tuple([atom("badbool"), atom("and"), int(1)]),
        ),
        ("{foo,<<1>>}", t2(atom("foo"), Term::binary(&[1]))),
    ] {
        cases.push((Kind::Error, src, t));
    }
    for (src, t) in [
        ("normal", atom("normal")),
        ("shutdown", atom("shutdown")),
        ("{shutdown,1}", t2(atom("shutdown"), int(1))),
        ("killed", atom("killed")),
        ("noproc", atom("noproc")),
        ("timeout", atom("timeout")),
        ("{bad_call,1}", t2(atom("bad_call"), int(1))),
        ("{bad_return_value,1}", t2(atom("bad_return_value"), int(1))),
        ("{badarith,[]}", t2(atom("badarith"), Term::NIL)),
        (
            "{{badmatch,2},[{counter,loop,1,[{file,\"counter.erl\"},{line,4}]}]}",
            t2(t2(atom("badmatch"), int(2)), frame(4)),
        ),
        (
            "{badarith,[{counter,loop,1,[{file,\"counter.erl\"},{line,7}]}]}",
            t2(atom("badarith"), frame(7)),
        ),
        (
            "{boom,{'Elixir.GenServer',call,[x,y,5000]}}",
            t2(atom("boom"), call.clone()),
        ),
        (
            "{noproc,{'Elixir.GenServer',call,[x,y,5000]}}",
            t2(atom("noproc"), call),
        ),
        (
            "{shutdown,{failed_to_start_child,w,boom}}",
            t2(
                atom("shutdown"),
                Term::tuple([atom("failed_to_start_child"), atom("w"), atom("boom")]),
            ),
        ),
        ("boom", atom("boom")),
    ] {
        cases.push((Kind::Exit, src, t));
    }
    cases.push((Kind::Throw, "{a,\"b\"}", t2(atom("a"), Term::string("b"))));
    cases.push((Kind::ExitFrom(Pid::from_number(7)), "boom", atom("boom")));
    cases
}

#[test]
#[cfg_attr(
    not(has_elixir),
    ignore = "needs Debian's elixir and mix, which .ci/run installs"
)]
fn banners_agree_with_elixir() {
    let cases = reasons();
    let mut input = String::new();
    for (kind, src, _) in &cases {
        let kind = match kind {
            Kind::Error => "error".to_owned(),
            Kind::Exit => "exit".to_owned(),
            Kind::Throw => "throw".to_owned(),
            Kind::ExitFrom(pid) => format!("{{'EXIT',{{'$pid',{}}}}}", pid.number()),
        };
        writeln!(input, "{{banner,{kind},{src}}}.").unwrap();
    }
    let theirs = run_elixir("banners", &input);
    let failures: Vec<String> = cases
        .iter()
        .zip(&theirs)
        .filter(|((kind, _, t), theirs)| banner(*kind, t) != **theirs)
        .map(|((kind, src, t), theirs)| {
            format!(
                "{kind:?} {src}\n  elixir: {theirs}\n  ours:   {}",
                banner(*kind, t)
            )
        })
        .collect();
    assert_eq!(theirs.len(), cases.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
