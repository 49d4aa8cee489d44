//! The interactive REPL driven through a pseudo-terminal, as a presenter
//! would: the real binary, rustyline in raw mode, live events printed by the
//! printer thread.
//!
//! Expectations only say what must appear, in order, within a generous
//! timeout; nothing here measures speed. Typed text is echoed (and hints
//! drawn) by the editor, so every expected string is one that only the
//! program's output can contain, such as a pid or a tree row.

use nix::sys::wait::WaitStatus;
use rexpect::session::{PtySession, spawn_command};
use std::path::PathBuf;
use std::process::Command;

const TIMEOUT_MS: u64 = 10_000;

/// A fresh, private history directory per test, so tests never touch the
/// developer's own history (and show that it is created on demand).
fn data_home(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("letitcrash-pty-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The REPL on a pty, plain (NO_COLOR) so the transcript is readable.
fn start(test: &str) -> (PtySession, PathBuf) {
    let data = data_home(test);
    let mut command = Command::new(env!("CARGO_BIN_EXE_letitcrash"));
    command
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env("XDG_DATA_HOME", &data)
        .args(["--schedulers", "2"]);
    let session = spawn_command(command, Some(TIMEOUT_MS)).expect("spawn letitcrash on a pty");
    (session, data)
}

/// Waits for `needle` and keeps everything read so far in `transcript`.
fn expect(repl: &mut PtySession, transcript: &mut String, needle: &str) {
    match repl.exp_string(needle) {
        Ok(before) => {
            transcript.push_str(&before);
            transcript.push_str(needle);
        }
        Err(error) => {
            panic!("waiting for {needle:?}: {error}\n--- transcript so far ---\n{transcript}")
        }
    }
}

/// Ctrl-D, the goodbye, end of output, and exit status 0.
fn leave(mut repl: PtySession, transcript: &mut String) {
    repl.send_control('d').unwrap();
    expect(&mut repl, transcript, "bye");
    transcript.push_str(&repl.exp_eof().unwrap_or_default());
    let status = repl.process().wait().expect("wait for letitcrash");
    assert!(
        matches!(status, WaitStatus::Exited(_, 0)),
        "exit status {status:?}\n{transcript}"
    );
}

/// What the terminal would show for `raw`, roughly: rexpect hands over one
/// char per byte, so the bytes are decoded as UTF-8 again, and the editor's
/// redraws (carriage return, erase line, cursor right/up) are replayed on a
/// tiny screen so each line reads as it ended up. For the test's output.
fn readable(raw: &str) -> String {
    let bytes: Vec<u8> = raw.chars().map(|c| c as u32 as u8).collect();
    let text = String::from_utf8_lossy(&bytes);
    let mut screen: Vec<Vec<char>> = vec![Vec::new()];
    let (mut row, mut col) = (0usize, 0usize);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => {
                if chars.peek() != Some(&'[') {
                    continue;
                }
                chars.next();
                let mut arg = String::new();
                let mut end = ' ';
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() || c == '~' {
                        end = c;
                        break;
                    }
                    arg.push(c);
                }
                let n = arg.parse::<usize>().unwrap_or(1);
                match end {
                    'K' => screen[row].truncate(col),
                    'C' => col += n,
                    'A' => row = row.saturating_sub(n),
                    'B' => row += n,
                    _ => {}
                }
            }
            '\r' => col = 0,
            '\n' => {
                row += 1;
                col = 0;
            }
            c => {
                while screen.len() <= row {
                    screen.push(Vec::new());
                }
                let line = &mut screen[row];
                while line.len() < col {
                    line.push(' ');
                }
                if col < line.len() {
                    line[col] = c;
                } else {
                    line.push(c);
                }
                col += 1;
            }
        }
        while screen.len() <= row {
            screen.push(Vec::new());
        }
    }
    screen
        .iter()
        .map(|line| line.iter().collect::<String>().trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn supervise_kill_restart_tree_and_leave_with_ctrl_d() {
    let (mut repl, data) = start("sup");
    let mut transcript = String::new();
    expect(&mut repl, &mut transcript, "type `help` for commands");

    // A block over several lines: Enter on the open `{` continues it.
    repl.send_line("sup demo {").unwrap();
    repl.send_line("worker w1 counter").unwrap();
    repl.send_line("worker w2 counter").unwrap();
    repl.send_line("}").unwrap();
    expect(&mut repl, &mut transcript, "<0.");

    repl.send_line("kill demo/w1").unwrap();
    // The supervisor's restart, printed by the event printer thread.
    expect(&mut repl, &mut transcript, "restarting w1");

    repl.send_line("tree").unwrap();
    expect(&mut repl, &mut transcript, "w1 <0.");
    expect(&mut repl, &mut transcript, "w2 <0.");

    leave(repl, &mut transcript);
    println!("--- transcript ---\n{}", readable(&transcript));
    assert!(
        data.join("letitcrash/history").exists(),
        "history saved under XDG_DATA_HOME"
    );
    let _ = std::fs::remove_dir_all(data);
}

#[test]
fn ctrl_c_cancels_the_line_and_keeps_the_repl() {
    let (mut repl, data) = start("ctrlc");
    let mut transcript = String::new();
    expect(&mut repl, &mut transcript, "type `help` for commands");

    // Half a command, abandoned with Ctrl-C: it must not run.
    repl.send("spawn counter as half").unwrap();
    repl.flush().unwrap();
    expect(&mut repl, &mut transcript, "half");
    repl.send_control('c').unwrap();
    // The editor leaves the abandoned line with a newline; only then is the
    // next line typed, since keys typed ahead of a finished `readline` may
    // be read (and dropped) with it.
    expect(&mut repl, &mut transcript, "\n");

    // The REPL is still there, and `half` was never spawned.
    repl.send_line("whereis half").unwrap();
    expect(&mut repl, &mut transcript, "undefined");

    // `reset` swaps the runtime under the event printer, which must not
    // block it.
    repl.send_line("reset").unwrap();
    expect(&mut repl, &mut transcript, "a fresh runtime");

    // A parse error is shown with its caret, and the REPL goes on.
    repl.send_line("spwan x").unwrap();
    expect(&mut repl, &mut transcript, "did you mean `spawn`?");

    leave(repl, &mut transcript);
    println!("--- transcript ---\n{}", readable(&transcript));
    let _ = std::fs::remove_dir_all(data);
}

#[test]
fn erlang_at_the_prompt_over_several_lines() {
    let (mut repl, data) = start("erlang");
    let mut transcript = String::new();
    expect(&mut repl, &mut transcript, "type `help` for commands");

    // A `case` goes on until its `end`, with no bracket open.
    repl.send_line("Sz = case 3 of").unwrap();
    repl.send_line("3 -> lists:duplicate(3, zz);").unwrap();
    repl.send_line("_ -> none").unwrap();
    repl.send_line("end.").unwrap();
    expect(&mut repl, &mut transcript, "[zz,zz,zz]");

    // Run as the shell process: its own mailbox, live.
    repl.send_line("self() ! hi, receive M -> {got, M} after 1000 -> none end.")
        .unwrap();
    expect(&mut repl, &mut transcript, "{got,hi}");
    repl.send_line("length(Sz).").unwrap();
    expect(&mut repl, &mut transcript, "3\r\n");

    leave(repl, &mut transcript);
    println!("--- transcript ---\n{}", readable(&transcript));
    let _ = std::fs::remove_dir_all(data);
}
