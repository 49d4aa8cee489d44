%% calendar: the proleptic Gregorian calendar of OTP 25's calendar.erl,
%% days counted from 0000-01-01 (day 0) and seconds from its midnight.
%% The clock functions read the runtime's clock (virtual in a
%% deterministic session); a session has no time zone, so local time is
%% universal time.

is_leap_year(Y) when is_integer(Y), Y >= 0 ->
    (Y rem 4 =:= 0 andalso Y rem 100 > 0) orelse Y rem 400 =:= 0.

last_day_of_the_month(Y, M) when is_integer(Y), Y >= 0 -> month_days(Y, M).

month_days(Y, 2) ->
    case is_leap_year(Y) of
        true -> 29;
        false -> 28
    end;
month_days(_, M) when M =:= 4; M =:= 6; M =:= 9; M =:= 11 -> 30;
month_days(_, M) when is_integer(M), M > 0, M < 13 -> 31.

valid_date({Y, M, D}) -> valid_date(Y, M, D).

valid_date(Y, M, D) when is_integer(Y), is_integer(M), is_integer(D) ->
    Y >= 0 andalso M > 0 andalso M < 13 andalso D > 0 andalso D =< month_days(Y, M);
valid_date(_, _, _) -> false.

date_to_gregorian_days({Y, M, D}) -> date_to_gregorian_days(Y, M, D).

date_to_gregorian_days(Y, M, D) when is_integer(D), D > 0 ->
    Last = last_day_of_the_month(Y, M),
    if
        D =< Last -> days_before_year(Y) + days_before_month(Y, M) + D - 1
    end.

%% Days from 0000-01-01 to the first of January of year Y.
days_before_year(0) -> 0;
days_before_year(Y) ->
    X = Y - 1,
    X * 365 + X div 4 - X div 100 + X div 400 + 366.

days_before_month(Y, M) ->
    Before = element(M, {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334}),
    case M > 2 andalso is_leap_year(Y) of
        true -> Before + 1;
        false -> Before
    end.

gregorian_days_to_date(Days) when is_integer(Days), Days >= 0 ->
    Y = year_of(Days, Days div 366),
    DayOfYear = Days - days_before_year(Y),
    M = month_of(Y, DayOfYear, 12),
    {Y, M, DayOfYear - days_before_month(Y, M) + 1}.

%% The year a day falls in, counting up from an estimate that is never
%% too late (a year has at most 366 days).
year_of(Days, Y) ->
    case days_before_year(Y + 1) =< Days of
        true -> year_of(Days, Y + 1);
        false -> Y
    end.

month_of(Y, DayOfYear, M) ->
    case days_before_month(Y, M) =< DayOfYear of
        true -> M;
        false -> month_of(Y, DayOfYear, M - 1)
    end.

datetime_to_gregorian_seconds({Date, Time}) ->
    86400 * date_to_gregorian_days(Date) + time_to_seconds(Time).

gregorian_seconds_to_datetime(Secs) when is_integer(Secs), Secs >= 0 ->
    Days = Secs div 86400,
    {gregorian_days_to_date(Days), seconds_to_time(Secs rem 86400)}.

%% 1 is Monday, 7 Sunday; 0000-01-01 was a Saturday.
day_of_the_week({Y, M, D}) -> day_of_the_week(Y, M, D).

day_of_the_week(Y, M, D) ->
    (date_to_gregorian_days(Y, M, D) + 5) rem 7 + 1.

time_to_seconds({H, M, S}) when is_integer(H), is_integer(M), is_integer(S) ->
    H * 3600 + M * 60 + S.

seconds_to_time(Secs) when is_integer(Secs), Secs >= 0, Secs < 86400 ->
    {Secs div 3600, (Secs rem 3600) div 60, Secs rem 60}.

seconds_to_daystime(Secs) ->
    Days = Secs div 86400,
    Rest = Secs rem 86400,
    case Rest < 0 of
        true -> {Days - 1, seconds_to_time(Rest + 86400)};
        false -> {Days, seconds_to_time(Rest)}
    end.

time_difference(T1, T2) ->
    seconds_to_daystime(datetime_to_gregorian_seconds(T2) - datetime_to_gregorian_seconds(T1)).

%% ISO 8601 week: {Year, Week}, weeks starting on Monday, week 1 the one
%% holding the year's first Thursday.
iso_week_number() -> iso_week_number(element(1, local_time())).

iso_week_number(Date) ->
    Day = date_to_gregorian_days(Date),
    Thursday = Day - day_of_the_week(Date) + 4,
    {ThursdayYear, _, _} = gregorian_days_to_date(Thursday),
    {ThursdayYear, (Thursday - date_to_gregorian_days(ThursdayYear, 1, 1)) div 7 + 1}.

%% Seconds from 0000-01-01 to 1970-01-01.
unix_epoch() -> 62167219200.

universal_time() ->
    gregorian_seconds_to_datetime(unix_epoch() + erlang:system_time(second)).

local_time() -> universal_time().

universal_time_to_local_time(DateTime) -> DateTime.

local_time_to_universal_time(DateTime) -> DateTime.

system_time_to_universal_time(Time, Unit) ->
    gregorian_seconds_to_datetime(unix_epoch() + erlang:convert_time_unit(Time, Unit, second)).

system_time_to_local_time(Time, Unit) -> system_time_to_universal_time(Time, Unit).

now_to_datetime({Mega, Secs, _Micro}) ->
    gregorian_seconds_to_datetime(unix_epoch() + Mega * 1000000 + Secs).

now_to_universal_time(Now) -> now_to_datetime(Now).

now_to_local_time(Now) -> now_to_datetime(Now).
