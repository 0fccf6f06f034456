"""Document facts: genre (doc_type) and title, from Norwegian genre cues."""
from __future__ import annotations

import re

from schemas.document import BlockKind, Document
from extractors.lang.nb.genres import (
    ARTICLE_CUES, BYLINE_WORDS, GENRE_CUES, NEWSPAPER_WORDS, QUOTE_OPENERS, SPEECH_VERBS,
)

_LABEL_LINE = re.compile(r"^[A-ZÆØÅa-zæøå ]{2,20}:\s")  # 'Dato: ...', 'Møte: ...'
_NAME = r"[A-ZÆØÅ][\w.'-]+"
# the byline word in any case, the name capitalised ('Av hensyn til ...' is no byline)
_BYLINE = re.compile(r"^(?i:" + "|".join(re.escape(w) for w in sorted(BYLINE_WORDS, key=len, reverse=True))
                     + r")\s+" + _NAME + r"(?:\s+(?:" + _NAME + r"|og|von|van|de))*\s*$")
_SPEECH = re.compile(r"[,.!?»”]\s*(?:" + "|".join(re.escape(v) for v in SPEECH_VERBS) + r")\s+\w", re.I)
# 'Lauvnes-Avisa, 18.02.2025', 'Publisert 03.10.2024 – Avisa': a source and a date on a line of their own
_DATELINE = re.compile(r"^(?P<source>[A-ZÆØÅ][\w .\-]{1,40}),\s*\d{1,2}\.\s?(?:\d{1,2}\.\d{2,4}|[a-zæøå]+\.?\s+\d{4})\s*$")
NEWS_TOP = 5  # a byline or dateline stands in the first lines


def find_title(doc: Document) -> str | None:
    """The document's title as written: the first top-level heading, or else the first short line
    that is not a field label ('Dato: ...') or a bare genre word ('Notat')."""
    head = doc.blocks[:40]
    headings = [b for b in head if b.kind is BlockKind.HEADING]
    if headings:
        top = min(b.level or 9 for b in headings)
        first = next(b for b in headings if (b.level or 9) == top)
        title = first.text
        # 'Handlingsplan ...' followed by a period line such as '2010-2011' belongs to the title
        i = doc.blocks.index(first)
        if i + 1 < len(doc.blocks):
            nxt = doc.blocks[i + 1]
            if nxt.kind is BlockKind.PARAGRAPH and re.fullmatch(r"\d{4}\s*[-–]\s*\d{2,4}", nxt.text):
                title = f"{title} {nxt.text}"
        return title
    for b in head:
        if b.kind is BlockKind.TABLE or _LABEL_LINE.match(b.text) or len(b.text) > 150:
            continue
        return b.text
    return doc.metadata_title


def news_cues(doc: Document) -> set[str]:
    """Which signs of a news item the document shows: 'stamp' (a publication stamp or a credit),
    'byline' ('Av Kari Nordmann'), 'dateline' ('Avisa, 18.02.2025' near the top), 'quote' and
    'quotes' (paragraphs that open with a dash or a guillemet and attribute the words: ', sier ...')."""
    cues: set[str] = set()
    opening = " ".join(b.text for b in doc.blocks[:6]).lower()
    tail = " ".join(b.text for b in doc.blocks[-25:]).lower()
    if any(c in tail or c in opening for c in ARTICLE_CUES):
        cues.add("stamp")
    top = [b for b in doc.blocks[:NEWS_TOP + 3] if b.kind is not BlockKind.TABLE][:NEWS_TOP + 1]
    if any(_BYLINE.match(b.text.strip()) and len(b.text.split()) <= 7 for b in top):
        cues.add("byline")
    for b in top:
        dm = _DATELINE.match(b.text.strip())
        if dm and any(w in re.split(r"[\s\-]+", dm.group("source").lower()) or dm.group("source").lower().endswith(w)
                      for w in NEWSPAPER_WORDS):
            cues.add("dateline")
    quotes = sum(1 for b in doc.blocks if b.kind is not BlockKind.TABLE
                 and b.text.lstrip().startswith(QUOTE_OPENERS) and _SPEECH.search(b.text))
    if quotes:
        cues.add("quote")
    if quotes >= 2:
        cues.add("quotes")
    return cues


def find_doc_type(doc: Document, title: str | None) -> str:
    """One of the DocType values, from genre words in the title, then in the opening text; a news item
    by its cues (a byline, a newspaper dateline, quotes attributed with 'sier'), which win over a genre
    word where two of them agree ('Ny handlingsplan vedtatt' in a newspaper is an article)."""
    news = news_cues(doc)
    # a news header (byline or newspaper dateline) and one more sign; a photo credit and a quote alone
    # are common in reports too
    if news & {"byline", "dateline"} and len(news - {"quotes"}) >= 2:
        return "article"
    opening = " ".join(b.text for b in doc.blocks[:6]).lower()
    for text in ((title or "").lower(), opening):
        for genre, cues in GENRE_CUES:
            if any(re.search(r"(?<![a-zæøå])" + re.escape(c), text) for c in cues):
                return genre
    if news & {"stamp", "byline", "dateline", "quotes"}:
        return "article"
    return "other"
