"""Milestones: the dated steps and events of a project, past or future, from three places:

1. timetables: tables whose header names a date column (når, tid, dato, frist ...) beside a
   step column (milepæl, aktivitet, hovedaktivitet ...), or a table under a timetable heading with a
   column of dates; one milestone per row, status from a status or remark column;
2. lists announced as milestones ('... følgende milepæler:'): one milestone per item, dated by the
   item or by the text under it, undated where neither gives a date;
3. dated sentences elsewhere that name a step or an event ('Sluttrapport leveres innen 1. juni
   2018', 'kick-off i september 2017', 'prosjektgruppemøte 30. november 2021').

Not milestones: the document's own date, the meeting that minutes or a case paper record,
decisions and background history ('Fylkesutvalget vedtok 12.03.13'), durations and funding
horizons ('løper fram til juni 2018', 'i perioden 2008-2011'), dates inside quoted names.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from schemas.document import Block, BlockKind, Cell, Document
from schemas.rows import Milestone
from extractors.dates import DateMatch, find_dates
from extractors.doc_dates import heading_is, is_listed, locate_doc_date, section_heads
from extractors.facts import find_doc_type, find_title
from extractors.lang.nb.dates import (
    ATTACHMENT_HEADINGS, BOUNDING_WORDS, DATE_HEADERS, DECISION_VERBS, DESC_HEADERS, DURATION_CUES,
    EVENT_CUES, FUTURE_CUES, MEETING_GENRES, MONTHS, NEXT_STEPS_HEADINGS, OWNER_HEADERS, PLAN_CUES,
    REFERENCE_CUES, SCHEDULE_FIELDS, GOAL_LABELS, RELATED_WORK_CUES, STATUS_HEADERS, TIMETABLE_CUES,
)

COARSE = ("year", "season", "half", "quarter")
# A news item speaks of its own present: a date without a year ('helgen 16.–17. november') is in the
# year of publication, not in the year of the history told above it ('vedtok 15. juni 2023').
NEWS_GENRES = ("article",)
MAX_DESCRIPTION = 240
DURATION_REACH = 60  # a duration word this close before a date makes it a duration, not a step


def extract_milestones(doc: Document) -> list[Milestone]:
    """Every milestone of the document, in reading order of the three sources above."""
    own = locate_doc_date(doc)
    own_span = (own.start, own.end) if own and own.start is not None else None
    doc_date = own.date if own else None
    genre = find_doc_type(doc, find_title(doc))
    used: set[int] = set()  # block indexes read as timetables or milestone lists
    rows: list[Milestone] = []
    rows += _from_timetables(doc, doc_date, used)
    rows += _from_lists(doc, doc_date, used)
    rows += _from_fields(doc, doc_date, used)
    rows += _from_prose(doc, doc_date, own_span, genre in MEETING_GENRES, used, news=genre in NEWS_GENRES)
    return rows


# --- helpers ----------------------------------------------------------------------------------------
def _has(text: str, words) -> bool:
    low = text.lower()
    return any(re.search(r"(?<![\w])" + re.escape(w) + r"(?![\w])", low) for w in words)


def _has_prefix(text: str, words) -> bool:
    """A word of `text` begins with one of `words` ('prosjektgruppemøte' has 'møte' inside: see EVENT_CUES)."""
    low = text.lower()
    return any(re.search(r"(?<![\w])" + re.escape(w), low) or (w.isalpha() and len(w) >= 5 and w in low)
               for w in words)


_BULLETS = "•◦▪▫‣●○■□·∙*"


def _clean(text: str) -> str:
    """One line of words, without the bullet glyph a PDF list item keeps ('• Tilbudsfrist ...')."""
    return " ".join(text.replace("\t", " ").split()).strip(" –-:;" + _BULLETS)


def _norm_header(text: str) -> str:
    return re.sub(r"[^\wæøå/ ?]", "", text.lower().replace("- ", "-").replace("-", "")).strip()


def _header_kind(text: str) -> str | None:
    h = _norm_header(text)
    words = set(re.split(r"[ /]", h))
    if not h:
        return None
    if h in DESC_HEADERS or words & set(DESC_HEADERS):
        return "desc"
    if h in DATE_HEADERS or words & set(DATE_HEADERS):
        return "date"
    if h in STATUS_HEADERS or words & set(STATUS_HEADERS):
        return "status"
    if h in OWNER_HEADERS or h.replace(" ", "") in OWNER_HEADERS or "pakke" in h:
        return "owner"
    return None


def _cell_by_col(row: tuple[Cell, ...], col: int) -> Cell | None:
    for c in row:
        if c.col <= col < c.col + c.span:
            return c
    return None


def _heading_before(doc: Document, index: int, reach: int = 3) -> str:
    """The heading or lead-in just above block `index`."""
    out = []
    for b in reversed(doc.blocks[max(0, index - reach):index]):
        if b.kind is BlockKind.TABLE:
            break
        out.append(b.text)
        if b.kind is BlockKind.HEADING:
            break
    return " ".join(out)


# --- 1. timetables ----------------------------------------------------------------------------------
@dataclass
class _Columns:
    date: int
    desc: int
    status: int | None
    header_rows: int
    more_dates: tuple[tuple[int, str], ...] = ()  # further date columns ('Avslutning') and their headers
    date_header: str = ""


def _date_share(rows, col: int, context: dt.date | None) -> float:
    cells = [_cell_by_col(r, col) for r in rows]
    texts = [c.text for c in cells if c and c.text.strip()]
    if not texts:
        return 0.0
    dated = sum(1 for t in texts if any(m.date or not m.year_given for m in find_dates(t, context, cell=True))
                and len(t) <= 40)
    return dated / len(texts)


def _timetable_columns(doc: Document, index: int, block: Block, doc_date: dt.date | None) -> _Columns | None:
    """Which columns hold the date, the step and the status, where the table is a timetable."""
    if not block.rows or len(block.rows) < 2:
        return None
    head = block.rows[0]
    kinds = {c.col: _header_kind(c.text) for c in head}
    has_header = block.header_rows > 0 or sum(1 for k in kinds.values() if k) >= 2
    cue = _has_prefix(_heading_before(doc, index), TIMETABLE_CUES)
    data = block.rows[1:] if has_header else block.rows
    ncols = max(c.col + c.span for r in block.rows for c in r)
    date_col = next((c for c, k in kinds.items() if k == "date"), None) if has_header else None
    desc_col = next((c for c, k in kinds.items() if k == "desc"), None) if has_header else None
    status_col = next((c for c, k in kinds.items() if k == "status"), None) if has_header else None
    if date_col is None:
        if not (cue or desc_col is not None):
            return None
        shares = [(_date_share(data, c, doc_date), c) for c in range(ncols) if c != desc_col]
        if not shares:
            return None
        best, date_col = max(shares)
        if best < 0.6:
            return None
    elif _date_share(data, date_col, doc_date) < 0.5:
        return None
    more = tuple((c.col, _clean(c.text)) for c in head if has_header and c.col != date_col
                 and kinds.get(c.col) == "date" and _date_share(data, c.col, doc_date) >= 0.5)
    date_header = next((_clean(c.text) for c in head if c.col == date_col), "") if has_header else ""
    if desc_col is None:
        if not cue:
            return None
        lengths = {}
        for r in data:
            for c in r:
                if c.col != date_col and kinds.get(c.col) not in ("status", "owner"):
                    lengths[c.col] = lengths.get(c.col, 0) + len(c.text)
        if not lengths:
            return None
        desc_col = max(lengths, key=lengths.get)
    return _Columns(date_col, desc_col, status_col, 1 if has_header else 0, more, date_header)


def _step_words(date_text: str, m: DateMatch | None) -> str:
    """Words in a date cell that name the step ('Oppstart' of 'Oppstart 01.10.13'); bounding words
    ('Før', 'Fra') and the date itself are left out."""
    rest = date_text if m is None else date_text[:m.start] + " " + date_text[m.end:]
    words = [w for w in re.split(r"\s+", rest.strip(" -–:")) if w]
    words = [w for w in words if w.lower().strip(".,:") not in BOUNDING_WORDS and re.search(r"[A-Za-zæøåÆØÅ]{3}", w)]
    return " ".join(words)


def _from_timetables(doc: Document, doc_date: dt.date | None, used: set[int]) -> list[Milestone]:
    out: list[Milestone] = []
    prev: tuple[int, _Columns, int] | None = None  # the last timetable: block index, columns, width
    for index, block in enumerate(doc.blocks):
        if block.kind is not BlockKind.TABLE:
            continue
        cols = _timetable_columns(doc, index, block, doc_date)
        width = max(c.col + c.span for r in block.rows for c in r)
        if cols is None and prev and prev[0] == index - 1 and prev[2] == width:
            p = prev[1]  # the table goes on over a page, without its header
            cols = _Columns(p.date, p.desc, p.status, 0, p.more_dates, p.date_header)
        if cols is None:
            continue
        prev = (index, cols, width)
        used.add(index)
        ctx = doc_date
        date_cols = [(cols.date, cols.date_header)] + list(cols.more_dates)
        for ri, row in enumerate(block.rows[cols.header_rows:], start=cols.header_rows):
            desc_cell = _cell_by_col(row, cols.desc)
            status_cell = _cell_by_col(row, cols.status) if cols.status is not None else None
            base = _clean(desc_cell.text) if desc_cell else ""
            status = _clean(status_cell.text) if status_cell else ""
            row_ctx = ctx
            # an empty or '-' date cell gives no row for its column where another column dates the row
            row_dated = any(_has_date(_cell_by_col(row, col), desc_cell, row_ctx) for col, _ in date_cols)
            for k, (col, header) in enumerate(date_cols):
                date_cell = _cell_by_col(row, col)
                date_text = date_cell.text.strip() if date_cell and date_cell is not desc_cell else ""
                m = next((x for x in find_dates(date_text, row_ctx, roll_forward=True, cell=True) if x.date), None)
                due_text = date_text or None
                if m is None and base and k == 0:
                    m = next((x for x in find_dates(base, row_ctx, roll_forward=True) if x.date), None)
                    due_text = m.text if m else None
                if m is None and (k > 0 or row_dated):
                    continue  # an empty end column: the start stands alone; an empty start: the end
                desc = base
                step = _step_words(date_text, m) if date_text else ""
                if step and step.lower() not in desc.lower():
                    desc = f"{step}: {desc}" if desc else step
                if len(date_cols) > 1 and header:
                    desc = f"{desc}: {header.lower()}"  # 'Gründerkurs: oppstart', 'Gründerkurs: avslutning'
                if not base and not step:
                    continue
                if m and m.date:
                    row_ctx = m.date
                    if k == 0:
                        ctx = m.date
                cells = [c for c in row if c.text]
                out.append(Milestone(
                    doc_id=doc.doc_id, description=desc[:MAX_DESCRIPTION], due_date=m.date if m else None,
                    due_text=due_text, status=status if status and status not in ("-", "–") else None,
                    page=(date_cell or desc_cell).page, source_text=" | ".join(c.text for c in row),
                    span_start=min(c.start for c in cells), span_end=max(c.end for c in cells),
                    precision=m.precision if m else None, in_table=True,
                    table_index=_table_number(doc, index), row_index=ri))
    return out


def _has_date(cell: Cell | None, desc_cell: Cell | None, context: dt.date | None) -> bool:
    if cell is None or cell is desc_cell or not cell.text.strip():
        return False
    return any(x.date for x in find_dates(cell.text, context, roll_forward=True, cell=True))


def _table_number(doc: Document, index: int) -> int:
    return sum(1 for b in doc.blocks[:index] if b.kind is BlockKind.TABLE)


# --- 2. lists announced as milestones ---------------------------------------------------------------
def _is_lead_in(block: Block) -> bool:
    text = block.text.strip()
    if not _has_prefix(text, TIMETABLE_CUES):
        return False
    if block.kind is BlockKind.HEADING:
        return len(text.split()) <= 4
    return text.endswith(":") and len(text.split()) <= 25


def _is_title_item(block: Block) -> bool:
    """A list item that names a step ('Regionalt seminar'), not a sentence under one."""
    text = _clean(block.text)  # without a PDF's bullet glyph, which would count as a word
    starts_with_date = any(m.start == 0 for m in find_dates(text[:25]))
    return len(text.split()) <= 10 and not starts_with_date


def _from_lists(doc: Document, doc_date: dt.date | None, used: set[int]) -> list[Milestone]:
    out: list[Milestone] = []
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        if not _is_lead_in(blocks[i]) or blocks[i].kind is BlockKind.TABLE:
            i += 1
            continue
        ctx = _context_before(doc, i, doc_date)
        j = i + 1
        groups: list[tuple[int, list[int]]] = []  # title item, the blocks under it
        while j < len(blocks) and blocks[j].kind is not BlockKind.HEADING and blocks[j].kind is not BlockKind.TABLE:
            b = blocks[j]
            if b.kind is BlockKind.LIST_ITEM and _is_title_item(b):
                groups.append((j, []))
            elif groups:
                groups[-1][1].append(j)
            elif b.kind is not BlockKind.LIST_ITEM:
                break  # the lead-in is not followed by a list
            j += 1
        if len(groups) < 2:
            i += 1
            continue
        for title_i, body in groups:
            title = blocks[title_i]
            used.add(title_i)
            m, src = None, title
            for k in [title_i] + body:
                found = [x for x in find_dates(blocks[k].text, ctx, roll_forward=True) if x.date]
                if found:
                    m, src = found[0], blocks[k]
                    used.add(k)
                    break
            desc = _clean(title.text)
            if src is title and m:
                # 'Oppstartsseminar for alle ledere: 4. februar 2025': the step is the words beside its date
                rest = _clean(title.text[:m.start] + " " + title.text[m.end:])
                desc = rest if re.search(r"[A-Za-zæøåÆØÅ]{3}", rest) else desc
            if src is not title:
                desc = f"{desc}: {_clean(_sentence_with(src.text, m))}"
            if m:
                ctx = m.date
            out.append(Milestone(
                doc_id=doc.doc_id, description=desc[:MAX_DESCRIPTION], due_date=m.date if m else None,
                due_text=m.text if m else None, status=None, page=src.page,
                source_text=src.text if src is title else f"{title.text} {src.text}",
                span_start=(src.start + m.start) if m else title.start,
                span_end=(src.start + m.end) if m else title.end, precision=m.precision if m else None,
                row_index=title_i))
        i = j
    return out


def _sentence_with(text: str, m: DateMatch | None) -> str:
    if m is None:
        return text
    for s, e in _sentences(text):
        if s <= m.start < e:
            return text[s:e]
    return text


def _context_before(doc: Document, index: int, doc_date: dt.date | None) -> dt.date | None:
    """The last date with a written year before block `index` (else the document's date): the year
    a date without one continues from."""
    ctx = doc_date
    for b in doc.blocks[:index]:
        if b.kind is BlockKind.TABLE:
            continue
        for m in find_dates(b.text, ctx, roll_forward=True):
            if m.date and m.year_given and m.precision not in COARSE:
                ctx = m.date
    return ctx


# --- 2b. dated fields under an action ---------------------------------------------------------------
FIELD_REACH = 4  # a field this many blocks below its action's heading belongs to that action
_FIELD = re.compile(r"\s*([A-Za-zÆØÅæøå ]{2,30}?)\s*:\s*(\S.*)$", re.S)


def _field_value(text: str) -> tuple[str, str] | None:
    """('Tidsramme', 'Fra januar 2025') of a short line 'Tidsramme: Fra januar 2025', where the label
    is one of SCHEDULE_FIELDS."""
    text = _clean(text)
    m = _FIELD.match(text)
    if not m or len(text) > 80 or m.group(1).strip().lower() not in SCHEDULE_FIELDS:
        return None
    return m.group(1).strip(), m.group(2).strip()


def _from_fields(doc: Document, doc_date: dt.date | None, used: set[int]) -> list[Milestone]:
    """An action plan's actions, each a heading with a few field lines under it ('Ansvar: ...',
    'Tidsramme: 2024-2025'): the time field is the action's milestone, due at the start of what it
    names (a period's first year, a deadline's day). The description is the action's heading."""
    out: list[Milestone] = []
    head_i: int | None = None
    for index, block in enumerate(doc.blocks):
        if block.kind is BlockKind.HEADING:
            head_i = index
            continue
        if index in used or block.kind is BlockKind.TABLE or head_i is None or index - head_i > FIELD_REACH:
            continue
        field = _field_value(block.text)
        if field is None:
            continue
        ctx = _context_before(doc, index, doc_date)
        m = next((x for x in find_dates(field[1], ctx, cell=True) if x.date), None)
        if m is None or m.qualifier in ("since", "until"):
            continue
        used.add(index)
        start = block.start + block.text.find(field[1]) + m.start if field[1] in block.text else block.start
        head = _clean(doc.blocks[head_i].text)
        out.append(Milestone(
            doc_id=doc.doc_id, description=f"{head} ({field[0]}: {field[1]})"[:MAX_DESCRIPTION],
            due_date=m.date, due_text=m.text, status=None, page=block.page,
            source_text=f"{head} | {_clean(block.text)}", span_start=start, span_end=start + len(m.text),
            precision=m.precision))
    return out


# --- 3. dated sentences -----------------------------------------------------------------------------
_SENT_END = re.compile(r"(?<=[.!?])[\"»”]?\s+(?=[«\"–\-A-ZÆØÅ0-9])")
_ABBREV_END = re.compile(r"(?:\b(?:kr|ca|bl\.a|f\.eks|nr|jf|dvs|mv|osv|evt|inkl|ekskl|adm|dir|pr|tlf|kl|st|mill|mrd)|\b\d{1,2})\.$", re.I)
# Abbreviations that also end a sentence when a capital follows ('kr 4,2 mill. Torget skulle ...'); an
# ordinal before a capital that is not a month ('i uke 40. Anleggsarbeidet ...') ends one too.
_END_ABBREV = re.compile(r"(?:\b(?:mill|mrd|mv|osv)|\b\d{1,2})\.$", re.I)
_NEXT_WORD = re.compile(r"[A-ZÆØÅ][a-zæøå]*")


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; abbreviations ('kr.', 'bl.a.') and ordinals do not end one."""
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        piece = text[start:m.start()]
        if _ABBREV_END.search(piece) and not _ends_anyway(piece, text[m.end():]):
            continue
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _ends_anyway(piece: str, rest: str) -> bool:
    """'4,2 mill.' or 'uke 40.' before a capitalised word that is not a month: the sentence ends."""
    if not _END_ABBREV.search(piece):
        return False
    nxt = _NEXT_WORD.match(rest)
    return bool(nxt) and nxt.group(0).lower() not in MONTHS and nxt.group(0).lower() not in _DATE_PARTS


_DATE_PARTS = ("kvartal", "kv", "halvår", "halvåret", "tertial")  # '2. Kvartal 2025' goes on


_CLAUSE_SEPS = (re.compile(r"\s*;\s*"), re.compile(r",\s+(?=(?:og|men|mens|samt|så|før|etter at)\s)"),
                re.compile(r",\s+"), re.compile(r"\s+(?=og\s)"))


def _clause(sentence: str, dates: list[DateMatch], i: int) -> str:
    """The clause around the i-th date of a sentence with several dates ('Anleggsarbeidet skal starte i
    april 2024, og flytebrygga skal være i bruk fra 1. oktober 2024'): each date its own words."""
    if len(dates) < 2:
        return sentence
    lo = dates[i - 1].end if i > 0 else None
    hi = dates[i + 1].start if i + 1 < len(dates) else None
    start, end = 0, len(sentence)
    for rx in _CLAUSE_SEPS:  # the strongest separator found in the gap between two dates
        if lo is not None and start == 0:
            cuts = list(rx.finditer(sentence, lo, dates[i].start))
            if cuts:
                start = cuts[-1].end()
        if hi is not None and end == len(sentence):
            cut = rx.search(sentence, dates[i].end, hi)
            if cut:
                end = cut.start()
    clause = sentence[start:end]
    lead = re.match(r"(?:og|men|mens|samt|så)\s+", clause)
    if lead:
        clause, start = clause[lead.end():], start + lead.end()
    rest = (clause[:dates[i].start - start] + clause[dates[i].end - start:]).split()
    return clause if len(rest) >= 2 else sentence


def _quoted(sentence: str, pos: int) -> bool:
    before = sentence[:pos]
    return before.count("«") > before.count("»") or before.count("“") > before.count("”")


def _is_step(sentence: str, m: DateMatch) -> bool:
    """Whether a dated sentence names a step or an event of the project."""
    if _has(sentence, DECISION_VERBS):
        return False
    if m.qualifier in ("since", "until") or _quoted(sentence, m.start):
        return False
    if m.end_date is not None and m.precision != "day":
        return False  # a period ('2017-2018', 'i perioden 2008-2011'): a duration, not a step
    before = sentence[max(0, m.start - DURATION_REACH):m.start].lower()
    if any(re.search(r"(?<![\w])" + re.escape(w) + r"(?![\w])", before) for w in DURATION_CUES):
        return False
    if _has(sentence[max(0, m.start - 20):m.start], REFERENCE_CUES):
        return False  # 'mandatet datert 10.02.2025', 'søknad av 15.02.2025' name a document, not a step
    if not (_has_prefix(sentence, EVENT_CUES) or _has(sentence, PLAN_CUES)):
        return False
    if _related_work(sentence[:m.start]):
        return False
    label = re.match(r"\s*([^:]{2,25}):", sentence)
    if label and label.group(1).strip().lower() in GOAL_LABELS:
        return False  # 'Hovedmål: ... skal innen utgangen av 2026 være ...': a goal, not a step
    if m.precision in COARSE and not (_has(sentence, FUTURE_CUES) or _has(sentence, PLAN_CUES)
                                      or m.qualifier == "before" or _has(sentence, _PASSIVE_STEPS)
                                      or (m.precision != "year" and _has(sentence, EVENT_CUES))):
        # 'ble startet i 2016', 'Årsrapport 2019 viser': a year alone dates a plan only; a season with
        # an event ('avtalene ble inngått høsten 2022') dates a step a report narrates
        return False
    return True


def _related_work(before: str) -> bool:
    """Whether the words before a date set the project beside other work ('... i sammenheng med ny
    kommuneplan, som skal vedtas i'), with no new clause ('og', ';') between those words and the date."""
    low = before.lower()
    for w in RELATED_WORK_CUES:
        i = low.rfind(w)
        if i >= 0 and not re.search(r",\s*(?:og|men|så)\s|;", low[i:]):
            return True
    return False


# Present passive step verbs ('legges fram', 'leveres', 'behandles'): in a plan they speak of the future.
_PASSIVE_STEPS = tuple(w for w in EVENT_CUES if w.split()[0].endswith("es"))


def _is_dated_item(block: Block, sentence: str, m: DateMatch, next_steps: bool = False) -> bool:
    """A list item 'Byggestart for ombyggingen av naustet: 2. mai 2023': a step and its date; under a
    heading of coming steps ('Videre arbeid'), any short item ending in a specific date."""
    head = sentence[:m.start].rstrip()
    if not (is_listed(block) and len(head.split()) <= 12 and not sentence[m.end:].strip(" .;")):
        return False
    return head.endswith(":") or (next_steps and m.precision not in COARSE and len(head.split()) >= 1)


def _from_prose(doc: Document, doc_date: dt.date | None, own_span, meeting_genre: bool,
                used: set[int], news: bool = False) -> list[Milestone]:
    out: list[Milestone] = []
    ctx = doc_date
    from_text = False  # whether ctx is a date of the text (a sequence to continue) or the document's date
    seen: set[tuple[int, int]] = set()
    heads = section_heads(doc)
    for index, block in enumerate(doc.blocks):
        if block.kind is BlockKind.HEADING:
            continue
        if block.kind is BlockKind.TABLE:
            if index in used:
                continue
            pieces = [(c.text, c.start, c.page) for r in block.rows for c in r]
        else:
            pieces = [(block.text, block.start, block.page)]
        # attachments and references are dated by their own documents, not by the project's steps
        skip_block = index in used or heading_is(heads[index], ATTACHMENT_HEADINGS)
        next_steps = heading_is(heads[index], NEXT_STEPS_HEADINGS)
        for text, offset, page in pieces:
            for s, e in _sentences(text):
                sentence = text[s:e]
                if news and doc_date:
                    dates = [m for m in find_dates(sentence, doc_date) if m.date is not None]
                else:
                    dates = [m for m in find_dates(sentence, ctx, roll_forward=from_text) if m.date is not None]
                for i, m in enumerate(dates):
                    a, b = offset + s + m.start, offset + s + m.end
                    own = own_span and a < own_span[1] and b > own_span[0]
                    if m.year_given and m.precision not in COARSE and not own:
                        ctx, from_text = m.date, True
                    if skip_block or own:
                        continue
                    if meeting_genre and doc_date and m.date == doc_date:
                        continue  # the meeting the minutes or the case paper record
                    clause = _clause(sentence, dates, i)
                    if clause is not sentence and _has(clause, DECISION_VERBS):
                        continue
                    item = _is_dated_item(block, sentence, m, next_steps)
                    if not (item or _is_step(sentence, m)) or (a, b) in seen:
                        continue
                    seen.add((a, b))
                    desc = sentence[:m.start].rstrip(" :") if item else clause
                    out.append(Milestone(
                        doc_id=doc.doc_id, description=_clean(desc)[:MAX_DESCRIPTION], due_date=m.date,
                        due_text=m.text, status=None, page=page, source_text=sentence.strip(),
                        span_start=a, span_end=b, precision=m.precision,
                        in_table=block.kind is BlockKind.TABLE,
                        # a list item's block: the date checks read consecutive items as one list
                        row_index=index if is_listed(block) else None))
    return out
