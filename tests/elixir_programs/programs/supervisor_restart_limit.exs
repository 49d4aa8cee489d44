# `use Supervisor` with a module-based supervisor and `max_restarts` /
# `max_seconds`: a worker that keeps crashing is restarted until the
# limit is exceeded, then the supervisor gives up and exits with
# :shutdown, which a process trapping exits receives as an :EXIT message.
defmodule Flaky do
  use GenServer

  def start_link(tag), do: GenServer.start_link(__MODULE__, tag, name: __MODULE__)

  @impl true
  def init(tag) do
    send(:watcher, {:started, tag})
    {:ok, tag}
  end

  @impl true
  def handle_cast(:crash, _tag), do: raise(ArithmeticError)
end

defmodule FlakySup do
  use Supervisor

  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: __MODULE__)

  @impl true
  def init(max_restarts) do
    children = [{Flaky, :flaky}]
    Supervisor.init(children, strategy: :one_for_one, max_restarts: max_restarts, max_seconds: 3600)
  end
end

defmodule Main do
  def main do
    Process.register(self(), :watcher)
    Process.flag(:trap_exit, true)
    IO.inspect(FlakySup.child_spec(2))
    {:ok, sup} = FlakySup.start_link(2)
    await_start()
    IO.inspect(Supervisor.count_children(sup))

    for round <- 1..2 do
      crash_and_wait()
      await_start()
      IO.puts("restart #{round}")
    end

    IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, _pid, type, mods} -> {id, type, mods} end))
    crash_and_wait()

    receive do
      {:EXIT, ^sup, reason} -> IO.inspect({:supervisor_exited, reason})
    end

    IO.inspect(Process.whereis(FlakySup))
  end

  defp await_start do
    receive do
      {:started, tag} -> IO.inspect({:started, tag})
    end
  end

  defp crash_and_wait do
    pid = Process.whereis(Flaky)
    ref = Process.monitor(pid)
    GenServer.cast(Flaky, :crash)

    receive do
      {:DOWN, ^ref, :process, ^pid, {%ArithmeticError{} = e, _}} ->
        IO.puts("worker crashed: " <> Exception.message(e))
    end
  end
end
