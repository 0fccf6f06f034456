"""The .docx and .pdf readers on real files built here with python-docx and reportlab.

What the extractors rely on: merged cells once, tables not repeated as paragraphs, the right
page for every block and cell, offsets that point at the words, headers and footers kept out of
the body, borderless tables found, explicit page breaks counted.
"""
from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hostile_files as hf  # noqa: E402

from extractors.read import read_document  # noqa: E402
from schemas.document import BlockKind, Document  # noqa: E402

WIDTH, HEIGHT = A4


def read(path: Path) -> Document:
    doc, _note = read_document(str(path), doc_id="t", sha256="", display_path=path.name)
    return doc


def assert_offsets(doc: Document) -> None:
    """Every block's and every cell's span points at exactly its text."""
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text, (b.kind, b.text[:60])
        for row in b.rows:
            for cell in row:
                assert doc.text[cell.start:cell.end] == cell.text, cell


def tables(doc: Document):
    return [b for b in doc.blocks if b.kind is BlockKind.TABLE]


def cell_texts(doc: Document) -> list[str]:
    return [c.text for t in tables(doc) for row in t.rows for c in row]


# ---------------------------------------------------------------- builders

def merged_cells_docx(path: Path) -> None:
    """A budget table with a horizontally merged total row and a vertically merged amount."""
    d = docx.Document()
    d.add_paragraph("Budsjett for prosjektet")
    t = d.add_table(rows=4, cols=3)
    t.style = "Table Grid"
    for c, v in enumerate(("Post", "År", "Beløp")):
        t.cell(0, c).text = v
    t.cell(1, 0).text = "Innleie av konsulenter"
    t.cell(1, 1).text = "2025"
    t.cell(2, 0).text = "Innleie av konsulenter, fase 2"
    t.cell(2, 1).text = "2026"
    shared = t.cell(1, 2).merge(t.cell(2, 2))  # vMerge: one amount for two rows
    shared.text = "1 250 000"
    total = t.cell(3, 0).merge(t.cell(3, 1))  # gridSpan: the label spans two columns
    total.text = "Sum for begge årene 7 654 321"
    t.cell(3, 2).text = "3 400 000"
    d.add_paragraph("Budsjettet ble vedtatt i styringsgruppen.")
    d.save(str(path))


def paged_docx(path: Path) -> None:
    """Three pages by explicit page breaks, and a page header."""
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Rådmannens kontor – intern arbeidsversjon"
    d.sections[0].footer.paragraphs[0].text = "Bunntekst for hele dokumentet"
    d.add_heading("Første side", level=1)
    d.add_paragraph("Tekst på første side.")
    d.add_page_break()
    d.add_paragraph("Tekst på andre side.")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Milepæl", "Dato"
    t.cell(1, 0).text, t.cell(1, 1).text = "Forprosjekt ferdig", "1. mars 2025"
    d.add_page_break()
    d.add_paragraph("Tekst på tredje side.")
    d.save(str(path))


def content_control_in_cell_docx(path: Path) -> None:
    """A template-style table whose cell value sits in a content control (w:sdt), as in the
    document templates of case-management systems."""
    d = docx.Document()
    d.add_paragraph("Prosjektorganisering")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "Rolle"
    t.cell(0, 1).text = "Navn"
    t.cell(1, 0).text = "Prosjektleder"
    t.cell(1, 1).text = "Ingrid Kontrollfelt"
    from lxml import etree

    tc = t.cell(1, 1)._tc
    p = tc.find(qn("w:p"))
    sdt = etree.SubElement(tc, qn("w:sdt"))
    etree.SubElement(sdt, qn("w:sdtPr"))
    content = etree.SubElement(sdt, qn("w:sdtContent"))
    tc.remove(p)
    content.append(p)
    d.save(str(path))


def table_pdf(path: Path) -> None:
    """Three pages: a ruled table on page 2, a borderless aligned table on page 3, 'Side n av 3' footers."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in range(1, 4):
        c.setFont("Helvetica-Bold", 14)
        c.drawString(72, HEIGHT - 72, f"Kapittel {n}")
        c.setFont("Helvetica", 10.5)
        c.drawString(72, HEIGHT - 100, f"Dette avsnittet står på side nummer {n} i planen.")
        if n == 2:
            hf.draw_ruled_table(c, [("Post", "Beløp"), ("Konsulenttjenester", "640 000"),
                                    ("Maskinvare", "215 000"), ("Sum", "855 000")], 72, HEIGHT - 140)
        if n == 3:
            rows = [("Milepæl", "Ansvarlig", "Frist"), ("Forprosjekt levert", "Prosjektleder", "1. mars 2025"),
                    ("Anskaffelse avklart", "Innkjøpssjef", "15. juni 2025"),
                    ("Pilot i drift", "Virksomhetsleder", "1. desember 2025")]
            y = HEIGHT - 150
            for r, row in enumerate(rows):
                c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 10)
                for x, val in zip((72, 260, 420), row):
                    c.drawString(x, y, val)
                y -= 16
            c.setFont("Helvetica", 10.5)
            c.drawString(72, y - 30, "Etter tabellen følger vanlig tekst på siste side.")
        c.setFont("Helvetica", 8)
        c.drawString(WIDTH / 2 - 20, 30, f"Side {n} av 3")
        c.showPage()
    c.save()


def split_table_pdf(path: Path, empty_row: bool) -> None:
    """A ruled table that runs over a page break; optionally with an empty row before the break."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10.5)
    c.drawString(72, HEIGHT - 72, "Tiltak og kostnader fordelt på år.")
    first = [("Tiltak", "Beløp"), ("Tiltak alfa", "100 000")] + ([("", "")] if empty_row else []) + [
        ("Tiltak beta", "200 000")]
    hf.draw_ruled_table(c, first, 72, HEIGHT - 100)
    c.showPage()
    hf.draw_ruled_table(c, [("Tiltak gamma", "300 000"), ("Tiltak delta", "400 000")], 72, HEIGHT - 72)
    c.setFont("Helvetica", 10.5)
    c.drawString(72, HEIGHT - 140, "Tabellen slutter her.")
    c.showPage()
    c.save()


# ---------------------------------------------------------------- .docx

def test_docx_merged_cells_appear_once(tmp_path):
    p = tmp_path / "merged.docx"
    merged_cells_docx(p)
    doc = read(p)
    assert doc.text.count("1 250 000") == 1, doc.text
    assert doc.text.count("Sum for begge årene 7 654 321") == 1, doc.text
    assert doc.text.count("3 400 000") == 1
    [t] = tables(doc)
    spanning = [c for row in t.rows for c in row if c.text.startswith("Sum for begge")]
    assert [(c.col, c.span) for c in spanning] == [(0, 2)]
    amount = [c for row in t.rows for c in row if c.text == "1 250 000"]
    assert len(amount) == 1 and amount[0].col == 2
    total_row = [row for row in t.rows if row and row[0].text.startswith("Sum")][0]
    assert [c.text for c in total_row][-1] == "3 400 000" and total_row[-1].col == 2
    assert_offsets(doc)


def test_docx_table_not_repeated_as_paragraphs(tmp_path):
    p = tmp_path / "merged.docx"
    merged_cells_docx(p)
    doc = read(p)
    for text in ("Innleie av konsulenter, fase 2", "2026", "Post"):
        assert doc.text.count(text) == 1, text
    texts = [b.text for b in doc.blocks if b.kind is not BlockKind.TABLE]
    assert texts == ["Budsjett for prosjektet", "Budsjettet ble vedtatt i styringsgruppen."]


def test_docx_page_breaks_give_pages(tmp_path):
    p = tmp_path / "paged.docx"
    paged_docx(p)
    doc = read(p)
    assert doc.pages == 3
    page_of = {b.text: b.page for b in doc.blocks if b.kind is not BlockKind.TABLE}
    assert page_of["Første side"] == 1
    assert page_of["Tekst på første side."] == 1
    assert page_of["Tekst på andre side."] == 2
    assert page_of["Tekst på tredje side."] == 3
    [t] = tables(doc)
    assert {c.page for row in t.rows for c in row} == {2}
    assert_offsets(doc)


def test_docx_header_and_footer_kept_apart(tmp_path):
    p = tmp_path / "paged.docx"
    paged_docx(p)
    doc = read(p)
    assert "Rådmannens kontor" not in doc.text
    assert "Bunntekst" not in doc.text
    assert any("Rådmannens kontor" in f for f in doc.furniture)
    assert any("Bunntekst" in f for f in doc.furniture)


def test_docx_without_page_breaks_has_no_pages(tmp_path):
    p = tmp_path / "merged.docx"
    merged_cells_docx(p)
    doc = read(p)
    assert doc.pages is None
    assert {b.page for b in doc.blocks} == {None}


def test_docx_content_control_in_a_table_cell(tmp_path):
    p = tmp_path / "sdt.docx"
    content_control_in_cell_docx(p)
    doc = read(p)
    assert "Ingrid Kontrollfelt" in doc.text, f"a cell's content control was dropped: {doc.text!r}"
    assert "Ingrid Kontrollfelt" in cell_texts(doc)


def test_docx_offsets_on_the_good_plan(tmp_path):
    p = tmp_path / "plan.docx"
    hf.make_docx(p, hf.GOOD_PLAN_PARAGRAPHS, hf.GOOD_BUDGET, header="Kommunen – internt")
    doc = read(p)
    assert_offsets(doc)
    [t] = tables(doc)
    assert t.header_rows in (0, 1)
    assert [c.text for c in t.rows[-1]] == ["Sum", "2 000 000"]
    for text in ("Innleid kompetanse", "1 200 000", "2 000 000"):
        assert doc.text.count(text) == 1, text


# ---------------------------------------------------------------- .pdf

@pytest.fixture(scope="module")
def pdf_doc(tmp_path_factory) -> Document:
    p = tmp_path_factory.mktemp("pdf") / "tabeller.pdf"
    table_pdf(p)
    return read(p)


def test_pdf_pages_of_blocks(pdf_doc):
    assert pdf_doc.pages == 3
    for n in (1, 2, 3):
        [b] = [b for b in pdf_doc.blocks if f"side nummer {n}" in b.text]
        assert b.page == n, b
        [h] = [b for b in pdf_doc.blocks if b.text == f"Kapittel {n}"]
        assert h.page == n and h.kind is BlockKind.HEADING
    [last] = [b for b in pdf_doc.blocks if b.text.startswith("Etter tabellen")]
    assert last.page == 3


def test_pdf_offsets(pdf_doc):
    assert_offsets(pdf_doc)
    for n in (1, 2, 3):
        i = pdf_doc.text.index(f"side nummer {n}")
        assert pdf_doc.page_at(i) == n


def test_pdf_ruled_table_once(pdf_doc):
    ruled = [t for t in tables(pdf_doc) if t.ruled]
    assert len(ruled) == 1
    t = ruled[0]
    assert t.page == 2
    assert [[c.text for c in row] for row in t.rows] == [
        ["Post", "Beløp"], ["Konsulenttjenester", "640 000"], ["Maskinvare", "215 000"], ["Sum", "855 000"]]
    assert {c.page for row in t.rows for c in row} == {2}
    for text in ("Konsulenttjenester", "640 000", "215 000", "855 000"):
        assert pdf_doc.text.count(text) == 1, text


def test_pdf_borderless_table_found(pdf_doc):
    aligned = [t for t in tables(pdf_doc) if t.ruled is False]
    assert len(aligned) == 1, [t.text for t in tables(pdf_doc)]
    t = aligned[0]
    assert t.page == 3
    rows = [[c.text for c in row] for row in t.rows]
    assert rows[0] == ["Milepæl", "Ansvarlig", "Frist"]
    assert ["Anskaffelse avklart", "Innkjøpssjef", "15. juni 2025"] in rows
    assert [[c.col for c in row] for row in t.rows] == [[0, 1, 2]] * 4
    for text in ("Anskaffelse avklart", "15. juni 2025", "Virksomhetsleder"):
        assert pdf_doc.text.count(text) == 1, text


def test_pdf_footer_not_in_body(pdf_doc):
    assert "Side 1 av 3" not in pdf_doc.text
    assert "av 3" not in pdf_doc.text
    assert any(f.startswith("Side") for f in pdf_doc.furniture)


def test_pdf_table_over_a_page_break_is_one_table_with_the_right_pages(tmp_path):
    p = tmp_path / "split.pdf"
    split_table_pdf(p, empty_row=False)
    doc = read(p)
    [t] = tables(doc)
    page_of = {c.text: c.page for row in t.rows for c in row}
    assert page_of["Tiltak alfa"] == 1 and page_of["Tiltak beta"] == 1
    assert page_of["Tiltak gamma"] == 2 and page_of["400 000"] == 2
    assert_offsets(doc)
    for text in ("Tiltak gamma", "300 000"):
        assert doc.page_at(doc.text.index(text)) == 2


def test_pdf_split_table_with_an_empty_row_keeps_cell_pages(tmp_path):
    """An empty row before the break is dropped from the table; the pages must not shift with it."""
    p = tmp_path / "split-empty.pdf"
    split_table_pdf(p, empty_row=True)
    doc = read(p)
    [t] = tables(doc)
    page_of = {c.text: c.page for row in t.rows for c in row}
    assert page_of["Tiltak beta"] == 1
    assert page_of["Tiltak gamma"] == 2, f"cell pages shifted: {page_of}"
    assert page_of["Tiltak delta"] == 2, f"cell pages shifted: {page_of}"


def test_pdf_good_plan_table_once(tmp_path):
    p = tmp_path / "plan.pdf"
    hf.make_pdf(p, hf.good_plan_pdf_pages(), hf.GOOD_BUDGET, table_page=2, footer=True)
    doc = read(p)
    assert_offsets(doc)
    [t] = tables(doc)
    assert t.page == 2
    for text in ("Innleid kompetanse", "1 200 000", "2 000 000"):
        assert doc.text.count(text) == 1, text
    assert "Side 2 av 3" not in doc.text
