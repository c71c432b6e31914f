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
  not vote, so «ТОО «Құрылыс Сервис»» or «ул. Тәуелсіздік» leave a Russian sentence Russian.

A paragraph with no Cyrillic word is "other" (English, Latin-script text, a line of phone
numbers or e-mail addresses). A paragraph whose votes tie takes the document's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from anyq.nlp.words import WORD
from anyq.text.letters import KAZAKH_LETTERS

RU_ONLY = frozenset("ёъЁЪ")
_KK_LETTER = re.compile("[" + "".join(sorted(KAZAKH_LETTERS)) + "]")
_RU_ONLY = re.compile("[ёъЁЪ]")
_CYR = re.compile(r"[\u0400-\u04ff]")
_LATIN_IN_CYR = re.compile(r"[\u0400-\u04ff][iI]|[iI][\u0400-\u04ff]")
_QUOTED = re.compile(r"«[^«»]*(?:«[^«»]*»[^«»]*)*»|\"[^\"\n]*\"|“[^”\n]*”")
_SENT_END = re.compile(r"[.!?…]\s*$")
_BRACKETED = re.compile(r"\([^()]{3,}\)")
_HALF = "\x01"

# Words both languages use on contact lines («Тел.:», «Факс:», «Телефон:»): they vote for neither.
NEUTRAL = frozenset("тел телефон факс моб e-mail email сайт веб-сайт".split())

RU_FUNCTION = frozenset(
    "и в во на не что с со по для от о об к ко за из у это как но а или же ли бы при до "
    "после также так если чтобы который которая которые которого вы вас вам ваш ваше вашего "
    "мы нас нам наш он она они его ее её их был была было были будет будут есть нет да "
    "уважаемый уважаемая сообщаем просим ответ".split()
)


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    lang: str  # "kk" | "ru" | "other"
    kk: float
    ru: float

    @property
    def decided(self) -> bool:
        return self.lang == "other" or self.kk != self.ru


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


# Where a sentence may end or a line break: a word whose three characters before hold none of
# these cannot start a sentence (unless the previous one did), so most words skip that test.
_MARK = re.compile(r"[\n.!?…]")


def _voters(text: str) -> list[str]:
    """Words that vote: not quoted, not capitalised inside a sentence.

    Abbreviations vote by the language whose table has them («Исп.» ru, «Орынд.» kk).
    """
    ru_abbr, kk_abbr = _abbreviations()
    unquoted = _QUOTED.sub(" ", text)
    brackets = [m.span() for m in _BRACKETED.finditer(unquoted)]
    marks = [m.start() for m in _MARK.finditer(unquoted)]
    marks.append(len(unquoted) + 4)  # a sentinel past every word
    dots = {p for p in marks if unquoted[p : p + 1] == "."}
    mi = 0
    out = []
    sentence_start = True
    prev_word = ""
    for m in WORD.finditer(unquoted):
        start, end = m.span()
        w = m.group()
        lo = start - 3 if start >= 3 else 0
        while marks[mi] < lo:
            mi += 1
        if marks[mi] < start:  # a mark among the three characters before the word
            gap = unquoted[lo:start]
            if "\n" in gap:
                sentence_start = True
            elif prev_word and _SENT_END.search(gap):
                # a full stop after an abbreviation or an initial does not end the sentence
                p = prev_word.lower() + "."
                sentence_start = not (gap.rstrip().endswith(".") and (p in ru_abbr or p in kk_abbr or len(prev_word) == 1))
        cls = _word_class(w)
        if cls:
            if end in dots and not (len(w) == 1 and w.isupper()):
                a = w.lower() + "."
                if a in ru_abbr and a in kk_abbr:
                    out.append("\x00both")  # «Тел.»: shared by both languages, votes for neither
                    sentence_start = False
                    prev_word = w
                    continue
                if (a in ru_abbr) != (a in kk_abbr):
                    out.append("\x00ru" if a in ru_abbr else "\x00kk")
                    sentence_start = False
                    prev_word = w
                    continue
            if cls == 2 and (not sentence_start or (not any(ch in KAZAKH_LETTERS for ch in w) and _is_name(w))):
                pass  # names of people, places and bodies do not vote
            elif brackets and any(a <= start < b for a, b in brackets):
                out.append(_HALF + w)  # a bracketed aside (often a translation) counts half
            else:
                out.append(w)
        sentence_start = False
        prev_word = w
    return out


@lru_cache(maxsize=100_000)
def _cheap_votes(w: str) -> tuple[float, float] | None:
    """Votes that need no dictionary; None when only the dictionaries can tell (cached per
    word: every paragraph of every letter is voted on)."""
    if w.startswith("\x00"):
        return {"\x00kk": (1.0, 0.0), "\x00ru": (0.0, 1.0)}.get(w, (0.0, 0.0))
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
    return [w for w in WORD.findall(text) if _cyrillic_word(w)]


def detect(text: str) -> LanguageGuess:
    # Every voter is a Cyrillic word of the text, so the full word list is read only when
    # there is no voter (is there a Cyrillic word at all? let the names vote) or no vote.
    voters = _voters(text)
    words: list[str] | None = None
    if not voters:
        words = _cyrillic_words(text)
        if not words:
            return LanguageGuess("other", 0.0, 0.0)
        voters = [w for w in words if not (w[:1].isupper() and _is_name(w))]
    kk = ru = 0.0
    undecided: list[str] = []
    for w in voters:
        if w[0] == _HALF:
            v = _cheap_votes(w[1:])
            if v is None:
                undecided.append(w)
            else:
                kk += 0.5 * v[0]
                ru += 0.5 * v[1]
            continue
        v = _cheap_votes(w)  # a whole vote: ``1.0 * x`` is ``x``, so it is added as it is
        if v is None:
            undecided.append(w)
        else:
            kk += v[0]
            ru += v[1]
    # Letters and function words usually settle it. Dictionaries are asked only when they
    # could still change the outcome; a paragraph with no Kazakh evidence whose every word
    # Russian morphology knows is Russian without loading the Kazakh lexicon at all. Not when
    # a Kazakh letter stands anywhere in it, quotes included: in «Астана қаласы … бөлімі» ММ
    # the one voter «ММ» is a word both lexicons know, which is no vote at all.
    if abs(kk - ru) <= len(undecided):
        if kk == 0.0 and undecided and not _KK_LETTER.search(text) and all(_ru_known(w.lstrip(_HALF).lower()) for w in undecided):
            ru += len(undecided)
        else:
            for w in undecided:
                weight = 0.5 if w.startswith(_HALF) else 1.0
                a, b = _word_votes(w.lstrip(_HALF))
                kk += weight * a
                ru += weight * b
    if kk == ru == 0.0:
        # everything was a name or a quote: let them vote after all
        for w in words if words is not None else _cyrillic_words(text):
            a, b = _word_votes(w)
            kk += a
            ru += b
    if kk == ru == 0.0 and all(w == "\x00both" or w.lstrip(_HALF).lower() in NEUTRAL or len(w.lstrip(_HALF)) < 2 for w in voters):
        # only shared abbreviations and contact words («Тел.:», «Факс:»), numbers and codes
        return LanguageGuess("other", 0.0, 0.0)
    if kk > ru:
        return LanguageGuess("kk", kk, ru)
    if ru > kk:
        return LanguageGuess("ru", kk, ru)
    # a tie: Kazakh letters anywhere decide, else Russian (the caller may use the document's)
    lang = "kk" if any(ch in KAZAKH_LETTERS for ch in text) else "ru"
    return LanguageGuess(lang, kk, ru)


def assign_languages(texts: list[str], forced: str | None = None) -> list[str]:
    """Language per paragraph; undecided paragraphs take the document's majority."""
    if forced in ("kk", "ru"):
        return [forced if detect(t).lang != "other" else "other" for t in texts]
    guesses = [detect(t) for t in texts]
    weight = {"kk": 0.0, "ru": 0.0}
    for g in guesses:
        if g.lang in weight and g.decided:
            weight[g.lang] += abs(g.kk - g.ru)
    majority = "kk" if weight["kk"] > weight["ru"] else "ru" if weight["ru"] > 0 else None
    return [g.lang if g.decided or majority is None else majority for g in guesses]
