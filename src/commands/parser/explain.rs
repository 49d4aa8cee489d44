//! The commands that explain what happened: `seq ...` and the `--mermaid`
//! flag of `tree` (`why TARGET` is one target, parsed with the others).
//!
//! Kept apart from `commands` so that the commands added for explaining sit
//! in one small file.

use nom::Parser;
use nom::sequence::preceded;

use super::basics::{PResult, SyntaxError, fail, sp, token_text, word};
use super::targets::{required_target, target};
use super::terms::file_name;
use crate::commands::ast::{Command, SeqCommand};
use crate::view::theme::Theme;

/// The arguments after `tree --mermaid`, or `None` without the flag.
pub(crate) fn mermaid_flag(args: &str) -> Option<&str> {
    let at = args.trim_start_matches([' ', '\t']);
    let rest = at.strip_prefix("--mermaid")?;
    let ends = rest
        .chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || c == '#');
    ends.then_some(rest)
}

/// An optional `--dark` or `--light` after a picture's file name: the
/// stage theme it is drawn in (dark when absent).
pub(crate) fn theme_flag<'a>(args: &'a str, usage: &str) -> PResult<'a, Theme> {
    let (at, ()) = sp(args)?;
    if !at.starts_with("--") {
        return Ok((args, Theme::default()));
    }
    let end = at.find(char::is_whitespace).unwrap_or(at.len());
    match Theme::from_flag(&at[..end]) {
        Some(theme) => Ok((&at[end..], theme)),
        None => fail(
            SyntaxError::new(at, format!("unknown theme `{}`", &at[..end]))
                .expected(&["--dark", "--light"])
                .hint(usage),
        ),
    }
}

/// `seq on TARGET...`, `seq off`, `seq show`, `seq mermaid`,
/// `seq svg FILE [--dark|--light]`.
pub(crate) fn seq<'a>(args: &'a str, usage: &str) -> PResult<'a, Command> {
    let (at, ()) = sp(args)?;
    let Ok((rest, verb)) = word(at) else {
        return fail(
            SyntaxError::new(at, "expected on, off, show, mermaid or svg")
                .expected(&["on", "off", "show", "mermaid", "svg"])
                .hint(usage),
        );
    };
    let command = match verb {
        "on" => {
            let (mut rest, first) = preceded(sp, |i| required_target(i, usage)).parse(rest)?;
            let mut targets = vec![first];
            loop {
                let (at, ()) = sp(rest)?;
                match target(at) {
                    Ok((after, next)) => {
                        targets.push(next);
                        rest = after;
                    }
                    Err(nom::Err::Error(_)) => break,
                    Err(failure) => return Err(failure),
                }
            }
            return Ok((rest, Command::Seq(SeqCommand::On(targets))));
        }
        "off" => SeqCommand::Off,
        "show" => SeqCommand::Show,
        "mermaid" => SeqCommand::Mermaid,
        "svg" => {
            let (at, ()) = sp(rest)?;
            let Some((rest, file)) = file_name(at) else {
                return fail(SyntaxError::new(at, "expected a file name").hint(usage));
            };
            let (rest, theme) = theme_flag(rest, usage)?;
            return Ok((rest, Command::Seq(SeqCommand::Svg { file, theme })));
        }
        _ => {
            return fail(
                SyntaxError::new(at, format!("unknown seq command `{}`", token_text(at)))
                    .expected(&["on", "off", "show", "mermaid", "svg"])
                    .hint(usage),
            );
        }
    };
    Ok((rest, Command::Seq(command)))
}

#[cfg(test)]
mod tests {
    use crate::commands::ast::{Command, SeqCommand, Target};
    use crate::commands::parser::parse_line;
    use crate::view::theme::Theme;

    fn parse(src: &str) -> Command {
        parse_line(src).unwrap().unwrap().command
    }

    #[test]
    fn seq_forms() {
        assert_eq!(
            parse("seq on demo/w1 c W"),
            Command::Seq(SeqCommand::On(vec![
                Target::Path(vec!["demo".into(), "w1".into()]),
                Target::Name("c".into()),
                Target::Var("W".into()),
            ]))
        );
        assert_eq!(parse("seq off"), Command::Seq(SeqCommand::Off));
        assert_eq!(parse("seq show"), Command::Seq(SeqCommand::Show));
        assert_eq!(parse("seq mermaid"), Command::Seq(SeqCommand::Mermaid));
        assert_eq!(
            parse("seq svg /tmp/chart.svg"),
            Command::Seq(SeqCommand::Svg {
                file: "/tmp/chart.svg".into(),
                theme: Theme::Dark
            })
        );
        assert_eq!(
            parse("seq svg /tmp/chart.svg --light"),
            Command::Seq(SeqCommand::Svg {
                file: "/tmp/chart.svg".into(),
                theme: Theme::Light
            })
        );
        assert!(parse_line("seq sideways").is_err());
        assert!(parse_line("seq on").is_err());
    }

    #[test]
    fn why_and_tree_mermaid() {
        assert_eq!(
            parse("why demo/w1"),
            Command::Why {
                target: Target::Path(vec!["demo".into(), "w1".into()])
            }
        );
        assert_eq!(parse("tree --mermaid"), Command::TreeMermaid { sup: None });
        assert_eq!(
            parse("tree --mermaid demo"),
            Command::TreeMermaid {
                sup: Some(Target::Name("demo".into()))
            }
        );
        assert_eq!(
            parse("tree demo"),
            Command::Tree {
                sup: Some(Target::Name("demo".into()))
            }
        );
    }
}
