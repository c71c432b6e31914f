"""Russian jargon found through morphology in every form (the audit of phrase matching):
the reading a word gets where pymorphy3 has two as likely, ALL CAPS and Title Case, literal
meanings that are not officialese, and one finding where two rules report the same words."""

from __future__ import annotations

import pytest

import anyq
from anyq.nlp.morph_ru import morphology


def jargon(text: str) -> list[tuple[str, str, list[str]]]:
    report = anyq.check(text, lang="ru")
    return [(f.code, f.text, f.suggestions) for f in report.findings if f.category == "jargon"]


def codes(text: str) -> set[str]:
    return {code for code, _, _ in jargon(text)}


# -- 3: «нашли», «пришли» are the past of найти, прийти, not the «ты» imperative of наслать, прислать --
@pytest.mark.parametrize(
    "text,code,span,first",
    [
        ("Доводы заявителя нашли своё подтверждение.", "J133", "нашли своё подтверждение", "подтвердились"),
        ("Факты, изложенные в жалобе, не нашли подтверждения.", "J133", "не нашли подтверждения", "не подтвердились"),
        ("Изменения нашли отражение в квитанции за май.", "J134", "нашли отражение", "отразились"),
        ("Стороны пришли к соглашению о сроках ремонта.", "J180", "пришли к соглашению", "договорились"),
    ],
)
def test_a_plural_past_is_not_read_as_a_singular_imperative(text, code, span, first):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert hit[1] == span and hit[2][0] == first


def test_the_reading_of_a_tied_word_is_the_likely_one_in_a_letter():
    analyse = morphology()._analyse
    assert analyse("нашли")[0] == "найти"
    assert analyse("пришли")[0] == "прийти"
    assert analyse("принятые")[0] == "принять"
    assert analyse("подлежащие")[0] == "подлежать"
    # the demonstrative adjectives stay adjectives (J104, J463)
    assert analyse("данному")[0] == "данный"
    assert analyse("указанным")[0] == "указанный"


# -- 4: a participle of принять, подлежать is the verb's, as «предпринятые», «проведённая» are ----
@pytest.mark.parametrize(
    "text,code,span",
    [
        ("Принятые меры дали результат: течь устранили.", "J110", "Принятые меры"),
        ("Принятое решение отменено судом.", "J270", "Принятое решение"),
        ("Объекты, подлежащие сносу, расселены.", "J136", "подлежащие сносу"),
    ],
)
def test_a_participle_with_an_adjective_or_noun_reading_is_found(text, code, span):
    assert (code, span) in {(c, s) for c, s, _ in jargon(text)}


# -- 5: the feminine accusative has no animacy to match ------------------------------------------
@pytest.mark.parametrize(
    "text,code,span,first",
    [
        ("Просим предоставить данную справку до 1 июня.", "J104", "данную", "эту"),
        ("Просим предоставить указанную справку до 1 июня.", "J463", "указанную", "эту"),
        ("Просим предоставить вышеуказанную справку до 1 июня.", "J461", "вышеуказанную", "эту"),
        ("Просим предоставить данное заявление до 1 июня.", "J104", "данное", "это"),
    ],
)
def test_this_fits_a_feminine_or_neuter_accusative(text, code, span, first):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert hit[1] == span and hit[2][:1] == [first]


# -- 6: ALL CAPS and Title Case --------------------------------------------------------------------
def test_passives_in_all_caps_are_found():
    found = jargon("РЕШЕНИЕ ОТМЕНЕНО, РАБОТЫ ВЫПОЛНЕНЫ. ЖАЛОБА НАПРАВЛЕНА В АКИМАТ.")
    assert [s for c, s, _ in found if c == "J341"] == ["ОТМЕНЕНО", "ВЫПОЛНЕНЫ", "НАПРАВЛЕНА"]
    # a capitalised name inside a sentence is still not a participle
    assert "J341" not in codes("Ответ подготовила специалист Дана Ахметова.")


@pytest.mark.parametrize(
    "text,code,span,first",
    [
        ("КОПИЯ ДАННОГО РЕШЕНИЯ НАПРАВЛЕНА.", "J104", "ДАННОГО", "ЭТОГО"),
        ("В ЦЕЛЯХ ОБЕСПЕЧЕНИЯ БЕЗОПАСНОСТИ ДОРОГУ ЗАКРЫЛИ.", "J101", "В ЦЕЛЯХ ОБЕСПЕЧЕНИЯ БЕЗОПАСНОСТИ", "ЧТОБЫ ОБЕСПЕЧИТЬ БЕЗОПАСНОСТЬ,"),
        ("В Целях Обеспечения Безопасности Дорогу Закрыли.", "J101", "В Целях Обеспечения Безопасности", "Чтобы Обеспечить Безопасность,"),
        ("КОММУНАЛЬНАЯ СЛУЖБА ПРОИЗВЕЛА ОТКЛЮЧЕНИЕ ВОДЫ.", "J296", "ПРОИЗВЕЛА ОТКЛЮЧЕНИЕ ВОДЫ", "ОТКЛЮЧИЛА ВОДУ"),
        ("АКИМАТ ОСУЩЕСТВИТ ГАЗИФИКАЦИЮ СЕЛА В 2027 ГОДУ.", "J352", "ОСУЩЕСТВИТ ГАЗИФИКАЦИЮ СЕЛА", "ГАЗИФИЦИРУЕТ СЕЛО"),
    ],
)
def test_a_suggestion_keeps_the_capitals_of_the_text(text, code, span, first):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert hit[1] == span and hit[2][0] == first


def test_the_message_quotes_the_suggestion_in_its_capitals():
    report = anyq.check("В ЦЕЛЯХ ОБЕСПЕЧЕНИЯ БЕЗОПАСНОСТИ ДОРОГУ ЗАКРЫЛИ.", lang="ru")
    f = next(f for f in report.findings if f.code == "J101")
    assert "«ЧТОБЫ ОБЕСПЕЧИТЬ БЕЗОПАСНОСТЬ»" in f.message


# -- 7: «чтобы» needs a verb after it, «для» a noun --------------------------------------------------
@pytest.mark.parametrize(
    "text,span,suggestions",
    [
        ("В целях безопасности дорогу закрыли на ночь.", "В целях", ["Для"]),
        ("В целях экономии воду отключили.", "В целях", ["Для"]),
        ("Комиссия выехала на место с целью выяснить причины.", "с целью", ["чтобы"]),
    ],
)
def test_purpose_without_a_verbal_noun(text, span, suggestions):
    hit = next(h for h in jargon(text) if h[0] == "J101")
    assert hit[1] == span and hit[2] == suggestions


# -- 8, 10: literal meanings and a noun with an infinitive are not officialese ---------------------
@pytest.mark.parametrize(
    "text,code",
    [
        ("Аким поддержал решение принять участие в конкурсе.", "J270"),
        ("Депутаты одобрили предложение внести изменения в бюджет.", "J331"),
        ("Мы не уверены в качестве ремонта кровли.", "J146"),
        ("Каждая семья имеет место в очереди на жильё.", "J135"),
        ("На основании дома обнаружена трещина.", "J128"),
        ("В рамках окон образовались щели.", "J102"),
        ("Мы не уверены, что ремонт закончат в срок.", "J341"),
        ("Жители обеспокоены шумом стройки.", "J341"),
        ("Жители возмущены шумом стройки.", "J341"),
    ],
)
def test_literal_meanings_are_not_flagged(text, code):
    assert code not in codes(text)


def test_the_split_predicate_before_a_noun_with_an_infinitive_is_still_found():
    found = jargon("Комиссия приняла решение принять участие в конкурсе.")
    assert ("J270", "приняла решение") in {(c, s) for c, s, _ in found}
    assert ("J260", "принять участие") in {(c, s) for c, s, _ in found}


# -- 11: one finding where two rules report the same words -------------------------------------------
@pytest.mark.parametrize(
    "text,code,span,first",
    [
        ("По причине того, что дом аварийный, жильцов расселят.", "J434", "По причине того, что", "Потому что"),
        ("По причине того что дом аварийный, жильцов расселят.", "J434", "По причине того что", "Потому что"),
        ("Ответ будет дан в течение месяца.", "J216", "Ответ будет дан", None),
        ("О принятом решении Вам будет сообщено.", "J216", "О принятом решении Вам будет сообщено", None),
        ("Копия выше указанного решения направлена.", "J461", "выше указанного", "этого"),
    ],
)
def test_the_same_words_are_reported_once(text, code, span, first):
    found = jargon(text)
    inside = [h for h in found if h[1] in span or span in h[1]]
    assert [(c, s) for c, s, _ in inside] == [(code, span)]
    assert (inside[0][2][:1] or [None])[0] == first


# -- 12: «бывшие» means "former" ---------------------------------------------------------------------
def test_had_place_as_a_participle_gets_no_replacement():
    hit = next(h for h in jargon("Имевшие место нарушения устранены.") if h[0] == "J135")
    assert hit[1] == "Имевшие место" and hit[2] == []
    hit = next(h for h in jargon("Имело место нарушение графика вывоза.") if h[0] == "J135")
    assert hit[2] == ["Было"]


# -- 13: a finding does not end on the preposition that led to its object ---------------------------
def test_a_split_predicate_does_not_end_on_a_dangling_preposition():
    hit = next(h for h in jargon("Будет осуществляться контроль за вывозом мусора.") if h[0] == "J106")
    assert hit[1:] == ("осуществляться контроль за вывозом", ["контролироваться вывоз"])
    # the auxiliary before the match agrees with «контроль», not with «работы»: no suggestion
    hit = next(h for h in jargon("Будет осуществляться контроль за работами подрядчика.") if h[0] == "J106")
    assert hit[1:] == ("осуществляться контроль", [])
    hit = next(h for h in jargon("В приказ были внесены изменения в прошлом месяце.") if h[0] == "J271")
    assert not hit[1].endswith(" в")


# -- J218: «Выражаем Вам благодарность», as J212 has «приносим Вам извинения» ------------------------
def test_thanks_with_you_in_between():
    hit = next(h for h in jargon("Выражаем Вам благодарность за помощь в уборке двора.") if h[0] == "J218")
    assert hit[1:] == ("Выражаем Вам благодарность", ["Благодарим вас"])


# -- audit 3: suggestions that fit the sentence -------------------------------------------------------
# «проводить» is the imperfective «to conduct», not the perfective «проводи́ть» (to see off), whose
# future and past are written alike; the «вы» present with no «вы» is the imperative
@pytest.mark.parametrize(
    "text,code,span,first",
    [
        ("Мы проводим проверку вашей жалобы.", "J261", "проводим проверку вашей жалобы", "проверяем вашу жалобу"),
        ("Она проводила проверку каждый год.", "J261", "проводила проверку", "проверяла"),
        ("Вы проводите проверку?", "J261", "проводите проверку", "проверяете"),
        ("Проводите проверку счётчиков сами.", "J261", "Проводите проверку счётчиков", "Проверяйте счётчики"),
        ("Мы проводим осмотр квартир по средам.", "J268", "проводим осмотр квартир", "осматриваем квартиры"),
        ("Производите оплату до 10 числа.", "J262", "Производите оплату", "Оплачивайте"),
    ],
)
def test_conduct_keeps_its_aspect_and_mood(text, code, span, first):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert hit[1] == span and hit[2][0] == first


def test_a_question_with_li_gets_no_we_decided():
    # «Было ли мы решили…?» is not Russian
    for text in ("Было ли принято решение по моему заявлению?", "Будет ли принято решение до конца месяца?"):
        hit = next(h for h in jargon(text) if h[0] == "J354")
        assert hit[1:] == ("принято решение", [])
    hit = next(h for h in jargon("По моему заявлению было принято решение.") if h[0] == "J354")
    assert hit[2] == ["мы решили"]


@pytest.mark.parametrize(
    "text,code,span,first",
    [
        ("Мы осуществим проверку документов до 1 июня.", "J261", "осуществим проверку документов", "проверим документы"),
        ("Мы в мае осуществим выезд на место.", "J269", "осуществим выезд", "выедем"),
        ("Осуществим контроль за работами вместе с жильцами.", "J106", "Осуществим контроль за работами", "Проконтролируем работы"),
    ],
)
def test_we_will_carry_out_is_a_verb(text, code, span, first):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert hit[1] == span and hit[2][0] == first


def test_feasible_stays_an_adjective():
    from anyq.nlp.pipeline import annotate

    for text in ("Такой ремонт осуществим в этом году.", "План вполне осуществим."):
        word = next(t for t in annotate(text, "ru") if t.lower_ == "осуществим")
        assert (word.lemma_, word.pos_) == ("осуществимый", "ADJ")


@pytest.mark.parametrize(
    "text,code,span,suggestions",
    [
        # the dative of «оказывать поддержку» is the accusative of «поддерживать»
        ("Управление оказывает поддержку многодетным семьям.", "J329", "оказывает поддержку многодетным семьям", ["поддерживает многодетные семьи"]),
        ("Специалист окажет консультацию заявителю.", "J310", "окажет консультацию заявителю", ["проконсультирует заявителя"]),
        ("Специалист окажет консультацию по телефону.", "J310", "окажет консультацию", ["проконсультирует"]),
        # «Вам проконсультируют»: the dative before stays outside the match, no suggestion
        ("Вам окажут консультацию в ЦОНе.", "J310", "окажут консультацию", []),
        # «вернула излишне уплаченных денег»: an object that is not re-inflected, no suggestion
        ("Бухгалтерия произвела возврат излишне уплаченных денег.", "J295", "произвела возврат", []),
        ("Бухгалтерия произвела возврат уплаченных денег.", "J295", "произвела возврат уплаченных денег", ["вернула уплаченные деньги"]),
    ],
)
def test_the_object_takes_the_case_of_the_one_verb(text, code, span, suggestions):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert hit[1:] == (span, suggestions)


@pytest.mark.parametrize(
    "text,span,suggestions",
    [
        ("Решения об установке светофоров принимаются с учётом интенсивности движения.", "с учётом", []),
        ("Размер пособия пересматривается ежегодно с учетом прожиточного минимума.", "с учетом", []),
        ("Мы пересчитали плату с учётом ваших показаний.", "с учётом ваших показаний", ["учитывая ваши показания"]),
    ],
)
def test_considering_needs_a_verb_with_a_doer(text, span, suggestions):
    hit = next(h for h in jargon(text) if h[0] == "J127")
    assert hit[1:] == (span, suggestions)


@pytest.mark.parametrize(
    "text,span,suggestions",
    [
        # an announcement adds to what was said: no «Но»; the comma goes with the opener
        ("Вместе с тем, разъясняем, что вы можете подать жалобу в суд.", "Вместе с тем,", ["Также"]),
        ("Вместе с тем сообщаем, что ремонт закончат в мае.", "Вместе с тем", ["Также"]),
        ("Вместе с тем, мы можем предложить место в другом саду.", "Вместе с тем,", ["Но", "Однако", "Также"]),
        ("Наряду с этим, жильцам вернут переплату.", "Наряду с этим,", ["Также"]),
    ],
)
def test_an_opener_replaced_without_its_comma_or_a_false_contrast(text, span, suggestions):
    hit = next(h for h in jargon(text) if h[0] == "J121")
    assert hit[1:] == (span, suggestions)


# -- chains #15: a reflexive light verb with its subject after it and no object: no one verb ----
@pytest.mark.parametrize(
    "text,code,span,suggestions",
    [
        # «Ежеквартально проверяются.» has no subject: the noun was it
        ("Ежеквартально проводятся проверки.", "J261", "проводятся проверки", []),
        ("Гражданам оказывается помощь.", "J107", "оказывается помощь", []),
        ("Собственнику жилья направляется запрос.", "J332", "направляется запрос", []),
        # with an object the object becomes the subject
        ("Ежеквартально проводятся проверки документов.", "J261", "проводятся проверки документов", ["проверяются документы"]),
    ],
)
def test_a_reflexive_light_verb_keeps_its_subject(text, code, span, suggestions):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert hit[1:] == (span, suggestions)


# -- chains #14: a pronoun or «ли» between the light verb and its noun ---------------------------
@pytest.mark.parametrize(
    "text,code,span,suggestions",
    [
        ("Отдел не оказал вам помощь вовремя.", "J107", "оказал вам помощь", ["помог вам"]),
        ("Оказали ли вам помощь в оформлении пособия?", "J107", "Оказали ли вам помощь", ["Помогли ли вам"]),
        ("Провели ли вы проверку по жалобе жильцов?", "J261", "Провели ли вы проверку", ["Проверили ли вы"]),
        ("Специалист дал им разъяснение в тот же день.", "J272", "дал им разъяснение", ["объяснил им"]),
        # «проверил нам счётчики» is not Russian: the finding stays, without a suggestion
        ("Инспектор провёл нам проверку счётчиков.", "J261", "провёл нам проверку", []),
    ],
)
def test_a_pronoun_between_the_light_verb_and_its_noun(text, code, span, suggestions):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert hit[1:] == (span, suggestions)


def test_a_question_of_a_reflexive_light_verb_has_no_one_verb():
    # «Проверяются ли?» would lose the subject, as «проводятся проверки» (chains #15)
    hit = next(h for h in jargon("Проводятся ли проверки в вашем доме?") if h[0] == "J261")
    assert hit[1:] == ("Проводятся ли проверки", [])


# -- J136: «подлежать» with any verbal noun in the dative -----------------------------------------
@pytest.mark.parametrize(
    "text,span",
    [
        ("Представленные сведения подлежат подтверждению справкой.", "подлежат подтверждению"),
        ("Персональные данные заявителя не подлежат разглашению.", "подлежат разглашению"),
        ("Показания счётчика подлежат фиксации в журнале.", "подлежат фиксации"),
        ("Право собственности подлежит государственной регистрации.", "подлежит государственной регистрации"),
        ("Сумма переплаты подлежит возврату.", "подлежит возврату"),
    ],
)
def test_subject_to_any_verbal_noun(text, span):
    assert ("J136", span) in {(c, s) for c, s, _ in jargon(text)}


def test_subject_to_a_plain_noun_is_not_jargon():
    assert "J136" not in codes("Юноши этого года рождения подлежат призыву.")


# -- J272: «дали разъяснение по …» is «объяснили, как …», not «объяснили по …» ------------------
@pytest.mark.parametrize(
    "text,span,suggestions",
    [
        ("Специалисты дали разъяснение по начислению пени.", "дали разъяснение по", []),
        ("Специалист дал разъяснение заявителю в тот же день.", "дал разъяснение", ["объяснил"]),
    ],
)
def test_an_explanation_about_something_has_no_one_verb(text, span, suggestions):
    hit = next(h for h in jargon(text) if h[0] == "J272")
    assert hit[1:] == (span, suggestions)


# -- chains #12: a date or an adverb between the light verb and its noun ------------------------
@pytest.mark.parametrize(
    "text,code,span,suggestions",
    [
        ("Комиссия осуществила в мае проверку документов.", "J261", "осуществила в мае проверку документов", ["проверила в мае документы"]),
        ("Инспекторы провели 12 марта проверку счётчиков.", "J261", "провели 12 марта проверку счётчиков", ["проверили 12 марта счётчики"]),
        ("Мы провели 3 апреля 2025 года проверку.", "J261", "провели 3 апреля 2025 года проверку", ["проверили 3 апреля 2025 года"]),
        ("Отдел провёл в 2025 году проверку.", "J261", "провёл в 2025 году проверку", ["проверил в 2025 году"]),
        ("Отдел оказал своевременно помощь семье погибшего.", "J107", "оказал своевременно помощь", ["помог своевременно"]),
    ],
)
def test_a_date_or_adverb_between_the_light_verb_and_its_noun(text, code, span, suggestions):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert hit[1:] == (span, suggestions)


@pytest.mark.parametrize(
    "text",
    [
        "Инспекторы провели 2 проверки за год.",  # the number counts the noun: not «проверили 2»
        "Мы провели ещё проверку по жалобе.",  # «ещё» is «one more»: «проверили ещё» says another thing
        "Мы провели в школе проверку.",  # a place is not skipped: it may belong to the noun
        "Ответ оказался очень полезной помощью.",
    ],
)
def test_no_gap_over_a_number_a_degree_word_or_a_place(text):
    assert not codes(text) & {"J261", "J107"}


# -- fresh audit, misses: officialese no rule named ----------------------------------------------
@pytest.mark.parametrize(
    "text,code,span,suggestions",
    [
        ("В рамках работы силами подрядной организации ТОО «Таза Қала» был осуществлён вывоз снега.", "J480", "силами подрядной организации", []),
        ("По доводам, изложенным в Вашем обращении, проведена служебная проверка.", "J481", "По доводам, изложенным в Вашем обращении", ["По вашим доводам"]),
        ("К участковому инспектору применены меры дисциплинарного воздействия.", "J482", "меры дисциплинарного воздействия", []),
        ("Это позволит снизить напряжённость в вопросе обеспечения детей местами.", "J116", "в вопросе обеспечения", ["в обеспечении"]),
        ("Это позволит в определенной степени снизить очередь.", "J483", "в определенной степени", ["отчасти"]),
    ],
)
def test_officialese_the_fresh_audit_found_unflagged(text, code, span, suggestions):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert hit[1:] == (span, suggestions)


def test_plain_uses_of_those_words_are_not_flagged():
    text = "Жители своими силами убрали двор. Специалист разобрался в вопросе и ответил. Мы изучили ваши доводы."
    assert not codes(text) & {"J480", "J116", "J481"}


# -- audit «fixes» 6: a first suggestion that cannot be pasted as is ----------------------------
def hit_of(text: str, code: str) -> tuple[str, list[str]]:
    return next((span, s) for c, span, s in jargon(text) if c == code)


@pytest.mark.parametrize(
    "text,code,span,suggestions",
    [
        # «ОСИ» is an abbreviation, not «оси» the plural of «ось»: the modifier keeps its gender
        ("Письмо направлено в адрес управляющего ОСИ «Береке».", "J118", "в адрес управляющего ОСИ", ["управляющему ОСИ"]),
        ("Собрание данного ОСИ проведено 5 марта.", "J104", "данного", ["этого"]),
        # «согласно» takes the dative; the common slip «согласно даты» is re-inflected for «по»
        ("Очередь ведётся согласно даты подачи заявления.", "J428", "согласно даты", ["по дате"]),
        ("Согласно графику вывоз мусора производится по средам.", "J428", "Согласно", ["По"]),
    ],
)
def test_an_abbreviation_and_a_case_slip_are_not_copied_into_the_suggestion(text, code, span, suggestions):
    assert hit_of(text, code) == (span, suggestions)


@pytest.mark.parametrize(
    "text,span,suggestions",
    [
        # the main clause clearly starts after the purpose clause: «чтобы» takes the comma with it
        ("В целях обеспечения безопасности детей установлено ограждение.", "В целях обеспечения безопасности детей", ["Чтобы обеспечить безопасность детей,", "Для обеспечения безопасности детей"]),
        ("В целях устранения нарушений отделом направлено предписание.", "В целях устранения нарушений", ["Чтобы устранить нарушения,", "Для устранения нарушений"]),
        ("Комиссия, в целях проверки доводов, выехала на место.", "в целях проверки доводов", ["чтобы проверить доводы", "для проверки доводов"]),
        # where the comma would go is not clear, or none stands before: «для» needs none
        ("В целях сокращения очереди с 1 марта открыто второе окно.", "В целях сокращения очереди", ["Для сокращения очереди"]),
        ("Комиссия выехала на место в целях проверки доводов заявителя.", "в целях проверки доводов", ["для проверки доводов"]),
        ("Сообщаем, что в целях обеспечения доступности открыт пункт.", "в целях обеспечения доступности", ["для обеспечения доступности"]),
        ("В целях реконструкции улицы Абая изъят участок.", "В целях реконструкции улицы Абая", ["Чтобы реконструировать улицу Абая,", "Для реконструкции улицы Абая"]),
        # a name after the genitives may still be the clause's («улицы Сыганак»)
        ("В целях реконструкции улицы Сыганак постановлением акимата изъят участок.", "В целях реконструкции улицы", ["Для реконструкции улицы"]),
    ],
)
def test_a_purpose_clause_with_chtoby_comes_with_its_comma(text, span, suggestions):
    assert hit_of(text, "J101") == (span, suggestions)


@pytest.mark.parametrize(
    "text,code,span,suggestions",
    [
        ("Путём подачи жалобы вы можете обжаловать решение.", "J426", "Путём подачи жалобы", ["Подав жалобу,"]),
        # no comma before the gerund, and no doer: «…участка демонтировав забор» is not Russian
        ("Выдано предписание об освобождении участка путём демонтажа забора.", "J426", "путём демонтажа забора", []),
        ("В случае необходимости консультации проводятся онлайн.", "J374", "В случае необходимости", ["Если нужно,"]),
        ("Консультации, при необходимости, проводятся онлайн.", "J374", "при необходимости", ["если нужно"]),
        ("До конца месяца в случае необходимости консультации проводятся онлайн.", "J374", "в случае необходимости", []),
    ],
)
def test_a_gerund_or_a_clause_is_offered_only_where_its_commas_fit(text, code, span, suggestions):
    assert hit_of(text, code) == (span, suggestions)


@pytest.mark.parametrize(
    "text,code,span,suggestions",
    [
        # «о» fits what is said or decided about something, not a protocol drawn up against someone
        ("Решение в отношении участка принято в марте.", "J115", "в отношении участка", ["об участке"]),
        ("По итогам проверки в отношении водителя составлен протокол.", "J115", "в отношении", []),
        # «как все» says what people do: a person must be the subject
        ("Вы можете встать в очередь на общих основаниях.", "J468", "на общих основаниях", ["как все"]),
        ("Приём документов производится на общих основаниях.", "J468", "на общих основаниях", []),
        # «в дальнейшем» after a noun belongs to it («недопущения нарушений впредь»): «потом» would date the letter
        ("В дальнейшем график будет изменён.", "J147", "В дальнейшем", ["Потом"]),
        ("Проведена работа по недопущению нарушений в дальнейшем.", "J147", "в дальнейшем", []),
    ],
)
def test_a_replacement_that_changes_the_meaning_is_not_offered(text, code, span, suggestions):
    assert hit_of(text, code) == (span, suggestions)


# -- J341: the decision told to the reader, a doer named earlier in the sentence ---------------
def test_a_decision_told_to_the_reader_is_no_hidden_doer():
    text = (
        "Вам назначена пенсия по возрасту с 1 января 2027 года, потому что стаж подтверждён. "
        "Вам отказано в доплате за вредные условия труда. "
        "После повторного освидетельствования Вам установлена II группа инвалидности."
    )
    assert [s for c, s, _ in jargon(text) if c == "J341"] == ["подтверждён"]


def test_a_promise_to_the_reader_still_hides_the_doer():
    assert [s for c, s, _ in jargon("Вам будет выдано новое удостоверение до 10 января.") if c == "J341"] == ["будет выдано"]


def test_a_passive_after_we_acted_in_the_same_sentence_hides_no_one():
    text = "Мы выехали на место 3 декабря: мусор вывезен, контейнерная площадка очищена."
    assert "J341" not in codes(text)
    # what «мы» only report: the passive after «что» still hides who did it
    reported = "Мы сообщаем, что мусор вывезен с площадки у дома № 14."
    assert [s for c, s, _ in jargon(reported) if c == "J341"] == ["вывезен"]


def test_a_refusal_retold_with_bylo_still_hides_who_refused():
    # the reader's complaint retold: the clinic refused, the reply does not say so
    text = "В обращении Вы указываете, что в регистратуре поликлиники Вам было отказано в записи."
    assert [s for c, s, _ in jargon(text) if c == "J341"] == ["было отказано"]


def test_the_reader_after_a_preposition_is_no_addressee_of_a_decision():
    text = "Сведения о Вас внесены в базу данных центра занятости."
    assert [s for c, s, _ in jargon(text) if c == "J341"] == ["внесены"]
