//! Random well-typed programs, run on both sides.
//!
//! A seeded generator (deterministic: the same seed gives the same
//! programs) writes programs of bounded size: a `main_N(Obs)` of a few
//! statements over integers, floats, atoms, booleans, tuples, lists,
//! small maps (built, updated with `=>` and `:=`, matched, and through the
//! `maps` functions) and binaries: arithmetic, the bitwise operators
//! (shifts and products that make bignums), comparisons, pattern matching
//! (binary patterns too), `case`, binaries built from segments of several
//! types, calls to helper functions with guarded clauses, sends to self and
//! selective receives, and sends to the observer. Expressions are typed so
//! that most programs run to the end; about one operand in thirty is of the
//! wrong type on purpose, so errors (badarith, badarg, case_clause,
//! function_clause, badmatch, and a binary segment that cannot be built)
//! are compared too.
//!
//! All programs are functions of one module, `lic_gen`: one `erlc` and one
//! `erl` run for a few hundred of them. A program that disagrees is shrunk
//! (statements removed, expressions replaced by a literal, while the
//! difference stays) and reported with its seed. One normalisation more
//! than the curated programs: an operator's error's first frame (see
//! [`relax_operator_frames`]).

use crate::harness::{self, Program};
use std::fmt::Write as _;
use std::path::Path;

/// splitmix64: small, seeded, deterministic.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    fn chance(&mut self, one_in: u64) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Ty {
    Int,
    Float,
    Atom,
    Bool,
    List,
    Tuple,
    /// A map of at most a few keys (atoms and small integers): its order,
    /// and so its printing, is the BEAM's (larger maps are not: see
    /// runtime/term/map.rs).
    Map,
    Bin,
}

const TYPES: &[Ty] = &[
    Ty::Int,
    Ty::Float,
    Ty::Atom,
    Ty::Bool,
    Ty::List,
    Ty::Tuple,
    Ty::Map,
    Ty::Bin,
];

/// The keys of generated maps.
const MAP_KEYS: &[&str] = &["a", "b", "c", "ok", "1", "2"];

/// One statement of `main`: its text, and a simpler one to try when
/// shrinking (the same binding, a literal value).
#[derive(Clone, Debug)]
pub struct Statement {
    pub text: String,
    pub simpler: Option<String>,
}

/// A generated program: the statements of its main function.
#[derive(Clone, Debug)]
pub struct Generated {
    pub name: String,
    pub statements: Vec<Statement>,
}

/// The helper functions every generated program may call.
pub const HELPERS: &str = "
  classify(X) when is_integer(X), X > 10 -> big;
  classify(X) when is_integer(X) -> {small, X};
  classify({A, B}) -> [B, A];
  classify([H | _]) -> {head, H};
  classify(X) when is_float(X) -> float;
  classify(_) -> other.

  countdown(0, Acc) -> Acc;
  countdown(N, Acc) when N > 0 -> countdown(N - 1, [N | Acc]).

  pick(first, {A, _}) -> A;
  pick(second, {_, B}) -> B.

  id(X) -> X.
";

struct Gen<'a> {
    rng: &'a mut Rng,
    vars: Vec<(String, Ty)>,
    fresh: usize,
}

impl Gen<'_> {
    fn var(&mut self, prefix: &str) -> String {
        self.fresh += 1;
        format!("{prefix}{}", self.fresh)
    }

    /// An expression of type `ty`, at most `depth` deep.
    fn expr(&mut self, ty: Ty, depth: u32) -> String {
        // Now and then, the wrong type on purpose.
        let ty = if depth > 0 && self.rng.chance(30) {
            *self.rng.pick(TYPES)
        } else {
            ty
        };
        let bound: Vec<String> = self
            .vars
            .iter()
            .filter(|(_, t)| *t == ty)
            .map(|(n, _)| n.clone())
            .collect();
        if !bound.is_empty() && self.rng.chance(3) {
            return self.rng.pick(&bound).clone();
        }
        if depth == 0 || self.rng.chance(3) {
            return self.literal(ty);
        }
        let d = depth - 1;
        match ty {
            Ty::Int if self.rng.chance(4) => match self.rng.below(3) {
                0 => format!("map_size({})", self.map_arg(d)),
                1 => {
                    let key = self.map_keys(1).remove(0);
                    format!("maps:get({key}, {}, 0)", self.map_arg(d))
                }
                _ => format!(
                    "maps:fold(fun(_, X, Acc) -> X + Acc end, 0, {})",
                    self.map_arg(d)
                ),
            },
            Ty::Int => match self.rng.below(16) {
                0 => format!("{} + {}", self.expr(Ty::Int, d), self.expr(Ty::Int, d)),
                1 => format!("{} - {}", self.expr(Ty::Int, d), self.expr(Ty::Int, d)),
                2 => format!("{} * {}", self.expr(Ty::Int, d), self.expr(Ty::Int, d)),
                3 => format!("({}) div {}", self.expr(Ty::Int, d), self.rng.int(1, 5)),
                4 => format!("({}) rem {}", self.expr(Ty::Int, d), self.rng.int(-4, 4)),
                5 => format!("length({})", self.expr(Ty::List, d)),
                6 => format!("abs({})", self.expr(Ty::Int, d)),
                7 => format!("max({}, {})", self.expr(Ty::Int, d), self.expr(Ty::Int, d)),
                8 => {
                    let op = *self.rng.pick(&["band", "bor", "bxor"]);
                    format!(
                        "({}) {op} ({})",
                        self.expr(Ty::Int, d),
                        self.expr(Ty::Int, d)
                    )
                }
                // Shifts and products past 64 bits: bignums, and back.
                9 => format!("({}) bsl {}", self.expr(Ty::Int, d), self.rng.int(0, 90)),
                10 => format!("({}) bsr {}", self.expr(Ty::Int, d), self.rng.int(0, 70)),
                11 => format!("bnot ({})", self.expr(Ty::Int, d)),
                12 => format!("({}) * 1000000000007", self.expr(Ty::Int, d)),
                13 => format!("byte_size({})", self.expr(Ty::Bin, d)),
                14 => {
                    let bin = self.expr(Ty::Bin, d);
                    let x = self.var("X");
                    let seg = *self.rng.pick(&[":8", ":4", ":16/little", ":8/signed"]);
                    format!("case {bin} of <<{x}{seg}, _/bits>> -> {x}; _ -> -1 end")
                }
                _ => format!("element(1, {{{}, x}})", self.expr(Ty::Int, d)),
            },
            Ty::Float => match self.rng.below(3) {
                0 => format!("{} / {}", self.expr(Ty::Int, d), self.rng.int(1, 8)),
                1 => format!("{} + {}", self.expr(Ty::Float, d), self.expr(Ty::Int, d)),
                _ => format!("{} * {}", self.expr(Ty::Float, d), self.expr(Ty::Float, d)),
            },
            Ty::Atom => format!(
                "case {} of true -> {}; false -> {} end",
                self.expr(Ty::Bool, d),
                self.literal(Ty::Atom),
                self.literal(Ty::Atom)
            ),
            Ty::Bool if self.rng.chance(6) => {
                let key = self.map_keys(1).remove(0);
                format!("is_map_key({key}, {})", self.map_arg(d))
            }
            Ty::Bool => {
                let ops = ["<", ">", "=<", ">=", "==", "/=", "=:=", "=/="];
                match self.rng.below(5) {
                    0 => format!("not ({})", self.expr(Ty::Bool, d)),
                    1 => format!(
                        "({}) andalso ({})",
                        self.expr(Ty::Bool, d),
                        self.expr(Ty::Bool, d)
                    ),
                    2 => {
                        let ty = *self.rng.pick(&[Ty::Int, Ty::Float]);
                        format!("is_integer({})", self.expr(ty, d))
                    }
                    _ => {
                        let (a, b) = (*self.rng.pick(TYPES), *self.rng.pick(TYPES));
                        let op = *self.rng.pick(&ops);
                        format!("({} {op} {})", self.operand(a, d), self.operand(b, d))
                    }
                }
            }
            Ty::List if self.rng.chance(8) => {
                let f = *self.rng.pick(&["keys", "values", "to_list"]);
                format!("maps:{f}({})", self.map_arg(d))
            }
            Ty::List => match self.rng.below(6) {
                // The right of `++` and a tail are always lists: the
                // playground has no improper lists (`[1 | a]`, `[1] ++ a`).
                0 => format!("{} ++ {}", self.expr(Ty::List, d), self.expr(Ty::List, 0)),
                1 => format!("lists:reverse({})", self.expr(Ty::List, d)),
                2 => format!("[{} | {}]", self.expr(Ty::Int, d), self.expr(Ty::List, 0)),
                3 => format!("lists:seq(1, {})", self.rng.int(0, 4)),
                4 => format!("{} -- {}", self.expr(Ty::List, d), self.expr(Ty::List, d)),
                _ => format!("countdown({}, [])", self.rng.int(0, 3)),
            },
            Ty::Tuple => {
                let a = *self.rng.pick(TYPES);
                let b = *self.rng.pick(TYPES);
                format!("{{{}, {}}}", self.expr(a, d), self.expr(b, d))
            }
            Ty::Map => self.map_expr(d),
            Ty::Bin => match self.rng.below(6) {
                0 => format!(
                    "<<({}):8, ({})/binary>>",
                    self.expr(Ty::Int, d),
                    self.expr(Ty::Bin, d)
                ),
                1 => {
                    let seg = *self
                        .rng
                        .pick(&["16/little", "12", "3/unit:8", "24/signed", "72"]);
                    format!(
                        "<<({})/binary, ({}):{seg}>>",
                        self.expr(Ty::Bin, d),
                        self.expr(Ty::Int, d)
                    )
                }
                2 => format!("list_to_binary({})", self.expr(Ty::List, d)),
                3 => format!("integer_to_binary({})", self.expr(Ty::Int, d)),
                4 => format!("<<({})/float>>", self.expr(Ty::Float, d)),
                _ => {
                    let bin = self.expr(Ty::Bin, d);
                    let (rest, other) = (self.var("R"), self.var("O"));
                    format!("case {bin} of <<_, {rest}/binary>> -> {rest}; {other} -> {other} end")
                }
            },
        }
    }

    /// A map to update or to give a `maps` function: a bound variable, or
    /// an expression behind `id/1`, so that neither compiler sees a
    /// literal that is no map (both refuse to compile `3#{a => 1}`).
    fn map_arg(&mut self, depth: u32) -> String {
        let bound: Vec<String> = self
            .vars
            .iter()
            .filter(|(_, t)| *t == Ty::Map)
            .map(|(n, _)| n.clone())
            .collect();
        if !bound.is_empty() && self.rng.chance(2) {
            return self.rng.pick(&bound).clone();
        }
        format!("id({})", self.expr(Ty::Map, depth))
    }

    /// `n` different keys (a key written twice in one map is a warning
    /// of erlc's).
    fn map_keys(&mut self, n: usize) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        while keys.len() < n {
            let key = self.rng.pick(MAP_KEYS).to_string();
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys
    }

    /// A map-typed expression.
    fn map_expr(&mut self, d: u32) -> String {
        match self.rng.below(8) {
            0 | 1 => {
                let n = self.rng.below(4) as usize;
                let fields: Vec<String> = self
                    .map_keys(n)
                    .into_iter()
                    .map(|k| {
                        let ty = if self.rng.chance(4) {
                            *self.rng.pick(TYPES)
                        } else {
                            Ty::Int
                        };
                        format!("{k} => {}", self.expr(ty, d))
                    })
                    .collect();
                format!("#{{{}}}", fields.join(", "))
            }
            2 => {
                let (base, key) = (self.map_arg(d), self.map_keys(1).remove(0));
                format!("({base})#{{{key} => {}}}", self.expr(Ty::Int, d))
            }
            3 => {
                // The key is put first: a `:=` that fails where the
                // result turns out unused is no failure on the BEAM once
                // its optimizer has proved that (see compile/liveness.rs),
                // and generated code is full of such places. The
                // curated programs check `{badkey, K}`.
                let (base, key) = (self.map_arg(d), self.map_keys(1).remove(0));
                let value = self.expr(Ty::Int, d);
                format!("(maps:put({key}, 0, {base}))#{{{key} := {value}}}")
            }
            4 => match self.rng.below(3) {
                0 => {
                    let key = self.map_keys(1).remove(0);
                    let value = self.expr(Ty::Int, d);
                    format!("maps:put({key}, {value}, {})", self.map_arg(d))
                }
                1 => {
                    let key = self.map_keys(1).remove(0);
                    format!("maps:remove({key}, {})", self.map_arg(d))
                }
                _ => format!("maps:merge({}, {})", self.map_arg(d), self.map_arg(d)),
            },
            5 => {
                let n = self.rng.below(4) as usize;
                let pairs: Vec<String> = self
                    .map_keys(n)
                    .into_iter()
                    .map(|k| format!("{{{k}, {}}}", self.expr(Ty::Int, d)))
                    .collect();
                format!("maps:from_list([{}])", pairs.join(", "))
            }
            6 => format!("maps:map(fun(_, X) -> X * 2 end, {})", self.map_arg(d)),
            _ => format!(
                "maps:filter(fun(_, X) -> X > {} end, {})",
                self.rng.int(-3, 3),
                self.map_arg(d)
            ),
        }
    }

    /// An operand of a comparison: parenthesised when it is an operator.
    fn operand(&mut self, ty: Ty, depth: u32) -> String {
        let e = self.expr(ty, depth);
        if e.contains(' ') && !e.starts_with('{') && !e.starts_with('[') {
            format!("({e})")
        } else {
            e
        }
    }

    fn literal(&mut self, ty: Ty) -> String {
        match ty {
            Ty::Int => self.rng.int(-20, 20).to_string(),
            Ty::Float => self
                .rng
                .pick(&["0.5", "1.5", "-2.25", "3.0", "0.1"])
                .to_string(),
            Ty::Atom => self.rng.pick(&["a", "b", "c", "ok"]).to_string(),
            Ty::Bool => self.rng.pick(&["true", "false"]).to_string(),
            Ty::List => {
                let n = self.rng.below(4);
                let items: Vec<String> = (0..n).map(|_| self.rng.int(0, 9).to_string()).collect();
                format!("[{}]", items.join(", "))
            }
            Ty::Tuple => format!("{{{}, {}}}", self.literal(Ty::Atom), self.literal(Ty::Int)),
            Ty::Map => {
                let n = self.rng.below(3) as usize;
                let fields: Vec<String> = self
                    .map_keys(n)
                    .into_iter()
                    .map(|k| format!("{k} => {}", self.rng.int(0, 9)))
                    .collect();
                format!("#{{{}}}", fields.join(", "))
            }
            Ty::Bin => self
                .rng
                .pick(&["<<>>", "<<1, 2, 3>>", "<<\"ab\">>", "<<255, 0>>", "<<7:3>>"])
                .to_string(),
        }
    }

    /// A pattern for a value of type `ty`, with its guard; binds fresh
    /// variables only.
    fn pattern(&mut self, ty: Ty) -> (String, String) {
        match (ty, self.rng.below(3)) {
            (Ty::Int, 0) => (self.rng.int(-3, 3).to_string(), String::new()),
            (Ty::Int, 1) => {
                let v = self.var("P");
                let g = format!(" when {v} > {}", self.rng.int(-5, 5));
                (v, g)
            }
            (Ty::Tuple, 0) => (format!("{{{}, _}}", self.literal(Ty::Atom)), String::new()),
            (Ty::Tuple, 1) => {
                let (a, b) = (self.var("P"), self.var("P"));
                (format!("{{{a}, {b}}}"), format!(" when is_integer({b})"))
            }
            (Ty::List, 0) => ("[]".to_owned(), String::new()),
            (Ty::List, 1) => {
                let (h, t) = (self.var("H"), self.var("T"));
                (format!("[{h} | {t}]"), String::new())
            }
            (Ty::Bin, 0) => ("<<>>".to_owned(), String::new()),
            (Ty::Bin, 1) => {
                let (p, t) = (self.var("P"), self.var("T"));
                let g = format!(" when {p} > {}", self.rng.int(0, 200));
                (format!("<<{p}:8, {t}/binary>>"), g)
            }
            (Ty::Bin, _) => ("<<\"a\", _/bits>>".to_owned(), String::new()),
            (Ty::Atom | Ty::Bool, _) => (self.literal(ty), String::new()),
            (Ty::Map, 0) => ("#{}".to_owned(), String::new()),
            (Ty::Map, 1) => {
                let (key, v) = (self.map_keys(1).remove(0), self.var("P"));
                (
                    format!("#{{{key} := {v}}}"),
                    format!(" when is_integer({v})"),
                )
            }
            _ => ("_".to_owned(), String::new()),
        }
    }

    /// A clause body that may use the pattern's variables.
    fn arm(&mut self, pattern: &str, ty: Ty) -> String {
        let uses: Vec<&str> = pattern
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.starts_with(['P', 'H', 'T']))
            .collect();
        match uses.first() {
            Some(v) if self.rng.chance(2) => format!("{{{v}, {}}}", self.literal(ty)),
            _ => self.expr(ty, 1),
        }
    }

    fn statement(&mut self) -> Statement {
        let ty = *self.rng.pick(TYPES);
        match self.rng.below(8) {
            0 | 1 => {
                let v = self.var("V");
                let e = self.expr(ty, 3);
                let literal = self.literal(ty);
                self.vars.push((v.clone(), ty));
                Statement {
                    text: format!("{v} = {e}"),
                    simpler: Some(format!("{v} = {literal}")),
                }
            }
            2 => {
                let e = self.expr(ty, 3);
                Statement {
                    text: format!("Obs ! {e}"),
                    simpler: Some(format!("Obs ! {}", self.literal(ty))),
                }
            }
            3 => {
                let tag = self.literal(Ty::Atom);
                let e = self.expr(Ty::Int, 2);
                Statement {
                    text: format!("self() ! {{{tag}, {e}}}"),
                    simpler: Some(format!("self() ! {tag}")),
                }
            }
            4 => {
                // A selective receive of what may have been sent to self.
                let tag = self.literal(Ty::Atom);
                let v = self.var("M");
                let guard = format!("{v} > {}", self.rng.int(-5, 5));
                let other = self.literal(Ty::Atom);
                Statement {
                    text: format!(
                        "Obs ! receive {{{tag}, {v}}} when {guard} -> {{got, {v}}}; {other} -> {other} after 0 -> none end"
                    ),
                    simpler: None,
                }
            }
            5 => {
                let subject = self.expr(ty, 2);
                let arms = self.rng.int(1, 3);
                let mut clauses = Vec::new();
                for _ in 0..arms {
                    let (p, g) = self.pattern(ty);
                    let body = self.arm(&p, Ty::Int);
                    clauses.push(format!("{p}{g} -> {body}"));
                }
                if !self.rng.chance(4) {
                    clauses.push(format!("_ -> {}", self.literal(Ty::Atom)));
                }
                Statement {
                    text: format!("Obs ! case {subject} of {} end", clauses.join("; ")),
                    simpler: None,
                }
            }
            6 => {
                let call = match self.rng.below(3) {
                    0 => format!("classify({})", self.expr(ty, 2)),
                    1 => format!(
                        "pick({}, {})",
                        self.literal(Ty::Atom),
                        self.expr(Ty::Tuple, 2)
                    ),
                    // `band 3`: an integer may be a bignum now, and
                    // countdown takes as many steps as it says.
                    _ => format!("countdown(({}) band 3, [])", self.expr(Ty::Int, 1)),
                };
                Statement {
                    text: format!("Obs ! {call}"),
                    simpler: None,
                }
            }
            _ => {
                let (a, b) = (self.var("A"), self.var("B"));
                let e = self.expr(Ty::Tuple, 2);
                Statement {
                    text: format!("{{{a}, {b}}} = {e}, Obs ! {{{a}, {b}}}"),
                    simpler: None,
                }
            }
        }
    }
}

/// Program `index` of the run seeded `seed`.
pub fn generate(rng: &mut Rng, index: usize) -> Generated {
    let mut g = Gen {
        rng,
        vars: Vec::new(),
        fresh: 0,
    };
    let count = g.rng.int(2, 8) as usize;
    let statements = (0..count).map(|_| g.statement()).collect();
    Generated {
        name: format!("main_{index}"),
        statements,
    }
}

impl Generated {
    /// The function's clause: one statement a line, then `done`.
    pub fn text(&self) -> String {
        let mut out = format!("  {}(Obs) ->\n", self.name);
        for s in &self.statements {
            let _ = writeln!(out, "    {},", s.text);
        }
        out.push_str("    done.\n");
        out
    }
}

/// The module holding `programs`.
pub fn module_source(module: &str, programs: &[Generated]) -> String {
    let mut out = format!("def {module} {{\n");
    for p in programs {
        out.push_str(&p.text());
        out.push('\n');
    }
    out.push_str(HELPERS);
    out.push_str("}\n");
    out
}

/// Runs `programs` (functions of module `module`) on both sides: for each,
/// `None` if they agree, else both transcripts side by side. `Err` if the
/// module does not compile here.
pub fn compare(
    module: &str,
    programs: &[Generated],
    dir: &Path,
) -> Result<Vec<Option<String>>, String> {
    let source = module_source(module, programs);
    let program = Program::from_source(module, &source)?;
    let observer = harness::observer();
    let _ = std::fs::remove_dir_all(dir);
    let exported = harness::export_all(std::slice::from_ref(&program), &observer, dir);
    harness::erlc(dir, false).map_err(|e| format!("erlc: {e}"))?;
    let labels: Vec<String> = programs
        .iter()
        .map(|p| format!("{module}:{}", p.name))
        .collect();
    let runs = harness::beam(dir, &labels);
    let compiled = harness::compile_all(&program, &observer);
    Ok(programs
        .iter()
        .zip(&labels)
        .map(|(p, label)| {
            let ours = harness::canonical(&harness::ours_compiled(
                &compiled,
                module,
                label,
                Some(&p.name),
            ));
            let theirs = runs.get(label).cloned().unwrap_or_default();
            let theirs = harness::canonical(&harness::map_lines(&theirs, &ours, &exported));
            let (mut ours, mut theirs) = (ours, theirs);
            relax_operator_frames(&mut ours, &mut theirs);
            (ours != theirs).then(|| crate::side_by_side::side_by_side(label, &ours, &theirs))
        })
        .collect())
}

/// The first frame of an operator's error (`badarith`, or `badarg` of
/// `not`, `and`, `or`, `xor`) is not compared for generated programs:
/// OTP 25 leaves the operator's frame out where its compiler inlines the
/// operation, which depends on what its type analysis knows about the
/// operands (`-15 + V` has the frame when V is known to be an atom, not
/// when V is an argument; `not -16` has none). The VM models the common
/// case, operands it knows nothing about (see `compile::arith_frame`),
/// which the curated programs check exactly; literal-heavy generated code
/// is where the analysis knows more.
fn relax_operator_frames(ours: &mut [String], theirs: &mut [String]) {
    const OPERATORS: &[&str] = &[
        "'+'", "'-'", "'*'", "'/'", "'div'", "'rem'", "'not'", "'and'", "'or'", "'xor'",
    ];
    let is_operator = |line: &str| {
        line.strip_prefix("frame erlang ")
            .is_some_and(|rest| OPERATORS.iter().any(|op| rest.starts_with(op)))
    };
    for i in 1..ours.len().min(theirs.len()) {
        let error = &ours[i - 1];
        if error != &theirs[i - 1] || !matches!(error.as_str(), "error badarith" | "error badarg") {
            continue;
        }
        if error == "error badarith" || is_operator(&ours[i]) || is_operator(&theirs[i]) {
            let relaxed = "frame (of an operator's error: not compared)".to_owned();
            ours[i] = relaxed.clone();
            theirs[i] = relaxed;
        }
    }
}

/// The smallest variant of `program` that still disagrees: statements
/// removed one at a time, then replaced by their simpler form, while the
/// difference stays.
pub fn shrink(module: &str, program: Generated, dir: &Path) -> (Generated, String) {
    let differs = |p: &Generated| -> Option<String> {
        compare(module, std::slice::from_ref(p), dir)
            .ok()
            .and_then(|mut r| r.pop().flatten())
    };
    let mut best = program;
    let mut report = differs(&best).unwrap_or_default();
    loop {
        let mut changed = false;
        for i in (0..best.statements.len()).rev() {
            let mut candidate = best.clone();
            candidate.statements.remove(i);
            if let Some(r) = differs(&candidate) {
                best = candidate;
                report = r;
                changed = true;
            }
        }
        for i in 0..best.statements.len() {
            let Some(simpler) = best.statements[i].simpler.clone() else {
                continue;
            };
            let mut candidate = best.clone();
            candidate.statements[i] = Statement {
                text: simpler,
                simpler: None,
            };
            if let Some(r) = differs(&candidate) {
                best = candidate;
                report = r;
                changed = true;
            }
        }
        if !changed {
            return (best, report);
        }
    }
}
