//! Hot code reload in the session: `def` again, `versions`, `purge`,
//! `show NAME@N`, supervisor restarts in the newest version, and the
//! versions in `tree`, spawn lines and `why`.

use super::{has, last, run, session};
use crate::runtime::Atom;

/// Version `n` of `w`: `{add, M}` adds `n * M`; `boom` is a bug in
/// version 1 (it crashes), fixed in the others; `{get, From}` answers.
fn w(n: u32) -> String {
    let boom = if n == 1 {
        "boom -> 1 = 2"
    } else {
        "boom -> loop(N)"
    };
    format!(
        "def w {{
  start() -> loop(0).
  loop(N) ->
    receive
      {{add, M}} -> loop(N + {n} * M);
      {{get, From}} -> From ! {{count, N}}, loop(N);
      {boom}
    end.
}}"
    )
}

#[test]
fn a_supervisor_restart_runs_the_newest_version() {
    let mut s = session();
    run(&mut s, &w(1));
    run(&mut s, "sup demo { worker w w }");
    let out = run(&mut s, &w(2));
    assert!(
        has(
            &out,
            "notice: w@2 is current: new spawns and restarts run it; w@1 is old, still run by <0.3.0> (demo/w)"
        ),
        "{out:?}"
    );
    let tree = run(&mut s, "tree demo");
    assert!(has(&tree, "w@1:loop/1 (old)"), "{tree:?}");
    // The bug is still there in the running child: it crashes, and the
    // supervisor starts the fixed version.
    let out = run(&mut s, "demo/w ! boom");
    assert!(has(&out, "✖ crash <0.3.0> (demo/w) exited with"), "{out:?}");
    assert!(
        has(&out, "+ spawn w@2 <0.4.0> by <0.2.0> (demo)"),
        "{out:?}"
    );
    let tree = run(&mut s, "tree demo");
    assert!(has(&tree, "w@2:loop/1 "), "{tree:?}");
    assert!(!has(&tree, "(old)"), "{tree:?}");
    // The fix holds.
    run(&mut s, "demo/w ! boom");
    let out = run(&mut s, "expect alive demo/w");
    assert!(has(&out, "pass"), "{out:?}");
}

#[test]
fn a_definition_that_fails_to_compile_changes_nothing() {
    let mut s = session();
    run(&mut s, &w(1));
    run(&mut s, "P = spawn w");
    let out = run(&mut s, "def w { start() -> loop(X). loop(_) -> ok. }");
    assert!(has(&out, "stays in force"), "{out:?}");
    assert_eq!(s.definitions()["w"].version, 1);
    assert!(s.definitions()["w"].earlier.is_empty());
    assert_eq!(s.runtime().code().current_version(Atom::new("w")), Some(1));
    assert!(
        s.runtime()
            .code()
            .versions(Atom::new("w"))
            .unwrap()
            .old
            .is_none()
    );
    assert_eq!(last(&run(&mut s, "show w")), w(1));
    let ps = run(&mut s, "ps");
    assert!(has(&ps, " w:loop/1 "), "no version shown, none old: {ps:?}");
    // The next version that compiles is 2: the failure took no number.
    run(&mut s, &w(2));
    assert_eq!(s.runtime().code().current_version(Atom::new("w")), Some(2));
}

#[test]
fn a_third_version_purges_the_first_and_why_says_so() {
    let mut s = session();
    s.set_source("demo.crash");
    run(&mut s, &w(1));
    run(&mut s, "P = spawn w");
    run(&mut s, &w(2));
    let out = run(&mut s, &w(3));
    assert!(
        has(&out, "w@2 is old; w@1 purged, killing <0.2.0>"),
        "{out:?}"
    );
    assert!(
        has(
            &out,
            "event: [  0.000s] ✖ purge w@1 killed <0.2.0>: still running old code"
        ),
        "{out:?}"
    );
    assert!(has(&out, "✖ crash <0.2.0> exited with killed"), "{out:?}");
    let why = run(&mut s, "why P");
    assert!(
        has(
            &why,
            "← w@1 was purged while it still ran it, by the shell: `def w { …` (line 1 of demo.crash)"
        ),
        "{why:?}"
    );
}

#[test]
fn purge_on_demand_kills_only_old_code_processes() {
    let mut s = session();
    run(&mut s, &w(1));
    run(&mut s, "Old = spawn w");
    run(&mut s, &w(2));
    run(&mut s, "New = spawn w");
    let out = run(&mut s, "purge w");
    assert!(has(&out, "notice: purged w@1, killing <0.2.0>"), "{out:?}");
    assert!(has(&out, "true"), "{out:?}");
    assert!(has(&run(&mut s, "expect dead Old killed"), "pass"));
    assert!(has(&run(&mut s, "expect alive New"), "pass"));
    let out = run(&mut s, "purge w");
    assert!(
        has(&out, "notice: w has no old version to purge"),
        "{out:?}"
    );
    assert_eq!(last(&out), "false");
    assert!(last(&run(&mut s, "purge nothing")).contains("no definition named `nothing`"));
}

#[test]
fn purge_leaves_a_process_that_only_holds_a_fun_and_the_fun_fails_later() {
    let mut s = session();
    run(&mut s, "def ver { f() -> fun(X) -> {version, 1, X} end. }");
    run(
        &mut s,
        "def holder { start() -> F = ver:f(), receive {apply, From} -> From ! F(x) end. }",
    );
    run(&mut s, "H = spawn holder");
    let out = run(&mut s, "def ver { f() -> fun(X) -> {version, 2, X} end. }");
    assert!(
        has(
            &out,
            "notice: ver@2 is current: new spawns and restarts run it; ver@1 is old"
        ),
        "{out:?}"
    );
    assert!(
        !has(&out, "still run by"),
        "the holder runs holder: {out:?}"
    );
    let out = run(&mut s, "versions ver");
    assert!(has(&out, "ver@1    old      none"), "{out:?}");
    // OTP 25: check_process_code/2 does not look at funs, so nobody is
    // killed and code:purge/1 answers false.
    let out = run(&mut s, "purge ver");
    assert!(
        has(&out, "notice: purged ver@1: no process ran it"),
        "{out:?}"
    );
    assert_eq!(last(&out), "false");
    assert!(has(&run(&mut s, "expect alive H"), "pass"));
    // Its fun of ver@1 is gone with the code: calling it is a badfun.
    run(&mut s, "send H {apply, self}");
    let out = run(&mut s, "expect dead H {{badfun, _}, _}");
    assert!(has(&out, "pass"), "{out:?}");
}

#[test]
fn versions_lists_each_version_with_the_processes_running_it() {
    let mut s = session();
    run(&mut s, &w(1));
    run(&mut s, "A = spawn w");
    run(&mut s, &w(2));
    run(&mut s, "B = spawn w");
    let out = run(&mut s, "versions w");
    let table: Vec<&str> = out[0].lines().map(str::trim_end).collect();
    assert_eq!(
        table,
        [
            "version  state    processes",
            "w@2      current  <0.3.0>",
            "w@1      old      <0.2.0>",
        ]
    );
    run(&mut s, &w(3));
    let out = run(&mut s, "versions w");
    let table: Vec<&str> = out[0].lines().map(str::trim_end).collect();
    assert_eq!(
        table,
        [
            "version  state    processes",
            "w@3      current  none",
            "w@2      old      <0.3.0>",
            "w@1      purged",
        ]
    );
}

#[test]
fn show_prints_any_version_kept_for_the_session() {
    let mut s = session();
    run(&mut s, &w(1));
    run(&mut s, &w(2));
    run(&mut s, &w(3));
    assert_eq!(last(&run(&mut s, "show w@1")), w(1), "purged, still shown");
    assert_eq!(last(&run(&mut s, "show w@2")), w(2));
    assert_eq!(last(&run(&mut s, "show w@3")), w(3));
    assert_eq!(last(&run(&mut s, "show w")), w(3));
    let out = run(&mut s, "show w@4");
    assert!(last(&out).contains("w has no version 4"), "{out:?}");
}

#[test]
fn spawn_lines_and_info_show_the_version_once_there_are_two() {
    let mut s = session();
    run(&mut s, &w(1));
    let out = run(&mut s, "A = spawn w");
    assert!(has(&out, "+ spawn w <0.2.0>"), "{out:?}");
    run(&mut s, &w(2));
    let out = run(&mut s, "B = spawn w");
    assert!(has(&out, "+ spawn w@2 <0.3.0>"), "{out:?}");
    let info = run(&mut s, "info A").join("\n");
    assert!(
        info.contains("current_function   w@1:loop/1 (old)"),
        "{info}"
    );
    let info = run(&mut s, "info B").join("\n");
    assert!(info.contains("current_function   w@2:loop/1\n"), "{info}");
}

#[test]
fn reset_numbers_versions_afresh() {
    let mut s = session();
    run(&mut s, &w(1));
    run(&mut s, &w(2));
    run(&mut s, "reset");
    assert_eq!(s.definitions()["w"].version, 1);
    assert_eq!(s.runtime().code().current_version(Atom::new("w")), Some(1));
    assert_eq!(
        last(&run(&mut s, "show w")),
        w(2),
        "the text in force stays"
    );
}

#[test]
fn hot_reload_is_deterministic_in_check_mode() {
    let script = format!(
        "{}\nsup demo {{ worker a w; worker b w }}\nP = spawn w\n{}\ndemo/a ! boom\n{}\nversions w\nps\ntree demo\nwhy P",
        w(1),
        w(2),
        w(3)
    );
    let once = run(&mut session(), &script);
    let twice = run(&mut session(), &script);
    assert_eq!(once, twice);
    assert!(has(&once, "✖ purge w@1 killed"), "{once:?}");
}
