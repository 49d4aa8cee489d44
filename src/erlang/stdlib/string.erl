%% The `string` module: the functions books call, on strings (lists of
%% character codes), with OTP 25's results, the deep lists included where
%% OTP's are deep (`replace/3`, `pad/2`: the same characters once
%% flattened, and the same value printed). Binaries are not taken here:
%% convert with binary_to_list/1 first. Case and length are by character
%% (ASCII and Latin-1 letters change case), where OTP goes by Unicode
%% grapheme cluster: the same for text without combining marks.

%% ---- the Unicode-era API ----

length(S) -> erlang:length(S).

is_empty([]) -> true;
is_empty([L | T]) when is_list(L) -> is_empty(L) andalso is_empty(T);
is_empty(_) -> false.

equal(A, B) -> A =:= B.

reverse(S) -> lists:reverse(S).

slice(S, Start) when is_integer(Start), Start >= 0 -> drop_(S, Start).

slice(S, Start, Len) when is_integer(Start), Start >= 0, is_integer(Len), Len >= 0 ->
    lists:sublist(drop_(S, Start), Len);
slice(S, Start, infinity) -> slice(S, Start).

drop_(S, 0) -> S;
drop_([_ | T], N) -> drop_(T, N - 1);
drop_([], _) -> [].

uppercase(S) -> to_upper(S).

lowercase(S) -> to_lower(S).

trim(S) -> trim(S, both).

trim(S, Dir) -> trim(S, Dir, [$\s, $\t, $\n, $\r]).

trim(S, leading, Chars) -> drop_leading_(S, Chars);
trim(S, trailing, Chars) -> lists:reverse(drop_leading_(lists:reverse(S), Chars));
trim(S, both, Chars) -> trim(trim(S, leading, Chars), trailing, Chars).

drop_leading_([C | T] = S, Chars) ->
    case lists:member(C, Chars) of
        true -> drop_leading_(T, Chars);
        false -> S
    end;
drop_leading_([], _) -> [].

chomp(S) ->
    case lists:reverse(S) of
        [$\n, $\r | T] -> lists:reverse(T);
        [$\n | T] -> lists:reverse(T);
        _ -> S
    end.

%% split/2,3: around the first (`leading`), last (`trailing`) or every
%% (`all`) occurrence of the separator.
split(S, Sep) -> split(S, Sep, leading).

split(S, [], _) -> [S];
split(S, Sep, leading) ->
    case find_(S, Sep, []) of
        {Before, After} -> [Before, After];
        nomatch -> [S]
    end;
split(S, Sep, trailing) ->
    RevSep = lists:reverse(Sep),
    case find_(lists:reverse(S), RevSep, []) of
        {RevAfter, RevBefore} -> [lists:reverse(RevBefore), lists:reverse(RevAfter)];
        nomatch -> [S]
    end;
split(S, Sep, all) -> split_all_(S, Sep, []).

split_all_(S, Sep, Acc) ->
    case find_(S, Sep, []) of
        {Before, After} -> split_all_(After, Sep, [Before | Acc]);
        nomatch -> lists:reverse([S | Acc])
    end.

%% The text before the first `Sep` in S and the text after it.
find_(S, Sep, Before) ->
    case lists:prefix(Sep, S) of
        true -> {lists:reverse(Before), drop_(S, erlang:length(Sep))};
        false ->
            case S of
                [C | T] -> find_(T, Sep, [C | Before]);
                [] -> nomatch
            end
    end.

find(S, Pattern) -> find(S, Pattern, leading).

find(S, [], _) -> S;
find(S, Pattern, leading) -> find_leading_(S, Pattern);
find(S, Pattern, trailing) -> find_trailing_(S, Pattern, nomatch).

find_leading_([_ | T] = S, Pattern) ->
    case lists:prefix(Pattern, S) of
        true -> S;
        false -> find_leading_(T, Pattern)
    end;
find_leading_([], _) -> nomatch.

find_trailing_([_ | T] = S, Pattern, Last) ->
    case lists:prefix(Pattern, S) of
        true -> find_trailing_(T, Pattern, S);
        false -> find_trailing_(T, Pattern, Last)
    end;
find_trailing_([], _, Last) -> Last.

replace(S, Pattern, Replacement) -> replace(S, Pattern, Replacement, leading).

replace(S, Pattern, Replacement, Where) ->
    lists:join(Replacement, split(S, Pattern, Where)).

lexemes(S, Separators) -> lexemes_(S, Separators, [], []).

lexemes_([C | T], Seps, Word, Acc) ->
    case lists:member(C, Seps) of
        true when Word =:= [] -> lexemes_(T, Seps, [], Acc);
        true -> lexemes_(T, Seps, [], [lists:reverse(Word) | Acc]);
        false -> lexemes_(T, Seps, [C | Word], Acc)
    end;
lexemes_([], _, [], Acc) -> lists:reverse(Acc);
lexemes_([], _, Word, Acc) -> lists:reverse([lists:reverse(Word) | Acc]).

pad(S, Length) -> pad(S, Length, trailing, $\s).

pad(S, Length, Dir) -> pad(S, Length, Dir, $\s).

pad(S, Length, trailing, Char) -> [S | lists:duplicate(max(0, Length - erlang:length(S)), Char)];
pad(S, Length, leading, Char) -> [lists:duplicate(max(0, Length - erlang:length(S)), Char), S];
pad(S, Length, both, Char) ->
    Size = max(0, Length - erlang:length(S)),
    Pre = lists:duplicate(Size div 2, Char),
    Post = case Size rem 2 of
        1 -> [Char];
        _ -> []
    end,
    [Pre, S, Pre | Post].

prefix(S, Prefix) ->
    case lists:prefix(Prefix, S) of
        true -> drop_(S, erlang:length(Prefix));
        false -> nomatch
    end.

%% `{Integer, Rest}` from the digits (and sign) S starts with.
to_integer(S) ->
    {Sign, Digits} = sign_(S),
    case take_digits_(Digits, []) of
        {[], _} -> {error, no_integer};
        {Ds, Rest} -> {Sign * list_to_integer(Ds), Rest}
    end.

to_float(S) ->
    {Sign, Digits} = sign_(S),
    case take_digits_(Digits, []) of
        {[], _} -> {error, no_float};
        {Int, [$. | AfterPoint]} ->
            case take_digits_(AfterPoint, []) of
                {[], _} -> {error, no_float};
                {Frac, Rest0} ->
                    {Exp, Rest} = exponent_(Rest0),
                    {Sign * list_to_float(Int ++ "." ++ Frac ++ Exp), Rest}
            end;
        {_, _} -> {error, no_float}
    end.

exponent_([E | T] = S) when E =:= $e; E =:= $E ->
    {ExpSign, ExpDigits} =
        case T of
            [$- | R] -> {"-", R};
            [$+ | R] -> {"+", R};
            R -> {"", R}
        end,
    case take_digits_(ExpDigits, []) of
        {[], _} -> {"", S};
        {Ds, Rest} -> {"e" ++ ExpSign ++ Ds, Rest}
    end;
exponent_(S) -> {"", S}.

sign_([$- | T]) -> {-1, T};
sign_([$+ | T]) -> {1, T};
sign_(S) -> {1, S}.

take_digits_([D | T], Acc) when D >= $0, D =< $9 -> take_digits_(T, [D | Acc]);
take_digits_(Rest, Acc) -> {lists:reverse(Acc), Rest}.

%% ---- the classic API (obsolete in OTP, still in every book) ----

len(S) -> erlang:length(S).

concat(A, B) -> A ++ B.

join(Strings, Sep) -> lists:append(lists:join(Sep, Strings)).

chr(S, C) -> chr_(S, C, 1).

chr_([C | _], C, I) -> I;
chr_([_ | T], C, I) -> chr_(T, C, I + 1);
chr_([], _, _) -> 0.

rchr(S, C) -> rchr_(S, C, 1, 0).

rchr_([C | T], C, I, _) -> rchr_(T, C, I + 1, I);
rchr_([_ | T], C, I, L) -> rchr_(T, C, I + 1, L);
rchr_([], _, _, L) -> L.

str(S, Sub) -> str_(S, Sub, 1).

str_([_ | T] = S, Sub, I) ->
    case lists:prefix(Sub, S) of
        true -> I;
        false -> str_(T, Sub, I + 1)
    end;
str_([], _, _) -> 0.

rstr(S, Sub) -> rstr_(S, Sub, 1, 0).

rstr_([_ | T] = S, Sub, I, L) ->
    case lists:prefix(Sub, S) of
        true -> rstr_(T, Sub, I + 1, I);
        false -> rstr_(T, Sub, I + 1, L)
    end;
rstr_([], _, _, L) -> L.

substr(S, Start) when is_integer(Start), Start >= 1 -> lists:nthtail(Start - 1, S).

substr(S, Start, Len) when is_integer(Start), Start >= 1, is_integer(Len), Len >= 0 ->
    lists:sublist(lists:nthtail(Start - 1, S), Len).

sub_string(S, Start) -> substr(S, Start).

sub_string(S, Start, Stop) -> substr(S, Start, Stop - Start + 1).

tokens(S, Seps) -> lexemes(S, Seps).

left(S, N) -> left(S, N, $\s).

left(S, N, C) ->
    L = erlang:length(S),
    if
        L >= N -> lists:sublist(S, N);
        true -> S ++ lists:duplicate(N - L, C)
    end.

right(S, N) -> right(S, N, $\s).

right(S, N, C) ->
    L = erlang:length(S),
    if
        L >= N -> lists:nthtail(L - N, S);
        true -> lists:duplicate(N - L, C) ++ S
    end.

centre(S, N) -> centre(S, N, $\s).

centre(_, 0, _) -> [];
centre(S, N, C) ->
    L = erlang:length(S),
    if
        L > N -> lists:sublist(lists:nthtail((L - N) div 2, S), N);
        L =:= N -> S;
        true ->
            %% The larger half of the padding on the right, as OTP pads.
            Pad = N - L,
            lists:duplicate(Pad div 2, C) ++ S ++ lists:duplicate(Pad - Pad div 2, C)
    end.

strip(S) -> strip(S, both).

strip(S, Dir) -> strip(S, Dir, $\s).

strip(S, left, C) -> strip_left_(S, C);
strip(S, right, C) -> lists:reverse(strip_left_(lists:reverse(S), C));
strip(S, both, C) -> strip(strip(S, left, C), right, C).

strip_left_([C | T], C) -> strip_left_(T, C);
strip_left_(S, _) -> S.

copies(S, N) when is_integer(N), N >= 0 -> lists:append(lists:duplicate(N, S)).

words(S) -> words(S, $\s).

words(S, C) -> erlang:length(lexemes(S, [C])).

sub_word(S, N) -> sub_word(S, N, $\s).

sub_word(S, N, C) ->
    Words = lexemes(S, [C]),
    if
        N >= 1, N =< erlang:length(Words) -> lists:nth(N, Words);
        true -> []
    end.

to_upper(S) when is_list(S) -> lists:map(fun upper_/1, S);
to_upper(C) when is_integer(C) -> upper_(C).

to_lower(S) when is_list(S) -> lists:map(fun lower_/1, S);
to_lower(C) when is_integer(C) -> lower_(C).

upper_(C) when C >= $a, C =< $z -> C - 32;
upper_(C) when C >= 224, C =< 254, C =/= 247 -> C - 32;
upper_(C) -> C.

lower_(C) when C >= $A, C =< $Z -> C + 32;
lower_(C) when C >= 192, C =< 222, C =/= 215 -> C + 32;
lower_(C) -> C.
