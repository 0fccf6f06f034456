"""Whole-document answer keys: the scorer from ../shared on the seeds and on our sample archive.

The thresholds are the issues' targets; a drop below them is a regression.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT

SEED_TARGETS = {"budget_lines": 0.90, "milestones": 0.85, "decisions": 0.85, "roles": 0.85}
SAMPLE_TARGETS = {"budget_lines": 0.95, "milestones": 0.95, "decisions": 0.95, "roles": 0.95}


def score(shared: Path, out: Path, truth: Path) -> dict:
    r = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), "--db", str(out / "planscan.duckdb"),
                        "--truth", str(truth), "--json"], capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def test_seed_documents_are_read(seed_run, seeds):
    import pypdfium2

    con = duckdb.connect(str(seed_run / "planscan.duckdb"), read_only=True)
    rows = con.execute("select path, format, status, pages from documents order by path").fetchall()
    assert len(rows) == 10 and all(r[2] == "ok" for r in rows)
    for path, fmt, _, pages in rows:
        if fmt == "pdf":
            assert pages == len(pypdfium2.PdfDocument(str(seeds / path))), path


def test_seed_doc_types_and_dates(seed_run, shared):
    s = score(shared, seed_run, shared / "seeds" / "truth")
    assert s["documents"]["doc_type"]["right"] >= 8
    assert s["documents"]["doc_date"]["right"] >= 8


@pytest.mark.parametrize("table", sorted(SEED_TARGETS))
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_seed_scores(seed_run, shared, table, fmt):
    s = score(shared, seed_run, shared / "seeds" / "truth")
    assert s["tables"][f"{table}/{fmt}"]["f1"] >= SEED_TARGETS[table], s["tables"][f"{table}/{fmt}"]


def test_seed_flags_all_found_and_no_others(seed_run, shared):
    s = score(shared, seed_run, shared / "seeds" / "truth")["tables"]["flags/all"]
    assert s["recall"] == 1.0 and s["precision"] == 1.0, s


@pytest.mark.parametrize("table", sorted(SAMPLE_TARGETS))
def test_sample_scores(sample_run, shared, table):
    s = score(shared, sample_run, ROOT / "samples" / "truth")
    assert s["tables"][f"{table}/all"]["f1"] >= SAMPLE_TARGETS[table], s["tables"][f"{table}/all"]


def test_sample_planted_flags_found(sample_run, shared):
    s = score(shared, sample_run, ROOT / "samples" / "truth")["tables"]["flags/all"]
    assert s["recall"] == 1.0, s
    assert s["precision"] >= 0.9, s


@pytest.fixture(scope="module", params=["holdout", "holdout2"])
def holdout_run(request, tmp_path_factory):
    """The held-out sets (written independently of the extractors, later used to fix what they
    showed): a run over each, kept as regression tests."""
    from tests.conftest import run_cli

    archive = ROOT / "samples" / request.param / "archive"
    if not any(archive.rglob("*.pdf")):
        pytest.skip(f"samples/{request.param} is empty")
    out = tmp_path_factory.mktemp(request.param)
    r = run_cli("run", str(archive), "--out", str(out))
    assert r.returncode == 0, r.stdout + r.stderr
    return request.param, out


def test_holdout_scores(holdout_run, shared):
    name, out = holdout_run
    s = score(shared, out, ROOT / "samples" / name / "truth")
    for table, target in SAMPLE_TARGETS.items():
        assert s["tables"][f"{table}/all"]["f1"] >= target, (name, table, s["tables"][f"{table}/all"])
    assert s["tables"]["flags/all"]["recall"] == 1.0, (name, s["tables"]["flags/all"])
