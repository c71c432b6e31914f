"""Human output in the style of modern linters.

    corpora/examples/letter.txt:14:1: J101 «В целях» — канцелярский оборот; проще: «Чтобы».
       |
    14 | В целях обеспечения бесперебойного …
       | ^^^^^^^
       = suggestion: Чтобы
"""

from __future__ import annotations

import sys
import unicodedata
from typing import TextIO

from anyq.findings import FileReport, Finding
from anyq.reporters import ReportContext, Reporter
from anyq.scoring import mean_score

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "dim": "\033[2m", "bold": "\033[1m", "green": "\033[32m"}
_RESET = "\033[0m"
_CONTEXT = 100  # characters of the line shown around a long finding


class TextReporter:
    def __init__(self, out: TextIO | None = None, color: bool | None = None, show_source: bool = True, err: TextIO | None = None) -> None:
        self.out = out or sys.stdout
        self.color = self.out.isatty() if color is None else color
        self.show_source = show_source
        # a file that could not be checked is said on standard error, as ruff and eslint say it,
        # so that `anyq check … > report.txt` keeps it on the screen (JSON, CSV, SARIF and the
        # others keep it in the document, in `errors`)
        self.err = err or sys.stderr
        self.err_color = self.err.isatty() if color is None else color

    def _c(self, name: str, text: str) -> str:
        return f"{_COLORS[name]}{text}{_RESET}" if self.color else text

    def file(self, report: FileReport, source_text: str | None = None) -> None:
        w = self.out.write
        for err in report.errors:
            label = f"{_COLORS['error']}error{_RESET}" if self.err_color else "error"
            self.err.write(f"{report.path}: {label}: {err}\n")
        if report.errors:
            self.err.flush()
        if report.extra.get("not_checked"):
            w(f"{report.path}: not checked ({report.extra['not_checked']})\n")
        for note in report.extra.get("notes", []):
            w(f"{report.path}: {self._c('info', 'note')}: {note}\n")
        lines = source_text.split("\n") if source_text is not None and self.show_source else None
        for f in report.findings:
            self._finding(f, lines)
        if report.score is not None or report.not_scored:
            self._summary(report)
        elif not report.errors and not report.extra.get("not_checked"):
            # Otherwise a file of English or of contact lines alone would pass in silence.
            skipped = report.stats.get("skipped_paragraphs") or []
            why = f"no Kazakh or Russian text (skipped: {_paragraphs(skipped)})" if skipped else "no text to check"
            w(f"{self._c('bold', report.path)}: nothing checked: {why}\n\n")

    def _finding(self, f: Finding, lines: list[str] | None) -> None:
        w = self.out.write
        code = self._c(f.severity, f.code)
        loc = _location_suffix(f)
        w(f"{self._c('bold', f'{f.path}:{f.line}:{f.column}:')} {code} {f.message}{loc}\n")
        if lines is not None and 0 < f.line <= len(lines):
            line = lines[f.line - 1]
            start = f.column - 1
            end = f.end_column - 1 if f.end_line == f.line else len(line)
            left = max(0, start - 30)
            right = min(len(line), max(end, start + 1) + 30)
            if right - left > _CONTEXT + 60:
                right = left + _CONTEXT + 60
            shown = line[left:right]
            prefix = "…" if left > 0 else ""
            suffix = "…" if right < len(line) else ""
            gutter = " " * len(str(f.line))
            w(f"{gutter} {self._c('dim', '|')}\n")
            w(f"{f.line} {self._c('dim', '|')} {prefix}{shown.replace(chr(9), _TAB)}{suffix}\n")
            # carets under the span as a terminal draws the line: tabs as _TAB, wide
            # characters (emoji, CJK) two cells, combining marks none
            pad = len(prefix) + _cells(line[left:start])
            marks = "^" * max(1, _cells(line[start : min(end, right)]))
            w(f"{gutter} {self._c('dim', '|')} {' ' * pad}{self._c(f.severity, marks)}\n")
        if f.suggestions:
            shown = ", ".join(f"«{s}»" if s.strip() else repr(s) for s in f.suggestions[:3])
            if f.fix is not None:
                shown += f" ({f.fix_applies_with})"
            w(f"  {self._c('green', '= suggestion:')} {shown}\n")
        elif f.advice:
            w(f"  {self._c('green', '= help:')} {f.advice}\n")

    def _summary(self, r: FileReport) -> None:
        w = self.out.write
        counts = {s: r.count(s) for s in ("error", "warning", "info")}
        parts = ", ".join(f"{self._c(s, str(n))} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
        subs = "  ".join(f"{c} {v:.0f}" for c, v in r.scores.items())
        st = r.stats
        if r.score is None:  # checked, but nothing to score (a letter of requisites alone)
            score = f"no score ({r.extra['not_scored']})"
        else:
            # the score as JSON has it and --fail-under compares it (0.1): «70» for 69.9 would hide a failure
            score = f"score {self._c('bold', f'{r.score:.1f}')}/100 ({subs})"
        w(
            f"{self._c('bold', r.path)}: {score} — {_count(st.get('words', 0), 'word')}, {_count(st.get('sentences', 0), 'sentence')}, "
            f"language {r.language}; {parts or 'no findings'}\n"
        )
        line = _readability_line(st)
        if line:
            w(f"  {self._c('dim', line)}\n")
        if st.get("skipped_paragraphs"):
            w(f"  {self._c('dim', 'skipped (not Kazakh or Russian): ' + _paragraphs(st['skipped_paragraphs']))}\n")
        w("\n")


_TAB = "    "  # a tab in a quoted line, as rustc and ruff show it


def _cells(text: str) -> int:
    """Terminal cells ``text`` takes once tabs are shown as ``_TAB``."""
    if text.isascii():
        return len(text) + text.count("\t") * (len(_TAB) - 1)
    n = 0
    for ch in text:
        if ch == "\t":
            n += len(_TAB)
        elif unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            n += 2
        else:
            n += 1
    return n


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _paragraphs(numbers: list[int]) -> str:
    """«paragraph 3», «paragraph 13, 15», the first ten of a longer list and how many more."""
    shown = ", ".join(str(n) for n in numbers[:10])
    more = f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
    return f"paragraph{'s' if len(numbers) > 1 else ''} {shown}{more}"


def _readability_line(st: dict) -> str:
    """«sentences: mean 11.7, max 64 words; ru: Flesch 12 (Oborneva), FK grade 15.1, LIX 69; reading time 1.5 min».
    The Kazakh level to two decimals, as JSON has it: to one, a letter C110 flags at level 3.52
    showed its threshold 3.5 here."""
    if not st.get("sentences"):
        return ""
    parts = [f"sentences: mean {st.get('mean_sentence_length', 0):.1f}, max {_count(st.get('max_sentence_length', 0), 'word')}"]
    for lang, fig in (st.get("readability") or {}).items():
        if lang == "ru" and "flesch_reading_ease" in fig:
            parts.append(
                f"ru: Flesch {fig['flesch_reading_ease']:.0f} (Oborneva), FK grade {fig['flesch_kincaid_grade']:.1f}, "
                f"SMOG {fig['smog']:.1f}, LIX {fig['lix']:.0f}"
            )
        elif lang == "kk" and "level" in fig:
            parts.append(f"kk: level {fig['level']:.2f} of 6 (anyq), LIX {fig['lix']:.0f}, {fig['syllables_per_word']:.2f} syllables/word")
    minutes = st.get("reading_time_minutes")
    if minutes is not None:
        parts.append(f"reading time {_duration(minutes)}")
    return "; ".join(parts)


def _duration(minutes: float) -> str:
    return f"{round(minutes * 60)} s" if minutes < 1 else f"{minutes:.1f} min"
# Order and wording of a document location: «[header, section 1, paragraph 2]»,
# «[paragraph 7, table 1, row 2, cell 3]», «[page 2, line 14]».
_LOCATION_ORDER = ("part", "section", "page_style", "footnote", "endnote", "page", "line", "paragraph", "table", "row", "cell", "source_line")


def describe_location(loc: dict) -> str:
    part = loc.get("part")
    parts = []
    if part:
        number = loc.get(part)  # «footnote 2»
        parts.append(f"{part} {number}" if number is not None else str(part))
    keys = _LOCATION_ORDER + tuple(k for k in loc if k not in _LOCATION_ORDER)
    for key in keys:
        if key in loc and key not in ("part", "excerpt", part):
            parts.append(f"{key.replace('_', ' ')} {loc[key]}")
    return ", ".join(parts)


def _location_suffix(f: Finding) -> str:
    text = describe_location(f.location) if f.location else ""
    return f" [{text}]" if text else ""


class TextReport(Reporter):
    """``--format text``: findings with source lines, a summary per file, totals."""

    needs_source = True

    def __init__(self, out: TextIO, ctx: ReportContext) -> None:
        super().__init__(out, ctx)
        self.text = TextReporter(out, color=ctx.color, show_source=not ctx.quiet, err=sys.stderr)
        self.count = 0
        self.findings = 0
        self.errors = 0
        self.not_checked = 0
        self.not_scored = 0
        self.scores: list[float] = []

    def file(self, report: FileReport) -> None:
        self.count += 1
        self.findings += len(report.findings)
        self.errors += bool(report.errors)
        if report.score is not None:
            self.scores.append(report.score)
        self.not_checked += report.not_checked
        self.not_scored += report.not_scored
        if self.ctx.quiet:
            for f in report.findings:
                self.out.write(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}{_location_suffix(f)}\n")
            for e in report.errors:  # on standard error, as without --quiet
                self.text.err.write(f"{report.path}: error: {e}\n")
            for n in report.extra.get("notes", []):
                self.out.write(f"{report.path}: note: {n}\n")
        else:
            self.text.file(report, report.source_text)
        self.out.flush()

    def finish(self) -> None:
        if not self.ctx.quiet and self.count > 1:
            n, f, e, skipped, unscored = self.count, self.findings, self.errors, self.not_checked, self.not_scored
            mean = f", mean score {mean_score(self.scores):.1f}" if self.scores else ""
            # every file is counted once: checked (scored or not scored) + not checked + with
            # errors = files; the mean is of the scored ones
            of_them = f"{unscored} of them not scored" if unscored else ""
            files = f"{_count(n, 'file')} checked" + (f" ({of_them})" if of_them else "")
            if e or skipped:
                counts = [f"{len(self.scores) + unscored} checked"] + [of_them] * bool(of_them)
                counts += [f"{skipped} not checked"] * bool(skipped) + [f"{e} with errors"] * bool(e)
                files = f"{_count(n, 'file')} ({', '.join(counts)})"
            self.out.write(f"{files}: {_count(f, 'finding')}{mean}.\n")
        if self.ctx.statistics is not None:
            self.ctx.statistics.write_text(self.out, self.ctx.run)
