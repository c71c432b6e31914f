"""PDF (pypdf): the text layer, rebuilt into paragraphs, located by page and line.

pypdf's layout mode keeps what the page shows — vertical gaps as blank lines, the
first-line indent, a paragraph's short last line — so paragraphs are rebuilt from those
signs; justified text's stretched spaces are collapsed. Its plain mode is read too: it
keeps the space between words placed one at a time that the layout's character grid can
lose («в ЦОН», not «вЦОН»), and gives each line's font size and height on the page.

A word hyphenated at a line end is joined («обеспе-/чения» → «обеспечения»), while real
hyphens stay: «ӘРПК-/нің», «Нур-/Султан», a Kazakh paired word («дәрі-/дәрмектер»), a
compound pymorphy3 knows only with the hyphen («северо-/западный»), and two known words
whose joined form is no word («жан-/жақты», «процедурно-/процессуального»).

Page furniture is not prose: lines that are only a page number are dropped; a running
header or footer — a line repeated (digits aside) at the top or the bottom of at least
two pages and half of them — and, on any page, a line in small type (at most 80 % of the
body's) at the very top or bottom, are read once, after the body, as a ``header`` or
``footer`` part, as a .docx's are. So a paragraph goes on over a page break, and the
line width that tells a paragraph's short last line is measured on body lines only. Each
line of the text keeps its ``page`` and ``line`` (non-empty lines counted from the top of
the page, furniture included).

A PDF without a text layer (a scan), an encrypted one and a damaged one get a message
saying what to do. A page without text is a scan only if it shows an image; a blank page
(an empty reverse side) is passed over.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from anyq.readers import ReadError, register
from anyq.resources import executor_label
from anyq.text import Block, SourceDocument

_SPACES = re.compile(r"[ \t]+")
_PAGE_NUMBER = re.compile(
    r"^[\s\-–—]*(?:(?:стр(?:аница)?|бет|page)\.?\s*)?\d{1,4}(?:\s*(?:из|of|/)\s*\d{1,4})?(?:\s*-?\s*бет)?[\s\-–—]*$",
    re.I,
)
_ENDS_SENTENCE = re.compile(r"[.!?…:;][»\"')\]]*$")
_LIST_ITEM = re.compile(r"^(?:\d{1,3}[.)]\s|[a-zа-яәғқңөұүһі][)]|[-–—•▪●]\s)")
# the executor line under a letter («Исп.: Ахметова Д. К., тел. …») is a paragraph of its own,
# also where nothing on the page sets it apart: no gap, no indent, a full line above it
# (the labels the letter layout reads, rules/data/reply_cues.toml). Case counts here: a line
# that starts in lower case («исполнитель обязан …») goes on with the sentence above it
_EXECUTOR = re.compile("^" + executor_label())
_HYPHENATED = re.compile(r"(\w+)([-\u00ad])$")
_KAZAKH = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_UNMAPPED = re.compile(r"[\ue000-\uf8ff\ufffd\x00-\x08]")
_SHORT = 0.8  # a line ending before 80 % of the text width may end a paragraph
_EDGE = 3  # page furniture: at most this many lines at the top and at the bottom of a page
_SMALL = 0.8  # small type: at most 80 % of the body's font size
_WORD_GAP = 0.12  # two runs of text this many ems apart on a line: a space between words (_layout_text)
_CONTROLS = str.maketrans(dict.fromkeys(range(14, 32), " "))  # as pypdf's layout mode
_BAND = 0.07  # the very top or bottom of a page: 7 % of its height (21 mm of A4, 15 mm of A5)


@dataclass(slots=True)
class _Line:
    page: int
    line: int
    indent: int
    text: str
    gap_before: bool  # a blank line (vertical space) above it
    end: int = 0  # the column it ends at as laid out, stretched spaces counted: its width on the page
    size: float | None = None  # font size, from the plain mode (None: not known)
    band: bool = False  # at the very top or bottom of the page
    part: str | None = None  # page furniture: "header" or "footer"


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _known(word: str, lang: str) -> bool:
    # Russian: pymorphy3 (5 million forms) alone — the spell dictionary's Russian side imports
    # spaCy, which the reader worker does not load; Kazakh: the spell dictionary's stems and
    # suffix chains, then hunspell-kk
    if lang == "ru":
        return _morph().word_is_known(word)
    from anyq.spell.dictionary import is_known

    return is_known(word, "kk")


@lru_cache(maxsize=4096)
def _keeps_hyphen(left: str, right: str, lang: str) -> bool:
    """Is «left-» + «right» at a line end a real hyphen rather than a word break? ``lang``:
    the paragraph's language, ``kk`` or ``ru``."""
    if any(ch.isdigit() for ch in left) or (len(left) > 1 and left.isupper()) or right[:1].isupper():
        return True  # «91-бабы», «ӘРПК-нің», «Нур-Султан»: word breaks never look like this
    from anyq.hygiene.spaced_hyphen import _kk_paired

    joined, hyphened = (left + right).lower(), f"{left}-{right}".lower()
    if _kk_paired(hyphened):
        return True  # «дәрі-дәрмектер», «ата-ана»: a Kazakh paired word, with its endings
    if lang == "ru" and _morph().word_is_known(hyphened) and not _morph().word_is_known(joined):
        return True  # «северо-западный»: pymorphy3 knows it only with the hyphen
    if _known(joined, lang):
        return False  # «обеспе-/чения»: the usual word break
    # two words whose joined form is no word: «жан-/жақты», «процедурно-/процессуального»
    return _known(left.lower(), lang) and _known(right.lower(), lang)


@dataclass(slots=True)
class _Plain:
    """A page as pypdf's plain mode reads it: its non-space characters, and for each whether
    a space stands before it on its line, and the font size and height (from the page bottom)
    of its text (None: not known)."""

    chars: str
    spaced: list[bool]
    where: list[tuple[float, float] | None]


def _read_plain(page: Any) -> _Plain | None:
    """The page in pypdf's plain mode; None if that fails."""
    chunks: list[tuple[str, float, float]] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, size: float) -> None:
        if not text:
            return
        # the text matrix times the current transformation: the height and the scale of the text
        c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        chunks.append((text, y, abs(size or 0) * (c * c + d * d) ** 0.5))

    try:
        page.extract_text(visitor_text=visit)
    except Exception:
        return None
    chars: list[str] = []
    spaced: list[bool] = []
    where: list[tuple[float, float] | None] = []
    space = False
    for text, y, size in chunks:
        for ch in text:
            if ch == "\n" or ch == "\r":
                space = False
            elif ch.isspace():
                space = bool(chars)
            else:
                chars.append(ch)
                spaced.append(space)
                where.append((size, y) if size > 0 else None)
                space = False
    return _Plain("".join(chars), spaced, where)


def _page_lines(page: Any, number: int) -> tuple[list[_Line], bool, bool]:
    """Non-empty lines of one page; the flags say whether the text could be decoded and
    whether the page had any text at all (a page number counts)."""
    plain = _read_plain(page)
    try:
        raw = _layout_text(page)
    except Exception:  # layout mode gives up on some fonts; the plain mode rarely does
        raw = page.extract_text() or ""
    rows = raw.splitlines()
    # where each layout line's characters are in the plain mode's, non-space for non-space:
    # looked for after the line before (the two modes mostly read lines in the same order)
    starts: list[int | None] = []
    cursor = 0
    for line in rows:
        key = "".join(line.split())
        at = -1
        if plain is not None and key:
            at = plain.chars.find(key, cursor)
            if at < 0:
                at = plain.chars.find(key)
        starts.append(at if at >= 0 else None)
        cursor = at + len(key) if at >= 0 else cursor
    try:
        box = page.mediabox
        bottom, height = float(box.bottom), float(box.height)
    except Exception:
        bottom, height = 0.0, 0.0
    out: list[_Line] = []
    gap = False
    n = 0
    for line, start in zip(rows, starts):
        if not line.strip():
            gap = bool(out)
            continue
        n += 1
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        text, sizes = (stripped, []) if plain is None or start is None else _respace(stripped, plain, start)
        size = max(s for s, _ in sizes) if sizes else None
        band = False
        if sizes and height > 0:
            y = sorted(y for _, y in sizes)[len(sizes) // 2] - bottom
            band = y < _BAND * height or y > (1 - _BAND) * height
        out.append(_Line(number, n, indent, _SPACES.sub(" ", text), gap, indent + len(text), size, band))
        gap = False
    text = "".join(l.text for l in out)
    decodable = not text or len(_UNMAPPED.findall(text)) < 0.3 * len(text)
    # page numbers at the top or bottom are furniture, not text
    while out and _PAGE_NUMBER.match(out[-1].text):
        out.pop()
    while out and _PAGE_NUMBER.match(out[0].text):
        out.pop(0)
    return out, decodable, bool(text)


@lru_cache(maxsize=1)
def _layout_api() -> Any:
    """pypdf's layout-mode steps (private, unchanged since pypdf 3.17); None if they are gone."""
    try:
        from pypdf import PageObject
        from pypdf._text_extraction import _layout_mode
        from pypdf.generic import ArrayObject, ContentStream, StreamObject
    except ImportError:
        return None
    names = ("text_show_operations", "y_coordinate_groups", "fixed_char_width")
    if not hasattr(PageObject, "_layout_mode_fonts") or not all(hasattr(_layout_mode, n) for n in names):
        return None
    return _layout_mode, ContentStream, (ArrayObject, StreamObject)


def _layout_text(page: Any) -> str:
    """The page as pypdf's layout mode reads it: its runs of text (one per BT…ET, with where
    each starts and ends on the page) put on a grid of fixed-width characters, as
    ``fixed_width_page`` does — and a space kept between two runs on a line that stand at
    least ``_WORD_GAP`` em apart on the page. Justified lines whose words are placed one at a
    time, with no space glyph between them, run longer on the grid than on the page; pypdf then
    puts the next word right after the last character, glued («Жүргізушікуәлігін»), and its
    plain mode glues them too. Kerning, and runs split inside a word (a change of font), leave
    no such gap. Without those pypdf internals: pypdf's own layout mode."""
    api = _layout_api()
    if api is None:
        return page.extract_text(extraction_mode="layout")
    layout, content_stream, content_types = api
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    if not isinstance(contents, content_types):  # no content: an empty page
        return ""
    fonts = page._layout_mode_fonts()
    runs = layout.text_show_operations(iter(content_stream(contents, page.pdf, "bytes").operations), fonts, True, None)
    if not runs:
        return ""
    rows = layout.y_coordinate_groups(runs, None)
    char_width = layout.fixed_char_width(runs, 1.25)
    lines: list[str] = []
    last_y = 0
    for y, row in rows.items():
        if lines:  # blank lines for the vertical space, as pypdf
            height = row[0]["font_height"]
            lines.extend([""] * min(1000, int(abs(y - last_y) / height) - 1 if height else 0))
        parts: list[str] = []
        length = 0
        end = None  # where the previous run ends on the page
        for run in row:
            x, text = run["tx"], run["text"]
            pad = min(10_000, int(x // char_width) - length if char_width else 0)
            if pad > 0 and math.ceil(end or 0) < int(x):
                parts.append(" " * pad)
                length += pad
            elif (
                end is not None
                and x - end >= _WORD_GAP * run["font_height"]
                and not parts[-1][-1:].isspace()
                and not text[:1].isspace()
            ):
                parts.append(" ")  # the grid had no room left for the gap between two words
                length += 1
            text = text.translate(_CONTROLS)
            parts.append(text)
            length += len(text)
            end = run["displaced_tx"]
        line = "".join(parts).rstrip()
        if line.strip() or lines:
            lines.append(line)
        last_y = y
    return "\n".join(lines)


def _respace(line: str, plain: _Plain, start: int) -> tuple[str, list[tuple[float, float]]]:
    """A layout line with the spaces its character grid lost between two words placed one at
    a time («вЦОН», «А.,тел.») put back where the plain mode has them; and the font size and
    height of its characters. ``start``: where its first character is in ``plain.chars``."""
    chars: list[str] = []
    sizes: list[tuple[float, float]] = []
    j = start
    after_space = True
    for ch in line:
        if ch.isspace():
            after_space = True
        else:
            if not after_space and plain.spaced[j]:
                chars.append(" ")
            if (where := plain.where[j]) is not None:
                sizes.append(where)
            j += 1
            after_space = False
        chars.append(ch)
    return "".join(chars), sizes


def _furniture_key(text: str) -> str:
    """A running header or footer repeats with its numbers changed («Лист 2», a date)."""
    return re.sub(r"\d+", "#", text.lower())


def _body_size(lines: list[_Line]) -> float | None:
    """The font size most of the text has."""
    sizes: dict[float, int] = {}
    for l in lines:
        if l.size is not None:
            sizes[round(l.size, 1)] = sizes.get(round(l.size, 1), 0) + len(l.text)
    return max(sizes, key=sizes.__getitem__) if sizes else None


def _mark_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Mark each page's running header and footer lines (``part``); drop page numbers
    among them. Repeated: a line at the top (bottom) of at least two pages and half of
    them; on any page: a line in small type at the very top or bottom."""
    need = max(2, (len(pages) + 1) // 2)
    top: dict[str, int] = {}
    foot: dict[str, int] = {}
    for lines in pages:
        for seen, edge in ((top, lines[:_EDGE]), (foot, lines[-_EDGE:])):
            for key in {_furniture_key(l.text) for l in edge}:
                seen[key] = seen.get(key, 0) + 1
    body = _body_size([l for lines in pages for l in lines])

    def furniture(l: _Line, seen: dict[str, int]) -> bool:
        if seen.get(_furniture_key(l.text), 0) >= need or _PAGE_NUMBER.match(l.text):
            return True
        return l.band and l.size is not None and body is not None and l.size <= _SMALL * body

    out = []
    for lines in pages:
        for part, seen, order in (("header", top, lines), ("footer", foot, lines[::-1])):
            for l in order[:_EDGE]:
                if l.part is not None or not furniture(l, seen):
                    break
                l.part = part
        # a page number among the header or footer lines is dropped, as one alone is
        out.append([l for l in lines if not (l.part and _PAGE_NUMBER.match(l.text))])
    return out


def _has_images(page: Any) -> bool:
    """Does the page show a picture (an image XObject, also inside a form, or an inline image)?"""
    try:
        return len(page.images) > 0
    except Exception:  # cannot tell: count it as a scan, which asks the user to look
        return True


def _breaks(prev: _Line, cur: _Line, width: int) -> bool:
    """Does ``cur`` start a new paragraph?"""
    if _LIST_ITEM.match(cur.text) or _EXECUTOR.match(cur.text):
        return True
    if cur.page > prev.page + 1:  # a page in between was skipped
        return True
    if cur.part != prev.part or cur.part and cur.page != prev.page:  # furniture is never body text
        return True
    if cur.page == prev.page:
        if cur.gap_before:
            return True
        if cur.indent > prev.indent + 2:  # first-line indent («красная строка»)
            return True
    # a paragraph's last line is short; a full line (at the foot of a page too) goes on
    short = prev.end < _SHORT * width
    return short and bool(_ENDS_SENTENCE.search(prev.text) or cur.text[:1].isupper() or cur.text[:1].isdigit())


def _encrypted(path: str, reader: Any) -> None:
    from pypdf.errors import DependencyError

    try:
        ok = reader.decrypt("")
    except DependencyError:
        raise ReadError(
            path,
            "is encrypted with AES: install the «cryptography» package (pip install cryptography) "
            "to read PDFs that open without a password, or save an unprotected copy",
        ) from None
    except Exception:
        raise ReadError(path, "is encrypted in a way anyq cannot undo; save an unprotected copy") from None
    if not ok:
        raise ReadError(
            path, "is protected with a password: open it, print or save it as a PDF without a password, and check that copy"
        )


@register(".pdf", isolated=True)
def read_pdf(path: str, data: bytes) -> SourceDocument:
    # pypdf caps what one compressed stream may unpack to (75 MB) by itself. Its log
    # messages about repaired damage («EOF marker not found») are not for our users.
    import logging

    import pypdf

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    except Exception:
        raise ReadError(path, _not_readable(data)) from None
    if reader.is_encrypted:
        _encrypted(path, reader)
    pages: list[list[_Line]] = []
    scanned: list[int] = []  # no text, an image: a scanned page
    garbled: list[int] = []
    broken: list[int] = []
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, 1):
        try:
            page_lines, decodable, has_text = _page_lines(page, number)
        except Exception:
            broken.append(number)
            continue
        if not decodable:
            garbled.append(number)
        elif page_lines:
            pages.append(page_lines)
        elif not has_text and _has_images(page):
            scanned.append(number)
        # else: a blank page, or one with only a page number: nothing to check
    lines = [l for page_lines in _mark_furniture(pages) for l in page_lines]
    if not lines:
        if garbled:
            raise ReadError(
                path,
                "has a text layer that cannot be decoded (fonts without a Unicode map): "
                "run OCR on it (e.g. ocrmypdf --force-ocr -l rus+kaz in.pdf out.pdf) and check the result",
            )
        if broken and len(broken) == total:
            raise ReadError(path, "is damaged: no page could be read")
        if scanned:
            raise ReadError(
                path,
                f"has no text layer ({_pages(len(scanned))} of images — a scan?): run OCR on it "
                "(e.g. ocrmypdf -l rus+kaz in.pdf out.pdf) and check the result",
            )
        if broken:
            raise ReadError(path, f"is damaged: {_which(broken)} could not be read, and the other pages are blank")
        raise ReadError(path, f"has no text to check: {'its page is' if total == 1 else f'its {total} pages are'} blank (no text, no images)")
    notes = []
    if scanned:
        one = len(scanned) == 1
        notes.append(f"{_which(scanned, total)} {'has' if one else 'have'} no text layer (scanned?) and {'was' if one else 'were'} not checked")
    if garbled:
        notes.append(f"{_which(garbled)}: text layer cannot be decoded; not checked")
    if broken:
        notes.append(f"{_which(broken)} could not be read (damaged) and {'was' if len(broken) == 1 else 'were'} not checked")
    return _assemble(path, lines, notes)


def _pages(n: int) -> str:
    return f"{n} page{'s' if n != 1 else ''}"


def _which(numbers: list[int], total: int | None = None) -> str:
    """«page 2», «pages 2–3, 5», «page 2 of 3»."""
    of = f" of {total}" if total is not None else ""
    return f"page{'' if len(numbers) == 1 else 's'} {_ranges(numbers)}{of}"


def _not_readable(data: bytes) -> str:
    """Why pypdf could not open ``data``, in words (its exceptions name its internals)."""
    from anyq.readers.sniff import looks_like_text

    if b"%PDF-" not in data[:1024]:
        if looks_like_text(data):
            return "is plain text, not a PDF file (it does not start with «%PDF»): give it a .txt name to check it"
        return "is not a PDF file (it does not start with «%PDF»)"
    return "is a damaged PDF file, or one cut short: its structure cannot be read"


def _text_width(lines: list[_Line]) -> int:
    """How wide a full line is: measured on the body's lines in the body's type (a header in
    small type takes more columns), as laid out. The 90th percentile leaves out a few lines
    that run into the margin; on a page of a few lines, where that would be an ordinary line
    and none would look short, the longest."""
    body = _body_size(lines)
    ends = sorted(l.end for l in lines if l.part is None and (body is None or l.size is None or l.size > _SMALL * body))
    if not ends:
        ends = sorted(l.end for l in lines)
    return ends[int(0.9 * (len(ends) - 1))] if len(ends) >= 10 else ends[-1]


def _assemble(path: str, lines: list[_Line], notes: list[str]) -> SourceDocument:
    width = _text_width(lines)
    # the running header and footer are read once, after the body, like a .docx's
    furniture: list[_Line] = []
    seen: set[str] = set()
    for l in lines:
        if l.part is not None and (key := _furniture_key(l.text)) not in seen:
            seen.add(key)
            furniture.append(l)
    lines = [l for l in lines if l.part is None] + furniture
    parts: list[str] = []
    blocks: list[Block] = []
    positions: list[Block] = []
    pos = 0
    para_start = 0
    prev: _Line | None = None
    words = [0, 0]  # the paragraph's words, and those with Kazakh letters: its language
    for cur in lines:
        text = cur.text
        if prev is not None and not _breaks(prev, cur, width):
            m = _HYPHENATED.search(parts[-1]) if parts else None
            first = re.match(r"\w+", text)
            lang = _language(m.group(1) + first.group(), words, text) if m and first else "ru"
            if m and first and (m.group(2) == "\u00ad" or not _keeps_hyphen(m.group(1), first.group(), lang)):
                parts[-1] = parts[-1][:-1]  # a word broken at the line end: join the halves
                pos -= 1
                positions[-1].end = pos
            elif m and first:
                pass  # a real hyphen: «ӘРПК-» + «нің»
            else:
                parts.append(" ")
                pos += 1
        elif prev is not None:
            blocks.append(Block(para_start, pos, dict(positions[_first_of(positions, para_start)].location)))
            parts.append("\n")
            pos += 1
            para_start = pos
            words = [0, 0]
        for w in text.split():
            words[0] += 1
            words[1] += _KAZAKH.search(w) is not None
        where = {"page": cur.page, "line": cur.line} if cur.part is None else {"part": cur.part, "page": cur.page, "line": cur.line}
        positions.append(Block(pos, pos + len(text), where))
        parts.append(text)
        pos += len(text)
        prev = cur
    blocks.append(Block(para_start, pos, dict(positions[_first_of(positions, para_start)].location)))
    parts.append("\n")
    return SourceDocument(path=path, text="".join(parts), format="pdf", blocks=blocks, positions=positions, notes=notes)


def _language(word: str, words: list[int], line: str) -> str:
    """A word's language: Kazakh with a Kazakh letter; else its paragraph's (the lines so far
    and ``line``), Kazakh when a fifth of its words have Kazakh letters — a Russian
    paragraph citing «ӘРПК» stays Russian."""
    if _KAZAKH.search(word):
        return "kk"
    ahead = line.split()
    total = words[0] + len(ahead)
    kazakh = words[1] + sum(1 for w in ahead if _KAZAKH.search(w))
    return "kk" if kazakh >= 0.2 * total else "ru"


def _first_of(positions: list[Block], start: int) -> int:
    for i in range(len(positions) - 1, -1, -1):
        if positions[i].start <= start:
            return i
    return 0


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:  # type: ignore[list-item]
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)
