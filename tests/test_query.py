"""`planscan query`, the views, `planscan.load` and the analysts' README example, on a real run."""
from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import duckdb
import pytest

import planscan
from outputs.views import VIEWS
from planscan.analyst_cli import run_query
from tests.conftest import run_cli

REPO = Path(__file__).resolve().parents[1]
ANALYSTS_MD = REPO / "README.md"


def test_query_prints_an_aligned_table(sample_run):
    r = run_cli("query", "select doc_id, path, pages from documents order by path limit 3", "--out", str(sample_run))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["doc_id", "path", "pages"]
    assert set(lines[1]) == {"-", " "}
    assert len(lines) == 2 + 3 + 1 and lines[-1] == "(3 rows)"
    col = lines[0].index("path")  # every row's second column starts where its header does
    assert all(line[col - 2:col] == "  " and line[col] != " " for line in lines[2:5])


def test_query_csv_and_json(sample_run):
    sql = "select doc_id, doc_date, pages from documents where doc_date is not null order by doc_id"
    c = run_cli("query", sql, "--out", str(sample_run), "--csv")
    j = run_cli("query", sql, "--out", str(sample_run), "--json")
    assert c.returncode == 0 and j.returncode == 0
    rows = list(csv.DictReader(io.StringIO(c.stdout)))
    data = json.loads(j.stdout)
    assert rows and len(rows) == len(data)
    assert [r["doc_id"] for r in rows] == [d["doc_id"] for d in data]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", d["doc_date"]) for d in data)


@pytest.mark.parametrize("sql, message", [
    ("selec * from documents", "Parser Error"),
    ("select * from no_such_table", "no_such_table"),
    ("delete from documents", "read-only"),
    ("create table x as select 1", "read-only"),
    ("drop view v_flags", "read-only"),
])
def test_bad_or_writing_queries_fail_in_one_line(sample_run, sql, message):
    r = run_cli("query", sql, "--out", str(sample_run))
    assert r.returncode == 1
    assert r.stdout == ""
    assert r.stderr.startswith("planscan: query failed: ") and r.stderr.count("\n") == 1
    assert message in r.stderr and "Traceback" not in r.stderr


def test_query_without_results(tmp_path):
    r = run_cli("query", "select 1", "--out", str(tmp_path / "empty"))
    assert r.returncode == 2 and "no planscan results" in r.stderr and r.stderr.count("\n") == 1


def test_the_database_is_unchanged_by_queries(sample_run):
    before = (sample_run / "planscan.duckdb").stat().st_mtime_ns
    run_cli("query", "delete from budget_lines", "--out", str(sample_run))
    assert (sample_run / "planscan.duckdb").stat().st_mtime_ns == before
    assert run_query(str(sample_run), "select count(*) from budget_lines")[1][0][0] > 0


def test_values_go_in_as_parameters(sample_run):
    """A value with SQL in it is data, never SQL."""
    cols, rows = run_query(str(sample_run), "select count(*) as n from documents where title = ?",
                           ["x' or '1'='1"])
    assert cols == ["n"] and rows == [(0,)]


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_every_view_answers(sample_run, view):
    cols, rows = run_query(str(sample_run), f"select * from {view}")
    assert cols
    if view in ("v_budget_check", "v_timeline", "v_decisions", "v_people", "v_documents"):
        assert rows, f"{view} is empty on the sample archive"


def test_v_flags_has_title_and_path(sample_run):
    cols, _ = run_query(str(sample_run), "select * from v_flags")
    assert {"rule", "severity", "title", "path", "message", "evidence"} <= set(cols)


def test_v_budget_check_sums_lines(sample_run):
    con = duckdb.connect(str(sample_run / "planscan.duckdb"), read_only=True)
    try:
        # the view's rule: cost lines without subtotals, from the tables where a document has tables
        direct = con.execute("""
            select doc_id, period, sum(amount_nok) from budget_lines b
            where kind = 'cost' and not is_subtotal
              and (in_table or not exists (select 1 from budget_lines t where t.doc_id = b.doc_id and t.in_table))
            group by all""").fetchall()
        view = {(d, p): c for d, p, c in con.execute("select doc_id, period, cost_lines from v_budget_check").fetchall()}
    finally:
        con.close()
    assert direct and all(view[(d, p)] == s for d, p, s in direct)


def test_load_types(sample_run):
    t = planscan.load(str(sample_run))
    assert {"documents", "budget_lines", "milestones", "decisions", "roles", "flags"} <= set(t)
    assert str(t["documents"]["doc_date"].dtype).startswith("datetime64")
    assert str(t["milestones"]["due_date"].dtype).startswith("datetime64")
    assert str(t["decisions"]["decision_date"].dtype).startswith("datetime64")
    assert str(t["budget_lines"]["amount_nok"].dtype) == "Int64"
    assert str(t["documents"]["pages"].dtype) == "Int64"
    assert t["budget_lines"]["amount_nok"].sum() > 0


def test_load_without_results(tmp_path):
    with pytest.raises(FileNotFoundError):
        planscan.load(str(tmp_path))


def _python_blocks(md: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", md, re.S)


def test_readme_python_example_runs(sample_run, tmp_path, capsys):
    """The README's Python example, run as written."""
    blocks = _python_blocks(ANALYSTS_MD.read_text(encoding="utf-8"))
    assert blocks, "the README has a python example"
    (tmp_path / "planscan-out").symlink_to(sample_run, target_is_directory=True)
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        for code in blocks:
            exec(compile(code, str(ANALYSTS_MD), "exec"), {"__name__": "__readme__"})
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out
    assert "amount_nok" in out and "doc_date" in out


def test_readme_query_examples_run(sample_run):
    """Every `select ...` in the README is valid SQL on a real run."""
    md = ANALYSTS_MD.read_text(encoding="utf-8")
    queries = re.findall(r"`(select [^`]+)`", md)
    assert len(queries) >= 6
    for q in queries:
        run_query(str(sample_run), q)
