#!/usr/bin/python3
"""Writes bench/RESULTS.md from the logs of bench/run: a summary table (ratios, medians, targets, pass/fail), the
date and the machine, then each benchmark's own output. Usage: write-results.py LOGS OUT SECONDS QUICK"""
import os, platform, re, subprocess, sys, datetime

logs, out, seconds, quick = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"

def read(name):
    try:
        with open(os.path.join(logs, name), encoding="utf-8", errors="replace") as f:
            return f.read()
    except FileNotFoundError:
        return ""

def status(name):
    return read(name + ".status").strip() or "not run"

def first(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=20).stdout.strip().splitlines()[0].rstrip(".")
    except Exception as e:  # noqa: BLE001 - a missing tool is reported, not fatal
        return f"? ({e.__class__.__name__})"

def spaced(n):
    return f"{int(n):,}".replace(",", " ")

def verdict(ok):
    return "n/a" if ok is None else ("**pass**" if ok else "**FAIL**")

rows = []  # benchmark, measure, course, reference, ratio, target, result

# --- sockets ---
s = read("sockets.md")
m = re.search(r"\| TCP throughput[^|]*\| ([\d.]+) Gbit/s[^|]*\| ([\d.]+) Gbit/s[^|]*\| \*\*([\d.]+)×\*\*", s)
if m:
    course, tool, ratio = map(float, m.groups())
    rows.append(("sockets", "loopback TCP throughput, median (Gbit/s)", f"{course:.2f} (`ThroughputDemo`)", f"{tool:.2f} (`iperf3 -c 127.0.0.1`)",
                 f"{ratio:.2f}×", "≥ 0.9×", verdict(ratio >= 0.9)))
else:
    rows.append(("sockets", "loopback TCP throughput", "—", "—", "—", "≥ 0.9×", f"not measured ({status('sockets')})"))
m = re.search(r"\| echo round trip, 32 B, TCP_NODELAY[^|]*\| ([\d.]+) µs[^|]*\| ([\d.]+) µs", s)
if m:
    course, tool = map(float, m.groups())
    rows.append(("sockets", "echo round trip, 32 B, Python client, median (µs)", f"{course:.1f} (`EchoServer`)", f"{tool:.1f} (Python echo server)",
                 f"{course / tool:.2f}× (lower is faster)", "reported", "n/a"))
m = re.search(r"\| echo round trip, 32 B, C# client[^|]*\| ([\d.]+) µs \| ([\d.]+) µs", s)
if m:
    course, tool = map(float, m.groups())
    rows.append(("sockets", "echo round trip, 32 B, C# client → `EchoServer` vs Python → Python (µs)", f"{course:.1f}", f"{tool:.1f}",
                 f"{course / tool:.2f}×", "reported", "n/a"))

# --- dissection ---
d = read("dissect.log")
num = r"([\d.]+) s(?: \(mur\))?(?:, ([\d.]+) s CPU)?, pic mémoire (\d+) Mo"
ours = re.search(r"netcourse dissect : " + num, d)
theirs = re.search(r"tshark -T fields\s*: " + num, d)
same = re.search(r"sorties identiques : (\w+)", d)
packets = re.search(r"capture : (\d+) paquets", d)
if ours and theirs:
    o, t = float(ours.group(1)), float(theirs.group(1))
    identical = same is not None and same.group(1) == "oui"
    cpu_ratio = f", {float(theirs.group(2)) / float(ours.group(2)):.1f}× in CPU time" if ours.group(2) and theirs.group(2) else ""
    nfields = re.search(r"\((\d+) champs dont la règle de couleur\)", d)
    runs = re.search(r"rapport passage par passage \(mur\) : (.*)", d)
    nruns = re.search(r"médianes de (\d+) passages", d)
    per_run = f" (runs: {runs.group(1).replace(' ;', ',')})" if runs else ""
    rows.append(("dissection", f"`-T fields`, {nfields.group(1) if nfields else '?'} fields incl. TLS, IP fragments, Info and colouring rule, {spaced(packets.group(1))} packets (wall s, median of {nruns.group(1) if nruns else '?'} alternated runs)",
                 f"{o:.2f} s, {ours.group(3)} MB peak", f"{t:.2f} s, {theirs.group(3)} MB peak (`tshark -T fields`)",
                 f"{t / o:.1f}× faster (wall){cpu_ratio}{per_run}", "≥ 5×", verdict(t / o >= 5)))
    rows.append(("dissection", "same output as tshark, byte for byte", "yes" if identical else "NO", "", "", "identical", verdict(identical)))
else:
    rows.append(("dissection", "netcourse dissect vs tshark -T fields", "—", "—", "—", "≥ 5×", f"not measured ({status('dissect')})"))
stream = re.search(r"netcourse dissect en flux : " + num, d)
stream_n = re.findall(r"capture : (\d+) paquets", d)
tenth = re.search(r"(\d+) paquets en flux : (\d+) Mo", d)
if stream and len(stream_n) > 1:
    small = f"; {spaced(tenth.group(1))} packets: {tenth.group(2)} MB" if tenth else ""
    # Flat: ten times the packets may not cost more than 15 % more peak memory (the runtime itself is most of it).
    flat = verdict(int(stream.group(3)) <= 1.15 * int(tenth.group(2))) if tenth else "reported"
    rows.append(("dissection", f"streaming {spaced(stream_n[1])} packets (wall s, peak RSS)", f"{float(stream.group(1)):.2f} s, {stream.group(3)} MB{small}", "", "", "memory flat (≤ 1.15× the peak of a tenth)", flat))
    whole = re.search(r"tshark en flux : ([\d.]+) s \(mur\).*rapport sur (\d+) paquets : ([\d.]+)× en temps mur, ([\d.]+)× en temps CPU", d)
    if whole:
        rows.append(("dissection", f"the same {spaced(whole.group(2))} packets through tshark (wall s)", f"{float(stream.group(1)):.2f} s", f"{float(whole.group(1)):.2f} s",
                     f"{whole.group(3)}× faster (wall), {whole.group(4)}× in CPU time", "reported", "n/a"))
content = re.search(r"enregistrement TLS (\d+) \(tshark (\d+)\), dont Server Hello TLS 1.3 (\d+) \(tshark (\d+)\) ; datagrammes réassemblés[^)]*\) (\d+) \(tshark (\d+)\)", d)
if content:
    tls, ttls, t13, tt13, re_, tre = content.groups()
    rows.append(("dissection", "in the input: packets with a TLS record (TLS 1.3 Server Hellos); reassembled datagrams",
                 f"{spaced(tls)} ({spaced(t13)}); {spaced(re_)}", f"{spaced(ttls)} ({spaced(tt13)}); {spaced(tre)} (tshark)", "", "same", verdict((tls, t13, re_) == (ttls, tt13, tre))))

# --- book ---
b = read("book.log")
cold = re.search(r"Cold \(fresh clone\): \*\*([\d.]+) s\*\* wall, of which build ([\d.]+) s", b)
warm = re.search(r"Warm: median of (\d+) runs \*\*([\d.]+) s\*\*", b)
chapters = re.findall(r"^\| (\d\d-[^|]+) \| ([\d.]+) \| ([\d.]+) \|.*\| (yes|NO) \|$", b, re.M)
if cold:
    c = float(cold.group(1))
    rows.append(("course", "`netcourse book` cold, whole course from a fresh clone (s)", f"{c:.1f} (build {float(cold.group(2)):.1f})", "", "", "≤ 120 s", verdict(c <= 120)))
if warm:
    rows.append(("course", f"`netcourse book` warm, whole course, median of {warm.group(1)} (s)", f"{float(warm.group(2)):.1f}", "", "", "reported", "n/a"))
if chapters:
    slow = [(slug.strip(), float(w)) for slug, _, w, ok in chapters if ok == "NO"]
    worst = max(chapters, key=lambda r: float(r[2]))
    rows.append(("course", "chapters ≤ 15 s warm (median)", f"{len(chapters) - len(slow)}/{len(chapters)}; slowest {worst[0].strip()} {float(worst[2]):.1f} s",
                 "", "", "each ≤ 15 s", verdict(not slow)))
if not cold:
    # The time bound hit: report what the cold run's progress log shows (build time, chapters finished).
    progress = read("book/cold.log")
    built = re.search(r"\[build\] ok en ([\d.]+) s", progress)
    done = re.findall(r"\[(\d+)/(\d+)\] (\S+) … (ok|ÉCHEC)[^(]*\(([\d.]+) s\)", progress)
    seen = (f"cold build {built.group(1)} s" if built else "cold build not finished") + (
        f"; chapters done {len(done)}/{done[0][1]}: " + ", ".join(f"{d[2]} {d[4]} s{'' if d[3] == 'ok' else ' (failed)'}" for d in done) if done else "; no chapter finished")
    rows.append(("course", "`netcourse book` cold and warm", seen, "", "", "≤ 120 s cold, ≤ 15 s/chapter warm", f"**not measured in the bound** ({status('book')})"))

def cpu():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"

def mem():
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "?"

now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
commit = first(["git", "rev-parse", "--short", "HEAD"])
lines = [
    "# Benchmark results (`bench/run`)", "",
    f"{now}, commit {commit}, {seconds} s in all{' (--quick: fewer runs and packets)' if quick else ''}. "
    f"Machine: {os.cpu_count()} cores ({cpu()}), {mem()} RAM, Linux {platform.release()}, load average "
    f"{open('/proc/loadavg').read().split()[0]} at the end (the machine is shared: figures move from run to run). "
    f"Tools: .NET SDK {first(['dotnet', '--version'])}, {first(['tshark', '--version'])}, {first(['iperf3', '--version'])}, "
    f"{first(['/usr/bin/python3', '--version'])}.", "",
    "Each ratio compares the course with the reference tool measured in the same run. Steps: "
    + "; ".join(f"{n} {status(n)}" for n in ("sockets", "dissect", "book")) + ".", "",
    "| benchmark | measure | course | reference | ratio | target | result |",
    "|---|---|---|---|---|---|---|",
]
lines += ["| " + " | ".join(r) + " |" for r in rows]
lines += ["", "## Sockets (`bench/NetCourse.Bench.Sockets`)", ""]
lines += [s.strip().split("\n", 1)[1].strip() if s.strip() else f"Not measured: {status('sockets')}. {read('sockets.err')[-800:]}", ""]
lines += ["## Dissection (`bench/NetCourse.Bench.Dissect`)", "", "```", d.strip() or f"Not measured: {status('dissect')}. {read('dissect.err')[-800:]}", "```", ""]
lines += ["## Course execution (`bench/book-timing.sh`)", ""]
lines += [b.strip().split("\n", 1)[1].strip() if cold else f"Not measured: {status('book')}.\n\n```\n{(read('book.log') + read('book.err'))[-1500:]}\n```", ""]
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(lines))
print("\n".join(lines[:12 + len(rows)]))
