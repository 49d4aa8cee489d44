-module(example).
-export([hello/0]).

hello() ->
  "Hello, World!".
