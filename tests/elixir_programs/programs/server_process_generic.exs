# In the style of Elixir in Action, 3rd edition
# (Saša Jurić), chapter 6:
# a hand-written generic server process with a callback module, the
# idea GenServer is built on (calls and casts).
# Modelled on: github.com/sasa1977/elixir-in-action
#   commit 4e9067ab5a98959bf5198b2b340a89af429e15c5
#   path code_samples/ch06/server_process_cast.ex
# Licence: none (the repository has no licence file), so none of its code
# is copied: this program is written for the suite (see SOURCES.md).
defmodule ServerProcess do
  def start(callback_module) do
    spawn(fn ->
      initial_state = callback_module.init()
      loop(callback_module, initial_state)
    end)
  end

  def call(server_pid, request) do
    send(server_pid, {:call, request, self()})

    receive do
      {:response, response} -> response
    end
  end

  def cast(server_pid, request), do: send(server_pid, {:cast, request})

  defp loop(callback_module, current_state) do
    receive do
      {:call, request, caller} ->
        {response, new_state} = callback_module.handle_call(request, current_state)
        send(caller, {:response, response})
        loop(callback_module, new_state)

      {:cast, request} ->
        new_state = callback_module.handle_cast(request, current_state)
        loop(callback_module, new_state)
    end
  end
end

defmodule KeyValueStore do
  def init, do: %{}

  def start, do: ServerProcess.start(KeyValueStore)
  def put(pid, key, value), do: ServerProcess.cast(pid, {:put, key, value})
  def get(pid, key), do: ServerProcess.call(pid, {:get, key})

  def handle_cast({:put, key, value}, state), do: Map.put(state, key, value)
  def handle_call({:get, key}, state), do: {Map.get(state, key), state}
end

defmodule Main do
  def main do
    pid = KeyValueStore.start()
    KeyValueStore.put(pid, :some_key, :some_value)
    KeyValueStore.put(pid, "two", 2)
    IO.inspect(KeyValueStore.get(pid, :some_key))
    IO.inspect(KeyValueStore.get(pid, "two"))
    IO.inspect(KeyValueStore.get(pid, :nope))
    ref = Process.monitor(pid)
    ServerProcess.cast(pid, {:unknown})

    receive do
      {:DOWN, ^ref, :process, _, {reason, _}} -> IO.inspect(reason)
    end
  end
end
