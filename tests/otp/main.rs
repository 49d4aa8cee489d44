//! The differential suite: the same scenarios on the real BEAM and in
//! letitcrash, and what each shows must agree.
//!
//! A scenario is two files in `scenarios/` with one name, the rule ids it
//! covers first (`s7_exit_from_parent_stops_children`):
//!
//! - `NAME.crash`, a script in the command language, with `# obs LABEL`
//!   before each command whose result is observed;
//! - `NAME.erl`, a module whose `run/0` does the same on Erlang/OTP with
//!   the harness in `erl/` (`lic:obs("LABEL", Term)` for each observation;
//!   `erl/` also has the kinds the scripts use, written in Erlang).
//!
//! [`beam::observe`] compiles the Erlang side once and runs each scenario in
//! its own `erl`; [`ours::observe`] runs the script in a deterministic
//! session. [`canon`] puts both in one form (pids and references renamed in
//! order of first appearance) and the test compares them line by line.
//! Without `erl` and `erlc` (see build.rs) the comparisons are ignored;
//! the tests that need only letitcrash still run.

mod beam;
mod canon;
mod ours;
#[path = "../support/side_by_side.rs"]
mod side_by_side;

use std::path::{Path, PathBuf};

fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/otp/scenarios")
}

/// Runs scenario `name` on both sides and fails with both transcripts
/// side by side if they differ.
fn agree(name: &str) {
    let script = scenarios_dir().join(format!("{name}.crash"));
    let ours = canon::canonical(&ours::observe(&script));
    let theirs = canon::canonical(&beam::observe(name));
    if ours != theirs {
        panic!("{}", side_by_side::side_by_side(name, &ours, &theirs));
    }
    assert!(!ours.is_empty(), "{name} observes nothing");
}

macro_rules! scenarios {
    ($($name:ident)*) => {
        /// Every scenario pair in scenarios/, so a new file cannot be forgotten.
        const SCENARIOS: &[&str] = &[$(stringify!($name)),*];
        $(
            #[test]
            #[cfg_attr(not(has_erlang), ignore = "needs erl and erlc (Debian's erlang-base), which .ci/run installs")]
            fn $name() {
                agree(stringify!($name));
            }
        )*
    };
}

scenarios! {
    l10_spawn_link_links_at_once
    l1_a_link_works_both_ways
    l1_linking_to_yourself_does_nothing
    l1_linking_twice_makes_one_link
    l2_links_carry_the_exit_reason
    l2_name_is_released_before_links_hear
    l3_normal_exit_does_not_kill_a_partner
    l4_kill_is_untrappable
    l4_killed_kills_a_non_trapping_partner
    l5_ending_with_kill_sends_an_ordinary_kill
    l6_exit_message_joins_the_end_of_the_mailbox
    l6_non_trapping_receiver_dies_with_the_reason
    l7_exit_normal_from_another_process
    l8_proxy_link_to_a_dead_process
    l8_shell_link_to_a_dead_process
    l9_unlink_ends_the_link
    m1_a_monitor_is_one_way
    m1_monitoring_yourself
    m1_monitors_fire_once_each_in_the_order_made
    m2_down_carries_the_reason
    m2_monitoring_a_dead_pid_gives_noproc
    m2_monitoring_a_name_nobody_holds
    m2_monitoring_by_name
    m3_demonitor_acts_for_the_owner
    m3_demonitor_stops_the_down
    n1_a_name_is_released_when_its_process_ends
    n1_a_taken_name_or_a_dead_pid_cannot_be_registered
    o1_a_call_overtakes_queued_messages
    o1_messages_arrive_in_the_order_sent
    r1_a_qualified_call_moves_a_process_to_the_new_version
    r2_loading_a_third_version_kills_processes_in_the_oldest
    r3_purge_kills_only_old_code_processes
    r4_a_local_call_stays_in_the_old_version
    r5_a_local_fun_runs_the_version_it_was_made_in
    r6_a_held_fun_survives_a_purge_and_fails_with_badfun
    s1_defaults_one_for_one_one_restart_in_five_seconds
    s2_one_for_all_stops_the_others_newest_first
    s2_one_for_one_restarts_only_the_failed_child
    s2_rest_for_one_restarts_the_failed_child_and_those_after_it
    s2_simple_one_for_one_instances_of_one_spec
    s2_simple_one_for_one_restarts_an_instance_with_its_arguments
    s3_a_one_for_all_restart_counts_once
    s3_intensity_0_gives_up_at_the_first_failure
    s3_intensity_exceeded_gives_up_with_shutdown
    s3_the_period_boundary_in_whole_seconds
    s4_a_dynamic_temporary_child_survives_a_siblings_restart
    s4_a_temporary_sibling_survives_a_one_for_one_restart
    s4_a_transient_child_supervisor_that_gives_up_stays_down
    s4_one_for_all_drops_a_temporary_child_it_stopped
    s4_permanent_is_restarted_even_after_normal
    s4_rest_for_one_keeps_an_earlier_temporary_child
    s4_temporary_is_never_restarted_and_its_spec_goes
    s4_transient_is_restarted_only_after_an_abnormal_exit
    s5_brutal_kill_and_shutdown_timeouts
    s5_simple_one_for_one_stops_its_instances_at_once
    s6_children_stop_right_to_left
    s7_a_child_supervisor_that_gives_up_is_restarted_by_its_parent
    s7_a_supervisor_can_be_killed_and_linked
    s7_an_exit_signal_from_the_parent_stops_the_supervisor
    s7_exit_signals_from_others_are_trapped
    s8_count_children
    s8_simple_one_for_one_api
    s8_start_child_with_an_id_in_use
    s8_terminate_restart_and_delete_child
    s8_which_children_lists_4_tuples_newest_first
}

#[test]
fn every_scenario_file_has_its_twin_and_a_test() {
    let mut crash = Vec::new();
    let mut erl = Vec::new();
    for entry in std::fs::read_dir(scenarios_dir()).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        match path.extension().and_then(|e| e.to_str()) {
            Some("crash") => crash.push(stem),
            Some("erl") => erl.push(stem),
            _ => {}
        }
    }
    crash.sort();
    erl.sort();
    assert_eq!(crash, erl, "each scenario needs NAME.crash and NAME.erl");
    let mut listed: Vec<String> = SCENARIOS.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(
        crash, listed,
        "list every scenario in scenarios! in tests/otp/main.rs"
    );
}

/// Without the BEAM this still proves something: every script parses, runs
/// without a failed command that is not observed, and observes something.
#[test]
fn every_script_runs_in_letitcrash() {
    for name in SCENARIOS {
        let observations = ours::observe(&scenarios_dir().join(format!("{name}.crash")));
        assert!(!observations.is_empty(), "{name} observes nothing");
    }
}
