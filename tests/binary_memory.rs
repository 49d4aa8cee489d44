//! Loops over binaries cost memory in proportion to the binary, not to
//! the square of it: appending with `<<Acc/binary, X>>` writes in place
//! (erts's writable binaries, `bs_append`) and walking with
//! `<<B, Rest/binary>>` moves one window forward (the BEAM's reused match
//! context), so neither copies the bytes at each step.
//!
//! What is measured is memory, never time: this test binary counts every
//! byte allocated on the test's thread (a counting wrapper around the
//! system allocator), and a deterministic runtime runs the process on that
//! thread. A loop that copied its binary at each step would allocate
//! about n²/2 bytes (5·10¹¹ for 1 MB); one that made a new sub-binary per
//! step, some 40 bytes per byte walked (40 MB).

use letitcrash::erlang;
use letitcrash::runtime::{Atom, Config, Runtime, Term};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::Duration;

/// The system allocator, counting what this thread asks of it.
struct Counting;

thread_local! {
    // Const-initialised and without a destructor: reading it never
    // allocates, so the allocator may use it.
    static ALLOCATED: Cell<u64> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded to `System` unchanged; the counter is a
// thread-local `Cell` touched only by its own thread.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATED.try_with(|n| n.set(n.get() + layout.size() as u64));
        // SAFETY: forwarded as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded as is.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATED.try_with(|n| n.set(n.get() + new_size as u64));
        // SAFETY: forwarded as is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn allocated() -> u64 {
    ALLOCATED.with(Cell::get)
}

const SOURCE: &str = "
  build(0, Acc) -> exit(Acc);
  build(N, Acc) -> build(N - 1, <<Acc/binary, (N band 255)>>).

  walk(<<B, Rest/binary>>, Sum) -> walk(Rest, Sum + B);
  walk(<<>>, Sum) -> exit(Sum).

  walk_case(Bin, Sum) ->
    case Bin of
      <<B, Rest/binary>> when B >= 0 -> walk_case(Rest, Sum + B);
      <<>> -> exit(Sum)
    end.
";

const MEGABYTE: usize = 1 << 20;

/// Runs `loop_walk:Function(Args)` in a deterministic runtime on this
/// thread: its exit reason, and the bytes allocated while it ran.
fn run(function: &str, args: Vec<Term>) -> (Term, u64) {
    let runtime = Runtime::new(Config::deterministic(1));
    let module = erlang::parse("loop_walk", SOURCE).expect("parses");
    erlang::check(&module).expect("checks");
    erlang::load(&runtime, erlang::compile(&module).expect("compiles"));
    let before = allocated();
    let pid = erlang::spawn_top(&runtime, Atom::new("loop_walk"), Atom::new(function), args)
        .expect("the function exists");
    runtime.run_until(|| runtime.death(pid).is_some(), Duration::from_secs(3600));
    let used = allocated() - before;
    let reason = runtime.death(pid).expect("the process ended").reason;
    (reason, used)
}

fn one_megabyte() -> (Vec<u8>, u64) {
    let bytes: Vec<u8> = (0..MEGABYTE).map(|i| (i * 7 % 251) as u8).collect();
    let sum = bytes.iter().map(|&b| u64::from(b)).sum();
    (bytes, sum)
}

#[test]
fn appending_a_megabyte_allocates_a_small_multiple_of_it() {
    let (reason, used) = run("build", vec![Term::int(MEGABYTE as i64), Term::binary(&[])]);
    let built = reason.as_binary_bytes().expect("a binary").to_vec();
    assert_eq!(built.len(), MEGABYTE);
    assert_eq!(built[0], (MEGABYTE & 255) as u8);
    assert_eq!(built[MEGABYTE - 1], 1);
    // A buffer that doubles as it grows: about 2 MB in all.
    assert!(
        used < 4 * MEGABYTE as u64,
        "appending 1 MB allocated {used} bytes"
    );
}

#[test]
fn walking_a_megabyte_allocates_nothing_per_byte() {
    let (bytes, sum) = one_megabyte();
    let (reason, used) = run("walk", vec![Term::binary(&bytes), Term::int(0)]);
    assert_eq!(reason.as_i64(), Some(sum as i64));
    // The process itself and the runtime's bookkeeping, not the bytes.
    assert!(
        used < 64 * 1024,
        "walking 1 MB in a function head allocated {used} bytes"
    );
    let (reason, used) = run("walk_case", vec![Term::binary(&bytes), Term::int(0)]);
    assert_eq!(reason.as_i64(), Some(sum as i64));
    assert!(
        used < 64 * 1024,
        "walking 1 MB with a case allocated {used} bytes"
    );
}

#[test]
fn a_binary_someone_else_holds_is_walked_without_copying_it_either() {
    let (bytes, sum) = one_megabyte();
    let shared = Term::binary(&bytes);
    let kept = shared.clone();
    let (reason, used) = run("walk", vec![shared, Term::int(0)]);
    assert_eq!(reason.as_i64(), Some(sum as i64));
    // The first step makes one window of its own; no byte is copied.
    assert!(used < 64 * 1024, "allocated {used} bytes");
    assert_eq!(kept.as_binary_bytes(), Some(&bytes[..]), "unchanged");
}
