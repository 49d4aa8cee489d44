%% The corpus driver for Learn You Some Erlang's linkmon.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_linkmon).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    link(spawn(linkmon, chain, [3])),
    show("receive {'EXIT', _, Chain} -> Chain end", receive {'EXIT', _, Chain} -> Chain end),
    Critic = linkmon:start_critic(),
    show("linkmon:judge(Critic, \"Genesis\", \"The Lambda Lies Down on Broadway\")", linkmon:judge(Critic, "Genesis", "The Lambda Lies Down on Broadway")),
    show("linkmon:judge(Critic, \"Johnny Crash\", \"The Token Ring of Fire\")", linkmon:judge(Critic, "Johnny Crash", "The Token Ring of Fire")),
    exit(Critic, kill),
    linkmon:start_critic2(), timer:sleep(10),
    show("linkmon:judge2(\"The Doors\", \"Light my Firewall\")", linkmon:judge2("The Doors", "Light my Firewall")),
    exit(whereis(critic), kill), timer:sleep(10),
    show("linkmon:judge2(\"Rage Against the Turing Machine\", \"Unit Testify\")", linkmon:judge2("Rage Against the Turing Machine", "Unit Testify")),
    exit(whereis(critic), shutdown), timer:sleep(10),
    show("whereis(critic)", whereis(critic)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
