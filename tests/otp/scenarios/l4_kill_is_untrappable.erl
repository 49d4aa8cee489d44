%% L4: kill cannot be trapped: a trapping P dies killed, and its link carries
%% killed to the trapping shell as an ordinary reason.
-module(l4_kill_is_untrappable).
-export([run/0]).

run() ->
    lic:trap(self(), true),
    P = lic:spawn(idle, []),
    lic:trap(P, true),
    link(P),
    lic:exit(P, kill),
    lic:try_obs("exit", fun() -> lic:recv(1000) end).
