defmodule Worker do
  use GenServer

  def start_link(arg), do: GenServer.start_link(__MODULE__, arg, name: __MODULE__)
  def init(arg), do: {:ok, arg}
  def handle_call(:get, _from, s), do: {:reply, s, s}
end

defmodule Main do
  def main do
    {:ok, sup} = Supervisor.start_link([{Worker, 1}], strategy: :one_for_one)
    :io.format("~p~n", [GenServer.call(Worker, :get)])
    Process.exit(Process.whereis(Worker), :kill)
    Process.sleep(50)
    :io.format("~p~n", [GenServer.call(Worker, :get)])
    :io.format("~p~n", [Supervisor.count_children(sup)])
  end
end
