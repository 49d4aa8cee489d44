%% Elixir 1.14's String, on UTF-8 binaries. Graphemes are taken to be
%% codepoints (the same for text without combining marks), and case
%% mapping covers ASCII, Latin-1, Greek and Cyrillic letters (not the
%% rest of Unicode's special cases); split/trim/replace work on binaries as Elixir's do.
-module('Elixir.String').
-export([codepoints/1, graphemes/1, length/1, 'valid?'/1, upcase/1,
         downcase/1, capitalize/1, reverse/1, duplicate/2, first/1, last/1,
         at/2, slice/2, slice/3, trim/1, trim/2, trim_leading/1,
         trim_leading/2, trim_trailing/1, trim_trailing/2, split/2, split/3,
         'contains?'/2, 'starts_with?'/2, 'ends_with?'/2, replace/4,
         pad_leading/2, pad_leading/3, pad_trailing/2, pad_trailing/3,
         to_integer/1, to_integer/2, to_float/1, to_existing_atom/1,
         split_at/2, 'equivalent?'/2, split/1, to_atom/1, to_charlist/1,
         replace/3]).

codepoints(S) -> [<<C/utf8>> || <<C/utf8>> <= S].

graphemes(S) -> codepoints(S).

cps(S) -> [C || <<C/utf8>> <= S].

from_cps(Cps) -> << <<C/utf8>> || C <- Cps >>.

length(S) -> erlang:length(cps(S)).

'valid?'(S) -> valid_(S).

valid_(<<>>) -> true;
valid_(<<_/utf8, Rest/binary>>) -> valid_(Rest);
valid_(_) -> false.

upcase(S) -> from_cps(lists:append([upper_full(C) || C <- cps(S)])).

%% ß has no capital of one letter: Elixir writes it SS.
upper_full(16#DF) -> "SS";
upper_full(C) -> [upper(C)].

downcase(S) -> from_cps([lower(C) || C <- cps(S)]).

upper(C) when C >= $a, C =< $z -> C - 32;
upper(C) when C >= 16#E0, C =< 16#FE, C =/= 16#F7 -> C - 32;
upper(16#FF) -> 16#178;
upper(C) when C >= 16#3B1, C =< 16#3C9, C =/= 16#3C2 -> C - 32;
upper(16#3C2) -> 16#3A3;
upper(C) when C >= 16#430, C =< 16#44F -> C - 32;
upper(C) when C >= 16#450, C =< 16#45F -> C - 80;
upper(C) -> C.

lower(C) when C >= $A, C =< $Z -> C + 32;
lower(C) when C >= 16#C0, C =< 16#DE, C =/= 16#D7 -> C + 32;
lower(16#178) -> 16#FF;
lower(C) when C >= 16#391, C =< 16#3A9, C =/= 16#3A2 -> C + 32;
lower(C) when C >= 16#410, C =< 16#42F -> C + 32;
lower(C) when C >= 16#400, C =< 16#40F -> C + 80;
lower(C) -> C.

capitalize(S) ->
    case cps(S) of
        [] -> <<>>;
        [First | Rest] -> from_cps([upper(First) | [lower(C) || C <- Rest]])
    end.

reverse(S) -> from_cps(lists:reverse(cps(S))).

duplicate(S, N) -> iolist_to_binary(lists:duplicate(N, S)).

first(S) ->
    case cps(S) of
        [] -> nil;
        [C | _] -> <<C/utf8>>
    end.

last(S) ->
    case cps(S) of
        [] -> nil;
        Cps -> <<(lists:last(Cps))/utf8>>
    end.

at(S, Index) ->
    Cps = cps(S),
    I = case Index < 0 of true -> erlang:length(Cps) + Index; false -> Index end,
    case I >= 0 andalso I < erlang:length(Cps) of
        true -> <<(lists:nth(I + 1, Cps))/utf8>>;
        false -> nil
    end.

slice(S, #{'__struct__' := 'Elixir.Range'} = Range) -> from_cps('Elixir.Enum':slice(cps(S), Range)).

slice(S, Start, Len) -> from_cps('Elixir.Enum':slice(cps(S), Start, Len)).

%% Whitespace as Unicode defines it, which trim and split/1 remove.
is_space(C) ->
    lists:member(C, [9, 10, 11, 12, 13, 32, 16#85, 16#A0, 16#1680, 16#2028, 16#2029, 16#202F, 16#205F, 16#3000])
        orelse (C >= 16#2000 andalso C =< 16#200A).

trim(S) -> trim_trailing(trim_leading(S)).

trim(S, Chars) -> trim_trailing(trim_leading(S, Chars), Chars).

trim_leading(S) -> from_cps(lists:dropwhile(fun is_space/1, cps(S))).

trim_leading(S, Chars) ->
    Size = byte_size(Chars),
    case S of
        <<Chars:Size/binary, Rest/binary>> when Size > 0 -> trim_leading(Rest, Chars);
        _ -> S
    end.

trim_trailing(S) -> from_cps(lists:reverse(lists:dropwhile(fun is_space/1, lists:reverse(cps(S))))).

trim_trailing(S, Chars) ->
    Size = byte_size(Chars),
    Keep = byte_size(S) - Size,
    case S of
        <<Rest:Keep/binary, Chars:Size/binary>> when Size > 0 -> trim_trailing(Rest, Chars);
        _ -> S
    end.

%% Split on runs of whitespace, dropping the empty ends.
split(S) -> [from_cps(Word) || Word <- words(cps(S), [], []), Word =/= []].

words([], Word, Words) -> lists:reverse([lists:reverse(Word) | Words]);
words([C | Rest], Word, Words) ->
    case is_space(C) of
        true -> words(Rest, [], [lists:reverse(Word) | Words]);
        false -> words(Rest, [C | Word], Words)
    end.

split(S, Pattern) -> split(S, Pattern, []).

split(S, Pattern, Opts) ->
    Trim = 'Elixir.Keyword':get(Opts, trim, false),
    Parts = 'Elixir.Keyword':get(Opts, parts, infinity),
    Pieces = case Pattern of
        <<>> -> split_empty(S, Parts);
        _ -> split_on(S, patterns(Pattern), Parts, <<>>)
    end,
    case Trim of
        true -> [P || P <- Pieces, P =/= <<>>];
        _ -> Pieces
    end.

patterns(P) when is_binary(P) -> [P];
patterns(Ps) when is_list(Ps) -> Ps.

split_empty(<<>>, _) -> [<<>>];
split_empty(S, infinity) -> [<<>> | codepoints(S)] ++ [<<>>];
split_empty(S, Parts) ->
    split_empty_(S, Parts - 1, [<<>>]).

split_empty_(<<>>, _, Acc) -> lists:reverse([<<>> | Acc]);
split_empty_(S, 0, Acc) -> lists:reverse([S | Acc]);
split_empty_(<<C/utf8, Rest/binary>>, N, Acc) -> split_empty_(Rest, N - 1, [<<C/utf8>> | Acc]).

split_on(S, _, 1, Acc) -> [<<Acc/binary, S/binary>>];
split_on(<<>>, _, _, Acc) -> [Acc];
split_on(S, Patterns, Parts, Acc) ->
    case prefix_of(S, Patterns) of
        {ok, Rest} -> [Acc | split_on(Rest, Patterns, decrement(Parts), <<>>)];
        error ->
            <<B, Rest/binary>> = S,
            split_on(Rest, Patterns, Parts, <<Acc/binary, B>>)
    end.

decrement(infinity) -> infinity;
decrement(N) -> N - 1.

prefix_of(_, []) -> error;
prefix_of(S, [P | Ps]) ->
    Size = byte_size(P),
    case S of
        <<P:Size/binary, Rest/binary>> when Size > 0 -> {ok, Rest};
        _ -> prefix_of(S, Ps)
    end.

'contains?'(_, <<>>) -> true;
'contains?'(S, Patterns) -> contains_(S, patterns(Patterns)).

contains_(<<>>, Patterns) -> lists:member(<<>>, Patterns);
contains_(S, Patterns) ->
    case prefix_of(S, Patterns) of
        {ok, _} -> true;
        error -> <<_, Rest/binary>> = S, contains_(Rest, Patterns)
    end.

'starts_with?'(S, Prefixes) ->
    lists:any(fun(P) -> Size = byte_size(P), case S of <<P:Size/binary, _/binary>> -> true; _ -> false end end,
              patterns(Prefixes)).

'ends_with?'(S, Suffixes) ->
    lists:any(
        fun(P) ->
            Size = byte_size(P),
            Keep = byte_size(S) - Size,
            Keep >= 0 andalso binary_part(S, Keep, Size) =:= P
        end,
        patterns(Suffixes)).

replace(S, Pattern, Replacement) -> replace(S, Pattern, Replacement, []).

replace(S, <<>>, Replacement, Opts) ->
    case 'Elixir.Keyword':get(Opts, global, true) of
        true -> iolist_to_binary([[replacement(Replacement, <<>>), P] || P <- codepoints(S)] ++ [replacement(Replacement, <<>>)]);
        false -> <<(replacement(Replacement, <<>>))/binary, S/binary>>
    end;
replace(S, Pattern, Replacement, Opts) ->
    Global = 'Elixir.Keyword':get(Opts, global, true),
    replace_(S, patterns(Pattern), Replacement, Global, <<>>).

replace_(<<>>, _, _, _, Acc) -> Acc;
replace_(S, Patterns, Replacement, Global, Acc) ->
    case matched_prefix(S, Patterns) of
        {ok, Match, Rest} ->
            Replaced = <<Acc/binary, (replacement(Replacement, Match))/binary>>,
            case Global of
                true -> replace_(Rest, Patterns, Replacement, Global, Replaced);
                false -> <<Replaced/binary, Rest/binary>>
            end;
        error ->
            <<B, Rest/binary>> = S,
            replace_(Rest, Patterns, Replacement, Global, <<Acc/binary, B>>)
    end.

matched_prefix(_, []) -> error;
matched_prefix(S, [P | Ps]) ->
    Size = byte_size(P),
    case S of
        <<P:Size/binary, Rest/binary>> when Size > 0 -> {ok, P, Rest};
        _ -> matched_prefix(S, Ps)
    end.

replacement(Fun, Match) when is_function(Fun, 1) -> Fun(Match);
replacement(Bin, _) -> Bin.

pad_leading(S, Count) -> pad_leading(S, Count, <<" ">>).

pad_leading(S, Count, Padding) -> <<(padding(S, Count, Padding))/binary, S/binary>>.

pad_trailing(S, Count) -> pad_trailing(S, Count, <<" ">>).

pad_trailing(S, Count, Padding) -> <<S/binary, (padding(S, Count, Padding))/binary>>.

padding(S, Count, Padding) ->
    Missing = Count - erlang:length(cps(S)),
    case Missing > 0 of
        true ->
            Pad = cps(Padding),
            N = erlang:length(Pad),
            from_cps(lists:sublist(lists:append(lists:duplicate(Missing div N + 1, Pad)), Missing));
        false -> <<>>
    end.

to_integer(S) -> binary_to_integer(S).

to_integer(S, Base) -> binary_to_integer(S, Base).

to_float(S) -> list_to_float(binary_to_list(S)).

to_atom(S) -> binary_to_atom(S, utf8).

to_existing_atom(S) -> binary_to_atom(S, utf8).

to_charlist(S) -> cps(S).

split_at(S, Index) ->
    {Before, After} = 'Elixir.Enum':split(cps(S), Index),
    {from_cps(Before), from_cps(After)}.

'equivalent?'(A, B) -> A =:= B.
