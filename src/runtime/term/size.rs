//! How much memory a set of terms holds: a process's heap, measured.
//!
//! On the BEAM a process's heap is its own block of memory, and the
//! garbage collector knows its size. Here terms are shared between
//! processes (a send is O(1)), so a process's heap is what it can reach:
//! the nodes behind its registers, its stack and its mailbox, each counted
//! once however many times the process refers to it. [`Reach`] walks them
//! and adds up their bytes as they were allocated (`Term::node_bytes`,
//! plus a bignum's digits, a map's slots and a binary's buffer), which is
//! what `runtime/process/heap.rs` compares with a process's
//! `max_heap_size`.
//!
//! **Counting a node once.** A node whose reference count is 1 has one
//! holder, so a walk that reaches it reaches it once: only nodes held more
//! than once go in the set of nodes seen. A list or a tuple a process
//! built and holds alone never touches the set, and a walk over ten
//! million cells needs no more memory than its stack. (The count cannot
//! fall below the references the walk itself can reach: the holder keeps
//! its roots still while it is measured, and other processes only add and
//! drop references of their own.)
//!
//! **Depth.** The walk keeps an explicit stack, like drop, compare and
//! print: a list is walked cell by cell with the stack at one entry, and
//! a term nested a million deep needs a million entries on the heap, none
//! on the thread's stack. A shared buffer of a binary is counted once too,
//! by its address.

use super::map::Map;
use super::word::{Term, View, big_digit_bytes};
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// The bytes reachable from the roots given so far.
pub struct Reach<'a> {
    bytes: u64,
    /// Nodes held more than once (and binary buffers) already counted.
    seen: HashSet<u64, BuildHasherDefault<AddressHasher>>,
    stack: Vec<&'a Term>,
}

impl<'a> Default for Reach<'a> {
    fn default() -> Reach<'a> {
        Reach::new()
    }
}

impl<'a> Reach<'a> {
    pub fn new() -> Reach<'a> {
        Reach {
            bytes: 0,
            seen: HashSet::default(),
            stack: Vec::new(),
        }
    }

    /// Counts everything reachable from `root` not counted yet. The slot
    /// that holds `root` itself (a register, a mailbox entry) is the
    /// caller's to count, with [`Reach::add_bytes`].
    pub fn add(&mut self, root: &'a Term) {
        self.push(root);
        while let Some(term) = self.stack.pop() {
            self.visit(term);
        }
    }

    /// Counts `bytes` of storage that is not a term (the slots of a
    /// process's registers or mailbox).
    pub fn add_bytes(&mut self, bytes: usize) {
        self.bytes += bytes as u64;
    }

    /// The bytes counted so far.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Stacks `term` if it is a node not counted yet.
    #[inline]
    fn push(&mut self, term: &'a Term) {
        let Some(id) = term.node_id() else {
            return;
        };
        if !term.is_unique() && !self.seen.insert(id) {
            return;
        }
        self.stack.push(term);
    }

    fn visit(&mut self, term: &'a Term) {
        if let Some((head, tail)) = term.as_cons() {
            self.list(term.node_bytes() as u64, head, tail);
            return;
        }
        self.bytes += term.node_bytes() as u64;
        match term.view() {
            View::Cons(..) => unreachable!("lists are walked by `list`"),
            View::Tuple(elements) => {
                for element in elements.iter().rev() {
                    self.push(element);
                }
            }
            View::Big(n) => self.bytes += big_digit_bytes(n) as u64,
            View::Map(map) => self.map(map),
            View::Bits(bits) => {
                let (buffer, capacity) = bits.buffer();
                if self.seen.insert(buffer as u64) {
                    self.bytes += capacity as u64;
                }
            }
            View::Fun(fun) => {
                self.bytes += (fun.env().len() * 8) as u64;
                for captured in fun.env() {
                    self.push(captured);
                }
            }
            View::Int(_)
            | View::Float(_)
            | View::Atom(_)
            | View::Nil
            | View::Pid(_)
            | View::Ref(_) => {}
        }
    }

    /// A list from its first cell on, `cell_bytes` a cell: the cells are
    /// followed along the tail in this loop while each head is an
    /// immediate and each next cell is held once; otherwise the cell is
    /// left as it was before (its tail stacked, then its head, so that the
    /// head's nodes are walked before the next cell and the stack stays as
    /// deep as the heads are, not as long as the list), and a shared cell
    /// goes through `push`, to be counted once. A list of small integers
    /// is then a few instructions a cell where a push and a pop cost some
    /// forty (the heap limit measures a list growing to a million cells
    /// about three times over).
    fn list(&mut self, cell_bytes: u64, mut head: &'a Term, mut tail: &'a Term) {
        loop {
            self.bytes += cell_bytes;
            if head.node_id().is_some() {
                self.push(tail);
                self.push(head);
                return;
            }
            match tail.as_cons() {
                Some((next_head, next_tail)) if tail.is_unique() => {
                    head = next_head;
                    tail = next_tail;
                }
                _ => {
                    self.push(tail);
                    return;
                }
            }
        }
    }

    fn map(&mut self, map: &'a Map) {
        self.bytes += map.storage_bytes() as u64;
        for (key, value) in map.iter() {
            self.push(key);
            self.push(value);
        }
    }
}

/// Node addresses are distinct and 8-aligned: shifted, they are their own
/// hash (the multiply spreads them over the table's buckets).
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (n >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// The bytes reachable from `roots` (each shared node once).
pub fn reachable_bytes<'a>(roots: impl IntoIterator<Item = &'a Term>) -> u64 {
    let mut reach = Reach::new();
    for root in roots {
        reach.add(root);
    }
    reach.bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::term::word::allocated_bytes;

    #[test]
    fn a_list_counts_its_cells_and_what_they_hold() {
        let list = Term::list((0..1000).map(Term::int));
        assert_eq!(reachable_bytes([&list]), 1000 * 24);
        let tuples = Term::list((0..10).map(|i| Term::tuple([Term::int(i), Term::NIL])));
        // 10 cells and 10 two-element tuples (16 bytes of header, 16 of
        // elements).
        assert_eq!(reachable_bytes([&tuples]), 10 * 24 + 10 * 32);
        assert_eq!(reachable_bytes([&Term::int(5), &Term::NIL]), 0);
    }

    #[test]
    fn a_list_walked_in_place_counts_what_it_meets_along_the_way() {
        // Heads that are nodes among immediates, a shared cell part way
        // (counted once for both lists that reach it) and an improper
        // tail that is a node.
        let shared = Term::improper_list(
            [Term::int(1), Term::tuple([Term::int(2)]), Term::int(3)],
            Term::float(0.5),
        );
        let alone = reachable_bytes([&shared]);
        assert_eq!(alone, 3 * 24 + 24 + 24, "three cells, a tuple, a float");
        let a = Term::improper_list([Term::int(7), Term::NIL], shared.clone());
        let b = Term::list([Term::int(8), a.clone(), Term::string("xy")]);
        assert_eq!(reachable_bytes([&a]), 2 * 24 + alone);
        assert_eq!(reachable_bytes([&b]), 3 * 24 + 2 * 24 + alone + 2 * 24);
        assert_eq!(reachable_bytes([&a, &b]), reachable_bytes([&b]));
    }

    #[test]
    fn a_shared_node_counts_once() {
        let list = Term::list((0..100).map(Term::int));
        let pair = Term::tuple([list.clone(), list.clone()]);
        let alone = reachable_bytes([&list]);
        assert_eq!(reachable_bytes([&pair]), 32 + alone);
        // As two roots, too (a message in the mailbox and a register).
        assert_eq!(reachable_bytes([&list, &pair]), 32 + alone);
        // A tail shared by two lists: its cells once.
        let a = Term::cons(Term::int(1), list.clone());
        let b = Term::cons(Term::int(2), list.clone());
        assert_eq!(reachable_bytes([&a, &b]), 2 * 24 + alone);
    }

    #[test]
    fn what_a_walk_counts_is_what_was_allocated() {
        let before = allocated_bytes();
        let term = Term::tuple([
            Term::list((0..50).map(|i| Term::float(i as f64))),
            Term::binary(&[7; 100]),
        ]);
        let allocated = allocated_bytes() - before;
        assert_eq!(reachable_bytes([&term]), allocated);
        // A map's slots and a bignum's digits are counted beside their
        // nodes.
        let map = Term::map((0..100).map(|i| (Term::int(i), Term::NIL)));
        assert!(
            reachable_bytes([&map]) >= 100 * 16,
            "{}",
            reachable_bytes([&map])
        );
        let big = Term::from_big(dashu_int::IBig::from(1u8) << 4096);
        assert!(reachable_bytes([&big]) >= 4096 / 8);
    }

    #[test]
    fn a_binary_buffer_counts_once_for_its_windows() {
        let whole = Term::binary(&[1; 4096]);
        let bits = whole.as_bits().unwrap();
        let a = Term::bits(bits.slice(0, 8 * 100).unwrap());
        let b = Term::bits(bits.slice(8 * 100, 8 * 100).unwrap());
        let both = reachable_bytes([&a, &b]);
        assert!((4096..4096 + 200).contains(&both), "{both}");
    }

    #[test]
    fn a_term_a_million_deep_is_measured_on_a_small_stack() {
        let deep = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| {
                let mut t = Term::NIL;
                for _ in 0..1_000_000 {
                    t = Term::tuple([t]);
                }
                let mut l = Term::NIL;
                for _ in 0..1_000_000 {
                    l = Term::cons(l, Term::NIL);
                }
                (reachable_bytes([&t]), reachable_bytes([&l]))
            })
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(deep, (1_000_000 * 24, 1_000_000 * 24));
    }
}
