from anyq.text import LineIndex, SourceDocument
from anyq.text.paragraphs import split_paragraphs


def _paras(text, fmt="txt"):
    return [p.text for p in split_paragraphs(SourceDocument("x", text, format=fmt))]


def test_blank_lines_and_sentence_ends_split_paragraphs():
    text = "Уважаемый Асхат Серикович!\nВаше заявление рассмотрено. Ответ ниже.\n\nҚұрметті Асхат Серікұлы!\nӨтінішіңіз қаралды.\n"
    assert _paras(text) == [
        "Уважаемый Асхат Серикович!",
        "Ваше заявление рассмотрено. Ответ ниже.",
        "Құрметті Асхат Серікұлы!",
        "Өтінішіңіз қаралды.",
    ]


def test_wrapped_lines_stay_together_and_list_items_do_not():
    text = "Для получения выплаты необходимо представить\nв отдел следующие документы:\n1) удостоверение личности;\n2) справку о доходах.\n"
    assert _paras(text) == [
        "Для получения выплаты необходимо представить\nв отдел следующие документы:",
        "удостоверение личности;",
        "справку о доходах.",
    ]


def test_markdown_markers_are_not_paragraph_text():
    paras = split_paragraphs(SourceDocument("x", "# Ответ на обращение\n\n- первый пункт\n- второй пункт\n", format="md"))
    assert [(p.text, p.role) for p in paras] == [
        ("Ответ на обращение", "heading"),
        ("первый пункт", "list"),
        ("второй пункт", "list"),
    ]


def test_offsets_point_into_the_original_text():
    text = "Первый абзац.\n\n  Второй абзац с отступом.\n"
    for p in split_paragraphs(SourceDocument("x", text)):
        assert text[p.start : p.end] == p.text
    idx = LineIndex(text)
    assert idx.position(text.index("Второй")) == (3, 3)


def test_line_index_span_is_two_positions():
    for text in ("", "\n", "a", "a\n", "\na\n\n", "Первый абзац.\n\n  Второй абзац.\nтретий"):
        idx = LineIndex(text)
        for start in range(len(text) + 2):
            for end in range(start, len(text) + 2):
                assert idx.span(start, end) == idx.position(start) + idx.position(end)


def test_markdown_code_and_comments_inside_a_line_are_blanked_for_the_rules():
    text = "Код `обрщение` и <!-- черновк --> текст.\n"
    code, comment = text.index("`обрщение`"), text.index("<!--")
    skipped = [(code, code + len("`обрщение`")), (comment, text.index("-->") + 3)]
    [p] = split_paragraphs(SourceDocument("x", text, format="md", skipped=skipped))
    # the same length, so offsets still point into the original text
    assert p.text == "Код " + " " * len("`обрщение`") + " и " + " " * len("<!-- черновк -->") + " текст."
    assert (p.start, p.end) == (0, len(text) - 1)


def test_plain_text_list_items_are_paragraphs_as_in_markdown():
    # a list after «:» (or an item ending in «;») is one item a paragraph, its marker not its text:
    # as the same list in .md and .docx, not one long sentence
    ru = "Для назначения пособия нужны документы:\n- удостоверение личности;\n- справка о составе семьи\nи о доходах;\n- выписка с банковского счёта.\n"
    items = ["удостоверение личности;", "справка о составе семьи\nи о доходах;", "выписка с банковского счёта."]
    assert _paras(ru) == ["Для назначения пособия нужны документы:", *items]
    assert _paras(ru, "md") == _paras(ru)
    kk = "Мына құжаттарды әкеліңіз:\n• жеке куәлік\n• табыс туралы анықтама\nҚұжаттарды жұмаға дейін қабылдаймыз.\n"
    assert _paras(kk) == ["Мына құжаттарды әкеліңіз:", "жеке куәлік", "табыс туралы анықтама", "Құжаттарды жұмаға дейін қабылдаймыз."]
    letters = "Вам нужно:\nа) принести паспорт;\nб) оплатить пошлину.\n"
    assert _paras(letters) == ["Вам нужно:", "принести паспорт;", "оплатить пошлину."]
    assert [p.role for p in split_paragraphs(SourceDocument("x", letters))] == ["body", "list", "list"]
    # a dash that continues a wrapped sentence is no item
    assert len(_paras("Размер пособия составляет от пяти до восьми тысяч тенге в месяц,\n- в зависимости от дохода.\n")) == 1


def test_letterhead_lines_are_paragraphs_but_wrapped_prose_is_not():
    head = (
        "Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігінің Алматы облысы бойынша департаменті\n"
        "Департамент Министерства труда и социальной защиты населения Республики Казахстан по Алматинской области\n"
        "040000, Қонаев қаласы, Абай көшесі, 12-үй, тел.: 8 (72772) 4-10-20\n\n"
        "Уважаемая Гульнара Ахметовна!\n"
    )
    assert len(_paras(head)) == 4
    # a long line that wraps before a name: the block ends a sentence, so it is prose
    wrapped = "Ваше обращение о ремонте дороги рассмотрено и направлено для исполнения в\nАкимат Шалкарского района, который ответит вам до конца месяца.\n"
    assert len(_paras(wrapped)) == 1


def test_table_cells_are_paragraphs_in_markdown_and_tabbed_text():
    md = "| Документ | Где получить |\n|---|:---:|\n| Справка о составе семьи | ЦОН |\n\nПринесите документы.\n"
    paras = split_paragraphs(SourceDocument("x", md, format="md"))
    assert [(p.text, p.role) for p in paras] == [
        ("Документ", "table"),
        ("Где получить", "table"),
        ("Справка о составе семьи", "table"),
        ("ЦОН", "table"),
        ("Принесите документы.", "body"),
    ]
    assert all(md[p.start : p.end] == p.text for p in paras)
    # each cell knows its table, row and column (the «|---|» rule is no row)
    assert [p.grid for p in paras] == [(1, 1, 1), (1, 1, 2), (1, 2, 1), (1, 2, 2), None]
    txt = "Документ\tГде получить\nСправка о составе семьи\tЦОН или портал\n\nПринесите документы.\n"
    assert _paras(txt) == ["Документ", "Где получить", "Справка о составе семьи", "ЦОН или портал", "Принесите документы."]
    # one tabbed line is a signature with the name pushed right, not a table
    assert _paras("Ваш вопрос решён.\n\nРуководитель отдела\t\tН. Сарсенов\n") == ["Ваш вопрос решён.", "Руководитель отдела\t\tН. Сарсенов"]


def test_a_wrapped_list_lead_ending_in_a_colon_is_prose_not_a_letterhead():
    # the block ends in «:» before a blank line and its list: a sentence wrapped at a capital
    # («Вашего», «Министра») is one paragraph, as it is when it ends in «.»
    lead = (
        "По результатам рассмотрения обращения о назначении жилищной помощи доводим до\n"
        "Вашего сведения, что для её назначения необходимо представить документы:\n"
    )
    text = lead + "\n1) справку о составе семьи;\n2) справку о доходах.\n"
    assert _paras(text)[0] == lead.strip() and len(_paras(text)) == 3
    assert len(_paras(text.replace("документы:", "документы."))) == 3
    clause = (
        "Размер помощи рассчитывается в соответствии с Правилами, утверждёнными приказом\n"
        "Министра труда и социальной защиты населения Республики Казахстан от 5 мая 2023 года,\n"
    )
    assert len(_paras(clause)) == 1


def test_table_cells_are_labels_and_values_not_sentences_nor_skipped_text():
    """A Markdown or tabbed table's cells are paragraphs, as a .docx table's: a column header
    «Начислено, тг» is a label, not a passive without its agent (J341); a cell of figures is no
    paragraph in another language; a finding on the whole reply is not shown on a cell."""
    import anyq

    head = (
        "Уважаемая Алия Маратовна!\n\nВаше обращение рассмотрено. Плата за холодную воду за октябрь 2026 года "
        "пересчитана по показаниям прибора учета.\n\n"
    )
    sign = "\n\nРуководитель отдела                    Н. Сарсенов\n"
    md = head + "| Месяц | Начислено, тг | Оплачено, тг |\n|---|---|---|\n| Октябрь | 4 120 | 3 980 |\n| Рассмотрено | 2 | 2 |" + sign
    txt = head + "Месяц\tНачислено, тг\tОплачено, тг\nОктябрь\t4 120\t3 980" + sign
    for text, fmt in ((md, "md"), (txt, "txt")):
        r = anyq.check(text, format=fmt)
        assert "skipped_paragraphs" not in r.stats, fmt
        whole = [f for f in r.findings if f.code in ("L112", "L113")]
        assert len(whole) == 2 and all(text.index("Плата") <= f.start < text.index("Месяц") for f in whole), fmt
        assert [f.text for f in r.findings if f.code == "J341"] == ["пересчитана"], fmt


def test_line_end_tests_answer_as_their_regexes():
    """A line ending a sentence or a clause is read from the line's end without a regex (which
    tried its class at every character of the line); the answers are the regexes'."""
    import re

    from anyq.text.paragraphs import _ENDS_SENTENCE, _ends_clause, _ends_sentence

    ends_clause = re.compile(r"[:;,]\s*$")
    lines = [
        "Ваше обращение рассмотрено.",
        "Ответ направлен по адресу: г. Астана, ул. Абая, 10. ",
        "Просим представить документы:\t",
        "Справка о доходах;\n",
        "Заявление («О назначении пособия»)",
        "Рассмотрено (см. ответ).»\u00a0",
        "Выплата назначена!»",
        "Почему?\u2003",
        "Өтінішіңіз қаралды…",
        "Исх. № 12-3/45 от 12.03.2024 г",
        "Справка, ",
        "Текст. » ",
        "",
        "   ",
    ]
    for line in lines:
        assert _ends_sentence(line) == bool(_ENDS_SENTENCE.search(line)), line
        assert _ends_clause(line) == bool(ends_clause.search(line)), line


def test_blanked_ranges_keep_every_offset_and_line_break():
    """``blank_out`` (skipped ranges as spaces for the paragraph splitter, code as NULs for the
    Markdown reader) keeps the text's length and its line breaks, overlapping ranges included."""
    from anyq.text.source import blank_out

    text = "Исх. № 12\nот 03.03.2026\n\nУважаемый"
    assert blank_out(text, [(0, 12), (5, 9)]) == "         \n   03.03.2026\n\nУважаемый"
    assert blank_out(text, [(10, 23)], "\0") == "Исх. № 12\n" + "\0" * 13 + "\n\nУважаемый"
    assert blank_out(text, []) is text
