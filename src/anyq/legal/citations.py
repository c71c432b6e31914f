"""Citations of legal norms in Russian and Kazakh, parsed by their grammar.

Russian writes the smallest unit first and the act last, in the genitive:

    подпункту 1) пункта 1 статьи 67 Закона Республики Казахстан «О жилищных отношениях»
    от 16 апреля 1997 года № 94-I          пп. 3) п. 2 ст. 43 ЗК РК          ч. 2 ст. 7

Kazakh writes the act first and chains the units with possessive and genitive endings:

    «Тұрғын үй қатынастары туралы» Қазақстан Республикасының 1997 жылғы 16 сәуірдегі № 94-I
    Заңының 67-бабы 1-тармағының 1) тармақшасына          ҚР ӘРПК 91-б. 1-т.

So the Russian parser reads a chain of locators (подпункт, пункт, часть, статья, in any
order) and then an act; the Kazakh parser finds the act's head word (Заң, Кодекс, a known
name, Қағидалар, бұйрық, қаулы), extends it to the left over the title, «Қазақстан
Республикасының», the date and the number, and then reads the locators to the right. An act
can be a known one (``rules/data/acts.toml``: names, abbreviations, quoted titles, numbers),
a law with a quoted title or a date and number, rules with their name or the order that
approved them, an order or resolution with a date or number, or an anaphor («этого Закона»,
«Кодекса», «Аталған Заңның», a bare «91-баптың 2-тармағына») resolved to the act cited last.

Spans follow ``corpora/legal/README.md``: from the first locator word (Russian) or the first
word of the act (Kazakh) to the end of the act with its date, number and quoted title;
prepositions and frames («согласно», «сәйкес») stay outside, case endings inside.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from anyq.datacache import compiled_patterns
from anyq.engine.literals import Literals, LiteralTest
from anyq.legal.acts import Act, registry
from anyq.legal.firstchar import alternatives, first_item, skipping
from anyq.resources import rules_toml
from anyq.text import quotations
from anyq.text.letters import KAZAKH_LOWER, KAZAKH_UPPER

# ---------------------------------------------------------------------------- building blocks

_KK_LETTERS = "а-яё" + KAZAKH_LOWER
_UP = "A-ZА-ЯЁ" + KAZAKH_UPPER

# the genitive a date writes («15 января», «15 мая», «15 марта»), of the months in rules/data/ru_grammar.toml
MONTHS_RU = {m[:-1] + "я" if m[-1] in "ьй" else m + "а": i for i, m in enumerate(rules_toml("ru_grammar.toml")["months"], 1)}
MONTHS_KK = {m: i for i, m in enumerate(rules_toml("kk_grammar.toml")["words"]["months"], 1)}

_DATE_RU = re.compile(
    r"(?P<d>\d{1,2})\s+(?P<m>" + "|".join(MONTHS_RU) + r")\s+(?P<y>\d{4})(?:\s*(?:года|г\.))?"
    r"|(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})(?:\s*(?:года|г\.))?",
    re.I,
)
_DATE_KK = re.compile(
    r"(?P<y>\d{4})\s+(?:жылғы|ж\.)\s+(?P<d>\d{1,2})\s+(?P<m>" + "|".join(MONTHS_KK) + r")[" + _KK_LETTERS + r"]*"
    r"|(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})(?:\s*(?:жылғы|ж\.))?",
    re.I,
)
# «№ 94-I», «№ 31/215-VIII», «№ ҚР ДСМ-194/2020», «№ 41-ОД», «№ 12/04»
_NUMBER = re.compile(r"№\s*(?P<num>(?:[" + _UP + r"]{2,4}\s+(?=[" + _UP + r"]{2,5}-?\d))?\w+(?:[-/]\w+)*)")
_SP = re.compile(r"\s*")
_WS = re.compile(r"\s+")
_COMMA_SP = re.compile(r"\s*,?\s*")
_RK_RU = re.compile(r"\s+(?:Республики\s+Казахстан|РК)(?![\w-])")
_COUNTRY_KK = r"(?:Қазақстан\s+Республикасының|Қазақстан\s+Республикасы|ҚР)"

_QUOTES = {"«": "»", "„": "“", "“": "”", '"': '"'}


def _iso(m: re.Match[str], months: dict[str, int]) -> str | None:
    try:
        if m.group("y"):
            y, mo, d = int(m.group("y")), months[m.group("m").lower()], int(m.group("d"))
        else:
            y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
    except (KeyError, ValueError):
        return None
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def quoted(text: str, pos: int) -> tuple[int, str] | None:
    """A quoted title starting at ``pos`` («…», „…“, “…” or "…", with quotations nested in it):
    (end, inner text). The quotations are the paragraph's (:mod:`anyq.text.quotations`)."""
    close = quotations.of(text).closing.get(pos, -1)
    if close < 0 or close - pos > 400:
        return None  # no quotation opens here, or one too long for a title
    return close + 1, text[pos + 1 : close]


def _numbers(s: str, subpoint: bool = False) -> list[str]:
    """«91 и 92» → ["91", "92"]; «42-1» stays one article; a range «76–79» is spelt out."""
    if s.isdecimal():
        return [s]  # one number (the common case), as the regex below reads it: all of it
    out: list[str] = []
    for m in re.finditer(r"(\d+(?:-\d+)?)(?:\)?\s*[–—]\s*(\d+))?" if not subpoint else r"(\d+)\)?(?:\s*[–—]\s*(\d+))?", s):
        a, b = m.group(1), m.group(2)
        if b and a.isdigit() and 0 < int(b) - int(a) <= 10:
            out += [str(i) for i in range(int(a), int(b) + 1)]
        else:
            out.append(a)
            if b:
                out.append(b)
    return out


# ---------------------------------------------------------------------------- the result


@dataclass(slots=True)
class Citation:
    """One reference to a legal norm, with its parts as the text states them."""

    start: int
    end: int
    text: str
    language: str
    act_type: str | None = None
    act_short: str | None = None
    act_title: str | None = None
    act_id: str | None = None
    date: str | None = None
    number: str | None = None
    article: list[str] | None = None
    part: list[str] | None = None
    point: list[str] | None = None
    subpoint: list[str] | None = None
    repealed: bool = False
    # the act was named by an anaphor («этого Закона», «Кодекстің») or not at all («91-баптың»)
    resolved: bool = False
    # set for repealed acts: the norm to cite instead
    current_norm: str | None = None
    # the text itself says the act is repealed («утратил силу», «күшін жойды»)
    repeal_stated: bool = False

    def to_dict(self) -> dict[str, Any]:
        # written out, not ``dataclasses.asdict``: that deep-copies field by field, and every
        # citation of every letter goes through here (the same keys, in the fields' order)
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "language": self.language,
            "act_type": self.act_type,
            "act_short": self.act_short,
            "act_title": self.act_title,
            "act_id": self.act_id,
            "date": self.date,
            "number": self.number,
            "article": None if self.article is None else list(self.article),
            "part": None if self.part is None else list(self.part),
            "point": None if self.point is None else list(self.point),
            "subpoint": None if self.subpoint is None else list(self.subpoint),
            "repealed": self.repealed,
            "resolved": self.resolved,
            "current_norm": self.current_norm,
            "repeal_stated": self.repeal_stated,
        }


@dataclass(slots=True)
class _ActRef:
    """An act as a citation names it, before anaphora are resolved."""

    start: int
    end: int
    type: str | None = None
    act: Act | None = None
    title: str | None = None
    date: str | None = None
    number: str | None = None
    anaphor: str | None = None  # "law", "code", "rules", "order", "resolution", "any"
    repealed_in_text: bool = False


@dataclass(slots=True)
class _Locators:
    start: int
    end: int
    parts: dict[str, list[str]] = field(default_factory=dict)


# ---------------------------------------------------------------------------- Russian

_RU_UNITS = [
    # «п.п.» is the plural abbreviation written with a dot after each letter, like «пп.»
    ("subpoint", r"(?:подпункт(?:ы|а|у|ом|е|ов|ам|ами|ах)?|подп\.|пп\.|п\.\s?п\.)"),
    ("point", r"(?:пункт(?:ы|а|у|ом|е|ов|ам|ами|ах)?|п\.)"),
    ("part", r"(?:част(?:ь|и|ью|ей|ям|ями|ях)|ч\.)"),
    ("article", r"(?:стат(?:ья|ьи|ье|ью|ьёй|ьей|ей|ьям|ьями|ьях)|ст\.(?:\s?ст\.)?)"),
]
_RU_NUMS = r"\d+(?:-\d+)?(?:\s*(?:,|и|или|–|—)\s*\d+(?:-\d+)?)*"
_RU_SUBNUMS = r"\d+\)?(?:\s*(?:,|и|или|–|—)\s*\d+\)?)*"
_RU_UNIT = {
    k: re.compile(r"(?<![\w-])" + kw + r"\s*(?P<nums>" + (_RU_SUBNUMS if k == "subpoint" else _RU_NUMS) + r")(?![\w-])", re.I)
    for k, kw in _RU_UNITS
}
_RU_JOIN = re.compile(r"\s*(?:,\s*|\s(?:и|или)\s+)", re.I)
_RU_UNIT_START = re.compile(r"(?<![\w-])(?:" + "|".join(kw for _, kw in _RU_UNITS) + r")\s*\d", re.I)

# a constitutional law is a law: «Конституционного закона …» (the adjective is no Constitution)
_RU_LAW = re.compile(r"(?<![\w-])(?:Конституционн[а-яё]+\s+[Зз]|З)акон(?:а|у|ом|е|ы|ов|ам|ами|ах)?(?![\w-])")
_RU_CONST_ADJ = re.compile(r"Конституционн", re.I)
# an abbreviation unknown to acts.toml with «РК» after it: «ЭК РК», «ПДД РК»
_RU_UNKNOWN_ABBR = re.compile(r"(?P<abbr>[А-ЯЁ]{2,6})\s+(?:РК|Республики\s+Казахстан)(?![\w-])")
_RU_CODE = re.compile(r"(?<![\w-])(?:(?P<adj>[А-ЯЁ][а-яё]+(?:ого|ым|ый|ом|ому|ой|ий|его|ему|им|ем)\s+))?[Кк]одекс(?:а|у|ом|е|ы|ов)?(?![\w-])")
_RU_CONST = re.compile(r"(?<![\w-])Конституци(?:я|и|ю|ей|ей)(?![\w-])")
_RU_RULES = re.compile(r"(?<![\w-])(?:(?P<adj>[А-ЯЁ][а-яё]+(?:ые|ых|ым|ыми|ие|их|им|ими)\s+)[Пп]равил|Правил)(?:а|ам|ами|ах)?(?![\w-])")
_RU_ISSUED = re.compile(
    r"(?<![\w-])(?P<kind>[Пп]риказ|[Пп]остановлени|[Уу]каз|[Рр]ешени|[Рр]аспоряжени)(?:ом|ем|ю|я|е|а|у|ям|и|ий)?(?![\w-])"
)
_RU_ISSUED_TYPE = {"приказ": "order", "постановлени": "resolution", "указ": "decree", "решени": "decision", "распоряжени": "order"}
_RU_ANAPHOR = re.compile(
    r"(?<![\w-])(?:(?:этого|этой|этих|указанного|указанных|данного|данных|настоящего|настоящих|названного|названных|"
    r"вышеуказанного|вышеуказанных|вышеназванного|того\s+же)\s+)?"
    r"(?P<head>Закона|Кодекса|Правил|приказа|постановления|Указа)(?![\w-])",
    re.I,
)
_RU_ANAPHOR_TYPE = {"закона": "law", "кодекса": "code", "правил": "rules", "приказа": "order", "постановления": "resolution", "указа": "decree"}
_RU_APPROVAL = re.compile(
    r",?\s*утвержд[её]нн[а-яё]*\s+(?:совместным\s+)?(?P<kind>приказом|постановлением|решением|указом|распоряжением)",
    re.I,
)
# an issuing body: up to 20 words (and «г.», «и.о.») before «от <date>» or «№»
_RU_ISSUER = re.compile(r"(?:\s+(?:[\w-]+|г\.|и\.\s?о\.|обл\.)){0,20}?(?=\s+(?:от\s+\d|№))")
# «… утратил силу», «утративший силу Закон …», «… күшін жойды», «күшін жойған Заң …». After
# the act a relative clause set off by commas may come first («Закон …, на который ссылался
# наш прежний ответ, утратил силу»). A Russian verb after the act says so only when it agrees
# with the act or the first unit cited (``_RU_GENDER``): «решение акимата отменено» after
# «ст. 15 Закона …» is about the decision.
_REPEAL_AFTER = {
    "ru": re.compile(
        r"^(?:\s*,[^.!?,]{1,80},)?[^.!?]{0,40}?(?<![\w-])"
        r"(?:утратил(?P<a>[аио]?)\s+сил|отмен[её]н(?P<b>[аоы]?)(?![\w-])|признан(?P<c>[аоы]?)\s+утративш)",
        re.I,
    ),
    "kk": re.compile(r"^[^.!?]{0,40}?(?<![\w-])(?:күшін\s+жойды|күші\s+жойылды|күшін\s+жойған)", re.I),
}
_REPEAL_BEFORE = {
    # «утративший силу Закон …», «… утратил силу, как и Закон …»
    "ru": re.compile(r"(?:утрат\w*\s+сил\w*|отмен[её]нн\w*)[^.!?]{0,25}$", re.I),
    "kk": re.compile(r"(?:күшін\s+жо\w*|күші\s+жойыл\w*)[^.!?]{0,25}$", re.I),
}
# the gender (or plural) of a short-form verb's ending, and of what a citation starts with
_RU_ENDING_GENDER = {"": "m", "а": "f", "о": "n", "и": "pl", "ы": "pl"}
_RU_GENDER = [
    (re.compile(r"(?:стат|ст\.|част|ч\.|конституци)", re.I), "f"),
    (re.compile(r"(?:подпункт|пункт|подп\.|пп\.|п\.|закон|кодекс|указ|приказ)", re.I), "m"),
    (re.compile(r"(?:постановлени|решени|распоряжени)", re.I), "n"),
]
_RU_TYPE_GENDER = {"law": "m", "code": "m", "decree": "m", "constitution": "f", "rules": "pl", "resolution": "n", "decision": "n"}


def _says_repealed(text: str, start: int, end: int, lang: str, subjects: set[str] | None = None) -> bool:
    """The text itself says the act is repealed, right before or after naming it. ``subjects``:
    the genders a Russian verb after it may have (None: any)."""
    m = _REPEAL_AFTER[lang].search(text[end : end + 160])
    if m and lang == "ru" and subjects is not None:
        ending = (m.group("a") or m.group("b") or m.group("c") or "").lower()
        if _RU_ENDING_GENDER[ending] not in subjects:
            m = None
    return bool(m or _REPEAL_BEFORE[lang].search(text[max(0, start - 40) : start]))


def _ru_subjects(span: str, ref: _ActRef, loc: _Locators | None) -> set[str] | None:
    """What a verb saying «this is repealed» may agree with: the first unit cited («статья 8 …
    утратила силу»; plural when it holds several numbers) and the act («Закон … утратил силу»)."""
    out = set()
    if ref.type in _RU_TYPE_GENDER:
        out.add(_RU_TYPE_GENDER[ref.type])
    for rx, gender in _RU_GENDER:
        if rx.match(span):
            out.add(gender)
            break
    if loc is not None and any(len(v) > 1 for v in loc.parts.values()):
        out.add("pl")
    return out or None  # nothing known of the words cited: any verb

# The trigger of a Russian citation: a unit word, an act's head word, or an adjective before
# «кодекс» / «правил» («Земельного кодекса», «Типовых правил»). Read case-blind, those two
# adjective branches start at every word and cost three quarters of the search, but they can
# only match in a paragraph holding «кодекс» or «правил»: elsewhere the search runs without
# them (``_ru_trigger``), which finds the very same matches. Where they run, a look-ahead
# first asks for the word to be followed by «правил» / «кодекс» (which the branch itself needs):
# a word that is not costs one scan of it, not a trial of every ending at every letter of it.
_RU_ADJ_RULES = r"[А-ЯЁ](?=[а-яё]+\s+[Пп]равил)[а-яё]+(?:ые|ых|ым|ыми|ие|их|им|ими)\s+[Пп]равил"
_RU_ADJ_CODE = r"[А-ЯЁ](?=[а-яё]+\s+[Кк]одекс)[а-яё]+(?:ого|ым|ый|ом|ому|ой|ий|его|ему|им|ем)\s+[Кк]одекс"
_RU_RULES_WORD = Literals(("правил",), ignorecase=True)
_RU_CODE_WORD = Literals(("кодекс",), ignorecase=True)


def _by_first_letter(heads: list[str]) -> list[str]:
    """The case-blind alternatives of ``heads``, those led by the same letter merged into one
    («п(?:одпункт…|одп\\.|п\\.|ункт…|\\.|равил)»), in the order of their first one. At a
    given place only the alternatives of the letter there can match, and they keep their order
    among themselves, so the regex finds the same match with the same branch."""
    groups: dict[str, tuple[str, list[str]]] = {}
    for head in heads:
        for alt in alternatives(head):
            item = first_item(alt)
            assert item is not None and item.strip("[]").isalpha(), alt  # a letter or «[Кк]»
            groups.setdefault(item.strip("[]")[0].lower(), (item, []))[1].append(alt[len(item) :])
    return [item + "(?:" + "|".join(rests) + ")" if len(rests) > 1 else item + rests[0] for item, rests in groups.values()]


@lru_cache(maxsize=None)
def _ru_trigger(rules: bool, code: bool) -> re.Pattern[str]:
    """The trigger regex, with the adjective branch before «правил» / «кодекс» only when asked."""
    units = [kw for _, kw in _RU_UNITS] + ["Закон", "[Кк]одекс", "Конституци", "Правил"]
    adjectives = [_RU_ADJ_RULES] * rules + [_RU_ADJ_CODE] * code
    issued = ["[Пп]риказ", "[Пп]остановлени", "[Уу]каз", "[Рр]ешени", "[Рр]аспоряжени"]
    heads = units + adjectives + issued
    # the same alternatives, led by the class of their first letters (``firstchar``): the
    # search skips at C speed to the next letter a head can start with. Those led by the same
    # letter are tried as one (``_by_first_letter``): a word start is offered one branch per
    # letter, not each of the 18 in turn. The adjectives, which start with any letter, stay
    # between the two groups, as in ``heads``.
    alts = _by_first_letter(units) + adjectives + _by_first_letter(issued)
    fast = skipping([(alt, True, True) for alt in alts])
    source = (fast[0] + "(?:" + "|".join(fast[1]) + ")", 0) if fast else (r"(?<![\w-])(?:" + "|".join(heads) + ")", re.I)
    return compiled_patterns(f"ru-trigger-{rules:d}{code:d}", [source])[0]


# Every match of the trigger holds one of these (case-blind): «подпункт», «пункт» → «пункт»;
# «подп.», «пп.», «п.» → «п.»; «част…», «ч.»; «стат…», «ст.»; the heads' stems. A paragraph with
# none of them is not searched for triggers (``anyq.engine.literals``).
_RU_TRIGGER_WORDS = Literals(
    ("п.", "пункт", "част", "ч.", "стат", "ст.", "закон", "кодекс", "конституци", "правил", "приказ", "постановлени", "указ", "решени", "распоряжени"),
    ignorecase=True,
)


def _ru_tails(text: str, pos: int, ref: _ActRef, allow_title: bool = True) -> int:
    """Date («от …»), number («№ …») and quoted title after an act's name, in any order."""
    end = pos
    for _ in range(4):
        m = _SP.match(text, end)
        p = m.end()
        if text.startswith("от", p) and ref.date is None:
            dm = _DATE_RU.match(text, _SP.match(text, p + 2).end())
            if dm and re.match(r"\s", text[p + 2 : p + 3]):
                ref.date = _iso(dm, MONTHS_RU)
                end = dm.end()
                continue
        if text.startswith("№", p) and ref.number is None:
            nm = _NUMBER.match(text, p)
            if nm and any(c.isdigit() for c in nm.group("num")):
                ref.number = nm.group("num")
                end = nm.end()
                continue
        if allow_title and ref.title is None and p < len(text) and text[p] in _QUOTES and p - end <= 1:
            q = quoted(text, p)
            if q:
                ref.title = q[1].strip()
                end = q[0]
                continue
        break
    return end


@lru_cache(maxsize=20_000)
def _ru_parses(word: str) -> tuple[tuple[str, frozenset[str], str], ...]:
    from anyq.nlp.morph_ru import morphology

    return tuple((p.tag.POS or "", frozenset(p.tag.grammemes), p.normal_form) for p in morphology().analyzer.parse(word.lower()))


_RU_PREPS = {"на", "к", "в", "во", "с", "со", "по", "для", "о", "об", "при", "из", "от", "за", "между"}
_WORD_AT = re.compile(r"\s+([\w-]+|[,()])")


def _ru_name_extent(text: str, pos: int) -> int:
    """End of a rules' name that starts at ``pos``: a genitive noun phrase with its prepositional
    and instrumental complements («постановки на очередь детей дошкольного возраста»)."""
    end = pos
    after_prep = False
    n = 0
    while n < 20:
        m = _WORD_AT.match(text, end)
        if not m or not m.group(1)[0].isalpha():
            break
        w = m.group(1)
        low = w.lower()
        if low in _RU_PREPS:
            after_prep = True
            end = m.end()
            n += 1
            continue
        if low in ("и", "или") and n:
            nxt = _WORD_AT.match(text, m.end())
            if nxt and nxt.group(1)[0].isalpha() and any("gent" in g or "ablt" in g for _, g, _ in _ru_parses(nxt.group(1))):
                end = m.end()
                n += 1
                continue
            break
        parses = _ru_parses(w)
        pos_ok = [g for p, g, _ in parses if p in ("NOUN", "ADJF", "PRTF", "NUMR") or (not p and w[0].isupper())]
        if not pos_ok:
            break
        if after_prep:
            ok = True
        else:
            ok = any(("gent" in g or "ablt" in g or "gen2" in g) for g in pos_ok) and not all("nomn" in g and "gent" not in g for g in pos_ok)
        if not ok:
            break
        # a noun ends a prepositional complement; the phrase may go on with a genitive
        if any(p == "NOUN" for p, _, _ in parses):
            after_prep = False
        end = m.end()
        n += 1
    return end


def _ru_code_title(adjective: str, of_kazakhstan: bool) -> str:
    """«Водного» (+ «Республики Казахстан») → «Водный кодекс Республики Казахстан»."""
    from anyq.nlp.morph_ru import morphology

    p = next((p for p in morphology().analyzer.parse(adjective.lower()) if p.tag.POS == "ADJF"), None)
    inflected = p.inflect({"nomn", "sing", "masc"}) if p else None
    word = inflected.word if inflected else adjective.lower()
    return word[0].upper() + word[1:] + " кодекс" + (" Республики Казахстан" if of_kazakhstan else "")


def _ru_nominative_rules(words: str) -> str:
    """«Типовыми правилами приёма …» → «Типовые правила приёма …»; «Правил …» → «Правила …»."""
    out = []
    toks = words.split()
    for i, w in enumerate(toks[:2]):
        low = w.lower()
        if low.startswith("правил"):
            out.append(w[0] + "равила")
            out += toks[i + 1 :]
            return " ".join(out)
        from anyq.nlp.morph_ru import morphology

        p = next((p for p in morphology().analyzer.parse(low) if p.tag.POS == "ADJF"), None)
        inflected = p.inflect({"nomn", "plur"}) if p else None
        nom = inflected.word if inflected else low
        out.append(nom[0].upper() + nom[1:] if w[0].isupper() else nom)
    return " ".join(out + toks[2:])


def _ru_other_document(text: str, pos: int) -> bool:
    """«статье 5 договора», «пункту 3 регламента»: the units belong to a document that is no legal act."""
    m = _WORD_AT.match(text, pos)
    if not m or not m.group(1)[0].isalpha() or not m.group(1)[0].islower():
        return False
    return any(p == "NOUN" and "gent" in g for p, g, _ in _ru_parses(m.group(1)))


class _RussianParser:
    def __init__(self) -> None:
        self.reg = registry()

    def locators(self, text: str, pos: int) -> _Locators | None:
        parts: dict[str, list[str]] = {}
        start = end = None
        p = pos
        last: str | None = None
        joined: str | None = None
        while True:
            hit = None
            for kind, rx in _RU_UNIT.items():
                m = rx.match(text, p)
                if m:
                    hit = (kind, m)
                    break
            if hit is None or joined == "и" and hit[0] != last:
                break  # «п. 1 ст. 91 и ч. 2 ст. 92»: «и» joins only the same unit
            if hit[0] in parts:
                # «ст. 91 и ст. 92 АППК», «ст. 91, ст. 92 …»: the same unit repeated is one
                # citation of several numbers, as «статьи 91 и 92» (only the unit read last)
                if hit[0] != last or joined is None:
                    break
                parts[hit[0]] += _numbers(hit[1].group("nums"), subpoint=hit[0] == "subpoint")
                end = hit[1].end()
                p, joined = self._next(text, end)
                continue
            kind, m = hit
            nums_text = m.group("nums")
            if kind == "subpoint" and ")" not in nums_text and re.match(r"п\.?\s?п\.", m.group(0), re.I):
                # «пп. 1, 2 ст. 5» — points, written with the plural abbreviation
                follow = _SP.match(text, m.end()).end()
                if "point" not in parts and _RU_UNIT["article"].match(text, follow):
                    kind = "point"
            parts[kind] = _numbers(nums_text, subpoint=kind == "subpoint")
            start = m.start() if start is None else start
            end = m.end()
            last = kind
            p, joined = self._next(text, end)
        if start is None:
            return None
        return _Locators(start, end, parts)

    @staticmethod
    def _next(text: str, end: int) -> tuple[int, str | None]:
        """Where the next unit of a chain may start, and what joins it: «,», «и» (also «или») or nothing."""
        m = _RU_JOIN.match(text, end)
        if m:
            return m.end(), "," if "," in m.group(0) else "и"
        return _SP.match(text, end).end(), None

    def act(self, text: str, pos: int, after_locators: bool) -> _ActRef | None:
        """An act named at ``pos`` (after locators: also bare anaphors «Закона», «Правил»)."""
        # a known act's name or abbreviation
        hit = self.reg.match_name("ru", text, pos)
        if hit and hit[1].type == "constitution" and _RU_CONST_ADJ.match(hit[0].group(0)):
            hit = None  # «Конституционного закона», «Конституционного Суда»: not the Constitution
        if hit:
            m, act, _abbr = hit
            ref = _ActRef(pos, m.end(), act.type, act)
            rk = _RK_RU.match(text, ref.end)
            if rk and not re.search(r"Республик|Казахстан|РК", m.group(0)):
                ref.end = rk.end()
            ref.end = _ru_tails(text, ref.end, ref, allow_title=act.type == "code" and not act.title)
            return ref
        m = _RU_CONST.match(text, pos)
        if m:
            ref = _ActRef(pos, m.end(), "constitution", self.reg.by_id.get("constitution"))
            rk = _RK_RU.match(text, ref.end)
            ref.end = rk.end() if rk else ref.end
            return ref
        m = _RU_ANAPHOR.match(text, pos)
        if m and (m.group(0) != m.group("head") or after_locators):
            head = m.group("head").lower()
            if m.group(0) != m.group("head") or head in ("закона", "кодекса", "правил"):
                follow = _SP.match(text, m.end()).end()
                # «Закона Республики Казахстан «…»» is not an anaphor but a named law
                bare = m.group(0) == m.group("head")
                if not (bare and (_RK_RU.match(text, m.end()) or text[follow : follow + 1] in _QUOTES)):
                    if not (head == "правил" and m.group(0) == m.group("head") and _ru_name_extent(text, m.end()) > m.end()):
                        return _ActRef(pos, m.end(), _RU_ANAPHOR_TYPE[head], anaphor=_RU_ANAPHOR_TYPE[head])
        m = _RU_LAW.match(text, pos)
        if m:
            ref, _ = self._ru_named(text, pos, m, "law")
            if ref.title or ref.date or ref.number:
                return ref
            if after_locators:
                ref.anaphor = "law"
                ref.end = m.end()
                return ref
            return None
        m = _RU_CODE.match(text, pos)
        if m:
            ref, rk = self._ru_named(text, pos, m, "code")
            if ref.title or ref.date or ref.number:
                return ref
            if m.group("adj"):
                ref.title = _ru_code_title(m.group("adj").strip(), rk is not None)
                return ref
            if after_locators:
                return _ActRef(pos, m.end(), "code", anaphor="code")
            return None
        m = _RU_RULES.match(text, pos)
        if m:
            return self._rules(text, pos, m)
        m = _RU_ISSUED.match(text, pos)
        if m:
            ref = _ActRef(pos, m.end(), _RU_ISSUED_TYPE[m.group("kind").lower()])
            iss = _RU_ISSUER.match(text, m.end())
            end = _ru_tails(text, iss.end() if iss else m.end(), ref)
            if ref.date or ref.number:
                ref.end = end
                return ref
        m = _RU_UNKNOWN_ABBR.match(text, pos) if after_locators else None
        if m:
            # «ст. 8 ЭК РК»: an act we do not know ends the citation as itself, and is not
            # bound to the last act named before it; «…К» is a code («кодекс»)
            return _ActRef(pos, m.end(), "code" if m.group("abbr").endswith("К") else None)
        return None

    def _rules(self, text: str, pos: int, m: re.Match[str]) -> _ActRef | None:
        ref = _ActRef(pos, m.end(), "rules")
        head_words = m.group(0)
        approval_at = None
        # the name runs to «, утверждённых …» when that follows in the same sentence
        window = text[m.end() : m.end() + 300]
        am = None
        for cand in _RU_APPROVAL.finditer(window):
            between = window[: cand.start()]
            if not re.search(r"[.;!?](?:\s|$)", between) and not _RU_UNIT_START.search(between):
                am = cand
            break
        if am is not None:
            approval_at = m.end() + am.start()
            name_end = approval_at
            name = text[m.end() : name_end].strip(" ,\n")
            iss = _RU_ISSUER.match(text, m.end() + am.end())
            tail_ref = _ActRef(0, 0)
            end = _ru_tails(text, iss.end() if iss else m.end() + am.end(), tail_ref, allow_title=False)
            if tail_ref.date or tail_ref.number:
                ref.date, ref.number = tail_ref.date, tail_ref.number
                ref.end = end
            else:
                ref.end = name_end if name else m.end()
        else:
            name_end = _ru_name_extent(text, m.end())
            name = text[m.end() : name_end].strip()
            ref.end = name_end
            if not name and not m.group("adj"):
                return None  # a bare «Правил» with nothing after it is an anaphor, handled by the caller
        if name:
            ref.title = _ru_nominative_rules(head_words + " " + _WS.sub(" ", name))
        elif m.group("adj"):
            ref.title = _ru_nominative_rules(head_words)
        if not name and not m.group("adj") and not (ref.date or ref.number):
            return None
        return ref

    def _ru_named(self, text: str, pos: int, m: re.Match[str], kind: str) -> tuple[_ActRef, re.Match[str] | None]:
        """A law or code with what follows its head word («Республики Казахстан», a date, a
        number, a title in quotes); identified when it has any of those."""
        ref = _ActRef(pos, m.end(), kind)
        rk = _RK_RU.match(text, ref.end)
        ref.end = rk.end() if rk else ref.end
        ref.end = _ru_tails(text, ref.end, ref)
        if ref.title or ref.date or ref.number:
            self._identify(ref)
        return ref, rk

    def _identify(self, ref: _ActRef) -> None:
        act = self.reg.by_title(ref.title) or (self.reg.by_number(ref.number, ref.date) if ref.type in ("law", "code") else None)
        if act:
            ref.act = act
            ref.type = act.type


# ---------------------------------------------------------------------------- Kazakh

_KK_NUM = r"\d+(?:-\d+)?"
_KK_NUMS = _KK_NUM + r"(?:-?\s*(?:,|және|мен|бен|пен|–|—)\s*" + _KK_NUM + r")*"
_KK_ARTICLE = re.compile(r"(?P<nums>" + _KK_NUMS + r")-(?:бап|баб|б\.)[" + _KK_LETTERS + r"]*", re.I)
_KK_POINT = re.compile(r"(?P<nums>" + _KK_NUMS + r")-(?:тармақ|тармағ|т\.)(?!ша)[" + _KK_LETTERS + r"]*", re.I)
_KK_PART = re.compile(r"(?P<nums>" + _KK_NUMS + r")-(?:бөлі[гкм]|бөлік)[" + _KK_LETTERS + r"]*", re.I)
_KK_SUBPOINT = re.compile(r"(?P<nums>\d+\)(?:\s*(?:,|және)\s*\d+\))*)\s*(?:тармақша|тт\.)[" + _KK_LETTERS + r"]*", re.I)
_KK_UNITS = [("article", _KK_ARTICLE), ("part", _KK_PART), ("point", _KK_POINT), ("subpoint", _KK_SUBPOINT)]
# The heads' regexes start with their first letter (digit), and the word-start test
# «(?<![\w-])» comes after it, looking one character further back: led by a letter, a search
# skips at C speed to the next place a head can start (``firstchar``), where a look-behind
# first tried the whole pattern at every position. The matches are the same.
_AFTER_WORD_START = r"(?<![\w-][\s\S])"
_KK_LOC_START = re.compile(r"\d" + _AFTER_WORD_START + r"\d*(?:-\d+)?(?:-?\s*(?:,|және)\s*\d+(?:-\d+)?)*-(?:бап|баб|б\.)", re.I)

# «Конституциялық заңының»: a constitutional law, read as a law (not as the Constitution)
_KK_LAW = re.compile(r"(?:К" + _AFTER_WORD_START + r"онституциялық\s+з|[Зз]" + _AFTER_WORD_START + r")аң(?:ы|ның|ына|ымен|ында|ға|да|мен|ды|нан|ынан|ының)?(?![\w-])")
_KK_CODE = re.compile(r"[Кк]" + _AFTER_WORD_START + r"одекс[" + _KK_LETTERS + r"]*(?![\w-])")
_KK_RULES = re.compile(
    r"[Ққ]" + _AFTER_WORD_START + r"ағида(?:лар|ларының|ларына|ларында|ларымен|лардың|ларға|ларда|ларын|лары|ларынан|ның|сы|сына|сының)(?![\w-])"
)
# «бұйрық», «қаулы», «шешім», «Жарлық», «өкім»: each alternative checks the first letter again
_KK_ISSUED = re.compile(
    r"(?P<kind>[бқшЖжө]" + _AFTER_WORD_START + r"(?:(?<=б)ұйры[ғқ]|(?<=қ)аулы|(?<=ш)ешім|(?<=[Жж])арлы[ғқ]|(?<=ө)кім))[" + _KK_LETTERS + r"]*(?![\w-])"
)
_KK_CONSTITUTION = re.compile(r"К" + _AFTER_WORD_START + r"онституция[" + _KK_LETTERS + r"]*")
_KK_CONST_ADJ = re.compile(r"Конституциялық")
# A word every match of each head's regex holds (case-blind: a superset of the regex's own
# cases), so the regex is not run on the many paragraphs without it.
_KK_HEAD_WORDS = {
    "law": Literals(("заң",), True),
    "code": Literals(("кодекс",), True),
    "rules": Literals(("қағида",), True),
    "issued": Literals(("бұйры", "қаулы", "шешім", "жарлы", "өкім"), True),
    "constitution": Literals(("Конституция",), False),
    "bare": Literals(("-б",), True),  # «91-бап», «91-баптың», «91-б.»
}
_KK_ISSUED_TYPE = {"бұйрығ": "order", "бұйрық": "order", "қаулы": "resolution", "шешім": "decision", "жарлығ": "decree", "жарлық": "decree", "өкім": "order"}
_KK_APPROVED = re.compile(r"\s+бекітілген\s+$")
_KK_ANAPHOR = re.compile(r"(?:(?:Аталған|аталған|Осы|осы|Көрсетілген|көрсетілген|Жоғарыда\s+аталған|Бұл|бұл|Сол|сол)\s+)$")
# words of a Kazakh issuing body that may be written in lower case («Ақтөбе қаласы әкімдігінің»)
_KK_ISSUER_WORDS = re.compile(
    r"^(?:қала|облыс|аудан|ауыл|округ|кент|әкімдіг|әкімі|әкім|аппарат|министр|министрлі|мәслихат|комитет|департамент|"
    r"басқарма|бөлім|үкімет|президент|төраға|экономика|ағарту|сақтау|қорғау|еңбек|халық|әлеуметтік|ұлттық|мемлекеттік|"
    r"білім|ғылым|денсаулық|энергетика|қаржы|әділет|ішкі|істер|ауыл|шаруашылығ|көлік|инфрақұрылым|мәдениет|спорт|"
    r"өнеркәсіп|құрылыс|экология|табиғи|ресурстар|цифрлық|даму|жоғары|бас|орынбасар)",
    re.I,
)
_KK_FINITE = {"past", "pres", "fut", "aor", "cond", "imp", "opt", "perf"}


@lru_cache(maxsize=20_000)
def _kk_analysis(word: str):  # noqa: ANN202 - the stemmer's Analysis
    from anyq.nlp.stem_kk import stemmer

    return stemmer().analyse(word)


_KK_STOP_LEFT = {"сонымен", "қатар", "сондай-ақ", "алайда", "бірақ", "ал", "егер", "және", "мен", "бен", "пен", "немесе", "не", "әрі", "сәйкес", "бойынша", "туралы", "үшін", "деп", "сіз", "біз", "ол", "бұл", "осы"}


# what may stand right before an act's head: a number («№ 401-V »), a date («2015 жылғы
# 16 қарашадағы », «16.11.2015 ж. »), «Қазақстан Республикасының », a title in quotes
_KK_NUMBER_BEFORE = re.compile(r"№\s*(?:[" + _UP + r"]{2,4}\s+)?\w+(?:[-/]\w+)*\s+$")
_KK_COUNTRY_BEFORE = re.compile(_COUNTRY_KK + r"\s+$")
_KK_DATE_BEFORE = re.compile(
    r"(?:\d{4}\s+(?:жылғы|ж\.)\s+\d{1,2}\s+[" + _KK_LETTERS + r"]+|\d{1,2}\.\d{1,2}\.\d{4}(?:\s*(?:жылғы|ж\.))?)\s+$", re.I
)


def _title_before(text: str, end: int, floor: int) -> tuple[int, str] | None:
    """The quoted title that closes right before ``end`` with a space after it (««…» Заңы»,
    «"…" Заңы»): (its opening mark's offset, its inner text), or None. The quotations are the
    paragraph's (:mod:`anyq.text.quotations`), so straight quotes count as «» do: T106's fix must
    not change the citation. Of quotations closing at the same mark («…«…»), the outermost."""
    close = len(text[:end].rstrip()) - 1
    if close < floor or close == end - 1 or text[close] not in "»“”\"":
        return None
    opens = [o for o, c in quotations.of(text).closing.items() if c == close and o >= floor]
    if not opens:
        return None
    o = min(opens)
    return o, text[o + 1 : close].strip()


def _last_words_start(text: str, n: int) -> int:
    """Where the last ``n`` words of ``text`` (runs of non-space) start, or 0 if it has fewer.
    A match of ``_KK_DATE_BEFORE`` lies within the last four: its day and month are whole
    words, «жылғы» / «ж.» one, and the year ends a word (a «дд.мм.гггг» date takes at most two).
    Searching from there finds the same match as from the start, without trying every digit
    of a 400-character window."""
    head = text.rsplit(None, n)
    return len(head[0]) if len(head) > n else 0


class _KazakhParser:
    def __init__(self) -> None:
        self.reg = registry()

    # -- left extensions ---------------------------------------------------------------
    def _prefix(self, text: str, head_start: int, floor: int, allow_title: bool = True) -> tuple[int, str | None, str | None, str | None]:
        """Extend an act's head to the left over «TITLE», «Қазақстан Республикасының», the date and
        the № number, written in any order before it (««…» Қазақстан Республикасының 2007 жылғы
        27 шілдедегі № 319-III Заңының», «Қазақстан Республикасының 2015 жылғы 16 қарашадағы
        № 401-V «…» Заңының»). Returns (start, title, date, number)."""
        start = head_start
        title = date = number = None
        window_start = max(floor, head_start - 400)
        left = text[window_start:head_start]
        for _ in range(5):
            m = _KK_NUMBER_BEFORE.search(left) if number is None else None
            if m:
                nm = _NUMBER.match(left, m.start())
                if nm and any(c.isdigit() for c in nm.group("num")):
                    number = nm.group("num")
                    left = left[: m.start()]
                    continue
            m = None if date else _KK_DATE_BEFORE.search(left, _last_words_start(left, 4))
            if m:
                dm = _DATE_KK.match(left, m.start())
                if dm and _iso(dm, MONTHS_KK):
                    date = _iso(dm, MONTHS_KK)
                    left = left[: m.start()]
                    continue
            m = _KK_COUNTRY_BEFORE.search(left)
            if m:
                left = left[: m.start()]
                continue
            t = _title_before(text, window_start + len(left), window_start) if allow_title and title is None else None
            if t:
                title = t[1]
                left = left[: t[0] - window_start]
                continue
            break
        start = window_start + len(left)
        return start, title, date, number

    def _issuer_start(self, text: str, start: int, floor: int) -> int:
        """Extend left over an issuing body: capitalised words and the lower-case words of bodies."""
        pos = start
        # «және» inside a body's name («Білім және ғылым министрінің», the word after it in
        # lower case): kept only when a word of the body comes before it
        conj: int | None = None
        words = list(re.finditer(r"[\w-]+", text[floor:start]))
        for w in reversed(words):
            gap = text[floor + w.end() : pos if conj is None else conj]
            if gap.strip():
                break
            word = w.group(0)
            if re.search(r"(?:ңыз|ңіз)[" + _KK_LETTERS + r"]*$", word.lower()):
                break  # «Аулаңыз …» — the reader's thing starts the sentence, the body comes after
            if word.lower() == "және" and conj is None and pos < start and text[pos].islower():
                conj = floor + w.start()
            elif word[0].isupper() or _KK_ISSUER_WORDS.match(word):
                pos = floor + w.start()
                conj = None
            else:
                break
        # the body starts with a capital letter («Ақтөбе қаласы …», «Қазақстан Республикасы …»)
        while pos < start and not text[pos].isupper():
            nxt = re.search(r"\s+", text[pos:start])
            if not nxt:
                return start
            pos += nxt.end()
        return pos

    def _name_start(self, text: str, head_start: int, floor: int) -> int:
        """Left edge of a rules' name written before «қағидалары» («… балаларды кезекке қою қағидаларының»):
        nouns, adjectives and verbal nouns, up to a conjunction, a finite verb, the reader's
        possessive («өтінішіңіз») or a participle that describes rather than names («бекіткен»)."""
        pos = head_start
        words = list(re.finditer(r"[\w-]+|[^\w\s]", text[floor:head_start]))
        n = 0
        for w in reversed(words):
            word = w.group(0)
            gap = text[floor + w.end() : pos]
            if gap.strip() or not word[0].isalpha() or word.lower() in _KK_STOP_LEFT or n >= 8:
                break
            a = _kk_analysis(word.split("-")[-1])
            if any(t.startswith("poss2") or t.startswith("ptcp") for t in a.tags):
                break
            if a.known and a.pos == "VERB" and any(t in _KK_FINITE for t in a.tags):
                break
            pos = floor + w.start()
            n += 1
        return pos

    # -- heads ---------------------------------------------------------------------------
    def heads(self, text: str) -> Iterable[tuple[int, int, str, Any]]:
        """Candidate act heads in text order: (start, end, kind, match or act)."""
        out: list[tuple[int, int, str, Any]] = []
        # each head's regex runs only on a paragraph holding a word it needs (_KK_HEAD_WORDS)
        test = LiteralTest(text)
        if self.reg.may_name("kk", test):
            for m in self.reg.name_rx["kk"].finditer(text):
                act = self.reg._groups["kk"][m.lastgroup or ""]
                if act.type == "constitution" and _KK_CONST_ADJ.match(m.group(0)):
                    continue  # «Конституциялық заң / Сот»: not the Constitution
                out.append((m.start(), m.end(), "known", act))
        for rx, kind in ((_KK_LAW, "law"), (_KK_CODE, "code"), (_KK_RULES, "rules"), (_KK_ISSUED, "issued"), (_KK_CONSTITUTION, "constitution")):
            if test.holds_any(_KK_HEAD_WORDS[kind]):
                for m in rx.finditer(text):
                    if kind == "constitution" and _KK_CONST_ADJ.match(m.group(0)):
                        continue
                    out.append((m.start(), m.end(), kind, m))
        if test.holds_any(_KK_HEAD_WORDS["bare"]):
            for m in _KK_LOC_START.finditer(text):
                out.append((m.start(), m.start(), "bare", m))
        out.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        return out

    def locators(self, text: str, pos: int) -> _Locators:
        parts: dict[str, list[str]] = {}
        end = pos
        p = _SP.match(text, pos).end()
        first = None
        for kind, rx in _KK_UNITS:
            m = rx.match(text, p)
            if not m:
                continue
            parts[kind] = _numbers(m.group("nums"), subpoint=kind == "subpoint")
            first = m.start() if first is None else first
            end = m.end()
            p = _SP.match(text, end).end()
        return _Locators(first if first is not None else pos, end, parts)

    def act_at(self, text: str, head: tuple[int, int, str, Any], floor: int) -> _ActRef | None:
        hs, he, kind, obj = head
        if kind == "known":
            act: Act = obj
            start, title, date, number = self._prefix(text, hs, floor, allow_title=act.type == "code" and not act.title)
            return _ActRef(start, he, act.type, act, title=None, date=date, number=number)
        if kind == "constitution":
            start, _, _, _ = self._prefix(text, hs, floor, allow_title=False)
            return _ActRef(start, he, "constitution", self.reg.by_id.get("constitution"))
        if kind in ("law", "code"):
            start, title, date, number = self._prefix(text, hs, floor)
            ref = _ActRef(start, he, kind, title=title, date=date, number=number)
            if title or date or number:
                act = self.reg.by_title(title) or self.reg.by_number(number, date)
                if act:
                    ref.act, ref.type = act, act.type
                return ref
            if kind == "code":
                # «ҚР Су кодексінің», «Экологиялық кодекстің»: a code named by the word before it
                nm = re.search(r"(?<![\w-])([" + _UP + r"][" + _KK_LETTERS + r"-]+)\s+$", text[max(floor, hs - 40) : hs])
                if nm and not re.fullmatch(r"Аталған|Осы|Көрсетілген|Бұл|Сол|Республикасының|Республикасы", nm.group(1)):
                    name_start = hs - len(nm.group(0))
                    start, _, date, number = self._prefix(text, name_start, floor, allow_title=False)
                    return _ActRef(start, he, "code", title=f"Қазақстан Республикасының {nm.group(1)} кодексі", date=date, number=number)
            ana = _KK_ANAPHOR.search(text[max(floor, hs - 40) : hs])
            if ana:
                ref.start = hs - len(ana.group(0))
            ref.anaphor = kind
            if text[hs].isupper() or ana:
                return ref
            return None
        if kind == "rules":
            left = text[max(floor, hs - 400) : hs]
            issued = re.search(r"(?P<kind>бұйры[ғқ]|қаулы|шешім|[Жж]арлы[ғқ])[" + _KK_LETTERS + r"]*\s+бекітілген\s+(?P<name>(?:[\w-]+\s+){0,10}?)$", left)
            if issued:
                w0 = max(floor, hs - 400)
                order_start = w0 + issued.start()
                start, _, date, number = self._prefix(text, order_start, floor, allow_title=False)
                start = self._issuer_start(text, start, floor)
                name = issued.group("name").strip()
                title = f"{name[0].upper()}{name[1:]} қағидалары" if name else None  # the rules' name, nominative
                return _ActRef(start, he, "rules", title=title, date=date, number=number)
            ana = _KK_ANAPHOR.search(text[max(floor, hs - 40) : hs])
            if ana:
                return _ActRef(hs - len(ana.group(0)), he, "rules", anaphor="rules")
            start = self._name_start(text, hs, floor)
            framed = re.match(r"\s+(?:сәйкес|бойынша|негізінде|талаптарына|\d)", text[he : he + 30]) is not None
            if start < hs and framed:
                name = _WS.sub(" ", text[start:hs].strip())
                head_word = text[hs:he]
                base = head_word[: head_word.lower().index("лар") + 3] + "ы" if "лар" in head_word.lower() else head_word
                title = name[0].upper() + name[1:] + " " + base
                return _ActRef(start, he, "rules", title=title)
            if text[hs].isupper():
                return _ActRef(hs, he, "rules", anaphor="rules")
            return None
        if kind == "issued":
            m: re.Match[str] = obj
            start, title, date, number = self._prefix(text, hs, floor, allow_title=False)
            if not (date or number):
                return None
            # rules approved by it are handled from the rules' head
            if re.match(r"\s+бекітілген\s+(?:[\w-]+\s+){0,10}?[Ққ]ағида", text[he : he + 200]):
                return None
            start = self._issuer_start(text, start, floor)
            k = m.group("kind").lower()
            typ = _KK_ISSUED_TYPE.get(k, _KK_ISSUED_TYPE.get(k[:6], "order"))
            return _ActRef(start, he, typ, date=date, number=number)
        if kind == "bare":
            return _ActRef(hs, hs, None, anaphor="any")
        return None


# ---------------------------------------------------------------------------- resolution


class CitationParser:
    """Parses the paragraphs of one document in order, resolving anaphora across them."""

    def __init__(self) -> None:
        self.reg = registry()
        self._ru = _RussianParser()
        self._kk = _KazakhParser()
        self.last: dict[str, _ActRef] = {}
        self.last_any: _ActRef | None = None

    def parse(self, text: str, lang: str, offset: int = 0) -> list[Citation]:
        if lang == "ru":
            found = self._parse_ru(text)
        elif lang == "kk":
            found = self._parse_kk(text)
        else:
            return []
        out = []
        for start, end, ref, loc in found:
            out.append(self._resolve(text, start, end, ref, loc, lang, offset))
        return out

    # -- Russian -----------------------------------------------------------------------
    def _parse_ru(self, text: str) -> list[tuple[int, int, _ActRef | None, _Locators | None]]:
        out = []
        pos = 0
        names = self.reg.name_rx["ru"]
        # Each search's next match is kept while it still lies ahead: a search from a later
        # position finds the same one (look-behinds see the text before ``pos`` too). A
        # paragraph without the words a trigger or a known name needs is not searched at all.
        test = LiteralTest(text)
        if test.holds_any(_RU_TRIGGER_WORDS):
            trigger_rx = _ru_trigger(test.holds_any(_RU_RULES_WORD), test.holds_any(_RU_CODE_WORD))
            trigger = trigger_rx.search(text)
        else:
            trigger = None
        name = names.search(text) if self.reg.may_name("ru", test) else None
        while True:
            if trigger is not None and trigger.start() < pos:
                trigger = trigger_rx.search(text, pos)
            if name is not None and name.start() < pos:
                name = names.search(text, pos)
            m, k = trigger, name
            if k and (not m or k.start() < m.start()):
                m = k
            if not m:
                break
            s = m.start()
            loc = self._ru.locators(text, s)
            if loc:
                follow = _WS.match(text, loc.end)
                ref = self._ru.act(text, follow.end(), after_locators=True) if follow else None
                if ref:
                    out.append((loc.start, ref.end, ref, loc))
                    pos = ref.end
                    continue
                shared = self._act_of_next_chain(text, loc.end)
                if shared:
                    out.append((loc.start, loc.end, shared, loc))
                    pos = loc.end
                    continue
                if ("article" in loc.parts or "point" in loc.parts and "subpoint" in loc.parts) and not _ru_other_document(text, loc.end):
                    out.append((loc.start, loc.end, None, loc))
                pos = loc.end
                continue
            ref = self._ru.act(text, s, after_locators=False)
            if ref and not ref.anaphor:
                out.append((ref.start, ref.end, ref, None))
                pos = ref.end
                continue
            pos = m.end()
        return out

    def _act_of_next_chain(self, text: str, pos: int) -> _ActRef | None:
        """«п. 1 ст. 91 и п. 2 ст. 92 АППК РК»: locators joined by «и» / «,» to chains of other
        units, the last of which ends with an act, cite that act too. The act as the first
        chain names it: the date and number are written only in the last one's span."""
        for _ in range(5):
            j = _RU_JOIN.match(text, pos)
            nxt = self._ru.locators(text, j.end()) if j else None
            if nxt is None:
                return None
            follow = _WS.match(text, nxt.end)
            ref = self._ru.act(text, follow.end(), after_locators=True) if follow else None
            if ref is not None:
                return _ActRef(pos, pos, ref.type, ref.act, title=ref.title, anaphor=ref.anaphor)
            pos = nxt.end
        return None

    # -- Kazakh ------------------------------------------------------------------------
    def _parse_kk(self, text: str) -> list[tuple[int, int, _ActRef | None, _Locators | None]]:
        out: list[tuple[int, int, _ActRef | None, _Locators | None]] = []
        floor = 0
        for head in self._kk.heads(text):
            if head[0] < floor:
                continue
            ref = self._kk.act_at(text, head, floor)
            if ref is None:
                continue
            ref.start = max(ref.start, floor)
            loc = self._kk.locators(text, ref.end)
            if head[2] == "bare":
                if "article" not in loc.parts:
                    continue
                out.append((loc.start, loc.end, None, loc))
                floor = loc.end
                continue
            if not loc.parts and ref.anaphor:
                continue  # «Заңның талаптары» with nothing cited is no citation
            end = loc.end if loc.parts else ref.end
            out.append((ref.start, end, ref, loc if loc.parts else None))
            floor = end
        return out

    # -- resolution ----------------------------------------------------------------------
    def _resolve(self, text: str, start: int, end: int, ref: _ActRef | None, loc: _Locators | None, lang: str, offset: int) -> Citation:
        c = Citation(offset + start, offset + end, text[start:end], lang)
        if loc:
            c.article = loc.parts.get("article")
            c.part = loc.parts.get("part")
            c.point = loc.parts.get("point")
            c.subpoint = loc.parts.get("subpoint")
        target = ref
        if ref is None or ref.anaphor:
            want = (ref.anaphor if ref else None) or "any"
            prev = self.last_any if want == "any" else self.last.get(want)
            c.resolved = True
            if prev is not None:
                target = prev
            else:
                c.act_type = None if ref is None else ref.type
                return c
        else:
            c.date, c.number = ref.date, ref.number
        assert target is not None
        c.act_type = target.type
        act = target.act
        if act is not None:
            c.act_id = act.id
            c.act_short = act.short.get(lang)
            c.act_title = act.title.get(lang) or target.title
            c.repealed = act.repealed is not None
        else:
            c.act_title = target.title
        subjects = _ru_subjects(c.text, ref, loc) if ref is not None and lang == "ru" else None
        if ref is not None and not ref.anaphor and _says_repealed(text, start, end, lang, subjects):
            c.repealed = c.repeal_stated = True
            ref.repealed_in_text = True
        if target.repealed_in_text:
            # an anaphor («статью 8 этого Закона») to an act the text calls repealed: said too
            c.repealed = c.repeal_stated = True
        # remember the act for anaphora («этого Закона», «Кодекстің», a bare «91-баптың»)
        if ref is not None and not ref.anaphor:
            self.last[ref.type or "any"] = ref
            if ref.type == "rules":
                self.last["rules"] = ref
            self.last_any = ref
        elif target is not None:
            self.last_any = target
        return c


def parse_citations(text: str, lang: str) -> list[Citation]:
    """Citations of one text in one language (offsets into ``text``)."""
    return CitationParser().parse(text, lang)
