"""Decisions: proposals (forslag til vedtak, innstilling) and adopted decisions (vedtak, 'fattet
følgende vedtak', 'besluttet', 'vedtatt i ...') with case number, deciding body, date and vote.

`extract_decisions(doc)` walks the body's blocks in order, keeping the case it is in (a heading
'Sak 06/22 ...', 'PS 12/34', '047/12: ...') and the meeting the document records ('Møte:', 'Utvalg:',
'Dato:' fields, a 'Møteprotokoll Kommunestyret' title). One row per decision or proposal: the
numbered points of one decision stay one row, whose `text` is the first sentence of the first point
and whose `source_text` holds all the points.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from schemas.document import Block, BlockKind, Document
from schemas.rows import Decision, DecisionKind
from extractors.lang.nb import decisions as nb

try:  # the shared date reader; a minimal reader of day dates stands in while it is unavailable
    from extractors.dates import first_date as _first_date
except Exception:  # noqa: BLE001 - any import failure of a colleague's module must not stop extraction
    _first_date = None

_BODY_STEMS = "|".join(nb.BODIES)
BODY = re.compile(rf"\b(?:{_BODY_STEMS}){nb.BODY_ENDINGS}\b", re.IGNORECASE)
_CASE_LABEL = "|".join(re.escape(x) for x in sorted(nb.CASE_LABELS, key=len, reverse=True))
# 'Sak 06/22 Tittel', 'PS 12/34', 'FSK-045/23 Tittel', 'K-sak 14/25': the number without its prefix.
CASE_HEAD = re.compile(rf"^\s*(?:(?:{_CASE_LABEL})\s*:?\s*|{nb.CASE_PREFIX})?(?P<nr>\d{{1,4}}/\d{{2,4}})\b\s*[:.\-–]?\s*(?P<title>.*)$",
                       re.IGNORECASE)
CASE_IN_TEXT = re.compile(rf"(?:\b(?:(?:{_CASE_LABEL})\.?\s*:?\s*)+|\b{nb.CASE_PREFIX})(?P<nr>\d{{1,4}}/\d{{2,4}})\b",
                          re.IGNORECASE)
_ARCHIVE = "|".join(re.escape(x) for x in sorted(nb.ARCHIVE_LABELS, key=len, reverse=True))
ARCHIVE_CASE = re.compile(rf"\b(?:{_ARCHIVE})\.?\s*:?\s*(?P<nr>\d{{2,4}}/\d{{1,6}})\b", re.IGNORECASE)
_OWNER = r"(?:(?P<owner>[A-ZÆØÅa-zæøå][\wæøåÆØÅ\-]*s)\s+)?"
_PROPOSAL = "|".join(re.escape(p) for p, _ in sorted(nb.PROPOSAL_LABELS, key=lambda x: -len(x[0])))
_ADOPTED = "|".join(re.escape(a) for a in sorted(nb.ADOPTED_LABELS, key=len, reverse=True))
# A label with its text after the colon ('Vedtak: Kommunestyret godkjenner ...'), or alone.
LABEL = re.compile(rf"^\s*{_OWNER}(?P<label>{_PROPOSAL}|{_ADOPTED})\b(?P<qual>(?:[^:.\n]|(?<=\d)\.(?=\d)){{0,60}}?)\s*[:.]?\s*$|"
                   rf"^\s*{_OWNER.replace('owner', 'owner2')}(?P<label2>{_PROPOSAL}|{_ADOPTED})\b(?P<qual2>[^:\n]{{0,60}}?)\s*:\s*(?P<rest>\S.*)$",
                   re.IGNORECASE | re.DOTALL)
SECTION = re.compile(r"^\s*(?:[\wæøå]+s\s+)?(?:" + "|".join(re.escape(s) for s in nb.SECTION_LABELS) + r")\b[^.]{0,40}:?\s*$",
                     re.IGNORECASE)
# '<body> vedtok 12.03.13 sak 30/13: «...»' and '<body> vedtok i møte 11.06.13:' (text follows).
VEDTOK = re.compile(r"(?P<subject>[^.:;«»]{0,120}?)\s*\b(?P<verb>vedtok|besluttet|bestemte)\b(?P<after>[^:«]*?)\s*:\s*(?P<rest>.*)$",
                    re.IGNORECASE | re.DOTALL)
FATTET = re.compile(nb.FATTET_VEDTAK, re.IGNORECASE)
SENTENCE_VERB = re.compile(r"\b(?:besluttet|vedtok|bestemte)\b", re.IGNORECASE)
# Verbs that report a decision only where a deciding body is their subject ('Kommunestyret bevilget').
BODY_VERB = re.compile(r"\b(?:bevilget|bevilga|innvilget|innvilga|godkjente|vedtok|besluttet|bestemte)\b", re.IGNORECASE)
# 'Representanten X (Sp) fremmet følgende tilleggsforslag ...: «...»': a proposal made in the meeting.
FREMMET = re.compile(r"\bfremmet\s+(?:følgende\s+|slikt\s+)?(?:[a-zæøå]*forslag)\b[^:«]*:?\s*«(?P<text>[^»]+)»", re.IGNORECASE)
# The same with the proposal's text after a colon on the line, unquoted: '... fremmet tilleggsforslag
# som nytt punkt 4: Kommunedirektøren bes om å ...'.
FREMMET_INLINE = re.compile(r"\bfremmet\s+(?:følgende\s+|slikt\s+)?(?P<what>[a-zæøå]*forslag)\b[^:«.]*:\s*(?P<text>[A-ZÆØÅ«].+)$",
                            re.IGNORECASE | re.DOTALL)
GRANT_INTRO = re.compile(nb.GRANT_INTRO, re.IGNORECASE)
GRANT_PASSIVE = re.compile(nb.GRANT_PASSIVE, re.IGNORECASE)
GRANT_OBJECT = re.compile(nb.GRANT_OBJECT, re.IGNORECASE)
_HANDLING = "|".join(nb.HANDLING_HEADS)
# 'Behandling i Formannskapet - 27.02.2024', 'Vedtak i Kommunestyret 14.03.2024': a body's part of the case.
HANDLING_HEAD = re.compile(rf"^\s*(?P<what>{_HANDLING})\s+i\s+(?P<body>[^\d\-–:]+?)\s*(?:[-–,:]\s*|\s)(?:den\s+)?(?P<date>\d.*)?$",
                           re.IGNORECASE)
# The same with the proposal's text in the paragraphs that follow: '... fremmet følgende endringsforslag:'.
FREMMET_INTRO = re.compile(r"\b(?:fremmet|fremma|la\s+fram|sette\s+fram|satte\s+fram)\s+(?:følgende\s+|slikt\s+|dette\s+)?"
                           r"(?:" + "|".join(nb.MOTION_WORDS) + r")\b[^:«.]*:\s*$", re.IGNORECASE)
PASSIVE = re.compile(nb.PASSIVE_ADOPTED, re.IGNORECASE)
ADVICE = re.compile(nb.FIRST_PERSON_ADVICE, re.IGNORECASE)
RECOMMENDS_TO = re.compile(nb.RECOMMENDS_TO, re.IGNORECASE)
# 'Vedtaket er fattet av seksjonsleder for næring etter delegert myndighet.': who decided.
FATTET_AV = re.compile(r"\bvedtaket\s+er\s+(?:fattet|gjort|truffet)\s+av\s+(?P<who>[^.]{3,80}?)\s*(?:\.|$)", re.IGNORECASE)
VEDTATT_I = re.compile(r"^\s*(?P<vote>(?:enstemmig|einstemmig)\s+)?vedtatt\s+(?:i|av)\s+(?P<body>.+?)(?:[,\s]+(?:den\s+)?(?P<date>\d.*))?$",
                       re.IGNORECASE)
URL = re.compile(r"^\s*(?:https?://|www\.)\S*\s*$")


@dataclass
class _Case:
    number: str | None = None
    title: str | None = None
    body: str | None = None
    date: dt.date | None = None
    rows: list[Decision] = field(default_factory=list)
    ranks: dict[int, int] = field(default_factory=dict)  # id(row) -> proposal rank
    vote: tuple[str | None, int | None, int | None] | None = None
    vote_block: Block | None = None
    # The body voted a recommendation to a higher body ('Innstilling til kommunestyret:'): its
    # vote adopts nothing of its own.
    recommends: bool = False


@dataclass
class _Meeting:
    body: str | None = None
    date: dt.date | None = None
    archive_nr: str | None = None
    case_nr: str | None = None  # the case the paper is written for ('Utvalgssak 31/24')
    # Each body in a 'Utvalg | Møtedato | Saksnr' table, in order: its lower-cased name -> (case, date).
    handlers: dict[str, tuple[str | None, dt.date | None]] = field(default_factory=dict)
    record: bool = False  # the document records a meeting (a 'referat', a 'protokoll')
    sender: str | None = None  # a letter's sender: the organisation named first in its head


def _clean_body(text: str | None) -> str | None:
    """'Kommunestyrets' -> 'Kommunestyret'; first letter capitalised; None for nothing."""
    if not text:
        return None
    t = " ".join(text.strip(" :,.«»\t").split())
    if not t:
        return None
    low = t.lower()
    if low.endswith("ets") or low.endswith("ens"):
        t = t[:-1]
    elif low.endswith("s") and BODY.fullmatch(t) and not BODY.fullmatch(t[:-1] + "et"):
        t = t[:-1]
    return t[0].upper() + t[1:]


def _find_body(text: str) -> str | None:
    m = BODY.search(text)
    return _clean_body(m.group()) if m else None


def _meeting(doc: Document) -> _Meeting:
    """The meeting the document records or is written for: header fields, a 'Saksgang' table, the title."""
    meet = _Meeting()
    head = doc.blocks[:40]
    body_labels = "|".join(re.escape(x) for x in sorted(nb.MEETING_BODY_LABELS, key=len, reverse=True))
    date_labels = "|".join(re.escape(x) for x in sorted(nb.MEETING_DATE_LABELS, key=len, reverse=True))
    for b in head:
        texts = [b.text] if b.kind is not BlockKind.TABLE else [" ".join(c.text for c in row) for row in b.rows]
        for t in texts:
            m = re.match(rf"^\s*(?:{body_labels})\s*[:\t]\s*(?P<v>[^\n|]+)", t, re.IGNORECASE)
            if m and meet.body is None and not re.match(r"^\s*\d", m.group("v")):
                meet.body = _clean_body(re.split(r"\s+(?:dato|tid|sted)\s*:", m.group("v"), flags=re.I)[0])
            m = re.search(rf"(?:^|\s)(?P<l>{date_labels})\s*[:\t]\s*(?P<v>[^\n|]+)", t, re.IGNORECASE)
            # A meeting date ('Møtedato:') outranks the paper's own date ('Dato:').
            if m and (meet.date is None or m.group("l").lower().startswith("møte")):
                meet.date = parse_date(m.group("v")) or meet.date
            m = ARCHIVE_CASE.search(t)
            if m and meet.archive_nr is None:
                meet.archive_nr = m.group("nr")
        if b.kind is BlockKind.TABLE and b.rows:
            _saksgang(b, meet)
    meet.record = any(re.search(r"\b\w*(?:" + "|".join(nb.RECORD_WORDS) + r")\w*\b", b.text, re.IGNORECASE)
                      for b in head[:3] if b.kind is not BlockKind.TABLE)
    meet.sender = next((" ".join(b.text.split()) for b in head[:8] if b.kind is BlockKind.PARAGRAPH
                        and len(b.text.split()) <= 5 and _ORGANISATION.search(b.text)
                        and not re.search(r"\d|:|\bv/", b.text)), None)
    if meet.body is None:
        for b in head[:6]:
            if re.search(r"protokoll|referat|møte|innkalling", b.text, re.IGNORECASE):
                meet.body = _find_body(b.text) or _meeting_compound(b.text)
                if meet.date is None:
                    meet.date = parse_date(b.text)
                if meet.body:
                    break
    return meet


_MEETING_COMPOUND = re.compile(rf"\b(?P<stem>{_BODY_STEMS})s?(?:møte|møtet|referat|protokoll)\b", re.IGNORECASE)


def _meeting_compound(text: str) -> str | None:
    """'Referat fra styringsgruppemøte' -> 'Styringsgruppen': the body named inside a compound."""
    m = _MEETING_COMPOUND.search(text)
    return _clean_body(definite(m.group("stem"))) if m else None


def definite(stem: str) -> str:
    """'styringsgruppe' -> 'styringsgruppen', 'kommunestyre' -> 'kommunestyret', 'formannskap' ->
    'formannskapet': the definite form a body's name takes in running text."""
    s = stem.lower()
    if s.endswith("styre"):
        return s + "t"
    if s.endswith("e"):
        return s + "n"
    if s.endswith(("råd", "utvalg", "skap", "ting", "møte")):
        return s + "et"
    return s + "en"


def _saksgang(table: Block, meet: _Meeting) -> None:
    """'Utvalg | Møtedato | Saksnr' tables of a case paper: the first body that handles the case."""
    header = [c.text.lower().strip(" :") for c in table.rows[0]]
    cols = {
        "utvalg": next((i for i, h in enumerate(header) if h.startswith(("utvalg", "organ")) and "sak" not in h), None),
        "dato": next((i for i, h in enumerate(header) if "dato" in h), None),
        "sak": next((i for i, h in enumerate(header) if "sak" in h), None),
    }
    if cols["utvalg"] is None or cols["dato"] is None or len(table.rows) < 2:
        return
    for r in table.rows[1:]:  # every body that handles the case, with its own case number and date
        cells = [c.text for c in r]
        if cols["utvalg"] >= len(cells) or not cells[cols["utvalg"]].strip():
            continue
        nr = re.search(r"\d{1,4}/\d{2,4}", cells[cols["sak"]]) if cols["sak"] is not None and cols["sak"] < len(cells) else None
        when = parse_date(cells[cols["dato"]]) if cols["dato"] < len(cells) else None
        name = (_clean_body(cells[cols["utvalg"]]) or "").lower()
        meet.handlers.setdefault(name, (nr.group() if nr else None, when))
    row = [c.text for c in table.rows[1]]
    if cols["utvalg"] < len(row) and meet.body is None:
        meet.body = _clean_body(row[cols["utvalg"]])
    if cols["dato"] < len(row):  # the meeting's date outranks the paper's own 'Dato:'
        meet.date = parse_date(row[cols["dato"]]) or meet.date
    if cols["sak"] is not None and cols["sak"] < len(row) and meet.case_nr is None:
        m = re.search(r"\d{1,4}/\d{2,4}", row[cols["sak"]])
        meet.case_nr = m.group() if m else None


def _case_heading(b: Block) -> tuple[str, str] | None:
    """(case number, title) where the block opens a case: 'Sak 06/22 Tittel', 'PS 12/34', '047/12: Tittel'."""
    if b.kind is BlockKind.TABLE or len(b.text) > 250:
        return None
    m = CASE_HEAD.match(b.text)
    if not m:
        return None
    labelled = not b.text.lstrip()[0].isdigit()
    if not labelled and b.kind is not BlockKind.HEADING and not re.match(r"^\s*\d{1,4}/\d{2,4}\s*:", b.text):
        return None
    if re.match(r"^\s*(?:arkivsak|arkivsaksnr|vår ref|deres ref)", b.text, re.IGNORECASE):
        return None
    return m.group("nr"), m.group("title").strip()


def _label(b: Block) -> tuple[str, str | None, str, str | None] | None:
    """(kind, owner, label, text after the colon) where the block opens a decision section."""
    if b.kind is BlockKind.TABLE or len(b.text) > 2000:
        return None
    m = LABEL.match(b.text)
    if not m:
        return None
    if m.group("label"):
        owner, label, qual, rest = m.group("owner"), m.group("label"), m.group("qual"), None
        # A bare paragraph 'Vedtak om oppstart' is prose, not a label: require a heading, a colon or
        # a short label.
        if b.kind is not BlockKind.HEADING and not b.text.rstrip().endswith(":") and len(b.text.split()) > 4:
            return None
    else:
        owner, label, qual, rest = m.group("owner2"), m.group("label2"), m.group("qual2"), m.group("rest")
    if qual and re.search(r"\b(?:om|av|til|for)\b", qual, re.IGNORECASE) and not re.search(r"\d", qual) \
            and not BODY.search(qual):
        return None  # 'Vedtak om ...', 'Forslag til tiltak': a topic, not a decision section
    low = label.lower()
    kind = DecisionKind.ADOPTED.value if low in nb.ADOPTED_LABELS else DecisionKind.PROPOSAL.value
    if owner and owner.lower() in ("sakens", "saks", "dagens"):
        return None
    return kind, owner, low, rest, (qual or "").strip()


def _rank(label: str) -> int:
    return dict(nb.PROPOSAL_LABELS).get(label, 3)


def _formal_context(case: _Case, label: str, row: Decision) -> bool:
    """A proposal under a weak label ('Anbefaling', 'Konklusjon', 'Forslag') is a draft decision
    only where a deciding body or a case is in view; first-person advice never is."""
    if ADVICE.match(row.text):
        return False
    return _rank(label) > 1 or bool(case.number or case.body)


_ACTS = re.compile(r"^(?P<subject>[A-ZÆØÅ][^.,;:«»()]{1,60}?)\s+(?:gir|innvilger|bevilger|tildeler|godkjenner|vedtar|"
                   r"velger|ber|avslår|slutter\s+seg|gjennomfører|setter\s+av|avsetter|tar|legger)\b")


def _acting_body(text: str, after: list[Block]) -> str | None:
    """Who decided, where no meeting says so: the decision's own subject when it names a body or an
    organisation ('Vestkyst fylkeskommune gir ...', 'Styringsgruppen ber ...'), with a delegation
    stated after it ('Vedtaket er fattet av seksjonsleder ... etter delegert myndighet')."""
    m = _ACTS.match(text.strip().lstrip("«"))
    subject = m.group("subject").strip() if m else None
    if subject and not (BODY.search(subject) or _ORGANISATION.search(subject)) or \
            (subject and len(subject.split()) > 6):
        subject = None
    who = next((fm.group("who").strip() for b in after for fm in [FATTET_AV.search(b.text)] if fm), None)
    if who:
        who = re.sub(r"\s+(?:etter|i\s+medhold\s+av|med\s+hjemmel\s+i)\s+(delegert\s+myndighet|delegasjon)\b", r" (\1)", who)
    if subject and who:
        return f"{_clean_body(subject)}, {who}"
    return _clean_body(subject) if subject else None


_ORGANISATION = re.compile(r"\b(?:kommune|fylkeskommune|fylkeskommunen|statsforvalteren|direktoratet|"
                           r"innovasjon norge|forskningsrådet|departementet|as|sa|iks|kf)\b", re.IGNORECASE)


def _section(blocks: list[Block], i: int, first: str | None) -> tuple[list[Block], list[str]]:
    """The blocks after a label that hold the decision's text, and the texts to read it from.

    Numbered points continue while blocks are numbered; unnumbered text runs to the next heading,
    label, case or vote line (at most six blocks)."""
    texts: list[str] = [first] if first and first.strip() else []
    taken: list[Block] = []
    numbered = bool(texts) and bool(NUMBERED.match(texts[0]))
    j = i + 1
    while j < len(blocks):
        b = blocks[j]
        if b.kind is BlockKind.TABLE or _case_heading(b) or _label(b) or SECTION.match(b.text):
            break
        if b.kind is BlockKind.HEADING and not NUMBERED.match(b.text):
            break
        if is_vote_line(b.text) or FREMMET_INTRO.search(b.text) or FREMMET.search(b.text):
            break  # a vote, or a member's motion: the proposal's text has ended
        if texts:
            if numbered and not NUMBERED.match(b.text) and b.kind is not BlockKind.LIST_ITEM:
                break
            # Unnumbered text: a few paragraphs at most, and never a decision reported on its own.
            if not numbered and (len(taken) >= 3 or texts[-1].rstrip().endswith("»")
                                 or SENTENCE_VERB.search(b.text) or FATTET.search(b.text)):
                break
        elif NUMBERED.match(b.text):
            numbered = True
        texts.append(b.text)
        taken.append(b)
        if b.text.rstrip().endswith("»") and not b.text.lstrip().startswith("«") or \
                (b.text.rstrip().endswith("»") and b.text.count("»") > b.text.count("«")):
            break
        j += 1
    return taken, texts


def _row(doc: Document, kind: str, texts: list[str], start_block: Block, end_block: Block,
         case: _Case, body: str | None, date: dt.date | None) -> Decision | None:
    if not texts:
        return None
    first = strip_point_mark(texts[0].strip().lstrip("«").strip())
    text = first_sentence(first).strip().strip("«»").strip()
    if len(text.split()) < 2:
        return None
    start, end = start_block.start, end_block.end
    source = doc.text[start:end]
    vote = find_vote(" ".join(texts))
    return Decision(doc_id=doc.doc_id, case_number=case.number, body=body, decision_date=date, kind=kind,
                    text=text, page=start_block.page, source_text=source, span_start=start, span_end=end,
                    vote=vote[0] if vote else None, votes_for=vote[1] if vote else None,
                    votes_against=vote[2] if vote else None)


def extract_decisions(doc: Document) -> list[Decision]:
    """Every proposal and adopted decision in the document, in reading order."""
    meet = _meeting(doc)
    blocks = [b for b in doc.blocks if b.kind is not BlockKind.TABLE]
    cases: list[_Case] = [_Case(number=meet.case_nr, body=meet.body, date=meet.date)]
    pending: dict | None = None  # a '<body> vedtok <date>:' line whose decision text follows
    i = 0
    while i < len(blocks):
        b = blocks[i]
        case = cases[-1]
        head = _case_heading(b)
        if head:
            cases.append(_Case(number=head[0], title=head[1], body=meet.body, date=meet.date))
            pending = None
            i += 1
            continue
        hh = HANDLING_HEAD.match(b.text) if len(b.text) < 120 else None
        if hh and BODY.search(hh.group("body")):
            # A body's own part of the case in a 'saksprotokoll': its case number and date from the
            # 'Utvalg | Møtedato | Saksnr' table, the date of the heading first.
            name = _clean_body(hh.group("body"))
            nr, when = meet.handlers.get(name.lower(), (None, None))
            date = parse_date(hh.group("date") or "") or when
            what = hh.group("what").lower()
            same = bool(case.body and case.body.lower() == name.lower() and (date is None or case.date == date))
            if what in ("behandling", "votering") or not same:
                cases.append(_Case(number=nr or case.number, title=case.title, body=name, date=date or case.date))
                case = cases[-1]
                pending = None
            if what in ("behandling", "votering"):
                i += 1
                continue
        lab = _label(b)
        if lab:
            kind, owner, label, rest, qual = lab
            if meet.record and kind == DecisionKind.PROPOSAL.value and label in nb.RECORD_ADOPTED_LABELS:
                kind = DecisionKind.ADOPTED.value  # what a meeting concluded, in its own record
            taken, texts = _section(blocks, i, rest)
            body = _clean_body(owner) if owner and kind == DecisionKind.ADOPTED.value and BODY.search(owner) else None
            end_block = taken[-1] if taken else b
            row = _row(doc, kind, texts, b, end_block, case, body or case.body, case.date)
            if row and kind == DecisionKind.PROPOSAL.value and not _formal_context(case, label, row):
                row = None  # a memo's advice ('Anbefaling: Jeg anbefaler at ...') is no draft decision
            if row:
                to = RECOMMENDS_TO.search(qual) if kind == DecisionKind.PROPOSAL.value else None
                if to and case.vote:  # the body's own recommendation, after its vote, to a higher body
                    row.body = f"{case.body or 'Utvalget'} (innstilling til {to.group('to').lower()})"
                    case.recommends = True
                elif kind == DecisionKind.PROPOSAL.value and owner and case.body and label.startswith("innstilling") \
                        and (_clean_body(owner) or "").lower() == case.body.lower():
                    # '<Body>s innstilling' under the body's own record: what it recommends onward,
                    # to the next body in the case's 'Utvalg' table.
                    names = list(meet.handlers)
                    nxt = names[names.index(case.body.lower()) + 1] if case.body.lower() in names[:-1] else None
                    row.body = f"{case.body} (innstilling til {nxt})" if nxt else f"{case.body} (innstilling)"
                    case.recommends = True
                if row.body is None:
                    row.body = _acting_body(row.text, blocks[i + 1:i + 4 + len(taken)])
                case.rows.append(row)
                if kind == DecisionKind.PROPOSAL.value:
                    case.ranks[id(row)] = _rank(label)
            i += 1 + len(taken)
            continue
        if is_vote_line(b.text):
            vote = find_vote(b.text) or ("vedtatt", None, None)
            case.vote, case.vote_block = vote, b
            i += 1
            continue
        consumed = _prose(doc, blocks, i, case, pending, meet)
        if isinstance(consumed, dict):
            pending = consumed
            i += 1
            continue
        pending = None
        i += max(consumed, 1)
    return _finish(doc, cases)


def _prose(doc: Document, blocks: list[Block], i: int, case: _Case, pending: dict | None, meet: _Meeting | None = None):
    """Decisions reported in prose. Returns the number of blocks consumed, or a pending intro (dict)
    where a '<body> vedtok <date>:' line announces text that follows."""
    b = blocks[i]
    text = b.text
    if b.kind is BlockKind.TABLE:
        return 1
    # 'fattet fylkestinget slikt enstemmig vedtak:' + the points that follow (or the rest of the line).
    fm = FATTET.search(text)
    if fm:
        after = text[fm.end():].lstrip(" :")
        taken, texts = _section(blocks, i, after if after.strip() else None)
        body = _clean_body(fm.group("body")) if fm.group("body") and BODY.search(fm.group("body")) else None
        if pending:
            body = body or pending["body"]
        date = pending["date"] if pending else case.date
        number = case.number or (pending["nr"] if pending else None)
        row = _row(doc, DecisionKind.ADOPTED.value, texts, b, taken[-1] if taken else b,
                   _Case(number=number), body or case.body, date)
        if row:
            if fm.group("vote") and not row.vote:
                row.vote = "enstemmig"
            case.rows.append(row)
        return 1 + len(taken)
    vm = VEDTOK.match(text)
    if vm and len(vm.group("subject").split()) <= 10:
        subject = vm.group("subject")
        body = _find_body(subject) or _clean_body(subject) if subject.strip() else case.body
        after = vm.group("after")
        dm = parse_date(after)
        cm = CASE_IN_TEXT.search(after)
        rest = vm.group("rest").strip()
        if not rest or URL.match(rest):
            return {"body": body, "date": dm, "nr": cm.group("nr") if cm else None}
        taken, texts = ([], [rest])
        if NUMBERED.match(rest.lstrip("«")) or not rest.rstrip().endswith(("»", ".")):
            more, extra = _section(blocks, i, rest)
            taken, texts = more, extra
        row = _row(doc, DecisionKind.ADOPTED.value, texts, b, taken[-1] if taken else b,
                   _Case(number=cm.group("nr") if cm else case.number), body, dm or None)
        if row:
            case.rows.append(row)
        return 1 + len(taken)
    tm = VEDTATT_I.match(text)
    if tm and len(text) < 200 and BODY.search(tm.group("body") or ""):
        date = parse_date(text)
        body = _find_body(tm.group("body"))
        cm = CASE_IN_TEXT.search(text)
        row = _row(doc, DecisionKind.ADOPTED.value, [text], b, b,
                   _Case(number=cm.group("nr") if cm else case.number), body, date)
        if row:
            row.text = text.strip()
            if tm.group("vote"):
                row.vote = "enstemmig"
            case.rows.append(row)
        return 1
    # A sentence that reports a decision: '<Body> besluttet i november 2008 å iverksette ...'.
    if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        fi = FREMMET_INTRO.search(text)
        if fi and not FREMMET.search(text):
            taken, texts = _section(blocks, i, None)
            if taken:
                row = _row(doc, DecisionKind.PROPOSAL.value, texts, taken[0], taken[-1], case, case.body, case.date)
                if row:
                    case.rows.append(row)
                return 1 + len(taken)
        fi2 = FREMMET_INLINE.search(text) if not FREMMET.search(text) else None
        if fi2:
            body_text = fi2.group("text").strip().strip("«»")
            start = b.start + fi2.start("text")
            who = re.sub(r"^(?:representanten|repr\.)\s+", "", text[:fi2.start()].strip(), flags=re.I)
            label = f"{case.body} ({fi2.group('what').lower()} fra {who})" if case.body and who and len(who.split()) <= 8 \
                else case.body
            case.rows.append(Decision(doc_id=doc.doc_id, case_number=case.number, body=label,
                                      decision_date=case.date, kind=DecisionKind.PROPOSAL.value,
                                      text=first_sentence(body_text), page=b.page, source_text=body_text,
                                      span_start=start, span_end=start + len(fi2.group("text"))))
            return 1
        fr = FREMMET.search(text)
        if fr:
            start = b.start + fr.start("text")
            case.rows.append(Decision(doc_id=doc.doc_id, case_number=case.number, body=case.body,
                                      decision_date=case.date, kind=DecisionKind.PROPOSAL.value,
                                      text=first_sentence(fr.group("text").strip()), page=b.page,
                                      source_text=fr.group("text"), span_start=start,
                                      span_end=start + len(fr.group("text"))))
            return 1
        for s_start, sentence in _sentences(text):
            if _passive(doc, b, s_start, sentence, case) or (meet is not None and _grant(doc, b, s_start, sentence, case, meet)):
                continue
            sm = SENTENCE_VERB.search(sentence)
            bm = BODY_VERB.search(sentence)
            if bm and BODY.search(sentence[:bm.start()]) and len(sentence[:bm.start()].split()) <= 6:
                sm = bm
            elif not sm:
                continue
            subject = sentence[:sm.start()].strip()
            if not subject or len(subject.split()) > 12 or not (BODY.search(subject) or subject[0].isupper()):
                continue
            if re.search(r"\b(?:ikke|skal|vil|kan|må|bør)\b", sentence[:sm.start()], re.IGNORECASE):
                continue
            # The subject as written names the body best ('Samarbeidsrådet for Nedre Romerike (SNR)').
            plain = re.sub(r"^(?:det|da|så)\s+ble\s*", "", subject, flags=re.I)
            body = _clean_body(plain) if plain[:1].isupper() and len(plain.split()) <= 8 else _find_body(subject)
            if body and body.lower() in ("det", "det ble", "han", "hun", "vi", "de"):
                body = case.body
            start = b.start + s_start
            when = parse_date(sentence[sm.end():sm.end() + 40])
            cm = CASE_IN_TEXT.search(sentence)
            case.rows.append(Decision(doc_id=doc.doc_id, case_number=cm.group("nr") if cm else case.number,
                                      body=body, decision_date=when,
                                      kind=DecisionKind.ADOPTED.value, text=sentence.strip(), page=b.page,
                                      source_text=sentence.strip(), span_start=start, span_end=start + len(sentence)))
    return 1


def _grant(doc: Document, b: Block, s_start: int, sentence: str, case: _Case, meet: _Meeting) -> bool:
    """'Vi har gleden av å meddele at X innvilges tilskudd på inntil kr 600 000 til ...', 'X tildeles
    kr 50 000 ...', 'Det gis tilsagn om ...': a grant letter's decision, by its sender. Kept only
    outside a deciding body's case (a council's own grants stand under their 'Vedtak' labels)."""
    if case.number or case.rows or not meet.sender:
        return False
    intro = GRANT_INTRO.match(sentence)
    text = sentence[intro.end():] if intro else sentence
    gm = GRANT_PASSIVE.search(text)
    if not gm or not GRANT_OBJECT.search(text[gm.end():]):
        return False
    subject = text[:gm.start()].strip()
    if subject and (len(subject.split()) > 6 or not subject[0].isupper()
                    or re.search(r"\b(?:ikke|skal|vil|kan|må|bør|dersom|hvis|at|om)\b", subject, re.IGNORECASE)):
        return False
    text = text[0].upper() + text[1:]
    start = b.start + s_start + (intro.end() if intro else 0)
    case.rows.append(Decision(doc_id=doc.doc_id, case_number=None, body=meet.sender, decision_date=meet.date,
                              kind=DecisionKind.ADOPTED.value, text=text.strip(), page=b.page,
                              source_text=text.strip(), span_start=start, span_end=start + len(text.strip())))
    return True


def _passive(doc: Document, b: Block, s_start: int, sentence: str, case: _Case) -> bool:
    """'Handlingsplanen ble vedtatt i kommunestyret 19. mars 2025 (K-sak 14/25).': a decision
    reported in the passive, kept where the sentence dates it or gives its case number."""
    pm = PASSIVE.search(sentence)
    # '... vedtatt i kommunestyret', '... vedtatt av Vik kommunestyre', '... vedtatt i møte i bystyret'
    where = re.match(r"(?:(?:et\s+|sitt\s+)?møte\s+i\s+)?(?:[A-ZÆØÅ][\wæøå\-]*\s+){0,2}", sentence[pm.end():]) if pm else None
    if not pm or pm.start() == 0 or not BODY.match(sentence[pm.end() + where.end():]):
        return False
    if re.search(r"\b(?:ikke|skal|vil|kan|må|bør|når|dersom|hvis|etter\s+at)\b", sentence[:pm.start()], re.IGNORECASE):
        return False
    date = parse_date(sentence[pm.end():])
    cm = CASE_IN_TEXT.search(sentence)
    if date is None and cm is None:
        return False
    start = b.start + s_start
    text = sentence.strip()
    case.rows.append(Decision(doc_id=doc.doc_id, case_number=cm.group("nr") if cm else case.number,
                              body=_find_body(sentence[pm.end() + where.end():]), decision_date=date,
                              kind=DecisionKind.ADOPTED.value, text=text, page=b.page, source_text=text,
                              span_start=start, span_end=start + len(text),
                              vote="enstemmig" if pm.group("vote") else None))
    return True


def _sentences(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    rest = text
    while rest.strip():
        s = first_sentence(rest)
        if not s:
            break
        idx = text.find(s, pos)
        out.append((idx if idx >= 0 else pos, s))
        pos = (idx if idx >= 0 else pos) + len(s)
        rest = text[pos:]
    return out


def _finish(doc: Document, cases: list[_Case]) -> list[Decision]:
    """Per case: keep the formal proposal over a recommendation that repeats it, give the adopted
    decision the vote, and where a proposal was voted through without its own 'Vedtak' text, record
    the adoption of the proposal."""
    out: list[Decision] = []
    for case in cases:
        proposals = [r for r in case.rows if r.kind == DecisionKind.PROPOSAL.value]
        adopted = [r for r in case.rows if r.kind == DecisionKind.ADOPTED.value]
        if proposals:
            best = max(case.ranks.get(id(r), 3) for r in proposals)
            drop = {id(r) for r in proposals if case.ranks.get(id(r), 3) < best}
        else:
            drop = set()
        if case.vote and not case.recommends:
            if adopted:
                for r in adopted:
                    if not r.vote:
                        r.vote, r.votes_for, r.votes_against = case.vote
            elif proposals:
                p = next(r for r in proposals if id(r) not in drop)
                vb = case.vote_block
                case.rows.append(Decision(doc_id=doc.doc_id, case_number=p.case_number, body=p.body,
                                          decision_date=p.decision_date, kind=DecisionKind.ADOPTED.value,
                                          text=p.text, page=vb.page, source_text=vb.text,
                                          span_start=vb.start, span_end=vb.end, vote=case.vote[0],
                                          votes_for=case.vote[1], votes_against=case.vote[2]))
        seen = set()
        for r in case.rows:
            key = (r.kind, r.text.lower(), r.body)
            if id(r) in drop or key in seen:
                continue
            seen.add(key)
            out.append(r)
    return out


# --- small text helpers -------------------------------------------------------------------------

NUMBERED = re.compile(r"^\s*«?\s*(?:\d{1,2}[.)]|[a-h][.)]|[-–•])\s+")
_VOTE_COUNT = re.compile(nb.VOTE_COUNT, re.IGNORECASE)
_VOTE_AGAINST = re.compile(nb.VOTE_AGAINST_ONLY, re.IGNORECASE)
_VOTE_FOR = re.compile(nb.VOTE_FOR_ONLY, re.IGNORECASE)
_UNANIMOUS = re.compile(r"\b(?:" + "|".join(nb.UNANIMOUS) + r")\b", re.IGNORECASE)
_VOTE_LINE = re.compile(r"^\s*(?:[\wæøå]+s\s+)?(?:innstilling(?:en)?|[a-zæøå]*forslag(?:et)?(?:\s+til\s+vedtak)?|"
                        r"enstemmig|einstemmig|vedtatt|votering|avstemning)\b", re.IGNORECASE)


def find_vote(text: str) -> tuple[str, int | None, int | None] | None:
    """The vote as written and its counts: ('enstemmig', None, None), ('7 mot 2', 7, 2),
    ('mot 2 stemmer', None, 2); None where the text states no vote."""
    m = _VOTE_COUNT.search(text)
    if m:
        return m.group().strip(), int(m.group("for")), int(m.group("against"))
    m = _VOTE_AGAINST.search(text)
    if m:
        return m.group().strip(), None, int(m.group("against"))
    if _UNANIMOUS.search(text):
        return "enstemmig", None, None
    m = _VOTE_FOR.search(text)
    if m:
        return m.group().strip(), int(m.group("for")), None
    return None


def is_vote_line(text: str) -> bool:
    """A short line that reports how a proposal was voted on ('Enstemmig vedtatt.', 'Innstillingen
    ble vedtatt med 7 mot 2 stemmer.'), not a decision's own text."""
    t = text.strip()
    labelled = bool(re.match(r"^\s*(?:votering|avstemning|behandling)\s*:", t, re.IGNORECASE))
    if not labelled:
        t = first_sentence(t)
    if (len(t.split()) > 14 and not labelled) or not _VOTE_LINE.match(t):
        return False
    if not re.search(r"\bvedtatt\b|\bvedtas\b|\bvotering\b|\bavstemning\b|\bforkastet\b", t, re.IGNORECASE):
        return False
    # 'Vedtatt i kommunestyret 12.03.2020' reports a decision of its own.
    return not (re.match(r"^\s*(?:enstemmig\s+)?vedtatt\s+(?:i|av)\s", t, re.IGNORECASE) and parse_date(t))


def strip_point_mark(text: str) -> str:
    """'1. Delprosjektet ...' -> 'Delprosjektet ...'."""
    return re.sub(r"^\s*(?:\d{1,2}[.)]|[a-h][.)]|[-–•])\s+", "", text)


def first_sentence(text: str) -> str:
    """The first sentence of `text`: up to a full stop, '!' or '?' followed by a space and a capital
    letter, a digit or a quote, skipping abbreviations ('kr.', 'mill.', 'f.eks.') and ordinals."""
    for m in re.finditer(r"[.!?](?=[»\"']?\s+[«\"(]?[A-ZÆØÅ0-9])|[.!?]»?\s*$", text):
        before = text[:m.start()]
        word = re.search(r"(\S+)$", before)
        w = word.group(1).lower().lstrip("(«\"'").rstrip(".") if word else ""
        closing = w in nb.SENTENCE_FINAL_ABBREVIATIONS and re.match(r"\.[»\"']?\s+[A-ZÆØÅ]", text[m.start():])
        # 'org.nr.', 'bl.a.', 'f.eks.': a word with a full stop inside is an abbreviation.
        dotted = bool(re.fullmatch(r"[a-zæøå]{1,4}(?:\.[a-zæøå]{1,4})+", w))
        if not closing and (w in nb.ABBREVIATIONS or dotted or re.fullmatch(r"\d{1,2}", w)
                            or (len(w) == 1 and w.isalpha())):
            continue
        return text[:m.end()].strip()
    return text.strip()


def sentences(text: str) -> list[tuple[int, str]]:
    """Every sentence of `text` with its offset, as `first_sentence` splits them."""
    out, pos = [], 0
    while pos < len(text) and text[pos:].strip():
        s = first_sentence(text[pos:])
        if not s:
            break
        at = text.find(s, pos)
        at = at if at >= 0 else pos
        out.append((at, s))
        pos = at + len(s)
    return out

def parse_date(text: str) -> dt.date | None:
    """The first day-precise date in `text` ('12.03.13', '7. februar 2022'), or None."""
    if _first_date is not None:
        try:
            m = _first_date(text)
        except Exception:  # noqa: BLE001
            m = None
        if m is not None and getattr(m, "precision", "day") == "day":
            return m.date
        if m is not None:
            return None
    m = re.search(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b", text)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = y if y > 99 else (2000 + y if y < 70 else 1900 + y)
        try:
            return dt.date(y, mo, d)
        except ValueError:
            return None
    from extractors.lang.nb.dates import MONTHS
    m = re.search(r"\b(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})\b", text, re.IGNORECASE)
    if m and m.group(2).lower() in MONTHS:
        try:
            return dt.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        except ValueError:
            return None
    return None
