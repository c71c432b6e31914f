"""Word .docx (python-docx): body, tables cell by cell, text boxes, footnotes, headers, footers.

``Document.paragraphs`` misses tables, headers and footers, and python-docx's
``Paragraph.text`` skips tracked insertions and content controls, so the XML of each
paragraph is walked here: text (``w:t``), tabs and breaks; deleted text, field codes,
hidden runs (``w:vanish``, which Word neither shows nor prints) and the duplicate
fallback copy of text boxes are left out.

Locations: ``paragraph`` counts the non-empty paragraphs of the body in reading order
(table cells included); a cell adds ``table``, ``row``, ``cell``; headers and footers
give ``part`` and ``section``; footnotes ``part`` and ``footnote``; every block has the
paragraph's ``excerpt``.
"""

from __future__ import annotations

import io
import re
from typing import Any

from anyq.readers import ReadError, register
from anyq.readers.builder import TextBuilder

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_P, _TBL, _TR, _TC, _T = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "t"
_TABS = {_W + "tab", _W + "ptab"}
_BREAKS = {_W + "br", _W + "cr"}
_TXBX = _W + "txbxContent"
# deleted text, moved-away text, field codes, properties: not part of what the reader sees
_SKIP = {_W + s for s in ("del", "moveFrom", "instrText", "delText", "rPr", "pPr", "sectPr", "fldData", "tblPr", "trPr", "tcPr")}
_SKIP.add(_MC_FALLBACK)
_CONTAINERS = {_W + s for s in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")}
_STORY_PART = re.compile(r"word/(?:document|header|footer|footnotes|endnotes)[^/]*\.xml|.*\.rels|\[Content_Types\]\.xml", re.I)
_HEADER_KINDS = {"default": "", "first": "first-page ", "even": "even-page "}
_R, _RPR, _VANISH = _W + "r", _W + "rPr", _W + "vanish"
_OFF = {"0", "false", "off"}


def _hidden(run: Any) -> bool:
    """A run formatted as hidden text (``<w:vanish/>``; ``w:val="0"`` switches it off)."""
    for prop in run:
        if prop.tag == _RPR:
            vanish = prop.find(_VANISH)
            return vanish is not None and vanish.get(_W + "val", "1").lower() not in _OFF
    return False


def _inline_text(el: Any, out: list[str], boxes: list[Any]) -> None:
    for child in el:
        tag = child.tag
        if tag == _T:
            out.append(child.text or "")
        elif tag in _TABS:
            out.append("\t")
        elif tag in _BREAKS:
            out.append("\n")
        elif tag == _W + "noBreakHyphen":
            out.append("-")
        elif tag == _TXBX:
            boxes.append(child)
        elif tag in _SKIP or not isinstance(tag, str) or (tag == _R and _hidden(child)):
            continue
        else:
            _inline_text(child, out, boxes)


def _story(el: Any):
    """Paragraphs and tables of a body, cell, header or note, in document order."""
    for child in el:
        tag = child.tag
        if tag == _P or tag == _TBL:
            yield child
        elif tag in _CONTAINERS:
            yield from _story(child)


class _Walker:
    def __init__(self, out: TextBuilder) -> None:
        self.out = out
        self.paragraph = 0  # body paragraphs, reading order
        self.table = 0
        self.local = 0  # paragraphs of a header, footer or note

    def story(self, el: Any, loc: dict[str, Any], count_body: bool, cell: dict[str, Any] | None = None) -> None:
        for item in _story(el):
            if item.tag == _P:
                texts: list[str] = []
                boxes: list[Any] = []
                _inline_text(item, texts, boxes)
                where = dict(loc)
                if count_body:
                    if "".join(texts).strip():
                        self.paragraph += 1
                    where["paragraph"] = self.paragraph
                else:
                    if "".join(texts).strip():
                        self.local += 1
                    where["paragraph"] = self.local
                if cell:
                    where.update(cell)
                self.out.add("".join(texts), where)
                for box in boxes:  # a text box anchored in this paragraph: located by it
                    self.box(box, {**where, "part": "text box"})
            else:
                self.tbl(item, loc, count_body, cell)

    def box(self, el: Any, where: dict[str, Any]) -> None:
        for item in _story(el):
            if item.tag == _P:
                texts: list[str] = []
                _inline_text(item, texts, [])
                self.out.add("".join(texts), where)
            else:
                for tr in _story_rows(item):
                    for tc in tr:
                        if tc.tag == _TC:
                            self.box(tc, where)

    def tbl(self, tbl: Any, loc: dict[str, Any], count_body: bool, cell: dict[str, Any] | None) -> None:
        if cell is None:  # a nested table keeps the coordinates of the outer cell
            self.table += 1
        rows = [r for r in _story_rows(tbl)]
        for r, tr in enumerate(rows, 1):
            for c, tc in enumerate((x for x in tr if x.tag == _W + "tc"), 1):
                coords = cell or {"table": self.table, "row": r, "cell": c}
                self.story(tc, loc, count_body, coords)


def _story_rows(tbl: Any):
    for child in tbl:
        if child.tag == _TR:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _story_rows(child)


# .docm, .dotx and .dotm differ from .docx only in the main part's content type, which
# python-docx refuses; the text is read the same way.
_MAIN_TYPES = re.compile(
    rb"application/vnd\.(?:ms-word\.document\.macroEnabled|openxmlformats-officedocument\.wordprocessingml\.template"
    rb"|ms-word\.template\.macroEnabledTemplate)\.main\+xml"
)
_DOCX_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _as_docx(name: str, content: bytes) -> bytes:
    return _MAIN_TYPES.sub(_DOCX_MAIN, content) if name == "[Content_Types].xml" else content


def _story_part(name: str) -> bool:
    return _STORY_PART.fullmatch(name) is not None


def _notes(part: Any, kind: str, walker: _Walker) -> None:
    from docx.oxml.parser import parse_xml

    root = getattr(part, "element", None)
    if root is None:
        root = parse_xml(part.blob)
    n = 0
    for note in root:
        if note.tag != _W + kind or note.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        n += 1
        walker.local = 0
        walker.story(note, {"part": kind, kind: n}, False)


@register(".docx", ".docm", ".dotx", ".dotm", isolated=True)
def read_docx(path: str, data: bytes) -> Any:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    from anyq.readers.zipsafe import safe_package

    # only the stories are unpacked; styles, numbering, settings, themes become stubs
    package = safe_package(path, data, ".docx", "word/document.xml", wanted=_story_part, stub_xml=True, fix=_as_docx)
    try:
        document = docx.Document(io.BytesIO(package))
    except KeyError as exc:
        raise ReadError(path, f"is not a valid .docx file (a zip archive without the part {exc})") from None
    except ValueError as exc:
        if "content type" in str(exc) or "not a Word file" in str(exc):
            raise ReadError(path, "is not a Word document (.docx) although it is a zip archive") from None
        raise
    out = TextBuilder()
    walker = _Walker(out)
    body = document.element.body
    walker.story(body, {}, True)

    part = document.part
    for rel in part.rels.values():
        if rel.is_external:
            continue
        if rel.reltype == RT.FOOTNOTES:
            _notes(rel.target_part, "footnote", walker)
        elif rel.reltype == RT.ENDNOTES:
            _notes(rel.target_part, "endnote", walker)

    seen: set[str] = set()
    for s, sect in enumerate(body.iter(_W + "sectPr"), 1):
        for ref in sect:
            kind = ref.tag.removeprefix(_W)
            if kind not in ("headerReference", "footerReference"):
                continue
            rid = ref.get(_R_ID)
            target = part.related_parts.get(rid) if rid else None
            if target is None or str(target.partname) in seen:
                continue
            seen.add(str(target.partname))
            name = _HEADER_KINDS.get(ref.get(_W + "type", "default"), "") + kind.removesuffix("Reference")
            walker.local = 0
            walker.story(target.element, {"part": name, "section": s}, False)
    return out.document(path, "docx")
