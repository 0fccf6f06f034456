"""Table contracts: column types (Arrow) derived from the row types, and pandera checks.

A table's columns are its row type's fields, in order; the contract's values (statuses, kinds,
rules, severities) are checked with pandera before anything is written.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import typing

import pyarrow as pa

from schemas.rows import (BudgetKind, BudgetLine, Decision, DecisionKind, DocType, DocumentProject, DocumentRow,
                          Flag, Milestone, Project, Role, Rule, Severity, Status)

_ARROW = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(), dt.date: pa.date32()}


@dataclasses.dataclass(frozen=True)
class Table:
    name: str
    row_type: type
    exclude: tuple[str, ...] = ()  # fields kept in memory only (structured evidence is stored as JSON)
    extra: tuple[tuple[str, pa.DataType], ...] = ()

    def columns(self) -> list[tuple[str, pa.DataType]]:
        hints = typing.get_type_hints(self.row_type)
        cols = []
        for f in dataclasses.fields(self.row_type):
            if f.name in self.exclude:
                continue
            t = hints[f.name]
            base = next((a for a in typing.get_args(t) if a is not type(None)), t) if typing.get_args(t) else t
            cols.append((f.name, _ARROW[base]))
        return cols + list(self.extra)

    def arrow_schema(self) -> pa.Schema:
        return pa.schema(self.columns())


TABLES: dict[str, Table] = {t.name: t for t in [
    Table("documents", DocumentRow),
    Table("budget_lines", BudgetLine),
    Table("milestones", Milestone),
    Table("decisions", Decision),
    Table("roles", Role),
    Table("flags", Flag, exclude=("evidence_items",), extra=(("evidence_json", pa.string()),)),
    Table("projects", Project),
    Table("document_projects", DocumentProject),
]}

# Closed vocabularies the contract promises, per table and column.
ALLOWED: dict[str, dict[str, set[str]]] = {
    "documents": {"status": {s.value for s in Status}, "doc_type": {d.value for d in DocType}},
    "budget_lines": {"kind": {k.value for k in BudgetKind}},
    "decisions": {"kind": {k.value for k in DecisionKind}},
    "flags": {"rule": {r.value for r in Rule}, "severity": {s.value for s in Severity}},
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "path", "status"),
    "budget_lines": ("doc_id", "amount_nok", "kind"),
    "milestones": ("doc_id", "description"),
    "decisions": ("doc_id", "kind", "text"),
    "roles": ("doc_id", "person", "role"),
    "flags": ("flag_id", "rule", "severity", "doc_id", "message"),
}
UNIQUE = {"documents": "doc_id", "flags": "flag_id"}


def pandera_schema(name: str):
    """The pandera contract for one table (built lazily: pandera is slow to import)."""
    import pandera.pandas as pdx

    cols = {}
    for col, _ in TABLES[name].columns():
        checks = []
        if col in ALLOWED.get(name, {}):
            checks.append(pdx.Check.isin(sorted(ALLOWED[name][col])))
        cols[col] = pdx.Column(nullable=col not in REQUIRED.get(name, ()), checks=checks or None,
                               unique=UNIQUE.get(name) == col, required=True, coerce=False)
    return pdx.DataFrameSchema(cols, strict=False, name=name)
