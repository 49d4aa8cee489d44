//! The limits on runaway processes (`runtime/config.rs`): a process's heap
//! against its `max_heap_size`, its mailbox included, and the process
//! limit. The kill is OTP 25's (checked on `erl`): reason `killed`, which
//! links and monitors hear (L2, M2) and no trap saves, after the report.

use super::support::*;
use crate::runtime::term::size::reachable_bytes;
use crate::runtime::{
    Atom, Cause, Config, EventKind, MaxHeapSize, Process, Runtime, SpawnOpts, Step, Term,
};
use std::sync::Arc;
use std::time::Duration;

fn limited(max_heap_size: u64) -> Runtime {
    let mut config = Config::deterministic(7);
    config.max_heap_size = max_heap_size;
    Runtime::new(config)
}

/// Waits for messages it never takes: what a flood's victim does.
async fn never_receives(me: Arc<Process>) -> Term {
    me.receive_matching(|_| false, None).await;
    Term::normal()
}

/// A program that holds a list it makes longer by `step` cells a slice.
struct Grows {
    held: Term,
    step: usize,
}

impl crate::runtime::Program for Grows {
    fn run(&mut self, process: &Process) -> Step {
        for n in 0..self.step {
            self.held = Term::cons(Term::int(n as i64), std::mem::take(&mut self.held));
        }
        process.bump_reductions(4000);
        Step::Yield
    }

    fn measure<'a>(&'a self, reach: &mut crate::runtime::term::size::Reach<'a>) {
        reach.add(&self.held);
    }
}

fn grows(step: usize) -> Box<Grows> {
    Box::new(Grows {
        held: Term::NIL,
        step,
    })
}

#[test]
fn l2_m2_a_process_over_its_max_heap_size_is_killed_and_its_links_and_monitors_hear_killed() {
    // 100,000 words is 800 KB: a list of some 33,000 cells.
    let rt = limited(100_000);
    let events = rt.subscribe();
    let host = rt.spawn_host("watcher");
    let (pid, reference) = host
        .run(|me| async move {
            me.set_trap_exit(true);
            let options = SpawnOpts {
                link: true,
                monitor: true,
                max_heap_size: None,
            };
            me.spawn_program_opts("grows", grows(1000), options)
        })
        .unwrap();
    rt.run_until_quiet(Duration::from_secs(60));
    assert_eq!(rt.death(pid).unwrap().reason, atom("killed"));
    let (exit, down) = host
        .run(move |me| async move {
            let exit = me.receive_timeout(Duration::ZERO).await;
            let down = me.receive_timeout(Duration::ZERO).await;
            (exit, down)
        })
        .unwrap();
    let killed = atom("killed");
    assert_eq!(
        exit,
        Some(Term::tuple([
            Term::from_atom(Atom::EXIT),
            Term::pid(pid),
            killed.clone()
        ]))
    );
    let down = down.expect("a 'DOWN'");
    assert!(crate::runtime::process::is_down_for(
        &down,
        reference.unwrap()
    ));
    assert_eq!(down.as_tuple().unwrap()[4], killed);

    // The report first, then the death it caused.
    let events: Vec<_> = events.try_iter().collect();
    let report = events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::HeapLimit {
                pid: p,
                max_heap_size,
                total_heap_size,
                killed: true,
                ..
            } if *p == pid => Some((e.id, *max_heap_size, *total_heap_size)),
            _ => None,
        })
        .expect("a HeapLimit report");
    assert_eq!(report.1, 100_000);
    assert!(report.2 > 100_000, "{report:?}");
    // Measured at most half again past the limit (and one slice's cells).
    assert!(report.2 < 100_000 * 3 / 2 + 3 * 1000 + 1000, "{report:?}");
    let cause = events.iter().find_map(|e| match &e.kind {
        EventKind::Exited { pid: p, cause, .. } if *p == pid => Some(cause.cause.clone()),
        _ => None,
    });
    assert_eq!(
        cause,
        Some(Cause::HeapLimit {
            by: Some(report.0),
            max_heap_size: 100_000,
            total_heap_size: report.2,
        })
    );
}

#[test]
fn l4_trapping_exits_does_not_save_a_process_from_its_heap_limit() {
    let rt = limited(50_000);
    let host = rt.spawn_host("trapper");
    let pid = host
        .run(|me| async move {
            me.set_trap_exit(true);
            me.spawn_program("grows", grows(2000), false)
        })
        .unwrap();
    // The grower traps exits too: no signal is involved.
    rt.set_trap_exit(pid, true);
    rt.run_until_quiet(Duration::from_secs(60));
    assert_eq!(rt.death(pid).unwrap().reason, atom("killed"));
}

#[test]
fn a_mailbox_flood_kills_a_receiver_that_never_takes_a_message() {
    let rt = limited(100_000);
    let victim = rt.spawn("victim", never_receives);
    rt.run_until_quiet(Duration::from_secs(1));
    // Each message a small tuple: the mailbox alone outgrows 800 KB.
    for n in 0..40_000 {
        rt.send(victim, Term::tuple([atom("msg"), Term::int(n)]));
    }
    rt.run_until_quiet(Duration::from_secs(60));
    assert_eq!(rt.death(victim).unwrap().reason, atom("killed"));
}

#[test]
fn a_mailbox_under_the_limit_is_left_alone() {
    let rt = limited(100_000);
    let victim = rt.spawn("victim", never_receives);
    for n in 0..2_000 {
        rt.send(victim, Term::tuple([atom("msg"), Term::int(n)]));
    }
    rt.run_until_quiet(Duration::from_secs(60));
    assert!(rt.is_alive(victim));
    assert_eq!(rt.process_info(victim).unwrap().message_queue_len, 2_000);
}

#[test]
fn a_shared_term_counts_once_in_a_mailbox() {
    // 20,000 messages that are all the same 2,000-cell list: on the BEAM
    // each would be a copy (12 million words), here the list is shared
    // and counted once, so the mailbox is 20,000 slots and one list. The
    // messages are enough to have the heap measured (1 MiB of them at 64
    // bytes each), and the limit has room for the slots and one list.
    // (The queue's capacity: it grows by doubling.)
    let slots =
        20_000usize.next_power_of_two() * std::mem::size_of::<crate::runtime::process::Signal>();
    let list = Term::list((0..2000).map(Term::int));
    let list_bytes = reachable_bytes([&list]) as usize;
    assert_eq!(list_bytes, 2000 * 24);
    let limit = (slots + 10 * list_bytes) / 8;
    let rt = limited(limit as u64);
    let victim = rt.spawn("victim", never_receives);
    for _ in 0..20_000 {
        rt.send(victim, list.clone());
    }
    rt.run_until_quiet(Duration::from_secs(60));
    assert!(rt.is_alive(victim));
    // The same mailbox with 20,000 lists of their own is over it.
    let rt = limited(limit as u64);
    let victim = rt.spawn("victim", never_receives);
    for _ in 0..20_000 {
        rt.send(victim, Term::list((0..2000).map(Term::int)));
    }
    rt.run_until_quiet(Duration::from_secs(60));
    assert_eq!(rt.death(victim).unwrap().reason, atom("killed"));
}

#[test]
fn max_heap_size_zero_is_no_limit_and_kill_false_only_reports() {
    let rt = limited(0);
    let events = rt.subscribe();
    let host = rt.spawn_host("spawner");
    let unlimited = host
        .run(|me| async move { me.spawn_program("grows", grows(1000), false) })
        .unwrap();
    let reported = host
        .run(|me| async move {
            let options = SpawnOpts {
                max_heap_size: Some(MaxHeapSize {
                    words: 20_000,
                    kill: false,
                    error_logger: true,
                }),
                ..SpawnOpts::default()
            };
            me.spawn_program_opts("grows", grows(1000), options).0
        })
        .unwrap();
    rt.run_until(|| false, Duration::from_millis(500));
    assert!(rt.is_alive(unlimited));
    assert!(rt.is_alive(reported));
    let reports = events
        .try_iter()
        .filter(|e| {
            matches!(e.kind, EventKind::HeapLimit { pid, killed: false, .. } if pid == reported)
        })
        .count();
    assert!(reports > 0);
    rt.exit(unlimited, atom("kill"));
    rt.exit(reported, atom("kill"));
}

#[test]
fn a_process_sets_its_own_max_heap_size_and_gets_the_old_one_back() {
    let rt = limited(123_456);
    let host = rt.spawn_host("self");
    let (before, after) = host
        .run(|me| async move {
            let before = me.set_max_heap_size(MaxHeapSize::words(5_000));
            (before, me.max_heap_size())
        })
        .unwrap();
    assert_eq!(before, MaxHeapSize::words(123_456));
    assert_eq!(after, MaxHeapSize::words(5_000));
}

#[test]
fn the_process_limit_refuses_spawns_past_it() {
    let mut config = Config::deterministic(7);
    config.process_limit = 10;
    let rt = crate::behavior::runtime(config);
    let context = crate::runtime::StartContext::none();
    let mut started = Vec::new();
    let refused = loop {
        match crate::behavior::spawn_kind_top(&rt, "idle", &[], &context) {
            Ok(pid) => started.push(pid),
            Err(error) => break error,
        }
        assert!(started.len() <= 10, "no limit");
    };
    assert_eq!(rt.process_count(), 10);
    assert_eq!(started.len(), 10);
    assert!(refused.to_string().starts_with("system_limit"), "{refused}");
    // Once one ends, there is room again.
    rt.exit(started[0], atom("kill"));
    rt.run_until_quiet(Duration::from_secs(1));
    assert!(crate::behavior::spawn_kind_top(&rt, "idle", &[], &context).is_ok());
}
