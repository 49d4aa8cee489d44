defmodule Main do
  def main do
    parent = self()
    spawn(fn -> send(parent, {:hello, 42}) end)

    receive do
      {:hello, n} -> :io.format("got ~p~n", [n])
    end

    pid = spawn(Main, :echo, [])
    send(pid, {self(), :ping})

    receive do
      {^pid, reply} -> :io.format("echo replied ~p~n", [reply])
    end
  end

  def echo do
    receive do
      {from, msg} -> send(from, {self(), msg})
    end
  end
end
