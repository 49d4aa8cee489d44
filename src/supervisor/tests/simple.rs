//! `simple_one_for_one` supervisors: the API on their instances (S8) and
//! how they stop them (S5).

use super::support::*;
use crate::runtime::{Atom, Pid, Term};
use crate::supervisor::{Strategy, SupervisorSpec, api};
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
                let started = api::start_child_with_args(&me, sup, vec![Term::Int(i)])
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

#[test]
fn s8_simple_one_for_one_lists_instances_in_pid_order_and_counts_the_template_once() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let sup = probe.start("s8_pool_rows", pool(worker_spec("t"))).unwrap();
    let [first, second, third] = start_instances(&probe, sup, 3)[..] else {
        panic!()
    };
    crash(&rt, first, Term::atom("boom"));
    let Term::List(rows) = probe.which_children(sup) else {
        panic!()
    };
    let restarted = rows[2].as_tuple().unwrap()[1].as_pid().unwrap();
    assert!(restarted != first);
    assert_eq!(
        call(&probe, sup, "which_children", Term::Atom(Atom::UNDEFINED)),
        format!(
            "[{{undefined,{second},worker,[worker]}},{{undefined,{third},worker,[worker]}},{{undefined,{restarted},worker,[worker]}}]"
        ),
        "oldest pid first"
    );
    assert_eq!(
        call(&probe, sup, "count_children", Term::Atom(Atom::UNDEFINED)),
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
    assert_eq!(terminate(Term::Pid(first)), "ok");
    assert!(!rt.is_alive(first));
    assert_eq!(terminate(Term::Pid(first)), "ok", "already gone: ok too");
    assert_eq!(
        terminate(Term::Pid(probe.host.pid())),
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
        call(&probe, sup, "which_children", Term::Atom(Atom::UNDEFINED)),
        format!("[{{undefined,{second},worker,[worker]}}]")
    );
}
