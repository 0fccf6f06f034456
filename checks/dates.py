"""Date checks: dates that do not hold together.

date_order:
- a stated period whose end lies before its start (the project period, a date range in a row);
- a timetable row whose end column ('Avslutning') lies before its start column ('Oppstart');
- a timetable that sets out a sequence (one date column, rows mostly in time order) with a row that
  lies before a row above it ('Før 01.02.14 Valg av evaluator' above 'Fra 01.01.14 Operativt arbeid').
milestone_after_end:
- a step of the project's work dated after the end of the project period it states; the final
  report, accounts, evaluation and their political treatment come after the end by nature and are
  not flagged.

Dates are compared as the spans they name: 'sept 2013' and '20.09.2013' are not out of order, 'juni
2018' ends on 30 June. Messages give the dates as written and as read.
"""
from __future__ import annotations

import datetime as dt
from itertools import groupby

from schemas.rows import DocumentRow, Evidence, Flag, Milestone, Rule, Severity
from extractors.dates import DateMatch, find_dates, last_day
from extractors.lang.nb.dates import AFTER_END_OK

SEQUENCE_MIN_ROWS = 4  # fewer dated rows do not show that a table is meant as a sequence
SEQUENCE_MAX_SHARE = 0.2  # more rows out of order than this (and more than one): not sorted by time at all


def check_dates(doc: DocumentRow, rows: dict[str, list]) -> list[Flag]:
    """Every date_order and milestone_after_end flag of one document."""
    milestones = [m for m in rows.get("milestones", []) if isinstance(m, Milestone)]
    flags: list[Flag] = []
    flags += _period_order(doc)
    flags += _row_order(doc, milestones)
    flags += _sequence_order(doc, milestones)
    flags += _after_end(doc, milestones)
    return flags


# --- spans of dates ---------------------------------------------------------------------------------
def _span(m: Milestone) -> tuple[dt.date, dt.date] | None:
    """(first day, last day) that a milestone's date names, from its text where it can be re-read."""
    if m.due_date is None:
        return None
    precision = m.precision or "day"
    return m.due_date, last_day(m.due_date, precision)


def _read(text: str | None, context: dt.date | None = None) -> DateMatch | None:
    if not text:
        return None
    return next((x for x in find_dates(text, context, cell=True) if x.date), None)


def _fmt(d: dt.date, precision: str | None) -> str:
    if precision == "month":
        return d.strftime("%Y-%m")
    if precision in ("year", "season", "half", "quarter"):
        return f"{d.isoformat()[:7]} ({precision})" if precision != "year" else str(d.year)
    return d.isoformat()


def _as_read(m: Milestone) -> str:
    written = m.due_text or ""
    return f"«{written}» (lest som {_fmt(m.due_date, m.precision)})" if m.due_date else f"«{written}»"


def _evidence(doc: DocumentRow, m: Milestone) -> Evidence:
    return Evidence(doc.doc_id, m.page, m.source_text or m.description, m.span_start, m.span_end)


def _flag(rule: Rule, doc: DocumentRow, message: str, evidence: list[Evidence],
          severity: Severity = Severity.WARNING) -> Flag:
    return Flag(rule=rule.value, severity=severity.value, doc_id=doc.doc_id, message=message,
                evidence_items=evidence)


# --- date_order -------------------------------------------------------------------------------------
def _period_order(doc: DocumentRow) -> list[Flag]:
    start, end = doc.project_start, doc.project_end
    if not (start and end):
        return []
    end_m = _read(doc.project_end_text)
    end_last = end_m.last_day if end_m and end_m.date == end else end
    if end_last >= start:
        return []
    msg = (f"Prosjektperioden slutter før den begynner: start {start.isoformat()}, slutt "
           f"«{doc.project_end_text or end.isoformat()}» (lest som {end.isoformat()}).")
    return [_flag(Rule.DATE_ORDER, doc, msg, [Evidence(doc.doc_id, None, doc.project_end_text or "")])]


def _row_order(doc: DocumentRow, milestones: list[Milestone]) -> list[Flag]:
    """A row's later date columns ('Avslutning') must not lie before its first ('Oppstart')."""
    flags = []
    tabled = [m for m in milestones if m.in_table and m.table_index is not None and m.row_index is not None]
    for _, group in groupby(tabled, key=lambda m: (m.table_index, m.row_index)):
        group = [m for m in group if _span(m)]
        for first, later in zip(group, group[1:]):
            a, b = _span(first), _span(later)
            if b[1] < a[0]:
                days = (a[0] - b[0]).days
                msg = (f"{_name(first)}: {_label(later)} {_as_read(later)} ligger før {_label(first)} "
                       f"{_as_read(first)}, {days} dager tidligere.")
                flags.append(_flag(Rule.DATE_ORDER, doc, msg, [_evidence(doc, first)]))
    # a single milestone written as a period whose end is before its start ('01.03.2019-15.02.2019')
    for m in milestones:
        read = _read(m.due_text, m.due_date)
        if read and read.end_date and read.last_day < read.date:
            msg = f"«{m.description}»: perioden {m.due_text} slutter før den begynner."
            flags.append(_flag(Rule.DATE_ORDER, doc, msg, [_evidence(doc, m)]))
    return flags


def _name(m: Milestone) -> str:
    return f"«{m.description.rsplit(': ', 1)[0]}»"


def _label(m: Milestone) -> str:
    parts = m.description.rsplit(": ", 1)
    return parts[1] if len(parts) == 2 else "datoen"


def _sequence_order(doc: DocumentRow, milestones: list[Milestone]) -> list[Flag]:
    """A timetable meant as a sequence, with a row dated before a row above it."""
    flags = []
    tabled = [m for m in milestones if m.in_table and m.table_index is not None]
    for _, group in groupby(tabled, key=lambda m: m.table_index):
        group = list(group)
        if len({m.row_index for m in group}) != len(group):
            continue  # start and end columns: the rows are tasks, not a sequence of steps
        dated = [m for m in group if _span(m)]
        if len(dated) < SEQUENCE_MIN_ROWS:
            continue
        inverted = []
        for i in range(1, len(dated)):
            here = _span(dated[i])
            # the latest start above this row that it falls wholly before
            above = [m for m in dated[:i] if here[1] < _span(m)[0]]
            if above:
                inverted.append((dated[i], max(above, key=lambda m: _span(m)[0])))
        if not inverted or len(inverted) > max(1, SEQUENCE_MAX_SHARE * (len(dated) - 1)):
            continue
        for row, above in inverted:
            msg = (f"Tidsplanen står ikke i tidsrekkefølge: «{above.description}» {_as_read(above)} står foran "
                   f"«{row.description}» {_as_read(row)}, som er datert {(_span(above)[0] - _span(row)[0]).days} "
                   f"dager tidligere.")
            flags.append(_flag(Rule.DATE_ORDER, doc, msg, [_evidence(doc, above), _evidence(doc, row)]))
    return flags


# --- milestone_after_end -------------------------------------------------------------------------------
def _after_end(doc: DocumentRow, milestones: list[Milestone]) -> list[Flag]:
    end = doc.project_end
    if end is None:
        return []
    end_m = _read(doc.project_end_text)
    end_last = end_m.last_day if end_m and end_m.date and end_m.date.year == end.year else end
    end_written = doc.project_end_text or end.isoformat()
    flags = []
    for m in milestones:
        span = _span(m)
        if span is None or span[0] <= end_last:
            continue
        if any(w in m.description.lower() for w in AFTER_END_OK):
            continue  # final reporting and its treatment follow the end by nature
        days = (span[0] - end_last).days
        msg = (f"Prosjektperioden slutter «{end_written}» (lest som {end_last.isoformat()}), men "
               f"«{m.description}» er datert {_as_read(m)}, {days} dager etter slutt.")
        flags.append(_flag(Rule.MILESTONE_AFTER_END, doc, msg, [_evidence(doc, m)]))
    return flags
