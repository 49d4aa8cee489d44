//! How Elixir 1.14 spells atoms, strings and charlists: the pieces of
//! `inspect` that are text rather than structure (`elixir.rs` lays out
//! the structure).
//!
//! * Atoms as `Macro.inspect_atom(:literal | :key, atom)` writes them:
//!   `nil`, `true`, `false` bare; an alias `'Elixir.Foo.Bar'` as
//!   `Foo.Bar`; an identifier or operator as `:foo`, `:foo?`, `:+`;
//!   anything else quoted, `:"a b"` (`Macro.classify_atom/1`).
//! * Text as `Code.Identifier.escape/4` escapes it inside quotes: the
//!   quote, `\\`, `#{` as `\#{`, the named control characters (`\n`,
//!   `\e`, `\d`, ...), `\0`, and what is not printable as `\xHH`,
//!   `\uHHHH` or `\u{H...}`.
//! * What counts as printable: `String.printable?/2` for binaries and
//!   `List.ascii_printable?/2` for charlists.

/// `String.printable?/2` on one character (after UTF-8 decoding).
pub fn printable_in_string(c: char) -> bool {
    matches!(u32::from(c),
        0x20..=0x7e | 0xa0..=0xd7ff | 0xe000..=0xfffd | 0x10000..=0x10ffff)
        || named_escape(c).is_some()
}

/// `List.ascii_printable?/2` on one element: ASCII text and the named
/// control characters other than DEL.
pub fn printable_in_charlist(code: i64) -> bool {
    matches!(code, 0x20..=0x7e | 7..=13 | 27)
}

/// The escapes `Code.Identifier.escape_map/1` names.
fn named_escape(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{7}' => "\\a",
        '\u{8}' => "\\b",
        '\u{7f}' => "\\d",
        '\u{1b}' => "\\e",
        '\u{c}' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\u{b}' => "\\v",
        _ => return None,
    })
}

/// Writes `chars` escaped for a text between `quote`s (the quotes are the
/// caller's), at most `limit` characters; true when all were written.
pub fn write_escaped(
    out: &mut String,
    chars: impl Iterator<Item = char>,
    quote: char,
    limit: Option<usize>,
) -> bool {
    let mut chars = chars.peekable();
    let mut written = 0;
    while let Some(c) = chars.next() {
        if limit.is_some_and(|limit| written == limit) {
            return false;
        }
        written += 1;
        if c == quote {
            out.push('\\');
            out.push(c);
        } else if c == '#' && chars.peek() == Some(&'{') {
            chars.next();
            out.push_str("\\#{");
        } else if c == '\\' {
            out.push_str("\\\\");
        } else if let Some(named) = named_escape(c) {
            out.push_str(named);
        } else {
            write_char(out, c);
        }
    }
    true
}

/// `Code.Identifier.escape_char/1`.
fn write_char(out: &mut String, c: char) {
    match u32::from(c) {
        0 => out.push_str("\\0"),
        0xfeff => out.push_str("\\uFEFF"),
        0x20..=0x7e | 0xa0..=0xd7ff | 0xe000..=0xfffd | 0x10000..=0x10ffff => out.push(c),
        n if n < 0x100 => out.push_str(&format!("\\x{n:02X}")),
        n if n < 0x10000 => out.push_str(&format!("\\u{n:04X}")),
        n => out.push_str(&format!("\\u{{{n:X}}}")),
    }
}

/// How an atom is written (`Macro.classify_atom/1`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum AtomKind {
    Alias,
    Unquoted,
    Quoted,
}

/// The operators `Macro.operator?/2` knows (unary or binary) that Elixir
/// 1.14 writes unquoted, and the special forms it calls not callable.
const UNQUOTED_OPERATORS: &[&str] = &[
    "===", "!==", "==", "!=", "<=", ">=", "&&", "&&&", "<<<", ">>>", "<<~", "~>>", "<~", "~>",
    "<~>", "<|>", "+++", "---", "<>", "++", "--", "**", "+", "-", "*", "/", "=", "|>", "=~", "<-",
    "\\\\", "|", "||", "|||", "^^^", "<", ">", "->", "when", "in", "and", "or", "not", "!", "^",
    "&", "@", ".", "..", "..//", "...", "%", "%{}", "{}", "<<>>",
];

fn classify(name: &str) -> AtomKind {
    if name == "::" {
        return AtomKind::Quoted;
    }
    if UNQUOTED_OPERATORS.contains(&name) {
        return AtomKind::Unquoted;
    }
    if is_alias(name) {
        return AtomKind::Alias;
    }
    if is_identifier(name) {
        AtomKind::Unquoted
    } else {
        AtomKind::Quoted
    }
}

/// `Elixir` followed by `.Piece`s, each an uppercase ASCII letter then
/// ASCII letters, digits and `_` (`valid_alias?/1`).
fn is_alias(name: &str) -> bool {
    let Some(rest) = name.strip_prefix("Elixir") else {
        return false;
    };
    rest.is_empty()
        || rest.strip_prefix('.').is_some_and(|pieces| {
            pieces.split('.').all(|piece| {
                let mut chars = piece.chars();
                chars.next().is_some_and(|c| c.is_ascii_uppercase())
                    && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
            })
        })
}

/// What Elixir's identifier tokenizer reads whole: a letter or `_`, then
/// letters, digits, `_` and `@`, then at most one `?` or `!`. An
/// uppercase start (an alias-like atom such as `:Foo`) must be ASCII.
fn is_identifier(name: &str) -> bool {
    let body = name
        .strip_suffix('?')
        .or_else(|| name.strip_suffix('!'))
        .unwrap_or(name);
    let mut chars = body.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let ascii_only = first.is_ascii_uppercase();
    if !(first == '_' || first.is_alphabetic()) {
        return false;
    }
    chars.all(|c| (c == '_' || c == '@' || c.is_alphanumeric()) && (!ascii_only || c.is_ascii()))
}

/// `Macro.inspect_atom(:literal, atom)`: `:ok`, `nil`, `Foo`, `:"a b"`.
pub fn write_atom(out: &mut String, name: &str) {
    if matches!(name, "nil" | "true" | "false") {
        out.push_str(name);
        return;
    }
    match classify(name) {
        AtomKind::Alias => out.push_str(name.strip_prefix("Elixir.").unwrap_or(name)),
        AtomKind::Unquoted => {
            out.push(':');
            out.push_str(name);
        }
        AtomKind::Quoted => {
            out.push_str(":\"");
            write_escaped(out, name.chars(), '"', None);
            out.push('"');
        }
    }
}

/// `Macro.inspect_atom(:key, atom)`: a keyword key, `a:`, `"a b":`.
pub fn write_key(out: &mut String, name: &str) {
    match classify(name) {
        AtomKind::Unquoted => out.push_str(name),
        _ => {
            out.push('"');
            write_escaped(out, name.chars(), '"', None);
            out.push('"');
        }
    }
    out.push(':');
}

/// `Macro.inspect_atom(:remote_call, name)`: a function's name after a
/// dot in `&Mod.fun/1`, quoted when it is not an identifier or operator.
pub fn write_remote_name(out: &mut String, name: &str) {
    if classify(name) == AtomKind::Unquoted {
        out.push_str(name);
    } else {
        out.push('"');
        write_escaped(out, name.chars(), '"', None);
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atom(name: &str) -> String {
        let mut out = String::new();
        write_atom(&mut out, name);
        out
    }

    #[test]
    fn atoms_as_elixir_writes_them() {
        assert_eq!(atom("ok"), ":ok");
        assert_eq!(atom("nil"), "nil");
        assert_eq!(atom("a b"), ":\"a b\"");
        assert_eq!(atom("foo@bar"), ":foo@bar");
        assert_eq!(atom("Foo"), ":Foo");
        assert_eq!(atom("Elixir.Foo.Bar"), "Foo.Bar");
        assert_eq!(atom("Elixir"), "Elixir");
        assert_eq!(atom("Elixir.foo"), ":\"Elixir.foo\"");
        assert_eq!(atom("foo?"), ":foo?");
        assert_eq!(atom("?"), ":\"?\"");
        assert_eq!(atom("+"), ":+");
        assert_eq!(atom("//"), ":\"//\"");
        assert_eq!(atom("::"), ":\"::\"");
        assert_eq!(atom("é"), ":é");
        assert_eq!(atom("1a"), ":\"1a\"");
        assert_eq!(atom("\n"), ":\"\\n\"");
        assert_eq!(atom(""), ":\"\"");
    }

    #[test]
    fn escapes_as_code_identifier_escape() {
        let mut out = String::new();
        write_escaped(&mut out, "a\"b#{\0\u{80}\u{feff}\\".chars(), '"', None);
        assert_eq!(out, "a\\\"b\\#{\\0\\x80\\uFEFF\\\\");
        let mut cut = String::new();
        assert!(!write_escaped(&mut cut, "abc".chars(), '"', Some(2)));
        assert_eq!(cut, "ab");
    }
}
