//! `sink`: a mailbox you can look into. It never takes an ordinary message
//! out, so everything sent to it stays queued where `mailbox X` and
//! `expect message X PATTERN` can see it: with `trap X on`, the
//! `{'EXIT', Pid, Reason}` messages a trapped exit turns into, and the
//! `{'DOWN', Ref, process, Pid, Reason}` messages of its monitors. It only
//! answers calls, using a selective receive that takes `{'$gen_call', ...}`
//! messages and leaves the rest in order, which is how a gen_server's
//! `call` can overtake a queue of unhandled messages.

use super::{Args, Kind, KindError, Start, start};
use crate::runtime::process::as_call;
use crate::runtime::{Atom, Term};

pub(super) const KIND: Kind = Kind {
    name: "sink",
    usage: "sink",
    help: "keeps every message in its mailbox (for 'EXIT' and 'DOWN'); answers call count (queued messages) and call stop",
    example: "sink",
    arity: (0, 0),
    registers: None,
    prepare,
};

fn prepare(_: &Args) -> Result<Start, KindError> {
    Ok(start(|me| async move {
        loop {
            let call = me
                .receive_matching(|m| m.tagged::<3>(Atom::GEN_CALL).is_some(), None)
                .await
                .expect("no timeout");
            let Some((from, request)) = as_call(&call) else {
                continue;
            };
            if request.is_atom(Atom::new("count")) {
                let queued = me.info().message_queue_len as i64;
                me.reply(from, Term::int(queued));
            } else if request.is_atom(Atom::new("stop")) {
                me.reply(from, Term::from_atom(Atom::OK));
                return Term::normal();
            } else {
                let unknown = Term::tuple([Term::atom("unknown_call"), request.clone()]);
                me.reply(from, Term::error(unknown));
            }
        }
    }))
}
