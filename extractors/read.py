"""From a file on disk to a Document: sniff the real format, apply limits, call the reader."""
from __future__ import annotations

import hashlib
import os

from schemas.document import Document
from extractors.errors import ReadError

SUPPORTED = {".docx": "docx", ".pdf": "pdf"}
LEGACY = {
    ".doc": "legacy Word 97-2003 .doc is not supported; save it as .docx",
    ".rtf": "RTF is not supported; save it as .docx or PDF",
    ".odt": "OpenDocument .odt is not supported; save it as .docx or PDF",
    ".xls": "spreadsheets are not read by planscan",
    ".xlsx": "spreadsheets are not read by planscan",
    ".pptx": "presentations are not read by planscan",
}


def sha256_of(path: str, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while True:
            b = f.read(chunk)
            if not b:
                break
            h.update(b)
    return h.hexdigest()


def sniff(path: str) -> str | None:
    """The format the bytes really have: 'pdf', 'docx', 'ole' (legacy Office), or None."""
    with open(path, "rb") as f:
        head = f.read(1024)
    if not head:
        return "zero"
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    return None


def format_for(path: str) -> str:
    """The format name recorded for a file, from its extension."""
    ext = os.path.splitext(path)[1].lower()
    return SUPPORTED.get(ext, ext.lstrip(".") or "unknown")


def read_document(path: str, *, doc_id: str, sha256: str, display_path: str,
                  max_pages: int | None = None) -> tuple[Document, str | None]:
    """Read a file by what its bytes are. Returns the document and a note when the name misleads.

    Raises ReadError (status 'error' or 'empty') with a reason a person understands.
    """
    from extractors.docx_reader import read_docx
    from extractors.pdf_reader import read_pdf

    ext = os.path.splitext(path)[1].lower()
    if ext in LEGACY and ext not in SUPPORTED:
        raise ReadError(LEGACY[ext])
    if ext not in SUPPORTED:
        raise ReadError(f"unsupported file type {ext or '(no extension)'}: planscan reads .docx and .pdf")
    real = sniff(path)
    if real == "zero":
        raise ReadError("empty file (0 bytes)")
    if real == "ole":
        raise ReadError("legacy Word/Office 97-2003 file (named " + ext + "); save it as .docx or PDF")
    if real is None:
        if ext == ".pdf":
            raise ReadError("not a PDF: the file does not start with a PDF header (damaged or another format renamed)")
        raise ReadError("not a Word .docx file: the content is not a .docx container")
    note = None
    if real != SUPPORTED[ext]:
        note = f"named {ext} but the content is {real}; read as {real}"
    if real == "pdf":
        doc = read_pdf(path, doc_id=doc_id, sha256=sha256, display_path=display_path, max_pages=max_pages)
    else:
        doc = read_docx(path, doc_id=doc_id, sha256=sha256, display_path=display_path)
    if not doc.text.strip():
        raise ReadError("the document has no text", status="empty", pages=doc.pages)
    return doc, note
