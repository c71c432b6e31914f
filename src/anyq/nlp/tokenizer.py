"""Tokenizer rules for official letters in both languages.

- every abbreviation of ``rules/data/abbreviations.toml`` is one token with the right NORM
  (spaCy's Russian defaults read «ст.» as «станция», «п.» as «посёлок»);
- an abbreviation glued to the next word («г.Астана», «ул.Абая», «д.5») is split off;
- hyphenated words stay whole («северо-западный», «из-за», «ӘРПК-нің», «91-бабына»),
  because Russian morphology and Kazakh stemming need the whole word.

The punctuation rules are spaCy's defaults cut down to the scripts letters use (Latin and
Cyrillic): spaCy's own character classes cover every script, and compiling them costs
half a second at every start, which a command-line linter cannot afford.
"""

from __future__ import annotations

import re

from spacy.attrs import NORM, ORTH
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.util import update_exc

from anyq.nlp.abbreviations import abbreviations, parts
from anyq.text.letters import KAZAKH_LOWER, KAZAKH_UPPER

UPPER = "A-ZА-ЯЁÀ-ÖØ-Þ" + KAZAKH_UPPER + "ЄЇЎЈЅ"
LOWER = "a-zа-яёß-öø-ÿ" + KAZAKH_LOWER + "єїўјѕ"
ALPHA = UPPER + LOWER
_QUOTES = "'\"”“`‘´’‚,„»«"
_OPEN = r"\( \[ \{ « „ “ \" ' ‘ ‚ < §".split()
_CLOSE = r"\) \] \} » ” \" ' ’ >".split()
_PUNCT = r", : ; \! \? … …… ¿ ¡ _ # \* & ·".split()
_CURRENCY = r"₸|₽|\$|€|£|¥"


def prefixes(lang: str) -> list[str]:
    table = abbreviations(lang)
    glued = sorted(
        {a.text[:-1] for a in table.values() if a.ends in ("never", "year") and "." not in a.text[:-1]},
        key=len,
        reverse=True,
    )
    # those that may end a sentence («прил.», «руб.») only before a digit: «прил.1», not «руб.Итого»
    glued_digit = sorted(
        {a.text[:-1] for a in table.values() if a.ends == "maybe" and "." not in a.text[:-1]},
        key=len,
        reverse=True,
    )
    out = []
    if glued:
        out.append(r"(?i:" + "|".join(re.escape(g) for g in glued) + r")\.(?=[" + ALPHA + r"0-9])")
    if glued_digit:
        out.append(r"(?i:" + "|".join(re.escape(g) for g in glued_digit) + r")\.(?=[0-9])")
    out += ["§", "%", "=", "—", "–", r"\+(?![0-9])", r"\.\.+", "…", _CURRENCY] + _OPEN + _PUNCT
    return out


def suffixes(lang: str) -> list[str]:
    return _CLOSE + _PUNCT + [
        r"\.\.+",
        "…",
        "—",
        "–",
        r"(?<=[0-9])\+",
        r"(?<=[0-9])%",
        r"(?<=[0-9])(?:" + _CURRENCY + ")",
        r"(?<=[0-9" + LOWER + r"%²\-\+" + re.escape(_QUOTES) + r")\]])\.",
        r"(?<=[" + UPPER + r"][" + UPPER + r"])\.",
        r"(?<=[" + LOWER + r"][" + UPPER + r"])\.",  # «дБ.», «кВт.»
    ]


def infixes(lang: str) -> list[str]:
    return [
        r"\.\.+",
        "…",
        r"(?<=[0-9])[+\-\*^](?=[0-9-])",
        r"(?<=[" + LOWER + r"])\.(?=[" + UPPER + r"])",
        r"(?<=[" + ALPHA + r"]),(?=[" + ALPHA + r"])",
        r"(?<=[" + ALPHA + r"0-9])[:<>=/](?=[" + ALPHA + r"])",
    ]


def exceptions(lang: str, base: dict | None = None) -> dict:
    """spaCy's exceptions for the language, with our abbreviations on top: each spelling one
    token, and each part of a spaced one («т. е.» → «т.», «е.»), which the splitter joins."""
    table = abbreviations(lang)
    ours = {text: [{ORTH: text, NORM: a.norm}] for text, a in table.items() if " " not in text}
    for part in parts(lang):
        ours.setdefault(part, [{ORTH: part, NORM: part}])
    return update_exc(base or BASE_EXCEPTIONS, ours)
