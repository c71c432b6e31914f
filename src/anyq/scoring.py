"""Scores: 0 (unreadable officialese) to 100 (plain), per category and per document.

Each finding carries a weight (by default error 2, warning 1, info 0.3). For every
category the weights are summed and divided by the length of the text (per 100 words,
counting at least 50 words so a three-line note is not condemned by one finding). The length
leaves out the words inside jargon, spelling and typography findings (``PHRASE_CATEGORIES``;
not the punctuation and spacing rules, ``NOT_PHRASE_CODES``): a flagged phrase is penalised by its weight, and its words do not also dilute the rest. Counted
in, anyq's own shorter wording («сейчас» for «в настоящее время») shortened the letter and raised
every category's density, so taking the advice lowered the score (41.4 → 41.2 on a dense letter)
and adding a cliché raised it; now a suggestion put in place can only add to the length.

    density_c  = 100 · Σ weight_c / max(words − flagged_words, 50) + 100 · Σ letter_weight_c / 130
    subscore_c = 100 · exp(−density_c / scale_c)

A finding about the letter as a whole (a rule with ``verdict = true``: no decision, no reasons,
no next step, no appeal route, no contact, an «отписка», the wrong language, hard to read) is a
verdict that does not grow with the text: it costs what it would in a letter of ``LETTER_WORDS`` words,
whatever the length. Divided by the length, it made a shorter letter pay more for the same
verdict, so taking anyq's own shorter wording lowered the score (41.7 → 41.4).

``scale_c`` is the density at which a category falls to 37 (= 100/e). The complexity
sub-score also takes the document's readability: a share ``READABILITY_SHARE`` of it is
the reading ease (0–100: Russian Flesch–Oborneva, Kazakh level mapped to the same range;
see anyq.readability.measure.ease), the rest the findings part above:

    complexity = (1 − R) · 100 · exp(−density_complexity / scale_complexity) + R · ease

The document score is the weighted mean of the sub-scores, computed from the unrounded
sub-scores and rounded once (to 0.1); the sub-scores are rounded for the report only
(:func:`rounded`). Weights and scales live here, in one table, so the README can print them and
calibration can change them.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # anyq.findings imports mean_score from here
    from anyq.findings import Finding

CATEGORY_WEIGHTS = {"jargon": 0.30, "legal": 0.25, "complexity": 0.25, "spelling": 0.10, "typography": 0.10}
# jargon 10: 8 while the flagged words still counted in the length (a dense letter's jargon
# density is now higher; 10 keeps corpora/jargon's pairs as far apart as before, bench/jargon.py)
CATEGORY_SCALES = {"jargon": 10.0, "legal": 4.0, "complexity": 5.0, "spelling": 3.0, "typography": 4.0}
MIN_WORDS = 50
# Categories whose findings mark words and phrases (a cliché, a misspelt word, a Latin letter):
# their words are left out of the length (see the module docstring). The complexity findings
# mark sentences and paragraphs (a 41-word sentence is not one flagged phrase) and the legal
# ones mostly the whole letter: their words stay in. bench/scores.py measures the direction.
PHRASE_CATEGORIES = frozenset(("jargon", "spelling", "typography"))
# Typography rules that mark punctuation or spacing, not words: double and missing spaces,
# straight quotes, a hyphen for a dash, a spaced hyphen. Their span can hold words (T106's is
# the quotation, a 13-word law title) that no fix rewords: those stay in the length. The
# letter rules (T101, T108–T112) and the repeated word (T104, T113: one copy goes) mark words.
NOT_PHRASE_CODES = frozenset(("T102", "T103", "T105", "T106", "T107", "T114"))
# The length a verdict on the whole letter is counted against (the rules marked ``verdict =
# true``; about the median length of the letters in corpora/: the scores move least).
LETTER_WORDS = 130
# Share of the complexity sub-score given by the document's reading ease (issue 6).
READABILITY_SHARE = 0.4
# Parts of the score that are not category densities: a reply's evasiveness (0 = an «отписка»,
# 100 = a direct answer, from the L120 rule) joins the weighted mean when it is present.
PART_WEIGHTS = {"evasiveness": 0.25}
# the rule that computes each part: a file that ignores it (per-file-ignores) has no such part
PART_RULES = {"evasiveness": "L120"}


def category_scores(
    findings: Iterable[Finding],
    words: int,
    readability_ease: float | None = None,
    categories: Iterable[str] | None = None,
    verdicts: frozenset[str] = frozenset(),
    flagged: int = 0,
) -> dict[str, float]:
    """The sub-scores, unrounded: :func:`document_score` averages these, :func:`rounded` shows them.
    ``categories``: those checked (all by default); one left out by ``--select``/``--ignore``
    gets no sub-score, so the mean is over what was checked. ``verdicts``: the codes of the
    rules whose finding is a verdict on the whole letter (a fixed cost, not per word).
    ``flagged``: the words inside phrase findings (:func:`flagged_words`), left out of the length."""
    if categories is not None:
        categories = set(categories)
    checked = CATEGORY_WEIGHTS if categories is None else [c for c in CATEGORY_WEIGHTS if c in categories]
    penalty = dict.fromkeys(checked, 0.0)
    fixed = dict.fromkeys(checked, 0.0)  # the verdicts: a fixed cost, not per word
    for f in findings:
        if f.category in penalty:
            (fixed if f.code in verdicts else penalty)[f.category] += f.weight
    length = max(words - flagged, MIN_WORDS)
    scores = {
        c: 100.0 * math.exp(-(100.0 * p / length + 100.0 * fixed[c] / LETTER_WORDS) / CATEGORY_SCALES[c])
        for c, p in penalty.items()
    }
    if readability_ease is not None and "complexity" in scores:
        scores["complexity"] = complexity_score(scores["complexity"], readability_ease)
    return scores


def flagged_words(findings: Iterable[Finding], text: str) -> int:
    """The words inside the findings of PHRASE_CATEGORIES but NOT_PHRASE_CODES (each word once where findings
    overlap): the length that divides the penalties leaves them out. Counted in
    ``FileReport.source_text``, the text the findings' offsets index."""
    from anyq.nlp.words import WORD  # spaCy: not loaded with anyq.findings, which imports this module

    spans = sorted(
        (f.start, f.end)
        for f in findings
        if f.category in PHRASE_CATEGORIES and f.code not in NOT_PHRASE_CODES and f.end > f.start
    )
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return sum(len(WORD.findall(text, a, b)) for a, b in merged)


def rounded(scores: dict[str, float]) -> dict[str, float]:
    """Sub-scores as reported (0.1). Rounding them before the mean would move the document
    score off the README formula by up to 0.1."""
    return {c: round(v, 1) for c, v in scores.items()}


def complexity_score(findings_part: float, readability_ease: float) -> float:
    """The complexity sub-score: findings (sentence-level C rules) and reading ease, 0–100."""
    ease = max(0.0, min(100.0, readability_ease))
    return (1.0 - READABILITY_SHARE) * findings_part + READABILITY_SHARE * ease


def document_score(scores: dict[str, float]) -> float:
    weights = CATEGORY_WEIGHTS | PART_WEIGHTS
    total = sum(weights.get(c, 0.0) for c in scores)
    return round(sum(weights.get(c, 0.0) * s for c, s in scores.items()) / total, 1) if total else 100.0


def mean_score(scores: Iterable[float]) -> float | None:
    """The mean document score of a run, to 0.1, None for no score: the one every output
    prints (the summary, ``--statistics``, the text, GitHub and HTML reports). They computed it
    two ways, sum()/len() and statistics.fmean, and at a mean of …x5 printed 61.2 and 61.1."""
    scores = list(scores)
    return round(statistics.fmean(scores), 1) if scores else None
