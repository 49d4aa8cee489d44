//! The BEAM side of a scenario: the harness, the kinds and every scenario
//! module compiled once with `erlc`, then each scenario run in its own
//! `erl`, whose `obs` lines are the observations.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// Where the compiled `.beam` files are, compiling them on first use.
fn compiled() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/otp");
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("otp-beam");
        std::fs::create_dir_all(&out).unwrap();
        let sources = ["erl", "scenarios"].into_iter().flat_map(|dir| {
            std::fs::read_dir(root.join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "erl"))
        });
        let output = Command::new("erlc")
            .arg("-Werror")
            .arg("-o")
            .arg(&out)
            .args(sources)
            .output()
            .expect("erlc runs");
        assert!(
            output.status.success(),
            "erlc failed:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        out
    })
}

/// Runs scenario `name` on the BEAM: its `obs` lines and how it ended.
pub fn observe(name: &str) -> Vec<String> {
    let output = Command::new("erl")
        .args(["-noshell", "-pa"])
        .arg(compiled())
        .args(["-run", "lic", "main", name])
        .output()
        .expect("erl runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "erl failed for {name}:\n{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout.lines().map(str::to_owned).collect()
}
