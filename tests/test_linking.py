"""Linking documents about the same project: name words, case numbers, twins, and no false links.

Parametrised tables of Norwegian titles and passages; small archives of hand-written rows; golden
runs over the seeds and the sample archive (real files, skipped where absent).
"""
from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
from pathlib import Path

import pytest

from extractors.horizon import find_document_horizon
from checks.linking import link_documents
from checks.profiles import case_numbers, is_archive_case, stem, title_phrases
from schemas.rows import BudgetLine, Decision, DocumentRow, Role

ROOT = Path(__file__).resolve().parents[1]


# --- reading a whole archive for real (shared with test_cross_document) ---------------------------

@functools.lru_cache(maxsize=4)
def run_archive(folder: str):
    """Read and extract every file of `folder` as the pipeline does, then link and check the
    archive. A document without a stated period gets the horizon its prose gives
    (checks.horizon.find_document_horizon), as extraction is asked to do."""
    from checks.cross_document import check_cross_document
    from extractors.read import read_document
    from pipelines.work import extract_and_check

    docs, rows = [], {}
    paths = sorted(p for p in Path(folder).rglob("*") if p.suffix.lower() in (".docx", ".pdf"))
    for p in paths:
        rel = str(p.relative_to(folder))
        doc, _ = read_document(str(p), doc_id=rel, sha256="", display_path=rel)
        res = extract_and_check(doc, rel, fmt=doc.format)
        d = res.document
        if d.project_end is None:
            end, words = find_document_horizon(doc)
            if end:
                d = dataclasses.replace(d, project_end=end, project_end_text=words)
        docs.append(d)
        for name, lst in res.rows.items():
            rows.setdefault(name, []).extend(lst)
    projects, links = link_documents(docs, rows)
    rows["projects"], rows["document_projects"] = projects, links
    return docs, rows, check_cross_document(docs, rows)


def stem_of(doc_id: str) -> str:
    return Path(doc_id).stem


def families(links) -> set[frozenset[str]]:
    """The linked families as sets of file stems (documents, not files)."""
    by_project: dict[str, set[str]] = {}
    for link in links:
        by_project.setdefault(link.project_id, set()).add(stem_of(link.doc_id))
    return {frozenset(s) for s in by_project.values() if len(s) > 1}


def expected_families(truth: Path) -> set[frozenset[str]]:
    """Families the answer keys imply: a cross_document flag names the other document's stem."""
    keys = {json.loads(p.read_text())["doc"]: json.loads(p.read_text()) for p in truth.glob("*.json")}
    pairs = set()
    for name, key in keys.items():
        for f in key.get("expected_flags", []):
            if f["check"] == "cross_document":
                for other in keys:
                    if other != name and other in f["detail"]:
                        pairs.add(frozenset((name, other)))
    # join pairs that share a document into families
    fams: list[set[str]] = []
    for p in pairs:
        hit = [f for f in fams if f & p]
        merged = set(p).union(*hit) if hit else set(p)
        fams = [f for f in fams if not (f & p)] + [merged]
    return {frozenset(f) for f in fams}


# --- name words -----------------------------------------------------------------------------------

@pytest.mark.parametrize("title, names, coined", [
    ("PROSJEKTPLAN smartPACK", ["smartPACK"], True),
    ("Prosjektplan Grønn vekst Tveitå", ["Grønn vekst Tveitå"], False),
    ("Prosjektmandat Sjømatklynge Vestfjord", ["Sjømatklynge Vestfjord"], False),
    ("Prosjektplan", [], False),
    ("Handlingsplan 2015", [], False),
    ("Mandat", [], False),
    ("Sluttrapport", [], False),
    ("Notat", [], False),
    ("Møteprotokoll Regionrådet for Vestfjorden", [], False),  # a body, not a project
    ("Grønn vekst Tveitå – kommunal medfinansiering av prosjekt", ["Grønn vekst Tveitå"], False),
])
def test_title_phrases(title, names, coined):
    phrases, _ = title_phrases(title)
    got = [p.text for p in phrases]
    for n in names:
        assert n in got
    if not names:
        assert got == []
    if names:
        assert next(p for p in phrases if p.text == names[0]).coined is coined


@pytest.mark.parametrize("word, expected", [
    ("Vestfjorden", "vestfjord"), ("Vestfjord", "vestfjord"), ("smartPACK", "smartpack"),
    ("bedriftene", "bedrift"), ("Tveitå", "tveitå"),
])
def test_stem(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize("text, numbers", [
    ("Arkivsak: 2024/417", {"2024/417"}),
    ("Fylkesutvalget vedtok 12.03.13 sak 30/13:", {"30/13"}),
    ("Formannskapet bevilget kr 500 000 fra næringsfondet i sak 18/24.", {"18/24"}),
    ("PS 04/25 Prosjektmandat Sjømatklynge Vestfjord", {"04/25"}),
    ("Vi leverte 3/4 av arbeidet", set()),  # a bare fraction is no case number
])
def test_case_numbers(text, numbers):
    assert set(case_numbers([text], [])) == numbers


@pytest.mark.parametrize("num, archive", [("2024/417", True), ("18/24", False), ("06/22", False), ("2013/1234", True)])
def test_archive_case(num, archive):
    assert is_archive_case(num) is archive


# --- small archives of hand-written rows ----------------------------------------------------------

def _doc(doc_id, title, fmt="docx", **kw):
    return DocumentRow(doc_id=doc_id, path=f"{doc_id}.{fmt}", format=fmt, sha256=f"sha-{doc_id}-{fmt}", title=title, **kw)


def _role(doc_id, person, role, org=None):
    return Role(doc_id, person, role, org, 1, person)


def _line(doc_id, label, amount, kind="total"):
    return BudgetLine(doc_id, label, amount, kind, None, 1, f"{label} kr {amount}")


def test_coined_name_and_leader_link_two_documents():
    docs = [_doc("plan", "PROSJEKTPLAN BioLoop"), _doc("nyhet", "BioLoop-deltakerne møttes på Hamar")]
    rows = {"roles": [_role("plan", "Kari Nordmann", "prosjektleder"), _role("nyhet", "Kari Nordmann", "Prosjektleder")]}
    projects, links = link_documents(docs, rows)
    assert len(projects) == 1 and projects[0].name == "BioLoop"
    assert {l.doc_id for l in links} == {"plan", "nyhet"}
    assert all("name" in l.method and "people" in l.method for l in links)


@pytest.mark.parametrize("title_a, title_b", [
    ("Prosjektplan", "Prosjektplan"),
    ("Handlingsplan 2015", "Handlingsplan 2015"),
    ("Mandat", "Sluttrapport"),
    ("Notat", "Notat"),
])
def test_generic_titles_and_common_organisations_do_not_link(title_a, title_b):
    docs = [_doc("a", title_a), _doc("b", title_b)]
    rows = {"roles": [_role("a", "Per Hansen", "rådgiver", "Innovasjon Norge"),
                      _role("b", "Ola Berg", "seniorrådgiver", "Innovasjon Norge")],
            "budget_lines": [_line("a", "Innovasjon Norge", 500_000, "funding"),
                             _line("b", "Innovasjon Norge", 500_000, "funding")]}
    assert link_documents(docs, rows) == ([], [])


def test_shared_people_and_amounts_alone_do_not_link():
    docs = [_doc("a", "Prosjektplan Kulturskole for alle"), _doc("b", "Sluttrapport Bredbånd i Elvdal")]
    rows = {"roles": [_role("a", "Liv Torsvik", "rådmann"), _role("b", "Liv Torsvik", "rådmann")],
            "budget_lines": [_line("a", "Sum", 1_250_000), _line("b", "Sum", 1_250_000)]}
    assert link_documents(docs, rows) == ([], [])


def test_a_region_name_alone_does_not_link():
    docs = [_doc("a", "Reiselivsstrategi Nedre Romerike"), _doc("b", "Handlingsplan næring Nedre Romerike")]
    assert link_documents(docs, {}) == ([], [])


def test_archive_case_number_and_name_link_case_paper_to_plan():
    docs = [_doc("plan", "Prosjektplan Kystled Nord"),
            _doc("sak", "Saksframlegg – medfinansiering av Kystled Nord")]
    rows = {"decisions": [Decision("sak", "2023/88", "Formannskapet", None, "proposal",
                                   "Formannskapet slutter seg til prosjektplanen for «Kystled Nord».", 1,
                                   "Arkivsak 2023/88")],
            "budget_lines": [BudgetLine("plan", "Sum", 900_000, "total", None, 1, "Arkivsak: 2023/88 Sum 900 000")]}
    projects, links = link_documents(docs, rows)
    assert len(projects) == 1
    assert all("case_number" in l.method and "name" in l.method for l in links)


def test_twins_are_one_document_and_ids_are_stable():
    docs = [_doc("rapport", "Sluttrapport Kystled Nord", "docx"), _doc("rapport", "Sluttrapport Kystled Nord", "pdf")]
    docs[1] = dataclasses.replace(docs[1], doc_id="rapport-pdf")
    projects, links = link_documents(docs, {})
    assert len(projects) == 1 and projects[0].documents == 1 and projects[0].files == 2
    assert {l.method for l in links} == {"same_document"}
    assert next(l for l in links if l.doc_id == "rapport-pdf").twin_of == "rapport"
    again, _ = link_documents(list(reversed(docs)), {})
    assert again[0].project_id == projects[0].project_id


def test_different_stems_are_not_twins():
    docs = [_doc("plan-v1", "Prosjektplan Kystled Nord"), _doc("plan-v2", "Prosjektplan Kystled Nord", "pdf")]
    projects, links = link_documents(docs, {})
    assert all(l.method != "same_document" for l in links)


# --- golden: the seeds and the sample archive ----------------------------------------------------

def test_seeds_link_only_the_smartpack_article_and_plan(seeds):
    _, rows, _ = run_archive(str(seeds))
    assert families(rows["document_projects"]) == {frozenset({"seed-smartpack-article", "seed-smartpack-plan"})}
    twins = [l for l in rows["document_projects"] if l.method == "same_document" and l.twin_of]
    assert len(twins) == 5  # every seed is kept as .docx and .pdf


def test_seed_families_match_the_answer_keys(shared, seeds):
    _, rows, _ = run_archive(str(seeds))
    assert families(rows["document_projects"]) == expected_families(shared / "seeds" / "truth")


def test_sample_archive_families_match_the_answer_keys(sample_archive):
    _, rows, _ = run_archive(str(sample_archive))
    assert families(rows["document_projects"]) == expected_families(ROOT / "samples" / "truth")
