-module(example).

-export([reverse/1]).

reverse(_String) ->
    lists:reverse(_String).
