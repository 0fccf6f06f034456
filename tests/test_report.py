"""The HTML report: Norwegian formatting, escaping, CSP, charts, speed, and a real Chromium load."""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import time
from pathlib import Path

import pytest

from outputs import nb_display as nb
from outputs.report import (CSS, JS, budget_bars, build_report, clean, content_security_policy, csp_hash, esc,
                            write_report)
from outputs.tables import to_arrow
from schemas.rows import BudgetLine, Decision, DocumentRow, Evidence, Flag, Milestone, Role
from tests.chromium import Browser, find_chromium

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("amount, text", [
    (1050000, "1 050 000 kr"), (0, "0 kr"), (999, "999 kr"), (1000, "1 000 kr"), (15000000, "15 000 000 kr"),
    (-50000, "\u221250 000 kr"), (None, ""),
])
def test_kroner(amount, text):
    assert nb.kroner(amount) == text


@pytest.mark.parametrize("value, text", [
    (dt.date(2013, 9, 19), "19.09.2013"), (dt.date(2018, 1, 1), "01.01.2018"),
    (dt.datetime(2024, 6, 13, 18, 30), "13.06.2024"), (None, ""),
])
def test_date(value, text):
    assert nb.date(value) == text


@pytest.mark.parametrize("raw, shown", [
    ("Tilskudd 2024", "Tilskudd 2024"),
    ("a\x1b[31mrød", "a\\x1b[31mrød"),
    ("fil\u202egpj.exe", "fil\\u202egpj.exe"),
    ("linje 1\nlinje 2\tkolonne", "linje 1\nlinje 2\tkolonne"),
    ("navn-\udcff.pdf", "navn-\\xff.pdf"),
    (None, ""),
])
def test_clean_makes_controls_visible(raw, shown):
    assert clean(raw) == shown


@pytest.mark.parametrize("raw, escaped", [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ('<img src=x onerror="alert(1)">', "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"),
    ("</style><b>x</b>", "&lt;/style&gt;&lt;b&gt;x&lt;/b&gt;"),
    ("Bjørn & Søn's «tiltak»", "Bjørn &amp; Søn&#x27;s «tiltak»"),
])
def test_esc(raw, escaped):
    assert esc(raw) == escaped


PAYLOADS = ["<script>alert('title')</script>", '<img src=x onerror="alert(1)">',
            '<a href="javascript:alert(2)">klikk</a>', "</style><h1>stor</h1>", "\x1b]0;pwned\x07"]


def _tables(n_docs: int = 1, payload: str = "", lines: int = 6, milestones: int = 4):
    docs, budget, ms, dec, roles, flags = [], [], [], [], [], []
    for k in range(n_docs):
        i = f"doc{k:04d}"
        docs.append(DocumentRow(doc_id=i, path=f"mappe/{payload}plan-{k}.docx", format="docx", sha256="0" * 64,
                                doc_type="project_plan", title=f"{payload}Prosjektplan {k}", doc_date=dt.date(2013, 9, 19),
                                pages=3, project_start=dt.date(2017, 3, 1), project_end=dt.date(2018, 6, 30)))
        for j in range(lines):
            budget.append(BudgetLine(i, f"{payload}Post {j}", 350000, "cost", "2017", 2, f"{payload}Post {j} 350 000"))
        budget.append(BudgetLine(i, "Totalramme", 2100000, "total", "2017", 2, "Totalramme 2 100 000"))
        budget.append(BudgetLine(i, "Tilskudd fylket", 1050000, "funding", "2017", 2, "1 050 000"))
        for j in range(milestones):
            ms.append(Milestone(i, f"{payload}Milepæl {j}", dt.date(2017, 4 + j, 1), f"{4 + j:02d}.2017", "Gjennomført", 3))
        dec.append(Decision(i, "06/22", f"{payload}Formannskapet", dt.date(2022, 2, 7), "adopted", f"{payload}Vedtatt.", 1))
        roles.append(Role(i, f"{payload}Kari Nordmann", "prosjektleder", f"{payload}Kommunen", 1))
        flags.append(Flag("budget_total_mismatch", "error", i, f"{payload}Kostnadslinjene summerer til 2 050 000",
                          [Evidence(i, 2, f"{payload}Totalramme kr 2.100.000", 10, 40)]))
    docs.append(DocumentRow(doc_id="bad", path=f"skadet/{payload}x.pdf", format="pdf", sha256=None, status="error",
                            error=f"truncated: {payload}"))
    rows = {"documents": docs, "budget_lines": budget, "milestones": ms, "decisions": dec, "roles": roles, "flags": flags}
    return {name: to_arrow(name, r) for name, r in rows.items()}


def test_report_shows_the_numbers_as_norwegians_write_them():
    page = build_report(_tables(), generated=dt.datetime(2026, 1, 2, 3, 4))
    assert "2 100 000 kr" in page  # the stated total, in the chart and the table
    assert "2 100 000 kr" in page.split("<svg", 1)[1]
    assert "19.09.2013" in page and "01.04.2017" in page
    assert "Laget 02.01.2026 kl. 03:04" in page
    assert "Budsjettlinjer mot oppgitt total" in page  # the rule in words
    assert "s. 2" in page and "Totalramme kr 2.100.000" in page  # evidence with its page
    assert "truncated:" in page and "skadet/x.pdf" in page  # the failed document and why


def test_report_has_charts_only_where_there_is_data():
    t = _tables(n_docs=1, lines=0, milestones=0)
    t["budget_lines"] = to_arrow("budget_lines", [])
    t["milestones"] = to_arrow("milestones", [])
    assert "<svg" not in build_report(t)
    assert build_report(_tables()).count("<svg") == 2  # one budget chart, one timeline


def test_budget_bars_stack_lines_and_leave_subtotals_out():
    lines = [
        {"label": "Lønn", "amount_nok": 700000, "kind": "cost", "period": None, "is_subtotal": False},
        {"label": "Reise", "amount_nok": 300000, "kind": "cost", "period": None, "is_subtotal": False},
        {"label": "Sum drift", "amount_nok": 1000000, "kind": "cost", "period": None, "is_subtotal": True},
        {"label": "Total", "amount_nok": 1100000, "kind": "total", "period": None, "is_subtotal": False},
        {"label": "Total igjen", "amount_nok": 1050000, "kind": "total", "period": None, "is_subtotal": False},
        {"label": "Fylket", "amount_nok": 500000, "kind": "funding", "period": "2017", "is_subtotal": False},
        {"label": "Lønn (Sum)", "amount_nok": 200000, "kind": "total", "period": "2017", "is_subtotal": False},
        {"label": "Sum kostnader 2017", "amount_nok": 500000, "kind": "total", "period": "2017", "is_subtotal": True},
    ]
    bars = budget_bars(lines)
    assert [(b["label"], sum(a for _, a in b["segments"])) for b in bars] == [
        ("Kostnader", 1000000), ("Oppgitt total", 1100000), ("Oppgitt total 2017", 500000),
        ("Finansiering 2017", 500000)]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_document_text_is_escaped_everywhere(payload):
    page = build_report(_tables(payload=payload))
    body = page.split("</head>", 1)[1]
    assert payload not in body
    assert "<script>" not in body.replace(f"<script>{JS}</script>", "")
    assert "onerror=" not in body.replace("onerror=&quot;", "")  # only as escaped text
    assert "<img" not in body and "<a href=\"javascript" not in body and "</style><h1>" not in body
    assert "\x1b" not in page and "\x07" not in page


def test_content_security_policy_allows_only_the_reports_own_code():
    page = build_report(_tables())
    csp = content_security_policy()
    assert f'<meta http-equiv="Content-Security-Policy" content="{csp}">' in page
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "http" not in csp
    assert csp_hash(CSS) in csp and csp_hash(JS) in csp
    # the hashes are of exactly what the page holds
    assert f"<style>{CSS}</style>" in page and f"<script>{JS}</script>" in page
    assert page.index("Content-Security-Policy") < page.index("<style>")


def test_report_for_1000_documents_is_fast(tmp_path):
    tables = _tables(n_docs=1000, lines=12, milestones=8)
    t0 = time.perf_counter()
    path = write_report(str(tmp_path), tables)
    seconds = time.perf_counter() - t0
    size = os.path.getsize(path)
    assert seconds < 10, f"{seconds:.1f} s for 1000 documents"
    assert size < 40 * 2**20
    assert Path(path).read_text(encoding="utf-8").count('<section class=doc id="d-doc') == 1000


def test_rows_per_table_are_capped():
    page = build_report(_tables(lines=120))
    assert "Viser 50 av 122 rader" in page


# -- in a real browser ------------------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(find_chromium() is None, reason="chromium is not installed (make chromium)")


@needs_chromium
def test_sample_report_loads_cleanly_in_chromium(sample_run, tmp_path):
    report = sample_run / "report.html"
    assert report.exists()
    with Browser(width=1200, height=900) as b:
        page = b.open(report.as_uri())
        page.settle(0.5)
        assert page.errors() == []
        assert page.requests() == [report.as_uri()]  # nothing from the network, nothing else at all
        assert page.eval("document.querySelectorAll('svg.chart rect').length") > 0
        assert page.eval("document.querySelectorAll('section.doc').length") > 0
        assert page.eval("document.title") == "planscan-rapport"
        # the filter script runs (it is allowed by its hash): typing hides non-matching documents
        shown = page.eval("""(() => { const f = document.getElementById('filter'); f.value = 'zzzz-ingen';
            f.dispatchEvent(new Event('input'));
            return [...document.querySelectorAll('#index tbody tr')].filter(r => !r.hidden).length; })()""")
        assert shown == 0
        page.eval("(() => { const f = document.getElementById('filter'); f.value = '';"
                  " f.dispatchEvent(new Event('input')); })()")
        shot = tmp_path / "report.png"
        _screenshot_with_charts(page, b, shot)
        assert shot.stat().st_size > 20_000
        if os.environ.get("PLANSCAN_UPDATE_SCREENSHOT"):
            shutil.copy(shot, REPO / "docs" / "report.png")


def _screenshot_with_charts(page, browser, path: Path) -> None:
    """Screenshot of a document section with flags, a budget chart and a timeline: the viewport is
    made as tall as the section and scrolled to it (sections render near the viewport only)."""
    import base64

    find = """(() => {
        const docs = [...document.querySelectorAll('section.doc')];
        const s = docs.find(x => x.querySelectorAll('svg.chart').length >= 2 && x.querySelector('.flag')
                                 && x.getBoundingClientRect().height < 1800)
               || docs.find(x => x.querySelectorAll('svg.chart').length >= 2) || docs[0];
        s.scrollIntoView(); window.scrollBy(0, -8);
        return Math.min(s.getBoundingClientRect().height + 16, 1800); })()"""
    page.eval(find)
    page.settle(0.3)
    height = int(page.eval(find))
    browser.call("Emulation.setDeviceMetricsOverride", {"width": browser.width, "height": height,
                                                        "deviceScaleFactor": 1, "mobile": False}, page.session)
    page.eval(find)
    page.settle(0.3)
    data = browser.call("Page.captureScreenshot", {"format": "png"}, page.session)["data"]
    path.write_bytes(base64.b64decode(data))


@needs_chromium
def test_hostile_report_runs_no_payload_in_chromium(tmp_path):
    t = _tables(payload="".join(PAYLOADS[:4]))
    path = write_report(str(tmp_path), t)
    with Browser() as b:
        page = b.open(Path(path).as_uri())
        page.settle(0.5)
        assert page.eval("document.scripts.length") == 1  # the report's own
        assert page.eval("document.querySelectorAll('img, iframe, object, embed, a[href^=\"javascript\"]').length") == 0
        assert page.eval("[...document.querySelectorAll('*')].filter(e => [...e.attributes]"
                         ".some(a => a.name.startsWith('on'))).length") == 0
        text = page.eval("document.body.innerText")
        assert "<script>alert('title')</script>" in text and '<img src=x onerror="alert(1)">' in text
        assert page.console_messages() == [] and page.errors() == []
        assert page.requests() == [Path(path).as_uri()]


def test_projects_link_their_documents_and_escape_names():
    from schemas.rows import DocumentProject, Project

    t = _tables(n_docs=2)
    t["projects"] = to_arrow("projects", [Project("p1", f"{PAYLOADS[0]} Grønn vekst", documents=2, files=2)])
    t["document_projects"] = to_arrow("document_projects", [DocumentProject("doc0000", "p1", "name", 1.0),
                                                            DocumentProject("doc0001", "p1", "name", 1.0)])
    page = build_report(t)
    section = page.split('<section id="prosjekter">', 1)[1].split("</section>", 1)[0]
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; Grønn vekst" in section
    assert 'href="#d-doc0000"' in section and 'href="#d-doc0001"' in section
