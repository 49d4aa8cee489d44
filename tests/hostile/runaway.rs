//! Runaway processes: the probes of issue 22 that took all the memory
//! before there were limits (a list grown for ever, `++` doubling, a
//! recursion holding big lists, a mailbox flood, a spawn loop,
//! `list_to_atom` in a loop), each run by the real binary as a presenter
//! would run it: piped mode, live, on mimalloc as the release build is, so
//! what the operating system sees is what a stage would see.
//!
//! Each test asserts that the runaway was stopped at its limit (killed
//! with the heap-limit line and OTP's report, or refused with
//! `system_limit`), that `ps` answered throughout, and that resident
//! memory came back to within twice the session's baseline within ten
//! seconds of the end (atoms excepted: as on the BEAM they are never
//! freed, so there the test bounds what the full table costs). The limits
//! are the command line's, set low (32 MiB of heap, 50,000 processes,
//! 20,000 atoms) so that a debug build gets there in a second or two; the
//! defaults are the same code with bigger numbers (docs/benchmarks.md has
//! the release build's figures at the defaults).
//!
//! Timing is only ever a bound on waiting: `ps` must answer within
//! [`PS_ANSWERS_WITHIN`] (the goal is under a second; this is the
//! generous bound of a shared machine), a runaway must be stopped within
//! [`STOPPED_WITHIN`]. A child over [`RESIDENT_CEILING`] is killed and the
//! test fails, so a broken limit cannot take the machine's memory.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PS_ANSWERS_WITHIN: Duration = Duration::from_secs(5);
const STOPPED_WITHIN: Duration = Duration::from_secs(120);
/// How long memory has to come back after the runaway is gone.
const MEMORY_BACK_WITHIN: Duration = Duration::from_secs(10);
const RESIDENT_CEILING: u64 = 2 << 30;
/// 32 MiB of heap.
const HEAP_WORDS: &str = "4194304";

/// The binary, running a script in piped mode, its transcript collected
/// line by line with the time each line came.
struct Session {
    child: Child,
    transcript: Arc<Mutex<Vec<(Instant, String)>>>,
    peak: u64,
}

impl Session {
    fn start(args: &[&str], script: &str) -> Session {
        let mut child = Command::new(env!("CARGO_BIN_EXE_letitcrash"))
            .args(args)
            .env("NO_COLOR", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary starts");
        let stdout = child.stdout.take().expect("piped");
        let transcript = Arc::new(Mutex::new(Vec::new()));
        let lines = transcript.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                lines.lock().unwrap().push((Instant::now(), line));
            }
        });
        let mut stdin = child.stdin.take().expect("piped");
        stdin.write_all(script.as_bytes()).unwrap();
        drop(stdin);
        Session {
            child,
            transcript,
            peak: 0,
        }
    }

    /// Resident memory now (0 once the child is gone).
    fn resident(&mut self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        let bytes = status
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|rest| {
                rest.trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .ok()
            })
            .map_or(0, |kb| kb * 1024);
        self.peak = self.peak.max(bytes);
        if bytes > RESIDENT_CEILING {
            let _ = self.child.kill();
            panic!(
                "resident memory {} MiB, past the ceiling: no limit held\n{}",
                bytes >> 20,
                self.text()
            );
        }
        bytes
    }

    /// Waits for a transcript line that contains `needle`, watching the
    /// memory meanwhile; false if `limit` passes first.
    fn wait_for(&mut self, needle: &str, limit: Duration) -> bool {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if self.has(needle) {
                return true;
            }
            self.resident();
            std::thread::sleep(Duration::from_millis(50));
        }
        self.has(needle)
    }

    fn has(&self, needle: &str) -> bool {
        self.transcript
            .lock()
            .unwrap()
            .iter()
            .any(|(_, line)| line.contains(needle))
    }

    fn text(&self) -> String {
        let lines = self.transcript.lock().unwrap();
        lines
            .iter()
            .map(|(_, line)| line.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The resident memory a moment after `marker` was said: the
    /// session's baseline, before any runaway.
    fn baseline(&mut self, marker: &str) -> u64 {
        assert!(
            self.wait_for(marker, Duration::from_secs(60)),
            "{}",
            self.text()
        );
        std::thread::sleep(Duration::from_millis(500));
        self.resident()
    }

    /// Waits, at most [`MEMORY_BACK_WITHIN`], for resident memory to be
    /// within twice `baseline`; the last reading.
    fn memory_back(&mut self, baseline: u64) -> u64 {
        let deadline = Instant::now() + MEMORY_BACK_WITHIN;
        loop {
            let now = self.resident();
            if now <= 2 * baseline || Instant::now() >= deadline {
                return now;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Waits for the script to end (it ends with `quit`).
    fn finish(&mut self) -> String {
        let deadline = Instant::now() + Duration::from_secs(120);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                // Let the reader take the last lines.
                std::thread::sleep(Duration::from_millis(100));
                return self.text();
            }
            self.resident();
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        panic!("the session did not end\n{}", self.text());
    }

    /// How long each `ps` took to answer: from its echo to the first line
    /// after it.
    fn ps_answers(&self) -> Vec<Duration> {
        let lines = self.transcript.lock().unwrap();
        lines
            .iter()
            .enumerate()
            .filter(|(_, (_, line))| line.starts_with("crash> ps"))
            .map(|(i, (asked, _))| match lines.get(i + 1) {
                Some((answered, _)) => answered.duration_since(*asked),
                None => Duration::MAX,
            })
            .collect()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn mib(bytes: u64) -> u64 {
    bytes >> 20
}

/// The script around a runaway: a baseline, the runaway started with
/// `start` (binding `P`), `ps` while it runs, the wait for its death,
/// `ps` after, and time for the memory to come back.
fn heap_probe(definition: &str, start: &str) -> String {
    format!(
        "{definition}
sleep 1s
say \"baseline\"
sleep 1s
{start}
ps
wait P dead timeout 120s
say \"stopped\"
ps
sleep 12s
ps
quit
"
    )
}

/// Runs a heap probe and checks everything the issue asks: killed at its
/// limit with the line and the report, `ps` answered, memory back.
fn killed_at_its_heap_limit(definition: &str, start: &str) -> String {
    let mut session = Session::start(
        &["--max-heap-size", HEAP_WORDS],
        &heap_probe(definition, start),
    );
    let baseline = session.baseline("baseline");
    assert!(
        session.wait_for("stopped", STOPPED_WITHIN),
        "not stopped: {}",
        session.text()
    );
    let after = session.memory_back(baseline);
    let peak = session.peak;
    let text = session_text_after(session);
    assert!(
        after <= 2 * baseline,
        "resident memory {} MiB ten seconds after the runaway died, baseline {} MiB (peak {} MiB)\n{text}",
        mib(after),
        mib(baseline),
        mib(peak)
    );
    let line = text
        .lines()
        .find(|line| line.contains("✖ heap limit"))
        .unwrap_or_else(|| panic!("no heap-limit line\n{text}"));
    assert!(
        line.contains("over its max_heap_size of 4,194,304 words (32.0 MiB): killed"),
        "{line}"
    );
    // Killed at its limit: measured within three times of it (the budget
    // lets a heap grow by half before the next look, and one BIF can copy
    // a whole list in one go).
    let words: u64 = line
        .split(" reached ")
        .nth(1)
        .and_then(|rest| rest.split(" words").next())
        .map(|n| n.replace(',', "").parse().unwrap())
        .unwrap();
    assert!((4_194_304..3 * 4_194_304).contains(&words), "{line}");
    assert!(
        text.contains("Context:            maximum heap size reached"),
        "{text}"
    );
    assert!(text.contains("exited with killed"), "{text}");
    text
}

/// Waits for the child's end, and checks that every `ps` answered.
fn session_text_after(mut session: Session) -> String {
    let text = session.finish();
    let answers = session.ps_answers();
    assert!(answers.len() >= 3, "{text}");
    for answer in answers {
        assert!(
            answer <= PS_ANSWERS_WITHIN,
            "ps took {answer:?} to answer\n{text}"
        );
    }
    text
}

#[test]
fn a_list_grown_for_ever_is_killed_at_its_heap_limit_and_its_memory_goes_back() {
    killed_at_its_heap_limit(
        "def acc {
  start() -> acc(0, []).
  acc(N, L) -> acc(N + 1, [N | L]).
}",
        "P = spawn acc",
    );
}

#[test]
fn doubling_a_list_with_plus_plus_is_killed_at_its_heap_limit_and_its_memory_goes_back() {
    killed_at_its_heap_limit(
        "def dbl {
  start() -> dbl([1]).
  dbl(L) -> dbl(L ++ L).
}",
        "P = spawn dbl",
    );
}

#[test]
fn a_recursion_holding_a_big_list_a_call_is_killed_at_its_heap_limit_and_its_memory_goes_back() {
    killed_at_its_heap_limit(
        "def seqs {
  start() -> seqs(0).
  seqs(N) -> L = lists:seq(1, 200000), [L | seqs(N + 1)].
}",
        "P = spawn seqs",
    );
}

#[test]
fn a_mailbox_flood_kills_the_receiver_that_never_receives_and_its_memory_goes_back() {
    let text = killed_at_its_heap_limit(
        "def sink {
  start() -> receive never -> ok end.
}
def flood {
  start(To) -> flood(To, 0).
  flood(To, N) -> To ! {msg, N}, flood(To, N + 1).
}",
        "P = spawn sink\nF = spawn flood(P)",
    );
    // It was its mailbox: the line says how many were waiting.
    let line = text.lines().find(|l| l.contains("✖ heap limit")).unwrap();
    assert!(line.contains("messages waiting"), "{line}");
}

#[test]
fn a_spawn_loop_stops_at_the_process_limit_and_ps_sums_up_at_once() {
    let script = "def spawner {
  start() -> loop(0).
  loop(N) -> spawn(fun() -> receive stop -> ok end end), loop(N + 1).
}
log quiet
sleep 1s
say \"baseline\"
sleep 1s
P = spawn spawner
ps
wait P dead timeout 120s
say \"stopped\"
ps
ps 3
reset
say \"reset\"
sleep 12s
ps
quit
";
    let mut session = Session::start(&["--process-limit", "50000"], script);
    let baseline = session.baseline("baseline");
    assert!(
        session.wait_for("reset: a fresh runtime", STOPPED_WITHIN),
        "{}",
        session.text()
    );
    let after = session.memory_back(baseline);
    let peak = session.peak;
    let text = session_text_after(session);
    assert!(
        text.contains("exited with system_limit in spawner:loop/1 line 3"),
        "{text}"
    );
    // The spawner stopped at the limit (itself, the shell and 49,998
    // children), and died of it: what is left is summed up.
    assert!(text.contains("49,999 processes: 49,999 waiting"), "{text}");
    assert!(text.contains("kinds: spawner 49,998, shell 1"), "{text}");
    assert!(
        text.contains("… and 49,949 more: `ps all` lists every process, `ps N` the first N"),
        "{text}"
    );
    assert!(text.contains("… and 49,996 more"), "{text}");
    assert!(
        after <= 2 * baseline,
        "resident memory {} MiB after the reset, baseline {} MiB (peak {} MiB)\n{text}",
        mib(after),
        mib(baseline),
        mib(peak)
    );
}

#[test]
fn list_to_atom_in_a_loop_stops_at_the_atom_limit_and_the_tool_goes_on() {
    let script = "def atoms {
  start() -> atoms(0).
  atoms(N) -> list_to_atom(integer_to_list(N)), atoms(N + 1).
}
sleep 1s
say \"baseline\"
sleep 1s
P = spawn atoms
ps
wait P dead timeout 120s
say \"stopped\"
ps
X = {a_new_atom_for_the_shell}
Y = {ok}
ps
quit
";
    let mut session = Session::start(&["--atom-limit", "20000"], script);
    let baseline = session.baseline("baseline");
    assert!(
        session.wait_for("stopped", STOPPED_WITHIN),
        "{}",
        session.text()
    );
    let now = session.resident();
    let text = session_text_after(session);
    assert!(
        text.contains("exited with system_limit in atoms:atoms/1 line 3"),
        "{text}"
    );
    // The table is full: a new atom from the presenter is refused too,
    // one that exists is not.
    assert!(
        text.contains("error: system_limit: the atom table is full (20000 atoms"),
        "{text}"
    );
    assert!(text.contains("{ok}"), "{text}");
    // Atoms are never freed (as on the BEAM): what the full table costs
    // stays, and is small.
    assert!(
        now < baseline + (64 << 20),
        "{} MiB with the table full, {} MiB before\n{text}",
        mib(now),
        mib(baseline)
    );
}
