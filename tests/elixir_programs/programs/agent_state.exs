defmodule Main do
  def main do
    {:ok, agent} = Agent.start_link(fn -> %{} end)
    Agent.update(agent, &Map.put(&1, :a, 1))
    :io.format("~p~n", [Agent.get(agent, & &1)])
  end
end
