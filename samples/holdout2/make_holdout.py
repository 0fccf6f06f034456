"""Render the held-out documents: samples/holdout2/src/NAME.txt -> samples/holdout2/archive/NAME.docx and .pdf.

    .venv/bin/python samples/holdout2/make_holdout.py

The second held-out set (holdout2) measures how the extractors generalise again: it was written without reading
extractors/, checks/ or samples/holdout/src, and its answer keys (truth/NAME.json) follow ../../shared/answer-keys.md
and samples/README.md. Uses the same renderer and metadata lines ('% short:', '% folder:') as
samples/make_archive.py.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import make_archive  # noqa: E402  (samples/make_archive.py, which imports samples/markup.py)


def main() -> int:
    out = HERE / "archive"
    written = make_archive.build(HERE / "src", out)
    for p in written:
        print(p.relative_to(out))
    print(f"{len(written)} files in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
