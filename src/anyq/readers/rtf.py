"""RTF, read by our own parser.

striprtf (the usual choice) flattens a document: it drops headers, footers and
footnotes, turns table cells into «|», and leaves paragraphs unlocated. The text-bearing
part of RTF is small — control words, ``\\'hh`` bytes in the code page of the current
font (``\\fcharset``, ``\\ansicpg``), ``\\uN`` Unicode escapes with ``\\ucN`` fallback
characters, groups and destinations — so this module reads it with paragraph, table,
header/footer and footnote structure, and the locations of .docx: ``paragraph``,
``table``/``row``/``cell``, ``part``/``section``, ``footnote``, ``excerpt``. Hidden text
(``\\v`` … ``\\v0``, as Word writes hidden runs) is left out, as in .docx.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from anyq.readers import ReadError, register
from anyq.readers.builder import TextBuilder

_TOKEN = re.compile(
    r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # 1, 2: control word with an optional parameter
    r"|\\'([0-9a-fA-F]{2})"  # 3: a byte in the current code page
    r"|\\([^a-zA-Z'])"  # 4: control symbol
    r"|([{}])"  # 5: group
    r"|([^\\{}\r\n]+)"  # 6: a run of text
    r"|[\r\n]+"
    r"|\\",
    re.S,
)

# Destinations whose text is not part of the letter.
_SKIP = frozenset(
    """fonttbl colortbl stylesheet info pict object objdata listtable listoverridetable rsidtbl generator
    xmlnstbl themedata colorschememapping datastore latentstyles pgdsctbl fldinst bkmkstart bkmkend
    pntext pntxta pntxtb listtext annotation atnid atnauthor atndate atnref atnicn atrfstart atrfend
    ftnsep ftnsepc aftnsep aftnsepc shp shpinst shppict nonshppict template revtbl filetbl mmathPr
    userprops docvar xmlopen xmlclose falt panose fontemb fontfile leveltext levelnumbers
    listname liststylename protusertbl passwordhash wgrffmtfilter""".split()
)
_PARTS = {
    "header": "header", "headerl": "left-page header", "headerr": "header", "headerf": "first-page header",
    "footer": "footer", "footerl": "left-page footer", "footerr": "footer", "footerf": "first-page footer",
}
_CHARS = {
    "tab": "\t", "line": "\n", "emdash": "—", "endash": "–", "emspace": "\u2003", "enspace": "\u2002",
    "qmspace": "\u2005", "bullet": "•", "lquote": "‘", "rquote": "’", "ldblquote": "“", "rdblquote": "”",
    "zwj": "\u200d", "zwnj": "\u200c",
}
_SYMBOLS = {"~": "\u00a0", "_": "-", "-": "", "\\": "\\", "{": "{", "}": "}"}
# \fcharsetN → code page (the ones letters arrive in; others fall back to \ansicpg)
_CHARSETS = {0: None, 1: None, 204: "cp1251", 238: "cp1250", 161: "cp1253", 162: "cp1254", 186: "cp1257", 77: "mac_roman"}
MAX_DEPTH = 2000


@dataclass(slots=True)
class _State:
    skip: bool = False
    uc: int = 1
    codec: str | None = None
    part: str | None = None  # header/footer/footnote this group belongs to
    in_fonttbl: bool = False
    hidden: bool = False  # \v: hidden text, not shown or printed (paragraph and cell ends still count)


@dataclass(slots=True)
class _Story:
    """Paragraphs being collected for one part (body, a header, a footnote)."""

    part: str | None
    section: int
    number: int = 0  # footnote number
    chars: list[str] = field(default_factory=list)
    pending: bytearray = field(default_factory=bytearray)
    count: int = 0


class _Parser:
    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.ansi = "cp1252"
        self.fonts: dict[int, str | None] = {}
        self.font_id: int | None = None
        self.body: list[tuple[str, dict[str, Any]]] = []
        self.notes: list[tuple[str, dict[str, Any]]] = []
        self.headers: list[tuple[str, dict[str, Any]]] = []
        self.section = 1
        self.footnotes = 0
        self.paragraph = 0
        self.intbl = False
        self.in_table = False
        self.table = 0
        self.row = 1
        self.cell = 1

    # -- output ---------------------------------------------------------------------
    def _flush_bytes(self, story: _Story, codec: str | None) -> None:
        if story.pending:
            story.chars.append(bytes(story.pending).decode(codec or self.ansi, "replace"))
            story.pending.clear()

    def _end_paragraph(self, story: _Story, codec: str | None, cell_end: bool = False) -> None:
        self._flush_bytes(story, codec)
        text = "".join(story.chars)
        # \uN pairs for characters outside the BMP arrive as surrogates
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        story.chars.clear()
        if story.part is None:
            in_table = self.intbl or cell_end
            if in_table and not self.in_table:
                self.table += 1
                self.row = self.cell = 1
            self.in_table = in_table
            loc: dict[str, Any] = {}
            if text.strip():
                self.paragraph += 1
            loc["paragraph"] = self.paragraph
            if in_table:
                loc.update(table=self.table, row=self.row, cell=self.cell)
            self.body.append((text, loc))
            if cell_end:
                self.cell += 1
            return
        if text.strip():
            story.count += 1
        if story.part == "footnote":
            self.notes.append((text, {"part": "footnote", "footnote": story.number, "paragraph": story.count}))
        else:
            self.headers.append((text, {"part": story.part, "section": story.section, "paragraph": story.count}))

    # -- parsing --------------------------------------------------------------------
    def parse(self) -> None:
        text = self.text
        states = [_State()]
        body = _Story(None, 1)
        stories = [body]  # the story of each open group that started a part
        story_depth = [0]
        pos, n = 0, len(text)
        skip_fallback = 0
        while pos < n:
            m = _TOKEN.match(text, pos)
            if m is None:  # pragma: no cover - the pattern matches any character
                break
            pos = m.end()
            st = states[-1]
            story = stories[-1]
            word, param, hexbyte, symbol, brace, run = m.groups()
            if brace == "{":
                if len(states) > MAX_DEPTH:
                    raise ReadError(self.path, f"has groups nested more than {MAX_DEPTH} deep; not a document RTF writers produce")
                states.append(_State(st.skip, st.uc, st.codec, st.part, st.in_fonttbl, st.hidden))
                skip_fallback = 0
                continue
            if brace == "}":
                if len(states) > 1:
                    if len(stories) > 1 and story_depth[-1] == len(states):
                        self._end_paragraph(story, st.codec)
                        stories.pop()
                        story_depth.pop()
                    else:
                        self._flush_bytes(story, st.codec)
                    states.pop()
                skip_fallback = 0
                continue
            if run is not None:
                if skip_fallback:
                    take = min(skip_fallback, len(run))
                    skip_fallback -= take
                    run = run[take:]
                if run and not st.skip and not st.hidden:
                    if st.in_fonttbl:
                        continue
                    if run.isascii():
                        self._flush_bytes(story, st.codec)
                        story.chars.append(run)
                    else:  # raw 8-bit characters: bytes of the code page
                        story.pending += run.encode("latin-1")
                continue
            if hexbyte is not None:
                if skip_fallback:
                    skip_fallback -= 1
                    continue
                if not st.skip and not st.hidden:
                    story.pending.append(int(hexbyte, 16))
                continue
            skip_fallback = 0
            if symbol is not None:
                if symbol == "*":
                    st.skip = True  # an ignorable destination we do not know (ones we read are named)
                elif symbol in ("\n", "\r"):
                    if not st.skip:
                        self._end_paragraph(story, st.codec)
                elif not st.skip and not st.hidden and symbol in _SYMBOLS:
                    self._flush_bytes(story, st.codec)
                    story.chars.append(_SYMBOLS[symbol])
                continue
            if word is None:
                continue
            value = int(param) if param is not None else None
            if word == "bin":  # binary data follows: skip it unread
                pos += max(0, value or 0)
                continue
            if st.in_fonttbl:
                if word == "f" and value is not None:
                    self.font_id = value
                elif word == "fcharset" and value is not None and self.font_id is not None:
                    self.fonts[self.font_id] = _CHARSETS.get(value, None)
                continue
            if word == "fonttbl":
                st.in_fonttbl = True
                continue
            if word in _SKIP:
                st.skip = True
                continue
            if word == "ansicpg" and value:
                self.ansi = f"cp{value}"
                continue
            if st.skip:
                continue
            if word in _PARTS or word == "footnote":
                self._flush_bytes(story, st.codec)
                if word == "footnote":
                    self.footnotes += 1
                    new = _Story("footnote", self.section, number=self.footnotes)
                else:
                    new = _Story(_PARTS[word], self.section)
                st.part = new.part
                st.skip = False
                stories.append(new)
                story_depth.append(len(states))
                continue
            if word == "u" and value is not None:
                if not st.hidden:
                    self._flush_bytes(story, st.codec)
                    story.chars.append(chr(value + 65536 if value < 0 else value))
                skip_fallback = st.uc
                continue
            if word == "v":
                st.hidden = value != 0
            elif word == "plain":  # resets character formatting, hidden text included
                st.hidden = False
            elif word == "uc" and value is not None:
                st.uc = max(0, value)
            elif word == "f" and value is not None:
                self._flush_bytes(story, st.codec)
                st.codec = self.fonts.get(value)
            elif word == "par":
                self._end_paragraph(story, st.codec)
            elif word == "cell":
                if story.part is None:
                    self._end_paragraph(story, st.codec, cell_end=True)
                else:
                    self._end_paragraph(story, st.codec)
            elif word == "nestcell":
                self._end_paragraph(story, st.codec)
            elif word == "row":
                self.row += 1
                self.cell = 1
            elif word == "intbl":
                self.intbl = True
            elif word == "pard":
                self.intbl = False
            elif word in ("sect", "page"):
                if story.chars or story.pending:
                    self._end_paragraph(story, st.codec)
                if word == "sect":
                    self.section += 1
            elif word in _CHARS and not st.hidden:
                self._flush_bytes(story, st.codec)
                story.chars.append(_CHARS[word])
        self._end_paragraph(body, states[-1].codec)


@register(".rtf", isolated=True)
def read_rtf(path: str, data: bytes) -> Any:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5]
    if head != b"{\\rtf":
        raise ReadError(path, "is not an RTF file (it does not start with «{\\rtf»)")
    parser = _Parser(path, data.removeprefix(b"\xef\xbb\xbf").decode("latin-1"))
    parser.parse()
    out = TextBuilder()
    for text, loc in parser.body + parser.notes + parser.headers:
        out.add(text, loc)
    return out.document(path, "rtf")
