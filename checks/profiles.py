"""What one document says about its project, read from its facts and rows: the project's names,
case numbers, people, amounts and organisations (evidence for linking), in a form two documents
can be compared by.

Pure: built from a DocumentRow and that document's rows, no text beyond the rows' own words.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from extractors.lang.nb.projects import (BODY_WORDS, CASE_LABELS, COMMON_ORGANISATIONS, GENERIC_NAME_WORDS,
                                         GENRE_TITLE_WORDS)
from schemas.rows import DocumentRow

_WORD = re.compile(r"[0-9A-Za-zÆØÅæøåÄÖÜäöüÉéÈèÁáÓóÔô]+(?:[-'][0-9A-Za-zÆØÅæøåÄÖÜäöüÉéÈèÁáÓóÔô]+)*")
_SUFFIXES = ("ene", "ane", "en", "et", "er", "a", "e")  # definite and plural endings: 'Vestfjorden'
_QUOTED = re.compile(r"[«“\"]([^«»“”\"\n]{3,80})[»”\"]")
_PHRASE_SPLIT = re.compile(r"\s+[–—-]\s+|:\s+|\s*\|\s*|[()\[\]]|,\s+")
_CASE = re.compile(r"(?<![\w/])(?:(?P<label>" + "|".join(sorted((re.escape(c) for c in CASE_LABELS), key=len, reverse=True))
                   + r")[.:]?\s*\|?\s*(?:nr\.?\s*)?)?(?P<num>\d{1,4}/\d{2,6})(?:-\d+)?(?![\w/])", re.IGNORECASE)
_MIXED_CASE = re.compile(r"^[a-zæøå]+[A-ZÆØÅ]|^[A-ZÆØÅ]{2,}[a-zæøå]|[a-zæøå][A-ZÆØÅ]")  # 'smartPACK', 'BioHub'


def norm(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "").casefold()


def stem(word: str) -> str:
    """A word without its definite or plural ending, so 'Vestfjorden' and 'Vestfjord' compare equal."""
    w = norm(word)
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


def words(text: str | None) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text or ""))


def person_key(name: str | None) -> str:
    return " ".join(w.casefold() for w in _WORD.findall(unicodedata.normalize("NFC", name or "")))


@functools.lru_cache(maxsize=512)
def whole_words(vocab: tuple[str, ...]) -> re.Pattern:
    """One compiled pattern: any of `vocab` standing as whole words (compiled once per word list;
    checks ask this thousands of times per archive)."""
    return re.compile(r"(?<![\wæøå])(?:" + "|".join(re.escape(w) for w in vocab) + r")(?![\wæøå])")


def has_word(text: str | None, vocab) -> bool:
    """Whether any of the words or phrases in `vocab` stands in `text` as whole words."""
    vocab = tuple(vocab)
    return bool(vocab) and whole_words(vocab).search(norm(text)) is not None


def same_person(a: str, b: str) -> bool:
    """Two written forms of one person: equal, or equal first and last names ('Kari A. Bunes')."""
    if a == b:
        return True
    pa, pb = a.split(), b.split()
    return len(pa) >= 2 and len(pb) >= 2 and pa[0] == pb[0] and pa[-1] == pb[-1]


def _is_generic(w: str) -> bool:
    n = norm(w)
    return (n in GENERIC_NAME_WORDS or n in GENRE_TITLE_WORDS or stem(n) in GENERIC_NAME_WORDS
            or n.isdigit() or len(n) < 3 or bool(re.fullmatch(r"\d+[a-z]?", n)))


@dataclass(frozen=True)
class Phrase:
    """A name a document gives a project: as written, and its distinctive word stems."""

    text: str
    stems: frozenset[str]
    coined: bool = False  # a made-up word ('smartPACK'): one such word is a name on its own
    source: str = "title"  # title or quote


@dataclass
class Profile:
    """A document's link evidence: names, the stems of all its words, case numbers, people, money."""

    doc: DocumentRow
    phrases: list[Phrase] = field(default_factory=list)
    pool: set[str] = field(default_factory=set)  # stems of every word the document's rows hold
    cases: dict[str, str] = field(default_factory=dict)  # case number -> the words it was read from
    people: dict[str, tuple[str, str]] = field(default_factory=dict)  # person key -> (name, roles)
    amounts: set[int] = field(default_factory=set)
    organisations: set[str] = field(default_factory=set)
    dated_refs: set[str] = field(default_factory=set)  # 'datert 12.02.2024' -> iso dates referred to


def texts_of(doc: DocumentRow, rows: dict[str, list]) -> list[str]:
    """Every passage the document's rows were read from, with its title and date words."""
    out = [doc.title or "", doc.project_end_text or "", doc.doc_date_text or ""]
    for name, lst in rows.items():
        for r in lst:
            for attr in ("source_text", "text", "description", "label", "organisation", "role", "person",
                         "due_text", "status", "section"):
                v = getattr(r, attr, None)
                if isinstance(v, str) and v:
                    out.append(v)
    return out


def title_phrases(title: str | None) -> tuple[list[Phrase], set[str]]:
    """The project names a title gives, and the organisations it names ('Regionrådet for X')."""
    phrases, orgs = [], set()
    for part in _PHRASE_SPLIT.split(title or ""):
        ws = words(part)
        if not ws:
            continue
        if any(norm(w) in BODY_WORDS for w in ws):
            orgs.add(" ".join(norm(w) for w in ws if norm(w) not in GENRE_TITLE_WORDS))
            continue
        distinct = [w for w in ws if not _is_generic(w)]
        if distinct:
            phrases.append(Phrase(_span_text(part, distinct[0], distinct[-1]), frozenset(stem(w) for w in distinct),
                                  coined=len(distinct) == 1 and bool(_MIXED_CASE.search(distinct[0]))))
    return phrases, orgs


def _span_text(part: str, first: str, last: str) -> str:
    """The words of `part` from its first distinctive word to its last: the name without genre words
    ('PROSJEKTPLAN smartPACK' -> 'smartPACK')."""
    i = part.find(first)
    j = part.rfind(last)
    return part[i:j + len(last)].strip() if 0 <= i <= j else part.strip()


def quoted_phrases(texts: list[str]) -> list[Phrase]:
    """Names in quotes: «Framover sammen», «Grønn vekst Tveitå» (short quotes only: not speech)."""
    out = []
    for t in texts:
        for m in _QUOTED.finditer(t):
            q = m.group(1).strip()
            ws = words(q)
            if not 1 <= len(ws) <= 6 or q.endswith((".", "!", "?")):
                continue
            distinct = [w for w in ws if not _is_generic(w)]
            if distinct and not any(norm(w) in BODY_WORDS for w in ws):
                out.append(Phrase(q, frozenset(stem(w) for w in distinct), source="quote",
                                  coined=len(distinct) == 1 and bool(_MIXED_CASE.search(distinct[0]))))
    return out


def case_numbers(texts: list[str], decisions: list) -> dict[str, str]:
    """Case numbers the document carries: 'arkivsak 2024/417', 'sak 18/24', decisions' case_number.
    A bare 'nn/nn' counts only with a case label before it (it may be a date or a fraction)."""
    out: dict[str, str] = {}
    for d in decisions:
        for m in _CASE.finditer(d.case_number or ""):
            out.setdefault(m.group("num"), d.case_number)
    for t in texts:
        for m in _CASE.finditer(t):
            if m.group("label"):
                out.setdefault(m.group("num"), m.group(0))
    return out


_COMMON_ORG = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in COMMON_ORGANISATIONS) + r")(?!\w)")


def is_common_organisation(org: str) -> bool:
    """Innovasjon Norge, a fylkeskommune: organisations too common in the genre to link anything."""
    return _COMMON_ORG.search(org) is not None


def is_archive_case(num: str) -> bool:
    """'2024/417' (year/sequence of an archive) is specific; '18/24' (sequence/year of one body) is not."""
    left = num.split("/")[0]
    return len(left) == 4 and left[:2] in ("19", "20")


def build_profile(doc: DocumentRow, rows: dict[str, list]) -> Profile:
    """The link evidence of one document (rows: that document's rows by table)."""
    texts = texts_of(doc, rows)
    phrases, orgs = title_phrases(doc.title)
    phrases += quoted_phrases(texts)
    p = Profile(doc, phrases=phrases, organisations=orgs)
    for t in texts:
        for w in words(t):
            p.pool.add(stem(w))
            if "-" in w:  # 'smartPACK-deltakerne' names smartPACK too
                p.pool.update(stem(x) for x in w.split("-") if x)
    p.cases = case_numbers(texts, rows.get("decisions", []))
    for r in rows.get("roles", []):
        key = person_key(r.person)
        if len(key.split()) < 2:
            continue
        name, roles = p.people.get(key, (r.person, ""))
        p.people[key] = (name, f"{roles}; {r.role}" if roles else (r.role or ""))
        if r.organisation:
            p.organisations.add(norm(r.organisation))
    for b in rows.get("budget_lines", []):
        if b.amount_nok and b.amount_nok >= 10_000:
            p.amounts.add(int(b.amount_nok))
    p.organisations = {o for o in p.organisations if o and not is_common_organisation(o)}
    for t in texts:
        for m in re.finditer(r"datert\s+(\d{1,2})\.(\d{1,2})\.(\d{4})", t):
            d, mth, y = (int(x) for x in m.groups())
            p.dated_refs.add(f"{y:04d}-{mth:02d}-{d:02d}")
    return p


def merge(profiles: list[Profile]) -> Profile:
    """One profile for a document kept in several files (.docx and .pdf of the same text)."""
    first = profiles[0]
    out = Profile(first.doc, phrases=list(first.phrases), pool=set(first.pool), cases=dict(first.cases),
                  people=dict(first.people), amounts=set(first.amounts), organisations=set(first.organisations),
                  dated_refs=set(first.dated_refs))
    for p in profiles[1:]:
        out.phrases += [x for x in p.phrases if x not in out.phrases]
        out.pool |= p.pool
        for k, v in p.cases.items():
            out.cases.setdefault(k, v)
        for k, v in p.people.items():
            out.people.setdefault(k, v)
        out.amounts |= p.amounts
        out.organisations |= p.organisations
        out.dated_refs |= p.dated_refs
    return out
