"""The legal analysis's shortcuts find what the plain search finds: word-start alternations led
by the class of their first letters (``anyq.legal.firstchar``) match exactly where the plain
``(?<![\\w-])(?:…)`` form does, and a paragraph is not searched for known act names only
when it cannot hold one."""

from __future__ import annotations

import re

import pytest

from anyq.legal import citations
from anyq.legal.acts import name_pattern, registry
from anyq.legal.firstchar import alternatives, first_item, skipping

TEXTS = [
    "Согласно подпункту 1) пункта 2 статьи 67 Закона Республики Казахстан «О жилищных отношениях»",
    "пп. 3) п. 2 ст. 43 ЗК РК, ч. 2 ст. 7 и ст.ст. 5, 6 Земельного кодекса; КоАП, АППК-нің",
    "Подпункт, ПУНКТ 5, Статья 12, -статья 3, встатья 4, 5статья, ᲃтатья 9 (ᲃ is a case-blind «с»)",
    "Кодекс Республики Казахстан об административных правонарушениях и Трудового кодекса\nТК",
    "Әкімшілік рәсімдік-процестік кодекстің 91-бабы, ӘРПК-нің, Жер кодексі, Еңбек кодексінің",
    "Типовыми правилами приёма, Правил, приказом от 1 мая, Указа, решение, распоряжения\n\nЗакон",
    "",
    "-",
    "Закон",
]


def _plain(alts: list[tuple[str, bool]]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?i:{a})" if blind else a for a, blind in alts) + ")")


def _same(old: re.Pattern[str], new: re.Pattern[str], text: str) -> None:
    assert [(m.span(), m.lastgroup) for m in old.finditer(text)] == [(m.span(), m.lastgroup) for m in new.finditer(text)]
    for pos in range(len(text) + 1):  # the look-behind sees the text before ``pos``, as before
        for op in ("match", "search"):
            a, b = getattr(old, op)(text, pos), getattr(new, op)(text, pos)
            assert (a and a.span()) == (b and b.span()), (op, text, pos)


@pytest.mark.parametrize("rules", [False, True])
@pytest.mark.parametrize("code", [False, True])
def test_the_russian_trigger_finds_what_the_plain_alternation_finds(rules: bool, code: bool) -> None:
    heads = [kw for _, kw in citations._RU_UNITS] + ["Закон", "[Кк]одекс", "Конституци", "Правил"]
    heads += [citations._RU_ADJ_RULES] * rules + [citations._RU_ADJ_CODE] * code
    heads += ["[Пп]риказ", "[Пп]остановлени", "[Уу]каз", "[Рр]ешени", "[Рр]аспоряжени"]
    old = re.compile(r"(?<![\w-])(?:" + "|".join(heads) + ")", re.I)
    new = citations._ru_trigger(rules, code)
    assert new.pattern.startswith("[")  # the engine can skip to a first letter
    for text in TEXTS:
        _same(old, new, text)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_known_act_names_find_what_the_plain_alternation_finds(lang: str) -> None:
    reg = registry()
    alts = []
    for a in reg.acts:
        alts += [(len(n), f"(?i:{name_pattern(n, lang)})", "n") for n in a.names.get(lang, [])]
        tail = r"(?:-[а-яәғқңөұүһі]+)?" if lang == "kk" else ""
        alts += [(len(ab), re.escape(ab) + tail, "a") for ab in a.abbreviations.get(lang, [])]
    alts.sort(key=lambda x: -x[0])
    old = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?P<{k}{i}>{p})" for i, (_, p, k) in enumerate(alts)) + r")(?![\w])")
    new = reg.name_rx[lang]
    assert new.pattern.startswith("[")
    hits = 0
    for text in TEXTS:
        _same(old, new, text)
        hits += len(old.findall(text))
    assert hits >= 3


def test_the_class_holds_every_case_of_the_first_letters() -> None:
    head, alts = skipping([("с[её]м", True, True), ("ЗК", False, True), ("[Кк]од", True, True)])
    rx = re.compile(head + "(?:" + "|".join(alts) + ")")
    assert alts[0] == "(?i:(?<=с)[её]м)" and alts[1] == "(?<=З)К"
    assert [m.start() for m in rx.finditer("Сем сём ᲃем зк ЗК Код код КОД")] == [0, 4, 8, 15, 18, 22, 26]


def test_alternatives_without_a_first_character_are_left_alone() -> None:
    assert skipping([("Закон", True, True), ("(?:а|б)в", True, True)]) is None
    assert skipping([("з?акон", True, True)]) is None
    assert skipping([(r"\bзакон", True, True)]) is None
    assert skipping([("на|по", True, False)]) is None  # the look-behind would guard «на» only


def test_a_word_start_test_only_where_an_alternative_asks_for_it() -> None:
    head, alts = skipping([("ваш", True, True), ("на№", True, False)])
    rx = re.compile(head + "(?:" + "|".join(alts) + ")")
    assert [m.start() for m in rx.finditer("Ваш наш-ваш вна№")] == [0, 13]
    assert first_item(r"\.ст") == r"\." and first_item("[^а]б") == "[^а]" and first_item("^а") is None
    assert alternatives(r"(?:a(?:b|c)|[|)]d|e)") == ["a(?:b|c)", "[|)]d", "e"]
    assert alternatives("(?:a)|(?:b)") == ["(?:a)|(?:b)"]


@pytest.mark.parametrize(
    ("lang", "text", "may"),
    [
        ("ru", "согласно Закону Республики Казахстан «О жилищных отношениях»", False),  # «казахстан», no «код»
        ("ru", "в соответствии с Налоговым кодексом", True),
        ("ru", "статья 5 Кодекса Республики Казахстан об административных правонарушениях", True),
        ("ru", "по ст. 7 ЗК РК", True),
        ("ru", "норма Конституции", True),
        ("kk", "Қазақстан Республикасының Заңына сәйкес", False),
        ("kk", "Еңбек кодексінің 5-бабы", True),
        ("kk", "ӘРПК-нің 91-бабы", True),
    ],
)
def test_only_paragraphs_that_may_hold_a_known_name_are_searched(lang: str, text: str, may: bool) -> None:
    from anyq.engine.literals import LiteralTest

    reg = registry()
    assert reg.may_name(lang, LiteralTest(text)) is may
    if not may:
        assert reg.name_rx[lang].search(text) is None


def test_cue_lists_find_what_their_plain_alternations_find() -> None:
    from pathlib import Path

    from anyq.legal.acts import cue_pattern
    from anyq.legal.cues import cues

    root = Path(__file__).resolve().parent.parent / "corpora" / "legal"
    texts = [p.read_text(encoding="utf-8") for lang in ("ru", "kk") for p in sorted((root / lang).glob("*.txt"))[:15]]
    texts += TEXTS + ["Уважаемый Иван!", "Құрметті Айгүл!", "ᲃообщаем, что", "-сообщаем", "\nздравствуйте"]
    fast = 0
    for lang in ("ru", "kk"):
        c = cues(lang)
        for name, lst in c.lists.items():
            ordered = sorted(lst, key=lambda x: -len(x))
            plain = [cue_pattern(x, edges=False) for x in ordered if not x.startswith("re:")]
            raw = [x[3:] for x in ordered if x.startswith("re:")]
            parts = ([r"(?<![\w-])(?:" + "|".join(plain) + ")"] if plain else []) + [f"(?:{r})" for r in raw]
            old, new = re.compile("|".join(parts) or "(?!)", re.I | re.M), c.rx(name)
            fast += new.pattern.startswith("[")
            for text in texts:
                assert [m.span() for m in old.finditer(text)] == [m.span() for m in new.finditer(text)], (lang, name)
                a, b = old.match(text), new.match(text)
                assert (a and a.span()) == (b and b.span()), (lang, name)
    assert fast >= 30  # most lists are led by their first letters


def test_requisites_are_read_where_the_plain_search_finds_them() -> None:
    from anyq.legal import layout

    incoming = re.compile(
        r"^\s*На\s+(?:ваш\w*\s+)?(?:№|вх\.|исх\.|запрос|обращени|заявлени|жалоб|письм)\w*|(?:өтінішке|шағымға|сұрауға|хатқа|арызға)\s*$",
        re.I | re.M,
    )
    requisites = re.compile(r"^\s*(?:Исх\.|Исх\s|Шығ\.|Шығ\s|Вх\.|Кіріс|№\s*\S+\s+от\b)|" + incoming.pattern, re.I | re.M)
    texts = TEXTS + [
        "На № 12-3/45 от 02.03.2026", "  на ваше обращение от 1 мая", "Исх. № 5", "город\n  Исх № 7", "№\n15\nот 2 мая",
        "2026 жылғы 2 наурыздағы № 31 өтінішке", "ӨТІНІШКЕ  \n", "хатқа жауап", "хаᲄқа", "Шығ.№ 1", "Кіріс № 4", "Наш ответ",
    ]
    for text in texts:
        assert layout._incoming(text) == bool(incoming.search(text)), text
        assert layout._requisites(text) == bool(requisites.search(text)), text


def test_lists_asked_together_pass_the_pre_tests_each_passes() -> None:
    """``Cues.may_match`` (each word looked for once for several lists) names the lists
    whose own pre-test the text passes, in their order."""
    from pathlib import Path

    from anyq.legal.cues import cues
    from anyq.legal.reply import _SIGNAL_LISTS

    root = Path(__file__).resolve().parent.parent / "corpora" / "legal"
    texts = [s for lang in ("ru", "kk") for p in sorted((root / lang).glob("*.txt"))[:15] for s in p.read_text(encoding="utf-8").split(". ")]
    texts += TEXTS + [t.upper() for t in texts[:50]] + ["ПОВТОРНО", "контроль", "ſ повторно", "K принят"]
    for lang in ("ru", "kk"):
        c = cues(lang)
        words = [w for name in _SIGNAL_LISTS if c._needs[name] for w in c._needs[name].words]
        for names in (_SIGNAL_LISTS, _SIGNAL_LISTS[2:5], ("decision", "hedge", "redirect", "vague_body")):
            for text in texts + words + [w.upper() + " и " for w in words]:
                c._last = None
                assert c.may_match(names, text) == [n for n in names if c._may_match(n, text)], (lang, names, text)
