//! Whole scripts: multi-line blocks, comments, expected output, recovery,
//! and `is_incomplete` for the REPL.

use crate::commands::ast::{ChildSpecAst, Command, Span, Strategy};
use crate::commands::{is_incomplete, parse_line, parse_script};

const DEMO: &str = "\
# The demo tree
# (two levels)
sup top one_for_all intensity 2 {
  worker db counter permanent   # the state keeper
  sup pool rest_for_one {
    worker a ticker(1s); worker b echo
  }

  worker web echo transient
}
#=> <0.1.0> top
#=>
#=>   started

kill top/pool/a
#=> ok
tree
";

#[test]
fn nested_multi_line_sup_block() {
    let results = parse_script(DEMO);
    assert_eq!(results.len(), 3);
    let stmt = results[0].as_ref().unwrap();
    let Command::Sup(top) = &stmt.command else {
        panic!("{:?}", stmt.command)
    };
    assert_eq!(top.strategy, Strategy::OneForAll);
    assert_eq!(top.intensity, Some(2));
    let ids: Vec<&str> = top.children.iter().map(ChildSpecAst::id).collect();
    assert_eq!(ids, ["db", "pool", "web"]);
    let ChildSpecAst::Sup { spec: pool, .. } = &top.children[1] else {
        panic!()
    };
    assert_eq!(pool.strategy, Strategy::RestForOne);
    let ids: Vec<&str> = pool.children.iter().map(ChildSpecAst::id).collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(
        stmt.span,
        Span {
            line: 3,
            column: 1,
            offset: 31,
            len: stmt.source.len()
        }
    );
    assert!(stmt.source.starts_with("sup top") && stmt.source.ends_with('}'));
}

#[test]
fn comments_and_expected_output_are_attached() {
    let results = parse_script(DEMO);
    let sup = results[0].as_ref().unwrap();
    assert_eq!(sup.comments, ["The demo tree", "(two levels)"]);
    assert_eq!(sup.expected_output, ["<0.1.0> top", "", "  started"]);
    let kill = results[1].as_ref().unwrap();
    assert_eq!(kill.expected_output, ["ok"]);
    assert_eq!(kill.span.line, 15);
    let tree = results[2].as_ref().unwrap();
    assert!(tree.expected_output.is_empty() && tree.comments.is_empty());
}

#[test]
fn recovers_after_an_error_and_reports_every_one() {
    let script = "spawn counter as c\nspwan counter\nsup s {\n  worker w1 countr permanant\n}\nkill c\nlink\n";
    let results = parse_script(script);
    let lines: Vec<Result<usize, usize>> = results
        .iter()
        .map(|r| r.as_ref().map(|s| s.span.line).map_err(|e| e.line))
        .collect();
    assert_eq!(lines, [Ok(1), Err(2), Err(4), Ok(6), Err(7)]);
}

#[test]
fn an_unclosed_block_resumes_at_the_next_flush_left_line() {
    let script = "sup s {\n  worker w1 counter\nspawn counter\n";
    let results = parse_script(script);
    assert_eq!(results.len(), 2);
    let error = results[0].as_ref().unwrap_err();
    assert_eq!((error.line, error.column), (1, 7));
    assert_eq!(error.message, "this `{` is never closed");
    assert!(matches!(
        results[1].as_ref().unwrap().command,
        Command::Spawn { .. }
    ));
}

#[test]
fn an_unclosed_bracket_is_blamed_on_its_own_line_not_on_a_later_statement() {
    // Found by the fuzz run: the `[` of line 3 was reported for the
    // statement of line 1 and again for its own, and the `(` never.
    let script = "foo bar(\nspawn idle\nsup s one_for_one [\n";
    let results = parse_script(script);
    let errors: Vec<(usize, usize, String)> = results
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|e| (e.line, e.column, e.message.clone()))
        .collect();
    assert_eq!(
        errors,
        [
            (1, 8, "this `(` is never closed".to_owned()),
            (3, 19, "this `[` is never closed".to_owned()),
        ]
    );
    assert_eq!(results.len(), 3);
    // Its `(` closed by a line it swallowed, another left open further on.
    let results = parse_script("x (\nspawn idle\n)\ny [\n");
    let errors: Vec<(usize, usize)> = results
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|e| (e.line, e.column))
        .collect();
    assert_eq!(errors, [(1, 1), (4, 3)]);
}

#[test]
fn a_line_whose_own_brackets_close_is_a_statement_even_when_a_later_one_never_closes() {
    // Found by the fuzz run: the `receive` of line 1 opened an Erlang
    // block for the scan, which swallowed line 2 and took its `[`, never
    // closed, as line 1's error: it was reported twice.
    let script = "10ms timeout receive\nsup s one_for_one [\n";
    let results = parse_script(script);
    let errors: Vec<(usize, usize, String)> = results
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|e| (e.line, e.column, e.message.clone()))
        .collect();
    assert_eq!(
        errors.iter().filter(|(line, _, _)| *line == 2).count(),
        1,
        "{errors:?}"
    );
    assert_eq!(results.len(), 2);
}

#[test]
fn crlf_scripts() {
    let results = parse_script("sup s {\r\n worker w1 counter\r\n}\r\n#=> ok\r\nps\r\n");
    assert_eq!(results.len(), 2);
    assert_eq!(results[0].as_ref().unwrap().expected_output, ["ok"]);
    let error = &parse_script("sup s {\r\n worker w1\r\n}\r\n")[0]
        .clone()
        .unwrap_err();
    assert_eq!((error.line, error.column), (2, 11));
}

#[test]
fn the_repl_continues_open_blocks() {
    assert!(is_incomplete("sup demo {"));
    assert!(is_incomplete("sup demo {\n worker w1 counter"));
    assert!(!is_incomplete("sup demo {\n worker w1 counter\n}"));
    assert!(is_incomplete("send c {a, [1,"));
    assert!(is_incomplete("spawn ticker(1s"));
    assert!(is_incomplete("say \"hello"));
    assert!(is_incomplete("kill 'A-"));
    assert!(!is_incomplete("kill c # {"));
    assert!(
        !is_incomplete("send c }"),
        "a stray closer is for the parser to report"
    );
    assert!(!is_incomplete(""));
    // What the REPL hands over once complete parses as one statement.
    let stmt = parse_line("sup demo {\n  worker w1 counter\n  worker w2 counter\n}")
        .unwrap()
        .unwrap();
    let Command::Sup(spec) = stmt.command else {
        panic!()
    };
    assert_eq!(spec.children.len(), 2);
}

#[test]
fn an_erlang_block_spans_lines_until_its_end() {
    let script = "X = case 2 of\n  1 -> one;\n  _ -> other\nend.\nspawn idle\n";
    let results = parse_script(script);
    assert_eq!(results.len(), 2, "{results:?}");
    let first = results[0].as_ref().unwrap();
    assert_eq!(
        first.source,
        "X = case 2 of\n  1 -> one;\n  _ -> other\nend."
    );
    assert!(is_incomplete("receive M ->\n  M"));
    assert!(!is_incomplete("receive {ok, M} timeout 1s"));
    // One never closed is blamed on its keyword; parsing goes on at the
    // next line that starts in column 1.
    let results = parse_script("Y = case 1 of\n  1 -> a\nspawn idle\n");
    let error = results[0].as_ref().unwrap_err();
    assert_eq!((error.line, error.column), (1, 5));
    assert_eq!(error.message, "this `case` has no `end`");
    assert!(results[1].is_ok(), "{results:?}");
}
