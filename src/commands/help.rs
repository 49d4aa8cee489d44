//! The help catalogue: one entry per command, shared by `help`, the
//! parser's usage hints and the REPL's tab completion.
//!
//! Keeping syntax and examples in one table means an error hint ("usage:
//! link A [B]") can never disagree with what `help link` says.

/// What `help` knows about one command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandHelp {
    pub name: &'static str,
    /// The group `help` lists it under, e.g. "supervisors".
    pub topic: &'static str,
    pub syntax: &'static str,
    pub summary: &'static str,
    pub example: &'static str,
    /// Longer notes, shown by `help NAME` only (may be empty).
    pub details: &'static str,
}

/// Topics in the order the overview shows them, which follows the talk.
pub const TOPICS: &[&str] = &[
    "processes",
    "process code",
    "messages",
    "links and monitors",
    "names",
    "supervisors",
    "views",
    "time",
    "presenting",
    "expectations",
    "help",
];

const fn entry(
    name: &'static str,
    topic: &'static str,
    syntax: &'static str,
    summary: &'static str,
    example: &'static str,
) -> CommandHelp {
    CommandHelp {
        name,
        topic,
        syntax,
        summary,
        example,
        details: "",
    }
}

const WHY_DETAILS: &str = "\
TARGET is a pid (also of a dead process), a variable, a name or a `sup/child` path;
for a path, the child's most recent death (the earlier ones are listed, `why PID`
explains each). Each line is one cause, newest first: a crash in the process itself
(reason, the last message it took and who sent it), an exit signal over a link,
`kill`/`exit`/`crash` from the shell (with FILE:LINE in a script), a supervisor's
strategy stopping a sibling, a supervisor giving up (the child that exhausted the
intensity, with the restart times), a parent supervisor shutting down.
For a supervisor that gave up, every restart in the period that led there is listed.
Causes are recorded as events happen (each exit names the event that caused it).";

const SHOW_DETAILS: &str = "\
Each `def` of a name loads a new version: `counter`, then `counter@2`, `counter@3`.
`show counter` prints the version in force; `show counter@1` an earlier one, also
one that was purged (its text is kept for the whole session; `reset` starts the
numbering again).";

const VERSIONS_DETAILS: &str = "\
As in Erlang, at most two versions of a definition live at once: the current one,
which new spawns, supervisor restarts and fully qualified calls (`counter:loop(N)`)
use, and the old one, which processes that were already running it keep running
for their local calls (`loop(N)`). `versions` lists both with the processes that
still run each (a frame of their stack in it: what OTP 25's
`erlang:check_process_code/2` looks at; a fun of it held in a variable does not
count), and the versions already purged.";

const PURGE_DETAILS: &str = "\
Like `code:purge/1`: every process that still runs the old version (a frame of
its stack in it) is killed with reason `killed`, trapping exits or not, and the
version is removed; a supervisor restarts its child in the current version. A
process that only holds a fun of the old version lives on, as in OTP 25, and
calling that fun later fails with `{badfun, F}`. Answers `true` if a process
was killed, else `false`. A `def` that loads a third version purges the first
this way (the shell's `c/1` does the same), and `why` on a process killed so
names the purge and the command that caused it.";

const SEQ_DETAILS: &str = "\
`seq on A B C` starts recording messages, exits, links and restarts between these
processes (a `sup/child` path follows the child across restarts); the shell and any
other process they talk to get a lifeline when they first appear.
`seq off` stops recording; `seq show` draws the chart (time runs down, ✖ marks a
crash, ↻ a restart); `seq mermaid` prints it as a Mermaid sequenceDiagram for
GitHub or Livebook; `seq svg FILE` writes an SVG picture in the stage's dark theme
(`seq svg FILE --light` in its light one), text 16 px or more, for a slide.
Long terms are shortened to fit.";

const SUP_DETAILS: &str = "\
Children are `worker ID KIND [permanent|transient|temporary] [shutdown brutal_kill|DURATION|infinity]`
or a nested `sup ID ... { ... }` (reached as `outer/ID`), separated by newlines or `;`,
started left to right and stopped right to left. A nested sup takes a restart type
and a shutdown like a worker, in any order with its other options, e.g.
`sup inner one_for_one intensity 1 period 5s transient shutdown infinity { ... }`;
a transient one that gives up (exit shutdown) is not restarted.

`exit NAME shutdown` from the shell, which started the supervisor, stops it in
order: its children right to left, then itself (any other reason works the same).

Defaults are OTP's: strategy one_for_one, intensity 1, period 5s (a second restart
within 5s takes the supervisor down); restart permanent; shutdown 5000ms for a
worker and infinity for a supervisor.
Elixir's Supervisor defaults to 3 restarts in 5s instead; letitcrash follows OTP.

Restarts are counted as OTP counts them: stamped in whole seconds of the clock,
and kept while Stamp >= Now - Period. So with period 5s a crash exactly 5s after
the first still counts, one 6.2s after never does, and one 5.5s after depends on
where in its second the first fell. A period is a whole number of seconds.

Strategies: one_for_one restarts only the failed child; one_for_all restarts all;
rest_for_one restarts the failed child and those started after it;
simple_one_for_one has one template child, started with `start_child SUP ARGS...`.";

const DEFMODULE_DETAILS: &str = "\
Elixir as Elixir writes it: def/defp with clauses, guards (`when`) and defaults
(`\\\\`), `^` pins, case/cond/if/unless/with/receive ... after/try ... rescue,
`fn x -> ... end`, `&Mod.fun/1`, `&(&1 + 1)`, `f.(x)`, `|>`, atoms `:ok`,
aliases (`alias MyApp.Counter`), tuples, lists, keyword lists, maps `%{a: 1}`,
`%{m | a: 2}`, `m.a`, structs (`defstruct`, `%S{}`), strings with `#{}`, charlists,
~w/~s, `@name value` attributes, `use GenServer|Supervisor|Agent|Task`.
A module `Counter` is the atom 'Elixir.Counter': Erlang calls
'Elixir.Counter':start(0), Elixir calls :lists.reverse(l). Start one with
Elixir at the prompt: `pid = Counter.start(0)`, `send(pid, :incr)`, `flush()`.
A line that is neither a command nor Erlang is Elixir; with `syntax elixir`
(automatic in a script that starts with `defmodule`) every such line is.
`load FILE.ex` loads a file's modules.";

const DEF_DETAILS: &str = "\
The block holds Erlang function clauses, as in a module of that name:
`name(Patterns) when Guard -> Body.`, clauses of one function separated by `;`
and written together. `spawn NAME(Args)` runs NAME:start(Args).

Expressions: matches `P = E`, sequences `E1, E2`, case/if/receive ... end,
`receive ... after T -> ... end` (T in ms, `infinity`, or 30s / 500ms / 1m),
calls `f(X)`, `other:f(X)`, `Mod:F(X)`, `F(X)`, `apply/2,3`, funs `fun(X) -> ... end`, `fun f/1`,
arithmetic `+ - * / div rem`, bitwise `band bor bxor bnot bsl bsr`,
comparisons `== /= =:= =/= < > =< >=`, `andalso orelse and or xor not`,
lists `[H | T]`, `++`, `--`, strings, tuples, maps `#{K => V}`,
`M#{K := V}` (patterns `#{K := P}`), binaries `<<X:16, Rest/binary>>`,
list comprehensions `[X * 2 || X <- L, X > 0]`, records `#point{x = 1}`,
`try E of P -> B catch Class:Reason:Stack -> B after A end`, `catch E`,
attributes -module/-export/-import/-record/-define/-include,
`begin ... end`, send `Pid ! Msg`; `%` starts a comment.
BIFs: self(), spawn, spawn_link, link, monitor, exit, element, length, ...,
erlang:send_after/3, erlang:start_timer/3, timer:sleep/1, io:format/2, ...
Library, OTP 25's behaviour (most of it written in the playground's Erlang):
lists, string, maps, dict, orddict, sets, ordsets, gb_trees, gb_sets,
proplists, queue, math, timer, io/io_lib format; the OTP behaviours
gen_server, gen_statem, supervisor (with a callback module), proc_lib, sys.
Not supported: binary comprehensions and generators, `maybe`, ets, files and
ports, distribution (nodes, global names), the application controller.

A definition is checked as erlc checks a module: unbound variables and calls
to undefined functions are errors, shown with a caret. A definition that does
not compile is rejected whole and the previous version stays in force. A call
to a function a known module lacks (lists:nosuch/1) is a warning, as xref's.

The reference, with every construct, BIF and exit reason, and what differs
from Erlang: docs/language.md, part \"Process code\".";

const EXPECT_DETAILS: &str = "\
  expect alive TARGET
  expect dead TARGET [REASON]
  expect message TARGET PATTERN        (in its mailbox now)
  expect no_message TARGET PATTERN
  expect restarts SUP/ID N             (restarts of that child so far)
  expect children SUP N                (children running now)
  expect same TARGET Var               (still the pid bound to Var)
  expect changed TARGET Var            (a new pid since Var was bound)
  expect reply TARGET REQUEST PATTERN
Patterns are terms with `_` and unbound variables.";

const VARIABLE_DETAILS: &str = "\
Capitalised words are variables: `W = spawn counter`, `P = whereis demo/w1`,
`R = monitor W`, `X = {a, 1}`, `Me = self`. Typing a variable alone shows its value.
A tuple or list pattern on the left matches, as in Erlang's shell:
`{ok, P} = start_child pool 7`, `[{_, C, _, _}] = which_children s`.";

const LINK_DETAILS: &str = "\
Linking to a process that is already dead sends no exit signal, as in Erlang:
if A traps exits it gets {'EXIT', B, noproc} in its mailbox, otherwise the
command fails with noproc and A is unharmed (for `link B`, A is the shell).";

const MONITOR_DETAILS: &str = "\
The 'DOWN' is {'DOWN', Ref, process, Pid, Reason}; a dead B gives Reason
noproc at once. B given as a registered name is monitored as a name: the
'DOWN' says {Name, nonode@nohost} instead of the pid, and a name nobody holds
gives that 'DOWN' with noproc at once, not an error. A variable, pid or
sup/child path means the pid it names now. A process monitoring itself gets a
reference but no monitor: no 'DOWN' ever comes.";

const EXPORT_DETAILS: &str = "\
`export NAME` prints the definition as the module erlc compiles with no warning:
-module, -export of every function, the clauses laid out as erlfmt lays them out
(`after 30s` is `after 30000`; an unused variable N is `_N`; comments are not kept).
`export sup SUP` prints a `supervisor` callback module for a running tree, named
after it: start_link/0 and init/1 with the flags and child specs as maps (id,
start, restart, shutdown, type, modules); a nested supervisor is a module of its
own. A definition's child starts through start_worker/3, which spawns and links it
(its start function is the process itself); a built-in kind has no Erlang module,
so its spec says {Kind, start_link, Args} with a comment to write one.
`export app NAME [to DIR]` writes the session as a rebar3 project (DIR, or ./NAME):
NAME.app.src, NAME_app (the application callback), NAME_sup over every tree the
session started with `sup`, each definition, and a stand-in module for each
built-in kind the trees run; `rebar3 compile` builds it, `rebar3 shell` boots it.
`to FILE` writes the file (nested supervisors beside it, as NAME.erl).
`export NAME to FILE.ex` writes the definition as an Elixir module that mix format
leaves as it is, under its Erlang name (`defmodule :counter do`, so calls and
spawns by the atom keep working): variables in snake_case, `^x` where a pattern
matches a bound variable, Kernel's functions for BIFs it has, else `:erlang.f`.
`export app NAME [to DIR] --mix` writes the same application as a Mix project
(mix.exs, lib/*.ex, `use Application` and `use Supervisor`): `mix compile` builds
it offline, `iex -S mix` boots it with the same trees.";

const DEMONITOR_DETAILS: &str = "\
It acts for the monitor's owner, whoever made it: after `R = monitor W T`,
`demonitor R` removes W's monitor. No 'DOWN' for R arrives afterwards; one
already in the mailbox stays. It answers true, as demonitor/1 does.";

/// Every command, grouped by topic in `TOPICS` order.
pub static COMMANDS: &[CommandHelp] = &[
    // processes
    CommandHelp {
        details: VARIABLE_DETAILS,
        ..entry(
            "spawn",
            "processes",
            "spawn KIND [as NAME] [link|monitor]",
            "start a process of a kind (built-in, defined, or an Elixir module by alias: `Counter(0)`); `as` registers a name, `link`/`monitor` tie it to the shell",
            "spawn ticker(1s) as t link",
        )
    },
    CommandHelp {
        details: DEF_DETAILS,
        ..entry(
            "def",
            "process code",
            "def NAME { CLAUSES }",
            "define a process kind in Erlang: a module of function clauses; answers {ok,NAME}",
            "def counter { start(N) -> loop(N). loop(N) -> receive incr -> loop(N + 1) end. }",
        )
    },
    CommandHelp {
        details: DEFMODULE_DETAILS,
        ..entry(
            "defmodule",
            "process code",
            "defmodule NAME do ... end",
            "define Elixir modules: each loads as 'Elixir.NAME', beside the Erlang ones; answers {ok,'Elixir.NAME'}",
            "defmodule Counter do def start(n), do: spawn(fn -> n end) end",
        )
    },
    CommandHelp {
        details: SHOW_DETAILS,
        ..entry(
            "show",
            "process code",
            "show NAME[@N]",
            "print a definition's source, or that of its version N (so does `help NAME`)",
            "show counter@1",
        )
    },
    CommandHelp {
        details: VERSIONS_DETAILS,
        ..entry(
            "versions",
            "process code",
            "versions NAME",
            "list a definition's versions (current, old, purged) and the processes running each",
            "versions counter",
        )
    },
    CommandHelp {
        details: PURGE_DETAILS,
        ..entry(
            "purge",
            "process code",
            "purge NAME",
            "remove the old version of a definition, killing the processes still running it (code:purge/1)",
            "purge counter",
        )
    },
    entry(
        "load",
        "process code",
        "load FILE",
        "read the `def` blocks of a file, each as if typed; a NAME.erl file is one Erlang module",
        "load counter.crash",
    ),
    CommandHelp {
        details: EXPORT_DETAILS,
        ..entry(
            "export",
            "process code",
            "export NAME [to FILE]   or   export sup SUP [to FILE]   or   export app NAME [to DIR] [--mix]",
            "write a definition as an Erlang (or, to FILE.ex, Elixir) module, a running tree as supervisor modules, or the session as an OTP application",
            "export counter to counter.erl",
        )
    },
    entry(
        "exit",
        "processes",
        "exit TARGET REASON",
        "send an exit signal with REASON from the shell; a process trapping exits gets a message instead",
        "exit c boom",
    ),
    entry(
        "kill",
        "processes",
        "kill TARGET",
        "send the untrappable exit signal `kill` (same as `exit TARGET kill`); the process dies `killed`",
        "kill c",
    ),
    entry(
        "crash",
        "processes",
        "crash TARGET [REASON]",
        "make the process itself fail with REASON (default `crash`), like a bug inside it; trapping exits does not save it",
        "crash demo/w1 boom",
    ),
    entry(
        "trap",
        "processes",
        "trap TARGET on|off",
        "set trap_exit: exit signals then arrive as {'EXIT', From, Reason} messages",
        "trap self on",
    ),
    // messages
    entry(
        "send",
        "messages",
        "send TARGET TERM   or   TARGET ! TERM",
        "send a message",
        "c ! {add, 5}",
    ),
    entry(
        "call",
        "messages",
        "call TARGET TERM [timeout DURATION]",
        "request/reply: prints the reply, or `timeout` / `noproc`",
        "call c get timeout 1s",
    ),
    entry(
        "flush",
        "messages",
        "flush",
        "print and remove every message in the shell's mailbox",
        "flush",
    ),
    entry(
        "receive",
        "messages",
        "receive [PATTERN] [timeout DURATION]",
        "take the first message matching PATTERN (`_` matches anything) from the shell's mailbox; to match the atom timeout write 'timeout'",
        "receive {'DOWN', _, process, _, Reason} timeout 1s",
    ),
    // links and monitors
    CommandHelp {
        details: LINK_DETAILS,
        ..entry(
            "link",
            "links and monitors",
            "link A [B]",
            "link A to B (with one target, the shell links to A); links are two-way",
            "link demo/w1",
        )
    },
    entry(
        "unlink",
        "links and monitors",
        "unlink A [B]",
        "remove the link between A and B (or between the shell and A)",
        "unlink c",
    ),
    CommandHelp {
        details: MONITOR_DETAILS,
        ..entry(
            "monitor",
            "links and monitors",
            "monitor A [B]",
            "A monitors B (with one target, the shell monitors A) and the reference is printed; a 'DOWN' message follows B's death",
            "R = monitor c",
        )
    },
    CommandHelp {
        details: DEMONITOR_DETAILS,
        ..entry(
            "demonitor",
            "links and monitors",
            "demonitor REF",
            "remove a monitor, whoever holds it; REF is a variable bound by `monitor` or a #Ref<0.N>",
            "demonitor R",
        )
    },
    // names
    entry(
        "register",
        "names",
        "register NAME TARGET",
        "give a process a name; names are released when the process ends",
        "register boss W",
    ),
    entry(
        "unregister",
        "names",
        "unregister NAME",
        "remove a registered name",
        "unregister boss",
    ),
    entry(
        "whereis",
        "names",
        "whereis TARGET",
        "print the pid behind a name or supervisor path (or `undefined`)",
        "P = whereis demo/w1",
    ),
    // supervisors
    CommandHelp {
        details: SUP_DETAILS,
        ..entry(
            "sup",
            "supervisors",
            "sup NAME [STRATEGY] [intensity N] [period DURATION] { CHILD ... }",
            "start a supervisor registered as NAME with the given children",
            "sup demo one_for_all { worker w1 counter; worker w2 ticker(1s) transient }",
        )
    },
    entry(
        "start_child",
        "supervisors",
        "start_child SUP CHILD   or   start_child SUP TERM...",
        "add a child to a running supervisor (TERMs are the extra arguments for simple_one_for_one)",
        "start_child demo worker w3 counter",
    ),
    entry(
        "terminate_child",
        "supervisors",
        "terminate_child SUP ID   or   terminate_child SUP PID",
        "stop a child but keep its spec (unless it is temporary); a simple_one_for_one instance is named by its pid (a pid, a variable or any target), and one already gone answers ok",
        "terminate_child demo w1",
    ),
    entry(
        "restart_child",
        "supervisors",
        "restart_child SUP ID",
        "start a terminated child again",
        "restart_child demo w1",
    ),
    entry(
        "delete_child",
        "supervisors",
        "delete_child SUP ID",
        "remove the spec of a terminated child",
        "delete_child demo w1",
    ),
    entry(
        "which_children",
        "supervisors",
        "which_children SUP",
        "list {Id, Pid, Type, [Kind]} for each child, newest first, as OTP does",
        "which_children demo",
    ),
    entry(
        "count_children",
        "supervisors",
        "count_children SUP",
        "count specs, active children, supervisors and workers",
        "count_children demo",
    ),
    // views
    entry(
        "tree",
        "views",
        "tree [--mermaid | --svg FILE [--light]] [SUP]",
        "draw the supervision tree with status, pid and restarts per child (--mermaid: as a Mermaid flowchart; --svg: the projector's picture, to FILE)",
        "tree demo",
    ),
    entry(
        "ps",
        "views",
        "ps [all|N]",
        "list the live processes (past 100, a summary and the first 50: `ps all` for every one, `ps N` for the first N)",
        "ps 20",
    ),
    entry(
        "info",
        "views",
        "info TARGET",
        "show a process: status, links, monitors, mailbox size, trap_exit (also for a recently dead pid)",
        "info c",
    ),
    entry(
        "mailbox",
        "views",
        "mailbox TARGET",
        "show the messages waiting in a process's mailbox",
        "mailbox self",
    ),
    entry("regs", "views", "regs", "list the registered names", "regs"),
    // time
    entry(
        "sleep",
        "time",
        "sleep DURATION",
        "let time pass (virtual time in scripts, so it costs nothing)",
        "sleep 2s",
    ),
    entry(
        "wait",
        "time",
        "wait TARGET alive|dead|restarted [timeout DURATION]",
        "wait until the target is alive, dead or has been restarted",
        "wait demo/w1 restarted timeout 5s",
    ),
    // presenting
    entry(
        "say",
        "presenting",
        "say \"TEXT\"",
        "print narration for the audience",
        "say \"Now watch the supervisor\"",
    ),
    entry(
        "pause",
        "presenting",
        "pause",
        "wait for a key press (when replaying)",
        "pause",
    ),
    entry("clear", "presenting", "clear", "clear the screen", "clear"),
    entry(
        "reset",
        "presenting",
        "reset",
        "stop every process and start afresh: a new runtime, a new shell, no variables",
        "reset",
    ),
    entry(
        "slowmo",
        "presenting",
        "slowmo DURATION|off",
        "slow down event delivery so restarts can be followed on screen",
        "slowmo 500ms",
    ),
    entry(
        "log",
        "presenting",
        "log quiet|normal|verbose",
        "choose how many events are printed",
        "log verbose",
    ),
    entry(
        "syntax",
        "presenting",
        "syntax elixir|erlang",
        "write terms, exit reasons and errors as iex or as erl does",
        "syntax elixir",
    ),
    entry(
        "trace",
        "presenting",
        "trace TARGET on|off",
        "print every message the process sends and receives",
        "trace c on",
    ),
    // explaining what happened
    CommandHelp {
        details: WHY_DETAILS,
        ..entry(
            "why",
            "views",
            "why TARGET",
            "explain a death: the chain of causes back to the first, one per line",
            "why demo/w1",
        )
    },
    CommandHelp {
        details: SEQ_DETAILS,
        ..entry(
            "seq",
            "views",
            "seq on TARGET... | seq off | seq show | seq mermaid | seq svg FILE [--light]",
            "record a message sequence chart between processes, and draw it",
            "seq on demo/w1 demo/w2",
        )
    },
    // expectations
    CommandHelp {
        details: EXPECT_DETAILS,
        ..entry(
            "expect",
            "expectations",
            "expect alive|dead|message|no_message|restarts|children|same|changed|reply ...",
            "check the system from a script; `letitcrash check` fails if any check does",
            "expect restarts demo/w1 1",
        )
    },
    // the stage
    entry(
        "stage",
        "presenting",
        "stage on [PORT] | stage off | stage status",
        "serve this session to browsers: the live tree on a projector page at /, the audience demo at /join",
        "stage status",
    ),
    entry(
        "audience",
        "presenting",
        "audience open | audience close | audience reset | audience intensity N",
        "the audience demo: partitions A-D, E-K, L-Q, R-Z and other under `audience`; phones join and crash their own process",
        "audience open",
    ),
    // help
    entry(
        "help",
        "help",
        "help [COMMAND]",
        "list the commands, or explain one",
        "help sup",
    ),
    entry(
        "kinds",
        "help",
        "kinds",
        "list the process kinds `spawn` can start",
        "kinds",
    ),
    entry("quit", "help", "quit", "leave letitcrash", "quit"),
];

/// The help entry for a command word, if it is one.
pub fn lookup(name: &str) -> Option<&'static CommandHelp> {
    COMMANDS.iter().find(|entry| entry.name == name)
}

/// Every command word, for tab completion and "did you mean" suggestions.
pub fn command_names() -> Vec<&'static str> {
    COMMANDS.iter().map(|entry| entry.name).collect()
}

/// All commands grouped by topic, one line each.
pub fn help_overview() -> String {
    let width = COMMANDS
        .iter()
        .map(|c| c.syntax.len())
        .max()
        .unwrap_or(0)
        .min(44);
    let mut out = String::from("Commands (type `help COMMAND` for details):\n");
    for topic in TOPICS {
        out += &format!("\n{topic}\n");
        for entry in COMMANDS.iter().filter(|entry| entry.topic == *topic) {
            out += &format!("  {:width$}  {}\n", entry.syntax, entry.summary);
        }
    }
    out += "\nVariables are capitalised: `W = spawn counter`, then `kill W`.\n";
    out += ERLANG_AT_THE_PROMPT;
    out += KEYS;
    out
}

/// The overview's section on the REPL's keys.
pub const KEYS: &str = "
Keys in the REPL
  Tab completes; Up recalls an entry, a whole block at once, where Alt-Enter
  inserts a line. While a bracket, string or block is open the next line
  follows `  ...> `; an empty line or Ctrl-C abandons the entry. Ctrl-C also
  ends a `call`, `receive`, `sleep` or `wait` that is waiting. Ctrl-D leaves.
";

/// The overview's section on Erlang typed at the prompt.
pub const ERLANG_AT_THE_PROMPT: &str = "
Erlang at the prompt
  Any other line is Erlang, evaluated by the shell process as erl does
  (the final `.` is optional): `X = lists:seq(1, 3).`, `self() ! hi`,
  `receive M -> M after 0 -> none end`, `spawn(fun() -> ok end)`.
  Variables are shared with the commands (`W = spawn counter`, `W ! incr.`).
  Shell functions: q() f() f(X) b() c(M) l(M) flush() i() regs() help(),
  and pid(0, N, 0) for the pid <0.N.0> inside any expression.
  A line that reads both ways is a command: `self ! hi` is `send`, `self`
  is the shell's pid (in Erlang it would be an atom).
";

/// Syntax, meaning, example and notes for one command.
pub fn help_for(name: &str) -> Option<String> {
    let entry = lookup(name.trim())?;
    let mut out = format!(
        "{}\n\n  {}\n\nexample:\n  {}\n",
        entry.syntax, entry.summary, entry.example
    );
    if !entry.details.is_empty() {
        out += &format!("\n{}\n", entry.details);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_a_known_topic_and_an_example() {
        for entry in COMMANDS {
            assert!(TOPICS.contains(&entry.topic), "{}", entry.name);
            assert!(entry.syntax.starts_with(entry.name), "{}", entry.name);
            assert!(!entry.example.is_empty(), "{}", entry.name);
        }
    }

    #[test]
    fn help_sup_states_otp_defaults_and_the_elixir_difference() {
        let text = help_for("sup").unwrap();
        for needle in [
            "one_for_one",
            "intensity 1",
            "period 5s",
            "5000ms",
            "infinity",
            "permanent",
            "Elixir",
            "3 restarts in 5s",
            "whole seconds",
            "Stamp >= Now - Period",
            "transient shutdown infinity",
            "exit NAME shutdown",
        ] {
            assert!(text.contains(needle), "help sup lacks {needle}: {text}");
        }
    }

    #[test]
    fn overview_lists_every_command() {
        let text = help_overview();
        for name in command_names() {
            assert!(text.contains(name), "{name}");
        }
        assert!(help_for("nonsense").is_none());
        assert!(text.contains("Erlang at the prompt"), "{text}");
        assert!(text.contains("a command"), "{text}");
        assert!(text.contains("Ctrl-C also"), "{text}");
    }

    /// The command words the parser's `command` function dispatches on,
    /// read from its source: a command added there without help here
    /// fails this test.
    fn parser_command_words() -> Vec<String> {
        let source = include_str!("parser/commands.rs");
        let start = source
            .find("fn command<'a>(")
            .expect("the parser's command function");
        let end = start
            + source[start..]
                .find("_ => return None")
                .expect("its last arm");
        let mut words = Vec::new();
        for line in source[start..end].lines() {
            let Some((pattern, _)) = line.trim().split_once("=>") else {
                continue;
            };
            for word in pattern.split('|') {
                let word = word.trim();
                if let Some(name) = word.strip_prefix('"').and_then(|w| w.strip_suffix('"')) {
                    words.push(name.to_owned());
                }
            }
        }
        words
    }

    #[test]
    fn every_command_the_parser_knows_has_help() {
        let words = parser_command_words();
        assert!(words.len() > 40, "{words:?}");
        for word in &words {
            assert!(help_for(word).is_some(), "`{word}` parses but has no help");
            assert!(command_names().contains(&word.as_str()), "{word}");
        }
        for name in command_names() {
            assert!(
                words.iter().any(|word| word == name),
                "help for `{name}`, which does not parse"
            );
        }
    }

    #[test]
    fn every_kind_has_help_and_no_command_hides_it() {
        for kind in crate::behavior::kinds() {
            assert!(
                !kind.help.is_empty() && !kind.example.is_empty(),
                "{}",
                kind.name
            );
            assert!(
                lookup(kind.name).is_none(),
                "`help {}` would show a command",
                kind.name
            );
        }
    }
}
