"""``words_over``: the layout's capped word count answers as the full count does."""

from __future__ import annotations

import pytest

from anyq.legal.layout import word_count, words_over

TEXTS = [
    "",
    "№ 12-3/456 от 05.03.2026",
    "Руководитель отдела    Е. Б. Жунусов",
    "Бөлім басшысы Ә. Тұрсынбеков",
    "Уважаемая Айгерим Болатовна!",
    "На Ваше обращение от 12 марта 2026 года, поступившее через блог акима района, сообщаем следующее.",
    "Сіздің 2026 жылғы 3 ақпандағы өтінішіңіз қаралып, жер учаскесін беру мәселесі бойынша "
    "аудандық жер қатынастары бөлімі тиісті құжаттарды дайындап, комиссия отырысына шығаратынын хабарлаймыз.",
    "Кабинет 3-го этажа, д'Артаньян, северо-восточный",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("limit", [0, 1, 4, 8, 10, 12, 16, 25])
def test_words_over_is_the_count_against_the_limit(text: str, limit: int) -> None:
    assert words_over(text, limit) is (word_count(text) > limit)
