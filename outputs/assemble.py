"""From stored per-document results to the archive's tables, checked, validated and written."""
from __future__ import annotations

import dataclasses
import os
import pickle
from collections import Counter

from checks.linking import link_documents
from checks.registry import run_archive_checks
from outputs.report import write_report
from outputs.store import write_outputs
from outputs.tables import to_arrow, validate
from schemas.tables import TABLES


def assemble_and_write(out_dir: str, stored: list[tuple[str, str, str]], skipped: list, summary,
                       recover=None) -> dict:
    """Load each document's stored result, run the archive-wide checks, write every table.

    `recover(rel, doc_id, path)` re-creates a stored result that cannot be loaded (written by
    another version of planscan, or damaged); without it such a result is an error."""
    docs = []
    rows: dict[str, list] = {name: [] for name in TABLES if name not in ("documents", "flags", "projects",
                                                                        "document_projects")}
    flags = []
    for rel, doc_id, path in stored:
        try:
            with open(path, "rb") as f:
                res = pickle.load(f)
            res.document.note  # a result from a version whose rows lack a field fails here
        except Exception:
            if recover is None:
                raise
            res = recover(rel, doc_id, path)
        d = res.document
        if d.path != rel:  # the same bytes moved or renamed: the row follows the file
            d = dataclasses.replace(d, path=rel)
        docs.append(d)
        for name, lst in res.rows.items():
            rows.setdefault(name, []).extend(lst)
        flags.extend(res.flags)
    docs.extend(r.document for r in skipped)
    ok_docs = [d for d in docs if d.status == "ok"]
    projects, document_projects = link_documents(ok_docs, rows)
    rows["projects"], rows["document_projects"] = projects, document_projects
    flags.extend(run_archive_checks(ok_docs, rows))
    tables = {"documents": to_arrow("documents", docs)}
    for name in rows:
        if name in TABLES:
            tables[name] = to_arrow(name, rows[name])
    tables["flags"] = to_arrow("flags", flags)
    summary.documents = len(docs)
    summary.by_status = dict(Counter(d.status for d in docs))
    summary.rows = {name: t.num_rows for name, t in tables.items() if name not in ("documents",)}
    summary.flags = len(flags)
    summary.flags_by_rule = dict(Counter(f.rule for f in flags))
    summary.errors = [(d.path, d.error or "") for d in docs if d.status in ("error", "empty", "skipped")]
    # From here on the Arrow tables are the only copy of the rows: writing needs no more.
    del docs, ok_docs, rows, flags, projects, document_projects
    for name, t in tables.items():
        validate(name, t)
    write_outputs(out_dir, tables)
    write_report(out_dir, tables)
    return tables
