# In the style of Elixir in Action, 3rd edition
# (Saša Jurić), chapter 4:
# a to-do list as a struct of entries keyed by an auto-incremented id:
# new/1 from a list, add, entries of a date, update, delete.
# Modelled on: github.com/sasa1977/elixir-in-action
#   commit 4e9067ab5a98959bf5198b2b340a89af429e15c5
#   path code_samples/ch04/todo_crud.ex
# Licence: none (the repository has no licence file), so none of its code
# is copied: this program is written for the suite (see SOURCES.md).
defmodule TodoList do
  defstruct next_id: 1, entries: %{}

  def new(entries \\ []) do
    Enum.reduce(entries, %TodoList{}, &add_entry(&2, &1))
  end

  def add_entry(%TodoList{} = todo_list, entry) do
    entry = Map.put(entry, :id, todo_list.next_id)
    entries = Map.put(todo_list.entries, todo_list.next_id, entry)
    %TodoList{todo_list | entries: entries, next_id: todo_list.next_id + 1}
  end

  def entries(%TodoList{entries: entries}, date) do
    entries
    |> Map.values()
    |> Enum.filter(fn entry -> entry.date == date end)
    |> Enum.sort_by(& &1.id)
  end

  def update_entry(todo_list, id, updater) do
    case Map.fetch(todo_list.entries, id) do
      :error ->
        todo_list

      {:ok, old} ->
        new = updater.(old)
        %TodoList{todo_list | entries: Map.put(todo_list.entries, id, new)}
    end
  end

  def delete_entry(todo_list, id) do
    %TodoList{todo_list | entries: Map.delete(todo_list.entries, id)}
  end
end

defmodule Main do
  def main do
    list =
      TodoList.new([
        %{date: {2023, 12, 19}, title: "Dentist"},
        %{date: {2023, 12, 20}, title: "Shopping"},
        %{date: {2023, 12, 19}, title: "Movies"}
      ])

    IO.inspect(TodoList.entries(list, {2023, 12, 19}))
    list = TodoList.update_entry(list, 1, &Map.put(&1, :title, "Dentist at 10"))
    list = TodoList.update_entry(list, 99, fn _ -> raise "never called" end)
    IO.inspect(Enum.map(TodoList.entries(list, {2023, 12, 19}), & &1.title))
    list = TodoList.delete_entry(list, 3)
    IO.inspect(TodoList.entries(list, {2023, 12, 19}))
    IO.puts("next id #{list.next_id}, #{map_size(list.entries)} entries")
    IO.inspect(TodoList.entries(list, {2023, 12, 21}))
  end
end
