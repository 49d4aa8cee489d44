//! The REPL: how a presenter (or a pipe) talks to a session.
//!
//! [`run`] picks the mode from stdin. On a terminal it starts the line
//! editor ([`interact`]): completion, hints and colour as you type, history
//! across runs, and live events printed above the prompt while the
//! presenter types. From a pipe (`letitcrash < demo.crash`) it runs the
//! whole input as a script and prints a transcript, failing if any
//! statement did. The script runner's step mode reuses [`interact`] to drop
//! into the REPL with the script's session and carry on afterwards.
//!
//! - `editor`: the interactive loop;
//! - `editing`: inserting lines into a recalled block, and indentation;
//! - `entry`: the lines of one entry, read one at a time until it closes;
//! - `helper`: completion, hints and highlighting;
//! - `history`: where history is kept;
//! - `printer`: live events, above the prompt and after results;
//! - `piped`: the transcript for non-terminal input;
//! - [`sigint`]: Ctrl-C while a command runs interrupts its wait.
//!
//! Imports: the front end's shared parts, the stage (`--serve`), the session,
//! the command language and the views.

mod editing;
mod editor;
pub mod entry;
pub mod helper;
mod history;
mod piped;
mod printer;
pub mod sigint;

pub use editor::{InteractEnd, interact};
pub use piped::run_script;

use crate::frontend::{SessionOptions, open_session};
use crate::view::{Role, Style, style_from_env};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// How to start the REPL: the session it opens.
pub type ReplOptions = SessionOptions;

/// `letitcrash` / `letitcrash repl`: the editor on a terminal, a transcript
/// from a pipe.
pub fn run(options: ReplOptions) -> ExitCode {
    run_with_stage(options, None)
}

/// [`run`], serving the session to browsers too when `stage` is given
/// (`letitcrash --serve`).
pub fn run_with_stage(options: ReplOptions, stage: Option<crate::stage::StageOptions>) -> ExitCode {
    let style = style_from_env();
    let mut session = open_session(options.config(style));
    if let Some(stage) = stage {
        match crate::stage::control::start(&mut session, &stage) {
            Ok(url) => println!("{}", crate::stage::announce(&url, stage.public, &style)),
            Err(error) => {
                eprintln!("letitcrash: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    if !std::io::stdin().is_terminal() {
        return piped::run(&mut session);
    }
    println!("{}", banner(&options, &style));
    interact(&mut session);
    // The terminal may be gone already (the reason the REPL ended): a
    // goodbye nobody can read is no reason to panic.
    let bye = style.paint("bye: every process is gone", Role::Quiet);
    let _ = writeln!(std::io::stdout(), "{bye}");
    ExitCode::SUCCESS
}

/// The lines printed when the REPL starts.
pub fn banner(options: &ReplOptions, style: &Style) -> String {
    let title = format!(
        "letitcrash {}: make it crash, watch it heal",
        env!("CARGO_PKG_VERSION")
    );
    let mode = match options.seed {
        Some(seed) => {
            let order = match options.order {
                crate::runtime::Order::Beam => "the BEAM's order",
                crate::runtime::Order::Random => "random order",
            };
            format!("deterministic: seed {seed}, {order}, virtual clock")
        }
        None => match options.schedulers {
            Some(n) => format!("live: {n} scheduler threads, wall clock"),
            None => "live: one scheduler per core, wall clock".to_owned(),
        },
    };
    format!(
        "{}\n{}\n{}",
        style.paint(&title, Role::Header),
        style.paint(
            "type `help` for commands, Tab to complete, Ctrl-D to leave",
            Role::Quiet
        ),
        style.paint(&mode, Role::Quiet),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banner_says_whether_deterministic() {
        let live = banner(&ReplOptions::default(), &Style::PLAIN);
        assert!(live.contains("help"), "{live}");
        assert!(live.contains("live"), "{live}");
        let seeded = ReplOptions {
            seed: Some(7),
            ..ReplOptions::default()
        };
        let det = banner(&seeded, &Style::PLAIN);
        assert!(det.contains("deterministic: seed 7"), "{det}");
    }

    #[test]
    fn parse_errors_colour_only_the_error_word() {
        let error = crate::commands::parse_line("spwan x").unwrap_err();
        let plain = error.render_styled(None, &Style::PLAIN);
        assert!(
            plain.starts_with("error: unknown command `spwan`"),
            "{plain}"
        );
        let coloured = error.render_styled(None, &Style::COLOR);
        assert!(coloured.starts_with("\x1b["), "{coloured:?}");
        assert_eq!(crate::view::strip_ansi(&coloured), plain);
    }

    #[test]
    fn piped_script_prints_echo_output_and_events_in_order() {
        let options = ReplOptions {
            seed: Some(1),
            ..ReplOptions::default()
        };
        let mut session = open_session(options.config(Style::PLAIN));
        let mut out = Vec::new();
        let ok = run_script(&mut session, "W = spawn counter\nkill W\n", &mut out);
        let text = String::from_utf8(out).unwrap();
        assert!(ok, "{text}");
        let spawn = text.find("crash> W = spawn counter").expect(&text);
        let kill = text.find("crash> kill W").expect(&text);
        assert!(spawn < kill, "{text}");
        assert!(text[spawn..kill].contains("<0."), "{text}");
        assert!(text[kill..].contains("killed"), "{text}");
    }
}
