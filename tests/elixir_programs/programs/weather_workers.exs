# In the style of The Little Elixir & OTP Guidebook
# (Benjamin Tan Wei Hao), chapter 3 (Metex):
# temperature workers that receive {sender, location} and answer, and a
# coordinator that gathers the answers and prints them once all have come.
# The book's Metex asks a web service; here the temperatures (whole
# kelvins) come from a table.
# Modelled on: github.com/benjamintanweihao/the-little-elixir-otp-guidebook-code
#   commit 78b372fec5bc6f93203707c72a18dabe0fbaca3d
#   path chapter_3/metex/lib/worker.ex and coordinator.ex
# Licence: none (the repository has no licence file), so none of its code
# is copied: this program is written for the suite (see SOURCES.md).
defmodule Weather.Worker do
  @temperatures %{"Singapore" => 303, "London" => 284, "Oslo" => 268}

  def loop do
    receive do
      {sender_pid, location} ->
        send(sender_pid, {:ok, temperature_of(location)})

      _ ->
        IO.puts("don't know how to process this message")
    end

    loop()
  end

  defp temperature_of(location) do
    case Map.fetch(@temperatures, location) do
      {:ok, kelvin} -> "#{location}: #{kelvin - 273}°C"
      :error -> "#{location} not found"
    end
  end
end

defmodule Weather.Coordinator do
  def loop(results \\ [], results_expected) do
    receive do
      {:ok, result} ->
        new_results = [result | results]

        if results_expected == Enum.count(new_results) do
          send(self(), :exit)
        end

        loop(new_results, results_expected)

      :exit ->
        IO.puts(results |> Enum.sort() |> Enum.join(", "))

      _ ->
        loop(results, results_expected)
    end
  end
end

defmodule Main do
  def main do
    cities = ["Singapore", "Oslo", "Atlantis", "London"]
    coordinator_pid = spawn(Weather.Coordinator, :loop, [[], Enum.count(cities)])
    ref = Process.monitor(coordinator_pid)

    cities
    |> Enum.each(fn city ->
      worker_pid = spawn(Weather.Worker, :loop, [])
      send(worker_pid, {coordinator_pid, city})
    end)

    receive do
      {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason)
    end
  end
end
