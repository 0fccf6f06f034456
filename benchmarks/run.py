"""planscan's throughput, memory and rerun cost on a fixed corpus, measured in one go.

Not a test: a script that prints a table (markdown) to paste into docs/benchmarks.md. Every
planscan figure is the real CLI in a subprocess (`planscan run --full`), Prefect start-up
included, as an analyst would run it. The machine is shared, so absolute numbers drift; the
ratios are measured within one run of this script and are the figures to compare.

    .venv/bin/python benchmarks/run.py            # about 10 minutes on 2 cores
    .venv/bin/python benchmarks/run.py --large    # adds the 1000-document archive
    .venv/bin/python benchmarks/run.py --repeat 3 # best of 3 for the pages/s pair
    .venv/bin/python benchmarks/run.py --profile  # cProfile of process_file on one PDF, then exit
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
PY = REPO / ".venv" / "bin" / "python"
PLANSCAN = REPO / ".venv" / "bin" / "planscan"

BARE_LOOP = r"""
import sys, time, pdfplumber
pages = 0
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
            pages += 1
print(pages)
"""


@dataclass
class Measured:
    seconds: float
    peak_mb: float
    parsed: int = 0
    pages: int = 0
    # Peaks by kind of process: the planscan process itself (it holds the tables while writing
    # them), the worker processes (forkserver and the parsers), Prefect's temporary server.
    peak_main_mb: float = 0.0
    peak_workers_mb: float = 0.0
    peak_server_mb: float = 0.0


def measure(cmd: list[str], cwd: Path = REPO) -> tuple[Measured, str]:
    """Run `cmd`, polling the RSS summed over its process tree every 50 ms; wall time and peak."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=str(cwd))
    peak = {"total": 0, "main": 0, "workers": 0, "server": 0}
    kinds: dict[int, str] = {}
    done = threading.Event()

    def kind(p: psutil.Process) -> str:
        # Asked on every poll: just after a fork a child still shows its parent's command line.
        if p.pid == proc.pid:
            return "main"
        if kinds.get(p.pid) != "server":
            kinds[p.pid] = "server" if "uvicorn" in " ".join(p.cmdline()) else "workers"
        return kinds[p.pid]

    def poll() -> None:
        try:
            root = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not done.is_set():
            now = {"total": 0, "main": 0, "workers": 0, "server": 0}
            try:
                procs = [root] + root.children(recursive=True)
            except psutil.NoSuchProcess:
                break
            for p in procs:
                try:
                    rss = p.memory_info().rss
                    now[kind(p)] += rss
                    now["total"] += rss
                except psutil.Error:
                    pass
            for k, v in now.items():
                peak[k] = max(peak[k], v)
            done.wait(0.05)

    th = threading.Thread(target=poll, daemon=True)
    th.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    done.set()
    th.join()
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{out}\n{err}")
    mb = {k: round(v / 2**20, 1) for k, v in peak.items()}
    return Measured(round(seconds, 2), mb["total"], peak_main_mb=mb["main"], peak_workers_mb=mb["workers"],
                    peak_server_mb=mb["server"]), out


def planscan(archive: Path, out: Path, *args: str) -> Measured:
    m, stdout = measure([str(PLANSCAN), "run", str(archive), "--out", str(out), "--quiet", *args])
    found = re.search(r"(\d+) parsed \((\d+) pages\)", stdout)
    if not found:
        raise SystemExit(f"no summary line:\n{stdout}")
    m.parsed, m.pages = int(found.group(1)), int(found.group(2))
    bad = re.search(r"(\d+) error", stdout)
    if bad and int(bad.group(1)):
        print(f"  note: {bad.group(0)} in {archive.name}", file=sys.stderr)
    return m


def bare_loop(files: list[Path]) -> Measured:
    m, stdout = measure([str(PY), "-c", BARE_LOOP, *map(str, files)])
    m.pages = int(stdout.strip().splitlines()[-1])
    m.parsed = len(files)
    return m


def profile(pdf: Path, top: int = 30) -> None:
    """cProfile of one document's process_file, in this process: where the time of a document goes."""
    import cProfile
    import pstats

    sys.path.insert(0, str(REPO))
    from extractors.read import sha256_of
    from pipelines.work import Limits, process_file

    sha = sha256_of(str(pdf))
    process_file(str(pdf), pdf.name, "warm", sha, Limits())  # imports and lazy loads out of the way
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    res = process_file(str(pdf), pdf.name, sha[:16], sha, Limits())
    prof.disable()
    print(f"{pdf.name}: {res.document.status}, {res.document.pages} pages, {time.perf_counter() - t0:.2f} s "
          f"(with the profiler on)")
    st = pstats.Stats(prof)
    st.sort_stats("cumulative").print_stats(top)
    st.sort_stats("tottime").print_stats(top)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, default=Path("/tmp/planscan-bench"), help="scratch folder (emptied)")
    ap.add_argument("--n", type=int, default=100, help="small PDFs in the pages/s corpus (default 100)")
    ap.add_argument("--large", action="store_true", help="also time the 1000-document archive")
    ap.add_argument("--repeat", type=int, default=1, metavar="K",
                    help="run the bare loop and planscan on 1 worker K times, interleaved, and the 300-document "
                    "first run and its unchanged rerun K times, and keep the fastest of each: on a shared "
                    "machine the minimum is the least disturbed measurement")
    ap.add_argument("--profile", nargs="?", const="", metavar="PDF",
                    help="profile process_file on one PDF (default: the 300-page plan) and exit")
    a = ap.parse_args()
    work: Path = a.work
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    if a.profile is not None:
        pdf = Path(a.profile) if a.profile else corpus.build(work / "long", "pdf", 0, long_plan=True)[-1]
        profile(pdf)
        return

    results: dict[str, object] = {}
    t_start = time.perf_counter()
    print(f"building corpora in {work} ...", file=sys.stderr)
    pdf_files = corpus.build(work / "pdf", "pdf", a.n, long_plan=True)
    docx_files = corpus.build(work / "docx", "docx", 100)
    corpus.build(work / "one", "docx", 1)
    mixed = {n: work / f"mixed{n}" for n in ((50, 100, 300, 500, 1000) if a.large else (50, 100, 300, 500))}
    for n, d in mixed.items():
        corpus.build(d, "mixed", n)
    srcs = corpus.sources(".pdf") + corpus.sources(".docx")
    results["sources"] = [str(p.relative_to(corpus.source_folder())) for p in srcs]

    def step(name: str, fn, *args, repeat: int = 1) -> Measured:
        best = None
        for i in range(repeat):
            print(f"  {name} ...", file=sys.stderr, end="", flush=True)
            m = fn(*args)
            print(f" {m.seconds:.1f} s", file=sys.stderr)
            results.setdefault(name + "_all_seconds", []).append(m.seconds)
            best = m if best is None or m.seconds < best.seconds else best
        results[name] = asdict(best)
        return best

    start = step("planscan_startup", planscan, work / "one", work / "out-one", "--full", "--workers", "1")
    bare = w1 = None
    for _ in range(a.repeat):  # interleaved, so both see the same spells of load from other users
        b = step("bare_pdfplumber", bare_loop, pdf_files)
        w = step("planscan_pdf_1w", planscan, work / "pdf", work / "out-pdf-1w", "--full", "--workers", "1")
        bare = b if bare is None or b.seconds < bare.seconds else bare
        w1 = w if w1 is None or w.seconds < w1.seconds else w1
    results["bare_pdfplumber"], results["planscan_pdf_1w"] = asdict(bare), asdict(w1)
    w2 = step("planscan_pdf_2w", planscan, work / "pdf", work / "out-pdf-2w", "--full", "--workers", "2")
    d1 = step("planscan_docx_1w", planscan, work / "docx", work / "out-docx-1w", "--full", "--workers", "1")
    d2 = step("planscan_docx_2w", planscan, work / "docx", work / "out-docx-2w", "--full", "--workers", "2")
    growth = {}
    for n, d in mixed.items():
        if n != 300:
            growth[n] = step(f"planscan_mixed{n}", planscan, d, work / f"out-mixed{n}", "--workers", "2")
    first = rerun = None
    for i in range(a.repeat):  # a first run into a fresh folder, then the unchanged rerun, K times
        out = work / f"out-mixed300-{i}"
        f = step("planscan_mixed300", planscan, mixed[300], out, "--workers", "2")
        r = step("planscan_mixed300_rerun", planscan, mixed[300], out, "--workers", "2")
        assert r.parsed == 0, "the unchanged rerun parsed documents"
        first = f if first is None or f.seconds < first.seconds else first
        rerun = r if rerun is None or r.seconds < rerun.seconds else rerun
    growth[300] = first
    growth = dict(sorted(growth.items()))
    results["planscan_mixed300"], results["planscan_mixed300_rerun"] = asdict(first), asdict(rerun)
    results["total_seconds"] = round(time.perf_counter() - t_start, 1)
    results["cpus"] = os.cpu_count()
    results["load_avg_at_end"] = os.getloadavg()
    (work / "results.json").write_text(json.dumps(results, indent=2))

    pps = lambda m: m.pages / m.seconds  # noqa: E731
    peak = max(m.peak_mb for m in (start, w1, w2, d1, d2, rerun, *growth.values()))
    rows = [
        ("PDF pages/s, bare pdfplumber `extract_text` loop (1 process)", f"{pps(bare):.1f}",
         f"{bare.pages} pages, {len(pdf_files)} files, {bare.seconds:.1f} s"),
        ("PDF pages/s, planscan, 1 worker", f"{pps(w1):.1f}", f"{w1.pages} pages in {w1.seconds:.1f} s"),
        ("PDF pages/s, planscan, 2 workers", f"{pps(w2):.1f}", f"{w2.pages} pages in {w2.seconds:.1f} s"),
        ("**ratio planscan 1 worker / bare loop** (target ≥ 0.70)", f"**{pps(w1) / pps(bare):.2f}**", ""),
        ("ratio planscan 2 workers / bare loop", f"{pps(w2) / pps(bare):.2f}", ""),
        ("planscan fixed cost: a run over a 1-document archive, seconds", f"{start.seconds:.1f}",
         "Prefect import, its temporary API server, worker start, table writing"),
        ("ratio planscan 1 worker / bare loop, fixed cost subtracted", f"{w1.pages / (w1.seconds - start.seconds) / pps(bare):.2f}",
         "what the per-page work alone achieves"),
        (".docx documents/s, planscan, 1 worker", f"{d1.parsed / d1.seconds:.1f}",
         f"{d1.parsed} documents in {d1.seconds:.1f} s"),
        (".docx documents/s, planscan, 2 workers", f"{d2.parsed / d2.seconds:.1f}",
         f"{d2.parsed} documents in {d2.seconds:.1f} s"),
    ]
    for n, m in growth.items():
        rows.append((f"seconds per document, {n} documents (half PDF, half .docx), 2 workers",
                     f"{m.seconds / n:.3f}", f"{m.seconds:.1f} s in all"))
    rows += [
        ("unchanged rerun of 300 documents, seconds", f"{rerun.seconds:.1f}", "0 parsed"),
        ("**ratio rerun / first run** (target ≤ 0.25)", f"**{rerun.seconds / growth[300].seconds:.2f}**",
         f"first run {growth[300].seconds:.1f} s"),
        ("peak memory of a planscan run (RSS summed over the process tree), MB", f"{peak:.0f}",
         ", ".join(f"{k.removeprefix('planscan_')} {v['peak_mb']:.0f}" for k, v in results.items()
                   if isinstance(v, dict) and k.startswith("planscan_"))),
        ("peak memory of the bare loop, MB", f"{bare.peak_mb:.0f}", ""),
        ("**peak memory, 500 documents / 50 documents** (should not grow with the archive)",
         f"**{growth[500].peak_mb / growth[50].peak_mb:.2f}**",
         f"{growth[50].peak_mb:.0f} MB at 50, {growth[500].peak_mb:.0f} MB at 500 (half PDF, half .docx, 2 workers)"),
    ]
    for who, label in (("workers", "worker processes (forkserver and parsers)"), ("server", "Prefect's temporary server"),
                       ("main", "the planscan process (holds the tables while it writes them)")):
        key = f"peak_{who}_mb"
        rows.append((f"peak memory of {label}, MB, by archive size", "",
                     ", ".join(f"{n}: {getattr(m, key):.0f}" for n, m in growth.items())))
    print("| measure | value | detail |\n|---|---:|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} |")
    print(f"\n{os.cpu_count()} CPUs, load average at the end {results['load_avg_at_end'][0]:.1f}; "
          f"{len(srcs)} source documents from {corpus.source_folder()}; "
          f"whole benchmark {results['total_seconds']:.0f} s; raw numbers in {work / 'results.json'}")


if __name__ == "__main__":
    main()
