//! The standard library's hashed and balanced containers and its timers,
//! run by the VM without the BEAM at hand (the differential programs
//! `dict_hashing`, `sets_and_trees` and `timers` check the same against
//! `erl`): OTP 25's orders, error reasons and return values, and timers on
//! the deterministic session's virtual clock.

use super::support::rt;
use crate::erlang;
use crate::runtime::{Atom, Term};
use std::time::Duration;

/// The exit reason of `t:start()` in `source`, in a deterministic runtime
/// run until that process ends (its timers fire on the virtual clock on
/// the way, however long they are).
fn exit_of(source: &str) -> Term {
    let rt = rt();
    let module = erlang::parse("t", source).unwrap_or_else(|e| panic!("{}", e.render(None)));
    erlang::check(&module).unwrap_or_else(|e| panic!("{}", e.render(None)));
    let compiled = erlang::compile(&module).unwrap_or_else(|e| panic!("{}", e.render(None)));
    erlang::load(&rt, compiled);
    let pid = erlang::spawn_top(&rt, Atom::new("t"), Atom::new("start"), vec![])
        .expect("t:start/0 exists");
    rt.run_until(|| rt.death(pid).is_some(), Duration::from_secs(3600));
    rt.death(pid).expect("the process ended").reason
}

#[test]
fn dict_walks_its_keys_in_the_order_erlang_phash_places_them() {
    // The order OTP 25 gives (read from erl): neither insertion nor term
    // order, but the buckets', last first.
    let reason = exit_of(
        r#"start() ->
             D = dict:from_list([{b, 2}, {a, 1}, {c, 3}, {a, 10}, {"str", x}, {1.0, f}, {1, i}]),
             exit({dict:to_list(D), dict:fetch_keys(D), dict:size(D)})."#,
    );
    assert_eq!(
        reason.to_string(),
        r#"{[{1.0,f},{a,10},{b,2},{c,3},{"str",x},{1,i}],[1.0,a,b,c,"str",1],6}"#
    );
}

#[test]
fn dict_fetch_of_a_missing_key_is_badarg_from_dict_fetch_with_its_arguments() {
    let reason = exit_of("start() -> dict:fetch(nope, dict:new()).");
    let text = reason.to_string();
    assert!(
        text.starts_with("{badarg,[{dict,fetch,[nope,{dict,0,16,16,8,80,48,"),
        "{text}"
    );
}

#[test]
fn a_dict_grows_past_one_segment_and_shrinks_back_to_it() {
    let reason = exit_of(
        "start() ->
           Keys = lists:seq(1, 500),
           Big = lists:foldl(fun(K, D) -> dict:store(K, K * K, D) end, dict:new(), Keys),
           Small = lists:foldl(fun dict:erase/2, Big, lists:seq(1, 495)),
           exit({tuple_size(element(9, Big)), dict:size(Big), dict:fetch(321, Big),
                 tuple_size(element(9, Small)), lists:sort(dict:to_list(Small))}).",
    );
    assert_eq!(
        reason.to_string(),
        "{8,500,103041,1,[{496,246016},{497,247009},{498,248004},{499,249001},{500,250000}]}"
    );
}

#[test]
fn sets_match_elements_exactly_in_both_representations() {
    // A union of a record set and a map set folds the map into the record
    // (the same sizes), whose order OTP 25 gives as [a,1].
    let reason = exit_of(
        "start() ->
           V1 = sets:from_list([1, a]),
           V2 = sets:from_list([1, a], [{version, 2}]),
           exit({sets:is_element(1.0, V1), sets:is_element(1, V1), sets:is_element(1.0, V2),
                 V2, element(1, V1), sets:to_list(sets:union(V1, V2))}).",
    );
    assert_eq!(
        reason.to_string(),
        "{false,true,false,#{1 => [],a => []},set,[a,1]}"
    );
}

#[test]
fn gb_trees_insert_of_a_present_key_is_key_exists_and_get_of_a_missing_one_a_clause_error() {
    let inserted =
        exit_of("start() -> gb_trees:insert(1.0, x, gb_trees:insert(1, y, gb_trees:empty())).");
    assert!(
        inserted
            .to_string()
            .starts_with("{{key_exists,1.0},[{gb_trees,insert_1,4,"),
        "{inserted}"
    );
    let got = exit_of("start() -> gb_trees:get(2, gb_trees:from_orddict([{1, a}])).");
    assert!(
        got.to_string()
            .starts_with("{function_clause,[{gb_trees,get_1,[2,nil],"),
        "{got}"
    );
}

#[test]
fn gb_trees_rebalance_a_sorted_insertion_as_otp_does() {
    // Inserting 1..7 in order: OTP 25's tree, read from erl.
    let reason = exit_of(
        "start() ->
           exit(lists:foldl(fun(K, T) -> gb_trees:insert(K, K, T) end, gb_trees:empty(), lists:seq(1, 7))).",
    );
    assert_eq!(
        reason.to_string(),
        "{7,{4,4,{2,2,{1,1,nil,nil},{3,3,nil,nil}},{6,6,{5,5,nil,nil},{7,7,nil,nil}}}}"
    );
}

#[test]
fn a_timer_read_at_once_has_all_its_time_left_and_is_gone_once_cancelled() {
    // On the virtual clock the few reductions between start and read take
    // less than a millisecond, and the time left rounds up, as erts's.
    let reason = exit_of(
        "start() ->
           R = erlang:send_after(1000, self(), x),
           Read = erlang:read_timer(R),
           Left = erlang:cancel_timer(R),
           exit({Read, Left, erlang:cancel_timer(R), erlang:read_timer(R)}).",
    );
    assert_eq!(reason.to_string(), "{1000,1000,false,false}");
}

#[test]
fn start_timer_sends_timeout_with_its_reference_and_timers_arrive_in_due_order() {
    let reason = exit_of(
        "start() ->
           Late = erlang:send_after(300, self(), late),
           Early = erlang:start_timer(100, self(), early),
           {ok, _} = timer:send_after(200, middle),
           exit({Late =/= Early, collect(3), Early}).
         collect(0) -> [];
         collect(N) -> receive M -> [M | collect(N - 1)] end.",
    );
    let text = reason.to_string();
    let Some((prefix, rest)) = text.split_once(",[{timeout,") else {
        panic!("{text}")
    };
    assert_eq!(prefix, "{true");
    let (reference, tail) = rest.split_once(",early},middle,late],").expect("the order");
    assert_eq!(tail, format!("{reference}}}"));
}

#[test]
fn apply_after_runs_in_another_process_and_an_interval_dies_with_its_owner() {
    // apply_interval's owner is its caller (send_interval's would be the
    // receiver, as in OTP 25).
    let reason = exit_of(
        "start() ->
           Self = self(),
           {ok, {once, _}} = timer:apply_after(10, t, report, [Self]),
           Other = receive {ran_in, P} -> P end,
           Owner = spawn(fun() -> {ok, _} = timer:apply_interval(10, t, tick, [Self]), receive stop -> ok end end),
           Ticks = [receive tick -> tick end || _ <- [1, 2]],
           Owner ! stop,
           timer:sleep(30),
           _ = flush(),
           timer:sleep(100),
           exit({Other =/= Self, Ticks, flush(), is_pid(whereis(timer_server))}).
         report(To) -> To ! {ran_in, self()}.
         tick(To) -> To ! tick.
         flush() -> receive tick -> 1 + flush() after 0 -> 0 end.",
    );
    assert_eq!(reason.to_string(), "{true,[tick,tick],0,true}");
}
