%% String, Integer and String.Chars.
-module(ex_string).
-export([main/0]).

-include("driver.hrl").

main() ->
    S = 'Elixir.String',
    I = 'Elixir.Integer',
    C = 'Elixir.String.Chars',
    U = <<"héllo wörld"/utf8>>,
    w({S:length(U), byte_size(U), S:upcase(U), S:downcase(<<"ÀBC Déf"/utf8>>), S:capitalize(<<"hELLO world">>)}),
    p({S:split(<<"  a b\t\n c  ">>), S:split(<<"a,b,,c">>, <<",">>), S:split(<<"a,b,,c">>, <<",">>, [{trim, true}]),
       S:split(<<"a,b,,c">>, <<",">>, [{parts, 2}]), S:split(<<"abc">>, <<>>), S:split(<<>>, <<",">>), S:split(<<"a-b_c">>, [<<"-">>, <<"_">>])}),
    p({S:trim(<<"  hi \n">>), S:trim_leading(<<"  hi  ">>), S:trim_trailing(<<"  hi  ">>), S:trim(<<"xxhixx">>, <<"x">>),
       S:trim_leading(<<"--a-">>, <<"-">>), S:trim_trailing(<<"--a--">>, <<"-">>)}),
    p({S:replace(<<"a-b-c">>, <<"-">>, <<"+">>), S:replace(<<"a-b-c">>, <<"-">>, <<"">>, [{global, false}]),
       S:replace(<<"aaa">>, <<"a">>, <<"bb">>), S:replace(<<"abc">>, <<>>, <<".">>), S:replace(<<"a-b">>, [<<"a">>, <<"b">>], <<"x">>)}),
    w({S:'contains?'(U, <<"wör"/utf8>>), S:'contains?'(U, <<"xyz">>), S:'contains?'(U, [<<"x">>, <<"h">>]), S:'contains?'(U, <<>>)}),
    w({S:'starts_with?'(U, <<"hé"/utf8>>), S:'starts_with?'(U, [<<"x">>, <<"h">>]), S:'ends_with?'(U, <<"ld">>), S:'ends_with?'(U, <<"x">>)}),
    w({S:reverse(U), S:duplicate(<<"ab">>, 3), S:to_integer(<<"-42">>), S:to_integer(<<"ff">>, 16), S:to_atom(<<"hey">>), S:to_charlist(U), S:to_float(<<"2.5">>)}),
    w({S:slice(U, 1, 3), S:slice(U, -3, 2), S:slice(U, 'Elixir.Range':new(2, 4)), S:slice(U, 'Elixir.Range':new(-5, -1)), S:slice(U, 100, 2)}),
    w({S:at(U, 1), S:at(U, -1), S:at(U, 100), S:first(U), S:last(U), S:first(<<>>), S:last(<<>>)}),
    p({S:pad_leading(<<"7">>, 3, <<"0">>), S:pad_trailing(<<"ab">>, 5), S:pad_leading(<<"abc">>, 2), S:pad_leading(<<"x">>, 6, <<"ab">>)}),
    w({S:graphemes(<<"hé"/utf8>>), S:codepoints(<<"añb"/utf8>>), S:'valid?'(<<"ok">>), S:'valid?'(<<255>>), S:split_at(<<"hello">>, 2), S:split_at(<<"hello">>, -1)}),
    try_(fun() -> S:to_integer(<<"12x">>) end),
    p({I:to_string(255), I:to_string(-255, 16), I:to_string(255, 2), I:to_charlist(42), I:to_charlist(255, 16)}),
    p({I:parse(<<"12abc">>), I:parse(<<"-7">>), I:parse(<<"x1">>), I:parse(<<"+3 ">>), I:parse(<<"ff">>, 16), I:parse(<<>>)}),
    p({I:digits(1230), I:digits(0), I:digits(255, 16), I:undigits([1, 2, 3]), I:undigits([1, 0], 2), I:pow(2, 100), I:pow(-3, 3)}),
    p({I:gcd(12, 18), I:gcd(-4, 6), I:floor_div(-7, 2), I:floor_div(7, 2), I:mod(-7, 3), I:mod(7, -3), I:mod(6, 3)}),
    p({C:to_string(<<"bin">>), C:to_string(atom), C:to_string(nil), C:to_string(true), C:to_string(42), C:to_string(-7)}),
    p({C:to_string(1.0), C:to_string(0.1), C:to_string(3.14159), C:to_string(1.0e20), C:to_string(1.0e-5), C:to_string(-2.5), C:to_string(123456789.0), C:to_string(0.0)}),
    p({C:to_string("charlist"), C:to_string([104, <<"i">>, [33]])}),
    try_(fun() -> C:to_string('Elixir.Range':new(1, 5)) end),
    try_(fun() -> C:to_string({1, 2}) end),
    try_(fun() -> C:to_string(#{a => 1}) end),
    w({S:upcase(<<"straße ÿ αβγ ς привет ёж"/utf8>>), S:downcase(<<"ΑΒΓ ПРИВЕТ ЁЖ Ÿ"/utf8>>), S:capitalize(<<"élan"/utf8>>)}).
