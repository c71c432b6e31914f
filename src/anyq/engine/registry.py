"""Python rules: code for what data cannot say, registered by rule code.

The rule's data (message, explanation, examples, thresholds in ``params``) stays in its
TOML file; the function only finds the spans.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from anyq.engine.model import Hit, Rule
from anyq.nlp.normalize import original_span
from anyq.text import Paragraph, SourceDocument
from anyq.text.invisible import Cleaned


@dataclass(slots=True)
class ParagraphContext:
    """One paragraph, annotated, in one language."""

    source: SourceDocument
    paragraph: Paragraph
    doc: Doc
    lang: str
    options: Any = None

    @property
    def offset(self) -> int:
        return self.paragraph.start

    def token_span(self, start_tok: int, end_tok: int) -> tuple[int, int]:
        """Document offsets of tokens ``[start_tok, end_tok)`` of this paragraph."""
        first = self.doc[start_tok]
        last = self.doc[end_tok - 1]
        a, b = original_span(self.doc, first.idx, last.idx + len(last.text))
        return self.offset + a, self.offset + b

    def char_span(self, start_char: int, end_char: int) -> tuple[int, int]:
        """Document offsets of ``[start_char, end_char)`` of ``doc.text`` (whitespace folded)."""
        a, b = original_span(self.doc, start_char, end_char)
        return self.offset + a, self.offset + b


@dataclass(slots=True)
class DocumentContext:
    """The whole document: every paragraph with its annotation (None for "other")."""

    source: SourceDocument
    paragraphs: list[Paragraph]
    docs: list[Doc | None]
    options: Any = None
    # facts computed by earlier stages, shared by document rules (e.g. citations)
    facts: dict[str, Any] = field(default_factory=dict)
    # ``source`` is the text as read without stress marks and the like: the map back to it
    cleaned: Cleaned | None = None
    # the answers of the engine's pre-tests (``engine/needs.py``) on ``source.text``: a test two
    # rules ask (T104's and T113's repeated word) runs once per text
    needs_met: dict[Callable[[str], bool], bool] = field(default_factory=dict)

    def meets(self, need: Callable[[str], bool]) -> bool:
        met = self.needs_met.get(need)
        if met is None:
            met = self.needs_met[need] = need(self.source.text)
        return met

    @property
    def language(self) -> str:
        counts: dict[str, int] = {}
        for p in self.paragraphs:
            counts[p.lang] = counts.get(p.lang, 0) + len(p.text)
        return max(counts, key=counts.__getitem__) if counts else "other"


ParagraphRule = Callable[[ParagraphContext, Rule], Iterable[Hit]]
DocumentRule = Callable[[DocumentContext, Rule], Iterable[Hit]]

PARAGRAPH_RULES: dict[str, ParagraphRule] = {}
DOCUMENT_RULES: dict[str, DocumentRule] = {}


def paragraph_rule(code: str) -> Callable[[ParagraphRule], ParagraphRule]:
    def deco(fn: ParagraphRule) -> ParagraphRule:
        PARAGRAPH_RULES[code] = fn
        return fn

    return deco


def document_rule(code: str) -> Callable[[DocumentRule], DocumentRule]:
    def deco(fn: DocumentRule) -> DocumentRule:
        DOCUMENT_RULES[code] = fn
        return fn

    return deco


def load_checks() -> None:
    """Import every module of ``anyq.checks``; importing one registers its Python rules."""
    import importlib
    import pkgutil

    import anyq.checks

    for mod in pkgutil.iter_modules(anyq.checks.__path__):
        importlib.import_module(f"anyq.checks.{mod.name}")
