"""Document facts: the genre (doc_type) and the title, on small built documents and on the seeds."""
import json
from pathlib import Path

import pytest

from extractors.facts import find_doc_type, find_title, news_cues
from extractors.read import read_document
from schemas.document import BlockKind, DocumentBuilder

SEEDS = ["seed-nedre-romerike-plan", "seed-oppland-mandate", "seed-ringerike-note",
         "seed-smartpack-article", "seed-smartpack-plan"]




def _doc(*blocks):
    b = DocumentBuilder()
    for kind, text in blocks:
        b.add_text(BlockKind(kind), text, page=1, level=1 if kind == "heading" else None)
    return b.build(doc_id="t", path="t.docx", format="docx", sha256="", pages=1)


def _type(*blocks) -> str:
    doc = _doc(*blocks)
    return find_doc_type(doc, find_title(doc))


GENRES = [
    # a news item by its byline and quotes, without any 'Publisert'
    ([("heading", "Ny barnehage klar til høsten"), ("paragraph", "Av Per Olav Lien"),
      ("paragraph", "Kommunen har fått tilsagn om midler til en ny barnehage på Sletta."),
      ("paragraph", "– Vi er svært glade for dette, sier enhetsleder Kari Brekke.")], "article"),
    # a newspaper's dateline and quoted speech
    ([("heading", "Kaia blir ny"), ("paragraph", "Nordby-Posten, 04.05.2024"),
      ("paragraph", "Havnestyret har bestemt seg."),
      ("paragraph", "– Dette har vi ventet lenge på, forteller havnesjefen.")], "article"),
    # two news signs win over a genre word in a news title
    ([("heading", "Ny handlingsplan for idrett vedtatt"), ("paragraph", "Av Siri Holm"),
      ("paragraph", "– Planen gir oss retning, sier idrettskonsulent Jon Aas."),
      ("paragraph", "– Vi har ventet på dette, sa lederen i idrettsrådet.")], "article"),
    # an internal memo: Til/Fra/Kopi/Dato, an archive number, no case paper words
    ([("paragraph", "Nordby kommune"), ("paragraph", "NOTAT"), ("paragraph", "Til: Rådmann Eva Dahl"),
      ("paragraph", "Fra: Teknisk sjef Ole Berg"), ("paragraph", "Dato: 03.03.2024"),
      ("paragraph", "Arkivsak: 24/0311"), ("heading", "Status for ny brannstasjon")], "other"),
    # a note that is a case paper: a case number and a proposal
    ([("paragraph", "Notat"), ("paragraph", "Møte: Regionrådet"), ("heading", "Sak 12/24 Felles reiselivsplan"),
      ("paragraph", "Forslag til vedtak: Regionrådet slutter seg til planen.")], "council_case"),
    ([("paragraph", "Nordby kommune"), ("paragraph", "SAKSFRAMLEGG"), ("heading", "Ny gang- og sykkelvei")],
     "council_case"),
    # a letter dated at a place, with a quote in it, is not a news item
    ([("heading", "Tilsagn om tilskudd"), ("paragraph", "Nordby, 12. mars 2024"),
      ("paragraph", "Vi viser til søknaden deres.")], "other"),
    ([("heading", "Prosjektplan for Kulturløftet"), ("paragraph", "Versjon 1.0")], "project_plan"),
    # a body's yearly account of its work is a report
    ([("heading", "Årsmelding 2022"), ("paragraph", "Nordby kulturhus AS")], "report"),
    ([("heading", "Årsberetning for Fjordby vekstsenter 2023")], "report"),
]


@pytest.mark.parametrize("blocks,want", GENRES)
def test_genre(blocks, want):
    assert _type(*blocks) == want


def test_news_cues_need_a_newspaper_in_the_dateline():
    assert "dateline" in news_cues(_doc(("heading", "Sak"), ("paragraph", "Fjordavisa, 3. mai 2024")))
    assert "dateline" not in news_cues(_doc(("heading", "Sak"), ("paragraph", "Fjordby, 3. mai 2024")))
    assert "byline" not in news_cues(_doc(("heading", "Sak"), ("paragraph", "Av hensyn til fremdriften utsettes saken.")))


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("name", SEEDS)
def test_seed_doc_type(shared, name, fmt):
    path = shared / "seeds" / "docs" / f"{name}.{fmt}"
    doc, _ = read_document(str(path), doc_id=name, sha256="", display_path=str(path))
    key = json.loads((shared / "seeds" / "truth" / f"{name}.json").read_text())
    assert find_doc_type(doc, find_title(doc)) == key["doc_type"]


def test_a_report_with_a_photo_credit_and_a_quote_stays_a_report():
    assert _type(("heading", "Årsrapport 2024 for Kystkultursenteret"), ("paragraph", "Foto: Ola Lie"),
                 ("paragraph", "– Dette var et godt år, sier daglig leder.")) == "report"
