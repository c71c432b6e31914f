"""Token strings read from a doc's arrays, decoded once per process.

Every string attribute of a spaCy ``Token`` (``text``, ``lemma_``, ``tag_`` …) and every
``vocab.strings[hash]`` decodes the string from the StringStore again (about a microsecond
each). The hot loops read hashes with ``doc.to_array`` and turn them into strings here: a
hash names the same string in every StringStore, so one dict serves both languages.
"""

from __future__ import annotations

from spacy.strings import StringStore
from spacy.tokens import Doc

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
