//! `pinger(TARGET)` and `ponger`: two processes talking only by messages.
//! A pinger sends `{ping, Self}` to TARGET when it starts and again each
//! time it gets `go`; a ponger answers every `{ping, From}` with `pong` and
//! says so. Because a message carries the sender's pid only if the sender
//! puts it there, `{ping, Self}` is how the ponger knows whom to answer.
//! TARGET may be a registered name, looked up at each send, so a restarted
//! ponger under the same name is found again. Both ignore other messages
//! and end normally on `stop`.

use super::{Args, Kind, KindError, Start, is, start};
use crate::runtime::{Atom, Term};

pub(super) const PINGER: Kind = Kind {
    name: "pinger",
    usage: "pinger(TARGET)",
    help: "sends {ping, Self} to TARGET on start and on each `go`; prints the pongs it gets",
    example: "pinger(p)",
    arity: (1, 1),
    registers: None,
    prepare: prepare_pinger,
};

pub(super) const PONGER: Kind = Kind {
    name: "ponger",
    usage: "ponger",
    help: "answers {ping, From} with pong, and prints it",
    example: "ponger",
    arity: (0, 0),
    registers: None,
    prepare: prepare_ponger,
};

fn prepare_pinger(args: &Args) -> Result<Start, KindError> {
    let target = args.target(0)?;
    Ok(start(move |me| async move {
        let ping = |me: &crate::runtime::Process| match target.resolve(me) {
            Some(to) => me.send(to, Term::tuple([Term::atom("ping"), Term::pid(me.pid())])),
            // On the BEAM, `Name ! Msg` to a missing name raises badarg;
            // a pinger that crashed on start would only confuse a demo.
            None => me.print(format!("pinger {}: nobody is called {target}", me.pid())),
        };
        ping(&me);
        let mut pongs: u64 = 0;
        loop {
            let message = me.receive().await;
            if is(&message, "go") {
                ping(&me);
            } else if is(&message, "pong") {
                pongs += 1;
                me.print(format!("pinger {} got pong {pongs}", me.pid()));
            } else if is(&message, "stop") {
                return Term::normal();
            }
        }
    }))
}

fn prepare_ponger(_: &Args) -> Result<Start, KindError> {
    Ok(start(|me| async move {
        loop {
            let message = me.receive().await;
            if let Some(from) = message
                .tagged::<2>(Atom::new("ping"))
                .and_then(|[_, from]| from.as_pid())
            {
                me.print(format!(
                    "ponger {} got ping from {from}, answers pong",
                    me.pid()
                ));
                me.send(from, Term::atom("pong"));
            } else if is(&message, "stop") {
                return Term::normal();
            }
        }
    }))
}
