%% Elixir 1.14's IO, writing to the process's output as io:format does:
%% puts/1 (chardata or anything String.Chars takes, and a newline),
%% write/1, inspect/1,2 (the term as Elixir writes it, via the inspect
%% BIF, and the term itself back).
-module('Elixir.IO').
-export([puts/1, puts/2, write/1, write/2, inspect/1, inspect/2, inspect/3]).

puts(Item) -> puts(stdio, Item).

puts(Device, Item) -> write(Device, [chardata(Item), $\n]).

write(Item) -> write(stdio, Item).

write(_Device, Item) ->
    io:format("~ts", [chardata(Item)]),
    ok.

inspect(Item) -> inspect(Item, []).

inspect(Item, Opts) -> inspect(stdio, Item, Opts).

%% Unlike Kernel.inspect/2, IO.inspect/3 always breaks lines at the width
%% (80 unless given), whatever `pretty:` says: Elixir 1.14 formats its
%% document with Inspect.Algebra.format(Doc, Opts.width). The last
%% `pretty:` in the list is the one the inspect BIF reads.
inspect(Device, Item, Opts) ->
    Pretty = Opts ++ [{pretty, true}],
    Text = case 'Elixir.Keyword':get(Opts, label) of
        nil -> 'Elixir.Kernel':inspect(Item, Pretty);
        Label -> [chardata(Label), <<": ">>, 'Elixir.Kernel':inspect(Item, Pretty)]
    end,
    puts(Device, Text),
    Item.

chardata(Item) when is_binary(Item); is_list(Item) -> 'Elixir.List':to_string([Item]);
chardata(Item) -> 'Elixir.String.Chars':to_string(Item).
