"""anyq's Kazakh difficulty level: a formula the anyq team fitted on its own corpus.

No published readability formula exists for Kazakh (Russian and English coefficients do
not transfer: Kazakh words are long and agglutinative). We fitted one by least squares on
corpora/readability/kk — 150 team-written Kazakh texts, each labelled by one annotator with
a difficulty level from 1 (children's text) to 6 (legal norm, ministerial order):

    level = A + B·ln(ASL) + C·ASW

ASL = words per sentence, ASW = syllables per word (Kazakh vowels, «у» after a vowel a
glide). The fit uses 84 texts (the first 14 of each level by id); the other 66 (11 a level)
are held out, and bench/readability.py reports Spearman's ρ and the error on them. It is
our formula, not a validated instrument: one annotator, synthetic texts, and sentence
length alone already ranks this corpus well (see the README). ``bench/fit_kk_level.py``
refits it and prints these constants; a test checks they match.
"""

from __future__ import annotations

import math

# fitted by bench/fit_kk_level.py
A = -3.9644
B = 1.7328
C = 1.1127


def level(asl: float, asw: float) -> float:
    """Difficulty level on the corpus scale 1–6 (not clipped: below 1 is easier still)."""
    return A + B * math.log(max(asl, 1.0)) + C * asw
