"""The reply reader's patterns in their fast forms answer as the plain ones: the Russian
deadline searched in a form led by its first letters (``firstchar``), the appeal's date and
a norm's terms blanked only in a text that holds the words and numbers they need."""

from __future__ import annotations

import pytest

from anyq.legal.layout import Sentence
from anyq.legal.reply import _APPEAL_DATE, DEADLINE, case_text, has_deadline, norm_sentence, step_text

SENTENCES = [
    ("Перерасчёт будет произведён до 15 апреля 2026 года.", True),
    ("Документы направят ДО 1 МАРТА.", True),
    ("Ответ будет дан не позднее 20.05 текущего года.", True),
    ("Ремонт кровли завершат не позже конца сентября.", True),
    ("Справку выдадут в течение пяти рабочих дней.", True),
    ("В течение 24 часов с Вами свяжется участковый.", True),
    ("Работы начнутся до наступления холодов.", False),
    ("Ваше обращение рассмотрено в установленном порядке.", False),
    # no word start before the letters: «до» inside a word, after a digit or underscore
    ("Тарифы утверждены постановлением кдо 15 марта.", False),
    ("Срок указан в пункте 5до 10 мая.", False),
    ("Код раздела x_до 12 июня.", False),
    # a hyphen or a quote before «до» is a word start for ``\b``
    ("Срок продлён «до 30 ноября» по решению комиссии.", True),
    ("Выплата — до 10 декабря, согласно графику.", True),
    ("Нужно сдать из-до 10 декабря.", True),
    # a letter the case-blind regex takes for «д» (U+1C81, rounded de)
    ("Срок \u1c81о 3 июля.", True),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_russian_deadline_as_the_plain_pattern(text: str, expected: bool) -> None:
    assert (DEADLINE["ru"].search(text) is not None) is expected
    assert has_deadline(text, "ru") is expected


APPEAL_DATES = [
    ("На Ваше обращение от 10 ноября 2026 года сообщаем, что выплата назначена.", "ru", True),
    ("На ЗАЯВЛЕНИЕ от 03.02.2026 г. сообщаем, что очередь — 46.", "ru", True),
    ("На № 12-5/340 от 5 марта 2026 года сообщаем следующее.", "ru", True),
    ("Выплата назначена с 1 марта 2026 года в размере 45 000 тенге.", "ru", False),
    ("Сіздің 2026 жылғы 10 қарашадағы өтінішіңізге жауап ретінде хабарлаймыз.", "kk", True),
    ("Сіздің 12.01.2026 жылғы АРЫЗЫҢЫЗ қаралды.", "kk", True),
    ("Жәрдемақы 2026 жылғы 1 наурыздан бастап тағайындалды.", "kk", False),
]


@pytest.mark.parametrize(("text", "lang", "blanked"), APPEAL_DATES)
def test_appeal_date_blanked_as_by_the_plain_pattern(text: str, lang: str, blanked: bool) -> None:
    s = Sentence(0, len(text), text, lang, 0, "body")
    plain = _APPEAL_DATE[lang].sub(lambda m: " " * len(m.group(0)), text)
    assert case_text(s, []) == step_text(s, []) == plain
    assert (plain != text) is blanked


def test_norm_sentence_without_a_number_left_after_its_citations() -> None:
    from anyq.legal.citations import parse_citations as parse

    text = "Согласно статье 76 АППК обращение рассматривается в установленные сроки."
    s = Sentence(0, len(text), text, "ru", 0, "body")
    cits = parse(text, "ru")
    assert cits and norm_sentence(s, cits)
    dated = "Согласно статье 76 АППК выплата назначена с 1 марта."
    assert not norm_sentence(Sentence(0, len(dated), dated, "ru", 0, "body"), parse(dated, "ru"))


def _layout(texts: list[str]):
    from anyq.legal.layout import layout
    from anyq.nlp.pipeline import annotate_many
    from anyq.text import Paragraph

    paragraphs, start = [], 0
    for i, text in enumerate(texts):
        paragraphs.append(Paragraph(i, start, start + len(text), text, "ru"))
        start += len(text) + 2
    return layout(paragraphs, list(annotate_many(texts, "ru")), "ru")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("По вопросам начисления обращайтесь к специалисту отдела по телефону 8 (7182) 55-31-20.", True),
        ("По вопросам начисления обращайтесь к специалисту отдела, тел. 55-31-20.", True),
        ("По вопросам начисления обращайтесь к специалисту отдела в рабочее время.", False),
        ("Выплата назначена с 1 марта 2026 года, по вопросам обращайтесь в отдел.", False),
    ],
)
def test_gives_phone_in_the_body(body: str, expected: bool) -> None:
    from anyq.legal.reply import gives_phone

    # the body paragraph is not among the last three (the tail of a letter with no signature)
    texts = [
        "Уважаемый Ерлан Серикович!",
        "Ваше обращение рассмотрено, пособие назначено.",
        body,
        "Размер пособия пересчитан с учётом дохода семьи.",
        "Решение может быть обжаловано в суде.",
        "Благодарим за обращение.",
    ]
    assert gives_phone(_layout(texts)) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Сообщаем Вам, что Ваше заявление рассмотрено.",
        "ВАМИ представлены документы; вашему сыну назначено пособие.",
        "Вызов принят, выплата назначена, вагон отправлен.",
        "Пред-вы и из-вас не слова, а «вы» — слово.",
        "Семья Вашуровых получила ответ.",
        "Ответ направлен заявителю.",
    ],
)
def test_reader_addressed_where_the_plain_pattern_finds(text: str) -> None:
    from anyq.legal.reply import _READER_RU, _READER_RU_SEARCH

    assert [m.span() for m in _READER_RU_SEARCH.finditer(text)] == [m.span() for m in _READER_RU.finditer(text)]
