//! `stateful`: the other half of the StateServer pattern ("Anatomy of a
//! crash: Restore State"). A counter like `counter`, with the same bug (any
//! message it does not know crashes it with `{bad_message, Msg}`), but
//! after every change it stashes its count in a state server with
//! `call(Store, {put, Key, N})`, and when it starts (its init) it asks for
//! it back with `{get, Key}`. So when it crashes and its supervisor restarts
//! it, the new process carries on where the old one stopped: the crash
//! loses nothing.
//!
//! The store is the registered name `state_server`, or the name or pid in
//! `stateful(Store)`. The key is the supervisor's child id, else the name
//! it is registered under, else its pid (a pid is new after every restart,
//! so only a named or supervised worker finds its state again). If the store
//! is not there, the call fails and the worker crashes with `noproc`: the
//! honest OTP behaviour, which is why the store is started first.

use super::{Args, Kind, KindError, Start, Target, counter, start};
use crate::runtime::{Atom, Process, Term};
use std::time::Duration;

pub(super) const KIND: Kind = Kind {
    name: "stateful",
    usage: "stateful | stateful(STORE)",
    help: "a counter (incr, decr, {add, N}; call get) that saves its count in a state_server and restores it on restart",
    example: "stateful(state_server)",
    arity: (0, 1),
    registers: None,
    prepare,
};

/// gen_server's default call timeout.
const CALL_TIMEOUT: Duration = Duration::from_secs(5);

fn prepare(args: &Args) -> Result<Start, KindError> {
    let store = match args.get(0) {
        Some(_) => args.target(0)?,
        None => Target::Name(Atom::new("state_server")),
    };
    let id = args.context.id;
    Ok(start(move |me| async move {
        let key = id
            .or_else(|| me.info().name)
            .map_or(Term::pid(me.pid()), Term::from_atom);
        // init: read the saved count back.
        let saved =
            match store_call(&me, store, Term::tuple([Term::atom("get"), key.clone()])).await {
                Ok(reply) => reply,
                Err(reason) => return reason,
            };
        let mut count = match saved.tagged::<2>(Atom::OK).and_then(|[_, n]| n.as_int()) {
            Some(n) => {
                me.print(format!("restored count {n} from {store}"));
                n
            }
            None => 0,
        };
        loop {
            count = match counter::handle(&me, count, me.receive().await) {
                counter::Handled::Answered => continue,
                counter::Handled::Counted(next) => next,
                counter::Handled::Crash(reason) => return reason,
            };
            let put = Term::tuple([Term::atom("put"), key.clone(), Term::int(count)]);
            if let Err(reason) = store_call(&me, store, put).await {
                return reason;
            }
        }
    }))
}

/// `gen_server:call(Store, Request)`: the caller fails with the call's
/// reason (`noproc` if no store is there), as an Erlang caller would.
async fn store_call(me: &Process, store: Target, request: Term) -> Result<Term, Term> {
    match store {
        Target::Name(name) => me.call_named(name, request, Some(CALL_TIMEOUT)).await,
        Target::Pid(pid) => me.call(pid, request, Some(CALL_TIMEOUT)).await,
    }
}
