"""The light markup of the sample sources, parsed into blocks and rendered to .docx and .pdf.

Markup, one construct per line (the same as ../shared/seeds/src/*.txt, plus merged cells):

    # Heading 1 / ## Heading 2 / ### Heading 3   (deeper levels render as Heading 3)
    - a bullet
    [table] or [table noborder]                 a table up to [/table]
    !Head | Head | Head                          first row starting with '!': the header row
    cell | cell | <<                             '<<' alone: merged with the cell to its left
    [/table]
    [pagebreak]
    % key: value                                 metadata for the archive (not rendered)
    any other non-empty line                     a paragraph

A row shorter than the widest row is padded with empty cells. Rendering is deterministic:
the .docx has fixed core properties and zip timestamps, the .pdf is written with reportlab's
invariant mode, so the same source gives the same bytes.

    blocks = parse(text)
    render_docx(blocks, "x.docx", title="Short name")
    render_pdf(blocks, "x.pdf", title="Short name")
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

MERGE = "<<"
FIXED_TIME = dt.datetime(2024, 1, 1, 12, 0, 0)
ZIP_TIME = (2024, 1, 1, 12, 0, 0)
AUTHOR = "planscan samples"


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullet:
    text: str


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]
    header: bool = False
    border: bool = True

    @property
    def ncols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def spans(self) -> list[list[tuple[int, int, str]]]:
        """Per row, the cells as (first grid column, number of columns, text), merges applied."""
        out = []
        for row in self.rows:
            cells: list[list] = []
            for i, text in enumerate(row):
                if text == MERGE and cells:
                    cells[-1][1] += 1
                else:
                    cells.append([i, 1, text])
            out.append([tuple(c) for c in cells])
        return out


Block = Heading | Paragraph | Bullet | PageBreak | Table

_HEADING = re.compile(r"^(#+)\s+(.*)$")
_TABLE = re.compile(r"^\[table( noborder)?\]$")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("|")] if "|" in line else [line.strip()]


def parse_meta(text: str) -> dict[str, str]:
    """The '% key: value' lines of a source."""
    meta = {}
    for line in text.splitlines():
        m = re.match(r"^%\s*([\w-]+)\s*:\s*(.*?)\s*$", line)
        if m:
            meta[m.group(1).lower()] = m.group(2)
    return meta


def parse(text: str) -> list[Block]:
    """Parse the markup into blocks; see the module docstring."""
    blocks: list[Block] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        raw = lines[i].rstrip()
        line = raw.strip()
        i += 1
        if not line or line.startswith("%"):
            continue
        m = _TABLE.match(line)
        if m:
            rows: list[list[str]] = []
            header = False
            while i < len(lines) and lines[i].strip() != "[/table]":
                row_line = lines[i].rstrip()
                i += 1
                if not row_line.strip():
                    continue
                if not rows and row_line.lstrip().startswith("!"):
                    header = True
                    row_line = row_line.lstrip()[1:]
                rows.append(_cells(row_line))
            i += 1  # the [/table] line
            width = max((len(r) for r in rows), default=0)
            padded = tuple(tuple(r + [""] * (width - len(r))) for r in rows)
            blocks.append(Table(rows=padded, header=header, border=m.group(1) is None))
            continue
        if line == "[pagebreak]":
            blocks.append(PageBreak())
            continue
        m = _HEADING.match(line)
        if m:
            blocks.append(Heading(level=len(m.group(1)), text=m.group(2).strip()))
            continue
        if line.startswith("- "):
            blocks.append(Bullet(text=line[2:].strip()))
            continue
        blocks.append(Paragraph(text=raw.strip()))
    return blocks


# ---------------------------------------------------------------------------------------------
# .docx

def _docx_field(paragraph, instr: str, cached: str):
    """Append a simple field (e.g. PAGE) with a cached result to a python-docx paragraph."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = cached
    run.append(t)
    fld.append(run)
    paragraph._p.append(fld)


def _deterministic_zip(data: bytes) -> bytes:
    """The same package with fixed member timestamps (python-docx stamps the current time)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def render_docx(blocks: list[Block], path, title: str = "") -> Path:
    """Write the blocks as a Word document: Heading 1-3, List Bullet, tables (Table Grid or
    borderless, bold repeated header row, gridSpan merges), real page breaks, the short name
    in the page header and 'Side N' in the footer."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    props = document.core_properties
    props.title = title
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    props.revision = 1
    props.comments = ""
    props.subject = ""
    props.keywords = ""

    section = document.sections[0]
    section.header.paragraphs[0].text = title
    footer = section.footer.paragraphs[0]
    footer.text = "Side "
    _docx_field(footer, "PAGE", "1")

    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=min(max(block.level, 1), 3))
        elif isinstance(block, Paragraph):
            document.add_paragraph(block.text)
        elif isinstance(block, Bullet):
            document.add_paragraph(block.text, style="List Bullet")
        elif isinstance(block, PageBreak):
            document.add_page_break()
        elif isinstance(block, Table):
            if not block.rows:
                continue
            table = document.add_table(rows=len(block.rows), cols=block.ncols)
            if block.border:
                table.style = "Table Grid"
            for r, cells in enumerate(block.spans()):
                row = table.rows[r]
                for start, span, _ in cells:
                    if span > 1:
                        row.cells[start].merge(row.cells[start + span - 1])
                for start, _, text in cells:
                    cell = row.cells[start]
                    run = cell.paragraphs[0].add_run(text)
                    if block.header and r == 0:
                        run.bold = True
                if block.header and r == 0:
                    tr_pr = row._tr.get_or_add_trPr()
                    el = OxmlElement("w:tblHeader")
                    el.set(qn("w:val"), "true")
                    tr_pr.append(el)
            document.add_paragraph()  # keep two tables from fusing into one
        else:  # pragma: no cover
            raise TypeError(block)
    for style_name in ("Normal",):
        document.styles[style_name].font.size = Pt(11)

    buf = io.BytesIO()
    document.save(buf)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_deterministic_zip(buf.getvalue()))
    return path


# ---------------------------------------------------------------------------------------------
# .pdf

_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF")
_fonts: tuple[str, str] | None = None


def pdf_fonts() -> tuple[str, str]:
    """(regular, bold) font names: DejaVu Sans from the system, else reportlab's Vera, else Helvetica.
    All three cover æøå."""
    global _fonts
    if _fonts:
        return _fonts
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    candidates = [(Path(d) / "DejaVuSans.ttf", Path(d) / "DejaVuSans-Bold.ttf", "DejaVuSans") for d in _FONT_DIRS]
    for d in rl_config.TTFSearchPath:
        candidates.append((Path(d) / "Vera.ttf", Path(d) / "VeraBd.ttf", "Vera"))
    for regular, bold, name in candidates:
        if regular.is_file() and bold.is_file():
            pdfmetrics.registerFont(TTFont(name, str(regular)))
            pdfmetrics.registerFont(TTFont(name + "-Bold", str(bold)))
            pdfmetrics.registerFontFamily(name, normal=name, bold=name + "-Bold")
            _fonts = (name, name + "-Bold")
            return _fonts
    _fonts = ("Helvetica", "Helvetica-Bold")
    return _fonts


def _pdf_text(text: str) -> str:
    return escape(text.replace("\t", "    "))


def _col_widths(block: Table, avail: float, font: str, bold: str, size: float) -> list[float]:
    """Column widths: short columns (dates, amounts) get their natural width so they do not wrap;
    the columns with long text share what is left, in proportion to their natural width."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    n = block.ncols
    pad = 8.5
    natural = [24.0] * n
    for r, cells in enumerate(block.spans()):
        face = bold if block.header and r == 0 else font
        for start, span, text in cells:
            if span == 1:
                natural[start] = max(natural[start], stringWidth(text, face, size) + pad)
    if sum(natural) <= avail:
        extra = avail - sum(natural)
        return [w + extra * w / sum(natural) for w in natural]
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(n) if i not in fixed]
        left = avail - sum(fixed.values())
        share = left / len(free)
        newly = {i: natural[i] for i in free if natural[i] <= share}
        if not newly or len(newly) == len(free):
            break
        fixed.update(newly)
    free = [i for i in range(n) if i not in fixed]
    left = avail - sum(fixed.values())
    total = sum(natural[i] for i in free)
    return [fixed[i] if i in fixed else left * natural[i] / total for i in range(n)]


def render_pdf(blocks: list[Block], path, title: str = "") -> Path:
    """Write the blocks as an A4 PDF: bold larger headings, bullets, tables with a grid (or none for
    noborder, with SPAN for merged cells, the header row bold and repeated), page breaks, and
    'short name - Side N' in the footer of every page."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak as RLPageBreak
    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus import SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    regular, bold = pdf_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13.5, spaceAfter=5, alignment=TA_LEFT)
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=11.5, spaceAfter=0)
    cell_bold = ParagraphStyle("cellb", parent=cell, fontName=bold)
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=4, spaceAfter=3, bulletFontName=regular)
    heads = {
        1: ParagraphStyle("h1", parent=body, fontName=bold, fontSize=17, leading=21, spaceBefore=4, spaceAfter=10),
        2: ParagraphStyle("h2", parent=body, fontName=bold, fontSize=13.5, leading=17, spaceBefore=8, spaceAfter=6),
        3: ParagraphStyle("h3", parent=body, fontName=bold, fontSize=11.5, leading=15, spaceBefore=6, spaceAfter=4),
    }

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm, bottomMargin=22 * mm,
        title=title, author=AUTHOR, creator=AUTHOR, producer="reportlab", subject="", keywords="", invariant=1,
    )

    def footer(canvas, document):
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.drawString(20 * mm, 11 * mm, title)
        canvas.drawRightString(A4[0] - 20 * mm, 11 * mm, f"Side {document.page}")
        canvas.restoreState()

    story = []
    for block in blocks:
        if isinstance(block, Heading):
            story.append(RLParagraph(_pdf_text(block.text), heads[min(max(block.level, 1), 3)]))
        elif isinstance(block, Paragraph):
            story.append(RLParagraph(_pdf_text(block.text), body))
        elif isinstance(block, Bullet):
            story.append(RLParagraph(_pdf_text(block.text), bullet, bulletText="\u2022"))
        elif isinstance(block, PageBreak):
            story.append(RLPageBreak())
        elif isinstance(block, Table):
            if not block.rows:
                continue
            data, commands = [], []
            for r, cells in enumerate(block.spans()):
                row = [""] * block.ncols
                style = cell_bold if block.header and r == 0 else cell
                for start, span, text in cells:
                    row[start] = RLParagraph(_pdf_text(text), style)
                    if span > 1:
                        commands.append(("SPAN", (start, r), (start + span - 1, r)))
                data.append(row)
            commands += [("VALIGN", (0, 0), (-1, -1), "TOP"),
                         ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4)]
            if block.border:
                commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
                if block.header:
                    commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6E6E6")))
            table = RLTable(data, colWidths=_col_widths(block, doc.width, regular, bold, cell.fontSize), repeatRows=1 if block.header else 0,
                            hAlign="LEFT")
            table.setStyle(TableStyle(commands))
            story += [table, Spacer(1, 8)]
        else:  # pragma: no cover
            raise TypeError(block)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return path
