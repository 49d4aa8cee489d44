//! Colour for the views: a palette by meaning, and the switch that turns it
//! off.
//!
//! Every view takes a [`Style`] and paints its words through [`paint`] with a
//! [`Role`] (what the text *means*: a spawn, a crash, a restart), never with a
//! colour directly, so the palette lives in one place and a projector with
//! poor contrast needs one edit here. Whether to colour at all is a field of
//! `Style`, not the `colored` crate's process-global override: tests render
//! plain and coloured text side by side on parallel threads, and the REPL
//! decides once at start-up with [`style_from_env`].
//!
//! Colour only ever adds emphasis. Every view must read the same with
//! colour off (`NO_COLOR`, a pipe, a screen reader), so the words and
//! symbols carry the meaning and the colour repeats it.

use colored::Color;
use std::io::IsTerminal;

/// How to render: with ANSI colour or as plain text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Style {
    pub colorize: bool,
    /// How terms, exit reasons and errors are written: as `erl` or as
    /// `iex` does (the session's `syntax`, carried to every view).
    pub syntax: crate::view::Syntax,
}

impl Style {
    /// Plain text: what tests, pipes and `NO_COLOR` get.
    pub const PLAIN: Style = Style {
        colorize: false,
        syntax: crate::view::Syntax::Erlang,
    };
    /// ANSI colour, whatever the terminal.
    pub const COLOR: Style = Style {
        colorize: true,
        syntax: crate::view::Syntax::Erlang,
    };

    /// Shorthand for [`paint`] with this style.
    pub fn paint(&self, text: &str, role: Role) -> String {
        paint(text, role, self)
    }
}

/// What a piece of text means; the palette maps each meaning to a look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// A process came to life.
    Spawn,
    /// A process ended normally (or was shut down): nothing went wrong.
    ExitNormal,
    /// A process crashed: the thing the audience should see first.
    Crash,
    /// An exit signal that killed its receiver (the cause of a crash).
    Signal,
    /// An exit signal turned into a message by trap_exit, or a monitor's
    /// 'DOWN': the process survived and was told.
    Trapped,
    /// A supervisor restarting children.
    Restart,
    /// A supervisor exceeded its restart intensity and gave up.
    GaveUp,
    /// Text a process printed: the program's own voice, left uncoloured.
    Output,
    /// A traced message being sent or received.
    Message,
    /// Bookkeeping that is rarely the point: links, registrations, ignored
    /// signals, timestamps, column separators.
    Quiet,
    /// Column headers and titles.
    Header,
    /// Pids.
    Pid,
    /// Names beside pids, child ids, registered names.
    Name,
    /// A live process doing nothing alarming (running, waiting).
    Alive,
    /// Something worth a second look that is not (yet) a failure, such as a
    /// supervisor close to its restart limit.
    Warning,
}

/// The look of one role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Look {
    pub fg: Option<Color>,
    pub bg: Option<Color>,
    pub bold: bool,
    pub dim: bool,
}

impl Look {
    const fn fg(color: Color) -> Look {
        Look {
            fg: Some(color),
            bg: None,
            bold: false,
            dim: false,
        }
    }

    const fn bold(self) -> Look {
        Look { bold: true, ..self }
    }

    const PLAIN: Look = Look {
        fg: None,
        bg: None,
        bold: false,
        dim: false,
    };
}

/// The palette: one look per meaning. Bright, bold colours for the things a
/// room should notice from the back row; dim for the bookkeeping.
pub const fn look(role: Role) -> Look {
    match role {
        Role::Spawn => Look::fg(Color::Green),
        Role::ExitNormal => Look {
            dim: true,
            ..Look::PLAIN
        },
        Role::Crash => Look::fg(Color::Red).bold(),
        Role::Signal => Look::fg(Color::Red),
        Role::Trapped => Look::fg(Color::Yellow),
        Role::Restart => Look::fg(Color::BrightCyan).bold(),
        Role::GaveUp => Look {
            fg: Some(Color::BrightWhite),
            bg: Some(Color::Red),
            bold: true,
            dim: false,
        },
        Role::Output => Look::PLAIN,
        Role::Message => Look::fg(Color::Blue),
        Role::Quiet => Look::fg(Color::BrightBlack),
        Role::Header => Look::PLAIN.bold(),
        Role::Pid => Look::fg(Color::BrightBlue),
        Role::Name => Look::fg(Color::Magenta),
        Role::Alive => Look::fg(Color::Green),
        Role::Warning => Look::fg(Color::Yellow).bold(),
    }
}

/// `text` in the look of `role`, or `text` unchanged when colour is off.
///
/// The escape codes come from `colored`'s colour table, but are assembled
/// here rather than through `ColoredString`'s `Display`, which consults
/// `colored`'s global switch (environment, tty, override) on every call;
/// a view must depend only on its `Style`.
pub fn paint(text: &str, role: Role, style: &Style) -> String {
    let look = look(role);
    if !style.colorize || text.is_empty() || look == Look::PLAIN {
        return text.to_string();
    }
    let mut codes: Vec<String> = Vec::new();
    if look.bold {
        codes.push("1".into());
    }
    if look.dim {
        codes.push("2".into());
    }
    if let Some(bg) = look.bg {
        codes.push(bg.to_bg_str().into_owned());
    }
    if let Some(fg) = look.fg {
        codes.push(fg.to_fg_str().into_owned());
    }
    format!("\x1b[{}m{text}\x1b[0m", codes.join(";"))
}

/// Whether to colour, from the environment and the terminal: the style for
/// the REPL and `letitcrash run`.
pub fn style_from_env() -> Style {
    let no_color = std::env::var("NO_COLOR").ok();
    let force = std::env::var("CLICOLOR_FORCE").ok();
    Style {
        colorize: decide_colorize(
            no_color.as_deref(),
            force.as_deref(),
            std::io::stdout().is_terminal(),
        ),
        syntax: crate::view::Syntax::Erlang,
    }
}

/// The colour decision as a pure function of the environment values (for
/// [`style_from_env`], and for tests that must not touch the real
/// environment).
///
/// `CLICOLOR_FORCE` set to anything but `""` or `"0"` forces colour; it wins
/// over `NO_COLOR` because it is the more specific request (a presenter
/// recording a demo through a pipe, with `NO_COLOR` in their profile), and
/// because the `colored` crate orders them the same way. Otherwise a
/// non-empty `NO_COLOR` turns colour off (<https://no-color.org>: an empty
/// value does not count). Otherwise colour iff stdout is a terminal, so
/// `letitcrash check > log` writes no escapes.
pub fn decide_colorize(no_color: Option<&str>, clicolor_force: Option<&str>, is_tty: bool) -> bool {
    if matches!(clicolor_force, Some(v) if !v.is_empty() && v != "0") {
        return true;
    }
    if matches!(no_color, Some(v) if !v.is_empty()) {
        return false;
    }
    is_tty
}

/// `text` without ANSI escape sequences (CSI `ESC [ ... letter`): for
/// measuring painted text, and for tests that compare coloured output with
/// plain.
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.clone().next() == Some('[') {
                chars.next();
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_style_leaves_text_alone() {
        for role in [Role::Crash, Role::Spawn, Role::GaveUp, Role::Output] {
            assert_eq!(paint("boom", role, &Style::PLAIN), "boom");
        }
    }

    #[test]
    fn colour_wraps_text_in_escapes() {
        assert_eq!(
            paint("boom", Role::Crash, &Style::COLOR),
            "\x1b[1;31mboom\x1b[0m"
        );
        assert_eq!(paint("up", Role::Spawn, &Style::COLOR), "\x1b[32mup\x1b[0m");
        assert_eq!(
            paint("gave up", Role::GaveUp, &Style::COLOR),
            "\x1b[1;41;97mgave up\x1b[0m"
        );
        // Output is the program's own text: no escapes even with colour on.
        assert_eq!(paint("hello", Role::Output, &Style::COLOR), "hello");
        assert_eq!(paint("", Role::Crash, &Style::COLOR), "");
    }

    #[test]
    fn strip_ansi_undoes_paint() {
        let painted = format!(
            "{} and {}",
            paint("boom", Role::Crash, &Style::COLOR),
            paint("↻2", Role::Restart, &Style::COLOR)
        );
        assert_eq!(strip_ansi(&painted), "boom and ↻2");
    }

    #[test]
    fn every_meaning_looks_different_from_plain_text_except_output() {
        let roles = [
            Role::Spawn,
            Role::ExitNormal,
            Role::Crash,
            Role::Signal,
            Role::Trapped,
            Role::Restart,
            Role::GaveUp,
            Role::Message,
            Role::Quiet,
            Role::Header,
            Role::Pid,
            Role::Name,
            Role::Alive,
            Role::Warning,
        ];
        for role in roles {
            assert_ne!(look(role), Look::PLAIN, "{role:?}");
        }
        assert_eq!(look(Role::Output), Look::PLAIN);
    }

    #[test]
    fn no_color_clicolor_force_and_tty() {
        // The terminal decides when nothing is set.
        assert!(decide_colorize(None, None, true));
        assert!(!decide_colorize(None, None, false));
        // NO_COLOR: any non-empty value turns colour off, even on a tty.
        assert!(!decide_colorize(Some("1"), None, true));
        assert!(!decide_colorize(Some("0"), None, true));
        assert!(decide_colorize(Some(""), None, true));
        // CLICOLOR_FORCE: anything but "0" (or empty) forces colour, even
        // into a pipe, and even over NO_COLOR.
        assert!(decide_colorize(None, Some("1"), false));
        assert!(decide_colorize(Some("1"), Some("yes"), false));
        assert!(!decide_colorize(None, Some("0"), false));
        assert!(!decide_colorize(Some("1"), Some("0"), true));
        assert!(!decide_colorize(None, Some(""), false));
    }
}
