"""Split a document's text into paragraphs, the unit of language identification.

Plain text arrives either with blank lines between paragraphs or with one paragraph per
line (as Word saves it), or hard-wrapped. A line break ends a paragraph when the line
before it ends a sentence or is a short line (a greeting, a signature, a requisite);
otherwise the next line continues it, so wrapped prose stays together. A list item («- »,
«• », «1) », «а) » after a line ending in «:» or «;», or after another item) and a table
cell (a Markdown «| … |» row, or lines of tab-separated columns) is a paragraph of its own,
as a .docx gives its list items and table cells.
"""

from __future__ import annotations

import re

from anyq.text.source import Paragraph, SourceDocument, blank_out

_ENDS_SENTENCE = re.compile(r"[.!?…][»\"')\]]*\s*$")
_MD_HEADING = re.compile(r"^(\s{0,3}#{1,6}\s+)")
_MD_LIST = re.compile(r"^(\s*(?:[-*+]|\d{1,3}[.)])\s+)")
_MD_QUOTE = re.compile(r"^(\s*>\s?)")
_SHORT_LINE = 45
# a list item of a plain-text letter: a bullet or dash, «1)» / «1.», or a letter «а)», «ә)»
_TXT_LIST = re.compile(r"^(\s*(?:[-–—•·▪●◦*]|\d{1,3}[.)]|[^\W\d_]\))\s+)")
_MD_TABLE_RULE = re.compile(r"^\s*\|(?:\s*:?-+:?\s*\|)+\s*$")  # |---|:---:|
# a table row's cells: between «|» in a Markdown row, between tabs in a tabbed line
_CELLS = {"|": re.compile(r"[^|]+"), "\t": re.compile(r"[^\t]+")}


_LIST_LEAD = re.compile(r"[:;]\s*$")
_CONTINUES = re.compile(r"[:;,\-–—(]\s*$")


def _ends_sentence(line: str) -> bool:
    """``_ENDS_SENTENCE.search(line)`` without the regex, which tries its class at every
    character of the line: the line without trailing whitespace (``\\s`` and ``str.rstrip``
    strip the same characters) and closing quotes or brackets ends in «.», «!», «?» or «…»."""
    return line.rstrip().rstrip("»\"')]").endswith((".", "!", "?", "…"))


def _ends_clause(line: str) -> bool:
    """``[:;,]\\s*$`` without the regex (see _ends_sentence)."""
    return line.rstrip().endswith((":", ";", ","))


def _starts_new(prev: str, line: str, prose: bool = True) -> bool:
    """``prose``: the block of ``line`` ends a sentence somewhere (see _ends_prose)."""
    if _ends_sentence(prev):
        return True
    if _CONTINUES.search(prev):
        return False  # «… документы:» / «справка о доходах,» — a clause goes on
    stripped = line.strip()
    if not stripped or not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    # a long line wraps onto the next, unless both are long lines of a block that is no prose
    # (a letterhead); a signature's position stays with the name under it, however far right
    return len(prev.strip()) < _SHORT_LINE or (not prose and len(" ".join(stripped.split())) >= _SHORT_LINE)


def _table_rows(lines: list[str], markdown: bool) -> list[str | None]:
    """Per line, the separator of its cells if it is a table row, else None: in Markdown a
    «| … |» row; in any text a line of columns separated by tabs next to another such line
    (one tabbed line is a signature with the name pushed right, not a table)."""
    tabbed = ["\t" in l.strip() for l in lines]
    rows: list[str | None] = [None] * len(lines)
    for i, line in enumerate(lines):
        t = line.strip()
        if markdown and len(t) > 1 and t[0] == t[-1] == "|":
            rows[i] = "|"
        elif tabbed[i] and ((i > 0 and tabbed[i - 1]) or (i + 1 < len(lines) and tabbed[i + 1])):
            rows[i] = "\t"
    return rows


def _ends_prose(lines: list[str]) -> list[bool]:
    """For each line, whether it or a later line of its block (up to a blank line) ends a
    sentence: a long line without final punctuation wraps onto the next one only in a block
    of prose; in a letterhead (names of the body in both languages, its address) no line
    ends so, and each is a paragraph. A line ending in «:», «;» or «,» is prose too: a list's
    lead «… доводим до\nВашего сведения, что необходимо представить документы:» before a
    blank line and its list, or a clause that goes on, is no letterhead."""
    out = [False] * len(lines)
    later = False
    for i in range(len(lines) - 1, -1, -1):
        later = bool(lines[i].strip()) and (later or _ends_sentence(lines[i]) or _ends_clause(lines[i]))
        out[i] = later
    return out


def split_paragraphs(doc: SourceDocument) -> list[Paragraph]:
    if doc.blocks:
        paras = []
        for b in doc.blocks:
            seg = doc.text[b.start : b.end]
            lead = len(seg) - len(seg.lstrip())
            body = seg.strip()
            if body:
                start = b.start + lead
                loc = b.location
                grid = (loc["table"], loc["row"], loc["cell"]) if "cell" in loc and "table" in loc and "row" in loc else None
                paras.append(Paragraph(len(paras), start, start + len(body), body, location=dict(loc), grid=grid))
        return paras

    text = blank_out(doc.text, doc.skipped)
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

    lines = text.split("\n")
    table = _table_rows(lines, markdown)
    prose = _ends_prose(lines)
    offset = 0
    tables = rows = 0  # a table's rows: consecutive row lines, «|---|» rules not counted
    for k, line in enumerate(lines):
        line_start, line_end = offset, offset + len(line)
        offset = line_end + 1
        if not line.strip():
            flush()
            prev_line = ""
            continue
        if table[k]:
            # each cell a paragraph of its own, as a .docx table's; «|---|» rules are no text
            flush()
            prev_line = ""
            if k == 0 or not table[k - 1]:
                tables, rows = tables + 1, 0
            if not (markdown and _MD_TABLE_RULE.match(line)):
                rows += 1
                sep = table[k]
                lead = len(line) - len(line.lstrip()) if sep == "\t" else 0
                for m in _CELLS[sep].finditer(line):
                    cell = m.group()
                    if cell.strip():
                        a = line_start + m.start() + len(cell) - len(cell.lstrip())
                        # the column counts the separators before the cell, so an empty cell keeps its place
                        col = line.count(sep, lead, m.start()) + (sep == "\t")
                        paras.append(Paragraph(len(paras), a, a + len(cell.strip()), cell.strip(), role="table", grid=(tables, rows, col)))
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
        else:
            m = _TXT_LIST.match(line)
            # an item under its lead «… документы:» or after another item; a numbered paragraph
            # after a blank line or a sentence is a paragraph already, and keeps its number
            if m and cur_start is not None and (cur_role == "list" or _LIST_LEAD.search(prev_line)):
                content_start = line_start + m.end()
                role = "list"
        content_end = line_start + len(line.rstrip())
        if content_end <= content_start:
            continue
        new = cur_start is None or role in ("heading", "list") or cur_role == "heading"
        if not new:
            new = _starts_new(prev_line, line, prose[k])
        if new:
            flush()
            cur_start = content_start
            cur_role = role
        cur_end = content_end
        prev_line = line
    flush()
    return paras
