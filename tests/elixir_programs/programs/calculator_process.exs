# In the style of Elixir in Action, 3rd edition
# (Saša Jurić), chapter 5:
# a stateful calculator process built from spawn, a receive loop and
# messages, before GenServer is introduced.
# Modelled on: github.com/sasa1977/elixir-in-action
#   commit 4e9067ab5a98959bf5198b2b340a89af429e15c5
#   path code_samples/ch05/calculator.ex
# Licence: none (the repository has no licence file), so none of its code
# is copied: this program is written for the suite (see SOURCES.md).
defmodule Calculator do
  def start, do: spawn(fn -> loop(0) end)

  def value(calculator) do
    send(calculator, {:value, self()})

    receive do
      {:response, value} -> value
    end
  end

  def add(calculator, n), do: send(calculator, {:add, n})
  def sub(calculator, n), do: send(calculator, {:sub, n})
  def mul(calculator, n), do: send(calculator, {:mul, n})
  def div(calculator, n), do: send(calculator, {:div, n})

  defp loop(current) do
    new =
      receive do
        message -> process(current, message)
      end

    loop(new)
  end

  defp process(current, {:value, caller}) do
    send(caller, {:response, current})
    current
  end

  defp process(current, {:add, n}), do: current + n
  defp process(current, {:sub, n}), do: current - n
  defp process(current, {:mul, n}), do: current * n
  defp process(current, {:div, n}), do: current / n

  defp process(current, other) do
    IO.puts("invalid request #{inspect(other)}")
    current
  end
end

defmodule Main do
  def main do
    calculator = Calculator.start()
    IO.inspect(Calculator.value(calculator))
    Calculator.add(calculator, 10)
    Calculator.sub(calculator, 5)
    Calculator.mul(calculator, 3)
    Calculator.div(calculator, 5)
    IO.inspect(Calculator.value(calculator))
    send(calculator, :reset)
    IO.inspect(Calculator.value(calculator))
    ref = Process.monitor(calculator)
    Calculator.div(calculator, 0)

    receive do
      {:DOWN, ^ref, :process, _, {reason, _stack}} -> IO.inspect(reason)
    end
  end
end
