"""«-тся» and «-ться» confused (S102): «Вам нужно обратится» for «обратиться».

Both forms are words, so the dictionary check (S101) cannot see the slip; the syntax can. The
infinitive («что делать?», with «ь») is needed after a word that takes one («нужно»,
«можете», «просим Вас», «должен»); the third person («что делает?», without «ь») after a
subject «он/она/оно» whose clause has no other predicate. The governors and the subjects are
the rule's ``params`` in ``rules/any/spelling.toml``; the few function words the syntax itself
reads («не позднее» as a preposition, «всё» as a subject) are in ``rules/data/ru_grammar.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from anyq.nlp.strings import TokenStrings
from anyq.resources import rules_toml


class Slip(NamedTuple):
    i: int  # the token written wrong
    right: str  # the word it should be, lower case
    certain: bool  # nothing but pronouns and particles between it and the word that decides


# the governor's own forms that take an infinitive: a predicative («нужно», «вправе»), a short
# adjective or participle («должен», «обязан»), a finite verb («можете», «просим»)
_GOVERNOR_TAGS = frozenset({"PRED", "ADJS", "PRTS", "VERB"})
# what may stand between a governor and its infinitive: «Вам необходимо в течение 10 дней лично
# обратиться». Nouns and adjectives only inside a prepositional phrase («в ЦОН»).
_BETWEEN = frozenset({"ADVB", "PRCL", "NPRO"})
_IN_PP = frozenset({"PREP", "NOUN", "ADJF", "NUMR", "NPRO", "UNKN", ""})
_WINDOW = 6
# «не позднее пятницы» (read as an adjective) opens a phrase like a preposition
_LIKE_PREP = frozenset(rules_toml("ru_grammar.toml")["like_prepositions"])
# read as particles, but they can be the subject of a finite verb: «подождать, и всё наладится»
_SUBJECT_LIKE = frozenset(rules_toml("ru_grammar.toml")["particle_subjects"])
# a clause ends at punctuation or a conjunction (UD POS)
_CLAUSE_END_POS = frozenset({"PUNCT", "CCONJ", "SCONJ"})
# other predicates that would make the infinitive depend on them: «Он обратиться не может»
_PREDICATE_TAGS = frozenset({"VERB", "INFN", "PRED", "ADJS", "PRTS"})


def _oc_pos(tag: str) -> str:
    """The OpenCorpora part of speech of a tag: «VERB,perf,intr sing,3per» → «VERB»."""
    return tag.split(",", 1)[0].split(" ", 1)[0]


@lru_cache(maxsize=20_000)
def _infinitive_of(word: str) -> str | None:
    """«обратится» → «обратиться» when that is the infinitive of the same verb."""
    from anyq.nlp.morph_ru import morphology

    parse = morphology().analyzer.parse
    right = word[:-3] + "ться"
    lemmas = {p.normal_form for p in parse(word) if p.tag.POS == "VERB" and "3per" in p.tag}
    if lemmas and any(p.tag.POS == "INFN" and p.normal_form in lemmas for p in parse(right)):
        return right
    return None


@lru_cache(maxsize=20_000)
def _third_person_of(word: str) -> str | None:
    """«обратиться» → «обратится» when that is the same verb's third person singular."""
    from anyq.nlp.morph_ru import morphology

    parse = morphology().analyzer.parse
    right = word[:-4] + "тся"
    lemmas = {p.normal_form for p in parse(word) if p.tag.POS == "INFN"}
    if lemmas and any(p.tag.POS == "VERB" and {"3per", "sing"} in p.tag and p.normal_form in lemmas for p in parse(right)):
        return right
    return None


def _clause_start(ts: TokenStrings, i: int) -> int:
    # a sentence start ends the walk too: the full stop of «2025 г.» is the abbreviation's token
    while i > 0 and ts.pos[i - 1] not in _CLAUSE_END_POS and not ts.sent_start[i]:
        i -= 1
    return i


def _clause_end(ts: TokenStrings, i: int) -> int:
    n = len(ts.pos)
    while i < n and ts.pos[i] not in _CLAUSE_END_POS:
        i += 1
        if i < n and ts.sent_start[i]:
            break
    return i


def _is_governor(ts: TokenStrings, g: int) -> bool:
    if _oc_pos(ts.tag[g]) not in _GOVERNOR_TAGS:
        return False
    if g > 0 and ts.lower[g - 1] == "как":
        return False  # «как можно скорее обратится», «как следует»: no infinitive wanted
    if ts.lower[g] == "может" and _clause_start(ts, g) == g:
        return False  # «Может(,) найдётся решение»: «maybe», whose comma writers drop
    return True


def _after_governor(ts: TokenStrings, g: int, certain: bool = True) -> Slip | None:
    """The first verb after governor ``g``, if it is a third person where the infinitive belongs."""
    in_pp = False
    n = len(ts.tag)
    for i in range(g + 1, min(n, g + 1 + _WINDOW)):
        pos, low, tag = _oc_pos(ts.tag[i]), ts.lower[i], ts.tag[i]
        if pos == "VERB" and low.endswith("тся"):
            right = _infinitive_of(low)
            return Slip(i, right, certain) if right else None
        if pos == "INFN" and i + 1 < n and ts.lower[i + 1] in ("и", "или"):
            # a second infinitive joined to the first: «не опаздывать и явится вовремя»
            return _after_governor(ts, i + 1, certain=False)
        if pos in ("PREP", "COMP") or low in _LIKE_PREP:
            in_pp = True  # «в течение 10 дней», «не позднее пятницы»
        elif pos in _BETWEEN and "nomn" not in tag and low not in _SUBJECT_LIKE:
            pass  # «Вам», «лично», «не»: not a subject of its own
        elif not (in_pp and pos in _IN_PP and ts.pos[i] not in _CLAUSE_END_POS):
            return None
        if pos not in ("PRCL", "NPRO"):
            certain = False
    return None


def _after_subject(ts: TokenStrings, i: int, governors: frozenset[str], subjects: frozenset[str]) -> Slip | None:
    """An infinitive «-ться» as the only predicate of a clause whose subject is «он/она/оно»."""
    j = i - 1
    while j >= 0 and _oc_pos(ts.tag[j]) in ("ADVB", "PRCL"):
        j -= 1
    if j < 0 or ts.lower[j] not in subjects:
        return None
    right = _third_person_of(ts.lower[i])
    if right is None:
        return None
    for k in range(_clause_start(ts, j), _clause_end(ts, i)):
        if k != i and (ts.lemma[k] in governors or _oc_pos(ts.tag[k]) in _PREDICATE_TAGS):
            return None  # «Он обратиться не может»: the infinitive depends on «может»
    return Slip(i, right, j == i - 1)


def slips(ts: TokenStrings, text: str, governors: frozenset[str], subjects: frozenset[str]) -> Iterator[Slip]:
    """Every «-тся/-ться» slip of a Russian paragraph (``text``: its lower-case text), in text
    order, each once. A paragraph without a governor and a «-тся», or without a subject and a
    «-ться», is passed over at C speed (most are)."""
    found: dict[int, Slip] = {}
    if "тся" in text and not governors.isdisjoint(ts.lemma):
        for i in [i for i, lemma in enumerate(ts.lemma) if lemma in governors]:
            slip = _after_governor(ts, i) if _is_governor(ts, i) else None
            if slip is not None:
                found.setdefault(slip.i, slip)
    if "ться" in text and not subjects.isdisjoint(ts.lower):
        for i, low in enumerate(ts.lower):
            if low.endswith("ться") and ts.tag[i].startswith("INFN"):
                slip = _after_subject(ts, i, governors, subjects)
                if slip is not None:
                    found.setdefault(slip.i, slip)
    return iter(sorted(found.values()))
