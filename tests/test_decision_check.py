"""decision_vs_budget: built documents through the real extractors, and the seeds and samples."""
from __future__ import annotations

import json

import pytest

from checks.decisions import check_decision_vs_budget, nok
from checks.registry import run_document_checks
from extractors.budgets import extract_budget_lines
from extractors.decisions import extract_decisions
from extractors.read import read_document
from schemas.document import BlockKind, DocumentBuilder
from schemas.rows import DocumentRow


def build(*items):
    b = DocumentBuilder()
    for kind, content in items:
        if kind == "t":
            b.add_table([[(c, i, 1) for i, c in enumerate(row)] for row in content], page=1, header_rows=1)
        else:
            k = {"h": BlockKind.HEADING, "p": BlockKind.PARAGRAPH, "li": BlockKind.LIST_ITEM}[kind]
            b.add_text(k, content, page=1, level=2 if kind == "h" else None)
    return b.build(doc_id="t", path="t.docx", format="docx", sha256="", pages=1)


def flags_for(doc):
    rows = {"decisions": extract_decisions(doc), "budget_lines": extract_budget_lines(doc)}
    return check_decision_vs_budget(DocumentRow(doc.doc_id, doc.path, doc.format, ""), rows)


@pytest.mark.parametrize("n, text", [(15000000, "15 000 000"), (200000, "200 000"), (950, "950")])
def test_nok(n, text):
    assert nok(n) == text


def test_frame_against_funding_in_one_decision():
    doc = build(
        ("p", "Fylkestinget fattet slikt vedtak:"),
        ("li", "1. Fylkeskommunen avsetter inntil kr. 15 mill. til et næringsprogram."),
        ("li", "2. Programmet finansieres med kr. 10 mill. fra disposisjonsfondet."),
    )
    [flag] = flags_for(doc)
    assert flag.rule == "decision_vs_budget"
    assert "15 000 000" in flag.message and "10 000 000" in flag.message and "5 000 000" in flag.message
    assert len(flag.evidence_items) == 2
    for e in flag.evidence_items:
        assert doc.text[e.span_start:e.span_end] == e.text


def test_grant_against_the_financing_line_of_its_source():
    doc = build(
        ("h", "Forslag til vedtak"),
        ("p", "Foreningen innvilges kr 350 000 i tilskudd fra kommunens næringsfond til et næringshus."),
        ("h", "Saksopplysninger"),
        ("p", "Finansieringsplan:"),
        ("t", [["Finansiering", "Beløp"], ["Egenkapital", "kr 200 000"], ["Kommunen, næringsfond", "kr 250 000"],
               ["Sum finansiering", "kr 450 000"]]),
    )
    [flag] = flags_for(doc)
    assert "350 000" in flag.message and "250 000" in flag.message and "100 000" in flag.message
    assert any("næringsfond | kr 250 000" in e.text for e in flag.evidence_items)


@pytest.mark.parametrize("granted, flagged", [("kr 1 500 000", True), ("kr 1 800 000", False)])
def test_grant_named_as_a_share_against_the_financing_plan(granted, flagged):
    doc = build(
        ("t", [["Finansiering", "Kr"], ["Statens vegvesen", "2 000 000"], ["Nordvik kommune, kommunal andel", "1 800 000"],
               ["Sum", "3 800 000"]]),
        ("h", "Vedtak"),
        ("li", f"1. Kommunestyret bevilger {granted} som kommunal andel til nytt fortau langs fv. 17."),
        ("li", "2. Bevilgningen finansieres med låneopptak."),
    )
    flags = flags_for(doc)
    assert bool(flags) is flagged
    if flagged:
        assert "1 500 000" in flags[0].message and "1 800 000" in flags[0].message and "300 000" in flags[0].message


def test_agreeing_amounts_raise_nothing():
    doc = build(
        ("p", "Det er satt av kr 200 000,- til delprosjektet."),
        ("h", "Forslag til vedtak:"),
        ("li", "1. Delprosjektet tas ut og midlene (kr. 200 000,-) overføres til et annet tiltak."),
        ("h", "Vedtak"),
        ("p", "Foreningen innvilges kr 250 000 i tilskudd fra kommunens næringsfond."),
        ("t", [["Finansiering", "Beløp"], ["Kommunen, næringsfond", "kr 250 000"]]),
    )
    assert flags_for(doc) == []


def test_council_frame_against_the_councils_planned_contribution():
    doc = build(
        ("h", "Bakgrunn"),
        ("p", "Bystyret vedtok 03.10.2024 i sak 55/24 å sette av inntil kr 900 000 til et treårig prosjekt for lesing."),
        ("h", "Ressurser"),
        ("p", "Kommunens bidrag er kr 400 000 pr år i 2025, 2026 og 2027, til sammen kr 1,2 mill. "
              "Fylkeskommunen har gitt tilsagn om kr 200 000."),
    )
    [flag] = flags_for(doc)
    assert "900 000" in flag.message and "1 200 000" in flag.message and "300 000" in flag.message
    assert "sak 55/24" in flag.message
    for e in flag.evidence_items:
        assert doc.text[e.span_start:e.span_end] == e.text


def test_council_frame_that_covers_the_plan_raises_nothing():
    doc = build(
        ("p", "Bystyret vedtok 03.10.2024 i sak 55/24 å sette av inntil kr 1,5 mill. til et treårig prosjekt for lesing."),
        ("h", "Ressurser"),
        ("p", "Kommunens bidrag er kr 400 000 pr år i 2025, 2026 og 2027, til sammen kr 1,2 mill."),
    )
    assert flags_for(doc) == []


def test_amended_grant_and_a_funds_balance_raise_nothing():
    doc = build(
        ("h", "Møteprotokoll – Formannskapet"),
        ("p", "Møtedato: 10.10.2024"),
        ("h", "Sak 60/24 Tilskudd til korpset"),
        ("p", "Innstilling:"),
        ("p", "Skolekorpset innvilges kr 30 000 i tilskudd fra kulturfondet."),
        ("p", "Behandling:"),
        ("p", "Kultursjefen opplyste at kulturfondet har kr 95 000 igjen i år."),
        ("p", "Anne Lie (Sp) fremmet følgende endringsforslag: «Skolekorpset innvilges kr 50 000 i tilskudd fra kulturfondet.»"),
        ("p", "Votering:"),
        ("p", "Endringsforslaget ble vedtatt med 5 mot 2 stemmer."),
        ("p", "Vedtak:"),
        ("p", "Skolekorpset innvilges kr 50 000 i tilskudd fra kulturfondet."),
    )
    assert flags_for(doc) == []


def _docs(folder):
    return sorted(folder.rglob("*.docx")) + sorted(folder.rglob("*.pdf"))


def _run(p):
    doc, _ = read_document(p, doc_id=p.stem, sha256="", display_path=str(p))
    rows = {"decisions": extract_decisions(doc), "budget_lines": extract_budget_lines(doc)}
    return rows, check_decision_vs_budget(DocumentRow(doc.doc_id, str(p), p.suffix[1:], ""), rows)


def _expected(truth, p):
    key = json.loads((truth / f"{p.stem}.json").read_text())
    return sum(1 for f in key["expected_flags"] if f["check"] == "decision_vs_budget")


def test_seed_flags_match_the_keys(seeds, shared):
    for p in _docs(seeds):
        rows, flags = _run(p)
        assert len(flags) == _expected(shared / "seeds" / "truth", p), (p.name, [f.message for f in flags])
        if flags:  # the registry keeps the decision flag over a money flag on the same passages
            kept = run_document_checks(DocumentRow(p.stem, str(p), p.suffix[1:], ""), rows)
            assert any(f.rule == "decision_vs_budget" for f in kept)


def test_sample_flags_match_the_keys(sample_archive):
    for p in _docs(sample_archive):
        _, flags = _run(p)
        assert len(flags) == _expected(sample_archive.parent / "truth", p), (p.name, [f.message for f in flags])
