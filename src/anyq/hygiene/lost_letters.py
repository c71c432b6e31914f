"""Kazakh letters lost as «?»: «?аза?стан», «? аза ? стан» for «Қазақстан».

A Windows-1251 round trip turns every Kazakh-specific letter it cannot encode (ә ғ қ ң ө ұ ү
һ; і survives, being Ukrainian і) into «?», and some extractions put spaces around it. A «?»
glued to Cyrillic letters, or spaced inside a run of fragments, is tried as each Kazakh letter;
the fragments are joined into the fewest words the Kazakh dictionary knows. A «?» that can
end a question (before a capital letter, at the end of a line, before punctuation, after a
question particle or before a quoting «деген»/«деп») is never taken for a letter, so
«Келесіз бе? Иә» and «Құжат қашан дайын болады? деген сұрағыңызға» are left alone.

Each damaged word costs up to thousands of dictionary look-ups (9 letters per «?»), so a
document has a budget of look-ups: a letter spends a few tens of thousands, a long export whose
every Kazakh letter is lost would spend minutes. Once the budget is spent the remaining damaged
words are not restored one by one; :class:`Stopped` says where they begin and how many there are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from anyq.resources import rules_toml
from anyq.spell.candidates import MAX_WORD_LENGTH
from anyq.text.letters import KAZAKH_LOWER

_SEGMENT = re.compile(r"[\u0400-\u04ff?]+")
_MAX_LOST = 4
# A question quoted in Kazakh is followed by a lower-case form of «де» (say): «…дайын ба?
# деген сұрағыңызға», «…болады? деп сұрапсыз». Not «депутат», «деңгей»: the form is a whole word.
# A question particle standing as a word before the «?»: «…дайын ба?», «…беріле ме?».
# Both lists are in rules/data/kk_grammar.toml.
_KK = rules_toml("kk_grammar.toml")["words"]
_QUOTING_VERB = re.compile(
    "(?:" + "|".join([re.escape(s) + r"\w*" for s in _KK["quoting_verb_stems"]] + [re.escape(w) for w in _KK["quoting_verb"]]) + r")(?![^\W\d_])"
)
_QUESTION_PARTICLE = re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, _KK["question_particles"])) + ")$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Restored:
    start: int
    end: int
    text: str  # the damaged text
    word: str  # the restored word
    alternatives: tuple[str, ...]  # other known restorations (empty when unambiguous)


@dataclass(frozen=True, slots=True)
class Stopped:
    """Restoration stopped at the budget: the first damaged word left and how many are left."""

    start: int
    end: int
    text: str
    remaining: int  # damaged words left unrestored (runs of letters with a lost «?»), this one included


def _question_mark_ends_sentence(text: str, pos: int) -> bool:
    """Is the «?» at ``pos`` followed by what follows a real question mark?"""
    rest = text[pos + 1 : pos + 3]
    if not rest or rest[0] in "\n\r":
        return True
    if rest[0] in " \t\u00a0":
        nxt = rest[1:2]
        if nxt == "?":
            return False  # «Сізді? ?тініші?із»: the next word is damaged too
        if not nxt or not nxt.isalpha() or nxt.isupper():
            return True
        # a lower-case word follows: still a question when it quotes one («болады? деген»)
        # or the word before is a question particle («дайын ба? деп»)
        return bool(_QUOTING_VERB.match(text, pos + 2) or _QUESTION_PARTICLE.search(text, max(0, pos - 3), pos))
    return not rest[0].isalpha()


def _is_segment_char(ch: str) -> bool:
    return ch == "?" or "\u0400" <= ch <= "\u04ff"


def _segment_at(text: str, i: int) -> tuple[int, int]:
    """The segment holding ``text[i]``, a segment character."""
    s = i
    while s > 0 and _is_segment_char(text[s - 1]):
        s -= 1
    m = _SEGMENT.match(text, i)
    assert m is not None
    return s, m.end()


def _segments_near_question_marks(text: str) -> list[tuple[int, int]]:
    """The segments holding a «?» and those one space away from them, in text order. Only
    these can be in a group of :func:`_groups`: two segments are joined only when one of them
    has a «?» next to the space, and a group without a «?» is dropped. (Looking from each «?»
    spares a scan of every word of a letter that has one question mark.)"""
    found: set[tuple[int, int]] = set()
    q = text.find("?")
    while q >= 0:
        s, e = _segment_at(text, q)
        found.add((s, e))
        if s >= 2 and text[s - 1] == " " and _is_segment_char(text[s - 2]):
            found.add(_segment_at(text, s - 2))
        if text[e : e + 1] == " " and _is_segment_char(text[e + 1 : e + 2]):
            found.add(_segment_at(text, e + 1))
        q = text.find("?", e)
    return sorted(found)


def _groups(text: str) -> list[list[tuple[int, int]]]:
    """Runs of segments (Cyrillic letters and «?») joined by single spaces next to a «?»."""
    segs = _segments_near_question_marks(text)
    groups: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    for s, e in segs:
        if cur:
            ps, pe = cur[-1]
            gap = text[pe:s]
            if gap == " " and (text[pe - 1] == "?" or text[s] == "?") and not (
                text[pe - 1] == "?" and _question_mark_ends_sentence(text, pe - 1)
            ):
                cur.append((s, e))
                continue
            groups.append(cur)
        cur = [(s, e)]
    if cur:
        groups.append(cur)
    return [g for g in groups if any("?" in text[s:e] for s, e in g)]


def restore(
    text: str,
    known: Callable[[str], bool],
    frequency: Callable[[str], float],
    is_capitalised: Callable[[str], bool],
    may_start: Callable[[str], bool] = lambda prefix: True,
) -> list[Restored]:
    """Every run of damaged text in ``text`` that restores to known Kazakh words.

    ``known(lower_word)`` is the Kazakh dictionary; ``frequency`` ranks rival restorations;
    ``is_capitalised(lower_word)`` says the dictionary writes the word with a capital (names);
    ``may_start(lower_prefix)`` is False when no known word starts so (a cheap filter: up to
    9⁴ fillings of a word's «?» would each be looked up otherwise).
    """
    return restore_within(text, known, frequency, is_capitalised, may_start)[0]


def restore_within(
    text: str,
    known: Callable[[str], bool],
    frequency: Callable[[str], float],
    is_capitalised: Callable[[str], bool],
    may_start: Callable[[str], bool] = lambda prefix: True,
    budget: int | None = None,
) -> tuple[list[Restored], Stopped | None]:
    """:func:`restore` with at most about ``budget`` calls of ``known`` (None: no limit).

    The budget is checked between damaged words, so a word begun is finished (one word costs at
    most 9⁴ look-ups per way of joining its fragments). What is left is a :class:`Stopped`."""
    out: list[Restored] = []
    seen: dict[str, list[str]] = {}  # a damaged word recurs in a letter, and in a group's joins
    spent = 0

    def counted(word: str) -> bool:
        nonlocal spent
        spent += 1
        return known(word)

    def candidates(piece: str) -> list[str]:
        if piece not in seen:
            seen[piece] = _candidates(piece, counted, frequency, may_start)
        return seen[piece]

    groups = _groups(text)
    for n, group in enumerate(groups):
        if budget is not None and spent >= budget:
            left = [(s, e) for g in groups[n:] for s, e in g if _has_lost_letter(text, s, e)]
            if not left:
                break
            s, e = left[0]
            return out, Stopped(s, e, text[s:e], len(left))
        out += _restore_group(text, group, counted, candidates, is_capitalised)
    return out, None


def _has_lost_letter(text: str, s: int, e: int) -> bool:
    """Does the segment ``text[s:e]`` hold a «?» that is not a real question mark?"""
    return any(text[i] == "?" and not _question_mark_ends_sentence(text, i) for i in range(s, e))


def _candidates(piece: str, known, frequency, may_start) -> list[str]:
    holes = [i for i, ch in enumerate(piece) if ch == "?"]
    if not holes or len(holes) > _MAX_LOST or len(piece) - len(holes) < 1 or len(piece) < 2 or len(piece) > MAX_WORD_LENGTH:
        return []
    chars = list(piece.lower())
    found: list[str] = []

    def fill(n: int) -> None:
        # the holes left to right, in the order of KAZAKH_LOWER (as itertools.product would)
        if n == len(holes):
            w = "".join(chars)
            if known(w):
                found.append(w)
            return
        h = holes[n]
        for ch in KAZAKH_LOWER:
            chars[h] = ch
            if may_start("".join(chars[: h + 1])):
                fill(n + 1)
        chars[h] = "?"

    fill(0)
    found.sort(key=lambda w: -frequency(w))
    return found


def _restore_group(text, group, known, candidates, is_capitalised) -> list[Restored]:
    n = len(group)
    # best[i] = (restored «?» count, −known words swallowed by a join, −pieces, choices) for
    # segments[i:]: restore as many «?» as possible, without gluing a word that stands on its
    # own («Мемлекеттік ? ызмет» is two words), in as few pieces as possible («? аза ? стан»)
    best: list[tuple[int, int, int, list] | None] = [None] * (n + 1)
    best[n] = (0, 0, 0, [])
    whole = [known(text[s:e].lower()) if "?" not in text[s:e] else False for s, e in group]
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, n + 1):
            s, e = group[i][0], group[j - 1][1]
            raw = text[s:e]
            piece = raw.replace(" ", "")
            if j - i > 1 and len(piece) > MAX_WORD_LENGTH:
                break  # no word is this long: joining more fragments cannot restore one
            end = e
            if piece.endswith("?") and _question_mark_ends_sentence(text, e - 1):
                piece, end = piece[:-1], e - 1  # a real question mark: «Келесіз бе? Иә»
            options: list[tuple[int, int, str | None, tuple[str, ...]]] = [(s, e, None, ())]
            cands = candidates(piece)
            if cands:
                options.append((s, end, cands[0], tuple(cands[1:3])))
            elif piece.endswith("?") and "?" in piece[:-1]:
                # the last «?» may be a real question mark: «?аза?стан?»
                inner = candidates(piece[:-1])
                if inner:
                    options.append((s, e - 1, inner[0], tuple(inner[1:3])))
            swallowed = sum(whole[i:j]) if j - i > 1 else 0
            for os_, oe, word, alts in options:
                if word is None and j - i > 1:
                    continue  # unrestored fragments stay as they are, one by one
                tail = best[j]
                assert tail is not None
                gained = text[os_:oe].count("?") if word else 0
                score = (gained + tail[0], tail[1] - (swallowed if word else 0), tail[2] - 1, [(os_, oe, word, alts)] + tail[3])
                if best[i] is None or score[:3] > best[i][:3]:
                    best[i] = score
    out = []
    assert best[0] is not None
    group_start = group[0][0]
    for s, e, word, alts in best[0][3]:
        if not word:
            continue
        raw = text[s:e]
        first = s == group_start
        cased = [_case(raw, w, text, s, is_capitalised, first) for w in (word, *alts)]
        out.append(Restored(s, e, raw, cased[0], tuple(cased[1:])))
    return out


def _case(raw: str, word: str, text: str, start: int, is_capitalised, first_in_group: bool) -> str:
    letters = [ch for ch in raw if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return word.upper()
    if raw[:1].isupper() or is_capitalised(word):
        return word[:1].upper() + word[1:]
    if raw[:1] == "?" and first_in_group:
        # a lost first letter was a capital at the start of a sentence
        before = text[:start].rstrip(" \t\u00a0")
        if not before or before[-1] in ".!\n«\"" or (before[-1] == "?" and not before[-2:-1].isalpha()):
            return word[:1].upper() + word[1:]
    return word
