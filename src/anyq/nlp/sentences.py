"""Sentence boundaries for official letters.

spaCy's rule-based sentencizer breaks after every full stop, so «ст. 91», «2024 ж.»,
«И.И. Иванов» and «т. к.» all end sentences. This splitter decides per full stop:

- after an abbreviation of ``rules/data/abbreviations.toml``: never (``ст.``, ``п.``),
  only before a capitalised word (``и т.д.``, ``т.б.``), or, for «г.»/«ж.» after a year,
  only before a capitalised word and never before a digit («2024 ж. 15 наурызда»);
- after «91-б.», «2-т.» (number + short abbreviation): only before a capitalised word;
- after initials: not when a name follows («И.И. Иванов»); when the initials follow a
  surname («Иванов И.И.») and a capitalised word follows, yes;
- after a list number («1. …» at the start of a line or after a sentence): never;
- otherwise: yes, unless a lower-case word follows (an abbreviation we do not know).

«!», «?», «…» end a sentence unless a lower-case word follows; closing quotes and
brackets stay with the sentence they close; a quotation «…» stays inside its sentence.
A list whose items end in «;» stays one sentence; list items after a line break that
start with a capital are sentences of their own, and so are the lines of a requisites or
contact block that start with a label («Адрес: …», «Тел.: …»).

The splitter runs on every paragraph, so it reads token attributes into plain lists once
and works on indices (creating spaCy ``Token`` objects is the expensive part).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from anyq.nlp.abbreviations import Abbreviation, abbreviations
from anyq.nlp.normalize import NEWLINES
from anyq.nlp.strings import lexical_columns, uint64_array
from anyq.resources import rules_toml

_TERMINAL = {"!", "?", "…", "...", "?!", "!?", "!!", "??", "!!!", "???"}
_CLOSERS = {"»", "\"", "”", "'", ")", "]", "’"}
_NO_SENTENCE_OPENER = {",", ";"}
_INITIALS = re.compile(r"^(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.){1,3}$")
_NUM_ABBR = re.compile(r"^\d+[-–][а-яәғқңөұүһі]{1,5}$")
_ROMAN = re.compile(r"^[IVXLC]+$")
_LIST_NUM = re.compile(r"^\d{1,3}$")
_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ова|ева|ёва|ина|овой|евой|иной|ову|еву|ину|ұлы|қызы|улы|кызы)$")
_NUMBERISH = re.compile(r"^\d[\d\-–./]*$")  # 2024, 2025–2026, 12.01.2007
_MARKER = re.compile(r"^(?:\d{1,3}[.)]?|[-–—•*])$")
_ENUMERATION_ENDS = {"пр."}  # «и пр.» (прочие) closes an enumeration; «пр.» alone is a prospekt
_TERMINAL_CHARS = set("!?…")
_CONTINUES = {",", ":", ";", "-", "–", "—", "(", "«", "/"}  # a line ending so goes on on the next
# a line ending in a linking word goes on (the words: rules/data/kk_grammar.toml, ru_grammar.toml)
_LINKING = re.compile(
    r"^(?:[а-яё]{1,3}|"
    + "|".join(map(re.escape, rules_toml("kk_grammar.toml")["words"]["linking"] + rules_toml("ru_grammar.toml")["linking"]))
    + ")$"
)
_RUN_CHARS = set("!?….")  # a run of marks («?!», «!!!», «?..») ends one sentence, at its last mark
_WRITTEN = [SENT_START]
# SENT_START as from_array takes it: 1 starts a sentence, -1 does not (as uint64)
_START = numpy.array([1], dtype="uint64").tobytes()
_NOT_START = numpy.array([-1], dtype="int64").tobytes()


class _Tokens:
    """The token attributes the splitter needs, as plain Python lists."""

    __slots__ = ("doc", "n", "text", "ws", "space", "alpha", "num", "cue", "nl")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = len(doc)
        breaks = doc.user_data.get(NEWLINES)  # line breaks folded into single spaces
        # from the doc's arrays (read once for the pipeline): a Token object and its string
        # attributes cost per token
        cols = lexical_columns(doc)
        cols.lexemes(doc)  # written by the morphology component when there is one
        self.text, self.ws, self.space, self.alpha, self.num, self.cue = cols.text, cols.ws, cols.space, cols.alpha, cols.num, cols.cue
        self.nl = [False] * self.n
        if breaks is None:
            # a token's own whitespace is one space at most: line breaks are space tokens
            if any(self.space):
                self.nl = [bool(sp) and "\n" in text for text, sp in zip(self.text, self.space)]
        else:
            # the token that ends where a folded line break is (a few per paragraph)
            idx = cols.starts()
            for b in breaks:
                j = bisect_right(idx, b) - 1
                for k in (j - 1, j):
                    if k >= 0 and idx[k] + len(self.text[k]) == b:
                        self.nl[k] = True

    def next_word(self, i: int) -> int | None:
        for j in range(i + 1, self.n):
            if self.space[j] or self.text[j] in _CLOSERS:
                continue
            return j
        return None

    def opens_sentence(self, i: int) -> bool:
        """Token ``i`` follows a sentence end (or starts the text or a line)."""
        j = i - 1
        while j >= 0 and self.space[j]:
            if self.nl[j]:
                return True
            j -= 1
        return j < 0 or self.text[j] in _TERMINAL or self.text[j] == "." or self.nl[j]

    def is_name(self, i: int) -> bool:
        """A capitalised word that is most likely a surname: inside a sentence, or tagged a name."""
        text = self.text[i]
        if not (self.alpha[i] and text[:1].isupper() and len(text) > 1):
            return False
        tok = self.doc[i]
        if tok.pos_ == "PROPN" or "NameType" in str(tok.morph):
            return True
        if not self.opens_sentence(i):
            return True
        if self.doc.lang_ != "kk":
            return False
        kk = tok._.kk
        return kk is not None and not kk.known

    def is_person(self, i: int) -> bool:
        """Morphology takes the word for a surname, first name or patronymic."""
        morph = str(self.doc[i].morph)
        return any(k in morph for k in ("NameType=Sur", "NameType=Giv", "NameType=Pat")) or bool(_SURNAME.search(self.text[i]))

    def after_colon(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.space[j]:
            j -= 1
        return j >= 0 and self.text[j] == ":"

    def after_and(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.space[j]:
            j -= 1
        return j >= 0 and self.text[j].lower() in ("и", "және")

    def list_item_sentence(self, i: int) -> bool:
        """A line break before a list item that is a sentence of its own («:\\n1) Оплатите …»)."""
        if not self.nl[i]:
            return False
        j = i + 1
        if j >= self.n or not _MARKER.match(self.text[j]):
            return False
        k = j + 1
        while k < self.n and self.text[k] in (".", ")"):
            k += 1
        return k < self.n and (self.text[k][:1].isupper() or self.text[k][:1] in "«\"(")

    def label_line_sentence(self, i: int) -> bool:
        """A line break before a line of a requisites or contact block («\\nАдрес: …»,
        «\\nТел.: …», «\\nЭлектронная почта: …»): a capitalised label of up to four words, then
        a colon. Such lines carry no full stop, and run together they made one long sentence
        (C101, C109 on every signature block). Not when the line before goes on into this one
        (it ends in a comma, colon, dash, an opening bracket or quote, or a preposition or
        conjunction: «в соответствии с\\nЗаконом …»)."""
        if not self.nl[i]:
            return False
        j = i + 1
        if j >= self.n or not self.text[j][:1].isupper():
            return False
        k = i
        while k >= 0 and self.space[k]:
            k -= 1
        if k < 0 or self.text[k] in _CONTINUES or _LINKING.match(self.text[k]):
            return False
        for k in range(j, min(j + 5, self.n)):
            if self.text[k] == ":":
                return k > j
            if self.nl[k] or not self.text[k].rstrip(".").replace("-", "").isalpha():
                return False  # «Тел.», «E-mail», «Электронная почта» are labels; «8 (7172)» is not
        return False


def _upper(t: _Tokens, j: int | None) -> bool:
    return j is not None and t.text[j][:1].isupper()


def _open_bracket(t: _Tokens, i: int) -> bool:
    """Is a round bracket open before token ``i`` (read back to the paragraph's start)?"""
    depth = 0
    for k in range(i - 1, -1, -1):
        tok = t.text[k]
        if tok == ")":
            depth += 1
        elif tok == "(":
            if depth == 0:
                return True
            depth -= 1
    return False


class SentenceSplitter:
    def __init__(self, lang: str) -> None:
        self.abbr = abbreviations(lang)

    def _spaced_key(self, t: _Tokens, i: int) -> str | None:
        """The spaced abbreviation («и т. д.», «т. с. с.») whose last part is token ``i``, or None."""
        key, found = t.text[i], None
        k = i - 1
        while k >= 0 and k > i - 4 and t.ws[k] and t.text[k].endswith(".") and len(t.text[k]) <= 3:
            key = t.text[k] + " " + key
            if key in self.abbr:
                found = key  # the longest: «т. с. с.», not «т. с.»
            k -= 1
        return found

    def _abbr_decision(self, t: _Tokens, i: int, key: str, nxt: int | None) -> bool | None:
        """Break after the abbreviation ``key`` ending at token ``i``? None: not one."""
        a = self.abbr.get(key)
        if a is None and not _INITIALS.match(key):  # «С.» is an initial, not «с.» (село)
            a = self.abbr.get(key.lower())
        if a is None:
            return None
        first = i - (1 if t.text[i] == "." else 0)
        if a.text in _ENUMERATION_ENDS and t.after_and(first):
            a = Abbreviation(a.text, a.norm, "maybe")
        if nxt is None:
            return True
        if a.ends == "never":
            return False
        if a.ends == "year":
            if not (first > 0 and (t.num[first - 1] or _NUMBERISH.match(t.text[first - 1]))):
                return False  # «г. Астана»: a town, not a year
            return _upper(t, nxt) and not _ROMAN.match(t.text[nxt])
        # inside an open bracket an abbreviation ends no sentence: «(ср. Закон «О связи»)»,
        # «(см. прил. Приказа № 5)» — the bracket closes in the same sentence
        return _upper(t, nxt) and not _open_bracket(t, first)

    def _initials(self, t: _Tokens, i: int, nxt: int | None) -> bool:
        if nxt is None:
            return True
        if not _upper(t, nxt):
            return False
        # Walk back over the initials; a surname before them means «Иванов И.И. Тел.».
        j = i
        while j >= 0 and (t.text[j] == "." or _INITIALS.match(t.text[j]) or (len(t.text[j]) == 1 and t.text[j].isupper())):
            j -= 1
        if j >= 0 and t.is_name(j):
            # «Иванов И.И. Тел.» breaks; «г. Павлодара Н.С. Жумабаевой» does not: a surname follows
            return not (_INITIALS.match(t.text[nxt]) or len(t.text[nxt]) == 1 or t.is_person(nxt))
        return False

    def boundary_after(self, t: _Tokens, i: int) -> bool:
        text = t.text[i]
        if text in _TERMINAL or text[-1:] in _TERMINAL_CHARS or text == ".":
            # the tokenizer splits «?!», «!!!», «?..» into single marks: the run's last decides
            if not t.ws[i] and i + 1 < t.n and set(t.text[i + 1]) <= _RUN_CHARS:
                return False
        if text in _TERMINAL or (len(text) > 1 and set(text) <= _RUN_CHARS):
            nxt = t.next_word(i)
            return nxt is None or not t.text[nxt][:1].islower()
        if not text.endswith("."):
            return False
        nxt = t.next_word(i)
        if nxt is not None and t.text[nxt] in _NO_SENTENCE_OPENER:
            return False  # «Абай к., 12-үй»: no sentence starts with a comma, so the stop is an abbreviation's
        if text != ".":
            # a token that carries its own full stop: an abbreviation (perhaps the last part of a
            # spaced one: «д.» of «и т. д.» is not «д.» = дом) or initials
            d = self._abbr_decision(t, i, self._spaced_key(t, i) or text, nxt)
            if d is not None:
                return d
            if _INITIALS.match(text):
                return self._initials(t, i, nxt)
            return nxt is None or (not t.text[nxt][:1].islower() and len(text) > 3)
        if i == 0:
            return False
        prev = t.text[i - 1]
        if not t.ws[i - 1]:  # glued to the word before
            d = self._abbr_decision(t, i, prev + ".", nxt)
            if d is not None:
                return d
            if _NUM_ABBR.match(prev):
                # «91-б. 2-т.» inside a citation; «12-үй. Осы …» ends a sentence
                return nxt is not None and _upper(t, nxt) and t.alpha[nxt]
            if len(prev) == 1 and prev.isupper() and t.alpha[i - 1]:
                return self._initials(t, i, nxt)
            if _LIST_NUM.match(prev) and (t.opens_sentence(i - 1) or t.after_colon(i - 1)):
                return False  # «… меры. 1. Подрядчику …»: a list number, not a sentence
        return nxt is None or not t.text[nxt][:1].islower()

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        t = _Tokens(doc)
        starts = [False] * n
        starts[0] = True
        depth = 0
        # Only tokens that end in a quote, colon, full stop or «!?…» (``sentence_cue``, read
        # per text with the lexeme columns), or before a line break, can change anything
        # below: the loop visits those alone.
        candidates = compress(range(n - 1), t.cue)  # in order
        if any(t.nl):  # most paragraphs are one line
            candidates = sorted({*candidates, *compress(range(n - 1), t.nl)})
        for i in candidates:
            text = t.text[i]
            if text == "«":
                depth += 1
            elif text == "»":
                depth = max(0, depth - 1)
                # «… ремонт дороги?» Отвечаем: — the quote ended the sentence
                if depth == 0 and i > 0 and (t.text[i - 1] in _TERMINAL or t.text[i - 1] == "."):
                    nxt = t.next_word(i)
                    if _upper(t, nxt):
                        starts[nxt] = True
                        continue
            if depth:
                continue
            if (text in _TERMINAL or text.endswith(".") or text[-1:] in _TERMINAL_CHARS) and self.boundary_after(t, i):
                # closing quotes/brackets belong to the sentence they close
                j = i + 1
                while j < n and (t.text[j] in _CLOSERS or t.space[j]):
                    j += 1
                if j < n:
                    starts[j] = True
            elif t.space[i] or t.nl[i]:
                if t.list_item_sentence(i) or t.label_line_sentence(i):
                    starts[i + 1] = True
            elif text == ":" and i + 2 < n and _LIST_NUM.match(t.text[i + 1]) and t.text[i + 2] == "." and not t.ws[i + 1]:
                starts[i + 1] = True  # «Порядок такой: 1. Подайте … 2. …» — items are sentences
        # One array write instead of a property call per token (each checks the parse); the
        # column made from bytes (numpy's conversions of a short list cost more than the list):
        # every token's "not a start", then the few starts written over it
        data = bytearray(_NOT_START * n)
        for i in compress(range(n), starts):
            data[8 * i : 8 * i + 8] = _START
        doc.from_array(_WRITTEN, uint64_array(data, n, 1))
        lexical_columns(doc).sent_start = starts  # for token_strings: the starts as written
        return doc


@Language.factory("anyq_sentences")
def make_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp.lang)
