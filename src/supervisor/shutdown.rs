//! Stopping a child the way OTP's supervisor does (S5).
//!
//! The supervisor monitors the child and unlinks from it before sending the
//! exit signal, so that the child's end arrives once, as a 'DOWN' with the
//! real reason, and is never mistaken for a crash to restart. Then:
//!
//! - `brutal_kill`: `exit(Child, kill)`;
//! - a timeout T: `exit(Child, shutdown)`; if the child has not ended
//!   after T (it may trap exits and take its time to clean up), `kill`;
//! - `infinity`: `exit(Child, shutdown)` and wait as long as it takes (the
//!   rule for child supervisors, which stop their own children first).
//!
//! In every case the supervisor waits until the child is really gone before
//! it goes on, so "stop in reverse order" really means it.

use super::spec::Shutdown;
use crate::runtime::process::Process;
use crate::runtime::{Atom, Pid, Ref, Term};
use std::time::Duration;

/// Stops `child` and returns the reason it ended with.
pub(crate) async fn terminate_child(me: &Process, child: Pid, shutdown: Shutdown) -> Term {
    let reference = me.monitor(child);
    me.unlink(child);
    // If the child died before the unlink, its 'EXIT' may already be in our
    // mailbox: take it out (so it is not handled as a crash later) and use
    // its reason.
    let is_exit =
        |m: &Term| matches!(m.tagged::<3>(Atom::EXIT), Some([_, Term::Pid(p), _]) if *p == child);
    if let Some(Term::Tuple(mut exit)) = me.try_receive_matching(is_exit) {
        wait_down(me, reference, None).await;
        return exit.pop().expect("an 'EXIT' has a reason");
    }
    match shutdown {
        Shutdown::BrutalKill => {
            me.exit(child, Term::Atom(Atom::KILL));
            wait_down(me, reference, None).await.expect("no timeout")
        }
        Shutdown::Timeout(limit) => {
            me.exit(child, Term::Atom(Atom::SHUTDOWN));
            match wait_down(me, reference, Some(limit)).await {
                Some(reason) => reason,
                None => {
                    me.exit(child, Term::Atom(Atom::KILL));
                    wait_down(me, reference, None).await.expect("no timeout")
                }
            }
        }
        Shutdown::Infinity => {
            me.exit(child, Term::Atom(Atom::SHUTDOWN));
            wait_down(me, reference, None).await.expect("no timeout")
        }
    }
}

/// Waits for the 'DOWN' of `reference`; its reason, or `None` on timeout.
async fn wait_down(me: &Process, reference: Ref, timeout: Option<Duration>) -> Option<Term> {
    let is_down = move |m: &Term| crate::runtime::process::is_down_for(m, reference);
    match me.receive_matching(is_down, timeout).await {
        Some(Term::Tuple(mut down)) => down.pop(),
        Some(other) => unreachable!("is_down accepted {other}"),
        None => None,
    }
}
