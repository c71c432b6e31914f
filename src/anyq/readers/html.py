"""HTML: the visible text of a page (standard library ``html.parser``).

Scripts, styles, the head, templates and elements hidden by the ``hidden`` attribute or
an inline ``display:none`` / ``visibility:hidden`` are dropped; block elements (p, div,
li, h1–h6, td, …) end a paragraph, ``<br>`` is a line break, whitespace collapses as a
browser collapses it. Locations: ``paragraph`` (visible paragraphs counted from the
top), ``source_line`` (the line of the HTML file where the paragraph's text starts),
``excerpt``, and in a table cell (``td``, ``th``) ``table``, ``row``, ``cell`` as a .docx
gives them (a nested table keeps the outer cell's).

Unclosed and stray tags are common in published pages; the open-element stack keeps a
count per tag, so a stray end tag costs nothing and deep nesting costs no recursion.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from typing import Any

from anyq.readers import ReadError, decode_or_fail, register
from anyq.readers.builder import TextBuilder

_SKIP = frozenset({"script", "style", "head", "title", "template", "noscript", "svg", "math", "iframe", "object", "canvas", "select", "button", "textarea"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"})
_BLOCK = frozenset(
    """address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot th
    thead tr ul""".split()
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Browsers stop nesting at a few hundred levels (Blink: 512); deeper is an attack, not a page.
MAX_DEPTH = 1000
# Elements whose start closes an open element of the same name («<p>a<p>b», «<li>a<li>b»).
_SELF_CLOSING = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option"})
_WS = re.compile(r"[ \t\n\r\f]+")
_LINE_BREAK = "\u2028"  # <br>; the builder turns it into a newline after whitespace collapses


class _Visible(HTMLParser):
    def __init__(self, path: str, out: TextBuilder) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.out = out
        self.stack: list[tuple[str, bool]] = []
        self.open: Counter[str] = Counter()
        self.hidden = 0
        self.pre = 0
        self.buf: list[str] = []
        self.line = 0
        self.started = False  # the paragraph has visible text
        self.paragraph = 0
        self.tables = 0
        # per open table: its number, row and cell; the cell's element depth while it is open
        self.grid: list[list[int]] = []
        self.cell_depth: list[int] = []

    def flush(self) -> None:
        text = "".join(self.buf)
        self.buf.clear()
        self.started = False
        if not self.pre:
            text = _WS.sub(" ", text)
        text = re.sub(rf" *{_LINE_BREAK} *", _LINE_BREAK, text).strip(" " + _LINE_BREAK)
        if text:
            self.paragraph += 1
            loc = {"paragraph": self.paragraph, "source_line": self.line}
            if self.cell_depth and self.grid:  # the outermost table's cell
                t, r, c = self.grid[0]
                loc.update(table=t, row=r, cell=c)
            self.out.add(text, loc)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if not self.hidden:
                if tag == "br":
                    self.buf.append(_LINE_BREAK)
                elif tag == "hr":
                    self.flush()
            return
        if tag in _BLOCK and not self.hidden:
            self.flush()
        if tag in _SELF_CLOSING and self.stack and self.stack[-1][0] == tag:
            self.handle_endtag(tag)
        if len(self.stack) >= MAX_DEPTH:
            raise ReadError(self.path, f"nests elements more than {MAX_DEPTH} deep; browsers stop at a few hundred — not a real page")
        hidden = tag in _SKIP or any(
            k == "hidden" or (k == "style" and v and _HIDDEN_STYLE.search(v)) or (k == "aria-hidden" and v == "true" and tag in _BLOCK)
            for k, v in attrs
        )
        self.stack.append((tag, hidden))
        self.open[tag] += 1
        if tag == "table":
            self.tables += 1
            self.grid.append([self.tables, 0, 0])
        elif tag == "tr" and self.grid:
            self.grid[-1][1:] = [self.grid[-1][1] + 1, 0]
        elif tag in ("td", "th") and self.grid:
            self.grid[-1][2] += 1
            self.cell_depth.append(len(self.stack))
        self.hidden += hidden
        self.pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_starttag(tag, attrs)
        elif tag in _BLOCK and not self.hidden:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if self.open[tag] <= 0:
            if tag in _BLOCK and not self.hidden:
                self.flush()
            return
        if tag in _BLOCK and not self.hidden:
            self.flush()
        while self.stack:  # implicitly close what was left open inside it
            name, hidden = self.stack.pop()
            if self.cell_depth and self.cell_depth[-1] > len(self.stack):
                self.cell_depth.pop()
            if name == "table" and self.grid:
                self.grid.pop()
            self.open[name] -= 1
            self.hidden -= hidden
            self.pre -= name == "pre"
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.hidden or not data:
            return
        if not self.started:
            if not data.strip():
                self.buf.append(data)
                return
            self.started = True
            self.line = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
        self.buf.append(data)


@register(".html", ".htm", ".xhtml", isolated=True)
def read_html(path: str, data: bytes) -> Any:
    text, encoding = decode_or_fail(path, data)
    out = TextBuilder()
    parser = _Visible(path, out)
    parser.feed(text)
    parser.close()
    parser.flush()
    return out.document(path, "html", encoding=encoding)
