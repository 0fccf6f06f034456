"""Read a PDF into the document model: text in reading order, ruled and aligned tables.

The only module that touches pdfplumber. Pages that draw no lines or boxes (most pages of a long
plan) get their words from PDFium instead (extractors/pdf_text.py: the same words, several times
faster). Other pages are parsed once by pdfplumber: words (with font name and size) and ruled
tables come from the same parsed page, then the page is closed so memory stays flat on long
documents (pdfplumber's `PDF.close()` does not release pages you used). Words inside
a table are not repeated as paragraphs. Tables without ruling lines are found from text alignment:
runs of lines whose words fall into the same columns separated by wide gaps.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from schemas.document import BlockKind, Document, DocumentBuilder
from extractors.errors import ReadError

# Bullets: common glyphs, and Symbol/Wingdings glyphs that land in the private use area.
_BULLET = re.compile(r"^\s*(?:[•·▪‣◦\-–—*\uf000-\uf0ff]|\d{1,2}[.)]|[a-zA-Z][.)])\s+")
_PUA_BULLET = re.compile(r"^[\uf000-\uf0ff]\s*")
COLUMN_GAP = 18.0  # points: a gap this wide between words separates table columns


@dataclass
class _Line:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    words: list[dict]
    segments: list[tuple[float, float, str]] = field(default_factory=list)  # (x0, x1, text)

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)


@dataclass
class _Table:
    page: int
    top: float
    rows: list[list[tuple[str, int, int]]]
    header_rows: int
    ruled: bool
    cell_pages: list[list[int]] | None = None
    page_last: int = 0


def _inside(w: dict, bbox: tuple[float, float, float, float]) -> bool:
    cx = (w["x0"] + w["x1"]) / 2
    cy = (w["top"] + w["bottom"]) / 2
    return bbox[0] - 1 <= cx <= bbox[2] + 1 and bbox[1] - 1 <= cy <= bbox[3] + 1


def _lines(words: list[dict], page_no: int) -> list[_Line]:
    words = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    lines: list[list[dict]] = []
    for w in words:
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= max(2.0, 0.3 * w.get("size", 10)):
            lines[-1].append(w)
        else:
            lines.append([w])
    out = []
    for ws in lines:
        ws.sort(key=lambda w: w["x0"])
        sizes = [w.get("size", 10) for w in ws]
        bold = all("bold" in (w.get("fontname") or "").lower() or "black" in (w.get("fontname") or "").lower() for w in ws)
        line = _Line(page_no, min(w["top"] for w in ws), max(w["bottom"] for w in ws), ws[0]["x0"], ws[-1]["x1"],
                     max(sizes), bold, ws)
        seg_start = 0
        for i in range(1, len(ws) + 1):
            if i == len(ws) or ws[i]["x0"] - ws[i - 1]["x1"] > COLUMN_GAP:
                seg = ws[seg_start:i]
                line.segments.append((seg[0]["x0"], seg[-1]["x1"], " ".join(w["text"] for w in seg)))
                seg_start = i
        out.append(line)
    return out


def _aligned_tables(lines: list[_Line]) -> tuple[list[_Table], set[int]]:
    """Find tables without ruling lines: consecutive multi-column lines sharing column starts."""
    tables: list[_Table] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        if len(lines[i].segments) < 2:
            i += 1
            continue
        # grow a run of lines; single-segment lines may sit inside (wrapped labels)
        run = [i]
        j = i + 1
        cols = [s[0] for s in lines[i].segments]
        while j < len(lines):
            prev = lines[run[-1]]
            ln = lines[j]
            if ln.top - prev.bottom > 2.2 * ln.size:
                break
            if len(ln.segments) >= 2:
                if not all(any(abs(s[0] - c) < 6 or abs(s[1] - lines[i].segments[-1][1]) < 6 for c in cols) for s in ln.segments[1:]):
                    break
                run.append(j)
            elif abs(ln.x0 - cols[0]) < 6 and j + 1 < len(lines) and len(lines[j + 1].segments) >= 2:
                run.append(j)
            else:
                break
            j += 1
        multi = [k for k in run if len(lines[k].segments) >= 2]
        if len(multi) >= 2:
            col_starts = sorted({round(s[0]) for k in multi for s in lines[k].segments})
            # merge near-equal column starts
            merged: list[float] = []
            for c in col_starts:
                if not merged or c - merged[-1] > 6:
                    merged.append(c)
            rows = []
            for k in run:
                row = []
                for s in lines[k].segments:
                    col = min(range(len(merged)), key=lambda n: abs(merged[n] - s[0]))
                    row.append((s[2], col, 1))
                rows.append(row)
            header = 1 if lines[run[0]].bold and not lines[run[1]].bold else 0
            tables.append(_Table(lines[i].page, lines[i].top, rows, header, False))
            used.update(run)
            i = run[-1] + 1
        else:
            i += 1
    return tables, used


def _ruled_tables(page, words: list[dict], page_no: int) -> list[tuple[tuple, _Table]]:
    out = []
    for t in page.find_tables():
        rows_out = []
        try:
            prow = t.rows
        except Exception:
            continue
        # Only the words inside the table are candidates for its cells.
        in_table = [w for w in words if _inside(w, t.bbox)]
        for r in prow:
            row = []
            cells = list(r.cells)
            for ci, bbox in enumerate(cells):
                if bbox is None:
                    continue
                span = 1
                k = ci + 1
                while k < len(cells) and cells[k] is None:
                    span += 1
                    k += 1
                lines = _cell_lines([w for w in in_table if _inside(w, bbox)])
                row.append((lines, bbox, ci, span))
            rows_out.append(row)
        # The cell padding, per column: the least room any line leaves before its cell's right edge.
        pads: dict[int, float] = {}
        for row in rows_out:
            for lines, bbox, ci, _ in row:
                for ln in lines:
                    pads[ci] = min(pads.get(ci, 99.0), bbox[2] - ln[-1]["x1"])
        rows_out = [[(_cell_text(lines, bbox[2], min(pads.get(ci, 6.0), 8.0)), ci, span)
                     for lines, bbox, ci, span in row] for row in rows_out]
        if not rows_out or not any(any(c[0] for c in r) for r in rows_out):
            continue
        ncols = max(len(r) for r in rows_out)
        if ncols < 2 and len(rows_out) < 2:
            continue  # a framed paragraph, not a table
        top = prow[0].bbox if prow else None  # t.rows is recomputed on every access: read it once
        first = [w for w in in_table if top and _inside(w, top)]
        header = 1 if first and all("bold" in (w.get("fontname") or "").lower() for w in first) else 0
        out.append((t.bbox, _Table(page_no, t.bbox[1], rows_out, header, True)))
    return out


def _cell_lines(ws: list[dict]) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for w in sorted(ws, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    return lines


def _cell_text(lines: list[list[dict]], right: float, pad: float) -> str:
    """A cell's words line by line. A word too long for a narrow column is broken by some
    renderers without a hyphen ('Prosjektrappor' / 'tering'): the fragment fills the line to the
    cell's padding (within about one character), stands alone on its line and ends in a letter, and the next line starts in
    lower case; such a line runs on without a space. A whole word wrapped early leaves more room."""
    out = ""
    for i, ln in enumerate(lines):
        text = " ".join(w["text"] for w in ln)
        if i:
            prev = lines[i - 1]
            size = prev[-1]["bottom"] - prev[-1]["top"]
            fragment = (len(prev) == 1 and right - prev[-1]["x1"] <= pad + 0.6 * size and prev[-1]["text"][-1:].isalpha()
                        and text[:1].islower())
            hyphen = prev[-1]["text"][-2:-1].isalpha() and prev[-1]["text"].endswith("-") and text[:1].isalpha()
            out += text if fragment or hyphen else " " + text
        else:
            out = text
    return out


def _is_furniture(line: _Line, height: float) -> bool:
    return line.top < 0.06 * height or line.bottom > 0.94 * height


def _text_layer(path: str, n_pages: int):
    """PDFium's view of the file for its text-only pages (extractors.pdf_text), or None."""
    from extractors.pdf_text import TextLayer

    try:
        layer = TextLayer(path)
    except Exception:
        return None  # pdfplumber reads every page, as it can
    if layer.n_pages != n_pages:
        layer.close()
        return None
    return layer


def _read_page(page, page_no: int, layer, n_pages: int) -> tuple[list[dict], int, list, float]:
    """One page's (words, characters, ruled tables, height); the page is closed after."""
    try:
        fast = None
        if layer is not None:
            try:
                fast = layer.page_words(page_no - 1, page)
            except Exception:
                fast = None  # PDFium could not: pdfplumber reads the page
        if fast is not None:
            return fast[0], fast[1], [], float(page.height)
        words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
        ruled = _ruled_tables(page, words, page_no) if page.rects or page.lines or page.edges else []
        return words, len(page.chars), ruled, float(page.height)
    except Exception as e:
        raise ReadError(f"page {page_no} cannot be parsed ({type(e).__name__}: {str(e)[:100]})", pages=n_pages)
    finally:
        page.close()


def read_pdf(path: str, *, doc_id: str, sha256: str, display_path: str, max_pages: int | None = None) -> Document:
    """Parse a PDF file. Raises ReadError with a readable reason on any failure."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect, PDFEncryptionError

    try:
        pdf = pdfplumber.open(path)
    except Exception as e:
        cause = e.args[0] if e.args else None
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in repr(e).lower():
            raise ReadError("password-protected PDF: it cannot be read without the password")
        msg = str(e) or type(e).__name__
        raise ReadError(f"damaged or truncated PDF ({msg[:120]})")
    with pdf:
        try:
            n_pages = len(pdf.pages)
        except Exception as e:
            raise ReadError(f"damaged PDF: the page tree cannot be read ({str(e)[:100]})")
        if n_pages == 0:
            raise ReadError("PDF has no pages (its page tree is empty or damaged)")
        if max_pages and n_pages > max_pages:
            raise ReadError(f"PDF has {n_pages} pages, more than the limit of {max_pages} (--max-pages)", pages=n_pages)
        items: list[tuple[int, float, object]] = []  # (page, top, line-or-table)
        furniture_candidates: list[tuple[_Line, float]] = []
        n_chars = 0
        sizes: list[float] = []
        layer = _text_layer(path, n_pages)
        try:
            for page_no, page in enumerate(pdf.pages, start=1):
                words, n, ruled, height = _read_page(page, page_no, layer, n_pages)
                n_chars += n
                free = [w for w in words if not any(_inside(w, bbox) for bbox, _ in ruled)]
                lines = _lines(free, page_no)
                body = []
                for ln in lines:
                    if _is_furniture(ln, height):
                        furniture_candidates.append((ln, height))
                    else:
                        body.append(ln)
                aligned, used = _aligned_tables(body)
                for _, t in ruled:
                    items.append((page_no, t.top, t))
                for t in aligned:
                    items.append((page_no, t.top, t))
                for k, ln in enumerate(body):
                    if k not in used:
                        items.append((page_no, ln.top, ln))
                        sizes.extend([ln.size] * len(ln.words))
        finally:
            if layer is not None:
                layer.close()
        if n_chars == 0:
            raise ReadError("no text layer (scanned image?); OCR is not enabled", status="empty", pages=n_pages)
    body_size = statistics.median(sizes) if sizes else 10.0
    furniture = _furniture(furniture_candidates, n_pages, items)
    b = DocumentBuilder()
    heading_sizes = sorted({round(it[2].size) for it in items if isinstance(it[2], _Line) and _heading_like(it[2], body_size)}, reverse=True)
    items.sort(key=lambda it: (it[0], it[1]))
    items = _merge_split_tables(items)
    para: list[_Line] = []

    def flush() -> None:
        if not para:
            return
        text = _PUA_BULLET.sub("", _join_lines([ln.text for ln in para]))
        kind = BlockKind.LIST_ITEM if _BULLET.match(para[0].text) else BlockKind.PARAGRAPH
        b.add_text(kind, text, para[0].page)
        para.clear()

    prev_heading: _Line | None = None
    for page_no, _top, it in items:
        if not (isinstance(it, _Line) and _heading_like(it, body_size)):
            prev_heading = None
        if isinstance(it, _Table):
            flush()
            b.add_table(it.rows, it.page, header_rows=it.header_rows, ruled=it.ruled, cell_pages=it.cell_pages)
            continue
        ln: _Line = it
        if _heading_like(ln, body_size):
            flush()
            last = b.blocks[-1] if b.blocks else None
            if (last is not None and last.kind is BlockKind.HEADING and prev_heading is not None
                    and prev_heading.page == ln.page and abs(prev_heading.size - ln.size) < 0.6
                    and ln.top - prev_heading.bottom < 0.6 * ln.size):
                b.extend_last(" " + ln.text)  # a heading wrapped over two lines is one heading
                prev_heading = ln
                continue
            prev_heading = ln
            level = heading_sizes.index(round(ln.size)) + 1 if round(ln.size) in heading_sizes else 1
            b.add_text(BlockKind.HEADING, ln.text, ln.page, min(level, 6))
            continue
        if para:
            prev = para[-1]
            gap = ln.top - prev.bottom
            new_para = (ln.page != prev.page or gap > 0.55 * ln.size or abs(ln.size - prev.size) > 0.6
                        or _BULLET.match(ln.text) or prev.bold != ln.bold
                        or "\t" in ln.text)
            if new_para:
                flush()
        para.append(ln)
    flush()
    meta_title = None
    return b.build(doc_id=doc_id, path=display_path, format="pdf", sha256=sha256, pages=n_pages,
                   furniture=furniture, metadata_title=meta_title)


def _heading_like(ln: _Line, body_size: float) -> bool:
    text = ln.text
    if len(text) > 160 or len(ln.segments) > 1:
        return False
    if ln.size >= body_size * 1.15:
        return True
    return ln.bold and len(text) < 120 and not text.endswith((".", ",")) and ln.size >= body_size * 0.95


def _furniture(cands: list[tuple[_Line, float]], n_pages: int, items) -> list[str]:
    """Header and footer lines: page numbers and text repeated on several pages' margins."""
    norm = lambda s: re.sub(r"\d+", "#", s.strip().lower())
    counts: dict[str, int] = {}
    for ln, _ in cands:
        counts[norm(ln.text)] = counts.get(norm(ln.text), 0) + 1
    out = []
    for ln, _ in cands:
        key = norm(ln.text)
        is_page_no = re.fullmatch(r"(?:side|s\.|page)?\s*#(?:\s*(?:av|/|of)\s*#)?", key) is not None
        if is_page_no or counts[key] >= 2:
            if ln.text not in out:
                out.append(ln.text)
        else:
            items.append((ln.page, ln.top, ln))  # a margin line seen once is body text
    return out


def _merge_split_tables(items: list) -> list:
    """A table that runs over a page break is one table: join a table that opens a page to the
    table that closed the previous one when they have the same columns. A first row with an empty
    first cell continues the last row (a cell's text wrapped over the break)."""
    out: list = []
    for it in items:
        prev = out[-1] if out else None
        if (isinstance(it[2], _Table) and prev is not None and isinstance(prev[2], _Table)
                and it[0] == prev[2].page_last + 1 and _ncols(it[2]) == _ncols(prev[2])):
            a, b = prev[2], it[2]
            rows = list(b.rows)
            pages = [[b.page] * len(r) for r in rows]
            if rows and rows[0] and not rows[0][0][0] and a.rows:
                cont = {c[1]: c[0] for c in rows[0]}
                a.rows[-1] = [(t + (" " + cont[c] if cont.get(c) else ""), c, s) for t, c, s in a.rows[-1]]
                rows, pages = rows[1:], pages[1:]
            if b.header_rows and a.header_rows and rows and [c[0] for c in rows[0]] == [c[0] for c in a.rows[0]]:
                rows, pages = rows[1:], pages[1:]  # a repeated header row
            a.cell_pages = (a.cell_pages or [[a.page] * len(r) for r in a.rows]) + pages
            a.rows = a.rows + rows
            a.page_last = b.page
            continue
        if isinstance(it[2], _Table):
            it[2].page_last = it[2].page
        out.append(it)
    return out


def _ncols(t: _Table) -> int:
    return max((c[1] + c[2] for r in t.rows for c in r), default=0)


def _join_lines(lines: list[str]) -> str:
    """Join wrapped lines; a line ending in a hyphen after a letter runs on without a space."""
    out = ""
    for t in lines:
        if out and out.endswith("-") and len(out) > 1 and out[-2].isalpha() and t[:1].isalpha():
            out += t
        elif out:
            out += " " + t
        else:
            out = t
    return out
