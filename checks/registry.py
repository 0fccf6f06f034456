"""Which checks run. A new check: one module, one line here.

Document checks see one document's facts and rows: `check(doc: DocumentRow, rows: dict[str, list])
-> list[Flag]`, where rows maps table name to that document's rows. Archive checks see every
document: `check(docs: list[DocumentRow], rows: dict[str, list]) -> list[Flag]` with all rows.
"""
from __future__ import annotations

from schemas.rows import DocumentRow, Flag, Rule


def document_checks():
    from checks import budgets, dates, decisions

    return [budgets.check_budgets, dates.check_dates, decisions.check_decision_vs_budget]


def archive_checks():
    from checks import cross_document

    return [cross_document.check_cross_document]


def run_document_checks(doc: DocumentRow, rows: dict[str, list]) -> list[Flag]:
    """All document checks, one flag per inconsistency: where a decision's amount is involved,
    decision_vs_budget stands instead of a money flag over the same passages."""
    flags: list[Flag] = []
    for check in document_checks():
        flags.extend(check(doc, rows))
    return dedupe_money_flags(flags)


def dedupe_money_flags(flags: list[Flag]) -> list[Flag]:
    decided = [f for f in flags if f.rule == Rule.DECISION_VS_BUDGET.value]
    if not decided:
        return _unique(flags)
    spans = {(e.span_start, e.span_end) for f in decided for e in f.evidence_items if e.span_start is not None}
    texts = {e.text for f in decided for e in f.evidence_items}
    out = []
    for f in flags:
        if f.rule == Rule.FUNDING_VS_COST_MISMATCH.value and any(
                (e.span_start, e.span_end) in spans or e.text in texts for e in f.evidence_items):
            continue
        out.append(f)
    return _unique(out)


def _unique(flags: list[Flag]) -> list[Flag]:
    seen, out = set(), []
    for f in flags:
        if f.flag_id not in seen:
            seen.add(f.flag_id)
            out.append(f)
    return out


def run_archive_checks(docs: list[DocumentRow], rows: dict[str, list]) -> list[Flag]:
    flags: list[Flag] = []
    for check in archive_checks():
        flags.extend(check(docs, rows))
    return _unique(flags)
