"""Budget line extraction: small documents built block by block, and golden runs on the seed documents
(.docx and .pdf) against their answer keys."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from extractors.budgets import extract_budget_lines
from schemas.document import BlockKind, DocumentBuilder

SHARED = Path(__file__).resolve().parents[2] / "shared"


def build(*parts):
    """parts: ('h', text, level) | ('p', text) | ('li', text) | ('t', [[cells...], ...], header_rows)."""
    b = DocumentBuilder()
    for part in parts:
        if part[0] == "h":
            b.add_text(BlockKind.HEADING, part[1], 1, level=part[2])
        elif part[0] == "p":
            b.add_text(BlockKind.PARAGRAPH, part[1], 1)
        elif part[0] == "li":
            b.add_text(BlockKind.LIST_ITEM, part[1], 1)
        else:
            rows = [[(t, i, 1) for i, t in enumerate(r)] for r in part[1]]
            b.add_table(rows, 1, header_rows=part[2])
    return b.build(doc_id="d", path="d.docx", format="docx", sha256="", pages=1)


def amounts(lines):
    return sorted(ln.amount_nok for ln in lines)


def test_budget_table_with_caption_sum_and_period():
    doc = build(("h", "4. Budsjett", 2),
                ("t", [["Budsjett 2010", ""], ["Koordinering, drift", "700.000"], ["Diverse", "100.000"],
                       ["Sum", "800.000"]], 0))
    lines = extract_budget_lines(doc)
    assert [(ln.label, ln.amount_nok, ln.kind, ln.period) for ln in lines] == [
        ("Budsjett 2010: Koordinering, drift", 700_000, "cost", "2010"),
        ("Budsjett 2010: Diverse", 100_000, "cost", "2010"),
        ("Budsjett 2010: Sum", 800_000, "total", "2010"),
    ]
    assert all(ln.in_table and ln.table_index == 0 for ln in lines)
    assert lines[0].source_text == "Koordinering, drift | 700.000"
    assert doc.text[lines[0].span_start:lines[0].span_end] == lines[0].source_text


def test_financing_table_sections_and_wrapped_labels():
    doc = build(("h", "5. Finansiering", 2),
                ("t", [["SNR", "1. 500.000"], ["Innovasjon Norge,", ""], ["Etablerertjenester", "980.000"],
                       ["Akershus Fylkeskommune:", ""], ["Regional Innovasjon", "400.000"],
                       ["SUM", "2. 880.000"], ["herav SNR", "1. 500.000"]], 0))
    lines = extract_budget_lines(doc)
    labels = {ln.label.removeprefix("5. Finansiering: "): ln for ln in lines}
    assert labels["Innovasjon Norge, Etablerertjenester"].amount_nok == 980_000
    assert labels["Akershus Fylkeskommune: Regional Innovasjon"].amount_nok == 400_000
    assert labels["SNR"].kind == "funding"
    assert labels["SUM"].kind == "total" and not labels["SUM"].is_subtotal
    assert labels["herav SNR"].kind == "total"  # a line under the sum restates part of it


def test_period_columns_and_sum_column():
    doc = build(("h", "Budsjett", 2),
                ("t", [["Post", "2017", "2018", "Sum"], ["Lønn", "100 000", "200 000", "300 000"],
                       ["Kjøp av tjenester", "50 000", "50 000", "100 000"],
                       ["Sum kostnader", "150 000", "250 000", "400 000"]], 1))
    lines = extract_budget_lines(doc)
    for ln in lines:
        ln.label = ln.label.removeprefix("Budsjett: ")
    got = [(ln.amount_nok, ln.kind, ln.period, ln.is_subtotal) for ln in lines if ln.label.startswith("Lønn")]
    assert got == [(100_000, "cost", "2017", False), (200_000, "cost", "2018", False),
                   (300_000, "total", None, False)]
    assert {ln.label for ln in lines if ln.label.startswith("Lønn")} == {"Lønn (2017)", "Lønn (2018)", "Lønn (Sum)"}
    assert len(lines) == 9


def test_table_in_thousands_is_multiplied_out():
    doc = build(("p", "Beløp i 1000 kr"),
                ("t", [["Kostnader", "Beløp"], ["Lønn", "1 500"], ["Reiser", "250"], ["Sum", "1 750"]], 1))
    lines = extract_budget_lines(doc)
    assert amounts(lines) == [250_000, 1_500_000, 1_750_000]
    assert all(ln.precision_nok == 500 for ln in lines)


def test_financing_table_is_recognised_by_its_header():
    doc = build(("t", [["Finansieringsplan", "Beløp"], ["Fylkeskommunen", "kr 300 000"],
                       ["Egenandel", "kr 100 000"], ["Totalt", "kr 400 000"]], 1))
    kinds = [ln.kind for ln in extract_budget_lines(doc)]
    assert kinds == ["funding", "funding", "total"]


def test_tables_without_money_give_nothing():
    doc = build(("h", "Milepæler", 2),
                ("t", [["NR", "MILEPÆL", "NÅR"], ["1", "Oppstart", "apr 2017"], ["2", "Rapport", "mai 2018"]], 1),
                ("h", "Kontakter", 2),
                ("t", [["Nofima AS:", "Tlf: 64 97 02 96", "Mob: 915 94 673"]], 0))
    assert extract_budget_lines(doc) == []


@pytest.mark.parametrize("text, amount, kind, period", [
    ("Haugset Næringsforening innvilges kr 350 000,- i tilskudd fra kommunens næringsfond.", 350_000, "funding", None),
    ("Oppland fylkeskommune avsetter inntil kr. 15 mill. til et 3-årig næringsprogram.", 15_000_000, "frame", None),
    ("Det er satt av kr 200 000,- til delprosjektet i PSD.", 200_000, "frame", None),
    ("Det settes også av 10-15 millioner til et næringsprogram.", 15_000_000, "frame", None),
    ("Programmet finansieres med kr. 10 mill. fra disposisjonsfondet ansvar 727 000 funksjon 17010",
     10_000_000, "funding", None),
    ("SNRs bidrag kr 100.000 pr år", 100_000, "funding", "per_year"),
    ("Lia Næringsråd får et driftstilskudd på kr 50 000 pr år i planperioden.", 50_000, "funding", "per_year"),
    ("Prosjektet har en totalramme på kr 2.100.000.", 2_100_000, "total", None),
    ("Ekstern bistand (ca kr 2-300.000) finansieres av de kommunene som ønsker å delta.", 300_000, "cost", None),
    ("Mrk. Finansiering SNP 2009 er kr 1.810.000", 1_810_000, "other", "2009"),
    # an addition to the costs named before, and a difference between budget and accounts
    ("I tillegg kommer leie av lokaler, anslått til kr 30 000.", 30_000, "cost", None),
    ("Merforbruket på kr 12 500 skyldes høyere priser på materiell.", 12_500, "other", None),
    ("Overskridelsen på kr 45 000 dekkes av driftsbudsjettet.", 45_000, "other", None),
    # 'inntil' bounds a financing the sentence names; a cap per case stays a frame
    ("Vi søker fylkeskommunen om inntil kr 80 000 til kartleggingen.", 80_000, "funding", None),
    ("Kommunen gir tilskudd på inntil kr 20 000 per lag.", 20_000, "frame", None),
    # the year after the amount ('for 2026'), also behind the words that name it
    ("Fylket har gitt tilsagn om kr 200 000 i utviklingsmidler for 2026.", 200_000, "funding", "2026"),
    ("Kommunen bidrar med kr 90 000 for 2027.", 90_000, "funding", "2027"),
])
def test_prose_lines(text, amount, kind, period):
    lines = extract_budget_lines(build(("h", "Økonomi", 2), ("p", text)))
    assert [(ln.amount_nok, ln.kind, ln.period) for ln in lines] == [(amount, kind, period)]
    assert not lines[0].in_table and lines[0].section == "Økonomi"


def test_sources_after_the_amounts_name_them():
    doc = build(("h", "Finansiering", 2),
                ("p", "Tiltaket finansieres med kr 300 000 fra fylkeskommunen, kr 150 000 fra Sparebankstiftelsen "
                      "og kr 50 000 i dugnadsinnsats fra idrettslaget."))
    labels = [ln.label.removeprefix("Finansiering: ") for ln in extract_budget_lines(doc)]
    assert len(labels) == 3
    assert "fylkeskommunen" in labels[0] and "Sparebank" not in labels[0]
    assert "Sparebankstiftelsen" in labels[1] and "fylkeskommunen" not in labels[1]
    assert "dugnadsinnsats fra idrettslaget" in labels[2] and "Sparebank" not in labels[2]


def test_a_sentence_ends_after_mill_before_a_capital_word():
    doc = build(("h", "Økonomi", 2),
                ("p", "Kommunens andel er til sammen kr 2,5 mill. Fylket har gitt tilsagn om kr 400 000 for 2026."))
    total, grant = extract_budget_lines(doc)
    assert (total.amount_nok, total.kind) == (2_500_000, "total")
    assert grant.source_text.startswith("Fylket") and grant.period == "2026"
    # '2 mill. NOK': the currency after the scale word ends nothing
    (one,) = extract_budget_lines(build(("p", "Prosjektet koster 2 mill. NOK i alt.")))
    assert one.amount_nok == 2_000_000


@pytest.mark.parametrize("text, kind, period", [
    ("Budsjettet for 2026 er på kr 800 000.", "total", "2026"),
    ("Budsjettet for hele prosjektperioden er kr 2 mill.", "total", None),
    ("Budsjettet for reiser er kr 50 000.", "cost", None),  # one item's budget
    ("Tilskuddet er kr 100 000 pr år i 2025, 2026 og 2027, til sammen kr 300 000.", "total", None),
])
def test_a_sentence_stating_the_whole_budget_gives_a_total(text, kind, period):
    lines = extract_budget_lines(build(("h", "Økonomi", 2), ("p", text)))
    assert (lines[-1].kind, lines[-1].period) == (kind, period)


def test_the_section_heading_year_is_the_period():
    doc = build(("h", "Referat fra styringsgruppen", 1), ("h", "Sak 4/24 Regnskap 2023", 2),
                ("p", "Forbruket ble kr 150 000. Mindreforbruket på kr 25 000 overføres."))
    assert [(ln.amount_nok, ln.kind, ln.period) for ln in extract_budget_lines(doc)] == [
        (150_000, "cost", "2023"), (25_000, "other", "2023")]


def test_action_plan_table_with_numbers_deadlines_and_a_mixed_cost_column():
    doc = build(("h", "Tiltak", 2),
                ("t", [["Nr.", "Tiltak", "Ansvarlig", "Frist", "Kostnad"],
                       ["1", "Ny skilting ved skolen", "Plan og bygg", "2026", "kr 120 000"],
                       ["2", "Opplæring av lærere", "Skole", "juni 2025", "75'"],
                       ["3", "Kampanje i lokalavisa", "Kommunikasjon", "2025", "Innenfor ramme"],
                       ["4", "Refleksvester til elevene", "Skole", "høst 2025", "kr 15 000 pr år"],
                       ["5", "Evaluering", "Rådgiver", "2027", "-"]], 1))
    lines = extract_budget_lines(doc)
    assert [(ln.amount_nok, ln.kind, ln.period) for ln in lines] == [
        (120_000, "cost", None), (75_000, "cost", None), (15_000, "cost", "per_year")]
    assert "1 Ny skilting ved skolen" in lines[0].label  # the number column and the item's name
    assert "pr år" in lines[2].label


def test_accounts_table_budget_spent_and_deviation_columns():
    # the sentence above speaks of financing, but the table's rows are cost items and its header says
    # 'Regnskap': a cost table; 'Avvik' is a difference (kind other, no period)
    doc = build(("h", "Økonomi", 2),
                ("p", "Prosjektet finansieres med kr 400 000 fra fylket og kr 100 000 i egenandel."),
                ("t", [["Post", "Budsjett 2024", "Regnskap pr. 30.06.2024", "Avvik"],
                       ["Innleid kompetanse", "300 000", "120 000", "180 000"],
                       ["Samlinger", "200 000", "210 000", "-10 000"],
                       ["Sum", "500 000", "330 000", "170 000"]], 1))
    table = [ln for ln in extract_budget_lines(doc) if ln.in_table]
    got = {(ln.label.split("(")[-1].rstrip(")"), ln.amount_nok): (ln.kind, ln.period) for ln in table}
    assert got[("Budsjett 2024", 300_000)] == ("cost", "2024")
    assert got[("Regnskap pr. 30.06.2024", 120_000)] == ("cost", "2024")
    assert got[("Avvik", 180_000)] == ("other", None)
    assert got[("Avvik", -10_000)] == ("other", None)
    assert got[("Avvik", 170_000)] == ("total", None)


@pytest.mark.parametrize("intro, rows, kind", [
    # a sentence that introduces the table decides its kind
    ("Prosjektet finansieres slik:", [["Lokale sponsorer", "100 000"], ["Salg av billetter", "50 000"]], "funding"),
    # a sentence about financing that gives its own amounts does not make cost items financing
    ("Prosjektet koster kr 150 000 og finansieres med kr 100 000 fra fylket.",
     [["Innleid hjelp", "100 000"], ["Reiser", "50 000"]], "cost"),
    # ... but rows that name funders do
    ("Prosjektet koster kr 150 000 og finansieres med kr 100 000 fra fylket.",
     [["Fylkeskommunen", "100 000"], ["Dugnad", "50 000"]], "funding"),
])
def test_table_kind_from_the_sentence_above_and_the_rows(intro, rows, kind):
    doc = build(("h", "Økonomi", 2), ("p", intro), ("t", [["Post", "Beløp"], *rows, ["Sum", "150 000"]], 1))
    table = [ln for ln in extract_budget_lines(doc) if ln.in_table]
    assert [ln.kind for ln in table] == [kind, kind, "total"]


@pytest.mark.parametrize("text", [
    "Bedriften hadde en omsetning på 50 mill. kr i fjor.",
    "Nettverket har nå 60 medlemsbedrifter og 12 utviklingsaktører.",
    "Prisen for billetten er kr 200.",
    "Se s. 6 i PSD og sak 06/22.",
])
def test_prose_amounts_outside_a_budget_are_left_out(text):
    assert extract_budget_lines(build(("p", text))) == []


def test_list_items_under_a_sentence_that_hands_money_out():
    doc = build(("h", "Finansiering", 2),
                ("p", "Fylkeskommunen har satt av inntil kr 15 mill kr. til programmet. Midlene fordeles slik:"),
                ("li", "Mobilisering og kartlegging: 6 mill kr, 2 stillinger i 3 år"),
                ("li", "Klyngeutvikling og andre tiltak: 9 mill kr"))
    lines = extract_budget_lines(doc)
    assert [(ln.amount_nok, ln.kind) for ln in lines] == [(15_000_000, "frame"), (6_000_000, "cost"), (9_000_000, "cost")]
    assert lines[1].label == "Finansiering: Mobilisering og kartlegging"
    assert lines[0].source_text.endswith("fordeles slik:")  # the frame's evidence includes the hand-out


def test_a_restated_amount_counts_only_in_the_decision():
    doc = build(("h", "Anbefaling", 2),
                ("p", "Det anbefales at midlene (kr 200 000,-) overføres til et annet tiltak."),
                ("h", "Forslag til vedtak", 2),
                ("li", "1. Midlene (kr. 200 000,-) overføres til prosjektet Kunst og kultur."))
    lines = extract_budget_lines(doc)
    assert [(ln.amount_nok, ln.section) for ln in lines] == [(200_000, "Forslag til vedtak")]


# --- golden: the seeds -----------------------------------------------------------------------------

def _seed_pairs():
    truth = SHARED / "seeds" / "truth"
    if not truth.is_dir():
        return []
    return [(p.stem, fmt) for p in sorted(truth.glob("*.json")) for fmt in ("docx", "pdf")]


@pytest.fixture(scope="module")
def seed_docs():
    if not (SHARED / "seeds" / "docs").is_dir():
        pytest.skip("../shared/seeds is not present")
    from extractors.read import read_document
    out = {}
    for stem, fmt in _seed_pairs():
        path = SHARED / "seeds" / "docs" / f"{stem}.{fmt}"
        doc, _ = read_document(str(path), doc_id=f"{stem}.{fmt}", sha256="", display_path=str(path))
        out[(stem, fmt)] = (doc, json.loads((SHARED / "seeds" / "truth" / f"{stem}.json").read_text()))
    return out


def _f1(truth_amounts, found_amounts):
    matched = sum((Counter(truth_amounts) & Counter(found_amounts)).values())
    p = matched / len(found_amounts) if found_amounts else 1.0
    r = matched / len(truth_amounts) if truth_amounts else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_seed_budget_lines_f1(seed_docs, fmt):
    truth, found = [], []
    for (stem, f), (doc, key) in seed_docs.items():
        if f != fmt:
            continue
        truth += [(stem, b["amount_nok"]) for b in key["budget_lines"]]
        found += [(stem, ln.amount_nok) for ln in extract_budget_lines(doc)]
    assert _f1(truth, found) >= 0.9


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_seed_plan_tables(seed_docs, fmt):
    doc, _ = seed_docs[("seed-nedre-romerike-plan", fmt)]
    lines = extract_budget_lines(doc)
    by_label = {ln.label.split(": ", 1)[-1]: ln for ln in lines if ln.in_table}
    assert by_label["Akershus Fylkeskommune: Regional Innovasjon"].kind == "funding"
    assert by_label["Innovasjon Norge, Etablerertjenester"].amount_nok == 980_000
    assert by_label["Koordinering, drift"].period == "2010"
    assert {ln.amount_nok for ln in lines if ln.label.endswith(("Sum", "SUM"))} == {3_430_000}
    prose = [ln for ln in lines if not ln.in_table and ln.section and "Akkvisisjon" in ln.section]
    assert [(ln.amount_nok, ln.period, ln.kind) for ln in prose] == [(200_000, "per_year", "funding")]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_seed_mandate_leaves_account_codes_out(seed_docs, fmt):
    doc, _ = seed_docs[("seed-oppland-mandate", fmt)]
    values = [ln.amount_nok for ln in extract_budget_lines(doc)]
    assert 727_000 not in values and 17010 not in values
    assert values.count(15_000_000) == 3 and values.count(6_000_000) == 3


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_seed_article_has_no_budget(seed_docs, fmt):
    doc, _ = seed_docs[("seed-smartpack-article", fmt)]
    assert extract_budget_lines(doc) == []


def test_unit_line_holds_for_every_table_of_its_section():
    # 'Alle tall i 1000 kr' on a line of its own: both tables below are in thousands, the line itself
    # is no amount, and a year column of small numbers is money like its sibling year columns
    doc = build(("h", "6. Økonomi", 2), ("p", "Alle tall i 1000 kr"),
                ("t", [["Utgifter", "2025", "2026", "Sum"], ["Innleid kompetanse", "1 200", "800", "2 000"],
                       ["Sum utgifter", "1 200", "800", "2 000"]], 1),
                ("t", [["Finansiering", "2025", "2026", "Sum"], ["Eget fond", "600", "400", "1 000"],
                       ["Statlig tilskudd", "600", "400", "1 000"], ["Sum finansiering", "1 200", "800", "2 000"]], 1),
                ("h", "7. Organisering", 2),
                ("t", [["Post", "Beløp"], ["Styremøter", "45 000"]], 1))
    lines = extract_budget_lines(doc)
    fund = sorted(ln.amount_nok for ln in lines if ln.table_index == 1 and ln.kind == "funding")
    assert fund == [400_000, 400_000, 600_000, 600_000]
    assert {ln.period for ln in lines if ln.table_index == 1 and ln.kind == "funding"} == {"2025", "2026"}
    assert [ln.amount_nok for ln in lines if ln.table_index == 0 and ln.label.startswith("Innleid")] == \
        [1_200_000, 800_000, 2_000_000]
    assert not any(ln.amount_nok == 1000 for ln in lines)  # the unit line is no amount
    # a new section of the same level ends the unit's scope
    assert [ln.amount_nok for ln in lines if ln.table_index == 2] == [45_000]


@pytest.mark.parametrize("text, scale", [
    ("Beløp i 1000 kr", 1000), ("Alle tall i hele tusen kroner", 1000), ("(i mill. kr)", 10**6),
    ("Tilskuddet på kr 1000 er utbetalt", 1), ("Vi ber om tilskudd på 1000 kr til kaffe og kaker i 2025 til møtet", 1),
])
def test_unit_statement(text, scale):
    from extractors.budgets import unit_statement
    assert unit_statement(text) == scale


@pytest.mark.parametrize("sentence, amount", [
    ("Vi har fått to pristilbud. Det laveste tilbudet er på kr 88 400 eks. mva.", 88_400),
    ("Laveste anbud lød på kr 2 310 000 inkl. mva.", 2_310_000),
    ("Kostnadsoverslaget fra rådgiveren er kr 640 000.", 640_000),
])
def test_quoted_price_is_a_cost(sentence, amount):
    lines = extract_budget_lines(build(("h", "Sak 4/25 Ny bru", 2), ("p", sentence)))
    assert [(ln.amount_nok, ln.kind) for ln in lines] == [(amount, "cost")]


def test_news_amounts_cost_and_covered_by():
    # a news item: what the work cost, and the part of it someone else pays ('dekket av')
    text = ("Rehabiliteringen av badeanlegget har kostet rundt 12,5 millioner kroner, og 3 mill. av dette "
            "ble dekket av tippemidler.")
    lines = extract_budget_lines(build(("h", "Badet er åpnet igjen", 1), ("p", text)))
    assert [(ln.amount_nok, ln.kind) for ln in lines] == [(12_500_000, "cost"), (3_000_000, "funding")]


def test_a_rate_a_year_without_a_kind_word_is_kind_other():
    text = "Hver ungdom får et kulturkort på kr 1 500 pr. år til bruk hos lokale lag."
    lines = extract_budget_lines(build(("h", "Handlingsplan", 1), ("h", "Tiltak 2.4 Kulturkortet", 3), ("p", text)))
    assert [(ln.amount_nok, ln.kind, ln.period) for ln in lines] == [(1_500, "other", "per_year")]
