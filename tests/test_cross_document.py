"""Where documents about one project disagree: period, total budget, leader. Horizon sentences as
parametrised Norwegian inputs; hand-made pairs of documents; golden runs over seeds and samples."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checks.cross_document import check_cross_document
from extractors.horizon import find_horizon
from checks.linking import link_documents
from schemas.rows import BudgetLine, DocumentRow, Role
from tests.test_linking import ROOT, expected_families, run_archive, stem_of

D = dt.date


@pytest.mark.parametrize("text, first, last, words", [
    ("– Vi har midler til å drive frem til sommeren 2019, men håper å få mer støtte.",
     D(2019, 6, 1), D(2019, 8, 31), "sommeren 2019"),
    ("Prosjektet er startet opp og løper fram til juni 2018.", D(2018, 6, 1), D(2018, 6, 30), "juni 2018"),
    ("– Vi har en ramme på 2,5 millioner kroner og skal holde på ut 2027.", D(2027, 12, 1), D(2027, 12, 31), "ut 2027"),
    ("Prosjektperioden var 1. april 2024 – 30. juni 2026.", D(2026, 6, 30), D(2026, 6, 30), "30. juni 2026"),
    ("Prosjektperioden er april 2024 til utgangen av 2025.", D(2025, 12, 1), D(2025, 12, 31), "utgangen av 2025"),
])
def test_horizon(text, first, last, words):
    h = find_horizon(text)
    assert (h.first, h.last, h.date_text) == (first, last, words)
    assert h.passage in text


@pytest.mark.parametrize("text", [
    "Workshop 2 ble holdt 27. februar 2018.",  # a dated event, no horizon
    "Vi har midler til å drive videre.",  # a horizon without a date
])
def test_no_horizon(text):
    assert find_horizon(text) is None


# --- hand-made pairs ------------------------------------------------------------------------------

def _doc(doc_id, title, fmt="docx", **kw):
    return DocumentRow(doc_id=doc_id, path=f"{doc_id}.{fmt}", format=fmt, sha256=f"{doc_id}{fmt}", title=title, **kw)


def _run(docs, rows):
    projects, links = link_documents(docs, rows)
    rows = dict(rows, projects=projects, document_projects=links)
    return check_cross_document(docs, rows)


def _pair_rows(extra_plan=(), extra_other=()):
    return {"roles": [Role("plan", "Kari Nordmann", "prosjektleder", None, 1, "Prosjektleder: Kari Nordmann"),
                      Role("rapport", "Kari Nordmann", "prosjektleder", None, 1, "Kari Nordmann, prosjektleder")],
            "budget_lines": [BudgetLine("plan", "Sum kostnader", 1_900_000, "total", None, 2, "Sum kostnader | 1 900 000"),
                             *extra_plan, *extra_other]}


def test_later_end_is_flagged_once_with_both_documents():
    docs = [_doc("plan", "Prosjektplan Kystled Nord", project_end=D(2025, 12, 31), project_end_text="31. desember 2025"),
            _doc("rapport", "Sluttrapport Kystled Nord", project_end=D(2026, 6, 30), project_end_text="30. juni 2026"),
            _doc("rapport", "Sluttrapport Kystled Nord", "pdf", project_end=D(2026, 6, 30), project_end_text="30. juni 2026")]
    docs[2].doc_id = "rapport-pdf"
    flags = _run(docs, _pair_rows())
    assert len(flags) == 1
    f = flags[0]
    assert {f.doc_id, f.related_doc_id} == {"plan", "rapport"}  # the docx twin, same format as the plan
    assert "31. desember 2025" in f.message and "30. juni 2026" in f.message
    assert "plan.docx" in f.message and "rapport.docx" in f.message
    assert {e.doc_id for e in f.evidence_items} == {"plan", "rapport"}


def test_report_with_budget_and_lower_accounts_is_progress_not_conflict():
    other = [BudgetLine("rapport", "Sum (Budsjett)", 1_900_000, "total", None, 1, "Sum | 1 900 000"),
             BudgetLine("rapport", "Sum (Regnskap)", 1_780_000, "total", None, 1, "Sum | 1 900 000 | 1 780 000")]
    docs = [_doc("plan", "Prosjektplan Kystled Nord", project_end=D(2025, 12, 31), project_end_text="31.12.2025"),
            _doc("rapport", "Sluttrapport Kystled Nord", project_end=D(2025, 12, 1), project_end_text="desember 2025")]
    assert _run(docs, _pair_rows(extra_other=other)) == []


def test_different_total_budget_is_flagged_with_both_amounts():
    other = [BudgetLine("rapport", "Prosjektet har en samlet kostnadsramme", 1_750_000, "frame", None, 1,
                        "Prosjektet har en samlet kostnadsramme på kr 1 750 000."),
             BudgetLine("rapport", "Kommunen bidrar med inntil", 500_000, "frame", None, 1, "inntil kr 500 000")]
    docs = [_doc("plan", "Prosjektplan Kystled Nord"), _doc("rapport", "Saksframlegg Kystled Nord")]
    flags = _run(docs, _pair_rows(extra_other=other))
    assert len(flags) == 1
    assert "kr 1 900 000" in flags[0].message and "kr 1 750 000" in flags[0].message and "avvik kr 150 000" in flags[0].message


def test_a_grant_is_not_read_as_a_different_total():
    other = [BudgetLine("rapport", "Kommunen bidrar med inntil", 500_000, "frame", None, 1, "inntil kr 500 000")]
    plan_lines = [BudgetLine("plan", "Tveitå kommune, næringsfond (Sum)", 500_000, "total", None, 2, "næringsfond | 500 000")]
    docs = [_doc("plan", "Prosjektplan Kystled Nord"), _doc("rapport", "Saksframlegg Kystled Nord")]
    assert _run(docs, _pair_rows(extra_plan=plan_lines, extra_other=other)) == []


def test_different_project_leader_is_flagged():
    rows = _pair_rows()
    rows["roles"][1] = Role("rapport", "Ola Berg", "prosjektleder", None, 1, "Ola Berg, prosjektleder")
    rows["roles"].append(Role("rapport", "Kari Nordmann", "rådgiver", None, 1, "Kari Nordmann"))
    docs = [_doc("plan", "Prosjektplan Kystled Nord"), _doc("rapport", "Sluttrapport Kystled Nord")]
    flags = _run(docs, rows)
    assert len(flags) == 1 and "Kari Nordmann" in flags[0].message and "Ola Berg" in flags[0].message


def test_unlinked_documents_are_never_compared():
    docs = [_doc("a", "Prosjektplan", project_end=D(2025, 12, 31), project_end_text="31.12.2025"),
            _doc("b", "Prosjektplan", project_end=D(2027, 6, 30), project_end_text="30.06.2027")]
    assert _run(docs, {}) == []


# --- golden ---------------------------------------------------------------------------------------

def _flagged_pairs(flags) -> set[frozenset[str]]:
    return {frozenset((stem_of(f.doc_id), stem_of(f.related_doc_id))) for f in flags if f.rule == "cross_document"}


def _expected_pairs(truth: Path) -> set[frozenset[str]]:
    fams = expected_families(truth)
    import json
    keys = {json.loads(p.read_text())["doc"]: json.loads(p.read_text()) for p in truth.glob("*.json")}
    pairs = set()
    for name, key in keys.items():
        for f in key.get("expected_flags", []):
            if f["check"] == "cross_document":
                pairs |= {frozenset((name, o)) for fam in fams for o in fam if o != name and o in f["detail"]}
    return pairs


def test_seed_smartpack_money_horizon_is_flagged(shared, seeds):
    _, _, flags = run_archive(str(seeds))
    assert _flagged_pairs(flags) == {frozenset({"seed-smartpack-article", "seed-smartpack-plan"})}
    assert len(flags) == 1  # one disagreement, one flag, one file per twin pair
    f = flags[0]
    assert "sommeren 2019" in f.message and "juni 2018" in f.message
    assert f.doc_id.endswith(".docx") and f.related_doc_id.endswith(".docx")


def test_sample_archive_disagreements_match_the_answer_keys(sample_archive):
    _, _, flags = run_archive(str(sample_archive))
    assert _flagged_pairs(flags) == _expected_pairs(ROOT / "samples" / "truth")
    per_pair_and_kind = [(frozenset((f.doc_id, f.related_doc_id)), f.message.split(":")[0]) for f in flags]
    assert len(per_pair_and_kind) == len(set(per_pair_and_kind))  # one flag per disagreement per pair


# --- funding sources compared source by source ----------------------------------------------------

def _fund(doc_id, label, amount, kind="funding", period=None, section=None, source_text=None, precision=1):
    text = source_text or f"{label}: kr {amount:,}".replace(",", " ")
    full = f"{section}: {label}" if section else label
    return BudgetLine(doc_id, full, amount, kind, period, 1, text, section=section, precision_nok=precision)


@pytest.mark.parametrize("label, kind, period, source_text, source", [
    ("Kommunens andel", "frame", None, "3. Kommunens andel, inntil kr 800 000, dekkes av disposisjonsfondet.", "kommunens andel"),
    ("Kommunal egenandel, lån", "funding", None, None, "kommunens andel"),
    ("Tilskudd fra Havbruksfondet", "funding", None, None, "Havbruksfondet"),
    ("Nordkyst fylkeskommune har gitt tilsagn om", "funding", None,
     "Nordkyst fylkeskommune har gitt tilsagn om kr 300 000 til kaia.", "Nordkyst fylkeskommune"),
    ("Innovasjon Norge, bedriftsnettverk", "funding", None, None, "Innovasjon Norge"),
    ("Egenandel (deltakerbedriftene)", "funding", None, None, "egenandelen"),
    ("Kommunestyret vedtok i sak 12/24 å sette av", "frame", None,
     "Kommunestyret vedtok i sak 12/24 å sette av kr 1 mill. til kaia.", "kommunens andel"),
    ("Dugnad, Holmvik båtlag", "funding", None, None, "Holmvik"),
    ("Prosjektet har fått", "funding", None, "Prosjektet har fått kr 200 000 fra Havbruksfondet.", "Havbruksfondet"),
    # no source: a receiver or applicant, a remainder, accounts, a per-unit amount, the frame, a cost
    ("Båtlaget søker kommunen om", "funding", None, None, None),
    ("Holmvik båtlag innvilges", "funding", None, "Holmvik båtlag innvilges kr 40 000 i tilskudd.", None),
    ("Fondet har", "funding", None, "Fondet har 90 000 kroner igjen i år.", None),
    ("Havbruksfondet (Regnskap)", "funding", None, None, None),
    ("Tilskudd per kommune", "funding", None, None, None),
    ("Prosjektets kostnadsramme", "frame", None, None, None),
    ("Kommunens andel", "cost", None, None, None),
])
def test_funding_source(label, kind, period, source_text, source):
    from checks.funding_sources import funding_source
    got = funding_source(_fund("d", label, 100_000, kind, period, source_text=source_text))
    assert (got.text if got else None) == source


@pytest.mark.parametrize("label, applied, period", [
    ("Havbruksfondet (Søkt)", True, None),
    ("Havbruksfondet (Bevilget)", False, None),
    ("Kommunens andel pr. år", False, "per_year"),
])
def test_funding_source_stage_and_period(label, applied, period):
    from checks.funding_sources import funding_source
    got = funding_source(_fund("d", label, 100_000))
    assert (got.applied, got.period) == (applied, period)


def _sak_and_protokoll(paper, minutes):
    docs = [_doc("sak", "Saksframlegg Kystled Nord", doc_date=D(2024, 3, 1)),
            _doc("protokoll", "Møteprotokoll Kystled Nord", doc_date=D(2024, 3, 14))]
    rows = _pair_rows()
    rows["roles"][1] = Role("protokoll", "Kari Nordmann", "prosjektleder", None, 1, "Kari Nordmann, prosjektleder")
    rows["roles"][0] = Role("sak", "Kari Nordmann", "prosjektleder", None, 1, "Prosjektleder: Kari Nordmann")
    rows["budget_lines"] = [*paper, *minutes]
    return docs, rows


def test_municipal_share_differing_between_case_paper_and_minutes_is_flagged():
    paper = [_fund("sak", "Kommunens andel", 800_000, "frame", section="Innstilling",
                   source_text="2. Kommunens andel, inntil kr 0,8 mill., dekkes av disposisjonsfondet.", precision=50_000),
             _fund("sak", "Tilskudd fra Havbruksfondet", 400_000, section="Finansiering"),
             _fund("sak", "Kommunens andel, disposisjonsfond", 800_000, section="Finansiering")]
    minutes = [_fund("protokoll", "Kommunens andel", 1_100_000, "frame", section="Sak 12/24",
                     source_text="2. Kommunens andel, inntil kr 1,1 mill., dekkes av disposisjonsfondet.", precision=50_000),
               _fund("protokoll", "Havbruksfondet har gitt tilsagn om", 400_000, section="Sak 12/24")]
    docs, rows = _sak_and_protokoll(paper, minutes)
    flags = _run(docs, rows)
    assert len(flags) == 1
    f = flags[0]
    assert (f.doc_id, f.related_doc_id) == ("sak", "protokoll")
    assert "kommunens andel" in f.message.split(":")[0]
    assert "kr 800 000" in f.message and "kr 1 100 000" in f.message and "avvik kr 300 000" in f.message
    assert {e.doc_id for e in f.evidence_items} == {"sak", "protokoll"}
    assert any("inntil kr 1,1 mill." in e.text for e in f.evidence_items)


def test_two_sources_differing_give_one_flag_each():
    paper = [_fund("sak", "Tilskudd fra Havbruksfondet", 400_000), _fund("sak", "Egenandel", 150_000)]
    minutes = [_fund("protokoll", "Havbruksfondet", 450_000), _fund("protokoll", "Egenandel", 100_000)]
    flags = _run(*_sak_and_protokoll(paper, minutes))
    assert len(flags) == 2
    assert len({f.message.split(":")[0] for f in flags}) == 2


@pytest.mark.parametrize("paper, minutes", [
    # the same amount, written differently
    ([_fund("sak", "Kommunens andel", 1_200_000, "frame", precision=50_000)],
     [_fund("protokoll", "Kommunal andel", 1_200_000)]),
    # applied for in the plan, granted in the later paper: two stages of one grant
    ([_fund("sak", "Havbruksfondet (Søkt)", 500_000)], [_fund("protokoll", "Havbruksfondet har gitt tilsagn om", 400_000)]),
    # a yearly amount against one for the whole period
    ([_fund("sak", "Kommunens andel", 200_000, period="per_year")], [_fund("protokoll", "Kommunens andel", 600_000)]),
    ([_fund("sak", "Havbruksfondet (2025)", 200_000, period="2025")], [_fund("protokoll", "Havbruksfondet", 600_000)]),
    # accounts against the plan
    ([_fund("sak", "Havbruksfondet", 500_000)], [_fund("protokoll", "Havbruksfondet (Regnskap)", 430_000)]),
    # the minutes hold the proposal and an amended decision: two amounts, not a reproduction error
    ([_fund("sak", "Kommunens andel", 800_000)],
     [_fund("protokoll", "Kommunens andel", 800_000), _fund("protokoll", "Kommunens andel", 1_000_000)]),
    # different sources are never compared
    ([_fund("sak", "Tilskudd fra Havbruksfondet", 400_000)], [_fund("protokoll", "Tilskudd fra Kystverket", 250_000)]),
    ([_fund("sak", "Nordkyst kommune", 400_000)], [_fund("protokoll", "Nordkyst fylkeskommune", 250_000)]),
])
def test_funding_lines_that_are_no_conflict(paper, minutes):
    assert _run(*_sak_and_protokoll(paper, minutes)) == []


def test_a_reports_received_amount_is_progress_not_conflict():
    docs = [_doc("plan", "Prosjektplan Kystled Nord", doc_type="project_plan"),
            _doc("rapport", "Sluttrapport Kystled Nord", doc_type="report")]
    rows = _pair_rows()
    rows["budget_lines"] = [_fund("plan", "Havbruksfondet", 500_000),
                            _fund("rapport", "Havbruksfondet", 430_000, section="Finansiering")]
    assert _run(docs, rows) == []
