"""``has_deadline``: the Russian deadline is searched in a form led by its first letters
(``firstchar``); it must find a deadline exactly where the plain pattern does."""

from __future__ import annotations

import pytest

from anyq.legal.reply import DEADLINE, has_deadline

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
