"""The HTML report: one self-contained file (OUT/report.html) an analyst opens offline.

An overview (documents by type and status, flags by rule and severity, documents that failed and
why, every flag), an index of the documents, and per document its flags with their evidence, its
budget (table and chart), its milestones (table and timeline), its decisions and its roles.

Documents are hostile input: every piece of their text passes through `esc` (HTML-escaped, control
and bidi characters made visible), and a Content-Security-Policy allows only the report's own
style and script, by hash: no remote loads, no injected scripts, no inline event handlers.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import re
import json
import os
import uuid
from collections import Counter, defaultdict

from outputs import nb_display as nb
from outputs.svg_charts import budget_chart, timeline_chart

REPORT_NAME = "report.html"
MAX_ROWS = 50  # rows shown per table and document: the database has the rest
MAX_FLAGS_OVERVIEW = 500
MAX_PERIODS_CHARTED = 6
_BIDI = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f"}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1100px;padding:0 16px 40px;color:#222;line-height:1.4}
h1{margin:18px 0 2px}h2{margin:28px 0 6px;font-size:1.3em}h3{margin:16px 0 6px;font-size:1.05em}
section.doc{border-top:3px solid #4e79a7;margin-top:28px;content-visibility:auto;contain-intrinsic-size:auto 1200px}
.meta{color:#555;margin:2px 0;font-size:.92em}
table{border-collapse:collapse;margin:6px 0 10px;font-size:.9em}
th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#f3f5f8}
td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.nw{white-space:nowrap}
.cards{display:flex;flex-wrap:wrap;gap:8px;margin:10px 0}
.cards div{border:1px solid #ddd;border-radius:6px;padding:6px 12px;background:#fafbfc}
.cards b{display:block;font-size:1.4em}
.flag{border-left:4px solid #999;padding:4px 10px;margin:8px 0;background:#fafafa}
.sev-error{border-color:#d62728}.sev-warning{border-color:#f0a30a}.sev-info{border-color:#4e79a7}
.badge{display:inline-block;border-radius:3px;padding:0 6px;font-size:.8em;color:#fff;background:#777}
.badge.sev-error{background:#d62728}.badge.sev-warning{background:#c77c00}.badge.sev-info{background:#4e79a7}
blockquote{margin:4px 0 4px 10px;padding:2px 8px;border-left:2px solid #ccc;color:#333;white-space:pre-wrap}
.page{color:#777;font-size:.85em;margin-right:6px}
.more{color:#777;font-style:italic}
.path{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;color:#555;word-break:break-all}
input[type=search]{width:100%;max-width:420px;padding:5px 8px;font-size:1em}
svg.chart{display:block;max-width:100%;height:auto;margin:6px 0}
nav a{margin-right:12px}
"""

# The report's only script: filters the document index and the document sections as one types.
JS = """
document.getElementById('filter').addEventListener('input', function (e) {
  var q = e.target.value.toLowerCase();
  document.querySelectorAll('#index tbody tr').forEach(function (tr) {
    var hit = tr.textContent.toLowerCase().indexOf(q) >= 0;
    tr.hidden = !hit;
    var s = document.getElementById(tr.getAttribute('data-doc'));
    if (s) { s.hidden = !hit; }
  });
});
"""


_BIDI_RE = re.compile("[" + re.escape("".join(sorted(_BIDI))) + "]")


def clean(s: object) -> str:
    """Text with control and bidirectional-override characters shown as visible escapes (\\x1b,
    \\u202e); newlines and tabs kept. Does not HTML-escape: see `esc`."""
    if s is None:
        return ""
    s = str(s)
    if s.isprintable() and _BIDI_RE.search(s) is None:
        return s
    out = []
    for c in s:
        if c in "\n\t" or (c.isprintable() and c not in _BIDI) or c == " ":
            out.append(c)
        elif 0xDC80 <= ord(c) <= 0xDCFF:  # an undecodable byte of a file name (surrogate escape)
            out.append(f"\\x{ord(c) - 0xDC00:02x}")
        else:
            out.append(f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
    return "".join(out)


def esc(s: object) -> str:
    """Document text as HTML text: escaped (quotes too, so it is safe in attributes) and cleaned."""
    return html.escape(clean(s), quote=True)


def csp_hash(source: str) -> str:
    """The CSP source expression allowing exactly this inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy() -> str:
    """Nothing loads from anywhere; only the report's own style and script run (by hash), so an
    injected <script>, inline event handler or javascript: URL does nothing even if it slipped by."""
    return (f"default-src 'none'; style-src {csp_hash(CSS)}; script-src {csp_hash(JS)}; "
            f"base-uri 'none'; form-action 'none'")


def write_report(out_dir: str, tables: dict) -> str:
    """Write OUT/report.html for the run's tables (dict of pyarrow Tables); returns its path.

    Written to a temporary file and renamed, so a reader never sees half a report."""
    os.makedirs(out_dir, exist_ok=True)
    final = os.path.join(out_dir, REPORT_NAME)
    tmp = os.path.join(out_dir, f".{REPORT_NAME}.{uuid.uuid4().hex[:8]}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        # Part by part: the report of a large archive is tens of MB; never one string in memory.
        for i, part in enumerate(report_parts(tables)):
            f.write(("\n" if i else "") + part)
    os.replace(tmp, final)
    return final


def _rows(tables: dict, name: str) -> list[dict]:
    t = tables.get(name)
    return t.to_pylist() if t is not None else []


def _by_doc(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        out[r["doc_id"]].append(r)
    return out


def build_report(tables: dict, generated: dt.datetime | None = None) -> str:
    """The report's HTML for a run's tables (pure: no I/O)."""
    return "\n".join(report_parts(tables, generated))


def report_parts(tables: dict, generated: dt.datetime | None = None):
    """The report's HTML in consecutive parts (joined with newlines, they are `build_report`)."""
    generated = generated or dt.datetime.now()
    docs = _rows(tables, "documents")
    flags = sorted(_rows(tables, "flags"), key=lambda f: (_SEVERITY_ORDER.get(f["severity"], 9), f["rule"]))
    per = {name: _by_doc(_rows(tables, name)) for name in ("budget_lines", "milestones", "decisions", "roles")}
    flags_by_doc = _by_doc(flags)
    docs_by_id = {d["doc_id"]: d for d in docs}
    counts = {name: sum(len(v) for v in per[name].values()) for name in per}
    docs_sorted = sorted(docs, key=lambda d: (d["status"] != "ok", d["path"]))

    yield _head()
    yield "<body>"
    yield (f"<h1>planscan-rapport</h1><p class=meta>Laget {nb.date(generated)} kl. {generated:%H:%M} · "
           f"{nb.number(len(docs))} dokumenter</p>")
    yield ('<nav><a href="#oversikt">Oversikt</a><a href="#flagg">Flagg</a><a href="#prosjekter">Prosjekter</a><a href="#feil">Feilede dokumenter</a>'
           '<a href="#dokumenter">Dokumenter</a></nav>')
    yield _overview(docs, flags, counts)
    yield _all_flags(flags, docs_by_id)
    yield _projects(tables, docs_by_id)
    yield _failed(docs)
    yield _index(docs_sorted, flags_by_doc, per)
    for d in docs_sorted:
        if d["status"] == "ok":
            yield _document(d, flags_by_doc.get(d["doc_id"], []), {n: per[n].get(d["doc_id"], []) for n in per},
                            docs_by_id)
    yield f"<script>{JS}</script></body></html>\n"


def _head() -> str:
    return ("<!DOCTYPE html>\n<html lang=\"nb\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{content_security_policy()}\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta name=\"referrer\" content=\"no-referrer\">"
            f"<title>planscan-rapport</title><style>{CSS}</style></head>")


def _table(headers: list[str], rows: list[list[str]], num_cols: set[int] = frozenset(), total: int | None = None,
           attrs: str = "") -> str:
    """An HTML table from already-escaped cells; notes how many rows were left out."""
    h = "".join(f'<th{" class=num" if i in num_cols else ""}>{c}</th>' for i, c in enumerate(headers))
    body = []
    for r in rows:
        tr_attr = ""
        if isinstance(r, tuple):  # (row attributes, cells)
            tr_attr, r = r
        body.append(f"<tr{tr_attr}>" + "".join(f'<td{" class=num" if i in num_cols else ""}>{c}</td>'
                                               for i, c in enumerate(r)) + "</tr>")
    more = ""
    if total is not None and total > len(rows):
        more = (f'<p class=more>Viser {nb.number(len(rows))} av {nb.number(total)} rader; alle finnes i '
                f'planscan.duckdb og i eksporten (planscan export).</p>')
    return f"<table{attrs}><thead><tr>{h}</tr></thead><tbody>{''.join(body)}</tbody></table>{more}"


def _pivot(counter: Counter, row_vals: list[str], col_vals: list[str], row_name, col_name, corner: str) -> str:
    headers = [corner] + [col_name(c) for c in col_vals] + ["Sum"]
    rows = []
    for r in row_vals:
        cells = [counter.get((r, c), 0) for c in col_vals]
        rows.append([esc(row_name(r))] + [nb.number(n) if n else "" for n in cells] + [nb.number(sum(cells))])
    nums = set(range(1, len(col_vals) + 2))
    return _table(headers, rows, nums)


def _overview(docs: list[dict], flags: list[dict], counts: dict[str, int]) -> str:
    st = Counter(d["status"] for d in docs)
    cards = [(len(docs), "dokumenter"), (st.get("ok", 0), "lest"), (st.get("error", 0) + st.get("empty", 0), "feilet/tomme"),
             (st.get("skipped", 0), "hoppet over"), (len(flags), "flagg"), (counts["budget_lines"], "budsjettlinjer"),
             (counts["milestones"], "milepæler"), (counts["decisions"], "vedtak"), (counts["roles"], "roller")]
    out = ['<section id="oversikt"><h2>Oversikt</h2><div class=cards>']
    out += [f"<div><b>{nb.number(n)}</b>{what}</div>" for n, what in cards]
    out.append("</div>")
    by_type = Counter((d["doc_type"] or "", d["status"]) for d in docs)
    types = sorted({t for t, _ in by_type}, key=lambda t: (t == "", nb.label(nb.DOC_TYPES, t)))
    statuses = [s for s in nb.STATUSES if any(k[1] == s for k in by_type)]
    out.append("<h3>Dokumenter etter type og status</h3>")
    out.append(_pivot(by_type, types, statuses, lambda t: nb.label(nb.DOC_TYPES, t) or "Ukjent",
                      lambda s: nb.label(nb.STATUSES, s), "Type"))
    if flags:
        by_rule = Counter((f["rule"], f["severity"]) for f in flags)
        rules = sorted({r for r, _ in by_rule}, key=lambda r: nb.label(nb.RULES, r))
        sevs = [s for s in nb.SEVERITIES if any(k[1] == s for k in by_rule)]
        out.append("<h3>Flagg etter kontroll og alvorlighet</h3>")
        out.append(_pivot(by_rule, rules, sevs, lambda r: nb.label(nb.RULES, r), lambda s: nb.label(nb.SEVERITIES, s),
                          "Kontroll"))
    out.append("</section>")
    return "".join(out)


def _doc_link(d: dict | None, doc_id: str) -> str:
    if d is None:
        return esc(doc_id)
    return f'<a href="#d-{esc(doc_id)}">{esc(_title(d))}</a>'


def _title(d: dict) -> str:
    return d.get("title") or os.path.basename(d["path"]) or d["path"]


def _badge(sev: str) -> str:
    return f'<span class="badge sev-{esc(sev)}">{esc(nb.label(nb.SEVERITIES, sev))}</span>'


def _all_flags(flags: list[dict], docs_by_id: dict) -> str:
    out = [f'<section id="flagg"><h2>Flagg ({nb.number(len(flags))})</h2>']
    if not flags:
        out.append("<p>Ingen flagg i denne kjøringen.</p></section>")
        return "".join(out)
    rows = [[_badge(f["severity"]), esc(nb.label(nb.RULES, f["rule"])), _doc_link(docs_by_id.get(f["doc_id"]), f["doc_id"]),
             esc(f["message"])] for f in flags[:MAX_FLAGS_OVERVIEW]]
    out.append(_table(["Alvorlighet", "Kontroll", "Dokument", "Melding"], rows, total=len(flags)))
    out.append("</section>")
    return "".join(out)


def _projects(tables: dict, docs_by_id: dict) -> str:
    """The projects that link documents (checks.linking), each with links to its documents."""
    projects = _rows(tables, "projects")
    if not projects:
        return ""
    members: dict[str, list[str]] = defaultdict(list)
    for link in _rows(tables, "document_projects"):
        members[link["project_id"]].append(link["doc_id"])
    projects.sort(key=lambda p: (-(p.get("documents") or 0), p.get("name") or ""))
    rows = []
    for p in projects[: MAX_ROWS * 4]:
        ids = sorted(members.get(p["project_id"], []), key=lambda i: docs_by_id.get(i, {}).get("path", i))
        links = "<br>".join(_doc_link(docs_by_id.get(i), i) + f" <span class=path>{esc(docs_by_id.get(i, {}).get('path'))}</span>"
                            for i in ids[:MAX_ROWS])
        rows.append([esc(p.get("name")), nb.number(p.get("documents")), links])
    return (f'<section id="prosjekter"><h2>Prosjekter ({nb.number(len(projects))})</h2>'
            f'<p class=meta>Dokumenter som handler om samme prosjekt eller sak.</p>'
            + _table(["Prosjekt", "Dokumenter", "Filer"], rows, {1}, total=len(projects)) + "</section>")


def _failed(docs: list[dict]) -> str:
    bad = [d for d in docs if d["status"] != "ok"]
    out = [f'<section id="feil"><h2>Dokumenter som ikke ble lest ({nb.number(len(bad))})</h2>']
    if not bad:
        out.append("<p>Alle dokumentene ble lest.</p></section>")
        return "".join(out)
    rows = [[f"<span class=path>{esc(d['path'])}</span>", esc(nb.label(nb.STATUSES, d["status"])), esc(d["error"])]
            for d in sorted(bad, key=lambda d: (d["status"], d["path"]))[: MAX_ROWS * 4]]
    out.append(_table(["Fil", "Status", "Årsak"], rows, total=len(bad)))
    out.append("</section>")
    return "".join(out)


def _index(docs: list[dict], flags_by_doc: dict, per: dict) -> str:
    out = ['<section id="dokumenter"><h2>Dokumenter</h2>',
           '<p><input id="filter" type="search" placeholder="Filtrer på tittel, fil eller type …" '
           'aria-label="Filtrer dokumenter"></p>']
    rows = []
    for d in docs:
        i = d["doc_id"]
        link = _doc_link(d, i) if d["status"] == "ok" else esc(_title(d))
        cells = [f"{link}<br><span class=path>{esc(d['path'])}</span>", esc(nb.label(nb.DOC_TYPES, d["doc_type"])),
                 esc(nb.label(nb.STATUSES, d["status"])), nb.date(d["doc_date"]),
                 nb.number(d["pages"]) if d["pages"] is not None else "",
                 nb.number(len(flags_by_doc.get(i, [])))] + [nb.number(len(per[n].get(i, []))) for n in per]
        rows.append((f' data-doc="d-{esc(i)}"', cells))
    out.append(_table(["Dokument", "Type", "Status", "Dato", "Sider", "Flagg", "Budsjettlinjer", "Milepæler",
                       "Vedtak", "Roller"], rows, num_cols={4, 5, 6, 7, 8, 9}, attrs=' id="index"'))
    out.append("</section>")
    return "".join(out)


def _evidence(f: dict) -> list[tuple[int | None, str]]:
    try:
        items = json.loads(f.get("evidence_json") or "[]")
        return [(e.get("page"), e.get("text") or "") for e in items if isinstance(e, dict)]
    except (ValueError, TypeError):
        return [(None, f.get("evidence") or "")] if f.get("evidence") else []


def _flag_block(f: dict, docs_by_id: dict) -> str:
    out = [f'<div class="flag sev-{esc(f["severity"])}"><p>{_badge(f["severity"])} '
           f'<b>{esc(nb.label(nb.RULES, f["rule"]))}</b>: {esc(f["message"])}</p>']
    for page, text in _evidence(f):
        where = f"s. {page}" if page else "uten sidetall"
        out.append(f"<blockquote><span class=page>{esc(where)}</span>{esc(text)}</blockquote>")
    rel = f.get("related_doc_id")
    if rel:
        out.append(f"<p class=meta>Se også: {_doc_link(docs_by_id.get(rel), rel)}</p>")
    out.append("</div>")
    return "".join(out)


def _page(p) -> str:
    return "" if p is None else nb.number(p)


def budget_bars(lines: list[dict]) -> list[dict]:
    """The budget chart's bars for one document: per period (in the order met), cost lines and
    funding lines stacked, the stated total and the frame as single bars. Subtotals are left out
    of the stacks (they would count their lines twice); a period's stated total is its largest
    total line, subtotal or not (a 'Sum kostnader' row is the total the lines should reach, the
    row sums of a table's 'Sum' column are smaller)."""
    periods: dict[str | None, dict[str, list]] = {}
    # Prose usually restates a budget table's rows: where the document has budget tables, the
    # stacks come from the tables alone (as in the v_budget_check view).
    has_tables = any(b.get("in_table") for b in lines)
    for b in lines:
        if b.get("is_subtotal") and b["kind"] not in ("total", "frame"):
            continue
        if has_tables and not b.get("in_table") and b["kind"] in ("cost", "funding"):
            continue
        periods.setdefault(b["period"], defaultdict(list))[b["kind"]].append((b["label"], b["amount_nok"]))
    bars = []
    for p, kinds in list(periods.items())[:MAX_PERIODS_CHARTED]:
        suffix = f" {nb.period(p)}" if p else ""
        for kind, name in (("cost", "Kostnader"), ("total", "Oppgitt total"), ("funding", "Finansiering"),
                           ("frame", "Ramme")):
            segs = kinds.get(kind)
            if not segs:
                continue
            if kind in ("total", "frame"):  # one figure, stated (maybe more than once): the largest
                segs = [max(segs, key=lambda s: s[1])]
            bars.append({"label": name + suffix, "kind": kind, "period": p, "segments": segs})
    return bars


def _document(d: dict, flags: list[dict], rows: dict[str, list[dict]], docs_by_id: dict) -> str:
    i = d["doc_id"]
    meta = [f"<span class=path>{esc(d['path'])}</span>", esc(nb.label(nb.DOC_TYPES, d["doc_type"])),
            esc(d["format"])]
    if d["doc_date"]:
        meta.append("datert " + nb.date(d["doc_date"]))
    if d["pages"]:
        meta.append(f"{nb.number(d['pages'])} sider")
    out = [f'<section class=doc id="d-{esc(i)}"><h2>{esc(_title(d))}</h2><p class=meta>{" · ".join(meta)}</p>']
    if d.get("project_start") or d.get("project_end"):
        end = nb.date(d.get("project_end")) or esc(d.get("project_end_text"))
        out.append(f"<p class=meta>Prosjektperiode: {nb.date(d.get('project_start'))} – {end}</p>")
    if d.get("error") or d.get("note"):
        out.append(f"<p class=meta>Merknad: {esc(d.get('error') or d.get('note'))}</p>")
    if flags:
        out.append(f"<h3>Flagg ({nb.number(len(flags))})</h3>")
        out += [_flag_block(f, docs_by_id) for f in flags[:MAX_ROWS]]
        if len(flags) > MAX_ROWS:
            out.append(f"<p class=more>… og {nb.number(len(flags) - MAX_ROWS)} flagg til.</p>")
    b = rows["budget_lines"]
    if b:
        out.append(f"<h3>Budsjett ({nb.number(len(b))} linjer)</h3>")
        out.append(budget_chart(budget_bars(b)))
        trs = [[esc(x["label"]) + (" <i>(delsum)</i>" if x.get("is_subtotal") else ""),
                esc(nb.label(nb.BUDGET_KINDS, x["kind"])), esc(nb.period(x["period"])), nb.kroner(x["amount_nok"]),
                _page(x["page"])] for x in b[:MAX_ROWS]]
        out.append(_table(["Post", "Type", "Periode", "Beløp", "Side"], trs, {3, 4}, total=len(b)))
    m = rows["milestones"]
    if m:
        out.append(f"<h3>Milepæler ({nb.number(len(m))})</h3>")
        markers = [(d.get("project_start"), "Prosjektstart"), (d.get("project_end"), "Prosjektslutt")]
        dated = [(x["due_date"], x["description"], x["status"]) for x in m if x["due_date"] is not None]
        out.append(timeline_chart(dated[:MAX_ROWS], [mk for mk in markers if mk[0] is not None]))
        ms = sorted(m, key=lambda x: (x["due_date"] is None, x["due_date"] or dt.date.min))[:MAX_ROWS]
        trs = [[nb.date(x["due_date"]), esc(x["due_text"]), esc(x["description"]), esc(x["status"]), _page(x["page"])]
               for x in ms]
        out.append(_table(["Frist", "Som skrevet", "Beskrivelse", "Status", "Side"], trs, {4}, total=len(m)))
    v = rows["decisions"]
    if v:
        out.append(f"<h3>Vedtak ({nb.number(len(v))})</h3>")
        trs = [[esc(x["body"]), nb.date(x["decision_date"]), esc(x["case_number"]),
                esc(nb.label(nb.DECISION_KINDS, x["kind"])), esc(x["text"]), esc(x.get("vote")), _page(x["page"])]
               for x in v[:MAX_ROWS]]
        out.append(_table(["Organ", "Dato", "Saksnr.", "Type", "Tekst", "Avstemning", "Side"], trs, {6}, total=len(v)))
    r = rows["roles"]
    if r:
        out.append(f"<h3>Roller ({nb.number(len(r))})</h3>")
        trs = [[esc(x["person"]), esc(x["role"]), esc(x["organisation"]), _page(x["page"])] for x in r[:MAX_ROWS]]
        out.append(_table(["Person", "Rolle", "Organisasjon", "Side"], trs, {3}, total=len(r)))
    if not (flags or b or m or v or r):
        out.append("<p class=meta>Ingen budsjett, milepæler, vedtak, roller eller flagg funnet i dette dokumentet.</p>")
    out.append("</section>")
    return "".join(out)
