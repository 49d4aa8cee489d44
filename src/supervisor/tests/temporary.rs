//! Temporary children and the restarts of their siblings (S2, S4, S8): a
//! restart touches only the children in its strategy's plan.

use super::support::*;
use crate::runtime::{Atom, Pid, SupervisorReport, Term};
use crate::supervisor::{RestartType, Strategy, SupervisorSpec, api};
use std::time::Duration;

fn temporary(id: &str) -> crate::supervisor::ChildSpec {
    worker_spec(id).restart(RestartType::Temporary)
}

fn terminate(probe: &Probe, sup: Pid, id: &str) -> Term {
    let id = Term::atom(id);
    probe
        .host
        .run(move |me| async move { api::terminate_child(&me, sup, id).await })
        .unwrap()
        .unwrap()
}

fn terminated(reports: &[SupervisorReport]) -> Vec<Atom> {
    reports
        .iter()
        .filter_map(|r| match r {
            SupervisorReport::ChildTerminated { id, .. } => Some(*id),
            _ => None,
        })
        .collect()
}

#[test]
fn s4_temporary_sibling_survives_one_for_one_restart() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let spec = SupervisorSpec::new(Strategy::OneForOne)
        .intensity(1, Duration::from_secs(5))
        .child(worker_spec("a"))
        .child(temporary("tmp"))
        .child(worker_spec("c"));
    let sup = probe.start("s4_tmp_ofo", spec).unwrap();
    let tmp = probe.child(sup, "tmp").unwrap();
    crash(&rt, probe.child(sup, "c").unwrap(), Term::atom("boom"));
    assert_eq!(probe.child(sup, "tmp"), Some(tmp), "still there, same pid");
    assert!(rt.is_alive(tmp));
    // Still supervised: the supervisor stops it, in order, when it gives up.
    let events = rt.subscribe();
    crash(&rt, probe.child(sup, "a").unwrap(), Term::atom("boom"));
    assert_eq!(rt.death(sup).unwrap().reason, Term::atom("shutdown"));
    assert_eq!(terminated(&reports(&events)), ids(&["c", "tmp"]));
    assert_eq!(rt.death(tmp).unwrap().reason, Term::atom("shutdown"));
}

#[test]
fn s8_a_temporary_sibling_can_still_be_terminated_after_a_restart() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let spec = abc(Strategy::OneForOne).child(temporary("tmp"));
    let sup = probe.start("s8_tmp_term", spec).unwrap();
    let tmp = probe.child(sup, "tmp").unwrap();
    crash(&rt, probe.child(sup, "a").unwrap(), Term::atom("boom"));
    assert_eq!(terminate(&probe, sup, "tmp"), Term::atom("ok"));
    assert!(!rt.is_alive(tmp));
    let which = probe.which_children(sup).to_string();
    assert!(!which.contains("tmp"), "a temporary spec goes: {which}");
}

#[test]
fn s4_rest_for_one_keeps_an_earlier_temporary_and_removes_a_later_one() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let spec = SupervisorSpec::new(Strategy::RestForOne)
        .intensity(10, Duration::from_secs(5))
        .child(temporary("before"))
        .child(worker_spec("failing"))
        .child(temporary("after"))
        .child(worker_spec("last"));
    let sup = probe.start("s4_tmp_rfo", spec).unwrap();
    let before = probe.child(sup, "before").unwrap();
    let after = probe.child(sup, "after").unwrap();
    let events = rt.subscribe();
    crash(
        &rt,
        probe.child(sup, "failing").unwrap(),
        Term::atom("boom"),
    );
    assert_eq!(terminated(&reports(&events)), ids(&["last", "after"]));
    assert_eq!(probe.child(sup, "before"), Some(before));
    assert!(!rt.is_alive(after));
    let which = probe.which_children(sup).to_string();
    assert!(which.contains("before"), "{which}");
    assert!(!which.contains("after"), "{which}");
    assert!(probe.child(sup, "failing").is_some());
    assert!(probe.child(sup, "last").is_some());
}

#[test]
fn s4_a_dynamically_started_temporary_child_survives_a_siblings_restart() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let sup = probe.start("s4_tmp_dyn", abc(Strategy::OneForOne)).unwrap();
    let started = probe
        .host
        .run(move |me| async move { api::start_child(&me, sup, temporary("dyn")).await })
        .unwrap()
        .unwrap();
    let dynamic = started.as_tuple().unwrap()[1].as_pid().unwrap();
    crash(&rt, probe.child(sup, "b").unwrap(), Term::atom("boom"));
    assert_eq!(probe.child(sup, "dyn"), Some(dynamic));
    // Under rest_for_one it would be in the plan of any earlier child:
    // here, one_for_one, it is in no plan but its own.
    crash(&rt, dynamic, Term::atom("boom"));
    assert_eq!(probe.child(sup, "dyn"), None);
    assert!(!probe.which_children(sup).to_string().contains("dyn"));
}
