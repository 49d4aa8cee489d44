%% Elixir 1.14's Access, what `container[key]` calls (the front end lowers
%% it to 'Elixir.Access':get/2): maps by key, keyword lists by atom key,
%% nil as empty, and a struct only through its own fetch/2 (structs do not
%% implement Access unless their module says so).
-module('Elixir.Access').
-export([get/2, get/3, fetch/2, 'fetch!'/2]).

get(Container, Key) -> get(Container, Key, nil).

get(#{'__struct__' := Module} = Struct, Key, Default) when is_atom(Module) ->
    case struct_fetch(Module, Struct, Key) of
        {ok, Value} -> Value;
        error -> Default
    end;
get(Map, Key, Default) when is_map(Map) ->
    case Map of
        #{Key := Value} -> Value;
        _ -> Default
    end;
get(List, Key, Default) when is_list(List), is_atom(Key) ->
    case lists:keyfind(Key, 1, List) of
        {_, Value} -> Value;
        false -> Default
    end;
get(List, Key, _Default) when is_list(List) -> keyword_key_error(Key);
get(nil, _Key, Default) -> Default;
get(Container, Key, Default) -> erlang:error(function_clause, [Container, Key, Default]).

fetch(#{'__struct__' := Module} = Struct, Key) when is_atom(Module) ->
    struct_fetch(Module, Struct, Key);
fetch(Map, Key) when is_map(Map) ->
    case Map of
        #{Key := Value} -> {ok, Value};
        _ -> error
    end;
fetch(List, Key) when is_list(List), is_atom(Key) ->
    case lists:keyfind(Key, 1, List) of
        {_, Value} -> {ok, Value};
        false -> error
    end;
fetch(List, Key) when is_list(List) -> keyword_key_error(Key);
fetch(nil, _Key) -> error;
fetch(Container, Key) -> erlang:error(function_clause, [Container, Key]).

'fetch!'(Container, Key) ->
    case fetch(Container, Key) of
        {ok, Value} -> Value;
        error -> erlang:error('Elixir.KeyError':exception([{key, Key}, {term, Container}]))
    end.

%% A struct's module implements Access with fetch/2, or it does not.
struct_fetch(Module, Struct, Key) ->
    case erlang:function_exported(Module, fetch, 2) of
        true -> Module:fetch(Struct, Key);
        false ->
            Name = 'Elixir.Kernel':inspect(Module),
            erlang:error('Elixir.UndefinedFunctionError':exception([
                {module, Module}, {function, fetch}, {arity, 2},
                {message, <<"function ", Name/binary, ".fetch/2 is undefined (", Name/binary,
                            " does not implement the Access behaviour. If you are using "
                            "get_in/put_in/update_in, you can specify the field to be accessed "
                            "using Access.key!/1)">>}]))
    end.

keyword_key_error(Key) ->
    erlang:error('Elixir.ArgumentError':exception([{message,
        <<"the Access calls for keywords expect the key to be an atom, got: ",
          ('Elixir.Kernel':inspect(Key))/binary>>}])).
