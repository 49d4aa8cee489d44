defmodule Account do
  def open(balance), do: spawn(fn -> loop(%{balance: balance, history: []}) end)

  def call(pid, request) do
    ref = make_ref()
    send(pid, {request, self(), ref})

    receive do
      {^ref, reply} -> reply
    end
  end

  defp loop(state) do
    receive do
      {{:deposit, amount}, from, ref} when amount > 0 ->
        state = %{state | balance: state.balance + amount, history: [{:in, amount} | state.history]}
        send(from, {ref, {:ok, state.balance}})
        loop(state)

      {{:withdraw, amount}, from, ref} ->
        if amount <= state.balance do
          state = %{state | balance: state.balance - amount, history: [{:out, amount} | state.history]}
          send(from, {ref, {:ok, state.balance}})
          loop(state)
        else
          send(from, {ref, {:error, :insufficient_funds}})
          loop(state)
        end

      {:history, from, ref} ->
        send(from, {ref, :lists.reverse(state.history)})
        loop(state)
    end
  end
end

defmodule Main do
  def main do
    acc = Account.open(100)
    :io.format("~p~n", [Account.call(acc, {:deposit, 50})])
    :io.format("~p~n", [Account.call(acc, {:withdraw, 500})])
    :io.format("~p~n", [Account.call(acc, {:withdraw, 30})])
    :io.format("~p~n", [Account.call(acc, :history)])
  end
end
