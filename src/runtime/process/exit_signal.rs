//! What an exit signal does to the process it reaches: the heart of links.
//!
//! This is the decision table of OTP-SEMANTICS L3–L7 as one pure function,
//! so it can be read in one place and tested on its own. The receiver's
//! signal handling calls it for every exit signal, whether it came over a
//! link (a linked process died) or from `exit(Pid, Reason)`.

use crate::runtime::term::{Atom, Pid, Term};

/// What the receiver must do with an exit signal.
#[derive(Clone, Debug, PartialEq)]
pub(in crate::runtime) enum ExitDecision {
    /// End the receiver with this reason.
    Die(Term),
    /// Deliver `{'EXIT', From, Reason}` as an ordinary message.
    Trap(Term),
    /// Nothing happens.
    Ignore,
}

/// Decides the fate of `receiver` when an exit signal with `reason` arrives
/// from `from`. `via_link` is true when the signal comes from a linked
/// process that ended, false for `exit(Pid, Reason)` sent explicitly.
pub(in crate::runtime) fn decide(
    receiver: Pid,
    trap_exit: bool,
    from: Pid,
    reason: &Term,
    via_link: bool,
) -> ExitDecision {
    // L4: `exit(P, kill)` cannot be trapped, and P dies with `killed`, not
    // `kill`, so that its own links carry an ordinary, trappable reason.
    // L5: a `kill` that arrives over a link is an ordinary reason.
    if !via_link && reason.is_atom(Atom::KILL) {
        return ExitDecision::Die(Term::from_atom(Atom::KILLED));
    }
    // L6, L7: a trapping process turns every other signal into a message.
    if trap_exit {
        return ExitDecision::Trap(Term::tuple([
            Term::from_atom(Atom::EXIT),
            Term::pid(from),
            reason.clone(),
        ]));
    }
    // L3, L7: `normal` is ignored by a non-trapping process, unless the
    // process sent it to itself (`exit(self(), normal)`).
    if reason.is_atom(Atom::NORMAL) {
        return if from == receiver && !via_link {
            ExitDecision::Die(Term::normal())
        } else {
            ExitDecision::Ignore
        };
    }
    // L6: any other reason kills a non-trapping receiver with that reason.
    ExitDecision::Die(reason.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ME: Pid = Pid(1);
    const OTHER: Pid = Pid(2);

    fn exit_message(from: Pid, reason: &str) -> ExitDecision {
        ExitDecision::Trap(Term::tuple([
            Term::from_atom(Atom::EXIT),
            Term::pid(from),
            Term::atom(reason),
        ]))
    }

    #[test]
    fn l3_normal_over_a_link_is_ignored_without_trapping() {
        assert_eq!(
            decide(ME, false, OTHER, &Term::normal(), true),
            ExitDecision::Ignore
        );
    }

    #[test]
    fn l4_kill_sent_explicitly_is_untrappable_and_becomes_killed() {
        let killed = ExitDecision::Die(Term::atom("killed"));
        assert_eq!(decide(ME, true, OTHER, &Term::atom("kill"), false), killed);
        assert_eq!(decide(ME, false, OTHER, &Term::atom("kill"), false), killed);
        // `killed` travelling over a link afterwards is ordinary.
        assert_eq!(
            decide(ME, true, OTHER, &Term::atom("killed"), true),
            exit_message(OTHER, "killed")
        );
    }

    #[test]
    fn l5_kill_over_a_link_is_an_ordinary_reason() {
        assert_eq!(
            decide(ME, true, OTHER, &Term::atom("kill"), true),
            exit_message(OTHER, "kill")
        );
        assert_eq!(
            decide(ME, false, OTHER, &Term::atom("kill"), true),
            ExitDecision::Die(Term::atom("kill"))
        );
    }

    #[test]
    fn l6_other_reasons_kill_or_are_trapped() {
        assert_eq!(
            decide(ME, false, OTHER, &Term::atom("boom"), true),
            ExitDecision::Die(Term::atom("boom"))
        );
        assert_eq!(
            decide(ME, true, OTHER, &Term::atom("boom"), true),
            exit_message(OTHER, "boom")
        );
    }

    #[test]
    fn l7_explicit_normal_is_ignored_or_trapped_but_kills_when_sent_to_self() {
        assert_eq!(
            decide(ME, false, OTHER, &Term::normal(), false),
            ExitDecision::Ignore
        );
        assert_eq!(
            decide(ME, true, OTHER, &Term::normal(), false),
            exit_message(OTHER, "normal")
        );
        assert_eq!(
            decide(ME, false, ME, &Term::normal(), false),
            ExitDecision::Die(Term::normal())
        );
    }
}
