%% The `timer` module's functions beside `timer:sleep/1` (a BIF of the
%% VM): measuring a call, and durations in milliseconds, as OTP 25's
%% timer.erl has them. The clock is the runtime's (virtual in a
%% deterministic session).

%% `{Microseconds, Value}` of calling F (with Args).
tc(F) when is_function(F, 0) ->
    T0 = erlang:monotonic_time(microsecond),
    Value = F(),
    {erlang:monotonic_time(microsecond) - T0, Value}.

tc(F, Args) when is_function(F, length(Args)) ->
    T0 = erlang:monotonic_time(microsecond),
    Value = apply(F, Args),
    {erlang:monotonic_time(microsecond) - T0, Value}.

seconds(S) -> 1000 * S.

minutes(M) -> 60 * seconds(M).

hours(H) -> 60 * minutes(H).

hms(H, M, S) -> hours(H) + minutes(M) + seconds(S).
