%% The `lists` module, in the playground's own Erlang (as Wren writes its
%% core library in Wren): the functions of OTP 25's lists.erl that books
%% call, with its argument order, its guards (a fun of the wrong arity is
%% `function_clause`, as there) and its results, element for element.
%%
%% `reverse/1,2`, `seq/2`, `map/2` and `foldl/3` are BIFs of the VM and
%% win over anything here. Everything that walks a list is tail-recursive
%% (an accumulator, then `lists:reverse/1`): OTP's body recursion is free
%% on the BEAM's growing stack, while ours stops at 100,000 frames.

append(ListOfLists) when is_list(ListOfLists) ->
    case lists:reverse(ListOfLists) of
        [] -> [];
        [Last | Before] -> concat_lists(Before, Last)
    end.

append(L1, L2) -> L1 ++ L2.

concat_lists([], Acc) -> Acc;
concat_lists([L | Ls], Acc) -> concat_lists(Ls, L ++ Acc).

concat(Things) -> flatmap(fun thing_to_list/1, Things).

thing_to_list(X) when is_integer(X) -> integer_to_list(X);
thing_to_list(X) when is_atom(X) -> atom_to_list(X);
thing_to_list(X) when is_list(X) -> X.

delete(Item, List) -> delete(Item, List, []).

delete(Item, [Item | Rest], Acc) -> lists:reverse(Acc, Rest);
delete(Item, [X | Rest], Acc) -> delete(Item, Rest, [X | Acc]);
delete(_, [], Acc) -> lists:reverse(Acc).

droplast([_]) -> [];
droplast([H | T]) -> [H | droplast_(T, [])].

droplast_([_], Acc) -> lists:reverse(Acc);
droplast_([H | T], Acc) -> droplast_(T, [H | Acc]).

dropwhile(Pred, List) when is_function(Pred, 1) -> dropwhile_(Pred, List).

dropwhile_(Pred, [H | T] = List) ->
    case Pred(H) of
        true -> dropwhile_(Pred, T);
        false -> List
    end;
dropwhile_(_, []) -> [].

takewhile(Pred, List) when is_function(Pred, 1) -> takewhile_(Pred, List, []).

takewhile_(Pred, [H | T], Acc) ->
    case Pred(H) of
        true -> takewhile_(Pred, T, [H | Acc]);
        false -> lists:reverse(Acc)
    end;
takewhile_(_, [], Acc) -> lists:reverse(Acc).

duplicate(N, X) when is_integer(N), N >= 0 -> duplicate_(N, X, []).

duplicate_(0, _, Acc) -> Acc;
duplicate_(N, X, Acc) -> duplicate_(N - 1, X, [X | Acc]).

filter(Pred, List) when is_function(Pred, 1) -> filter_(Pred, List, []).

filter_(Pred, [H | T], Acc) ->
    case Pred(H) of
        true -> filter_(Pred, T, [H | Acc]);
        false -> filter_(Pred, T, Acc)
    end;
filter_(_, [], Acc) -> lists:reverse(Acc).

filtermap(F, List) when is_function(F, 1) -> filtermap_(F, List, []).

filtermap_(F, [H | T], Acc) ->
    case F(H) of
        false -> filtermap_(F, T, Acc);
        true -> filtermap_(F, T, [H | Acc]);
        {true, V} -> filtermap_(F, T, [V | Acc])
    end;
filtermap_(_, [], Acc) -> lists:reverse(Acc).

flatmap(F, List) when is_function(F, 1) -> flatmap_(F, List, []).


flatmap_(F, [H | T], Acc) -> flatmap_(F, T, lists:reverse(F(H), Acc));
flatmap_(_, [], Acc) -> lists:reverse(Acc).

flatten(List) when is_list(List) -> flatten(List, []).

flatten(List, Tail) when is_list(List), is_list(Tail) -> flatten_(List, [], Tail, []).

%% A stack of what is left of each enclosing list, so that depth costs
%% heap, not frames.
flatten_([H | T], Stack, Tail, Acc) when is_list(H) -> flatten_(H, [T | Stack], Tail, Acc);
flatten_([H | T], Stack, Tail, Acc) -> flatten_(T, Stack, Tail, [H | Acc]);
flatten_([], [T | Stack], Tail, Acc) -> flatten_(T, Stack, Tail, Acc);
flatten_([], [], Tail, Acc) -> lists:reverse(Acc, Tail).

flatlength(List) -> length(flatten(List)).

foldr(F, Acc, List) when is_function(F, 2) -> lists:foldl(F, Acc, lists:reverse(List)).

foreach(F, List) when is_function(F, 1) -> foreach_(F, List).

foreach_(F, [H | T]) ->
    F(H),
    foreach_(F, T);
foreach_(_, []) -> ok.

all(Pred, List) when is_function(Pred, 1) -> all_(Pred, List).

all_(Pred, [H | T]) ->
    case Pred(H) of
        true -> all_(Pred, T);
        false -> false
    end;
all_(_, []) -> true.

any(Pred, List) when is_function(Pred, 1) -> any_(Pred, List).

any_(Pred, [H | T]) ->
    case Pred(H) of
        true -> true;
        false -> any_(Pred, T)
    end;
any_(_, []) -> false.

join(_, []) -> [];
join(Sep, [H | T]) -> [H | join_(Sep, T, [])].

join_(Sep, [H | T], Acc) -> join_(Sep, T, [H, Sep | Acc]);
join_(_, [], Acc) -> lists:reverse(Acc).

keydelete(Key, N, List) when is_integer(N), N > 0 -> keydelete_(Key, N, List, []).

keydelete_(Key, N, [H | T], Acc) when element(N, H) == Key -> lists:reverse(Acc, T);
keydelete_(Key, N, [H | T], Acc) -> keydelete_(Key, N, T, [H | Acc]);
keydelete_(_, _, [], Acc) -> lists:reverse(Acc).

keyfind(Key, N, List) when is_integer(N), N > 0, is_list(List) -> keyfind_(Key, N, List).

keyfind_(Key, N, [H | T]) ->
    case is_tuple(H) andalso tuple_size(H) >= N andalso element(N, H) == Key of
        true -> H;
        false -> keyfind_(Key, N, T)
    end;
keyfind_(_, _, []) -> false.

keymember(Key, N, List) -> keyfind(Key, N, List) =/= false.

keyreplace(Key, N, List, New) when is_integer(N), N > 0, is_tuple(New) ->
    keyreplace_(Key, N, List, New, []).

keyreplace_(Key, N, [H | T], New, Acc) when element(N, H) == Key -> lists:reverse(Acc, [New | T]);
keyreplace_(Key, N, [H | T], New, Acc) -> keyreplace_(Key, N, T, New, [H | Acc]);
keyreplace_(_, _, [], _, Acc) -> lists:reverse(Acc).

keystore(Key, N, List, New) when is_integer(N), N > 0, is_tuple(New) ->
    keystore_(Key, N, List, New, []).

keystore_(Key, N, [H | T], New, Acc) when element(N, H) == Key -> lists:reverse(Acc, [New | T]);
keystore_(Key, N, [H | T], New, Acc) -> keystore_(Key, N, T, New, [H | Acc]);
keystore_(_, _, [], New, Acc) -> lists:reverse([New | Acc]).

keytake(Key, N, List) when is_integer(N), N > 0 -> keytake_(Key, N, List, []).

keytake_(Key, N, [H | T], Acc) when element(N, H) == Key -> {value, H, lists:reverse(Acc, T)};
keytake_(Key, N, [H | T], Acc) -> keytake_(Key, N, T, [H | Acc]);
keytake_(_, _, [], _) -> false.

keysort(N, List) when is_integer(N), N > 0 ->
    sort(fun(A, B) -> element(N, A) =< element(N, B) end, List).

last([E]) -> E;
last([_ | T]) -> last(T).

mapfoldl(F, Acc, List) when is_function(F, 2) -> mapfoldl_(F, Acc, List, []).

mapfoldl_(F, Acc, [H | T], Mapped) ->
    {R, Acc1} = F(H, Acc),
    mapfoldl_(F, Acc1, T, [R | Mapped]);
mapfoldl_(_, Acc, [], Mapped) -> {lists:reverse(Mapped), Acc}.

mapfoldr(F, Acc, List) when is_function(F, 2) ->
    {Mapped, Acc1} = mapfoldl_(F, Acc, lists:reverse(List), []),
    {lists:reverse(Mapped), Acc1}.

max([H | T]) -> max_(T, H).

max_([H | T], Max) when H > Max -> max_(T, H);
max_([_ | T], Max) -> max_(T, Max);
max_([], Max) -> Max.

min([H | T]) -> min_(T, H).

min_([H | T], Min) when H < Min -> min_(T, H);
min_([_ | T], Min) -> min_(T, Min);
min_([], Min) -> Min.

member(Elem, [Elem | _]) -> true;
member(Elem, [_ | T]) -> member(Elem, T);
member(_, []) -> false.

nth(1, [H | _]) -> H;
nth(N, [_ | T]) when N > 1 -> nth(N - 1, T).

nthtail(0, List) -> List;
nthtail(N, [_ | T]) when N > 0 -> nthtail(N - 1, T).

partition(Pred, List) when is_function(Pred, 1) -> partition_(Pred, List, [], []).

partition_(Pred, [H | T], Yes, No) ->
    case Pred(H) of
        true -> partition_(Pred, T, [H | Yes], No);
        false -> partition_(Pred, T, Yes, [H | No])
    end;
partition_(_, [], Yes, No) -> {lists:reverse(Yes), lists:reverse(No)}.

prefix([X | Xs], [X | Ys]) -> prefix(Xs, Ys);
prefix([], List) when is_list(List) -> true;
prefix([_ | _], List) when is_list(List) -> false.

suffix(Suffix, List) ->
    Delta = length(List) - length(Suffix),
    Delta >= 0 andalso nthtail(Delta, List) =:= Suffix.

search(Pred, List) when is_function(Pred, 1) -> search_(Pred, List).

search_(Pred, [H | T]) ->
    case Pred(H) of
        true -> {value, H};
        false -> search_(Pred, T)
    end;
search_(_, []) -> false.

seq(First, Last, Inc) when is_integer(First), is_integer(Last), is_integer(Inc) ->
    if
        Inc > 0, First - Inc =< Last; Inc < 0, First - Inc >= Last ->
            N = (Last - First + Inc) div Inc,
            seq_loop(N, Inc * (N - 1) + First, Inc, []);
        Inc =:= 0, First =:= Last ->
            [First]
    end.

seq_loop(0, _, _, Acc) -> Acc;
seq_loop(N, X, Inc, Acc) -> seq_loop(N - 1, X - Inc, Inc, [X | Acc]).

sort(List) -> sort(fun(A, B) -> A =< B end, List).

%% A merge sort, stable: of two elements the ordering fun finds in order
%% both ways, the first stays first (as OTP's sort/2 keeps them).
sort(Fun, List) when is_function(Fun, 2) ->
    case length(List) of
        N when N < 2 -> List;
        _ -> merge_all(Fun, lists:map(fun(X) -> [X] end, List))
    end.

split(N, List) when is_integer(N), N >= 0, is_list(List) -> split_(N, List, []).

split_(0, Rest, Acc) -> {lists:reverse(Acc), Rest};
split_(N, [H | T], Acc) -> split_(N - 1, T, [H | Acc]);
split_(_, [], _) -> error(badarg).

splitwith(Pred, List) when is_function(Pred, 1) -> splitwith_(Pred, List, []).

splitwith_(Pred, [H | T] = List, Acc) ->
    case Pred(H) of
        true -> splitwith_(Pred, T, [H | Acc]);
        false -> {lists:reverse(Acc), List}
    end;
splitwith_(_, [], Acc) -> {lists:reverse(Acc), []}.

sublist(List, Len) when is_integer(Len), Len >= 0 -> sublist_(List, Len, []).

sublist_([H | T], Len, Acc) when Len > 0 -> sublist_(T, Len - 1, [H | Acc]);
sublist_(_, _, Acc) -> lists:reverse(Acc).

sublist(List, Start, Len) when is_integer(Start), Start > 0, is_integer(Len), Len >= 0 ->
    sublist(nthtail(Start - 1, List), Len).

subtract(A, B) -> A -- B.

sum(List) -> sum_(List, 0).

sum_([H | T], Sum) -> sum_(T, Sum + H);
sum_([], Sum) -> Sum.

unzip(List) -> unzip_(List, [], []).

unzip_([{X, Y} | T], Xs, Ys) -> unzip_(T, [X | Xs], [Y | Ys]);
unzip_([], Xs, Ys) -> {lists:reverse(Xs), lists:reverse(Ys)}.

unzip3(List) -> unzip3_(List, [], [], []).

unzip3_([{X, Y, Z} | T], Xs, Ys, Zs) -> unzip3_(T, [X | Xs], [Y | Ys], [Z | Zs]);
unzip3_([], Xs, Ys, Zs) -> {lists:reverse(Xs), lists:reverse(Ys), lists:reverse(Zs)}.

usort(List) -> dedup(sort(List), []).

usort(Fun, List) when is_function(Fun, 2) -> udedup(Fun, sort(Fun, List), []).

dedup([X, Y | T], Acc) when X == Y -> dedup([X | T], Acc);
dedup([X | T], Acc) -> dedup(T, [X | Acc]);
dedup([], Acc) -> lists:reverse(Acc).

%% With an ordering fun, two elements are the same when each is in order
%% before the other.
udedup(Fun, [X, Y | T], Acc) ->
    case Fun(Y, X) of
        true -> udedup(Fun, [X | T], Acc);
        false -> udedup(Fun, [Y | T], [X | Acc])
    end;
udedup(_, [X], Acc) -> lists:reverse([X | Acc]);
udedup(_, [], Acc) -> lists:reverse(Acc).

uniq(List) -> uniq_(List, #{}, []).

uniq_([H | T], Seen, Acc) ->
    case Seen of
        #{H := true} -> uniq_(T, Seen, Acc);
        #{} -> uniq_(T, Seen#{H => true}, [H | Acc])
    end;
uniq_([], _, Acc) -> lists:reverse(Acc).

zip(Xs, Ys) -> zip_(Xs, Ys, []).

zip_([X | Xs], [Y | Ys], Acc) -> zip_(Xs, Ys, [{X, Y} | Acc]);
zip_([], [], Acc) -> lists:reverse(Acc).

zip3(Xs, Ys, Zs) -> zip3_(Xs, Ys, Zs, []).

zip3_([X | Xs], [Y | Ys], [Z | Zs], Acc) -> zip3_(Xs, Ys, Zs, [{X, Y, Z} | Acc]);
zip3_([], [], [], Acc) -> lists:reverse(Acc).

zipwith(F, Xs, Ys) when is_function(F, 2) -> zipwith_(F, Xs, Ys, []).

zipwith_(F, [X | Xs], [Y | Ys], Acc) -> zipwith_(F, Xs, Ys, [F(X, Y) | Acc]);
zipwith_(_, [], [], Acc) -> lists:reverse(Acc).

enumerate(List) -> enumerate(1, List).

enumerate(Index, List) when is_integer(Index) -> enumerate_(Index, List, []).

enumerate_(I, [H | T], Acc) -> enumerate_(I + 1, T, [{I, H} | Acc]);
enumerate_(_, [], Acc) -> lists:reverse(Acc).

merge(A, B) -> merge_(fun(X, Y) -> X =< Y end, A, B, []).

merge(Fun, A, B) when is_function(Fun, 2) -> merge_(Fun, A, B, []).

%% Two sorted lists into one: from the first while its head is in order
%% before the second's (so equal elements keep their order).
merge_(Fun, [A | As] = L1, [B | Bs] = L2, Acc) ->
    case Fun(A, B) of
        true -> merge_(Fun, As, L2, [A | Acc]);
        false -> merge_(Fun, L1, Bs, [B | Acc])
    end;
merge_(_, [], L2, Acc) -> lists:reverse(Acc, L2);
merge_(_, L1, [], Acc) -> lists:reverse(Acc, L1).

%% Merges runs pairwise until one is left: log2(N) passes, no recursion
%% deeper than a pass.
merge_all(_, [Run]) -> Run;
merge_all(Fun, Runs) -> merge_all(Fun, merge_pairs(Fun, Runs, [])).

merge_pairs(Fun, [A, B | Rest], Acc) -> merge_pairs(Fun, Rest, [merge_(Fun, A, B, []) | Acc]);
merge_pairs(_, [A], Acc) -> lists:reverse([A | Acc]);
merge_pairs(_, [], Acc) -> lists:reverse(Acc).
