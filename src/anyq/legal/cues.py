"""The cue lexicons of reply analysis (``rules/data/reply_cues.toml``), compiled once."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from typing import NamedTuple

from anyq.datacache import compiled_patterns
from anyq.engine.literals import OTHER_LETTER, Literals, LiteralTest, required_literals_of
from anyq.legal.acts import cue_pattern
from anyq.legal.firstchar import alternatives, skipping
from anyq.resources import rules_data


class _Source(NamedTuple):
    """A pattern's text and flags: all ``required_literals_of`` reads of a compiled pattern."""

    pattern: str
    flags: int


class Cues:
    """One language's cue lists, each compiled into a single case-insensitive regex.

    The word-start check is made once per position for all the plain cues of a list (the
    alternation is tried only where a word begins), and results are remembered per sentence:
    the reading of a reply asks the same lists about the same sentences several times. A
    text that holds none of the words every cue of a list needs is not searched at all
    (``anyq.engine.literals``): most sentences hold no cue of most lists."""

    def __init__(self, lang: str, lists: dict[str, list[str]]) -> None:
        self.lang = lang
        self.lists = lists
        self._rx: dict[str, re.Pattern[str]] = {}
        self._memo: dict[tuple[str, str], re.Match[str] | None] = {}
        self._needs: dict[str, Literals | None] = {}
        self._last: LiteralTest | None = None  # callers ask several lists about one sentence in a row
        self._groups: dict[tuple[str, ...], _Group] = {}
        sources, plain_sources = [], []
        for name, cues in lists.items():
            # longer cues first: at one position the alternation takes the first that matches
            ordered = sorted(cues, key=lambda c: -len(c))
            plain = [cue_pattern(c, edges=False) for c in ordered if not c.startswith("re:")]
            raw = [c[3:] for c in ordered if c.startswith("re:")]
            parts = ([r"(?<![\w-])(?:" + "|".join(plain) + ")"] if plain else []) + [f"(?:{r})" for r in raw]
            plain_sources.append(_Source("|".join(parts) or "(?!)", re.I | re.M))
            # the same alternatives led by the class of their first letters (``firstchar``), so
            # that a search skips at C speed to the next letter a cue can start with
            fast = skipping([(p, True, True) for p in plain] + [(p, True, False) for r in raw for p in alternatives(f"(?:{r})")])
            sources.append((fast[0] + "(?:" + "|".join(fast[1]) + ")", re.M) if fast and plain + raw else plain_sources[-1])
        self._rx = dict(zip(lists, compiled_patterns(f"cues-{lang}", sources)))
        # the words a match needs, read from the plain form (``required_literals`` does not
        # look into the case-blind groups of the fast one)
        self._needs = dict(zip(self._rx, required_literals_of(plain_sources)))  # type: ignore[arg-type]

    def rx(self, name: str) -> re.Pattern[str]:
        return self._rx[name]

    def _may_match(self, name: str, text: str) -> bool:
        needs = self._needs[name]
        if needs is None:
            return True
        if self._last is None or self._last.text is not text:
            self._last = LiteralTest(text)
        return self._last.holds_any(needs)

    def search(self, name: str, text: str) -> re.Match[str] | None:
        key = (name, text)
        if key in self._memo:
            return self._memo[key]
        if len(self._memo) > 20_000:
            self._memo.clear()
        m = self._memo[key] = self._rx[name].search(text) if self._may_match(name, text) else None
        return m

    def finditer(self, name: str, text: str):  # noqa: ANN201
        return self._rx[name].finditer(text) if self._may_match(name, text) else iter(())

    def may_match(self, names: tuple[str, ...], text: str) -> list[str]:
        """The lists of ``names`` (in that order) that ``text`` passes the pre-test of, as
        ``_may_match`` answers: each word of the lists is looked for once for them all (the
        signal lists share words), and the lists are then told apart by set operations
        instead of a loop over the words of each list."""
        group = self._groups.get(names)
        if group is None:
            group = self._groups[names] = _Group(names, self._needs)
        if group.words is None or OTHER_LETTER.search(text):
            return [name for name in names if self._may_match(name, text)]
        present = set(filter(text.lower().__contains__, group.words))
        return [
            name
            for name, words, more in group.tests
            if words is None or not present.isdisjoint(words) and all(not present.isdisjoint(m) for m in more)
        ]

    def count(self, name: str, text: str) -> int:
        return sum(1 for _ in self.finditer(name, text))


class _Group:
    """The pre-tests of several lists asked about one text together (``Cues.may_match``):
    the words of them all, and per list its word sets (None: no pre-test). A word that
    holds another word of its own set is left out: where it is, the shorter one is too."""

    def __init__(self, names: tuple[str, ...], needs: dict[str, Literals | None]) -> None:
        self.tests: list[tuple[str, frozenset[str] | None, tuple[frozenset[str], ...]]] = []
        words: dict[str, None] = {}
        caseblind = True
        for name in names:
            lit = needs[name]
            if lit is None:
                self.tests.append((name, None, ()))
                continue
            sets = [_shortest(alts) for alts in (lit.words, *lit.more)]
            self.tests.append((name, sets[0], tuple(sets[1:])))
            words.update(dict.fromkeys(w for alts in sets for w in sorted(alts)))
            caseblind = caseblind and lit.ignorecase
        # the words are looked for in the lower case, which serves case-blind lists only (all
        # cue lists are): None, and each list is tested on its own
        self.words: tuple[str, ...] | None = tuple(words) if caseblind else None


def _shortest(words: tuple[str, ...]) -> frozenset[str]:
    """The words of a set that hold no other word of it: a text holds one of those exactly
    when it holds one of the set."""
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


@cache
def cues(lang: str) -> Cues:
    with open(rules_data("reply_cues.toml"), "rb") as fh:
        data = tomllib.load(fh)
    return Cues(lang, data.get(lang, {}))
