"""The benchmark corpus: the sample archive's documents repeated with changed bytes, and one long plan.

Each copy differs in its bytes, so each has its own sha256 and doc_id and planscan parses every
one (identical copies would be parsed once each too, but the state would look like one file):
- a PDF gets a comment line '%bench N' after its final %%EOF, which every reader ignores;
- a .docx gets the zip comment 'bench N', which Word and python-docx ignore.
The long plan is the 300-page generated PDF of tests/hostile_files.py (running text, a ruled
budget table every 25 pages, 'Side n av N' footers).

    python benchmarks/corpus.py /tmp/corpus --kind mixed --n 300
"""
from __future__ import annotations

import argparse
import shutil
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples" / "archive"
SEEDS = REPO.parent / "shared" / "seeds" / "docs"


def source_folder() -> Path:
    """The sample archive when it holds documents, else the seed documents."""
    if SAMPLES.is_dir() and any(SAMPLES.rglob("*.pdf")):
        return SAMPLES
    if SEEDS.is_dir():
        return SEEDS
    raise SystemExit(f"no documents in {SAMPLES} or {SEEDS}")


def sources(ext: str) -> list[Path]:
    """The source folder's files of one type, sorted, recursive."""
    found = sorted(p for p in source_folder().rglob(f"*{ext}") if p.is_file())
    if not found:
        raise SystemExit(f"no {ext} files in {source_folder()}")
    return found


def copy_pdf(src: Path, dest: Path, n: int) -> None:
    data = src.read_bytes()
    dest.write_bytes(data + (b"" if data.endswith(b"\n") else b"\n") + f"%bench {n}\n".encode())


def copy_docx(src: Path, dest: Path, n: int) -> None:
    shutil.copyfile(src, dest)
    with zipfile.ZipFile(dest, "a") as z:
        z.comment = f"bench {n}".encode()


def build(dest: Path, kind: str, n: int, long_plan: bool = False) -> list[Path]:
    """Write `n` documents into `dest` ('pdf', 'docx' or 'mixed': alternating), plus the 300-page
    plan when `long_plan`. Returns the files written, in order."""
    dest.mkdir(parents=True, exist_ok=True)
    pdfs = sources(".pdf") if kind in ("pdf", "mixed") else []
    docxs = sources(".docx") if kind in ("docx", "mixed") else []
    out: list[Path] = []
    for i in range(n):
        use_pdf = kind == "pdf" or (kind == "mixed" and i % 2 == 0)
        pool = pdfs if use_pdf else docxs
        src = pool[(i // (2 if kind == "mixed" else 1)) % len(pool)]
        target = dest / f"{i:04d}-{src.stem}{src.suffix}"
        (copy_pdf if use_pdf else copy_docx)(src, target, i)
        out.append(target)
    if long_plan:
        sys.path.insert(0, str(REPO / "tests"))
        from hostile_files import make_long_pdf

        target = dest / "lang-plan-300-sider.pdf"
        make_long_pdf(target)
        out.append(target)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dest", type=Path)
    ap.add_argument("--kind", choices=("pdf", "docx", "mixed"), default="mixed")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--long-plan", action="store_true", help="add the generated 300-page plan")
    a = ap.parse_args()
    files = build(a.dest, a.kind, a.n, a.long_plan)
    print(f"{len(files)} files in {a.dest}")


if __name__ == "__main__":
    main()
