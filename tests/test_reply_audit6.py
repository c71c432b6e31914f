"""The reply reading against the wordings an audit of twenty new replies found it missed."""

from __future__ import annotations

import pytest

import anyq


def _codes(report) -> set[str]:
    return {f.code for f in report.findings}


def _reply(body: str) -> str:
    kk = any(ch in body for ch in "әғқңөұүһі")
    if kk:
        return f"Құрметті Гүлнар Сәкенқызы!\n\n{body}\n\nБөлім басшысы    Н. Б. Тұрсынов\n\nОрынд.: Әбенова Д., тел. 8 (7172) 55-41-90\n"
    return f"Уважаемая Гульнар Сакеновна!\n\n{body}\n\nРуководитель отдела    Н. Б. Турсынов\n\nИсп.: Абенова Д., тел. 8 (7172) 55-41-90\n"


@pytest.mark.parametrize(
    "body,match",
    [
        ("Ваше обращение о вырубке деревьев в сквере направлено в соответствующие органы.", "направлено в соответствующие органы"),
        ("Ваше заявление мы передали для рассмотрения в компетентный орган.", "передали для рассмотрения в компетентный орган"),
        ("Саябақтағы ағаштарды кесу туралы өтінішіңіз тиісті органдарға жолданды.", "тиісті органдарға жолданды"),
        ("Өтінішіңіз 2026 жылғы 5 қарашада тиісті органға жіберілді.", "тиісті органға жіберілді"),
    ],
    ids=["ru-sent-to-relevant-bodies", "ru-passed-to-competent-body", "kk-sent-to-relevant-bodies", "kk-sent-to-relevant-body"],
)
def test_forwarding_to_a_body_named_by_its_kind_is_a_redirect(body, match):
    """«направлено в соответствующие органы», «тиісті органдарға жолданды» hide where the appeal
    went (АППК ст. 65): a one-line reply of them got neither L121 nor L120."""
    r = anyq.check(_reply(body))
    assert match in [f.text for f in r.findings if f.code == "L121"]
    assert "L120" in _codes(r)


def test_forwarding_to_a_named_body_after_its_kind_is_no_redirect():
    r = anyq.check(_reply(
        "Вопрос вырубки деревьев решает не наш отдел, поэтому 3 ноября 2026 года мы направили Ваше обращение в уполномоченный орган — "
        "ГУ «Управление природных ресурсов города Астаны». Ответ управления придёт до 24 ноября 2026 года."
    ))
    assert "L121" not in _codes(r)


@pytest.mark.parametrize(
    "body,match",
    [
        ("Ваше обращение рассмотрено. Освещение улицы Садовой будет восстановлено по мере выделения бюджетных средств.", "по мере выделения"),
        ("Ваше обращение рассмотрено. Ремонт кровли школы будет проведён по мере финансирования.", "по мере финансирования"),
        ("Ваше обращение рассмотрено. Ваше предложение будет проработано и учтено при планировании работ.", "будет проработано"),
        ("Ваше обращение о ремонте моста находится на рассмотрении.", "находится на рассмотрении"),
        ("Ваше обращение рассмотрено. Путёвка в детский сад будет выдана по мере продвижения очереди.", "по мере продвижения"),
        ("Көпір жөндеу туралы өтінішіңіз қарастырылуда.", "қарастырылуда"),
        ("Өтінішіңіз қаралды. Нәтижесі туралы қосымша хабарлаймыз.", "туралы қосымша хабарлаймыз"),
        ("Өтінішіңіз қаралды. Кезегіңіз келген кезде балабақшаға жолдама беріледі.", "Кезегіңіз келген кезде"),
    ],
    ids=["ru-funds-allocated", "ru-financing", "ru-worked-out", "ru-under-review", "ru-queue", "kk-under-review", "kk-tell-later", "kk-queue-turn"],
)
def test_promises_without_a_date(body, match):
    """Common promises with no date: J177 called «по мере выделения средств» a promise
    without a date, L122 did not see it; a reply of «қарастырылуда, қосымша хабарлаймыз» had no L120."""
    r = anyq.check(_reply(body))
    assert match in [f.text for f in r.findings if f.code == "L122"]
    assert "L120" in _codes(r)


def test_under_review_is_charged_once():
    """«находится на рассмотрении» is a promise, no longer also an opening formula."""
    r = anyq.check(_reply("Ваше обращение о ремонте моста находится на рассмотрении."))
    assert [s["name"] for s in r.extra["reply"]["signals"]].count("formula") == 0


@pytest.mark.parametrize(
    "draft",
    [
        "На Ваше обращение от 4 ноября 2026 года сообщаем, что вопрос ремонта тротуара находится на контроле отдела.",
        "На Ваше коллективное обращение о ремонте тротуара сообщаем, что вопрос находится на контроле отдела.",
        "В ответ на Ваше обращение о ремонте тротуара по улице Жибек жолы вопрос находится на контроле отдела.",
        "Жібек жолы көшесіндегі тротуарды жөндеу туралы өтінішіңізге жауап ретінде мәселе бөлімнің бақылауында екенін хабарлаймыз.",
    ],
    ids=["ru-on-your-appeal-we-inform", "ru-on-your-collective-appeal", "ru-in-reply-to", "kk-in-reply-to"],
)
def test_a_bare_draft_opening_on_the_usual_reply_formula_is_a_reply(draft):
    """A one-sentence draft with no greeting or signature that opens «На Ваше обращение …
    сообщаем», «В ответ на Ваше обращение», «… өтінішіңізге жауап ретінде» was `other`: no
    reply rule ran on an «отписка» that «Рассмотрев Ваше обращение, …» would have caught."""
    r = anyq.check(draft + "\n")
    assert r.extra["kind"] == "reply"
    assert {"L110", "L120"} <= _codes(r)


def test_a_news_item_quoting_a_reply_formula_stays_other():
    r = anyq.check("В акимате района ответили жителям, что ремонт тротуаров по улице Жибек жолы начнётся весной.\n")
    assert r.extra["kind"] == "other"


@pytest.mark.parametrize(
    "sentence",
    ["Информацию о шуме во дворе приняли к сведению.", "Информацию о шуме во дворе принимаем к сведению.", "Сведения о шуме во дворе приняты к сведению."],
    ids=["ru-past-plural", "ru-present", "ru-participle"],
)
def test_taken_into_account_is_a_device_in_any_form(sentence):
    """«Информацию приняли к сведению» is the «принято к сведению» of an «отписка»: only the
    participle was read."""
    r = anyq.check(_reply(f"Ваше обращение рассмотрено. {sentence}"))
    assert [s["name"] for s in r.extra["reply"]["signals"]].count("noted") == 1


@pytest.mark.parametrize(
    "body",
    [
        "Сіз әскери есепке Қостанайда емес, Астанада тұруға бола ма деп сұрадыңыз.\n\nИә, болады. Жеке ісіңізді 2026 жылғы 12 қарашада "
        "Сарыарқа ауданының қорғаныс істері жөніндегі басқармасына жібердік. Басқармаға 2026 жылғы 3 желтоқсанға дейін жеке куәлігіңізбен келесіз.",
        "Вы спросили, можно ли встать на воинский учёт в Астане, а не в Костанае.\n\nДа, можно. Мы отправили Ваше личное дело в управление по делам "
        "обороны района Сарыарка 12 ноября 2026 года. Придите в управление с удостоверением личности до 3 декабря 2026 года.",
    ],
    ids=["kk", "ru"],
)
def test_a_dated_past_fact_is_the_reason_in_both_languages(body):
    """«Жеке ісіңізді … 12 қарашада … жібердік» tells a fact of the case as its Russian twin does:
    the accusative «ісіңізді» (stem «іс», also a verb) was read as a polite imperative, so the
    sentence looked forward and the Kazakh reply alone got L111."""
    r = anyq.check(_reply(body))
    assert r.extra["reply"]["has"]["reasons"]
    assert "L111" not in _codes(r)


@pytest.mark.parametrize(
    "body,code",
    [
        ("Ваше обращение рассмотрено. Для перехода на упрощённый режим Вам нужно направить уведомление в уполномоченный орган до 15 декабря 2026 года.", "L121"),
        ("Өтінішіңіз қаралды. Жәрдемақы мөлшерін нақтылау үшін тиісті органдарға сұрау салу жолданды, жауабы 2026 жылғы 20 қарашаға дейін келеді.", "L121"),
        ("Өтінішіңіз қаралды, жол ақысы 2027 жылғы 1 қаңтардан бастап өзгермейді. Қосымша хабарлаймыз: жеңілдікті көлік картасы арқылы аласыз.", "L122"),
        ("Сіз кезекте 14-орындасыз. Телефон нөміріңіз өзгерсе, бізге айтыңыз: әйтпесе кезегіңіз келгенде Сізге хабарласа алмаймыз.", "L122"),
    ],
    ids=["ru-reader-sends-a-notice", "kk-our-own-inquiry", "kk-additionally-we-tell", "kk-when-your-turn-comes-as-condition"],
)
def test_look_alikes_of_the_new_devices_are_none(body, code):
    """A notice the reader sends, an inquiry we sent, «Қосымша хабарлаймыз: …» (more told now) and
    «кезегіңіз келгенде» in a condition are no redirect and no promise."""
    r = anyq.check(_reply(body))
    assert code not in _codes(r)
