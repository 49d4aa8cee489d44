//! Definitions as processes: spawning, links, monitors, names, the
//! gen_server call protocol, and definitions under supervisors.

use super::build::*;
use super::support::*;
use crate::behavior::{self, StartContext};
use crate::erlang::ast::{BinOp, Module};
use crate::runtime::{Atom, Pid, Process, Runtime, Term};
use crate::supervisor::{self, ChildSpec, Strategy, SupervisorSpec, api};
use std::time::Duration;

/// ```erlang
/// def tally {
///   start(N) -> loop(N).                                        % 1
///   loop(N) ->                                                  % 2
///     receive
///       {'$gen_call', {From, Ref}, get} -> From ! {Ref, N}, loop(N);   % 4
///       incr -> loop(N + 1);                                    % 5
///       crash -> 1 = 2                                          % 6
///     end.
/// }
/// ```
fn tally() -> Module {
    let gen_call = pt(vec![
        pa("$gen_call"),
        pt(vec![pv("From"), pv("Ref")]),
        pa("get"),
    ]);
    module(
        "tally",
        vec![
            func(
                "start",
                vec![cl(1, vec![pv("N")], vec![call("loop", vec![v("N")])])],
            ),
            func(
                "loop",
                vec![cl(
                    2,
                    vec![pv("N")],
                    vec![receive(vec![
                        arm(
                            gen_call,
                            vec![],
                            vec![
                                send(v("From"), t(vec![v("Ref"), v("N")])),
                                call("loop", vec![v("N")]),
                            ],
                        ),
                        arm(
                            pa("incr"),
                            vec![],
                            vec![call("loop", vec![add(v("N"), i(1))])],
                        ),
                        arm(pa("crash"), vec![], vec![at(6, m(pi(1), i(2)))]),
                    ])],
                )],
            ),
        ],
    )
}

fn call_get(rt: &Runtime, pid: Pid) -> Result<Term, Term> {
    let shell = rt.spawn_host("shell");
    shell
        .run(move |me| async move {
            me.call(pid, atom("get"), Some(Duration::from_secs(5)))
                .await
        })
        .unwrap()
}

fn quiet(rt: &Runtime) {
    rt.run_until_quiet(Duration::from_secs(60));
}

#[test]
fn a_hand_written_server_answers_the_shells_gen_server_call() {
    let rt = rt();
    load(&rt, tally());
    let pid = behavior::spawn_kind_top(&rt, "tally", &[Term::int(5)], &StartContext::none())
        .expect("a definition is a kind");
    rt.send(pid, atom("incr"));
    quiet(&rt);
    assert_eq!(call_get(&rt, pid), Ok(Term::int(6)));
    let info = rt.process_info(pid).unwrap();
    assert_eq!(info.kind, Atom::new("tally"));
    assert_eq!(
        info.current_function,
        Some((Atom::new("tally"), Atom::new("loop"), 1))
    );
}

#[test]
fn a_definition_without_the_right_start_is_rejected_before_spawning() {
    let rt = rt();
    load(&rt, tally());
    let error = behavior::check_in(rt.code(), "tally", &[]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "`tally` has no start/0, only start/1: give it 1 argument"
    );
    assert!(behavior::check_in(rt.code(), "tally", &[Term::int(1)]).is_ok());
    assert!(
        behavior::check_in(rt.code(), "echo", &[]).is_ok(),
        "built-ins still work"
    );
}

#[test]
fn spawn_link_trap_exit_spawn_monitor_and_names() {
    // process_flag(trap_exit, true),
    // P = spawn_link(fun() -> exit(boom) end),
    // L = receive {'EXIT', P, R} -> R end,
    // {Q, Ref} = spawn_monitor(fun() -> 1 = 2 end),
    // D = receive {'DOWN', Ref, process, Q, Why} -> element(1, Why) end,
    // register(me, self()), me ! hi, H = receive hi -> whereis(me) =:= self() end,
    // exit({L, D, H})
    let value = eval(vec![
        call("process_flag", vec![a("trap_exit"), a("true")]),
        m(
            pv("P"),
            call(
                "spawn_link",
                vec![lambda(vec![], vec![call("exit", vec![a("boom")])])],
            ),
        ),
        m(
            pv("L"),
            receive(vec![arm(
                pt(vec![pa("EXIT"), pv("P"), pv("R")]),
                vec![],
                vec![v("R")],
            )]),
        ),
        m(
            pt(vec![pv("Q"), pv("Ref")]),
            call("spawn_monitor", vec![lambda(vec![], vec![m(pi(1), i(2))])]),
        ),
        m(
            pv("D"),
            receive(vec![arm(
                pt(vec![
                    pa("DOWN"),
                    pv("Ref"),
                    pa("process"),
                    pv("Q"),
                    pv("Why"),
                ]),
                vec![],
                vec![call("element", vec![i(1), v("Why")])],
            )]),
        ),
        call("register", vec![a("me"), call("self", vec![])]),
        send(a("me"), a("hi")),
        m(
            pv("H"),
            receive(vec![arm(
                pa("hi"),
                vec![],
                vec![op(
                    BinOp::ExactEq,
                    call("whereis", vec![a("me")]),
                    call("self", vec![]),
                )],
            )]),
        ),
        t(vec![v("L"), v("D"), v("H")]),
    ]);
    assert_eq!(value.to_string(), "{boom,{badmatch,2},true}");
}

#[test]
fn a_crash_in_a_fun_names_the_lambda_in_the_stack() {
    // start() -> spawn_monitor(fun() -> 1 = 2 end), receive {'DOWN', _, _, _, W} -> exit(W) end.
    let value = eval(vec![
        call("spawn_monitor", vec![lambda(vec![], vec![m(pi(1), i(2))])]),
        receive(vec![arm(
            pt(vec![pa("DOWN"), any(), any(), any(), pv("W")]),
            vec![],
            vec![v("W")],
        )]),
    ]);
    assert_eq!(
        value.to_string(),
        "{{badmatch,2},[{t,'-start/0-fun-0-',0,[{line,1}]}]}"
    );
}

#[test]
fn spawn_3_starts_definitions_and_built_in_kinds() {
    // P = spawn(tally, start, [5]), E = spawn(echo, start, []),
    // X = spawn(nosuch, start, []), monitor(process, X), ...
    let rt = rt();
    load(&rt, tally());
    load(
        &rt,
        module(
            "t",
            vec![func(
                "start",
                vec![cl(
                    1,
                    vec![],
                    vec![
                        m(
                            pv("P"),
                            call("spawn", vec![a("tally"), a("start"), list(vec![i(5)])]),
                        ),
                        m(pv("E"), call("spawn", vec![a("echo"), a("start"), nil()])),
                        m(pv("X"), call("spawn", vec![a("nosuch"), a("start"), nil()])),
                        call("register", vec![a("tally_p"), v("P")]),
                        call("register", vec![a("echo_p"), v("E")]),
                        call("register", vec![a("nosuch_p"), v("X")]),
                        receive(vec![]),
                    ],
                )],
            )],
        ),
    );
    let starter =
        crate::erlang::spawn_top(&rt, Atom::new("t"), Atom::new("start"), vec![]).unwrap();
    quiet(&rt);
    let tally = rt.whereis(Atom::new("tally_p")).expect("tally runs");
    assert_eq!(call_get(&rt, tally), Ok(Term::int(5)));
    let echo = rt.whereis(Atom::new("echo_p")).expect("echo runs");
    assert_eq!(rt.process_info(echo).unwrap().kind, Atom::new("echo"));
    assert!(rt.whereis(Atom::new("nosuch_p")).is_none());
    let undef = rt
        .recent_deaths(10)
        .into_iter()
        .find(|d| d.kind == Atom::new("nosuch"))
        .expect("the undefined one died");
    assert_eq!(undef.reason.to_string(), "{undef,[{nosuch,start,[],[]}]}");
    rt.exit(starter, atom("kill"));
}

/// A supervisor child spec starting the definition, as the shell's
/// `worker ID tally(N)` does.
fn tally_child(id: &str, n: i64) -> ChildSpec {
    ChildSpec::worker(id, "tally", move |sup: &Process, extra: &[Term]| {
        let mut args = vec![Term::int(n)];
        args.extend_from_slice(extra);
        behavior::spawn_kind(sup, "tally", &args, &StartContext::none(), true)
            .map_err(|e| Term::string(&e.to_string()))
    })
}

fn child(rt: &Runtime, sup: Pid, id: &str) -> Pid {
    let shell = rt.spawn_host("probe");
    let id = Atom::new(id);
    shell
        .run(move |me| async move { api::child_pid(&me, sup, id).await })
        .unwrap()
        .unwrap()
        .expect("the child runs")
}

fn start_sup(rt: &Runtime, spec: SupervisorSpec) -> Pid {
    let shell = rt.spawn_host("probe");
    shell
        .run(move |me| async move { supervisor::start(&me, spec, Some(Atom::new("demo")), false).await })
        .unwrap()
        .expect("the supervisor starts")
}

#[test]
fn a_definition_restarts_with_the_same_arguments_under_each_strategy() {
    for strategy in [
        Strategy::OneForOne,
        Strategy::OneForAll,
        Strategy::RestForOne,
    ] {
        let rt = rt();
        load(&rt, tally());
        let spec = SupervisorSpec::new(strategy)
            .intensity(10, Duration::from_secs(5))
            .child(tally_child("a", 5))
            .child(tally_child("b", 7));
        let sup = start_sup(&rt, spec);
        let (a1, b1) = (child(&rt, sup, "a"), child(&rt, sup, "b"));
        rt.send(a1, atom("incr"));
        rt.send(a1, atom("crash"));
        quiet(&rt);
        let reason = rt.death(a1).unwrap().reason;
        assert_eq!(
            reason.to_string(),
            "{{badmatch,2},[{tally,loop,1,[{line,6}]}]}",
            "{strategy:?}"
        );
        let (a2, b2) = (child(&rt, sup, "a"), child(&rt, sup, "b"));
        assert_ne!(a1, a2, "{strategy:?}: a restarted");
        assert_eq!(
            call_get(&rt, a2),
            Ok(Term::int(5)),
            "{strategy:?}: same args"
        );
        assert_eq!(call_get(&rt, b2), Ok(Term::int(7)), "{strategy:?}");
        let b_restarted = b1 != b2;
        assert_eq!(
            b_restarted,
            strategy != Strategy::OneForOne,
            "{strategy:?}: b restarted?"
        );
    }
}

#[test]
fn a_definition_as_simple_one_for_one_instances() {
    let rt = rt();
    load(&rt, tally());
    let spec = SupervisorSpec::new(Strategy::SimpleOneForOne)
        .intensity(10, Duration::from_secs(5))
        .child(ChildSpec::worker(
            "t",
            "tally",
            |sup: &Process, extra: &[Term]| {
                behavior::spawn_kind(sup, "tally", extra, &StartContext::none(), true)
                    .map_err(|e| Term::string(&e.to_string()))
            },
        ));
    let sup = start_sup(&rt, spec);
    let shell = rt.spawn_host("probe");
    let started = shell
        .run(
            move |me| async move { api::start_child_with_args(&me, sup, vec![Term::int(9)]).await },
        )
        .unwrap()
        .expect("an instance starts");
    let Some(first) = started.tagged::<2>(Atom::OK).and_then(|[_, p]| p.as_pid()) else {
        panic!("{started}")
    };
    assert_eq!(call_get(&rt, first), Ok(Term::int(9)));
    rt.send(first, atom("crash"));
    quiet(&rt);
    let which = shell
        .run(move |me| async move { api::which_children(&me, sup).await })
        .unwrap()
        .unwrap();
    let again = which
        .iter_list()
        .find_map(|row| row.as_tuple()?.get(1)?.as_pid())
        .expect("restarted");
    assert_ne!(again, first);
    assert_eq!(call_get(&rt, again), Ok(Term::int(9)));
}
