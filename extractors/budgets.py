"""Budget lines: every amount that belongs to a budget, a financing plan, a grant, a cost or a frame.

Two sources, one row type (schemas.rows.BudgetLine):
- tables (`_table_lines`): budget and financing tables, recognised by their money columns; one line
  per money cell; period columns ('2017 | 2018 | Sum'), sum rows (kind total, subtotals marked),
  sections within the table ('Akershus Fylkeskommune:' over its rows) and labels wrapped over two rows;
  accounts tables ('Budsjett 2025 | Regnskap pr. 31.08.2025 | Avvik': both money columns of the year,
  the column of differences kind other without a period); a money column may hold a few cells of
  words ('Innenfor ramme', '-'); a column of item numbers ('1.1') is read with the item's name;
- prose (`_prose_lines`): an amount whose sentence says what kind of money it is (a cost, a grant,
  a frame, a financing, a contribution), and list items under a sentence that hands an amount out
  ('Midlene fordeles slik:').
Amounts outside any budget (a company's turnover, counts, codes) are left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.amounts import Amount, cell_amount, find_amounts
from extractors.lang.nb import money as nb
from schemas.document import Block, BlockKind, Document
from schemas.rows import BudgetLine

YEAR_RE = re.compile(r"(?<![\d.,/])((?:19|20)\d\d)(?![\d.,/])")
YEAR_CELL_RE = re.compile(r"^\s*(?:[a-zæøå]+\s+)?((?:19|20)\d\d)\s*$", re.I)
# any year in a column header, also the year of a date ('Regnskap pr. 31.08.2025')
HEADER_YEAR_RE = re.compile(r"(?<![\d,/])(?:\d{1,2}\.\d{1,2}\.)?((?:19|20)\d\d)(?![\d,/])")
_PLACEHOLDER_RE = re.compile(r"^[\s\-–—−.x×/]*$", re.I)
# a row label that is only a number or a code ('1.1', '2.', 'A3'): the next column names the row
_CODE_CELL_RE = re.compile(r"^\s*(?:[A-ZÆØÅ]{0,2}\d{1,3}(?:[.)]\d{0,3})*\.?|[a-zA-Z][.)])\s*$")
_SENT_END_RE = re.compile(r"(?<=[.!?»;])\s+(?=[«\"A-ZÆØÅ0-9])")


# --- vocabulary helpers ---------------------------------------------------------------------------

def _cue_re(cues: tuple[str, ...]) -> re.Pattern:
    """Cues match at a word start; short cues (<= 5 letters) only as whole words ('lønn' is not
    'lønnsomhet', 'ramme' is not 'rammebetingelser')."""
    parts = []
    for c in sorted(cues, key=len, reverse=True):
        # a word may stand inside a two-word cue: 'settes også av', 'satt i alt av'
        e = r"\s+(?:[\wæøå]+\s+)?".join(re.escape(w) for w in c.split())
        # cues of six letters or more also end a compound: 'driftstilskudd', 'lønnskostnader'
        parts.append(rf"(?<![\wæøå]){e}(?![\wæøå])" if len(c) <= 5 else (e if len(c) >= 6 and " " not in c
                                                                          else rf"(?<![\wæøå]){e}"))
    return re.compile("|".join(parts), re.I)


TOTAL_RE = _cue_re(nb.TOTAL_CUES)
FRAME_RE = _cue_re(nb.FRAME_CUES)
FUNDING_RE = _cue_re(nb.FUNDING_CUES)
COST_RE = _cue_re(nb.COST_CUES)
NOT_BUDGET_RE = _cue_re(nb.NOT_BUDGET_CUES)
FUNDING_TABLE_RE = _cue_re(nb.FUNDING_TABLE_CUES)
COST_TABLE_RE = _cue_re(nb.COST_TABLE_CUES)
DEVIATION_RE = _cue_re(nb.DEVIATION_CUES)
BOUND_RE = _cue_re(nb.BOUND_CUES)
DEVIATION_COLUMN_RE = _cue_re(nb.DEVIATION_COLUMN_WORDS)
FUNDER_RE = _cue_re(nb.FUNDER_WORDS)
ITEMISING_RE = _cue_re(nb.ITEMISING_CUES)
DECISION_RE = _cue_re(nb.DECISION_CUES)
PER_YEAR_RE = re.compile("|".join(re.escape(c) for c in nb.PER_YEAR_CUES), re.I)
BACKREF_RE = re.compile(rf"(?:{'|'.join(re.escape(w) for w in nb.BACK_REFERENCES)})\s*\(\s*[^)]*$", re.I)
TOTAL_LABEL_RE = re.compile(
    rf"^\W*(?:{'|'.join(re.escape(w) for w in sorted(nb.TOTAL_LABELS, key=len, reverse=True))})(?![a-zæøå])", re.I)
SUBTOTAL_LABEL_RE = re.compile(
    rf"^\W*(?:{'|'.join(re.escape(w) for w in nb.SUBTOTAL_LABELS)})(?![a-zæøå])", re.I)
NOTE_RE = re.compile(rf"^\W*(?:{'|'.join(re.escape(w) for w in nb.NOTE_PREFIXES)})(?:\.|:|\s)", re.I)


def _scale_of(texts: list[str]) -> int:
    """The unit a table's amounts are written in, from its caption, header cells or a short line
    above it ('Beløp i 1000 kr', '(i hele tusen)', 'TNOK'); 1 where none is named."""
    for text in texts:
        low = text.lower().strip()
        if len(low.split()) > 12:
            continue  # a sentence above the table names amounts, not the table's unit
        for pat, mult in nb.TABLE_SCALES:
            if re.search(pat, low):
                return mult
    return 1


_UNIT_STATEMENT_RES = [re.compile(p, re.I) for p, _ in nb.UNIT_STATEMENTS]


def unit_statement(text: str) -> int:
    """The unit a short line of its own states for the amounts that follow ('Beløp i 1000 kr',
    'Alle tall i hele tusen kroner'), else 1. A sentence that names amounts is no such line."""
    low = text.lower().strip()
    if not low or len(low.split()) > 12:
        return 1
    for rx, (_, mult) in zip(_UNIT_STATEMENT_RES, nb.UNIT_STATEMENTS):
        if rx.search(low):
            return mult
    return 1


def _unit_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the unit phrases in a short line ('i 1000 kr'): their numbers are never amounts."""
    if unit_statement(text) == 1:
        return []
    return [m.span() for rx in _UNIT_STATEMENT_RES for m in rx.finditer(text)]


def _carried_scale_fits(rows, scale: int) -> bool:
    """Whether a unit stated earlier in the section can be the unit of this table: not when its cells
    write kroner themselves ('kr 450 000') or hold amounts that are plainly whole kroner (a million
    or more as written)."""
    for row in rows:
        for cell in row:
            a = cell_amount(cell.text)
            if a is None:
                continue
            if a.marked or abs(a.value) >= 1_000_000:
                return False
    return scale > 1


def heading_label(text: str) -> str:
    """A heading as a label prefix: 'Helse design , Arena (Nytt hovedprosjekt)' ->
    'Helse design, Arena'."""
    t = re.sub(r"\s*\([^)]*\)\s*", " ", text)
    t = re.sub(r"[.\u2026]{3,}\s*\d*\s*$", "", t)
    t = re.sub(r"\s+([,:;])", r"\1", t)
    return " ".join(t.split()).strip(" :")


# --- context: headings above each block -----------------------------------------------------------

@dataclass
class _Context:
    """What stands above a block: the heading chain (outermost first) and the block just before."""

    headings: list[str] = field(default_factory=list)
    prev: Block | None = None

    @property
    def section(self) -> str | None:
        return self.headings[-1] if self.headings else None


def _contexts(doc: Document) -> list[_Context]:
    stack: list[tuple[int, str]] = []
    out = []
    prev = None
    for b in doc.blocks:
        out.append(_Context([t for _, t in stack], prev))
        if b.kind is BlockKind.HEADING:
            lvl = b.level or 9
            while stack and stack[-1][0] >= lvl:
                stack.pop()
            stack.append((lvl, b.text))
        prev = b
    return out


def _is_caption(b: Block | None) -> bool:
    """A short line right above a table that names it ('Budsjett 2010'): PDFs make it a heading."""
    return b is not None and b.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH) and len(b.text.split()) <= 6 \
        and not find_amounts(b.text)


# --- tables ---------------------------------------------------------------------------------------

def _cue_kind(texts: list[str]) -> str | None:
    """funding or cost as the first text (nearest first) with a table cue says, else None."""
    for t in texts:
        if not t:
            continue
        f, c = FUNDING_TABLE_RE.search(t), COST_TABLE_RE.search(t)
        if f and not c:
            return "funding"
        if c and not f:
            return "cost"
        if f and c:
            return "funding" if f.start() < c.start() else "cost"
    return None


def _table_kind(texts: list[str], labels: list[str], near: list[str] | None = None) -> str:
    """funding or cost. `texts`: the table's own words (caption, header cells), the first with a cue
    decides; `near`: the sentence and headings above it, which decide next, except that a sentence
    about financing does not make a table whose rows name no funder a financing table ('Budsjettet
    finansieres med ...' above a table of cost items) unless it introduces the table ('... slik:');
    else the row labels vote."""
    k = _cue_kind(texts)
    if k:
        return k
    funders = sum(1 for lab in labels if FUNDER_RE.search(lab))
    k = _cue_kind(near or [])
    introduces = bool(near) and near[0].rstrip().endswith(":")  # 'Prosjektet finansieres slik:'
    if k == "funding" and labels and funders == 0 and not introduces:
        k = None
    if k:
        return k
    return "funding" if labels and funders * 2 > len(labels) else "cost"


def _row_label(row, cols: list[int]) -> str:
    """The row's label: its label cell, or a code cell and the cell that names the item ('1.1 Kurs')."""
    return " ".join(t for t in (_cell_text(row, c) for c in cols) if t)


def _header_period(text: str) -> str | None:
    """The one year a column header names ('Budsjett 2025', 'Regnskap pr. 31.08.2025'), else None."""
    years = set(HEADER_YEAR_RE.findall(text))
    return years.pop() if len(years) == 1 else None


def _money_columns(rows, scale: int) -> dict[int, dict[int, Amount]]:
    """{col: {row_index: amount}} for the columns that hold money: most filled cells there are amounts,
    and at least one is written as money or is a large number (so 'NR | 1, 2, 3' is no money column)."""
    by_col: dict[int, dict[int, Amount]] = {}
    filled: dict[int, list[int]] = {}
    for ri, row in enumerate(rows):
        for cell in row:
            # an empty cell or a dash ('-', '–') says 'nothing here', in money columns as elsewhere
            if not cell.text.strip() or _PLACEHOLDER_RE.match(cell.text):
                continue
            filled.setdefault(cell.col, []).append(ri)
            if YEAR_CELL_RE.match(cell.text):
                continue
            a = cell_amount(cell.text, scale=scale)
            if a is not None and a.value != 0:
                by_col.setdefault(cell.col, {})[ri] = a
    first = min((ri for amts in by_col.values() for ri in amts), default=0)
    out = {}
    # a column under a year header ('2024 | 2025 | 2026') is money when a sibling year column is: the
    # small amounts of one year ('250') are as much money as the larger ones of the next
    year_cols = {c.col for row in rows[:first] for c in row if YEAR_CELL_RE.match(c.text)}
    money_year = any(col in year_cols and any(a.marked or abs(a.value) >= 1000 for a in amts.values())
                     for col, amts in by_col.items())
    for col, amts in by_col.items():
        convincing = any(a.marked or abs(a.value) >= 1000 for a in amts.values()) or (money_year and col in year_cols)
        # the header above the first amount ('Kostnad') is no body cell; the body may hold a few cells
        # of words ('Innenfor ramme') between the amounts
        body = sum(1 for ri in filled.get(col, []) if ri >= first)
        if convincing and len(amts) * 2 >= body - 1:
            out[col] = amts
    if 0 in out and len(out) > 1:
        out.pop(0)  # the first column names the rows ('2017 | 2018' tables keep their label column)
    return out


def _table_lines(doc: Document, block: Block, t_index: int, ctx: _Context,
                 carried_scale: int = 1) -> list[BudgetLine]:
    """The lines of one table. `carried_scale`: the unit a line of its own stated earlier in the
    section ('Beløp i 1000 kr' above two tables), used when the table names no unit of its own."""
    rows = block.rows
    caption_block = ctx.prev if _is_caption(ctx.prev) else None
    intro = ctx.prev.text if ctx.prev is not None and ctx.prev.kind is not BlockKind.TABLE else ""
    head_cells = [c.text for row in rows[:2] for c in row]
    scale = _scale_of([intro] + head_cells)
    if scale == 1 and _carried_scale_fits(rows, carried_scale):
        scale = carried_scale
    money = _money_columns(rows, scale)
    if not money:
        return []
    first_amount_row = min(ri for amts in money.values() for ri in amts)
    # Header rows: the short rows above the first amount (a row of long text is a body row without
    # an amount, e.g. an item whose budget cell holds words).
    n_header = 0
    while n_header < first_amount_row and all(len(c.text) <= 60 for c in rows[n_header]):
        n_header += 1
    header_rows = rows[:n_header]
    label_col = min((c.col for row in rows for c in row if c.col not in money and c.text.strip()), default=None)
    label_cols = [label_col] if label_col is not None else []
    codes = [_cell_text(row, label_col) for row in rows[n_header:] if _cell_text(row, label_col)]
    if codes and all(_CODE_CELL_RE.match(t) for t in codes):
        # a column of item numbers ('1.1', '1.2'): the next column of words names the items
        nxt = min((c.col for row in rows[n_header:] for c in row
                   if c.col > label_col and c.col not in money and c.text.strip()
                   and not _CODE_CELL_RE.match(c.text)), default=None)
        if nxt is not None:
            label_cols.append(nxt)

    # Periods and the sum column, from the header rows; a caption's year is the whole table's period.
    col_period: dict[int, str] = {}
    col_header: dict[int, str] = {}
    sum_cols: set[int] = set()
    dev_cols: set[int] = set()  # differences between two other columns ('Avvik', 'Endring')
    captions: list[str] = []
    for row in header_rows:
        texts = [c for c in row if c.text.strip()]
        for c in texts:
            if c.col in money:
                col_header[c.col] = c.text.strip()
            y = YEAR_CELL_RE.match(c.text)
            if c.col in money and y:
                col_period[c.col] = y.group(1)
            elif c.col in money and TOTAL_LABEL_RE.match(c.text):
                sum_cols.add(c.col)
            elif c.col in money and DEVIATION_COLUMN_RE.search(c.text):
                dev_cols.add(c.col)
            elif c.col in money and _header_period(c.text):
                col_period[c.col] = _header_period(c.text)
        if len(texts) == 1 or (texts and texts[0].col == label_col and not any(c.col in money for c in texts)):
            captions.append(texts[0].text)
    if caption_block is not None:
        captions.insert(0, caption_block.text)
    table_year = None
    for cap in captions:
        m = YEAR_RE.search(cap)
        if m:
            table_year = m.group(1)
    caption = next((heading_label(c) for c in reversed(captions)
                    if not _is_column_header(c)), None)
    header_texts = [c.text for row in header_rows for c in row]
    labels = [_row_label(row, label_cols) for row in rows[n_header:]]
    own_texts = list(reversed(captions)) + [" ".join(header_texts)]
    near_texts = [intro if ctx.prev and ctx.prev.kind is not BlockKind.HEADING else ""]
    near_texts += [h for h in reversed(ctx.headings[-2:])]
    table_kind = _table_kind(own_texts, [lab for lab in labels if lab], near_texts)

    # The rows: sections, wrapped labels, sums.
    total_rows = [ri for ri in range(n_header, len(rows))
                  if TOTAL_LABEL_RE.match(_row_label(rows[ri], label_cols)) and any(ri in a for a in money.values())]
    last_total = max(total_rows, default=None)
    lines: list[BudgetLine] = []
    section, pending, kind = None, "", table_kind
    for ri in range(n_header, len(rows)):
        row = rows[ri]
        label = _row_label(row, label_cols)
        cells = {c.col: c for c in row}
        amts = {col: money[col][ri] for col in money if ri in money[col]}
        if not amts:
            if not label or any(c.text.strip() for c in row if c.col not in label_cols):
                pending = ""
                continue  # an item without an amount, not a section
            if label.rstrip().endswith(",") or (pending and not label.rstrip().endswith(":")):
                pending = (pending + " " + label).strip()
            else:
                section = label.rstrip(" :")
                pending = ""
                kind = _cue_kind([label]) or kind
            continue
        if pending:
            label = f"{pending.rstrip(',')}, {label}" if pending.endswith(",") else f"{pending} {label}"
            pending = ""
        extras = [c.text for c in row if c.col not in money and c.col not in label_cols and 0 < len(c.text) <= 40]
        is_total = ri in total_rows or (last_total is not None and ri > last_total)
        is_sub = is_total and ri in total_rows and (bool(SUBTOTAL_LABEL_RE.match(label)) or ri != last_total)
        parts = [p for p in (caption, section if not is_total or ri <= (last_total or ri) and section and not TOTAL_LABEL_RE.match(label) else None) if p]
        full = ": ".join(parts + [label.rstrip(" :")]) if label else ": ".join(parts) or "Beløp"
        if extras:
            full += " (" + ", ".join(extras) + ")"
        row_year = None
        m = YEAR_RE.search(label)
        if m and not table_year and not col_period:
            row_year = m.group(1)
        label_cell = cells.get(label_cols[0]) if label_cols else None
        for col, a in sorted(amts.items()):
            cell = cells[col]
            # several money columns: the column's header names which one ('(2025)', '(Regnskap)')
            col_label = f"{full} ({col_header[col]})" if len(money) > 1 and col_header.get(col) else full
            qualified = PER_YEAR_RE.search(cell.text)
            if qualified:  # 'kr 40 000 pr år': the cell says how the amount is meant
                col_label = f"{full} ({col_header[col]}, {cell.text.strip()})" if col_header.get(col) \
                    else f"{full} ({cell.text.strip()})"
            line_kind = "total" if is_total or col in sum_cols else "other" if col in dev_cols else kind
            if col in dev_cols or col in sum_cols:
                period = None  # a difference or a sum over the periods belongs to no one period
            elif qualified and col not in col_period:
                period = "per_year"
            else:
                period = col_period.get(col) or table_year or row_year
            start = label_cell.start if label_cell is not None and label_cell.start < cell.start else cell.start
            lines.append(BudgetLine(
                doc_id=doc.doc_id, label=col_label, amount_nok=a.value, kind=line_kind, period=period,
                page=cell.page, source_text=doc.text[start:cell.end], span_start=start, span_end=cell.end,
                in_table=True, table_index=t_index, row_index=ri, section=ctx.section,
                precision_nok=a.precision, is_subtotal=is_sub))
    return lines


def _is_column_header(text: str) -> bool:
    return bool(TOTAL_LABEL_RE.match(text)) or bool(re.fullmatch(r"\s*(?:19|20)\d\d\s*", text))


def _cell_text(row, col) -> str:
    for c in row:
        if c.col == col:
            return c.text.strip()
    return ""


# --- prose ----------------------------------------------------------------------------------------

_ABBREV_RE = re.compile(
    r"(?:\b(?:kr|ca|mill|mrd|nr|pkt|evt|inkl|ekskl|jf|jfr|bl\.a|f\.eks|mv|osv|dvs|kap|ref|s|pr|tlf|ev)"
    r"|(?:^|[\s«(])\d{1,2})\.$", re.I)  # '3. Det settes': a list number, not a sentence end


_SCALE_STOP_RE = re.compile(r"\b(?:mill|mrd|mnok|mio)\.$", re.I)
_CURRENCY_NEXT_RE = re.compile(rf"(?:{'|'.join(re.escape(w) for w in nb.CURRENCY_WORDS)})(?![a-zæøå])", re.I)


def _sentence_bounds(text: str, pos: int, amounts: list[Amount]) -> tuple[int, int]:
    """The sentence around `pos`: a full stop after an abbreviation ('kr.', 'mill.') or a number
    ('1.'), or inside an amount, ends nothing, except that 'mill.' before a capital word that is
    not a currency ('kr 1,8 mill. Statsforvalteren ...') ends the sentence as well as the amount."""
    start, end = 0, len(text)
    for m in _SENT_END_RE.finditer(text):
        head = text[max(0, m.start() - 12):m.start()]
        if _ABBREV_RE.search(head) and not (_SCALE_STOP_RE.search(head)
                                            and not _CURRENCY_NEXT_RE.match(text, m.end())):
            continue
        if any(a.start <= m.start() < a.end for a in amounts):
            continue
        if m.start() < pos:
            start = m.end()
        else:
            end = m.start()
            break
    return start, end


# '<budsjettet> [for 2025 | for prosjektet] <er på> [kr]' right before the amount ('budsjettet for reiser'
# names one item)
_BUDGET_NOUN_ALT = "|".join(re.escape(w) for w in nb.BUDGET_NOUNS)
_BUDGET_IS_ALT = "|".join(r"\s+".join(map(re.escape, w.split())) for w in nb.BUDGET_IS_WORDS)
_BUDGET_IS_RE = re.compile(
    rf"(?<![\wæøå])(?:{_BUDGET_NOUN_ALT})(?:\s+for\s+(?:hele\s+)?(?:(?:19|20)\d\d|[\wæøå]+(?:et|en)(?:\s+(?:19|20)\d\d)?))?\s+(?:{_BUDGET_IS_ALT})"
    r"(?:\s+(?:ca\.?|cirka|om lag|rundt))?\s*$", re.I)

# right after an amount: 'av dette' / 'av beløpet' and a finite verb ('1,5 mill. av dette er dekket av')
_PREDICATE_RE = re.compile(
    rf"[\s,]*(?:av\s+(?:dette|disse|det|beløpet|summen|kostnadene)\s+)?(?:{'|'.join(nb.PREDICATE_VERBS)})\s+", re.I)

_KIND_CUES = (("other", DEVIATION_RE), ("total", TOTAL_RE), ("frame", FRAME_RE), ("funding", FUNDING_RE),
              ("cost", COST_RE))


def _nearest_kind(before: str, after: str) -> str | None:
    """The kind the nearest cue says: looking back from the amount first, then forward. A difference
    ('mindreforbruket', 'merbehov') is kind other; it is tried first, so that it wins over the cost
    word inside it ('forbruk' in 'mindreforbruk')."""
    best = None
    for kind, rx in _KIND_CUES:
        for m in rx.finditer(before):
            if best is None or m.end() > best[0]:
                best = (m.end(), kind, m.group())
    if best:
        if best[1] == "frame" and BOUND_RE.fullmatch(best[2]):
            # 'søker om inntil kr 165 000': 'inntil' bounds a financing named in the same sentence
            sentence = before + " " + after
            frames = [m for m in FRAME_RE.finditer(sentence) if not BOUND_RE.fullmatch(m.group())]
            # ... but a cap per case ('inntil kr 50 000 per ny bedrift') is a frame for each grant
            per_case = re.match(r"\s*(?:per|pr\.?)\s+(?!år\b)[a-zæøå]", after, re.I)
            if FUNDING_RE.search(sentence) and not frames and not per_case:
                return "funding"
        return best[1]
    first = None
    for kind, rx in _KIND_CUES:
        m = rx.search(after)
        if m and (first is None or m.start() < first[0]):
            first = (m.start(), kind)
    return first[1] if first else None


def _label_before(text: str) -> str:
    t = re.sub(r"(?:\b(?:kr|nok|ca|cirka|inntil|på|med|er|av)\.?\s*)+[(\s:;,]*$", "", text.strip(), flags=re.I)
    t = t.strip(" :;,(-–")
    t = re.sub(r"^(?:(?:og|samt|men|mens|eller)(?:\s+|$))+", "", t, flags=re.I)
    words = t.split()
    return " ".join(words[-14:])


# 'kr 500 000 fra fylkeskommunen', 'kr 200 000 til kurs', 'kr 50 000 i egenandel': the words after the
# amount say what it is, and the next amount of the sentence starts after them.
_OWN_TAIL_RE = re.compile(r"^\s*(?:fra|til|i)\s+(?!(?:19|20)\d\d)(?=[a-zæøå])", re.I)
_TAIL_CUT_RE = re.compile(r"(?:,|\s+og|\s+samt|\s+mens|\s+men)\s*$", re.I)


def _own_tail(text: str, end: int, stop: int, next_amount: bool) -> str:
    """The words after an amount (at `end`) that name it, up to `stop` (the next amount of the
    sentence, when `next_amount`, or the end of the sentence): '' when the amount is not followed by
    'fra/til/i' and a word."""
    tail = text[end:stop]
    if not _OWN_TAIL_RE.match(tail) or PER_YEAR_RE.match(tail.strip()):
        return ""
    # the naming phrase ends at a comma, a bracket or a dash: what follows is a clause of its own
    # ('tilsagn om kr 1,2 mill. fra Klimasats, og kommunen legger inn like mye selv')
    tail = re.split(r"[,;(]|\s[–-]\s", tail, maxsplit=1)[0]
    if next_amount:
        # a next amount follows: its own words start after the last 'og' before it
        cut = max((m.start() for m in re.finditer(r"\s+(?:og|samt)\s", tail)), default=-1)
        tail = tail[:cut] if cut > 0 else tail
    words = _TAIL_CUT_RE.sub("", tail.rstrip(" .;:")).split()
    return " ".join(words[:12])


def _period_of(text: str, a: Amount, s0: int, tail: str, ctx: _Context) -> str | None:
    """The year an amount is for: 'kr 450 000 for 2025' right after it or in the words after it that
    name it ('kr 450 000 i tilskudd for 2025'), else the nearest year before it in its sentence, else
    the one year of its section heading ('Regnskap 2024')."""
    m = _YEAR_AFTER_RE.match(text, a.end) or _YEAR_IN_TAIL_RE.search(tail)
    if m:
        return m.group(1)
    ys = YEAR_RE.findall(text[s0:a.start])
    if ys:
        return ys[-1]
    return _heading_year(ctx)


def _heading_year(ctx: _Context) -> str | None:
    """The one year the section heading names ('Sak 2/25 Regnskap 2024'), not the document's title
    and not a span ('2025–2028')."""
    if len(ctx.headings) >= 2 and ctx.section:
        years = set(YEAR_RE.findall(ctx.section))
        if len(years) == 1 and not _SPAN_RE.search(ctx.section):
            return years.pop()
    return None


# a year right after the amount ('kr 300 000 for 2025', 'kr 1 mill. i 2026'), not a span of years
_YEAR_AFTER_RE = re.compile(r"[\s,]*(?:for|i|pr\.?|per)\s+(?:året\s+)?((?:19|20)\d\d)(?!\s*[-–]\s*\d)(?![\d,])",
                            re.I)
_SPAN_RE = re.compile(r"(?:19|20)\d\d\s*[-–]\s*(?:(?:19|20)?\d\d)")
_YEAR_IN_TAIL_RE = re.compile(r"\b(?:for|i)\s+(?:året\s+)?((?:19|20)\d\d)(?!\s*[-–]\s*\d)(?![\d,])", re.I)


def _prose_lines(doc: Document, block: Block, ctx: _Context, parent: tuple[str, str] | None) -> list[BudgetLine]:
    """Budget lines of one paragraph, list item or heading. `parent`: (kind, text) of the sentence
    that itemises the amounts in the list this item belongs to."""
    text = block.text
    out: list[BudgetLine] = []
    is_note = bool(NOTE_RE.match(text))
    section_text = " ".join(ctx.headings[-2:])
    in_decision = bool(DECISION_RE.search(section_text))
    prev_end = 0
    units = _unit_spans(text)
    # 'Beløp i 1000 kr': a unit statement names the unit of the amounts below, it is no amount
    amounts = [a for a in find_amounts(text) if not any(s <= a.start < e or a.start <= s < a.end for s, e in units)]
    for i, a in enumerate(amounts):
        s0, s1 = _sentence_bounds(text, a.start, amounts)
        # the words since the previous amount of the sentence name this one
        clause_start = max(s0, prev_end) if prev_end <= a.start else s0
        before, after = text[s0:a.start], text[a.end:s1]
        stop = amounts[i + 1].start if i + 1 < len(amounts) and amounts[i + 1].start < s1 else s1
        tail = _own_tail(text, a.end, stop, stop < s1)
        prev_end = a.end + (len(text[a.end:stop]) - len(text[a.end:stop].lstrip()) + len(tail) if tail else 0)
        sentence = text[s0:s1]
        if a.negative or a.value <= 0:
            continue
        if NOT_BUDGET_RE.search(sentence):
            continue  # a turnover, a result
        if BACKREF_RE.search(before[-40:]) and not (in_decision or DECISION_RE.search(sentence)):
            continue  # 'midlene (kr 200 000,-)' restates an amount named before
        kind = _nearest_kind(before, after)
        if clause_start > s0 and not _nearest_kind(text[clause_start:a.start], ""):
            # a second amount of the sentence with no cue of its own before it: a predicate right
            # after it says what it is ('..., og 1,5 mill. av dette er dekket av spillemidler')
            pred = _PREDICATE_RE.match(text, a.end, stop)
            if pred:
                kind = _nearest_kind("", text[pred.end():stop]) or kind
        if kind == "cost" and _BUDGET_IS_RE.search(text[clause_start:a.start]):
            kind = "total"  # 'Budsjettet for 2025 er på kr 1 000 000': the whole budget
        if is_note:
            kind = "other"
        elif parent is not None and (kind is None or kind == "cost" and parent[0] != "cost"):
            kind = parent[0] if kind is None else kind
        if kind is None:
            h = _nearest_kind(section_text, "")
            if h is None and a.marked and PER_YEAR_RE.match(text[a.end:a.end + 12].lstrip()):
                # 'et fritidskort på kr 2 000 pr. år': a rate in kroner a year, with no word saying
                # whether it is a cost or a financing, is a line of kind other
                h = "other"
            if h is None or not a.marked:
                continue
            kind = h if h in ("cost", "funding", "other") else "cost"
        if not a.marked and kind is None:
            continue
        after_near = text[a.end:a.end + 20]
        period = None
        if PER_YEAR_RE.search(after_near) or PER_YEAR_RE.search(before[-25:]):
            period = "per_year"
        elif kind in ("other", "cost", "funding"):
            period = _period_of(text, a, s0, tail, ctx)
        elif kind == "total":
            # a total is for the one year its own clause names ('Budsjettet for 2025 er på ...') or its
            # section heading names ('Regnskap 2024'); a clause of several years ('i 2025, 2026 og
            # 2027, til sammen') or a span sums over them
            clause = text[clause_start:a.start]
            ys = set(re.findall(r"(?<![\d.])(?:19|20)\d\d(?!\d)", clause))
            m = _YEAR_AFTER_RE.match(text, a.end)
            if m:
                period = m.group(1)
            elif len(ys) == 1 and not _SPAN_RE.search(clause):
                period = ys.pop()
            elif not ys:
                period = _heading_year(ctx)
        own = _label_before(text[clause_start:a.start])
        if tail:
            own = f"{own} {tail}".strip()
        own = own or _label_before(re.split(r"[.;]", after.strip(" ,:"))[0])
        if block.kind is BlockKind.LIST_ITEM and ":" in before:
            own = before.split(":")[0].strip(" -–")
        prefix = heading_label(ctx.section) if ctx.section else None
        label = f"{prefix}: {own}" if prefix and own else (own or prefix or "Beløp")
        span_start, span_end = block.start + s0, block.start + s1
        if kind in ("total", "frame") and _itemising(block) is not None:
            # the sentence that hands the amount out over the items below is part of its evidence
            span_end = block.end
        out.append(BudgetLine(
            doc_id=doc.doc_id, label=label, amount_nok=a.value, kind=kind, period=period,
            page=doc.page_at(block.start + a.start) or block.page,
            source_text=doc.text[span_start:span_end].strip(), span_start=span_start, span_end=span_end,
            in_table=False, section=ctx.section, precision_nok=a.precision))
    return out


def _itemising(block: Block) -> tuple[str, str] | None:
    """A sentence that hands money out over the list that follows ('Midlene fordeles slik:'):
    (the items' kind, the sentence), else None."""
    t = block.text.rstrip()
    if not t.endswith(":"):
        return None
    last = _SENT_END_RE.split(t)[-1]
    if not (ITEMISING_RE.search(last) or FUNDING_RE.search(last) or COST_RE.search(last)):
        return None
    if ITEMISING_RE.search(last) or COST_RE.search(last):
        return ("cost", block.text) if not FUNDING_RE.search(last) or COST_RE.search(last) else ("funding", block.text)
    return ("funding", block.text)


# --- the extractor --------------------------------------------------------------------------------

def extract_budget_lines(doc: Document) -> list[BudgetLine]:
    """Every budget line of the document, tables and prose, in reading order."""
    lines: list[BudgetLine] = []
    contexts = _contexts(doc)
    t_index = -1
    parent: tuple[str, str] | None = None
    # A unit stated on a line of its own ('Beløp i 1000 kr') holds for every table after it until
    # another unit is stated or a heading of the same or a higher level ends its section.
    unit, unit_level, level = 1, 0, 0
    for b, ctx in zip(doc.blocks, contexts):
        if b.kind is not BlockKind.TABLE and unit_statement(b.text) > 1:
            unit, unit_level = unit_statement(b.text), level
        elif b.kind is BlockKind.HEADING:
            level = b.level or 9
            if unit > 1 and level <= unit_level:
                unit = 1
        if b.kind is BlockKind.TABLE:
            t_index += 1
            lines.extend(_table_lines(doc, b, t_index, ctx, unit))
            parent = None
            continue
        if b.kind is BlockKind.LIST_ITEM and parent is not None:
            lines.extend(_prose_lines(doc, b, ctx, parent))
            continue
        lines.extend(_prose_lines(doc, b, ctx, None))
        parent = _itemising(b) if b.kind is not BlockKind.HEADING else None
    return lines
