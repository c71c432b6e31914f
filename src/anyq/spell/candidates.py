"""Candidate corrections: known words one typing slip away, and Kazakh letters restored.

Each candidate carries the cost of the slip that would turn it into the typed word (see
``keyboard``). Only known words survive. Russian candidates are checked against pymorphy3's
dictionary (a few microseconds each). A Kazakh candidate must first pass a cheap filter —
a known stem as a prefix and the rest spelled like a chain of Kazakh suffixes — before the
stemmer's full analysis (about half a millisecond) confirms it, so a 15-letter word's ~1,300
single edits cost milliseconds, not a second.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import combinations, product
from pathlib import Path

from anyq.spell import keyboard
from anyq.spell.dictionary import ALPHABET, hunspell, known_hunspell, known_kk, known_ru, known_ru_form, may_be_hunspell_kk, ru_lexicon


# The longest word our letters use has 26 letters («қанағаттандырылмағандықтан»). A longer
# run of letters is no typo of a word, and its candidates grow with its length (its Kazakh
# restorations with its look-alike letters): it gets no suggestions and no restoration.
MAX_WORD_LENGTH = 32


@dataclass(frozen=True, slots=True)
class Candidate:
    word: str  # lower case
    cost: float  # cost of the slip(s) that turn this word into the typed one
    kind: str  # "swap", "extra", "missing", "wrong", "kazakh", "double"


def edits1(word: str, lang: str) -> dict[str, Candidate]:
    """Every word one slip away from ``word`` (lower case), with the cheapest slip's cost."""
    out: dict[str, Candidate] = {}

    def add(cand: str, cost: float, kind: str, pos: int) -> None:
        if pos == 0:
            cost += 0.2  # the first letter is rarely mistyped
        old = out.get(cand)
        if old is None or cost < old.cost:
            out[cand] = Candidate(cand, round(cost, 3), kind)

    letters = ALPHABET[lang]
    n = len(word)
    for i in range(n - 1):
        a, b = word[i], word[i + 1]
        if a != b:
            add(word[:i] + b + a + word[i + 2 :], 0.7, "swap", i)
    for i in range(n):
        add(word[:i] + word[i + 1 :], keyboard.extra_letter_cost(word, i, lang), "extra", i)
    for i in range(n):
        typed = word[i]
        for ch in letters:
            if ch != typed:
                add(word[:i] + ch + word[i + 1 :], keyboard.substitution_cost(typed, ch, lang), "wrong", i)
    for i in range(n + 1):
        for ch in letters:
            add(word[:i] + ch + word[i:], keyboard.missing_letter_cost(word, i, ch, lang), "missing", i)
    out.pop(word, None)
    return out


def kazakh_restorations(word: str, max_changes: int = 4, limit: int = 3000) -> Iterator[tuple[str, int]]:
    """``word`` with Russian look-alikes turned back into Kazakh letters (к → қ, о → ө …),
    fewest changes first: «казакстан» → … «қазақстан» (2 changes), «сиздин» → «сіздің» (и for і:
    a Russian layout has no і key)."""
    slots = [(i, keyboard.KAZAKH_FROM_BASE[ch]) for i, ch in enumerate(word) if ch in keyboard.KAZAKH_FROM_BASE]
    produced = 0
    for k in range(1, min(max_changes, len(slots)) + 1):
        for chosen in combinations(slots, k):
            for letters in product(*(opts for _, opts in chosen)):
                chars = list(word)
                for (i, _), ch in zip(chosen, letters):
                    chars[i] = ch
                yield "".join(chars), k
                produced += 1
                if produced >= limit:
                    return


# --- the Kazakh filter ------------------------------------------------------------------------


def _alternation(suffixes) -> str:
    surfaces = sorted({s for x in suffixes for s in (x.back, x.front)}, key=len, reverse=True)
    return "(?:" + "|".join(surfaces) + ")"


@cache
def _kk_tail() -> re.Pattern[str]:
    """Any sequence of Kazakh inflectional suffixes, spelled without checking harmony."""
    from anyq.nlp import stem_kk as k

    pl, poss, case, rel, pred = (_alternation(x) for x in (k.PLURAL, k.POSS, k.CASE, k.REL, k.PRED))
    deriv = "(?:лы|лі|ды|ді|ты|ті|сыз|сіз|шы|ші|лық|лік|дық|дік|тық|тік|ғы|гі|қы|кі|дай|дей|ша|ше)"
    nom = f"{deriv}?{pl}?{poss}?(?:{case}|{rel}{case}?)?{pred}?"
    voice, neg = _alternation(k.VOICE), _alternation(k.NEG)
    past, past_p = _alternation(k.PAST), _alternation(k.PAST_PERSON)
    pres, pres_p = _alternation(k.PRES), _alternation(k.PRES_PERSON)
    cond, cond_p = _alternation(k.COND), _alternation(k.COND_PERSON)
    final, nomz, abstr = _alternation(k.FINAL_VERBAL), _alternation(k.NOMINALIZERS), _alternation(k.ABSTRACT)
    verb = (
        f"{voice}{{0,3}}{neg}?(?:{past}{past_p}?|{pres}{pres_p}|{cond}{cond_p}?|{final}"
        f"|{nomz}{abstr}?{nom}|)"
    )
    return re.compile(f"(?:{nom}|{verb})")


@cache
def _kk_stem_shapes() -> frozenset[str]:
    """Known stems and the shapes they take before a suffix (бап → баб-, орын → орн-,
    оқы → оқ-у, жой → жо-ю). Built the first time a Kazakh word needs suggestions."""
    from anyq.datacache import cached
    from anyq.nlp import stem_kk
    from anyq.nlp.stem_kk import lexicon
    from anyq.resources import package_data, rules_data

    # the shapes come from the lexicon's build and this module's: both files are in the key
    sources = [package_data("hunspell", "kk_KZ.dic"), rules_data("kk_lexicon.txt"), rules_data("kk_stem_overrides.txt")]
    sources += [Path(stem_kk.__file__), Path(__file__)]
    return cached("kk-stem-shapes", sources, lambda: _build_stem_shapes(lexicon()))


def _build_stem_shapes(lex) -> frozenset[str]:
    from anyq.nlp.stem_kk import VOWELS

    out: set[str] = set(lex.words) | set(lex.verbs)
    voiced = {"п": "б", "к": "г", "қ": "ғ"}
    for w in list(out):
        if len(w) < 2:
            continue
        if w[-1] in voiced:
            out.add(w[:-1] + voiced[w[-1]])
        if w[-1] in "ыій":
            out.add(w[:-1])
        if len(w) >= 4 and w[-1] not in VOWELS and w[-2] in "ыі" and w[-3] not in VOWELS:
            out.add(w[:-2] + w[-1])
    return frozenset(out)


@cache
def _longest_shape() -> int:
    return max(map(len, _kk_stem_shapes()), default=0)


@lru_cache(maxsize=200_000)
def _tail_ok(tail: str) -> bool:
    return _kk_tail().fullmatch(tail) is not None


_HARMONIC_BACK = frozenset("аоұы")
_HARMONIC_FRONT = frozenset("әеөүі")


def kk_plausible(word: str) -> bool:
    """Cheap necessary condition for a Kazakh word form to be known: a known stem (in one of
    its shapes) followed by something spelled like a chain of suffixes in the stem's vowel
    harmony."""
    from anyq.nlp.stem_kk import harmony

    shapes = _kk_stem_shapes()
    # no stem is longer than the longest shape: starting there keeps a call linear in the
    # word's length (from the word's end, each slice and hash made it quadratic)
    for k in range(min(len(word), _longest_shape()), 1, -1):
        stem = word[:k]
        if stem not in shapes:
            continue
        tail = word[k:]
        if not _tail_ok(tail):
            continue
        vowels = [ch in _HARMONIC_BACK for ch in tail if ch in _HARMONIC_BACK or ch in _HARMONIC_FRONT]
        if vowels:
            if any(v != vowels[0] for v in vowels):
                continue  # a chain of suffixes keeps one harmony
            h = harmony(stem)
            if h is not None and vowels[0] != (h == "back"):
                continue
        return True
    return False


@cache
def _ru_lexicon_stems() -> dict[str, tuple[str, ...]]:
    """The Russian lexicon's entries without their last two letters, by their first four: a
    candidate starting with one may be a form pymorphy3 only knows by analogy («акиматам»)."""
    out: dict[str, set[str]] = {}
    for w in ru_lexicon():
        stem = w[: max(4, len(w) - 2)]
        out.setdefault(w[:4], set()).add(stem)
    return {k: tuple(v) for k, v in out.items()}


def _ru_lexicon_form(word: str) -> bool:
    stems = _ru_lexicon_stems().get(word[:4])
    return bool(stems) and any(word.startswith(st) for st in stems) and known_ru(word)


@cache
def _sorted_shapes() -> list[str]:
    return sorted(_kk_stem_shapes())


def kk_word_may_start(prefix: str) -> bool:
    """Can a word :func:`kk_plausible` accepts start with ``prefix`` (lower case)? Either a
    known stem (in one of its shapes) starts with it, or it starts with one (suffixes follow).
    Lets a search fill a word's unknown letters left to right and drop dead ends early."""
    shapes = _sorted_shapes()
    i = bisect_left(shapes, prefix)
    if i < len(shapes) and shapes[i].startswith(prefix):
        return True
    known = _kk_stem_shapes()
    return any(prefix[:k] in known for k in range(2, min(len(prefix), _longest_shape()) + 1))


def known_kk_word(word: str) -> bool:
    """A Kazakh word (lower case) our stemmer or hunspell-kk knows."""
    return (kk_plausible(word) and known_kk(word)) or known_hunspell(word, "kk")


def known_kk_filling(word: str) -> bool:
    """``known_kk_word`` for the thousands of fillings a restoration of lost letters tries: a
    filling no stem and ending of hunspell-kk's files can spell is rejected without asking it.
    Only restoration uses it, as reading those files costs about 0.2 s, once: a cold check of an
    undamaged Kazakh letter does not pay it."""
    return (kk_plausible(word) and known_kk(word)) or (may_be_hunspell_kk(word) and known_hunspell(word, "kk"))


@lru_cache(maxsize=20_000)
def kazakh_restoration(lower: str, max_changes: int = 4) -> str | None:
    """The Kazakh word an unknown form typed with Russian look-alikes stands for.

    «казакстан» → «қазақстан». Of the known restorations, a form our corpora use beats one they
    do not, then fewer changes, then the more frequent lemma; None when the two best are
    equally good («кол»: қол or көл). The caller has established that ``lower`` is unknown.
    """
    from anyq.spell import frequency

    if len(lower) > MAX_WORD_LENGTH:
        return None
    found = [(w, k) for w, k in kazakh_restorations(lower, max_changes=max_changes) if known_kk_word(w)]
    if not found:
        return None

    def key(item: tuple[str, int]) -> tuple[int, int, float]:
        w, k = item
        return (0 if frequency.is_common_form(w, "kk") else 1, k, -sum(frequency.log_frequency(w, "kk")))

    found.sort(key=key)
    if len(found) > 1:
        a, b = key(found[0]), key(found[1])
        if a[:2] == b[:2] and b[2] - a[2] < 0.5:
            return None
    return found[0][0]


_VOICED = {"п": "б", "к": "г", "қ": "ғ"}


def _unvoiced(word: str, st) -> bool:
    """«жауапы»: a stem's final п/к/қ left voiceless before a vowel-initial suffix where the
    dictionary lists the voiced form («жауабы»). The stemmer accepts both (loanwords keep the
    voiceless letter: «типі»), so such a non-word is only kept out of the suggestions."""
    if word in st.lex.words:
        return False  # listed as written: «тарапынан»
    a = st.analyse_own(word)
    n = len(a.stem)
    if not (a.suffixes and n >= 2 and word.startswith(a.stem) and a.stem[-1] in _VOICED and word[n : n + 1] in "аәеиоөұүыі"):
        return False
    return word[: n - 1] + _VOICED[a.stem[-1]] + word[n:] in st.lex.words


def known_candidates(word: str, lang: str) -> list[Candidate]:
    """Known words one slip away from ``word`` (lower case), plus Kazakh restorations."""
    cands = edits1(word, lang)
    if lang == "kk":
        for restored, k in kazakh_restorations(word, max_changes=3, limit=400):
            if k > 1:
                c = Candidate(restored, round(0.3 * k, 3), "kazakh")
                if restored not in cands or cands[restored].cost > c.cost:
                    cands[restored] = c
        from anyq.nlp.stem_kk import stemmer

        st = stemmer()
        plausible = [c for c in cands.values() if len(c.word) > 1 and kk_plausible(c.word)]
        found = [c for c in plausible if c.word in st.lex.words or st.analyse_own(c.word).known]
        if len(found) < 3:
            # derived words («тәртіптік», «ұстаным») only when inflection leaves room
            found += [c for c in plausible if c not in found and known_kk(c.word)]
        found = [c for c in found if not _unvoiced(c.word, st)]
    else:
        found = [c for c in cands.values() if known_ru_form(c.word) or _ru_lexicon_form(c.word)]
    if not found:
        # Words only hunspell knows (rare forms, hunspell's own affix rules).
        h = hunspell(lang)
        found = [c for c in cands.values() if len(c.word) > 1 and h.spell(c.word)]
    return found


def hunspell_suggestions(word: str, lang: str) -> list[str]:
    """hunspell's own suggestions (slow: up to a second for Russian); the caller bounds its use."""
    return [s for s in hunspell(lang).suggest(word) if " " not in s and known_hunspell(s, lang)]
