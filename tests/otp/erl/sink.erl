%% letitcrash's `sink`: keeps every message in its mailbox; answers the
%% calls `count` (queued messages) and `stop`.
-module(sink).
-export([init/1]).

init([]) -> loop().

loop() ->
    receive
        {'$lic', _, _, _} = Control -> lic:control(Control), loop();
        {'$lic_crash', _} = Control -> lic:control(Control);
        {'$gen_call', From, count} ->
            {message_queue_len, N} = process_info(self(), message_queue_len),
            gen_server:reply(From, N), loop();
        {'$gen_call', From, stop} -> gen_server:reply(From, ok);
        {'$gen_call', From, Other} -> gen_server:reply(From, {error, {unknown_call, Other}}), loop()
    end.
