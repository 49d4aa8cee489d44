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

    /// A module (or a process kind named after one) as this syntax writes
    /// it: Elixir calls `'Elixir.Counter'` `Counter`; Erlang keeps the atom.
    pub fn module_name(self, name: &str) -> &str {
        match self {
            Syntax::Elixir => name.strip_prefix("Elixir.").unwrap_or(name),
            Syntax::Erlang => name,
        }
    }

    /// A name on screen (a registered name, a supervision path
    /// `'Elixir.Demo'/'Elixir.Stack'`, a child id) as this syntax writes
    /// it: Elixir names modules by their aliases, `Demo/Stack`.
    pub fn label(self, label: &str) -> String {
        match self {
            Syntax::Erlang => label.to_owned(),
            Syntax::Elixir => label
                .split('/')
                .map(|segment| {
                    let bare = segment
                        .strip_prefix('\'')
                        .and_then(|s| s.strip_suffix('\''))
                        .filter(|s| s.starts_with("Elixir."))
                        .unwrap_or(segment);
                    self.module_name(bare)
                })
                .collect::<Vec<_>>()
                .join("/"),
        }
    }

    /// A text that names modules (`'Elixir.Stack' (gen_server:loop/5)`)
    /// with Elixir's modules by alias (`Stack (gen_server:loop/5)`).
    pub fn names_in(self, text: &str) -> String {
        if self == Syntax::Erlang {
            return text.to_owned();
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find("Elixir.") {
            let (before, after) = rest.split_at(at);
            let starts_word = before
                .chars()
                .last()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '.'));
            if starts_word {
                // `'Elixir.Stack'`: the quotes go with the prefix.
                let quoted = before.ends_with('\'');
                out.push_str(if quoted {
                    &before[..before.len() - 1]
                } else {
                    before
                });
                let alias = &after["Elixir.".len()..];
                let end = alias
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
                    .unwrap_or(alias.len());
                out.push_str(&alias[..end]);
                rest = &alias[end..];
                if quoted {
                    rest = rest.strip_prefix('\'').unwrap_or(rest);
                }
            } else {
                out.push_str(before);
                out.push_str("Elixir.");
                rest = &after["Elixir.".len()..];
            }
        }
        out.push_str(rest);
        out
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

    #[test]
    fn elixir_names_a_module_by_its_alias() {
        assert_eq!(Syntax::Elixir.module_name("Elixir.Counter"), "Counter");
        assert_eq!(Syntax::Elixir.module_name("counter"), "counter");
        assert_eq!(
            Syntax::Erlang.module_name("Elixir.Counter"),
            "Elixir.Counter"
        );
        assert_eq!(
            Syntax::Elixir.label("'Elixir.Demo'/'Elixir.Stack'"),
            "Demo/Stack"
        );
        assert_eq!(Syntax::Elixir.label("Elixir.Demo/w1"), "Demo/w1");
        assert_eq!(Syntax::Elixir.label("'odd name'"), "'odd name'");
        assert_eq!(Syntax::Erlang.label("'Elixir.Demo'"), "'Elixir.Demo'");
        assert_eq!(
            Syntax::Elixir.names_in("'Elixir.Stack' (gen_server:loop/5)"),
            "Stack (gen_server:loop/5)"
        );
        assert_eq!(
            Syntax::Elixir.names_in("Elixir.Counter:loop/1"),
            "Counter:loop/1"
        );
        assert_eq!(Syntax::Elixir.names_in("myElixir.x"), "myElixir.x");
        assert_eq!(Syntax::Erlang.names_in("Elixir.Counter"), "Elixir.Counter");
    }
}
