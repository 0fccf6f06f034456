"""Text-only PDF pages are read with PDFium (extractors.pdf_text): the document must come out the
same as when pdfplumber reads every page, and pages PDFium must not read go to pdfplumber."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

import extractors.pdf_reader as reader
from extractors.pdf_text import TextLayer
from tests.conftest import ROOT
from tests.hostile_files import make_pdf

PAGES = [
    ["Prosjektplan for nytt kulturhus", "Prosjektet skal ferdigstilles innen 1. desember 2026.",
     "Samlet kostnad er kr 1.050.000, finansiert med tilskudd og egenandel.",
     "Styringsgruppen ledes av kommunedirektør Kari Nordmann."],
    ["Framdrift", "Oppstart våren 2025; forprosjekt avsluttes 01.10.25.", "Kontaktperson: Ola Hansen, rådgiver."],
]
TABLE = [("Post", "Beløp"), ("Prosjektledelse", "kr 200 000,-"), ("Sum", "kr 200 000,-")]


def _blocks(doc):
    return [(b.kind, b.text, b.page) for b in doc.blocks], doc.text, doc.furniture


def _read_both(path: Path):
    fast = reader.read_pdf(str(path), doc_id="x", sha256="0", display_path=path.name)
    orig = reader._text_layer
    reader._text_layer = lambda p, n: None
    try:
        plain = reader.read_pdf(str(path), doc_id="x", sha256="0", display_path=path.name)
    finally:
        reader._text_layer = orig
    return fast, plain


def _pdfs() -> list[Path]:
    files = sorted((ROOT / "samples" / "archive").rglob("*.pdf"))
    files += sorted((ROOT / "samples" / "holdout" / "archive").rglob("*.pdf"))[:4]
    return files


@pytest.mark.parametrize("path", _pdfs(), ids=lambda p: p.name)
def test_sample_pdfs_read_the_same_with_pdfium(path: Path) -> None:
    fast, plain = _read_both(path)
    assert _blocks(fast) == _blocks(plain)


def test_seed_pdfs_read_the_same_with_pdfium(seeds: Path) -> None:
    for path in sorted(seeds.glob("*.pdf")):
        fast, plain = _read_both(path)
        assert _blocks(fast) == _blocks(plain), path.name


def test_words_match_pdfplumber_on_a_text_page(tmp_path: Path) -> None:
    pdf_path = tmp_path / "plan.pdf"
    make_pdf(pdf_path, PAGES, footer=True)
    layer = TextLayer(str(pdf_path))
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[0]
        got = layer.page_words(0, page)
        want = page.extract_words(extra_attrs=["fontname", "size"])
    layer.close()
    assert got is not None, "a page of plain text is read with PDFium"
    words, n_chars = got
    assert n_chars > 100
    assert [w["text"] for w in words] == [w["text"] for w in want]
    for a, b in zip(words, want):
        assert a["fontname"] == b["fontname"] and a["size"] == pytest.approx(b["size"], abs=0.01)
        for k in ("x0", "x1", "top", "bottom"):
            assert a[k] == pytest.approx(b[k], abs=0.6), (a["text"], k)


def test_a_page_with_a_ruled_table_goes_to_pdfplumber(tmp_path: Path) -> None:
    pdf_path = tmp_path / "budsjett.pdf"
    make_pdf(pdf_path, PAGES, table=TABLE, table_page=2)
    layer = TextLayer(str(pdf_path))
    with pdfplumber.open(pdf_path) as pdf:
        assert layer.page_words(0, pdf.pages[0]) is not None
        assert layer.page_words(1, pdf.pages[1]) is None, "drawn lines: pdfplumber finds the table"
    layer.close()
    fast, plain = _read_both(pdf_path)
    assert _blocks(fast) == _blocks(plain)
    tables = [b for b in fast.blocks if b.kind.value == "table"]
    assert tables and "kr 200 000,-" in tables[0].text


def test_a_rotated_page_goes_to_pdfplumber(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf_path = tmp_path / "rotert.pdf"
    c = canvas.Canvas(str(pdf_path), pagesize=A4)
    c.setPageRotation(90)
    c.setFont("Helvetica", 11)
    c.drawString(72, 700, "Vedtak: Formannskapet bevilger kr 500 000.")
    c.showPage()
    c.save()
    layer = TextLayer(str(pdf_path))
    with pdfplumber.open(pdf_path) as pdf:
        assert layer.page_words(0, pdf.pages[0]) is None
    layer.close()
    fast, plain = _read_both(pdf_path)
    assert _blocks(fast) == _blocks(plain)
