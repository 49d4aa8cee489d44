//! Expectations pass and fail with useful messages.

use super::*;
use crate::commands::parse_line;

fn check(s: &mut Session, line: &str) -> (bool, String) {
    let evaluation = s.eval(&parse_line(line).unwrap().unwrap());
    let text = evaluation
        .lines
        .iter()
        .map(|l| format!("{l:?}"))
        .collect::<Vec<_>>()
        .join("\n");
    (evaluation.ok, text)
}

#[test]
fn expectations_report_pass_and_fail() {
    let mut s = session();
    run(
        &mut s,
        "spawn counter as c\nc ! incr\nspawn sink as sink\nsink ! {hello, 1}",
    );
    assert!(check(&mut s, "expect alive c").0);
    let (ok, text) = check(&mut s, "expect dead c");
    assert!(
        !ok && text.contains("expected c to be dead, but <0."),
        "{text}"
    );
    assert!(check(&mut s, "expect reply c get 1").0);
    let (ok, text) = check(&mut s, "expect reply c get 2");
    assert!(!ok && text.contains("answered 1"), "{text}");
    assert!(check(&mut s, "expect message sink {hello, _}").0);
    assert!(check(&mut s, "expect no_message sink {bye, _}").0);
    let (ok, text) = check(&mut s, "expect message sink {bye, _}");
    assert!(!ok && text.contains("found [{hello,1}]"), "{text}");
    let (ok, text) = check(&mut s, "expect no_message sink {hello, _}");
    assert!(!ok && text.contains("found {hello,1}"), "{text}");
}

#[test]
fn expect_same_and_changed() {
    let mut s = session();
    run(&mut s, "sup demo { worker w counter }\nW = whereis demo/w");
    assert!(check(&mut s, "expect same demo/w W").0);
    let (ok, text) = check(&mut s, "expect changed demo/w W");
    assert!(!ok && text.contains("still"), "{text}");
    run(&mut s, "crash demo/w");
    assert!(check(&mut s, "expect changed demo/w W").0);
    assert!(!check(&mut s, "expect restarts demo/w 2").0);
    assert!(check(&mut s, "expect restarts demo/w 1").0);
    assert!(!check(&mut s, "expect children demo 0").0);
}

#[test]
fn expect_dead_takes_a_pattern_for_the_reason() {
    let mut s = session();
    let out = run(
        &mut s,
        "def o { start() -> 1 = 2. }\nP = spawn o\nexpect dead P {{badmatch,2},_}\nexpect dead P {badarith,_}",
    );
    assert!(has(&out, "pass: P died with {{badmatch,2},"), "{out:?}");
    assert!(
        has(
            &out,
            "expected P to die with {badarith,_}, but it died with"
        ),
        "{out:?}"
    );
}
