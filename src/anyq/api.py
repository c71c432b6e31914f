"""The Python API. The command line is a thin layer over these functions.

    >>> import anyq
    >>> report = anyq.check("В целях обеспечения безопасности ...", lang="ru")
    >>> report.score, [f.code for f in report.findings]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from anyq.config import LintOptions, Settings
from anyq.engine.loader import load_rules
from anyq.engine.runner import Linter, Selection
from anyq.findings import FileReport
from anyq.readers import ReadError, read_bytes, read_path, read_stdin
from anyq.readers.discover import iter_files
from anyq.text import SourceDocument


@lru_cache(maxsize=8)
def _linter(select: tuple[str, ...] | None, ignore: tuple[str, ...], severity: tuple[tuple[str, str], ...], rule_dirs: tuple[str, ...], rule_files: tuple[str, ...], profile: str = "citizen") -> Linter:
    rules = load_rules(extra_dirs=rule_dirs, extra_files=rule_files)
    return Linter(rules, Selection(list(select) if select is not None else None, list(ignore), dict(severity)), LintOptions(profile=profile))


def linter_for(settings: Settings) -> Linter:
    select = settings.select
    if select is not None or settings.extend_select:
        select = list(select or ["ALL"]) + list(settings.extend_select)
    return _linter(
        tuple(select) if select is not None else None,
        tuple(settings.ignore),
        tuple(sorted(settings.severity.items())),
        tuple(settings.rule_dirs),
        tuple(settings.rule_files),
        settings.profile,
    )


def _settings(settings: Settings | None, overrides: dict[str, Any]) -> Settings:
    s = settings or Settings()
    for k, v in overrides.items():
        if v is not None:
            setattr(s, k, list(v) if isinstance(v, (tuple, set)) else v)
    s.validate()
    return s


def check(
    text: str,
    *,
    lang: str | None = None,
    path: str = "<text>",
    format: str = "txt",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    profile: str | None = None,
    settings: Settings | None = None,
) -> FileReport:
    """Lint a text. ``lang`` forces "kk" or "ru" for every paragraph (default: detect);
    ``profile`` is the audience: "citizen" (default), "business" or "official"."""
    s = _settings(settings, {"lang": lang, "select": select, "ignore": ignore, "profile": profile})
    source = SourceDocument(path=path, text=text.replace("\r\n", "\n"), format=format, encoding="utf-8")
    if format == "md":
        source = read_bytes(path, text.encode("utf-8"), "md")
    return linter_for(s).check(source, None if s.lang == "auto" else s.lang)


def check_source(source: SourceDocument, settings: Settings | None = None) -> FileReport:
    s = settings or Settings()
    report = linter_for(s).check(source, None if s.lang == "auto" else s.lang)
    report.extra["format"] = source.format
    if source.notes:  # what the reader could not check (scanned pages, a misnamed file …)
        report.extra["notes"] = list(source.notes)
    return report


def check_file(path: str, settings: Settings | None = None, stdin_filename: str | None = None) -> FileReport:
    """Lint one file (or "-" for standard input); unreadable files give a report with an error."""
    s = settings or Settings()
    limits = s.limits()
    try:
        source = read_stdin(stdin_filename or "-", limits=limits) if path == "-" else read_path(path, limits=limits)
    except ReadError as exc:
        return FileReport(path=path, errors=[exc.reason])
    return check_source(source, s)


@dataclass(slots=True)
class RunReport:
    files: list[FileReport] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(len(f.errors) for f in self.files)

    def summary(self) -> dict[str, Any]:
        scored = [f.score for f in self.files if f.score is not None]
        by_sev = {"error": 0, "warning": 0, "info": 0}
        by_cat: dict[str, int] = {}
        for f in self.files:
            for x in f.findings:
                by_sev[x.severity] += 1
                by_cat[x.category] = by_cat.get(x.category, 0) + 1
        return {
            "files": len(self.files),
            "files_with_errors": sum(1 for f in self.files if f.errors),
            "findings": sum(by_sev.values()),
            "by_severity": by_sev,
            "by_category": dict(sorted(by_cat.items())),
            "mean_score": round(sum(scored) / len(scored), 1) if scored else None,
        }


def iter_reports(paths: Iterable[str], settings: Settings | None = None, stdin_filename: str | None = None) -> Iterator[FileReport]:
    s = settings or Settings()
    for path in iter_files(paths):
        yield check_file(path, s, stdin_filename=stdin_filename)


def check_paths(paths: Iterable[str], settings: Settings | None = None) -> RunReport:
    return RunReport(list(iter_reports(paths, settings)))
