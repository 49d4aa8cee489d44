//! What a terminal can send: a byte that is not UTF-8 (it ended the session
//! with `letitcrash: invalid data`), and pastes, with and without
//! bracketed paste (a 1,000-line `def` took 39 s, 10,000 lines over 120 s,
//! each key redrawing and recolouring the whole entry). Each test asserts
//! the REPL took the input, ran it and answered afterwards, within a
//! generous bound; `elapsed` lines in the output are for reading, not
//! asserted (docs/benchmarks.md has the measured figures).

use crate::child::{Terminal, history_dir, run, tail};
use std::time::{Duration, Instant};

/// The longest any one answer may take: far above what a paste takes even
/// in a debug build on a loaded machine, far below a hang.
const LIMIT: Duration = Duration::from_secs(120);

/// A module of `clauses` function clauses (plus its braces), one a line.
fn long_def(clauses: usize) -> String {
    let mut text = String::from("def big {\n");
    for i in 0..clauses - 1 {
        text += &format!("  f({i}) -> {i};\n");
    }
    text += "  f(_) -> none.\n}\n";
    text
}

#[test]
fn a_byte_that_is_not_utf8_is_an_error_on_that_line() {
    let history = history_dir("not-utf8");
    let mut repl = Terminal::start(&["--seed", "0"], false, &history);
    repl.send(b"spawn counter as half");
    repl.expect("half", LIMIT);
    repl.send(&[0xFF]);
    repl.expect("the terminal sent bytes that are not UTF-8", LIMIT);
    // The half-typed line went with the bad byte; the session did not.
    repl.send(b"whereis half\r");
    repl.expect("undefined", LIMIT);
    repl.send(b"spawn counter as whole\r");
    repl.expect("<0.", LIMIT);
    // In the middle of a block, the block goes and the REPL stays.
    repl.send(b"sup demo {\r");
    repl.send(&[b'w', 0xC3, b'(']);
    repl.expect("not UTF-8", LIMIT);
    repl.send(b"whereis demo\r");
    repl.expect("undefined", LIMIT);
    repl.leave();
    let _ = std::fs::remove_dir_all(history);
}

#[test]
fn a_piped_line_that_is_not_utf8_is_an_error_and_the_rest_runs() {
    let input =
        b"spawn counter as c\nsay \"caf\xe9\"\nsup s {\n  worker w\xff counter\n}\nwhereis c\n";
    let ended = run(&["--seed", "0"], input, LIMIT);
    ended.assert_survived();
    let out = &ended.stdout;
    assert_eq!(out.matches("is not UTF-8").count(), 2, "{out}");
    assert!(out.contains(" --> <stdin>:2:9\n"), "{out}");
    assert!(out.contains(" --> <stdin>:4:11\n"), "{out}");
    // The block holding the bad line did not run; the rest did.
    assert!(!out.contains("spawn supervisor"), "{out}");
    assert!(out.contains("crash> whereis c\n<0.2.0>"), "{out}");
}

#[test]
fn a_ten_thousand_line_paste_is_taken_line_by_line() {
    // Without bracketed paste (tmux, a terminal without it, a program
    // typing), in colour: every byte arrives as a key.
    let history = history_dir("paste");
    let mut repl = Terminal::start(&["--seed", "0"], true, &history);
    let started = Instant::now();
    repl.send(long_def(10_000).replace('\n', "\r").as_bytes());
    repl.send(b"whereis nobody\r");
    repl.expect("{ok,big}", LIMIT);
    repl.expect("undefined", LIMIT);
    println!(
        "elapsed: 10,000 lines pasted and run in {:?}",
        started.elapsed()
    );
    // It compiled, clause by clause.
    repl.send(b"def use { start() -> io:format(\"~p~n\", [big:f(9998) + 1]). }\rspawn use\r");
    repl.expect("9999", LIMIT);
    repl.leave();
    let _ = std::fs::remove_dir_all(history);
}

#[test]
fn a_bracketed_paste_runs_every_statement_in_it() {
    let history = history_dir("bracketed");
    let mut repl = Terminal::start(&["--seed", "0"], false, &history);
    let started = Instant::now();
    let paste = format!(
        "spawn counter as p1\nspawn counter as p2\n{}whereis p2\n",
        long_def(10_000)
    );
    repl.send(format!("\x1b[200~{paste}\x1b[201~\r").as_bytes());
    // Each statement is echoed before its answer, as in a transcript.
    repl.expect("crash> spawn counter as p2", LIMIT);
    repl.expect("<0.3.0>", LIMIT);
    repl.expect("{ok,big}", LIMIT);
    repl.expect("crash> whereis p2", LIMIT);
    repl.expect("<0.3.0>", LIMIT);
    println!(
        "elapsed: a bracketed paste of 10,004 lines run in {:?}",
        started.elapsed()
    );
    repl.send(b"whereis nobody\r");
    repl.expect("undefined", LIMIT);
    repl.leave();
    let _ = std::fs::remove_dir_all(history);
}

#[test]
fn a_long_pasted_line_is_taken_and_answered() {
    let history = history_dir("long-line");
    let mut repl = Terminal::start(&["--seed", "0"], true, &history);
    let started = Instant::now();
    let text = "ab".repeat(10_000);
    repl.send(format!("say \"{text}\"\rwhereis nobody\r").as_bytes());
    repl.expect("undefined", LIMIT);
    println!(
        "elapsed: a 20,000-character line in {:?}",
        started.elapsed()
    );
    let screen = repl.screen();
    assert!(!screen.contains("error:"), "{}", tail(&screen));
    repl.leave();
    let _ = std::fs::remove_dir_all(history);
}
