"""The reply reading's next step, redirects and decisions (src/anyq/legal/reply.py): the Kazakh
«you will do» instruction, a month without its day as a date, the reader sent by an imperative to
an unnamed body (L121), and a refusal called positive (L123)."""

from __future__ import annotations

import pytest

import anyq


def _letter(body: str, lang: str = "ru") -> str:
    if lang == "ru":
        return f"Уважаемый Бахыт Оразбаевич!\n\n{body}\n\nРуководитель отдела    К. Ж. Турсынбеков\nИсп.: Абдуллаева Н. С.\nТел.: 8 (72537) 2-18-44\n"
    return f"Құрметті Бақыт Оразбайұлы!\n\n{body}\n\nБөлім басшысы    Г. Мұратова\nОрынд.: Н. Серікбаева\nТел.: 8 7142 53-60-81\n"


def _reading(text: str):
    r = anyq.check(text)
    return r, r.extra["reply"]["has"], {f.code for f in r.findings}


_REFUSED_RU = "Мы не можем назначить Вашей семье адресную социальную помощь: доход семьи выше черты бедности. "
_REFUSED_KK = "Отбасыңызға атаулы әлеуметтік көмек тағайындай алмаймыз, себебі отбасыңыздың табысы кедейлік шегінен жоғары. "
_GRANTED_KK = "Өтінішіңіз қанағаттандырылды: бағбандық серіктестіктегі учаскеңізді жеке үй салатын жерге ауыстыра аласыз. "


@pytest.mark.parametrize(
    "body",
    [
        _GRANTED_KK + "Ол үшін халыққа қызмет көрсету орталығы арқылы жердің нысаналы мақсатын өзгертуге өтініш бересіз.",
        _GRANTED_KK + "Өтінішке учаскенің сәйкестендіру құжатының көшірмесін қосасыз.",
        _REFUSED_KK + "Табысыңыз азайса, құжаттарды ХҚКО-ға қайта тапсырасыз.",
    ],
    ids=["submit", "attach", "hand-in-again"],
)
def test_kazakh_you_will_do_is_the_readers_next_step(body):
    """«… өтініш бересіз», «құжаттарды ХҚКО-ға тапсырасыз»: Kazakh letters list the reader's
    steps in the second person of the present-future, as the imperative «тапсырыңыз» does; after
    a decision they need no date (corpora/jargon kk 018, 031, 049 plain kept L112)."""
    _, has, codes = _reading(_letter(body, "kk"))
    assert has["decision"] is True
    assert has["next_step"] is True and "L112" not in codes


@pytest.mark.parametrize(
    "body",
    [
        # what the reader may do («can»), as the Russian «можете»
        _REFUSED_KK + "Дәрігердің қабылдауына электрондық үкімет порталы арқылы жазыла аласыз.",
        # a state of the reader, not a step
        _REFUSED_KK + "Қазір Сіз кезекте 46-орында тұрасыз.",
        # the appeal retold
        _REFUSED_KK + "Өтінішіңізде көмекті қайта есептеуді сұрайсыз.",
        # negated: what the reader does not do
        _REFUSED_KK + "Бұл көмекті енді алмайсыз.",
    ],
    ids=["can", "state", "retold-appeal", "negated"],
)
def test_kazakh_second_person_present_that_is_no_step(body):
    _, has, codes = _reading(_letter(body, "kk"))
    assert has["decision"] is True
    assert has["next_step"] is False and "L112" in codes


@pytest.mark.parametrize(
    "body,lang",
    [
        ("Ваш двор включён в план благоустройства. Двор заасфальтируют во втором квартале 2026 года.", "ru"),
        ("Ваш двор включён в план благоустройства. Двор заасфальтируют до конца второго квартала.", "ru"),
        ("Ауласыңыз абаттандыру жоспарына енгізілді. Ауланы наурыз айында асфальттаймыз.", "kk"),
        ("Ауласыңыз абаттандыру жоспарына енгізілді. Ауланы сәуірде асфальттаймыз.", "kk"),
        ("Ауласыңыз абаттандыру жоспарына енгізілді. Ауланы 2026 жылдың екінші тоқсанында асфальттаймыз.", "kk"),
        ("Ауласыңыз абаттандыру жоспарына енгізілді. Ауланы екінші тоқсанда асфальттаймыз.", "kk"),
        ("Ауласыңыз абаттандыру жоспарына енгізілді. Жұмысты мамыр айының соңына дейін аяқтаймыз.", "kk"),
        # already dated before: the Russian month with a preposition, the Kazakh one with its year
        ("Ваш двор включён в план благоустройства. Двор заасфальтируют в марте 2026 года.", "ru"),
        ("Ваш двор включён в план благоустройства. Двор заасфальтируют до конца мая.", "ru"),
        ("Ауласыңыз абаттандыру жоспарына енгізілді. Ауланы 2026 жылғы сәуірде асфальттаймыз.", "kk"),
    ],
    ids=["ru-ordinal-quarter", "ru-end-of-quarter", "kk-month-ai", "kk-month-locative", "kk-quarter-with-year",
         "kk-quarter", "kk-end-of-month", "ru-in-march", "ru-end-of-may", "kk-year-month"],
)
def test_a_month_or_a_quarter_without_its_day_dates_a_promise(body, lang):
    """«наурыз айында», «сәуірде», «во втором квартале 2026 года» are the term of a promise, as «в
    марте» was: our own action with such a term is a next step (kk 019, 027, 046 plain)."""
    _, has, codes = _reading(_letter(body, lang))
    assert has["next_step"] is True and "L112" not in codes


def test_a_season_is_no_month():
    """«маусым» is June and a season: «жылыту маусымында» dates nothing."""
    body = "Ауласыңыз абаттандыру жоспарына енгізілді. Ауланы жылыту маусымында асфальттаймыз."
    _, has, codes = _reading(_letter(body, "kk"))
    assert has["next_step"] is False and "L112" in codes


@pytest.mark.parametrize(
    "body,lang,match",
    [
        (_REFUSED_RU + "Обратитесь в соответствующие органы.", "ru", "Обратитесь в соответствующие органы"),
        (_REFUSED_RU + "Обратитесь в уполномоченный орган по месту жительства.", "ru", "Обратитесь в уполномоченный орган"),
        (_REFUSED_KK + "Тиісті органдарға жүгініңіз.", "kk", "Тиісті органдарға жүгініңіз"),
        (_REFUSED_RU + "Обратитесь в ЦОН района Алатау.", "ru", None),
        (_REFUSED_RU + "Обратитесь в соответствующие органы акимата Алатауского района.", "ru", None),
        (_REFUSED_RU + "Если не согласны, обратитесь в суд.", "ru", None),
        (_REFUSED_KK + "Келіспесеңіз, сотқа жүгініңіз.", "kk", None),
    ],
    ids=["ru-proper-bodies", "ru-authorised-body", "kk-proper-bodies", "ru-named", "ru-named-after", "ru-court", "kk-court"],
)
def test_an_imperative_to_an_unnamed_body_is_a_redirect_without_body(body, lang, match):
    """«Обратитесь в соответствующие органы» names no one to go to, as «рекомендуем обратиться в
    уполномоченный орган» (L121) does not: L121 fired on that shape only. A named body and the
    court stay steps, with no L121."""
    r, _, _ = _reading(_letter(body, lang))
    found = [f.text for f in r.findings if f.code == "L121"]
    assert found == ([match] if match else [])


@pytest.mark.parametrize(
    "body,lang,match",
    [
        (_REFUSED_RU + "Ваше обращение считается рассмотренным положительно.", "ru", "считается рассмотренным положительно"),
        (_REFUSED_RU + "Ваше обращение считается удовлетворённым.", "ru", "считается удовлетворённым"),
        ("В выделении участка Вам отказано, так как свободных участков нет. Обращение рассмотрено положительно.", "ru", "рассмотрено положительно"),
        (_REFUSED_KK + "Өтінішіңіз оң шешілді деп есептеледі.", "kk", "оң шешілді деп есептеледі"),
        (_REFUSED_KK + "Өтініш қанағаттандырылды деп есептеледі.", "kk", "қанағаттандырылды деп есептеледі"),
        # a real grant, in part or after a refusal undone or of before, is called positive rightly
        ("Ваше заявление удовлетворено: помощь назначена с 1 марта 2026 года. Ваше обращение считается рассмотренным положительно.", "ru", None),
        ("Ваша жалоба удовлетворена: решение отдела об отказе в помощи отменено. Жалоба считается рассмотренной положительно.", "ru", None),
        ("Ранее Вам было отказано в помощи, так как не было справки. Справка получена, помощь назначена с 1 марта 2026 года. "
         "Обращение считается рассмотренным положительно.", "ru", None),
        ("Ваше заявление удовлетворено частично: помощь назначена, в компенсации проезда отказано, так как проезд не входит в перечень. "
         "Обращение считается рассмотренным положительно.", "ru", None),
        ("Өтінішіңіз қанағаттандырылды: көмек 2026 жылғы 1 наурыздан бастап тағайындалды. Өтінішіңіз оң шешілді деп есептеледі.", "kk", None),
        # no claim of a positive answer: negated, or «рассмотрено» alone; a warning, not a refusal
        (_REFUSED_RU + "Ваше обращение не может считаться рассмотренным положительно.", "ru", None),
        (_REFUSED_RU + "Ваше обращение считается рассмотренным.", "ru", None),
        ("Если справку не представите, в назначении будет отказано. Ваше обращение считается рассмотренным положительно.", "ru", None),
    ],
    ids=["ru-deemed-positive", "ru-deemed-granted", "ru-positive", "kk-deemed-positive", "kk-deemed-granted",
         "ru-granted", "ru-refusal-undone", "ru-refused-before", "ru-partly", "kk-granted", "ru-negated", "ru-deemed-considered",
         "ru-warning"],
)
def test_a_refusal_called_positive_contradicts_itself(body, lang, match):
    """«Ваше обращение считается рассмотренным положительно» after «отказано» tells two decisions
    and reports a burdensome act (АППК ст. 4) as granted: L123. Never on a reply that grants."""
    r, _, _ = _reading(_letter(body, lang))
    found = [f.text for f in r.findings if f.code == "L123"]
    assert found == ([match] if match else [])


@pytest.mark.parametrize(
    "body,lang",
    [
        ("На Ваше обращение о назначении выплаты сообщаем, что пособия выплачиваются по Социальному кодексу.", "ru"),
        ("По Вашему заявлению о включении в список очередников сообщаем, что списки ведёт акимат района.", "ru"),
        ("Сіздің балаңызды № 47 мектепке ауыстыру мәселесі бойынша өтінішіңіз қаралып, төмендегіні хабарлаймыз.\n\n"
         "Бос орын пайда болған кезде өтінішіңіз қайта қаралатын болады.", "kk"),
    ],
    ids=["ru-subject-noun", "ru-subject-noun-inclusion", "kk-formula-with-a-number"],
)
def test_a_formula_that_names_the_appeals_subject_is_no_decision(body, lang):
    """«… о назначении выплаты сообщаем, что …»: the outcome cue «назначен*» took the noun of the
    appeal's subject; «өтінішіңіз қаралып, төмендегіні хабарлаймыз» was no formula, so «№ 47»
    became a fact of the case. Both read as the decision: L111 instead of L110 (audit letters5 #2)."""
    _, has, codes = _reading(_letter(body, lang))
    assert has["decision"] is False
    assert "L110" in codes and "L111" not in codes


@pytest.mark.parametrize(
    "body",
    [
        "По Вашему заявлению Вам назначена выплата с 1 марта 2026 года, так как доход семьи ниже черты бедности.",
        "Ваша семья включена в список очередников с 1 марта 2026 года, так как доход семьи ниже черты бедности.",
    ],
    ids=["granted", "included"],
)
def test_the_participle_of_an_outcome_still_decides(body):
    _, has, codes = _reading(_letter(body))
    assert has["decision"] is True and "L110" not in codes


_COMPLAINT_RU = "Жалоба подтвердилась: в аптеке не было инсулина, потому что поставщик сорвал поставку."
_COMPLAINT_KK = "Шағым расталды: дәріханада инсулин болмады, себебі жеткізуші жеткізуді бұзды."


@pytest.mark.parametrize(
    "body,lang",
    [
        (_COMPLAINT_RU + "\n\nВы записаны к эндокринологу 25 ноября 2026 года в 10:30.", "ru"),
        (_COMPLAINT_RU + "\n\nВаша мама записана к терапевту поликлиники № 4 на 25 ноября 2026 года в 10:30.", "ru"),
        (_COMPLAINT_KK + "\n\nСіз 2026 жылғы 25 қарашада сағат 10:30-ға эндокринологқа жазылдыңыз.", "kk"),
        (_COMPLAINT_KK + "\n\nСіз 2026 жылғы 25 қарашада сағат 10:30-ға дәрігерге жазылдыңыз.", "kk"),
    ],
    ids=["ru-to-the-endocrinologist", "ru-mother-to-the-therapist", "kk-to-the-endocrinologist", "kk-to-the-doctor"],
)
def test_an_appointment_with_the_doctor_is_a_next_step(body, lang):
    """«Вы записаны к эндокринологу 25 ноября в 10:30» is the appointment «Вы записаны на приём к
    кардиологу 14 октября в 10:30» is: only the latter was read as a next step (audit letters5 #3)."""
    _, has, codes = _reading(_letter(body, lang))
    assert has["next_step"] is True and "L112" not in codes


@pytest.mark.parametrize(
    "body,lang",
    [
        ("Вы стоите в очереди на арендное жильё под номером 418. "
         "В 2026 году жильё получили заявители до номера 356, следующий дом сдадут в марте 2027 года.", "ru"),
        ("Сіз жалға берілетін тұрғын үй кезегінде 418-орындасыз. "
         "2026 жылы 356 нөмірге дейінгі өтініш берушілер тұрғын үй алды, келесі үй 2027 жылғы наурызда тапсырылады.", "kk"),
    ],
    ids=["ru", "kk"],
)
def test_a_past_fact_beside_a_future_clause_is_a_reason(body, lang):
    """«… получили заявители до номера 356, следующий дом сдадут в марте 2027 года»: the future
    clause made the whole sentence no reason, and the reply got a false L111 (audit letters5 #4)."""
    _, has, codes = _reading(_letter(body, lang))
    assert has["reasons"] is True and "L111" not in codes


@pytest.mark.parametrize(
    "body,lang",
    [
        ("Вы спросили, какой у Вас номер в очереди на арендное жильё.\n\nВаш номер — 418.", "ru"),
        ("Сіз жалға берілетін тұрғын үй кезегіндегі орныңызды сұрадыңыз.\n\nСіздің нөміріңіз – 377.", "kk"),
    ],
    ids=["ru", "kk"],
)
def test_the_readers_own_number_is_no_phone(body, lang):
    """«Ваш номер — 418», «Сіздің нөміріңіз – 377» were blanked as a hotline number, so the
    direct answer was no fact of the case (audit letters5 #4)."""
    _, has, codes = _reading(_letter(body, lang))
    assert has["decision"] is True and "L110" not in codes


@pytest.mark.parametrize(
    "body,lang",
    [
        ("Ваше сообщение о шуме в квартире № 14 принято. Участковый инспектор проверит квартиру "
         "в течение 24 часов и составит протокол, если нарушение подтвердится.", "ru"),
        ("Пәтердегі шу туралы хабарламаңыз қабылданды. Учаскелік инспектор пәтерді 24 сағат ішінде "
         "тексереді және бұзушылық расталса, хаттама толтырады.", "kk"),
    ],
    ids=["ru", "kk"],
)
def test_a_term_in_hours_dates_a_promise(body, lang):
    """«в течение 24 часов» / «24 сағат ішінде» is the term of a police or utility call-out: the
    promise has its date, as «в течение 5 рабочих дней» has (audit letters5, design gaps)."""
    _, has, codes = _reading(_letter(body, lang))
    assert has["next_step"] is True and "L112" not in codes and "L122" not in codes


def test_a_kazakh_formula_that_names_the_appeals_subject_is_no_decision():
    """«… жәрдемақы тағайындау туралы өтінішіңіз қаралды»: the verbal noun of the appeal's
    subject matched the outcome cue «тағайында*» and read as the decision (the Kazakh form of
    audit letters5 #2); the finite verb still decides."""
    _, has, codes = _reading(_letter("Сіздің бала күтімі бойынша жәрдемақы тағайындау туралы өтінішіңіз қаралды.", "kk"))
    assert has["decision"] is False and "L110" in codes
    _, has, _ = _reading(_letter("Сізге 2026 жылғы 1 наурыздан бастап бала күтімі бойынша жәрдемақы тағайындалды.", "kk"))
    assert has["decision"] is True


_ROAD_RU = "Ваше обращение о ямах на дороге по улице Жамбыла рассмотрено. "
_ROAD_KK = "Жамбыл көшесіндегі жолдың шұңқырлары туралы өтінішіңіз қаралды. "


@pytest.mark.parametrize(
    "body,lang",
    [
        (_ROAD_RU + "Ремонт дороги включён в план на 2027 год.", "ru"),
        (_ROAD_RU + "Средний ремонт улицы Жамбыла запланирован на 2027 год.", "ru"),
        (_ROAD_RU + "На 2027 год в бюджете города предусмотрены средства на ремонт улицы.", "ru"),
        (_ROAD_RU + "Подрядчик отремонтирует дорогу в конце 2027 года.", "ru"),
        (_ROAD_KK + "Жамбыл көшесін жөндеу 2027 жылға жоспарланды.", "kk"),
        (_ROAD_KK + "Көшені жөндеу 2027 жылғы жоспарға енгізілді.", "kk"),
        # already dated before: the year with «в», «до конца», «жылы», «жылдың соңына дейін»
        (_ROAD_RU + "Работы будут выполнены в 2027 году.", "ru"),
        (_ROAD_RU + "Дорогу отремонтируют до конца 2027 года.", "ru"),
        (_ROAD_KK + "Жөндеу жұмыстары 2027 жылы жүргізіледі.", "kk"),
        (_ROAD_KK + "Көшені 2027 жылдың соңына дейін жөндейміз.", "kk"),
    ],
    ids=["ru-in-the-plan-for", "ru-planned-for", "ru-provided-for", "ru-end-of-year", "kk-planned-for", "kk-in-the-plan-of",
         "ru-in-year", "ru-by-end-of-year", "kk-in-year", "kk-by-end-of-year"],
)
def test_a_year_without_a_day_dates_a_plan(body, lang):
    """«включён в план на 2027 год», «2027 жылға жоспарланды»: a plan for a year says what will be
    done and when, though its verb is a participle, as «в 2027 году» with a future verb does; «в
    конце 2027 года» is a part of the year as «до конца 2027 года» is."""
    _, has, codes = _reading(_letter(body, lang))
    assert has["next_step"] is True and "L112" not in codes


@pytest.mark.parametrize(
    "body,lang",
    [
        (_ROAD_RU + "В 2019 году на улице было проведено освещение.", "ru"),
        (_ROAD_RU + "Ремонт дороги был включён в план на 2019 год.", "ru"),
        (_ROAD_RU + "Ремонт дороги не включён в план на 2027 год.", "ru"),
        (_ROAD_RU + "На 2027 год ремонт улицы не запланирован.", "ru"),
        (_ROAD_RU + "Улица включена в перечень дорог района в 2019 году.", "ru"),
        (_ROAD_KK + "2019 жылы көшеге жарық орнатылды.", "kk"),
        (_ROAD_KK + "Көшені жөндеу 2019 жылға жоспарланған болатын.", "kk"),
        (_ROAD_KK + "Көшені жөндеу 2027 жылға жоспарланбаған.", "kk"),
        (_ROAD_KK + "Көше 2019 жылғы 5 наурызда аудан жолдарының тізіміне енгізілді.", "kk"),
    ],
    ids=["ru-past", "ru-plan-of-before", "ru-not-in-plan", "ru-not-planned", "ru-included-when", "kk-past",
         "kk-plan-of-before", "kk-not-planned", "kk-included-when"],
)
def test_a_year_of_the_past_is_no_next_step(body, lang):
    """A year told of what was done or planned before, or of a plan that leaves the work out, is
    no term of a next step."""
    _, has, codes = _reading(_letter(body, lang))
    assert has["next_step"] is False and "L112" in codes


_GRANTED_RU = "Ваше заявление удовлетворено: пособие назначено с 1 марта 2026 года, так как доход семьи ниже черты бедности. "
_GRANTED_KK2 = ("Өтінішіңіз қанағаттандырылды: жәрдемақы 2026 жылғы 1 наурыздан бастап тағайындалды, себебі "
                "отбасыңыздың табысы кедейлік шегінен төмен. ")


@pytest.mark.parametrize(
    "body,lang,step",
    [
        # a phone offered for any question or for more information is a contact, not a step
        (_GRANTED_RU + "По всем вопросам звоните по телефону 8 (7172) 55-12-34.", "ru", False),
        (_GRANTED_KK2 + "Қосымша ақпаратты 55-12-34 телефоны арқылы алуға болады.", "kk", False),
        (_GRANTED_KK2 + "Сұрағыңыз болса, 55-12-34 телефоны бойынша хабарласыңыз.", "kk", False),
        (_GRANTED_RU + "Для получения дополнительной информации звоните по телефону 8 (7172) 55-12-34.", "ru", False),
        (_GRANTED_KK2 + "Кеңес алу үшін 55-12-34 телефоны бойынша хабарласыңыз.", "kk", False),
        # the call beside an action the reader is told to take: the action is the step
        (_GRANTED_RU + "Позвоните по телефону 8 (7172) 55-12-34 и запишитесь на подписание договора.", "ru", True),
        (_GRANTED_KK2 + "Шартқа қол қою үшін бөлімге 15 наурызға дейін келіңіз, телефон: 55-12-34.", "kk", True),
        # a call for a purpose the reply names is that step told through the phone
        (_GRANTED_RU + "Для подписания договора о выплате позвоните по телефону 8 (7172) 55-12-34.", "ru", True),
        (_GRANTED_RU + "Позвоните по телефону 8 (7172) 55-12-34, чтобы согласовать день подписания договора.", "ru", True),
        (_GRANTED_KK2 + "Шартқа қол қою уақытын келісу үшін 55-12-34 телефоны бойынша хабарласыңыз.", "kk", True),
        (_GRANTED_KK2 + "Шартқа қол қою үшін 55-12-34 телефонына қоңырау шалыңыз.", "kk", True),
    ],
    ids=["ru-any-question", "kk-more-information", "kk-questions", "ru-information", "kk-advice", "ru-call-and-book",
         "kk-come-to-sign", "ru-call-to-sign", "ru-call-to-agree", "kk-call-to-agree", "kk-ring-to-sign"],
)
def test_a_phone_is_a_contact_not_a_step(body, lang, step):
    """«По всем вопросам звоните …», «Қосымша ақпаратты … телефоны арқылы алуға болады», «Для
    получения информации звоните …» offer a contact (L114 reads the executor and the phone); they
    tell the reader nothing to do next, so a reply with only them still lacks its next step
    (L112). A call for a purpose the reply names («Для подписания договора позвоните …», «… келісу
    үшін … хабарласыңыз») is the step «запишитесь на подписание договора» is, told through the phone."""
    _, has, codes = _reading(_letter(body, lang))
    assert has["decision"] is True and has["contact"] is True
    assert has["next_step"] is step and ("L112" in codes) is not step


def _formulas(r) -> list[str]:
    return [s["text"] for s in r.extra["reply"]["signals"] if s["name"] == "formula"]


@pytest.mark.parametrize(
    "body,lang,formula",
    [
        ("Отдел образования Алатауского района рассмотрел Ваше обращение о переводе сына в школу № 12 и сообщает следующее.\n\n"
         "Перевод в другую школу во время учебного года возможен при наличии свободного места.", "ru", "сообщает следующее"),
        ("Алатау ауданының білім бөлімі ұлыңызды № 12 мектепке ауыстыру туралы өтінішіңізді қарап, мынаны хабарлайды.\n\n"
         "Оқу жылы ішінде басқа мектепке ауысу бос орын болған жағдайда мүмкін.", "kk", "мынаны хабарлайды"),
    ],
    ids=["ru", "kk"],
)
def test_the_body_speaking_of_itself_opens_with_a_formula(body, lang, formula):
    """«Отдел … рассмотрел Ваше обращение … и сообщает следующее.», «Бөлім … өтінішіңізді қарап,
    мынаны хабарлайды.» are the opening formula «сообщаем следующее» / «мынаны хабарлаймыз» in the
    third person: no decision, though they name the school's number (it was read as a fact of the
    case, and the formula as the direct answer)."""
    r, has, codes = _reading(_letter(body, lang))
    assert _formulas(r) == [formula]
    assert has["decision"] is False and "L110" in codes


def test_a_third_party_reported_is_no_formula():
    """«Подрядчик … сообщает следующее: …» tells what someone else reported, with its content."""
    body = ("Ваше заявление о ремонте кровли удовлетворено. "
            "Подрядчик ТОО «Курылыс-Сервис» сообщает следующее: кровлю над Вашей квартирой отремонтируют до 1 июня 2027 года.")
    r, _, _ = _reading(_letter(body))
    assert _formulas(r) == []


@pytest.mark.parametrize(
    "body,lang",
    [
        ("Рассмотрев Ваше обращение о переводе сына в школу, сообщаем следующее.\n\nСвободных мест во 2 классе школы нет.", "ru"),
        ("Управление образования, рассмотрев Ваше обращение о переводе сына в школу, сообщает следующее.\n\n"
         "Свободных мест во 2 классе школы нет.", "ru"),
    ],
    ids=["first-person", "third-person"],
)
def test_one_formula_sentence_is_one_device(body, lang):
    """«Рассмотрев Ваше обращение, сообщаем следующее» holds two formula cues and is one stock
    phrase: it weighs in the «отписка» score once (L120's ``formula`` weight), not twice."""
    r, _, _ = _reading(_letter(body, lang))
    assert len(_formulas(r)) == 1
