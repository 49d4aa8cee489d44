%% The `ordsets` module: a set as a sorted list without duplicates, as
%% OTP 25's ordsets.erl keeps it. Elements compare with == and <, as
%% there (1 and 1.0 are one element).

new() -> [].

is_set(Set) when is_list(Set) -> is_set_(Set);
is_set(_) -> false.

is_set_([E1, E2 | Es]) when E1 < E2 -> is_set_([E2 | Es]);
is_set_([_, _ | _]) -> false;
is_set_(_) -> true.

size(Set) -> length(Set).

is_empty(Set) -> Set =:= [].

to_list(Set) -> Set.

from_list(List) -> lists:usort(List).

is_element(E, [H | _]) when E < H -> false;
is_element(E, [H | Es]) when E > H -> is_element(E, Es);
is_element(_, [_ | _]) -> true;
is_element(_, []) -> false.

add_element(E, Set) -> add_(E, Set, []).

add_(E, [H | _] = Set, Acc) when E < H -> lists:reverse(Acc, [E | Set]);
add_(E, [H | Es], Acc) when E > H -> add_(E, Es, [H | Acc]);
add_(_, [_ | _] = Set, Acc) -> lists:reverse(Acc, Set);
add_(E, [], Acc) -> lists:reverse(Acc, [E]).

del_element(E, Set) -> del_(E, Set, []).

del_(E, [H | _] = Set, Acc) when E < H -> lists:reverse(Acc, Set);
del_(E, [H | Es], Acc) when E > H -> del_(E, Es, [H | Acc]);
del_(_, [_ | Es], Acc) -> lists:reverse(Acc, Es);
del_(_, [], Acc) -> lists:reverse(Acc).

union(S1, S2) -> union_(S1, S2, []).

union_([E1 | Es1], [E2 | _] = S2, Acc) when E1 < E2 -> union_(Es1, S2, [E1 | Acc]);
union_([E1 | _] = S1, [E2 | Es2], Acc) when E1 > E2 -> union_(S1, Es2, [E2 | Acc]);
union_([E1 | Es1], [_ | Es2], Acc) -> union_(Es1, Es2, [E1 | Acc]);
union_([], S2, Acc) -> lists:reverse(Acc, S2);
union_(S1, [], Acc) -> lists:reverse(Acc, S1).

union(Sets) -> lists:foldl(fun(S, Acc) -> union(Acc, S) end, [], Sets).

intersection(S1, S2) -> intersection_(S1, S2, []).

intersection_([E1 | Es1], [E2 | _] = S2, Acc) when E1 < E2 -> intersection_(Es1, S2, Acc);
intersection_([E1 | _] = S1, [E2 | Es2], Acc) when E1 > E2 -> intersection_(S1, Es2, Acc);
intersection_([E1 | Es1], [_ | Es2], Acc) -> intersection_(Es1, Es2, [E1 | Acc]);
intersection_(_, _, Acc) -> lists:reverse(Acc).

intersection([S | Sets]) -> lists:foldl(fun(X, Acc) -> intersection(Acc, X) end, S, Sets).

is_disjoint(S1, S2) -> intersection(S1, S2) =:= [].

subtract(S1, S2) -> subtract_(S1, S2, []).

subtract_([E1 | Es1], [E2 | _] = S2, Acc) when E1 < E2 -> subtract_(Es1, S2, [E1 | Acc]);
subtract_([E1 | _] = S1, [E2 | Es2], Acc) when E1 > E2 -> subtract_(S1, Es2, Acc);
subtract_([_ | Es1], [_ | Es2], Acc) -> subtract_(Es1, Es2, Acc);
subtract_(S1, [], Acc) -> lists:reverse(Acc, S1);
subtract_([], _, Acc) -> lists:reverse(Acc).

is_subset(S1, S2) -> subtract(S1, S2) =:= [].

fold(F, Acc, Set) -> lists:foldl(F, Acc, Set).

filter(F, Set) -> lists:filter(F, Set).

map(F, Set) -> lists:usort(lists:map(F, Set)).
