"""Render every samples/src/NAME.txt to samples/archive/NAME.docx and samples/archive/NAME.pdf.

    python samples/make_archive.py            # (re)build the archive in place
    python samples/make_archive.py --out DIR  # build into another folder (e.g. to compare)

A source may carry metadata lines (not rendered):
    % short: the short name printed in the page header (.docx) and footer (.pdf)
    % folder: a subfolder of the archive for this document (the archive is otherwise flat)
Answer keys in samples/truth/ match the rendered files by file stem, wherever they sit.
Output is deterministic, so rebuilding an unchanged source leaves the files byte-identical.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import markup  # noqa: E402

SRC = HERE / "src"
ARCHIVE = HERE / "archive"


def targets(src_dir: Path = SRC, out_dir: Path = ARCHIVE) -> list[tuple[Path, Path, dict]]:
    """(source, output path without suffix, metadata) for every source, sorted by name."""
    out = []
    for src in sorted(src_dir.glob("*.txt")):
        meta = markup.parse_meta(src.read_text(encoding="utf-8"))
        folder = out_dir / meta["folder"] if meta.get("folder") else out_dir
        out.append((src, folder / src.stem, meta))
    return out


def build(src_dir: Path = SRC, out_dir: Path = ARCHIVE, clean: bool = True) -> list[Path]:
    """Render every source to .docx and .pdf; with clean, remove .docx/.pdf files that no source makes."""
    written = []
    for src, stem_path, meta in targets(src_dir, out_dir):
        text = src.read_text(encoding="utf-8")
        blocks = markup.parse(text)
        title = meta.get("short") or next((b.text for b in blocks if isinstance(b, markup.Heading)), src.stem)
        written.append(markup.render_docx(blocks, stem_path.with_suffix(".docx"), title=title))
        written.append(markup.render_pdf(blocks, stem_path.with_suffix(".pdf"), title=title))
    if clean and out_dir.exists():
        keep = {p.resolve() for p in written}
        for p in sorted(out_dir.rglob("*")):
            if p.is_file() and p.suffix in (".docx", ".pdf") and p.resolve() not in keep:
                p.unlink()
        for d in sorted((d for d in out_dir.rglob("*") if d.is_dir()), reverse=True):
            if not any(d.iterdir()):
                d.rmdir()
    return written


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=SRC)
    ap.add_argument("--out", type=Path, default=ARCHIVE)
    args = ap.parse_args(argv)
    written = build(args.src, args.out)
    for p in written:
        print(p.relative_to(args.out))
    print(f"{len(written)} files in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
