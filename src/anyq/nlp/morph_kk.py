"""Kazakh stems as a spaCy component.

``token.lemma_`` is the stem (voice kept: «қаралды» → «қарал»), ``token.norm_`` the stem
with voice suffixes removed when the base verb is known («қарал» → «қара»), so a phrase
rule for «жүзеге асыру» also matches «жүзеге асырылады». ``token.tag_`` holds the suffix
tags ("pl|poss3|dat"); the full analysis is ``token._.kk`` for rules that need the surfaces.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, LIKE_EMAIL, LIKE_NUM, LIKE_URL, MORPH, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as UPOS
from spacy.tokens import Doc, Token

from anyq.nlp.stem_kk import VOICE, _fits, stemmer
from anyq.nlp.strings import columns
from anyq.nlp.words import _WORD, WORD_FLAGS

# A Latin «i» typed for «і» must not change the stem (the hygiene rules report it).
_LATIN_I = str.maketrans({"i": "і", "I": "І"})
_HAS_LETTER = re.compile(r"[^\W\d_]")


def analysis(token: Token):
    """The stemmer's analysis of a word token (cached), or None for other tokens."""
    text = token.text
    if "." in text or not _HAS_LETTER.search(text) or token.like_url or token.like_email:
        return None
    return stemmer().analyse(text.translate(_LATIN_I) if "i" in text.lower() else text)


# A getter, not a stored value: setting a custom attribute on every token is slow.
if not Token.has_extension("kk"):
    Token.set_extension("kk", getter=analysis)

_CASE_FEATS = {"gen": "Case=Gen", "dat": "Case=Dat", "acc": "Case=Acc", "loc": "Case=Loc", "abl": "Case=Abl", "ins": "Case=Ins"}


def base_verb(stem: str) -> str:
    """Strip voice suffixes from a verb stem while the base is still a known verb."""
    lex = stemmer().lex
    for _ in range(2):
        for v in VOICE:
            for surface in {v.back, v.front}:
                if stem.endswith(surface) and len(stem) > len(surface) + 1:
                    base = stem[: -len(surface)]
                    if _fits(base, v, surface) and lex.is_verb(base, depth=0):
                        stem = base
                        break
            else:
                continue
            break
        else:
            break
    return stem


@lru_cache(maxsize=100_000)
def _token_annotation(text: str) -> tuple[str, str, str, bool, str, str]:
    """``text`` → (lemma, norm, POS, known, UD features, suffix tags), cached per word form."""
    a = stemmer().analyse(text.translate(_LATIN_I) if "i" in text.lower() else text)
    tags = a.tags
    norm = base_verb(a.stem) if a.pos == "VERB" else a.stem
    feats = [_CASE_FEATS[t] for t in tags if t in _CASE_FEATS][-1:]
    if "pl" in tags:
        feats.append("Number=Plur")
    if any(t.startswith("poss") for t in tags):
        feats.append("Poss=Yes")
    if "pass" in tags or (a.pos == "VERB" and norm != a.stem):
        feats.append("Voice=Pass")
    return a.stem, norm, a.pos, a.known, "|".join(sorted(feats)), "|".join(tags)


# The component writes its attributes with one ``doc.from_array`` instead of several Token
# attribute writes per token (each builds a Token and encodes its string).
_ATTRS = [LEMMA, NORM, POS, TAG, MORPH]
_NOUN, _PROPN, _PUNCT, _NUM, _SPACE, _SYM = (UPOS[p] for p in ("NOUN", "PROPN", "PUNCT", "NUM", "SPACE", "SYM"))


class _Encoded:
    """A word form's annotation as the ids ``from_array`` takes; the ids belong to one
    Vocab, so the table is started again for another."""

    def __init__(self, vocab) -> None:  # noqa: ANN001 - a spaCy Vocab
        self.vocab = vocab
        self.words: dict[str, tuple[int, int, int, bool, int | None, int]] = {}

    def word(self, text: str) -> tuple[int, int, int, bool, int | None, int]:
        found = self.words.get(text)
        if found is None:
            if len(self.words) >= 200_000:
                self.words.clear()
            lemma, norm, pos, known, feats, tags = _token_annotation(text)
            add = self.vocab.strings.add
            morph = self.vocab.morphology.add(feats) if feats else None
            found = self.words[text] = (add(lemma), add(norm), UPOS[pos], known, morph, add(tags))
        return found


_encoded: _Encoded | None = None


@Language.component("anyq_kk_morph")
def kk_morph(doc: Doc) -> Doc:
    global _encoded
    if _encoded is None or _encoded.vocab is not doc.vocab:
        _encoded = _Encoded(doc.vocab)
    word_ids = _encoded.word
    strings = doc.vocab.strings
    add = strings.add
    texts, norms, punct, num, space, url, email = columns(doc, [ORTH, NORM, IS_PUNCT, LIKE_NUM, IS_SPACE, LIKE_URL, LIKE_EMAIL], strings=2)
    rows = doc.to_array(_ATTRS).tolist()  # what the component leaves alone stays as it is
    words = []
    for i, text in enumerate(texts):
        is_word = False
        row = rows[i]
        if "." in text and norms[i] != text.lower():
            row[0], row[2] = add(norms[i]), _NOUN  # an abbreviation with its full word as norm («ж.» → жыл)
        elif _HAS_LETTER.search(text) and not url[i] and not email[i]:
            lemma, norm, pos, known, morph, tags = word_ids(text)
            row[0], row[1], row[3] = lemma, norm, tags  # tags: the suffix chain, outermost last: "pl|poss3|dat"
            row[2] = _PROPN if (not known and i > 0 and text[:1].isupper()) else pos
            if morph is not None:
                row[4] = morph
            is_word = True
        elif punct[i]:
            row[0], row[2] = add(text), _PUNCT
        elif num[i]:
            row[0], row[2] = add(text), _NUM
        elif space[i]:
            row[2] = _SPACE
        else:
            row[0], row[2] = add(text.lower()), _SYM
        words.append(is_word and _WORD.fullmatch(text) is not None)
    if rows:
        doc.from_array(_ATTRS, numpy.array(rows, dtype="uint64"))
    doc.user_data[WORD_FLAGS] = words
    return doc
