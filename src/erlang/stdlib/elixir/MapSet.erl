%% Elixir 1.14's MapSet: %MapSet{map: %{Element => []}, version: 2}, the
%% layout of OTP's version-2 sets that Elixir 1.14 uses, so that a set
%% prints and compares as Elixir's does.
-module('Elixir.MapSet').
-export(['__struct__'/1, '__struct__'/0, new/0, new/1, new/2, put/2, delete/2, 'member?'/2,
         size/1, to_list/1, union/2, intersection/2, difference/2,
         'subset?'/2, 'disjoint?'/2, 'equal?'/2, filter/2, reject/2]).
-struct([map, version]).

'__struct__'() -> #{'__struct__' => 'Elixir.MapSet', map => #{}, version => 2}.

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

set(Map) -> #{'__struct__' => 'Elixir.MapSet', map => Map, version => 2}.

new() -> set(#{}).

new(Enum) -> set(maps:from_list([{X, []} || X <- 'Elixir.Enum':to_list(Enum)])).

new(Enum, Fun) -> set(maps:from_list([{Fun(X), []} || X <- 'Elixir.Enum':to_list(Enum)])).

put(#{map := Map} = Set, X) -> Set#{map := Map#{X => []}}.

delete(#{map := Map} = Set, X) -> Set#{map := maps:remove(X, Map)}.

'member?'(#{map := Map}, X) -> is_map_key(X, Map).

size(#{map := Map}) -> map_size(Map).

to_list(#{map := Map}) -> maps:keys(Map).

union(#{map := A} = Set, #{map := B}) -> Set#{map := maps:merge(A, B)}.

intersection(#{map := A} = Set, #{map := B}) -> Set#{map := maps:with(maps:keys(B), A)}.

difference(#{map := A} = Set, #{map := B}) -> Set#{map := maps:without(maps:keys(B), A)}.

'subset?'(#{map := A}, #{map := B}) -> lists:all(fun(X) -> is_map_key(X, B) end, maps:keys(A)).

'disjoint?'(#{map := A}, #{map := B}) -> not lists:any(fun(X) -> is_map_key(X, B) end, maps:keys(A)).

'equal?'(#{map := A}, #{map := B}) -> A =:= B.

filter(#{map := Map} = Set, Fun) -> Set#{map := maps:filter(fun(X, _) -> truthy(Fun(X)) end, Map)}.

reject(#{map := Map} = Set, Fun) -> Set#{map := maps:filter(fun(X, _) -> not truthy(Fun(X)) end, Map)}.

truthy(nil) -> false;
truthy(false) -> false;
truthy(_) -> true.
