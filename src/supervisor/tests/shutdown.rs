//! Stopping children (S5) and the order of starts and stops (S6).

use super::support::*;
use crate::runtime::{Atom, SupervisorReport, Term};
use crate::supervisor::{Shutdown, Strategy, SupervisorSpec, api};
use std::time::Duration;

fn terminate(probe: &Probe, sup: crate::runtime::Pid, id: &str) -> Term {
    let id = Term::atom(id);
    probe
        .host
        .run(move |me| async move { api::terminate_child(&me, sup, id).await })
        .unwrap()
        .unwrap()
}

fn terminated_reason(reports: &[SupervisorReport], child: &str) -> Term {
    reports
        .iter()
        .find_map(|r| match r {
            SupervisorReport::ChildTerminated { id, reason, .. } if *id == Atom::new(child) => {
                Some(reason.clone())
            }
            _ => None,
        })
        .expect("a ChildTerminated report")
}

#[test]
fn s5_brutal_kill_kills_even_a_trapping_child() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let spec = SupervisorSpec::default().child(stubborn_spec("s").shutdown(Shutdown::BrutalKill));
    let sup = probe.start("s5_brutal", spec).unwrap();
    let events = rt.subscribe();
    assert_eq!(terminate(&probe, sup, "s"), Term::atom("ok"));
    assert_eq!(
        terminated_reason(&reports(&events), "s"),
        Term::atom("killed")
    );
}

#[test]
fn s5_a_timeout_sends_shutdown_then_kills_after_the_timeout() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let spec = SupervisorSpec::default()
        .child(stubborn_spec("s").shutdown(Shutdown::Timeout(Duration::from_secs(2))));
    let sup = probe.start("s5_timeout", spec).unwrap();
    let events = rt.subscribe();
    let before = rt.now();
    terminate(&probe, sup, "s");
    let waited = rt.now() - before;
    assert!(
        waited >= Duration::from_secs(2),
        "waited {waited:?} before killing"
    );
    assert_eq!(
        terminated_reason(&reports(&events), "s"),
        Term::atom("killed")
    );
}

#[test]
fn s5_a_child_that_ends_within_the_timeout_ends_with_shutdown() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let spec = SupervisorSpec::default().child(
        slow_spec("s", Duration::from_millis(300))
            .shutdown(Shutdown::Timeout(Duration::from_secs(2))),
    );
    let sup = probe.start("s5_clean", spec).unwrap();
    let events = rt.subscribe();
    terminate(&probe, sup, "s");
    assert_eq!(
        terminated_reason(&reports(&events), "s"),
        Term::atom("shutdown")
    );
}

#[test]
fn s5_infinity_waits_as_long_as_it_takes() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let spec = SupervisorSpec::default()
        .child(slow_spec("s", Duration::from_secs(30)).shutdown(Shutdown::Infinity));
    let sup = probe.start("s5_infinity", spec).unwrap();
    let events = rt.subscribe();
    let before = rt.now();
    terminate(&probe, sup, "s");
    assert!(rt.now() - before >= Duration::from_secs(30));
    assert_eq!(
        terminated_reason(&reports(&events), "s"),
        Term::atom("shutdown")
    );
}

#[test]
fn s6_children_start_left_to_right_and_stop_right_to_left() {
    let rt = runtime();
    let events = rt.subscribe();
    let probe = Probe::new(&rt);
    let sup = probe.start_link(abc(Strategy::OneForOne)).unwrap();
    // The supervisor's parent (the probe) dies: the supervisor stops its
    // children, newest first, and exits with the same reason.
    rt.exit(probe.host.pid(), Term::atom("kill"));
    rt.run_until_quiet(SETTLE);
    assert_eq!(rt.death(sup).unwrap().reason, Term::atom("killed"));
    let reports = reports(&events);
    let started: Vec<Atom> = reports
        .iter()
        .filter_map(|r| match r {
            SupervisorReport::ChildStarted { id, .. } => Some(*id),
            _ => None,
        })
        .collect();
    let stopped: Vec<Atom> = reports
        .iter()
        .filter_map(|r| match r {
            SupervisorReport::ChildTerminated { id, .. } => Some(*id),
            _ => None,
        })
        .collect();
    assert_eq!(started, ids(&["a", "b", "c"]));
    assert_eq!(stopped, ids(&["c", "b", "a"]));
}

#[test]
fn s6_s7_a_stop_from_anyone_stops_the_children_right_to_left() {
    // `gen_server:stop(Sup, shutdown, infinity)` from a process that is
    // not its parent: unlike an exit signal from it (trapped, S7), a stop
    // is an order, carried out as for the parent's exit (S6).
    let rt = runtime();
    let owner = Probe::new(&rt);
    let sup = owner.start("s6_stopped", abc(Strategy::OneForOne)).unwrap();
    let events = rt.subscribe();
    let stranger = Probe::new(&rt);
    let stopped = stranger
        .host
        .run(move |me| async move { api::stop(&me, sup, Term::atom("shutdown")).await })
        .unwrap();
    assert_eq!(stopped, Ok(()));
    assert!(!rt.is_alive(sup), "gone when the stop returns");
    assert_eq!(rt.death(sup).unwrap().reason, Term::atom("shutdown"));
    let stopped: Vec<Atom> = reports(&events)
        .iter()
        .filter_map(|r| match r {
            SupervisorReport::ChildTerminated { id, .. } => Some(*id),
            _ => None,
        })
        .collect();
    assert_eq!(stopped, ids(&["c", "b", "a"]));
    // A second stop finds nobody.
    let again = stranger
        .host
        .run(move |me| async move { api::stop(&me, sup, Term::atom("shutdown")).await })
        .unwrap();
    assert_eq!(again, Err(Term::atom("noproc")));
}

#[test]
fn s6_a_child_that_fails_to_start_fails_the_supervisor() {
    let rt = runtime();
    let events = rt.subscribe();
    let probe = Probe::new(&rt);
    let spec = SupervisorSpec::default()
        .child(worker_spec("a"))
        .child(failing_spec("b"))
        .child(worker_spec("c"));
    let result = probe.start("s6_fail", spec);
    assert_eq!(
        result.map_err(|e| e.to_string()),
        Err("{shutdown,{failed_to_start_child,b,bad_start}}".to_string())
    );
    let reports = reports(&events);
    assert!(reports.iter().any(
        |r| matches!(r, SupervisorReport::ChildTerminated { id, .. } if *id == Atom::new("a"))
    ));
    assert!(
        !reports.iter().any(
            |r| matches!(r, SupervisorReport::ChildStarted { id, .. } if *id == Atom::new("c"))
        )
    );
    assert_eq!(rt.whereis(Atom::new("s6_fail")), None);
    assert!(probe.host.is_alive());
}
