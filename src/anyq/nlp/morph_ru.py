"""Russian lemmas and grammemes from pymorphy3, as a spaCy component.

spaCy's own "pymorphy3" lemmatizer mode needs POS tags that a blank pipeline does not have,
and then returns the word unchanged whenever parses disagree. We take pymorphy3's best
parse (highest score) instead and map its OpenCorpora tag to Universal Dependencies
POS and features, so rules can match ``LEMMA``, ``POS`` and ``MORPH`` alike. The raw
OpenCorpora tag is ``token.tag_`` (also readable as ``token._.oc``), e.g. "PRTS,perf,pssv neut,sing".
"""

from __future__ import annotations

from functools import cache, lru_cache

import numpy
from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, LEMMA, LIKE_NUM, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as UPOS
from spacy.tokens import Doc, Token

from anyq.nlp.strings import columns
from anyq.nlp.words import _WORD, WORD_FLAGS
from anyq.resources import rules_data


def _oc_tag(token: Token) -> str:
    """The OpenCorpora tag of a word token (the component keeps it in ``token.tag_``)."""
    return token.tag_


# ``token.tag_`` is a C-level attribute, cheap to set and read; a stored custom attribute
# on every token would cost more than all the rules that read it. ``_.oc`` is its name.
if not Token.has_extension("oc"):
    Token.set_extension("oc", getter=_oc_tag)

_POS = {
    "NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB", "INFN": "VERB",
    "PRTF": "VERB", "PRTS": "VERB", "GRND": "VERB", "NUMR": "NUM", "ADVB": "ADV", "NPRO": "PRON",
    "PRED": "ADV", "PREP": "ADP", "CONJ": "CCONJ", "PRCL": "PART", "INTJ": "INTJ",
}
_FEATS = {
    "nomn": "Case=Nom", "gent": "Case=Gen", "gen2": "Case=Gen", "datv": "Case=Dat", "accs": "Case=Acc",
    "acc2": "Case=Acc", "ablt": "Case=Ins", "loct": "Case=Loc", "loc2": "Case=Loc", "voct": "Case=Voc",
    "sing": "Number=Sing", "plur": "Number=Plur", "masc": "Gender=Masc", "femn": "Gender=Fem",
    "neut": "Gender=Neut", "anim": "Animacy=Anim", "inan": "Animacy=Inan", "pres": "Tense=Pres",
    "past": "Tense=Past", "futr": "Tense=Fut", "1per": "Person=1", "2per": "Person=2", "3per": "Person=3",
    "perf": "Aspect=Perf", "impf": "Aspect=Imp", "actv": "Voice=Act", "pssv": "Voice=Pass",
    "indc": "Mood=Ind", "impr": "Mood=Imp", "Name": "NameType=Giv", "Surn": "NameType=Sur",
    "Patr": "NameType=Pat", "Geox": "NameType=Geo", "Orgn": "NameType=Com", "Abbr": "Abbr=Yes",
}
_VERBFORM = {"INFN": "VerbForm=Inf", "PRTF": "VerbForm=Part", "PRTS": "VerbForm=Part", "GRND": "VerbForm=Conv", "VERB": "VerbForm=Fin"}
_SHORT = {"PRTS", "ADJS"}


class RussianMorphology:
    def __init__(self) -> None:
        import pymorphy3

        self.analyzer = pymorphy3.MorphAnalyzer(lang="ru")
        self.analyse = lru_cache(maxsize=200_000)(self._analyse)

    def _analyse(self, word: str) -> tuple[str, str, str, str]:
        """``word`` (lower case) → (lemma, UD POS, UD features, OpenCorpora tag)."""
        parses = self.analyzer.parse(word)
        p = parses[0]
        if p.tag.POS == "PRTF":
            # «данному», «указанного»: where the dictionary has an adjective, officialese means it
            p = next((q for q in parses if q.tag.POS == "ADJF"), p)
        tag = p.tag
        oc_pos = tag.POS or ""
        pos = _POS.get(oc_pos, "X")
        if oc_pos == "CONJ" and word in _SUBORDINATORS:
            pos = "SCONJ"
        elif oc_pos == "NOUN" and tag.grammemes & _NAMES:
            pos = "PROPN"
        feats = {_FEATS[g] for g in tag.grammemes if g in _FEATS}
        if oc_pos in _VERBFORM:
            feats.add(_VERBFORM[oc_pos])
        if oc_pos in _SHORT:
            feats.add("Variant=Short")
        if oc_pos == "COMP":
            feats.add("Degree=Cmp")
        return p.normal_form, pos, "|".join(sorted(feats)), str(tag)

    def is_known(self, word: str) -> bool:
        """In pymorphy3's dictionary or in our lexicon of Kazakhstan's official words (тенге, акимат)."""
        return word in official_lexicon() or self.analyzer.word_is_known(word)


_NAMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
_SUBORDINATORS = {"что", "чтобы", "если", "когда", "потому", "поскольку", "так", "хотя", "пока", "как", "ибо", "будто"}

@cache
def official_lexicon() -> frozenset[str]:
    """``rules/data/ru_lexicon.txt``: Russian words of Kazakhstan's officialdom the dictionaries lack."""
    with open(rules_data("ru_lexicon.txt"), encoding="utf-8") as fh:
        return frozenset(w.strip().lower() for w in fh if w.strip() and not w.startswith("#"))


_morph: RussianMorphology | None = None


def morphology() -> RussianMorphology:
    global _morph
    if _morph is None:
        _morph = RussianMorphology()
    return _morph


# The component writes LEMMA, POS, TAG and MORPH with one ``doc.from_array`` instead of
# four Token attribute writes per token (each builds a Token and encodes its string).
_ATTRS = [LEMMA, POS, TAG, MORPH]
_PUNCT, _NUM, _SPACE, _SYM, _X = (UPOS[p] for p in ("PUNCT", "NUM", "SPACE", "SYM", "X"))


class _Encoded:
    """A word's annotation as the ids ``from_array`` takes, per lower-case word; the ids
    belong to one Vocab, so the table is started again for another."""

    def __init__(self, vocab) -> None:  # noqa: ANN001 - a spaCy Vocab
        self.vocab = vocab
        self.words: dict[str, tuple[int, int, int, int | None]] = {}

    def word(self, lower: str) -> tuple[int, int, int, int | None]:
        found = self.words.get(lower)
        if found is None:
            if len(self.words) >= 200_000:
                self.words.clear()
            lemma, pos, feats, oc = morphology().analyse(lower)
            add = self.vocab.strings.add
            morph = self.vocab.morphology.add(feats) if feats else None
            found = self.words[lower] = (add(lemma), UPOS[pos], add(oc), morph)
        return found


_encoded: _Encoded | None = None


@Language.component("anyq_ru_morph")
def ru_morph(doc: Doc) -> Doc:
    global _encoded
    if _encoded is None or _encoded.vocab is not doc.vocab:
        _encoded = _Encoded(doc.vocab)
    word_ids = _encoded.word
    add = doc.vocab.strings.add
    texts, alpha, punct, num, space = columns(doc, [ORTH, IS_ALPHA, IS_PUNCT, LIKE_NUM, IS_SPACE], strings=1)
    rows = doc.to_array(_ATTRS).tolist()  # what the component leaves alone stays as it is
    words = []
    for i, text in enumerate(texts):
        is_word = bool(alpha[i]) or ("-" in text and _WORD.fullmatch(text) is not None)
        words.append(is_word)
        row = rows[i]
        if is_word:
            lemma, pos, oc, morph = word_ids(text.lower())
            row[0], row[1], row[2] = lemma, pos, oc
            if morph is not None:
                row[3] = morph
        elif punct[i]:
            row[0], row[1] = add(text), _PUNCT
        elif num[i]:
            row[0], row[1] = add(text), _NUM
        elif space[i]:
            row[1] = _SPACE
        else:
            row[0] = add(text.lower())
            row[1] = _SYM if not any(c.isalnum() for c in text) else _X
    if rows:
        doc.from_array(_ATTRS, numpy.array(rows, dtype="uint64"))
    doc.user_data[WORD_FLAGS] = words
    return doc
