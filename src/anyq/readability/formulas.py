"""Readability formulas: each a pure function of text counts, with its source.

Notation: ASL = words per sentence, ASW = syllables per word, AWL = letters per word.
Russian coefficients come from the sources named at each function; ruTS (SergeyShk/ruTS,
MIT) gathers these Russian adaptations in one place and was used to cross-check them.
"""

from __future__ import annotations

import math


def flesch_reading_ease_ru(asl: float, asw: float) -> float:
    """Flesch Reading Ease for Russian, Oborneva's coefficients (variant A).

    I. V. Oborneva, «Автоматизированная оценка сложности учебных текстов на основе
    статистических параметров», PhD thesis, Moscow, 2006 (and Oborneva 2005):
    206.835 − 1.3·ASL − 60.1·ASW (English: 206.835 − 1.015·ASL − 84.6·ASW).
    Bands: 100–90 5th grade … 50–30 university, 30–0 graduate.
    """
    return 206.835 - 1.3 * asl - 60.1 * asw


def flesch_kincaid_grade_ru(asl: float, asw: float) -> float:
    """Flesch–Kincaid grade for Russian, Oborneva 2006: 0.5·ASL + 8.4·ASW − 15.59."""
    return 0.5 * asl + 8.4 * asw - 15.59


def flesch_kincaid_grade_ru_sis(asl: float, asw: float) -> float:
    """Flesch–Kincaid grade re-fitted on Russian school textbooks, grades 5–11:
    0.36·ASL + 5.76·ASW − 11.97. V. Solovyev, V. Ivanov, M. Solnyshkina, «Assessment of
    reading difficulty levels in Russian academic texts: approaches and metrics»,
    Journal of Intelligent & Fuzzy Systems 34(5), 2018, DOI 10.3233/JIFS-169489.
    """
    return 0.36 * asl + 5.76 * asw - 11.97


def smog_ru(complex_words: int, sentences: int) -> float:
    """SMOG, Plain Russian adaptation (I. Begtin, infoculture/plainrussian):
    1.1·√(64.6·complex/sentences) + 0.05, a complex word having ≥ 5 syllables
    (English SMOG: 1.043·√(30·polysyllables/sentences) + 3.1291, ≥ 3 syllables)."""
    return 1.1 * math.sqrt(64.6 * complex_words / sentences) + 0.05 if sentences else 0.0


def coleman_liau_ru(letters: int, words: int, sentences: int) -> float:
    """Coleman–Liau index, Plain Russian adaptation: 0.055·L − 0.35·S − 20.33, where
    L = letters per 100 words and S = sentences per 100 words
    (English: 0.0588·L − 0.296·S − 15.8)."""
    if not words:
        return 0.0
    return 0.055 * (100.0 * letters / words) - 0.35 * (100.0 * sentences / words) - 20.33


def ari_ru(awl: float, asl: float) -> float:
    """Automated Readability Index, Plain Russian adaptation: 6.26·AWL + 0.2805·ASL − 31.04
    (English: 4.71·AWL + 0.5·ASL − 21.43)."""
    return 6.26 * awl + 0.2805 * asl - 31.04


def lix(asl: float, long_share: float) -> float:
    """LIX (C.-H. Björnsson, «Läsbarhet», 1968): ASL + 100·(share of words of > 6 letters).
    Language-independent by design. Bands: < 30 very easy, 30–40 easy, 40–50 medium,
    50–60 hard (official texts), ≥ 60 very hard (laws, chancery language)."""
    return asl + 100.0 * long_share
