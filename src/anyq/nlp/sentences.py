"""Sentence boundaries for official letters.

spaCy's rule-based sentencizer breaks after every full stop, so «ст. 91», «2024 ж.»,
«И.И. Иванов» and «т. к.» all end sentences. This splitter decides per full stop:

- after an abbreviation of ``rules/data/abbreviations.toml``: never (``ст.``, ``п.``),
  only before a capitalised word (``и т.д.``, ``т.б.``), or, for «г.»/«ж.» after a year,
  only before a capitalised word and never before a digit («2024 ж. 15 наурызда»);
- after «91-б.», «2-т.» (number + short abbreviation): never;
- after initials: not when a name follows («И.И. Иванов»); when the initials follow a
  surname («Иванов И.И.») and a capitalised word follows, yes;
- after a number that opens a line («1. …»): never — that is a list marker;
- otherwise: yes, unless a lower-case word follows (an abbreviation we do not know).

«!», «?», «…» end a sentence unless a lower-case word follows; closing quotes and
brackets stay with the sentence they close. A list whose items end in «;» stays one sentence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from anyq.nlp.abbreviations import Abbreviation, abbreviations

_TERMINAL = {"!", "?", "…", "...", "?!", "!?", "!!", "??", "!!!", "???"}
_CLOSERS = {"»", "\"", "”", "'", ")", "]", "’"}
_INITIALS = re.compile(r"^(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.){1,3}$")
_NUM_ABBR = re.compile(r"^\d+[-–][а-яәғқңөұүһі]{1,5}$")
_ROMAN = re.compile(r"^[IVXLC]+$")
_ENUMERATION_ENDS = {"пр."}
_LIST_NUM = re.compile(r"^\d{1,3}$")


def _next_word(doc: Doc, i: int) -> Token | None:
    for t in doc[i + 1 :]:
        if t.is_space or t.text in _CLOSERS:
            continue
        return t
    return None


def _starts_lower(tok: Token | None) -> bool:
    return tok is not None and tok.text[:1].islower()


_MARKER = re.compile(r"^(?:\d{1,3}[.)]?|[-–—•*])$")


def _list_item_sentence(doc: Doc, i: int) -> bool:
    """A line break before a list item that is a sentence of its own («:\n1) Оплатите …»)."""
    tok = doc[i]
    if not (tok.is_space and "\n" in tok.text) and "\n" not in tok.whitespace_:
        return False
    j = i + 1
    if j >= len(doc) or not _MARKER.match(doc[j].text):
        return False
    k = j + 1
    while k < len(doc) and doc[k].text in (".", ")"):
        k += 1
    return k < len(doc) and doc[k].text[:1].isupper()


def _opens_sentence(doc: Doc, i: int) -> bool:
    """Token ``i`` follows a sentence end (or starts the text or a line)."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        if "\n" in doc[j].text:
            return True
        j -= 1
    return j < 0 or doc[j].text in _TERMINAL or doc[j].text == "." or "\n" in doc[j].whitespace_


def _after_and(doc: Doc, i: int) -> bool:
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j >= 0 and doc[j].lower_ in ("и", "және")


def _is_name(tok: Token) -> bool:
    """A capitalised word that is most likely a surname: inside a sentence, or tagged a name."""
    if not (tok.is_alpha and tok.text[:1].isupper() and len(tok.text) > 1):
        return False
    if tok.pos_ == "PROPN" or "NameType" in str(tok.morph):
        return True
    if not _opens_sentence(tok.doc, tok.i):
        return True
    kk = tok._.kk if tok.has_extension("kk") else None
    return kk is not None and not kk.known


def _at_line_start(doc: Doc, i: int) -> bool:
    j = i - 1
    while j >= 0 and doc[j].is_space and "\n" not in doc[j].text:
        j -= 1
    return j < 0 or "\n" in doc[j].text or "\n" in doc[j].whitespace_


def _prev_is_number(doc: Doc, i: int) -> bool:
    return i > 0 and (doc[i - 1].like_num or doc[i - 1].text.isdigit())


class SentenceSplitter:
    def __init__(self, lang: str) -> None:
        self.abbr = abbreviations(lang)

    def _abbr_decision(self, doc: Doc, i: int, key: str) -> bool | None:
        """Break after the abbreviation ``key`` ending at token ``i``? None: not one."""
        a = self.abbr.get(key)
        if a is None and not _INITIALS.match(key):  # «С.» is an initial, not «с.» (село)
            a = self.abbr.get(key.lower())
        if a is None:
            return None
        if a.text in _ENUMERATION_ENDS and _after_and(doc, i - (1 if doc[i].text == "." else 0)):
            a = Abbreviation(a.text, a.norm, "maybe")  # «и пр.» (прочие) closes an enumeration; «пр.» alone is a prospekt
        nxt = _next_word(doc, i)
        if nxt is None:
            return True
        if a.ends == "never":
            return False
        first = i - (1 if key.endswith(".") and doc[i].text == "." else 0)
        if a.ends == "year":
            if not _prev_is_number(doc, first):
                return False  # «г. Астана»: a town, not a year
            return nxt.text[:1].isupper() and not _ROMAN.match(nxt.text)
        return nxt.text[:1].isupper()

    def boundary_after(self, doc: Doc, i: int) -> bool:
        tok = doc[i]
        text = tok.text
        nxt = _next_word(doc, i)
        if text in _TERMINAL or (len(text) > 1 and set(text) <= set("!?…")):
            return not _starts_lower(nxt)
        if text != "." and text.endswith("."):
            # a token that carries its own full stop: an abbreviation or initials
            d = self._abbr_decision(doc, i, text)
            if d is not None:
                return d
            if _INITIALS.match(text):
                return self._initials(doc, i, nxt)
            return nxt is None or (not _starts_lower(nxt) and len(text) > 3)
        if text != ".":
            return False
        if i == 0:
            return False
        prev = doc[i - 1]
        glued = not prev.whitespace_
        if glued:
            d = self._abbr_decision(doc, i, prev.text + ".")
            if d is not None:
                return d
            if _NUM_ABBR.match(prev.text):
                # «91-б. 2-т.» inside a citation; «12-үй. Осы …» ends a sentence
                return nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha
            if _LIST_NUM.match(prev.text) and _opens_sentence(doc, i - 1):
                return False  # «… меры. 1. Подрядчику …»: a list number, not a sentence
            if len(prev.text) == 1 and prev.text.isupper() and prev.is_alpha:
                return self._initials(doc, i, nxt)
            if _LIST_NUM.match(prev.text) and _at_line_start(doc, i - 1):
                return False
        if nxt is None:
            return True
        return not _starts_lower(nxt)

    @staticmethod
    def _initials(doc: Doc, i: int, nxt: Token | None) -> bool:
        if nxt is None:
            return True
        if not nxt.text[:1].isupper():
            return False
        # Walk back over the initials; a capitalised word before them is a surname.
        j = i
        while j >= 0 and (doc[j].text == "." or _INITIALS.match(doc[j].text) or (len(doc[j].text) == 1 and doc[j].text.isupper())):
            j -= 1
        if j >= 0 and _is_name(doc[j]):
            # «Иванов И.И. Тел.» — unless another initial follows directly
            return not (_INITIALS.match(nxt.text) or (len(nxt.text) == 1))
        return False

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        starts = [False] * n
        starts[0] = True
        depth = 0
        for i in range(n - 1):
            t = doc[i].text
            if t == "«":
                depth += 1
            elif t == "»":
                depth = max(0, depth - 1)
                # «… ремонт дороги?» Отвечаем: — the quote ended the sentence
                if depth == 0 and i > 0 and doc[i - 1].text in _TERMINAL:
                    nxt = _next_word(doc, i)
                    if nxt is not None and nxt.text[:1].isupper():
                        starts[nxt.i] = True
                        continue
            if depth == 0 and self.boundary_after(doc, i):
                # closing quotes/brackets belong to the sentence they close
                j = i + 1
                while j < n and (doc[j].text in _CLOSERS or doc[j].is_space):
                    j += 1
                if j < n:
                    starts[j] = True
            elif depth == 0 and _list_item_sentence(doc, i):
                starts[i + 1] = True
        for tok, s in zip(doc, starts):
            tok.is_sent_start = s
        return doc


@Language.factory("anyq_sentences")
def make_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp.lang)
