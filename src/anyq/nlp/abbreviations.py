"""The abbreviation table (``rules/data/abbreviations.toml``) shared by tokenizer and splitter."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from anyq.resources import rules_data


@dataclass(frozen=True, slots=True)
class Abbreviation:
    text: str
    norm: str
    ends: str  # "never" | "maybe" | "year"


def _variants(abbr: str) -> list[str]:
    # Single letters capitalised are initials («П. Иванов»), so only longer ones get variants.
    out = [abbr]
    if len(abbr.replace(".", "")) > 1:
        out += [abbr[0].upper() + abbr[1:], abbr.upper()]
    return list(dict.fromkeys(out))


@cache
def abbreviations(lang: str) -> dict[str, Abbreviation]:
    """All spellings of the language's abbreviations → entry (keys keep their case)."""
    with open(rules_data("abbreviations.toml"), "rb") as fh:
        table = tomllib.load(fh).get(lang, {})
    out: dict[str, Abbreviation] = {}
    for abbr, entry in table.items():
        a = Abbreviation(abbr, entry["norm"], entry.get("ends", "never"))
        for v in _variants(abbr):
            out.setdefault(v, a)
    return out
