//! Depth never kills: terms nested a million deep, and a million-long list,
//! are built, cloned, compared, hashed, printed (cut, as `~P` would) and
//! dropped on a thread with a 256 KiB stack. Any recursion over the depth
//! would overflow it (and abort the test binary, which is the failure).

use crate::runtime::term::{Map, Style, Term};
use std::cmp::Ordering;

const DEPTH: usize = 1_000_000;
const STACK: usize = 256 * 1024;

fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic");
}

fn nested_tuples(n: usize, leaf: Term) -> Term {
    (0..n).fold(leaf, |t, _| Term::tuple([t]))
}

fn nested_lists(n: usize, leaf: Term) -> Term {
    (0..n).fold(leaf, |t, _| Term::list([t]))
}

fn nested_maps(n: usize, leaf: Term) -> Term {
    (0..n).fold(leaf, |t, _| Term::map([(Term::atom("k"), t)]))
}

fn exercise(make: fn(usize, Term) -> Term, cut: &str) {
    let a = make(DEPTH, Term::atom("a"));
    let a2 = make(DEPTH, Term::atom("a"));
    let b = make(DEPTH, Term::atom("b"));
    let shallower = make(DEPTH - 1, Term::atom("a"));
    // Clone is O(1) and shares: equal by identity.
    let c = a.clone();
    assert!(c.same(&a));
    // Two separately built equal terms: compared all the way down.
    assert_eq!(a, a2);
    assert!(a.equals(&a2));
    assert_eq!(a.compare(&b), Ordering::Less);
    assert_ne!(a, shallower);
    assert_eq!(
        crate::runtime::term::hash::hash_term(&a),
        crate::runtime::term::hash::hash_term(&a2)
    );
    assert_ne!(
        crate::runtime::term::hash::hash_term(&a),
        crate::runtime::term::hash::hash_term(&b)
    );
    assert_eq!(a.to_string_cut(4), cut);
    // Unlimited printing, too: iterative, about 2 MB of text.
    let full = a.format(Style::Write, None);
    assert!(full.len() > 2 * DEPTH);
    drop((a, a2, b, shallower, c));
}

#[test]
fn tuples_a_million_deep() {
    on_small_stack(|| exercise(nested_tuples, "{{{{...}}}}"));
}

#[test]
fn lists_a_million_deep() {
    on_small_stack(|| exercise(nested_lists, "[[[[...]]]]"));
}

#[test]
fn maps_a_million_deep() {
    on_small_stack(|| exercise(nested_maps, "#{k => #{k => #{k => #{...}}}}"));
}

#[test]
fn a_list_a_million_long() {
    on_small_stack(|| {
        let l = Term::list((0..DEPTH as i64).map(Term::int));
        let l2 = Term::list((0..DEPTH as i64).map(Term::int));
        assert_eq!(l, l2);
        assert_eq!(l.list_len(), Some(DEPTH));
        assert_eq!(l.to_string_cut(4), "[0,1,2|...]");
        let longer = Term::cons(Term::int(-1), l.clone());
        assert_eq!(longer.compare(&l), Ordering::Less);
        assert_eq!(
            crate::runtime::term::hash::hash_term(&l),
            crate::runtime::term::hash::hash_term(&l2)
        );
        let text = l.to_string();
        assert!(text.ends_with(",999999]"));
        // A long string prints as one.
        let s = Term::string(&"x".repeat(DEPTH));
        assert_eq!(s.to_string().len(), DEPTH + 2);
        // Dropping a long list that shares its tail with another.
        let shared_tail = Term::list((0..DEPTH as i64).map(Term::int));
        let front = Term::improper_list((0..10).map(Term::int), shared_tail.clone());
        drop(shared_tail);
        drop((l, l2, longer, s));
        assert_eq!(front.list_len(), Some(DEPTH + 10));
    });
}

#[test]
fn deep_terms_inside_maps_and_funs_drop_without_recursion() {
    on_small_stack(|| {
        // A large map (a trie) whose values are deep, nested in each other.
        let mut t = Term::atom("leaf");
        for _ in 0..20_000 {
            let mut m = Map::new();
            for k in 0..40 {
                m.insert(Term::int(k), Term::NIL);
            }
            m.insert(Term::atom("next"), t);
            t = Term::from_map(m);
        }
        let deep = nested_tuples(DEPTH, t);
        let f = Term::fun(crate::runtime::term::Fun::local(
            crate::runtime::term::Atom::new("m"),
            0,
            0,
            0,
            vec![deep],
            None,
        ));
        let g = nested_lists(DEPTH, f);
        assert_eq!(g.clone(), g);
        drop(g);
    });
}

#[test]
fn improper_chains_and_mixed_nesting() {
    on_small_stack(|| {
        // [a | [b | {[c | ...]}]]: tails and heads alternating.
        let mut t = Term::NIL;
        for i in 0..DEPTH {
            t = if i % 2 == 0 {
                Term::cons(Term::int(i as i64), t)
            } else {
                Term::tuple([t, Term::int(i as i64)])
            };
        }
        let u = t.clone();
        assert_eq!(t.compare(&u), Ordering::Equal);
        assert!(!t.to_string_cut(10).is_empty());
        drop((t, u));
    });
}
