"""Machine output: ``json`` (one document) and ``jsonl`` (one file object per line).

Shape, kept stable (see README, "JSON output"):

    {"version": "0.1.0",
     "files": [{"path", "language", "score", "scores": {category: n}, "stats": {...},
                "findings": [{finding fields}], "errors": [...]}],
     "summary": {...}}
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from anyq import __version__
from anyq.findings import CachedReport, FileReport
from anyq.reporters import ReportContext, Reporter

SCHEMA_VERSION = 1


def file_object(report: FileReport) -> dict[str, Any]:
    return report.to_dict()


def document(reports: Iterable[FileReport], summary: dict[str, Any]) -> dict[str, Any]:
    return {
        "version": __version__,
        "schema": SCHEMA_VERSION,
        "files": [file_object(r) for r in reports],
        "summary": summary,
    }


def write_json(out: TextIO, reports: Iterable[FileReport], summary: dict[str, Any]) -> None:
    json.dump(document(reports, summary), out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_jsonl_line(out: TextIO, report: FileReport) -> None:
    out.write(json.dumps(file_object(report), ensure_ascii=False))
    out.write("\n")


class JsonReport(Reporter):
    """``--format json``: one document, written at the end (``statistics`` added when asked)."""

    def __init__(self, out: TextIO, ctx: ReportContext) -> None:
        super().__init__(out, ctx)
        self.reports: list[FileReport] = []

    def file(self, report: FileReport) -> None:
        report.source_text = None  # not part of the JSON; a large archive would keep it all
        self.reports.append(report)

    def finish(self) -> None:
        from anyq.api import RunReport

        doc = document(self.reports, RunReport(self.reports).summary())
        if self.ctx.statistics is not None:
            doc["statistics"] = self.ctx.statistics.to_dict(self.ctx.run)
        json.dump(doc, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")


class JsonlReport(Reporter):
    """``--format jsonl``: one file object per line, as files are checked."""

    takes_cached = True

    def __init__(self, out: TextIO, ctx: ReportContext) -> None:
        super().__init__(out, ctx)
        # a UTF-8 file or stream takes bytes below its text layer (flushed before each use)
        buffer = getattr(out, "buffer", None)
        encoding = (getattr(out, "encoding", "") or "").lower().replace("-", "")
        self._utf8_buffer = buffer if buffer is not None and encoding == "utf8" else None

    def file(self, report: FileReport | CachedReport) -> None:
        if isinstance(report, CachedReport):
            line = report.json_bytes() + b"\n"
            if self._utf8_buffer is not None:
                self._utf8_buffer.write(line)  # no decoding and encoding again
                return
            self.out.write(line.decode("utf-8"))
        else:
            write_jsonl_line(self.out, report)
        self.out.flush()  # also before the next line goes to the buffer below

    def finish(self) -> None:
        self.statistics_to_stderr()
