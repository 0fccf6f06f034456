"""Export a run's tables for spreadsheet users: one Excel workbook, or one CSV file per table.

The workbook opens on 'Flagg' (every flag with its document's title and file), then one sheet
per table, with Norwegian column headers, thousands separators on amounts, real Excel dates
shown as 19.09.2013, a frozen header row, autofilters and column widths that fit.

Document text is hostile input: a cell whose text starts with '=', '+', '-', '@', a tab or a
carriage return would be run as a formula by Excel or LibreOffice. Such text is written as a text
cell with Excel's quote prefix (CSV: prefixed with a single quote); numbers and dates stay numbers
and dates. Characters that XML (and so .xlsx) cannot hold are shown as visible escapes.
"""
from __future__ import annotations

import csv
import datetime as dt
import os
import re
import uuid

import pyarrow as pa

from outputs import nb_display as nb

DB_NAME = "planscan.duckdb"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXCEL_MAX_CHARS = 32767
TABLE_ORDER = ("documents", "budget_lines", "milestones", "decisions", "roles", "projects", "document_projects")
# The flags sheet: its columns in the order an analyst reads them (v_flags adds titles and files).
FLAG_COLUMNS = ("severity", "rule", "title", "path", "message", "evidence", "related_title", "related_path",
                "doc_id", "related_doc_id", "flag_id")
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
AMOUNT_FORMAT = "#,##0"  # Excel shows the locale's thousands separator: '1 050 000' in Norwegian
DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"


class NoOutputs(Exception):
    """The folder holds no planscan results."""


def looks_like_formula(s: str) -> bool:
    """True when a spreadsheet would read this text as a formula (or a DDE payload)."""
    return s.startswith(FORMULA_START)


def csv_text(s: str) -> str:
    """Text for a CSV cell that spreadsheets open as text, never as a formula: a leading single
    quote (the OWASP-recommended neutraliser) before text that starts like a formula."""
    return "'" + s if looks_like_formula(s) else s


def excel_text(s: str) -> str:
    """Text an .xlsx cell can hold: XML-illegal characters become visible escapes, and the text
    is cut to Excel's 32 767 characters per cell."""
    if _XML_ILLEGAL.search(s):
        s = _XML_ILLEGAL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                             else f"\\u{ord(m.group()):04x}", s)
    return s if len(s) <= EXCEL_MAX_CHARS else s[: EXCEL_MAX_CHARS - 1] + "…"


def read_tables(out_dir: str) -> dict[str, pa.Table]:
    """The run's tables from OUT/planscan.duckdb (opened read-only), 'flags' as the v_flags view
    (the flags with their documents' titles and files) when the database has it."""
    import duckdb

    db = os.path.join(out_dir, DB_NAME)
    if not os.path.exists(db):
        raise NoOutputs(f"no planscan results in {out_dir} (run: planscan run ARCHIVE --out {out_dir})")
    con = duckdb.connect(db, read_only=True)
    try:
        names = {r[0]: r[1] for r in con.execute(
            "select table_name, table_type from information_schema.tables where table_schema = 'main'").fetchall()}
        out = {}
        if "v_flags" in names:
            t = con.sql("select * from v_flags").to_arrow_table()
            out["flags"] = t.select([c for c in FLAG_COLUMNS if c in t.column_names])
        elif "flags" in names:
            out["flags"] = con.sql("select * from flags").to_arrow_table()
        ordered = [n for n in TABLE_ORDER if names.get(n) == "BASE TABLE"]
        ordered += sorted(n for n, kind in names.items() if kind == "BASE TABLE" and n not in ordered and n != "flags")
        for name in ordered:
            # table names come from the database's own catalogue, never from document text
            out[name] = con.sql(f'select * from "{name}"').to_arrow_table()
        return out
    finally:
        con.close()


def _atomic_target(path: str) -> str:
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    return os.path.join(d, f".{os.path.basename(path)}.{uuid.uuid4().hex[:8]}.tmp")


def _sheet_title(name: str, used: set[str]) -> str:
    t = re.sub(r"[\[\]:*?/\\]", " ", nb.table_name(name))[:31]
    base, n = t, 2
    while t.lower() in used:
        t = f"{base[:28]} {n}"
        n += 1
    used.add(t.lower())
    return t


def _width(header: str, values: list) -> float:
    longest = max([len(header)] + [len(v) if isinstance(v, str) else 11 if isinstance(v, dt.date) else
                                   len(str(v)) + 2 for v in values[:300] if v is not None])
    return float(min(max(longest + 2, 8), 60))


def export_xlsx(out_dir: str, path: str) -> dict[str, int]:
    """Write the workbook for the run in `out_dir` to `path`; returns rows written per sheet."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    tables = read_tables(out_dir)
    wb = Workbook(write_only=True)
    used: set[str] = set()
    header_font, header_fill = Font(bold=True), PatternFill("solid", fgColor="DCE6F1")
    top = Alignment(vertical="top")
    written = {}
    for name, table in tables.items():
        ws = wb.create_sheet(_sheet_title(name, used))
        cols = table.column_names
        data = {c: table.column(c).to_pylist() for c in cols}
        if name == "flags":  # the analyst's front sheet: vocabulary in words
            data["severity"] = [nb.label(nb.SEVERITIES, v) for v in data.get("severity", [])]
            data["rule"] = [nb.label(nb.RULES, v) for v in data.get("rule", [])]
        kinds = {c: _kind(c, table.schema.field(c).type) for c in cols}
        for i, c in enumerate(cols, start=1):
            ws.column_dimensions[get_column_letter(i)].width = _width(nb.column_header(c), data[c])
        ws.freeze_panes = "A2"
        n = table.num_rows
        ws.auto_filter.ref = f"A1:{get_column_letter(max(len(cols), 1))}{n + 1}"
        header = []
        for c in cols:
            cell = WriteOnlyCell(ws, value=nb.column_header(c))
            cell.font, cell.fill = header_font, header_fill
            header.append(cell)
        ws.append(header)
        for r in range(n):
            row = []
            for c in cols:
                row.append(_cell(ws, data[c][r], kinds[c], top))
            ws.append(row)
        written[ws.title] = n
    tmp = _atomic_target(path)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return written


def _kind(col: str, t: pa.DataType) -> str:
    if pa.types.is_integer(t):
        return "amount" if col in nb.AMOUNT_COLUMNS else "int"
    if pa.types.is_floating(t):
        return "float"
    if pa.types.is_date(t):
        return "date"
    if pa.types.is_timestamp(t):
        return "datetime"
    if pa.types.is_boolean(t):
        return "bool"
    return "text"


def _cell(ws, value, kind: str, align):
    from openpyxl.cell import WriteOnlyCell

    if value is None:
        return None
    if kind == "text" or isinstance(value, str):
        s = excel_text(str(value))
        cell = WriteOnlyCell(ws, value=s)
        if looks_like_formula(s):
            cell.data_type = "s"  # text, whatever openpyxl guessed from the leading '='
            cell.quotePrefix = True  # and Excel/LibreOffice keep it text when the cell is edited
        cell.alignment = align
        return cell
    if kind == "bool":
        return WriteOnlyCell(ws, value="ja" if value else "nei")
    cell = WriteOnlyCell(ws, value=value)
    if kind == "amount":
        cell.number_format = AMOUNT_FORMAT
    elif kind == "date":
        cell.number_format = DATE_FORMAT
    elif kind == "datetime":
        cell.number_format = DATETIME_FORMAT
    elif kind == "float":
        cell.number_format = "0.00"
    return cell


def export_csv(out_dir: str, folder: str) -> dict[str, int]:
    """One CSV per table in `folder` (UTF-8 with BOM, so Excel reads the Norwegian letters; ';'
    between fields, as Norwegian Excel expects). Dates as ISO (2013-09-19), amounts as plain
    integers, text that starts like a formula prefixed with a single quote."""
    tables = read_tables(out_dir)
    os.makedirs(folder, exist_ok=True)
    written = {}
    for name, table in tables.items():
        path = os.path.join(folder, f"{name}.csv")
        tmp = _atomic_target(path)
        with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f, delimiter=";")
            w.writerow(table.column_names)
            cols = [table.column(c).to_pylist() for c in table.column_names]
            for r in range(table.num_rows):
                w.writerow([csv_value(col[r]) for col in cols])
        os.replace(tmp, path)
        written[name] = table.num_rows
    return written


def csv_value(v) -> str | int | float:
    """One value as a CSV field: None empty, dates ISO, booleans true/false, text formula-safe."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, (int, float)):
        return v
    return csv_text(str(v))
