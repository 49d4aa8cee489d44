%% What every driver prints with: p/1 a term as ~p writes it, w/1 as ~w
%% does (text beyond ASCII, which the two sides print differently with
%% ~p), try_/1 a call's value or the exception it raised.
-compile({nowarn_unused_function, [{p, 1}, {w, 1}, {try_, 1}]}).

p(X) -> io:format("~p~n", [X]).

w(X) -> io:format("~w~n", [X]).

try_(F) ->
    try F() of
        V -> p({ok, V})
    catch
        C:R -> io:format("~p ~p~n", [C, R])
    end.
