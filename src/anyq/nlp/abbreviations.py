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
    # Single letters capitalised are initials («П. Иванов»), so only longer ones get variants;
    # and a spaced one of single letters only at a sentence's start («Т. е.»): «Н. В.», «Т. Б.»
    # in capitals are a person's initials («специалист Н. В. Петрова»)
    out = [abbr]
    if len(abbr.replace(".", "")) > 1:
        out.append(abbr[0].upper() + abbr[1:])
        if not (" " in abbr and all(len(p) == 2 for p in abbr.split(" "))):
            out.append(abbr.upper())
    return list(dict.fromkeys(out))


def _spaced(abbr: str) -> str | None:
    """«т.е.» as typeset, with a space after each inner full stop: «т. е.», «т. с. с.»."""
    parts = abbr[:-1].split(".")
    return ". ".join(parts) + "." if len(parts) > 1 and all(parts) else None


@cache
def abbreviations(lang: str) -> dict[str, Abbreviation]:
    """All spellings of the language's abbreviations → entry (keys keep their case). An
    abbreviation of several parts is also written with spaces («т. е.», «т. д.», «т. б.»), the
    standard typesetting: that spelling is a key too. The tokenizer cannot hold a token with a
    space (its parts are tokens of their own, see :func:`parts`); the splitter reads the parts
    together."""
    with open(rules_data("abbreviations.toml"), "rb") as fh:
        table = tomllib.load(fh).get(lang, {})
    out: dict[str, Abbreviation] = {}
    for abbr, entry in table.items():
        a = Abbreviation(abbr, entry["norm"], entry.get("ends", "never"))
        spaced = _spaced(abbr)
        for v in _variants(abbr) + (_variants(spaced) if spaced else []):
            out.setdefault(v, a)
    return out


@cache
def parts(lang: str) -> frozenset[str]:
    """The parts of the spaced spellings («т.», «е.» of «т. е.»): each one token with its full
    stop, so no part is counted as a word («т», «е») nor taken for a sentence end."""
    return frozenset(p for key in abbreviations(lang) if " " in key for p in key.split(" "))


@cache
def hyphenated(lang: str) -> frozenset[str]:
    """The language's abbreviations cut with a hyphen and no full stop («к-сі»), lower case."""
    with open(rules_data("abbreviations.toml"), "rb") as fh:
        return frozenset(tomllib.load(fh).get("hyphenated", {}).get(lang, ()))
