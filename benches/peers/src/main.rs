//! `letitcrash bench spawn` and `bench ring` on the Rust actor libraries a
//! user would otherwise pick, for docs/benchmarks.md:
//!
//! ```sh
//! cd benches/peers && cargo run --release -- tokio spawn --procs 1000000
//! cargo run --release -- ractor ring --procs 1000 --hops 1000000 --schedulers 2
//! ```
//!
//! The same definitions as ours (src/bench/spawn.rs, src/bench/ring.rs):
//!
//! - spawn N: from the first spawn until every actor has started (its start
//!   hook or first poll has run), divided by N; bytes: growth of the
//!   resident set divided by N (the vector of handles included, as ours
//!   includes its vector of pids).
//! - ring N × H: N actors, each holding the next one's address; one token
//!   (a hop count) goes around H hops; ns per hop.
//!
//! One JSON line per run, in `letitcrash bench --json`'s format, with
//! `"revision": "peer-<library>"`. tokio, ractor and kameo run on a tokio
//! multi-thread runtime with `--schedulers` workers; actix runs its actors
//! on one `System` thread (its actors are `!Send`, one arbiter each), so
//! its figures are single-threaded whatever `--schedulers` says.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Args {
    library: String,
    workload: String,
    procs: usize,
    hops: u64,
    schedulers: usize,
}

fn parse() -> Args {
    let mut args = std::env::args().skip(1);
    let usage = "usage: letitcrash-peers tokio|ractor|kameo|actix spawn|ring \
                 [--procs N] [--hops H] [--schedulers S]";
    let library = args.next().expect(usage);
    let workload = args.next().expect(usage);
    let mut parsed = Args {
        library,
        workload,
        procs: 0,
        hops: 1_000_000,
        schedulers: 2,
    };
    while let Some(flag) = args.next() {
        let value = args.next().expect(usage);
        match flag.as_str() {
            "--procs" => parsed.procs = value.parse().expect("--procs N"),
            "--hops" => parsed.hops = value.parse().expect("--hops H"),
            "--schedulers" => parsed.schedulers = value.parse().expect("--schedulers S"),
            _ => panic!("{usage}"),
        }
    }
    if parsed.procs == 0 {
        parsed.procs = if parsed.workload == "spawn" { 1_000_000 } else { 1_000 };
    }
    parsed
}

fn main() {
    let args = parse();
    let figures = match args.library.as_str() {
        "actix" => actix_side::run(&args),
        _ => {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(args.schedulers)
                .build()
                .expect("a tokio runtime");
            runtime.block_on(async {
                match (args.library.as_str(), args.workload.as_str()) {
                    ("tokio", "spawn") => tokio_side::spawn(args.procs).await,
                    ("tokio", "ring") => tokio_side::ring(args.procs, args.hops).await,
                    ("ractor", "spawn") => ractor_side::spawn(args.procs).await,
                    ("ractor", "ring") => ractor_side::ring(args.procs, args.hops).await,
                    ("kameo", "spawn") => kameo_side::spawn(args.procs).await,
                    ("kameo", "ring") => kameo_side::ring(args.procs, args.hops).await,
                    (library, workload) => panic!("unknown: {library} {workload}"),
                }
            })
        }
    };
    let params = if args.workload == "spawn" {
        format!("{{\"procs\":{}}}", args.procs)
    } else {
        format!("{{\"procs\":{},\"hops\":{}}}", args.procs, args.hops)
    };
    let schedulers = if args.library == "actix" { 1 } else { args.schedulers };
    println!(
        "{{\"name\":\"{}\",\"params\":{params},\"figures\":{{{}}},\"schedulers\":{schedulers},\"revision\":\"peer-{}\"}}",
        args.workload,
        figures
            .iter()
            .map(|(k, v)| format!("\"{k}\":{v:.1}"))
            .collect::<Vec<_>>()
            .join(","),
        args.library
    );
}

type Figures = Vec<(&'static str, f64)>;

fn spawn_figures(procs: usize, elapsed: Duration, rss_before: u64) -> Figures {
    let bytes = resident_bytes().saturating_sub(rss_before) as f64 / procs as f64;
    vec![
        ("ns_per_spawn", elapsed.as_nanos() as f64 / procs as f64),
        ("bytes_per_process", bytes),
    ]
}

fn ring_figures(hops: u64, elapsed: Duration) -> Figures {
    vec![("ns_per_hop", elapsed.as_nanos() as f64 / hops.max(1) as f64)]
}

/// Waits (yielding) until `count` reaches `target`.
async fn until_count(count: &AtomicUsize, target: usize) {
    while count.load(Ordering::Acquire) < target {
        tokio::task::yield_now().await;
    }
}

/// Resident memory of this process, from /proc.
fn resident_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// Plain tokio tasks with unbounded channels: the floor for "an actor".
mod tokio_side {
    use super::*;
    use tokio::sync::mpsc;

    pub async fn spawn(procs: usize) -> Figures {
        let started = Arc::new(AtomicUsize::new(0));
        let rss_before = resident_bytes();
        let start = Instant::now();
        let mut senders = Vec::with_capacity(0);
        for _ in 0..procs {
            let (tx, mut rx) = mpsc::unbounded_channel::<()>();
            let started = started.clone();
            tokio::spawn(async move {
                started.fetch_add(1, Ordering::Release);
                rx.recv().await;
            });
            senders.push(tx);
        }
        until_count(&started, procs).await;
        let elapsed = start.elapsed();
        let figures = spawn_figures(procs, elapsed, rss_before);
        drop(senders);
        figures
    }

    pub async fn ring(procs: usize, hops: u64) -> Figures {
        let (done_tx, mut done_rx) = mpsc::unbounded_channel::<()>();
        let channels: Vec<_> = (0..procs).map(|_| mpsc::unbounded_channel::<u64>()).collect();
        let senders: Vec<_> = channels.iter().map(|(tx, _)| tx.clone()).collect();
        for (i, (_, mut rx)) in channels.into_iter().enumerate() {
            let next = senders[(i + 1) % procs].clone();
            let done = done_tx.clone();
            tokio::spawn(async move {
                while let Some(hops) = rx.recv().await {
                    if hops == 0 {
                        let _ = done.send(());
                    } else {
                        let _ = next.send(hops - 1);
                    }
                }
            });
        }
        let start = Instant::now();
        senders[0].send(hops).expect("the ring is up");
        done_rx.recv().await;
        ring_figures(hops, start.elapsed())
    }
}

mod ractor_side {
    use super::*;
    use ractor::{Actor, ActorProcessingErr, ActorRef};

    struct Idle;

    impl Actor for Idle {
        type Msg = ();
        type State = ();
        type Arguments = Arc<AtomicUsize>;

        async fn pre_start(
            &self,
            _myself: ActorRef<()>,
            started: Arc<AtomicUsize>,
        ) -> Result<(), ActorProcessingErr> {
            started.fetch_add(1, Ordering::Release);
            Ok(())
        }
    }

    pub async fn spawn(procs: usize) -> Figures {
        let started = Arc::new(AtomicUsize::new(0));
        let rss_before = resident_bytes();
        let start = Instant::now();
        let mut actors = Vec::with_capacity(0);
        for _ in 0..procs {
            // `spawn` returns once the actor's `pre_start` has run.
            let (actor, _) = Actor::spawn(None, Idle, started.clone())
                .await
                .expect("spawned");
            actors.push(actor);
        }
        until_count(&started, procs).await;
        let elapsed = start.elapsed();
        let figures = spawn_figures(procs, elapsed, rss_before);
        for actor in actors {
            actor.stop(None);
        }
        figures
    }

    enum Hop {
        Next(ActorRef<Hop>),
        Token(u64),
    }

    struct Member {
        done: tokio::sync::mpsc::UnboundedSender<()>,
    }

    impl Actor for Member {
        type Msg = Hop;
        type State = Option<ActorRef<Hop>>;
        type Arguments = ();

        async fn pre_start(
            &self,
            _myself: ActorRef<Hop>,
            _: (),
        ) -> Result<Self::State, ActorProcessingErr> {
            Ok(None)
        }

        async fn handle(
            &self,
            _myself: ActorRef<Hop>,
            message: Hop,
            next: &mut Self::State,
        ) -> Result<(), ActorProcessingErr> {
            match message {
                Hop::Next(actor) => *next = Some(actor),
                Hop::Token(0) => {
                    let _ = self.done.send(());
                }
                Hop::Token(hops) => {
                    let _ = next.as_ref().expect("linked").cast(Hop::Token(hops - 1));
                }
            }
            Ok(())
        }
    }

    pub async fn ring(procs: usize, hops: u64) -> Figures {
        let (done, mut done_rx) = tokio::sync::mpsc::unbounded_channel();
        let mut members = Vec::with_capacity(procs);
        for _ in 0..procs {
            let member = Member { done: done.clone() };
            let (actor, _) = Actor::spawn(None, member, ()).await.expect("spawned");
            members.push(actor);
        }
        for (i, member) in members.iter().enumerate() {
            let next = members[(i + 1) % procs].clone();
            member.cast(Hop::Next(next)).expect("alive");
        }
        let start = Instant::now();
        members[0].cast(Hop::Token(hops)).expect("alive");
        done_rx.recv().await;
        let figures = ring_figures(hops, start.elapsed());
        for member in members {
            member.stop(None);
        }
        figures
    }
}

mod kameo_side {
    use super::*;
    use kameo::Actor;
    use kameo::actor::{ActorRef, Spawn};
    use kameo::error::Infallible;
    use kameo::message::{Context, Message};

    struct Idle;

    impl Actor for Idle {
        type Args = Arc<AtomicUsize>;
        type Error = Infallible;

        async fn on_start(started: Self::Args, _: ActorRef<Self>) -> Result<Self, Infallible> {
            started.fetch_add(1, Ordering::Release);
            Ok(Idle)
        }
    }

    pub async fn spawn(procs: usize) -> Figures {
        let started = Arc::new(AtomicUsize::new(0));
        let rss_before = resident_bytes();
        let start = Instant::now();
        let actors: Vec<_> = (0..procs).map(|_| Idle::spawn(started.clone())).collect();
        until_count(&started, procs).await;
        let elapsed = start.elapsed();
        let figures = spawn_figures(procs, elapsed, rss_before);
        drop(actors);
        figures
    }

    struct Member {
        next: Option<ActorRef<Member>>,
        done: tokio::sync::mpsc::UnboundedSender<()>,
    }

    impl Actor for Member {
        type Args = Self;
        type Error = Infallible;

        async fn on_start(state: Self, _: ActorRef<Self>) -> Result<Self, Infallible> {
            Ok(state)
        }
    }

    struct Next(ActorRef<Member>);
    struct Token(u64);

    impl Message<Next> for Member {
        type Reply = ();

        async fn handle(&mut self, Next(next): Next, _: &mut Context<Self, ()>) {
            self.next = Some(next);
        }
    }

    impl Message<Token> for Member {
        type Reply = ();

        async fn handle(&mut self, Token(hops): Token, _: &mut Context<Self, ()>) {
            if hops == 0 {
                let _ = self.done.send(());
            } else {
                let next = self.next.as_ref().expect("linked");
                let _ = next.tell(Token(hops - 1)).await;
            }
        }
    }

    pub async fn ring(procs: usize, hops: u64) -> Figures {
        let (done, mut done_rx) = tokio::sync::mpsc::unbounded_channel();
        let members: Vec<_> = (0..procs)
            .map(|_| {
                Member::spawn(Member {
                    next: None,
                    done: done.clone(),
                })
            })
            .collect();
        for (i, member) in members.iter().enumerate() {
            let next = members[(i + 1) % procs].clone();
            member.tell(Next(next)).await.expect("alive");
        }
        let start = Instant::now();
        members[0].tell(Token(hops)).await.expect("alive");
        done_rx.recv().await;
        ring_figures(hops, start.elapsed())
    }
}

mod actix_side {
    use super::*;
    use actix::prelude::*;

    struct Idle(Arc<AtomicUsize>);

    impl Actor for Idle {
        type Context = Context<Self>;

        fn started(&mut self, _: &mut Context<Self>) {
            self.0.fetch_add(1, Ordering::Release);
        }
    }

    #[derive(Message)]
    #[rtype(result = "()")]
    struct Next(Addr<Member>);

    #[derive(Message)]
    #[rtype(result = "()")]
    struct Token(u64);

    struct Member {
        next: Option<Addr<Member>>,
        done: tokio::sync::mpsc::UnboundedSender<()>,
    }

    impl Actor for Member {
        type Context = Context<Self>;
    }

    impl Handler<Next> for Member {
        type Result = ();

        fn handle(&mut self, Next(next): Next, _: &mut Context<Self>) {
            self.next = Some(next);
        }
    }

    impl Handler<Token> for Member {
        type Result = ();

        fn handle(&mut self, Token(hops): Token, _: &mut Context<Self>) {
            if hops == 0 {
                let _ = self.done.send(());
            } else {
                self.next.as_ref().expect("linked").do_send(Token(hops - 1));
            }
        }
    }

    pub fn run(args: &Args) -> Figures {
        let system = System::new();
        let (procs, hops, workload) = (args.procs, args.hops, args.workload.clone());
        system.block_on(async move {
            if workload == "spawn" {
                let started = Arc::new(AtomicUsize::new(0));
                let rss_before = resident_bytes();
                let start = Instant::now();
                let actors: Vec<_> = (0..procs).map(|_| Idle(started.clone()).start()).collect();
                while started.load(Ordering::Acquire) < procs {
                    actix::clock::sleep(Duration::from_micros(10)).await;
                }
                let elapsed = start.elapsed();
                let figures = spawn_figures(procs, elapsed, rss_before);
                drop(actors);
                figures
            } else {
                let (done, mut done_rx) = tokio::sync::mpsc::unbounded_channel();
                let members: Vec<_> = (0..procs)
                    .map(|_| {
                        Member {
                            next: None,
                            done: done.clone(),
                        }
                        .start()
                    })
                    .collect();
                for (i, member) in members.iter().enumerate() {
                    member.do_send(Next(members[(i + 1) % procs].clone()));
                }
                let start = Instant::now();
                members[0].do_send(Token(hops));
                done_rx.recv().await;
                ring_figures(hops, start.elapsed())
            }
        })
    }
}
