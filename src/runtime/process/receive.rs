//! Receiving, the asynchronous half of a process's API.
//!
//! A native behavior is an `async` block: wherever it waits for a message
//! it `.await`s one of these futures, and the compiler turns the block into
//! a state machine that can be paused there and resumed later by whichever
//! worker runs the process next. This is how one OS thread runs thousands of
//! processes without giving each its own stack.
//!
//! The futures talk to the scheduler through the process state rather than
//! through wakers: when a receive finds nothing, it records what it waits
//! for (`wait_until`) and returns `Pending`; when the time slice's budget is
//! spent, it records `yield_requested` instead. The program adapter turns
//! that into a [`Step`](crate::runtime::program::Step). Any signal that
//! arrives wakes the process, which polls the future again.

use super::{Process, is_down_for};
use crate::runtime::event::EventKind;
use crate::runtime::term::{Atom, Pid, Term};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// A selective receive: the oldest message for which the matcher says yes,
/// or `None` when the timeout passes first.
pub struct Receive<'a, M> {
    process: &'a Process,
    matches: M,
    timeout: Option<Duration>,
    deadline: Option<Duration>,
    started: bool,
}

impl<M: FnMut(&Term) -> bool + Unpin> Future for Receive<'_, M> {
    type Output = Option<Term>;

    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<Term>> {
        let this = self.get_mut();
        let process = this.process;
        if process.slice.budget() <= 0 {
            // Preempted: the worker puts the process back in the run queue.
            process.slice.request_yield();
            return Poll::Pending;
        }
        if this.timeout.is_none() && !process.slice.has_news() && !process.slice.is_ending() {
            // Nothing has arrived since the mailbox was last found empty:
            // wait, without taking the lock (see `SliceState::news`).
            process.slice.wait_until(None);
            return Poll::Pending;
        }
        let mut state = process.state.lock();
        if !this.started {
            this.started = true;
            state.timed_out = false;
            this.deadline = this.timeout.map(|t| process.now().saturating_add(t));
        }
        if let Some(message) = process.take_matching(&mut state, &mut this.matches) {
            state.receive_timer = None;
            drop(state);
            process.slice.charge(1);
            if process.is_traced() {
                process.node.emit(EventKind::Received {
                    pid: process.pid(),
                    message: message.clone(),
                });
            }
            return Poll::Ready(Some(message));
        }
        if state.ending.is_some() {
            // An exit signal killed us; the worker ends the process.
            return Poll::Pending;
        }
        if let Some(deadline) = this.deadline
            && (state.timed_out || process.now() >= deadline)
        {
            state.timed_out = false;
            state.receive_timer = None;
            return Poll::Ready(None);
        }
        process.slice.wait_until(this.deadline);
        Poll::Pending
    }
}

/// `receive Msg -> Msg end`, the lean path: the oldest message, whatever
/// it is, with no deadline. It needs none of [`Receive`]'s state: a
/// receive without timeout has no timer to forget (the timed receives
/// clear theirs when they end) and no deadline to record (it is
/// `NO_DEADLINE` whenever a slice is running).
pub struct Next<'a> {
    process: &'a Process,
}

impl Future for Next<'_> {
    type Output = Term;

    #[inline]
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Term> {
        let process = self.process;
        let slice = &process.slice;
        if slice.budget() <= 0 {
            slice.request_yield();
            return Poll::Pending;
        }
        if !slice.has_news() && !slice.is_ending() {
            // See `SliceState::news`: nothing arrived since the mailbox
            // was last found empty.
            return Poll::Pending;
        }
        let mut state = process.state.lock();
        let Some(message) = process.take_next(&mut state) else {
            return Poll::Pending;
        };
        drop(state);
        slice.charge(1);
        if process.is_traced() {
            process.node.emit(EventKind::Received {
                pid: process.pid(),
                message: message.clone(),
            });
        }
        Poll::Ready(message)
    }
}

/// What [`Process::receive_scan`] found.
#[derive(Debug, PartialEq)]
pub enum Scan<R> {
    /// The oldest message the matcher accepted, taken out of the mailbox,
    /// and what the matcher said about it (which clause, say).
    Taken(Term, R),
    /// Nothing matched and the deadline, if any, has not passed: wait.
    Nothing,
    /// Nothing matched and the deadline has passed (`after` fires).
    TimedOut,
}

/// Gives up the CPU once the time slice's reductions are spent.
pub struct Work<'a> {
    process: &'a Process,
    reductions: u32,
}

impl Future for Work<'_> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        let slice = &this.process.slice;
        if slice.budget() <= 0 {
            slice.request_yield();
            return Poll::Pending;
        }
        slice.charge(std::mem::take(&mut this.reductions));
        Poll::Ready(())
    }
}

impl Process {
    /// `receive Msg -> Msg end`: waits for the next message. The commonest
    /// receive has its own future ([`Next`]): no matcher, no deadline.
    pub fn receive(&self) -> Next<'_> {
        Next { process: self }
    }

    /// `receive Msg -> Msg after Timeout -> ... end`.
    pub fn receive_timeout(&self, timeout: Duration) -> Receive<'_, fn(&Term) -> bool> {
        self.receive_matching(|_| true, Some(timeout))
    }

    /// A selective receive: takes the oldest message `matches` accepts,
    /// leaving the others in the mailbox in order.
    pub fn receive_matching<M>(&self, matches: M, timeout: Option<Duration>) -> Receive<'_, M>
    where
        M: FnMut(&Term) -> bool + Unpin,
    {
        Receive {
            process: self,
            matches,
            timeout,
            deadline: None,
            started: false,
        }
    }

    /// One look at the mailbox for a receive written in an interpreted
    /// language, as the BEAM's receive opcodes do it (`loop_rec`,
    /// `loop_rec_end`, `wait`, `wait_timeout`, `timeout` in `beam_emu`;
    /// AtomVM's `OP_LOOP_REC` family is the same design):
    ///
    /// - the messages are offered to `matcher` oldest first, starting at the
    ///   *save position*: those before it were rejected by an earlier look
    ///   of the same receive and are not offered again (a receive that
    ///   waits for `{reply, Ref}` behind 10,000 other messages pays for
    ///   them once, not at every wake-up);
    /// - the first message the matcher accepts is removed and returned with
    ///   the matcher's answer, and the save position goes back to the
    ///   start for the next receive;
    /// - otherwise the save position moves to the end of the mailbox and,
    ///   if `deadline` has passed (or its timer fired), the receive times
    ///   out and the save position is reset too.
    ///
    /// `first` is true on the first look of a receive (not on the looks
    /// after a wake-up): it forgets a timeout left over from an earlier
    /// receive. The caller arms the timer by returning
    /// `Step::Wait { until: deadline }`; a later `Wait` with the same
    /// deadline does not arm it again.
    pub fn receive_scan<R>(
        &self,
        first: bool,
        deadline: Option<Duration>,
        mut matcher: impl FnMut(&Term) -> Option<R>,
    ) -> Scan<R> {
        if deadline.is_none() && !self.slice.has_news() && !self.slice.is_ending() {
            // Nothing has arrived since the mailbox was last found empty
            // (`SliceState::news`), so there is nothing to offer and no
            // deadline to check: wait without the lock, as `Next` does. The
            // save position is already 0 (the mailbox was empty), and a
            // receive without `after` ignores `timed_out` (the next one
            // with `after` clears it on its first look). A ring's process
            // looks here after every forward, and finds nothing.
            return Scan::Nothing;
        }
        let mut state = self.state.lock();
        if first {
            state.timed_out = false;
            state.save = 0;
        }
        if state.ending.is_some() {
            return Scan::Nothing;
        }
        let mut found = None;
        let mut index = state.save.min(state.mailbox.len());
        while index < state.mailbox.len() {
            if let Some(answer) = matcher(&state.mailbox[index]) {
                let message = state.mailbox.remove(index).expect("in range");
                found = Some((message, answer));
                break;
            }
            index += 1;
        }
        if found.is_none() {
            while let Some(signal) = state.signals.pop_front() {
                let Some(message) = self.handle_signal(&mut state, signal) else {
                    if state.ending.is_some() {
                        return Scan::Nothing;
                    }
                    continue;
                };
                if let Some(answer) = matcher(&message) {
                    found = Some((message, answer));
                    break;
                }
                state.mailbox.push_back(message);
            }
        }
        if state.signals.is_empty() && state.mailbox.is_empty() {
            self.slice.clear_news();
        }
        let Some((message, answer)) = found else {
            state.save = state.mailbox.len();
            return match deadline {
                Some(deadline) if state.timed_out || self.now() >= deadline => {
                    state.timed_out = false;
                    state.receive_timer = None;
                    state.save = 0;
                    Scan::TimedOut
                }
                _ => Scan::Nothing,
            };
        };
        state.save = 0;
        state.receive_timer = None;
        self.note_taken(&mut state, &message);
        drop(state);
        if self.is_traced() {
            self.node.emit(EventKind::Received {
                pid: self.pid(),
                message: message.clone(),
            });
        }
        Scan::Taken(message, answer)
    }

    /// `timer:sleep(Duration)`: a receive that matches nothing.
    pub async fn sleep(&self, duration: Duration) {
        self.receive_matching(|_| false, Some(duration)).await;
    }

    /// Does `reductions` worth of work, first giving up the CPU if this time
    /// slice is spent. A CPU-bound loop that calls this cannot starve other
    /// processes: that is preemption by reductions.
    pub fn work(&self, reductions: u32) -> Work<'_> {
        Work {
            process: self,
            reductions,
        }
    }

    /// `gen_server:call(Server, Request, Timeout)`.
    ///
    /// Like OTP, the caller monitors the server for the duration of the
    /// call, so a call to a dead or dying server fails with its exit reason
    /// (`noproc` if it was already gone) instead of hanging, and a call that
    /// gets no answer in time fails with `timeout`.
    pub async fn call(
        &self,
        server: Pid,
        request: Term,
        timeout: Option<Duration>,
    ) -> Result<Term, Term> {
        let reference = self.monitor(server);
        let from = Term::tuple([Term::pid(self.pid()), Term::reference(reference)]);
        self.send(
            server,
            Term::tuple([Term::from_atom(Atom::GEN_CALL), from, request]),
        );
        let is_answer = move |message: &Term| {
            let is_reply =
                matches!(message.as_tuple(), Some([r, _]) if r.as_ref() == Some(reference));
            is_reply || is_down_for(message, reference)
        };
        match self.receive_matching(is_answer, timeout).await {
            None => {
                self.demonitor_flush(reference);
                Err(Term::from_atom(Atom::TIMEOUT))
            }
            Some(answer) => match answer.as_tuple() {
                Some([_, reply]) => {
                    self.demonitor_flush(reference);
                    Ok(reply.clone())
                }
                Some([.., reason]) => Err(reason.clone()),
                _ => unreachable!("is_answer accepted {answer}"),
            },
        }
    }

    /// `gen_server:call` to a registered name: `noproc` if nobody has it.
    pub async fn call_named(
        &self,
        name: Atom,
        request: Term,
        timeout: Option<Duration>,
    ) -> Result<Term, Term> {
        match self.whereis(name) {
            Some(server) => self.call(server, request, timeout).await,
            None => Err(Term::from_atom(Atom::NOPROC)),
        }
    }

    /// `gen_server:reply(From, Reply)`, where `from` is the `{Pid, Ref}` that
    /// came with the request.
    pub fn reply(&self, from: &Term, reply: Term) {
        if let Some([caller, reference]) = from.as_tuple()
            && let Some(caller) = caller.as_pid()
        {
            self.send(caller, Term::tuple([reference.clone(), reply]));
        }
    }
}

/// Takes a `{'$gen_call', From, Request}` message apart.
pub fn as_call(message: &Term) -> Option<(&Term, &Term)> {
    message
        .tagged::<3>(Atom::GEN_CALL)
        .map(|[_, from, request]| (from, request))
}
