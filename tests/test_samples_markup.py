"""The sample archive: markup parsing, .docx/.pdf rendering on real files, answer keys, determinism."""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
import zipfile
from pathlib import Path

import docx
import pdfplumber
import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
sys.path.insert(0, str(SAMPLES))

import make_archive  # noqa: E402
import markup  # noqa: E402

SOURCES = sorted((SAMPLES / "src").glob("*.txt"))
KEYS = sorted((SAMPLES / "truth").glob("*.json"))
ARCHIVE = SAMPLES / "archive"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

SMALL = """\
% short: Liten test
# Hovedtittel æøå
Innledende avsnitt med 50 % og org.nr. 974 123 456.
## Budsjett
- første punkt
- andre punkt
[table]
!Post | 2024 | 2025 | Sum
Interne kostnader | << | << | <<
Lønn | 100 000 | 200 000 | 300 000
Sum | 100 000 | << | 300 000
[/table]
[pagebreak]
### Finansiering
[table noborder]
Kommunen | kr 50 000
 | merknad
[/table]
[pagebreak]
## Tredje side
Slutt.
"""


def archived(stem: str, suffix: str) -> list[Path]:
    return sorted(p for p in ARCHIVE.rglob(f"*{suffix}") if p.stem == stem)


def pdf_pages_text(path: Path) -> list[str]:
    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            out.append(page.extract_text() or "")
            page.close()
    return out


def docx_grid_spans(path: Path) -> list[int]:
    document = docx.Document(str(path))
    return [int(el.get(W + "val")) for el in document.element.body.iter(W + "gridSpan")]


# ---------------------------------------------------------------------------------------------
# parsing


def test_parse_constructs():
    blocks = markup.parse(SMALL)
    kinds = [type(b).__name__ for b in blocks]
    assert kinds == ["Heading", "Paragraph", "Heading", "Bullet", "Bullet", "Table", "PageBreak", "Heading",
                     "Table", "PageBreak", "Heading", "Paragraph"]
    assert [b.level for b in blocks if isinstance(b, markup.Heading)] == [1, 2, 3, 2]
    grid, plain = [b for b in blocks if isinstance(b, markup.Table)]
    assert grid.header and grid.border and grid.ncols == 4
    assert not plain.header and not plain.border
    assert plain.rows == (("Kommunen", "kr 50 000"), ("", "merknad"))
    spans = grid.spans()
    assert spans[1] == [(0, 4, "Interne kostnader")]
    assert spans[3] == [(0, 1, "Sum"), (1, 2, "100 000"), (3, 1, "300 000")]
    assert markup.parse_meta(SMALL) == {"short": "Liten test"}


def test_short_rows_are_padded_and_header_bang_removed():
    table = markup.parse("[table]\n!Budsjett 2010\nA | 1\n[/table]")[0]
    assert table.rows == (("Budsjett 2010", ""), ("A", "1"))
    assert table.header


# ---------------------------------------------------------------------------------------------
# rendering a small document


@pytest.fixture(scope="module")
def small_files(tmp_path_factory):
    out = tmp_path_factory.mktemp("small")
    blocks = markup.parse(SMALL)
    return (markup.render_docx(blocks, out / "small.docx", title="Liten test"),
            markup.render_pdf(blocks, out / "small.pdf", title="Liten test"))


def test_small_docx_structure(small_files):
    path, _ = small_files
    document = docx.Document(str(path))
    styles = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert ("Heading 1", "Hovedtittel æøå") in styles
    assert ("Heading 2", "Budsjett") in styles
    assert ("Heading 3", "Finansiering") in styles
    assert ("List Bullet", "første punkt") in styles
    grid, plain = document.tables
    assert grid.style.name == "Table Grid"
    assert plain.style is None or plain.style.name != "Table Grid"
    assert [c.text for c in grid.rows[2].cells] == ["Lønn", "100 000", "200 000", "300 000"]
    assert all(r.bold for r in grid.rows[0].cells[0].paragraphs[0].runs)
    assert docx_grid_spans(path) == [4, 2]
    assert len(grid.rows[1]._tr.findall(W + "tc")) == 1
    breaks = [br for br in document.element.body.iter(W + "br") if br.get(W + "type") == "page"]
    assert len(breaks) == 2
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "Liten test"
    assert document.core_properties.created == dt.datetime(2024, 1, 1, 12, 0, tzinfo=dt.timezone.utc)


def test_small_pdf_pages_and_tables(small_files):
    _, path = small_files
    pages = pdf_pages_text(path)
    assert len(pages) == 3
    assert pages[0].startswith("Hovedtittel æøå")
    assert pages[1].startswith("Finansiering")
    assert pages[2].startswith("Tredje side")
    assert "Side 1" in pages[0] and "Side 3" in pages[2]
    with pdfplumber.open(path) as pdf:
        tables = pdf.pages[0].extract_tables()
    assert tables == [[["Post", "2024", "2025", "Sum"], ["Interne kostnader", None, None, None],
                       ["Lønn", "100 000", "200 000", "300 000"], ["Sum", "100 000", None, "300 000"]]]


# ---------------------------------------------------------------------------------------------
# the real archive


def test_every_source_is_rendered_and_keyed():
    assert len(SOURCES) >= 12
    stems = {p.stem for p in SOURCES}
    assert {p.stem for p in KEYS} == stems
    for stem in stems:
        assert len(archived(stem, ".docx")) == 1, stem
        assert len(archived(stem, ".pdf")) == 1, stem
    assert any(p.parent != ARCHIVE and re.search("[æøå]", p.parent.name) and " " in p.parent.name
               for p in ARCHIVE.rglob("*.docx"))


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_archived_docx_matches_source(src):
    blocks = markup.parse(src.read_text(encoding="utf-8"))
    (path,) = archived(src.stem, ".docx")
    document = docx.Document(str(path))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [(f"Heading {min(b.level, 3)}", b.text) for b in blocks if isinstance(b, markup.Heading)]
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets == [b.text for b in blocks if isinstance(b, markup.Bullet)]
    tables = [b for b in blocks if isinstance(b, markup.Table)]
    assert len(document.tables) == len(tables)
    for want, got in zip(tables, document.tables):
        assert (got.style is not None and got.style.name == "Table Grid") == want.border
        for want_cells, row in zip(want.spans(), got.rows):
            texts = [c.text for c in row.cells]
            for start, span, text in want_cells:
                assert texts[start:start + span] == [text] * span
    spans = [s for t in tables for row in t.spans() for _, s, _ in row if s > 1]
    assert sorted(docx_grid_spans(path)) == sorted(spans)


def test_archive_has_a_real_merged_cell():
    (path,) = archived("tveita-prosjektplan-gronn-vekst", ".docx")
    assert 4 in docx_grid_spans(path)
    document = docx.Document(str(path))
    budget = next(t for t in document.tables if t.rows[0].cells[0].text == "Kostnader")
    assert [c.text for c in budget.rows[1].cells] == ["Interne kostnader"] * 4
    assert [c.text for c in budget.rows[-1].cells] == ["Sum kostnader", "850 000", "1 050 000", "1 900 000"]


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_archived_pdf_honours_page_breaks_and_has_table_texts(src):
    blocks = markup.parse(src.read_text(encoding="utf-8"))
    (path,) = archived(src.stem, ".pdf")
    pages = pdf_pages_text(path)
    breaks = sum(isinstance(b, markup.PageBreak) for b in blocks)
    assert len(pages) >= breaks + 1
    first_lines = [p.splitlines()[0] if p else "" for p in pages]
    for i, block in enumerate(blocks[:-1]):
        if isinstance(block, markup.PageBreak):
            after = blocks[i + 1]
            assert any(line.startswith(after.text[:25]) for line in first_lines), after
    flat = re.sub(r"\s+", " ", " ".join(pages))
    for table in (b for b in blocks if isinstance(b, markup.Table)):
        for row in table.rows:
            for cell in row:
                if cell and cell != markup.MERGE and len(cell) < 25:
                    assert cell in flat, cell


def test_pdf_page_count_of_a_known_document():
    (path,) = archived("tveita-prosjektplan-gronn-vekst", ".pdf")
    pages = pdf_pages_text(path)
    assert len(pages) == 3
    assert pages[2].startswith("5. Budsjett")
    with pdfplumber.open(path) as pdf:
        tables = pdf.pages[2].extract_tables()
        pdf.pages[2].close()
    sums = [row for t in tables for row in t if row and row[0] == "Sum kostnader"]
    assert sums == [["Sum kostnader", "850 000", "1 050 000", "1 900 000"]]


# ---------------------------------------------------------------------------------------------
# answer keys

DOC_TYPES = {"project_plan", "council_case", "minutes", "action_plan", "mandate", "report", "article", "other"}
KINDS = {"cost", "funding", "total", "frame", "other"}
CHECKS = {"budget_total_mismatch", "funding_vs_cost_mismatch", "amount_text_vs_table", "decision_vs_budget",
          "date_order", "milestone_after_end", "cross_document", "other"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def valid_date(value) -> bool:
    if value is None:
        return True
    if not DATE.match(value):
        return False
    parts = [int(x) for x in value.split("-")] + [1, 1]
    dt.date(parts[0], parts[1], parts[2])
    return True


@pytest.mark.parametrize("path", KEYS, ids=lambda p: p.stem)
def test_key_format(path):
    key = json.loads(path.read_text(encoding="utf-8"))
    assert list(key) == ["doc", "source", "doc_type", "doc_date", "title", "budget_lines", "milestones",
                         "decisions", "roles", "expected_flags"]
    assert key["doc"] == path.stem
    assert key["doc_type"] in DOC_TYPES
    assert valid_date(key["doc_date"])
    assert key["title"]
    for b in key["budget_lines"]:
        assert set(b) == {"label", "amount_nok", "kind", "period", "in_table"}
        assert isinstance(b["amount_nok"], int) and b["amount_nok"] > 0 and b["kind"] in KINDS
        assert b["period"] is None or b["period"] == "per_year" or re.fullmatch(r"\d{4}", b["period"])
        assert isinstance(b["in_table"], bool) and b["label"]
    for m in key["milestones"]:
        assert set(m) == {"description", "due", "status"} and m["description"] and valid_date(m["due"])
    for d in key["decisions"]:
        assert set(d) == {"case_number", "body", "date", "kind", "text"}
        assert d["kind"] in {"adopted", "proposal"} and d["text"] and valid_date(d["date"])
    persons = [r["person"] for r in key["roles"]]
    assert len(persons) == len(set(persons)), "one row per person"
    for r in key["roles"]:
        assert set(r) == {"person", "role", "organisation"} and r["person"] and r["role"]
    for f in key["expected_flags"]:
        assert set(f) == {"check", "detail"} and f["check"] in CHECKS and f["detail"]


def amounts_written(text: str) -> set[int]:
    """Every amount the text could mean: plain numbers (spaces or dots as thousands separators),
    'x,y mill.' / 'millioner', and table cells in 1000 kr."""
    found = set()
    for m in re.finditer(r"\d{1,3}(?:[ .]\s?\d{3})+|\d+", text):
        n = int(re.sub(r"\D", "", m.group()))
        found |= {n, n * 1000}
    for m in re.finditer(r"(\d+(?:,\d+)?)\s*(?:mill|millioner)", text):
        found.add(round(float(m.group(1).replace(",", ".")) * 1_000_000))
    return found


@pytest.mark.parametrize("path", KEYS, ids=lambda p: p.stem)
def test_keyed_amounts_and_texts_are_in_the_source(path):
    key = json.loads(path.read_text(encoding="utf-8"))
    text = (SAMPLES / "src" / f"{path.stem}.txt").read_text(encoding="utf-8")
    written = amounts_written(text)
    for b in key["budget_lines"]:
        assert b["amount_nok"] in written, b
    assert key["title"] in text
    flat = re.sub(r"\s+", " ", text)
    for d in key["decisions"]:
        assert d["text"] in flat, d["text"]
        if d["case_number"]:
            assert d["case_number"] in text
    for r in key["roles"]:
        assert r["person"] in text, r["person"]


def test_cross_document_flags_are_symmetric():
    keys = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in KEYS}
    pairs = set()
    for stem, key in keys.items():
        for f in key["expected_flags"]:
            if f["check"] == "cross_document":
                others = [o for o in keys if o != stem and o in f["detail"]]
                assert len(others) == 1, (stem, f["detail"])
                pairs.add((stem, others[0]))
    assert pairs, "there are cross-document flags"
    for a, b in pairs:
        assert (b, a) in pairs, f"{a} flags {b}, but not the other way round"
    assert len(pairs) == len({tuple(sorted(p)) for p in pairs}) * 2
    clean = [s for s, k in keys.items() if not k["expected_flags"]]
    assert len(clean) >= 2
    for check in CHECKS - {"other"}:
        assert any(f["check"] == check for k in keys.values() for f in k["expected_flags"]), check


# ---------------------------------------------------------------------------------------------
# determinism


def docx_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_rebuilding_is_deterministic(tmp_path):
    first = make_archive.build(out_dir=tmp_path / "a")
    second = make_archive.build(out_dir=tmp_path / "b")
    assert len(first) == len(second) == 2 * len(SOURCES)
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_committed_archive_is_up_to_date(tmp_path):
    """The committed files are what make_archive.py makes now: the same .docx parts (compared
    unzipped, so another zlib does not matter) and the same PDF text (the PDF bytes depend on the
    font found on the machine; the archive was rendered with DejaVu Sans)."""
    built = make_archive.build(out_dir=tmp_path)
    same_font = markup.pdf_fonts()[0] == "DejaVuSans"
    for a in built:
        committed = ARCHIVE / a.relative_to(tmp_path)
        assert committed.exists(), f"{committed}: run samples/make_archive.py"
        if a.suffix == ".docx":
            assert docx_parts(a) == docx_parts(committed), f"{a.name}: run samples/make_archive.py"
        elif same_font:
            assert pdf_pages_text(a) == pdf_pages_text(committed), f"{a.name}: run samples/make_archive.py"


def test_docx_zip_has_fixed_timestamps():
    (path,) = archived("fjellbu-nyhet-ladepunkter", ".docx")
    with zipfile.ZipFile(path) as z:
        assert {i.date_time for i in z.infolist()} == {markup.ZIP_TIME}
    assert b"2024-01-01T12:00:00Z" in docx_parts(path)["docProps/core.xml"]
