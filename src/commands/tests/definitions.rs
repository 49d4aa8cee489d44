//! `def`, `show` and `load` in the command language: the block is found
//! with Erlang's lexical rules, spans lines in scripts and the REPL, and
//! knows where its code starts.

use super::cmd;
use crate::commands::ast::Command;
use crate::commands::{is_incomplete, parse_line, parse_script};

#[test]
fn def_takes_a_name_and_the_code_between_the_braces() {
    assert_eq!(
        cmd("def spin { start() -> loop(0). loop(N) -> loop(N + 1). }"),
        Command::Def {
            name: "spin".into(),
            source: " start() -> loop(0). loop(N) -> loop(N + 1). ".into(),
            line_offset: 0,
            column_offset: 10,
        }
    );
}

#[test]
fn braces_in_strings_atoms_characters_and_comments_do_not_close_a_def() {
    let text = "def c {\n  f() -> {\"}\", '}', $}, $\\}}. % }\n}";
    let Command::Def { source, .. } = cmd(text) else {
        panic!()
    };
    assert_eq!(source, "\n  f() -> {\"}\", '}', $}, $\\}}. % }\n");
    assert!(is_incomplete("def c {\n  f() -> \"}\". % }"));
    assert!(!is_incomplete(text));
}

#[test]
fn a_def_block_spans_lines_in_a_script_and_the_next_statement_follows() {
    let script = "# the counter\n  def counter {\n    start(N) -> loop(N).\n    loop(N) -> receive incr -> loop(N + 1) end.\n  }\nspawn counter(0) as c\n";
    let results = parse_script(script);
    assert_eq!(results.len(), 2);
    let def = results[0].as_ref().unwrap();
    assert_eq!((def.span.line, def.span.column), (2, 3));
    assert_eq!(def.comments, ["the counter"]);
    let Command::Def {
        name,
        line_offset,
        column_offset,
        ..
    } = &def.command
    else {
        panic!()
    };
    assert_eq!(
        (name.as_str(), *line_offset, *column_offset),
        ("counter", 0, 13)
    );
    assert!(matches!(
        results[1].as_ref().unwrap().command,
        Command::Spawn { .. }
    ));
}

#[test]
fn show_and_load() {
    assert_eq!(cmd("show counter"), Command::Show("counter".into()));
    assert_eq!(cmd("load defs.crash"), Command::Load("defs.crash".into()));
    assert_eq!(
        cmd("load \"my defs.crash\""),
        Command::Load("my defs.crash".into())
    );
}

#[test]
fn def_errors_say_what_a_definition_looks_like() {
    let e = parse_line("def Counter { f() -> ok. }").unwrap_err();
    assert_eq!(
        (e.column, e.message.as_str()),
        (5, "expected the definition's name, a lowercase atom")
    );
    let e = parse_line("def counter start() -> ok.").unwrap_err();
    assert_eq!(e.message, "expected `{` after `def counter`");
    let e = parse_line("def counter { f() -> ok. } extra").unwrap_err();
    assert_eq!(e.column, 28);
    let results = parse_script("def c {\n  f() -> ok.\nspawn echo\n");
    assert!(
        results[0]
            .as_ref()
            .unwrap_err()
            .message
            .contains("never closed")
    );
}
