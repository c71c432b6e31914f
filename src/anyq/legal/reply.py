"""Reading a reply: is there a decision, its reasons, a next step, the appeal route,
a contact — and which devices of an «отписка» stand in their place.

Every judgement is made on sentences of the letter's body with the cue lexicons of
``rules/data/reply_cues.toml`` plus a little grammar: dates and terms, tense and mood of
the verbs (future or imperative = a next step; past-only = a report), whether a sentence
addresses the reader, and whether a redirected appeal names the body it went to.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Token

from anyq.engine.literals import Literals, LiteralTest, required_literals_of
from anyq.legal.citations import Citation
from anyq.legal.cues import Cues, cues
from anyq.legal.firstchar import skipping
from anyq.legal.layout import PHONE, Layout, Sentence, word_count
from anyq.nlp.normalize import OFFSETS, original_span
from anyq.resources import rules_toml
from anyq.text import quotations
from anyq.nlp.strings import TokenStrings, token_strings
from anyq.nlp.words import word_flags

# any form of a month in rules/data/ru_grammar.toml: its stem and any ending («январ», «март»), «май»
# by its own forms («ма[йяе]»: a stem «ма» would take «машина»)
_MONTHS_RU = "(?:" + "|".join(m[:-1] + "[йяе]" if m.endswith("й") else m.removesuffix("ь") for m in rules_toml("ru_grammar.toml")["months"]) + ")[а-я]*"
_MONTH_KK = "(?:" + "|".join(rules_toml("kk_grammar.toml")["words"]["months"]) + ")"
_MONTHS_KK = _MONTH_KK + "[а-яәғқңөұүһі]*"
# a concrete date or term: «до 15 апреля 2026 года», «в течение 5 рабочих дней», «2026 жылғы 20 наурызға дейін»
DATE = {
    "ru": re.compile(
        rf"\b\d{{1,2}}(?:\s*[–—-]\s*\d{{1,2}})?\s+{_MONTHS_RU}|\b\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|\b{_MONTHS_RU}\s+\d{{4}}|"
        rf"\b(?:до|с|по|в|к|не позднее|не позже)\s+(?:конца\s+|начала\s+|середины\s+)?{_MONTHS_RU}|"
        r"\b(?:в\s+течение|не\s+позднее|не\s+позже|через|за)\s+(?:\d+|одного|двух|тр[её]х|пяти|десяти|\w+)\s+(?:рабоч\w+\s+|календарн\w+\s+)?(?:дн|недел|месяц|час)\w*|"
        r"\b\d+\s+(?:рабоч\w+|календарн\w+)\s+дн\w*|\b(?:летом|весной|осенью|зимой)\s+\d{4}|\b(?:I|II|III|IV)\s+квартал\w*|"
        # a quarter by its ordinal: «во втором квартале 2026 года», «до конца 3-го квартала»
        r"\b(?:[1-4](?:-?(?:й|го|м|ом))?|перв\w+|втор\w+|трет\w+|четв[её]рт\w+)\s+квартал\w*|"
        r"\bдо\s+конца\s+(?:учебного\s+|этого\s+|текущего\s+)?(?:года|месяца|недели)|"
        r"\b(?:в|до|к|с|не\s+позднее)\s+(?:конца\s+|началу\s+|начала\s+)?\d{4}(?:\s*[–—-]\s*\d{4})?\s+(?:году|года|годах|годов|г\.)|"
        # a part of a year, as of a quarter: «в конце 2027 года», «в течение 2027 года», «во втором полугодии 2027 года»
        r"\b(?:в|во)\s+(?:конце|начале|середине|течение|перв\w+\s+полугоди\w+|втор\w+\s+полугоди\w+|перв\w+\s+половин\w+|втор\w+\s+половин\w+)\s+\d{4}\s+(?:года|г\.)",
        re.I,
    ),
    "kk": re.compile(
        rf"\b\d{{1,2}}(?:\s*[–—-]\s*\d{{1,2}})?\s+{_MONTHS_KK}|\b\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|\b\d{{4}}\s+жылғы\s+{_MONTHS_KK}|"
        rf"\b{_MONTHS_KK}\s+дейін|"
        # a month without its day, as the Russian «в марте», «с марта», «до конца марта»:
        # «наурыз айында», «ақпанда», «наурыздан бастап», «наурыздың соңына дейін» («жылыту
        # маусымында» is a season: the month's bare name takes the case ending itself)
        rf"\b{_MONTH_KK}(?:да|де|та|те|(?:нан|нен|дан|ден|тан|тен)\s+бастап|(?:ның|нің|дың|дің|тың|тің)\s+(?:соң|бас|орта)\w*)(?![\w-])|"
        rf"\b{_MONTH_KK}\s+айы\w*|"
        # a quarter by its ordinal: «2026 жылдың екінші тоқсанында», «2-тоқсанда» («тоқсан» alone is ninety)
        r"\b(?:[1-4]\s*-\s*|I{1,3}\s+|IV\s+|бірінші\s+|екінші\s+|үшінші\s+|төртінші\s+)тоқсан\w*|"
        # a term in hours too («в течение 24 часов», «24 сағат ішінде»: a police or utility call-out)
        r"\b(?:\d+|бір|екі|үш|бес|он)\s+(?:жұмыс\s+)?(?:күн|апта|ай|сағат)\w*\s+ішінде|кешіктірмей|кешікпей|"
        r"\b\d{4}(?:\s*[–—-]\s*\d{4})?\s+(?:жылы|жылдың|жылға\s+дейін|жылдары)",
        re.I,
    ),
}
_DIGIT = re.compile(r"\d")
# phone and service numbers («по телефону 102», «контакт-центр 109») are no facts of the case;
# Kazakh puts the number first («109 бірыңғай байланыс орталығына»). A place in a queue or a
# register is one: «номер в очереди — 46», «под номером 312», «кезектегі нөміріңіз — 46», and
# the reader's own number is no phone: «Ваш номер — 418», «Сіздің нөміріңіз – 377»
_SERVICE_NUMBER = re.compile(
    r"(?:телефон\w*|(?<!ваш\s)(?<!вашего\s)(?<!вашем\s)номер(?!\w*\s+(?:в\s+)?очеред)(?!ом\s+\d)\w*|центр\w*|орталығ\w*"
    r"|(?<!кезектегі\s)нөмір(?!іңіз)\w*|line)"
    r"[^.\d]{0,20}\d{2,4}\b|\b\d{3}-ге\b"
    r"|\b\d{2,4}\s+(?:[^\W\d_]+\s+){0,2}(?:байланыс\s+)?орталығ\w*",
    re.I,
)
# the words a service number needs one of (``anyq.engine.literals``): most sentences with a
# number hold none, and the substitution tries the pattern at every position
_SERVICE_WORDS = required_literals_of([_SERVICE_NUMBER])[0]


def concrete(text: str, lang: str) -> bool:
    """A date, or a number that is not a phone."""
    if has_date(text, lang):
        return True
    if _DIGIT.search(text) is None:
        return False  # removing phones and service numbers cannot add a digit
    rest = PHONE.sub(" ", text)
    if _SERVICE_WORDS is None or LiteralTest(rest).holds_any(_SERVICE_WORDS):
        rest = _SERVICE_NUMBER.sub(" ", rest)
    return _DIGIT.search(rest) is not None
# a deadline: what will be done «до 15 апреля», «в течение 5 рабочих дней», «20 наурызға дейін» — future even in a past sentence
_RU_TERM_END = rf"\s+(?:\d{{1,2}}\s+{_MONTHS_RU}|\d{{1,2}}\.\d{{1,2}}|конца\s+{_MONTHS_RU}|{_MONTHS_RU})"
_RU_DEADLINES = [
    rf"до{_RU_TERM_END}",
    rf"не\s+позднее{_RU_TERM_END}",
    rf"не\s+позже{_RU_TERM_END}",
    r"в\s+течение\s+(?:\d+|одного|двух|тр[её]х|пяти|десяти|\w+)\s+(?:рабоч\w+\s+|календарн\w+\s+)?(?:дн|недел|час)\w*",
]
DEADLINE = {
    "ru": re.compile(r"\b(?:" + "|".join(_RU_DEADLINES) + ")", re.I),
    "kk": re.compile(
        rf"\b(?:\d{{1,2}}\s+)?{_MONTHS_KK}\s+дейін|кешіктірмей|кешікпей|\b(?:\d+|бір|екі|бес|он)\s+(?:жұмыс\s+)?(?:күн|апта|сағат)\w*\s+ішінде",
        re.I,
    ),
}
# A Kazakh deadline needs a month, «кешік…» or «ішінде»: a sentence with none of those words is
# not searched (``anyq.engine.literals``; the Russian pattern has no such words).
_DEADLINE_WORDS = dict(zip(DEADLINE, required_literals_of(list(DEADLINE.values()))))
# The Russian one has no such words («до», «не» are in most sentences); it is searched in a form
# led by the class of its first letters (``firstchar``), which skips at C speed to the next «д»,
# «н» or «в» instead of trying the alternation at every position. The ``\b`` before a letter is
# the look-behind after it: the character before the letter is no word character.
_RU_SKIP = skipping([(d, True, False) for d in _RU_DEADLINES])
assert _RU_SKIP is not None
_DEADLINE_SEARCH = {
    "ru": re.compile(_RU_SKIP[0] + r"(?<!\w[\s\S])(?:" + "|".join(_RU_SKIP[1]) + ")"),
    "kk": DEADLINE["kk"],
}


def has_deadline(text: str, lang: str) -> bool:
    words = _DEADLINE_WORDS[lang]
    if words is not None and not LiteralTest(text).holds_any(words):
        return False
    return _DEADLINE_SEARCH[lang].search(text) is not None


_NOT_A_NAME = re.compile(r"^(?:Вы|Вам|Вас|Ваш\w*|Сіз\w*|Республик\w*|Казахстан\w*|Қазақстан\w*|РК|ҚР|Закон\w*|Заң\w*|Кодекс\w*)$")
_CAPITAL_WORD = re.compile(r"(?<![\w-])[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+")
_READER_RU_WORDS = ("вы", "вам", "вас", "вами", r"ваш\w*")
_READER_RU = re.compile(r"(?<![\w-])(?:" + "|".join(_READER_RU_WORDS) + r")(?![\w-])", re.I)
# searched led by the class of the words' first letters (``firstchar``): the same matches, and
# the search skips at C speed to the next «в» instead of trying the words at every position
_READER_RU_SKIP = skipping([(w, True, True) for w in _READER_RU_WORDS])
assert _READER_RU_SKIP is not None
_READER_RU_SEARCH = re.compile(_READER_RU_SKIP[0] + "(?:" + "|".join(_READER_RU_SKIP[1]) + r")(?![\w-])")
# the reading's plain word lists (reply_cues.toml, [words.ru] and [words.kk])
_WORDS = {lang: rules_toml("reply_cues.toml")["words"][lang] for lang in ("ru", "kk")}
_RU_MODALS = frozenset(_WORDS["ru"]["modals"])
# the Kazakh words of obligation or ability that make a sentence look forward by themselves
_KK_MODALS = tuple(_WORDS["kk"]["modals"])
# a quoted name or an organisation's acronym names a body (``named_body``)
_ACRONYMS = _WORDS["ru"]["body_acronyms"] + _WORDS["kk"]["body_acronyms"]
_ACRONYM = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, _ACRONYMS)) + r")(?![\w-])")


def _quoted_or_acronym(text: str) -> bool:
    """A quotation of two characters or more, in any quote marks the quotation reader knows
    (portal "электронного правительства" as «…»: T106's fix must not change the reading), or an acronym."""
    return any(e - s >= 2 for s, e in quotations.spans(text)) or _ACRONYM.search(text) is not None


# words that make a sentence a condition: «Если Вы не принесёте справку, пособие не назначат» warns
_RU_CONDITIONS = frozenset(_WORDS["ru"]["conditions"])
_KK_CONDITIONS = frozenset(_WORDS["kk"]["conditions"])


def _appeal_words(lang: str, dated: bool = False) -> str:
    """The stems of the words for the reader's appeal, as a regex (never one of the words that
    only begin like them: «хаттама»); ``dated``: also those that name it only with a date."""
    words = _WORDS[lang]
    stems = words["appeal_words"] + (words.get("appeal_words_dated", []) if dated else [])
    not_words = "".join(f"(?!{re.escape(w)})" for w in words.get("not_appeal_words", ()))
    return not_words + "(?:" + "|".join(map(re.escape, stems)) + ")"


_APPEAL_WORDS = re.compile(f"{_appeal_words('ru')}|{_appeal_words('kk')}", re.I)
# the date of the reader's appeal: «на Ваше обращение от 10 ноября 2026 года», «на № 12 от
# 10.11.2026 г.», «Сіздің 2026 жылғы 10 қарашадағы өтінішіңізге» — no fact of the case, no next step
_APPEAL_DATE = {
    "ru": re.compile(
        rf"(?:{_appeal_words('ru', dated=True)}|№\s*\S+)\w*\s+(?:№\s*\S+\s+)?от\s+"
        rf"\d{{1,2}}(?:\s+{_MONTHS_RU}(?:\s+\d{{4}})?|\.\d{{1,2}}\.\d{{4}})(?:\s*(?:года|г\.))?",
        re.I,
    ),
    "kk": re.compile(
        rf"(?:\b\d{{4}}\s+жылғы\s+)?\b\d{{1,2}}(?:\s+{_MONTHS_KK}|\.\d{{1,2}}\.\d{{4}}(?:\s+жылғы)?)\s+(?:№\s*\S+\s+)?"
        + _appeal_words("kk", dated=True),
        re.I,
    ),
}
# the words an appeal's date needs one of: the appeal's own word or (Russian) its «№». Most
# sentences with a date hold none, and the substitution tries the pattern at every position
# (``required_literals_of`` finds no words in it: «№» is too short for its pre-tests)
_APPEAL_DATE_WORDS = {
    lang: Literals(tuple(_WORDS[lang]["appeal_words"] + _WORDS[lang].get("appeal_words_dated", [])) + (("№",) if lang == "ru" else ()), ignorecase=True)
    for lang in ("ru", "kk")
}
# verbs that say what we do not know or have, not what we refuse («не располагаем», «білмейміз»)
_NOT_REFUSALS = frozenset(_WORDS["ru"]["not_refusals"] + _WORDS["kk"]["not_refusals"])
# Kazakh verbs of telling: «хабарлаймыз», «түсіндіреміз» are said now, not promised
_KK_TELLING = frozenset(_WORDS["kk"]["telling"])
# verbs whose imperative is no next step: calling in with questions (a contact), «извините»
_RU_NOT_STEPS = frozenset(_WORDS["ru"]["not_step_verbs"])
_KK_NOT_STEPS = frozenset(_WORDS["kk"]["not_step_verbs"])
# …unless the call is for a purpose the reply names («Для записи на приём позвоните …»)
_CALL_VERBS = {lang: frozenset(_WORDS[lang]["call_verbs"]) for lang in ("ru", "kk")}
_PURPOSE_WORDS = {lang: frozenset(_WORDS[lang]["purpose_words"]) for lang in ("ru", "kk")}
_CONTACT_PURPOSES = {lang: tuple(_WORDS[lang]["contact_purposes"]) for lang in ("ru", "kk")}


def _call_for_a_purpose(lang: str, words: list[str]) -> bool:
    """The sentence's words (lower case) give a call a purpose of the case: a word of purpose
    («для», «чтобы», «үшін») and no purpose of information or questions («информации»,
    «консультации», «ақпарат»): the call is then a step, not a contact."""
    return not _PURPOSE_WORDS[lang].isdisjoint(words) and not any(w.startswith(_CONTACT_PURPOSES[lang]) for w in words)


@dataclass(slots=True)
class Signal:
    """One device of an «отписка» found in the text."""

    name: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class ReplyReading:
    has: dict[str, bool]
    evidence: dict[str, Sentence | None]
    signals: list[Signal] = field(default_factory=list)
    forwarded_named: bool = False
    # the decision is only the forwarding to a named body, and no other sentence tells anything
    # of the reader's case (L120 weighs it with the letter's citations)
    forward_only: bool = False

    def count(self, name: str) -> int:
        return sum(1 for s in self.signals if s.name == name)


# ---------------------------------------------------------------------------- sentence tests


@lru_cache(maxsize=4096)
def has_date(text: str, lang: str) -> bool:
    return DATE[lang].search(text) is not None


def _candidate_tokens(s: Sentence, words: tuple[str, ...], in_tag: tuple[str, ...]) -> list[Token]:
    """The tokens of the Kazakh sentence that could pass a test on their analysis: a superset
    test on the plain strings of the paragraph (lower-case text, tag), so that the exact test
    with a Token and ``token._.kk`` runs only on those few tokens (a Token and its analysis
    for every token of a sentence cost more than the rest of the test). Empty: none can."""
    ts = token_strings(s.span.doc)
    a, b = s.span.start, s.span.end
    lower, tag = ts.lower, ts.tag
    # list-wide tests first: most sentences hold no such token. A tag test on the tags joined
    # by "\n" finds what one on each tag finds (no tested substring holds a line break)
    if not any(w.startswith(words) for w in lower[a:b]):
        tags = "\n".join(tag[a:b])
        if not any(x in tags for x in in_tag):
            return []
    doc = s.span.doc
    return [doc[i] for i in range(a, b) if lower[i].startswith(words) or any(x in tag[i] for x in in_tag)]


def addresses_reader(s: Sentence) -> bool:
    if s.lang == "ru":
        return _READER_RU_SEARCH.search(s.text) is not None
    if s.span is None:
        return "сіз" in s.text.lower()
    # kk: the tag string holds the stemmer's tags (``poss2…``, ``2pol``) of every analysed word
    return any(map(_kk_addresses_reader, _candidate_tokens(s, words=("сіз",), in_tag=("poss2", "2pol"))))


def _kk_addresses_reader(t: Token) -> bool:
    """«сіз…», or a word with a second-person possessive or polite ending."""
    a = t._.kk
    return t.lower_.startswith("сіз") or (a is not None and any(tag.startswith("poss2") or tag == "2pol" for tag in a.tags))


def speaks_for_itself(s: Sentence) -> bool:
    """A statement about this case, not a general rule: addressed to the reader, said by «мы» /
    «біз», a direct «Да,» / «Иә,», or holding a fact of its own (a number, a date)."""
    if addresses_reader(s) or _DIGIT.search(s.text) or re.match(r"\s*(?:\d{1,2}[.)]\s*)?(?:да|нет|иә|жоқ)\b", s.text, re.I):
        return True
    return _we_speak(s)


def _we_speak(s: Sentence) -> bool:
    """«мы» / «біз», or a verb in the first person plural."""
    if s.span is None:
        return False
    if s.lang == "ru":
        # Person=1 and Number=Plur are written from the grammemes 1per and plur of the tag
        # (``morph_ru``): the token strings answer without a Token and its features
        ts = token_strings(s.span.doc)
        a, b = s.span.start, s.span.end
        return "мы" in ts.lower[a:b] or any("1per" in tag and "plur" in tag for tag in ts.tag[a:b])
    return any(map(_kk_we, _candidate_tokens(s, words=("біз",), in_tag=("1pl",))))


def _kk_we(t: Token) -> bool:
    """«біз», or a verb in the first person plural."""
    return t.lower_ == "біз" or (t._.kk is not None and "1pl" in t._.kk.tags)


def _reader_or_we(s: Sentence) -> bool:
    return addresses_reader(s) or _we_speak(s)


def forward_looking(s: Sentence) -> bool:
    """A future or imperative verb, or a modal of obligation: the sentence says what will happen or what to do."""
    if s.span is None:
        return False
    if s.lang == "ru":
        # Tense=Fut and Mood=Imp are written from the grammemes futr and impr of the tag
        # (``morph_ru``): the token strings answer without a Token and its features (a tag
        # test on the tags joined by "\n" finds the same: no tested substring holds one)
        ts = token_strings(s.span.doc)
        a, b = s.span.start, s.span.end
        lower, tags = ts.lower[a:b], "\n".join(ts.tag[a:b])
        if "futr" in tags or "impr" in tags or "будет" in lower or "будут" in lower:
            return True
        return not _RU_MODALS.isdisjoint(ts.lemma[a:b]) and _ru_modal_now(ts, a, b)
    return any(map(_kk_forward_looking, _candidate_tokens(s, words=_KK_MODALS, in_tag=("pres", "fut", "poss2pol"))))


def _ru_modal_now(ts: TokenStrings, a: int, b: int) -> bool:
    """A modal word in the present or future («подлежит сносу», «должен будет»): «подлежал сносу
    в 2019 году», «подлежавших сносу», «должен был», «надо было» tell a past fact, not what is to happen."""
    for i in range(a, b):
        if ts.lemma[i] not in _RU_MODALS or "past" in ts.tag[i]:
            continue
        # the past told by «был» beside the word: «должен был быть снесён», «было необходимо»
        if not any(ts.lemma[j] == "быть" and "past" in ts.tag[j] for j in range(max(a, i - 1), min(b, i + 2))):
            return True
    return False


def _kk_forward_looking(t: Token) -> bool:
    """A modal word, a present or future verb, or the polite imperative."""
    if t.lower_ in _KK_MODALS:
        return True
    a = t._.kk
    if a is None:
        return False
    if a.pos == "VERB" and any(tag in ("pres", "fut", "ptcp.fut") for tag in a.tags):
        # «хабарлаймыз» is the present-future form, but it tells, it does not promise
        # (the Russian «сообщаем» is no future either)
        return not (a.stem in _KK_TELLING and "1pl" in a.tags)
    from anyq.nlp.stem_kk import stemmer

    # «тапсырыңыз», «хабарласыңыз»: the polite imperative, which ends the word. A case after
    # «-ыңыз» makes it «your …»: «Жеке ісіңізді … жібердік» (stem «іс», also a verb) tells a
    # past fact, and was read as looking forward, so it did not count as the reasons
    return a.tags[-1:] == ("poss2pol",) and stemmer().lex.is_verb(a.stem, depth=0)


def instructs(s: Sentence) -> bool:
    """Tells the reader what to do: a verb in the imperative («подайте заявление ещё раз»,
    «обратитесь к врачу», «тапсырыңыз», «жүгініңіз») or, in Kazakh, the second person of the
    present-future told as an instruction («ХҚКО-ға өтініш бересіз»), not one of calling in with
    questions («звоните …», «хабарласыңыз»: a contact), of courtesy («извините») nor «можете»
    (what the reader may do; ``not_step_verbs`` in reply_cues.toml)."""
    return _instruction(s) is not None


def _instruction(s: Sentence) -> int | None:
    """The index in the doc of the verb by which the sentence instructs the reader (``instructs``), or None."""
    if s.span is None:
        return None
    ts = token_strings(s.span.doc)
    a, b = s.span.start, s.span.end
    if s.lang == "ru":
        lower, tag, lemma = ts.lower, ts.tag, ts.lemma
        purpose = None  # asked only of a sentence with a call in it
        for i in range(a, b):
            t = tag[i]
            if not t.startswith("VERB"):
                continue
            if lemma[i] in _RU_NOT_STEPS:
                if lemma[i] not in _CALL_VERBS["ru"]:
                    continue
                if purpose is None:
                    purpose = _call_for_a_purpose("ru", lower[a:b])
                if not purpose:
                    continue
            # «получите», «обратитесь» are read as the indicative «вы получите»: without «Вы»
            # before them in the sentence they are the imperative («В обращении Вы указываете …
            # и просите …» retells the appeal)
            if "impr" in t or "2per" in t and "plur" in t and "вы" not in lower[a:i]:
                return i
        return None
    doc = s.span.doc
    # «2pol» is in the tags of both: the imperative («poss2pol») and the present «pres|2pol»
    for t in _candidate_tokens(s, words=(), in_tag=("2pol",)):
        # the verb ends its clause: «қызыңыз Айша …», «табысыңыз туралы» are nouns of the same form
        ends = t.i + 1 >= b or not doc[t.i + 1].is_alpha or doc[t.i + 1].lower_ in _KK_AND
        if ends and (_kk_instructs(t) or _kk_you_will_do(t, ts, a) or _kk_call_for_a_purpose(t, ts, a, b)):
            return t.i
    return None


# the words after which a verb ends its clause: kk_grammar.toml's ``clause_joiners``, not its
# ``and_words`` (the name is kept so that ``instructs`` above reads as it did)
_KK_AND = frozenset(rules_toml("kk_grammar.toml")["words"]["clause_joiners"])


def _kk_instructs(t: Token) -> bool:
    """The polite imperative of a verb, not of calling or courtesy: «тапсырыңыз», «келіңіз»."""
    from anyq.nlp.stem_kk import stemmer

    a = t._.kk
    # the imperative is the bare stem with «-(ы)ңыз»: «жеріңізді», «балаларыңыз» are nouns
    return a is not None and a.tags == ("poss2pol",) and a.stem not in _KK_NOT_STEPS and stemmer().lex.is_verb(a.stem, depth=0)


def _kk_call_for_a_purpose(t: Token, ts: TokenStrings, a: int, b: int) -> bool:
    """The polite imperative of a call for a purpose the reply names: «Шартқа қол қою уақытын
    келісу үшін 55-12-34 телефоны бойынша хабарласыңыз» (``_call_for_a_purpose``)."""
    k = t._.kk
    return k is not None and k.tags == ("poss2pol",) and k.stem in _CALL_VERBS["kk"] and _call_for_a_purpose("kk", ts.lower[a:b])


# «Сіз кезекте тұрасыз», «білесіз»: the present of a state tells a fact, no step to take
_KK_STATES = frozenset(_WORDS["kk"]["state_verbs"])


def _kk_you_will_do(t: Token, ts: TokenStrings, a: int) -> bool:
    """The second person of the present-future told as an instruction: «Өтінішке көшірмесін
    қосасыз», «құжаттарды ХҚКО-ға тапсырасыз» (Kazakh letters list the reader's steps so, as the
    imperative «тапсырыңыз» does). Not negated, not a state («тұрасыз»), not the «can» of «бере
    аласыз» (what the reader may do, as «можете»), not with «Сіз» before it (a fact told of the
    reader, as the Russian «Вы получите») nor retelling the appeal («Өтінішіңізде … сұрайсыз»)."""
    from anyq.nlp.stem_kk import stemmer

    k = t._.kk
    if k is None or k.tags != ("pres", "2pol") or k.stem in _KK_NOT_STEPS or k.stem in _KK_STATES:
        return False
    lex = stemmer().lex
    if not lex.is_verb(k.stem, depth=0):
        return False
    if k.stem == "ал" and t.i > a:
        p = t.doc[t.i - 1]
        pk = p._.kk
        # the converb before «ал» («бере», «жазыла», «ауыстыра»): tagged, or read as a bare word
        if pk is not None and "conv.a" in pk.tags or p.lower_.endswith(("а", "е", "й")) and lex.is_verb(p.lower_[:-1], depth=0):
            return False
    for i in range(a, t.i):
        if ts.lower[i] == "сіз":
            return False
        tags = ts.tag[i].split("|")
        if "poss2pol" in tags and "loc" in tags and ts.lemma[i] in _KK_APPEAL_STEMS:
            return False
    return True


_KK_APPEAL_STEMS = frozenset(_WORDS["kk"]["appeal_words"])


def refusal(s: Sentence) -> str | None:
    """A refusal told by its verb, without an outcome word. A verb of the first person negated,
    said to the reader: «Мы не дадим Вам льготу», «Сізге жеңілдік бермейміз». With its reason
    and not as a condition the reader's case needs no «Вам» / «Сіз…» word, and the refusal may
    be told in the first person («Мы не пересчитываем плату, так как…», «Салықты қайта
    есептемейміз, себебі…»), in the third (Russian: «Участок вам не дадут, потому что…»,
    «Пособие не будет назначено, так как…», «Перерасчёт не производится, поскольку…»; Kazakh:
    «Анықтама берілмейді, себебі…», «Анықтама беруге болмайды, себебі…») or as impossible
    («Выдать справку невозможно, потому что…»; the Kazakh «мүмкін емес» is an outcome word).
    The verb, or None."""
    if s.span is None:
        return None
    ts = token_strings(s.span.doc)
    a, b = s.span.start, s.span.end
    lower, tag, lemma = ts.lower, ts.tag, ts.lemma
    found = None
    if s.lang == "ru":
        impossible = cues("ru").search("impossible", s.text)
        if "не" not in lower[a:b] and impossible is None:
            return None
        impersonal = impossible.group(0) if impossible is not None else None
        for i in range(a + 1, b):
            t = tag[i]
            if lower[i - 1] != "не" or not t.startswith("VERB") or lemma[i] in _NOT_REFUSALS:
                continue
            if "1per" in t and ("pres" in t or "futr" in t):
                found = f"не {lower[i]}"
                break
            if impersonal is None and "3per" in t and "futr" in t:
                if "plur" in t and lower[i] != "будут":
                    impersonal = f"не {lower[i]}"  # «не дадут», «не назначат»
                elif lower[i] in ("будет", "будут") and i + 1 < b and tag[i + 1].startswith("PRTS"):
                    impersonal = f"не {lower[i]} {lower[i + 1]}"  # «не будет назначено»
            elif impersonal is None and "3per" in t and "pres" in t and lower[i].endswith(("ся", "сь")):
                impersonal = f"не {lower[i]}"  # the passive «не производится», «не выдаётся»
        # with its reason and not as a condition: «Если Вы не принесёте справку, пособие вам не
        # назначат» warns, it decides nothing
        if (found or impersonal) and cues("ru").search("reason", s.text):
            if _RU_CONDITIONS.isdisjoint(lower[a:b]):
                return found or impersonal
    else:
        # the stemmer's tags: «бермейміз» = бер + neg + pres + 1pl
        impersonal = None
        for i in range(a, b):
            t = tag[i].split("|")
            if "neg" not in t or lemma[i] in _NOT_REFUSALS:
                continue
            if "pres" in t and ("1pl" in t or "1sg" in t):
                found = lower[i]
                break
            if impersonal is None and _kk_not_done(i, t, lower, tag, lemma, b):
                impersonal = lower[i]
        # «Салықты есептемейміз, себебі мәліметтер дұрыс»: the reader's case needs no «Сіз…»
        # word when the refusal gives its reason, as the Russian impersonal one above; not as a
        # condition («Анықтама болмаса, төлемді есептемейміз, себебі…» warns)
        if (found or impersonal) and cues("kk").search("reason", s.text):
            conditional = any("cond" in tag[i].split("|") for i in range(a, b)) or not _KK_CONDITIONS.isdisjoint(lower[a:b])
            if not conditional:
                return found or impersonal
    return found if found is not None and addresses_reader(s) else None


def _kk_not_done(i: int, t: list[str], lower: list[str], tag: list[str], lemma: list[str], end: int) -> bool:
    """The negated Kazakh verb at ``i`` (tags ``t``) says what is not done to the reader's case:
    a passive in the present («берілмейді», «тағайындалмайды»), a passive participle with
    «болады» («берілмейтін болады»), or «болмайды» after a verbal noun («беруге болмайды»).
    Not an active third person: «Дүкен жексенбіде жұмыс істемейді» tells a fact."""
    if "pres" in t and "3" in t and lemma[i] == "бол":
        return i > 0 and "vn" in tag[i - 1].split("|") and "dat" in tag[i - 1].split("|")
    if "pres" in t and "3" in t or "ptcp.hab" in t and i + 1 < end and lower[i + 1] == "болады":
        return _kk_passive(lemma[i])
    return False


# the passive suffix's variants, as jargon_kk reads them (kk_grammar.toml)
_KK_PASSIVE = tuple(rules_toml("kk_grammar.toml")["words"]["passive_endings"])


def _kk_passive(stem: str) -> bool:
    """A verb stem in the passive: «беріл», «тағайындал», «төлен» — a verb of at least three
    letters with the passive suffix («қал», «кел», «сал» end in «л» but are no passives)."""
    from anyq.nlp.stem_kk import stemmer

    lex = stemmer().lex
    return any(stem.endswith(x) and len(stem) - len(x) >= 3 and lex.is_verb(stem[: -len(x)], depth=0) for x in _KK_PASSIVE)


def citation_words(s: Sentence, cits: list[Citation]) -> int:
    """Words of the sentence inside citations (counted like the report's word statistics)."""
    if s.span is None:
        return 0
    inside = sorted((c.start, c.end) for c in cits if c.start < s.end and s.start < c.end)
    if not inside:
        return 0
    doc = s.span.doc
    flags = word_flags(doc)
    starts = _token_starts(doc)
    a, b = s.span.start, s.span.end
    # the tokens starting inside a citation are a run of token indices (``starts`` ascend):
    # found by bisection, each token counted once even where citations overlap
    n = 0
    done = a
    for ca, cb in inside:
        lo = max(bisect_left(starts, ca - s.para_start, a, b), done)
        hi = bisect_left(starts, cb - s.para_start, a, b)
        if hi > lo:
            n += sum(flags[lo:hi])
            done = hi
    return n


_TOKEN_STARTS = "anyq.legal.token_starts"


def _token_starts(doc) -> list[int]:  # noqa: ANN001 - a spaCy Doc
    """Paragraph offset of every token of the doc (``original_span`` of its ``idx``), kept
    with the doc."""
    starts = doc.user_data.get(_TOKEN_STARTS)
    if starts is None:
        idx = token_strings(doc).idx
        offsets = doc.user_data.get(OFFSETS)
        starts = doc.user_data[_TOKEN_STARTS] = idx if offsets is None else [offsets[i] for i in idx]
    return starts


def _norms_in(s: Sentence, cits: list[Citation]) -> list[Citation]:
    """The citations of norms in the sentence (an order or resolution cited is a fact of the case)."""
    return [c for c in cits if c.start < s.end and s.start < c.end and c.act_type not in ("resolution", "order", "decision")]


def _blank_citations(s: Sentence, inside: list[Citation]) -> str:
    rest = s.text
    for c in inside:
        a, b = max(c.start, s.start) - s.start, min(c.end, s.end) - s.start
        rest = rest[:a] + " " * (b - a) + rest[b:]
    return rest


# a term set by a norm: «в течение 15 (пятнадцати) рабочих дней», «3 жұмыс күні ішінде». The
# units are whole word forms, not stems: «2 части», «по сути», «10 айлық есептік көрсеткіш»,
# «5 айыппұл» are no terms (Kazakh: the unit bare, with a case ending, or with the possessive
# «-ы/-і/-сы» and a case ending after it: «күнге», «айына», «аптасында», «сағаттан»)
_TERM = {
    "ru": re.compile(
        r"\b\d+\s*(?:\([^)]{1,40}\)\s*)?(?:рабоч\w+\s+|календарн\w+\s+)?"
        r"(?:день|дн(?:я|ю|[её]м|е|ей|ям|ями|ях)|сут(?:ки|ок|кам|ками|ках)|недел(?:я|и|е|ю|ей|ь|ям|ями|ях)"
        r"|месяц(?:а|у|ем|е|ев|ам|ами|ах)?|час(?:а|у|ом|е|ов|ам|ами|ах)?)(?![\w-])",
        re.I,
    ),
    "kk": re.compile(
        r"\b\d+\s*(?:\([^)]{1,40}\)\s*)?(?:жұмыс\s+|күнтізбелік\s+)?"
        r"(?:күн(?:ге|де|нен|ді|нің|мен|дегі|і(?:н|не|нде|нен|нің|мен|ндегі)?)?"
        r"|апта(?:ға|да|дан|ны|ның|мен|дағы|сы(?:н|на|нда|нан|ның|мен|ндағы)?)?"
        r"|ай(?:ға|да|дан|ды|дың|мен|дағы|ы(?:н|на|нда|нан|ның|мен|ндағы)?)?"
        r"|сағат(?:қа|та|тан|ты|тың|пен|тағы|ы(?:н|на|нда|нан|ның|мен|ндағы)?)?)(?![\w-])",
        re.I,
    ),
}


# a rate set by a norm: «в размере 40 процентов среднемесячного дохода», «табыстың 40 пайызы
# мөлшерінде»: like a term, the norm's content, not a fact of the reader's case. Only with the
# word for a size: «98,7 пайызы … қаралды» is a figure of its own
_PCT = r"\d+(?:[.,]\d+)?\s*(?:\([^)]{1,40}\)\s*)?"
_RATE = {
    "ru": re.compile(rf"(?:размер|ставк)\w*[^.!?\d]{{0,60}}{_PCT}(?:%|процент\w*)", re.I),
    "kk": re.compile(rf"мөлшер\w*[^.!?\d]{{0,60}}{_PCT}(?:%|пайыз\w*)|\b{_PCT}(?:%|пайыз\w*)\s+мөлшер", re.I),
}


def decides(s: Sentence) -> re.Match[str] | None:
    """An outcome word («отказано», «оставлено без изменения», «бас тартылды») that is not
    hedged or promised: the sentence tells the decision."""
    c = cues(s.lang)
    m = c.search("decision", s.text)
    return m if m and not c.search("hedge", s.text) and not c.search("promise", s.text) else None


def norm_sentence(s: Sentence, cits: list[Citation]) -> bool:
    """States what a norm says, not what happens to the reader: cites an act, does not
    address the reader, tells no decision and gives no fact of its own (no number outside
    the citation but the terms a norm sets)."""
    inside = _norms_in(s, cits)
    if not inside:
        return False
    if addresses_reader(s):
        return False
    # «Согласно ст. 43 ЗК РК в предоставлении участка отказано»: a decision with its legal
    # basis; naming the basis must not make a reply look more evasive
    if decides(s):
        return False
    # «Согласно ст. 76 АППК обращение рассматривается в течение 15 рабочих дней»: the term (and
    # a rate: «40 процентов») is the norm's content, not a fact of the reader's case (nor a next step)
    rest = _blank_citations(s, inside)
    if _DIGIT.search(rest) is None:
        return True  # a term and a rate hold a number: without one there is nothing to blank
    rest = _TERM[s.lang].sub(" ", rest)
    return _DIGIT.search(_RATE[s.lang].sub(" ", rest)) is None


def case_text(s: Sentence, cits: list[Citation]) -> str:
    """The sentence with what is no fact of the case blanked: the numbers and dates of the
    norms it cites («ӘРПК-нің 89-бабына») and the date of the reader's own appeal («Сіздің
    2026 жылғы 10 қарашадағы өтінішіңізге», «на Ваше обращение от 10 ноября 2026 года»)."""
    if _DIGIT.search(s.text) is None:
        return s.text  # a citation's number and an appeal's date both hold one
    return _blank_appeal_date(_blank_citations(s, _norms_in(s, cits)), s.lang)


def step_text(s: Sentence, cits: list[Citation]) -> str:
    """``case_text`` with every cited act blanked, orders and resolutions too: the date an act
    was issued («2021 жылғы 5 тамыздағы № ҚР ДСМ-75 бұйрығымен») is past, never the date of a
    next step. (A cited order stays a fact of the case for the decision and its reasons.)"""
    if _DIGIT.search(s.text) is None:
        return s.text
    return _blank_appeal_date(_blank_citations(s, [c for c in cits if c.start < s.end and s.start < c.end]), s.lang)


def _blank_appeal_date(text: str, lang: str) -> str:
    """``text`` with the date of the reader's appeal blanked (``_APPEAL_DATE``), the pattern
    run only on a text that holds one of the words it needs."""
    if not LiteralTest(text).holds_any(_APPEAL_DATE_WORDS[lang]):
        return text
    return _APPEAL_DATE[lang].sub(lambda m: " " * len(m.group(0)), text)


def named_body(text: str) -> bool:
    """Does this stretch name a body: a quoted name, an organisation's acronym, or a capitalised
    word that is no pronoun, no country and no act («Департамент Комитета …», «Павлодарский филиал»)?"""
    if _quoted_or_acronym(text):
        return True
    for m in _CAPITAL_WORD.finditer(text):
        if m.start() == 0:
            continue
        if not _NOT_A_NAME.match(m.group(0)):
            return True
    return False


def _vague_route(s: Sentence, cits: list[Citation]) -> bool:
    """«Решение может быть обжаловано в установленном законодательством порядке»: the route is
    the law's in general, with neither where (a court, a higher body, a named body) nor when —
    what the reader needs to appeal is not there."""
    c = cues(s.lang)
    if not c.search("vague_route", s.text) or has_date(s.text, s.lang) or c.search("appeal_body", s.text):
        return False
    # a cited act («в порядке, установленном ст. 91 АППК РК») names no body
    return not named_body(_blank_citations(s, [x for x in cits if x.start < s.end and s.start < x.end]))


# ---------------------------------------------------------------------------- the reading


def read_reply(lay: Layout, norms: set[int], lang: str, cits: list[Citation]) -> ReplyReading:
    """``norms``: the ids of the sentences that state a norm (``norm_sentence``); ``cits``: the
    citations of the letter, whose numbers and dates are no facts of the case."""
    body = lay.body()
    has = dict.fromkeys(("decision", "reasons", "next_step", "appeal_route", "contact"), False)
    ev: dict[str, Sentence | None] = dict.fromkeys(has)
    reading = ReplyReading(has, ev)

    def c_of(s: Sentence) -> Cues:
        return cues(s.lang)

    appeal_sents = [s for s in lay.sentences if s.zone in ("body", "footer") and c_of(s).search("appeal_route", s.text)]
    routes = [s for s in appeal_sents if not _vague_route(s, cits)]
    if routes:
        has["appeal_route"], ev["appeal_route"] = True, routes[0]
    appeal_ids = {id(s) for s in appeal_sents}

    # forwarding to a named body (АППК ст. 65) answers the «where» of a redirect
    forwarding = None
    for s in body:
        c = c_of(s)
        m = c.search("forwarded", s.text)
        if m and _APPEAL_WORDS.search(s.text) and named_body(s.text[m.start() :] if s.lang == "ru" else s.text):
            if not c.search("vague_body", s.text[m.start() :] if s.lang == "ru" else s.text) or named_body(s.text):
                reading.forwarded_named = True
                if not has["decision"]:
                    has["decision"], ev["decision"] = True, s
                    forwarding = s

    for s in body:
        c = c_of(s)
        if id(s) in appeal_ids:
            continue
        if not has["decision"] and id(s) not in norms:
            # an outcome word («отказано», «қанағаттандырылды») decides; an action («назначена»,
            # «енгізілді») decides only when said of this case
            # or a first-person negative verb said to the reader («бермейміз»)
            m = c.search("decision", s.text) or refusal(s)
            # the outcome word first: most sentences hold none, and speaks_for_itself is dear
            if not m and c.search("outcome", s.text) and speaks_for_itself(s) and not c.search("formula", s.text):
                m = c.search("outcome", s.text)
            if m and not c.search("hedge", s.text) and not c.search("promise", s.text):
                has["decision"], ev["decision"] = True, s
        if not has["reasons"] and (c.search("reason", s.text) or c.search("explanation", s.text)):
            if not c.search("formula", s.text):
                has["reasons"], ev["reasons"] = True, s
        dated = has_date(s.text, s.lang) and has_date(step_text(s, cits), s.lang)  # not the appeal's or an act's date
        # an appointment made for the reader is a next step with its date: «Вы записаны на приём
        # 14 октября в 10:30» says what happens when, as «Кардиолог примет Вас 14 октября» does
        # a plan for a year told as made («включён в план на 2027 год», «2027 жылға жоспарланды»)
        # says what will be done and when, as a deadline does, though its verb is a participle
        if not has["next_step"] and (
            has_deadline(s.text, s.lang)
            or dated and (forward_looking(s) or c.search("appointment", s.text))
            or c.search("planned", step_text(s, cits))
        ):
            if not c.search("hedge", s.text) and id(s) not in norms:
                has["next_step"], ev["next_step"] = True, s
    if not has["decision"] and body:
        # a direct answer without an outcome word: a fact of the reader's case with a date or a
        # number («Ваш номер в очереди — 46», «Инсулин поступил 2 апреля»), in the opening
        # paragraph, or anywhere when said to the reader or by «мы»
        first = body[0].para
        for s in body:
            if id(s) in appeal_ids:
                continue
            c = c_of(s)
            blocked = any(c.search(k, s.text) for k in ("formula", "hedge", "promise", "clarified", "noted", "measures", "redirect"))
            if concrete(case_text(s, cits), s.lang) and not blocked and id(s) not in norms and (s.para == first or speaks_for_itself(s) and _reader_or_we(s)):
                has["decision"], ev["decision"] = True, s
                break

    if lay.grids and not (has["reasons"] and has["next_step"]):
        for kind, s in _table_values(lay, body, appeal_ids, norms):
            if kind == "reasons" and not has["reasons"]:
                has["reasons"], ev["reasons"] = True, s
            elif kind == "term" and not has["next_step"] and has_date(step_text(s, cits), s.lang):
                has["next_step"], ev["next_step"] = True, s

    if has["decision"] and not has["reasons"]:
        # reasons given as the facts of the case: a justification after a colon or a dash in the
        # decision itself («отказано: свободных мест нет»), or a fact of this case told in the past
        # or present («20 марта инспектор проверил участок», «Ваша семья — 1245-я в очереди»)
        d = ev["decision"]
        assert d is not None
        if re.search(r"[:—–]\s*\S+(?:\s+\S+){2,}", d.text.rstrip(". ")):
            has["reasons"], ev["reasons"] = True, d
        else:
            for s in body:
                if s is d or id(s) in appeal_ids or id(s) in norms:
                    continue
                c = c_of(s)
                blocked = any(c.search(k, s.text) for k in ("formula", "hedge", "promise", "clarified", "noted", "measures", "redirect"))
                if not blocked and concrete(case_text(s, cits), s.lang) and not has_deadline(s.text, s.lang):
                    # a past fact may share its sentence with a future clause: «… получили
                    # заявители до номера 356, следующий дом сдадут в марте 2027 года»
                    if not forward_looking(s) or any(_past_fact(x, cits) for x in _clauses(s)):
                        has["reasons"], ev["reasons"] = True, s
                        break

    if has["decision"] and not has["next_step"]:
        # a case decided needs no date for what the reader does next (domain notes, «Skeleton»
        # 4: «who does what by when, or what the citizen must do»): an instruction to the reader
        # («Если доход уменьшится, подайте заявление ещё раз») or, after a refusal with its reasons,
        # the appeal route. A promise of our own action («мы пересчитаем …») still needs its date
        for s in body:
            c = c_of(s)
            if id(s) in appeal_ids or id(s) in norms or any(c.search(k, s.text) for k in _NO_STEP):
                continue
            if _to_vague_body(s):
                continue
            if instructs(s):
                has["next_step"], ev["next_step"] = True, s
                break
        d = ev["decision"]
        # the route told to the reader, not a norm retold («… освидетельствуемое лицо вправе обжаловать …»)
        route = next((s for s in routes if id(s) not in norms), None)
        if not has["next_step"] and has["reasons"] and route is not None and d is not None and _refuses(d):
            has["next_step"], ev["next_step"] = True, route

    if forwarding is not None:
        others = (s for s in body if s is not forwarding and id(s) not in appeal_ids and id(s) not in norms)
        reading.forward_only = not any(_tells_case(s, cits) for s in others)
    has["contact"] = has_contact(lay) or gives_phone(lay)
    return reading


def _label_rx(key: str) -> re.Pattern[str]:
    """A word of a table's label that names the reasons or a term (reply_cues.toml, ``reason_labels``
    and ``term_labels`` of [words.ru] and [words.kk]), not one that only begins like it."""
    stems = _WORDS["ru"][key] + _WORDS["kk"][key]
    not_words = "".join(f"(?!{re.escape(w)})" for w in _WORDS["ru"]["not_labels"] + _WORDS["kk"]["not_labels"])
    return re.compile(rf"(?<![\w-]){not_words}(?:{'|'.join(map(re.escape, stems))})", re.I)


_LABELS = {"reasons": _label_rx("reason_labels"), "term": _label_rx("term_labels")}
# a label is a few words («Основание для отказа в назначении помощи»), not a sentence
_LABEL_WORDS = 7


def _label_kind(text: str) -> str | None:
    if word_count(text) > _LABEL_WORDS or text.rstrip().endswith((".", "!", "?")):
        return None
    return next((k for k, rx in _LABELS.items() if rx.search(text)), None)


def _table_values(lay: Layout, body: list[Sentence], appeal_ids: set[int], norms: set[int]) -> list[tuple[str, Sentence]]:
    """A table gives a reason or a term as a label and its value: a row's first cell names it
    («Основание отказа | Отсутствие справки о доходах», «Бас тарту негізі | Анықтаманың
    болмауы», «Срок исполнения | до 15 апреля 2026 года»), or a column's header does, over the
    values under it. The value's first sentence, with what its label names: "reasons" or "term"."""
    kinds: dict[int, str] = {}  # paragraph of a label cell → its kind
    first_col: dict[tuple[int, int], int] = {}  # (table, row) → its first column that holds text
    for i, (t, r, c) in lay.grids.items():
        first_col[t, r] = min(c, first_col.get((t, r), c))
    labels_row: dict[tuple[int, int], str] = {}  # (table, row) whose first cell is a label
    labels_col: dict[tuple[int, int], str] = {}  # (table, column) whose header (first row) is a label
    for i, (t, r, c) in lay.grids.items():
        kind = _label_kind(lay.texts[i])
        if kind is None:
            continue
        kinds[i] = kind
        if c == first_col[t, r]:
            labels_row.setdefault((t, r), kind)
        if r == 1:
            labels_col.setdefault((t, c), kind)
    out: list[tuple[str, Sentence]] = []
    seen: set[int] = set()
    for s in body:
        g = lay.grids.get(s.para)
        if g is None or s.para in kinds or s.para in seen or id(s) in appeal_ids or id(s) in norms or not s.words:
            continue
        t, r, c = g
        kind = labels_row.get((t, r)) if c > first_col[t, r] else None
        if kind is None and r > 1:
            kind = labels_col.get((t, c))
        if kind is not None:
            seen.add(s.para)
            out.append((kind, s))
    return out


def _clauses(s: Sentence) -> list[Sentence]:
    """The parts of the sentence between its commas and semicolons, each as a sentence of its
    own (empty for a sentence with none)."""
    if s.span is None:
        return []
    ts = token_strings(s.span.doc)
    a, b = s.span.start, s.span.end
    cuts = [i for i in range(a, b) if ts.lower[i] in (",", ";")]
    if not cuts:
        return []
    doc = s.span.doc
    out = []
    for i, j in zip([a] + [c + 1 for c in cuts], cuts + [b]):
        if j <= i:
            continue
        last = doc[j - 1]
        x = s.token_start(doc[i])
        y = s.para_start + original_span(doc, last.idx, last.idx + len(last.text))[1]
        out.append(replace(s, start=x, end=y, text=s.text[x - s.start : y - s.start], span=doc[i:j]))
    return out


def _past_fact(c: Sentence, cits: list[Citation]) -> bool:
    """A clause that tells a fact of the case by a finite verb of the past or present, with a
    number or a date: «В 2026 году жильё получили заявители до номера 356», «2026 жылы … алды»
    (not a participle: «Заявление, поданное 5 марта, …» tells no fact by itself)."""
    if c.span is None or forward_looking(c) or not concrete(case_text(c, cits), c.lang):
        return False
    ts = token_strings(c.span.doc)
    tags = ts.tag[c.span.start : c.span.end]
    if c.lang == "ru":
        return any(t.startswith("VERB") for t in tags)
    return any("past" in t.split("|") for t in tags)


# the devices that make an instruction no next step: «рекомендуем обратиться», «при наличии …»;
# and an offer to answer questions («Сұрақтарыңыз болса, … келіңіз»: a contact)
_NO_STEP = ("hedge", "promise", "redirect", "formula", "noted", "clarified", "measures", "questions_to")
_COURT = re.compile(r"суд|сот", re.I)


def _to_vague_body(s: Sentence) -> bool:
    """Sends the reader to a body named only by its kind: «Обратитесь в соответствующие органы»,
    «Тиісті органдарға жүгініңіз» say where to go no more than «рекомендуем обратиться» does. The
    court is a body of its own («обратитесь в суд», «сотқа жүгініңіз» are steps), though it is
    a vague body for a redirect of the appeal."""
    return any(_COURT.search(m.group(0)) is None for m in cues(s.lang).rx("vague_body").finditer(s.text))


def _vague_instruction(reading: ReplyReading, s: Sentence) -> None:
    """«Обратитесь в соответствующие органы», «Тиісті органдарға жүгініңіз»: the reader sent by an
    imperative to a body named only by its kind is the redirect «рекомендуем обратиться в
    уполномоченный орган» is (L121), not where a body is named after all («… органы акимата
    Алатауского района») nor to the court (``_to_vague_body``)."""
    # the list's pre-test first: most sentences name no body by its kind
    if cues(s.lang).search("vague_body", s.text) is None or not _to_vague_body(s):
        return
    i = _instruction(s)
    if i is None:
        return
    assert s.span is not None
    tok = s.span.doc[i]
    a, b = original_span(tok.doc, tok.idx, tok.idx + len(tok.text))
    a, b = s.para_start + a - s.start, s.para_start + b - s.start
    if named_body(s.text[a:] if s.lang == "ru" else s.text):
        return
    for m in cues(s.lang).rx("vague_body").finditer(s.text):
        if _COURT.search(m.group(0)) is None:
            lo, hi = min(a, m.start()), max(b, m.end())
            reading.signals.append(Signal("redirect", s.start + lo, s.start + hi, s.text[lo:hi]))
            return


def _refuses(s: Sentence) -> bool:
    """The decision refuses: «отказано», «не можем …», «бере алмаймыз», or a refusal told by its verb."""
    return cues(s.lang).search("refused", s.text) is not None or refusal(s) is not None


def _tells_case(s: Sentence, cits: list[Citation]) -> bool:
    """Does the sentence tell something of the reader's case: a decision, a refusal, an outcome
    said of this case, or a fact with a number or a date of its own (not of a cited act)? Not
    the devices that stand in for an answer («рекомендуем обратиться», «разъясняем»)."""
    c = cues(s.lang)
    if any(c.search(k, s.text) for k in ("formula", "hedge", "promise", "clarified", "noted", "measures", "redirect")):
        return False
    if c.search("decision", s.text) or refusal(s) or c.search("outcome", s.text) and speaks_for_itself(s):
        return True
    return concrete(step_text(s, cits), s.lang)


def _tail(lay: Layout) -> str:
    """The signature and what follows it (in a bare draft: its last lines)."""
    return "\n".join([t for t, z in zip(lay.texts, lay.zones) if z in ("signature", "footer")] or lay.texts[-3:])


def has_contact(lay: Layout) -> bool:
    """An executor and a phone after the signature (in a bare draft: in its last lines)."""
    tail_text = _tail(lay)
    return any(cues(l).search("executor", tail_text) for l in ("ru", "kk")) and PHONE.search(tail_text) is not None


def gives_phone(lay: Layout) -> bool:
    """A phone the reader can call about the reply, with no executor line: under the signature
    (the signer's own «тел. 8 (7182) 55-31-20»), or in the body next to a specialist or a
    service («маман Ә. Сейітова, тел. …», «по телефону 8 (727) …»). Not enough to make a
    letter a reply (``kind``), which asks for the executor."""
    # a phone holds a digit: a body paragraph without one is not searched (most are not)
    return PHONE.search(_tail(lay)) is not None or any(PHONE.search(t) for t, z in zip(lay.texts, lay.zones) if z == "body" and _DIGIT.search(t))


# the lists ``find_signals`` reads every body sentence with, in the order of its signals
# (``redirect`` last: its matches are judged, not just taken)
_SIGNAL_LISTS = ("clarified", "noted", "measures", "formula", "vague_law", "promise", "redirect")


def find_signals(reading: ReplyReading, lay: Layout, cits: list[Citation]) -> None:
    """The devices of an «отписка», with their places, for the L12x findings and the score."""
    body = lay.body()
    for s in body:
        c = cues(s.lang)
        # the lists' pre-tests at once: most sentences pass none of them
        lists = c.may_match(_SIGNAL_LISTS, s.text)
        for name in lists:
            if name == "redirect" or name == "promise" and has_date(s.text, s.lang):
                continue
            for m in c.rx(name).finditer(s.text):
                reading.signals.append(Signal(name, s.start + m.start(), s.start + m.end(), m.group(0)))
                if name == "formula":
                    # one stock phrase, whatever its cues («Рассмотрев Ваше обращение, сообщаем
                    # следующее»): the sentence is one device, not two
                    break
        redirects = list(c.rx("redirect").finditer(s.text)) if "redirect" in lists else []
        if not redirects and not reading.forwarded_named:
            _vague_instruction(reading, s)
        for m in redirects:
            after = s.text[m.start() :] if s.lang == "ru" else s.text
            self_redirect = re.search(r"обрат|жүгін", m.group(0), re.I) is not None
            if named_body(after) and not c.search("vague_body", after[: 120]) or named_body(after) and self_redirect:
                if self_redirect and not reading.forwarded_named:
                    reading.signals.append(Signal("redirect_named", s.start + m.start(), s.start + m.end(), m.group(0)))
                continue
            if not reading.forwarded_named:
                reading.signals.append(Signal("redirect", s.start + m.start(), s.start + m.end(), m.group(0)))
    for ct in cits:
        if ct.repealed:
            reading.signals.append(Signal("repealed", ct.start, ct.end, ct.text))
    _positive_after_refusal(reading, body)


_EARLIER = frozenset(_WORDS["ru"]["earlier"] + _WORDS["kk"]["earlier"])


def _refusal_told(s: Sentence) -> bool:
    """The sentence refuses the request now: an outcome form of refusal or a refusal told by its
    verb, not hedged, promised, conditional («Если …, в назначении будет отказано») nor told of
    before («Ранее Вам было отказано»)."""
    c = cues(s.lang)
    if not (c.search("refusal_told", s.text) or refusal(s)):
        return False
    if c.search("hedge", s.text) or c.search("promise", s.text):
        return False
    words = set(re.findall(r"[^\W\d_]+", s.text.lower()))
    conditions = _RU_CONDITIONS if s.lang == "ru" else _KK_CONDITIONS
    return words.isdisjoint(conditions) and words.isdisjoint(_EARLIER)


def _positive_after_refusal(reading: ReplyReading, body: list[Sentence]) -> None:
    """«Ваше обращение считается рассмотренным положительно», «өтініш оң шешілді деп есептеледі»
    after a refusal (L123): the letter tells two decisions, and the refusal — a burdensome act
    the reader may appeal (АППК ст. 4, 91) — is reported as granted. Not where the request is
    granted in part («удовлетворено частично»: a refusal beside a grant)."""
    # the claim first: most letters make none, and the refusal test reads the tokens
    if not any(cues(s.lang).search("deemed_positive", s.text) for s in body):
        return
    if any(cues(s.lang).search("partly", s.text) for s in body):
        return
    refused = False
    for s in body:
        refused = refused or _refusal_told(s)
        m = cues(s.lang).search("deemed_positive", s.text) if refused else None
        if m:
            reading.signals.append(Signal("deemed_positive", s.start + m.start(), s.start + m.end(), m.group(0)))
