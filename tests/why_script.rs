//! `why` names the script line that started a chain: a shell `kill` on
//! line 5 of a real file, checked by `letitcrash check` itself, so the
//! `FILE:LINE` in the transcript is the one the tool reads.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn why_names_the_file_and_line_of_the_shells_kill() {
    let path: PathBuf = std::env::temp_dir().join(format!("why-kill-{}.crash", std::process::id()));
    let file = path.display().to_string();
    let script = format!(
        "# B dies of a link to A, which the shell kills on line 5\n\
         A = spawn echo\n\
         B = spawn echo\n\
         link A B\n\
         kill A\n\
         why B\n\
         #=> <0.3.0> exited killed at 0.000s\n\
         #=>   ← exit signal killed from <0.2.0> over a link\n\
         #=>   ← <0.2.0> exited killed at 0.000s\n\
         #=>   ← exit signal kill from the shell: `kill A` (line 5 of {file})\n"
    );
    std::fs::write(&path, script).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_letitcrash"))
        .args(["check", &file])
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    let _ = std::fs::remove_file(&path);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{text}");
    assert!(text.contains("1 passed, 0 failed"), "{text}");
}
