# In the style of The Little Elixir & OTP Guidebook
# (Benjamin Tan Wei Hao), chapter 5:
# a ring of linked processes; killing one brings the whole ring down,
# unless a process traps exits, in which case it gets an :EXIT message.
# Modelled on: github.com/benjamintanweihao/the-little-elixir-otp-guidebook-code
#   commit 78b372fec5bc6f93203707c72a18dabe0fbaca3d
#   path (the ring is in the book's text; the repository has no file for it)
# Licence: none (the repository has no licence file), so none of its code
# is copied: this program is written for the suite (see SOURCES.md).
defmodule Ring do
  def create_processes(n), do: Enum.map(1..n, fn _ -> spawn(fn -> loop() end) end)

  def loop do
    receive do
      {:link, link_to} when is_pid(link_to) ->
        Process.link(link_to)
        loop()

      :trap_exit ->
        Process.flag(:trap_exit, true)
        loop()

      {:EXIT, _pid, reason} ->
        send(:ring_watcher, {:trapped, reason})
        loop()

      :crash ->
        1 / 0
    end
  end

  def link_processes(procs), do: link_processes(procs, [])

  def link_processes([proc_1, proc_2 | rest], linked_processes) do
    send(proc_1, {:link, proc_2})
    link_processes([proc_2 | rest], [proc_1 | linked_processes])
  end

  def link_processes([proc | []], linked_processes) do
    first_process = linked_processes |> List.last()
    send(proc, {:link, first_process})
    :ok
  end
end

defmodule Main do
  def main do
    Process.register(self(), :ring_watcher)
    procs = Ring.create_processes(5)
    refs = Enum.map(procs, &Process.monitor/1)
    :ok = Ring.link_processes(procs)
    Process.sleep(20)
    IO.inspect(Enum.map(procs, fn pid -> length(elem(Process.info(pid, :links), 1)) end))
    send(Enum.at(procs, 2), :crash)

    reasons =
      for ref <- refs do
        receive do
          {:DOWN, ^ref, :process, _, reason} -> strip(reason)
        end
      end

    IO.inspect(reasons)

    [a, b, c] = Ring.create_processes(3)
    Ring.link_processes([a, b, c])
    send(b, :trap_exit)
    Process.sleep(20)
    Process.exit(a, :kill)

    receive do
      {:trapped, reason} -> IO.inspect({:b_trapped, reason})
    end

    IO.inspect([Process.alive?(a), Process.alive?(b), Process.alive?(c)])
  end

  defp strip({reason, [_ | _]}), do: reason
  defp strip(reason), do: reason
end
