"""A hyphenated word typed with spaces at its hyphen: «жан - жақты», «из - за», «іс - шаралар».

T107 reads « - » between words as a dash and would write «жан — жақты». Here the two sides
joined make one word: pymorphy3's dictionary knows it («из-за», «кто-то», «во-первых»), it is a
Kazakh paired word of ``rules/data/kk_paired_words.txt`` with its endings («іс-шараларды»), or
it is one word said twice («тез - тез»). Then the repair joins them, never a dash.

A compound our dictionaries lack is joined too when its form shows it: a first part that is
never a word of its own («мини - центра», «вице - министр»); a Russian relative adjective's
short form, which stands only as a compound's first part («процедурно - процессуального»,
pymorphy3 gives it no adverb and no quality), before an adjective; two Kazakh relational
adjectives («әлеуметтік - мәдени», «рәсімдік - процестік»); two words alone in quotation marks,
a name («"Самұрық - Қазына"»). Where the form allows both readings (an adverb before an
adjective: «качественно - новые окна» may be «работы выполнены качественно — новые окна…»; a
Kazakh word before a relational adjective and a noun: «тұрғын үй - коммуналдық шаруашылық») it
is reported with both and no fix (``sure`` False), and T107's dash is not written either.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from anyq.resources import rules_words

# two words with a hyphen spaced on one or both sides (a single space: wider gaps are T102's)
_SPACED = re.compile(r"(?<![\w-])([^\W\d_]+)(?: - | -|- )([^\W\d_]+)(?![\w-])")
# the longest ending a paired word takes in a letter («-ларыңыздағы» is 11 letters)
_MAX_ENDING = 11


# first parts written only with a hyphen, never a word of their own in a letter
_PREFIXOIDS = frozenset({"вице", "экс", "мини", "макси", "медиа"})
# a Kazakh relational adjective («әлеуметтік», «рәсімдік», «коммуналдық»: Russian spells no
# word so), and a loan adjective in -и («мәдени», «ғылыми») after one
_KK_RELATIONAL = re.compile(r"[лдт](?:ық|ік)\Z")
_KK_LOAN_ADJECTIVE = re.compile(r"[^\W\d_]{3}и\Z")
_OPENING, _CLOSING = "«\"“„'", "»\"”“'"
_NEXT_WORD = re.compile(r" ([а-яёәғқңөұүһі]+)")


@dataclass(frozen=True, slots=True)
class SpacedHyphen:
    start: int
    end: int
    word: str  # the parts joined with a bare hyphen, as written
    sure: bool = True  # False: a hyphenated word or a dash, only the writer can tell


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


def _kk_function_words() -> frozenset[str]:
    from anyq.hygiene.repeated_words import kk_function_words

    return kk_function_words()


def _compound(text: str, m: re.Match[str], ru_tags: Callable[[str], Sequence[str]]) -> bool | None:
    """Whether the spaced hyphen ``m`` is a compound's by its form: True (sure), None (a
    compound or a dash), False (no sign of a compound)."""
    first, second = m.group(1), m.group(2)
    if first.lower() in _PREFIXOIDS:
        return True
    before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
    if before and after and before in _OPENING and after in _CLOSING:
        return True  # «"Самұрық - Қазына"»: the two words alone in quotation marks, a name
    if not (first[1:].islower() and second.islower()):
        return False  # a name: «Алматы - Астана»
    if _KK_RELATIONAL.search(first) and (_KK_RELATIONAL.search(second) or _KK_LOAN_ADJECTIVE.search(second)):
        return True  # «әлеуметтік - мәдени», «рәсімдік - процестік» (also starting a sentence)
    if not first.islower():
        return False
    if first[-1] in "ое" and any(t.startswith("ADJF") for t in ru_tags(second)):
        left = ru_tags(first)
        if left and all(t.startswith("ADJS") and "Qual" not in t for t in left):
            return True  # «процедурно»: no adverb, no quality: only a compound's first part
        if any(t.startswith(("ADVB", "ADJS")) for t in left):
            return None  # «качественно - новые»: «качественно-новые» or «…качественно — новые окна»
    if _KK_RELATIONAL.search(second):
        nxt = _NEXT_WORD.match(text, m.end())
        if nxt and nxt.group(1) not in _kk_function_words():
            return None  # «үй - коммуналдық шаруашылық»: a compound's last part before its noun?
    return False


def find(text: str, known_ru: Callable[[str], bool], ru_tags: Callable[[str], Sequence[str]] = lambda w: ()) -> Iterator[SpacedHyphen]:
    """Each spaced hyphen whose joined word is one word; ``known_ru`` is a whole-word test of
    the Russian dictionary (a hyphenated word is not accepted part by part), ``ru_tags`` gives
    pymorphy3's tags of a lower-case word («ADJS neut,sing»)."""
    if " -" not in text and "- " not in text:
        return
    for m in _SPACED.finditer(text):
        first, second = m.group(1), m.group(2)
        word = f"{first}-{second}"
        lower = word.lower()
        if first.lower() == second.lower() or known_ru(lower) or _kk_paired(lower):
            yield SpacedHyphen(m.start(), m.end(), word)
        else:
            compound = _compound(text, m, ru_tags)
            if compound is not False:
                yield SpacedHyphen(m.start(), m.end(), word, sure=compound is True)
