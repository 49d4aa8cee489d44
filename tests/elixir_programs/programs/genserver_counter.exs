defmodule Counter do
  use GenServer

  def start_link(initial), do: GenServer.start_link(__MODULE__, initial)
  def increment(pid), do: GenServer.cast(pid, :increment)
  def value(pid), do: GenServer.call(pid, :value)

  @impl true
  def init(initial), do: {:ok, initial}

  @impl true
  def handle_cast(:increment, n), do: {:noreply, n + 1}

  @impl true
  def handle_call(:value, _from, n), do: {:reply, n, n}
end

defmodule Main do
  def main do
    {:ok, pid} = Counter.start_link(5)
    Counter.increment(pid)
    Counter.increment(pid)
    :io.format("~p~n", [Counter.value(pid)])
    :io.format("~p~n", [Counter.child_spec(7)])
  end
end
