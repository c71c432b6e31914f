"""Replies: document kind, completeness, the «отписка» finding and score, legal load; and the
accuracy floors of issue 5 measured on corpora/legal (the same code as bench/legal.py)."""

from __future__ import annotations

import importlib.util
import re
import sys

import pytest

import anyq

SUBSTANTIVE_RU = """ГУ «Отдел образования города Кокшетау»
Исх. № 03-11/815 от 12.05.2026
На № ЗТ-2026-01402231 от 28.04.2026

Уважаемая Марина Викторовна!

Ваша дочь Алина зачислена в 1 «Б» класс школы-лицея № 3 с 1 сентября 2026 года.

Почему так решено. Ваш дом входит в микрорайон, закреплённый за школой-лицеем № 3. По пункту 6 Правил приёма на обучение, утверждённых приказом Министра просвещения Республики Казахстан от 1 июня 2025 года № 112, такие дети принимаются в первую очередь. Это значит, что места для Алины хватило без конкурса.

Что сделать. До 20 августа 2026 года принесите в школу медицинскую карту ребёнка (форма 026/у).

Если Вы не согласны с ответом, его можно обжаловать в акимат Акмолинской области в течение трёх месяцев (ст. 91, 92 АППК РК).

Руководитель отдела                А. С. Бекова

Исп.: Нургалиева Д.
Тел.: 8 (7162) 25-40-12
"""

EVASIVE_RU = """ГУ «Отдел образования города Кокшетау»
Исх. № 03-11/816 от 12.05.2026
На № ЗТ-2026-01402232 от 28.04.2026

Уважаемая Марина Викторовна!

Рассмотрев Ваше обращение по вопросу зачисления дочери в школу-лицей № 3, сообщаем следующее.

Согласно статье 26 Закона Республики Казахстан «Об образовании» приём в организации образования осуществляется в соответствии с типовыми правилами. Согласно пункту 6 указанных Правил приём детей проводится с учётом территории обслуживания.

Вопрос зачисления Вашей дочери будет рассмотрен при наличии свободных мест. Данный вопрос находится на контроле отдела.

Руководитель отдела                А. С. Бекова
"""

EVASIVE_KK = """«Көкшетау қаласының білім бөлімі» ММ
Шығ. № 03-11/817, 2026 жылғы 12 мамыр
2026 жылғы 28 сәуірдегі № ЗТ-2026-01402233 өтінішке

Құрметті Марина Викторовна!

Сіздің өтінішіңізді қарап, мынаны хабарлаймыз.

Қызыңызды мектепке қабылдау мәселесі біздің құзыретімізге жатпайды. Мектеп әкімшілігіне жүгінуіңізге кеңес береміз.

Мәселе бөлімнің бақылауында.

Бөлім басшысы                А. С. Бекова
"""

NEWS_RU = """В Кокшетау завершился приём документов в первые классы

В этом году в первые классы городских школ подано 4 120 заявлений. Родители, чьё обращение не входит в компетенцию школы, могут обратиться в отдел образования: рекомендуем обратиться заранее. Приём ведётся по статье 26 Закона Республики Казахстан «Об образовании».
"""


def test_kinds():
    assert anyq.check(SUBSTANTIVE_RU).extra["kind"] == "reply"
    assert anyq.check(EVASIVE_KK).extra["kind"] == "reply"
    assert anyq.check(NEWS_RU).extra["kind"] == "other"
    invitation = "Уважаемая Гульнар Тлеубековна!\n\nПриглашаем специалистов Вашего управления на семинар 19 марта 2026 года.\n\nЗаместитель руководителя                Д. С. Мукашева\n"
    assert anyq.check(invitation).extra["kind"] == "letter"
    # a bare draft without the letter's frame that answers the reader's appeal
    assert anyq.check("Ваше заявление удовлетворено: пособие назначено с 1 марта 2026 года.\n").extra["kind"] == "reply"


# an «отписка» that drops «Ваше обращение»: a greeting by name, only norms, an executor and phone
NORMS_ONLY_RU = """Уважаемая Динара Асхатовна!

Порядок предоставления жилья из государственного жилищного фонда определён статьей 67 Закона Республики Казахстан «О жилищных отношениях». Очередность граждан устанавливается согласно статье 71 указанного Закона.

Исп.: К. Бекова, тел. 8 (7172) 12-12-12
"""

NORMS_ONLY_KK = """Құрметті Айгүл Серікқызы!

Мемлекеттік тұрғын үй қорынан тұрғын үй беру тәртібі «Тұрғын үй қатынастары туралы» Қазақстан Республикасы Заңының 67-бабымен айқындалған. Азаматтардың кезектілігі аталған Заңның 71-бабына сәйкес белгіленеді.

Орынд.: Қ. Бекова, тел. 8 (7172) 12-12-12
"""


@pytest.mark.parametrize("text", [NORMS_ONLY_RU, NORMS_ONLY_KK], ids=["ru", "kk"])
def test_named_greeting_with_executor_is_a_reply(text):
    # it was a «letter» (score 74 for the Russian one): no completeness or evasiveness rule ran
    r = anyq.check(text)
    assert r.extra["kind"] == "reply"
    assert "greeting by name, executor and phone" in r.extra["reply"]["kind_evidence"]
    codes = {f.code for f in r.findings}
    assert {"L110", "L120"} <= codes
    # (the Kazakh one scores 60.3 since the jargon scale is 10, 58.7 before: a 28-word letter
    # is counted as 50 words, so only the looser scale moves it)
    assert r.score < 65 and r.scores["evasiveness"] < 50


@pytest.mark.parametrize(
    "text",
    [
        "Уважаемый Нурлан Бекович!\n\nУведомляем Вас, что 10 июня 2026 года с 9:00 до 18:00 в доме № 12 по улице Абая будет "
        "отключена холодная вода: подрядчик меняет трубы в подвале.\n\nИсп.: А. Сейтова, тел. 8 (7172) 55-10-20\n",
        "Уважаемая Алия Сабитовна!\n\nПросим Вас до 20 мая 2026 года принести в отдел копию договора аренды земельного участка, "
        "чтобы мы продлили договор на новый срок.\n\nИсп.: Д. Касымова, тел. 8 (7182) 32-15-70\n",
        "Құрметті Арман Қанатұлы!\n\nСізді 2026 жылғы 15 мамырда сағат 10:00-де ауылдық округ әкімінің аппаратында өтетін "
        "тұрғындармен кездесуге шақырамыз. Кездесуде ауылдағы жолды жөндеу жоспары талқыланады.\n\nОрынд.: Г. Омарова, тел. 8 (72533) 5-21-48\n",
    ],
    ids=["ru-notice", "ru-request", "kk-invitation"],
)
def test_named_greeting_opening_on_own_business_stays_a_letter(text):
    r = anyq.check(text)
    assert r.extra["kind"] == "letter"
    assert not [f.code for f in r.findings if f.code in ("L110", "L111", "L112", "L113", "L114", "L120")]


def test_kind_can_be_set():
    assert anyq.check(NEWS_RU, kind="reply").extra["kind"] == "reply"
    r = anyq.check(EVASIVE_RU, kind="other")
    assert r.extra["kind"] == "other" and not [f for f in r.findings if f.code in ("L110", "L120")]
    with pytest.raises(ValueError):
        anyq.check(NEWS_RU, kind="memo")


def test_no_reply_findings_on_news():
    r = anyq.check(NEWS_RU)
    assert not [f.code for f in r.findings if f.code in ("L110", "L111", "L112", "L113", "L114", "L120", "L121", "L122")]
    assert "evasiveness" not in r.scores and "reply" not in r.extra


def test_substantive_reply_is_complete():
    r = anyq.check(SUBSTANTIVE_RU)
    assert r.extra["reply"]["has"] == {"decision": True, "reasons": True, "next_step": True, "appeal_route": True, "contact": True}
    assert not [f for f in r.findings if f.code in ("L110", "L111", "L112", "L113", "L114", "L120")]
    assert r.extra["reply"]["evasive"] is False
    assert r.scores["evasiveness"] >= 80


def test_evasive_reply_flagged_with_what_is_missing():
    r = anyq.check(EVASIVE_RU)
    codes = {f.code for f in r.findings}
    assert {"L110", "L112", "L113", "L114", "L120", "L122", "L104"} <= codes
    l120 = next(f for f in r.findings if f.code == "L120")
    assert l120.severity == "error" and "решения по своему вопросу" in l120.message and "срока" in l120.message
    assert r.scores["evasiveness"] < 30
    assert 0 <= r.score <= 100
    # each missing part comes with a sentence pattern in the letter's language
    l113 = next(f for f in r.findings if f.code == "L113")
    assert "обжаловать в [вышестоящий орган]" in l113.advice


def test_redirect_without_named_body_kazakh():
    r = anyq.check(EVASIVE_KK)
    l121 = [f for f in r.findings if f.code == "L121"]
    assert [f.text for f in l121] == ["құзыретімізге жатпайды", "жүгінуіңізге кеңес береміз"]
    l120 = next(f for f in r.findings if f.code == "L120")
    assert "өтініштің қай органға жіберілгені" in l120.message and l120.language == "kk"


def test_forwarding_to_a_named_body_is_no_redirect():
    text = EVASIVE_KK.replace(
        "Қызыңызды мектепке қабылдау мәселесі біздің құзыретімізге жатпайды. Мектеп әкімшілігіне жүгінуіңізге кеңес береміз.",
        "Қабылдауды мектеп шешеді, сондықтан өтінішіңізді 2026 жылғы 30 сәуірде № 3 «Зерде» мектеп-лицейіне жібердік. Мектеп Сізге 2026 жылғы 15 мамырға дейін жауап береді.",
    )
    r = anyq.check(text)
    assert not [f for f in r.findings if f.code == "L121"]
    assert r.extra["reply"]["has"]["decision"] and r.extra["reply"]["has"]["next_step"]


# an «отписка» of a ministry: three acts cited, «обратитесь в отдел …», and the appeal forwarded
FORWARD_CITED_RU = """МИНИСТЕРСТВО ТРУДА И СОЦИАЛЬНОЙ ЗАЩИТЫ НАСЕЛЕНИЯ РЕСПУБЛИКИ КАЗАХСТАН

№ 3Т-Т-2417 от 14.04.2026

Гражданину Омарову Б. К.

Министерство труда и социальной защиты населения Республики Казахстан, рассмотрев Ваше обращение, сообщает следующее.

Согласно статье 171 Социального кодекса Республики Казахстан социальная помощь лицам с инвалидностью оказывается в виде технических вспомогательных средств.

Перечень технических вспомогательных средств утверждён приказом Министра труда и социальной защиты населения Республики Казахстан от 26 июня 2023 года № 230.

Порядок их предоставления определён Правилами, утверждёнными приказом Министра труда и социальной защиты населения Республики Казахстан от 29 июня 2023 года № 247.

Учитывая изложенное, по вопросу получения кресла-коляски Вам необходимо обратиться в отдел занятости и социальных программ по месту жительства.

Дополнительно сообщаем, что Ваше обращение направлено в Управление координации занятости и социальных программ области для рассмотрения в пределах компетенции.

Директор департамента социальной помощи         А. Сейткалиева
"""


def test_a_forwarding_with_cited_acts_and_nothing_of_the_case_is_evasive():
    """The forwarding is the decision (АППК ст. 65), but a letter that cites three acts, sends the
    reader elsewhere and says nothing of their case scored 0.4 and was no «отписка» (audit e15)."""
    r, has, codes = _reading(FORWARD_CITED_RU)
    assert has["decision"] is True  # the forwarding still decides
    assert r.extra["reply"]["evasive"] is True and "L120" in codes
    # the same forwarding with a fact of the case (a date, what the reader will get) is no «отписка»
    told = FORWARD_CITED_RU.replace(
        "Ваше обращение направлено в Управление", "14 апреля 2026 года Ваше обращение направлено в Управление"
    ).replace("в пределах компетенции.", "в пределах компетенции. Кресло-коляску Вам выдадут до 15 мая 2026 года.")
    r, has, codes = _reading(told)
    assert r.extra["reply"]["evasive"] is False and "L120" not in codes


def test_evasiveness_enters_the_document_score():
    from anyq.scoring import CATEGORY_WEIGHTS, PART_WEIGHTS, document_score

    r = anyq.check(EVASIVE_RU)
    cats = {k: v for k, v in r.scores.items() if k != "evasiveness"}
    assert r.score == document_score(r.scores)
    assert r.score < document_score(cats)  # the evasive reply loses by its evasiveness
    w = CATEGORY_WEIGHTS | PART_WEIGHTS
    assert r.score == round(sum(w[k] * v for k, v in r.scores.items()) / sum(w[k] for k in r.scores), 1)


def test_legal_load_in_stats():
    r = anyq.check(EVASIVE_RU)
    load = r.stats["legal_load"]
    # «статье 26 Закона Республики Казахстан «Об образовании»» and «пункту 6 указанных Правил»: 6 + 3 words
    assert load["citations"] == 2 and load["citation_words"] == 9 and load["norm_sentences"] == 2
    assert load["citation_word_share"] == round(9 / r.stats["words"], 3)
    # per sentence of the prose, as stats.sentences counts them: the greeting and the body's 5
    # (the requisites and the signature are no sentences)
    assert load["citations_per_sentence"] == round(2 / 6, 3) and r.stats["sentences"] == 6
    assert load["mostly_citation_sentences"] == 0
    heavy = anyq.check("Основание: ст. 91, 92 АППК РК.\n", lang="ru").stats["legal_load"]
    assert heavy["mostly_citation_sentences"] == 1


def test_reply_findings_only_when_legal_rules_run():
    r = anyq.check(EVASIVE_RU, select=["J"])
    assert "citations" not in r.extra and "evasiveness" not in r.scores


# ---------------------------------------------------------------------------- the corpus floors


def _bench():
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "legal.py"
    spec = importlib.util.spec_from_file_location("bench_legal", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_legal"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def corpus_results():
    return _bench().evaluate()


def test_citation_floor(corpus_results):
    c = corpus_results["citations"]
    assert c["annotated"] >= 160
    assert c["all_parts_right_rate"] >= 0.95, c["wrong"] + c["missed"]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_evasion_floor(corpus_results, lang):
    m = corpus_results["evasion"][lang]
    assert m["precision"] >= 0.85 and m["recall"] >= 0.85, m["errors"]


def test_no_reply_findings_on_other_texts(corpus_results):
    assert corpus_results["kinds"]["reply_findings_on_other"] == []
    assert corpus_results["kinds"]["accuracy"] >= 0.95


def test_appeal_language_warnings(corpus_results):
    assert corpus_results["appeals"]["language_warning"] == {"tp": 2, "fp": 0, "fn": 0}


def test_a_docx_reply_has_its_citations_located(tmp_path):
    from docgen import Letter, write_docx

    letter = Letter(paragraphs=[
        "Уважаемая Марина Викторовна!",
        "Рассмотрев Ваше обращение, сообщаем следующее.",
        "Согласно статье 26 Закона Республики Казахстан «Об образовании» приём осуществляется в соответствии с правилами. Вопрос находится на контроле.",
        "Руководитель отдела                А. С. Бекова",
    ])
    path = write_docx(letter, tmp_path / "reply.docx")
    r = anyq.check_file(str(path))
    assert r.extra["kind"] == "reply"
    c = r.extra["citations"][0]
    assert c["text"] == "статье 26 Закона Республики Казахстан «Об образовании»" and c["article"] == ["26"]
    assert c["location"]  # the .docx paragraph the citation is in
    assert r.source_text[c["start"] : c["end"]] == c["text"]
    assert "L120" in {f.code for f in r.findings}


def test_a_norm_given_as_the_reason_in_plain_words_counts_as_the_reasons():
    """«По Закону … школа сама решает, …» is why the reader may buy the uniform anywhere:
    L111 (no reasons) was a false finding on such plain replies."""
    reply = (
        "Уважаемый Ерлан Бекович!\n\n"
        "Вы можете купить школьную форму в любом магазине.\n\n"
        "По Закону РК «Об образовании» школа сама решает, какой должна быть форма, а где её покупать, решают родители.\n\n"
        "До 20 сентября 2026 года школа сообщит об этом всем родителям. Если Вы не согласны с ответом, его можно обжаловать в управлении образования в течение трёх месяцев.\n\n"
        "Исп.: Ахметова Д. К.\nТел.: 8 (7172) 55-10-20\n"
    )
    report = anyq.check(reply, lang="ru", kind="reply")
    assert report.extra["reply"]["has"]["reasons"] is True
    assert "L111" not in {f.code for f in report.findings}


# ---------------------------------------------------------------------------- Kazakh replies (an audit of kk letters)


def _codes(report) -> set[str]:
    return {f.code for f in report.findings}


def test_kazakh_citation_formula_is_no_decision():
    """«Сіздің өтінішіңіз … ӘРПК-нің 89-бабына сәйкес қаралды» is the Russian «Ваше обращение
    рассмотрено в соответствии со статьёй 89 АППК РК»: a formula, no decision. The article's
    number was taken for a fact of the case and the formula cue wanted the two words side by side."""
    reply = (
        "Құрметті Б. Е.!\n\n"
        "Сіздің өтінішіңіз Қазақстан Республикасының Әкімшілік рәсімдік-процестік кодексінің 89-бабына сәйкес қаралды.\n\n"
        "Бөлім басшысы                    Қ. Жақсылықов\n"
    )
    r = anyq.check(reply)
    assert r.extra["reply"]["has"]["decision"] is False
    assert {"L110", "L120", "L103", "J511"} <= _codes(r)


@pytest.mark.parametrize(
    "sentence",
    ["По Вашему вопросу действует статья 89 АППК РК.", "Сіздің сұрағыңыз ҚР ӘРПК-нің 89-бабымен реттеледі."],
    ids=["ru", "kk"],
)
def test_a_number_inside_a_citation_is_no_fact_of_the_case(sentence):
    greeting = "Уважаемый Галым Тулегенович!" if sentence.startswith("По") else "Құрметті Ғалым Төлегенұлы!"
    r = anyq.check(f"{greeting}\n\n{sentence}\n\nБөлім басшысы                    Б. Төлеуов\n")
    assert r.extra["reply"]["has"]["decision"] is False
    assert "L110" in _codes(r)


@pytest.mark.parametrize(
    "sentence",
    ["Сізге жол жүру жеңілдігін бермейміз. Себебі Сіз зейнеткер емессіз.", "Мы не дадим Вам льготу на проезд, потому что Вы не пенсионер."],
    ids=["kk", "ru"],
)
def test_a_negative_first_person_verb_is_a_refusal(sentence):
    kk = sentence.startswith("Сізге")
    greeting = "Құрметті Берік Жұмаұлы!" if kk else "Уважаемый Берик Жумаевич!"
    appeal = (
        "Келіспесеңіз, үш ай ішінде облыс әкімдігіне шағым бере аласыз."
        if kk
        else "Если Вы не согласны, можете обжаловать ответ в акимат области в течение трёх месяцев."
    )
    bare = f"{greeting}\n\n{sentence}\n\n{appeal}\n"
    full = bare + "\nБөлім басшысы                    Ө. Тоқтаров\n\nОрынд.: Ә. Байжанова, тел. 8 (7162) 25-25-25\n"
    r = anyq.check(full)
    assert r.extra["reply"]["has"]["decision"] is True
    assert "L110" not in _codes(r)
    # without signature and executor the letter still opens with a decision for the reader
    assert anyq.check(bare).extra["kind"] == "reply"
    if kk:  # not what we do not know: «білмейміз» decides nothing
        r = anyq.check(full.replace("жол жүру жеңілдігін бермейміз", "мекенжайыңызды білмейміз"))
        assert r.extra["reply"]["has"]["decision"] is False


def test_kazakh_reported_speech_forms_are_read():
    """«… жіберілгенін хабарлаймыз», «… жүзеге асырылатынын хабарлаймыз», «шаралар
    қабылданатыны» count like the finite «жіберілді», «… асырылатын болады», «шаралар қабылданды»."""
    head, sign = "Құрметті Асан Серікұлы!\n\n", "\n\nБөлім басшысы                    Ж. Есенова\n"
    forwarded = anyq.check(head + "Сіздің өтінішіңіздің Алматы облысының Қаржы басқармасына жіберілгенін хабарлаймыз." + sign)
    assert forwarded.extra["reply"]["has"]["decision"] is True
    assert "L110" not in _codes(forwarded)
    promise = anyq.check(head + "Сіздің өтінішіңіз бойынша көшені жарықтандыру жұмыстары жүзеге асырылатынын хабарлаймыз." + sign)
    assert {"L122", "L120"} <= _codes(promise)
    measures = anyq.check(head + "Сіздің өтінішіңіз бойынша тиісті шаралар қабылданатыны туралы шешім қабылданды." + sign)
    assert [s["text"] for s in measures.extra["reply"]["signals"]] == ["шаралар қабылданатыны"]
    assert "L120" in _codes(measures)
    # a rule explained is no promise: the participle is habitual as well
    rule = anyq.check(head + "Сіздің өтінішіңіз бойынша жолдамалар кезек тәртібімен берілетінін түсіндіреміз." + sign)
    assert "L122" not in _codes(rule)


@pytest.mark.parametrize(
    "sentence",
    [
        "Сіздің 2026 жылғы 10 қарашадағы өтінішіңізге жауап ретінде мынаны хабарлаймыз.",
        "Сіздің өтінішіңіз бойынша тексеру 2026 жылғы 5 қарашада жүргізілгенін хабарлаймыз.",
        "На Ваше обращение от 10 ноября 2026 года сообщаем, что ремонт дороги будет проведён.",
    ],
    ids=["kk-appeal-date", "kk-told-past", "ru-appeal-date"],
)
def test_the_appeals_date_and_a_verb_of_telling_are_no_next_step(sentence):
    """The appeal's own date is not the date of a next step, and «хабарлаймыз» (present-future
    in form) tells, it does not promise — as the Russian «сообщаем» does not."""
    greeting = "Уважаемый Галым Тулегенович!" if sentence.startswith("На") else "Құрметті Ғалым Төлегенұлы!"
    r = anyq.check(f"{greeting}\n\n{sentence}\n\nБөлім басшысы                    Б. Төлеуов\n")
    assert r.extra["reply"]["has"]["next_step"] is False
    assert "L112" in _codes(r)


def test_kazakh_causal_converb_gives_the_reasons():
    reply = (
        "Құрметті Берік Жұмаұлы!\n\n"
        "Табысыңыз шектен асқандықтан, Сізге жәрдемақы беруден бас тартамыз.\n\n"
        "Келіспесеңіз, үш ай ішінде облыс әкімдігіне шағым бере аласыз.\n"
    )
    r = anyq.check(reply)
    assert r.extra["reply"]["has"]["reasons"] is True
    assert "L111" not in _codes(r)


def test_completeness_findings_speak_the_letters_language():
    """A Russian reply signed in Kazakh: L114, anchored on the signature, was in Kazakh."""
    reply = (
        "Уважаемая Гульнар Аскаровна!\n\n"
        "Ваше обращение о ремонте крыши мы получили. Крышу отремонтируем до 20 декабря 2026 года, потому что дом внесён в план.\n\n"
        "Если Вы не согласны с ответом, можете обжаловать его в акимат города в течение трёх месяцев.\n\n"
        "Құрметпен,\nБөлім басшысы                    Д. Жұмабеков\n"
    )
    (f,) = [f for f in anyq.check(reply).findings if f.code == "L114"]
    assert f.language == "ru" and f.line == 7
    assert f.message.startswith("Нет исполнителя") and "Исп.:" in f.advice


@pytest.mark.parametrize(
    "reply",
    [
        # «Орындаған:» is the Kazakh executor's label (it was not read as one: a false L114)
        "Құрметті Айгерім Серікқызы!\n\n"
        "Сіздің өтінішіңіз аудан әкімдігінде қаралды. Тексеру 12 наурызда жүргізілді, бұзушылық анықталған жоқ.\n\n"
        "Орындаған: Сейтқали А.Б.\nТел.: 8 (7172) 74-00-00\n",
        # «тел.: 74-00-00», a city number without its code, was no phone (a false L114)
        "Уважаемая Динара Асхатовна!\n\n"
        "Ваше обращение о ремонте крыши рассмотрено. Ремонт выполнит ТОО «Береке» до 15 мая 2026 года, "
        "потому что средства выделены в апреле. Если Вы не согласны с ответом, его можно обжаловать в акимат области.\n\n"
        "Руководитель отдела А. Сейтов\n\n"
        "Исп.: Қасымова Ә., тел.: 74-00-00\n",
    ],
)
def test_an_executor_line_with_a_phone_is_the_contact(reply):
    r = anyq.check(reply)
    assert r.extra["reply"]["has"]["contact"] is True
    assert "L114" not in _codes(r)


def test_a_six_digit_number_is_a_phone_only_after_its_label():
    from anyq.legal.layout import PHONE

    assert PHONE.search("Телефон: 55-12-34") and not PHONE.search("протокол 12-03-24")


# ---------------------------------------------------------------------------- an audit of the reply reading


def _reading(text, **kw):
    r = anyq.check(text, **kw)
    return r, r.extra["reply"]["has"], _codes(r)


@pytest.mark.parametrize(
    "text",
    [
        "Уважаемый Ерлан Кайратович!\n\nСогласно ст. 43 Земельного кодекса РК в предоставлении участка отказано.\n\n"
        "Если Вы не согласны, решение можно обжаловать в акимат области в течение трёх месяцев (ст. 91 АППК РК).\n\n"
        "Руководитель    Б. Б. Бекенов\nИсп.: Сапаров Т.\nТел.: 8 (7282) 24-17-93\n",
        "Құрметті Ерлан Қайратұлы!\n\nЖер кодексінің 43-бабына сәйкес жер учаскесін беруден бас тартылды.\n\n"
        "Жауаппен келіспеген жағдайда, Сіз оны алған күннен бастап үш ай ішінде облыс әкімдігіне шағым бере аласыз (ҚР ӘРПК-нің 91, 92-баптары).\n\n"
        "Бөлім басшысы    Е. Т. Қасенов\nОрынд.: Сапаров Т.\nТел.: 8 (7282) 24-17-93\n",
    ],
    ids=["ru", "kk"],
)
def test_a_refusal_that_cites_its_legal_basis_is_a_decision(text):
    """«Согласно ст. 43 ЗК РК … отказано» was a «norm retold»: skipped by the decision test and
    counted as the norms device, so naming the basis made the refusal an «отписка» (L110, L120)."""
    r, has, codes = _reading(text)
    assert has["decision"] is True
    assert r.stats["legal_load"]["norm_sentences"] == 0
    assert not codes & {"L110", "L120"}


@pytest.mark.parametrize(
    "text",
    [
        "Уважаемый Серик Маратович!\n\nРассмотрев Ваше обращение, сообщаем следующее. Согласно статье 76 АППК РК обращение рассматривается "
        "в течение 15 рабочих дней. Согласно статье 65 АППК РК обращение, не относящееся к компетенции органа, передается в течение 3 рабочих дней.\n\n"
        "Руководитель отдела    А. Б. Касымов\n",
        "Құрметті Серік Маратұлы!\n\nӨтінішіңізді қарап, мынаны хабарлаймыз. ҚР ӘРПК 76-бабына сәйкес өтініш 15 жұмыс күні ішінде қаралады. "
        "ҚР ӘРПК 65-бабына сәйкес органның құзыретіне жатпайтын өтініш 3 жұмыс күні ішінде жіберіледі.\n\n"
        "Бөлім басшысы    Қ. Б. Тәжібаев\n",
    ],
    ids=["ru", "kk"],
)
def test_a_norm_retold_with_its_own_term_is_no_decision_and_no_next_step(text):
    """The term a law sets («в течение 15 рабочих дней») is the norm's content: it made the
    sentence «a fact of the case», so a classic «отписка» passed with a decision and a next step."""
    r, has, codes = _reading(text)
    assert has["decision"] is False and has["next_step"] is False
    assert r.stats["legal_load"]["norm_sentences"] == 2
    assert {"L110", "L112", "L120"} <= codes


@pytest.mark.parametrize(
    "sentence",
    ["По статье 76 АППК РК ответ Вам дадут в течение 15 рабочих дней.", "ҚР ӘРПК 76-бабына сәйкес Сізге 15 жұмыс күні ішінде жауап беріледі."],
    ids=["ru", "kk"],
)
def test_a_term_said_to_the_reader_is_still_a_next_step(sentence):
    greeting = "Уважаемый Серик Маратович!" if sentence.startswith("По") else "Құрметті Серік Маратұлы!"
    r, has, _ = _reading(f"{greeting}\n\n{sentence}\n\nБөлім басшысы    Қ. Б. Тәжібаев\n", kind="reply")
    assert has["next_step"] is True and r.stats["legal_load"]["norm_sentences"] == 0


@pytest.mark.parametrize(
    "decision",
    [
        "Решение отдела оставлено без изменения, поскольку проверка нарушений не выявила.",
        "Проверка не выявила нарушений, поэтому решение отдела оставлено без изменения.",
        "Бөлімнің шешімі өзгеріссіз қалдырылды, себебі тексеру бұзушылықтарды анықтамады.",
    ],
    ids=["ru", "ru-order", "kk"],
)
def test_a_complaint_left_without_change_is_a_decision(decision):
    kk = decision.startswith("Бөлім")
    head = "Құрметті Жанна Ерланқызы!\n\nШағымыңыз қаралды. " if kk else "Уважаемая Жанна Ерлановна!\n\nВаша жалоба рассмотрена. "
    appeal = "Келіспеген жағдайда, шешімге үш ай ішінде сотқа шағым бере аласыз." if kk else "Если Вы не согласны, решение можно обжаловать в суд в течение трёх месяцев."
    r, has, codes = _reading(f"{head}{decision}\n\n{appeal}\n\nРуководитель управления    К. Л. Омаров\nИсп.: Ахметова Д.\nТел.: 8 (7172) 55-12-34\n")
    assert has["decision"] is True and has["reasons"] is True
    assert not codes & {"L110", "L111", "L120"}


@pytest.mark.parametrize(
    "route",
    ["Шешімге облыс әкімдігіне үш ай ішінде шағымдануға болады.", "Шешімге үш ай ішінде сотқа жүгінуге құқылысыз."],
    ids=["shagymdanuga-bolady", "sotqa-juginuge-quqylysyz"],
)
def test_kazakh_may_appeal_is_an_appeal_route(route):
    reply = (
        "Құрметті Қанат Ерланұлы!\n\nЖер учаскесін беруден Сізге бас тартылды, себебі учаске жалпы пайдаланудағы жерге жатады. "
        f"{route}\n\nБөлім басшысы    Е. Т. Қасенов\nОрынд.: Ахметова Д.\nТел.: 8 (7172) 55-12-34\n"
    )
    _, has, codes = _reading(reply)
    assert has["appeal_route"] is True and "L113" not in codes


@pytest.mark.parametrize(
    "route,vague",
    [
        ("Решение может быть обжаловано в установленном законодательством порядке.", True),
        ("Вы вправе обжаловать его в порядке, предусмотренном законодательством, со ссылкой на ст. 91 АППК РК.", True),
        ("Решение может быть обжаловано в суд в установленном законодательством порядке.", False),
        ("Решение может быть обжаловано в установленном порядке в течение трёх месяцев.", False),
        ("Жауаппен келіспеген жағдайда заңнамада белгіленген тәртіппен шағым бере аласыз.", True),
        ("Жауаппен келіспеген жағдайда заңнамада белгіленген тәртіппен облыс әкімдігіне шағым бере аласыз.", False),
    ],
    ids=["ru-vague", "ru-vague-cited", "ru-court", "ru-term", "kk-vague", "kk-body"],
)
def test_a_vague_appeal_route_is_no_appeal_route(route, vague):
    """«в установленном законодательством порядке» tells neither where nor by when (L113)."""
    kk = route.startswith("Жауап")
    body = ("Анықтама беруден Сізге бас тартылды, себебі Сіз үйдің меншік иесі емессіз. " if kk
            else "В выдаче справки Вам отказано, так как Вы не собственник дома. ")
    greeting = "Құрметті Марат Ерболұлы!" if kk else "Уважаемый Марат Ерболович!"
    _, has, codes = _reading(f"{greeting}\n\n{body}{route}\n\nБөлім басшысы    Б. Ж. Ахметов\nИсп.: Ахметова Д.\nТел.: 8 (7172) 55-12-34\n")
    assert has["appeal_route"] is not vague
    assert ("L113" in codes) is vague


@pytest.mark.parametrize(
    "text",
    [
        "Уважаемый Марат Ерболович!\n\nВаша заявка рассмотрена. Подключение Вашего дома к водопроводу запланировано, о сроках сообщим дополнительно. "
        "Вопрос остаётся на контроле отдела.\n\nРуководитель отдела    Б. Ж. Ахметов\n",
        "Құрметті Марат Ерболұлы!\n\nСіздің өтініміңіз қаралды. Үйіңізді су құбырына қосу жоспарланған. Мәселе бөлімнің бақылауында.\n\n"
        "Бөлім басшысы    Б. Ж. Ахметов\n",
    ],
    ids=["ru", "kk"],
)
def test_your_request_for_a_connection_is_an_appeal(text):
    """«Ваша заявка» / «өтініміңіз» is the usual word for connection requests: the reply was a
    `letter`, and none of L110–L122 ran on an «отписка»."""
    r, _, codes = _reading(text)
    assert r.extra["kind"] == "reply"
    assert {"L110", "L120"} <= codes


@pytest.mark.parametrize(
    "sentences,code,match",
    [
        ("Ситуация известна и отслеживается специалистами. По мере появления возможности работа будет продолжена.", "L122", "По мере появления возможности"),
        ("Подключение запланировано, о сроках сообщим дополнительно.", "L122", "сообщим дополнительно"),
        ("По мере появления свободных земельных участков Вам будет предложено участие в их распределении.", "L122", "По мере появления"),
        ("Жөндеу жұмыстары мүмкіндік пайда болған кезде жалғастырылады.", "L122", "мүмкіндік пайда болған кезде"),
        ("Решение по данному вопросу относится к ведению иных структур.", "L121", "относится к ведению иных"),
        ("Жолды жөндеу мәселесі тиісті органдардың қарауына жатады.", "L121", "тиісті органдардың қарауына жатады"),
    ],
    ids=["ru-when-possible", "ru-tell-later", "ru-when-plots-appear", "kk-when-possible", "ru-other-structures", "kk-relevant-bodies"],
)
def test_more_devices_of_an_evasive_reply(sentences, code, match):
    kk = any(ch in sentences for ch in "әғқңөұүһі")
    head = "Құрметті Марат Ерболұлы!\n\nӨтінішіңіз қаралды. " if kk else "Уважаемый Марат Ерболович!\n\nВаше обращение рассмотрено. "
    r = anyq.check(f"{head}{sentences}\n\nБөлім басшысы    Б. Ж. Ахметов\n")
    assert match in [f.text for f in r.findings if f.code == code]
    assert "L120" in _codes(r)


@pytest.mark.parametrize(
    "sentence",
    [
        "Согласно статье 43 Земельного кодекса Республики Казахстан земельный участок по улице Абая разделён на 2 части.",
        "ҚР Жер кодексінің 43-бабына сәйкес Абай көшесіндегі жер учаскесінің жалдау ақысы 10 айлық есептік көрсеткішті құрайды.",
        "ҚР ӘҚБтК 462-бабына сәйкес тексеру барысында дүкен иесіне қатысты 2 айыппұл хаттамасы толтырылды.",
    ],
    ids=["ru-chasti", "kk-ailyq", "kk-aiyppul"],
)
def test_a_number_of_parts_or_of_monthly_indices_is_no_norms_term(sentence):
    """«2 части», «10 айлық есептік көрсеткіш», «2 айыппұл» are facts of the case: the stems
    «час-», «ай-» of a term («24 часа», «3 ай») made them a retold norm, with L120."""
    greeting = "Уважаемый Иван Петрович!" if sentence.startswith("Согласно") else "Құрметті Серік Маратұлы!"
    r, _, codes = _reading(f"{greeting}\n\n{sentence}\n\nБөлім басшысы    Қ. Б. Тәжібаев\n", kind="reply")
    assert r.stats["legal_load"]["norm_sentences"] == 0
    assert "L120" not in codes


@pytest.mark.parametrize(
    "text,longest",
    [
        (
            "ГУ «Отдел жилищных отношений»\nДиректору ТОО «Астана-Жылу» Ахметову Б.К.\n\n"
            "На Ваш запрос от 03.11.2026 № 118 сообщаем, что согласно графику подготовки к отопительному сезону "
            "промывка внутридомовых систем отопления многоквартирных домов по улице Кенесары будет завершена "
            "подрядной организацией не позднее 20 ноября 2026 года.\n\nАкт приемки направим до 25 ноября.\n\n"
            "Руководитель отдела                    Е. Б. Жунусов\n",
            29,
        ),
        (
            "«Шапағат» ЖШС директорына\nА.Б. Серікбаевқа\n\n"
            "Кірістер департаменті Сіздің 2026 жылғы 5 қарашадағы № 118 хатыңызды қарап, серіктестіктің қосылған құн "
            "салығы бойынша декларациясы уақтылы тапсырылғанын және берешегі жоқ екенін хабарлайды.\n\n"
            "Анықтаманы 20 қарашаға дейін алуға болады.\n\nДепартамент басшысы                    Б. Т. Нұрланов\n",
            20,
        ),
    ],
    ids=["ru-on-your-request", "kk-revenue"],
)
def test_a_first_body_paragraph_that_opens_like_a_requisite_is_prose(text, longest):
    """Without a greeting, a body paragraph opening «На Ваш запрос от … № … сообщаем, …» or
    «Кірістер департаменті …» (revenue, not «Кіріс №») was read as a requisites line of the
    header, and its sentence dropped out of the statistics."""
    r = anyq.check(text)
    assert r.stats["max_sentence_length"] == longest
    assert r.stats["sentences"] == 2
    # a real requisites line stays out of the sentences
    ref = "На Ваш запрос от 03.11.2026 № 118\n\n" if "На Ваш" in text else "Кіріс № 118, 2026 жылғы 5 қараша\n\n"
    again = anyq.check(ref + text)
    assert again.stats["sentences"] == 2


def test_kazakh_additionally_before_the_signature_is_prose():
    """«Қосымша хабарлаймыз, …» (we add) just before the signature is a sentence, not an
    attachment line; «Қосымша: 2 парақта» after the signature is one."""
    body = (
        "Құрметті Гүлнар Сейітқызы!\n\nӨтінішіңіз қаралды, Сізге 2026 жылғы 1 желтоқсаннан бастап жәрдемақы тағайындалды.\n\n"
        "Қосымша хабарлаймыз, жәрдемақы отбасының орташа айлық табысы ең төмен күнкөріс деңгейінен аспаған жағдайда ғана "
        "төленеді және оны алу құқығы әр тоқсан сайын тексеріледі.\n\n"
        "Бөлім басшысы                    С. Жұмабаев\n"
    )
    r = anyq.check(body)
    assert r.stats["max_sentence_length"] == 23
    assert r.stats["sentences"] == 3  # with the greeting
    again = anyq.check(body + "\nҚосымша: 2 парақта.\n")
    assert again.stats["sentences"] == 3


def test_a_kazakh_call_centre_number_before_its_word_is_no_fact_of_the_case():
    """Kazakh names the number first («109 бірыңғай байланыс орталығына»): it was read as a
    fact of the reader's case, a decision, as «контакт-центр 109» is not in Russian."""
    text = (
        "Құрметті Динара Асқарқызы!\n\nӨтінішіңіз қаралды.\n\n"
        "Қосымша сұрақтарыңыз болса, 1414 бірыңғай байланыс орталығына хабарласуыңызға болады.\n\n"
        "Бөлім басшысы                    Н. С. Жолдасова\n"
    )
    _, has, codes = _reading(text)
    assert not has["decision"] and "L110" in codes


# ---------------------------------------------------------------------------- how a reply is read (audit «fresh»)


def _letter(opening: str, rest: str = "Этот вопрос находится на контроле отдела.") -> str:
    kk = any(ch in opening for ch in "әғқңөұүһі")
    head = "Шығ. № 12, 2025 жылғы 1 наурыз\n\nИвановқа И. И.\n\n" if kk else "Исх. № 12 от 01.03.2025\n\nИванову И. И.\n\n"
    sign = "Бөлім басшысы          С. Оспанов\n" if kk else "Руководитель отдела          С. Оспанов\n"
    return f"{head}{opening} {rest}\n\n{sign}"


@pytest.mark.parametrize(
    "opening,rest",
    [
        ("Вы спросили, когда отремонтируют крышу вашего дома.", None),
        ("Ваше коллективное обращение о ремонте крыши рассмотрено.", None),
        ("Вашу повторную жалобу на протекающую крышу мы получили.", None),
        ("В обращении Вы пишете, что крыша над подъездом протекает.", None),
        ("Вы пожаловались, что крышу не ремонтируют третий год.", None),
        ("Сіз үйіңіздің шатыры қашан жөнделетінін сұрадыңыз.", "Мәселе бақылауға алынды."),
        ("Сіз аулада түнде шу болатынына шағымдандыңыз.", "Мәселе бақылауға алынды."),
    ],
    ids=["ru-asked", "ru-collective", "ru-repeated", "ru-you-write", "ru-complained", "kk-asked", "kk-complained"],
)
def test_a_reply_need_not_say_your_appeal(opening, rest):
    """«Вы спросили…», «Ваше коллективное обращение…», «Сіз … сұрадыңыз» answer the reader's
    own appeal: such letters were a `letter`, and an «отписка» among them got no L110–L122."""
    r = anyq.check(_letter(opening, *([rest] if rest else [])))
    assert r.extra["kind"] == "reply"
    assert {"L110", "L120"} <= _codes(r)


def test_the_readers_words_only_at_a_sentences_start_make_a_reply():
    """«если Вы не сообщили …» is a condition of a notice, not the reader's appeal retold."""
    r = anyq.check(_letter("Напоминаем, что если Вы не сообщили о смене адреса, квитанции будут приходить по старому адресу.", "Адрес можно сменить в любом ЦОН."))
    assert r.extra["kind"] == "letter"


_REFUSAL_LETTER = (
    "Исх. № 12 от 01.03.2025\n\nИванову И. И.\n\nВаше заявление рассмотрено. {sentence}\n\n"
    "Если вы не согласны, обжалуйте ответ в акимате района или в суде в течение трёх месяцев.\n\n"
    "Руководитель отдела          С. Оспанов\n\nИсп.: Ахметова Д., тел. 8 (7272) 31-12-20\n"
)


@pytest.mark.parametrize(
    "sentence,decided",
    [
        ("В этом году участок вам не дадут, потому что свободных участков нет.", True),
        ("Пособие вам не назначат, так как доход семьи выше порога.", True),
        ("Пособие вам не будет назначено, поскольку доход семьи выше порога.", True),
        ("Справка вам не будет выдана, так как вы не собственник дома.", True),
        # a condition warns, it decides nothing
        ("Если вы не принесёте справку о доходах, пособие вам не назначат, потому что без неё доход не проверить.", False),
    ],
    ids=["dadut", "naznachat", "ne-budet-naznacheno", "ne-budet-vydana", "condition"],
)
def test_an_impersonal_refusal_with_its_reason_is_a_decision(sentence, decided):
    """«участок вам не дадут, потому что…» refuses as plainly as «Мы не дадим…»: it got L110
    «нет решения» and the error-level L120, which pushed writers back to «отказано»."""
    r, has, codes = _reading(_REFUSAL_LETTER.format(sentence=sentence))
    assert has["decision"] is decided
    assert ("L110" in codes) is not decided and ("L120" in codes) is not decided


_LACK_KK = (
    "Шығ. № 12, 2025 жылғы 1 наурыз\n\nИвановқа И. И.\n\nСіздің өтінішіңіз қаралды. Сіз кезекте 8 734 нөмірімен тұрсыз. "
    "Инженерлік инфрақұрылыммен қамтамасыз етілген бос жер учаскелерінің болмауына байланысты биыл Сізге жер учаскесін беру мүмкін емес.\n\n"
    "Келіспесеңіз, үш ай ішінде аудан әкімдігіне шағым бере аласыз.\n\nБөлім басшысы          С. Оспанов\n\n"
    "Орынд.: Ахметова Д., тел. 8 (7272) 31-12-20\n"
)


@pytest.mark.parametrize(
    "body",
    [
        "Ваше заявление о предоставлении земельного участка рассмотрено. Вы состоите в очереди под номером 8 734. "
        "В связи с отсутствием свободных земельных участков, обеспеченных инженерной инфраструктурой, предоставить Вам участок "
        "в текущем году невозможно.",
        "Ваше обращение рассмотрено. Ваш ребёнок состоит в очереди в детский сад под номером 1 412, при этом сведения о наличии льготы в системе отсутствуют. "
        "Чтобы получить место в первую очередь, до 1 сентября 2025 года представьте в отдел образования документы о льготе.",
        _LACK_KK,
    ],
    ids=["in-the-absence-of", "no-record-in-the-system", "kk-in-the-absence-of"],
)
def test_a_lack_stated_as_the_ground_is_the_reason(body):
    """«в связи с отсутствием свободных участков», «сведения о льготе в системе отсутствуют»,
    «бос учаскелердің болмауына байланысты» say why: L111 «без объяснения, почему решено так»
    was a false finding, and with it L120."""
    text = body if body is _LACK_KK else _REFUSAL_LETTER.replace("Ваше заявление рассмотрено. {sentence}", body)
    r, has, codes = _reading(text)
    assert has["decision"] and has["reasons"]
    assert not {"L111", "L120"} & codes


_ORDER_KK = (
    "Құрметті Динара Маратовна!\n\nСіздің дәрі-дәрмек туралы өтінішіңізді қарап, мынаны хабарлаймыз.\n\n"
    "Дәрілік заттармен қамтамасыз ету Қазақстан Республикасы Денсаулық сақтау министрінің 2021 жылғы 5 тамыздағы "
    "№ ҚР ДСМ-75 бұйрығымен бекітілген тізбеге сәйкес жүзеге асырылады.\n\nБасшының орынбасары          С. Әбенова\n"
)
_ORDER_RU = (
    "Уважаемая Динара Маратовна!\n\nРассмотрев Ваше обращение о лекарствах, сообщаем следующее.\n\n"
    "Обеспечение лекарствами осуществляется по перечню, утверждённому приказом Министра здравоохранения "
    "Республики Казахстан от 5 августа 2021 года № ҚР ДСМ-75.\n\nЗаместитель руководителя          С. Абенова\n"
)


@pytest.mark.parametrize("text", [_ORDER_KK, _ORDER_RU], ids=["kk", "ru"])
def test_the_date_of_a_cited_order_is_no_next_step(text):
    """«2021 жылғы 5 тамыздағы … бұйрығымен»: the date the order was issued made the Kazakh
    present «жүзеге асырылады» a dated next step, and hid L112 and L120 on an «отписка» whose
    Russian version got both."""
    r, has, codes = _reading(text, kind="reply")
    assert not has["next_step"]
    assert {"L112", "L120"} <= codes


@pytest.mark.parametrize(
    "sentence",
    [
        "Сообщаем, что двор по ул. Тарана, 129 включён в перечень дворовых территорий, подлежащих благоустройству в 2027 году, "
        "в объём которых входит монтаж четырёх опор освещения.",
        "Ваша мать включена в список пациентов, подлежащих патронажу; первое посещение медсестры назначено на 20.10.2026.",
    ],
    ids=["improvement-in-2027", "visit-on-a-date"],
)
def test_an_obligation_with_its_date_is_a_next_step(sentence):
    """«включён в перечень территорий, подлежащих благоустройству в 2027 году» says what will be
    done and when: «подлежать» was no word of obligation, and the reply got L112 «нет шага со сроком»."""
    text = (
        "Уважаемая Ирина Александровна!\n\nВаше обращение об освещении двора рассмотрено.\n\n"
        f"{sentence}\n\nЗаместитель руководителя отдела          А. Т. Байжанова\n"
    )
    _, has, codes = _reading(text, kind="reply")
    assert has["next_step"] is True and "L112" not in codes
    assert "L122" not in codes


_KK_REFUSAL = (
    "Құрметті Виктор Сергеевич!\n\nСіздің өтінішіңізге жауап береміз.\n\n{sentence}\n\n"
    "Жауапқа келіспесеңіз, бір ай ішінде сотқа шағымдана аласыз.\n\nДепартамент басшысы          А. Байғабылов\n"
    "Орындаған: Б. Серикова, тел. 8 (7142) 50-11-22\n"
)


@pytest.mark.parametrize(
    "sentence,decided",
    [
        ("Салықты қайта есептемейміз, себебі декларациядағы мәліметтер дұрыс.", True),
        ("Салық сомасын өзгертпейміз, себебі мүлік құны дұрыс есептелген.", True),
        ("Жер учаскесін беру мүмкін емес, себебі ауылда бос жер жоқ.", True),
        # what we do not know is no refusal; nor a warning with its condition; nor a bare «we don't»
        ("Бұл мүліктің иесін білмейміз, себебі ол тізілімде жоқ.", False),
        ("Анықтама болмаса, төлемді қайта есептемейміз, себебі табыс белгісіз.", False),
        ("Біз жексенбі күні жұмыс істемейміз.", False),
        # not telling when is no decision either
        ("Қазіргі уақытта тұрғын үй берудің нақты мерзімін көрсету мүмкін емес.", False),
    ],
    ids=["esepte-mei-miz", "ozgert-pei-miz", "mumkin-emes", "bilmei-miz", "condition", "no-reason", "no-date-yet"],
)
def test_a_kazakh_refusal_with_its_reason_is_a_decision(sentence, decided):
    """«Салықты есептемейміз, себебі…», «… беру мүмкін емес» refuse as plainly as «Сізге
    бермейміз»: without a «Сіз…» word they got L110 «шешім жоқ»."""
    r, has, codes = _reading(_KK_REFUSAL.format(sentence=sentence), kind="reply")
    assert has["decision"] is decided
    assert ("L110" in codes) is not decided


@pytest.mark.parametrize(
    "sentence,decided",
    [
        ("Мы не пересчитываем плату за этот период, так как показания счётчика переданы вовремя.", True),
        ("Справку мы не выдаём, так как дом не введён в эксплуатацию.", True),
        ("Мы не будем пересчитывать плату, потому что показания переданы вовремя.", True),
        ("Выдать справку невозможно, потому что дом не введён в эксплуатацию.", True),
        ("Перерасчёт произвести не представляется возможным, поскольку показания счётчика не переданы.", True),
        ("Перерасчёт невозможен, так как показания счётчика не переданы.", True),
        ("Участок предоставить нельзя, потому что он находится в охранной зоне.", True),
        ("Включить вас в очередь не получится, потому что у вас есть квартира.", True),
        ("Перерасчёт платы не производится, поскольку показания счётчика не переданы.", True),
        ("Выплата Вам не положена, поскольку доход семьи выше порога.", True),
        ("Оснований для перерасчёта нет, так как показания переданы вовремя.", True),
        ("Пересчитать плату за январь мы не можем: показания счётчика не переданы.", True),
        # a rule, a condition, not telling when, a matter that is not ours: no decisions
        ("Без справки о доходах назначить пособие невозможно.", False),
        ("Если вы не представите справку, перерасчёт произвести невозможно, так как доход не подтверждён.", False),
        ("Сроки подключения назвать невозможно, так как финансирование не выделено.", False),
        ("Точные сроки мы назвать не можем, так как подрядчик не определён.", False),
        ("Данный вопрос не относится к компетенции отдела, так как дорога принадлежит области.", False),
    ],
    ids=[
        "we-do-not", "we-do-not-issue", "we-will-not", "impossible", "not-possible-officialese", "impossible-noun", "cannot",
        "will-not-work-out", "passive-present", "not-due", "no-grounds", "verb-before-cannot",
        "rule", "condition", "no-date-yet", "no-date-we-cannot", "not-ours",
    ],
)
def test_a_russian_refusal_without_you_or_told_as_impossible_is_a_decision(sentence, decided):
    """«Мы не пересчитываем плату, так как…» (no «Вам»), «Выдать справку невозможно, потому что…»,
    «Перерасчёт произвести не представляется возможным, поскольку…» refuse with their reason as
    plainly as «отказано»: they got L110 «нет решения» and the error-level L120."""
    r, has, codes = _reading(_REFUSAL_LETTER.format(sentence=sentence), kind="reply")
    assert has["decision"] is decided
    assert ("L110" in codes) is not decided and ("L120" in codes) is not decided


@pytest.mark.parametrize(
    "sentence,decided",
    [
        ("Төлемді қайта есептемейміз, өйткені есептегіш көрсеткіштері уақытында берілмеген.", True),
        ("Анықтама берілмейді, себебі үй пайдалануға берілмеген.", True),
        ("Жеңілдік берілмейді, өйткені Сіз зейнеткер емессіз.", True),
        ("Жәрдемақы тағайындалмайды, себебі отбасының табысы шектен жоғары.", True),
        ("Төлем қайта есептелмейді, өйткені есептегіш көрсеткіштері берілмеген.", True),
        ("Анықтама беруге болмайды, себебі үй пайдалануға берілмеген.", True),
        ("Жер учаскесі берілмейтін болады, себебі ол қорғау аймағында орналасқан.", True),
        ("Төлемді қайта есептеу мүмкін емес, себебі көрсеткіштер берілмеген.", True),
        ("Анықтама бере алмаймыз, себебі үй пайдалануға берілмеген.", True),
        # an active third person tells a fact; a condition warns; not telling when decides nothing
        ("Дүкен жексенбі күні жұмыс істемейді, себебі сатушы демалыста.", False),
        ("Анықтама болмаса, төлем қайта есептелмейді, себебі табыс белгісіз.", False),
        ("Нақты мерзімін көрсету мүмкін емес, себебі қаржы бөлінбеген.", False),
    ],
    ids=[
        "we-do-not-oitkeni", "passive", "passive-you", "passive-assigned", "passive-recounted", "may-not", "will-not-be",
        "impossible", "cannot", "active-third-person", "condition", "no-date-yet",
    ],
)
def test_a_kazakh_refusal_told_in_the_passive_is_a_decision(sentence, decided):
    """«Анықтама берілмейді, себебі…», «… беруге болмайды, себебі…» refuse as «бермейміз» does:
    only the first person was read, and they got L110 «шешім жоқ»."""
    r, has, codes = _reading(_KK_REFUSAL.format(sentence=sentence), kind="reply")
    assert has["decision"] is decided
    assert ("L110" in codes) is not decided


_CONTACT_KK = (
    "Құрметті Дәулет Жұмағалиұлы!\n\nСіздің балалар алаңын салу туралы өтінішіңізге жауап береміз. Алаңды 2027 жылғы 1 маусымға "
    "дейін саламыз, себебі жер учаскесі қаланың меншігі екені анықталды.\n\nЖауапқа келіспесеңіз, бір ай ішінде облыс әкіміне "
    "немесе сотқа шағымдана аласыз.\n\n{body}\n\nАппарат басшысы          Ғ. Сейітқали\n{tail}"
)
_CONTACT_RU = (
    "Уважаемый Даулет Жумагалиевич!\n\nОтвечаем на Ваше обращение о детской площадке. Площадку построим до 1 июня 2027 года, "
    "потому что участок оказался в собственности города.\n\nЕсли Вы не согласны, в течение месяца можете обжаловать ответ "
    "акиму области или в суде.\n\n{body}\n\nРуководитель аппарата          Г. Сейиткали\n{tail}"
)


@pytest.mark.parametrize(
    "text,contact",
    [
        (_CONTACT_KK.format(body="Сұрақтарыңыз болса, тұрғын үй бөлімінің маманы Ә. Сейітова, тел. 8 7172 55 31 20.", tail=""), True),
        (_CONTACT_KK.format(body="Толық ақпаратты 8 (727) 250-11-22 телефоны арқылы алуға болады.", tail=""), True),
        (_CONTACT_KK.format(body="Рахмет.", tail="тел. 8 (7182) 55-31-20\n"), True),
        (_CONTACT_KK.format(body="Рахмет.", tail=""), False),
        (_CONTACT_RU.format(body="По вопросам обращайтесь к специалисту отдела Айгерим Сапаровой, тел. 8 (72934) 3-15-77.", tail=""), True),
        (_CONTACT_RU.format(body="Спасибо.", tail="тел. 8 (7182) 55-31-20\n"), True),
        (_CONTACT_RU.format(body="Спасибо.", tail=""), False),
    ],
    ids=["kk-specialist", "kk-by-phone", "kk-under-signature", "kk-none", "ru-specialist", "ru-under-signature", "ru-none"],
)
def test_a_phone_without_an_executor_line_is_a_contact(text, contact):
    """L114 said «no executor and no phone» where the letter gives a phone: under the signature
    (the signer's own) or in the body next to a specialist; it asked for an «Орындаған» / «Исп.» line."""
    r, has, codes = _reading(text, kind="reply")
    assert has["contact"] is contact
    assert ("L114" in codes) is not contact


_PROMISE_KK = (
    "Құрметті Виктор Сергеевич!\n\nСіздің өтінішіңізге жауап береміз. Салықты қайта есептедік, 12 000 теңге 1 желтоқсанда "
    "шотыңызға қайтарылды.\n\n{sentence}\n\nДепартамент басшысы          А. Байғабылов\n"
)


@pytest.mark.parametrize(
    "sentence,promise",
    [
        ("Салық берешегі болған жағдайда өсімпұл есептелетінін назарыңызға жеткіземіз.", None),
        ("Жер кодексінің 9-бабына сәйкес жер учаскесіне құқық беру кезінде жер кадастрының деректері ескеріледі.", None),
        ("Сіздің ұсынысыңыз ескеріледі.", "ұсынысыңыз ескеріледі"),
        ("Ұсынысыңыз келесі жылдың жоспарын жасау кезінде ескерілетін болады.", "ескерілетін болады"),
        ("Қаржы бөлінген жағдайда көшені жөндейміз.", "Қаржы бөлінген жағдайда"),
    ],
    ids=["rule-condition", "rule-taken-into-account", "your-proposal", "future", "if-funded"],
)
def test_a_kazakh_rule_is_no_promise(sentence, promise):
    """«… болған жағдайда өсімпұл есептеледі», «… деректері ескеріледі» state a rule: the bare cues
    «болған жағдайда» and «ескеріледі» made them L122 «мерзімсіз уәде»."""
    r = anyq.check(_PROMISE_KK.format(sentence=sentence), kind="reply")
    assert [f.text for f in r.findings if f.code == "L122"] == ([promise] if promise else [])


@pytest.mark.parametrize(
    "sentence,signal",
    [
        ("Жылу беру мәселесі бөлімнің тұрақты бақылауында.", ("noted", "бақылауында")),
        ("Место в детском саду Вам предоставят по мере освобождения мест.", ("promise", "по мере освобождения")),
    ],
    ids=["kk-in-its-control", "ru-as-places-free-up"],
)
def test_the_control_of_a_named_body_and_waiting_for_places_are_devices(sentence, signal):
    """«бөлімнің бақылауында» is «на контроле отдела» (the cue «бақылауда*» read only «бақылауда»),
    and «по мере освобождения мест» promises with no date."""
    kk = any(ch in sentence for ch in "әғқңөұүһі")
    head = "Құрметті Марат Ерболұлы!\n\nӨтінішіңіз қаралды. " if kk else "Уважаемый Марат Ерболович!\n\nВаше обращение рассмотрено. "
    r = anyq.check(f"{head}{sentence}\n\nБөлім басшысы    Б. Ж. Ахметов\n")
    assert signal in [(s["name"], s["text"]) for s in r.extra["reply"]["signals"]]


@pytest.mark.parametrize(
    "sentence,match",
    [
        ("Бос орын пайда болған кезде Сізге жолдама ұсынылады.", "Бос орын пайда болған кезде"),
        ("Бос жер учаскелері пайда болғанда Сізге ұсынылатын болады.", "Бос жер учаскелері пайда болғанда"),
        ("Бос орындар пайда болуына қарай Сізге хабарланады.", "Бос орындар пайда болуына қарай"),
        ("Балабақшадағы орындар босаған кезде Сізге жолдама беріледі.", "орындар босаған кезде"),
        ("Қаржы бөлінген кезде көшені жөндейміз.", "Қаржы бөлінген кезде"),
        ("По мере появления свободных участков Вам будет предложено участие в их распределении.", "По мере появления"),
    ],
    ids=["kk-place-appears", "kk-plots-appear", "kk-as-places-appear", "kk-places-free-up", "kk-money-allocated", "ru-as-plots-appear"],
)
def test_waiting_for_a_place_or_money_is_a_promise_without_a_date(sentence, match):
    """The Kazakh «бос орын пайда болған кезде», «орындар босаған кезде» are the Russian «по мере
    появления свободных участков», «по мере освобождения мест»: only the Russian gave L122."""
    kk = any(ch in sentence for ch in "әғқңөұүһі")
    head = "Құрметті Марат Ерболұлы!\n\nӨтінішіңіз қаралды. " if kk else "Уважаемый Марат Ерболович!\n\nВаше обращение рассмотрено. "
    r = anyq.check(f"{head}{sentence}\n\nБөлім басшысы    Б. Ж. Ахметов\n")
    assert [f.text for f in r.findings if f.code == "L122"] == [match]


@pytest.mark.parametrize(
    "text",
    [
        "Құрметті Меруерт Айдарқызы!\n\nСіздің балаға күтім жасау бойынша төлемге қатысты өтінішіңізді қарап, мынаны хабарлаймыз.\n\n"
        "Қазақстан Республикасы Әлеуметтік кодексінің 190-бабына сәйкес бір жасқа толғанға дейін бала күтіміне байланысты табысынан "
        "айрылған адамдарға төлем тағайындалады. Әлеуметтік кодекстің 191-бабына сәйкес төлем мөлшері орташа айлық табыстың "
        "40 пайызы мөлшерінде айқындалады.\n\nДепартамент басшысы          Ә. Құрманғалиев\n",
        "Уважаемая Меруерт Айдаровна!\n\nРассмотрев Ваше обращение о выплате по уходу за ребёнком, сообщаем следующее.\n\n"
        "Согласно статье 190 Социального кодекса Республики Казахстан лицам, утратившим доход в связи с уходом за ребёнком до "
        "достижения им одного года, назначается выплата. Согласно статье 191 Социального кодекса размер выплаты определяется в "
        "размере 40 процентов среднемесячного дохода.\n\nДиректор департамента          А. Курмангалиев\n",
    ],
    ids=["kk", "ru"],
)
def test_a_rate_set_by_a_norm_keeps_its_sentence_a_retold_norm(text):
    """«40 пайызы мөлшерінде», «в размере 40 процентов» is the norm's content, as a term is: the
    number made the second of two retold norms a fact of the case, and L104 (2 sentences) missed."""
    r, _, codes = _reading(text, kind="reply")
    assert r.stats["legal_load"]["norm_sentences"] == 2
    assert "L104" in codes


def test_a_share_of_its_own_is_no_norms_rate():
    """«Өтініштердің 98,7 пайызы … қаралды» is a figure of the text's own, not a rate a norm sets."""
    r = anyq.check(
        "2025 жылы облыстың атқарушы органдарына 48 316 өтініш келіп түсті. Өтініштердің 98,7 пайызы Қазақстан Республикасы "
        "Әкімшілік рәсімдік-процестік кодексінің 76-бабында белгіленген мерзімде қаралды.\n",
        lang="kk",
    )
    assert r.stats["legal_load"]["norm_sentences"] == 0


# ---------------------------------------------------------------------------- executor and signature lines (audit 4, 6 and 7)

_EXECUTOR_RU = (
    "Исх. № 02-15/1207 от 18.09.2025\n\nУважаемый Рустам Маратович!\n\nСвободных мест во втором классе школы № 8 нет, поэтому "
    "в переводе сына отказано. Ребёнок поставлен в очередь под номером 4, школа позвонит Вам до 1 декабря. Отказ можно "
    "обжаловать в управлении образования области в течение месяца.\n\nРуководитель отдела образования\t\tБ. Ташенов\n\n{executor}\n"
)
_EXECUTOR_KK = (
    "Шығ. № 02-15/1208, 2025 жылғы 18 қыркүйек\n\nҚұрметті Рүстем Маратұлы!\n\nСіздің ұлыңызды № 8 мектептің екінші сыныбына "
    "ауыстыру туралы өтінішіңіз қаралды. Бос орын болмағандықтан, ауыстырудан бас тартылды. Бала кезекке 4-нөмірмен қойылды, "
    "мектеп Сізге 1 желтоқсанға дейін хабарласады. Бұл шешімге облыстың білім басқармасына бір ай ішінде шағымдана аласыз.\n\n"
    "Білім бөлімінің басшысы\t\tБ. Ташенов\n\n{executor}\n"
)


@pytest.mark.parametrize(
    "text",
    [
        _EXECUTOR_RU.format(executor="Исп.: Нурланова А., 56-02-17"),
        _EXECUTOR_RU.format(executor="Исп.: Сарсенова А., тел. 1414"),
        _EXECUTOR_RU.format(executor="Исполнитель: Сарсенова А.\n56-02-17"),
        _EXECUTOR_KK.format(executor="Орынд.: Каримова Л., 30-20-10"),
        _EXECUTOR_KK.format(executor="Орындаған: Каримова Л.\nтел: 1432"),
        _EXECUTOR_KK.format(executor="Исп./Орынд.: Каримова Л., 30-20-10"),
        # the labels the layout, the phone and the PDF reader each knew only some of
        _EXECUTOR_RU.format(executor="Исп: Нурланова А., 56-02-17"),
        _EXECUTOR_RU.format(executor="Исполнитель Сарсенова А., 56-02-17"),
        _EXECUTOR_KK.format(executor="Орындаушы Каримова Л., 30-20-10"),
    ],
    ids=["ru-city", "ru-short", "ru-next-line", "kk-city", "kk-short", "mixed-label", "ru-colon", "ru-word", "kk-word"],
)
def test_an_executor_line_with_a_city_or_short_number_is_the_contact(text):
    """A 6-digit city number on the executor's own line and a short number after «тел.» were no
    phone: a false L114 («no executor and no phone»), and without a word of the reader's appeal
    the letter was taken for a plain letter (kind comes from the executor and the phone)."""
    r, has, codes = _reading(text)
    assert r.extra["kind"] == "reply"
    assert has["contact"] is True and "L114" not in codes


@pytest.mark.parametrize(
    "line", ["Исп.: Ахметова Д. К., 56-02-17", "Исп: Ахметова Д. К., 56-02-17", "Исполнитель Ахметова Д. К., 56-02-17",
             "Исполнитель: Ахметова Д. К., 56-02-17", "Орынд. Каримова Л., 30-20-10", "Орындаушы Каримова Л., 30-20-10",
             "Орындаған: Каримова Л., 30-20-10"],
    ids=["isp-stop", "isp-colon", "ispolnitel", "ispolnitel-colon", "orynd-stop", "oryndaushy", "oryndagan-colon"],
)
def test_the_executor_labels_are_one_list_the_layout_the_phone_and_the_pdf_reader_read(line):
    """Three regexes spelled the executor's labels, each its own way: the layout's footer took
    no «Исп:», the phone no «Исполнитель» without a colon, the PDF reader neither. They are one
    list of rules/data now, and each place reads every label of it."""
    from anyq.legal.layout import _FOOTER, PHONE
    from anyq.readers.pdf import _EXECUTOR
    from anyq.resources import rules_toml

    labels = rules_toml("reply_cues.toml")["layout"]["executor_labels"]
    assert {"Исп.", "Исполнитель", "Орынд.", "Орындаушы", "Орындаған:"} <= set(labels)
    assert line.split()[0].rstrip(".:") in {w.rstrip(".:") for w in labels}
    assert _FOOTER.match(line) and PHONE.search(line) and _EXECUTOR.match(line)


def test_an_executor_label_is_a_word_of_its_own():
    """«Исполнительный комитет …», «Орындаушылар …» open a sentence (the footer's «Исполнитель»
    took any word it began), and so does «Орындаған» without its colon."""
    from anyq.legal.layout import _FOOTER, PHONE
    from anyq.readers.pdf import _EXECUTOR

    for prose in ("Исполнительный комитет рассмотрел жалобу 1500 жителей.", "Орындаушылар саны 1500 адам болды.",
                  "Орындаған жұмыстар құны 1500 мың теңге болды."):
        assert not (_FOOTER.match(prose) or PHONE.search(prose) or _EXECUTOR.match(prose)), prose


def test_a_kazakh_imperative_before_a_clause_joiner_ends_its_clause():
    """«тапсырыңыз және …»: a verb before «және», «немесе», «да/де/та/те» ends its clause, so the
    polite imperative is the reader's step. The words are kk_grammar.toml's ``clause_joiners``
    (they were a tuple called «and» in the code, not the ``and_words`` «мен/бен/пен» of lists)."""
    from anyq.legal import reply
    from anyq.resources import rules_toml

    words = rules_toml("kk_grammar.toml")["words"]
    assert reply._KK_AND == frozenset(words["clause_joiners"]) and {"және", "де"} <= reply._KK_AND
    assert "мен" in words["and_words"] and "мен" not in reply._KK_AND
    text = (
        "Құрметті Бақыт Оразбайұлы!\n\nОтбасыңызға атаулы әлеуметтік көмек тағайындай алмаймыз, себебі отбасыңыздың "
        "табысы кедейлік шегінен жоғары. Табысыңыз азайса, өтінішті қайта тапсырыңыз және бөлімге хабарласыңыз.\n\n"
        "Бөлім басшысы    Г. Мұратова\nОрынд.: Н. Серікбаева\nТел.: 8 7142 53-60-81\n"
    )
    _, has, codes = _reading(text)
    assert has["next_step"] is True and "L112" not in codes


def test_a_number_off_the_executors_line_is_still_no_phone():
    """The executor's line makes its number a phone; elsewhere «12-03-24» or «1414» may be anything."""
    from anyq.legal.layout import PHONE

    for text in ("Протокол № 12-03-24 составлен 5 мая.", "Выплачено 1414 тысяч тенге.", "Исп.: Ахметова Д. К., 12.03.2026",
                 "Исп.: Ахметова Д. К.\n2026 жылы 5 мамырда", "по номеру 102 можно позвонить",
                 "Орындаған жұмыстар құны 1500 мың теңге болды."):
        assert PHONE.search(text) is None, text
    for text in ("Исп.: Ахметова Д. К., 56-02-17", "Тел.: 1414", "Орындаушы: Ахметова Д. К., 2-13-45"):
        assert PHONE.search(text), text


_HEATING_RU = (
    "Уважаемый Ерлан Маратович!\n\nУправление рассмотрело Ваше заявление о перерасчёте платы за отопление. Перерасчёт "
    "сделан: за январь 2026 года Вам вернут 4 500 тенге до 20 марта, потому что счётчик дома был неисправен.\n\nЕсли Вы не "
    "согласны с ответом, его можно обжаловать в акимат города в течение трёх месяцев.\n\nРуководитель управления        "
    "Е. Жунусов\n\n{executor}\n"
)


@pytest.mark.parametrize(
    "text",
    [
        _HEATING_RU.format(executor="Исп.: Ахметова Д. К., каб. 305"),
        _HEATING_RU.format(executor="Исп.: Ахметова Д. К., 2025 г."),
        _EXECUTOR_KK.format(executor="Орынд.: Серікова А., 2025 ж."),
        _EXECUTOR_KK.format(executor="Орынд.: Серікова А., 305-бөлме"),
    ],
    ids=["ru-room", "ru-year", "kk-year", "kk-room"],
)
def test_a_room_or_a_year_on_the_executors_line_is_no_phone(text):
    """Any 3–6 digit number after the executor's label was read as the phone: a room or a year
    silenced L114 (no executor and no phone)."""
    _r, has, codes = _reading(text)
    assert has["contact"] is False and "L114" in codes


def test_a_room_before_the_phone_on_the_executors_line():
    from anyq.legal.layout import PHONE

    assert PHONE.search("Исп.: Ахметова Д. К., каб. 305, 56-02-17").group().endswith("56-02-17")
    assert PHONE.search("Исп.: Ахметова Д. К., каб. № 305, 1414").group().endswith("1414")


_WRAPPED_RU = (
    "Уважаемый Виктор Андреевич!\n\nВладельцу кафе назначен штраф за шум после 23:00. Если шум повторится, звоните по номеру "
    "102: наряд приедет в течение 15 минут. Ответ можно обжаловать в прокуратуре района или в суде в течение месяца.\n\n"
    "{signature}\n\nИсп.: Байжанов Н. Т., тел. 254-44-12\n"
)
_WRAPPED_KK = (
    "Құрметті Виктор Андреевич!\n\nКафе иесіне 23:00-ден кейін шу шығарғаны үшін айыппұл салынды. Шу қайталанса, 102 нөміріне "
    "қоңырау шалыңыз. Жауапқа аудан прокуратурасына немесе сотқа бір ай ішінде шағымдана аласыз.\n\n"
    "{signature}\n\nОрынд.: Байжанов Н. Т., тел. 254-44-12\n"
)


@pytest.mark.parametrize(
    "text,name_last,name_first",
    [
        (_WRAPPED_RU, "Заместитель начальника\nдепартамента полиции\t\t\tЕ. Тургунбаев",
         "Заместитель начальника\t\t\tЕ. Тургунбаев\nдепартамента полиции"),
        (_WRAPPED_RU, "Руководитель отдела жилищных\nотношений и жилищной инспекции        А. Б. Сейтқали",
         "Руководитель отдела жилищных        А. Б. Сейтқали\nотношений и жилищной инспекции"),
        # a PDF's two columns come out with one space between the position and the name
        (_WRAPPED_RU, "Заместитель начальника\nдепартамента полиции Е. Тургунбаев", "Заместитель начальника Е. Тургунбаев\nдепартамента полиции"),
        (_WRAPPED_KK, "Полиция департаменті бастығының\nорынбасары\t\tЕ. Тұрғынбаев", "Полиция департаменті бастығының\t\tЕ. Тұрғынбаев\nорынбасары"),
    ],
    ids=["ru-tabs", "ru-spaces", "ru-pdf", "kk"],
)
def test_a_position_wrapped_under_the_name_is_a_signature(text, name_last, name_first):
    """The README: «a signature with a position (also over several lines)». With the position's
    end on the line after the name the signature was read as the body's last paragraph: L112
    sat on it and the score differed from the same letter with the name on the last line."""
    last, first = anyq.check(text.format(signature=name_last)), anyq.check(text.format(signature=name_first))
    assert first.score == last.score
    assert [(f.code, f.line) for f in first.findings] == [(f.code, f.line) for f in last.findings]
    assert all(f.line == 3 for f in first.findings if f.code.startswith("L11"))


@pytest.mark.parametrize(
    "paragraph",
    [
        "Заявление рассмотрено главным специалистом А. Б. Сейтқали\nв установленный законом срок.",
        "По всем вопросам обращайтесь к специалисту А. Б. Сейтқали\nпо телефону 8 (7172) 55-12-34",
        "Өтінішті бөлім маманы А. Б. Сейтқали\nбес жұмыс күні ішінде қарады.",
    ],
)
def test_a_body_paragraph_with_a_name_at_a_lines_end_is_no_signature(paragraph):
    """A name at the end of a line of prose, with the sentence going on below, is no signature."""
    from anyq.legal.layout import layout
    from anyq.text import Paragraph

    texts = ["Уважаемая Динара Асхатовна!", paragraph, "Исп.: Қасымова Ә., тел. 74-00-00"]
    paragraphs, start = [], 0
    for i, t in enumerate(texts):
        paragraphs.append(Paragraph(i, start, start + len(t), t, "ru"))
        start += len(t) + 2
    lay = layout(paragraphs, [None] * len(paragraphs), "ru")
    assert lay.signature is None and lay.zones[1] == "body"


# ---------------------------------------------------------------------------- the reader's next step


def _decided(body: str, lang: str = "ru") -> str:
    if lang == "ru":
        return f"Уважаемый Бахыт Оразбаевич!\n\n{body}\n\nРуководитель отдела    К. Ж. Турсынбеков\nИсп.: Абдуллаева Н. С.\nТел.: 8 (72537) 2-18-44\n"
    return f"Құрметті Бақыт Оразбайұлы!\n\n{body}\n\nБөлім басшысы    Г. Мұратова\nОрынд.: Н. Серікбаева\nТел.: 8 7142 53-60-81\n"


_REFUSED_RU = "Мы не можем назначить Вашей семье адресную социальную помощь: доход семьи выше черты бедности. "
_REFUSED_KK = "Отбасыңызға атаулы әлеуметтік көмек тағайындай алмаймыз, себебі отбасыңыздың табысы кедейлік шегінен жоғары. "


@pytest.mark.parametrize(
    "text",
    [
        _decided(_REFUSED_RU + "Если Вы не согласны с решением, можете обжаловать его в акимате Сарыагашского района в течение трёх месяцев (статья 91 АППК РК)."),
        _decided(_REFUSED_KK + "Шешімімізбен келіспесеңіз, оны алған күннен бастап үш ай ішінде қала әкімдігіне шағым бере аласыз.", "kk"),
    ],
    ids=["ru", "kk"],
)
def test_a_refusal_with_its_reasons_and_the_appeal_route_needs_no_dated_step(text):
    """A final refusal with its reasons leaves the reader one way forward, the appeal: L112 asked
    such a letter for a date of something still to happen (corpora/jargon ru 014, kk 026 plain)."""
    _, has, codes = _reading(text)
    assert has["decision"] and has["reasons"] and has["appeal_route"]
    assert has["next_step"] is True and "L112" not in codes


@pytest.mark.parametrize(
    "text",
    [
        _decided(_REFUSED_RU + "Если доход семьи уменьшится, подайте заявление ещё раз."),
        _decided(_REFUSED_RU + "Когда статус появится, обратитесь к участковому врачу снова."),
        _decided("Вашу транспортную карту заблокировали 30 апреля 2026 года: закончился её срок. Получите новую карту в офисе перевозчика."),
        _decided(_REFUSED_KK + "Табысыңыз азайса, өтінішті қайта тапсырыңыз.", "kk"),
        _decided(_REFUSED_KK + "Келіспесеңіз, сотқа жүгініңіз.", "kk"),
    ],
    ids=["ru-submit-again", "ru-apply-to", "ru-done-get", "kk-submit-again", "kk-go-to-court"],
)
def test_an_instruction_to_the_reader_is_a_next_step_without_a_date(text):
    """In a decided case what the reader must do (imperative: «подайте», «обратитесь»,
    «тапсырыңыз», «жүгініңіз») is the next step, dated or not (domain notes, «Skeleton» 4)."""
    _, has, codes = _reading(text)
    assert has["decision"] is True
    assert has["next_step"] is True and "L112" not in codes


@pytest.mark.parametrize(
    "text",
    [
        # our own action promised without a date stays no next step
        _decided("Ваше заявление удовлетворено: плату за январь мы пересчитаем, когда поступят показания счётчика."),
        # a phone for questions is a contact
        _decided(_REFUSED_RU + "Вопросы можно задать Мадине Жанузаковой: 8 (72772) 4-18-26."),
        _decided(_REFUSED_RU + "Если будут вопросы, звоните Елене Юрьевне Бондаренко: 8 (7142) 57-61-02."),
        _decided(_REFUSED_KK + "Сұрағыңыз болса, Жандос Тәкеновке қоңырау шалыңыз.", "kk"),
        _decided(_REFUSED_KK + "Сұрақтарыңыз болса, бөлімге келіңіз: Абай көшесі, 24-үй.", "kk"),
        # the reader's appeal retold («… и просите …») and an apology are no instructions
        _decided("В заявлении Вы указываете, что семья живёт на одну зарплату, и просите оказать помощь. " + _REFUSED_RU + "Извините за задержку ответа."),
        # «қызыңыз» (your daughter) has the form of an imperative («қыз» is also a verb)
        _decided("Өтінішіңізге жауап: қызыңыз Айша Маратқызын № 12 мектепке ауыстыра алмаймыз, себебі онда бос орын жоқ.", "kk"),
        # a refusal with its reasons but no appeal route
        _decided(_REFUSED_RU.strip()),
    ],
    ids=["ru-our-promise", "ru-questions-to", "ru-call", "kk-call", "kk-questions-come", "ru-retold-appeal", "kk-daughter", "ru-no-route"],
)
def test_a_contact_or_an_undated_promise_of_ours_is_still_no_next_step(text):
    _, has, codes = _reading(text)
    assert has["decision"] is True
    assert has["next_step"] is False and "L112" in codes


def test_an_appointment_with_its_date_is_a_next_step():
    """«Вы записаны на приём … 14 октября в 10:30» (a participle, no future verb) got L112 where
    «Кардиолог примет Вас 14 октября …» did not (audit 4, messy #8)."""
    text = (
        "Уважаемая Гульнар Тлеубековна!\n\nВы записаны на приём к кардиологу 14 октября 2025 года в 10:30, кабинет 212. "
        "Если время Вам неудобно, позвоните в регистратуру по телефону 8 (7182) 55-19-00.\n\n"
        "Руководитель управления\t\tМ. Касымов\n\nИсп.: Жакупова Р., тел. 8 (7182) 55-18-44\n"
    )
    _, has, codes = _reading(text)
    assert has["next_step"] is True and "L112" not in codes


# ---------------------------------------------------------------------------- quote style (T106 normalises it)

_KK_STRAIGHT = (
    "Құрметті Сәуле Қайратқызы!\n\n"
    "Сіздің тұрғын үй көмегін тағайындау мәселесі бойынша өтінішіңіз қаралды.\n\n"
    'Тұрғын үй көмегі "Тұрғын үй қатынастары туралы" Қазақстан Республикасының Заңына сәйкес '
    "тағайындалады. Көмек отбасының табысы белгіленген шектен төмен болған жағдайда беріледі.\n"
)
_RU_STRAIGHT = (
    "Уважаемая Гульнара Сериковна!\n\n"
    "Ваше обращение, поступившее на имя акима города, по вопросу получения места в детском саду для Вашего сына рассмотрено.\n\n"
    "Сообщаем, что постановка на учет детей для направления в дошкольные организации осуществляется посредством портала "
    '"электронного правительства" www.egov.kz в порядке очередности согласно даты регистрации заявления. '
    "Предоставление места вне очереди законодательством не предусмотрено.\n\n"
    'По состоянию на 01.03.2026 года Ваш сын стоит в очереди под номером 215 в детский сад № 12 "Айгөлек". '
    "Выдача направлений осуществляется по мере освобождения мест.\n"
)


@pytest.mark.parametrize("text,lang", [(_KK_STRAIGHT, "kk"), (_RU_STRAIGHT, "ru")])
def test_legal_findings_do_not_depend_on_the_quote_style(text, lang):
    """T106's fix turns "…" into «…»: the legal reading must not change with it. A Kazakh law whose
    title came first in straight quotes was no citation (no L103), and a portal "…" named no body
    in Russian (L111 came and went with the quotes)."""
    guillemets = re.sub(r'"([^"]*)"', r"«\1»", text)

    def legal(t):
        return sorted((f.code, f.start, f.end) for f in anyq.check(t, lang=lang).findings if f.code.startswith("L"))

    assert legal(text) == legal(guillemets)


@pytest.mark.parametrize(
    "text,step",
    [
        (_decided(_REFUSED_RU + "Обратитесь в соответствующие органы."), False),
        (_decided(_REFUSED_RU + "Обратитесь в уполномоченный орган по месту жительства."), False),
        (_decided(_REFUSED_KK + "Тиісті органдарға жүгініңіз.", "kk"), False),
        (_decided(_REFUSED_RU + "Если не согласны, обратитесь в суд."), True),
        (_decided(_REFUSED_RU + "Если доход уменьшится, обратитесь в акимат района."), True),
        (_decided(_REFUSED_KK + "Келіспесеңіз, сотқа жүгініңіз.", "kk"), True),
    ],
    ids=["ru-the-proper-bodies", "ru-the-authorised-body", "kk-the-proper-bodies", "ru-court", "ru-akimat", "kk-court"],
)
def test_sending_the_reader_to_an_unnamed_body_is_no_next_step(text, step):
    """«Обратитесь в соответствующие органы», «Тиісті органдарға жүгініңіз» name no one to go to,
    as «рекомендуем обратиться в уполномоченный орган» does not: read as an instruction, they hid
    L112 on a refusal (audit regress4 #2). The court and a named body stay steps."""
    _, has, codes = _reading(text)
    assert has["decision"] is True
    assert has["next_step"] is step and ("L112" in codes) is not step


@pytest.mark.parametrize(
    "sentence",
    [
        "Ваш дом подлежал сносу в 2019 году, но снесён не был, так как средства не выделили.",
        "Ваш дом подлежал сносу 10 марта 2019 года, но снесён не был, так как средства не выделили.",
        "Ваш дом входил в перечень домов, подлежавших сносу в 2019 году, но средства не выделили.",
        "Ваш дом должен был быть снесён в 2019 году, но средства не выделили.",
    ],
    ids=["was-due", "was-due-on-a-date", "past-participle", "should-have-been"],
)
def test_an_obligation_in_the_past_with_its_date_is_no_next_step(sentence):
    """«Ваш дом подлежал сносу в 2019 году» tells a past fact: the modal «подлежать», «должен» was
    read without its tense, and the sentence became a dated next step that hid L112 (audit regress4 #3)."""
    text = (
        "Уважаемый Андрей Николаевич!\n\nНа Ваше обращение о сносе дома № 5 по ул. Абая сообщаем следующее.\n\n"
        f"{sentence}\n\nЕсли вы не согласны с ответом, его можно обжаловать в акимат города или в суд.\n\n"
        "Руководитель отдела          С. Оспанов\n\nИсп.: Ахметова Д. К.\nТел. 8 (7132) 56-71-12\n"
    )
    _, has, codes = _reading(text, kind="reply")
    assert has["next_step"] is False and "L112" in codes


@pytest.mark.parametrize(
    "sentence,decided",
    [
        ("Ваш номер в очереди — 46.", True),
        ("Вы стоите в очереди на арендное жильё под номером 312.", True),
        # a service number stays no fact of the case
        ("Справки о месте в очереди можно получить по номеру 1414.", False),
        ("Справки о месте в очереди даёт номер телефона 109.", False),
    ],
    ids=["number-in-the-queue", "under-the-number", "by-the-number", "phone-number"],
)
def test_a_place_in_the_queue_is_a_fact_of_the_case(sentence, decided):
    """«Ваш номер в очереди — 46» is the README's own direct answer: «номер … 46» was blanked as
    a service number, and the plain reply got L110 «нет решения» (audit regress4 #4)."""
    text = (
        "Уважаемый Андрей Николаевич!\n\nВы спросили, на каком месте стоите в очереди на арендное жильё.\n\n"
        f"{sentence}\n\nЕсли вы не согласны с ответом, его можно обжаловать в акимат города или в суд.\n\n"
        "Руководитель отдела          С. Оспанов\n\nТел. 8 (7132) 56-71-12\n"
    )
    _, has, codes = _reading(text, kind="reply")
    assert has["decision"] is decided and ("L110" in codes) is not decided


def test_evasive_reply_is_in_the_letters_language_in_a_bilingual_letter():
    """A bilingual «отписка», Kazakh first: L120 took the first body sentence's language and was
    Kazakh beside a Russian L110–L114 on the same line (audit letters5 #1). All of them are in
    the letter's language, that of most of the body (README §Reply completeness)."""
    text = (
        "Құрметті Асхат Ерланұлы!\n\nӨтінішіңіз қаралып, мынаны хабарлаймыз. Сіздің мәселеңіз орталықтың бақылауында.\n\n"
        "Уважаемый Асхат Ерланович!\n\nРассмотрев Ваше обращение о трудоустройстве, сообщаем следующее. "
        "Ваш вопрос находится на контроле центра занятости.\n"
    )
    r = anyq.check(text)
    langs = {f.code: f.language for f in r.findings if f.code in ("L110", "L112", "L113", "L114", "L120")}
    assert set(langs) == {"L110", "L112", "L113", "L114", "L120"}
    assert set(langs.values()) == {"ru"}


def test_kazakh_review_of_your_appeal_on_a_condition_is_a_promise_without_a_date():
    """«Құжаттар түскен жағдайда өтінішіңіз қаралады» promises the reader's case a review with no
    date, as «будет рассмотрено» does; only «қаралатын болады» was read as one (audit letters5
    kk01). A review with a date, and a rule about appeals in general, are no such promise."""
    head = "Құрметті Бақытжан Серікұлы!\n\nЗейнетақыны қайта есептеу туралы өтінішіңізді алдық. "
    sign = "\n\nФилиал директоры    Ж. Оспанов\nОрынд.: Н. Серікбаева\nТел.: 8 7262 43-60-81\n"
    promise = anyq.check(head + "Қажетті құжаттар түскен жағдайда өтінішіңіз қосымша қаралады." + sign)
    assert [f.text for f in promise.findings if f.code == "L122"] == ["өтінішіңіз қосымша қаралады"]
    dated = anyq.check(head + "Мұрағаттан анықтама келді, өтінішіңіз 2026 жылғы 1 желтоқсанға дейін қаралады." + sign)
    assert "L122" not in _codes(dated)
    rule = anyq.check(head + "Өтініштер 15 жұмыс күні ішінде қаралады." + sign)
    assert "L122" not in _codes(rule)


@pytest.mark.parametrize(
    ("refusal", "placeholder", "body"),
    [
        (
            "Уважаемая Алия Сериковна!\n\nВ переводе сына в школу № 56 Вам отказано: свободных мест в 5 классе нет.",
            "[вышестоящий орган]",
            "управление образования Акмолинской области",
        ),
        (
            "Құрметті Әйгерім Дәуренқызы!\n\nЖалдамалы пәтер беруден бас тартылды: Сіз есепте тұрмайсыз.",
            "[жоғары тұрған органға]",
            "Ақмола облысының мәдениет басқармасына",
        ),
    ],
)
def test_the_appeal_route_l113_advises_satisfies_l113_and_is_no_long_sentence(refusal, placeholder, body):
    # an audit found the Kazakh pattern always a C101 (22–24 words against 18): following L113 tripped C101
    letter = f"{refusal}\n\nБөлім басшысы    Р. С. Жамбылова"
    [l113] = [f for f in anyq.check(letter).findings if f.code == "L113"]
    pattern = re.search(r"«(.+)»", l113.advice).group(1)
    assert placeholder in pattern
    added = pattern.replace(placeholder, body)
    fixed = anyq.check(f"{refusal}\n\n{added}\n\nБөлім басшысы    Р. С. Жамбылова")
    assert [f.code for f in fixed.findings if f.code in ("L113", "C101")] == []


# ---------------------------------------------------------------------------- bilingual replies (L124)

# The whole reply in Kazakh, then in Russian; the Kazakh half does not say how to appeal
BILINGUAL_KK_NO_ROUTE = (
    "«Шымкент қаласының энергетика және тұрғын үй-коммуналдық шаруашылық бөлімі» ММ\nГУ «Отдел энергетики и жилищно-коммунального хозяйства города Шымкент»\n\n"
    "Шығ. № / Исх. № 07-14/2290, 02.10.2026\n\n"
    "Құрметті Бауыржан Асқарұлы!\n\n"
    "Байтерек көшесіндегі көше жарығы туралы өтінішіңіз бойынша хабарлаймыз. Көшеде 18 шам орнатылады, жұмысты мердігер 2026 жылғы 20 қазанға дейін аяқтайды. Шамдар бұрын орнатылмаған, себебі көше 2025 жылы ғана қала шекарасына кірді және оның жарығы биылғы бюджетке енгізілді.\n\n"
    "Уважаемый Бауыржан Аскарович!\n\n"
    "Сообщаем по Вашему обращению об освещении улицы Байтерек. На улице установят 18 фонарей, подрядчик закончит работы до 20 октября 2026 года. Фонарей не было, потому что улица вошла в черту города только в 2025 году и её освещение включили в бюджет этого года. Если Вы не согласны с ответом, его можно обжаловать в акимат города в течение трёх месяцев (ст. 91, 92 АППК РК).\n\n"
    "Бөлім басшысы / Руководитель отдела    Е. С. Тұрсынов\n\n"
    "Орынд. / Исп.: Ж. Әбілова\nТел.: 8 (7252) 30-15-77\n"
)

# Russian first: the Russian half only retells how the allowance is paid; the Kazakh half grants it
BILINGUAL_RU_NO_DECISION = (
    "Уважаемая Сауле Ермековна!\n\n"
    "Ваше обращение о выплате пособия по уходу за ребёнком до полутора лет рассмотрено. Сообщаем, что пособие выплачивается Государственным фондом социального страхования ежемесячно. Размер пособия зависит от Вашего дохода за последние два года. Сведения о выплатах Вы можете получить в личном кабинете на портале «электронного правительства».\n\n"
    "Құрметті Сәуле Ермекқызы!\n\n"
    "Бала бір жарым жасқа толғанға дейін оның күтіміне байланысты жәрдемақы төлеу туралы өтінішіңіз қанағаттандырылды: жәрдемақы Сізге 2026 жылғы 1 қарашадан бастап тағайындалды, алғашқы төлем 25 қарашаға дейін түседі. Жәрдемақы мөлшері соңғы екі жылдағы табысыңызға байланысты, сондықтан ай сайын 86 400 теңге болады.\n\n"
    "Басқарма басшысы / Руководитель управления    Қ. Б. Нұрмағамбетова\n\n"
    "Орынд. / Исп.: А. Сейітова\nТел.: 8 (7172) 74-00-31\n"
)


def test_a_half_that_lacks_what_the_other_half_says_is_flagged_in_its_own_language():
    """The letter as one has an appeal route, so L113 is silent, but the Kazakh reader's half has
    none: L124 says so in Kazakh, on the Kazakh half's last sentence (where the route would go)."""
    r, has, codes = _reading(BILINGUAL_KK_NO_ROUTE)
    assert has["appeal_route"] and "L113" not in codes
    halves = r.extra["reply"]["halves"]
    assert [h["language"] for h in halves] == ["kk", "ru"]
    assert halves[0]["has"]["appeal_route"] is False and halves[1]["has"]["appeal_route"] is True
    found = [f for f in r.findings if f.code == "L124"]
    assert [(f.language, f.text) for f in found] == [
        ("kk", "Шамдар бұрын орнатылмаған, себебі көше 2025 жылы ғана қала шекарасына кірді және оның жарығы биылғы бюджетке енгізілді.")
    ]
    assert "шағымдану тәртібі" in found[0].message


def test_a_russian_half_without_the_decision_is_flagged_at_its_start():
    """The Kazakh half grants the allowance with its date; the Russian half, read first by a
    Russian reader, decides nothing and gives no step: one Russian finding naming both, on the
    Russian half's first sentence."""
    r, has, codes = _reading(BILINGUAL_RU_NO_DECISION)
    assert has["decision"] and "L110" not in codes
    found = [f for f in r.findings if f.code == "L124"]
    assert len(found) == 1 and found[0].language == "ru"
    assert found[0].text.startswith("Ваше обращение о выплате пособия")
    assert "решения по обращению и следующего шага" in found[0].message


def test_the_bilingual_example_letter_has_two_complete_halves():
    """corpora/examples/mixed_kk_ru_housing.txt: Kazakh then Russian under one bilingual
    letterhead and signature; each half answers in full, so nothing is flagged."""
    from pathlib import Path

    path = Path(__file__).parent.parent / "corpora" / "examples" / "mixed_kk_ru_housing.txt"
    r = anyq.check(path.read_text(encoding="utf-8"))
    halves = r.extra["reply"]["halves"]
    assert [h["language"] for h in halves] == ["kk", "ru"]
    assert all(all(h["has"].values()) for h in halves)
    assert "L124" not in _codes(r)


def test_a_russian_reply_with_a_kazakh_line_has_no_halves():
    """A Kazakh line in a Russian reply is no Kazakh reply: it is not read as a half, though it
    says nothing of an appeal."""
    text = (
        "Уважаемый Нурлан Серикович!\n\nНа Ваше обращение о ремонте моста через реку Шаган сообщаем: мост включён в план "
        "ремонта на 2027 год. Работы начнутся в мае 2027 года и закончатся до 1 октября 2027 года, потому что проект уже "
        "прошёл экспертизу 14 сентября 2026 года. Если Вы не согласны с ответом, его можно обжаловать в акимат области в "
        "течение трёх месяцев (ст. 91, 92 АППК РК).\n\nКөпір жөндеу жұмыстары 2027 жылғы мамырда басталады, ауыл "
        "тұрғындары жиналыста бұл туралы хабардар етілді.\n\nАким сельского округа    Б. Т. Жолдыбаев\n\n"
        "Исп.: Оспанова А.\nТел.: 8 (7122) 27-41-09\n"
    )
    r = anyq.check(text)
    assert "halves" not in r.extra["reply"] and "L124" not in _codes(r)


def test_the_second_halfs_greeting_is_no_opening_paragraph():
    """The Russian half answers with a fact of the case in its opening paragraph («маршрут снова
    будет работать с 2 марта»), which is the direct answer only there: the half's own greeting
    was taken for its opening paragraph, and the Russian half was flagged for no decision."""
    text = (
    "Құрметті Ерлан Ризабекұлы!\n\n"
    "№ 14 автобус бағыты 2026 жылғы 2 наурыздан бастап бұрынғы сызбасымен қайта жұмыс істейді: Құнай шағын ауданынан темір жол вокзалына дейін, таңғы 6:30-дан кешкі 22:00-ге дейін. Бағыт жабылған еді, себебі 2026 жылғы 12 қаңтарда тасымалдаушы одан бас тартты. Жаңа тасымалдаушы 16 ақпандағы конкурс қорытындысы бойынша анықталды. Жауаппен келіспеген жағдайда, оны алған күннен бастап үш ай ішінде қала әкімдігіне шағым бере аласыз (ҚР ӘРПК-нің 91, 92-баптары).\n\n"
    "Уважаемый Ерлан Ризабекович!\n\n"
    "Автобусный маршрут № 14 снова будет работать с 2 марта 2026 года по прежней схеме: от мкр. Кунай до железнодорожного вокзала, с 6:30 до 22:00.\n\n"
    "Маршрут закрывали, потому что 12 января 2026 года перевозчик от него отказался. Нового перевозчика определили по итогам конкурса 16 февраля. Если Вы не согласны с ответом, его можно обжаловать в акимат города в течение трёх месяцев (ст. 91, 92 АППК РК).\n\n"
    "Бөлім басшысы / Руководитель отдела    А. Ж. Каримов\n\n"
    "Орынд. / Исп.: Ли В.\nТел.: 8 (7142) 53-22-70\n"
)
    r = anyq.check(text)
    assert [h["has"]["decision"] for h in r.extra["reply"]["halves"]] == [True, True]
    assert "L124" not in _codes(r)


def _sentences(*blocks):
    from anyq.legal.layout import Sentence

    return [Sentence(0, 0, "", lang, i, "body", words=n) for i, (lang, n) in enumerate(blocks)]


@pytest.mark.parametrize(
    "blocks,cut",
    [
        ((("kk", 20), ("kk", 15), ("ru", 25), ("ru", 20)), (2, "kk", "ru")),
        ((("ru", 45), ("kk", 35)), (1, "ru", "kk")),
        # a stray Russian sentence in the Kazakh half does not break it
        ((("kk", 25), ("ru", 4), ("kk", 20), ("ru", 50)), (3, "kk", "ru")),
        # too few Kazakh words (a Kazakh line or two), or too small a share of the letter
        ((("kk", 25), ("ru", 60)), None),
        ((("ru", 150), ("kk", 35)), None),
        # the languages alternate: no two halves
        ((("kk", 40), ("ru", 40), ("kk", 40), ("ru", 40)), None),
    ],
    ids=["kk-ru", "ru-kk", "stray-sentence", "kazakh-lines", "small-share", "alternating"],
)
def test_two_language_halves(blocks, cut):
    from anyq.legal.halves import split

    assert split(_sentences(*blocks), {"ru": 40, "kk": 30}, 0.25, 0.85) == cut


def test_a_reason_or_a_term_given_in_a_table_row_counts(tmp_path):
    """A reply that gives its reason or its term as a table's label and value: «Бас тарту негізі
    | Анықтаманың болмауы», «Срок исполнения | 15 апреля 2026 года». The cells were never read
    as reasons (L111) or as a next step with its date (L112)."""
    from docgen import Letter, write_docx

    kk = Letter(paragraphs=[
        "Құрметті Айгерім Болатқызы!",
        "Тұрғын үй көмегін тағайындау туралы өтінішіңіз қаралды. Тұрғын үй көмегін тағайындаудан бас тартылды.",
        "Шешіммен келіспесеңіз, оған Астана қаласының жұмыспен қамту басқармасына үш ай ішінде шағым жасай аласыз.",
        "Бөлім басшысы                Ә. С. Бекова",
    ], table=[["Бас тарту негізі", "Соңғы үш айдағы отбасы табысы туралы анықтаманың болмауы"]], table_after=2)
    r = anyq.check_file(str(write_docx(kk, tmp_path / "kk.docx")))
    assert r.extra["reply"]["has"]["reasons"] is True and "L111" not in _codes(r)
    # the value's cell is the evidence, not its label
    assert r.source_text.splitlines()[r.extra["reply"]["evidence"]["reasons"] - 1].startswith("Соңғы үш айдағы")
    # a label of its own words only: «Негізгі мәліметтер» (the main data) names no reason
    kk.table = [["Негізгі мәліметтер", "Соңғы үш айдағы отбасы табысы туралы анықтаманың болмауы"]]
    assert "L111" in _codes(anyq.check_file(str(write_docx(kk, tmp_path / "main.docx"))))

    # a column's header over its values, in an HTML page
    page = (
        "<p>Құрметті Айгерім Болатқызы!</p><p>Тұрғын үй көмегін тағайындау туралы өтінішіңіз қаралды.</p>"
        "<table><tr><th>Шешім</th><th>Бас тарту негізі</th></tr>"
        "<tr><td>Көмек тағайындаудан бас тартылды</td><td>Отбасы табысы туралы анықтаманың болмауы</td></tr></table>"
        "<p>Шешіммен келіспесеңіз, оған Астана қаласының жұмыспен қамту басқармасына үш ай ішінде шағым жасай аласыз.</p>"
        "<p>Бөлім басшысы Ә. С. Бекова</p>"
    )
    path = tmp_path / "kk.html"
    path.write_text(page, encoding="utf-8")
    r = anyq.check_file(str(path))
    assert r.extra["reply"]["has"]["reasons"] is True and "L111" not in _codes(r)

    # a term's row in Markdown: the date in the value is the next step's
    md = (
        "Уважаемый Нурлан Серикович!\n\n"
        "Ваша заявка на ремонт кровли дома № 14 по улице Жансугурова удовлетворена.\n\n"
        "| Работы | Срок исполнения |\n|---|---|\n| Замена кровли над третьим подъездом | 15 апреля 2026 года |\n\n"
        "Руководитель отдела                    Н. Сарсенов\n"
    )
    r = anyq.check(md, format="md")
    assert r.extra["reply"]["has"]["next_step"] is True and "L112" not in _codes(r)
    # a date under any other header is a fact, no term
    r = anyq.check(md.replace("Срок исполнения", "Дата обследования"), format="md")
    assert r.extra["reply"]["has"]["next_step"] is False and "L112" in _codes(r)
