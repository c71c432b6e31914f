"""Letters of the wrong script that look the same: «мемлекеттiк» (Latin i), «обрaщение»
(Latin a), «РhD» (Cyrillic Р), «Ознакомиться c документами» (Latin c as a word), «TOO
«Береке»» (a whole word in Latin look-alikes)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Latin letter → the Cyrillic letter it passes for. Latin «h» is Kazakh «һ»; «i» is Kazakh «і».
LATIN_TO_CYRILLIC = {
    "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "h": "һ",
    "k": "к", "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О",
    "P": "Р", "T": "Т", "X": "Х", "Y": "У", "I": "І",
}
CYRILLIC_TO_LATIN = {
    "а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y", "і": "i", "һ": "h",
    "ј": "j", "ѕ": "s", "к": "k", "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I",
    "Ј": "J", "К": "K", "М": "M", "О": "O", "Р": "P", "Ѕ": "S", "Т": "T", "Х": "X", "У": "Y",
}
# Single Latin letters that stand as a Russian or Kazakh word («c» for «с», «o» for «о»).
_WORD_LETTERS = {"a": "а", "c": "с", "o": "о", "y": "у", "A": "А", "C": "С", "O": "О", "Y": "У"}

_CYR = re.compile(r"[\u0400-\u04ff]")
_LAT = re.compile(r"[A-Za-z]")
# A pattern that starts with a character class (not a repeat or a look-behind) lets the regex
# engine skip ahead to the next candidate character: same matches, several times faster.
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z]*")
_LETTERS = re.compile(r"[^\W\d_]+")
# A Roman numeral (1–3999) in capitals: «ХIХ» (Cyrillic Х, Latin I) is the century XIX.
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_LETTERS = frozenset("IVX")  # the numerals of centuries and groups; М, С, Х spell words too


def _mixed_runs(text: str) -> list[re.Match[str]]:
    """Runs of letters with both a Latin and a Cyrillic letter. Latin letters are rare in
    Russian and Kazakh letters, so the search starts from them, not from every word."""
    out: list[re.Match[str]] = []
    end = -1
    for lat in _LATIN_RUN.finditer(text):
        if lat.start() < end:
            continue
        s = lat.start()
        while s > 0 and (text[s - 1].isalpha()):
            s -= 1
        m = _LETTERS.match(text, s)
        if m is None:
            continue
        end = m.end()
        if _CYR.search(m.group()):
            out.append(m)
    return out


@dataclass(frozen=True, slots=True)
class MixedWord:
    start: int
    end: int
    text: str
    script: str  # the script the word is written in: "cyrillic" (T101) or "latin" (T108)
    fixed: str | None  # the word in one script; None when no look-alike mapping completes it


def _to(word: str, table: dict[str, str]) -> str:
    return "".join(table.get(ch, ch) for ch in word)


def mixed_words(text: str, lang_at, known) -> list[MixedWord]:
    """Words mixing Cyrillic and Latin letters.

    ``lang_at(offset)`` gives the paragraph language ("ru", "kk" or other); ``known(word,
    lang)`` the dictionary. A Roman numeral in capitals is Latin («ХIХ» → «XIX»). Otherwise the
    word belongs to the script of most of its letters; on a tie, and whenever only one
    direction gives a complete word, to that one; and to Cyrillic when it is a known Cyrillic
    word among Cyrillic words, whatever its letters («ТOO «Береке»» → «ТОО»).
    """
    out: list[MixedWord] = []
    for m in _mixed_runs(text):
        # each part of a hyphenated word on its own: «call-центр» mixes scripts by design
        w = m.group()
        lang = lang_at(m.start())
        lang = lang if lang in ("ru", "kk") else "kk"
        cyr = _to(w, LATIN_TO_CYRILLIC)
        if lang == "ru" and ("і" in cyr or "І" in cyr):
            # Latin «i» in a Russian word: «и» if that makes a word, else it is Kazakh «і»
            alt = cyr.replace("і", "и").replace("І", "И")
            if known(alt, "ru") or not known(cyr, "kk"):
                cyr = alt
        lat = _to(w, CYRILLIC_TO_LATIN)
        cyr_ok = not _LAT.search(cyr)
        lat_ok = not _CYR.search(lat)
        n_cyr = len(_CYR.findall(w))
        n_lat = len(_LAT.findall(w))
        if lat_ok and w.isupper() and set(lat) <= _ROMAN_LETTERS and _ROMAN.fullmatch(lat):
            # a century or a group: «ХIХ век», «IІ группа»; of I, V, X only, so «MСХ» (Latin M)
            # stays the abbreviation МСХ
            script = "latin"
        elif cyr_ok and not lat_ok:
            script = "cyrillic"
        elif lat_ok and not cyr_ok:
            script = "latin"
        elif n_lat > n_cyr and (known(cyr, lang) or known(cyr, "ru")) and _cyrillic_neighbour(text, m.start(), m.end()):
            # «ТOO» (two Latin O) in a Russian sentence is the abbreviation ТОО, not English «TOO»
            script = "cyrillic"
        elif n_cyr != n_lat:
            script = "cyrillic" if n_cyr > n_lat else "latin"
        else:
            script = "cyrillic" if not cyr_ok or known(cyr, lang) or not lat_ok else "latin"
        if script == "cyrillic":
            fixed = cyr if cyr_ok else None
        else:
            fixed = lat if lat_ok else None
        out.append(MixedWord(m.start(), m.end(), w, script, fixed))
    return out


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\w\n]*$")
_WORD_AFTER = re.compile(r"[^\w\n]*([^\W\d_]+)")


def _cyrillic_neighbour(text: str, start: int, end: int) -> bool:
    """Is a word next to ``text[start:end]`` on its line Cyrillic, and neither Latin? («ТOO
    «Береке»» is among Cyrillic words, «ТOO Group» is not.)"""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    after = _WORD_AFTER.match(text, end, end + 40)
    words = [m.group(1) for m in (before, after) if m is not None]
    if any(not _CYR.search(w) for w in words):
        return False
    return any(not _LAT.search(w) for w in words)


# Latin letters with a Cyrillic twin, of which a whole word can be typed: «TOO», «PK», «AO», «HE»
_TWINS = "ABCEHKMOPTXYaceopxy"
# a word of them: not inside a word, a number, a URL, an e-mail or a hyphenated word (the
# look-behind after the first letter, so the engine starts only at these letters; «++» never
# gives letters back, so «Toyota» is one failed try, not one per shorter length)
_TWIN_WORD = re.compile(rf"[{_TWINS}](?<![\w.@/:=&#%+-][{_TWINS}])[{_TWINS}]++(?![\w@/:=&#%+-]|\.\w)")
# Latin by convention although the Cyrillic twin is a common word: a chemical formula («выбросы CO»)
_LATIN_ANYWAY = frozenset({"CO"})


def latin_words(text: str, lang_at, known, used) -> list[tuple[int, int, str]]:
    """Whole words typed in Latin look-alikes among Cyrillic words: «TOO «Береке»», «в PK».
    Returns (start, end, the word in Cyrillic).

    Latin words and abbreviations in Russian and Kazakh letters (OK, CEO, MBA, MAX, TOP) are
    often words in Cyrillic too, so the Cyrillic spelling must be a known word that our
    corpora of letters use (``used(lower, lang)``: «тоо», «рк», «не»), or one the document
    itself writes in Cyrillic («HAO» beside «НАО»); and no neighbouring word may be Latin.
    """
    out = []
    # The document's words, read once (and only when a word needs them), not a search of the
    # whole text for each look-alike word: that was quadratic in a long letter.
    words: set[str] | None = None
    walked: tuple[dict, dict] = ({}, {})
    for m in _TWIN_WORD.finditer(text):
        w = m.group()
        if w in _LATIN_ANYWAY or (w.isupper() and _ROMAN.fullmatch(w)):
            continue  # «XX век», «MCM»
        if not _among_cyrillic(text, m.start(), m.end(), walked):
            continue
        lang = lang_at(m.start())
        lang = lang if lang in ("ru", "kk") else "kk"
        cyr = _to(w, LATIN_TO_CYRILLIC)
        lower = cyr.lower()
        if (known(cyr, lang) or known(cyr, "ru")) and (used(lower, lang) or used(lower, "ru")):
            out.append((m.start(), m.end(), cyr))
            continue
        if words is None:
            words = set(_WORD.findall(text))
        if cyr in words:  # the document writes it in Cyrillic
            out.append((m.start(), m.end(), cyr))
    return out


_WORD = re.compile(r"\w+")  # as «(?<!\w)…(?!\w)» bounds a word
_WORDS_BEFORE = re.compile(r"[^\W\d_]+(?=[^\w\n]*$)")
_WORD_NEXT = re.compile(r"[^\w\n]*([^\W\d_]+)")


def _word_before(text: str, pos: int) -> tuple[str, int] | None:
    m = _WORDS_BEFORE.search(text, max(0, pos - 40), pos)
    return None if m is None else (m.group(), m.start())


def _word_after(text: str, pos: int) -> tuple[str, int] | None:
    m = _WORD_NEXT.match(text, pos, pos + 40)
    return None if m is None else (m.group(1), m.end())


def _past_twin_words(text: str, pos: int, step, walked: dict[int, str | None]) -> str | None:
    """The nearest word from ``pos`` (``step`` finds the next one and where to go on from it)
    that is not a word of Latin look-alikes, or None. ``walked`` keeps the answer for every
    offset passed, so that on a line of many look-alike words («OK OK OK …») each is passed
    once, not once for every word after (or before) it."""
    passed = []
    while pos not in walked:
        passed.append(pos)
        found = step(text, pos)
        if found is None or not _TWIN_WORD.fullmatch(found[0]):
            walked[pos] = None if found is None else found[0]
            break
        pos = found[1]
    word = walked[pos]
    for p in passed:
        walked[p] = word
    return word


def _among_cyrillic(text: str, start: int, end: int, walked: tuple[dict, dict] | None = None) -> bool:
    """Is the nearest word on each side on its line, past other words of Latin look-alikes
    («PK TOO «Береке»»), Cyrillic or absent, and one of them there? ``walked``: the walks
    already made in ``text``, backwards and forwards (see _past_twin_words)."""
    back, ahead = walked if walked is not None else ({}, {})
    found = (_past_twin_words(text, start, _word_before, back), _past_twin_words(text, end, _word_after, ahead))
    words = [w for w in found if w is not None]
    # a word with a Cyrillic letter is Cyrillic, a look-alike slip included («PK ТOO»)
    return any(_CYR.search(w) for w in words) and all(_CYR.search(w) for w in words)


# «(?<![\w.@/-])([acoyACOY])» with the letter first (the look-behind then looks at it and the
# character before it), for the fast start above
_SINGLE = re.compile(r"([acoyACOY])(?<![\w.@/-][acoyACOY])(?![\w.@/-])")
_CYR_WORD_NEAR = re.compile(r"[\u0400-\u04ff]{2,}")


def latin_letter_words(text: str) -> list[tuple[int, int, str]]:
    """A lone Latin letter used as a Cyrillic word between Cyrillic words: «ознакомиться c
    документами», «C уважением». Returns (start, end, Cyrillic letter)."""
    out = []
    for m in _SINGLE.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        after = text[m.end() : m.end() + 40]
        prev_word = re.findall(r"[^\W\d_]+", before)
        next_word = re.search(r"[^\W\d_]+", after)
        if next_word is None or not _CYR_WORD_NEAR.fullmatch(next_word.group()):
            continue
        if not after.startswith(" "):
            continue
        if prev_word and not _CYR.search(prev_word[-1]):
            continue  # Latin context: «Section A Мемлекеттік» is not a homoglyph
        out.append((m.start(), m.end(), _WORD_LETTERS[m.group(1)]))
    return out
