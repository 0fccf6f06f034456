"""Roles and Norwegian person names: name rules, built documents, golden runs on seeds and samples."""
from __future__ import annotations

import json
import re
import unicodedata

import pytest

from extractors.names import find_names, is_name
from extractors.read import read_document
from extractors.roles import extract_roles, is_org, is_title, nlp
from schemas.document import BlockKind, DocumentBuilder


def build(*items):
    """A Document from ('h'|'p'|'li', text) items and ('t', [[cells], ...]) tables (first row header)."""
    b = DocumentBuilder()
    for kind, content in items:
        if kind == "t":
            b.add_table([[(c, i, 1) for i, c in enumerate(row)] for row in content], page=1, header_rows=1)
        else:
            k = {"h": BlockKind.HEADING, "p": BlockKind.PARAGRAPH, "li": BlockKind.LIST_ITEM}[kind]
            b.add_text(k, content, page=1, level=2 if kind == "h" else None)
    return b.build(doc_id="t", path="t.docx", format="docx", sha256="", pages=1)


def by_person(rows):
    return {r.person: (r.role, r.organisation) for r in rows}


@pytest.mark.parametrize("text, names", [
    ("Prosjektleder Kari Nordmann håper på støtte.", ["Kari Nordmann"]),
    ("Anne-Grete Olsen og Tom Egil Hansen møtte.", ["Anne-Grete Olsen", "Tom Egil Hansen"]),
    ("Ida de Vries og Per A. Berg", ["Ida de Vries", "Per A. Berg"]),
    ("Innovasjon Norge og Ringerike kommune deltar.", []),
    ("Anders Jahre AS leverer utstyret.", []),
    ("PER OLAV HANSEN", []),
    ("Per år gis det tilskudd.", []),
    ("I Oslo og Akershus.", []),
])
def test_find_names(text, names):
    assert [n.text for n in find_names(text)] == names


@pytest.mark.parametrize("text, names", [
    ("hovedtillitsvalgt i Delta Ola Berg", ["Ola Berg"]),
    ("tillitsvalgt i Utdanningsforbundet Kari Holm", ["Kari Holm"]),
    ("leder i Norsk Lærerforbund Siri Lie", ["Siri Lie"]),
    ("Yasmin Dahl", ["Yasmin Dahl"]),  # a given name not in the list: the whole run, by context
])
def test_find_names_in_context_start_at_the_given_name(text, names):
    assert [n.text for n in find_names(text, known_only=False)] == names


@pytest.mark.parametrize("text, expected", [
    ("Torunn Aasen Berg", True),
    ("Oppland fylkeskommune", False),
    ("Direktør Innovasjon Norge", False),
    ("Kunnskapsbyen Lillestrøm", False),
])
def test_is_name_in_context(text, expected):
    assert is_name(text) is expected


@pytest.mark.parametrize("text, title, org", [
    ("Fylkesrådmann", True, False), ("adm. dir.", True, False), ("kommunikasjonssjef", True, False),
    ("Ringerike kommune", False, True), ("Bama-Gruppen AS", False, True), ("prosjektledelse", False, False),
])
def test_title_and_org_words(text, title, org):
    assert is_title(text) is title and is_org(text) is org


def test_pipeline_is_built_once_and_marks_persons_and_roles():
    assert nlp() is nlp()
    doc = nlp()("Det sa prosjektleder Kari Nordmann i går.")
    assert [(e.text, e.label_) for e in doc.ents] == [("prosjektleder", "ROLE"), ("Kari Nordmann", "PER")]


def test_field_list_signature_and_prose():
    doc = build(
        ("p", "Forfatter:\tHilde Lund, næringssjef i Vik, prosjektleder for «Nytt liv»"),
        ("p", "Det er etablert en styringsgruppe som består av følgende personer:"),
        ("p", "Ola Berg, Vik kommune (leder)"),
        ("p", "Siri Dahl, Fjord Fisk AS"),
        ("p", "Ola Berg er ordfører og leder av gruppen."),
        ("p", "Prosjektansvarlig er kommunalsjef for teknisk drift, Petter Lie. Ingen andre er nevnt."),
        ("p", "Hans Olsen var også til stede på møtet."),
        ("p", "Vik, 1. mars 2024"),
        ("p", "Rune Moen"),
        ("p", "Rådmann"),
        ("p", "Vik kommune"),
    )
    got = by_person(extract_roles(doc))
    assert got["Hilde Lund"] == ("næringssjef i Vik, prosjektleder for «Nytt liv» (forfatter)", "Vik")
    assert got["Ola Berg"][0].startswith("leder av styringsgruppen") and got["Ola Berg"][1] == "Vik kommune"
    assert got["Siri Dahl"] == ("medlem av styringsgruppen", "Fjord Fisk AS")
    assert got["Petter Lie"][0] == "Prosjektansvarlig; kommunalsjef for teknisk drift"
    assert got["Rune Moen"] == ("Rådmann", "Vik kommune")
    assert "Hans Olsen" not in got  # named without a role


def test_attendance_table_and_forfall():
    doc = build(
        ("h", "Møtende medlemmer"),
        ("t", [["Navn", "Funksjon", "Representerer"], ["Kristin Haugen", "Ordfører", "Sp"],
               ["Odd Arne Kleven", "Varamedlem", "H"]]),
        ("p", "Forfall: Gunnar Holm, medlem (H). Odd Arne Kleven (H) møtte som varamedlem."),
        ("p", "Fra administrasjonen møtte kommunedirektør Sigrid Vang. Protokollfører: Eva Lunde."),
    )
    got = by_person(extract_roles(doc))
    assert got["Kristin Haugen"] == ("Ordfører", "Sp")
    assert got["Odd Arne Kleven"] == ("Varamedlem", "H")
    assert got["Gunnar Holm"] == ("medlem (forfall)", "H")
    assert got["Sigrid Vang"][0] == "kommunedirektør"


def test_article_quotes_and_byline():
    doc = build(
        ("p", "Prosjektleder Jon Vik (stående) håper på mer støtte."),
        ("p", "Trine Aas fra Solklyngen hadde gode råd."),
        ("p", "– Søknaden er detaljert, sa Aas."),
        ("p", "PER OLAV NORD"),
        ("p", "Editor - Norway"),
    )
    got = by_person(extract_roles(doc))
    assert set(got) == {"Jon Vik", "Trine Aas"}
    assert got["Trine Aas"][1] == "Solklyngen"


def test_inline_list_with_titles_before_names():
    doc = build(
        ("p", "Prosjektgruppe: kommunalsjef for kultur og idrett Per Moe (leder), HR-rådgiver Eva Dahl, "
              "enhetsleder ved Vik barnehage Siri Lie, tillitsvalgt i Delta Ola Berg og verneombud Kari Holm."),
    )
    got = by_person(extract_roles(doc))
    assert set(got) == {"Per Moe", "Eva Dahl", "Siri Lie", "Ola Berg", "Kari Holm"}
    assert "leder av prosjektgruppen" in got["Per Moe"][0] and "kommunalsjef for kultur og idrett" in got["Per Moe"][0]
    assert "HR-rådgiver" in got["Eva Dahl"][0] and "enhetsleder" not in got["Eva Dahl"][0]
    assert got["Siri Lie"] == ("medlem av prosjektgruppen; enhetsleder", "Vik barnehage")
    assert got["Ola Berg"] == ("medlem av prosjektgruppen; tillitsvalgt", "Delta")
    assert "verneombud" in got["Kari Holm"][0]


def test_group_roles_written_in_prose():
    doc = build(
        ("p", "Planen er laget av en prosjektgruppe ledet av overingeniør Ola Berg, med lærer Kari Holm og "
              "Per Moe som medlemmer. Fagrådet, med Siri Lie som leder, gir råd underveis."),
        ("p", "Referansegruppen ledes av fagleder Eva Dahl ved Vik bo- og omsorgssenter og har seks medlemmer."),
    )
    got = by_person(extract_roles(doc))
    assert got["Ola Berg"][0] == "overingeniør; leder av prosjektgruppen"
    assert got["Kari Holm"][0] == "lærer; medlem av prosjektgruppen"
    assert got["Per Moe"][0] == "medlem av prosjektgruppen"
    assert got["Siri Lie"][0] == "leder av fagrådet"
    assert got["Eva Dahl"] == ("fagleder; leder av referansegruppen", "Vik bo- og omsorgssenter")


def test_minutes_approvers_substitutes_and_case_notes():
    doc = build(
        ("p", "Til stede: Eva Dahl (Sp), Per Moe (H) og Ola Berg (V)."),
        ("p", "Forfall: Siri Lie (V). Ola Berg (V) møtte som varamedlem for Siri Lie."),
        ("p", "Fra administrasjonen: plansjef Kari Holm (sak 12/24)."),
        ("p", "Til å underskrive protokollen ble valgt Eva Dahl og Per Moe."),
        ("p", "Per Moe (H) fremmet følgende tilleggsforslag:"),
    )
    got = by_person(extract_roles(doc))
    assert "godkjenner protokollen" in got["Eva Dahl"][0] and "godkjenner protokollen" in got["Per Moe"][0]
    assert "varamedlem (møtte som vara for Siri Lie)" in got["Ola Berg"][0]
    assert got["Kari Holm"][1] is None and "plansjef" in got["Kari Holm"][0]
    assert "fremmet tilleggsforslag" in got["Per Moe"][0]


def test_field_with_title_before_name_and_signature_with_two_roles():
    doc = build(
        ("p", "Prosjekteier: kommunalsjef for oppvekst Tor Lie"),
        ("p", "Prosjektleder: rådgiver Hanne Moe, Vik kommune"),
        ("p", "Tor Lie er også leder av styringsgruppen."),
        ("p", "Vik, 2. mai 2025"),
        ("p", "Kari Holm"),
        ("p", "rådmann, prosjekteier"),
    )
    got = by_person(extract_roles(doc))
    assert got["Tor Lie"][0].startswith("prosjekteier; kommunalsjef for oppvekst")
    assert got["Hanne Moe"] == ("prosjektleder; rådgiver", "Vik kommune")
    assert got["Kari Holm"] == ("rådmann; prosjekteier", None)


# --- golden runs ----------------------------------------------------------------------------------

def test_attendance_table_without_header_reads_title_role_and_org_columns():
    doc = build(
        ("p", "Til stede:"),
        ("t", [["Varaordfører Siri Holmen", "leder", "Nordvik kommune"],
               ["Gunnar Hauge", "medlem", "Nordvik Næringsråd"],
               ["Rådmann Berit Strand", "medlem", "Nordvik kommune"]]),
    )
    got = by_person(extract_roles(doc))
    assert got["Siri Holmen"] == ("leder; varaordfører", "Nordvik kommune")
    assert got["Gunnar Hauge"] == ("medlem", "Nordvik Næringsråd")
    assert got["Berit Strand"] == ("medlem; rådmann", "Nordvik kommune")


def test_title_held_somewhere_set_off_before_the_name_in_a_quote():
    doc = build(("p", "– Dette gleder vi oss til, sier nestleder i eldrerådet, Oddvar Lunde (78)."))
    assert by_person(extract_roles(doc))["Oddvar Lunde"] == ("nestleder i eldrerådet", "eldrerådet")


@pytest.mark.parametrize("line", ["Aslaug Hovde, styremedlem", "Sigbjørn Dahl, styremedlem", "Vera Moen, styremedlem"])
def test_short_names_with_common_given_names_in_a_board_list(line):
    doc = build(("h", "Styret"), ("p", "Trine Lie, styreleder"), ("p", line))
    assert line.split(",")[0] in by_person(extract_roles(doc))


def test_group_named_in_the_lists_own_sentence_and_org_cell_details():
    doc = build(
        ("p", "Prosjekteier er Nordvik regionråd. Styringsgruppen består av:"),
        ("t", [["Navn", "Rolle", "Representerer"],
               ["Torunn Vik", "leder", "Nordvik regionråd, ordfører i Nes"],
               ["Geir Moe", "medlem", "Fjord Fisk AS (næringslivet)"]]),
        ("p", "Prosjektleder: Eva Lie, rådgiver i Nordvik regionråd. Prosjektleder rapporterer til styringsgruppen."),
    )
    got = by_person(extract_roles(doc))
    assert got["Torunn Vik"] == ("leder av styringsgruppen; ordfører i Nes", "Nordvik regionråd")
    assert got["Geir Moe"] == ("medlem av styringsgruppen (næringslivet)", "Fjord Fisk AS")
    assert got["Eva Lie"] == ("prosjektleder; rådgiver i Nordvik regionråd", "Nordvik regionråd")


def _key(name):
    return " ".join(re.findall(r"[0-9a-zæøåäöü]+", unicodedata.normalize("NFC", name).casefold()))


def _golden(paths, truth_dir):
    for p in paths:
        key = json.loads((truth_dir / f"{p.stem}.json").read_text())
        doc, _ = read_document(p, doc_id=p.stem, sha256="", display_path=str(p))
        rows = extract_roles(doc)
        assert sorted(_key(r.person) for r in rows) == sorted(_key(k["person"]) for k in key["roles"]), p.name
        for r in rows:
            assert r.role and doc.text[r.span_start:r.span_end] == r.source_text


def test_seed_roles_match_the_keys(seeds, shared):
    _golden(sorted(seeds.glob("*.docx")) + sorted(seeds.glob("*.pdf")), shared / "seeds" / "truth")


def test_sample_roles_match_the_keys(sample_archive):
    _golden(sorted(sample_archive.rglob("*.docx")) + sorted(sample_archive.rglob("*.pdf")), sample_archive.parent / "truth")
