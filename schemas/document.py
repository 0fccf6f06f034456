"""The one document model every reader produces and every extractor reads.

A document is an ordered list of blocks (headings, paragraphs, list items, tables). Every block
and every table cell knows its page (1-based for PDF; for .docx the page Word's explicit page
breaks give, else None) and its character span in `Document.text`, so any extracted row can point
back at the exact words it was read from: `doc.text[start:end]`.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import Enum


class BlockKind(str, Enum):
    """Kinds of block. heading (overskrift), paragraph (avsnitt), list_item (punkt), table (tabell)."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its text and span in the document text. Merged cells appear once."""

    text: str
    start: int
    end: int
    page: int | None
    col: int  # first grid column the cell occupies
    span: int = 1  # grid columns it spans


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the body, in reading order.

    For a table, `text` is its rows joined by newlines, cells by ' | ', and `rows` holds the cells;
    `header_rows` counts leading header rows (0 where the table has none marked or detected).
    """

    kind: BlockKind
    text: str
    start: int
    end: int
    page: int | None
    level: int | None = None  # heading level, 1 = top
    rows: tuple[tuple[Cell, ...], ...] = ()
    header_rows: int = 0
    ruled: bool | None = None  # PDF tables: found by ruling lines (True) or by text alignment (False)


@dataclass(slots=True)
class Document:
    """A parsed file: metadata, the body's blocks, and headers/footers kept apart from the body."""

    doc_id: str
    path: str
    format: str
    sha256: str
    pages: int | None
    blocks: list[Block] = field(default_factory=list)
    text: str = ""
    furniture: list[str] = field(default_factory=list)  # page headers and footers, not body text
    metadata_title: str | None = None  # the file's own title property, if any

    def block_at(self, offset: int) -> Block | None:
        """The block whose span contains `offset`, or None."""
        starts = [b.start for b in self.blocks]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < max(self.blocks[i].end, self.blocks[i].start + 1):
            return self.blocks[i]
        return None

    def page_at(self, offset: int) -> int | None:
        """The page of the character at `offset` (None where pages are unknown)."""
        block = self.block_at(offset)
        if block is None:
            return None
        if block.kind is BlockKind.TABLE:
            for row in block.rows:
                for cell in row:
                    if cell.start <= offset < cell.end:
                        return cell.page
        return block.page

    def tables(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is BlockKind.TABLE]


class DocumentBuilder:
    """Accumulates blocks and assigns spans so that `doc.text[b.start:b.end] == b.text`.

    Blocks are separated by a blank line; table rows by a newline and cells by ' | '.
    """

    SEP = "\n\n"

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self.blocks: list[Block] = []

    def _append(self, s: str) -> int:
        if self._parts:
            self._parts.append(self.SEP)
            self._len += len(self.SEP)
        start = self._len
        self._parts.append(s)
        self._len += len(s)
        return start

    def add_text(self, kind: BlockKind, text: str, page: int | None, level: int | None = None) -> None:
        text = text.strip()
        if not text:
            return
        start = self._append(text)
        self.blocks.append(Block(kind, text, start, start + len(text), page, level))

    def extend_last(self, more: str) -> None:
        """Append text to the last (text) block, e.g. the second line of a wrapped heading."""
        last = self.blocks[-1]
        self._parts[-1] += more
        self._len += len(more)
        self.blocks[-1] = Block(last.kind, last.text + more, last.start, last.end + len(more), last.page, last.level)

    def add_table(self, rows: list[list[tuple[str, int, int]]], page: int | None,
                  header_rows: int = 0, cell_pages: list[list[int | None]] | None = None,
                  ruled: bool | None = None) -> None:
        """rows: per row, (text, grid column, grid span) for each distinct cell."""
        rows = [[(" ".join(t.split()), c, s) for t, c, s in row] for row in rows]
        keep = [i for i, row in enumerate(rows) if any(t for t, _, _ in row)]
        rows = [rows[i] for i in keep]
        if cell_pages is not None:
            cell_pages = [cell_pages[i] for i in keep]  # keep each row's pages with the row
        if not rows:
            return
        if self._parts:
            self._parts.append(self.SEP)
            self._len += len(self.SEP)
        start = self._len
        out_rows: list[tuple[Cell, ...]] = []
        pieces: list[str] = []
        pos = start
        for ri, row in enumerate(rows):
            if ri:
                pieces.append("\n")
                pos += 1
            cells = []
            for ci, (t, col, span) in enumerate(row):
                if ci:
                    pieces.append(" | ")
                    pos += 3
                pg = cell_pages[ri][ci] if cell_pages else page
                cells.append(Cell(t, pos, pos + len(t), pg, col, span))
                pieces.append(t)
                pos += len(t)
            out_rows.append(tuple(cells))
        text = "".join(pieces)
        self._parts.append(text)
        self._len += len(text)
        self.blocks.append(Block(BlockKind.TABLE, text, start, start + len(text), page,
                                 rows=tuple(out_rows), header_rows=min(header_rows, len(out_rows)),
                                 ruled=ruled))

    def build(self, **meta) -> Document:
        return Document(blocks=self.blocks, text="".join(self._parts), **meta)
