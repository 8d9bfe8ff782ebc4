#!/usr/bin/python3.11
"""cellar's benchmark runner (issue 5). Run it with /usr/bin/python3.11, usually through
bench/run.sh (`make bench`) or bench/coldstart.sh.

    runner.py [all|suite|coldstart|deco|memory]... [--runs N] [--only a,b] [--no-doc]

suite      the closure programs bench/programs/NAME.py (not deco_overhead_*) under cellar,
           CPython 3.11, PyPy, LuaJIT (bench/lua/NAME.lua), node (bench/js/NAME.js) and C
           (bench/c/NAME.c, cc -O2 ... -lgmp), whichever are installed; interleaved rounds;
           median wall time, speedup vs CPython, peak RSS; every run's stdout is compared with
           CPython's; a chart (gnuplot SVG, or an SVG written here when gnuplot is missing).
coldstart  every tests/programs/seed_*.py, cellar vs CPython, whole process.
deco       bench/programs/deco_overhead_*.py: ns per call = (median CPU time of the variant -
           median CPU time of deco_overhead_baseline.py) / N, for cellar, CPython and PyPy.
memory     bench/memory/short_lived_closures.py N for N = 10^5, 10^6, 10^7 under cellar, CPython
           and PyPy: peak RSS and wall time per N, and whether cellar's peak RSS at 10^7 stays
           within 1.5x of its peak at 10^5 (issue 5: "creating 10^7 short-lived closures runs in
           bounded memory"). Independent of --runs: one run per N and runner, plus two more for
           the median wall time where the first took under BENCH_MEMORY_REPEAT_UNDER seconds.

Results go into docs/performance.md between <!-- bench:start -->/<!-- bench:end -->,
<!-- coldstart:start -->/<!-- coldstart:end -->, <!-- deco:start -->/<!-- deco:end --> and
<!-- memory:start -->/<!-- memory:end --> (the rest of the file is left alone), the chart
into docs/performance.svg and the raw measurements into bench/out/results-MODE.json (bench/out/
is not committed).

Environment: BENCH_RUNS (default 5), BENCH_COLD_RUNS (default BENCH_RUNS, at least 5),
BENCH_TIMEOUT (seconds per run, default 120), CELLAR (default build/cellar; copied to
bench/out/ first, so a rebuild during the run changes nothing), CELLAR_FLAGS (e.g. "-O3"),
CC (default cc), BENCH_RUNNERS (comma list to restrict: cellar,cpython,pypy,luajit,node,c),
BENCH_MEMORY_N (memory mode's N, comma list, default 100000,1000000,10000000),
BENCH_MEMORY_REPEAT_UNDER (default 5 seconds; see memory above).
"""

import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
OUT = os.path.join(BENCH, "out")
DOC = os.path.join(ROOT, "docs", "performance.md")
SVG = os.path.join(ROOT, "docs", "performance.svg")
CPYTHON = "/usr/bin/python3.11"

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
TIMEOUT = float(os.environ.get("BENCH_TIMEOUT", "120"))


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Running one process


class Result:
    def __init__(self, wall, cpu, rss_kib, status, stdout, stderr, timed_out):
        self.wall, self.cpu, self.rss_kib = wall, cpu, rss_kib
        self.status, self.stdout, self.stderr, self.timed_out = status, stdout, stderr, timed_out

    @property
    def ok(self):
        return self.status == 0 and not self.timed_out

    def error(self):
        if self.timed_out:
            return f"timed out after {TIMEOUT:g} s"
        lines = [ln for ln in self.stderr.decode(errors="replace").splitlines() if ln.strip()]
        last = lines[-1].strip() if lines else "(no stderr)"
        if self.status < 0:
            return f"killed by signal {-self.status}: {last}"
        return f"exit status {self.status}: {last}"


_RUSAGE = []


def rusage_helper():
    """bench/rusage.c compiled into bench/out/ (once per run of the runner), or None."""
    if not _RUSAGE:
        os.makedirs(OUT, exist_ok=True)
        exe = os.path.join(OUT, "rusage")
        cc = os.environ.get("CC", "cc")
        p = subprocess.run([cc, "-O2", "-o", exe, os.path.join(BENCH, "rusage.c")],
                           capture_output=True, text=True)
        if p.returncode:
            log(f"runner: could not build bench/rusage.c ({p.stderr.strip()}); peak RSS will "
                "include the runner's own (Linux keeps the high-water mark across execve)")
        _RUSAGE.append(exe if p.returncode == 0 else None)
    return _RUSAGE[0]


def run_process(argv, cwd=None, timeout=TIMEOUT):
    """Runs argv once, through bench/rusage.c when it builds: wall time around fork..wait4 in
    the helper, CPU time and peak RSS from wait4's rusage of the program itself."""
    helper = rusage_helper()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", dir=OUT, suffix=".ru") as ruf:
        full = [helper, ruf.name, *argv] if helper else list(argv)
        t0 = time.perf_counter()
        proc = subprocess.Popen(full, stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=cwd,
                                start_new_session=True)
        timed_out = []

        def kill():
            timed_out.append(True)
            try:
                os.killpg(proc.pid, 9)
            except OSError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        _, wstatus, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        timer.cancel()
        status = os.waitstatus_to_exitcode(wstatus)
        proc.returncode = status
        cpu, rss = ru.ru_utime + ru.ru_stime, ru.ru_maxrss
        fields = ruf.read().split() if helper else []
        if len(fields) == 5:
            wall, cpu, rss = float(fields[0]), float(fields[1]) + float(fields[2]), int(fields[3])
            status = os.waitstatus_to_exitcode(int(fields[4]))
        out.seek(0)
        err.seek(0)
        return Result(wall, cpu, rss, status, out.read(), err.read(), bool(timed_out))


def first_line(argv):
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=20)
        text = (p.stdout + p.stderr).strip()
        return text.splitlines()[0] if text else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "?"


# ---------------------------------------------------------------------------------------------
# Runners


def cellar_snapshot():
    src = os.environ.get("CELLAR", os.path.join(ROOT, "build", "cellar"))
    if not os.path.exists(src):
        log(f"runner: no cellar binary at {src}")
        return None, None
    os.makedirs(OUT, exist_ok=True)
    dst = os.path.join(OUT, "cellar-snapshot")
    shutil.copy2(src, dst)
    built = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(os.path.getmtime(src)))
    return dst, built


def git_head():
    try:
        return subprocess.run(["git", "-C", ROOT, "log", "-1", "--format=%h %cd", "--date=short"],
                              capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


class Runner:
    def __init__(self, key, label, version, argv_for):
        self.key, self.label, self.version, self.argv_for = key, label, version, argv_for


def make_runners(keys, names):
    wanted = os.environ.get("BENCH_RUNNERS")
    wanted = set(wanted.split(",")) if wanted else None
    runners = []

    def want(k):
        return k in keys and (wanted is None or k in wanted or k == "cpython")

    if want("cpython"):
        runners.append(Runner("cpython", "CPython 3.11", first_line([CPYTHON, "--version"]),
                              lambda n: [CPYTHON, prog(n)]))
    if want("cellar"):
        snap, built = cellar_snapshot()
        if snap:
            flags = os.environ.get("CELLAR_FLAGS", "").split()
            ver = f"build/cellar built {built}, repository HEAD {git_head()} at the start of the run" + (
                f", flags {' '.join(flags)}" if flags else ", default -O2")
            runners.append(Runner("cellar", "cellar", ver, lambda n: [snap, *flags, prog(n)]))
    pypy = shutil.which("pypy3")
    if want("pypy") and pypy:
        ver = subprocess.run([pypy, "--version"], capture_output=True, text=True).stdout
        ver = " ".join(ver.split())
        runners.append(Runner("pypy", "PyPy", ver, lambda n: [pypy, prog(n)]))
    luajit = shutil.which("luajit")
    if want("luajit") and luajit:
        def lua_argv(n):
            p = os.path.join(BENCH, "lua", n + ".lua")
            return [luajit, p] if os.path.exists(p) else None
        runners.append(Runner("luajit", "LuaJIT", first_line([luajit, "-v"]), lua_argv))
    node = shutil.which("node")
    if want("node") and node:
        def js_argv(n):
            p = os.path.join(BENCH, "js", n + ".js")
            return [node, p] if os.path.exists(p) else None
        runners.append(Runner("node", "node", "node " + first_line([node, "--version"]), js_argv))
    if want("c"):
        cc = os.environ.get("CC", "cc")
        bins = compile_c(cc, names)
        runners.append(Runner("c", "C -O2", f"{first_line([cc, '--version'])}, -O2, GMP",
                              lambda n: [bins[n]] if n in bins else None))
    return runners


def prog(name):
    """bench/programs/NAME.py, or NAME itself when it is a path to a .py file."""
    if os.path.isabs(name) and name.endswith(".py"):
        return name
    return os.path.join(BENCH, "programs", name + ".py")


def compile_c(cc, names):
    bins = {}
    os.makedirs(os.path.join(OUT, "c"), exist_ok=True)
    for n in names:
        src = os.path.join(BENCH, "c", n + ".c")
        if not os.path.exists(src):
            continue
        exe = os.path.join(OUT, "c", n)
        p = subprocess.run([cc, "-O2", "-std=c11", "-o", exe, src, "-lgmp", "-lm"],
                           capture_output=True, text=True)
        if p.returncode:
            log(f"runner: {cc} failed on {src}:\n{p.stderr}")
            continue
        bins[n] = exe
    return bins


# ---------------------------------------------------------------------------------------------
# Measurement over interleaved rounds


def measure(names, runners, runs):
    """Round r runs every (benchmark, runner) once; returns {(name, key): [Result...]}.
    A pair that fails (non-zero exit, signal, timeout) is not run again."""
    results = {}
    failed = set()
    for r in range(runs):
        log(f"runner: round {r + 1}/{runs}")
        for name in names:
            order = runners[r % len(runners):] + runners[:r % len(runners)]
            for rn in order:
                argv = rn.argv_for(name)
                if argv is None or (name, rn.key) in failed:
                    continue
                res = run_process(argv)
                results.setdefault((name, rn.key), []).append(res)
                tag = "" if res.ok else "  FAILED: " + res.error()
                log(f"  {name:22} {rn.key:8} {res.wall:8.3f} s {res.rss_kib / 1024:7.1f} MiB{tag}")
                if not res.ok:
                    failed.add((name, rn.key))
    return results


def summarise(results, name, key, reference):
    """Median wall/CPU, max peak RSS, and a verdict: ok, mismatch or fail."""
    rs = results.get((name, key))
    if not rs:
        return None
    bad = [x for x in rs if not x.ok]
    s = {"runs": len(rs), "wall": [x.wall for x in rs], "cpu": [x.cpu for x in rs],
         "rss_mib": max(x.rss_kib for x in rs) / 1024}
    if bad:
        s["verdict"] = "fail"
        s["error"] = bad[0].error()
        s["stdout_tail"] = bad[0].stdout.decode(errors="replace")[-300:]
        return s
    s["median_wall"] = statistics.median(s["wall"])
    s["median_cpu"] = statistics.median(s["cpu"])
    outs = {x.stdout for x in rs}
    if reference is not None and outs != {reference}:
        s["verdict"] = "mismatch"
        got = next(o for o in outs if o != reference)
        s["got"] = got.decode(errors="replace")[-300:]
        s["expected"] = reference.decode(errors="replace")[-300:]
    else:
        s["verdict"] = "ok"
    return s


def reference_output(results, name):
    rs = results.get((name, "cpython"))
    if rs and rs[0].ok:
        return rs[0].stdout
    return None


def problem_lines(problems):
    """The closing paragraph of a table: its run's problems, or that every checksum agreed."""
    if not problems:
        return ["Every runner printed CPython's checksum on every run.", ""]
    return ["Problems in this run:", ""] + ["- " + p for p in problems] + [""]


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def fmt_s(x):
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"


def fmt_x(x):
    return f"{x:.2f}×" if x < 10 else f"{x:.0f}×" if x >= 100 else f"{x:.1f}×"


def short(text, n=160):
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def machine_line():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for ln in f:
                if ln.startswith("model name"):
                    cpu = ln.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} × {cpu}, {platform.system()} {platform.release()}; load average at start {load}"


# ---------------------------------------------------------------------------------------------
# Mode: suite


def suite_names(only):
    names = sorted(f[:-3] for f in os.listdir(os.path.join(BENCH, "programs"))
                   if f.endswith(".py") and not f.startswith("deco_overhead_"))
    return [n for n in names if not only or n in only]


def mode_suite(runs, only, write_doc):
    names = suite_names(only)
    machine = machine_line()
    runners = make_runners({"cellar", "cpython", "pypy", "luajit", "node", "c"}, names)
    t0 = time.time()
    results = measure(names, runners, runs)
    summary = {}
    for name in names:
        ref = reference_output(results, name)
        for rn in runners:
            s = summarise(results, name, rn.key, ref)
            if s:
                summary[(name, rn.key)] = s
    notes = []
    speedups = {rn.key: {} for rn in runners}
    for (name, key), s in summary.items():
        if s["verdict"] == "fail":
            notes.append(f"**FAIL** `{name}` under {key}: {short(s['error'], 300)}")
        elif s["verdict"] == "mismatch":
            notes.append(f"**CHECKSUM MISMATCH** `{name}` under {key}: printed "
                         f"`{short(s['got'], 120)}`, CPython printed `{short(s['expected'], 120)}`")
        cp = summary.get((name, "cpython"))
        if s["verdict"] == "ok" and cp and cp["verdict"] == "ok":
            speedups[key][name] = cp["median_wall"] / s["median_wall"]

    labels = [rn.label for rn in runners]
    lines = []
    lines.append(f"Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(t0))}, {runs} "
                 f"interleaved rounds ({time.time() - t0:.0f} s in all). Machine: {machine}.")
    lines.append("")
    for rn in runners:
        lines.append(f"- **{rn.label}**: {rn.version}")
    lines.append("")
    lines.append("Median wall time in seconds (speedup over CPython 3.11; higher is better). "
                 "FAIL = the run failed, MISMATCH = a checksum differing from CPython's, "
                 "n/a = no version of the program for that runner.")
    lines.append("")
    lines.append("| benchmark | " + " | ".join(labels) + " |")
    lines.append("|---|" + "---:|" * len(runners))
    for name in names:
        cells = []
        for rn in runners:
            s = summary.get((name, rn.key))
            if not s:
                cells.append("n/a")
            elif s["verdict"] == "fail":
                cells.append("FAIL")
            else:
                c = fmt_s(s["median_wall"])
                if rn.key != "cpython" and name in speedups[rn.key]:
                    c += f" ({fmt_x(speedups[rn.key][name])})"
                if s["verdict"] == "mismatch":
                    c = "**MISMATCH** " + c
                cells.append(c)
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    gm = []
    for rn in runners:
        if rn.key == "cpython":
            gm.append("1×")
            continue
        g = geomean(list(speedups[rn.key].values()))
        k = len(speedups[rn.key])
        gm.append("–" if g is None else f"**{fmt_x(g)}**" + ("" if k == len(names) else f" ({k} of {len(names)})"))
    lines.append("| geometric mean speedup | " + " | ".join(gm) + " |")
    lines.append("")
    lines.append("Peak resident set size in MiB (the largest over the runs).")
    lines.append("")
    lines.append("| benchmark | " + " | ".join(labels) + " |")
    lines.append("|---|" + "---:|" * len(runners))
    for name in names:
        cells = []
        for rn in runners:
            s = summary.get((name, rn.key))
            cells.append("n/a" if not s else f"{s['rss_mib']:.1f}")
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    lines.append("")
    lines.extend(problem_lines(notes))
    chart_ok = write_chart(names, runners, speedups) if write_doc else False
    if chart_ok:
        lines.append("![speedup over CPython 3.11, log scale](performance.svg)")
        lines.append("")

    raw = {f"{n}|{k}": s for (n, k), s in summary.items()}
    dump_json("suite", {"machine": machine, "runners": {r.key: r.version for r in runners},
                        "summary": raw})
    text = "\n".join(lines)
    print(text)
    if write_doc:
        update_doc("bench", text)
    return notes


# ---------------------------------------------------------------------------------------------
# Chart


def write_chart(names, runners, speedups):
    keys = [rn for rn in runners if rn.key != "cpython" and speedups[rn.key]]
    if not keys:
        return False
    if shutil.which("gnuplot"):
        try:
            return gnuplot_chart(names, keys, speedups)
        except (OSError, subprocess.CalledProcessError) as e:
            log(f"runner: gnuplot failed ({e}); writing the SVG directly")
    return python_chart(names, keys, speedups)


def gnuplot_chart(names, keys, speedups):
    os.makedirs(OUT, exist_ok=True)
    data = os.path.join(OUT, "chart.dat")
    with open(data, "w") as f:
        f.write("bench " + " ".join('"%s"' % rn.label for rn in keys) + "\n")
        for n in names:
            vals = [speedups[rn.key].get(n) for rn in keys]
            f.write(n + " " + " ".join("%.4g" % v if v else "NaN" for v in vals) + "\n")
    script = f"""
set terminal svg size 960,460 dynamic noenhanced font 'sans,12' background rgb 'white'
set output '{SVG}'
set title 'Speedup over CPython 3.11 (median wall time, log scale; higher is better)'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set logscale y
set yrange [0.1:3000]
set grid ytics
set ytics nomirror
set xtics rotate by -30 left nomirror
set bmargin 7
set key top left horizontal samplen 2 spacing 1.1 width 2
set arrow from graph 0, first 1 to graph 1, first 1 nohead dashtype 2 lc rgb '#444444'
plot for [i=2:{len(keys) + 1}] '{data}' using i:xtic(1) title columnheader(i)
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=True, capture_output=True)
    return True


def python_chart(names, keys, speedups):
    colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]
    W, H, left, right, top, bottom = 960, 440, 60, 20, 50, 90
    vals = [v for rn in keys for v in speedups[rn.key].values()]
    lo = 10 ** math.floor(math.log10(min(min(vals), 1)))
    hi = 10 ** math.ceil(math.log10(max(max(vals), 1)))
    ph = H - top - bottom

    def y(v):
        return top + ph * (1 - (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)))

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{W / 2}" y="20" text-anchor="middle" font-size="14">Speedup over CPython 3.11 '
           '(median wall time, log scale; higher is better)</text>']
    e = math.log10(lo)
    while e <= math.log10(hi) + 1e-9:
        v = 10 ** e
        out.append(f'<line x1="{left}" x2="{W - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:g}</text>')
        e += 1
    gw = (W - left - right) / len(names)
    bw = gw * 0.8 / len(keys)
    for i, n in enumerate(names):
        for j, rn in enumerate(keys):
            v = speedups[rn.key].get(n)
            if not v:
                continue
            x = left + i * gw + gw * 0.1 + j * bw
            y0, y1 = y(lo), y(v)
            out.append(f'<rect x="{x:.1f}" y="{y1:.1f}" width="{bw:.1f}" height="{y0 - y1:.1f}" '
                       f'fill="{colours[j % len(colours)]}"><title>{rn.label} {n}: {v:.2f}×</title></rect>')
        cx = left + i * gw + gw / 2
        out.append(f'<text x="{cx:.1f}" y="{H - bottom + 16}" text-anchor="end" '
                   f'transform="rotate(-25 {cx:.1f} {H - bottom + 16})">{n}</text>')
    out.append(f'<line x1="{left}" x2="{W - right}" y1="{y(1):.1f}" y2="{y(1):.1f}" stroke="#444" stroke-dasharray="4"/>')
    for j, rn in enumerate(keys):
        lx = left + 10 + j * 130
        out.append(f'<rect x="{lx}" y="32" width="12" height="12" fill="{colours[j % len(colours)]}"/>')
        out.append(f'<text x="{lx + 16}" y="43">{rn.label}</text>')
    out.append("</svg>")
    with open(SVG, "w") as f:
        f.write("\n".join(out) + "\n")
    return True


# ---------------------------------------------------------------------------------------------
# Mode: coldstart


def normalise(text):
    return re.sub(rb"0x[0-9a-fA-F]+", b"0x...", text)


def describe_difference(x, expected, want_status):
    parts = []
    if x.timed_out or x.status != want_status:
        parts.append(f"{x.error()} (expected exit status {want_status})")
    got, exp = normalise(x.stdout).splitlines(), normalise(expected).splitlines()
    for i in range(max(len(got), len(exp))):
        g = got[i].decode(errors="replace") if i < len(got) else "(end of output)"
        e = exp[i].decode(errors="replace") if i < len(exp) else "(end of output)"
        if g != e:
            parts.append(f"stdout line {i + 1} is `{short(g, 100)}`, CPython's is `{short(e, 100)}`")
            break
    return "; ".join(parts) or "differs"


def mode_coldstart(runs, only, write_doc):
    runs = int(os.environ.get("BENCH_COLD_RUNS", str(max(runs, 5))))
    progdir = os.path.join(ROOT, "tests", "programs")
    seeds = sorted(f[:-3] for f in os.listdir(progdir) if f.startswith("seed_") and f.endswith(".py"))
    seeds = [s for s in seeds if not only or s in only]
    snap, built = cellar_snapshot()
    flags = os.environ.get("CELLAR_FLAGS", "").split()
    machine = machine_line()
    work = tempfile.mkdtemp(prefix="cold-", dir=OUT)
    t0 = time.time()
    res = {}
    for r in range(runs):
        log(f"coldstart: round {r + 1}/{runs}")
        for s in seeds:
            path = os.path.join(progdir, s + ".py")
            for key, argv in (("cpython", [CPYTHON, path]), ("cellar", [snap, *flags, path])):
                if key == "cellar" and not snap:
                    continue
                # a fresh directory per run: the logging seeds append to ./example.log
                cwd = tempfile.mkdtemp(dir=work)
                res.setdefault((s, key), []).append(run_process(argv, cwd=cwd))
                shutil.rmtree(cwd, ignore_errors=True)
    phases = {}
    if snap:
        for s in seeds:
            cwd = tempfile.mkdtemp(dir=work)
            p = run_process([snap, *flags, "--time", os.path.join(progdir, s + ".py")], cwd=cwd)
            shutil.rmtree(cwd, ignore_errors=True)
            ph = {}
            for ln in p.stderr.decode(errors="replace").splitlines():
                m = re.match(r"^(\w+)\s+([\d.]+) ms$", ln.strip())
                if m:
                    ph[m.group(1)] = float(m.group(2))
            phases[s] = ph
    shutil.rmtree(work, ignore_errors=True)

    lines = [f"Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(t0))}: each seed program "
             f"of tests/programs/ as a whole process (start-up, compile, run, exit), median wall time "
             f"of {runs} interleaved runs. cellar: build/cellar built {built}, repository HEAD {git_head()} at the start of the run"
             f"{', flags ' + ' '.join(flags) if flags else ''}; CPython: {first_line([CPYTHON, '--version'])}. "
             f"Machine: {machine}. \"compile\" is the sum of cellar's own parse, scopes, lower "
             "and compile phases (`--time`, one extra run); \"output\" says whether cellar's stdout "
             "and exit status matched the golden files.", "",
             "| seed | CPython ms | cellar ms | cellar / CPython | cellar compile ms | cellar peak RSS MiB | output |",
             "|---|---:|---:|---:|---:|---:|---|"]
    ratios = []
    problems = []
    for s in seeds:
        cp = res.get((s, "cpython"), [])
        ce = res.get((s, "cellar"), [])
        cpm = statistics.median(x.wall for x in cp) * 1000 if cp else None
        cem = statistics.median(x.wall for x in ce) * 1000 if ce else None
        verdict = "n/a"
        if ce:
            exp = open(os.path.join(progdir, s + ".out"), "rb").read()
            errf = os.path.join(progdir, s + ".err")
            want_status = int(open(errf).readline()) if os.path.exists(errf) else 0
            good = all(normalise(x.stdout) == normalise(exp) and x.status == want_status
                       and not x.timed_out for x in ce)
            verdict = "same" if good else "**DIFFERS**"
            if not good:
                x = next(x for x in ce if not (normalise(x.stdout) == normalise(exp)
                                             and x.status == want_status))
                problems.append(f"`{s}`: {describe_difference(x, exp, want_status)}")
        ratio = cem / cpm if cpm and cem else None
        if ratio:
            ratios.append(ratio)
        comp = phases.get(s)
        comp_ms = sum(v for k, v in comp.items() if k != "run") if comp else None
        rss = max(x.rss_kib for x in ce) / 1024 if ce else None
        lines.append(f"| `{s}` | {cpm:.1f} | " + (f"{cem:.1f}" if cem else "–") + " | "
                     + (f"{ratio:.2f}" if ratio else "–") + " | "
                     + (f"{comp_ms:.1f}" if comp_ms is not None else "–") + " | "
                     + (f"{rss:.1f}" if rss else "–") + f" | {verdict} |")
    g = geomean(ratios)
    lines.append(f"| geometric mean | | | **{g:.2f}** | | | |" if g else "| geometric mean | | | – | | | |")
    lines.append("")
    if problems:
        lines.append("Seeds whose output under cellar differed from the golden files:")
        lines.append("")
        lines.extend("- " + p for p in problems)
        lines.append("")
    dump_json("coldstart", {f"{s}|{k}": [x.wall for x in v] for (s, k), v in res.items()})
    text = "\n".join(lines)
    print(text)
    if write_doc:
        update_doc("coldstart", text)
    return problems


# ---------------------------------------------------------------------------------------------
# Mode: deco


DECO_VARIANTS = [("plain", "direct call, no decorator"),
                 ("counting", "counting wrapper, `*args, **kwargs`"),
                 ("wraps", "`functools.wraps` wrapper, `*args, **kwargs`"),
                 ("stacked", "two stacked wrappers (counting over wraps)"),
                 ("lru", "`functools.lru_cache(maxsize=None)`, hits")]


def wrapper_goal(cellar_ns):
    """Issue 5's goal for decorators: a wrapper costs cellar no more than one extra direct
    call. Each wrapper's cost over the plain call, in plain calls."""
    call = cellar_ns.get("plain")
    if call is None or call <= 0:
        return []
    parts = []
    for v, wrappers in (("counting", 1), ("wraps", 1), ("stacked", 2)):
        if v in cellar_ns:
            extra = (cellar_ns[v] - call) / wrappers
            parts.append(f"{v} {extra:.1f} ns = {extra / call:.1f} direct calls"
                         + (" per wrapper" if wrappers > 1 else ""))
    return [f"Goal, a wrapper costs cellar at most one extra direct call ({call:.1f} ns here): "
            + "; ".join(parts) + ".", ""]


def mode_deco(runs, only, write_doc):
    names = ["deco_overhead_baseline"] + ["deco_overhead_" + v for v, _ in DECO_VARIANTS]
    ns = {}
    for n in names:
        m = re.search(r"^N = ([\d_]+)$", open(prog(n)).read(), re.M)
        ns[n] = int(m.group(1).replace("_", ""))
    machine = machine_line()
    runners = make_runners({"cellar", "cpython", "pypy"}, names)
    t0 = time.time()
    results = measure(names, runners, runs)
    ref = reference_output(results, "deco_overhead_baseline")
    summary = {(n, rn.key): summarise(results, n, rn.key, ref) for n in names for rn in runners}
    lines = [f"Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(t0))}, {runs} interleaved "
             f"rounds. Machine: {machine}. Each variant is a whole program making N = "
             f"{ns[names[1]]:,} calls of `f(x): return x + 1` in a `for` loop; ns per call = "
             "(median user+sys CPU time of the variant − that of `deco_overhead_baseline.py`, "
             "the same loop with the body inlined) / N. CPU time rather than wall time because it "
             "is steadier on a shared machine; both are in bench/out/results-deco.json. A few ns either "
             "side of zero is run-to-run noise (PyPy's JIT removes a plain call entirely).", ""]
    for rn in runners:
        lines.append(f"- **{rn.label}**: {rn.version}")
    lines.append("")
    hdr = [rn.label + " ns/call" for rn in runners]
    lines.append("| call | " + " | ".join(hdr) + " | cellar / CPython |")
    lines.append("|---|" + "---:|" * (len(runners) + 1))
    problems = []

    def cell(n, key):
        s = summary.get((n, key))
        if not s:
            return None, "n/a"
        if s["verdict"] == "fail":
            problems.append(f"**FAIL** `{n}` under {key}: {short(s['error'], 300)}")
            return None, "FAIL"
        if s["verdict"] == "mismatch":
            problems.append(f"**CHECKSUM MISMATCH** `{n}` under {key}: `{short(s['got'], 100)}`")
            return None, "MISMATCH"
        return s["median_cpu"], None

    base = {rn.key: cell("deco_overhead_baseline", rn.key)[0] for rn in runners}
    cellar_ns = {}
    row = []
    for rn in runners:
        b = base[rn.key]
        row.append("–" if b is None else f"{b / ns['deco_overhead_baseline'] * 1e9:.1f}")
    lines.append("| baseline loop, per iteration (not subtracted) | " + " | ".join(row) + " | |")
    for v, desc in DECO_VARIANTS:
        n = "deco_overhead_" + v
        row = []
        per = {}
        for rn in runners:
            t, bad = cell(n, rn.key)
            if bad:
                row.append(bad)
            elif base[rn.key] is None:
                row.append("–")
            else:
                per[rn.key] = (t - base[rn.key]) / ns[n] * 1e9
                row.append(f"{per[rn.key]:.1f}")
        ratio = (f"{per['cellar'] / per['cpython']:.2f}"
                 if "cellar" in per and "cpython" in per and per["cpython"] > 0 else "–")
        lines.append(f"| {desc} | " + " | ".join(row) + f" | {ratio} |")
        if "cellar" in per:
            cellar_ns[v] = per["cellar"]
    lines.append("")
    lines.extend(wrapper_goal(cellar_ns))
    if problems:
        lines.append("Problems in this run:")
        lines.append("")
        lines.extend("- " + p for p in problems)
        lines.append("")
    dump_json("deco", {f"{n}|{k}": s for (n, k), s in summary.items() if s})
    text = "\n".join(lines)
    print(text)
    if write_doc:
        update_doc("deco", text)
    return problems


# ---------------------------------------------------------------------------------------------
# Mode: memory


MEMORY_PROG = os.path.join(BENCH, "memory", "short_lived_closures.py")
MEMORY_BOUND = 1.5


def mib(kib):
    return kib / 1024


def mode_memory(runs, only, write_doc):
    """Peak RSS of bench/memory/short_lived_closures.py N over N: memory use must not grow with
    the number of closures made. --runs does not apply (peak RSS is not noisy): one run per
    (N, runner), and two more for a median wall time where the first run was cheap."""
    ns = [int(x) for x in os.environ.get("BENCH_MEMORY_N", "100000,1000000,10000000").split(",")]
    repeat_under = float(os.environ.get("BENCH_MEMORY_REPEAT_UNDER", "5"))
    machine = machine_line()
    runners = make_runners({"cellar", "cpython", "pypy"}, [])
    argv = {rn.key: rn.argv_for(MEMORY_PROG) for rn in runners}
    t0 = time.time()
    res = {}
    for r in range(3):
        log(f"memory: round {r + 1}/3")
        for n in ns:
            order = runners[r % len(runners):] + runners[:r % len(runners)]
            for rn in order:
                prev = res.get((n, rn.key))
                if prev and (not prev[0].ok or prev[0].wall >= repeat_under):
                    continue
                x = run_process(argv[rn.key] + [str(n)])
                res.setdefault((n, rn.key), []).append(x)
                tag = "" if x.ok else "  FAILED: " + x.error()
                log(f"  N={n:<9} {rn.key:8} {x.wall:8.3f} s {mib(x.rss_kib):7.1f} MiB{tag}")
    elapsed = time.time() - t0

    problems = []
    cells = {}
    for n in ns:
        cp = res.get((n, "cpython"), [])
        ref = cp[0].stdout if cp and cp[0].ok else None
        for rn in runners:
            rs = res.get((n, rn.key), [])
            if not rs:
                continue
            bad = [x for x in rs if not x.ok]
            if bad:
                problems.append(f"**FAIL** N = {n:,} under {rn.label}: {short(bad[0].error(), 300)}")
                cells[(n, rn.key)] = None
                continue
            c = {"rss": max(mib(x.rss_kib) for x in rs), "wall": statistics.median(x.wall for x in rs),
                 "runs": len(rs), "mismatch": False}
            if ref is None:
                if rn.key != "cpython":
                    problems.append(f"N = {n:,}: no CPython output to check {rn.label}'s against")
            elif any(x.stdout != ref for x in rs):
                got = next(x.stdout for x in rs if x.stdout != ref)
                c["mismatch"] = True
                problems.append(f"**CHECKSUM MISMATCH** N = {n:,} under {rn.label}: printed "
                                f"`{short(got.decode(errors='replace'), 120)}`, CPython printed "
                                f"`{short(ref.decode(errors='replace'), 120)}`")
            cells[(n, rn.key)] = c

    lo, hi = min(ns), max(ns)

    def growth(key):
        a, b = cells.get((lo, key)), cells.get((hi, key))
        return b["rss"] / a["rss"] if a and b and lo != hi else None

    g = growth("cellar")
    if g is None:
        verdict = "**cellar's memory bound could not be checked** (a run failed or is missing)."
    elif g <= MEMORY_BOUND:
        verdict = (f"**Bounded:** cellar's peak RSS at N = {hi:,} is {g:.2f}× its peak at "
                   f"N = {lo:,} (the bound is {MEMORY_BOUND}×).")
    else:
        verdict = (f"**NOT BOUNDED:** cellar's peak RSS at N = {hi:,} is {g:.2f}× its peak at "
                   f"N = {lo:,}, more than the {MEMORY_BOUND}× allowed.")
    lines = [f"Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(t0))} ({elapsed:.0f} s in all). "
             f"Machine: {machine}. `bench/memory/short_lived_closures.py N` makes N closures "
             "`lambda x: x + k` from a factory, each called once and dropped, then N counter "
             "objects (two closures sharing a `nonlocal` cell), each used and dropped: 3N "
             "short-lived closures and N cells in all. Peak RSS is the process's (wait4, through "
             "bench/rusage.c), the largest over its runs; wall time is the median of 3 runs, or "
             f"of 1 where the first took {repeat_under:g} s or more (the runs column). Every run's "
             "stdout is compared with CPython's.", ""]
    for rn in runners:
        lines.append(f"- **{rn.label}**: {rn.version}")
    if "pypy" not in argv and not shutil.which("pypy3"):
        lines.append("- **PyPy**: not run, no `pypy3` on PATH")
    lines.append("")
    lines.append(verdict)
    lines.append("")
    hdr = "| N |"
    for rn in runners:
        hdr += f" {rn.label} peak RSS MiB | {rn.label} wall s | runs |"
    lines.append(hdr)
    lines.append("|---:|" + "---:|---:|---:|" * len(runners))
    for n in ns:
        row = f"| {n:,} |"
        for rn in runners:
            c = cells.get((n, rn.key), "n/a")
            if c == "n/a":
                row += " n/a | n/a | |"
            elif c is None:
                row += " FAIL | FAIL | |"
            else:
                m = "**MISMATCH** " if c["mismatch"] else ""
                row += f" {m}{c['rss']:.1f} | {fmt_s(c['wall'])} | {c['runs']} |"
        lines.append(row)
    row = f"| peak RSS at {hi:,} / at {lo:,} |"
    for rn in runners:
        gr = growth(rn.key)
        val = "–" if gr is None else f"{gr:.2f}×"
        row += (f" **{val}** | | |" if rn.key == "cellar" else f" {val} | | |")
    lines.append(row)
    lines.append("")
    lines.extend(problem_lines(problems))
    if g is not None and g > MEMORY_BOUND:
        problems.append(verdict)
    dump_json("memory", {"machine": machine, "runners": {r.key: r.version for r in runners},
                         "runs": {f"{n}|{k}": [{"wall": x.wall, "cpu": x.cpu, "rss_kib": x.rss_kib,
                                                 "status": x.status} for x in v]
                                  for (n, k), v in res.items()}})
    text = "\n".join(lines)
    print(text)
    if write_doc:
        update_doc("memory", text)
    return problems


# ---------------------------------------------------------------------------------------------
# Output files


def dump_json(mode, obj):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, f"results-{mode}.json"), "w") as f:
        json.dump(obj, f, indent=1, default=str)


SECTION_TITLES = {"bench": "Closure benchmarks: latest results",
                  "coldstart": "Cold start: latest results",
                  "deco": "Decorator overhead: latest results",
                  "memory": "Memory: latest results"}


def update_doc(marker, text):
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    block = f"{start}\n{text.rstrip()}\n{end}"
    doc = open(DOC).read() if os.path.exists(DOC) else "# Performance\n"
    if start in doc and end in doc:
        a = doc.index(start)
        b = doc.index(end) + len(end)
        doc = doc[:a] + block + doc[b:]
    else:
        doc = doc.rstrip() + f"\n\n## {SECTION_TITLES[marker]}\n\n{block}\n"
    with open(DOC, "w") as f:
        f.write(doc)
    log(f"runner: updated {os.path.relpath(DOC, ROOT)} ({marker})")


def main(argv):
    modes, runs, only, write_doc = [], RUNS, None, True
    it = iter(argv)
    for a in it:
        if a == "--runs":
            runs = int(next(it))
        elif a == "--only":
            only = set(next(it).split(","))
        elif a == "--no-doc":
            write_doc = False
        elif a in ("all", "suite", "coldstart", "deco", "memory"):
            modes.append(a)
        else:
            sys.exit(__doc__)
    if not modes or "all" in modes:
        modes = ["suite", "deco", "coldstart", "memory"]
    problems = []
    for m in modes:
        problems += {"suite": mode_suite, "coldstart": mode_coldstart, "deco": mode_deco,
                     "memory": mode_memory}[m](runs, only, write_doc)
    if problems:
        log("runner: problems:\n  " + "\n  ".join(problems))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
