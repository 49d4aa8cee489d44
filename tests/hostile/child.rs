//! The real binary as a child, through a pipe or on a pseudo-terminal,
//! with every wait bounded: a child that stops answering fails the test
//! with what it printed so far, it never hangs the run.

use nix::pty::{OpenptyResult, Winsize, openpty};
use std::fs::File;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_letitcrash"))
}

/// How a child ended: its status (`None` if it had to be killed), and
/// what it wrote.
pub struct Ended {
    pub status: Option<ExitStatus>,
    pub stdout: String,
    pub stderr: String,
}

impl Ended {
    /// Exited by itself with code 0 or 1: not a panic (101), not a signal
    /// (an abort on stack overflow is SIGABRT), not killed for hanging.
    #[track_caller]
    pub fn assert_survived(&self) {
        let code = self.status.and_then(|s| s.code());
        assert!(
            matches!(code, Some(0 | 1)),
            "status {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.status,
            tail(&self.stdout),
            tail(&self.stderr)
        );
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
    }
}

/// The end of `text`, for a failure message.
pub fn tail(text: &str) -> &str {
    let mut start = text.len().saturating_sub(4000);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Runs `letitcrash ARGS` with `input` on stdin, killed after `limit`.
pub fn run(args: &[&str], input: &[u8], limit: Duration) -> Ended {
    let mut child = Command::new(binary())
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run letitcrash");
    let mut stdin = child.stdin.take().expect("piped");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let stdout = drain(child.stdout.take().expect("piped"));
    let stderr = drain(child.stderr.take().expect("piped"));
    let status = wait(&mut child, limit);
    let _ = writer.join();
    Ended {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    }
}

fn drain(mut from: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = from.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Waits for `child` at most `limit`; kills it after that.
fn wait(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + limit;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(10)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    }
}

/// The REPL on a pseudo-terminal, as a presenter's terminal runs it: what
/// it prints is read all the time by a thread of its own, and what the
/// test types is written by another (a child that reads slowly makes the
/// test's `expect` time out, it never blocks the test on a full terminal).
pub struct Terminal {
    child: Child,
    keyboard: Sender<Vec<u8>>,
    screen: Arc<Mutex<Vec<u8>>>,
    /// How much of the screen `expect` has already matched.
    seen: usize,
}

impl Terminal {
    /// `letitcrash ARGS` on a fresh terminal of 120 columns, plain
    /// (`NO_COLOR`) unless `colour`, with a history of its own; returns
    /// once the prompt is drawn (the editor has the terminal then).
    pub fn start(args: &[&str], colour: bool, history: &std::path::Path) -> Terminal {
        let size = Winsize {
            ws_row: 40,
            ws_col: 120,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        let OpenptyResult { master, slave } = openpty(Some(&size), None).expect("openpty");
        let mut command = Command::new(binary());
        command
            .args(args)
            .env("TERM", "xterm")
            .env("XDG_DATA_HOME", history)
            .env_remove("CLICOLOR_FORCE")
            .stdin(Stdio::from(slave.try_clone().expect("dup")))
            .stdout(Stdio::from(slave.try_clone().expect("dup")))
            .stderr(Stdio::from(slave));
        if colour {
            command.env_remove("NO_COLOR");
        } else {
            command.env("NO_COLOR", "1");
        }
        let child = command.spawn().expect("letitcrash on a pty");
        let mut writer = File::from(master);
        let mut reader = writer.try_clone().expect("dup");
        let (keyboard, keys) = channel::<Vec<u8>>();
        std::thread::spawn(move || {
            for bytes in keys {
                if writer
                    .write_all(&bytes)
                    .and_then(|()| writer.flush())
                    .is_err()
                {
                    break;
                }
            }
        });
        let screen = Arc::new(Mutex::new(Vec::new()));
        let filled = screen.clone();
        std::thread::spawn(move || {
            let mut buffer = [0; 1 << 16];
            // Ends when the child is gone (the pty reports an error).
            while let Ok(n @ 1..) = reader.read(&mut buffer) {
                filled.lock().unwrap().extend_from_slice(&buffer[..n]);
            }
        });
        let mut terminal = Terminal {
            child,
            keyboard,
            screen,
            seen: 0,
        };
        terminal.expect("type `help`", Duration::from_secs(30));
        terminal.expect("crash> ", Duration::from_secs(30));
        terminal
    }

    /// Sends `bytes` as typed (or pasted), in order with what was sent
    /// before; returns at once.
    pub fn send(&mut self, bytes: &[u8]) {
        self.keyboard
            .send(bytes.to_vec())
            .expect("the keyboard thread runs");
    }

    /// Waits up to `limit` for `needle` to appear after what the last
    /// `expect` matched; panics with the screen's end if it does not.
    #[track_caller]
    pub fn expect(&mut self, needle: &str, limit: Duration) {
        let deadline = Instant::now() + limit;
        let needle = needle.as_bytes();
        // Where the search goes on from: a big paste prints a lot, and
        // reading it all again on every look would be the slow part.
        let mut from = self.seen;
        loop {
            {
                let screen = self.screen.lock().unwrap();
                from = from.min(screen.len());
                if let Some(at) = screen[from..]
                    .windows(needle.len())
                    .position(|window| window == needle)
                {
                    self.seen = from + at + needle.len();
                    return;
                }
                from = screen.len().saturating_sub(needle.len()).max(from);
            }
            if Instant::now() >= deadline {
                panic!(
                    "no {:?} within {limit:?}; the screen ends with:\n{}",
                    String::from_utf8_lossy(needle),
                    tail(&self.screen())
                );
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Everything printed so far.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.screen.lock().unwrap()).into_owned()
    }

    /// Ctrl-D at the prompt: the REPL says goodbye and exits 0 by itself.
    #[track_caller]
    pub fn leave(mut self) {
        // Ctrl-D once the editor is reading again, as a person would: a
        // Ctrl-D typed while the terminal is still cooked (the REPL between
        // two lines, on a loaded machine) is the line discipline's end of
        // file, which the switch to raw mode loses.
        self.expect("crash>", Duration::from_secs(30));
        self.send(b"\x04");
        self.expect("bye", Duration::from_secs(30));
        let status = wait(&mut self.child, Duration::from_secs(30));
        assert!(
            status.is_some_and(|s| s.success()),
            "status {status:?}\n{}",
            tail(&self.screen())
        );
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        // A test that failed half-way leaves no REPL behind.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A private history directory for one test.
pub fn history_dir(test: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("letitcrash-hostile-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}
