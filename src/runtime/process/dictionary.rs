//! The process dictionary: `put/2`, `get/1`, `erase/1` and friends, a
//! process's own table of keys to values (erts keeps it beside the heap,
//! `erl_process_dict.c`). Keys compare exactly (`=:=`: `1` and `1.0` are
//! two keys), as there.
//!
//! Most processes never use it, so a process holds one word for it until
//! the first `put` (`ProcState::dictionary`). Lookups are a hash table's;
//! `get/0` and `get_keys/0` list the pairs in the order they were first
//! put (erts lists them in its hash order: another order, the same set).

use crate::runtime::Term;
use std::collections::HashMap;

#[derive(Default)]
pub struct Dictionary {
    /// The pairs, first put first (an erased one's place taken by the
    /// last).
    entries: Vec<(Term, Term)>,
    /// Each key's place in `entries`.
    index: HashMap<Term, usize>,
}

impl Dictionary {
    /// `put(Key, Value)`: the old value, if there was one.
    pub fn put(&mut self, key: Term, value: Term) -> Option<Term> {
        match self.index.get(&key) {
            Some(&i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            None => {
                self.index.insert(key.clone(), self.entries.len());
                self.entries.push((key, value));
                None
            }
        }
    }

    pub fn get(&self, key: &Term) -> Option<&Term> {
        self.index.get(key).map(|&i| &self.entries[i].1)
    }

    /// `erase(Key)`: the value it had.
    pub fn erase(&mut self, key: &Term) -> Option<Term> {
        let i = self.index.remove(key)?;
        let (_, value) = self.entries.swap_remove(i);
        if let Some((moved, _)) = self.entries.get(i) {
            self.index.insert(moved.clone(), i);
        }
        Some(value)
    }

    pub fn entries(&self) -> &[(Term, Term)] {
        &self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::Dictionary;
    use crate::runtime::Term;

    #[test]
    fn keys_compare_exactly_and_erase_keeps_the_rest_findable() {
        let mut d = Dictionary::default();
        assert_eq!(d.put(Term::int(1), Term::atom("a")), None);
        assert_eq!(d.put(Term::float(1.0), Term::atom("b")), None);
        assert_eq!(d.put(Term::int(1), Term::atom("c")), Some(Term::atom("a")));
        assert_eq!(d.put(Term::atom("k"), Term::int(3)), None);
        assert_eq!(d.erase(&Term::int(1)), Some(Term::atom("c")));
        assert_eq!(d.get(&Term::float(1.0)), Some(&Term::atom("b")));
        assert_eq!(d.get(&Term::atom("k")), Some(&Term::int(3)));
        assert_eq!(d.get(&Term::int(1)), None);
        assert_eq!(d.entries().len(), 2);
    }
}
