"""The per-document tasks on a local Dask cluster (two worker processes) give the same tables."""
from __future__ import annotations

import duckdb

from schemas.tables import TABLES
from tests.conftest import run_cli

VOLATILE = {"parse_seconds"}


def _tables(out) -> dict[str, list]:
    con = duckdb.connect(str(out / "planscan.duckdb"), read_only=True)
    res = {}
    for name in TABLES:
        cols = [c for c, _ in TABLES[name].columns() if c not in VOLATILE]
        res[name] = sorted(con.execute(f'select {", ".join(cols)} from "{name}"').fetchall(), key=repr)
    return res


def test_dask_cluster_gives_the_same_tables_as_a_local_run(seeds, tmp_path):
    local, dask = tmp_path / "local", tmp_path / "dask"
    r1 = run_cli("run", str(seeds), "--out", str(local), "--workers", "2")
    assert r1.returncode == 0, r1.stderr
    r2 = run_cli("run", str(seeds), "--out", str(dask), "--workers", "2", "--dask", "local")
    assert r2.returncode == 0, r2.stdout + r2.stderr
    assert "Traceback" not in r2.stdout
    a, b = _tables(local), _tables(dask)
    assert len(a["documents"]) == 10
    assert a == b
