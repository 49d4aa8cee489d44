//! Piped mode: the real binary with a script on stdin, as in
//! `letitcrash < demo.crash`. The transcript echoes each statement after
//! the prompt, then its output, then the events it caused; the exit code
//! tells whether everything parsed and succeeded.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs letitcrash with `script` on stdin and `env` set (colour variables
/// cleared first, so the caller decides).
fn pipe(script: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_letitcrash"));
    command
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command.spawn().expect("start letitcrash");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    child.wait_with_output().expect("letitcrash finishes")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Where `needle` is in `text`, at or after `from`, or a readable failure.
fn position(text: &str, needle: &str, from: usize) -> usize {
    match text[from..].find(needle) {
        Some(i) => from + i,
        None => panic!("{needle:?} not found after byte {from} in:\n{text}"),
    }
}

const DEMO: &str = "\
# a supervisor with two counters
sup demo {
  worker w1 counter
  worker w2 counter
}
kill demo/w1
tree
";

#[test]
fn echo_output_and_events_in_order() {
    let output = pipe(DEMO, &["repl", "--seed", "1"], &[]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");

    let sup = position(
        &text,
        "crash> sup demo {\n  worker w1 counter\n  worker w2 counter\n}",
        0,
    );
    let sup_pid = position(&text, "<0.", sup);
    let sup_events = position(&text, "spawn supervisor", sup_pid);
    let kill = position(&text, "crash> kill demo/w1", sup_events);
    let kill_value = position(&text, "true", kill);
    let restart = position(&text, "restart", kill_value);
    let tree = position(&text, "crash> tree", restart);
    let w1 = position(&text, "w1 <0.", tree);
    position(&text, "w2 <0.", w1);
}

#[test]
fn the_same_seed_gives_the_same_transcript() {
    let first = stdout(&pipe(DEMO, &["repl", "--seed", "7"], &[]));
    let second = stdout(&pipe(DEMO, &["repl", "--seed", "7"], &[]));
    assert_eq!(first, second);
}

#[test]
fn live_mode_without_a_seed() {
    let output = pipe("spawn counter as c\nwhereis c\n", &[], &[]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    let whereis = position(&text, "crash> whereis c", 0);
    position(&text, "<0.", whereis);
}

#[test]
fn a_failing_command_makes_the_exit_code_1() {
    let output = pipe(
        "call <0.999.0> get\nsay \"still going\"\n",
        &["repl", "--seed", "1"],
        &[],
    );
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let call = position(&text, "crash> call <0.999.0> get", 0);
    let error = position(&text, "error:", call);
    // The rest of the script still runs.
    position(&text, "still going", error);
}

#[test]
fn a_parse_error_shows_the_caret_and_makes_the_exit_code_1() {
    let output = pipe(
        "spawn counter\nspwan x\nsay \"after\"\n",
        &["repl", "--seed", "1"],
        &[],
    );
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let error = position(&text, "error: unknown command `spwan`", 0);
    let at = position(&text, ":2:1", error);
    let line = position(&text, "2 | spwan x\n", at);
    position(&text, "  | ^^^^^\n", line);
    position(&text, "did you mean `spawn`?", line);
    position(&text, "after", line);
}

#[test]
fn quit_ends_the_transcript() {
    let output = pipe(
        "say \"one\"\nquit\nsay \"two\"\n",
        &["repl", "--seed", "1"],
        &[],
    );
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("one"), "{text}");
    assert!(!text.contains("two"), "{text}");
}

#[test]
fn no_escape_codes_through_a_pipe_or_with_no_color() {
    for env in [&[][..], &[("NO_COLOR", "1")][..]] {
        let output = pipe(DEMO, &["repl", "--seed", "1"], env);
        let text = stdout(&output);
        assert!(text.contains("restart"), "{text}");
        assert!(!text.contains('\x1b'), "escape codes with {env:?}:\n{text}");
    }
}

#[test]
fn clicolor_force_colours_the_transcript() {
    let output = pipe(DEMO, &["repl", "--seed", "1"], &[("CLICOLOR_FORCE", "1")]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("\x1b["), "no escape codes:\n{text}");
}

/// Runs letitcrash with `script` on stdin in directory `dir`.
fn pipe_in(dir: &std::path::Path, script: &str, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_letitcrash"))
        .args(args)
        .current_dir(dir)
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start letitcrash");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    child.wait_with_output().expect("letitcrash finishes")
}

const ERLANG_SESSION: &str = "\
X = lists:seq(1, 3).
X.
self() ! hello.
flush().
c(greeter).
greeter:hello(X).
W = spawn counter
W ! incr.
{ok, Y} = {error, 3}.
receive M -> M end.
q().
spawn idle
";

#[test]
fn erlang_at_the_prompt_through_a_pipe() {
    let dir = std::env::temp_dir().join(format!("letitcrash-erlang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("greeter.erl"),
        "-module(greeter).\n-export([hello/1]).\nhello(Who) -> {hello, Who}.\n",
    )
    .unwrap();
    let output = pipe_in(&dir, ERLANG_SESSION, &["repl", "--seed", "1"]);
    let text = stdout(&output);
    let mut at = 0;
    for expected in [
        "crash> X = lists:seq(1, 3).\n[1,2,3]\n",
        "crash> X.\n[1,2,3]\n",
        "crash> self() ! hello.\nhello\n",
        "crash> flush().\nShell got hello\nok\n",
        "crash> c(greeter).\n{ok,greeter}\n",
        "crash> greeter:hello(X).\n{hello,[1,2,3]}\n",
        "crash> W ! incr.\nincr\n",
        "crash> {ok, Y} = {error, 3}.\nerror: ** exception error: no match of right hand side value {error,3}\n",
        "crash> receive M -> M end.\nerror: this would wait for ever",
        "crash> q().\n",
    ] {
        at = position(&text, expected, at);
    }
    assert!(!text.contains("spawn idle"), "q() quits: {text}");
    // The failed match and the receive that could never end fail the run.
    assert_eq!(output.status.code(), Some(1), "{text}");
    std::fs::remove_dir_all(&dir).ok();
}

/// Expressions whose printed value or exception must be what `erl`
/// prints, in the order typed (the bindings carry over).
const AGAINST_ERL: &[&str] = &[
    "X = lists:seq(1, 5).",
    "X.",
    "1 + 2 * 3.",
    "7 / 2.",
    "10 div 3.",
    "{a, \"b\", [1, 2 | 3], 'Quoted atom', -1.5}.",
    "[104, 105].",
    "<<1, 2, 300:16>>.",
    "#{a => 1, b => [x]}.",
    "atom_to_list(hello) ++ \"!\".",
    "lists:reverse(X).",
    "[E * 2 || E <- X, E > 2].",
    "lists:map(fun(E) -> E + 1 end, X).",
    "{L, R} = lists:split(2, X), {R, L}.",
    "L.",
    "self() ! hello.",
    "flush().",
    "receive M -> M after 0 -> none end.",
    "{ok, Y} = {error, 3}.",
    "exit(foo).",
    "throw(bar).",
    "erlang:error(baz).",
    // Not `1 / 0`: erl interprets, and names the operator; compiled, as
    // here, `/` fails without its frame, as OTP's compiled code does.
    "hd([]).",
    "case X of [] -> empty end.",
    "foo:bar().",
    "A = a.",
    "A * 2.",
    "1 div A.",
    "- A.",
    "A ++ b.",
    "element(5, {A}).",
    "length(A).",
    "lists:map(fun(E) -> E + A end, [1]).",
    "if A =:= b -> yes end.",
];

/// What `erl` prints for each of [`AGAINST_ERL`]: the text after each
/// `N> ` prompt, as [`shown`] compares it.
fn erl_answers() -> Vec<String> {
    let mut input = AGAINST_ERL.join("\n");
    input.push_str("\nhalt().\n");
    let mut child = Command::new("erl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start erl");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().expect("erl finishes");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    (1..=AGAINST_ERL.len())
        .map(|n| {
            let start = position(&text, &format!("{n}> "), 0) + format!("{n}> ").len();
            let end = text[start..]
                .find(&format!("\n{}> ", n + 1))
                .map_or(text.len(), |i| start + i);
            shown(&text[start..end])
        })
        .collect()
}

/// An answer as compared: a value whole, with erl's line breaks inside
/// long terms joined; an exception without what letitcrash does not
/// print (erl's `*** argument N: ...` lines, from each BIF's error info,
/// and the frames of erl's own evaluator) and the lines of the standard
/// library's frames.
fn shown(answer: &str) -> String {
    let answer = answer.trim_end();
    if answer.starts_with("** exception") {
        return answer
            .lines()
            .filter(|line| {
                let line = line.trim_start();
                !line.starts_with("*** argument")
                    && !line.starts_with("in call from erl_eval:")
                    && !line.starts_with("in call from shell:")
            })
            // The standard library's lines are its own file's, not OTP's.
            .map(|line| match line.find(" (") {
                Some(at) if line.ends_with(')') && line.contains(".erl, line ") => &line[..at],
                _ => line,
            })
            .collect::<Vec<_>>()
            .join("\n");
    }
    answer
        .lines()
        .map(str::trim_start)
        .collect::<Vec<_>>()
        .join("")
}

/// What letitcrash prints for each of [`AGAINST_ERL`], the same way.
fn our_answers() -> Vec<String> {
    let script: String = AGAINST_ERL.iter().map(|line| format!("{line}\n")).collect();
    let output = pipe(&script, &["repl", "--seed", "1"], &[]);
    let text = stdout(&output);
    AGAINST_ERL
        .iter()
        .scan(0, |at, line| {
            let echo = format!("crash> {line}\n");
            let start = position(&text, &echo, *at) + echo.len();
            let end = text[start..]
                .find("crash> ")
                .map_or(text.len(), |i| start + i);
            *at = end;
            let answer = text[start..end].trim_end();
            Some(shown(answer.strip_prefix("error: ").unwrap_or(answer)))
        })
        .collect()
}

#[test]
#[cfg_attr(
    not(has_erlang),
    ignore = "needs erl (Debian's erlang-base), which .ci/run installs"
)]
fn the_shell_prints_what_erl_prints() {
    let ours = our_answers();
    let theirs = erl_answers();
    assert!(theirs.iter().all(|a| !a.is_empty()), "{theirs:?}");
    assert_eq!(theirs[2], "7", "erl's answers are read in order");
    let differences: Vec<String> = AGAINST_ERL
        .iter()
        .zip(ours.iter().zip(&theirs))
        .filter(|(_, (ours, theirs))| ours != theirs)
        .map(|(line, (ours, theirs))| {
            format!("{line}\n  letitcrash: {ours}\n  erl:        {theirs}")
        })
        .collect();
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn syntax_elixir_writes_values_events_and_errors_as_iex_does() {
    let script = "\
spawn counter as c
syntax elixir
{ok, #{a => 1}, <<\"str\">>, [{a, 1}]}.
sup demo {
  worker w1 counter
}
c ! {inc, 2}.
tree
{a, b} = {1, 2}.
syntax erlang
{ok, 1}.
";
    let output = pipe(script, &["repl", "--seed", "1"], &[]);
    let text = stdout(&output);
    let at = position(&text, "syntax: elixir", 0);
    let at = position(&text, "{:ok, %{a: 1}, \"str\", [a: 1]}", at);
    // A value that is a pid, the crash's event line, the tree.
    let at = position(&text, "#PID<0.3.0>", at);
    let at = position(&text, "exited with {:bad_message, {:inc, 2}}", at);
    let at = position(&text, "demo <0.3.0>  one_for_one", at);
    let at = position(
        &text,
        "** (MatchError) no match of right hand side value: {1, 2}",
        at,
    );
    position(&text, "{ok,1}", at);
}

#[test]
fn the_elixir_flag_starts_in_elixir_syntax() {
    let output = pipe("self().\n", &["repl", "--seed", "1", "--elixir"], &[]);
    let text = stdout(&output);
    position(&text, "#PID<0.1.0>", 0);
}
