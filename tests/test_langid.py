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
