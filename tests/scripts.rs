//! `letitcrash run` and `letitcrash check` from the outside: the scripts in
//! scripts/ check clean, failures are reported with file, line, expected
//! and actual, output is byte-identical across runs with one seed, replay
//! echoes and narrates, and the docs' transcripts are the tool's own.

use letitcrash::script::keys::Key;
use letitcrash::script::{RunOptions, check_source, replay};
use letitcrash::view::Style;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn letitcrash(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_letitcrash"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn all_output(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A script written to a temporary file, removed when dropped.
struct TempScript(PathBuf);

impl TempScript {
    fn new(name: &str, src: &str) -> TempScript {
        let dir = std::env::temp_dir().join(format!("letitcrash-tests-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, src).unwrap();
        TempScript(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempScript {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn scripts() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join("scripts"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "crash"))
        .map(|path| {
            path.strip_prefix(root())
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    files.sort();
    files
}

fn last_line(text: &str) -> &str {
    text.lines().last().unwrap_or("")
}

#[test]
fn every_script_in_scripts_passes_check() {
    let files = scripts();
    assert!(files.len() >= 5, "{files:?}");
    let mut args = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    let output = letitcrash(&args);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    let summary = last_line(&text);
    assert!(summary.ends_with(" passed, 0 failed"), "{text}");
    let passed: usize = summary.split(' ').next().unwrap().parse().unwrap();
    assert!(passed >= 50, "the scripts check their story: {text}");
}

#[test]
fn every_script_replays_without_errors_in_deterministic_mode() {
    for file in scripts() {
        let output = letitcrash(&["run", "--seed", "3", &file]);
        assert!(output.status.success(), "{file}:\n{}", all_output(&output));
    }
}

const FAILING: &str = "\
spawn counter as c
c ! incr
call c get
#=> 2
expect alive c
expect dead c
";

#[test]
fn a_failing_script_reports_file_line_expected_and_actual() {
    let script = TempScript::new("failing.crash", FAILING);
    let output = letitcrash(&["check", script.path()]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert_eq!(last_line(&text), "1 passed, 2 failed", "{text}");
    let at = |line: usize| format!("FAIL {}:{line}:1", script.path());
    assert!(text.contains(&at(3)), "the output block: {text}");
    assert!(text.contains("  expected:\n    2\n"), "{text}");
    assert!(text.contains("  actual:\n    1\n"), "{text}");
    assert!(text.contains("    - 2\n    + 1\n"), "a diff: {text}");
    assert!(text.contains(&at(6)), "the expectation: {text}");
    assert!(text.contains("expected c to be dead"), "{text}");
}

#[test]
fn one_failure_gives_the_zero_passed_one_failed_summary() {
    let script = TempScript::new("one.crash", "spawn idle as i\nexpect dead i\n");
    let output = letitcrash(&["check", script.path()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(last_line(&stdout(&output)), "0 passed, 1 failed");
}

#[test]
fn a_failing_command_fails_the_check_unless_its_output_is_expected() {
    let report = check_source("t.crash", "kill nobody\n", 0);
    assert_eq!((report.passed, report.failed), (0, 1), "{report:?}");
    assert!(report.failures[0].starts_with("t.crash:1:1: this command failed"));
    let report = check_source(
        "t.crash",
        "kill nobody\n#=> error: no process is registered as nobody[..]\n",
        0,
    );
    assert_eq!((report.passed, report.failed), (1, 0), "{report:?}");
}

#[test]
fn wildcards_in_expected_output() {
    let src = "\
spawn counter as c
#=> <0.[..].0>
#=> ...
c ! oops
#=> oops
#=> [..] exited with {bad_message,oops}
";
    let report = check_source("w.crash", src, 0);
    assert_eq!((report.passed, report.failed), (2, 0), "{report:?}");
}

/// A process that prints half a line and waits: the half line is not
/// shown while the script goes on (its end may come), and is at the end.
const HALF_LINE: &str = "\
def prompt {
  start() -> io:format(\"name? \"), receive stop -> ok end.
}
#=> {ok,prompt}
spawn prompt as p
#=> <0.[..].0>
#=> ...
whereis p
#=> <0.2.0>
";

#[test]
fn a_half_line_still_pending_shows_at_the_end_of_a_check_and_a_run() {
    let report = check_source("half.crash", HALF_LINE, 0);
    assert_eq!((report.passed, report.failed), (2, 1), "{report:?}");
    assert!(
        report.failures[0].contains("+ [  0.000s] » <0.2.0> (p): name? "),
        "{}",
        report.failures[0]
    );
    let script = TempScript::new("half.crash", HALF_LINE);
    let output = letitcrash(&["run", "--seed", "1", script.path()]);
    let text = stdout(&output);
    let (before_end, _) = text.split_once("whereis p").unwrap();
    assert!(!before_end.contains("(p): name?"), "{text}");
    assert!(text.trim_end().ends_with("» <0.2.0> (p): name?"), "{text}");
}

#[test]
fn check_output_is_byte_identical_across_runs_with_one_seed() {
    let script = TempScript::new("twice.crash", FAILING);
    let first = letitcrash(&["check", "--seed", "42", script.path()]);
    let second = letitcrash(&["check", "--seed", "42", script.path()]);
    assert_eq!(first.stdout, second.stdout);
}

#[test]
fn replay_output_is_byte_identical_across_runs_with_one_seed() {
    let file = "scripts/05-audience.crash";
    let first = letitcrash(&["run", "--seed", "7", file]);
    let second = letitcrash(&["run", "--seed", "7", file]);
    assert!(first.status.success(), "{}", all_output(&first));
    assert!(!first.stdout.is_empty());
    assert_eq!(first.stdout, second.stdout);
}

const STORY: &str = "\
# a comment for the presenter
say \"Meet the counter.\"
spawn counter as c
sup demo {
  worker w counter
}
pause
c ! incr
call c get
";

fn replayed(src: &str, options: &RunOptions, keys: &[Key]) -> (bool, String) {
    let mut out = Vec::new();
    let mut keys: VecDeque<Key> = keys.iter().copied().collect();
    let ok = replay(
        "story.crash",
        src,
        options,
        Style::PLAIN,
        &mut out,
        &mut keys,
    );
    (ok, String::from_utf8(out).unwrap())
}

fn seeded() -> RunOptions {
    RunOptions {
        seed: Some(1),
        ..RunOptions::default()
    }
}

#[test]
fn replay_echoes_commands_and_prints_narration() {
    let (ok, text) = replayed(STORY, &seeded(), &[]);
    assert!(ok, "{text}");
    assert!(text.contains("\nMeet the counter.\n\ncrash> spawn counter as c\n<0."));
    assert!(!text.contains("say \""), "narration is not echoed: {text}");
    assert!(
        text.contains("crash> sup demo {\n  ...>   worker w counter\n  ...> }\n"),
        "a block with continuation prompts: {text}"
    );
    assert!(text.contains("crash> call c get\n1\n"), "{text}");
    assert!(text.contains("spawn counter"), "events are shown: {text}");
    assert!(!text.contains("pause"), "{text}");
    assert!(!text.contains("a comment"), "{text}");
    let (_, text) = replayed(
        STORY,
        &RunOptions {
            comments: true,
            ..seeded()
        },
        &[],
    );
    assert!(
        text.starts_with("# a comment for the presenter\n"),
        "{text}"
    );
}

#[test]
fn step_mode_waits_for_keys_and_q_quits() {
    let step = RunOptions {
        step: true,
        ..seeded()
    };
    // Key 1 runs `spawn`, key 2 the `sup`, key 3 is the pause (which also
    // stands for the next command's key), key 4 quits at `call`.
    let (ok, text) = replayed(STORY, &step, &[Key::Next, Key::Next, Key::Next, Key::Quit]);
    assert!(ok, "{text}");
    assert!(text.contains("crash> c ! incr\n"), "{text}");
    assert!(!text.contains("call c get"), "{text}");
    assert!(text.ends_with("crash> \n"), "{text:?}");
}

#[test]
fn step_mode_i_interacts_then_resumes() {
    let step = RunOptions {
        step: true,
        ..seeded()
    };
    let (ok, text) = replayed("spawn idle\n", &step, &[Key::Interact, Key::Next]);
    assert!(ok, "{text}");
    assert!(text.contains("interactive mode"), "{text}");
    assert!(
        text.ends_with(
            "crash> spawn idle\n<0.2.0>\n[  0.000s] + spawn idle <0.2.0> by <0.1.0> (shell)\n"
        ),
        "{text}"
    );
}

const BROKEN: &str = "\
spawn idle as a
kill nobody
spawn idle as b
";

#[test]
fn a_failing_command_stops_the_replay_with_file_line_col() {
    let script = TempScript::new("broken.crash", BROKEN);
    let output = letitcrash(&["run", "--seed", "1", script.path()]);
    let text = all_output(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!(" --> {}:2:1\n", script.path())),
        "{text}"
    );
    assert!(
        text.contains("2 | kill nobody\n  | ^^^^^^^^^^^\n"),
        "{text}"
    );
    assert!(!text.contains("spawn idle as b"), "stopped: {text}");
}

#[test]
fn keep_going_runs_the_rest_and_still_fails() {
    let script = TempScript::new("broken-kg.crash", BROKEN);
    let output = letitcrash(&["run", "--seed", "1", "--keep-going", script.path()]);
    let text = all_output(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains(&format!("{}:2:1", script.path())), "{text}");
    assert!(text.contains("crash> spawn idle as b\n"), "went on: {text}");
}

#[test]
fn parse_errors_show_file_line_col_and_nothing_runs() {
    let script = TempScript::new("typo.crash", "spawn idle\n\nspwan counter\n");
    let output = letitcrash(&["run", "--seed", "1", script.path()]);
    let text = all_output(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!(" --> {}:3:1\n", script.path())),
        "{text}"
    );
    assert!(text.contains("3 | spwan counter\n  | ^"), "{text}");
    assert!(!text.contains("crash>"), "nothing ran: {text}");

    let output = letitcrash(&["check", script.path()]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains(&format!("{}:3:1", script.path())), "{text}");
    assert_eq!(last_line(&text), "0 passed, 1 failed");
}

#[test]
fn a_failed_block_with_any_lines_is_reported_not_a_panic() {
    // `...` in a block that does not match once made check mode index past
    // the end of its diff table and exit 101.
    let script = TempScript::new("any-lines.crash", "X = 1\n#=> 2\n#=> ...\n");
    let output = letitcrash(&["check", script.path()]);
    let text = all_output(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(!text.contains("panicked"), "{text}");
    assert!(text.contains(&format!("{}:1:1", script.path())), "{text}");
    assert!(text.contains("- 2"), "{text}");
    assert_eq!(last_line(&stdout(&output)), "0 passed, 1 failed");
}

/// The ```crash blocks of a Markdown file as one script, with every other
/// line blanked so that line numbers in reports are the file's own.
fn crash_blocks(markdown: &str) -> String {
    let mut inside = false;
    let mut out = String::new();
    for line in markdown.lines() {
        let fence = line.trim_start().starts_with("```");
        if fence && !inside && line.trim() == "```crash" {
            inside = true;
            out.push('\n');
        } else if fence && inside {
            inside = false;
            out.push('\n');
        } else if inside {
            out.push_str(line);
            out.push('\n');
        } else {
            out.push('\n');
        }
    }
    out
}

fn check_markdown(path: &Path) {
    let markdown = std::fs::read_to_string(root().join(path)).unwrap();
    let script = crash_blocks(&markdown);
    assert!(script.trim().len() > 100, "{path:?} has ```crash blocks");
    let name = path.to_str().unwrap();
    let report = check_source(name, &script, 0);
    assert!(
        report.ok(),
        "{name}: the transcripts drifted from what the tool prints:\n{}\n{}",
        report.failures.join("\n"),
        report.summary()
    );
    assert!(report.passed >= 10, "{name}: {}", report.summary());
}

#[test]
fn the_tutorial_transcripts_are_what_the_tool_prints() {
    check_markdown(Path::new("docs/tutorial.md"));
}

#[test]
fn the_elixir_tutorial_transcripts_are_what_the_tool_prints() {
    check_markdown(Path::new("docs/tutorial-elixir.md"));
}

#[test]
fn the_language_reference_examples_run() {
    check_markdown(Path::new("docs/language.md"));
}

#[test]
fn the_language_reference_covers_every_command() {
    let text = std::fs::read_to_string(root().join("docs/language.md")).unwrap();
    for command in letitcrash::commands::help::COMMANDS {
        assert!(
            text.contains(&format!("### `{}`", command.name)),
            "docs/language.md has no section for `{}`",
            command.name
        );
        assert!(
            text.contains(command.syntax),
            "docs/language.md does not give the syntax `{}`",
            command.syntax
        );
    }
    for kind in letitcrash::behavior::kinds() {
        assert!(
            text.contains(&format!("`{}`", kind.name)),
            "docs/language.md does not list the kind `{}`",
            kind.name
        );
    }
}

#[test]
fn ci_checks_the_scripts() {
    let ci = std::fs::read_to_string(root().join(".ci/run")).unwrap();
    let test = ci.find("cargo test").expect("CI runs the tests");
    let check = ci
        .find("check scripts/*.crash")
        .expect("CI checks the scripts");
    assert!(check > test, "{ci}");
}
