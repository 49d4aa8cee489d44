%% The `queue` module: a FIFO queue as OTP 25's queue.erl represents it, a
%% pair {Rear, Front} of lists (the rear reversed), with the same moves
%% between the two lists, so a queue prints as it does on the BEAM
%% (`queue:from_list([1,2,3,4])` is {[4,3],[1,2]}). Misuse is badarg, and
%% taking from an empty queue with get/drop is `empty`, as there.

new() -> {[], []}.

is_queue({R, F}) when is_list(R), is_list(F) -> true;
is_queue(_) -> false.

is_empty({[], []}) -> true;
is_empty({In, Out}) when is_list(In), is_list(Out) -> false;
is_empty(_) -> error(badarg).

len({R, F}) when is_list(R), is_list(F) -> length(R) + length(F);
len(_) -> error(badarg).

to_list({In, Out}) when is_list(In), is_list(Out) -> Out ++ lists:reverse(In, []);
to_list(_) -> error(badarg).

from_list(L) when is_list(L) -> f2r_(L);
from_list(_) -> error(badarg).

member(X, {R, F}) when is_list(R), is_list(F) -> lists:member(X, R) orelse lists:member(X, F);
member(_, _) -> error(badarg).

%% Keep at least one element on each side when that is cheap.
in(X, {[_] = In, []}) -> {[X], In};
in(X, {In, Out}) when is_list(In), is_list(Out) -> {[X | In], Out};
in(_, _) -> error(badarg).

in_r(X, {[], [_] = F}) -> {F, [X]};
in_r(X, {R, F}) when is_list(R), is_list(F) -> {R, [X | F]};
in_r(_, _) -> error(badarg).

out({[], []} = Q) -> {empty, Q};
out({[V], []}) -> {{value, V}, {[], []}};
out({[Y | In], []}) ->
    [V | Out] = lists:reverse(In, []),
    {{value, V}, {[Y], Out}};
out({In, [V]}) when is_list(In) -> {{value, V}, r2f_(In)};
out({In, [V | Out]}) when is_list(In) -> {{value, V}, {In, Out}};
out(_) -> error(badarg).

out_r({[], []} = Q) -> {empty, Q};
out_r({[], [V]}) -> {{value, V}, {[], []}};
out_r({[], [Y | Out]}) ->
    [V | In] = lists:reverse(Out, []),
    {{value, V}, {In, [Y]}};
out_r({[V], Out}) when is_list(Out) -> {{value, V}, f2r_(Out)};
out_r({[V | In], Out}) when is_list(Out) -> {{value, V}, {In, Out}};
out_r(_) -> error(badarg).

get({[], []}) -> error(empty);
get({R, F}) when is_list(R), is_list(F) -> first_(R, F);
get(_) -> error(badarg).

first_(R, [H | _]) when is_list(R) -> H;
first_([H], []) -> H;
first_([_ | R], []) -> lists:last(R).

get_r({[], []}) -> error(empty);
get_r({[H | _], F}) when is_list(F) -> H;
get_r({[], [H]}) -> H;
get_r({[], [_ | F]}) -> lists:last(F);
get_r(_) -> error(badarg).

peek({[], []}) -> empty;
peek({R, [H | _]}) when is_list(R) -> {value, H};
peek({[H], []}) -> {value, H};
peek({[_ | R], []}) -> {value, lists:last(R)};
peek(_) -> error(badarg).

peek_r({[], []}) -> empty;
peek_r({[H | _], F}) when is_list(F) -> {value, H};
peek_r({[], [H]}) -> {value, H};
peek_r({[], [_ | R]}) -> {value, lists:last(R)};
peek_r(_) -> error(badarg).

drop({[], []}) -> error(empty);
drop({[_], []}) -> {[], []};
drop({[Y | R], []}) ->
    [_ | F] = lists:reverse(R, []),
    {[Y], F};
drop({R, [_]}) when is_list(R) -> r2f_(R);
drop({R, [_ | F]}) when is_list(R) -> {R, F};
drop(_) -> error(badarg).

drop_r({[], []}) -> error(empty);
drop_r({[], [_]}) -> {[], []};
drop_r({[], [Y | F]}) ->
    [_ | R] = lists:reverse(F, []),
    {R, [Y]};
drop_r({[_], F}) when is_list(F) -> f2r_(F);
drop_r({[_ | R], F}) when is_list(F) -> {R, F};
drop_r(_) -> error(badarg).

reverse({R, F}) when is_list(R), is_list(F) -> {F, R};
reverse(_) -> error(badarg).

join({R, F} = Q, {[], []}) when is_list(R), is_list(F) -> Q;
join({[], []}, {R, F} = Q) when is_list(R), is_list(F) -> Q;
join({R1, F1}, {R2, F2}) when is_list(R1), is_list(F1), is_list(R2), is_list(F2) ->
    {R2, F1 ++ lists:reverse(R1, F2)};
join(_, _) -> error(badarg).

%% The fun may keep an element (true), drop it (false) or put a list of
%% elements in its place, called in queue order.
filter(Fun, {R0, F0}) when is_function(Fun, 1), is_list(R0), is_list(F0) ->
    F = filter_front_(Fun, F0, []),
    R = lists:reverse(filter_front_(Fun, lists:reverse(R0), [])),
    if
        R =:= [] -> f2r_(F);
        F =:= [] -> r2f_(R);
        true -> {R, F}
    end;
filter(_, _) -> error(badarg).

filter_front_(Fun, [X | F], Acc) ->
    case Fun(X) of
        true -> filter_front_(Fun, F, [X | Acc]);
        false -> filter_front_(Fun, F, Acc);
        L when is_list(L) -> filter_front_(Fun, F, lists:reverse(L, Acc))
    end;
filter_front_(_, [], Acc) -> lists:reverse(Acc).

fold(Fun, Acc0, {R, F}) when is_function(Fun, 2), is_list(R), is_list(F) ->
    lists:foldl(Fun, lists:foldl(Fun, Acc0, F), lists:reverse(R));
fold(_, _, _) -> error(badarg).

cons(X, Q) -> in_r(X, Q).

head({[], []}) -> error(empty);
head({R, F}) when is_list(R), is_list(F) -> first_(R, F);
head(_) -> error(badarg).

tail(Q) -> drop(Q).

snoc(Q, X) -> in(X, Q).

last(Q) -> get_r(Q).

liat(Q) -> drop_r(Q).

init(Q) -> drop_r(Q).

%% Half of the rear list to the front, when it has at least three.
r2f_([]) -> {[], []};
r2f_([_] = R) -> {[], R};
r2f_([X, Y]) -> {[X], [Y]};
r2f_(List) ->
    {FF, RR} = lists:split(length(List) div 2, List),
    {FF, lists:reverse(RR, [])}.

%% Half of the front list to the rear.
f2r_([]) -> {[], []};
f2r_([_] = F) -> {F, []};
f2r_([X, Y]) -> {[Y], [X]};
f2r_(List) ->
    {FF, RR} = lists:split(length(List) div 2, List),
    {lists:reverse(RR, []), FF}.
