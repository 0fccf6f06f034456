"""Documents about the same project that disagree on its facts: the period (when it ends), the total
budget, the project leader or owner.

Only documents that checks.linking put in one project are compared, every two distinct documents
once: a .docx and a .pdf of the same text are one document (their first file names the flag, the
same format on both sides where possible). A later document that reports progress (spent less,
held the meetings) is not a conflict; a fact that differs is: another end date, another total,
another leader. One flag per disagreement per pair of documents, naming both and both values,
with the passages from both as evidence.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field

from extractors.horizon import end_interval, find_horizon
from checks.linking import link_documents, rows_by_doc
from checks.profiles import has_word, person_key, same_person, stem, words
from extractors.lang.nb.projects import ACTUALS_WORDS, LEADER_ROLES, NOT_LEADER_CUES, OWNER_ROLES
from schemas.rows import DocumentRow, Evidence, Flag, Rule, Severity

GAP_DAYS = 31  # ends closer than a month apart agree ('mai 2018' and 'juni 2018')
MONTHS_NB = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
             "november", "desember")


@dataclass
class Dated:
    """A start or an end: the first and last day of what the words name, and where they stand."""

    first: dt.date
    last: dt.date
    text: str
    evidence: Evidence


@dataclass
class Facts:
    """What one document (one or two files) says about the project."""

    doc: DocumentRow
    start: Dated | None = None
    end: Dated | None = None
    totals: list = field(default_factory=list)  # BudgetLine candidates for the project's whole budget
    leaders: dict = field(default_factory=dict)  # person key -> Role
    owners: dict = field(default_factory=dict)
    decisions: list = field(default_factory=list)


def _ev(row, text: str | None = None) -> Evidence:
    return Evidence(row.doc_id, row.page, (text or row.source_text or "")[:300], row.span_start, row.span_end)


def _find_row_with(rows: dict[str, list], text: str):
    for lst in rows.values():
        for r in lst:
            if text and text in (getattr(r, "source_text", "") or ""):
                return r
    return None


def _end(doc: DocumentRow, rows: dict[str, list]) -> Dated | None:
    if doc.project_end:
        first, last = end_interval(doc.project_end_text, doc.project_end)
        words_ = doc.project_end_text or doc.project_end.isoformat()
        row = _find_row_with(rows, doc.project_end_text or "")
        ev = _ev(row) if row else Evidence(doc.doc_id, None, f"oppgitt slutt: {words_}")
        return Dated(first, last, words_, ev)
    # no stated period: a sentence in the rows that says how long the project or its money lasts
    for lst in rows.values():
        for r in lst:
            h = find_horizon(getattr(r, "source_text", "") or "")
            if h:
                return Dated(h.first, h.last, h.date_text, _ev(r, h.passage))
    return None


def _people(rows: dict[str, list], vocab) -> dict:
    out = {}
    for r in rows.get("roles", []):
        if has_word(r.role, vocab) and not has_word(r.role, NOT_LEADER_CUES):
            out.setdefault(person_key(r.person), r)
    return out


def _case_lines(lines: list, decisions: list, name_stems: set[str]) -> list:
    """In minutes with several cases, only the budget lines of the project's own case count."""
    if len({d.case_number for d in decisions if d.case_number}) < 2 or not name_stems:
        return lines
    own = [b for b in lines if name_stems <= {stem(w) for w in words(f"{b.section or ''} {b.label}")}]
    return own or lines


def _totals(rows: dict[str, list], name_stems: set[str]) -> list:
    """Budget lines that may state the project's whole budget: totals and frames for the whole
    period, not a year's subtotal, not accounts (what was spent)."""
    lines = _case_lines(rows.get("budget_lines", []), rows.get("decisions", []), name_stems)
    out = []
    for b in lines:
        if b.kind not in ("total", "frame"):
            continue
        if b.period and (b.period == "per_year" or re.fullmatch(r"\d{4}", str(b.period))):
            continue
        if has_word(f"{b.label} {b.section or ''}", ACTUALS_WORDS):
            continue
        out.append(b)
    return out


def facts_of(files: list[DocumentRow], per_doc: dict[str, dict[str, list]], name_stems: set[str]) -> Facts:
    """The document's facts from its first file, gaps filled from its twin."""
    f = Facts(files[0])
    for d in files:
        rows = per_doc.get(d.doc_id, {})
        f.start = f.start or (Dated(d.project_start, d.project_start, d.project_start.isoformat(),
                                    Evidence(d.doc_id, None, "prosjektstart")) if d.project_start else None)
        f.end = f.end or _end(d, rows)
        f.totals = f.totals or _totals(rows, name_stems)
        f.leaders = f.leaders or _people(rows, LEADER_ROLES)
        f.owners = f.owners or _people(rows, OWNER_ROLES)
        f.decisions = f.decisions or rows.get("decisions", [])
    return f


# --- wording --------------------------------------------------------------------------------------

def _label(d: DocumentRow) -> str:
    title = (d.title or "").strip()
    if len(title) > 70:
        title = title[:67].rstrip() + "…"
    name = os.path.basename(d.path)
    return f"«{title}» ({name})" if title else name


def _kr(n: int) -> str:
    return "kr " + f"{int(n):,}".replace(",", " ")


def _date_words(d: Dated) -> str:
    if d.text and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.text):
        return d.text
    return f"{d.first.day}. {MONTHS_NB[d.first.month - 1]} {d.first.year}"


def _gap(a: Dated, b: Dated) -> int:
    return max(0, (b.first - a.last).days, (a.first - b.last).days)


def _months_between(a: Dated, b: Dated) -> int:
    return round(abs((b.last - a.last).days) / 30.4)


# --- the disagreements ----------------------------------------------------------------------------

def _period(a: Facts, b: Facts) -> Flag | None:
    if a.end and b.end and _gap(a.end, b.end) > GAP_DAYS:
        later = "senere" if b.end.last > a.end.last else "tidligere"
        months = _months_between(a.end, b.end)
        msg = (f"Prosjektets slutt er ulik i to dokumenter om samme prosjekt: {_label(a.doc)} har slutt "
               f"{_date_words(a.end)}, men {_label(b.doc)} har {_date_words(b.end)}"
               + (f" (om lag {months} måneder {later})." if months else "."))
        return _flag(a, b, msg, [a.end.evidence, b.end.evidence])
    if a.start and b.start and _gap(a.start, b.start) > GAP_DAYS:
        msg = (f"Prosjektets oppstart er ulik i to dokumenter om samme prosjekt: {_label(a.doc)} har start "
               f"{_date_words(a.start)}, men {_label(b.doc)} har {_date_words(b.start)}.")
        return _flag(a, b, msg, [a.start.evidence, b.start.evidence])
    return None


def _headline(totals: list):
    """The project's whole budget as the document states it: the largest total, the most exact one."""
    return max(totals, key=lambda x: (x.amount_nok, -x.precision_nok)) if totals else None


def _holds(totals: list, line) -> bool:
    return any(abs(t.amount_nok - line.amount_nok) <= max(1, min(t.precision_nok, line.precision_nok)) for t in totals)


def _decision_of(f: Facts, line):
    """The decision a budget line was read from, if it stands inside one."""
    for d in f.decisions:
        if d.span_start is not None and line.span_start is not None and d.span_start <= line.span_start < (d.span_end or 0):
            return d
    return None


def _budget(a: Facts, b: Facts) -> Flag | None:
    ha, hb = _headline(a.totals), _headline(b.totals)
    if ha is None or hb is None or _holds(b.totals, ha) or _holds(a.totals, hb):
        return None
    diff = abs(ha.amount_nok - hb.amount_nok)

    def said(f: Facts, line) -> str:
        dec = _decision_of(f, line)
        where = f"vedtaket i sak {dec.case_number}" if dec is not None and dec.case_number else "budsjettet"
        return f"{_label(f.doc)} har {_kr(line.amount_nok)} ({where}: «{line.label[:80]}»)"

    msg = (f"Prosjektets samlede budsjett er ulikt i to dokumenter om samme prosjekt: {said(a, ha)}, men "
           f"{said(b, hb)}; avvik {_kr(diff)}.")
    return _flag(a, b, msg, [_ev(ha), _ev(hb)])


def _persons(a: Facts, b: Facts, attr: str, title: str) -> Flag | None:
    pa, pb = getattr(a, attr), getattr(b, attr)
    if not pa or not pb or any(same_person(x, y) for x in pa for y in pb):
        return None
    ra, rb = next(iter(pa.values())), next(iter(pb.values()))
    names_a = ", ".join(r.person for r in pa.values())
    names_b = ", ".join(r.person for r in pb.values())
    msg = (f"Ulik {title} i to dokumenter om samme prosjekt: {_label(a.doc)} oppgir {names_a}, men "
           f"{_label(b.doc)} oppgir {names_b}.")
    return _flag(a, b, msg, [_ev(ra), _ev(rb)])


def _flag(a: Facts, b: Facts, message: str, evidence: list[Evidence]) -> Flag:
    return Flag(Rule.CROSS_DOCUMENT.value, Severity.WARNING.value, a.doc.doc_id, message, evidence,
                related_doc_id=b.doc.doc_id)


def compare(a: Facts, b: Facts) -> list[Flag]:
    """Every disagreement between two documents about the same project, one flag each."""
    found = [_period(a, b), _budget(a, b), _persons(a, b, "leaders", "prosjektleder"),
             _persons(a, b, "owners", "prosjekteier")]
    return [f for f in found if f is not None]


# --- pairs ----------------------------------------------------------------------------------------

def _documents(docs: list[DocumentRow], links: list) -> dict[str, list[list[DocumentRow]]]:
    """project id -> its documents, each a list of files (the first names flags, twins after)."""
    by_id = {d.doc_id: d for d in docs}
    twins: dict[str, list[DocumentRow]] = defaultdict(list)
    out: dict[str, list[list[DocumentRow]]] = defaultdict(list)
    for l in links:
        if l.twin_of and l.doc_id in by_id:
            twins[l.twin_of].append(by_id[l.doc_id])
    for l in links:
        if not l.twin_of and l.doc_id in by_id:
            out[l.project_id].append([by_id[l.doc_id]] + twins.get(l.doc_id, []))
    return out


def _same_format(x: list[DocumentRow], y: list[DocumentRow]) -> tuple[list[DocumentRow], list[DocumentRow]]:
    """Put first the files of one format both documents have (docx before pdf)."""
    for fmt in ("docx", "pdf"):
        fx = [d for d in x if d.format == fmt]
        fy = [d for d in y if d.format == fmt]
        if fx and fy:
            return fx + [d for d in x if d not in fx], fy + [d for d in y if d not in fy]
    return x, y


def _order(d: DocumentRow) -> tuple:
    return (d.doc_date or dt.date.max, d.path)


def check_cross_document(docs: list[DocumentRow], rows: dict[str, list]) -> list[Flag]:
    """Flags where documents linked to one project disagree (rows['projects'] and
    rows['document_projects'] hold the links; made here when absent)."""
    projects, links = rows.get("projects"), rows.get("document_projects")
    if links is None:
        projects, links = link_documents(docs, rows)
    names = {p.project_id: p.name for p in projects or []}
    per_doc = rows_by_doc(rows)
    flags: list[Flag] = []
    for pid, members in _documents(docs, links).items():
        if len(members) < 2:
            continue
        name_stems = {stem(w) for w in words(names.get(pid, ""))}
        members = sorted(members, key=lambda files: _order(files[0]))
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                x, y = _same_format(members[i], members[j])
                flags.extend(compare(facts_of(x, per_doc, name_stems), facts_of(y, per_doc, name_stems)))
    return flags
