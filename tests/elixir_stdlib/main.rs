//! The Elixir library's differential suite: drivers written in Erlang
//! (`drivers/NAME.erl`, each a module whose `main/0` calls
//! `'Elixir.Enum':map/2`, `'Elixir.GenServer':call/2`, ... and prints
//! what they return, or the class and reason of what they raise, with
//! `io:format("~p~n")`) run in letitcrash on its preloaded
//! `src/erlang/stdlib/elixir/` modules and on the BEAM with Elixir 1.14's
//! own modules on the code path; both must print the same lines.
//!
//! - On the BEAM, one `erl` runs every driver in turn (`elixir_stdlib_runner.erl`),
//!   each in its own process until it ends, OTP's logger silenced.
//! - In letitcrash, each driver gets a fresh deterministic runtime, is
//!   compiled as `load` compiles a file, and its `main/0` runs until it
//!   ends; what the driver process itself printed is its output (a
//!   crashing server's report, which the playground prints as OTP's
//!   logger would, is another process's).
//!
//! Pids and references print differently on the two systems, so drivers
//! print neither. What depends on the inspect BIF (`Kernel.inspect`,
//! `IO.inspect`, an exception's message/1 built with inspect) is left
//! out: the views' part of issue 20 provides that BIF.

#[path = "../support/side_by_side.rs"]
mod side_by_side;

use letitcrash::erlang;
use letitcrash::runtime::{Atom, Config, EventKind, Runtime, Term};
use side_by_side::side_by_side;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

/// Where Debian's elixir keeps its compiled modules.
const ELIXIR_EBIN: &str = "/usr/lib/elixir/lib/elixir/ebin";

/// The marker the runner prints before each driver's output.
const MARK: &str = "==== driver ";

fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/elixir_stdlib")
}

fn driver_file(name: &str) -> PathBuf {
    suite_dir().join("drivers").join(format!("{name}.erl"))
}

/// Every driver's lines on the BEAM, from one `erl` run for all.
fn beam() -> &'static BTreeMap<String, Vec<String>> {
    static BEAM: OnceLock<BTreeMap<String, Vec<String>>> = OnceLock::new();
    BEAM.get_or_init(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("elixir_stdlib");
        let _ = std::fs::remove_dir_all(&out);
        std::fs::create_dir_all(&out).unwrap();
        let erlc = Command::new("erlc")
            .arg("-o")
            .arg(&out)
            .arg(suite_dir().join("elixir_stdlib_runner.erl"))
            .args(DRIVERS.iter().map(|name| driver_file(name)))
            .output()
            .expect("erlc runs");
        assert!(
            erlc.status.success(),
            "the drivers do not compile:\n{}{}",
            String::from_utf8_lossy(&erlc.stdout),
            String::from_utf8_lossy(&erlc.stderr)
        );
        let output = Command::new("erl")
            .args(["-noshell", "-pa", ELIXIR_EBIN, "-pa"])
            .arg(&out)
            .args(["-run", "elixir_stdlib_runner", "main"])
            .args(DRIVERS)
            .output()
            .expect("erl runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "erl failed:\n{stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let mut runs: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut current: Option<String> = None;
        for line in stdout.lines() {
            if let Some(name) = line.strip_prefix(MARK) {
                current = Some(name.to_owned());
                runs.entry(name.to_owned()).or_default();
            } else if let Some(name) = &current {
                runs.get_mut(name).unwrap().push(line.to_owned());
            }
        }
        runs
    })
}

/// The driver's lines in letitcrash: compiled as `load` compiles a file,
/// its `main/0` run to its end in a deterministic runtime.
fn ours(name: &str) -> Vec<String> {
    run_in_letitcrash(name, &driver_file(name))
}

/// The lines the module in `file` prints from its `main/0`, run to its
/// end in a fresh deterministic runtime.
fn run_in_letitcrash(name: &str, file: &Path) -> Vec<String> {
    let source = std::fs::read_to_string(file).unwrap();
    let runtime = Runtime::new(Config::deterministic(1));
    let events = runtime.subscribe();
    // `-include("driver.hrl")` is read beside the driver, as erlc reads it.
    let compiled = erlang::parse_in(name, &source, file.parent()).and_then(|parsed| {
        erlang::check(&parsed)?;
        erlang::compile(&parsed).map_err(|e| e.quote(&source))
    });
    match compiled {
        Ok(code) => {
            erlang::program::load(&runtime, code);
        }
        Err(error) => panic!("{}", error.render(Some(&file.to_string_lossy()))),
    }
    let pid = erlang::spawn_top(&runtime, Atom::new(name), Atom::new("main"), vec![])
        .unwrap_or_else(|e| panic!("{name}:main/0 does not start: {e}"));
    runtime.run_until(|| runtime.death(pid).is_some(), Duration::from_secs(60));
    // One event per line, as tests/corpus.rs reads them; split anyway, so
    // that an event carrying several lines still compares by line.
    let mut lines = Vec::new();
    for event in events.try_iter() {
        if let EventKind::Output { pid: printer, text } = event.kind
            && printer == pid
        {
            lines.extend(text.split('\n').map(str::to_owned));
        }
    }
    match runtime.death(pid) {
        Some(death) if death.reason == Term::normal() => {}
        Some(death) => lines.push(format!("driver crashed: {}", death.reason)),
        None => lines.push("driver timed out".to_owned()),
    }
    lines
}

/// Runs driver NAME on both sides; fails with both transcripts side by
/// side, the first difference marked, if they differ.
fn agree(name: &str) {
    let theirs = beam()
        .get(name)
        .unwrap_or_else(|| panic!("{name} did not run on the BEAM"));
    let ours = ours(name);
    if &ours != theirs {
        panic!("{}", side_by_side(name, &ours, theirs));
    }
    assert!(!ours.is_empty(), "{name} prints nothing");
}

macro_rules! drivers {
    ($($name:ident)*) => {
        /// Every driver, so that the BEAM runs them all at once and none
        /// in drivers/ is forgotten.
        const DRIVERS: &[&str] = &[$(stringify!($name)),*];

        $(
            #[test]
            #[cfg_attr(not(has_elixir), ignore = "needs Debian's elixir and mix, which .ci/run installs")]
            fn $name() {
                agree(stringify!($name));
            }
        )*
    };
}

drivers! {
    ex_enum
    ex_exception
    ex_float
    ex_list
    ex_map
    ex_string
    ex_process
    ex_genserver
    ex_agent
    ex_task
    ex_supervisor
    ex_kernel_io
    ex_via
    ex_dynamic_supervisor
    ex_state_server
    ex_stream
}

/// `Kernel.raise/1,2` and `reraise/2,3` are macros in Elixir, with no
/// function on the BEAM to compare with: the driver in `ours_only/`
/// checks each exception against the struct Elixir's `raise` makes, and
/// that a `{:global, _}` name, which the playground cannot register, is
/// refused with an ArgumentError that says why.
#[test]
fn kernel_raise_raises_elixirs_exceptions() {
    let file = suite_dir().join("ours_only/ex_raise.erl");
    let lines = run_in_letitcrash("ex_raise", &file);
    assert_eq!(lines.len(), 12, "{lines:#?}");
    for line in &lines {
        assert!(line.ends_with(" true"), "{lines:#?}");
    }
}

/// Every file in drivers/ is in the list above.
#[test]
fn every_driver_is_listed() {
    let mut files: Vec<String> = std::fs::read_dir(suite_dir().join("drivers"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "erl"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut listed: Vec<String> = DRIVERS.iter().map(|s| (*s).to_owned()).collect();
    listed.sort();
    assert_eq!(files, listed);
}

/// Every module of the library compiles and is preloaded with the rest
/// of the standard library, the first time code is loaded.
#[test]
fn the_library_preloads() {
    let runtime = Runtime::new(Config::deterministic(1));
    let parsed = erlang::parse("probe", "f() -> ok.").unwrap();
    erlang::program::load(&runtime, erlang::compile(&parsed).unwrap());
    for module in ["Elixir.Enum", "Elixir.GenServer", "Elixir.String.Chars"] {
        assert!(
            runtime.code().current(Atom::new(module)).is_some(),
            "{module} is not preloaded"
        );
    }
}
