//! `counter`: a process with a bug — let it crash. Its state is one
//! integer, changed only by the messages it handles: `incr`, `decr` and
//! `{add, N}`; `call get` replies with the count. Like Erlang code with no
//! clause for an unexpected message, it does not defend itself: any other
//! message ends it with reason `{bad_message, Msg}` (an unknown call with
//! `{bad_call, Request}`), and its count is gone. That is the point: the
//! supervisor restarts it from a clean state (compare `stateful`, which
//! keeps its count somewhere safe).

use super::{Args, Kind, KindError, Start, bad_message, is, start};
use crate::runtime::Process;
use crate::runtime::process::as_call;
use crate::runtime::{Atom, Term};

pub(super) const KIND: Kind = Kind {
    name: "counter",
    usage: "counter | counter(START)",
    help: "an integer: incr, decr, {add, N}; call get; any other message crashes it with {bad_message, Msg}",
    example: "counter(10)",
    arity: (0, 1),
    registers: None,
    prepare,
};

fn prepare(args: &Args) -> Result<Start, KindError> {
    let initial = match args.get(0) {
        Some(_) => args.int(0)?,
        None => 0,
    };
    Ok(start(move |me| async move {
        let mut count = initial;
        loop {
            match handle(&me, count, me.receive().await) {
                Handled::Answered => {}
                Handled::Counted(next) => count = next,
                Handled::Crash(reason) => return reason,
            }
        }
    }))
}

/// What a counter did with one message.
pub(super) enum Handled {
    /// It answered a `get` call.
    Answered,
    /// It counted: this is the new count.
    Counted(i64),
    /// It did not understand: the process crashes with this reason.
    Crash(Term),
}

/// A counter's reaction to `message` (shared with `stateful`, which counts
/// the same way and also saves the count).
pub(super) fn handle(me: &Process, count: i64, message: Term) -> Handled {
    if let Some((from, request)) = as_call(&message) {
        if request.is_atom(Atom::new("get")) {
            me.reply(from, Term::int(count));
            return Handled::Answered;
        }
        return Handled::Crash(Term::tuple([Term::atom("bad_call"), request.clone()]));
    }
    match apply(count, &message) {
        Some(Ok(next)) => Handled::Counted(next),
        Some(Err(reason)) => Handled::Crash(reason),
        None => Handled::Crash(bad_message(message)),
    }
}

/// The count after `message`, `None` for a message counters do not know,
/// or the exit reason for an arithmetic overflow (Erlang would have used a
/// bignum; we crash as honestly as we can).
pub(super) fn apply(count: i64, message: &Term) -> Option<Result<i64, Term>> {
    let delta = if is(message, "incr") {
        1
    } else if is(message, "decr") {
        -1
    } else {
        message.tagged::<2>(Atom::new("add"))?[1].as_int()?
    };
    Some(count.checked_add(delta).ok_or(Term::atom("badarith")))
}
