//! Input that may not be UTF-8: a script saved as Latin-1, a stray byte in
//! a pipe. Such a line is an error with a caret under its first bad byte,
//! like a parse error, never the end of the run: piped mode skips it and
//! goes on (see [`super::play_bytes`]); `check` and `run`, which refuse a
//! script with any parse error before running it, refuse it the same way.

use crate::diagnostics::Diagnostic;

/// Text decoded from `bytes`: each line that is not UTF-8 is left empty in
/// the text (so the other lines keep their numbers) and reported, in
/// order of lines.
pub fn decode_lines(bytes: &[u8]) -> (String, Vec<Diagnostic>) {
    let mut text = String::with_capacity(bytes.len());
    let mut bad = Vec::new();
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if index > 0 {
            text.push('\n');
        }
        match std::str::from_utf8(line) {
            Ok(line) => text.push_str(line),
            Err(error) => bad.push(not_utf8(
                index + 1,
                line,
                error.valid_up_to(),
                "the line is skipped; the input should be UTF-8",
            )),
        }
    }
    (text, bad)
}

/// `bytes` as text, or the error at the first line that is not UTF-8.
pub fn decode(bytes: Vec<u8>) -> Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) => {
            let (_, mut bad) = decode_lines(error.as_bytes());
            let first = bad.remove(0);
            Err(Diagnostic {
                hint: Some("save the script as UTF-8".to_owned()),
                ..first
            })
        }
    }
}

fn not_utf8(line_number: usize, line: &[u8], valid_up_to: usize, hint: &str) -> Diagnostic {
    let before = String::from_utf8_lossy(&line[..valid_up_to]);
    let shown = String::from_utf8_lossy(line);
    Diagnostic {
        source_line: shown.trim_end_matches('\r').to_owned(),
        ..Diagnostic::at(
            line_number,
            before.chars().count() + 1,
            1,
            format!("this line is not UTF-8 (byte 0x{:02X})", line[valid_up_to]),
            Some(hint.to_owned()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_that_is_not_utf8_is_an_error_at_its_first_bad_byte() {
        let (text, bad) = decode_lines(b"spawn counter\nsay \"caf\xe9\"\n\xff\nkill c");
        assert_eq!(text, "spawn counter\n\n\nkill c");
        assert_eq!(bad.len(), 2);
        assert_eq!((bad[0].line, bad[0].column), (2, 9));
        assert_eq!(bad[0].message, "this line is not UTF-8 (byte 0xE9)");
        assert_eq!(bad[0].source_line, "say \"caf\u{fffd}\"");
        assert_eq!((bad[1].line, bad[1].column), (3, 1));
        let rendered = bad[0].render(Some("<stdin>"));
        assert!(
            rendered.contains("2 | say \"caf\u{fffd}\"\n  |         ^\n"),
            "{rendered}"
        );
    }

    #[test]
    fn valid_text_is_unchanged() {
        let text = "sup demo {\r\n  worker w counter\r\n}\n";
        assert_eq!(decode_lines(text.as_bytes()), (text.to_owned(), Vec::new()));
        assert_eq!(decode(text.as_bytes().to_vec()).unwrap(), text);
        let error = decode(b"ok\n\x80".to_vec()).unwrap_err();
        assert_eq!((error.line, error.column), (2, 1));
    }
}
