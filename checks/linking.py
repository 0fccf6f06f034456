"""Which documents are about the same project or case: evidence scored per pair of documents.

A document kept as both .docx and .pdf (same file stem, same title or near-identical rows) is one
document in two files: its twins are linked with method 'same_document' and never compared.
Between distinct documents the evidence is the project's name (the distinctive words of a title or
a quoted name, found in the other document), shared case numbers ('arkivsak 2024/417' strongly,
'sak 18/24' weakly: those are per body and year), the same people (more if both name them project
leader), the same uncommon amounts, the same organisations (weak; Innovasjon Norge or a
fylkeskommune not at all) and a reference to the other document's date ('datert 12.02.2024').
A pair is linked when the score reaches LINK_SCORE and a name or an archive case number is among
the evidence: people, money and organisations alone never link. Linked pairs form projects.
"""
from __future__ import annotations

import math
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from checks.profiles import Profile, build_profile, has_word, is_archive_case, merge, same_person, stem, words
from extractors.lang.nb.projects import LEADER_ROLES
from schemas.rows import DocumentProject, DocumentRow, Project, content_id

LINK_SCORE = 1.2
NAME_ONE_WORD, NAME_COINED, NAME_PHRASE = 0.7, 0.9, 1.0
ARCHIVE_CASE, BODY_CASE = 1.0, 0.4
PERSON, LEADER = 0.3, 0.5
AMOUNT, ORGANISATION, DATED_REFERENCE = 0.2, 0.1, 0.5
FORMAT_ORDER = {"docx": 0, "pdf": 1}


@dataclass
class LogicalDoc:
    """One document, kept in one or more files; `files[0]` is the file flags name (docx first)."""

    files: list[DocumentRow]
    profile: Profile

    @property
    def rep(self) -> DocumentRow:
        return self.files[0]


@dataclass
class Link:
    """The evidence that two documents are about the same project."""

    score: float = 0.0
    kinds: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    has_anchor: bool = False  # a name or an archive case number: evidence that can carry a link

    def add(self, kind: str, score: float, reason: str, anchor: bool = False) -> None:
        if score <= 0:
            return
        self.score += score
        self.kinds.append(kind)
        self.reasons.append(reason)
        self.has_anchor = self.has_anchor or anchor

    @property
    def linked(self) -> bool:
        return self.has_anchor and self.score >= LINK_SCORE - 1e-9


def rows_by_doc(rows: dict[str, list]) -> dict[str, dict[str, list]]:
    """Every table's rows regrouped per document: doc_id -> table -> rows."""
    out: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for name, lst in rows.items():
        if name in ("projects", "document_projects"):
            continue
        for r in lst:
            doc_id = getattr(r, "doc_id", None)
            if doc_id is not None:
                out[doc_id][name].append(r)
    return out


def _file_order(d: DocumentRow) -> tuple:
    return FORMAT_ORDER.get((d.format or "").lower(), 9), d.path


def _title_key(d: DocumentRow) -> frozenset[str]:
    return frozenset(stem(w) for w in words(d.title))


def are_twins(a: DocumentRow, pa: Profile, b: DocumentRow, pb: Profile) -> bool:
    """The same text in two files: same stem and folder, different formats (or the same bytes), and
    titles or rows that agree."""
    if a.sha256 and a.sha256 == b.sha256:
        return True
    sa, sb = os.path.splitext(a.path), os.path.splitext(b.path)
    if sa[0].casefold() != sb[0].casefold() or sa[1].casefold() == sb[1].casefold():
        return False
    ta, tb = _title_key(a), _title_key(b)
    if ta and tb and len(ta & tb) / len(ta | tb) >= 0.6:
        return True
    return _jaccard(pa.amounts, pb.amounts) >= 0.7 and _jaccard(set(pa.people), set(pb.people)) >= 0.7


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def logical_documents(docs: list[DocumentRow], per_doc: dict[str, dict[str, list]]) -> list[LogicalDoc]:
    """Documents with their twin files gathered: one LogicalDoc per distinct text."""
    docs = sorted(docs, key=_file_order)
    profiles = {d.doc_id: build_profile(d, per_doc.get(d.doc_id, {})) for d in docs}
    # twins share a file stem and folder, or their bytes: only those buckets are compared
    buckets: dict[str, list[list[DocumentRow]]] = defaultdict(list)
    groups: list[list[DocumentRow]] = []
    for d in docs:
        key = os.path.splitext(d.path)[0].casefold()
        for g in buckets[key] + (buckets["sha:" + d.sha256] if d.sha256 else []):
            if all(are_twins(d, profiles[d.doc_id], o, profiles[o.doc_id]) for o in g):
                g.append(d)
                break
        else:
            g = [d]
            groups.append(g)
        buckets[key].append(g) if g not in buckets[key] else None
        if d.sha256 and g not in buckets["sha:" + d.sha256]:
            buckets["sha:" + d.sha256].append(g)
    out = []
    for g in groups:
        g.sort(key=_file_order)
        out.append(LogicalDoc(g, merge([profiles[d.doc_id] for d in g])))
    return sorted(out, key=lambda x: x.rep.path)


def _is_leader(roles: str) -> bool:
    return has_word(roles, LEADER_ROLES)


def score_pair(a: Profile, b: Profile, distinctive, amount_df: Counter) -> Link:
    """All the evidence that two (distinct) documents are about the same project, scored."""
    link = Link()
    best, why = 0.0, ""
    for x, y in ((a, b), (b, a)):
        for ph in x.phrases:
            st = {s for s in ph.stems if distinctive(s)}
            if not st or not st <= y.pool:
                continue
            sc = NAME_PHRASE if len(st) >= 2 else NAME_COINED if ph.coined else NAME_ONE_WORD
            if sc > best:
                best, why = sc, f"navnet «{ph.text}»"
    link.add("name", best, why, anchor=True)

    shared_cases = sorted(set(a.cases) & set(b.cases))
    if shared_cases:
        archive = [c for c in shared_cases if is_archive_case(c)]
        sc = ARCHIVE_CASE if archive else BODY_CASE
        sc += 0.2 * (len(shared_cases) - 1)
        link.add("case_number", sc, "saksnummer " + ", ".join(shared_cases), anchor=bool(archive))

    people, names = 0.0, []
    for ka, (name, roles_a) in a.people.items():
        kb = next((k for k in b.people if same_person(ka, k)), None)
        if kb is None:
            continue
        both_lead = _is_leader(roles_a) and _is_leader(b.people[kb][1])
        people += LEADER if both_lead else PERSON
        names.append(name + (" (prosjektleder i begge)" if both_lead else ""))
    link.add("people", min(people, 1.0), "samme personer: " + ", ".join(names))

    amounts = sorted(x for x in a.amounts & b.amounts if x >= 50_000 and amount_df[x] <= 2)
    link.add("amounts", min(AMOUNT * len(amounts), 0.6), "samme beløp: " + ", ".join(f"{x:,}".replace(",", " ") for x in amounts))

    orgs = sorted(o for o in a.organisations if any(o == p or o in p or p in o for p in b.organisations))
    link.add("organisations", min(ORGANISATION * len(orgs), 0.3), "samme organisasjoner: " + ", ".join(orgs))

    refs = [d for d in (a.doc.doc_date, b.doc.doc_date) if d]
    if any(d.isoformat() in b.dated_refs | a.dated_refs for d in refs):
        link.add("dated_reference", DATED_REFERENCE, "viser til dokumentets dato")
    return link


def _distinctive(ldocs: list[LogicalDoc]):
    """A word is a name word if few documents use it: in a regional archive the region's name is not."""
    df = Counter(s for ld in ldocs for s in ld.profile.pool)
    limit = max(3, math.ceil(len(ldocs) / 3))
    return lambda s: df[s] <= limit


def _candidates(ldocs: list[LogicalDoc], distinctive) -> set[tuple[int, int]]:
    """Pairs that could link: one names a word of the other's project name, or both carry the same
    archive case number. A link needs one of these, so no other pair is scored (archives of
    thousands of documents stay fast)."""
    by_stem: dict[str, set[int]] = defaultdict(set)
    by_case: dict[str, set[int]] = defaultdict(set)
    for i, ld in enumerate(ldocs):
        for s in ld.profile.pool:
            by_stem[s].add(i)
        for c in ld.profile.cases:
            if is_archive_case(c):
                by_case[c].add(i)
    pairs: set[tuple[int, int]] = set()
    for i, ld in enumerate(ldocs):
        for ph in ld.profile.phrases:
            st = [s for s in ph.stems if distinctive(s)]
            if not st:
                continue
            rarest = min(st, key=lambda s: len(by_stem[s]))
            for j in by_stem[rarest]:
                if j != i:
                    pairs.add((min(i, j), max(i, j)))
    for members in by_case.values():
        ms = sorted(members)
        pairs.update((a, b) for k, a in enumerate(ms) for b in ms[k + 1:])
    return pairs


def link_pairs(ldocs: list[LogicalDoc]) -> dict[tuple[int, int], Link]:
    """The evidence between every two distinct documents that links them (only linked pairs)."""
    distinctive = _distinctive(ldocs)
    amount_df = Counter(x for ld in ldocs for x in ld.profile.amounts)
    out = {}
    for i, j in sorted(_candidates(ldocs, distinctive)):
        link = score_pair(ldocs[i].profile, ldocs[j].profile, distinctive, amount_df)
        if link.linked:
            out[(i, j)] = link
    return out


def _families(n: int, pairs: dict[tuple[int, int], Link]) -> list[list[int]]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in pairs:
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    return [sorted(g) for g in groups.values()]


def project_name(members: list[LogicalDoc]) -> str:
    """The name most members use: the phrase whose words most members hold, the shortest on a tie."""
    best = None
    for ld in members:
        for ph in ld.profile.phrases:
            covered = sum(1 for o in members if ph.stems <= o.profile.pool)
            key = (covered, len(ph.stems), ph.source == "title", -len(ph.text))
            if best is None or key > best[0]:
                best = (key, ph.text)
    return best[1] if best else (members[0].rep.title or members[0].rep.path)


def link_documents(docs: list[DocumentRow], rows: dict[str, list]) -> tuple[list[Project], list[DocumentProject]]:
    """(projects, document_projects): one project per family of linked documents (and per document
    kept in two files), each file's link with its method and score."""
    ldocs = logical_documents(docs, rows_by_doc(rows))
    pairs = link_pairs(ldocs)
    projects: list[Project] = []
    links: list[DocumentProject] = []
    for fam in _families(len(ldocs), pairs):
        members = [ldocs[i] for i in fam]
        files = [f for m in members for f in m.files]
        if len(files) < 2:
            continue
        name = project_name(members) if len(members) > 1 else (members[0].rep.title or members[0].rep.path)
        pid = content_id("project", " ".join(sorted(stem(w) for w in name.split())), min(f.doc_id for f in files))
        fam_reasons = []
        for i in fam:
            own = [(l, j if a == i else a) for (a, j), l in pairs.items() if i in (a, j)]
            own = [(l, j) for l, j in own if j in fam]
            if own:
                best, other = max(own, key=lambda x: x[0].score)
                method, score = "+".join(best.kinds), round(best.score, 2)
                evidence = f"lenket til {ldocs[other].rep.path}: " + "; ".join(best.reasons)
                fam_reasons.append(evidence)
            else:
                method, score, evidence = "same_document", 1.0, "samme dokument i flere filformater"
            ld = ldocs[i]
            links.append(DocumentProject(ld.rep.doc_id, pid, method, score, evidence))
            for twin in ld.files[1:]:
                links.append(DocumentProject(twin.doc_id, pid, "same_document", 1.0,
                                             f"samme dokument som {ld.rep.path}", twin_of=ld.rep.doc_id))
        projects.append(Project(pid, name, documents=len(members), files=len(files),
                                evidence=" | ".join(dict.fromkeys(fam_reasons)) or "samme dokument i flere filformater"))
    return projects, links
