"""What a regex rule's match needs, declared in its data and tested first: ``params.needs``
names a test of this module, ``params.needs_any`` lists strings of which a text holding a
match holds at least one.

A document-wide regex such as T104's (a word, a space, the same word again) tries its whole
pattern at nearly every letter of the text, 2–3 % of a check's time. The rule declares what
any match of it must have, and the engine skips the regex on a text without it. A test is a
necessary condition only: when it holds, the regex runs as before, so the findings are the
same with and without it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import compress, islice
from operator import gt, itemgetter

# the letters ending a chunk of text (a word after a bracket or a quote: «(в», "«для")
_LETTER_TAIL = re.compile(r"[^\W\d_]+\Z")

# Python's str.lower() and the regex engine's case-blind comparison agree letter by letter,
# except for «İ» (lowered to two characters) and «Σ» (lowered by its place in the word)
_LOWERS_APART = ("İ", "Σ")
_LAST = itemgetter(-1)


def repeated_word(text: str) -> bool:
    r"""Whether a word of ``text`` (a run of letters) ends one whitespace-separated chunk and
    starts the next, case-blind: what a pattern needs that repeats a word across whitespace
    through a back-reference (``([^\W\d_]++)\s+\1``).

    Only C-level passes over the chunks, as finding the words with a regex would cost what the
    pattern itself costs: a chunk of letters only is its own last word, so the pair needs the
    next chunk to start with it; a chunk ending in a letter or digit after other characters has
    its last letters read by a regex; a chunk ending in punctuation ends no word.
    """
    if any(map(text.__contains__, _LOWERS_APART)):
        return True
    chunks = text.lower().split()
    if len(chunks) < 2:
        return False
    n = len(chunks) - 1
    for i in compress(range(n), map(str.startswith, islice(chunks, 1, None), chunks)):
        if chunks[i].isalpha():
            w, rest = chunks[i], chunks[i + 1]
            tail = rest[len(w) : len(w) + 1]
            if not tail or not (_LETTER_TAIL.match(tail) or tail == "-"):
                return True
    # isalnum covers every letter the pattern's class does (and digits, which the regex sorts out)
    for i in compress(range(n), map(gt, map(str.isalnum, map(_LAST, chunks)), map(str.isalpha, chunks))):
        m = _LETTER_TAIL.search(chunks[i])
        if m is not None and chunks[i + 1].startswith(m.group()):
            return True
    return False


NEEDS: dict[str, Callable[[str], bool]] = {
    "repeated-word": repeated_word,
}


def any_of(strings: list[str]) -> Callable[[str], bool]:
    """A test for ``params.needs_any``: does the text hold one of ``strings``? (``in`` runs at
    C speed, far faster than a pattern tried at every space.)"""
    strings = tuple(strings)
    return lambda text: any(map(text.__contains__, strings))


def need_of(params: dict) -> Callable[[str], bool] | None:
    """The test a rule's ``params`` declare, or None."""
    if params.get("needs"):
        return NEEDS[params["needs"]]
    if params.get("needs_any"):
        return any_of(params["needs_any"])
    return None
