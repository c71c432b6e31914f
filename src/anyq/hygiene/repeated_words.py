"""A word typed twice in a row on one line: «в в», «для для для» (T104), and what its fix is.

Most repeats are a slip, and the fix keeps one word. A word said twice on purpose is a
reduplication, which both languages write with a hyphen: «чуть-чуть», «еле-еле», «бірте-бірте»,
«тез-тез». Deleting half of it changes the meaning («задержался чуть») or leaves no word
(«бірте»), so:

- when the hyphenated form is a word our dictionaries know (pymorphy3's, or a Kazakh paired
  word of ``rules/data/kk_paired_words.txt``; the test T114 uses), the fix writes it;
- a Kazakh content word said twice («жиі жиі», «үлкен үлкен») may be a reduplication missing its
  hyphen (Kazakh hyphenates every repeated-word reduplication) or a slip («Өтініш өтініш»):
  reported with both readings and no fix;
- anything else (a Russian word, a Kazakh function word: «үшін үшін», three copies) keeps one word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from anyq.hygiene.spaced_hyphen import _kk_paired
from anyq.resources import rules_words

_SPACE = re.compile(r"[ \u00a0]+")


@dataclass(frozen=True, slots=True)
class Repeat:
    start: int
    end: int
    word: str  # the first copy, as written: what deleting the repeat leaves
    hyphenated: str | None  # the two copies joined by a hyphen (a pair only)
    fix: str | None  # ``word``, ``hyphenated``, or None when only the writer can tell


@cache
def kk_function_words() -> frozenset[str]:
    return frozenset(rules_words("kk_stopwords.txt"))


def find(text: str, regex: re.Pattern[str], lang_at: Callable[[int], str], known_ru: Callable[[str], bool]) -> Iterator[Repeat]:
    """Each repeat ``regex`` (T104's) finds, with its fix; ``known_ru`` is a whole-word test of
    the Russian dictionary, ``lang_at`` the language of the paragraph at an offset."""
    for m in regex.finditer(text):
        word = m.group(1)
        copies = _SPACE.split(m.group())
        if len(copies) != 2:
            yield Repeat(m.start(), m.end(), word, None, word)
            continue
        hyphenated = f"{copies[0]}-{copies[1]}"
        lower = hyphenated.lower()
        # a one- or two-letter word said twice is a slip («в в», «то то»), even where the
        # hyphenated form is a word («то-то»)
        if len(word) > 2 and (known_ru(lower) or _kk_paired(lower)):
            yield Repeat(m.start(), m.end(), word, hyphenated, hyphenated)
        elif lang_at(m.start()) == "kk" and word.lower() not in kk_function_words():
            yield Repeat(m.start(), m.end(), word, hyphenated, None)
        else:
            yield Repeat(m.start(), m.end(), word, hyphenated, word)
