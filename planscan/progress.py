"""Progress on a terminal (a bar: documents done of total, pages/s), plain lines elsewhere."""
from __future__ import annotations

import time

from planscan.terminal import safe_path


class Progress:
    def __init__(self, stream, enabled: bool = True) -> None:
        self.stream = stream
        self.enabled = enabled
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.t0 = time.perf_counter()
        self.pages = 0
        self.bar = None
        self.last_line = 0.0

    def update(self, done: int, total: int, pages: int, rel: str) -> None:
        if not self.enabled:
            return
        self.pages += pages
        rate = self.pages / max(time.perf_counter() - self.t0, 1e-6)
        if self.tty:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeElapsedColumn

            if self.bar is None:
                self.bar = Bar(TextColumn("scanning"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                               TimeElapsedColumn(), transient=True)
                self.task = self.bar.add_task("scan", total=max(total, 1), rate="")
                self.bar.start()
            self.bar.update(self.task, completed=done, total=max(total, 1), rate=f"{rate:.1f} pages/s")
        elif total and done and (done == total or done == 1 or time.perf_counter() - self.last_line > 2):
            self.last_line = time.perf_counter()
            self.stream.write(f"[{done}/{total}] {rate:.1f} pages/s  {safe_path(rel)}\n")
            self.stream.flush()
        elif not total and done == 0:
            self.stream.write("nothing to parse: every document is unchanged\n")
            self.stream.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
