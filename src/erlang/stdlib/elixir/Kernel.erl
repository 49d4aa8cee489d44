%% Elixir 1.14's Kernel as functions: what Elixir code calls at run time
%% (most of Kernel is inlined to `erlang` by Elixir's compiler, and the
%% front end lowers it the same way; these are for `&Kernel.max/2`,
%% apply/3 and the few that are runtime functions). raise/1,2 build the
%% exception struct and raise it as Elixir's `raise` does; inspect/1,2
%% write a term as Elixir does (the BIF `erlang:'$elixir_inspect'/2`).
-module('Elixir.Kernel').
-export([then/2, tap/2, raise/1, raise/2, reraise/2, reraise/3, to_string/1, to_charlist/1,
         '$truthy'/1, spawn/1, spawn/3, spawn_link/1, spawn_link/3,
         spawn_monitor/1, spawn_monitor/3, send/2, self/0, exit/1, throw/1,
         make_ref/0, node/0, apply/2, apply/3, max/2, min/2, abs/1, 'div'/2,
         'rem'/2, trunc/1, round/1, ceil/1, floor/1, hd/1, tl/1, length/1,
         elem/2, put_elem/3, tuple_size/1, map_size/1, byte_size/1,
         bit_size/1, is_atom/1, is_binary/1, is_bitstring/1, is_boolean/1,
         is_float/1, is_function/1, is_function/2, is_integer/1, is_list/1,
         is_map/1, is_map_key/2, is_number/1, is_pid/1, is_reference/1,
         is_tuple/1, 'not'/1, struct/2, get_in/2, put_in/3, update_in/3,
         inspect/2, inspect/1]).

raise(Message) when erlang:is_binary(Message) -> erlang:error('Elixir.RuntimeError':exception(Message));
raise(#{'__struct__' := _, '__exception__' := true} = Exception) -> erlang:error(Exception);
raise(Module) when erlang:is_atom(Module) -> erlang:error(Module:exception([]));
raise(Other) ->
    erlang:error('Elixir.ArgumentError':exception(
        <<"raise/1 and reraise/2 expect a module name, string or exception as the first argument, got: ",
          (inspect(Other))/binary>>)).

raise(Module, Attributes) when erlang:is_atom(Module) -> erlang:error(Module:exception(Attributes)).

reraise(Exception, Stacktrace) -> erlang:raise(error, exception_of(Exception), Stacktrace).

reraise(Module, Attributes, Stacktrace) -> erlang:raise(error, Module:exception(Attributes), Stacktrace).

exception_of(Message) when erlang:is_binary(Message) -> 'Elixir.RuntimeError':exception(Message);
exception_of(Module) when erlang:is_atom(Module) -> Module:exception([]);
exception_of(Exception) -> Exception.

%% then/2 and tap/2, macros in Elixir: the value piped into a function,
%% and the value itself back after the function has seen it.
then(Value, Fun) when erlang:is_function(Fun, 1) -> Fun(Value).

tap(Value, Fun) when erlang:is_function(Fun, 1) ->
    _ = Fun(Value),
    Value.

inspect(Term) -> inspect(Term, []).

inspect(Term, Opts) -> erlang:'$elixir_inspect'(Term, Opts).

to_string(Term) -> 'Elixir.String.Chars':to_string(Term).

to_charlist(Term) when erlang:is_list(Term) -> Term;
to_charlist(Term) -> 'Elixir.String':to_charlist('Elixir.String.Chars':to_string(Term)).

%% Elixir's truthiness: everything but nil and false.
'$truthy'(nil) -> false;
'$truthy'(false) -> false;
'$truthy'(_) -> true.

spawn(Fun) -> erlang:spawn(Fun).
spawn(M, F, A) -> erlang:spawn(M, F, A).
spawn_link(Fun) -> erlang:spawn_link(Fun).
spawn_link(M, F, A) -> erlang:spawn_link(M, F, A).
spawn_monitor(Fun) -> erlang:spawn_monitor(Fun).
spawn_monitor(M, F, A) -> erlang:spawn_monitor(M, F, A).
send(Dest, Msg) -> erlang:send(Dest, Msg).
self() -> erlang:self().
exit(Reason) -> erlang:exit(Reason).
throw(Term) -> erlang:throw(Term).
make_ref() -> erlang:make_ref().
node() -> erlang:node().
apply(Fun, Args) -> erlang:apply(Fun, Args).
apply(M, F, Args) -> erlang:apply(M, F, Args).

max(A, B) -> erlang:max(A, B).
min(A, B) -> erlang:min(A, B).
abs(N) -> erlang:abs(N).
'div'(A, B) -> A div B.
'rem'(A, B) -> A rem B.
trunc(N) -> erlang:trunc(N).
round(N) -> erlang:round(N).
ceil(N) -> erlang:ceil(N).
floor(N) -> erlang:floor(N).
hd(L) -> erlang:hd(L).
tl(L) -> erlang:tl(L).
length(L) -> erlang:length(L).
elem(T, I) -> erlang:element(I + 1, T).
put_elem(T, I, V) -> erlang:setelement(I + 1, T, V).
tuple_size(T) -> erlang:tuple_size(T).
map_size(M) -> erlang:map_size(M).
byte_size(B) -> erlang:byte_size(B).
bit_size(B) -> erlang:bit_size(B).
is_atom(T) -> erlang:is_atom(T).
is_binary(T) -> erlang:is_binary(T).
is_bitstring(T) -> erlang:is_bitstring(T).
is_boolean(T) -> erlang:is_boolean(T).
is_float(T) -> erlang:is_float(T).
is_function(T) -> erlang:is_function(T).
is_function(T, A) -> erlang:is_function(T, A).
is_integer(T) -> erlang:is_integer(T).
is_list(T) -> erlang:is_list(T).
is_map(T) -> erlang:is_map(T).
is_map_key(M, K) -> erlang:is_map_key(K, M).
is_number(T) -> erlang:is_number(T).
is_pid(T) -> erlang:is_pid(T).
is_reference(T) -> erlang:is_reference(T).
is_tuple(T) -> erlang:is_tuple(T).
'not'(B) -> not B.

struct(Module, Fields) -> 'Elixir.Exception':'$fill'(Module:'__struct__'(), fields_list(Fields)).

fields_list(Fields) when erlang:is_map(Fields) -> maps:to_list(Fields);
fields_list(Fields) -> Fields.

get_in(Data, []) -> Data;
get_in(nil, [_ | _]) -> nil;
get_in(Data, [Key | Keys]) when erlang:is_map(Data) -> get_in(maps:get(Key, Data, nil), Keys);
get_in(Data, [Key | Keys]) when erlang:is_list(Data) -> get_in('Elixir.Keyword':get(Data, Key), Keys).

put_in(Data, [Key], Value) when erlang:is_map(Data) -> Data#{Key => Value};
put_in(Data, [Key], Value) when erlang:is_list(Data) -> 'Elixir.Keyword':put(Data, Key, Value);
put_in(Data, [Key | Keys], Value) when erlang:is_map(Data) -> Data#{Key => put_in(maps:get(Key, Data), Keys, Value)};
put_in(Data, [Key | Keys], Value) when erlang:is_list(Data) ->
    'Elixir.Keyword':put(Data, Key, put_in('Elixir.Keyword':get(Data, Key), Keys, Value)).

update_in(Data, Keys, Fun) -> put_in(Data, Keys, Fun(get_in(Data, Keys))).
