"""Norwegian date expressions: find each date in a text with its span, its precision and the first
day of what it names.

`find_dates(text, context)` returns `DateMatch`es in text order, non-overlapping. Spellings read:
'19.09.2013', '01.01.14', '2018-02-27', '19. september 2013', '19.september', '1 des', 'apr 2017',
'april -17', 'juni 2017 -' (open end), '27.-28. februar', '27.-28- februar', 'uke 12', '1. kvartal 2018',
'Q3 2018', '2. halvår 2019', 'våren 2017', 'høsten', 'medio mars', 'ultimo mai', 'primo 2019',
'utgangen av året', 'nyåret 2022', 'mars samme år', '2017-2018', 'Sept/oktober 2013',
'november- desember 2008', '01.01.2014-31.12.2016', 'des.'.

Precision is one of day, week, month, season, quarter, half, year. The date is the first day of what
the text names: 'apr 2017' -> 2017-04-01, 'Q3 2018' -> 2018-07-01, 'uke 12 2018' -> the Monday of
ISO week 12, 'våren 2017' -> 2017-03-01 (season convention in lang/nb/dates.py); 'medio mars' and
'ultimo mai' keep month precision (2014-03-01), 'primo 2019' year precision; 'utgangen av året' is
December of the context year. Where the text names no year, the year comes from `context` (the
document's date, or the timetable's previous row with `roll_forward=True`: '1 des' after
'01.10.13' is 2013-12-01, '30. april' after 'desember 2008' is 2009-04-30); without a context such
a date has `date=None`.

Not dates: amounts (1.050.000, 3.430.000, 1. 500.000), case numbers (06/22, 30/13, 2013/1234),
versions (v2.1.3), phone numbers (64 97 02 96), percentages, clock times (kl. 10.00), section
numbers (1.1, 2.2), postcodes before a place name.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from extractors.lang.nb.dates import (
    AMBIGUOUS_BARE_MONTHS, HABITUAL_SEASON_BEFORE, MONTHS, NOT_YEAR_BEFORE, ORDINALS, PART_OF_PERIOD,
    QUALIFIERS, SEASON_BARE_OK, SEASON_MONTHS, SEASONS,
)

PRECISIONS = ("day", "week", "month", "season", "quarter", "half", "year")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date expression: where it stands, what it says, and the day it resolves to."""

    start: int
    end: int
    text: str
    date: dt.date | None
    precision: str
    end_date: dt.date | None = None  # a period's end ('2017-2018', '01.01.2014-31.12.2016')
    end_precision: str | None = None
    qualifier: str | None = None  # before / from / until / since / approx, from the words before it
    open_end: bool = False  # 'juni 2017 -': from then on
    year_given: bool = True  # False where the year came from the context

    @property
    def last_day(self) -> dt.date | None:
        """The last day of what the date names (the period's end where it is a period)."""
        if self.end_date is not None:
            return last_day(self.end_date, self.end_precision or self.precision)
        return last_day(self.date, self.precision) if self.date else None


def last_day(start: dt.date, precision: str) -> dt.date:
    """The last day of the span that begins on `start` with `precision`."""
    months = {"month": 1, "season": SEASON_MONTHS, "quarter": 3, "half": 6, "year": 12}
    if precision == "day":
        return start
    if precision == "week":
        return start + dt.timedelta(days=6)
    n = months.get(precision, 12)
    if precision == "year":
        return dt.date(start.year, 12, 31)
    m = start.month - 1 + n
    y, m = start.year + m // 12, m % 12 + 1
    return dt.date(y, m, 1) - dt.timedelta(days=1)


# --- patterns ----------------------------------------------------------------------------------------
_L = "a-zæøåäöü"
_MON_NAMES = sorted(MONTHS, key=len, reverse=True)
MON = r"(?P<{n}>" + "|".join(_MON_NAMES) + r")(?P<{n}dot>\.)?(?![" + _L + r"])"
_FULL_MONTHS = [m for m in _MON_NAMES if m not in AMBIGUOUS_BARE_MONTHS]
YEAR4 = r"(?P<{n}>(?:19[5-9]\d|20\d\d))(?!\d)"
YEAR = r"(?P<{n}>(?:19[5-9]\d|20\d\d)(?!\d)|['’´]\d\d(?!\d))"
YEAR_DASH = r"(?P<{n}>(?:19[5-9]\d|20\d\d)(?!\d)|(?:['’´]|-\s?)\d\d(?![\d.,]))"
_SEASON_NAMES = sorted(SEASONS, key=len, reverse=True)


def _mon(n: str) -> str:
    return MON.replace("{n}", n)


def _year(n: str, dash: bool = False, four: bool = False) -> str:
    return (YEAR4 if four else YEAR_DASH if dash else YEAR).replace("{n}", n)


_B = r"(?<![\w.,/])"  # a date starts at a word boundary, not inside a number or a case number
_SAME_YEAR = r"(?P<same>samme år|same år|dette år)"

PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(_B + r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")),
    ("num", re.compile(_B + r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})(?!\d|[.,]\d)")),
    # '1/3-2025', '15/1-25': day/month-year, a common Norwegian hand spelling
    ("slash", re.compile(_B + r"(?P<d>\d{1,2})/(?P<m>\d{1,2})-(?P<y>\d{4}|\d{2})(?![\d/\-])")),
    ("dayrange", re.compile(_B + r"(?P<d>\d{1,2})\.?\s?[-–]\s?(?P<d2>\d{1,2})\s?[.\-–]?\s*" + _mon("m")
                            + r"(?:[ \t]+(?:i[ \t]+)?" + _year("y") + ")?", re.I)),
    ("daymon", re.compile(_B + r"(?P<d>\d{1,2})(?:\.[ \t]?|[ \t]+)" + _mon("m")
                          + r"(?:[ \t]*(?:i[ \t]+)?(?:" + _year("y") + "|" + _SAME_YEAR + "))?", re.I)),
    ("monrange", re.compile(r"(?<![\w])" + _mon("m") + r"\s?[-–/]\s?" + _mon("m2")
                            + r"[ \t]+(?:i[ \t]+)?" + _year("y"), re.I)),
    ("monyear", re.compile(r"(?<![\w])" + _mon("m") + r"[ \t]*(?:(?:i[ \t]+)?" + _year("y", dash=True)
                           + "|" + _SAME_YEAR + ")", re.I)),
    ("partof", re.compile(r"(?<![\w])(?P<part>primo|medio|ultimo|starten av|begynnelsen av|midten av|"
                          r"slutten av|utgangen av|enden av)[ \t]+(?:(?:" + _mon("m") + r"(?:[ \t]+"
                          + _year("y") + r")?)|" + _year("yy", four=True) + r"|(?P<thisyear>året|"
                          r"dette året|inneværende år))", re.I)),
    ("quarter", re.compile(r"(?<![\w])(?:(?P<q>[1-4])\.?[ \t]*|(?P<qw>første|andre|tredje|fjerde)[ \t]+)"
                           r"(?:kvartal|kv\.?)(?![" + _L + r"])(?:[ \t]*(?:i[ \t]+)?" + _year("y") + ")?", re.I)),
    ("qcode", re.compile(r"(?<![\w])Q(?P<q>[1-4])(?:[ \t]*[-/]?[ \t]*" + _year("y") + r"|[ \t]*[-/][ \t]*(?P<y2>\d\d)(?!\d))?"
                         r"(?![\w])")),
    ("tertial", re.compile(r"(?<![\w])(?:(?P<t>[1-3])\.?[ \t]*|(?P<tw>første|andre|tredje)[ \t]+)tertial"
                           r"(?:[ \t]*(?:i[ \t]+)?" + _year("y") + ")?", re.I)),
    ("half", re.compile(r"(?<![\w])(?:(?P<h>[12])\.?[ \t]*|(?P<hw>første|andre)[ \t]+)halvår(?:et)?"
                        r"(?:[ \t]*(?:i[ \t]+)?" + _year("y") + ")?", re.I)),
    ("week", re.compile(r"(?<![\w])(?:uke|veke|u\.)[ \t]*(?:nr\.?[ \t]*)?(?P<w>\d{1,2})(?!\d)"
                        r"(?:[ \t]*[-–][ \t]*(?P<w2>\d{1,2})(?![\d.]))?(?:[ \t]*[/,]?[ \t]*(?:i[ \t]+)?" + _year("y", four=True) + ")?", re.I)),
    ("season", re.compile(r"(?<![\w])(?P<s>" + "|".join(_SEASON_NAMES) + r")(?![" + _L + r"])"
                          r"(?:[ \t]*(?:i[ \t]+)?(?:" + _year("y", dash=True) + "|" + _SAME_YEAR + "))?", re.I)),
    ("newyear", re.compile(r"(?<![\w])nyåret(?:[ \t]+(?P<y>\d{4}))?", re.I)),
    ("yearrange", re.compile(_B + r"(?P<y>(?:19[5-9]|20\d)\d)[ \t]*(?P<sep>[-–/]|til)[ \t]*(?P<y2>\d{4}|\d\d)(?![\d%]|[.,]\d|\s?%)")),
    ("year", re.compile(_B + r"(?P<y>(?:19[5-9]|20\d)\d)(?![\d%]|[.,/]\d|-\d{3}|\s?%|\s\d{3}(?!\d))")),
    ("baremon", re.compile(r"(?<![\w.,])(?P<m>" + "|".join(_FULL_MONTHS + [a for a in AMBIGUOUS_BARE_MONTHS if a not in {"jul", "jan"}])
                           + r")(?P<mdot>\.)?(?![" + _L + r"])", re.I)),
]
# Day and month without a year ('13.11', '2.12'): read in a date cell, or in text after a cue word only,
# so that section numbers (1.1) and clock times (10.00) stay numbers.
DAYMON_NUM = re.compile(_B + r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.?(?![\d])")
# '15/1' (day/month): only alone in a date cell, since in text it is as likely a case number or a fraction.
DAYMON_SLASH = re.compile(_B + r"(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/\-.,])")
DAYMON_CUE = re.compile(r"(?:den|før|innen|fra|til|etter|senest|dato|datert|møte\w*|t\.o\.m\.?|f\.o\.m\.?)[ \t]+$", re.I)
CLOCK_BEFORE = re.compile(r"(?:kl|klokka|klokken|tid)\.?[ \t]*$", re.I)
_QUAL = sorted(QUALIFIERS, key=len, reverse=True)
QUALIFIER_BEFORE = re.compile(r"(?<![\w])(" + "|".join(re.escape(q) for q in _QUAL) + r")[ \t:]*$", re.I)
OPEN_END_AFTER = re.compile(r"[ \t]*[-–][ \t]*(?=$|[\n|;)]|\s+[a-zæøå])", re.I)
PERIOD_JOIN = re.compile(r"^[ \t]*(?:[-–]|til|til og med|t\.o\.m\.?)[ \t]*$", re.I)
POSTCODE_AFTER = re.compile(r"[ \t]+[A-ZÆØÅ][a-zæøå]+")


@dataclass(slots=True)
class _Raw:
    kind: str
    start: int
    end: int
    year: int | None
    month: int | None = None
    day: int | None = None
    precision: str = "day"
    extra: dict | None = None


def _two_digit_year(s: str) -> int:
    s = s.strip().lstrip("'’´-").strip()
    n = int(s)
    if len(s) == 4:
        return n
    return 2000 + n if n < 70 else 1900 + n


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    if m is not None and not 1 <= m <= 12:
        return False
    if d is not None:
        if not 1 <= d <= 31:
            return False
        if y is not None and m is not None and d > calendar.monthrange(y, m)[1]:
            return False
    return True


def _month(s: str | None) -> int | None:
    return MONTHS.get(s.lower().rstrip(".")) if s else None


def _candidates(text: str, cell: bool) -> list[tuple[int, int, str, re.Match]]:
    """Every pattern's matches as (start, end, kind, match)."""
    out = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            out.append((m.start(), m.end(), kind, m))
    for m in DAYMON_NUM.finditer(text):
        before = text[max(0, m.start() - 16):m.start()]
        if CLOCK_BEFORE.search(before):
            continue
        if cell or DAYMON_CUE.search(before):
            out.append((m.start(), m.end(), "daymon_num", m))
    if cell:
        for m in DAYMON_SLASH.finditer(text):
            before, after = text[:m.start()], text[m.end():]
            # the cell holds the date alone ('15/1', 'Før 15/1', '15/1 - 30/4'), not '1/2 stilling'
            alone = not after.strip(" .;") or re.match(r"\s*(?:[-–]|til\b)", after)
            if alone and (not before.strip() or DAYMON_CUE.search(before) or re.search(r"\d\s*(?:[-–]|til)\s*$", before)):
                out.append((m.start(), m.end(), "daymon_num", m))
    return out


def _is_not_year(text: str, m: re.Match, cell: bool) -> bool:
    """A bare 4-digit number that is an amount, a case or account number, a postcode or a count."""
    before = text[max(0, m.start() - 14):m.start()].lower()
    words = before.split()
    if words and (words[-1] in NOT_YEAR_BEFORE or words[-1].rstrip(":") in NOT_YEAR_BEFORE):
        return True
    if re.search(r"\d[ \t]$", before) or before.endswith(("/", "-", "nr")):
        return True
    after = text[m.end():m.end() + 20]
    if re.match(r"[ \t]*(?:kr|,-|nok|kroner|mill|personer|stk|deltakere|bedrifter|timer|m2|km)\b", after, re.I):
        return True
    # 'Storgata 1, 2000 Lillestrøm': a postcode before a place name after a comma or at a line start
    if POSTCODE_AFTER.match(after) and re.search(r"(?:^|,|\n)[ \t]*$", before) and not cell:
        return True
    return False


def _parse(kind: str, m: re.Match, text: str, cell: bool) -> _Raw | None:
    g = m.groupdict()
    s, e = m.start(), m.end()
    y = None
    if kind == "iso":
        y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
        return _Raw(kind, s, e, y, mo, d, "day") if _valid(y, mo, d) else None
    if kind == "slash":
        words = text[max(0, s - 14):s].lower().split()
        if words and words[-1].rstrip(".:") in {w.rstrip(".") for w in NOT_YEAR_BEFORE}:
            return None  # 'sak 12/3-25': a case reference
        y, mo, d = _two_digit_year(g["y"]), int(g["m"]), int(g["d"])
        return _Raw(kind, s, e, y, mo, d, "day") if _valid(y, mo, d) else None
    if kind == "num":
        y, mo, d = _two_digit_year(g["y"]), int(g["m"]), int(g["d"])
        # '1.1.10' is more likely a section number than a date: a 2-digit year wants a 2-digit day or month
        if len(g["y"]) == 2 and len(g["d"]) == 1 and len(g["m"]) == 1:
            return None
        return _Raw(kind, s, e, y, mo, d, "day") if _valid(y, mo, d) else None
    if kind == "daymon_num":
        mo, d = int(g["m"]), int(g["d"])
        if g["d"].startswith("0") and len(g["m"]) == 1:
            return None
        return _Raw(kind, s, e, None, mo, d, "day") if _valid(None, mo, d) else None
    if kind in ("dayrange", "daymon"):
        mo, d = _month(g["m"]), int(g["d"])
        yv = g.get("y")
        if g.get("same"):
            y = "same"
        elif yv:
            y = _two_digit_year(yv)
        raw = _Raw(kind, s, e, y, mo, d, "day")
        if kind == "dayrange":
            raw.extra = {"d2": int(g["d2"])}
        return raw if _valid(None if y == "same" else y, mo, d) else None
    if kind == "monrange":
        return _Raw(kind, s, e, _two_digit_year(g["y"]), _month(g["m"]), None, "month",
                    extra={"m2": _month(g["m2"])})
    if kind == "monyear":
        yv = g.get("y")
        if g.get("same"):
            return _Raw(kind, s, e, "same", _month(g["m"]), None, "month")
        if yv is None:
            return None
        return _Raw(kind, s, e, _two_digit_year(yv), _month(g["m"]), None, "month")
    if kind == "baremon":
        name = g["m"].lower()
        if name in AMBIGUOUS_BARE_MONTHS and not (g.get("mdot") or cell):
            return None
        return _Raw(kind, s, e, None, _month(name), None, "month")
    if kind == "partof":
        part = PART_OF_PERIOD[g["part"].split()[0].lower()]
        if g.get("m"):
            yv = g.get("y")
            return _Raw(kind, s, e, _two_digit_year(yv) if yv else None, _month(g["m"]), None, "month",
                        extra={"part": part})
        if g.get("yy"):
            mo = {"early": 1, "mid": 7, "late": 12}[part]
            return _Raw(kind, s, e, int(g["yy"]), mo, None, "month" if part == "late" else "year",
                        extra={"part": part, "yearpart": True})
        if g.get("thisyear"):
            mo = {"early": 1, "mid": 7, "late": 12}[part]
            return _Raw(kind, s, e, "same", mo, None, "month", extra={"part": part, "yearpart": True})
        return None
    if kind in ("quarter", "qcode"):
        q = int(g["q"]) if g.get("q") else ORDINALS.get((g.get("qw") or "").lower())
        if not q or q > 4:
            return None
        yv = g.get("y") or g.get("y2")
        return _Raw(kind, s, e, _two_digit_year(yv) if yv else None, 3 * (q - 1) + 1, None, "quarter")
    if kind == "tertial":
        t = int(g["t"]) if g.get("t") else ORDINALS.get((g.get("tw") or "").lower())
        if not t or t > 3:
            return None
        yv = g.get("y")
        return _Raw(kind, s, e, _two_digit_year(yv) if yv else None, 4 * (t - 1) + 1, None, "quarter")
    if kind == "half":
        h = int(g["h"]) if g.get("h") else ORDINALS.get((g.get("hw") or "").lower())
        if not h or h > 2:
            return None
        yv = g.get("y")
        return _Raw(kind, s, e, _two_digit_year(yv) if yv else None, 1 if h == 1 else 7, None, "half")
    if kind == "week":
        w = int(g["w"])
        if not 1 <= w <= 53:
            return None
        yv = g.get("y")
        return _Raw(kind, s, e, int(yv) if yv else None, None, None, "week", extra={"week": w})
    if kind == "season":
        name = g["s"].lower()
        if g.get("same"):
            return _Raw(kind, s, e, "same", SEASONS[name], None, "season")
        yv = g.get("y")
        if yv is None:
            if name not in SEASON_BARE_OK:
                return None
            before = text[max(0, s - 12):s].lower().split()
            if before and before[-1] in HABITUAL_SEASON_BEFORE:
                return None  # 'om vinteren': every winter, not a date
            return _Raw(kind, s, e, None, SEASONS[name], None, "season")
        if yv.strip().startswith("-") and len(yv.strip().lstrip("- ")) == 2 and name not in SEASON_BARE_OK:
            return None
        return _Raw(kind, s, e, _two_digit_year(yv), SEASONS[name], None, "season")
    if kind == "newyear":
        yv = g.get("y")
        return _Raw(kind, s, e, int(yv) if yv else None, 1, None, "season", extra={"newyear": True})
    if kind == "yearrange":
        y1 = int(g["y"])
        y2s = g["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if g["sep"] == "/" and y2 != y1 + 1:
            return None  # '2013/1234' is a case number; '2017/18' a season or school year
        if not y1 < y2 <= y1 + 30:
            if not (len(y2s) == 4 and 1950 <= y2 <= 2099 and y2 < y1):
                return None  # keep a reversed range: date_order flags it
        return _Raw(kind, s, e, y1, 1, 1, "year", extra={"y2": y2})
    if kind == "year":
        if _is_not_year(text, m, cell):
            return None
        return _Raw(kind, s, e, int(g["y"]), 1, 1, "year")
    return None


_PRIORITY = {k: i for i, (k, _) in enumerate(PATTERNS)}
_PRIORITY["daymon_num"] = len(PATTERNS)


def _select(raws: list[_Raw]) -> list[_Raw]:
    """Longest match first; where two are as long, the earlier pattern. No overlaps."""
    raws.sort(key=lambda r: (-(r.end - r.start), _PRIORITY[r.kind], r.start))
    taken: list[_Raw] = []
    for r in raws:
        if all(r.end <= t.start or r.start >= t.end for t in taken):
            taken.append(r)
    taken.sort(key=lambda r: r.start)
    return taken


ROLL_BACK_TOLERANCE = 45  # days a yearless date may fall before the date above it in a sequence


def _resolve(r: _Raw, ctx: dt.date | None, roll_forward: bool,
             same: dt.date | None) -> tuple[dt.date | None, bool]:
    """The date a raw match names, and whether its year was written. `same` is the date that
    'samme år' refers to (the last date written before it)."""
    year = r.year
    given = isinstance(year, int)
    if year == "same":
        year = same.year if same else (ctx.year if ctx else None)
        given = False
    elif year is None:
        if ctx is None:
            return None, False
        year = ctx.year
        if r.extra and r.extra.get("newyear") and ctx.month >= 7:
            year = ctx.year + 1  # 'på nyåret' written in the autumn: the coming January
        elif roll_forward and r.month is not None and _valid(year, r.month, r.day or 1):
            # a sequence goes forward, but lists of steps are not strictly ordered: a date a few weeks
            # before the one above it ('innen 1. juli' above 'lørdag 22. juni') stays in that year
            if dt.date(year, r.month, r.day or 1) < ctx - dt.timedelta(days=ROLL_BACK_TOLERANCE):
                year += 1
    if year is None:
        return None, given
    if r.kind == "week":
        try:
            return dt.date.fromisocalendar(year, r.extra["week"], 1), given
        except ValueError:
            return None, given
    month = r.month or 1
    day = r.day if r.precision == "day" and r.day else 1
    if r.extra and r.extra.get("part") == "mid" and r.precision == "day":
        day = 15
    if not _valid(year, month, day):
        return None, given
    return dt.date(year, month, day), given


def find_dates(text: str, context: dt.date | None = None, roll_forward: bool = False,
               cell: bool = False) -> list[DateMatch]:
    """Every date expression in `text`, in order.

    context: the date that a date without a year takes its year from. roll_forward: read the text as
    a sequence, so a date without a year falls on or after the date before it (timetables, narratives).
    cell: the text is a date field (a timetable's date cell): '13.11' and bare abbreviations count.
    """
    raws = [r for s, e, kind, m in _candidates(text, cell) if (r := _parse(kind, m, text, cell))]
    raws = _select(raws)
    out: list[DateMatch] = []
    ctx = context
    last_given: dt.date | None = None
    for r in raws:
        date, given = _resolve(r, ctx, roll_forward, last_given)
        precision = r.precision
        end_date, end_prec = None, None
        if r.kind == "yearrange":
            end_date, end_prec = dt.date(r.extra["y2"], 1, 1), "year"
        elif r.kind == "monrange" and date:
            m2 = r.extra["m2"]
            y2 = date.year + (1 if m2 < date.month else 0)
            end_date, end_prec = dt.date(y2, m2, 1), "month"
        elif r.kind == "dayrange" and date:
            d2 = r.extra["d2"]
            if _valid(date.year, date.month, d2) and d2 > date.day:
                end_date, end_prec = dt.date(date.year, date.month, d2), "day"
        before = text[max(0, r.start - 24):r.start]
        q = QUALIFIER_BEFORE.search(before)
        qualifier = QUALIFIERS[q.group(1).lower()] if q else None
        if r.kind == "partof" and r.extra:
            qualifier = qualifier or ("approx" if r.extra["part"] == "mid" else None)
        after = text[r.end:]
        open_end = bool(OPEN_END_AFTER.match(after)) and not re.match(r"[ \t]*[-–][ \t]*\d", after)
        end = r.end
        out.append(DateMatch(r.start, end, text[r.start:end], date, precision, end_date, end_prec,
                             qualifier, open_end, given))
        if date is not None:
            if given:
                last_given = date
            if roll_forward or (context is None and given):
                ctx = date
    return _join_periods(text, out)


def _join_periods(text: str, matches: list[DateMatch]) -> list[DateMatch]:
    """'01.01.2014-31.12.2016', '1. mars til 30. juni 2019': two dates joined by a dash or 'til' are
    one period. A first date without a year takes the second's ('1. mars - 30. juni 2019')."""
    out: list[DateMatch] = []
    i = 0
    while i < len(matches):
        a = matches[i]
        if i + 1 < len(matches):
            b = matches[i + 1]
            gap = text[a.end:b.start]
            if PERIOD_JOIN.match(gap) and a.end_date is None and b.date is not None:
                start = a.date
                if not a.year_given and b.year_given and a.date is not None:
                    try:
                        start = a.date.replace(year=b.date.year)
                    except ValueError:
                        start = a.date
                    if start > b.date:
                        start = start.replace(year=b.date.year - 1)
                out.append(replace(a, end=b.end, text=text[a.start:b.end], date=start,
                                   end_date=b.date, end_precision=b.precision, open_end=False,
                                   year_given=a.year_given or b.year_given))
                i += 2
                continue
        out.append(replace(a, open_end=a.open_end))
        i += 1
    return out


def first_date(text: str, context: dt.date | None = None, cell: bool = False) -> DateMatch | None:
    """The first date in `text` that resolves to a day, or None."""
    for m in find_dates(text, context, cell=cell):
        if m.date is not None:
            return m
    return None


def iso_prefix(m: DateMatch) -> str | None:
    """The date cut to the precision written: '2017-04' for 'apr 2017', '2017' for 'våren 2017'."""
    if m.date is None:
        return None
    if m.precision in ("day", "week"):
        return m.date.isoformat()
    if m.precision == "month":
        return m.date.isoformat()[:7]
    return str(m.date.year)
