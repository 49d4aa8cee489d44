%% Float: rounding to decimal digits on the exact value (ties that are
%% not ties in binary), the sign of a zero result, floor and ceil, the
%% precision's range, parse/1 and to_string/1.
-module(ex_float).
-export([main/0]).

-include("driver.hrl").

main() ->
    F = 'Elixir.Float',
    Values = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 2.675, 5.5675, -5.5675, 1.005, 0.125,
              0.375, 123.456789, -123.456789, 1.0e-20, -1.0e-20, 1.0e20, 9.999999,
              0.1, 0.7, 1.0e-300, 4.9e-324, 1.7976931348623157e308, 12345.678901234567],
    lists:foreach(
      fun(X) ->
              p({X, [F:round(X, P) || P <- [0, 1, 2, 3, 7, 15]],
                 [F:floor(X, P) || P <- [0, 2, 5]],
                 [F:ceil(X, P) || P <- [0, 2, 5]],
                 F:round(X), F:floor(X), F:ceil(X), F:to_string(X)})
      end, Values),
    %% A deterministic spread of values, each at a few precisions.
    Spread = [(N * 7919 rem 100003) / 977.0 - 50.0 || N <- lists:seq(1, 300)],
    p([F:round(X, 2) || X <- Spread]),
    p([F:round(X, 4) || X <- Spread]),
    p([F:floor(X, 1) || X <- Spread]),
    p([F:ceil(X, 3) || X <- Spread]),
    try_(fun() -> F:round(1.5, 16) end),
    try_(fun() -> F:round(1.5, -1) end),
    try_(fun() -> F:round(1, 2) end),
    lists:foreach(fun(T) -> p({T, F:parse(T)}) end,
                  [<<"1.5">>, <<"-1.5">>, <<"+2">>, <<"12">>, <<"1.5e3x">>, <<"1e5">>,
                   <<"1.">>, <<"1.e5">>, <<".5">>, <<"abc">>, <<"">>, <<"1.5E-2 rest">>,
                   <<"1e">>, <<"1e+">>, <<"007.50">>, <<"-">>, <<"3.14abc">>]),
    p({F:to_string(1.0e20), F:to_string(0.1), F:to_charlist(2.5), F:max_finite(), F:min_finite()}),
    p(F:pow(2.0, 10)).
