//! The stage's two themes as colours, for pictures that leave the stage.
//!
//! The projector page is dark by default (a dark room, a bright screen)
//! and has a light theme for projectors that wash dark pages out. A chart
//! written to a file (`seq svg FILE`) is shown on someone's slide, on
//! GitHub or in a browser, where no page stylesheet applies: it carries
//! its colours with it, taken from here, so it looks like the stage it
//! came from. The dark palette is `stage.css`'s; each colour keeps a
//! contrast of at least 4.5:1 against its theme's background, and no
//! picture tells things apart by colour alone (shapes, dashes and symbols
//! say the same).

/// Which of the stage's themes a picture is drawn in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Light text on a dark page: the stage's default.
    #[default]
    Dark,
    /// Dark text on a white page.
    Light,
}

/// A theme's colours, by meaning, as CSS colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub background: &'static str,
    pub text: &'static str,
    /// Secondary text and lifelines.
    pub muted: &'static str,
    /// A box drawn on the background (a lifeline's head).
    pub panel: &'static str,
    pub border: &'static str,
    pub crash: &'static str,
    pub crash_fill: &'static str,
    pub restart: &'static str,
    pub restart_fill: &'static str,
    pub signal: &'static str,
    pub note_fill: &'static str,
}

const DARK: Palette = Palette {
    background: "#0b1020",
    text: "#f8fafc",
    muted: "#9ca3af",
    panel: "#1e293b",
    border: "#64748b",
    crash: "#ff4d4d",
    crash_fill: "#7f1d1d",
    restart: "#4ade80",
    restart_fill: "#14532d",
    signal: "#fbbf24",
    note_fill: "#1e293b",
};

const LIGHT: Palette = Palette {
    background: "#ffffff",
    text: "#0f172a",
    muted: "#475569",
    panel: "#e2e8f0",
    border: "#475569",
    crash: "#b91c1c",
    crash_fill: "#fee2e2",
    restart: "#15803d",
    restart_fill: "#dcfce7",
    signal: "#a16207",
    note_fill: "#f1f5f9",
};

impl Theme {
    pub fn palette(self) -> &'static Palette {
        match self {
            Theme::Dark => &DARK,
            Theme::Light => &LIGHT,
        }
    }

    /// The theme a flag names: `--dark` or `--light`.
    pub fn from_flag(flag: &str) -> Option<Theme> {
        match flag {
            "--dark" => Some(Theme::Dark),
            "--light" => Some(Theme::Light),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Theme::Dark => "dark",
            Theme::Light => "light",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG's relative luminance of `#rrggbb`.
    fn luminance(colour: &str) -> f64 {
        let channel = |at: usize| {
            let c = u8::from_str_radix(&colour[at..at + 2], 16).unwrap() as f64 / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// Every colour that draws text or a line is legible on its theme's
    /// background, and text on the boxes it sits in.
    #[test]
    fn every_foreground_reads_on_its_background() {
        for theme in [Theme::Dark, Theme::Light] {
            let p = theme.palette();
            for (what, colour) in [
                ("text", p.text),
                ("muted", p.muted),
                ("crash", p.crash),
                ("restart", p.restart),
                ("signal", p.signal),
            ] {
                let ratio = contrast(colour, p.background);
                assert!(ratio >= 4.5, "{theme:?} {what}: {ratio:.2}");
            }
            for fill in [p.panel, p.crash_fill, p.restart_fill, p.note_fill] {
                let ratio = contrast(p.text, fill);
                assert!(ratio >= 4.5, "{theme:?} text on {fill}: {ratio:.2}");
            }
        }
    }

    #[test]
    fn flags_name_the_themes() {
        assert_eq!(Theme::from_flag("--light"), Some(Theme::Light));
        assert_eq!(Theme::from_flag("--dark"), Some(Theme::Dark));
        assert_eq!(Theme::from_flag("--blue"), None);
        assert_eq!(Theme::default().name(), "dark");
    }
}
