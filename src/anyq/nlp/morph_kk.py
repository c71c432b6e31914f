"""Kazakh stems as a spaCy component.

``token.lemma_`` is the stem (voice kept: «қаралды» → «қарал»), ``token.norm_`` the stem
with voice suffixes removed when the base verb is known («қарал» → «қара»), so a phrase
rule for «жүзеге асыру» also matches «жүзеге асырылады». The full analysis (suffix chain)
is ``token._.kk`` for rules that need the case or person.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from anyq.nlp.stem_kk import VOICE, _fits, stemmer

if not Token.has_extension("kk"):
    Token.set_extension("kk", default=None)

_CASE_FEATS = {"gen": "Case=Gen", "dat": "Case=Dat", "acc": "Case=Acc", "loc": "Case=Loc", "abl": "Case=Abl", "ins": "Case=Ins"}
_LATIN_I = str.maketrans({"i": "і", "I": "І"})


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


@Language.component("anyq_kk_morph")
def kk_morph(doc: Doc) -> Doc:
    analyse = stemmer().analyse
    for tok in doc:
        text = tok.text
        if "." in text and tok.norm_ != text.lower():
            tok.lemma_ = tok.norm_  # an abbreviation with its full word as norm («ж.» → жыл)
            tok.pos_ = "NOUN"
        elif any(c.isalpha() for c in text) and not tok.like_url and not tok.like_email:
            # A Latin «i» typed for «і» must not change the stem (the hygiene rules report it).
            a = analyse(text.translate(_LATIN_I) if "i" in text.lower() else text)
            tok.lemma_ = a.stem
            tok.norm_ = base_verb(a.stem) if a.pos == "VERB" else a.stem
            tok.pos_ = "PROPN" if (text[:1].isupper() and not a.known and tok.i > 0) else a.pos
            feats = [_CASE_FEATS[t] for t in a.tags if t in _CASE_FEATS][-1:]
            if "pl" in a.tags:
                feats.append("Number=Plur")
            if any(t.startswith("poss") for t in a.tags):
                feats.append("Poss=Yes")
            if "pass" in a.tags or (a.pos == "VERB" and tok.norm_ != a.stem):
                feats.append("Voice=Pass")
            if feats:
                tok.set_morph("|".join(sorted(feats)))
            tok._.kk = a
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
    return doc
