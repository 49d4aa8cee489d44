//! One form for both sides' observations, so that they can be compared
//! as text: pids and references are renamed in order of first appearance
//! (`<P1>`, `#Ref<R1>`), since the two systems number them differently; a
//! local fun keeps only its module (`#Fun<ver>`), since the BEAM labels it
//! with its index among the module's funs and a hash of the module
//! version (`#Fun<ver.0.12345>`) and letitcrash with the function's index
//! (`#Fun<ver.4>`), the same in every version, so not even the order of
//! first appearance would name a fun alike on both sides; and spaces
//! outside quotes go, since `~w` and letitcrash space terms alike but not
//! every harness line does.

use std::collections::HashMap;

pub fn canonical(lines: &[String]) -> Vec<String> {
    let mut names = Names::default();
    lines.iter().map(|line| names.rename(line)).collect()
}

#[derive(Default)]
struct Names {
    pids: HashMap<String, usize>,
    refs: HashMap<String, usize>,
}

impl Names {
    fn rename(&mut self, line: &str) -> String {
        // The first two words (`obs LABEL`) stay as they are.
        let mut words = line.splitn(3, ' ');
        let head: Vec<&str> = words.by_ref().take(2).collect();
        let Some(term) = words.next() else {
            return line.to_owned();
        };
        let mut out = format!("{} ", head.join(" "));
        let chars: Vec<char> = term.chars().collect();
        let mut i = 0;
        let mut quote = None;
        while i < chars.len() {
            let c = chars[i];
            if let Some(q) = quote {
                out.push(c);
                if c == '\\' && i + 1 < chars.len() {
                    out.push(chars[i + 1]);
                    i += 1;
                } else if c == q {
                    quote = None;
                }
            } else if c == '\'' || c == '"' {
                quote = Some(c);
                out.push(c);
            } else if c.is_whitespace() {
            } else if let Some((module, end)) = local_fun(&chars, i) {
                out.push_str(&format!("#Fun<{module}>"));
                i = end;
                continue;
            } else if let Some(end) = id_end(&chars, i, "#Ref<") {
                let text: String = chars[i..end].iter().collect();
                let n = numbered(&mut self.refs, text);
                out.push_str(&format!("#Ref<R{n}>"));
                i = end;
                continue;
            } else if let Some(end) = id_end(&chars, i, "<") {
                let text: String = chars[i..end].iter().collect();
                let n = numbered(&mut self.pids, text);
                out.push_str(&format!("<P{n}>"));
                i = end;
                continue;
            } else {
                out.push(c);
            }
            i += 1;
        }
        out
    }
}

fn numbered(seen: &mut HashMap<String, usize>, text: String) -> usize {
    let next = seen.len() + 1;
    *seen.entry(text).or_insert(next)
}

/// If `<digits.digits...>` (after `prefix`) starts at `i`, where it ends.
fn id_end(chars: &[char], i: usize, prefix: &str) -> Option<usize> {
    let prefix: Vec<char> = prefix.chars().collect();
    if !chars[i..].starts_with(&prefix) {
        return None;
    }
    let mut j = i + prefix.len();
    let start = j;
    while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '.') {
        j += 1;
    }
    (j > start && chars.get(j) == Some(&'>')).then_some(j + 1)
}

/// If a local fun's label, `#Fun<MODULE.digits...>`, starts at `i`: its
/// module and where it ends. (An external fun prints as `fun m:f/1` on
/// the BEAM, and is left alone.)
fn local_fun(chars: &[char], i: usize) -> Option<(String, usize)> {
    let prefix: Vec<char> = "#Fun<".chars().collect();
    if !chars[i..].starts_with(&prefix) {
        return None;
    }
    let start = i + prefix.len();
    let close = start + chars[start..].iter().position(|&c| c == '>')?;
    let label: String = chars[start..close].iter().collect();
    let (module, index) = label.split_once('.')?;
    let numbered = !index.is_empty() && index.chars().all(|c| c.is_ascii_digit() || c == '.');
    (numbered && !module.is_empty()).then(|| (module.to_owned(), close + 1))
}

#[test]
fn local_funs_keep_only_their_module() {
    let lines = [
        "obs a {badfun,#Fun<ver.0.133073413>}".to_owned(),
        "obs b [#Fun<ver.4>, #Fun<lists:map/2>, '#Fun<ver.1>']".to_owned(),
    ];
    assert_eq!(
        canonical(&lines),
        [
            "obs a {badfun,#Fun<ver>}",
            "obs b [#Fun<ver>,#Fun<lists:map/2>,'#Fun<ver.1>']"
        ]
    );
}

#[test]
fn pids_and_refs_are_renamed_in_order_of_first_appearance() {
    let lines = [
        "obs a {'EXIT',<0.85.0>,boom}".to_owned(),
        "obs b [<0.90.0>, <0.85.0>, #Ref<0.1.2.3>, '<0.1.0>']".to_owned(),
    ];
    assert_eq!(
        canonical(&lines),
        [
            "obs a {'EXIT',<P1>,boom}",
            "obs b [<P2>,<P1>,#Ref<R1>,'<0.1.0>']"
        ]
    );
}
