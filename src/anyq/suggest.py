"""Make a rule's replacement fit the text it replaces.

The matched span decides the form of the replacement: its capitalisation now; its
grammatical form (case, number, gender, tense — Russian through pymorphy3, Kazakh by
carrying the suffixes over) where the replacement module knows how.
"""

from __future__ import annotations

from spacy.tokens import Span


def match_case(template: str, replacement: str) -> str:
    if template[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def fit_replacement(lang: str, span: Span, replacement: str) -> str:
    if not replacement:
        return replacement
    return match_case(span.text, replacement)
