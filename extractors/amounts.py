"""Norwegian money amounts in running text and table cells, in whole kroner, with their spans.

`find_amounts(text)` finds every amount a reader would take for money: 'kr 1.050.000', '6 000 000 kr',
'kr. 15 mill.', '1,5 mill. kr', '10-15 millioner' (a range: the upper bound, the lower kept), 'ca kr
2-300.000' (200 000-300 000), '15 MNOK', 'NOK 300'', '3,4 mrd.', 'kr 200 000,-', '(50 000)' (negative),
and bare thousands-grouped numbers ('1 050 000'). It leaves out what only looks like money: years,
dates, case numbers ('06/22'), phone and organisation numbers, account codes ('ansvar 727 000'),
page and paragraph numbers, percentages and counts ('6 bedrifter').

In a table's money column pass `bare=True` (bare numbers are money there) and the table's `scale`
('Beløp i 1000 kr' -> 1000).

Every amount states its precision: half the last unit written. 'kr 15 mill.' is exact to 500 000,
'2,1 mill.' to 50 000, '450'' to 500, '2 100 000' to 1 (whole kroner are never finer than 1).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from extractors.lang.nb import money as nb

_SP = "[ \u00a0\u2009\u202f]"
_NUMBER = (
    r"(?:\d{1,3}\.\s\d{3}(?!\d)(?:\.\d{3}(?!\d))+"      # '1. 500.000': stray space after a thousands dot
    r"|\d{1,3}(?:\.\d{3}(?!\d))+"                        # '1.050.000'
    rf"|\d{{1,3}}(?:{_SP}\d{{3}}(?!\d))+"                # '1 050 000'
    r"|\d{1,3}(?:['’]\d{3}(?!\d))+"                      # '1'050'000'
    r"|\d{1,3}(?:,\d{3}(?!\d)){2,}"                      # '1,050,000'
    r"|\d+)"
    r"(?:,\d+(?!\d)|\.\d{1,2}(?=\s*(?:mill|mrd|milli|mio|mnok)))?"  # decimals: '1,5', '1 234,50'
)
NUM_RE = re.compile(rf"(?<![\d])(?<!\d[.,]){_NUMBER}", re.I)

_SCALE_ALT = "|".join(re.escape(w) for w, _ in nb.SCALE_WORDS)
_SCALE_MULT = {w: m for w, m in nb.SCALE_WORDS}
_CUR_ALT = "|".join(re.escape(w) for w in nb.CURRENCY_WORDS)
# After a number: a scale word ('mill.', 'MNOK') or an apostrophe for thousands ('450''), then a
# currency word or ',-'.
SUFFIX_RE = re.compile(
    rf"^(?:(?P<apo>['’](?![\d\w]))|{_SP}*(?P<scale>{_SCALE_ALT})(?![a-zæøå])\.?)?"
    rf"(?P<cur>{_SP}*(?:(?:{_CUR_ALT})(?![a-zæøå])\.?|,[-–]))?", re.I)
PREFIX_RE = re.compile(rf"(?P<cur>(?<![a-zæøå])(?:{_CUR_ALT})\.?{_SP}*)$", re.I)
RANGE_BEFORE_RE = re.compile(rf"(?P<low>(?<![\d.,]){_NUMBER}){_SP}*[-–]{_SP}*$", re.I)
RANGE_AFTER_RE = re.compile(rf"^{_SP}*[-–]{_SP}*\d")
WORD_RE = re.compile(r"[a-zæøåäöü§%‰]+[\w.]*", re.I)
_MONTHS = ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des")
_CODES = set(nb.CODE_WORDS)
_COUNTS = set(nb.COUNT_WORDS)
_NOT_PLURAL = set(nb.NOT_PLURAL_WORDS)


def _is_count_noun(word: str) -> bool:
    """A word after a bare number that makes it a count: a known count word ('bedrifter') or a
    plural noun ('grunneiere', 'søkere'), not a verb or a currency ('dekker', 'kroner')."""
    if word in _COUNTS:
        return True
    return len(word) >= 5 and word.isalpha() and word not in _NOT_PLURAL and word.endswith(nb.PLURAL_ENDINGS)


@dataclass(frozen=True, slots=True)
class Amount:
    """One amount: `value` in whole kroner (a range's upper bound), `low` the lower bound of a range,
    `start`/`end` its span in the text searched (currency words included), `precision` the +/- in
    kroner the notation allows, `marked` whether a currency or scale word says it is money."""

    value: int
    start: int
    end: int
    text: str
    precision: int = 1
    low: int | None = None
    marked: bool = True
    negative: bool = False
    approx: bool = False


def _digits_value(tok: str) -> Decimal:
    """'1. 500.000' -> 1500000, '1 234,50' -> 1234.50, '1,5' -> 1.5, '1.5' -> 1.5."""
    tok = re.sub(rf"{_SP}", "", tok)
    m = re.fullmatch(r"([\d.'’,]*?)(?:([.,])(\d{1,2}|\d+))?", tok)
    grouped_comma = re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", tok)
    if grouped_comma:
        return Decimal(tok.replace(",", ""))
    # A decimal comma is the last ',' followed by digits; dots and apostrophes are thousands marks
    # unless the dot carries 1-2 digits before a scale word ('1.5 mill').
    if "," in tok:
        whole, dec = tok.rsplit(",", 1)
        return Decimal(re.sub(r"[.'’]", "", whole) + "." + dec)
    if re.fullmatch(r"\d+\.\d{1,2}", tok):
        return Decimal(tok)
    del m
    return Decimal(re.sub(r"[.'’]", "", tok))


def _decimals(tok: str) -> int:
    tok = re.sub(rf"{_SP}", "", tok)
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", tok):
        return 0
    if "," in tok:
        return len(tok.rsplit(",", 1)[1])
    if re.fullmatch(r"\d+\.\d{1,2}", tok):
        return len(tok.split(".")[1])
    return 0


def _is_grouped(tok: str) -> bool:
    return bool(re.search(rf"\d(?:\.\s?|{_SP}|['’]|,)\d{{3}}", tok))


def _prev_word(text: str, pos: int) -> str:
    """The word just before `pos`, lowercased, without trailing punctuation ('nr.' -> 'nr')."""
    m = re.search(r"([\w§.]+)[\s:.#]*$", text[max(0, pos - 40):pos])
    if not m:
        return ""
    w = m.group(1).lower().strip(".")
    return w.split(".")[-1] if w.count(".") and w.split(".")[-1] else w


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"[\s½¼¾]*([\w%‰§]+)", text[pos:pos + 40])
    return m.group(1).lower() if m else ""


def _round(v: Decimal) -> int:
    return int(v.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def find_amounts(text: str, *, bare: bool = False, scale: int = 1) -> list[Amount]:
    """Every money amount in `text`, in order. `bare`: a money column, where unmarked numbers are money;
    `scale`: the table's unit ('i 1000 kr' -> 1000), applied to numbers without a scale word."""
    out: list[Amount] = []
    for m in NUM_RE.finditer(text):
        a = _read(text, m, bare=bare, scale=scale)
        if a is not None:
            out.append(a)
    return out


def _read(text: str, m: re.Match, *, bare: bool, scale: int) -> Amount | None:
    start, end = m.span()
    tok = m.group()
    before = text[:start]
    # Codes and dates: '06/22', '2013/1234', 'Ap1', '3-årig', '12.03.13'.
    if before.endswith("/") or re.match(r"/\d", text[end:end + 2]):
        return None
    if before and (before[-1].isalpha() or before[-1] == "_"):
        if not PREFIX_RE.search(before):
            return None
    if re.match(r"[.,]\d", text[end:end + 2]) or re.match(r"-[a-zæøå]", text[end:end + 2], re.I):
        return None
    # The low end of a range is read with its upper end.
    if RANGE_AFTER_RE.match(text[end:]):
        return None
    suffix = SUFFIX_RE.match(text[end:])
    scale_word = (suffix.group("scale") or "").lower() if suffix else ""
    apo = bool(suffix and suffix.group("apo"))
    cur_after = bool(suffix and suffix.group("cur"))
    s_end = end + (suffix.end() if suffix else 0)
    if s_end < len(text) and text[s_end - 1].isalnum() and (text[s_end].isalpha()):
        return None  # '15mill' is read; '1a', '10k' are not amounts
    # A range: 'kr 2-300.000', '10-15 millioner'.
    low_tok, low_start = None, start
    rng = RANGE_BEFORE_RE.search(before)
    if rng:
        low_tok, low_start = rng.group("low"), rng.start()
        if low_start and (text[low_start - 1].isalpha() or text[low_start - 1] in "/.-"):
            if not PREFIX_RE.search(text[:low_start]):
                low_tok, low_start = None, start
    head = text[:low_start]
    prefix = PREFIX_RE.search(head)
    cur_before = bool(prefix)
    p_start = prefix.start() if prefix else low_start
    marked = bool(cur_before or cur_after or scale_word or apo)

    mult = 1
    if scale_word:
        mult = _SCALE_MULT.get(scale_word.rstrip("."), 1)
    elif apo:
        mult = 1000
    elif scale > 1:
        mult = scale
    number = _digits_value(tok)
    decimals = _decimals(tok)
    if decimals and "." in re.sub(rf"{_SP}", "", tok) and "," not in tok and not scale_word:
        return None  # '10.00' is a time, '1.5' without 'mill' is not kroner

    # Not money, whatever the column: a code word before, a percentage or a count after.
    prev = _prev_word(text, p_start)
    if prev in _CODES or prev.endswith("nr") and not cur_before:
        return None
    nxt = _next_word(text, s_end)
    if nxt in ("%", "prosent", "pst", "prosentpoeng", "‰") or text[end:end + 2].lstrip().startswith("%"):
        return None
    if not (cur_before or cur_after or scale_word or apo):
        if _is_count_noun(nxt) and not bare or nxt in _COUNTS or nxt.startswith(_MONTHS) and re.match(r"\.?\s*[a-zæøå]", text[end:end + 3], re.I):
            return None
        plain = re.fullmatch(r"\d+", tok) is not None
        if plain and len(tok) == 4 and 1900 <= int(tok) <= 2100 and scale == 1:
            return None  # a year
        if low_tok and re.fullmatch(r"\d{4}", low_tok) and 1900 <= int(low_tok) <= 2100:
            return None  # '2010-2011'
        if re.search(r"\d[ \u00a0]$", text[:p_start]):
            return None  # the tail of a phone number: '915 94 673'
        if not bare:
            # Prose: a bare number is money only when grouped in thousands, and not an
            # organisation number ('974 123 456').
            if not _is_grouped(tok) or number < 1000:
                return None
            if re.fullmatch(rf"\d{{3}}{_SP}\d{{3}}{_SP}\d{{3}}", tok):
                return None
    value = number * mult
    precision = max(1, _round(Decimal(mult) / (Decimal(10) ** decimals) / 2)) if mult > 1 else 1
    low_value = None
    if low_tok:
        lv = _digits_value(low_tok)
        if not _is_grouped(low_tok) and not scale_word and not apo and mult == 1:
            # 'ca kr 2-300.000': the low end is written in the upper end's leading unit.
            digits_up = len(str(_round(number)))
            digits_low = len(str(_round(lv)))
            if digits_low < digits_up and lv < number:
                lv = lv * (Decimal(10) ** (digits_up - digits_low))
        else:
            lv = lv * mult
        low_value = _round(lv)
    # Negative: '(50 000)' with nothing else in the brackets, or a leading minus sign.
    negative = False
    if re.search(r"\(\s*$", head) and re.match(r"\s*\)", text[s_end:]) and not cur_before and not cur_after:
        negative = True
        p_start -= len(head) - len(head.rstrip()) + 1
        p_start = head.rstrip().rfind("(") if "(" in head else p_start
        s_end = s_end + text[s_end:].find(")") + 1
    elif not low_tok and re.search(r"(?:^|[\s(])[-−]$", head):
        negative = True
        p_start = low_start - 1
    approx = any(re.search(rf"(?<![a-zæøå]){re.escape(w)}\s*$", text[:p_start].lower().rstrip())
                 for w in nb.APPROX_WORDS)
    v = _round(value)
    return Amount(value=-v if negative else v, start=p_start, end=s_end, text=text[p_start:s_end],
                  precision=precision, low=low_value, marked=marked, negative=negative, approx=approx)


def parse_amount(text: str, *, bare: bool = True, scale: int = 1) -> Amount | None:
    """The first amount in `text` (a table cell, a short phrase), or None."""
    found = find_amounts(text, bare=bare, scale=scale)
    return found[0] if found else None


_QUALIFIER_ALT = "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in sorted(nb.CELL_QUALIFIERS, key=len, reverse=True))
# What may stand around the amount in a cell of one amount: currency, 'ca'/'inntil', and a qualifier
# that says how the amount is meant ('pr år', 'eks. mva'), not what it is for.
_FILLER_RE = re.compile(
    rf"^[\s(),.:;=\-–−]*(?:(?:ca\.?|cirka|inntil|kr\.?|nok|kroner|,-|{_QUALIFIER_ALT})[\s(),.:;=\-–−]*)*$", re.I)


def cell_amount(text: str, *, scale: int = 1) -> Amount | None:
    """The amount a table cell holds when the cell is nothing but that amount (with currency and
    'ca'/'inntil' or a qualifier such as 'pr år' around it): '700.000', 'kr 1.050.000', '6 000 000 kr',
    '(50 000)', 'kr 40 000 pr år'. None for a cell of
    words with a number in it ('Personalressurs, 2 hele stillinger')."""
    found = find_amounts(text, bare=True, scale=scale)
    if len(found) != 1:
        return None
    a = found[0]
    rest = text[:a.start] + " " + text[a.end:]
    return a if _FILLER_RE.match(rest) else None
