"""The document model: extracted text plus the map back to where it came from."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any


def blank_out(text: str, spans: list[tuple[int, int]], fill: str = " ") -> str:
    """``text`` with the characters of ``spans`` replaced by ``fill``, line breaks kept, so that
    offsets and line numbers do not move (skipped ranges; code that markup is read around)."""
    if not spans:
        return text
    parts, at = [], 0
    for a, b in sorted(spans):
        a = max(a, at)
        if a >= b:
            continue
        parts += [text[at:a], "\n".join(fill * len(x) for x in text[a:b].split("\n"))]
        at = b
    parts.append(text[at:])
    return "".join(parts)


class LineIndex:
    """Maps character offsets of a text to 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        # line k starts after the k lines before it and their k newlines; the sums come from
        # C (split, len, accumulate) instead of a find call per line
        lengths = accumulate(map(len, text.split("\n")[:-1]), initial=0)
        self._starts = [n + k for k, n in enumerate(lengths)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """``position(start) + position(end)``, with one search when the span ends on the line it
        starts on, as nearly every finding does."""
        starts = self._starts
        i = bisect.bisect_right(starts, start)
        j = i if start <= end and (i == len(starts) or end < starts[i]) else bisect.bisect_right(starts, end)
        return i, start - starts[i - 1] + 1, j, end - starts[j - 1] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offsets of a 1-based line (end excludes the newline)."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else None
        return start, end if end is not None else -1


@dataclass(slots=True)
class Block:
    """A stretch of extracted text that a reader can locate in the original file.

    ``location`` holds the format's own coordinates (a .docx paragraph or table cell,
    a PDF page); plain-text formats leave it empty because line and column say it all.
    """

    start: int
    end: int
    location: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Paragraph:
    """A unit that is language-tagged and linted on its own."""

    index: int
    start: int
    end: int
    text: str
    lang: str = "other"
    location: dict[str, Any] = field(default_factory=dict)
    # "heading", "list", "body" … set by the paragraph splitter for Markdown structure.
    role: str = "body"
    # a table cell's table (numbered through the document), row and column, from 1: the reply
    # reading pairs a row's label with its value («Основание отказа | …»); None outside tables
    grid: tuple[int, int, int] | None = None

    @property
    def table_cell(self) -> bool:
        """A table's cell: a .docx or .odt cell carries its coordinates, a Markdown or tabbed
        plain-text cell its role. A cell is a label or a value, not a sentence."""
        return self.role == "table" or "cell" in self.location or self.grid is not None


@dataclass(slots=True)
class SourceDocument:
    """What a reader returns: the text to lint and where it came from.

    ``blocks`` are the paragraphs as the reader found them (each becomes one linted
    paragraph, with the block's location); ``positions`` is an optional finer map from
    offsets to locations (a PDF's page and line) consulted first.
    """

    path: str
    text: str
    format: str = "txt"
    encoding: str | None = None
    blocks: list[Block] | None = None
    # Ranges of ``text`` that are not prose to lint (Markdown code, HTML comments).
    skipped: list[tuple[int, int]] = field(default_factory=list)
    # Ranges of ``text`` that are markup around the words («**», «_», a quote's «>»): the
    # linter reads a copy without them, as without soft hyphens (anyq.text.invisible).
    markup: list[tuple[int, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    positions: list[Block] | None = None
    _starts: dict[int, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def location_at(self, offset: int) -> dict[str, Any]:
        for spans in (self.positions, self.blocks):
            if not spans:
                continue
            starts = self._starts.get(id(spans))
            if starts is None:
                starts = self._starts[id(spans)] = [b.start for b in spans]
            i = bisect.bisect_right(starts, offset) - 1
            if i >= 0 and spans[i].start <= offset <= spans[i].end:
                return dict(spans[i].location)
        return {}

    def __getstate__(self):  # pickled from the reader worker: the cache stays behind
        return (self.path, self.text, self.format, self.encoding, self.blocks, self.skipped, self.markup, self.notes, self.positions)

    def __setstate__(self, state):
        (self.path, self.text, self.format, self.encoding, self.blocks, self.skipped, self.markup, self.notes, self.positions) = state
        self._starts = {}


def excerpt(text: str, limit: int = 60) -> str:
    """The start of a paragraph, cut at a word, for finding it in a word processor."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"
