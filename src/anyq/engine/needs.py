"""What a regex rule's match needs, declared in its data (``params.needs``) and tested first.

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
