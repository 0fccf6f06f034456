"""End to end over an archive that attacks the outputs (tests/hostile_content.py): the real CLI
runs it to the end, and no payload executes in the report, becomes a formula in the workbook or
reaches the terminal raw."""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook

from outputs.artifacts import cell_text, flags_table, md_text, summary_markdown
from outputs.tables import to_arrow
from pipelines.flow import RunSummary
from schemas.rows import DocumentRow, Flag
from tests import hostile_content as hc
from tests.chromium import Browser, find_chromium

PLANSCAN = Path(sys.executable).with_name("planscan")
TIME_LIMIT = 400  # seconds for the whole run: a FIFO or a link loop must not hang it
RAW = (b"\x1b", b"\x07", "\u202e".encode())  # bytes a terminal acts on, or that reverse the text


@dataclass
class HostileRun:
    built: hc.Built
    out: Path
    proc: subprocess.CompletedProcess
    seconds: float


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> HostileRun:
    """The hostile archive, run once. The file name that is not UTF-8 has a test of its own
    (test_file_name_that_is_not_utf8), so that a failure there names its cause alone."""
    folder = tmp_path_factory.mktemp("hostile")
    built = hc.build(folder, invalid_utf8=False)
    out = folder / "out"
    t0 = time.monotonic()
    proc = subprocess.run([str(PLANSCAN), "run", str(built.root), "--out", str(out)], capture_output=True,
                          timeout=TIME_LIMIT, stdin=subprocess.DEVNULL)
    return HostileRun(built, out, proc, time.monotonic() - t0)


def _documents(run: HostileRun) -> dict[str, dict]:
    con = duckdb.connect(str(run.out / "planscan.duckdb"), read_only=True)
    try:
        rows = con.sql("select path, status, error, title from documents").to_arrow_table().to_pylist()
    finally:
        con.close()
    return {r["path"]: r for r in rows}


def test_run_completes_in_bounded_time(hostile):
    assert hostile.proc.returncode == 0, hostile.proc.stderr.decode(errors="replace")[-1500:]
    assert hostile.seconds < TIME_LIMIT
    assert b"Traceback" not in hostile.proc.stderr


def test_no_raw_control_characters_on_the_terminal(hostile):
    for stream in (hostile.proc.stdout, hostile.proc.stderr):
        for raw in RAW:
            assert raw not in stream, (raw, stream[-800:])


def test_fifo_and_outside_link_are_skipped_and_reported(hostile):
    docs = _documents(hostile)
    fifo, link = docs[hostile.built.fifo], docs[hostile.built.outside_link]
    assert fifo["status"] == "skipped" and "fifo" in fifo["error"].lower()
    assert link["status"] == "skipped" and "outside" in link["error"].lower()
    out = hostile.proc.stdout.decode()
    assert hostile.built.fifo in out and hostile.built.outside_link in out  # in the closing summary


def test_link_loop_is_reported_and_not_followed(hostile):
    docs = _documents(hostile)
    assert not any("loop/" in p for p in docs)
    # every document once, plus the FIFO, the outside link and the loop, each with a skipped row
    assert len(docs) == len(hostile.built.documents) + 3
    loops = [p for p in docs if p.endswith("loop")]
    assert len(loops) == 1 and docs[loops[0]]["status"] == "skipped"
    assert "loop" in docs[loops[0]]["error"]


def test_odd_file_names_are_read(hostile):
    docs = _documents(hostile)
    for what in ("newline", "rtl", "escape"):
        rel = hostile.built.odd_names[what]
        assert docs[rel]["status"] == "ok", (what, docs.get(rel))


def test_file_name_that_is_not_utf8(tmp_path):
    """Bytes that are not UTF-8 in a file name (common on old shared drives): the file is read,
    its path is stored in a form that shows the bytes, and a second copy of the same bytes under
    another such name gets its own row too."""
    built = hc.build(tmp_path)
    bad = os.fsencode(built.root / os.path.dirname(built.odd_names["invalid_utf8"]))
    shutil.copyfile(built.root / built.odd_names["newline"], bad + b"/kopi-\xe6\xf8\xe5.docx")  # latin-1 'æøå'
    out = tmp_path / "out"
    proc = subprocess.run([str(PLANSCAN), "run", str(built.root), "--out", str(out)], capture_output=True,
                          timeout=TIME_LIMIT, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-600:]
    for raw in RAW:
        assert raw not in proc.stdout and raw not in proc.stderr
    docs = _documents(HostileRun(built, out, proc, 0))
    odd = {p: r for p, r in docs.items() if "ugyldig-" in p or "kopi-" in p}
    assert len(odd) == 2 and all(r["status"] == "ok" for r in odd.values()), odd


def test_payloads_reach_the_tables(hostile):
    """The archive really carries its payloads into rows (else the checks below prove nothing)."""
    titles = " ".join(r["title"] or "" for r in _documents(hostile).values())
    assert hc.SCRIPT in titles
    con = duckdb.connect(str(hostile.out / "planscan.duckdb"), read_only=True)
    try:
        labels = [r[0] for r in con.execute("select label from budget_lines").fetchall()]
        texts = [r[0] for r in con.execute("select description from milestones union all "
                                           "select text from decisions").fetchall()]
    finally:
        con.close()
    assert any(hc.FORMULAS[1] in x for x in labels) and any(hc.IMG in x for x in labels)
    assert any(x.startswith("=HYPERLINK") for x in texts)


def test_report_source_is_escaped(hostile):
    page = (hostile.out / "report.html").read_text(encoding="utf-8")
    body = page.split("</head>", 1)[1]
    for payload in hc.HTML_PAYLOADS:
        assert payload not in body
    assert body.count("<script") == 1 and "<img" not in body and "javascript:alert" not in body.replace(
        "href=&quot;javascript:alert", "")
    assert "\x1b" not in page and "\u202e" not in page


@pytest.mark.skipif(find_chromium() is None, reason="chromium is not installed (make chromium)")
def test_no_payload_executes_in_chromium(hostile):
    report = hostile.out / "report.html"
    with Browser() as b:
        page = b.open(report.as_uri())
        page.settle(0.5)
        assert page.errors() == [] and page.console_messages() == []
        assert page.requests() == [report.as_uri()]
        assert page.eval("document.scripts.length") == 1  # the report's own filter script
        assert page.eval("document.styleSheets.length") == 1
        assert page.eval("document.querySelectorAll('img, iframe, object, embed, a[href^=\"javascript\"]').length") == 0
        assert page.eval("[...document.querySelectorAll('*')].filter(e => [...e.attributes]"
                         ".some(a => a.name.toLowerCase().startsWith('on'))).length") == 0
        assert page.eval("getComputedStyle(document.body).display") != "none"
        # render every section (they render lazily near the viewport), then read what is shown
        page.eval("document.querySelectorAll('section.doc').forEach(s => s.style.contentVisibility = 'visible')")
        text = page.eval("document.body.innerText")
        for payload in hc.HTML_PAYLOADS:
            assert payload in text, payload  # shown as text
        assert "farlig-\\x1b[31mnavn" in text and "faktura-\\u202excod" in text  # names shown, controls visible


def test_no_formula_in_the_workbook(hostile, tmp_path):
    path = tmp_path / "funn.xlsx"
    r = subprocess.run([str(PLANSCAN), "export", "--xlsx", str(path), "--out", str(hostile.out)], capture_output=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    wb = load_workbook(path)
    starts = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@")):
                    assert c.data_type == "s" and c.quotePrefix, (ws.title, c.coordinate, c.value)
                    starts += 1
    assert starts >= 5  # the payloads are there, as text


def test_no_formula_in_query_csv(hostile):
    r = subprocess.run([str(PLANSCAN), "query", "select label, amount_nok from budget_lines", "--out", str(hostile.out),
                        "--csv"], capture_output=True, timeout=60)
    assert r.returncode == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode())))
    assert any(x["label"].startswith("'=") for x in rows) or any(x["label"].startswith("'+") for x in rows)
    assert not any(x["label"].startswith(("=", "+", "-", "@")) for x in rows)
    assert all(x["amount_nok"].isdigit() for x in rows)


def test_query_prints_document_text_safely(hostile):
    for fmt in ([], ["--csv"], ["--json"]):
        r = subprocess.run([str(PLANSCAN), "query", "select path, title, error from documents", "--out",
                            str(hostile.out), *fmt], capture_output=True, timeout=60)
        assert r.returncode == 0
        for raw in RAW:
            assert raw not in r.stdout and raw not in r.stderr, (fmt, raw)


# -- Prefect artifacts: the markdown the UI renders ---------------------------------------------------

@pytest.mark.parametrize("payload", [*hc.HTML_PAYLOADS, "[klikk](javascript:alert(1))", "**fet** _kursiv_ # overskrift",
                                     "| kolonne | brudd |", "linje\nnummer to", "\x1b[31mrød"])
def test_markdown_text_is_inert(payload):
    t = md_text(payload)
    assert "<" not in t and ">" not in t.replace("&gt;", "")
    assert "](" not in t and "**" not in t and "\n" not in t and "\x1b" not in t
    assert "|" not in t.replace("\\|", "")


def test_summary_and_flags_artifacts_escape_document_text():
    s = RunSummary(out_dir="/tmp/x", documents=2, by_status={"ok": 1, "error": 1}, rows={"budget_lines": 3},
                   flags=1, flags_by_rule={"other": 1},
                   errors=[(f"skadet/{hc.SCRIPT}.pdf", f"truncated {hc.IMG} [x](javascript:alert(1))")])
    md = summary_markdown(s, {})
    assert "<script" not in md and "<img" not in md and "](javascript" not in md
    assert "2 dokumenter" in md
    docs = to_arrow("documents", [DocumentRow(doc_id="d", path="a.pdf", format="pdf", sha256=None, title=hc.SCRIPT)])
    flags = to_arrow("flags", [Flag("other", "warning", "d", f"{hc.IMG} \x1b[2J")])
    rows = flags_table({"documents": docs, "flags": flags})
    assert rows[0]["Dokument"] == cell_text(hc.SCRIPT) and "<" not in rows[0]["Dokument"]
    assert "<img" not in rows[0]["Melding"] and "\x1b" not in rows[0]["Melding"]
