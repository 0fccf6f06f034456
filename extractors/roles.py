"""Roles: named people with a role in the project, the event or the body, one row per person.

`extract_roles(doc)` reads roles where documents write them:
- fields: 'Forfatter: Kari Nordmann, rådgiver', 'Prosjektleder: Ola Hansen, Ringerike kommune';
- lists under an intro: 'Det er etablert en styringsgruppe som består av følgende personer:' then
  'Name, Org (leder)' lines; minutes' 'Møtende medlemmer:' / 'Forfall:' lists, inline or below;
- tables: 'Navn | Rolle | Organisasjon' and 'Navn | Funksjon | Representerer' attendance tables,
  and 'Prosjektleder: | Name' or 'Org: | Name, title' contact tables;
- signatures: a name line, a title line and an organisation line;
- prose: 'prosjektleder Jørgen Hansen', 'Prosjektleder er Kari Nordmann', 'Kari Nordmann, daglig
  leder i X, er ansvarlig for ...', and people quoted in articles ('..., sa Hansen').
Person names come from the rule-based spaCy pipeline (extractors.names); a person named without a
role gets no row. A person with several roles gets one row, the roles joined by '; '.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import spacy
from spacy.language import Language

from schemas.document import Block, BlockKind, Document
from schemas.rows import Role
from extractors import names as _names  # noqa: F401  (registers the nb_person_names component)
from extractors.decisions import first_sentence, sentences
from extractors.names import find_names, is_given_name, is_name, leading_name
from extractors.lang.nb import roles as nb
from extractors.lang.nb.names import ORG_SUFFIXES as _ORG_SUFFIX

_NLP: Language | None = None


def nlp() -> Language:
    """The role pipeline, built once per process: blank Norwegian, an entity ruler for role titles
    (ROLE) and the person-name component (PER). Loads offline: nothing is downloaded."""
    global _NLP
    if _NLP is None:
        pipe = spacy.blank("nb")
        ruler = pipe.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
        ruler.add_patterns([{"label": "ROLE", "pattern": t} for t in nb.ROLE_TITLES])
        pipe.add_pipe("nb_person_names")
        _NLP = pipe
    return _NLP


_TITLE_WORDS = sorted(nb.ROLE_TITLES, key=len, reverse=True)
_ORG_CUE = re.compile(r"(?<![\wæøå])(?:" + "|".join(re.escape(c) for c in nb.ORG_CUES) + r")(?![\wæøå])",
                      re.IGNORECASE)
_GROUP = re.compile(r"\b(" + "|".join(nb.GROUPS) + r")(en|et|a|n|t)?\b", re.IGNORECASE)
_SPEECH = re.compile(r"(?:\b(?:" + "|".join(nb.SPEECH_VERBS) + r")\s+(?:[a-zæøå]+\s+){0,2}(?P<a>[A-ZÆØÅ][\wæøå\-]+))|"
                     r"(?:(?P<b>[A-ZÆØÅ][\wæøå\-]+)\s+(?:" + "|".join(nb.SPEECH_VERBS) + r")\b)")
_PERSON_LABELS = ("forfatter", "saksbehandler", "kontaktperson", "møteleder", "sekretær", "referent",
                  "protokollfører", "utarbeidet av", "skrevet av", "godkjent av")
_ADJ = ("ekstern", "intern", "ny", "konstituert", "fungerende", "tidligere", "daglig", "assisterende")


_TITLE_RE = re.compile(r"(?<![\wæøå])(?:" + "|".join(re.escape(t) for t in _TITLE_WORDS) + r")(?![\wæøå])")


def is_title(text: str) -> bool:
    """True where `text` holds a role title ('Fylkesrådmann', 'adm. dir.', 'kommunikasjonssjef')."""
    low = text.lower()
    if _TITLE_RE.search(low):
        return True
    return any(w not in nb.NOT_TITLES and any(w.endswith(s) for s in nb.TITLE_SUFFIXES)
               for w in re.findall(r"[\wæøå]+", low))


def is_org(text: str) -> bool:
    """True where `text` names an organisation ('Ringerike kommune', 'Bama-Gruppen AS')."""
    t = text.strip()
    if not t:
        return False
    return bool(_ORG_CUE.search(t)) or any(w.lower().endswith(_ORG_SUFFIX) for w in t.split())


def _person_ok(name: str) -> bool:
    """A name found by context (a Navn column, a field) still must not look like an organisation."""
    return not name.isupper() and not is_org(name) and not is_title(name)


def _definite(group: str) -> str:
    g = group.lower()
    if g.endswith(("en", "et", "a")) and not g.endswith("råd"):
        return g
    if g.endswith("e"):
        return g + ("t" if g.endswith("styre") else "n")
    return g + "et"


@dataclass
class _Person:
    person: str
    roles: list[str] = field(default_factory=list)
    org: str | None = None
    page: int | None = None
    start: int | None = None
    end: int | None = None


class _Roles:
    """Collects roles per person (by name, case-insensitive), first provenance kept."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.people: dict[str, _Person] = {}

    def add(self, person: str, role: str | None, org: str | None, page: int | None, start: int, end: int) -> None:
        person = " ".join(person.split())
        role = " ".join((role or "").split()).strip(" ,;:")
        if not role or not person:
            return
        if "; " in role:  # several roles at once ('kommunedirektør; prosjekteier'): each on its own
            for part in role.split("; "):
                self.add(person, part, org, page, start, end)
            return
        key = person.casefold()
        # 'Ingeberg' alone after 'Jørgen Ingeberg': the same person.
        p = self.people.get(key)
        if p is None:
            p = self.people[key] = _Person(person, page=page, start=start, end=end)
        if not any(role.lower() == r.lower() or role.lower() in r.lower() for r in p.roles):
            p.roles = [r for r in p.roles if r.lower() not in role.lower()] + [role]
        if org and not p.org:
            p.org = org.strip(" ,.;:()")

    def rows(self) -> list[Role]:
        out = []
        for p in self.people.values():
            src = self.doc.text[p.start:p.end] if p.start is not None else ""
            # 'leder av arbeidsgruppen' says 'medlem av arbeidsgruppen' already.
            led = {r.lower().split(" av ", 1)[1] for r in p.roles if re.match(r"(?:nest)?leder av ", r.lower())}
            roles = [r for r in p.roles if not (r.lower().startswith("medlem av ") and r.lower()[10:] in led)]
            out.append(Role(doc_id=self.doc.doc_id, person=p.person, role="; ".join(roles),
                            organisation=p.org, page=p.page, source_text=src, span_start=p.start,
                            span_end=p.end))
        return out


def _split_details(rest: str) -> tuple[list[str], str | None]:
    """', Næringssjef i Ringerike, prosjektleder for X (leder)' -> (title parts, organisation)."""
    titles, org = [], None
    for paren in re.findall(r"\(([^)]*)\)", rest):
        if is_title(paren) or re.search(r"%|\bstilling\b", paren):
            titles.append(paren.strip())  # '(leder)', '(80 % stilling)'
        elif re.search(r"\d", paren) or re.match(r"\s*(?:sak|jf|se)\b", paren, re.IGNORECASE):
            continue  # '(sak FSK-045/23)': which case, not where the person works
        elif paren.strip() and org is None and len(paren.split()) <= 5:
            org = paren.strip()
    rest = re.sub(r"\([^)]*\)", " ", rest)
    for part in re.split(r"[,;]|\s+[-–]\s+", rest):
        part = part.strip(" .:\t")
        if not part or re.match(r"^(?:tlf|mob|e-post|epost|telefon)\b", part, re.IGNORECASE) or "@" in part:
            continue
        if is_title(part):
            titles.append(part)
            m = re.search(r"\b(?:i|ved|hos)\s+([A-ZÆØÅ][\wæøåÆØÅ\-\. ]+)$", part)
            if m and org is None:
                org = m.group(1).strip()
        elif org is None and (is_org(part) or part[:1].isupper()):
            org = re.sub(r"^(?:fra|i|ved|hos)\s+", "", part)
    return titles, org


def _title_and_org(line: str) -> tuple[str, str | None]:
    """'Direktør Innovasjon Norge Oppland' -> ('Direktør', 'Innovasjon Norge Oppland');
    'Daglig leder, Firma AS' -> ('Daglig leder', 'Firma AS')."""
    if "," in line:
        a, b = line.split(",", 1)
        if is_title(a) and is_title(b) and not is_org(b) and len(b.split()) <= 3:
            return f"{a.strip()}; {b.strip()}", None  # 'kommunedirektør, prosjekteier': two roles
        if is_title(a):
            return a.strip(), b.strip() or None
    words = line.split()
    cut = 0
    for k in range(len(words), 0, -1):
        if is_title(" ".join(words[:k])) and not is_title(" ".join(words[k - 1:k])) is False:
            cut = k
            break
    if cut == 0:
        return line.strip(), None
    # Extend over lowercase words that belong to the title ('daglig leder', 'adm. dir.').
    while cut < len(words) and not words[cut][:1].isupper():
        cut += 1
    org = " ".join(words[cut:]).strip() or None
    return " ".join(words[:cut]), org


def extract_roles(doc: Document) -> list[Role]:
    """One row per person who holds a role in the document's project, event or body."""
    acc = _Roles(doc)
    blocks = doc.blocks
    quoted = {m.group("a") or m.group("b") for m in _SPEECH.finditer(doc.text)}
    texts = [(i, b) for i, b in enumerate(blocks) if b.kind is not BlockKind.TABLE]
    parsed = dict(zip((i for i, _ in texts), nlp().pipe(b.text for _, b in texts)))
    context: str | None = None  # a list's role, set by an intro ('Forfall:', 'Styringsgruppen består av:')
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind is BlockKind.TABLE:
            _table(acc, b, context)
            context = None
            i += 1
            continue
        _group_prose(acc, b)
        intro = _intro(b)
        if intro is not None:
            role, inline = intro
            if inline:
                _entries(acc, b, inline, role)
                _prose(acc, b, parsed[i], quoted, lead_only=True)
            j = i + 1
            while j < len(blocks) and blocks[j].kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
                if _is_sentence(blocks[j].text) or not _entry(acc, blocks[j], blocks[j].text, role, 0):
                    break
                j += 1
            if j < len(blocks) and blocks[j].kind is BlockKind.TABLE:
                context = role
            elif j == i + 1 and b.kind is BlockKind.HEADING:
                context = role
            i = max(j, i + 1)
            continue
        if b.kind is BlockKind.HEADING:
            context = None
        if _field(acc, b):
            i += 1
            continue
        used = _signature(acc, blocks, i)
        if used:
            i += used
            continue
        _prose(acc, b, parsed[i], quoted)
        i += 1
    return acc.rows()


def _intro(b: Block) -> tuple[str, str | None] | None:
    """(role for the listed people, inline list after the colon) where the block opens a list of
    members or attendees; None otherwise."""
    text = b.text.strip()
    low = text.lower()
    head, sep, inline = text.partition(":")
    hl = head.lower().strip()
    for label, role in nb.ATTENDANCE_LABELS:
        if hl == label or (hl.startswith(label) and len(hl.split()) <= len(label.split()) + 2):
            if not sep and b.kind is not BlockKind.HEADING:
                return None
            return (role or "til stede"), (first_sentence(inline.strip()) or None)
    # The group the list is of is named in the sentence that opens it ('Prosjekteier er Vik regionråd.
    # Styringsgruppen består av:'), not in an earlier sentence of the same paragraph.
    tail = re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", head)[-1]
    g = _GROUP.search(head, len(head) - len(tail))
    inline_m = re.search(r"\b(?:består|bestå|bestått|besto|bestod|er sammensatt)\s+av\s+(?P<rest>.+)$", text,
                         re.IGNORECASE | re.DOTALL)
    if g and not sep and inline_m and g.start() < inline_m.start() and find_names(inline_m.group("rest")):
        return f"medlem av {_definite(g.group(1))}", first_sentence(inline_m.group("rest"))
    if g and (sep or b.kind is BlockKind.HEADING) and len(head.split()) <= 16:
        if sep and not re.search(r"består av|følgende|medlemmer|sammensatt|deltakere|personer|bemannet", low) \
                and len(head.split()) > 2:
            return None
        return f"medlem av {_definite(g.group(1))}", (first_sentence(inline.strip()) or None)
    return None


def _is_sentence(text: str) -> bool:
    """A sentence of prose, not a 'Name, Org (role)' entry: long, or with a finite verb."""
    return len(text.split()) > 14 or bool(re.search(r"\b(?:er|har|ble|var|skal|vil|blir)\b", text))


_COMMA = re.compile(r"\s*[,;]\s*")
_AND = re.compile(r"(?<!-)\s+(?:og|samt)\s+")


def _split_top(text: str, sep: re.Pattern) -> list[tuple[int, int]]:
    """Spans of `text` between separators that stand outside parentheses."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(text):
        c = text[i]
        depth += c in "([«"
        depth -= c in ")]»" and depth > 0
        m = sep.match(text, i) if depth == 0 else None
        if m and m.end() > i:
            out.append((start, i))
            start = i = m.end()
            continue
        i += 1
    out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _list_items(text: str) -> list[tuple[int, int]]:
    """The entries of an inline list: comma pieces, a piece split at 'og' only where both sides
    name a person ('kommunalsjef for helse og omsorg Kari Lie' stays one)."""
    out = []
    for a, b in _split_top(text, _COMMA):
        parts = [(a + x, a + y) for x, y in _split_top(text[a:b], _AND)]
        if len(parts) > 1 and all(_names_in(text[x:y]) for x, y in parts):
            out += parts
        else:
            out.append((a, b))
    return out


def _title_from(lead: str) -> str:
    """The title phrase at the end of the words before a name: 'virksomhetsleder ved Vik sykehjem'
    stays, 'Gruppen ledes av avdelingsleder' -> 'avdelingsleder'; '' where no title opens it."""
    words = lead.split()
    for k, w in enumerate(words):
        if is_title(w) or (w.lower() in _ADJ and k + 1 < len(words) and is_title(words[k + 1])) \
                or (k + 1 < len(words) and is_title(f"{w} {words[k + 1]}") and not is_title(words[k + 1])):
            return " ".join(words[k:]) if len(words) - k <= 8 else ""
    return ""


def _names_in(text: str):
    return [n for n in find_names(text, known_only=False) if _person_ok(n.text)]


def _entries(acc: _Roles, b: Block, text: str, role: str) -> None:
    """An inline list 'Kari Nordmann (Ap), Ola Hansen (H) og Per Olsen (Sp)', in either order:
    '<title> <Name>' pieces ('HR-sjef Kari Lie, virksomhetsleder ved Vik sykehjem Ola Berg') or
    '<Name>, <title>, <org>' where the pieces without a name belong to the person before them."""
    offset = b.text.find(text)
    entries: list[list] = []  # [name, piece start, piece end, title written before the name]
    for a, e in _list_items(text):
        names = _names_in(text[a:e])
        if names:
            n = names[0]
            entries.append([n, a, e, text[a:a + n.start].strip(" .:;")])
        elif entries:
            entries[-1][2] = e
    for n, a, e, lead in entries:
        start = a + n.start
        _entry(acc, b, text[start:e], role, offset + start, lead=lead)


def _entry(acc: _Roles, b: Block, text: str, role: str, offset: int, lead: str = "") -> bool:
    """One 'Name, Org (leder)' entry of a list; False where the text does not open with a name.
    `lead`: a title written before the name ('virksomhetsleder ved Vik sykehjem')."""
    n = leading_name(text, known_only=False)
    if n is None or not _person_ok(n.text) or not (is_given_name(n.text.split()[0]) or len(text) < 80):
        return False
    rest = text[n.end:].strip(" ,;.")
    rest = re.sub(r"\s+og\s*$", "", rest)
    rest = re.sub(r"(^|,)\s*som\s+(?:er|var)\s+", r"\1 ", rest)
    titles, org = _split_details(rest)
    lead = _title_from(lead)
    if lead:
        t, o = _split_title_org(lead)
        titles.insert(0, t)
        org = o or org
    base = role
    for t in titles:
        if t.lower() in ("leder", "nestleder", "sekretær") and role.startswith("medlem av "):
            base = f"{t.lower()} av {role[len('medlem av '):]}"
            titles = [x for x in titles if x is not t]
            break
    if role == "forfall" and titles:  # 'Forfall: Kari Nordmann, medlem (H)' -> 'medlem (forfall)'
        base, titles = f"{titles[0]} (forfall)", titles[1:]
    full = "; ".join([base] + titles) if titles else base
    start = b.start + offset + n.start
    acc.add(n.text, full, org, b.page, start, start + len(text.rstrip()))
    return True


_FIELD_RE = re.compile(r"^\s*(?P<label>" + "|".join(
    re.escape(x) for x in sorted(set(nb.FIELD_LABELS) | set(nb.ROLE_TITLES), key=len, reverse=True))
    + r")\s*[:\t]\s*(?P<v>\S.*)$", re.IGNORECASE | re.DOTALL)


def _field(acc: _Roles, b: Block) -> bool:
    """'Forfatter: Kari Nordmann, rådgiver', 'Prosjektleder: Ola Hansen, Ringerike kommune'."""
    m = _FIELD_RE.match(b.text)
    if not m:
        return False
    label = m.group("label").lower()
    value = m.group("v")
    n = leading_name(value, known_only=label not in _PERSON_LABELS)
    lead = ""
    if n is None:  # 'Prosjektansvarlig: kommunalsjef for helse og omsorg Kari Lie'
        first = next(iter(find_names(value)), None)
        lead = value[:first.start].strip(" ,") if first else ""
        if first and is_title(lead) and len(lead.split()) <= 8 and "\n" not in lead:
            n = first
    if n is None or not _person_ok(n.text):
        return False
    # The details end with the field's first sentence ('..., rådgiver i Vik kommune. Prosjektleder
    # rapporterer til ...'): what follows is about the role, not the person's title.
    titles, org = _split_details(first_sentence(value[n.end:]))
    if lead:
        t, o = _split_title_org(lead)
        titles.insert(0, t)
        org = org or o
    if label in _PERSON_LABELS:
        role = ", ".join(titles) + f" ({label})" if titles else label
    else:
        role = "; ".join([label] + titles)
    start = b.start + m.start("v")
    acc.add(n.text, role, org, b.page, b.start, b.end)
    return True


def _signature(acc: _Roles, blocks: list[Block], i: int) -> int:
    """A name line followed by a title line (and an organisation line): 'Rasmus Olav Vigrestad /
    Fylkesrådmann / Oppland fylkeskommune'. Returns the blocks used, 0 where none."""
    b = blocks[i]
    if b.kind is not BlockKind.PARAGRAPH or not is_name(b.text) or i + 1 >= len(blocks):
        return 0
    nxt = blocks[i + 1]
    line = nxt.text.strip()
    if nxt.kind is BlockKind.TABLE or len(line.split()) > 8 or is_name(line) or not is_title(line):
        return 0
    if any(re.search(rf"\b{re.escape(t)}\b", line, re.IGNORECASE) for t in nb.BYLINE_TITLES):
        return 0
    title, org = _title_and_org(line)
    used = 2
    if org is None and i + 2 < len(blocks):
        third = blocks[i + 2]
        if third.kind is BlockKind.PARAGRAPH and len(third.text.split()) <= 6 and is_org(third.text) \
                and not is_name(third.text):
            org, used = third.text.strip(), 3
    acc.add(b.text.strip(), title, org, b.page, b.start, blocks[i + used - 1].end)
    return used


def _prose(acc: _Roles, b: Block, sdoc, quoted: set[str], lead_only: bool = False) -> None:
    """Roles written in running text around a person's name (lead_only: only the titles written
    just before names, for a list whose entries were read already)."""
    ents = list(sdoc.ents)
    text = b.text
    for k, e in enumerate(ents):
        if e.label_ != "PER":
            continue
        person = e.text
        start, end = b.start + e.start_char, b.start + e.end_char
        roles: list[str] = []
        org = None
        # 'prosjektleder Jørgen Hansen', 'ekstern prosjektleder, Jørgen Hansen', 'Prosjektleder er Kari Nordmann'
        prev = ents[k - 1] if k else None
        if prev is not None and prev.label_ == "ROLE":
            between = text[prev.end_char:e.start_char]
            # 'leder i ungdomsrådet, Kari Nordmann', 'daglig leder ved Vik sag, Ola Berg': the title with
            # where it is held, set off by a comma before the name.
            where = re.fullmatch(r"\s+(?:i|ved|hos|på)\s+(?P<o>[\wæøåÆØÅ\-]+(?:\s+[\wæøåÆØÅ\-]+){0,3})\s*,\s*", between)
            if where and not find_names(where.group("o")):
                r0 = prev.start_char
                before = text[:r0].split()
                if before and before[-1].lower() in _ADJ:
                    r0 = text.rfind(before[-1], 0, r0)
                roles.append(text[r0:e.start_char].strip(" ,"))
                org = where.group("o").strip()
            elif re.fullmatch(r"\s*(?:,|er|var|blir|ble)?\s*", between):
                r0 = prev.start_char
                before = text[:r0].split()
                if before and before[-1].lower() in _ADJ:
                    r0 = text.rfind(before[-1], 0, r0)
                roles.append(text[r0:prev.end_char])
        roles += _lead_in(text, e.start_char, ents[k - 1].end_char if k and ents[k - 1].label_ == "PER" else 0)
        if lead_only:
            for r in roles:
                acc.add(person, r, None, b.page, start, end)
            continue
        after = text[e.end_char:]
        # 'Kari Nordmann, adm. dir. i Firma, er ansvarlig for ...' / 'Kari Nordmann (leder)'
        m = (re.match(r"\s*,\s*(?P<app>[^,]{2,80}?)\s*,", after)
             or re.match(r"\s*(?:,\s*(?P<app>[^,]{2,80}?)\s*(?:\.(?:\s|$)|$)|\((?P<par>[^)]{2,60})\))", after))
        if m:
            phrase = (m.group("app") or m.group("par") or "").strip()
            if is_title(phrase) and not find_names(phrase):
                t, o = _split_title_org(phrase)
                roles.append(t)
                org = org or o
            after_app = after[m.end():]
        else:
            after_app = after
        m2 = re.match(r"\s*(?:er|ble|blir|var)\s+(?:valgt\s+(?:til|som)\s+|ansatt\s+som\s+|utnevnt\s+til\s+|konstituert\s+som\s+)?"
                      r"(?P<r>(?:ansvarlig\s+for\s+[\wæøå\- ]+|[\wæøå\.\- ]{2,60}))", after_app)
        if m2:
            phrase = m2.group("r").strip()
            phrase = re.split(r"\s+(?:og|for å|som|med|i)\s+", phrase)[0] if not phrase.startswith("ansvarlig") else phrase
            if phrase.startswith("ansvarlig") or (is_title(phrase) and len(phrase.split()) <= 4):
                roles.append(phrase)
        # 'Prosjektleder er Kari Nordmann, Ringerike kommune'
        if roles and org is None:
            mo = re.match(r"\s*,\s*(?P<o>[A-ZÆØÅ][^,.]{2,60})", after)
            if mo and is_org(mo.group("o")):
                org = mo.group("o").strip()
        # Articles: 'Kari Nordmann fra Firma AS ...' and later '..., sa Nordmann'.
        surname = person.split()[-1]
        if not roles and (surname in quoted or person.split()[0] in quoted):
            mf = re.match(r"\s*(?:\([^)]*\)\s*)?fra\s+(?P<o>[A-ZÆØÅ][\wæøåÆØÅ\-]*(?:\s+[A-ZÆØÅ][\wæøåÆØÅ\-]*)*)", after)
            if mf:
                org = mf.group("o")
                roles.append(f"sitert (fra {org})")
        for r in roles:
            acc.add(person, r, org, b.page, start, end)


_GROUP_WORD = re.compile(r"(?<![\wæøå])(?P<g>[a-zæøå]*?(?:" + "|".join(nb.GROUPS) + r")(?:en|et|a|n|t)?)(?![\wæøå])",
                         re.IGNORECASE)
_LED_BY = re.compile(r"\b(?:" + "|".join(re.escape(x) for x in nb.LED_BY) + r")\s+", re.IGNORECASE)
_AS_ROLE = re.compile(r"\bmed\s+(?P<names>(?:(?!\bmed\b)[^.;:])+?)\s+som\s+(?P<role>"
                      + "|".join(re.escape(w) for w, _ in nb.AS_ROLE) + r")\b", re.IGNORECASE)
_APPROVERS = re.compile(r"(?:" + "|".join(nb.MINUTES_APPROVERS) + r")\s*:?\s*", re.IGNORECASE)
_SUBSTITUTE = re.compile(nb.SUBSTITUTE)
_MOTION = re.compile(nb.MOTION, re.IGNORECASE)


# 'ved Vik bo- og servicesenter og har fem medlemmer': the place named after a person, up to a clause.
_WHERE = re.compile(r"\s+(?:ved|i|hos|fra)\s+(?P<o>[A-ZÆØÅ][^,.;:()]*?)(?=(?<!-)\s+(?:og|som|med|der|hvor)\s+[a-zæøå]+\s|[,.;:()]|$)")


def _group_before(sentence: str, at: int) -> str | None:
    """The group or body named last before position `at` ('en arbeidsgruppe ledet av ...'), definite."""
    found = [m for m in _GROUP_WORD.finditer(sentence[:at])]
    if not found:
        return None
    g = found[-1].group("g")
    return _definite(g[:1].lower() + g[1:])


def _group_prose(acc: _Roles, b: Block) -> None:
    """Roles written around names in sentences about a group or a meeting:
    'en arbeidsgruppe ledet av avdelingsingeniør Kari Lie' (leader), 'med rådgiver Ola Berg og Eva
    Dahl som medlemmer' (members), 'Utvalget, med Per Moe som leder', 'Protokollen godkjennes av Ola
    Berg og Eva Dahl' (approvers of minutes), 'Eva Dahl (Sp) møtte som vara' (substitute)."""
    if b.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING):
        return
    text = b.text
    for s0, sentence in sentences(text):
        for m in _LED_BY.finditer(sentence):
            group = _group_before(sentence, m.start())
            n = next(iter(find_names(sentence[m.end():])), None)
            if not group or n is None:
                continue
            lead = sentence[m.end():m.end() + n.start].strip(" ,")
            if lead and not is_title(lead):
                continue
            roles = ([lead] if lead else []) + [f"leder av {group}"]
            at = b.start + s0 + m.end() + n.start
            after = sentence[m.end() + n.end:]
            mo = _WHERE.match(after)
            for r in roles:
                acc.add(n.text, r, mo.group("o") if mo else None, b.page, at, at + len(n.text))
        for m in _AS_ROLE.finditer(sentence):
            role = dict(nb.AS_ROLE)[m.group("role").lower()]
            group = _group_before(sentence, m.start())
            names_text = m.group("names")
            base = m.start("names")
            for a, e in _list_items(names_text):
                piece = names_text[a:e]
                n = next(iter(_names_in(piece)), None)
                if n is None:
                    continue
                lead = piece[:n.start].strip(" ,")
                at = b.start + s0 + base + a + n.start
                if lead and is_title(lead):
                    t, o = _split_title_org(lead)
                    acc.add(n.text, t, o, b.page, at, at + len(n.text))
                acc.add(n.text, f"{role} av {group}" if group else role, None, b.page, at, at + len(n.text))
        m = _APPROVERS.search(sentence)
        if m:
            for n in _names_in(sentence[m.end():]):
                at = b.start + s0 + m.end() + n.start
                acc.add(n.text, nb.APPROVER_ROLE, None, b.page, at, at + len(n.text))
        for n in _names_in(sentence):
            mm = _MOTION.match(sentence[n.end:])
            if mm:  # the motion says what the member did in the meeting
                at = b.start + s0 + n.start
                acc.add(n.text, f"fremmet {mm.group('m').lower()}", None, b.page, at, at + len(n.text))
        for m in _SUBSTITUTE.finditer(sentence):
            before = _names_in(sentence[:m.start()])
            if before:
                n = before[-1]
                role = "varamedlem" + (f" (møtte som vara for {m.group('for')})" if m.group("for") else "")
                at = b.start + s0 + n.start
                acc.add(n.text, role, None, b.page, at, at + len(n.text))


_LEAD_ROLE_IS = re.compile(r"(?P<role>[A-ZÆØÅa-zæøå][\wæøå\-]*(?:\s+[a-zæøå][\wæøå\-]*){0,2})\s+(?:er|var|blir|ble)\s+"
                           r"(?P<title>[a-zæøå][^,.;:()]{0,60}?)?\s*,?\s*$")
_LEAD_TITLE = re.compile(r"(?P<title>(?:(?:" + "|".join(_ADJ) + r")\s+)?[a-zæøåA-ZÆØÅ][\wæøå\-\.]*(?:\s+for\s+[a-zæøå ]{2,40}?)?)\s*,?\s*$")


def _lead_in(text: str, at: int, floor: int) -> list[str]:
    """Roles written just before a name: 'Prosjektleder er kulturskolerektor Kari Nordmann',
    'Prosjektansvarlig er kommunalsjef for teknisk drift, Ola Hansen', 'ordfører Per Olsen'."""
    cut = max(floor, text.rfind(". ", 0, at) + 2 if text.rfind(". ", 0, at) >= 0 else 0,
              text.rfind(";", 0, at) + 1)
    lead = text[cut:at]
    out: list[str] = []
    m = _LEAD_ROLE_IS.search(lead)
    if m and is_title(m.group("role")) and len(lead[:m.start()].split()) <= 3:
        out.append(m.group("role").strip())
        if m.group("title") and is_title(m.group("title")):
            out.append(m.group("title").strip())
        return out
    m = _LEAD_TITLE.search(lead)
    if m and is_title(m.group("title").split()[-1] if " for " not in m.group("title") else m.group("title").split(" for ")[0]):
        out.append(m.group("title").strip())
    return out


def _split_title_org(phrase: str) -> tuple[str, str | None]:
    m = re.match(r"^(?P<t>.+?)\s+(?:i|ved|hos|for)\s+(?P<o>[A-ZÆØÅ«].*)$", phrase)
    if m and is_title(m.group("t")):
        return m.group("t").strip(), m.group("o").strip()
    return phrase, None


def _cell_name(text: str, known_only: bool = False):
    """(name, title written before it) of a table cell: 'Kari Nordmann' -> (Kari Nordmann, ''),
    'Ordfører Kari Nordmann' -> (Kari Nordmann, 'Ordfører'); (None, '') where no name opens it."""
    n = leading_name(text, known_only=known_only)
    if n is not None:
        return n, ""
    names = find_names(text, known_only=known_only)
    if names and names[0].start > 0:
        lead = text[:names[0].start].strip(" ,:")
        if lead and is_title(lead) and len(lead.split()) <= 3:
            return names[0], lead
    return None, ""


def _headerless_columns(rows) -> tuple[int, int | None, int | None] | None:
    """(name, role, org) column positions of a table without a header row whose first column lists
    people ('Kari Nordmann | leder | Vik kommune'): the first column holds a name in most rows, the
    others are read as a role column (mostly titles) and an organisation column (mostly
    organisations). None where the table is not such a list."""
    if len(rows) < 2 or min(len(r) for r in rows) < 2:
        return None
    named = sum(1 for r in rows if _cell_name(r[0].text, known_only=True)[0] is not None)
    if named < max(2, 0.6 * len(rows)):
        return None
    role_c = org_c = None
    for k in range(1, len(rows[0])):
        cells = [r[k].text.strip() for r in rows if k < len(r) and r[k].text.strip()]
        if not cells:
            continue
        if role_c is None and sum(1 for c in cells if is_title(c)) >= 0.6 * len(cells):
            role_c = k
        elif org_c is None and sum(1 for c in cells if is_org(c)) >= 0.6 * len(cells):
            org_c = k
    if role_c is None and org_c is None:
        return None
    return 0, role_c, org_c


def _table(acc: _Roles, t: Block, context: str | None) -> None:
    """Role and attendance tables ('Navn | Rolle | Organisasjon') and label/contact tables."""
    rows = [[c for c in row] for row in t.rows]
    if not rows:
        return
    header = [c.text.lower().strip(" :") for c in rows[0]]

    def col(keys):
        return next((k for k, h in enumerate(header) if h and any(h.startswith(x) for x in keys)), None)

    name_c, role_c, org_c = col(nb.NAME_HEADERS), col(nb.ROLE_HEADERS), col(nb.ORG_HEADERS)
    data = rows[1:]
    if name_c is None:
        guessed = _headerless_columns(rows)
        if guessed is not None:  # 'Kari Nordmann | leder | Vik kommune' rows without a header row
            name_c, role_c, org_c = guessed
            data = rows
            rows = [rows[0]] + rows  # the column positions are read from rows[0]
    if name_c is not None:
        status = context
        for row in data:
            filled = [c for c in row if c.text.strip()]
            if len(filled) == 1:  # a section row: 'Møtende medlemmer', 'Forfall'
                lab = filled[0].text.strip(" :").lower()
                hit = next((r for l, r in nb.ATTENDANCE_LABELS if lab.startswith(l)), "unset")
                if hit != "unset":
                    status = hit or "til stede"
                    continue
            cell = next((c for c in row if c.col == rows[0][name_c].col), None)
            if cell is None:
                continue
            n, title = _cell_name(cell.text)
            if n is None or not _person_ok(n.text):
                continue
            role = next((c.text for c in row if role_c is not None and c.col == rows[0][role_c].col), "") or ""
            org = next((c.text for c in row if org_c is not None and c.col == rows[0][org_c].col), None) or None
            extra, org2 = _split_details(cell.text[n.end:])
            if title:  # 'Ordfører Kari Nordmann' in the name cell
                extra.append(title.lower())
            side = re.fullmatch(r"(?P<o>[^()]+?)\s*\((?P<p>[^()\d]{2,40})\)", org or "")
            if side and is_org(side.group("o")) and not is_org(side.group("p")):
                # 'Fjord Fisk AS (næringslivet)': whom the member speaks for belongs to the role
                extra.append(f"({side.group('p').strip()})")
                org = side.group("o").strip()
            first_org, _, more = (org or "").partition(",")
            if more.strip() and is_org(first_org) and not is_title(first_org) and is_title(more.strip()):
                extra.append(more.strip())  # 'Vik regionråd, ordfører i Nes': the org, then a title
                org = first_org.strip()
            elif org and is_title(org):  # 'Ordfører i Hamarvik kommune', 'Daglig leder, Firma AS'
                t_, o_ = _title_and_org(org) if "," in org else _split_title_org(org)
                extra.append(t_)
                org = o_
            role = role.strip()
            if context and context.startswith("medlem av ") and role.lower() in (
                    "leder", "nestleder", "medlem", "varamedlem", "sekretær", "observatør"):
                role = f"{role.lower()} {'i' if role.lower() == 'observatør' else 'av'} {context[len('medlem av '):]}"
            parts = [p for p in [role] + extra if p]
            if len(parts) > 1 and re.fullmatch(r"\([^()]+\)", parts[-1]):
                parts = parts[:-2] + [f"{parts[-2]} {parts[-1]}"]
            if status and status not in ("til stede",):
                if status == "forfall":
                    parts = [f"{p} (forfall)" for p in parts] or ["forfall"]
                elif not parts:
                    parts = [status]
            if not parts:
                parts = [status or "deltaker"]
            acc.add(n.text, "; ".join(parts), org or org2, cell.page, cell.start, cell.end)
        return
    # Label or contact tables: 'Prosjektleder: | Name', 'Org AS: | Name, title'.
    for row in rows:
        label = None
        for c in row:
            txt = c.text.strip()
            if not txt:
                continue
            lenient = bool(label) and (label.lower() in _PERSON_LABELS or is_title(label))
            n = leading_name(txt, known_only=not lenient)
            if n is not None and n.start == 0 and _person_ok(n.text):
                titles, org = _split_details(txt[n.end:])
                role_parts = list(titles)
                lab_org = None
                if label:
                    if is_title(label):
                        role_parts.insert(0, label)
                    else:
                        lab_org = label
                if not role_parts and context:
                    role_parts = [context]
                if role_parts:
                    acc.add(n.text, "; ".join(role_parts), lab_org or org, c.page, c.start, c.end)
                break
            if txt.endswith(":") or (len(txt.split()) <= 5 and (is_title(txt) or is_org(txt))):
                label = txt.rstrip(":").strip()
