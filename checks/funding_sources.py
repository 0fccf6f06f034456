"""Who pays a funding line: the source a grant or share comes from, read from the line's label, so
two documents about one project can be compared source by source ('Kommunens andel' against
'Kommunens andel, låneopptak', 'Tilskudd fra Kystverket' against 'Kystverket har gitt tilsagn om').

A source is either a share named by whose it is (kommunens andel, egenandelen: SHARE_SOURCES; a
council that opens the label, 'Kommunestyret vedtok å sette av', stands for kommunens andel) or a
funder named by its proper name: the capitalised words after 'fra', else those the label opens with,
with a body word that follows them ('Vestkyst fylkeskommune'). A subject that receives or applies
('Kystlaget søker kommunen om', 'Laget innvilges') is no source. Lines that are not a source's
contribution (accounts, remainders, per-unit amounts, changes, the project's frame) have no source.

Pure: from a BudgetLine's own words only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checks.profiles import has_word, norm, stem
from extractors.lang.nb.projects import (ACTUALS_WORDS, APPLIED_WORDS, BODY_WORDS, FUNDER_BODY_WORDS,
                                         FUNDING_GENERIC_WORDS, GENERIC_NAME_WORDS, GENRE_TITLE_WORDS,
                                         NOT_CONTRIBUTION_WORDS, PER_YEAR_WORDS, RECEIVER_VERBS, SHARE_SOURCES,
                                         SUBJECT_SHARE_SOURCES, TOTAL_LABEL_WORDS)

_TOKEN = re.compile(r"[0-9A-Za-zÆØÅæøåÄÖÜäöüÉéÈèÁáÓóÔô]+(?:[-'’][0-9A-Za-zÆØÅæøåÄÖÜäöüÉéÈèÁáÓóÔô]+)*|[,.;:–—()]")
_PAREN = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True)
class Source:
    """Whose money a line is: a comparable key, the words as written, and whether it is only applied
    for or expected (a stage, not a fact to compare with a grant)."""

    key: frozenset[str]
    text: str
    applied: bool = False
    period: str | None = None  # '2025', 'per_year' or None (the whole period)


def own_label(line) -> str:
    """The label without the heading it was prefixed with ('Saksopplysninger: Kystverket har ...')."""
    label = " ".join((line.label or "").split())  # a PDF breaks lines inside a phrase
    sec = " ".join((line.section or "").split())
    if sec and label.startswith(sec):
        label = label[len(sec):].lstrip(" :–-")
    return label


def _is_stop(tok: str) -> bool:
    """A word that never names a funder on its own: the genre's money words, function words, numbers."""
    n = norm(tok)
    return (n in FUNDING_GENERIC_WORDS or n in GENERIC_NAME_WORDS or n in GENRE_TITLE_WORDS
            or stem(n) in FUNDING_GENERIC_WORDS or n.isdigit() or not n[:1].isalnum())


def _breaks(tok: str) -> bool:
    n = norm(tok)
    return n in FUNDING_GENERIC_WORDS or n in GENRE_TITLE_WORDS or stem(n) in FUNDING_GENERIC_WORDS


def _run_at(toks: list[str], i: int) -> list[str]:
    """The proper name that starts at toks[i]: capitalised words, a body word after them ('Vestkyst
    fylkeskommune') and a name after 'for' a body ('Regionrådet for Vestfjorden'). Empty where toks[i]
    starts none, or the name is a body alone ('Kommunestyret' decides, it does not pay) or one generic
    word ('Prosjektet')."""
    run: list[str] = []
    while i < len(toks):
        t = toks[i]
        if t[:1].isupper() and not _breaks(t):
            run.append(t)
        elif run and norm(t) in BODY_WORDS:
            run.append(t)
        elif (run and norm(t) == "for" and norm(run[-1]) in BODY_WORDS and i + 1 < len(toks)
              and toks[i + 1][:1].isupper() and not _breaks(toks[i + 1])):
            run.append(t)
        else:
            break
        i += 1
    if not run or all((norm(t) in BODY_WORDS and norm(t) not in FUNDER_BODY_WORDS) or norm(t) == "for"
                      for t in run):
        return []
    if all(_is_stop(t) for t in run):
        return []  # 'Prosjektet', 'Delprosjekt Regionalt': generic words, no name
    return run


def leading_name(text: str) -> list[str]:
    """The funder a label opens with, after numbering and money words ('2. Tveitå kommune bidrar',
    'Dugnad, Lauvnes turlag', 'Kystverket har gitt tilsagn om'); empty where it opens otherwise."""
    toks = _TOKEN.findall(text)
    i = 0
    while i < len(toks) and (_breaks(toks[i]) or (_is_stop(toks[i]) and not toks[i][:1].isupper())):
        i += 1
    return _run_at(toks, i) if i < len(toks) else []


def _from_name(text: str) -> list[str]:
    """The proper name right after 'fra' ('Tilskudd fra Vestkyst fylkeskommune'), not one further on."""
    toks = _TOKEN.findall(text)
    for i, t in enumerate(toks[:-1]):
        if norm(t) in ("fra", "frå"):
            run = _run_at(toks, i + 1)
            if run:
                return run
    return []


def _share(head: str, subject_ok: bool) -> str | None:
    """A share named by whose it is ('Kommunens andel'), or a council opening the label as the one that
    pays ('Kommunen har satt av', 'Kommunestyret vedtok å sette av')."""
    toks = [norm(t) for t in _TOKEN.findall(head) if not _is_number_or_mark(t)]
    if subject_ok and toks and toks[0] in SUBJECT_SHARE_SOURCES:
        return SUBJECT_SHARE_SOURCES[toks[0]]
    for phrase in sorted(SHARE_SOURCES, key=len, reverse=True):
        if has_word(head, (phrase,)):
            return SHARE_SOURCES[phrase]
    return None


def _is_number_or_mark(tok: str) -> bool:
    return tok.isdigit() or not tok[:1].isalnum()


def _after(line, label: str) -> str:
    """The words that follow the amount in its passage ('148 000 kroner igjen for 2023'): the label
    holds only the words before it."""
    text = line.source_text or ""
    tail = label[-25:].strip()
    i = text.find(tail) if tail else -1
    return text[i + len(tail):i + len(tail) + 50] if i >= 0 else ""


def _period(line) -> str | None:
    if line.period:
        return "per_year" if line.period == "per_year" else str(line.period)
    if has_word(f"{line.label} {line.source_text or ''}", PER_YEAR_WORDS):
        return "per_year"
    return None


def funding_source(line) -> Source | None:
    """The source a funding line (kind funding or frame) comes from, or None where the line is no
    source's contribution or names none."""
    if line.kind not in ("funding", "frame"):
        return None
    label = own_label(line)
    context = f"{label} {line.section or ''}"
    after = _after(line, label)
    if has_word(context, ACTUALS_WORDS) or has_word(f"{label} {after}", NOT_CONTRIBUTION_WORDS):
        return None
    head = _PAREN.sub(" ", label)
    if has_word(head, TOTAL_LABEL_WORDS):
        return None  # the project's frame or a sum: compared as a total, not as a source
    applied = has_word(label, APPLIED_WORDS)
    period = _period(line)
    # who gives: the funder after 'fra' first ('Tilskudd fra Kystverket'), then a share by whose it is,
    # then a funder right behind the amount ('fått kr 500 000 fra Innovasjon Norge'), last the funder
    # the label opens with ('Kystverket har gitt tilsagn om')
    # (a subject that receives or applies, 'Kystlaget søker kommunen om', is no source)
    subject_pays = not has_word(head, RECEIVER_VERBS)
    run = _from_name(head)
    if run:
        return _named(run, applied, period)
    share = _share(head, subject_pays)
    if share:
        return Source(frozenset({share}), share, applied, period)
    run = _from_name(" ".join(re.split(r"[.,;:]", after)[0].split()[:6]))
    if not run and subject_pays:
        run = leading_name(head)
    return _named(run, applied, period) if run else None


def _named(run: list[str], applied: bool, period: str | None) -> Source:
    return Source(frozenset(stem(t) for t in run), " ".join(run), applied, period)
