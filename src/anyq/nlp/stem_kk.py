"""Kazakh suffix-stripping stemmer that follows vowel harmony and morphotactics.

Kazakh is agglutinative: «өтініштеріңіздің» = өтініш + тер (plural) + іңіз (your, polite)
+ дің (genitive). The stemmer strips inflection from the right in the order the grammar
allows — nominal: predicative person ← case ← possessive ← plural ← stem; verbal: person ←
tense/mood/participle/converb/verbal noun ← negation ← verb stem — checking at each step
that the suffix variant fits the sound before it (vowel harmony: back а о ұ ы vs front
ә е ө ү і; consonant class: «-лар» after vowels, «-дар» after л м н ң з ж, «-тар» after
voiceless consonants) and undoing the voicing of п к қ before vowels (бап → бабы).

Every analysis whose stem is a known word (hunspell-kk's 54,000 entries, the verbs among
them, our official-vocabulary lexicon) is scored; short, ambiguous suffixes cost more than
long, unambiguous ones, so «қала» stays «қала» rather than «қал» + converb «-а». Voice
suffixes (passive «-ыл», causative «-дыр», reciprocal «-ыс») are derivation and stay in the
stem («қаралды» → «қарал»), but a voice-derived stem counts as known when its base verb is.
hunspell-kk's own ``stem()`` is a second opinion for words our analyses leave unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from anyq.datacache import cached
from anyq.resources import package_data, rules_data

VOWELS = set("аәеёиоөуұүыіэюя")
BACK = set("аоұыяёу")
FRONT = set("әеөүіэи")
VOICELESS = set("пткқсшфхцчщһ")
VOICED_DB = set("бвгд")  # rare stem-final voiced stops behave like voiceless ones
# у, ю, и end in a glide ([w], [j]): before a suffix they behave as consonants
# (оқу → оқуы, оқуға; ми → миы), though they are syllable nuclei.
GLIDES = set("уюи")
# Surface classes used in suffix conditions.
V = "V"  # after a vowel
C = "C"  # after a consonant


def _last_vowel(s: str) -> str | None:
    for ch in reversed(s):
        if ch in VOWELS:
            return ch
    return None


# Loanwords whose suffixes do not follow their last vowel («банк» → банкте, «пункт» →
# пункттері; «ресурс» → ресурсы): the lexicon's third column says "front" or "back".
HARMONY_OVERRIDES: dict[str, str] = {}


def harmony(s: str) -> str | None:
    fixed = HARMONY_OVERRIDES.get(s)
    if fixed is not None:
        return fixed
    if s.endswith("ь"):
        return "front"  # a loan in «-ль», «-нь» takes front endings: модульдер, стильдің, фестивальге
    v = _last_vowel(s)
    if v is None:
        return None
    if v in ("и", "э"):
        return "front"
    if v in ("у", "ю"):
        # у after a front vowel in the same word is front (тексеру → тексерудің)
        for ch in reversed(s[:-1] if s.endswith(("у", "ю")) else s):
            if ch in FRONT:
                return "front"
            if ch in BACK - {"у"}:
                return "back"
        return "back"
    return "back" if v in BACK else "front"


@dataclass(frozen=True, slots=True)
class Suffix:
    back: str
    front: str
    tag: str
    after: frozenset[str]  # allowed last letters of the preceding part; "V"/"C" as classes
    cost: float
    # The slot the preceding part must end with, if the suffix needs one («-на» after poss3).
    needs: str | None = None


def _letters(*groups: str | set[str]) -> frozenset[str]:
    out: set[str] = set()
    for g in groups:
        out.update(g if isinstance(g, set) else set(g) if g not in (V, C) else {g})
    return frozenset(out)


_VOICED_ALL = set("рйулмнңзж")
_AFTER_V = _letters(V)
_AFTER_C = _letters(C)
_ANY = _letters(V, C)
_VL = _letters(VOICELESS, VOICED_DB)


def S(back: str, front: str, tag: str, after: frozenset[str], cost: float, needs: str | None = None) -> Suffix:
    return Suffix(back, front, tag, after, cost, needs)


# --- nominal inflection -------------------------------------------------------------------
PLURAL = [
    S("лар", "лер", "pl", _letters(V, "рйу"), 0.15),
    S("дар", "дер", "pl", _letters("лмнңзж"), 0.15),
    S("тар", "тер", "pl", _VL, 0.15),
]
POSS = [
    S("ымыз", "іміз", "poss1pl", _AFTER_C, 0.25),
    S("мыз", "міз", "poss1pl", _AFTER_V, 0.3),
    S("ыңыз", "іңіз", "poss2pol", _AFTER_C, 0.15),
    S("ңыз", "ңіз", "poss2pol", _AFTER_V, 0.2),
    S("сы", "сі", "poss3", _AFTER_V, 0.2),
    S("ы", "і", "poss3", _AFTER_C, 0.3),
    S("ым", "ім", "poss1sg", _AFTER_C, 0.9),
    S("м", "м", "poss1sg", _AFTER_V, 0.95),
    S("ың", "ің", "poss2sg", _AFTER_C, 0.9),
    S("ң", "ң", "poss2sg", _AFTER_V, 0.95),
]
CASE = [
    S("ның", "нің", "gen", _letters(V, "мнң"), 0.1),
    S("дың", "дің", "gen", _letters("рйулзж"), 0.1),
    S("тың", "тің", "gen", _VL, 0.1),
    S("на", "не", "dat", _AFTER_V, 0.2, needs="poss3"),
    S("ға", "ге", "dat", _letters(V, _VOICED_ALL), 0.12, needs="not-poss3"),
    S("қа", "ке", "dat", _VL, 0.12, needs="not-poss3"),
    S("а", "е", "dat", _letters("мң"), 0.3, needs="poss12"),
    S("ны", "ні", "acc", _AFTER_V, 0.2, needs="not-poss3"),
    S("ды", "ді", "acc", _letters(_VOICED_ALL), 0.25),
    S("ты", "ті", "acc", _VL, 0.25),
    S("н", "н", "acc", _AFTER_V, 0.4, needs="poss3"),
    S("нда", "нде", "loc", _AFTER_V, 0.1, needs="poss3"),
    S("да", "де", "loc", _letters(V, _VOICED_ALL), 0.15, needs="not-poss3"),
    S("та", "те", "loc", _VL, 0.15),
    S("нан", "нен", "abl", _AFTER_V, 0.1, needs="poss3"),
    S("нан", "нен", "abl", _letters("мнң"), 0.1),
    S("дан", "ден", "abl", _letters(V, "рйулзж"), 0.1, needs="not-poss3"),
    S("тан", "тен", "abl", _VL, 0.1),
    S("менен", "менен", "ins", _letters(V, "рйулмнң"), 0.1),
    S("мен", "мен", "ins", _letters(V, "рйулмнң"), 0.12),
    S("бен", "бен", "ins", _letters("зж"), 0.12),
    S("пен", "пен", "ins", _VL, 0.12),
    S("дай", "дей", "sim", _letters(V, _VOICED_ALL), 0.3),
    S("тай", "тей", "sim", _VL, 0.3),
    S("ша", "ше", "equ", _ANY, 0.65),
]
REL = [
    S("ндағы", "ндегі", "rel", _AFTER_V, 0.1, needs="poss3"),
    S("дағы", "дегі", "rel", _letters(V, _VOICED_ALL), 0.1),
    S("тағы", "тегі", "rel", _VL, 0.1),
    S("ғы", "гі", "rel", _letters(V, _VOICED_ALL), 0.35),
    S("қы", "кі", "rel", _VL, 0.35),
]
PRED = [
    S("мын", "мін", "pred1sg", _letters(V, "рйул"), 0.65),
    S("бын", "бін", "pred1sg", _letters("мнңзж"), 0.65),
    S("пын", "пін", "pred1sg", _VL, 0.65),
    S("мыз", "міз", "pred1pl", _letters(V, "рйул"), 0.65),
    S("быз", "біз", "pred1pl", _letters("мнңзж"), 0.65),
    S("пыз", "піз", "pred1pl", _VL, 0.65),
    S("сыз", "сіз", "pred2pol", _ANY, 0.65),
    S("сың", "сің", "pred2sg", _ANY, 0.8),
]
# --- verbal inflection ---------------------------------------------------------------------
NEG = [
    S("ма", "ме", "neg", _letters(V, "рйул"), 0.2),
    S("ба", "бе", "neg", _letters("мнңзж"), 0.2),
    S("па", "пе", "neg", _VL, 0.2),
]
# Endings that make a noun-like word of a verb; the nominal chain continues after them.
NOMINALIZERS = [
    S("ған", "ген", "ptcp.past", _letters(V, _VOICED_ALL), 0.1),
    S("қан", "кен", "ptcp.past", _VL, 0.1),
    S("атын", "етін", "ptcp.hab", _AFTER_C, 0.1),
    S("йтын", "йтін", "ptcp.hab", _AFTER_V, 0.1),
    S("мақ", "мек", "ptcp.fut", _letters(V, "рйул"), 0.2),
    S("бақ", "бек", "ptcp.fut", _letters("мнңзж"), 0.2),
    S("пақ", "пек", "ptcp.fut", _VL, 0.2),
    S("мас", "мес", "ptcp.neg", _letters(V, "рйул"), 0.3),
    S("бас", "бес", "ptcp.neg", _letters("мнңзж"), 0.3),
    S("пас", "пес", "ptcp.neg", _VL, 0.3),
    S("ар", "ер", "ptcp.fut", _AFTER_C, 0.7),
    S("р", "р", "ptcp.fut", _AFTER_V, 0.8),
    S("у", "у", "vn", _ANY, 0.2),
    # the optative «-ғы/-гі» + possessive: «бергісі келеді» (wants to give)
    S("ғы", "гі", "opt", _letters(V, _VOICED_ALL), 0.3),
    S("қы", "кі", "opt", _VL, 0.3),
    S("ю", "ю", "vn", _ANY, 0.3),
]
# After a participle: «-дық» makes an abstract noun («берілгендігі»).
ABSTRACT = [
    S("дық", "дік", "abstr", _letters("н"), 0.1),
    S("тық", "тік", "abstr", _VL, 0.1),
]
PAST_PERSON = [
    S("м", "м", "1sg", _AFTER_V, 0.3),
    S("ңыздар", "ңіздер", "2polpl", _AFTER_V, 0.1),
    S("ңыз", "ңіз", "2pol", _AFTER_V, 0.15),
    S("ңдар", "ңдер", "2pl", _AFTER_V, 0.15),
    S("ң", "ң", "2sg", _AFTER_V, 0.4),
    S("қ", "к", "1pl", _AFTER_V, 0.3),
]
PAST = [
    S("ды", "ді", "past", _letters(V, _VOICED_ALL), 0.15),
    S("ты", "ті", "past", _VL, 0.15),
]
_AFTER_PRES = _letters(V, "й")
PRES_PERSON = [
    S("мын", "мін", "1sg", _AFTER_PRES, 0.1),
    S("мыз", "міз", "1pl", _AFTER_PRES, 0.1),
    S("сыздар", "сіздер", "2polpl", _AFTER_PRES, 0.1),
    S("сыз", "сіз", "2pol", _AFTER_PRES, 0.1),
    S("сыңдар", "сіңдер", "2pl", _AFTER_PRES, 0.1),
    S("сың", "сің", "2sg", _AFTER_PRES, 0.2),
    S("ды", "ді", "3", _AFTER_PRES, 0.1),
]
PRES = [
    S("а", "е", "pres", _AFTER_C, 0.3),
    S("й", "й", "pres", _AFTER_V, 0.3),
]
COND_PERSON = [
    S("м", "м", "1sg", _AFTER_V, 0.3),
    S("ңыздар", "ңіздер", "2polpl", _AFTER_V, 0.1),  # келіссеңіздер, as the past «келістіңіздер»
    S("ңыз", "ңіз", "2pol", _AFTER_V, 0.15),
    S("ң", "ң", "2sg", _AFTER_V, 0.4),
    S("қ", "к", "1pl", _AFTER_V, 0.3),
]
COND = [S("са", "се", "cond", _ANY, 0.2)]
# Finite endings that stand alone at the end of the word.
FINAL_VERBAL = [
    S("ыңыздар", "іңіздер", "imp2polpl", _AFTER_C, 0.1),
    S("ңыздар", "ңіздер", "imp2polpl", _AFTER_V, 0.1),
    S("ыңыз", "іңіз", "imp2pol", _AFTER_C, 0.3),
    S("ңыз", "ңіз", "imp2pol", _AFTER_V, 0.35),
    # dearer than poss3 + acc: «-масын» is nearly always a noun in «-ма» (бағдарламасын),
    # rarely a negative «let him not…» (бағдарла + ма + сын)
    S("сын", "сін", "imp3", _ANY, 0.45),
    S("айын", "ейін", "opt1sg", _AFTER_C, 0.2),
    S("йын", "йін", "opt1sg", _AFTER_V, 0.2),
    S("айық", "ейік", "opt1pl", _AFTER_C, 0.2),
    S("йық", "йік", "opt1pl", _AFTER_V, 0.2),
    S("ыпты", "іпті", "evid", _AFTER_C, 0.1),
    S("пты", "пті", "evid", _AFTER_V, 0.1),
    S("ып", "іп", "conv.p", _AFTER_C, 0.25),
    S("п", "п", "conv.p", _AFTER_V, 0.45),
    S("ғалы", "гелі", "conv.since", _letters(V, _VOICED_ALL), 0.1),
    S("қалы", "келі", "conv.since", _VL, 0.1),
    S("ғанша", "генше", "conv.until", _letters(V, _VOICED_ALL), 0.1),
    S("қанша", "кенше", "conv.until", _VL, 0.1),
    S("а", "е", "conv.a", _AFTER_C, 0.75),
    S("й", "й", "conv.a", _AFTER_V, 0.75),
    S("мақшы", "мекші", "intent", _letters(V, "рйул"), 0.1),
    S("бақшы", "бекші", "intent", _letters("мнңзж"), 0.1),
    S("пақшы", "пекші", "intent", _VL, 0.1),
    S("уда", "уде", "prog", _ANY, 0.1),
    # negation + converb «-май/-мей» («болмай», «бермей»): unambiguous together
    S("май", "мей", "neg.conv", _letters(V, "рйул"), 0.1),
    S("бай", "бей", "neg.conv", _letters("мнңзж"), 0.1),
    S("пай", "пей", "neg.conv", _VL, 0.1),
]
VOICE = [
    S("ыл", "іл", "pass", _AFTER_C, 0.05),
    S("л", "л", "pass", _AFTER_V, 0.05),
    S("ын", "ін", "pass", _letters("л"), 0.05),
    S("н", "н", "refl", _AFTER_V, 0.1),
    S("ын", "ін", "refl", _AFTER_C, 0.1),
    S("дыр", "дір", "caus", _letters(V, _VOICED_ALL), 0.05),
    S("тыр", "тір", "caus", _VL, 0.05),
    S("ғыз", "гіз", "caus", _letters(V, _VOICED_ALL), 0.05),
    S("қыз", "кіз", "caus", _VL, 0.05),
    S("т", "т", "caus", _AFTER_V, 0.1),
    S("ыс", "іс", "recip", _AFTER_C, 0.1),
    S("с", "с", "recip", _AFTER_V, 0.1),
]

_DEVOICE = {"б": "п", "г": "к", "ғ": "қ"}


def _fits(rest: str, suffix: Suffix, surface: str) -> bool:
    if len(rest) < 2 or not any(ch in VOWELS for ch in rest):
        return False
    last = rest[-1]
    if last == "ю":
        last = "у"  # жою: the glide ends the stem like у (жоюды, оқуды)
    elif last == "ь":
        last = rest[-2]  # the soft sign is silent: модуль + дер as after л (модульдер, стильдің)
    after = suffix.after
    if last in after:
        ok = True
    elif last in VOWELS and last not in GLIDES:
        ok = V in after
    else:
        ok = C in after
    if not ok:
        return False
    if suffix.back == suffix.front:
        return True
    h = harmony(rest)
    return h is None or (surface == suffix.back) == (h == "back")


@dataclass(frozen=True, slots=True)
class Analysis:
    """A word split into stem and suffixes (outermost last)."""

    word: str
    stem: str
    pos: str  # "NOUN" or "VERB" (participles and verbal nouns count as VERB)
    suffixes: tuple[tuple[str, str], ...]  # (tag, surface)
    known: bool
    cost: float

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(t for t, _ in self.suffixes)

    @property
    def ending(self) -> str:
        return "".join(s for _, s in self.suffixes)


class Lexicon:
    """Known Kazakh stems: hunspell-kk entries, its verbs, and our official vocabulary."""

    def __init__(self) -> None:
        sources = [package_data("hunspell", "kk_KZ.dic"), rules_data("kk_lexicon.txt"), rules_data("kk_stem_overrides.txt")]
        # keyed by this module's own file too: a change to how the lexicon is built must not read an old one
        key = [*sources, Path(__file__)]
        words, verbs, short, whole, overrides, harmony_overrides = cached("kk-lexicon-v5", key, lambda: self._build(*sources))
        self.words: frozenset[str] = words
        self.verbs: frozenset[str] = verbs
        self.short: frozenset[str] = short
        self.whole: frozenset[str] = whole
        self.overrides: dict[str, str] = overrides
        HARMONY_OVERRIDES.update(harmony_overrides)

    @staticmethod
    def _build(dic, lexicon, overrides_file) -> tuple:
        words: set[str] = set()
        verbs: set[str] = set()
        short: set[str] = set()
        whole: set[str] = set()
        harmony_overrides: dict[str, str] = {}
        with open(dic, encoding="utf-8-sig") as fh:
            next(fh)
            for line in fh:
                word, _, flags = line.rstrip("\n").partition("/")
                word = word.lower()
                words.add(word)
                # verbs appear as their verbal noun in -у/-ю with the verbal flag set
                if flags.startswith("Mm") and word[-1:] == "у" and len(word) > 2:
                    verbs.add(word[:-1])
                    if word[-2] in _DEVOICE:
                        # шағу → шақ-: the stem is written voiceless before a consonant (шаққан)
                        verbs.add(word[:-2] + _DEVOICE[word[-2]])
                elif flags.startswith("Mm") and word[-1:] == "ю" and len(word) > 2 and word[-2] in VOWELS:
                    # «-ю» is й + у: азаю, ұлғаю have the stem азай-, ұлғай- (азайған, ұлғайса), never
                    # аза-, ұлға- (which made «ортаны», «азады» verb forms); after и the й is
                    # written in the и (кию: киді, киген). меню, интервью are nouns.
                    verbs.add(word[:-1] + "й")
                    if word[-2] == "и":
                        verbs.add(word[:-1])
        with open(lexicon, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip() or line.startswith("#"):
                    continue
                stem, cls, *more = line.rstrip("\n").split("\t") + [""]
                stem = stem.lower()
                if " " in stem:
                    continue
                (verbs if cls.strip() == "V" else words).add(stem)
                flags = {f.strip() for f in more[0].split(",")} if more else set()
                if "short" in flags:
                    short.add(stem)
                if "whole" in flags:
                    whole.add(stem)
                for h in ("front", "back"):
                    if h in flags:
                        harmony_overrides[stem] = h
        overrides: dict[str, str] = {}
        with open(overrides_file, encoding="utf-8") as fh:
            for line in fh:
                if line.strip() and not line.startswith("#"):
                    form, _, stem = line.rstrip("\n").partition("\t")
                    overrides[form.strip().lower()] = stem.strip().lower()
        return frozenset(words), frozenset(verbs), frozenset(short), frozenset(whole), overrides, harmony_overrides

    def is_noun(self, s: str) -> bool:
        return s in self.words

    def is_verb(self, s: str, depth: int = 2) -> bool:
        if s in self.verbs:
            return True
        if depth == 0:
            return False
        for v in VOICE:
            for surface in (v.back, v.front):
                if s.endswith(surface) and len(s) > len(surface) + 1:
                    base = s[: -len(surface)]
                    if _fits(base, v, surface) and self.is_verb(base, depth - 1):
                        return True
        return False


@cache
def lexicon() -> Lexicon:
    return Lexicon()


def _strip(rest: str, layer: list[Suffix], need: str | None = None):
    """Yield (remaining, suffix, surface) for every suffix of ``layer`` that can end ``rest``."""
    for suf in layer:
        if need is not None and suf.needs is not None and suf.needs != need:
            continue
        for surface in {suf.back, suf.front}:
            if len(rest) > len(surface) and rest.endswith(surface):
                before = rest[: -len(surface)]
                if _fits(before, suf, surface):
                    yield before, suf, surface


def _alternants(rest: str, surface: str) -> list[str]:
    """The stem-side forms of ``rest`` before a vowel-initial suffix.

    The suffix voices a final п/к/қ (бап → бабы, құқық → құқығы) and drops the last
    vowel of some two-syllable stems (орын → орны, халық → халқы, ауыз → аузы).
    """
    out = [rest]
    if not surface or surface[0] not in VOWELS:
        return out
    if rest[-1:] in _DEVOICE:
        out.append(rest[:-1] + _DEVOICE[rest[-1]])
    if len(rest) >= 3 and rest[-1] not in VOWELS and rest[-2] not in VOWELS and sum(ch in VOWELS for ch in rest) == 1:
        # only two-syllable stems drop their last vowel (орын → орны, халық → халқы); a longer
        # one never does, so «өтіншіңіз» is a typo, not өтініш + іңіз
        v = "ы" if harmony(rest) == "back" else "і"
        out.append(rest[:-1] + v + rest[-1])
    return out


def _clear(stem: str, pos: str, chain: tuple) -> bool:
    """Whether suffixes may come off a stem no dictionary knows: not down to one syllable
    (a noun of four letters or more excepted, a loan: файл + ды), and not a lone one-letter
    ending; a one-letter possessive -ы/-і with a case after it is clear (офис + і + нде)."""
    if sum(ch in VOWELS for ch in stem) < 2 and (len(stem) < 4 or pos != "NOUN"):
        return False
    return len(chain[0][1]) > 1 or (chain[0][0] == "poss3" and len(chain) > 1)


# Hyphen look-alikes inside one token: the tokenizer keeps «жан–жақты» whole.
_HYPHENS = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))


@cache
def _nominal_endings() -> frozenset[str]:
    """Every ending of plural, possessive and case or «-дағы» in that order, as an
    abbreviation takes it after a hyphen («-ның», «-ЛАРЫНА», «-ДАҒЫ»)."""

    def surfaces(layer: list[Suffix]) -> set[str]:
        return {""} | {s for suf in layer for s in (suf.back, suf.front)}

    return frozenset(p + q + c for p in surfaces(PLURAL) for q in surfaces(POSS) for c in surfaces(CASE + REL)) - {""}


def _causative(stem: str, lex: Lexicon) -> bool:
    """A verb stem made causative from a known verb: жүргіз = жүр + гіз, өткіз = өт + кіз.
    The one-letter «-т» is left out: сипат, қанат are nouns before they are «сипа + т»."""
    for v in VOICE:
        if v.tag != "caus" or len(v.back) < 2:
            continue
        for surface in {v.back, v.front}:
            base = stem[: -len(surface)]
            if stem.endswith(surface) and len(base) >= 2 and _fits(base, v, surface) and lex.is_verb(base, depth=0):
                return True
    return False


class Stemmer:
    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or lexicon()
        self.analyse_own = lru_cache(maxsize=100_000)(self._analyse)
        self.analyse = lru_cache(maxsize=100_000)(self._analyse_with_second_opinion)

    # -- enumeration ---------------------------------------------------------------------
    def _nominal(self, rest: str, chain: tuple, cost: float, out: list, *, from_verb: bool = False) -> None:
        """Strip the nominal chain (pred → case/rel → poss → plural) then find a stem."""
        self._nom_case(rest, chain, cost, out, need=None)
        for before, suf, surf in _strip(rest, PRED):
            self._nom_case(before, ((suf.tag, surf),) + chain, cost + suf.cost, out, need=None)

    def _nom_case(self, rest: str, chain: tuple, cost: float, out: list, need: str | None) -> None:
        self._nom_poss(rest, chain, cost, out, need=None)
        for before, suf, surf in _strip(rest, CASE):
            for alt in _alternants(before, surf):
                self._nom_poss(alt, ((suf.tag, surf),) + chain, cost + suf.cost, out, need=suf.needs)
        for before, suf, surf in _strip(rest, REL):
            # «-дағы» forms can themselves stand on a possessive or plural stem.
            self._nom_poss(before, ((suf.tag, surf),) + chain, cost + suf.cost, out, need=suf.needs)

    def _nom_poss(self, rest: str, chain: tuple, cost: float, out: list, need: str | None) -> None:
        if need in (None, "not-poss3"):
            self._nom_plural(rest, chain, cost, out)
        elif need == "poss3" and rest[-1:] in ("ы", "і"):
            # a word that is itself a possessive form in the dictionary: отбасы + на, құрамы + нда
            self._nom_plural(rest, chain, cost + 0.1, out)
        for before, suf, surf in _strip(rest, POSS):
            if need == "poss3" and suf.tag != "poss3":
                continue
            if need == "not-poss3" and suf.tag == "poss3":
                continue
            if need == "poss12" and suf.tag not in ("poss1sg", "poss2sg"):
                continue
            for alt in _alternants(before, surf):
                self._nom_plural(alt, ((suf.tag, surf),) + chain, cost + suf.cost, out)

    def _nom_plural(self, rest: str, chain: tuple, cost: float, out: list) -> None:
        self._base(rest, chain, cost, out)
        for before, suf, surf in _strip(rest, PLURAL):
            self._base(before, ((suf.tag, surf),) + chain, cost + suf.cost, out)

    def _base(self, rest: str, chain: tuple, cost: float, out: list) -> None:
        out.append((rest, "NOUN", chain, cost))
        # A nominalised verb: participle, verbal noun, optionally with «-дық».
        for before, suf, surf in _strip(rest, ABSTRACT):
            for b2, s2, surf2 in _strip(before, NOMINALIZERS):
                if s2.tag.startswith("ptcp"):
                    self._neg(b2, ((s2.tag, surf2), (suf.tag, surf)) + chain, cost + suf.cost + s2.cost, out)
        for alt in _alternants(rest, chain[0][1] if chain else ""):
            for before, suf, surf in _strip(alt, NOMINALIZERS):
                if surf != "ю":  # «-ю» only ends a stem in «й»: жой + у → жою, never жібер + ю
                    self._neg(before, ((suf.tag, surf),) + chain, cost + suf.cost, out)
                if suf.tag == "vn":
                    # жой + у → жою; оқы + у → оқу, тап + у → табу
                    stems = [before + "й"] if surf == "ю" else [before + ("ы" if harmony(before) == "back" else "і")]
                    for stem in stems:
                        out.append((stem, "VERB", ((suf.tag, surf),) + chain, cost + suf.cost + 0.05))

    def _verbal(self, word: str, out: list) -> None:
        for before, suf, surf in _strip(word, PAST):
            self._neg(before, ((suf.tag, surf),), suf.cost, out)
        for b1, p, psurf in _strip(word, PAST_PERSON):
            for before, suf, surf in _strip(b1, PAST):
                self._neg(before, ((suf.tag, surf), (p.tag, psurf)), suf.cost + p.cost, out)
        for b1, p, psurf in _strip(word, PRES_PERSON):
            for before, suf, surf in _strip(b1, PRES):
                self._neg(before, ((suf.tag, surf), (p.tag, psurf)), suf.cost + p.cost, out)
            if b1.endswith("и") and len(b1) > 2:
                # a stem-final ы/і fuses with the glide й into и: таны + й + ды → таниды
                stem = b1[:-1] + ("ы" if harmony(b1[:-1]) == "back" else "і")
                out.append((stem, "VERB", (("pres", "и"), (p.tag, psurf)), 0.3 + p.cost))
        for b1, p, psurf in _strip(word, COND_PERSON):
            for before, suf, surf in _strip(b1, COND):
                self._neg(before, ((suf.tag, surf), (p.tag, psurf)), suf.cost + p.cost, out)
        for before, suf, surf in _strip(word, COND + FINAL_VERBAL):
            self._neg(before, ((suf.tag, surf),), suf.cost, out)

    def _neg(self, rest: str, chain: tuple, cost: float, out: list) -> None:
        out.append((rest, "VERB", chain, cost))
        for before, suf, surf in _strip(rest, NEG):
            out.append((before, "VERB", ((suf.tag, surf),) + chain, cost + suf.cost))

    # -- choice ---------------------------------------------------------------------------
    def _analyse(self, word: str) -> Analysis:
        # a dash typed for the hyphen inside a word («жан–жақты») is the hyphen
        written = word.translate(_HYPHENS)
        w = written.lower()
        override = self.lex.overrides.get(w)
        if override is not None:
            return Analysis(word, override, "NOUN", ((("override", w[len(override):]),) if w != override else ()), True, 0.0)
        if "-" in w:
            head, _, tail = w.rpartition("-")
            upper_head, _, upper_tail = written.rpartition("-")
            # an upper-case head is an abbreviation when an ending follows it: in lower case
            # («ӘРПК-нің») or, in text all in capitals, one the nominal chain makes («ӘРПК-НІҢ»);
            # «ЖАН-ЖАҚТЫ», «ТЕРГЕП-ТЕКСЕРУ» are words in capitals, analysed as in lower case
            abbreviation = upper_head.isupper() and (not upper_tail.isupper() or tail in _nominal_endings())
            if head and (head.isdigit() or abbreviation):
                # «91-бабына» → the noun after the hyphen; «ӘРПК-нің» → the abbreviation.
                if head.isdigit() and tail:
                    inner = self.analyse_own(tail)
                    return Analysis(word, inner.stem, inner.pos, inner.suffixes, inner.known, inner.cost)
                return Analysis(word, head, "NOUN", (("case", tail),), True, 0.1)
        if len(w) < 3 or not any(ch in VOWELS for ch in w):
            return Analysis(word, w, "NOUN", (), w in self.lex.words, 0.0)

        cands: list[tuple[str, str, tuple, float]] = []
        self._nominal(w, (), 0.0, cands)
        self._verbal(w, cands)

        # Cost: each suffix adds (its cost - 0.3), so reliable suffixes (plural, most cases,
        # participles) make a deeper analysis cheaper and ambiguous one-letter ones dearer;
        # a bare word costs 0.25; an unknown stem 2.
        best: Analysis | None = None
        for stem, pos, chain, cost in cands:
            if pos == "VERB" and not chain:
                continue
            for alt in _alternants(stem, chain[0][1] if chain else ""):
                known = self._known(alt, pos, chain)
                if not known and chain and not _clear(alt, pos, chain):
                    continue  # an unknown stem is only stripped of clear, longer suffixes
                total = cost - 0.3 * len(chain) + (0.0 if known else 2.0) + (0.0 if chain else 0.25)
                if chain and len(alt) <= 2 and alt not in self.lex.short:
                    total += 0.5  # «аудан» is not «ау» + «-дан»: two-letter stems only from the short list
                if alt in self.lex.whole:
                    total -= 0.4  # үшін is not үші + н, жылу not жыл + у: the lexicon's "whole" words
                if alt[-1:] in _DEVOICE:
                    total += 0.01  # written stems end in п/к/қ, not б/г/ғ
                if pos == "VERB" and chain[-1][0] == "imp2pol" and _causative(alt, self.lex):
                    # «жүргізіңіз», «өткізіңіз»: a causative verb says "please conduct", where a
                    # noun reading («your conducting») would win on cost; nouns such as табыс,
                    # ұсыныс (табысыңыз, ұсынысыңыз) are no causatives and keep that reading
                    total -= 0.2
                a = Analysis(word, alt, pos, chain, known, round(total, 3))
                if best is None or a.cost < best.cost or (a.cost == best.cost and len(a.suffixes) > len(best.suffixes)):
                    best = a
        assert best is not None
        return best

    def stems_with_pos(self, word: str) -> set[tuple[str, str]]:
        """Every (stem, part of speech) a valid suffix chain leaves, known or not."""
        w = word.lower()
        cands: list[tuple[str, str, tuple, float]] = []
        self._nominal(w, (), 0.0, cands)
        self._verbal(w, cands)
        out: set[tuple[str, str]] = set()
        for stem, pos, chain, _cost in cands:
            if pos == "VERB" and not chain:
                continue
            for alt in _alternants(stem, chain[0][1] if chain else ""):
                out.add((alt, pos))
        return out

    def candidate_stems(self, word: str) -> set[str]:
        """Every stem a valid suffix chain leaves, known or not (for a user's allowlist)."""
        return {stem for stem, _ in self.stems_with_pos(word)}

    def _analyse_with_second_opinion(self, word: str) -> Analysis:
        best = self.analyse_own(word)
        if not best.known and len(word) > 3:
            w = word.translate(_HYPHENS).lower()
            second = self._hunspell_stem(w)
            if second and second != w:
                return Analysis(word, second, "NOUN", (("hunspell", w[len(second):]),), True, best.cost)
        return best

    def _known(self, stem: str, pos: str, chain: tuple) -> bool:
        if len(stem) < 2:
            return False
        if pos == "VERB":
            return self.lex.is_verb(stem)
        return self.lex.is_noun(stem)

    @staticmethod
    def _hunspell_stem(word: str) -> str | None:
        """hunspell-kk's opinion, used only when no analysis found a known stem."""
        try:
            stems = _hunspell().stem(word)
        except Exception:  # a missing or broken binding must not stop a check
            return None
        prefixes = [s for s in stems if word.startswith(s) and len(s) >= 2]
        return min(prefixes, key=len) if prefixes else None


@cache
def _hunspell():
    import hunspell

    from anyq.datacache import hunspell_dir

    base = hunspell_dir("kk_KZ", package_data("hunspell"))  # the same dictionary, faster to load
    return hunspell.Hunspell("kk_KZ", hunspell_data_dir=str(base))


@cache
def stemmer() -> Stemmer:
    return Stemmer()


def stem(word: str) -> str:
    return stemmer().analyse(word).stem
