"""`planscan export`: the workbook read back with openpyxl, formula-safe text, CSV."""
from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import load_workbook

from outputs.export import csv_text, csv_value, excel_text, export_csv, export_xlsx, looks_like_formula
from outputs.store import write_outputs
from outputs.tables import to_arrow
from schemas.rows import BudgetLine, DocumentRow, Flag, Milestone
from tests.conftest import run_cli


@pytest.mark.parametrize("text, formula", [
    ("=HYPERLINK(\"http://x\",\"klikk\")", True), ("+47 22 00 00 00", True), ("-2+3", True), ("@SUM(A1)", True),
    ("\t=1+1", True), ("\r=1", True), ("Tilskudd = 5", False), ("kr 15 mill.", False), ("", False),
])
def test_looks_like_formula(text, formula):
    assert looks_like_formula(text) is formula


@pytest.mark.parametrize("value, field", [
    ("=1+1", "'=1+1"), ("@cmd", "'@cmd"), ("Lønn", "Lønn"), (1050000, 1050000), (None, ""),
    (dt.date(2013, 9, 19), "2013-09-19"), (True, "true"),
])
def test_csv_value(value, field):
    assert csv_value(value) == field
    if isinstance(value, str):
        assert csv_text(value) == field


def test_excel_text_makes_xml_illegal_characters_visible():
    assert excel_text("a\x1bb\x00") == "a\\x1bb\\x00"
    assert len(excel_text("x" * 40000)) == 32767


@pytest.fixture(scope="module")
def workbook(sample_run, tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "funn.xlsx"
    r = run_cli("export", "--xlsx", str(path), "--out", str(sample_run))
    assert r.returncode == 0, r.stderr
    assert "funn.xlsx" in r.stdout and "Traceback" not in r.stderr
    return load_workbook(path)


def test_sheets_flags_first(workbook):
    assert workbook.sheetnames[:6] == ["Flagg", "Dokumenter", "Budsjettlinjer", "Milepæler", "Vedtak", "Roller"]


def test_norwegian_headers_frozen_and_filtered(workbook):
    ws = workbook["Budsjettlinjer"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Dokument-ID", "Post", "Beløp (kr)", "Type"]
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref.startswith("A1:")
    assert ws.auto_filter.ref.endswith(str(ws.max_row))
    assert 8 <= ws.column_dimensions["B"].width <= 60
    assert [c.value for c in workbook["Flagg"][1]][:5] == ["Alvorlighet", "Kontroll", "Tittel", "Fil", "Melding"]


def test_amounts_are_numbers_with_thousands_separators(workbook):
    ws = workbook["Budsjettlinjer"]
    col = [c.value for c in ws[1]].index("Beløp (kr)") + 1
    cells = [ws.cell(row=r, column=col) for r in range(2, ws.max_row + 1)]
    assert cells, "the sample archive has budget lines"
    for c in cells:
        assert isinstance(c.value, int) and c.data_type == "n"
        assert c.number_format == "#,##0"


def test_dates_are_real_excel_dates(workbook):
    ws = workbook["Dokumenter"]
    col = [c.value for c in ws[1]].index("Dokumentdato") + 1
    dated = [ws.cell(row=r, column=col) for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=col).value]
    assert dated
    for c in dated:
        assert c.is_date and isinstance(c.value, dt.datetime)
        assert c.number_format == "DD.MM.YYYY"


HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"Klikk\")", "=cmd|' /C calc'!A0", "+SUM(1,2)", "-1+1", "@SUM(A1)",
           "\t=1+1", "\r=2+2"]


@pytest.fixture
def hostile_out(tmp_path):
    docs = [DocumentRow(doc_id="d1", path="plan.docx", format="docx", sha256="0" * 64, title=HOSTILE[0],
                        doc_date=dt.date(2013, 9, 19), pages=2)]
    budget = [BudgetLine("d1", h, 1050000 + k, "cost", None, 1, h) for k, h in enumerate(HOSTILE)]
    ms = [Milestone("d1", HOSTILE[1], dt.date(2018, 5, 1), "mai 2018", None, 1)]
    flags = [Flag("other", "warning", "d1", HOSTILE[2])]
    tables = {"documents": to_arrow("documents", docs), "budget_lines": to_arrow("budget_lines", budget),
              "milestones": to_arrow("milestones", ms), "decisions": to_arrow("decisions", []),
              "roles": to_arrow("roles", []), "flags": to_arrow("flags", flags)}
    write_outputs(str(tmp_path), tables)
    return tmp_path


def test_formula_text_stays_text_in_the_workbook(hostile_out):
    path = hostile_out / "x.xlsx"
    export_xlsx(str(hostile_out), str(path))
    wb = load_workbook(path)
    ws = wb["Budsjettlinjer"]
    labels = [ws.cell(row=r, column=2) for r in range(2, ws.max_row + 1)]
    assert [c.value for c in labels] == HOSTILE
    for c in labels:
        assert c.data_type == "s", c.value
        assert c.quotePrefix
    amounts = [ws.cell(row=r, column=3) for r in range(2, ws.max_row + 1)]
    assert all(c.data_type == "n" and isinstance(c.value, int) for c in amounts)
    assert wb["Dokumenter"]["F2"].data_type == "s" and wb["Dokumenter"]["F2"].value == HOSTILE[0]
    assert wb["Milepæler"]["B2"].data_type == "s" and wb["Milepæler"]["C2"].is_date
    assert wb["Flagg"]["E2"].data_type == "s" and wb["Flagg"]["E2"].value == HOSTILE[2]
    # no formula anywhere in the workbook
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            assert not any(c.data_type == "f" for c in row)


def test_formula_text_is_quoted_in_csv(hostile_out, tmp_path):
    export_csv(str(hostile_out), str(tmp_path / "csv"))
    with open(tmp_path / "csv" / "budget_lines.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    assert [r["label"] for r in rows] == ["'" + h for h in HOSTILE]
    assert [r["amount_nok"] for r in rows] == [str(1050000 + k) for k in range(len(HOSTILE))]


def test_export_without_results_is_one_clean_line(tmp_path):
    r = run_cli("export", "--xlsx", str(tmp_path / "x.xlsx"), "--out", str(tmp_path / "nothing"))
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "no planscan results" in r.stderr and "Traceback" not in r.stderr
