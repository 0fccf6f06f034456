"""Keep Prefect's chatter and shutdown noise off the user's terminal.

Telemetry off (two settings), Prefect's own console logging down to warnings, and during a run
the process's stderr (file descriptor 2, so also atexit and thread output) goes to a log file in
the output folder. The CLI writes progress and results to a saved copy of the real terminal.
"""
from __future__ import annotations

import os
import sys

PREFECT_ENV = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_LOG_PRINTS": "false",
    "PREFECT_UI_ENABLED": "false",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
    # The temporary server takes ~10 s to start on an idle 2-core machine; on a busy one, longer.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}


def configure_environment() -> None:
    """Call before prefect is imported."""
    for k, v in PREFECT_ENV.items():
        os.environ.setdefault(k, v)


class StderrToFile:
    """Context manager: fd 2 -> log file; `self.terminal` is a text stream on the real stderr."""

    def __init__(self, log_path: str) -> None:
        self.log_path = log_path

    def __enter__(self):
        sys.stderr.flush()
        self._saved = os.dup(2)
        self.terminal = os.fdopen(os.dup(self._saved), "w", buffering=1, encoding="utf-8", errors="replace")
        os.makedirs(os.path.dirname(self.log_path) or ".", exist_ok=True)
        self._log = open(self.log_path, "a", encoding="utf-8")
        os.dup2(self._log.fileno(), 2)
        return self

    def __exit__(self, *exc) -> None:
        sys.stderr.flush()
        os.dup2(self._saved, 2)
        os.close(self._saved)
        self._log.close()


def redirect_stderr_for_good(log_path: str) -> None:
    """From here to process exit, fd 2 goes to the log (Prefect prints at interpreter shutdown)."""
    os.makedirs(os.path.dirname(log_path) or ".", exist_ok=True)
    f = open(log_path, "a", encoding="utf-8")
    sys.stderr.flush()
    os.dup2(f.fileno(), 2)
