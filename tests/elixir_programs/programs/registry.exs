# Elixir's Registry: unique and duplicate keys, {:via, Registry, _} names,
# entries gone when their process dies, and the errors it raises.
defmodule Worker do
  use GenServer

  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: via(id))
  def via(id), do: {:via, Registry, {Main.Workers, id}}
  def whoami(id), do: GenServer.call(via(id), :whoami)

  @impl true
  def init(id), do: {:ok, id}
  @impl true
  def handle_call(:whoami, _from, id), do: {:reply, {:worker, id}, id}
  @impl true
  def handle_cast(:crash, _id), do: raise("boom")
end

defmodule Main do
  def main do
    {:ok, reg} = Registry.start_link(keys: :unique, name: Main.Workers)
    IO.inspect(is_pid(reg))
    IO.inspect(Registry.start_link(keys: :unique, name: Main.Workers) |> elem(0))

    {:ok, _} = Registry.register(Main.Workers, :me, :shell_value)
    IO.inspect(Registry.lookup(Main.Workers, :me) == [{self(), :shell_value}])
    IO.inspect(Registry.register(Main.Workers, :me, :again) == {:error, {:already_registered, self()}})
    IO.inspect(Registry.keys(Main.Workers, self()))
    IO.inspect(Registry.values(Main.Workers, :me, self()))
    IO.inspect(Registry.update_value(Main.Workers, :me, fn v -> {v, 2} end))
    IO.inspect(Registry.lookup(Main.Workers, :me) |> Enum.map(&elem(&1, 1)))
    IO.inspect(Registry.update_value(Main.Workers, :nobody, fn v -> v end))
    IO.inspect(Registry.count(Main.Workers))
    :ok = Registry.unregister(Main.Workers, :me)
    IO.inspect(Registry.lookup(Main.Workers, :me))
    IO.inspect(Registry.keys(Main.Workers, self()))

    Process.flag(:trap_exit, true)
    {:ok, w1} = Worker.start_link(1)
    {:ok, _} = Worker.start_link(2)
    IO.inspect(Worker.whoami(1))
    IO.inspect(Worker.start_link(1) == {:error, {:already_started, w1}})
    IO.inspect(GenServer.whereis(Worker.via(2)) |> is_pid())
    IO.inspect(Registry.whereis_name({Main.Workers, 3}))
    IO.inspect(Registry.count(Main.Workers))

    GenServer.cast(Worker.via(1), :crash)
    receive do
      {:EXIT, ^w1, {%RuntimeError{message: m}, _}} -> IO.inspect({:exited, m})
    end
    Process.sleep(50)
    IO.inspect(Registry.lookup(Main.Workers, 1))
    IO.inspect(Registry.count(Main.Workers))
    IO.inspect(GenServer.whereis(Worker.via(1)))

    {:ok, _} = Registry.start_link(keys: :duplicate, name: Main.Topics)
    {:ok, _} = Registry.register(Main.Topics, "news", 1)
    {:ok, _} = Registry.register(Main.Topics, "news", 2)
    {:ok, _} = Registry.register(Main.Topics, "sport", 3)
    IO.inspect(Registry.lookup(Main.Topics, "news") |> Enum.map(&elem(&1, 1)) |> Enum.sort())
    IO.inspect(Registry.keys(Main.Topics, self()) |> Enum.sort())
    IO.inspect(Registry.count(Main.Topics))
    Registry.dispatch(Main.Topics, "news", fn entries ->
      for {pid, v} <- entries, do: send(pid, {:news, v})
    end)
    got = for _ <- 1..2, do: (receive do: ({:news, v} -> v))
    IO.inspect(Enum.sort(got))
    :ok = Registry.unregister(Main.Topics, "news")
    IO.inspect(Registry.keys(Main.Topics, self()))

    IO.inspect(Registry.child_spec(keys: :unique, name: Main.Other))
    try do
      Registry.start_link(name: Main.Bad)
    rescue
      e in ArgumentError -> IO.puts(Exception.message(e))
    end
    try do
      Registry.start_link(keys: :unique, name: "bad")
    rescue
      e in ArgumentError -> IO.puts(Exception.message(e))
    end
    try do
      Registry.send({Main.Workers, :nobody}, :hi)
    rescue
      e in ArgumentError -> IO.puts(Exception.message(e))
    end
  end
end
