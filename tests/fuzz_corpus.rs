//! Replays the fuzz run's past failures (`tests/fuzz_corpus/*.crash`)
//! through the real binary's piped mode, with the checks the fuzz run
//! makes (`letitcrash::endurance::fuzz::check_transcript`): no panic, no
//! hang, every parse error once and with its caret. A chunk that failed
//! `letitcrash fuzz` (saved under target/fuzz-failures/) goes here, cut
//! down to the lines that matter, once the bug is fixed.

use letitcrash::endurance::fuzz::run_chunk;
use std::path::Path;
use std::time::Duration;

#[test]
fn every_past_fuzz_failure_now_passes() {
    let binary = Path::new(env!("CARGO_BIN_EXE_letitcrash"));
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_corpus");
    let mut files: Vec<_> = std::fs::read_dir(&corpus)
        .expect("tests/fuzz_corpus exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "crash"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "the corpus is empty");
    let mut failures = Vec::new();
    for file in &files {
        let input = std::fs::read_to_string(file).expect("a corpus file is text");
        let outcome = run_chunk(binary, &input, Duration::from_secs(60));
        for violation in outcome.violations {
            failures.push(format!("{}: {violation}", file.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
