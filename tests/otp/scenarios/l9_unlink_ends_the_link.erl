%% L9: after unlink returns the link has no effect; an 'EXIT' already in the
%% mailbox stays there.
-module(l9_unlink_ends_the_link).
-export([run/0]).

run() ->
    lic:trap(self(), true),
    A = lic:spawn(idle, [], link),
    lic:settled(unlink(A)),
    lic:crash(A, boom),
    lic:obs("after_unlink", lic:flush()),
    B = lic:spawn(idle, [], link),
    lic:crash(B, bang),
    lic:settled(unlink(B)),
    lic:obs("already_there", lic:flush()).
