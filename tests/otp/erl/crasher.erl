%% letitcrash's `crasher(AFTER, REASON)`: dies with REASON (default crash)
%% after AFTER milliseconds, leaving its messages queued.
-module(crasher).
-export([init/1]).

init([After]) -> init([After, crash]);
init([After, Reason]) -> receive after After -> exit(Reason) end.
