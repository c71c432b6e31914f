"""Syllables by vowel letters: exact for Russian, and for Kazakh with «у» handled.

Russian: every vowel letter а е ё и о у ы э ю я is one syllable (Russian has no
diphthongs); й ъ ь and consonant-only words («в», «с») make none.

Kazakh (conventions of corpora/syllables/README.md): а ә е ё и о ө ұ ү ы і э ю я are
syllables; «и» is always one (after a consonant it is [ɪj], after a vowel it only occurs
in loans, where it is a full vowel). «у» is a vowel+glide after a consonant (оқу, су) and
only the glide [w] after a vowel letter (тау, ауыл, хабарлау) — except in loans, which
follow the Russian norm (аудит = а-у-дит) — and after «и» (радиус). Word-initial «у» is
the glide before a vowel (уақыт, уәде) and a nucleus before a consonant (университет).
"""

from __future__ import annotations

from functools import lru_cache

from anyq.resources import rules_words

RU_VOWELS = frozenset("аеёиоуыэюя")
KK_VOWELS = frozenset("аәеёиоөұүыіэюя")  # «у» is decided by position
_RUSSIAN_ONLY = frozenset("вфцчщёэъь")
_KAZAKH_ONLY = frozenset("әғқңөұүһі")


@lru_cache(maxsize=100_000)
def count_ru(word: str) -> int:
    return sum(1 for ch in word.lower() if ch in RU_VOWELS)


@lru_cache(maxsize=1)
def _loan_roots() -> tuple[str, ...]:
    return rules_words("kk_loan_vowel_u.txt")


def _is_loan_before(w: str, i: int) -> bool:
    """Is the «у» at ``w[i]`` inside a loan root (Russian pronunciation norm)?"""
    head = w[:i]
    if any(ch in _KAZAKH_ONLY for ch in head):
        return False  # Әуезов, қауіпсіздік: a Kazakh letter before the «у» — native
    if any(ch in _RUSSIAN_ONLY for ch in w):
        return True  # пауза-like loans with в ф ц ч щ ё э ъ ь
    return w.startswith(_loan_roots())


@lru_cache(maxsize=100_000)
def count_kk(word: str) -> int:
    w = word.lower().replace("i", "і")  # a Latin «i» typed for «і» is still a vowel
    n = 0
    prev = ""
    for i, ch in enumerate(w):
        if ch in KK_VOWELS:
            n += 1
        elif ch == "у":
            if i == 0:
                nxt = w[1:2]
                n += not (nxt in KK_VOWELS or nxt == "у")  # уақыт: glide; университет, у: nucleus
            elif prev in KK_VOWELS and prev != "и" and not _is_loan_before(w, i):
                pass  # тау, ауыл, хабарлау: the glide [w]
            else:
                n += 1  # оқу, туу (second у), аудит, радиус
        prev = ch
    return n


def count(word: str, lang: str) -> int:
    """Syllables of one word in ``lang`` ("ru" or "kk")."""
    return count_kk(word) if lang == "kk" else count_ru(word)
