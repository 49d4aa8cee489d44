//! Processes, messages, links, monitors, names, views and presenting.

use super::*;
use crate::commands::parse_line;
use crate::session::Control;

#[test]
fn spawn_prints_a_pid_and_as_registers_a_name() {
    let mut s = session();
    let out = run(&mut s, "spawn counter as c");
    let pid = last(&out).to_owned();
    assert!(pid.starts_with("<0.") && pid.ends_with(".0>"), "{out:?}");
    assert_eq!(last(&run(&mut s, "whereis c")), pid);
    assert!(has(
        &run(&mut s, "spawn counter as c"),
        "already registered"
    ));
}

#[test]
fn spawn_with_an_unknown_kind_suggests_the_closest() {
    let mut s = session();
    let out = run(&mut s, "spawn countr");
    assert!(
        has(&out, "unknown kind `countr`") && has(&out, "counter"),
        "{out:?}"
    );
}

#[test]
fn send_and_call_talk_to_a_process() {
    let mut s = session();
    let out = run(
        &mut s,
        "spawn counter as c\nc ! incr\nsend c {add, 5}\ncall c get",
    );
    assert_eq!(last(&out), "6");
    assert!(has(&out, "{add,5}"), "send prints the message, like `!`");
}

#[test]
fn call_to_a_dead_process_fails_with_noproc() {
    let mut s = session();
    assert!(has(
        &run(&mut s, "call <0.999.0> get"),
        "call failed: noproc"
    ));
}

#[test]
fn exit_normal_is_ignored_and_kill_kills() {
    let mut s = session();
    let out = run(
        &mut s,
        "spawn idle as i\nexit i normal\nexpect alive i\nkill i\nexpect dead i killed",
    );
    assert!(!has(&out, "FAIL"), "{out:?}");
}

#[test]
fn crash_is_not_saved_by_trapping_exits() {
    let mut s = session();
    let out = run(
        &mut s,
        "spawn idle as i\ntrap i on\ncrash i boom\nexpect dead i boom",
    );
    assert!(!has(&out, "FAIL"), "{out:?}");
    assert!(has(&out, "crash"), "the crash shows as an event: {out:?}");
}

#[test]
fn the_shell_traps_exits_and_flushes_them() {
    let mut s = session();
    let out = run(
        &mut s,
        "trap self on\nX = spawn idle\nlink X\ncrash X boom\nflush",
    );
    assert!(has(&out, "Shell got {'EXIT',<0."), "{out:?}");
    assert!(has(&out, "boom}"), "{out:?}");
    assert!(!has(&out, "shell <0."), "the shell survived: {out:?}");
}

#[test]
fn link_a_b_and_unlink() {
    let mut s = session();
    let out = run(
        &mut s,
        "A = spawn idle\nB = spawn idle\nC = spawn idle\nlink A B\nlink A C\nunlink A C\nkill A\nexpect dead B killed\nexpect alive C",
    );
    assert!(!has(&out, "FAIL"), "{out:?}");
}

#[test]
fn linking_to_a_dead_process_is_noproc() {
    let mut s = session();
    let out = run(&mut s, "X = spawn idle\nkill X\nlink X");
    assert!(has(&out, "exception error: noproc"), "{out:?}");
}

#[test]
fn monitor_demonitor_and_monitor_a_b() {
    let mut s = session();
    let out = run(
        &mut s,
        "spawn sink as s\nI = spawn idle\nJ = spawn idle\nmonitor s I\nR = monitor J\ndemonitor R\nkill I\nkill J\nexpect message s {'DOWN', _, process, I, killed}\nflush",
    );
    assert!(!has(&out, "FAIL"), "{out:?}");
    assert!(
        !has(&out, "Shell got"),
        "demonitored: no 'DOWN' for the shell: {out:?}"
    );
    assert!(last(&run(&mut s, "R")).starts_with("#Ref<0."));
}

#[test]
fn m3_demonitor_acts_for_the_monitors_owner() {
    let mut s = session();
    let out = run(
        &mut s,
        "W = spawn sink\nT = spawn idle\nR = monitor W T\ndemonitor R",
    );
    assert_eq!(last(&out), "true");
    let info = run(&mut s, "info W").join("\n");
    assert!(info.contains("monitors           none"), "{info}");
    let info = run(&mut s, "info T").join("\n");
    assert!(info.contains("monitored_by       none"), "{info}");
    let out = run(&mut s, "crash T boom\nmailbox W");
    assert!(has(&out, "(empty)"), "{out:?}");
    assert!(!has(&out, "got 'DOWN'"), "no monitor fired for W: {out:?}");
}

#[test]
fn l8_link_a_b_with_b_dead_fails_with_noproc_and_leaves_a_unharmed() {
    let mut s = session();
    let out = run(&mut s, "W = spawn idle\nD = spawn idle\nkill D\nlink W D");
    assert!(
        last(&out).starts_with("error: ** exception error: noproc ("),
        "{out:?}"
    );
    let out = run(&mut s, "expect alive W\ninfo W");
    assert!(!has(&out, "FAIL"), "{out:?}");
    assert!(has(&out, "links              none"), "{out:?}");
    assert!(!has(&out, "exit signal"), "no exit signal: {out:?}");
}

#[test]
fn l8_link_a_b_with_b_dead_gives_a_trapping_a_an_exit_message() {
    let mut s = session();
    let out = run(
        &mut s,
        "W = spawn sink\ntrap W on\nD = spawn idle\nkill D\nlink W D\nexpect message W {'EXIT', D, noproc}\nexpect alive W",
    );
    assert!(!has(&out, "FAIL") && !has(&out, "error"), "{out:?}");
    assert!(!has(&out, "exit signal noproc"), "no exit signal: {out:?}");
}

#[test]
fn l8_the_shells_own_link_to_a_dead_process() {
    let mut s = session();
    let shell = s.shell_pid();
    let out = run(&mut s, "D = spawn idle\nkill D\nlink D");
    assert!(
        last(&out).starts_with("error: ** exception error: noproc ("),
        "{out:?}"
    );
    assert_eq!(s.shell_pid(), shell, "the shell did not die");
    let out = run(&mut s, "trap self on\nlink D\nflush");
    assert!(has(&out, "Shell got {'EXIT',<0."), "{out:?}");
    assert!(has(&out, ",noproc}"), "{out:?}");
    assert_eq!(s.shell_pid(), shell);
}

#[test]
fn m2_monitoring_by_name_names_the_object_in_the_down() {
    let mut s = session();
    let out = run(
        &mut s,
        "W = spawn sink\nspawn idle as n\nR = monitor n\nRw = monitor W n\ncrash n boom\nexpect message W {'DOWN', Rw, process, {n, nonode@nohost}, boom}\nflush",
    );
    assert!(!has(&out, "FAIL"), "{out:?}");
    let reference = last(&run(&mut s, "R")).to_owned();
    assert!(
        has(
            &out,
            &format!("Shell got {{'DOWN',{reference},process,{{n,nonode@nohost}},boom}}")
        ),
        "{out:?}"
    );
}

#[test]
fn m2_monitoring_a_name_nobody_holds_gives_noproc_at_once() {
    let mut s = session();
    let out = run(&mut s, "R = monitor nobody");
    assert!(last(&out).starts_with("#Ref<0."), "not an error: {out:?}");
    let out = run(
        &mut s,
        "receive {'DOWN', R, process, {nobody, nonode@nohost}, noproc} timeout 0ms\nW = spawn sink\nRw = monitor W nobody\nexpect message W {'DOWN', Rw, process, {nobody, nonode@nohost}, noproc}",
    );
    assert!(
        !has(&out, "FAIL") && !has(&out, "nothing matched"),
        "{out:?}"
    );
}

#[test]
fn m2_a_pid_variable_or_path_target_gives_the_pid_in_the_down() {
    let mut s = session();
    let out = run(
        &mut s,
        "sup demo { worker w idle }\nP = whereis demo/w\nR1 = monitor P\nR2 = monitor demo/w\nkill demo/w\nreceive {'DOWN', R1, process, P, killed} timeout 0ms\nreceive {'DOWN', R2, process, P, killed} timeout 0ms",
    );
    assert!(!has(&out, "nothing matched"), "{out:?}");
}

#[test]
fn m1_monitoring_yourself_makes_no_monitor() {
    let mut s = session();
    let out = run(&mut s, "R = monitor self\nW = spawn idle\nRw = monitor W W");
    assert!(last(&out).starts_with("#Ref<0."), "{out:?}");
    let out = run(&mut s, "info self\ninfo W");
    assert!(!has(&out, "#Ref<"), "nothing in info: {out:?}");
    let out = run(&mut s, "kill W\nflush\nmailbox W");
    assert!(!has(&out, "'DOWN'"), "no 'DOWN' ever comes: {out:?}");
}

#[test]
fn register_unregister_whereis_and_regs() {
    let mut s = session();
    let out = run(&mut s, "P = spawn idle\nregister p P\nwhereis p\nregs");
    assert!(has(&out, "p "), "{out:?}");
    assert_eq!(last(&run(&mut s, "unregister p\nwhereis p")), "undefined");
    assert!(has(&run(&mut s, "unregister p"), "unregister failed"));
}

#[test]
fn receive_binds_the_variables_of_its_pattern() {
    let mut s = session();
    let out = run(
        &mut s,
        "self ! {other, 1}\nself ! {hello, 42}\nreceive {hello, N}\nN",
    );
    assert_eq!(last(&out), "42");
    assert_eq!(last(&run(&mut s, "receive")), "{other,1}");
    assert!(has(
        &run(&mut s, "receive timeout 1s"),
        "nothing matched within 1s"
    ));
}

#[test]
fn variables_are_single_assignment() {
    let mut s = session();
    let out = run(&mut s, "X = {a, 1}\nX = {a, 1}\nX = {b, 2}\nX");
    assert!(
        has(
            &out,
            "** exception error: no match of right hand side value {b,2} (hint: X is already bound to {a,1}"
        ),
        "{out:?}"
    );
    assert_eq!(last(&out), "{a,1}");
    assert!(has(&run(&mut s, "send Y hi"), "variable Y is unbound"));
}

#[test]
fn views_show_processes() {
    let mut s = session();
    let out = run(
        &mut s,
        "spawn counter as c\nc ! incr\nps\ninfo c\nmailbox self",
    );
    assert!(has(&out, "counter"), "{out:?}");
    assert!(has(&out, "processes"), "ps has a total line: {out:?}");
    let out = run(&mut s, "crash c boom\ninfo c");
    assert!(
        has(&out, "is dead") && has(&out, "boom"),
        "info on a dead process: {out:?}"
    );
}

#[test]
fn sleep_and_wait_use_the_runtime_clock() {
    let mut s = session();
    let out = run(
        &mut s,
        "spawn crasher(500, boom) as cr\nexpect alive cr\nsleep 1s\nexpect dead cr boom",
    );
    assert!(!has(&out, "FAIL"), "{out:?}");
    let out = run(
        &mut s,
        "spawn crasher(2000, boom) as later\nwait later dead timeout 5s\nexpect dead later boom",
    );
    assert!(!has(&out, "FAIL"), "{out:?}");
    let out = run(
        &mut s,
        "spawn idle as forever\nwait forever dead timeout 1s",
    );
    assert!(has(&out, "did not happen"), "{out:?}");
}

#[test]
fn presenting_commands_control_the_driver() {
    let mut s = session();
    let control = |s: &mut Session, line: &str| s.eval(&parse_line(line).unwrap().unwrap()).control;
    assert_eq!(control(&mut s, "pause"), Control::Pause);
    assert_eq!(control(&mut s, "clear"), Control::Clear);
    assert_eq!(control(&mut s, "quit"), Control::Quit);
    assert_eq!(
        run(&mut s, "say \"let it crash\""),
        vec!["say: let it crash".to_owned()]
    );
}

#[test]
fn log_levels_and_trace_change_what_events_show() {
    let mut s = session();
    let quiet = run(&mut s, "log quiet\nspawn idle as q");
    assert!(
        !has(&quiet, "event: "),
        "no spawn events when quiet: {quiet:?}"
    );
    let verbose = run(
        &mut s,
        "log verbose\nA = spawn idle\nB = spawn idle\nlink A B",
    );
    assert!(has(&verbose, "link"), "{verbose:?}");
    let traced = run(&mut s, "log normal\nspawn echo as e\ntrace e on\ne ! hello");
    assert!(has(&traced, "hello"), "{traced:?}");
}

#[test]
fn help_and_kinds() {
    let mut s = session();
    assert!(has(&run(&mut s, "help"), "spawn"));
    assert!(has(&run(&mut s, "help sup"), "intensity"));
    assert!(has(&run(&mut s, "help spwan"), "did you mean `help spawn`"));
    let kinds = run(&mut s, "kinds");
    for kind in [
        "echo",
        "sink",
        "counter",
        "state_server",
        "stateful",
        "ticker",
        "crasher",
        "spinner",
        "pinger",
        "ponger",
    ] {
        assert!(has(&kinds, kind), "kinds lists {kind}");
    }
    // A built-in kind has help of its own, and a typo of one is caught.
    assert!(has(&run(&mut s, "help counter"), "spawn counter(10)"));
    assert!(has(&run(&mut s, "help ticker"), "tick N"));
    assert!(has(
        &run(&mut s, "help countr"),
        "did you mean `help counter`"
    ));
    // A long usage goes on a line of its own: no description is pushed
    // past the widest short one.
    let widest_short = kinds
        .iter()
        .flat_map(|text| text.lines())
        .filter_map(|line| line.find("  an integer"))
        .next()
        .expect("counter's row");
    assert!(widest_short <= 26, "{kinds:?}");
}

#[test]
fn reset_starts_a_fresh_runtime() {
    let mut s = session();
    let before = s.shell_pid();
    run(&mut s, "spawn counter as c\nX = 1");
    let out = run(&mut s, "reset\nwhereis c");
    assert!(has(&out, "notice: reset"), "{out:?}");
    assert_eq!(last(&out), "undefined");
    assert!(has(&run(&mut s, "X"), "unbound"));
    assert_eq!(s.shell_pid(), before, "pid numbering starts over too");
}

#[test]
fn a_pattern_match_binds_its_new_variables_or_fails_binding_nothing() {
    let mut s = session();
    let out = run(
        &mut s,
        "sup pool simple_one_for_one { worker w counter }\n{ok, P} = start_child pool 7\ncall P get",
    );
    assert_eq!(last(&out), "7", "{out:?}");
    let out = run(
        &mut s,
        "[{undefined, Q, worker, [counter]}] = which_children pool\nQ",
    );
    let pid = last(&out).to_owned();
    assert_eq!(
        last(&run(&mut s, "P")),
        pid,
        "a bound variable must be equal"
    );
    let out = run(&mut s, "{error, R} = {ok, 1}");
    assert!(
        has(&out, "no match of right hand side value {ok,1}"),
        "{out:?}"
    );
    assert!(
        has(&run(&mut s, "R"), "unbound"),
        "a failed match binds nothing"
    );
}

#[test]
fn a_lowercase_name_nobody_registered_is_the_elixir_variable_holding_a_pid() {
    let mut s = session();
    let out = run(
        &mut s,
        "syntax elixir\nw = spawn(fn -> receive do _ -> :ok end end)\nkill w\nexpect dead w killed",
    );
    assert_eq!(last(&out), "pass: w died with killed", "{out:?}");
    // A registered name wins over a variable of the same name.
    let out = run(
        &mut s,
        "spawn idle as c\nc = self()\nexpect alive c\nkill c",
    );
    assert!(!has(&out, "exited: killed"), "the shell lives: {out:?}");
    assert!(has(&out, "killed <0."), "{out:?}");
    let out = run(&mut s, "expect alive self");
    assert!(has(&out, "pass"), "{out:?}");
}
