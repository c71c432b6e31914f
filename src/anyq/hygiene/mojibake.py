"""Mojibake: text decoded with the wrong code page somewhere before it reached us.

- UTF-8 read as Windows-1251: every Cyrillic letter becomes two — «Р», «С», «Т» or «У» and a
  letter or sign of 0x80–0xBF: «Рѕ» = о, «РЎ» = С, «Т›» = қ, «У™» = ә.
- UTF-8 read as Latin-1 / Windows-1252: «Ð», «Ñ», «Ò», «Ó» and a sign: «Ð¡» = С, «Ñ‚» = т.
- Windows-1251 read as Latin-1 / Windows-1252 (the reverse direction): one accented Latin letter
  per Cyrillic letter, «Ñîîáùàåì» = Сообщаем.
- Windows-1251 bytes read as UTF-8 become «�» (U+FFFD): the letters are lost, only reported.

Each run is re-encoded and decoded the right way; a repair is kept only when the result is
Cyrillic text (and, for the one-letter-per-letter case, a dictionary word).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


def _chars(codec: str, lo: int, hi: int) -> str:
    """Characters a code page shows for the bytes ``lo``–``hi`` (Latin-1's C1 controls too)."""
    out = []
    for b in range(lo, hi + 1):
        out.append(bytes([b]).decode(codec, errors="ignore") or chr(b))
        if codec == "cp1252":
            out.append(chr(b))  # Latin-1 proper: C1 controls where Windows-1252 has „…‘’
    return re.escape("".join(sorted(set(out))))


def _utf8_run(codec: str) -> re.Pattern[str]:
    """Runs shaped like UTF-8 read with ``codec``: a lead byte and its 1–3 continuation bytes."""
    trail = f"[{_chars(codec, 0x80, 0xBF)}]"
    lead2, lead3, lead4 = (f"[{_chars(codec, a, b)}]" for a, b in ((0xC2, 0xDF), (0xE0, 0xEF), (0xF0, 0xF4)))
    one = f"(?:{lead2}{trail}|{lead3}{trail}{{2}}|{lead4}{trail}{{3}})"
    # ``one+`` written to start with a character class, which lets the regex engine skip to
    # the next lead byte instead of trying the alternation at every position: the first lead
    # (the three sets are disjoint), its trail bytes by the set it came from, then ``one*``
    any_lead = f"[{_chars(codec, 0xC2, 0xF4)}]"
    first = f"(?:(?<={lead2}){trail}|(?<={lead3}){trail}{{2}}|(?<={lead4}){trail}{{3}})"
    return re.compile(f"{any_lead}{first}{one}*")


def garble(text: str, codec: str) -> str:
    """``text`` as UTF-8 bytes read with ``codec``; undefined bytes keep their code point, as
    Windows does. (For tests and the benchmark: the damage this module repairs.)"""
    return "".join(bytes([b]).decode(codec, errors="ignore") or chr(b) for b in text.encode("utf-8"))


# A run of UTF-8 bytes read with a single-byte code page: only characters of its upper half.
_RUN = {codec: _utf8_run(codec) for codec in ("cp1251", "cp1252")}
# Every run starts with a lead byte followed by a trail byte. The lead bytes read as cp1251
# are most Cyrillic letters, the trail bytes far rarer characters («», —, №, ё, і …): so the
# runs are looked for only where a trail follows a lead, found from the trail.
_PAIR = {
    codec: re.compile(f"[{_chars(codec, 0x80, 0xBF)}](?<=[{_chars(codec, 0xC2, 0xF4)}][{_chars(codec, 0x80, 0xBF)}])")
    for codec in ("cp1251", "cp1252")
}


def _runs(text: str, codec: str) -> list[re.Match[str]]:
    """``_RUN[codec].finditer(text)``, tried only at the lead of each lead–trail pair."""
    rx = _RUN[codec]
    out: list[re.Match[str]] = []
    end = 0
    for pair in _PAIR[codec].finditer(text):
        lead = pair.start() - 1
        if lead < end:
            continue  # inside the run found last
        m = rx.match(text, lead)
        if m:
            out.append(m)
            end = m.end()
    return out
# Windows-1251 Cyrillic (0xC0–0xFF, ё 0xB8, Ё 0xA8) shown as Latin-1 letters
_CP1251_AS_LATIN = re.compile(r"(?<![A-Za-z\u00c0-\u00ff])[\u00c0-\u00ff\u00a8\u00b8]{2,}(?![A-Za-z\u00c0-\u00ff])")
_REPLACEMENT = re.compile("\ufffd+")
# Latin-1 letters (and «¨ ¸», Windows-1251's Ё ё): every cp1252 run starts with one and every
# cp1251-as-Latin-1 word is made of them. Text without any, nearly all text, skips both scans.
_LATIN1_LETTER = re.compile("[\u00a8\u00b8\u00c0-\u00ff]")
_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі")
_LETTERS = _LETTERS | frozenset(ch.upper() for ch in _LETTERS)
_SIGNS = frozenset("№—–…«»“”„‘’\u00a0°±§")
_KIND = {"cp1251": "utf8-as-cp1251", "cp1252": "utf8-as-latin1"}


@dataclass(frozen=True, slots=True)
class Garbled:
    start: int
    end: int
    text: str
    repaired: str | None  # None: the letters are lost (U+FFFD)
    kind: str  # "utf8-as-cp1251", "utf8-as-latin1", "cp1251-as-latin1", "lost"


def _encode(s: str, codec: str) -> bytes:
    out = bytearray()
    for ch in s:
        try:
            out += ch.encode(codec)
        except UnicodeEncodeError:
            if ord(ch) < 0x100:
                out.append(ord(ch))  # C1 controls a Latin-1 decoder leaves for undefined bytes
            else:
                raise
    return bytes(out)


def _utf8(run: str, codec: str) -> str | None:
    """``run`` re-encoded with ``codec`` and read as UTF-8, if that gives Russian or Kazakh
    letters and common signs («Сё» would give «Ѹ», which is neither)."""
    try:
        fixed = _encode(run, codec).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    if fixed == run or not all(ch in _LETTERS or ch in _SIGNS for ch in fixed):
        return None
    return fixed


def find(text: str, known: Callable[[str], bool]) -> list[Garbled]:
    """Mojibake runs in ``text`` with their repairs; ``known(word)`` is the dictionary of
    either language (lower case), used for the one-letter-per-letter kind."""
    out: list[Garbled] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    latin1 = _LATIN1_LETTER.search(text) is not None
    for codec in ("cp1251", "cp1252"):
        if codec == "cp1252" and not latin1:
            continue
        kind = _KIND[codec]
        weak: list[tuple[re.Match[str], str]] = []
        for m in _runs(text, codec):
            fixed = _utf8(m.group(), codec)
            if fixed is None or not free(*m.span()):
                continue
            if len(fixed) >= 2 and any(ch in _LETTERS for ch in fixed):
                out.append(Garbled(m.start(), m.end(), m.group(), fixed, kind))
                taken.append(m.span())
            else:
                weak.append((m, fixed))
        strong = any(g.kind == kind for g in out)
        for m, fixed in weak:
            # one letter or a sign: «Рѕ» alone is «о»; next to garbled words «Р•.» is an initial
            # and «в„–» is «№»; in normal text «С»» is a letter in quotes
            if strong or (fixed[0] in _LETTERS and m.group()[1:2].isalpha() and _alone(text, m.start(), m.end())):
                out.append(Garbled(m.start(), m.end(), m.group(), fixed, kind))
                taken.append(m.span())
    for m in _CP1251_AS_LATIN.finditer(text) if latin1 else ():
        run = m.group()
        try:
            fixed = run.encode("latin-1").decode("cp1251")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if free(*m.span()) and known(fixed.lower()):
            out.append(Garbled(m.start(), m.end(), run, fixed, "cp1251-as-latin1"))
            taken.append(m.span())
    # the pattern has no literal prefix, so the regex engine would try it at every position
    for m in _REPLACEMENT.finditer(text) if "\ufffd" in text else ():
        out.append(Garbled(m.start(), m.end(), m.group(), None, "lost"))
    out.sort(key=lambda g: g.start)
    return out


def _alone(text: str, s: int, e: int) -> bool:
    before = text[s - 1 : s]
    after = text[e : e + 1]
    return not before.isalpha() and not after.isalpha()
