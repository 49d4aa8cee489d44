%% The corpus driver for Learn You Some Erlang's regis.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_regis).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    show("element(1, regis_sup:start_link())", element(1, regis_sup:start_link())),
    A = spawn(fun() -> receive stop -> ok end end), B = spawn(fun() -> receive stop -> ok end end),
    show("regis:register(alpha, A)", regis:register(alpha, A)),
    show("regis:register(alpha, B)", regis:register(alpha, B)),
    show("regis:register(beta, A)", regis:register(beta, A)),
    show("regis:register(beta, B)", regis:register(beta, B)),
    show("regis:whereis(alpha) =:= A", regis:whereis(alpha) =:= A),
    show("lists:sort(regis:get_names())", lists:sort(regis:get_names())),
    show("regis:unregister(alpha)", regis:unregister(alpha)),
    show("regis:whereis(alpha)", regis:whereis(alpha)),
    B ! stop, timer:sleep(10),
    show("regis:get_names()", regis:get_names()),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
