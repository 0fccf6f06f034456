"""Run a function in a child process that can be killed: the only way to stop a stuck parser.

Each calling thread owns one long-lived child (started once, reused for every document it
handles), so the cost of starting Python and importing the parsers is paid once per worker, not
per document. When a call overruns its time limit the child is killed and the next call starts a
fresh one. A thread cannot be stopped; a process can.
"""
from __future__ import annotations

import multiprocessing as mp
import threading
import traceback

_local = threading.local()


class TimeLimitExceeded(Exception):
    pass


class WorkerDied(Exception):
    pass


def _serve(conn) -> None:
    # Keep the child quiet: Prefect and library warnings belong in the log, not the terminal.
    import warnings

    warnings.simplefilter("ignore")
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            return
        fn, args = msg
        try:
            conn.send(("ok", fn(*args)))
        except BaseException as e:  # report, keep serving
            conn.send(("err", f"{type(e).__name__}: {e}\n{traceback.format_exc(limit=3)}"))


_ctx = None


def _context():
    """A forkserver: children fork from a clean, single-threaded server process (forking the
    threaded flow process itself can deadlock), with the parsers preloaded once."""
    global _ctx
    if _ctx is None:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["pipelines.work", "extractors.read", "extractors.extract", "checks.registry"])
        _ctx = ctx
    return _ctx


def warm() -> None:
    """Start the forkserver now, so it imports the parsers while the caller does other work
    (the first document then forks from a ready process instead of waiting for the imports)."""
    import multiprocessing.forkserver

    _context()
    multiprocessing.forkserver.ensure_running()


class _Child:
    def __init__(self) -> None:
        ctx = _context()
        self.conn, child_conn = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child_conn,), daemon=True)
        self.proc.start()
        child_conn.close()

    def call(self, fn, args, timeout: float):
        self.conn.send((fn, args))
        if not self.conn.poll(timeout):
            self.kill()
            raise TimeLimitExceeded(timeout)
        try:
            status, value = self.conn.recv()
        except (EOFError, ConnectionResetError):
            self.kill()
            raise WorkerDied(self.proc.exitcode)
        if status == "err":
            raise RuntimeError(value)
        return value

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        except Exception:
            pass

    def alive(self) -> bool:
        return self.proc.is_alive()


def run_isolated(fn, args: tuple, timeout: float):
    """Call fn(*args) in this thread's child process; raise TimeLimitExceeded after `timeout` s.

    fn must be importable (a module-level function) and its result picklable.
    """
    child = getattr(_local, "child", None)
    if child is None or not child.alive():
        child = _local.child = _Child()
    try:
        return child.call(fn, args, timeout)
    except (TimeLimitExceeded, WorkerDied):
        _local.child = None
        raise


def shutdown_children() -> None:
    child = getattr(_local, "child", None)
    if child is not None:
        try:
            child.conn.send(None)
        except Exception:
            pass
        child.kill()
        _local.child = None
