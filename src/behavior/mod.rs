//! Built-in process kinds: the small programs a presenter spawns.
//!
//! Each kind is a native behavior (an `async` body run by the runtime) that
//! shows one thing about OTP: `counter` is a process with a bug, `sink`
//! shows a mailbox filling up with trapped exits, `state_server` and
//! `stateful` are the talk's "restore state" pattern, `spinner` proves that
//! a busy process cannot starve the others, and so on. One file per kind;
//! each opens with what it teaches.
//!
//! This module is the catalogue. [`kinds`] lists them (for `kinds` and
//! completion) and [`find`] looks one up. Every kind is a native module in
//! the runtime's code table ([`preload`], when a runtime starts), beside the
//! process code loaded with `def`: there is one registry of what can be
//! spawned, and [`spawn_kind`] starts whatever it holds under a name (the
//! shell calls it for `spawn KIND`, a supervisor for each child start and
//! restart). A `def counter` loads process code that shadows the native
//! `counter`; a `def` that does not compile loads nothing, and the session
//! says which one runs. Arguments are
//! checked *before* anything is spawned, so a typo is an error message,
//! never a process that dies at once.
//!
//! Arguments arrive as terms. A duration typed as `500ms` or `1s` arrives as
//! an integer number of milliseconds (`Term::int(1000)`).
//!
//! Imports: the runtime only (the code table, processes, terms).

mod counter;
mod crasher;
mod echo;
mod idle;
mod ping;
mod sink;
mod spinner;
mod state_server;
mod stateful;
mod ticker;

#[cfg(test)]
mod tests;

use crate::runtime::code_table::{self, Module, SpawnError, Spawner};
use crate::runtime::{Atom, CodeTable, Pid, Process, Runtime, Term};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

pub use crate::runtime::StartContext;

/// The running body of a kind: an `async` block that returns the exit reason.
pub type Body = Pin<Box<dyn Future<Output = Term> + Send>>;

/// A kind made ready to start, its arguments already checked.
pub type Start = Box<dyn FnOnce(Arc<Process>) -> Body + Send>;

/// One built-in kind, as `kinds` lists it.
pub struct Kind {
    pub name: &'static str,
    /// How it is written, e.g. `ticker(INTERVAL)`.
    pub usage: &'static str,
    /// One line: what it does and which messages it understands.
    pub help: &'static str,
    /// A complete, valid example, e.g. `ticker(1s)`.
    pub example: &'static str,
    /// How many arguments it takes (at least, at most).
    pub arity: (usize, usize),
    /// The argument, if any, that names the process: it is registered
    /// before the start returns, as `gen_server:start_link({local, Name},
    /// ...)` does, so a sibling started next can already find it.
    pub registers: Option<usize>,
    /// Checks the arguments and prepares the body.
    prepare: fn(&Args) -> Result<Start, KindError>,
}

impl fmt::Debug for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Kind").field("name", &self.name).finish()
    }
}

static KINDS: &[Kind] = &[
    idle::KIND,
    echo::KIND,
    sink::KIND,
    counter::KIND,
    state_server::KIND,
    stateful::KIND,
    ticker::KIND,
    crasher::KIND,
    spinner::KIND,
    ping::PINGER,
    ping::PONGER,
];

/// Every built-in kind, in the order `kinds` shows them.
pub fn kinds() -> &'static [Kind] {
    KINDS
}

/// The kind called `name`.
pub fn find(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|kind| kind.name == name)
}

/// Why a kind could not be started.
#[derive(Clone, Debug, PartialEq)]
pub enum KindError {
    /// No kind has this name; `suggestion` is the nearest one, if close.
    Unknown {
        name: String,
        suggestion: Option<&'static str>,
    },
    /// The wrong number of arguments.
    Arity { kind: &'static str, given: usize },
    /// An argument of the wrong sort.
    BadArgument {
        kind: &'static str,
        expected: &'static str,
        got: Term,
    },
    /// The name the process would register itself under is taken.
    NameTaken {
        kind: &'static str,
        name: Atom,
        owner: Pid,
    },
}

impl fmt::Display for KindError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KindError::Unknown { name, .. } if name.starts_with("Elixir.") => {
                let alias = &name["Elixir.".len()..];
                write!(
                    f,
                    "no module `{alias}` is loaded — define it with defmodule, or \
                     use a built-in kind (lowercase: `{}`); `kinds` lists them",
                    alias.to_lowercase()
                )
            }
            KindError::Unknown {
                name,
                suggestion: Some(suggestion),
            } => write!(f, "unknown kind `{name}` — did you mean `{suggestion}`?"),
            KindError::Unknown {
                name,
                suggestion: None,
            } => write!(
                f,
                "unknown kind `{name}` — `kinds` lists the kinds there are"
            ),
            KindError::Arity { kind, .. } => {
                let kind = find(kind).expect("arity errors name a known kind");
                write!(
                    f,
                    "`{}` takes {}: {}, e.g. {}",
                    kind.name,
                    takes(kind.arity),
                    kind.usage,
                    kind.example
                )
            }
            KindError::BadArgument {
                kind,
                expected,
                got,
            } => write!(f, "`{kind}`: expected {expected}, got {got}"),
            KindError::NameTaken { kind, name, owner } => write!(
                f,
                "`{kind}`: the name {name} is already registered to {owner}"
            ),
        }
    }
}

impl std::error::Error for KindError {}

/// "one argument", "one or two arguments", ...
fn takes((min, max): (usize, usize)) -> String {
    const WORDS: [&str; 4] = ["no", "one", "two", "three"];
    let word = |n: usize| WORDS.get(n).copied().unwrap_or("many");
    let noun = |n: usize| if n == 1 { "argument" } else { "arguments" };
    match (min, max) {
        (a, b) if a == b => format!("{} {}", word(a), noun(a)),
        (0, b) => format!("at most {} {}", word(b), noun(b)),
        (a, b) => format!("{} or {} {}", word(a), word(b), noun(b)),
    }
}

/// Loads every built-in kind into `code` as a native module (which a `def`
/// of the same name shadows while it is loaded). Every runtime a session,
/// a test or a tool spawns kinds in starts with this.
pub fn preload(code: &CodeTable) {
    for kind in KINDS {
        code.preload(Atom::new(kind.name), Arc::new(Native(kind)));
    }
}

/// A runtime with the built-in kinds in its code table: what a session,
/// a test or a tool that spawns kinds starts.
pub fn runtime(config: crate::runtime::Config) -> Runtime {
    let runtime = Runtime::new(config);
    preload(runtime.code());
    runtime
}

/// Starts a process of `kind` as a child of `parent` (linked to it if
/// `link`). The shell and supervisors both start processes this way.
///
/// `kind` is a module in the runtime's code table: a built-in kind, or a
/// loaded definition (the process language's `def counter { ... }`), which
/// starts `counter:start(Args...)`.
pub fn spawn_kind(
    parent: &Process,
    kind: &str,
    args: &[Term],
    context: &StartContext,
    link: bool,
) -> Result<Pid, SpawnError> {
    let module = resolve(parent.code(), kind)?;
    let spawner = Spawner::Process { parent, link };
    spawner.check_process_limit()?;
    module.start(spawner, Atom::new("start"), args, context)
}

/// Starts a process of `kind` with no parent (for tests and tools).
pub fn spawn_kind_top(
    rt: &Runtime,
    kind: &str,
    args: &[Term],
    context: &StartContext,
) -> Result<Pid, SpawnError> {
    let module = resolve(rt.code(), kind)?;
    let spawner = Spawner::Top(rt);
    spawner.check_process_limit()?;
    module.start(spawner, Atom::new("start"), args, context)
}

/// Checks that `kind` with `args` would start (a built-in kind's arity and
/// arguments, a definition's `start/N`), spawning nothing.
pub fn check_in(code: &CodeTable, kind: &str, args: &[Term]) -> Result<(), SpawnError> {
    let module = resolve(code, kind)?;
    module.check_start(Atom::new("start"), args, &StartContext::none(), &|_| None)
}

/// Checks a built-in kind's arguments, spawning nothing.
pub fn check(kind: &str, args: &[Term]) -> Result<&'static Kind, KindError> {
    let context = StartContext::none();
    prepare(kind, args, &context, |_| None).map(|(kind, _)| kind)
}

/// The module `kind` names in `code`, or why there is none.
fn resolve(code: &CodeTable, kind: &str) -> Result<code_table::LoadedCode, SpawnError> {
    code.current(Atom::new(kind)).ok_or_else(|| {
        Box::new(KindError::Unknown {
            name: kind.to_owned(),
            suggestion: suggest(kind),
        }) as SpawnError
    })
}

/// A built-in kind as a native module of the code table.
struct Native(&'static Kind);

impl Module for Native {
    fn is_native(&self) -> bool {
        true
    }

    fn check_start(
        &self,
        _function: Atom,
        args: &[Term],
        context: &StartContext,
        whereis: &dyn Fn(Atom) -> Option<Pid>,
    ) -> Result<(), SpawnError> {
        let _ready = prepare(self.0.name, args, context, whereis)?;
        Ok(())
    }

    /// A built-in kind starts with its arguments whatever the function
    /// (`spawn(counter, start, [0])` from process code): it has one.
    fn start(
        &self,
        spawner: Spawner<'_>,
        _function: Atom,
        args: &[Term],
        context: &StartContext,
    ) -> Result<Pid, SpawnError> {
        let registers = self
            .0
            .registers
            .and_then(|i| args.get(i))
            .and_then(Term::as_atom);
        match spawner {
            Spawner::Process { parent, link } => {
                let (kind, start) = prepare(self.0.name, args, context, |n| parent.whereis(n))?;
                let pid = if link {
                    parent.spawn_link(kind.name, start)
                } else {
                    parent.spawn(kind.name, start)
                };
                if let Some(name) = registers
                    && let Err(error) = parent.register_pid(name, pid)
                {
                    // Someone took the name since it was checked: the new
                    // process must not run nameless in its place.
                    parent.exit(pid, Term::atom("kill"));
                    let owner = match error {
                        crate::runtime::RegisterError::NameTaken { owner, .. } => owner,
                        _ => pid,
                    };
                    return Err(Box::new(KindError::NameTaken {
                        kind: kind.name,
                        name,
                        owner,
                    }));
                }
                Ok(pid)
            }
            Spawner::Top(rt) => {
                let (kind, start) = prepare(self.0.name, args, context, |n| rt.whereis(n))?;
                let pid = rt.spawn(kind.name, start);
                if let Some(name) = registers {
                    rt.register(name, pid).map_err(|_| KindError::NameTaken {
                        kind: kind.name,
                        name,
                        owner: rt.whereis(name).unwrap_or(pid),
                    })?;
                }
                Ok(pid)
            }
        }
    }
}

fn prepare<'w>(
    name: &str,
    args: &[Term],
    context: &StartContext,
    whereis: impl Fn(Atom) -> Option<Pid> + 'w,
) -> Result<(&'static Kind, Start), KindError> {
    let kind = find(name).ok_or_else(|| KindError::Unknown {
        name: name.to_owned(),
        suggestion: suggest(name),
    })?;
    let (min, max) = kind.arity;
    if args.len() < min || args.len() > max {
        return Err(KindError::Arity {
            kind: kind.name,
            given: args.len(),
        });
    }
    let args = Args {
        kind: kind.name,
        terms: args,
        context,
        whereis: &whereis,
    };
    Ok((kind, (kind.prepare)(&args)?))
}

/// A kind's arguments while they are checked.
pub(crate) struct Args<'a> {
    kind: &'static str,
    terms: &'a [Term],
    context: &'a StartContext,
    whereis: &'a dyn Fn(Atom) -> Option<Pid>,
}

impl Args<'_> {
    fn get(&self, index: usize) -> Option<&Term> {
        self.terms.get(index)
    }

    fn bad(&self, expected: &'static str, got: &Term) -> KindError {
        KindError::BadArgument {
            kind: self.kind,
            expected,
            got: got.clone(),
        }
    }

    /// A duration (milliseconds, as the parser hands `500ms` over).
    fn duration(&self, index: usize) -> Result<Duration, KindError> {
        let term = &self.terms[index];
        match term.as_int() {
            Some(ms) if ms >= 0 => Ok(Duration::from_millis(ms as u64)),
            _ => Err(self.bad("a duration", term)),
        }
    }

    fn int(&self, index: usize) -> Result<i64, KindError> {
        let term = &self.terms[index];
        term.as_int().ok_or_else(|| self.bad("an integer", term))
    }

    fn atom(&self, index: usize) -> Result<Atom, KindError> {
        let term = &self.terms[index];
        term.as_atom()
            .ok_or_else(|| self.bad("a name (an atom)", term))
    }

    /// A process to talk to: a registered name or a pid.
    fn target(&self, index: usize) -> Result<Target, KindError> {
        let term = &self.terms[index];
        match (term.as_atom(), term.as_pid()) {
            (Some(name), _) => Ok(Target::Name(name)),
            (_, Some(pid)) => Ok(Target::Pid(pid)),
            _ => Err(self.bad("a name or a pid", term)),
        }
    }

    /// Fails if `name` is taken, so that a process that would register
    /// itself under it is never spawned just to crash.
    fn name_free(&self, name: Atom) -> Result<(), KindError> {
        match (self.whereis)(name) {
            Some(owner) => Err(KindError::NameTaken {
                kind: self.kind,
                name,
                owner,
            }),
            None => Ok(()),
        }
    }
}

/// Where a process sends to: a pid, or a name looked up at each send (so a
/// restarted process under the same name is found again).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Target {
    Name(Atom),
    Pid(Pid),
}

impl Target {
    fn resolve(self, me: &Process) -> Option<Pid> {
        match self {
            Target::Name(name) => me.whereis(name),
            Target::Pid(pid) => Some(pid),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Name(name) => write!(f, "{name}"),
            Target::Pid(pid) => write!(f, "{pid}"),
        }
    }
}

/// Boxes an `async` body into a [`Start`].
fn start<F, Fut>(body: F) -> Start
where
    F: FnOnce(Arc<Process>) -> Fut + Send + 'static,
    Fut: Future<Output = Term> + Send + 'static,
{
    Box::new(move |me| Box::pin(body(me)) as Body)
}

/// The kind whose name is nearest to a misspelt `name`, if one is close:
/// one that starts with what was typed, or one within two edits.
fn suggest(name: &str) -> Option<&'static str> {
    if name.len() >= 2
        && let Some(kind) = KINDS.iter().find(|kind| kind.name.starts_with(name))
    {
        return Some(kind.name);
    }
    let (distance, nearest) = KINDS
        .iter()
        .map(|kind| (edit_distance(name, kind.name), kind.name))
        .min()?;
    (distance <= 2 && distance < name.chars().count()).then_some(nearest)
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Common message atoms.
fn is(message: &Term, name: &str) -> bool {
    message.is_atom(Atom::new(name))
}

/// `{bad_message, Msg}`: the exit reason of a process that got a message
/// its code has no clause for.
fn bad_message(message: Term) -> Term {
    Term::tuple([Term::atom("bad_message"), message])
}
