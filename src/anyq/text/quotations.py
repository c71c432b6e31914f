"""Where a text quotes: «…» (nested «…„…“…» or «…«…»…» counted as one), „…“ and “…”, and
straight "…" paired on one line.

What stands in quotes is not the writer's wording to change: the title of a law or a programme
(Закон «О порядке рассмотрения обращений…»), the name of an organisation, the citizen's own
words (Вы пишете: «…»). The runner keeps jargon findings out of them.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_OPEN = {"«": "»", "„": "“", "“": "”"}
_ANY = re.compile(r'[«»„“”"\n]')


def spans(text: str) -> list[tuple[int, int]]:
    """The quotations' inner spans, in order, outermost only. A quotation closes within its
    paragraph (a blank line ends an unclosed one, which then quotes nothing): the runner reads
    each paragraph of a letter on its own, since a plain line break may end one too."""
    if "«" not in text and "„" not in text and "“" not in text and '"' not in text:
        return []
    found: list[tuple[int, int]] = []
    stack: list[str] = []
    start = 0
    straight = -1  # where an open straight quote stands on this line
    prev_newline: int | None = None
    for m in _ANY.finditer(text):
        ch, at = m.group(), m.start()
        if ch == "\n":
            straight = -1
            if prev_newline is not None and text[prev_newline + 1 : at].strip() == "":
                stack.clear()  # a blank line: the paragraph ends, an open quotation with it
            prev_newline = at
            continue
        if ch == '"':
            if stack:
                continue  # straight quotes inside «…» belong to it
            if straight < 0:
                straight = at
            else:
                found.append((straight + 1, at))
                straight = -1
            continue
        if stack and ch == _OPEN[stack[-1]] or (stack and ch == "»" and "«" in stack):
            # «…„…“…»: the inner pair closes first; an outer « closes on » whatever is open inside
            while stack and _OPEN[stack[-1]] != ch:
                stack.pop()
            if stack:
                stack.pop()
            if not stack:
                found.append((start, at))
        elif ch in _OPEN:
            if not stack:
                start = at + 1
            stack.append(ch)
    # a «…» inside straight quotes closes before them: in order, outermost only, for :func:`inside`
    found.sort(key=lambda s: (s[0], -s[1]))
    outer: list[tuple[int, int]] = []
    for s in found:
        if not outer or s[0] >= outer[-1][1]:
            outer.append(s)
    return outer


def inside(quoted: list[tuple[int, int]], start: int, end: int) -> bool:
    """The span ``start``–``end`` lies within one quotation of ``quoted`` (from :func:`spans`)."""
    i = bisect_right(quoted, (start, float("inf"))) - 1
    return i >= 0 and quoted[i][0] <= start and end <= quoted[i][1]
