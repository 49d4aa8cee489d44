//! `sup` blocks, paths and the supervisor API from the language.

use super::*;

const DEMO: &str = "sup demo one_for_one intensity 3 period 5s {
  worker w1 counter
  worker w2 counter transient
  sup inner rest_for_one { worker a echo; worker b echo }
}";

#[test]
fn a_sup_block_starts_a_tree_that_tree_draws() {
    let mut s = session();
    let out = run(&mut s, DEMO);
    assert!(last(&out).starts_with("<0."), "{out:?}");
    let tree = run(&mut s, "tree");
    let text = tree.join("\n");
    for needle in [
        "demo",
        "one_for_one",
        "w1",
        "w2",
        "inner",
        "rest_for_one",
        "a",
        "b",
        "0/3",
    ] {
        assert!(text.contains(needle), "tree shows {needle}:\n{text}");
    }
}

#[test]
fn paths_follow_a_child_across_restarts() {
    let mut s = session();
    run(&mut s, DEMO);
    let out = run(
        &mut s,
        "W1 = whereis demo/w1\ncrash demo/w1 boom\nexpect changed demo/w1 W1\nexpect restarts demo/w1 1\nexpect dead W1 boom\nA = whereis demo/inner/a\ncrash demo/inner/a\nexpect changed demo/inner/a A\nexpect restarts demo/inner/a 1",
    );
    assert!(!has(&out, "FAIL"), "{out:?}");
    assert!(
        has(&out, "restarting"),
        "the restart shows as an event: {out:?}"
    );
}

#[test]
fn the_supervisor_api_from_the_shell() {
    let mut s = session();
    run(&mut s, DEMO);
    assert_eq!(
        last(&run(&mut s, "count_children demo")),
        "[{specs,3},{active,3},{supervisors,1},{workers,2}]"
    );
    assert!(last(&run(&mut s, "start_child demo worker w3 counter")).starts_with("{ok,<0."));
    assert!(
        last(&run(&mut s, "start_child demo worker w3 counter"))
            .starts_with("{error,{already_started,")
    );
    assert_eq!(last(&run(&mut s, "terminate_child demo w3")), "ok");
    assert!(
        last(&run(&mut s, "which_children demo"))
            .starts_with("[{w3,undefined,worker,[counter]},{inner,<0.")
    );
    assert!(last(&run(&mut s, "restart_child demo w3")).starts_with("{ok,<0."));
    assert_eq!(
        last(&run(&mut s, "delete_child demo w3")),
        "{error,running}"
    );
    assert_eq!(
        last(&run(&mut s, "terminate_child demo nope")),
        "{error,not_found}"
    );
    let out = run(&mut s, "expect children demo 4");
    assert!(!has(&out, "FAIL"), "{out:?}");
}

#[test]
fn simple_one_for_one_children_get_extra_args() {
    let mut s = session();
    run(&mut s, "sup pool simple_one_for_one { worker c counter }");
    let started = run(&mut s, "start_child pool 10");
    assert!(last(&started).starts_with("{ok,<0."), "{started:?}");
    run(&mut s, "start_child pool 5");
    let out = run(&mut s, "count_children pool");
    assert!(last(&out).contains("{active,2}"), "{out:?}");
}

#[test]
fn slow_motion_shows_the_child_restarting() {
    let mut s = session();
    run(&mut s, "slowmo 1s");
    run(&mut s, DEMO);
    let out = run(&mut s, "crash demo/w1\nwhich_children demo");
    assert!(
        last(&out).contains("{w1,restarting,worker,[counter]}"),
        "{out:?}"
    );
    let out = run(&mut s, "sleep 1100ms\nwhich_children demo");
    assert!(!last(&out).contains("restarting"), "{out:?}");
}

#[test]
fn exceeding_the_intensity_takes_the_supervisor_down() {
    let mut s = session();
    run(&mut s, "sup fragile { worker w counter }");
    let out = run(
        &mut s,
        "crash fragile/w\ncrash fragile/w\nexpect dead fragile shutdown",
    );
    assert!(!has(&out, "FAIL"), "{out:?}");
    assert!(has(&out, "gave up"), "{out:?}");
}

#[test]
fn a_sup_with_a_bad_kind_is_rejected_before_anything_starts() {
    let mut s = session();
    let out = run(
        &mut s,
        "sup broken { worker w1 counter; worker w2 tickr(1s) }",
    );
    assert!(has(&out, "worker w2: unknown kind `tickr`"), "{out:?}");
    assert_eq!(last(&run(&mut s, "whereis broken")), "undefined");
}

#[test]
fn a_named_state_server_is_registered_before_its_siblings_start() {
    // Each seed orders the first slices differently; none may let `alice`
    // ask for the store before its name exists.
    for seed in 0..8 {
        let mut s = Session::new(SessionConfig::deterministic(seed, Style::PLAIN));
        let out = run(
            &mut s,
            "sup app rest_for_one intensity 3 { worker store state_server(state_server); worker alice stateful; worker bob stateful }\nexpect restarts app/alice 0\nexpect restarts app/bob 0",
        );
        assert!(
            !has(&out, "FAIL") && !has(&out, "noproc"),
            "seed {seed}: {out:?}"
        );
    }
}

#[test]
fn s7_exit_from_the_shell_stops_a_top_level_supervisor_right_to_left() {
    let mut s = session();
    run(
        &mut s,
        "sup s { worker a echo; worker b echo; worker c echo }",
    );
    let out = run(&mut s, "exit s shutdown\nexpect dead s shutdown");
    assert!(!has(&out, "FAIL"), "{out:?}");
    // Who exited, in order: the children newest first, then s.
    let exits: Vec<&str> = out
        .iter()
        .filter(|l| l.contains("✓ exit shutdown"))
        .filter_map(|l| l.rsplit_once('(').map(|(_, who)| who.trim_end_matches(')')))
        .collect();
    assert_eq!(exits, ["s/c", "s/b", "s/a", "s"], "{out:#?}");
}

#[test]
fn s7_exit_from_the_shell_with_another_reason_ends_the_supervisor_with_it() {
    let mut s = session();
    run(
        &mut s,
        "sup s { worker a echo; worker b echo }\nA = whereis s/a",
    );
    let out = run(
        &mut s,
        "exit s boom\nexpect dead s boom\nexpect dead A shutdown",
    );
    assert!(!has(&out, "FAIL"), "{out:?}");
}

#[test]
fn s8_which_children_rows_are_4_tuples_with_the_kind() {
    let mut s = session();
    run(&mut s, DEMO);
    assert_eq!(
        last(&run(&mut s, "which_children demo")),
        "[{inner,<0.5.0>,supervisor,[supervisor]},{w2,<0.4.0>,worker,[counter]},{w1,<0.3.0>,worker,[counter]}]"
    );
    assert_eq!(
        last(&run(&mut s, "which_children demo/inner")),
        "[{b,<0.7.0>,worker,[echo]},{a,<0.6.0>,worker,[echo]}]"
    );
}

#[test]
fn s8_terminate_child_takes_a_pid_a_variable_or_a_target_for_simple_one_for_one() {
    let mut s = session();
    run(&mut s, "sup pool simple_one_for_one { worker t echo }");
    let out = run(
        &mut s,
        "start_child pool\nstart_child pool\nstart_child pool\nP = <0.4.0>",
    );
    assert_eq!(
        out.iter().filter(|l| l.starts_with("{ok,<0.")).count(),
        3,
        "{out:?}"
    );
    assert_eq!(
        last(&run(&mut s, "which_children pool")),
        "[{undefined,<0.3.0>,worker,[echo]},{undefined,<0.4.0>,worker,[echo]},{undefined,<0.5.0>,worker,[echo]}]"
    );
    assert_eq!(
        last(&run(&mut s, "count_children pool")),
        "[{specs,1},{active,3},{supervisors,0},{workers,3}]"
    );
    assert_eq!(last(&run(&mut s, "terminate_child pool <0.3.0>")), "ok");
    assert_eq!(last(&run(&mut s, "terminate_child pool P")), "ok");
    assert_eq!(last(&run(&mut s, "terminate_child pool P")), "ok");
    assert_eq!(
        last(&run(&mut s, "terminate_child pool t")),
        "{error,simple_one_for_one}"
    );
    assert_eq!(
        last(&run(&mut s, "restart_child pool t")),
        "{error,simple_one_for_one}"
    );
    assert_eq!(
        last(&run(&mut s, "delete_child pool t")),
        "{error,simple_one_for_one}"
    );
    assert_eq!(
        last(&run(&mut s, "terminate_child pool self")),
        "{error,not_found}"
    );
    assert_eq!(
        last(&run(&mut s, "which_children pool")),
        "[{undefined,<0.5.0>,worker,[echo]}]"
    );
}

#[test]
fn s4_a_transient_child_supervisor_that_gives_up_is_not_restarted() {
    let mut s = session();
    run(
        &mut s,
        "sup top intensity 5 { sup inner one_for_one intensity 1 period 5s transient { worker a echo }; worker w echo }",
    );
    let out = run(
        &mut s,
        "Inner = whereis top/inner\ncrash top/inner/a boom\ncrash top/inner/a boom\nexpect dead Inner shutdown\nexpect restarts top/inner 0",
    );
    assert!(!has(&out, "FAIL"), "{out:?}");
    assert_eq!(
        last(&run(&mut s, "which_children top")),
        "[{w,<0.5.0>,worker,[echo]},{inner,undefined,supervisor,[supervisor]}]"
    );
    let tree = run(&mut s, "tree").join("\n");
    assert!(tree.contains("inner (not running)"), "{tree}");
    // A permanent one (the default) would have been restarted.
    let mut s = session();
    run(
        &mut s,
        "sup top intensity 5 { sup inner intensity 1 { worker a echo } }",
    );
    let out = run(
        &mut s,
        "crash top/inner/a boom\ncrash top/inner/a boom\nexpect restarts top/inner 1",
    );
    assert!(!has(&out, "FAIL"), "{out:?}");
}

#[test]
fn s5_a_nested_sup_takes_its_shutdown() {
    let mut s = session();
    run(
        &mut s,
        "sup top { sup inner shutdown brutal_kill { worker a echo }; sup other { worker b echo } }",
    );
    let out = run(
        &mut s,
        "Inner = whereis top/inner\nOther = whereis top/other\nterminate_child top inner\nterminate_child top other\nexpect dead Inner killed\nexpect dead Other shutdown",
    );
    assert!(!has(&out, "FAIL"), "{out:?}");
}
