"""Text-hygiene rules that need more than a regular expression."""

from __future__ import annotations

import re
from collections.abc import Iterator

from anyq.engine.model import Hit, Rule
from anyq.engine.registry import DocumentContext, document_rule

# Latin letters that look like Cyrillic ones, and the Cyrillic letter each stands for.
LATIN_TO_CYRILLIC = str.maketrans(
    {
        "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і",
        "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О",
        "P": "Р", "T": "Т", "X": "Х", "Y": "У", "I": "І",
    }
)
_MIXED = re.compile(r"\b(?=[^\W\d_]*[\u0400-\u04ff])(?=[^\W\d_]*[A-Za-z])[^\W\d_]+\b")


@document_rule("T101")
def latin_in_cyrillic(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    """A Latin look-alike inside a Cyrillic word («мемлекеттiк», «обрaщение»)."""
    text = ctx.source.text
    for m in _MIXED.finditer(text):
        word = m.group()
        cyr = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
        if cyr < len(word) / 2:
            continue  # mostly Latin: the other rule (Cyrillic inside Latin) is for that
        fixed = word.translate(LATIN_TO_CYRILLIC)
        if fixed == word or re.search(r"[A-Za-z]", fixed):
            yield Hit(m.start(), m.end(), values={"fixed": fixed})
            continue
        # Latin «i» is Kazakh «і» only in Kazakh text; in Russian text it is most likely «и»
        lang = next((p.lang for p in ctx.paragraphs if p.start <= m.start() < p.end), "kk")
        if lang == "ru":
            fixed = fixed.replace("і", "и").replace("І", "И")
        yield Hit(m.start(), m.end(), values={"fixed": fixed}, suggestions=[fixed])
