//! The parser, construct by construct. Trees are compared in a compact
//! prefix form (`(+ A (* B C))`) so a test shows the shape it proves;
//! positions have tests of their own.

use super::{MAX_DEPTH, parse_module};
use crate::erlang::ast::*;

/// A compact, position-free rendering of a tree.
pub(super) fn show(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Var(v) => v.clone(),
        ExprKind::Atom(a) => a.clone(),
        ExprKind::Int(i) => i.to_string(),
        ExprKind::Float(f) => format!("{f:?}"),
        ExprKind::Str(s) => format!("{s:?}"),
        ExprKind::Tuple(es) => format!("{{{}}}", list(es)),
        ExprKind::Nil => "[]".into(),
        ExprKind::Cons(h, t) => format!("[{} | {}]", show(h), show(t)),
        ExprKind::Match(p, e) => format!("(= {} {})", pat(p), show(e)),
        ExprKind::Send(a, b) => format!("(! {} {})", show(a), show(b)),
        ExprKind::BinOp(op, a, b) => format!("({} {} {})", binop(*op), show(a), show(b)),
        ExprKind::UnOp(op, a) => format!("({op:?} {})", show(a)),
        ExprKind::Call(Callee::Local(f), args) => format!("{f}({})", list(args)),
        ExprKind::Call(Callee::Remote(m, f), args) => format!("{m}:{f}({})", list(args)),
        ExprKind::Call(Callee::Fun(f), args) => format!("({})({})", show(f), list(args)),
        ExprKind::Case(e, cs) => format!("case {} of {} end", show(e), case_clauses(cs)),
        ExprKind::If(cs) => format!(
            "if {} end",
            cs.iter()
                .map(|c| format!("{} -> {}", guard(&c.guard), list(&c.body)))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        ExprKind::Receive { clauses, after } => {
            let after = after
                .as_ref()
                .map(|(t, body)| format!(" after {} -> {}", show(t), list(body)))
                .unwrap_or_default();
            format!("receive {}{after} end", case_clauses(clauses))
        }
        ExprKind::Fun(cs) => format!(
            "fun {} end",
            cs.iter().map(clause).collect::<Vec<_>>().join("; ")
        ),
        ExprKind::FunRef {
            module,
            name,
            arity,
        } => match module {
            Some(m) => format!("fun {m}:{name}/{arity}"),
            None => format!("fun {name}/{arity}"),
        },
        ExprKind::Block(body) => format!("begin {} end", list(body)),
        ExprKind::Map(fields) => format!("#{{{}}}", map_fields(fields)),
        ExprKind::MapUpdate(base, fields) => format!("{}#{{{}}}", show(base), map_fields(fields)),
        ExprKind::Binary(segments) => binary(segments, show),
        ExprKind::Try {
            body,
            of,
            catches,
            after,
        } => {
            let of = of
                .as_ref()
                .map(|cs| format!(" of {}", case_clauses(cs)))
                .unwrap_or_default();
            let catches = if catches.is_empty() {
                String::new()
            } else {
                format!(" catch {}", case_clauses(catches))
            };
            let after = if after.is_empty() {
                String::new()
            } else {
                format!(" after {}", list(after))
            };
            format!("try {}{of}{catches}{after} end", list(body))
        }
        ExprKind::Catch(e) => format!("(catch {})", show(e)),
    }
}

fn map_fields(fields: &[MapField]) -> String {
    fields
        .iter()
        .map(|f| {
            let op = if f.exact { ":=" } else { "=>" };
            format!("{} {op} {}", show(&f.key), show(&f.value))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `<<V:Size/specs, ...>>` with the sizes shown as expressions.
fn binary<T>(segments: &[Segment<T>], value: fn(&T) -> String) -> String {
    let segments: Vec<String> = segments
        .iter()
        .map(|s| {
            let mut text = value(&s.value);
            if let Some(size) = &s.size {
                text += &format!(":{}", show(size));
            }
            if !s.specs.is_empty() {
                let specs: Vec<String> = s.specs.iter().map(|s| s.text()).collect();
                text += &format!("/{}", specs.join("-"));
            }
            text
        })
        .collect();
    format!("<<{}>>", segments.join(", "))
}

fn binop(op: BinOp) -> &'static str {
    use BinOp::*;
    match op {
        Add => "+",
        Sub => "-",
        Mul => "*",
        Div => "/",
        IntDiv => "div",
        Rem => "rem",
        Eq => "==",
        Ne => "/=",
        ExactEq => "=:=",
        ExactNe => "=/=",
        Lt => "<",
        Gt => ">",
        Le => "=<",
        Ge => ">=",
        Append => "++",
        Subtract => "--",
        AndAlso => "andalso",
        OrElse => "orelse",
        And => "and",
        Or => "or",
        Xor => "xor",
        Band => "band",
        Bor => "bor",
        Bxor => "bxor",
        Bsl => "bsl",
        Bsr => "bsr",
    }
}

pub(super) fn pat(p: &Pattern) -> String {
    match &p.kind {
        PatternKind::Var(v) => v.clone(),
        PatternKind::Wildcard => "_".into(),
        PatternKind::Atom(a) => a.clone(),
        PatternKind::Int(i) => i.to_string(),
        PatternKind::Float(f) => format!("{f:?}"),
        PatternKind::Str(s) => format!("{s:?}"),
        PatternKind::Tuple(ps) => {
            format!("{{{}}}", ps.iter().map(pat).collect::<Vec<_>>().join(", "))
        }
        PatternKind::Nil => "[]".into(),
        PatternKind::Cons(h, t) => format!("[{} | {}]", pat(h), pat(t)),
        PatternKind::Alias(a, b) => format!("(= {} {})", pat(a), pat(b)),
        PatternKind::Map(fields) => format!(
            "#{{{}}}",
            fields
                .iter()
                .map(|f| format!("{} := {}", show(&f.key), pat(&f.value)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        PatternKind::Binary(segments) => binary(segments, pat),
    }
}

fn list(es: &[Expr]) -> String {
    es.iter().map(show).collect::<Vec<_>>().join(", ")
}

fn guard(g: &Guard) -> String {
    g.iter().map(|alt| list(alt)).collect::<Vec<_>>().join("; ")
}

fn case_clauses(cs: &[CaseClause]) -> String {
    cs.iter()
        .map(|c| {
            let when = if c.guard.is_empty() {
                String::new()
            } else {
                format!(" when {}", guard(&c.guard))
            };
            format!("{}{when} -> {}", pat(&c.pattern), list(&c.body))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn clause(c: &Clause) -> String {
    let when = if c.guard.is_empty() {
        String::new()
    } else {
        format!(" when {}", guard(&c.guard))
    };
    format!(
        "({}){when} -> {}",
        c.patterns.iter().map(pat).collect::<Vec<_>>().join(", "),
        list(&c.body)
    )
}

fn module(source: &str) -> Module {
    parse_module("m", source).unwrap_or_else(|e| panic!("{source:?} failed: {}", e.render(None)))
}

/// The body of `f() -> BODY.`, shown.
fn body(body_text: &str) -> String {
    let source = format!("f() -> {body_text}.");
    list(&module(&source).functions[0].clauses[0].body)
}

/// The body of `f() -> BODY.` with X, Y... bound, shown.
fn expr(text: &str) -> String {
    body(text)
}

fn error(source: &str) -> crate::diagnostics::Diagnostic {
    match parse_module("m", source) {
        Ok(m) => panic!("{source:?} parsed: {m:?}"),
        Err(e) => e,
    }
}

#[test]
fn arithmetic_binds_tighter_than_addition() {
    assert_eq!(expr("A + B * C"), "(+ A (* B C))");
    assert_eq!(expr("A * B + C"), "(+ (* A B) C)");
    assert_eq!(expr("A - B - C"), "(- (- A B) C)");
    assert_eq!(expr("A div B rem C"), "(rem (div A B) C)");
    assert_eq!(expr("(A + B) * C"), "(* (+ A B) C)");
    assert_eq!(expr("A / 2"), "(/ A 2)");
}

#[test]
fn comparison_binds_tighter_than_andalso_and_andalso_than_orelse() {
    assert_eq!(expr("A == B andalso C"), "(andalso (== A B) C)");
    assert_eq!(expr("A orelse B andalso C"), "(orelse A (andalso B C))");
    assert_eq!(expr("A + 1 =< B"), "(=< (+ A 1) B)");
    for op in ["==", "/=", "=:=", "=/=", "<", ">", "=<", ">="] {
        assert_eq!(expr(&format!("A {op} B")), format!("({op} A B)"));
    }
}

#[test]
fn boolean_operators_sit_with_arithmetic_as_in_erlang() {
    assert_eq!(expr("A and B or C"), "(or (and A B) C)");
    assert_eq!(expr("A xor B"), "(xor A B)");
    assert_eq!(expr("not A"), "(Not A)");
    assert_eq!(expr("not A andalso B"), "(andalso (Not A) B)");
}

#[test]
fn match_and_send_are_right_associative_and_loosest() {
    assert_eq!(expr("X = Y = 3"), "(= X (= Y 3))");
    assert_eq!(expr("Pid ! Msg"), "(! Pid Msg)");
    assert_eq!(expr("A ! B ! c"), "(! A (! B c))");
    assert_eq!(expr("X = A + 1"), "(= X (+ A 1))");
    assert_eq!(expr("From ! {count, N}"), "(! From {count, N})");
}

#[test]
fn list_operators_are_right_associative() {
    assert_eq!(expr("A ++ B ++ C"), "(++ A (++ B C))");
    assert_eq!(expr("A -- B"), "(-- A B)");
    assert_eq!(expr("A ++ B == C"), "(== (++ A B) C)");
}

#[test]
fn unary_operators() {
    assert_eq!(expr("-X"), "(Neg X)");
    assert_eq!(expr("- - X"), "(Neg (Neg X))");
    assert_eq!(expr("+X"), "(Plus X)");
    assert_eq!(expr("-X * 2"), "(* (Neg X) 2)");
    assert_eq!(expr("A - -1"), "(- A (Neg 1))");
}

#[test]
fn literals() {
    assert_eq!(expr("42"), "42");
    assert_eq!(expr("1_000"), "1000");
    assert_eq!(expr("16#ff"), "255");
    assert_eq!(expr("1.5"), "1.5");
    assert_eq!(expr("2.0e3"), "2000.0");
    assert_eq!(expr("2.5E-1"), "0.25");
    assert_eq!(expr("$a"), "97");
    assert_eq!(expr("$\\n"), "10");
    assert_eq!(expr("$}"), "125");
    assert_eq!(expr("ok"), "ok");
    assert_eq!(expr("'Quoted atom'"), "Quoted atom");
    assert_eq!(expr("'case'"), "case");
    assert_eq!(expr("9223372036854775807"), "9223372036854775807");
}

#[test]
fn strings_with_escapes_and_adjacent_strings() {
    assert_eq!(expr(r#""a\"b\n\t\\""#), format!("{:?}", "a\"b\n\t\\"));
    assert_eq!(
        expr(r#""\x41\x{42}\101\s\e""#),
        format!("{:?}", "ABA \u{1b}")
    );
    assert_eq!(expr(r#""ab" "cd""#), "\"abcd\"");
    assert_eq!(expr(r#""%}""#), "\"%}\"");
}

#[test]
fn lists_and_tuples() {
    assert_eq!(expr("[]"), "[]");
    assert_eq!(expr("[H | T]"), "[H | T]");
    assert_eq!(expr("[A, B]"), "[A | [B | []]]");
    assert_eq!(expr("[A, B | T]"), "[A | [B | T]]");
    assert_eq!(expr("{}"), "{}");
    assert_eq!(expr("{a, {B, [1]}}"), "{a, {B, [1 | []]}}");
}

#[test]
fn calls_local_remote_and_of_funs() {
    assert_eq!(expr("loop(N + 1)"), "loop((+ N 1))");
    assert_eq!(expr("self()"), "self()");
    assert_eq!(
        expr("io:format(\"~p~n\", [X])"),
        "io:format(\"~p~n\", [X | []])"
    );
    assert_eq!(expr("F(1, 2)"), "(F)(1, 2)");
    assert_eq!(expr("(fun(X) -> X end)(1)"), "(fun (X) -> X end)(1)");
    assert_eq!(expr("'quoted'(1)"), "quoted(1)");
}

#[test]
fn funs_with_clauses_and_references() {
    assert_eq!(
        expr("fun(0) -> zero; (N) when N > 0 -> pos end"),
        "fun (0) -> zero; (N) when (> N 0) -> pos end"
    );
    assert_eq!(expr("fun loop/1"), "fun loop/1");
    assert_eq!(expr("fun lists:reverse/1"), "fun lists:reverse/1");
    assert_eq!(expr("fun() -> ok end"), "fun () -> ok end");
}

#[test]
fn case_if_and_begin() {
    assert_eq!(
        expr("case X of {ok, V} when is_integer(V) -> V; _ -> 0 end"),
        "case X of {ok, V} when is_integer(V) -> V; _ -> 0 end"
    );
    assert_eq!(
        expr("if X > 0 -> pos; X < 0; X == 0 -> other; true -> never end"),
        "if (> X 0) -> pos; (< X 0); (== X 0) -> other; true -> never end"
    );
    assert_eq!(expr("begin a, b end"), "begin a, b end");
}

#[test]
fn receive_with_after_in_every_form() {
    assert_eq!(
        expr("receive incr -> a; {get, F} -> F ! x, b after 30000 -> c end"),
        "receive incr -> a; {get, F} -> (! F x), b after 30000 -> c end"
    );
    assert_eq!(
        expr("receive after 0 -> ok end"),
        "receive  after 0 -> ok end"
    );
    assert_eq!(
        expr("receive X -> X after infinity -> ok end"),
        "receive X -> X after infinity -> ok end"
    );
    assert_eq!(
        expr("receive X -> X after T -> ok end"),
        "receive X -> X after T -> ok end"
    );
    assert_eq!(expr("receive X -> X end"), "receive X -> X end");
}

#[test]
fn after_takes_durations_as_milliseconds() {
    assert_eq!(
        expr("receive after 30s -> ok end"),
        "receive  after 30000 -> ok end"
    );
    assert_eq!(
        expr("receive after 500ms -> ok end"),
        "receive  after 500 -> ok end"
    );
    assert_eq!(
        expr("receive after 1m -> ok end"),
        "receive  after 60000 -> ok end"
    );
}

#[test]
fn nested_case_in_receive() {
    assert_eq!(
        expr("receive {N, From} -> case N of 0 -> From ! zero; _ -> loop() end end"),
        "receive {N, From} -> case N of 0 -> (! From zero); _ -> loop() end end"
    );
}

#[test]
fn patterns_nest_and_alias() {
    assert_eq!(expr("{ok, [H | _]} = X"), "(= {ok, [H | _]} X)");
    assert_eq!(expr("{A, B} = P = X"), "(= {A, B} (= P X))");
    let m = module("f({a, _} = P, [_X | T], -1, \"s\", 2.5, []) -> P.");
    let patterns = &m.functions[0].clauses[0].patterns;
    let shown: Vec<String> = patterns.iter().map(pat).collect();
    assert_eq!(
        shown,
        ["(= {a, _} P)", "[_X | T]", "-1", "\"s\"", "2.5", "[]"]
    );
}

#[test]
fn guards_with_commas_and_semicolons() {
    let m = module("f(X) when is_integer(X), X > 0; is_float(X) -> ok.");
    assert_eq!(
        guard(&m.functions[0].clauses[0].guard),
        "is_integer(X), (> X 0); is_float(X)"
    );
}

#[test]
fn clauses_group_into_functions_by_name_and_arity() {
    let m = module(
        "start(N) -> loop(N).\n\
         loop(0) -> done;\n\
         loop(N) -> loop(N - 1).\n\
         loop(A, B) -> {A, B}.",
    );
    let names: Vec<(String, usize, usize)> = m
        .functions
        .iter()
        .map(|f| (f.name.clone(), f.arity, f.clauses.len()))
        .collect();
    assert_eq!(
        names,
        [
            ("start".into(), 1, 1),
            ("loop".into(), 1, 2),
            ("loop".into(), 2, 1)
        ]
    );
}

#[test]
fn the_issue_counter_parses() {
    let m = module(
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
    assert_eq!(m.functions.len(), 2);
    assert_eq!(m.name, "m");
    assert!(m.source.contains("after 30000"));
}

#[test]
fn comments_are_skipped_and_dots_inside_floats_do_not_end_functions() {
    let m = module("f() -> 1.5. % the end. }\n% g() -> .\ng() -> 2.");
    assert_eq!(m.functions.len(), 2);
}

#[test]
fn positions_are_one_based_lines_and_columns_from_the_block_start() {
    let m = module("\n  loop(N) ->\n    N + 1.");
    let f = &m.functions[0];
    assert_eq!(f.pos, Pos::new(2, 3));
    let sum = &f.clauses[0].body[0];
    // A binary operation is placed at its operator, as erl_parse does.
    assert_eq!(sum.pos, Pos::new(3, 7));
    let ExprKind::BinOp(_, left, right) = &sum.kind else {
        panic!()
    };
    assert_eq!((left.pos, right.pos), (Pos::new(3, 5), Pos::new(3, 9)));
    assert_eq!(f.clauses[0].patterns[0].pos, Pos::new(2, 8));
}

#[test]
fn columns_count_characters_not_bytes() {
    let m = module("f() -> \"é\", X.");
    let ExprKind::Var(_) = &m.functions[0].clauses[0].body[1].kind else {
        panic!()
    };
    assert_eq!(m.functions[0].clauses[0].body[1].pos, Pos::new(1, 13));
}

// ----- errors -----

#[test]
fn a_missing_dot_between_functions_is_explained() {
    let e = error("start(N) -> loop(N)\nloop(N) -> N.");
    assert_eq!((e.line, e.column), (2, 1));
    assert!(e.message.contains("expected `.` or `;`"), "{}", e.message);
    assert_eq!(
        e.hint.as_deref(),
        Some("a function clause ends with `.`; clauses of one function are separated by `;`")
    );
    assert_eq!(e.source_line, "loop(N) -> N.");
}

#[test]
fn a_clause_of_another_function_after_a_semicolon_is_a_head_mismatch() {
    let e = error("f(X) -> X;\ng(X) -> X.");
    assert_eq!((e.line, e.column), (2, 1));
    assert!(e.message.starts_with("head mismatch"), "{}", e.message);
    let e = error("f(X) -> X;\nf(X, Y) -> X.");
    assert!(e.message.contains("f/2"), "{}", e.message);
}

#[test]
fn a_missing_end_names_the_block_and_its_line() {
    let e = error("f(X) ->\n  receive\n    a ->\n      case X of\n        1 -> ok\n  end.");
    assert_eq!(e.message, "`end` missing for `receive` opened at line 2");
    assert_eq!((e.line, e.column), (6, 6));
    let e = error("f(X) ->\n  case X of\n    1 -> ok.");
    assert_eq!(e.message, "`end` missing for `case` opened at line 2");
    assert!(e.hint.unwrap().contains("line 2, column 3"));
}

#[test]
fn a_missing_final_dot_is_reported_at_the_end() {
    let e = error("f() -> ok");
    assert_eq!(e.message, "expected `.` at the end of function f/0");
    assert_eq!((e.line, e.column), (1, 10));
}

#[test]
fn integer_literals_have_no_bound_but_durations_do() {
    // 2^63 and 2^100 are integers like any other.
    let parsed = parse_module(
        "m",
        "f() -> 1 + 9223372036854775808. g() -> 16#10000000000000000000000000.",
    );
    assert!(parsed.is_ok(), "{parsed:?}");
    // A duration past 2^63 - 1 ms is an error with a caret under it.
    let e = error("f() -> receive after 9999999999999999999s -> ok end.");
    assert_eq!((e.line, e.column), (1, 22));
    assert_eq!(e.message, "this duration is too long");
    let e = error("f() -> receive after 999999999999999999s -> ok end.");
    assert_eq!(e.message, "this duration is too long");
}

#[test]
fn durations_outside_after_are_rejected() {
    let e = error("f() -> X = 30s.");
    assert_eq!((e.line, e.column), (1, 12));
    assert!(e.message.contains("only allowed as the timeout of `after`"));
    let e = error("f() -> 30sec.");
    assert_eq!(e.message, "a number cannot be followed by letters");
}

#[test]
fn unclosed_strings_and_atoms_point_at_their_opening_quote() {
    let e = error("f() ->\n  \"abc.");
    assert_eq!((e.line, e.column), (2, 3));
    assert_eq!(e.message, "this string is never closed");
    let e = error("f() -> 'abc.");
    assert_eq!(e.message, "this quoted atom is never closed");
}

#[test]
fn illegal_patterns_are_rejected_where_they_are() {
    let e = error("f(X + 1) -> X.");
    assert_eq!((e.line, e.column), (1, 5));
    assert_eq!(e.message, "illegal pattern");
    let e = error("f() -> g() = 1.");
    assert_eq!(e.message, "illegal pattern");
}

#[test]
fn comparisons_do_not_chain() {
    let e = error("f(A, B, C) -> A < B < C.");
    assert_eq!(e.message, "comparisons do not chain");
}

#[test]
fn unsupported_erlang_is_named() {
    let e = error("f() -> maybe ok end.");
    assert_eq!(e.message, "`maybe` is not supported by the playground");
}

#[test]
fn a_function_name_must_be_an_atom() {
    let e = error("Start() -> ok.");
    assert!(e.message.contains("variable `Start`"), "{}", e.message);
    assert!(e.hint.unwrap().contains("lowercase"));
}

#[test]
fn an_empty_body_is_an_error() {
    let e = error("f() -> .");
    assert!(
        e.message.starts_with("expected the clause's body"),
        "{}",
        e.message
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("f() -> {}1{}.", "(".repeat(10_000), ")".repeat(10_000));
    let e = error(&deep);
    assert_eq!(e.message, "nested too deep");
    // The caret is on a bracket, one of the first levels past the limit
    // (the clause's body counts as a level too).
    assert_eq!(e.len, 1);
    assert!((8..=8 + MAX_DEPTH).contains(&e.column), "{}", e.column);
    assert_eq!(&deep[e.column - 1..e.column], "(");
    let long_sum = format!("f() -> 1{}.", " + 1".repeat(10_000));
    assert_eq!(error(&long_sum).message, "nested too deep");
    let lists = format!("f() -> {}{}.", "[".repeat(8_000), "]".repeat(8_000));
    assert_eq!(error(&lists).message, "nested too deep");
    let negations = format!("f() -> {}1.", "-".repeat(10_000));
    assert!(parse_module("m", &negations).is_err());
    let long_list = format!("f() -> [{}].", vec!["1"; 5000].join(", "));
    assert!(error(&long_list).message.contains("at most 1000 elements"));
    // Just under the limits is fine.
    let nested = format!("f() -> {}1{}.", "(".repeat(60), ")".repeat(60));
    assert!(parse_module("m", &nested).is_ok());
}

#[test]
fn an_empty_definition_has_no_functions() {
    assert!(module("").functions.is_empty());
    assert!(module("  % nothing\n").functions.is_empty());
}

#[test]
fn try_keeps_each_catch_clause_as_class_reason_stack() {
    assert_eq!(
        body("try g() of X -> X catch E -> E; error:R:S when R > 1 -> S; _:_ -> z after h() end"),
        "try g() of X -> X catch {throw, E, _} -> E; {error, R, S} when (> R 1) -> S; {_, _, _} -> z after h() end"
    );
    assert_eq!(body("try a after b end"), "try a after b end");
}

#[test]
fn catch_takes_the_whole_expression_after_it() {
    assert_eq!(body("catch X = g()"), "(catch (= X g()))");
    assert_eq!(body("Y = catch g()"), "(= Y (catch g()))");
    assert_eq!(body("P ! catch g()"), "(! P (catch g()))");
}

#[test]
fn try_needs_catch_or_after_and_a_real_class() {
    let e = error("f() -> try a end.");
    assert!(
        e.message.contains("expected `catch` or `after`"),
        "{}",
        e.message
    );
    let e = error("f() -> try a catch oops:X -> X end.");
    assert_eq!(e.message, "`oops` is not a class of exception");
    let e = error("f() -> try a catch error:X:{S} -> X end.");
    assert!(
        e.message.contains("a variable for the stacktrace"),
        "{}",
        e.message
    );
}

#[test]
fn a_struct_attribute_names_the_fields_in_order_and_is_kept() {
    let parsed = parse_module(
        "m",
        "-module(m).\n-struct([key, term, message]).\n-struct(not_a_list).\nf() -> ok.\n",
    )
    .unwrap_or_else(|e| panic!("{}", e.render(None)));
    assert_eq!(
        parsed.attributes.struct_fields,
        Some(vec!["key".into(), "term".into(), "message".into()])
    );
    assert_eq!(
        parsed.attributes.kept,
        ["-struct([key, term, message]).", "-struct(not_a_list)."]
    );
    let empty = parse_module("m", "-struct([]).\nf() -> ok.\n").unwrap();
    assert_eq!(empty.attributes.struct_fields, Some(vec![]));
}
