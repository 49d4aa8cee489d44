//! Deep input, in every mode: `X = ` with 8,000 nested `[` overflowed the
//! main thread in the REPL, piped and `check` modes (issue 22). Now it is
//! an error with a caret ("nested too deep") wherever it is typed, and the
//! tool answers the next command; input as deep as the limit itself
//! parses, runs and prints.

use crate::child::{Terminal, history_dir, run};
use letitcrash::commands::parse_line;
use letitcrash::erlang::syntax::MAX_DEPTH;
use letitcrash::frontend::open_session;
use letitcrash::session::SessionConfig;
use letitcrash::view::Style;
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(120);

/// `X = [[...[]...]]`, 8,000 deep.
fn deep_term() -> String {
    format!("X = {}{}", "[".repeat(8_000), "]".repeat(8_000))
}

/// A `def` whose one clause is 8,000 brackets deep.
fn deep_def() -> String {
    format!(
        "def deep {{\n  f() -> {}ok{}.\n}}",
        "{".repeat(8_000),
        "}".repeat(8_000)
    )
}

/// 5,000 `sup` blocks nested in one another, on one line.
fn deep_sup() -> String {
    let mut text = "worker w idle".to_owned();
    for level in 0..5_000 {
        text = format!("sup s{level} {{ {text} }}");
    }
    text
}

/// The caret lines of every "nested too deep" error in `out`.
fn deep_errors(out: &str) -> usize {
    let lines: Vec<&str> = out.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.contains("error: nested too deep"))
        .inspect(|(i, _)| {
            let caret = lines.get(i + 4).copied().unwrap_or_default();
            assert!(
                caret.trim_start().starts_with('|') && caret.ends_with('^'),
                "no caret under the error at line {i}:\n{}",
                lines[*i..(*i + 6).min(lines.len())].join("\n")
            );
        })
        .count()
}

#[test]
fn piped_deep_input_is_an_error_and_the_rest_runs() {
    let input = format!(
        "{}\n{}\n{}\nsend self {{{}ok{}}}\nwhereis nobody\n",
        deep_term(),
        deep_def(),
        deep_sup(),
        "[".repeat(8_000),
        "]".repeat(8_000)
    );
    let ended = run(&["--seed", "0"], input.as_bytes(), LIMIT);
    ended.assert_survived();
    assert_eq!(deep_errors(&ended.stdout), 4, "{}", ended.stdout);
    let answer = ended.stdout.rfind("crash> whereis nobody\nundefined");
    assert!(answer.is_some(), "{}", crate::child::tail(&ended.stdout));
}

#[test]
fn check_and_run_refuse_a_deep_script_with_its_error() {
    let dir = history_dir("deep-check");
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("deep.crash");
    std::fs::write(&script, format!("spawn counter\n{}\n", deep_term())).unwrap();
    let path = script.to_str().unwrap();
    let checked = run(&["check", path], b"", LIMIT);
    checked.assert_survived();
    assert_eq!(deep_errors(&checked.stdout), 1, "{}", checked.stdout);
    assert!(
        checked.stdout.contains("0 passed, 1 failed"),
        "{}",
        checked.stdout
    );
    let played = run(&["run", path, "--seed", "0"], b"", LIMIT);
    played.assert_survived();
    assert_eq!(deep_errors(&played.stdout), 1, "{}", played.stdout);

    std::fs::write(&script, format!("{}\n", deep_def())).unwrap();
    let checked = run(&["check", path], b"", LIMIT);
    checked.assert_survived();
    assert_eq!(deep_errors(&checked.stdout), 1, "{}", checked.stdout);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_repl_answers_after_deep_input() {
    let history = history_dir("deep-repl");
    let mut repl = Terminal::start(&["--seed", "0"], false, &history);
    repl.send(format!("{}\r", deep_term()).as_bytes());
    repl.expect("error: nested too deep", LIMIT);
    repl.send(format!("{}\r", deep_def().replace('\n', "\r")).as_bytes());
    repl.expect("error: nested too deep", LIMIT);
    repl.send(b"whereis nobody\r");
    repl.expect("undefined", LIMIT);
    repl.leave();
    let _ = std::fs::remove_dir_all(history);
}

#[test]
fn input_as_deep_as_the_limit_runs_and_prints() {
    // On a test thread (2 MB of stack, a debug build): the parser, the
    // evaluator and the views at the limit fit with room to spare.
    let mut session = open_session(SessionConfig::deterministic(1, Style::PLAIN));
    let term = format!("{}ok{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    let mut sups = "worker w idle".to_owned();
    for level in 1..MAX_DEPTH {
        sups = format!("sup s{level} {{ {sups} }}");
    }
    for line in [
        format!("X = {term}"),
        format!("{term} = X"),
        "spawn echo as e".to_owned(),
        "e ! {self, X}".to_owned(),
        format!("receive {term} timeout 1s"),
        format!("sup top {{ {sups} }}"),
        "tree top".to_owned(),
    ] {
        let stmt = parse_line(&line).unwrap().unwrap();
        let evaluation = session.eval(&stmt);
        assert!(evaluation.ok, "{line}: {:?}", evaluation.lines);
    }
}

#[test]
fn a_tree_grows_no_deeper_than_the_limit_one_start_child_at_a_time() {
    // 20,000 `start_child`s, each below the last, each well within the
    // parser's limit, built a tree that `tree` overflowed the stack on.
    let mut session = open_session(SessionConfig::deterministic(1, Style::PLAIN));
    let mut eval = |line: &str| {
        let stmt = parse_line(line).unwrap().unwrap();
        session.eval(&stmt)
    };
    assert!(eval("log quiet").ok);
    assert!(eval("sup s1 { worker w idle }").ok);
    assert!(eval("P1 = whereis s1").ok);
    for level in 2..=MAX_DEPTH {
        let line = format!(
            "{{ok, P{level}}} = start_child P{} sup s{level} {{ worker w idle }}",
            level - 1
        );
        let evaluation = eval(&line);
        assert!(evaluation.ok, "{line}: {:?}", evaluation.lines);
    }
    let one_more = eval(&format!(
        "start_child P{MAX_DEPTH} sup deeper {{ worker w idle }}"
    ));
    assert!(!one_more.ok);
    assert!(
        format!("{:?}", one_more.lines).contains("nested too deep"),
        "{:?}",
        one_more.lines
    );
    let tree = eval("tree s1");
    assert!(tree.ok, "{:?}", tree.lines);
    assert!(format!("{:?}", tree.lines).contains(&format!("s{MAX_DEPTH} <0.")));
}
