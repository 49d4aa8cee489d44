%% The supervisor callback module of the differential suite: the flags and
%% child specs come as the start argument, as a `sup` block gives them.
-module(lic_sup).
-behaviour(supervisor).
-export([init/1]).

init({Flags, Children}) -> {ok, {Flags, Children}}.
