"""Word-start alternations written so that Python's regex engine can skip to their first letters.

A search for ``(?<![\\w-])(?:Закон|[Кк]одекс|…)`` tries the whole pattern at every position
of the text: its first item is a look-behind, so the engine knows no character a match must
start with. Written as

    [ЗзКк…](?<![\\w-][\\s\\S])(?:(?<=З)акон|(?<=[Кк])одекс|…)

the pattern starts with a character class, and the engine runs through the text at C speed
to the next character of that class. The first character of a match is taken by the class,
and each alternative checks it again with a one-character look-behind of its own first item,
so the matches (start, end, which alternative) are the same; the word-start test moves
after the first character and looks one character further back.

The class is computed, not written: the characters up to U+052F (Latin and Cyrillic) that an
alternative's first item matches, by the regex engine itself (case-blind where the
alternative is), plus every character beyond U+052F. It may hold characters no alternative
starts with (then the look-behinds reject them), never fewer.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The characters the class is computed over; everything beyond is in the class anyway
# (case-blind matching relates some of them to Cyrillic letters: «ᲃ» is a case-blind «с»).
_UNIVERSE_END = 0x530
_UNIVERSE = "".join(map(chr, range(_UNIVERSE_END)))


def first_item(pattern: str) -> str | None:
    """The pattern's first item when it matches exactly one character: a character, an
    escape («\\.») or a class («[Кк]»); None for anything else (a group, an anchor …)."""
    if not pattern:
        return None
    c = pattern[0]
    if c == "\\":
        if len(pattern) < 2 or pattern[1].isalnum() and pattern[1] not in "wWdDsS":
            return None  # \b, \A, a group reference … match no character or an unknown one
        return pattern[:2]
    if c == "[":
        i = 1
        if pattern[i : i + 1] == "^":
            i += 1
        if pattern[i : i + 1] == "]":
            i += 1
        while i < len(pattern) and pattern[i] != "]":
            if pattern[i] == "[":
                return None  # a nested set: not read here
            i += 2 if pattern[i] == "\\" else 1
        return pattern[: i + 1] if i < len(pattern) else None
    if c in "()|?*+{}^$.":
        return None
    return c


def alternatives(pattern: str) -> list[str]:
    """``(?:a|b|c)`` → ["a", "b", "c"] (the top level of one non-capturing group spanning
    the whole pattern); any other pattern → [pattern]."""
    if not (pattern.startswith("(?:") and pattern.endswith(")")):
        return [pattern]
    parts, depth, start, i = [], 0, 3, 3
    in_class = False
    while i < len(pattern) - 1:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return [pattern]  # the first group closes before the end
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start : len(pattern) - 1])
    return parts


@lru_cache(maxsize=None)
def _matching(item: str, caseblind: bool) -> list[str]:
    """The characters up to U+052F that ``item`` matches, read by the regex engine."""
    return re.compile(item, re.I if caseblind else 0).findall(_UNIVERSE)


def _class(chars: set[str]) -> str:
    """A character class of ``chars`` and of everything from U+0530 on, as ranges."""
    codes = sorted(map(ord, chars))
    out = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        a, b = chr(codes[i]), chr(codes[j])
        out.append(re.escape(a) if i == j else f"{re.escape(a)}-{re.escape(b)}")
        i = j + 1
    return "[" + "".join(out) + f"\\u{_UNIVERSE_END:04x}-\\U0010ffff]"


def skipping(alts: list[tuple[str, bool, bool]]) -> tuple[str, list[str]] | None:
    """For the alternatives of ``(?:a|b|…)``, each as (pattern, case-blind, only at a word
    start, as after ``(?<![\\w-])``): the head to write before them (the class of their first
    characters, and the word-start test when every alternative has it) and each alternative
    with its first item as a look-behind. None when an alternative does not start with a
    one-character item."""
    chars: set[str] = set()
    out = []
    shared = all(at_start for _, _, at_start in alts)
    for alt, caseblind, at_start in alts:
        item = first_item(alt)
        if item is None or alt[len(item) : len(item) + 1] in ("?", "*", "+", "{"):
            return None  # no first character, or an optional or repeated one
        if "|" in alt and alternatives(f"(?:{alt})") != [alt]:
            return None  # «a|b»: the look-behind would guard its first branch only
        chars.update(_matching(item, caseblind))
        rest = f"(?<={item})" + (_WORD_START if at_start and not shared else "") + alt[len(item) :]
        out.append(f"(?i:{rest})" if caseblind else rest)
    return _class(chars) + (_WORD_START if shared else ""), out


# after the first character: the character before it is no letter, digit, «_» or «-»
_WORD_START = r"(?<![\w-][\s\S])"
