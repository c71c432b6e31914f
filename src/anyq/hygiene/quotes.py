"""Straight (or English curly) quotes (T106): «ёлочки» around a quotation, „лапки“ inside one.

Nested straight quotes are the usual spelling of Kazakhstani organisation names, in two shapes:
the inner name closes with the outer one («НАО "Госкорпорация "Правительство для граждан""»,
«ТОО "Компания "Береке""»), or, in Kazakh word order, one quote opens both («"Қазақстан темір
жолы" ҰК" АҚ»). Each is one quotation with one fix: «Госкорпорация „Правительство для
граждан“», «„Қазақстан темір жолы“ ҰК» АҚ». A nesting that never closes («"Госкорпорация
"Правительство для граждан"») is reported with no fix: no pairing of its quotes is sure, and
fixing the inner pair alone would leave the outer quote open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# a pair of straight (or English curly) quotes around 1–200 characters on one line; not a
# quote right after a letter, digit or «=» (inches, HTML attributes)
# (begins with the quote and looks back from it, so the engine jumps from quote to quote)
PAIR = re.compile(r'["“](?<![=\w]["“])(?P<inner>[^"“”\s][^"“”\n]{0,199}?)["”](?!\w)')
OUTER = ("«", "»")
INNER = ("„", "“")  # quotes inside quotes, as Russian typography has them
_QUOTES = '"“”'
_MAX = 200  # characters of a quotation's text on either side of the one nested in it
_TAIL_MAX = 60  # «" ҰК"», «" мемлекеттік корпорациясы"»: a name's form, not a clause
_WORDLIKE = re.compile(r"[=\w]")
_TAIL = re.compile(r" [^.!?;:\n]*(?<=[^\W\d_]|\))")  # words after the name, ending in a letter or «)»


@dataclass(frozen=True, slots=True)
class Quotation:
    start: int
    end: int
    fix: str | None  # the quotation in «» (and „“ inside); None when the pairing is not sure


def _last_quote(text: str, lo: int, hi: int) -> int:
    return max(text.rfind(q, lo, hi) for q in _QUOTES)


def _first_quote(text: str, lo: int, hi: int) -> int:
    found = [i for i in (text.find(q, lo, hi) for q in _QUOTES) if i >= 0]
    return min(found) if found else -1


def _opens(text: str, i: int) -> bool:
    """Can the quote at ``i`` open a quotation (as PAIR's opening quote can)?"""
    nxt = text[i + 1 : i + 2]
    return (
        text[i] in '"“'
        and (i == 0 or not _WORDLIKE.match(text[i - 1]))
        and nxt != ""
        and not nxt.isspace()
        and nxt not in _QUOTES
    )


def _closes(text: str, i: int) -> bool:
    """Can the quote at ``i`` close a quotation (after a non-space, before no word character)?"""
    return text[i] in '"”' and i > 0 and not text[i - 1].isspace() and not _WORDLIKE.match(text[i + 1 : i + 2] or " ")


def find(text: str) -> list[Quotation]:
    """The quotations in straight quotes, in text order: PAIR's matches, each taken with the
    quotation around it when it is nested in one."""
    out: list[Quotation] = []
    pos = 0
    done = 0  # quotes before this offset belong to a quotation already found
    # The pairs come in text order, so the line start and the «» balance on the line are
    # carried forward from the last pair, not counted again from the line start for each pair:
    # a letter on one long line (a .docx paragraph) took quadratic time.
    line_start = 0
    seen = 0  # line_start and opened_on_line are counted up to this offset
    opened_on_line = 0  # «» opened and not closed between line_start and seen
    while (m := PAIR.search(text, pos)) is not None:
        s, e = m.span()
        inner = m.group("inner")
        newline = text.rfind("\n", seen, s)
        if newline >= 0:
            line_start = seen = newline + 1
            opened_on_line = 0
        opened_on_line += text.count("«", seen, s) - text.count("»", seen, s)
        seen = s
        lo = max(line_start, done)
        before = _last_quote(text, lo, s)
        # a quote more than _MAX after the pair counts for nothing below: look no further
        hi = text.find("\n", e, e + _MAX + 1)
        after = _first_quote(text, e, hi if hi >= 0 else e + _MAX + 1)
        if before >= 0 and s - before <= _MAX and _opens(text, before):
            # the pair is inside a quotation opened before it: «"Госкорпорация "Правительство…""»
            closed = after >= 0 and after - e <= _MAX and _closes(text, after)
            outer = _last_quote(text, lo, before)
            if closed and not (outer >= 0 and _opens(text, outer)):
                fix = f"{OUTER[0]}{text[before + 1 : s]}{INNER[0]}{inner}{INNER[1]}{text[e:after]}{OUTER[1]}"
                out.append(Quotation(before, after + 1, fix))
                pos = done = after + 1
            else:
                # an outer quote left open (or a third level): which quote pairs with which is a guess
                out.append(Quotation(before, e, None))
                pos = done = e
            continue
        if after >= 0 and _closes(text, after) and _TAIL.fullmatch(text, e, after) and after - e <= _TAIL_MAX:
            # one quote opens the name and the quotation around it: «"Қазақстан темір жолы" ҰК" АҚ»
            fix = f"{OUTER[0]}{INNER[0]}{inner}{INNER[1]}{text[e:after]}{OUTER[1]}"
            out.append(Quotation(s, after + 1, fix))
            pos = done = after + 1
            continue
        # a pair inside «ёлочки» takes „лапки“: «Госкорпорация "Правительство для граждан"»
        left, right = INNER if opened_on_line > 0 else OUTER
        out.append(Quotation(s, e, f"{left}{inner}{right}"))
        pos = done = e
    return out
