//! `spinner`: a process that never waits. It burns CPU in a loop and never
//! calls `receive`, yet it cannot starve anyone: every chunk of work is
//! charged in reductions, and when its time slice's budget (4000
//! reductions, as on the BEAM) is spent, the scheduler puts it at the back
//! of the run queue. Spawn a few and an `echo` still answers at once. It
//! ignores messages (they pile up in its mailbox), but `kill` and `crash`
//! still end it: signals do not wait for a receive. `spinner(N)` stops
//! normally after N chunks.

use super::{Args, Kind, KindError, Start, start};
use crate::runtime::Term;
use std::hint::black_box;

pub(super) const KIND: Kind = Kind {
    name: "spinner",
    usage: "spinner | spinner(CHUNKS)",
    help: "burns CPU for ever (or for CHUNKS chunks) without starving others: preemption by reductions",
    example: "spinner",
    arity: (0, 1),
    registers: None,
    prepare,
};

/// Reductions one chunk of work is charged: a quarter of a time slice.
pub(super) const CHUNK: u32 = 1000;

fn prepare(args: &Args) -> Result<Start, KindError> {
    let limit = match args.get(0) {
        Some(term) => match args.int(0)? {
            n if n >= 0 => Some(n as u64),
            _ => return Err(args.bad("a number of chunks (0 or more)", term)),
        },
        None => None,
    };
    Ok(start(move |me| async move {
        let mut done: u64 = 0;
        let mut x: u64 = me.pid().number() | 1;
        while limit.is_none_or(|limit| done < limit) {
            me.work(CHUNK).await;
            // Real work, a little of it, so that "burns CPU" is true.
            for _ in 0..CHUNK {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
            }
            black_box(x);
            done += 1;
        }
        Term::normal()
    }))
}
