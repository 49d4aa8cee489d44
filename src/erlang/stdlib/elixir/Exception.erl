%% Elixir 1.14's Exception: turning an Erlang reason into Elixir's
%% exception struct (normalize/3, as ErlangError.normalize/2 does), the
%% message of one, and the banner `** (RuntimeError) boom` that iex and
%% the views print for a crash (format/2,3).
-module('Elixir.Exception').
-export(['exception?'/1, message/1, normalize/3, format_banner/2,
         format_banner/3, format/2, format/3, format_stacktrace/1,
         format_stacktrace_entry/1, format_mfa/3, format_exit/1, '$type'/1,
         '$fill'/2]).

'exception?'(#{'__struct__' := _, '__exception__' := true}) -> true;
'exception?'(_) -> false.

message(#{'__struct__' := Mod, '__exception__' := true} = Exception) -> Mod:message(Exception).

normalize(error, Reason, Stacktrace) -> normalize_error(Reason, Stacktrace);
normalize(_Kind, Payload, _Stacktrace) -> Payload.

normalize_error(#{'__exception__' := true} = Exception, _) -> Exception;
normalize_error(badarg, _) -> 'Elixir.ArgumentError':exception([]);
normalize_error(badarith, _) -> 'Elixir.ArithmeticError':exception([]);
normalize_error(system_limit, _) -> 'Elixir.SystemLimitError':exception([]);
normalize_error(cond_clause, _) -> 'Elixir.CondClauseError':exception([]);
normalize_error({badarity, {Fun, Args}}, _) -> 'Elixir.BadArityError':exception([{function, Fun}, {args, Args}]);
normalize_error({badfun, Term}, _) -> 'Elixir.BadFunctionError':exception([{term, Term}]);
normalize_error({badstruct, Struct, Term}, _) -> 'Elixir.BadStructError':exception([{struct, Struct}, {term, Term}]);
normalize_error({badmatch, Term}, _) -> 'Elixir.MatchError':exception([{term, Term}]);
normalize_error({badmap, Term}, _) -> 'Elixir.BadMapError':exception([{term, Term}]);
normalize_error({badbool, Op, Term}, _) -> 'Elixir.BadBooleanError':exception([{operator, Op}, {term, Term}]);
%% The map a badkey names comes from the failing call's arguments, as
%% Elixir 1.14's ErlangError.normalize/2 reads them from the stack.
normalize_error({badkey, Key}, [{maps, get, [_, Map], _} | _]) ->
    'Elixir.KeyError':exception([{key, Key}, {term, Map}]);
normalize_error({badkey, Key}, [{erlang, map_get, [_, Map], _} | _]) ->
    'Elixir.KeyError':exception([{key, Key}, {term, Map}]);
normalize_error({badkey, Key}, _) -> 'Elixir.KeyError':exception([{key, Key}]);
normalize_error({badkey, Key, Map}, _) -> 'Elixir.KeyError':exception([{key, Key}, {term, Map}]);
normalize_error({case_clause, Term}, _) -> 'Elixir.CaseClauseError':exception([{term, Term}]);
normalize_error({with_clause, Term}, _) -> 'Elixir.WithClauseError':exception([{term, Term}]);
normalize_error({try_clause, Term}, _) -> 'Elixir.TryClauseError':exception([{term, Term}]);
normalize_error({badarg, Payload}, _) ->
    'Elixir.ArgumentError':exception([{message, <<"argument error: ", ('Elixir.Kernel':inspect(Payload))/binary>>}]);
normalize_error(undef, [{M, F, A, _} | _]) ->
    'Elixir.UndefinedFunctionError':exception([{module, M}, {function, F}, {arity, arity(A)}]);
normalize_error(undef, _) -> 'Elixir.UndefinedFunctionError':exception([]);
normalize_error(function_clause, [{M, F, A, _} | _]) ->
    'Elixir.FunctionClauseError':exception([{module, M}, {function, F}, {arity, arity(A)}]);
normalize_error(function_clause, _) -> 'Elixir.FunctionClauseError':exception([]);
normalize_error(Other, _) -> 'Elixir.ErlangError':exception([{original, Other}]).

arity(Args) when is_list(Args) -> length(Args);
arity(Arity) -> Arity.

%% `** (Module) message` for an error, `** (exit) reason`, `** (throw) value`.
format_banner(Kind, Payload) -> format_banner(Kind, Payload, []).

format_banner(error, Payload, Stacktrace) ->
    Exception = normalize(error, Payload, Stacktrace),
    #{'__struct__' := Mod} = Exception,
    <<"** (", (module_name(Mod))/binary, ") ", (message(Exception))/binary>>;
format_banner(exit, Reason, _) -> <<"** (exit) ", (format_exit(Reason))/binary>>;
format_banner(throw, Value, _) -> <<"** (throw) ", ('Elixir.Kernel':inspect(Value))/binary>>;
format_banner({'EXIT', Pid}, Reason, _) ->
    <<"** (EXIT from ", ('Elixir.Kernel':inspect(Pid))/binary, ") ", (format_exit(Reason))/binary>>.

format(Kind, Payload) -> format(Kind, Payload, []).

format(Kind, Payload, Stacktrace) ->
    Banner = format_banner(Kind, Payload, Stacktrace),
    case Stacktrace of
        [] -> Banner;
        _ -> <<Banner/binary, "\n", (format_stacktrace(Stacktrace))/binary>>
    end.

format_stacktrace(Stacktrace) ->
    'Elixir.Enum':map_join(Stacktrace, <<>>, fun(Entry) -> <<"    ", (format_stacktrace_entry(Entry))/binary, "\n">> end).

format_stacktrace_entry({M, F, A, Location}) ->
    Where = case {proplists:get_value(file, Location), proplists:get_value(line, Location)} of
        {undefined, _} -> <<"(unknown file)">>;
        {File, undefined} -> 'Elixir.String.Chars':to_string(File);
        {File, Line} -> <<('Elixir.String.Chars':to_string(File))/binary, ":", (integer_to_binary(Line))/binary>>
    end,
    <<Where/binary, ": ", (format_mfa(M, F, A))/binary>>;
format_stacktrace_entry(Other) -> 'Elixir.Kernel':inspect(Other).

%% `Enum.map/2`, `:lists.reverse/1`; `Enum.map([1], :x)` when given the
%% arguments.
format_mfa(M, F, Args) when is_list(Args) ->
    Shown = 'Elixir.Enum':map_join(Args, <<", ">>, fun 'Elixir.Kernel':inspect/1),
    <<(module_name(M))/binary, ".", (format_fun_name(F))/binary, "(", Shown/binary, ")">>;
format_mfa(M, F, A) ->
    <<(module_name(M))/binary, ".", (format_fun_name(F))/binary, "/", (integer_to_binary(A))/binary>>.

%% An Elixir module as its alias (`Enum.EmptyError`, as inspect writes
%% it), so that a banner needs the inspect BIF only for Erlang modules.
module_name(Mod) ->
    case atom_to_binary(Mod) of
        <<"Elixir.", Alias/binary>> -> Alias;
        _ -> 'Elixir.Kernel':inspect(Mod)
    end.

%% A function name as Elixir writes it after the dot: plain when it is
%% an identifier (`map`, `member?`), quoted otherwise.
format_fun_name(F) ->
    Text = atom_to_binary(F),
    case is_identifier(binary_to_list(Text)) of
        true -> Text;
        false ->
            <<":", Quoted/binary>> = 'Elixir.Kernel':inspect(F),
            Quoted
    end.

is_identifier([C | Rest]) when C >= $a, C =< $z; C =:= $_ -> identifier_tail(Rest);
is_identifier(_) -> false.

identifier_tail([]) -> true;
identifier_tail([C]) when C =:= $?; C =:= $! -> true;
identifier_tail([C | Rest]) when C >= $a, C =< $z; C >= $A, C =< $Z; C >= $0, C =< $9; C =:= $_ -> identifier_tail(Rest);
identifier_tail(_) -> false.

%% What Elixir writes for an exit reason in a banner.
format_exit(normal) -> <<"normal">>;
format_exit(shutdown) -> <<"shutdown">>;
format_exit({shutdown, Term}) -> <<"shutdown: ", ('Elixir.Kernel':inspect(Term))/binary>>;
format_exit(killed) -> <<"killed">>;
format_exit(noproc) -> <<"no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started">>;
format_exit(timeout) -> <<"time out">>;
format_exit(calling_self) -> <<"process attempted to call itself">>;
format_exit({Reason, {M, F, Args}}) when is_atom(M), is_atom(F), is_list(Args) ->
    <<"exited in: ", (format_mfa(M, F, Args))/binary, "\n    ** (EXIT) ", (format_exit(Reason))/binary>>;
format_exit({Reason, Stacktrace}) when is_list(Stacktrace) ->
    case is_stacktrace(Stacktrace) of
        true -> <<"an exception was raised:\n    ", (format(error, Reason, Stacktrace))/binary>>;
        false -> 'Elixir.Kernel':inspect({Reason, Stacktrace})
    end;
format_exit(Reason) -> 'Elixir.Kernel':inspect(Reason).

is_stacktrace([]) -> false;
is_stacktrace(Entries) -> lists:all(fun({_, _, _, L}) when is_list(L) -> true; (_) -> false end, Entries).

%% Builds a struct from its defaults and the given fields, as struct/2
%% does (what defexception's exception/1 calls): keys the struct lacks
%% are ignored.
'$fill'(Struct, Fields) ->
    lists:foldl(
        fun({Key, Value}, Acc) when Key =/= '__struct__', is_map_key(Key, Acc) -> Acc#{Key := Value};
           (_, Acc) -> Acc
        end,
        Struct, Fields).

%% The type word Protocol.UndefinedError's message uses.
'$type'(V) when is_atom(V) -> <<"Atom">>;
'$type'(V) when is_binary(V) -> <<"BitString">>;
'$type'(V) when is_integer(V) -> <<"Integer">>;
'$type'(V) when is_float(V) -> <<"Float">>;
'$type'(V) when is_list(V) -> <<"List">>;
'$type'(V) when is_tuple(V) -> <<"Tuple">>;
'$type'(#{'__struct__' := Struct}) when is_atom(Struct) -> <<(module_name(Struct))/binary, " (a struct)">>;
'$type'(V) when is_map(V) -> <<"Map">>;
'$type'(V) when is_pid(V) -> <<"PID">>;
'$type'(V) when is_function(V) -> <<"Function">>;
'$type'(V) when is_reference(V) -> <<"Reference">>;
'$type'(_) -> <<"Any">>.
