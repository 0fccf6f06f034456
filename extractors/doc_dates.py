"""Document dates: the date a document carries itself, and the project period it states.

The document's own date is read, in this order, from: a field label ('Dato:', 'Møtedato:',
'Publisert:') near the top, in a header table or in the page furniture ('Publisert:' anywhere);
a dating phrase in a short line near the top ('Vedtatt i Programstyret 10. september 2009');
a dateline ('Lillehammer, 19. september 2013'). Never simply the first date seen: a plan without
any of these has no date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from schemas.document import Block, BlockKind, Document
from extractors.dates import DateMatch, find_dates
from extractors.lang.nb.dates import (
    ATTACHMENT_HEADINGS, DOC_DATE_LABELS, DOC_DATE_PHRASES, OTHER_PERIODS, PERIOD_END_VERBS, PERIOD_LABELS,
    PROJECT_WORDS, ROUTE_DATE_LABELS, VERSION_LABELS,
)

TOP_BLOCKS = 25  # field labels count only in the document's head
PHRASE_BLOCKS = 6  # dating phrases only in its first lines
_LABELS = sorted(DOC_DATE_LABELS, key=len, reverse=True)
LABEL_RX = re.compile(r"(?<![\w])(" + "|".join(re.escape(x) for x in _LABELS) + r")\s*[:.]?\s*$", re.I)
LABEL_LINE_RX = re.compile(r"^\s*(" + "|".join(re.escape(x) for x in _LABELS) + r")\s*[:.]?\s*", re.I)
PHRASE_RX = re.compile(r"(?<![\w])(" + "|".join(re.escape(x) for x in DOC_DATE_PHRASES) + r")(?![\w])", re.I)
VERSION_RX = re.compile(r"^\s*(?:" + "|".join(re.escape(x) for x in VERSION_LABELS)
                        + r")\s*[\w.]{0,8}\s*(?:[-–,:]|av|fra)?\s*", re.I)
DATELINE_RX = re.compile(r"^[A-ZÆØÅ][\w .\-]{1,40},[ \t]*(?:den[ \t]+)?(?P<date>.+?)\.?$")


_BULLETS = "•◦▪▫‣●○■□·∙*"


def is_listed(block: Block) -> bool:
    """A list item, or a paragraph that starts with a bullet (PDFs keep the glyph)."""
    return block.kind is BlockKind.LIST_ITEM or block.text.lstrip().startswith(tuple(_BULLETS) + ("-", "–"))


def section_heads(doc: Document) -> list[str]:
    """For each block, the lower-cased heading of the section it stands in; a list item under a short
    lead-in line ('Vedlegg:') stands under that line."""
    out, current, lead = [], "", None
    for b in doc.blocks:
        text = " ".join(b.text.split()).strip(" –-:;" + _BULLETS).lower()
        if b.kind is BlockKind.HEADING:
            current, lead = text, None
            out.append(current)
        elif is_listed(b):
            out.append(lead if lead is not None else current)
        else:
            short_lead = b.kind is BlockKind.PARAGRAPH and b.text.strip().endswith(":") and len(text.split()) <= 4
            lead = text if short_lead else None
            out.append(current)
    return out


def heading_is(head: str, words) -> bool:
    """A heading that is one of `words`, after its number ('5 Videre arbeid', 'Vedlegg:')."""
    return re.sub(r"^[\d.\s]+", "", head).strip(" :") in words


@dataclass(frozen=True, slots=True)
class DocDate:
    """The document's own date: the day, the line it was read from and where the date stands."""

    date: dt.date
    precision: str
    text: str
    start: int | None
    end: int | None


def _dated(text: str, offset: int | None, allow_coarse: bool = False) -> DateMatch | None:
    for m in find_dates(text):
        if m.date and m.year_given and (m.precision == "day" or allow_coarse) and m.end_date is None:
            return m
    return None


def _found(m: DateMatch, line: str, offset: int | None) -> DocDate:
    start = offset + m.start if offset is not None else None
    return DocDate(m.date, m.precision, line.strip(), start, start + (m.end - m.start) if start is not None else None)


def _label_date(text: str, offset: int | None) -> DocDate | None:
    """'Dato: 7. februar 2022' or 'Møtedato 12.03.2013': a date right after a date label."""
    for line_match in re.finditer(r"[^\n|]+", text):
        line = line_match.group(0)
        lm = LABEL_LINE_RX.match(line)
        if not lm:
            continue
        rest = line[lm.end():]
        m = _dated(rest, None, allow_coarse=True)
        if m and m.start <= 3:
            base = (offset + line_match.start() + lm.end()) if offset is not None else None
            return _found(m, line, base)
    return None


def _table_label_date(block: Block) -> DocDate | None:
    """A header table: a 'Dato' cell and the date in the next cell, or 'Dato: ...' in one cell."""
    for row in block.rows:
        for i, cell in enumerate(row):
            found = _label_date(cell.text, cell.start)
            if found:
                return found
            if LABEL_RX.match(cell.text.strip()) and LABEL_LINE_RX.match(cell.text) and i + 1 < len(row):
                nxt = row[i + 1]
                m = _dated(nxt.text, nxt.start, allow_coarse=True)
                if m and m.start <= 3:
                    return _found(m, f"{cell.text} {nxt.text}", nxt.start)
    return None


def _column_label_date(block: Block) -> DocDate | None:
    """A case's route table ('Utvalg | Møtedato | Saksnr', one row per body): the date column under a
    date label. The case's date is the last body's, the final treatment (a protocol records it)."""
    if not block.rows or len(block.rows) < 2:
        return None
    for cell in block.rows[0]:
        if " ".join(cell.text.lower().split()).strip(" :") not in ROUTE_DATE_LABELS:
            continue
        found = None
        for row in block.rows[1:]:
            below = next((c for c in row if c.col == cell.col), None)
            m = _dated(below.text, below.start) if below else None
            if m and m.start <= 3 and (found is None or m.date >= found.date):
                found = _found(m, f"{cell.text} {below.text}", below.start)
        if found:
            return found
    return None


def locate_doc_date(doc: Document) -> DocDate | None:
    """The date the document itself carries, with its span, or None."""
    blocks = doc.blocks
    for i, b in enumerate(blocks):
        if b.kind is BlockKind.TABLE:
            found = _table_label_date(b) if i < TOP_BLOCKS else None
        else:
            found = _label_date(b.text, b.start)
            if found and i >= TOP_BLOCKS and not found.text.lower().startswith("publisert"):
                found = None
        if found:
            return found
    for line in doc.furniture:
        found = _label_date(line, None)
        if found:
            return found
    for b in blocks[:PHRASE_BLOCKS]:
        vm = VERSION_RX.match(b.text) if b.kind is not BlockKind.TABLE else None
        if vm:  # 'Versjon 1.0 – 12.02.2024'
            m = _dated(b.text[vm.end():], None, allow_coarse=True)
            if m and m.start <= 3:
                return _found(m, b.text, b.start + vm.end())
        if b.kind is not BlockKind.TABLE and len(b.text.split()) <= 15 and PHRASE_RX.search(b.text):
            m = _dated(b.text, b.start, allow_coarse=True)
            if m:
                return _found(m, b.text, b.start)
    heads = section_heads(doc)
    for i, b in enumerate(blocks):
        if b.kind is BlockKind.TABLE or len(b.text) > 60:
            continue
        if is_listed(b) or heading_is(heads[i], ATTACHMENT_HEADINGS):
            continue  # 'Tilsagnsbrev fra Kystverket, 30.06.2023' in a list of attachments dates another document
        dm = DATELINE_RX.match(b.text.strip())
        if dm:
            m = _dated(dm.group("date"), None)
            if m and m.start == 0 and m.end >= len(dm.group("date").rstrip(". ")) - 1:
                return _found(m, b.text, b.start + b.text.index(dm.group("date")))
    # last: a case's route table at the top, where nothing else dates the paper (a protocol)
    for b in blocks[:TOP_BLOCKS]:
        found = _column_label_date(b) if b.kind is BlockKind.TABLE else None
        if found:
            return found
    return None


def find_doc_date(doc: Document):
    """(date the document itself carries, the words it was read from) or (None, None)."""
    found = locate_doc_date(doc)
    return (found.date, found.text) if found else (None, None)


# --- project period -----------------------------------------------------------------------------
_PERIOD_LABEL_RX = re.compile(r"(" + "|".join(re.escape(x) for x in sorted(PERIOD_LABELS, key=len, reverse=True))
                              + r")", re.I)
_SPECIFIC = tuple(x for x in PERIOD_LABELS if x not in ("periode", "varighet", "tidsperiode"))
_END_RX = re.compile(
    r"(?<![\w])(?:" + "|".join(re.escape(w) for w in PROJECT_WORDS) + r")(?![\w])[^.!?]{0,80}?(?<![\w])(?:"
    + "|".join(re.escape(w) for w in PERIOD_END_VERBS) + r")(?![\w])(?P<tail>[^.!?]{0,60})", re.I)
_UNTIL_RX = re.compile(r"^\s*(?:[\w ]{0,20}?\s)?(?:fram til|frem til|til og med|til|ut|innen|i)?\s*$", re.I)


def _period_in(text: str) -> DateMatch | None:
    for m in find_dates(text):
        if m.date and m.end_date and m.year_given:
            return m
    return None


def find_project_period(doc: Document):
    """(start, end, end as written) of the project period the document states, else Nones.

    Read from a period label and the range after it ('Gjennomføringsperiode 01.01.2014-31.12.2016',
    a heading 'Prosjektperiode' over '2024-2025', 'prosjektperioden 2024-2025'), from a sentence on
    how long the project runs ('Prosjektet ... løper fram til juni 2018'), or from a year range that
    stands under the title of a plan ('Handlingsplan ...' over '2010-2011').
    """
    blocks = doc.blocks
    for i, b in enumerate(blocks):
        if b.kind is BlockKind.TABLE:
            found = _table_period(b)
            if found:
                return found
            continue
        low = b.text.lower()
        lab = _PERIOD_LABEL_RX.search(low)
        if not lab or any(w in low for w in OTHER_PERIODS):
            continue  # 'Rapportperiode: ...' is the period a report covers, not the project's
        is_label = b.kind is BlockKind.HEADING or low.strip().endswith(":") or len(low.split()) <= 3 \
            or re.match(r"^\s*\w*periode\w*\s*[:.]", low) is not None
        specific = any(s in low for s in _SPECIFIC)
        if not (is_label or specific):
            continue
        tail = b.text[lab.end():lab.end() + 60]
        m = _period_in(tail)
        if m is None and is_label and i + 1 < len(blocks) and blocks[i + 1].kind is not BlockKind.TABLE:
            nxt = blocks[i + 1].text
            if len(nxt) <= 60:
                m = _period_in(nxt)
        if m:
            return m.date, m.end_date, _end_text(m)
    for b in blocks:
        if b.kind is BlockKind.TABLE or b.kind is BlockKind.HEADING:
            continue
        for sm in _END_RX.finditer(b.text):
            tail = sm.group("tail")
            for m in find_dates(tail):
                if m.date is None or not m.year_given:
                    continue
                if m.end_date:
                    return m.date, m.end_date, _end_text(m)
                if _UNTIL_RX.match(tail[:m.start]) or m.qualifier in ("until", "before"):
                    return None, m.date, m.text
                break
    # a plan's period written in or under its title: 'Handlingsplan ... 2025–2026', '2010-2011'
    for i, b in enumerate(blocks[:3]):
        if b.kind is BlockKind.HEADING and (b.level or 1) == 1:
            tm = re.search(r"(?<![\d/.])\d{4}\s*[-–]\s*\d{2,4}\s*$", b.text)
            m = _period_in(tm.group(0)) if tm else None
            if m:
                return m.date, m.end_date, _end_text(m)
        if b.kind is BlockKind.HEADING and i + 1 < len(blocks):
            nxt = blocks[i + 1]
            if re.fullmatch(r"\s*\d{4}\s*[-–]\s*\d{2,4}\s*", nxt.text):
                m = _period_in(nxt.text)
                if m:
                    return m.date, m.end_date, _end_text(m)
    return None, None, None


def _table_period(block: Block):
    """A key-value row 'Prosjektperiode | 15.01.2025–31.12.2027': a project period label alone in its
    cell and the period in the next. Only the project's own labels: 'Periode' or 'Rapportperiode' in a
    table is as likely the period a report covers."""
    for row in block.rows:
        for cell, nxt in zip(row, row[1:]):
            label = " ".join(cell.text.split()).strip(" :.").lower()
            if label in _SPECIFIC:
                m = _period_in(nxt.text)
                if m:
                    return m.date, m.end_date, _end_text(m)
    return None


def _end_text(m: DateMatch) -> str:
    """The end of a written period: '31.12.2016' of '01.01.2014-31.12.2016'."""
    parts = re.split(r"\s*(?:[-–]|\btil\b)\s*", m.text)
    return parts[-1] if len(parts) > 1 and parts[-1] else m.text
