"""What a regex rule's match needs, declared in its data and tested first: ``params.needs``
names a test of this module, ``params.needs_any`` lists strings of which a text holding a
match holds at least one.

A document-wide regex such as T104's (a word, a space, the same word again) tries its whole
pattern at nearly every letter of the text, which cost 3 % of a check. The rule declares what
any match of it must have, and the engine skips the regex on a text without it. A test is a
necessary condition only: when it holds, the regex runs as before, so the findings are the
same with and without it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice
from operator import eq

_LETTER_RUN = re.compile(r"[^\W\d_]+")

# Python's str.lower() and the regex engine's case-blind comparison agree letter by letter,
# except for «İ» (lowered to two characters) and «Σ» (lowered by its place in the word)
_LOWERS_APART = re.compile("[İΣ]")


def repeated_word(text: str) -> bool:
    """Whether two neighbouring words of ``text`` (runs of letters) are the same, case-blind:
    what a pattern needs that repeats a word through a back-reference (``([^\\W\\d_]++)…\\1``)."""
    if _LOWERS_APART.search(text):
        return True
    words = list(map(str.lower, _LETTER_RUN.findall(text)))
    return any(map(eq, words, islice(words, 1, None)))


NEEDS: dict[str, Callable[[str], bool]] = {
    "repeated-word": repeated_word,
}


def any_of(strings: list[str]) -> Callable[[str], bool]:
    """A test for ``params.needs_any``: does the text hold one of ``strings``? (``in`` runs at
    C speed, far faster than a pattern tried at every space.)"""
    strings = list(strings)

    def holds(text: str) -> bool:
        for s in strings:
            if s in text:
                return True
        return False

    return holds


def need_of(params: dict) -> Callable[[str], bool] | None:
    """The test a rule's ``params`` declare, or None."""
    if params.get("needs"):
        return NEEDS[params["needs"]]
    if params.get("needs_any"):
        return any_of(params["needs_any"])
    return None
