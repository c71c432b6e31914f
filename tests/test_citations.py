"""The citation parser on the forms replies use, Russian and Kazakh: every part, the span,
anaphora, repealed acts, and what is not a citation."""

from __future__ import annotations

import pytest

import anyq
from anyq.legal.citations import CitationParser, parse_citations


def _one(text: str, lang: str, span: str):
    cits = parse_citations(text, lang)
    hit = [c for c in cits if c.text == span]
    assert hit, f"{span!r} not parsed; got {[c.text for c in cits]}"
    return hit[0]


RU = [
    # (sentence, span, act_type, act_short, act_title, date, number, article, part, point, subpoint)
    ("Согласно подпункту 1) пункта 1 статьи 67 Закона Республики Казахстан «О жилищных отношениях» от 16 апреля 1997 года № 94-I на учёт ставят граждан без жилья.",
     "подпункту 1) пункта 1 статьи 67 Закона Республики Казахстан «О жилищных отношениях» от 16 апреля 1997 года № 94-I",
     "law", None, "О жилищных отношениях", "1997-04-16", "94-I", ["67"], None, ["1"], ["1"]),
    ("Жалобу можно подать в течение трёх месяцев (ст. 91 АППК РК).", "ст. 91 АППК РК",
     "code", "АППК РК", "Административный процедурно-процессуальный кодекс Республики Казахстан", None, None, ["91"], None, None, None),
    ("Срок продлён по ч. 2 ст. 76 АППК РК.", "ч. 2 ст. 76 АППК РК",
     "code", "АППК РК", "Административный процедурно-процессуальный кодекс Республики Казахстан", None, None, ["76"], ["2"], None, None),
    ("В соответствии с частью 1 статьи 437 Кодекса Республики Казахстан об административных правонарушениях наложен штраф.",
     "частью 1 статьи 437 Кодекса Республики Казахстан об административных правонарушениях",
     "code", "КоАП РК", "Кодекс Республики Казахстан об административных правонарушениях", None, None, ["437"], ["1"], None, None),
    ("Перечень документов дан в пп. 3) п. 2 ст. 43 ЗК РК.", "пп. 3) п. 2 ст. 43 ЗК РК",
     "code", "ЗК РК", "Земельный кодекс Республики Казахстан", None, None, ["43"], None, ["2"], ["3"]),
    ("Жалоба подаётся по статьям 91 и 92 Административного процедурно-процессуального кодекса Республики Казахстан.",
     "статьям 91 и 92 Административного процедурно-процессуального кодекса Республики Казахстан",
     "code", "АППК РК", "Административный процедурно-процессуальный кодекс Республики Казахстан", None, None, ["91", "92"], None, None, None),
    ("Основание — статьи 91–93 АППК.", "статьи 91–93 АППК",
     "code", "АППК РК", "Административный процедурно-процессуальный кодекс Республики Казахстан", None, None, ["91", "92", "93"], None, None, None),
    ("Ремонт оплачивают собственники (подпункт 4) пункта 2 статьи 42-1 Закона РК «О жилищных отношениях»).",
     "подпункт 4) пункта 2 статьи 42-1 Закона РК «О жилищных отношениях»",
     "law", None, "О жилищных отношениях", None, None, ["42-1"], None, ["2"], ["4"]),
    ("Доступ открыт по Закону Республики Казахстан от 16 ноября 2015 года № 401-V «О доступе к информации».",
     "Закону Республики Казахстан от 16 ноября 2015 года № 401-V «О доступе к информации»",
     "law", None, "О доступе к информации", "2015-11-16", "401-V", None, None, None, None),
    ("Место дают по пункту 12 Правил постановки на очередь детей дошкольного возраста, утверждённых приказом Министра просвещения Республики Казахстан от 31 августа 2022 года № 385.",
     "пункту 12 Правил постановки на очередь детей дошкольного возраста, утверждённых приказом Министра просвещения Республики Казахстан от 31 августа 2022 года № 385",
     "rules", None, "Правила постановки на очередь детей дошкольного возраста", "2022-08-31", "385", None, None, ["12"], None),
    ("Приём ведётся по Типовым правилам приёма на обучение в организации образования.", "Типовым правилам приёма на обучение в организации образования",
     "rules", None, "Типовые правила приёма на обучение в организации образования", None, None, None, None, None, None),
    ("Перечень утверждён постановлением акимата города Астаны от 14 февраля 2026 года № 107-284.",
     "постановлением акимата города Астаны от 14 февраля 2026 года № 107-284",
     "resolution", None, None, "2026-02-14", "107-284", None, None, None, None),
    ("Право на обращение гарантирует статья 33 Конституции Республики Казахстан.", "статья 33 Конституции Республики Казахстан",
     "constitution", None, "Конституция Республики Казахстан", None, None, ["33"], None, None, None),
    ("Строить в полосе нельзя: пп. 2) п. 2 ст. 116 Водного кодекса Республики Казахстан.", "пп. 2) п. 2 ст. 116 Водного кодекса Республики Казахстан",
     "code", None, "Водный кодекс Республики Казахстан", None, None, ["116"], None, ["2"], ["2"]),
    ("Лекарства выдают по статье 199 Кодекса Республики Казахстан «О здоровье народа и системе здравоохранения».",
     "статье 199 Кодекса Республики Казахстан «О здоровье народа и системе здравоохранения»",
     "code", None, "О здоровье народа и системе здравоохранения", None, None, ["199"], None, None, None),
    ("Нормы даны в п. 1 ст. 65 АППК и в ст. 272 ГК РК.", "ст. 272 ГК РК",
     "code", None, "Гражданский кодекс Республики Казахстан", None, None, ["272"], None, None, None),
]

KK = [
    ("«Тұрғын үй қатынастары туралы» Қазақстан Республикасының 1997 жылғы 16 сәуірдегі № 94-I Заңының 67-бабы 1-тармағының 1) тармақшасына сәйкес Сіз кезекке қойылдыңыз.",
     "«Тұрғын үй қатынастары туралы» Қазақстан Республикасының 1997 жылғы 16 сәуірдегі № 94-I Заңының 67-бабы 1-тармағының 1) тармақшасына",
     "law", None, "Тұрғын үй қатынастары туралы", "1997-04-16", "94-I", ["67"], None, ["1"], ["1"]),
    ("Жауаппен келіспеген жағдайда, Сіз ҚР ӘРПК-нің 91-бабына сәйкес шағым бере аласыз.", "ҚР ӘРПК-нің 91-бабына",
     "code", "ӘРПК", "Қазақстан Республикасының Әкімшілік рәсімдік-процестік кодексі", None, None, ["91"], None, None, None),
    ("Шағым үш ай ішінде беріледі (ҚР ӘРПК 91-б. 1-т.).", "ҚР ӘРПК 91-б. 1-т.",
     "code", "ӘРПК", "Қазақстан Республикасының Әкімшілік рәсімдік-процестік кодексі", None, None, ["91"], None, ["1"], None),
    ("ӘҚБтК-нің 437-бабының 2-бөлігі бойынша айыппұл салынды.", "ӘҚБтК-нің 437-бабының 2-бөлігі",
     "code", "ӘҚБтК", "Әкімшілік құқық бұзушылық туралы Қазақстан Республикасының Кодексі", None, None, ["437"], ["2"], None, None),
    ("ҚР Жер кодексінің 43-бабы 2-тармағының 3) тармақшасына сәйкес бұл құжаттар міндетті.", "ҚР Жер кодексінің 43-бабы 2-тармағының 3) тармақшасына",
     "code", None, "Қазақстан Республикасының Жер кодексі", None, None, ["43"], None, ["2"], ["3"]),
    ("Шағымды ҚР ӘРПК-нің 91, 92-баптарына сәйкес беруге болады.", "ҚР ӘРПК-нің 91, 92-баптарына",
     "code", "ӘРПК", "Қазақстан Республикасының Әкімшілік рәсімдік-процестік кодексі", None, None, ["91", "92"], None, None, None),
    ("Қазақстан Республикасының 2023 жылғы 20 сәуірдегі № 224-VII Әлеуметтік кодексінің 138-бабының 1-тармағына сәйкес көмек тағайындалады.",
     "Қазақстан Республикасының 2023 жылғы 20 сәуірдегі № 224-VII Әлеуметтік кодексінің 138-бабының 1-тармағына",
     "code", None, "Қазақстан Республикасының Әлеуметтік кодексі", "2023-04-20", "224-VII", ["138"], None, ["1"], None),
    ("Қазақстан Республикасының 2015 жылғы 23 қарашадағы № 416-V Заңының 41-бабының 1-тармағына сәйкес бұл теріс қылық.",
     "Қазақстан Республикасының 2015 жылғы 23 қарашадағы № 416-V Заңының 41-бабының 1-тармағына",
     "law", None, "Қазақстан Республикасының мемлекеттік қызметі туралы", "2015-11-23", "416-V", ["41"], None, ["1"], None),
    ("Қазақстан Республикасының 2015 жылғы 16 қарашадағы № 401-V «Ақпаратқа қол жеткізу туралы» Заңының 5-бабына сәйкес ақпарат ашық.",
     "Қазақстан Республикасының 2015 жылғы 16 қарашадағы № 401-V «Ақпаратқа қол жеткізу туралы» Заңының 5-бабына",
     "law", None, "Ақпаратқа қол жеткізу туралы", "2015-11-16", "401-V", ["5"], None, None, None),
    ("Аулаңыз Ақтөбе қаласы әкімдігінің 2026 жылғы 20 ақпандағы № 512 қаулысымен бекітілген тізбеге енгізілді.",
     "Ақтөбе қаласы әкімдігінің 2026 жылғы 20 ақпандағы № 512 қаулысымен",
     "resolution", None, None, "2026-02-20", "512", None, None, None, None),
    ("Ақмола облысы әкімдігінің 2025 жылғы 5 наурыздағы № А-3/120 қаулысымен бекітілген Абаттандыру қағидаларының 12-тармағына сәйкес қар тазаланады.",
     "Ақмола облысы әкімдігінің 2025 жылғы 5 наурыздағы № А-3/120 қаулысымен бекітілген Абаттандыру қағидаларының 12-тармағына",
     "rules", None, "Абаттандыру қағидалары", "2025-03-05", "А-3/120", None, None, ["12"], None),
    ("Мектепке дейінгі жастағы балаларды кезекке қою қағидаларының 14-тармағына сәйкес жолдама беруге болады.",
     "Мектепке дейінгі жастағы балаларды кезекке қою қағидаларының 14-тармағына",
     "rules", None, "Мектепке дейінгі жастағы балаларды кезекке қою қағидалары", None, None, None, None, ["14"], None),
    ("ҚР Су кодексінің 116-бабының 2-тармағына сәйкес белдеуде үй салуға болмайды.", "ҚР Су кодексінің 116-бабының 2-тармағына",
     "code", None, "Қазақстан Республикасының Су кодексі", None, None, ["116"], None, ["2"], None),
    ("Қазақстан Республикасының Конституциясының 33-бабына сәйкес азаматтар өтініш жасай алады.", "Қазақстан Республикасының Конституциясының 33-бабына",
     "constitution", None, "Қазақстан Республикасының Конституциясы", None, None, ["33"], None, None, None),
]

_FIELDS = ("act_type", "act_short", "act_title", "date", "number", "article", "part", "point", "subpoint")


@pytest.mark.parametrize("case", RU + KK, ids=lambda c: c[1][:40])
def test_citation_parts(case):
    text, span, *expected = case
    lang = "kk" if case in KK else "ru"
    c = _one(text, lang, span)
    assert tuple(getattr(c, f) for f in _FIELDS) == tuple(expected)
    assert text[c.start : c.end] == span


def test_span_leaves_frames_and_brackets_outside():
    text = "Согласно статье 76 АППК РК мы ответим в срок (ст. 91 АППК РК)."
    spans = [c.text for c in parse_citations(text, "ru")]
    assert spans == ["статье 76 АППК РК", "ст. 91 АППК РК"]


def test_citation_across_a_line_break():
    c = parse_citations("Основание — статьи 91\nАППК РК.", "ru")[0]
    assert c.article == ["91"] and c.act_short == "АППК РК" and c.text == "статьи 91\nАППК РК"


def test_anaphora_resolve_to_the_act_named_before():
    p = CitationParser()
    ru = "Согласно статье 5 Закона Республики Казахстан «Об ответственном обращении с животными» отлов ведётся гуманно. По пункту 2 статьи 17 указанного Закона отлов проводит служба. Статья 19 Закона говорит о стерилизации."
    cits = p.parse(ru, "ru")
    assert [c.act_title for c in cits] == ["Об ответственном обращении с животными"] * 3
    assert [c.resolved for c in cits] == [False, True, True]
    kk = "ӘРПК-нің 91-бабы 1-тармағына сәйкес шағым беруге болады. 91-баптың 2-тармағына сәйкес жауапсыз өтініш қанағаттандырылмаған деп есептеледі."
    cits = CitationParser().parse(kk, "kk")
    assert [(c.act_short, c.article, c.point) for c in cits] == [("ӘРПК", ["91"], ["1"]), ("ӘРПК", ["91"], ["2"])]


def test_anaphora_carry_across_paragraphs_of_a_document():
    text = "Жалобу подают в течение трёх месяцев (ст. 92 АППК РК).\n\nПо статье 65 Кодекса обращение передают в течение трёх дней.\n"
    cits = anyq.check(text, lang="ru").extra["citations"]
    assert [(c["act_short"], c["article"]) for c in cits] == [("АППК РК", ["92"]), ("АППК РК", ["65"])]


def test_repealed_acts_get_the_current_norm():
    text = "В соответствии с п. 6 ст. 14 Закона Республики Казахстан «О порядке рассмотрения обращений физических и юридических лиц» Вы вправе обжаловать ответ."
    c = parse_citations(text, "ru")[0]
    assert c.repealed and c.act_id == "appeals-law-2007"
    r = anyq.check(text, lang="ru", select=["L102"])
    f = r.findings[0]
    assert f.code == "L102" and f.severity == "error" and f.suggestions == ["ст. 91, 92 АППК РК"]
    kk = "Қазақстан Республикасының 2007 жылғы 12 қаңтардағы № 221-III Заңы 2021 жылы күшін жойды."
    c = parse_citations(kk, "kk")[0]
    assert c.repealed and c.act_title == "Жеке және заңды тұлғалардың өтініштерін қарау тәртібі туралы"


def test_an_act_the_text_itself_calls_repealed():
    c = parse_citations("Закон Республики Казахстан «О жилищных кооперативах» утратил силу.", "ru")[0]
    assert c.repealed and c.repeal_stated and c.act_id is None
    # a text that says the old law is repealed is not told to stop citing it
    memo = "С 1 июля 2021 года Закон Республики Казахстан «О порядке рассмотрения обращений физических и юридических лиц» утратил силу, как и Закон Республики Казахстан «Об административных процедурах»."
    assert [c.repeal_stated for c in parse_citations(memo, "ru")] == [True, True]
    assert not anyq.check(memo, lang="ru", select=["L102"]).findings
    c = parse_citations("Указом Президента Республики Казахстан от 29 декабря 2015 года № 153 утверждён кодекс.", "ru")[0]
    assert not c.repealed and c.act_type == "decree"


@pytest.mark.parametrize(
    "cited",
    ["ст. 91 и ст. 92 АППК РК", "статьей 91 и статьей 92 АППК РК", "ст. 91, ст. 92 АППК РК", "п. 1 ст. 91 и ст. 92 АППК РК"],
)
def test_the_same_unit_repeated_is_one_citation(cited):
    # «ст. 91 и ст. 92»: article 91 was lost (or left with no act after a comma)
    text = f"В выдаче справки Вам отказано, потому что Вы не собственник. Решение можно обжаловать по {cited}."
    cits = parse_citations(text, "ru")
    assert [(c.text, c.article, c.act_short) for c in cits] == [(cited, ["91", "92"], "АППК РК")]


def test_chains_joined_by_and_share_the_act_after_them():
    text = "Жалоба подаётся в вышестоящий орган по п. 1 ст. 91 и п. 2 ст. 92 АППК РК в течение трёх месяцев."
    cits = parse_citations(text, "ru")
    assert [(c.text, c.article, c.point, c.act_short, c.number) for c in cits] == [
        ("п. 1 ст. 91", ["91"], ["1"], "АППК РК", None),
        ("п. 2 ст. 92 АППК РК", ["92"], ["2"], "АППК РК", None),
    ]
    text = "Очередь ведётся по п. 1 ст. 5, п. 2 ст. 6 и п. 3 ст. 7 Закона РК «О жилищных отношениях»."
    assert [(c.text, c.act_title) for c in parse_citations(text, "ru")] == [
        ("п. 1 ст. 5", "О жилищных отношениях"),
        ("п. 2 ст. 6", "О жилищных отношениях"),
        ("п. 3 ст. 7 Закона РК «О жилищных отношениях»", "О жилищных отношениях"),
    ]


def test_points_abbreviated_with_two_dots():
    text = "В выдаче справки Вам отказано, потому что Вы не собственник. Решение можно обжаловать (п.п. 1, 2 ст. 91 АППК РК)."
    c = _one(text, "ru", "п.п. 1, 2 ст. 91 АППК РК")
    assert (c.point, c.article, c.act_short) == (["1", "2"], ["91"], "АППК РК")
    assert text[c.start : c.end] == c.text


@pytest.mark.parametrize("ministry", ["Білім және ғылым министрінің", "Еңбек және халықты әлеуметтік қорғау министрінің"])
def test_kazakh_issuer_named_with_a_conjunction(ministry):
    text = (
        f"Өтінішіңізге жауап береміз. Қазақстан Республикасы {ministry} 2021 жылғы 25 наурыздағы № 120 бұйрығымен бекітілген "
        "Қағидалардың 47-тармағына сәйкес Сізге жәрдемақы тағайындалды."
    )
    c = parse_citations(text, "kk")[0]
    assert c.text == f"Қазақстан Республикасы {ministry} 2021 жылғы 25 наурыздағы № 120 бұйрығымен бекітілген Қағидалардың 47-тармағына"
    assert (c.act_type, c.date, c.number, c.point) == ("rules", "2021-03-25", "120", ["47"])
    # a capitalised body after «және» starts its own name
    c = parse_citations("Жол және Ақтөбе қаласы әкімдігінің 2026 жылғы 20 ақпандағы № 512 қаулысымен бекітілген тізбе.", "kk")[0]
    assert c.text == "Ақтөбе қаласы әкімдігінің 2026 жылғы 20 ақпандағы № 512 қаулысымен"


@pytest.mark.parametrize(
    "body",
    [
        # an anaphor to the act the text has just called repealed
        "Закон Республики Казахстан «О порядке рассмотрения обращений физических и юридических лиц» утратил силу 1 июля 2021 года. "
        "Поэтому ссылка на статью 8 этого Закона в прежнем ответе ошибочна.",
        # the repeal stated after a relative clause
        "Закон «Об административных процедурах», на который ссылался наш прежний ответ, утратил силу 1 июля 2021 года.",
    ],
)
def test_no_repealed_act_finding_where_the_text_says_it_is_repealed(body):
    text = f"Уважаемый Тимур Алиевич!\n\n{body} Ответ на Ваше обращение будет дан до 10 декабря 2026 года.\n\nРуководитель    А. Т. Серов\n"
    r = anyq.check(text, lang="ru", select=["L102"])
    assert not r.findings
    assert all(c["repealed"] and c["repeal_stated"] for c in r.extra["citations"])


def test_something_else_cancelled_does_not_repeal_the_act():
    text = "По ст. 15 Закона РК «О жилищных отношениях» решение акимата отменено, поэтому Вам отказано в выдаче ордера."
    c = parse_citations(text, "ru")[0]
    assert c.act_id == "housing-law" and not c.repealed and not c.repeal_stated
    # the verb agrees with the article or the act cited: those are repealed
    for said in ("Статья 8 Закона РК «О жилищных отношениях» утратила силу.", "Постановление акимата города Астаны от 14 февраля 2026 года № 107-284 отменено."):
        c = parse_citations(said, "ru")[0]
        assert c.repealed and c.repeal_stated


@pytest.mark.parametrize(
    "text,lang,rule",
    [
        ("Ваше обращение рассмотрено в порядке, установленном Законом Республики Казахстан от 27 ноября 2000 года № 107-II.", "ru", "L101"),
        ("Ответ дан в срок, установленный Законом РК от 12 января 2007 года № 221-III.", "ru", "L101"),
        ("Өтінішіңіз Қазақстан Республикасының 2000 жылғы 27 қарашадағы № 107-II Заңында белгіленген тәртіппен қаралды.", "kk", "L501"),
    ],
)
def test_a_law_named_by_date_and_number_is_no_vague_reference(text, lang, rule):
    # the act is named (and L102 says it is repealed): «law with no norm» contradicted that
    codes = [f.code for f in anyq.check(text, lang=lang, select=[rule, "L102"]).findings]
    assert codes == ["L102"]


def test_a_number_without_its_suffix_with_the_acts_date():
    c = parse_citations("Ваше обращение рассмотрено по Закону от 27 ноября 2000 года № 107.", "ru")[0]
    assert c.act_id == "administrative-procedures-law-2000" and c.repealed and c.number == "107"
    c = parse_citations("Қазақстан Республикасының 2000 жылғы 27 қарашадағы № 107 Заңының 5-бабына сәйкес өтініш қаралды.", "kk")[0]
    assert c.act_id == "administrative-procedures-law-2000" and c.repealed
    # another date: another law of that number
    assert parse_citations("По Закону от 27 ноября 2001 года № 107 …", "ru")[0].act_id is None


@pytest.mark.parametrize(
    "text,lang,norm",
    [
        ("Согласно ст. 8 Закона РК «О порядке рассмотрения обращений физических и юридических лиц» Ваше обращение направлено в ГУ «Управление образования города Алматы».",
         "ru", "ст. 65 АППК РК"),
        ("«Жеке және заңды тұлғалардың өтініштерін қарау тәртібі туралы» Заңның 8-бабына сәйкес өтінішіңіз «Алматы қаласының білім басқармасы» ММ-ге жолданды.",
         "kk", "ҚР ӘРПК-нің 65-бабы"),
    ],
)
def test_forwarding_worded_sent_gets_the_forwarding_norm(text, lang, norm):
    f = anyq.check(text, lang=lang, select=["L102"]).findings[0]
    assert f.suggestions == [norm]


@pytest.mark.parametrize(
    "text,lang",
    [
        ("В населённых пунктах района 12 улиц, приём в кабинете 214.", "ru"),
        ("Отлов ведётся в соответствии с правилами, утверждёнными уполномоченным органом.", "ru"),
        ("Ваше заявление рассмотрено в соответствии с действующим законодательством.", "ru"),
        ("По статье 5 договора аренды плату вносят до 10 числа, а по пункту 3 протокола — в кассу.", "ru"),
        ("Постановление по делу об административном правонарушении может быть обжаловано.", "ru"),
        ("Решение принято 20 марта 2026 года, исх. № 04-2/1187.", "ru"),
        ("Жануарларды ұстау қағидаларын сақтау міндетті.", "kk"),
        ("Иесіз жануарларды аулау жергілікті атқарушы органдар бекіткен қағидаларға сәйкес жүзеге асырылады.", "kk"),
        ("Өтінішіңіз заңнамада белгіленген тәртіппен қаралды.", "kk"),
    ],
)
def test_not_citations(text, lang):
    assert parse_citations(text, lang) == []


def test_citations_in_json_with_line_and_column(tmp_path):
    from typer.testing import CliRunner
    import json

    from anyq.cli import app

    text = "Уважаемый Иван Петрович!\n\nВам отказано: по ч. 2 ст. 7 Закона РК «О языках в Республике Казахстан» ответ дают на языке обращения.\n"
    p = tmp_path / "reply.txt"
    p.write_text(text, encoding="utf-8")
    out = CliRunner().invoke(app, ["check", str(p), "--format", "json"]).stdout
    c = json.loads(out)["files"][0]["citations"][0]
    line = text.split("\n")[c["line"] - 1]
    assert line[c["column"] - 1 : c["end_column"] - 1] == c["text"] == "ч. 2 ст. 7 Закона РК «О языках в Республике Казахстан»"
    assert (c["part"], c["article"], c["act_type"], c["act_title"]) == (["2"], ["7"], "law", "О языках в Республике Казахстан")
    assert text[c["start"] : c["end"]] == c["text"]


def test_citation_dict_has_every_field_in_order():
    """``Citation.to_dict`` is written out by hand (for speed): it must stay the dataclass's
    fields, in their order, with lists copied."""
    from dataclasses import asdict

    c = parse_citations("согласно подпункту 1) пункта 1 статьи 67 Закона Республики Казахстан «О жилищных отношениях»", "ru")[0]
    d = c.to_dict()
    assert d == asdict(c) and list(d) == list(asdict(c))
    assert d["article"] == ["67"] and d["article"] is not c.article


@pytest.mark.parametrize(
    "text,span",
    [
        ("О результатах вас уведомят в порядке, установленном действующим законодательством.", "в порядке, установленном действующим законодательством"),
        ("Вы можете обжаловать решение в установленном действующим законодательством порядке.", "в установленном действующим законодательством порядке"),
        ("Ответ вам дадут в сроки, установленные действующим законодательством.", "в сроки, установленные действующим законодательством"),
    ],
    ids=["v-poryadke", "v-ustanovlennom-poryadke", "v-sroki"],
)
def test_a_vague_reference_to_the_current_legislation_is_reported_once(text, span):
    # «действующим» names no norm either; J122 leaves these to L101, and J173 gives way to it
    found = [(f.code, f.text) for f in anyq.check(text, lang="ru").findings if f.code in ("L101", "J122", "J173")]
    assert found == [("L101", span)]


@pytest.mark.parametrize(
    "text,vague",
    [
        # freshkk audit: «the requirements of the said normative legal acts», none named
        ("Осыған байланысты, көрсетілген нормативтік құқықтық актілердің талаптарын сақтауыңызды сұраймыз.", True),
        ("Төлем нормативтік құқықтық актілердің талаптарына сәйкес тағайындалады.", True),
        # the act named right after it, in brackets
        ("Төлем нормативтік құқықтық актілердің талаптарына (Әлеуметтік кодекстің 190-бабы) сәйкес тағайындалады.", False),
    ],
)
def test_kazakh_normative_acts_with_none_named_are_a_vague_reference(text, vague):
    from anyq.legal.cues import cues

    assert bool([f for f in anyq.check(text, lang="kk", select=["L501"]).findings]) is vague
    # the reply reading counts it as the «отписка» device, as «заңнама» and the Russian «нормативные правовые акты»
    assert (cues("kk").search("vague_law", text) is not None) is vague


def test_a_title_whose_one_guillemet_closes_a_quotation_inside_it_is_the_acts_title():
    # «Об утверждении Правил … «Выдача справок»: one » closes both (anyq.text.quotations); the
    # order had no title and its rules were cited on their own
    text = (
        "Справка выдаётся согласно приказу Министра от 10 марта 2020 года № 123 «Об утверждении Правил "
        "оказания государственной услуги «Выдача справок» в течение пяти рабочих дней."
    )
    (c,) = parse_citations(text, "ru")
    assert c.act_title == "Об утверждении Правил оказания государственной услуги «Выдача справок"
    # a straight quote right after the act's name still opens its title
    (c,) = parse_citations('Ответ дан в соответствии с Законом РК"О языках в Республике Казахстан" от 11 июля 1997 года.', "ru")
    assert c.act_title == "О языках в Республике Казахстан"


def test_a_kazakh_title_before_the_act_in_straight_quotes_is_its_title():
    # ««…» Қазақстан Республикасының Заңы» was read, «"…" Қазақстан Республикасының Заңы» (before
    # T106's fix) was no citation at all
    for title in ('"Тұрғын үй қатынастары туралы"', "«Тұрғын үй қатынастары туралы»"):
        (c,) = parse_citations(f"Көмек {title} Қазақстан Республикасының Заңына сәйкес тағайындалады.", "kk")
        assert c.act_title == "Тұрғын үй қатынастары туралы"


def test_a_constitutional_law_is_a_law_with_its_title_date_and_number_not_the_constitution():
    ru = _one(
        "Согласно статье 3 Конституционного закона Республики Казахстан «О судебной системе и статусе судей Республики Казахстан» "
        "от 25 декабря 2000 года № 132-II правосудие осуществляет только суд.",
        "ru",
        "статье 3 Конституционного закона Республики Казахстан «О судебной системе и статусе судей Республики Казахстан» от 25 декабря 2000 года № 132-II",
    )
    assert (ru.act_type, ru.article, ru.date, ru.number) == ("law", ["3"], "2000-12-25", "132-II")
    kk = _one(
        "«Қазақстан Республикасының сот жүйесі мен судьяларының мәртебесі туралы» Қазақстан Республикасының 2000 жылғы "
        "25 желтоқсандағы № 132-II Конституциялық заңының 3-бабына сәйкес сот төрелігін тек сот жүзеге асырады.",
        "kk",
        "«Қазақстан Республикасының сот жүйесі мен судьяларының мәртебесі туралы» Қазақстан Республикасының 2000 жылғы "
        "25 желтоқсандағы № 132-II Конституциялық заңының 3-бабына",
    )
    assert (kk.act_type, kk.article, kk.date, kk.number) == ("law", ["3"], "2000-12-25", "132-II")
    # the Constitution itself is still the Constitution
    assert _one("Согласно статье 13 Конституции Республики Казахстан каждый вправе защищать свои права.", "ru", "статье 13 Конституции Республики Казахстан").act_type == "constitution"


@pytest.mark.parametrize(
    "text, span, short",
    [
        ("Апелляционная жалоба подаётся через суд первой инстанции (ст. 403 ГПК РК).", "ст. 403 ГПК РК", "ГПК РК"),
        ("Заявление рассматривается в порядке ст. 180 УПК РК.", "ст. 180 УПК РК", "УПК РК"),
        ("Ответственность установлена ст. 190 УК РК.", "ст. 190 УК РК", "УК РК"),
        ("Пени начислены по ст. 117 Налогового кодекса РК.", "ст. 117 Налогового кодекса РК", "НК РК"),
    ],
)
def test_the_codes_courts_and_police_cite_are_known(text, span, short):
    assert _one(text, "ru", span).act_short == short


def test_an_article_of_the_criminal_procedure_code_is_not_bound_to_the_tax_code_named_before():
    cits = parse_citations("Пени исчислены по ст. 117 Налогового кодекса РК. Порядок проверки заявления определён ст. 180 УПК РК.", "ru")
    last = cits[-1]
    assert (last.text, last.act_short) == ("ст. 180 УПК РК", "УПК РК")


def test_an_article_of_an_unknown_code_ends_with_its_abbreviation_and_is_not_bound_to_the_code_before():
    cits = parse_citations("Пени исчислены по ст. 117 Налогового кодекса РК. Оценка воздействия проводится по ст. 65 ЭК РК.", "ru")
    last = cits[-1]
    assert (last.text, last.act_type, last.act_title) == ("ст. 65 ЭК РК", "code", None)
