"""PDF (pypdf): the text layer, rebuilt into paragraphs, located by page and line.

pypdf's layout mode keeps what the page shows — vertical gaps as blank lines, the
first-line indent, a paragraph's short last line — so paragraphs are rebuilt from those
signs; justified text's stretched spaces are collapsed; a word hyphenated at a line end
is joined («обеспе-/чения» → «обеспечения»), while real hyphens stay («ӘРПК-/нің»,
«Нур-/Султан», and Russian compounds pymorphy3 knows only with the hyphen). Lines that
are only a page number are page furniture and dropped. Each line of the text keeps its
``page`` and ``line`` (non-empty lines counted from the top of the page).

A PDF without a text layer (a scan), an encrypted one and a damaged one get a message
saying what to do. A page without text is a scan only if it shows an image; a blank page
(an empty reverse side) is passed over.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from anyq.readers import ReadError, register
from anyq.text import Block, SourceDocument

_SPACES = re.compile(r"[ \t]+")
_PAGE_NUMBER = re.compile(
    r"^[\s\-–—]*(?:(?:стр(?:аница)?|бет|page)\.?\s*)?\d{1,4}(?:\s*(?:из|of|/)\s*\d{1,4})?(?:\s*-?\s*бет)?[\s\-–—]*$",
    re.I,
)
_ENDS_SENTENCE = re.compile(r"[.!?…:;][»\"')\]]*$")
_LIST_ITEM = re.compile(r"^(?:\d{1,3}[.)]\s|[a-zа-яәғқңөұүһі][)]|[-–—•▪●]\s)")
_HYPHENATED = re.compile(r"(\w+)([-\u00ad])$")
_KAZAKH = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_UNMAPPED = re.compile(r"[\ue000-\uf8ff\ufffd\x00-\x08]")
_SHORT = 0.8  # a line ending before 80 % of the text width may end a paragraph


@dataclass(slots=True)
class _Line:
    page: int
    line: int
    indent: int
    text: str
    gap_before: bool  # a blank line (vertical space) above it


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=4096)
def _keeps_hyphen(left: str, right: str) -> bool:
    """Is «left-» + «right» at a line end a real hyphen rather than a word break?"""
    if any(ch.isdigit() for ch in left) or (len(left) > 1 and left.isupper()) or right[:1].isupper():
        return True  # «91-бабы», «ӘРПК-нің», «Нур-Султан»: word breaks never look like this
    if _KAZAKH.search(left + right):
        return False
    morph = _morph()
    joined, hyphened = (left + right).lower(), f"{left}-{right}".lower()
    return morph.word_is_known(hyphened) and not morph.word_is_known(joined)


def _page_lines(page: Any, number: int) -> tuple[list[_Line], bool, bool]:
    """Non-empty lines of one page; the flags say whether the text could be decoded and
    whether the page had any text at all (a page number counts)."""
    try:
        raw = page.extract_text(extraction_mode="layout")
    except Exception:  # layout mode gives up on some fonts; the plain mode rarely does
        raw = page.extract_text() or ""
    out: list[_Line] = []
    gap = False
    n = 0
    for line in raw.splitlines():
        if not line.strip():
            gap = bool(out)
            continue
        n += 1
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        out.append(_Line(number, n, indent, _SPACES.sub(" ", stripped), gap))
        gap = False
    text = "".join(l.text for l in out)
    decodable = not text or len(_UNMAPPED.findall(text)) < 0.3 * len(text)
    # page numbers at the top or bottom are furniture, not text
    while out and _PAGE_NUMBER.match(out[-1].text):
        out.pop()
    while out and _PAGE_NUMBER.match(out[0].text):
        out.pop(0)
    return out, decodable, bool(text)


def _has_images(page: Any) -> bool:
    """Does the page show a picture (an image XObject, also inside a form, or an inline image)?"""
    try:
        return len(page.images) > 0
    except Exception:  # cannot tell: count it as a scan, which asks the user to look
        return True


def _breaks(prev: _Line, cur: _Line, width: int) -> bool:
    """Does ``cur`` start a new paragraph?"""
    if _LIST_ITEM.match(cur.text) or cur.page > prev.page + 1:  # a page in between was skipped
        return True
    if cur.page == prev.page:
        if cur.gap_before:
            return True
        if cur.indent > prev.indent + 2:  # first-line indent («красная строка»)
            return True
    # a paragraph's last line is short; a full line (at the foot of a page too) goes on
    short = prev.indent + len(prev.text) < _SHORT * width
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
    lines: list[_Line] = []
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
            lines += page_lines
        elif not has_text and _has_images(page):
            scanned.append(number)
        # else: a blank page, or one with only a page number: nothing to check
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


def _assemble(path: str, lines: list[_Line], notes: list[str]) -> SourceDocument:
    ends = sorted(l.indent + len(l.text) for l in lines)
    width = ends[int(0.9 * (len(ends) - 1))]
    parts: list[str] = []
    blocks: list[Block] = []
    positions: list[Block] = []
    pos = 0
    para_start = 0
    prev: _Line | None = None
    for cur in lines:
        text = cur.text
        if prev is not None and not _breaks(prev, cur, width):
            m = _HYPHENATED.search(parts[-1]) if parts else None
            first = re.match(r"\w+", text)
            if m and first and (m.group(2) == "\u00ad" or not _keeps_hyphen(m.group(1), first.group())):
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
        positions.append(Block(pos, pos + len(text), {"page": cur.page, "line": cur.line}))
        parts.append(text)
        pos += len(text)
        prev = cur
    blocks.append(Block(para_start, pos, dict(positions[_first_of(positions, para_start)].location)))
    parts.append("\n")
    return SourceDocument(path=path, text="".join(parts), format="pdf", blocks=blocks, positions=positions, notes=notes)


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
