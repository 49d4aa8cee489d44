//! `state_server`: the talk's StateServer, "just a GenServer with a simple
//! API on top of a map". It keeps important state out of the processes that
//! are likely to crash: a worker stashes its state here after each change
//! and reads it back when its supervisor restarts it (see `stateful`).
//! Nothing in it can fail, so it outlives the workers around it; place it
//! earlier in the same `rest_for_one` supervisor (or higher in the tree).
//!
//! Requests (with `call`): `{put, K, V}` -> `ok`; `{get, K}` -> `{ok, V}` or
//! `not_found`; `{delete, K}` -> `ok`; `keys` -> the list of keys;
//! `to_list` -> `[{K, V}, ...]`. Casts (plain messages): `{put, K, V}` and
//! `{delete, K}`. `stop` ends it. Anything else is ignored; an unknown call
//! gets `{error, {unknown_call, Request}}`.
//!
//! `state_server(Name)` is registered as `Name` as part of its start, the
//! way a GenServer is started with `name: __MODULE__`, so that clients can
//! find it by name, also after it has been restarted.

use super::{Args, Kind, KindError, Start, is, start};
use crate::runtime::process::as_call;
use crate::runtime::{Atom, Term};
use std::collections::BTreeMap;

pub(super) const KIND: Kind = Kind {
    name: "state_server",
    usage: "state_server | state_server(NAME)",
    help: "a map behind call: {put, K, V} -> ok, {get, K} -> {ok, V} | not_found, {delete, K}, keys; NAME registers it",
    example: "state_server(state_server)",
    arity: (0, 1),
    registers: Some(0),
    prepare,
};

fn prepare(args: &Args) -> Result<Start, KindError> {
    // The name is only checked here: `spawn_kind` registers it before it
    // returns (see `Kind::registers`), so clients started right after the
    // server can find it.
    if args.get(0).is_some() {
        args.name_free(args.atom(0)?)?;
    }
    Ok(start(move |me| async move {
        let mut store = Store::default();
        loop {
            let message = me.receive().await;
            if let Some((from, request)) = as_call(&message) {
                me.reply(from, store.handle(request));
            } else if is(&message, "stop") {
                return Term::normal();
            } else {
                // Casts: the same requests, no reply.
                store.handle(&message);
            }
        }
    }))
}

/// The map. Terms are not `Ord` (floats), so keys are ordered by how they
/// print, which is also the order `keys` shows them in.
#[derive(Default)]
pub(super) struct Store {
    map: BTreeMap<String, (Term, Term)>,
}

impl Store {
    pub(super) fn handle(&mut self, request: &Term) -> Term {
        let ok = Term::from_atom(Atom::OK);
        if let Some([_, key, value]) = request.tagged::<3>(Atom::new("put")) {
            self.map
                .insert(key.to_string(), (key.clone(), value.clone()));
            ok
        } else if let Some([_, key]) = request.tagged::<2>(Atom::new("get")) {
            match self.map.get(&key.to_string()) {
                Some((_, value)) => Term::ok(value.clone()),
                None => Term::atom("not_found"),
            }
        } else if let Some([_, key]) = request.tagged::<2>(Atom::new("delete")) {
            self.map.remove(&key.to_string());
            ok
        } else if is(request, "keys") {
            Term::list(self.map.values().map(|(k, _)| k.clone()))
        } else if is(request, "to_list") {
            let pairs = self.map.values();
            Term::list(pairs.map(|(k, v)| Term::tuple([k.clone(), v.clone()])))
        } else {
            Term::error(Term::tuple([Term::atom("unknown_call"), request.clone()]))
        }
    }
}
