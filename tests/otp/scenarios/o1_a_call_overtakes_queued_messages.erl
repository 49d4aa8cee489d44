%% O1: a sink keeps its messages in order and answers a call past them with a
%% selective receive.
-module(o1_a_call_overtakes_queued_messages).
-export([run/0]).

run() ->
    S = lic:spawn(sink, []),
    lic:send(S, a),
    lic:send(S, b),
    lic:obs("count", lic:call(S, count)),
    lic:obs("stop", lic:call(S, stop)),
    lic:settle(),
    lic:obs("gone", lic:whereis(S)).
