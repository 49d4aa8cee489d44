#!/usr/bin/env python3
"""Times a paste into letitcrash's REPL on a pseudo-terminal.

    scripts/paste-bench.py BINARY KIND N [--bracketed] [--colour]

KIND is what is pasted:
  def    a def of N lines (N - 2 clauses `f(I) -> I;`)
  lines  N statements, one a line (`X1 = whereis nobody`, ...)
  line   one `say "..."` line of N characters

The REPL runs with --seed 0 on a 120-column terminal, plain (NO_COLOR)
unless --colour. The paste is written as a terminal writes it, in 4 KB
pieces while the output is read, as keys (without bracketed paste: tmux,
`screen`, a terminal without it, a program typing) or, with --bracketed,
between ESC[200~ and ESC[201~ followed by Enter. Then `whereis zz_end` is
typed; the time is from the first byte written until its answer
(`undefined`) is read. Prints one line: what, how long, how much output.

This is how docs/benchmarks.md ("Pasting into the REPL") measured; it only
reports, it asserts nothing (tests/hostile/terminal.rs asserts that pastes
are taken and answered).
"""
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time

binary, kind, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
bracketed = "--bracketed" in sys.argv
colour = "--colour" in sys.argv
limit = float(os.environ.get("PASTE_LIMIT", "300"))

if kind == "def":
    body = "def big {\n" + "".join(f"  f({i}) -> {i};\n" for i in range(n - 2)) + "  f(_) -> none.\n}\n"
elif kind == "lines":
    body = "".join(f"X{i} = whereis nobody\n" for i in range(n))
elif kind == "line":
    body = 'say "' + "a" * n + '"\n'
else:
    sys.exit(f"unknown kind {kind}: def, lines or line")
data = body.replace("\n", "\r").encode()
if bracketed:
    data = b"\x1b[200~" + body.encode() + b"\x1b[201~\r"
data += b"whereis zz_end\r"

env = dict(os.environ, TERM="xterm", XDG_DATA_HOME="/tmp/paste-bench-history")
env.pop("NO_COLOR", None)
env.pop("CLICOLOR_FORCE", None)
if not colour:
    env["NO_COLOR"] = "1"
master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
child = subprocess.Popen(
    [binary, "--seed", "0"], stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
)
os.close(slave)
out = bytearray()


def read_until(found, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                out.extend(os.read(master, 1 << 20))
            except OSError:
                return False
            if found():
                return True
    return False


# The prompt is drawn once the editor has the terminal in raw mode; bytes
# sent earlier would go through the kernel's line editing instead.
if not read_until(lambda: b"Ctrl-D" in out and b"crash> " in out, 30):
    sys.exit("the REPL did not start")
start = len(out)
began = time.time()
os.set_blocking(master, False)
written = 0
while written < len(data):
    readable, writable, _ = select.select([master], [master], [], 1)
    if readable:
        try:
            out.extend(os.read(master, 1 << 20))
        except BlockingIOError:
            pass
    if writable:
        try:
            written += os.write(master, data[written : written + 4096])
        except BlockingIOError:
            pass
os.set_blocking(master, True)
# Only what is new is searched: reading the whole output again on every
# chunk would make this harness the slow part.
searched = [start]


def answered():
    hit = out.find(b"undefined", max(searched[0] - 16, start)) >= 0
    searched[0] = len(out)
    return hit


ok = read_until(answered, limit)
took = time.time() - began
size = len(body)
how = "bracketed" if bracketed else "keys"
shade = "colour" if colour else "plain"
verdict = f"{took:.2f} s" if ok else f"no answer within {limit:.0f} s"
print(f"{kind} {n} ({size:,} bytes, {how}, {shade}): {verdict}, {len(out) - start:,} bytes of output")
os.write(master, b"\x04")
try:
    child.wait(timeout=10)
except subprocess.TimeoutExpired:
    os.killpg(child.pid, signal.SIGKILL)
    child.wait()
