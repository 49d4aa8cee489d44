//! Both sides of a program: letitcrash's VM in a deterministic runtime,
//! and the BEAM running the export of the same definitions.

use letitcrash::commands::{Command, parse_script};
use letitcrash::erlang::{self, CompiledModule, ast, export};
use letitcrash::runtime::{Atom, Config, EventKind, Runtime, Term};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::sync::Arc;
use std::time::Duration;

/// A program: its definitions, the first of which is the one whose
/// `main/1` runs (it has the program's name).
#[derive(Clone, Debug)]
pub struct Program {
    pub name: String,
    pub modules: Vec<ast::Module>,
}

impl Program {
    /// Reads the `def` blocks of a `.crash` file.
    pub fn from_file(path: &Path) -> Program {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let source =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Program::from_source(&name, &source).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    pub fn from_source(name: &str, source: &str) -> Result<Program, String> {
        let mut modules = Vec::new();
        for statement in parse_script(source) {
            let statement = statement.map_err(|e| e.render(None))?;
            if let Command::Def {
                name: def, source, ..
            } = statement.command
            {
                let module = erlang::parse(&def, &source).map_err(|e| e.render(None))?;
                erlang::check(&module).map_err(|e| e.render(None))?;
                modules.push(module);
            }
        }
        if !modules.iter().any(|m| m.name == name) {
            return Err(format!("no `def {name}` in program {name}"));
        }
        modules.sort_by_key(|m| m.name != name);
        Ok(Program {
            name: name.to_owned(),
            modules,
        })
    }
}

/// The observer's definition (obs.crash).
pub fn observer() -> ast::Module {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/otp_programs/obs.crash");
    let source = std::fs::read_to_string(path).unwrap();
    let program = Program::from_source("lic_obs", &source).unwrap();
    program.modules.into_iter().next().unwrap()
}

/// What letitcrash shows: the lines printed (the program's, then the
/// observer's report), then `end` or how the observer died.
pub fn ours(program: &Program, observer: &ast::Module) -> Vec<String> {
    ours_run(program, observer, &program.name, None)
}

/// [`ours`] for `main` (`MODULE:FUNCTION`, observed with no wait after,
/// or a module's main/1).
pub fn ours_run(
    program: &Program,
    observer: &ast::Module,
    label: &str,
    function: Option<&str>,
) -> Vec<String> {
    ours_compiled(
        &compile_all(program, observer),
        &program.name,
        label,
        function,
    )
}

/// The program's modules and the observer, compiled.
pub fn compile_all(program: &Program, observer: &ast::Module) -> Vec<Arc<CompiledModule>> {
    program
        .modules
        .iter()
        .chain([observer])
        .map(|module| {
            erlang::compile(module).unwrap_or_else(|e| {
                panic!("{}: {} does not compile: {e}", program.name, module.name)
            })
        })
        .collect()
}

/// [`ours_run`] with the modules compiled once.
pub fn ours_compiled(
    compiled: &[Arc<CompiledModule>],
    module: &str,
    label: &str,
    function: Option<&str>,
) -> Vec<String> {
    let runtime = Runtime::new(Config::deterministic(1));
    let events = runtime.subscribe();
    for code in compiled {
        erlang::load(&runtime, code.clone());
    }
    let mut args = vec![Term::atom(module)];
    if let Some(function) = function {
        args.extend([Term::atom(function), Term::int(0)]);
    }
    let pid = erlang::spawn_top(&runtime, Atom::new("lic_obs"), Atom::new("run"), args)
        .expect("lic_obs:run exists");
    runtime.run_until(|| runtime.death(pid).is_some(), Duration::from_secs(60));
    let mut lines = vec![format!("program {label}")];
    let printed = events.try_iter().filter_map(|event| match event.kind {
        EventKind::Output { text, .. } => Some(text),
        _ => None,
    });
    lines.extend(without_reports(printed.flat_map(|text| {
        text.split('\n').map(str::to_owned).collect::<Vec<_>>()
    })));
    lines.push(match runtime.death(pid) {
        Some(death) if death.reason == Term::normal() => "end".to_owned(),
        Some(death) => format!("observer_died {}", death.reason),
        None => "timeout".to_owned(),
    });
    lines
}

/// The lines without the reports gen_server and its kin print when a
/// server dies (`=ERROR REPORT====` and its `** ` lines, with the
/// indented lines of a term `~tp` broke over several): on the BEAM
/// they go to the logger, which `lic_prog` silences, and they carry a
/// time and pids anyway; what the suite compares is the exit reasons.
fn without_reports(lines: impl Iterator<Item = String>) -> Vec<String> {
    let mut kept = Vec::new();
    let mut in_report = false;
    for line in lines {
        if line.starts_with("=ERROR REPORT====") || line.starts_with("=WARNING REPORT====") {
            in_report = true;
        } else if !(in_report && (line.starts_with("** ") || line.starts_with(' '))) {
            in_report = false;
            kept.push(line);
        }
    }
    kept
}

/// The export of every module of `programs` (and the observer) in `dir`.
pub fn export_all(
    programs: &[Program],
    observer: &ast::Module,
    dir: &Path,
) -> BTreeMap<String, export::Exported> {
    std::fs::create_dir_all(dir).unwrap();
    let mut exported = BTreeMap::new();
    for module in programs.iter().flat_map(|p| &p.modules).chain([observer]) {
        let out = export::module(module);
        std::fs::write(dir.join(format!("{}.erl", module.name)), &out.text).unwrap();
        let previous = exported.insert(module.name.clone(), out);
        assert!(
            previous.is_none(),
            "two programs define `{}`: module names must be unique across the suite",
            module.name
        );
    }
    exported
}

/// Compiles every `.erl` of `dir` (and the runner) into `dir`; erlc's
/// output if it fails (with `-Werror`, on any warning).
pub fn erlc(dir: &Path, werror: bool) -> Result<(), String> {
    let runner = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/otp_programs/erl/lic_prog.erl");
    let mut sources: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "erl"))
        .collect();
    sources.sort();
    sources.push(runner);
    let mut command = Process::new("erlc");
    if werror {
        command.arg("-Werror");
    }
    let output = command
        .arg("-o")
        .arg(dir)
        .args(&sources)
        .output()
        .expect("erlc runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    if output.status.success() && (!werror || text.trim().is_empty()) {
        Ok(())
    } else {
        Err(text)
    }
}

/// Runs the programs on the BEAM in one `erl`: each program's lines.
pub fn beam(dir: &Path, names: &[String]) -> BTreeMap<String, Vec<String>> {
    let output = Process::new("erl")
        .args(["-noshell", "-pa"])
        .arg(dir)
        .args(["-run", "lic_prog", "main"])
        .args(names)
        .output()
        .expect("erl runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "erl failed:\n{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut runs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in stdout.lines() {
        if let Some(name) = line.strip_prefix("program ") {
            current = Some(name.to_owned());
        }
        if let Some(name) = &current {
            runs.entry(name.clone()).or_default().push(line.to_owned());
        }
    }
    runs
}

/// The BEAM's lines with its lines of the exported file taken back to the
/// definition's: `frame M F A L` where L is a line of `M.erl` becomes the
/// line of ours when that is among the definition lines shown on L.
pub fn map_lines(
    theirs: &[String],
    ours: &[String],
    exported: &BTreeMap<String, export::Exported>,
) -> Vec<String> {
    let our_frame = ours.iter().find_map(|l| frame(l));
    theirs
        .iter()
        .map(|line| {
            let Some((m, f, a, Some(l))) = frame(line) else {
                return line.clone();
            };
            let Some(module) = exported.get(&m) else {
                return line.clone();
            };
            let candidates: &BTreeSet<u32> = module.source_lines(l);
            match &our_frame {
                Some((_, _, _, Some(ours))) if candidates.contains(ours) => {
                    format!("frame {m} {f} {a} {ours}")
                }
                _ => format!("frame {m} {f} {a} {candidates:?} (line {l} of {m}.erl)"),
            }
        })
        .collect()
}

type Frame = (String, String, String, Option<u32>);

/// `frame M F A LINE`, taken apart.
fn frame(line: &str) -> Option<Frame> {
    let rest = line.strip_prefix("frame ")?;
    let (rest, last) = rest.rsplit_once(' ')?;
    let (m, rest) = rest.split_once(' ')?;
    let (f, a) = rest.split_once(' ')?;
    Some((m.to_owned(), f.to_owned(), a.to_owned(), last.parse().ok()))
}

/// Pids and references renamed in order of first appearance (they are
/// numbered differently on each side); funs print as `#Fun` (the BEAM's
/// label has an index and a hash of the module, ours the function's index).
pub fn canonical(lines: &[String]) -> Vec<String> {
    let mut pids: BTreeMap<String, usize> = BTreeMap::new();
    let mut refs: BTreeMap<String, usize> = BTreeMap::new();
    lines
        .iter()
        .map(|line| {
            let mut out = String::new();
            let mut i = 0;
            while i < line.len() {
                let rest = &line[i..];
                let (prefix, table, label) = if rest.starts_with("#Ref<") {
                    ("#Ref<", &mut refs, "#Ref<R")
                } else {
                    ("<", &mut pids, "<P")
                };
                if let Some(label) = rest.strip_prefix("#Fun<")
                    && let Some(end) = label.find('>')
                {
                    out.push_str("#Fun");
                    i += "#Fun<".len() + end + 1;
                    continue;
                }
                if let Some(body) = rest.strip_prefix(prefix) {
                    let digits = body
                        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                        .unwrap_or(body.len());
                    if digits > 0 && body[digits..].starts_with('>') {
                        let id = body[..digits].to_owned();
                        let next = table.len() + 1;
                        let n = *table.entry(id).or_insert(next);
                        out.push_str(&format!("{label}{n}>"));
                        i += prefix.len() + digits + 1;
                        continue;
                    }
                }
                let c = rest.chars().next().unwrap();
                out.push(c);
                i += c.len_utf8();
            }
            out
        })
        .collect()
}
