//! Erlang typed at the prompt (`session/erlang_eval.rs`): evaluated as
//! the shell process, its bindings shared with the command language, its
//! exceptions printed as erl prints them.

use super::{has, last, run, session};
use crate::commands::parse_line;
use crate::session::Control;

fn values(script: &str) -> Vec<String> {
    let mut s = session();
    run(&mut s, script)
        .into_iter()
        .filter(|l| !l.starts_with("event: "))
        .collect()
}

#[test]
fn expressions_print_their_values_as_erl_does() {
    assert_eq!(
        values("1 + 2\nlists:seq(1, 5).\n\"abc\"\n[1,2|3].\n#{a => 1}.\nA = 1, B = A + 1, {A, B}."),
        [
            "3",
            "[1,2,3,4,5]",
            "\"abc\"",
            "[1,2|3]",
            "#{a => 1}",
            "{1,2}"
        ]
    );
}

#[test]
fn bindings_are_shared_with_the_command_language() {
    let mut s = session();
    let out = run(
        &mut s,
        "X = lists:seq(1, 3).\nX.\nY = {a, 1}\nY.\nW = spawn counter\nW ! incr.\nexpect alive W",
    );
    assert_eq!(out[0], "[1,2,3]");
    assert_eq!(out[1], "[1,2,3]");
    assert_eq!(out[3], "{a,1}", "{out:?}");
    assert!(has(&out, "incr"), "{out:?}");
    assert!(out.last().unwrap().starts_with("pass"), "{out:?}");
    assert_eq!(s.variables()["X"].to_string(), "[1,2,3]");
}

#[test]
fn self_is_the_shell_and_receive_reads_its_mailbox() {
    let mut s = session();
    let shell = s.shell_pid().to_string();
    let out = run(
        &mut s,
        "self().\nself() ! hello.\nflush().\nself() ! again, receive M -> M after 0 -> none end.\nreceive M2 -> M2 after 0 -> none end.",
    );
    assert_eq!(out[0], shell);
    assert_eq!(&out[2..4], ["Shell got hello", "ok"]);
    assert_eq!(out[4], "again");
    assert_eq!(out[5], "none");
}

#[test]
fn a_spawned_fun_answers_the_shell() {
    let out = values(
        "P = spawn(fun() -> receive {From, M} -> From ! {echo, M} end end).\nP ! {self(), hi}.\nreceive {echo, E} -> E after 1000 -> timeout end.",
    );
    assert_eq!(out[2], "hi", "{out:?}");
}

#[test]
fn exceptions_print_as_erl_prints_them_and_the_shell_goes_on() {
    let mut s = session();
    let out = run(
        &mut s,
        "{ok, Y} = {error, 3}.\nexit(foo).\nthrow(bar).\nhd([]).\n1 + 1.",
    );
    assert_eq!(
        out[0],
        "error: ** exception error: no match of right hand side value {error,3}"
    );
    assert_eq!(out[1], "error: ** exception exit: foo");
    assert_eq!(out[2], "error: ** exception throw: bar");
    assert_eq!(
        out[3],
        "error: ** exception error: bad argument\n     in function  hd/1\n        called as hd([])"
    );
    assert_eq!(last(&out), "2");
    assert!(!s.variables().contains_key("Y"));
}

#[test]
fn an_unbound_variable_is_a_compile_error_with_a_caret() {
    let out = values("Z.");
    assert!(
        out[0].starts_with("error: variable 'Z' is unbound"),
        "{out:?}"
    );
    assert!(out[0].contains('^'), "{out:?}");
}

#[test]
fn a_receive_that_can_never_end_does_not_hang_and_leaves_the_shell_usable() {
    let mut s = session();
    let out = run(
        &mut s,
        "receive X -> X end.\nself() ! later.\nreceive Y -> Y after 0 -> none end.",
    );
    assert!(out[0].contains("would wait for ever"), "{out:?}");
    // The abandoned receive took nothing: the next one gets the message.
    assert_eq!(last(&out), "later");
}

#[test]
fn an_exit_that_kills_the_shell_starts_a_new_one_keeping_the_variables() {
    let mut s = session();
    let old = s.shell_pid();
    let out = run(
        &mut s,
        "K = 1.\nP = spawn_link(fun() -> receive go -> exit(boom) end end).\nP ! go.\nK.",
    );
    assert!(has(&out, "exited: boom"), "{out:?}");
    assert_ne!(s.shell_pid(), old);
    assert_eq!(last(&out), "1");
}

#[test]
fn shell_functions_forget_list_and_quit() {
    let mut s = session();
    let out = run(&mut s, "X = 1.\nY = 2.\nf(X).\nb().");
    assert_eq!(&out[3..], ["Y = 2", "ok"]);
    run(&mut s, "f().");
    assert!(s.variables().is_empty());
    let quit = s.eval(&parse_line("q().").unwrap().unwrap());
    assert_eq!(quit.control, Control::Quit);
    let undefined = values("foo(1).\nX = 1, f(X).");
    assert!(
        undefined[0].contains("undefined shell command foo/1"),
        "{undefined:?}"
    );
    assert!(undefined[1].contains("stands alone"), "{undefined:?}");
}

#[test]
fn l_loads_a_definition_again_as_a_new_version() {
    let mut s = session();
    let out = run(
        &mut s,
        "def greet { hi() -> hello. }\nl(greet).\ngreet:hi().\nl(nothing).",
    );
    assert!(has(&out, "{module,greet}"), "{out:?}");
    assert!(has(&out, "greet@2"), "{out:?}");
    assert_eq!(out[out.len() - 2], "hello");
    assert_eq!(last(&out), "{error,nofile}");
}

#[test]
fn only_the_variables_a_line_names_go_in_and_the_others_stay() {
    let mut s = session();
    let bind: String = (0..50).map(|i| format!("V{i} = {i}.\n")).collect();
    run(&mut s, &bind);
    let out = run(&mut s, "W = V7 + V8, {W, V49}.\nV3.");
    assert_eq!(out, ["{15,49}", "3"]);
    assert_eq!(s.variables().len(), 51);
    assert_eq!(s.variables()["W"].to_string(), "15");
}

#[test]
fn pid_makes_a_pid_inside_any_expression() {
    let mut s = session();
    let out = run(
        &mut s,
        "W = spawn counter\nP = pid(0, 2, 0), P =:= W.\nexit(pid(0, 2, 0), kill).\nexpect dead W killed\npid(0, W, 0).",
    );
    assert!(has(&out, "true"), "{out:?}");
    assert!(has(&out, "pass"), "{out:?}");
    assert!(last(&out).contains("pid/3 takes three integers"), "{out:?}");
    assert_eq!(s.variables()["P"].to_string(), "<0.2.0>");
    assert!(s.variables().keys().all(|name| !name.contains('$')));
}

#[test]
fn after_an_expression_the_shell_is_no_longer_in_its_code() {
    let mut s = session();
    let out = run(&mut s, "1 + 1.\nreceive X -> X end.\ni().");
    let table = last(&out);
    assert!(table.contains("shell"), "{out:?}");
    assert!(!table.contains("erl_eval"), "{out:?}");
}

#[test]
fn a_variable_bound_in_the_clause_that_ran_is_bound_as_in_erl() {
    let mut s = session();
    let out = run(
        &mut s,
        "self() ! {x, 1}.\nreceive {x, Why} -> Why after 100 -> none end.\nWhy.\nreceive {x, Not} -> Not after 0 -> none end.\ncase 5 of 5 -> Five = five; _ -> other end, ok.\nFive.",
    );
    assert_eq!(out[1], "1");
    assert_eq!(out[2], "1");
    assert_eq!(out[3], "none");
    assert!(
        !s.variables().contains_key("Not"),
        "the clause that ran bound nothing"
    );
    assert_eq!(last(&out), "five");
}

#[test]
fn no_definition_may_take_the_shells_module_name() {
    let out = values("def erl_eval { f() -> ok. }");
    assert!(out[0].contains("cannot define `erl_eval`"), "{out:?}");
}
