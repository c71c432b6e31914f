"""Kazakh letters stored in the slots of old Kazakh fonts: «Салыќ жѕне … тґленетін … жылєы».

Before Unicode, Kazakh fonts put the nine Kazakh letters into the byte values Windows-1251
gives to Serbian, Macedonian, Ukrainian and Belarusian letters. A document typed in such a
font and later read with an ordinary one shows those letters instead of the Kazakh ones.

Seen in real official text: ќ → қ, ѕ → ә, ґ → ө, є → ғ. The standard KZ-1048 encoding read as
Windows-1251 gives a related family (ќ қ, ћ һ, ў ұ, ј ә, ґ ө, є ғ, ѕ ң, ї ү): the same slots
for қ ө ғ, but ә and ң swapped. So the mapping is not assumed; it is worked out per document
from dictionary evidence. Every letter of neither alphabet (ђ ѓ ќ ћ џ љ њ ў ј ґ є ї ѕ and their
capitals) is tried as each Kazakh letter in every word that has one; a mapping gets a vote
from each word it turns into a known Kazakh word; each letter takes the Kazakh letter with
most votes. The slots seen in real text, then KZ-1048's, break ties and cover letters no known
word has voted on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import product

from anyq.text.letters import KAZAKH_LOWER

SUBSTITUTES = "ђѓќћџљњўјґєїѕ"
# Prior, in order of trust: the slots seen in real text, then KZ-1048 read as Windows-1251.
OBSERVED = {"ќ": "қ", "ѕ": "ә", "ґ": "ө", "є": "ғ"}
KZ1048_AS_1251 = {"ќ": "қ", "ћ": "һ", "ў": "ұ", "ј": "ә", "ґ": "ө", "є": "ғ", "ѕ": "ң", "ї": "ү"}
_UPPER = {s: s.upper() for s in SUBSTITUTES}
_ALL = SUBSTITUTES + SUBSTITUTES.upper()
_WORD = re.compile(rf"[\u0400-\u04ff]*[{_ALL}][\u0400-\u04ff]*")
ANY_SUBSTITUTE = re.compile(f"[{_ALL}]")
_MAX_DISTINCT = 4


@dataclass(frozen=True, slots=True)
class Substituted:
    start: int
    end: int
    text: str
    word: str  # with Kazakh letters
    known: bool  # the repaired word is a dictionary word
    mapping: tuple[tuple[str, str], ...]  # (substitute, Kazakh letter), lower case


def _prior(s: str) -> list[str]:
    order = [OBSERVED.get(s), KZ1048_AS_1251.get(s)]
    return [k for k in dict.fromkeys(order) if k] + [k for k in KAZAKH_LOWER if k not in order]


def _apply(word: str, mapping: dict[str, str]) -> str:
    out = []
    for ch in word:
        low = ch.lower()
        if low in mapping:
            k = mapping[low]
            out.append(k.upper() if ch != low else k)
        else:
            out.append(ch)
    return "".join(out)


def find(text: str, known: Callable[[str], bool], spans: list[tuple[int, int]] | None = None) -> list[Substituted]:
    """Words of ``text`` (or of the given spans) with old-font substitutes, repaired.

    ``known(lower_word)`` is the Kazakh dictionary.
    """
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    if spans is not None:
        words = [w for w in words if any(a <= w[0] < b for a, b in spans)]
    if not words:
        return []
    votes: dict[str, Counter] = {}
    readings: dict[str, list[dict[str, str]]] = {}
    for _, _, w in words:
        subs = sorted({ch.lower() for ch in w if ch.lower() in SUBSTITUTES})
        if len(subs) > _MAX_DISTINCT or w.lower() in readings:
            continue
        good: list[dict[str, str]] = []
        for letters in product(*(_prior(s) for s in subs)):
            mapping = dict(zip(subs, letters))
            if known(_apply(w, mapping).lower()):
                good.append(mapping)
                if len(good) >= 4:
                    break
        readings[w.lower()] = good
        for mapping in good:
            for s, k in mapping.items():
                votes.setdefault(s, Counter())[k] += 1 / len(good)
    chosen: dict[str, str] = {}
    for s in SUBSTITUTES:
        counter = votes.get(s)
        if counter:
            prior = _prior(s)
            chosen[s] = max(counter, key=lambda k: (round(counter[k], 6), -prior.index(k)))
        elif s in OBSERVED or s in KZ1048_AS_1251:
            chosen[s] = _prior(s)[0]
    out: list[Substituted] = []
    for start, end, w in words:
        subs = sorted({ch.lower() for ch in w if ch.lower() in SUBSTITUTES})
        good = readings.get(w.lower(), [])
        document_reading = {s: chosen[s] for s in subs if s in chosen}
        if good:
            # the document's reading if it makes a word, else the word's own best reading
            mapping = next((g for g in good if all(g[s] == chosen.get(s) for s in subs)), good[0])
            out.append(Substituted(start, end, w, _apply(w, mapping), True, tuple(sorted(mapping.items()))))
        elif len(document_reading) == len(subs) and all(votes.get(s) for s in subs):
            # a name or rare word: the letters every known word of the document agrees on
            out.append(Substituted(start, end, w, _apply(w, document_reading), False, tuple(sorted(document_reading.items()))))
    return out
