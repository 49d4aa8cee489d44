//! Maps run by the VM, from definitions written as text: what updates
//! copy and what they update in place, the liveness rewrite behind it,
//! and the maps BIFs that call funs (preemptible, and never recursing in
//! Rust per element), as `lists:map/2` and `lists:foldl/3`, which run the
//! same way, now are too.

use super::support::{rt, run};
use crate::erlang::opcodes::Op;
use crate::erlang::vm::maps::COPIES;
use crate::erlang::{self, CompiledModule};
use crate::runtime::{Runtime, Term};
use std::sync::Arc;

/// Parses, checks, compiles and loads `source` as `name`.
fn define(rt: &Runtime, name: &str, source: &str) -> Arc<CompiledModule> {
    let module = erlang::parse(name, source).unwrap_or_else(|e| panic!("{}", e.render(None)));
    erlang::check(&module).unwrap_or_else(|e| panic!("{}", e.render(None)));
    let compiled = erlang::compile(&module).unwrap_or_else(|e| panic!("{}", e.render(None)));
    erlang::load(rt, compiled.clone());
    compiled
}

/// The exit reason of `name:start()` in `source` (`start() -> exit(...)`),
/// and how many map updates copied a shared map meanwhile.
fn exit_of(source: &str) -> (Term, u64) {
    let rt = rt();
    define(&rt, "t", source);
    COPIES.with(|n| n.set(0));
    let reason = run(&rt, "t", "start", vec![]).expect("the process ended");
    (reason, COPIES.with(|n| n.get()))
}

/// The instructions of `name/arity`.
fn code(module: &CompiledModule, name: &str, arity: u32) -> Vec<Op> {
    let index = module
        .function(crate::runtime::Atom::new(name), arity)
        .expect("defined");
    module.functions[index as usize].code.clone()
}

#[test]
fn a_map_threaded_through_a_loop_is_updated_in_place_not_copied_per_put() {
    // 100,000 puts, each on the map the previous one made: the only copy
    // is the first, of the literal `#{}` (shared with the module's
    // constants). A copy per put would be 100,000 here.
    let (reason, copies) = exit_of(
        "start() -> exit(loop(#{}, 100000)).
         loop(M, 0) -> {map_size(M), map_get(1, M), map_get(100000, M)};
         loop(M, N) -> loop(M#{N => N}, N - 1).",
    );
    assert_eq!(reason.to_string(), "{100000,1,100000}");
    assert_eq!(copies, 1);
}

#[test]
fn in_place_holds_through_a_bound_variable_an_update_and_a_receive_loop() {
    // `M1 = M#{...}` then `loop(M1, ...)`: M1's move into the call is its
    // last use, so it moves rather than clones.
    let (reason, copies) = exit_of(
        "start() -> exit(loop(#{n => 0}, 50000)).
         loop(M, 0) -> M;
         loop(M, N) ->
           M1 = M#{N => N},
           M2 = M1#{n := N},
           loop(M2, N - 1).",
    );
    assert_eq!(reason.as_map().map(|m| m.len()), Some(50001));
    assert_eq!(copies, 1);
    // A server whose state is a map, fed 10,000 messages.
    let rt = rt();
    define(
        &rt,
        "store",
        "start(Parent, N) -> feed(self(), N), loop(#{}, Parent).
         feed(_, 0) -> ok;
         feed(Me, N) -> Me ! {put, N, N * N}, feed(Me, N - 1).
         loop(State, Parent) ->
           receive
             {put, K, V} -> loop(State#{K => V}, Parent)
           after 0 -> exit({map_size(State), map_get(100, State)})
           end.",
    );
    COPIES.with(|n| n.set(0));
    let pid = erlang::spawn_top(
        &rt,
        crate::runtime::Atom::new("store"),
        crate::runtime::Atom::new("start"),
        vec![Term::NIL, Term::int(10_000)],
    )
    .unwrap();
    rt.run_until_quiet(std::time::Duration::from_secs(3600));
    assert_eq!(rt.death(pid).unwrap().reason.to_string(), "{10000,10000}");
    assert_eq!(COPIES.with(|n| n.get()), 1);
}

#[test]
fn a_map_still_in_use_is_copied_and_keeps_its_value() {
    let (reason, copies) = exit_of(
        "start() ->
           M = maps:from_list([{a, 1}]),
           M1 = M#{b => 2},
           M2 = M#{a := 3},
           exit({M, M1, M2, M#{}}).",
    );
    assert_eq!(
        reason.to_string(),
        "{#{a => 1},#{a => 1,b => 2},#{a => 3},#{a => 1}}"
    );
    // `M#{b => 2}` and `M#{a := 3}` copy (M is used after them); the
    // last, `M#{}`, takes M at its last use but the tuple under
    // construction is not built yet: M's register was cloned into it.
    assert!(copies >= 2, "{copies}");
}

#[test]
fn the_last_use_of_a_variable_moves_and_an_earlier_one_clones() {
    let rt = rt();
    let module = define(
        &rt,
        "t",
        "loop(M, N) -> M1 = M#{N => N}, loop(M1, N - 1).
         twice(M) -> {M#{a => 1}, M}.",
    );
    let code_loop = code(&module, "loop", 2);
    assert!(
        code_loop
            .iter()
            .any(|op| matches!(op, Op::MapPut { take: true, .. })),
        "{code_loop:?}"
    );
    assert!(
        code_loop.iter().any(|op| matches!(op, Op::MoveLast { .. })),
        "M1 moves into the call's arguments: {code_loop:?}"
    );
    let code_twice = code(&module, "twice", 1);
    assert!(
        code_twice
            .iter()
            .any(|op| matches!(op, Op::MapPut { take: false, .. })),
        "M is used after the update: {code_twice:?}"
    );
}

#[test]
fn an_update_reading_its_own_map_as_a_value_copies_it() {
    // `M#{self => M}` takes M at its last use, but M is also a value: it
    // is read before the map moves, so the nested value is the old map.
    let (reason, _) = exit_of("start() -> M = maps:from_list([{a, 1}]), exit(M#{self => M}).");
    assert_eq!(reason.to_string(), "#{a => 1,self => #{a => 1}}");
}

#[test]
fn walks_over_a_fun_of_a_bif_do_not_recurse_per_pair() {
    // `fun erlang:max/2` is computed in the walk's loop: 300,000 pairs
    // through call_fun and back would be a Rust recursion as deep.
    let (reason, _) = exit_of(
        "start() ->
           M = maps:from_list(lists:map(fun(N) -> {N, -N} end, lists:seq(1, 300000))),
           M2 = maps:map(fun erlang:max/2, M),
           exit({map_size(M2), map_get(7, M2), maps:fold(fun erlang:max/3, 0, #{})}).",
    );
    assert_eq!(reason.to_string(), "{300000,7,0}");
}

#[test]
fn walks_are_charged_and_preempted_like_calls() {
    // A fold of a fun of process code over 200,000 pairs: every call is a
    // reduction, so some slice must end inside the fun (a slice is 4,000
    // reductions); then the fold goes on and finishes.
    let rt = rt();
    define(
        &rt,
        "folder",
        "start() ->
           receive M ->
             S = maps:fold(fun(_, V, Acc) -> V + Acc end, 0, M),
             receive stop -> exit(S) end
           end.",
    );
    let atom = crate::runtime::Atom::new;
    let folder = erlang::spawn_top(&rt, atom("folder"), atom("start"), vec![]).unwrap();
    rt.send(
        folder,
        Term::map((1..=200_000).map(|n| (Term::int(n), Term::int(n)))),
    );
    let in_the_fun = Some((atom("folder"), atom("-start/0-fun-0-"), 3));
    let outcome = rt.run_until(
        || {
            rt.process_info(folder)
                .is_some_and(|i| i.current_function == in_the_fun)
        },
        std::time::Duration::from_secs(3600),
    );
    assert_eq!(
        outcome,
        crate::runtime::Outcome::Done,
        "a slice ended in the fun"
    );
    let reductions = rt.process_info(folder).unwrap().reductions;
    assert!(reductions >= 4000, "{reductions}");
    rt.send(folder, Term::atom("stop"));
    rt.run_until_quiet(std::time::Duration::from_secs(3600));
    assert_eq!(
        rt.death(folder).unwrap().reason,
        Term::int(200_000 * 200_001 / 2)
    );
}

#[test]
fn lists_map_and_foldl_over_a_fun_of_a_bif_do_not_recurse_per_element() {
    // Before, each element went give_back -> call_fun -> call_ext ->
    // give_back: 300,000 elements overflowed the scheduler's stack and
    // took the whole tool down.
    let (reason, _) = exit_of(
        "start() ->
           L = lists:map(fun erlang:abs/1, lists:seq(-300000, -1)),
           exit({length(L), hd(L), lists:foldl(fun erlang:max/2, 0, L)}).",
    );
    assert_eq!(reason.to_string(), "{300000,300000,300000}");
    // A BIF failing inside lists:map: its frame, then lists:map's; the
    // caller called lists:map in tail position, so its frame is gone, as
    // on the BEAM.
    let (reason, _) = exit_of("start() -> lists:map(fun erlang:abs/1, [1, a]).");
    assert_eq!(
        reason.to_string(),
        "{badarg,[{erlang,abs,[a],[]},{lists,map_1,2,[{file,\"lists.erl\"},{line,1320}]},\
         {lists,map,2,[{file,\"lists.erl\"},{line,1315}]}]}"
    );
}

#[test]
fn lists_map_is_preempted_even_when_its_fun_calls_nothing() {
    let rt = rt();
    define(
        &rt,
        "mapper",
        "start(L) -> L2 = lists:map(fun(X) -> X + 1 end, L), receive stop -> exit(length(L2)) end.",
    );
    let atom = crate::runtime::Atom::new;
    let list = Term::list((0..100_000).map(Term::int));
    let pid = erlang::spawn_top(&rt, atom("mapper"), atom("start"), vec![list]).unwrap();
    let in_the_fun = Some((atom("mapper"), atom("-start/1-fun-0-"), 1));
    let outcome = rt.run_until(
        || {
            rt.process_info(pid)
                .is_some_and(|i| i.current_function == in_the_fun)
        },
        std::time::Duration::from_secs(3600),
    );
    assert_eq!(outcome, crate::runtime::Outcome::Done);
    rt.send(pid, Term::atom("stop"));
    rt.run_until_quiet(std::time::Duration::from_secs(3600));
    assert_eq!(rt.death(pid).unwrap().reason, Term::int(100_000));
}
