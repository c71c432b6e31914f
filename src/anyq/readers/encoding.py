"""Turn the bytes of a text file into ``str``, detecting the encodings letters arrive in.

Supported: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1251 and KZ-1048.
Windows-1251 and KZ-1048 differ in 16 byte values only, where KZ-1048 has the Kazakh
letters (Қ Һ Ұ Ә Ө Ғ Ү Ң in both cases) and Windows-1251 has Serbian/Ukrainian ones;
a Kazakh letter decoded as Ќ or ѕ is the tell.
"""

from __future__ import annotations

import codecs
import re

_KZ1048_ONLY = bytes(
    [0x8D, 0x8E, 0x9D, 0x9E, 0xA1, 0xA2, 0xA3, 0xA5, 0xAA, 0xAF, 0xB4, 0xBA, 0xBC, 0xBD, 0xBE, 0xBF]
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_WORD = re.compile(r"[^\W\d_]+")
_CYR = re.compile(r"[\u0400-\u04ff]")
_LAT = re.compile(r"[A-Za-z\u00c0-\u024f]")


class DecodeError(ValueError):
    """The bytes are not text in any encoding anyq reads."""


def _looks_like_text(text: str) -> bool:
    """Single-byte codecs decode anything; reject output that is not plausible prose."""
    if _CONTROL.search(text):
        return False
    words = _WORD.findall(text)
    if not words:
        return True
    mixed = sum(1 for w in words if _CYR.search(w) and _LAT.search(w))
    return mixed <= max(1, len(words) // 20)


def _cut_mid_letter(data: bytes, first_bad: int) -> bool:
    """Is the only bad stretch an unfinished letter at the very end («Жоқ\\xd0»: a file cut off)?
    Then a short file counts too, with fewer valid letters than ``_refuse_damaged_utf8`` asks."""
    tail = data[first_bad:]
    need = 2 if 0xC2 <= tail[0] <= 0xDF else 3 if 0xE0 <= tail[0] <= 0xEF else 4 if 0xF0 <= tail[0] <= 0xF4 else 0
    return len(tail) < need and all(0x80 <= b <= 0xBF for b in tail[1:])


def _refuse_damaged_utf8(data: bytes, first_bad: int) -> None:
    """UTF-8 with a few bad bytes (a file cut off mid-letter, a damaged copy) is not
    Windows-1251: read as such, every Cyrillic letter turns into two mojibake characters.
    Windows-1251 or KZ-1048 text hardly ever forms a valid multi-byte UTF-8 sequence (its
    letters are all at 0xC0 and above, continuation bytes 0x80-0xBF), so many valid
    sequences against a few bad bytes mean UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\xef\xbf\xbd".encode("latin-1"))
    valid = sum(1 for ch in text if ch > "\x7f") - text.count("\ufffd")
    if valid >= 4 * bad or (valid and _cut_mid_letter(data, first_bad)):
        more = f", {bad} in all" if bad > 1 else ""
        raise DecodeError(f"is UTF-8 but has an invalid byte 0x{data[first_bad]:02x} at {first_bad}{more} (damaged or cut short?)")


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding name)`` or raise :class:`DecodeError` with a reason."""
    if not data:
        return "", "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise DecodeError(f"has a UTF-8 BOM but invalid UTF-8 at byte {exc.start + 3}") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise DecodeError(f"has a UTF-16 BOM but invalid UTF-16 at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise DecodeError("looks binary (contains NUL bytes); not a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        _refuse_damaged_utf8(data, exc.start)
    else:
        if _CONTROL.search(text):
            raise DecodeError("contains control characters; not a text file")
        return text, "utf-8"
    encoding = "kz1048" if any(b in _KZ1048_ONLY for b in data) else "cp1251"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"is neither UTF-8 nor Windows-1251/KZ-1048 (undecodable byte 0x{data[exc.start]:02x} at {exc.start})"
        ) from None
    if not _looks_like_text(text):
        raise DecodeError("is not UTF-8, and as Windows-1251/KZ-1048 it is not readable text")
    return text, encoding
