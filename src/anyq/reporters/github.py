"""``--format github``: GitHub Actions workflow commands, shown as annotations on the diff.

    ::warning file=letters/a.txt,line=14,col=1,endLine=14,endColumn=8,title=J101 v-celyah::«В целях» — …

Escaping follows the Actions toolkit: in the message ``%``, ``\\r``, ``\\n`` become
``%25``, ``%0D``, ``%0A``; in properties also ``:`` and ``,`` (``%3A``, ``%2C``).

GitHub shows at most 10 error and 10 warning annotations per step (and 50 per job);
the rest would be dropped silently. So the first ``LIMIT`` findings of each level become
annotations and every further one is printed as a plain log line, with a closing line that
says how many were not annotated. For an archive, upload ``--format sarif`` to code
scanning instead. When ``GITHUB_STEP_SUMMARY`` is set (inside Actions), a Markdown summary
of the run — files, scores, findings per category, worst files — is appended to it.
"""

from __future__ import annotations

import os
from typing import TextIO

from anyq.findings import FileReport, Finding
from anyq.reporters import ReportContext, Reporter, relpath
from anyq.scoring import mean_score

LIMIT = 10  # annotations per level and step that GitHub displays
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


class GithubReport(Reporter):
    def __init__(self, out: TextIO, ctx: ReportContext) -> None:
        super().__init__(out, ctx)
        self.annotated = dict.fromkeys(COMMANDS, 0)
        self.plain = 0
        self.files = 0
        self.errors = 0
        self.not_checked = 0
        self.not_scored = 0
        self.scores: list[tuple[float, str]] = []
        self.by_category: dict[str, int] = {}

    def _annotation(self, kind: str, path: str, message: str, f: Finding | None = None, title: str = "") -> str:
        props = [f"file={escape_property(path)}"]
        if f is not None:
            props += [f"line={f.line}", f"col={f.column}", f"endLine={f.end_line}"]
            if f.end_line == f.line:
                props.append(f"endColumn={f.end_column}")
        if title:
            props.append(f"title={escape_property(title)}")
        return f"::{kind} {','.join(props)}::{escape_data(message)}\n"

    def file(self, report: FileReport) -> None:
        self.files += 1
        path = relpath(report.path, self.ctx.base)
        if report.score is not None:
            self.scores.append((report.score, path))
        elif report.errors:
            self.errors += 1
        self.not_checked += report.not_checked
        self.not_scored += report.not_scored
        if report.not_scored:
            # a plain log line, as the text report says it: an annotation would take one of
            # the few GitHub shows from the findings
            self.out.write(f"{path}: no score ({report.extra['not_scored']})\n")
        for err in report.errors:
            # read errors are few and always worth seeing
            self.out.write(self._annotation("error", path, f"anyq could not check this file: {err}"))
        for f in report.findings:
            self.by_category[f.category] = self.by_category.get(f.category, 0) + 1
            message = f.message + (" → " + ", ".join(f"«{s}»" for s in f.suggestions[:3]) if f.suggestions else "")
            level = f.severity if f.severity in COMMANDS else "warning"
            if self.annotated[level] < LIMIT:
                self.annotated[level] += 1
                self.out.write(self._annotation(COMMANDS[level], path, message, f, f"{f.code} {f.name}".strip()))
            else:
                self.plain += 1
                self.out.write(f"{path}:{f.line}:{f.column}: {f.code} {message}\n")

    def finish(self) -> None:
        if self.plain:
            self.out.write(
                f"anyq: {self.plain} more finding{'s' if self.plain != 1 else ''} printed above without annotations "
                f"(GitHub shows at most {LIMIT} annotations of each level per step); use --format sarif for code scanning.\n"
            )
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            try:
                with open(summary, "a", encoding="utf-8") as fh:
                    fh.write(self._markdown())
            except OSError:
                pass
        self.statistics_to_stderr()

    def _markdown(self) -> str:
        scores = [s for s, _ in self.scores]
        lines = ["## anyq", ""]
        mean = f"{mean_score(scores):.1f}" if scores else "—"
        # every file once: checked (scored or not scored) + not checked + with errors = files
        files = f"**{self.files}** file{'s' if self.files != 1 else ''}: **{len(scores) + self.not_scored}** checked"
        files += f", **{self.not_scored}** of them not scored" if self.not_scored else ""
        files += f", **{self.not_checked}** not checked" if self.not_checked else ""
        files += f", **{self.errors}** with errors" if self.errors else ""
        lines += [f"{files}; mean score **{mean}**, **{sum(self.by_category.values())}** findings.", ""]
        if self.by_category:
            lines += ["| category | findings |", "|---|---:|"]
            lines += [f"| {c} | {n} |" for c, n in sorted(self.by_category.items(), key=lambda x: -x[1])]
            lines.append("")
        worst = sorted(self.scores)[:10]
        if worst:
            lines += ["| lowest scores | score |", "|---|---:|"]
            lines += [f"| {_code_cell(p)} | {s:.1f} |" for s, p in worst]
            lines.append("")
        return "\n".join(lines) + "\n"


def _code_cell(path: str) -> str:
    """A file name as a code span in a Markdown table cell: a name may hold backticks, «|» or
    a line break, which would end the span, split the cell or break the table."""
    import re

    text = " ".join(path.splitlines()).replace("|", "\\|")
    ticks = "`" * (max((len(r) for r in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"
