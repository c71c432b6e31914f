"""Characters that change no word: the linter checks a copy of the text without them.

Stress marks («це́лях», U+0301, common in Russian teaching and official texts), soft hyphens
(U+00AD), zero-width spaces and joiners (U+200B–U+200D, U+2060, a U+FEFF inside the text)
and letters written decomposed («и» + U+0306 for «й», «е» + U+0308 for «ё», as macOS copy
and paste gives them; no Kazakh letter decomposes) are not word characters for a regex nor
for the tokenizer: «це́лях» was two words «це» and «лях», so the phrase rules missed it, the
word count shrank and the score rose. The linter reads a copy with these marks dropped and
the decomposed letters composed (every stage sees the same copy: language identification,
paragraphs, the pipeline, regexes, counts), and maps each finding back to the characters of
the text as read; a finding over «це́лях» covers its stress mark.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, replace

from anyq.text.source import Block, SourceDocument

# What a text must hold for the copy to differ: the format characters, the stress marks and
# the marks of decomposed Russian letters (й, ё). Ten ``in`` tests scan a letter in C at a
# tenth of the time of a regex character class, so a text without them costs next to nothing.
_SIGNS = ("\u0301", "\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u0300", "\u0306", "\u0308")
# a character with the combining marks after it, or a run of format characters
_UNIT = re.compile("[^\u0300-\u036f]?[\u0300-\u036f]+|[\u00ad\u200b-\u200d\u2060\ufeff]+")
# dropped before composing, so that «г» + U+0301 stays «г» (not Macedonian «ѓ»)
_DROP = str.maketrans(dict.fromkeys(map(ord, "\u0300\u0301\u00ad\u200b\u200c\u200d\u2060\ufeff")))


@dataclass(slots=True)
class Cleaned:
    """The copy of a text and, per character of it, where it came from in the text as read."""

    original: str  # the text as read
    text: str
    starts: list[int]  # len(text) + 1 items: the last is the length of the text as read
    ends: list[int]  # a character's end there, with the marks that belong to it

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The text-as-read offsets of the copy's ``[start, end)``."""
        if end <= start:
            return self.starts[start], self.starts[start]
        return self.starts[start], self.ends[end - 1]

    def offset(self, original: int) -> int:
        """The copy's offset of the first character at or after an offset of the text as read."""
        return bisect_left(self.starts, original)


def clean(text: str, markup: list[tuple[int, int]] | None = None) -> Cleaned | None:
    """``text`` without the characters that change no word, nor the ``markup`` ranges (a
    Markdown letter's «**», «_», «>»), or None when it has none of them."""
    original = text
    if markup:
        # markup goes as a zero-width space does: «**Исп**.» is read «Исп.», with no space
        # that blanking would leave between the word and its full stop
        chars = list(text)
        for a, b in markup:
            chars[a:b] = "\u200b" * (b - a)
        text = "".join(chars)
    elif not any(c in text for c in _SIGNS):
        return None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _UNIT.finditer(text):
        a, b = m.span()
        out.append(text[pos:a])
        starts.extend(range(pos, a))
        ends.extend(range(pos + 1, a + 1))
        unit = unicodedata.normalize("NFC", m.group().translate(_DROP))
        # a letter and its marks are one character of the copy («й») or, marks that compose
        # with nothing, a few that all stand for the whole letter
        out.append(unit)
        starts.extend([a] * len(unit))
        ends.extend([b] * len(unit))
        pos = b
    out.append(text[pos:])
    starts.extend(range(pos, len(text) + 1))
    ends.extend(range(pos + 1, len(text) + 1))
    copy = "".join(out)
    return None if copy == original else Cleaned(original, copy, starts, ends)


def clean_source(source: SourceDocument) -> tuple[SourceDocument, Cleaned | None]:
    """The document as the linter reads it (its skipped ranges and blocks moved to the copy),
    and the map back; the document itself and None when nothing changes."""
    cleaned = clean(source.text, source.markup)
    if cleaned is None:
        return source, None
    at = cleaned.offset

    def blocks(spans: list[Block] | None) -> list[Block] | None:
        return None if spans is None else [Block(at(b.start), at(b.end), b.location) for b in spans]

    copy = replace(
        source,
        text=cleaned.text,
        skipped=[(at(a), at(b)) for a, b in source.skipped],
        blocks=blocks(source.blocks),
        positions=blocks(source.positions),
        markup=[],
        _starts={},
    )
    return copy, cleaned
