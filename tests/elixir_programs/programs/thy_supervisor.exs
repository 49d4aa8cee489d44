# In the style of The Little Elixir & OTP Guidebook
# (Benjamin Tan Wei Hao), chapter 5:
# a supervisor written by hand, a GenServer that traps exits, links its
# children and restarts one when it dies abnormally.
# Modelled on: github.com/benjamintanweihao/the-little-elixir-otp-guidebook-code
#   commit 78b372fec5bc6f93203707c72a18dabe0fbaca3d
#   path chapter_5/thy_supervisor/lib/thy_supervisor.ex
# Licence: none (the repository has no licence file), so none of its code
# is copied: this program is written for the suite (see SOURCES.md).
defmodule ThySupervisor do
  use GenServer

  def start_link(child_spec_list), do: GenServer.start_link(__MODULE__, child_spec_list)
  def start_child(supervisor, child_spec), do: GenServer.call(supervisor, {:start_child, child_spec})
  def terminate_child(supervisor, pid), do: GenServer.call(supervisor, {:terminate_child, pid})
  def count_children(supervisor), do: GenServer.call(supervisor, :count_children)
  def which_children(supervisor), do: GenServer.call(supervisor, :which_children)
  def pid_of(supervisor, tag), do: GenServer.call(supervisor, {:pid_of, tag})

  @impl true
  def init(child_spec_list) do
    Process.flag(:trap_exit, true)

    state =
      child_spec_list
      |> start_children()
      |> Enum.into(%{})

    {:ok, state}
  end

  @impl true
  def handle_call({:start_child, child_spec}, _from, state) do
    case start_child(child_spec) do
      {:ok, pid} -> {:reply, {:ok, pid}, Map.put(state, pid, child_spec)}
      :error -> {:reply, {:error, "error starting child"}, state}
    end
  end

  def handle_call({:terminate_child, pid}, _from, state) do
    case terminate_child(pid) do
      :ok -> {:reply, :ok, Map.delete(state, pid)}
      :error -> {:reply, {:error, "error terminating child"}, state}
    end
  end

  def handle_call(:count_children, _from, state), do: {:reply, map_size(state), state}
  def handle_call(:which_children, _from, state), do: {:reply, Map.values(state), state}

  def handle_call({:pid_of, tag}, _from, state) do
    pid = Enum.find_value(state, fn {pid, {_, _, [t]}} -> if t == tag, do: pid end)
    {:reply, pid, state}
  end

  @impl true
  def handle_info({:EXIT, from, :normal}, state), do: {:noreply, Map.delete(state, from)}
  def handle_info({:EXIT, from, :killed}, state), do: {:noreply, Map.delete(state, from)}

  def handle_info({:EXIT, old_pid, _reason}, state) do
    case Map.fetch(state, old_pid) do
      {:ok, child_spec} ->
        {:ok, new_pid} = start_child(child_spec)
        {:noreply, state |> Map.delete(old_pid) |> Map.put(new_pid, child_spec)}

      :error ->
        {:noreply, state}
    end
  end

  defp start_children([child_spec | rest]) do
    case start_child(child_spec) do
      {:ok, pid} -> [{pid, child_spec} | start_children(rest)]
      :error -> :error
    end
  end

  defp start_children([]), do: []

  defp start_child({mod, fun, args}) do
    case apply(mod, fun, args) do
      pid when is_pid(pid) ->
        Process.link(pid)
        {:ok, pid}

      _ ->
        :error
    end
  end

  defp terminate_child(pid) do
    Process.exit(pid, :kill)
    :ok
  end
end

defmodule ThyWorker do
  def start_link(tag), do: spawn(fn -> loop(tag) end)

  def loop(tag) do
    receive do
      {:whoami, caller} ->
        send(caller, {:iam, tag})
        loop(tag)

      :stop ->
        :ok

      :crash ->
        exit(:crashed_on_purpose)
    end
  end
end

defmodule Main do
  def ask(pid) do
    send(pid, {:whoami, self()})

    receive do
      {:iam, tag} -> tag
    end
  end

  def main do
    {:ok, sup} = ThySupervisor.start_link([{ThyWorker, :start_link, [:a]}, {ThyWorker, :start_link, [:b]}])
    IO.inspect(ThySupervisor.count_children(sup))
    {:ok, c} = ThySupervisor.start_child(sup, {ThyWorker, :start_link, [:c]})
    IO.inspect(ask(c))
    IO.inspect(ThySupervisor.which_children(sup) |> Enum.sort())
    send(c, :crash)
    # The call is handled after the supervisor has dealt with the exit.
    Process.sleep(20)
    IO.inspect(ThySupervisor.count_children(sup))
    IO.inspect(Process.alive?(c))
    IO.inspect(ThySupervisor.which_children(sup) |> Enum.sort())
    restarted_c = ThySupervisor.pid_of(sup, :c)
    IO.inspect(restarted_c != c)
    IO.inspect(ask(restarted_c))
    :ok = ThySupervisor.terminate_child(sup, restarted_c)
    IO.inspect(ThySupervisor.count_children(sup))
    {:ok, d} = ThySupervisor.start_child(sup, {ThyWorker, :start_link, [:d]})
    send(d, :stop)
    Process.sleep(20)
    IO.inspect(ThySupervisor.count_children(sup))
  end
end
