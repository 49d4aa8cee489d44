# A Registry in a supervision tree, as Elixir in Action's process registry
# is: workers named {:via, Registry, _} come back under the same name after
# a crash, and the dead one's entry is gone.
defmodule Reg do
  def start_link, do: Registry.start_link(keys: :unique, name: __MODULE__)
  def via(key), do: {:via, Registry, {__MODULE__, key}}

  def child_spec(_) do
    Supervisor.child_spec(Registry, id: __MODULE__, start: {__MODULE__, :start_link, []})
  end
end

defmodule Counter do
  use Agent

  def start_link(name), do: Agent.start_link(fn -> 0 end, name: Reg.via(name))
  def child_spec(name), do: %{id: {Counter, name}, start: {Counter, :start_link, [name]}}
  def bump(name), do: Agent.update(Reg.via(name), &(&1 + 1))
  def value(name), do: Agent.get(Reg.via(name), & &1)
end

defmodule Main do
  def main do
    children = [Reg, {Counter, :a}, {Counter, :b}]
    {:ok, sup} = Supervisor.start_link(children, strategy: :rest_for_one)

    for {id, _pid, type, modules} <- Supervisor.which_children(sup) |> Enum.reverse() do
      IO.inspect({id, type, modules})
    end

    Counter.bump(:a)
    Counter.bump(:a)
    IO.inspect({Counter.value(:a), Counter.value(:b)})

    old = GenServer.whereis(Reg.via(:a))
    Process.exit(old, :kill)
    Process.sleep(50)
    new = GenServer.whereis(Reg.via(:a))
    IO.inspect({is_pid(new), new != old, Counter.value(:a)})
    IO.inspect(Registry.count(Reg))

    b = GenServer.whereis(Reg.via(:b))
    Process.monitor(b)
    Agent.stop(Reg.via(:b), :boom)
    receive do
      {:DOWN, _, :process, ^b, reason} -> IO.inspect({:b_down, reason})
    end
    Process.sleep(50)
    IO.inspect({Registry.count(Reg), Registry.keys(Reg, b)})
    IO.inspect({Counter.value(:a), Counter.value(:b)})
    IO.inspect(Supervisor.count_children(sup))
  end
end
