%% letitcrash's `counter`: incr, decr, {add, N}; call get; any other message
%% crashes it with {bad_message, Msg} (an unknown call with {bad_call, R}).
-module(counter).
-export([init/1]).

init([]) -> loop(0);
init([N]) -> loop(N).

loop(N) ->
    receive
        incr -> loop(N + 1);
        decr -> loop(N - 1);
        {add, K} when is_integer(K) -> loop(N + K);
        {'$gen_call', From, get} -> gen_server:reply(From, N), loop(N);
        {'$gen_call', _, Request} -> exit({bad_call, Request});
        Message ->
            case lic:control(Message) of
                true -> loop(N);
                false -> exit({bad_message, Message})
            end
    end.
