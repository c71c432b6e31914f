"""Plain text and Markdown."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from anyq.readers import decode_or_fail, register
from anyq.resources import rules_toml
from anyq.text import SourceDocument
from anyq.text.source import blank_out

_FENCE_OPEN = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
_FENCE_CLOSE = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_COMMENT_OPEN = re.compile(r" {0,3}<!--")
_BACKTICKS = re.compile(r"`+")
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
# an e-mail's quoted lines («> …», «>> …», a bare «>»): a run of them is the message replied
# to (the citizen's appeal under the reply), not the reply's prose
_QUOTED_LINES = re.compile(r"^ {0,3}>.*(?:\n {0,3}>.*)*", re.M)
# a line of prose outside the quotes: one with a letter, not a rule of dashes («-----Original
# Message-----») nor an attribution ending in «:» («12.05.2026, Ерлан <erlan@mail.kz> пишет:»)
_PROSE_LINE = re.compile(r"(?![ \t]*[-=_—–]{3})(?!.*:[ \t]*$).*[^\W\d_]")
# a heading's closing «#»s («## Ответ ##»), a setext underline («=====») and a thematic break
# («---», «***», «___»): the opening «#» and list markers the paragraph splitter leaves out
# (after a line's block-quote markers, each with the one space after it: a heading or rule inside
# a quote, «> ## Итог ##», «> > ---», is one as it is outside; the space is taken when it is
# there and left when not, so the markers match one way only and a long line of them cannot
# backtrack exponentially)
_IN_QUOTE = r"(?: {0,3}>(?:[ \t]|(?![ \t])))*"
_CLOSING_HASHES = re.compile(rf"^{_IN_QUOTE} {{0,3}}#{{1,6}}[ \t].*?[ \t](#+)[ \t]*$", re.M)
# a setext underline or thematic break (above); a space has one place in the pattern to match:
# «(?:-[ \t]*){3,}[ \t]*$» let the group and the tail share the spaces and backtracked
# quadratically (minutes on «---» and 200 000 spaces before a letter)
_RULE_LINE = re.compile(rf"^{_IN_QUOTE}( {{0,3}}(?:=+|-(?:[ \t]*-){{2,}}|\*(?:[ \t]*\*){{2,}}|_(?:[ \t]*_){{2,}})[ \t]*)$", re.M)
# Links are read as the letter shows them: their text (an image's alt text) is prose, the
# brackets, address and title are markup. A reference definition «[1]: https://… "Заголовок"»
# on a line of its own, and an autolink «<https://egov.kz>», «<info@akimat.kz>», are no prose:
# skipped, like code. A link's text has no brackets in it (CommonMark allows balanced ones) and
# its address at most one level of parentheses («…/Закон_(РК)»).
_LINK_DEFINITION = re.compile(
    r"^ {0,3}\[([^\[\]\n]+)\]:[ \t]*(?:<[^<>\n]*>|\S+)(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$", re.M
)
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)>")
_LINK = re.compile(
    r"(?<!\\)!?\[(?P<text>(?:[^\[\]\n]|\n(?![ \t]*\n))*)\]"  # [text] or ![alt]
    r"(?:(?P<inline>\([ \t]*(?:<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"  # (address
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\))"  #  "title")
    r"|\[(?P<label>[^\[\]\n]*)\])?"  # or [label], [] or nothing: «[ЦОН]» names its definition
)


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


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Inline code in ``text`` (its fenced blocks blanked out), as CommonMark finds it: a run of
    backticks opens a span that the next run of exactly as many closes, over line breaks within
    its paragraph («`a⏎b`», «`` a ` b ``»); a run with no such closer is text, and so is a
    backtick after a backslash (the rest of its run may open). Each run is looked at once, and
    its closer found by bisection over the runs of its length."""
    spans: list[tuple[int, int]] = []
    if "`" not in text:
        return spans
    for para in _PARAGRAPH.finditer(text):
        runs = [m.span() for m in _BACKTICKS.finditer(text, *para.span())]
        if len(runs) < 2:
            continue
        by_length: dict[int, list[int]] = {}  # a run's length → the indices of the runs that long
        for i, (a, b) in enumerate(runs):
            by_length.setdefault(b - a, []).append(i)
        i = 0
        while i < len(runs):
            a, b = runs[i]
            if a and text[a - 1] == "\\":
                a += 1  # «\`» is a backtick; the rest of the run may still open a span
            same = by_length.get(b - a, [])
            k = bisect_right(same, i)
            if a < b and k < len(same):
                j = same[k]
                spans.append((a, runs[j][1]))
                i = j + 1
            else:
                i += 1
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


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the ``spans`` as NULs (their line breaks kept): code is looked through, not
    into, so its «*», «>» and «[» are no markup."""
    return blank_out(text, spans, "\0")


def _links(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The reference definitions and autolinks in ``text`` (code masked), which are no prose, and
    the markup of its links and images: «[» or «![» and «](address "title")», «][label]» or
    «]». «[text][label]», «[text][]» and «[text]» are links only when the label is defined,
    as in CommonMark: a «[1]» in a letter is text."""
    definitions = list(_LINK_DEFINITION.finditer(text))
    labels = {" ".join(m.group(1).split()).casefold() for m in definitions}
    plain = [m.span() for m in definitions] + [m.span() for m in _AUTOLINK.finditer(text)]
    markup: list[tuple[int, int]] = []
    if "[" in text:
        for m in _LINK.finditer(_masked(text, plain)):
            if m.group("inline") is None:
                label = m.group("label") or m.group("text")
                if " ".join(label.split()).casefold() not in labels:
                    continue
            markup += [(m.start(), m.start("text")), (m.end("text"), m.end())]
    return plain, markup


def _markup(text: str) -> list[tuple[int, int]]:
    """The spans of Markdown markup in ``text``, its code, comments and links masked."""
    quotes = [m.span() for m in _QUOTE_MARKERS.finditer(text)]
    spans = quotes + [m.span(1) for m in _CLOSING_HASHES.finditer(text)]
    spans += [m.span(1) for m in _RULE_LINE.finditer(text)]
    if quotes:  # a bare «>» line ends a quote's paragraph, and emphasis never pairs across one
        chars = list(text)
        for a, b in quotes:
            chars[a:b] = " " * (b - a)
        text = "".join(chars)
    return spans + _emphasis(text)


def _alternatives(words: list[str]) -> str:
    # the longest first, so «Отправлено» is not read as «От»; a space stands for any run of them
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(words, key=len, reverse=True))


@cache
def _mail_patterns() -> tuple[re.Pattern[str], frozenset[str], re.Pattern[str]]:
    """A header field's line, the fields that name a sender or recipient, and a forwarding line
    (rules/data/reply_cues.toml, ``[layout]``). Both lines may stand in «>» quotes."""
    layout = rules_toml("reply_cues.toml")["layout"]
    field = re.compile(rf"[ \t>]*({_alternatives(layout['mail_header_fields'])})[ \t]*:", re.I)
    addresses = frozenset(" ".join(w.casefold().split()) for w in layout["mail_header_addresses"])
    phrase = rf"(?:{_alternatives(layout['forwarded_lines'])})[ \t]*:?"
    # «-----Original Message-----», «Пересылаемое сообщение», or dashes or underscores alone
    rule = r"[-_=]{3,}"
    # (each optional part takes the spaces before it, so a space has one place to match: a line
    # of dashes and many spaces is not backtracked through quadratically)
    forwarded = re.compile(rf"^[ \t>]*(?:{rule}(?:[ \t]*{phrase}(?:[ \t]*{rule})?)?|{phrase}(?:[ \t]*{rule})?)[ \t]*$", re.M | re.I)
    return field, addresses, forwarded


def _mail_headers(text: str) -> list[tuple[int, int, bool]]:
    """The lines of an e-mail's header blocks in ``text`` («От: …», «Кому: …», «Тема: …»), each
    as (start, end, quoted), its break and «>» markers left out: a block is two or more header
    lines in a row, one of them naming a sender or recipient, on the first lines of the text or
    under a forwarding line («-----Original Message-----»), blank lines before it allowed; the
    forwarding line over a block is one of its lines. A «Тема:» line in a letter's body is text."""
    if ":" not in text:
        return []
    field, addresses, forwarded = _mail_patterns()
    starts = [(0, None)] + [(m.end() + 1, m.span()) for m in forwarded.finditer(text)]
    spans: list[tuple[int, int, bool]] = []
    for at, over in starts:
        block: list[tuple[int, int, bool]] = []
        named = False
        while at < len(text):
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            line = text[at:end]
            body = line.lstrip(" \t>")
            if not body.strip():
                if block:
                    break
            elif m := field.match(line):
                named = named or " ".join(m.group(1).casefold().split()) in addresses
                block.append((at + len(line) - len(body), end, ">" in line[: len(line) - len(body)]))
            else:
                break
            at = end + 1
        if len(block) >= 2 and named:
            if over is not None:
                a, b = over
                line = text[a:b]
                body = line.lstrip(" \t>")
                block.insert(0, (b - len(body), b, ">" in line[: len(line) - len(body)]))
            spans += block
    return sorted(set(spans))


def txt_source(path: str, text: str, encoding: str | None) -> SourceDocument:
    """A plain-text letter (``text`` with its line breaks folded): the runs of «>» quoted lines
    of an e-mail are skipped, as quotations, so they are not linted, fixed or counted, and end
    the paragraph before them. A text with no prose outside its quotes (a reply forwarded
    entirely in «>» quotes, under at most an attribution line «… пишет:» or a «-----» rule) is
    the quoted letter itself: its «>» markers are markup, as in Markdown, and the words are
    linted in place.

    An e-mail's header block («От: …», «Кому: …», «Тема: …», «Дата: …») at the top of the text
    or under a forwarding line («-----Original Message-----») is markup: the letter under it is
    read, and linted, without it (and so is a quoted letter under it)."""
    headers = _mail_headers(text)
    plain_headers = [(a, b) for a, b, quoted in headers if not quoted]
    if ">" not in text:
        return SourceDocument(path=path, text=text, format="txt", encoding=encoding, markup=plain_headers)
    skipped = [m.span() for m in _QUOTED_LINES.finditer(text)]
    outside = _masked(text, skipped + plain_headers)
    if skipped and not any(_PROSE_LINE.match(line) for line in outside.split("\n")):
        markup = [m.span() for m in _QUOTE_MARKERS.finditer(text)] + [(a, b) for a, b, _ in headers]
        return SourceDocument(path=path, text=text, format="txt", encoding=encoding, markup=sorted(markup))
    return SourceDocument(path=path, text=text, format="txt", encoding=encoding, skipped=skipped, markup=plain_headers)


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
    # code spans are found around the blocks (blanked, they end a paragraph as a fence does)
    skipped += _code_spans(blank_out(text, skipped)) + [m.span() for m in _HTML_COMMENT.finditer(text)]
    masked = _masked(text, skipped)
    plain, links = _links(masked)
    skipped += plain
    markup = sorted(links + _markup(_masked(masked, plain + links)))
    return SourceDocument(path=path, text=text, format="md", encoding=encoding, skipped=sorted(skipped), markup=markup)
