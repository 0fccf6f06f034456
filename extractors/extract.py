"""Everything planscan reads from one document: its facts and one list of rows per table."""
from __future__ import annotations

from dataclasses import dataclass, field

from schemas.document import Document
from extractors.doc_dates import find_doc_date, find_project_period
from extractors.facts import find_doc_type, find_title
from extractors.horizon import find_document_horizon
from extractors.registry import TABLES


@dataclass
class DocFacts:
    title: str | None = None
    doc_type: str = "other"
    doc_date: object = None
    doc_date_text: str | None = None
    project_start: object = None
    project_end: object = None
    project_end_text: str | None = None
    project_end_passage: str | None = None
    project_end_page: int | None = None
    project_end_span: tuple[int, int] | None = None


@dataclass
class Extraction:
    facts: DocFacts
    rows: dict[str, list] = field(default_factory=dict)


def extract_document(doc: Document) -> Extraction:
    """Run every registered extractor over one document. Pure: no I/O."""
    title = find_title(doc)
    facts = DocFacts(title=title, doc_type=find_doc_type(doc, title))
    facts.doc_date, facts.doc_date_text = find_doc_date(doc)
    facts.project_start, facts.project_end, facts.project_end_text = find_project_period(doc)
    if facts.project_end is None:
        # News items quote how long the money lasts instead of stating a period.
        facts.project_end, facts.project_end_text = find_document_horizon(doc)
    if facts.project_end_text:
        facts.project_end_passage, facts.project_end_page, facts.project_end_span = _passage(doc, facts.project_end_text)
    rows = {name: spec.extract(doc) for name, spec in TABLES.items()}
    return Extraction(facts, rows)


def _passage(doc: Document, words: str) -> tuple[str | None, int | None, tuple[int, int] | None]:
    """The block that holds `words` (the first place they stand), its page and its span: the
    evidence a check shows for a fact read from the document as a whole."""
    at = doc.text.find(words)
    if at < 0:
        at = doc.text.lower().find(words.lower())
    if at < 0:
        return None, None, None
    block = doc.block_at(at)
    if block is None:
        return None, None, None
    return block.text, doc.page_at(at), (block.start, block.end)
