# `use GenServer` with only some callbacks written and `@impl true`: the
# defaults fill in the rest. An unexpected message goes to the default
# handle_info (which logs it and carries on), the default child_spec/1
# names the module, and a call with no handle_call/3 stops the server
# with a RuntimeError the caller sees as the exit of its call.
defmodule Stack do
  use GenServer

  def start_link(items), do: GenServer.start_link(__MODULE__, items)

  @impl true
  def init(items), do: {:ok, items}

  @impl true
  def handle_cast({:push, item}, items), do: {:noreply, [item | items]}
end

defmodule Echo do
  use GenServer

  @impl true
  def init(state), do: {:ok, state}

  @impl true
  def handle_call(:state, _from, state), do: {:reply, state, state}

  @impl true
  def terminate(reason, _state) do
    IO.puts("terminate: #{inspect(reason)}")
  end
end

defmodule Main do
  def main do
    IO.inspect(Stack.child_spec([:x]))
    {:ok, stack} = Stack.start_link([:a])
    GenServer.cast(stack, {:push, :b})
    send(stack, :unexpected)
    IO.inspect(:sys.get_state(stack))
    Process.flag(:trap_exit, true)

    caught =
      try do
        GenServer.call(stack, :pop)
      catch
        :exit, {{%RuntimeError{message: message}, _stack}, {GenServer, :call, _}} ->
          {:call_exit, without_pid(message)}
      end

    IO.inspect(caught)

    receive do
      {:EXIT, ^stack, {%RuntimeError{} = e, _}} -> IO.puts("linked server exited: " <> without_pid(Exception.message(e)))
    end

    {:ok, echo} = GenServer.start_link(Echo, :hello)
    IO.inspect(GenServer.call(echo, :state))
    IO.inspect(GenServer.stop(echo, :bye))
    IO.inspect(Process.alive?(echo))
  end

  # The message names the server's pid, whose number differs between VMs.
  defp without_pid(message) do
    message |> String.split(" ") |> Enum.reject(&String.starts_with?(&1, "#PID<")) |> Enum.join(" ")
  end
end
