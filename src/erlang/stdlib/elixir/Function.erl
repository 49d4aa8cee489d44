%% Elixir 1.14's Function: info/2 (erlang:fun_info/2), capture/3
%% (erlang:make_fun/3) and identity/1. Not info/1: a local fun's full
%% list (uniq, index, pid...) is the BEAM's own.
-module('Elixir.Function').
-export([info/2, capture/3, identity/1]).

info(Fun, Item) when is_function(Fun) -> erlang:fun_info(Fun, Item).

capture(Module, Function, Arity) -> erlang:make_fun(Module, Function, Arity).

identity(Value) -> Value.
