//! `bench audience`: the audience demo under a full room, over loopback.
//!
//! N simulated phones (one thread each) join with a name, hold their own
//! event stream open and crash their process at random (every 1 to 4 s,
//! or every `--press-every` ms: 200 is as fast as the rate limit allows)
//! for a fixed time, against the stage's default settings unless
//! `--intensity` says otherwise. Measured: join latency (the POST),
//! crash-to-seen (from sending Crash to the phone's stream showing its
//! process back: restarted by its partition, or started again after the
//! partition or the whole tree came back), lost restarts (not seen within
//! 5 s), failed joins, answers that the tree was down (503), how often the
//! whole tree went down and came back, the server's threads and the
//! process's resident memory. Everything is bounded: loopback only, a
//! fixed duration, a timeout on every read.

use crate::endurance::resident_bytes;
use crate::frontend::open_session;
use crate::session::SessionConfig;
use crate::stage::StageOptions;
use crate::view::Style;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

/// A restart not seen within this long counts as lost.
const SEEN_LIMIT: Duration = Duration::from_secs(5);

/// What one run measured.
#[derive(Debug, Default)]
pub struct AudienceReport {
    pub clients: usize,
    pub seconds: u64,
    pub joins: Vec<Duration>,
    pub failed_joins: usize,
    pub seen: Vec<Duration>,
    pub lost: usize,
    pub refused: usize,
    /// Presses answered 503: the whole tree was down.
    pub unavailable: usize,
    /// Times the whole tree went down, as one phone saw it.
    pub tree_downs: usize,
    pub server_threads: usize,
    pub resident_bytes: u64,
}

/// The p-th percentile of samples already sorted.
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

impl AudienceReport {
    /// Join p50 and p99, then crash-to-seen p50 and p99, for both ways of
    /// printing the report (each sample list sorted once).
    fn percentiles(&mut self) -> [Duration; 4] {
        self.joins.sort_unstable();
        self.seen.sort_unstable();
        [
            percentile(&self.joins, 0.5),
            percentile(&self.joins, 0.99),
            percentile(&self.seen, 0.5),
            percentile(&self.seen, 0.99),
        ]
    }

    pub fn to_line(&mut self) -> String {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let [j50, j99, s50, s99] = self.percentiles();
        format!(
            "audience  {} phones, {} s: join p50 {:.2} ms p99 {:.2} ms ({} failed); crash-to-seen p50 {:.2} ms p99 {:.2} ms over {} ({} lost, {} rate-limited, {} while the tree was down); tree down and back {}; server threads {}; resident {:.1} MiB",
            self.clients,
            self.seconds,
            ms(j50),
            ms(j99),
            self.failed_joins,
            ms(s50),
            ms(s99),
            crate::view::plural(self.seen.len(), "crash", "crashes"),
            self.lost,
            self.refused,
            self.unavailable,
            crate::view::plural(self.tree_downs, "time", "times"),
            self.server_threads,
            self.resident_bytes as f64 / (1024.0 * 1024.0)
        )
    }

    pub fn to_json(&mut self) -> String {
        let us = |d: Duration| d.as_micros();
        let [j50, j99, s50, s99] = self.percentiles();
        format!(
            "{{\"workload\":\"audience\",\"clients\":{},\"seconds\":{},\"join_p50_us\":{},\"join_p99_us\":{},\"failed_joins\":{},\"seen_p50_us\":{},\"seen_p99_us\":{},\"crashes\":{},\"lost\":{},\"rate_limited\":{},\"unavailable\":{},\"tree_downs\":{},\"server_threads\":{},\"resident_bytes\":{}}}",
            self.clients,
            self.seconds,
            us(j50),
            us(j99),
            self.failed_joins,
            us(s50),
            us(s99),
            crate::view::plural(self.seen.len(), "crash", "crashes"),
            self.lost,
            self.refused,
            self.unavailable,
            crate::view::plural(self.tree_downs, "time", "times"),
            self.server_threads,
            self.resident_bytes
        )
    }
}

/// The room a run simulates.
#[derive(Clone, Debug)]
pub struct Room {
    pub clients: usize,
    pub duration: Duration,
    /// Each phone presses this often; `None`: at random every 1 to 4 s.
    pub press_every: Option<Duration>,
    /// The partitions' intensity; `None`: the stage's default.
    pub intensity: Option<u32>,
}

/// `letitcrash bench audience --clients N --seconds S [--press-every MS]`.
pub fn run_cli(room: &Room, json: bool) -> std::process::ExitCode {
    let mut report = run(room);
    if json {
        println!("{}", report.to_json());
    } else {
        println!("{}", report.to_line());
    }
    std::process::ExitCode::SUCCESS
}

/// Runs the room: a live session with the stage on 127.0.0.1 and the
/// audience open with the settings `serve` uses.
pub fn run(room: &Room) -> AudienceReport {
    // As for the other benchmarks (see `bench::run`): without it, most of
    // the run's time went to zeroing a fresh huge page for each phone
    // thread's heap, which measured the phones, not the stage.
    #[cfg(target_os = "linux")]
    if let Err(error) = nix::sys::prctl::set_thp_disable(true) {
        eprintln!("bench: could not turn transparent huge pages off: {error}");
    }
    let (clients, duration) = (room.clients, room.duration);
    let mut session = open_session(SessionConfig::live(Style::PLAIN));
    let options = StageOptions {
        port: 0,
        public: false,
    };
    crate::stage::control::start(&mut session, &options).expect("the stage starts");
    let addr = crate::stage::control::address(&session).expect("on");
    let mut lines = Vec::new();
    if let Some(n) = room.intensity {
        lines.push(format!("audience intensity {n}"));
    }
    lines.push("audience open".to_owned());
    for line in lines {
        let stmt = crate::commands::parse_line(&line)
            .ok()
            .flatten()
            .expect("parses");
        session.eval(&stmt);
    }
    let press_every = room.press_every;
    let start = Arc::new(Barrier::new(clients + 1));
    let phones: Vec<_> = (0..clients)
        .map(|i| {
            let start = start.clone();
            std::thread::Builder::new()
                .name("bench-phone".into())
                .stack_size(128 * 1024)
                .spawn(move || phone(addr, i, duration, press_every, &start))
                .expect("spawn a phone")
        })
        .collect();
    start.wait();
    // Measured while every phone holds its stream open.
    std::thread::sleep(duration / 2);
    let server_threads = threads_not_named("bench-phone").saturating_sub(1);
    let resident = resident_bytes();
    let mut report = AudienceReport {
        clients,
        seconds: duration.as_secs(),
        server_threads,
        resident_bytes: resident,
        ..AudienceReport::default()
    };
    for phone in phones {
        let Ok(result) = phone.join() else {
            report.failed_joins += 1;
            continue;
        };
        match result.join {
            Some(latency) => report.joins.push(latency),
            None => report.failed_joins += 1,
        }
        report.seen.extend(result.seen);
        report.lost += result.lost;
        report.refused += result.refused;
        report.unavailable += result.unavailable;
        report.tree_downs = report.tree_downs.max(result.tree_downs);
    }
    report
}

/// Threads of this process whose name is not `name` (the main thread
/// included: the caller subtracts it).
fn threads_not_named(name: &str) -> usize {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0;
    };
    tasks
        .filter_map(Result::ok)
        .filter(|task| {
            std::fs::read_to_string(task.path().join("comm"))
                .map(|comm| comm.trim() != name)
                .unwrap_or(false)
        })
        .count()
}

#[derive(Default)]
struct PhoneResult {
    join: Option<Duration>,
    seen: Vec<Duration>,
    lost: usize,
    refused: usize,
    unavailable: usize,
    tree_downs: usize,
}

/// One phone: join, follow, crash at random until the time is up.
fn phone(
    addr: SocketAddr,
    index: usize,
    duration: Duration,
    press_every: Option<Duration>,
    start: &Barrier,
) -> PhoneResult {
    let mut result = PhoneResult::default();
    let mut rng = 0x9E37_79B9_7F4A_7C15u64 ^ (index as u64 + 1).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let first = letters.as_bytes()[index % 26] as char;
    let name = format!("{first}phone{index}");
    let began = Instant::now();
    let joined = request(addr, "POST", "/join", None, &format!("name={name}"));
    // Taken before the barrier: the phones that joined first must not
    // count the wait for the last one.
    let join_latency = began.elapsed();
    let cookie = match joined {
        Some((200, headers, _)) => headers
            .lines()
            .find_map(|l| {
                let (name, value) = l.split_once(':')?;
                name.eq_ignore_ascii_case("set-cookie")
                    .then_some(value.trim())
            })
            .and_then(|c| c.split(';').next())
            .map(str::to_owned),
        _ => None,
    };
    start.wait();
    let Some(cookie) = cookie else {
        return result;
    };
    result.join = Some(join_latency);
    let Some(mut stream) = open_stream(addr, &cookie) else {
        return result;
    };
    let deadline = Instant::now() + duration;
    while Instant::now() < deadline {
        let wait = press_every.unwrap_or_else(|| Duration::from_millis(1000 + next() % 3000));
        std::thread::sleep(wait.min(deadline.saturating_duration_since(Instant::now())));
        if Instant::now() >= deadline {
            break;
        }
        let sent = Instant::now();
        match request(addr, "POST", "/crash", Some(&cookie), "") {
            Some((200, _, body)) => {
                let old = json_field(&body, "crashed").unwrap_or_default();
                if wait_restarted(&mut stream, &old, &mut result.tree_downs) {
                    result.seen.push(sent.elapsed());
                } else {
                    result.lost += 1;
                }
            }
            Some((429, _, _)) => result.refused += 1,
            Some((503, _, _)) => result.unavailable += 1,
            _ => result.lost += 1,
        }
    }
    result
}

/// Reads the phone's stream until a frame says its process is back with a
/// pid other than `old` (`started` by its supervisor, or `rejoined` after
/// its partition or the whole tree came back), within [`SEEN_LIMIT`].
/// Counts the times the whole tree went down on the way.
fn wait_restarted(stream: &mut BufReader<TcpStream>, old: &str, tree_downs: &mut usize) -> bool {
    let until = Instant::now() + SEEN_LIMIT;
    let mut line = String::new();
    while Instant::now() < until {
        line.clear();
        match stream.read_line(&mut line) {
            Ok(0) => return false,
            Ok(_) => {
                let Some(data) = line.strip_prefix("data: ") else {
                    continue;
                };
                let kind = json_field(data, "type");
                if kind.as_deref() == Some("audience_down") {
                    *tree_downs += 1;
                }
                if matches!(kind.as_deref(), Some("started" | "rejoined"))
                    && json_field(data, "pid").is_some_and(|pid| !pid.is_empty() && pid != old)
                {
                    return true;
                }
            }
            Err(e)
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => return false,
        }
    }
    false
}

fn open_stream(addr: SocketAddr, cookie: &str) -> Option<BufReader<TcpStream>> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(1))).ok()?;
    let head = format!(
        "GET /events/me HTTP/1.1\r\nHost: {addr}\r\nCookie: {cookie}\r\nAccept: text/event-stream\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).ok()?;
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    line.starts_with("HTTP/1.1 200").then_some(reader)
}

/// One request on its own connection: (status, head, body).
fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    body: &str,
) -> Option<(u16, String, String)> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let cookie = cookie
        .map(|c| format!("Cookie: {c}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\n{cookie}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(head.as_bytes()).ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    let (head, body) = answer.split_once("\r\n\r\n")?;
    let status = head.split(' ').nth(1)?.parse().ok()?;
    Some((status, head.to_owned(), body.to_owned()))
}

/// A string field of a flat JSON object (the stage's own answers).
fn json_field(json: &str, key: &str) -> Option<String> {
    let at = json.find(&format!("\"{key}\":\""))? + key.len() + 4;
    let end = json[at..].find('"')?;
    Some(json[at..at + end].to_owned())
}
