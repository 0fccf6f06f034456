"""Text from documents and file names, made safe to print on a terminal.

Control characters and escape sequences (which can move the cursor, retitle the window or hide
text) and bidirectional overrides are shown as visible escapes, never sent raw.
"""
from __future__ import annotations

import unicodedata

_BIDI = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f"}


def safe(text: object) -> str:
    """Printable form of `text`: control, format and bidi characters become \\xNN / \\uNNNN."""
    s = str(text)
    if s.isprintable() and not any(c in _BIDI for c in s):
        return s
    out = []
    for c in s:
        if c in _BIDI or (not c.isprintable() and c != " ") or unicodedata.category(c) in ("Cc", "Cf", "Cs"):
            out.append(f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return "".join(out)


def safe_path(path: str) -> str:
    """A file name for display: undecodable bytes (surrogate escapes) and controls made visible."""
    return safe(path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace"))


