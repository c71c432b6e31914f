"""Spelling: hunspell (ru_RU, kk_KZ, vendored) with our Kazakh morphology on top.

hunspell-kk rejects about one correct Kazakh word in nine, so a Kazakh word is accepted
when hunspell knows it *or* our stemmer finds a known stem under a valid suffix chain.
Names (capitalised words inside a sentence), abbreviations in capitals, words with
digits, e-mails and URLs are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from anyq.engine.model import Hit, Rule
from anyq.engine.registry import ParagraphContext, paragraph_rule
from anyq.resources import package_data

_ALPHABET = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
}
_DICTIONARY = {"ru": "ru_RU", "kk": "kk_KZ"}


@cache
def speller(lang: str):
    import hunspell

    return hunspell.Hunspell(_DICTIONARY[lang], hunspell_data_dir=str(package_data("hunspell")))


@lru_cache(maxsize=50_000)
def is_correct(word: str, lang: str) -> bool:
    # Our own resources first — they are loaded anyway, and hunspell (0.3 s to load the
    # Russian dictionary) is then needed only for the words they do not know.
    lower = word.lower()
    if lang == "ru":
        from anyq.nlp.morph_ru import morphology

        # pymorphy3's dictionary (OpenCorpora) knows many official words hunspell lacks
        if morphology().is_known(lower):
            return True
    else:
        from anyq.nlp.stem_kk import stemmer

        s = stemmer()
        if lower in s.lex.words or s.analyse_own(word).known:
            return True
    h = speller(lang)
    if h.spell(word) or h.spell(lower):
        return True
    return "ё" in word and h.spell(word.replace("ё", "е"))


@lru_cache(maxsize=5_000)
def suggest(word: str, lang: str, limit: int = 3) -> tuple[str, ...]:
    """Known words one edit away (delete, swap, replace, insert), cheapest first.

    hunspell's own ``suggest`` takes up to a second per word; single edits checked with
    ``spell`` take milliseconds and find the usual typo.
    """
    lower = word.lower()
    letters = _ALPHABET[lang]
    splits = [(lower[:i], lower[i:]) for i in range(len(lower) + 1)]
    # Order = how often each slip happens in typed letters: swapped, dropped, wrong, extra letter.
    candidates: list[str] = []
    candidates += [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    candidates += [a + c + b for a, b in splits for c in letters]
    candidates += [a + c + b[1:] for a, b in splits if b for c in letters if c != b[0]]
    candidates += [a + b[1:] for a, b in splits if b]
    h = speller(lang)
    out: list[str] = []
    for c in dict.fromkeys(candidates):
        if h.spell(c):
            out.append(c[:1].upper() + c[1:] if word[:1].isupper() else c)
            if len(out) >= limit:
                break
    return tuple(out)


_LATIN = re.compile(r"[A-Za-z]")


def _checkable(tok, sent_start: bool) -> bool:
    text = tok.text
    if len(text) < 3 or not tok.is_alpha or tok.like_url or tok.like_email:
        return False
    if _LATIN.search(text):
        return False  # Latin words and mixed-script words (T101 reports those)
    if text.isupper():
        return False  # abbreviations: АППК, ЦОН
    if text[:1].isupper() and not sent_start:
        return False  # names of people, places, bodies
    return True


@paragraph_rule("S101")
def misspelled(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    in_quotes = 0
    for sent in ctx.doc.sents:
        first = True
        for tok in sent:
            if tok.text in ("«", "“"):
                in_quotes += 1
            elif tok.text in ("»", "”"):
                in_quotes = max(0, in_quotes - 1)
            if tok.is_space or tok.is_punct:
                continue
            start = first
            first = False
            if in_quotes or not _checkable(tok, start):
                continue
            if not is_correct(tok.text, ctx.lang):
                suggestions = list(suggest(tok.text, ctx.lang))
                if tok.text[:1].isupper() and not suggestions:
                    continue  # a capitalised unknown word with no near neighbour: most likely a name
                s, e = ctx.token_span(tok.i, tok.i + 1)
                yield Hit(s, e, suggestions=suggestions)
