//! A term a million levels deep, made by a program in the process
//! language: built, sent to the shell, compared, printed, used as an exit
//! reason and dropped, while the shell answers throughout. Before the term
//! model was a tagged word with iterative drop, compare and print, a term
//! 30,000 deep overflowed a scheduler thread's stack and aborted the tool.

use letitcrash::commands::{parse_line, parse_script};
use letitcrash::frontend::open_session;
use letitcrash::session::{Session, SessionConfig};
use letitcrash::view::Style;

const DEEP: &str = "
def deep {
  start(N) -> loop(build(a, N), N).
  build(X, 0) -> X;
  build(X, N) -> build({X}, N - 1).
  loop(T, N) ->
    receive
      {give, To} -> To ! {deep, T}, loop(T, N);
      {same, To} -> To ! {same, T =:= build(a, N), T == T}, loop(T, N);
      die -> exit(T);
      stop -> ok
    end.
}
";

fn run(session: &mut Session, line: &str) -> (bool, String) {
    let stmt = parse_line(line).unwrap().expect("a statement");
    let evaluation = session.eval(&stmt);
    let text: Vec<String> = evaluation
        .lines
        .iter()
        .map(|l| l.render(&Style::PLAIN))
        .collect();
    (evaluation.ok, text.join("\n"))
}

#[test]
fn a_term_a_million_deep_is_built_sent_compared_printed_and_dropped() {
    let mut session = open_session(SessionConfig::live(Style::PLAIN));
    for stmt in parse_script(DEEP) {
        let evaluation = session.eval(&stmt.unwrap());
        assert!(evaluation.ok, "{:?}", evaluation.lines);
    }
    let (ok, text) = run(&mut session, "D = spawn deep(1000000)");
    assert!(ok, "{text}");

    // Sent to the shell (O(1): the term is shared) and printed, cut.
    run(&mut session, "D ! {give, self}");
    let (ok, text) = run(&mut session, "receive {deep, T} timeout 60s");
    assert!(ok, "{text}");
    assert!(
        text.starts_with("{deep,{{{{"),
        "{}",
        &text[..text.len().min(80)]
    );
    assert!(text.contains("..."), "cut as ~P cuts");
    assert!(text.chars().count() < 10_000, "{} characters", text.len());

    // Compared with a second one built the same way: equal, both ways.
    run(&mut session, "D ! {same, self}");
    let (ok, text) = run(&mut session, "receive {same, A, B} timeout 60s");
    assert!(ok, "{text}");
    assert_eq!(text, "{same,true,true}");

    // The shell answers meanwhile and after.
    let (ok, text) = run(&mut session, "ps");
    assert!(ok && text.contains("deep"), "{text}");

    // As an exit reason: the process dies with it, the line is cut.
    let (ok, _) = run(&mut session, "D ! die");
    assert!(ok);
    let (ok, text) = run(&mut session, "wait D dead timeout 60s");
    assert!(ok, "{text}");
    let (ok, text) = run(&mut session, "info D");
    assert!(ok, "{text}");
    assert!(text.chars().count() < 20_000, "{} characters", text.len());

    // Dropped: the shell lets go of T (the process's copy went with it).
    let (ok, text) = run(&mut session, "reset");
    assert!(ok, "{text}");
    let (ok, _) = run(&mut session, "ps");
    assert!(ok);
}
