"""Kazakh word formation the speller accepts on top of the stemmer's inflection.

The stemmer keeps derived words whole (its stems feed the jargon rules), so a correct derived
word whose whole stem is in no dictionary — «тәртіптік» (тәртіп + тік), «ұстаным» (ұстан +
ым), «тасымалдаушы» (тасымалда + у + шы), «куәландыр» (куә + лан + дыр), «көппәтерлі» (көп +
пәтер + лі) — would be flagged. Here a stem the stemmer left unknown is accepted when it is a
known word plus productive derivational suffixes, with vowel harmony and the consonant class
of each suffix checked as the stemmer checks inflection. Also the spelling of ы/і + й as «и»
in the forms of a verb whose stem ends in ы/і (``known_by_contraction``).
"""

from __future__ import annotations

from functools import lru_cache

from anyq.nlp import stem_kk as k
from anyq.resources import rules_toml

_V, _C = k.V, k.C
_after = k._letters
_VL = k._VL
_VOICED = "рйулмнңзж"
_VOICED_TO_VOICELESS = {"б": "п", "г": "к", "ғ": "қ"}

# (suffix, input part of speech, output part of speech)
_NOUN_TO_NOUN = [
    k.S("лық", "лік", "der.lyq", _after(_V, "рйу"), 0), k.S("дық", "дік", "der.lyq", _after("лмнңзж"), 0),
    k.S("тық", "тік", "der.lyq", _VL, 0),
    k.S("лы", "лі", "der.ly", _after(_V, "рйу"), 0), k.S("ды", "ді", "der.ly", _after("лмнңзж"), 0),
    k.S("ты", "ті", "der.ly", _VL, 0),
    k.S("сыз", "сіз", "der.syz", _after(_V, _C), 0),
    k.S("шы", "ші", "der.shy", _after(_V, _C), 0),
    k.S("лас", "лес", "der.las", _after(_V, "рйу"), 0), k.S("дас", "дес", "der.las", _after("лмнңзж"), 0),
    k.S("тас", "тес", "der.las", _VL, 0),
    k.S("ғы", "гі", "der.gy", _after(_V, _VOICED), 0), k.S("қы", "кі", "der.gy", _VL, 0),
    # «-дағы» makes a word that takes its own endings: балабақшадағыдан, қаладағыларға
    *k.REL,
]
_VERB_TO_NOUN = [
    k.S("ым", "ім", "der.ym", _after(_C), 0), k.S("м", "м", "der.ym", _after(_V), 0),
    k.S("ыс", "іс", "der.ys", _after(_C), 0),
    k.S("ыш", "іш", "der.ysh", _after(_C), 0),
    k.S("ғыш", "гіш", "der.gysh", _after(_V, _VOICED), 0), k.S("қыш", "кіш", "der.gysh", _VL, 0),
    k.S("ушы", "уші", "der.ushy", _after(_V, _C), 0),
    k.S("ма", "ме", "der.ma", _after(_V, "рйул"), 0), k.S("ба", "бе", "der.ma", _after("мнңзж"), 0),
    k.S("па", "пе", "der.ma", _VL, 0),
    k.S("ынды", "інді", "der.yndy", _after(_C), 0), k.S("нды", "нді", "der.yndy", _after(_V), 0),
    k.S("у", "у", "der.u", _after(_V, _C), 0),
]
_NOUN_TO_VERB = [
    k.S("ла", "ле", "der.la", _after(_V, "рйу"), 0), k.S("да", "де", "der.la", _after("лмнңзж"), 0),
    k.S("та", "те", "der.la", _VL, 0),
    k.S("лан", "лен", "der.lan", _after(_V, "рйу"), 0), k.S("дан", "ден", "der.lan", _after("лмнңзж"), 0),
    k.S("тан", "тен", "der.lan", _VL, 0),
]
_RULES = [(s, "NOUN", "NOUN") for s in _NOUN_TO_NOUN] + [(s, "VERB", "NOUN") for s in _VERB_TO_NOUN] + [
    (s, "NOUN", "VERB") for s in _NOUN_TO_VERB
]
# Productive first parts of compounds in official vocabulary: «көппәтерлі», «көпбалалы».
_COMPOUND_HEADS = tuple(rules_toml("kk_grammar.toml")["words"]["compound_heads"])


def _known(stem: str, pos: str) -> bool:
    lex = k.lexicon()
    if pos == "VERB":
        return lex.is_verb(stem)
    return stem in lex.words


@lru_cache(maxsize=50_000)
def derived_known(stem: str, pos: str, depth: int = 2) -> bool:
    """Is ``stem`` (lower case; "NOUN" or "VERB") a known word plus derivational suffixes?"""
    if len(stem) < 3:
        return False
    if pos == "VERB":
        # voice suffixes on a derived verb: куә + лан + дыр + ыл
        for v in k.VOICE:
            for surface in {v.back, v.front}:
                if stem.endswith(surface) and len(stem) > len(surface) + 2:
                    base = stem[: -len(surface)]
                    if k._fits(base, v, surface) and depth > 0 and derived_known(base, "VERB", depth - 1):
                        return True
    for suf, needs, gives in _RULES:
        if gives != pos:
            continue
        for surface in {suf.back, suf.front}:
            if not stem.endswith(surface) or len(stem) <= len(surface) + 1:
                continue
            base = stem[: -len(surface)]
            # a final п/к/қ is voiced before a vowel (тарап → тарабы); vowels do not drop
            # before derivation (өтін + уші is «өтінуші», never «өтнуші»)
            alts = [base]
            if surface[0] in k.VOWELS and base[-1:] in _VOICED_TO_VOICELESS:
                alts.append(base[:-1] + _VOICED_TO_VOICELESS[base[-1]])
            for alt in alts:
                if not k._fits(alt, suf, surface):
                    continue
                if _known(alt, needs) or (depth > 0 and derived_known(alt, needs, depth - 1)):
                    return True
    if pos == "NOUN":
        for head in _COMPOUND_HEADS:
            rest = stem[len(head) :]
            if stem.startswith(head) and len(rest) >= 3 and (_known(rest, "NOUN") or (depth > 0 and derived_known(rest, "NOUN", depth - 1))):
                return True
    return False


@lru_cache(maxsize=50_000)
def known_by_derivation(word: str) -> bool:
    """Some analysis of ``word`` (lower case) has a stem that is a known word plus derivation."""
    for stem, pos in k.stemmer().stems_with_pos(word):
        if derived_known(stem, pos):
            return True
    return False


@lru_cache(maxsize=50_000)
def known_by_contraction(word: str) -> bool:
    """Kazakh writes ы/і + й as «и»: тасы + й + ды → «тасиды», оқы + йтын → «оқитын», жылжы + й
    → «жылжи». ``word`` (lower case) is known when, with one «и» written out, a valid suffix
    chain follows a known verb stem ending in ы/і right where the «и» was."""
    lex = k.lexicon()
    st = k.stemmer()
    for i, ch in enumerate(word):
        if ch != "и" or i < 2:
            continue
        base = word[:i]
        stem = base + ("ы" if k.harmony(base) == "back" else "і")
        if lex.is_verb(stem) and (stem, "VERB") in st.stems_with_pos(stem + "й" + word[i + 1 :]):
            return True
    return False
