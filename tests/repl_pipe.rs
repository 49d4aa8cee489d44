//! Piped mode: the real binary with a script on stdin, as in
//! `letitcrash < demo.crash`. The transcript echoes each statement after
//! the prompt, then its output, then the events it caused; the exit code
//! tells whether everything parsed and succeeded.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs letitcrash with `script` on stdin and `env` set (colour variables
/// cleared first, so the caller decides).
fn pipe(script: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_letitcrash"));
    command
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command.spawn().expect("start letitcrash");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    child.wait_with_output().expect("letitcrash finishes")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Where `needle` is in `text`, at or after `from`, or a readable failure.
fn position(text: &str, needle: &str, from: usize) -> usize {
    match text[from..].find(needle) {
        Some(i) => from + i,
        None => panic!("{needle:?} not found after byte {from} in:\n{text}"),
    }
}

const DEMO: &str = "\
# a supervisor with two counters
sup demo {
  worker w1 counter
  worker w2 counter
}
kill demo/w1
tree
";

#[test]
fn echo_output_and_events_in_order() {
    let output = pipe(DEMO, &["repl", "--seed", "1"], &[]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");

    let sup = position(
        &text,
        "crash> sup demo {\n  worker w1 counter\n  worker w2 counter\n}",
        0,
    );
    let sup_pid = position(&text, "<0.", sup);
    let sup_events = position(&text, "spawn supervisor", sup_pid);
    let kill = position(&text, "crash> kill demo/w1", sup_events);
    let kill_value = position(&text, "true", kill);
    let restart = position(&text, "restart", kill_value);
    let tree = position(&text, "crash> tree", restart);
    let w1 = position(&text, "w1 <0.", tree);
    position(&text, "w2 <0.", w1);
}

#[test]
fn the_same_seed_gives_the_same_transcript() {
    let first = stdout(&pipe(DEMO, &["repl", "--seed", "7"], &[]));
    let second = stdout(&pipe(DEMO, &["repl", "--seed", "7"], &[]));
    assert_eq!(first, second);
}

#[test]
fn live_mode_without_a_seed() {
    let output = pipe("spawn counter as c\nwhereis c\n", &[], &[]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    let whereis = position(&text, "crash> whereis c", 0);
    position(&text, "<0.", whereis);
}

#[test]
fn a_failing_command_makes_the_exit_code_1() {
    let output = pipe(
        "call <0.999.0> get\nsay \"still going\"\n",
        &["repl", "--seed", "1"],
        &[],
    );
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let call = position(&text, "crash> call <0.999.0> get", 0);
    let error = position(&text, "error:", call);
    // The rest of the script still runs.
    position(&text, "still going", error);
}

#[test]
fn a_parse_error_shows_the_caret_and_makes_the_exit_code_1() {
    let output = pipe(
        "spawn counter\nspwan x\nsay \"after\"\n",
        &["repl", "--seed", "1"],
        &[],
    );
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let error = position(&text, "error: unknown command `spwan`", 0);
    let at = position(&text, ":2:1", error);
    let line = position(&text, "2 | spwan x\n", at);
    position(&text, "  | ^^^^^\n", line);
    position(&text, "did you mean `spawn`?", line);
    position(&text, "after", line);
}

#[test]
fn quit_ends_the_transcript() {
    let output = pipe(
        "say \"one\"\nquit\nsay \"two\"\n",
        &["repl", "--seed", "1"],
        &[],
    );
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("one"), "{text}");
    assert!(!text.contains("two"), "{text}");
}

#[test]
fn no_escape_codes_through_a_pipe_or_with_no_color() {
    for env in [&[][..], &[("NO_COLOR", "1")][..]] {
        let output = pipe(DEMO, &["repl", "--seed", "1"], env);
        let text = stdout(&output);
        assert!(text.contains("restart"), "{text}");
        assert!(!text.contains('\x1b'), "escape codes with {env:?}:\n{text}");
    }
}

#[test]
fn clicolor_force_colours_the_transcript() {
    let output = pipe(DEMO, &["repl", "--seed", "1"], &[("CLICOLOR_FORCE", "1")]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("\x1b["), "no escape codes:\n{text}");
}
