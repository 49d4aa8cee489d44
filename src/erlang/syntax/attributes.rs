//! Module attributes, as `erl_parse` reads them at the module level:
//!
//! - `-module(Name).` names the module: a `def` of another name, or a file
//!   of another name, is refused where the caller knows the name;
//! - `-export([f/1, g/2]).` (as many as written, together): only these
//!   can be called from outside or spawned, as on the BEAM (`undef`
//!   otherwise); `-compile(export_all)` (alone or in a list) exports all;
//! - `-import(lists, [map/2]).`: `map(F, L)` is `lists:map(F, L)` unless
//!   the module defines `map/2` itself (the rewrite is done here, so the
//!   checker and the compiler see remote calls);
//! - every other attribute (`-behaviour`, `-spec`, `-type`, `-author`,
//!   ...) is read up to its `.` and kept as written, for the export.
//!
//! The preprocessor's attributes (`-define`, `-ifdef`, `-include`) are
//! read before the parser (`preprocess.rs`), `-record` by `records.rs`.

use super::error::Result;
use super::lexer::Tok;
use super::parser::Parser;
use crate::erlang::ast::{Attributes, Callee, Expr, ExprKind, Function, Pos};

/// `([name, age])`, the tokens of `-struct([name, age]).`: the fields of
/// the struct an Erlang module of the Elixir library defines, in order.
/// Anything else is an attribute like any other, kept and ignored.
fn struct_fields(tokens: &[Tok]) -> Option<Vec<String>> {
    let inner = match tokens {
        [
            Tok::Punct("("),
            Tok::Punct("["),
            inner @ ..,
            Tok::Punct("]"),
            Tok::Punct(")"),
        ] => inner,
        _ => return None,
    };
    let mut fields = Vec::new();
    for (at, tok) in inner.iter().enumerate() {
        match tok {
            Tok::Atom(field) if at % 2 == 0 => fields.push(field.clone()),
            Tok::Punct(",") if at % 2 == 1 => {}
            _ => return None,
        }
    }
    (inner.len() % 2 == 1 || inner.is_empty()).then_some(fields)
}

impl Parser<'_> {
    /// `-name(...).` at the module level.
    pub fn attribute(&mut self, attributes: &mut Attributes) -> Result<()> {
        let dash = self.bump();
        let name_token = self.bump();
        let Tok::Atom(name) = name_token.tok.clone() else {
            unreachable!("forms() looks ahead for `-` and an atom")
        };
        match name.as_str() {
            "module" => {
                self.expect_punct("(", "after -module", None)?;
                let at = self.peek().pos;
                let module = self.atom("the module's name")?;
                self.expect_punct(")", "after the module's name", None)?;
                self.end_of_attribute("module")?;
                attributes.module = Some((module, at));
            }
            "export" => {
                self.expect_punct("(", "after -export", None)?;
                let list = self.function_list("-export")?;
                self.expect_punct(")", "after the list of functions", None)?;
                self.end_of_attribute("export")?;
                attributes.exports.get_or_insert_with(Vec::new).extend(list);
            }
            "import" => {
                self.expect_punct("(", "after -import", None)?;
                let module = self.atom("the module to import from")?;
                self.expect_punct(",", "after the module's name", None)?;
                let list = self.function_list("-import")?;
                self.expect_punct(")", "after the list of functions", None)?;
                self.end_of_attribute("import")?;
                attributes
                    .imports
                    .extend(list.into_iter().map(|(f, a, _)| (module.clone(), f, a)));
            }
            "record" => {
                let at = name_token.pos;
                let (record, def) = self.record_attribute()?;
                self.end_of_attribute("record")?;
                if self.records.insert(record.clone(), def).is_some() {
                    return Err(self.error_at(
                        at,
                        name_token.len,
                        format!("record {record} already defined"),
                        None,
                    ));
                }
            }
            _ => {
                // Kept as written: from the `-` to the `.` that ends it.
                let start = dash.pos;
                let mut export_all = false;
                let mut tokens = Vec::new();
                while !matches!(self.peek_tok(), Tok::Dot | Tok::Eof) {
                    if name == "compile" && self.peek_tok() == &Tok::Atom("export_all".into()) {
                        export_all = true;
                    }
                    tokens.push(self.bump().tok);
                }
                if name == "struct" {
                    attributes.struct_fields =
                        struct_fields(&tokens).or(attributes.struct_fields.take());
                }
                let end = self.peek().clone();
                self.end_of_attribute(&name)?;
                if export_all {
                    attributes.exports = None;
                }
                attributes
                    .kept
                    .push(self.text_between(start, end.pos, end.len));
            }
        }
        Ok(())
    }

    fn atom(&mut self, what: &str) -> Result<String> {
        match self.peek_tok().clone() {
            Tok::Atom(name) => {
                self.bump();
                Ok(name)
            }
            _ => Err(self.error_here(
                format!("expected {what}, found {}", self.describe_next()),
                None,
            )),
        }
    }

    /// `[f/1, g/2]`.
    fn function_list(&mut self, attribute: &str) -> Result<Vec<(String, usize, Pos)>> {
        let hint = Some(format!("{attribute}([start/1, loop/2])"));
        self.expect_punct("[", "before the list of functions", hint.clone())?;
        let mut list = Vec::new();
        if self.eat_punct("]") {
            return Ok(list);
        }
        loop {
            let at = self.peek().pos;
            let name = self.atom("a function's name")?;
            self.expect_punct("/", "between a function's name and arity", hint.clone())?;
            let arity = match self.peek_tok().clone() {
                Tok::Int(n) => n.as_i64().and_then(|n| usize::try_from(n).ok()),
                _ => None,
            };
            let Some(arity) = arity.filter(|a| *a <= 255) else {
                return Err(self.error_here(
                    format!("expected an arity, found {}", self.describe_next()),
                    hint,
                ));
            };
            self.bump();
            list.push((name, arity, at));
            if self.eat_punct("]") {
                return Ok(list);
            }
            self.expect_punct(",", "or `]` in the list of functions", hint.clone())?;
        }
    }

    fn end_of_attribute(&mut self, name: &str) -> Result<()> {
        if self.peek_tok() == &Tok::Dot {
            self.bump();
            return Ok(());
        }
        Err(self.error_here(
            format!(
                "expected `.` at the end of -{name}, found {}",
                self.describe_next()
            ),
            Some("an attribute ends with `.`, as a function does".into()),
        ))
    }

    /// The source from `start` to the end of the token at `end`.
    fn text_between(&self, start: Pos, end: Pos, len: usize) -> String {
        let offset = |pos: Pos| -> usize {
            let line_start: usize = self
                .source
                .split_inclusive('\n')
                .take(pos.line.saturating_sub(1) as usize)
                .map(str::len)
                .sum();
            let line = &self.source[line_start..];
            line_start
                + line
                    .char_indices()
                    .nth(pos.column.saturating_sub(1) as usize)
                    .map_or(line.len(), |(i, _)| i)
        };
        let from = offset(start);
        let to = offset(end);
        let to = self.source[to..]
            .char_indices()
            .nth(len)
            .map_or(self.source.len(), |(i, _)| to + i);
        self.source[from..to.max(from)].to_owned()
    }
}

/// Calls to an imported function become remote calls, unless the module
/// defines a function of that name and arity (which a local call reaches
/// first, as in Erlang).
pub fn resolve_imports(attributes: &Attributes, functions: &mut [Function]) {
    if attributes.imports.is_empty() {
        return;
    }
    let defined: Vec<(String, usize)> = functions
        .iter()
        .map(|f| (f.name.clone(), f.arity))
        .collect();
    let imported = |name: &str, arity: usize| -> Option<String> {
        if defined.iter().any(|(n, a)| n == name && *a == arity) {
            return None;
        }
        attributes
            .imports
            .iter()
            .find(|(_, f, a)| f == name && *a == arity)
            .map(|(m, _, _)| m.clone())
    };
    for function in functions {
        for clause in &mut function.clauses {
            for expr in &mut clause.body {
                rewrite(expr, &imported);
            }
        }
    }
}

fn rewrite(expr: &mut Expr, imported: &dyn Fn(&str, usize) -> Option<String>) {
    if let ExprKind::Call(callee, args) = &mut expr.kind
        && let Callee::Local(name) = callee
        && let Some(module) = imported(name, args.len())
    {
        *callee = Callee::Remote(module, name.clone());
    }
    expr.for_each_child_mut(&mut |child| rewrite(child, imported));
}
