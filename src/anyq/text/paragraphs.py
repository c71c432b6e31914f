"""Split a document's text into paragraphs, the unit of language identification.

Plain text arrives either with blank lines between paragraphs or with one paragraph per
line (as Word saves it), or hard-wrapped. A line break ends a paragraph when the line
before it ends a sentence or is a short line (a greeting, a signature, a requisite);
otherwise the next line continues it — so wrapped prose and a list introduced by «:»
whose items end in «;» stay together.
"""

from __future__ import annotations

import re

from anyq.text.source import Paragraph, SourceDocument

_ENDS_SENTENCE = re.compile(r"[.!?…][»\"')\]]*\s*$")
_MD_HEADING = re.compile(r"^(\s{0,3}#{1,6}\s+)")
_MD_LIST = re.compile(r"^(\s*(?:[-*+]|\d{1,3}[.)])\s+)")
_MD_QUOTE = re.compile(r"^(\s*>\s?)")
_SHORT_LINE = 45


_CONTINUES = re.compile(r"[:;,\-–—(]\s*$")


def _starts_new(prev: str, line: str) -> bool:
    if _ENDS_SENTENCE.search(prev):
        return True
    if _CONTINUES.search(prev):
        return False  # «… документы:» / «1) справка;» — a list or a clause goes on
    stripped = line.lstrip()
    return len(prev.strip()) < _SHORT_LINE and bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


def _blank_out(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace skipped ranges with spaces (keeping newlines) so offsets do not move."""
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def split_paragraphs(doc: SourceDocument) -> list[Paragraph]:
    if doc.blocks:
        paras = []
        for b in doc.blocks:
            seg = doc.text[b.start : b.end]
            lead = len(seg) - len(seg.lstrip())
            body = seg.strip()
            if body:
                start = b.start + lead
                paras.append(Paragraph(len(paras), start, start + len(body), body, location=dict(b.location)))
        return paras

    text = _blank_out(doc.text, doc.skipped)
    markdown = doc.format == "md"
    paras: list[Paragraph] = []
    cur_start: int | None = None
    cur_end = 0
    cur_role = "body"
    prev_line = ""

    def flush() -> None:
        nonlocal cur_start
        if cur_start is not None and cur_end > cur_start:
            # the blanked text: code and comments inside a line (Markdown) are not linted, and
            # the NLP folds their spaces into one, so offsets hold and no double space shows
            body = text[cur_start:cur_end]
            paras.append(Paragraph(len(paras), cur_start, cur_end, body, role=cur_role))
        cur_start = None

    offset = 0
    for line in text.split("\n"):
        line_start, line_end = offset, offset + len(line)
        offset = line_end + 1
        if not line.strip():
            flush()
            prev_line = ""
            continue
        content_start = line_start + (len(line) - len(line.lstrip()))
        role = "body"
        if markdown:
            for rx, r in ((_MD_HEADING, "heading"), (_MD_LIST, "list"), (_MD_QUOTE, "quote")):
                m = rx.match(line)
                if m:
                    content_start = line_start + m.end()
                    role = r
                    break
        content_end = line_start + len(line.rstrip())
        if content_end <= content_start:
            continue
        new = cur_start is None or role in ("heading", "list") or cur_role == "heading"
        if not new:
            new = _starts_new(prev_line, line)
        if new:
            flush()
            cur_start = content_start
            cur_role = role
        cur_end = content_end
        prev_line = line
    flush()
    return paras
