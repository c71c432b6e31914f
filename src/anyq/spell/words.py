"""What is a word to spell-check.

Not checked: numbers and anything with a digit (codes «ЗТ-2024-11820», «9-дан», «61-үй»),
URLs and e-mail addresses, abbreviations in capitals («АППК», «ХҚКО-ға», «КазНУ»),
abbreviations with a full stop from ``rules/data/abbreviations.toml`` («даңғ.», «мкр.»),
initials and other one- and two-letter tokens, words with Latin letters or with letters of
neither alphabet (the hygiene rules T101, T108–T112 report those), and — configurable in the
rule's ``params`` — names (a capitalised word inside a sentence) and anything in quotes
(names of organisations and of legal acts: ТОО «Береке», Закон «О …»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from spacy.tokens import Doc, Token

from anyq.nlp.strings import TokenStrings, token_strings
from anyq.spell.dictionary import ALPHABET

_OPEN = {"«", "„"}
_CLOSE = {"»", "”"}
_QUOTES = frozenset(_OPEN | _CLOSE | {"“", '"'})  # every character the quote tracking reads
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
    """A word of a paragraph to check (a named tuple: immutable like a frozen dataclass and
    built in half the time; there is one for every word of every paragraph)."""

    doc: Doc
    i: int  # the token's index: most words are known, and their Token objects never needed
    text: str  # the token without stress marks and soft hyphens
    sentence_start: bool
    name_like: bool = False  # capitalised inside a sentence, or before another name part

    @property
    def token(self) -> Token:
        return self.doc[self.i]


@cache
def abbreviation_set() -> frozenset[str]:
    """Abbreviations with a full stop of both languages, lower case («даңғ.», «мкр.»)."""
    from anyq.nlp.abbreviations import abbreviations

    return frozenset(a.lower() for lang in ("ru", "kk") for a in abbreviations(lang))


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
    """The token as the word to look up, or None when it is no word to check (``_scan``
    keeps the answers per token text, since the same words recur in every paragraph)."""
    text = clean(t) if _INVISIBLE.search(t) else t
    if len(text) < min_length or _CYRILLIC_WORD.fullmatch(text) is None:
        return None  # Latin, «?», letters of neither alphabet, URLs, e-mails
    if "-" in text and len(text.replace("-", "")) < min_length:
        return None
    if _is_abbreviation(text):
        return None
    return text


def words_to_check(doc: Doc, opts: WordOptions, abbreviations: frozenset[str] = frozenset()) -> list[WordToCheck]:
    """The words of a paragraph to check; the scan is shared by the rules of one paragraph."""
    key = ("anyq.words", opts.skip_quoted, opts.min_length, abbreviations)
    words = doc.user_data.get(key)
    if words is None:
        words = doc.user_data[key] = _scan(doc, opts, abbreviations)
    if opts.skip_names:
        return [w for w in words if not w.name_like]
    return words


# ``_checkable`` per minimum length and token text: a plain dict read is cheaper than an
# lru_cache with two arguments (bounded like the other per-word caches)
_CHECKABLE: dict[int, dict[str, str | None]] = {}
_UNSEEN = object()


def _scan(doc: Doc, opts: WordOptions, abbreviations: frozenset[str]) -> list[WordToCheck]:
    out: list[WordToCheck] = []
    quote_depth = 0
    straight_open = False
    first = True
    n = len(doc)
    min_length = opts.min_length
    skip_quoted = opts.skip_quoted
    # the doc's arrays, not Token objects: this loop sees every token of every paragraph
    ts = token_strings(doc)
    texts, spacy_flags, sent_starts = ts.text, ts.ws, ts.sent_start
    checkable = _CHECKABLE.get(min_length)
    if checkable is None:
        checkable = _CHECKABLE[min_length] = {}
    for i, t in enumerate(texts):
        if sent_starts[i]:  # (``first`` starts True for token 0)
            first = True
        c = t[:1]
        if not c.isalpha():
            # punctuation, spaces, numbers: only quotes matter here
            if c in _QUOTES:
                if c in _OPEN or (c == "“" and quote_depth == 0):
                    quote_depth += 1
                elif c in _CLOSE or c == "“":
                    quote_depth = max(0, quote_depth - 1)
                elif c == '"':
                    straight_open = not straight_open
            elif c and not c.isspace() and not _punct_only(t):
                first = False  # «9-дан», «2024» are words of the sentence
            continue
        at_start = first
        first = False
        if skip_quoted and (quote_depth or straight_open):
            continue
        text = checkable.get(t, _UNSEEN)
        if text is _UNSEEN:
            if len(checkable) >= 100_000:
                checkable.clear()
            text = checkable[t] = _checkable(t, min_length)
        if text is None:
            continue
        if not spacy_flags[i] and i + 1 < n and texts[i + 1] == "." and f"{t.lower()}." in abbreviations:
            continue
        name_like = text[:1].isupper() and (not at_start or _before_a_name_part(ts, i))
        out.append(_new_word(WordToCheck, (doc, i, text, at_start, name_like)))
    return out


# ``tuple.__new__`` with all five fields: the named tuple's own constructor is a Python
# function (it fills in defaults), called for every word of every paragraph
_new_word = tuple.__new__


_INITIAL = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ]\.(?:[А-ЯЁӘҒҚҢӨҰҮҺІ]\.)?$")


def _before_a_name_part(ts: TokenStrings, i: int) -> bool:
    """A sentence-initial capitalised word (token ``i``) followed by another capitalised word
    or initials is a name: «Омаровой Г. С.», «Мұқанова Айгүл Серікқызына»."""
    texts = ts.text
    if i + 1 >= len(texts) or ts.space[i + 1]:
        return False
    t = texts[i + 1]
    if _INITIAL.match(t) or (len(t) == 1 and t.isupper() and i + 2 < len(texts) and texts[i + 2] == "."):
        return True
    return t[:1].isupper() and t.isalpha() and not t.isupper()


def in_alphabet(text: str, lang: str) -> bool:
    return all(ch in _LETTERS[lang] for ch in text)
