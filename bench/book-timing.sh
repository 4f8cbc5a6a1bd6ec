#!/usr/bin/env bash
# Times `netcourse book` cold (a fresh clone: first build, first restore of the package, first kernel start of each
# chapter) and warm (the same clone again, WARM_RUNS times), per chapter, and prints a Markdown section.
# Targets (issue 6): whole course ≤ 120 s cold on 2 cores; each chapter ≤ 15 s warm.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
warm_runs=${WARM_RUNS:-3}
work=$(mktemp -d)
# BOOK_LOG_DIR: keep each run's progress log there as it is written (bench/run reads it when its time bound hits).
log_dir=${BOOK_LOG_DIR:-$work}
mkdir -p "$log_dir"
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/clone"
cd "$work/clone"

run_book() { # $1 = label; writes $work/$1.json
  local start end
  start=$(date +%s.%N)
  ./netcourse book > "$log_dir/$1.log" 2>&1 || { echo "book failed ($1):"; tail -20 "$log_dir/$1.log"; exit 1; }
  end=$(date +%s.%N)
  /usr/bin/python3 - "$artifacts_summary" "$start" "$end" > "$work/$1.json" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
summary["wallSeconds"] = float(sys.argv[3]) - float(sys.argv[2])
print(json.dumps(summary))
PY
}
artifacts_summary="$work/clone/artifacts/book/summary.json"
run_book cold
for i in $(seq 1 "$warm_runs"); do run_book "warm$i"; done

/usr/bin/python3 - "$work" "$warm_runs" <<'PY'
import json, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
cold = json.load(open(f"{work}/cold.json"))
warms = [json.load(open(f"{work}/warm{i}.json")) for i in range(1, runs + 1)]
def chapters(s): return {c["Slug"]: c["Result"] for c in s["chapters"]}
cc = chapters(cold)
print("### Course execution (`./netcourse book`)\n")
print(f"Cold (fresh clone): **{cold['wallSeconds']:.1f} s** wall, of which build {cold['buildSeconds']:.1f} s "
      f"(target ≤ 120 s). Warm: median of {runs} runs **{statistics.median(w['wallSeconds'] for w in warms):.1f} s** "
      f"(build {statistics.median(w['buildSeconds'] for w in warms):.1f} s).\n")
print("| chapter | cold s | warm s (median) | warm: kernel start | warm: load NetCourse | warm: other cells | ≤ 15 s warm |")
print("|---|---:|---:|---:|---:|---:|:---:|")
for slug, c in cc.items():
    ws = [chapters(w)[slug] for w in warms]
    med = lambda key: statistics.median(r[key] for r in ws)
    load = statistics.median(r["LoadSeconds"] for r in ws)
    other = statistics.median(r["OtherCellsSeconds"] for r in ws)
    print(f"| {slug} | {c['Seconds']:.1f} | {med('Seconds'):.1f} | {med('KernelStartSeconds'):.1f} | {load:.1f} | {other:.1f} | {'yes' if med('Seconds') <= 15 else 'NO'} |")
PY
