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

#[test]
fn maps_are_laid_out_as_erlfmt_would() {
    let text = export(
        "
  new(K, V) -> #{a => 1, K => [V]}.
  count(#{count := N, {tag, 1} := _}) -> N.
  bump(M) -> M#{count := 1, seen => true}#{last => now}.
  fresh(M) -> (id(M))#{a => 1}.
  id(M) -> M.
  big(M) -> M#{alpha_key => alpha_value, beta_key => beta_value, gamma_key => gamma_value, delta => d, epsilon_key => e}.
",
    );
    assert_eq!(
        text,
        "\
-module(counter).
-export([new/2, count/1, bump/1, fresh/1, id/1, big/1]).

new(K, V) -> #{a => 1, K => [V]}.

count(#{count := N, {tag, 1} := _}) -> N.

bump(M) -> M#{count := 1, seen => true}#{last => now}.

fresh(M) -> (id(M))#{a => 1}.

id(M) -> M.

big(M) ->
    M#{
        alpha_key => alpha_value,
        beta_key => beta_value,
        gamma_key => gamma_value,
        delta => d,
        epsilon_key => e
    }.
"
    );
}
