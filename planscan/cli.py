"""The planscan command line: a thin layer over the library and the Prefect flow."""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time

from planscan.quiet import configure_environment
from planscan.terminal import safe, safe_path

EXAMPLES_RUN = """examples:
  planscan run samples/archive                       tables in ./planscan-out
  planscan run /data/arkiv --out /data/planscan      another output folder
  planscan run /data/arkiv --full --workers 2        ignore stored results, 2 parallel workers
  planscan run /data/arkiv --dask tcp://scheduler:8786   per-document tasks on a Dask cluster
"""


def _fmt_int(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="planscan", description="Extract budgets, milestones, decisions and roles from "
                                "a folder of Norwegian .docx and .pdf documents, and flag what does not add up.",
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    r = sub.add_parser("run", help="scan an archive into tables (DuckDB, Parquet) and a report",
                       description="Scan every .docx and .pdf under ARCHIVE (recursively) into OUT/planscan.duckdb, "
                       "OUT/parquet/<table>.parquet and OUT/report.html. Unchanged files are not parsed again.",
                       epilog=EXAMPLES_RUN, formatter_class=argparse.RawDescriptionHelpFormatter)
    r.add_argument("archive", metavar="ARCHIVE", help="folder of documents to scan")
    r.add_argument("--out", default="planscan-out", metavar="DIR", help="output folder (default: ./planscan-out)")
    r.add_argument("--workers", type=int, default=0, metavar="N", help="documents processed in parallel (default: CPU cores)")
    r.add_argument("--full", action="store_true", help="process every document again, ignoring stored results")
    r.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                   help="per-document time limit; a document still being read after it is stopped (default: 120)")
    r.add_argument("--max-mb", type=int, default=200, metavar="MB", help="skip files larger than this (default: 200)")
    r.add_argument("--max-pages", type=int, default=2000, metavar="N", help="skip PDFs with more pages (default: 2000)")
    r.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="run per-document tasks on a Dask cluster (tcp://host:8786), or 'local' for a local cluster")
    r.add_argument("--quiet", action="store_true", help="print only the closing summary")
    sv = sub.add_parser("serve", help="serve the scan as a scheduled Prefect deployment (flow.serve)",
                        description="Serve a Prefect deployment that scans ARCHIVE on a cron schedule. Runs until "
                        "stopped (Ctrl-C). With PREFECT_API_URL set, the runs show in that Prefect server's UI; "
                        "trigger one by hand with: prefect deployment run 'planscan-scheduled/planscan-nightly'",
                        epilog="example:\n  planscan serve /data/arkiv --cron \"0 2 * * *\" --out /data/planscan",
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    sv.add_argument("archive", metavar="ARCHIVE", help="folder of documents to scan")
    sv.add_argument("--cron", default="0 2 * * *", help='cron schedule (default: "0 2 * * *", 02:00 every night)')
    sv.add_argument("--out", default="planscan-out", metavar="DIR", help="output folder (default: ./planscan-out)")
    sv.add_argument("--name", default="planscan-nightly", help="deployment name (default: planscan-nightly)")
    from planscan import analyst_cli

    analyst_cli.add_commands(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    import signal

    # `planscan query ... | head` closes the pipe early: end quietly, as Unix tools do.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    configure_environment()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        if args.command == "run":
            return cmd_run(args)
        if args.command == "serve":
            return cmd_serve(args)
        from planscan import analyst_cli

        rc = analyst_cli.dispatch(args)
        if rc is not None:
            return rc
    except KeyboardInterrupt:
        print("planscan: interrupted; the previous outputs are unchanged", file=sys.stderr)
        return 130
    parser.print_help()
    return 2


def cmd_run(args) -> int:
    from pipelines.lock import OutputLocked, lock_output
    from pipelines.work import Limits

    if not os.path.isdir(args.archive):
        print(f"planscan: archive folder not found: {safe_path(args.archive)}", file=sys.stderr)
        return 2
    out = os.path.abspath(args.out)
    try:
        os.makedirs(out, exist_ok=True)
    except OSError as e:
        print(f"planscan: cannot create the output folder {safe_path(out)}: {e.strerror}", file=sys.stderr)
        return 2
    try:
        lock = lock_output(out)
    except OutputLocked as e:
        print(f"planscan: {e}", file=sys.stderr)
        return 3
    from planscan.progress import Progress
    from planscan.quiet import StderrToFile

    log_path = os.path.join(out, "logs", "planscan.log")
    t0 = time.perf_counter()
    with lock, StderrToFile(log_path) as quiet:
        progress = Progress(quiet.terminal if not sys.stdout.isatty() else sys.stdout, enabled=not args.quiet)
        try:
            with _prefect_api(log_path, warm_workers=not args.dask):
                import pipelines.flow as fl

                fl.PROGRESS = progress.update
                limits = Limits(timeout_s=args.timeout, max_bytes=args.max_mb * 2**20, max_pages=args.max_pages)
                summary = fl.scan(os.path.abspath(args.archive), out, workers=args.workers, full=args.full,
                                  limits=limits, dask_address=args.dask)
        except Exception as e:
            progress.close()
            print(f"planscan: the run failed: {type(e).__name__}: {safe(str(e))[:300]} (details in {log_path})",
                  file=quiet.terminal)
            return 1
        progress.close()
        _mark("flow done")
        phases = ", ".join(f"{k} {v:.2f} s" for k, v in getattr(summary, "phases", {}).items())
        print(f"planscan timings (seconds since start): {_MARKS}; inside the flow: {phases}", file=sys.stderr)
        print_summary(summary, time.perf_counter() - t0, sys.stdout)
    from planscan.quiet import redirect_stderr_for_good

    redirect_stderr_for_good(log_path)  # Prefect's shutdown noise goes to the log
    return 0


_T0 = time.perf_counter()
_MARKS: list[tuple[str, float]] = []


def _mark(name: str) -> None:
    """Note when a stage of the run was reached; the run's log gets the list (where time goes)."""
    _MARKS.append((name, round(time.perf_counter() - _T0, 2)))


@contextlib.contextmanager
def _prefect_api(log_path: str, warm_workers: bool):
    """The Prefect API for this run: the configured one, or a temporary server started at once
    (pipelines.server says why), overlapping with importing Prefect and warming the workers."""
    from pipelines import server as srv

    _mark("start")
    early = None
    if not os.environ.get("PREFECT_API_URL"):
        try:
            early = srv.EarlyServer(log_path)
        except srv.ServerFailed:
            early = None  # Prefect starts its own, as it would without planscan
    from pipelines.flow import preload

    preload()  # Prefect and the output libraries, imported while the server starts
    _mark("imports done")
    if warm_workers:
        from pipelines.isolation import warm

        # After the imports, not with them: on two cores the server, this process and the
        # forkserver would otherwise share the CPU three ways and the server, the longest
        # start, would come up last. Now the forkserver imports while this process waits.
        warm()
    if early is not None and srv.api_configured():
        early.stop()  # a profile or settings file names a server: use that one
        early = None
    if early is None:
        yield
        return
    import prefect.settings as ps

    try:
        early.wait_ready()
    except srv.ServerFailed:
        early.stop()  # let Prefect try its own way; its error, if any, is the one to show
        yield
        return
    _mark("server ready")
    os.environ["PREFECT_API_URL"] = early.api_url  # for processes started from here (a local Dask cluster)
    try:
        # Heartbeats let a long-lived server mark a flow run whose process died as crashed; this
        # server lives and dies with the run, so there is nobody to tell. (Ending a run also
        # waits up to a second for the heartbeat thread to wake.) With a configured server they stay.
        with ps.temporary_settings(updates={ps.PREFECT_API_URL: early.api_url,
                                            ps.PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)


def cmd_serve(args) -> int:
    if not os.path.isdir(args.archive):
        print(f"planscan: archive folder not found: {safe_path(args.archive)}", file=sys.stderr)
        return 2
    from pipelines.flow import scheduled_scan

    print(f"planscan: serving deployment '{args.name}' on schedule '{args.cron}' for {safe_path(args.archive)} "
          f"-> {safe_path(args.out)} (Ctrl-C to stop)")
    scheduled_scan.serve(name=args.name, cron=args.cron, parameters={
        "archive": os.path.abspath(args.archive), "out_dir": os.path.abspath(args.out)})
    return 0


def print_summary(s, seconds: float, stream) -> None:
    w = stream.write
    st = s.by_status
    w(f"\nplanscan: {s.documents} documents: {st.get('ok', 0)} ok, {st.get('error', 0)} error, "
      f"{st.get('empty', 0)} empty, {st.get('skipped', 0)} skipped\n")
    again = f" ({s.reprocessed} unchanged parsed again: --full, a new planscan version, or a retry after a time limit)" if s.reprocessed else ""
    w(f"  this run: {s.new} new, {s.changed} changed, {s.unchanged} unchanged, {s.removed} removed; "
      f"{s.parsed} parsed ({s.pages_parsed} pages) in {seconds:.1f} s{again}\n")
    rows = ", ".join(f"{k} {_fmt_int(v)}" for k, v in s.rows.items() if k != "flags")
    w(f"  rows: {rows}\n")
    rules = ", ".join(f"{k} {v}" for k, v in sorted(s.flags_by_rule.items()))
    w(f"  flags: {s.flags}" + (f" ({rules})" if rules else "") + "\n")
    for path, reason in s.errors[:15]:
        w(f"  ! {safe_path(path)}: {safe(reason)}\n")
    if len(s.errors) > 15:
        w(f"  ... and {len(s.errors) - 15} more (see the documents table)\n")
    kept = " (nothing changed since the last run: kept as they were)" if getattr(s, "outputs_kept", False) else ""
    w(f"  outputs: {s.out_dir}/planscan.duckdb, {s.out_dir}/parquet/{kept}\n")
    stream.flush()


if __name__ == "__main__":
    sys.exit(main())
