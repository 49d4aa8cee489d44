%% L2: when a process ends with reason R, every linked process gets an exit
%% signal with R.
-module(l2_links_carry_the_exit_reason).
-export([run/0]).

run() ->
    lic:trap(self(), true),
    A = lic:spawn(idle, []),
    link(A),
    B = lic:spawn(sink, []),
    lic:trap(B, true),
    lic:link(B, A),
    lic:crash(A, {shutdown, tired}),
    lic:try_obs("shell_got", fun() -> lic:recv(1000) end),
    lic:obs("sink_queue", lic:call(B, count)).
