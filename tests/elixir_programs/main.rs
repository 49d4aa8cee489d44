//! The differential suite for Elixir: every program of `programs/` runs
//! in letitcrash (lowered by `letitcrash::elixir`, on the playground's VM)
//! and on Debian's `elixir`; what each prints and how its `Main.main/0`
//! ended must agree.
//!
//! A program is `NAME.exs`: modules only, among them `Main` with
//! `main/0`. The observer (`obs.exs`, itself Elixir run on both sides)
//! starts `Main.main()` with `spawn_monitor` and prints its exit reason,
//! an error's stack left out (`{error, Reason}`): the stacks' lines and
//! files are not the program's behaviour. Programs print with
//! `IO.puts`, `IO.inspect` or `:io.format/2`, never pids, whose numbers
//! differ.
//!
//! On the BEAM: `elixir --erl "-kernel logger_level none" -r obs.exs -r
//! NAME.exs -e "Obs.run()"`, its standard output. Without `elixir` and
//! `mix` (build.rs) the comparisons are ignored, never passed.
//!
//! `SOURCES.md` says where the programs come from: the ones in the style
//! of *Elixir in Action* and *The Little Elixir & OTP Guidebook* are
//! written for the suite, as neither book's repository has a licence.

use letitcrash::erlang;
use letitcrash::runtime::{Atom, Config, EventKind, Term};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/elixir_programs")
}

/// What letitcrash prints for the program, then the observer's line.
fn ours(name: &str) -> Vec<String> {
    ours_at(&dir().join(format!("programs/{name}.exs")))
}

fn ours_at(path: &Path) -> Vec<String> {
    let name = path.display();
    let obs = std::fs::read_to_string(dir().join("obs.exs")).expect("obs.exs");
    let program = std::fs::read_to_string(path).expect("the program");
    let runtime = letitcrash::behavior::runtime(Config::deterministic(1));
    let events = runtime.subscribe();
    for source in [&obs, &program] {
        let (modules, rest) = letitcrash::elixir::parse_file(source)
            .unwrap_or_else(|e| panic!("{}", e.render(Some(&path.display().to_string()))));
        assert!(rest.is_empty(), "{name}: a program holds only modules");
        for module in &modules {
            erlang::check(module).unwrap_or_else(|e| panic!("{name}: {}", e.render(None)));
            let compiled =
                erlang::compile(module).unwrap_or_else(|e| panic!("{name}: {}", e.render(None)));
            erlang::load(&runtime, compiled);
        }
    }
    let pid = erlang::spawn_top(
        &runtime,
        Atom::new("Elixir.Obs"),
        Atom::new("run"),
        Vec::new(),
    )
    .expect("Obs.run/0 exists");
    runtime.run_until(|| runtime.death(pid).is_some(), Duration::from_secs(60));
    // Each output event is a line (its newline taken off).
    let printed: Vec<String> = events
        .try_iter()
        .filter_map(|event| match event.kind {
            EventKind::Output { text, .. } => Some(text),
            _ => None,
        })
        .flat_map(|text| text.split('\n').map(str::to_owned).collect::<Vec<_>>())
        .collect();
    let mut lines = without_reports(printed.iter().map(String::as_str));
    match runtime.death(pid) {
        Some(death) if death.reason == Term::normal() => {}
        Some(death) => lines.push(format!("observer died: {}", death.reason)),
        None => lines.push("observer still running after 60 s".into()),
    }
    lines
}

/// The lines without the crash reports the runtime prints (the BEAM's
/// go to the logger, which the suite silences there).
fn without_reports<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut kept = Vec::new();
    let mut in_report = false;
    for line in lines {
        if line.starts_with("=ERROR REPORT====") || line.starts_with("=WARNING REPORT====") {
            in_report = true;
        } else if !(in_report && (line.starts_with("** ") || line.starts_with(' '))) {
            in_report = false;
            kept.push(line.to_string());
        }
    }
    kept
}

/// What Debian's elixir prints for the program.
fn theirs(name: &str) -> Vec<String> {
    theirs_with(
        &["--erl", "-kernel logger_level none"],
        &format!("programs/{name}.exs"),
    )
}

fn theirs_with(options: &[&str], program: &str) -> Vec<String> {
    let output = std::process::Command::new("elixir")
        .current_dir(dir())
        .args(options)
        .args(["-r", "obs.exs", "-r", program, "-e", "Obs.run()"])
        .output()
        .expect("elixir runs");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

fn agree(name: &str) {
    let ours = ours(name);
    let theirs = theirs(name);
    assert_eq!(
        ours, theirs,
        "{name}: letitcrash (left) and elixir (right) differ"
    );
}

/// Elixir's Logger, whose lines the other programs' runs silence: on the
/// BEAM the console backend is given the format the playground writes
/// (`[info] message`, the time left to the event feed).
#[test]
#[cfg_attr(
    not(has_elixir),
    ignore = "needs Debian's elixir and mix, which .ci/run installs"
)]
fn logger_writes_the_lines_elixirs_console_writes() {
    let ours = ours_at(&dir().join("logger/logger.exs"));
    let theirs = theirs_with(&[], "logger/logger.exs");
    assert_eq!(ours, theirs, "letitcrash (left) and elixir (right) differ");
    assert!(ours.len() > 8, "{ours:?}");
}

/// Every program in `programs/` has a test below, and every test a file.
#[test]
fn every_program_is_in_the_suite() {
    let mut files: Vec<String> = std::fs::read_dir(dir().join("programs"))
        .expect("programs/")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let stem = path.file_stem()?.to_string_lossy().into_owned();
            (path.extension()? == "exs").then_some(stem)
        })
        .collect();
    files.sort();
    let mut listed: Vec<String> = PROGRAMS.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(files, listed);
}

macro_rules! programs {
    ($($name:ident),* $(,)?) => {
        const PROGRAMS: &[&str] = &[$(stringify!($name)),*];
        $(
            #[test]
            #[cfg_attr(not(has_elixir), ignore = "needs Debian's elixir and mix, which .ci/run installs")]
            fn $name() {
                agree(stringify!($name));
            }
        )*
    };
}

programs!(
    hello_format,
    spawn_and_receive,
    ping_pong,
    links_and_trap_exit,
    exit_reasons,
    pattern_matching,
    case_cond_if,
    with_else,
    recursion_and_accumulators,
    pipes_and_captures,
    anonymous_functions,
    maps_and_updates,
    structs,
    strings_and_binaries,
    streams,
    guards_and_defaults,
    ranges_and_sets,
    receive_after,
    registry,
    registry_supervised,
    selective_receive,
    try_catch_throw,
    process_ring,
    counter_server,
    bank_account,
    comprehensions,
    nested_modules_and_alias,
    module_attributes,
    keyword_lists_and_tuples,
    keyword_blocks,
    monitors,
    badmatch_crash,
    io_puts_and_interpolation,
    enum_pipeline,
    genserver_counter,
    agent_state,
    raise_and_rescue,
    supervisor_restarts,
    integer_interpolation,
    keyword_access,
    calculator_process,
    captures_pins_updates,
    exception_formatting,
    for_options_then_tap,
    genserver_defaults,
    key_value_gen_server,
    pool_checkout,
    ring_of_links,
    server_process_generic,
    sigils_and_charlists,
    stdlib_tour,
    supervisor_restart_limit,
    task_async_await,
    thy_supervisor,
    todo_cache_registry,
    todo_list_crud,
    todo_server_genserver,
    use_agent,
    weather_workers,
);
