"""Read a .docx into the document model: body paragraphs and tables in order, merges resolved.

The only module that touches python-docx. Merged cells are walked from the `w:tc` elements
(`gridSpan`, `vMerge`) so a merged cell's text appears once: python-docx's `row.cells` repeats it
once per grid column, which would count an amount twice. Headers and footers are kept apart.
"""
from __future__ import annotations

import re
import zipfile
import zlib

from schemas.document import BlockKind, Document, DocumentBuilder
from extractors.errors import ReadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# A .docx is a zip: refuse bombs before any XML is parsed.
MAX_MEMBERS = 5_000
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200

_HEADING_STYLE = re.compile(r"^(?:heading|overskrift)\s*(\d)", re.I)
_LIST_STYLE = re.compile(r"list|liste|bullet|punkt", re.I)


def check_zip(path: str) -> None:
    """Raise ReadError when the zip container is damaged or would expand beyond safe limits."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except zipfile.BadZipFile:
        raise ReadError("damaged or truncated Word file (the .docx container cannot be opened)")
    if len(infos) > MAX_MEMBERS:
        raise ReadError(f"suspicious Word file: {len(infos)} parts in the container (zip bomb?)")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise ReadError(f"suspicious Word file: expands to {total // 2**20} MB (zip bomb?); limit {MAX_UNCOMPRESSED // 2**20} MB")
    for i in infos:
        if i.file_size > 10 * 2**20 and i.compress_size and i.file_size / i.compress_size > MAX_RATIO:
            raise ReadError(f"suspicious Word file: part {i.filename!r} compresses {i.file_size // i.compress_size}:1 (zip bomb?)")
    names = {i.filename for i in infos}
    if "word/document.xml" not in names:
        raise ReadError("not a Word document: the container has no word/document.xml")
    _inflate_within_limits(path, infos)


def _inflate_within_limits(path: str, infos: list[zipfile.ZipInfo]) -> None:
    """Inflate every part once, in small chunks, counting: headers can lie about sizes, and
    zipfile's own whole-part read inflates everything in one call before it checks (a 1 MB file
    can take gigabytes). Reading 64 KB at a time keeps memory flat and lets zipfile's size and
    CRC checks catch a lying header."""
    total = 0
    with zipfile.ZipFile(path) as z:
        for info in infos:
            if info.is_dir():
                continue
            try:
                with z.open(info) as f:
                    while chunk := f.read(1 << 16):
                        total += len(chunk)
                        if total > MAX_UNCOMPRESSED:
                            raise ReadError(f"suspicious Word file: expands to more than {MAX_UNCOMPRESSED // 2**20} MB "
                                            "(zip bomb?)")
            except zipfile.BadZipFile as e:
                raise ReadError(f"damaged Word file or zip bomb: part {info.filename!r} does not match its "
                                f"declared size or checksum ({e})")
            except (zlib.error, EOFError, NotImplementedError) as e:
                raise ReadError(f"damaged Word file: part {info.filename!r} cannot be decompressed ({e})")


def _text_of(el) -> str:
    """Text of a paragraph-like element: runs, tabs as spaces-with-tab, breaks as newlines."""
    out = []
    for node in el.iter():
        tag = node.tag
        if tag == W + "t":
            out.append(node.text or "")
        elif tag == W + "tab":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append("\n" if node.get(W + "type") != "page" else "\n")
    return "".join(out)


def _paragraph_breaks(p) -> int:
    n = 0
    for node in p.iter(W + "br"):
        if node.get(W + "type") == "page":
            n += 1
    ppr = p.find(W + "pPr")
    if ppr is not None and ppr.find(W + "pageBreakBefore") is not None:
        v = ppr.find(W + "pageBreakBefore").get(W + "val")
        if v not in ("0", "false"):
            n += 1
    return n


def _style_of(p, styles: dict[str, str]) -> str:
    ppr = p.find(W + "pPr")
    if ppr is None:
        return ""
    st = ppr.find(W + "pStyle")
    if st is None:
        return ""
    sid = st.get(W + "val") or ""
    return styles.get(sid, sid)


def _is_list(p, style: str) -> bool:
    ppr = p.find(W + "pPr")
    if ppr is not None and ppr.find(W + "numPr") is not None:
        return True
    return bool(_LIST_STYLE.search(style))


def _heading_level(style: str, p) -> int | None:
    m = _HEADING_STYLE.match(style)
    if m:
        return int(m.group(1))
    if style.lower() in ("title", "tittel"):
        return 1
    ppr = p.find(W + "pPr")
    if ppr is not None:
        ol = ppr.find(W + "outlineLvl")
        if ol is not None and (ol.get(W + "val") or "").isdigit() and int(ol.get(W + "val")) < 9:
            return int(ol.get(W + "val")) + 1
    return None


def _cell_children(tc):
    """A cell's paragraphs and tables, with content controls (w:sdt) opened up: form fields and
    template placeholders wrap the cell's paragraphs in them."""
    for child in tc:
        if child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _cell_children(content)
        else:
            yield child


class _Walker:
    def __init__(self, styles: dict[str, str], paged: bool) -> None:
        self.b = DocumentBuilder()
        self.styles = styles
        self.page = 1 if paged else None
        self.paged = paged

    def paragraph(self, p) -> None:
        breaks = _paragraph_breaks(p)
        text = _text_of(p)
        style = _style_of(p, self.styles)
        # A page break before the text (pageBreakBefore, or a break run before any text) moves it.
        ppr = p.find(W + "pPr")
        before = ppr is not None and ppr.find(W + "pageBreakBefore") is not None
        if self.paged and before:
            self.page += 1
            breaks -= 1
        level = _heading_level(style, p)
        if text.strip():
            if level is not None:
                self.b.add_text(BlockKind.HEADING, " ".join(text.split()), self.page, level)
            else:
                kind = BlockKind.LIST_ITEM if _is_list(p, style) else BlockKind.PARAGRAPH
                for line in text.split("\n"):
                    self.b.add_text(kind, line.replace("\t", "\t"), self.page)
        if self.paged and breaks > 0:
            self.page += breaks

    def table(self, tbl) -> None:
        rows: list[list[tuple[str, int, int]]] = []
        header_rows = 0
        nested = []
        for tr in tbl.findall(W + "tr"):
            row = []
            col = 0
            trpr = tr.find(W + "trPr")
            if trpr is not None and trpr.find(W + "tblHeader") is not None and len(rows) == header_rows:
                header_rows += 1
            for tc in tr.findall(W + "tc"):
                tcpr = tc.find(W + "tcPr")
                span = 1
                vmerge_continue = False
                if tcpr is not None:
                    gs = tcpr.find(W + "gridSpan")
                    if gs is not None and (gs.get(W + "val") or "1").isdigit():
                        span = max(1, int(gs.get(W + "val")))
                    vm = tcpr.find(W + "vMerge")
                    if vm is not None and vm.get(W + "val") in (None, "continue"):
                        vmerge_continue = True
                parts = []
                for child in _cell_children(tc):
                    if child.tag == W + "p":
                        t = _text_of(child).strip()
                        if t:
                            parts.append(t)
                    elif child.tag == W + "tbl":
                        nested.append(child)
                if not vmerge_continue:
                    row.append((" ".join(parts), col, span))
                col += span
            rows.append(row)
        self.b.add_table(rows, self.page, header_rows=header_rows)
        for t in nested:
            self.table(t)


def _styles(document) -> dict[str, str]:
    out = {}
    try:
        for s in document.styles:
            if s.style_id and s.name:
                out[s.style_id] = s.name
    except Exception:  # styles part missing or odd: fall back to ids
        pass
    return out


def read_docx(path: str, *, doc_id: str, sha256: str, display_path: str) -> Document:
    """Parse a .docx file. Raises ReadError with a readable reason on any failure."""
    check_zip(path)
    import docx  # imported here so PDF-only runs never pay for it
    from docx.opc.exceptions import PackageNotFoundError

    try:
        d = docx.Document(path)
    except PackageNotFoundError:
        raise ReadError("not a Word .docx file (perhaps a legacy .doc or another format renamed)")
    except Exception as e:  # lxml errors for entity bombs, huge text nodes, broken XML
        msg = str(e)
        if "amplification" in msg or "entit" in msg.lower():
            raise ReadError("Word file with an XML entity expansion (entity bomb); refused")
        if "depth" in msg.lower():
            raise ReadError("Word file with XML nested too deeply to read safely; refused")
        if "too long" in msg or "huge" in msg.lower():
            raise ReadError("Word file with an oversized text part; refused")
        raise ReadError(f"damaged Word file ({type(e).__name__}: {msg[:120]})")
    body = d.element.body
    paged = any(True for br in body.iter(W + "br") if br.get(W + "type") == "page") or any(
        True for _ in body.iter(W + "pageBreakBefore"))
    walker = _Walker(_styles(d), paged)
    for child in body.iterchildren():
        if child.tag == W + "p":
            walker.paragraph(child)
        elif child.tag == W + "tbl":
            walker.table(child)
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            for sub in (content if content is not None else []):
                if sub.tag == W + "p":
                    walker.paragraph(sub)
                elif sub.tag == W + "tbl":
                    walker.table(sub)
    furniture = []
    for section in d.sections:
        for part in (section.header, section.footer):
            try:
                t = "\n".join(p.text for p in part.paragraphs if p.text.strip())
            except Exception:
                t = ""
            if t and t not in furniture:
                furniture.append(t)
    title = None
    try:
        title = d.core_properties.title or None
    except Exception:
        pass
    pages = (walker.page if paged else None)
    return walker.b.build(doc_id=doc_id, path=display_path, format="docx", sha256=sha256,
                          pages=pages, furniture=furniture, metadata_title=title)
