%% Elixir 1.14's Stream: lazy enumerables, composed now and run only when
%% an Enum function (or Stream.run/1) asks for their elements.
%%
%% Elixir's streams are pushed through Enumerable.reduce/3; here a stream
%% is pulled: its '$next' is a generator, a fun that answers `done` or
%% {Element, NextGenerator}. The order of effects is the same: an element
%% goes through the whole pipeline before the next one is made, and
%% nothing is made that no one asked for (Stream.map(...) |> Enum.take(2)
%% runs the mapping twice). Enum's functions that can stop early (take,
%% find, at, any?, zip, ...) pull only what they need, so an infinite
%% stream (iterate, repeatedly, cycle, unfold) works with them.
-module('Elixir.Stream').
-export([map/2, each/2, filter/2, reject/2, take/2, take_while/2, drop/2,
         drop_while/2, with_index/1, with_index/2, flat_map/2, concat/1,
         concat/2, zip/1, zip/2, zip_with/3, cycle/1, iterate/2, repeatedly/1,
         unfold/2, uniq/1, uniq_by/2, dedup/1, dedup_by/2, scan/2, scan/3,
         run/1, transform/3, take_every/2, map_every/3, intersperse/2,
         chunk_every/2, chunk_every/3, chunk_every/4, into/2, into/3,
         '$gen'/1, '$to_list'/1, '$fold'/3, '$pull'/1]).

%% ---- making generators ---------------------------------------------------

stream(Gen) -> #{'__struct__' => 'Elixir.Stream', '$next' => Gen}.

'$gen'(#{'__struct__' := 'Elixir.Stream', '$next' := Gen}) -> Gen;
'$gen'(List) when is_list(List) -> list_gen(List);
'$gen'(#{'__struct__' := 'Elixir.Range', first := F, last := L, step := S}) -> range_gen(F, L, S);
'$gen'(Other) -> list_gen('Elixir.Enum':to_list(Other)).

list_gen(List) ->
    fun() ->
            case List of
                [] -> done;
                [X | Rest] -> {X, list_gen(Rest)}
            end
    end.

range_gen(F, L, S) ->
    fun() ->
            case (S > 0 andalso F =< L) orelse (S < 0 andalso F >= L) of
                true -> {F, range_gen(F + S, L, S)};
                false -> done
            end
    end.

empty() -> fun() -> done end.

%% ---- consuming -----------------------------------------------------------

'$pull'(Enum) -> ('$gen'(Enum))().

'$to_list'(Enum) -> lists:reverse('$fold'(Enum, [], fun(X, Acc) -> [X | Acc] end)).

'$fold'(Enum, Acc, Fun) -> fold('$gen'(Enum), Acc, Fun).

fold(Gen, Acc, Fun) ->
    case Gen() of
        done -> Acc;
        {X, Next} -> fold(Next, Fun(X, Acc), Fun)
    end.

run(Enum) -> fold('$gen'(Enum), ok, fun(_, Acc) -> Acc end).

into(Enum, Collectable) -> into(Enum, Collectable, fun(X) -> X end).
into(Enum, Collectable, Fun) -> map(Enum, fun(X) -> 'Elixir.Enum':into([Fun(X)], Collectable), X end).

%% ---- one element at a time -------------------------------------------------

map(Enum, Fun) -> stream(map_gen('$gen'(Enum), Fun)).

map_gen(Gen, Fun) ->
    fun() ->
            case Gen() of
                done -> done;
                {X, Next} -> {Fun(X), map_gen(Next, Fun)}
            end
    end.

each(Enum, Fun) -> map(Enum, fun(X) -> Fun(X), X end).

filter(Enum, Fun) -> stream(filter_gen('$gen'(Enum), fun(X) -> truthy(Fun(X)) end)).

reject(Enum, Fun) -> stream(filter_gen('$gen'(Enum), fun(X) -> not truthy(Fun(X)) end)).

filter_gen(Gen, Keep) -> fun() -> filter_next(Gen, Keep) end.

filter_next(Gen, Keep) ->
    case Gen() of
        done -> done;
        {X, Next} ->
            case Keep(X) of
                true -> {X, filter_gen(Next, Keep)};
                false -> filter_next(Next, Keep)
            end
    end.

%% Negative counts take or drop from the end, which needs the whole
%% stream, as in Elixir.
take(_Enum, 0) -> stream(empty());
take(Enum, N) when is_integer(N), N > 0 -> stream(take_gen('$gen'(Enum), N));
take(Enum, N) when is_integer(N) ->
    stream(fun() -> (list_gen(last('$to_list'(Enum), -N)))() end).

take_gen(Gen, N) ->
    fun() ->
            case Gen() of
                done -> done;
                {X, _} when N =:= 1 -> {X, empty()};
                {X, Next} -> {X, take_gen(Next, N - 1)}
            end
    end.

last(List, N) -> lists:nthtail(max(0, length(List) - N), List).

drop(Enum, N) when is_integer(N), N >= 0 -> stream(drop_gen('$gen'(Enum), N));
drop(Enum, N) when is_integer(N) ->
    stream(fun() ->
                   List = '$to_list'(Enum),
                   (list_gen(lists:sublist(List, max(0, length(List) + N))))()
           end).

drop_gen(Gen, 0) -> Gen;
drop_gen(Gen, N) ->
    fun() ->
            case Gen() of
                done -> done;
                {_, Next} -> (drop_gen(Next, N - 1))()
            end
    end.

take_while(Enum, Fun) -> stream(take_while_gen('$gen'(Enum), Fun)).

take_while_gen(Gen, Fun) ->
    fun() ->
            case Gen() of
                done -> done;
                {X, Next} ->
                    case truthy(Fun(X)) of
                        true -> {X, take_while_gen(Next, Fun)};
                        false -> done
                    end
            end
    end.

drop_while(Enum, Fun) -> stream(fun() -> drop_while_next('$gen'(Enum), Fun) end).

drop_while_next(Gen, Fun) ->
    case Gen() of
        done -> done;
        {X, Next} ->
            case truthy(Fun(X)) of
                true -> drop_while_next(Next, Fun);
                false -> {X, Next}
            end
    end.

with_index(Enum) -> with_index(Enum, 0).

with_index(Enum, Fun) when is_function(Fun, 2) -> stream(indexed('$gen'(Enum), 0, Fun));
with_index(Enum, Offset) when is_integer(Offset) ->
    stream(indexed('$gen'(Enum), Offset, fun(X, I) -> {X, I} end)).

indexed(Gen, I, Fun) ->
    fun() ->
            case Gen() of
                done -> done;
                {X, Next} -> {Fun(X, I), indexed(Next, I + 1, Fun)}
            end
    end.

scan(Enum, Fun) ->
    stream(fun() ->
                   case ('$gen'(Enum))() of
                       done -> done;
                       {First, Next} -> {First, scan_gen(Next, First, Fun)}
                   end
           end).

scan(Enum, Acc, Fun) -> stream(scan_gen('$gen'(Enum), Acc, Fun)).

scan_gen(Gen, Acc, Fun) ->
    fun() ->
            case Gen() of
                done -> done;
                {X, Next} ->
                    Acc1 = Fun(X, Acc),
                    {Acc1, scan_gen(Next, Acc1, Fun)}
            end
    end.

uniq(Enum) -> uniq_by(Enum, fun(X) -> X end).

uniq_by(Enum, Fun) -> stream(uniq_gen('$gen'(Enum), Fun, #{})).

uniq_gen(Gen, Fun, Seen) ->
    fun() -> uniq_next(Gen, Fun, Seen) end.

uniq_next(Gen, Fun, Seen) ->
    case Gen() of
        done -> done;
        {X, Next} ->
            Key = Fun(X),
            case Seen of
                #{Key := _} -> uniq_next(Next, Fun, Seen);
                _ -> {X, uniq_gen(Next, Fun, Seen#{Key => true})}
            end
    end.

dedup(Enum) -> dedup_by(Enum, fun(X) -> X end).

dedup_by(Enum, Fun) -> stream(dedup_gen('$gen'(Enum), Fun, none)).

dedup_gen(Gen, Fun, Last) -> fun() -> dedup_next(Gen, Fun, Last) end.

dedup_next(Gen, Fun, Last) ->
    case Gen() of
        done -> done;
        {X, Next} ->
            Key = Fun(X),
            case Last of
                {value, Key} -> dedup_next(Next, Fun, Last);
                _ -> {X, dedup_gen(Next, Fun, {value, Key})}
            end
    end.

take_every(_Enum, 0) -> stream(empty());
take_every(Enum, N) when is_integer(N), N > 0 -> stream(every_gen('$gen'(Enum), N, 0, fun(X) -> {keep, X} end)).

map_every(Enum, 0, _Fun) -> Enum;
map_every(Enum, N, Fun) when is_integer(N), N > 0 ->
    stream(every_gen('$gen'(Enum), N, 0, fun(X) -> {keep, Fun(X)} end, fun(X) -> {keep, X} end)).

%% The N-th elements (from the first) through OnNth, the others through
%% Else (dropped when there is none).
every_gen(Gen, N, I, OnNth) -> every_gen(Gen, N, I, OnNth, fun(_) -> skip end).

every_gen(Gen, N, I, OnNth, Else) -> fun() -> every_next(Gen, N, I, OnNth, Else) end.

every_next(Gen, N, I, OnNth, Else) ->
    case Gen() of
        done -> done;
        {X, Next} ->
            Which = case I rem N of 0 -> OnNth(X); _ -> Else(X) end,
            case Which of
                {keep, Y} -> {Y, every_gen(Next, N, I + 1, OnNth, Else)};
                skip -> every_next(Next, N, I + 1, OnNth, Else)
            end
    end.

intersperse(Enum, Separator) ->
    stream(fun() ->
                   case ('$gen'(Enum))() of
                       done -> done;
                       {First, Next} -> {First, intersperse_gen(Next, Separator)}
                   end
           end).

intersperse_gen(Gen, Separator) ->
    fun() ->
            case Gen() of
                done -> done;
                {X, Next} -> {Separator, fun() -> {X, intersperse_gen(Next, Separator)} end}
            end
    end.

%% ---- many enumerables ------------------------------------------------------

flat_map(Enum, Fun) -> stream(flat_gen(map_gen('$gen'(Enum), fun(X) -> '$gen'(Fun(X)) end), empty())).

concat(Enums) -> stream(flat_gen(map_gen('$gen'(Enums), fun '$gen'/1), empty())).

concat(First, Second) -> concat([First, Second]).

%% The elements of each generator Outer yields, in turn.
flat_gen(Outer, Inner) ->
    fun() ->
            case Inner() of
                {X, Next} -> {X, flat_gen(Outer, Next)};
                done ->
                    case Outer() of
                        done -> done;
                        {Gen, Outer1} -> (flat_gen(Outer1, Gen))()
                    end
            end
    end.

zip(Left, Right) -> zip([Left, Right]).

zip(Enums) -> stream(zip_gen([ '$gen'(E) || E <- 'Elixir.Enum':to_list(Enums)])).

zip_with(Left, Right, Fun) -> map(zip([Left, Right]), fun({X, Y}) -> Fun(X, Y) end).

zip_gen([]) -> empty();
zip_gen(Gens) ->
    fun() ->
            case zip_pull(Gens, [], []) of
                done -> done;
                {Xs, Nexts} -> {list_to_tuple(Xs), zip_gen(Nexts)}
            end
    end.

zip_pull([], Xs, Nexts) -> {lists:reverse(Xs), lists:reverse(Nexts)};
zip_pull([Gen | Gens], Xs, Nexts) ->
    case Gen() of
        done -> done;
        {X, Next} -> zip_pull(Gens, [X | Xs], [Next | Nexts])
    end.

%% ---- endless ones ----------------------------------------------------------

iterate(Start, Fun) -> stream(fun() -> {Start, iterate_gen(Start, Fun)} end).

iterate_gen(Previous, Fun) ->
    fun() ->
            Next = Fun(Previous),
            {Next, iterate_gen(Next, Fun)}
    end.

repeatedly(Fun) -> stream(repeat_gen(Fun)).

repeat_gen(Fun) -> fun() -> {Fun(), repeat_gen(Fun)} end.

unfold(Acc, Fun) -> stream(unfold_gen(Acc, Fun)).

unfold_gen(Acc, Fun) ->
    fun() ->
            case Fun(Acc) of
                nil -> done;
                {X, Acc1} -> {X, unfold_gen(Acc1, Fun)}
            end
    end.

cycle(Enum) ->
    stream(fun() ->
                   case ('$gen'(Enum))() of
                       done -> erlang:error('Elixir.ArgumentError':exception(<<"cannot cycle over an empty enumerable">>));
                       {X, Next} -> {X, cycle_gen(Next, Enum)}
                   end
           end).

cycle_gen(Gen, Enum) ->
    fun() ->
            case Gen() of
                done -> (cycle_gen('$gen'(Enum), Enum))();
                {X, Next} -> {X, cycle_gen(Next, Enum)}
            end
    end.

%% Fun(X, Acc) answers {Enumerable, Acc1} to emit its elements, or
%% {halt, Acc1} to stop.
transform(Enum, Acc, Fun) -> stream(transform_gen('$gen'(Enum), Acc, Fun, empty())).

transform_gen(Gen, Acc, Fun, Inner) ->
    fun() ->
            case Inner() of
                {X, Next} -> {X, transform_gen(Gen, Acc, Fun, Next)};
                done ->
                    case Gen() of
                        done -> done;
                        {X, Next} ->
                            case Fun(X, Acc) of
                                {halt, _} -> done;
                                {Emit, Acc1} -> (transform_gen(Next, Acc1, Fun, '$gen'(Emit)))()
                            end
                    end
            end
    end.

%% ---- chunks ------------------------------------------------------------------

chunk_every(Enum, Count) -> chunk_every(Enum, Count, Count, []).
chunk_every(Enum, Count, Step) -> chunk_every(Enum, Count, Step, []).

%% Chunks of Count elements, each Step after the last; what is left at
%% the end makes a last chunk (padded from Leftover when it is a list)
%% unless Leftover is :discard, as Enum.chunk_every/4 does.
chunk_every(Enum, Count, Step, Leftover) when is_integer(Count), Count > 0, is_integer(Step), Step > 0 ->
    stream(chunk_gen('$gen'(Enum), Count, Step, Leftover, [], 0)).

%% Buffer holds the elements of the chunk being filled (newest first),
%% those a Step smaller than Count keeps from the last chunk among them;
%% Skip counts the elements still to drop before the next chunk starts
%% (a Step larger than Count). What the buffer holds at the end is the
%% last chunk, even when all of it was in the one before (Elixir's
%% chunk_every(1..4, 3, 1) ends with [3, 4]).
chunk_gen(Gen, Count, Step, Leftover, Buffer, Skip) ->
    fun() -> chunk_next(Gen, Count, Step, Leftover, Buffer, Skip) end.

chunk_next(Gen, Count, Step, Leftover, Buffer, Skip) ->
    case Gen() of
        done ->
            case Buffer =/= [] andalso Leftover =/= discard of
                true ->
                    Chunk = lists:reverse(Buffer) ++ lists:sublist(leftover(Leftover), Count - length(Buffer)),
                    {Chunk, empty()};
                false -> done
            end;
        {_, Next} when Skip > 0 ->
            chunk_next(Next, Count, Step, Leftover, Buffer, Skip - 1);
        {X, Next} ->
            Buffer1 = [X | Buffer],
            case length(Buffer1) =:= Count of
                true ->
                    Chunk = lists:reverse(Buffer1),
                    Kept = case Step < Count of
                               true -> lists:reverse(lists:nthtail(Step, Chunk));
                               false -> []
                           end,
                    {Chunk, chunk_gen(Next, Count, Step, Leftover, Kept, max(0, Step - Count))};
                false ->
                    chunk_next(Next, Count, Step, Leftover, Buffer1, Skip)
            end
    end.

leftover(discard) -> [];
leftover(List) -> 'Elixir.Enum':to_list(List).

truthy(nil) -> false;
truthy(false) -> false;
truthy(_) -> true.
