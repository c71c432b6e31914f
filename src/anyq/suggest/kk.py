"""Kazakh replacements that fit: the matched word's suffixes carried over, re-harmonised.

«тексеру жүргізді» → «тексерді», «тексеру жүргізілетін» → «тексерілетін», «тексеру
жүргізуге» → «тексеруге», «биылғы жылға» → «биылға». The last word of the match carries
the inflection (Kazakh is head-final); its suffix chain, as the stemmer found it, is put
on the replacement's stem, each suffix in the allomorph that fits the new stem — vowel
harmony (back а о ұ ы / front ә е ө ү і) and the consonant class of the sound before it
(«-ға» after a vowel or a voiced consonant, «-қа» after a voiceless one), with п/к/қ voiced
before a vowel (тап → табады).

"Where the stem allows": when the text's verb has a voice the rule's phrase does not name
(other than the passive, which is rebuilt for the new stem: тексер → тексеріл, бақыла →
бақылан), or a verb ending would land on a noun, there is no inflected form, and the
finding keeps its advice instead.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from anyq.nlp import stem_kk as K
from anyq.suggest.base import Fit

_TABLES: list[list[K.Suffix]] = [
    K.PLURAL, K.POSS, K.CASE, K.REL, K.PRED, K.NEG, K.NOMINALIZERS, K.ABSTRACT, K.PAST_PERSON,
    K.PAST, K.PRES_PERSON, K.PRES, K.COND_PERSON, K.COND, K.FINAL_VERBAL, K.VOICE,
]
_VOICING = {"п": "б", "к": "г", "қ": "ғ"}


def _needs_ok(needs: str | None, prev: str | None) -> bool:
    if needs is None:
        return True
    if needs == "poss3":
        return prev == "poss3"
    if needs == "not-poss3":
        return prev != "poss3"
    if needs == "poss12":
        return prev in ("poss1sg", "poss2sg")
    return False


@cache
def _allomorphs(tag: str, surface: str) -> tuple[K.Suffix, ...]:
    """The allomorphs of the suffix that appears as ``surface`` with ``tag``: its table's entries of that tag."""
    for table in _TABLES:
        if any(s.tag == tag and surface in (s.back, s.front) for s in table):
            return tuple(s for s in table if s.tag == tag)
    return ()


def attach(current: str, tag: str, surface: str, prev: str | None) -> str | None:
    """``current`` + the allomorph of (``tag``, ``surface``) that fits it; None if none does."""
    for suf in _allomorphs(tag, surface):
        if not _needs_ok(suf.needs, prev):
            continue
        form = suf.front if K.harmony(current) == "front" else suf.back
        if not K._fits(current, suf, form):
            continue
        if form[:1] in K.VOWELS and current[-1:] in _VOICING:
            return current[:-1] + _VOICING[current[-1]] + form  # тап + а → табады
        return current + form
    return None


def attach_chain(stem: str, chain: tuple[tuple[str, str], ...], prev: str | None = None) -> str | None:
    out = stem
    for tag, surface in chain:
        nxt = attach(out, tag, surface, prev)
        if nxt is None:
            return None
        out, prev = nxt, tag
    return out


_PASSIVE = ("ыл", "іл", "л", "ын", "ін", "н")


def passive(stem: str) -> str:
    """The passive stem: «-ыл/-іл» after a consonant, «-ын/-ін» after «л», «-л» after a vowel —
    but «-н» when the stem already has an «л» (қабылда → қабылдан, өлше → өлшен, жаса → жасал)."""
    last = stem[-1:]
    front = K.harmony(stem) == "front"
    if last in K.VOWELS and last not in K.GLIDES:
        return stem + ("н" if "л" in stem else "л")
    if last == "л":
        return stem + ("ін" if front else "ын")
    return stem + ("іл" if front else "ыл")


def _voice(token, phrase_stem: str) -> str | None:
    """What voice the text's verb adds to the phrase's verb: "" (none), "pass", or None (another voice)."""
    lemma = token.lemma_
    if lemma == phrase_stem or not lemma.startswith(phrase_stem):
        return "" if lemma == phrase_stem or token.norm_ == phrase_stem else None
    return "pass" if lemma[len(phrase_stem):] in _PASSIVE else None


def _analyse(word: str) -> K.Analysis:
    return K.stemmer().analyse(word)


def _match_case(template: str, word: str) -> str:
    if template[:1].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word


def _base(word: str) -> tuple[str, bool]:
    """The form of a replacement that takes endings: a verb's stem («көмектесу» → «көмектес»), a noun as written."""
    a = _analyse(word)
    if a.pos == "VERB" and a.tags[-1:] == ("vn",):
        return a.stem, True
    return word, False


def fit_word(token, phrase_word: str, replacement: str) -> str | None:
    """``replacement`` (its last word) with the inflection ``token`` has beyond ``phrase_word``."""
    a = token._.kk
    if a is None:
        return replacement
    words = replacement.split(" ")
    pa = _analyse(phrase_word)
    chain, pchain = a.suffixes, pa.suffixes
    voice = _voice(token, pa.stem) if a.pos == "VERB" else ""
    if voice is None:
        return None  # a causative or reciprocal the phrase does not have: no safe form
    if chain == pchain and not voice:
        return replacement  # the text has the form the rule names: the replacement as written
    stem, is_verb = _base(words[-1])
    if not voice and chain[: len(pchain)] == pchain:
        # the phrase's own form plus more («жүргізу» → «жүргізуге»): the extra on the replacement as written
        new = attach_chain(words[-1], chain[len(pchain):], pchain[-1][0] if pchain else None)
    elif a.pos == "VERB" and not is_verb:
        return None  # a verb's endings cannot go on a noun
    else:
        new = attach_chain(passive(stem) if voice else stem, chain)
    if new is None:
        return None
    words[-1] = new
    return " ".join(words)


_CASE_TAGS = {"nom": None, "gen": "gen", "dat": "dat", "acc": "acc", "loc": "loc", "abl": "abl", "ins": "ins"}


def _drop_case(token, case: str) -> str | None:
    """``token`` without its last suffix when that suffix is ``case`` («Заңға» → «Заң»)."""
    a = token._.kk
    if a is None or not a.suffixes or a.suffixes[-1][0] != case:
        return None
    surface = a.suffixes[-1][1]
    text = token.text
    if not text.lower().endswith(surface):
        return None
    base = text[: len(text) - len(surface)]
    if base[-1:] in ("б", "г", "ғ") and surface[:1] in K.VOWELS:
        base = base[:-1] + {"б": "п", "г": "к", "ғ": "қ"}[base[-1]]  # құқығына → құқық
    return base


def fit(doc: Doc, start: int, end: int, replace: list[str], phrase: str, object_case: str | None = None) -> Fit:
    last = doc[end - 1]
    if phrase.strip():
        phrase_word = phrase.split()[-1]
    else:
        # a pattern rule names no phrase: the matched word's own citation form stands for it
        # (a verb's base + «-у»: «жолданды» → «жолдау»), so all its endings carry over
        phrase_word = last.norm_ + ("у" if last.pos_ == "VERB" else "")
    if object_case and start > 0:
        # Kazakh postpositions govern the word *before* them: «Заңға сәйкес» → «Заң бойынша»
        src, _, dst = object_case.partition(">")
        prev = doc[start - 1]
        base = None
        for case in src.split("|"):
            base = _drop_case(prev, _CASE_TAGS.get(case, case))
            if base is not None:
                break
        if base is not None and dst == "nom":
            out = [f"{base} {r}" for r in replace]
            return Fit(end, tuple(dict.fromkeys(out)), start=start - 1)
        # the word before is already in the case the replacement wants («шешімі негізінде»)
    out: list[str] = []
    for rep in replace:
        f = fit_word(last, phrase_word, rep)
        if f is not None:
            out.append(_match_case(doc[start].text, f))
    return Fit(end, tuple(dict.fromkeys(out)))
