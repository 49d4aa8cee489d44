use super::Parser;
use crate::elixir::ast::{Body, Kind, Node};
use crate::elixir::lexer::tokenize;

fn parse(source: &str) -> Vec<Node> {
    Parser::new(source, tokenize(source).unwrap())
        .program()
        .unwrap_or_else(|e| panic!("{}", e.render(None)))
}

#[test]
fn a_pipe_on_the_next_line_continues_the_expression() {
    let nodes = parse("x\n|> f()\n|> g()");
    assert_eq!(nodes.len(), 1);
    assert!(matches!(nodes[0].kind, Kind::Op("|>", _, _)));
}

#[test]
fn a_call_without_parentheses_gives_its_do_block_to_the_outer_call() {
    let nodes = parse("if valid?(x) do\n  :yes\nelse\n  :no\nend");
    let Kind::Call {
        name, args, blocks, ..
    } = &nodes[0].kind
    else {
        panic!("{nodes:?}")
    };
    assert_eq!(name, "if");
    assert_eq!(args.len(), 1);
    assert_eq!(blocks.len(), 2);
}

#[test]
fn clauses_are_read_with_their_guards() {
    let nodes = parse("case x do\n  {:ok, v} when v > 0 -> v\n  _ -> 0\nend");
    let Kind::Call { blocks, .. } = &nodes[0].kind else {
        panic!()
    };
    let Body::Clauses(clauses) = &blocks[0].1 else {
        panic!()
    };
    assert_eq!(clauses.len(), 2);
    assert!(clauses[0].guard.is_some());
}

#[test]
fn keyword_arguments_become_one_list_at_the_end() {
    let nodes = parse("def f(x), do: x + 1");
    let Kind::Call { args, .. } = &nodes[0].kind else {
        panic!()
    };
    assert_eq!(args.len(), 2);
    assert!(matches!(args[1].kind, Kind::List(..)));
}

#[test]
fn a_missing_end_names_the_do_it_belongs_to() {
    let source = "defmodule A do\n  def f do\n    1\n";
    let error = Parser::new(source, tokenize(source).unwrap())
        .program()
        .unwrap_err();
    assert!(error.message.contains("expected `end`"), "{error:?}");
}
