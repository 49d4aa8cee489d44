//! Hot code reload in the VM, as Erlang's code server does it: a running
//! process stays in its version for local calls and moves to the newest at
//! a fully qualified call; at most two versions live, and loading a third
//! (or `code:purge/1`) kills the processes still in the oldest, found as
//! OTP 25's `erlang:check_process_code/2` finds them: by the frames of
//! their stacks; a fun of the oldest that a process only holds does not
//! count.
//!
//! The definitions are written as text, as a presenter types them; each
//! version says which it is in the exit reason it stops with.

use super::support::rt;
use crate::erlang::{self, CompiledModule};
use crate::runtime::{Atom, Cause, Event, EventKind, Pid, Runtime, Term};
use std::sync::Arc;
use std::time::Duration;

/// Parses, checks, compiles and loads `source` as the next version of
/// `name`.
fn define(rt: &Runtime, name: &str, source: &str) -> Arc<CompiledModule> {
    let module = erlang::parse(name, source).unwrap_or_else(|e| panic!("parses: {e:?}"));
    erlang::check(&module).unwrap_or_else(|e| panic!("checks: {e:?}"));
    let compiled = erlang::compile(&module).unwrap_or_else(|e| panic!("compiles: {e}"));
    erlang::load(rt, compiled.clone());
    compiled
}

/// Version `n` of `t`: waits in a loop; `stop` ends it with `{version,
/// n}`, `local` loops with a local call, `remote` with a qualified one.
fn counter_version(n: u32) -> String {
    format!(
        "start() -> loop().
         loop() ->
           receive
             local -> loop();
             remote -> t:loop();
             stop -> exit({{version, {n}}})
           end."
    )
}

fn spawn_t(rt: &Runtime) -> Pid {
    erlang::spawn_top(rt, Atom::new("t"), Atom::new("start"), vec![]).expect("t:start/0 exists")
}

fn settle(rt: &Runtime) {
    rt.run_until_quiet(Duration::from_secs(60));
}

fn stop_and_read(rt: &Runtime, pid: Pid) -> Term {
    rt.send(pid, Term::atom("stop"));
    settle(rt);
    rt.death(pid).expect("it stopped").reason
}

fn version_reason(n: i64) -> Term {
    Term::tuple([Term::atom("version"), Term::int(n)])
}

/// The version a live process's code is in, as `ps` reads it.
fn running_version(rt: &Runtime, pid: Pid) -> (u32, u32) {
    let version = rt
        .process_info(pid)
        .and_then(|info| info.code_version)
        .expect("process code has a version");
    (version.running, version.newest)
}

#[test]
fn reload_a_running_process_keeps_its_version_across_a_def() {
    let rt = rt();
    define(&rt, "t", &counter_version(1));
    let pid = spawn_t(&rt);
    settle(&rt);
    define(&rt, "t", &counter_version(2));
    // Local calls stay in version 1, however many.
    rt.send(pid, Term::atom("local"));
    rt.send(pid, Term::atom("local"));
    settle(&rt);
    assert_eq!(
        running_version(&rt, pid),
        (1, 2),
        "in old code, and ps knows"
    );
    assert_eq!(stop_and_read(&rt, pid), version_reason(1));
}

#[test]
fn reload_a_qualified_call_moves_a_running_process_to_the_newest_version() {
    let rt = rt();
    define(&rt, "t", &counter_version(1));
    let pid = spawn_t(&rt);
    settle(&rt);
    define(&rt, "t", &counter_version(2));
    rt.send(pid, Term::atom("remote"));
    settle(&rt);
    assert_eq!(running_version(&rt, pid), (2, 2));
    assert_eq!(stop_and_read(&rt, pid), version_reason(2));
}

#[test]
fn reload_new_spawns_use_the_newest_version() {
    let rt = rt();
    define(&rt, "t", &counter_version(1));
    define(&rt, "t", &counter_version(2));
    let pid = spawn_t(&rt);
    settle(&rt);
    assert_eq!(stop_and_read(&rt, pid), version_reason(2));
}

#[test]
fn reload_spawn_mfa_and_an_external_fun_resolve_the_version_at_call_time() {
    let rt = rt();
    // Made before version 2 exists, called after it is loaded: both go to
    // the current version when they are called, as on the BEAM.
    define(
        &rt,
        "starter",
        "start() ->
           F = fun t:loop/0,
           receive go -> ok end,
           spawn(t, loop, []) ! stop,
           spawn(F) ! stop,
           receive never -> ok end.",
    );
    define(&rt, "t", &counter_version(1));
    let events = rt.subscribe();
    let starter = erlang::spawn_top(&rt, Atom::new("starter"), Atom::new("start"), vec![])
        .expect("starter:start/0");
    settle(&rt);
    define(&rt, "t", &counter_version(2));
    rt.send(starter, Term::atom("go"));
    settle(&rt);
    let reasons: Vec<Term> = events
        .try_iter()
        .filter_map(|event| match event.kind {
            EventKind::Exited { reason, .. } => Some(reason),
            _ => None,
        })
        .collect();
    assert_eq!(reasons, vec![version_reason(2), version_reason(2)]);
}

#[test]
fn reload_a_local_fun_stays_in_the_version_it_was_made_in() {
    let rt = rt();
    define(
        &rt,
        "t",
        "start() -> F = fun loop/0, receive go -> F() end.
         loop() -> receive stop -> exit({version, 1}) end.",
    );
    let pid = spawn_t(&rt);
    settle(&rt);
    define(
        &rt,
        "t",
        "loop() -> receive stop -> exit({version, 2}) end.",
    );
    rt.send(pid, Term::atom("go"));
    assert_eq!(stop_and_read(&rt, pid), version_reason(1));
}

/// The purge events in `events`: (module@version, pid).
fn purges(events: &[Event]) -> Vec<(String, Pid)> {
    events
        .iter()
        .filter_map(|event| match &event.kind {
            EventKind::CodePurged {
                module,
                version,
                pid,
                ..
            } => Some((format!("{module}@{version}"), *pid)),
            _ => None,
        })
        .collect()
}

#[test]
fn reload_loading_a_third_version_kills_the_processes_still_in_the_first() {
    let rt = rt();
    let events = rt.subscribe();
    define(&rt, "t", &counter_version(1));
    let first = spawn_t(&rt);
    settle(&rt);
    define(&rt, "t", &counter_version(2));
    let second = spawn_t(&rt);
    settle(&rt);
    define(&rt, "t", &counter_version(3));
    settle(&rt);
    let death = rt.death(first).expect("the version 1 process is dead");
    assert_eq!(death.reason, Term::atom("killed"));
    assert!(rt.is_alive(second), "version 2 is old now, not purged");
    assert_eq!(running_version(&rt, second), (2, 3));
    let events: Vec<Event> = events.try_iter().collect();
    assert_eq!(purges(&events), vec![("t@1".to_owned(), first)]);
    // The death names the purge as its cause (for `why`).
    let purge_id = events
        .iter()
        .find(|e| matches!(e.kind, EventKind::CodePurged { .. }))
        .map(|e| e.id);
    let cause = events.iter().find_map(|event| match &event.kind {
        EventKind::Exited { pid, cause, .. } if *pid == first => Some(cause.cause.clone()),
        _ => None,
    });
    assert_eq!(cause, Some(Cause::Purged { by: purge_id }));
    // Only two versions are loaded: 3 and 2.
    let loaded: Vec<u32> = erlang::program::versions(&rt, Atom::new("t"))
        .iter()
        .map(|m| m.version())
        .collect();
    assert_eq!(loaded, vec![3, 2]);
}

#[test]
fn reload_a_frame_deep_in_the_stack_counts_as_running_old_code() {
    let rt = rt();
    // `wait/0` runs in `other`, but t@1's `start/0` waits for its return:
    // a frame of t@1 is on the stack, so the process runs old code.
    define(&rt, "other", "wait() -> receive stop -> ok end.");
    define(&rt, "t", "start() -> other:wait(), exit(returned).");
    let pid = spawn_t(&rt);
    settle(&rt);
    define(&rt, "t", "start() -> ok.");
    let old = erlang::program::versions(&rt, Atom::new("t"))
        .pop()
        .expect("an old version");
    let old: crate::runtime::LoadedCode = old;
    assert_eq!(rt.processes_using(&old), vec![pid]);
    define(&rt, "t", "start() -> ok.");
    settle(&rt);
    assert_eq!(rt.death(pid).map(|d| d.reason), Some(Term::atom("killed")));
}

#[test]
fn reload_holding_a_fun_of_an_old_version_is_not_running_it() {
    let rt = rt();
    define(&rt, "t", "make() -> fun () -> 1 end.");
    // The holder runs `h`, never `t`: only the fun ties it to t@1, and
    // OTP 25's check_process_code/2 does not look at funs. A second holder
    // keeps an external fun, which names no version.
    define(
        &rt,
        "h",
        "start() -> F = t:make(), G = fun t:make/0, receive stop -> {F, G} end.
         ext() -> G = fun t:make/0, receive stop -> G end.",
    );
    let holder = erlang::spawn_top(&rt, Atom::new("h"), Atom::new("start"), vec![]).unwrap();
    let external = erlang::spawn_top(&rt, Atom::new("h"), Atom::new("ext"), vec![]).unwrap();
    settle(&rt);
    let events = rt.subscribe();
    define(&rt, "t", "make() -> fun () -> 2 end.");
    let old: crate::runtime::LoadedCode = erlang::program::versions(&rt, Atom::new("t"))
        .pop()
        .expect("an old version");
    assert_eq!(rt.processes_using(&old), vec![]);
    define(&rt, "t", "make() -> fun () -> 3 end.");
    settle(&rt);
    let events: Vec<Event> = events.try_iter().collect();
    assert_eq!(purges(&events), vec![]);
    assert!(rt.is_alive(holder));
    assert!(rt.is_alive(external));
}

/// The first element of an error's exit reason `{Reason, Stack}`.
fn error_reason(reason: &Term) -> &Term {
    match reason.as_tuple() {
        Some([error, _]) => error,
        _ => panic!("not an error's exit reason: {reason}"),
    }
}

/// `{badfun, F}` where `F` is a local fun of `module`.
fn is_badfun_of(reason: &Term, module: &str) -> bool {
    match reason.as_tuple() {
        Some([tag, fun]) if *tag == Term::atom("badfun") => {
            fun.as_fun().is_some() && fun.to_string().starts_with(&format!("#Fun<{module}."))
        }
        _ => false,
    }
}

#[test]
fn reload_a_fun_of_a_purged_version_raises_badfun_when_called() {
    let rt = rt();
    let fun_code = |n: u32| {
        format!(
            "one() -> fun (X) -> {{version, {n}, X}} end.
             two() -> fun (X, Acc) -> [{{version, {n}, X}} | Acc] end.
             zero() -> fun () -> {{version, {n}}} end."
        )
    };
    define(&rt, "t", &fun_code(1));
    // Each holder calls its t@1 fun in its own way once told to: directly,
    // through lists:map/2 and lists:foldl/3, and by spawning it.
    define(
        &rt,
        "h",
        "start(How) -> hold(How, t:one(), t:two(), t:zero()).
         hold(How, One, Two, Zero) -> receive go -> call(How, One, Two, Zero) end.
         call(apply, One, _, _) -> One(x);
         call(map, One, _, _) -> lists:map(One, [x]);
         call(foldl, _, Two, _) -> lists:foldl(Two, [], [x]);
         call(spawn, _, _, Zero) ->
           {P, R} = spawn_monitor(Zero),
           receive {'DOWN', R, process, P, Why} -> exit({spawned, Why}) end.",
    );
    let hows = ["apply", "map", "foldl", "spawn"];
    let holders: Vec<Pid> = hows
        .iter()
        .map(|how| {
            erlang::spawn_top(
                &rt,
                Atom::new("h"),
                Atom::new("start"),
                vec![Term::atom(how)],
            )
            .expect("h:start/1")
        })
        .collect();
    settle(&rt);
    define(&rt, "t", &fun_code(2));
    let purged = erlang::program::purge(&rt, Atom::new("t"), None).expect("an old version");
    assert_eq!(purged.killed, vec![], "holding a fun is not running t@1");
    settle(&rt);
    for &holder in &holders {
        assert!(rt.is_alive(holder), "the purge left {holder} alive");
        rt.send(holder, Term::atom("go"));
    }
    settle(&rt);
    let reasons: Vec<Term> = holders
        .iter()
        .map(|&pid| rt.death(pid).expect("it called a purged fun").reason)
        .collect();
    for (how, reason) in hows.iter().zip(&reasons).take(3) {
        assert!(is_badfun_of(error_reason(reason), "t"), "{how}: {reason}");
    }
    // spawn(F) starts erlang:apply(F, []), which fails in the new process.
    let Some(spawned) = reasons[3].as_tuple() else {
        panic!("{}", reasons[3]);
    };
    assert_eq!(spawned[0], Term::atom("spawned"));
    assert!(
        is_badfun_of(error_reason(&spawned[1]), "t"),
        "{}",
        spawned[1]
    );
    assert_eq!(
        spawned[1].to_string(),
        format!("{{{},[{{erlang,apply,2,[]}}]}}", error_reason(&spawned[1]))
    );
    // A fun of the current version still runs.
    define(&rt, "fresh", "start() -> F = t:one(), exit(F(x)).");
    let fresh = erlang::spawn_top(&rt, Atom::new("fresh"), Atom::new("start"), vec![]).unwrap();
    settle(&rt);
    assert_eq!(
        rt.death(fresh).map(|d| d.reason),
        Some(Term::tuple([
            Term::atom("version"),
            Term::int(2),
            Term::atom("x")
        ]))
    );
}

#[test]
fn reload_purge_kills_only_processes_in_the_old_version_and_removes_it() {
    let rt = rt();
    define(&rt, "t", &counter_version(1));
    let old = spawn_t(&rt);
    settle(&rt);
    define(&rt, "t", &counter_version(2));
    let new = spawn_t(&rt);
    settle(&rt);
    let purged = erlang::program::purge(&rt, Atom::new("t"), None).expect("an old version");
    assert_eq!(purged.version, 1);
    assert_eq!(purged.killed, vec![old]);
    settle(&rt);
    assert_eq!(rt.death(old).map(|d| d.reason), Some(Term::atom("killed")));
    assert!(rt.is_alive(new));
    assert_eq!(erlang::program::versions(&rt, Atom::new("t")).len(), 1);
    assert!(erlang::program::purge(&rt, Atom::new("t"), None).is_none());
    // The next version is 3: numbers are never reused.
    define(&rt, "t", &counter_version(3));
    assert_eq!(rt.code().current_version(Atom::new("t")), Some(3));
}

#[test]
fn reload_trapping_exits_does_not_save_a_process_from_a_purge() {
    let rt = rt();
    define(
        &rt,
        "t",
        "start() -> process_flag(trap_exit, true), loop().
         loop() -> receive _ -> loop() end.",
    );
    let pid = spawn_t(&rt);
    settle(&rt);
    define(&rt, "t", "loop() -> ok.");
    erlang::program::purge(&rt, Atom::new("t"), None);
    settle(&rt);
    assert_eq!(rt.death(pid).map(|d| d.reason), Some(Term::atom("killed")));
}
