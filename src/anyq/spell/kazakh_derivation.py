"""Kazakh word formation the speller accepts on top of the stemmer's inflection.

The stemmer keeps derived words whole (its stems feed the jargon rules), so a correct derived
word whose whole stem is in no dictionary — «тәртіптік» (тәртіп + тік), «ұстаным» (ұстан +
ым), «тасымалдаушы» (тасымалда + у + шы), «куәландыр» (куә + лан + дыр), «көппәтерлі» (көп +
пәтер + лі) — would be flagged. Here a stem the stemmer left unknown is accepted when it is a
known word plus productive derivational suffixes, with vowel harmony and the consonant class
of each suffix checked as the stemmer checks inflection. Also the spelling of ы/і + й as «и»
in the forms of a verb whose stem ends in ы/і (``known_by_contraction``), and of й + а as «я»
in the forms of a verb in «-ай» (``known_by_glide``: азай + а + ды → «азаяды»).

Russian loans: a Russian noun in the form a dictionary lists it (``russian_noun``: «пандус»,
«эндокринолог») takes Kazakh endings and derivation, each checked against the loan's last vowel
and last letter as a Kazakh stem is (эндокринолог + тың, амбулатория + сы + на, модуль + дік);
a Russian adjective in «-ный» lends its stem to «-ды/-ді», «-лық/-лік» (мобильный → мобильді), a
Russian verb in «-овать» its root to «-ла/-да/-та» (аккредитовать → аккредиттеу).
Compounds of two known words (ұжымшар, мейірбике; a short last part from a list: бөбекжай) and
the dropped vowel of a compound's last part (кәсіпорын → кәсіпорны, as орын → орны) are
accepted too.
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
_VOWELS = k.VOWELS

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
    # the comparative: тез + ірек, оңай + ырақ, жақсы + рақ
    k.S("ырақ", "ірек", "der.comp", _after(_C), 0), k.S("рақ", "рек", "der.comp", _after(_V), 0),
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
# Productive short last parts: «бөбекжай», «саяжай».
_COMPOUND_TAILS = tuple(rules_toml("kk_grammar.toml")["words"]["compound_tails"])
# Derivation a Russian adjective's stem takes: мобильный → мобильді, институциональный → институционалдық
_FROM_ADJECTIVE = ("der.ly", "der.lyq")
_NOT_LOANS = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Init"}


@lru_cache(maxsize=50_000)
def russian_noun(word: str) -> bool:
    """A Russian noun of two syllables or more as a dictionary lists it (nominative singular,
    known to pymorphy3's dictionary, no name): the form a Kazakh letter borrows and puts its own
    endings on («пандус», «эндокринолог» + тың). Shorter nouns are left out: «кол», «бал»,
    «казан» are more often a Kazakh word with a Russian look-alike letter (қол, бал, қазан)."""
    if len(word) < 5 or sum(ch in _VOWELS for ch in word) < 2 or not word.isalpha():
        return False
    from anyq.nlp.morph_ru import morphology

    for p in morphology().analyzer.parse(word):
        tag = p.tag
        if (p.is_known and tag.POS == "NOUN" and tag.case == "nomn" and p.word == p.normal_form
                and _NOT_LOANS.isdisjoint(tag.grammemes)):
            # a Kazakh word typed with Russian look-alike letters is that word, not a loan:
            # «баска» is «басқа» (T111), whatever a Russian dictionary says
            from anyq.spell.candidates import kazakh_restoration

            return kazakh_restoration(word) is None
    return False


@lru_cache(maxsize=50_000)
def _russian_adjective_stem(stem: str) -> bool:
    """«мобиль» of «мобильный», «институционал» of «институциональный»."""
    if len(stem) < 4 or sum(ch in _VOWELS for ch in stem) < 2:
        return False
    from anyq.nlp.morph_ru import morphology

    m = morphology().analyzer
    for adj in (stem + "ный", stem + "ьный"):
        if any(p.is_known and p.tag.POS == "ADJF" and p.word == p.normal_form for p in m.parse(adj)):
            return True
    return False


@lru_cache(maxsize=50_000)
def _russian_verb_root(stem: str) -> bool:
    """«аккредит» of «аккредитовать»: a Russian verb in «-овать» lends its root to «-ла/-да/-та»
    (аккредит + те + у → «аккредиттеу»), as a noun does (лицензия + ла + у)."""
    if len(stem) < 4 or sum(ch in _VOWELS for ch in stem) < 2:
        return False
    from anyq.nlp.morph_ru import morphology

    verb = stem + "овать"
    return any(p.is_known and p.tag.POS == "INFN" and p.word == verb for p in morphology().analyzer.parse(verb))


def _known(stem: str, pos: str) -> bool:
    lex = k.lexicon()
    if pos == "VERB":
        return lex.is_verb(stem)
    return stem in lex.words or russian_noun(stem)


def _compound(stem: str) -> bool:
    """Two known words written as one: мейір + бике, шағын + аудан, бейне + жазба. Each part
    has four letters or more: the dictionary's many words of three letters would read slips as
    compounds (көрету = көр + ету, қызмекте = қыз + мек + те). The last part is a noun, a
    Russian one too (бейне + камера), not a verbal noun («жайлатсыру» is no жайлат + сыру)."""
    lex = k.lexicon()
    for i in range(4, len(stem) - 3):
        head, tail = stem[:i], stem[i:]
        if head not in lex.words or _verbal_noun(tail, lex):
            continue
        if _dropped_plural_consonant(head, tail) or _wrong_negation_class(head, tail):
            continue
        if head.endswith(_ADJECTIVE_ENDINGS):
            continue  # a derived adjective is written apart from its noun: «жергілікті атқарушы»
        if tail in lex.words or russian_noun(tail):
            return True
    return False


def _verbal_noun(word: str, lex: k.Lexicon) -> bool:
    """A verb's noun in «-у», or in «-ю» of a stem in «й» (қою = қой + у)."""
    if word.endswith("у"):
        return lex.is_verb(word[:-1], depth=0)
    return word.endswith("ю") and lex.is_verb(word[:-1] + "й", depth=0)


def _dropped_plural_consonant(head: str, tail: str) -> bool:
    """«азамат» + «ардың» is no compound but «азаматтардың» with its т lost, the commonest slip:
    the dictionary lists some inflected forms («ардың», «ерді») that would pass as the tail.
    A Russian loan in -ст/-зд drops its т/д by the spelling rules: «туристер» is right."""
    if tail[:2] not in ("ар", "ер") or head.endswith(("ст", "зд")):
        return False
    st = k.stemmer()
    for consonant in "тдл":
        a = st.analyse_own(head + consonant + tail)
        if a.known and a.stem == head and a.tags[:1] == ("pl",):
            return True
    return False


def _wrong_negation_class(head: str, tail: str) -> bool:
    """«бекіт» + «месе» is no compound but «бекітпесе» with the negation's consonant of the wrong
    class (-ма/-ме after a vowel or р й у л, -ба/-бе after м н ң з ж, -па/-пе after a voiceless
    consonant): the dictionary lists words («месе», «маса») that would pass as the tail."""
    if tail[:1] not in "мбп":
        return False
    st = k.stemmer()
    for consonant in "мбп":
        if consonant != tail[0]:
            a = st.analyse_own(head + consonant + tail[1:])
            # the head a verb the lexicon lists or one made by derivation (тазар + т)
            if a.stem == head and a.tags[:1] == ("neg",) and (a.known or derived_known(head, "VERB")):
                return True
    return False


# the endings of a derived adjective (-лы, -лық, -ғы …): such a word is written apart from the
# noun it describes, so a run-together «жергіліктіатқарушы» is a slip, not a compound
_ADJECTIVE_ENDINGS = ("лы", "лі", "ды", "ді", "ты", "ті", "лық", "лік", "дық", "дік", "тық", "тік", "ғы", "гі", "қы", "кі")


@lru_cache(maxsize=50_000)
def derived_known(stem: str, pos: str, depth: int = 2) -> bool:
    """Is ``stem`` (lower case; "NOUN" or "VERB") a known word plus derivational suffixes?"""
    if len(stem) < 3:
        return False
    if pos == "VERB":
        # the causative «-т» after р and й of a verb of two syllables or more: тазар + т,
        # азай + т, өзгер + т (after a vowel the stemmer knows it: төменде + т)
        base = stem[:-1]
        if stem.endswith("т") and base[-1:] in ("р", "й") and sum(ch in _VOWELS for ch in base) >= 2:
            if _known(base, "VERB") or (depth > 0 and derived_known(base, "VERB", depth - 1)):
                return True
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
                if suf.tag in _FROM_ADJECTIVE and _russian_adjective_stem(alt):
                    return True
                if suf.tag == "der.la" and _russian_verb_root(alt):
                    return True
    if pos == "NOUN":
        for head in _COMPOUND_HEADS:
            rest = stem[len(head) :]
            if stem.startswith(head) and len(rest) >= 3 and (_known(rest, "NOUN") or (depth > 0 and derived_known(rest, "NOUN", depth - 1))):
                return True
        for tail in _COMPOUND_TAILS:
            head = stem[: -len(tail)]
            if stem.endswith(tail) and len(head) >= 3 and head in k.lexicon().words:
                return True
        if _compound(stem):
            return True
    return False


@lru_cache(maxsize=50_000)
def known_by_derivation(word: str) -> bool:
    """Some analysis of ``word`` (lower case) has a stem that is a known word plus derivation,
    a Russian noun (амбулатория + сы + на), or a compound whose last part drops its vowel."""
    for stem, pos in k.stemmer().stems_with_pos(word):
        # a bare Russian noun is no Kazakh word («Руководитель отдела» stays Russian): it is read
        # as a loan by ``dictionary.word_language`` only where Kazakh knows no other reading
        if derived_known(stem, pos) or (pos == "NOUN" and stem != word and russian_noun(stem)):
            return True
        if pos == "NOUN" and word.startswith(stem) and word[len(stem) : len(stem) + 1] in _VOWELS and _dropped_vowel(stem):
            return True
    return False


def _restored(stem: str) -> str | None:
    """The stem with the ы/і between its last two consonants written back (кәсіпорн → кәсіпорын)."""
    if len(stem) < 3 or stem[-1] in _VOWELS or stem[-2] in _VOWELS:
        return None
    return stem[:-1] + ("ы" if k.harmony(stem) == "back" else "і") + stem[-1]


def _dropped_vowel(stem: str) -> bool:
    """``stem`` is a known noun of three syllables or more whose last ы/і has dropped before a
    vowel, which the stemmer allows two-syllable stems only (орын → орны; «өтіншіңіз» is a
    slip): a compound whose last part drops it on its own, as the dictionary's short form of
    that part shows (кәсіпорын → кәсіпорны, as орын → «орны»)."""
    full = _restored(stem)
    words = k.lexicon().words
    if full is None or full not in words:
        return False
    return any(full[i:] in words and stem[i:] + full[-2] in words for i in range(2, len(full) - 3))


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


@lru_cache(maxsize=50_000)
def known_by_glide(word: str) -> bool:
    """Kazakh writes й + а as «я»: азай + а + ды → «азаяды», ұлғай + атын → «ұлғаятын».
    ``word`` (lower case) is known when, with one «я» after a vowel written out as «йа», a valid
    suffix chain follows a known verb stem ending in й right where the «я» was."""
    lex = k.lexicon()
    st = k.stemmer()
    for i, ch in enumerate(word):
        if ch != "я" or i < 2 or word[i - 1] not in _VOWELS:
            continue
        stem = word[:i] + "й"
        if lex.is_verb(stem) and (stem, "VERB") in st.stems_with_pos(stem + "а" + word[i + 1 :]):
            return True
    return False
