"""Fit anyq's Kazakh difficulty level on the fit part of corpora/readability/kk and print
the coefficients for src/anyq/readability/kazakh.py.

    uv run python bench/fit_kk_level.py

The features come from the same code the linter runs (anyq.check → stats.readability.kk),
so the fitted formula sees exactly what it will see at run time.
"""

from __future__ import annotations

import sys
from pathlib import Path

import anyq
from anyq.readability.calibration import features, least_squares, load_corpus, split

ROOT = Path(__file__).resolve().parent.parent


def kk_measures(text: str) -> tuple[float, float]:
    fig = anyq.check(text, lang="kk", select=["C110"]).stats["readability"]["kk"]
    return fig["words_per_sentence"], fig["syllables_per_word"]


def fit() -> list[float]:
    fit_part, _ = split(load_corpus(ROOT / "corpora" / "readability" / "kk"))
    x = [features(*kk_measures(t.text)) for t in fit_part]
    return least_squares(x, [float(t.level) for t in fit_part])


if __name__ == "__main__":
    a, b, c = fit()
    print(f"A = {a:.4f}\nB = {b:.4f}\nC = {c:.4f}")
    sys.exit(0)
