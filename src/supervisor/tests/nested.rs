//! Supervisors are processes, and supervise supervisors (S7).

use super::support::*;
use crate::runtime::{Atom, Term};
use crate::supervisor::{ChildSpec, Strategy, SupervisorSpec, api};
use std::time::Duration;

fn tree() -> SupervisorSpec {
    let inner = SupervisorSpec::default()
        .child(worker_spec("w1"))
        .child(worker_spec("w2"));
    SupervisorSpec::new(Strategy::OneForOne)
        .intensity(3, Duration::from_secs(5))
        .child(ChildSpec::supervisor("inner", inner))
        .child(worker_spec("w3"))
}

#[test]
fn s7_an_inner_supervisor_that_gives_up_is_restarted_with_fresh_children() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let outer = probe.start("s7_outer", tree()).unwrap();
    let inner = probe.child(outer, "inner").unwrap();
    let w3 = probe.child(outer, "w3").unwrap();
    let w2 = probe.child(inner, "w2").unwrap();
    crash(&rt, probe.child(inner, "w1").unwrap(), Term::atom("boom"));
    crash(&rt, probe.child(inner, "w1").unwrap(), Term::atom("boom"));
    assert_eq!(
        rt.death(inner).unwrap().reason,
        Term::atom("shutdown"),
        "inner gave up"
    );
    let new_inner = probe.child(outer, "inner").expect("outer restarted inner");
    assert_ne!(new_inner, inner);
    assert!(probe.child(new_inner, "w1").is_some());
    assert!(
        probe.child(new_inner, "w2").is_some_and(|p| p != w2),
        "fresh children"
    );
    assert_eq!(
        probe.child(outer, "w3"),
        Some(w3),
        "one_for_one: w3 untouched"
    );
}

#[test]
fn s7_a_supervisor_can_be_monitored_and_killed() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let sup = probe.start("s7_kill", tree()).unwrap();
    let w3 = probe.child(sup, "w3").unwrap();
    let inner = probe.child(sup, "inner").unwrap();
    let w1 = probe.child(inner, "w1").unwrap();
    let reference = probe
        .host
        .run(move |me| async move { me.monitor(sup) })
        .unwrap();
    rt.exit(sup, Term::atom("kill"));
    rt.run_until_quiet(SETTLE);
    let down = probe
        .host
        .run(|me| async move { me.receive().await })
        .unwrap();
    assert_eq!(
        down.to_string(),
        format!("{{'DOWN',{reference},process,{sup},killed}}")
    );
    // Its children are linked to it: they die with `killed` too (L4). The
    // inner supervisor traps exits, stops w1 and exits with `killed`.
    assert_eq!(rt.death(w3).unwrap().reason, Term::atom("killed"));
    assert_eq!(rt.death(inner).unwrap().reason, Term::atom("killed"));
    assert!(!rt.is_alive(w1));
}

#[test]
fn the_snapshot_shows_the_whole_tree_with_restart_counts() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let outer = probe.start("snap", tree()).unwrap();
    crash(&rt, probe.child(outer, "w3").unwrap(), Term::atom("boom"));
    let inner = probe.child(outer, "inner").unwrap();
    crash(&rt, probe.child(inner, "w2").unwrap(), Term::atom("boom"));
    let snapshot = probe
        .host
        .run(move |me| async move { api::snapshot(&me, outer).await })
        .unwrap()
        .unwrap();
    assert_eq!(snapshot.restarts_in_period, 1);
    assert_eq!(snapshot.children[1].id, Atom::new("w3"));
    assert_eq!(snapshot.children[1].restarts, 1);
    let nested = snapshot.children[0]
        .nested
        .as_ref()
        .expect("inner's own snapshot");
    assert_eq!(nested.pid, inner);
    assert_eq!(nested.children[1].restarts, 1);
    assert_eq!(nested.children[0].restarts, 0);
}

#[test]
fn s7_an_exit_signal_from_the_unlinked_parent_stops_it_children_first() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    // Started unlinked by the probe, which is its parent all the same.
    let sup = probe.start("s7_parent", abc(Strategy::OneForOne)).unwrap();
    let a = probe.child(sup, "a").unwrap();
    let events = rt.subscribe();
    probe
        .host
        .run(move |me| async move { me.exit(sup, Term::atom("boom")) })
        .unwrap();
    rt.run_until_quiet(SETTLE);
    assert_eq!(rt.death(sup).unwrap().reason, Term::atom("boom"));
    assert_eq!(rt.death(a).unwrap().reason, Term::atom("shutdown"));
    let stopped: Vec<Atom> = reports(&events)
        .into_iter()
        .filter_map(|r| match r {
            crate::runtime::SupervisorReport::ChildTerminated { id, .. } => Some(id),
            _ => None,
        })
        .collect();
    assert_eq!(stopped, ids(&["c", "b", "a"]));
}

#[test]
fn s7_exit_signals_from_anyone_else_are_trapped() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let sup = probe.start("s7_other", abc(Strategy::OneForOne)).unwrap();
    let other = Probe::new(&rt);
    other
        .host
        .run(move |me| async move { me.exit(sup, Term::atom("shutdown")) })
        .unwrap();
    rt.exit(sup, Term::atom("boom"));
    rt.run_until_quiet(SETTLE);
    assert!(rt.is_alive(sup));
    assert!(probe.child(sup, "a").is_some());
}
