%% The corpus driver for Learn You Some Erlang's ppool.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_ppool).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    show("element(1, ppool:start_link())", element(1, ppool:start_link())),
    show("element(1, ppool:start_pool(nagger, 2, {ppool_nagger, start_link, []}))", element(1, ppool:start_pool(nagger, 2, {ppool_nagger, start_link, []}))),
    show("element(1, ppool:run(nagger, [\"finish the chapter!\", 10, 2, self()]))", element(1, ppool:run(nagger, ["finish the chapter!", 10, 2, self()]))),
    show("element(1, ppool:run(nagger, [\"Watch a good movie\", 25, 2, self()]))", element(1, ppool:run(nagger, ["Watch a good movie", 25, 2, self()]))),
    show("ppool:run(nagger, [\"clean up a bit\", 10, 2, self()])", ppool:run(nagger, ["clean up a bit", 10, 2, self()])),
    Tasks = [receive {_, Task} -> Task end || _ <- lists:seq(1, 4)], timer:sleep(100),
    show("length(Tasks)", length(Tasks)),
    show("lists:usort(Tasks)", lists:usort(Tasks)),
    show("ppool:async_queue(nagger, [\"Pay the bills\", 30, 1, self()])", ppool:async_queue(nagger, ["Pay the bills", 30, 1, self()])),
    show("ppool:async_queue(nagger, [\"Take a shower\", 35, 1, self()])", ppool:async_queue(nagger, ["Take a shower", 35, 1, self()])),
    show("ppool:async_queue(nagger, [\"Plant a tree\", 40, 1, self()])", ppool:async_queue(nagger, ["Plant a tree", 40, 1, self()])),
    Queued = [receive {_, Task} -> Task end || _ <- lists:seq(1, 3)], timer:sleep(100),
    show("lists:sort(Queued)", lists:sort(Queued)),
    show("element(1, ppool:sync_queue(nagger, [\"Pet a dog\", 20, 1, self()]))", element(1, ppool:sync_queue(nagger, ["Pet a dog", 20, 1, self()]))),
    show("element(1, ppool:sync_queue(nagger, [\"Make some noise\", 25, 1, self()]))", element(1, ppool:sync_queue(nagger, ["Make some noise", 25, 1, self()]))),
    Synced = [receive {_, Task} -> Task end || _ <- lists:seq(1, 2)], timer:sleep(100),
    show("Synced", Synced),
    show("ppool:stop_pool(nagger)", ppool:stop_pool(nagger)),
    show("whereis(nagger)", whereis(nagger)),
    show("ppool:stop()", ppool:stop()),
    show("receive {'EXIT', _, Why} -> Why end", receive {'EXIT', _, Why} -> Why end),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
