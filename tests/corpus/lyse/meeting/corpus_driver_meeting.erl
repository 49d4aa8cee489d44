%% The corpus driver for Learn You Some Erlang's meeting.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_meeting).
-export([main/0]).

main() ->
    show("meeting:start()", meeting:start()),
    show("meeting:get_all_bookings()", meeting:get_all_bookings()),
    show("meeting:rent_projector(erlang_group)", meeting:rent_projector(erlang_group)),
    show("meeting:book_room(erlang_group)", meeting:book_room(erlang_group)),
    show("meeting:use_chairs(ocaml_group)", meeting:use_chairs(ocaml_group)),
    show("meeting:get_all_bookings()", meeting:get_all_bookings()),
    show("meeting:stop()", meeting:stop()),
    timer:sleep(10),
    show("whereis(meeting)", whereis(meeting)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
