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
//!
//! The instances of a `simple_one_for_one` are not stopped one by one but
//! all at once, as `supervisor:terminate_dynamic_children/1` does: each gets
//! the exit signal, one timer of the template's shutdown runs for them all,
//! and whoever is left when it fires is killed.

use super::spec::Shutdown;
use crate::runtime::process::{Process, is_down_for};
use crate::runtime::{Atom, Pid, Ref, Term};
use std::time::Duration;

/// Stops `child` and returns the reason it ended with.
pub(crate) async fn terminate_child(me: &Process, child: Pid, shutdown: Shutdown) -> Term {
    let reference = me.monitor(child);
    me.unlink(child);
    if let Some(reason) = ended_before_unlink(me, child, reference).await {
        return reason;
    }
    match shutdown {
        Shutdown::BrutalKill => {
            me.exit(child, Term::from_atom(Atom::KILL));
            wait_down(me, reference, None).await.expect("no timeout")
        }
        Shutdown::Timeout(limit) => {
            me.exit(child, Term::from_atom(Atom::SHUTDOWN));
            match wait_down(me, reference, Some(limit)).await {
                Some(reason) => reason,
                None => {
                    me.exit(child, Term::from_atom(Atom::KILL));
                    wait_down(me, reference, None).await.expect("no timeout")
                }
            }
        }
        Shutdown::Infinity => {
            me.exit(child, Term::from_atom(Atom::SHUTDOWN));
            wait_down(me, reference, None).await.expect("no timeout")
        }
    }
}

/// Stops the instances of a `simple_one_for_one` all at once with their
/// template's `shutdown`, like `supervisor:terminate_dynamic_children/1`,
/// and returns each one's reason in the order they ended.
pub(crate) async fn terminate_children_at_once(
    me: &Process,
    children: &[Pid],
    shutdown: Shutdown,
) -> Vec<(Pid, Term)> {
    let mut ended = Vec::new();
    // `monitor_dynamic_children`: monitor and unlink each one first.
    let mut waiting = Vec::new();
    for &child in children {
        let reference = me.monitor(child);
        me.unlink(child);
        match ended_before_unlink(me, child, reference).await {
            Some(reason) => ended.push((child, reason)),
            None => waiting.push((child, reference)),
        }
    }
    let first_signal = match shutdown {
        Shutdown::BrutalKill => Atom::KILL,
        Shutdown::Timeout(_) | Shutdown::Infinity => Atom::SHUTDOWN,
    };
    for &(child, _) in &waiting {
        me.exit(child, Term::from_atom(first_signal));
    }
    // One timer for all of them, not one per child.
    let mut deadline = match shutdown {
        Shutdown::Timeout(limit) => Some(me.now().saturating_add(limit)),
        Shutdown::BrutalKill | Shutdown::Infinity => None,
    };
    while !waiting.is_empty() {
        let timeout = deadline.map(|at| at.saturating_sub(me.now()));
        let references: Vec<Ref> = waiting.iter().map(|&(_, r)| r).collect();
        let is_ours = move |m: &Term| references.iter().any(|&r| is_down_for(m, r));
        match me.receive_matching(is_ours, timeout).await {
            Some(down) => {
                let Some([_, reference, _, _, reason]) = down.tagged::<5>(Atom::DOWN) else {
                    unreachable!("is_ours accepted {down}")
                };
                let position = waiting
                    .iter()
                    .position(|(_, r)| Some(*r) == reference.as_ref())
                    .expect("a 'DOWN' for one of ours");
                ended.push((waiting.remove(position).0, reason.clone()));
            }
            None => {
                // The timer fired: kill the rest and wait for them.
                for &(child, _) in &waiting {
                    me.exit(child, Term::from_atom(Atom::KILL));
                }
                deadline = None;
            }
        }
    }
    ended
}

/// If `child` died before we unlinked from it, its 'EXIT' may already be in
/// our mailbox: takes it out (so it is not handled as a crash later), waits
/// for the 'DOWN' of `reference`, and returns the reason.
async fn ended_before_unlink(me: &Process, child: Pid, reference: Ref) -> Option<Term> {
    let is_exit = |m: &Term| matches!(m.tagged::<3>(Atom::EXIT), Some([_, p, _]) if p.as_pid() == Some(child));
    let exit = me.try_receive_matching(is_exit)?;
    wait_down(me, reference, None).await;
    exit.as_tuple().and_then(|t| t.last()).cloned()
}

/// Waits for the 'DOWN' of `reference`; its reason, or `None` on timeout.
async fn wait_down(me: &Process, reference: Ref, timeout: Option<Duration>) -> Option<Term> {
    let is_down = move |m: &Term| is_down_for(m, reference);
    me.receive_matching(is_down, timeout).await.map(|down| {
        down.as_tuple()
            .and_then(|t| t.last())
            .cloned()
            .expect("a 'DOWN' has a reason")
    })
}
