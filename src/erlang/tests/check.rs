//! The checker: every error `erlc` would give, with its position, and the
//! scoping rules that make programs legal.

use crate::diagnostics::Diagnostic;
use crate::erlang::{check, parse};

fn verdict(source: &str) -> Result<(), Diagnostic> {
    let module = parse("m", source)
        .unwrap_or_else(|e| panic!("{source:?} does not parse: {}", e.render(None)));
    check(&module)
}

fn accepts(source: &str) {
    if let Err(e) = verdict(source) {
        panic!("{source:?} rejected: {}", e.render(None));
    }
}

/// The error's (line, column, message).
fn rejects(source: &str) -> (usize, usize, String) {
    match verdict(source) {
        Ok(()) => panic!("{source:?} accepted"),
        Err(e) => {
            assert!(e.hint.is_some(), "no hint for {source:?}: {}", e.message);
            (e.line, e.column, e.message)
        }
    }
}

#[test]
fn the_issue_counter_is_accepted() {
    accepts(
        "
  start(N) -> loop(N).
  loop(N) ->
    receive
      incr -> loop(N + 1);
      {get, From} -> From ! {count, N}, loop(N);
      stop -> ok
    after 30000 -> exit(idle)
    end.
",
    );
}

#[test]
fn a_call_to_an_undefined_local_function_is_an_error_at_the_call() {
    let (line, column, message) = rejects("start(N) -> loop(N, 0).\nloop(N) -> N.");
    assert_eq!(
        (line, column, message.as_str()),
        (1, 13, "function loop/2 undefined")
    );
    let e = verdict("start(N) -> loop(N, 0).\nloop(N) -> N.").unwrap_err();
    assert_eq!(e.len, 4);
    assert!(e.hint.unwrap().contains("loop/1"));
    assert_eq!(rejects("f() -> g().").2, "function g/0 undefined");
}

#[test]
fn auto_imported_bifs_need_no_definition() {
    accepts(
        "f(T, L) -> Me = self(), P = spawn(fun() -> ok end), spawn(m, f, [1, 2]), \
         link(P), element(1, T), length(L), hd(L), tl(L), abs(-1), min(1, 2), \
         setelement(1, T, x), tuple_size(T), make_ref(), monitor(process, P), \
         process_flag(trap_exit, true), register(me, Me), whereis(me), exit(normal).",
    );
    accepts("f() -> lists:reverse([1]), io:format(\"~p~n\", [x]), timer:sleep(1), other:g().");
    assert_eq!(rejects("f() -> self(1).").2, "function self/1 undefined");
}

#[test]
fn a_local_function_shadowing_a_bif_is_an_ambiguous_call() {
    let (line, column, message) = rejects("f(L) -> length(L).\nlength(_) -> 0.");
    assert_eq!((line, column), (1, 9));
    assert_eq!(
        message,
        "ambiguous call of overridden auto-imported BIF length/1"
    );
    accepts("f(L) -> erlang:length(L).\nlength(_) -> 0.");
}

#[test]
fn fun_references_must_name_defined_functions() {
    accepts("f() -> fun g/1.\ng(X) -> X.");
    accepts("f() -> fun self/0.");
    accepts("f() -> fun other:g/7.");
    let (line, column, message) = rejects("f() ->\n  fun g/2.\ng(X) -> X.");
    assert_eq!(
        (line, column, message.as_str()),
        (2, 3, "function g/2 undefined")
    );
}

#[test]
fn an_unbound_variable_is_an_error_where_it_is_used() {
    let (line, column, message) = rejects("f() ->\n  Y = X + 1,\n  Y.");
    assert_eq!(
        (line, column, message.as_str()),
        (2, 7, "variable 'X' is unbound")
    );
    assert_eq!(rejects("f() -> _.").2, "variable '_' is unbound");
    assert_eq!(
        rejects("f(X) when Y > X -> ok.").2,
        "variable 'Y' is unbound"
    );
}

#[test]
fn a_sequence_passes_bindings_on_and_a_match_binds_its_pattern() {
    accepts("f() -> X = 1, {ok, [H | T]} = {ok, [X]}, {H, T}.");
    accepts("f(X) -> X = 1, Y = X = 2, Y.");
    accepts("f() -> {A, B} = P = {1, 2}, {A, B, P}.");
}

#[test]
fn the_parts_of_one_expression_do_not_see_each_other_bindings() {
    assert_eq!(rejects("f() -> {X = 1, X}.").2, "variable 'X' is unbound");
    accepts("f() -> {X = 1, Y = 2}, X + Y.");
    assert_eq!(
        rejects("f() -> g(X = 1, X).\ng(A, B) -> {A, B}.").2,
        "variable 'X' is unbound"
    );
}

#[test]
fn variables_bound_in_every_clause_are_bound_after_a_case() {
    accepts("f(X) -> case X of 1 -> Y = a; _ -> Y = b end, Y.");
    accepts("f(X) -> if X > 0 -> Y = a; true -> Y = b end, Y.");
    accepts("f() -> receive {a, Y} -> ok; Y -> ok after 0 -> Y = none end, Y.");
}

#[test]
fn variables_bound_in_some_clauses_are_unsafe_after_the_block() {
    let (line, column, message) = rejects("f(X) ->\n  case X of 1 -> Y = a; _ -> ok end,\n  Y.");
    assert_eq!(
        (line, column, message.as_str()),
        (3, 3, "variable 'Y' unsafe in 'case' (line 2)")
    );
    assert_eq!(
        rejects("f() -> receive a -> Y = 1 after 10 -> ok end, Y.").2,
        "variable 'Y' unsafe in 'receive' (line 1)"
    );
    assert_eq!(
        rejects("f(X) -> if X -> Y = 1; true -> ok end, Y.").2,
        "variable 'Y' unsafe in 'if' (line 1)"
    );
    assert_eq!(
        rejects("f(X) -> X andalso (Y = true), Y.").2,
        "variable 'Y' unsafe in 'andalso' (line 1)"
    );
    // A later match cannot bind it either: it is still unsafe there.
    assert_eq!(
        rejects("f(X) -> case X of 1 -> Y = a; _ -> ok end, Y = b.").2,
        "variable 'Y' unsafe in 'case' (line 1)"
    );
}

#[test]
fn nothing_bound_in_a_try_or_catch_is_safe_after_it() {
    // erl_lint's words: bound in the body, in an `of` or catch clause,
    // every clause alike, it is still unsafe after the `end`.
    assert_eq!(
        rejects("f() -> try Y = g() catch _ -> ok end, Y.\ng() -> 1.").2,
        "variable 'Y' unsafe in 'try' (line 1)"
    );
    assert_eq!(
        rejects("f() -> try g() of Y -> Y catch Y -> Y end, Y.\ng() -> 1.").2,
        "variable 'Y' unsafe in 'try' (line 1)"
    );
    assert_eq!(
        rejects("f() -> catch (Y = g()), Y.\ng() -> 1.").2,
        "variable 'Y' unsafe in 'catch' (line 1)"
    );
    // Inside, the `of` clauses see the body's bindings; the catch
    // clauses and `after` only what was bound before.
    accepts("f(A) -> try B = A + 1 of C -> {A, B, C} catch E -> {A, E} after A end.");
    assert_eq!(
        rejects("f(A) -> try B = A + 1 catch _ -> B end.").2,
        "variable 'B' unsafe in 'try' (line 1)"
    );
    assert_eq!(
        rejects("f(S) -> try ok catch _:_:S -> S end.").2,
        "stacktrace variable 'S' must not be previously bound"
    );
}

#[test]
fn a_clause_sees_its_pattern_and_the_enclosing_bindings() {
    accepts("f(N) -> case N of {M, K} when M > N -> M + K + N end.");
    accepts("f(From) -> receive {reply, R} -> From ! R end.");
}

#[test]
fn funs_see_enclosing_bindings_and_their_heads_shadow() {
    accepts("f(N) -> F = fun(X) -> X + N end, F(1).");
    accepts("f(X) -> G = fun(X) -> X end, G(X).");
    accepts("f() -> fun(0) -> zero; (N) when N > 0 -> N end.");
    // What a fun binds stays inside it.
    assert_eq!(
        rejects("f() -> F = fun() -> Y = 1 end, F(), Y.").2,
        "variable 'Y' is unbound"
    );
}

#[test]
fn clauses_of_one_function_must_be_written_together() {
    let (line, column, message) =
        rejects("loop(0) -> ok.\nstart() -> loop(3).\nloop(N) -> loop(N - 1).");
    assert_eq!(
        (line, column, message.as_str()),
        (3, 1, "function loop/1 already defined")
    );
    // A different arity is a different function.
    accepts("loop(N) -> loop(N, 0).\nloop(N, Acc) -> {N, Acc}.");
}

#[test]
fn guards_allow_only_guard_expressions() {
    accepts(
        "f(X, Y) when is_integer(X), X > 0, X + 1 < 10; is_atom(X) orelse element(1, Y) == a, \
         not is_list(X), length(Y) > 0, erlang:is_tuple(Y), self() /= X -> ok.",
    );
    let (line, column, message) = rejects("f(X) when g(X) -> ok.\ng(_) -> true.");
    assert_eq!((line, column), (1, 11));
    assert_eq!(
        message,
        "call to local/imported function g/1 is illegal in guard"
    );
    assert_eq!(
        rejects("f(X) when X = 1 -> ok.").2,
        "illegal guard expression"
    );
    assert_eq!(
        rejects("f(X) when X ++ [] == [] -> ok.").2,
        "illegal guard expression"
    );
    assert_eq!(
        rejects("f(X) when lists:member(X, []) -> ok.").2,
        "call to remote function lists:member/2 is illegal in guard"
    );
    assert_eq!(
        rejects("f(X) -> receive Y when Y > Z -> ok end.").2,
        "variable 'Z' is unbound"
    );
    assert_eq!(
        rejects("f(X) -> if spawn(X) -> ok; true -> no end.").2,
        "call to local/imported function spawn/1 is illegal in guard"
    );
}

#[test]
fn the_first_problem_in_source_order_is_reported() {
    let (line, _, message) = rejects("f() -> X.\ng() -> h().");
    assert_eq!((line, message.as_str()), (1, "variable 'X' is unbound"));
}
