"""Kazakh stems as a spaCy component.

``token.lemma_`` is the stem (voice kept: «қаралды» → «қарал»), ``token.norm_`` the stem
with voice suffixes removed when the base verb is known («қарал» → «қара»), so a phrase
rule for «жүзеге асыру» also matches «жүзеге асырылады». ``token.tag_`` holds the suffix
tags ("pl|poss3|dat"); the full analysis is ``token._.kk`` for rules that need the surfaces.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token

from anyq.nlp.stem_kk import VOICE, _fits, stemmer
from anyq.nlp.strings import columns
from anyq.nlp.words import WORD, WORD_FLAGS

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
def _token_annotation(text: str) -> tuple[str, str, str, bool, str, str, bool]:
    """``text`` → (lemma, norm, POS, known, UD features, suffix tags, a whole word), cached
    per word form."""
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
    return a.stem, norm, a.pos, a.known, "|".join(sorted(feats)), "|".join(tags), WORD.fullmatch(text) is not None


@Language.component("anyq_kk_morph")
def kk_morph(doc: Doc) -> Doc:
    words = []
    # the texts from the doc's array through the shared string cache, not one decode per Token
    for tok, text in zip(doc, columns(doc, [ORTH], strings=1)[0]):
        is_word = False
        if "." in text and tok.norm_ != text.lower():
            tok.lemma_ = tok.norm_  # an abbreviation with its full word as norm («ж.» → жыл)
            tok.pos_ = "NOUN"
        elif _HAS_LETTER.search(text) and not tok.like_url and not tok.like_email:
            lemma, norm, pos, known, feats, tags, whole_word = _token_annotation(text)
            tok.lemma_ = lemma
            tok.norm_ = norm
            tok.tag_ = tags  # the suffix chain, outermost last: "pl|poss3|dat"
            tok.pos_ = "PROPN" if (not known and tok.i > 0 and text[:1].isupper()) else pos
            if feats:
                tok.set_morph(feats)
            is_word = whole_word
        elif tok.is_punct:
            tok.pos_ = "PUNCT"
            tok.lemma_ = text
        elif tok.like_num:
            tok.pos_ = "NUM"
            tok.lemma_ = text
        elif tok.is_space:
            tok.pos_ = "SPACE"
        else:
            tok.lemma_ = text.lower()
            tok.pos_ = "SYM"
        words.append(is_word)
    doc.user_data[WORD_FLAGS] = words
    return doc
