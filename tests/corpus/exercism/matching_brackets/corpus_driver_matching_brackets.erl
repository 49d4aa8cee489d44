%% The corpus driver for exercism's matching_brackets exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_matching_brackets).
-export([main/0]).

main() ->
    show("example:is_paired(\"[]\")", example:is_paired("[]")),
    show("example:is_paired(\"{[)][]}\")", example:is_paired("{[)][]}")),
    show("example:is_paired(\"\\\\left(\\\\begin{array}{cc} \\\\frac{1}{3} & x\\\\\\\\ \\\\mathrm{e}^{x} &... x^2 \\\\end{array}\\\\right)\")", example:is_paired("\\left(\\begin{array}{cc} \\frac{1}{3} & x\\\\ \\mathrm{e}^{x} &... x^2 \\end{array}\\right)")),
    show("example:is_paired(\"([{}({}[])])\")", example:is_paired("([{}({}[])])")),
    show("example:is_paired(\"{[\")", example:is_paired("{[")),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
