//! A `letitcrash serve` of its own, in a child process, for the probes
//! that change what a process may hold (its descriptor limit) or count
//! what it holds (its threads): the test binary's own limits and threads
//! stay out of it.
//!
//! The child runs the binary under test (`CARGO_BIN_EXE_letitcrash`) with
//! `prlimit` setting its descriptor limit, serves on 127.0.0.1 with port
//! 0, and prints its address; its output is read on as it comes (so it
//! never blocks on a full pipe) and kept. Dropping it kills it.

use crate::loopback::WAIT;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::Instant;

pub struct ServeChild {
    child: Child,
    pub addr: SocketAddr,
    stderr: Arc<Mutex<String>>,
}

impl ServeChild {
    /// `letitcrash serve --port 0` with a descriptor limit of `soft`
    /// (and `hard`), started and listening.
    pub fn start(soft: u64, hard: u64) -> ServeChild {
        let mut child = Command::new("prlimit")
            .arg(format!("--nofile={soft}:{hard}"))
            .arg("--")
            .arg(env!("CARGO_BIN_EXE_letitcrash"))
            .args(["serve", "--port", "0"])
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("prlimit (util-linux) runs letitcrash serve");
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        let lines = read_on(stdout, None);
        let said = Arc::new(Mutex::new(String::new()));
        read_on(stderr, Some(said.clone()));
        let deadline = Instant::now() + WAIT;
        let addr = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = lines
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("serve printed no address: {}", said.lock().unwrap()));
            if let Some(at) = line.find("http://") {
                let url = &line[at + "http://".len()..];
                let host = url.split('/').next().unwrap();
                break host.parse::<SocketAddr>().expect("an address");
            }
        };
        assert!(addr.ip().is_loopback(), "{addr}");
        ServeChild {
            child,
            addr,
            stderr: said,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// What the child said on standard error so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits (boundedly) for the child to say `what` on standard error: it
    /// is read on another thread, a moment behind.
    pub fn says(&self, what: &str) -> bool {
        let deadline = Instant::now() + WAIT;
        while !self.stderr().contains(what) {
            if Instant::now() >= deadline {
                return false;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        true
    }

    /// Sets the running child's descriptor limit.
    pub fn set_limit(&self, soft: u64, hard: u64) {
        let status = Command::new("prlimit")
            .arg(format!("--pid={}", self.pid()))
            .arg(format!("--nofile={soft}:{hard}"))
            .status()
            .expect("prlimit runs");
        assert!(status.success(), "prlimit --pid {}", self.pid());
    }

    /// The child's descriptor limit now: (soft, hard), from /proc.
    pub fn limit(&self) -> (u64, u64) {
        let limits = std::fs::read_to_string(format!("/proc/{}/limits", self.pid())).unwrap();
        let line = limits
            .lines()
            .find(|l| l.starts_with("Max open files"))
            .expect("a descriptor limit");
        let numbers: Vec<u64> = line
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        (numbers[0], numbers[1])
    }

    /// The child's threads now.
    pub fn threads(&self) -> usize {
        std::fs::read_dir(format!("/proc/{}/task", self.pid()))
            .map(|tasks| tasks.count())
            .unwrap_or(0)
    }

    /// The child's open descriptors now.
    pub fn descriptors(&self) -> usize {
        std::fs::read_dir(format!("/proc/{}/fd", self.pid()))
            .map(|fds| fds.count())
            .unwrap_or(0)
    }

    /// Still running (it did not die of anything sent to it).
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for ServeChild {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads `from` line by line on a thread of its own until it closes: into
/// `keep` if given, else onto the returned channel.
fn read_on(
    from: impl std::io::Read + Send + 'static,
    keep: Option<Arc<Mutex<String>>>,
) -> Receiver<String> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(from).lines() {
            let Ok(line) = line else { return };
            match &keep {
                Some(keep) => {
                    let mut kept = keep.lock().unwrap();
                    kept.push_str(&line);
                    kept.push('\n');
                }
                // The receiver may be gone (the address was found):
                // keep reading all the same, so the pipe never fills.
                None => {
                    let _ = tx.send(line);
                }
            }
        }
    });
    rx
}
