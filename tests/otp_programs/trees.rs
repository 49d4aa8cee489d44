//! `export sup` of each talk script's trees compiles and starts on the
//! BEAM with the same children: the script's `def`, `sup` and
//! `start_child` commands run in a session, each top-level tree is
//! exported, compiled with a stub module for each built-in kind (they have
//! no Erlang module: a stub's start_link/0..3 starts an idle process),
//! started, and its shape (`which_children`, recursively) compared with
//! the running tree's in letitcrash.

use letitcrash::commands::{Command, parse_script};
use letitcrash::runtime::{Atom, Term};
use letitcrash::session::{Session, SessionConfig};
use letitcrash::supervisor::{ChildState, ChildType, SupervisorSnapshot, api};
use letitcrash::view::Style;
use std::path::Path;
use std::process::Command as Process;

/// The shape of a running tree, as lic_tree.erl prints it.
fn our_shape(snapshot: &SupervisorSnapshot, depth: usize, out: &mut Vec<String>) {
    for child in &snapshot.children {
        let (kind, module) = match child.child_type {
            ChildType::Worker => ("worker", child.kind.to_string()),
            ChildType::Supervisor => ("supervisor", child.id.to_string()),
        };
        let running = matches!(child.state, ChildState::Running(_));
        out.push(format!(
            "{}{} {kind} [{module}] {running}",
            " ".repeat(depth * 2),
            child.id
        ));
        if let Some(nested) = &child.nested {
            our_shape(nested, depth + 1, out);
        }
    }
}

fn stub(kind: &str) -> String {
    let kind = Term::atom(kind).to_string();
    format!(
        "-module({kind}).\n-export([start_link/0, start_link/1, start_link/2, start_link/3]).\n\n\
         start_link() -> {{ok, spawn_link(fun idle/0)}}.\n\
         start_link(_) -> start_link().\n\
         start_link(_, _) -> start_link().\n\
         start_link(_, _, _) -> start_link().\n\n\
         idle() ->\n    receive\n        stop -> ok\n    end,\n    idle().\n"
    )
}

/// The script's `def`, `sup` and `start_child` commands run in a session:
/// the session, the names of its trees, and their shapes as ours.
fn run_script(script: &str, dir: &Path) -> (Session, Vec<String>, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(root.join(script)).unwrap();
    let mut session = Session::new(SessionConfig::deterministic(0, Style::PLAIN));
    let mut roots: Vec<String> = Vec::new();
    for statement in parse_script(&source) {
        let statement = statement.unwrap();
        match &statement.command {
            Command::Sup(spec) => roots.push(spec.name.clone()),
            Command::StartChild { .. } | Command::Def { .. } => {}
            _ => continue,
        }
        session.eval(&statement);
    }
    assert!(!roots.is_empty(), "{script} starts no supervisor");
    let mut ours = Vec::new();
    for name in &roots {
        let line = format!(
            "export sup {name} to {}",
            dir.join(format!("{name}.erl")).display()
        );
        let statement = parse_script(&line).remove(0).unwrap();
        let evaluation = session.eval(&statement);
        assert!(evaluation.ok, "{line}: {:?}", evaluation.lines);
        let pid = session.runtime().whereis(Atom::new(name)).expect("running");
        let host = session.runtime().spawn_host("probe");
        let snapshot = host
            .run(move |me| async move { api::snapshot(&me, pid).await })
            .unwrap()
            .unwrap();
        ours.push(format!("tree {name}"));
        our_shape(&snapshot, 1, &mut ours);
    }
    (session, roots, ours)
}

fn fresh_dir(name: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn check_script(script: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let stem = Path::new(script)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let dir = fresh_dir(&format!("trees-{stem}"));
    let (_session, roots, ours) = run_script(script, &dir);
    for kind in letitcrash::behavior::kinds() {
        std::fs::write(dir.join(format!("{}.erl", kind.name)), stub(kind.name)).unwrap();
    }
    let runner = root.join("tests/otp_programs/erl/lic_tree.erl");
    let sources: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "erl"))
        .chain([runner])
        .collect();
    let output = Process::new("erlc")
        .arg("-Werror")
        .arg("-o")
        .arg(&dir)
        .args(&sources)
        .output()
        .expect("erlc runs");
    assert!(
        output.status.success() && output.stdout.is_empty(),
        "{script}: the exported trees do not compile cleanly:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let (theirs, _) = lic_tree(&[&dir], "main", &roots);
    assert_eq!(
        ours, theirs,
        "{script}: the trees differ (left: letitcrash, right: the BEAM)"
    );
}

/// `export app` of the script's session: `rebar3 compile` builds it, and
/// the application boots on the BEAM with the same trees under its top
/// supervisor.
pub fn check_app(script: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let stem = Path::new(script)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .replace('-', "_");
    let dir = fresh_dir(&format!("app-{stem}"));
    let sups = dir.join("sups");
    std::fs::create_dir_all(&sups).unwrap();
    let (mut session, roots, ours) = run_script(script, &sups);
    let app = format!(
        "talk_{}",
        stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '_')
    );
    let project = dir.join(&app);
    let line = format!("export app {app} to {}", project.display());
    let evaluation = session.eval(&parse_script(&line).remove(0).unwrap());
    assert!(evaluation.ok, "{line}: {:?}", evaluation.lines);
    let output = Process::new("rebar3")
        .arg("compile")
        .current_dir(&project)
        .env("REBAR_OFFLINE", "1")
        .output()
        .expect("rebar3 runs");
    assert!(
        output.status.success(),
        "{script}: rebar3 compile failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let runner = root.join("tests/otp_programs/erl/lic_tree.erl");
    let compiled = Process::new("erlc")
        .arg("-o")
        .arg(&dir)
        .arg(&runner)
        .output()
        .expect("erlc runs");
    assert!(compiled.status.success(), "{compiled:?}");
    let ebin = project.join(format!("_build/default/lib/{app}/ebin"));
    let mut args = vec![app.clone()];
    args.extend(roots.iter().cloned());
    let (theirs, stderr) = lic_tree(&[&dir, &ebin], "app", &args);
    assert_eq!(
        ours, theirs,
        "{script}: the application's trees differ (left: letitcrash, right: the BEAM)\n{stderr}"
    );
}

/// Runs `lic_tree:FUNCTION(ARGS)` on the BEAM with `paths` on its code
/// path: the lines it printed, and what it said on stderr.
fn lic_tree(paths: &[&Path], function: &str, args: &[String]) -> (Vec<String>, String) {
    let mut erl = Process::new("erl");
    erl.arg("-noshell");
    for path in paths {
        erl.arg("-pa").arg(path);
    }
    let output = erl
        .args(["-run", "lic_tree", function])
        .args(args)
        .output()
        .expect("erl runs");
    let lines = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    (lines, String::from_utf8_lossy(&output.stderr).into_owned())
}
