%% supervisor, after OTP 25's supervisor.erl: a supervisor with a callback
%% module. The supervisor process itself is the playground's own (the one
%% `sup` starts, which `tree`, `why` and the stage show), started by the
%% BIF `erlang:'$spawn_supervisor'/3`: it calls `Mod:init(Args)` and each
%% child's start function *in itself* through `'$init'/2` and
%% `'$start_child'/3` below, as OTP's does (see
%% src/erlang/vm/bifs_supervisor.rs). Its API is OTP's calls, which it
%% answers with OTP's replies.

start_link(Mod, Args) ->
    proc_lib:sync_start_link(erlang:'$spawn_supervisor'(self, Mod, Args), infinity).

start_link(SupName, Mod, Args) ->
    case gen:where(SupName) of
        undefined ->
            proc_lib:sync_start_link(erlang:'$spawn_supervisor'(SupName, Mod, Args), infinity);
        Pid ->
            {error, {already_started, Pid}}
    end.

start_child(Supervisor, ChildSpec) -> call(Supervisor, {start_child, ChildSpec}).

restart_child(Supervisor, Id) -> call(Supervisor, {restart_child, Id}).

delete_child(Supervisor, Id) -> call(Supervisor, {delete_child, Id}).

terminate_child(Supervisor, Id) -> call(Supervisor, {terminate_child, Id}).

which_children(Supervisor) -> call(Supervisor, which_children).

count_children(Supervisor) -> call(Supervisor, count_children).

call(Supervisor, Req) -> gen_server:call(Supervisor, Req, infinity).

%% Run in the supervisor process by the BIF: what init/1 returns, or
%% the exception it raises (as the supervisor's exit reason).
'$init'(Mod, Args) -> exit({'$init', Mod:init(Args)}).

%% Run in the supervisor for each child, as OTP's do_start_child_i/3:
%% whatever the start function returns, or {'EXIT', Reason} if it raised.
'$start_child'(M, F, A) -> exit({'$start_child', catch apply(M, F, A)}).
