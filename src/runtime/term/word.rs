//! The term: one 64-bit word, immediates inside it, everything else behind
//! a pointer to an immutable, reference-counted node shared by whoever holds
//! it.
//!
//! This is the layout BEAM's `erl_term.h` and AtomVM's `term.h` use, with
//! reference counts in place of a per-process heap (the measurements that
//! chose it are in DESIGN.md: against a 16-byte Rust enum of `Arc`s it
//! builds a list 2× faster, walks it as fast, runs the fib loop's term
//! operations 2.5× faster and takes 31.5 bytes per cons cell against 48).
//! The low three bits tell what the word is:
//!
//! ```text
//! ...xxxxxxx1   small integer, 63 bits: value = word >> 1 (arithmetic)
//! ...pppppp000  pointer to a cons cell {count, head, tail}      (24 bytes)
//! ...pppppp010  pointer to a boxed node {count, kind, len, ...} (16 + payload)
//! ...nnnsss100  immediate: sss = atom | nil | pid | ref, n.. = 58-bit payload
//! ```
//!
//! Cons cells get the all-zero tag because lists are the hottest compound
//! terms: the pointer is the word itself. Boxed nodes carry a [`Kind`]
//! (tuple, float, bignum, map, bitstring, fun); a tuple's elements follow
//! its header inline, like the BEAM's arity word and elements.
//!
//! **Sharing.** Cloning a compound term increments a count (atomically: a
//! term can be sent to a process on another scheduler thread, and that is
//! O(1)); dropping decrements it and frees the node at zero. Nothing is ever
//! mutated while it is shared. A holder of the *only* reference may update
//! a node in place (`unique_*` below): that is how `M#{K => V}` on a map
//! held once, or appending to a binary held once, avoid a copy.
//!
//! **Depth.** Dropping a node drops its children; done naively, a list of a
//! million cells or a tuple nested a million deep would recurse a million
//! times and overflow the thread's stack. So a node whose count reaches zero
//! is freed by [`free`], which keeps a per-thread list of nodes waiting to be
//! freed: while one free is running on a thread, any node that dies during
//! it (a child, or a term inside a map's or a fun's Rust data) is queued
//! instead of freed recursively, and the outermost free drains the queue.
//! No other operation in this crate recurses on a term's depth either
//! (compare, hash, print, share all keep explicit stacks).
//!
//! **Counting.** Every node made here adds its bytes to a per-thread
//! count ([`allocated_bytes`]): the scheduler reads it before and after a
//! process's time slice to learn what the process allocated, which is when
//! it measures the process's heap against its `max_heap_size` (see
//! `runtime/process/heap.rs`). The count is one add to a thread-local
//! word, next to the allocation it counts.
//!
//! This module is the crate's only `unsafe` code (the word is a tagged
//! pointer); every other module works through the safe methods here. Each
//! `unsafe` block says why it holds.

use crate::runtime::term::atom::Atom;
use crate::runtime::term::binary::Bitstring;
use crate::runtime::term::fun::Fun;
use crate::runtime::term::ids::{Pid, Ref};
use crate::runtime::term::map::Map;
use dashu_int::IBig;
use std::alloc::{self, Layout};
use std::cell::{Cell, RefCell};
use std::num::NonZeroU64;
use std::ptr;
use std::sync::atomic::{AtomicUsize, Ordering, fence};

#[cfg(not(target_pointer_width = "64"))]
compile_error!("a term is a 64-bit word holding a pointer");

/// An Erlang term. 8 bytes; `Clone` is O(1); `==` is Erlang's `=:=`
/// (see `order.rs` for `==` and the term order); `Display` prints as OTP
/// 25's `~p` on one line (`print.rs`).
#[repr(transparent)]
pub struct Term(NonZeroU64);

const PRIMARY: u64 = 0b111;
const CONS: u64 = 0b000;
const BOXED: u64 = 0b010;
const IMMEDIATE: u64 = 0b100;
const SUB_MASK: u64 = 0b111 << 3;
const SUB_ATOM: u64 = 0 << 3;
const SUB_NIL: u64 = 1 << 3;
const SUB_PID: u64 = 2 << 3;
const SUB_REF: u64 = 3 << 3;
const PAYLOAD_SHIFT: u32 = 6;

/// The largest pid or reference number a term can hold as an immediate.
pub const MAX_ID: u64 = (1 << 58) - 1;
/// The range of integers held in the word itself; outside it an integer is
/// a bignum node. (Which integers are "small" is invisible to programs:
/// `bignum.rs` keeps every integer in its one canonical form.)
pub const SMALL_MIN: i64 = -(1 << 62);
pub const SMALL_MAX: i64 = (1 << 62) - 1;

/// What a boxed node holds.
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    Tuple,
    Float,
    Big,
    Map,
    Bits,
    Fun,
}

/// The first 16 bytes of every boxed node. `count` is first in cons cells
/// too, so retaining and releasing never look at the tag beyond "pointer".
#[repr(C)]
struct Header {
    count: AtomicUsize,
    kind: Kind,
    /// A tuple's arity (the elements follow the header).
    len: u32,
}

#[repr(C)]
struct Boxed<T> {
    header: Header,
    value: T,
}

#[repr(C)]
struct ConsCell {
    count: AtomicUsize,
    head: Term,
    tail: Term,
}

const HEADER_BYTES: usize = std::mem::size_of::<Header>();
const _: () = assert!(HEADER_BYTES == 16);
const _: () = assert!(std::mem::size_of::<Term>() == 8);
const _: () = assert!(std::mem::size_of::<Option<Term>>() == 8);
const _: () = assert!(std::mem::size_of::<ConsCell>() == 24);

/// The Erlang type of a term, in the order of Erlang's term order:
/// number < atom < reference < fun < port < pid < tuple < map < nil < list
/// < bit string.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Hash)]
pub enum Type {
    Number,
    Atom,
    Reference,
    Fun,
    Port,
    Pid,
    Tuple,
    Map,
    Nil,
    List,
    Bitstring,
}

/// A term taken apart, borrowing from it: what `match` on the old enum
/// becomes (`match t.view() { View::Tuple(items) => ..., }`).
#[derive(Clone, Copy, Debug)]
pub enum View<'a> {
    /// An integer that fits in the word (63 bits).
    Int(i64),
    /// Any other integer.
    Big(&'a IBig),
    Float(f64),
    Atom(Atom),
    Nil,
    /// `[Head | Tail]`; `Tail` is any term (an improper list ends in a
    /// non-list).
    Cons(&'a Term, &'a Term),
    Tuple(&'a [Term]),
    Map(&'a Map),
    /// A binary (a whole number of bytes) or a bitstring.
    Bits(&'a Bitstring),
    Fun(&'a Fun),
    Pid(Pid),
    Ref(Ref),
}

const fn word(w: u64) -> Term {
    match NonZeroU64::new(w) {
        Some(w) => Term(w),
        None => panic!("a term is never the zero word"),
    }
}

const fn immediate(sub: u64, payload: u64) -> Term {
    word((payload << PAYLOAD_SHIFT) | sub | IMMEDIATE)
}

impl Term {
    /// `[]`.
    pub const NIL: Term = immediate(SUB_NIL, 0);
    /// `true` and `false`.
    pub const TRUE: Term = Term::atom_const(Atom::TRUE);
    pub const FALSE: Term = Term::atom_const(Atom::FALSE);

    #[inline]
    fn raw(&self) -> u64 {
        self.0.get()
    }

    #[inline]
    fn address(&self) -> usize {
        (self.raw() & !PRIMARY) as usize
    }

    /// Whether the word points to a node (cons cell or boxed).
    #[inline]
    pub(crate) fn is_pointer(&self) -> bool {
        self.raw() & 0b101 == 0
    }

    #[inline]
    fn count(&self) -> &AtomicUsize {
        debug_assert!(self.is_pointer());
        // SAFETY: a pointer word points to a live node (we hold one of its
        // references), and every node starts with its count.
        unsafe { &*(self.address() as *const AtomicUsize) }
    }

    #[inline]
    fn cell(&self) -> Option<&ConsCell> {
        // SAFETY: the CONS tag is only ever put on a pointer to a ConsCell
        // (`Term::cons`), alive while we hold a reference to it.
        (self.raw() & PRIMARY == CONS).then(|| unsafe { &*(self.address() as *const ConsCell) })
    }

    #[inline]
    fn header(&self) -> Option<&Header> {
        // SAFETY: the BOXED tag is only ever put on a pointer to a node that
        // starts with a Header (`new_boxed`, `tuple_with`).
        (self.raw() & PRIMARY == BOXED).then(|| unsafe { &*(self.address() as *const Header) })
    }

    #[inline]
    pub(crate) fn kind(&self) -> Option<Kind> {
        self.header().map(|h| h.kind)
    }

    // ---- immediates ------------------------------------------------------

    const fn atom_const(a: Atom) -> Term {
        immediate(SUB_ATOM, a.index() as u64)
    }

    /// The atom `a`.
    #[inline]
    pub fn from_atom(a: Atom) -> Term {
        immediate(SUB_ATOM, u64::from(a.index()))
    }

    /// The atom with this name.
    pub fn atom(name: &str) -> Term {
        Term::from_atom(Atom::new(name))
    }

    pub fn pid(p: Pid) -> Term {
        assert!(p.number() <= MAX_ID, "pid number beyond 58 bits");
        immediate(SUB_PID, p.number())
    }

    pub fn reference(r: Ref) -> Term {
        assert!(r.number() <= MAX_ID, "reference number beyond 58 bits");
        immediate(SUB_REF, r.number())
    }

    pub fn boolean(b: bool) -> Term {
        if b { Term::TRUE } else { Term::FALSE }
    }

    /// The integer `n`: in the word if it fits, a bignum node otherwise.
    #[inline]
    pub fn int(n: i64) -> Term {
        match Term::small(n) {
            Some(t) => t,
            None => Term::new_big(IBig::from(n)),
        }
    }

    /// `n` in the word, if it fits in 63 bits.
    #[inline]
    pub fn small(n: i64) -> Option<Term> {
        (SMALL_MIN..=SMALL_MAX)
            .contains(&n)
            .then(|| word(((n << 1) | 1) as u64))
    }

    /// The small integer in the word, if it is one.
    #[inline]
    pub fn as_small(&self) -> Option<i64> {
        (self.raw() & 1 == 1).then(|| (self.raw() as i64) >> 1)
    }

    /// Whether this is the small integer `n` (which must fit 63 bits):
    /// one comparison of words.
    #[inline]
    pub fn is_small_int(&self, n: i64) -> bool {
        debug_assert!(Term::small(n).is_some());
        self.raw() == ((n << 1) | 1) as u64
    }

    /// The tagged word of a small integer (2n + 1).
    #[inline]
    pub(crate) fn small_word(&self) -> Option<i64> {
        (self.raw() & 1 == 1).then_some(self.raw() as i64)
    }

    /// The tagged words of two small integers, with one test for both.
    #[inline]
    pub(crate) fn small_words(a: &Term, b: &Term) -> Option<(i64, i64)> {
        (a.raw() & b.raw() & 1 == 1).then_some((a.raw() as i64, b.raw() as i64))
    }

    /// The small integer whose tagged word is `w` (odd).
    #[inline]
    pub(crate) fn from_small_word(w: i64) -> Term {
        debug_assert!(w & 1 == 1);
        word(w as u64)
    }

    fn immediate_parts(&self) -> Option<(u64, u64)> {
        (self.raw() & PRIMARY == IMMEDIATE)
            .then(|| (self.raw() & SUB_MASK, self.raw() >> PAYLOAD_SHIFT))
    }

    // ---- boxed nodes -------------------------------------------------------

    fn new_boxed<T>(kind: Kind, value: T) -> Term {
        note_allocated(std::mem::size_of::<Boxed<T>>());
        let node = Box::new(Boxed {
            header: Header {
                count: AtomicUsize::new(1),
                kind,
                len: 0,
            },
            value,
        });
        let address = Box::into_raw(node) as u64;
        debug_assert!(address & PRIMARY == 0);
        word(address | BOXED)
    }

    /// The payload of a boxed node of kind `kind`, whose Rust type is `T`.
    ///
    /// # Safety
    /// `T` must be the type [`free`] uses for `kind` (the table in `free`).
    #[inline]
    unsafe fn payload<T>(&self, kind: Kind) -> Option<&T> {
        match self.header() {
            // SAFETY: the node was made by `new_boxed::<T>` with this kind
            // (the caller's promise), and lives while `self` does.
            Some(h) if h.kind == kind => {
                Some(unsafe { &(*(self.address() as *const Boxed<T>)).value })
            }
            _ => None,
        }
    }

    /// The payload, mutable, if this term holds the only reference to it.
    ///
    /// # Safety
    /// As [`Term::payload`].
    unsafe fn payload_mut<T>(&mut self, kind: Kind) -> Option<&mut T> {
        match self.header() {
            // Acquire: the other holders' last uses happen before our write.
            Some(h) if h.kind == kind && h.count.load(Ordering::Acquire) == 1 => {
                // SAFETY: count 1 and `&mut self`: nobody else can reach the
                // node, so a unique borrow of it is sound.
                Some(unsafe { &mut (*(self.address() as *mut Boxed<T>)).value })
            }
            _ => None,
        }
    }

    pub(crate) fn new_float(x: f64) -> Term {
        Term::new_boxed(Kind::Float, x)
    }

    /// A bignum node, as is: `bignum::int_from_big` is the constructor that
    /// gives small values back their small form.
    pub(crate) fn new_big(n: IBig) -> Term {
        // Past two words the digits are on the heap, beside the node.
        note_allocated(big_digit_bytes(&n));
        Term::new_boxed(Kind::Big, n)
    }

    pub(crate) fn new_map(m: Map) -> Term {
        Term::new_boxed(Kind::Map, m)
    }

    pub(crate) fn new_bits(b: Bitstring) -> Term {
        // A new buffer is new memory; a window on a shared one is not.
        if b.owns_buffer() {
            note_allocated(b.buffer().1);
        }
        Term::new_boxed(Kind::Bits, b)
    }

    pub(crate) fn new_fun(f: Fun) -> Term {
        Term::new_boxed(Kind::Fun, f)
    }

    pub(crate) fn map_mut(&mut self) -> Option<&mut Map> {
        // SAFETY: Kind::Map nodes hold a Map.
        unsafe { self.payload_mut(Kind::Map) }
    }

    pub(crate) fn bits_mut(&mut self) -> Option<&mut Bitstring> {
        // SAFETY: Kind::Bits nodes hold a Bitstring.
        unsafe { self.payload_mut(Kind::Bits) }
    }

    // ---- cons cells and tuples ----------------------------------------------

    /// `[head | tail]`. Any tail is allowed: `[1 | 2]` is an improper list.
    #[inline]
    pub fn cons(head: Term, tail: Term) -> Term {
        note_allocated(std::mem::size_of::<ConsCell>());
        let cell = Box::new(ConsCell {
            count: AtomicUsize::new(1),
            head,
            tail,
        });
        let address = Box::into_raw(cell) as u64;
        debug_assert!(address & PRIMARY == 0);
        word(address | CONS)
    }

    /// `[Head | Tail]` borrowed, if this is a cons cell.
    #[inline]
    pub fn as_cons(&self) -> Option<(&Term, &Term)> {
        self.cell().map(|c| (&c.head, &c.tail))
    }

    /// `[Head | Tail]` taken apart from a term the caller gives up: if it
    /// held the only reference, the cell is freed and its halves moved out
    /// with no reference counting at all; otherwise they are cloned. (A VM
    /// register walking a list it alone holds.)
    #[inline]
    pub fn into_cons(self) -> Result<(Term, Term), Term> {
        let Some(cell) = self.cell() else {
            return Err(self);
        };
        if cell.count.load(Ordering::Acquire) != 1 {
            return Ok((cell.head.clone(), cell.tail.clone()));
        }
        let address = self.address();
        std::mem::forget(self);
        // SAFETY: we held the only reference (count 1), so the cell is ours:
        // read its two terms out (taking over their references) and free
        // the memory without dropping them again.
        unsafe {
            let cell = address as *mut ConsCell;
            let head = ptr::read(&(*cell).head);
            let tail = ptr::read(&(*cell).tail);
            alloc::dealloc(cell as *mut u8, Layout::new::<ConsCell>());
            Ok((head, tail))
        }
    }

    fn tuple_layout(len: usize) -> Layout {
        Layout::from_size_align(HEADER_BYTES + len * 8, 8).expect("tuple size")
    }

    /// The tuple whose element `i` is `element(i)`, for `i` in `0..len`.
    pub fn tuple_with(len: usize, mut element: impl FnMut(usize) -> Term) -> Term {
        let len32 = u32::try_from(len).expect("tuple arity beyond 2^32");
        let layout = Term::tuple_layout(len);
        note_allocated(layout.size());
        // SAFETY: the layout is never zero-sized (it has the header).
        let node = unsafe { alloc::alloc(layout) };
        if node.is_null() {
            alloc::handle_alloc_error(layout);
        }
        // SAFETY: `node` is a fresh allocation of the header and `len`
        // elements; every slot is written before the word is made. Should
        // `element` panic, the node is leaked, never read.
        unsafe {
            ptr::write(
                node as *mut Header,
                Header {
                    count: AtomicUsize::new(1),
                    kind: Kind::Tuple,
                    len: len32,
                },
            );
            let elements = node.add(HEADER_BYTES) as *mut Term;
            for i in 0..len {
                ptr::write(elements.add(i), element(i));
            }
        }
        word(node as u64 | BOXED)
    }

    /// `{A, B, ...}` from the elements.
    pub fn tuple(elements: impl IntoIterator<Item = Term>) -> Term {
        let mut elements: Vec<Term> = elements.into_iter().collect();
        let len = elements.len();
        let mut taken = elements.drain(..);
        Term::tuple_with(len, |_| taken.next().expect("counted"))
    }

    /// The elements of a tuple, if this is one.
    #[inline]
    pub fn as_tuple(&self) -> Option<&[Term]> {
        match self.header() {
            Some(h) if h.kind == Kind::Tuple => {
                // SAFETY: a tuple node's `len` elements follow its header,
                // all initialised (`tuple_with`), alive while `self` is.
                Some(unsafe {
                    std::slice::from_raw_parts(
                        (self.address() + HEADER_BYTES) as *const Term,
                        h.len as usize,
                    )
                })
            }
            _ => None,
        }
    }

    /// The elements of a tuple held once, mutable (`setelement/3` on a
    /// tuple nobody else sees).
    pub fn unique_tuple_mut(&mut self) -> Option<&mut [Term]> {
        match self.header() {
            Some(h) if h.kind == Kind::Tuple && h.count.load(Ordering::Acquire) == 1 => {
                let len = h.len as usize;
                // SAFETY: as `as_tuple`, and count 1 with `&mut self` makes
                // the borrow unique.
                Some(unsafe {
                    std::slice::from_raw_parts_mut(
                        (self.address() + HEADER_BYTES) as *mut Term,
                        len,
                    )
                })
            }
            _ => None,
        }
    }

    /// Whether this term holds the only reference to its node (immediates
    /// are trivially unique).
    pub fn is_unique(&self) -> bool {
        !self.is_pointer() || self.count().load(Ordering::Acquire) == 1
    }

    /// The node this term points to, as a number that no other live node
    /// has (its address), or `None` for an immediate: what a walk that
    /// must count a shared node once remembers (`size.rs`).
    #[inline]
    pub(crate) fn node_id(&self) -> Option<u64> {
        self.is_pointer().then(|| self.raw() & !PRIMARY)
    }

    /// The bytes of this term's own node, as it was allocated (what
    /// [`allocated_bytes`] counted for it), not counting the nodes it
    /// points to; 0 for an immediate. A bignum's digits and a map's or a
    /// binary's storage are the walker's to add (`size.rs`).
    pub(crate) fn node_bytes(&self) -> usize {
        if !self.is_pointer() {
            return 0;
        }
        if self.raw() & PRIMARY == CONS {
            return std::mem::size_of::<ConsCell>();
        }
        match self.header().map(|h| (h.kind, h.len)) {
            Some((Kind::Tuple, len)) => Term::tuple_layout(len as usize).size(),
            Some((Kind::Float, _)) => std::mem::size_of::<Boxed<f64>>(),
            Some((Kind::Big, _)) => std::mem::size_of::<Boxed<IBig>>(),
            Some((Kind::Map, _)) => std::mem::size_of::<Boxed<Map>>(),
            Some((Kind::Bits, _)) => std::mem::size_of::<Boxed<Bitstring>>(),
            Some((Kind::Fun, _)) => std::mem::size_of::<Boxed<Fun>>(),
            None => 0,
        }
    }

    /// Whether two terms are the same node (or the same immediate): a
    /// shortcut for equality.
    #[inline]
    pub fn same(&self, other: &Term) -> bool {
        self.0 == other.0
    }

    // ---- looking at a term ---------------------------------------------------

    /// The term taken apart.
    #[inline]
    pub fn view(&self) -> View<'_> {
        let w = self.raw();
        if w & 1 == 1 {
            return View::Int((w as i64) >> 1);
        }
        match w & PRIMARY {
            CONS => {
                let c = self.cell().expect("tagged cons");
                View::Cons(&c.head, &c.tail)
            }
            BOXED => {
                let kind = self.kind().expect("tagged boxed");
                // SAFETY (each arm): the payload type is the one `free`
                // pairs with the kind.
                unsafe {
                    match kind {
                        Kind::Tuple => View::Tuple(self.as_tuple().expect("tuple")),
                        Kind::Float => View::Float(*self.payload::<f64>(kind).expect("float")),
                        Kind::Big => View::Big(self.payload::<IBig>(kind).expect("big")),
                        Kind::Map => View::Map(self.payload::<Map>(kind).expect("map")),
                        Kind::Bits => View::Bits(self.payload::<Bitstring>(kind).expect("bits")),
                        Kind::Fun => View::Fun(self.payload::<Fun>(kind).expect("fun")),
                    }
                }
            }
            _ => {
                let (sub, payload) = self.immediate_parts().expect("immediate");
                match sub {
                    SUB_ATOM => View::Atom(Atom::from_index(payload as u32)),
                    SUB_NIL => View::Nil,
                    SUB_PID => View::Pid(Pid(payload)),
                    _ => View::Ref(Ref(payload)),
                }
            }
        }
    }

    /// Its type, for the term order and `is_*` tests.
    #[inline]
    pub fn type_of(&self) -> Type {
        let w = self.raw();
        if w & 1 == 1 {
            return Type::Number;
        }
        match w & PRIMARY {
            CONS => Type::List,
            BOXED => match self.kind().expect("boxed") {
                Kind::Tuple => Type::Tuple,
                Kind::Float | Kind::Big => Type::Number,
                Kind::Map => Type::Map,
                Kind::Bits => Type::Bitstring,
                Kind::Fun => Type::Fun,
            },
            _ => match w & SUB_MASK {
                SUB_ATOM => Type::Atom,
                SUB_NIL => Type::Nil,
                SUB_PID => Type::Pid,
                _ => Type::Reference,
            },
        }
    }

    #[inline]
    pub fn as_atom(&self) -> Option<Atom> {
        match self.immediate_parts() {
            Some((SUB_ATOM, n)) => Some(Atom::from_index(n as u32)),
            _ => None,
        }
    }

    /// Whether this term is exactly the atom `a`.
    #[inline]
    pub fn is_atom(&self, a: Atom) -> bool {
        self.same(&Term::from_atom(a))
    }

    #[inline]
    pub fn is_nil(&self) -> bool {
        self.same(&Term::NIL)
    }

    pub fn as_pid(&self) -> Option<Pid> {
        match self.immediate_parts() {
            Some((SUB_PID, n)) => Some(Pid(n)),
            _ => None,
        }
    }

    pub fn as_ref(&self) -> Option<Ref> {
        match self.immediate_parts() {
            Some((SUB_REF, n)) => Some(Ref(n)),
            _ => None,
        }
    }

    pub fn as_float(&self) -> Option<f64> {
        // SAFETY: Kind::Float nodes hold an f64.
        unsafe { self.payload::<f64>(Kind::Float).copied() }
    }

    pub fn as_big(&self) -> Option<&IBig> {
        // SAFETY: Kind::Big nodes hold an IBig.
        unsafe { self.payload::<IBig>(Kind::Big) }
    }

    pub fn as_map(&self) -> Option<&Map> {
        // SAFETY: Kind::Map nodes hold a Map.
        unsafe { self.payload::<Map>(Kind::Map) }
    }

    pub fn as_bits(&self) -> Option<&Bitstring> {
        // SAFETY: Kind::Bits nodes hold a Bitstring.
        unsafe { self.payload::<Bitstring>(Kind::Bits) }
    }

    pub fn as_fun(&self) -> Option<&Fun> {
        // SAFETY: Kind::Fun nodes hold a Fun.
        unsafe { self.payload::<Fun>(Kind::Fun) }
    }
}

impl Clone for Term {
    #[inline]
    fn clone(&self) -> Term {
        if self.is_pointer() {
            // Relaxed, as `Arc`: a new reference can only be made from an
            // existing one, which already orders the node's contents.
            self.count().fetch_add(1, Ordering::Relaxed);
        }
        Term(self.0)
    }
}

impl Drop for Term {
    #[inline]
    fn drop(&mut self) {
        if self.is_pointer() && self.count().fetch_sub(1, Ordering::Release) == 1 {
            // Acquire: every other holder's use of the node happens before
            // we free it (the same fences as `Arc`).
            fence(Ordering::Acquire);
            free(self.raw());
        }
    }
}

thread_local! {
    /// Bytes of nodes (and of the data they own) allocated on this thread
    /// (see "Counting" in the module docs). Wraps; readers subtract.
    static ALLOCATED: Cell<u64> = const { Cell::new(0) };
}

/// The bytes of terms allocated on this thread so far (wrapping): the
/// difference between two readings is what was allocated between them.
#[inline]
pub fn allocated_bytes() -> u64 {
    ALLOCATED.with(Cell::get)
}

/// Adds `bytes` to this thread's count: for the term core's modules that
/// grow a node's data in place (a binary appended to, a map held once).
#[inline(always)]
pub(crate) fn note_allocated(bytes: usize) {
    // `try_with`: a term may be made while the thread is being torn down.
    let _ = ALLOCATED.try_with(|count| count.set(count.get().wrapping_add(bytes as u64)));
}

/// The heap bytes of a bignum's digits (none up to two words: dashu keeps
/// those inline).
pub(crate) fn big_digit_bytes(n: &IBig) -> usize {
    use dashu_int::ops::BitTest;
    let bits = n.bit_len();
    if bits <= 128 {
        0
    } else {
        bits.div_ceil(64) * 8
    }
}

thread_local! {
    /// Whether a [`free`] is running on this thread (further nodes that die
    /// are queued in `DYING` rather than freed recursively).
    static FREEING: Cell<bool> = const { Cell::new(false) };
    /// Nodes whose count reached zero, waiting to be freed.
    static DYING: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Frees the node `w`, whose count has reached zero, and every node that
/// dies because of it, without recursion (see the module comment).
#[cold]
#[inline(never)]
fn free(w: u64) {
    let outermost = FREEING.try_with(|freeing| !freeing.replace(true));
    match outermost {
        Ok(true) => {
            /// Should a payload's drop panic, this thread still frees
            /// (what was queued is drained by its next free).
            struct Reset;
            impl Drop for Reset {
                fn drop(&mut self) {
                    let _ = FREEING.try_with(|f| f.set(false));
                }
            }
            let _reset = Reset;
            // SAFETY: the count of `w` is zero: nobody else holds it.
            unsafe { free_node(w) };
            while let Some(next) = DYING.with(|d| d.borrow_mut().pop()) {
                // SAFETY: queued nodes had a count of zero when queued.
                unsafe { free_node(next) };
            }
            DYING.with(|d| {
                let mut d = d.borrow_mut();
                if d.capacity() > 4096 {
                    d.shrink_to(4096);
                }
            });
        }
        Ok(false) => match DYING.try_with(|d| d.borrow_mut().push(w)) {
            Ok(()) => {}
            // The thread is exiting and its queue is gone: free in place.
            // SAFETY: as above.
            Err(_) => unsafe { free_node(w) },
        },
        // SAFETY: as above (thread-local storage already destroyed).
        Err(_) => unsafe { free_node(w) },
    }
}

/// Drops a dead node's contents and releases its memory.
///
/// # Safety
/// `w` is a pointer word whose node's count is zero.
unsafe fn free_node(w: u64) {
    let address = (w & !PRIMARY) as usize;
    // SAFETY (whole function): each node is freed the way it was made, with
    // the payload type its kind stands for. The payloads' own drops may drop
    // terms; those that die are queued by `free`, not freed here.
    unsafe {
        if w & PRIMARY == CONS {
            // A list's cells die one after the other: follow the tail chain
            // here rather than through the queue (a third of the cost of
            // dropping a long list).
            let mut cell = address as *mut ConsCell;
            loop {
                let head = ptr::read(&(*cell).head);
                let tail = std::mem::ManuallyDrop::new(ptr::read(&(*cell).tail));
                alloc::dealloc(cell as *mut u8, Layout::new::<ConsCell>());
                drop(head);
                if tail.raw() & PRIMARY != CONS || !tail.is_pointer() {
                    drop(std::mem::ManuallyDrop::into_inner(tail));
                    return;
                }
                if tail.count().fetch_sub(1, Ordering::Release) != 1 {
                    return;
                }
                fence(Ordering::Acquire);
                cell = tail.address() as *mut ConsCell;
            }
        }
        let header = &*(address as *const Header);
        match header.kind {
            Kind::Tuple => {
                let len = header.len as usize;
                let elements = (address + HEADER_BYTES) as *mut Term;
                ptr::drop_in_place(ptr::slice_from_raw_parts_mut(elements, len));
                alloc::dealloc(address as *mut u8, Term::tuple_layout(len));
            }
            Kind::Float => drop(Box::from_raw(address as *mut Boxed<f64>)),
            Kind::Big => drop(Box::from_raw(address as *mut Boxed<IBig>)),
            Kind::Map => drop(Box::from_raw(address as *mut Boxed<Map>)),
            Kind::Bits => drop(Box::from_raw(address as *mut Boxed<Bitstring>)),
            Kind::Fun => drop(Box::from_raw(address as *mut Boxed<Fun>)),
        }
    }
}

// A term may be sent to and read from any thread: shared nodes are never
// mutated (only `payload_mut`/`unique_tuple_mut` write, and only with the
// single reference), counts are atomic, and every payload type is itself
// Send + Sync. These assertions keep it so.
const _: fn() = || {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<IBig>();
    send_sync::<Map>();
    send_sync::<Bitstring>();
    send_sync::<Fun>();
    send_sync::<Term>();
};

impl Default for Term {
    /// `[]`, a cheap placeholder (`std::mem::take` on a register).
    fn default() -> Term {
        Term::NIL
    }
}

impl From<Atom> for Term {
    fn from(a: Atom) -> Term {
        Term::from_atom(a)
    }
}

impl From<Pid> for Term {
    fn from(p: Pid) -> Term {
        Term::pid(p)
    }
}

impl From<Ref> for Term {
    fn from(r: Ref) -> Term {
        Term::reference(r)
    }
}

impl From<i64> for Term {
    fn from(n: i64) -> Term {
        Term::int(n)
    }
}

impl From<i32> for Term {
    fn from(n: i32) -> Term {
        Term::int(i64::from(n))
    }
}

impl From<u32> for Term {
    fn from(n: u32) -> Term {
        Term::int(i64::from(n))
    }
}

impl From<bool> for Term {
    fn from(b: bool) -> Term {
        Term::boolean(b)
    }
}

impl From<f64> for Term {
    fn from(x: f64) -> Term {
        Term::float(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_through_the_word() {
        let cases = [
            (Term::int(-5), Type::Number),
            (Term::int(SMALL_MAX + 1), Type::Number),
            (Term::float(1.5), Type::Number),
            (Term::atom("x"), Type::Atom),
            (Term::reference(Ref(MAX_ID)), Type::Reference),
            (
                Term::fun(Fun::external(Atom::new("m"), Atom::new("f"), 1)),
                Type::Fun,
            ),
            (Term::pid(Pid(7)), Type::Pid),
            (Term::tuple([Term::NIL]), Type::Tuple),
            (Term::map([]), Type::Map),
            (Term::NIL, Type::Nil),
            (Term::cons(Term::NIL, Term::NIL), Type::List),
            (Term::binary(b"x"), Type::Bitstring),
        ];
        for (t, ty) in &cases {
            assert_eq!(t.type_of(), *ty, "{t}");
        }
        assert_eq!(Term::int(-5).as_small(), Some(-5));
        assert_eq!(Term::float(1.5).as_float(), Some(1.5));
        assert_eq!(Term::atom("x").as_atom(), Some(Atom::new("x")));
        assert_eq!(Term::reference(Ref(MAX_ID)).as_ref(), Some(Ref(MAX_ID)));
        assert_eq!(Term::pid(Pid(7)).as_pid(), Some(Pid(7)));
        assert!(matches!(Term::tuple([Term::NIL]).view(), View::Tuple([t]) if t.is_nil()));
        assert_eq!(Term::default(), Term::NIL);
        assert!(Term::TRUE.is_atom(Atom::TRUE));
    }

    #[test]
    fn a_tuple_held_once_is_writable_and_a_shared_one_is_not() {
        let mut t = Term::tuple([Term::int(1), Term::int(2)]);
        t.unique_tuple_mut().unwrap()[1] = Term::atom("x");
        assert_eq!(t.to_string(), "{1,x}");
        let keep = t.clone();
        assert!(!t.is_unique());
        assert!(t.unique_tuple_mut().is_none());
        drop(keep);
        assert!(t.is_unique());
        assert!(Term::int(1).is_unique());
        assert_eq!(
            Term::tuple_with(3, |i| Term::int(i as i64)).to_string(),
            "{0,1,2}"
        );
        assert_eq!(Term::tuple([]).as_tuple(), Some(&[][..]));
    }

    #[test]
    fn clones_share_and_drops_free() {
        let l = Term::list((0..10).map(Term::int));
        let c = l.clone();
        assert!(c.same(&l));
        assert!(!l.is_unique());
        drop(c);
        assert!(l.is_unique());
        let (h, t) = l.into_cons().unwrap();
        assert_eq!(h, Term::int(0));
        assert_eq!(t.list_len(), Some(9));
    }
}
