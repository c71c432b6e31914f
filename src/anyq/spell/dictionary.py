"""Is a word known? Our own resources first, hunspell last.

Russian: the official-vocabulary lexicon (``rules/data/ru_lexicon.txt``), pymorphy3's
dictionary (OpenCorpora, 5 million forms: it knows many official words hunspell ru_RU lacks),
then a lexicon *lemma* under pymorphy3's guess by analogy («акиматах» → акимат), then hunspell.
Kazakh: our lexicon of stems (hunspell-kk's 54,000 entries + ``rules/data/kk_lexicon.txt``)
under a valid suffix chain (our stemmer: vowel harmony, plural–possessive–case order, verb
endings), then hunspell-kk, which rejects about one correct Kazakh word in nine on its own.

hunspell is loaded lazily (ru_RU costs ~0.3–0.5 s) and only asked about words our resources do
not know, so a clean letter often never loads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from anyq.resources import package_data
from anyq.text.letters import KAZAKH_LETTERS

ALPHABET = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
}
_HUNSPELL = {"ru": "ru_RU", "kk": "kk_KZ"}


@cache
def hunspell(lang: str):
    if lang == "kk":
        from anyq.nlp.stem_kk import _hunspell

        return _hunspell()  # the stemmer's second opinion: one kk_KZ in memory, loaded once
    import hunspell as _h

    from anyq.datacache import hunspell_dir

    name = _HUNSPELL[lang]
    return _h.Hunspell(name, hunspell_data_dir=str(hunspell_dir(name, package_data("hunspell"))))


@cache
def ru_lexicon() -> frozenset[str]:
    """The Russian official-vocabulary lexicon (the one morphology and language id use), lower
    case, with ё also written as е. Each entry is accepted as written and, as a lemma, in every
    form pymorphy3 parses to it."""
    from anyq.nlp.morph_ru import official_lexicon

    return frozenset(official_lexicon() | {w.replace("ё", "е") for w in official_lexicon()})


@cache
def _morph():
    from anyq.nlp.morph_ru import morphology

    return morphology()


@cache
def _stemmer():
    from anyq.nlp.stem_kk import stemmer

    return stemmer()


def known_ru_form(lower: str) -> bool:
    """In the lexicon or pymorphy3's dictionary as written (microseconds: for candidates).

    pymorphy3 knows a word written with е where ё belongs («еще») and with ё («ещё»); a ё
    where the word has е («обращёние») is a typo, so ё is never read as е here."""
    if lower in ru_lexicon():
        return True
    return _morph().is_known(lower)


@lru_cache(maxsize=100_000)
def known_ru(lower: str) -> bool:
    if known_ru_form(lower):
        return True
    # a lexicon lemma under pymorphy3's guess by analogy: «акиматах», «маслихатам»
    lexicon = ru_lexicon()
    return any(p.normal_form in lexicon for p in _morph().analyzer.parse(lower))


@lru_cache(maxsize=100_000)
def known_kk(lower: str) -> bool:
    s = _stemmer()
    if lower in s.lex.words:
        return True
    if s.analyse_own(lower).known:
        return True
    from anyq.spell.kazakh_derivation import known_by_contraction, known_by_derivation, known_by_glide

    return (
        known_by_derivation(lower)
        or ("и" in lower and known_by_contraction(lower))
        or ("я" in lower and known_by_glide(lower))
    )


@lru_cache(maxsize=100_000)
def known_hunspell(word: str, lang: str) -> bool:
    h = hunspell(lang)
    if h.spell(word):
        return True
    lower = word.lower()
    if lower != word and h.spell(lower):
        return True
    if word[:1].islower() and h.spell(word[:1].upper() + word[1:]):
        return True  # proper nouns the dictionary has only capitalised: «Қазақстан»
    # hunspell-kk has no ё at all (a loanword «актёр» is listed as «актер»); ru_RU has ё where
    # it belongs, so a Russian ё is not read as е: «обращёние» is a typo
    return lang == "kk" and "ё" in word and h.spell(word.replace("ё", "е"))


@cache
def _hunspell_kk_parts() -> tuple[frozenset[str], frozenset[str], int]:
    """hunspell-kk's stems and endings, for a cheap test before asking it: kk_KZ.aff has only
    suffix rules (no prefixes, no compounds, no continuation flags), so every word it accepts is
    a stem of kk_KZ.dic, less a rule's stripped letters, plus a rule's ending, or no ending."""
    dic, aff = package_data("hunspell", "kk_KZ.dic"), package_data("hunspell", "kk_KZ.aff")
    strips, endings = {""}, {""}
    for line in aff.read_text(encoding="utf-8-sig").splitlines():
        f = line.split()
        if len(f) >= 5 and f[0] == "SFX":
            strips.add("" if f[2] == "0" else f[2].lower())
            endings.add("" if f[3] == "0" else f[3].split("/")[0].lower())
    stems: set[str] = set()
    for line in dic.read_text(encoding="utf-8-sig").splitlines()[1:]:
        root = line.split("/")[0].strip().lower()
        stems.update(root[: len(root) - len(x)] for x in strips if root.endswith(x))
    return frozenset(stems), frozenset(endings), max(map(len, endings))


def may_be_hunspell_kk(lower: str) -> bool:
    """False when hunspell-kk surely rejects ``lower`` (a stem and an ending of its files cannot
    make it): spares a hunspell call (and its cache entry) per filling when lost letters are
    restored. Never False for a word hunspell-kk accepts as written or capitalised."""
    if "ё" in lower:
        return True  # read with е (``known_hunspell``)
    stems, endings, longest = _hunspell_kk_parts()
    n = len(lower)
    return any(lower[j:] in endings and lower[:j] in stems for j in range(max(0, n - longest), n + 1))


def known_own(lower: str, lang: str) -> bool:
    """Known to our own resources (no hunspell): what candidate generation asks."""
    return known_ru(lower) if lang == "ru" else known_kk(lower)


@lru_cache(maxsize=100_000)
def is_known(word: str, lang: str) -> bool:
    """A single word (letters only) of ``lang``, any case."""
    lower = word.lower()
    if known_own(lower, lang):
        return True
    return known_hunspell(word, lang)


_HYPHEN = re.compile(r"[-‐‑]")


def is_known_token(text: str, lang: str) -> bool:
    """A token that may be hyphenated: «северо-западный», «егжей-тегжейлі», «вице-министр»."""
    if is_known(text, lang):
        return True
    parts = [p for p in _HYPHEN.split(text) if p]
    if len(parts) < 2:
        return False
    # each part in its own language: «педагог-ассистенттің» is a Russian noun and a Kazakh form
    return all(is_known(p, word_language(p, lang)) for p in parts if len(p) > 1)


def word_language(word: str, paragraph_lang: str) -> str:
    """A word with Kazakh-specific letters is checked as Kazakh even inside Russian text. In
    Kazakh text a word Kazakh does not know that is a Russian noun as the dictionary lists it
    («пандус», «энергетика») is a loan, checked as Russian; with a Kazakh ending it stays
    Kazakh (``kazakh_derivation.russian_noun``)."""
    if paragraph_lang == "ru" and not KAZAKH_LETTERS.isdisjoint(word):
        return "kk"
    if paragraph_lang == "kk" and KAZAKH_LETTERS.isdisjoint(word) and not is_known(word, "kk"):
        from anyq.spell.kazakh_derivation import russian_noun

        if russian_noun(word.lower()):
            return "ru"
    return paragraph_lang


class PerText(dict):
    """``fn`` of a string, kept per string and read as a dict: cheaper than an ``lru_cache``
    call, and usable with C-level ``map`` over a paragraph's tokens (bounded like the other
    per-word caches)."""

    __slots__ = ("fn",)

    def __init__(self, fn: Callable[[str], Any]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: str) -> Any:
        if len(self) >= 100_000:
            self.clear()
        value = self[key] = self.fn(key)
        return value


_UNKNOWN: dict[str, PerText] = {}


def unknown_tokens(paragraph_lang: str) -> PerText:
    """Per word of a paragraph in ``paragraph_lang``: is it unknown in its own language
    (``word_language``)? ``not is_known_token(word, word_language(word, paragraph_lang))``."""
    table = _UNKNOWN.get(paragraph_lang)
    if table is None:
        table = _UNKNOWN[paragraph_lang] = PerText(lambda w: not is_known_token(w, word_language(w, paragraph_lang)))
    return table


class Allowlist:
    """The user's words: accepted as written and, in Kazakh, under any suffix chain
    (an allowed stem «жапсаржай» also accepts «жапсаржайдың»); in Russian, in any form
    pymorphy3 parses to an allowed word."""

    def __init__(self, words: frozenset[str] = frozenset()) -> None:
        self.words = frozenset(w.strip().lower() for w in words if w.strip())
        self._cache: dict[tuple[str, str], bool] = {}

    def __bool__(self) -> bool:
        return bool(self.words)

    def allows(self, word: str, lang: str) -> bool:
        if not self.words:
            return False
        lower = word.lower()
        if lower in self.words or lower.replace("ё", "е") in self.words:
            return True
        key = (lower, lang)
        hit = self._cache.get(key)
        if hit is None:
            if lang == "ru":
                hit = any(p.normal_form in self.words for p in _morph().analyzer.parse(lower))
            else:
                hit = bool(_stemmer().candidate_stems(lower) & self.words)
            self._cache[key] = hit
        return hit


def read_allowlist(path: str) -> list[str]:
    """An allowlist file: one word per line, ``#`` comments, UTF-8. A line that can never
    match (several words) is a ValueError naming the line."""
    from anyq.config import allow_entry_problem

    words: list[str] = []
    with open(path, encoding="utf-8-sig") as fh:
        for number, line in enumerate(fh, 1):
            line = line.split("#", 1)[0].strip()
            if line:
                problem = allow_entry_problem(line)
                if problem:
                    raise ValueError(f"line {number}: {problem}")
                words.append(line)
    return words
