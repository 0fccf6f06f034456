"""Date checks: dates that do not hold together.

date_order:
- a stated period whose end lies before its start (the project period, a date range in a row);
- a timetable row whose end column ('Avslutning') lies before its start column ('Oppstart');
- a timetable that sets out a sequence (one date column, rows mostly in time order) with a row that
  lies before a row above it ('Før 01.02.14 Valg av evaluator' above 'Fra 01.01.14 Operativt arbeid');
- a bulleted or numbered list of at least three dated steps, mostly in order, with one step dated
  before a step above it ('Anbudet kunngjøres 3. mars' above 'Tilbudsfrist 24. februar').
milestone_after_end:
- a step of the project's work dated after the end of the project period it states; the final
  report, accounts, evaluation and their political treatment come after the end by nature and are
  not flagged (unless the step joins them with other work: 'Brukerundersøkelse og sluttevaluering').

Dates are compared as the spans they name: 'sept 2013' and '20.09.2013' are not out of order, 'juni
2018' ends on 30 June. Messages give the dates as written and as read.
"""
from __future__ import annotations

import datetime as dt
import re
from itertools import groupby

from schemas.rows import DocumentRow, Evidence, Flag, Milestone, Rule, Severity
from extractors.dates import DateMatch, find_dates, last_day
from extractors.lang.nb.dates import AFTER_END_OK

SEQUENCE_MIN_ROWS = 4  # fewer dated rows do not show that a table is meant as a sequence
LIST_MIN_ITEMS = 3  # a bulleted list of dated steps: three show an order
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
    """A timetable or a list of steps meant as a sequence, with a step dated before a step above it."""
    flags = []
    tabled = [m for m in milestones if m.in_table and m.table_index is not None]
    for _, group in groupby(tabled, key=lambda m: m.table_index):
        group = list(group)
        if len({m.row_index for m in group}) != len(group):
            continue  # start and end columns: the rows are tasks, not a sequence of steps
        flags += _inversions(doc, [m for m in group if _span(m)], SEQUENCE_MIN_ROWS, "Tidsplanen")
    for items in _lists(milestones):
        flags += _inversions(doc, items, LIST_MIN_ITEMS, "Listen over trinn", deadlines_open=True)
    return flags


def _lists(milestones: list[Milestone]) -> list[list[Milestone]]:
    """Dated steps read from consecutive items of one bulleted or numbered list (row_index is the
    item's block). An item with two dates makes the list no sequence of one step per item."""
    listed = sorted((m for m in milestones if not m.in_table and m.row_index is not None and _span(m)),
                    key=lambda m: (m.row_index, m.span_start or 0))
    runs: list[list[Milestone]] = []
    for m in listed:
        if runs and m.row_index == runs[-1][-1].row_index + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    return [r for r in runs if len({m.row_index for m in r}) == len(r)]


def _is_deadline(m: Milestone) -> bool:
    """Whether a step's date is a deadline ('innen 1. juli', 'senest 3. mars'), as its sentence says."""
    text = m.source_text or ""
    return any(x.qualifier == "before" and x.text == m.due_text for x in find_dates(text, m.due_date))


def _inversions(doc: DocumentRow, dated: list[Milestone], min_steps: int, what: str,
                deadlines_open: bool = False) -> list[Flag]:
    """Steps mostly in time order, with one (or a few) dated wholly before a step above it.
    deadlines_open: in a bulleted list a deadline ('sendes på høring innen 1. juli') only says 'by
    then', so an event below it dated earlier ('marked lørdag 22. juni') is no step out of order."""
    if len(dated) < min_steps:
        return []
    inverted = []
    for i in range(1, len(dated)):
        here = _span(dated[i])
        # the latest start above this row that it falls wholly before
        above = [m for m in dated[:i] if here[1] < _span(m)[0] and not (deadlines_open and _is_deadline(m))]
        if above:
            inverted.append((dated[i], max(above, key=lambda m: _span(m)[0])))
    if not inverted or len(inverted) > max(1, SEQUENCE_MAX_SHARE * (len(dated) - 1)):
        return []  # in order, or not sorted by time at all
    flags = []
    for row, above in inverted:
        msg = (f"{what} står ikke i tidsrekkefølge: «{above.description}» {_as_read(above)} står foran "
               f"«{row.description}» {_as_read(row)}, som er datert {(_span(above)[0] - _span(row)[0]).days} "
               f"dager tidligere.")
        flags.append(_flag(Rule.DATE_ORDER, doc, msg, [_evidence(doc, above), _evidence(doc, row)]))
    return flags


def _after_end_by_nature(description: str) -> bool:
    """Whether a step is final reporting, accounts, evaluation or their treatment. A short list of tasks
    ('Brukerundersøkelse og sluttevaluering') is so only where every task is: a survey is project work."""
    desc = description.lower()
    head, _, tail = desc.rpartition(": ")
    if head and len(tail.split()) == 1:
        desc = head  # 'Sluttrapport og prosjektregnskap: slutt': the column's name is not a task
    parts = [p for p in re.split(r",\s*|\s+og\s+|\s+samt\s+|\s*[&/+]\s*", desc) if p.strip()]
    ok = [any(w in p for w in AFTER_END_OK) for p in parts]
    if len(parts) > 1 and all(len(p.split()) <= 3 for p in parts):
        return all(ok)
    return any(ok)


# --- milestone_after_end -------------------------------------------------------------------------------
def _after_end(doc: DocumentRow, milestones: list[Milestone]) -> list[Flag]:
    end = doc.project_end
    if end is None:
        return []
    end_m = _read(doc.project_end_text)
    end_last = end_m.last_day if end_m and end_m.date and end_m.date.year == end.year else end
    end_written = doc.project_end_text or end.isoformat()
    late: dict[object, list[Milestone]] = {}  # one flag per step: a row's start and end columns together
    for m in milestones:
        span = _span(m)
        if span is None or span[0] <= end_last:
            continue
        if _after_end_by_nature(m.description):
            continue  # final reporting and its treatment follow the end by nature
        key = (m.table_index, m.row_index) if m.in_table and m.row_index is not None else id(m)
        late.setdefault(key, []).append(m)
    flags = []
    for group in late.values():
        first, last = group[0], group[-1]
        days = (_span(first)[0] - end_last).days
        name = _name(first) if len(group) > 1 else f"«{first.description}»"
        dated = _as_read(first) + (f" til {_as_read(last)}" if len(group) > 1 else "")
        msg = (f"Prosjektperioden slutter «{end_written}» (lest som {end_last.isoformat()}), men "
               f"{name} er datert {dated}, {days} {'dag' if days == 1 else 'dager'} etter slutt.")
        flags.append(_flag(Rule.MILESTONE_AFTER_END, doc, msg, [_evidence(doc, m) for m in group]))
    return flags
