%% letitcrash's `idle`: waits for ever and ignores messages; `stop` ends it
%% normally.
-module(idle).
-export([init/1]).

init([]) -> loop().

loop() ->
    receive
        stop -> ok;
        Message -> lic:control(Message), loop()
    end.
