//! Every command form from DESIGN.md parses to the expected AST.

use std::time::Duration;

use super::cmd;
use crate::commands::ast::{
    ChildSpecAst, Command, Expectation, KindSpec, LogLevel, PsRows, RestartType, Shutdown,
    SpawnOpt, StartChildArg, Strategy, SupSpec, Target, TermExpr, WaitFor,
};

fn name(n: &str) -> Target {
    Target::Name(n.into())
}
fn var(n: &str) -> Target {
    Target::Var(n.into())
}
fn path(segments: &[&str]) -> Target {
    Target::Path(segments.iter().map(|s| s.to_string()).collect())
}
fn atom(a: &str) -> TermExpr {
    TermExpr::Atom(a.into())
}
fn kind(n: &str) -> KindSpec {
    KindSpec {
        name: n.into(),
        args: vec![],
    }
}
fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

#[test]
fn spawn_forms() {
    assert_eq!(
        cmd("spawn counter"),
        Command::Spawn {
            kind: kind("counter"),
            name: None,
            link_or_monitor: None
        }
    );
    assert_eq!(
        cmd("spawn crasher(500ms, boom) as c link"),
        Command::Spawn {
            kind: KindSpec {
                name: "crasher".into(),
                args: vec![TermExpr::Duration(ms(500)), atom("boom")]
            },
            name: Some("c".into()),
            link_or_monitor: Some(SpawnOpt::Link),
        }
    );
    assert_eq!(
        cmd("spawn ticker(1s) monitor"),
        Command::Spawn {
            kind: KindSpec {
                name: "ticker".into(),
                args: vec![TermExpr::Duration(ms(1000))]
            },
            name: None,
            link_or_monitor: Some(SpawnOpt::Monitor),
        }
    );
}

#[test]
fn messages() {
    let hello = Command::Send {
        target: name("c"),
        message: TermExpr::Tuple(vec![atom("add"), TermExpr::Int(5)]),
    };
    assert_eq!(cmd("send c {add, 5}"), hello);
    assert_eq!(cmd("c ! {add, 5}"), hello);
    assert_eq!(
        cmd("W!hi"),
        Command::Send {
            target: var("W"),
            message: atom("hi")
        }
    );
    assert_eq!(
        cmd("<0.7.0> ! hi"),
        Command::Send {
            target: Target::Pid(7),
            message: atom("hi")
        }
    );
    assert_eq!(
        cmd("demo/w1 ! hi"),
        Command::Send {
            target: path(&["demo", "w1"]),
            message: atom("hi")
        }
    );
    assert_eq!(
        cmd("call c get"),
        Command::Call {
            target: name("c"),
            request: atom("get"),
            timeout: None
        }
    );
    assert_eq!(
        cmd("call c get timeout 250ms"),
        Command::Call {
            target: name("c"),
            request: atom("get"),
            timeout: Some(ms(250))
        }
    );
    assert_eq!(cmd("flush"), Command::Flush);
    assert_eq!(
        cmd("receive"),
        Command::Receive {
            pattern: None,
            timeout: None
        }
    );
    assert_eq!(
        cmd("receive timeout 1s"),
        Command::Receive {
            pattern: None,
            timeout: Some(ms(1000))
        }
    );
    assert_eq!(
        cmd("receive {'DOWN', _, process, _, R} timeout 1m"),
        Command::Receive {
            pattern: Some(TermExpr::Tuple(vec![
                atom("DOWN"),
                TermExpr::Wildcard,
                atom("process"),
                TermExpr::Wildcard,
                TermExpr::Var("R".into()),
            ])),
            timeout: Some(ms(60_000)),
        }
    );
    assert_eq!(
        cmd("receive 'timeout'"),
        Command::Receive {
            pattern: Some(atom("timeout")),
            timeout: None
        }
    );
}

#[test]
fn exits_and_crashes() {
    assert_eq!(
        cmd("exit c boom"),
        Command::Exit {
            target: name("c"),
            reason: atom("boom")
        }
    );
    assert_eq!(
        cmd("exit self normal"),
        Command::Exit {
            target: Target::SelfPid,
            reason: atom("normal")
        }
    );
    assert_eq!(cmd("kill W"), Command::Kill { target: var("W") });
    assert_eq!(
        cmd("crash demo/w1"),
        Command::Crash {
            target: path(&["demo", "w1"]),
            reason: None
        }
    );
    assert_eq!(
        cmd("crash c {bad, \"state\"}"),
        Command::Crash {
            target: name("c"),
            reason: Some(TermExpr::Tuple(vec![
                atom("bad"),
                TermExpr::Str("state".into())
            ])),
        }
    );
    assert_eq!(
        cmd("trap self on"),
        Command::Trap {
            target: Target::SelfPid,
            on: true
        }
    );
    assert_eq!(
        cmd("trap c off"),
        Command::Trap {
            target: name("c"),
            on: false
        }
    );
}

#[test]
fn links_and_monitors() {
    assert_eq!(
        cmd("link c"),
        Command::Link {
            a: name("c"),
            b: None
        }
    );
    assert_eq!(
        cmd("link A B"),
        Command::Link {
            a: var("A"),
            b: Some(var("B"))
        }
    );
    assert_eq!(
        cmd("unlink c"),
        Command::Unlink {
            a: name("c"),
            b: None
        }
    );
    assert_eq!(
        cmd("unlink a <0.3.0>"),
        Command::Unlink {
            a: name("a"),
            b: Some(Target::Pid(3))
        }
    );
    assert_eq!(
        cmd("monitor c"),
        Command::Monitor {
            a: name("c"),
            b: None
        }
    );
    assert_eq!(
        cmd("monitor a b"),
        Command::Monitor {
            a: name("a"),
            b: Some(name("b"))
        }
    );
    assert_eq!(
        cmd("demonitor R"),
        Command::Demonitor {
            reference: TermExpr::Var("R".into())
        }
    );
    assert_eq!(
        cmd("demonitor #Ref<0.7>"),
        Command::Demonitor {
            reference: TermExpr::Ref(7)
        }
    );
}

#[test]
fn names() {
    assert_eq!(
        cmd("register boss W"),
        Command::Register {
            name: "boss".into(),
            target: var("W")
        }
    );
    assert_eq!(
        cmd("register 'big boss' <0.9.0>"),
        Command::Register {
            name: "big boss".into(),
            target: Target::Pid(9)
        }
    );
    assert_eq!(
        cmd("unregister boss"),
        Command::Unregister {
            name: "boss".into()
        }
    );
    assert_eq!(
        cmd("whereis demo/w1"),
        Command::Whereis {
            target: path(&["demo", "w1"])
        }
    );
}

#[test]
fn supervisor_api() {
    let worker = ChildSpecAst::Worker {
        id: "w3".into(),
        kind: kind("counter"),
        restart: None,
        shutdown: None,
    };
    assert_eq!(
        cmd("start_child demo worker w3 counter"),
        Command::StartChild {
            sup: name("demo"),
            child: StartChildArg::Spec(worker)
        }
    );
    assert_eq!(
        cmd("start_child pool 5 {a, b}"),
        Command::StartChild {
            sup: name("pool"),
            child: StartChildArg::Args(vec![
                TermExpr::Int(5),
                TermExpr::Tuple(vec![atom("a"), atom("b")])
            ]),
        }
    );
    assert_eq!(
        cmd("start_child pool"),
        Command::StartChild {
            sup: name("pool"),
            child: StartChildArg::Args(vec![])
        }
    );
    assert_eq!(
        cmd("terminate_child demo w1"),
        Command::TerminateChild {
            sup: name("demo"),
            child: name("w1")
        }
    );
    assert_eq!(
        cmd("terminate_child pool <0.7.0>"),
        Command::TerminateChild {
            sup: name("pool"),
            child: Target::Pid(7)
        }
    );
    assert_eq!(
        cmd("terminate_child pool W"),
        Command::TerminateChild {
            sup: name("pool"),
            child: Target::Var("W".into())
        }
    );
    assert_eq!(
        cmd("restart_child demo w1"),
        Command::RestartChild {
            sup: name("demo"),
            id: "w1".into()
        }
    );
    assert_eq!(
        cmd("delete_child top/db w1"),
        Command::DeleteChild {
            sup: path(&["top", "db"]),
            id: "w1".into()
        }
    );
    assert_eq!(
        cmd("which_children demo"),
        Command::WhichChildren { sup: name("demo") }
    );
    assert_eq!(
        cmd("count_children S"),
        Command::CountChildren { sup: var("S") }
    );
}

#[test]
fn sup_on_one_line() {
    assert_eq!(
        cmd(
            "sup demo one_for_all intensity 3 period 10s { worker w1 counter permanent; worker w2 ticker(1s) transient shutdown brutal_kill; worker w3 echo temporary shutdown 2s }"
        ),
        Command::Sup(SupSpec {
            name: "demo".into(),
            strategy: Strategy::OneForAll,
            intensity: Some(3),
            period: Some(ms(10_000)),
            children: vec![
                ChildSpecAst::Worker {
                    id: "w1".into(),
                    kind: kind("counter"),
                    restart: Some(RestartType::Permanent),
                    shutdown: None
                },
                ChildSpecAst::Worker {
                    id: "w2".into(),
                    kind: KindSpec {
                        name: "ticker".into(),
                        args: vec![TermExpr::Duration(ms(1000))]
                    },
                    restart: Some(RestartType::Transient),
                    shutdown: Some(Shutdown::BrutalKill),
                },
                ChildSpecAst::Worker {
                    id: "w3".into(),
                    kind: kind("echo"),
                    restart: Some(RestartType::Temporary),
                    shutdown: Some(Shutdown::Timeout(ms(2000)))
                },
            ],
        })
    );
    let Command::Sup(empty) = cmd("sup s {}") else {
        panic!()
    };
    assert_eq!(
        (
            empty.strategy,
            empty.intensity,
            empty.period,
            empty.children.len()
        ),
        (Strategy::OneForOne, None, None, 0)
    );
    let Command::Sup(spec) =
        cmd("sup s strategy rest_for_one { worker a counter shutdown infinity }")
    else {
        panic!()
    };
    assert_eq!(spec.strategy, Strategy::RestForOne);
    let Command::Sup(pool) = cmd("sup pool simple_one_for_one { worker w counter }") else {
        panic!()
    };
    assert_eq!(pool.strategy, Strategy::SimpleOneForOne);
}

#[test]
fn views_time_and_presenting() {
    assert_eq!(cmd("tree"), Command::Tree { sup: None });
    assert_eq!(
        cmd("tree demo"),
        Command::Tree {
            sup: Some(name("demo"))
        }
    );
    assert_eq!(cmd("ps"), Command::Ps(PsRows::Default));
    assert_eq!(cmd("ps all"), Command::Ps(PsRows::All));
    assert_eq!(cmd("ps 500"), Command::Ps(PsRows::First(500)));
    assert_eq!(
        cmd("info <0.5.0>"),
        Command::Info {
            target: Target::Pid(5)
        }
    );
    assert_eq!(
        cmd("mailbox self"),
        Command::Mailbox {
            target: Target::SelfPid
        }
    );
    assert_eq!(cmd("regs"), Command::Regs);
    assert_eq!(cmd("sleep 1.5s"), Command::Sleep(ms(1500)));
    assert_eq!(
        cmd("wait demo/w1 restarted"),
        Command::Wait {
            target: path(&["demo", "w1"]),
            until: WaitFor::Restarted,
            timeout: None
        }
    );
    assert_eq!(
        cmd("wait c dead timeout 2s"),
        Command::Wait {
            target: name("c"),
            until: WaitFor::Dead,
            timeout: Some(ms(2000))
        }
    );
    assert_eq!(
        cmd("wait c alive"),
        Command::Wait {
            target: name("c"),
            until: WaitFor::Alive,
            timeout: None
        }
    );
    assert_eq!(
        cmd("say \"Let it crash!\""),
        Command::Say("Let it crash!".into())
    );
    assert_eq!(cmd("pause"), Command::Pause);
    assert_eq!(cmd("clear"), Command::Clear);
    assert_eq!(cmd("reset"), Command::Reset);
    assert_eq!(cmd("slowmo 500ms"), Command::Slowmo(Some(ms(500))));
    assert_eq!(cmd("slowmo off"), Command::Slowmo(None));
    assert_eq!(cmd("log quiet"), Command::Log(LogLevel::Quiet));
    assert_eq!(cmd("log normal"), Command::Log(LogLevel::Normal));
    assert_eq!(cmd("log verbose"), Command::Log(LogLevel::Verbose));
    assert_eq!(
        cmd("syntax elixir"),
        Command::Syntax(crate::view::Syntax::Elixir)
    );
    assert_eq!(
        cmd("syntax erlang"),
        Command::Syntax(crate::view::Syntax::Erlang)
    );
    assert_eq!(
        cmd("trace c on"),
        Command::Trace {
            target: name("c"),
            on: true
        }
    );
    assert_eq!(cmd("help"), Command::Help(None));
    assert_eq!(cmd("help sup"), Command::Help(Some("sup".into())));
    assert_eq!(cmd("kinds"), Command::Kinds);
    assert_eq!(cmd("quit"), Command::Quit);
}

#[test]
fn expectations() {
    let expect = |src| match cmd(src) {
        Command::Expect(e) => e,
        other => panic!("{other:?}"),
    };
    assert_eq!(expect("expect alive c"), Expectation::Alive(name("c")));
    assert_eq!(
        expect("expect dead W"),
        Expectation::Dead {
            target: var("W"),
            reason: None
        }
    );
    assert_eq!(
        expect("expect dead W killed"),
        Expectation::Dead {
            target: var("W"),
            reason: Some(atom("killed"))
        }
    );
    assert_eq!(
        expect("expect message self {'EXIT', _, boom}"),
        Expectation::Message {
            target: Target::SelfPid,
            pattern: TermExpr::Tuple(vec![atom("EXIT"), TermExpr::Wildcard, atom("boom")]),
        }
    );
    assert_eq!(
        expect("expect no_message self _"),
        Expectation::NoMessage {
            target: Target::SelfPid,
            pattern: TermExpr::Wildcard
        }
    );
    assert_eq!(
        expect("expect restarts demo/w1 2"),
        Expectation::Restarts {
            path: path(&["demo", "w1"]),
            count: 2
        }
    );
    assert_eq!(
        expect("expect children demo 3"),
        Expectation::Children {
            sup: name("demo"),
            count: 3
        }
    );
    assert_eq!(
        expect("expect same demo/w1 P"),
        Expectation::Same {
            target: path(&["demo", "w1"]),
            var: "P".into()
        }
    );
    assert_eq!(
        expect("expect changed demo/w1 P"),
        Expectation::Changed {
            target: path(&["demo", "w1"]),
            var: "P".into()
        }
    );
    assert_eq!(
        expect("expect reply c get {ok, _}"),
        Expectation::Reply {
            target: name("c"),
            request: atom("get"),
            pattern: TermExpr::Tuple(vec![atom("ok"), TermExpr::Wildcard])
        }
    );
}

#[test]
fn variables() {
    let assign = |var: &str, value: Command| Command::Assign {
        var: var.into(),
        value: Box::new(value),
    };
    assert_eq!(
        cmd("W = spawn counter"),
        assign(
            "W",
            Command::Spawn {
                kind: kind("counter"),
                name: None,
                link_or_monitor: None
            }
        )
    );
    assert_eq!(
        cmd("P = whereis demo/w1"),
        assign(
            "P",
            Command::Whereis {
                target: path(&["demo", "w1"])
            }
        )
    );
    assert_eq!(
        cmd("R = monitor X"),
        assign(
            "R",
            Command::Monitor {
                a: var("X"),
                b: None
            }
        )
    );
    assert_eq!(
        cmd("X = {a, 1}"),
        assign(
            "X",
            Command::Eval(TermExpr::Tuple(vec![atom("a"), TermExpr::Int(1)]))
        )
    );
    assert_eq!(
        cmd("Me = self"),
        assign("Me", Command::Eval(TermExpr::SelfPid))
    );
    assert_eq!(
        cmd("K = kill"),
        assign("K", Command::Eval(atom("kill"))),
        "only value commands are commands after `=`"
    );
    assert_eq!(cmd("W"), Command::Eval(TermExpr::Var("W".into())));
    assert_eq!(cmd("self"), Command::Eval(TermExpr::SelfPid));
}

#[test]
fn comments_quoted_names_and_blank_lines() {
    assert_eq!(cmd("kill c   # bye"), Command::Kill { target: name("c") });
    assert_eq!(
        cmd("kill 'A-D'"),
        Command::Kill {
            target: name("A-D")
        }
    );
    assert_eq!(
        cmd("kill 'sup one'/'w 1'"),
        Command::Kill {
            target: path(&["sup one", "w 1"])
        }
    );
    assert_eq!(
        crate::commands::parse_line("   # only a comment").unwrap(),
        None
    );
    assert_eq!(crate::commands::parse_line("").unwrap(), None);
}

#[test]
fn s4_a_nested_sup_takes_a_restart_type_and_shutdown_in_any_order() {
    let inner = |src: &str| {
        let Command::Sup(top) = cmd(src) else {
            panic!("{src}")
        };
        top.children[0].clone()
    };
    let expected = ChildSpecAst::Sup {
        spec: SupSpec {
            name: "inner".into(),
            strategy: Strategy::RestForOne,
            intensity: Some(1),
            period: Some(ms(5000)),
            children: vec![ChildSpecAst::Worker {
                id: "a".into(),
                kind: kind("echo"),
                restart: None,
                shutdown: None,
            }],
        },
        restart: Some(RestartType::Transient),
        shutdown: Some(Shutdown::Timeout(ms(10_000))),
    };
    for src in [
        "sup top { sup inner rest_for_one intensity 1 period 5s transient shutdown 10s { worker a echo } }",
        "sup top { sup inner transient shutdown 10s rest_for_one intensity 1 period 5s { worker a echo } }",
        "sup top { sup inner intensity 1 shutdown 10s rest_for_one transient period 5s { worker a echo } }",
    ] {
        assert_eq!(inner(src), expected, "{src}");
    }
    let ChildSpecAst::Sup {
        restart, shutdown, ..
    } = inner("sup top { sup inner { worker a echo } }")
    else {
        panic!()
    };
    assert_eq!((restart, shutdown), (None, None), "OTP's defaults apply");
}

#[test]
fn a_tuple_or_list_pattern_on_the_left_is_a_match() {
    assert_eq!(
        cmd("{ok, P} = start_child pool 7"),
        Command::Match {
            pattern: TermExpr::Tuple(vec![atom("ok"), TermExpr::Var("P".into())]),
            value: Box::new(Command::StartChild {
                sup: name("pool"),
                child: StartChildArg::Args(vec![TermExpr::Int(7)]),
            }),
        }
    );
    assert!(matches!(
        cmd("[{_, C, _, _}] = which_children s"),
        Command::Match { .. }
    ));
    // `{a, 1} == ...` is no match: only a single `=` makes one. It is
    // Erlang, a comparison.
    assert_eq!(
        cmd("{a, 1} == {a, 1}"),
        Command::Erlang("{a, 1} == {a, 1}".into())
    );
}
