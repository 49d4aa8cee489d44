//! Crash isolation: a panic inside a process ends that process only.
//!
//! A time slice runs under `catch_unwind`; a panic becomes the exit reason
//! `{panic, "<message>"}` and the process ends like any other crashing
//! process, notifying its links and monitors. The panic hook is wrapped so
//! that panics inside processes are not printed over the REPL (the exit
//! event reports them); panics anywhere else still print as usual.

use crate::runtime::term::{Atom, Term};
use std::any::Any;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static INSIDE_PROCESS: Cell<bool> = const { Cell::new(false) };
}

static INSTALL_HOOK: Once = Once::new();

fn install_hook() {
    INSTALL_HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !INSIDE_PROCESS.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Marks the current thread as a scheduler worker: everything it runs is
/// process code, so its panics are reported as exit reasons, not printed.
/// (Setting the flag once per thread, rather than around every slice, keeps
/// two thread-local writes off the path of every message.)
pub(in crate::runtime) fn mark_worker_thread() {
    install_hook();
    INSIDE_PROCESS.with(|inside| inside.set(true));
}

/// Runs `slice` (one time slice of a process), turning a panic into the
/// process's exit reason.
pub(in crate::runtime) fn isolate<T>(slice: impl FnOnce() -> T) -> Result<T, Term> {
    let worker = INSIDE_PROCESS.with(Cell::get);
    if !worker {
        install_hook();
        INSIDE_PROCESS.with(|inside| inside.set(true));
    }
    let outcome = panic::catch_unwind(AssertUnwindSafe(slice));
    if !worker {
        INSIDE_PROCESS.with(|inside| inside.set(false));
    }
    outcome.map_err(|payload| panic_reason(&*payload))
}

/// `{panic, "message"}`.
fn panic_reason(payload: &(dyn Any + Send)) -> Term {
    let message = if let Some(text) = payload.downcast_ref::<&str>() {
        text
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.as_str()
    } else {
        "non-text panic payload"
    };
    Term::tuple([Term::from_atom(Atom::PANIC), Term::string(message)])
}
