"""Build an archive of hostile files: what real shared drives hold besides clean documents.

`build(root)` writes the files and returns {relative path: expected status}. The status is one
of the documents table's ('ok', 'error', 'empty', 'skipped') or NO_ROW for files discovery must
skip silently (Office lock files, thumbnails, hidden files). `EXPECTED` holds, for every file, its
status and a regular expression the `error` column must match: the reason has to tell a person why.

Everything is generated (python-docx, reportlab, zipfile), so the archive is the same on every
machine and nothing large is checked in. The zip bomb is written streaming: building it needs a
megabyte of memory and a second or two, though it claims 300 MB.
"""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

NO_ROW = "no row"

# Pages of the long PDF, and the pages that carry a ruled table.
LONG_PAGES = 300
LONG_TABLE_EVERY = 25

# Every file build() makes: (expected status, what the error column must say as a regular
# expression matched case-insensitively, or None when it must be empty). Files under
# 'spesielle/' are only made with build(specials=True).
EXPECTED: dict[str, tuple[str, str | None]] = {
    "gode/plan.docx": ("ok", None),
    "gode/plan.pdf": ("ok", None),
    "Møter 2024/Å plan med mellomrom.docx": ("ok", None),
    "Møter 2024/Referat æøå ÆØÅ.pdf": ("ok", None),
    "lange/plan-300-sider.pdf": ("ok", None),
    "omdøpt/docx-named.pdf": ("ok", r"named \.pdf.*docx"),  # read as what it really is, with a note
    "tomme/zero.pdf": ("error", r"empty|0 bytes"),
    "tomme/zero.docx": ("error", r"empty|0 bytes"),
    "skadet/truncated.pdf": ("error", r"truncated|damaged"),
    "skadet/truncated.docx": ("error", r"truncated|damaged"),
    "skadet/not-a-pdf.pdf": ("error", r"not a pdf|damaged"),
    "skadet/zip-without-document.docx": ("error", r"not a word|document\.xml"),
    "skadet/page-tree-loop.pdf": ("error", r"no pages|page tree"),
    "skadet/no-pages.pdf": ("error", r"no pages|page tree"),
    "passord/protected.pdf": ("error", r"password"),
    "skannet/image-only.pdf": ("empty", r"no text layer"),
    "gammelt/legacy.doc": ("error", r"legacy"),
    "gammelt/legacy-named-docx.docx": ("error", r"legacy"),
    "bomber/zip-bomb.docx": ("error", r"zip bomb|expands"),
    "bomber/zip-bomb-ratio.docx": ("error", r"zip bomb|expands|compresses"),
    "bomber/zip-bomb-lying-header.docx": ("error", r"zip bomb|damaged"),
    "bomber/entity-bomb.docx": ("error", r"entity"),
    "bomber/deep-nesting.docx": ("error", r"nest|depth"),
    "annet/notes.txt": ("error", r"unsupported"),
    "gode/~$plan.docx": (NO_ROW, None),
    "gode/.~lock.plan.docx#": (NO_ROW, None),
    "gode/Thumbs.db": (NO_ROW, None),
    "gode/.hidden-notes.docx": (NO_ROW, None),
    "spesielle/pipe.pdf": ("skipped", r"pipe|fifo"),
    "spesielle/link-out.pdf": ("skipped", r"outside"),
}
SPECIALS = ("spesielle/",)

GOOD_PLAN_PARAGRAPHS = [
    "Prosjektplan for digital byggesaksbehandling",
    "Prosjektet skal innføre digital søknadsbehandling i kommunen innen utgangen av 2025.",
    "Prosjektleder er Kari Nordmann, rådgiver i plan- og byggesaksavdelingen.",
    "Forprosjektet skal være ferdig innen 1. mars 2025, og hovedprosjektet avsluttes 15. desember 2025.",
]
GOOD_BUDGET = [
    ("Kostnad", "Beløp (kr)"),
    ("Innleid kompetanse", "1 200 000"),
    ("Programvarelisenser", "450 000"),
    ("Opplæring", "350 000"),
    ("Sum", "2 000 000"),
]


# ---------------------------------------------------------------- .docx

def make_docx(path: Path, paragraphs: list[str], table: list[tuple[str, ...]] | None = None,
              header: str | None = None) -> None:
    """A small valid .docx: a heading, paragraphs and optionally a table and a page header."""
    import docx

    d = docx.Document()
    d.add_heading(paragraphs[0], level=1)
    for p in paragraphs[1:]:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        t.style = "Table Grid"
        for r, row in enumerate(table):
            for c, val in enumerate(row):
                t.cell(r, c).text = val
    if header:
        d.sections[0].header.paragraphs[0].text = header
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>')
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_entity_bomb_docx(path: Path, levels: int = 10) -> None:
    """'Billion laughs': nested entities in word/document.xml of an otherwise valid package.

    Ten levels of ten references each expand to 10**10 copies of 'lol' if a parser resolves them.
    """
    ents = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, levels)]
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<!DOCTYPE w:document [{"".join(ents)}]>\n'
           f'<w:document xmlns:w="{_W_NS}"><w:body><w:p><w:r><w:t>Budsjett &lol{levels - 1};</w:t></w:r></w:p>'
           '</w:body></w:document>')
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", xml)


def make_zip_bomb_docx(path: Path, megabytes: int, declared_size: int | None = None) -> None:
    """A .docx whose word/document.xml inflates to `megabytes` MB of zeros.

    Written streaming, one megabyte at a time: deflate squeezes zeros about 1000:1, so the file
    is a few hundred kilobytes and building it never holds more than a megabyte. With
    `declared_size` the zip headers lie: they claim the part inflates to that many bytes, so a
    check of the declared sizes passes and only the decompression finds out.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    chunk = bytes(1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        # zip64 only when honest: a lie is patched into the classic 32-bit size fields
        with z.open("word/document.xml", "w", force_zip64=declared_size is None) as f:
            for _ in range(megabytes):
                f.write(chunk)
    if declared_size is not None:
        _patch_uncompressed_size(path, "word/document.xml", declared_size)


def _patch_uncompressed_size(path: Path, name: str, size: int) -> None:
    """Overwrite a member's uncompressed size in its local header and its central directory entry."""
    import struct

    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        off = z.getinfo(name).header_offset
    assert data[off:off + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, off + 22, size)  # local header: uncompressed size at +22
    raw = name.encode()
    cd = data.find(b"PK\x01\x02")
    while cd != -1:  # central directory entries: name length at +28, name at +46, size at +24
        n = struct.unpack_from("<H", data, cd + 28)[0]
        if data[cd + 46:cd + 46 + n] == raw:
            struct.pack_into("<I", data, cd + 24, size)
        cd = data.find(b"PK\x01\x02", cd + 4)
    path.write_bytes(bytes(data))


def make_deep_docx(path: Path, depth: int = 5000) -> None:
    """A .docx whose document.xml nests thousands of elements: a stack-depth attack on parsers."""
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W_NS}"><w:body>'
           + "<w:p>" * depth + "<w:r><w:t>tekst</w:t></w:r>" + "</w:p>" * depth + "</w:body></w:document>")
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", xml)


def make_zip_without_document(path: Path) -> None:
    """A valid zip named .docx that holds no word/document.xml (e.g. an .xlsx renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("xl/workbook.xml", "<workbook/>")


# ---------------------------------------------------------------- .pdf

def make_pdf(path: Path, pages: list[list[str]], table: list[tuple[str, ...]] | None = None,
             table_page: int = 1, encrypt: str | None = None, footer: bool = False) -> None:
    """A text PDF: one list of lines per page; optionally a ruled table and 'Side n av N' footers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path.parent.mkdir(parents=True, exist_ok=True)
    kw = {}
    if encrypt:
        from reportlab.lib.pdfencrypt import StandardEncryption

        kw["encrypt"] = StandardEncryption(encrypt, canPrint=0)
    c = canvas.Canvas(str(path), pagesize=A4, **kw)
    width, height = A4
    for n, lines in enumerate(pages, start=1):
        y = height - 72
        for i, line in enumerate(lines):
            c.setFont("Helvetica-Bold" if i == 0 else "Helvetica", 14 if i == 0 else 10.5)
            c.drawString(72, y, line)
            y -= 22 if i == 0 else 15
        if table and n == table_page:
            draw_ruled_table(c, table, 72, y - 20)
        if footer:
            c.setFont("Helvetica", 8)
            c.drawString(width / 2 - 20, 30, f"Side {n} av {len(pages)}")
        c.showPage()
    c.save()


def draw_ruled_table(c, table: list[tuple[str, ...]], x: float, top: float, col_w: float = 170,
                     row_h: float = 18) -> float:
    """Draw a grid table with reportlab's canvas; returns the y below it."""
    ncols = len(table[0])
    for r, row in enumerate(table):
        y = top - r * row_h
        for ci, val in enumerate(row):
            c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 10)
            c.drawString(x + ci * col_w + 4, y - row_h + 5, val)
    bottom = top - len(table) * row_h
    for r in range(len(table) + 1):
        c.line(x, top - r * row_h, x + ncols * col_w, top - r * row_h)
    for ci in range(ncols + 1):
        c.line(x + ci * col_w, top, x + ci * col_w, bottom)
    return bottom


def raw_pdf(objects: list[str]) -> bytes:
    """A hand-written PDF from object bodies (object 1 is the catalog), with a correct xref table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def make_image_only_pdf(path: Path) -> None:
    """A 'scanned' PDF: a raster image and filled shapes, no text at all."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), pagesize=A4)
    try:
        from PIL import Image, ImageDraw

        img = Image.new("L", (600, 800), 255)
        draw = ImageDraw.Draw(img)
        for y in range(60, 760, 24):  # grey bars where a scan would show lines of text
            draw.rectangle([40, y, 40 + (y * 37) % 480 + 60, y + 10], fill=60)
        c.drawImage(ImageReader(img), 50, 80, width=495, height=660)
    except ImportError:  # shapes alone are still a page without a text layer
        pass
    c.setFillGray(0.3)
    for i in range(12):
        c.rect(72, 760 - i * 50, 300 + (i * 17) % 120, 12, fill=1, stroke=0)
    c.circle(480, 760, 30, fill=1)
    c.showPage()
    c.save()


def make_long_pdf(path: Path, pages: int = LONG_PAGES, table_every: int = LONG_TABLE_EVERY) -> None:
    """A long plan: numbered sections of running text, a ruled budget table every `table_every` pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    sentence = ("Kommunen skal i denne perioden gjennomføre tiltak for bedre tjenester, og arbeidet "
                "følges opp av styringsgruppen hvert kvartal.")
    for n in range(1, pages + 1):
        y = height - 72
        c.setFont("Helvetica-Bold", 14)
        c.drawString(72, y, f"{n}. Delmål {n}")
        y -= 26
        c.setFont("Helvetica", 10.5)
        body_lines = 20 if n % table_every else 8
        for i in range(body_lines):
            c.drawString(72, y, f"{sentence[:90]} ({n}.{i + 1})")
            y -= 15
        if n % table_every == 0:
            table = [("Tiltak", "År", "Beløp (kr)")] + [
                (f"Tiltak {n}-{k}", str(2024 + k % 3), f"{(n * 1000 + k * 250) * 100:,}".replace(",", " "))
                for k in range(1, 8)]
            draw_ruled_table(c, table, 72, y - 20, col_w=150)
        c.setFont("Helvetica", 8)
        c.drawString(width / 2 - 20, 30, f"Side {n} av {pages}")
        c.showPage()
    c.save()


# ---------------------------------------------------------------- the archive

def good_plan_pdf_pages() -> list[list[str]]:
    return [
        GOOD_PLAN_PARAGRAPHS,
        ["Gjennomføring", "Arbeidet organiseres i tre faser med egne leveranser.",
         "Styringsgruppen ledes av kommunedirektøren."],
        ["Risiko", "Den største risikoen er forsinket levering av programvaren."],
    ]


def build(root: Path, specials: bool = False) -> dict[str, str]:
    """Create the hostile archive under `root`; return {relative path: expected status}.

    Paths use '/' as planscan's `documents.path` does. NO_ROW marks files that must not appear.
    With `specials`, also a named pipe (FIFO) and a symbolic link out of the archive, which
    discovery must report as skipped without opening (an archive with a FIFO cannot be copied
    with shutil.copytree: reading the pipe blocks).
    """
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str] = {}

    def put(rel: str, _status: str) -> Path:
        # the status argument only makes the call sites read like the table; EXPECTED is the truth
        assert EXPECTED[rel][0] == _status, rel
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        expected[rel] = EXPECTED[rel][0]
        return p

    # Good documents, also in folders with Norwegian letters and spaces.
    make_docx(put("gode/plan.docx", "ok"), GOOD_PLAN_PARAGRAPHS, GOOD_BUDGET, header="Kommunen – internt")
    make_pdf(put("gode/plan.pdf", "ok"), good_plan_pdf_pages(), GOOD_BUDGET, table_page=2, footer=True)
    make_docx(put("Møter 2024/Å plan med mellomrom.docx", "ok"),
              ["Referat fra møte i styringsgruppen", "Styringsgruppen vedtok framdriftsplanen.",
               "Neste møte er 12. september 2024."])
    make_pdf(put("Møter 2024/Referat æøå ÆØÅ.pdf", "ok"),
             [["Referat fra møte", "Møtet ble holdt på rådhuset.", "Budsjettet på kr 2,5 mill. ble vedtatt."]])

    # Empty and damaged.
    put("tomme/zero.pdf", "error").write_bytes(b"")
    put("tomme/zero.docx", "error").write_bytes(b"")
    make_pdf(root / "_tmp_whole.pdf", good_plan_pdf_pages() * 3, GOOD_BUDGET, table_page=2)
    data = (root / "_tmp_whole.pdf").read_bytes()
    (root / "_tmp_whole.pdf").unlink()
    put("skadet/truncated.pdf", "error").write_bytes(data[: len(data) // 2])
    make_docx(root / "_tmp_whole.docx", GOOD_PLAN_PARAGRAPHS, GOOD_BUDGET)
    data = (root / "_tmp_whole.docx").read_bytes()
    (root / "_tmp_whole.docx").unlink()
    put("skadet/truncated.docx", "error").write_bytes(data[: len(data) // 2])
    put("skadet/not-a-pdf.pdf", "error").write_bytes(b"<html><body>Dette er en nettside</body></html>\n" * 20)
    make_zip_without_document(put("skadet/zip-without-document.docx", "error"))

    # Locked, scanned, renamed, legacy.
    make_pdf(put("passord/protected.pdf", "error"), [["Hemmelig budsjett", "Beløp: kr 1 000 000"]], encrypt="userpw")
    make_image_only_pdf(put("skannet/image-only.pdf", "empty"))
    make_docx(put("omdøpt/docx-named.pdf", "ok"), GOOD_PLAN_PARAGRAPHS)  # read as what it really is
    ole = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(range(256)) * 8
    put("gammelt/legacy.doc", "error").write_bytes(ole)
    put("gammelt/legacy-named-docx.docx", "error").write_bytes(ole)

    # Bombs.
    make_zip_bomb_docx(put("bomber/zip-bomb.docx", "error"), 300)
    make_zip_bomb_docx(put("bomber/zip-bomb-ratio.docx", "error"), 150)  # under the size cap, caught by ratio
    make_entity_bomb_docx(put("bomber/entity-bomb.docx", "error"))
    make_zip_bomb_docx(put("bomber/zip-bomb-lying-header.docx", "error"), 300, declared_size=4096)
    make_deep_docx(put("bomber/deep-nesting.docx", "error"))
    put("skadet/page-tree-loop.pdf", "error").write_bytes(raw_pdf([
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]))
    put("skadet/no-pages.pdf", "error").write_bytes(raw_pdf([
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"]))

    # Long.
    make_long_pdf(put("lange/plan-300-sider.pdf", "ok"))

    # Not documents at all.
    put("annet/notes.txt", "error").write_text("Notater: budsjett kr 100 000\n", encoding="utf-8")
    put("gode/~$plan.docx", NO_ROW).write_bytes(b"\x0bKari Nordmann" + bytes(149))
    put("gode/.~lock.plan.docx#", NO_ROW).write_text(",kari,host,01.01.2025 10:00,file:///home/kari;\n")
    put("gode/Thumbs.db", NO_ROW).write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(512))
    put("gode/.hidden-notes.docx", NO_ROW).write_bytes(b"not even a zip")
    if specials:
        os.mkfifo(put("spesielle/pipe.pdf", "skipped"))
        outside = root.parent / f"{root.name}-outside.pdf"
        make_pdf(outside, [["Utenfor arkivet"]])
        os.symlink(outside, put("spesielle/link-out.pdf", "skipped"))
    missing = set(EXPECTED) - set(expected) - ({k for k in EXPECTED if k.startswith(SPECIALS)} if not specials else set())
    assert not missing, f"EXPECTED lists files build() did not make: {sorted(missing)}"
    return expected


if __name__ == "__main__":  # build an archive to look at: python tests/hostile_files.py /tmp/hostile
    import sys

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-archive")
    for rel, status in sorted(build(out).items()):
        print(f"{status:8} {rel}")
    print(f"{sum(f.stat().st_size for f in out.rglob('*') if f.is_file()) / 2**20:.1f} MB in {out}", file=sys.stderr)
