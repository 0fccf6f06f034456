"""Shared fixtures: where things are, and a way to run the real CLI."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planscan.quiet import configure_environment

# Tests that import the flow in this process get the CLI's Prefect settings: telemetry off, quiet.
configure_environment()

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BIN = Path(sys.executable).parent


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (the seeds, the scorer); tests that need it skip where it is absent."""
    if not (SHARED / "seeds" / "docs").is_dir():
        pytest.skip("../shared/seeds is not present")
    return SHARED


@pytest.fixture(scope="session")
def seeds(shared) -> Path:
    return shared / "seeds" / "docs"


@pytest.fixture(scope="session")
def sample_archive() -> Path:
    p = ROOT / "samples" / "archive"
    if not any(p.rglob("*.pdf")):
        pytest.skip("samples/archive is empty (run: make samples)")
    return p


def run_cli(*args: str, timeout: float = 600, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the installed `planscan` command for real and capture its output."""
    exe = BIN / "planscan"
    cmd = [str(exe), *args] if exe.exists() else [sys.executable, "-m", "planscan.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="session")
def seed_run(seeds, tmp_path_factory) -> Path:
    """One real run of the CLI over the seeds, shared by the tests that read its tables."""
    out = tmp_path_factory.mktemp("seed-run")
    r = run_cli("run", str(seeds), "--out", str(out))
    assert r.returncode == 0, r.stdout + r.stderr
    return out


@pytest.fixture(scope="session")
def sample_run(sample_archive, tmp_path_factory) -> Path:
    """One real run of the CLI over the sample archive."""
    out = tmp_path_factory.mktemp("sample-run")
    r = run_cli("run", str(sample_archive), "--out", str(out))
    assert r.returncode == 0, r.stdout + r.stderr
    return out
