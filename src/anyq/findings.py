"""Findings and per-file reports: the objects the API returns and the reporters print."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(slots=True)
class Finding:
    """One problem in one place.

    Lines and columns are 1-based in the original text; ``end_column`` is one past the
    last character (as in SARIF and ruff), so ``text`` is line ``line`` from ``column``
    to ``end_column`` when the span is on one line. ``start``/``end`` are the same span
    as character offsets.
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
    # the replacement of ``text`` that ``anyq check --fix`` applies; None when there is no safe fix
    fix: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # a shallow copy field by field: dataclasses.asdict deep-copies every value and
        # was the largest per-file cost of a run served from the cache
        d = {name: getattr(self, name) for name in _FINDING_FIELDS}
        d["suggestions"] = list(self.suggestions)
        d["location"] = dict(self.location)
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
    # a report read from the result cache keeps its findings as the cache decoded them
    # (``findings`` list, dicts): writing JSON again then copies no attribute. Used only
    # while ``findings`` is still that very list, unchanged in length.
    cached_findings: tuple[list, list] | None = field(default=None, repr=False, compare=False)

    def _finding_dicts(self) -> list[dict[str, Any]]:
        c = self.cached_findings
        if c is not None and c[0] is self.findings and len(c[1]) == len(self.findings):
            return [dict(d) for d in c[1]]
        return [f.to_dict() for f in self.findings]

    def to_dict(self) -> dict[str, Any]:
        d = {
            "path": self.path,
            "language": self.language,
            "score": self.score,
            "scores": dict(self.scores),
            "stats": dict(self.stats),
            "findings": self._finding_dicts(),
            "errors": list(self.errors),
        }
        d.update(self.extra)
        return d

    def count(self, severity: str | None = None) -> int:
        return sum(1 for f in self.findings if severity is None or f.severity == severity)
