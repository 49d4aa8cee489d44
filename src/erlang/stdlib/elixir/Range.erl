%% Elixir 1.14's Range: first..last//step as the struct
%% %Range{first: F, last: L, step: S}, which Enum walks.
-module('Elixir.Range').
-export(['__struct__'/0, '__struct__'/1, new/3, new/2, size/1, '$to_list'/1]).
-struct([first, last, step]).

'__struct__'() -> #{'__struct__' => 'Elixir.Range', first => nil, last => nil, step => nil}.

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

new(First, Last) when First =< Last -> new(First, Last, 1);
new(First, Last) -> new(First, Last, -1).

new(First, Last, Step) when is_integer(First), is_integer(Last), is_integer(Step), Step =/= 0 ->
    #{'__struct__' => 'Elixir.Range', first => First, last => Last, step => Step}.

size(#{first := F, last := L, step := S}) when S > 0, F > L -> 0;
size(#{first := F, last := L, step := S}) when S < 0, F < L -> 0;
size(#{first := F, last := L, step := S}) -> (L - F) div S + 1.

'$to_list'(#{first := F, last := L, step := S}) when S > 0, F > L -> [];
'$to_list'(#{first := F, last := L, step := S}) when S < 0, F < L -> [];
'$to_list'(#{first := F, last := L, step := S}) -> lists:seq(F, L, S).
