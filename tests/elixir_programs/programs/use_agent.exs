# `use Agent` in a module of its own (its child_spec/1 names the module),
# an Agent started under a supervisor, get/update/get_and_update/cast,
# and an Agent call whose function raises, which the caller sees as an exit.
defmodule Tally do
  use Agent

  def start_link(initial), do: Agent.start_link(fn -> initial end, name: __MODULE__)
  def value, do: Agent.get(__MODULE__, & &1)
  def add(n), do: Agent.update(__MODULE__, &(&1 + n))
  def take_all, do: Agent.get_and_update(__MODULE__, fn total -> {total, 0} end)
end

defmodule Main do
  def main do
    IO.inspect(Tally.child_spec(1000))
    {:ok, _sup} = Supervisor.start_link([{Tally, 1000}], strategy: :one_for_one)
    IO.inspect(Tally.value())
    Tally.add(5)
    IO.inspect(Tally.value())
    IO.inspect(Tally.take_all())
    IO.inspect(Tally.value())

    {:ok, list} = Agent.start_link(fn -> [] end)
    Agent.cast(list, fn items -> [:cast | items] end)
    Agent.update(list, fn items -> [:update | items] end)
    IO.inspect(Agent.get(list, &Enum.reverse/1))
    IO.inspect(Agent.get(list, fn items -> length(items) end))
    :ok = Agent.stop(list)
    IO.inspect(Process.alive?(list))

    {:ok, other} = Agent.start(fn -> %{} end)
    # The agent's error comes back to the caller as the exit of its call,
    # the error as Erlang raised it (a badkey), which Exception.normalize/2
    # turns into Elixir's KeyError.
    try do
      Agent.get(other, fn map -> Map.fetch!(map, :missing) end)
    catch
      :exit, {{reason, _stack}, {GenServer, :call, _}} ->
        IO.inspect(reason)
        IO.puts(Exception.message(Exception.normalize(:error, reason, [])))
    end

    IO.inspect(Process.alive?(other))
  end
end
