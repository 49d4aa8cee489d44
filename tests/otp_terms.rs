//! The real BEAM as the oracle: a few thousand generated terms are printed
//! (`~p` on one line, `~w`, `~P` at depths 1 to 5, `~W` at depth 3),
//! compared pairwise (`<`, `==`, `=:=`), and a few thousand generated
//! arithmetic operations evaluated, by `erl` (OTP 25) and by this crate; every
//! answer must be the same. A second run hashes a few thousand generated
//! terms (references and external funs among them) with `erlang:phash/2`
//! and `erlang:phash2/1,2` on both sides.
//!
//! Without `erl` and `erlc` (see build.rs) the comparison is reported as
//! ignored, never as passed. The seed is fixed; `TERMS_SEED` picks another.

use letitcrash::runtime::term::arith::{self, ArithError};
use letitcrash::runtime::term::phash;
use letitcrash::runtime::term::{Atom, Bitstring, Fun, Map, Pid, Ref, Style, Term};
use std::cmp::Ordering;
use std::fmt::Write as _;
use std::process::Command;

#[path = "support/erlang_source.rs"]
mod erlang_source;
use erlang_source::source;

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

const ATOMS: &[&str] = &[
    "a",
    "b",
    "ok",
    "error",
    "hello world",
    "EXIT",
    "A",
    "é",
    "aé",
    "ß",
    "λ",
    "a@b",
    "a.b",
    "",
    "'",
    "\n",
    "div",
    "maybe",
    "else",
    "cond",
    "x_1",
    "Zed",
    "\\",
    "tab\there",
];

const FLOATS: &[f64] = &[
    0.0,
    1.0,
    -1.0,
    0.5,
    0.1,
    1.0e10,
    1.0e-10,
    100.0,
    1000.0,
    123456789.0,
    1.0e15,
    1.0e16,
    9007199254740992.0,
    9007199254740991.0,
    9007199254740993.0,
    1.5e300,
    -2.5e-300,
    0.30000000000000004,
    2.5e-7,
    120000.0,
    1.0e22,
    18446744073709551616.0,
    4611686018427387904.0,
    -4611686018427387904.0,
    9.223372036854776e18,
    1.0e-5,
    0.0001,
];

struct Gen {
    rng: Rng,
    big_maps: bool,
    /// Leaves include references and external funs (the hash test's).
    hash_leaves: bool,
}

impl Gen {
    fn int(&mut self) -> Term {
        match self.rng.below(8) {
            0 => Term::int(self.rng.below(300) as i64),
            1 => Term::int(32 + self.rng.below(95) as i64),
            2 => Term::int(-(self.rng.below(1000) as i64)),
            3 => {
                let edges: [i128; 10] = [
                    (1 << 62) - 1,
                    1 << 62,
                    -(1 << 62),
                    -(1 << 62) - 1,
                    (1 << 63) - 1,
                    1 << 63,
                    1 << 64,
                    -(1 << 64),
                    (1 << 53) + 1,
                    1 << 53,
                ];
                Term::from_i128(*self.rng.pick(&edges))
            }
            4 => {
                let digits = 1 + self.rng.below(45) as usize;
                let mut s = String::new();
                if self.rng.below(2) == 0 {
                    s.push('-');
                }
                s.push(char::from(b'1' + self.rng.below(9) as u8));
                for _ in 1..digits {
                    s.push(char::from(b'0' + self.rng.below(10) as u8));
                }
                letitcrash::runtime::term::bignum::parse_int_radix(&s, 10).unwrap()
            }
            _ => Term::int(self.rng.next() as i64 >> self.rng.below(64)),
        }
    }

    fn float(&mut self) -> Term {
        match self.rng.below(3) {
            0 => Term::float(*self.rng.pick(FLOATS)),
            1 => {
                // A random finite double.
                loop {
                    let x = f64::from_bits(self.rng.next());
                    if x.is_finite() && x != 0.0 {
                        return Term::float(x);
                    }
                }
            }
            _ => Term::float((self.rng.below(2_000_001) as f64 - 1_000_000.0) / 8.0),
        }
    }

    fn string(&mut self) -> Term {
        let len = self.rng.below(6) as usize;
        let pool: &[i64] = &[
            97, 98, 122, 32, 34, 39, 92, 10, 9, 27, 8, 233, 255, 160, 126, 7, 0, 127, 256, 955,
        ];
        let printable = self.rng.below(3) != 0;
        Term::list((0..len).map(|_| {
            if printable {
                Term::int(*self.rng.pick(&pool[..15]))
            } else {
                Term::int(*self.rng.pick(pool))
            }
        }))
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
                        "abcdefghijklmnopqrstuvwxyz0123456789",
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
            3 => {
                let bits = self.rng.below(30) as usize;
                let bytes = (0..bits.div_ceil(8))
                    .map(|_| self.rng.below(256) as u8)
                    .collect();
                let b = Bitstring::from_bits(bytes, bits);
                // Normalise the padding bits as Erlang would build them.
                Term::bits(Bitstring::from_bits(b.to_padded_bytes(), bits))
            }
            _ => {
                let mut v: Vec<u8> = (0..22).map(|_| 97 + self.rng.below(26) as u8).collect();
                let at = self.rng.below(22) as usize;
                v[at] = self.rng.below(32) as u8;
                Term::binary(&v)
            }
        }
    }

    fn term(&mut self, depth: u32) -> Term {
        let leaf = depth == 0 || self.rng.below(3) == 0;
        if leaf && self.hash_leaves && self.rng.below(8) == 0 {
            return if self.rng.below(2) == 0 {
                Term::reference(Ref::from_number(
                    self.rng.next() >> (14 + self.rng.below(50)),
                ))
            } else {
                let module = *self.rng.pick::<&str>(ATOMS);
                let function = *self.rng.pick::<&str>(ATOMS);
                Term::fun(Fun::external(
                    Atom::new(module),
                    Atom::new(function),
                    self.rng.below(256) as u32,
                ))
            };
        }
        if leaf {
            return match self.rng.below(9) {
                0 | 1 => self.int(),
                2 => self.float(),
                3 | 4 => Term::atom(self.rng.pick::<&str>(ATOMS)),
                5 => Term::NIL,
                6 => self.string(),
                7 => self.binary(),
                _ => Term::pid(Pid::from_number(self.rng.below(200))),
            };
        }
        match self.rng.below(6) {
            0 | 1 => {
                let n = self.rng.below(5) as usize;
                let items: Vec<Term> = (0..n).map(|_| self.term(depth - 1)).collect();
                if self.rng.below(4) == 0 {
                    let tail = self.term(depth - 1);
                    Term::improper_list(items, tail)
                } else {
                    Term::list(items)
                }
            }
            2 | 3 => {
                let n = self.rng.below(5) as usize;
                Term::tuple((0..n).map(|_| self.term(depth - 1)))
            }
            _ => {
                let n = if self.big_maps && self.rng.below(3) == 0 {
                    30 + self.rng.below(40) as usize
                } else {
                    self.rng.below(5) as usize
                };
                let mut m = Map::new();
                for _ in 0..n {
                    let k = if n > 10 {
                        self.int()
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

const HARNESS: &str = r#"
-module(lic_terms).
-export([main/0]).

main() ->
    [In, Out] = init:get_plain_arguments(),
    {ok, [Terms0, Pairs, Ops]} = file:consult(In),
    Terms = [fix(T) || T <- Terms0],
    Indexed = lists:zip(lists:seq(0, length(Terms) - 1), Terms),
    Lines = [print_lines(I, T) || {I, {print, T}} <- Indexed]
         ++ [compare_line(I, J, value(lists:nth(I + 1, Terms)), value(lists:nth(J + 1, Terms))) || {I, J} <- Pairs]
         ++ [arith_line(K, Op, A, B) || {K, {Op, A, B}} <- lists:zip(lists:seq(0, length(Ops) - 1), Ops)],
    ok = file:write_file(Out, unicode:characters_to_binary(Lines)),
    halt().

value({print, T}) -> T;
value({order, T}) -> T.

fix({'$pid', N}) -> list_to_pid("<0." ++ integer_to_list(N) ++ ".0>");
fix(T) when is_tuple(T) -> list_to_tuple([fix(E) || E <- tuple_to_list(T)]);
fix([H | T]) -> [fix(H) | fix(T)];
fix(M) when is_map(M) -> maps:from_list([{fix(K), fix(V)} || {K, V} <- maps:to_list(M)]);
fix(X) -> X.

pretty(T, D) ->
    io_lib_pretty:print(T, [{column, 1}, {line_length, 100000000}, {depth, D},
                            {encoding, unicode}, {strings, true}]).

print_lines(I, T) ->
    N = integer_to_list(I),
    [["p ", N, " ", pretty(T, -1), "\n"],
     ["w ", N, " ", io_lib:write(T, [{encoding, unicode}]), "\n"],
     [["P", integer_to_list(D), " ", N, " ", pretty(T, D), "\n"] || D <- [1, 2, 3, 4, 5]],
     ["W3 ", N, " ", io_lib:write(T, [{depth, 3}, {encoding, unicode}]), "\n"]].

compare_line(I, J, A, B) ->
    C = if A < B -> "lt"; A > B -> "gt"; true -> "eq" end,
    io_lib:format("c ~w ~w ~s ~w ~w~n", [I, J, C, A == B, A =:= B]).

arith_line(K, Op, A, B) ->
    R = try {ok, eval(Op, A, B)}
        catch error:Reason -> {error, Reason}
        end,
    Text = case R of
               {ok, V} -> io_lib:write(V, [{encoding, unicode}]);
               {error, E} -> ["error ", atom_to_list(E)]
           end,
    ["a ", integer_to_list(K), " ", Text, "\n"].

eval('<', A, B) -> A < B;
eval('==', A, B) -> A == B;
eval('=:=', A, B) -> A =:= B;
eval(Op, A, B) -> erlang:Op(A, B).
"#;

#[derive(Clone, Copy)]
enum Op {
    Add,
    Sub,
    Mul,
    FDiv,
    Div,
    Rem,
    Band,
    Bor,
    Bxor,
    Bsl,
    Bsr,
    Lt,
    Eq,
    ExactEq,
}

impl Op {
    fn name(self) -> &'static str {
        match self {
            Op::Add => "'+'",
            Op::Sub => "'-'",
            Op::Mul => "'*'",
            Op::FDiv => "'/'",
            Op::Div => "'div'",
            Op::Rem => "'rem'",
            Op::Band => "'band'",
            Op::Bor => "'bor'",
            Op::Bxor => "'bxor'",
            Op::Bsl => "'bsl'",
            Op::Bsr => "'bsr'",
            Op::Lt => "'<'",
            Op::Eq => "'=='",
            Op::ExactEq => "'=:='",
        }
    }

    fn eval(self, a: &Term, b: &Term) -> String {
        let r = match self {
            Op::Add => arith::add(a, b),
            Op::Sub => arith::sub(a, b),
            Op::Mul => arith::mul(a, b),
            Op::FDiv => arith::fdiv(a, b),
            Op::Div => arith::int_div(a, b),
            Op::Rem => arith::rem(a, b),
            Op::Band => arith::band(a, b),
            Op::Bor => arith::bor(a, b),
            Op::Bxor => arith::bxor(a, b),
            Op::Bsl => arith::bsl(a, b),
            Op::Bsr => arith::bsr(a, b),
            Op::Lt => Ok(Term::boolean(a.compare(b) == Ordering::Less)),
            Op::Eq => Ok(Term::boolean(a.equals(b))),
            Op::ExactEq => Ok(Term::boolean(a == b)),
        };
        match r {
            Ok(t) => t.format(Style::Write, None),
            Err(ArithError::Badarith) => "error badarith".to_owned(),
            Err(ArithError::SystemLimit) => "error system_limit".to_owned(),
        }
    }
}

fn have_erl() -> bool {
    Command::new("erlc").arg("-help").output().is_ok()
        && Command::new("erl").arg("-version").output().is_ok()
}

#[test]
#[cfg_attr(
    not(has_erlang),
    ignore = "needs erl and erlc (Debian's erlang-base), which .ci/run installs"
)]
fn printing_order_and_arithmetic_agree_with_otp() {
    assert!(
        have_erl(),
        "erl/erlc do not run, though build.rs found them on the PATH"
    );
    let seed = std::env::var("TERMS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_1234_u64);
    let mut g = Gen {
        rng: Rng(seed | 1),
        big_maps: false,
        hash_leaves: false,
    };
    // Terms to print, then terms only to order (with maps beyond 32 keys,
    // whose printed order differs from the BEAM's: see map.rs).
    let mut terms: Vec<(bool, Term)> = (0..1500).map(|_| (true, g.term(3))).collect();
    g.big_maps = true;
    terms.extend((0..200).map(|_| (false, g.term(2))));
    // Near-equal pairs: a term and a copy built separately, and small edits.
    for i in 0..200 {
        let t = terms[i].1.clone();
        let mut copy = String::new();
        source(&t, &mut copy);
        terms.push((true, Term::tuple([t.clone(), Term::int(i as i64)])));
        terms.push((true, Term::tuple([t, Term::float(i as f64)])));
    }
    let n = terms.len();
    let mut pairs = Vec::new();
    for _ in 0..6000 {
        pairs.push((
            g.rng.below(n as u64) as usize,
            g.rng.below(n as u64) as usize,
        ));
    }
    for i in 0..n - 1 {
        pairs.push((i, i + 1));
    }
    let numbers: Vec<Term> = (0..400)
        .map(|k| if k % 3 == 0 { g.float() } else { g.int() })
        .chain((-3..70).map(Term::int))
        .collect();
    let ops = [
        Op::Add,
        Op::Sub,
        Op::Mul,
        Op::FDiv,
        Op::Div,
        Op::Rem,
        Op::Band,
        Op::Bor,
        Op::Bxor,
        Op::Bsl,
        Op::Bsr,
        Op::Lt,
        Op::Eq,
        Op::ExactEq,
    ];
    let mut arith_cases = Vec::new();
    for _ in 0..6000 {
        let op = *g.rng.pick(&ops);
        let a = g.rng.pick(&numbers).clone();
        let b = match op {
            Op::Bsl | Op::Bsr => Term::int(g.rng.below(300) as i64 - 100),
            _ => g.rng.pick(&numbers).clone(),
        };
        arith_cases.push((op, a, b));
    }

    let dir = std::env::temp_dir().join(format!("terms-beam-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("lic_terms.erl"), HARNESS).unwrap();
    let status = Command::new("erlc")
        .arg("-o")
        .arg(&dir)
        .arg(dir.join("lic_terms.erl"))
        .status()
        .unwrap();
    assert!(status.success(), "erlc");
    let mut input = String::from("[");
    for (i, (print, t)) in terms.iter().enumerate() {
        if i > 0 {
            input.push_str(",\n");
        }
        input.push_str(if *print { "{print," } else { "{order," });
        source(t, &mut input);
        input.push('}');
    }
    input.push_str("].\n[");
    for (i, (a, b)) in pairs.iter().enumerate() {
        if i > 0 {
            input.push(',');
        }
        write!(input, "{{{a},{b}}}").unwrap();
    }
    input.push_str("].\n[");
    for (i, (op, a, b)) in arith_cases.iter().enumerate() {
        if i > 0 {
            input.push_str(",\n");
        }
        write!(input, "{{{},", op.name()).unwrap();
        source(a, &mut input);
        input.push(',');
        source(b, &mut input);
        input.push('}');
    }
    input.push_str("].\n");
    let (infile, outfile) = (dir.join("in.txt"), dir.join("out.txt"));
    std::fs::write(&infile, &input).unwrap();
    let out = Command::new("erl")
        .args(["-noshell", "-pa"])
        .arg(&dir)
        .args(["-s", "lic_terms", "main", "-extra"])
        .arg(&infile)
        .arg(&outfile)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "erl: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let beam = std::fs::read_to_string(&outfile).unwrap();

    let mut failures = Vec::new();
    let mut checked = 0;
    for line in beam.lines() {
        let (kind, rest) = line.split_once(' ').unwrap();
        let ours = match kind {
            "c" => {
                let mut f = rest.split(' ');
                let i: usize = f.next().unwrap().parse().unwrap();
                let j: usize = f.next().unwrap().parse().unwrap();
                let (a, b) = (&terms[i].1, &terms[j].1);
                let c = match a.compare(b) {
                    Ordering::Less => "lt",
                    Ordering::Greater => "gt",
                    Ordering::Equal => "eq",
                };
                let ours = format!("{i} {j} {c} {} {}", a.equals(b), a == b);
                if ours != rest {
                    failures.push(format!(
                        "compare {a} with {b}\n  beam: {rest}\n  ours: {ours}"
                    ));
                }
                checked += 1;
                continue;
            }
            "a" => {
                let (k, want) = rest.split_once(' ').unwrap();
                let (op, a, b) = &arith_cases[k.parse::<usize>().unwrap()];
                let ours = op.eval(a, b);
                if ours != want {
                    failures.push(format!(
                        "{a} {} {b}\n  beam: {want}\n  ours: {ours}",
                        op.name()
                    ));
                }
                checked += 1;
                continue;
            }
            _ => {
                let (i, want) = rest.split_once(' ').unwrap();
                let t = &terms[i.parse::<usize>().unwrap()].1;
                let ours = match kind {
                    "p" => t.to_string(),
                    "w" => t.format(Style::Write, None),
                    "W3" => t.format(Style::Write, Some(3)),
                    p => t.format(Style::Print, Some(p[1..].parse().unwrap())),
                };
                if ours != want {
                    failures.push(format!(
                        "{kind} of {}\n  beam: {want}\n  ours: {ours}",
                        t.format(Style::Write, None)
                    ));
                }
                ours
            }
        };
        let _ = ours;
        checked += 1;
    }
    assert!(checked > 20_000, "only {checked} answers from the BEAM");
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        failures.is_empty(),
        "{} of {checked} differ from OTP 25 (seed {seed}); the first ones:\n{}",
        failures.len(),
        failures
            .iter()
            .take(25)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

const HASH_HARNESS: &str = r##"
-module(lic_hash).
-export([main/0]).

main() ->
    [In, Out] = init:get_plain_arguments(),
    {ok, [Terms0]} = file:consult(In),
    Terms = [fix(T) || T <- Terms0],
    Lines = [io_lib:format("~w ~w ~w ~w ~w ~w~n",
                           [I, erlang:phash2(T), erlang:phash2(T, 1000),
                            erlang:phash2(T, 1 bsl 32), erlang:phash(T, 7),
                            erlang:phash(T, 1 bsl 32)])
             || {I, T} <- lists:zip(lists:seq(0, length(Terms) - 1), Terms)],
    ok = file:write_file(Out, Lines),
    halt().

fix({'$pid', N}) -> list_to_pid("<0." ++ integer_to_list(N) ++ ".0>");
fix({'$ref', N}) ->
    list_to_ref("#Ref<0." ++ integer_to_list(N bsr 18) ++ ".0."
                ++ integer_to_list(N band 16#3ffff) ++ ">");
fix({'$fun', M, F, A}) -> erlang:make_fun(M, F, A);
fix(T) when is_tuple(T) -> list_to_tuple([fix(E) || E <- tuple_to_list(T)]);
fix([H | T]) -> [fix(H) | fix(T)];
fix(M) when is_map(M) -> maps:from_list([{fix(K), fix(V)} || {K, V} <- maps:to_list(M)]);
fix(X) -> X.
"##;

/// Our answers in the harness's format.
fn hash_line(i: usize, t: &Term) -> String {
    format!(
        "{i} {} {} {} {} {}",
        phash::phash2(t),
        phash::phash2_range(t, 1000),
        phash::phash2_range(t, 1 << 32),
        phash::phash(t, 7),
        phash::phash(t, 1 << 32)
    )
}

#[test]
#[cfg_attr(
    not(has_erlang),
    ignore = "needs erl and erlc (Debian's erlang-base), which .ci/run installs"
)]
fn phash_and_phash2_agree_with_otp() {
    assert!(
        have_erl(),
        "erl/erlc do not run, though build.rs found them on the PATH"
    );
    let seed = std::env::var("TERMS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x0ba5_4a11_u64);
    let mut g = Gen {
        rng: Rng(seed | 1),
        big_maps: false,
        hash_leaves: true,
    };
    let mut terms: Vec<Term> = (0..3000).map(|_| g.term(3)).collect();
    // Maps past 32 keys (a HAMT in erts), and every integer edge.
    g.big_maps = true;
    terms.extend((0..300).map(|_| g.term(2)));
    terms.extend((0..500).map(|_| g.int()));
    terms.extend((-70..70).map(|k: i64| Term::from_i128(1i128 << k.unsigned_abs().min(120))));
    terms.extend((0..64).map(|k| Term::from_i128(-(1i128 << k))));
    terms.extend((0..64).map(|k| Term::from_i128((1i128 << k) - 1)));

    let dir = std::env::temp_dir().join(format!("hash-beam-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("lic_hash.erl"), HASH_HARNESS).unwrap();
    let status = Command::new("erlc")
        .arg("-o")
        .arg(&dir)
        .arg(dir.join("lic_hash.erl"))
        .status()
        .unwrap();
    assert!(status.success(), "erlc");
    let mut input = String::from("[");
    for (i, t) in terms.iter().enumerate() {
        if i > 0 {
            input.push_str(",\n");
        }
        source(t, &mut input);
    }
    input.push_str("].\n");
    let (infile, outfile) = (dir.join("in.txt"), dir.join("out.txt"));
    std::fs::write(&infile, &input).unwrap();
    let out = Command::new("erl")
        .args(["-noshell", "-pa"])
        .arg(&dir)
        .args(["-s", "lic_hash", "main", "-extra"])
        .arg(&infile)
        .arg(&outfile)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "erl: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let beam = std::fs::read_to_string(&outfile).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in beam.lines() {
        let i: usize = line.split(' ').next().unwrap().parse().unwrap();
        let ours = hash_line(i, &terms[i]);
        if ours != line {
            failures.push(format!(
                "{}\n  beam: {line}\n  ours: {ours}",
                terms[i].format(Style::Write, None)
            ));
        }
        checked += 1;
    }
    assert_eq!(checked, terms.len(), "the BEAM answered for every term");
    assert!(
        failures.is_empty(),
        "{} of {checked} hashes differ from OTP 25 (seed {seed}); the first ones:\n{}",
        failures.len(),
        failures
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
