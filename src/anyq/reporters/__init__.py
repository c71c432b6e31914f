"""Reporters: turn file reports into text for people or into formats for tools.

Every format is a :class:`Reporter`: ``file()`` is called once per file as reports arrive
(in the stable order of the run), ``finish()`` once at the end. Streaming formats
(text, jsonl, csv, github) write as they go; whole-document formats (json, sarif, html)
keep what they need and write at the end.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, TextIO

from anyq.findings import FileReport

FORMATS = ("text", "json", "jsonl", "csv", "sarif", "github", "html")


@dataclass
class ReportContext:
    """What a reporter may need beyond the reports."""

    color: bool | None = None
    quiet: bool = False
    # working directory: report paths are made relative to it where a format wants that
    base: str = field(default_factory=os.getcwd)
    # rules by code (SARIF rule metadata, HTML explanations); filled in before finish()
    rules: dict[str, Any] = field(default_factory=dict)
    # --statistics: the Statistics object, filled in before finish(); None when not asked
    statistics: Any = None
    run: dict[str, Any] | None = None
    # the output is a file (not a terminal or a pipe)
    to_file: bool = False


class Reporter:
    needs_source = False  # keeps FileReport.source_text (HTML, text with source lines)
    # takes a CachedReport as it comes from the cache (JSON and JSON Lines: its JSON is
    # written as it is); every other format gets the decoded FileReport
    takes_cached = False

    def __init__(self, out: TextIO, ctx: ReportContext) -> None:
        self.out = out
        self.ctx = ctx

    def file(self, report: FileReport) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        pass

    # Where --statistics goes when the format is for tools: standard error, so the
    # machine-readable output stays valid.
    def statistics_to_stderr(self) -> None:
        import sys

        if self.ctx.statistics is not None:
            self.ctx.statistics.write_text(sys.stderr, self.ctx.run)


def make_reporter(fmt: str, out: TextIO, ctx: ReportContext) -> Reporter:
    if fmt == "text":
        from anyq.reporters.text import TextReport as cls
    elif fmt == "json":
        from anyq.reporters.json import JsonReport as cls
    elif fmt == "jsonl":
        from anyq.reporters.json import JsonlReport as cls
    elif fmt == "csv":
        from anyq.reporters.csv import CsvReport as cls
    elif fmt == "sarif":
        from anyq.reporters.sarif import SarifReport as cls
    elif fmt == "github":
        from anyq.reporters.github import GithubReport as cls
    elif fmt == "html":
        from anyq.reporters.html import HtmlReport as cls
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return cls(out, ctx)


def relpath(path: str, base: str) -> str:
    """A report path relative to ``base`` with forward slashes (absolute if outside it)."""
    if path == "-" or path.startswith("<"):
        return path
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, base)
    if rel.startswith(".."):
        return absolute.replace(os.sep, "/")
    return rel.replace(os.sep, "/")
