"""Why a file could not be read, in words a person understands."""
from __future__ import annotations


class ReadError(Exception):
    """A file that cannot be read. `status` is 'error' or 'empty'; `reason` is shown to users."""

    def __init__(self, reason: str, status: str = "error", pages: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.pages = pages
