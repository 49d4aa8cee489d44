%% Runs the corpus on the BEAM for tests/corpus.rs: each directory given
%% is an entry; its .erl files are compiled as erlc compiles them (headers
%% from the same directory), loaded, and its driver's main/0 called; then
%% they are purged, so that the next entry may have modules of the same
%% name (exercism's are all `example`). One erl for the whole corpus.
-module(corpus_runner).
-export([main/1]).

main(Dirs) ->
    lists:foreach(fun run/1, Dirs),
    halt().

run(Dir) ->
    Name = filename:basename(Dir),
    io:format("==== corpus entry ~s~n", [Name]),
    Files = lists:sort(filelib:wildcard(filename:join(Dir, "*.erl"))),
    Loaded = [compile_and_load(File, Dir) || File <- Files],
    case lists:all(fun(M) -> is_atom(M) end, Loaded) of
        true ->
            %% A process of its own, as letitcrash spawns it: an entry's
            %% links, trapped exits and messages end with it.
            Driver = list_to_atom("corpus_driver_" ++ Name),
            {Pid, Ref} = spawn_monitor(Driver, main, []),
            receive
                {'DOWN', Ref, process, Pid, normal} -> ok;
                {'DOWN', Ref, process, Pid, Reason} ->
                    io:format("driver crashed: ~p~n", [Reason])
            end;
        false ->
            ok
    end,
    [unload(M) || M <- Loaded, is_atom(M)],
    ok.

compile_and_load(File, Dir) ->
    case compile:file(File, [binary, return_errors, {i, Dir}]) of
        {ok, Module, Binary} ->
            unload(Module),
            {module, Module} = code:load_binary(Module, File, Binary),
            Module;
        {error, Errors, _} ->
            io:format("compile_error ~s: ~p~n", [filename:basename(File), Errors]),
            error
    end.

unload(Module) ->
    code:purge(Module),
    code:delete(Module),
    code:purge(Module).
