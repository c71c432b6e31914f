"""Findings and per-file reports: the objects the API returns and the reporters print."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any

from anyq.scoring import mean_score


@dataclass(slots=True)
class Finding:
    """One problem in one place.

    Lines and columns are 1-based in the original text; ``end_column`` is one past the
    last character (as in SARIF and ruff), so ``text`` is line ``line`` from ``column``
    to ``end_column`` when the span is on one line. ``start``/``end`` are the same span
    as character offsets in the text as read (``FileReport.source_text``: decoded, without
    a byte-order mark, each CRLF folded into one LF), which is what fixes and the HTML
    report index; in a file with CRLF line breaks they are not offsets into its raw text.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    category: str
    severity: str
    message: str
    text: str
    suggestions: list[str] = field(default_factory=list)
    weight: float = 1.0
    name: str = ""
    language: str = ""
    advice: str = ""
    start: int = 0
    end: int = 0
    location: dict[str, Any] = field(default_factory=dict)
    # the replacement of ``text`` that ``anyq check --fix`` applies (a spelling correction:
    # ``--fix-spelling``, see ``fix_applies_with``); None when there is no safe fix
    fix: str | None = None

    @property
    def fix_applies_with(self) -> str | None:
        """The option that applies ``fix``: ``--fix``, or ``--fix-spelling`` for a spelling
        correction (plain ``--fix`` leaves those); None when there is no fix. JSON carries it
        next to ``fix``, so a consumer knows what ``--fix`` applies."""
        if self.fix is None:
            return None
        return "--fix-spelling" if self.category == "spelling" else "--fix"

    def to_dict(self) -> dict[str, Any]:
        # a shallow copy field by field: dataclasses.asdict deep-copies every value and
        # was the largest per-file cost of a run served from the cache
        d = {name: getattr(self, name) for name in _FINDING_FIELDS}
        d["suggestions"] = list(self.suggestions)
        d["location"] = dict(self.location)
        d["fix_applies_with"] = self.fix_applies_with
        return d


_FINDING_FIELDS = tuple(f.name for f in fields(Finding))


@dataclass(slots=True)
class FileReport:
    path: str
    language: str = "other"
    score: float | None = None
    scores: dict[str, float] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # extra structured results other stages attach (citations, completeness …)
    extra: dict[str, Any] = field(default_factory=dict)
    # the text the findings point into (not serialised; reporters show lines from it)
    source_text: str | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "path": self.path,
            "language": self.language,
            "score": self.score,
            "scores": dict(self.scores),
            "stats": dict(self.stats),
            "findings": [f.to_dict() for f in self.findings],
            "errors": list(self.errors),
        }
        d.update(self.extra)
        return d

    def count(self, severity: str | None = None) -> int:
        return sum(1 for f in self.findings if severity is None or f.severity == severity)

    @property
    def words(self) -> int:
        return int(self.stats.get("words", 0) or 0)

    @property
    def not_checked(self) -> bool:
        """Read but not checked: `anyq: ignore-file` (its reason in ``extra``), or no Kazakh or
        Russian text — no score and no error. Every count of files not checked reads this."""
        return self.score is None and not self.errors and not self.not_scored

    @property
    def not_scored(self) -> bool:
        """Checked but given no score: a letter of its requisites alone (letterhead, addressee,
        signature, executor lines), with no prose to score; the reason is ``extra["not_scored"]``
        (``"not_scored"`` in the JSON file object). Its findings are reported, counted and set
        the exit code like any others; it is counted among the files checked, not among those
        not checked, and left out of the mean score. Every count of such files reads this."""
        return self.score is None and not self.errors and bool(self.extra.get("not_scored"))

    def finding_counts(self) -> list[tuple[str, str, str, str, int]]:
        """(code, name, category, severity, how many), in the order of first appearance:
        what statistics and exit codes need, without the findings themselves."""
        c = Counter((f.code, f.name, f.category, f.severity) for f in self.findings)
        return [(*k, n) for k, n in c.items()]


# Where a report's JSON holds its path, the result cache keeps this placeholder, so one
# entry serves the file under any name; ``CachedReport`` puts the real path back.
PATH_PLACEHOLDER = "\x00anyq:path\x00"
PATH_PLACEHOLDER_JSON = json.dumps(PATH_PLACEHOLDER)
_PLACEHOLDER_BYTES = PATH_PLACEHOLDER_JSON.encode("ascii")
_REPORT_KEYS = frozenset(("path", "language", "score", "scores", "stats", "findings", "errors"))


@dataclass(slots=True)
class CachedReport:
    """A report read back from the result cache: the numbers a run needs (statistics, exit
    code) and the file object's JSON text as it was written. The JSON and JSON Lines
    reporters write that text as it is; everything else asks for :meth:`full`, the FileReport."""

    path: str
    language: str
    score: float | None
    words: int
    not_checked: bool
    counts: list[tuple[str, str, str, str, int]]
    body: bytes  # the file object (FileReport.to_dict()) as UTF-8 JSON, paths as PATH_PLACEHOLDER
    source_text: str | None = field(default=None, repr=False)
    errors: list[str] = field(default_factory=list)  # a report with errors is never cached
    not_scored: bool = False  # FileReport.not_scored

    def finding_counts(self) -> list[tuple[str, str, str, str, int]]:
        return self.counts

    def json_bytes(self) -> bytes:
        """The file object as UTF-8 JSON, the same bytes ``json.dumps(report.to_dict(),
        ensure_ascii=False)`` gives."""
        return self.body.replace(_PLACEHOLDER_BYTES, json.dumps(self.path, ensure_ascii=False).encode("utf-8"))

    def full(self) -> FileReport:
        """The FileReport, decoded from the JSON; raise ValueError if it has not a report's shape."""
        d = json.loads(self.body)
        if not isinstance(d, dict) or not isinstance(d.get("findings"), list):
            raise ValueError("not a report")
        findings = []
        for f in d["findings"]:
            if not isinstance(f, dict) or f.keys() != _FINDING_KEYS:
                raise ValueError("not a finding")
            f["path"] = self.path  # the dicts are ours: decoded for this report alone
            del f["fix_applies_with"]  # derived from fix and category, not a field
            findings.append(Finding(**f))
        for key, kind in (("scores", dict), ("stats", dict), ("errors", list)):
            if not isinstance(d.get(key), kind):
                raise ValueError(f"bad {key}")
        extra = {k: v for k, v in d.items() if k not in _REPORT_KEYS}
        return FileReport(path=self.path, language=self.language, score=self.score, scores=d["scores"], stats=d["stats"],
                          findings=findings, errors=d["errors"], extra=extra, source_text=self.source_text)


_FINDING_KEYS = frozenset((*_FINDING_FIELDS, "fix_applies_with"))


class Summary:
    """The ``summary`` of a run's JSON document, counted report by report (a report read
    from the cache counts without being decoded)."""

    def __init__(self) -> None:
        self.files = self.with_errors = self.not_checked = self.not_scored = 0
        self.by_severity = {"error": 0, "warning": 0, "info": 0}
        self.by_category: dict[str, int] = {}
        self.scores: list[float] = []

    def add(self, report: FileReport | CachedReport) -> None:
        self.files += 1
        self.with_errors += bool(report.errors)
        if report.score is not None:
            self.scores.append(report.score)
        self.not_checked += report.not_checked
        self.not_scored += report.not_scored
        for _, _, category, severity, n in report.finding_counts():
            self.by_severity[severity] += n
            self.by_category[category] = self.by_category.get(category, 0) + n

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "files_with_errors": self.with_errors,
            "files_not_checked": self.not_checked,
            "files_not_scored": self.not_scored,
            "findings": sum(self.by_severity.values()),
            "by_severity": dict(self.by_severity),
            "by_category": dict(sorted(self.by_category.items())),
            "mean_score": mean_score(self.scores),
        }
