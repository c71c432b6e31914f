"""The text the NLP pipeline sees: whitespace runs folded to one space, with a map back.

A phrase broken by a line break or a doubled space («в\\nцелях», «в  целях») is still one
phrase: spaCy would put a whitespace token between the words and no phrase rule would match.
So each paragraph is annotated with every run of whitespace replaced by one space; the
offsets of the folded text map back to the paragraph's own offsets, and the places where a
line break was are kept for the sentence splitter (list items start lines).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

OFFSETS = "anyq.offsets"  # doc.user_data: folded offset → paragraph offset (len(text) + 1 items)
NEWLINES = "anyq.newlines"  # doc.user_data: folded offsets of spaces that stand for a line break
TEXT = "anyq.text"  # doc.user_data: the folded text itself (``doc.text`` builds a Token per token)

_WS = re.compile(r"\s{2,}|[^\S ]")


def fold_whitespace(text: str) -> tuple[str, list[int] | None, frozenset[int]]:
    """``text`` with whitespace runs as single spaces, the offset map (None if unchanged), line breaks."""
    # most paragraphs have neither: a space pair and a non-printable character (every
    # whitespace character but the space is one) are found at C speed, the regex tries
    # its alternation at each position
    if "  " not in text and text.isprintable():
        return text, None, frozenset()
    out: list[str] = []
    offsets: list[int] = []
    newlines: set[int] = set()
    pos = 0
    for m in _WS.finditer(text):
        a, b = m.span()
        out.append(text[pos:a])
        offsets.extend(range(pos, a))
        if "\n" in m.group() or "\r" in m.group():
            newlines.add(len(offsets))
        out.append(" ")
        offsets.append(a)
        pos = b
    if not out:
        return text, None, frozenset()  # a non-printable character that is not whitespace
    out.append(text[pos:])
    offsets.extend(range(pos, len(text) + 1))
    return "".join(out), offsets, frozenset(newlines)


# Chunks (text between spaces) each tokenizer has already cached, by id of the tokenizer.
_CACHED_CHUNKS: dict[int, tuple[object, set[str]]] = {}
_CACHED_CHUNKS_LIMIT = 200_000


def _cache_chunks(tokenizer, folded: str) -> None:
    """Tokenize each chunk of ``folded`` the tokenizer has not seen alone, once, so that it
    lands in the tokenizer's cache. spaCy 3.8's tokenizer stops caching the chunks of a text
    after the first special case in it (``г.``, ``тел.``, ``—``: a flag that is never reset,
    explosion/spaCy#13950), so every later chunk of such a paragraph was split by the prefix,
    suffix and infix regexes again at every check. A chunk's tokens do not depend on its
    neighbours, so the tokens are the same; only the cache is filled."""
    entry = _CACHED_CHUNKS.get(id(tokenizer))
    if entry is None or entry[0] is not tokenizer:
        entry = _CACHED_CHUNKS[id(tokenizer)] = (tokenizer, set())
    seen = entry[1]
    chunks = folded.split(" ")
    if seen.issuperset(chunks):
        return  # the usual case: one C-level pass, no set built
    new = set(chunks)
    new -= seen
    if len(seen) > _CACHED_CHUNKS_LIMIT:
        seen.clear()
    seen |= new
    new.discard("")
    for chunk in new:
        tokenizer(chunk)


def make_docs(nlp: Language, texts: list[str]) -> list[Doc]:
    """Docs of the folded texts, carrying their offset maps, ready for ``nlp.pipe``."""
    docs = []
    tokenizer = nlp.tokenizer
    for text in texts:
        folded, offsets, newlines = fold_whitespace(text)
        _cache_chunks(tokenizer, folded)
        doc = nlp.make_doc(folded)
        data = doc.user_data
        data[TEXT] = folded
        if offsets is not None:
            data[OFFSETS] = offsets
            data[NEWLINES] = newlines
        docs.append(doc)
    return docs


def doc_text(doc: Doc) -> str:
    """``doc.text`` of a doc made by :func:`make_docs`, without joining its tokens again."""
    text = doc.user_data.get(TEXT)
    return text if text is not None else doc.text


def original_span(doc: Doc, start_char: int, end_char: int) -> tuple[int, int]:
    """Paragraph offsets of the folded ``[start_char, end_char)``."""
    offsets = doc.user_data.get(OFFSETS)
    if offsets is None or end_char <= start_char:
        return start_char, end_char
    return offsets[start_char], offsets[end_char - 1] + 1


def span_offsets(span: Span) -> tuple[int, int]:
    return original_span(span.doc, span.start_char, span.end_char)
