//! `letitcrash serve`: a front end with the stage on and the audience demo
//! open, optionally replaying a script so the browsers follow it, then
//! serving until Ctrl-C.
//!
//! The script is replayed by `run`'s own player ([`crate::script::replay_in`])
//! on the session the stage serves, so the terminal shows what `run` shows
//! (the prompt, the echo, `say` narration) while the projector page follows
//! live. `--step` paces it as `run --step` does, one key per command, with
//! the same keys. Without it a statement plays every [`PACE`], and a `pause`
//! still waits for a key: a beat is where the presenter talks. When stdin
//! is not a terminal (a test, CI, `< /dev/null`) no key will come from a
//! person, so a `pause` is [`PIPED_PAUSE`] instead and nothing hangs.
//! However the replay ends (its last statement, `q`, a failed read), the
//! server goes on serving what the session became.

use crate::frontend::{SessionOptions, open_session, play};
use crate::script::keys::Keys;
use crate::script::{Pauses, RunOptions, read_script, replay_in};
use crate::stage::StageOptions;
use crate::view::{Role, style_from_env};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

/// The pause between two statements of a served script (without `--step`).
const PACE: Duration = Duration::from_millis(800);

/// What a `pause` lasts without `--step` when stdin is not a terminal:
/// long enough to see the beat on the projector page, short enough for CI.
pub const PIPED_PAUSE: Duration = Duration::from_secs(2);

pub fn run(
    options: &StageOptions,
    script: Option<&Path>,
    step: bool,
    schedulers: Option<usize>,
) -> ExitCode {
    let style = style_from_env();
    let session_options = SessionOptions {
        schedulers,
        ..SessionOptions::default()
    };
    let mut session = open_session(session_options.config(style));
    let url = match crate::stage::control::start(&mut session, options) {
        Ok(url) => url,
        Err(error) => {
            eprintln!("letitcrash serve: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("{}", crate::stage::announce(&url, options.public, &style));
    let mut out = std::io::stdout();
    let played = match script {
        Some(path) => {
            let name = path.display().to_string();
            match read_script(path, &name) {
                Ok(src) => {
                    let replay = RunOptions {
                        file: path.to_owned(),
                        step,
                        delay: (!step).then_some(PACE),
                        // As before `--step` existed: a failed command is
                        // shown and the demo goes on, the room is watching.
                        keep_going: true,
                        pauses: if std::io::stdin().is_terminal() {
                            Pauses::Key
                        } else {
                            Pauses::Delay(PIPED_PAUSE)
                        },
                        ..RunOptions::default()
                    };
                    let mut keys = Keys::stdin();
                    replay_in(
                        &mut session,
                        &name,
                        &src,
                        &replay,
                        style,
                        &mut out,
                        &mut keys,
                    )
                }
                Err(error) => {
                    eprint!("{error}");
                    false
                }
            }
        }
        None => play(&mut session, "audience open", "serve", &mut out),
    };
    if !played {
        // The browsers still show the session as it is: keep serving.
        eprintln!("letitcrash serve: the script did not run cleanly");
    }
    println!("{}", style.paint("serving until Ctrl-C", Role::Quiet));
    let feed = session.feed();
    loop {
        for line in feed.wait(Duration::from_secs(1)) {
            println!("{line}");
        }
    }
}
