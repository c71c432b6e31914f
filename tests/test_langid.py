"""Language identification: the team's benchmark set and the hard cases it names."""

import json

import pytest

from anyq.langid import assign_languages, detect


@pytest.mark.parametrize("name", ["paragraphs.jsonl", "heldout.jsonl"])
def test_benchmark_accuracy_is_at_least_98_percent(corpora, name):
    rows = [json.loads(l) for l in (corpora / "langid" / name).read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 150
    wrong = [(r["id"], r["lang"], detect(r["text"]).lang) for r in rows if detect(r["text"]).lang != r["lang"]]
    assert 1 - len(wrong) / len(rows) >= 0.98, wrong


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Жауап берілді.", "kk"),
        ("Алу үшін мектепке бару керек.", "kk"),  # no Kazakh-specific letter
        ("мемлекеттiк қызмет көрсету", "kk"),  # Latin i for і
        ("Орынд.: Сейтов А.", "kk"),
        ("Исп.: Сейтов А.", "ru"),
        ("ТОО «Құрылыс Сервис» обратилось в акимат г. Қонаев по ул. Тәуелсіздік.", "ru"),
        ("С уважением,", "ru"),
        # a body's name in quotes, then an abbreviation both languages' dictionaries know
        ("«Қарағанды облысы денсаулық сақтау басқармасының Абай ауданы бойынша бөлімі» ММ", "kk"),
        ("Тел.: 8 (7172) 74-00-00", "other"),
        ("e-mail: info@akimat.kz", "other"),
        ("Thank you for your letter.", "other"),
    ],
)
def test_hard_cases(text, lang):
    assert detect(text).lang == lang


def test_undecided_paragraphs_take_the_document_language():
    texts = ["Өтінішіңіз қаралды, жер учаскесі беріледі.", "Рахмет.", "Сізге жауап жіберілді."]
    assert assign_languages(texts) == ["kk", "kk", "kk"]
    assert assign_languages(["Ответ отрицательный."], forced="kk") == ["kk"]


def test_voters_read_the_same_words_and_stretches_as_word_findall():
    """``_voters`` cuts stretches with ``str.split`` and reads words as space-joined runs: the
    words must be exactly ``WORD.findall``'s, hyphens, apostrophes, digits and odd spaces included."""
    from anyq.langid.detect import _WORD_RUN, _cyrillic_word, _cyrillic_words
    from anyq.nlp.words import WORD

    texts = [
        "Северо-западный район, ӘРПК-нің  бөлімі. Д'Артаньян — O’Brien\tи 2024 года",
        "abc123def ab_cd a-b- -c 'd e'f  g\u00a0h ½ ² Ⅻ ٣x",
        "- ' ’ ,", "", "Тел.: 8 (7172) 74-00-00. Исп.: А. Серікбаев\nБ.Ж. Нұрланов!? Да…",
    ]
    for t in texts:
        runs = _WORD_RUN.findall(t)
        assert (" ".join(runs).split(" ") if runs else []) == WORD.findall(t), t
        assert [w for w in WORD.findall(t) if _cyrillic_word(w)] == _cyrillic_words(t)
