//! Ctrl-C while a command runs: an interrupt of the command's wait, not
//! the end of the program.
//!
//! While a command runs the terminal is not raw, so Ctrl-C is SIGINT. The
//! REPL (and `run --step`, while a step runs) catches it with
//! [`CatchSigint`] and sets the session's interrupt flag, which ends the
//! command's blocking wait at once (see `Session::interrupt_flag`); then
//! [`discard_typed_ahead`] throws away the keys typed meanwhile. Piped
//! mode installs nothing: there Ctrl-C ends the program as usual.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Throws away what was typed but not read yet (the terminal's input
/// queue): after Ctrl-C ended a command, nothing typed during it runs.
pub fn discard_typed_ahead() {
    use nix::sys::termios::{FlushArg, tcflush};
    let _ = tcflush(std::io::stdin(), FlushArg::TCIFLUSH);
}

/// While it lives, SIGINT (Ctrl-C while a command runs: the terminal is
/// not raw then) sets `interrupt` instead of ending the whole demo; in the
/// editor Ctrl-C arrives as a key. Otherwise (a script runner between two
/// steps), Ctrl-C ends the program as usual: the handler performs the
/// default action only while `SIGINT_ENDS_PROGRAM` is true.
pub struct CatchSigint {
    interrupts: Option<signal_hook::SigId>,
}

static SIGINT_ENDS_PROGRAM: std::sync::LazyLock<Arc<AtomicBool>> = std::sync::LazyLock::new(|| {
    let flag = Arc::new(AtomicBool::new(true));
    // Registered once; if it cannot be, Ctrl-C simply keeps its default.
    let _ =
        signal_hook::flag::register_conditional_default(signal_hook::consts::SIGINT, flag.clone());
    flag
});

/// How many [`CatchSigint`]s live: one may be inside another (the REPL a
/// step's `i` opens), and Ctrl-C ends the program only once all are gone.
static CATCHING: AtomicUsize = AtomicUsize::new(0);

impl CatchSigint {
    pub fn install(interrupt: Arc<AtomicBool>) -> CatchSigint {
        CATCHING.fetch_add(1, Ordering::SeqCst);
        SIGINT_ENDS_PROGRAM.store(false, Ordering::SeqCst);
        interrupt.store(false, Ordering::SeqCst);
        let interrupts = signal_hook::flag::register(signal_hook::consts::SIGINT, interrupt).ok();
        CatchSigint { interrupts }
    }
}

impl Drop for CatchSigint {
    fn drop(&mut self) {
        if let Some(id) = self.interrupts.take() {
            signal_hook::low_level::unregister(id);
        }
        if CATCHING.fetch_sub(1, Ordering::SeqCst) == 1 {
            SIGINT_ENDS_PROGRAM.store(true, Ordering::SeqCst);
        }
    }
}
