"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

What GitHub needs (docs: "SARIF support for code scanning"): ``tool.driver.rules`` with
``id``, short and full descriptions (≤ 1024 characters), ``help`` text; results with
``ruleId``, ``level``, ``message.text`` and a location whose ``artifactLocation.uri`` is
relative to the repository root (``%SRCROOT%`` = the working directory of the run);
``partialFingerprints`` so a finding keeps its identity when lines move. Columns are in
UTF-16 code units (SARIF's default ``columnKind``): the same as characters for Cyrillic,
not for characters outside the Basic Multilingual Plane. ``endColumn`` is one past the
last character. Files that could not be read become tool notifications (level ``error``), and
so does a file checked but not scored, a letter of requisites alone (level ``note``: SARIF
has no scores, but the note keeps every format saying the same about such a file).

Each rule carries its Russian text (and the Kazakh one in the help) since a SARIF rule
has one description; the result message is in the language of the paragraph.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from anyq import __version__
from anyq.findings import FileReport, Finding
from anyq.reporters import ReportContext, Reporter, relpath

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}
_MAX_DESCRIPTION = 1024


def _clip(text: str, limit: int = _MAX_DESCRIPTION) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _first_sentence(text: str) -> str:
    m = re.match(r"(.+?[.!?])(\s|$)", " ".join(text.split()))
    return m.group(1) if m else text


def _langs(rule: Any) -> list[str]:
    return [l for l in rule.languages if l != "any"] or ["ru", "kk"]


def rule_descriptor(rule: Any) -> dict[str, Any]:
    langs = _langs(rule)
    main = "ru" if "ru" in langs else langs[0]
    explanation = rule.text_for(rule.explanation, main).strip()
    text_parts, md_parts = [], []
    for lang in langs:
        expl = rule.text_for(rule.explanation, lang).strip()
        advice = rule.advice_for(lang).strip()
        head = f"[{lang}] " if len(langs) > 1 else ""
        text_parts.append(f"{head}{expl}" + (f"\n{advice}" if advice else ""))
        md_parts.append((f"**{lang}**\n\n" if len(langs) > 1 else "") + expl + (f"\n\n*{advice}*" if advice else ""))
    if rule.bad:
        text_parts.append("Flagged: " + " / ".join(ex.text.strip() for ex in rule.bad[:3]))
        md_parts.append("Flagged:\n" + "\n".join(f"- ✗ {ex.text.strip()}" for ex in rule.bad[:3]))
    if rule.good:
        text_parts.append("Fine: " + " / ".join(g.strip() for g in rule.good[:3]))
        md_parts.append("Fine:\n" + "\n".join(f"- ✓ {g.strip()}" for g in rule.good[:3]))
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _clip(_first_sentence(explanation), 300)},
        "fullDescription": {"text": _clip(explanation)},
        "help": {"text": "\n\n".join(text_parts), "markdown": "\n\n".join(md_parts)},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": bool(rule.enabled)},
        "properties": {
            "tags": [rule.category, *langs],
            "precision": "medium",
            "problem.severity": PROBLEM_SEVERITY[rule.severity],
        },
    }


def _uri(path: str, base: str) -> tuple[str, bool]:
    """A URI for the file, and whether it is relative to %SRCROOT%."""
    rel = relpath(path, base)
    if rel.startswith("/"):
        return Path(rel).as_uri(), False
    return quote(rel, safe="/"), True


def _utf16_column(line: str, col: int) -> int:
    prefix = line[: max(col - 1, 0)]
    return len(prefix.encode("utf-16-le")) // 2 + 1


class SarifReport(Reporter):
    needs_source = True  # UTF-16 columns are counted on the line's text

    def __init__(self, out: TextIO, ctx: ReportContext) -> None:
        super().__init__(out, ctx)
        self.results: list[dict[str, Any]] = []
        self.notifications: list[dict[str, Any]] = []
        self.codes: set[str] = set()
        self.artifacts: dict[str, int] = {}

    def file(self, report: FileReport) -> None:
        uri, relative = _uri(report.path, self.ctx.base)
        loc = {"uri": uri, **({"uriBaseId": "%SRCROOT%"} if relative else {})}
        for err in report.errors:
            self.notifications.append({
                "level": "error",
                "message": {"text": f"{report.path}: {err}"},
                "locations": [{"physicalLocation": {"artifactLocation": dict(loc)}}],
            })
        if report.not_scored:
            self.notifications.append({
                "level": "note",
                "message": {"text": f"{report.path}: no score ({report.extra['not_scored']})"},
                "locations": [{"physicalLocation": {"artifactLocation": dict(loc)}}],
            })
        lines = report.source_text.split("\n") if report.source_text is not None else None
        seen: dict[tuple[str, str], int] = {}
        for f in report.findings:
            self.codes.add(f.code)
            occurrence = seen.get((f.code, f.text), 0)
            seen[(f.code, f.text)] = occurrence + 1
            self.results.append(self._result(f, loc, lines, occurrence))

    def _result(self, f: Finding, loc: dict[str, str], lines: list[str] | None, occurrence: int) -> dict[str, Any]:
        start_col, end_col = f.column, f.end_column
        if lines is not None and 0 < f.line <= len(lines) and 0 < f.end_line <= len(lines):
            start_col = _utf16_column(lines[f.line - 1], f.column)
            end_col = _utf16_column(lines[f.end_line - 1], f.end_column)
        region: dict[str, Any] = {"startLine": f.line, "startColumn": start_col, "endLine": f.end_line, "endColumn": max(end_col, 1)}
        if f.text:
            region["snippet"] = {"text": f.text}
        message = f.message
        if f.suggestions:
            message += " → " + ", ".join(f"«{s}»" for s in f.suggestions[:3])
        elif f.advice:
            message += " " + f.advice
        fingerprint = hashlib.sha256(f"{f.code}\0{loc['uri']}\0{' '.join(f.text.split()).lower()}\0{occurrence}".encode()).hexdigest()[:32]
        props: dict[str, Any] = {"category": f.category, "language": f.language}
        if f.suggestions:
            props["suggestions"] = f.suggestions
        if f.location:
            props["location"] = f.location  # a paragraph, cell or page of a .docx/.odt/.pdf
        return {
            "ruleId": f.code,
            "level": LEVELS.get(f.severity, "warning"),
            "message": {"text": message},
            "locations": [{"physicalLocation": {"artifactLocation": dict(loc), "region": region}}],
            "partialFingerprints": {"anyqFindingHash/v1": fingerprint},
            "properties": props,
        }

    def finish(self) -> None:
        rules = self.ctx.rules
        codes = sorted(set(rules) | self.codes)
        descriptors = [rule_descriptor(rules[c]) if c in rules else {"id": c} for c in codes]
        index = {c: i for i, c in enumerate(codes)}
        for r in self.results:
            r["ruleIndex"] = index[r["ruleId"]]
        run: dict[str, Any] = {
            "tool": {"driver": {"name": "anyq", "version": __version__, "semanticVersion": __version__, "rules": descriptors}},
            "automationDetails": {"id": "anyq/"},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(os.path.abspath(self.ctx.base)).as_uri() + "/"}},
            "columnKind": "utf16CodeUnits",
            "results": self.results,
            "invocations": [{"executionSuccessful": all(n["level"] != "error" for n in self.notifications), "toolExecutionNotifications": self.notifications}],
        }
        json.dump({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")
        self.statistics_to_stderr()
