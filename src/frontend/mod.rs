//! What every front end shares: the REPL, piped mode, `run`, `check` and
//! `serve --script` all open a session the same way, echo a statement after
//! the same prompt, print its result before the events it caused, and show
//! errors with the same colours.
//!
//! - [`session`]: the session a front end asks for (live, or deterministic
//!   with a seed) and [`open_session`], which installs the stage as its
//!   observer, so `stage on` and `audience open` work in every front end;
//! - [`transcript`]: the prompt, the echo of a statement, and [`play`],
//!   the loop that turns a script into a transcript;
//! - [`input`]: input that is not all UTF-8, an error on its lines.
//!
//! A front end may import this module, the stage, the session and
//! everything below them; nothing below imports a front end.

pub mod input;
pub mod session;
pub mod transcript;

pub use session::{SessionOptions, open_session};
pub use transcript::{CONTINUATION, PROMPT, echo, play, play_bytes, typed};
