"""Kazakh jargon found through the stemmer in every form a letter writes it: words in
capitals, a dash typed for the hyphen, the polite imperative; and the homographs and literal
meanings that must not be taken for officialese (the morphology audit's Kazakh defects)."""

from __future__ import annotations

import pytest

import anyq
from anyq.nlp.stem_kk import stemmer


def jargon(text: str) -> list[tuple[str, str, list[str]]]:
    report = anyq.check(text, lang="kk")
    return [(f.code, f.text, f.suggestions) for f in report.findings if f.category == "jargon"]


def codes(text: str) -> set[str]:
    return {c for c, _, _ in jargon(text)}


# -- a hyphenated word in capitals is a word, not an abbreviation and its ending ----------------
@pytest.mark.parametrize(
    "text,code,span,first",
    [
        ("ӨТІНІШ ЖАН-ЖАҚТЫ ҚАРАЛДЫ.", "J563", "ЖАН-ЖАҚТЫ ҚАРАЛДЫ", "ҚАРАЛДЫ"),
        ("БӨЛІМДЕ ТЕРГЕП-ТЕКСЕРУ ЖҮРГІЗІЛДІ.", "J609", "ТЕРГЕП-ТЕКСЕРУ ЖҮРГІЗІЛДІ", "ТЕКСЕРІЛДІ"),
        # an en dash typed for the hyphen inside the word
        ("Өтінішіңіз жан–жақты қаралды.", "J563", "жан–жақты қаралды", "қаралды"),
    ],
)
def test_hyphenated_word_in_capitals_or_with_a_dash(text, code, span, first):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert (hit[1], hit[2][:1]) == (span, [first])


@pytest.mark.parametrize("form,stem", [("ӘРПК-НІҢ", "әрпк"), ("ӘРПК-нің", "әрпк"), ("ЖОО-ЛАРЫНА", "жоо"), ("ҚР-ДАҒЫ", "қр"), ("ЖАН-ЖАҚТЫ", "жан-жақ")])
def test_abbreviation_with_its_ending_in_capitals(form, stem):
    # an ending the nominal chain makes still marks an abbreviation, in capitals as in lower case
    assert stemmer().analyse(form).stem == stem


# -- the polite imperative of a causative verb is a verb -------------------------------------------
@pytest.mark.parametrize(
    "text,code,first",
    [
        ("Тексеру жүргізіңіз.", "J600", "Тексеріңіз"),
        ("Тұрғындармен кездесу өткізіңіз.", "J624", "кездесіңіз"),
        ("Мониторинг жүргізіңіз.", "J605", "Бақылаңыз"),
    ],
)
def test_polite_imperative_of_light_verb(text, code, first):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert hit[2][:1] == [first]


@pytest.mark.parametrize("form,pos", [("жүргізіңіз", "VERB"), ("өткізіңіз", "VERB"), ("табысыңыз", "NOUN"), ("ұсынысыңыз", "NOUN"), ("сипатыңыз", "NOUN")])
def test_imperative_or_possessive_reading(form, pos):
    # «табысыңыз» (your income), «ұсынысыңыз» (your proposal) stay nouns: no causative in them
    assert stemmer().analyse(form).pos == pos


# -- homographs and literal meanings are no officialese ---------------------------------------------
@pytest.mark.parametrize(
    "text,code",
    [
        ("Спортшы жарыста бірінші орын алды.", "J542"),  # took first place
        ("Бұл шкаф бөлмеде көп орын алады.", "J542"),  # takes up much room
        ("Көрсетілген мемлекеттік қызмет сапасы тексерілді.", "J733"),  # the service rendered
        ("Ауылдағы интернет байланысты жақсарту жоспарланған.", "J541"),  # «байланыс» in the accusative
        ("Автобус Алматы бағытында жүреді.", "J559"),  # the direction of travel
        ("Анасы баланы қолға алды.", "J549"),  # picked the child up
    ],
)
def test_literal_meaning_is_not_flagged(text, code):
    assert code not in codes(text)


@pytest.mark.parametrize(
    "text,code",
    [
        ("Кестенің бұзылуы орын алды.", "J542"),
        ("Көрсетілген мекенжайда кезек бар.", "J733"),
        ("Құбырды жөндеуге байланысты су уақытша берілмейді.", "J541"),
        ("Жағдайды жақсарту бағытында жұмыс жүргізілуде.", "J559"),
        ("Мәселе қолға алынды.", "J549"),
    ],
)
def test_officialese_sense_still_flagged(text, code):
    assert code in codes(text)


# -- one finding where one rule's phrase holds another's -------------------------------------------
@pytest.mark.parametrize(
    "text,kept,dropped",
    [
        ("Жолда жөндеу жұмыстары жүргізілуде.", ("J606", "жөндеу жұмыстары жүргізілуде"), "J543"),
        ("Мәселе жеке бақылауға алынды.", ("J549", "жеке бақылауға алынды"), "J650"),
    ],
)
def test_phrase_inside_a_longer_one_reported_once(text, kept, dropped):
    found = [(c, t) for c, t, _ in jargon(text)]
    assert kept in found and dropped not in {c for c, _ in found}


# -- replacements that keep the meaning and leave no word orphaned ---------------------------------
def test_inspection_is_checking_not_noticing():
    hit = next(h for h in jargon("Бақылау-тексеру жүргізілді.") if h[0] == "J643")
    assert hit[2][:1] == ["Тексерілді"]


@pytest.mark.parametrize(
    "text,code",
    [
        ("Отбасыға біржолғы материалдық көмек көрсетілді.", "J506"),
        ("Ауылдағы тексеру жүргізілді.", "J600"),
        ("Жоспарланған тексеру жүргізілді.", "J600"),
    ],
)
def test_no_single_verb_when_adjectives_describe_the_noun(text, code):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert hit[2] == []


def test_single_verb_after_a_subject_or_an_adverb():
    # «Әкімдік» is the subject and «тұрақты» qualifies the verb: the one verb fits
    assert next(h for h in jargon("Әкімдік отбасыға көмек көрсетті.") if h[0] == "J506")[2][:1] == ["көмектесті"]
    assert next(h for h in jargon("Тұрақты мониторинг жүргізіледі.") if h[0] == "J605")[2][:1] == ["бақыланады"]


# -- case forms of the text-matched phrases ---------------------------------------------------------
@pytest.mark.parametrize(
    "text,code,span,first",
    [
        ("Биылғы жылдан бастап төлем өсті.", "J711", "Биылғы жылдан", "Биылдан"),
        ("Ағымдағы жылдан бастап төлем өсті.", "J539", "Ағымдағы жылдан", "Биылдан"),
        ("Бүгінгі күннен бастап төлем өсті.", "J710", "Бүгінгі күннен", "Бүгіннен"),
        ("Бағдарлама аясындағы жобалар қаралды.", "J532", "аясындағы", "бойынша"),
        ("Қауіпсіздікті қамтамасыз ету мақсатындағы шаралар қабылданды.", "J530", "мақсатындағы", None),
    ],
)
def test_case_forms_of_text_phrases(text, code, span, first):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert (hit[1], hit[2][:1]) == (span, [first] if first else [])


# -- a user phrase written in an inflected form fits as one in the dictionary form ---------------
INSPECTION = (
    "Құрметті Арман!\n\nСіздің өтінішіңіз бойынша тексеру жүргізілді. Бұрын тексеру жүргізілмеді. "
    "Қазір тексеру жүргізілуде. Біз қосымша тексеру жүргіземіз. Ережеге өзгерістер енгізілді.\n"
)


def _user_rule(tmp_path, phrase: str, replace: str, obj: str = "", text: str = INSPECTION) -> list[tuple[str, list[str]]]:
    """The J985 findings of a user rule «phrase» → «replace» on ``text``."""
    extra = f', object = "{obj}"' if obj else ""
    (tmp_path / "kk.toml").write_text(
        f"""[[rule]]
code = "J985"
name = "user-phrase"
languages = ["kk"]
kind = "phrase"
phrases = [{{ text = "{phrase}", replace = ["{replace}"]{extra} }}]
message = "«{{match}}» — кеңсе тілі."
explanation = "Бір етістік қысқарақ."
bad = [{{ text = "Сол күні {phrase}.", match = "{phrase}" }}]
good = ["Біз тексердік."]
""",
        encoding="utf-8",
    )
    settings = anyq.Settings(rule_files=[str(tmp_path / "kk.toml")], select=["J985"])
    return [(f.text, f.suggestions) for f in anyq.check(text, lang="kk", settings=settings).findings]


TEKSERU = [
    ("тексеру жүргізілді", ["тексерілді"]),
    ("тексеру жүргізілмеді", ["тексерілмеді"]),  # the passive kept: not «тексермеді» (did not check)
    ("тексеру жүргізілуде", ["тексерілуде"]),
    ("тексеру жүргіземіз", ["тексереміз"]),
]


@pytest.mark.parametrize("phrase", ["тексеру жүргізу", "тексеру жүргізілді", "тексеру жүргізілмеді", "тексеру жүргізілу"])
def test_inflected_user_phrase_fits_as_the_dictionary_form(tmp_path, phrase):
    # «тексеру жүргізілді» → «тексеру» gave «Тексеру» (the verb dropped) and «тексермеді» (passive
    # made active); the phrase's own form and voice are now left out of the fitting
    assert _user_rule(tmp_path, phrase, "тексеру") == TEKSERU


def test_inflected_user_phrase_with_a_passive_replacement(tmp_path):
    # a passive replacement for a passive phrase: the text's passive stays once («тексерілді», not
    # «тексерілінді»); an active text has no safe form
    assert _user_rule(tmp_path, "тексеру жүргізілді", "тексерілу") == [
        ("тексеру жүргізілді", ["тексерілді"]),
        ("тексеру жүргізілмеді", ["тексерілмеді"]),
        ("тексеру жүргізілуде", ["тексерілуде"]),
        ("тексеру жүргіземіз", []),
    ]


def test_inflected_user_phrase_with_a_dative_object(tmp_path):
    # a phrase written passive: the dative becomes the subject, as for «өзгерістер енгізу»
    assert _user_rule(tmp_path, "өзгерістер енгізілді", "өзгерту", "dat>acc") == [("Ережеге өзгерістер енгізілді", ["Ереже өзгертілді"])]


def test_inflected_user_phrase_on_a_one_syllable_root(tmp_path):
    # the «л» of «кел» is the root's, no passive: «келді» → «келісті», not «келісілді»
    text = "Құрметті Арман!\n\nТараптар келісімге келді. Тараптар келісімге келмеді. Біз келісімге келеміз.\n"
    assert _user_rule(tmp_path, "келісімге келді", "келісу", text=text) == [
        ("келісімге келді", ["келісті"]),
        ("келісімге келмеді", ["келіспеді"]),
        ("келісімге келеміз", ["келісеміз"]),
    ]


def test_a_causative_is_another_verb_not_a_voice_of_its_base():
    # «жүргіз» (conduct) is the causative of «жүр» (go): «тексеру жүріп жатыр» (an inspection is
    # under way) is no split predicate «тексеру жүргізу»; its passive still is
    codes = lambda text: {f.code for f in anyq.check(text, lang="kk", select=["J6"]).findings}  # noqa: E731
    assert "J600" not in codes("Қазір тексеру жүріп жатыр.")
    assert "J600" in codes("Тексеру жүргізілді.")


# -- the one verb governs the accusative: the dative before the split predicate becomes its object --
@pytest.mark.parametrize(
    "text,code,span,first",
    [
        ("Комиссия үйіңізге тексеру жүргізді.", "J600", "үйіңізге тексеру жүргізді", "үйіңізді тексерді"),
        ("Үйдің шатырына жөндеу жүргізілді.", "J606", "шатырына жөндеу жүргізілді", "шатыры жөнделді"),
        ("Жүргізушілерге бақылау жүргізіледі.", "J601", "Жүргізушілерге бақылау жүргізіледі", "Жүргізушілер бақыланады"),
        ("Мамандар су деңгейіне өлшеу жүргізді.", "J607", "деңгейіне өлшеу жүргізді", "деңгейін өлшеді"),
        ("Бөлім мамандары арызға бағалау жүргізді.", "J627", "арызға бағалау жүргізді", "арызды бағалады"),
        # a dative before another verb form is that verb's: the one verb alone
        ("Мектепке барып тексеру жүргіздік.", "J600", "тексеру жүргіздік", "тексердік"),
        ("Халыққа қызмет көрсету орталығы тіркеу жүргізеді.", "J633", "тіркеу жүргізеді", "тіркейді"),
        # «есептеу жүргізу» is to calculate, not to settle accounts («есептесу»)
        ("Салық органы есептеу жүргізді.", "J646", "есептеу жүргізді", "есептеді"),
        ("Біз жылу ақысына қайта есептеу жүргіземіз.", "J632", "ақысына қайта есептеу жүргіземіз", "ақысын қайта есептейміз"),
        # a verbal noun under «ұсынылады» becomes the object of «ұсынамыз»
        ("Мәліметтерде қате болса, тіркеуші органға жүгіну ұсынылады.", "J554", "жүгіну ұсынылады", "жүгінуді ұсынамыз"),
        # the words of the phrase that carry meaning stay, the object made the passive's subject
        ("Бөлім басшысы азаматтарды қабылдау жүргізеді.", "J623", "азаматтарды қабылдау жүргізеді", "азаматтарды қабылдайды"),
        ("Сейсенбі күні азаматтарды қабылдау жүргізіледі.", "J623", "азаматтарды қабылдау жүргізіледі", "азаматтар қабылданады"),
        ("Мұғалімдерге қосымша оқыту жүргізіледі.", "J610", "Мұғалімдерге қосымша оқыту жүргізіледі", "Мұғалімдер қосымша оқытылады"),
    ],
)
def test_one_verb_takes_its_object_in_the_right_case(text, code, span, first):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert (hit[1], hit[2][:1]) == (span, [first])


def test_recalculation_is_reported_once():
    # J632 «қайта есептеу жүргізу» holds J646 «есептеу жүргізу»
    assert [c for c, _, _ in jargon("Біз жылу ақысына қайта есептеу жүргіземіз.")] == ["J632"]


@pytest.mark.parametrize(
    "text,code",
    [
        # the dative is not next to the phrase: which word is the object is unclear
        ("Инспекция мектепке жоспардан тыс тексеру жүргізді.", "J600"),
        # a possessive noun with its possessor: «заң көмектесілді», «нәтижелерінің талданды»
        ("Сізге заң көмегі көрсетілді.", "J506"),
        ("Бағдарламаның нәтижелерінің талдауы жасалды.", "J614"),
        # the one verb would drop a word that carries meaning
        ("Бөлімде қызметтік тергеп-тексеру жүргізілді.", "J609"),
        ("Диспетчерге тәртіптік жаза қолданылды.", "J629"),
    ],
)
def test_no_single_verb_that_leaves_a_word_behind_or_drops_one(text, code):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert hit[2] == []


# -- a rewrite is pasted as is: the words around it take the case the new verb wants -----------------
@pytest.mark.parametrize(
    "text,code,span,first",
    [
        # «шешу» takes no «туралы»: the verbal noun it was about becomes its object
        ("Әкімдік бағдаршам орнату туралы шешім қабылдады.", "J602", "орнату туралы шешім қабылдады", "орнатуды шешті"),
        ("Меншік иелері басқару нысанын таңдау туралы шешім қабылдамаған.", "J602", "таңдау туралы шешім қабылдамаған", "таңдауды шешпеген"),
        # the verbal noun's accusative object becomes the subject of the passive
        ("Отбасыңыздың табысын есептеу жүргізілген кезде, табыс жоғары екені анықталды.", "J646", "табысын есептеу жүргізілген", "табысы есептелген"),
        ("Төлемақыны қайта есептеу жүргізілетінін хабарлаймыз.", "J632", "Төлемақыны қайта есептеу жүргізілетінін", "Төлемақы қайта есептелетінін"),
        # an adjective in «-ты/-ті» is no accusative: it stays, and the span with it
        ("Күнделікті бақылау жүргізіледі.", "J601", "бақылау жүргізіледі", "бақыланады"),
        # a negative verbal noun is an object of «ұсынамыз» too
        ("Тіркеу рәсімін кейінге қалдырмау ұсынылатынын хабарлаймыз.", "J554", "қалдырмау ұсынылатынын", "қалдырмауды ұсынатынымызды"),
        # «бойынша» takes no genitive: the demonstrative in the nominative
        ("Жұмыстар жүргізілуде, оның шеңберінде 36 пәтер беру қарастырылған.", "J532", "оның шеңберінде", "сол бойынша"),
    ],
)
def test_rewrite_fits_the_words_around_it(text, code, span, first):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert (hit[1], hit[2][:1]) == (span, [first])


@pytest.mark.parametrize(
    "text,code",
    [
        # a passive «шешілді» takes no object, and «бас тарту туралы шешілді» is no Kazakh
        ("Көмек тағайындаудан бас тарту туралы шешім қабылданды.", "J602"),
        # «мәселе туралы шешім» is no «мәселені шешу» (to solve the problem)
        ("Жиналыста жөндеу мәселесі туралы шешім қабылдадық.", "J602"),
        # «Сізді тексерілді» or «Сіз тексерілдіңіз»: the pronoun would change the verb's person
        ("Сізді тексеру жүргізілді.", "J600"),
        # «олар бойынша» changes the meaning; «олардың бойынша» is no Kazakh
        ("Екі бағдарлама қабылданды, олардың шеңберінде 20 үй салынады.", "J532"),
        # «электронды берілетінін»: an adjective without its noun; Kazakh has no one word for it
        ("Жолдамалар электрондық түрде берілетінін түсіндіреміз.", "J561"),
    ],
)
def test_no_rewrite_that_cannot_be_pasted(text, code):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert hit[2] == []


# -- J800: middle and reflexive verbs are no passive ------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Ол қаладан оралды.",
        "Бұл мәселе күрделі болып көрінеді.",
        "Қазандағы сома аз болып көрінді.",
        "Тұрғындар ауланың ортасына жиналды.",
        "Ұлыңыз ауруханада екі апта емделді.",
        "Ауладағы жастар тарқалды.",
        "Жүргізуші жауапқа тартылды.",
    ],
)
def test_middle_verbs_and_set_phrases_are_no_passive(text):
    assert "J800" not in codes(text)


def test_a_real_passive_is_still_flagged():
    assert "J800" in codes("Тексеру барысында бұзушылық анықталды.")


@pytest.mark.parametrize(
    "text",
    [
        "Сізге 2027 жылғы 1 қаңтардан бастап жасына байланысты зейнетақы тағайындалды.",
        "Үйге жер телімін беруден бас тартылды, себебі Сіз кезекте тұрмайсыз.",
        "Біз 3 желтоқсанда орынға шықтық: қоқыс шығарылды.",
    ],
)
def test_a_decision_told_to_the_reader_or_a_named_doer_is_no_hidden_passive(text):
    assert "J800" not in codes(text)


def test_sizge_of_an_earlier_verb_leaves_the_passive_a_finding():
    text = "Тексеру кезінде Сізге мерзімнің ұзартылғаны туралы хабарланбағаны анықталды."
    assert "анықталды" in [t for c, t, _ in jargon(text) if c == "J800"]


def test_a_promise_to_the_reader_is_still_a_passive():
    assert "J800" in codes("Сізге жауап 10 қаңтарға дейін жіберіледі.")


def passives(text: str) -> list[str]:
    return [t for c, t, _ in jargon(text) if c == "J800"]


# the passive's variant must fit the stem: «-ын» only after л, «-н» only after a vowel stem with
# an л; elsewhere the word is a noun in the accusative or a reflexive verb
@pytest.mark.parametrize(
    "text",
    [
        "Көшенің мектепке дейінгі бөлігінде барлығы 186 шаршы метр жабынды жөндедік.",  # жабын, a covering
        "Жәрдемақы алушыларға оқу ақысы көзделмеген, сондықтан бөлім бұл шығынды өтей алмайды.",  # шығын
        "Балалар мектеп асханасында күніне бір рет тамақтанады.",  # тамақтану, to eat
        # қалқан, a shield: «қалқа» is no verb, only half of «қалқаю» (қалқай-)
        "Сіз 3-ке 6 метрлік қалқанды қиылыстан 25 метр жерге қоюды сұрадыңыз.",
        "Қалқанды басқа жерге қоя аласыз.",
        # қолда + н is «қолдану», to use: an active verb
        "Мектеп былтыр жаңа кестені қолданды.",
    ],
)
def test_a_noun_or_a_reflexive_is_no_passive(text):
    assert passives(text) == []


@pytest.mark.parametrize(
    "text,word",
    [
        ("Өтінішіңіз 2026 жылғы 3 наурызда қабылданды.", "қабылданды"),  # қабылда + н
        ("Құжаттың түпнұсқасы 3 сәуірде алынды.", "алынды"),  # ал + ын
        ("Отбасыңызға екі бөлмелі пәтер бөлінді.", "бөлінді"),  # бөл + ін
        ("Аулаға жаңа шамдар орнатылды.", "орнатылды"),  # орнат + ыл
        ("Жаңа кесте қолданылды.", "қолданылды"),  # қолдан + ыл
    ],
)
def test_each_variant_of_the_passive_is_flagged(text, word):
    assert passives(text) == [word]


# middle verbs: the thing breaks down, drags on, bursts by itself; «саналады», «деп
# есептеледі» say what a thing counts as
@pytest.mark.parametrize(
    "text",
    [
        "Трансформатор ескі еді, жүктемеге шыдамай жиі бұзылды.",
        "Құбыр қатты тозып кеткен болып шықты, сондықтан жөндеу ұзаққа созылды.",
        "Көшеге су апаратын құбыр ескірген, шілдеде ол үш жерден жарылды.",
        "Наряд келіп кетеді, бірақ бір сағаттан кейін бәрі қайталанады.",
        "Жекеменшік балабақшада ата-аналардың төлейтін ақысы мемлекеттік балабақшадағыдан ерекшеленбейді.",
        "Хабарламасыз салған үй заңсыз құрылыс саналады.",
        "Мұндай әрекет тәртіптік теріс қылық болып саналады.",
        "Уақтылы жауап берілмеген өтініш қанағаттандырылмаған деп есептеледі.",
    ],
)
def test_middle_and_copular_verbs_are_no_passive(text):
    assert passives(text) == []


@pytest.mark.parametrize(
    "text,word",
    [
        # a rule, a right, a deadline does not break by itself: somebody broke it
        ("Өтінішіңізді қарау мерзімі бұзылды.", "бұзылды"),
        ("Құрылыс кезінде сәулет талаптары өрескел бұзылды.", "бұзылды"),
        # «есептеледі» that is calculated, by somebody
        ("Жылудың жетіспеуі үшін Сізге 5 940 теңге қайта есептеледі.", "есептеледі"),
    ],
)
def test_a_middle_verb_with_a_broken_rule_or_a_calculation_is_a_passive(text, word):
    assert passives(text) == [word]


# a converb with «отыр» is a finite passive only where «отыр» ends the predicate
@pytest.mark.parametrize(
    "text,found",
    [
        ("Өтінішіңіз қазір қаралып отыр.", ["қаралып отыр"]),
        ("Бұл мәселе әлі шешіліп отырған жоқ.", ["шешіліп отырған"]),
        ("Сізге сұралып отырған анықтаманы береміз.", []),
        ("Отбасыңызда төрт кәмелетке толмаған бала тәрбиеленіп отырғандықтан, Сіз жәрдемақы ала аласыз.", []),
    ],
)
def test_a_converb_passive_with_its_auxiliary(text, found):
    assert passives(text) == found


def test_the_converb_auxiliaries_and_passive_endings_are_kk_grammar_data():
    """The auxiliaries and the passive's endings were tuples in the code; they are
    rules/data/kk_grammar.toml's lists now, read once, and the reply reading's passive test
    takes the same endings (its own looser test of the stem stays)."""
    from anyq.checks import jargon_kk
    from anyq.legal import reply
    from anyq.resources import rules_toml

    words = rules_toml("kk_grammar.toml")["words"]
    assert jargon_kk._CONVERB_AUXILIARIES == tuple(words["converb_auxiliaries"]) and "жатыр" in words["converb_auxiliaries"]
    assert jargon_kk._AFTER_PREDICATE == frozenset(words["after_participle_predicate"]) == {"жоқ", "еді", "екен"}
    assert jargon_kk._PASSIVE == reply._KK_PASSIVE == tuple(words["passive_endings"])
    assert passives("Өтінішіңіз қазір қаралып жатыр.") == ["қаралып жатыр"]
    assert passives("Құжаттар бізге жіберіліп келеді.") == ["жіберіліп келеді"]
    assert passives("Бұл мәселе бұрын шешіліп отырған еді.") == ["шешіліп отырған"]
    assert reply._kk_passive("тағайындал") and not reply._kk_passive("кел")


# -- J801: a chain needs a genitive and a verbal noun, inside one phrase ------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Мектептің спорт залының төбесі жөнделді.",
        "Баланың анасының өтініші қаралды.",
        "Менің ағамның үйінің шатыры ағып тұр.",
        "Абаттандыру мәселелері жергілікті атқарушы органдардың құзыретіне жатады.",
        "Біз Ақсу ауылындағы су құбыры желілерін жөндейміз.",
        "Бағыттағы автобустардың саны жеткіліксіз екені анықталды.",
        "Жеткізу мерзімдері бірыңғай дистрибьютордың шешімімен белгіленеді.",
        "Комиссияның шешімінің негізінде өтініш қаралды.",
        "Жер кодексінің 43-бабының 1-тармағына сәйкес жер беріледі.",
        "Төлем орташа айлық табыстың 40 пайызы мөлшерінде тағайындалады.",
    ],
)
def test_no_nominal_chain_in_plain_possession_or_across_phrases(text):
    assert "J801" not in codes(text)


# -- J802: stacked participles are joined right after the first, which has no noun of its own ----
@pytest.mark.parametrize(
    "text",
    [
        # regress3 #5: «қамтылған» has «отбасылар», «жұмсалатын» has «шығыстардың»
        "Аз қамтылған отбасылар тұрғын үйді күтіп-ұстауға және коммуналдық қызметтерге ақы төлеуге жұмсалатын шығыстардың бір бөлігін ала алады.",
        "2010 жылы салынған үй және жөнделген подъезд комиссияға көрсетілді.",
        # freshkk: «келіспеген жағдайда, …» is a condition, «алған» another clause's
        "Жауаппен келіспеген жағдайда, Сіз оны алған күннен бастап үш ай ішінде шағым бере аласыз.",
    ],
)
def test_participles_of_different_nouns_are_not_stacked(text):
    assert "J802" not in codes(text)


def test_participles_stacked_on_one_noun_are_still_flagged():
    hits = [t for c, t, _ in jargon("1958 жылы салынған, содан бері жөнделмеген үй апатты деп танылды.") if c == "J802"]
    assert hits == ["салынған, содан бері жөнделмеген"]


def test_an_officialese_nominal_chain_is_still_flagged():
    hits = [t for c, t, _ in jargon("Жергілікті бюджеттің тұрғын үй құрылысы бағдарламасының қаржысы бөлінді.") if c == "J801"]
    assert hits == ["бюджеттің тұрғын үй құрылысы бағдарламасының қаржысы"]


def test_a_dative_of_where_one_is_admitted_stays_a_dative():
    # regress3 #3: «курстарына қабылдау жүргізілуде» became «курстары қабылдануда» (the courses are admitted)
    text = "Қазіргі уақытта тігін ісі курстарына қабылдау жүргізілуде, оқу тегін."
    found = [f.suggestions for f in anyq.check(text, lang="kk", select=["J623"]).findings]
    assert found == [["қабылдануда"]]


# -- freshkk audit: Kazakh officialese that no rule read -----------------------------------------
@pytest.mark.parametrize(
    "text,code,span,first",
    [
        # «поступившее обращение»: J568 by stem, with the verb's ending kept
        ("Сіздің Министрлікке келіп түскен өтінішіңізді қарадық.", "J568", "келіп түскен", "келген"),
        ("Хатыңыз бөлімге 3 маусымда келіп түсті.", "J568", "келіп түсті", "келді"),
        # «просим руководствоваться требованиями»
        ("Құжат толтырғанда Қағидалардың талаптарын басшылыққа алуыңызды сұраймыз.", "J545", "басшылыққа алуыңызды сұраймыз", "сақтаңыз"),
        # J526 by stem: the participle as well as «айта кетеміз»
        ("Қосымша айта кететініміз, кесте өзгермейді.", "J526", "Қосымша айта кететініміз", None),
        # J507 in the plural
        ("Жоғарыда көрсетілгендерді ескере отырып, төлем тоқтатылды.", "J507", "Жоғарыда көрсетілгендерді ескере отырып", "Сондықтан"),
        ("Мерзімді бұзу фактілері анықталған жағдайда айыппұл салынады.", "J663", "фактілері анықталған", None),
    ],
)
def test_officialese_missed_by_the_freshkk_audit(text, code, span, first):
    hits = [(t, s[:1]) for c, t, s in jargon(text) if c == code]
    assert hits == [(span, [first] if first else [])]


@pytest.mark.parametrize(
    "text",
    [
        "Тексеру нәтижесі Сізге қосымша хабарланады.",  # a promise of news (L122), not a formula
        "Жоғарыда атап өткеніміздей, кезегіңіз 412.",  # points back, opens nothing
        "Әкесі ауылдан келіп, бізге түскі ас әкелді.",
    ],
)
def test_stem_matched_formulas_leave_other_senses_alone(text):
    assert not {"J526", "J568"} & codes(text)


def test_one_finding_for_a_longer_aita_ketu_formula():
    # J660's «айта кету керек» holds J526's «айта кету»: one finding, J660's
    assert [c for c, _, _ in jargon("Айта кету керек, құжаттар толық емес.")] == ["J660"]


def test_a_chain_headed_by_a_decision_noun_is_a_nominal_chain():
    # «қорытынды» is the verdict of the commission, as «заключение» in Russian J353
    text = "Жәрдемақы емхананың дәрігерлік-консультациялық комиссиясының қорытындысын алғаннан кейін тағайындалады."
    assert [t for c, t, _ in jargon(text) if c == "J801"] == ["емхананың дәрігерлік-консультациялық комиссиясының қорытындысын"]
    # a decision noun with one more link is no chain, nor is one broken by a postposition
    assert "J801" not in codes("Комиссияның қорытындысын алдыңыз.")
    assert "J801" not in codes("Учаскелік комиссияның қорытындысы негізінде табыс есептелді.")


_LETTER = "Құрметті Әлия Нұрланқызы!\n\nҚұбырды 1 маусымға дейін ауыстырамыз.\n\n{}\n\n{}\n\n{}\n\nБөлім басшысы    А. Сейітов\n"


def test_the_same_connector_opening_three_paragraphs():
    text = _LETTER.format(
        "Сонымен қатар, көшедегі жарықты мамырда жөндейміз.",
        "Сонымен қатар, аулаға екі орындық қоямыз.",
        "Сонымен қатар, қоқыс жәшігін ауыстырамыз.",
    )
    found = [(f.line, f.text) for f in anyq.check(text, lang="kk", select=["J665"]).findings]
    # the first use is plain: the repeats are reported
    assert found == [(7, "Сонымен қатар"), (9, "Сонымен қатар")]


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("Сонымен қатар, көшедегі жарықты мамырда жөндейміз.", "Аулаға екі орындық қоямыз.", "Қоқыс жәшігін ауыстырамыз."),
        # two connectors, neither three times
        ("Сонымен қатар, көшедегі жарықты мамырда жөндейміз.", "Сонымен бірге, аулаға екі орындық қоямыз.", "Сонымен қатар, қоқыс жәшігін ауыстырамыз."),
    ],
)
def test_a_connector_used_once_or_twice_is_plain(paragraphs):
    assert not anyq.check(_LETTER.format(*paragraphs), lang="kk", select=["J665"]).findings
