//! The interactive REPL driven through a pseudo-terminal, as a presenter
//! would: the real binary, rustyline in raw mode, live events printed by the
//! printer thread.
//!
//! Expectations only say what must appear, in order, within a generous
//! timeout; nothing here measures speed. Typed text is echoed (and hints
//! drawn) by the editor, so every expected string is one that only the
//! program's output can contain, such as a pid or a tree row.

use nix::sys::wait::WaitStatus;
use rexpect::session::{PtySession, spawn_command};
use std::path::PathBuf;
use std::process::Command;

const TIMEOUT_MS: u64 = 10_000;

/// A fresh, private history directory per test, so tests never touch the
/// developer's own history (and show that it is created on demand).
fn data_home(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("letitcrash-pty-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The REPL on a pty, plain (NO_COLOR) so the transcript is readable.
fn start(test: &str) -> (PtySession, PathBuf) {
    start_with_stty(test, None)
}

/// [`start`] on a terminal set up with `stty SETTINGS` first (its size,
/// as a resized window would have, or its line discipline's flags).
fn start_with_stty(test: &str, settings: Option<&str>) -> (PtySession, PathBuf) {
    let data = data_home(test);
    let binary = env!("CARGO_BIN_EXE_letitcrash");
    let mut command = match settings {
        Some(settings) => {
            let mut sh = Command::new("sh");
            sh.args([
                "-c",
                &format!("stty {settings} && exec \"$0\" \"$@\""),
                binary,
            ]);
            sh
        }
        None => Command::new(binary),
    };
    command
        .env("TERM", "xterm")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env("XDG_DATA_HOME", &data)
        .arg("--schedulers")
        .arg("2");
    let session = spawn_command(command, Some(TIMEOUT_MS)).expect("spawn letitcrash on a pty");
    (session, data)
}

/// Waits for `needle` and keeps everything read so far in `transcript`.
fn expect(repl: &mut PtySession, transcript: &mut String, needle: &str) {
    match repl.exp_string(needle) {
        Ok(before) => {
            transcript.push_str(&before);
            transcript.push_str(needle);
        }
        Err(error) => {
            panic!("waiting for {needle:?}: {error}\n--- transcript so far ---\n{transcript}")
        }
    }
}

/// Ctrl-D, the goodbye, end of output, and exit status 0.
fn leave(mut repl: PtySession, transcript: &mut String) {
    repl.send_control('d').unwrap();
    expect(&mut repl, transcript, "bye");
    transcript.push_str(&repl.exp_eof().unwrap_or_default());
    let status = repl.process().wait().expect("wait for letitcrash");
    assert!(
        matches!(status, WaitStatus::Exited(_, 0)),
        "exit status {status:?}\n{transcript}"
    );
}

/// What the terminal would show for `raw`, roughly: rexpect hands over one
/// char per byte, so the bytes are decoded as UTF-8 again, and the editor's
/// redraws (carriage return, erase line, cursor right/up) are replayed on a
/// tiny screen so each line reads as it ended up. For the test's output.
fn readable(raw: &str) -> String {
    let bytes: Vec<u8> = raw.chars().map(|c| c as u32 as u8).collect();
    let text = String::from_utf8_lossy(&bytes);
    let mut screen: Vec<Vec<char>> = vec![Vec::new()];
    let (mut row, mut col) = (0usize, 0usize);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => {
                if chars.peek() != Some(&'[') {
                    continue;
                }
                chars.next();
                let mut arg = String::new();
                let mut end = ' ';
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() || c == '~' {
                        end = c;
                        break;
                    }
                    arg.push(c);
                }
                let n = arg.parse::<usize>().unwrap_or(1);
                match end {
                    'K' => screen[row].truncate(col),
                    'C' => col += n,
                    'A' => row = row.saturating_sub(n),
                    'B' => row += n,
                    _ => {}
                }
            }
            '\r' => col = 0,
            '\n' => {
                row += 1;
                col = 0;
            }
            c => {
                while screen.len() <= row {
                    screen.push(Vec::new());
                }
                let line = &mut screen[row];
                while line.len() < col {
                    line.push(' ');
                }
                if col < line.len() {
                    line[col] = c;
                } else {
                    line.push(c);
                }
                col += 1;
            }
        }
        while screen.len() <= row {
            screen.push(Vec::new());
        }
    }
    screen
        .iter()
        .map(|line| line.iter().collect::<String>().trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn supervise_kill_restart_tree_and_leave_with_ctrl_d() {
    let (mut repl, data) = start("sup");
    let mut transcript = String::new();
    expect(&mut repl, &mut transcript, "type `help` for commands");

    // A block over several lines: Enter on the open `{` continues it.
    repl.send_line("sup demo {").unwrap();
    repl.send_line("worker w1 counter").unwrap();
    repl.send_line("worker w2 counter").unwrap();
    repl.send_line("}").unwrap();
    expect(&mut repl, &mut transcript, "<0.");

    repl.send_line("kill demo/w1").unwrap();
    // The supervisor's restart, printed by the event printer thread.
    expect(&mut repl, &mut transcript, "restarting w1");

    repl.send_line("tree").unwrap();
    expect(&mut repl, &mut transcript, "w1 <0.");
    expect(&mut repl, &mut transcript, "w2 <0.");

    leave(repl, &mut transcript);
    println!("--- transcript ---\n{}", readable(&transcript));
    assert!(
        data.join("letitcrash/history").exists(),
        "history saved under XDG_DATA_HOME"
    );
    let _ = std::fs::remove_dir_all(data);
}

#[test]
fn ctrl_c_cancels_the_line_and_keeps_the_repl() {
    let (mut repl, data) = start("ctrlc");
    let mut transcript = String::new();
    expect(&mut repl, &mut transcript, "type `help` for commands");

    // Half a command, abandoned with Ctrl-C: it must not run.
    repl.send("spawn counter as half").unwrap();
    repl.flush().unwrap();
    expect(&mut repl, &mut transcript, "half");
    repl.send_control('c').unwrap();
    // The editor leaves the abandoned line with a newline; only then is the
    // next line typed, since keys typed ahead of a finished `readline` may
    // be read (and dropped) with it.
    expect(&mut repl, &mut transcript, "\n");

    // The REPL is still there, and `half` was never spawned.
    repl.send_line("whereis half").unwrap();
    expect(&mut repl, &mut transcript, "undefined");

    // `reset` swaps the runtime under the event printer, which must not
    // block it.
    repl.send_line("reset").unwrap();
    expect(&mut repl, &mut transcript, "a fresh runtime");

    // A parse error is shown with its caret, and the REPL goes on.
    repl.send_line("spwan x").unwrap();
    expect(&mut repl, &mut transcript, "did you mean `spawn`?");

    leave(repl, &mut transcript);
    println!("--- transcript ---\n{}", readable(&transcript));
    let _ = std::fs::remove_dir_all(data);
}

#[test]
fn erlang_at_the_prompt_over_several_lines() {
    let (mut repl, data) = start("erlang");
    let mut transcript = String::new();
    expect(&mut repl, &mut transcript, "type `help` for commands");

    // A `case` goes on until its `end`, with no bracket open.
    repl.send_line("Sz = case 3 of").unwrap();
    repl.send_line("3 -> lists:duplicate(3, zz);").unwrap();
    repl.send_line("_ -> none").unwrap();
    repl.send_line("end.").unwrap();
    expect(&mut repl, &mut transcript, "[zz,zz,zz]");

    // Run as the shell process: its own mailbox, live.
    repl.send_line("self() ! hi, receive M -> {got, M} after 1000 -> none end.")
        .unwrap();
    expect(&mut repl, &mut transcript, "{got,hi}");
    repl.send_line("length(Sz).").unwrap();
    expect(&mut repl, &mut transcript, "3\r\n");

    leave(repl, &mut transcript);
    println!("--- transcript ---\n{}", readable(&transcript));
    let _ = std::fs::remove_dir_all(data);
}

/// What the editor writes as it starts reading a line (and leaves raw
/// mode with `\x1b[?2004l`).
const BRACKETED_PASTE_ON: &str = "\x1b[?2004h";

/// The prompt of an unfinished entry's next line: only the REPL prints it
/// (typed text never holds it).
const CONTINUATION: &str = "  ...> ";

/// Waits until the editor has taken the line sent and reads the next:
/// it leaves raw mode (`\x1b[?2004l`) and enters it again.
fn next_read(repl: &mut PtySession, transcript: &mut String) {
    expect(repl, transcript, "\x1b[?2004l");
    expect(repl, transcript, BRACKETED_PASTE_ON);
}

#[test]
fn an_open_entry_continues_and_an_empty_line_or_ctrl_c_abandons_it() {
    let (mut repl, data) = start("continue");
    let mut transcript = String::new();
    expect(&mut repl, &mut transcript, "type `help` for commands");
    expect(&mut repl, &mut transcript, BRACKETED_PASTE_ON);

    // An unclosed bracket: the next line is a continuation, not a command.
    repl.send_line("spawn counter(0").unwrap();
    next_read(&mut repl, &mut transcript);
    expect(&mut repl, &mut transcript, CONTINUATION);
    repl.send_line("").unwrap();
    expect(
        &mut repl,
        &mut transcript,
        "(entry abandoned: `(` opened on line 1 is not closed)",
    );
    expect(&mut repl, &mut transcript, BRACKETED_PASTE_ON);

    // A block over two lines, abandoned with Ctrl-C on its third: sent
    // once the editor reads it (between two reads the terminal is cooked,
    // and Ctrl-C there is no key).
    repl.send_line("sup demo {").unwrap();
    next_read(&mut repl, &mut transcript);
    expect(&mut repl, &mut transcript, CONTINUATION);
    repl.send_line("worker w1 counter").unwrap();
    next_read(&mut repl, &mut transcript);
    repl.send_control('c').unwrap();
    expect(
        &mut repl,
        &mut transcript,
        "(entry abandoned: `{` opened on line 1 is not closed)",
    );

    // Neither ran: no supervisor `demo`, and the prompt takes commands.
    repl.send_line("whereis demo").unwrap();
    expect(&mut repl, &mut transcript, "undefined");

    leave(repl, &mut transcript);
    println!("--- transcript ---\n{}", readable(&transcript));
    let _ = std::fs::remove_dir_all(data);
}

/// Runs `command`, which blocks, then types a command while it blocks and
/// presses Ctrl-C: the wait ends with the note, and the typed command is
/// thrown away.
fn interrupt(repl: &mut PtySession, transcript: &mut String, command: &str, note: &str) {
    repl.send_line(command).unwrap();
    // The editor turns bracketed paste off as it leaves raw mode, then
    // ends the line: from then on the command runs, the terminal is
    // cooked, and Ctrl-C is a signal.
    expect(repl, transcript, "\x1b[?2004l\r\n");
    // In the terminal's queue before the Ctrl-C (the pty echoes nothing).
    repl.send_line("spawn counter as late").unwrap();
    repl.send_control('c').unwrap();
    expect(repl, transcript, note);
    repl.send_line("whereis late").unwrap();
    expect(repl, transcript, "undefined");
}

#[test]
fn ctrl_c_interrupts_a_blocking_command_and_drops_what_was_typed_meanwhile() {
    // `noflsh`: the terminal itself keeps what was typed when Ctrl-C
    // comes, so only the REPL can be throwing it away.
    let (mut repl, data) = start_with_stty("interrupt", Some("noflsh"));
    let mut transcript = String::new();
    expect(&mut repl, &mut transcript, "type `help` for commands");
    repl.send_line("spawn idle as quiet").unwrap();
    expect(&mut repl, &mut transcript, "<0.");

    let note = "interrupted (Ctrl-C): the shell stopped waiting";
    interrupt(&mut repl, &mut transcript, "sleep 30s", note);
    interrupt(
        &mut repl,
        &mut transcript,
        "call quiet hello timeout 60s",
        note,
    );
    interrupt(&mut repl, &mut transcript, "receive timeout 60s", note);
    interrupt(
        &mut repl,
        &mut transcript,
        "wait quiet dead timeout 60s",
        note,
    );
    // Erlang at the prompt, in a receive nothing answers.
    interrupt(
        &mut repl,
        &mut transcript,
        "receive Never -> Never end.",
        "** exception exit: interrupted (Ctrl-C)",
    );

    // The shell is still the same process, and still answers.
    repl.send_line("self() ! back, receive M -> {got, M} end.")
        .unwrap();
    expect(&mut repl, &mut transcript, "{got,back}");

    leave(repl, &mut transcript);
    println!("--- transcript ---\n{}", readable(&transcript));
    let _ = std::fs::remove_dir_all(data);
}

/// `result` comes before `event` in `output`, both there.
fn assert_result_first(output: &str, result: &str, event: &str, round: usize) {
    let result_at = output.find(result);
    let event_at = output.find(event);
    assert!(
        matches!((result_at, event_at), (Some(r), Some(e)) if r < e),
        "round {round}: the result {result:?} must come before the event {event:?}\n{}",
        readable(output)
    );
}

#[test]
fn a_result_comes_before_the_events_it_caused_every_time() {
    let (mut repl, data) = start("order");
    let mut transcript = String::new();
    expect(&mut repl, &mut transcript, "type `help` for commands");
    repl.send_line("sup demo one_for_one intensity 1000 period 1s { worker w1 counter }")
        .unwrap();
    expect(&mut repl, &mut transcript, "spawn counter <0.");

    for round in 0..20 {
        // The crash and the restart happen as the command returns.
        let from = transcript.len();
        repl.send_line("crash demo/w1 boom").unwrap();
        // The restart's new child is the last event the crash causes.
        expect(&mut repl, &mut transcript, "exited with boom");
        expect(&mut repl, &mut transcript, "restarting w1");
        expect(&mut repl, &mut transcript, "spawn counter <0.");
        assert_result_first(&transcript[from..], "\r\nok\r\n", "exited with boom", round);

        // Here they happen well before it returns: the expression goes on
        // for a while after the crash it caused.
        repl.send_line("spawn counter as victim").unwrap();
        expect(&mut repl, &mut transcript, "register victim");
        let from = transcript.len();
        repl.send_line("exit(whereis(victim), boom), timer:sleep(200).")
            .unwrap();
        expect(&mut repl, &mut transcript, "exited with boom");
        expect(&mut repl, &mut transcript, "crash> ");
        assert_result_first(&transcript[from..], "\r\nok\r\n", "exited with boom", round);
    }

    leave(repl, &mut transcript);
    let _ = std::fs::remove_dir_all(data);
}

#[test]
fn events_and_help_wrap_at_100_columns_with_a_hanging_indent() {
    let (mut repl, data) = start_with_stty("wrap", Some("cols 100 rows 40"));
    let mut transcript = String::new();
    expect(&mut repl, &mut transcript, "type `help` for commands");
    repl.send_line("sup demo { worker w1 counter }").unwrap();
    expect(&mut repl, &mut transcript, "spawn counter <0.");
    // `... trapped by <0.2.0> (demo) as {'EXIT',<0.3.0>,boom}` is longer
    // than 100 columns: its end goes under the text after the timestamp.
    repl.send_line("crash demo/w1 boom").unwrap();
    expect(&mut repl, &mut transcript, "restarting w1");
    repl.send_line("help crash").unwrap();
    expect(&mut repl, &mut transcript, "example:");
    leave(repl, &mut transcript);

    let screen = readable(&transcript);
    println!("--- transcript ---\n{screen}");
    let lines: Vec<&str> = screen.lines().collect();
    for line in &lines {
        assert!(
            line.chars().count() <= 100,
            "wider than 100: {line:?}\n{screen}"
        );
    }
    let exit = lines
        .iter()
        .position(|line| line.contains("exit signal boom from"))
        .expect(&screen);
    assert!(
        lines[exit].ends_with(" as") && lines[exit + 1].starts_with("           {'EXIT',<0."),
        "the event goes on under its text, after a whole word\n{screen}"
    );
    let help = lines
        .iter()
        .position(|line| line.starts_with("  make the process itself fail"))
        .expect(&screen);
    assert!(
        lines[help + 1].starts_with("  ") && !lines[help + 1].starts_with("   "),
        "help goes on at its paragraph's indent\n{screen}"
    );
    let _ = std::fs::remove_dir_all(data);
}

#[test]
fn a_recalled_definition_takes_a_new_line_and_closers_go_back_to_their_block() {
    let (mut repl, data) = start_with_stty("multiline", Some("cols 100 rows 40"));
    let mut transcript = String::new();
    expect(&mut repl, &mut transcript, "type `help` for commands");

    // Typed a line at a time, each after the indentation auto-indent
    // gives it: `end.` and `}` go back to their block's column on Enter.
    // Each line waits for the editor to read the next (bracketed paste
    // goes on as a read starts): lines sent ahead would be a paste, which
    // brings its own indentation. So do the keys below: keys sent before
    // the editor reads are cooked by the terminal (Enter becomes Ctrl-J).
    expect(&mut repl, &mut transcript, BRACKETED_PASTE_ON);
    for line in [
        "def c {",
        "loop(N) ->",
        "receive",
        "incr -> loop(N + 1);",
        "stop -> ok",
        "end.",
        "}",
    ] {
        repl.send_line(line).unwrap();
        next_read(&mut repl, &mut transcript);
    }
    assert!(transcript.contains("{ok,c}"), "{}", readable(&transcript));

    // Recalled whole; Up three more times reaches the `incr` line, where
    // Alt-Enter opens a line below it, indented like it.
    const UP: &str = "\x1b[A";
    const DOWN: &str = "\x1b[B";
    const END: &str = "\x1b[F";
    repl.send(&format!("{UP}{UP}{UP}{UP}{END}\x1b\r")).unwrap();
    repl.send("decr -> loop(N - 1);").unwrap();
    repl.send(&format!("{DOWN}{DOWN}{DOWN}{END}\r")).unwrap();
    repl.flush().unwrap();
    expect(&mut repl, &mut transcript, "{ok,c}");
    repl.send_line("show c").unwrap();
    expect(&mut repl, &mut transcript, "decr -> loop(N - 1);");
    expect(&mut repl, &mut transcript, "crash> ");

    leave(repl, &mut transcript);
    let screen = readable(&transcript);
    println!("--- transcript ---\n{screen}");
    for typed in ["  ...>     end.", "  ...> }"] {
        assert!(
            screen.lines().any(|line| line == typed),
            "{typed:?} not on screen\n{screen}"
        );
    }
    let shown: Vec<&str> = screen
        .lines()
        .skip_while(|line| !line.contains("show c"))
        .collect();
    let incr = shown
        .iter()
        .position(|line| line.trim_start() == "incr -> loop(N + 1);")
        .expect(&screen);
    assert_eq!(shown[incr + 1], "      decr -> loop(N - 1);", "{screen}");
    assert_eq!(shown[incr + 3], "    end.", "{screen}");
    let _ = std::fs::remove_dir_all(data);
}

#[test]
fn ctrl_c_interrupts_a_running_step_of_run_step_and_the_script_goes_on() {
    let dir = data_home("step");
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("wait.crash");
    std::fs::write(&script, "spawn counter as c\nsleep 30s\nwhereis c\n").unwrap();
    let mut command = Command::new("sh");
    command
        .args([
            "-c",
            "stty noflsh && exec \"$0\" \"$@\"",
            env!("CARGO_BIN_EXE_letitcrash"),
            "run",
        ])
        .arg(&script)
        .arg("--step")
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    let mut repl = spawn_command(command, Some(TIMEOUT_MS)).expect("spawn letitcrash on a pty");
    let mut transcript = String::new();

    expect(&mut repl, &mut transcript, "crash> ");
    repl.send("\r").unwrap();
    repl.flush().unwrap();
    expect(&mut repl, &mut transcript, "register c");
    expect(&mut repl, &mut transcript, "crash> ");
    repl.send("\r").unwrap();
    repl.flush().unwrap();
    // Echoed once the key is read: the step runs, the terminal is cooked.
    expect(&mut repl, &mut transcript, "sleep 30s");
    repl.send_line("kill c").unwrap();
    repl.send_control('c').unwrap();
    expect(&mut repl, &mut transcript, "interrupted (Ctrl-C)");
    expect(&mut repl, &mut transcript, "crash> ");
    repl.send("\r").unwrap();
    repl.flush().unwrap();
    // `kill c`, typed during the step, never ran.
    expect(&mut repl, &mut transcript, "whereis c");
    expect(&mut repl, &mut transcript, "<0.");
    transcript.push_str(&repl.exp_eof().unwrap_or_default());
    println!("--- transcript ---\n{}", readable(&transcript));
    let _ = std::fs::remove_dir_all(dir);
}
