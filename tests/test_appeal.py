"""`anyq check REPLY --appeal APPEAL`: the language of the reply (Law on Languages, art. 11)
and the appeal's questions the reply leaves unanswered; the same through the API."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import anyq
from anyq.cli import app
from anyq.legal.appeal import appeal_from_text

runner = CliRunner()

APPEAL_KK = """Ақсу ауылдық округінің әкіміне
Ақсу ауылы, Бейбітшілік көшесі, 14-үй, Жақыпов Ерлан Маратұлынан, тел. 8 705 118 20 44

Өтініш

Біздің Бейбітшілік көшесінде бір жылдан бері көше шамдары жанбайды. Кешке балалар мектептен қараңғыда қайтады.

Сұраймын:
1. Көше шамдарын қашан жөндейсіздер?
2. Шамдарды жөндеуге қай мекеме жауапты?

Е. М. Жақыпов
2026 жылғы 2 наурыз
"""

REPLY_RU_EVASIVE = """ГУ «Аппарат акима Аксуского сельского округа»
Исх. № 112 от 20.03.2026
На № ЗТ-2026-00612200 от 02.03.2026

Уважаемый Ерлан Маратович!

Ваше обращение по вопросу уличного освещения рассмотрено. Информация принята к сведению. Вопрос будет рассмотрен при формировании бюджета на следующий год при наличии финансирования.

Аким сельского округа                Н. Б. Оспанов
"""

REPLY_KK_SUBSTANTIVE = """«Ақсу ауылдық округі әкімінің аппараты» ММ
Шығ. № 113, 2026 жылғы 20 наурыз
2026 жылғы 2 наурыздағы № ЗТ-2026-00612200 өтінішке

Құрметті Ерлан Маратұлы!

Бейбітшілік көшесіндегі көше шамдары 2026 жылғы 15 сәуірге дейін жөнделеді: жұмысты «Ақсу Жарық» ЖШС орындайды, шарт 18 наурызда жасалды.

Шамдарға «Ақсу Жарық» ЖШС жауапты: авариялық телефон 8 (71837) 2-10-10. Жөндеуден кейін шам қайта сөнсе, осы нөмірге хабарласыңыз.

Жауаппен келіспеген жағдайда, Сіз ҚР ӘРПК-нің 91-бабына сәйкес үш ай ішінде аудан әкімдігіне шағым бере аласыз.

Аппарат басшысы                Н. Б. Оспанов

Орынд.: Сейітова А.
Тел.: 8 (71837) 2-14-09
"""


def _files(tmp_path, reply, appeal):
    r = tmp_path / "reply.txt"
    a = tmp_path / "appeal.txt"
    r.write_text(reply, encoding="utf-8")
    a.write_text(appeal, encoding="utf-8")
    return r, a


def test_appeal_questions_extracted():
    a = appeal_from_text(APPEAL_KK)
    assert a.language == "kk"
    assert [(q.text, q.asks) for q in a.questions] == [
        ("Көше шамдарын қашан жөндейсіздер?", "when"),
        ("Шамдарды жөндеуге қай мекеме жауапты?", "who"),
    ]
    ru = appeal_from_text("Акиму города\n\nПрошу ответить:\n1. Какой мой номер в очереди на жильё?\n2. Если будет квартира, то с какого числа?\nОтвет прошу направить на электронную почту.\n\nД. Е. Нурланов\n")
    assert [q.text for q in ru.questions] == ["Какой мой номер в очереди на жильё?", "Если будет квартира, то с какого числа?"]
    assert ru.questions[1].asks == "when" and "очередь" in ru.questions[1].terms  # a follow-up inherits the terms before it


def test_russian_reply_to_kazakh_appeal_warns(tmp_path):
    reply, appeal = _files(tmp_path, REPLY_RU_EVASIVE, APPEAL_KK)
    result = runner.invoke(app, ["check", str(reply), "--appeal", str(appeal), "--format", "json"])
    data = json.loads(result.stdout)["files"][0]
    l130 = [f for f in data["findings"] if f["code"] == "L130"]
    assert len(l130) == 1 and "ст. 11" in l130[0]["message"] and "русском" in l130[0]["message"] and "казахском" in l130[0]["message"]
    assert data["appeal"]["language"] == "kk"
    # questions in another language are matched only through numbers and names: left unchecked, not guessed
    assert {q["status"] for q in data["appeal"]["questions"]} == {"unchecked"}


def test_kazakh_reply_answers_the_questions(tmp_path):
    reply, appeal = _files(tmp_path, REPLY_KK_SUBSTANTIVE, APPEAL_KK)
    result = runner.invoke(app, ["check", str(reply), "--appeal", str(appeal), "--format", "json"])
    data = json.loads(result.stdout)["files"][0]
    assert not [f for f in data["findings"] if f["code"] in ("L130", "L131")]
    assert [q["status"] for q in data["appeal"]["questions"]] == ["answered", "answered"]


def test_kazakh_reply_to_russian_appeal_is_allowed():
    appeal = "Акиму сельского округа\n\nНа нашей улице Бейбитшилик год не горят фонари. Когда их починят?\n\nЕ. М. Жакыпов\n"
    r = anyq.check(REPLY_KK_SUBSTANTIVE, appeal=appeal)
    assert not [f for f in r.findings if f.code == "L130"]


def test_unanswered_questions_reported():
    reply = REPLY_KK_SUBSTANTIVE.replace(
        "Бейбітшілік көшесіндегі көше шамдары 2026 жылғы 15 сәуірге дейін жөнделеді: жұмысты «Ақсу Жарық» ЖШС орындайды, шарт 18 наурызда жасалды.\n\nШамдарға «Ақсу Жарық» ЖШС жауапты: авариялық телефон 8 (71837) 2-10-10. Жөндеуден кейін шам қайта сөнсе, осы нөмірге хабарласыңыз.",
        "Көше шамдарын жөндеу мәселесі қаржыландыру болған жағдайда қаралатын болады. Мәселе бақылауда.",
    )
    r = anyq.check(reply, appeal=APPEAL_KK)
    qs = r.extra["appeal"]["questions"]
    assert [(q["status"], q["missing"]) for q in qs] == [("not_answered", "date"), ("not_answered", "body")]
    l131 = [f for f in r.findings if f.code == "L131"]
    assert len(l131) == 1 and "Көше шамдарын қашан жөндейсіздер?" in l131[0].message and "мерзімі жоқ" in l131[0].message


def test_untouched_question():
    appeal = "Акиму района\n\nПрошу сообщить:\n1. Когда отремонтируют крышу нашего дома?\n2. Почему в подъезде нет отопления?\n\nИ. П. Смирнов\n"
    reply = "Уважаемый Иван Петрович!\n\nКрыша Вашего дома будет отремонтирована до 1 июля 2026 года.\n\nРуководитель отдела                А. Б. Сидоров\n"
    r = anyq.check(reply, appeal=appeal)
    qs = r.extra["appeal"]["questions"]
    assert [q["status"] for q in qs] == ["answered", "untouched"]
    assert "«Почему в подъезде нет отопления?» (ответ этого вопроса не касается)" in next(f.message for f in r.findings if f.code == "L131")


def test_missing_appeal_file_is_a_usage_error(tmp_path):
    reply = tmp_path / "reply.txt"
    reply.write_text(REPLY_RU_EVASIVE, encoding="utf-8")
    result = runner.invoke(app, ["check", str(reply), "--appeal", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert result.output.strip() == f"anyq: error: --appeal: {tmp_path / 'nope.txt'}: no such file"


def test_api_missing_appeal_is_a_value_error_naming_the_file(tmp_path):
    # it was anyq.readers.ReadError, neither the ValueError the API raises for bad arguments
    # nor an error in report.errors, and check_paths stopped with it
    reply = tmp_path / "reply.txt"
    reply.write_text(REPLY_RU_EVASIVE, encoding="utf-8")
    missing = tmp_path / "nope.txt"
    settings = anyq.Settings(appeal=str(missing))
    calls = (
        lambda: anyq.check_file(str(reply), settings),
        lambda: anyq.check_paths([str(tmp_path)], settings),
        lambda: anyq.check(REPLY_RU_EVASIVE, settings=settings),
    )
    for call in calls:
        with pytest.raises(ValueError) as info:
            call()
        assert str(info.value) == f"appeal: {missing}: no such file"


def test_kind_option(tmp_path):
    news = tmp_path / "news.txt"
    news.write_text("Аким района провёл приём граждан. Вопрос находится на контроле акимата.\n", encoding="utf-8")
    plain = runner.invoke(app, ["check", str(news), "--format", "json"])
    assert json.loads(plain.stdout)["files"][0]["kind"] == "other"
    forced = runner.invoke(app, ["check", str(news), "--kind", "reply", "--format", "json"])
    f = json.loads(forced.stdout)["files"][0]
    assert f["kind"] == "reply" and "L110" in {x["code"] for x in f["findings"]}
    bad = runner.invoke(app, ["check", str(news), "--kind", "memo"])
    assert bad.exit_code == 2


def test_unanswered_questions_speak_the_letters_language_in_a_bilingual_reply():
    """L131 took the first body sentence's language: a reply opening with a Kazakh paragraph over
    a longer Russian body listed the questions in Kazakh beside Russian L110–L114."""
    appeal = "Акиму района\n\nПрошу сообщить:\n1. Когда отремонтируют крышу нашего дома?\n2. Почему в подъезде нет отопления?\n\nИ. П. Смирнов\n"
    reply = (
        "Құрметті Иван Петрович!\n\nҮйдің шатыры 2026 жылғы 1 шілдеге дейін жөнделеді.\n\n"
        "Уважаемый Иван Петрович!\n\nКрыша Вашего дома будет отремонтирована подрядчиком до 1 июля 2026 года, "
        "работы оплачены из бюджета района, договор с подрядчиком подписан 3 марта.\n\n"
        "Руководитель отдела                А. Б. Сидоров\n"
    )
    r = anyq.check(reply, appeal=appeal)
    (l131,) = [f for f in r.findings if f.code == "L131"]
    assert l131.language == "ru" and "Почему в подъезде нет отопления?" in l131.message
    assert "(ответ этого вопроса не касается)" in l131.message


def test_a_request_met_only_by_a_word_that_fits_any_subject_is_untouched():
    appeal = (
        "Облыстық білім басқармасына\n\n"
        "Неліктен маған мемлекеттік грант бөлінбеді? Жатақханадан орын беруіңізді сұраймын.\n\n"
        "Д. Е. Омарова\n"
    )
    reply = (
        "Құрметті Дина Ерланқызы!\n\n"
        "Сізге грант бөлінбеді, себебі «Информатика» мамандығы бойынша 30 орынға 140 өтініш түсті, ал соңғы грант 121 балмен берілді.\n\n"
        "Басқарма басшысы                Д. Мұқанов\n"
    )
    r = anyq.check(reply, appeal=appeal)
    qs = r.extra["appeal"]["questions"]
    assert [q["status"] for q in qs] == ["answered", "untouched"]
    assert "Жатақханадан орын беруіңізді сұраймын." in next(f.message for f in r.findings if f.code == "L131")
    # the same request is touched when the reply speaks of the dormitory
    r = anyq.check(reply.replace("\n\nБасқарма", " Жатақханадан орын 1 қыркүйекте беріледі.\n\nБасқарма"), appeal=appeal)
    assert [q["status"] for q in r.extra["appeal"]["questions"]][1] != "untouched"
