//! Strategies (S2), restart intensity (S3), restart types (S4), defaults
//! (S1), and the restart delay.

use super::support::*;
use crate::runtime::{Atom, SupervisorReport, Term};
use crate::supervisor::{ChildSpec, RestartType, Shutdown, Strategy, SupervisorSpec};
use std::time::Duration;

#[test]
fn s1_defaults_follow_otp() {
    let spec = SupervisorSpec::default();
    assert_eq!(spec.strategy, Strategy::OneForOne);
    assert_eq!((spec.intensity, spec.period), (1, Duration::from_secs(5)));
    let worker = worker_spec("w");
    assert_eq!(worker.restart, RestartType::Permanent);
    assert_eq!(
        worker.shutdown,
        Shutdown::Timeout(Duration::from_millis(5000))
    );
    let nested = ChildSpec::supervisor("s", SupervisorSpec::default());
    assert_eq!(nested.shutdown, Shutdown::Infinity);
    assert_eq!(nested.restart, RestartType::Permanent);
}

#[test]
fn s2_one_for_one_restarts_only_the_failed_child() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let sup = probe.start("s2_ofo", abc(Strategy::OneForOne)).unwrap();
    let [a, b, c] = ["a", "b", "c"].map(|id| probe.child(sup, id).unwrap());
    crash(&rt, b, Term::atom("boom"));
    assert_eq!(probe.child(sup, "a"), Some(a));
    let new_b = probe.child(sup, "b").unwrap();
    assert_ne!(new_b, b);
    assert_eq!(probe.child(sup, "c"), Some(c));
}

#[test]
fn s2_one_for_all_restarts_everyone_in_order() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let sup = probe.start("s2_ofa", abc(Strategy::OneForAll)).unwrap();
    let before = ["a", "b", "c"].map(|id| probe.child(sup, id).unwrap());
    let events = rt.subscribe();
    crash(&rt, before[1], Term::atom("boom"));
    let after = ["a", "b", "c"].map(|id| probe.child(sup, id).unwrap());
    assert!(
        before.iter().zip(&after).all(|(x, y)| x != y),
        "all new pids"
    );
    let reports = reports(&events);
    let terminated: Vec<Atom> = reports
        .iter()
        .filter_map(|r| match r {
            SupervisorReport::ChildTerminated { id, .. } => Some(*id),
            _ => None,
        })
        .collect();
    assert_eq!(terminated, ids(&["c", "a"]), "the others stop newest first");
    let started: Vec<Atom> = reports
        .iter()
        .filter_map(|r| match r {
            SupervisorReport::ChildStarted { id, .. } => Some(*id),
            _ => None,
        })
        .collect();
    assert_eq!(started, ids(&["a", "b", "c"]), "then all start in order");
}

#[test]
fn s2_rest_for_one_restarts_the_failed_child_and_younger_ones() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let sup = probe.start("s2_rfo", abc(Strategy::RestForOne)).unwrap();
    let [a, b, c] = ["a", "b", "c"].map(|id| probe.child(sup, id).unwrap());
    crash(&rt, b, Term::atom("boom"));
    assert_eq!(probe.child(sup, "a"), Some(a));
    assert_ne!(probe.child(sup, "b").unwrap(), b);
    assert_ne!(probe.child(sup, "c").unwrap(), c);
}

#[test]
fn s2_simple_one_for_one_children_are_instances_with_extra_args() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let spec = SupervisorSpec::new(Strategy::SimpleOneForOne)
        .intensity(5, Duration::from_secs(5))
        .child(worker_spec("template"));
    let sup = probe.start("s2_simple", spec).unwrap();
    let (first, second, args) = probe
        .host
        .run(move |me| async move {
            let first = crate::supervisor::api::start_child_with_args(&me, sup, vec![Term::int(1)])
                .await
                .unwrap();
            let second =
                crate::supervisor::api::start_child_with_args(&me, sup, vec![Term::int(2)])
                    .await
                    .unwrap();
            let pid = first.as_tuple().unwrap()[1].as_pid().unwrap();
            let args = me.call(pid, Term::atom("args"), None).await.unwrap();
            (pid, second.as_tuple().unwrap()[1].as_pid().unwrap(), args)
        })
        .unwrap();
    assert_eq!(args, Term::list(vec![Term::int(1)]));
    let children = probe.which_children(sup);
    let Some(rows) = children.list_to_vec() else {
        panic!("{children}")
    };
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter()
            .all(|r| r.as_tuple().unwrap()[0].is_atom(Atom::UNDEFINED))
    );
    crash(&rt, first, Term::atom("boom"));
    let Some(rows) = probe.which_children(sup).list_to_vec() else {
        panic!()
    };
    let pids: Vec<_> = rows
        .iter()
        .filter_map(|r| r.as_tuple().unwrap()[1].as_pid())
        .collect();
    assert_eq!(pids.len(), 2);
    assert!(pids.contains(&second));
    assert!(!pids.contains(&first));
}

#[test]
fn s3_the_second_restart_within_the_period_takes_the_supervisor_down() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let spec = SupervisorSpec::default()
        .child(worker_spec("w"))
        .child(worker_spec("other"));
    let sup = probe.start("s3_down", spec).unwrap();
    let other = probe.child(sup, "other").unwrap();
    let events = rt.subscribe();
    crash(&rt, probe.child(sup, "w").unwrap(), Term::atom("boom"));
    assert!(rt.is_alive(sup), "one restart is within intensity 1");
    rt.advance(Duration::from_secs(4));
    crash(&rt, probe.child(sup, "w").unwrap(), Term::atom("boom"));
    assert!(!rt.is_alive(sup));
    assert_eq!(rt.death(sup).unwrap().reason, Term::atom("shutdown"));
    assert!(!rt.is_alive(other), "all children are stopped first");
    assert!(reports(&events).contains(&SupervisorReport::GaveUp {
        restarts: 2,
        intensity: 1,
        period: Duration::from_secs(5)
    }));
}

#[test]
fn s3_restarts_older_than_the_period_are_forgotten() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let sup = probe
        .start(
            "s3_forget",
            SupervisorSpec::default().child(worker_spec("w")),
        )
        .unwrap();
    for _ in 0..3 {
        crash(&rt, probe.child(sup, "w").unwrap(), Term::atom("boom"));
        rt.advance(Duration::from_secs(6));
    }
    assert!(rt.is_alive(sup));
}

#[test]
fn s3_with_intensity_0_the_first_failure_takes_the_supervisor_down() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let spec = SupervisorSpec::default()
        .intensity(0, Duration::from_secs(5))
        .child(worker_spec("w"));
    let sup = probe.start("s3_zero", spec).unwrap();
    crash(&rt, probe.child(sup, "w").unwrap(), Term::atom("boom"));
    assert_eq!(rt.death(sup).unwrap().reason, Term::atom("shutdown"));
}

#[test]
fn s3_a_one_for_all_restart_counts_once() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let spec = abc(Strategy::OneForAll).intensity(1, Duration::from_secs(5));
    let sup = probe.start("s3_ofa", spec).unwrap();
    let events = rt.subscribe();
    crash(&rt, probe.child(sup, "b").unwrap(), Term::atom("boom"));
    assert!(
        rt.is_alive(sup),
        "three children restarted, one restart counted"
    );
    assert!(reports(&events).iter().any(|r| matches!(
        r,
        SupervisorReport::Restarting {
            restart: 1,
            intensity: 1,
            ..
        }
    )));
}

#[test]
fn s4_permanent_children_restart_even_after_a_normal_exit() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let sup = probe.start("s4_perm", abc(Strategy::OneForOne)).unwrap();
    let a = probe.child(sup, "a").unwrap();
    crash(&rt, a, Term::normal());
    assert!(probe.child(sup, "a").is_some_and(|new| new != a));
}

#[test]
fn s4_transient_children_restart_only_after_abnormal_exits() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let spec = SupervisorSpec::default()
        .intensity(10, Duration::from_secs(5))
        .child(worker_spec("t").restart(RestartType::Transient));
    let sup = probe.start("s4_trans", spec).unwrap();
    let t = probe.child(sup, "t").unwrap();
    crash(&rt, t, Term::atom("boom"));
    assert!(
        probe.child(sup, "t").is_some_and(|new| new != t),
        "restarted after boom"
    );
    for normal in [
        Term::normal(),
        Term::atom("shutdown"),
        Term::tuple([Term::atom("shutdown"), Term::atom("done")]),
    ] {
        crash(&rt, probe.child(sup, "t").unwrap(), normal.clone());
        assert_eq!(probe.child(sup, "t"), None, "not restarted after {normal}");
        let which = probe.which_children(sup);
        assert_eq!(
            which.to_string(),
            "[{t,undefined,worker,[worker]}]",
            "kept with no pid"
        );
        let restarted = probe
            .host
            .run(move |me| async move {
                crate::supervisor::api::restart_child(&me, sup, Atom::new("t")).await
            })
            .unwrap()
            .unwrap();
        assert!(restarted.to_string().starts_with("{ok,<0."), "{restarted}");
    }
}

#[test]
fn s4_temporary_children_are_never_restarted_and_their_spec_goes() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let spec = SupervisorSpec::default()
        .intensity(10, Duration::from_secs(5))
        .child(worker_spec("tmp").restart(RestartType::Temporary))
        .child(worker_spec("perm"));
    let sup = probe.start("s4_temp", spec).unwrap();
    crash(&rt, probe.child(sup, "tmp").unwrap(), Term::atom("boom"));
    assert_eq!(
        probe.which_children(sup).to_string().matches("tmp").count(),
        0
    );
    assert!(probe.child(sup, "perm").is_some());
}

#[test]
fn s4_a_temporary_child_stopped_by_a_siblings_failure_is_removed() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let spec = SupervisorSpec::new(Strategy::OneForAll)
        .intensity(10, Duration::from_secs(5))
        .child(worker_spec("tmp").restart(RestartType::Temporary))
        .child(worker_spec("perm"));
    let sup = probe.start("s4_temp_ofa", spec).unwrap();
    let tmp = probe.child(sup, "tmp").unwrap();
    crash(&rt, probe.child(sup, "perm").unwrap(), Term::atom("boom"));
    assert!(!rt.is_alive(tmp));
    let which = probe.which_children(sup).to_string();
    assert!(!which.contains("tmp"), "{which}");
    assert!(which.contains("perm"));
}

#[test]
fn a_restart_delay_shows_the_dead_child_without_changing_the_accounting() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let spec = SupervisorSpec::default().child(worker_spec("w"));
    spec.restart_delay.set(Duration::from_secs(1));
    let sup = probe.start("slowmo", spec).unwrap();
    let w = probe.child(sup, "w").unwrap();
    crash(&rt, w, Term::atom("boom"));
    assert_eq!(
        probe.which_children(sup).to_string(),
        "[{w,restarting,worker,[worker]}]"
    );
    rt.advance(Duration::from_millis(1100));
    let w2 = probe.child(sup, "w").expect("back after the delay");
    assert_ne!(w2, w);
    // The restart was counted when it was decided (t=0): a second failure
    // within 5 s still exceeds intensity 1.
    crash(&rt, w2, Term::atom("boom"));
    assert_eq!(
        rt.death(sup).map(|d| d.reason),
        Some(Term::atom("shutdown"))
    );
}

#[test]
fn s3_a_second_crash_exactly_one_period_later_takes_the_supervisor_down() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let sup = probe
        .start(
            "s3_boundary",
            SupervisorSpec::default().child(worker_spec("w")),
        )
        .unwrap();
    crash(&rt, probe.child(sup, "w").unwrap(), Term::atom("boom"));
    rt.advance(Duration::from_secs(5));
    crash(&rt, probe.child(sup, "w").unwrap(), Term::atom("boom"));
    assert_eq!(rt.death(sup).unwrap().reason, Term::atom("shutdown"));
}

#[test]
fn s3_a_second_crash_6_2_seconds_later_is_within_the_budget() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let sup = probe
        .start("s3_past", SupervisorSpec::default().child(worker_spec("w")))
        .unwrap();
    crash(&rt, probe.child(sup, "w").unwrap(), Term::atom("boom"));
    rt.advance(Duration::from_millis(6200));
    crash(&rt, probe.child(sup, "w").unwrap(), Term::atom("boom"));
    assert!(rt.is_alive(sup));
}
