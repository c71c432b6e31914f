"""The cue lexicons of reply analysis (``rules/data/reply_cues.toml``), compiled once."""

from __future__ import annotations

import re
import tomllib
from functools import cache

from anyq.legal.acts import cue_pattern
from anyq.resources import rules_data


class Cues:
    """One language's cue lists, each compiled into a single case-insensitive regex."""

    def __init__(self, lang: str, lists: dict[str, list[str]]) -> None:
        self.lang = lang
        self.lists = lists
        self._rx: dict[str, re.Pattern[str]] = {}
        for name, cues in lists.items():
            # longer cues first: at one position the alternation takes the first that matches
            ordered = sorted(cues, key=lambda c: -len(c))
            parts = [c[3:] if c.startswith("re:") else cue_pattern(c) for c in ordered]
            self._rx[name] = re.compile("|".join(f"(?:{p})" for p in parts), re.I | re.M)

    def rx(self, name: str) -> re.Pattern[str]:
        return self._rx[name]

    def search(self, name: str, text: str) -> re.Match[str] | None:
        return self._rx[name].search(text)

    def finditer(self, name: str, text: str):  # noqa: ANN201
        return self._rx[name].finditer(text)

    def count(self, name: str, text: str) -> int:
        return sum(1 for _ in self._rx[name].finditer(text))


@cache
def cues(lang: str) -> Cues:
    with open(rules_data("reply_cues.toml"), "rb") as fh:
        data = tomllib.load(fh)
    return Cues(lang, data.get(lang, {}))
