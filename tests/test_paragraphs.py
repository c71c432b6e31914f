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


def test_wrapped_lines_and_lists_stay_together():
    text = "Для получения выплаты необходимо представить\nв отдел следующие документы:\n1) удостоверение личности;\n2) справку о доходах.\n"
    assert len(_paras(text)) == 1


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
