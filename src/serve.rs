//! `letitcrash serve`: a front end with the stage on and the audience demo
//! open, optionally replaying a script (paced, so the browsers can follow),
//! then serving until Ctrl-C.

use crate::frontend::{SessionOptions, open_session, play};
use crate::stage::StageOptions;
use crate::view::{Role, style_from_env};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

/// The pause between two statements of a served script.
const PACE: Duration = Duration::from_millis(800);

pub fn run(options: &StageOptions, script: Option<&Path>, schedulers: Option<usize>) -> ExitCode {
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
        Some(path) => match std::fs::read_to_string(path) {
            Ok(src) => play(
                &mut session,
                &src,
                &path.display().to_string(),
                &mut out,
                Some(PACE),
            ),
            Err(error) => {
                eprintln!("error: cannot read {}: {error}", path.display());
                false
            }
        },
        None => play(&mut session, "audience open", "serve", &mut out, None),
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
