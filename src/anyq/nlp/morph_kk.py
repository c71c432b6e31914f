"""Kazakh stems as a spaCy component.

``token.lemma_`` is the stem (voice kept: «қаралды» → «қарал»), ``token.norm_`` the stem
with voice suffixes removed when the base verb is known («қарал» → «қара»), so a phrase
rule for «жүзеге асыру» also matches «жүзеге асырылады». ``token.tag_`` holds the suffix
tags ("pl|poss3|dat"); the full analysis is ``token._.kk`` for rules that need the surfaces.
"""

from __future__ import annotations

import re
import struct
from functools import lru_cache
from itertools import compress

from spacy.attrs import LEMMA, NORM, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token

from anyq.nlp.stem_kk import VOICE, _fits, stemmer
from anyq.nlp.strings import PerTextAnnotator, lexeme_row, lexical_columns, uint64_array
from anyq.nlp.words import WORD

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


# Only the passive and the reflexive are stripped: they change who acts, not the verb. A
# causative or reciprocal makes another verb (жүр «go» → жүргіз «conduct», кел «come» → келіс
# «agree»), so «тексеру жүріп жатыр» is no «тексеру жүргізу».
_VOICE_STRIPPED = [v for v in VOICE if v.tag in ("pass", "refl")]


def base_verb(stem: str) -> str:
    """Strip the passive and reflexive from a verb stem while the base is still a known verb."""
    lex = stemmer().lex
    for _ in range(2):
        for v in _VOICE_STRIPPED:
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


_WRITTEN = [LEMMA, NORM, POS, TAG]
_ROW = struct.Struct("=4Q")  # a row of ``hashes`` (native uint64, as numpy writes them)
_UINT64 = struct.Struct("=Q")


class KazakhAnnotator(PerTextAnnotator):
    """Stem, norm, POS, suffix tags and features of every token, written to the doc in one
    ``Doc.from_array`` (a ``Token`` object and five attribute writes per token cost more than
    the analysis, which is cached). What is written depends on the token's text, except an
    abbreviation's lemma (its norm) and a capitalised unknown word after the first token."""

    def _build(self, text: str) -> tuple:
        """``text`` → (LEMMA, NORM, POS after the first token, TAG values as the bytes of a
        ``from_array`` row, keep the token's NORM instead, POS of a first token, features (None:
        none); lemma, POS of a first token, POS after it, tag strings; is a word; the lexeme
        columns)."""
        strings = self.vocab.strings
        lex = self.vocab[text]
        lemma, norm, pos, tags, feats, is_word = "", None, "", "", "", False
        later_pos = None
        if _HAS_LETTER.search(text) and not lex.like_url and not lex.like_email:
            lemma, norm, pos, known, feats, tags, is_word = _token_annotation(text)
            if not known and text[:1].isupper():
                later_pos = "PROPN"
        elif lex.is_punct:
            pos, lemma = "PUNCT", text
        elif lex.like_num:
            pos, lemma = "NUM", text
        elif lex.is_space:
            pos = "SPACE"  # lemma left unset
        else:
            lemma, pos = text.lower(), "SYM"
        later_pos = later_pos or pos
        pos_id = POS_IDS[pos] if pos else 0
        later_id = POS_IDS[later_pos] if later_pos else 0
        values = [strings.add(lemma) if lemma else 0, 0 if norm is None else strings.add(norm), later_id, strings.add(tags) if tags else 0]
        entry = (
            self.hashes(values),
            norm is None,
            pos_id,
            self.features(feats),
            lemma,
            strings[pos_id],
            strings[later_id],
            tags,
            is_word,
            *lexeme_row(lex, text),
        )
        return entry

    def __call__(self, doc: Doc) -> Doc:
        cols = lexical_columns(doc, norm=True)
        if not cols.text:
            return self.no_tokens(doc, cols)
        rows = self.rows(cols.text)
        (values, keep_norm, _, morphs, lemma, _, pos, tag, words, cols.lower, cols.space, cols.punct, cols.alpha, cols.num, cols.cue) = map(list, zip(*rows))
        # the rows are bytes (see ``hashes``), mended as bytes: a numpy call costs more than
        # the few tokens it would change
        norms = cols.norm
        for i in compress(range(len(values)), keep_norm):
            v = values[i]
            values[i] = v[:8] + _UINT64.pack(norms[i]) + v[16:]
        # the first token is never taken for a name by its capital letter
        first = rows[0]
        values[0], pos[0] = values[0][:16] + _UINT64.pack(first[2]) + values[0][24:], first[5]
        strings = self.vocab.strings
        for i in [i for i, text in enumerate(cols.text) if "." in text]:
            text = cols.text[i]
            if strings[norms[i]] != text.lower():
                # an abbreviation with its full word as norm («ж.» → жыл)
                values[i] = _ROW.pack(norms[i], norms[i], POS_IDS["NOUN"], 0)
                lemma[i], pos[i], tag[i], morphs[i], words[i] = strings[norms[i]], "NOUN", "", None, False
        cols.lemma, cols.pos, cols.tag = lemma, pos, tag
        arr = uint64_array(b"".join(values), len(values), 4)
        doc.from_array(_WRITTEN, arr)
        cols.norm_written = arr[:, 1]  # the stems, for TokenStrings.norm
        return self.finish(doc, morphs, words)


@Language.factory("anyq_kk_morph")
def make_kk_morph(nlp: Language, name: str) -> KazakhAnnotator:
    return KazakhAnnotator(nlp.vocab)
