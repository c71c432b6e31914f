"""``--format csv``: one row per finding, for a spreadsheet.

A file without findings still gets a row (with its score), a file that could not be
read a row with the reason in ``error``, and a file not checked (``anyq: ignore-file``, no
Kazakh or Russian text) or checked but not scored (a letter of requisites alone) a row with
the reason in ``message``, so every file is in the table. The last column, ``note``, says on
every row of a file with no score and no error why it has none («no score (…)», «not
checked (…)»): the rows of a not-scored letter's findings have an empty ``score`` too.
Written to a file with ``--output``, the text starts with a UTF-8 byte-order mark, which
is what makes Excel read Cyrillic correctly; on standard output it does not.
"""

from __future__ import annotations

import csv
import json
from typing import TextIO

from anyq.findings import FileReport
from anyq.reporters import ReportContext, Reporter

COLUMNS = (
    "path", "language", "score", "line", "column", "end_line", "end_column", "code", "category",
    "severity", "name", "message", "text", "suggestions", "location", "error", "note",
)


class CsvReport(Reporter):
    def __init__(self, out: TextIO, ctx: ReportContext) -> None:
        super().__init__(out, ctx)
        if ctx.to_file:
            out.write("\ufeff")
        self.writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        self.writer.writeheader()

    def file(self, report: FileReport) -> None:
        base = {"path": report.path, "language": report.language, "score": "" if report.score is None else report.score}
        note = _no_score(report)
        if note:
            base["note"] = note
        for err in report.errors:
            self.writer.writerow({**base, "error": err})
        for f in report.findings:
            self.writer.writerow({
                **base,
                "line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
                "code": f.code, "category": f.category, "severity": f.severity, "name": f.name,
                "message": f.message, "text": f.text, "suggestions": " | ".join(f.suggestions),
                "location": json.dumps(f.location, ensure_ascii=False) if f.location else "",
            })
        if not report.findings and not report.errors:
            self.writer.writerow({**base, "message": note} if note else base)

    def finish(self) -> None:
        self.statistics_to_stderr()


def _no_score(report: FileReport) -> str:
    """Why a file has no score and no error, as the text report says it (its row would be
    empty, like a broken one's); "" for a file with a score or an error."""
    from anyq.reporters.text import _paragraphs

    if report.not_scored:
        return f"no score ({report.extra['not_scored']})"
    if not report.not_checked:
        return ""
    if report.extra.get("not_checked"):
        return f"not checked ({report.extra['not_checked']})"
    skipped = report.stats.get("skipped_paragraphs") or []
    return f"nothing checked: no Kazakh or Russian text (skipped: {_paragraphs(skipped)})" if skipped else "nothing checked: no text to check"
