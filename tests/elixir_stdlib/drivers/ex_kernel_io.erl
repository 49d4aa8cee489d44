%% Kernel's runtime functions, Range, and IO's writing (IO.inspect needs
%% the inspect BIF, which the views' part provides: left out here).
-module(ex_kernel_io).
-export([main/0, '__struct__'/0, '__struct__'/1]).

-include("driver.hrl").

%% A struct of our own for Kernel.struct/2.
'__struct__'() -> #{'__struct__' => ?MODULE, x => 0, y => 0}.
'__struct__'(Fields) -> maps:merge('__struct__'(), maps:from_list(Fields)).

main() ->
    K = 'Elixir.Kernel',
    R = 'Elixir.Range',
    IO = 'Elixir.IO',
    p({K:max(1, 2), K:min(1, 2), K:max(a, 1), K:abs(-3), K:'div'(7, 2), K:'rem'(-7, 2), K:trunc(2.7), K:round(2.5)}),
    p({K:hd([1, 2]), K:tl([1, 2]), K:length([1, 2]), K:elem({a, b}, 1), K:put_elem({a, b}, 0, z), K:tuple_size({}), K:map_size(#{a => 1})}),
    p({K:is_atom(a), K:is_binary(<<>>), K:is_list([]), K:is_map(#{}), K:is_integer(1), K:is_float(1.0), K:is_number(1), K:is_tuple({}),
       K:is_function(fun erlang:abs/1), K:is_function(fun erlang:abs/1, 2), K:is_pid(self()), K:is_boolean(nil), K:is_map_key(#{a => 1}, a)}),
    p({K:apply(fun erlang:abs/1, [-1]), K:apply(lists, reverse, [[1, 2]]), K:'not'(true), K:byte_size(<<"abc">>), K:bit_size(<<"abc">>)}),
    p(K:self() =:= self()),
    p({K:get_in(#{a => #{b => 1}}, [a, b]), K:get_in(#{a => #{b => 1}}, [a, z]), K:get_in([{a, [{b, 2}]}], [a, b]), K:get_in(#{}, [a, b])}),
    p({K:put_in(#{a => #{b => 1}}, [a, b], 2), K:put_in([{a, [{b, 2}]}], [a, b], 3), K:update_in(#{a => #{b => 1}}, [a, b], fun(V) -> V + 10 end)}),
    p({K:struct(?MODULE, [{x, 1}]), K:struct(?MODULE, #{y => 2}), K:struct(?MODULE, [{z, 3}])}),
    try_(fun() -> K:hd([]) end),
    try_(fun() -> K:elem({}, 0) end),
    try_(fun() -> K:apply(nomod, nofun, []) end),
    try_(fun() -> K:throw(ball) end),
    try_(fun() -> K:exit(bye) end),
    p({R:new(1, 5), R:new(5, 1), R:new(1, 10, 3)}),
    p({R:size(R:new(1, 5)), R:size(R:new(5, 1)), R:size(R:new(1, 10, 3)), R:size(R:new(1, 0, 1)), R:size(R:new(10, 1, -4))}),
    p({'Elixir.Enum':to_list(R:new(10, 1, -4)), 'Elixir.Enum':to_list(R:new(1, 0, 1)), 'Elixir.Enum':'member?'(R:new(1, 9, 2), 5)}),
    p(IO:puts(<<"hello">>)),
    p(IO:puts([<<"a">>, $b, [<<"c">>]])),
    p(IO:puts(42)),
    p(IO:puts(an_atom)),
    p(IO:puts(2.5)),
    p(IO:write(<<"written\n">>)),
    p(IO:puts(stdio, <<"to stdio">>)),
    try_(fun() -> IO:puts({no, chars}) end),
    %% The modules export Elixir's functions, not their helpers.
    p([erlang:function_exported('Elixir.Enum', F, A) || {F, A} <- [{map, 2}, {'member?', 2}, {truthy, 1}, {take_, 2}]]),
    p([erlang:function_exported('Elixir.String', F, A) || {F, A} <- [{split, 3}, {cps, 1}]]).
