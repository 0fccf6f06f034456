"""The Prefect flow: one task per document, results to the state, tables to DuckDB and Parquet.

The flow only orchestrates: which files, in what order, limits, concurrency, where results go.
Each task reads and extracts one document in a killable child process and stores the document's
rows in the output folder's state; the flow never holds the archive's rows in memory while the
documents are processed, only while the tables are written.
"""
from __future__ import annotations

import multiprocessing
import os
import time
from dataclasses import dataclass, field
from typing import Callable

from prefect import flow, task
from prefect.cache_policies import NONE

from pipelines.discover import Found, discover
from pipelines.isolation import TimeLimitExceeded, WorkerDied, run_isolated
from pipelines.state import State, code_version, outputs_fingerprint, save_result
from pipelines.work import DocResult, Limits, error_result, process_file
from schemas.rows import Status

# Set by the CLI: called as progress(done, total, pages, rel_path). Not a flow parameter, so the
# flow stays serialisable for deployments.
PROGRESS: Callable[[int, int, int, str], None] | None = None


@dataclass
class WorkItem:
    path: str
    rel: str
    doc_id: str
    sha: str
    store_path: str  # where the task stores the result


@dataclass
class RunSummary:
    out_dir: str
    documents: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    flags: int = 0
    flags_by_rule: dict[str, int] = field(default_factory=dict)
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    reprocessed: int = 0  # unchanged files parsed again: new code version, or --full
    removed: int = 0
    parsed: int = 0
    pages_parsed: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)  # seconds per stage of the flow
    outputs_kept: bool = False  # nothing changed: the last run's tables were kept as they were


@task(name="scan-document", cache_policy=NONE, persist_result=False, retries=0)
def scan_document(item: WorkItem, limits: Limits) -> tuple[str, str, int | None]:
    """Read and extract one document; store its result; return (status, rel, pages) only."""
    result = run_one(item, limits)
    save_result(item.store_path, result)
    retry = item.store_path + RETRY_SUFFIX
    if result.transient:
        open(retry, "w").close()
    elif os.path.exists(retry):
        os.remove(retry)
    return result.document.status, item.rel, result.document.pages


# Beside a stored result: the result is a failure of the moment (a time limit on a busy machine,
# a crashed worker), so the next run parses the file again instead of keeping the failure.
RETRY_SUFFIX = ".retry"


def run_one(item: WorkItem, limits: Limits) -> DocResult:
    """One document under a hard time limit (a killable process where this process may have one)."""
    args = (item.path, item.rel, item.doc_id, item.sha, limits)
    if multiprocessing.current_process().daemon:  # e.g. a daemonic Dask worker: no children allowed
        return process_file(*args)
    try:
        return run_isolated(process_file, args, limits.timeout_s)
    except TimeLimitExceeded:
        r = error_result(item.doc_id, item.rel, _fmt(item.rel), item.sha,
                         f"stopped after {limits.timeout_s:g} s: reading took longer than the per-document "
                         f"time limit (--timeout)")
        r.transient = True
        return r
    except WorkerDied as e:
        r = error_result(item.doc_id, item.rel, _fmt(item.rel), item.sha,
                         f"the reader crashed on this file (worker exit code {e.args[0]}); the file is likely damaged")
        r.transient = True
        return r
    except Exception as e:
        return error_result(item.doc_id, item.rel, _fmt(item.rel), item.sha, f"unexpected failure: {str(e)[:200]}")


_COUNTS = ("documents", "by_status", "rows", "flags", "flags_by_rule", "errors")


def _counts(summary: RunSummary) -> dict:
    return {k: getattr(summary, k) for k in _COUNTS}


def _restore_counts(summary: RunSummary, counts: dict) -> None:
    for k in _COUNTS:
        if k in counts:
            setattr(summary, k, [tuple(e) for e in counts[k]] if k == "errors" else counts[k])


def _outputs_present(out_dir: str) -> bool:
    from outputs.store import DB_NAME

    return (os.path.isfile(os.path.join(out_dir, DB_NAME)) and os.path.isdir(os.path.join(out_dir, "parquet"))
            and os.path.isfile(os.path.join(out_dir, "report.html")))


def preload() -> None:
    """Import what the end of a run needs (table contracts, writers), so a caller with time to
    spare, e.g. while Prefect's server starts, pays for it then rather than after the documents."""
    import importlib

    # What a flow run imports on first use (Prefect's engine and client, FastAPI's encoder for
    # the parameters) and what the end of a run needs (table contracts, writers, artifacts).
    for name in ("prefect.flow_engine", "prefect.engine", "prefect.artifacts", "prefect.client.orchestration",
                 "fastapi.encoders", "duckdb", "pandera.pandas", "outputs.assemble", "outputs.artifacts",
                 "extractors.read"):
        try:
            importlib.import_module(name)
        except ImportError:  # another Prefect version laid out differently: it imports on use
            pass


def _fmt(rel: str) -> str:
    from extractors.read import format_for

    return format_for(rel)


def _doc_ids(found: list[Found], shas: dict[str, str]) -> dict[str, str]:
    """doc_id = the first 16 hex digits of the file's sha256: stable for the same bytes. A second
    copy of the same bytes elsewhere in the archive gets the path's hash appended, so ids stay unique."""
    from schemas.rows import content_id

    ids, seen = {}, set()
    for f in found:
        sha = shas.get(f.rel)
        base = sha[:16] if sha else content_id("path", f.rel)
        doc_id = base if base not in seen else f"{base}-{content_id(f.rel, n=6)}"
        seen.add(doc_id)
        ids[f.rel] = doc_id
    return ids


def _task_runner(workers: int, dask_address: str | None):
    if dask_address:
        from prefect_dask import DaskTaskRunner

        if dask_address == "local":
            import dask

            dask.config.set({"distributed.worker.daemon": False})
            return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "processes": True, "threads_per_worker": 1})
        return DaskTaskRunner(address=dask_address)
    from prefect.task_runners import ThreadPoolTaskRunner

    # Threads only wait: each drives its own child process, where the parsing happens.
    return ThreadPoolTaskRunner(max_workers=workers)


def scan(archive: str, out_dir: str, *, workers: int = 0, full: bool = False, limits: Limits | None = None,
         dask_address: str | None = None) -> RunSummary:
    """Run the flow over `archive` with the chosen task runner; returns the run's summary."""
    workers = workers or max(1, os.cpu_count() or 1)
    f = scan_archive.with_options(task_runner=_task_runner(workers, dask_address))
    return f(archive=archive, out_dir=out_dir, full=full, limits=limits or Limits())


@flow(name="planscan", log_prints=False, validate_parameters=False)
def scan_archive(archive: str, out_dir: str, full: bool = False, limits: Limits | None = None) -> RunSummary:
    """Scan every .docx and .pdf of an archive into planscan's tables in `out_dir` (the caller
    holds the output folder's lock)."""
    return _scan(archive, out_dir, full, limits)


@flow(name="planscan-scheduled", log_prints=True, validate_parameters=False)
def scheduled_scan(archive: str, out_dir: str = "planscan-out", full: bool = False) -> dict:
    """The deployment's entry: takes the output folder's lock, scans, returns the summary."""
    from pipelines.lock import lock_output

    os.makedirs(out_dir, exist_ok=True)
    with lock_output(out_dir):
        s = _scan(archive, out_dir, full, Limits())
    print(f"planscan: {s.documents} documents {s.by_status}, flags {s.flags}, {s.parsed} parsed in {s.seconds} s")
    return {"documents": s.documents, "by_status": s.by_status, "flags": s.flags, "rows": s.rows}


def _scan(archive: str, out_dir: str, full: bool, limits: Limits | None) -> RunSummary:
    from extractors.read import format_for, sha256_of
    from outputs.assemble import assemble_and_write

    limits = limits or Limits()
    t0 = time.perf_counter()
    summary = RunSummary(out_dir=out_dir)
    state = State(out_dir, code_version())
    previous = state.previous_manifest()
    found = discover(archive)
    shas: dict[str, str] = {}
    skipped: list[DocResult] = []
    for fd in found:
        if fd.skip_reason is None:
            try:
                shas[fd.rel] = sha256_of(fd.path)
            except OSError as e:
                fd = Found(fd.path, fd.rel, fd.size, f"cannot be read: {e.strerror or e}")
        if fd.skip_reason is not None:
            skipped.append(fd)
    ids = _doc_ids(found, shas)
    skipped_results = [error_result(ids[fd.rel], fd.rel, format_for(fd.rel), None, fd.skip_reason,
                                    status=Status.SKIPPED.value) for fd in skipped]
    todo: list[WorkItem] = []
    keep: set[str] = set()
    manifest: dict[str, str] = {}
    stored: list[tuple[str, str, str]] = []  # (rel, doc_id, store path)
    for fd in found:
        sha = shas.get(fd.rel)
        if sha is None:
            continue
        manifest[fd.rel] = sha
        path = state.key_path(ids[fd.rel], sha)
        keep.add(path)
        stored.append((fd.rel, ids[fd.rel], path))
        if previous.get(fd.rel) is None:
            summary.new += 1
        elif previous[fd.rel] != sha:
            summary.changed += 1
        if previous.get(fd.rel) == sha:
            summary.unchanged += 1
        if not full and os.path.exists(path) and not os.path.exists(path + RETRY_SUFFIX):
            continue
        if previous.get(fd.rel) == sha:
            summary.reprocessed += 1
        todo.append(WorkItem(fd.path, fd.rel, ids[fd.rel], sha, path))
    summary.removed = len(set(previous) - set(manifest))
    summary.phases["discover and hash"] = time.perf_counter() - t0
    total = len(todo)
    done = 0
    if PROGRESS:
        PROGRESS(0, total, 0, "")
    futures = [scan_document.submit(item, limits) for item in todo]
    for fut in futures:
        status, rel, pages = fut.result()
        done += 1
        summary.parsed += 1
        summary.pages_parsed += pages or 0
        if PROGRESS:
            PROGRESS(done, total, pages or 0, rel)
    del futures
    summary.phases["documents"] = time.perf_counter() - t0 - sum(summary.phases.values())
    by_rel = {fd.rel: fd for fd in found}

    def recover(rel: str, doc_id: str, path: str) -> DocResult:
        """A stored result that does not load (another planscan version wrote it): parse again."""
        item = WorkItem(by_rel[rel].path, rel, doc_id, shas[rel], path)
        result = run_one(item, limits)
        save_result(path, result)
        summary.parsed += 1
        return result

    fingerprint = outputs_fingerprint(state.version, manifest, [(r.document.path, r.document.error or "")
                                                                for r in skipped_results])
    last = state.written_outputs()
    tables = None
    if not full and not todo and last.get("fingerprint") == fingerprint and _outputs_present(out_dir):
        # Nothing the tables depend on changed since the last complete run: they are already
        # what this run would write. Keep them, and the counts they were written with.
        _restore_counts(summary, last.get("summary") or {})
        summary.outputs_kept = True
        state.commit(manifest, keep)
    else:
        tables = assemble_and_write(out_dir, stored, skipped_results, summary, recover=recover)
        state.commit(manifest, keep, {"fingerprint": fingerprint, "summary": _counts(summary)})
    summary.phases["checks and outputs"] = time.perf_counter() - t0 - sum(summary.phases.values())
    summary.seconds = round(time.perf_counter() - t0, 2)
    try:
        from outputs.artifacts import publish

        publish(summary, tables)
    except Exception:  # artifacts are a convenience: never fail a completed run over them
        pass
    return summary
