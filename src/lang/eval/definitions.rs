//! Process code in the session: `def`, `show`, `load`.
//!
//! `def NAME { ... }` is parsed, checked and compiled by `crate::code`; a
//! definition that compiles is loaded into the runtime's code table, where
//! it replaces the previous one of that name (new spawns and supervisor
//! restarts use it), and answers `{ok, NAME}` as Erlang's shell answers
//! `c(NAME)`.
//! One that does not is rejected whole: its compile error is shown with a
//! caret at the line and column of the script (or REPL entry) where the
//! code stands, and the previous version stays in force.
//!
//! After `reset` (a fresh runtime, an empty code table) the session loads
//! its definitions again with [`Session::load_definition`].

use std::collections::BTreeMap;
use std::path::Path;

use super::error::{EvalError, EvalResult};
use super::{Line, Outcome, Session};
use crate::code;
use crate::lang::ParseError;
use crate::lang::ast::{Command, Span, Stmt};
use crate::runtime::Term;

/// A definition in force: its module and the statement as written.
#[derive(Clone, Debug)]
pub struct Definition {
    pub module: code::ast::Module,
    /// The whole `def NAME { ... }` text, for `show` and `help`.
    pub text: String,
}

/// The session's definitions by name (sorted, for `kinds`).
pub type Definitions = BTreeMap<String, Definition>;

/// Where a definition's code stands, to place compile errors there.
pub(super) struct Origin<'a> {
    /// The script or loaded file, `None` in the REPL.
    pub file: Option<&'a str>,
    /// The `def` statement's position and text.
    pub span: Span,
    pub statement: &'a str,
    /// Where the code starts in the statement (see `Command::Def`).
    pub line_offset: usize,
    pub column_offset: usize,
}

impl Origin<'_> {
    /// A compile error, whose position counts from the start of the code,
    /// moved to the line and column of the script, with that line shown.
    fn place(&self, error: ParseError) -> ParseError {
        let line_in_statement = self.line_offset + error.line.saturating_sub(1);
        let column_on_line = if error.line == 1 {
            self.column_offset + error.column
        } else {
            error.column
        };
        let text = self
            .statement
            .split('\n')
            .nth(line_in_statement)
            .unwrap_or("")
            .trim_end_matches('\r');
        // The statement's first line starts at its span's column.
        let indent = if line_in_statement == 0 {
            self.span.column.saturating_sub(1)
        } else {
            0
        };
        ParseError {
            line: self.span.line + line_in_statement,
            column: indent + column_on_line,
            source_line: format!("{}{text}", " ".repeat(indent)),
            ..error
        }
    }
}

/// Module names a definition may not take: the runtime's own modules, and
/// Erlang's reserved words (which would need quotes as module names).
fn reserved_name(name: &str) -> Option<String> {
    if code::names::RUNTIME_MODULES.contains(&name) {
        return Some(format!("`{name}` is a module of the runtime"));
    }
    if code::names::is_reserved_word(name) {
        return Some(format!("`{name}` is a reserved word in Erlang"));
    }
    None
}

impl Session {
    /// The definitions in force, by name.
    pub fn definitions(&self) -> &Definitions {
        &self.definitions
    }

    /// `def` as a statement: its position places compile errors.
    pub(super) fn define_statement(&mut self, stmt: &Stmt) -> EvalResult<Outcome> {
        let Command::Def {
            name,
            source,
            line_offset,
            column_offset,
        } = &stmt.command
        else {
            return Err(EvalError::new("not a definition"));
        };
        let file = self.source.clone();
        let origin = Origin {
            file: file.as_deref(),
            span: stmt.span,
            statement: &stmt.source,
            line_offset: *line_offset,
            column_offset: *column_offset,
        };
        self.define(name, source, &origin)
    }

    /// Parses, checks and loads one definition; on success it replaces the
    /// previous one of that name.
    pub(super) fn define(
        &mut self,
        name: &str,
        source: &str,
        origin: &Origin<'_>,
    ) -> EvalResult<Outcome> {
        if let Some(why) = reserved_name(name) {
            return Err(EvalError::new(format!("cannot define `{name}`: {why}"))
                .with_hint("pick another name for the definition"));
        }
        // Parse, check (what erlc rejects), compile: any of the three may
        // refuse the definition, always with a place to put the caret.
        let compiled = code::parse(name, source).and_then(|module| {
            code::check(&module)?;
            let compiled = code::compile(&module).map_err(|error| {
                code::syntax::error_at(source, error.pos, 1, error.message, error.hint)
            })?;
            Ok((module, compiled))
        });
        let (module, compiled) = match compiled {
            Ok(both) => both,
            Err(error) => {
                let rendered = origin.place(error).render(origin.file);
                let mut lines = vec![Line::Error(rendered.trim_end().to_string())];
                if self.definitions.contains_key(name) {
                    lines.push(Line::Notice(format!(
                        "the previous `{name}` stays in force"
                    )));
                }
                return Ok(Outcome {
                    lines,
                    value: None,
                    ok: false,
                });
            }
        };
        code::load(&self.runtime, compiled);
        let text = origin.statement.to_string();
        self.definitions
            .insert(name.to_string(), Definition { module, text });
        Ok(Outcome::value(Term::tuple([
            Term::atom("ok"),
            Term::atom(name),
        ])))
    }

    /// Compiles a checked module again and loads it into the runtime's
    /// code table: after `reset`, whose fresh runtime has an empty one.
    pub(super) fn load_definition(&mut self, module: &code::ast::Module) -> Result<(), String> {
        let compiled = code::compile(module).map_err(|error| error.to_string())?;
        code::load(&self.runtime, compiled);
        Ok(())
    }

    /// `show NAME`: the definition as written.
    pub(super) fn show(&self, name: &str) -> EvalResult<Outcome> {
        match self.definitions.get(name) {
            Some(definition) => Ok(Outcome::line(Line::Text(definition.text.clone()))),
            None => Err(self.no_definition(name)),
        }
    }

    pub(super) fn no_definition(&self, name: &str) -> EvalError {
        let error = EvalError::new(format!("no definition named `{name}`"));
        let names = self.definitions.keys().map(String::as_str);
        match crate::lang::suggest::closest(name, names) {
            Some(close) => error.with_hint(format!("did you mean `{close}`?")),
            None if self.definitions.is_empty() => {
                error.with_hint("nothing is defined yet: `def NAME { ... }` defines")
            }
            None => error.with_hint("`kinds` lists the definitions"),
        }
    }

    /// `load FILE`: every `def` block of the file, each on its own (one
    /// that does not compile does not stop the others).
    pub(super) fn load(&mut self, path: &Path) -> EvalResult<Outcome> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| EvalError::new(format!("cannot read {file}: {e}")))?;
        let mut outcome = Outcome::none();
        let mut defined = 0;
        for parsed in crate::lang::parse_script(&text) {
            let stmt = match parsed {
                Ok(stmt) => stmt,
                Err(error) => {
                    outcome.lines.push(Line::Error(
                        error.render(Some(&file)).trim_end().to_string(),
                    ));
                    outcome.ok = false;
                    continue;
                }
            };
            let Command::Def {
                name,
                source,
                line_offset,
                column_offset,
            } = &stmt.command
            else {
                outcome.lines.push(Line::Error(format!(
                    "error: {file}:{}:{}: only `def` blocks can be loaded; run scripts with `letitcrash run`",
                    stmt.span.line, stmt.span.column
                )));
                outcome.ok = false;
                continue;
            };
            let origin = Origin {
                file: Some(&file),
                span: stmt.span,
                statement: &stmt.source,
                line_offset: *line_offset,
                column_offset: *column_offset,
            };
            match self.define(name, source, &origin) {
                Ok(one) => {
                    defined += usize::from(one.ok);
                    outcome.ok &= one.ok;
                    outcome.lines.extend(one.lines);
                }
                Err(error) => {
                    outcome.lines.push(Line::Error(format!("error: {error}")));
                    outcome.ok = false;
                }
            }
        }
        if defined == 0 && outcome.ok {
            return Err(EvalError::new(format!("{file} has no `def` blocks"))
                .with_hint("a definition is `def NAME { clauses }`"));
        }
        Ok(outcome)
    }

    /// The definitions as `kinds` lists them: how to spawn each (from its
    /// `start` function's head) and its functions.
    pub(super) fn definition_kinds(&self) -> Vec<(String, String)> {
        self.definitions
            .iter()
            .map(|(name, definition)| {
                let functions = &definition.module.functions;
                let start = functions.iter().find(|f| f.name == "start");
                let usage = match start {
                    Some(start) if start.arity > 0 => {
                        let args: Vec<String> = start.clauses[0]
                            .patterns
                            .iter()
                            .enumerate()
                            .map(|(i, p)| match &p.kind {
                                code::ast::PatternKind::Var(v) => v.clone(),
                                _ => format!("Arg{}", i + 1),
                            })
                            .collect();
                        format!("{name}({})", args.join(", "))
                    }
                    _ => name.clone(),
                };
                let list: Vec<String> = functions
                    .iter()
                    .map(|f| format!("{}/{}", f.name, f.arity))
                    .collect();
                (usage, format!("defined: {}", list.join(", ")))
            })
            .collect()
    }
}
