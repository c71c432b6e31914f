"""Rank candidate corrections and say whether the best one is far enough ahead to apply.

    score = slip cost − w_lemma · log10(1 + lemma count) − w_form · log10(1 + form count)

The slip cost comes from the keyboard model (a neighbouring key, a doubled or dropped letter,
a Kazakh letter typed as its Russian base are cheap); the counts from our own corpora of
official letters, so «обрашение» → «обращение» (not hunspell's first guess «обрушение»).
Lower is better. Computed only for flagged words, and cached.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache

from anyq.spell import frequency
from anyq.spell.candidates import MAX_WORD_LENGTH, hunspell_suggestions, known_candidates


@dataclass(frozen=True, slots=True)
class Weights:
    lemma: float = 0.25
    form: float = 0.15
    # the best suggestion is "far ahead" (safe for --fix-spelling) when the runner-up scores
    # at least ``margin`` worse and the best is a single cheap slip
    margin: float = 0.5
    max_fix_cost: float = 0.8


@dataclass(frozen=True, slots=True)
class Ranked:
    suggestions: tuple[str, ...]
    scores: tuple[float, ...]
    confident: bool

    @property
    def fix(self) -> str | None:
        return self.suggestions[0] if self.confident and self.suggestions else None


def match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


@lru_cache(maxsize=20_000)
def rank(word: str, lang: str, weights: Weights = Weights(), limit: int = 5) -> Ranked:
    """Suggestions for a flagged ``word``, best first, in the word's own case."""
    lower = word.lower()
    if len(lower) > MAX_WORD_LENGTH:
        return Ranked((), (), False)  # a run of letters this long is no typo of a word
    scored: list[tuple[float, float, str]] = []
    for c in known_candidates(lower, lang):
        lf, ff = frequency.log_frequency(c.word, lang)
        score = c.cost - weights.lemma * lf - weights.form * ff
        scored.append((round(score, 4), c.cost, c.word))
    scored.sort()
    top = scored[:limit]
    confident = False
    if top and top[0][1] <= weights.max_fix_cost:
        confident = len(top) == 1 or top[1][0] - top[0][0] >= weights.margin
    return Ranked(tuple(match_case(word, w) for _, _, w in top), tuple(s for s, _, _ in top), confident)


class SuggestBudget:
    """hunspell's own ``suggest`` (up to a second a word) for words no single slip explains,
    within a time budget per document; off unless the rule's ``hunspell_budget_ms`` > 0."""

    def __init__(self, budget_ms: float) -> None:
        self.budget = budget_ms / 1000
        self.spent = 0.0

    def suggest(self, word: str, lang: str) -> list[str]:
        if self.spent >= self.budget:
            return []
        t = time.perf_counter()
        try:
            return [match_case(word, s) for s in _hunspell_cached(word.lower(), lang)]
        finally:
            self.spent += time.perf_counter() - t


@lru_cache(maxsize=2_000)
def _hunspell_cached(word: str, lang: str) -> tuple[str, ...]:
    return tuple(hunspell_suggestions(word, lang)[:5])
