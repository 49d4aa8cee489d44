# In the style of Elixir in Action, 3rd edition
# (Saša Jurić), chapter 6:
# a to-do server, a GenServer that owns a to-do list and serves it to
# clients.
# Modelled on: github.com/sasa1977/elixir-in-action
#   commit 4e9067ab5a98959bf5198b2b340a89af429e15c5
#   path code_samples/ch06/todo_server.ex
# Licence: none (the repository has no licence file), so none of its code
# is copied: this program is written for the suite (see SOURCES.md).
defmodule Todo.List do
  defstruct next_id: 1, entries: %{}

  def new, do: %Todo.List{}

  def add_entry(list, entry) do
    entry = Map.put(entry, :id, list.next_id)
    %Todo.List{list | entries: Map.put(list.entries, list.next_id, entry), next_id: list.next_id + 1}
  end

  def entries(list, date) do
    list.entries
    |> Enum.filter(fn {_id, entry} -> entry.date == date end)
    |> Enum.map(fn {_id, entry} -> entry end)
    |> Enum.sort_by(fn entry -> entry.id end)
  end
end

defmodule Todo.Server do
  use GenServer

  def start, do: GenServer.start(__MODULE__, nil)
  def add_entry(server, entry), do: GenServer.cast(server, {:add_entry, entry})
  def entries(server, date), do: GenServer.call(server, {:entries, date})

  @impl GenServer
  def init(_), do: {:ok, Todo.List.new()}

  @impl GenServer
  def handle_cast({:add_entry, entry}, list), do: {:noreply, Todo.List.add_entry(list, entry)}

  @impl GenServer
  def handle_call({:entries, date}, _from, list), do: {:reply, Todo.List.entries(list, date), list}
end

defmodule Main do
  def main do
    {:ok, server} = Todo.Server.start()
    Todo.Server.add_entry(server, %{date: {2023, 12, 19}, title: "Dentist"})
    Todo.Server.add_entry(server, %{date: {2023, 12, 20}, title: "Shopping"})
    Todo.Server.add_entry(server, %{date: {2023, 12, 19}, title: "Movies"})
    for entry <- Todo.Server.entries(server, {2023, 12, 19}) do
      IO.puts("#{entry.id}: #{entry.title}")
    end
    IO.inspect(Todo.Server.entries(server, {2023, 12, 20}))
    IO.inspect(Process.alive?(server))
    GenServer.stop(server)
    IO.inspect(Process.alive?(server))
  end
end
