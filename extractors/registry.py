"""Which extractor fills which table. A new kind of fact: one module, one line here.

Every extractor is a pure function `extract(doc: Document) -> list[Row]` (no I/O, no Prefect);
the row type's fields are the table's columns (see schemas.rows).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from schemas.document import Document
from schemas.rows import BudgetLine, Decision, Milestone, Role


@dataclass(frozen=True)
class TableSpec:
    name: str
    row_type: type
    extract: Callable[[Document], list]


def _specs() -> dict[str, TableSpec]:
    from extractors import budgets, decisions, milestones, roles

    specs = [
        TableSpec("budget_lines", BudgetLine, budgets.extract_budget_lines),
        TableSpec("milestones", Milestone, milestones.extract_milestones),
        TableSpec("decisions", Decision, decisions.extract_decisions),
        TableSpec("roles", Role, roles.extract_roles),
    ]
    return {s.name: s for s in specs}


TABLES: dict[str, TableSpec] = _specs()
