"""A cheap test before a regex rule runs: the fixed words a match cannot do without.

Most regex rules name their words: «…\\s+құра(?:йды|ды|ған)…», «(?:причиной|основанием)…».
A match must contain «құра», or one of «причиной», «основанием». Python's ``in`` finds a
word in a paragraph many times faster than the regex engine tries the pattern at every
position, and most paragraphs hold none of a rule's words, so the regex is skipped there.
The words are read from the pattern itself (``required_literals``), so a rule never has
to list them and cannot list them wrong.
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass
from functools import reduce
from operator import or_
from pathlib import Path

try:  # the standard library's regex parser; without it every regex simply runs
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - CPython ≥ 3.11 has both
    _parser = None

# Shorter words are in almost every paragraph: testing for them saves nothing.
MIN_LENGTH = 3
# Word sets tested besides the most selective one, at most.
MAX_MORE = 2

# Letters a case-blind regex compares differently from ``str.lower``: outside ASCII and the
# Cyrillic block there are letters that match without having the same lower case (long «ſ»
# and «s», the Kelvin sign and «k», «ᲀ» and «в», dotted «İ» and «i»). A paragraph holding
# such a letter is not pre-tested against case-blind rules; every regex runs on it. Written as
# the ranges beyond ASCII and Cyrillic, then the letter test on the character taken: the
# search skips at C speed over the Cyrillic and ASCII text it mostly reads instead of asking
# each character's category (the same characters as ``[^\W\d_a-zA-Z\u0400-\u04ff]``: no
# letter lies below U+00AA outside a-z and A-Z)
OTHER_LETTER = re.compile(r"[\u00aa-\u03ff\u0500-\U0010ffff](?<=[^\W\d_])")
_PLAIN = re.compile(r"[a-zA-Z\u0400-\u04ff\W\d_]+")


@dataclass(frozen=True, slots=True)
class Literals:
    """Words of which every match of a regex contains at least one; lower-cased when the
    regex is case-blind (``ignorecase``)."""

    words: tuple[str, ...]
    ignorecase: bool
    # other word sets every match also holds one of («(?:мынаны|…)\\s+(?:мәлімдейді|…)» needs
    # one of each list): asked only when ``words`` is there, they spare most futile regex runs
    more: tuple[tuple[str, ...], ...] = ()


def required_literals(rx: re.Pattern[str]) -> Literals | None:
    """The words every match of ``rx`` needs one of; None when the pattern has no such
    words worth testing for."""
    if _parser is None:
        return None
    try:
        needed = _needed(list(_parser.parse(rx.pattern, rx.flags)))
    except Exception:  # noqa: BLE001 - an internal parser of another Python: just no pre-test
        return None
    found = _best(needed)
    if not found or min(map(len, found)) < MIN_LENGTH:
        return None
    ignorecase = bool(rx.flags & re.IGNORECASE)
    more = [alts for alts in needed if alts is not found and min(map(len, alts)) >= MIN_LENGTH]
    if ignorecase:
        if not all(_PLAIN.fullmatch(w) for alts in [found, *more] for w in alts):
            return None  # a letter with special case rules in the pattern itself
        found = tuple(dict.fromkeys(w.lower() for w in found))
        more = [tuple(dict.fromkeys(w.lower() for w in alts)) for alts in more]
    more = list(dict.fromkeys(alts for alts in more if alts != found))
    return Literals(found, ignorecase, tuple(more[:MAX_MORE]))


def required_literals_of(patterns: list[re.Pattern[str]]) -> list[Literals | None]:
    """``required_literals`` of each pattern, kept in the data cache: parsing a hundred long
    alternations with the standard library's parser cost a cold start about 0.1 s."""
    from anyq import datacache

    keys = "\x01".join(f"{rx.flags}\x00{rx.pattern}" for rx in patterns)
    digest = hashlib.blake2b(f"{sys.version_info[:2]}\x02{keys}".encode(), digest_size=12).hexdigest()

    def build() -> list[tuple[tuple[str, ...], bool, tuple[tuple[str, ...], ...]] | None]:
        return [(lit.words, lit.ignorecase, lit.more) if (lit := required_literals(rx)) else None for rx in patterns]

    stored = datacache.cached(f"literals-{digest}", [Path(__file__)], build)
    return [Literals(tuple(x[0]), bool(x[1]), tuple(map(tuple, x[2]))) if x else None for x in stored]


def _required(items: list) -> tuple[str, ...] | None:
    """The most selective set of alternatives one of which a match of this sequence of
    parsed items must contain (each item is a ``(opcode, argument)`` pair)."""
    return _best(_needed(items))


def _best(needed: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The set whose shortest word is longest (the first of equals)."""
    best: tuple[str, ...] | None = None
    for alternatives in needed:
        if best is None or min(map(len, alternatives)) > min(map(len, best)):
            best = alternatives
    return best


def _needed(items: list) -> list[tuple[str, ...]]:
    """Every set of alternatives one of which a match of this sequence must contain, in
    the order of the pattern."""
    needed: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            needed.append(("".join(run),))
        run = []
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not add_flags and not del_flags:  # «(?i:…)» inside would change the case rules
                needed += _needed(list(sub))
        elif op is _c.BRANCH:
            # each branch must hold one of its own words; the match holds one of them all
            branches = [_required(list(b)) for b in av[1]]
            if all(branches):
                needed.append(tuple(dict.fromkeys(w for b in branches for w in b)))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            needed += _needed(list(av[2]))
        # anything else (a class, an anchor, a look-around, an optional part) needs no fixed text
    if run:
        needed.append(("".join(run),))
    return needed


class LiteralTest:
    """One paragraph, asked whether it holds any of a rule's words (lower-cased once, and
    only if a case-blind rule asks)."""

    __slots__ = ("text", "_lower", "_read")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lower: str | None = None
        self._read = False

    def holds_any(self, literals: Literals) -> bool:
        if literals.ignorecase:
            if not self._read:
                self._read = True
                if not OTHER_LETTER.search(self.text):
                    self._lower = self.text.lower()
            if self._lower is None:
                return True  # cannot tell: let the regex decide
            text = self._lower
        else:
            text = self.text
        for w in literals.words:  # a plain loop: this runs for every rule on every paragraph
            if w in text:
                break
        else:
            return False
        for alternatives in literals.more:
            for w in alternatives:
                if w in text:
                    break
            else:
                return False
        return True


class LiteralIndex:
    """The pre-tests of a language's regex rules, answered for a paragraph at once from the
    words it is made of.

    A rule word holds no whitespace, so it lies inside one of the text's whitespace-separated
    chunks: the words a paragraph holds are those its chunks hold. A chunk's words are found
    once and kept as a bit mask (official letters repeat their vocabulary), so a paragraph
    costs a dictionary lookup per chunk instead of a substring search per rule word (about
    40 per paragraph, each a scan of the whole paragraph). The answers are those of
    :meth:`LiteralTest.holds_any`: a case-blind word is looked for in the chunk's lower case,
    and a chunk holding a letter with other case rules (``OTHER_LETTER``) counts as holding
    every case-blind word, as such a paragraph runs every case-blind regex there."""

    max_chunks = 100_000  # distinct chunks kept, bounded like the other per-word caches

    def __init__(self, needs: list[Literals | None]) -> None:
        bits: dict[tuple[str, bool], int] = {}

        def mask(words: tuple[str, ...], ignorecase: bool) -> int:
            m = 0
            for w in words:
                m |= bits.setdefault((w, ignorecase), 1 << len(bits))
            return m

        #: per rule: None (no pre-test: the regex always runs) or the mask of its words and
        #: the masks of its other required word sets
        self.tests: list[tuple[int, tuple[int, ...]] | None] = []
        for lit in needs:
            if lit is None or any(w != "".join(w.split()) for alts in (lit.words, *lit.more) for w in alts):
                self.tests.append(None)  # no words, or a word across whitespace: no chunk holds it
                continue
            self.tests.append((mask(lit.words, lit.ignorecase), tuple(mask(alts, lit.ignorecase) for alts in lit.more)))
        self._exact = [(w, bit) for (w, ic), bit in bits.items() if not ic]
        self._blind = [(w, bit) for (w, ic), bit in bits.items() if ic]
        self._all_blind = reduce(or_, (bit for _, bit in self._blind), 0)
        self._chunks: dict[str, int] = {}

    def words_in(self, text: str) -> int:
        """The mask of the rule words ``text`` holds."""
        chunks = text.split()
        masks = set(map(self._chunks.get, chunks))  # most chunks hold no rule word: mask 0
        if None in masks:
            if len(self._chunks) >= self.max_chunks:
                self._chunks.clear()
            self._learn([c for c in chunks if c not in self._chunks])
            masks = set(map(self._chunks.get, chunks))
        masks.discard(0)
        return reduce(or_, masks, 0)

    def _learn(self, chunks: list[str]) -> None:
        """Find the rule words of new chunks. Each word is looked for once in all of them
        joined (no word holds whitespace, so none is found across two), and only where it is
        found, chunk by chunk: a paragraph of new words costs about what one rule-by-rule
        pre-test of it did."""
        masks = dict.fromkeys(chunks, 0)
        chunks = list(masks)
        joined = " ".join(chunks)
        for w, bit in self._exact:
            if w in joined:
                for c in chunks:
                    if w in c:
                        masks[c] |= bit
        if self._blind:
            plain = chunks
            if OTHER_LETTER.search(joined):
                plain = []
                for c in chunks:
                    if OTHER_LETTER.search(c):
                        masks[c] |= self._all_blind
                    else:
                        plain.append(c)
            joined = " ".join(plain).lower()  # lower case never makes or takes a space
            lowered = joined.split(" ")
            for w, bit in self._blind:
                if w in joined:
                    for c, lower in zip(plain, lowered):
                        if w in lower:
                            masks[c] |= bit
        self._chunks.update(masks)
