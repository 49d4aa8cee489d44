//! Process code in the session: `def`, `show`, `load`.
//!
//! `def NAME { ... }` is parsed, checked and compiled by `crate::erlang`; a
//! definition that compiles is loaded into the runtime's code table, where
//! it replaces the previous one of that name (new spawns and supervisor
//! restarts use it), and answers `{ok, NAME}` as Erlang's shell answers
//! `c(NAME)`.
//! One that does not is rejected whole: its compile error is shown with a
//! caret at the line and column of the script (or REPL entry) where the
//! code stands, and the previous version stays in force.
//!
//! Defining a name again loads a new version (`counter@2`), as Erlang's
//! `c/1` does: new spawns, supervisor restarts and fully qualified calls run
//! it, while running processes stay in theirs for local calls. At most two
//! versions live; loading a third purges the oldest first, killing the
//! processes still in it (see `erlang::program::load_for`). `versions NAME`
//! lists them with their processes, `purge NAME` is `code:purge/1`, and
//! the text of every version is kept for `show NAME@N`.
//!
//! After `reset` (a fresh runtime, an empty code table) the session loads
//! its definitions again with [`Session::load_definition`], each as
//! version 1 of the fresh runtime.

use std::collections::BTreeMap;
use std::path::Path;

use super::error::{EvalError, EvalResult};
use super::{Line, Outcome, Session};
use crate::commands::ast::{Command, Span, Stmt};
use crate::diagnostics::Diagnostic;
use crate::erlang;
use crate::runtime::{Atom, LoadedCode, Pid, Purged, Term};
use crate::view::{self, VersionRow, VersionState};

/// A definition in force: its module and the statement as written.
#[derive(Clone, Debug)]
pub struct Definition {
    pub module: erlang::ast::Module,
    /// The whole `def NAME { ... }` text, for `show` and `help`.
    pub text: String,
    /// Its version in the runtime's code table (1 for the first).
    pub version: u32,
    /// The text of each earlier version, by number, for `show NAME@N`.
    pub earlier: BTreeMap<u32, String>,
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
    pub(super) fn place(&self, error: Diagnostic) -> Diagnostic {
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
        Diagnostic {
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
    if erlang::names::RUNTIME_MODULES.contains(&name) {
        return Some(format!("`{name}` is a module of the runtime"));
    }
    if name == erlang::exception::SHELL_MODULE {
        // A definition of it would pass for the shell's own frames.
        return Some(format!(
            "`{name}` is where the Erlang typed at the prompt runs"
        ));
    }
    if erlang::names::is_reserved_word(name) {
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
        // A file's `-include` reads from its directory.
        let include_dir = origin.file.and_then(|f| std::path::Path::new(f).parent());
        let parsed = erlang::parse_in(name, source, include_dir);
        self.install(name, source, parsed, origin)
    }

    /// Checks, compiles and loads a parsed definition (Erlang's, or a
    /// module the Elixir front end lowered); a parse error is shown as a
    /// compile error is. `source` is the text the positions count in.
    pub(super) fn install(
        &mut self,
        name: &str,
        source: &str,
        parsed: Result<erlang::ast::Module, Diagnostic>,
        origin: &Origin<'_>,
    ) -> EvalResult<Outcome> {
        // Parse, check (what erlc rejects), compile: any of the three may
        // refuse the definition, always with a place to put the caret.
        let compiled = parsed.and_then(|module| {
            erlang::check(&module)?;
            let compiled = erlang::compile(&module).map_err(|error| error.quote(source))?;
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
                } else if self.runtime.code().is_native(Atom::new(name)) {
                    // Never a silent fall-back: `spawn counter(0)` would
                    // start the built-in, with its own bugs, not this one.
                    lines.push(Line::Notice(format!(
                        "nothing was loaded: `{name}` is still the built-in kind (see `kinds`)"
                    )));
                }
                return Ok(Outcome {
                    lines,
                    value: None,
                    ok: false,
                });
            }
        };
        let undefined = erlang::program::undefined_calls(&self.runtime, &compiled);
        let purged = erlang::program::load_for(&self.runtime, compiled.clone(), self.command);
        let version = compiled.version();
        let text = origin.statement.to_string();
        let earlier = match self.definitions.remove(name) {
            Some(previous) => {
                let mut earlier = previous.earlier;
                earlier.insert(previous.version, previous.text);
                earlier
            }
            None => BTreeMap::new(),
        };
        self.definitions.insert(
            name.to_string(),
            Definition {
                module,
                text,
                version,
                earlier,
            },
        );
        let mut outcome = Outcome::value(Term::tuple([Term::atom("ok"), Term::atom(name)]));
        if version > 1 {
            outcome
                .lines
                .push(Line::Notice(self.reload_notice(name, version, purged)));
        }
        for call in undefined {
            outcome.lines.push(Line::Notice(format!(
                "warning: {call} is not defined: a call to it fails with undef"
            )));
        }
        Ok(outcome)
    }

    /// What a new version changed: the version now current, the old one
    /// and who still runs it, and what a purge of the one before did.
    fn reload_notice(&self, name: &str, version: u32, purged: Option<Purged>) -> String {
        let module = name;
        // An Elixir session names the module by its alias (`Counter@2`).
        let name = self.syntax().module_name(module);
        let mut text = format!(
            "{name}@{version} is current: new spawns and restarts run it; \
             {name}@{} is old",
            version - 1
        );
        let old = erlang::program::versions(&self.runtime, Atom::new(module))
            .into_iter()
            .nth(1);
        if let Some(old) = old {
            let users = self.runtime.processes_using(&(old as LoadedCode));
            if !users.is_empty() {
                text.push_str(&format!(", still run by {}", self.pids_listed(&users)));
            }
        }
        if let Some(purged) = purged {
            text.push_str(&format!("; {name}@{} purged", purged.version));
            if !purged.killed.is_empty() {
                text.push_str(&format!(", killing {}", self.pids_listed(&purged.killed)));
            }
        }
        text
    }

    fn pids_listed(&self, pids: &[Pid]) -> String {
        let names = |pid| self.display_name(pid);
        pids.iter()
            .map(|&pid| view::pid_with_name(pid, &names))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// `versions NAME`: each version, newest first, with the processes
    /// that still run it.
    pub(super) fn versions(&self, name: &str) -> EvalResult<Outcome> {
        let Some(definition) = self.definitions.get(name) else {
            return Err(self.no_definition(name));
        };
        let loaded = erlang::program::versions(&self.runtime, Atom::new(name));
        let mut rows = Vec::new();
        for (index, module) in loaded.iter().enumerate() {
            let users = self
                .runtime
                .processes_using(&(module.clone() as LoadedCode));
            rows.push(VersionRow {
                label: module.label(),
                state: if index == 0 {
                    VersionState::Current
                } else {
                    VersionState::Old
                },
                users,
            });
        }
        let live: Vec<u32> = loaded.iter().map(|m| m.version()).collect();
        for &number in definition.earlier.keys().rev() {
            if !live.contains(&number) {
                rows.push(VersionRow {
                    label: format!("{name}@{number}"),
                    state: VersionState::Purged,
                    users: Vec::new(),
                });
            }
        }
        let names = |pid| self.display_name(pid);
        Ok(Outcome::line(Line::Text(view::versions_table(
            &rows,
            &names,
            &self.style(),
        ))))
    }

    /// `purge NAME`: `code:purge/1`. Answers `true` if it killed a
    /// process, as `code:purge/1` does, after a line saying what went.
    pub(super) fn purge(&self, name: &str) -> EvalResult<Outcome> {
        if !self.definitions.contains_key(name) {
            return Err(self.no_definition(name));
        }
        let purged = erlang::program::purge(&self.runtime, Atom::new(name), self.command);
        let (notice, killed) = match purged {
            None => (format!("{name} has no old version to purge"), false),
            Some(purged) if purged.killed.is_empty() => (
                format!("purged {name}@{}: no process ran it", purged.version),
                false,
            ),
            Some(purged) => (
                format!(
                    "purged {name}@{}, killing {}",
                    purged.version,
                    self.pids_listed(&purged.killed)
                ),
                true,
            ),
        };
        let mut outcome = Outcome::value(Term::from_atom(if killed {
            Atom::TRUE
        } else {
            Atom::FALSE
        }));
        outcome.lines.insert(0, Line::Notice(notice));
        Ok(outcome)
    }

    /// Compiles a checked module again and loads it into the runtime's
    /// code table: after `reset`, whose fresh runtime has an empty one.
    pub(super) fn load_definition(&mut self, module: &erlang::ast::Module) -> Result<(), String> {
        let compiled = erlang::compile(module).map_err(|error| error.to_string())?;
        erlang::load(&self.runtime, compiled);
        // A fresh code table numbers afresh: the earlier versions belong
        // to the runtime that is gone.
        if let Some(definition) = self.definitions.get_mut(&module.name) {
            definition.version = 1;
            definition.earlier.clear();
        }
        Ok(())
    }

    /// `show NAME`: the definition as written; `show NAME@N`: version N
    /// of it, also one since purged.
    /// The definition a command names: an Elixir module by its alias too
    /// (`versions Score` for `'Elixir.Score'`, `show Counter@1`).
    pub(super) fn definition_name(&self, name: &str) -> String {
        let base = name.rsplit_once('@').map_or(name, |(base, _)| base);
        let elixir = format!("Elixir.{base}");
        if !self.definitions.contains_key(base) && self.definitions.contains_key(&elixir) {
            format!("Elixir.{name}")
        } else {
            name.to_owned()
        }
    }

    pub(super) fn show(&self, name: &str) -> EvalResult<Outcome> {
        let (base, number) = match name.rsplit_once('@') {
            Some((base, n)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {
                (base, n.parse::<u32>().ok())
            }
            _ => (name, None),
        };
        let Some(definition) = self.definitions.get(base) else {
            return Err(self.no_definition(base));
        };
        let text = match number {
            None => Some(&definition.text),
            Some(n) if n == definition.version => Some(&definition.text),
            Some(n) => definition.earlier.get(&n),
        };
        match text {
            Some(text) => Ok(Outcome::line(Line::Text(text.clone()))),
            None => Err(
                EvalError::new(format!("{base} has no version {}", number.unwrap_or(0))).with_hint(
                    format!(
                        "its versions are {}; `versions {base}` lists them",
                        (1..=definition.version)
                            .map(|n| format!("{base}@{n}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
            ),
        }
    }

    pub(super) fn no_definition(&self, name: &str) -> EvalError {
        let error = EvalError::new(format!("no definition named `{name}`"));
        let names = self.definitions.keys().map(String::as_str);
        match crate::commands::suggest::closest(name, names) {
            Some(close) => error.with_hint(format!("did you mean `{close}`?")),
            None if self.definitions.is_empty() => {
                error.with_hint("nothing is defined yet: `def NAME { ... }` defines")
            }
            None => error.with_hint("`kinds` lists the definitions"),
        }
    }

    /// `load FILE`: every `def` block of the file, each on its own (one
    /// that does not compile does not stop the others); every module of
    /// an Elixir file (`.ex`, `.exs`).
    pub(super) fn load(&mut self, path: &Path) -> EvalResult<Outcome> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| EvalError::new(format!("cannot read {file}: {e}")))?;
        if path.extension().is_some_and(|e| e == "erl") {
            return self.load_erlang_file(path, &file, &text);
        }
        if path.extension().is_some_and(|e| e == "ex" || e == "exs") {
            let origin = Origin {
                file: Some(&file),
                span: Span {
                    line: 1,
                    column: 1,
                    offset: 0,
                    len: text.len(),
                },
                statement: &text,
                line_offset: 0,
                column_offset: 0,
            };
            return self.define_elixir(&text, &origin);
        }
        let mut outcome = Outcome::none();
        let mut defined = 0;
        for parsed in crate::commands::parse_script(&text) {
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

    /// `load NAME.erl`: an Erlang module file, compiled as erlc would
    /// (`-module` must be the file's name, as erlc requires), then loaded
    /// as a definition of that name.
    fn load_erlang_file(&mut self, path: &Path, file: &str, text: &str) -> EvalResult<Outcome> {
        let name = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        let origin = Origin {
            file: Some(file),
            span: crate::commands::ast::Span {
                line: 1,
                column: 1,
                offset: 0,
                len: text.len(),
            },
            statement: text,
            line_offset: 0,
            column_offset: 0,
        };
        self.define(&name, text, &origin)
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
                                erlang::ast::PatternKind::Var(v) => v.clone(),
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
