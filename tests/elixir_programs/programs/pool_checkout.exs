# In the style of The Little Elixir & OTP Guidebook
# (Benjamin Tan Wei Hao), chapters 6-7 (Pooly):
# a pool server that starts workers under a supervisor, checks them out
# to consumers it monitors and takes them back on check-in or when a
# consumer dies.
# Modelled on: github.com/benjamintanweihao/the-little-elixir-otp-guidebook-code
#   commit 78b372fec5bc6f93203707c72a18dabe0fbaca3d
#   path chapter_7/pooly/version-1/lib/pooly/server.ex
# Licence: none (the repository has no licence file), so none of its code
# is copied: this program is written for the suite (see SOURCES.md).
defmodule Pool.SampleWorker do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, [])
  def work_for(pid, ms), do: GenServer.call(pid, {:work, ms})

  @impl true
  def init(:ok), do: {:ok, 0}

  @impl true
  def handle_call({:work, _ms}, _from, jobs), do: {:reply, jobs + 1, jobs + 1}
end

defmodule Pool.Server do
  use GenServer

  defmodule State do
    defstruct sup: nil, workers: [], monitors: %{}, size: 0
  end

  def start_link(size), do: GenServer.start_link(__MODULE__, size, name: __MODULE__)
  def checkout, do: GenServer.call(__MODULE__, :checkout)
  def checkin(worker), do: GenServer.cast(__MODULE__, {:checkin, worker})
  def status, do: GenServer.call(__MODULE__, :status)

  @impl true
  def init(size) do
    {:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one)

    workers =
      for _ <- 1..size do
        {:ok, pid} = DynamicSupervisor.start_child(sup, Pool.SampleWorker)
        pid
      end

    {:ok, %State{sup: sup, workers: workers, size: size}}
  end

  @impl true
  def handle_call(:checkout, {from_pid, _ref}, %{workers: workers, monitors: monitors} = state) do
    case workers do
      [worker | rest] ->
        ref = Process.monitor(from_pid)
        {:reply, worker, %{state | workers: rest, monitors: Map.put(monitors, worker, {from_pid, ref})}}

      [] ->
        {:reply, :noproc, state}
    end
  end

  def handle_call(:status, _from, %{workers: workers, monitors: monitors} = state) do
    {:reply, {length(workers), map_size(monitors)}, state}
  end

  @impl true
  def handle_cast({:checkin, worker}, %{workers: workers, monitors: monitors} = state) do
    case Map.pop(monitors, worker) do
      {{_pid, ref}, monitors} ->
        Process.demonitor(ref)
        {:noreply, %{state | workers: [worker | workers], monitors: monitors}}

      {nil, _} ->
        {:noreply, state}
    end
  end

  @impl true
  def handle_info({:DOWN, ref, _, _, _}, %{workers: workers, monitors: monitors} = state) do
    case Enum.find(monitors, fn {_worker, {_pid, r}} -> r == ref end) do
      {worker, _} ->
        {:noreply, %{state | workers: [worker | workers], monitors: Map.delete(monitors, worker)}}

      nil ->
        {:noreply, state}
    end
  end
end

defmodule Main do
  def main do
    {:ok, _} = Pool.Server.start_link(2)
    IO.inspect(Pool.Server.status())
    w1 = Pool.Server.checkout()
    w2 = Pool.Server.checkout()
    IO.inspect(Pool.Server.checkout())
    IO.inspect(Pool.Server.status())
    IO.inspect({Pool.SampleWorker.work_for(w1, 1), Pool.SampleWorker.work_for(w1, 1)})
    Pool.Server.checkin(w1)
    IO.inspect(Pool.Server.status())
    Pool.Server.checkin(w1)
    IO.inspect(Pool.Server.status())

    parent = self()

    consumer =
      spawn(fn ->
        send(parent, {:got, Pool.Server.checkout()})

        receive do
          :done -> :ok
        end
      end)

    receive do
      {:got, worker} -> IO.inspect(worker == w1)
    end

    IO.inspect(Pool.Server.status())
    ref = Process.monitor(consumer)
    send(consumer, :done)

    receive do
      {:DOWN, ^ref, _, _, _} -> :ok
    end

    IO.inspect(Pool.Server.status())
    Pool.Server.checkin(w2)
    IO.inspect(Pool.Server.status())
  end
end
