%% L1: linking to yourself does nothing: the trapping shell linked to itself
%% and to A hears only of A.
-module(l1_linking_to_yourself_does_nothing).
-export([run/0]).

run() ->
    lic:trap(self(), true),
    lic:obs("self_link", link(self())),
    A = lic:spawn(idle, [], link),
    lic:crash(A, boom),
    lic:obs("messages", lic:flush()).
