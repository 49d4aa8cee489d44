//! The talk's live demo, end to end: an audience partitioned into
//! supervisors A-D, E-K, L-Q and R-Z, each member a `stateful` worker that
//! keeps its count in a StateServer. A crash restarts the member with its
//! count restored; crashing it past its partition's restart intensity takes
//! the partition down, and the top supervisor restarts the partition.

use letitcrash::behavior::{StartContext, spawn_kind};
use letitcrash::runtime::{Atom, Config, Host, Pid, Process, Runtime, Term};
use letitcrash::supervisor::{self, ChildSpec, Strategy, SupervisorSpec, api};
use std::time::Duration;

const PARTITIONS: [&str; 4] = ["A-D", "E-K", "L-Q", "R-Z"];

fn kind(id: &str, kind: &'static str, args: Vec<Term>) -> ChildSpec {
    let context = StartContext::child(Atom::new(id));
    ChildSpec::worker(id, kind, move |sup: &Process, _: &[Term]| {
        spawn_kind(sup, kind, &args, &context, true).map_err(|e| Term::string(&e.to_string()))
    })
}

fn member(name: &str) -> ChildSpec {
    kind(name, "stateful", Vec::new())
}

fn audience() -> SupervisorSpec {
    let mut top = SupervisorSpec::new(Strategy::OneForOne)
        .intensity(5, Duration::from_secs(60))
        .child(kind(
            "store",
            "state_server",
            vec![Term::atom("state_server")],
        ));
    let first_members = [
        vec!["alice", "bob"],
        vec!["erin"],
        vec!["lena"],
        vec!["rosa", "zoe"],
    ];
    for (partition, members) in PARTITIONS.iter().zip(first_members) {
        let mut spec =
            SupervisorSpec::new(Strategy::OneForOne).intensity(2, Duration::from_secs(5));
        for name in members {
            spec = spec.child(member(name));
        }
        top = top.child(ChildSpec::supervisor(partition, spec));
    }
    top
}

struct Demo {
    rt: Runtime,
    probe: Host,
    top: Pid,
}

impl Demo {
    fn start() -> Demo {
        let rt = letitcrash::behavior::runtime(Config::deterministic(2024));
        let probe = rt.spawn_host("presenter");
        let top = probe
            .run(|me| async move {
                supervisor::start(&me, audience(), Some(Atom::new("audience")), false).await
            })
            .unwrap()
            .expect("the audience tree starts");
        Demo { rt, probe, top }
    }

    fn child(&self, supervisor: Pid, id: &str) -> Option<Pid> {
        let id = Atom::new(id);
        self.probe
            .run(move |me| async move { api::child_pid(&me, supervisor, id).await })
            .unwrap()
            .unwrap()
    }

    fn partition(&self, name: &str) -> Pid {
        self.child(self.top, name)
            .expect("the partition is running")
    }

    fn member(&self, partition: &str, name: &str) -> Pid {
        self.child(self.partition(partition), name)
            .expect("the member is running")
    }

    fn count(&self, pid: Pid) -> Term {
        self.probe
            .run(move |me| async move {
                me.call(pid, Term::atom("get"), Some(Duration::from_secs(1)))
                    .await
            })
            .unwrap()
            .expect("the member answers")
    }

    fn crash(&self, pid: Pid) {
        self.rt.crash(pid, Term::atom("boom"));
        self.rt.run_until_quiet(Duration::from_millis(100));
    }
}

#[test]
fn a_crashed_member_is_restarted_with_its_count_restored() {
    let demo = Demo::start();
    let alice = demo.member("A-D", "alice");
    for _ in 0..3 {
        demo.rt.send(alice, Term::atom("incr"));
    }
    demo.rt.run_until_quiet(Duration::from_millis(100));
    assert_eq!(demo.count(alice), Term::int(3));
    demo.crash(alice);
    let new_alice = demo.member("A-D", "alice");
    assert_ne!(new_alice, alice, "a new process");
    assert_eq!(
        demo.count(new_alice),
        Term::int(3),
        "its state came back from the StateServer"
    );
}

#[test]
fn new_members_join_with_start_child() {
    let demo = Demo::start();
    let partition = demo.partition("E-K");
    let reply = demo
        .probe
        .run(move |me| async move { api::start_child(&me, partition, member("kate")).await })
        .unwrap()
        .unwrap();
    assert!(reply.to_string().starts_with("{ok,<0."), "{reply}");
    let kate = demo.member("E-K", "kate");
    demo.rt
        .send(kate, Term::tuple([Term::atom("add"), Term::int(7)]));
    demo.rt.run_until_quiet(Duration::from_millis(100));
    demo.crash(kate);
    assert_eq!(demo.count(demo.member("E-K", "kate")), Term::int(7));
}

#[test]
fn crashing_past_the_intensity_takes_the_partition_down_and_the_top_restarts_it() {
    let demo = Demo::start();
    let a_d = demo.partition("A-D");
    let bob = demo.member("A-D", "bob");
    let rosa = demo.member("R-Z", "rosa");
    demo.rt.send(
        demo.member("A-D", "alice"),
        Term::tuple([Term::atom("add"), Term::int(5)]),
    );
    demo.rt.run_until_quiet(Duration::from_millis(100));
    // Intensity 2 in 5 s: the third crash within the period is one too many.
    for _ in 0..3 {
        demo.crash(demo.member("A-D", "alice"));
    }
    assert_eq!(
        demo.rt.death(a_d).unwrap().reason,
        Term::atom("shutdown"),
        "the partition gave up"
    );
    assert!(!demo.rt.is_alive(bob), "and took its members down with it");
    let new_a_d = demo.partition("A-D");
    assert_ne!(new_a_d, a_d, "the top supervisor restarted the partition");
    let alice = demo.member("A-D", "alice");
    assert_eq!(
        demo.count(alice),
        Term::int(5),
        "the member's count survived even that"
    );
    assert_ne!(demo.member("A-D", "bob"), bob, "fresh members");
    assert_eq!(
        demo.member("R-Z", "rosa"),
        rosa,
        "other partitions never noticed"
    );
    assert!(demo.rt.is_alive(demo.top));
}
