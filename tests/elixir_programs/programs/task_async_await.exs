# Task.async/await (and async/3 with a module function), results in the
# order asked for whatever order the tasks finish, Task.await_many, and
# a task that crashes, which takes its linked caller down.
defmodule Slow do
  def square(n) do
    Process.sleep(10 * (4 - n))
    n * n
  end
end

defmodule Main do
  def main do
    task = Task.async(fn -> 1 + 2 end)
    IO.inspect(Task.await(task))
    IO.inspect(match?(%Task{}, task))

    1..3
    |> Enum.map(&Task.async(fn -> Slow.square(&1) end))
    |> Enum.map(&Task.await/1)
    |> IO.inspect()

    tasks = for n <- [3, 1, 2], do: Task.async(Slow, :square, [n])
    IO.inspect(Task.await_many(tasks))

    parent = self()
    t = Task.async(fn -> send(parent, {:from_task, self() == parent}) end)
    Task.await(t)

    receive do
      {:from_task, same} -> IO.inspect(same)
    end

    Task.async(fn -> :erlang.error(:badarith) end)
    |> Task.await()

    IO.puts("not reached")
  end
end
