"""The rows of the extracted tables, as typed records (see ../shared/contract.md).

Every row carries its provenance: the document, the page, the character span in
`Document.text` (`span_start`, `span_end`) and `source_text`, the words it was read from.
Extractors build these; outputs turn lists of them into validated tables. The column order of
each table is the field order here.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, fields
from enum import Enum


class DocType(str, Enum):
    """Genres. project_plan: prosjektplan; council_case: saksframlegg, saksutredning, notat til
    politisk behandling; minutes: møteprotokoll, referat; action_plan: handlingsplan, tiltaksplan;
    mandate: prosjektmandat, mandat; report: rapport, sluttrapport, årsrapport; article: nyhetssak."""

    PROJECT_PLAN = "project_plan"
    COUNCIL_CASE = "council_case"
    MINUTES = "minutes"
    ACTION_PLAN = "action_plan"
    MANDATE = "mandate"
    REPORT = "report"
    ARTICLE = "article"
    OTHER = "other"


class Status(str, Enum):
    OK = "ok"
    ERROR = "error"
    EMPTY = "empty"
    SKIPPED = "skipped"


class BudgetKind(str, Enum):
    """cost: kostnad, utgift, lønn, kjøp av tjenester; funding: finansiering, tilskudd, egenandel,
    bidrag; total: sum, totalt, i alt; frame: ramme, inntil, avsatt; other."""

    COST = "cost"
    FUNDING = "funding"
    TOTAL = "total"
    FRAME = "frame"
    OTHER = "other"


class DecisionKind(str, Enum):
    """adopted: vedtak, vedtatt, besluttet; proposal: forslag til vedtak, innstilling."""

    ADOPTED = "adopted"
    PROPOSAL = "proposal"


class Rule(str, Enum):
    BUDGET_TOTAL_MISMATCH = "budget_total_mismatch"
    FUNDING_VS_COST_MISMATCH = "funding_vs_cost_mismatch"
    AMOUNT_TEXT_VS_TABLE = "amount_text_vs_table"
    DATE_ORDER = "date_order"
    MILESTONE_AFTER_END = "milestone_after_end"
    CROSS_DOCUMENT = "cross_document"
    DECISION_VS_BUDGET = "decision_vs_budget"
    OTHER = "other"


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


def content_id(*parts: object, n: int = 16) -> str:
    """A stable id derived from content: the same inputs give the same id on every run."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:n]


@dataclass(slots=True)
class DocumentRow:
    doc_id: str
    path: str
    format: str
    sha256: str | None
    doc_type: str | None = None
    title: str | None = None
    doc_date: dt.date | None = None
    pages: int | None = None
    status: str = Status.OK.value
    error: str | None = None  # why it failed or was skipped; null when ok
    note: str | None = None  # something a reader should know about an ok file ('named .pdf but is a .docx')
    doc_date_text: str | None = None
    project_start: dt.date | None = None
    project_end: dt.date | None = None
    project_end_text: str | None = None
    project_end_passage: str | None = None  # the words that state the project's end, where they stand
    project_end_page: int | None = None
    project_end_span_start: int | None = None
    project_end_span_end: int | None = None
    size_bytes: int | None = None
    parse_seconds: float | None = None


@dataclass(slots=True)
class BudgetLine:
    doc_id: str
    label: str
    amount_nok: int
    kind: str
    period: str | None
    page: int | None
    source_text: str
    span_start: int | None = None
    span_end: int | None = None
    in_table: bool = False
    table_index: int | None = None  # which table of the document (0-based), None for prose
    row_index: int | None = None
    section: str | None = None  # the heading the amount stands under
    precision_nok: int = 1  # the amount is exact to +/- this (from how it was written)
    is_subtotal: bool = False
    line_id: str = ""

    def __post_init__(self) -> None:
        if not self.line_id:
            self.line_id = content_id(self.doc_id, self.span_start, self.span_end, self.label, self.amount_nok, self.period)


@dataclass(slots=True)
class Milestone:
    doc_id: str
    description: str
    due_date: dt.date | None
    due_text: str | None
    status: str | None
    page: int | None
    source_text: str = ""
    span_start: int | None = None
    span_end: int | None = None
    precision: str | None = None  # day, month, season, quarter, year
    in_table: bool = False
    table_index: int | None = None
    row_index: int | None = None
    milestone_id: str = ""

    def __post_init__(self) -> None:
        if not self.milestone_id:
            self.milestone_id = content_id(self.doc_id, self.span_start, self.description, self.due_text)


@dataclass(slots=True)
class Decision:
    doc_id: str
    case_number: str | None
    body: str | None
    decision_date: dt.date | None
    kind: str
    text: str
    page: int | None
    source_text: str = ""
    span_start: int | None = None
    span_end: int | None = None
    vote: str | None = None  # as written: 'enstemmig', '7 mot 2'
    votes_for: int | None = None
    votes_against: int | None = None
    decision_id: str = ""

    def __post_init__(self) -> None:
        if not self.decision_id:
            self.decision_id = content_id(self.doc_id, self.span_start, self.kind, self.text[:200])


@dataclass(slots=True)
class Role:
    doc_id: str
    person: str
    role: str
    organisation: str | None
    page: int | None
    source_text: str = ""
    span_start: int | None = None
    span_end: int | None = None
    role_id: str = ""

    def __post_init__(self) -> None:
        if not self.role_id:
            self.role_id = content_id(self.doc_id, self.person, self.role, self.organisation)


@dataclass(slots=True)
class Evidence:
    """One passage that proves a flag: the words, where they stand."""

    doc_id: str
    page: int | None
    text: str
    span_start: int | None = None
    span_end: int | None = None

    def render(self) -> str:
        where = f"s. {self.page}" if self.page else "uten sidetall"
        return f"[{where}] «{self.text}»"


@dataclass(slots=True)
class Flag:
    rule: str
    severity: str
    doc_id: str
    message: str
    evidence_items: list[Evidence] = field(default_factory=list)
    related_doc_id: str | None = None
    flag_id: str = ""
    evidence: str = ""

    def __post_init__(self) -> None:
        if not self.flag_id:
            self.flag_id = content_id(self.rule, self.doc_id, self.related_doc_id, self.message)
        if not self.evidence:
            self.evidence = "\n".join(e.render() for e in self.evidence_items)


def column_names(row_type: type) -> list[str]:
    return [f.name for f in fields(row_type)]


@dataclass(slots=True)
class Project:
    """A project or case that one or more documents are about, found by checks.linking.

    `project_id` is derived from the project's name and its documents' ids, so a rerun over the
    same archive gives the same ids. `documents` counts distinct documents (a .docx and a .pdf of
    the same text count once); `files` counts files."""

    project_id: str
    name: str
    documents: int = 0
    files: int = 0
    evidence: str = ""  # why the documents were linked, in words


@dataclass(slots=True)
class DocumentProject:
    """Which project a file is about, and how it was linked: method names the kinds of evidence
    ('name+case_number+people'), or 'same_document' for the second file of a .docx/.pdf twin pair."""

    doc_id: str
    project_id: str
    method: str
    score: float
    evidence: str = ""
    twin_of: str | None = None  # for 'same_document': the file it is a copy of
