//! What the line editor knows about the command language: completion,
//! hints, colouring as you type, and when Enter means "more to come".
//!
//! The editor owns its helper while the REPL loop owns the session, so the
//! helper cannot ask the session for names itself. Instead the loop keeps a
//! [`Names`] snapshot up to date after every command and the helper reads
//! it; between two commands the names a presenter can see do not change
//! (a restarted child keeps its path, only its pid is new).
//!
//! The decisions (which words fit where, which hint to show) are plain
//! functions of the text and the snapshot, so they are unit-tested without
//! a terminal; the rustyline trait impls only adapt them.
//!
//! The line being edited is the current line of an [`Entry`] (the REPL
//! reads a block one line at a time): its earlier lines are in the entry,
//! with the state the colouring and the bracket scanner left them in, so
//! what runs on every key is bounded by the line under the cursor, and by
//! [`LIVE_LINE`] for a line that long: a paste stays instant.

use super::entry::Entry;
use super::printer::Gate;
use crate::commands::help;
use crate::commands::highlight::highlight_from;
use crate::frontend::CONTINUATION;
use crate::session::{EventFeed, Session};
use crate::view::{Role, Style};
use parking_lot::Mutex;
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hint, Hinter};
use rustyline::validate::Validator;
use rustyline::{Context, Helper};
use std::borrow::Cow;
use std::sync::Arc;

/// The names worth completing, as of the last command.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    /// Registered names and supervision paths (`demo`, `demo/w1`).
    pub targets: Vec<String>,
    /// Bound shell variables (`W`, `P`).
    pub variables: Vec<String>,
    /// Definitions made with `def` or `load` (`counter`).
    pub definitions: Vec<String>,
}

impl Names {
    pub fn of(session: &Session) -> Names {
        Names {
            targets: session.target_names(),
            variables: session.variables().keys().cloned().collect(),
            definitions: session.definitions().keys().cloned().collect(),
        }
    }
}

/// Words after which a position has a fixed vocabulary.
const CHILD_WORDS: &[&str] = &["worker", "sup"];
const LOG_LEVELS: &[&str] = &["quiet", "normal", "verbose"];
const ON_OFF: &[&str] = &["on", "off"];
const SEQ_WORDS: &[&str] = &["on", "off", "show", "mermaid", "svg"];
const WAIT_STATES: &[&str] = &["alive", "dead", "restarted"];
const SPAWN_OPTIONS: &[&str] = &["as", "link", "monitor"];
const STRATEGIES: &[&str] = &[
    "one_for_one",
    "one_for_all",
    "rest_for_one",
    "simple_one_for_one",
    "intensity",
    "period",
];
const RESTART_TYPES: &[&str] = &["permanent", "transient", "temporary", "shutdown"];

/// True for the characters a completable word is made of: names, variables,
/// kinds, and supervision paths with their `/`.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '/' | '@')
}

/// Where the word under the cursor starts.
fn word_start(line: &str, pos: usize) -> usize {
    line[..pos]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map_or(pos, |(i, _)| i)
}

/// How many `{`, `[` or `(` are still open in `text` (ignoring strings, which
/// is good enough for choosing completions).
fn open_depth(text: &str) -> usize {
    text.chars().fold(0usize, |depth, c| match c {
        '{' | '[' | '(' => depth + 1,
        '}' | ']' | ')' => depth.saturating_sub(1),
        _ => depth,
    })
}

/// The words of the statement being typed, before `end`: a statement starts
/// after a `;`, `{` or newline. A leading `Var =` is dropped, since the
/// command comes after it.
fn statement_words(before: &str) -> Vec<&str> {
    let start = before.rfind([';', '{', '\n']).map_or(0, |i| i + 1);
    let mut words: Vec<&str> = before[start..].split_whitespace().collect();
    if words.len() >= 2 && words[1] == "=" && words[0].starts_with(|c: char| c.is_ascii_uppercase())
    {
        words.drain(..2);
    }
    words
}

/// The candidates for the word under the cursor: where it starts, and the
/// words that fit there and begin with what is typed, sorted.
pub fn complete(line: &str, pos: usize, names: &Names) -> (usize, Vec<String>) {
    let pos = pos.min(line.len());
    let start = word_start(line, pos);
    let prefix = &line[start..pos];
    let before = &line[..start];
    let words = statement_words(before);
    let variables = || names.variables.iter().map(String::as_str).collect();
    let definitions = names.definitions.iter().map(String::as_str);
    let owned_kinds: Vec<&str> = crate::behavior::kinds()
        .iter()
        .map(|k| k.name)
        .chain(definitions.clone())
        .collect();

    let pool: Vec<&str> = if crate::commands::in_definition(before) {
        erlang_words(names)
    } else if prefix.starts_with(|c: char| c.is_ascii_uppercase()) {
        variables()
    } else {
        match words.as_slice() {
            [] if open_depth(before) > 0 => CHILD_WORDS.to_vec(),
            [] => help::command_names(),
            ["spawn"] => owned_kinds,
            [.., "worker", _] => owned_kinds,
            ["spawn", ..] => SPAWN_OPTIONS.to_vec(),
            ["help"] => help::command_names()
                .into_iter()
                .chain(definitions)
                .collect(),
            ["show" | "versions" | "purge"] => definitions.collect(),
            ["export"] => std::iter::once("sup").chain(definitions).collect(),
            ["export", "sup"] => names.targets.iter().map(String::as_str).collect(),
            ["export", _] | ["export", "sup", _] => vec!["to"],
            ["log"] => LOG_LEVELS.to_vec(),
            ["seq"] => SEQ_WORDS.to_vec(),
            ["trap" | "trace", _] => ON_OFF.to_vec(),
            ["wait", _] => WAIT_STATES.to_vec(),
            ["slowmo"] => vec!["off"],
            ["syntax"] => vec!["elixir", "erlang"],
            ["expect"] => crate::commands::parser::EXPECTATION_FORMS.to_vec(),
            ["sup", _, ..] => STRATEGIES.to_vec(),
            [.., "worker", _, _] => RESTART_TYPES.to_vec(),
            _ => names
                .targets
                .iter()
                .map(String::as_str)
                .chain(names.variables.iter().map(String::as_str))
                .chain(["self"])
                .collect(),
        }
    };
    let mut found: Vec<String> = pool
        .into_iter()
        .filter(|word| word.starts_with(prefix))
        .map(str::to_owned)
        .collect();
    found.sort();
    found.dedup();
    (start, found)
}

/// The words worth completing in Erlang code: keywords, BIFs, the
/// runtime's modules and their functions, and the definitions (callable as
/// `name:function(...)`).
fn erlang_words(names: &Names) -> Vec<&str> {
    use crate::erlang::names;
    names::KEYWORDS
        .iter()
        .copied()
        .chain(names::AUTO_IMPORTED.iter().map(|(name, _)| *name))
        .chain(names::RUNTIME_MODULES.iter().copied())
        .chain(names::REMOTE_BIFS.iter().map(|(_, name, _)| *name))
        .chain(names.definitions.iter().map(String::as_str))
        .collect()
}

/// A hint shown after the cursor, in grey: either the rest of the only
/// command that starts with the typed word (→ accepts it), or the syntax of
/// the command being typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommandHint {
    pub display: String,
    /// What → inserts, for a command word; `None` for a syntax reminder.
    pub completion: Option<String>,
}

impl Hint for CommandHint {
    fn display(&self) -> &str {
        &self.display
    }

    fn completion(&self) -> Option<&str> {
        self.completion.as_deref()
    }
}

/// The hint for `line` with the cursor at its end (no hint elsewhere: a
/// hint in the middle of the line would hide what follows).
pub fn hint(line: &str, pos: usize) -> Option<CommandHint> {
    if pos != line.len() || line.trim().is_empty() {
        return None;
    }
    let start = line.rfind([';', '{', '\n']).map_or(0, |i| i + 1);
    if open_depth(line) > 0 && start > 0 {
        // Inside a block the words are children, not commands.
        return None;
    }
    let words = statement_words(line);
    let ends_with_space = line.ends_with([' ', '\t']);
    match words.as_slice() {
        [partial] if !ends_with_space => {
            let mut matches = help::command_names()
                .into_iter()
                .filter(|name| name.starts_with(partial));
            let only = matches.next()?;
            if matches.next().is_some() || only == *partial {
                return None;
            }
            let rest = only[partial.len()..].to_owned();
            Some(CommandHint {
                display: rest.clone(),
                completion: Some(rest),
            })
        }
        [command] => {
            let entry = help::lookup(command)?;
            let rest = entry.syntax[entry.name.len()..].trim_start();
            (!rest.is_empty()).then(|| CommandHint {
                display: rest.to_owned(),
                completion: None,
            })
        }
        _ => None,
    }
}

/// A line up to this long is recoloured and hinted on every key. A longer
/// one (a paste, most likely) is coloured when the editor redraws it
/// anyway, about once a screen row, and gets no hint: then each key costs
/// the editor one character written, not the whole line.
pub const LIVE_LINE: usize = 1_000;

/// True when the terminal has sent bytes nobody has read yet: the rest of
/// a paste (one without bracketed paste: a terminal that lacks it, tmux,
/// a program typing), or keys typed ahead.
pub fn input_is_waiting() -> bool {
    use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
    use std::os::fd::AsFd;
    let stdin = std::io::stdin();
    let mut fds = [PollFd::new(stdin.as_fd(), PollFlags::POLLIN)];
    poll(&mut fds, PollTimeout::ZERO).is_ok_and(|ready| ready > 0)
}

/// [`input_is_waiting`], asked on every key: while it holds, keys are not
/// coloured or hinted one by one (no one reads a hint for a key already
/// followed by the next, and redrawing the line for each costs more than
/// reading it). A paste goes on for a while, so once bytes were seen
/// waiting the keys of the next 2 ms take it as so without asking the
/// kernel again; not seeing any is never remembered, so typing is
/// coloured at once.
fn pasting() -> bool {
    use std::sync::LazyLock;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::{Duration, Instant};
    const STILL_PASTING: Duration = Duration::from_millis(2);
    static EPOCH: LazyLock<Instant> = LazyLock::new(Instant::now);
    static LAST_SEEN: AtomicU64 = AtomicU64::new(u64::MAX);
    let now = EPOCH.elapsed().as_nanos() as u64;
    let last = LAST_SEEN.load(Ordering::Relaxed);
    if last != u64::MAX && now.saturating_sub(last) < STILL_PASTING.as_nanos() as u64 {
        return true;
    }
    let waiting = input_is_waiting();
    if waiting {
        LAST_SEEN.store(now, Ordering::Relaxed);
    }
    waiting
}

/// The rustyline helper: all of the above behind the editor's traits.
pub struct CrashHelper {
    style: Style,
    names: Arc<Mutex<Names>>,
    /// The feed learns names (`demo/w1`) as the printer thread renders
    /// events, which may be just after the snapshot was taken; asking it
    /// at Tab time offers a new supervisor's children at once.
    feed: Arc<EventFeed>,
    /// The lines of the entry before the one being edited.
    entry: Entry,
    /// Whether more keys are already waiting ([`pasting`]; a stand-in in
    /// tests, whose stdin is no terminal).
    keys_waiting: fn() -> bool,
    /// Told when the prompt is drawn, so events may go above it.
    gate: Arc<Gate>,
}

impl CrashHelper {
    pub fn new(
        style: Style,
        names: Arc<Mutex<Names>>,
        feed: Arc<EventFeed>,
        gate: Arc<Gate>,
    ) -> CrashHelper {
        CrashHelper {
            style,
            names,
            feed,
            entry: Entry::default(),
            keys_waiting: pasting,
            gate,
        }
    }

    /// The entry the edited line belongs to.
    pub fn entry(&self) -> &Entry {
        &self.entry
    }

    /// The entry, for the REPL loop: it adds each line and takes the
    /// entry when it is complete.
    pub fn entry_mut(&mut self) -> &mut Entry {
        &mut self.entry
    }

    /// The snapshot plus every name the feed has learned since.
    fn current_names(&self) -> Names {
        let mut names = self.names.lock().clone();
        names
            .targets
            .extend(self.feed.labels().into_iter().map(|(_, label)| label));
        names.targets.sort();
        names.targets.dedup();
        names
    }
}

impl Completer for CrashHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        // What fits depends on the lines before (inside a `def`, a `sup`
        // block), so the entry's text comes first; Tab is one key, so
        // reading it all is fine.
        let before = self.entry.text();
        let (start, words) = if before.is_empty() {
            complete(line, pos, &self.current_names())
        } else {
            let whole = format!("{before}{line}");
            let (start, words) = complete(&whole, before.len() + pos, &self.current_names());
            (start.saturating_sub(before.len()), words)
        };
        let pairs = words
            .into_iter()
            .map(|word| Pair {
                display: word.clone(),
                replacement: word,
            })
            .collect();
        Ok((start, pairs))
    }
}

impl Hinter for CrashHelper {
    type Hint = CommandHint;

    fn hint(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> Option<CommandHint> {
        // Inside a block the words are children or code, not commands.
        if !self.entry.is_empty() || line.len() > LIVE_LINE || (self.keys_waiting)() {
            return None;
        }
        hint(line, pos).map(|mut found| {
            if found.completion.is_none() {
                // Set the syntax apart from the typed words it follows.
                found.display = format!("  {}", found.display);
            }
            found
        })
    }
}

impl Highlighter for CrashHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if self.style.colorize {
            Cow::Owned(highlight_from(self.entry.colours(), line, &self.style))
        } else {
            Cow::Borrowed(line)
        }
    }

    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        _default: bool,
    ) -> Cow<'b, str> {
        // Asked as the prompt is drawn, in raw mode: from now on events
        // go above it (see `printer`).
        self.gate.prompt_drawn();
        let role = if prompt == CONTINUATION {
            Role::Quiet
        } else {
            Role::Header
        };
        Cow::Owned(self.style.paint(prompt, role))
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        Cow::Owned(self.style.paint(hint, Role::Quiet))
    }

    fn highlight_char(&self, line: &str, _pos: usize, _kind: CmdKind) -> bool {
        // Any key can change a token's class (`spaw` is unknown, `spawn` a
        // command): repaint, unless the line is too long to on every key,
        // or more keys are already waiting.
        self.style.colorize && line.len() <= LIVE_LINE && !(self.keys_waiting)()
    }
}

/// Enter always hands the line to the REPL loop, which knows whether the
/// entry goes on (see [`Entry`]).
impl Validator for CrashHelper {}

impl Helper for CrashHelper {}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        Names {
            targets: vec![
                "demo".into(),
                "demo/w1".into(),
                "demo/w2".into(),
                "logger".into(),
            ],
            variables: vec!["P".into(), "W".into()],
            definitions: Vec::new(),
        }
    }

    fn words(line: &str) -> Vec<String> {
        complete(line, line.len(), &names()).1
    }

    #[test]
    fn kinds_after_spawn() {
        let found = words("spawn ");
        assert!(found.contains(&"counter".to_owned()), "{found:?}");
        assert!(found.contains(&"ticker".to_owned()), "{found:?}");
        assert_eq!(words("spawn cou"), ["counter"]);
        assert_eq!(complete("spawn cou", 9, &names()).0, 6);
    }

    #[test]
    fn kinds_after_a_bound_spawn() {
        assert_eq!(words("W2 = spawn cou"), ["counter"]);
    }

    #[test]
    fn kinds_for_a_worker_in_a_sup_block() {
        assert_eq!(words("sup demo { worker w1 cou"), ["counter"]);
        assert_eq!(
            words("sup demo { worker w1 counter; worker w2 cra"),
            ["crasher"]
        );
        assert_eq!(words("start_child demo worker w3 ec"), ["echo"]);
    }

    #[test]
    fn child_words_inside_a_block() {
        assert_eq!(words("sup demo { "), ["sup", "worker"]);
        assert_eq!(words("sup demo { worker w1 counter; w"), ["worker"]);
        assert_eq!(words("sup demo {\n  wo"), ["worker"]);
    }

    #[test]
    fn supervision_paths() {
        assert_eq!(words("kill demo/"), ["demo/w1", "demo/w2"]);
        assert_eq!(complete("kill demo/", 10, &names()).0, 5);
        assert_eq!(words("crash demo/w"), ["demo/w1", "demo/w2"]);
        assert_eq!(words("info de"), ["demo", "demo/w1", "demo/w2"]);
    }

    #[test]
    fn targets_include_variables_and_self() {
        let found = words("link ");
        assert!(found.contains(&"logger".to_owned()), "{found:?}");
        assert!(found.contains(&"W".to_owned()), "{found:?}");
        assert!(found.contains(&"self".to_owned()), "{found:?}");
        assert_eq!(words("send W"), ["W"]);
    }

    #[test]
    fn commands_at_the_start() {
        assert_eq!(words("sp"), ["spawn"]);
        let found = words("s");
        for command in ["send", "sleep", "spawn", "sup", "say"] {
            assert!(found.contains(&command.to_owned()), "{found:?}");
        }
        assert!(words("").len() > 20);
        assert_eq!(words("flush; sp"), ["spawn"]);
        assert_eq!(words("help sp"), ["spawn"]);
    }

    #[test]
    fn fixed_vocabularies() {
        assert_eq!(words("log v"), ["verbose"]);
        assert_eq!(words("seq m"), ["mermaid"]);
        assert_eq!(words("seq s"), ["show", "svg"]);
        assert_eq!(words("wh"), ["whereis", "which_children", "why"]);
        assert_eq!(words("trap self o"), ["off", "on"]);
        assert_eq!(words("wait demo/w1 r"), ["restarted"]);
        assert_eq!(words("sup demo one"), ["one_for_all", "one_for_one"]);
        assert_eq!(words("spawn counter as c link"), ["link"]);
    }

    #[test]
    fn completion_in_the_middle_of_a_line() {
        let line = "kill dem; flush";
        let (start, found) = complete(line, 8, &names());
        assert_eq!(start, 5);
        assert_eq!(found, ["demo", "demo/w1", "demo/w2"]);
    }

    #[test]
    fn definitions_complete_as_kinds_and_after_show() {
        let names = Names {
            definitions: vec!["counter2".into()],
            ..names()
        };
        assert!(
            complete("spawn coun", 10, &names)
                .1
                .contains(&"counter2".to_string())
        );
        assert_eq!(complete("show c", 6, &names).1, ["counter2"]);
        assert!(
            complete("help cou", 8, &names)
                .1
                .contains(&"counter2".to_string())
        );
    }

    #[test]
    fn inside_a_def_block_erlang_words_complete() {
        let names = Names {
            definitions: vec!["pinger2".into()],
            ..names()
        };
        let line = "def c {\n  loop(N) -> rec";
        assert_eq!(complete(line, line.len(), &names).1, ["receive"]);
        let line = "def c {\n  f() -> lists:rev";
        assert_eq!(complete(line, line.len(), &names).1, ["reverse"]);
        let line = "def c { f() -> spawn_l";
        assert_eq!(complete(line, line.len(), &names).1, ["spawn_link"]);
        let line = "def c { f() -> pin";
        assert_eq!(complete(line, line.len(), &names).1, ["pinger2"]);
        // After the block, commands again.
        let line = "def c { f() -> ok. }\nspa";
        assert_eq!(complete(line, line.len(), &names).1, ["spawn"]);
    }

    #[test]
    fn hints_finish_a_command_word_then_show_its_syntax() {
        let word = hint("spa", 3).unwrap();
        assert_eq!(word.completion.as_deref(), Some("wn"));
        assert_eq!(word.display, "wn");
        let syntax = hint("spawn ", 6).unwrap();
        assert!(syntax.display.starts_with("KIND"), "{syntax:?}");
        assert_eq!(syntax.completion, None);
        assert!(hint("s", 1).is_none(), "ambiguous");
        assert!(hint("spawn counter", 13).is_none());
        assert!(hint("spa", 1).is_none(), "cursor not at the end");
        assert!(hint("", 0).is_none());
    }

    /// The helper of a REPL whose entry has `lines` so far.
    fn helper_after(lines: &[&str]) -> CrashHelper {
        let session = crate::frontend::open_session(crate::session::SessionConfig::deterministic(
            1,
            Style::COLOR,
        ));
        let mut helper = CrashHelper::new(
            Style::COLOR,
            Arc::new(Mutex::new(names())),
            session.feed(),
            Arc::default(),
        );
        helper.keys_waiting = || false;
        for line in lines {
            helper.entry_mut().push(line);
        }
        helper
    }

    #[test]
    fn a_continuation_line_goes_on_from_the_lines_before() {
        let history = rustyline::history::DefaultHistory::new();
        let ctx = Context::new(&history);
        let fresh = helper_after(&[]);
        let in_def = helper_after(&["def c {"]);
        // In a `def`, `receive` is Erlang's keyword; alone, an unknown command.
        let line = "  receive";
        let alone = Highlighter::highlight(&fresh, line, 0).into_owned();
        let inside = Highlighter::highlight(&in_def, line, 0).into_owned();
        assert_ne!(alone, inside);
        assert_eq!(
            inside,
            crate::commands::highlight::highlight("def c {\n  receive", &Style::COLOR)
                .split_once('\n')
                .unwrap()
                .1
        );
        // Erlang words complete there, and no command hint shows.
        let (start, words) = Completer::complete(&in_def, "  loop() -> rec", 15, &ctx).unwrap();
        assert_eq!(start, 12);
        assert_eq!(
            words
                .iter()
                .map(|p| p.replacement.as_str())
                .collect::<Vec<_>>(),
            ["receive"]
        );
        assert!(Hinter::hint(&in_def, "spa", 3, &ctx).is_none());
        assert!(Hinter::hint(&fresh, "spa", 3, &ctx).is_some());
        // A very long line is not hinted, nor recoloured on every key.
        let long = format!("spa{}", " ".repeat(LIVE_LINE));
        assert!(Hinter::hint(&fresh, &long[..3], 3, &ctx).is_some());
        assert!(!Highlighter::highlight_char(
            &fresh,
            &long,
            0,
            CmdKind::Other
        ));
        assert!(Highlighter::highlight_char(
            &fresh,
            "spa",
            0,
            CmdKind::Other
        ));
        // Nor while a paste is still arriving.
        let pasting = CrashHelper {
            keys_waiting: || true,
            ..helper_after(&[])
        };
        assert!(Hinter::hint(&pasting, "spa", 3, &ctx).is_none());
        assert!(!Highlighter::highlight_char(
            &pasting,
            "spa",
            0,
            CmdKind::Other
        ));
    }

    #[test]
    fn highlighting_adds_colour_only_when_asked() {
        use crate::commands::highlight::highlight;
        let line = "spawn counter as c";
        assert_eq!(highlight(line, &Style::PLAIN), line);
        let coloured = highlight("spwan counter", &Style::COLOR);
        assert!(coloured.contains('\x1b'), "{coloured:?}");
        assert_eq!(crate::view::strip_ansi(&coloured), "spwan counter");
    }
}
