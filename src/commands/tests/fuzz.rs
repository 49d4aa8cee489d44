//! Robustness: no input may panic the front end, because a panic in the
//! REPL would end a live talk. Random text and mutated valid commands are
//! fed to every public entry point, and every reported error must point
//! inside the source it came from.
//!
//! The generator is a hand-written xorshift, seeded, so a failure repeats.

use crate::commands::help::COMMANDS;
use crate::commands::highlight::classify;
use crate::commands::{Diagnostic, is_incomplete, parse_line, parse_script};
use crate::runtime::XorShift;

/// Characters that matter to the grammar, plus some that should not.
const PIECES: &[&str] = &[
    "{", "}", "[", "]", "(", ")", "<", ">", "\"", "'", "\\", "#", "#Ref<0.", "#=> ", "!", "=", ",",
    ";", "/", "_", "-", ".", " ", " ", "\t", "\n", "\r\n", "0", "7", "12", "ms", "s", "m", "a",
    "X", "self", "sup", "worker", "def c {", "%", "$", "->", "é", "🦀", "\u{0}", "ß", "\u{200b}",
    "<0.3.0>", "5s",
];

const SEEDS: &[&str] = &[
    "spawn crasher(500ms, boom) as c link",
    "W = spawn counter",
    "c ! {add, [1, 2.5, \"x\"], 'A-D', <0.4.0>}",
    "sup demo one_for_all intensity 3 period 5s {\n  worker w1 counter permanent\n  sup inner { worker a echo; worker b ticker(1s) shutdown 2s }\n}",
    "receive {'DOWN', R, process, _, Reason} timeout 1s",
    "expect reply c get {ok, _}",
    "call demo/w1 get timeout 250ms",
    "demonitor #Ref<0.7>",
    "say \"hello \\\"world\\\"\"",
    "start_child pool 1 2 {three}",
    "# a comment\nkill c\n#=> ok\n",
    "def c {\n  start() -> loop($}, \"}\", '}'). % }\n  loop(A, B, C) -> receive X -> X after 5s -> ok end.\n}\nshow c",
];

#[test]
fn nothing_panics_and_errors_point_inside_the_source() {
    let mut rng = XorShift::new(0x9E37_79B9_7F4A_7C15);
    let mut seeds: Vec<&str> = SEEDS.to_vec();
    seeds.extend(COMMANDS.iter().map(|c| c.example));
    for _ in 0..10_000 {
        let text = random_text(&mut rng);
        exercise(&text);
    }
    for _ in 0..12_000 {
        let seed = *rng.pick(&seeds);
        let text = mutate(&mut rng, seed);
        exercise(&text);
    }
}

/// Random bytes (mostly meaningful pieces), made into a `&str` the lossy
/// way, as a terminal would hand over undecodable input.
fn random_text(rng: &mut XorShift) -> String {
    let mut bytes = Vec::new();
    for _ in 0..rng.below(30) {
        if rng.below(4) == 0 {
            bytes.push(rng.next_u64() as u8);
        } else {
            bytes.extend_from_slice(rng.pick(PIECES).as_bytes());
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A few random inserts, deletions and replacements, on char boundaries.
fn mutate(rng: &mut XorShift, seed: &str) -> String {
    let mut chars: Vec<char> = seed.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(chars.len() + 1);
        let piece: Vec<char> = rng.pick(PIECES).chars().collect();
        match rng.below(3) {
            0 => {
                chars.splice(at..at, piece);
            }
            1 if at < chars.len() => {
                chars.remove(at);
            }
            _ if at < chars.len() => {
                chars.splice(at..at + 1, piece);
            }
            _ => chars.extend(piece),
        }
    }
    chars.into_iter().collect()
}

fn exercise(text: &str) {
    if let Err(e) = parse_line(text) {
        check_error(text, &e);
    }
    for result in parse_script(text) {
        if let Err(e) = result {
            check_error(text, &e);
        }
    }
    is_incomplete(text);
    let mut last_end = 0;
    for (range, _) in classify(text) {
        assert!(
            range.start >= last_end && range.start < range.end,
            "{text:?}: {range:?}"
        );
        assert!(
            text.get(range.clone()).is_some(),
            "{text:?}: {range:?} splits a char"
        );
        last_end = range.end;
    }
}

fn check_error(text: &str, e: &Diagnostic) {
    let line = text.split('\n').nth(e.line.wrapping_sub(1));
    let line = line.unwrap_or_else(|| panic!("{text:?}: line {} out of range", e.line));
    let line = line.trim_end_matches('\r');
    assert_eq!(e.source_line, line, "{text:?}");
    let width = line.chars().count();
    assert!(
        e.column >= 1 && e.column <= width + 1,
        "{text:?}: column {} of {width}",
        e.column
    );
    assert!(
        e.column - 1 + e.len <= width + 1,
        "{text:?}: underline runs past the line"
    );
    assert!(!e.message.is_empty());
    let rendered = e.render(Some("fuzz.crash"));
    assert!(rendered.starts_with("error: "));
}
