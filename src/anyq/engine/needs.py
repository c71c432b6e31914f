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

# the letters ending a chunk of text (a word after a bracket or a quote: «(в», "«для"). The
# look-behind starts a try only where a run of letters starts: without it a search of a long
# word followed by a mark («ааа….», 40,000 letters) retried from every letter and took 20 s.
_LETTER_TAIL = re.compile(r"(?<![^\W\d_])[^\W\d_]+\Z")

# Python's str.lower() and the regex engine's case-blind comparison agree letter by letter,
# except for «İ» (lowered to two characters) and «Σ» (lowered by its place in the word)
_LOWERS_APART = ("İ", "Σ")

# A lower-case chunk → the word it ends with (its letters after the last other character), or
# a space for a chunk ending in no letter: no chunk starts with a space. Kept across texts, as
# letters repeat their vocabulary, and bounded like the other per-word caches.
_LAST_WORD: dict[str, str] = {}
_MAX_CHUNKS = 100_000


def repeated_word(text: str) -> bool:
    r"""Whether a word of ``text`` (a run of letters) ends one whitespace-separated chunk and
    starts the next, case-blind: what a pattern needs that repeats a word across whitespace
    through a back-reference (``([^\W\d_]++)\s+\1``).

    Only C-level passes over the chunks, as finding the words with a regex would cost what the
    pattern itself costs: each chunk's last word is looked up (``_LAST_WORD``; read by a regex
    the first time a chunk is seen), and the pair needs the next chunk to start with it.
    """
    if any(map(text.__contains__, _LOWERS_APART)):
        return True
    chunks = text.lower().split()
    if len(chunks) < 2:
        return False
    try:
        return _word_starts_next(chunks)
    except KeyError:  # a chunk not seen before
        if len(_LAST_WORD) >= _MAX_CHUNKS:
            _LAST_WORD.clear()
        for c in chunks:
            if c not in _LAST_WORD:
                m = _LETTER_TAIL.search(c)
                _LAST_WORD[c] = m.group() if m is not None else " "
        return _word_starts_next(chunks)


def _word_starts_next(chunks: list[str]) -> bool:
    """``repeated_word`` over the lower-case chunks, each of which is in ``_LAST_WORD`` (a
    KeyError otherwise)."""
    last_words = map(_LAST_WORD.__getitem__, chunks)
    for i in compress(range(len(chunks) - 1), map(str.startswith, islice(chunks, 1, None), last_words)):
        if not chunks[i].isalpha():
            return True  # a word after other characters: the regex sorts it out
        # a chunk of letters only: the next one must not go on with a letter or a hyphen
        w, rest = chunks[i], chunks[i + 1]
        tail = rest[len(w) : len(w) + 1]
        if not tail or not (_LETTER_TAIL.match(tail) or tail == "-"):
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
