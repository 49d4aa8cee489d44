%% letitcrash's `echo`: answers {Pid, Msg} by sending Msg back to Pid;
%% `stop` ends it.
-module(echo).
-export([init/1]).

init([]) -> loop().

loop() ->
    receive
        stop -> ok;
        {Pid, Message} when is_pid(Pid) -> Pid ! Message, loop();
        Message -> lic:control(Message), loop()
    end.
