//! Error messages, hints and caret columns for typical mistakes.

use crate::commands::{Diagnostic, parse_line};

fn error(src: &str) -> Diagnostic {
    match parse_line(src) {
        Err(e) => e,
        Ok(stmt) => panic!("{src:?} should not parse, got {stmt:?}"),
    }
}

/// Asserts the column, message and hint of the error for `src`.
#[track_caller]
fn check(src: &str, column: usize, message: &str, hint: Option<&str>) {
    let e = error(src);
    let rendered = e.render(None);
    assert_eq!(e.column, column, "column for {src:?}\n{rendered}");
    assert_eq!(e.message, message, "message for {src:?}\n{rendered}");
    assert_eq!(e.hint.as_deref(), hint, "hint for {src:?}\n{rendered}");
}

#[test]
fn misspelt_command() {
    check(
        "spwan counter",
        1,
        "unknown command `spwan`",
        Some("did you mean `spawn`?"),
    );
    let rendered = error("spwan counter").render(Some("demo.crash"));
    assert_eq!(
        rendered,
        "error: unknown command `spwan`\n --> demo.crash:1:1\n  |\n1 | spwan counter\n  | ^^^^^\n  = hint: did you mean `spawn`?\n"
    );
}

#[test]
fn durations() {
    check(
        "sleep 5",
        7,
        "expected a duration like 250ms, 5s or 1m",
        Some("add a unit: 5ms, 5s or 5m"),
    );
    check("sleep", 6, "expected a duration like 250ms, 5s or 1m", None);
    check(
        "call c get timeout 3h",
        21,
        "unknown time unit `h`",
        Some("use ms, s or m, as in 250ms, 5s or 1m"),
    );
    check(
        "send c 5s",
        8,
        "a duration is only allowed as a kind argument or a timeout",
        Some("inside a message, write milliseconds as a number: 5000"),
    );
}

#[test]
fn targets() {
    let target = "expected a target: a Variable, a name, <0.N.0>, self or sup/child";
    check("kill", 5, target, Some("usage: kill TARGET"));
    check(
        "kill 42",
        6,
        target,
        Some("pids are written <0.N.0>, e.g. <0.42.0>"),
    );
    check(
        "kill <0.4>",
        6,
        "pids are written <0.N.0>, e.g. <0.42.0>",
        None,
    );
    check(
        "kill demo/",
        11,
        "expected a child id after `/`",
        Some("a path names a supervisor then its children, e.g. demo/w1"),
    );
}

#[test]
fn arity() {
    check(
        "link",
        5,
        "expected a target: a Variable, a name, <0.N.0>, self or sup/child",
        Some("`link` takes one or two targets"),
    );
    check(
        "link a b c",
        10,
        "unexpected `c`",
        Some("`link` takes one or two targets"),
    );
    check("ps now", 4, "unexpected `now`", Some("usage: ps [all|N]"));
    let e = error("exit c");
    assert_eq!(
        (e.column, e.hint.as_deref()),
        (
            7,
            Some("give a reason, e.g. `exit c boom`; `kill c` needs none")
        )
    );
}

#[test]
fn supervisor_mistakes() {
    let strategy =
        "`strategy` must be one of one_for_one, one_for_all, rest_for_one, simple_one_for_one";
    check(
        "sup demo one_for_al { }",
        10,
        strategy,
        Some("did you mean `one_for_all`?"),
    );
    check(
        "sup demo intensty 3 { }",
        10,
        "unknown supervisor option `intensty`",
        Some("did you mean `intensity`?"),
    );
    check(
        "sup demo intensity x { }",
        20,
        "expected the number of restarts allowed per period, e.g. intensity 3",
        None,
    );
    check(
        "sup demo transient { }",
        10,
        "a top-level supervisor takes no `transient`: it is nobody's child",
        Some("a nested `sup ID ... { ... }` takes a restart type and a shutdown"),
    );
    check(
        "sup d { sup inner transient temporary { } }",
        29,
        "a child has only one restart type",
        None,
    );
    for period in ["1500ms", "0s"] {
        check(
            &format!("sup demo period {period} {{ }}"),
            17,
            "a period is a whole number of seconds, at least 1s",
            Some("OTP stamps restarts in whole seconds, e.g. period 5s"),
        );
    }
    check(
        "sup d { worker w1 counter permanant }",
        27,
        "unknown child option `permanant`",
        Some("did you mean `permanent`?"),
    );
    check(
        "sup d { wroker w1 counter }",
        9,
        "expected a child spec, found `wroker`",
        Some("did you mean `worker`?"),
    );
    check(
        "sup d { worker w1 counter shutdown brutal }",
        36,
        "expected brutal_kill, infinity or a duration like 5000ms",
        Some("did you mean `brutal_kill`?"),
    );
    check(
        "sup d { worker w1 42 }",
        19,
        "expected a process kind like counter or ticker(1s)",
        Some("`kinds` lists them"),
    );
    check(
        "sup d { worker a counter; worker a echo }",
        5,
        "supervisor `d` has two children with id `a`",
        Some("child ids must be unique within a supervisor"),
    );
    check(
        "sup p simple_one_for_one { }",
        5,
        "a simple_one_for_one supervisor needs exactly one worker child: the template",
        Some("start instances with `start_child SUP ARGS...`"),
    );
    check(
        "sup d worker",
        7,
        "`strategy` must be one of one_for_one, one_for_all, rest_for_one, simple_one_for_one",
        None,
    );
}

#[test]
fn terms() {
    check(
        "send c {a, b",
        8,
        "this `{` is never closed",
        Some("add a `}` after the last element"),
    );
    check("send c {a b}", 11, "expected `,` or `}`, found `b`", None);
    check(
        "send c _",
        8,
        "`_` can only be used in a pattern",
        Some("patterns appear in `receive` and `expect`; here, write a value"),
    );
    check(
        "say hello",
        5,
        "expected text in double quotes",
        Some("say \"Now watch this\""),
    );
    check(
        "say \"hello",
        5,
        "this string is never closed",
        Some("add a closing \""),
    );
}

#[test]
fn names_variables_and_options() {
    check(
        "spawn counter as C",
        18,
        "expected a name to register, found the variable `C`",
        Some("a name to register is lowercase (an atom), e.g. `c`"),
    );
    check(
        "spawn counter lnk",
        15,
        "unknown option for `spawn` `lnk`",
        Some("did you mean `link`?"),
    );
    check(
        "trap self of",
        11,
        "expected `on` or `off`",
        Some("did you mean `off`?"),
    );
    check(
        "log loud",
        5,
        "expected a log level: quiet, normal or verbose",
        None,
    );
    check(
        "expect restarts demo 1",
        17,
        "expected a supervisor child path like demo/w1",
        Some("usage: expect restarts SUP/ID N"),
    );
    check(
        "expect alvie c",
        8,
        "unknown expectation `alvie`",
        Some("did you mean `alive`?"),
    );
    check(
        "x = spawn counter",
        1,
        "unknown command `x`",
        Some("variables are capitalised: write `X = ...`"),
    );
    check(
        "demonitor c",
        11,
        "expected a monitor reference: a Variable bound by `R = monitor X`, or #Ref<0.N>",
        None,
    );
}

#[test]
fn errors_in_multi_line_blocks_name_the_right_line() {
    let script = "say \"demo\"\nsup top {\n  worker a counter\n  worker b tickr(1s) permanant\n}\n";
    let results = crate::commands::parse_script(script);
    let e = results[1].as_ref().unwrap_err();
    assert_eq!((e.line, e.column), (4, 22));
    assert_eq!(e.source_line, "  worker b tickr(1s) permanant");
    assert!(e.render(Some("t.crash")).contains(" --> t.crash:4:22\n"));
    assert!(
        e.render(None)
            .contains("4 |   worker b tickr(1s) permanant\n  |                      ^^^^^^^^^\n")
    );
}
