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
# Markup that is no text: the linter reads the letter's words without it (anyq.text.invisible),
# and findings still point into the file. Emphasis is a run of «*» or «_» (one to three) or «~~»
# that opens before a non-space and is closed, within its paragraph, by a run of the same
# characters after a non-space; «*» and «_» alike never open after or close before a letter or
# digit («snake_case», «ст. 5*»), and a run after a backslash is text.
_DELIMITER_RUN = re.compile(r"\*+|_+|~~")
_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")
# block-quote markers («>», «> >») at a line's start; the paragraph splitter then sees a «>» line
# as the blank line it is
_QUOTE_MARKERS = re.compile(r"^ {0,3}>(?:[ \t]{0,3}>)*", re.M)
# a heading's closing «#»s («## Ответ ##»), a setext underline («=====») and a thematic break
# («---», «***», «___»): the opening «#» and list markers the paragraph splitter leaves out
_CLOSING_HASHES = re.compile(r"^ {0,3}#{1,6}[ \t].*?[ \t](#+)[ \t]*$", re.M)
# an e-mail's quoted lines («> …», «>> …», a bare «>»): a run of them is the message replied
# to (the citizen's appeal under the reply), not the reply's prose
_QUOTED_LINES = re.compile(r"^ {0,3}>.*(?:\n {0,3}>.*)*", re.M)
# a setext underline or thematic break (above); a space has one place in the pattern to match:
# «(?:-[ \t]*){3,}[ \t]*$» let the group and the tail share the spaces and backtracked
# quadratically (minutes on «---» and 200 000 spaces before a letter)
_RULE_LINE = re.compile(r"^ {0,3}(?:=+|-(?:[ \t]*-){2,}|\*(?:[ \t]*\*){2,}|_(?:[ \t]*_){2,})[ \t]*$", re.M)


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


def _emphasis(text: str) -> list[tuple[int, int]]:
    """The delimiter runs of emphasis in ``text``, paired as CommonMark pairs them (simplified:
    a closer takes the nearest open run of the same characters and length, and the runs opened
    after that one are left as text). Linear: each run is pushed and popped at most once, and a
    closer finds its open run by its own characters, not by searching the others."""
    spans: list[tuple[int, int]] = []
    for para in _PARAGRAPH.finditer(text):
        opened: list[tuple[int, int]] = []  # the open runs, in order
        # run → the indices in ``opened`` of the open runs like it: a closer that searched all of
        # ``opened`` for one went through every open run of another kind each time (quadratic)
        by_run: dict[str, list[int]] = {}
        for m in _DELIMITER_RUN.finditer(text, *para.span()):
            a, b = m.span()
            run = m.group()
            if len(run) > 3 or (a and text[a - 1] == "\\"):
                continue
            before = text[a - 1] if a else " "
            after = text[b] if b < len(text) else " "
            if not before.isspace() and not after.isalnum() and by_run.get(run):
                k = by_run[run][-1]
                spans += [opened[k], (a, b)]
                del opened[k:]
                for indices in by_run.values():  # at most seven kinds of run
                    while indices and indices[-1] >= k:
                        indices.pop()
                continue
            if not after.isspace() and not before.isalnum():
                by_run.setdefault(run, []).append(len(opened))
                opened.append((a, b))
    return spans


def _markup(text: str, skipped: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of Markdown markup in ``text`` outside the ``skipped`` code and comments."""
    if skipped:  # code is looked through, not into: its «*» and «>» are no markup
        chars = list(text)
        for a, b in skipped:
            for i in range(a, b):
                if chars[i] != "\n":
                    chars[i] = "\0"
        text = "".join(chars)
    spans = [m.span() for m in _QUOTE_MARKERS.finditer(text)]
    spans += [m.span(1) for m in _CLOSING_HASHES.finditer(text)]
    spans += [m.span() for m in _RULE_LINE.finditer(text)]
    return spans + _emphasis(text)


def txt_source(path: str, text: str, encoding: str | None) -> SourceDocument:
    """A plain-text letter (``text`` with its line breaks folded): the runs of «>» quoted lines
    of an e-mail are skipped, as quotations, so they are not linted, fixed or counted, and end
    the paragraph before them."""
    skipped = [m.span() for m in _QUOTED_LINES.finditer(text)] if ">" in text else []
    return SourceDocument(path=path, text=text, format="txt", encoding=encoding, skipped=skipped)


@register(".txt", ".text", "")
def read_txt(path: str, data: bytes) -> SourceDocument:
    text, encoding = decode_or_fail(path, data)
    return txt_source(path, normalise_newlines(text), encoding)


@register(".md", ".markdown")
def read_md(path: str, data: bytes) -> SourceDocument:
    text, encoding = decode_or_fail(path, data)
    text = normalise_newlines(text)
    front = _FRONT_MATTER.match(text)
    skipped = [front.span()] if front else []
    skipped += _fences(text, front.end() if front else 0)
    skipped += [m.span() for rx in (_HTML_COMMENT, _INLINE_CODE) for m in rx.finditer(text)]
    markup = sorted(_markup(text, skipped))
    return SourceDocument(path=path, text=text, format="md", encoding=encoding, skipped=sorted(skipped), markup=markup)
