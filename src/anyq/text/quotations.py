"""Where a text quotes: «…», „…“, “…” and straight "…", nested in any order.

What stands in quotes is not the writer's wording to change: the title of a law or a programme
(Закон «О порядке рассмотрения обращений…»), the name of an organisation, the citizen's own
words (Вы пишете: «…»). The runner keeps jargon findings out of them, J353 leaves a chain with
a quoted noun alone, the speller skips quoted words (``skip_quoted``), and a citation takes
the title that follows an act's name. All of them read the quotations of a paragraph from
:func:`of`, computed once per paragraph text.

A quotation closes within its paragraph: one left open quotes nothing (a quote mark lost
must not hide the rest of a letter), except a «…» the next paragraph closes before it opens
another (a citizen's appeal quoted over two paragraphs; :func:`continued`), and the Kazakhstani name «Государственная корпорация
«Правительство для граждан» whose one » closes both: an outer « left open closes with the
last quotation nested in it. A straight quote after a digit opens nothing (24", the inch
mark), nor one after a letter and before a space or a stop (ТОО «Алем строй". a stray one);
one after a space and before a word opens a quotation nested in the straight one already
open (ТОО "Компания "Береке""). An apostrophe (Д'Артаньян, O'Brien) is no quote mark.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

_ANY = re.compile(r'[«»„“”"\n]')
_LIMIT = 4096  # paragraph texts kept by :func:`of`: all those of a long letter that quote


@dataclass(frozen=True, slots=True)
class Quotations:
    """The quotations of one paragraph. Offsets are the text's: a quotation's inner span runs
    from after its opening mark to its closing mark."""

    spans: tuple[tuple[int, int], ...]  # the outermost quotations' inner spans, in order
    closing: dict[int, int]  # every closed quotation, nested ones too: opening mark → closing mark
    # the outermost « left open at the paragraph's end, and the » that closes nothing when it is
    # the paragraph's first « or »: each -1 when there is none (see :func:`continued`)
    open_at: int = -1
    stray_close: int = -1


_NONE = Quotations((), {})


def _settle(stack: list[list], closing: dict[int, int]) -> None:
    """The quotations of ``stack`` left open, innermost first: one in which a quotation opened
    by the same mark closed ends with the last such (one » for «…«…»), and so may the one it
    is in; the others quote nothing."""
    while stack:
        mark, at, last = stack.pop()
        if last >= 0:
            closing[at] = last
            if stack and stack[-1][0] == mark:
                stack[-1][2] = last


@lru_cache(maxsize=_LIMIT)
def _scan(text: str) -> Quotations:
    closing: dict[int, int] = {}
    # the open quotations, innermost last: [opening mark, its offset, the closing mark of the
    # last quotation with the same mark closed inside it, or -1]
    stack: list[list] = []
    prev_newline: int | None = None
    stray_close = -1
    guillemets = False  # a « or » seen: a later stray » is no continuation

    def innermost(marks: str, level: bool = True) -> int:
        """The index in ``stack`` of the innermost open quotation opened by one of ``marks``;
        with ``level``, only inside the innermost «…» (a „…“ in it closes before it)."""
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] in marks:
                return k
            if level and stack[k][0] == "«":
                break
        return -1

    def close(k: int, at: int) -> None:
        _settle(stack[k + 1 :], closing)  # opened inside it and left open
        del stack[k + 1 :]
        mark, start, _ = stack.pop()
        closing[start] = at
        if stack and stack[-1][0] == mark:
            stack[-1][2] = at  # «…«…» may close here too

    for m in _ANY.finditer(text):
        ch, at = m.group(), m.start()
        if ch == "\n":
            if prev_newline is not None and text[prev_newline + 1 : at].strip() == "":
                _settle(stack, closing)  # a blank line: the paragraph ends, an open quotation with it
            prev_newline = at
        elif ch == "«" or ch == "„":
            stack.append([ch, at, -1])
            guillemets = guillemets or ch == "«"
        elif ch == "»":
            k = innermost("«", level=False)
            if k >= 0:
                close(k, at)
            elif not guillemets:
                stray_close = at
            guillemets = True
        elif ch == "“":
            k = innermost("„")  # „…“ as Russian writes it; else an English “…” opens
            if k >= 0:
                close(k, at)
            else:
                stack.append([ch, at, -1])
        elif ch == "”":
            k = innermost("“„")  # “…”, and „…” as some keyboards type it
            if k >= 0:
                close(k, at)
        else:  # a straight quote closes after a non-space, opens before one
            before = text[at - 1] if at else " "
            after = text[at + 1 : at + 2] or " "
            k = -1 if before.isspace() else innermost('"')
            if k >= 0:
                close(k, at)
            elif not before.isdigit() and (after.isalnum() or not before.isalpha() and not after.isspace()):
                stack.append([ch, at, -1])  # before a word, or after a space or a bracket: «Закона"О …"»
            # else an inch mark (24"), or a stray quote with none open («Алем строй".)
    left = [at for mark, at, _ in stack if mark == "«"]
    _settle(stack, closing)
    open_at = next((at for at in left if at not in closing), -1)
    # outermost only: a quotation is inside another when it opens within it
    spans: list[tuple[int, int]] = []
    for o in sorted(closing):
        if not spans or o >= spans[-1][1]:
            spans.append((o + 1, closing[o]))
    return Quotations(tuple(spans), closing, open_at, stray_close)


def continued(first: str, second: str) -> tuple[int, int] | None:
    """A quotation that runs on from paragraph ``first`` into the next, ``second``: a « left
    open at the end of ``first`` when the first « or » of ``second`` is a » that closes nothing
    (Вы пишете: «… ⏎⏎ … ответа нет»). Its inner span's end in ``first`` is that text's end,
    its start in ``second`` that text's start: (where it starts in ``first``, where it ends in
    ``second``); None for any other pair, so a quote mark lost still hides nothing."""
    head, tail = of(first).open_at, of(second).stray_close
    return (head + 1, tail) if head >= 0 and tail >= 0 else None


def of(text: str) -> Quotations:
    """The quotations of a paragraph's text; computed once for each text (the runner, the
    rules and the citation parser all ask about the same paragraphs)."""
    if "«" not in text and "„" not in text and "“" not in text and '"' not in text and "»" not in text:
        return _NONE  # most paragraphs quote nothing: no cache entry for them (a lone » may end
        # a quotation the paragraph before opened: see continued)
    return _scan(text)


def spans(text: str) -> tuple[tuple[int, int], ...]:
    """The quotations' inner spans, in order, outermost only (see :func:`of`)."""
    return of(text).spans


def inside(quoted: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """The span ``start``–``end`` lies within one quotation of ``quoted`` (from :func:`spans`)."""
    i = bisect_right(quoted, (start, float("inf"))) - 1
    return i >= 0 and quoted[i][0] <= start and end <= quoted[i][1]


_TOKENS = "anyq.quoted_tokens"  # doc.user_data: see quoted_tokens
_NO_TOKENS: frozenset[int] = frozenset()


def quoted_tokens(doc) -> frozenset[int]:  # noqa: ANN001 - a spaCy Doc (spaCy is not imported here)
    """The indices of the tokens of a paragraph's Doc that start inside a quotation; kept on
    the Doc (J353 and the speller both ask)."""
    found = doc.user_data.get(_TOKENS)
    if found is None:
        from anyq.nlp.normalize import doc_text

        # the Doc's text has its whitespace runs folded to one space: the same quotations
        found = _NO_TOKENS
        quoted = of(doc_text(doc)).spans
        if quoted:
            from anyq.nlp.strings import token_strings

            starts = token_strings(doc).idx
            found = frozenset(i for s, e in quoted for i in range(bisect_left(starts, s), bisect_left(starts, e)))
        doc.user_data[_TOKENS] = found
    return found
