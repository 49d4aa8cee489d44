%% Elixir 1.14's Integer. is_even/1 and is_odd/1 are guard macros there
%% (after `require Integer`); here they are functions, for calls outside
%% guards.
-module('Elixir.Integer').
-export([to_string/1, to_string/2, to_charlist/1, to_charlist/2, parse/1,
         parse/2, digits/1, digits/2, undigits/1, undigits/2, pow/2, gcd/2,
         floor_div/2, mod/2, is_even/1, is_odd/1]).

to_string(N) -> integer_to_binary(N).

to_string(N, Base) -> integer_to_binary(N, Base).

to_charlist(N) -> integer_to_list(N).

to_charlist(N, Base) -> integer_to_list(N, Base).

%% The leading integer of a binary and the rest, or :error.
parse(Bin) -> parse(Bin, 10).

parse(Bin, Base) when is_binary(Bin) ->
    {Sign, Digits} = case Bin of
        <<"-", R/binary>> -> {-1, R};
        <<"+", R/binary>> -> {1, R};
        _ -> {1, Bin}
    end,
    case digits_of(Digits, Base, 0, 0) of
        {0, _, _} -> error;
        {_, Value, Rest} -> {Sign * Value, Rest}
    end.

digits_of(<<C, Rest/binary>> = Bin, Base, Count, Acc) ->
    case digit_value(C) of
        D when D < Base -> digits_of(Rest, Base, Count + 1, Acc * Base + D);
        _ -> {Count, Acc, Bin}
    end;
digits_of(<<>>, _, Count, Acc) -> {Count, Acc, <<>>}.

digit_value(C) when C >= $0, C =< $9 -> C - $0;
digit_value(C) when C >= $a, C =< $z -> C - $a + 10;
digit_value(C) when C >= $A, C =< $Z -> C - $A + 10;
digit_value(_) -> 99.

digits(N) -> digits(N, 10).

digits(0, _) -> [0];
digits(N, Base) when N < 0 -> digits(-N, Base);
digits(N, Base) -> digits_(N, Base, []).

digits_(0, _, Acc) -> Acc;
digits_(N, Base, Acc) -> digits_(N div Base, Base, [N rem Base | Acc]).

undigits(Digits) -> undigits(Digits, 10).

undigits(Digits, Base) -> lists:foldl(fun(D, Acc) -> Acc * Base + D end, 0, Digits).

pow(Base, Exp) when is_integer(Base), is_integer(Exp), Exp >= 0 -> pow_(Base, Exp, 1).

pow_(_, 0, Acc) -> Acc;
pow_(B, E, Acc) when E rem 2 =:= 1 -> pow_(B * B, E div 2, Acc * B);
pow_(B, E, Acc) -> pow_(B * B, E div 2, Acc).

gcd(A, 0) -> abs(A);
gcd(A, B) -> gcd(B, A rem B).

floor_div(A, B) -> floor_div_(A div B, A rem B, B).

floor_div_(Q, R, B) when R =/= 0, (R < 0) =/= (B < 0) -> Q - 1;
floor_div_(Q, _, _) -> Q.

mod(A, B) ->
    R = A rem B,
    case R =/= 0 andalso (R < 0) =/= (B < 0) of
        true -> R + B;
        false -> R
    end.

is_even(N) when is_integer(N) -> N rem 2 =:= 0.

is_odd(N) when is_integer(N) -> N rem 2 =/= 0.
