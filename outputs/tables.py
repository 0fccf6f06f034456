"""Rows to validated Arrow tables."""
from __future__ import annotations

import dataclasses
import json
from typing import Iterable

import pyarrow as pa

from schemas.tables import TABLES, pandera_schema


class ContractError(Exception):
    """A table broke its contract; `failures` lists every failing check (pandera, lazy)."""

    def __init__(self, table: str, failures: str) -> None:
        super().__init__(f"table {table} breaks its contract:\n{failures}")
        self.table = table
        self.failures = failures


def _record(name: str, row) -> dict:
    d = {f.name: getattr(row, f.name) for f in dataclasses.fields(row)}
    if name == "flags":
        d["evidence_json"] = json.dumps([dataclasses.asdict(e) for e in d.pop("evidence_items")], ensure_ascii=False)
    return d


def to_arrow(name: str, rows: Iterable, chunk: int = 5000) -> pa.Table:
    """Build one table from row objects, typed by the contract (converted `chunk` rows at a time,
    so the intermediate dictionaries of a large table never all exist at once)."""
    schema = TABLES[name].arrow_schema()
    batches, records = [], []
    for r in rows:
        records.append(_record(name, r))
        if len(records) >= chunk:
            batches.append(pa.RecordBatch.from_pylist(records, schema=schema))
            records = []
    if records or not batches:
        batches.append(pa.RecordBatch.from_pylist(records, schema=schema))
    return pa.Table.from_batches(batches, schema=schema)


def validate(name: str, table: pa.Table) -> None:
    """Check a table against its pandera contract; raise ContractError listing every failure."""
    import pandera.errors

    df = table.to_pandas()
    try:
        pandera_schema(name).validate(df, lazy=True)
    except pandera.errors.SchemaErrors as e:
        cases = e.failure_cases
        raise ContractError(name, cases.head(20).to_string()) from None
