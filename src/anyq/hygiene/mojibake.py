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

# What the second byte (0x80–0xBF) of a UTF-8 Cyrillic letter looks like in each code page.
_TRAIL_1251 = "".join(bytes([b]).decode("cp1251", errors="ignore") for b in range(0x80, 0xC0))
_TRAIL_1252 = "".join(bytes([b]).decode("cp1252", errors="ignore") or bytes([b]).decode("latin-1") for b in range(0x80, 0xC0))
_AS_1251 = re.compile(f"(?:[РСТУ][{re.escape(_TRAIL_1251)}])+")
# Latin-1 proper shows 0x80–0x9F as C1 control characters, Windows-1252 as „…‘’ etc.
_AS_1252 = re.compile(f"(?:[ÐÑÒÓ][{re.escape(_TRAIL_1252)}\u0080-\u009f])+")
# Windows-1251 Cyrillic (0xC0–0xFF, ё 0xB8, Ё 0xA8) shown as Latin-1 letters
_CP1251_AS_LATIN = re.compile(r"(?<![A-Za-z\u00c0-\u00ff])[\u00c0-\u00ff\u00a8\u00b8]{2,}(?![A-Za-z\u00c0-\u00ff])")
_REPLACEMENT = re.compile("\ufffd+")


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
                out.append(ord(ch))  # control characters Latin-1 decoders leave for undefined bytes
            else:
                raise
    return bytes(out)


_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі")
_LETTERS = _LETTERS | frozenset(ch.upper() for ch in _LETTERS)


def _utf8(run: str, codec: str) -> str | None:
    try:
        fixed = _encode(run, codec).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    # only Russian and Kazakh letters count as a repair: «Сё» decodes to «Ѹ», which is not one
    return fixed if all(ch in _LETTERS for ch in fixed) else None


def find(text: str, known: Callable[[str], bool]) -> list[Garbled]:
    """Mojibake runs in ``text`` with their repairs; ``known(word)`` is the dictionary of
    either language (lower case), used for the one-letter-per-letter kind."""
    out: list[Garbled] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    for rx, codec, kind in ((_AS_1251, "cp1251", "utf8-as-cp1251"), (_AS_1252, "cp1252", "utf8-as-latin1")):
        for m in rx.finditer(text):
            run = m.group()
            if len(run) < 4 and not (_alone(text, m.start(), m.end()) and run[1].isalpha()):
                continue  # «Рѕ» alone is «о»; «С»» is a letter in quotes, not a garbled one
            fixed = _utf8(run, codec)
            if fixed and free(*m.span()):
                out.append(Garbled(m.start(), m.end(), run, fixed, kind))
                taken.append(m.span())
    for m in _CP1251_AS_LATIN.finditer(text):
        run = m.group()
        try:
            fixed = run.encode("latin-1").decode("cp1251")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if free(*m.span()) and known(fixed.lower()):
            out.append(Garbled(m.start(), m.end(), run, fixed, "cp1251-as-latin1"))
            taken.append(m.span())
    for m in _REPLACEMENT.finditer(text):
        out.append(Garbled(m.start(), m.end(), m.group(), None, "lost"))
    out.sort(key=lambda g: g.start)
    return out


def _alone(text: str, s: int, e: int) -> bool:
    before = text[s - 1 : s]
    after = text[e : e + 1]
    return not before.isalpha() and not after.isalpha()
