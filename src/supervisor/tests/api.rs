//! The supervisor API and its results (S8).

use super::support::*;
use crate::runtime::{Atom, Term};
use crate::supervisor::{Strategy, api};

#[test]
fn s8_api_results_follow_otp() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let sup = probe.start("s8", abc(Strategy::OneForOne)).unwrap();
    let b = probe.child(sup, "b").unwrap();
    let results = probe
        .host
        .run(move |me| async move {
            let mut results = Vec::new();
            let b_atom = Atom::new("b");
            results.push(api::start_child(&me, sup, worker_spec("b")).await.unwrap());
            results.push(api::restart_child(&me, sup, b_atom).await.unwrap());
            results.push(api::delete_child(&me, sup, b_atom).await.unwrap());
            results.push(
                api::terminate_child(&me, sup, Term::from_atom(b_atom))
                    .await
                    .unwrap(),
            );
            results.push(api::start_child(&me, sup, worker_spec("b")).await.unwrap());
            results.push(api::which_children(&me, sup).await.unwrap());
            results.push(api::count_children(&me, sup).await.unwrap());
            results.push(api::delete_child(&me, sup, b_atom).await.unwrap());
            results.push(api::restart_child(&me, sup, b_atom).await.unwrap());
            results.push(
                api::terminate_child(&me, sup, Term::atom("nope"))
                    .await
                    .unwrap(),
            );
            results.push(
                api::delete_child(&me, sup, Atom::new("nope"))
                    .await
                    .unwrap(),
            );
            results.push(api::start_child(&me, sup, worker_spec("d")).await.unwrap());
            results
        })
        .unwrap();
    let texts: Vec<String> = results.iter().map(|t| t.to_string()).collect();
    let a = probe.child(sup, "a").unwrap();
    let c = probe.child(sup, "c").unwrap();
    let d = probe.child(sup, "d").unwrap();
    assert_eq!(texts[0], format!("{{error,{{already_started,{b}}}}}"));
    assert_eq!(texts[1], "{error,running}");
    assert_eq!(texts[2], "{error,running}");
    assert_eq!(texts[3], "ok");
    assert_eq!(
        texts[4], "{error,already_present}",
        "terminate_child kept the spec"
    );
    assert_eq!(
        texts[5],
        format!(
            "[{{c,{c},worker,[worker]}},{{b,undefined,worker,[worker]}},{{a,{a},worker,[worker]}}]"
        ),
        "newest first"
    );
    assert_eq!(
        texts[6],
        "[{specs,3},{active,2},{supervisors,0},{workers,3}]"
    );
    assert_eq!(texts[7], "ok");
    assert_eq!(texts[8], "{error,not_found}");
    assert_eq!(texts[9], "{error,not_found}");
    assert_eq!(texts[10], "{error,not_found}");
    assert_eq!(texts[11], format!("{{ok,{d}}}"));
}

#[test]
fn s8_calls_to_a_dead_supervisor_fail_with_noproc() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let sup = probe.start("s8_dead", abc(Strategy::OneForOne)).unwrap();
    rt.exit(sup, Term::atom("kill"));
    rt.run_until_quiet(SETTLE);
    let result = probe
        .host
        .run(move |me| async move { api::which_children(&me, sup).await })
        .unwrap();
    assert_eq!(result, Err(Term::atom("noproc")));
}

#[test]
fn starting_a_second_supervisor_with_a_taken_name_fails() {
    let rt = runtime();
    let probe = Probe::new(&rt);
    let first = probe.start("taken", abc(Strategy::OneForOne)).unwrap();
    let second = probe.start("taken", abc(Strategy::OneForOne));
    assert_eq!(
        second,
        Err(Term::tuple([
            Term::atom("already_started"),
            Term::pid(first)
        ]))
    );
}
