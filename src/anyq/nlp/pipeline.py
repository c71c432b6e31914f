"""One spaCy pipeline per language, built once per process.

ru: spaCy's Russian + tokenizer rules + pymorphy3 morphology + sentence splitter.
kk: our Kazakh ``Language`` + tokenizer fixes + Kazakh stemmer + sentence splitter.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from spacy.attrs import LIKE_NUM
from spacy.lang.ru import Russian, RussianDefaults
from spacy.lang.ru.lex_attrs import _num_words
from spacy.language import Language
from spacy.tokens import Doc

from anyq.nlp import morph_kk as _morph_kk  # noqa: F401  (registers the component)
from anyq.nlp import morph_ru as _morph_ru  # noqa: F401
from anyq.nlp import sentences as _sentences  # noqa: F401
from anyq.nlp.kazakh import Kazakh
from anyq.nlp.normalize import make_docs
from anyq.nlp.tokenizer import exceptions, infixes, prefixes, suffixes

LANGUAGES = ("ru", "kk")


# spaCy's Russian like_num looks words up in a list of 884 number words: building the
# pipeline creates ~1,300 lexemes for its special cases, so that list scan was a tenth of
# the Russian pipeline's build. The same test with a set (same words, same answers).
_NUM_WORDS = frozenset(_num_words)


def like_num(text: str) -> bool:
    if text.startswith(("+", "-", "±", "~")):
        text = text[1:]
    if text.endswith("%"):
        text = text[:-1]
    text = text.replace(",", "").replace(".", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    return text.lower() in _NUM_WORDS


class OfficialRussianDefaults(RussianDefaults):
    lex_attr_getters = {**RussianDefaults.lex_attr_getters, LIKE_NUM: like_num}
    tokenizer_exceptions = exceptions("ru", RussianDefaults.tokenizer_exceptions)
    prefixes = prefixes("ru")
    suffixes = suffixes("ru")
    infixes = infixes("ru")


class OfficialRussian(Russian):
    """spaCy's Russian with the tokenizer rules of official letters."""

    Defaults = OfficialRussianDefaults


@cache
def get_nlp(lang: str) -> Language:
    if lang not in LANGUAGES:
        raise ValueError(f"no pipeline for language {lang!r}")
    nlp = OfficialRussian() if lang == "ru" else Kazakh()
    nlp.add_pipe("anyq_ru_morph" if lang == "ru" else "anyq_kk_morph")
    nlp.add_pipe("anyq_sentences")
    return nlp


def annotate(text: str, lang: str) -> Doc:
    """A paragraph annotated as the linter does it: whitespace folded (``anyq.nlp.normalize``)."""
    nlp = get_nlp(lang)
    return nlp(make_docs(nlp, [text])[0])


def annotate_many(texts: Iterable[str], lang: str) -> Iterator[Doc]:
    nlp = get_nlp(lang)
    # the components called in turn, as ``nlp.pipe`` does: its generators and error
    # handling per doc and component cost more than our components' own work on a short
    # paragraph, and none of ours batches
    components = [proc for _, proc in nlp.pipeline]
    for doc in make_docs(nlp, list(texts)):
        for proc in components:
            doc = proc(doc)
        yield doc
