"""decision_vs_budget: a decision grants or frames an amount that the same document's budget or
financing contradicts.

Three ways a decision and the money disagree:
- inside one decision: it sets a frame ('avsetter inntil kr 15 mill.') and finances less or more
  ('Programmet finansieres med kr 10 mill.');
- against the budget: it grants an amount from a source ('innvilges kr 350 000 fra kommunens
  næringsfond') where the document's financing lines for that source say another amount (250 000);
- against the plan: a council sets aside a frame ('sette av inntil kr 1,2 mill.') and the document
  plans more of the council's own money ('Kommunens bidrag er kr 600 000 pr år ..., til sammen kr
  1,8 mill.').
Agreement anywhere (a line for the same source with the same amount) raises nothing. Only the
decision that stands is compared: where a case was adopted (after amendments), its proposals are not,
and amounts said of a fund's remaining balance ('fondet har 148 000 kroner igjen') are no plan.
"""
from __future__ import annotations

import re

from checks.profiles import whole_words
from schemas.rows import Decision, DocumentRow, Evidence, Flag, Rule, Severity
from extractors.amounts import find_amounts
from extractors.decisions import first_sentence, sentences
from extractors.lang.nb import decisions as nb

_WORD = re.compile(r"[a-zæøåäöü]+")
_STOP = frozenset({"og", "i", "til", "av", "for", "med", "på", "fra", "den", "det", "de", "en", "et", "som",
                   "kr", "nok", "mill", "millioner", "over", "år", "om"})


def nok(n: int) -> str:
    """15000000 -> '15 000 000' (Norwegian thousands spacing)."""
    return f"{n:,}".replace(",", " ")


def _cue_before(text: str, pos: int, cues: tuple[str, ...]) -> bool:
    before = text[max(0, pos - 45):pos].lower()
    return whole_words(tuple(cues)).search(before) is not None


def _source_words(text: str, end: int) -> set[str]:
    """Words naming where granted money comes from: 'fra kommunens næringsfond' -> {kommunens, næringsfond}."""
    tail = text[end:end + 80].lower()
    cues = "|".join(re.escape(c) for c in sorted(nb.SOURCE_CUES, key=len, reverse=True))
    m = re.search(rf"(?<![\wæøå])(?:{cues})\s+((?:[a-zæøå\-]+\s*){{1,3}})", tail)
    if not m or m.start() > 40:
        m = re.search(r"(?<![\wæøå])(?:" + "|".join(nb.SHARE_CUES) + r")\s+((?:[a-zæøå\-]+\s*){1,3})", tail)
        # 'som kommunal andel': the share the money is, where a share word says so
        if not m or m.start() > 40 or not set(_WORD.findall(m.group(1))) & set(nb.SHARE_WORDS):
            return set()
    return {w for w in _WORD.findall(m.group(1)) if w not in _STOP and len(w) >= 4}


def _same_word(a: str, b: str) -> bool:
    """'næringsfond' ~ 'næringsfondet', 'kommune' ~ 'kommunens' (one a prefix of the other)."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 5 and long_.startswith(short)


def _overlap(words: set[str], text: str) -> int:
    found = set(_WORD.findall(text.lower()))
    return sum(1 for w in words if any(_same_word(w, f) for f in found))


def _line_span(text: str, pos: int) -> tuple[int, int]:
    """The line (block, numbered point) of a decision's text that holds position `pos`."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (end if end >= 0 else len(text))


def _evidence_in(d: Decision, pos: int) -> Evidence:
    s, e = _line_span(d.source_text, pos)
    base = d.span_start or 0
    return Evidence(d.doc_id, d.page, d.source_text[s:e].strip(), base + s, base + e)


def _line_evidence(line) -> Evidence:
    return Evidence(line.doc_id, line.page, line.source_text, line.span_start, line.span_end)


def _inside(line, decisions: list[Decision]) -> bool:
    if line.span_start is None:
        return False
    return any(d.span_start is not None and d.span_start <= line.span_start < (d.span_end or d.span_start)
               for d in decisions)


def _within_precision(a, b) -> bool:
    tol = max(getattr(a, "precision", 1), getattr(b, "precision_nok", getattr(b, "precision", 1)))
    va = a.value
    vb = b.amount_nok if hasattr(b, "amount_nok") else b.value
    return abs(va - vb) <= tol - 1 if tol > 1 else va == vb


def _what(d: Decision) -> str:
    """'Vedtaket (sak 30/13)' or 'Forslaget til vedtak (sak 31/24)'."""
    head = "Forslaget til vedtak" if d.kind == "proposal" else "Vedtaket"
    return head + (f" (sak {d.case_number})" if d.case_number else "")


def _frame_vs_funding(d: Decision, lines: list) -> Flag | None:
    """A frame and the funding stated in the same decision differ."""
    amounts = find_amounts(d.source_text)
    frames = [a for a in amounts if _cue_before(d.source_text, a.start, nb.FRAME_CUES)]
    funds = [a for a in amounts if a not in frames and _cue_before(d.source_text, a.start, ("finansieres med",
             "finansieres ved", "finansiert med", "dekkes med"))]
    if not frames or not funds:
        return None
    frame = max(frames, key=lambda a: a.value)
    funded = sum(a.value for a in funds)
    tol = max(frame.precision, max(a.precision for a in funds))
    if abs(frame.value - funded) < max(tol, 1):
        return None
    diff = frame.value - funded
    word = "mer" if diff > 0 else "mindre"
    msg = (f"{_what(d)} setter av inntil kr {nok(frame.value)}, men finansierer kr {nok(funded)}; "
           f"rammen er {nok(abs(diff))} kr {word} enn finansieringen i samme vedtak.")
    ev = [_evidence_in(d, frame.start)] + [_evidence_in(d, a.start) for a in funds]
    # The document's own budget lines for the frame amount: the same inconsistency seen from the budget.
    ev += [_line_evidence(x) for x in lines if x.amount_nok == frame.value and x.kind in ("frame", "total")][:1]
    return Flag(rule=Rule.DECISION_VS_BUDGET.value, severity=Severity.WARNING.value, doc_id=d.doc_id,
                message=msg, evidence_items=ev)


def _grant_vs_lines(d: Decision, lines: list) -> Flag | None:
    """A grant from a named source differs from every budget line for that source."""
    for a in find_amounts(d.source_text):
        if _cue_before(d.source_text, a.start, nb.FRAME_CUES + ("finansieres med", "finansiert med")):
            continue
        words = _source_words(d.source_text, a.end)
        if not words:
            continue
        scored = [(_overlap(words, f"{x.label} {x.source_text}"), x) for x in lines]
        best = max((s for s, _ in scored), default=0)
        if best == 0:
            continue
        cands = sorted((x for s, x in scored if s == best), key=lambda x: not x.in_table)
        if any(_within_precision(a, x) for x in cands):
            continue
        other = cands[0]
        diff = a.value - other.amount_nok
        msg = (f"{_what(d)} gir kr {nok(a.value)}, men budsjettet/finansieringen oppgir kr "
               f"{nok(other.amount_nok)} for samme kilde («{other.label}»); differanse {nok(abs(diff))} kr.")
        ev = [_evidence_in(d, a.start)] + [_line_evidence(x) for x in cands[:2]]
        return Flag(rule=Rule.DECISION_VS_BUDGET.value, severity=Severity.WARNING.value, doc_id=d.doc_id,
                    message=msg, evidence_items=ev)
    return None


_TOTAL_CUE = re.compile(r"(?<![\wæøå])(?:til\s+sammen|tilsammen|totalt|i\s+alt|samlet|sum)(?![\wæøå])", re.IGNORECASE)


def _owner_words(body: str | None) -> tuple[str, ...]:
    """The words a document uses for the deciding body's own money: 'Kommunestyret' -> 'kommunens',
    'kommunal', ...; () where the body is not a council of a municipality or a county."""
    low = (body or "").lower()
    return next((words for stem, words in nb.BODY_OWNER if stem in low), ())


def _owner_plan(lines: list, owner: tuple[str, ...]):
    """The largest amount the document plans from the deciding body's own organisation: the stated
    total ('til sammen kr 1,8 mill.') of a sentence whose funding names it ('Kommunens bidrag er ...'),
    else the funding line's own amount. (amount, line) or None."""
    best = None
    for x in lines:
        if x.kind != "funding" or not (set(_WORD.findall(x.label.lower())) & set(owner)):
            continue
        planned = x.amount_nok
        for at, sentence in sentences(x.source_text):
            words = set(_WORD.findall(sentence.lower()))
            if not words & set(owner) or not any(a.value == x.amount_nok for a in find_amounts(sentence)):
                continue
            totals = [a for a in find_amounts(sentence) if _TOTAL_CUE.search(sentence[max(0, a.start - 25):a.start])]
            if totals:
                planned = max(planned, max(a.value for a in totals))
        if best is None or planned > best[0]:
            best = (planned, x)
    return best


def _frame_vs_plan(d: Decision, lines: list) -> Flag | None:
    """A council's frame is smaller than what the document plans of the council's own money."""
    owner = _owner_words(d.body)
    if not owner:
        return None
    frames = [a for a in find_amounts(d.source_text) if _cue_before(d.source_text, a.start, nb.FRAME_CUES)]
    plan = _owner_plan(lines, owner) if frames else None
    if plan is None:
        return None
    planned, line = plan
    frame = max(frames, key=lambda a: a.value)
    tol = max(frame.precision, getattr(line, "precision_nok", 1), 1)
    if planned - frame.value < tol:
        return None  # within the frame
    diff = planned - frame.value
    msg = (f"{_what(d)} setter av inntil kr {nok(frame.value)}, men dokumentet legger til grunn kr {nok(planned)} "
           f"fra samme kilde («{line.label}»); {nok(diff)} kr mer enn vedtaket.")
    return Flag(rule=Rule.DECISION_VS_BUDGET.value, severity=Severity.WARNING.value, doc_id=d.doc_id,
                message=msg, evidence_items=[_evidence_in(d, frame.start), _line_evidence(line)])


def _standing(decisions: list[Decision]) -> list[Decision]:
    """The decisions that stand: in a case that was adopted, the adoption, not the proposals (an
    amendment may have changed the amount)."""
    adopted_cases = {d.case_number for d in decisions if d.kind == "adopted" and d.case_number}
    return [d for d in decisions if d.kind == "adopted" or not d.case_number or d.case_number not in adopted_cases]


def _balance(line) -> bool:
    """A fund's remaining balance ('kulturfondet, som har 148 000 kroner igjen'), not a planned amount."""
    text = (line.source_text or "").lower()
    sentence = next((s for _, s in sentences(text) if nok(line.amount_nok) in s.replace("\u00a0", " ")), text)
    return whole_words(tuple(nb.BALANCE_CUES)).search(sentence) is not None


def check_decision_vs_budget(doc: DocumentRow, rows: dict[str, list]) -> list[Flag]:
    """Flags where a decision that stands and the same document's budget or financing disagree; one
    flag per decision at most, and one per inconsistency where a proposal and its adoption repeat it."""
    every = [d for d in rows.get("decisions", []) if d.source_text]
    decisions = _standing(every)
    lines = [x for x in rows.get("budget_lines", [])
             if x.kind != "total" and not _inside(x, every) and not _balance(x)]
    flags: list[Flag] = []
    seen: set[str] = set()
    for d in decisions:
        flag = _frame_vs_funding(d, lines) or _grant_vs_lines(d, lines) or _frame_vs_plan(d, lines)
        if flag is None:
            continue
        key = re.sub(r"\s+", " ", flag.message)
        if key in seen:  # a proposal and its adoption in the same case say the same
            continue
        seen.add(key)
        flags.append(flag)
    return flags
