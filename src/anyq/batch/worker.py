"""What runs in a worker process: load the models once, then lint chunks of files.

A worker is started with :func:`init_worker`, which loads the spaCy pipelines, the
morphology, the dictionaries and the compiled rules by linting a short text in each
language with every set of settings the run uses; after that a file costs only its own
linting. Chunks (a few files per task) keep the inter-process traffic small.
"""

from __future__ import annotations

import os
import resource
from typing import Any

from anyq.config import Settings
from anyq.findings import FileReport

_WARM_TEXTS = {
    "warm.txt": "В целях обеспечения безопасности сообщаем следующее. Заявление рассмотрено.\n\n"
    "Өтінішіңіз қаралды. Жер учаскесін беру мәселесі комиссияда қаралады.\n",
}


def init_worker(settings: list[Settings]) -> None:
    warm_up(settings)


def warm_up(settings: list[Settings]) -> None:
    """Load everything a check needs, so no file pays for it."""
    from anyq.api import check_source, linter_for
    from anyq.readers import read_bytes

    for s in settings or [Settings()]:
        linter = linter_for(s)
        for lang in ("ru", "kk"):
            linter.compiled.for_language(lang)
        for name, text in _WARM_TEXTS.items():
            check_source(read_bytes(name, text.encode("utf-8")), s)


_files_checked = 0  # in this process: the first file loads what lives as long as the process


def lint_one(path: str, settings: Settings, stdin_filename: str | None = None) -> FileReport:
    """Lint one file; an unexpected exception becomes an error of that file, not of the run."""
    from anyq.api import check_file

    global _files_checked
    try:
        return check_file(path, settings, stdin_filename=stdin_filename)
    except Exception as exc:  # noqa: BLE001 — one broken file must not stop a batch
        return FileReport(path=path, errors=[f"internal error while checking: {type(exc).__name__}: {exc}"])
    finally:
        _files_checked += 1
        if _files_checked == 1:
            from anyq.engine.runner import freeze_long_lived_objects

            freeze_long_lived_objects()



def lint_chunk(items: list[tuple[int, str, Settings, str | None]], cache_root: str | None = None) -> dict[str, Any]:
    """Lint files; with a cache, each worker writes its own entries (in parallel, atomically)."""
    from anyq.batch.cache import Cache

    cache = Cache(cache_root) if cache_root else None
    reports = []
    for i, path, s, key in items:
        report = lint_one(path, s)
        if cache is not None and key:
            cache.put(key, report)
        reports.append((i, report))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"reports": reports, "pid": os.getpid(), "maxrss_kb": usage.ru_maxrss, "cpu_s": usage.ru_utime + usage.ru_stime}


def peak_rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
