"""Machine output: ``json`` (one document) and ``jsonl`` (one file object per line).

Shape, kept stable (see README, "JSON output"):

    {"version": "0.1.0",
     "files": [{"path", "language", "score", "scores": {category: n}, "stats": {...},
                "findings": [{finding fields}], "errors": [...]}],
     "summary": {...}}

Both formats write a file object as one line of JSON as its report arrives (the document
indents its own keys and the summary), so a run of thousands of files keeps none of them
in memory, and a report from the result cache is written as the JSON text it was stored as.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from anyq import __version__
from anyq.findings import CachedReport, FileReport, Summary
from anyq.reporters import ReportContext, Reporter

SCHEMA_VERSION = 1


def write_json(out: TextIO, reports: Iterable[FileReport]) -> None:
    """A whole ``--format json`` document of these reports."""
    writer = JsonReport(out, ReportContext())
    for r in reports:
        writer.file(r)
    writer.finish()


class _FileObjects(Reporter):
    """Writes file objects, each as one line of JSON."""

    takes_cached = True

    def __init__(self, out: TextIO, ctx: ReportContext) -> None:
        super().__init__(out, ctx)
        # a UTF-8 file or stream takes a cached report's bytes below its text layer (the
        # text layer is flushed after every write of its own, so the order holds)
        buffer = getattr(out, "buffer", None)
        encoding = (getattr(out, "encoding", "") or "").lower().replace("-", "")
        self._utf8_buffer = buffer if buffer is not None and encoding == "utf8" else None

    def _write_object(self, report: FileReport | CachedReport, before: str, after: str) -> None:
        if isinstance(report, CachedReport):
            line = report.json_bytes()  # the bytes json.dumps gave when the report was cached
            if self._utf8_buffer is not None:
                self.out.write(before)
                self.out.flush()
                self._utf8_buffer.write(line)
                self.out.write(after)
                self.out.flush()
                return
            self.out.write(before + line.decode("utf-8") + after)
        else:
            self.out.write(before + json.dumps(report.to_dict(), ensure_ascii=False) + after)
        self.out.flush()


class JsonReport(_FileObjects):
    """``--format json``: one document; file objects as they come, the summary (and
    ``statistics`` when asked) at the end."""

    def __init__(self, out: TextIO, ctx: ReportContext) -> None:
        super().__init__(out, ctx)
        self.summary = Summary()

    def file(self, report: FileReport | CachedReport) -> None:
        first = self.summary.files == 0
        self.summary.add(report)
        self._write_object(report, _OPENING + "[\n    " if first else ",\n    ", "")

    def finish(self) -> None:
        tail: dict[str, Any] = {"summary": self.summary.to_dict()}
        if self.ctx.statistics is not None:
            tail["statistics"] = self.ctx.statistics.to_dict(self.ctx.run)
        files_end = _OPENING + "[]" if self.summary.files == 0 else "\n  ]"
        self.out.write(files_end + ",\n" + _keys(tail)[2:] + "\n}\n")
        self.out.flush()


def _keys(d: dict[str, Any]) -> str:
    """``{`` and the keys of ``d``, indented as members of the document (no closing brace)."""
    items = (f"  {json.dumps(k)}: " + json.dumps(v, ensure_ascii=False, indent=2).replace("\n", "\n  ") for k, v in d.items())
    return "{\n" + ",\n".join(items)


# the document up to the value of "files"
_OPENING = _keys({"version": __version__, "schema": SCHEMA_VERSION}) + ',\n  "files": '


class JsonlReport(_FileObjects):
    """``--format jsonl``: one file object per line, as files are checked."""

    def file(self, report: FileReport | CachedReport) -> None:
        self._write_object(report, "", "\n")

    def finish(self) -> None:
        self.statistics_to_stderr()
