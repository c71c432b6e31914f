"""The text the NLP pipeline sees: whitespace runs folded to one space, with a map back.

A phrase broken by a line break or a doubled space («в\\nцелях», «в  целях») is still one
phrase: spaCy would put a whitespace token between the words and no phrase rule would match.
So each paragraph is annotated with every run of whitespace replaced by one space; the
offsets of the folded text map back to the paragraph's own offsets, and the places where a
line break was are kept for the sentence splitter (list items start lines).
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from anyq.nlp.strings import COLUMNS, Columns, columns

OFFSETS = "anyq.offsets"  # doc.user_data: folded offset → paragraph offset (len(text) + 1 items)
NEWLINES = "anyq.newlines"  # doc.user_data: folded offsets of spaces that stand for a line break
TEXT = "anyq.text"  # doc.user_data: the folded text itself (``doc.text`` builds a Token per token)

_WS = re.compile(r"\s{2,}|[^\S ]")
_NORM = [NORM]


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


# The tokens of each chunk (text between spaces) each tokenizer has seen, by id of the
# tokenizer, with the tokenizer's special cases that hold a space (see ``_SpacedCases``).
_CHUNK_TOKENS: dict[int, tuple[object, dict[str, tuple], _SpacedCases]] = {}
_CHUNK_TOKENS_LIMIT = 200_000


class _SpacedCases:
    """The tokenizer's special cases that hold a space («вед. науч. сотр.», «д-р биол. наук»,
    «до н.э.»: spaCy's Russian exceptions have 91): the tokenizer makes one token of such a
    case across chunks, which chunk-by-chunk tokens cannot. Such a case can only be in a text
    where a chunk ending like the case's first word is followed by one starting like its
    second; each chunk's two tests are made once, with its tokens, and only a text with such
    a pair is searched for the cases themselves."""

    def __init__(self, tokenizer) -> None:
        self.cases = tuple(k for k in tokenizer.rules if " " in k.strip(" ") and not k.isspace())
        parts = [k.split(" ") for k in self.cases]
        self.firsts = tuple({p[0] for p in parts})
        self.seconds = tuple({p[1] for p in parts})

    def flags(self, chunk: str) -> tuple[bool, bool]:
        """May ``chunk`` end a case's first word, start its second?"""
        if not self.cases:
            return False, False
        return chunk.endswith(self.firsts), chunk.startswith(self.seconds)

    def found_in(self, text: str) -> bool:
        return any(k in text for k in self.cases)


def _chunk_tokens(tokenizer) -> tuple[dict[str, tuple], _SpacedCases]:
    entry = _CHUNK_TOKENS.get(id(tokenizer))
    if entry is None or entry[0] is not tokenizer:
        entry = _CHUNK_TOKENS[id(tokenizer)] = (tokenizer, {}, _SpacedCases(tokenizer))
    return entry[1], entry[2]


def _tokenize_chunk(tokenizer, chunks: dict[str, tuple], spaced: _SpacedCases, chunk: str) -> tuple:
    """``chunk``'s tokens as the tokenizer makes them alone: (orth hashes, texts, NORM hashes
    as ``to_array`` reads them, whether a special case set a token's own norm, 0/1 per token:
    a space follows it once the chunk is followed by one, whether the chunk may end the first
    word of a spaced special case, whether it may start the second)."""
    if len(chunks) >= _CHUNK_TOKENS_LIMIT:
        chunks.clear()
    doc = tokenizer(chunk)
    orths, norms = columns(doc, [ORTH, NORM], strings=0)
    texts = [t.text for t in doc]
    special = any(t.norm != t.lex.norm for t in doc)
    ws = [0] * len(doc)
    if ws:
        ws[-1] = 1
    entry = chunks[chunk] = (orths, texts, norms, special, ws, *spaced.flags(chunk))
    return entry


def make_docs(nlp: Language, texts: list[str]) -> list[Doc]:
    """Docs of the folded texts, carrying their offset maps, ready for ``nlp.pipe``.

    A folded text's tokens are its chunks' (the texts between its single spaces) tokens
    as the tokenizer makes each chunk alone: a chunk's tokens do not depend on its
    neighbours (the tokenizer splits at whitespace first; a special case is a chunk or part
    of one). So each chunk is tokenized once and kept, and a doc is built from the kept
    tokens' lexemes (``Doc(words=…, spaces=…)``) instead of tokenizing the text again: the
    tokenizer's per-text work (its own ``Doc``, a hash and two cache lookups per chunk, a
    ``PhraseMatcher`` pass for special cases) costs more than our chunk lookups, and spaCy
    3.8's tokenizer stops caching the chunks of a text after the first special case in it
    (``г.``, ``тел.``, ``—``: a flag that is never reset, explosion/spaCy#13950), so such a
    paragraph's later chunks were split by the affix regexes again at every check. The token
    texts, trailing spaces and norms read on the way are the first pipeline component's
    :class:`~anyq.nlp.strings.Columns` (no ``to_array`` to read them back). A norm that a
    special case gives the token itself («ж.» → жыл) is written to the doc."""
    docs = []
    tokenizer = nlp.tokenizer
    vocab = nlp.vocab
    chunks, spaced = _chunk_tokens(tokenizer)
    get = chunks.get
    for text in texts:
        folded, offsets, newlines = fold_whitespace(text)
        doc = None
        if folded and folded[0] != " " and folded[-1] != " ":
            orths: list[int] = []
            words: list[str] = []
            norms: list[int] = []
            ws: list[int] = []
            special = ends_first = pair = False
            for chunk in folded.split(" "):
                entry = get(chunk) or _tokenize_chunk(tokenizer, chunks, spaced, chunk)
                orths += entry[0]
                words += entry[1]
                norms += entry[2]
                ws += entry[4]
                special = special or entry[3]
                pair = pair or ends_first and entry[6]
                ends_first = entry[5]
            ws[-1] = 0
            if not (pair and spaced.found_in(folded)):
                doc = Doc(vocab, words=orths, spaces=ws)
        if doc is None:
            # empty, a space token at the start or a trailing space, or a special case across
            # chunks: as the tokenizer makes them
            doc = nlp.make_doc(folded)
        else:
            if special:
                doc.from_array(_NORM, numpy.array(norms, dtype="uint64").reshape(-1, 1))
            doc.user_data[COLUMNS] = Columns(words, ws, norms)
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
