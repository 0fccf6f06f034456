"""Norwegian person names by rule: a spaCy component and the plain functions behind it.

A person name is a run of 2-4 capitalised words ('Tom Egil Klausen', 'Anne-Grete Olsen', 'Ida de
Vries', 'Kari A. Nordmann'). In running text the run must open with a common Norwegian given name
(extractors/lang/nb/names.py); where the context already says a person stands here (a 'Navn'
column, a 'Prosjektleder:' field, a signature) any capitalised run that is not an organisation or a
place will do. Runs written in capitals (bylines, letterheads) and runs followed by an organisation
word ('Anders Jahre AS', 'Ringerike kommune') are never names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from extractors.lang.nb.names import GIVEN_NAMES, NOT_NAME_WORDS, ORG_SUFFIXES, ORG_WORDS, PARTICLES
from extractors.lang.nb.roles import ROLE_TITLES, TITLE_SUFFIXES

_UP = "A-ZÆØÅÄÖÜÉÈÁÓ"
_LOW = "a-zæøåäöüéèáóôëïçñ'’"
_WORD = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)*"
_INITIAL = rf"[{_UP}]\."
_PART = "|".join(sorted(PARTICLES, key=len, reverse=True))
# One name word, then more words separated by single spaces, particles or middle initials allowed inside.
_RUN = re.compile(rf"(?<![\w{_LOW}{_UP}-]){_WORD}(?:[ \u00a0]+(?:(?:{_PART})[ \u00a0]+)*(?:{_WORD}|{_INITIAL}))*")
_ORG_AFTER = re.compile(r"^[ \u00a0]*(?:" + "|".join(sorted((re.escape(w) for w in ORG_WORDS), key=len, reverse=True)) + r")\b",
                        re.IGNORECASE)
_TITLES = frozenset(ROLE_TITLES)


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A person name found in a text: the name as written and its character span."""

    start: int
    end: int
    text: str


def is_given_name(word: str) -> bool:
    """True for a common Norwegian given name, or a hyphenated pair of them ('Anne-Grete')."""
    if word in GIVEN_NAMES:
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p in GIVEN_NAMES for p in parts)


def _is_title_word(word: str) -> bool:
    w = word.lower()
    return w in _TITLES or any(w.endswith(s) and len(w) > len(s) + 2 for s in TITLE_SUFFIXES)


def _blocked(word: str) -> bool:
    """Words that cannot be part of a person's name: org and place cues, months, titles."""
    w = word.lower().rstrip(".")
    return w in ORG_WORDS or w in NOT_NAME_WORDS or w.endswith(ORG_SUFFIXES) or _is_title_word(word)


def _trim(words: list[tuple[int, int, str]], known_only: bool) -> list[tuple[int, int, str]]:
    """Cut a capitalised run down to the name inside it, or to nothing."""
    # Open at the first given name (strict) or the first word that may be a name (lenient).
    i = 0
    while i < len(words) and (_blocked(words[i][2]) or words[i][2].endswith(".")
                              or (known_only and not is_given_name(words[i][2]))):
        i += 1
    out = []
    for w in words[i:]:
        if w[2] in PARTICLES:
            out.append(w)
            continue
        if _blocked(w[2]) and not is_given_name(w[2]):
            break
        out.append(w)
    # A name ends in a surname or a given name, never in an initial or a particle.
    while out and (out[-1][2].endswith(".") or out[-1][2] in PARTICLES):
        out.pop()
    # A name starts at its given name: capitalised words before one ('tillitsvalgt i Delta Ola Berg')
    # name the organisation.
    if not known_only and out and not is_given_name(out[0][2]):
        k = next((k for k, w in enumerate(out[1:-1], 1) if is_given_name(w[2])), None)
        if k is not None:
            out = out[k:]
    return out[:4]


def find_names(text: str, known_only: bool = True) -> list[NameSpan]:
    """Person names in `text`. known_only: the name must open with a common given name; otherwise
    (context already says a person stands here) any capitalised run that is not an organisation."""
    found: list[NameSpan] = []
    for m in _RUN.finditer(text):
        words = [(m.start() + t.start(), m.start() + t.end(), t.group())
                 for t in re.finditer(r"\S+", m.group())]
        kept = _trim(words, known_only)
        capitals = [w for w in kept if w[2] not in PARTICLES]
        if len(capitals) < 2:
            continue
        start, end = kept[0][0], kept[-1][1]
        if end == m.end() and _ORG_AFTER.match(text[end:]):
            continue  # 'Anders Jahre AS': a company named after a person
        found.append(NameSpan(start, end, text[start:end]))
    return found


def leading_name(text: str, known_only: bool = False) -> NameSpan | None:
    """The name that opens `text` (after list marks and spaces), or None."""
    lead = re.match(r"^[\s\-–•*·\d.)]*", text).end()
    for n in find_names(text, known_only=known_only):
        if n.start == lead:
            return n
        break
    return None


def is_name(text: str, known_only: bool = False) -> bool:
    """True when `text` (stripped) is exactly one person name."""
    s = text.strip().rstrip(",;:")
    if not s or s.isupper():
        return False
    n = leading_name(s, known_only)
    return n is not None and n.start == 0 and n.end == len(s)


@Language.component("nb_person_names")
def nb_person_names(doc: Doc) -> Doc:
    """spaCy component: mark Norwegian person names as PER entities (keeps entities set earlier)."""
    spans = []
    for n in find_names(doc.text, known_only=True):
        span = doc.char_span(n.start, n.end, label="PER", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.ents = filter_spans(list(doc.ents) + spans)
    return doc
