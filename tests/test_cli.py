"""The command line as users meet it: exit codes, messages, no tracebacks, the lock."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb

from tests.conftest import BIN, ROOT, run_cli


def test_help_explains_every_option():
    r = run_cli("run", "--help")
    assert r.returncode == 0
    for opt in ("--out", "--workers", "--full", "--timeout", "--max-mb", "--max-pages", "--dask"):
        assert opt in r.stdout


def test_missing_archive_is_one_line_and_nonzero(tmp_path):
    r = run_cli("run", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert r.returncode == 2
    assert "archive folder not found" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stdout + r.stderr


def test_second_run_on_same_output_refuses_at_once(tmp_path, seeds):
    from pipelines.lock import lock_output

    out = tmp_path / "out"
    out.mkdir()
    with lock_output(str(out)):
        t = time.perf_counter()
        r = run_cli("run", str(seeds), "--out", str(out))
        assert time.perf_counter() - t < 30
    assert r.returncode == 3
    assert "another planscan run" in r.stderr
    assert not (out / "planscan.duckdb").exists()


def test_bad_files_do_not_stop_the_batch(tmp_path, seeds):
    arch = tmp_path / "arkiv"
    (arch / "Møter 2024").mkdir(parents=True)
    shutil.copy(seeds / "seed-ringerike-note.pdf", arch / "notat.pdf")
    shutil.copy(seeds / "seed-ringerike-note.docx", arch / "Møter 2024" / "notat med mellomrom.docx")
    (arch / "tom.pdf").write_bytes(b"")
    (arch / "halv.pdf").write_bytes((seeds / "seed-ringerike-note.pdf").read_bytes()[:3000])
    (arch / "les meg.txt").write_text("hei")
    (arch / "~$notat.docx").write_bytes(b"lock")
    out = tmp_path / "out"
    r = run_cli("run", str(arch), "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    con = duckdb.connect(str(out / "planscan.duckdb"), read_only=True)
    rows = dict(con.execute("select path, status from documents").fetchall())
    assert rows == {"notat.pdf": "ok", "Møter 2024/notat med mellomrom.docx": "ok", "tom.pdf": "error",
                    "halv.pdf": "error", "les meg.txt": "error"}
    reasons = dict(con.execute("select path, error from documents where status='error'").fetchall())
    assert "0 bytes" in reasons["tom.pdf"]
    assert "unsupported" in reasons["les meg.txt"]
    assert (out / "parquet" / "documents.parquet").exists()


def test_kill_during_run_keeps_previous_outputs_and_next_run_completes(tmp_path, seeds):
    arch = tmp_path / "arkiv"
    arch.mkdir()
    for p in seeds.iterdir():
        shutil.copy(p, arch / p.name)
    out = tmp_path / "out"
    assert run_cli("run", str(arch), "--out", str(out)).returncode == 0
    before = duckdb.connect(str(out / "planscan.duckdb"), read_only=True).execute(
        "select count(*) from documents").fetchone()[0]
    (arch / "ekstra.pdf").write_bytes((seeds / "seed-oppland-mandate.pdf").read_bytes() + b"\n%changed\n")
    exe = BIN / "planscan"
    proc = subprocess.Popen([str(exe), "run", str(arch), "--out", str(out), "--full"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    started = time.time()
    docs = out / ".planscan-state" / "docs"
    # Kill once the run is under way: the first document's result of this run has been stored.
    while time.time() < started + 120 and proc.poll() is None:
        time.sleep(0.2)
        con = duckdb.connect(str(out / "planscan.duckdb"), read_only=True)  # readable all along
        assert con.execute("select count(*) from documents").fetchone()[0] == before
        con.close()
        if any(p.stat().st_mtime > started for p in docs.iterdir()):
            break
    assert proc.poll() is None, "the run finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    con = duckdb.connect(str(out / "planscan.duckdb"), read_only=True)
    assert con.execute("select count(*) from documents").fetchone()[0] == before
    con.close()
    assert len(list((out / "parquet").glob("*.parquet"))) >= 6
    r = run_cli("run", str(arch), "--out", str(out))
    assert r.returncode == 0, r.stderr
    con = duckdb.connect(str(out / "planscan.duckdb"), read_only=True)
    assert con.execute("select count(*) from documents").fetchone()[0] == before + 1
    assert not [n for n in os.listdir(out) if n.endswith(".tmp")]


def test_module_entry_point_runs():
    r = subprocess.run([sys.executable, "-m", "planscan.cli", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and "run" in r.stdout


def test_a_time_limit_failure_is_tried_again_next_run(tmp_path, seeds):
    arch = tmp_path / "arkiv"
    arch.mkdir()
    shutil.copy(seeds / "seed-oppland-mandate.pdf", arch / "mandat.pdf")
    out = tmp_path / "out"
    r = run_cli("run", str(arch), "--out", str(out), "--timeout", "0.05")
    assert r.returncode == 0, r.stderr
    con = duckdb.connect(str(out / "planscan.duckdb"), read_only=True)
    status, error = con.execute("select status, error from documents").fetchone()
    con.close()
    assert status == "error" and "time limit" in error
    r = run_cli("run", str(arch), "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "1 parsed" in r.stdout
    con = duckdb.connect(str(out / "planscan.duckdb"), read_only=True)
    assert con.execute("select status from documents").fetchone()[0] == "ok"


def test_temporary_prefect_server_ends_when_the_run_is_killed(tmp_path, seeds):
    """kill -9 of planscan alone (not its process group): the temporary Prefect server it started
    must not be left running."""
    import psutil

    arch = tmp_path / "arkiv"
    arch.mkdir()
    shutil.copy(seeds / "seed-oppland-mandate.pdf", arch / "a.pdf")
    proc = subprocess.Popen([str(BIN / "planscan"), "run", str(arch), "--out", str(tmp_path / "out")], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        server = None
        deadline = time.time() + 60
        while server is None and time.time() < deadline and proc.poll() is None:
            for c in psutil.Process(proc.pid).children(recursive=True):
                try:
                    if "uvicorn" in " ".join(c.cmdline()):
                        server = c
                except psutil.Error:
                    pass
            time.sleep(0.05)
        assert server is not None, "no temporary Prefect server seen"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        gone, alive = psutil.wait_procs([server], timeout=15)
        assert not alive, "the temporary Prefect server outlived the killed run"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
