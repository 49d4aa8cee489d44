//! `idle`: the smallest process there is. It waits in `receive` for ever,
//! costing nothing while it waits (a process is not a thread), and ignores
//! what it gets, except `stop`, after which it ends with reason `normal`.
//! Use it as a linkable, killable, supervisable placeholder, and to show
//! that a `normal` exit is not a crash.

use super::{Args, Kind, KindError, Start, is, start};
use crate::runtime::Term;

pub(super) const KIND: Kind = Kind {
    name: "idle",
    usage: "idle",
    help: "waits for ever and ignores messages; `stop` ends it normally",
    example: "idle",
    arity: (0, 0),
    registers: None,
    prepare,
};

fn prepare(_: &Args) -> Result<Start, KindError> {
    Ok(start(|me| async move {
        loop {
            if is(&me.receive().await, "stop") {
                return Term::normal();
            }
        }
    }))
}
