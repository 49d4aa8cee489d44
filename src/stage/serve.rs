//! `letitcrash serve`: a session with the stage on and the audience demo
//! open, optionally replaying a script (paced, so the browsers can follow),
//! then serving until Ctrl-C.

use super::{StageOptions, qr};
use crate::commands::parse_script;
use crate::runtime::Config;
use crate::session::{Control, Session, SessionConfig};
use crate::view::{Role, style_from_env};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

/// The pause between two statements of a served script.
const PACE: Duration = Duration::from_millis(800);

pub fn run(options: &StageOptions, script: Option<&Path>, schedulers: Option<usize>) -> ExitCode {
    let style = style_from_env();
    let mut config = SessionConfig::live(style);
    if let Some(n) = schedulers {
        config.runtime = Config::live().with_schedulers(n);
    }
    let mut session = Session::new(config);
    let url = match session.start_stage(options) {
        Ok(url) => url,
        Err(error) => {
            eprintln!("letitcrash serve: {error}");
            return ExitCode::FAILURE;
        }
    };
    announce(&url, options.public, &style);
    match script {
        Some(path) => {
            if !replay(&mut session, path) {
                // The browsers still show the session as it is: keep serving.
                eprintln!("letitcrash serve: the script did not run cleanly");
            }
        }
        None => {
            for line in ["audience open"] {
                let stmt = crate::commands::parse_line(line)
                    .ok()
                    .flatten()
                    .expect("parses");
                for out in session.eval(&stmt).lines {
                    println!("{}", out.render(&style));
                }
            }
        }
    }
    println!("{}", style.paint("serving until Ctrl-C", Role::Quiet));
    let feed = session.feed();
    loop {
        for line in feed.wait(Duration::from_secs(1)) {
            println!("{line}");
        }
    }
}

/// The URLs, and with `--public` the join URL as a QR code to scan off the
/// projected terminal.
pub fn announce(url: &str, public: bool, style: &crate::view::Style) {
    println!(
        "{} {url}   {} {url}join",
        style.paint("projector:", Role::Header),
        style.paint("phones:", Role::Header)
    );
    if public && let Some(code) = qr::terminal_qr(&format!("{url}join")) {
        println!("{code}");
    }
}

fn replay(session: &mut Session, path: &Path) -> bool {
    let style = session.style();
    let src = match std::fs::read_to_string(path) {
        Ok(src) => src,
        Err(error) => {
            eprintln!("error: cannot read {}: {error}", path.display());
            return false;
        }
    };
    let feed = session.feed();
    let mut ok = true;
    for parsed in parse_script(&src) {
        let stmt = match parsed {
            Ok(stmt) => stmt,
            Err(error) => {
                eprintln!("{}", crate::repl::render_parse_error(&error, None, &style));
                ok = false;
                continue;
            }
        };
        println!(
            "{}{}",
            style.paint(crate::repl::PROMPT, Role::Header),
            stmt.source
        );
        let evaluation = session.eval(&stmt);
        for line in &evaluation.lines {
            println!("{}", line.render(&style));
        }
        for line in feed.drain() {
            println!("{line}");
        }
        ok &= evaluation.ok;
        if evaluation.control == Control::Quit {
            break;
        }
        std::thread::sleep(PACE);
    }
    ok
}
