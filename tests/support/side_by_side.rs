//! How the differential suites (tests/otp, tests/otp_programs,
//! tests/corpus) show a disagreement: both transcripts line by line, the
//! first line that differs marked `>>`. `#[path]`-included by each.

/// Both transcripts, the first difference marked; a side that has run
/// out of lines shows `<none>`.
pub fn side_by_side(name: &str, ours: &[String], theirs: &[String]) -> String {
    let mut text = format!("{name}: letitcrash and Erlang/OTP disagree\n");
    let mut marked = false;
    for i in 0..ours.len().max(theirs.len()) {
        let a = ours.get(i).map_or("<none>", String::as_str);
        let b = theirs.get(i).map_or("<none>", String::as_str);
        let mark = if a != b && !marked {
            marked = true;
            ">>"
        } else {
            "  "
        };
        text.push_str(&format!("{mark} letitcrash: {a}\n   erlang:     {b}\n"));
    }
    text
}
