"""Assemble extracted paragraphs into one text with a block per paragraph.

Paragraphs are joined with a newline (as a word processor saves "plain text"), so
line/column of the extracted text stay meaningful; each block carries the format's own
location and, for word-processor formats, an excerpt of its paragraph to search for.
"""

from __future__ import annotations

import re
from typing import Any

from anyq.readers import ReadError
from anyq.text import Block, SourceDocument
from anyq.text.source import excerpt

# Word's vertical tab / form feed inside a paragraph are line and page breaks.
_BREAKS = re.compile(r"[\v\f\r\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    return _CONTROL.sub("", _BREAKS.sub("\n", text))


class TextBuilder:
    def __init__(self, with_excerpt: bool = True) -> None:
        self.parts: list[str] = []
        self.blocks: list[Block] = []
        self.pos = 0
        self.with_excerpt = with_excerpt

    def add(self, text: str, location: dict[str, Any]) -> bool:
        """Add one paragraph; empty ones are dropped (they space a letter out)."""
        text = clean(text).strip()
        if not text:
            return False
        loc = dict(location)
        if self.with_excerpt:
            loc["excerpt"] = excerpt(text)
        self.blocks.append(Block(self.pos, self.pos + len(text), loc))
        self.parts.append(text)
        self.parts.append("\n")
        self.pos += len(text) + 1
        return True

    def document(self, path: str, fmt: str, encoding: str | None = None, notes: list[str] | None = None) -> SourceDocument:
        if not self.blocks:
            if fmt == "html":
                raise ReadError(path, "has no visible text")
            raise ReadError(path, f"has no text (an empty {fmt} document, or only pictures)")
        return SourceDocument(
            path=path, text="".join(self.parts), format=fmt, encoding=encoding, blocks=self.blocks, notes=list(notes or [])
        )
