%% Elixir 1.14's DynamicSupervisor.Default: the callback module of a
%% dynamic supervisor started with options; its init/1 returns the flags.
-module('Elixir.DynamicSupervisor.Default').
-export([init/1]).

init(Flags) -> Flags.
