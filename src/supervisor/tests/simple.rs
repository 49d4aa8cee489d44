//! `simple_one_for_one` supervisors: the API on their instances (S8) and
//! how they stop them (S5).

use super::support::*;
use crate::runtime::{Atom, Pid, Term};
use crate::supervisor::{Shutdown, Strategy, SupervisorSpec, api};
use std::time::Duration;

fn pool(template: crate::supervisor::ChildSpec) -> SupervisorSpec {
    SupervisorSpec::new(Strategy::SimpleOneForOne)
        .intensity(10, Duration::from_secs(5))
        .child(template)
}

fn start_instances(probe: &Probe, sup: Pid, n: i64) -> Vec<Pid> {
    probe
        .host
        .run(move |me| async move {
            let mut pids = Vec::new();
            for i in 0..n {
                let started = api::start_child_with_args(&me, sup, vec![Term::int(i)])
                    .await
                    .unwrap();
                pids.push(started.as_tuple().unwrap()[1].as_pid().unwrap());
            }
            pids
        })
        .unwrap()
}

fn call(probe: &Probe, sup: Pid, verb: &'static str, argument: Term) -> String {
    probe
        .host
        .run(move |me| async move {
            let reply = match verb {
                "terminate_child" => api::terminate_child(&me, sup, argument).await,
                "restart_child" => api::restart_child(&me, sup, argument.as_atom().unwrap()).await,
                "delete_child" => api::delete_child(&me, sup, argument.as_atom().unwrap()).await,
                "count_children" => api::count_children(&me, sup).await,
                _ => api::which_children(&me, sup).await,
            };
            reply.unwrap().to_string()
        })
        .unwrap()
}

/// `elapsed` is `expected`, give or take the few microseconds each step of
/// the virtual clock takes.
#[track_caller]
fn assert_about(elapsed: Duration, expected: Duration, what: &str) {
    assert!(
        elapsed >= expected && elapsed < expected + Duration::from_millis(10),
        "{what}: took {elapsed:?}"
    );
}

#[test]
fn s8_simple_one_for_one_lists_instances_in_pid_order_and_counts_the_template_once() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let sup = probe.start("s8_pool_rows", pool(worker_spec("t"))).unwrap();
    let [first, second, third] = start_instances(&probe, sup, 3)[..] else {
        panic!()
    };
    crash(&rt, first, Term::atom("boom"));
    let Some(rows) = probe.which_children(sup).list_to_vec() else {
        panic!()
    };
    let restarted = rows[2].as_tuple().unwrap()[1].as_pid().unwrap();
    assert!(restarted != first);
    assert_eq!(
        call(
            &probe,
            sup,
            "which_children",
            Term::from_atom(Atom::UNDEFINED)
        ),
        format!(
            "[{{undefined,{second},worker,[worker]}},{{undefined,{third},worker,[worker]}},{{undefined,{restarted},worker,[worker]}}]"
        ),
        "oldest pid first"
    );
    assert_eq!(
        call(
            &probe,
            sup,
            "count_children",
            Term::from_atom(Atom::UNDEFINED)
        ),
        "[{specs,1},{active,3},{supervisors,0},{workers,3}]"
    );
}

#[test]
fn s8_simple_one_for_one_terminates_instances_by_pid() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let sup = probe.start("s8_pool_term", pool(worker_spec("t"))).unwrap();
    let [first, second] = start_instances(&probe, sup, 2)[..] else {
        panic!()
    };
    let terminate = |argument: Term| call(&probe, sup, "terminate_child", argument);
    assert_eq!(terminate(Term::pid(first)), "ok");
    assert!(!rt.is_alive(first));
    assert_eq!(terminate(Term::pid(first)), "ok", "already gone: ok too");
    assert_eq!(
        terminate(Term::pid(probe.host.pid())),
        "{error,not_found}",
        "alive, but not an instance"
    );
    assert_eq!(terminate(Term::atom("t")), "{error,simple_one_for_one}");
    for verb in ["restart_child", "delete_child"] {
        assert_eq!(
            call(&probe, sup, verb, Term::atom("t")),
            "{error,simple_one_for_one}"
        );
    }
    assert_eq!(
        call(
            &probe,
            sup,
            "which_children",
            Term::from_atom(Atom::UNDEFINED)
        ),
        format!("[{{undefined,{second},worker,[worker]}}]")
    );
}

#[test]
fn s5_simple_one_for_one_stops_its_instances_at_once_with_one_timer() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let template = stubborn_spec("t").shutdown(Shutdown::Timeout(Duration::from_secs(1)));
    let sup = probe.start("s5_pool", pool(template)).unwrap();
    let instances = start_instances(&probe, sup, 3);
    let before = rt.now();
    probe
        .host
        .run(move |me| async move { me.exit(sup, Term::atom("shutdown")) })
        .unwrap();
    rt.advance(Duration::from_secs(5));
    for pid in instances {
        let death = rt.death(pid).unwrap();
        assert_eq!(death.reason, Term::atom("killed"));
        assert_about(death.at - before, Duration::from_secs(1), "killed at 1 s");
    }
    let death = rt.death(sup).unwrap();
    assert_eq!(death.reason, Term::atom("shutdown"));
    assert_about(death.at - before, Duration::from_secs(1), "not at 3 s");
}

#[test]
fn s5_simple_one_for_one_instances_that_stop_in_time_end_with_shutdown() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let template = slow_spec("t", Duration::from_millis(300))
        .shutdown(Shutdown::Timeout(Duration::from_secs(1)));
    let sup = probe.start("s5_pool_clean", pool(template)).unwrap();
    let instances = start_instances(&probe, sup, 3);
    let before = rt.now();
    probe
        .host
        .run(move |me| async move { me.exit(sup, Term::atom("shutdown")) })
        .unwrap();
    rt.advance(Duration::from_secs(5));
    for pid in instances {
        assert_eq!(rt.death(pid).unwrap().reason, Term::atom("shutdown"));
    }
    let death = rt.death(sup).unwrap();
    assert_about(
        death.at - before,
        Duration::from_millis(300),
        "all clean up together",
    );
}

#[test]
fn s4_a_transient_instance_that_ends_normally_is_gone_from_the_list() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let template = worker_spec("t").restart(crate::supervisor::RestartType::Transient);
    let sup = probe.start("s4_pool_transient", pool(template)).unwrap();
    let [first, second] = start_instances(&probe, sup, 2)[..] else {
        panic!()
    };
    crash(&rt, first, Term::normal());
    assert_eq!(
        call(
            &probe,
            sup,
            "which_children",
            Term::from_atom(Atom::UNDEFINED)
        ),
        format!("[{{undefined,{second},worker,[worker]}}]")
    );
    assert_eq!(
        call(
            &probe,
            sup,
            "count_children",
            Term::from_atom(Atom::UNDEFINED)
        ),
        "[{specs,1},{active,1},{supervisors,0},{workers,1}]"
    );
}
