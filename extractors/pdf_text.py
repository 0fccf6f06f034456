"""Words of text-only PDF pages, read with PDFium instead of pdfplumber.

pdfplumber builds a Python dictionary for every character and every attribute of it (about 11
pages/s on one core, most of a PDF's reading time); PDFium (pypdfium2, which pdfplumber already
brings) reads the same text layer in C. A page that draws no paths cannot hold a ruled table, so
all it needs is its words: such pages are read here, several times faster. A page with any drawn
path, rotated text, a rotated or offset page box, or characters PDFium cannot map to Unicode is
left to pdfplumber (`page_words` returns None), so tables and odd pages are read exactly as before.

The words match pdfplumber's: characters get the fields pdfminer computes (x0 at the glyph origin,
x1 after its advance, bottom at the baseline less the font's descent, top one font size above)
and are grouped into words by pdfplumber's own WordExtractor with the settings the reader uses.
"""
from __future__ import annotations

import ctypes
import threading

# PDFium is not thread-safe; a worker process reads one document at a time, but a Dask worker
# with several threads might not.
_LOCK = threading.Lock()
_PATH, _FORM = 2, 5


class TextLayer:
    """An open PDF for PDFium, page by page; close() when done."""

    def __init__(self, path: str) -> None:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw

        self._raw = raw
        with _LOCK:
            self.pdf = pdfium.PdfDocument(path)
            self.n_pages = len(self.pdf)
        self._names: dict[int, str] = {}  # PDFium font handle -> base font name
        self._descents: dict[str, float] = {}
        self._rsrc = None
        self._buf = ctypes.create_string_buffer(256)

    def close(self) -> None:
        with _LOCK:
            self.pdf.close()

    def page_words(self, index: int, plumber_page) -> tuple[list[dict], int] | None:
        """(words, character count) of page `index` (0-based) if it is a plain text page, else None.

        `plumber_page` is the same page as pdfplumber opened it (not parsed): its height and its
        fonts' descents as pdfminer reads them, so `top` and `bottom` are measured the same way."""
        mb = plumber_page.page_obj.mediabox
        if plumber_page.rotation or mb[0] or mb[1]:
            return None  # pdfplumber turns or shifts these pages' coordinates: let it read them
        with _LOCK:
            page = self.pdf[index]
            try:
                if page.get_rotation() or _has_paths(self._raw, page.raw):
                    return None
                self._descents = self._pdfminer_descents(plumber_page)
                if self._descents is None:
                    return None
                chars = self._chars(page, float(plumber_page.height))
            finally:
                page.close()
        if chars is None:
            return None
        from pdfplumber.utils.text import WordExtractor

        words = WordExtractor(x_tolerance=3, y_tolerance=3, keep_blank_chars=False,
                              extra_attrs=["fontname", "size"]).extract_words(chars)
        return words, len(chars)

    def _chars(self, page, height: float) -> list[dict] | None:
        c = self._raw
        tp = page.get_textpage()
        try:
            n = c.FPDFText_CountChars(tp.raw)
            if n < 0:
                return None
            out: list[dict] = []
            ox, oy = ctypes.c_double(), ctypes.c_double()
            box = c.FS_RECTF()
            for k in range(n):
                if c.FPDFText_IsGenerated(tp.raw, k) == 1:
                    continue  # a space or line break PDFium inferred: pdfplumber splits on gaps itself
                u = c.FPDFText_GetUnicode(tp.raw, k)
                if u == 0x02:
                    u = 0x2D  # PDFium's mark for a hyphen that ends a line: the hyphen as printed
                if u in (0x0D, 0x0A, 0xFFFE, 0xFFFF) or u == 0:
                    continue
                if 0xD800 <= u <= 0xDFFF or c.FPDFText_HasUnicodeMapError(tp.raw, k) == 1:
                    return None
                if abs(c.FPDFText_GetCharAngle(tp.raw, k)) > 1e-3:
                    return None
                obj = c.FPDFText_GetTextObject(tp.raw, k)
                font = c.FPDFTextObj_GetFont(obj) if obj else None
                if not font:
                    return None
                named = self._font(font)
                if named is None:
                    return None
                name, descent = named
                size = c.FPDFText_GetFontSize(tp.raw, k)
                c.FPDFText_GetCharOrigin(tp.raw, k, ctypes.byref(ox), ctypes.byref(oy))
                c.FPDFText_GetLooseCharBox(tp.raw, k, box)
                y0 = oy.value + descent * size
                top = height - (y0 + size)
                out.append({"text": chr(u), "x0": ox.value, "x1": box.right, "top": top, "bottom": top + size,
                            "doctop": top, "upright": True, "fontname": name, "size": size})
            return out
        finally:
            tp.close()

    def _font(self, font) -> tuple[str, float] | None:
        """(name, descent per point of size) of a PDFium font; None where pdfminer's descent for
        it is unknown or ambiguous (two fonts of that name with different metrics)."""
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        name = self._names.get(key)
        if name is None:
            n = self._raw.FPDFFont_GetBaseFontName(font, self._buf, len(self._buf))
            name = self._names[key] = self._buf.value.decode("utf-8", "replace") if n else ""
        d = self._descents.get(_strip_subset(name))
        return None if d is None else (name, d)

    def _pdfminer_descents(self, plumber_page) -> dict[str, float] | None:
        """The page's fonts by name (subset tag removed) -> pdfminer's descent per point, the value
        pdfminer puts under every character; None if the fonts cannot be read."""
        from pdfminer.pdfinterp import PDFResourceManager
        from pdfminer.pdftypes import PDFObjRef, resolve1

        if self._rsrc is None:
            self._rsrc = PDFResourceManager(caching=True)
        out: dict[str, float] = {}
        try:
            fonts = resolve1((plumber_page.page_obj.resources or {}).get("Font")) or {}
            for ref in fonts.values():
                objid = ref.objid if isinstance(ref, PDFObjRef) else None
                spec = resolve1(ref)
                font = self._rsrc.get_font(objid, spec)
                for nm in _font_names(font, spec):
                    d = float(font.get_descent())
                    if out.setdefault(nm, d) != d:
                        out[nm] = float("nan")  # same name, other metrics: cannot tell them apart
        except Exception:
            return None
        return {k: v for k, v in out.items() if v == v}


def _strip_subset(name: str) -> str:
    """'BAAAAA+DejaVuSans' -> 'DejaVuSans' (the six-letter tag of an embedded subset)."""
    return name[7:] if len(name) > 7 and name[6] == "+" and name[:6].isalpha() and name[:6].isupper() else name


def _font_names(font, spec) -> set[str]:
    """The names PDFium may report for a pdfminer font: its BaseFont, and a composite font's
    descendant's, without subset tags."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import literal_name

    names = set()
    for raw in (getattr(font, "fontname", None), (spec or {}).get("BaseFont")):
        if raw is not None:
            names.add(_strip_subset(literal_name(raw) if not isinstance(raw, str) else raw))
    for d in resolve1((spec or {}).get("DescendantFonts")) or []:
        d = resolve1(d) or {}
        if d.get("BaseFont") is not None:
            names.add(_strip_subset(literal_name(d["BaseFont"])))
    # A composite font's BaseFont may carry its encoding: 'DejaVuSans-Identity-H'.
    names |= {n.rsplit("-Identity", 1)[0] for n in names if "-Identity" in n}
    return names


def _has_paths(c, page_raw) -> bool:
    """Whether the page draws any path (a line, a box, a curve), also inside form XObjects."""
    def walk(count, get) -> bool:
        for i in range(count):
            obj = get(i)
            t = c.FPDFPageObj_GetType(obj)
            if t == _PATH:
                return True
            if t == _FORM and walk(c.FPDFFormObj_CountObjects(obj), lambda j, o=obj: c.FPDFFormObj_GetObject(o, j)):
                return True
        return False

    return walk(c.FPDFPage_CountObjects(page_raw), lambda i: c.FPDFPage_GetObject(page_raw, i))
