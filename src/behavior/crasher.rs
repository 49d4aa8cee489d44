//! `crasher`: failure on purpose, so that supervisors have something to
//! do. `crasher(AFTER, REASON)` ends with REASON after AFTER (`crasher(AFTER)`
//! with reason `crash`): watch its links and monitors hear about it, or its
//! supervisor restart it, again and again until the restart intensity is
//! used up. `crasher(PROBABILITY)`, with a float between 0 and 1, is a flaky
//! service instead: each message it receives crashes it with reason `crash`
//! with that probability. The dice are a xorshift generator seeded from the
//! pid, so the same script crashes at the same messages every run.

use super::{Args, Kind, KindError, Start, start};
use crate::runtime::XorShift;
use crate::runtime::{Atom, Term};

pub(super) const KIND: Kind = Kind {
    name: "crasher",
    usage: "crasher(AFTER, REASON) | crasher(AFTER) | crasher(PROBABILITY)",
    help: "dies with REASON (default crash) after AFTER; with a float 0..1, crashes with that probability per message",
    example: "crasher(500ms, boom)",
    arity: (1, 2),
    registers: None,
    prepare,
};

fn prepare(args: &Args) -> Result<Start, KindError> {
    match args.terms[0].as_float() {
        Some(p) if args.terms.len() == 1 => {
            if !(0.0..=1.0).contains(&p) {
                return Err(args.bad("a probability between 0.0 and 1.0", &args.terms[0]));
            }
            Ok(flaky(p))
        }
        Some(_) => Err(args.bad("a duration", &args.terms[0])),
        None => {
            let after = args.duration(0).map_err(|error| match args.terms.len() {
                1 => args.bad(
                    "a duration or a probability between 0.0 and 1.0",
                    &args.terms[0],
                ),
                _ => error,
            })?;
            let reason = args.get(1).cloned().unwrap_or(Term::from_atom(Atom::CRASH));
            Ok(start(move |me| async move {
                // A receive that matches nothing: messages stay queued.
                me.sleep(after).await;
                reason
            }))
        }
    }
}

fn flaky(probability: f64) -> Start {
    start(move |me| async move {
        let mut dice = XorShift::new(me.pid().number());
        loop {
            me.receive().await;
            if dice.unit() < probability {
                return Term::from_atom(Atom::CRASH);
            }
        }
    })
}
