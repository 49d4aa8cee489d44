//! Which language the session speaks when it shows a term: Erlang's
//! (`{ok,1}`, `<0.5.0>`, `#{a => 1}`) or Elixir's (`{:ok, 1}`,
//! `#PID<0.5.0>`, `%{a: 1}`).
//!
//! One session holds Erlang and Elixir code side by side on one VM; what
//! differs is only how its values and errors are written for the reader.
//! The session keeps the choice (`Session::syntax`); the views that print
//! terms, exit reasons and errors take it from there.

/// How terms and errors are written on screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Syntax {
    /// As `erl` writes them: the playground's default.
    #[default]
    Erlang,
    /// As `iex` writes them.
    Elixir,
}

impl Syntax {
    pub fn name(self) -> &'static str {
        match self {
            Syntax::Erlang => "erlang",
            Syntax::Elixir => "elixir",
        }
    }

    pub fn from_name(name: &str) -> Option<Syntax> {
        match name {
            "erlang" => Some(Syntax::Erlang),
            "elixir" => Some(Syntax::Elixir),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for syntax in [Syntax::Erlang, Syntax::Elixir] {
            assert_eq!(Syntax::from_name(syntax.name()), Some(syntax));
        }
        assert_eq!(Syntax::from_name("lfe"), None);
        assert_eq!(Syntax::default(), Syntax::Erlang);
    }
}
