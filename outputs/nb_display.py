"""How planscan's values are shown to a Norwegian reader: amounts, dates, labels, column headers.

Shared by the HTML report, the Excel export and the Prefect artifacts, so the three say the same
thing the same way: '1 050 000 kr', '19.09.2013', 'Budsjettlinjer'.
"""
from __future__ import annotations

import datetime as dt

# Closed vocabularies of the contract (schemas/rows.py) in Norwegian.
DOC_TYPES = {
    "project_plan": "Prosjektplan", "council_case": "Saksframlegg", "minutes": "Møteprotokoll",
    "action_plan": "Handlingsplan", "mandate": "Mandat", "report": "Rapport", "article": "Nyhetssak",
    "other": "Annet",
}
STATUSES = {"ok": "OK", "error": "Feil", "empty": "Tom", "skipped": "Hoppet over"}
SEVERITIES = {"error": "Feil", "warning": "Advarsel", "info": "Info"}
RULES = {
    "budget_total_mismatch": "Budsjettlinjer mot oppgitt total",
    "funding_vs_cost_mismatch": "Finansiering mot kostnad",
    "amount_text_vs_table": "Beløp i tekst mot tabell",
    "date_order": "Datoer i feil rekkefølge",
    "milestone_after_end": "Milepæl etter prosjektslutt",
    "cross_document": "Uoverensstemmelse mellom dokumenter",
    "decision_vs_budget": "Vedtak mot budsjett",
    "other": "Annet",
}
BUDGET_KINDS = {"cost": "Kostnad", "funding": "Finansiering", "total": "Total", "frame": "Ramme", "other": "Annet"}
DECISION_KINDS = {"adopted": "Vedtatt", "proposal": "Forslag til vedtak"}
PERIODS = {"per_year": "per år"}

# Table and column names as an analyst reads them (Excel sheets and headers, report tables).
TABLE_NAMES = {
    "flags": "Flagg", "documents": "Dokumenter", "budget_lines": "Budsjettlinjer", "milestones": "Milepæler",
    "decisions": "Vedtak", "roles": "Roller", "projects": "Prosjekter", "document_projects": "Dokumentprosjekter",
}
COLUMNS = {
    "doc_id": "Dokument-ID", "path": "Fil", "format": "Format", "sha256": "SHA-256", "doc_type": "Dokumenttype",
    "title": "Tittel", "doc_date": "Dokumentdato", "pages": "Sider", "status": "Status", "error": "Feil/årsak",
    "doc_date_text": "Dato som skrevet", "project_start": "Prosjektstart", "project_end": "Prosjektslutt",
    "project_end_text": "Prosjektslutt som skrevet", "size_bytes": "Størrelse (byte)", "parse_seconds": "Lesetid (s)",
    "label": "Post", "amount_nok": "Beløp (kr)", "kind": "Type", "period": "Periode", "page": "Side",
    "source_text": "Kildetekst", "span_start": "Tegn fra", "span_end": "Tegn til", "in_table": "I tabell",
    "table_index": "Tabell nr.", "row_index": "Rad nr.", "section": "Avsnitt", "precision_nok": "Presisjon (kr)",
    "is_subtotal": "Delsum", "line_id": "Linje-ID", "description": "Beskrivelse", "due_date": "Frist",
    "due_text": "Frist som skrevet", "precision": "Presisjon", "milestone_id": "Milepæl-ID",
    "case_number": "Saksnr.", "body": "Organ", "decision_date": "Vedtaksdato", "text": "Tekst", "vote": "Avstemning",
    "votes_for": "Stemmer for", "votes_against": "Stemmer mot", "decision_id": "Vedtak-ID", "person": "Person",
    "role": "Rolle", "organisation": "Organisasjon", "role_id": "Rolle-ID", "rule": "Kontroll",
    "severity": "Alvorlighet", "message": "Melding", "evidence": "Belegg", "evidence_json": "Belegg (JSON)",
    "related_doc_id": "Relatert dokument-ID", "related_title": "Relatert tittel", "related_path": "Relatert fil",
    "flag_id": "Flagg-ID", "roles": "Roller", "organisations": "Organisasjoner", "documents": "Dokumenter",
    "paths": "Filer", "cost_lines": "Sum kostnadslinjer", "funding_lines": "Sum finansiering",
    "stated_total": "Oppgitt total", "frame": "Ramme", "project_id": "Prosjekt-ID", "name": "Navn",
    "files": "Filer", "method": "Metode", "score": "Skår", "twin_of": "Kopi av",
}
# Columns whose values are whole kroner (shown with thousands separators).
AMOUNT_COLUMNS = {"amount_nok", "precision_nok", "cost_lines", "funding_lines", "stated_total", "frame"}


def column_header(name: str) -> str:
    """The Norwegian header for a column; unknown columns get their name made readable."""
    return COLUMNS.get(name) or name.replace("_", " ").capitalize()


def table_name(name: str) -> str:
    return TABLE_NAMES.get(name) or name.replace("_", " ").capitalize()


def number(n: int | float | None) -> str:
    """Whole number with a space between thousands, as Norwegians write it: 1050000 -> '1 050 000'."""
    if n is None:
        return ""
    s = f"{round(n):,}".replace(",", " ")
    return s.replace("-", "\u2212")  # a real minus sign: a hyphen before a number reads as a dash


def kroner(n: int | float | None) -> str:
    """An amount as written in Norwegian prose: 1050000 -> '1 050 000 kr'."""
    return "" if n is None else f"{number(n)} kr"


def date(d: dt.date | dt.datetime | None) -> str:
    """A date as Norwegians write it: 2013-09-19 -> '19.09.2013'."""
    return "" if d is None else f"{d.day:02d}.{d.month:02d}.{d.year:04d}"


def label(vocab: dict[str, str], value: str | None) -> str:
    """The Norwegian word for a vocabulary value; unknown values are shown as they are."""
    if value is None:
        return ""
    return vocab.get(value, value)


def period(p: str | None) -> str:
    return "" if p is None else PERIODS.get(p, p)
