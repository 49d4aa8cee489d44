%% Elixir 1.14's Float: round/floor/ceil to a number of decimal digits,
%% parse/1, to_string/1, and the constants.
%%
%% Rounding works on the float's exact value, as Elixir's does: 2.675 is
%% 2.67499999999999982236431605997495353221893310546875, so
%% Float.round(2.675, 2) is 2.67. The float is taken apart with the bit
%% syntax, Value * 10^Precision is computed with integers (bignums),
%% rounded (half away from zero, down or up), and the digits are read
%% back as the nearest float. As in Elixir: a zero is returned as it is
%% (-0.0 too), a result that rounds to zero is 0.0 whatever the sign, and
%% to a whole number round/2 is Erlang's round/1 and floor/ceil are
%% math:floor/ceil.
-module('Elixir.Float').
-export([round/1, round/2, floor/1, floor/2, ceil/1, ceil/2, parse/1,
         to_string/1, to_charlist/1, max_finite/0, min_finite/0, pow/2]).
-compile({no_auto_import, [round/1, floor/1, ceil/1]}).

round(Float) -> round(Float, 0).
%% To a whole number, Elixir rounds with Erlang's round/1: -0.4 is 0.0.
round(Float, 0) when is_float(Float) -> float(erlang:round(Float));
round(Float, Precision) when is_float(Float) -> decimal(Float, Precision, half_up).

floor(Float) -> floor(Float, 0).
floor(Float, 0) when is_float(Float) -> math:floor(Float);
floor(Float, Precision) when is_float(Float) -> decimal(Float, Precision, floor).

ceil(Float) -> ceil(Float, 0).
ceil(Float, 0) when is_float(Float) -> math:ceil(Float);
ceil(Float, Precision) when is_float(Float) -> decimal(Float, Precision, ceil).

decimal(Float, Precision, _Rounding) when Float == 0.0, is_integer(Precision), Precision >= 0, Precision =< 15 ->
    Float;
decimal(Float, Precision, Rounding) when is_integer(Precision), Precision >= 0, Precision =< 15 ->
    <<Sign:1, Exponent:11, Fraction:52>> = <<Float/float>>,
    case Exponent of
        2047 -> Float;
        _ ->
            %% Float = (-1)^Sign * Mantissa * 2^Shift, exactly.
            {Mantissa, Shift} = case Exponent of
                                    0 -> {Fraction, -1074};
                                    _ -> {Fraction + (1 bsl 52), Exponent - 1075}
                                end,
            Scaled = Mantissa * pow10(Precision),
            {Quotient, Remainder, Divisor} =
                case Shift >= 0 of
                    true -> {Scaled bsl Shift, 0, 1};
                    false -> {Scaled bsr -Shift, Scaled band ((1 bsl -Shift) - 1), 1 bsl -Shift}
                end,
            Digits = Quotient + bump(Rounding, Sign, Remainder, Divisor),
            from_digits(Sign, Digits, Precision)
    end;
decimal(_Float, Precision, _Rounding) ->
    erlang:error('Elixir.ArgumentError':exception(
                   <<"precision ", ('Elixir.String.Chars':to_string(Precision))/binary,
                     " is out of valid range of 0..15">>)).

%% What to add to the magnitude's truncated digits.
bump(_, _, 0, _) -> 0;
bump(half_up, _, Remainder, Divisor) when 2 * Remainder >= Divisor -> 1;
bump(half_up, _, _, _) -> 0;
bump(floor, 1, _, _) -> 1;
bump(floor, 0, _, _) -> 0;
bump(ceil, 0, _, _) -> 1;
bump(ceil, 1, _, _) -> 0.

from_digits(_Sign, 0, _Precision) -> 0.0;
from_digits(Sign, Digits, Precision) ->
    Magnitude = list_to_float(integer_to_list(Digits) ++ ".0e-" ++ integer_to_list(Precision)),
    case Sign of
        0 -> Magnitude;
        1 -> -Magnitude
    end.

pow10(0) -> 1;
pow10(N) -> 10 * pow10(N - 1).

%% "12.5x" is {12.5, "x"}: an optional sign, digits, then a fraction
%% and an exponent if whole ones follow.
parse(<<$-, Rest/binary>>) -> signed(-1, Rest);
parse(<<$+, Rest/binary>>) -> signed(1, Rest);
parse(Binary) when is_binary(Binary) -> signed(1, Binary).

signed(Sign, Binary) ->
    case digits(Binary) of
        {<<>>, _} -> error;
        {Int, Rest} ->
            {Frac, Rest1} = fraction(Rest),
            {Exp, Rest2} = exponent(Rest1),
            Text = binary_to_list(<<Int/binary, ".", Frac/binary, "e", Exp/binary>>),
            %% An exponent beyond a float's range is :error, as in Elixir.
            try list_to_float(Text) of
                Value -> {Sign * Value, Rest2}
            catch
                error:badarg -> error
            end
    end.

fraction(<<$., D, _/binary>> = Binary) when D >= $0, D =< $9 ->
    <<$., Rest/binary>> = Binary,
    digits(Rest);
fraction(Rest) -> {<<"0">>, Rest}.

exponent(<<E, Rest/binary>> = Binary) when E =:= $e; E =:= $E ->
    {Sign, AfterSign} = case Rest of
                            <<$-, R/binary>> -> {<<"-">>, R};
                            <<$+, R/binary>> -> {<<>>, R};
                            _ -> {<<>>, Rest}
                        end,
    case digits(AfterSign) of
        {<<>>, _} -> {<<"0">>, Binary};
        {Digits, Rest1} -> {<<Sign/binary, Digits/binary>>, Rest1}
    end;
exponent(Rest) -> {<<"0">>, Rest}.

digits(Binary) -> digits(Binary, <<>>).
digits(<<D, Rest/binary>>, Acc) when D >= $0, D =< $9 -> digits(Rest, <<Acc/binary, D>>);
digits(Rest, Acc) -> {Acc, Rest}.

to_string(Float) when is_float(Float) -> 'Elixir.String.Chars':to_string(Float).

to_charlist(Float) when is_float(Float) -> binary_to_list(to_string(Float)).

max_finite() -> 1.7976931348623157e308.

min_finite() -> -1.7976931348623157e308.

pow(Base, Exponent) when is_float(Base), is_number(Exponent) -> math:pow(Base, Exponent).
