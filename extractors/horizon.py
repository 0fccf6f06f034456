"""How long the project or its money lasts, as a sentence says it: 'Vi har midler til å drive frem til
sommeren 2019', 'Prosjektet ... løper fram til juni 2018', 'skal holde på ut 2027'.

Pure helpers over text: `find_horizon(text)` for any passage (a row's source_text), and
`find_document_horizon(doc)` over a Document's prose, for the extraction step to use where no
project period is stated (news items quote the horizon instead of stating a period).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extractors.dates import find_dates, last_day
from extractors.lang.nb.projects import HORIZON_CUES
from schemas.document import BlockKind, Document

_CUE = re.compile(r"(?<![\wæøå])(?:" + "|".join(sorted((re.escape(c) for c in HORIZON_CUES), key=len, reverse=True))
                  + r")(?![\wæøå])", re.IGNORECASE)
_THROUGH = re.compile(r"(?<![\wæøå])ut\s*$", re.IGNORECASE)  # 'holde på ut 2027'
_REACH = 70  # how far after the cue the date may stand ('... til å drive frem til sommeren 2019')


@dataclass(frozen=True, slots=True)
class Horizon:
    """An end as a sentence gives it: the first and last day of what the words name, where they stand."""

    first: dt.date
    last: dt.date
    date_text: str  # the date words: 'sommeren 2019'
    passage: str  # the sentence they stand in
    start: int  # span of the passage in the text searched
    end: int


_STOP = re.compile(r"(?<!\b\d)(?<!\b\d\d)[.!?](?=\s+[A-ZÆØÅ–-]|\s*$)|\n")  # not '1. april'


def _sentence(text: str, at: int) -> tuple[int, int]:
    """The span of the sentence that holds position `at`."""
    s, e = 0, len(text)
    for m in _STOP.finditer(text):
        if m.end() <= at:
            s = m.end()
        elif m.start() >= at:
            e = m.end()
            break
    while s < e and text[s].isspace():
        s += 1
    return s, e


def find_horizon(text: str) -> Horizon | None:
    """The first end date a horizon phrase in `text` announces ('løper fram til juni 2018'), or None.
    A period after the cue ('1. april 2024 – 30. juni 2026') gives its end; the year must be written."""
    for cue in _CUE.finditer(text or ""):
        tail = text[cue.end():cue.end() + _REACH]
        for m in find_dates(tail):
            if m.date is None or not m.year_given:
                continue
            start = m.end_date or m.date
            precision = (m.end_precision or m.precision) if m.end_date else m.precision
            s, e = _sentence(text, cue.start())
            words = m.text.split("–")[-1].split(" til ")[-1].strip() if m.end_date else m.text
            last = last_day(start, precision)
            if _THROUGH.search(cue.group(0) + " " + tail[:m.start]):
                words = f"ut {words}"
                start = dt.date(last.year, last.month, 1)  # 'ut 2027': through the year, so its last month
            return Horizon(start, last, words, text[s:e].strip(), s, e)
    return None


def end_interval(words: str | None, fallback: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day that end words name: 'juni 2018' is June 1-30, 'sommeren 2019' June 1 -
    August 31, 'ut 2027' (through 2027) December 2027; the day `fallback` where no date is read."""
    ms = [m for m in find_dates(words or "") if m.date is not None]
    if not ms:
        return fallback, fallback
    m = ms[-1]
    first = m.end_date or m.date
    precision = (m.end_precision or m.precision) if m.end_date else m.precision
    last = last_day(first, precision)
    if _THROUGH.search((words or "")[:m.start]):
        first = dt.date(last.year, last.month, 1)
    return first, last


def find_document_horizon(doc: Document) -> tuple[dt.date | None, str | None]:
    """(first day of the end, the end's words) from the document's first horizon sentence in prose,
    e.g. (2019-06-01, 'sommeren 2019'); (None, None) where the prose gives none. Tables are skipped:
    their dates are timetable rows, not the project's horizon."""
    for b in doc.blocks:
        if b.kind in (BlockKind.TABLE, BlockKind.HEADING):
            continue
        h = find_horizon(b.text)
        if h:
            return h.first, h.date_text
    return None, None
