"""A Kazakh language class for spaCy, which ships none (``spacy.blank("kk")`` raises E048).

It starts from spaCy's Tatar defaults, replaces Tatar's stop words and number words with
Kazakh ones, and takes our tokenizer rules (``anyq.nlp.tokenizer``), which keep case endings
attached to abbreviations and numbers with a hyphen («ӘРПК-нің», «91-бабына») in one token.
"""

from __future__ import annotations

import spacy
from spacy.attrs import LIKE_NUM
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.lang.tt import TatarDefaults
from spacy.language import Language

from anyq.nlp.tokenizer import exceptions, infixes, prefixes, suffixes
from anyq.resources import rules_toml, rules_words

STOP_WORDS = set(rules_words("kk_stopwords.txt"))

_NUM_WORDS = frozenset(rules_toml("kk_grammar.toml")["words"]["number_words"])


def like_num(text: str) -> bool:
    t = text.replace(",", "").replace(".", "").replace(" ", "")
    if t.isdigit():
        return True
    base = t.split("-")[0]
    return base.isdigit() or text.lower() in _NUM_WORDS


class KazakhDefaults(TatarDefaults):
    stop_words = STOP_WORDS
    lex_attr_getters = {LIKE_NUM: like_num}
    tokenizer_exceptions = exceptions("kk", BASE_EXCEPTIONS)
    prefixes = prefixes("kk")
    suffixes = suffixes("kk")
    infixes = infixes("kk")


@spacy.registry.languages("kk")
class Kazakh(Language):
    lang = "kk"
    Defaults = KazakhDefaults
