%% The corpus driver for Learn You Some Erlang's records.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_records).
-export([main/0]).

main() ->
    show("records:first_robot()", records:first_robot()),
    show("records:car_factory(\"Jokeswagen\")", records:car_factory("Jokeswagen")),
    show("records:admin_panel({user, 1, \"ferd\", admin, 96})", records:admin_panel({user, 1, "ferd", admin, 96})),
    show("records:admin_panel({user, 2, \"you\", users, 66})", records:admin_panel({user, 2, "you", users, 66})),
    show("records:adult_section({user, 21, \"Bill Clinton\", president, 72})", records:adult_section({user, 21, "Bill Clinton", president, 72})),
    show("records:adult_section({user, 22, \"Noah\", children, 13})", records:adult_section({user, 22, "Noah", children, 13})),
    show("records:repairman(records:first_robot())", records:repairman(records:first_robot())),
    show("records:included()", records:included()),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
