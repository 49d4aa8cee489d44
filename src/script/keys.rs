//! Single key presses for step mode.
//!
//! On a terminal, stdin is put in raw mode (no line buffering, no echo, no
//! signals) just for the read, so one key press answers: Enter, space or
//! any other key goes on, `q` (or Ctrl-C, Ctrl-D) quits, `i` interacts.
//! Presentation clickers send Page Down or an arrow key, which go on too.
//! When stdin is not a terminal (a pipe, a test), a whole line is read
//! instead: an empty line goes on, `q` quits, `i` interacts; at the end of
//! the input every wait goes on at once.

use std::io::{BufRead, IsTerminal};

/// What a key press asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Next,
    Quit,
    Interact,
}

/// Where keys come from.
pub trait KeySource {
    fn key(&mut self) -> Key;
}

/// Keys from the process's stdin.
pub struct Keys {
    tty: bool,
    ended: bool,
}

impl Keys {
    pub fn stdin() -> Keys {
        Keys {
            tty: std::io::stdin().is_terminal(),
            ended: false,
        }
    }
}

impl KeySource for Keys {
    fn key(&mut self) -> Key {
        if self.ended {
            return Key::Next;
        }
        if self.tty
            && let Some(bytes) = raw::read_key()
        {
            return key_of_bytes(&bytes);
        }
        let mut line = String::new();
        match std::io::stdin().lock().read_line(&mut line) {
            Ok(0) | Err(_) => {
                self.ended = true;
                Key::Next
            }
            Ok(_) => key_of_line(&line),
        }
    }
}

/// Keys given in advance, for tests: each entry is one press.
impl KeySource for std::collections::VecDeque<Key> {
    fn key(&mut self) -> Key {
        self.pop_front().unwrap_or(Key::Next)
    }
}

fn key_of_bytes(bytes: &[u8]) -> Key {
    match bytes {
        [b'q' | b'Q'] | [3] | [4] => Key::Quit,
        [b'i' | b'I'] => Key::Interact,
        _ => Key::Next,
    }
}

fn key_of_line(line: &str) -> Key {
    match line.trim() {
        "q" | "Q" | "quit" => Key::Quit,
        "i" | "I" => Key::Interact,
        _ => Key::Next,
    }
}

#[cfg(unix)]
mod raw {
    use nix::sys::termios::{self, LocalFlags, SetArg, SpecialCharacterIndices};
    use std::io::Read;

    /// Reads one key press (all the bytes it sent, e.g. an escape
    /// sequence) with the terminal in raw mode, restoring it afterwards.
    /// `None` if the terminal could not be switched.
    pub fn read_key() -> Option<Vec<u8>> {
        let stdin = std::io::stdin();
        let saved = termios::tcgetattr(&stdin).ok()?;
        let mut raw = saved.clone();
        raw.local_flags &=
            !(LocalFlags::ICANON | LocalFlags::ECHO | LocalFlags::ISIG | LocalFlags::IEXTEN);
        raw.control_chars[SpecialCharacterIndices::VMIN as usize] = 1;
        raw.control_chars[SpecialCharacterIndices::VTIME as usize] = 0;
        termios::tcsetattr(&stdin, SetArg::TCSANOW, &raw).ok()?;
        let mut buf = [0u8; 16];
        let read = stdin.lock().read(&mut buf);
        let _ = termios::tcsetattr(&stdin, SetArg::TCSANOW, &saved);
        match read {
            Ok(n) if n > 0 => Some(buf[..n].to_vec()),
            _ => None,
        }
    }
}

#[cfg(not(unix))]
mod raw {
    pub fn read_key() -> Option<Vec<u8>> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_lines_mean_the_same() {
        assert_eq!(key_of_bytes(b"\r"), Key::Next);
        assert_eq!(key_of_bytes(b" "), Key::Next);
        assert_eq!(key_of_bytes(b"\x1b[6~"), Key::Next, "Page Down");
        assert_eq!(key_of_bytes(b"q"), Key::Quit);
        assert_eq!(key_of_bytes(&[3]), Key::Quit, "Ctrl-C");
        assert_eq!(key_of_bytes(b"i"), Key::Interact);
        assert_eq!(key_of_line("\n"), Key::Next);
        assert_eq!(key_of_line("q\n"), Key::Quit);
        assert_eq!(key_of_line("i\n"), Key::Interact);
    }
}
