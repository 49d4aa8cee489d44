//! Terms shared between threads: counts are atomic, shared nodes are never
//! written, and a node is only updated in place by the holder of its only
//! reference. Two threads hammer the same terms; everything must come out
//! equal and nothing may be freed twice (which would crash or corrupt).

use crate::runtime::term::Term;
use std::sync::Barrier;

#[test]
fn two_threads_clone_and_drop_the_same_terms() {
    let list = Term::list((0..10_000).map(Term::int));
    let nested = (0..1000).fold(Term::NIL, |t, i| {
        Term::tuple([t, list.clone(), Term::int(i)])
    });
    let barrier = Barrier::new(2);
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                barrier.wait();
                for _ in 0..200 {
                    let mut held = Vec::new();
                    let mut cur = nested.clone();
                    while let Some([inner, l, _]) =
                        cur.as_tuple().and_then(|t| <&[Term; 3]>::try_from(t).ok())
                    {
                        held.push(l.clone());
                        let next = inner.clone();
                        cur = next;
                    }
                    assert_eq!(held.len(), 1000);
                    assert!(held.iter().all(|l| *l == list));
                }
            });
        }
    });
    assert_eq!(list.list_len(), Some(10_000));
}

#[test]
fn in_place_updates_never_touch_a_term_another_thread_holds() {
    let base = Term::map((0..100).map(|i| (Term::int(i), Term::int(i))));
    let bin = Term::binary(b"shared");
    std::thread::scope(|s| {
        for t in 0..2i64 {
            let (base, bin) = (&base, &bin);
            s.spawn(move || {
                for round in 0..2000 {
                    let m = base
                        .clone()
                        .map_put(Term::int(1000 + t), Term::int(round))
                        .unwrap();
                    assert_eq!(m.as_map().unwrap().len(), 101);
                    let b = bin.clone().bits_push(t as u64, 8).unwrap();
                    assert_eq!(b.as_binary_bytes().unwrap().len(), 7);
                }
            });
        }
    });
    assert_eq!(base.as_map().unwrap().len(), 100);
    assert_eq!(bin.as_binary_bytes().unwrap(), b"shared");
}

#[test]
fn a_list_passed_back_and_forth_between_threads() {
    let (to_b, from_a) = std::sync::mpsc::channel::<Term>();
    let (to_a, from_b) = std::sync::mpsc::channel::<Term>();
    let pong = std::thread::spawn(move || {
        while let Ok(m) = from_a.recv() {
            // The receiver walks and extends what it got.
            let n = m.list_len().unwrap();
            to_a.send(Term::cons(Term::int(n as i64), m)).unwrap();
        }
    });
    let mut m = Term::list((0..1000).map(Term::int));
    for _ in 0..1000 {
        to_b.send(m.clone()).unwrap();
        m = from_b.recv().unwrap();
    }
    drop(to_b);
    pong.join().unwrap();
    assert_eq!(m.list_len(), Some(2000));
}
