//! Random definitions, compiled and run: the compiler rejects or accepts,
//! the VM runs or raises, and nothing panics (a panic would show as a
//! process dying `{panic, ...}`, or fail the test outright).

use super::build::*;
use super::support::*;
use crate::erlang::ast::{BinOp, Expr, Pattern, UnOp};
use crate::erlang::{self};
use crate::runtime::XorShift as Rng;
use crate::runtime::{Atom, Term};
use std::time::Duration;

const VARS: &[&str] = &["X", "Y", "Z"];
const ATOMS: &[&str] = &["a", "ok", "true", "false", "infinity", "self"];
const BIFS: &[(&str, usize)] = &[
    ("element", 2),
    ("setelement", 3),
    ("hd", 1),
    ("tl", 1),
    ("length", 1),
    ("tuple_size", 1),
    ("abs", 1),
    ("min", 2),
    ("self", 0),
    ("make_ref", 0),
    ("is_atom", 1),
    ("is_function", 2),
    ("integer_to_list", 1),
    ("list_to_atom", 1),
    ("spawn", 1),
    ("exit", 1),
    ("throw", 1),
    ("link", 1),
    ("whereis", 1),
    ("register", 2),
    ("monitor", 2),
    ("demonitor", 2),
    ("map_size", 1),
    ("is_map_key", 2),
    ("map_get", 2),
];
const OPS: &[BinOp] = &[
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::Div,
    BinOp::IntDiv,
    BinOp::Rem,
    BinOp::Eq,
    BinOp::ExactNe,
    BinOp::Lt,
    BinOp::Ge,
    BinOp::Append,
    BinOp::Subtract,
    BinOp::AndAlso,
    BinOp::OrElse,
    BinOp::Xor,
];

fn pattern(r: &mut Rng, depth: u32) -> Pattern {
    match r.below(if depth == 0 { 5 } else { 9 }) {
        0 => pv(r.pick::<&str>(VARS)),
        1 => any(),
        2 => pa(r.pick::<&str>(ATOMS)),
        3 => pi(r.below(3) as i64),
        4 => ps("ab"),
        5 => pt((0..r.below(3)).map(|_| pattern(r, depth - 1)).collect()),
        6 => pcons(pattern(r, depth - 1), pattern(r, depth - 1)),
        7 => palias(pattern(r, depth - 1), pv(r.pick::<&str>(VARS))),
        // `#{K := P}`, with atom keys (a head has no variable bound yet).
        _ => Pattern {
            kind: crate::erlang::ast::PatternKind::Map(
                (0..r.below(3))
                    .map(|_| crate::erlang::ast::MapPatternField {
                        key: a(r.pick::<&str>(&["a", "ok"])),
                        value: pattern(r, depth - 1),
                        pos: crate::erlang::ast::Pos::new(1, 1),
                    })
                    .collect(),
            ),
            pos: crate::erlang::ast::Pos::new(1, 1),
        },
    }
}

/// `#{K => V, ...}` or, with `base`, `Base#{K => V, K2 := V2}`.
fn map_expr(r: &mut Rng, depth: u32, base: Option<Expr>) -> Expr {
    let updates = base.is_some();
    let fields = (0..r.below(3))
        .map(|_| crate::erlang::ast::MapField {
            key: [a("a"), a("ok"), i(1), expr(r, depth)][r.below(4)].clone(),
            exact: updates && r.below(2) == 0,
            value: expr(r, depth),
            pos: crate::erlang::ast::Pos::new(1, 1),
        })
        .collect();
    let kind = match base {
        None => crate::erlang::ast::ExprKind::Map(fields),
        Some(base) => crate::erlang::ast::ExprKind::MapUpdate(Box::new(base), fields),
    };
    Expr {
        kind,
        pos: crate::erlang::ast::Pos::new(1, 1),
    }
}

fn expr(r: &mut Rng, depth: u32) -> Expr {
    let leaf = depth == 0;
    match r.below(if leaf { 6 } else { 24 }) {
        0 => v(r.pick::<&str>(VARS)),
        1 => a(r.pick::<&str>(ATOMS)),
        2 => i([0, 1, -1, i64::MAX, i64::MIN, 3][r.below(6)]),
        3 => f(1.5),
        4 => s("ab"),
        5 => nil(),
        6 => t((0..r.below(3)).map(|_| expr(r, depth - 1)).collect()),
        7 => cons(expr(r, depth - 1), expr(r, depth - 1)),
        8 => m(pattern(r, 2), expr(r, depth - 1)),
        9 => op(
            OPS[r.below(OPS.len())],
            expr(r, depth - 1),
            expr(r, depth - 1),
        ),
        10 => un(
            [UnOp::Neg, UnOp::Not, UnOp::Plus][r.below(3)],
            expr(r, depth - 1),
        ),
        11 => {
            let (name, arity) = BIFS[r.below(BIFS.len())];
            call(name, (0..arity).map(|_| expr(r, depth - 1)).collect())
        }
        12 => call("f", vec![expr(r, depth - 1)]),
        13 => case(
            expr(r, depth - 1),
            (0..1 + r.below(2))
                .map(|_| arm(pattern(r, 2), vec![], vec![expr(r, depth - 1)]))
                .collect(),
        ),
        14 => if_(vec![(
            vec![vec![expr(r, depth - 1)]],
            vec![expr(r, depth - 1)],
        )]),
        15 => receive_after(
            vec![arm(pattern(r, 2), vec![], vec![expr(r, depth - 1)])],
            [i(0), a("infinity"), i(5), a("x")][r.below(4)].clone(),
            vec![expr(r, depth - 1)],
        ),
        16 => lambda(vec![pattern(r, 1)], vec![expr(r, depth - 1)]),
        17 => fcall(expr(r, depth - 1), vec![expr(r, depth - 1)]),
        18 => block(vec![expr(r, depth - 1), expr(r, depth - 1)]),
        19 => send(call("self", vec![]), expr(r, depth - 1)),
        20 => rcall(
            ["lists", "nosuch", "fz"][r.below(3)],
            ["map", "reverse", "f", "seq"][r.below(4)],
            (0..r.below(3)).map(|_| expr(r, depth - 1)).collect(),
        ),
        21 => map_expr(r, depth - 1, None),
        22 => {
            let base = expr(r, depth - 1);
            map_expr(r, depth - 1, Some(base))
        }
        _ => fref("f", 1),
    }
}

#[test]
fn random_definitions_never_panic_the_compiler_or_the_vm() {
    let mut r = Rng::new(0x9e37_79b9_7f4a_7c15);
    let mut compiled = 0;
    for round in 0..300 {
        let rt = rt();
        let start = func(
            "start",
            vec![cl(1, vec![], (0..3).map(|_| expr(&mut r, 3)).collect())],
        );
        let f_clauses = (0..1 + r.below(2))
            .map(|n| {
                cl(
                    2 + n as u32,
                    vec![pattern(&mut r, 2)],
                    vec![expr(&mut r, 3)],
                )
            })
            .collect();
        let m = module("fz", vec![start, func("f", f_clauses)]);
        let Ok(module) = erlang::compile(&m) else {
            continue;
        };
        compiled += 1;
        erlang::load(&rt, module);
        let pid = erlang::spawn_top(&rt, Atom::new("fz"), Atom::new("start"), vec![]).unwrap();
        rt.send(pid, Term::atom("a"));
        rt.run_until_quiet(Duration::from_millis(200));
        for death in rt.recent_deaths(100) {
            assert!(
                !death.reason.to_string().contains("panic"),
                "round {round}: {}\n{m:#?}",
                death.reason
            );
        }
    }
    assert!(compiled > 50, "only {compiled} of 300 compiled");
}
