//! `supervisor:start_link/2,3` with a callback module: the playground's
//! supervisor process (`crate::supervisor`, the one `sup` starts, which
//! the views, `why` and the stage know) run from Erlang code, as OTP's
//! `supervisor.erl` runs as a gen_server.
//!
//! `supervisor.erl` of the standard library calls the BIF
//! `erlang:'$spawn_supervisor'(SupName, Mod, Args)` and waits in
//! `proc_lib:sync_start_link/2`. The new process does what OTP's
//! `supervisor:init/1` does, in itself: registers the name, calls
//! `Mod:init(Args)` (Erlang code run in the supervisor, `runtime::run_within`), reads
//! the flags and child specs it returns (maps or OTP's tuples), starts
//! the children, each by calling its start function `{M, F, A}` in the
//! supervisor (`supervisor:do_start_child_i/3`: `{ok, Pid}`, `ignore`,
//! `{error, R}`), acknowledges as `proc_lib:init_ack/2` does, and
//! supervises. The errors are OTP's: `{bad_return, {Mod, init, X}}`,
//! `{start_spec, Why}`, `{supervisor_data, Why}`, `{shutdown,
//! {failed_to_start_child, Id, Why}}`.

use super::bifs::{Bif, pure};
use super::errors::Raise;
use crate::runtime::{Atom, Pid, Process, Term, run_within};
use crate::supervisor::{
    CallStartFn, ChildSpec, ChildStart, ChildType, RestartType, Shutdown, SpecReader, Strategy,
    SupervisorSpec,
};
use std::sync::Arc;
use std::time::Duration;

pub static BIFS: &[Bif] = &[Bif {
    auto: false,
    ..pure("erlang", "$spawn_supervisor", 3, false, spawn_link)
}];

/// `erlang:'$spawn_supervisor'(SupName, Mod, Args)`: the supervisor
/// process, linked to the caller, which then waits for its `ack`.
fn spawn_link(p: &Process, a: &[Term]) -> Result<Term, Raise> {
    let name = match (a[0].as_atom(), a[0].as_tuple()) {
        (Some(me), _) if me.name() == "self" => None,
        (_, Some([scope, name])) if scope.is_atom(Atom::new("local")) => {
            Some(name.as_atom().ok_or_else(Raise::badarg)?)
        }
        _ => return Err(Raise::badarg()),
    };
    let module = a[1].as_atom().ok_or_else(Raise::badarg)?;
    let args = a[2].clone();
    let starter = p.pid();
    let pid = p.spawn_link("supervisor", move |me| async move {
        run(me, starter, name, module, args).await
    });
    Ok(Term::pid(pid))
}

/// The supervisor process's life, from OTP's `gen_server:init_it/6` and
/// `supervisor:init/1` to the supervision loop.
async fn run(me: Arc<Process>, starter: Pid, name: Option<Atom>, module: Atom, args: Term) -> Term {
    let ack = |result: Term| {
        me.send(
            starter,
            Term::tuple([Term::atom("ack"), Term::pid(me.pid()), result]),
        );
    };
    if let Some(name) = name
        && me.register(name).is_err()
    {
        let owner = me
            .whereis(name)
            .map_or(Term::from_atom(Atom::UNDEFINED), Term::pid);
        ack(Term::error(Term::tuple([
            Term::atom("already_started"),
            owner,
        ])));
        return Term::normal();
    }
    // As OTP's proc_lib records it for a supervisor: `{supervisor, Mod,
    // 1}`, which proc_lib:initial_call/1 reads and `export app` follows
    // back to the callback module that started the tree.
    me.dictionary_put(
        Term::atom("$initial_call"),
        Term::tuple([
            Term::atom("supervisor"),
            Term::from_atom(module),
            Term::int(1),
        ]),
    );
    let init = call_inline(&me, "$init", vec![Term::from_atom(module), args]).await;
    let returned = match init.tagged::<2>(Atom::new("$init")) {
        Some([_, returned]) => returned.clone(),
        // An exception in init/1: the starter gets it, and so does the
        // link (OTP's `gen_server:init_it/6`).
        None => {
            unregister(&me, name);
            ack(Term::error(init.clone()));
            return init;
        }
    };
    if returned.is_atom(Atom::new("ignore")) {
        unregister(&me, name);
        ack(Term::atom("ignore"));
        return Term::normal();
    }
    let spec = match read_init(module, &returned) {
        Ok(spec) => spec,
        Err(reason) => {
            unregister(&me, name);
            ack(Term::error(reason.clone()));
            return reason;
        }
    };
    crate::supervisor::run_for_proc_lib(me, spec, starter).await
}

fn unregister(me: &Process, name: Option<Atom>) {
    if let Some(name) = name {
        let _ = me.unregister(name);
    }
}

/// Runs `supervisor:Function(Args)` of the standard library in `me`; what
/// it exits with.
async fn call_inline(me: &Process, function: &str, args: Vec<Term>) -> Term {
    let mut program =
        crate::erlang::program::program_for(me, Atom::new("supervisor"), Atom::new(function), args);
    run_within(me, &mut *program).await
}

/// `{ok, {Flags, ChildSpecs}}` from `init/1` as a spec, or the reason
/// the supervisor stops with.
fn read_init(module: Atom, returned: &Term) -> Result<SupervisorSpec, Term> {
    let bad_return = || {
        Term::tuple([
            Term::atom("bad_return"),
            Term::tuple([
                Term::from_atom(module),
                Term::atom("init"),
                returned.clone(),
            ]),
        ])
    };
    let Some([_, pair]) = returned.tagged::<2>(Atom::OK) else {
        return Err(bad_return());
    };
    let Some([flags, children]) = pair.as_tuple() else {
        return Err(bad_return());
    };
    let mut spec =
        read_flags(flags).map_err(|why| Term::tuple([Term::atom("supervisor_data"), why]))?;
    let Some(children) = children.list_to_vec() else {
        return Err(bad_return());
    };
    for child in &children {
        let child =
            read_child_spec(child).map_err(|why| Term::tuple([Term::atom("start_spec"), why]))?;
        if spec.children.iter().any(|c| c.id == child.id) {
            let why = Term::tuple([Term::atom("duplicate_child_name"), child.id_term()]);
            return Err(Term::tuple([Term::atom("start_spec"), why]));
        }
        spec.children.push(child);
    }
    if spec.strategy == Strategy::SimpleOneForOne && spec.children.len() != 1 {
        let why = Term::atom("bad_child_spec_count");
        return Err(Term::tuple([Term::atom("start_spec"), why]));
    }
    let reader: SpecReader = Arc::new(read_child_spec);
    spec.spec_reader = Some(reader);
    Ok(spec)
}

/// The flags, `#{strategy => S, intensity => I, period => P}` (each
/// optional) or `{S, I, P}`, with OTP's defaults (S1).
fn read_flags(flags: &Term) -> Result<SupervisorSpec, Term> {
    let defaults = SupervisorSpec::default();
    let (strategy, intensity, period) = match flags.as_tuple() {
        Some([s, i, p]) => (Some(s.clone()), Some(i.clone()), Some(p.clone())),
        Some(_) => return Err(Term::tuple([Term::atom("invalid_type"), flags.clone()])),
        None if flags.as_map().is_some() => (
            map_get(flags, "strategy"),
            map_get(flags, "intensity"),
            map_get(flags, "period"),
        ),
        None => return Err(Term::tuple([Term::atom("invalid_type"), flags.clone()])),
    };
    let strategy = match strategy {
        None => defaults.strategy,
        Some(s) => s
            .as_atom()
            .and_then(|a| Strategy::from_name(a.name()))
            .ok_or_else(|| Term::tuple([Term::atom("invalid_strategy"), s.clone()]))?,
    };
    let intensity = match intensity {
        None => defaults.intensity,
        Some(i) => i
            .as_i64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| Term::tuple([Term::atom("invalid_intensity"), i.clone()]))?,
    };
    let period = match period {
        None => defaults.period,
        Some(p) => p
            .as_i64()
            .filter(|&n| n > 0)
            .map(|n| Duration::from_secs(n as u64))
            .ok_or_else(|| Term::tuple([Term::atom("invalid_period"), p.clone()]))?,
    };
    Ok(SupervisorSpec {
        strategy,
        intensity,
        period,
        ..defaults
    })
}

fn map_get(map: &Term, key: &str) -> Option<Term> {
    map.as_map()?.get(&Term::atom(key)).cloned()
}

/// A child spec, `#{id => Id, start => {M, F, A}, restart => R,
/// shutdown => S, type => T, modules => Ms}` or OTP's `{Id, {M, F, A},
/// R, S, T, Ms}`, with OTP's defaults; OTP's error for a bad field
/// (`supervisor:check_childspec/2`). An id may be any term, as in OTP.
/// `export sup` writes its trees' modules this way, so they load back.
fn read_child_spec(term: &Term) -> Result<ChildSpec, Term> {
    let invalid = |what: &str, value: &Term| Term::tuple([Term::atom(what), value.clone()]);
    let (id, start, restart, shutdown, child_type, modules) = match term.as_tuple() {
        Some([id, start, restart, shutdown, child_type, modules]) => (
            id.clone(),
            start.clone(),
            Some(restart.clone()),
            Some(shutdown.clone()),
            Some(child_type.clone()),
            Some(modules.clone()),
        ),
        None if term.as_map().is_some() => {
            let id = map_get(term, "id").ok_or_else(|| Term::atom("missing_id"))?;
            let start = map_get(term, "start").ok_or_else(|| Term::atom("missing_start"))?;
            (
                id,
                start,
                map_get(term, "restart"),
                map_get(term, "shutdown"),
                map_get(term, "type"),
                map_get(term, "modules"),
            )
        }
        _ => return Err(invalid("invalid_child_spec", term)),
    };
    let id_atom = crate::supervisor::id_key(&id).ok_or_else(|| invalid("invalid_child_id", &id))?;
    let (module, function, args) = match start.as_tuple() {
        Some([m, f, a]) if m.as_atom().is_some() && f.as_atom().is_some() && a.is_list() => {
            (m.as_atom().unwrap(), f.as_atom().unwrap(), a.clone())
        }
        _ => return Err(invalid("invalid_mfa", &start)),
    };
    let child_type = match child_type {
        None => ChildType::Worker,
        Some(t) if t.is_atom(Atom::new("worker")) => ChildType::Worker,
        Some(t) if t.is_atom(Atom::new("supervisor")) => ChildType::Supervisor,
        Some(t) => return Err(invalid("invalid_child_type", &t)),
    };
    let restart = match restart {
        None => RestartType::Permanent,
        Some(r) => match r.as_atom().map(Atom::name) {
            Some("permanent") => RestartType::Permanent,
            Some("transient") => RestartType::Transient,
            Some("temporary") => RestartType::Temporary,
            _ => return Err(invalid("invalid_restart_type", &r)),
        },
    };
    let shutdown = match shutdown {
        None if child_type == ChildType::Supervisor => Shutdown::Infinity,
        None => Shutdown::Timeout(Duration::from_millis(5000)),
        Some(s) if s.is_atom(Atom::new("brutal_kill")) => Shutdown::BrutalKill,
        Some(s) if s.is_atom(Atom::new("infinity")) => Shutdown::Infinity,
        Some(s) => match s.as_i64() {
            Some(ms) if ms >= 0 => Shutdown::Timeout(Duration::from_millis(ms as u64)),
            _ => return Err(invalid("invalid_shutdown", &s)),
        },
    };
    // What the views call the child: its first callback module, as
    // which_children lists them (`modules => [counter]`), else the start
    // function's module.
    let kind = modules
        .as_ref()
        .and_then(|m| m.list_to_vec())
        .and_then(|m| m.first().and_then(Term::as_atom))
        .unwrap_or(module);
    Ok(ChildSpec {
        id: id_atom,
        id_term: id.as_atom().is_none().then(|| id.clone()),
        start: ChildStart::Call {
            start: start_function(module, function, args.clone()),
            child_type,
            mfa: (module, function, args),
        },
        restart,
        shutdown,
        kind,
    })
}

/// A child's start function `M:F(A)` (with a `simple_one_for_one`
/// instance's extra arguments after `A`), run in the supervisor through
/// `supervisor:'$start_child'/3`, which answers as OTP's
/// `do_start_child_i/3` sees it.
fn start_function(module: Atom, function: Atom, args: Term) -> CallStartFn {
    Arc::new(move |me: &Process, extra: &[Term]| {
        let mut all = args.list_to_vec().unwrap_or_default();
        all.extend_from_slice(extra);
        let call = vec![
            Term::from_atom(module),
            Term::from_atom(function),
            Term::list(all),
        ];
        Box::pin(async move {
            let ended = call_inline(me, "$start_child", call).await;
            let Some([_, result]) = ended.tagged::<2>(Atom::new("$start_child")) else {
                return Err(ended);
            };
            match result.as_tuple() {
                Some([ok, pid] | [ok, pid, _])
                    if ok.is_atom(Atom::OK) && pid.as_pid().is_some() =>
                {
                    Ok(pid.as_pid())
                }
                Some([error, reason]) if error.is_atom(Atom::new("error")) => Err(reason.clone()),
                _ if result.is_atom(Atom::new("ignore")) => Ok(None),
                _ => Err(result.clone()),
            }
        })
    })
}
