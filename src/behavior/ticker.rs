//! `ticker(INTERVAL)`: timers are messages. It asks the runtime to send it
//! `tick` after INTERVAL (`erlang:send_after`), and every time one arrives
//! it prints `tick N` and asks for the next. Between ticks it is blocked in
//! `receive` like any idle process: there is no sleeping thread. The next
//! tick is aimed at start + (N+1)·INTERVAL, so the beat does not drift by
//! the time each tick takes, and a `tick` sent by hand is counted but does
//! not start a second beat or move the first. `stop` ends it normally;
//! other messages are ignored.

use super::{Args, Kind, KindError, Start, is, start};
use crate::runtime::Term;

pub(super) const KIND: Kind = Kind {
    name: "ticker",
    usage: "ticker(INTERVAL)",
    help: "sends itself `tick` every INTERVAL and prints `tick N`; `stop` ends it",
    example: "ticker(1s)",
    arity: (1, 1),
    registers: None,
    prepare,
};

fn prepare(args: &Args) -> Result<Start, KindError> {
    let interval = args.duration(0)?;
    if interval.is_zero() {
        // A zero interval would flood the mailbox and the screen.
        return Err(args.bad("a duration above 0", &args.terms[0]));
    }
    Ok(start(move |me| async move {
        let began = me.now();
        // Beats are the timer's ticks; the next is due at began + (beats+1)·INTERVAL.
        let mut beats: u32 = 0;
        let mut due = began + interval;
        let mut ticks: u64 = 0;
        me.send_after(interval, me.pid(), Term::atom("tick"));
        loop {
            let message = me.receive().await;
            if is(&message, "stop") {
                return Term::normal();
            }
            if !is(&message, "tick") {
                continue;
            }
            ticks += 1;
            me.print(format!("tick {ticks}"));
            // Only the timer's own tick (the one due by now) arms the next,
            // so there is only ever one timer, whatever is sent by hand.
            let now = me.now();
            if now >= due {
                beats += 1;
                due = began + interval * (beats + 1);
                me.send_after(due.saturating_sub(now), me.pid(), Term::atom("tick"));
            }
        }
    }))
}
