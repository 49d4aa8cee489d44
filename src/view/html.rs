//! Terminal lines for a web page: ANSI colours become `<span>` classes.
//!
//! The projector's ticker shows the very lines the REPL prints. They are
//! rendered once, in colour, by the event views; here each SGR escape
//! (`\x1b[1;31m`) becomes a span with one class per code (`sgr-1 sgr-31`),
//! which the page's stylesheet colours, and everything else is escaped.

use super::svg::escape;

/// `line` with its colour codes as spans, all text escaped.
pub fn ansi_to_html(line: &str) -> String {
    let mut out = String::new();
    let mut open = false;
    let mut rest = line;
    while let Some(start) = rest.find("\x1b[") {
        out.push_str(&escape(&rest[..start]));
        let after = &rest[start + 2..];
        let Some(end) = after.find('m') else {
            // A cut-off escape: drop it.
            rest = "";
            break;
        };
        let codes = &after[..end];
        rest = &after[end + 1..];
        if open {
            out.push_str("</span>");
            open = false;
        }
        let classes: Vec<String> = codes
            .split(';')
            .filter(|c| !c.is_empty() && *c != "0" && c.bytes().all(|b| b.is_ascii_digit()))
            .map(|c| format!("sgr-{c}"))
            .collect();
        if !classes.is_empty() {
            out.push_str(&format!("<span class=\"{}\">", classes.join(" ")));
            open = true;
        }
    }
    out.push_str(&escape(rest));
    if open {
        out.push_str("</span>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_become_classes_and_text_is_escaped() {
        assert_eq!(
            ansi_to_html("\x1b[1;31mcrash\x1b[0m <0.5.0> a<b"),
            "<span class=\"sgr-1 sgr-31\">crash</span> &lt;0.5.0&gt; a&lt;b"
        );
        assert_eq!(ansi_to_html("plain"), "plain");
        assert_eq!(
            ansi_to_html("\x1b[32mopen"),
            "<span class=\"sgr-32\">open</span>"
        );
    }
}
