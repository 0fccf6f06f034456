"""Budget lines: every amount that belongs to a budget, a financing plan, a grant, a cost or a frame.

Two sources, one row type (schemas.rows.BudgetLine):
- tables (`_table_lines`): budget and financing tables, recognised by their money columns; one line
  per money cell; period columns ('2017 | 2018 | Sum'), sum rows (kind total, subtotals marked),
  sections within the table ('Akershus Fylkeskommune:' over its rows) and labels wrapped over two rows;
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

def _table_kind(texts: list[str], labels: list[str]) -> str:
    """funding or cost: the first text (nearest first) with a cue decides; else the row labels vote."""
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
    funders = sum(1 for lab in labels if FUNDER_RE.search(lab))
    return "funding" if labels and funders * 2 > len(labels) else "cost"


def _money_columns(rows, scale: int) -> dict[int, dict[int, Amount]]:
    """{col: {row_index: amount}} for the columns that hold money: most filled cells there are amounts,
    and at least one is written as money or is a large number (so 'NR | 1, 2, 3' is no money column)."""
    by_col: dict[int, dict[int, Amount]] = {}
    filled: dict[int, int] = {}
    for ri, row in enumerate(rows):
        for cell in row:
            if not cell.text.strip():
                continue
            filled[cell.col] = filled.get(cell.col, 0) + 1
            if YEAR_CELL_RE.match(cell.text):
                continue
            a = cell_amount(cell.text, scale=scale)
            if a is not None and a.value != 0:
                by_col.setdefault(cell.col, {})[ri] = a
    out = {}
    for col, amts in by_col.items():
        convincing = any(a.marked or abs(a.value) >= 1000 for a in amts.values())
        if convincing and len(amts) * 2 >= filled.get(col, 0) - 1:
            out[col] = amts
    if 0 in out and len(out) > 1:
        out.pop(0)  # the first column names the rows ('2017 | 2018' tables keep their label column)
    return out


def _table_lines(doc: Document, block: Block, t_index: int, ctx: _Context) -> list[BudgetLine]:
    rows = block.rows
    caption_block = ctx.prev if _is_caption(ctx.prev) else None
    intro = ctx.prev.text if ctx.prev is not None and ctx.prev.kind is not BlockKind.TABLE else ""
    head_cells = [c.text for row in rows[:2] for c in row]
    scale = _scale_of([intro] + head_cells)
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

    # Periods and the sum column, from the header rows; a caption's year is the whole table's period.
    col_period: dict[int, str] = {}
    col_header: dict[int, str] = {}
    sum_cols: set[int] = set()
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
    labels = [_cell_text(row, label_col) for row in rows[n_header:]]
    kind_texts = list(reversed(captions)) + [" ".join(header_texts), intro if ctx.prev and ctx.prev.kind is not BlockKind.HEADING else ""]
    kind_texts += [h for h in reversed(ctx.headings[-2:])]
    table_kind = _table_kind(kind_texts, [lab for lab in labels if lab])

    # The rows: sections, wrapped labels, sums.
    total_rows = [ri for ri in range(n_header, len(rows))
                  if TOTAL_LABEL_RE.match(_cell_text(rows[ri], label_col)) and any(ri in a for a in money.values())]
    last_total = max(total_rows, default=None)
    lines: list[BudgetLine] = []
    section, pending, kind = None, "", table_kind
    for ri in range(n_header, len(rows)):
        row = rows[ri]
        label = _cell_text(row, label_col)
        cells = {c.col: c for c in row}
        amts = {col: money[col][ri] for col in money if ri in money[col]}
        if not amts:
            if not label or any(c.text.strip() for c in row if c.col != label_col):
                pending = ""
                continue  # an item without an amount, not a section
            if label.rstrip().endswith(",") or (pending and not label.rstrip().endswith(":")):
                pending = (pending + " " + label).strip()
            else:
                section = label.rstrip(" :")
                pending = ""
                k = _table_kind([label], [])
                if FUNDING_TABLE_RE.search(label) or COST_TABLE_RE.search(label):
                    kind = k
            continue
        if pending:
            label = f"{pending.rstrip(',')}, {label}" if pending.endswith(",") else f"{pending} {label}"
            pending = ""
        extras = [c.text for c in row if c.col not in money and c.col != label_col and 0 < len(c.text) <= 40]
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
        label_cell = cells.get(label_col)
        for col, a in sorted(amts.items()):
            cell = cells[col]
            # several money columns: the column's header names which one ('(2025)', '(Regnskap)')
            col_label = f"{full} ({col_header[col]})" if len(money) > 1 and col_header.get(col) else full
            line_kind = "total" if is_total or col in sum_cols else kind
            period = col_period.get(col) or (None if col in sum_cols else (table_year or row_year))
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


def _sentence_bounds(text: str, pos: int, amounts: list[Amount]) -> tuple[int, int]:
    """The sentence around `pos`: a full stop after an abbreviation ('kr.', 'mill.') or a number
    ('1.'), or inside an amount, ends nothing."""
    start, end = 0, len(text)
    for m in _SENT_END_RE.finditer(text):
        if _ABBREV_RE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        if any(a.start <= m.start() < a.end for a in amounts):
            continue
        if m.start() < pos:
            start = m.end()
        else:
            end = m.start()
            break
    return start, end


def _nearest_kind(before: str, after: str) -> str | None:
    """The kind the nearest cue says: looking back from the amount first, then forward."""
    best = None
    for kind, rx in (("total", TOTAL_RE), ("frame", FRAME_RE), ("funding", FUNDING_RE), ("cost", COST_RE)):
        for m in rx.finditer(before):
            if best is None or m.end() > best[0]:
                best = (m.end(), kind)
    if best:
        return best[1]
    first = None
    for kind, rx in (("total", TOTAL_RE), ("frame", FRAME_RE), ("funding", FUNDING_RE), ("cost", COST_RE)):
        m = rx.search(after)
        if m and (first is None or m.start() < first[0]):
            first = (m.start(), kind)
    return first[1] if first else None


def _label_before(text: str) -> str:
    t = re.sub(r"(?:\b(?:kr|nok|ca|cirka|inntil|på|med|er|av)\.?\s*)+[(\s:;,]*$", "", text.strip(), flags=re.I)
    t = t.strip(" :;,(-–")
    words = t.split()
    return " ".join(words[-14:])


def _prose_lines(doc: Document, block: Block, ctx: _Context, parent: tuple[str, str] | None) -> list[BudgetLine]:
    """Budget lines of one paragraph, list item or heading. `parent`: (kind, text) of the sentence
    that itemises the amounts in the list this item belongs to."""
    text = block.text
    out: list[BudgetLine] = []
    is_note = bool(NOTE_RE.match(text))
    section_text = " ".join(ctx.headings[-2:])
    in_decision = bool(DECISION_RE.search(section_text))
    prev_end = 0
    amounts = find_amounts(text)
    for a in amounts:
        s0, s1 = _sentence_bounds(text, a.start, amounts)
        # the words since the previous amount of the sentence name this one
        clause_start = max(s0, prev_end) if prev_end <= a.start else s0
        before, after = text[s0:a.start], text[a.end:s1]
        prev_end = a.end
        sentence = text[s0:s1]
        if a.negative or a.value <= 0:
            continue
        if NOT_BUDGET_RE.search(sentence):
            continue  # a turnover, a result
        if BACKREF_RE.search(before[-40:]) and not (in_decision or DECISION_RE.search(sentence)):
            continue  # 'midlene (kr 200 000,-)' restates an amount named before
        kind = _nearest_kind(before, after)
        if is_note:
            kind = "other"
        elif parent is not None and (kind is None or kind == "cost" and parent[0] != "cost"):
            kind = parent[0] if kind is None else kind
        if kind is None:
            h = _nearest_kind(section_text, "")
            if h is None or not a.marked:
                continue
            kind = h if h in ("cost", "funding") else "cost"
        if not a.marked and kind is None:
            continue
        after_near = text[a.end:a.end + 20]
        period = None
        if PER_YEAR_RE.search(after_near) or PER_YEAR_RE.search(before[-25:]):
            period = "per_year"
        else:
            ys = YEAR_RE.findall(before[-80:])
            if ys and kind in ("other", "cost", "funding"):
                period = ys[-1]
        own = _label_before(text[clause_start:a.start]) or _label_before(re.split(r"[.;]", after.strip(" ,:"))[0])
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
    for b, ctx in zip(doc.blocks, contexts):
        if b.kind is BlockKind.TABLE:
            t_index += 1
            lines.extend(_table_lines(doc, b, t_index, ctx))
            parent = None
            continue
        if b.kind is BlockKind.LIST_ITEM and parent is not None:
            lines.extend(_prose_lines(doc, b, ctx, parent))
            continue
        lines.extend(_prose_lines(doc, b, ctx, None))
        parent = _itemising(b) if b.kind is not BlockKind.HEADING else None
    return lines
