"""Budget checks: do a document's budget lines add up, and does its prose agree with its tables?

Rules (schemas.rows.Rule):
- budget_total_mismatch (error): the lines of a table, per period column, against the sum rows that
  state their total; subtotals first (the lines since the last sum = that subtotal; the subtotals =
  the total), each row's period cells against its Sum column; a column of differences ('Avvik') only
  when the columns it is derived from add up (one inconsistency, one flag); and a total or frame in prose that is
  handed out over the table or list right below it ('totalramme på kr 2.100.000 fordelt på følgende
  poster:') against what those items add up to.
- funding_vs_cost_mismatch (error): the financing total against the cost total of the same document
  and period (the whole period too when only one side has year columns: a side of years without a
  Sum column counts as their sum); and a frame outside any decision against a financing that exceeds it.
- amount_text_vs_table (warning): an amount the prose gives for an item against the table row of the
  same item (matched by label words), unless other financing rows of that item explain the difference
  (a partner's share of a cost the table gives in full). Labels match on distinctive words: stop
  words and words every budget uses ('prosjekt', 'bedriftene') do not count, and rare words weigh
  more. Also a sum the prose gives right below a table ('Samlet merbehov er kr 640 000') against the
  sum row of the column it speaks of.

Tolerance follows the stated precision (the XBRL calculation rule): a sum is inconsistent only when
|stated - computed| > the sum of the precisions of every amount involved. Each BudgetLine carries its
precision_nok: half the last unit written ('kr 15 mill.' +/- 500 000, '2,1 mill.' +/- 50 000,
'2 100 000' +/- 1). So '15 mill.' against items of 6 + 6 + 2 + 1 mill. adds up, while 2 100 000
against 700 000 + 300 000 + 1 050 000 is off by 50 000 with a tolerance of 4 kroner.

Lines whose passage belongs to a decision (under a heading 'Forslag til vedtak', or inside a Decision
row) are left to checks.decisions (decision_vs_budget).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict

from extractors.lang.nb import money as nb
from schemas.rows import BudgetLine, DocumentRow, Evidence, Flag, Rule, Severity

_WORD_RE = re.compile(r"[a-zæøåäöü]{3,}", re.I)
_STOP = {"og", "for", "til", "med", "av", "fra", "den", "det", "som", "per", "pr", "kr", "nok", "sum", "the",
         "samt", "inkl", "ifølge", "hele", "egen", "eget", "andre", "annet", "mill", "kroner", "har", "skal",
         "prosjekt", "prosjektet", "hovedprosjekt", "videreføring", "nytt", "ny"}
_DECISION_RE = re.compile("|".join(re.escape(w) for w in nb.DECISION_CUES), re.I)
_ITEMISING_RE = re.compile("|".join(re.escape(w) for w in nb.ITEMISING_CUES), re.I)


def kr(n: int) -> str:
    """2050000 -> '2 050 000' (Norwegian thousands spacing)."""
    return f"{n:,}".replace(",", " ").replace("-", "−")


def _ev(lines: list[BudgetLine], limit: int = 10) -> list[Evidence]:
    out, seen = [], set()
    for ln in lines:
        key = (ln.span_start, ln.span_end)
        if key in seen:
            continue
        seen.add(key)
        out.append(Evidence(ln.doc_id, ln.page, ln.source_text, ln.span_start, ln.span_end))
        if len(out) >= limit:
            break
    return out


def _tol(lines: list[BudgetLine]) -> int:
    return sum(max(1, ln.precision_nok) for ln in lines)


def _flag(rule: Rule, severity: Severity, doc_id: str, message: str, lines: list[BudgetLine]) -> Flag:
    return Flag(rule=rule.value, severity=severity.value, doc_id=doc_id, message=message,
                evidence_items=_ev(lines))


_GENERIC = set(nb.GENERIC_LABEL_WORDS)
_TOTAL_HEADER_RE = re.compile(rf"^\W*(?:{'|'.join(re.escape(w) for w in nb.TOTAL_LABELS)})(?![a-zæøå])", re.I)
_DEVIATION_RE = re.compile("|".join(re.escape(w) for w in nb.DEVIATION_CUES), re.I)
_SUM_WORD_RE = re.compile(rf"(?<![a-zæøå])(?:{'|'.join(re.escape(w) for w in nb.SUM_WORDS)})(?![a-zæøå])", re.I)


def _words(text: str) -> set[str]:
    """The words of a label that can tell it from another: no stop words, no words every budget uses
    ('prosjekt', 'kommune', 'bedriftene')."""
    return {w.lower() for w in _WORD_RE.findall(text or "") if w.lower() not in _STOP and w.lower() not in _GENERIC}


def _rarity(lines: list[BudgetLine]):
    """weight(word): how rare a word is among the document's budget passages (a word in every line
    weighs little, a word of one line much), so labels match on their distinctive words."""
    passages = {_own_label(ln) if ln.in_table else ln.source_text for ln in lines}
    df: dict[str, int] = defaultdict(int)
    for p in passages:
        for w in _words(p):
            df[w] += 1
    n = max(1, len(passages))
    return lambda w: math.log(1 + n / df.get(w, 1))


def _same_word(a: str, b: str) -> bool:
    """Words match when one starts the other ('regional'/'regionalt') or, for long words, one is
    inside the other ('stilling' in 'prosjektlederstillingen') or they share a long stem."""
    if a == b or a.startswith(b) or b.startswith(a):
        return min(len(a), len(b)) >= 4
    if min(len(a), len(b)) >= 6 and (a in b or b in a):
        return True
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 9


def _match(item_words: set[str], text_words: set[str], weight=None) -> float:
    """Share of an item's words found in a text, each word weighted by `weight` (its rarity in the
    document; 1 each when None); 0 when no long word matches."""
    if not item_words:
        return 0.0
    hit = [w for w in item_words if any(_same_word(w, t) for t in text_words)]
    if not any(len(w) >= 5 for w in hit):
        return 0.0
    wt = weight or (lambda w: 1.0)
    return sum(wt(w) for w in hit) / sum(wt(w) for w in item_words)


def _own_label(ln: BudgetLine) -> str:
    """A table line's own row label (the first cell of its source text)."""
    return ln.source_text.split(" | ")[0] if ln.in_table else ln.label


def _in_decision(ln: BudgetLine, decisions: list) -> bool:
    if ln.section and _DECISION_RE.search(ln.section):
        return True
    for d in decisions:
        s, e = getattr(d, "span_start", None), getattr(d, "span_end", None)
        if s is not None and e is not None and ln.span_start is not None and s <= ln.span_start < e:
            return True
    return False


# --- tables ---------------------------------------------------------------------------------------

class _Walk:
    """Walks one money column of one table top-down: items, subtotals, totals. Records what each
    sum row claims against what it covers, and which totals cover which kind of items."""

    def __init__(self) -> None:
        self.pending: list[BudgetLine] = []
        self.open_totals: list[tuple[BudgetLine, list[BudgetLine], str]] = []
        self.checks: list[tuple[BudgetLine, list[BudgetLine]]] = []
        self.covering: list[tuple[str, BudgetLine, list[BudgetLine]]] = []  # (kind, total, items)

    def feed(self, ln: BudgetLine, is_item: bool, item_kind: str | None = None) -> None:
        if is_item:
            self.pending.append(ln)
            return
        kind_of = lambda items: max(("cost", "funding"), key=lambda k: sum(1 for i in items if i.kind == k))
        if self.pending:
            covered = list(self.pending)
            if self.open_totals and not ln.is_subtotal:
                covered = [t for t, _, _ in self.open_totals] + covered
                items = [i for _, its, _ in self.open_totals for i in its] + self.pending
                self.open_totals = []
            else:
                items = list(self.pending)
            k = item_kind or kind_of(items)
            self.checks.append((ln, covered))
            self.open_totals.append((ln, items, k))
            self.covering.append((k, ln, items))
            self.pending = []
        elif len(self.open_totals) >= 2:
            covered = [t for t, _, _ in self.open_totals]
            items = [i for _, its, _ in self.open_totals for i in its]
            kinds = {k for _, _, k in self.open_totals}
            k = kinds.pop() if len(kinds) == 1 else None
            self.checks.append((ln, covered))
            if k:
                self.covering.append((k, ln, items))
            self.open_totals = [(ln, items, k or "cost")]
        # else: a line under the total that restates part of it ('herav', 'SNRs bidrag'): not checked

    def end(self) -> list[tuple[str, BudgetLine | None, list[BudgetLine]]]:
        """The outermost covering totals (a subtotal inside a later total is left out: the grand
        total speaks for the column), plus the items no total covers (as (kind, None, items))."""
        ids = [{i.line_id for i in items} for _, _, items in self.covering]
        out = [c for n, c in enumerate(self.covering)
               if not any(ids[n] < ids[m] for m in range(len(ids)) if m != n)]
        if self.pending and not self.covering:
            for k in ("cost", "funding"):
                items = [i for i in self.pending if i.kind == k]
                if len(items) >= 2:
                    out.append((k, None, items))
        return out


def _column(ln: BudgetLine) -> int:
    """Which money column of its table a line stands in: its source text runs from the row's label
    cell to its amount cell, so the number of cell separators counts the columns between."""
    return ln.source_text.count(" | ")


def _columns(tl: list[BudgetLine]) -> tuple[dict[int, list[BudgetLine]], int | None]:
    """A table's lines by money column, in row order, and its Sum column (every cell a total, next to
    columns of items), if it has one."""
    cols: dict[int, list[BudgetLine]] = defaultdict(list)
    for ln in sorted(tl, key=lambda x: (x.row_index or 0, x.span_end or 0)):
        cols[_column(ln)].append(ln)
    sum_col = None
    if len(cols) > 1:
        for c in sorted(cols, reverse=True):
            if all(x.kind == "total" for x in cols[c]) and any(x.kind != "total" for o in cols if o != c for x in cols[o]):
                sum_col = c
                break
    return cols, sum_col


def _is_deviation(cl: list[BudgetLine]) -> bool:
    """A column of differences ('Avvik', 'Endring'): its items are kind other, derived from two other
    columns, so its sum is wrong whenever theirs is."""
    items = [x for x in cl if x.kind != "total"]
    return bool(items) and all(x.kind == "other" for x in items)


def _table_checks(doc_id: str, lines: list[BudgetLine]):
    """budget_total_mismatch flags of the tables, and each table's covering totals per column."""
    flags: list[Flag] = []
    flagged: set[str] = set()
    totals: list[tuple[str, str | None, int, int, list[BudgetLine], int]] = []  # kind, period, value, tol, lines, t
    by_table: dict[int, list[BudgetLine]] = defaultdict(list)
    for ln in lines:
        if ln.in_table and ln.table_index is not None:
            by_table[ln.table_index].append(ln)
    for t, tl in sorted(by_table.items()):
        cols, sum_col = _columns(tl)
        row_kind = {}
        for ln in tl:
            if ln.kind != "total":
                row_kind.setdefault(ln.row_index, ln.kind)
        # columns of differences last: their sum is checked only when the columns they derive from add up,
        # since one wrong sum shows in both (one inconsistency, one flag)
        table_flagged = False
        dev = {c for c, cl in cols.items() if _is_deviation(cl)}
        for c, cl in sorted(cols.items(), key=lambda kv: (kv[0] in dev, kv[0])):
            if c in dev and table_flagged:
                continue
            w = _Walk()
            for ln in cl:
                if c == sum_col:
                    is_item = ln.row_index in row_kind
                    w.feed(ln, is_item, row_kind.get(ln.row_index))
                else:
                    w.feed(ln, ln.kind != "total")
            period = cl[0].period if len({x.period for x in cl}) == 1 else None
            for total, covered in w.checks:
                computed = sum(x.amount_nok for x in covered)
                diff = total.amount_nok - computed
                if abs(diff) > _tol(covered + [total]):
                    flagged.add(total.line_id)
                    table_flagged = True
                    what = f" for {period}" if period and period != "per_year" else ""
                    if len(cols) > 1 and _header(total) and not _TOTAL_HEADER_RE.match(_header(total)):
                        what = f" i kolonnen «{_header(total)}»"  # 'Budsjett 2025' and 'Regnskap' share a year
                    flags.append(_flag(
                        Rule.BUDGET_TOTAL_MISMATCH, Severity.ERROR, doc_id,
                        f"Linjene over «{_own_label(total)}»{what} summerer til {kr(computed)}, men oppgitt sum er "
                        f"{kr(total.amount_nok)} (differanse {kr(abs(diff))}).", [total] + covered))
            for kind, total, items in ([] if c in dev else w.end()):
                value = total.amount_nok if total else sum(i.amount_nok for i in items)
                involved = [total] if total else items
                totals.append((kind, period, value, _tol(involved), involved + (items if total else []), t))
        if sum_col is not None:
            # each row's period cells against its Sum cell
            by_row: dict[int, list[BudgetLine]] = defaultdict(list)
            for ln in tl:
                by_row[ln.row_index or 0].append(ln)
            for ri, rl in sorted(by_row.items()):
                total = [x for x in rl if _column(x) == sum_col]
                cells = [x for x in rl if _column(x) != sum_col and _column(x) not in dev]
                if len(total) != 1 or not cells or total[0].line_id in flagged:
                    continue
                computed = sum(x.amount_nok for x in cells)
                diff = total[0].amount_nok - computed
                if abs(diff) > _tol(cells + total):
                    flags.append(_flag(
                        Rule.BUDGET_TOTAL_MISMATCH, Severity.ERROR, doc_id,
                        f"«{_own_label(total[0])}»: periodene summerer til {kr(computed)}, men sumkolonnen sier "
                        f"{kr(total[0].amount_nok)} (differanse {kr(abs(diff))}).", total + cells))
    return flags, totals


def _grand_total(tl: list[BudgetLine]) -> tuple[int, list[BudgetLine]] | None:
    """What a table adds up to: the last sum of its Sum column or of its only column, else the sum of
    its lines; None for a table of several columns without a Sum column."""
    cols, sum_col = _columns(tl)
    if sum_col is None and len(cols) > 1:
        return None
    col = cols[sum_col] if sum_col is not None else next(iter(cols.values()))
    if sum_col is not None:
        item_rows = {ln.row_index for ln in tl if ln.kind != "total"}
        items = [ln for ln in col if ln.row_index in item_rows]
        totals = [ln for ln in col if ln.row_index not in item_rows]
    else:
        items = [ln for ln in col if ln.kind != "total"]
        totals = [ln for ln in col if ln.kind == "total"]
    if totals and items:
        last_item = max(i.row_index or 0 for i in items)
        after = [x for x in totals if (x.row_index or 0) > last_item]
        if after:
            return after[0].amount_nok, [after[0]]
    if items and not totals:
        return sum(i.amount_nok for i in items), items
    return None


def _prose_itemised(doc_id: str, lines: list[BudgetLine]) -> tuple[list[Flag], set[str]]:
    """A prose total or frame that hands its amount out over the table or list right below it."""
    flags: list[Flag] = []
    used: set[str] = set()
    ordered = sorted(lines, key=lambda x: (x.span_start or 0, x.row_index or 0))
    for i, ln in enumerate(ordered):
        if ln.in_table or ln.kind not in ("total", "frame") or not ln.source_text.rstrip().endswith(":"):
            continue
        if not _ITEMISING_RE.search(ln.source_text):
            continue
        rest = ordered[i + 1:]
        if not rest or (rest[0].span_start or 0) - (ln.span_end or 0) > 400:
            continue
        if rest[0].in_table:
            tl = [x for x in rest if x.in_table and x.table_index == rest[0].table_index]
            got = _grand_total(tl)
            if got is None:
                continue
            computed, items = got
        else:
            items, end = [], ln.span_end or 0
            for x in rest:
                if x.in_table or x.kind in ("total", "frame", "other") or (x.span_start or 0) - end > 400:
                    break
                items.append(x)
                end = x.span_end or end
            if len(items) < 2:
                continue
            computed = sum(x.amount_nok for x in items)
        used.add(ln.line_id)
        diff = ln.amount_nok - computed
        if abs(diff) > _tol(items + [ln]):
            word = "rammen" if ln.kind == "frame" else "totalen"
            flags.append(_flag(
                Rule.BUDGET_TOTAL_MISMATCH, Severity.ERROR, doc_id,
                f"Postene som fordeler {word} summerer til {kr(computed)}, men teksten oppgir {kr(ln.amount_nok)} "
                f"(differanse {kr(abs(diff))}).", [ln] + items))
    return flags, used


def _funding_vs_cost(doc_id: str, lines: list[BudgetLine], totals, used: set[str], decisions: list) -> list[Flag]:
    flags: list[Flag] = []
    by_period: dict[str | None, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for kind, period, value, tol, tl, t in totals:
        by_period[period][kind].append((value, tol, tl, t))
    # The whole period: a side given only by year columns without a Sum column counts as the sum of
    # its years, so that it meets the other side's total ('2025 | 2026' costs, financing without years).
    for kind in ("cost", "funding"):
        if by_period[None].get(kind):
            continue
        years = [(p, e) for p, kinds in by_period.items() if p not in (None, "per_year") for e in kinds.get(kind, [])]
        tables = {e[3] for _, e in years}
        if len(years) >= 2 and len(tables) == 1 and len({p for p, _ in years}) == len(years):
            by_period[None][kind].append((sum(e[0] for _, e in years), sum(e[1] for _, e in years),
                                          [x for _, e in years for x in e[2][:1]], tables.pop()))
    for period, kinds in by_period.items():
        cost, fund = kinds.get("cost", []), kinds.get("funding", [])
        if len(cost) != 1 or len(fund) != 1:
            continue
        (cv, ct, cl, _), (fv, ft, fl, _) = cost[0], fund[0]
        if abs(cv - fv) > ct + ft:
            what = f" for {period}" if period else ""
            gap = "udekket" if cv > fv else "mer enn kostnadene"
            flags.append(_flag(
                Rule.FUNDING_VS_COST_MISMATCH, Severity.ERROR, doc_id,
                f"Kostnadene{what} er {kr(cv)}, men finansieringen er {kr(fv)} "
                f"({kr(abs(cv - fv))} {gap}).", cl[:1] + fl[:1] + cl[1:] + fl[1:]))
    # A frame (outside any decision) that the financing exceeds.
    frames = [ln for ln in lines if not ln.in_table and ln.kind == "frame" and ln.line_id not in used
              and not _in_decision(ln, decisions)]
    fund_all = [(v, tol, tl) for kind, p, v, tol, tl, _ in totals if kind == "funding" and p is None]
    if len(frames) == 1 and len(fund_all) == 1:
        fr = frames[0]
        fv, ft, fl = fund_all[0]
        if fv - fr.amount_nok > ft + fr.precision_nok:
            flags.append(_flag(
                Rule.FUNDING_VS_COST_MISMATCH, Severity.ERROR, doc_id,
                f"Finansieringen er {kr(fv)}, men rammen er {kr(fr.amount_nok)} "
                f"({kr(fv - fr.amount_nok)} over rammen).", [fr] + fl))
    return flags


def _row_amounts(ln: BudgetLine, row: list[BudgetLine], doc_id: str) -> list[BudgetLine]:
    """The table amounts of a row that a prose line can be compared with: the cell of its year, every
    period cell for an amount per year, else the row's total (its Sum cell, or its cells added up)."""
    cells = [x for x in row if x.kind != "total"]
    row_total = [x for x in row if x.kind == "total"]
    if ln.period == "per_year" or (ln.period and any(c.period == ln.period for c in cells)):
        return [c for c in cells if ln.period == "per_year" or c.period == ln.period]
    if len(cells) == 1 and not row_total:
        return cells
    if row_total:
        return row_total[-1:]
    if len({c.period for c in cells}) == len(cells):  # period columns without a Sum column
        first, last = cells[0], cells[-1]
        return [BudgetLine(doc_id, first.label, sum(c.amount_nok for c in cells), "total", None, first.page,
                           first.source_text, first.span_start, last.span_end, True, first.table_index,
                           first.row_index, precision_nok=_tol(cells))]
    return cells  # several columns of one period ('Budsjett | Regnskap'): any of them


def _same_period(ln: BudgetLine, row: list[BudgetLine]) -> bool:
    """Whether a prose amount can speak of a table row: not when the prose names one year and the
    row's cells are all for other years (the 2023 grant is not the 2024 budget's row)."""
    if not ln.period or not _YEAR_RE.fullmatch(ln.period):
        return True
    years = {x.period for x in row}
    if not years or not all(p and _YEAR_RE.fullmatch(p) for p in years):
        return True
    return ln.period in years


_YEAR_RE = re.compile(r"(?:19|20)\d\d")


def _text_vs_table(doc_id: str, lines: list[BudgetLine], used: set[str], decisions: list) -> list[Flag]:
    rows: dict[tuple[int, int], list[BudgetLine]] = defaultdict(list)
    for ln in lines:
        if ln.in_table and ln.table_index is not None:
            rows[(ln.table_index, ln.row_index or 0)].append(ln)
    item_rows = {k: v for k, v in rows.items() if any(x.kind != "total" for x in v)}
    cost_rows = {k: v for k, v in item_rows.items() if any(x.kind == "cost" for x in v)}
    fund_rows = {k: v for k, v in item_rows.items() if any(x.kind == "funding" for x in v)}
    # Which table row each prose amount speaks of (one clear best match by label words).
    matched: dict[tuple[int, int], list[BudgetLine]] = defaultdict(list)
    weight = _rarity(lines)
    for ln in lines:
        if ln.in_table or ln.kind in ("frame", "other") or ln.line_id in used or _in_decision(ln, decisions):
            continue
        text_words = _words(f"{ln.section or ''} {ln.source_text}")
        same = [k for k, v in item_rows.items()
                if any(x.kind == ln.kind and abs(x.amount_nok - ln.amount_nok) <= x.precision_nok + ln.precision_nok
                       for x in v) and _match(_words(_own_label(v[0])), text_words) > 0]
        if len(same) == 1:
            # a row of the same amount that shares a word with the text ('tilsagn' / 'dette tilsagnet')
            # is the row it speaks of, whatever other name the sentence also gives (the grant's receiver)
            matched[same[0]].append(ln)
            continue
        if _SUM_WORD_RE.search(ln.label.split(": ", 1)[-1]):
            # a sum ('totale kostnader på ...') names its item before the amount, if it names one
            # ('samlet kostnad for prosjektlederstillingen'): the rest of the sentence is about other things
            text_words = _words(ln.label)
        scored = sorted(((_match(_words(_own_label(v[0])), text_words, weight), k) for k, v in item_rows.items()
                         if _same_period(ln, v)), reverse=True)
        if not scored or scored[0][0] < 0.5 or len(scored) > 1 and scored[1][0] == scored[0][0]:
            continue
        matched[scored[0][1]].append(ln)
    flags: list[Flag] = []
    seen: set[str] = set()
    for key, prose in matched.items():
        row = item_rows[key]

        def agrees(ln: BudgetLine) -> bool:
            return any(abs(c.amount_nok - ln.amount_nok) <= c.precision_nok + ln.precision_nok
                       for c in _row_amounts(ln, row, doc_id))
        if any(agrees(ln) for ln in prose):
            continue  # the text also gives the table's amount ('tilsagn på 500 000, men utbetalte 400 000')
        for ln in prose:
            target = _row_amounts(ln, row, doc_id)[0]
            # A partner's share of a cost: other financing rows of the same item explain the difference.
            if ln.kind == "funding" and key in cost_rows:
                item = _words(_own_label(row[0]))
                others = [v for k, v in fund_rows.items() if _match(item, _words(_own_label(v[0]))) >= 0.6]
                other_sum = sum(x.amount_nok for v in others for x in v
                                if x.kind != "total" and (x.period == target.period or target.period is None))
                if others and abs(target.amount_nok - other_sum - ln.amount_nok) <= _tol([target, ln]):
                    continue
            diff = target.amount_nok - ln.amount_nok
            when = f" ({target.period})" if target.period and target.period != "per_year" else ""
            per = " pr år" if ln.period == "per_year" else ""
            message = (f"Teksten oppgir {kr(ln.amount_nok)}{per} for «{_own_label(row[0])}», men tabellen har "
                       f"{kr(target.amount_nok)}{when} (avvik {kr(abs(diff))}).")
            if message not in seen:
                seen.add(message)
                flags.append(_flag(Rule.AMOUNT_TEXT_VS_TABLE, Severity.WARNING, doc_id, message, [ln, target]))
    return flags


def _header(ln: BudgetLine) -> str:
    """The column header a table line's label ends with ('Sum (Endring)' -> 'Endring'), else ''."""
    m = re.search(r"\(([^()]*)\)\s*$", ln.label)
    return m.group(1) if m else ""


def _text_vs_column_sum(doc_id: str, lines: list[BudgetLine], decisions: list) -> list[Flag]:
    """A sum the prose gives right below a table ('Samlet merbehov er kr 640 000') against the sum row
    of the column it speaks of: the column of differences for a word of difference ('merbehov',
    'avvik'), else the column whose header shares a word with the sentence, else the table's only
    column. Nothing when the table has no sum row there, or when the prose agrees with any sum row."""
    flags: list[Flag] = []
    by_table: dict[int, list[BudgetLine]] = defaultdict(list)
    for ln in lines:
        if ln.in_table and ln.table_index is not None:
            by_table[ln.table_index].append(ln)
    for t, tl in by_table.items():
        end = max(x.span_end or 0 for x in tl)
        later_tables = [min(x.span_start or 0 for x in o) for k, o in by_table.items() if k != t]
        cols, _ = _columns(tl)
        sums = {}
        for c, cl in cols.items():
            items = [x for x in cl if x.kind != "total"]
            tots = [x for x in cl if x.kind == "total" and not x.is_subtotal]
            if items and tots and (tots[-1].row_index or 0) > max(i.row_index or 0 for i in items):
                sums[c] = tots[-1]
        if not sums:
            continue
        for ln in lines:
            start = ln.span_start or 0
            if ln.in_table or ln.kind == "frame" or not (0 <= start - end <= 400) or _in_decision(ln, decisions):
                continue
            if any(end < o < start for o in later_tables):
                continue
            clause = ln.label.split(": ", 1)[-1]
            if not _SUM_WORD_RE.search(clause):
                continue
            if any(abs(x.amount_nok - ln.amount_nok) <= x.precision_nok + ln.precision_nok for x in sums.values()):
                continue  # the prose gives one of the table's sums
            dev = {c for c, cl in cols.items() if _is_deviation(cl)}
            words = _words(clause)
            if _DEVIATION_RE.search(clause):
                cands = [c for c in sums if c in dev]
            else:
                # a financing sum speaks of a financing column, any other sum of a cost column
                side = "funding" if ln.kind == "funding" else "cost"
                same = [c for c in sums if c not in dev
                        and any(x.kind == side for x in cols[c] if x.kind != "total")]
                cands = [c for c in same if _match(_words(_header(sums[c])), words) > 0]
                if not cands and len(same) == 1 and len(sums) - len(dev & set(sums)) == 1:
                    cands = same
            if len(cands) != 1:
                continue
            total = sums[cands[0]]
            diff = total.amount_nok - ln.amount_nok
            if abs(diff) <= _tol([total, ln]):
                continue
            col = _header(total) or _own_label(total)
            flags.append(_flag(
                Rule.AMOUNT_TEXT_VS_TABLE, Severity.WARNING, doc_id,
                f"Teksten oppgir {kr(ln.amount_nok)} («{clause}»), men tabellens sum for «{col}» er "
                f"{kr(total.amount_nok)} (avvik {kr(abs(diff))}).", [ln, total]))
    return flags


_ACCOUNTS_RE = re.compile("|".join(re.escape(w) for w in nb.ACCOUNTS_WORDS), re.I)
_ACCOUNTS_HEADER_RE = re.compile("|".join(re.escape(w) for w in nb.ACCOUNTS_HEADERS), re.I)
_BUDGET_HEADER_RE = re.compile("|".join(re.escape(w) for w in nb.BUDGET_HEADERS), re.I)


def _text_vs_accounts_sum(doc_id: str, lines: list[BudgetLine], decisions: list) -> list[Flag]:
    """A sum the prose gives anywhere in a report ('gjennomført med totale kostnader på kr 1 107 700')
    against the sum row of the accounts column ('Regnskap') of the one table of its side: only when the
    sentence speaks of what was spent, and when no sum row of the document agrees with it. Sums right
    below a table are left to _text_vs_column_sum."""
    by_table: dict[int, list[BudgetLine]] = defaultdict(list)
    for ln in lines:
        if ln.in_table and ln.table_index is not None:
            by_table[ln.table_index].append(ln)
    sums: list[tuple[str, BudgetLine]] = []  # (side, the accounts column's sum row)
    all_sums: list[BudgetLine] = []
    ends = []
    for tl in by_table.values():
        ends.append(max(x.span_end or 0 for x in tl))
        cols, _ = _columns(tl)
        for cl in cols.values():
            items = [x for x in cl if x.kind != "total"]
            tots = [x for x in cl if x.kind == "total" and not x.is_subtotal]
            if not items or not tots or (tots[-1].row_index or 0) < max(i.row_index or 0 for i in items):
                continue
            all_sums.append(tots[-1])
            header = _header(tots[-1])
            if _ACCOUNTS_HEADER_RE.search(header) and not _BUDGET_HEADER_RE.search(header):
                side = "funding" if sum(x.kind == "funding" for x in items) * 2 > len(items) else "cost"
                sums.append((side, tots[-1]))
    flags = []
    for ln in lines:
        start = ln.span_start or 0
        if ln.in_table or ln.kind not in ("cost", "total", "funding") or _in_decision(ln, decisions):
            continue
        if any(0 <= start - e <= 400 for e in ends):
            continue  # right below a table: its own check
        clause = ln.label.split(": ", 1)[-1]
        if not _SUM_WORD_RE.search(clause) or not _ACCOUNTS_RE.search(ln.source_text):
            continue
        if any(abs(x.amount_nok - ln.amount_nok) <= x.precision_nok + ln.precision_nok for x in all_sums):
            continue
        side = "funding" if ln.kind == "funding" else "cost"
        cands = [t for sd, t in sums if sd == side]
        if len(cands) != 1:
            continue
        total = cands[0]
        diff = total.amount_nok - ln.amount_nok
        if abs(diff) <= _tol([total, ln]):
            continue
        flags.append(_flag(
            Rule.AMOUNT_TEXT_VS_TABLE, Severity.WARNING, doc_id,
            f"Teksten oppgir {kr(ln.amount_nok)} («{clause}»), men tabellens sum for «{_header(total)}» er "
            f"{kr(total.amount_nok)} (avvik {kr(abs(diff))}).", [ln, total]))
    return flags


def check_budgets(doc: DocumentRow, rows: dict[str, list]) -> list[Flag]:
    """All budget flags of one document (see the module docstring for the rules and tolerances)."""
    lines = [ln for ln in rows.get("budget_lines", []) if ln.doc_id == doc.doc_id]
    if not lines:
        return []
    decisions = [d for d in rows.get("decisions", []) if getattr(d, "doc_id", doc.doc_id) == doc.doc_id]
    flags, totals = _table_checks(doc.doc_id, lines)
    prose_flags, used = _prose_itemised(doc.doc_id, lines)
    flags += prose_flags
    flags += _funding_vs_cost(doc.doc_id, lines, totals, used, decisions)
    flags += _text_vs_table(doc.doc_id, lines, used, decisions)
    flags += _text_vs_column_sum(doc.doc_id, lines, decisions)
    flags += _text_vs_accounts_sum(doc.doc_id, lines, decisions)
    return flags
