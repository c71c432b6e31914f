"""All phrase rules of a language matched in one pass over a doc, with the phrases' lemmas
read from a cache instead of annotated at every start.

spaCy's ``PhraseMatcher`` needs every phrase as an annotated ``Doc``: with ~4,000 jargon
phrases, annotating them and adding them (each new word a new lexeme) cost about a second of
every ``anyq check``. A phrase is only a tuple of strings — lemmas (Russian), voice-stripped
stems (Kazakh) or lower-case words — so this index keeps those tuples, computed once and
stored in the data cache (``anyq.datacache``), and matches them against the doc's attribute
array: a dictionary lookup per token, then a comparison of the few phrases starting there.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from spacy.attrs import IDS, NORM
from spacy.tokens import Doc

from anyq.datacache import cached
from anyq.nlp.strings import token_strings
from anyq.resources import rules_toml

# Attributes the paragraph's TokenStrings already hold as strings (the rules read them
# anyway): matching on those strings spares a ``to_array`` per doc. Kazakh NORM (the stem
# the morphology writes) is kept as hashes (``TokenStrings.norm``), read from the doc only
# where the pipeline did not leave them.
_STRING_COLUMNS = {"LEMMA": "lemma", "LOWER": "lower"}


class PhraseIndex:
    """Phrases as tuples of one token attribute (``LEMMA``, ``NORM`` or ``LOWER``), each
    under a match key; calling the index on a doc gives ``(key id, start, end)`` like spaCy's
    matchers (the key id is the key's hash in the doc's string store)."""

    def __init__(self, strings, attr: str) -> None:  # noqa: ANN001 - spaCy StringStore
        self.strings = strings
        self.attr = IDS[attr]
        self.column = _STRING_COLUMNS.get(attr)
        # first token's hash → (one-token phrases, second token's hash → longer phrases).
        # Keyed on two tokens because many phrases share a frequent first word (161 Russian
        # phrases start with «в»): only those whose second word also matches are compared.
        # Each phrase keeps the order it was added in, so matches at one place come out in
        # that order, as a single list per first word gave them.
        self.first: dict[int, tuple[list[tuple[int, int]], dict[int, list[tuple[int, tuple[int, ...], int, int]]]]] = {}
        self._added = 0

    def add(self, key: str, tokens: Iterable[str]) -> None:
        # the tokens as strings where the doc side is read as strings, else their hashes
        hashes = tuple(tokens) if self.column else tuple(self.strings.add(t) for t in tokens)
        if not hashes:
            return
        key_id = self.strings.add(key)
        order = self._added
        self._added += 1
        single, by_second = self.first.setdefault(hashes[0], ([], {}))
        if len(hashes) == 1:
            single.append((order, key_id))
        else:
            by_second.setdefault(hashes[1], []).append((order, hashes[2:], len(hashes), key_id))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        ts = token_strings(doc)
        if self.column:
            values = getattr(ts, self.column)
        else:
            values = ts.norm if self.attr == NORM and ts.norm is not None else doc.to_array(self.attr).tolist()
        first = self.first
        found: list[tuple[int, int, int, int]] = []  # (start, end, order, key id)
        n = len(values)
        i = -1
        # the tokens where some phrase starts, found at C speed (most tokens start none; one
        # filter costs less per token than a compress over a range and a map). A token's place
        # is the next one equal to it after the last place: the tokens between start no phrase,
        # so none of them equals it.
        for value in filter(first.__contains__, values):
            i = values.index(value, i + 1)
            single, by_second = first[value]
            if single:
                for order, key_id in single:
                    found.append((i, i + 1, order, key_id))
            # most starts are frequent words («в», «на») that no phrase continues from here
            k = i + 1  # where the phrase's second word stands
            longer = by_second.get(values[k]) if k < n else None
            if not longer and by_second and self.column == "lemma" and (g := verb_gap(ts.tag, ts.lemma, i)):
                # «оказал вам помощь», «Провели ли вы проверку»: the phrase goes on after the gap
                k += g
                longer = by_second.get(values[k]) if k < n else None
            if longer:
                for order, rest, length, key_id in longer:
                    end = k + length - 1
                    if end <= n and (not rest or tuple(values[k + 1 : end]) == rest):
                        found.append((i, end, order, key_id))
        if not found:
            return []
        found.sort()
        return [(key_id, start, end) for start, end, _, key_id in found]


def verb_gap(tags: list[str], lemmas: list[str], i: int) -> int:
    """How many words after the verb at ``i`` a Russian phrase starting with that verb may
    skip before its next word: the question's «ли», a personal pronoun in the dative (the
    verb's own: «оказал вам помощь»), or «ли» with one in the nominative or dative («Провели
    ли вы проверку», «Оказали ли вам помощь»); or, instead of those, a short adverbial of
    time or manner (``_adverbial``: «провели 12 марта проверку», «оказали своевременно
    помощь»). 0 when the word at ``i`` is no verb or no such words follow."""
    if not tags[i].startswith(("VERB", "INFN")):
        return 0
    j = i + 1
    if j < len(tags) and lemmas[j] == "ли":
        j += 1
    if j < len(tags) and tags[j].startswith("NPRO") and "Apro" not in tags[j]:
        if "datv" in tags[j] or ("nomn" in tags[j] and j > i + 1):
            j += 1
    return j - i - 1 or _adverbial(tags, lemmas, j)


_MONTHS = frozenset(rules_toml("ru_grammar.toml")["months"])
# adverbs of degree and quantity belong to the word after them («оказалось очень мало
# помощи», «провели ещё проверку»: one more), not to the verb
_DEGREE = frozenset(
    {"очень", "слишком", "почти", "совсем", "вполне", "ещё", "более", "менее", "больше", "меньше", "немного", "много", "достаточно", "недостаточно", "так"}
)


def _adverbial(tags: list[str], lemmas: list[str], j: int) -> int:
    """The length of the adverbial of time or manner at ``j`` that a split predicate's verb
    may have before its noun, and the one verb keeps in place («провели 12 марта проверку»
    → «проверили 12 марта»): an adverb, a date, «в мае», «в 2025 году», «в этом году». 0 for
    anything else, which may belong to the noun after it as well as to the verb: a place
    («провели в школе проверку»), a bare number («провели 2 проверки»: it counts the noun)."""
    n = len(tags)

    def lemma(k: int) -> str:
        return lemmas[k] if k < n else ""

    tag = tags[j] if j < n else ""
    if tag.startswith("ADVB") and "Ques" not in tag and lemma(j) not in _DEGREE:
        return 1  # «своевременно», «повторно»
    if lemma(j).isdigit() and lemma(j + 1) in _MONTHS:
        return 4 if lemma(j + 2).isdigit() and lemma(j + 3) == "год" else 2  # «12 марта (2025 года)»
    if lemma(j) == "в" and lemma(j + 1) in _MONTHS:
        return 2  # «в мае»
    if lemma(j) == "в" and lemma(j + 2) == "год":
        year = lemma(j + 1)
        if year.isdigit() or year in ("это", "этот", "тот") or (j + 1 < n and tags[j + 1].startswith("ADJF")):
            return 3  # «в 2025 году», «в этом году», «в текущем году»
    return 0


def phrase_tokens(
    name: str, texts: list[str], annotate: Callable[[list[str]], list[tuple[str, ...]]], sources: list[Path]
) -> dict[str, tuple[str, ...]]:
    """Each phrase text's token strings, from the data cache when the phrases, the rule
    data and the annotating code are unchanged."""
    unique = sorted(set(texts))
    digest = hashlib.sha256("\0".join(unique).encode()).hexdigest()[:16]

    def build() -> dict[str, tuple[str, ...]]:
        return dict(zip(unique, annotate(unique)))

    return cached(f"phrases-{name}-{digest}", sources, build)
