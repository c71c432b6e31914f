"""OpenDocument text .odt (odfpy): body, tables cell by cell, lists, notes, headers, footers.

odfpy's ``teletype.extractText`` would put the text of a footnote into the middle of the
paragraph that cites it, so paragraphs are walked here: footnotes and text boxes become
paragraphs of their own, tracked deletions and comments are left out, ``text:s`` is
expanded to its spaces. Hidden text — a paragraph or span whose style has
``text:display="none"`` (LibreOffice's Hidden character effect) and a section with
``text:display="none"`` — is left out, as in .docx.

Locations as for .docx: ``paragraph`` (reading order, table cells and list items
included), ``table``/``row``/``cell``, ``part`` (header, footer, footnote, endnote, text
box), ``page_style`` for headers and footers, ``excerpt``.
"""

from __future__ import annotations

import io
from typing import Any

from anyq.readers import register
from anyq.readers.builder import TextBuilder

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

_PARAS = {(_TEXT, "p"), (_TEXT, "h")}
_SKIP_STORY = {(_TEXT, "tracked-changes"), (_TEXT, "table-of-content"), (_TEXT, "alphabetical-index"), (_OFFICE, "forms")}
_SKIP_INLINE = {(_OFFICE, "annotation"), (_OFFICE, "annotation-end"), (_TEXT, "note-citation"), (_TEXT, "tracked-changes")}
_ROW_GROUPS = {(_TABLE, "table-rows"), (_TABLE, "table-header-rows"), (_TABLE, "table-row-group")}
_HEADERS = {
    "header": "header", "footer": "footer", "header-left": "left-page header", "footer-left": "left-page footer",
    "header-first": "first-page header", "footer-first": "first-page footer",
}


def _qname(node: Any) -> tuple[str, str] | None:
    return getattr(node, "qname", None)


def _spaces(count: str | None) -> int:
    """``text:s text:c``: a damaged count is one space, as LibreOffice reads it."""
    return int(count) if count and count.isdigit() else 1


class _Styles:
    """Which paragraph and text styles hide their text (``text:display="none"``),
    following ``style:parent-style-name``; automatic and named styles alike."""

    def __init__(self, document: Any) -> None:
        self.styles: dict[tuple[str, str], tuple[str | None, str | None]] = {}
        for group in (document.styles, document.automaticstyles):
            for style in group.childNodes:
                if _qname(style) != (_STYLE, "style"):
                    continue
                display = None
                for prop in style.childNodes:
                    if _qname(prop) == (_STYLE, "text-properties"):
                        display = prop.getAttrNS(_TEXT, "display")
                key = (style.getAttrNS(_STYLE, "family") or "", style.getAttrNS(_STYLE, "name") or "")
                self.styles[key] = (display, style.getAttrNS(_STYLE, "parent-style-name"))

    def hidden(self, family: str, name: str | None) -> bool | None:
        """True: the style hides text; False: it shows it; None: it does not say."""
        seen: set[str] = set()
        while name and name not in seen:
            seen.add(name)
            display, name = self.styles.get((family, name), (None, None))
            if display:
                return display == "none"
        return None


class _Walker:
    def __init__(self, out: TextBuilder, styles: _Styles) -> None:
        self.out = out
        self.styles = styles
        self.paragraph = 0
        self.table = 0
        self.notes = {"footnote": 0, "endnote": 0}
        self.local = 0
        self.deferred: list[tuple[Any, dict[str, Any]]] = []

    def inline(self, node: Any, out: list[str], pending: list[tuple[str, Any]], hidden: bool = False) -> None:
        for child in node.childNodes:
            if child.nodeType == child.TEXT_NODE:
                if not hidden:
                    out.append(child.data)
                continue
            q = _qname(child)
            if q is None or q in _SKIP_INLINE:
                continue
            if q == (_TEXT, "span"):
                hides = self.styles.hidden("text", child.getAttrNS(_TEXT, "style-name"))
                self.inline(child, out, pending, hidden if hides is None else hides)
            elif hidden:
                continue
            elif q == (_TEXT, "s"):
                out.append(" " * _spaces(child.getAttrNS(_TEXT, "c")))
            elif q == (_TEXT, "tab"):
                out.append("\t")
            elif q == (_TEXT, "line-break"):
                out.append("\n")
            elif q == (_TEXT, "note"):
                kind = child.getAttrNS(_TEXT, "note-class") or "footnote"
                for body in child.childNodes:
                    if _qname(body) == (_TEXT, "note-body"):
                        pending.append((kind, body))
            elif q == (_DRAW, "text-box"):
                pending.append(("text box", child))
            else:
                self.inline(child, out, pending)

    def story(
        self, node: Any, loc: dict[str, Any], count_body: bool, cell: dict[str, Any] | None = None, anchor: int | None = None
    ) -> None:
        """``anchor``: a text box's paragraphs are located by the paragraph it is anchored in;
        outside the body, ``self.local`` numbers the paragraphs of the part."""
        for child in node.childNodes:
            q = _qname(child)
            if q is None or q in _SKIP_STORY:
                continue
            if q in _PARAS:
                texts: list[str] = []
                pending: list[tuple[str, Any]] = []
                self.inline(child, texts, pending, bool(self.styles.hidden("paragraph", child.getAttrNS(_TEXT, "style-name"))))
                text = "".join(texts)
                where = dict(loc)
                if text.strip():
                    if count_body:
                        self.paragraph += 1
                    self.local += 1
                where["paragraph"] = anchor if anchor is not None else self.paragraph if count_body else self.local
                if cell:
                    where.update(cell)
                self.out.add(text, where)
                for kind, sub in pending:
                    if kind == "text box":
                        self.story(sub, {**where, "part": "text box"}, False, anchor=where["paragraph"])
                    else:  # notes follow the body, as in .docx
                        self.notes[kind] += 1
                        self.deferred.append((sub, {"part": kind, kind: self.notes[kind]}))
            elif q == (_TABLE, "table"):
                self.tbl(child, loc, count_body, cell)
            elif q == (_TEXT, "section") and child.getAttrNS(_TEXT, "display") == "none":
                continue  # a hidden section
            else:  # lists, list items, sections, index bodies: containers
                self.story(child, loc, count_body, cell, anchor)

    def tbl(self, node: Any, loc: dict[str, Any], count_body: bool, cell: dict[str, Any] | None) -> None:
        if cell is None:
            self.table += 1
        for r, row in enumerate(_rows(node), 1):
            c = 0
            for tc in row.childNodes:
                q = _qname(tc)
                if q == (_TABLE, "table-cell"):
                    c += 1
                    self.story(tc, loc, count_body, cell or {"table": self.table, "row": r, "cell": c})
                elif q == (_TABLE, "covered-table-cell"):
                    c += 1


def _rows(table: Any):
    for child in table.childNodes:
        q = _qname(child)
        if q == (_TABLE, "table-row"):
            yield child
        elif q in _ROW_GROUPS:
            yield from _rows(child)


@register(".odt", ".ott", isolated=True)
def read_odt(path: str, data: bytes) -> Any:
    from odf.opendocument import load

    from anyq.readers.zipsafe import safe_package

    package = safe_package(path, data, ".odt", "content.xml")
    document = load(io.BytesIO(package))
    out = TextBuilder()
    walker = _Walker(out, _Styles(document))
    walker.story(document.text, {}, True)
    for i in range(10_000):  # notes (a note may hold a note: they are appended as found)
        if i >= len(walker.deferred):
            break
        body, loc = walker.deferred[i]
        walker.local = 0
        walker.story(body, loc, False)
    for page in document.masterstyles.childNodes:
        if _qname(page) != (_STYLE, "master-page"):
            continue
        name = page.getAttrNS(_STYLE, "display-name") or page.getAttrNS(_STYLE, "name") or ""
        for part in page.childNodes:
            q = _qname(part)
            if q and q[0] == _STYLE and q[1] in _HEADERS:
                walker.local = 0
                walker.story(part, {"part": _HEADERS[q[1]], "page_style": name}, False)
    return out.document(path, "odt")
