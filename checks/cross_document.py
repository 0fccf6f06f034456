"""Documents about the same project that disagree on its facts: the period (when it ends), the total
budget, what one funding source gives (kommunens andel, a named funder's grant), the project leader
or owner.

Only documents that checks.linking put in one project are compared, every two distinct documents
once: a .docx and a .pdf of the same text are one document (their first file names the flag, the
same format on both sides where possible). A later document that reports progress (spent less,
held the meetings) is not a conflict; a fact that differs is: another end date, another total,
another leader, another amount from the same funder. One flag per disagreement per pair of
documents (per funding source), naming both and both values,
with the passages from both as evidence.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field

from extractors.horizon import end_interval, find_horizon
from checks.funding_sources import Source, funding_source
from checks.linking import link_documents, rows_by_doc
from checks.profiles import has_word, person_key, same_person, stem, words
from extractors.lang.nb.projects import (ACTUALS_WORDS, GRANTED_WORDS, HORIZON_CUES, LEADER_ROLES, NOT_LEADER_CUES, OWNER_ROLES,
                                         SHARE_SOURCES)
from schemas.rows import DocumentRow, Evidence, Flag, Rule, Severity

SHARE_NAMES = frozenset(SHARE_SOURCES.values())
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
    funding: list = field(default_factory=list)  # (Source, BudgetLine): what each funder gives
    leaders: dict = field(default_factory=dict)  # person key -> Role
    owners: dict = field(default_factory=dict)
    decisions: list = field(default_factory=list)


def _ev(row, text: str | None = None) -> Evidence:
    return Evidence(row.doc_id, row.page, (text or row.source_text or "")[:300], row.span_start, row.span_end)


def _squash(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _find_row_with(rows: dict[str, list], text: str):
    """The row whose passage holds `text` (spaces and case aside: a PDF breaks lines), preferring one
    that states a period ('Prosjektperiode: ...', 'løper fram til ...'), then a milestone dated by
    exactly those words; None where no row holds them."""
    want = _squash(text)
    if not want:
        return None
    hits = [r for lst in rows.values() for r in lst if want in _squash(getattr(r, "source_text", ""))]
    for r in hits:
        if has_word(getattr(r, "source_text", ""), HORIZON_CUES):
            return r
    if hits:
        return hits[0]
    return next((m for m in rows.get("milestones", []) if _squash(m.due_text) == want), None)


def _period_evidence(doc: DocumentRow, words_: str) -> Evidence:
    """The passage that states the period, where the document row keeps it (page and span), else
    the end as the document states it."""
    passage = getattr(doc, "project_end_passage", None)
    if passage:
        return Evidence(doc.doc_id, getattr(doc, "project_end_page", None), passage[:300],
                        getattr(doc, "project_end_span_start", None), getattr(doc, "project_end_span_end", None))
    return Evidence(doc.doc_id, None, f"prosjektperioden slutter {words_} (oppgitt i dokumentet)")


def _end(doc: DocumentRow, rows: dict[str, list]) -> Dated | None:
    if doc.project_end:
        first, last = end_interval(doc.project_end_text, doc.project_end)
        words_ = doc.project_end_text or doc.project_end.isoformat()
        row = _find_row_with(rows, doc.project_end_text or "")
        ev = _ev(row) if row else _period_evidence(doc, words_)
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
        if b.kind == "frame" and funding_source(b) is not None:
            continue  # 'Kommunens andel, inntil 1,2 mill.': one source's share, compared as such
        out.append(b)
    return out


def _funding(rows: dict[str, list], name_stems: set[str], doc_type: str | None) -> list:
    """The project's funding lines with the source each comes from (lines naming no source left out)."""
    lines = _case_lines(rows.get("budget_lines", []), rows.get("decisions", []), name_stems)
    out = []
    for b in lines:
        if doc_type == "report" and not has_word(f"{b.label} {b.section or ''}", GRANTED_WORDS):
            continue  # a report's funding figures are what came in: progress, not the plan's facts
        src = funding_source(b)
        if src is not None:
            out.append((src, b))
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
        f.funding = f.funding or _funding(rows, name_stems, d.doc_type)
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
        return f"{_label(f.doc)} har {_kr(line.amount_nok)} ({_where(f, line, 'budsjettet')}: «{line.label[:80]}»)"

    msg = (f"Prosjektets samlede budsjett er ulikt i to dokumenter om samme prosjekt: {said(a, ha)}, men "
           f"{said(b, hb)}; avvik {_kr(diff)}.")
    return _flag(a, b, msg, [_ev(ha), _ev(hb)])


def _amounts(lines: list) -> list:
    """The distinct amounts of some lines: amounts equal within their precision count once."""
    out: list = []
    for line in lines:
        if not _holds(out, line):
            out.append(line)
    return out


def _by_source(f: Facts) -> dict[tuple, tuple[Source, list, bool]]:
    """(source key, period) -> (the source, its lines, whether any line is only applied for)."""
    out: dict[tuple, tuple[Source, list, bool]] = {}
    for src, line in f.funding:
        k = (src.key, src.period)
        first, lines, applied = out.get(k, (src, [], False))
        out[k] = (first, lines + [line], applied or src.applied)
    return out


def _source_words(src: Source) -> str:
    return f"for {src.text}" if src.text in SHARE_NAMES else f"fra {src.text}"


def _funding_flags(a: Facts, b: Facts) -> list[Flag]:
    """One flag per funding source the two documents give different amounts: each document states one
    amount for it (a document that names two, e.g. a proposal and an amended decision, is left out),
    both for the same period, both granted or both applied for."""
    fa, fb = _by_source(a), _by_source(b)
    flags = []
    for k in sorted(fa.keys() & fb.keys(), key=lambda k: (sorted(k[0]), str(k[1]))):
        (sa, la, appl_a), (sb, lb, appl_b) = fa[k], fb[k]
        if appl_a != appl_b:
            continue  # applied for in one, granted in the other: two stages, not a conflict
        da, db = _amounts(la), _amounts(lb)
        if len(da) != 1 or len(db) != 1 or _holds(da, db[0]):
            continue
        xa, xb = da[0], db[0]
        diff = abs(xa.amount_nok - xb.amount_nok)
        period = "" if not sa.period else (" pr. år" if sa.period == "per_year" else f" for {sa.period}")
        msg = (f"Beløpet {_source_words(sa)}{period} er ulikt i to dokumenter om samme prosjekt: "
               f"{_label(a.doc)} har {_kr(xa.amount_nok)} ({_said(a, xa)}), men {_label(b.doc)} har "
               f"{_kr(xb.amount_nok)} ({_said(b, xb)}); avvik {_kr(diff)}." + _sum_note(a, b, xa, xb))
        ev = [_ev(l) for l in _passages(la)] + [_ev(l) for l in _passages(lb)]
        flags.append(_flag(a, b, msg, ev))
    return flags


def _passages(lines: list) -> list:
    """A side's evidence: each distinct passage once, at most two (a decision and a budget table)."""
    out, seen = [], set()
    for l in lines:
        key = (l.source_text or "").strip()
        if key not in seen:
            seen.add(key)
            out.append(l)
    return out[:2]


def _where(f: Facts, line, default: str) -> str:
    """'vedtaket i sak 18/24' or 'innstillingen i sak 045/23' where the line stands in a decision."""
    dec = _decision_of(f, line)
    if dec is None or not dec.case_number:
        return default
    return f"{'innstillingen' if dec.kind == 'proposal' else 'vedtaket'} i sak {dec.case_number}"


def _said(f: Facts, line) -> str:
    return f"{_where(f, line, 'finansieringen')}: «{(line.source_text or line.label).strip()[:100]}»"


def _sources_sum(f: Facts) -> list[int] | None:
    """The amounts of every source a document names, one each, or None where that is not clear."""
    parts = []
    for s, lines, applied in _by_source(f).values():
        d = _amounts(lines)
        if len(d) != 1 or applied or s.period:
            return None
        parts.append((max(l.span_start or 0 for l in lines), d[0].amount_nok))
    return [a for _, a in sorted(parts)] if len(parts) >= 2 else None  # in the order of the last list


def _sum_note(a: Facts, b: Facts, xa, xb) -> str:
    """Where one document's sources add up to its frame and the other's amount would not, say so:
    the analyst sees which of the two figures the budget holds."""
    for f, own, other, other_f in ((a, xa, xb, b), (b, xb, xa, a)):
        head, parts = _headline(f.totals), _sources_sum(f)
        if head is None or parts is None or abs(sum(parts) - head.amount_nok) > max(1, head.precision_nok):
            continue
        swapped = sum(parts) - own.amount_nok + other.amount_nok
        terms = " + ".join(f"{p:,}".replace(",", " ") for p in parts)
        return (f" I {_label(f.doc)} går finansieringen opp i rammen ({terms} = {_kr(sum(parts))}); med "
                f"beløpet i {_label(other_f.doc)} blir summen {_kr(swapped)}.")
    return ""


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
    return [f for f in found if f is not None] + _funding_flags(a, b)


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
        cache: dict[str, object] = {}  # a document's facts, read once however many pairs it is in

        def facts(d):
            key = tuple(r.doc_id for r in d) if isinstance(d, (list, tuple)) else d.doc_id
            if key not in cache:
                cache[key] = facts_of(d, per_doc, name_stems)
            return cache[key]

        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                x, y = _same_format(members[i], members[j])
                flags.extend(compare(facts(x), facts(y)))
    return flags
