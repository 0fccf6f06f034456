"""The work for one document: read, extract, check. Never raises: a failure is an error row."""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

from schemas.rows import DocumentRow, Flag, Status


@dataclass
class Limits:
    timeout_s: float = 120.0  # per document, enforced by killing the worker process
    max_bytes: int = 200 * 1024 * 1024
    max_pages: int = 2000


@dataclass
class DocResult:
    """Everything one document contributes to the tables: small, picklable rows."""

    document: DocumentRow
    rows: dict[str, list] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)
    transient: bool = False  # a failure of the moment (time limit, crashed worker): try again next run


def error_result(doc_id: str, rel: str, fmt: str, sha: str | None, reason: str, status: str = Status.ERROR.value,
                 size: int | None = None, pages: int | None = None) -> DocResult:
    return DocResult(DocumentRow(doc_id=doc_id, path=rel, format=fmt, sha256=sha, status=status, error=reason,
                                 size_bytes=size, pages=pages))


def process_file(path: str, rel: str, doc_id: str, sha: str, limits: Limits) -> DocResult:
    """Read one file and extract every table from it, with the per-document checks' flags.

    Any failure becomes a result with status 'error' (or 'empty') and a reason a person reads.
    """
    from extractors.errors import ReadError
    from extractors.read import format_for, read_document

    fmt = format_for(rel)
    t0 = time.perf_counter()
    size = os.path.getsize(path)
    if size > limits.max_bytes:
        return error_result(doc_id, rel, fmt, sha, f"file is {size // 2**20} MB, over the size limit of "
                            f"{limits.max_bytes // 2**20} MB (--max-mb)", size=size)
    try:
        doc, note = read_document(path, doc_id=doc_id, sha256=sha, display_path=rel, max_pages=limits.max_pages)
    except ReadError as e:
        return error_result(doc_id, rel, fmt, sha, e.reason, e.status, size=size, pages=e.pages)
    except RecursionError:
        return error_result(doc_id, rel, fmt, sha, "the file's structure is circular or too deeply nested to read", size=size)
    except MemoryError:
        return error_result(doc_id, rel, fmt, sha, "the file needs more memory than allowed to read", size=size)
    except Exception as e:  # a reader bug must not stop the batch
        return error_result(doc_id, rel, fmt, sha, f"unexpected failure while reading ({type(e).__name__}: {str(e)[:160]})", size=size)
    try:
        return extract_and_check(doc, rel, fmt=doc.format, size=size, note=note, t0=t0)
    except Exception as e:
        return error_result(doc_id, rel, fmt, sha, f"unexpected failure while extracting ({type(e).__name__}: {str(e)[:160]})",
                            size=size, pages=doc.pages)


def extract_and_check(doc, rel: str, *, fmt: str, size: int | None = None, note: str | None = None,
                      t0: float | None = None) -> DocResult:
    """Extract all tables from a parsed Document and run the per-document checks."""
    from checks.registry import run_document_checks
    from extractors.extract import extract_document

    ex = extract_document(doc)
    f = ex.facts
    row = DocumentRow(doc_id=doc.doc_id, path=rel, format=fmt, sha256=doc.sha256, doc_type=f.doc_type, title=f.title,
                      doc_date=f.doc_date, pages=doc.pages, status=Status.OK.value, note=note,
                      doc_date_text=f.doc_date_text, project_start=f.project_start, project_end=f.project_end,
                      project_end_text=f.project_end_text, project_end_passage=f.project_end_passage,
                      project_end_page=f.project_end_page,
                      project_end_span_start=f.project_end_span[0] if f.project_end_span else None,
                      project_end_span_end=f.project_end_span[1] if f.project_end_span else None,
                      size_bytes=size,
                      parse_seconds=round(time.perf_counter() - t0, 3) if t0 else None)
    flags = run_document_checks(row, ex.rows)
    return DocResult(row, ex.rows, flags)
