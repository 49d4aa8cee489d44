//! Lists: cons cells, proper and improper, and strings as lists of
//! character codes.
//!
//! A list is what Erlang says it is: `[]` or a cons cell whose tail is any
//! term. Walking `[H | T]` borrows the tail (no copy, no count), so a loop
//! over a list is linear; `[X | L]` is one cell in front of a shared `L`.
//! A string is not a type of its own: `Term::string("ab")` *is* `[97, 98]`,
//! equal, ordered and matched as that list, and printed as `"ab"` only by
//! the printer's printable-list rule (`print.rs`), as the shell does.
//!
//! Everything here walks lists with loops; building goes back to front so
//! that each cell is made once with its final tail.

use crate::runtime::term::word::{Term, View};

impl Term {
    /// The proper list of `items`.
    pub fn list(items: impl IntoIterator<Item = Term>) -> Term {
        Term::improper_list(items, Term::NIL)
    }

    /// `[I1, I2, ... | tail]`; with a `tail` that is not a list, an
    /// improper list (`[1, 2 | 3]`).
    pub fn improper_list(items: impl IntoIterator<Item = Term>, tail: Term) -> Term {
        let items: Vec<Term> = items.into_iter().collect();
        items
            .into_iter()
            .rev()
            .fold(tail, |tail, head| Term::cons(head, tail))
    }

    /// The list of the character codes of `text`: Erlang's `"text"`.
    pub fn string(text: &str) -> Term {
        Term::charlist(text, Term::NIL)
    }

    /// `"text" ++ tail`.
    pub fn charlist(text: &str, tail: Term) -> Term {
        let codes: Vec<char> = text.chars().collect();
        codes.into_iter().rev().fold(tail, |tail, c| {
            Term::cons(Term::int(i64::from(u32::from(c))), tail)
        })
    }

    /// Whether this is `[]` or a cons cell (`is_list/1`: it does not look
    /// at the tail, as on the BEAM).
    pub fn is_list(&self) -> bool {
        self.is_nil() || self.as_cons().is_some()
    }

    /// The elements of a list, then what ends it: `[]` for a proper list,
    /// the last tail for an improper one, the term itself if it is not a
    /// list at all.
    pub fn iter_list(&self) -> ListIter<'_> {
        ListIter { rest: self }
    }

    /// The length of a proper list (`length/1`), `None` for anything else.
    pub fn list_len(&self) -> Option<usize> {
        let mut it = self.iter_list();
        let n = it.by_ref().count();
        it.rest().is_nil().then_some(n)
    }

    /// The elements of a proper list, cloned.
    pub fn list_to_vec(&self) -> Option<Vec<Term>> {
        let mut it = self.iter_list();
        let items: Vec<Term> = it.by_ref().cloned().collect();
        it.rest().is_nil().then_some(items)
    }

    /// The text of a proper list of Unicode code points (`"héllo"`),
    /// `None` if it is anything else.
    pub fn as_string(&self) -> Option<String> {
        let mut it = self.iter_list();
        let text: Option<String> = it.by_ref().map(Term::as_char).collect();
        if it.rest().is_nil() { text } else { None }
    }

    /// The character a code stands for, if this integer is one.
    pub fn as_char(&self) -> Option<char> {
        self.as_small()
            .and_then(|n| u32::try_from(n).ok())
            .and_then(char::from_u32)
    }

    /// `lists:reverse(List, Tail)`; `None` unless `self` is a proper list.
    pub fn reverse_onto(&self, tail: Term) -> Option<Term> {
        let mut it = self.iter_list();
        let reversed = it.by_ref().fold(tail, |acc, h| Term::cons(h.clone(), acc));
        it.rest().is_nil().then_some(reversed)
    }

    /// `A ++ B`: the cells of `A` copied in front of `B`, which is shared
    /// (any term: `[1] ++ 2` is `[1 | 2]`). `None` unless `A` is a proper
    /// list (`badarg`).
    pub fn append(&self, b: Term) -> Option<Term> {
        let items = self.list_to_vec()?;
        Some(Term::improper_list(items, b))
    }

    /// `A -- B`: for each element of `B`, its first occurrence in `A` (by
    /// `=:=`) removed. `None` unless both are proper lists.
    pub fn subtract(&self, b: &Term) -> Option<Term> {
        let mut items = self.list_to_vec()?;
        for remove in b.list_to_vec()? {
            if let Some(i) = items.iter().position(|t| *t == remove) {
                items.remove(i);
            }
        }
        Some(Term::list(items))
    }
}

/// See [`Term::iter_list`].
#[derive(Clone)]
pub struct ListIter<'a> {
    rest: &'a Term,
}

impl<'a> ListIter<'a> {
    /// What is left: `[]` after a proper list, the improper tail after an
    /// improper one.
    pub fn rest(&self) -> &'a Term {
        self.rest
    }
}

impl<'a> Iterator for ListIter<'a> {
    type Item = &'a Term;

    #[inline]
    fn next(&mut self) -> Option<&'a Term> {
        match self.rest.view() {
            View::Cons(head, tail) => {
                self.rest = tail;
                Some(head)
            }
            _ => None,
        }
    }
}

impl From<&str> for Term {
    /// A string, as Erlang's `"..."`: a list of codes.
    fn from(text: &str) -> Term {
        Term::string(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(ns: &[i64]) -> Term {
        Term::list(ns.iter().map(|&n| Term::int(n)))
    }

    #[test]
    fn strings_are_lists_of_codes() {
        assert_eq!(Term::string("ab"), ints(&[97, 98]));
        assert_eq!(Term::string(""), Term::NIL);
        assert!(Term::string("").is_list());
        assert_eq!(Term::string("héllo").list_len(), Some(5));
        assert_eq!(ints(&[104, 233]).as_string().as_deref(), Some("hé"));
        let (h, t) = Term::string("ab")
            .as_cons()
            .map(|(h, t)| (h.clone(), t.clone()))
            .unwrap();
        assert_eq!(h, Term::int(97));
        assert_eq!(t, Term::string("b"));
    }

    #[test]
    fn improper_lists() {
        let l = Term::improper_list([Term::int(1), Term::int(2)], Term::int(3));
        assert_eq!(l.list_len(), None);
        assert!(l.is_list());
        let mut it = l.iter_list();
        assert_eq!(it.by_ref().count(), 2);
        assert_eq!(*it.rest(), Term::int(3));
        assert_eq!(ints(&[1, 2]).append(Term::int(3)), Some(l));
        assert_eq!(Term::int(1).append(Term::NIL), None);
        assert_eq!(Term::NIL.append(Term::int(3)), Some(Term::int(3)));
    }

    #[test]
    fn list_operations() {
        assert_eq!(
            ints(&[1, 2, 3]).reverse_onto(Term::NIL),
            Some(ints(&[3, 2, 1]))
        );
        assert_eq!(
            ints(&[1, 2]).reverse_onto(ints(&[9])),
            Some(ints(&[2, 1, 9]))
        );
        assert_eq!(
            ints(&[1, 2, 1, 3]).subtract(&ints(&[1, 3, 4])),
            Some(ints(&[2, 1]))
        );
        assert_eq!(
            Term::string("abc").append(Term::string("de")),
            Some(Term::string("abcde"))
        );
    }

    #[test]
    fn owned_walk_moves_unique_cells() {
        let mut l = ints(&[1, 2, 3]);
        let keep = l.clone();
        let mut seen = Vec::new();
        loop {
            match l.into_cons() {
                Ok((h, t)) => {
                    seen.push(h);
                    l = t;
                }
                Err(end) => {
                    assert!(end.is_nil());
                    break;
                }
            }
        }
        assert_eq!(seen, vec![Term::int(1), Term::int(2), Term::int(3)]);
        assert_eq!(keep, ints(&[1, 2, 3]), "a shared list is left whole");
        let mut l = Term::improper_list([Term::int(4), Term::int(5)], Term::atom("end"));
        loop {
            match l.into_cons() {
                Ok((_, t)) => l = t,
                Err(end) => {
                    l = end;
                    break;
                }
            }
        }
        assert_eq!(l, Term::atom("end"));
    }
}
