"""The Norwegian date parser: spellings documents use, and numbers that are not dates."""
import datetime as dt

import pytest

from extractors.dates import find_dates, first_date, iso_prefix, last_day

CTX = dt.date(2013, 9, 19)  # the context a date without a year takes its year from

# (text, date as read, precision, the words of the date)
SPELLINGS = [
    ("19.09.2013", "2013-09-19", "day", "19.09.2013"),
    ("01.01.14", "2014-01-01", "day", "01.01.14"),
    ("20.09.13", "2013-09-20", "day", "20.09.13"),
    ("31.12.16", "2016-12-31", "day", "31.12.16"),
    ("1.10.2013", "2013-10-01", "day", "1.10.2013"),
    ("2018-02-27", "2018-02-27", "day", "2018-02-27"),
    ("Publisert: 2018-02-27", "2018-02-27", "day", "2018-02-27"),
    ("19. september 2013", "2013-09-19", "day", "19. september 2013"),
    ("19.september", "2013-09-19", "day", "19.september"),
    ("19. sept. 2013", "2013-09-19", "day", "19. sept. 2013"),
    ("7. februar 2022", "2022-02-07", "day", "7. februar 2022"),
    ("30. november 2021", "2021-11-30", "day", "30. november 2021"),
    ("30. april", "2013-04-30", "day", "30. april"),
    ("1. mai i 2017", "2017-05-01", "day", "1. mai i 2017"),
    ("Før 1 des", "2013-12-01", "day", "1 des"),
    ("innen 1. juli", "2013-07-01", "day", "1. juli"),
    ("Fra 01.01.14", "2014-01-01", "day", "01.01.14"),
    ("Oppstart 01.10.13", "2013-10-01", "day", "01.10.13"),
    ("Før 01.02.14", "2014-02-01", "day", "01.02.14"),
    ("27.-28. februar", "2013-02-27", "day", "27.-28. februar"),
    ("27.-28- februar", "2013-02-27", "day", "27.-28- februar"),
    ("8.-9. juni 2024", "2024-06-08", "day", "8.-9. juni 2024"),
    ("2. mai 2023", "2023-05-02", "day", "2. mai 2023"),
    ("den 5. mars 2019", "2019-03-05", "day", "5. mars 2019"),
    ("apr 2017", "2017-04-01", "month", "apr 2017"),
    ("april -17", "2017-04-01", "month", "april -17"),
    ("april 2017", "2017-04-01", "month", "april 2017"),
    ("juni 2017 -", "2017-06-01", "month", "juni 2017"),
    ("sep 2017", "2017-09-01", "month", "sep 2017"),
    ("des 2017", "2017-12-01", "month", "des 2017"),
    ("mar 2018", "2018-03-01", "month", "mar 2018"),
    ("innen mars 2014", "2014-03-01", "month", "mars 2014"),
    ("i september 2017", "2017-09-01", "month", "september 2017"),
    ("januar 2025", "2025-01-01", "month", "januar 2025"),
    ("Sept/oktober 2013", "2013-09-01", "month", "Sept/oktober 2013"),
    ("november- desember 2008", "2008-11-01", "month", "november- desember 2008"),
    ("des.", "2013-12-01", "month", "des."),
    ("i mai", "2013-05-01", "month", "mai"),
    ("medio mars", "2013-03-01", "month", "medio mars"),
    ("medio mars 2025", "2025-03-01", "month", "medio mars 2025"),
    ("ultimo mai", "2013-05-01", "month", "ultimo mai"),
    ("ultimo august 2026", "2026-08-01", "month", "ultimo august 2026"),
    ("primo desember 2026", "2026-12-01", "month", "primo desember 2026"),
    ("primo 2019", "2019-01-01", "year", "primo 2019"),
    ("utgangen av året", "2013-12-01", "month", "utgangen av året"),
    ("slutten av 2018", "2018-12-01", "month", "slutten av 2018"),
    ("nyåret 2022", "2022-01-01", "season", "nyåret 2022"),
    ("våren 2017", "2017-03-01", "season", "våren 2017"),
    ("Våren 2017", "2017-03-01", "season", "Våren 2017"),
    ("høsten 2018", "2018-09-01", "season", "høsten 2018"),
    ("sommeren 2019", "2019-06-01", "season", "sommeren 2019"),
    ("vinteren", "2013-01-01", "season", "vinteren"),
    ("til høsten", "2013-09-01", "season", "høsten"),
    ("uke 12", "2013-03-18", "week", "uke 12"),
    ("uke 38 i 2024", "2024-09-16", "week", "uke 38 i 2024"),
    ("uke 22 i 2025", "2025-05-26", "week", "uke 22 i 2025"),
    ("1. kvartal 2018", "2018-01-01", "quarter", "1. kvartal 2018"),
    ("2. kvartal 2024", "2024-04-01", "quarter", "2. kvartal 2024"),
    ("Q3 2018", "2018-07-01", "quarter", "Q3 2018"),
    ("Q3-18", "2018-07-01", "quarter", "Q3-18"),
    ("første kvartal 2020", "2020-01-01", "quarter", "første kvartal 2020"),
    ("2. halvår 2019", "2019-07-01", "half", "2. halvår 2019"),
    ("2017-2018", "2017-01-01", "year", "2017-2018"),
    ("2008 – 2011", "2008-01-01", "year", "2008 – 2011"),
    ("i 2022", "2022-01-01", "year", "2022"),
    ("01.01.2014-31.12.2016", "2014-01-01", "day", "01.01.2014-31.12.2016"),
    ("1. april 2024 – 31. desember 2025", "2024-04-01", "day", "1. april 2024 – 31. desember 2025"),
    ("1/3-2025", "2025-03-01", "day", "1/3-2025"),
    ("Oppstart 15/9-24", "2024-09-15", "day", "15/9-24"),
    ("til våren", "2013-03-01", "season", "våren"),
]


@pytest.mark.parametrize("text,want,precision,written", SPELLINGS)
def test_spelling(text, want, precision, written):
    found = find_dates(text, CTX)
    assert len(found) == 1, found
    m = found[0]
    assert m.date.isoformat() == want
    assert m.precision == precision
    assert m.text == written
    assert text[m.start:m.end] == written


# Numbers that are not dates.
TRAPS = [
    "1.050.000", "3.430.000", "kr 1.810.000", "1. 500.000", "3. 430.000",
    "sak 06/22", "30/13", "2013/1234", "Saksnr.: 2024/1234", "arkivsak 2013-1234",
    "v2.1.3", "versjon 2.0", "Tlf: 64 97 02 96", "Mob: 951 29 070",
    "90% ferdig", "3,2 %", "økte med 35 prosent",
    "kl. 10.00", "kl 12.30", "1.1 Energi- og miljøklyngen", "2.2 Regionalt innovasjonsprosjekt",
    "kr 2017", "ansvar 727 000 funksjon 17010", "2 stillinger i 3 år", "Storgata 1, 2000 Lillestrøm",
    "kr 200 000,-", "org.nr. 986 203 114", "120 m2", "Workshop nr. 2", "før jul", "vår region",
    "Jan Hansen", "1,2 mill. kr",
    "sak 12/3-25", "Vår ref.: 2024/1187-3", "om vinteren", "hver sommer", "på høsten", "1/2 stilling",
]


@pytest.mark.parametrize("text", TRAPS)
def test_not_a_date(text):
    assert find_dates(text, CTX) == []


def test_period_has_end():
    m = find_dates("Gjennomføringsperiode 01.01.2014-31.12.2016")[0]
    assert (m.date, m.end_date) == (dt.date(2014, 1, 1), dt.date(2016, 12, 31))
    assert m.last_day == dt.date(2016, 12, 31)


def test_qualifiers_and_open_end():
    assert find_dates("Før 01.02.14")[0].qualifier == "before"
    assert find_dates("Fra 01.01.14")[0].qualifier == "from"
    assert find_dates("siden 2013")[0].qualifier == "since"
    assert find_dates("løper fram til juni 2018")[0].qualifier == "until"
    assert find_dates("juni 2017 -")[0].open_end
    assert not find_dates("juni 2017")[0].open_end


def test_roll_forward_in_a_sequence():
    # a timetable: '1 des' after October 2013 is December 2013; '30. april' after December 2008 is 2009
    assert find_dates("Før 1 des", dt.date(2013, 10, 1), roll_forward=True)[0].date == dt.date(2013, 12, 1)
    assert find_dates("30. april", dt.date(2008, 12, 2), roll_forward=True)[0].date == dt.date(2009, 4, 30)
    assert find_dates("30. april", dt.date(2009, 9, 10))[0].date == dt.date(2009, 4, 30)
    # a list is not strictly ordered: a date a few weeks before the one above it stays in its year
    assert find_dates("loppemarked 8. mai", dt.date(2025, 5, 31), roll_forward=True)[0].date == dt.date(2025, 5, 8)


def test_same_year_and_no_context():
    found = find_dates("kick-off i september 2017, etter at prosjektet ble initiert i mars samme år")
    assert [m.date for m in found] == [dt.date(2017, 9, 1), dt.date(2017, 3, 1)]
    assert find_dates("30. april")[0].date is None  # no year, no context: unresolved


def test_cell_mode_reads_day_and_month():
    assert find_dates("13.11", CTX, cell=True)[0].date == dt.date(2013, 11, 13)
    assert find_dates("13.11", CTX) == []  # in running text '13.11' may be a section number


DAY_MONTH_CELLS = [("15/1", "2013-01-15"), ("Før 30/4", "2013-04-30"), ("1/3 - 30/6", "2013-03-01")]


@pytest.mark.parametrize("cell,want", DAY_MONTH_CELLS)
def test_cell_mode_reads_day_slash_month(cell, want):
    assert find_dates(cell, CTX, cell=True)[0].date.isoformat() == want
    assert find_dates(cell, CTX) == []  # in running text '15/1' may be a case number or a fraction


def test_helpers():
    assert iso_prefix(first_date("apr 2017")) == "2017-04"
    assert iso_prefix(first_date("våren 2017")) == "2017"
    assert last_day(dt.date(2018, 6, 1), "month") == dt.date(2018, 6, 30)
    assert last_day(dt.date(2018, 1, 1), "quarter") == dt.date(2018, 3, 31)
