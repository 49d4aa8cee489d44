//! The stage's commands: `stage on [PORT] | off | status` and
//! `audience open | close | reset | intensity N`, and `tree --svg FILE`.

use super::basics::one_of;
use super::basics::{PResult, SyntaxError, fail, sp, token_text, word};
use super::explain::theme_flag;
use super::targets::target;
use crate::commands::ast::{AudienceCommand, Command, StageCommand};

fn digits<'a>(at: &'a str, what: &str, usage: &str) -> PResult<'a, u32> {
    let end = at.find(|c: char| !c.is_ascii_digit()).unwrap_or(at.len());
    match at[..end].parse::<u32>() {
        Ok(n) => Ok((&at[end..], n)),
        Err(_) => fail(SyntaxError::new(at, format!("expected {what}")).hint(usage)),
    }
}

/// `stage on [PORT]`, `stage off`, `stage status`.
pub(crate) fn stage<'a>(args: &'a str, usage: &str) -> PResult<'a, Command> {
    let (at, ()) = sp(args)?;
    let choices = [("on", 0u8), ("off", 1), ("status", 2)];
    let (rest, verb) =
        one_of(at, &choices, "expected on, off or status").map_err(|e| e.map(|e| e.hint(usage)))?;
    let command = match verb {
        0 => {
            let (at, ()) = sp(rest)?;
            if at.starts_with(|c: char| c.is_ascii_digit()) {
                let (rest, port) = digits(at, "a port number, e.g. 8080", usage)?;
                let Ok(port) = u16::try_from(port) else {
                    return fail(SyntaxError::new(at, "a port is at most 65535").hint(usage));
                };
                return Ok((rest, Command::Stage(StageCommand::On(Some(port)))));
            }
            StageCommand::On(None)
        }
        1 => StageCommand::Off,
        _ => StageCommand::Status,
    };
    Ok((rest, Command::Stage(command)))
}

/// `audience open | close | reset | intensity N`.
pub(crate) fn audience<'a>(args: &'a str, usage: &str) -> PResult<'a, Command> {
    let (at, ()) = sp(args)?;
    let Ok((rest, verb)) = word(at) else {
        return fail(
            SyntaxError::new(at, "expected open, close, reset or intensity")
                .expected(&["open", "close", "reset", "intensity"])
                .hint(usage),
        );
    };
    let command = match verb {
        "open" => AudienceCommand::Open,
        "close" => AudienceCommand::Close,
        "reset" => AudienceCommand::Reset,
        "intensity" => {
            let (at, ()) = sp(rest)?;
            let (rest, n) = digits(at, "the restarts a partition allows in 5s, e.g. 3", usage)?;
            return Ok((rest, Command::Audience(AudienceCommand::Intensity(n))));
        }
        _ => {
            return fail(
                SyntaxError::new(at, format!("unknown audience command `{}`", token_text(at)))
                    .expected(&["open", "close", "reset", "intensity"])
                    .hint(usage),
            );
        }
    };
    Ok((rest, Command::Audience(command)))
}

/// `tree --svg FILE [SUP] [--dark|--light]` (the theme may come before
/// the supervisor too).
pub(crate) fn tree_svg<'a>(args: &'a str, usage: &str) -> PResult<'a, Command> {
    let Some(at) = svg_flag(args) else {
        return fail(SyntaxError::new(args, "expected --svg FILE").hint(usage));
    };
    let (at, ()) = sp(at)?;
    let Some((rest, file)) = super::terms::file_name(at) else {
        return fail(SyntaxError::new(at, "expected a file name").hint(usage));
    };
    let (after_theme, theme) = theme_flag(rest, usage)?;
    let theme_given = after_theme.len() < rest.len();
    let (rest, ()) = sp(after_theme)?;
    let (rest, sup) = match target(rest) {
        Ok((rest, sup)) => (rest, Some(sup)),
        Err(nom::Err::Error(_)) => (rest, None),
        Err(failure) => return Err(failure),
    };
    let (rest, theme) = if !theme_given {
        theme_flag(rest, usage)?
    } else {
        (rest, theme)
    };
    Ok((rest, Command::TreeSvg { file, sup, theme }))
}

/// What follows `--svg` after `tree`, if the flag is there.
pub(crate) fn svg_flag(args: &str) -> Option<&str> {
    let at = args.trim_start_matches([' ', '\t']);
    let rest = at.strip_prefix("--svg")?;
    rest.starts_with([' ', '\t']).then_some(rest)
}

#[cfg(test)]
mod tests {
    use crate::commands::ast::{AudienceCommand, Command, StageCommand, Target};
    use crate::commands::parser::parse_line;
    use crate::view::theme::Theme;

    fn parse(src: &str) -> Command {
        parse_line(src).unwrap().unwrap().command
    }

    #[test]
    fn stage_and_audience_commands_parse() {
        assert_eq!(parse("stage on"), Command::Stage(StageCommand::On(None)));
        assert_eq!(
            parse("stage on 8081"),
            Command::Stage(StageCommand::On(Some(8081)))
        );
        assert_eq!(parse("stage off"), Command::Stage(StageCommand::Off));
        assert_eq!(
            parse("audience open"),
            Command::Audience(AudienceCommand::Open)
        );
        assert_eq!(
            parse("audience intensity 4"),
            Command::Audience(AudienceCommand::Intensity(4))
        );
        assert!(parse_line("stage on 99999").is_err());
        assert!(parse_line("audience explode").is_err());
        assert!(parse_line("stage").is_err());
    }

    #[test]
    fn tree_svg_takes_a_file_and_a_supervisor() {
        assert_eq!(
            parse("tree --svg out.svg demo"),
            Command::TreeSvg {
                file: "out.svg".into(),
                sup: Some(Target::Name("demo".into())),
                theme: Theme::Dark,
            }
        );
        for light in [
            "tree --svg out.svg demo --light",
            "tree --svg out.svg --light demo",
        ] {
            assert_eq!(
                parse(light),
                Command::TreeSvg {
                    file: "out.svg".into(),
                    sup: Some(Target::Name("demo".into())),
                    theme: Theme::Light,
                },
                "{light}"
            );
        }
        assert!(parse_line("tree --svg out.svg --blue").is_err());
        assert_eq!(
            parse("tree --svg \"my tree.svg\""),
            Command::TreeSvg {
                file: "my tree.svg".into(),
                sup: None,
                theme: Theme::Dark,
            }
        );
    }
}
