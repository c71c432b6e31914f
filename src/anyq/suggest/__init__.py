"""Make a rule's replacement fit the text it replaces.

The matched span decides the form of the replacement: its capitalisation always; its
grammatical form where the language module knows how — Russian through pymorphy3
(:mod:`anyq.suggest.ru`: case, number, gender, tense, person, and the case the new
word governs), Kazakh by carrying the matched word's suffixes over to the replacement,
re-harmonised (:mod:`anyq.suggest.kk`). Runs only for findings, never per token.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from anyq.suggest.base import Fit, match_case

if TYPE_CHECKING:
    from anyq.engine.model import PhraseEntry


def fit_replacement(lang: str, span: Span, replacement: str) -> str:
    """One replacement for ``span`` as a whole (no reach past the span); the raw text if it cannot be fitted."""
    from anyq.engine.model import PhraseEntry  # the engine imports this module: import at call time

    if not replacement:
        return replacement
    f = fit_match(lang, span.doc, span.start, span.end, PhraseEntry(span.text, [replacement]))
    return f.suggestions[0] if f.suggestions else match_case(span.text, replacement)


def fit_match(lang: str, doc: Doc, start: int, end: int, entry: "PhraseEntry | None") -> Fit:
    """Fitted suggestions for a match of tokens ``[start, end)``; ``Fit.end`` says how far the fix reaches."""
    if entry is None or not (entry.replace or entry.rewrite):
        return Fit(end, ())
    if lang == "ru":
        from anyq.suggest import ru

        return ru.fit(doc, start, end, entry.replace, entry.object, entry.rewrite, entry.text)
    if lang == "kk":
        from anyq.suggest import kk

        return kk.fit(doc, start, end, entry.replace, entry.text, entry.object)
    return Fit(end, tuple(match_case(doc[start].text, r) for r in entry.replace))
