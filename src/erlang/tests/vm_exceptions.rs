//! `try`, `catch` and `erlang:raise/3` in the interpreter: what the catch
//! frames promise (see `vm/interpreter.rs`). The values and stacks
//! themselves are compared with the BEAM by the differential programs
//! `try_catch` and `catch_expr` (tests/otp/programs); these tests hold
//! what a transcript cannot show: frames that do not pile up, registers
//! intact after an exception from deep below, exit signals that no `try`
//! stops. Modules are written as text.

use super::support::*;
use crate::erlang::vm::interpreter::MAX_DEPTH;
use crate::erlang::{self, CompiledModule};
use crate::runtime::{Atom, Term};
use std::sync::Arc;
use std::time::Duration;

fn load_text(rt: &crate::runtime::Runtime, name: &str, source: &str) -> Arc<CompiledModule> {
    let parsed = erlang::parse(name, source).unwrap_or_else(|e| panic!("parses: {}", e.message));
    erlang::check(&parsed).unwrap_or_else(|e| panic!("checks: {}", e.message));
    let compiled = erlang::compile(&parsed).unwrap_or_else(|e| panic!("compiles: {e}"));
    erlang::load(rt, compiled.clone());
    compiled
}

/// How `name:start()` ends, and the deepest frame stack it reached.
fn run_text(name: &str, source: &str) -> (Term, usize) {
    let rt = rt();
    load_text(&rt, name, source);
    MAX_DEPTH.with(|d| d.set(0));
    let reason = run(&rt, name, "start", vec![]).expect("it ended");
    (reason, MAX_DEPTH.with(|d| d.get()))
}

#[test]
fn a_loop_through_try_of_and_catch_runs_in_constant_space() {
    // 100,000 turns, each catching a throw and calling on from an `of`
    // clause: if a catch frame or a call frame outlived its turn, the
    // stack would grow with N.
    let (reason, depth) = run_text(
        "spin",
        "start() -> exit(loop(100000, 0)).
         loop(0, Acc) -> Acc;
         loop(N, Acc) ->
           T = catch throw(N),
           try id(T) of
             V -> loop(N - 1, Acc + V)
           catch
             _ -> failed
           end.
         id(X) -> X.",
    );
    assert_eq!(reason, Term::int(5_000_050_000));
    assert!(depth <= 3, "the stack grew to {depth} frames");
}

#[test]
fn the_catching_function_finds_its_variables_after_an_exception_from_deep_below() {
    // The handler runs in the window of the function that caught, whose
    // registers the 500 frames above it did not disturb.
    let (reason, _) = run_text(
        "window",
        "start() -> exit(f(alpha, {beta, 2})).
         f(A, B) ->
           C = [A, B],
           try deep(500) catch throw:bottom -> {A, B, C} end.
         deep(0) -> throw(bottom);
         deep(N) -> [deep(N - 1)].",
    );
    let beta = Term::tuple([Term::atom("beta"), Term::int(2)]);
    assert_eq!(
        reason,
        Term::tuple([
            Term::atom("alpha"),
            beta.clone(),
            Term::list(vec![Term::atom("alpha"), beta]),
        ])
    );
}

#[test]
fn a_catch_that_matches_no_clause_goes_on_to_the_next_one_out() {
    let (reason, _) = run_text(
        "outer",
        "start() ->
           exit(try inner() catch exit:R -> {outer_caught, R} end).
         inner() ->
           try exit(why) catch throw:_ -> wrong after put(after_ran, yes) end.",
    );
    assert_eq!(
        reason,
        Term::tuple([Term::atom("outer_caught"), Term::atom("why")])
    );
}

#[test]
fn an_exception_inside_a_waiting_receive_leaves_no_receive_behind() {
    // `timeout_value` comes from the receive itself; once caught, the
    // next receive waits afresh (and times out) rather than resuming the
    // abandoned one.
    let (reason, _) = run_text(
        "recv",
        "start() ->
           R = try receive _ -> got after id(never) -> late end catch error:E -> E end,
           exit({R, receive _ -> got after 0 -> empty end}).
         id(X) -> X.",
    );
    assert_eq!(
        reason,
        Term::tuple([Term::atom("timeout_value"), Term::atom("empty")])
    );
}

/// OTP-SEMANTICS L6: an exit signal is not an exception, so a `try`
/// around the wait does not keep a non-trapping process alive.
#[test]
fn l6_an_exit_signal_kills_through_a_try() {
    let rt = rt();
    load_text(
        &rt,
        "victim",
        "start() ->
           spawn_link(fun() -> exit(boom) end),
           try receive never -> ok end catch _:_ -> exit(caught) end.",
    );
    let pid =
        erlang::spawn_top(&rt, Atom::new("victim"), Atom::new("start"), vec![]).expect("spawns");
    rt.run_until_quiet(Duration::from_secs(60));
    let death = rt.death(pid).expect("the victim died");
    assert_eq!(death.reason, Term::atom("boom"));
}
