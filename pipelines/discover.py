"""Find the files of an archive, safely.

Symbolic links are never followed: one that points outside the archive would leave it, one to a
folder inside could loop or read files twice; each gets a 'skipped' row saying why. Directories are
visited once by their real identity, and special files (FIFOs, sockets, devices) are reported
and never opened: reading a FIFO blocks forever. Office lock and temp files and hidden files are
skipped silently: they are not documents.
"""
from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass

_TEMP = re.compile(r"^(~\$|\.~lock\.|~WRL|\._)|(\.tmp|\.temp|\.bak|\.swp|#)$", re.I)
_JUNK_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}


@dataclass(frozen=True)
class Found:
    """A file found in the archive. `skip_reason` is set for files that must not be opened."""

    path: str  # absolute path to open
    rel: str  # path as found in the archive, relative to its root
    size: int
    skip_reason: str | None = None


def display_rel(rel: str) -> str:
    """The relative path as text that every table, file and terminal accepts: bytes that are not
    UTF-8 in a file name become visible escapes ('\\xff'); the file itself is opened by its real name."""
    try:
        rel.encode("utf-8")
        return rel
    except UnicodeEncodeError:
        return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def is_junk(name: str) -> bool:
    """Office lock/temp files, OS thumbnails and hidden files: not documents, no row."""
    return name.startswith(".") or name.lower() in _JUNK_NAMES or bool(_TEMP.search(name))


def discover(root: str) -> list[Found]:
    """Every file under `root` in a stable order (sorted by relative path)."""
    root = os.path.realpath(root)
    out: list[Found] = []
    seen_dirs: set[tuple[int, int]] = set()

    def inside(p: str) -> bool:
        return p == root or p.startswith(root + os.sep)

    def walk(d: str) -> None:
        try:
            st = os.stat(d)
        except OSError:
            return
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            return  # a symlink loop or a second link to the same folder
        seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as e:
            out.append(Found(d, display_rel(os.path.relpath(d, root)), 0, f"folder cannot be read: {e.strerror}"))
            return
        for e in entries:
            rel = display_rel(os.path.relpath(e.path, root))
            if is_junk(e.name):
                continue
            try:
                if e.is_symlink():
                    target = os.path.realpath(e.path)
                    if not inside(target):
                        out.append(Found(e.path, rel, 0, "symbolic link to a place outside the archive; not followed"))
                        continue
                    if not os.path.exists(target):
                        out.append(Found(e.path, rel, 0, "broken symbolic link"))
                        continue
                    # Inside the archive the target is scanned where it stands: following the link
                    # would read it twice (or, for a link to a parent folder, forever).
                    where = display_rel(os.path.relpath(target, root))
                    if os.path.isdir(target):
                        loop = d == target or d.startswith(target + os.sep) or os.path.realpath(d) == target \
                            or os.path.realpath(d).startswith(target + os.sep)
                        reason = (f"symbolic link loop (points back to its own folder {where!r}); not followed"
                                  if loop else f"symbolic link to the folder {where!r}, which is scanned where it "
                                  "stands; not followed")
                    else:
                        reason = f"symbolic link to {where!r}, which is read where it stands; not read twice"
                    out.append(Found(e.path, rel, 0, reason))
                    continue
                st = os.stat(e.path)
            except OSError as err:
                out.append(Found(e.path, rel, 0, f"cannot be read: {err.strerror or err}"))
                continue
            if stat.S_ISDIR(st.st_mode):
                walk(e.path)
            elif stat.S_ISREG(st.st_mode):
                out.append(Found(e.path, rel, st.st_size))
            else:
                kind = ("named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode) else "socket" if stat.S_ISSOCK(st.st_mode)
                        else "device file" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "special file")
                out.append(Found(e.path, rel, 0, f"{kind}, not a document; skipped without opening"))

    walk(root)
    out.sort(key=lambda f: f.rel)
    return out
