//! Deterministic mode: same seed, same run, byte for byte.

use super::support::*;
use crate::runtime::{Atom, Config, Runtime, Term};
use std::time::Duration;

/// A scenario with everything that could make a run vary: many processes
/// competing, links, monitors, crashes, timers and trapped exits.
fn scenario(seed: u64) -> String {
    let rt = Runtime::new(Config::deterministic(seed));
    let events = rt.subscribe();
    let watcher = probe(&rt, true);
    let mut victims = Vec::new();
    for i in 0..20 {
        let x = spawn_exits_on_demand(&rt);
        rt.trace(x, true);
        watcher
            .run(move |me| async move {
                if i % 2 == 0 {
                    me.link(x).unwrap();
                } else {
                    me.monitor(x);
                }
                me.send_after(
                    Duration::from_millis(10 * i),
                    x,
                    Term::tuple([Term::atom("exit_with"), Term::int(i as i64)]),
                );
            })
            .unwrap();
        victims.push(x);
    }
    let ticker = rt.spawn("ticker", |me| async move {
        for tick in 0..5 {
            me.sleep(Duration::from_millis(30)).await;
            me.print(format!("tick {tick}"));
        }
        Term::normal()
    });
    rt.register(Atom::new("ticker"), ticker).unwrap();
    rt.advance(Duration::from_secs(1));
    let trapped = drain(&watcher);
    let log: Vec<String> = events.try_iter().map(|e| format!("{e:?}")).collect();
    format!("{}\n--\n{:?}\n{:?}", log.join("\n"), trapped, rt.now())
}

#[test]
fn the_same_seed_gives_a_byte_identical_event_log() {
    let first = scenario(42);
    let second = scenario(42);
    assert!(first.lines().count() > 100, "the scenario does something");
    assert_eq!(first, second);
}

#[test]
fn virtual_time_jumps_over_idle_stretches() {
    let rt = runtime();
    let p = probe(&rt, false);
    let target = p.pid();
    let start = rt.now();
    p.run(move |me| async move { me.send_after(Duration::from_secs(30), target, Term::atom("later")) })
        .unwrap();
    rt.advance(Duration::from_secs(29));
    assert!(drain(&p).is_empty());
    rt.advance(Duration::from_secs(1));
    assert_eq!(drain(&p), vec![atom("later")]);
    let elapsed = rt.now() - start;
    assert!(
        elapsed >= Duration::from_secs(30) && elapsed < Duration::from_secs(31),
        "{elapsed:?}"
    );
}

#[test]
fn a_busy_system_does_not_hang_run_until_quiet() {
    let rt = runtime();
    rt.spawn("spinner", |me| async move {
        loop {
            me.work(100).await;
        }
    });
    let outcome = rt.run_until_quiet(Duration::from_millis(50));
    assert_eq!(outcome, crate::runtime::Outcome::TimedOut);
    assert!(rt.now() >= Duration::from_millis(50));
}

#[test]
fn waiting_for_the_impossible_is_reported_not_hung() {
    let rt = runtime();
    let p = probe(&rt, false);
    let result = p.run(|me| async move { me.receive().await });
    assert_eq!(result, Err(crate::runtime::HostError::Stuck));
}

#[test]
fn a_job_given_up_on_frees_the_host_for_the_next() {
    let rt = runtime();
    let p = probe(&rt, false);
    let stuck = p.run(|me| async move { me.receive().await });
    assert_eq!(stuck, Err(crate::runtime::HostError::Stuck));
    // The abandoned receive does not take the message meant for the next job.
    let me = p.pid();
    p.run(move |process| async move { process.send(me, Term::atom("hello")) })
        .unwrap();
    let next = p.run(|me| async move { me.try_receive() }).unwrap();
    assert_eq!(next, Some(Term::atom("hello")));
}

#[test]
fn a_program_run_within_a_native_body_waits_and_yields_as_that_process() {
    use crate::runtime::{Process, Program, Step, run_within};
    /// Waits for one message, then spins through two slices' worth of
    /// reductions, and ends with the message as its "exit reason".
    struct Echo {
        got: Option<Term>,
        spun: u32,
    }
    impl Program for Echo {
        fn run(&mut self, process: &Process) -> Step {
            if self.got.is_none() {
                match process.try_receive() {
                    Some(message) => self.got = Some(message),
                    None => return Step::Wait { until: None },
                }
            }
            while self.spun < 10_000 {
                if process.budget_left() <= 0 {
                    return Step::Yield;
                }
                process.bump_reductions(1);
                self.spun += 1;
            }
            Step::Exit(self.got.take().unwrap())
        }
    }
    let rt = runtime();
    let p = probe(&rt, false);
    let me = p.pid();
    rt.spawn("sender", move |sender| async move {
        sender.sleep(Duration::from_millis(5)).await;
        sender.send(me, Term::atom("ping"));
        Term::normal()
    });
    let result = p
        .run(|me| async move {
            let mut program = Echo { got: None, spun: 0 };
            run_within(&me, &mut program).await
        })
        .unwrap();
    assert_eq!(result, Term::atom("ping"));
    assert!(rt.is_alive(me), "the program's end is not the process's");
}
