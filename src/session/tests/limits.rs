//! The limits on runaway processes as the presenter meets them: the
//! process language's `spawn_opt`, `process_flag(max_heap_size, _)` and
//! `erlang:system_info/1`, `system_limit` from a spawn past the process
//! limit and from `list_to_atom/1`, the heap-limit line, OTP's report in
//! it and in `info`, `why`, and `ps` with more processes than rows.

use super::{has, last, run};
use crate::runtime::Config;
use crate::session::{Session, SessionConfig};
use crate::view::Style;

fn session_with(edit: impl FnOnce(&mut Config)) -> Session {
    let mut config = SessionConfig::deterministic(1, Style::PLAIN);
    edit(&mut config.runtime);
    Session::new(config)
}

const HOG: &str = "def hog {
  start() -> grow(0, []).
  grow(N, L) -> grow(N + 1, [N | L]).
}";

#[test]
fn a_process_over_its_heap_limit_is_killed_with_a_line_and_otps_report() {
    let mut s = session_with(|c| c.max_heap_size = 100_000);
    run(&mut s, HOG);
    let out = run(&mut s, "P = spawn hog\nwait P dead timeout 60s");
    let line = out
        .iter()
        .find(|l| l.contains("✖ heap limit"))
        .unwrap_or_else(|| panic!("{out:#?}"));
    assert!(
        line.contains("over its max_heap_size of 100,000 words (781.2 KiB): killed"),
        "{line}"
    );
    // OTP 25's logger report, as `erl` prints it.
    assert!(has(&out, "event: =ERROR REPORT===="), "{out:#?}");
    assert!(
        has(&out, "     Context:            maximum heap size reached"),
        "{out:#?}"
    );
    assert!(has(&out, "     Max Heap Size:      100000"), "{out:#?}");
    assert!(has(&out, "exited with killed"), "{out:#?}");
    let info = last(&run(&mut s, "info P")).to_owned();
    assert!(
        info.contains("Context:            maximum heap size reached"),
        "{info}"
    );
    assert!(info.contains("=CRASH REPORT===="), "{info}");
    let why = last(&run(&mut s, "why P")).to_owned();
    assert!(
        why.contains("over its max_heap_size of 100,000 words (781.2 KiB): the runtime killed it"),
        "{why}"
    );
    // The shell answers, and the tool goes on.
    assert!(has(&run(&mut s, "ps"), "1 process"));
}

#[test]
fn spawn_opt_gives_a_process_its_own_limit_and_process_flag_answers_the_old_one() {
    let mut s = session_with(|c| c.max_heap_size = 0);
    run(&mut s, HOG);
    let out = run(
        &mut s,
        "def probe {
  start(Shell) ->
    Old = process_flag(max_heap_size, 100000),
    Shell ! {old, Old},
    Shell ! {set, process_flag(max_heap_size, 0)},
    {P, R} = spawn_opt(hog, grow, [0, []], [monitor, {max_heap_size, 10000}]),
    receive {'DOWN', R, process, P, Why} -> Shell ! {down, Why} end,
    Q = spawn_opt(fun() -> hog:grow(0, []) end, [{priority, high}]),
    Shell ! {unlimited, is_process_alive_soon(Q)}.
  is_process_alive_soon(Q) -> receive after 100 -> exit(Q, kill), ok end.
}
spawn probe(self)
sleep 1s
flush",
    );
    for message in [
        "Shell got {old,#{error_logger => true,kill => true,size => 0}}",
        "Shell got {set,#{error_logger => true,kill => true,size => 100000}}",
        "Shell got {down,killed}",
        "Shell got {unlimited,ok}",
    ] {
        assert!(has(&out, message), "{message}: {out:#?}");
    }
}

#[test]
fn a_max_heap_size_under_the_minimum_heap_is_badarg_as_on_the_beam() {
    let mut s = session_with(|_| {});
    let out = run(
        &mut s,
        "def small {
  start() -> process_flag(max_heap_size, 232).
}
spawn small",
    );
    assert!(has(&out, "exited with badarg in small:start/0"), "{out:#?}");
    let out = run(
        &mut s,
        "def badopt {
  start() -> spawn_opt(fun() -> ok end, [{max_heap_size, 10}]).
}
spawn badopt",
    );
    assert!(
        has(&out, "exited with badarg in badopt:start/0"),
        "{out:#?}"
    );
}

#[test]
fn system_info_tells_the_limits() {
    let mut s = session_with(|c| {
        c.process_limit = 5000;
        c.max_heap_size = 1_000_000;
    });
    let out = run(
        &mut s,
        "def info {
  start(Shell) ->
    Shell ! {erlang:system_info(process_limit), erlang:system_info(process_count),
             erlang:system_info(max_heap_size)},
    Shell ! {erlang:system_info(atom_limit) >= 8192, erlang:system_info(atom_count) > 20}.
}
spawn info(self)
flush",
    );
    assert!(
        has(
            &out,
            "Shell got {5000,2,#{error_logger => true,kill => true,size => 1000000}}"
        ),
        "{out:#?}"
    );
    assert!(has(&out, "Shell got {true,true}"), "{out:#?}");
}

#[test]
fn a_spawn_past_the_process_limit_is_system_limit_for_programs_and_the_shell() {
    let mut s = session_with(|c| c.process_limit = 20);
    let out = run(
        &mut s,
        "def spawner {
  start() -> loop(0).
  loop(N) -> spawn(fun() -> receive stop -> ok end end), loop(N + 1).
}
P = spawn spawner
wait P dead timeout 10s",
    );
    assert!(
        has(&out, "exited with system_limit in spawner:loop/1 line 3"),
        "{out:#?}"
    );
    // The spawner is gone: room for one more, then no more.
    assert!(has(&run(&mut s, "ps"), "19 processes"));
    run(&mut s, "spawn idle");
    let out = run(&mut s, "spawn idle");
    assert!(
        last(&out).starts_with(
            "error: system_limit: 20 processes are alive, the most this runtime allows"
        ),
        "{out:#?}"
    );
    assert!(has(&run(&mut s, "ps"), "20 processes"));
}

#[test]
fn list_to_atom_of_more_than_255_characters_is_system_limit() {
    let mut s = session_with(|_| {});
    let out = run(
        &mut s,
        "def atoms {
  start(Shell) ->
    Shell ! list_to_atom(lists:seq($a, $z)),
    list_to_atom([$x || _ <- lists:seq(1, 256)]).
}",
    );
    if !has(&out, "{ok,atoms}") {
        // No list comprehensions in the language: build it by hand.
        let out = run(
            &mut s,
            "def atoms {
  start(Shell) ->
    Shell ! list_to_atom(lists:seq($a, $z)),
    list_to_atom(lists:map(fun(_) -> $x end, lists:seq(1, 256))).
}",
        );
        assert!(has(&out, "{ok,atoms}"), "{out:#?}");
    }
    let out = run(&mut s, "spawn atoms(self)\nflush");
    assert!(
        has(&out, "exited with system_limit in atoms:start/1"),
        "{out:#?}"
    );
    assert!(
        has(&out, "Shell got abcdefghijklmnopqrstuvwxyz"),
        "{out:#?}"
    );
    // The presenter's own atoms too.
    let long = "x".repeat(256);
    let out = run(&mut s, &format!("A = {{'{long}'}}"));
    assert_eq!(
        last(&out),
        "error: system_limit: an atom has at most 255 characters"
    );
    let out = run(&mut s, &format!("B = {{'{}'}}", &long[1..]));
    assert_eq!(last(&out), format!("{{{}}}", &long[1..]));
}

#[test]
fn ps_with_many_processes_sums_up_and_says_how_to_see_more() {
    let mut s = session_with(|_| {});
    let out = run(
        &mut s,
        "def many {
  start(N) -> spawn_all(N).
  spawn_all(0) -> receive stop -> ok end;
  spawn_all(N) -> spawn(fun() -> receive stop -> ok end end), spawn_all(N - 1).
}
spawn many(150)
ps",
    );
    let ps = last(&out);
    let lines: Vec<&str> = ps.lines().collect();
    assert_eq!(lines[0], "152 processes: 152 waiting", "{ps}");
    assert_eq!(lines[1], "kinds: many 151, shell 1", "{ps}");
    assert_eq!(lines[2], "messages waiting: none", "{ps}");
    assert!(lines[3].starts_with("pid "), "{ps}");
    assert!(lines[4].starts_with("<0.1.0> "), "{ps}");
    assert!(lines[4].contains(" shell "), "{ps}");
    assert_eq!(lines.len(), 4 + 50 + 1, "{ps}");
    assert_eq!(
        lines[54],
        "… and 102 more: `ps all` lists every process, `ps N` the first N"
    );
    let all = last(&run(&mut s, "ps all")).to_owned();
    assert_eq!(all.lines().count(), 1 + 152 + 1);
    assert!(all.ends_with("152 processes"));
    let three = last(&run(&mut s, "ps 3")).to_owned();
    assert_eq!(three.lines().count(), 3 + 1 + 3 + 1, "{three}");
}

#[test]
fn an_expression_at_the_prompt_is_under_the_shells_heap_limit() {
    // Erlang typed at the prompt runs inside the shell process: what it
    // builds counts against the shell's max_heap_size, which kills the
    // shell (started again, variables kept), as it would a process.
    let mut s = session_with(|c| c.max_heap_size = 100_000);
    let shell = s.shell_pid();
    let out = run(
        &mut s,
        "X = 1.\nG = fun(F, N, L) -> F(F, N + 1, [N | L]) end, G(G, 0, []).\nX.",
    );
    assert!(has(&out, "exception exit: killed"), "{out:?}");
    assert!(
        out.iter()
            .any(|l| l.contains("✖ heap limit") && l.contains("(shell)")),
        "{out:?}"
    );
    assert_ne!(s.shell_pid(), shell);
    assert_eq!(last(&out), "1");
}
