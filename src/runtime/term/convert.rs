//! The helpers letitcrash's runtime and VM use on terms today, on the new
//! representation: tagged tuples for messages and exit reasons, booleans,
//! and the conversions between strings, lists, atoms and binaries that the
//! BIFs need (`atom_to_list`, `list_to_binary`, `iolist_to_binary`, ...).
//!
//! Strings come in as Rust `&str` and go out as `String`; in between they
//! are what Erlang says they are, lists of codes (`cons.rs`). iolists are
//! flattened with an explicit stack, like everything that walks a term.

use crate::runtime::term::atom::Atom;
use crate::runtime::term::bignum::{Int, int_to_string_radix};
use crate::runtime::term::word::{Term, View};

impl Term {
    /// `normal`: the reason of a process that finished its work.
    pub fn normal() -> Term {
        Term::from_atom(Atom::NORMAL)
    }

    /// `{ok, Value}`.
    pub fn ok(value: Term) -> Term {
        Term::tuple([Term::from_atom(Atom::OK), value])
    }

    /// `{error, Reason}`.
    pub fn error(reason: Term) -> Term {
        Term::tuple([Term::from_atom(Atom::ERROR), reason])
    }

    /// The elements of a tuple of exactly `N` elements whose first is the
    /// atom `tag`: `{add, 5}` taken apart.
    pub fn tagged<const N: usize>(&self, tag: Atom) -> Option<&[Term; N]> {
        let elements: &[Term; N] = self.as_tuple()?.try_into().ok()?;
        elements.first()?.is_atom(tag).then_some(elements)
    }

    /// Whether this exit reason is a normal end for `transient` children
    /// and links: `normal`, `shutdown` or `{shutdown, _}`.
    pub fn is_normal_exit(&self) -> bool {
        match self.as_atom() {
            Some(a) => a == Atom::NORMAL || a == Atom::SHUTDOWN,
            None => self.tagged::<2>(Atom::SHUTDOWN).is_some(),
        }
    }

    /// `true` → `Some(true)`, `false` → `Some(false)`, else `None`.
    pub fn as_bool(&self) -> Option<bool> {
        if self.is_atom(Atom::TRUE) {
            Some(true)
        } else if self.is_atom(Atom::FALSE) {
            Some(false)
        } else {
            None
        }
    }

    /// The binary of a string's UTF-8 bytes (`<<"text"/utf8>>`).
    pub fn binary_from_str(text: &str) -> Term {
        Term::binary(text.as_bytes())
    }

    /// `atom_to_list/1`.
    pub fn atom_to_list(a: Atom) -> Term {
        Term::string(a.name())
    }

    /// `integer_to_list(N, Base)`; `None` for a non-integer.
    pub fn integer_to_list(&self, base: u32) -> Option<Term> {
        let text = int_to_string_radix(self.as_integer()?, base);
        Some(Term::string(&text))
    }

    /// `binary_to_list/1`: the bytes as a list; `None` for a bitstring
    /// that is not a whole number of bytes, or a non-binary.
    pub fn binary_to_list(&self) -> Option<Term> {
        let b = self.as_bits()?;
        b.is_binary().then(|| {
            Term::list(
                b.to_padded_bytes()
                    .into_iter()
                    .map(|x| Term::int(i64::from(x))),
            )
        })
    }

    /// The bytes of an iolist (`iolist_to_binary/1`, `list_to_binary/1`):
    /// bytes (0..=255), binaries and iolists, any nesting, a binary as the
    /// tail; `None` (`badarg`) for anything else.
    pub fn iolist_bytes(&self) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        let mut stack = vec![self];
        while let Some(t) = stack.pop() {
            match t.view() {
                View::Nil => {}
                View::Cons(h, tail) => {
                    stack.push(tail);
                    match h.view() {
                        View::Int(n) => out.push(u8::try_from(n).ok()?),
                        View::Cons(..) | View::Nil | View::Bits(_) => stack.push(h),
                        _ => return None,
                    }
                }
                View::Bits(b) if b.is_binary() => match b.as_bytes() {
                    Some(bytes) => out.extend_from_slice(bytes),
                    None => out.extend_from_slice(&b.to_padded_bytes()),
                },
                _ => return None,
            }
        }
        Some(out)
    }

    /// The text of a string-like term as the runtime prints it to a user:
    /// a list of codes, a binary's UTF-8, or an atom's name.
    pub fn text(&self) -> Option<String> {
        match self.view() {
            View::Atom(a) => Some(a.name().to_owned()),
            View::Bits(_) => String::from_utf8(self.iolist_bytes()?).ok(),
            _ => self.as_string(),
        }
    }
}

impl From<Int<'_>> for Term {
    fn from(i: Int<'_>) -> Term {
        match i {
            Int::Small(n) => Term::int(n),
            Int::Big(b) => Term::from_big(b.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tagged_takes_messages_apart() {
        let msg = Term::tuple([Term::atom("add"), Term::int(5)]);
        let [_, n] = msg.tagged::<2>(Atom::new("add")).unwrap();
        assert_eq!(n, &Term::int(5));
        assert!(msg.tagged::<2>(Atom::new("sub")).is_none());
        assert!(msg.tagged::<3>(Atom::new("add")).is_none());
        assert!(Term::tuple([]).tagged::<0>(Atom::OK).is_none());
    }

    #[test]
    fn normal_exits_for_transient_children() {
        assert!(Term::normal().is_normal_exit());
        assert!(Term::atom("shutdown").is_normal_exit());
        assert!(Term::tuple([Term::atom("shutdown"), Term::atom("x")]).is_normal_exit());
        assert!(!Term::atom("boom").is_normal_exit());
        assert_eq!(Term::ok(Term::int(1)).to_string(), "{ok,1}");
        assert_eq!(Term::error(Term::atom("x")).to_string(), "{error,x}");
    }

    #[test]
    fn conversions() {
        assert_eq!(Term::TRUE.as_bool(), Some(true));
        assert_eq!(Term::atom("x").as_bool(), None);
        assert_eq!(Term::atom_to_list(Atom::new("ab")), Term::string("ab"));
        assert_eq!(Term::int(255).integer_to_list(16), Some(Term::string("FF")));
        assert_eq!(
            Term::binary(b"ab").binary_to_list(),
            Some(Term::string("ab"))
        );
        let io = Term::list([
            Term::int(104),
            Term::list([Term::binary(b"el"), Term::NIL]),
            Term::improper_list([Term::int(108)], Term::binary(b"o")),
        ]);
        assert_eq!(io.iolist_bytes().as_deref(), Some(&b"hello"[..]));
        assert_eq!(Term::list([Term::int(256)]).iolist_bytes(), None);
        assert_eq!(Term::list([Term::atom("a")]).iolist_bytes(), None);
        assert_eq!(
            Term::binary_from_str("héllo").text().as_deref(),
            Some("héllo")
        );
        assert_eq!(Term::string("héllo").text().as_deref(), Some("héllo"));
        assert_eq!(Term::atom("x").text().as_deref(), Some("x"));
    }
}
