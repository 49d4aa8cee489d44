//! The differential suite for programs: every program of
//! `tests/otp/programs/` runs in letitcrash's VM and, exported to Erlang
//! with `code::export`, on the BEAM; what each shows must agree.
//!
//! A program is `NAME.crash` with `def NAME { ... }` (and any other `def`
//! it uses, each module name unique across the suite). Its `main(Obs)`
//! runs in a process of its own under the observer (`obs.crash`, itself a
//! definition run on both sides), which prints each message the program
//! sent to `Obs`, in order, and how main's process ended: the exit reason,
//! or for an error the error term and the stack's first frame. What the
//! program prints with `io:format` comes before.
//!
//! Normalised, because they are not the program's behaviour:
//! - pids and references are renamed in order of first appearance, and
//!   funs print as `#Fun` (labels differ: the BEAM's has a hash);
//! - OTP's locations carry `{file, ...}` and `{error_info, ...}`, which the
//!   observer leaves out on both sides (it prints the line only);
//! - the BEAM reports lines of the exported file: the export's line map
//!   takes them back to the definition's (`map_lines`).
//!
//! All programs go to the BEAM at once: one `erlc -Werror` (so every
//! export compiles with no warning) and one `erl` running them in turn.
//! Without `erl` and `erlc` (build.rs) the comparisons are ignored.

mod generator;
mod harness;
#[path = "../support/side_by_side.rs"]
mod side_by_side;
mod trees;

use harness::Program;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/otp/programs")
}

fn program(name: &str) -> Program {
    Program::from_file(&programs_dir().join(format!("{name}.crash")))
}

/// The BEAM's transcripts of every program, run once for all tests.
struct Beam {
    exported: BTreeMap<String, letitcrash::erlang::export::Exported>,
    runs: BTreeMap<String, Vec<String>>,
}

fn beam() -> &'static Beam {
    static BEAM: OnceLock<Beam> = OnceLock::new();
    BEAM.get_or_init(|| {
        let programs: Vec<Program> = PROGRAMS.iter().map(|name| program(name)).collect();
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("otp-programs");
        let _ = std::fs::remove_dir_all(&dir);
        let exported = harness::export_all(&programs, &harness::observer(), &dir);
        if let Err(output) = harness::erlc(&dir, true) {
            panic!("the exports do not compile cleanly with erlc -Werror:\n{output}");
        }
        let names: Vec<String> = PROGRAMS.iter().map(|s| s.to_string()).collect();
        let runs = harness::beam(&dir, &names);
        Beam { exported, runs }
    })
}

/// Runs program `name` on both sides and fails with both transcripts side
/// by side if they differ.
fn agree(name: &str) {
    let program = program(name);
    let ours = harness::canonical(&harness::ours(&program, &harness::observer()));
    let beam = beam();
    let theirs = beam
        .runs
        .get(name)
        .unwrap_or_else(|| panic!("{name} did not run on the BEAM"));
    let theirs = harness::canonical(&harness::map_lines(theirs, &ours, &beam.exported));
    if ours != theirs {
        panic!("{}", side_by_side::side_by_side(name, &ours, &theirs));
    }
}

macro_rules! programs {
    ($($name:ident)*) => {
        /// Every program in tests/otp/programs/, so none can be forgotten.
        const PROGRAMS: &[&str] = &[$(stringify!($name)),*];
        $(
            #[test]
            #[cfg_attr(not(has_erlang), ignore = "needs erl and erlc (Debian's erlang-base), which .ci/run installs")]
            fn $name() {
                agree(stringify!($name));
            }
        )*
    };
}

programs! {
    apply
    arithmetic
    binary_bifs
    binary_comprehensions
    binary_construction
    binary_errors
    binary_matching
    binary_walk
    bitwise_bignums
    calendar_dates
    catch_expr
    closures
    comprehensions
    conversions
    counter_loop
    deep_terms
    dict_hashing
    dicts_and_sets
    error_badarg
    error_badarith
    error_badarith_frames
    error_badarity
    error_badfun
    error_badkey
    error_badmap
    error_badmatch
    error_bool_ops
    error_case_clause
    error_deep_stack
    error_error_term
    error_function_clause
    error_if_clause
    error_in_lists
    error_throw
    error_undef
    exit_self
    fun_clauses
    float_text
    fun_equality
    gen_server_calls
    gen_statem_machines
    guards
    improper_lists
    io_format
    io_stream
    link_kills
    link_normal_exit
    lists_and_strings
    lists_library
    macros
    maps_build
    maps_effect
    maps_errors
    maps_functions
    maps_order
    maps_patterns
    maps_update
    max_heap_size
    message_order
    module_attributes
    monitor_by_name
    monitors
    names
    pretty_maps
    pretty_print
    process_info
    queues
    receive_after
    receive_guards
    records
    selective_receive
    send_after_and_sleep
    sets_and_trees
    spawn_mfa
    strings
    supervisor_callback
    supervisor_term_ids
    system_bifs
    tail_recursion
    term_order
    timers
    trap_exit_error
    trap_exit_kill
    trapped_signals
    try_catch
    tuples
    walk_frames
}

#[test]
fn every_program_file_is_listed() {
    let mut files: Vec<String> = std::fs::read_dir(programs_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "crash"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut listed: Vec<String> = PROGRAMS.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(
        files, listed,
        "list every program in programs! in tests/otp_programs/main.rs"
    );
}

/// Without the BEAM this still proves something: every program parses,
/// compiles, runs to its end in letitcrash and reports.
#[test]
fn every_program_runs_in_letitcrash() {
    let observer = harness::observer();
    for name in PROGRAMS {
        let lines = harness::ours(&program(name), &observer);
        assert_eq!(
            lines.last().map(String::as_str),
            Some("end"),
            "{name}: {lines:?}"
        );
    }
}

/// Every export compiles with `erlc -Werror`: no warning at all.
#[test]
#[cfg_attr(
    not(has_erlang),
    ignore = "needs erl and erlc (Debian's erlang-base), which .ci/run installs"
)]
fn every_program_exports_to_erlang_without_warnings() {
    assert!(!beam().exported.is_empty());
}

/// How many random programs a run compares, and from which seed:
/// `LETITCRASH_GEN_COUNT` and `LETITCRASH_GEN_SEED` override them.
fn generator_settings() -> (usize, u64) {
    let count = std::env::var("LETITCRASH_GEN_COUNT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let seed = std::env::var("LETITCRASH_GEN_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20250611);
    (count, seed)
}

fn generated(count: usize, seed: u64) -> Vec<generator::Generated> {
    let mut rng = generator::Rng::new(seed);
    (0..count)
        .map(|i| generator::generate(&mut rng, i))
        .collect()
}

/// A few hundred random programs agree on both sides; a difference is
/// reported with the smallest program that still shows it.
#[test]
#[cfg_attr(
    not(has_erlang),
    ignore = "needs erl and erlc (Debian's erlang-base), which .ci/run installs"
)]
fn generated_programs_agree_with_the_beam() {
    let (count, seed) = generator_settings();
    let programs = generated(count, seed);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("otp-generated");
    let started = std::time::Instant::now();
    let results = generator::compare("lic_gen", &programs, &dir).unwrap_or_else(|e| panic!("{e}"));
    let failing: Vec<usize> = (0..results.len())
        .filter(|&i| results[i].is_some())
        .collect();
    eprintln!(
        "{count} generated programs (seed {seed}) on both sides in {:.1?}",
        started.elapsed()
    );
    if let Some(&first) = failing.first() {
        let shrink_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("otp-generated-shrink");
        let (minimal, report) = generator::shrink("lic_gen", programs[first].clone(), &shrink_dir);
        panic!(
            "{} of {count} generated programs (seed {seed}) disagree; the first, {}, shrunk to:\n\n{}\n{report}",
            failing.len(),
            programs[first].name,
            generator::module_source("lic_gen", &[minimal]),
        );
    }
}

/// Without the BEAM: every generated program compiles and runs to its end
/// in letitcrash (the generator writes only valid programs).
#[test]
fn generated_programs_compile_and_run_in_letitcrash() {
    let programs = generated(60, generator_settings().1);
    let source = generator::module_source("lic_gen", &programs);
    let program =
        Program::from_source("lic_gen", &source).unwrap_or_else(|e| panic!("{e}\n{source}"));
    let observer = harness::observer();
    for p in &programs {
        let lines = harness::ours_run(&program, &observer, &p.name, Some(&p.name));
        assert_eq!(lines.last().map(String::as_str), Some("end"), "{lines:?}");
    }
}

macro_rules! talk_trees {
    ($($name:ident => $script:literal)*) => {$(
        /// `export sup` of this script's trees compiles and starts on the
        /// BEAM with the same children.
        #[test]
        #[cfg_attr(not(has_erlang), ignore = "needs erl and erlc (Debian's erlang-base), which .ci/run installs")]
        fn $name() {
            trees::check_script($script);
        }
    )*};
}

macro_rules! talk_apps {
    ($($name:ident => $script:literal)*) => {$(
        /// `export app` of this script's session builds with rebar3 and
        /// boots on the BEAM with the same trees.
        #[test]
        #[cfg_attr(not(has_rebar3), ignore = "needs erl, erlc and rebar3 (Debian's erlang-base and rebar3), which .ci/run installs")]
        fn $name() {
            trees::check_app($script);
        }
    )*};
}

talk_apps! {
    exported_app_of_03_supervisors_boots_on_the_beam => "scripts/03-supervisors.crash"
    exported_app_of_05_audience_boots_on_the_beam => "scripts/05-audience.crash"
}

talk_trees! {
    exported_trees_of_03_supervisors_start_on_the_beam => "scripts/03-supervisors.crash"
    exported_trees_of_04_let_it_crash_start_on_the_beam => "scripts/04-let-it-crash.crash"
    exported_trees_of_05_audience_start_on_the_beam => "scripts/05-audience.crash"
}
