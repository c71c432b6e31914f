"""Known legal acts (``rules/data/acts.toml``): names, abbreviations, titles, repeals.

The citation parser finds citations by their grammar; this registry only says which act a
name, an abbreviation, a quoted title or a number belongs to.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from anyq.datacache import compiled_patterns
from anyq.engine.literals import Literals, LiteralTest, required_literals_of
from anyq.legal.firstchar import skipping
from anyq.resources import rules_data

# Russian inflection endings stripped from a name's words so one entry matches every case:
# «Земельный кодекс» → «Земельн\w* кодекс\w*» matches «Земельного кодекса», «Земельным кодексом».
_RU_ENDINGS = sorted(
    "ого его ому ему ыми ими ых их ый ий ой ая яя ое ее ые ие ую юю ым им ом ем ей ов ев ам ям ах ях ами ями а я о е ы и у ю ь й".split(),
    key=len,
    reverse=True,
)
# Kazakh: the possessive of the head word («кодексі», «Конституциясы») is dropped; the
# endings that follow it (-нің, -не, -нде …) are matched by the open tail.
_KK_POSSESSIVE = ("сы", "сі", "ы", "і")


def _word_pattern(word: str, lang: str, last: bool) -> str:
    if "«" in word or "»" in word or word.isupper() or len(word) <= 3 or any(c.isdigit() for c in word):
        return re.escape(word)
    if lang == "ru":
        low = word.lower()
        for e in _RU_ENDINGS:
            if low.endswith(e) and len(word) - len(e) >= 4:
                word = word[: -len(e)]
                break
        return re.escape(word).replace("е", "[её]") + r"[а-яё]*"
    if last:
        for e in _KK_POSSESSIVE:
            if word.endswith(e) and len(word) - len(e) >= 4:
                word = word[: -len(e)]
                break
        return re.escape(word) + r"[\w-]*"
    return re.escape(word)


def name_pattern(name: str, lang: str) -> str:
    """A regex for a multi-word name in every case form; words may be split by any spaces."""
    words = name.split()
    parts = [_word_pattern(w, lang, i == len(words) - 1) for i, w in enumerate(words)]
    return r"\s+".join(parts)


def cue_pattern(cue: str, edges: bool = True) -> str:
    """A cue phrase of the lexicons: words separated by spaces (a comma may stand between them),
    «*» = any ending, «..» = up to four words. ``edges=False`` leaves out the word-start check
    (for alternations that check it once for all their cues)."""
    sep = r"[\s,]+"
    out = []
    for w in cue.split():
        if w == "..":
            out.append(r"(?:\S+" + sep + r"){0,4}?")
            continue
        star = w.endswith("*")
        core = re.sub("[её]", "[её]", re.escape(w.rstrip("*")))
        out.append(core + (r"[\w-]*" if star else "") + sep)
    pat = "".join(out)
    pat = pat[: -len(sep)] if pat.endswith(sep) else pat
    return (r"(?<![\w-])" if edges else "") + pat + r"(?![\w-])"


def normalise_title(title: str | None) -> str:
    if not title:
        return ""
    t = title.replace("ё", "е").replace("Ё", "Е")
    t = re.sub(r"[«»\"„“”]", "", t)
    return re.sub(r"\s+", " ", t).strip().casefold()


@dataclass(slots=True)
class Successor:
    cues: list[str]
    text: dict[str, str]
    rx: re.Pattern[str] | None = None


@dataclass(slots=True)
class Act:
    id: str
    type: str
    date: str | None = None
    number: str | None = None
    repealed: str | None = None
    replaced_by: str | None = None
    title: dict[str, str] = field(default_factory=dict)
    short: dict[str, str] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)
    abbreviations: dict[str, list[str]] = field(default_factory=dict)
    successors: list[Successor] = field(default_factory=list)

    def current_norm(self, sentence: str, lang: str) -> str | None:
        """The norm that replaced this repealed act, chosen by what ``sentence`` is about."""
        for s in self.successors:
            if s.rx is None or s.rx.search(sentence):
                return s.text.get(lang) or s.text.get("ru")
        return None


class _NameWords(NamedTuple):
    names: Literals  # a word of any name
    each: list[Literals]  # the words of each name (names needing the same other words together)
    abbreviations: Literals | None


class ActRegistry:
    def __init__(self, acts: list[Act]) -> None:
        self.acts = acts
        self.by_id = {a.id: a for a in acts}
        self._titles: dict[str, Act] = {}
        self._numbers: dict[str, Act] = {}
        for a in acts:
            for t in a.title.values():
                self._titles[normalise_title(t)] = a
            if a.number:
                self._numbers[a.number.upper()] = a
        # one alternation per language of every name and abbreviation, longest first
        self.name_rx: dict[str, re.Pattern[str]] = {}
        self._groups: dict[str, dict[str, Act]] = {}
        sources: list[tuple[str, int]] = []
        for lang in ("ru", "kk"):
            alts: list[tuple[int, str, str, Act]] = []  # names are case-blind, abbreviations not
            for a in acts:
                for n in a.names.get(lang, []):
                    alts.append((len(n), name_pattern(n, lang), "n", a))
                for ab in a.abbreviations.get(lang, []):
                    tail = r"(?:-[а-яәғқңөұүһі]+)?" if lang == "kk" else ""
                    alts.append((len(ab), re.escape(ab) + tail, "a", a))
            alts.sort(key=lambda x: -x[0])
            groups = {f"{kind}{i}": act for i, (_, _, kind, act) in enumerate(alts)}
            self._groups[lang] = groups
            # led by the class of the names' first letters (``firstchar``), so that a search
            # skips at C speed to the next letter a name can start with
            fast = skipping([(pat, kind == "n", True) for _, pat, kind, _ in alts])
            if fast:
                head, parts = fast[0], fast[1]
            else:
                head, parts = r"(?<![\w-])", [f"(?i:{pat})" if kind == "n" else pat for _, pat, kind, _ in alts]
            sources.append((head + "(?:" + "|".join(f"(?P<{g}>{p})" for g, p in zip(groups, parts)) + r")(?![\w])", 0))
        # two long alternations: 0.02 s to compile at every start, ready-made from the data cache
        self.name_rx = dict(zip(("ru", "kk"), compiled_patterns("act-names", sources)))
        self._name_words: dict[str, _NameWords | None] = {lang: self._words_of_names(acts, lang) for lang in ("ru", "kk")}

    @staticmethod
    def _words_of_names(acts: list[Act], lang: str) -> _NameWords | None:
        """What a match of ``name_rx[lang]`` cannot do without: the words of one of the names
        (case-blind, read from each name's pattern: one of its most selective words and one of
        each of its other word sets) or one of the abbreviations (as written). None when some
        name has no such word: then every text is searched."""
        names = compiled_patterns(f"act-names-{lang}", [(name_pattern(n, lang), re.I) for a in acts for n in a.names.get(lang, [])])
        words = required_literals_of(names) if names else []
        if any(w is None for w in words):
            return None
        # names that need the same other words are tested together («Трудовой кодекс»,
        # «Налоговый кодекс»: «трудов» or «налогов», and «код»); a paragraph holding
        # «Республики Казахстан» but no «кодекс» is not searched
        by_more: dict[tuple[tuple[str, ...], ...], list[str]] = {}
        for w in words:
            by_more.setdefault(w.more, []).extend(w.words)  # type: ignore[union-attr]
        tests = [Literals(tuple(dict.fromkeys(ws)), True, more) for more, ws in by_more.items()]
        # first the names' words together: most paragraphs hold none of them
        merged = Literals(tuple(dict.fromkeys(x for w in words for x in w.words)), True)  # type: ignore[union-attr]
        abbreviations = tuple(ab for a in acts for ab in a.abbreviations.get(lang, []))
        return _NameWords(merged, tests, Literals(abbreviations, False) if abbreviations else None)

    def may_name(self, lang: str, test: LiteralTest) -> bool:
        """Could ``name_rx[lang]`` match the text of ``test``? False only when it cannot."""
        words = self._name_words[lang]
        if words is None:
            return True
        if words.names.words and test.holds_any(words.names) and any(test.holds_any(w) for w in words.each):
            return True
        return words.abbreviations is not None and test.holds_any(words.abbreviations)

    def match_name(self, lang: str, text: str, pos: int) -> tuple[re.Match[str], Act, bool] | None:
        """A known act's name or abbreviation starting exactly at ``pos``: (match, act, is_abbreviation)."""
        m = self.name_rx[lang].match(text, pos)
        if not m:
            return None
        g = m.lastgroup or ""
        return m, self._groups[lang][g], g.startswith("a")

    def by_title(self, title: str | None) -> Act | None:
        return self._titles.get(normalise_title(title)) if title else None

    def by_number(self, number: str | None, date: str | None = None) -> Act | None:
        """The act of that number; with the act's date, also a number written without its
        convocation suffix («от 27 ноября 2000 года № 107» for № 107-II)."""
        if not number:
            return None
        act = self._numbers.get(number.upper())
        if act is None and date and number.isdecimal():
            act = next((a for a in self.acts if a.date == date and a.number and a.number.split("-")[0] == number), None)
        return act


@cache
def registry() -> ActRegistry:
    with open(rules_data("acts.toml"), "rb") as fh:
        data = tomllib.load(fh)
    acts = []
    for d in data.get("act", []):
        a = Act(id=d["id"], type=d["type"], date=d.get("date"), number=d.get("number"), repealed=d.get("repealed"), replaced_by=d.get("replaced_by"))
        for lang in ("ru", "kk"):
            part = d.get(lang, {})
            if "title" in part:
                a.title[lang] = part["title"]
            if "short" in part:
                a.short[lang] = part["short"]
            a.names[lang] = list(part.get("names", []))
            a.abbreviations[lang] = list(part.get("abbreviations", []))
        for s in d.get("successor", []):
            a.successors.append(Successor(list(s.get("cues", [])), {k: v for k, v in s.items() if k in ("ru", "kk")}))
        acts.append(a)
    # the successors' cue regexes, compiled together (from the data cache)
    successors = [s for a in acts for s in a.successors if s.cues]
    for s, rx in zip(successors, compiled_patterns("act-successors", [("|".join(cue_pattern(c) for c in s.cues), re.I) for s in successors])):
        s.rx = rx
    return ActRegistry(acts)
