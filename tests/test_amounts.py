"""The Norwegian money parser: real-world spellings (value, precision, range) and traps that are not money."""
from __future__ import annotations

import pytest

from extractors.amounts import cell_amount, find_amounts

# (text, value in whole kroner, precision, lower bound of a range or None)
SPELLINGS = [
    ("kr 1.050.000", 1_050_000, 1, None),
    ("kr 1.050.000,-", 1_050_000, 1, None),
    ("1 050 000", 1_050_000, 1, None),
    ("1\u00a0050\u00a0000 kr", 1_050_000, 1, None),
    ("1. 500.000", 1_500_000, 1, None),
    ("3. 430.000", 3_430_000, 1, None),
    ("kr 200 000,-", 200_000, 1, None),
    ("kr. 200 000,-", 200_000, 1, None),
    ("(kr 200 000,-)", 200_000, 1, None),
    ("kr 200.000", 200_000, 1, None),
    ("kr.400.000", 400_000, 1, None),
    ("kr. 150.000", 150_000, 1, None),
    ("6 000 000 kr", 6_000_000, 1, None),
    ("2 000 000 kroner", 2_000_000, 1, None),
    ("NOK 250 000", 250_000, 1, None),
    ("250 000 NOK", 250_000, 1, None),
    ("kr 700.000", 700_000, 1, None),
    ("kr 2.100.000", 2_100_000, 1, None),
    ("kr 1 000 000", 1_000_000, 1, None),
    ("kr. 15 mill.", 15_000_000, 500_000, None),
    ("inntil kr. 15 mill. til", 15_000_000, 500_000, None),
    ("kr 15 mill kr.", 15_000_000, 500_000, None),
    ("15 mill kr", 15_000_000, 500_000, None),
    ("15 mill. kr", 15_000_000, 500_000, None),
    ("6 mill kr", 6_000_000, 500_000, None),
    ("1 mill kr", 1_000_000, 500_000, None),
    ("kr. 10 mill.", 10_000_000, 500_000, None),
    ("1,5 mill. kr", 1_500_000, 50_000, None),
    ("2,1 mill.", 2_100_000, 50_000, None),
    ("14,8 mill. kr", 14_800_000, 50_000, None),
    ("kr 2,4 mill.", 2_400_000, 50_000, None),
    ("kr 1,2 mill. fra Klimasats", 1_200_000, 50_000, None),
    ("2,5 millioner kroner", 2_500_000, 50_000, None),
    ("3 millioner kroner", 3_000_000, 500_000, None),
    ("kr 2,25 mill.", 2_250_000, 5_000, None),
    ("1 million kroner", 1_000_000, 500_000, None),
    ("kr 1.5 mill", 1_500_000, 50_000, None),
    ("15mill", 15_000_000, 500_000, None),
    ("10-15 millioner", 15_000_000, 500_000, 10_000_000),
    ("10 - 15 mill. kr", 15_000_000, 500_000, 10_000_000),
    ("10–15 mill.", 15_000_000, 500_000, 10_000_000),
    ("ca kr 2-300.000", 300_000, 1, 200_000),
    ("kr 100-150.000", 150_000, 1, 100_000),
    ("kr 100 000 - 200 000", 200_000, 1, 100_000),
    ("15 MNOK", 15_000_000, 500_000, None),
    ("2,5 MNOK", 2_500_000, 50_000, None),
    ("NOK 300'", 300_000, 500, None),
    ("450'", 450_000, 500, None),
    ("kr 500 tusen", 500_000, 500, None),
    ("1 500 TNOK", 1_500_000, 500, None),
    ("3,4 mrd.", 3_400_000_000, 50_000_000, None),
    ("2 milliarder kroner", 2_000_000_000, 500_000_000, None),
    ("1 234,50", 1_235, 1, None),
    ("kr 1 234,50", 1_235, 1, None),
    ("(50 000)", -50_000, 1, None),
    ("-50 000", -50_000, 1, None),
    ("kr 50 000 pr år", 50_000, 1, None),
    ("SNRs bidrag kr 100.000 pr år", 100_000, 1, None),
    ("SNRs bidrag ;; kr. 150.000", 150_000, 1, None),
    ("innvilges kr 350 000,- i tilskudd", 350_000, 1, None),
    ("kr 1'050'000", 1_050_000, 1, None),
    ("1,050,000 NOK", 1_050_000, 1, None),
    ("kr 50.000 per ny bedrift", 50_000, 1, None),
    ("Regionalt innovasjonsprogram Oslo og Akershus 2017: kr 700.000", 700_000, 1, None),
]


@pytest.mark.parametrize("text, value, precision, low", SPELLINGS)
def test_spellings(text, value, precision, low):
    found = find_amounts(text)
    assert len(found) == 1, found
    a = found[0]
    assert (a.value, a.precision, a.low) == (value, precision, low)
    assert text[a.start:a.end] == a.text


# Text with nothing a reader would take for money.
TRAPS = [
    "i 2017",
    "i perioden 2010-2011",
    "Handlingsplan 2010 - 2011",
    "vedtok 12.03.13",
    "31.05.2017",
    "01.01.2014-31.12.2016",
    "den 10. september 2009",
    "sak 06/22",
    "arkivsak 2013/1234",
    "sak 30/13",
    "Tlf: 64 97 02 96",
    "Mob: 915 94 673",
    "Tlf: 22 12 17 60",
    "org.nr. 974 123 456",
    "974 123 456",
    "ansvar 727 000 funksjon 17010",
    "konto 1234 56789",
    "art 10100",
    "se s. 6 i PSD",
    "side 12",
    "§ 12",
    "punkt 3",
    "90% ferdig",
    "25 % stilling",
    "50 prosent",
    "6 bedrifter",
    "30 deltakere",
    "2 stillinger i 3 år",
    "1 ½ stillingsressurs",
    "150-200 personer",
    "3-årig næringsprogram",
    "Ap1, Ap2/3",
    "kl. 10.00",
    "27.-28- februar",
    "60 medlemsbedrifter",
    "14 bedrifter",
    "12 000 innbyggere",
    "1.1 Regulering av næringspark",
    "Postboks 123, 2001 Lillestrøm",
]


@pytest.mark.parametrize("text", TRAPS)
def test_traps_are_not_money(text):
    assert find_amounts(text) == []


def test_bare_numbers_count_only_in_a_money_column():
    assert find_amounts("700") == []
    assert [a.value for a in find_amounts("700", bare=True)] == [700]
    assert find_amounts("2017", bare=True) == []  # a year heads a period column


def test_table_scale_multiplies_and_sets_precision():
    a = cell_amount("1 500", scale=1000)
    assert (a.value, a.precision) == (1_500_000, 500)
    b = cell_amount("2,5 mill.", scale=1000)  # an explicit unit wins over the table's
    assert b.value == 2_500_000


@pytest.mark.parametrize("cell, value", [
    ("700.000", 700_000), ("kr 1.050.000", 1_050_000), ("6 000 000 kr", 6_000_000), ("(50 000)", -50_000),
    ("1. 500.000", 1_500_000), ("ca. 300 000", 300_000), ("kr 400.000", 400_000),
    # a qualifier of how the amount is meant leaves it a cell of one amount
    ("kr 25 000 pr år", 25_000), ("60 000 eks. mva.", 60_000), ("kr 12 000 årlig", 12_000), ("85'", 85_000),
])
def test_cell_amount(cell, value):
    assert cell_amount(cell).value == value


@pytest.mark.parametrize("cell", [
    "Personalressurs, 2 hele stillinger 1 ½ stillingsressurs finansieres av OFK",
    "Tlf: 64 97 02 96", "apr 2017", "Gjennomført", "-", "", "Ap4", "kr 25 000 til kurs og samlinger",
    "Innenfor ramme",
])
def test_cell_of_words_holds_no_amount(cell):
    assert cell_amount(cell) is None


def test_several_amounts_in_one_sentence():
    text = "Innovasjon Norge ga tilsagn på kr 500 000, men utbetalte kr 400 000 fordi kostnadene ble lavere."
    assert [a.value for a in find_amounts(text)] == [500_000, 400_000]


def test_approximate_and_span():
    text = "Ekstern bistand (ca kr 2-300.000) finansieres av kommunene."
    (a,) = find_amounts(text)
    assert a.approx and a.low == 200_000 and a.value == 300_000
    assert text[a.start:a.end] == "kr 2-300.000"


@pytest.mark.parametrize("text, expected", [
    ("Kommunen har om lag 2 300 hytteeiere langs vassdraget", []),      # a plural noun: a count
    ("Det kom inn 1 250 søkere til ordningen", []),
    ("Fylket har 12 000 innbyggjarar", []),
    ("Tilskuddet på 1 250 000 dekker halve kostnaden", [1_250_000]),   # a verb after money
    ("Rammen på 2 300 000 er vedtatt", [2_300_000]),
    ("om lag 2 300 kroner til hver hytteeier", [2_300]),                 # currency wins
])
def test_bare_number_before_a_plural_noun_is_a_count(text, expected):
    assert [a.value for a in find_amounts(text)] == expected
