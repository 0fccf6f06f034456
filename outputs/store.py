"""Write the tables so that no reader ever sees half a result.

DuckDB: written to a temporary file in the output folder and renamed over planscan.duckdb
(rename is atomic on one file system). Parquet: written into a fresh folder, then the
`parquet` symbolic link is swapped to it in one atomic rename; the previous folder is removed
after. A run killed at any moment leaves the last complete outputs in place.
"""
from __future__ import annotations

import os
import shutil
import time
import uuid

import pyarrow as pa
import pyarrow.parquet as pq

from outputs.views import VIEWS

DB_NAME = "planscan.duckdb"


def write_outputs(out_dir: str, tables: dict[str, pa.Table]) -> None:
    os.makedirs(out_dir, exist_ok=True)
    _write_duckdb(out_dir, tables)
    _write_parquet(out_dir, tables)


def _write_duckdb(out_dir: str, tables: dict[str, pa.Table]) -> None:
    import duckdb

    final = os.path.join(out_dir, DB_NAME)
    tmp = os.path.join(out_dir, f".{DB_NAME}.{uuid.uuid4().hex[:8]}.tmp")
    con = duckdb.connect(tmp)
    try:
        for name, table in tables.items():
            con.register("_incoming", table)
            con.execute(f'create table "{name}" as select * from _incoming')
            con.unregister("_incoming")
        for sql in VIEWS.values():
            con.execute(sql)
        con.execute("checkpoint")
    finally:
        con.close()
    os.replace(tmp, final)
    wal = tmp + ".wal"
    if os.path.exists(wal):
        os.remove(wal)


def _write_parquet(out_dir: str, tables: dict[str, pa.Table]) -> None:
    link = os.path.join(out_dir, "parquet")
    new_dir_name = f".parquet-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
    new_dir = os.path.join(out_dir, new_dir_name)
    os.makedirs(new_dir)
    for name, table in tables.items():
        pq.write_table(table, os.path.join(new_dir, f"{name}.parquet"))
    old_target = os.path.realpath(link) if os.path.islink(link) else None
    if os.path.isdir(link) and not os.path.islink(link):
        shutil.rmtree(link)  # a plain folder from elsewhere: replace it by the link
    tmp_link = os.path.join(out_dir, f".parquet-link-{uuid.uuid4().hex[:6]}")
    os.symlink(new_dir_name, tmp_link)
    os.replace(tmp_link, link)
    if old_target and os.path.isdir(old_target) and old_target != os.path.realpath(new_dir):
        shutil.rmtree(old_target, ignore_errors=True)
    _sweep(out_dir, keep=new_dir_name)


def _sweep(out_dir: str, keep: str) -> None:
    """Remove leftovers of killed runs: temporary databases and orphaned parquet folders."""
    for name in os.listdir(out_dir):
        p = os.path.join(out_dir, name)
        if name.startswith(".parquet-") and name != keep:
            if os.path.islink(p):
                os.remove(p)
            else:
                shutil.rmtree(p, ignore_errors=True)
        elif name.startswith(f".{DB_NAME}.") and name.endswith((".tmp", ".tmp.wal")):
            os.remove(p)
