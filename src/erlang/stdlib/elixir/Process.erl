%% Elixir 1.14's Process: the BIFs on processes with Elixir's results
%% (nil for undefined, :ok from sleep and send/3).
-module('Elixir.Process').
-export([link/1, unlink/1, monitor/1, demonitor/1, demonitor/2, flag/2,
         register/2, unregister/1, sleep/1, exit/2, 'alive?'/1, send/3,
         send_after/3, send_after/4, cancel_timer/1, read_timer/1, info/1,
         spawn/2, spawn/4, get/0, get/2, get_keys/0, get_keys/1, delete/1,
         whereis/1, get/1, info/2, put/2]).

link(Pid) -> erlang:link(Pid).

unlink(Pid) -> erlang:unlink(Pid).

monitor(Item) -> erlang:monitor(process, Item).

demonitor(Ref) -> erlang:demonitor(Ref).

demonitor(Ref, Opts) -> erlang:demonitor(Ref, Opts).

flag(Flag, Value) -> erlang:process_flag(Flag, Value).

register(Pid, Name) -> erlang:register(Name, Pid).

unregister(Name) -> erlang:unregister(Name).

whereis(Name) -> nillify(erlang:whereis(Name)).

sleep(Ms) -> receive after Ms -> ok end.

exit(Pid, Reason) -> erlang:exit(Pid, Reason).

'alive?'(Pid) -> erlang:is_process_alive(Pid).

send(Dest, Msg, _Opts) -> erlang:send(Dest, Msg), ok.

send_after(Dest, Msg, Time) -> erlang:send_after(Time, Dest, Msg).

send_after(Dest, Msg, Time, _Opts) -> erlang:send_after(Time, Dest, Msg).

cancel_timer(Ref) -> erlang:cancel_timer(Ref).

read_timer(Ref) -> erlang:read_timer(Ref).

info(Pid) -> nillify(erlang:process_info(Pid)).

info(Pid, registered_name) ->
    case erlang:process_info(Pid, registered_name) of
        undefined -> nil;
        [] -> {registered_name, []};
        Other -> Other
    end;
info(Pid, Spec) -> nillify(erlang:process_info(Pid, Spec)).

spawn(Fun, Opts) -> erlang:spawn_opt(Fun, Opts).

spawn(M, F, A, Opts) -> erlang:spawn_opt(M, F, A, Opts).

get() -> erlang:get().

get(Key) -> get(Key, nil).

get(Key, Default) ->
    case erlang:get(Key) of
        undefined -> Default;
        Value -> Value
    end.

get_keys() -> erlang:get_keys().

get_keys(Value) -> erlang:get_keys(Value).

put(Key, Value) -> nillify(erlang:put(Key, Value)).

delete(Key) -> nillify(erlang:erase(Key)).

nillify(undefined) -> nil;
nillify(Other) -> Other.
