//! The huge virtual sleep: with `--seed`, `receive after 100000000000000
//! -> ok end` in a process and `sleep 99999999999999999s` looped for ever
//! (issue 22): the virtual clock, nanoseconds in 64 bits, wrapped round
//! before the deadline it was asked for. Virtual time now saturates at its
//! end, about 584 years in: what is due later happens then, and the shell
//! answers.

use crate::child::{run, tail};
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(60);

/// The end of virtual time as an event line prints it.
const END: &str = "[18446744073.709s]";

#[test]
fn a_sleep_past_the_end_of_virtual_time_ends_there() {
    let input = "def w {\n  start() -> receive after 100000000000000 -> io:format(\"woke~n\") end.\n}\nspawn w\nsleep 99999999999999999s\nwhereis nobody\n";
    let ended = run(&["--seed", "0"], input.as_bytes(), LIMIT);
    ended.assert_survived();
    let out = &ended.stdout;
    let sleep = out.find("crash> sleep 99999999999999999s\nok\n");
    let woke = out.find(&format!("{END} » <0.2.0>: woke"));
    let answer = out.find("crash> whereis nobody\nundefined");
    assert!(
        sleep.is_some() && woke > sleep && answer > woke,
        "{}",
        tail(out)
    );
}

#[test]
fn waits_and_timeouts_past_the_end_answer_at_once() {
    let input = "\
wait nobody alive timeout 18446744073709000000s
sleep 99999999999999999s
spawn ticker(18446744073709000000s)
sleep 1s
receive timeout 18446744073709000000s
call self hello timeout 18446744073709000000s
wait nobody alive timeout 1s
whereis nobody
";
    let ended = run(&["--seed", "0"], input.as_bytes(), LIMIT);
    ended.assert_survived();
    let out = &ended.stdout;
    // The first wait jumps over idle time to the end, where nothing more
    // can happen; after that every timeout is over at once.
    assert!(
        out.contains("error: waited for nobody until the end of virtual time"),
        "{}",
        tail(out)
    );
    assert_eq!(
        out.matches("error: gave up waiting").count(),
        2,
        "{}",
        tail(out)
    );
    // No timeout overflowed into a panic of the shell process.
    assert!(!out.contains("panic"), "{}", tail(out));
    assert!(
        out.contains("crash> whereis nobody\nundefined"),
        "{}",
        tail(out)
    );
}

#[test]
fn a_long_idle_wait_skips_the_idle_time() {
    // A hundred million seconds (three years) in 10 ms looks was ten
    // billion of them, about an hour; the idle stretch is jumped over, and
    // the timeout comes at its time.
    let input = "wait nobody alive timeout 100000000s\nspawn counter\n";
    let ended = run(&["--seed", "0"], input.as_bytes(), LIMIT);
    ended.assert_survived();
    let out = &ended.stdout;
    assert!(
        out.contains("error: waited 100000000s for nobody to be alive"),
        "{}",
        tail(out)
    );
    assert!(
        out.contains("[100000000.000s] + spawn counter"),
        "{}",
        tail(out)
    );
}
