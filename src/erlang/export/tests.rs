use super::module;

fn export(source: &str) -> String {
    let parsed = crate::erlang::parse("counter", source).expect("parses");
    module(&parsed).text
}

#[test]
fn a_counter_is_laid_out_as_erlfmt_would() {
    let text = export(
        "
  start(N) -> loop(N).
  loop(N) ->
    receive
      incr -> loop(N + 1);
      {get, From} -> From ! {count, N}, loop(N)
    after 30s -> exit(idle)
    end.
",
    );
    assert_eq!(
        text,
        "\
-module(counter).
-export([start/1, loop/1]).

start(N) -> loop(N).

loop(N) ->
    receive
        incr ->
            loop(N + 1);
        {get, From} ->
            From ! {count, N},
            loop(N)
    after 30000 -> exit(idle)
    end.
"
    );
}
