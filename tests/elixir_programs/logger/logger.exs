# Elixir's Logger as programs call it. The console is set to the format
# the playground writes (its event feed gives the time), and every line is
# written through Logger, so that nothing else interleaves with them.
defmodule Main do
  require Logger

  def main do
    Logger.configure_backend(:console, format: "[$level] $message\n", colors: [enabled: false])
    Logger.info("hello")
    Logger.debug(fn -> "made only when logged" end)
    Logger.warning("disk at #{90}%")
    Logger.warn("the old name of warning")
    Logger.error(["io", ?d, "ata ", 'and chars'])
    Logger.notice("noticed", user: 42)
    Logger.log(:critical, "critical")
    Logger.info({:a, :tuple} |> inspect())
    Logger.configure(level: :warning)
    Logger.info("hidden")
    Logger.debug(fn -> raise "never called" end)
    Logger.error("shown")
    Logger.warning("level: #{Logger.level()}")
    Logger.warning("compare: #{Logger.compare_levels(:info, :error)}")
    Logger.configure(level: :debug)
    Logger.debug("back")
    Logger.flush()
  end
end
