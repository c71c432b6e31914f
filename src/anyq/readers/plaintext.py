"""Plain text and Markdown."""

from __future__ import annotations

import re

from anyq.readers import decode_or_fail, register
from anyq.text import SourceDocument

_FENCE_OPEN = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
_FENCE_CLOSE = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_COMMENT_OPEN = re.compile(r" {0,3}<!--")
_INLINE_CODE = re.compile(r"`[^`\n]+`")
# YAML (---) or TOML (+++, Hugo) front matter
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)\n.*?\n\1[ \t]*(?:\n|\Z)", re.S)


def normalise_newlines(text: str) -> str:
    # Offsets are reported in the text as read; \r\n is folded so columns stay right.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _fences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Fenced code blocks from ``start`` on, as CommonMark finds them: a fence is a run of three
    or more backticks or tildes indented by at most three spaces (an opening backtick fence has
    no backtick after it); it is closed only by a fence of the same character, at least as
    long, with nothing but spaces or tabs after it; a fence never closed runs to the end of the
    text. (A fence in a block quote, or indented four spaces or more in a list item, is not
    seen: that needs the container blocks, which this reader does not parse.)"""
    if "```" not in text and "~~~" not in text:
        return []
    spans: list[tuple[int, int]] = []
    opened: tuple[int, str] | None = None  # (offset of the opening line, its fence)
    in_comment = False
    offset = start
    for line in text[start:].split("\n"):
        end = offset + len(line)
        if in_comment:
            in_comment = "-->" not in line
        elif opened is None:
            m = _FENCE_OPEN.match(line)
            if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
                opened = (offset, m.group(1))
            elif c := _COMMENT_OPEN.match(line):
                # an HTML comment from the start of a line to its «-->» is not Markdown: a fence
                # commented out does not open one (and swallow the letter to its end)
                in_comment = "-->" not in line[c.end() :]
        else:
            m = _FENCE_CLOSE.fullmatch(line)
            if m and m.group(1)[0] == opened[1][0] and len(m.group(1)) >= len(opened[1]):
                spans.append((opened[0], end))
                opened = None
        offset = end + 1
    if opened is not None:
        spans.append((opened[0], len(text)))
    return spans


@register(".txt", ".text", "")
def read_txt(path: str, data: bytes) -> SourceDocument:
    text, encoding = decode_or_fail(path, data)
    return SourceDocument(path=path, text=normalise_newlines(text), format="txt", encoding=encoding)


@register(".md", ".markdown")
def read_md(path: str, data: bytes) -> SourceDocument:
    text, encoding = decode_or_fail(path, data)
    text = normalise_newlines(text)
    front = _FRONT_MATTER.match(text)
    skipped = [front.span()] if front else []
    skipped += _fences(text, front.end() if front else 0)
    skipped += [m.span() for rx in (_HTML_COMMENT, _INLINE_CODE) for m in rx.finditer(text)]
    return SourceDocument(path=path, text=text, format="md", encoding=encoding, skipped=sorted(skipped))
