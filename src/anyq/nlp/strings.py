"""Token strings read from a doc's arrays, decoded once per process.

Every string attribute of a spaCy ``Token`` (``text``, ``lemma_``, ``tag_`` …) and every
``vocab.strings[hash]`` decodes the string from the StringStore again (about a microsecond
each). The hot loops read hashes with ``doc.to_array`` and turn them into strings here: a
hash names the same string in every StringStore, so one dict serves both languages.
"""

from __future__ import annotations

from itertools import accumulate, compress
from operator import add

from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, LEMMA, LIKE_NUM, LOWER, NORM, ORTH, POS, SENT_START, SPACY, TAG
import numpy
from spacy.strings import StringStore
from spacy.tokens import Doc, MorphAnalysis
from spacy.vocab import Vocab

from anyq.nlp.words import WORD_FLAGS

# Bounded by the vocabulary of the texts seen; cleared if a huge batch outgrows it.
_MAX = 500_000


class _Decoded(dict):
    __slots__ = ("strings",)

    def __missing__(self, key: int) -> str:
        if len(self) >= _MAX:
            self.clear()
        value = self[key] = self.strings[key]
        return value


_decoded = _Decoded()


def decode(strings: StringStore, hashes: list[int]) -> list[str]:
    """The strings of ``hashes`` (a column of ``doc.to_array``, as a list)."""
    _decoded.strings = strings
    return list(map(_decoded.__getitem__, hashes))


def columns(doc: Doc, attrs: list[int], strings: int) -> list[list]:
    """``doc.to_array(attrs)`` as one list per attribute; the first ``strings`` attributes
    (hashes) decoded to strings."""
    arr = doc.to_array(attrs)
    if arr.ndim == 1:
        arr = arr.reshape(-1, 1)
    cols = arr.T.tolist()
    store = doc.vocab.strings
    for k in range(strings):
        cols[k] = decode(store, cols[k])
    return cols


class Columns:
    """A doc's columns as the pipeline reads and writes them: what belongs to the token
    (text, whitespace; the Kazakh morphology also reads the norm) as ``make_docs`` built the
    doc from them (else read with one ``to_array`` by the morphology component), shared with
    the splitter; the lexeme's own attributes
    (lower case, flags) and whether the splitter must look at the token (``cue``), which
    depend on the text alone, from the morphology's per-text rows;
    then the strings the morphology wrote and the sentence starts the splitter wrote.
    :class:`TokenStrings` is made from them without reading the doc again."""

    __slots__ = ("text", "lower", "norm", "ws", "space", "punct", "alpha", "num", "cue", "lemma", "pos", "tag", "sent_start", "norm_written")

    def __init__(self, text: list[str], ws: list[int], norm: list[int] | None) -> None:
        self.text, self.ws, self.norm = text, ws, norm
        self.lower = self.space = self.punct = self.alpha = self.num = self.cue = None
        self.lemma = self.pos = self.tag = self.sent_start = self.norm_written = None

    @classmethod
    def read(cls, doc: Doc, norm: bool = False) -> Columns:
        """The token columns read from the doc (one not built by ``make_docs``)."""
        # a to_array costs about as much as reading 4 columns of 20 tokens: one call, only
        # the columns some reader needs (norm stays hashes: only abbreviations read it)
        if norm:
            return cls(*columns(doc, [ORTH, SPACY, NORM], strings=1))
        return cls(*columns(doc, [ORTH, SPACY], strings=1), None)

    def lexemes(self, doc: Doc) -> None:
        """Read the lexeme columns from the doc (no morphology component wrote them)."""
        if self.lower is None:
            self.lower, self.space, self.punct, self.alpha, self.num = columns(doc, [LOWER, IS_SPACE, IS_PUNCT, IS_ALPHA, LIKE_NUM], strings=1)
            self.cue = [sentence_cue(text) for text in self.text]

    def starts(self) -> list[int]:
        """Each token's ``idx``, from the texts and their trailing spaces (as spaCy counts it)."""
        return token_starts(self.text, self.ws)


def token_starts(texts: list[str], ws: list[int]) -> list[int]:
    """``Token.idx`` of each token: the lengths of the tokens and spaces before it."""
    return list(accumulate(map(add, map(len, texts[:-1]), ws), initial=0)) if texts else []


_U64 = numpy.dtype(numpy.uint64)


def uint64_array(data: bytes, rows: int, width: int) -> numpy.ndarray:
    """``data`` (native uint64 values, row after row) as the ``(rows, width)`` array
    ``Doc.from_array`` takes: one numpy call (``frombuffer`` and ``reshape`` cost twice that,
    and a doc of 20 tokens is less work than numpy's own overhead)."""
    return numpy.ndarray((rows, width), _U64, data)


# The last characters of the tokens the sentence splitter acts on (quotes, colon, full stop, «!?…»)
SENTENCE_CUES = frozenset("«»:.!?…")


def sentence_cue(text: str) -> bool:
    """Does the token ``text`` end in one of :data:`SENTENCE_CUES`? (The splitter visits only
    such tokens and those before a line break.)"""
    return text[-1:] in SENTENCE_CUES


def lexeme_row(lex, text: str) -> tuple:
    """A lexeme's (lower, IS_SPACE, IS_PUNCT, IS_ALPHA, LIKE_NUM) as ``to_array`` reads them,
    and its ``text``'s :func:`sentence_cue`, for the morphology components' per-text rows
    (the splitter's per-token test made once per text)."""
    return lex.lower_, int(lex.is_space), int(lex.is_punct), int(lex.is_alpha), int(lex.like_num), sentence_cue(text)


COLUMNS = "anyq.columns"


def lexical_columns(doc: Doc, norm: bool = False) -> Columns:
    """The doc's :class:`Columns`, read on first use (by the first pipeline component; with
    the NORM hashes if ``norm``) unless ``make_docs`` left them."""
    found = doc.user_data.get(COLUMNS)
    if found is None:
        found = doc.user_data[COLUMNS] = Columns.read(doc, norm)
    return found


class PerTextAnnotator:
    """Base of the morphology components: what they write for a token depends on its text, so
    each text's row is built once (``_build``) and kept. The pipeline's vocabulary never
    forgets a string, so the hashes in a row stay valid; bounded like the analysis caches."""

    max_texts = 100_000

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.by_text: dict[str, tuple] = {}

    def _build(self, text: str) -> tuple:
        raise NotImplementedError

    def rows(self, texts: list[str]) -> list[tuple]:
        get, build = self.by_text.get, self._entry
        return [get(text) or build(text) for text in texts]

    def _entry(self, text: str) -> tuple:
        entry = self._build(text)
        if len(self.by_text) >= self.max_texts:
            self.by_text.clear()
        self.by_text[text] = entry
        return entry

    # -- what both components' rows and calls share --------------------------------------
    def features(self, feats: str) -> MorphAnalysis | None:
        """A feature string as the analysis ``Token.set_morph`` takes; None for none."""
        return MorphAnalysis.from_id(self.vocab, self.vocab.morphology.add(feats)) if feats else None

    @staticmethod
    def hashes(values: list[int]) -> bytes:
        """A row's hash values as bytes: the rows of a doc are joined and read by
        ``numpy.frombuffer`` (numpy converting every hash from a Python int costs more)."""
        return numpy.array(values, dtype="uint64").tobytes()

    @staticmethod
    def no_tokens(doc: Doc, cols: Columns) -> Doc:
        cols.lexemes(doc)
        doc.user_data[WORD_FLAGS] = []
        return doc

    @staticmethod
    def finish(doc: Doc, features: list, words: list[bool]) -> Doc:
        """Set each token's morphological features (None: leave unset; ``Doc.from_array``
        would parse every token's feature string again) and store the word flags."""
        for i, m in enumerate(features):
            if m is not None:
                doc[i].set_morph(m)
        doc.user_data[WORD_FLAGS] = words
        return doc




class TokenStrings:
    """A paragraph's token attributes as plain lists, indexed like the doc: rules test these
    first and build a ``Token`` only for the few candidates."""

    __slots__ = ("text", "lower", "lemma", "pos", "tag", "space", "punct", "ws", "sent_start", "_idx", "_norm")

    def __init__(self, doc: Doc) -> None:
        self._idx = None
        c = doc.user_data.pop(COLUMNS, None)
        if c is not None and c.sent_start is not None and c.lemma is not None:
            # the whole pipeline ran: its components already hold every column
            self.text, self.lower, self.lemma, self.pos, self.tag = c.text, c.lower, c.lemma, c.pos, c.tag
            self.space, self.punct, self.ws, self.sent_start = c.space, c.punct, c.ws, c.sent_start
            self._norm = c.norm_written
            return
        self._norm = None
        # no NORM: no rule reads it from here (the phrase index reads its own array)
        (self.text, self.lower, self.lemma, self.pos, self.tag, self.space, self.punct, self.ws, starts) = columns(
            doc, [ORTH, LOWER, LEMMA, POS, TAG, IS_SPACE, IS_PUNCT, SPACY, SENT_START], strings=5
        )
        self.sent_start = [s == 1 for s in starts]

    @property
    def idx(self) -> list[int]:
        """``Token.idx`` of every token (offsets in the folded text), computed on first use."""
        if self._idx is None:
            self._idx = token_starts(self.text, self.ws)
        return self._idx

    @property
    def norm(self) -> list[int] | None:
        """The NORM hashes the Kazakh morphology wrote (its stems), as ``doc.to_array(NORM)``
        reads them; None where the pipeline did not write them here (Russian: read the doc)."""
        if self._norm is not None and not isinstance(self._norm, list):
            self._norm = self._norm.tolist()
        return self._norm

    def sentence_bounds(self) -> list[tuple[int, int]]:
        """``(sent.start, sent.end)`` of each of ``doc.sents``, read from the sentence starts
        without building a ``Span`` per sentence (as spaCy does: a sentence begins at token 0
        and at every later token marked as a start)."""
        starts = self.sent_start
        cuts = [0, *compress(range(1, len(starts)), starts[1:])]
        return list(zip(cuts, cuts[1:] + [len(starts)])) if starts else []


_KEY = "anyq.token_strings"


def token_strings(doc: Doc) -> TokenStrings:
    """The doc's :class:`TokenStrings`, read once (after annotation: the doc must not change).
    Rules ask for it ten times a paragraph: the lookup is written out, not a shared helper."""
    found = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = TokenStrings(doc)
    return found
