//! Nesting: brackets and `sup` blocks nest at most `MAX_DEPTH` deep, and
//! deeper input is an error at the first opener too many, never a stack
//! overflow. These run on the test harness's threads (2 MB of stack, in a
//! debug build), which is how the limit is shown to be safe: parsing at
//! the limit passes here, where a stack overflow would abort the run.

use crate::commands::ast::{ChildSpecAst, Command, TermExpr};
use crate::commands::{parse_line, parse_script};
use crate::erlang::syntax::MAX_DEPTH;

/// `[[...[ok]...]]` with `levels` brackets, as a statement.
fn nested_list(levels: usize) -> String {
    format!("X = {}ok{}", "[".repeat(levels), "]".repeat(levels))
}

/// A `sup` block with `levels` blocks nested in one another.
fn nested_sups(levels: usize) -> String {
    let mut text = "worker w idle".to_owned();
    for level in (1..levels).rev() {
        text = format!("sup s{level} {{ {text} }}");
    }
    format!("sup top {{ {text} }}")
}

fn depth_of(term: &TermExpr) -> usize {
    let mut depth = 0;
    let mut at = term;
    while let TermExpr::List(items) = at {
        depth += 1;
        at = &items[0];
    }
    depth
}

#[test]
fn a_term_as_deep_as_the_limit_parses() {
    let stmt = parse_line(&nested_list(MAX_DEPTH)).unwrap().unwrap();
    let Command::Assign { value, .. } = stmt.command else {
        panic!("{:?}", stmt.command)
    };
    let Command::Eval(term) = *value else {
        panic!("{value:?}")
    };
    assert_eq!(depth_of(&term), MAX_DEPTH);
}

#[test]
fn one_bracket_more_is_an_error_at_that_bracket() {
    let error = parse_line(&nested_list(MAX_DEPTH + 1)).unwrap_err();
    assert_eq!(error.message, "nested too deep");
    // `X = ` and MAX_DEPTH brackets come before the one too many.
    assert_eq!(error.column, 4 + MAX_DEPTH + 1);
    assert_eq!(error.len, 1);
    let hint = error.hint.as_deref().unwrap_or_default();
    assert!(hint.contains(&MAX_DEPTH.to_string()), "{hint}");
}

#[test]
fn eight_thousand_brackets_are_one_error_not_a_crash() {
    // The probe of issue 22: `X = ` with 8,000 nested `[`, closed or not,
    // in each place a term stands.
    let deep = "[".repeat(8_000);
    let closed = format!("{deep}{}", "]".repeat(8_000));
    for statement in [
        format!("X = {closed}"),
        format!("send c {closed}"),
        format!("{closed} = X"),
        format!("receive {closed}"),
        format!("expect message c {closed}"),
        format!("spawn counter({closed})"),
        format!("c ! {{{closed}}}"),
        format!("X = {deep}"),
    ] {
        let error = parse_line(&statement).unwrap_err();
        assert!(
            error.message == "nested too deep" || error.message.contains("never closed"),
            "{}",
            error.render(None)
        );
    }
}

#[test]
fn a_script_reports_the_deep_statement_and_goes_on() {
    let script = format!("{}\nspawn counter\n", nested_list(10_000));
    let results = parse_script(&script);
    assert_eq!(results.len(), 2);
    let error = results[0].as_ref().unwrap_err();
    assert_eq!((error.line, error.message.as_str()), (1, "nested too deep"));
    assert!(results[1].is_ok());
}

#[test]
fn supervisors_nest_as_deep_as_the_limit_and_no_deeper() {
    let stmt = parse_line(&nested_sups(MAX_DEPTH)).unwrap().unwrap();
    let Command::Sup(spec) = stmt.command else {
        panic!("{:?}", stmt.command)
    };
    let mut depth = 1;
    let mut children = &spec.children;
    while let [ChildSpecAst::Sup { spec, .. }] = children.as_slice() {
        depth += 1;
        children = &spec.children;
    }
    assert_eq!(depth, MAX_DEPTH);

    let error = parse_line(&nested_sups(MAX_DEPTH + 1)).unwrap_err();
    assert_eq!(error.message, "nested too deep");
    assert_eq!(error.len, 1);
    let at = error.column - 1;
    assert_eq!(&error.source_line[at..=at], "{");

    let error = parse_line(&nested_sups(5_000)).unwrap_err();
    assert_eq!(error.message, "nested too deep");
}

#[test]
fn a_child_started_into_a_supervisor_counts_that_supervisor() {
    let mut child = "worker w idle".to_owned();
    for level in 1..MAX_DEPTH {
        child = format!("sup s{level} {{ {child} }}");
    }
    let fits = format!("start_child top {child}");
    assert!(parse_line(&fits).is_ok(), "{fits}");
    let too_deep = format!("start_child top sup more {{ {child} }}");
    assert_eq!(
        parse_line(&too_deep).unwrap_err().message,
        "nested too deep"
    );
}

#[test]
fn maps_count_as_brackets_too() {
    // `#{a => #{a => ... ok ...}}`: a map opens a level as `[` and `{` do.
    let nested =
        |levels: usize| format!("X = {}ok{}", "#{a => ".repeat(levels), "}".repeat(levels));
    assert!(parse_line(&nested(MAX_DEPTH)).is_ok());
    let error = parse_line(&nested(MAX_DEPTH + 1)).unwrap_err();
    assert_eq!(error.message, "nested too deep");
    let error = parse_line(&nested(8_000)).unwrap_err();
    assert_eq!(error.message, "nested too deep");
}
