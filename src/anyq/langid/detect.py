"""Is a paragraph Kazakh, Russian, or neither?

Most Kazakh text carries one of its own letters (ә ғ қ ң ө ұ ү һ і), but short lines
(«Жауап берілді»? — that has і; «Мекенжай: Абай көшесі» has ш only in common) and Russian
text quoting Kazakh names break a letters-only rule. So every word votes:

- a word with a Kazakh-specific letter (or a Latin «i» inside a Cyrillic word, the commonest
  damage of Kazakh text) votes Kazakh, strongly;
- otherwise a word known to pymorphy3's Russian dictionary but not to our Kazakh lexicon and
  stemmer votes Russian, the reverse votes Kazakh, and function words of either language
  weigh extra;
- capitalised words inside a sentence (names, places, bodies) and anything in quotes do
  not vote, so «ТОО «Құрылыс Сервис»» or «ул. Тәуелсіздік» leave a Russian sentence Russian;
  nor does a Kazakh name of a body or place written without quotes, a capitalised word and the
  words up to a head noun a name ends on («Ауыл шаруашылығы министрлігі разъясняет…»).

A paragraph with no Cyrillic word is "other" (English, Latin-script text, a line of phone
numbers or e-mail addresses). A paragraph whose votes tie takes the document's language.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from anyq.resources import rules_toml, rules_words
from anyq.text.letters import KAZAKH_LETTERS

RU_ONLY = frozenset("ёъЁЪ")
_KK_LETTER = re.compile("[" + "".join(sorted(KAZAKH_LETTERS)) + "]")
_RU_ONLY = re.compile("[ёъЁЪ]")
_CYR = re.compile(r"[\u0400-\u04ff]")
_LATIN_IN_CYR = re.compile(r"[\u0400-\u04ff][iI]|[iI][\u0400-\u04ff]")
_QUOTED = re.compile(r"«[^«»]*(?:«[^«»]*»[^«»]*)*»|\"[^\"\n]*\"|“[^”\n]*”")
_BRACKETED = re.compile(r"\([^()]{3,}\)")
_HALF = "\x01"
_NAME_AT_START = "\x02"  # a capitalised word with a Kazakh letter that starts a sentence

# Words both languages use on contact lines («Тел.:», «Факс:», «Телефон:»): they vote for neither.
NEUTRAL = frozenset(rules_toml("ru_grammar.toml")["contact_labels"])

# Russian function words: they vote for Russian though they have no Russian-only letter
RU_FUNCTION = frozenset(rules_words("ru_function_words.txt"))


@cache
def _name_heads() -> frozenset[str]:
    """The head nouns Kazakh names of bodies and places end on (rules/data/kk_name_heads.txt)."""
    return frozenset(rules_words("kk_name_heads.txt"))


@cache
def _kazakh_names() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where a Kazakh name of a body or place may stand: a capitalised word, then up to
    ``_NAME_WORDS`` - 1 words joined by spaces or hyphens, then a head noun such names end on
    (``_name_heads``: «министрлігі», «бөлімі», «әкімдігі»). It is run only on a stretch of text
    with a head among its words; ``_blank_kazakh_names`` then reads each candidate's words. The second
    pattern is the part after the capitalised word: a name may go on past its first head
    («Алматы облысы әкімдігі»)."""
    heads = sorted(_name_heads(), key=len, reverse=True)
    upper = "".join(sorted(c for c in KAZAKH_LETTERS if c.isupper()))
    tail = f"(?:[ -][^\\W\\d_]+){{0,{_NAME_WORDS - 1}}}?[ -](?:" + "|".join(map(re.escape, heads)) + r")(?![^\W\d_])"
    return re.compile(f"[A-ZА-ЯЁ{upper}][^\\W\\d_]*" + tail), re.compile(tail)


_NAME_WORD = re.compile(r"[^\W\d_]+")
_NAME_WORDS = 7  # words a name may have before its head («Еңбек және халықты әлеуметтік қорғау»)


def _kazakh_name_word(word: str) -> bool:
    """Can ``word`` be inside a Kazakh name: a word in lower case with a Kazakh letter, or
    one of our lexicon's words that is no Russian function word («облысы», «ел», «және»)?"""
    return not word[0].isupper() and word not in RU_FUNCTION and (
        _KK_LETTER.search(word) is not None or word in _kk_function_words() or _kk_known(word)
    )


def _blank_kazakh_names(text: str) -> str:
    """``text`` with Kazakh names of bodies and places blanked out: a head noun and the words
    before it back to a capitalised one, each joined to the next by a space or hyphen and each
    Kazakh (a Kazakh letter, or a word of our lexicon and not a Russian function word). Inside
    a Russian sentence such a name is as foreign as a quoted one, and its Kazakh letters
    outvoted a short sentence's Russian words («Ваше обращение рассмотрено Жер қатынастары
    бөлімі»). In a Kazakh paragraph the rest still votes Kazakh, and a line that is nothing but
    a name lets it vote after all (``detect``)."""
    names, tail = _kazakh_names()
    spans: list[tuple[int, int]] = []
    for m in names.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue  # inside a name that went on past its first head
        words = [*_NAME_WORD.finditer(m.group())]
        nxt = words[-1].start()  # the head's; the walk goes back from the word before it
        for w in reversed(words[:-1]):
            if m.group()[w.end() : nxt] not in (" ", "-"):
                break
            word = w.group()
            if word[0].isupper():
                end = m.end()
                while (t := tail.match(text, end)) is not None and all(map(_kazakh_name_word, _NAME_WORD.findall(t.group())[:-1])):
                    end = t.end()
                spans.append((m.start() + w.start(), end))
                break
            if not _kazakh_name_word(word):
                break
            nxt = w.start()
    if not spans:
        return text
    out: list[str] = []
    at = 0
    for a, b in spans:
        out += (text[at:a], " " * (b - a))
        at = b
    out.append(text[at:])
    return "".join(out)


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    lang: str  # "kk" | "ru" | "other"
    kk: float
    ru: float
    # only names voted (``detect``: a signature or contact line «А.Б. Сейтқали, тел.: …»): the
    # lead says which letters the names have, not which language the line is in
    names_only: bool = False

    @property
    def decided(self) -> bool:
        return self.lang == "other" or (self.kk != self.ru and not self.names_only)


@cache
def _kk_function_words() -> frozenset[str]:
    from anyq.nlp.kazakh import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=100_000)
def _ru_known(word: str) -> bool:
    from anyq.nlp.morph_ru import morphology

    return morphology().is_known(word)


@lru_cache(maxsize=100_000)
def _kk_known(word: str) -> bool:
    from anyq.nlp.stem_kk import stemmer

    s = stemmer()
    return word in s.lex.words or s.analyse_own(word).known


@cache
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    from anyq.nlp.abbreviations import abbreviations

    ru = {k.lower() for k in abbreviations("ru")}
    kk = {k.lower() for k in abbreviations("kk")}
    return frozenset(ru), frozenset(kk)


@lru_cache(maxsize=50_000)
def _is_name(word: str) -> bool:
    """pymorphy3 takes a capitalised word for a first name, surname or patronymic."""
    from anyq.nlp.morph_ru import morphology

    tag = morphology().analyzer.parse(word)[0].tag
    return bool({"Name", "Surn", "Patr"} & tag.grammemes)


def _capitals(w: str) -> bool:
    """An abbreviation in capitals: two to four letters («ГУ», «ТОО», «ГККП»); not an initial,
    nor a heading word, which is longer («ОТВЕТ», «ЖАУАП», «УВЕДОМЛЕНИЕ») and still votes."""
    return 1 < len(w) < 5 and w.isupper()


@lru_cache(maxsize=100_000)
def _cyrillic_word(w: str) -> bool:
    """A Cyrillic word, or one with a Latin «i» typed inside Cyrillic: the words that vote
    (cached: the same words recur in every letter)."""
    return _CYR.search(w) is not None or _LATIN_IN_CYR.search(w) is not None


@lru_cache(maxsize=100_000)
def _word_class(w: str) -> int:
    """0: no voter (not Cyrillic); 1: a Cyrillic word in lower case; 2: a capitalised one."""
    if not _cyrillic_word(w):
        return 0
    return 2 if w[0].isupper() else 1


# Where a sentence may end, and line breaks: «\n», «.», «!», «?», «…». A word starts a sentence
# only with one of these among the three characters before it, and only a word right before a
# full stop can be an abbreviation: so the text is read in the stretches between marks, and
# only the words at either end of a stretch are looked at one by one. (The stretches are cut
# with ``str.split`` after turning every mark into a full stop, which leaves the text's length
# and its stretches as they were: a regex split tests every character against the set of marks
# and costs several times more.)
# The words of a stretch are read as runs of words joined by single spaces and split with
# ``str.split``: the regex engine sets up (and allocates) its state for every match, so one
# match per run costs far fewer instructions than one per word. A space is never inside a
# word, so the runs' words are exactly ``anyq.nlp.words.WORD.findall``'s. The repeats are
# greedy, not possessive: Python 3.11.2 (Debian 12's) gives a possessive repeat of the group a
# half-matched last round («жылғы » with its space), a bug later releases fixed.
_WORD_RUN = re.compile(r"[^\W\d_]+(?:[-'’ ][^\W\d_]+)*")
# The same runs for a text whose letters are all below U+0530 (Latin, Greek, Cyrillic and
# their extensions), with those letters listed: a class of listed characters is one bitmap
# lookup per character, while ``[^\W\d_]`` asks the Unicode database twice for every
# character (alphanumeric? a digit?), which made the word runs a quarter of the work here.
# The list is ``[^\W\d_]`` below U+0530 («²», «½» are letters to it), read from this Python's
# Unicode database at import (1,328 characters: well under a millisecond). A text with a letter
# beyond (``_HIGH_LETTER``: Arabic, Georgian, the ligature «ﬁ» of a PDF, none in our letters)
# is read with ``_WORD_RUN``.


def _letter_class_below(limit: int) -> str:
    """The characters below ``limit`` that ``[^\\W\\d_]`` matches, as class ranges."""
    letter = re.compile(r"[^\W\d_]").match
    codes = [c for c in range(limit) if letter(chr(c))]
    runs: list[list[int]] = []
    for c in codes:
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in runs)


_LOW_LETTERS = _letter_class_below(0x530)
_LOW_WORD_RUN = re.compile(f"[{_LOW_LETTERS}]+(?:[-'’ ][{_LOW_LETTERS}]+)*")
_HIGH_LETTER = re.compile(r"[^\x00-\u052f\W\d_]")
# Without a hyphen or apostrophe in the stretch, its words are the runs of letters and spaces
# split at white space (``str.split()`` drops the spaces at a run's ends): one repeat of one
# class, which the regex engine counts in a tight loop, where ``_LOW_WORD_RUN`` enters its
# group once per word.
_LETTER_RUN = re.compile(f"[{_LOW_LETTERS}][{_LOW_LETTERS} ]*")


def _starts_sentence(text: str, start: int, prev_word: str, abbr: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Does the word at ``start`` (not the paragraph's first) begin a sentence? Only the three
    characters before it count: a line break, or a sentence end («.», «!», «?» or «…» with
    only white space after it) that is not the full stop of an abbreviation or an initial."""
    gap = text[start - 3 if start >= 3 else 0 : start]
    if "\n" in gap:
        return True
    gap = gap.rstrip()
    if not gap or gap[-1] not in ".!?…":
        return False
    p = prev_word.lower() + "."
    return not (gap[-1] == "." and (p in abbr[0] or p in abbr[1] or len(prev_word) == 1))


def _voter(w: str, sentence_start: bool, dotted: bool, abbr: tuple[frozenset[str], frozenset[str]]) -> str | None:
    """How the word ``w`` votes: itself, an abbreviation's language marker, or None (no vote).

    Abbreviations vote by the language whose table has them («Исп.» ru, «Орынд.» kk)."""
    cls = _word_class(w)
    if not cls:
        return None
    if dotted and len(w) == 1 and w.isupper():
        return None  # an initial: «А.Б. Сейтқали» has no word «а», nor «К.» a «к»
    if dotted:
        a = w.lower() + "."
        ru, kk = a in abbr[0], a in abbr[1]
        if ru and kk:
            return "\x00both"  # «Тел.»: shared by both languages, votes for neither
        if ru != kk:
            return "\x00ru" if ru else "\x00kk"
    if cls == 2 and (not sentence_start or (KAZAKH_LETTERS.isdisjoint(w) and (_is_name(w) or _capitals(w)))):
        # names of people, places and bodies do not vote, nor does an abbreviation in capitals
        # that starts a sentence, as it would not inside one: the letterhead «ГУ «Отдел …»» was
        # Kazakh, «гу» being a Kazakh verb
        return None
    if cls == 2 and _KK_LETTER.search(w) is not None:
        # at a sentence start a name votes too: its Kazakh letters count as one word, not two,
        # or «Шұғыла жалуется.», «Өскемен отказал.» were Kazakh (now a tie: the document's)
        return _NAME_AT_START + w
    return w


class _Memo(dict):
    """A per-string cache of ``fn``, read as a dict: cheaper than an ``lru_cache`` call, and
    usable with C-level ``map`` (bounded with the vote tables, see ``_bound_caches``)."""

    __slots__ = ("fn",)

    def __init__(self, fn) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, k: str):
        v = self[k] = self.fn(k)
        return v


# ``_voter`` of a word that starts a sentence, and of one before a full stop
_AT_START = _Memo(lambda w: _voter(w, True, False, _abbreviations()))
_BEFORE_DOT = _Memo(lambda w: _voter(w, False, True, _abbreviations()))


def _voters(text: str) -> tuple[list[str], list[str]]:
    """Words that vote: not quoted, not capitalised inside a sentence.

    Returns the voters looked at one by one (sentence starts, abbreviations, words in a
    bracketed aside, which count half: ``_HALF`` + word), and the plain words: every other word,
    whose vote depends on the word alone (``_PLAIN_VOTES``; a capitalised or non-Cyrillic one
    there does not vote).
    """
    abbr = _abbreviations()
    unquoted = _QUOTED.sub(" ", text) if "«" in text or '"' in text or "“" in text else text
    # nor do Kazakh names of bodies and places: looked for only in a stretch with a head noun
    names = _name_heads() if _KK_LETTER.search(unquoted) is not None else None
    brackets = [m.span() for m in _BRACKETED.finditer(unquoted)] if "(" in unquoted else []
    low = _HIGH_LETTER.search(unquoted) is None
    word_runs = _LOW_WORD_RUN.findall if low else _WORD_RUN.findall
    special: list[str] = []
    plain: list[str] = []
    prev_word = ""  # the last word read, of any kind
    pos = 0
    for chunk in unquoted.replace("\n", ".").replace("!", ".").replace("?", ".").replace("…", ".").split("."):
        end = pos + len(chunk)  # where the mark after this stretch stands
        if not chunk:
            words = None
        elif low and "-" not in chunk and "'" not in chunk and "’" not in chunk:
            words = " ".join(_LETTER_RUN.findall(chunk)).split()
        else:
            runs = word_runs(chunk)
            words = " ".join(runs).split(" ") if runs else None
        if names is not None and words and not names.isdisjoint(words):
            chunk = _blank_kazakh_names(chunk)  # as long as it was: positions stay
            runs = word_runs(chunk)
            words = " ".join(runs).split(" ") if runs else None
        if not words:
            pos = end + 1
            continue
        last = len(words) - 1
        dotted = unquoted[end : end + 1] == "." and chunk.endswith(words[last])
        w = words[0]
        lo = 2 if last and len(w) == 1 and words[1][0].isupper() else 1 if w[0].isupper() else 0
        spans = [(a - pos, b - pos) for a, b in brackets if a < end and pos < b] if brackets else None
        if spans:
            # a stretch touching a bracketed aside: word by word, each word's voter at half
            # weight when it starts inside (an abbreviation's vote stays whole)
            at = 0
            for k, w in enumerate(words):
                at = chunk.find(w, at)
                half = False
                for a, b in spans:
                    if a <= at < b:
                        half = True
                        break
                if k < lo and w[0].isupper() and (not prev_word or (at < 3 and _starts_sentence(unquoted, pos + at, prev_word, abbr))):
                    v = _voter(w, True, dotted and k == last, abbr)
                elif dotted and k == last:
                    v = _BEFORE_DOT[w]
                else:
                    plain.append(_HALF + w if half else w)
                    v = None
                if v is not None:
                    special.append(_HALF + v if half and v[0] != "\x00" else v)
                prev_word = w
                at += len(w)
            pos = end + 1
            continue
        # A capitalised word among the three characters after the mark may start a sentence:
        # the first word, or the second after a one-letter first («\nи Вы»). Only those and the
        # word before a full stop are looked at one by one.
        at = 0
        for k in range(lo):
            w = words[k]
            at = chunk.find(w, at)
            if w[0].isupper() and (not prev_word or (at < 3 and _starts_sentence(unquoted, pos + at, prev_word, abbr))):
                v = _voter(w, True, True, abbr) if dotted and k == last else _AT_START[w]
                if v is not None:
                    special.append(v)
            elif dotted and k == last:
                v = _BEFORE_DOT[w]
                if v is not None:
                    special.append(v)
            else:
                plain.append(w)  # not a sentence start: votes as a plain word
            prev_word = w
            at += len(w)
        if dotted and last >= lo:
            plain += words[lo:last]
            v = _BEFORE_DOT[words[last]]
            if v is not None:
                special.append(v)
        elif lo:
            plain += words[lo:]
        else:
            plain += words
        prev_word = words[last]
        pos = end + 1
    return special, plain


class _Votes(dict):
    """Cheap votes per string, read with C-level ``map``: ``complex(kk, ru)``, so that one
    ``sum`` adds both. A string only the dictionaries can place votes 0 here and is in
    ``undecided``. ``plain``: the table of plain words, where only a Cyrillic word in lower
    case votes; otherwise of the voters ``_voters`` looked at one by one (``_HALF`` + word:
    half a vote)."""

    def __init__(self, plain: bool) -> None:
        super().__init__()
        self.plain = plain
        self.undecided: set[str] = set()

    def __missing__(self, w: str) -> complex:
        v = 0j
        half = w[0] == _HALF
        word = w[1:] if half else w
        if not self.plain or _word_class(word) == 1:
            c = _cheap_votes(word)
            if c is None:
                self.undecided.add(w)
            elif half:
                v = complex(0.5 * c[0], 0.5 * c[1])
            else:
                v = complex(*c)
        self[w] = v
        return v


_PLAIN_VOTES = _Votes(plain=True)
_VOTER_VOTES = _Votes(plain=False)
# bound once: ``detect`` reads them for every paragraph
_plain_vote, _plain_undecided = _PLAIN_VOTES.__getitem__, _PLAIN_VOTES.undecided.__contains__
_voter_vote, _voter_undecided = _VOTER_VOTES.__getitem__, _VOTER_VOTES.undecided.__contains__
# ``_ru_known`` of an undecided voter (``_HALF`` + word too)
_RU_KNOWN = _Memo(lambda w: _ru_known(w.lstrip(_HALF).lower()))


def _bound_caches() -> None:
    """Keep the per-string tables bounded like the other per-word caches (between paragraphs:
    a paragraph's words must stay in them while it is voted on)."""
    if len(_PLAIN_VOTES) + len(_VOTER_VOTES) + len(_RU_KNOWN) + len(_AT_START) + len(_BEFORE_DOT) >= 100_000:
        for t in (_PLAIN_VOTES, _VOTER_VOTES):
            t.clear()
            t.undecided.clear()
        for m in (_RU_KNOWN, _AT_START, _BEFORE_DOT):
            m.clear()


@lru_cache(maxsize=100_000)
def _cheap_votes(w: str) -> tuple[float, float] | None:
    """Votes that need no dictionary; None when only the dictionaries can tell (cached per
    word: every paragraph of every letter is voted on)."""
    if w.startswith("\x00"):
        return {"\x00kk": (1.0, 0.0), "\x00ru": (0.0, 1.0)}.get(w, (0.0, 0.0))
    if w[0] == _NAME_AT_START:
        return 1.0, 0.0
    if w.lower() in NEUTRAL:
        return 0.0, 0.0
    if _KK_LETTER.search(w) or _LATIN_IN_CYR.search(w):
        return 2.0, 0.0
    if _RU_ONLY.search(w):
        return 0.0, 1.5
    lw = w.lower()
    if lw in RU_FUNCTION:
        return 0.0, 1.5
    if lw in _kk_function_words():
        return 1.5, 0.0
    if len(lw) < 2:
        return 0.0, 0.0
    return None


def _word_votes(w: str) -> tuple[float, float]:
    cheap = _cheap_votes(w)
    if cheap is not None:
        return cheap
    lw = w.lower()
    kk = ru = 0.0
    rk, kn = _ru_known(lw), _kk_known(lw)
    if rk and not kn:
        ru += 1.0
    elif kn and not rk:
        kk += 1.0
    return kk, ru


def _cyrillic_words(text: str) -> list[str]:
    runs = _WORD_RUN.findall(text)
    return [*filter(_cyrillic_word, " ".join(runs).split(" "))] if runs else []


def _all_voters(special: list[str], plain: list[str]) -> list[str]:
    """The voters of ``_voters``' two lists: of the plain words, Cyrillic ones in lower case."""
    return special + [w for w in plain if _word_class(w.lstrip(_HALF)) == 1]


# A frozen dataclass's ``__init__`` costs a dozen Python calls; guesses are immutable values,
# so equal ones are shared (bounded).
_guess = lru_cache(maxsize=4096)(LanguageGuess)


def detect(text: str) -> LanguageGuess:
    _bound_caches()
    special, plain = _voters(text)
    # votes are multiples of 1/4: the sums are exact in any order
    v = sum(map(_plain_vote, plain), 0j) + sum(map(_voter_vote, special), 0j)
    kk, ru = v.real, v.imag
    if abs(kk - ru) > len(plain) + len(special):
        # a lead no dictionary can overturn (each word adds at most one vote there): the
        # undecided words are not even listed (in a Kazakh paragraph, often)
        return _guess("kk" if kk > ru else "ru", kk, ru)
    undecided = [*filter(_plain_undecided, plain), *filter(_voter_undecided, special)]
    voters: list[str] | None = None  # all of them, only wanted when nothing voted
    words: list[str] | None = None
    if kk == ru == 0.0 and not undecided:
        # Every voter is a Cyrillic word of the text, so the full word list is read only when
        # there is no voter (is there a Cyrillic word at all? let the names vote) or no vote.
        voters = _all_voters(special, plain)
        if not voters:
            words = _cyrillic_words(text)
            if not words:
                return _guess("other", 0.0, 0.0)
            # initials do not vote (``_voter``), and names' votes decide nothing (below)
            voters = [w for w in words if not (w[:1].isupper() and (len(w) == 1 or _is_name(w)))]
            for w in voters:
                c = _cheap_votes(w)
                if c is None:
                    undecided.append(w)
                else:
                    kk += c[0]
                    ru += c[1]
    # Letters and function words usually settle it. Dictionaries are asked only when they
    # could still change the outcome; a paragraph with no Kazakh evidence whose every word
    # Russian morphology knows is Russian without loading the Kazakh lexicon at all. Not when
    # a Kazakh letter stands anywhere in it, quotes included: in «Астана қаласы … бөлімі» ММ
    # the one voter «ММ» is a word both lexicons know, which is no vote at all.
    if abs(kk - ru) <= len(undecided):
        if kk == 0.0 and undecided and not _KK_LETTER.search(text) and all(map(_RU_KNOWN.__getitem__, undecided)):
            ru += len(undecided)
        else:
            for w in undecided:
                weight = 0.5 if w.startswith(_HALF) else 1.0
                a, b = _word_votes(w.lstrip(_HALF))
                kk += weight * a
                ru += weight * b
    # Only capitalised words inside a sentence voted (the words of a quote are in lower case
    # mostly): names, whose letters do not tell the line's language (``LanguageGuess.names_only``)
    names_only = words is not None and voters is not None and all(w[:1].isupper() for w in voters)
    if kk == ru == 0.0:
        # everything was a name or a quote: let them vote after all, but not the initials
        # («А.» is no Russian «а»)
        names_only = True
        for w in words if words is not None else _cyrillic_words(text):
            if len(w) == 1 and w.isupper():
                continue
            a, b = _word_votes(w)
            kk += a
            ru += b
            if (a or b) and not w[0].isupper():
                names_only = False
    if kk == ru == 0.0:
        if voters is None:
            voters = _all_voters(special, plain)
        if words and not voters:
            # names alone («Тулегенову А. М.», an addressee or signature line): no language of
            # their own, so the document's (a tie), as for «А.Б. Сейтқали, тел.: …»
            names_only = True
        elif all(w == "\x00both" or w.lstrip(_HALF).lower() in NEUTRAL or len(w.lstrip(_HALF)) < 2 for w in voters):
            # only shared abbreviations and contact words («Тел.:», «Факс:»), numbers and codes
            return _guess("other", 0.0, 0.0)
    if kk > ru:
        return _guess("kk", kk, ru, names_only)
    if ru > kk:
        return _guess("ru", kk, ru, names_only)
    # a tie: Kazakh letters anywhere decide, else Russian (the caller may use the document's)
    lang = "kk" if not KAZAKH_LETTERS.isdisjoint(text) else "ru"
    return _guess(lang, kk, ru)


# A paragraph's guess, kept for ``language_runs``, which the runner asks right after
# ``assign_languages`` has read the same paragraphs: they are read once.
_paragraph_guess = lru_cache(maxsize=1024)(detect)


def assign_languages(texts: list[str], forced: str | None = None) -> list[str]:
    """Language per paragraph; undecided paragraphs take the document's majority."""
    if forced in ("kk", "ru"):
        return [forced if detect(t).lang != "other" else "other" for t in texts]
    guesses = [_paragraph_guess(t) for t in texts]
    weight = {"kk": 0.0, "ru": 0.0}
    for g in guesses:
        if g.lang in weight and g.decided:
            weight[g.lang] += abs(g.kk - g.ru)
    majority = "kk" if weight["kk"] > weight["ru"] else "ru" if weight["ru"] > 0 else None
    return [g.lang if g.decided or majority is None else majority for g in guesses]


# « / » between the two languages' versions of one line or sentence: «Бөлім басшысы /
# Руководитель отдела», «Шағым беру мерзімі – үш ай. / Срок обжалования – три месяца.»
_SLASH = re.compile(r"\s/\s")


def language_runs(text: str) -> list[tuple[int, int, str]] | None:
    """A paragraph that gives one text in both languages on either side of « / » (outside
    quotes): its runs (start, end, language), the parts of one language joined; None when it
    is of one language. Each part is identified alone, without its quotations, and decides
    only when all its votes go one way: a part that does not (a number, a name, a quoted term
    in a sentence of another language) goes with the part before it, the first with the next.
    Only parts that are Kazakh and Russian on their own words make runs, so a «и / или» or a
    «№ 3Т-0042 / 12.03.2024» stays one paragraph."""
    runs = _runs(text, _SLASH, 0.0) if "/" in text else None
    if runs is not None or not _SENTENCE_END_IN.search(text):
        return runs
    # without « / », sentences in two languages run on in one paragraph: only sentences of
    # several words (``_SENTENCE_VOTES``), at most a fifth of whose votes go the other way
    # (Russian «он» in Kazakh «он күн»), are cut apart; read only when the paragraph as a
    # whole has that many votes for each language
    g = _paragraph_guess(text)
    return _runs(text, _SENTENCE_END, _SENTENCE_VOTES) if min(g.kk, g.ru) >= _SENTENCE_VOTES else None


# a sentence's end before a capital: where a paragraph may change language
_BEFORE_CAPITAL = r"\s+(?=[«\"]?[A-ZА-ЯЁ" + "".join(sorted(c for c in KAZAKH_LETTERS if c.isupper())) + "])"
_SENTENCE_END = re.compile(r"(?<=[.!?…])" + _BEFORE_CAPITAL)
# whether there is one: the mark taken first (the search skips at C speed to the next one,
# where the look-behind was tried at every position)
_SENTENCE_END_IN = re.compile(r"[.!?…]" + _BEFORE_CAPITAL)
_SENTENCE_VOTES = 4.0  # two words with a language's letters, or four its dictionary knows


def _runs(text: str, cut: re.Pattern[str], votes: float) -> list[tuple[int, int, str]] | None:
    """``language_runs`` at the cuts ``cut`` finds; a part decides with at least ``votes``, and
    a sentence (``votes`` > 0) with a fifth of them the other way."""
    cuts = [*cut.finditer(text)]
    if not cuts:
        return None
    # quotations come in order and apart: each cut is looked up by bisection, not against all
    # of them (a long paragraph of quoted sentences made that quadratic)
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    starts = [a for a, _ in quoted]
    cuts = [m for m in cuts if not ((i := bisect_right(starts, m.start()) - 1) >= 0 and m.start() < quoted[i][1])]
    bounds = [0, *(x for m in cuts for x in m.span()), len(text)]
    parts: list[tuple[int, int, str | None]] = []
    for a, b in zip(bounds[::2], bounds[1::2]):
        g = detect(_QUOTED.sub(" ", text[a:b]))
        lead, other = max(g.kk, g.ru), min(g.kk, g.ru)
        clear = g.decided and g.lang in ("kk", "ru") and lead >= votes and other <= (lead / 5 if votes else 0.0)
        parts.append((a, b, g.lang if clear else None))
    if {l for _, _, l in parts} - {None} != {"kk", "ru"}:
        return None
    runs: list[list] = []
    pending = 0  # where the leading undecided parts began
    for a, b, l in parts:
        if l is None and runs:
            runs[-1][1] = b
        elif l is None:
            continue
        elif runs and runs[-1][2] == l:
            runs[-1][1] = b
        else:
            runs.append([pending if not runs else a, b, l])
    return [(a, b, l) for a, b, l in runs]
