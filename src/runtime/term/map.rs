//! Maps, shaped as the BEAM shapes them: up to 32 keys a flat, sorted
//! array of keys and values ("flatmap"); above that a hash array mapped
//! trie (HAMT) of persistent nodes.
//!
//! * **Flat** (≤ 32 keys): keys sorted in map-key order (`exact_compare`),
//!   values beside them. Small maps are what programs mostly build (records
//!   in all but name, a state server's state), and the sorted array is what
//!   OTP 25 iterates and prints: `#{1 => a,a => b,"s" => c}`.
//! * **Trie** (> 32 keys): 64-bit hash (`hash.rs`), 5 bits per level,
//!   32-way nodes with a bitmap, so a lookup touches at most 13 nodes and
//!   an insert copies only its path. Nodes are `Arc`s updated with
//!   `Arc::make_mut`: a map held once (`M1 = M0#{K => V}` in a loop, M0
//!   dead) is updated in place, a shared one copies the path.
//!
//! The layout is canonical: a map of ≤ 32 keys is always flat and a larger
//! one always a trie (an insert or a removal crossing 32 converts), and a
//! trie's shape depends only on its keys (each entry sits at the shallowest
//! level where its hash prefix is its own, a removal collapses what it
//! leaves alone, and keys whose whole hashes collide are kept sorted). So
//! two `=:=` maps iterate alike, which `hash.rs` and `order.rs` rely on.
//!
//! Not the BEAM's: a trie iterates in our hash order, not erts's, so a map
//! of more than 32 keys prints its pairs in another order than OTP 25
//! (which prints them in its internal hash order). The term order does not
//! depend on it (it sorts), and neither does anything else.

use crate::runtime::term::hash::hash_term;
use crate::runtime::term::order::exact_compare;
use crate::runtime::term::word::Term;
use std::cmp::Ordering;
// triomphe's Arc has no weak count: `get_mut`/`make_mut` are one load,
// where std's take two atomic read-modify-writes (measured: DESIGN.md).
use triomphe::Arc;

/// The most keys a flat map holds (`MAP_SMALL_MAP_LIMIT` in erts).
pub const FLAT_LIMIT: usize = 32;

const BITS: u32 = 5;
const MASK: u64 = (1 << BITS) - 1;

/// What one key-value pair costs a map's storage, about: two words in a
/// flat map, a leaf (hash, key, value) and its share of a node in a trie.
const ENTRY_BYTES: usize = 32;

/// An Erlang map's contents.
#[derive(Clone, Default)]
pub struct Map {
    repr: Repr,
}

#[derive(Clone)]
enum Repr {
    Flat { keys: Vec<Term>, values: Vec<Term> },
    Trie { root: Arc<Node>, len: usize },
}

impl Default for Repr {
    fn default() -> Repr {
        Repr::Flat {
            keys: Vec::new(),
            values: Vec::new(),
        }
    }
}

#[derive(Clone, Default)]
struct Node {
    bitmap: u32,
    entries: Vec<Entry>,
}

#[derive(Clone)]
enum Entry {
    Leaf {
        hash: u64,
        key: Term,
        value: Term,
    },
    /// Keys whose 64-bit hashes are all `hash`, sorted by key.
    Collision {
        hash: u64,
        pairs: Arc<Vec<(Term, Term)>>,
    },
    Child(Arc<Node>),
}

fn slot(hash: u64, level: u32) -> u32 {
    ((hash >> (level * BITS)) & MASK) as u32
}

/// Where `key` is among sorted `keys`.
fn search(keys: &[Term], key: &Term) -> Result<usize, usize> {
    // Immediates (atoms, small integers) are equal only as the same word:
    // a scan of words first finds them without comparing atom texts.
    if let Some(i) = keys.iter().position(|k| k.same(key)) {
        return Ok(i);
    }
    keys.binary_search_by(|k| exact_compare(k, key))
}

impl Map {
    pub fn new() -> Map {
        Map::default()
    }

    /// The map of these pairs; a key given twice keeps its last value.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (Term, Term)>) -> Map {
        let mut m = Map::new();
        for (k, v) in pairs {
            m.insert(k, v);
        }
        m
    }

    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Flat { keys, .. } => keys.len(),
            Repr::Trie { len, .. } => *len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value of `key` (compared with `=:=`).
    pub fn get(&self, key: &Term) -> Option<&Term> {
        match &self.repr {
            Repr::Flat { keys, values } => search(keys, key).ok().map(|i| &values[i]),
            Repr::Trie { root, .. } => {
                let hash = hash_term(key);
                let mut node: &Node = root;
                let mut level = 0;
                loop {
                    let bit = 1u32 << slot(hash, level);
                    if node.bitmap & bit == 0 {
                        return None;
                    }
                    let index = (node.bitmap & (bit - 1)).count_ones() as usize;
                    match &node.entries[index] {
                        Entry::Leaf {
                            hash: h,
                            key: k,
                            value,
                        } => {
                            return (*h == hash && k == key).then_some(value);
                        }
                        Entry::Collision { hash: h, pairs } => {
                            return if *h == hash {
                                pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v)
                            } else {
                                None
                            };
                        }
                        Entry::Child(child) => {
                            node = child;
                            level += 1;
                        }
                    }
                }
            }
        }
    }

    pub fn contains_key(&self, key: &Term) -> bool {
        self.get(key).is_some()
    }

    /// `M#{K => V}` in place; returns the value it replaced.
    pub fn insert(&mut self, key: Term, value: Term) -> Option<Term> {
        let old = self.insert_pair(key, value);
        if old.is_none() {
            // A map held once grows in place, with no new node to count
            // (see "Counting" in `word.rs`): its pair is counted here.
            crate::runtime::term::word::note_allocated(ENTRY_BYTES);
        }
        old
    }

    /// The bytes this map's own storage takes (its key and value slots,
    /// its trie's nodes), not counting the terms it holds: what a heap
    /// measurement adds for it (`size.rs`). A trie's nodes are estimated
    /// at [`ENTRY_BYTES`] a pair, and counted for each map even when two
    /// versions share them.
    pub(crate) fn storage_bytes(&self) -> usize {
        match &self.repr {
            Repr::Flat { keys, values } => (keys.capacity() + values.capacity()) * 8,
            Repr::Trie { len, .. } => len * ENTRY_BYTES,
        }
    }

    fn insert_pair(&mut self, key: Term, value: Term) -> Option<Term> {
        match &mut self.repr {
            Repr::Flat { keys, values } => match search(keys, &key) {
                Ok(i) => Some(std::mem::replace(&mut values[i], value)),
                Err(i) if keys.len() < FLAT_LIMIT => {
                    keys.insert(i, key);
                    values.insert(i, value);
                    None
                }
                Err(_) => {
                    let keys = std::mem::take(keys);
                    let values = std::mem::take(values);
                    let mut root = Arc::new(Node::default());
                    for (k, v) in keys.into_iter().zip(values) {
                        let hash = hash_term(&k);
                        insert_at(&mut root, 0, hash, k, v);
                    }
                    insert_at(&mut root, 0, hash_term(&key), key, value);
                    self.repr = Repr::Trie {
                        root,
                        len: FLAT_LIMIT + 1,
                    };
                    None
                }
            },
            Repr::Trie { root, len } => {
                let hash = hash_term(&key);
                let old = insert_at(root, 0, hash, key, value);
                if old.is_none() {
                    *len += 1;
                }
                old
            }
        }
    }

    /// `maps:remove/2` in place; returns the value removed.
    pub fn remove(&mut self, key: &Term) -> Option<Term> {
        match &mut self.repr {
            Repr::Flat { keys, values } => {
                let i = search(keys, key).ok()?;
                keys.remove(i);
                Some(values.remove(i))
            }
            Repr::Trie { root, len } => {
                let old = remove_at(root, 0, hash_term(key), key)?;
                *len -= 1;
                if *len == FLAT_LIMIT {
                    // Back to the flat form: the layout stays canonical.
                    let mut pairs: Vec<(Term, Term)> =
                        self.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                    pairs.sort_by(|a, b| exact_compare(&a.0, &b.0));
                    let (keys, values) = pairs.into_iter().unzip();
                    self.repr = Repr::Flat { keys, values };
                }
                Some(old)
            }
        }
    }

    /// The pairs in storage order: key order for a flat map (as OTP 25
    /// iterates it), hash order for a trie.
    pub fn iter(&self) -> Iter<'_> {
        match &self.repr {
            Repr::Flat { keys, values } => Iter(IterRepr::Flat(keys.iter().zip(values.iter()))),
            Repr::Trie { root, .. } => Iter(IterRepr::Trie {
                stack: vec![(root, 0)],
                collision: None,
            }),
        }
    }

    pub fn keys(&self) -> impl Iterator<Item = &Term> {
        self.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &Term> {
        self.iter().map(|(_, v)| v)
    }

    /// The pairs in map-key order (the term order's and `maps:to_list`'s
    /// for small maps).
    pub fn sorted_entries(&self) -> Vec<(&Term, &Term)> {
        let mut entries: Vec<(&Term, &Term)> = self.iter().collect();
        if matches!(self.repr, Repr::Trie { .. }) {
            entries.sort_by(|a, b| exact_compare(a.0, b.0));
        }
        entries
    }

    /// A flat map's sorted keys and its values.
    pub(crate) fn flat_parts(&self) -> Option<(&[Term], &[Term])> {
        match &self.repr {
            Repr::Flat { keys, values } => Some((keys, values)),
            Repr::Trie { .. } => None,
        }
    }

    /// Whether this map is in the trie form (more than 32 keys).
    pub fn is_trie(&self) -> bool {
        matches!(self.repr, Repr::Trie { .. })
    }
}

/// Inserts below `node` (at `level`); the old value if the key was there.
fn insert_at(node: &mut Arc<Node>, level: u32, hash: u64, key: Term, value: Term) -> Option<Term> {
    let node = Arc::make_mut(node);
    let bit = 1u32 << slot(hash, level);
    let index = (node.bitmap & (bit - 1)).count_ones() as usize;
    if node.bitmap & bit == 0 {
        node.bitmap |= bit;
        node.entries.insert(index, Entry::Leaf { hash, key, value });
        return None;
    }
    match &mut node.entries[index] {
        Entry::Child(child) => insert_at(child, level + 1, hash, key, value),
        Entry::Leaf {
            hash: h,
            key: k,
            value: v,
        } => {
            if *h == hash && *k == key {
                return Some(std::mem::replace(v, value));
            }
            let old = std::mem::replace(&mut node.entries[index], Entry::Child(Arc::default()));
            let Entry::Leaf {
                hash: h,
                key: k,
                value: v,
            } = old
            else {
                unreachable!()
            };
            node.entries[index] = if h == hash {
                let mut pairs = vec![(k, v), (key, value)];
                pairs.sort_by(|a, b| exact_compare(&a.0, &b.0));
                Entry::Collision {
                    hash,
                    pairs: Arc::new(pairs),
                }
            } else {
                let mut child = Arc::new(Node::default());
                insert_at(&mut child, level + 1, h, k, v);
                insert_at(&mut child, level + 1, hash, key, value);
                Entry::Child(child)
            };
            None
        }
        Entry::Collision { hash: h, pairs } => {
            if *h == hash {
                let pairs = Arc::make_mut(pairs);
                return match pairs.binary_search_by(|(k, _)| exact_compare(k, &key)) {
                    Ok(i) => Some(std::mem::replace(&mut pairs[i].1, value)),
                    Err(i) => {
                        pairs.insert(i, (key, value));
                        None
                    }
                };
            }
            // Another hash in this slot: push the bucket one level down.
            let old = std::mem::replace(&mut node.entries[index], Entry::Child(Arc::default()));
            let Entry::Collision { hash: h, pairs } = old else {
                unreachable!()
            };
            let mut child = Arc::new(Node {
                bitmap: 1 << slot(h, level + 1),
                entries: vec![Entry::Collision { hash: h, pairs }],
            });
            insert_at(&mut child, level + 1, hash, key, value);
            node.entries[index] = Entry::Child(child);
            None
        }
    }
}

/// Removes below `node`; collapses a child left with one leaf (or one
/// bucket) into its parent's slot, so the shape stays canonical.
fn remove_at(node: &mut Arc<Node>, level: u32, hash: u64, key: &Term) -> Option<Term> {
    let bit = 1u32 << slot(hash, level);
    if node.bitmap & bit == 0 {
        return None;
    }
    let index = (node.bitmap & (bit - 1)).count_ones() as usize;
    // Look before copying: a miss must not copy a shared path.
    match &node.entries[index] {
        Entry::Leaf {
            hash: h, key: k, ..
        } if *h != hash || k != key => return None,
        Entry::Collision { hash: h, pairs }
            if *h != hash || !pairs.iter().any(|(k, _)| k == key) =>
        {
            return None;
        }
        _ => {}
    }
    let node = Arc::make_mut(node);
    match &mut node.entries[index] {
        Entry::Leaf { .. } => {
            node.bitmap &= !bit;
            match node.entries.remove(index) {
                Entry::Leaf { value, .. } => Some(value),
                _ => unreachable!(),
            }
        }
        Entry::Collision { pairs, .. } => {
            let pairs = Arc::make_mut(pairs);
            let i = pairs
                .iter()
                .position(|(k, _)| k == key)
                .expect("found above");
            let (_, value) = pairs.remove(i);
            if pairs.len() == 1 {
                let (k, v) = pairs.pop().expect("one left");
                node.entries[index] = Entry::Leaf {
                    hash,
                    key: k,
                    value: v,
                };
            }
            Some(value)
        }
        Entry::Child(child) => {
            let value = remove_at(child, level + 1, hash, key)?;
            if child.entries.len() == 1 && !matches!(child.entries[0], Entry::Child(_)) {
                let only = child.entries[0].clone();
                node.entries[index] = only;
            }
            Some(value)
        }
    }
}

/// See [`Map::iter`].
pub struct Iter<'a>(IterRepr<'a>);

enum IterRepr<'a> {
    Flat(std::iter::Zip<std::slice::Iter<'a, Term>, std::slice::Iter<'a, Term>>),
    Trie {
        stack: Vec<(&'a Node, usize)>,
        collision: Option<std::slice::Iter<'a, (Term, Term)>>,
    },
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a Term, &'a Term);

    fn next(&mut self) -> Option<(&'a Term, &'a Term)> {
        match &mut self.0 {
            IterRepr::Flat(pairs) => pairs.next(),
            IterRepr::Trie { stack, collision } => loop {
                if let Some(pairs) = collision {
                    if let Some((k, v)) = pairs.next() {
                        return Some((k, v));
                    }
                    *collision = None;
                }
                let (node, i) = stack.last_mut()?;
                let Some(entry) = node.entries.get(*i) else {
                    stack.pop();
                    continue;
                };
                *i += 1;
                match entry {
                    Entry::Leaf { key, value, .. } => return Some((key, value)),
                    Entry::Collision { pairs, .. } => *collision = Some(pairs.iter()),
                    Entry::Child(child) => stack.push((child, 0)),
                }
            },
        }
    }
}

impl Term {
    /// The map of these pairs (a key given twice keeps its last value).
    pub fn map(pairs: impl IntoIterator<Item = (Term, Term)>) -> Term {
        Term::new_map(Map::from_pairs(pairs))
    }

    pub fn from_map(m: Map) -> Term {
        Term::new_map(m)
    }

    /// `M#{K => V}`: in place when this term holds the map's only
    /// reference, else a copy of the flat array or of the trie's path.
    /// `Err` gives the term back if it is not a map (`{badmap, M}`).
    pub fn map_put(mut self, key: Term, value: Term) -> Result<Term, Term> {
        if let Some(m) = self.map_mut() {
            m.insert(key, value);
            return Ok(self);
        }
        let Some(m) = self.as_map() else {
            return Err(self);
        };
        let mut m = m.clone();
        m.insert(key, value);
        Ok(Term::new_map(m))
    }

    /// `M#{K := V}`: as [`Term::map_put`], but the key must be there
    /// already. `Err(None)`: not a map; `Err(Some(key))`: `{badkey, K}`.
    pub fn map_update(self, key: Term, value: Term) -> Result<Term, Option<Term>> {
        match self.as_map() {
            None => Err(None),
            Some(m) if !m.contains_key(&key) => Err(Some(key)),
            Some(_) => self.map_put(key, value).map_err(|_| None),
        }
    }

    /// `maps:remove(K, M)`, in place when held once.
    pub fn map_remove(mut self, key: &Term) -> Result<Term, Term> {
        if let Some(m) = self.map_mut() {
            m.remove(key);
            return Ok(self);
        }
        let Some(m) = self.as_map() else {
            return Err(self);
        };
        if !m.contains_key(key) {
            return Ok(self);
        }
        let mut m = m.clone();
        m.remove(key);
        Ok(Term::new_map(m))
    }

    /// `maps:get(K, M)` / `#{K := V}` in a pattern.
    pub fn map_get(&self, key: &Term) -> Option<&Term> {
        self.as_map()?.get(key)
    }
}

impl std::fmt::Debug for Map {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::runtime::term::print::map_to_string(self))
    }
}

/// Map-key order between two terms (for sorting pairs by key).
pub fn key_order(a: &Term, b: &Term) -> Ordering {
    exact_compare(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_maps_are_sorted_by_key_order() {
        let m = Term::map([
            (Term::atom("a"), Term::int(1)),
            (Term::int(1), Term::int(2)),
            (Term::string("s"), Term::int(3)),
            (Term::tuple([Term::atom("t")]), Term::int(4)),
            (Term::float(1.0), Term::int(5)),
        ]);
        assert_eq!(
            m.to_string(),
            "#{1 => 2,1.0 => 5,a => 1,{t} => 4,\"s\" => 3}"
        );
        let m = Term::map([
            (Term::int(2), Term::atom("a")),
            (Term::float(1.0), Term::atom("b")),
            (Term::int(3), Term::atom("c")),
            (Term::float(0.5), Term::atom("d")),
        ]);
        assert_eq!(m.to_string(), "#{2 => a,3 => c,0.5 => d,1.0 => b}");
    }

    #[test]
    fn large_maps_are_tries_and_come_back_flat() {
        let mut m = Map::new();
        for i in 0..1000 {
            assert!(m.insert(Term::int(i), Term::int(i * 2)).is_none());
        }
        assert!(m.is_trie());
        assert_eq!(m.len(), 1000);
        for i in 0..1000 {
            assert_eq!(m.get(&Term::int(i)), Some(&Term::int(i * 2)));
        }
        assert_eq!(m.get(&Term::int(1000)), None);
        assert_eq!(m.get(&Term::float(1.0)), None, "keys are compared exactly");
        assert_eq!(m.insert(Term::int(5), Term::atom("x")), Some(Term::int(10)));
        assert_eq!(m.iter().count(), 1000);
        for i in 0..1000 - FLAT_LIMIT as i64 {
            assert!(m.remove(&Term::int(i)).is_some());
        }
        assert!(!m.is_trie());
        assert_eq!(m.len(), FLAT_LIMIT);
        let keys: Vec<i64> = m.keys().map(|k| k.as_small().unwrap()).collect();
        assert_eq!(keys, (968..1000).collect::<Vec<_>>());
    }

    #[test]
    fn the_layout_is_canonical() {
        // The same keys inserted in two orders, with removals in between,
        // iterate alike and compare and hash equal.
        let mut a = Map::new();
        let mut b = Map::new();
        for i in 0..500 {
            a.insert(Term::int(i), Term::NIL);
        }
        for i in (0..700).rev() {
            b.insert(Term::int(i), Term::NIL);
        }
        for i in 500..700 {
            b.remove(&Term::int(i));
        }
        let ka: Vec<&Term> = a.keys().collect();
        let kb: Vec<&Term> = b.keys().collect();
        assert_eq!(ka, kb);
        let (ta, tb) = (Term::from_map(a), Term::from_map(b));
        assert_eq!(ta, tb);
        assert_eq!(
            crate::runtime::term::hash::hash_term(&ta),
            crate::runtime::term::hash::hash_term(&tb)
        );
    }

    #[test]
    fn put_on_a_map_held_once_updates_in_place_and_shared_ones_copy() {
        let m0 = Term::map([(Term::atom("a"), Term::int(1))]);
        let keep = m0.clone();
        let m1 = m0.map_put(Term::atom("b"), Term::int(2)).unwrap();
        assert_eq!(keep.to_string(), "#{a => 1}");
        assert_eq!(m1.to_string(), "#{a => 1,b => 2}");
        let address = |t: &Term| t.as_map().unwrap() as *const Map;
        let before = address(&m1);
        let m2 = m1.map_put(Term::atom("c"), Term::int(3)).unwrap();
        assert_eq!(address(&m2), before, "held once: the same node");
        assert_eq!(m2.map_get(&Term::atom("c")), Some(&Term::int(3)));
        assert_eq!(
            m2.clone().map_update(Term::atom("z"), Term::NIL).err(),
            Some(Some(Term::atom("z")))
        );
        assert!(Term::int(1).map_put(Term::NIL, Term::NIL).is_err());
        let m3 = m2.map_remove(&Term::atom("a")).unwrap();
        assert_eq!(m3.to_string(), "#{b => 2,c => 3}");
    }

    #[test]
    fn colliding_hashes_are_kept() {
        // Force collisions by inserting directly at the trie level.
        let mut root = Arc::new(Node::default());
        for (i, k) in ["x", "y", "z"].iter().enumerate() {
            insert_at(&mut root, 0, 42, Term::atom(k), Term::int(i as i64));
        }
        insert_at(&mut root, 0, 42 + (1 << 5), Term::atom("w"), Term::int(9));
        let m = Map {
            repr: Repr::Trie { root, len: 4 },
        };
        let got: Vec<String> = m.iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(got.len(), 4);
        assert!(got.contains(&"y=1".to_owned()));
        assert!(got.contains(&"w=9".to_owned()));
        let mut root = match m.repr {
            Repr::Trie { root, .. } => root,
            _ => unreachable!(),
        };
        assert_eq!(
            remove_at(&mut root, 0, 42, &Term::atom("y")),
            Some(Term::int(1))
        );
        assert_eq!(remove_at(&mut root, 0, 42, &Term::atom("y")), None);
        assert_eq!(
            remove_at(&mut root, 0, 42, &Term::atom("x")),
            Some(Term::int(0))
        );
        assert!(
            matches!(root.entries[0], Entry::Child(_))
                || matches!(root.entries[0], Entry::Leaf { .. })
        );
    }
}
