//! Fuzzing the front end: thousands of broken definitions, made by
//! mutating valid ones (dropping, duplicating and swapping pieces,
//! truncating, inserting random characters) and by stringing random
//! tokens together. Parser and checker must never panic, and every
//! rejection must point inside the source with a message: that is what
//! puts a caret under the right character on stage.

use crate::erlang::{check, parse};
use crate::runtime::XorShift as Rng;

/// Valid definitions covering every construct, to mutate.
const SEEDS: &[&str] = &[
    "start(N) -> loop(N).
loop(N) ->
  receive
    incr -> loop(N + 1);
    {get, From} -> From ! {count, N}, loop(N);
    stop -> ok
  after 30000 -> exit(idle)
  end.",
    "f(X) when is_integer(X), X > 0; is_float(X) -> -X * 2 div 3 rem 4 / 1.5e3;
f([H | T]) -> [H, $} | T] ++ \"str\\\"}\" -- 'Quoted}';
f(_) -> begin A = B = {1, [2]}, {A, B} end.",
    "f(X) -> case X of {ok, V} = P when V =:= 1 orelse V =/= 2 -> P; _ -> if X == 1 -> a; true -> b end end.
g(F) -> F(1), (fun(Y) -> Y; (_) -> z end)(2), fun g/1, fun lists:map/2, not true andalso false xor true.
h() -> receive after 0 -> ok end, receive X -> X after infinity -> ok end, receive after 5s -> t end.
k(N) -> % a comment }
  io:format(\"~p~n\", [N]), self() ! N, lists:reverse([1, 2 | [3]]).",
    "-module(m).
-export([f/1, g/2]).
-import(lists, [reverse/1]).
-define(PAIR(A, B), {A, B}).
-define(N, 3).
-ifdef(N).
-record(r, {a = 1, b :: atom(), c = ?N}).
-else.
-endif.
-spec f(term()) -> term().
f(X) -> [?PAIR(Y, ?MODULE) || Y <- reverse(X), Y > ?LINE, {ok, _} <- [Y]].
g(#r{a = A} = R, K) when is_record(R, r), R#r.b =:= K -> (R#r{c = A})#r.c + #r.b;
g(_, _) -> #r{_ = x}.",
];

/// Pieces of a source: runs of word characters, single others.
fn pieces(source: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in source.chars() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
        } else {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(c.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

const NOISE: &[char] = &[
    '(', ')', '{', '}', '[', ']', '<', '>', '=', '!', '.', ',', ';', '|', '-', '+', '*', '/', '#',
    '?', ':', '"', '\'', '$', '%', '\\', '\n', ' ', '\t', 'a', 'X', '_', '0', '9', 'é', '🦀',
];

const VOCABULARY: &[&str] = &[
    "f",
    "(",
    ")",
    "->",
    ".",
    ";",
    ",",
    "X",
    "_",
    "ok",
    "1",
    "2.5",
    "\"s\"",
    "'q'",
    "{",
    "}",
    "[",
    "]",
    "|",
    "=",
    "!",
    "+",
    "-",
    "*",
    "/",
    "div",
    "rem",
    "==",
    "=:=",
    "<",
    "=<",
    "andalso",
    "orelse",
    "not",
    "case",
    "of",
    "end",
    "if",
    "receive",
    "after",
    "when",
    "fun",
    "begin",
    "30s",
    "true",
    "++",
    "--",
    ":",
    "#",
    "#{",
    "=>",
    ":=",
    "#{a => 1}",
    "M#{a := 2}",
    "$a",
    "try",
    "%",
    "\n",
    "9223372036854775808",
];

fn mutate(rng: &mut Rng, source: &str) -> String {
    let mut parts = pieces(source);
    for _ in 0..=rng.below(3) {
        let len = parts.len();
        match rng.below(6) {
            0 if len > 0 => {
                parts.remove(rng.below(len));
            }
            1 if len > 0 => {
                let i = rng.below(len);
                parts.insert(i, parts[i].clone());
            }
            2 if len > 1 => parts.swap(rng.below(len), rng.below(len)),
            3 => parts.truncate(rng.below(len + 1)),
            4 => parts.insert(
                rng.below(len + 1),
                NOISE[rng.below(NOISE.len())].to_string(),
            ),
            _ => parts.insert(
                rng.below(len + 1),
                VOCABULARY[rng.below(VOCABULARY.len())].to_string(),
            ),
        }
    }
    parts.concat()
}

fn random_tokens(rng: &mut Rng) -> String {
    (0..rng.below(40))
        .map(|_| VOCABULARY[rng.below(VOCABULARY.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses and checks `source`; a rejection must lie inside it.
fn assert_sound(source: &str) -> bool {
    let result = parse("m", source).and_then(|module| check(&module));
    let Err(error) = result else {
        return true;
    };
    let lines: Vec<&str> = source.split('\n').collect();
    assert!(
        (1..=lines.len()).contains(&error.line),
        "line {} outside {source:?}",
        error.line
    );
    let line = lines[error.line - 1].trim_end_matches('\r');
    assert!(
        (1..=line.chars().count() + 1).contains(&error.column),
        "column {} outside line {line:?} of {source:?}",
        error.column
    );
    assert_eq!(error.source_line, line, "{source:?}");
    assert!(!error.message.is_empty(), "no message for {source:?}");
    assert!(error.len >= 1);
    false
}

#[test]
fn the_seeds_are_valid() {
    for seed in SEEDS {
        assert!(assert_sound(seed), "{seed}");
    }
}

#[test]
fn mutated_and_random_definitions_never_panic_and_errors_point_inside() {
    let mut rng = Rng::new(0x5eed_1e71_7c7a);
    let mut rejected = 0;
    for round in 0..3000 {
        let source = if round % 5 == 4 {
            random_tokens(&mut rng)
        } else {
            let seed = SEEDS[rng.below(SEEDS.len())];
            mutate(&mut rng, seed)
        };
        if !assert_sound(&source) {
            rejected += 1;
        }
    }
    // The mutations do break most programs: the test exercises errors.
    assert!(rejected > 1500, "only {rejected} rejected");
}

#[test]
fn pathological_inputs_end_in_errors() {
    for source in [
        "(".repeat(5000),
        "[".repeat(5000),
        "{".repeat(5000),
        "f() -> ".to_string() + &"begin ".repeat(5000),
        "f() -> ".to_string() + &"case X of ".repeat(5000),
        "f() -> ".to_string() + &"fun() -> ".repeat(5000),
        "f() -> ".to_string() + &"X = ".repeat(5000) + "1.",
        "f() -> ".to_string() + &"not ".repeat(5000) + "1.",
        "f() -> ".to_string() + &"- ".repeat(5000) + "1.",
        "f() -> ".to_string() + &"a ! ".repeat(5000) + "1.",
        "f() -> ".to_string() + &"1 ++ ".repeat(5000) + "1.",
        "\"".to_string(),
        "$".to_string(),
        "'\\".to_string(),
        "f() -> \"\\x{110000}\".".to_string(),
        "f() -> 0#1.".to_string(),
        "f() -> 16#.".to_string(),
    ] {
        assert!(!assert_sound(&source), "{source:.40}");
    }
}

#[test]
fn the_deepest_programs_the_parser_accepts_can_be_checked() {
    let shapes: [fn(usize) -> String; 6] = [
        |n| format!("f(X) -> {}X{}.", "(".repeat(n), ")".repeat(n)),
        |n| format!("f(X) -> {}X{}.", "{a, ".repeat(n), "}".repeat(n)),
        |n| format!("f(X) -> {}X{}.", "[X | ".repeat(n), "]".repeat(n)),
        |n| {
            format!(
                "f(X) -> {}X{}.",
                "case X of Y -> ".repeat(n),
                " end".repeat(n)
            )
        },
        |n| format!("f(X) -> {}X{}.", "fun(Y) -> ".repeat(n), " end".repeat(n)),
        |n| format!("f(X) -> {}X.", "X + ".repeat(n)),
    ];
    for shape in shapes {
        let deepest = (1..200)
            .take_while(|&n| parse("m", &shape(n)).is_ok())
            .last()
            .expect("shallow nesting parses");
        let module = parse("m", &shape(deepest)).unwrap();
        check(&module).unwrap_or_else(|e| panic!("{}", e.render(None)));
    }
}
