"""Readability: syllables on the team lists, the published Russian coefficients on
hand-computed examples, anyq's Kazakh level on held-out texts, and textstat where it is and
is not right."""

from __future__ import annotations

import csv
import math
import subprocess
import sys

import pytest

import anyq
from anyq.readability import formulas, kazakh
from anyq.readability.calibration import features, least_squares, load_corpus, spearman, split
from anyq.readability.syllables import count


# --- syllables -------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_syllable_counter_is_exact_on_the_team_lists(corpora, lang):
    with open(corpora / "syllables" / f"{lang}.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert len(rows) >= 300
    wrong = [(r["word"], r["syllables"], count(r["word"], lang)) for r in rows if count(r["word"], lang) != int(r["syllables"])]
    assert wrong == []


def test_kazakh_u_and_i():
    # «у» after a vowel is a glide, after a consonant a nucleus; loans follow the Russian norm
    assert [count(w, "kk") for w in ("тау", "ауыл", "оқу", "су", "туу", "уақыт", "университет")] == [1, 2, 2, 1, 2, 2, 5]
    assert [count(w, "kk") for w in ("аудан", "аудит", "радиус", "Әуезов", "киім", "бойынша")] == [2, 3, 3, 3, 2, 3]
    # every Kazakh vowel counts, «ә» included (public Kazakh code often forgets it)
    assert count("әкімдік", "kk") == 3 and count("өтініштеріңізге", "kk") == 7
    # a Latin «i» typed for «і» is still a vowel
    assert count("мемлекеттiк", "kk") == count("мемлекеттік", "kk") == 4


# --- Russian formulas: the published coefficients --------------------------------------------
def test_formulas_carry_the_published_coefficients():
    fre = formulas.flesch_reading_ease_ru
    assert fre(0, 0) == pytest.approx(206.835)
    assert fre(1, 0) - fre(0, 0) == pytest.approx(-1.3)  # Oborneva: −1.3·ASL
    assert fre(0, 1) - fre(0, 0) == pytest.approx(-60.1)  # Oborneva: −60.1·ASW
    fk = formulas.flesch_kincaid_grade_ru
    assert (fk(0, 0), fk(1, 0) - fk(0, 0), fk(0, 1) - fk(0, 0)) == pytest.approx((-15.59, 0.5, 8.4))
    sis = formulas.flesch_kincaid_grade_ru_sis
    assert (sis(0, 0), sis(1, 0) - sis(0, 0), sis(0, 1) - sis(0, 0)) == pytest.approx((-11.97, 0.36, 5.76))
    ari = formulas.ari_ru
    assert (ari(0, 0), ari(1, 0) - ari(0, 0), ari(0, 1) - ari(0, 0)) == pytest.approx((-31.04, 6.26, 0.2805))
    assert formulas.smog_ru(1, 1) == pytest.approx(1.1 * math.sqrt(64.6) + 0.05)
    assert formulas.coleman_liau_ru(0, 100, 0) == pytest.approx(-20.33)
    assert formulas.lix(10, 0.25) == pytest.approx(35.0)


def test_hand_computed_russian_example():
    # «Мама мыла раму. Папа читал газету.»
    # 6 words, 2 sentences; syllables ма-ма 2, мы-ла 2, ра-му 2, па-па 2, чи-тал 2, га-зе-ту 3 = 13
    # letters 4+4+4+4+5+6 = 27; long words (> 6 letters): 0; complex (≥ 5 syllables): 0
    # ASL = 3, ASW = 13/6, AWL = 27/6
    # FRE = 206.835 − 1.3·3 − 60.1·13/6 = 206.835 − 3.9 − 130.2167 = 72.7183
    # FK  = 0.5·3 + 8.4·13/6 − 15.59 = 1.5 + 18.2 − 15.59 = 4.11
    # SIS = 0.36·3 + 5.76·13/6 − 11.97 = 1.08 + 12.48 − 11.97 = 1.59
    # ARI = 6.26·4.5 + 0.2805·3 − 31.04 = 28.17 + 0.8415 − 31.04 = −2.0285
    # CLI = 0.055·450 − 0.35·33.33 − 20.33 = 24.75 − 11.6667 − 20.33 = −7.2467
    # SMOG = 1.1·√0 + 0.05 = 0.05; LIX = 3 + 0 = 3
    fig = anyq.check("Мама мыла раму. Папа читал газету.", lang="ru").stats["readability"]["ru"]
    assert (fig["words"], fig["sentences"], fig["syllables"]) == (6, 2, 13)
    assert fig["flesch_reading_ease"] == pytest.approx(72.7, abs=0.05)
    assert fig["flesch_kincaid_grade"] == pytest.approx(4.1, abs=0.05)
    assert fig["flesch_kincaid_grade_sis"] == pytest.approx(1.6, abs=0.05)
    assert fig["ari"] == pytest.approx(-2.0, abs=0.05)
    assert fig["coleman_liau"] == pytest.approx(-7.2, abs=0.05)
    assert fig["smog"] == pytest.approx(0.05, abs=0.05)
    assert fig["lix"] == pytest.approx(3.0, abs=0.05)


def test_hand_computed_officialese_example():
    # «Обеспечение предоставления государственных услуг осуществляется уполномоченным органом.»
    # 7 words, 1 sentence; syllables: обеспечение 6, предоставления 6, государственных 5,
    # услуг 2, осуществляется 6, уполномоченным 6, органом 3 = 34; ASW = 34/7 = 4.857
    # long words (> 6 letters): all but «услуг» = 6 → LIX = 7 + 100·6/7 = 92.71
    # complex (≥ 5 syllables): all but «услуг» and «органом» = 5
    # → SMOG = 1.1·√(64.6·5) + 0.05 = 1.1·17.972 + 0.05 = 19.82
    # FRE = 206.835 − 1.3·7 − 60.1·34/7 = 206.835 − 9.1 − 291.914 = −94.18
    fig = anyq.check(
        "Обеспечение предоставления государственных услуг осуществляется уполномоченным органом.", lang="ru"
    ).stats["readability"]["ru"]
    assert (fig["words"], fig["syllables"]) == (7, 34)
    assert fig["flesch_reading_ease"] == pytest.approx(-94.2, abs=0.05)
    assert fig["lix"] == pytest.approx(92.7, abs=0.05)
    assert fig["smog"] == pytest.approx(19.8, abs=0.05)


# --- Kazakh level ----------------------------------------------------------------------------
def _kk_measures(text: str) -> tuple[float, float, float]:
    fig = anyq.check(text, lang="kk", select=["C110"]).stats["readability"]["kk"]
    return fig["words_per_sentence"], fig["syllables_per_word"], fig["level"]


def test_kazakh_level_ranks_held_out_texts(corpora):
    fit, held = split(load_corpus(corpora / "readability" / "kk"))
    assert len(held) >= 60 and not {t.id for t in fit} & {t.id for t in held}
    levels = [float(t.level) for t in held]
    predicted = [_kk_measures(t.text)[2] for t in held]
    assert spearman(predicted, levels) >= 0.8


def test_kazakh_coefficients_are_the_fit_on_the_fit_part(corpora):
    fit, _ = split(load_corpus(corpora / "readability" / "kk"))
    x, y = [], []
    for t in fit:
        asl, asw, _ = _kk_measures(t.text)
        x.append(features(asl, asw))
        y.append(float(t.level))
    a, b, c = least_squares(x, y)
    assert (kazakh.A, kazakh.B, kazakh.C) == pytest.approx((a, b, c), abs=2e-4)


def test_spearman_handles_ties():
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 1, 2, 2], [1, 2, 3, 4]) == pytest.approx(0.894, abs=1e-3)


# --- textstat: right for Oborneva's formula, wrong for Russian syllables, no Kazakh, and a
# download at run time when no language is set. anyq uses none of it at run time. ----------
textstat = pytest.importorskip("textstat")  # a dev dependency (pyproject [dependency-groups])


def _textstat(lang: str):
    ts = textstat.textstat.__class__()
    ts.set_lang(lang)
    return ts


def test_textstat_russian_syllables_come_from_hyphenation_and_are_wrong(corpora):
    ts = _textstat("ru")
    # о-бе-спе-че-ни-я 6 and об-ра-ще-ни-е 5 vowels, but 4 hyphenation points + 1; «в» has no vowel
    assert [ts.syllable_count(w) for w in ("обеспечения", "обращение", "в")] == [4, 4, 1]
    assert [count(w, "ru") for w in ("обеспечения", "обращение", "в")] == [6, 5, 0]
    with open(corpora / "syllables" / "ru.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    wrong = [r["word"] for r in rows if ts.syllable_count(r["word"]) != int(r["syllables"])]
    assert len(wrong) > 0.2 * len(rows)  # textstat misses more than a fifth of the team list


def test_textstat_russian_flesch_is_oborneva_where_its_syllables_are_right():
    # every word here hyphenates at its vowels, so textstat's syllables are right and its
    # Russian Flesch (Oborneva's coefficients) must equal ours
    text = "Мама мыла раму. Папа читал газету."
    ts = _textstat("ru")
    assert ts.syllable_count(text) == 13
    assert ts.flesch_reading_ease(text) == pytest.approx(formulas.flesch_reading_ease_ru(3, 13 / 6))


def test_textstat_keeps_english_constants_for_other_russian_formulas():
    text = "Мама мыла раму. Папа читал газету."
    ts = _textstat("ru")
    # English ARI: 4.71·chars/words + 0.5·words/sentences − 21.43; not the Russian adaptation
    assert ts.automated_readability_index(text) != pytest.approx(formulas.ari_ru(27 / 6, 3), abs=0.5)


def test_textstat_has_no_kazakh_syllables():
    ts = _textstat("kk")
    with pytest.raises(Exception):
        ts.syllable_count("өтініш")


def test_textstat_default_language_downloads_at_run_time(monkeypatch, tmp_path):
    import nltk
    from textstat.backend.utils import _get_cmudict

    calls = []

    def no_download(*args, **kwargs):
        calls.append(args)
        raise ConnectionError("anyq tests do not go online")

    monkeypatch.setattr(nltk, "download", no_download)
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    _get_cmudict.get_cmudict.cache_clear() if hasattr(_get_cmudict.get_cmudict, "cache_clear") else None
    ts = textstat.textstat.__class__()  # a fresh instance: English, the default
    with pytest.raises(Exception):
        ts.syllable_count("hello world")
    assert calls and calls[0][0] == "cmudict"


def test_anyq_never_imports_textstat_or_goes_online():
    # in a fresh interpreter with sockets disabled: a full check works, and neither textstat
    # nor nltk is imported
    code = (
        "import socket\n"
        "def _deny(*a, **k):\n    raise OSError('network used at run time')\n"
        "socket.socket.connect = _deny\nsocket.create_connection = _deny\n"
        "import sys, anyq\n"
        "r = anyq.check('Мама мыла раму. Сіздің өтінішіңіз қаралды.')\n"
        "assert r.stats['readability'], r.stats\n"
        "assert 'textstat' not in sys.modules and 'nltk' not in sys.modules and 'pyphen' not in sys.modules\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


# --- what is counted as a sentence and a word -------------------------------------------------
_LIST_RU = (
    "Для назначения пособия нужны документы:\n- удостоверение личности;\n- справка о составе семьи;\n"
    "- справка о доходах за последние шесть месяцев;\n- выписка с банковского счёта;\n"
    "- свидетельство о рождении ребёнка;\n- копия договора аренды жилья.\n"
)
_LIST_KK = (
    "Жәрдемақы алу үшін мына құжаттарды әкеліңіз:\n• жеке куәлік\n• отбасы құрамы туралы анықтама\n"
    "• соңғы алты айдағы табыс туралы анықтама\n• банктегі шоттан үзінді\n• баланың туу туралы куәлігі\n"
    "Құжаттарды дүйсенбіден жұмаға дейін қабылдаймыз.\n"
)


def _sentence_stats(report):
    st = report.stats
    return st["words"], st["sentences"], st["max_sentence_length"], st["reading_ease"]


def test_a_plain_text_list_is_measured_as_in_markdown_and_docx(tmp_path):
    import docx

    path = tmp_path / "list.docx"
    d = docx.Document()
    for line in _LIST_RU.splitlines():
        d.add_paragraph(line)
    d.save(path)
    txt, md, word = anyq.check(_LIST_RU), anyq.check(_LIST_RU, format="md"), anyq.check_file(str(path))
    assert _sentence_stats(txt) == _sentence_stats(md) == _sentence_stats(word)
    assert txt.stats["sentences"] == 7
    kk = anyq.check(_LIST_KK)
    assert kk.stats["sentences"] == 7
    for r in (txt, kk):
        assert [f.code for f in r.findings if f.code == "C101"] == []


def test_a_bilingual_letterhead_is_no_sentence():
    text = (
        "Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігінің Алматы облысы бойынша департаменті\n"
        "Департамент Министерства труда и социальной защиты населения Республики Казахстан по Алматинской области\n"
        "040000, Қонаев қаласы, Абай көшесі, 12-үй, тел.: 8 (72772) 4-10-20, e-mail: info@enbek.kz\n\n"
        "Уважаемая Гульнара Ахметовна!\n\n"
        "Ваше пособие назначено с первого марта. Деньги придут на карту до десятого числа.\n"
    )
    r = anyq.check(text, select=["C"])
    assert [f.code for f in r.findings if f.code in ("C101", "C104")] == []
    # the Russian name of the department is Russian, and the letterhead is not measured
    assert r.stats["words_by_language"]["ru"] >= 12 + 16
    assert list(r.stats["readability"]) == ["ru"] and r.stats["readability"]["ru"]["words"] == 16


@pytest.mark.parametrize(
    "fmt, text",
    [
        (
            "md",
            "| Документ | Где получить | Срок действия |\n|---|---|---|\n"
            "| Справка о составе семьи | ЦОН или портал электронного правительства | один месяц |\n"
            "| Справка о доходах семьи | работодатель или налоговое управление | три месяца |\n"
            "| Квитанции об оплате коммунальных услуг | управляющая компания | за последний месяц |\n\n"
            "Принесите документы в отдел занятости.\n",
        ),
        (
            "txt",
            "Документ\tГде получить\tСрок\nСправка о составе семьи\tЦОН или портал электронного правительства\tодин месяц\n"
            "Справка о доходах семьи\tработодатель или налоговое управление\tтри месяца\n"
            "Квитанции об оплате услуг\tуправляющая компания\tза последний месяц\n\nПринесите документы в отдел занятости.\n",
        ),
    ],
)
def test_a_table_is_no_sentence(fmt, text):
    r = anyq.check(text, format=fmt, select=["C"])
    assert [f.code for f in r.findings if f.code in ("C101", "C104")] == []
    assert r.stats["max_sentence_length"] <= 5


def test_kazakh_words_written_with_a_number_are_words():
    text = (
        "Кодекстің 91-бабының 2-тармағына сәйкес сіздің шағымыңызды аудандық әкімдіктің құқық бөлімі "
        "келесі айдың 15-күніне дейін қарап, жауабын сізге пошта арқылы жібереді.\n"
    )
    r = anyq.check(text, select=["C101"])
    assert r.stats["words"] == 20
    assert [f.code for f in r.findings] == ["C101"]
    # «91-бабының» has the syllables of «бабының»; an ordinal ending alone («1-ші») is no word
    plain = text.replace("91-бабының", "бабының").replace("2-тармағына", "тармағына").replace("15-күніне", "күніне")
    assert r.stats["syllables"] == anyq.check(plain).stats["syllables"]
    assert anyq.check("Сіздің өтінішіңіз 1-ші кезекте қаралады.").stats["words"] == 4


def test_letter_list_markers_are_no_words():
    text = (
        "Для перерасчёта платы за отопление вам нужно: а) принести паспорт; б) оплатить пошлину в банке; "
        "в) заполнить анкету; г) сдать квитанции; д) подписать заявление в отделе.\n"
    )
    numbered = text
    for a, b in zip("абвгд", "12345"):
        numbered = numbered.replace(f" {a})", f" {b})")
    lettered, digits = anyq.check(text, select=["C101"]), anyq.check(numbered, select=["C101"])
    assert lettered.stats["words"] == digits.stats["words"] == 21
    assert lettered.findings == digits.findings == []
    assert anyq.check("Сізге керек: а) куәлік; ә) анықтама; б) өтініш.").stats["words"] == 5


def test_requisites_and_signature_are_not_measured_as_sentences():
    body = (
        "Уважаемый Асхат Маратович!\n\n"
        "Ваше обращение о ремонте дороги по улице Жамбыла в посёлке Шалкар рассмотрено отделом строительства и дорог, "
        "который проверил участок вместе с представителем подрядной организации.\n\n"
        "Ремонт участка дороги протяжённостью четыреста метров включён в план текущего ремонта автомобильных дорог "
        "районного значения на следующий год при условии выделения финансирования.\n"
    )
    full = (
        "ГУ «Отдел строительства\nи автомобильных дорог Шалкарского района»\n\n"
        "Исх. № 02-11/584 от 05.03.2025\nНа № ЖТ-2025-0311 от 17.02.2025\n\n"
        "Ахметову А. М.\nс. Шалкар, ул. Жамбыла, д. 14\n\n"
        + body
        + "\nРуководитель отдела\nН. Сарсенов\n\nИсп.: Муканова Г. К.\nТел.: 8 (71237) 2-14-56\n"
    )
    b, f = anyq.check(body, select=["C"]), anyq.check(full, select=["C"])
    for key in ("sentences", "mean_sentence_length", "max_sentence_length", "readability"):
        assert f.stats[key] == b.stats[key], key
    assert f.stats["words"] > b.stats["words"]  # the requisites are still words of the letter
    assert [x.code for x in f.findings if x.code == "C110"] == []


def test_a_kazakh_ending_after_a_number_is_no_word():
    # «18-ге» is the number with its case ending, as «18-ші» is with its ordinal: no word, so the
    # sentence has the words and syllables of the same sentence without the number
    with_number = anyq.check("Балаларға 18-ге дейін жәрдемақы төленеді, 5-тен асса, құжаттардың 3-і қайтарылады.")
    without = anyq.check("Балаларға дейін жәрдемақы төленеді, асса, құжаттардың қайтарылады.")
    assert with_number.stats["words"] == without.stats["words"] == 7
    assert with_number.stats["readability"]["kk"]["syllables"] == without.stats["readability"]["kk"]["syllables"]
    # an ordinal with a case or possessive ending after it is no word either; a noun is
    assert anyq.check("Өтініштің 1-шісі 91-бабының негізінде қаралды.").stats["words"] == 4
