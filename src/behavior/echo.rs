//! `echo`: messages are just terms that arrive in a mailbox. It prints
//! every message it takes out, and answers `{Pid, Msg}` by sending `Msg`
//! back to `Pid`: a reply is nothing but a message the sender chose to
//! receive. `stop` ends it normally; nothing else can crash it.

use super::{Args, Kind, KindError, Start, is, start};
use crate::runtime::Term;

pub(super) const KIND: Kind = Kind {
    name: "echo",
    usage: "echo",
    help: "prints every message it gets; answers {Pid, Msg} by sending Msg back to Pid; `stop` ends it",
    example: "echo",
    arity: (0, 0),
    registers: None,
    prepare,
};

fn prepare(_: &Args) -> Result<Start, KindError> {
    Ok(start(|me| async move {
        loop {
            let message = me.receive().await;
            me.print(format!("echo {} got {message}", me.pid()));
            if is(&message, "stop") {
                return Term::normal();
            }
            if let Some([from, payload]) = message.as_tuple()
                && let Some(from) = from.as_pid()
            {
                me.send(from, payload.clone());
            }
        }
    }))
}
