//! The OTP behaviours of the standard library run as processes of the
//! runtime: what the differential programs (tests/otp/programs:
//! gen_server_calls, gen_statem_machines, supervisor_callback) cannot
//! show because the BEAM has no such thing to compare, or needs files
//! they do not write. Modules are written as text.

use super::support::*;
use crate::erlang;
use crate::runtime::Atom;
use std::time::Duration;

fn load_text(rt: &crate::runtime::Runtime, name: &str, source: &str) {
    let parsed = erlang::parse(name, source).unwrap_or_else(|e| panic!("parses: {}", e.message));
    erlang::check(&parsed).unwrap_or_else(|e| panic!("checks: {}", e.message));
    let compiled = erlang::compile(&parsed).unwrap_or_else(|e| panic!("compiles: {e}"));
    erlang::load(rt, compiled);
}

const APP: &str = "
  start(normal, []) -> supervisor:start_link({local, apx_sup}, apx_app, top).
  stop(_) -> ok.
  init(top) -> {ok, {#{}, [#{id => w, start => {apx_app, worker, []}}]}}.
  worker() -> {ok, spawn_link(fun() -> receive after infinity -> ok end end)}.
";

/// `application:start/1` finds the `App_app` callback module, starts
/// its top supervisor under an application master, refuses a second
/// start, and `stop/1` takes the tree down.
#[test]
fn an_application_starts_and_stops_its_top_supervisor() {
    let rt = rt();
    load_text(&rt, "apx_app", APP);
    load_text(
        &rt,
        "apx_main",
        "start() ->
           ok = application:set_env(apx, mode, fast),
           R1 = application:start(apx),
           Sup = whereis(apx_sup),
           R2 = application:start(apx),
           Env = application:get_env(apx, mode),
           Missing = application:start(nosuch),
           R3 = application:stop(apx),
           exit({R1, is_pid(Sup), R2, Env, Missing, R3, whereis(apx_sup), is_process_alive(Sup)}).",
    );
    let reason = run(&rt, "apx_main", "start", vec![]).expect("it ended");
    assert_eq!(
        reason.to_string(),
        "{ok,true,{error,{already_started,apx}},{ok,fast},\
         {error,{\"no such file or directory\",\"nosuch.app\"}},ok,undefined,false}"
    );
}

/// The views see a gen_server by its callback module: the kind of a
/// process started through proc_lib is its translated initial call.
#[test]
fn a_gen_server_is_shown_as_its_callback_module() {
    let rt = rt();
    load_text(
        &rt,
        "kindly",
        "start() -> {ok, P} = gen_server:start(kindly, [], []), exit(P).
         init([]) -> {ok, none}.
         handle_call(_, _, S) -> {reply, S, S}.
         handle_cast(_, S) -> {noreply, S}.",
    );
    let reason = run(&rt, "kindly", "start", vec![]).expect("it ended");
    let server = reason.as_pid().expect("the server's pid");
    rt.run_until_quiet(Duration::from_secs(1));
    let info = rt.process_info(server).expect("the server runs");
    assert_eq!(info.kind, Atom::new("kindly"));
    assert_eq!(
        info.current_function.map(|(m, _, _)| m),
        Some(Atom::new("gen_server"))
    );
}

/// Hot code loading of a gen_server's callback module, as OTP's release
/// handling does it: the new version is in force at the next callback
/// (a remote call), and `sys:change_code/4` on the suspended server runs
/// its `code_change/3` to convert the state.
#[test]
fn sys_change_code_runs_the_new_versions_code_change() {
    let rt = rt();
    let v1 = "start() -> gen_server:start({local, upg}, upg, 41, []).
              init(N) -> {ok, N}.
              handle_call(get, _From, N) -> {reply, {v1, N}, N}.
              handle_cast(_, N) -> {noreply, N}.";
    let v2 = "start() -> gen_server:start({local, upg}, upg, 41, []).
              init(N) -> {ok, #{count => N}}.
              handle_call(get, _From, #{count := N} = S) -> {reply, {v2, N}, S}.
              handle_cast(_, S) -> {noreply, S}.
              code_change(_OldVsn, N, Extra) -> {ok, #{count => N + Extra}}.";
    load_text(&rt, "upg", v1);
    load_text(
        &rt,
        "upg_driver",
        "start() ->
           {ok, _} = upg:start(),
           Before = gen_server:call(upg, get),
           receive upgraded -> ok end,
           ok = sys:suspend(upg),
           ok = sys:change_code(upg, upg, \"1\", 1),
           ok = sys:resume(upg),
           exit({Before, gen_server:call(upg, get), sys:get_state(upg)}).",
    );
    let driver = erlang::spawn_top(&rt, Atom::new("upg_driver"), Atom::new("start"), vec![])
        .expect("spawns");
    rt.run_until_quiet(Duration::from_secs(1));
    load_text(&rt, "upg", v2);
    rt.send(driver, crate::runtime::Term::atom("upgraded"));
    rt.run_until_quiet(Duration::from_secs(1));
    let reason = rt.death(driver).expect("the driver ended").reason;
    assert_eq!(reason.to_string(), "{{v1,41},{v2,42},#{count => 42}}");
}
