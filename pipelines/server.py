"""Prefect's temporary API server, started the moment a run begins instead of when the flow first
needs it.

Left to itself, Prefect starts its temporary server from inside the first flow call: after the CLI
has imported Prefect (about 2 s) and imported the whole server package into the CLI process as
well (about 4 s), it launches the server and waits for it (about 5 s more). On a 2-core machine
that is 9-11 s of every run spent before the first document is read, and it is most of an
unchanged rerun. planscan launches the same server with the same command and environment as the
very first thing `planscan run` does, before importing Prefect, so the server's start-up overlaps
with importing Prefect and warming the worker processes, and the CLI process never imports the
server package at all.

Used only when no Prefect API is configured: a team's own server (PREFECT_API_URL from the
environment, a profile or a settings file) is always used as it is, and the early server is
stopped unused.
"""
from __future__ import annotations

import atexit
import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request


class ServerFailed(RuntimeError):
    pass


def _die_with_parent() -> None:
    """In the server process (Linux): be sent SIGTERM when planscan's process ends, however it
    ends. atexit stops the server on a normal exit; after a kill -9 nothing else would, and a
    server would be left running for good."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    except Exception:
        pass


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class EarlyServer:
    """A Prefect API server in a subprocess on a free local port; stopped at interpreter exit."""

    # What Prefect's own SubprocessASGIServer sets for its temporary server (prefect 3.x).
    SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1",
                  # Block types are a catalogue for the UI; planscan uses none. Registering them
                  # imports every installed Prefect collection (prefect-dask pulls in Dask): ~1 s.
                  "PREFECT_API_BLOCKS_REGISTER_ON_START": "false"}

    def __init__(self, log_path: str | None = None) -> None:
        spec = importlib.util.find_spec("prefect")
        if spec is None or spec.origin is None:
            raise ServerFailed("prefect is not installed")
        self._app_dir = os.path.dirname(os.path.dirname(spec.origin))
        self._log_path = log_path
        self._log = None
        self.proc: subprocess.Popen | None = None
        self.port = 0
        self._launch()
        # Registered now, so it runs after the atexit handlers Prefect registers later (atexit is
        # last-in, first-out): Prefect's event and log workers flush to a server that is still up.
        atexit.register(self.stop)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def _launch(self) -> None:
        self.port = _free_port()
        if self._log_path and self._log is None:
            os.makedirs(os.path.dirname(self._log_path) or ".", exist_ok=True)
            self._log = open(self._log_path, "a", encoding="utf-8")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", self._app_dir, "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"],
            env={**os.environ, **self.SERVER_ENV}, stdin=subprocess.DEVNULL,
            stdout=self._log or subprocess.DEVNULL, stderr=self._log or subprocess.DEVNULL,
            preexec_fn=_die_with_parent,
        )

    def wait_ready(self, timeout: float = 120.0) -> None:
        """Return once the server answers its health check; raise ServerFailed after `timeout` s."""
        deadline = time.monotonic() + timeout
        relaunches = 0
        while time.monotonic() < deadline:
            code = self.proc.poll() if self.proc else 1
            if code is not None:
                # Exit code 3 is uvicorn's "address in use": another process took the port between
                # choosing and binding it. Choose again, a few times.
                if relaunches >= 3:
                    raise ServerFailed(f"Prefect's temporary API server exited with code {code} "
                                       f"(its output is in {self._log_path or 'the log'})")
                relaunches += 1
                self._launch()
                continue
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.05)
        self.stop()
        raise ServerFailed(f"Prefect's temporary API server did not answer within {timeout:g} s")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None
        if self._log is not None:
            self._log.close()
            self._log = None


def api_configured() -> bool:
    """Whether Prefect would use a configured API (env, profile, .env, prefect.toml). Imports prefect."""
    from prefect.settings import get_current_settings

    return bool(get_current_settings().api.url)
