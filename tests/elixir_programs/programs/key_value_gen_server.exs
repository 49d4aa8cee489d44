# In the style of Elixir in Action, 3rd edition
# (Saša Jurić), chapter 6:
# a key-value store on GenServer, with a periodic message handled by
# handle_info/2 and a registered name.
# Modelled on: github.com/sasa1977/elixir-in-action
#   commit 4e9067ab5a98959bf5198b2b340a89af429e15c5
#   path code_samples/ch06/key_value_gen_server.ex
# Licence: none (the repository has no licence file), so none of its code
# is copied: this program is written for the suite (see SOURCES.md).
defmodule KeyValueStore do
  use GenServer

  def start, do: GenServer.start(KeyValueStore, nil, name: KeyValueStore)
  def put(key, value), do: GenServer.cast(KeyValueStore, {:put, key, value})
  def get(key), do: GenServer.call(KeyValueStore, {:get, key})
  def size, do: GenServer.call(KeyValueStore, :size)

  @impl GenServer
  def init(_) do
    send(self(), :cleanup)
    {:ok, %{}}
  end

  @impl GenServer
  def handle_info(:cleanup, state) do
    {:noreply, Map.reject(state, fn {_key, value} -> value == nil end)}
  end

  @impl GenServer
  def handle_cast({:put, key, value}, state), do: {:noreply, Map.put(state, key, value)}

  @impl GenServer
  def handle_call({:get, key}, _, state), do: {:reply, Map.get(state, key), state}
  def handle_call(:size, _, state), do: {:reply, map_size(state), state}
end

defmodule Main do
  def main do
    {:ok, _pid} = KeyValueStore.start()
    KeyValueStore.put(:some_key, :some_value)
    KeyValueStore.put(:other, nil)
    IO.inspect(KeyValueStore.get(:some_key))
    IO.inspect(KeyValueStore.get(:missing))
    IO.inspect(KeyValueStore.size())
    send(KeyValueStore, :cleanup)
    IO.inspect(KeyValueStore.size())
    IO.inspect(GenServer.start(KeyValueStore, nil, name: KeyValueStore) |> elem(0))
    IO.inspect(GenServer.whereis(KeyValueStore) == Process.whereis(KeyValueStore))
  end
end
