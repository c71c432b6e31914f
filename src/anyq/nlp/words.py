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


def word_flags(doc: Doc) -> list[bool]:
    flags = doc.user_data.get(WORD_FLAGS)
    if flags is None:
        flags = [WORD.fullmatch(t.text) is not None for t in doc]
        doc.user_data[WORD_FLAGS] = flags
    return flags


def count_words(span: Span | Doc) -> int:
    """Words in a sentence, a paragraph or any span of an annotated doc."""
    if isinstance(span, Doc):
        return sum(word_flags(span))
    return sum(word_flags(span.doc)[span.start : span.end])
