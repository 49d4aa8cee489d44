#!/usr/bin/env bash
# bench-vs-beam.sh: run letitcrash's benchmarks and the same workloads on
# the real BEAM (scripts/beam/*.erl) side by side, and print a table of
# the figures, the ratio ours/BEAM and whether each target is met.
#
#   scripts/bench-vs-beam.sh                      # full size (several minutes)
#   SPAWN_PROCS=100000 RING_HOPS=100000 RESTART_TIMES=1000 \
#     scripts/bench-vs-beam.sh                    # a quick run
#   WORKLOADS="ring restart" scripts/bench-vs-beam.sh
#
# Environment (defaults in brackets):
#   SPAWN_PROCS    processes for spawn              [1000000]
#   RING_PROCS     ring sizes, space separated      ["1000 10000"]
#   RING_HOPS      hops per ring                    [1000000]
#   RESTART_TIMES  supervisor restarts              [10000]
#   SPINNERS       CPU-bound spinners for fairness  [4]
#   WORKLOADS      which to run                     ["spawn ring restart fairness"]
#                  (also: vm-ring vm-fib vm-spawn vm-map vm-binary
#                  vm-bignum vm-list vm-send, the process language's)
#   VM_SPAWN_PROCS processes for vm-spawn           [100000]
#   SCHEDULERS     schedulers on both sides (erl +S N:N, --schedulers N)
#                                                   [2]
#   PEERS          Rust actor libraries to run spawn and ring on too,
#                  from benches/peers (its own workspace, built here)
#                                                   [""; e.g. "tokio ractor kameo actix"]
#   LETITCRASH     our binary; if unset, `cargo build --release` and
#                  target/release/letitcrash
#   SKIP_OURS=1    run the BEAM side only
#   OUT            raw JSON lines, both sides       [target/bench-vs-beam.jsonl]
#   RUN_TIMEOUT    seconds allowed for one run      [900]
#
# Needs bash, python3 (to read the JSON) and, for the BEAM side, erl/erlc
# (Debian: apt-get install erlang-base). Without erl only ours runs.
# Everything printed on standard output is Markdown, ready to paste into
# docs/benchmarks.md; progress and errors go to standard error.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD

SPAWN_PROCS=${SPAWN_PROCS:-1000000}
RING_PROCS=${RING_PROCS:-"1000 10000"}
RING_HOPS=${RING_HOPS:-1000000}
RESTART_TIMES=${RESTART_TIMES:-10000}
SPINNERS=${SPINNERS:-4}
VM_SPAWN_PROCS=${VM_SPAWN_PROCS:-100000}
WORKLOADS=${WORKLOADS:-"spawn ring restart fairness"}
SKIP_OURS=${SKIP_OURS:-0}
OUT=${OUT:-target/bench-vs-beam.jsonl}
RUN_TIMEOUT=${RUN_TIMEOUT:-900}
SCHEDULERS=${SCHEDULERS:-2}
PEERS=${PEERS:-}

log() { printf '%s\n' "$*" >&2; }

command -v python3 >/dev/null || { log "bench-vs-beam: python3 is needed to read the JSON"; exit 1; }

mkdir -p "$(dirname "$OUT")"
: >"$OUT"

# ---------------------------------------------------------------- BEAM side
HAVE_ERL=0
OTP_VERSION="not installed"
if command -v erl >/dev/null && command -v erlc >/dev/null; then
    HAVE_ERL=1
    OTP_VERSION=$(erl -noshell -eval '
        Rel = erlang:system_info(otp_release),
        File = filename:join([code:root_dir(), "releases", Rel, "OTP_VERSION"]),
        V = case file:read_file(File) of
                {ok, B} -> string:trim(B);
                _ -> Rel
            end,
        io:format("~s (erts ~s)", [V, erlang:system_info(version)]),
        halt().')
    BEAM_DIR=$(mktemp -d "${TMPDIR:-/tmp}/lic-beam.XXXXXX")
    trap 'rm -rf "$BEAM_DIR"' EXIT
    erlc -o "$BEAM_DIR" scripts/beam/*.erl
else
    log "bench-vs-beam: erl not found, so only our side runs (install it with: apt-get install erlang-base)"
fi

# +P: room for the spawn test's processes (the BEAM's default is 1,048,576).
ERL_PROCS=$((SPAWN_PROCS * 2 > 1048576 ? SPAWN_PROCS * 2 : 1048576))

# run_beam ARGS...: one workload on a fresh node; its JSON lines go to $OUT.
run_beam() {
    [ "$HAVE_ERL" = 1 ] || return 0
    log "beam: $*"
    local out
    if out=$(timeout "$RUN_TIMEOUT" erl -noshell +P "$ERL_PROCS" +S "$SCHEDULERS:$SCHEDULERS" -pa "$BEAM_DIR" \
                 -s lic_bench main -extra "$@"); then
        grep '^{' <<<"$out" >>"$OUT" || log "beam: no JSON from: $*"
    else
        log "beam: failed ($?): $*"
    fi
}

# ----------------------------------------------------------------- our side
OURS=""
if [ "$SKIP_OURS" != 1 ]; then
    if [ -n "${LETITCRASH:-}" ]; then
        OURS=$LETITCRASH
    elif log "ours: cargo build --release" && cargo build --release >&2; then
        OURS=$ROOT/target/release/letitcrash
    else
        log "ours: cargo build --release failed; ours: not available"
    fi
    if [ -n "$OURS" ] && [ ! -x "$OURS" ] && ! command -v "$OURS" >/dev/null; then
        log "ours: $OURS is not an executable; ours: not available"
        OURS=""
    fi
fi

# run_ours ARGS...: `letitcrash bench ARGS --json`; a failure leaves the
# cells empty ("not available") instead of stopping the run.
run_ours() {
    [ -n "$OURS" ] || return 0
    log "ours: bench $* --json"
    local out
    if out=$(timeout "$RUN_TIMEOUT" "$OURS" bench "$@" --schedulers "$SCHEDULERS" --json); then
        grep '^{' <<<"$out" >>"$OUT" || log "ours: no JSON from: bench $*"
    else
        log "ours: failed ($?): bench $*"
    fi
}

# ---------------------------------------------------------------- the peers
PEERS_BIN=""
if [ -n "$PEERS" ]; then
    if log "peers: cargo build --release (benches/peers)" &&
        (cd benches/peers && cargo build --release >&2); then
        PEERS_BIN=$ROOT/benches/peers/target/release/letitcrash-peers
    else
        log "peers: build failed; peers: not available"
    fi
fi

# run_peers WORKLOAD ARGS...: each library in $PEERS on one workload.
run_peers() {
    [ -n "$PEERS_BIN" ] || return 0
    local workload=$1 lib out
    shift
    for lib in $PEERS; do
        log "peer $lib: $workload $*"
        if out=$(timeout "$RUN_TIMEOUT" "$PEERS_BIN" "$lib" "$workload" "$@" --schedulers "$SCHEDULERS"); then
            grep '^{' <<<"$out" >>"$OUT" || log "peer $lib: no JSON"
        else
            log "peer $lib: failed ($?): $workload $*"
        fi
    done
}

# ------------------------------------------------------------------- runs
for w in $WORKLOADS; do
    case $w in
        spawn)
            run_beam spawn --procs "$SPAWN_PROCS"
            run_ours spawn --procs "$SPAWN_PROCS"
            run_peers spawn --procs "$SPAWN_PROCS" ;;
        ring)
            for n in $RING_PROCS; do
                run_beam ring --procs "$n" --hops "$RING_HOPS"
                run_ours ring --procs "$n" --hops "$RING_HOPS"
                run_peers ring --procs "$n" --hops "$RING_HOPS"
            done ;;
        restart)
            run_beam restart --times "$RESTART_TIMES"
            run_ours restart --times "$RESTART_TIMES" ;;
        fairness)
            run_beam fairness --spinners "$SPINNERS"
            run_ours fairness --spinners "$SPINNERS" ;;
        vm-ring)
            for n in $RING_PROCS; do
                run_beam vm-ring --procs "$n" --hops "$RING_HOPS"
                run_ours vm-ring --procs "$n" --hops "$RING_HOPS"
            done ;;
        vm-fib)
            run_beam vm-fib
            run_ours vm-fib ;;
        vm-spawn)
            run_beam vm-spawn --procs "$VM_SPAWN_PROCS"
            run_ours vm-spawn --procs "$VM_SPAWN_PROCS" ;;
        vm-map)
            run_beam vm-map
            run_ours vm-map ;;
        vm-binary)
            run_beam vm-binary
            run_ours vm-binary ;;
        vm-bignum)
            run_beam vm-bignum
            run_ours vm-bignum ;;
        vm-list)
            run_beam vm-list
            run_ours vm-list ;;
        vm-send)
            run_beam vm-send
            run_ours vm-send ;;
        *) log "bench-vs-beam: unknown workload '$w' (spawn, ring, restart, fairness, vm-ring, vm-fib, vm-spawn, vm-map, vm-binary, vm-bignum, vm-list, vm-send)"; exit 2 ;;
    esac
done

# ------------------------------------------------------------------ report
CPU=$(grep -m1 '^model name' /proc/cpuinfo 2>/dev/null | sed 's/^model name[[:space:]]*:[[:space:]]*//' || true)
if [ -n "$OURS" ]; then
    OURS_DESC="$OURS at revision $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
else
    OURS_DESC="not available"
fi

cat <<EOF
## letitcrash vs BEAM, $(date -u '+%Y-%m-%d %H:%M UTC')

- machine: $(uname -m), ${CPU:-unknown CPU}, $(nproc) cores
- BEAM: Erlang/OTP $OTP_VERSION
- letitcrash: $OURS_DESC
- schedulers: $SCHEDULERS on both sides${PEERS:+; peers: $PEERS}
- parameters: spawn $SPAWN_PROCS procs; ring $RING_PROCS procs x $RING_HOPS hops; restart $RESTART_TIMES times; fairness $SPINNERS spinners
- raw JSON lines: $OUT

EOF

python3 - "$OUT" "$WORKLOADS" <<'PY'
import json, sys

wanted = set(sys.argv[2].split())

beam, ours, peers = {}, {}, {}
with open(sys.argv[1]) as f:
    for line in f:
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        name = rec.get("name")
        # Rings are told apart by their size; the other workloads by name.
        key = (name, rec.get("params", {}).get("procs")) if name in ("ring", "vm-ring") else (name, None)
        revision = str(rec.get("revision", ""))
        if revision.startswith("peer-"):
            peers.setdefault(revision[5:], {})[key] = rec.get("figures", {})
            continue
        side = beam if revision.startswith("beam-") else ours
        side[key] = rec.get("figures", {})

# (label, key, figure, kind, limit): kind "ratio" means ours/BEAM <= limit,
# "abs" means ours < limit, None means shown without a target.
rows = [("spawn", ("spawn", None), "ns_per_spawn", "ratio", 0.15),
        ("spawn", ("spawn", None), "bytes_per_process", "abs", 320.0),
        ("spawn", ("spawn", None), "teardown_ms", None, None)]
ring_sizes = sorted({k[1] for k in list(beam) + list(ours) if k[0] == "ring" and k[1] is not None})
for n in ring_sizes:
    rows.append((f"ring {n:,}", ("ring", n), "ns_per_hop", "ratio", 0.25))
vm_ring_sizes = sorted({k[1] for k in list(beam) + list(ours) if k[0] == "vm-ring" and k[1] is not None})
for n in vm_ring_sizes:
    rows.append((f"vm-ring {n:,}", ("vm-ring", n), "ns_per_hop", "ratio", 0.5))
rows += [("vm-fib", ("vm-fib", None), "ms", "ratio", 3.0),
         ("vm-spawn", ("vm-spawn", None), "ns_per_spawn", "ratio", 0.2),
         ("vm-spawn", ("vm-spawn", None), "bytes_per_process", "ratio", 0.5),
         ("vm-map", ("vm-map", None), "ms", "ratio", 3.0),
         ("vm-binary", ("vm-binary", None), "ms", "ratio", 3.0),
         ("vm-binary", ("vm-binary", None), "build_ms", None, None),
         ("vm-binary", ("vm-binary", None), "walk_ms", None, None),
         ("vm-bignum", ("vm-bignum", None), "ms", "ratio", 3.0),
         ("vm-bignum", ("vm-bignum", None), "fact_ms", None, None),
         ("vm-bignum", ("vm-bignum", None), "fib_ms", None, None),
         ("vm-list", ("vm-list", None), "ms", "ratio", 3.0),
         ("vm-send", ("vm-send", None), "ms", "ratio", 0.1)]
rows += [("restart", ("restart", None), "us_per_restart", "ratio", 0.1),
         ("fairness", ("fairness", None), "rtt_p50_us", None, None),
         ("fairness", ("fairness", None), "rtt_p99_us", "abs", 2000.0)]

def fmt(v):
    if v is None:
        return "n/a"
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:,.2f}"

table = [("workload", "figure", "BEAM", "ours", "ours/BEAM", "target", "result")]
for label, key, fig, kind, limit in rows:
    b = beam.get(key, {}).get(fig)
    o = ours.get(key, {}).get(fig)
    ratio = o / b if (o is not None and b) else None
    if kind == "ratio":
        target = f"ratio <= {limit:g}"
        result = "n/a" if ratio is None else ("PASS" if ratio <= limit else "MISS")
    elif kind == "abs":
        target = f"ours <= {limit:g}"
        result = "n/a" if o is None else ("PASS" if o <= limit else "MISS")
    else:
        target, result = "-", "-"
    table.append((label, fig, fmt(b) if b is not None else "not available",
                  fmt(o) if o is not None else "not available",
                  f"{ratio:.3f}" if ratio is not None else "n/a", target, result))

table = table[:1] + [r for r in table[1:] if r[0].split()[0] in wanted]
widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
def line(r):
    return "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"
print(line(table[0]))
print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
for r in table[1:]:
    print(line(r))

# The peers beside ours and the BEAM's: same workloads, same sizes.
if peers:
    libs = sorted(peers)
    head = ["workload", "figure", "BEAM", "ours"] + libs
    prow = []
    for label, key, fig in ([("spawn", ("spawn", None), "ns_per_spawn"),
                             ("spawn", ("spawn", None), "bytes_per_process")] +
                            [(f"ring {n:,}", ("ring", n), "ns_per_hop") for n in ring_sizes]):
        cells = [beam.get(key, {}).get(fig), ours.get(key, {}).get(fig)] + \
                [peers[lib].get(key, {}).get(fig) for lib in libs]
        if all(c is None for c in cells[2:]):
            continue
        prow.append([label, fig] + [fmt(c) if c is not None else "n/a" for c in cells])
    if prow:
        print()
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join("---" for _ in head) + "|")
        for r in prow:
            print("| " + " | ".join(r) + " |")

# Figures only the BEAM side reports, for context.
extra = beam.get(("restart", None), {}).get("us_per_restart_small_intensity")
if extra is not None and "restart" in wanted:
    print(f"\nBEAM restart with a fresh supervisor every 100 restarts (intensity 110): "
          f"{fmt(extra)} us per restart; OTP's supervisor walks its list of recent "
          f"restarts on each one, which is what makes the figure above grow with --times.")
PY
