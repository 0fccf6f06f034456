"""Budget checks: both sides of every tolerance on built documents, and the seeds' expected flags."""
from __future__ import annotations

from pathlib import Path

import pytest

from checks.budgets import check_budgets, kr
from extractors.budgets import extract_budget_lines
from schemas.document import BlockKind, DocumentBuilder
from schemas.rows import DocumentRow

SHARED = Path(__file__).resolve().parents[2] / "shared"


def build(*parts):
    b = DocumentBuilder()
    for part in parts:
        if part[0] == "h":
            b.add_text(BlockKind.HEADING, part[1], 1, level=2)
        elif part[0] == "p":
            b.add_text(BlockKind.PARAGRAPH, part[1], 1)
        elif part[0] == "li":
            b.add_text(BlockKind.LIST_ITEM, part[1], 1)
        else:
            b.add_table([[(t, i, 1) for i, t in enumerate(r)] for r in part[1]], 1, header_rows=part[2])
    return b.build(doc_id="d", path="d.docx", format="docx", sha256="", pages=1)


def flags_of(doc):
    rows = {"budget_lines": extract_budget_lines(doc), "decisions": []}
    return check_budgets(DocumentRow(doc_id="d", path="d.docx", format="docx", sha256=""), rows)


def test_kr_formats_with_spaces():
    assert kr(2_050_000) == "2 050 000" and kr(500) == "500"


@pytest.mark.parametrize("total, flagged", [("800.000", False), ("850.000", True), ("800.004", False), ("800.005", True)])
def test_table_sum_within_precision(total, flagged):
    # four exact amounts (three lines and the sum, precision 1 each): off by at most 4 kroner
    doc = build(("h", "Budsjett"),
                ("t", [["Lønn", "500.000"], ["Reiser", "200.000"], ["Diverse", "100.000"], ["Sum", total]], 0))
    flags = flags_of(doc)
    assert [f.rule for f in flags] == (["budget_total_mismatch"] if flagged else [])
    if flagged:
        assert flags[0].severity == "error"
        assert "800 000" in flags[0].message
        assert all(e.span_start is not None for e in flags[0].evidence_items)


def test_subtotals_then_total():
    doc = build(("h", "Budsjett"),
                ("t", [["Lønn", "100 000"], ["Reiser", "50 000"], ["Sum interne kostnader", "150 000"],
                       ["Konsulent", "200 000"], ["Sum eksterne kostnader", "200 000"],
                       ["Sum kostnader", "350 000"]], 0))
    assert flags_of(doc) == []
    bad = build(("h", "Budsjett"),
                ("t", [["Lønn", "100 000"], ["Reiser", "50 000"], ["Sum interne kostnader", "150 000"],
                       ["Konsulent", "200 000"], ["Sum eksterne kostnader", "200 000"],
                       ["Sum kostnader", "400 000"]], 0))
    (f,) = flags_of(bad)
    assert f.rule == "budget_total_mismatch" and "350 000" in f.message and "400 000" in f.message


def test_period_columns_and_sum_column():
    ok = [["Post", "2025", "2026", "Sum"], ["Kurs", "120 000", "120 000", "240 000"],
          ["Nettside", "180 000", "20 000", "200 000"], ["Sum", "300 000", "140 000", "440 000"]]
    assert flags_of(build(("h", "Budsjett"), ("t", ok, 1))) == []
    bad = [r[:] for r in ok]
    bad[3][3] = "500 000"
    (f,) = flags_of(build(("h", "Budsjett"), ("t", bad, 1)))
    assert "440 000" in f.message and "500 000" in f.message and "60 000" in f.message


@pytest.mark.parametrize("frame, flagged", [("kr 15 mill.", False), ("kr 14 mill.", False), ("kr 12 mill.", True)])
def test_prose_frame_against_its_list_tolerance_follows_precision(frame, flagged):
    # '15 mill.' and four items of whole millions: each +/- 500 000, tolerance 2 500 000
    doc = build(("h", "Finansiering"),
                ("p", f"Fylkeskommunen har satt av inntil {frame} til programmet. Midlene fordeles slik:"),
                ("li", "Mobilisering: 6 mill kr"), ("li", "Tverrfaglig arbeid: 6 mill kr"),
                ("li", "Klyngeutvikling: 2 mill kr"), ("li", "Følgeevaluering: 1 mill kr"))
    assert [f.rule for f in flags_of(doc)] == (["budget_total_mismatch"] if flagged else [])


def test_prose_total_against_the_table_below():
    doc = build(("h", "Rammer"),
                ("p", "Prosjektet har en totalramme på kr 2.100.000 fordelt på følgende poster:"),
                ("t", [["Fylkeskommunen", "kr 700.000"], ["Kommunen", "kr 300.000"], ["Egeninnsats", "kr 1.050.000"]], 0))
    (f,) = flags_of(doc)
    assert f.rule == "budget_total_mismatch"
    assert "2 050 000" in f.message and "2 100 000" in f.message and "50 000" in f.message
    fixed = build(("h", "Rammer"),
                  ("p", "Prosjektet har en totalramme på kr 2.050.000 fordelt på følgende poster:"),
                  ("t", [["Fylkeskommunen", "kr 700.000"], ["Kommunen", "kr 300.000"], ["Egeninnsats", "kr 1.050.000"]], 0))
    assert flags_of(fixed) == []


@pytest.mark.parametrize("funding_sum, flagged", [("700 000", False), ("650 000", True)])
def test_funding_vs_cost(funding_sum, flagged):
    second = "200 000" if funding_sum == "700 000" else "150 000"
    doc = build(("h", "Kostnader"),
                ("t", [["Kostnader", "Beløp"], ["Ombygging", "500 000"], ["Inventar", "200 000"], ["Sum kostnader", "700 000"]], 1),
                ("h", "Finansiering"),
                ("t", [["Finansiering", "Beløp"], ["Kommunen", "500 000"], ["Sparebanken", second],
                       ["Sum finansiering", funding_sum]], 1))
    flags = flags_of(doc)
    assert [f.rule for f in flags] == (["funding_vs_cost_mismatch"] if flagged else [])
    if flagged:
        assert "700 000" in flags[0].message and "650 000" in flags[0].message
        assert all(e.span_start is not None for e in flags[0].evidence_items)


def _text_and_table(text_amount: str, funder_rows=()):
    return build(("h", "3.1 Akkvisisjon"), ("p", f"SNRs bidrag {text_amount} pr år"),
                 ("h", "Budsjett"),
                 ("t", [["Budsjett 2010", ""], ["Akkvisisjon", "300.000"], ["Diverse", "100.000"], ["Sum", "400.000"]], 0),
                 ("h", "Finansiering"),
                 ("t", [["Budsjett 2010", ""], ["SNR", "200.000"], *funder_rows, ["SUM", "400.000"]], 0))


def test_amount_text_vs_table():
    (f,) = flags_of(_text_and_table("kr 200.000", [["Kommunen", "200.000"]]))
    assert f.rule == "amount_text_vs_table" and f.severity == "warning"
    assert "200 000" in f.message and "300 000" in f.message and "Akkvisisjon" in f.message
    assert flags_of(_text_and_table("kr 300.000", [["Kommunen", "200.000"]])) == []


def test_a_partners_share_is_explained_by_the_financing_table():
    # the text gives one partner's share; another financing row of the same item covers the rest
    doc = _text_and_table("kr 200.000", [["Akershus fylkeskommune: Akkvisisjon", "100.000"], ["Kommunen", "100.000"]])
    assert flags_of(doc) == []


def test_a_document_that_adds_up_has_no_flag():
    doc = build(("h", "Budsjett"),
                ("t", [["Kostnader", "Beløp"], ["Lønn", "kr 400 000"], ["Reiser", "kr 100 000"], ["Sum", "kr 500 000"]], 1),
                ("t", [["Finansiering", "Beløp"], ["Fylket", "kr 250 000"], ["Egenandel", "kr 250 000"], ["Sum", "kr 500 000"]], 1),
                ("p", "Reisene koster kr 100 000."))
    assert flags_of(doc) == []


@pytest.mark.parametrize("spent_sum, flagged", [("330 000", False), ("350 000", True)])
def test_a_deviation_column_raises_no_flag_of_its_own(spent_sum, flagged):
    # 'Avvik' is budget minus accounts: a wrong accounts sum makes its sum wrong too; one flag, not two
    dev_sum = "170 000" if spent_sum == "330 000" else "150 000"
    doc = build(("h", "Økonomi"),
                ("t", [["Post", "Budsjett 2024", "Regnskap 2024", "Avvik"],
                       ["Innleid kompetanse", "300 000", "120 000", "180 000"],
                       ["Samlinger", "200 000", "210 000", "-10 000"],
                       ["Sum", "500 000", "330 000" if not flagged else spent_sum, dev_sum]], 1))
    flags = flags_of(doc)
    assert [f.rule for f in flags] == (["budget_total_mismatch"] if flagged else [])
    if flagged:
        assert "Regnskap 2024" in flags[0].message and "350 000" in flags[0].message


@pytest.mark.parametrize("funding_sum, flagged", [("900 000", False), ("800 000", True)])
def test_funding_vs_cost_when_only_the_costs_have_year_columns(funding_sum, flagged):
    doc = build(("h", "Kostnadsoverslag"),
                ("t", [["Kostnader", "2025", "2026", "Totalt"],
                       ["Forprosjekt", "100 000", "-", "100 000"], ["Planlegging", "50 000", "50 000", "100 000"],
                       ["Delsum planlegging", "150 000", "50 000", "200 000"],
                       ["Bygging", "-", "700 000", "700 000"],
                       ["Totalt", "150 000", "750 000", "900 000"]], 1),
                ("h", "Finansiering"),
                ("t", [["Finansiering", "Beløp"], ["Kommunen", "500 000"],
                       ["Fylkeskommunen", "400 000" if not flagged else "300 000"], ["Sum finansiering", funding_sum]], 1))
    flags = flags_of(doc)
    assert [f.rule for f in flags] == (["funding_vs_cost_mismatch"] if flagged else [])
    if flagged:
        assert "900 000" in flags[0].message and "800 000" in flags[0].message


def test_funding_vs_cost_adds_up_year_columns_without_a_sum_column():
    doc = build(("h", "Budsjett"),
                ("t", [["Kostnader", "2025", "2026"], ["Lønn", "300 000", "300 000"], ["Reiser", "50 000", "50 000"],
                       ["Sum", "350 000", "350 000"]], 1),
                ("t", [["Finansiering", "Beløp"], ["Fylket", "400 000"], ["Egenandel", "200 000"], ["Sum", "600 000"]], 1))
    (f,) = flags_of(doc)
    assert f.rule == "funding_vs_cost_mismatch" and "700 000" in f.message and "600 000" in f.message


def _estimate(text: str):
    return build(("h", "Nytt kostnadsanslag"),
                 ("t", [["Post", "Opprinnelig budsjett", "Nytt anslag", "Endring"],
                        ["Tomtearbeid", "800 000", "860 000", "60 000"], ["Lekeapparater", "400 000", "410 000", "10 000"],
                        ["Sum", "1 200 000", "1 270 000", "70 000"]], 1),
                 ("p", text))


def test_a_prose_sum_against_the_sum_row_of_the_column_it_speaks_of():
    (f,) = flags_of(_estimate("Samlet merkostnad er dermed kr 90 000."))
    assert f.rule == "amount_text_vs_table" and "90 000" in f.message and "70 000" in f.message
    assert "Endring" in f.message
    assert flags_of(_estimate("Samlet merkostnad er dermed kr 70 000.")) == []
    # a column named by the sentence ('nytt anslag')
    (g,) = flags_of(_estimate("Samlet nytt anslag er kr 1 300 000."))
    assert "1 270 000" in g.message and "1 300 000" in g.message
    assert flags_of(_estimate("Samlet nytt anslag er kr 1 270 000.")) == []
    # a financing sum below a cost table speaks of another thing
    assert flags_of(_estimate("Samlet tilskudd fra fylket er kr 400 000.")) == []


def test_a_common_word_alone_does_not_tie_a_sentence_to_a_table_row():
    # 'bedriftene' is in the sentence and in one row label, but says nothing about which item is meant
    doc = build(("h", "Økonomi"),
                ("p", "Budsjettet er kr 500 000, og bedriftene bidrar med kr 100 000."),
                ("t", [["Post", "Beløp"], ["Rådgivning for bedriftene", "200 000"], ["Prosjektleder", "300 000"],
                       ["Sum", "500 000"]], 1))
    assert [f for f in flags_of(doc) if f.rule == "amount_text_vs_table"] == []


# --- golden: the seeds' expected budget flags, no others --------------------------------------------

EXPECTED = {
    "seed-smartpack-plan": ["budget_total_mismatch"],
    "seed-nedre-romerike-plan": ["amount_text_vs_table"],
    "seed-oppland-mandate": [],  # its money flag is decision_vs_budget, raised by checks.decisions
    "seed-ringerike-note": [],
    "seed-smartpack-article": [],
}


@pytest.mark.parametrize("stem", sorted(EXPECTED))
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_seed_flags(stem, fmt):
    path = SHARED / "seeds" / "docs" / f"{stem}.{fmt}"
    if not path.exists():
        pytest.skip("../shared/seeds is not present")
    from extractors.read import read_document
    doc, _ = read_document(str(path), doc_id="d", sha256="", display_path=str(path))
    flags = flags_of(doc)
    assert [f.rule for f in flags] == EXPECTED[stem]
    if stem == "seed-smartpack-plan":
        assert "2 050 000" in flags[0].message and "2 100 000" in flags[0].message
    if stem == "seed-nedre-romerike-plan":
        assert "Akkvisisjon" in flags[0].message and "200 000" in flags[0].message and "300 000" in flags[0].message


def test_a_grant_for_another_year_is_not_compared_with_this_years_row():
    doc = build(("h", "Drift i 2024"),
                ("p", "Senteret fikk tilskudd på kr 800 000 fra Bygdefondet for 2024."),
                ("h", "Budsjett 2025"),
                ("t", [["Inntekter", "Beløp"], ["Bygdefondet", "850 000"], ["Medlemskontingent", "90 000"],
                       ["Sum inntekter", "940 000"]], 1))
    assert [f.rule for f in flags_of(doc)] == []


def test_a_grant_is_tied_to_the_row_of_its_amount_not_to_the_receivers_name():
    # the letter grants 300 000 TO Lia kommune; the table's Lia row is the municipality's own share
    doc = build(("h", "Tilsagn om tilskudd"),
                ("p", "Lia kommune innvilges tilsagn på inntil kr 300 000 til planlegging av ny brygge i Lia."),
                ("h", "Finansieringsplan"),
                ("t", [["Finansiering", "Kr"], ["Lia kommune", "350 000"], ["Fylkeskommunen (dette tilsagnet)", "300 000"],
                       ["Sum", "650 000"]], 1))
    assert [f.rule for f in flags_of(doc)] == []


@pytest.mark.parametrize("prose, flagged", [("kr 912 000", True), ("kr 884 500", False), ("kr 900 000", False)])
def test_a_reports_total_against_the_accounts_column(prose, flagged):
    # a summary far above the accounts: 'totalt brukt' speaks of the Regnskap column, not of any item
    doc = build(("h", "Sammendrag"),
                ("p", f"Brua over elva står ferdig. Prosjektet har totalt brukt {prose}, noe under budsjett, og "
                      "arbeidet ble gjort med god hjelp fra frivillige i grendelaget."),
                ("p", "Arbeidet startet i april og ble avsluttet i oktober, med åpning i november. " * 6),
                ("h", "Regnskap"),
                ("t", [["Kostnader", "Budsjett", "Regnskap"], ["Materialer", "500 000", "484 500"],
                       ["Grendelaget, frivillig arbeid", "400 000", "400 000"], ["Sum", "900 000", "884 500"]], 1))
    flags = flags_of(doc)
    assert [f.rule for f in flags] == (["amount_text_vs_table"] if flagged else [])
    if flagged:
        assert "884 500" in flags[0].message and "Regnskap" in flags[0].message
