"""Which tokens are words, computed once per document by the morphology components.

Sentence length, paragraph length and the document's word count all count words; they read
the flags the morphology component stored (``doc.user_data[WORD_FLAGS]``) instead of walking
the tokens again.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

WORD_FLAGS = "anyq.words"
# A word: letters, optionally joined by hyphens or apostrophes («северо-западный», «ӘРПК-нің»).
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# A number written onto a word: Kazakh writes an ordinal so onto its noun («91-бабының»,
# «2-тармағына», «15-күніне»), Russian onto an adjective («5-летний»). The word is read and
# counted by its letters; a bare ending after a number («1-ші», «18-ге», «15-го», «2-х») is no word.
_NUMBERED = re.compile(r"\d+[-–](" + WORD.pattern + ")")
_KK_ORDINAL = frozenset(("ші", "шы", "нші", "ншы", "інші", "ыншы"))
_RU_ENDING_MAX = 3  # «-го», «-ому», «-ых»: a Russian ending after a number has at most 3 letters
# A token that is a numbered word: a digit after a space or at the start, more digits, a dash
# and a letter. Written to start with the digit, whose class the regex engine skips to at C
# speed («(?<!\S)\d+…» made it try its look-behind at every character of the paragraph).
_NUMBERED_IN = re.compile(r"\d(?<!\S\d)\d*[-–][^\W\d_]")
_READ = "anyq.words.read"  # word_flags has adjusted the stored flags for the two


def letters_of(text: str, lang: str) -> str | None:
    """The word a token is read as: the token itself, the word part of a numbered word, or
    None for no word."""
    if text.isalpha() or WORD.fullmatch(text):  # letters alone are a word, found without the regex
        return text
    m = _NUMBERED.fullmatch(text)
    if m is None:
        return None
    part = m.group(1)
    if _kk_ending(part.lower()) if lang == "kk" else len(part) <= _RU_ENDING_MAX:
        return None
    return part


def _kk_ending(part: str) -> bool:
    """A Kazakh ending after a number, no word: the ordinal «-ші», a case or possessive ending
    («18-ге», «5-тен», «3-і»), or both («1-шісі», «2-шіге»). Length tells nothing here, as it
    does in Russian: «91-бап» is a word."""
    from anyq.nlp.stem_kk import _nominal_endings  # loaded when a Kazakh number needs it

    endings = _nominal_endings()
    return part in _KK_ORDINAL or part in endings or any(part.startswith(o) and part[len(o) :] in endings for o in _KK_ORDINAL)


def word_flags(doc: Doc) -> list[bool]:
    flags = doc.user_data.get(_READ)
    if flags is None:
        flags = doc.user_data.get(WORD_FLAGS)  # the morphology component's: letters only
        if flags is None:
            flags = [WORD.fullmatch(t.text) is not None for t in doc]
        from anyq.nlp.strings import token_strings  # strings imports this module

        ts = token_strings(doc)
        texts = ts.text
        if ")" in texts or _NUMBERED_IN.search(" ".join(texts)):
            flags = _numbers_and_markers(texts, ts.ws, doc.lang_, flags)
        doc.user_data[WORD_FLAGS] = doc.user_data[_READ] = flags
    return flags


def _numbers_and_markers(texts: list[str], ws: list[int], lang: str, flags: list[bool]) -> list[bool]:
    """``flags`` with numbered words counted and list markers not."""
    flags = list(flags)
    for i, t in enumerate(texts):
        if t[0].isdigit():
            flags[i] = letters_of(t, lang) is not None
        elif flags[i] and len(t) == 1 and i + 1 < len(texts) and texts[i + 1] == ")" and not ws[i]:
            # a list marker «а)», «б)», «ә)» is no word, as «1)» is not
            flags[i] = False
    return flags


def count_words(span: Span | Doc) -> int:
    """Words in a sentence, a paragraph or any span of an annotated doc."""
    if isinstance(span, Doc):
        return sum(word_flags(span))
    return sum(word_flags(span.doc)[span.start : span.end])
