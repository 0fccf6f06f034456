"""Build an archive whose documents attack the outputs: HTML/script injection aimed at the report,
formula injection aimed at the workbook, terminal escape sequences aimed at the console, and
file-system traps aimed at discovery.

    python tests/hostile_content.py OUT_FOLDER      # writes OUT_FOLDER/arkiv (and OUT_FOLDER/utenfor)

`build(folder)` returns a `Built` with the archive's root and what each special entry is. The
documents are ordinary Norwegian project papers (rendered to .docx and .pdf with python-docx and
reportlab via samples/markup.py) whose titles, paragraphs and table cells carry the payloads, so
the extractors really pull them into rows. Next to them: a FIFO, a symlink loop, a symlink to a
file outside the archive, and file names with a newline, invalid UTF-8 bytes, a right-to-left
override and an escape sequence.
"""
from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

SCRIPT = "<script>alert('planscan')</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_LINK = '<a href="javascript:alert(3)">lenken</a>'
STYLE = "</style><style>body{display:none}</style>"
HTML_PAYLOADS = (SCRIPT, IMG, JS_LINK, STYLE)
FORMULAS = ('=HYPERLINK("http://evil.example","Klikk")', "=1+2 Prosjektledelse", "+47 Reise", "-Innleid hjelp",
            "@SUM(1+1) Sluttrapport")
ESC = "\x1b[31m"  # in file names and PDF text: would colour the terminal red, or worse
TITLE_ESC = "\x1b]0;pwned\x07"  # would retitle the terminal window

PLAN = f"""\
# Prosjektplan {SCRIPT} Grønn vekst Fjordby

Versjon 1.0 – 12.02.2024

[table noborder]
Prosjekteier: | {IMG} Fjordby kommune
Arkivsak: | 2024/417
Prosjektleder: | Kari Nordmann, næringsrådgiver
[/table]

## 1. Bakgrunn

Se {JS_LINK} og {STYLE} for mer om satsingen på grønn omstilling i Fjordby.

{FORMULAS[0]}

=cmd|' /C calc'!A0

Prosjektperiode: 1. april 2024 – 31. desember 2025.

Prosjekteier er Fjordby kommune ved kommunedirektør Per Hansen. Prosjektleder er næringsrådgiver Kari Nordmann.

Styringsgruppen består av:

- Ola Nordmann {SCRIPT}, ordfører (leder)
- Liv Berg, rådmann

## 2. Milepæler

[table]
!Milepæl | Frist | Ansvar | Status
{FORMULAS[0]} oppstart | 1. april 2024 | Kommunedirektør | Planlagt
{SCRIPT} Kartlegging | 2. kvartal 2024 | Prosjektleder | Planlagt
{FORMULAS[4]} | 15.12.2025 | Prosjektleder | {IMG}
[/table]

## 3. Budsjett

[table]
!Kostnader | 2024 | 2025 | Sum
{FORMULAS[1]} | 150 000 | 150 000 | 300 000
{FORMULAS[2]} {SCRIPT} | 50 000 | 50 000 | 100 000
{FORMULAS[3]} {IMG} | 75 000 | 75 000 | 150 000
Sum kostnader | 275 000 | 275 000 | 600 000
[/table]

Samlet budsjett er kr 600 000.
"""

CASE = f"""\
Fjordby kommune

Saksframlegg

# Tilskudd til {SCRIPT} Fjordby Næringshus

[table noborder]
Saksnr.: | 2024/99
Saksbehandler: | Eirin Fossum, næringsrådgiver
Dato: | 02.04.2024
[/table]

[table]
!Utvalgssak | Utvalg | Møtedato
12/24 | Formannskapet | 16.04.2024
[/table]

## Kommunedirektørens forslag til vedtak

{FORMULAS[0]} Fjordby Næringsforening {IMG} innvilges kr 250 000,- i tilskudd fra kommunens næringsfond.

## Saksopplysninger

Søknaden er signert av styreleder {SCRIPT} Trond Vollan.

[table]
!Kostnader | Beløp
{FORMULAS[1]} | kr 420 000
{JS_LINK} | kr 130 000
Inventar {STYLE} | kr 100 000
Sum kostnader | kr 650 000
[/table]
"""


@dataclass
class Built:
    root: Path  # the archive
    outside: Path  # a file outside the archive that a link points to
    documents: list[str] = field(default_factory=list)  # rel paths (str, as os.fsdecode gives them)
    fifo: str = ""
    loop: str = ""
    outside_link: str = ""
    odd_names: dict[str, str] = field(default_factory=dict)  # what -> rel path


def _render(text: str, stem: Path, title: str) -> list[Path]:
    sys.path.insert(0, str(REPO))
    from samples import markup

    blocks = markup.parse(text)
    return [markup.render_docx(blocks, stem.with_suffix(".docx"), title=title),
            markup.render_pdf(blocks, stem.with_suffix(".pdf"), title=title)]


def _render_docx(text: str, path: Path, title: str) -> Path:
    sys.path.insert(0, str(REPO))
    from samples import markup

    return markup.render_docx(markup.parse(text), path, title=title)


def _ansi_pdf(path: Path) -> Path:
    """A PDF whose text holds raw terminal escape sequences (PDF strings may hold any byte)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(f"Referat {TITLE_ESC}")
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, 780, f"Referat fra styringsgruppen {ESC}rødt{TITLE_ESC}")
    c.setFont("Helvetica", 11)
    c.drawString(60, 750, f"Til stede: Kari Nordmann, prosjektleder {ESC}")
    c.drawString(60, 730, "Vedtak: Styringsgruppen godkjenner budsjettet på kr 600 000.\x1b[2J")
    c.drawString(60, 710, f"{FORMULAS[0]} {SCRIPT}")
    c.showPage()
    c.save()
    return path


def build(folder: str | os.PathLike, invalid_utf8: bool = True) -> Built:
    """Write the hostile archive under `folder` (folder/arkiv, plus folder/utenfor for the file
    the outside link points to). Returns what was built."""
    folder = Path(folder)
    root, outside_dir = folder / "arkiv", folder / "utenfor"
    for d in (root, outside_dir):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    b = Built(root=root, outside=outside_dir / "hemmelig.pdf")
    docs = root / "dokumenter"
    docs.mkdir()
    made = _render(PLAN, docs / "prosjektplan-fjordby", "Prosjektplan <b>Fjordby</b>")
    made += _render(CASE, docs / "saksframlegg-fjordby", "=HYPERLINK(\"x\")")
    made.append(_ansi_pdf(docs / "referat-ansi.pdf"))
    b.documents = [os.path.relpath(p, root) for p in made]

    odd = root / "rare navn"
    odd.mkdir()
    names = {
        "newline": "plan med\nlinjeskift.docx",
        "rtl": "faktura-\u202excod.pdf.docx",  # shows as 'faktura-fdp.docx' ... to a careless eye
        "escape": f"farlig-{ESC}navn{TITLE_ESC}.docx",
    }
    if invalid_utf8:
        names["invalid_utf8"] = b"ugyldig-\xff\xfe-utf8.docx"  # bytes that are not UTF-8
    for k, (what, name) in enumerate(names.items()):
        # each its own document (own bytes, own doc_id), carrying payloads in its title and budget
        text = f"# Prosjektplan {k} {IMG}\n\nProsjektet har en samlet kostnad på kr {k + 1}00 000.\n"
        tmp = odd / f"tmp-{k}.docx"
        _render_docx(text, tmp, title=SCRIPT)
        target = os.fsencode(odd) + b"/" + name if isinstance(name, bytes) else odd / name
        os.replace(tmp, target)
        b.odd_names[what] = os.path.relpath(os.fsdecode(target), root)
    b.documents += list(b.odd_names.values())

    special = root / "spesielle"
    special.mkdir()
    os.mkfifo(special / "pipe.pdf")
    b.fifo = "spesielle/pipe.pdf"
    os.symlink("..", special / "loop")  # spesielle/loop/spesielle/loop/... forever, if followed naively
    b.loop = "spesielle/loop"
    shutil.copyfile(docs / "prosjektplan-fjordby.pdf", b.outside)
    os.symlink(b.outside, special / "utenfor.pdf")
    b.outside_link = "spesielle/utenfor.pdf"
    return b


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: python tests/hostile_content.py OUT_FOLDER", file=sys.stderr)
        sys.exit(2)
    built = build(sys.argv[1])
    print(f"hostile archive in {built.root}")
