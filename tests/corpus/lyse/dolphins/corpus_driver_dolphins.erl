%% The corpus driver for Learn You Some Erlang's dolphins.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_dolphins).
-export([main/0]).

main() ->
    D1 = spawn(dolphins, dolphin1, []), D1 ! fish, wait_for(D1),
    D2 = spawn(dolphins, dolphin2, []), D2 ! {self(), do_a_flip},
    show("receive M2 -> M2 end", receive M2 -> M2 end),
    D3 = spawn(dolphins, dolphin3, []), D3 ! {self(), do_a_flip},
    show("receive M3 -> M3 end", receive M3 -> M3 end),
    D3 ! oh_hello, D3 ! {self(), fish},
    show("receive M4 -> M4 end", receive M4 -> M4 end),
    wait_for(D3),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.

wait_for(Pid) ->
    Ref = erlang:monitor(process, Pid),
    receive
        {'DOWN', Ref, process, Pid, _} -> ok
    end.
