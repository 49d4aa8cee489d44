//! `why`, crash reports, `seq` and `tree --mermaid` in a session: the
//! causes the runtime records, walked back and worded (golden output).

use super::{run, session};
use crate::commands::parse_line;
use crate::session::{Session, SessionConfig};
use crate::view::Style;
use crate::view::mermaid::check;

/// Runs `script`, then `command`, and returns what `command` printed.
fn after(s: &mut Session, script: &str, command: &str) -> String {
    run(s, script);
    let stmt = parse_line(command).unwrap().unwrap();
    let evaluation = s.eval(&stmt);
    s.feed().drain();
    evaluation
        .lines
        .into_iter()
        .map(|line| line.render(&Style::PLAIN))
        .collect::<Vec<_>>()
        .join("\n")
}

fn fresh() -> Session {
    Session::new(SessionConfig::deterministic(0, Style::PLAIN))
}

#[test]
fn why_follows_a_chain_of_three_links_to_the_shells_kill() {
    let mut s = fresh();
    let text = after(
        &mut s,
        "A = spawn echo\nB = spawn echo\nC = spawn echo\nD = spawn echo\n\
         link A B\nlink B C\nlink C D\nkill A",
        "why D",
    );
    assert_eq!(
        text,
        "<0.5.0> exited killed at 0.000s
  ← exit signal killed from <0.4.0> over a link
  ← <0.4.0> exited killed at 0.000s
  ← exit signal killed from <0.3.0> over a link
  ← <0.3.0> exited killed at 0.000s
  ← exit signal killed from <0.2.0> over a link
  ← <0.2.0> exited killed at 0.000s
  ← exit signal kill from the shell: `kill A`"
    );
}

#[test]
fn why_a_one_for_all_sibling_was_stopped() {
    let mut s = fresh();
    let text = after(
        &mut s,
        "sup demo one_for_all { worker w1 counter; worker w2 counter }\ndemo/w1 ! {add, foo}",
        "why <0.4.0>",
    );
    assert_eq!(
        text,
        "demo/w2 <0.4.0> exited shutdown at 0.000s
  ← demo <0.2.0> stopped it to restart all (one_for_all)
  ← demo/w1 <0.3.0> crashed {bad_message,{add,foo}} at 0.000s
  ← after receiving {add,foo} from the shell: `demo/w1 ! {add, foo}`"
    );
}

#[test]
fn why_a_rest_for_one_sibling_was_stopped() {
    let mut s = fresh();
    let text = after(
        &mut s,
        "sup demo rest_for_one { worker a counter; worker b counter }\ncrash demo/a boom",
        "why <0.4.0>",
    );
    assert_eq!(
        text,
        "demo/b <0.4.0> exited shutdown at 0.000s
  ← demo <0.2.0> stopped it to restart a and the children after it (rest_for_one)
  ← demo/a <0.3.0> crashed boom at 0.000s
  ← made to crash by the shell: `crash demo/a boom`"
    );
}

#[test]
fn why_a_nested_supervisor_gave_up_names_the_offender_and_its_restarts() {
    let mut s = fresh();
    let text = after(
        &mut s,
        "sup top intensity 3 { sup inner intensity 1 { worker w crasher(1s, boom) } }\nsleep 2500ms",
        "why top/inner",
    );
    assert_eq!(
        text,
        "top/inner <0.3.0> exited shutdown at 2.000s
  ← top/inner <0.3.0> gave up: w failed once too often (intensity 1 in 5s), restarts in the period:
      1.000s restart 1: w <0.4.0> exited boom
      2.000s one too many: w <0.5.0> exited boom
  ← top/inner/w <0.5.0> crashed boom at 2.000s"
    );
    // The sibling the give-up stopped, and a supervisor that gave up by name.
    let text = after(&mut s, "", "why <0.7.0>");
    assert!(text.contains("is alive"), "{text}");
}

#[test]
fn why_sup_lists_every_restart_in_the_period() {
    let mut s = fresh();
    let text = after(
        &mut s,
        "sup demo intensity 2 period 10s { worker a counter; worker b counter }\n\
         crash demo/a one\nsleep 1s\ncrash demo/b two\nsleep 1s\ncrash demo/a three",
        "why demo",
    );
    assert_eq!(
        text,
        "demo <0.2.0> exited shutdown at 2.000s
  ← demo <0.2.0> gave up: a failed once too often (intensity 2 in 10s), restarts in the period:
      0.000s restart 1: a <0.3.0> exited one
      1.000s restart 2: b <0.4.0> exited two
      2.000s one too many: a <0.5.0> exited three
  ← demo/a <0.5.0> crashed three at 2.000s
  ← made to crash by the shell: `crash demo/a three`"
    );
    // A child stopped by the give-up points at it too.
    let text = after(&mut s, "", "why <0.6.0>");
    assert!(
        text.starts_with("demo/b <0.6.0> exited shutdown at 2.000s\n  ← demo <0.2.0> gave up"),
        "{text}"
    );
}

#[test]
fn why_a_parent_supervisors_shutdown_reaches_the_leaves() {
    let mut s = fresh();
    let text = after(
        &mut s,
        "sup top { sup mid { worker leaf counter } }\nexit top shutdown",
        "why <0.4.0>",
    );
    assert_eq!(
        text,
        "top/mid/leaf <0.4.0> exited shutdown at 0.000s
  ← top/mid <0.3.0> stopped it while shutting down
  ← top/mid <0.3.0> exited shutdown at 0.000s
  ← its parent top <0.2.0> told it to stop (exit signal shutdown)
  ← top <0.2.0> exited shutdown at 0.000s
  ← its parent shell <0.1.0> told it to stop (exit signal shutdown)
  ← exit signal shutdown from the shell: `exit top shutdown`"
    );
}

#[test]
fn why_by_path_explains_the_latest_death_and_lists_the_earlier_ones() {
    let mut s = fresh();
    let text = after(
        &mut s,
        "sup demo intensity 5 { worker w counter }\ncrash demo/w one\ncrash demo/w two",
        "why demo/w",
    );
    assert_eq!(
        text,
        "demo/w <0.4.0> crashed two at 0.000s
  ← made to crash by the shell: `crash demo/w two`
earlier deaths of demo/w, newest first: <0.3.0> one at 0.000s (`why PID` explains one)"
    );
    let text = after(&mut s, "", "why <0.3.0>");
    assert!(text.ends_with("`crash demo/w one`"), "{text}");
}

#[test]
fn why_on_a_live_process_says_it_is_alive() {
    let mut s = fresh();
    let text = after(&mut s, "spawn counter as c", "why c");
    assert_eq!(text, "c <0.2.0> is alive: it has not died");
}

#[test]
fn a_crash_report_under_log_verbose_and_in_info() {
    let mut s = session();
    let out = run(
        &mut s,
        "sup demo { worker w counter }\nlog verbose\ndemo/w ! {add, foo}",
    );
    let report: Vec<&String> = out
        .iter()
        .skip_while(|line| !line.contains("=CRASH REPORT===="))
        .take(10)
        .collect();
    assert_eq!(
        report
            .iter()
            .map(|l| l.trim_start_matches("event: "))
            .collect::<Vec<_>>(),
        [
            "=CRASH REPORT==== 0.000s ===",
            "  crasher:",
            "    pid: <0.3.0> (demo/w)",
            "    registered_name: []",
            "    initial_call: counter",
            "    error_info: {bad_message,{add,foo}}",
            "    last_message: {add,foo}",
            "    message_queue_len: 0",
            "    links: [<0.2.0> (demo)]",
            "    supervisor: <0.2.0> (demo) will act",
        ]
    );
    let out = run(
        &mut s,
        "log normal\nsup other { worker x counter }\nkill other/x",
    );
    assert!(
        !out.iter().any(|line| line.contains("CRASH REPORT")),
        "only under log verbose: {out:?}"
    );
    let info = run(&mut s, "info <0.3.0>").join("\n");
    assert!(
        info.contains("is dead") && info.contains("last_message: {add,foo}"),
        "{info}"
    );
}

#[test]
fn the_tutorial_scenario_charts_as_valid_mermaid() {
    let mut s = fresh();
    let script = "sup app rest_for_one intensity 3 { worker store state_server(state_server) }\n\
                  start_child app worker alice stateful\nseq on app/alice\n\
                  app/alice ! {add, 5}\napp/alice ! oops\ncall app/alice get";
    let mermaid = after(&mut s, script, "seq mermaid");
    check::sequence(&mermaid).unwrap_or_else(|e| panic!("{e}\n{mermaid}"));
    assert!(
        mermaid.contains("Note over p1: ✖ crash {bad_message,oops}"),
        "{mermaid}"
    );
    assert!(
        mermaid.contains("p1--)p4: EXIT {bad_message,oops}"),
        "{mermaid}"
    );
    let shown = after(&mut s, "", "seq show");
    assert!(shown.contains("┤ ↻ restarted as <0.5.0>"), "{shown}");
    let tree = after(&mut s, "", "tree --mermaid");
    check::flowchart(&tree).unwrap_or_else(|e| panic!("{e}\n{tree}"));
    let file = std::env::temp_dir().join(format!("letitcrash-seq-{}.svg", std::process::id()));
    let written = after(&mut s, "", &format!("seq svg {}", file.display()));
    assert!(written.contains("chart written"), "{written}");
    let svg = std::fs::read_to_string(&file).unwrap();
    let _ = std::fs::remove_file(&file);
    assert!(
        svg.starts_with("<svg") && svg.contains("app/alice"),
        "{svg}"
    );
}

#[test]
fn seq_without_a_chart_says_how_to_start_one() {
    let mut s = fresh();
    let text = after(&mut s, "", "seq show");
    assert!(text.contains("no chart recorded"), "{text}");
}
