%% S7: a supervisor is a process: killed, it dies killed, and its children,
%% linked to it, die killed too.
-module(s7_a_supervisor_can_be_killed_and_linked).
-export([run/0]).

run() ->
    lic:trap(self(), true),
    S = lic:sup(s, one_for_one, [lic:worker(a, idle)]),
    link(S),
    lic:monitor(self(), lic:child(s, a)),
    lic:exit(S, kill),
    lic:obs("messages", lic:flush()).
