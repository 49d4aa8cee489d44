%% Starts exported supervisor modules on the BEAM and prints the shape of
%% each tree, for tests/otp_programs/trees.rs:
%%
%%     erl -noshell -pa DIR -run lic_tree main SUP...
%%
%% prints `tree SUP`, then a line per child, in start order, indented by
%% depth: `Id Type Modules Running`.
%%
%%     erl -noshell -pa DIR -pa EBIN -run lic_tree app APP SUP...
%%
%% starts the application APP (an `export app` project, built) and prints
%% the shape of each of its trees the same way.
-module(lic_tree).
-export([main/1, app/1]).

main(Names) ->
    logger:set_primary_config(level, none),
    lists:foreach(fun start/1, Names),
    halt(0).

app([App | Names]) ->
    logger:set_primary_config(level, none),
    {ok, _} = application:ensure_all_started(list_to_atom(App)),
    lists:foreach(
        fun(Name) ->
            io:format("tree ~s~n", [Name]),
            shape(whereis(list_to_atom(Name)), 1)
        end,
        Names
    ),
    halt(0).

start(Name) ->
    io:format("tree ~s~n", [Name]),
    Module = list_to_atom(Name),
    case Module:start_link() of
        {ok, Pid} ->
            unlink(Pid),
            shape(Pid, 1);
        Other ->
            io:format("failed ~w~n", [Other])
    end.

shape(Sup, Depth) ->
    Children = lists:reverse(supervisor:which_children(Sup)),
    lists:foreach(
        fun({Id, Child, Type, Modules}) ->
            Indent = lists:duplicate(Depth * 2, $\s),
            io:format("~s~w ~w ~w ~w~n", [Indent, Id, Type, Modules, is_pid(Child)]),
            case Type of
                supervisor when is_pid(Child) -> shape(Child, Depth + 1);
                _ -> ok
            end
        end,
        Children
    ).
