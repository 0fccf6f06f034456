"""One run per output folder: an exclusive lock that the OS releases if the process dies."""
from __future__ import annotations

import fcntl
import os


class OutputLocked(Exception):
    pass


class _Lock:
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        try:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        finally:
            os.close(self.fd)


def lock_output(out_dir: str) -> _Lock:
    """Take the output folder's lock at once or raise OutputLocked naming the running process."""
    path = os.path.join(out_dir, ".planscan.lock")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        try:
            pid = os.pread(fd, 32, 0).decode().strip()
        except OSError:
            pid = "?"
        os.close(fd)
        raise OutputLocked(f"another planscan run (pid {pid}) is writing to {out_dir}; wait for it to finish "
                           "or use another --out folder") from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, str(os.getpid()).encode(), 0)
    return _Lock(fd)
