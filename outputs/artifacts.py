"""Prefect artifacts for a run: its summary (markdown) and its flags (a table), for the Prefect UI.

Document text (titles, file names, messages, failure reasons) is hostile input and the UI renders
markdown: every such value passes through `md_text` (control characters made visible, HTML and
markdown syntax escaped), so a title can neither inject HTML nor form a link.
"""
from __future__ import annotations

import html
import os
import re

from outputs import nb_display as nb

SUMMARY_KEY = "planscan-summary"
FLAGS_KEY = "planscan-flags"
MAX_FLAGS = 500
MAX_ERRORS = 30
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>:])")


def md_text(s: object, limit: int = 300) -> str:
    """A value as inert markdown text on one line: visible control characters, HTML escaped,
    markdown punctuation backslash-escaped (no emphasis, links, tables or headings can form)."""
    from outputs.report import clean

    t = clean(s).replace("\n", " ").replace("\t", " ")
    if len(t) > limit:
        t = t[: limit - 1] + "…"
    return _MD_SPECIAL.sub(r"\\\1", html.escape(t, quote=True))


def cell_text(s: object, limit: int = 500) -> str:
    """A value for a table artifact cell: visible control characters, HTML escaped, one line."""
    from outputs.report import clean

    t = clean(s).replace("\n", " ")
    return html.escape(t if len(t) <= limit else t[: limit - 1] + "…", quote=True)


def summary_markdown(summary, tables: dict) -> str:
    """The run's summary as markdown: counts by status, rows per table, flags per rule, failures."""
    st = summary.by_status or {}
    lines = [f"# planscan: {nb.number(summary.documents)} dokumenter", "",
             "| Status | Dokumenter |", "|---|---:|"]
    lines += [f"| {nb.label(nb.STATUSES, s)} | {nb.number(st.get(s, 0))} |" for s in nb.STATUSES]
    lines += ["", f"Denne kjøringen: {summary.new} nye, {summary.changed} endret, {summary.unchanged} uendret, "
              f"{summary.removed} fjernet; {summary.parsed} lest ({nb.number(summary.pages_parsed)} sider).", "",
              "| Tabell | Rader |", "|---|---:|"]
    lines += [f"| {nb.table_name(name)} | {nb.number(n)} |" for name, n in (summary.rows or {}).items()]
    if summary.flags_by_rule:
        lines += ["", f"## Flagg: {nb.number(summary.flags)}", "", "| Kontroll | Flagg |", "|---|---:|"]
        lines += [f"| {nb.label(nb.RULES, r)} | {nb.number(n)} |" for r, n in sorted(summary.flags_by_rule.items())]
    if summary.errors:
        lines += ["", f"## Dokumenter som ikke ble lest: {nb.number(len(summary.errors))}", ""]
        lines += [f"- {md_text(path)}: {md_text(reason)}" for path, reason in summary.errors[:MAX_ERRORS]]
        if len(summary.errors) > MAX_ERRORS:
            lines.append(f"- … og {len(summary.errors) - MAX_ERRORS} til (se tabellen documents)")
    lines += ["", f"Rapport: {md_text(os.path.join(summary.out_dir, 'report.html'))}"]
    return "\n".join(lines) + "\n"


def flags_table(tables: dict) -> list[dict[str, str]]:
    """The run's flags (most severe first, at most MAX_FLAGS) as rows for a table artifact."""
    flags = tables.get("flags")
    docs = tables.get("documents")
    if flags is None or flags.num_rows == 0:
        return []
    by_id = {d["doc_id"]: d for d in docs.select(["doc_id", "title", "path"]).to_pylist()} if docs is not None else {}
    order = {"error": 0, "warning": 1, "info": 2}
    rows = sorted(flags.select(["severity", "rule", "doc_id", "message"]).to_pylist(),
                  key=lambda f: (order.get(f["severity"], 9), f["rule"]))
    out = []
    for f in rows[:MAX_FLAGS]:
        d = by_id.get(f["doc_id"], {})
        out.append({"Alvorlighet": nb.label(nb.SEVERITIES, f["severity"]), "Kontroll": nb.label(nb.RULES, f["rule"]),
                    "Dokument": cell_text(d.get("title") or ""), "Fil": cell_text(d.get("path") or f["doc_id"]),
                    "Melding": cell_text(f["message"])})
    return out


def publish(summary, tables: dict) -> None:
    """Create the run's markdown summary and flags table artifacts (inside the flow run)."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    create_markdown_artifact(markdown=summary_markdown(summary, tables or {}), key=SUMMARY_KEY,
                             description="planscan: oppsummering av kjøringen")
    rows = flags_table(tables or {})
    if rows:
        create_table_artifact(table=rows, key=FLAGS_KEY, description="planscan: flagg (de alvorligste først)")
