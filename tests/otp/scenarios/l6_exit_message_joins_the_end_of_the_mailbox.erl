%% L6: a trapping receiver gets {'EXIT', From, Reason} at the end of its
%% mailbox, after what was there.
-module(l6_exit_message_joins_the_end_of_the_mailbox).
-export([run/0]).

run() ->
    lic:trap(self(), true),
    lic:send(self(), first),
    A = lic:spawn(idle, [], link),
    lic:send(self(), second),
    lic:crash(A, boom),
    lic:send(self(), third),
    lic:obs("mailbox", lic:flush()).
