%% The exception structs, Exception.normalize/3 and the messages that do
%% not inspect a term.
-module(ex_exception).
-export([main/0]).

-include("driver.hrl").

main() ->
    E = 'Elixir.Exception',
    Mods = ['Elixir.RuntimeError', 'Elixir.ArgumentError', 'Elixir.ArithmeticError', 'Elixir.KeyError',
            'Elixir.MatchError', 'Elixir.CaseClauseError', 'Elixir.FunctionClauseError',
            'Elixir.UndefinedFunctionError', 'Elixir.BadMapError', 'Elixir.Enum.EmptyError',
            'Elixir.Enum.OutOfBoundsError', 'Elixir.ErlangError', 'Elixir.SystemLimitError',
            'Elixir.CondClauseError', 'Elixir.TryClauseError', 'Elixir.WithClauseError',
            'Elixir.BadFunctionError', 'Elixir.BadArityError', 'Elixir.BadBooleanError',
            'Elixir.BadStructError', 'Elixir.Protocol.UndefinedError'],
    lists:foreach(fun(M) -> p(M:exception([])) end, Mods),
    p('Elixir.RuntimeError':exception(<<"boom">>)),
    p('Elixir.ArgumentError':exception([{message, <<"bad">>}])),
    p('Elixir.KeyError':exception([{key, k}, {term, #{}}])),
    try_(fun() -> 'Elixir.KeyError':exception([{nope, 1}]) end),
    p([E:message(M:exception([])) || M <- ['Elixir.RuntimeError', 'Elixir.ArgumentError', 'Elixir.ArithmeticError',
                                            'Elixir.Enum.EmptyError', 'Elixir.Enum.OutOfBoundsError', 'Elixir.SystemLimitError',
                                            'Elixir.CondClauseError']]),
    p(E:message('Elixir.KeyError':exception([{key, k}, {message, <<"custom">>}]))),
    p(E:message('Elixir.FunctionClauseError':exception([]))),
    Reasons = [badarg, badarith, system_limit, cond_clause, {badmatch, 1}, {badmap, x}, {badkey, k},
               {badkey, k, #{a => 1}}, {case_clause, 2}, {with_clause, 3}, {try_clause, 4},
               {badfun, 5}, {badbool, 'and', 6}, {badstruct, s, 7}, {something, other}, nope],
    lists:foreach(fun(R) -> p(E:normalize(error, R, [])) end, Reasons),
    p(E:normalize(error, undef, [{m, f, [1, 2], []}])),
    p(E:normalize(error, function_clause, [{m, f, 3, []}])),
    p(E:normalize(exit, badarith, [])),
    p(E:normalize(throw, x, [])),
    p(E:normalize(error, 'Elixir.RuntimeError':exception(<<"kept">>), [])),
    p({E:'exception?'('Elixir.RuntimeError':exception([])), E:'exception?'(#{}), E:'exception?'(x)}),
    %% Banners whose text needs no inspect of a term.
    p(E:format(error, badarith, [])),
    p(E:format(error, badarg, [])),
    p(E:format(error, 'Elixir.RuntimeError':exception(<<"boom">>), [])),
    p(E:format(error, 'Elixir.Enum.EmptyError':exception([]), [])),
    p(E:format_banner(error, 'Elixir.FunctionClauseError':exception([{module, 'Elixir.Enum'}, {function, 'member?'}, {arity, 2}]))),
    p(E:format_banner(error, 'Elixir.UndefinedFunctionError':exception([{module, 'Elixir.Foo'}, {function, bar}, {arity, 0}, {message, <<"m">>}]))),
    p(E:format(exit, normal, [])),
    p(E:format_banner(exit, shutdown)),
    p(E:format(exit, killed, [])),
    p(E:format_mfa('Elixir.Enum', map, 2)),
    p(E:format_mfa('Elixir.Enum', 'fetch!', 2)),
    p(E:format_mfa('Elixir.Enum', '__struct__', 0)).
