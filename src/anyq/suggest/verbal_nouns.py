"""The Russian verbal-noun lexicon (``rules/data/ru_verbal_nouns.tsv``), loaded once on first use."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from anyq.resources import rules_data


@dataclass(frozen=True, slots=True)
class VerbalNoun:
    noun: str
    verb: str  # infinitive, "" if none fits
    case: str | None  # case of the verb's object ("acc", "gen", "dat", "ins") or None
    thing: bool  # the noun as often names a thing or a document


@cache
def verbal_nouns() -> dict[str, VerbalNoun]:
    out: dict[str, VerbalNoun] = {}
    with open(rules_data("ru_verbal_nouns.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            noun, verb, case, *rest = line.rstrip("\n").split("\t") + ["", ""]
            verb = "" if verb == "-" else verb
            out[noun] = VerbalNoun(noun, verb, None if case in ("-", "") else case, "thing" in rest)
    return out
