"""Fitting and checking the Kazakh level on the team corpus (used by bench/ and tests, never
at run time). Pure Python: three coefficients need no numerical library."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

HELD_OUT_PER_LEVEL = 11  # of the 25 texts a level: the last 11 by id are held out (66 texts)


@dataclass(slots=True)
class Text:
    id: str
    level: int
    genre: str
    text: str


def load_corpus(folder: Path) -> list[Text]:
    with open(folder / "labels.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [Text(r["id"], int(r["level"]), r["genre"], (folder / f"{r['id']}.txt").read_text(encoding="utf-8")) for r in rows]


def split(texts: list[Text]) -> tuple[list[Text], list[Text]]:
    """Fit part and held-out part, stratified by level. The ids were shuffled with a fixed
    seed when the corpus was written, so the order by id says nothing about difficulty."""
    fit: list[Text] = []
    held: list[Text] = []
    for lvl in sorted({t.level for t in texts}):
        same = sorted((t for t in texts if t.level == lvl), key=lambda t: t.id)
        cut = len(same) - HELD_OUT_PER_LEVEL
        fit += same[:cut]
        held += same[cut:]
    return fit, held


def features(asl: float, asw: float) -> list[float]:
    return [1.0, math.log(max(asl, 1.0)), asw]


def least_squares(x: list[list[float]], y: list[float]) -> list[float]:
    """Ordinary least squares by the normal equations (Gauss–Jordan with pivoting)."""
    k = len(x[0])
    a = [[sum(r[i] * r[j] for r in x) for j in range(k)] + [sum(r[i] * v for r, v in zip(x, y))] for i in range(k)]
    for col in range(k):
        piv = max(range(col, k), key=lambda r: abs(a[r][col]))
        a[col], a[piv] = a[piv], a[col]
        for r in range(k):
            if r != col:
                f = a[r][col] / a[col][col]
                a[r] = [u - f * v for u, v in zip(a[r], a[col])]
    return [a[i][k] / a[i][i] for i in range(k)]


def ranks(xs: list[float]) -> list[float]:
    order = sorted(range(len(xs)), key=xs.__getitem__)
    out = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1  # ties share the mean rank
        i = j + 1
    return out


def pearson(a: list[float], b: list[float]) -> float:
    ma, mb = sum(a) / len(a), sum(b) / len(b)
    num = sum((x - ma) * (y - mb) for x, y in zip(a, b))
    den = math.sqrt(sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b))
    return num / den if den else 0.0


def spearman(a: list[float], b: list[float]) -> float:
    return pearson(ranks(a), ranks(b))
