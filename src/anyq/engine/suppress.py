"""Suppression comments: findings an author has looked at and decided to keep.

Markdown uses HTML comments, which never reach the reader of the letter; plain text uses
a line of its own that starts with ``#`` and ``anyq:`` — something no letter contains:

    <!-- anyq: ignore J101, J205 -- the applicant's own words -->   (.md)
    # anyq: ignore J101 -- цитата из обращения                     (.txt)

Directives (rule codes are required, so every suppression can be audited):

- ``ignore CODES``: the next block (the lines up to the next blank line); a Markdown
  comment at the end of a line of text applies to that line only;
- ``ignore-file CODES``: the whole file; ``ignore-file`` with no code: the file is not
  checked at all;
- ``disable CODES`` … ``enable CODES``: everything between the two.

Text after ``--`` is the reason. Codes that name no rule and comments anyq cannot read are
reported (T901, T902); every directive, with how many findings it suppressed, is listed
in the JSON file object under ``suppressions``. Other formats (.docx, .pdf …) have no
comments anyq can see: use ``per-file-ignores`` in the config file for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


from anyq.findings import Finding

FULL_CODE = re.compile(r"^[A-Z]\d{3,4}$")  # a rule code, as in rule files

_MD = re.compile(r"<!--[ \t]*anyq[ \t]*:(?P<body>.*?)-->", re.S)
_TXT = re.compile(r"^[ \t]*#[ \t]*anyq[ \t]*:(?P<body>[^\n]*)$", re.M)
_VERB = re.compile(r"[ \t]*(?P<verb>[a-z][a-z-]*)")
_REASON = re.compile(r"\s(?:--|—|–)\s|\s(?:--|—|–)$")
_TOKEN = re.compile(r"[^\s,;]+")
VERBS = ("ignore", "ignore-file", "disable", "enable")
FORMATS = ("txt", "md")


@dataclass(slots=True)
class Directive:
    verb: str
    codes: list[str]
    start: int  # the comment in the text
    end: int
    line: int
    reason: str = ""
    # (text, start, end, kind): kind "unknown-code" or "unreadable"
    problems: list[tuple[str, int, int, str]] = field(default_factory=list)
    target: tuple[int, int] | None = None
    suppressed: int = 0

    def fact(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "directive": self.verb,
            "codes": list(self.codes),
            "reason": self.reason,
            "suppressed": self.suppressed,
            "problems": [{"text": t, "start": a, "end": b, "problem": k} for t, a, b, k in self.problems],
        }


def parse(text: str, fmt: str, known_codes: Iterable[str] = ()) -> list[Directive]:
    """Every suppression comment of a .txt or .md text, with the range it applies to."""
    if fmt not in FORMATS or "anyq" not in text:
        return []
    known = set(known_codes)
    rx = _MD if fmt == "md" else _TXT
    out: list[Directive] = []
    for m in rx.finditer(text):
        body, body_start = m.group("body"), m.start("body")
        line = text.count("\n", 0, m.start()) + 1
        vm = _VERB.match(body)
        verb = vm.group("verb") if vm else ""
        d = Directive(verb=verb, codes=[], start=m.start(), end=m.end(), line=line)
        if verb not in VERBS:
            d.problems.append((_anchor(text, m), *_anchor_span(m), "unreadable"))
            out.append(d)
            continue
        rest_start = vm.end()
        rest = body[rest_start:]
        r = _REASON.search(rest)
        if r:
            d.reason = rest[r.end() :].strip()
            rest = rest[: r.start()]
        for t in _TOKEN.finditer(rest):
            token = t.group()
            a = body_start + rest_start + t.start()
            if FULL_CODE.match(token):
                d.codes.append(token)
                if known and token not in known:
                    d.problems.append((token, a, a + len(token), "unknown-code"))
            else:
                d.problems.append((token, a, a + len(token), "unreadable"))
        if not d.codes and verb != "ignore-file":
            d.problems.append((_anchor(text, m), *_anchor_span(m), "unreadable"))
        out.append(d)
    _set_targets(text, out)
    return out


def _anchor_span(m: re.Match[str]) -> tuple[int, int]:
    # the «anyq: …» part of the comment, without the comment markers
    body_end = m.end("body")
    s = m.string.find("anyq", m.start(), body_end)
    return s, len(m.string[:body_end].rstrip())


def _anchor(text: str, m: re.Match[str]) -> str:
    a, b = _anchor_span(m)
    return text[a:b]


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, len(text) if b == -1 else b


def _set_targets(text: str, directives: list[Directive]) -> None:
    spans = [(d.start, d.end) for d in directives]

    def blank(a: int, b: int) -> bool:
        """Is text[a:b] empty once the directives in it are taken out?"""
        pieces, pos = [], a
        for s, e in spans:
            if e <= a or s >= b:
                continue
            pieces.append(text[pos : max(pos, s)])
            pos = max(pos, e)
        pieces.append(text[pos:b])
        return not "".join(pieces).strip()

    for i, d in enumerate(directives):
        if d.verb == "ignore-file":
            d.target = (0, len(text))
        elif d.verb == "ignore":
            a, b = _line_bounds(text, d.start)
            if not blank(a, d.start) or not blank(d.end, b):
                d.target = (a, b)  # a comment beside text: that line
                continue
            # the next block: the first run of non-blank lines after the comment's line
            d.target = _next_block(text, b + 1, blank) or (d.end, d.end)
        elif d.verb == "disable":
            end = len(text)
            for later in directives[i + 1 :]:
                if later.verb == "enable" and set(d.codes) & set(later.codes):
                    end = later.start
                    break
            d.target = (d.end, end)


def _next_block(text: str, pos: int, blank) -> tuple[int, int] | None:
    start = end = None
    while pos < len(text):
        a, b = _line_bounds(text, pos)
        if blank(a, b):
            if start is not None:
                break
        else:
            start = a if start is None else start
            end = b
        pos = b + 1
    return (start, end) if start is not None and end is not None else None


def skips_file(directives: list[Directive]) -> Directive | None:
    """A bare ``ignore-file``: the file is not to be checked."""
    return next((d for d in directives if d.verb == "ignore-file" and not d.codes and not d.problems), None)


def _selected(code: str, category: str, selectors: Iterable[str]) -> bool:
    for s in selectors:
        if s.upper() == "ALL" or code.startswith(s.upper()) or category == s.lower():
            return True
    return False


def apply(findings: list[Finding], directives: list[Directive], file_ignores: Iterable[str] = ()) -> list[Finding]:
    """Drop suppressed findings; count, per directive, how many it suppressed."""
    file_ignores = list(file_ignores)
    kept = []
    for f in findings:
        if file_ignores and _selected(f.code, f.category, file_ignores):
            continue
        hit = next(
            (d for d in directives if d.target and f.code in d.codes and d.target[0] <= f.start <= d.target[1] and d.verb != "enable"),
            None,
        )
        if hit is not None:
            hit.suppressed += 1
            continue
        kept.append(f)
    return kept
