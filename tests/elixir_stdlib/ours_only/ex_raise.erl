%% Kernel.raise/1,2 and reraise/2,3, which Elixir has only as macros (the
%% BEAM has no function to compare with): each check prints whether what
%% was raised is the exception Elixir 1.14's `raise` raises; and the
%% names the playground refuses (the global name server), refused so.
-module(ex_raise).
-export([main/0]).

check(Label, F, Expected) ->
    Got = try F() of V -> {returned, V} catch C:R -> {C, R} end,
    io:format("~p ~p~n", [Label, Got =:= Expected]).

main() ->
    K = 'Elixir.Kernel',
    check(string, fun() -> K:raise(<<"boom">>) end,
          {error, #{'__struct__' => 'Elixir.RuntimeError', '__exception__' => true, message => <<"boom">>}}),
    check(module, fun() -> K:raise('Elixir.ArgumentError') end,
          {error, #{'__struct__' => 'Elixir.ArgumentError', '__exception__' => true, message => <<"argument error">>}}),
    check(module_and_message, fun() -> K:raise('Elixir.ArgumentError', <<"bad">>) end,
          {error, #{'__struct__' => 'Elixir.ArgumentError', '__exception__' => true, message => <<"bad">>}}),
    check(module_and_fields, fun() -> K:raise('Elixir.KeyError', [{key, k}, {term, #{}}]) end,
          {error, #{'__struct__' => 'Elixir.KeyError', '__exception__' => true, key => k, term => #{}, message => nil}}),
    Struct = 'Elixir.Enum.EmptyError':exception([]),
    check(struct, fun() -> K:raise(Struct) end, {error, Struct}),
    check(reraise, fun() -> K:reraise(<<"again">>, []) end,
          {error, #{'__struct__' => 'Elixir.RuntimeError', '__exception__' => true, message => <<"again">>}}),
    check(reraise_module, fun() -> K:reraise('Elixir.ArithmeticError', [], []) end,
          {error, 'Elixir.ArithmeticError':exception([])}),
    check(normalized_back, fun() ->
              try 1 / zero() catch error:R:S -> erlang:error('Elixir.Exception':normalize(error, R, S)) end
          end,
          {error, 'Elixir.ArithmeticError':exception([])}),
    check(to_string, fun() -> K:to_string(12) end, {returned, <<"12">>}),
    check(global_name, fun() -> 'Elixir.Agent':start(fun() -> 0 end, [{name, {global, g}}]) end,
          refused(<<"a {:global, name} needs the global name server, which the playground (one node) does not have: "
                    "name the process with an atom or {:via, Module, Name}">>)),
    check(supervisor_name, fun() -> 'Elixir.Supervisor':start_link([], [{strategy, one_for_one}, {name, {global, s}}]) end,
          refused(<<"expected :name option to be an atom: the playground's supervisors take local names">>)),
    check(truthy, fun() -> [K:'$truthy'(X) || X <- [nil, false, 0, []]] end, {returned, [false, false, true, true]}).

zero() -> 0.

%% The ArgumentError for a name the playground cannot register.
refused(Message) ->
    {error, #{'__struct__' => 'Elixir.ArgumentError', '__exception__' => true, message => Message}}.
