"""Plain text and Markdown."""

from __future__ import annotations

import re

from anyq.readers import decode_or_fail, register
from anyq.text import SourceDocument

_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---[ \t]*\n", re.S)


def normalise_newlines(text: str) -> str:
    # Offsets are reported in the text as read; \r\n is folded so columns stay right.
    return text.replace("\r\n", "\n").replace("\r", "\n")


@register(".txt", ".text", "")
def read_txt(path: str, data: bytes) -> SourceDocument:
    text, encoding = decode_or_fail(path, data)
    return SourceDocument(path=path, text=normalise_newlines(text), format="txt", encoding=encoding)


@register(".md", ".markdown")
def read_md(path: str, data: bytes) -> SourceDocument:
    text, encoding = decode_or_fail(path, data)
    text = normalise_newlines(text)
    skipped = [m.span() for rx in (_FRONT_MATTER, _FENCE, _HTML_COMMENT, _INLINE_CODE) for m in rx.finditer(text)]
    return SourceDocument(path=path, text=text, format="md", encoding=encoding, skipped=sorted(skipped))
