//! Every construct of the language, evaluated in a process.

use super::build::*;
use super::support::*;
use crate::erlang::ast::{BinOp, UnOp};
use crate::runtime::Term;

fn yes() -> Term {
    atom("true")
}
fn no() -> Term {
    atom("false")
}

#[test]
fn arithmetic_follows_erlang() {
    // exit({1 + 2 * 3, 7 div 2, -7 rem 2, 7 / 2, 2 - 0.5, -(3)})
    let value = eval(vec![t(vec![
        add(i(1), op(BinOp::Mul, i(2), i(3))),
        op(BinOp::IntDiv, i(7), i(2)),
        op(BinOp::Rem, i(-7), i(2)),
        op(BinOp::Div, i(7), i(2)),
        sub(i(2), f(0.5)),
        un(UnOp::Neg, i(3)),
    ])]);
    assert_eq!(value.to_string(), "{7,3,-1,3.5,1.5,-3}");
}

#[test]
fn comparisons_use_erlang_term_order_across_types() {
    // number < atom < reference < fun < pid < tuple < list
    let lt = |x, y| op(BinOp::Lt, x, y);
    let value = eval(vec![
        m(pv("R"), call("make_ref", vec![])),
        m(pv("F"), lambda(vec![], vec![a("ok")])),
        t(vec![
            lt(i(99), a("a")),
            lt(a("zzz"), v("R")),
            lt(v("R"), v("F")),
            lt(v("F"), call("self", vec![])),
            lt(call("self", vec![]), t(vec![])),
            lt(t(vec![i(1), i(2)]), nil()),
            lt(nil(), list(vec![i(1)])),
            lt(t(vec![i(9)]), t(vec![i(1), i(1)])),
            op(BinOp::Eq, i(1), f(1.0)),
            op(BinOp::ExactEq, i(1), f(1.0)),
            op(BinOp::ExactNe, i(1), f(1.0)),
            op(BinOp::Le, i(1), f(1.0)),
            lt(a("abc"), a("abd")),
        ]),
    ]);
    let expected = vec![
        yes(),
        yes(),
        yes(),
        yes(),
        yes(),
        yes(),
        yes(),
        yes(),
        yes(),
        no(),
        yes(),
        yes(),
        yes(),
    ];
    assert_eq!(value, Term::tuple(expected));
}

#[test]
fn strings_are_lists_of_character_codes() {
    // {"ab" =:= [97, 98], hd("ab"), tl("ab"), length("héllo"), "ab" ++ "cd",
    //  [104 | "i"], "" =:= [], "ab" < "b", lists:reverse("abc")}
    let value = eval(vec![
        m(pcons(pv("H"), pv("T")), s("xyz")),
        t(vec![
            op(BinOp::ExactEq, s("ab"), list(vec![i(97), i(98)])),
            call("hd", vec![s("ab")]),
            call("tl", vec![s("ab")]),
            call("length", vec![s("héllo")]),
            op(BinOp::Append, s("ab"), s("cd")),
            cons(i(104), s("i")),
            op(BinOp::ExactEq, s(""), nil()),
            op(BinOp::Lt, s("ab"), s("b")),
            rcall("lists", "reverse", vec![s("abc")]),
            v("H"),
            v("T"),
            op(BinOp::Subtract, s("hello"), s("l")),
        ]),
    ]);
    assert_eq!(
        value.to_string(),
        r#"{true,97,"b",5,"abcd","hi",true,true,"cba",120,"yz","helo"}"#
    );
}

#[test]
fn integers_grow_into_bignums_and_back() {
    // (9223372036854775807 * 2) div 2 =:= 9223372036854775807: no wrap,
    // no error, as Erlang's integers have no bound.
    let value = eval(vec![op(
        BinOp::IntDiv,
        op(BinOp::Mul, i(i64::MAX), i(2)),
        i(2),
    )]);
    assert_eq!(value, Term::int(i64::MAX));
    let big = eval(vec![op(BinOp::Mul, i(i64::MAX), i(i64::MAX))]);
    assert_eq!(big.to_string(), "85070591730234615847396907784232501249");
}

#[test]
fn patterns_bind_nest_alias_and_test_bound_variables() {
    // {X, [Y | _], {Z} = W} = {1, [2, 3], {4}}, X = 1,
    // case {X, 1} of {A, A} -> {X, Y, Z, W, A} end
    let value = eval(vec![
        m(
            pt(vec![
                pv("X"),
                pcons(pv("Y"), any()),
                palias(pt(vec![pv("Z")]), pv("W")),
            ]),
            t(vec![i(1), list(vec![i(2), i(3)]), t(vec![i(4)])]),
        ),
        m(pv("X"), i(1)),
        case(
            t(vec![v("X"), i(1)]),
            vec![arm(
                pt(vec![pv("A"), pv("A")]),
                vec![],
                vec![t(vec![v("X"), v("Y"), v("Z"), v("W"), v("A")])],
            )],
        ),
    ]);
    assert_eq!(value.to_string(), "{1,2,4,{4},1}");
}

#[test]
fn a_bound_variable_in_a_pattern_is_an_equality_test() {
    // X = 1, case 2 of X -> same; _ -> different end
    let value = eval(vec![
        m(pv("X"), i(1)),
        case(
            i(2),
            vec![
                arm(pv("X"), vec![], vec![a("same")]),
                arm(any(), vec![], vec![a("different")]),
            ],
        ),
    ]);
    assert_eq!(value, atom("different"));
}

#[test]
fn guards_with_type_tests_comma_semicolon_and_raising_tests() {
    // kind(X) when is_integer(X), X > 10; is_float(X) -> big_or_float;
    // kind(X) when element(1, X) == tag -> tagged;     (raises for non-tuples)
    // kind(X) when is_atom(X) orelse is_pid(X) -> name;
    // kind(X) when not is_list(X), is_function(X, 1) -> fun1;
    // kind(_) -> other.
    let is = |name: &str| call(name, vec![v("X")]);
    let kind = func(
        "kind",
        vec![
            clg(
                2,
                vec![pv("X")],
                vec![
                    vec![is("is_integer"), op(BinOp::Gt, v("X"), i(10))],
                    vec![is("is_float")],
                ],
                vec![a("big_or_float")],
            ),
            clg(
                3,
                vec![pv("X")],
                vec![vec![op(
                    BinOp::Eq,
                    call("element", vec![i(1), v("X")]),
                    a("tag"),
                )]],
                vec![a("tagged")],
            ),
            clg(
                4,
                vec![pv("X")],
                vec![vec![op(BinOp::OrElse, is("is_atom"), is("is_pid"))]],
                vec![a("name")],
            ),
            clg(
                5,
                vec![pv("X")],
                vec![vec![
                    un(UnOp::Not, is("is_list")),
                    call("is_function", vec![v("X"), i(1)]),
                ]],
                vec![a("fun1")],
            ),
            cl(6, vec![any()], vec![a("other")]),
        ],
    );
    let value = eval_with(
        vec![list(vec![
            call("kind", vec![i(11)]),
            call("kind", vec![i(5)]),
            call("kind", vec![f(1.5)]),
            call("kind", vec![t(vec![a("tag"), i(1)])]),
            call("kind", vec![a("x")]),
            call("kind", vec![call("self", vec![])]),
            call("kind", vec![lambda(vec![pv("Y")], vec![v("Y")])]),
            call("kind", vec![nil()]),
        ])],
        vec![kind],
    );
    assert_eq!(
        value.to_string(),
        "[big_or_float,other,big_or_float,tagged,name,name,fun1,other]"
    );
}

#[test]
fn case_if_and_begin_end() {
    // X = 3, Y = if X > 5 -> big; X > 1 -> medium; true -> small end,
    // Z = case {X, Y} of {3, medium} -> begin A = 1, A + 1 end; _ -> 0 end,
    // {Y, Z}
    let value = eval(vec![
        m(pv("X"), i(3)),
        m(
            pv("Y"),
            if_(vec![
                (vec![vec![op(BinOp::Gt, v("X"), i(5))]], vec![a("big")]),
                (vec![vec![op(BinOp::Gt, v("X"), i(1))]], vec![a("medium")]),
                (vec![vec![a("true")]], vec![a("small")]),
            ]),
        ),
        m(
            pv("Z"),
            case(
                t(vec![v("X"), v("Y")]),
                vec![
                    arm(
                        pt(vec![pi(3), pa("medium")]),
                        vec![],
                        vec![block(vec![m(pv("A"), i(1)), add(v("A"), i(1))])],
                    ),
                    arm(any(), vec![], vec![i(0)]),
                ],
            ),
        ),
        t(vec![v("Y"), v("Z")]),
    ]);
    assert_eq!(value.to_string(), "{medium,2}");
}

#[test]
fn variables_bound_in_every_branch_are_bound_after_a_case() {
    // case 1 of 1 -> R = one; _ -> R = other end, R
    let value = eval(vec![
        case(
            i(1),
            vec![
                arm(pi(1), vec![], vec![m(pv("R"), a("one"))]),
                arm(any(), vec![], vec![m(pv("R"), a("other"))]),
            ],
        ),
        v("R"),
    ]);
    assert_eq!(value, atom("one"));
}

#[test]
fn funs_closures_and_function_references() {
    // N = 10, Add = fun(X) -> X + N end,
    // Twice = fun(F, X) -> F(F(X)) end,
    // {Add(1), Twice(Add, 1), (fun double/1)(4), (fun lists:reverse/1)([1,2]),
    //  lists:map(fun(X) -> X * N end, [1, 2, 3]),
    //  lists:foldl(fun(X, Acc) -> X + Acc end, 0, lists:seq(1, 10))}
    let double = func(
        "double",
        vec![cl(9, vec![pv("X")], vec![op(BinOp::Mul, v("X"), i(2))])],
    );
    let value = eval_with(
        vec![
            m(pv("N"), i(10)),
            m(pv("Add"), lambda(vec![pv("X")], vec![add(v("X"), v("N"))])),
            m(
                pv("Twice"),
                lambda(
                    vec![pv("F"), pv("X")],
                    vec![fcall(v("F"), vec![fcall(v("F"), vec![v("X")])])],
                ),
            ),
            t(vec![
                fcall(v("Add"), vec![i(1)]),
                fcall(v("Twice"), vec![v("Add"), i(1)]),
                fcall(fref("double", 1), vec![i(4)]),
                fcall(rref("lists", "reverse", 1), vec![list(vec![i(1), i(2)])]),
                rcall(
                    "lists",
                    "map",
                    vec![
                        lambda(vec![pv("X")], vec![op(BinOp::Mul, v("X"), v("N"))]),
                        list(vec![i(1), i(2), i(3)]),
                    ],
                ),
                rcall(
                    "lists",
                    "foldl",
                    vec![
                        lambda(vec![pv("X"), pv("Acc")], vec![add(v("X"), v("Acc"))]),
                        i(0),
                        rcall("lists", "seq", vec![i(1), i(10)]),
                    ],
                ),
            ]),
        ],
        vec![double],
    );
    assert_eq!(value.to_string(), "{11,21,8,[2,1],[10,20,30],55}");
}

#[test]
fn a_fun_head_variable_shadows_the_captured_one() {
    // X = 1, F = fun(X) -> X end, F(2)
    let value = eval(vec![
        m(pv("X"), i(1)),
        m(pv("F"), lambda(vec![pv("X")], vec![v("X")])),
        fcall(v("F"), vec![i(2)]),
    ]);
    assert_eq!(value, Term::int(2));
}

#[test]
fn remote_calls_reach_other_definitions() {
    // def other { twice(X) -> X * 2. }   t: other:twice(21)
    let rt = rt();
    load(
        &rt,
        module(
            "other",
            vec![func(
                "twice",
                vec![cl(1, vec![pv("X")], vec![op(BinOp::Mul, v("X"), i(2))])],
            )],
        ),
    );
    load(
        &rt,
        module(
            "t",
            vec![func(
                "start",
                vec![cl(
                    1,
                    vec![],
                    vec![call("exit", vec![rcall("other", "twice", vec![i(21)])])],
                )],
            )],
        ),
    );
    assert_eq!(run(&rt, "t", "start", vec![]), Some(Term::int(42)));
}

#[test]
fn term_bifs() {
    // {element(2, {a, b}), setelement(1, {a, b}, c), tuple_size({}), abs(-3),
    //  min(1, a), max(1, a), integer_to_list(42), atom_to_list(ok),
    //  list_to_atom("hi"), whereis(nobody), lists:reverse([1], [2])}
    let value = eval(vec![t(vec![
        call("element", vec![i(2), t(vec![a("a"), a("b")])]),
        call("setelement", vec![i(1), t(vec![a("a"), a("b")]), a("c")]),
        call("tuple_size", vec![t(vec![])]),
        call("abs", vec![i(-3)]),
        call("min", vec![i(1), a("a")]),
        call("max", vec![i(1), a("a")]),
        call("integer_to_list", vec![i(42)]),
        call("atom_to_list", vec![a("ok")]),
        call("list_to_atom", vec![s("hi")]),
        call("whereis", vec![a("nobody")]),
        rcall("lists", "reverse", vec![list(vec![i(1)]), list(vec![i(2)])]),
    ])]);
    assert_eq!(
        value.to_string(),
        r#"{b,{c,b},0,3,1,a,"42","ok",hi,undefined,[1,2]}"#
    );
}

#[test]
fn io_format_prints_as_the_process_output_event() {
    use crate::runtime::EventKind;
    let rt = rt();
    let events = rt.subscribe();
    // start() -> io:format("n=~p ~w ~s~n", [42, {a}, "str"]), io:format("plain~n").
    load(
        &rt,
        module(
            "t",
            vec![func(
                "start",
                vec![cl(
                    1,
                    vec![],
                    vec![
                        rcall(
                            "io",
                            "format",
                            vec![
                                s("n=~p ~w ~s~n"),
                                list(vec![i(42), t(vec![a("a")]), s("str")]),
                            ],
                        ),
                        rcall("io", "format", vec![s("plain~n")]),
                    ],
                )],
            )],
        ),
    );
    assert_eq!(run(&rt, "t", "start", vec![]), Some(Term::normal()));
    let printed: Vec<String> = events
        .try_iter()
        .filter_map(|event| match event.kind {
            EventKind::Output { text, .. } => Some(text),
            _ => None,
        })
        .collect();
    assert_eq!(printed, vec!["n=42 {a} str", "plain"]);
}

#[test]
fn io_format_without_a_newline_joins_the_next_text_and_flushes_at_exit() {
    use crate::runtime::EventKind;
    let rt = rt();
    let events = rt.subscribe();
    // start() -> io:format("a"), io:format("b~nc"), io:format("~p", [x]).
    load(
        &rt,
        module(
            "t",
            vec![func(
                "start",
                vec![cl(
                    1,
                    vec![],
                    vec![
                        rcall("io", "format", vec![s("a")]),
                        rcall("io", "format", vec![s("b~nc")]),
                        rcall("io", "format", vec![s("~p"), list(vec![a("x")])]),
                    ],
                )],
            )],
        ),
    );
    assert_eq!(run(&rt, "t", "start", vec![]), Some(Term::normal()));
    let printed: Vec<String> = events
        .try_iter()
        .filter_map(|event| match event.kind {
            EventKind::Output { text, .. } => Some(text),
            _ => None,
        })
        .collect();
    assert_eq!(printed, vec!["ab", "cx"]);
}

#[test]
fn andalso_orelse_short_circuit_and_demand_booleans() {
    // {false andalso exit(no), true orelse exit(no), true andalso 7}
    let value = eval(vec![t(vec![
        op(BinOp::AndAlso, a("false"), call("exit", vec![a("no")])),
        op(BinOp::OrElse, a("true"), call("exit", vec![a("no")])),
        op(BinOp::AndAlso, a("true"), i(7)),
        op(BinOp::Xor, a("true"), a("false")),
    ])]);
    assert_eq!(value.to_string(), "{false,true,7,true}");
    // 1 andalso true
    let value = eval(vec![op(BinOp::AndAlso, i(1), a("true"))]);
    assert_eq!(value.as_tuple().unwrap()[0].to_string(), "{badarg,1}");
}

#[test]
fn literal_patterns_strings_floats_and_lists() {
    // what("hi") -> string; what([]) -> nil; what(1.5) -> float;
    // what([A, B]) -> {two, A, B}; what([$h | T]) -> {h, T}; what(_) -> other.
    let what = func(
        "what",
        vec![
            cl(2, vec![ps("hi")], vec![a("string")]),
            cl(3, vec![pnil()], vec![a("nil")]),
            cl(4, vec![pf(1.5)], vec![a("float")]),
            cl(
                5,
                vec![plist(vec![pv("A"), pv("B")])],
                vec![t(vec![a("two"), v("A"), v("B")])],
            ),
            cl(
                6,
                vec![pcons(pi(104), pv("T"))],
                vec![t(vec![a("h"), v("T")])],
            ),
            cl(7, vec![any()], vec![a("other")]),
        ],
    );
    let value = eval_with(
        vec![list(vec![
            call("what", vec![s("hi")]),
            call("what", vec![list(vec![i(104), i(105)])]),
            call("what", vec![s("")]),
            call("what", vec![f(1.5)]),
            call("what", vec![i(1)]),
            call("what", vec![list(vec![i(1), i(2)])]),
            call("what", vec![s("hey")]),
            call("what", vec![list(vec![i(1)])]),
        ])],
        vec![what],
    );
    assert_eq!(
        value.to_string(),
        r#"[string,string,nil,float,other,{two,1,2},{h,"ey"},other]"#
    );
}

#[test]
fn a_pattern_may_name_the_variable_it_matches() {
    // X = {1}, case X of {X} -> inner; X -> same end
    let value = eval(vec![
        m(pv("X"), t(vec![i(1)])),
        m(pv("X"), v("X")),
        case(
            v("X"),
            vec![
                arm(pt(vec![pv("X")]), vec![], vec![a("inner")]),
                arm(pv("X"), vec![], vec![a("same")]),
            ],
        ),
    ]);
    assert_eq!(value, atom("same"));
}

#[test]
fn a_variable_repeated_in_a_head_must_match_the_same_value() {
    // same({X}, X) -> yes; same(_, _) -> no.   f(X, X) -> eq; f(_, _) -> ne.
    let same = func(
        "same",
        vec![
            cl(2, vec![pt(vec![pv("X")]), pv("X")], vec![a("yes")]),
            cl(3, vec![any(), any()], vec![a("no")]),
        ],
    );
    let eq = func(
        "eq",
        vec![
            cl(4, vec![pv("X"), pv("X")], vec![a("eq")]),
            cl(5, vec![any(), any()], vec![a("ne")]),
        ],
    );
    let value = eval_with(
        vec![list(vec![
            call("same", vec![t(vec![i(1)]), i(1)]),
            call("same", vec![t(vec![i(1)]), i(2)]),
            call("eq", vec![i(3), i(3)]),
            call("eq", vec![i(3), f(3.0)]),
        ])],
        vec![same, eq],
    );
    assert_eq!(value.to_string(), "[yes,no,eq,ne]");
}

#[test]
fn a_local_callee_that_tail_calls_elsewhere_returns_to_its_callers_code() {
    // The caller's frame of a local call records no module; the callee's
    // tail call into another definition must not leave the return in it.
    let rt = rt();
    for (name, source) in [
        ("bb", "g() -> 42."),
        (
            "aa",
            "start() -> X = f(), exit({X, h()}).\n f() -> bb:g().\n h() -> done.",
        ),
    ] {
        let module = crate::erlang::parse(name, source).expect("parses");
        load(&rt, module);
    }
    assert_eq!(
        run(&rt, "aa", "start", vec![]),
        Some(tuple(vec![Term::int(42), atom("done")]))
    );
}
