"""Word frequencies from our own corpora (``rules/data/freq_{ru,kk}.tsv``, built by
``tools/build_frequencies.py``), loaded the first time a suggestion is ranked."""

from __future__ import annotations

import math
from functools import cache

from anyq.resources import rules_data


@cache
def _tables(lang: str) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {"L": {}, "F": {}, "C": {}}
    try:
        fh = open(rules_data(f"freq_{lang}.tsv"), encoding="utf-8")
    except FileNotFoundError:
        return out
    with fh:
        for line in fh:
            if line.startswith("#"):
                continue
            kind, word, count = line.rstrip("\n").split("\t")
            out.setdefault(kind, {})[word] = int(count)
    return out


def table(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    """(lemma counts, word-form counts) of a language; empty if the list is missing."""
    t = _tables(lang)
    return t["L"], t["F"]


def is_name(word: str, lang: str) -> bool:
    """Is this lower-case word a form of a name (written with a capital in our corpora)?"""
    return lemma_of(word, lang) in _tables(lang)["C"]


def lemma_of(word: str, lang: str) -> str:
    if lang == "ru":
        from anyq.nlp.morph_ru import morphology

        return morphology().analyse(word)[0]
    from anyq.nlp.stem_kk import stemmer

    return stemmer().analyse_own(word).stem


def log_frequency(word: str, lang: str) -> tuple[float, float]:
    """(log10(1 + lemma count), log10(1 + form count)) of a lower-case known word."""
    lemmas, forms = table(lang)
    return math.log10(1 + lemmas.get(lemma_of(word, lang), 0)), math.log10(1 + forms.get(word, 0))


def is_common_form(word: str, lang: str) -> bool:
    """Is this lower-case word form written in our corpora of official letters?"""
    return word in _tables(lang)["F"]
