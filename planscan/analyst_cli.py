"""`planscan query` and `planscan export`: the analyst's commands over a run's outputs.

`query` runs DuckDB SQL on OUT/planscan.duckdb opened read-only (a query cannot change the
results) and prints a table, CSV or JSON; `export` writes an Excel workbook or CSV files. Errors
are one line on stderr and a non-zero exit code. Text from documents reaches the terminal only
through planscan.terminal.safe (no escape sequences, no bidi overrides).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import re
import sys

from planscan.terminal import safe

EXAMPLES_QUERY = """examples:
  planscan query "select rule, severity, title, message from v_flags"
  planscan query "select * from v_budget_check where stated_total <> cost_lines" --out /data/planscan
  planscan query "select body, decision_date, text from v_decisions where body ilike '%kommunestyre%'"
  planscan query "select person, roles, documents from v_people limit 20" --csv > people.csv
  planscan query "select * from v_timeline where due_date >= date '2018-01-01'" --json

tables: documents, budget_lines, milestones, decisions, roles, flags
views:  v_flags, v_budget_check, v_timeline, v_decisions, v_people, v_documents
"""
EXAMPLES_EXPORT = """examples:
  planscan export --xlsx planscan.xlsx                       workbook from ./planscan-out
  planscan export --xlsx /data/funn.xlsx --out /data/planscan
  planscan export --csv csv-folder                           one CSV file per table
"""
CELL_MAX = 120  # characters of a cell shown in the readable table (CSV and JSON give everything)
EXIT_QUERY_FAILED, EXIT_NO_OUTPUTS = 1, 2
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def add_commands(sub) -> None:
    q = sub.add_parser("query", help="run SQL over the results (read-only) and print a table",
                       description="Run DuckDB SQL over OUT/planscan.duckdb, opened read-only, and print the result: "
                       "a table on a terminal, aligned text in a pipe, or CSV/JSON for programs.",
                       epilog=EXAMPLES_QUERY, formatter_class=argparse.RawDescriptionHelpFormatter)
    q.add_argument("sql", metavar="SQL", help="the query, e.g. \"select * from v_flags\"")
    q.add_argument("--out", default="planscan-out", metavar="DIR", help="the run's output folder (default: ./planscan-out)")
    fmt = q.add_mutually_exclusive_group()
    fmt.add_argument("--csv", action="store_true", help="print CSV (text that starts like a formula gets a leading ')")
    fmt.add_argument("--json", action="store_true", help="print a JSON array of objects")
    q.add_argument("--max-rows", type=int, default=1000, metavar="N",
                   help="rows shown in the readable table (default: 1000; CSV and JSON print every row)")
    e = sub.add_parser("export", help="write the results as an Excel workbook or CSV files",
                       description="Write the tables of a run as an Excel workbook (a 'Flagg' sheet first, then one "
                       "sheet per table) or as one CSV file per table.",
                       epilog=EXAMPLES_EXPORT, formatter_class=argparse.RawDescriptionHelpFormatter)
    target = e.add_mutually_exclusive_group(required=True)
    target.add_argument("--xlsx", metavar="FILE", help="the workbook to write (.xlsx)")
    target.add_argument("--csv", metavar="FOLDER", help="folder for one CSV file per table")
    e.add_argument("--out", default="planscan-out", metavar="DIR", help="the run's output folder (default: ./planscan-out)")


def dispatch(args) -> int | None:
    if args.command == "query":
        return cmd_query(args)
    if args.command == "export":
        return cmd_export(args)
    return None


def _fail(msg: str, code: int) -> int:
    print(f"planscan: {safe(msg)}", file=sys.stderr)
    return code


def run_query(out_dir: str, sql: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
    """Column names and rows of `sql` over the run in `out_dir`; the database is opened read-only.
    Raises FileNotFoundError when there are no results, duckdb.Error when the query fails."""
    import duckdb

    db = os.path.join(out_dir, "planscan.duckdb")
    if not os.path.exists(db):
        raise FileNotFoundError(f"no planscan results in {out_dir} (run: planscan run ARCHIVE --out {out_dir})")
    con = duckdb.connect(db, read_only=True)
    try:
        cur = con.execute(sql, params or [])
        cols = [d[0] for d in cur.description] if cur.description else []
        return cols, cur.fetchall() if cols else []
    finally:
        con.close()


def cmd_query(args) -> int:
    import duckdb

    try:
        cols, rows = run_query(args.out, args.sql)
    except FileNotFoundError as e:
        return _fail(str(e), EXIT_NO_OUTPUTS)
    except duckdb.Error as e:
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        return _fail(f"query failed: {first}", EXIT_QUERY_FAILED)
    out = sys.stdout
    if args.csv:
        write_csv(cols, rows, out)
    elif args.json:
        write_json(cols, rows, out)
    elif out.isatty():
        write_rich(cols, rows, out, args.max_rows)
    else:
        write_plain(cols, rows, out, args.max_rows)
    return 0


def _text(v, col: str = "") -> str:
    """A value as shown in the readable table: terminal-safe, amounts with thousands separators."""
    from outputs import nb_display as nb

    if v is None:
        return ""
    if isinstance(v, bool):
        return "ja" if v else "nei"
    if isinstance(v, int) and col in nb.AMOUNT_COLUMNS:
        return nb.number(v)
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    s = safe(v)
    return s if len(s) <= CELL_MAX else s[: CELL_MAX - 1] + "…"


def _is_num(rows: list[tuple], i: int) -> bool:
    vals = [r[i] for r in rows[:200] if r[i] is not None]
    return bool(vals) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals)


def write_plain(cols: list[str], rows: list[tuple], out, max_rows: int) -> None:
    shown = rows[:max_rows]
    cells = [[_text(v, c) for v, c in zip(r, cols)] for r in shown]
    heads = [safe(c) for c in cols]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(heads)]
    right = [_is_num(shown, i) for i in range(len(cols))]

    def line(vals: list[str]) -> str:
        return "  ".join(v.rjust(w) if r else v.ljust(w) for v, w, r in zip(vals, widths, right)).rstrip()

    out.write(line(heads) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for r in cells:
        out.write(line(r) + "\n")
    _footer(len(rows), len(shown), out)


def _footer(total: int, shown: int, out) -> None:
    from outputs import nb_display as nb

    if shown < total:
        out.write(f"({nb.number(shown)} of {nb.number(total)} rows shown; --csv or --json prints all)\n")
    else:
        out.write(f"({nb.number(total)} {'row' if total == 1 else 'rows'})\n")


def write_rich(cols: list[str], rows: list[tuple], out, max_rows: int) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    shown = rows[:max_rows]
    t = Table(show_lines=False, header_style="bold")
    for i, c in enumerate(cols):
        t.add_column(Text(safe(c)), justify="right" if _is_num(shown, i) else "left", overflow="fold")
    for r in shown:
        t.add_row(*[Text(_text(v, c)) for v, c in zip(r, cols)])  # Text: no markup parsed from documents
    Console(file=out, highlight=False, markup=False, emoji=False).print(t)
    _footer(len(rows), len(shown), out)


def write_csv(cols: list[str], rows: list[tuple], out) -> None:
    from outputs.export import csv_value
    from outputs.report import clean

    w = csv.writer(out)
    w.writerow(cols)
    for r in rows:
        w.writerow([csv_value(clean(v)) if isinstance(v, str) else csv_value(v) for v in r])


def _json_default(v):
    if isinstance(v, (dt.date, dt.datetime, dt.time)):
        return v.isoformat()
    if isinstance(v, (bytes, bytearray)):
        return v.hex()
    return str(v)


def write_json(cols: list[str], rows: list[tuple], out) -> None:
    """JSON array of objects; characters a terminal would act on are written as \\u escapes."""
    s = json.dumps([dict(zip(cols, r)) for r in rows], ensure_ascii=False, default=_json_default, indent=1)
    out.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", s) + "\n")


def cmd_export(args) -> int:
    from outputs.export import NoOutputs, export_csv, export_xlsx

    try:
        if args.xlsx:
            written = export_xlsx(args.out, args.xlsx)
            target = args.xlsx
        else:
            written = export_csv(args.out, args.csv)
            target = args.csv
    except NoOutputs as e:
        return _fail(str(e), EXIT_NO_OUTPUTS)
    except OSError as e:
        return _fail(f"cannot write {e.filename or ''}: {e.strerror or e}", EXIT_QUERY_FAILED)
    parts = ", ".join(f"{name} {n}" for name, n in written.items())
    print(f"planscan: wrote {safe(target)} ({parts})")
    return 0
