"""Document facts: genre (doc_type) and title, from Norwegian genre cues."""
from __future__ import annotations

import re

from schemas.document import BlockKind, Document
from extractors.lang.nb.genres import ARTICLE_CUES, GENRE_CUES

_LABEL_LINE = re.compile(r"^[A-ZÆØÅa-zæøå ]{2,20}:\s")  # 'Dato: ...', 'Møte: ...'


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


def find_doc_type(doc: Document, title: str | None) -> str:
    """One of the DocType values, from genre words in the title, then in the opening text."""
    opening = " ".join(b.text for b in doc.blocks[:6]).lower()
    tail = " ".join(b.text for b in doc.blocks[-25:]).lower()
    for text in ((title or "").lower(), opening):
        for genre, cues in GENRE_CUES:
            if any(re.search(r"(?<![a-zæøå])" + re.escape(c), text) for c in cues):
                return genre
    if any(c in tail or c in opening for c in ARTICLE_CUES):
        return "article"
    return "other"
