"""A hyphenated word typed with spaces at its hyphen: «жан - жақты», «из - за», «іс - шаралар».

T107 reads « - » between words as a dash and would write «жан — жақты». Here the two sides
joined make one word: pymorphy3's dictionary knows it («из-за», «кто-то», «во-первых»), it is a
Kazakh paired word of ``rules/data/kk_paired_words.txt`` with its endings («іс-шараларды»), or
it is one word said twice («тез - тез»). Then the repair joins them, never a dash.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from anyq.resources import rules_words

# two words with a hyphen spaced on one or both sides (a single space: wider gaps are T102's)
_SPACED = re.compile(r"(?<![\w-])([^\W\d_]+)(?: - | -|- )([^\W\d_]+)(?![\w-])")
# the longest ending a paired word takes in a letter («-ларыңыздағы» is 11 letters)
_MAX_ENDING = 11


@dataclass(frozen=True, slots=True)
class SpacedHyphen:
    start: int
    end: int
    word: str  # the parts joined with a bare hyphen, as written


@cache
def kk_paired_words() -> frozenset[str]:
    return frozenset(rules_words("kk_paired_words.txt"))


def _kk_paired(lower: str) -> bool:
    pairs = kk_paired_words()
    if lower in pairs:
        return True
    # the entry plus endings: «іс-шараларды» is «іс-шара» + «лар» + «ды»
    head = lower[: lower.index("-") + 1]
    return any(p.startswith(head) and lower.startswith(p) and len(lower) - len(p) <= _MAX_ENDING for p in pairs)


def find(text: str, known_ru: Callable[[str], bool]) -> Iterator[SpacedHyphen]:
    """Each spaced hyphen whose joined word is one word; ``known_ru`` is a whole-word test of
    the Russian dictionary (a hyphenated word is not accepted part by part)."""
    if " -" not in text and "- " not in text:
        return
    for m in _SPACED.finditer(text):
        first, second = m.group(1), m.group(2)
        word = f"{first}-{second}"
        lower = word.lower()
        if first.lower() == second.lower() or known_ru(lower) or _kk_paired(lower):
            yield SpacedHyphen(m.start(), m.end(), word)
