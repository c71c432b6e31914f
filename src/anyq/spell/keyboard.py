"""Keyboard layouts and the cost of one typing slip.

Russian: ЙЦУКЕН. Kazakh: the standard Windows/Linux Kazakh layout (РСТ КазССР 903-90), which is
ЙЦУКЕН with the nine Kazakh letters on the number row: 2 ә, 3 і, 4 ң, 5 ғ, 8 ү, 9 ұ, 0 қ,
- ө, = һ. A slip onto a neighbouring key is cheaper than any other wrong letter; so is a
Kazakh letter typed as its Russian base letter (қ → к: the Kazakh letter needs the number row
or a layout switch), and a doubled or dropped repeated letter.
"""

from __future__ import annotations

from functools import cache

# (row, rows' letters from the leftmost key); x offsets follow a standard staggered keyboard.
_ROW_OFFSET = (0.0, 1.5, 1.75, 2.25)
_RU_ROWS = ("ё1234567890-=", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю.")
_KK_ROWS = ("(\"әіңғ,.үұқө", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю№")
# һ sits on the «=» key right of ө.
_KK_EXTRA = {"һ": (0, 12)}

# Kazakh letter → the Russian letter typed for it without a Kazakh layout.
KAZAKH_BASE = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"}
# Russian letter → Kazakh letters it may stand for.
KAZAKH_FROM_BASE: dict[str, tuple[str, ...]] = {}
for _k, _b in KAZAKH_BASE.items():
    KAZAKH_FROM_BASE[_b] = KAZAKH_FROM_BASE.get(_b, ()) + (_k,)

# Orthographic confusions that are not keyboard slips: unstressed vowels, voicing pairs.
_VOWEL_PAIRS = {frozenset(p) for p in ("ао", "еи", "яи", "ея", "ыи", "ую", "ьъ", "ыі", "еі", "әе", "өү", "ұы", "үі")}
_VOICING = {frozenset(p) for p in ("бп", "вф", "гк", "дт", "жш", "зс", "ғқ")}


@cache
def _positions(lang: str) -> dict[str, tuple[float, float]]:
    rows = _KK_ROWS if lang == "kk" else _RU_ROWS
    pos: dict[str, tuple[float, float]] = {}
    for r, letters in enumerate(rows):
        for c, ch in enumerate(letters):
            pos.setdefault(ch, (float(r), c + _ROW_OFFSET[r]))
    if lang == "kk":
        for ch, (r, c) in _KK_EXTRA.items():
            pos[ch] = (float(r), c + _ROW_OFFSET[r])
    return pos


@cache
def neighbours(lang: str) -> dict[str, frozenset[str]]:
    """Letters on keys touching each letter's key."""
    pos = _positions(lang)
    out: dict[str, set[str]] = {ch: set() for ch in pos}
    items = list(pos.items())
    for a, (ra, xa) in items:
        for b, (rb, xb) in items:
            if a != b and abs(ra - rb) <= 1 and abs(xa - xb) <= 1.0 + 1e-9:
                out[a].add(b)
    return {k: frozenset(v) for k, v in out.items()}


def substitution_cost(typed: str, meant: str, lang: str) -> float:
    """Cost of ``typed`` appearing where ``meant`` belongs (0 < cost ≤ 1)."""
    if typed == meant:
        return 0.0
    if {typed, meant} == {"е", "ё"}:
        return 0.1
    if lang == "kk" and KAZAKH_BASE.get(meant) == typed:
        return 0.3  # қазақ typed as казак
    if typed in neighbours(lang).get(meant, ()):
        return 0.6
    pair = frozenset((typed, meant))
    if pair in _VOWEL_PAIRS or pair in _VOICING:
        return 0.7
    return 1.0


def extra_letter_cost(word: str, i: int, lang: str) -> float:
    """Cost of ``word[i]`` being a letter typed by mistake (the right word lacks it)."""
    ch = word[i]
    left = word[i - 1] if i > 0 else ""
    right = word[i + 1] if i + 1 < len(word) else ""
    if ch in (left, right):
        return 0.5  # a key pressed twice
    near = neighbours(lang).get(ch, frozenset())
    if left in near or right in near:
        return 0.7  # the finger brushed the next key
    return 0.9


def missing_letter_cost(word: str, i: int, ch: str, lang: str) -> float:
    """Cost of ``ch`` missing before ``word[i]`` (the right word has it there)."""
    left = word[i - 1] if i > 0 else ""
    right = word[i] if i < len(word) else ""
    if ch in (left, right):
        return 0.5  # one of a double letter dropped: «комисия»
    return 0.8
