//! `letitcrash serve --script`, paced by the presenter: the real binary,
//! its stdin a pipe or a pseudo-terminal, its stage on 127.0.0.1 (port 0).
//!
//! - `--step` runs one command per key, as `run --step` does: every
//!   command's prompt is on screen before its key, and the command shows
//!   only between that key and the next prompt.
//! - A `pause` takes a key of its own: the key after it is the pause's, so
//!   a `q` there ends the replay before anything that follows the beat.
//! - Ending the replay keeps the server serving, as the end of a script
//!   always did.
//! - Without `--step`, a `pause` waits for a key on a terminal, and is a
//!   fixed delay when stdin is not one: a pipe held open never hangs it.
//!
//! Every wait is bounded ([`WAIT`]) and fails with what the program printed
//! so far; nothing measures speed. The servers are killed by their pid.

use nix::sys::signal::Signal;
use rexpect::session::{PtySession, spawn_command};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// The longest any expected output may take (a loaded CI machine).
const WAIT: Duration = Duration::from_secs(60);

/// A script written to a fresh file for one test.
fn script(test: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "letitcrash-serve-step-{test}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("demo.crash");
    std::fs::write(&path, text).unwrap();
    path
}

/// `letitcrash serve --port 0 --script FILE [extra]`, plain, its stdin
/// and stdout pipes.
struct Served {
    child: Child,
    stdin: ChildStdin,
    chunks: Receiver<Vec<u8>>,
    output: String,
}

impl Served {
    fn start(path: &std::path::Path, extra: &[&str]) -> Served {
        let mut child = Command::new(env!("CARGO_BIN_EXE_letitcrash"))
            .env("NO_COLOR", "1")
            .env_remove("CLICOLOR_FORCE")
            .args(["--schedulers", "2", "serve", "--port", "0", "--script"])
            .arg(path)
            .args(extra)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start letitcrash serve");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        // The prompt in step mode ends no line: read bytes as they come,
        // on a thread, so every wait below can be bounded.
        let (send, chunks) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 || send.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Served {
            child,
            stdin,
            chunks,
            output: String::new(),
        }
    }

    /// Reads until `done` holds for everything printed so far.
    fn until(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + WAIT;
        while !done(&self.output) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.chunks.recv_timeout(left) {
                Ok(bytes) => self.output.push_str(&String::from_utf8_lossy(&bytes)),
                Err(_) => panic!("waiting for {what}\n--- output so far ---\n{}", self.output),
            }
        }
    }

    /// Reads until `n` prompts are on screen (step mode waits after each).
    fn prompts(&mut self, n: usize) {
        self.until(&format!("{n} prompts"), |out| {
            out.matches("crash> ").count() >= n
        });
    }

    /// One key press, as a pipe gives it: a line.
    fn key(&mut self, line: &str) {
        writeln!(self.stdin, "{line}").unwrap();
        self.stdin.flush().unwrap();
    }

    /// The projector page's address, from the announcement.
    fn addr(&self) -> String {
        let start = self.output.find("http://").expect("announced URL") + "http://".len();
        let rest = &self.output[start..];
        rest[..rest.find('/').unwrap()].to_owned()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The status line of `GET /` on the stage: it is still serving.
fn get_root(addr: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect to the stage");
    stream.set_read_timeout(Some(WAIT)).unwrap();
    write!(stream, "GET / HTTP/1.0\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut reply = Vec::new();
    let _ = stream.read_to_end(&mut reply);
    let reply = String::from_utf8_lossy(&reply);
    reply.lines().next().unwrap_or("").to_owned()
}

const COMMANDS: &str = "\
say \"ready\"
spawn counter as c
call c get
c ! incr
call c get
";

#[test]
fn step_runs_one_command_per_key() {
    let path = script("one-per-key", COMMANDS);
    let mut served = Served::start(&path, &["--step"]);
    served.prompts(1);
    // The narration before the first command needs no key; the first
    // command waits for one.
    assert!(served.output.contains("\nready\n"), "{}", served.output);
    assert!(served.output.ends_with("crash> "), "{}", served.output);

    let commands = ["spawn counter as c", "call c get", "c ! incr", "call c get"];
    for (i, command) in commands.iter().enumerate() {
        let before = served.output.len();
        served.key("");
        if i + 1 < commands.len() {
            // The key ran this command, and the next one waits at its
            // prompt: exactly one command between two prompts.
            served.prompts(i + 2);
        } else {
            served.until("the end of the script", |out| {
                out.contains("serving until Ctrl-C")
            });
        }
        let shown = &served.output[before..];
        assert!(
            shown.starts_with(&format!("{command}\n")),
            "key {}: {shown:?}",
            i + 1
        );
        assert_eq!(
            shown.matches("crash> ").count(),
            usize::from(i + 1 < commands.len())
        );
        if i + 1 < commands.len() {
            assert!(
                !served.output.contains("serving until"),
                "{}",
                served.output
            );
        }
    }
    assert!(
        served.output.contains("crash> call c get\n0\n"),
        "{}",
        served.output
    );
    assert!(
        served.output.contains("crash> call c get\n1\n"),
        "{}",
        served.output
    );
}

#[test]
fn step_pause_takes_a_key_of_its_own_and_q_keeps_serving() {
    // If `pause` did not wait, the first key would run `spawn`, the say
    // would print, and `q` would land on `call`'s prompt: the narration
    // after the beat shows whether the pause took the `q`.
    let path = script(
        "pause",
        "spawn counter as c\npause\nsay \"after the beat\"\ncall c get\n",
    );
    let mut served = Served::start(&path, &["--step"]);
    served.prompts(1);
    served.key("");
    served.key("q");
    served.until("the end of the replay", |out| {
        out.contains("serving until Ctrl-C")
    });
    let out = served.output.clone();
    assert!(out.contains("crash> spawn counter as c\n<0."), "{out}");
    assert!(!out.contains("after the beat"), "{out}");
    assert!(!out.contains("call c get"), "{out}");
    // Quitting the replay is not quitting the server.
    let status = get_root(&served.addr());
    assert!(status.contains(" 200"), "{status}");
    assert!(served.child.try_wait().unwrap().is_none(), "still running");
}

#[test]
fn without_step_a_pause_on_a_pipe_is_a_delay_not_a_hang() {
    // stdin is a pipe held open and never written: a key would never come.
    let path = script(
        "piped-pause",
        "spawn counter as c\nsay \"before the beat\"\npause\nsay \"after the beat\"\ncall c get\n",
    );
    let mut served = Served::start(&path, &[]);
    served.until("the end of the script", |out| {
        out.contains("serving until Ctrl-C")
    });
    let out = &served.output;
    let before = out.find("before the beat").expect(out);
    let after = out.find("after the beat").expect(out);
    assert!(before < after, "{out}");
    assert!(out.contains("crash> call c get\n0\n"), "{out}");
}

/// `serve --script FILE [extra]` on a pseudo-terminal, plain.
fn on_a_terminal(path: &std::path::Path, extra: &[&str]) -> PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_letitcrash"));
    command
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .args(["--schedulers", "2", "serve", "--port", "0", "--script"])
        .arg(path)
        .args(extra);
    spawn_command(command, Some(WAIT.as_millis() as u64)).expect("spawn letitcrash on a pty")
}

/// Waits for `needle`, keeping everything read in `transcript`.
fn expect(pty: &mut PtySession, transcript: &mut String, needle: &str) {
    match pty.exp_string(needle) {
        Ok(before) => {
            transcript.push_str(&before);
            transcript.push_str(needle);
        }
        Err(error) => panic!("waiting for {needle:?}: {error}\n--- so far ---\n{transcript}"),
    }
}

#[test]
fn without_step_a_pause_on_a_terminal_waits_for_a_key() {
    // As above, `q` at the beat shows that the beat took it: played
    // through, the narration after it would be on screen before the
    // server announces it is serving.
    let path = script(
        "tty-pause",
        "say \"before the beat\"\npause\nsay \"after the beat\"\n",
    );
    let mut pty = on_a_terminal(&path, &[]);
    let mut transcript = String::new();
    expect(&mut pty, &mut transcript, "before the beat");
    pty.send("q").unwrap();
    pty.flush().unwrap();
    expect(&mut pty, &mut transcript, "serving until Ctrl-C");
    assert!(!transcript.contains("after the beat"), "{transcript}");
    let _ = pty.process_mut().kill(Signal::SIGKILL);
}

#[test]
fn step_on_a_terminal_takes_single_keys() {
    // On a terminal a key is one press, no Enter: a space runs the first
    // command, `q` at the second prompt ends the replay.
    let path = script("tty-step", COMMANDS);
    let mut pty = on_a_terminal(&path, &["--step"]);
    let mut transcript = String::new();
    expect(&mut pty, &mut transcript, "crash> ");
    pty.send(" ").unwrap();
    pty.flush().unwrap();
    expect(&mut pty, &mut transcript, "spawn counter as c");
    expect(&mut pty, &mut transcript, "crash> ");
    pty.send("q").unwrap();
    pty.flush().unwrap();
    expect(&mut pty, &mut transcript, "serving until Ctrl-C");
    assert!(!transcript.contains("call c get"), "{transcript}");
    let _ = pty.process_mut().kill(Signal::SIGKILL);
}
