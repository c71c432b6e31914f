"""A progress bar on standard error — only on a terminal, and only once a run is long.

Output for tools (stdout, files) never carries it; a run that ends within ``DELAY``
seconds never shows it. A file that has taken ``SLOW`` seconds is named at the end of the bar
(rich redraws it from its own thread, so the name appears while the file is being checked).
rich comes with typer.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

DELAY = 1.0  # seconds before a bar appears
SLOW = 3.0  # seconds on one file before the bar names it


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
        self._current = ""  # the file being waited for, and since when
        self._since = 0.0

    def plan(self, total: int) -> None:
        self.total = total
        self._start = time.monotonic()

    def advance(self, cached: bool = False) -> None:
        self.done += 1
        self._current = ""  # a file is done: no longer the one waited for
        self.cached += cached
        if not self.enabled or self.total < 2:
            return
        if self._bar is None:
            if time.monotonic() - self._start < self.delay or self.done >= self.total:
                return
            self._open()
        self._bar.update(self._task, completed=self.done, cached=self.cached)

    def begin(self, path: str) -> None:
        """The run now waits for ``path`` (checked here, or by a worker)."""
        self._current, self._since = path, time.monotonic()
        due = self.total >= 2 and self.done < self.total and self._since - self._start >= self.delay
        if self.enabled and self._bar is None and due:
            self._open()  # earlier files took the delay: the bar is due

    def slow_file(self) -> str:
        """The file the run has waited for ``SLOW`` seconds or more, else ""."""
        if self._current and time.monotonic() - self._since >= SLOW:
            return self._current
        return ""

    def _open(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, ProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
        from rich.text import Text

        slow_file = self.slow_file

        class SlowFile(ProgressColumn):
            def render(self, task) -> Text:
                name = os.path.basename(slow_file())  # a terminal line has no room for the folders
                return Text(f"… {name}" if name else "", overflow="ellipsis", no_wrap=True)

        console = Console(file=self.stream, force_terminal=True)
        self._bar = Bar(
            TextColumn("anyq"),
            BarColumn(bar_width=24),  # room for a slow file's name on 80 columns
            MofNCompleteColumn(),
            TextColumn("files, {task.fields[cached]} from cache"),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            SlowFile(),
            console=console,
            transient=True,
        )
        self._task = self._bar.add_task("check", total=self.total, completed=self.done, cached=self.cached)
        self._bar.start()

    def close(self) -> None:
        self._current = ""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
