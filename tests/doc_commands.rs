//! Every command line the docs show works as written: each `letitcrash ...`
//! (or `$ letitcrash ...`, or `cargo run --release -- ...`) line in a
//! ```sh, ```text or ```console block of README.md and docs/*.md is parsed
//! by the binary's own parser ([`letitcrash::cli::Cli`]), and the scripts
//! it names exist. Nothing is run, so nothing can hang.

use letitcrash::cli::{Cli, Command};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Markdown files whose commands a reader will type.
fn documents() -> Vec<PathBuf> {
    let mut files = vec![root().join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// A command found in a document: where, and its arguments after the
/// program name.
#[derive(Debug)]
struct DocCommand {
    place: String,
    line: String,
    args: Vec<String>,
}

const SHELL_BLOCKS: &[&str] = &["```sh", "```text", "```console"];

/// The command lines of the shell-like fenced blocks of `markdown`.
fn commands_in(name: &str, markdown: &str) -> Vec<DocCommand> {
    let mut found = Vec::new();
    let mut fence: Option<bool> = None; // Some(shell-like?) inside a block
    for (index, line) in markdown.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            fence = match fence {
                None => Some(SHELL_BLOCKS.contains(&trimmed)),
                Some(_) => None,
            };
            continue;
        }
        if fence != Some(true) {
            continue;
        }
        if let Some(args) = command_args(trimmed) {
            found.push(DocCommand {
                place: format!("{name}:{}", index + 1),
                line: trimmed.to_owned(),
                args,
            });
        }
    }
    found
}

/// The arguments of a command line, if it runs letitcrash: the prompt,
/// the program (or `cargo run --release --`), a trailing `# comment` and
/// any redirection are dropped.
fn command_args(line: &str) -> Option<Vec<String>> {
    let line = line.strip_prefix("$ ").unwrap_or(line);
    let line = line.split(" #").next().unwrap_or(line).trim();
    let rest = [
        "letitcrash",
        "cargo run --release --",
        "cargo run --release",
    ]
    .iter()
    .find_map(|program| {
        let rest = line.strip_prefix(program)?;
        (rest.is_empty() || rest.starts_with(' ')).then_some(rest)
    })?;
    Some(
        rest.split_whitespace()
            .take_while(|word| !["<", ">", "|", "2>&1"].contains(word))
            .map(str::to_owned)
            .collect(),
    )
}

/// `scripts/*.crash` as the shell would expand it (a `*` in the file name).
fn expand(pattern: &str) -> Vec<PathBuf> {
    let path = root().join(pattern);
    let Some((prefix, suffix)) = pattern
        .rsplit('/')
        .next()
        .and_then(|file| file.split_once('*'))
    else {
        return vec![path];
    };
    let dir = path.parent().unwrap();
    let mut matches: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{pattern}: {e}"))
        .map(|entry| entry.unwrap().path())
        .filter(|candidate| {
            let name = candidate.file_name().unwrap().to_str().unwrap();
            name.len() >= prefix.len() + suffix.len()
                && name.starts_with(prefix)
                && name.ends_with(suffix)
        })
        .collect();
    matches.sort();
    matches
}

/// The script files a parsed command reads.
fn files_of(cli: &Cli) -> Vec<&Path> {
    match &cli.command {
        Some(Command::Run { file, .. }) => vec![file.as_path()],
        Some(Command::Check { files, .. }) => files.iter().map(PathBuf::as_path).collect(),
        _ => Vec::new(),
    }
}

#[test]
fn every_command_in_the_docs_parses_and_names_files_that_exist() {
    let mut commands = Vec::new();
    for path in documents() {
        let markdown = std::fs::read_to_string(&path).unwrap();
        let name = path.strip_prefix(root()).unwrap().to_str().unwrap();
        commands.extend(commands_in(name, &markdown));
    }
    assert!(commands.len() >= 5, "found only {commands:?}");
    let mut failures = Vec::new();
    for command in &commands {
        let args: Vec<String> = command
            .args
            .iter()
            .flat_map(|arg| {
                if arg.contains('*') {
                    expand(arg)
                        .into_iter()
                        .map(|p| p.strip_prefix(root()).unwrap().display().to_string())
                        .collect()
                } else {
                    vec![arg.clone()]
                }
            })
            .collect();
        let argv = std::iter::once("letitcrash".to_owned()).chain(args);
        match Cli::try_parse_args(argv) {
            Err(error) => failures.push(format!(
                "{}: `{}` does not parse:\n{}",
                command.place,
                command.line,
                error.render()
            )),
            Ok(cli) => {
                for file in files_of(&cli) {
                    if !root().join(file).is_file() {
                        failures.push(format!(
                            "{}: `{}` names {} which does not exist",
                            command.place,
                            command.line,
                            file.display()
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_extractor_finds_commands_only_in_shell_blocks() {
    let markdown = "\
```sh
cargo run --release      # the REPL
cargo test
$ letitcrash check scripts/*.crash
```
letitcrash prose does not count
```crash
letitcrash is not a command here
```
```text
letitcrash < demo.crash
```
";
    let found: Vec<Vec<String>> = commands_in("doc.md", markdown)
        .into_iter()
        .map(|c| c.args)
        .collect();
    assert_eq!(
        found,
        vec![
            vec![],
            vec!["check".to_owned(), "scripts/*.crash".to_owned()],
            vec![],
        ]
    );
}

#[test]
fn seed_at_the_top_level_means_the_repl() {
    let cli = Cli::try_parse_args(["letitcrash", "--seed", "0"]).unwrap();
    assert!(cli.command.is_none());
    assert_eq!(cli.repl.seed, Some(0));
    let cli = Cli::try_parse_args(["letitcrash", "repl", "--seed", "3"]).unwrap();
    assert!(matches!(cli.command, Some(Command::Repl(ref repl)) if repl.seed == Some(3)));
    // Before another command it would do nothing: refused.
    assert!(Cli::try_parse_args(["letitcrash", "--seed", "0", "run", "x.crash"]).is_err());
    // --schedulers is global: anywhere.
    let cli = Cli::try_parse_args(["letitcrash", "--schedulers", "2", "check", "a.crash"]).unwrap();
    assert_eq!(cli.schedulers, Some(2));
}

#[test]
fn the_tutorials_first_command_starts_a_deterministic_repl() {
    // `letitcrash --seed 0`, with the tutorial's first line on stdin and
    // then end of input, which ends the REPL.
    use std::io::Write;
    use std::process::Stdio;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_letitcrash"))
        .args(["--seed", "0"])
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start letitcrash");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"spawn counter as c\n")
        .unwrap();
    let output = child.wait_with_output().expect("letitcrash finishes");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}");
    // Deterministic: the virtual clock has not moved.
    assert!(
        text.contains("[  0.000s] + spawn counter <0.2.0>"),
        "{text}"
    );
}
