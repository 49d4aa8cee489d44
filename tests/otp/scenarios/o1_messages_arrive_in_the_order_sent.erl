%% O1: signals from one process to another arrive in the order sent: echoed
%% messages, then the exit of the echo.
-module(o1_messages_arrive_in_the_order_sent).
-export([run/0]).

run() ->
    lic:trap(self(), true),
    E = lic:spawn(echo, [], link),
    lic:send(E, {self(), 1}),
    lic:send(E, {self(), 2}),
    lic:send(E, {self(), {three, 3}}),
    lic:send(E, stop),
    lic:obs("in_order", lic:flush()).
