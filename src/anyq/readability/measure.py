"""Text counts per language and the readability figures computed from them.

Counting is one pass over the words the report already counts: per word a cached syllable
count and its length. The figures are computed once per document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from anyq.readability import formulas, kazakh
from anyq.readability.syllables import count_kk, count_ru

LONG_WORD_LETTERS = 6  # LIX: a long word has more than 6 letters
COMPLEX_WORD_SYLLABLES = 5  # SMOG and friends, Plain Russian adaptation: ≥ 5 syllables
# Reading speed for the reading-time estimate, in syllables per minute: 370 ± 80, the mean
# over 17 languages of the IReST study (S. Trauzettel-Klosinski, K. Dietz, Invest.
# Ophthalmol. Vis. Sci. 53(9), 2012, 5452–5461, doi:10.1167/iovs.11-8284). It was measured
# reading aloud, so it is a careful first reading, not skimming; syllables, not words,
# because Kazakh words are longer than Russian ones and no Kazakh norm is published.
SYLLABLES_PER_MINUTE = 370.0


@dataclass(slots=True)
class Counts:
    words: int = 0
    sentences: int = 0
    syllables: int = 0
    letters: int = 0
    long_words: int = 0  # > 6 letters
    complex_words: int = 0  # ≥ 5 syllables
    sentence_lengths: list[int] = field(default_factory=list)

    def add_sentence(self, words: list[str], lang: str) -> None:
        measure = _measure_kk if lang == "kk" else _measure_ru
        n = len(words)
        self.words += n
        self.sentences += 1
        self.sentence_lengths.append(n)
        # summed in locals, stored once: every word of every letter passes here
        syllables = letters = long_words = complex_words = 0
        for w in words:
            s, l = measure(w)
            syllables += s
            letters += l
            long_words += l > LONG_WORD_LETTERS
            complex_words += s >= COMPLEX_WORD_SYLLABLES
        self.syllables += syllables
        self.letters += letters
        self.long_words += long_words
        self.complex_words += complex_words

    def plus(self, other: Counts) -> Counts:
        """The counts of both texts."""
        return Counts(
            self.words + other.words,
            self.sentences + other.sentences,
            self.syllables + other.syllables,
            self.letters + other.letters,
            self.long_words + other.long_words,
            self.complex_words + other.complex_words,
            self.sentence_lengths + other.sentence_lengths,
        )


def _letters(w: str) -> int:
    return len(w) - w.count("-") - w.count("'") - w.count("’")


# (syllables, letters) of a word, cached like the syllable counts themselves
@lru_cache(maxsize=100_000)
def _measure_ru(w: str) -> tuple[int, int]:
    return count_ru(w), _letters(w)


@lru_cache(maxsize=100_000)
def _measure_kk(w: str) -> tuple[int, int]:
    return count_kk(w), _letters(w)


def figures(c: Counts, lang: str) -> dict[str, Any]:
    """Raw measures for every language, and the formulas that exist for it."""
    if not c.words or not c.sentences:
        return {}
    asl = c.words / c.sentences
    asw = c.syllables / c.words
    awl = c.letters / c.words
    long_share = c.long_words / c.words
    out: dict[str, Any] = {
        "words": c.words,
        "sentences": c.sentences,
        "syllables": c.syllables,
        "words_per_sentence": round(asl, 2),
        "syllables_per_word": round(asw, 3),
        "letters_per_word": round(awl, 3),
        "long_word_share": round(long_share, 3),
        "lix": round(formulas.lix(asl, long_share), 1),
    }
    if lang == "ru":
        out.update(
            flesch_reading_ease=round(formulas.flesch_reading_ease_ru(asl, asw), 1),
            flesch_kincaid_grade=round(formulas.flesch_kincaid_grade_ru(asl, asw), 1),
            flesch_kincaid_grade_sis=round(formulas.flesch_kincaid_grade_ru_sis(asl, asw), 1),
            smog=round(formulas.smog_ru(c.complex_words, c.sentences), 1),
            coleman_liau=round(formulas.coleman_liau_ru(c.letters, c.words, c.sentences), 1),
            ari=round(formulas.ari_ru(awl, asl), 1),
        )
    elif lang == "kk":
        out["level"] = round(kazakh.level(asl, asw), 2)
    return out


def ease(fig: dict[str, Any], lang: str) -> float | None:
    """One 0–100 reading-ease figure per language, for the score (100 = easiest).

    Russian: Flesch reading ease (Oborneva), clipped to 0–100. Kazakh: our level mapped
    linearly so that level 1 (children's text) is 100 and level 6 (legal norm) is 0 —
    the same ends as the Flesch bands (100 ≈ 5th grade, 0 ≈ laws).
    """
    if lang == "ru" and "flesch_reading_ease" in fig:
        v = fig["flesch_reading_ease"]
    elif lang == "kk" and "level" in fig:
        v = 100.0 - 20.0 * (fig["level"] - 1.0)
    else:
        return None
    return max(0.0, min(100.0, v))


def document_ease(by_lang: dict[str, dict[str, Any]]) -> float | None:
    """Word-weighted mean of the languages' ease figures (a bilingual letter has two)."""
    total = 0.0
    weight = 0
    for lang, fig in by_lang.items():
        e = ease(fig, lang)
        if e is not None:
            total += e * fig["words"]
            weight += fig["words"]
    return round(total / weight, 1) if weight else None


def reading_time_minutes(syllables: int) -> float:
    return round(syllables / SYLLABLES_PER_MINUTE, 2)
