"""What is a word to spell-check.

Not checked: numbers and anything with a digit (codes «ЗТ-2024-11820», «9-дан», «61-үй»),
URLs and e-mail addresses, abbreviations in capitals («АППК», «ХҚКО-ға», «КазНУ»),
abbreviations with a full stop from ``rules/data/abbreviations.toml`` («даңғ.», «мкр.») and
the ones cut with a hyphen listed there («к-сі»),
initials and other one- and two-letter tokens, words with Latin letters or with letters of
neither alphabet (the hygiene rules T101, T108–T112 report those), and — configurable in the
rule's ``params`` — names (a capitalised word inside a sentence) and anything in quotes
(names of organisations and of legal acts: ТОО «Береке», Закон «О …»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import NamedTuple

from spacy.tokens import Doc, Token

from anyq.nlp.normalize import NEWLINES
from anyq.nlp.strings import TokenStrings, token_strings
from anyq.resources import rules_toml
from anyq.spell.dictionary import ALPHABET, PerText, unknown_tokens, word_language
from anyq.text import quotations

_QUOTES = frozenset('«»„“”"')  # a quote mark does not end a sentence's start
_LETTERS = {lang: frozenset(a + a.upper() + "-") for lang, a in ALPHABET.items()}
_ANY_CYRILLIC_WORD = frozenset(ALPHABET["kk"] + ALPHABET["kk"].upper() + "-")
# stress marks and soft hyphens do not change the word: strip them before the lookup
_PUNCT_ONLY = re.compile(r"[\W_]+")
_INVISIBLE = re.compile("[\u0301\u00ad\u200b\u200c\u200d\u2060]")


@dataclass(frozen=True, slots=True)
class WordOptions:
    skip_names: bool = True
    skip_quoted: bool = True
    min_length: int = 3

    @classmethod
    def from_params(cls, params: dict) -> WordOptions:
        return cls(
            skip_names=bool(params.get("skip_names", True)),
            skip_quoted=bool(params.get("skip_quoted", True)),
            min_length=int(params.get("min_length", 3)),
        )


class WordToCheck(NamedTuple):
    """An unknown word of a paragraph (a named tuple: immutable like a frozen dataclass and
    built in half the time)."""

    doc: Doc
    i: int  # the token's index: the Token object is built only for a reported word
    text: str  # the token without stress marks and soft hyphens
    sentence_start: bool
    name_like: bool = False  # capitalised inside a sentence, or before another name part
    # hyphenated at a line end («заяв-⏎ление»): ``text`` is the joined word, over token ``i``
    # and the next; no fix for it (a fix would join the two lines of the file)
    joined: bool = False

    @property
    def token(self) -> Token:
        return self.doc[self.i]


@cache
def abbreviation_set() -> frozenset[str]:
    """Abbreviations with a full stop of both languages, lower case («даңғ.», «мкр.»), and
    those cut with a hyphen («к-сі»)."""
    from anyq.nlp.abbreviations import abbreviations, hyphenated

    return frozenset(a.lower() for lang in ("ru", "kk") for a in abbreviations(lang)) | hyphenated("ru") | hyphenated("kk")


def clean(text: str) -> str:
    return _INVISIBLE.sub("", text)


def _punct_only(t: str) -> bool:
    """``_PUNCT_ONLY.fullmatch(t)``; one character (most punctuation tokens) without the regex:
    it is a non-word character or ``_`` exactly when it is not alphanumeric (``_`` is not)."""
    if len(t) == 1:
        return not t.isalnum()
    return _PUNCT_ONLY.fullmatch(t) is not None


def _is_abbreviation(text: str) -> bool:
    rest = text[1:]
    if rest == rest.lower():
        return False
    letters = [ch for ch in text if ch != "-"]
    if sum(1 for ch in letters if ch.isupper()) >= 2:
        return True  # АППК, ХҚКО-ға, КазНУ, ЦОНа
    head = text.split("-", 1)[0]
    return len(head) > 1 and head.isupper()


_CYRILLIC_WORD = re.compile(f"[{''.join(sorted(_ANY_CYRILLIC_WORD - {'-'}))}]+(?:-[{''.join(sorted(_ANY_CYRILLIC_WORD - {'-'}))}]+)*")


def _checkable(t: str, min_length: int) -> str | None:
    """The token (starting with a letter) as the word to look up, or None when it is no word
    to check."""
    text = clean(t) if _INVISIBLE.search(t) else t
    if len(text) < min_length or _CYRILLIC_WORD.fullmatch(text) is None:
        return None  # Latin, «?», letters of neither alphabet, URLs, e-mails
    if "-" in text and len(text.replace("-", "")) < min_length:
        return None
    if _is_abbreviation(text):
        return None
    return text


def unknown_words(doc: Doc, opts: WordOptions, lang: str, abbreviations: frozenset[str] = frozenset()) -> list[WordToCheck]:
    """The words of a paragraph in ``lang`` to check that no dictionary knows in their own
    language (``is_known_token`` of ``word_language``): what S101 and T111 report on. The scan
    is shared by the rules of one paragraph."""
    key = ("anyq.words", opts.skip_quoted, opts.min_length, abbreviations, lang)
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = _scan(doc, opts, abbreviations, lang)
    unknown, names = found
    if opts.skip_names or not names:
        return unknown
    is_unknown = unknown_tokens(lang)
    return sorted(unknown + [w for w in names if is_unknown[w.text]], key=_INDEX)


# What the scan needs of a token, per minimum length, paragraph language and token text (a
# paragraph's tokens are mostly words seen before): a kind, and for a word to check, the word
# to look up.
_NOTHING, _WORDLIKE, _QUOTE, _NOT_CHECKED, _CHECKED, _CHECKED_CAPITAL = range(6)


def _kind(t: str, min_length: int) -> int:
    c = t[:1]
    if c.isalpha():
        if _checkable(t, min_length) is None:
            return _NOT_CHECKED
        return _CHECKED_CAPITAL if c.isupper() else _CHECKED
    if c in _QUOTES:
        return _QUOTE
    if c and not c.isspace() and not _punct_only(t):
        return _WORDLIKE  # «9-дан», «2024» are words of the sentence
    return _NOTHING  # spaces and punctuation


def _kind_in(t: str, min_length: int, lang: str) -> int:
    """``_kind``, with a known lower-case word as ``_WORDLIKE``: all the scan does with one is
    to end the sentence start (the most common token: it then skips the quote, abbreviation
    and dictionary tests). ``unknown_tokens`` is a fixed function of the word, so the kind
    can be kept per text. Not for a word of the other language (Kazakh letters in Russian
    text): it keeps the old path, so one in quotes is never looked up and a Russian letter
    quoting «құрылыс» does not load the Kazakh dictionaries for it."""
    k = _kind(t, min_length)
    if k == _CHECKED:
        word = _checkable(t, min_length)
        if word_language(word, lang) == lang and not unknown_tokens(lang)[word]:
            return _WORDLIKE
    return k


class _Tables:
    __slots__ = ("kind", "word")

    def __init__(self, min_length: int, lang: str) -> None:
        self.kind = PerText(lambda t: _kind_in(t, min_length, lang))
        self.word = PerText(lambda t: _checkable(t, min_length))


_TABLES: dict[tuple[int, str], _Tables] = {}
_INDEX = itemgetter(1)


def _scan(doc: Doc, opts: WordOptions, abbreviations: frozenset[str], lang: str) -> tuple[list[WordToCheck], list[WordToCheck]]:
    """The unknown words that are not names, and every name-like word, known or not (looked
    up only for a rule that checks names: a name of the other language would load its
    dictionaries for nothing)."""
    unknown: list[WordToCheck] = []
    names: list[WordToCheck] = []
    first = True
    min_length = opts.min_length
    # the paragraph's quotations (anyq.text.quotations), as J353 and the runner read them
    quoted = quotations.quoted_tokens(doc) if opts.skip_quoted else frozenset()
    # the doc's arrays, not Token objects: this loop sees every token of every paragraph
    ts = token_strings(doc)
    texts, spacy_flags, sent_starts = ts.text, ts.ws, ts.sent_start
    n = len(texts)
    tables = _TABLES.get((min_length, lang))
    if tables is None:
        tables = _TABLES[min_length, lang] = _Tables(min_length, lang)
    kinds, words = tables.kind, tables.word
    is_unknown = unknown_tokens(lang)
    newlines = doc.user_data.get(NEWLINES)
    second_half = -1  # the token after a word hyphenated at a line end: checked with it
    for i, t in enumerate(texts):
        if sent_starts[i]:  # (``first`` starts True for token 0)
            first = True
        if i == second_half:
            continue
        k = kinds[t]
        if k < _NOT_CHECKED:
            if k == _WORDLIKE:
                first = False
            continue
        at_start = first
        first = False
        if k == _NOT_CHECKED and newlines and t[-1] == "-" and (split := _split_at_line_end(ts, i, newlines)):
            # «заяв-» is no word to check, and «ление» alone is none: the word is «заявление»,
            # or «северо-западный» as written
            second_half = i + 1
            word = _checkable(split[0], min_length)
            if word is None or i in quoted or i + 1 in quoted or not is_unknown[word] or not is_unknown[clean(split[1])]:
                continue
            name_like = word[:1].isupper() and not at_start
            (names if name_like else unknown).append(_new_word(WordToCheck, (doc, i, word, at_start, name_like, True)))
            continue
        if k == _NOT_CHECKED or i in quoted:
            continue
        if not spacy_flags[i] and i + 1 < n and texts[i + 1] == "." and f"{t.lower()}." in abbreviations:
            continue
        if "-" in t and t.lower() in abbreviations:
            continue  # «к-сі»
        text = words[t]
        if k == _CHECKED_CAPITAL and (not at_start or _before_a_name_part(ts, i)):
            names.append(_new_word(WordToCheck, (doc, i, text, at_start, True, False)))
        elif is_unknown[text]:
            unknown.append(_new_word(WordToCheck, (doc, i, text, at_start, False, False)))
    return unknown, names


def _split_at_line_end(ts: TokenStrings, i: int, newlines: frozenset[int]) -> tuple[str, str] | None:
    """Token ``i`` ends in «-» at a line end and a lower-case word starts the next line
    («заяв-⏎ление», «өтініші-⏎ңіз», «северо-⏎западный»): (the word joined, the word with its
    hyphen), else None."""
    texts = ts.text
    t = texts[i]
    if i + 1 >= len(texts) or not ts.ws[i] or ts.idx[i] + len(t) not in newlines:
        return None
    after = texts[i + 1]
    if not after[:1].islower() or _CYRILLIC_WORD.fullmatch(t[:-1]) is None or _CYRILLIC_WORD.fullmatch(after) is None:
        return None
    return t[:-1] + after, t + after


# ``tuple.__new__`` with all six fields: the named tuple's own constructor is a Python
# function (it fills in defaults)
_new_word = tuple.__new__


_INITIAL = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ]\.(?:[А-ЯЁӘҒҚҢӨҰҮҺІ]\.)?$")


def _before_a_name_part(ts: TokenStrings, i: int) -> bool:
    """A sentence-initial capitalised word (token ``i``) followed by another capitalised word
    or initials is a name: «Омаровой Г. С.», «Мұқанова Айгүл Серікқызына»; so is one before a
    Kazakh place noun: «Мира көшесіндегі шамдар»."""
    texts = ts.text
    if i + 1 >= len(texts) or ts.space[i + 1]:
        return False
    t = texts[i + 1]
    if _INITIAL.match(t) or (len(t) == 1 and t.isupper() and i + 2 < len(texts) and texts[i + 2] == "."):
        return True
    return (t[:1].isupper() and t.isalpha() and not t.isupper()) or t.lower().startswith(_PLACE_NOUNS)


# Kazakh nouns a place name stands before («Мира көшесіндегі»): rules/data/kk_grammar.toml
_PLACE_NOUNS = tuple(n.split()[0] for n in rules_toml("kk_grammar.toml")["words"]["place_nouns"])


def in_alphabet(text: str, lang: str) -> bool:
    return all(ch in _LETTERS[lang] for ch in text)
