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


@pytest.fixture(scope="module")
def shared() -> Path:
    root = Path(__file__).resolve().parents[2] / "shared"
    if not (root / "seeds" / "docs").is_dir():
        pytest.skip("/work/shared seeds are not available")
    return root


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
