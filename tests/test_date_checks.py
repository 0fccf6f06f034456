"""date_order and milestone_after_end on the seed documents and on hand-written rows."""
import datetime as dt
from pathlib import Path

import pytest

from checks.dates import check_dates
from extractors.doc_dates import find_doc_date, find_project_period
from extractors.milestones import extract_milestones
from extractors.read import read_document
from schemas.rows import DocumentRow, Milestone

SEEDS = ["seed-nedre-romerike-plan", "seed-oppland-mandate", "seed-ringerike-note",
         "seed-smartpack-article", "seed-smartpack-plan"]




def _flags_for(path: Path):
    doc, _ = read_document(str(path), doc_id=path.stem, sha256="", display_path=str(path))
    date, text = find_doc_date(doc)
    start, end, end_text = find_project_period(doc)
    row = DocumentRow(doc_id=doc.doc_id, path=str(path), format=path.suffix[1:], sha256="", doc_date=date,
                      doc_date_text=text, project_start=start, project_end=end, project_end_text=end_text)
    return check_dates(row, {"milestones": extract_milestones(doc)})


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("name", SEEDS)
def test_seed_date_flags(shared, name, fmt):
    flags = _flags_for(shared / "seeds" / "docs" / f"{name}.{fmt}")
    if name == "seed-oppland-mandate":
        assert [f.rule for f in flags] == ["date_order"]
        msg = flags[0].message
        assert "Før 01.02.14" in msg and "Fra 01.01.14" in msg and "2014-01-01" in msg
        assert "Valg av evaluator" in msg and "Operativt arbeid og følgeevaluering" in msg
        assert len(flags[0].evidence_items) == 2
        assert all(e.span_start is not None for e in flags[0].evidence_items)
        if fmt == "pdf":
            assert {e.page for e in flags[0].evidence_items} == {7}
    else:
        assert flags == [], [f.message for f in flags]


# --- hand-written rows -----------------------------------------------------------------------------
def _m(desc, due, text, precision="day", table=0, row=None, page=1):
    return Milestone(doc_id="d", description=desc, due_date=due, due_text=text, status=None, page=page,
                     source_text=f"{text} | {desc}", span_start=0, span_end=1, precision=precision,
                     in_table=table is not None, table_index=table, row_index=row)


def _doc(end=None, end_text=None, start=None):
    return DocumentRow(doc_id="d", path="d.docx", format="docx", sha256="", project_start=start,
                       project_end=end, project_end_text=end_text)


D = dt.date


def _timetable(*rows):
    return [_m(desc, due, text, prec, row=i + 1) for i, (desc, due, text, prec) in enumerate(rows)]


def test_sequence_with_one_row_out_of_order():
    rows = _timetable(("Konkurransegrunnlag", D(2025, 3, 1), "medio mars 2025", "month"),
                      ("Kontrakt signeres", D(2025, 5, 26), "uke 22 i 2025", "week"),
                      ("Anleggsstart", D(2025, 9, 1), "01.09.2025", "day"),
                      ("Tilbudsfrist", D(2025, 8, 15), "15.08.25", "day"),
                      ("Trinn 1 ferdig", D(2025, 12, 1), "Før 1. des 2025", "day"))
    flags = check_dates(_doc(), {"milestones": rows})
    assert [f.rule for f in flags] == ["date_order"]
    assert "15.08.25" in flags[0].message and "01.09.2025" in flags[0].message


def test_precision_same_month_is_not_out_of_order():
    rows = _timetable(("Mandat", D(2013, 9, 20), "20.09.13", "day"),
                      ("Tilsetting", D(2013, 9, 1), "Sept/oktober 2013", "month"),
                      ("Oppstart", D(2013, 10, 1), "Oppstart 01.10.13", "day"),
                      ("Konkurransegrunnlag", D(2013, 12, 1), "Før 1 des", "day"))
    assert check_dates(_doc(), {"milestones": rows}) == []


def test_table_not_sorted_by_time_is_not_a_sequence():
    rows = _timetable(("A", D(2019, 5, 1), "mai 2019", "month"), ("B", D(2018, 1, 1), "jan 2018", "month"),
                      ("C", D(2019, 9, 1), "sep 2019", "month"), ("D", D(2018, 3, 1), "mar 2018", "month"),
                      ("E", D(2020, 1, 1), "jan 2020", "month"))
    assert check_dates(_doc(), {"milestones": rows}) == []


def test_end_column_before_start_column():
    rows = [_m("Gründerkurs: oppstart", D(2025, 8, 15), "15.08.25", row=2),
            _m("Gründerkurs: avslutning", D(2025, 6, 15), "15.06.25", row=2)]
    flags = check_dates(_doc(), {"milestones": rows})
    assert [f.rule for f in flags] == ["date_order"]
    assert "avslutning «15.06.25»" in flags[0].message and "61 dager" in flags[0].message


def test_milestone_after_end_but_not_final_reporting():
    rows = [_m("Ferdigbefaring og sluttoppgjør med entreprenør", D(2026, 12, 1), "primo desember 2026", "month"),
            _m("Sluttrapport leveres styringsgruppen", D(2026, 10, 31), "innen 31.10.2026", table=None),
            _m("Behandling av sluttrapport i kommunestyret", D(2027, 2, 1), "februar 2027", "month", table=None),
            _m("Alle husstander tilknyttet", D(2026, 8, 1), "ultimo august 2026", "month")]
    flags = check_dates(_doc(D(2026, 10, 31), "31.10.2026"), {"milestones": rows})
    assert [f.rule for f in flags] == ["milestone_after_end"]
    assert "primo desember 2026" in flags[0].message and "2026-10-31" in flags[0].message


def test_month_precision_end_covers_its_month():
    rows = [_m("Endelig søknad", D(2018, 6, 15), "15.06.2018", table=None)]
    assert check_dates(_doc(D(2018, 6, 1), "juni 2018"), {"milestones": rows}) == []
    rows = [_m("Endelig søknad", D(2018, 7, 2), "02.07.2018", table=None)]
    assert [f.rule for f in check_dates(_doc(D(2018, 6, 1), "juni 2018"), {"milestones": rows})] == ["milestone_after_end"]


def test_period_ending_before_it_starts():
    flags = check_dates(_doc(D(2015, 1, 1), "2015", start=D(2016, 1, 1)), {"milestones": []})
    assert [f.rule for f in flags] == ["date_order"]


# --- lists of steps --------------------------------------------------------------------------------
def _list(first_block, *items):
    """Dated steps from consecutive list items (row_index is the item's block, no table)."""
    return [_m(desc, due, text, prec, table=None, row=first_block + i) for i, (desc, due, text, prec) in enumerate(items)]


def test_list_of_steps_with_one_out_of_order():
    rows = _list(10, ("Utlysning av konkurransen", D(2024, 5, 6), "6. mai 2024", "day"),
                 ("Frist for tilbud", D(2024, 4, 20), "20. april 2024", "day"),
                 ("Kontraktsignering", D(2024, 6, 1), "1. juni 2024", "day"),
                 ("Oppstart på byggeplass", D(2024, 8, 12), "uke 33", "week"))
    flags = check_dates(_doc(), {"milestones": rows})
    assert [f.rule for f in flags] == ["date_order"]
    assert "Listen over trinn" in flags[0].message and "20. april 2024" in flags[0].message
    assert "6. mai 2024" in flags[0].message and "16 dager" in flags[0].message


LISTS_NOT_FLAGGED = [
    # two items do not show an order
    [("Frist for tilbud", D(2024, 5, 6), "6. mai 2024", "day"), ("Utlysning", D(2024, 4, 20), "20. april 2024", "day")],
    # in order
    [("A", D(2024, 1, 10), "10.01.2024", "day"), ("B", D(2024, 2, 1), "1.2.2024", "day"),
     ("C", D(2024, 3, 1), "mars 2024", "month")],
    # not sorted by time at all: a list of things, not a sequence
    [("A", D(2024, 9, 1), "sep 2024", "month"), ("B", D(2024, 2, 1), "feb 2024", "month"),
     ("C", D(2024, 6, 1), "jun 2024", "month"), ("D", D(2024, 1, 1), "jan 2024", "month")],
    # a deadline only says 'by then': an event below it dated earlier is not out of order
    [("Kick-off for frivillige", D(2025, 3, 4), "4. mars 2025", "day"),
     ("Søknad sendes innen 1. mai 2025", D(2025, 5, 1), "1. mai 2025", "day"),
     ("Vårmarked på torget", D(2025, 4, 26), "26. april 2025", "day")],
]


@pytest.mark.parametrize("items", LISTS_NOT_FLAGGED)
def test_lists_that_are_not_flagged(items):
    assert check_dates(_doc(), {"milestones": _list(3, *items)}) == []


def test_items_of_two_lists_are_not_one_sequence():
    rows = _list(3, ("A", D(2024, 5, 1), "mai 2024", "month"), ("B", D(2024, 6, 1), "juni 2024", "month")) \
        + _list(9, ("C", D(2024, 1, 1), "januar 2024", "month"), ("D", D(2024, 2, 1), "februar 2024", "month"))
    assert check_dates(_doc(), {"milestones": rows}) == []


AFTER_END = [
    ("Sluttrapport og prosjektregnskap: slutt", False),
    ("Evaluering og oppsummering", False),
    ("Sluttrapport med evalueringsrapport ferdigstilles og behandles i bystyret", False),
    ("Spørreundersøkelse og sluttevaluering", True),  # a survey is project work
    ("Montering av utstyr", True),
]


@pytest.mark.parametrize("description,flagged", AFTER_END)
def test_after_end_steps_by_nature(description, flagged):
    rows = [_m(description, D(2027, 3, 1), "mars 2027", "month", table=None)]
    flags = check_dates(_doc(D(2026, 12, 31), "31.12.2026"), {"milestones": rows})
    assert [f.rule for f in flags] == (["milestone_after_end"] if flagged else [])


def test_a_row_after_the_end_is_one_flag():
    rows = [_m("Brukertest og sluttevaluering: start", D(2027, 1, 1), "Q1 2027", "quarter", row=4),
            _m("Brukertest og sluttevaluering: slutt", D(2027, 4, 1), "Q2 2027", "quarter", row=4)]
    flags = check_dates(_doc(D(2026, 12, 31), "31.12.2026"), {"milestones": rows})
    assert [f.rule for f in flags] == ["milestone_after_end"]
    assert "«Q1 2027»" in flags[0].message and "«Q2 2027»" in flags[0].message
    assert len(flags[0].evidence_items) == 2


def test_bulleted_steps_read_from_a_document():
    from schemas.document import BlockKind, DocumentBuilder
    b = DocumentBuilder()
    b.add_text(BlockKind.HEADING, "Ny idrettshall", page=1, level=1)
    b.add_text(BlockKind.PARAGRAPH, "Dato: 05.01.2024", page=1)
    b.add_text(BlockKind.HEADING, "Framdrift", page=1, level=2)
    for text in ("Konkurransen kunngjøres 10. februar 2024", "Tilbudsfrist 1. februar 2024",
                 "Kontrakt signeres innen 15. mars 2024", "Byggestart i uke 16"):
        b.add_text(BlockKind.LIST_ITEM, text, page=1)
    doc = b.build(doc_id="t", path="t.docx", format="docx", sha256="", pages=1)
    flags = check_dates(_doc(), {"milestones": extract_milestones(doc)})
    assert [f.rule for f in flags] == ["date_order"]
    assert "«Tilbudsfrist»" in flags[0].message and "9 dager" in flags[0].message
