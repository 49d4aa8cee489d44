//! `export NAME to FILE.ex` against the real Elixir (issue 20, item 4):
//! the definitions of the talk scripts, of docs/language.md and of a few
//! programs written here export to modules `mix format` leaves as they
//! are and `elixirc` compiles; the programs print on `elixir` what their
//! Erlang export prints on `erl`; and `export app NAME to DIR --mix`
//! writes a Mix project that `mix compile` builds offline and `mix run`
//! boots with the session's trees.

use letitcrash::commands::{Command, parse_script};
use letitcrash::erlang::{self, ast, export};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output};

/// Every `def` of a script or a markdown file's examples.
fn definitions(path: &Path) -> Vec<ast::Module> {
    let source = std::fs::read_to_string(path).unwrap();
    let source = if path.extension().is_some_and(|e| e == "md") {
        code_blocks(&source)
    } else {
        source
    };
    let mut modules = Vec::new();
    for statement in parse_script(&source).into_iter().flatten() {
        if let Command::Def { name, source, .. } = statement.command
            && let Ok(module) = erlang::parse(&name, &source)
            && erlang::check(&module).is_ok()
        {
            modules.push(module);
        }
    }
    modules
}

/// The ```crash blocks of a markdown file, one after the other.
fn code_blocks(markdown: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            inside = line.trim_start() == "```crash";
            continue;
        }
        if inside && !line.trim_start().starts_with("#=>") {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "letitcrash-elixir-export-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs a command with a bound on its time, Mix kept offline and in `dir`.
fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    let home = dir.join(".mix-home");
    let mut child = Process::new("timeout")
        .arg("120")
        .arg(program)
        .args(args)
        .current_dir(dir)
        .env("MIX_HOME", &home)
        .env("HEX_HOME", &home)
        .env("HEX_OFFLINE", "1")
        .env("MIX_ENV", "prod")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    child.stdout.extend(std::mem::take(&mut child.stderr));
    child
}

fn check_ok(what: &str, output: &Output) -> String {
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(output.status.success(), "{what} failed:\n{text}");
    text
}

/// Writes each module's Elixir export into `dir`, checks the formatter
/// leaves them as they are, and compiles them there.
fn export_and_compile(dir: &Path, modules: &[ast::Module]) {
    let mut files = Vec::new();
    for module in modules {
        let text =
            export::elixir::module(module).unwrap_or_else(|e| panic!("{}: {e}", module.name));
        let file = format!("{}.ex", module.name);
        std::fs::write(dir.join(&file), &text).unwrap();
        let formatted = run(dir, "mix", &["format", "--check-formatted", &file]);
        if !formatted.status.success() {
            let copy = dir.join(format!("{}.formatted.ex", module.name));
            std::fs::write(&copy, &text).unwrap();
            run(dir, "mix", &["format", copy.to_str().unwrap()]);
            let wanted = std::fs::read_to_string(&copy).unwrap();
            panic!(
                "{} is not as mix format writes it:\n--- exported\n{text}\n--- mix format\n{wanted}",
                module.name
            );
        }
        files.push(file);
    }
    let mut args = vec!["--ignore-module-conflict", "-o", "ebin"];
    args.extend(files.iter().map(String::as_str));
    std::fs::create_dir_all(dir.join("ebin")).unwrap();
    check_ok("elixirc", &run(dir, "elixirc", &args));
}

#[test]
#[cfg_attr(
    not(has_elixir),
    ignore = "needs Debian's elixir and mix, which .ci/run installs"
)]
fn the_talk_and_the_docs_definitions_are_formatted_elixir_that_compiles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources: Vec<PathBuf> = std::fs::read_dir(root.join("scripts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "crash"))
        .collect();
    sources.sort();
    sources.push(root.join("docs/language.md"));
    sources.push(root.join("docs/tutorial.md"));
    let mut count = 0;
    for source in sources {
        let modules = definitions(&source);
        if modules.is_empty() {
            continue;
        }
        let dir = scratch(source.file_stem().unwrap().to_str().unwrap());
        // A file may define a name twice (a fix, live): the last one wins,
        // as in the session.
        let mut last: Vec<ast::Module> = Vec::new();
        for module in modules {
            last.retain(|m| m.name != module.name);
            last.push(module);
        }
        count += last.len();
        export_and_compile(&dir, &last);
    }
    assert!(count >= 10, "only {count} definitions exported");
}

/// Programs whose `main/0` returns a term: each covers a part of the
/// translation (pins, guards, funs, try, catch, binaries, maps, BIFs,
/// processes and messages).
const PROGRAMS: &[(&str, &str)] = &[
    (
        "ex_counter",
        "main() ->
           P = spawn(ex_counter, loop, [0]),
           P ! incr, P ! incr, P ! {incr, 5},
           P ! {get, self()},
           receive {count, N} -> N after 5000 -> timeout end.
         loop(Count) ->
           receive
             incr -> loop(Count + 1);
             {incr, By} when is_integer(By), By > 0 -> loop(Count + By);
             {get, From} -> From ! {count, Count}, loop(Count)
           after 10000 -> exit(idle)
           end.",
    ),
    (
        "ex_pins",
        "main() ->
           X = 1,
           {X, Y} = {1, 2},
           R = case {Y, 3} of {X, _} -> one; {2, Z} -> {two, Z} end,
           F = fun(A) when A > X -> big; (_) -> small end,
           G = fun lists:reverse/1,
           H = fun double/1,
           {R, F(5), F(0), G([1, 2, 3]), H(21), [double(E) || E <- [1, 2, 3], E > 1]}.
         double(N) -> N * 2.",
    ),
    (
        "ex_errors",
        "main() ->
           A = try throw(ball) catch throw:B -> {caught, B} end,
           C = try erlang:error(oops) catch error:E:S when is_atom(E) -> {error, E, is_list(S)} end,
           D = try 1 of 1 -> one catch _:_ -> no after ok end,
           W = catch exit(bye),
           T = catch throw(t),
           V = catch 1 + 1,
           {A, C, D, W, T, V}.",
    ),
    (
        "ex_data",
        "main() ->
           M = #{a => 1, \"k\" => [2]},
           M2 = M#{a := 10, b => 20},
           #{a := Av} = M2,
           Bin = <<1:16, \"abc\", 33>>,
           <<N:16, Rest/binary>> = Bin,
           Str = \"hi #{there}\",
           {Av, maps:get(b, M2), N, Rest, byte_size(Bin), Str, <<\"text\">>,
            element(2, {x, y}), setelement(1, {x, y}, z), 7 div 2, 7 rem 2,
            5 band 3, 5 bor 3, 1 bsl 4, -(-3), 1 =:= 1.0, 1 == 1.0, 1 /= 2, 1 =/= 1.0,
            2 =< 3, true andalso false, false orelse true, true xor false,
            [1, 2] ++ [3], [1, 2, 3] -- [2], 1.5, 'Quoted Atom', 'EXIT'}.",
    ),
    (
        "ex_flow",
        "-export([main/0, max/2, send/2]).
         -import(lists, [sum/1]).
         -record(point, {x = 0, y = 0}).
         main() ->
           P = #point{x = 3},
           Sizes = [classify(N) || N <- [-1, 0, 5, 500]],
           Key = k,
           #{Key := Found} = #{k => found},
           Size = 2,
           <<Head:Size/binary, _/binary>> = <<\"abcdef\">>,
           Waited = receive never -> no after 0 -> waited end,
           End = 1, Fn = 2, Do = End + Fn,
           {P#point.x, P, Sizes, Found, Head, Waited, Do, ex_flow:max(1, 2), send(a, b),
            sum([1, 2, 3]), erlang:max(1, 2), tuple_size({}), apply(fun erlang:abs/1, [-4])}.
         classify(N) when N < 0; N > 100 -> out;
         classify(N) ->
           if N =:= 0 -> zero;
              N > 0, N < 10 -> small;
              true -> other
           end.
         max(A, B) -> {my_max, A, B}.
         send(To, Msg) -> {my_send, To, Msg}.",
    ),
    (
        "ex_guards",
        "-record(point, {x, y, z}).
         main() ->
           Reason = fun(F) -> try F() catch error:R -> R end end,
           {small({a}), small([]), Reason(fun() -> small(a) end), truthy(ok), truthy(true),
            sign(1), Reason(fun() -> sign(0) end), kind([]), kind({t}), kind(7),
            rec(#point{x = 1}), rec(#point{x = -1}), rec({other}),
            is_record(#point{}, point, 4), pick(2), pick(3)}.
         small(X) -> if tuple_size(X) == 1 -> one; X == [] -> empty end.
         truthy(X) -> if X -> yes; true -> no end.
         sign(X) -> if X > 0 -> pos; X < 0 -> neg end.
         kind(X) when tuple_size(X) == 1; X == [] -> small;
         kind(_) -> other.
         rec(P) when is_record(P, point, 4), P#point.x > 0 -> positive;
         rec(P) when is_record(P, point, 4) -> point;
         rec(_) -> other.
         pick(N) -> case case N rem 2 of 0 -> even; _ -> odd end of even -> {N, even}; odd -> {N, odd} end.",
    ),
    (
        "ex_kv",
        "-behaviour(gen_server).
         main() ->
           {ok, Pid} = gen_server:start_link(ex_kv, #{}, []),
           ok = gen_server:call(Pid, {put, a, 1}),
           gen_server:cast(Pid, {put, b, 2}),
           Got = gen_server:call(Pid, {get, a}),
           All = gen_server:call(Pid, all),
           {Got, All}.
         init(State) -> {ok, State}.
         handle_call({put, K, V}, _From, State) -> {reply, ok, State#{K => V}};
         handle_call({get, K}, _From, State) -> {reply, maps:get(K, State, none), State};
         handle_call(all, _From, State) -> {reply, lists:sort(maps:to_list(State)), State}.
         handle_cast({put, K, V}, State) -> {noreply, maps:put(K, V, State)}.",
    ),
];

/// What `main/0` returns, printed with `~p`, on `erl` from the Erlang
/// export and on `elixir` from the Elixir export.
#[test]
#[cfg_attr(
    not(has_elixir),
    ignore = "needs Debian's elixir and mix, which .ci/run installs"
)]
fn programs_print_the_same_on_elixir_as_their_erlang_export_on_erl() {
    let mut mismatches = Vec::new();
    for (name, source) in PROGRAMS {
        let module = erlang::parse(name, source).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        erlang::check(&module).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let dir = scratch(name);
        export_and_compile(&dir, std::slice::from_ref(&module));
        std::fs::write(
            dir.join(format!("{name}.erl")),
            export::module(&module).text,
        )
        .unwrap();
        std::fs::create_dir_all(dir.join("beam")).unwrap();
        check_ok(
            "erlc",
            &run(&dir, "erlc", &["-o", "beam", &format!("{name}.erl")]),
        );
        let print = format!("io:format(\"~p~n\", [{name}:main()]), halt().");
        let on_erl = check_ok(
            "erl",
            &run(&dir, "erl", &["-noshell", "-pa", "beam", "-eval", &print]),
        );
        let on_elixir = check_ok(
            "elixir",
            &run(
                &dir,
                "elixir",
                &[
                    "-pa",
                    "ebin",
                    "-e",
                    &format!(":io.format('~p~n', [:{name}.main()])"),
                ],
            ),
        );
        if on_erl.trim() != on_elixir.trim() {
            mismatches.push(format!(
                "{name}:\n  erl:    {on_erl}\n  elixir: {on_elixir}"
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

/// A tree as `lic_tree.erl` prints it: a line per child, in start order,
/// indented by depth: `Id Type Modules Running`.
fn our_shape(
    snapshot: &letitcrash::supervisor::SupervisorSnapshot,
    depth: usize,
    out: &mut Vec<String>,
) {
    use letitcrash::supervisor::{ChildState, ChildType};
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

/// The running trees of a session: every registered supervisor (the
/// runtime's kind `supervisor`, whether `sup` or a callback module's
/// `supervisor:start_link/3` started it) that no other supervisor has as
/// a child, in start order, with their shapes as `lic_tree.erl` prints
/// them.
fn running_trees(session: &letitcrash::session::Session) -> (Vec<String>, Vec<String>) {
    use letitcrash::runtime::{Atom, Pid};
    use letitcrash::supervisor::{ChildState, SupervisorSnapshot, api};
    fn child_pids(snapshot: &SupervisorSnapshot, out: &mut Vec<Pid>) {
        for child in &snapshot.children {
            if let ChildState::Running(pid) = child.state {
                out.push(pid);
            }
            if let Some(nested) = &child.nested {
                child_pids(nested, out);
            }
        }
    }
    let runtime = session.runtime();
    let mut supervisors: Vec<(Pid, Atom)> = runtime
        .registered()
        .into_iter()
        .filter(|(_, pid)| {
            runtime
                .process_info(*pid)
                .is_some_and(|info| info.kind == Atom::new("supervisor"))
        })
        .map(|(name, pid)| (pid, name))
        .collect();
    supervisors.sort();
    let host = runtime.spawn_host("probe");
    let mut snapshots = Vec::new();
    for (pid, name) in &supervisors {
        let pid = *pid;
        let snapshot = host
            .run(move |me| async move { api::snapshot(&me, pid).await })
            .unwrap()
            .unwrap();
        snapshots.push((pid, name.to_string(), snapshot));
    }
    let mut nested = Vec::new();
    for (_, _, snapshot) in &snapshots {
        child_pids(snapshot, &mut nested);
    }
    let mut roots = Vec::new();
    let mut shapes = Vec::new();
    for (pid, name, snapshot) in &snapshots {
        if nested.contains(pid) {
            continue;
        }
        shapes.push(format!("tree {name}"));
        our_shape(snapshot, 1, &mut shapes);
        roots.push(name.clone());
    }
    (roots, shapes)
}

/// The talk scripts that end with no supervision tree running, and why:
/// their Mix project would be an application with nothing under its top
/// supervisor, which the other scripts already cover.
const WITHOUT_TREES: &[(&str, &str)] = &[
    (
        "scripts/01-processes.crash",
        "plain processes: spawn, send, receive, no supervisor",
    ),
    (
        "scripts/02-links.crash",
        "links and a hand-written keeper, not a supervisor",
    ),
    (
        "scripts/elixir-01-processes.crash",
        "plain processes in Elixir: spawn, send, receive, no supervisor",
    ),
    (
        "scripts/elixir-02-links.crash",
        "links and a hand-written Keeper in Elixir, not a supervisor",
    ),
];

/// The running trees `export app` leaves out of a talk script's
/// application, and why (the line the export prints): every other tree
/// is checked under `mix run`.
const LEFT_OUT: &[(&str, &str, &str)] = &[(
    "scripts/elixir-04-let-it-crash.crash",
    "plain",
    "the start arguments of the child n of plain hold a fun, which no source text can write",
)];

/// `export app NAME to DIR --mix` of a talk script's session (every
/// statement run, as `letitcrash check` runs it): every file is as
/// `mix format` writes it, `mix compile` builds it offline, and
/// `mix run` boots the application with the session's running trees,
/// whether `sup`, a supervisor callback module or Elixir's
/// `Supervisor.start_link/2` started them, less the ones the export says
/// it leaves out (which must be `LEFT_OUT`'s). `None` when the session
/// ends with no tree.
fn check_mix_app(script: &str, app: &str) -> Option<usize> {
    use letitcrash::session::{Session, SessionConfig};
    use letitcrash::view::Style;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(root.join(script)).unwrap();
    let mut session = Session::new(SessionConfig::deterministic(0, Style::PLAIN));
    for statement in parse_script(&source) {
        session.eval(&statement.unwrap());
    }
    let (mut roots, mut ours) = running_trees(&session);
    if roots.is_empty() {
        return None;
    }
    let dir = scratch(app);
    let project = dir.join(app);
    let line = format!("export app {app} to {} --mix", project.display());
    let evaluation = session.eval(&parse_script(&line).remove(0).unwrap());
    assert!(evaluation.ok, "{line}: {:?}", evaluation.lines);
    let left_out: Vec<(String, String)> = evaluation
        .lines
        .iter()
        .filter_map(|line| match line {
            letitcrash::session::Line::Notice(text) => text.split_once(" is left out: "),
            _ => None,
        })
        .map(|(tree, why)| (tree.to_owned(), why.to_owned()))
        .collect();
    let expected: Vec<(String, String)> = LEFT_OUT
        .iter()
        .filter(|(s, _, _)| *s == script)
        .map(|(_, tree, why)| (tree.to_string(), why.to_string()))
        .collect();
    assert_eq!(left_out, expected, "{script}: the trees left out");
    for (tree, _) in &left_out {
        roots.retain(|root| root != tree);
        let start = ours
            .iter()
            .position(|l| *l == format!("tree {tree}"))
            .unwrap();
        let end = ours[start + 1..]
            .iter()
            .position(|l| l.starts_with("tree "))
            .map_or(ours.len(), |n| start + 1 + n);
        ours.drain(start..end);
    }
    let mut sources = vec!["mix.exs".to_owned()];
    for entry in std::fs::read_dir(project.join("lib")).unwrap() {
        sources.push(format!(
            "lib/{}",
            entry.unwrap().file_name().to_string_lossy()
        ));
    }
    let mut args = vec!["format", "--check-formatted"];
    args.extend(sources.iter().map(String::as_str));
    check_ok("mix format --check-formatted", &run(&project, "mix", &args));
    check_ok("mix compile", &run(&project, "mix", &["compile"]));
    let runner = root.join("tests/otp_programs/erl/lic_tree.erl");
    check_ok(
        "erlc",
        &run(
            &dir,
            "erlc",
            &["-o", dir.to_str().unwrap(), runner.to_str().unwrap()],
        ),
    );
    let mut names = vec![format!("'{app}'")];
    names.extend(roots.iter().map(|r| format!("'{r}'")));
    let boot = format!(
        ":logger.set_primary_config(:level, :none); :lic_tree.app([{}])",
        names.join(", ")
    );
    let dir_text = dir.to_str().unwrap().to_owned();
    let output = check_ok(
        "mix run",
        &run(
            &project,
            "elixir",
            &["-pa", &dir_text, "-S", "mix", "run", "-e", &boot],
        ),
    );
    let theirs: Vec<String> = output
        .lines()
        .filter(|l| l.starts_with("tree ") || l.starts_with("  "))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        ours, theirs,
        "{script}: the Mix application's trees differ (left: letitcrash, right: mix run)\n{output}"
    );
    Some(roots.len())
}

#[test]
#[cfg_attr(
    not(has_elixir),
    ignore = "needs Debian's elixir and mix, which .ci/run installs"
)]
fn the_talk_scripts_apps_build_with_mix_and_boot_with_the_same_trees() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(root.join("scripts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "crash"))
        .collect();
    scripts.sort();
    let mut without_trees = Vec::new();
    let mut exported = 0;
    for path in &scripts {
        let script = format!("scripts/{}", path.file_name().unwrap().to_string_lossy());
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let app = format!(
            "talk_{}",
            stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-')
                .replace('-', "_")
        );
        match check_mix_app(&script, &app) {
            Some(trees) => {
                exported += 1;
                eprintln!("{script}: {trees} tree(s) exported as the Mix app {app}");
            }
            None => without_trees.push(script),
        }
    }
    for (script, why) in WITHOUT_TREES {
        eprintln!("{script}: skipped, no supervision tree: {why}");
    }
    let expected: Vec<&str> = WITHOUT_TREES.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        without_trees, expected,
        "the talk scripts that end with no supervision tree running"
    );
    assert_eq!(exported + without_trees.len(), scripts.len());
}

/// The differential suite of tests/otp/programs/ (run by
/// tests/otp_programs/ against the Erlang export), once more with every
/// module exported to Elixir: each program prints, under the same
/// observer and runner on the BEAM, what its Erlang export prints. The
/// lines of stack frames are left out of the comparison (they are lines
/// of the `.ex` on one side, of the `.erl` on the other).
#[allow(dead_code)]
#[path = "otp_programs/harness.rs"]
mod harness;

fn elixir_ebin() -> String {
    let output = run(
        &std::env::temp_dir(),
        "elixir",
        &["-e", ":io.format('~s', [:code.lib_dir(:elixir, :ebin)])"],
    );
    check_ok("elixir", &output).trim().to_owned()
}

fn without_frame_lines(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|line| match line.strip_prefix("frame ") {
            Some(rest) => format!("frame {}", rest.rsplit_once(' ').map_or(rest, |(f, _)| f)),
            None => line.clone(),
        })
        .collect()
}

/// The programs of the suite Elixir cannot say: `maps_patterns` puts a
/// key in a map in a guard (`M#{a => 0} =:= #{a => 0}`).
const REFUSED: &[&str] = &["maps_patterns"];

/// The programs that print something else on `elixir`, and why: what
/// Elixir's compiler does with the same code, which the export cannot
/// say otherwise.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[
    (
        "binary_errors",
        "Elixir's compiler splits a binary's construction into other segments, \
         so a badarg's cause names another segment number",
    ),
    (
        "maps_errors",
        "Elixir's compiler inlines :maps.put/3 as a map update, so its badmap is \
         raised in the caller, and `M#{}` (no update, as Elixir says it) checks nothing",
    ),
];

#[test]
#[cfg_attr(
    not(has_elixir),
    ignore = "needs Debian's elixir and mix, which .ci/run installs"
)]
fn the_program_suite_behaves_the_same_exported_to_elixir() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("tests/otp/programs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "crash"))
        .collect();
    files.sort();
    let programs: Vec<harness::Program> = files
        .iter()
        .map(|f| harness::Program::from_file(f))
        .collect();
    let names: Vec<String> = programs.iter().map(|p| p.name.clone()).collect();
    let observer = harness::observer();

    let erl_dir = scratch("suite-erl");
    harness::export_all(&programs, &observer, &erl_dir);
    harness::erlc(&erl_dir, false).unwrap_or_else(|e| panic!("erlc: {e}"));
    let theirs = harness::beam(&erl_dir, &names);

    let ex_dir = scratch("suite-ex");
    let mut sources = Vec::new();
    let mut refused = Vec::new();
    for program in &programs {
        let mut texts = Vec::new();
        for module in &program.modules {
            match export::elixir::module(module) {
                Ok(text) => texts.push((module.name.clone(), text)),
                Err(_) => refused.push(program.name.clone()),
            }
        }
        if refused.last() == Some(&program.name) {
            continue;
        }
        for (name, text) in texts {
            std::fs::write(ex_dir.join(format!("{name}.ex")), text).unwrap();
            sources.push(format!("{name}.ex"));
        }
    }
    refused.dedup();
    assert_eq!(
        refused, REFUSED,
        "the programs whose export to Elixir is refused"
    );
    let observer_text = export::elixir::module(&observer).unwrap();
    std::fs::write(ex_dir.join(format!("{}.ex", observer.name)), observer_text).unwrap();
    sources.push(format!("{}.ex", observer.name));
    let mut format = vec!["format", "--check-formatted"];
    format.extend(sources.iter().map(String::as_str));
    check_ok(
        "mix format --check-formatted",
        &run(&ex_dir, "mix", &format),
    );
    let mut compile = vec!["--ignore-module-conflict", "-o", "."];
    compile.extend(sources.iter().map(String::as_str));
    check_ok("elixirc", &run(&ex_dir, "elixirc", &compile));
    let runner = root.join("tests/otp_programs/erl/lic_prog.erl");
    check_ok(
        "erlc",
        &run(&ex_dir, "erlc", &["-o", ".", runner.to_str().unwrap()]),
    );
    let ebin = elixir_ebin();
    let mut args = vec![
        "-noshell", "-pa", ".", "-pa", &ebin, "-run", "lic_prog", "main",
    ];
    args.extend(names.iter().map(String::as_str));
    let output = check_ok("erl", &run(&ex_dir, "erl", &args));
    let mut ours: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let mut current: Option<String> = None;
    for line in output.lines() {
        if let Some(name) = line.strip_prefix("program ") {
            current = Some(name.to_owned());
        }
        if let Some(name) = &current {
            ours.entry(name.clone()).or_default().push(line.to_owned());
        }
    }
    let mut differing = Vec::new();
    let mut known = Vec::new();
    for name in names.iter().filter(|n| !REFUSED.contains(&n.as_str())) {
        let erl = without_frame_lines(&harness::canonical(&theirs[name]));
        let ex = without_frame_lines(&harness::canonical(ours.get(name).map_or(&[][..], |v| v)));
        if erl != ex && KNOWN_DIFFERENCES.iter().any(|(n, _)| n == name) {
            known.push(name.as_str());
        } else if erl != ex {
            differing.push(format!(
                "{name}:\n  erl:\n    {}\n  elixir:\n    {}",
                erl.join("\n    "),
                ex.join("\n    ")
            ));
        }
    }
    let expected: Vec<&str> = KNOWN_DIFFERENCES.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        known, expected,
        "the programs whose known differences are gone: take them off KNOWN_DIFFERENCES"
    );
    assert!(
        differing.is_empty(),
        "{} of {} programs differ:\n{}",
        differing.len(),
        names.len(),
        differing.join("\n")
    );
}
