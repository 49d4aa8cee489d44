//! Each kind does what its help line says, on the deterministic runtime.

use super::*;
use crate::runtime::XorShift;
use crate::runtime::{Config, EventKind, Host};
use crossbeam_channel::Receiver;

fn runtime() -> Runtime {
    crate::behavior::runtime(Config::deterministic(7))
}

fn atom(name: &str) -> Term {
    Term::atom(name)
}

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn spawn(rt: &Runtime, kind: &str, args: &[Term]) -> Pid {
    let pid = spawn_kind_top(rt, kind, args, &StartContext::none()).expect("a valid kind");
    rt.run_until_quiet(ms(100));
    pid
}

fn call(host: &Host, to: Pid, request: Term) -> Result<Term, Term> {
    host.run(move |me| async move { me.call(to, request, Some(Duration::from_secs(1))).await })
        .expect("the probe runs")
}

fn send(rt: &Runtime, to: Pid, message: Term) {
    rt.send(to, message);
    rt.run_until_quiet(ms(100));
}

fn reason(rt: &Runtime, pid: Pid) -> Term {
    rt.death(pid)
        .unwrap_or_else(|| panic!("{pid} should be dead"))
        .reason
}

/// The lines printed so far, by `pid`.
fn printed(events: &Receiver<crate::runtime::Event>, pid: Pid) -> Vec<String> {
    events
        .try_iter()
        .filter_map(|event| match event.kind {
            EventKind::Output { pid: p, text } if p == pid => Some(text),
            _ => None,
        })
        .collect()
}

fn error(kind: &str, args: &[Term]) -> String {
    check(kind, args)
        .expect_err("these arguments are wrong")
        .to_string()
}

// ---- the catalogue -------------------------------------------------------

#[test]
fn every_kind_is_listed_with_help_and_a_valid_example() {
    let names: Vec<&str> = kinds().iter().map(|k| k.name).collect();
    assert_eq!(
        names,
        [
            "idle",
            "echo",
            "sink",
            "counter",
            "state_server",
            "stateful",
            "ticker",
            "crasher",
            "spinner",
            "pinger",
            "ponger"
        ]
    );
    for kind in kinds() {
        assert!(!kind.help.is_empty(), "{}", kind.name);
        assert!(!kind.help.contains('\n'), "{}: one line", kind.name);
        assert!(kind.usage.starts_with(kind.name), "{}", kind.usage);
        assert!(std::ptr::eq(find(kind.name).unwrap(), kind));
        let (name, args) = parse_example(kind.example);
        assert_eq!(name, kind.name);
        check(name, &args).unwrap_or_else(|e| panic!("{}: {e}", kind.example));
    }
    assert!(find("countr").is_none());
}

/// `ticker(1s)` -> ("ticker", [1000]): just enough of the language for the
/// examples.
fn parse_example(example: &str) -> (&str, Vec<Term>) {
    let Some((name, rest)) = example.split_once('(') else {
        return (example, vec![]);
    };
    let args = rest
        .trim_end_matches(')')
        .split(", ")
        .map(|arg| {
            if let Some(n) = arg.strip_suffix("ms") {
                Term::int(n.parse().unwrap())
            } else if let Some(n) = arg.strip_suffix('s').and_then(|n| n.parse::<i64>().ok()) {
                Term::int(n * 1000)
            } else if let Ok(n) = arg.parse() {
                Term::int(n)
            } else {
                atom(arg)
            }
        })
        .collect();
    (name, args)
}

#[test]
fn arguments_are_checked_with_clear_messages() {
    assert_eq!(
        error("countr", &[]),
        "unknown kind `countr` — did you mean `counter`?"
    );
    assert_eq!(
        error("tick", &[]),
        "unknown kind `tick` — did you mean `ticker`?"
    );
    assert_eq!(
        error("zebra", &[]),
        "unknown kind `zebra` — `kinds` lists the kinds there are"
    );
    assert_eq!(
        error("ticker", &[]),
        "`ticker` takes one argument: ticker(INTERVAL), e.g. ticker(1s)"
    );
    assert_eq!(
        error("ticker", &[Term::int(1), Term::int(2)]),
        "`ticker` takes one argument: ticker(INTERVAL), e.g. ticker(1s)"
    );
    assert_eq!(
        error("ticker", &[atom("soon")]),
        "`ticker`: expected a duration, got soon"
    );
    assert_eq!(
        error("ticker", &[Term::int(0)]),
        "`ticker`: expected a duration above 0, got 0"
    );
    assert_eq!(
        error("crasher", &[atom("foo"), atom("boom")]),
        "`crasher`: expected a duration, got foo"
    );
    assert_eq!(
        error("crasher", &[atom("foo")]),
        "`crasher`: expected a duration or a probability between 0.0 and 1.0, got foo"
    );
    assert_eq!(
        error("crasher", &[Term::float(1.5)]),
        "`crasher`: expected a probability between 0.0 and 1.0, got 1.5"
    );
    assert_eq!(
        error("crasher", &[]),
        "`crasher` takes one or two arguments: \
         crasher(AFTER, REASON) | crasher(AFTER) | crasher(PROBABILITY), e.g. crasher(500ms, boom)"
    );
    assert_eq!(
        error("idle", &[Term::int(1)]),
        "`idle` takes no arguments: idle, e.g. idle"
    );
    assert_eq!(
        error("counter", &[Term::int(1), Term::int(2)]),
        "`counter` takes at most one argument: counter | counter(START), e.g. counter(10)"
    );
    assert_eq!(
        error("counter", &[atom("ten")]),
        "`counter`: expected an integer, got ten"
    );
    assert_eq!(
        error("pinger", &[Term::int(3)]),
        "`pinger`: expected a name or a pid, got 3"
    );
    assert_eq!(
        error("spinner", &[Term::int(-1)]),
        "`spinner`: expected a number of chunks (0 or more), got -1"
    );
}

#[test]
fn nothing_is_spawned_when_the_arguments_are_wrong() {
    let rt = runtime();
    let before = rt.process_count();
    assert!(spawn_kind_top(&rt, "ticker", &[atom("x")], &StartContext::none()).is_err());
    assert!(spawn_kind_top(&rt, "nope", &[], &StartContext::none()).is_err());
    assert_eq!(rt.process_count(), before);
}

#[test]
fn spawn_kind_starts_a_child_of_the_parent_linked_or_not() {
    let rt = runtime();
    let host = rt.spawn_host("shell");
    let (linked, plain) = host
        .run(|me| async move {
            let linked = spawn_kind(&me, "idle", &[], &StartContext::none(), true).unwrap();
            let plain = spawn_kind(&me, "idle", &[], &StartContext::none(), false).unwrap();
            (linked, plain)
        })
        .unwrap();
    let info = rt.process_info(linked).unwrap();
    assert_eq!(info.kind, Atom::new("idle"));
    assert_eq!(info.parent, Some(host.pid()));
    assert_eq!(info.links, vec![host.pid()]);
    assert!(rt.process_info(plain).unwrap().links.is_empty());
    let error = host
        .run(|me| async move { spawn_kind(&me, "idel", &[], &StartContext::none(), true) })
        .unwrap();
    assert_eq!(
        error.unwrap_err().to_string(),
        "unknown kind `idel` — did you mean `idle`?"
    );
}

// ---- idle, echo, sink ----------------------------------------------------

#[test]
fn idle_ignores_messages_and_stops_on_stop() {
    let rt = runtime();
    let idle = spawn(&rt, "idle", &[]);
    send(&rt, idle, atom("hello"));
    send(&rt, idle, Term::tuple([atom("stop"), atom("please")]));
    assert!(rt.is_alive(idle));
    send(&rt, idle, atom("stop"));
    assert_eq!(reason(&rt, idle), Term::normal());
}

#[test]
fn echo_prints_what_it_gets_and_answers_pid_msg() {
    let rt = runtime();
    let events = rt.subscribe();
    let echo = spawn(&rt, "echo", &[]);
    send(&rt, echo, atom("hello"));
    assert_eq!(printed(&events, echo), [format!("echo {echo} got hello")]);
    let host = rt.spawn_host("probe");
    let answer = host
        .run(move |me| async move {
            me.send(echo, Term::tuple([Term::pid(me.pid()), atom("marco")]));
            me.receive_timeout(ms(100)).await
        })
        .unwrap();
    assert_eq!(answer, Some(atom("marco")));
    send(&rt, echo, atom("stop"));
    assert_eq!(reason(&rt, echo), Term::normal());
}

#[test]
fn sink_keeps_messages_and_trapped_exits_in_its_mailbox() {
    let rt = runtime();
    let sink = spawn(&rt, "sink", &[]);
    rt.set_trap_exit(sink, true);
    send(&rt, sink, atom("one"));
    send(&rt, sink, atom("two"));
    // A linked process dies: the trapping sink keeps the 'EXIT' message.
    let host = rt.spawn_host("doomed");
    host.run(move |me| async move { me.link(sink) })
        .unwrap()
        .unwrap();
    rt.crash(host.pid(), atom("boom"));
    rt.run_until_quiet(ms(100));
    assert!(rt.is_alive(sink));
    assert_eq!(rt.process_info(sink).unwrap().message_queue_len, 3);

    let probe = rt.spawn_host("probe");
    assert_eq!(call(&probe, sink, atom("count")), Ok(Term::int(3)));
    assert_eq!(
        call(&probe, sink, atom("what")),
        Ok(Term::error(Term::tuple([
            atom("unknown_call"),
            atom("what")
        ])))
    );
    // The calls were answered out of order; the mailbox is untouched.
    assert_eq!(rt.process_info(sink).unwrap().message_queue_len, 3);
    assert_eq!(call(&probe, sink, atom("stop")), Ok(atom("ok")));
    rt.run_until_quiet(ms(100));
    assert_eq!(reason(&rt, sink), Term::normal());
}

// ---- counter -------------------------------------------------------------

#[test]
fn counter_counts() {
    let rt = runtime();
    let counter = spawn(&rt, "counter", &[]);
    for message in [atom("incr"), atom("incr"), atom("incr"), atom("decr")] {
        send(&rt, counter, message);
    }
    send(&rt, counter, Term::tuple([atom("add"), Term::int(10)]));
    let probe = rt.spawn_host("probe");
    assert_eq!(call(&probe, counter, atom("get")), Ok(Term::int(12)));

    let from_ten = spawn(&rt, "counter", &[Term::int(10)]);
    send(&rt, from_ten, atom("decr"));
    assert_eq!(call(&probe, from_ten, atom("get")), Ok(Term::int(9)));
}

#[test]
fn counter_crashes_on_a_message_it_does_not_know() {
    let rt = runtime();
    let counter = spawn(&rt, "counter", &[]);
    send(&rt, counter, atom("incr"));
    send(&rt, counter, atom("reset"));
    assert_eq!(
        reason(&rt, counter),
        Term::tuple([atom("bad_message"), atom("reset")])
    );

    // `{add, foo}` is not `{add, N}` either.
    let counter = spawn(&rt, "counter", &[]);
    let bad = Term::tuple([atom("add"), atom("foo")]);
    send(&rt, counter, bad.clone());
    assert_eq!(
        reason(&rt, counter),
        Term::tuple([atom("bad_message"), bad])
    );

    // An unknown call crashes it too; the caller gets the reason.
    let counter = spawn(&rt, "counter", &[]);
    let probe = rt.spawn_host("probe");
    let expected = Term::tuple([atom("bad_call"), atom("reset")]);
    assert_eq!(call(&probe, counter, atom("reset")), Err(expected.clone()));
    assert_eq!(reason(&rt, counter), expected);
}

#[test]
fn counter_overflow_is_a_crash_not_a_wrap() {
    let rt = runtime();
    let counter = spawn(&rt, "counter", &[Term::int(i64::MAX)]);
    send(&rt, counter, atom("incr"));
    assert_eq!(reason(&rt, counter), atom("badarith"));
}

// ---- state_server and stateful -------------------------------------------

fn put(k: Term, v: Term) -> Term {
    Term::tuple([atom("put"), k, v])
}

fn get(k: Term) -> Term {
    Term::tuple([atom("get"), k])
}

#[test]
fn state_server_put_get_delete_keys() {
    let rt = runtime();
    let store = spawn(&rt, "state_server", &[]);
    let probe = rt.spawn_host("probe");
    let ok = Ok(atom("ok"));
    assert_eq!(call(&probe, store, put(atom("b"), Term::int(2))), ok);
    assert_eq!(call(&probe, store, put(atom("a"), Term::int(1))), ok);
    assert_eq!(call(&probe, store, put(Term::int(7), atom("seven"))), ok);
    assert_eq!(
        call(&probe, store, get(atom("a"))),
        Ok(Term::ok(Term::int(1)))
    );
    assert_eq!(call(&probe, store, get(atom("zzz"))), Ok(atom("not_found")));
    // Keys are distinct terms: 7, the atom a and the string "a" differ.
    assert_eq!(
        call(&probe, store, get(Term::string("a"))),
        Ok(atom("not_found"))
    );
    assert_eq!(
        call(&probe, store, atom("keys")),
        Ok(Term::list(vec![Term::int(7), atom("a"), atom("b")]))
    );
    // Overwrite, delete.
    assert_eq!(call(&probe, store, put(atom("a"), Term::int(100))), ok);
    assert_eq!(
        call(&probe, store, get(atom("a"))),
        Ok(Term::ok(Term::int(100)))
    );
    assert_eq!(
        call(&probe, store, Term::tuple([atom("delete"), atom("b")])),
        ok
    );
    assert_eq!(
        call(&probe, store, atom("to_list")),
        Ok(Term::list(vec![
            Term::tuple([Term::int(7), atom("seven")]),
            Term::tuple([atom("a"), Term::int(100)]),
        ]))
    );
    // Casts work without a reply; nonsense is ignored (or answered).
    send(&rt, store, put(atom("c"), Term::int(3)));
    send(&rt, store, Term::tuple([atom("delete"), Term::int(7)]));
    send(&rt, store, atom("nonsense"));
    assert_eq!(
        call(&probe, store, atom("keys")),
        Ok(Term::list(vec![atom("a"), atom("c")]))
    );
    assert_eq!(
        call(&probe, store, atom("nonsense")),
        Ok(Term::error(Term::tuple([
            atom("unknown_call"),
            atom("nonsense")
        ])))
    );
    assert!(rt.is_alive(store));
}

#[test]
fn a_named_state_server_registers_itself_once() {
    let rt = runtime();
    let store = spawn(&rt, "state_server", &[atom("kv")]);
    assert_eq!(rt.whereis(Atom::new("kv")), Some(store));
    assert_eq!(
        check_spawn(&rt, "state_server", &[atom("kv")]),
        format!("`state_server`: the name kv is already registered to {store}")
    );
    // Once it is gone, the name is free for its successor.
    send(&rt, store, atom("stop"));
    let next = spawn(&rt, "state_server", &[atom("kv")]);
    assert_eq!(rt.whereis(Atom::new("kv")), Some(next));
}

fn check_spawn(rt: &Runtime, kind: &str, args: &[Term]) -> String {
    spawn_kind_top(rt, kind, args, &StartContext::none())
        .unwrap_err()
        .to_string()
}

#[test]
fn stateful_restores_its_count_after_a_crash() {
    let rt = runtime();
    let events = rt.subscribe();
    let store = spawn(&rt, "state_server", &[]);
    rt.register(Atom::new("state_server"), store).unwrap();
    let w1 = StartContext::child(Atom::new("w1"));

    let worker = spawn_kind_top(&rt, "stateful", &[], &w1).unwrap();
    for _ in 0..3 {
        send(&rt, worker, atom("incr"));
    }
    let probe = rt.spawn_host("probe");
    assert_eq!(call(&probe, worker, atom("get")), Ok(Term::int(3)));
    assert_eq!(
        call(&probe, store, get(atom("w1"))),
        Ok(Term::ok(Term::int(3)))
    );
    assert!(printed(&events, worker).is_empty(), "nothing to restore");

    rt.crash(worker, atom("boom"));
    rt.run_until_quiet(ms(100));
    assert_eq!(reason(&rt, worker), atom("boom"));

    let again = spawn_kind_top(&rt, "stateful", &[], &w1).unwrap();
    rt.run_until_quiet(ms(100));
    assert_ne!(again, worker);
    assert_eq!(call(&probe, again, atom("get")), Ok(Term::int(3)));
    assert_eq!(
        printed(&events, again),
        ["restored count 3 from state_server"]
    );
    send(&rt, again, Term::tuple([atom("add"), Term::int(4)]));
    assert_eq!(
        call(&probe, store, get(atom("w1"))),
        Ok(Term::ok(Term::int(7)))
    );

    // Like counter, it has a bug: an unknown message crashes it.
    send(&rt, again, atom("reset"));
    assert_eq!(
        reason(&rt, again),
        Term::tuple([atom("bad_message"), atom("reset")])
    );
}

#[test]
fn stateful_uses_its_registered_name_and_a_store_given_by_name() {
    let rt = runtime();
    let events = rt.subscribe();
    let store = spawn(&rt, "state_server", &[atom("vault")]);
    let probe = rt.spawn_host("probe");
    call(&probe, store, put(atom("c"), Term::int(41))).unwrap();

    let worker = spawn_kind_top(&rt, "stateful", &[atom("vault")], &StartContext::none()).unwrap();
    rt.register(Atom::new("c"), worker).unwrap(); // before it runs, as the shell does
    rt.run_until_quiet(ms(100));
    assert_eq!(printed(&events, worker), ["restored count 41 from vault"]);
    send(&rt, worker, atom("incr"));
    assert_eq!(
        call(&probe, store, get(atom("c"))),
        Ok(Term::ok(Term::int(42)))
    );
}

#[test]
fn stateful_without_a_store_crashes_with_noproc() {
    let rt = runtime();
    let worker = spawn(&rt, "stateful", &[]);
    assert_eq!(reason(&rt, worker), atom("noproc"));
}

// ---- time: ticker, crasher -----------------------------------------------

#[test]
fn ticker_ticks_n_times_in_n_intervals() {
    let rt = runtime();
    let events = rt.subscribe();
    let ticker = spawn(&rt, "ticker", &[Term::int(1000)]);
    rt.advance(Duration::from_secs(5));
    let ticks: Vec<(Duration, String)> = events
        .try_iter()
        .filter_map(|event| match event.kind {
            EventKind::Output { pid, text } if pid == ticker => Some((event.at, text)),
            _ => None,
        })
        .collect();
    let texts: Vec<&str> = ticks.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(texts, ["tick 1", "tick 2", "tick 3", "tick 4", "tick 5"]);
    for (n, (at, _)) in ticks.iter().enumerate() {
        let due = Duration::from_secs(n as u64 + 1);
        assert!(*at >= due && *at < due + ms(1), "tick {} at {at:?}", n + 1);
    }
    // A tick sent by hand is counted but does not start a second beat.
    send(&rt, ticker, atom("tick"));
    rt.advance(Duration::from_secs(2));
    assert_eq!(printed(&events, ticker), ["tick 6", "tick 7", "tick 8"]);
    send(&rt, ticker, atom("stop"));
    assert_eq!(reason(&rt, ticker), Term::normal());
}

#[test]
fn crasher_dies_with_its_reason_on_time() {
    let rt = runtime();
    let start = rt.now();
    let crasher = spawn(&rt, "crasher", &[Term::int(500), atom("boom")]);
    rt.advance(ms(499));
    assert!(rt.is_alive(crasher));
    rt.advance(ms(2));
    let death = rt.death(crasher).expect("dead by 501ms");
    assert_eq!(death.reason, atom("boom"));
    let at = death.at - start;
    assert!(at >= ms(500) && at < ms(501), "{at:?}");

    let default = spawn(&rt, "crasher", &[Term::int(10)]);
    rt.advance(ms(20));
    assert_eq!(reason(&rt, default), atom("crash"));
}

#[test]
fn a_flaky_crasher_is_reproducible() {
    // How many messages a crasher(0.3) survives, in a fresh runtime.
    let survived = || {
        let rt = runtime();
        let crasher = spawn(&rt, "crasher", &[Term::float(0.3)]);
        let mut n = 0;
        while rt.is_alive(crasher) {
            send(&rt, crasher, atom("hit"));
            n += 1;
            assert!(n < 1000);
        }
        assert_eq!(reason(&rt, crasher), atom("crash"));
        n
    };
    assert_eq!(survived(), survived());

    let rt = runtime();
    let never = spawn(&rt, "crasher", &[Term::float(0.0)]);
    let always = spawn(&rt, "crasher", &[Term::float(1.0)]);
    for _ in 0..50 {
        rt.send(never, atom("hit"));
    }
    send(&rt, always, atom("hit"));
    assert!(rt.is_alive(never));
    assert_eq!(reason(&rt, always), atom("crash"));
}

#[test]
fn the_dice_are_roughly_fair() {
    let mut dice = XorShift::new(5);
    let rolls: Vec<f64> = (0..10_000).map(|_| dice.unit()).collect();
    assert!(rolls.iter().all(|r| (0.0..1.0).contains(r)));
    let below = rolls.iter().filter(|&&r| r < 0.3).count();
    assert!((2700..3300).contains(&below), "{below}");
    let mut same = XorShift::new(5);
    assert_eq!(same.unit(), rolls[0]);
}

// ---- spinner, ping-pong --------------------------------------------------

#[test]
fn spinners_do_not_starve_an_echo() {
    let rt = runtime();
    let spinners: Vec<Pid> = (0..3)
        .map(|_| spawn_kind_top(&rt, "spinner", &[], &StartContext::none()).unwrap())
        .collect();
    let echo = spawn_kind_top(&rt, "echo", &[], &StartContext::none()).unwrap();
    let probe = rt.spawn_host("probe");
    let before = rt.now();
    let answer = probe
        .run_for(Duration::from_secs(1), move |me| async move {
            me.send(echo, Term::tuple([Term::pid(me.pid()), atom("ping")]));
            me.receive_timeout(Duration::from_secs(1)).await
        })
        .unwrap();
    assert_eq!(answer, Some(atom("ping")));
    assert!(rt.now() - before < ms(50), "{:?}", rt.now() - before);
    for spinner in spinners {
        assert!(rt.process_info(spinner).unwrap().reductions > 0);
        rt.exit(spinner, atom("kill"));
    }
    rt.run_until_quiet(ms(100));
    assert!(rt.is_alive(echo));
}

#[test]
fn a_spinner_with_a_limit_stops_normally() {
    let rt = runtime();
    let spinner = spawn_kind_top(&rt, "spinner", &[Term::int(20)], &StartContext::none()).unwrap();
    rt.run_until_quiet(Duration::from_secs(1));
    assert_eq!(reason(&rt, spinner), Term::normal());
}

#[test]
fn pinger_and_ponger_play() {
    let rt = runtime();
    let events = rt.subscribe();
    let ponger = spawn(&rt, "ponger", &[]);
    rt.register(Atom::new("p"), ponger).unwrap();
    let pinger = spawn(&rt, "pinger", &[atom("p")]);
    send(&rt, pinger, atom("go"));
    let lines: Vec<(Pid, String)> = events
        .try_iter()
        .filter_map(|event| match event.kind {
            EventKind::Output { pid, text } => Some((pid, text)),
            _ => None,
        })
        .collect();
    let ping = format!("ponger {ponger} got ping from {pinger}, answers pong");
    assert_eq!(
        lines,
        [
            (ponger, ping.clone()),
            (pinger, format!("pinger {pinger} got pong 1")),
            (ponger, ping),
            (pinger, format!("pinger {pinger} got pong 2")),
        ]
    );
    // A pinger whose target is missing says so and stays up.
    let lonely = spawn(&rt, "pinger", &[atom("nobody")]);
    assert_eq!(
        printed(&events, lonely),
        [format!("pinger {lonely}: nobody is called nobody")]
    );
    assert!(rt.is_alive(lonely));
    send(&rt, pinger, atom("stop"));
    send(&rt, ponger, atom("stop"));
    assert_eq!(reason(&rt, pinger), Term::normal());
    assert_eq!(reason(&rt, ponger), Term::normal());
}
