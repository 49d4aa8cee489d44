//! `letitcrash fuzz`: generated and mutated input for piped mode.
//!
//! A generator writes command-language lines (every command, with random
//! but mostly valid arguments) and `def` blocks of process-language code
//! (random function clauses, expressions, receives and guards), and then
//! mutates a share of them as a typist or a bad paste would: tokens
//! dropped, duplicated, swapped or replaced, brackets and quotes left
//! unbalanced, random bytes inserted, lines cut short, brackets nested far
//! past the limit (closed or not). The lines go to the
//! real binary, `letitcrash --seed 0` with stdin from the generator, in
//! chunks, so that one session does not grow without bound and a hang is
//! caught by a time limit per chunk. For every chunk [`check_transcript`]
//! asserts:
//!
//! - no panic: the exit code is 0 or 1 (101 is a panic, none is a
//!   signal) and stderr does not say `panicked`;
//! - no hang: the chunk ends within `--timeout`;
//! - every error has a caret: each parse error of the chunk (counted by
//!   parsing it in-process with the same parser) is in the transcript as a
//!   block with a `--> <stdin>:LINE:COL` location and a `^` line, each
//!   location once; an error of the process-language compiler (`--> line
//!   N, column M`) has its caret too.
//!
//! A failing chunk is saved under `--save` (default `target/fuzz-failures`)
//! so it can be replayed with `letitcrash --seed 0 < FILE`, and once fixed,
//! kept in `tests/fuzz_corpus/`, where `tests/fuzz_corpus.rs` replays every
//! file with the same checks.
//!
//! Commands that leave the process (`stage on`, `audience open`, writing
//! files with `export ... to`, `tree --svg`, `seq svg`) or that slow down
//! the wall clock (`slowmo`) are not generated: the run is bounded and
//! touches neither the network nor the disk.

use super::Rng;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Clone, Debug)]
pub struct FuzzOptions {
    /// Lines to generate (a `def` block counts all its lines).
    pub lines: u64,
    pub seed: u64,
    /// Lines per session.
    pub chunk: usize,
    /// The longest a chunk may take.
    pub timeout: Duration,
    /// The binary to run (default: this one).
    pub binary: Option<PathBuf>,
    /// Where failing chunks are written.
    pub save: PathBuf,
    /// Sessions run side by side.
    pub jobs: usize,
}

impl Default for FuzzOptions {
    fn default() -> FuzzOptions {
        FuzzOptions {
            lines: 200_000,
            seed: 1,
            chunk: 2_000,
            timeout: Duration::from_secs(30),
            binary: None,
            save: PathBuf::from("target/fuzz-failures"),
            jobs: 2,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct FuzzReport {
    pub lines: u64,
    pub chunks: u64,
    pub mutated: u64,
    /// Parse errors, and transcript lines starting `error:` (parse and
    /// evaluation errors).
    pub parse_errors: u64,
    pub errors: u64,
    pub wall: Duration,
    pub slowest_chunk: Duration,
    pub violations: Vec<String>,
    pub saved: Vec<PathBuf>,
}

impl FuzzReport {
    pub fn passed(&self) -> bool {
        self.violations.is_empty()
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "fuzz: {} lines ({} mutated) in {} chunks, {:.1} s (slowest chunk {:.2} s)",
            self.lines,
            self.mutated,
            self.chunks,
            self.wall.as_secs_f64(),
            self.slowest_chunk.as_secs_f64()
        );
        let _ = writeln!(
            out,
            "  errors: {} in the transcripts, {} of them parse errors (each with its caret)",
            self.errors, self.parse_errors
        );
        if self.passed() {
            let _ = writeln!(out, "fuzz: ok");
        } else {
            let count = crate::view::plural(self.violations.len(), "violation", "violations");
            let _ = writeln!(out, "fuzz: {count}:");
            for violation in self.violations.iter().take(30) {
                let _ = writeln!(out, "  - {violation}");
            }
            for path in &self.saved {
                let _ = writeln!(
                    out,
                    "  saved {}: replay with `letitcrash --seed 0 < {}`",
                    path.display(),
                    path.display()
                );
            }
        }
        out
    }
}

/// What one session did.
pub struct ChunkOutcome {
    pub violations: Vec<String>,
    pub parse_errors: u64,
    pub errors: u64,
    pub took: Duration,
}

/// Runs `input` through `binary --seed 0` (piped mode) with a time limit,
/// and checks the transcript.
pub fn run_chunk(binary: &Path, input: &str, timeout: Duration) -> ChunkOutcome {
    let start = Instant::now();
    let spawned = Command::new(binary)
        .args(["--seed", "0"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(error) => {
            return ChunkOutcome {
                violations: vec![format!("cannot run {}: {error}", binary.display())],
                parse_errors: 0,
                errors: 0,
                took: start.elapsed(),
            };
        }
    };
    // Writing and reading on threads: a full pipe must not block the
    // watchdog below.
    let mut stdin = child.stdin.take().expect("piped");
    let input_owned = input.to_owned();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input_owned.as_bytes());
    });
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout.read_to_end(&mut bytes);
        bytes
    });
    let mut stderr = child.stderr.take().expect("piped");
    let err_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stderr.read_to_end(&mut bytes);
        bytes
    });
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() > timeout => {
                timed_out = true;
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => break None,
        }
    };
    let _ = writer.join();
    let out = String::from_utf8_lossy(&reader.join().unwrap_or_default()).into_owned();
    let err = String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned();
    let took = start.elapsed();
    let mut violations = Vec::new();
    if timed_out {
        violations.push(format!(
            "hang: the session did not end within {:.0} s",
            timeout.as_secs_f64()
        ));
    }
    let code = status.and_then(|s| s.code());
    if !timed_out {
        violations.extend(check_transcript(input, code, &out, &err));
    }
    ChunkOutcome {
        violations,
        parse_errors: crate::commands::parse_script(input)
            .iter()
            .filter(|r| r.is_err())
            .count() as u64,
        errors: out.lines().filter(|l| l.starts_with("error:")).count() as u64,
        took,
    }
}

/// The checks on one session's transcript: `code` is its exit code (`None`
/// when a signal ended it).
pub fn check_transcript(input: &str, code: Option<i32>, out: &str, err: &str) -> Vec<String> {
    let mut violations = Vec::new();
    match code {
        Some(0 | 1) => {}
        Some(code) => violations.push(format!("exit code {code} (101 is a panic)")),
        None => violations.push("ended by a signal".to_owned()),
    }
    if let Some(line) = err.lines().find(|l| l.contains("panicked")) {
        violations.push(format!("stderr: {line}"));
    }
    let expected_parse_errors = crate::commands::parse_script(input)
        .iter()
        .filter(|r| r.is_err())
        .count();
    let lines: Vec<&str> = out.lines().collect();
    let mut stdin_locations = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(location) = line.trim_start().strip_prefix("--> ") else {
            continue;
        };
        if !location.starts_with("<stdin>:") && !location.starts_with("line ") {
            continue;
        }
        // The header is one line: the message, then the location.
        if !lines
            .get(i.wrapping_sub(1))
            .is_some_and(|l| l.starts_with("error"))
        {
            violations.push(format!(
                "the error at {location} has a header of more than one line"
            ));
        }
        // The block: the source line(s) and the caret line follow the
        // location, up to the next line that is not part of the gutter.
        let has_caret = lines[i + 1..]
            .iter()
            .take_while(|l| {
                l.trim_start()
                    .starts_with(|c: char| c.is_ascii_digit() || c == '|')
            })
            .any(|l| l.trim_start().starts_with('|') && l.contains('^'));
        if !has_caret {
            violations.push(format!("an error without a caret line at {location}"));
        }
        if location.starts_with("<stdin>:") {
            stdin_locations.push(location.to_owned());
        }
    }
    if stdin_locations.len() != expected_parse_errors {
        violations.push(format!(
            "{expected_parse_errors} parse errors in the input, {} in the transcript",
            stdin_locations.len()
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for location in &stdin_locations {
        if !seen.insert(location) {
            violations.push(format!("the parse error at {location} is reported twice"));
        }
    }
    violations
}

/// Runs the whole fuzz run.
pub fn run(options: &FuzzOptions) -> FuzzReport {
    let start = Instant::now();
    let binary = options
        .binary
        .clone()
        .or_else(|| std::env::current_exe().ok())
        .unwrap_or_else(|| PathBuf::from("letitcrash"));
    let mut generator = Generator::new(options.seed);
    let mut report = FuzzReport::default();
    let mut chunks = Vec::new();
    while report.lines < options.lines {
        let (chunk, lines, mutated) = generator.chunk(options.chunk);
        report.lines += lines as u64;
        report.mutated += mutated as u64;
        chunks.push(chunk);
    }
    report.chunks = chunks.len() as u64;
    let jobs = options.jobs.max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let outcomes: Vec<(usize, ChunkOutcome)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..jobs)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(chunk) = chunks.get(n) else {
                            break;
                        };
                        mine.push((n, run_chunk(&binary, chunk, options.timeout)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    for (n, outcome) in outcomes {
        report.parse_errors += outcome.parse_errors;
        report.errors += outcome.errors;
        report.slowest_chunk = report.slowest_chunk.max(outcome.took);
        if !outcome.violations.is_empty() {
            for violation in &outcome.violations {
                report.violations.push(format!("chunk {n}: {violation}"));
            }
            let path = options
                .save
                .join(format!("seed-{}-chunk-{n}.crash", options.seed));
            if std::fs::create_dir_all(&options.save).is_ok()
                && std::fs::write(&path, &chunks[n]).is_ok()
            {
                report.saved.push(path);
            }
        }
    }
    report.wall = start.elapsed();
    report
}

/// Makes the lines.
pub struct Generator {
    rng: Rng,
    /// Names of `def`s made so far, so commands can use them.
    defined: Vec<String>,
}

const KINDS: &[&str] = &[
    "idle",
    "echo",
    "sink",
    "counter",
    "counter(5)",
    "state_server",
    "state_server(store)",
    "stateful",
    "stateful(store)",
    "ticker(100ms)",
    "crasher(50ms)",
    "crasher(1s, boom)",
    "crasher(0.5)",
    "spinner(3)",
    "ponger",
    "pinger(p1)",
];
const NAMES: &[&str] = &["a", "b", "c", "w1", "w2", "p1", "store", "demo", "s"];
const VARIABLES: &[&str] = &["W", "X", "R", "Pid", "Ref"];
const STRATEGIES: &[&str] = &[
    "one_for_one",
    "one_for_all",
    "rest_for_one",
    "simple_one_for_one",
];
const REASONS: &[&str] = &[
    "normal",
    "kill",
    "shutdown",
    "boom",
    "{shutdown, x}",
    "crash",
];
const DURATIONS: &[&str] = &[
    "0ms", "10ms", "100ms", "1s", "2s", "500ms", "1", "-1s", "1h",
];

impl Generator {
    pub fn new(seed: u64) -> Generator {
        Generator {
            rng: Rng::new(seed),
            defined: vec!["loop1".to_owned()],
        }
    }

    /// About `lines` lines: whole items (a `def` block is not split), a
    /// `reset` first so the session starts clean. Returns the text, its
    /// line count and how many items were mutated.
    pub fn chunk(&mut self, lines: usize) -> (String, usize, usize) {
        let mut text = String::from("reset\n");
        let mut count = 1;
        let mut mutated = 0;
        while count < lines {
            let item = self.item();
            let item = if self.rng.percent(30) {
                mutated += 1;
                self.mutate(&item)
            } else {
                item
            };
            count += item.lines().count().max(1);
            text.push_str(&item);
            text.push('\n');
        }
        (text, count, mutated)
    }

    fn target(&mut self) -> String {
        match self.rng.below(6) {
            0 => self.rng.pick(VARIABLES).to_string(),
            1 => format!("<0.{}.0>", self.rng.below(40)),
            2 => format!("demo/w{}", self.rng.below(4)),
            _ => self.rng.pick(NAMES).to_string(),
        }
    }

    fn term(&mut self, depth: u32) -> String {
        let leaf = depth > 2 || self.rng.percent(50);
        if leaf {
            return match self.rng.below(9) {
                0 => self.rng.below(1000).to_string(),
                1 => format!("-{}", self.rng.below(99)),
                2 => "3.25".to_owned(),
                3 => "\"text\"".to_owned(),
                4 => "'Quoted atom'".to_owned(),
                5 => self.rng.pick(VARIABLES).to_string(),
                6 => "self()".to_owned(),
                _ => self
                    .rng
                    .pick(&["incr", "decr", "get", "stop", "go", "tick", "ok"])
                    .to_string(),
            };
        }
        let n = self.rng.below(4);
        let parts: Vec<String> = (0..n).map(|_| self.term(depth + 1)).collect();
        match self.rng.below(3) {
            0 => format!("{{{}}}", parts.join(", ")),
            1 => format!("[{}]", parts.join(", ")),
            _ => format!("{{add, {}}}", self.rng.below(10)),
        }
    }

    fn kind(&mut self) -> String {
        if self.rng.percent(20) {
            return self.rng.pick(&self.defined.clone()).clone();
        }
        self.rng.pick(KINDS).to_string()
    }

    fn child(&mut self, n: usize) -> String {
        let kind = self.kind();
        match self.rng.below(5) {
            0 => format!("worker w{n} {kind} transient"),
            1 => format!("worker w{n} {kind} temporary shutdown brutal_kill"),
            2 => format!("worker w{n} {kind} shutdown 100ms"),
            _ => format!("worker w{n} {kind}"),
        }
    }

    /// One statement (maybe several lines).
    fn item(&mut self) -> String {
        let t = self.target();
        match self.rng.below(40) {
            0..=3 => {
                let kind = self.kind();
                let name = self.rng.pick(NAMES).to_string();
                match self.rng.below(5) {
                    0 => format!("spawn {kind} as {name}"),
                    1 => format!("spawn {kind} link"),
                    2 => format!("{} = spawn {kind} monitor", self.rng.pick(VARIABLES)),
                    3 => format!("{} = spawn {kind}", self.rng.pick(VARIABLES)),
                    _ => format!("spawn {kind}"),
                }
            }
            4 => format!("exit {t} {}", self.rng.pick(REASONS)),
            5 => format!("kill {t}"),
            6 => format!("crash {t} {}", self.rng.pick(REASONS)),
            7 => format!("trap {t} {}", self.rng.pick(&["on", "off"])),
            8..=9 => format!("send {t} {}", self.term(0)),
            10 => format!("{t} ! {}", self.term(0)),
            11 => format!(
                "call {t} {} timeout {}",
                self.term(0),
                self.rng.pick(DURATIONS)
            ),
            12 => "flush".to_owned(),
            13 => format!("receive {} timeout 10ms", self.term(1)),
            14 => format!("link {t} {}", self.target()),
            15 => format!("unlink {t}"),
            16 => format!("{} = monitor {t}", self.rng.pick(VARIABLES)),
            17 => format!("demonitor {}", self.rng.pick(VARIABLES)),
            18 => format!("register {} {t}", self.rng.pick(NAMES)),
            19 => format!("unregister {}", self.rng.pick(NAMES)),
            20 => format!("whereis {t}"),
            21..=22 => self.sup(),
            23 => format!("start_child demo {}", self.child(9)),
            // A simple_one_for_one's instance, with extra arguments.
            24 if self.rng.percent(30) => format!("start_child s {}", self.term(1)),
            24 => format!(
                "{} demo w{}",
                self.rng
                    .pick(&["terminate_child", "restart_child", "delete_child"]),
                self.rng.below(4)
            ),
            25 => format!(
                "{} {}",
                self.rng.pick(&["which_children", "count_children", "tree"]),
                self.rng.pick(&["demo", "s", "nosuch"])
            ),
            26 => self
                .rng
                .pick(&[
                    "ps",
                    "regs",
                    "kinds",
                    "help",
                    "help spawn",
                    "help sup",
                    "tree",
                ])
                .to_string(),
            27 => format!(
                "{} {t}",
                self.rng.pick(&["info", "mailbox", "why", "trace"])
            ),
            28 => format!("sleep {}", self.rng.pick(DURATIONS)),
            29 => format!(
                "wait {t} {} timeout 200ms",
                self.rng.pick(&["alive", "dead", "restarted"])
            ),
            30 => format!(
                "expect {} {t}",
                self.rng
                    .pick(&["alive", "dead", "restarts 1", "no_message"])
            ),
            31 => format!("say \"{}\"", self.term(0).replace('"', "'")),
            32 => self
                .rng
                .pick(&[
                    "log quiet",
                    "log normal",
                    "log verbose",
                    "reset",
                    "clear",
                    "# a comment",
                ])
                .to_string(),
            33..=36 => self.def(),
            37 => {
                let name = self.rng.pick(&self.defined.clone()).clone();
                format!(
                    "{} {name}",
                    self.rng
                        .pick(&["show", "versions", "purge", "export", "help"])
                )
            }
            38 => format!(
                "seq {}",
                self.rng.pick(&["on a b", "off", "show", "mermaid"])
            ),
            _ => format!("{} {}", self.rng.pick(VARIABLES), self.term(0)),
        }
    }

    fn sup(&mut self) -> String {
        let strategy = self.rng.pick(STRATEGIES).to_string();
        let name = self.rng.pick(&["demo", "s", "top"]).to_string();
        let n = 1 + self.rng.below(3);
        let mut children: Vec<String> = (0..n).map(|i| self.child(i)).collect();
        if self.rng.percent(20) {
            children.push(format!(
                "sup inner one_for_all transient {{ {} }}",
                self.child(7)
            ));
        }
        let header = format!(
            "sup {name} {strategy} intensity {} period {}",
            self.rng.below(5),
            self.rng.pick(&["1s", "5s", "10"])
        );
        if self.rng.percent(50) {
            format!("{header} {{ {} }}", children.join("; "))
        } else {
            format!("{header} {{\n  {}\n}}", children.join("\n  "))
        }
    }

    fn erlang_expr(&mut self, depth: u32) -> String {
        if depth > 2 || self.rng.percent(35) {
            return match self.rng.below(8) {
                0 => self.rng.below(100).to_string(),
                1 => "N".to_owned(),
                2 => "X".to_owned(),
                3 => "self()".to_owned(),
                4 => "ok".to_owned(),
                5 => "\"str\"".to_owned(),
                6 => "[]".to_owned(),
                _ => "$a".to_owned(),
            };
        }
        let a = self.erlang_expr(depth + 1);
        let b = self.erlang_expr(depth + 1);
        match self.rng.below(17) {
            0 => format!("{a} + {b}"),
            1 => format!("{a} * {b} - 1"),
            2 => format!("{a} div {b}"),
            3 => format!("{{{a}, {b}}}"),
            4 => format!("[{a} | {b}]"),
            5 => format!("case {a} of {{x, Y}} -> Y; _ -> {b} end"),
            6 => format!("if {a} > {b} -> {a}; true -> {b} end"),
            7 => format!("fun(Z) -> Z + {a} end"),
            8 => format!("(fun() -> {a} end)()"),
            9 => format!("{a} ! {b}"),
            10 => format!("erlang:element(1, {{{a}}})"),
            11 => format!("[E || E <- [{a}, {b}], E > 1]"),
            12 => format!("begin {a}, {b} end"),
            13 => format!("<<({a}):8, ({b})/binary, \"t\"/utf8>>"),
            14 => format!("case {a} of <<H:4, T/bits>> -> {{H, T}}; _ -> {b} end"),
            15 => format!("({a}) band ({b}) bsl 3 bxor bnot {b}"),
            _ => format!("try {a} catch _:_ -> {b} end"),
        }
    }

    fn def(&mut self) -> String {
        let name = if self.rng.percent(70) {
            format!("m{}", self.rng.below(8))
        } else {
            self.rng.pick(&["counter", "echo", "loop1"]).to_string()
        };
        if !self.defined.contains(&name) {
            self.defined.push(name.clone());
        }
        let body = self.erlang_expr(0);
        let reply = self.erlang_expr(1);
        let mut lines = vec![format!("def {name} {{")];
        match self.rng.below(3) {
            0 => {
                lines.push("  start() -> loop(0).".to_owned());
                lines.push(format!(
                    "  loop(N) -> receive {{add, X}} when is_integer(X) -> loop(N + X); stop -> {body}; Other -> io:format(\"~p~n\", [Other]), loop(N) after 1000 -> loop(N) end."
                ));
            }
            1 => {
                lines.push(format!("  start() -> X = {body}, {reply}."));
            }
            _ => {
                lines.push("  start(N) -> spawn(fun() -> f(N) end), ok.".to_owned());
                lines.push(format!("  f(0) -> {reply};"));
                lines.push("  f(N) when N > 0 -> f(N - 1).".to_owned());
            }
        }
        lines.push("}".to_owned());
        lines.join("\n")
    }

    /// A mutation of `item`, line by line, as a typo, a bad paste or a
    /// half-finished edit would leave it.
    fn mutate(&mut self, item: &str) -> String {
        let mut lines: Vec<String> = item.lines().map(str::to_owned).collect();
        let times = 1 + self.rng.below(3);
        for _ in 0..times {
            let index = self.rng.below(lines.len());
            let line = std::mem::take(&mut lines[index]);
            lines[index] = self.mutate_line(&line);
        }
        lines.join("\n")
    }

    fn mutate_line(&mut self, line: &str) -> String {
        let mut tokens: Vec<String> = line.split(' ').map(str::to_owned).collect();
        let i = self.rng.below(tokens.len());
        match self.rng.below(11) {
            0 => {
                tokens.remove(i);
            }
            1 => {
                let token = tokens[i].clone();
                tokens.insert(i, token);
            }
            2 => {
                let j = self.rng.below(tokens.len());
                tokens.swap(i, j);
            }
            3 => {
                let token = self
                    .rng
                    .pick(&[
                        "(", ")", "[", "]", "{", "}", "\"", "'", ",", "->", ".", ";", "|", "!",
                        "#", "<0.", "=", "end", "def", "sup", "when", "of", "%", "$", "\\", "<<",
                        ">>", "/binary", ":8",
                    ])
                    .to_string();
                tokens.insert(i, token);
            }
            4 => {
                // Random bytes, printable or not (but valid UTF-8: stdin is
                // read as text).
                let n = 1 + self.rng.below(6);
                let noise: String = (0..n)
                    .map(|_| match self.rng.below(4) {
                        0 => char::from_u32(self.rng.below(0x20) as u32).unwrap_or('?'),
                        1 => char::from_u32(0x80 + self.rng.below(0x700) as u32).unwrap_or('?'),
                        _ => char::from(32 + self.rng.below(95) as u8),
                    })
                    .collect();
                tokens.insert(i, noise);
            }
            5 => {
                // Cut short, possibly inside a token.
                let joined = tokens.join(" ");
                let cut = self.rng.below(joined.len().max(1));
                let cut = (0..=cut)
                    .rev()
                    .find(|&c| joined.is_char_boundary(c))
                    .unwrap_or(0);
                return joined[..cut].to_owned();
            }
            6 => {
                let token = self
                    .rng
                    .pick(&[
                        "999999999999999999999999",
                        "-0",
                        "1.5e308",
                        "0.0",
                        "1e",
                        "16#FF",
                        "$",
                    ])
                    .to_string();
                tokens[i] = token;
            }
            7 => {
                let token = self
                    .rng
                    .pick(&[
                        "spawn",
                        "kill",
                        "send",
                        "call",
                        "link",
                        "monitor",
                        "wait",
                        "expect",
                        "sleep",
                        "as",
                        "timeout",
                        "intensity",
                        "period",
                        "transient",
                    ])
                    .to_string();
                tokens[i] = token;
            }
            10 => {
                // Nesting around a token: just over the limit of 64, or
                // far over it; closed or not.
                let depth = *self.rng.pick(&[63, 65, 200, 5_000]);
                let (open, close) = *self.rng.pick(&[("[", "]"), ("{", "}"), ("(", ")")]);
                let closing = if self.rng.percent(70) {
                    close.repeat(depth)
                } else {
                    String::new()
                };
                tokens[i] = format!("{}{}{closing}", open.repeat(depth), tokens[i]);
            }
            8 => {
                // An unbalanced bracket at the end.
                let opener = self.rng.pick(&["(", "[", "{", "\"", "'", "<<"]).to_string();
                tokens.push(opener);
            }
            _ => {
                let closer = self.rng.pick(&[")", "]", "}", ">>"]).to_string();
                tokens.insert(0, closer);
            }
        }
        tokens.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_reproducible_and_makes_whole_chunks() {
        let (a, lines, _) = Generator::new(3).chunk(200);
        let (b, _, _) = Generator::new(3).chunk(200);
        assert_eq!(a, b);
        assert!(lines >= 200);
        assert!(a.starts_with("reset\n"));
    }

    #[test]
    fn a_transcript_with_a_caretless_parse_error_is_caught() {
        let input = "spawn (\n";
        let out = "error: this `(` is never closed\n --> <stdin>:1:7\n  |\n1 | spawn (\n  |\n";
        let violations = check_transcript(input, Some(1), out, "");
        assert!(
            violations.iter().any(|v| v.contains("without a caret")),
            "{violations:?}"
        );
        let panicked = check_transcript("", Some(101), "", "thread 'main' panicked at x");
        assert_eq!(panicked.len(), 2, "{panicked:?}");
    }
}
