"""Expand command-line paths into the files to check."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from anyq.readers import supported_suffixes

_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".anyq_cache", ".tox"}


def iter_files(paths: Iterable[str], suffixes: Iterable[str] | None = None) -> Iterator[str]:
    """Yield files in a stable order: explicit files as given, directories walked sorted.

    A path that does not exist is yielded as is, so the caller reports it as an error
    and the rest of the batch is still checked.
    """
    wanted = {s for s in (suffixes or supported_suffixes()) if s}
    for raw in paths:
        p = Path(raw)
        if raw == "-" or not p.is_dir():
            yield raw
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
            for name in sorted(files):
                if Path(name).suffix.lower() in wanted and not name.startswith("."):
                    yield os.path.join(root, name)
