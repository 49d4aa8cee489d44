# In the style of Elixir in Action, 3rd edition
# (Saša Jurić), chapter 7:
# a cache process that maps to-do list names to to-do server processes,
# starting a server the first time a name is asked for.
# Modelled on: github.com/sasa1977/elixir-in-action
#   commit 4e9067ab5a98959bf5198b2b340a89af429e15c5
#   path code_samples/ch07/todo_cache/lib/todo/cache.ex
# Licence: none (the repository has no licence file), so none of its code
# is copied: this program is written for the suite (see SOURCES.md).
defmodule Todo.Server do
  use GenServer

  def start(name), do: GenServer.start(__MODULE__, name)
  def add_entry(server, title), do: GenServer.cast(server, {:add_entry, title})
  def entries(server), do: GenServer.call(server, :entries)

  @impl true
  def init(name), do: {:ok, {name, []}}

  @impl true
  def handle_cast({:add_entry, title}, {name, titles}), do: {:noreply, {name, [title | titles]}}

  @impl true
  def handle_call(:entries, _from, {name, titles} = state),
    do: {:reply, {name, Enum.reverse(titles)}, state}
end

defmodule Todo.Cache do
  use GenServer

  def start, do: GenServer.start(__MODULE__, nil)
  def server_process(cache, name), do: GenServer.call(cache, {:server_process, name})
  def count(cache), do: GenServer.call(cache, :count)

  @impl true
  def init(_), do: {:ok, %{}}

  @impl true
  def handle_call({:server_process, name}, _from, servers) do
    case Map.fetch(servers, name) do
      {:ok, server} ->
        {:reply, server, servers}

      :error ->
        {:ok, server} = Todo.Server.start(name)
        {:reply, server, Map.put(servers, name, server)}
    end
  end

  def handle_call(:count, _from, servers), do: {:reply, map_size(servers), servers}
end

defmodule Main do
  def main do
    {:ok, cache} = Todo.Cache.start()
    bob = Todo.Cache.server_process(cache, "Bob's list")
    alice = Todo.Cache.server_process(cache, "Alice's list")
    IO.inspect(bob == Todo.Cache.server_process(cache, "Bob's list"))
    IO.inspect(bob == alice)
    Todo.Server.add_entry(bob, "Dentist")
    Todo.Server.add_entry(alice, "Movies")
    Todo.Server.add_entry(bob, "Shopping")
    IO.inspect(Todo.Server.entries(bob))
    IO.inspect(Todo.Server.entries(alice))

    1..10
    |> Enum.map(&Todo.Cache.server_process(cache, "list #{&1}"))
    |> Enum.uniq()
    |> length()
    |> IO.inspect()

    IO.inspect(Todo.Cache.count(cache))
  end
end
