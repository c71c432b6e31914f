"""A progress bar on standard error — only on a terminal, and only once a run is long.

Output for tools (stdout, files) never carries it; a run that ends within ``DELAY``
seconds never shows it. rich comes with typer.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

DELAY = 1.0  # seconds before a bar appears


class Progress:
    def __init__(self, enabled: bool | None = None, stream: TextIO | None = None, delay: float = DELAY) -> None:
        self.stream = stream or sys.stderr
        isatty = getattr(self.stream, "isatty", lambda: False)()
        self.enabled = isatty if enabled is None else enabled
        self.delay = delay
        self.total = 0
        self.done = 0
        self.cached = 0
        self._start = time.monotonic()
        self._bar = None
        self._task = None

    def plan(self, total: int) -> None:
        self.total = total
        self._start = time.monotonic()

    def advance(self, cached: bool = False) -> None:
        self.done += 1
        self.cached += cached
        if not self.enabled or self.total < 2:
            return
        if self._bar is None:
            if time.monotonic() - self._start < self.delay or self.done >= self.total:
                return
            self._open()
        self._bar.update(self._task, completed=self.done, cached=self.cached)

    def _open(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        console = Console(file=self.stream, force_terminal=True)
        self._bar = Bar(
            TextColumn("anyq"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files, {task.fields[cached]} from cache"),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self._task = self._bar.add_task("check", total=self.total, cached=self.cached)
        self._bar.start()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
