"""Reading files: encodings, bad input, directory walking."""

from __future__ import annotations

import codecs
from pathlib import Path
import re

import pytest

import anyq

from anyq.readers import ReadError, read_path
from anyq.readers.encoding import DecodeError, decode

KK = "Өтінішіңіз қаралды: жер учаскесі ұсынылады, құжаттар ҚР ӘРПК-не сәйкес."
RU = "Ваше обращение рассмотрено, ответ направлен в срок."


@pytest.mark.parametrize(
    "data,encoding",
    [
        (KK.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + KK.encode("utf-8"), "utf-8-sig"),
        (KK.encode("utf-16"), "utf-16"),  # Python writes the BOM
        (RU.encode("cp1251"), "cp1251"),
        (KK.encode("kz1048"), "kz1048"),
    ],
)
def test_encodings_round_trip(data, encoding):
    text, detected = decode(data)
    assert detected == encoding
    assert text in (KK, RU)


def test_kz1048_is_not_mistaken_for_cp1251():
    text, enc = decode("Қазақстан Республикасы".encode("kz1048"))
    assert enc == "kz1048" and text == "Қазақстан Республикасы"


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfd", "invalid UTF-8"),
        (bytes(range(0x80, 0x100)) * 4, "neither UTF-8|not readable"),
    ],
)
def test_undecodable_gives_a_reason(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode(data)


@pytest.mark.parametrize(
    "data",
    [
        (RU + "\n").encode("utf-8") + "Срок".encode("utf-8")[:-1],  # cut off inside the last letter
        RU.encode("utf-8")[:10] + b"\xd0" + RU.encode("utf-8")[10:],  # one stray byte
        KK.encode("utf-8").replace("қ".encode("utf-8"), b"\xd2", 1),  # half of a Kazakh letter lost
        # a very short file cut off mid-letter: too few valid letters for the count, but the
        # only bad bytes are an unfinished letter at the end
        "Жоқ".encode("utf-8") + b"\xd0",
        "Нет".encode("utf-8") + b"\xd0",
        "Иә".encode("utf-8") + "қ".encode("utf-8")[:1],
    ],
)
def test_damaged_utf8_is_refused_not_read_as_mojibake(data):
    """Read as KZ-1048, a UTF-8 letter with one bad byte became two mojibake characters per
    letter, scored as Kazakh, and --fix rewrote it beyond repair."""
    with pytest.raises(DecodeError, match=r"is UTF-8 but has an invalid byte 0x[0-9a-f]{2} at \d+ \(damaged or cut short\?\)"):
        decode(data)


def test_every_corpus_letter_in_a_single_byte_encoding_is_still_read_as_one():
    """The damaged-UTF-8 test must never take Windows-1251 or KZ-1048 text for UTF-8."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "corpora"
    checked = 0
    for path in sorted(root.rglob("*.txt")):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            continue  # the example letter kept in Windows-1251
        for codec in ("cp1251", "kz1048"):
            try:
                data = text.encode(codec)
            except UnicodeEncodeError:
                continue
            if data.isascii():
                continue
            got, detected = decode(data)
            assert got == text and detected in ("cp1251", "kz1048"), (path, codec)
            checked += 1
    assert checked > 300


def test_read_errors_name_the_problem(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ReadError, match="is empty"):
        read_path(empty)
    with pytest.raises(ReadError, match="no such file"):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(ReadError, match="is a directory"):
        read_path(tmp_path)
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(ReadError, match="binary"):
        read_path(binary)


def test_crlf_is_folded(tmp_path):
    p = tmp_path / "win.txt"
    p.write_bytes("Первая строка.\r\nВторая строка.\r\n".encode("cp1251"))
    doc = read_path(p)
    assert doc.text == "Первая строка.\nВторая строка.\n"
    assert doc.encoding == "cp1251"


def test_markdown_code_and_comments_are_skipped(tmp_path):
    p = tmp_path / "letter.md"
    p.write_text("# Ответ\n\nТекст письма.\n\n```\nкод в целях\n```\n<!-- в целях -->\n", encoding="utf-8")
    doc = read_path(p)
    assert doc.format == "md"
    skipped = "".join(doc.text[a:b] for a, b in doc.skipped)
    assert "код в целях" in skipped and "<!-- в целях -->" in skipped


def test_directories_are_walked_for_text_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "two.md").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "img.png").write_bytes(b"x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "hidden.txt").write_text("x", encoding="utf-8")
    found = [r.path for r in anyq.check_paths(str(tmp_path)).files]
    assert [f.split("/")[-1] for f in found] == ["one.txt", "two.md"]
    missing = anyq.check_paths(str(tmp_path / "nope.txt")).files
    assert [(r.path, r.errors) for r in missing] == [(str(tmp_path / "nope.txt"), ["no such file"])]


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    import os

    p = tmp_path / "locked.txt"
    p.write_text("Текст.", encoding="utf-8")

    def deny(*args, **kwargs):  # the tests run as root, who may read a file chmod 000
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", deny)
    with pytest.raises(ReadError, match="permission denied"):
        read_path(p)


def test_a_directory_of_thousands_of_files_is_checked(tmp_path):
    import anyq

    for i in range(2000):
        (tmp_path / f"{i:04d}.txt").write_text(f"Ответ № {i}: заявление  принято.\n", encoding="utf-8")
    report = anyq.check_paths([str(tmp_path)], anyq.Settings(select=["T102"]))
    assert len(report.files) == 2000
    assert all(f.findings and f.findings[0].code == "T102" for f in report.files)


def test_markdown_fences_are_found_as_commonmark_finds_them(tmp_path):
    # a ```` fence is not closed by ```; a fence may be indented up to three spaces (in a list
    # item); one never closed runs to the end; a fence commented out opens none; +++ front matter
    text = (
        "+++\ntitle = «Ответ на обращение»\n+++\n"
        "Уважаемый заявитель!\n\n"
        "````\n```\nданный  вопрос ,пример\n````\n\n"
        "Между блоками кода идёт текст письма.\n\n"
        "1. Порядок подачи:\n\n   ~~~\n   код в пункте списка\n   ~~~\n\n"
        "<!--\n```\n-->\n"
        "Текст после комментария.\n\n"
        "```\nНезакрытый  блок ,кода\n"
    )
    p = tmp_path / "fences.md"
    p.write_text(text, encoding="utf-8")
    doc = read_path(p)
    assert [doc.text[a:b] for a, b in doc.skipped] == [
        "+++\ntitle = «Ответ на обращение»\n+++\n",
        "````\n```\nданный  вопрос ,пример\n````",
        "   ~~~\n   код в пункте списка\n   ~~~",
        "<!--\n```\n-->",
        "```\nНезакрытый  блок ,кода\n",
    ]


REPLY_RU = (
    "Исх. № 04-12/318 от 12.03.2026\n\n"
    "Уважаемая Гульнара Маратовна!\n\n"
    "Ваше заявление о перерасчёте платы за отопление рассмотрено. Перерасчёт за январь выполнен, "
    "сумма 8 420 тенге будет учтена в квитанции за апрель.\n\n"
    "Руководитель отдела                 А. Жумабаев\n\n"
    "Исп.: Каримова Л., тел. 8 (7172) 55-20-14\n"
)
REPLY_KK = (
    "Құрметті Асхат Серікұлы!\n\n"
    "Көше жарығын жөндеу туралы өтінішіңіз қаралды. Шамдар 2026 жылғы 15 сәуірге дейін ауыстырылады.\n\n"
    "Бөлім басшысы Д. Оспанов\n\n"
    "Орынд.: Сәрсенова А., тел. 8 (7252) 56-02-17\n"
)


def _markdown_shapes(text):
    """The plain reply as a Markdown letter is written: a bold greeting, an italic (``_``) or
    starred executor line, a bold signature or name, a struck-out label, the letter block-quoted."""
    greeting = re.search(r"^.+!$", text, re.M).group()
    executor = re.search(r"^(?:Исп|Орынд)\.:.+$", text, re.M).group()
    signature = re.search(r"^.+ [А-ЯӘ]\. [А-ЯӘ]\w+$", text, re.M).group()
    name = signature[signature.rindex(".") - 1 :]
    label = executor[: executor.index(":") + 1]
    return {
        "bold greeting": text.replace(greeting, f"**{greeting}**"),
        "italic executor": text.replace(executor, f"_{executor}_"),
        "starred executor": text.replace(executor, f"*{executor}*"),
        "bold signature": text.replace(signature, f"__{signature}__"),
        "bold name, marked label": text.replace(name, f"**{name}**").replace(label, f"***{label}***"),
        "struck label": text.replace(label, f"~~{label}~~"),
        "block quote": "".join(f"> {l}\n" if l else ">\n" for l in text.split("\n")[:-1]),
    }


@pytest.mark.parametrize("plain", [REPLY_RU, REPLY_KK], ids=["ru", "kk"])
def test_markdown_emphasis_and_quote_markers_leave_the_reply_as_its_plain_text_reads(tmp_path, plain):
    # «**Уважаемая …!**» or «_Исп.: …_» made the reply a letter and dropped every reply
    # check; a bold signature or a block quote put L112/L113 on it with «**» and «>» inside
    txt = tmp_path / "reply.txt"
    txt.write_text(plain, encoding="utf-8")
    expected = anyq.check_file(str(txt))
    assert expected.extra["kind"] == "reply" and any(f.code.startswith("L11") for f in expected.findings)
    for name, md in _markdown_shapes(plain).items():
        p = tmp_path / "reply.md"
        p.write_text(md, encoding="utf-8")
        got = anyq.check_file(str(p))
        assert (got.extra["kind"], got.score) == (expected.extra["kind"], expected.score), name
        assert [(f.code, f.line, f.text.replace("*", "").replace("_", "").replace("~", "")) for f in got.findings] == [
            (f.code, f.line, f.text) for f in expected.findings
        ], name
        for f in got.findings:  # a finding starts and ends on a word, not on a marker
            assert f.text[0] not in "*_~>" and f.text[-1] not in "*_~>", (name, f)
        # the reply's evidence lines are the file's: a «**» before a sentence moved them up
        assert got.extra["reply"]["evidence"] == expected.extra["reply"]["evidence"], name


def test_a_markdown_finding_points_at_the_file_line_and_column_past_the_markers(tmp_path):
    # the rules read the words without «**», «_» and «>», so a phrase split by a marker is
    # found; its line and column, offsets and text are those of the .md file itself
    text = (
        "**Уважаемый Ерлан Болатович!**\n\n"
        "> Ваше **обращение** о ремонте лифта рассмотрено. В **целях** обеспечения безопасности\n"
        "> _данный_ вопрос находится на контроле.\n"
    )
    p = tmp_path / "reply.md"
    p.write_text(text, encoding="utf-8")
    found = {f.code: f for f in anyq.check_file(str(p)).findings}
    line3 = text.index("> Ваше")
    line4 = text.index("> _данный")
    for code, phrase, line, start in (
        ("J101", "В **целях** обеспечения безопасности", 3, line3),
        ("J464", "данный_ вопрос", 4, line4),
        ("J131", "находится на контроле", 4, line4),
    ):
        f = found[code]
        at = text.index(phrase)
        assert (f.text, f.start, f.end) == (phrase, at, at + len(phrase))
        assert (f.line, f.column, f.end_line, f.end_column) == (line, at - start + 1, line, at - start + 1 + len(phrase))


APPEAL_QUOTED = (
    "12.05.2026 10:14, Ерлан Болатович <erlan@mail.kz>:\n"
    "> Прошу в целях обеспечения учёта заменить счётчик воды,\n"
    "> установленный в 2012 году.\n"
    ">\n"
    "> Данный вопрос прошу рассмотреть  срочно ,так как счётчик не работает.\n"
)


def test_an_e_mail_quote_under_a_plain_text_reply_is_not_linted_as_the_reply(tmp_path):
    # the citizen's appeal quoted with «>» under the reply: its words are not the reply's (no
    # jargon, typography or reply-level finding on them, no «>» in a finding), it is not fixed,
    # and it starts no paragraph of the reply's signature block
    reply = (
        "Уважаемый Ерлан Болатович!\n\n"
        "Ваше заявление о замене счётчика воды удовлетворено: счётчик будет заменён бесплатно до 20 мая "
        "2026 года, мастер позвонит Вам  накануне.\n\n"
        "Руководитель отдела                 А. Жумабаев\n\n"
        "Исп.: Каримова Л., тел. 8 (7172) 55-20-14\n\n"
    )
    alone = tmp_path / "reply.txt"
    alone.write_text(reply, encoding="utf-8")
    mail = tmp_path / "mail.txt"
    mail.write_text(reply + APPEAL_QUOTED, encoding="utf-8")
    expected, got = anyq.check_file(str(alone)), anyq.check_file(str(mail))
    assert got.extra["kind"] == expected.extra["kind"] == "reply"
    assert [(f.code, f.line, f.column, f.text) for f in got.findings] == [(f.code, f.line, f.column, f.text) for f in expected.findings]
    assert not any(f.start >= len(reply) for f in got.findings)
    # the same through the API, and --fix's machinery: the reply's double space is fixed, the quote kept
    assert [f.code for f in anyq.check(reply + APPEAL_QUOTED).findings] == [f.code for f in got.findings]
    assert anyq.fix(reply + APPEAL_QUOTED) == reply.replace("Вам  накануне", "Вам накануне") + APPEAL_QUOTED


def test_reply_evidence_lines_of_a_markdown_letter_are_the_files_lines():
    # the rules read the .md without «**»; the reply's evidence lines were looked up with the
    # read copy's offsets, so each «**» above a sentence moved its line up (decision 13 → 11)
    path = Path(__file__).parent.parent / "corpora" / "examples" / "ru_roads_reply.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    evidence = anyq.check_file(str(path)).extra["reply"]["evidence"]
    assert lines[evidence["decision"] - 1].startswith("Данный участок включен в план")
    assert lines[evidence["appeal_route"] - 1].startswith("В случае несогласия с ответом")


@pytest.mark.parametrize(
    "line, rule",
    [
        ("---", True), ("- - -", True), ("-- -", True), (" ----   ", True), ("   -\t-\t-", True),
        ("***  ", True), ("* * *", True), ("___", True), ("_ _ _ _", True), ("====", True), ("=", True),
        ("--", False), ("**", False), ("__", False), ("    ---", False), ("---x", False),
        ("- - - Ответ", False), ("-*-", False), ("== =", False), ("-_-", False),
    ],
)
def test_markdown_rule_lines_are_markup(tmp_path, line, rule):
    # a thematic break («---», «* * *») or a setext underline («====») under a paragraph is
    # markup, not text; a line with anything else on it is text
    text = f"Ответ дан.\n\n{line}\n\nОтвет направлен почтой.\n"
    p = tmp_path / "reply.md"
    p.write_text(text, encoding="utf-8")
    at = text.index(line, 11)
    assert read_path(p).markup == ([(at, at + len(line))] if rule else [])


def test_a_rule_line_with_a_long_tail_of_spaces_is_read_in_linear_time(tmp_path):
    # «---» and then spaces before a letter: the rule-line pattern let two parts of it share
    # the spaces and backtracked over every split of them (17 s for 60 000 spaces, minutes for
    # these 200 000); a line of only dashes and spaces is a rule however long its spaces
    tail = " " * 200_000
    text = f"Уважаемый заявитель!\n\nОтвет дан.\n\n---{tail}x\n\n- - -{tail}\n"
    p = tmp_path / "reply.md"
    p.write_text(text, encoding="utf-8")
    at = text.index("- - -")
    assert read_path(p).markup == [(at, len(text) - 1)]


def test_markdown_emphasis_pairs_runs_in_linear_time(tmp_path):
    # every «*» opens a run nothing closes, and every «__» could close one but none is open: each
    # «__» searched all the open «*» (minutes for these 60 000 of each); the «**» pair at the end
    # is still found, and the unpaired runs are text
    paragraph = " ".join(["*примечание"] * 60_000 + ["пункт__"] * 60_000) + " **Ваше обращение** рассмотрено."
    text = f"Уважаемый заявитель!\n\n{paragraph}\n"
    p = tmp_path / "reply.md"
    p.write_text(text, encoding="utf-8")
    opening = text.index("**Ваше")
    closing = text.index("** рассмотрено")
    assert read_path(p).markup == [(opening, opening + 2), (closing, closing + 2)]


def _plain_findings(report):
    return [(f.code, f.line, f.message) for f in report.findings]


def test_markdown_links_and_images_are_read_as_their_text(tmp_path):
    # only a link's text and an image's alt text are prose: the address, its title and the
    # brackets were read as words, so «,,» and a double space in an address or title got T102
    # and T106 findings (with fixes), the reference definition was a paragraph of the reply and
    # the words were counted
    plain = (
        "Уважаемая Гульнара Маратовна!\n\n"
        "Ваше заявление о перерасчёте платы за отопление рассмотрено. Перерасчёт за январь выполнен, "
        "квитанцию можно получить на портале или в ЦОН до 20 апреля 2026 года.\n\n"
        "Образец квитанции приложен к ответу.\n\n"
        "Руководитель отдела                 А. Жумабаев\n\n"
        "Исп.: Каримова Л., тел. 8 (7172) 55-20-14\n"
    )
    md = (
        plain.replace("на портале", 'на [портале](https://egov.kz/cms/ru/kvitantsiya,,oplata?x=1,y=2 "Портал  оплаты")')
        .replace("в ЦОН", "в [ЦОН][цон]")
        .replace("Образец квитанции", "![Образец](img/obrazec,,kvitantsii.png 'Образец  квитанции') квитанции")
        + '\n[ЦОН]: https://www.gov.kz/memleket/entities/con,,tsentr "Центры  обслуживания"\n'
    )
    (tmp_path / "reply.txt").write_text(plain, encoding="utf-8")
    (tmp_path / "reply.md").write_text(md, encoding="utf-8")
    expected, got = anyq.check_file(str(tmp_path / "reply.txt")), anyq.check_file(str(tmp_path / "reply.md"))
    assert (got.extra["kind"], got.score, got.stats["words"]) == (expected.extra["kind"], expected.score, expected.stats["words"])
    assert _plain_findings(got) == _plain_findings(expected)
    assert anyq.fix(md, format="md") == md  # nothing in an address or title is «fixed»


def test_markdown_autolinks_and_unknown_labels(tmp_path):
    # an autolink is an address, not words (skipped like code); «[1]» with no definition of «1»
    # is text, and so is a line that only looks like a definition
    text = (
        "Адрес портала: <https://egov.kz/cms/ru,,uslugi>, почта <info@akimat.kz>.\n\n"
        "Ответ дан в срок [1].\n\n"
        "[1]: Закон Республики Казахстан «О доступе к информации»\n"
    )
    p = tmp_path / "reply.md"
    p.write_text(text, encoding="utf-8")
    doc = read_path(p)
    assert [doc.text[a:b] for a, b in doc.skipped] == ["<https://egov.kz/cms/ru,,uslugi>", "<info@akimat.kz>"]
    assert doc.markup == []


def test_markdown_headings_and_rules_inside_block_quotes_are_markup(tmp_path):
    # a heading's closing «#»s and a rule or setext underline were markup only at a line's start:
    # inside a quote, nested or not, «##» and «---» stayed in the text the rules read
    text = (
        "> > Ваше обращение рассмотрено.\n"
        "> # Решение по обращению #\n"
        "> > ## Итог ##\n"
        "> > Ответ направлен почтой.\n"
        "> > ---\n"
        "> Счётчик заменят до 20 мая\n"
        ">    =====\n"
        "# Ответ\n"
    )
    p = tmp_path / "reply.md"
    p.write_text(text, encoding="utf-8")
    doc = read_path(p)
    marked = [doc.text[a:b] for a, b in doc.markup]
    assert marked == ["> >", ">", "#", "> >", "##", "> >", "> >", "---", ">", ">", "   ====="]
    # a line of many «>» is read in linear time (the markers match one way only)
    p.write_text("> " * 100_000 + "x\n", encoding="utf-8")
    assert len(read_path(p).markup) == 1


def test_a_markdown_finding_quotes_its_words_without_the_markers(tmp_path):
    # the message quoted the span as written, «В **целях** обеспечения безопасности»; the words
    # are quoted, and the finding's text is still the span in the file
    p = tmp_path / "reply.md"
    p.write_text("Уважаемый Ерлан Болатович!\n\nВ **целях** обеспечения безопасности лифт _отключён_.\n", encoding="utf-8")
    f = next(f for f in anyq.check_file(str(p)).findings if f.code == "J101")
    assert f.text == "В **целях** обеспечения безопасности"
    assert f.message.startswith("«В целях обеспечения безопасности»")


def test_a_plain_text_reply_quoted_whole_is_checked_as_the_quoted_letter(tmp_path):
    # a reply forwarded entirely in «>» quotes (under an attribution line) had no prose left
    # once the quotes were skipped: it was not checked at all, or scored on the attribution's
    # three words; it is the letter, read without its «>» markers, placed on the file's lines
    lines = REPLY_RU.split("\n")[:-1]
    quoted = "".join(f"> {l}\n" if l else ">\n" for l in lines)
    plain = tmp_path / "reply.txt"
    plain.write_text(REPLY_RU, encoding="utf-8")
    expected = anyq.check_file(str(plain))
    for head in ("", "12.05.2026 10:14, Отдел ЖКХ <zhkh@akimat.kz> пишет:\n", "-------- Пересылаемое сообщение --------\n"):
        p = tmp_path / "mail.txt"
        p.write_text(head + quoted, encoding="utf-8")
        got = anyq.check_file(str(p))
        assert (got.extra["kind"], got.score) == (expected.extra["kind"], expected.score), head
        shift = head.count("\n")
        assert [(f.code, f.line - shift, f.column - 2, re.sub(r"\n> ?", "\n", f.text)) for f in got.findings] == [
            (f.code, f.line, f.column, f.text) for f in expected.findings
        ], head
    # --fix edits the words and keeps the markers
    assert anyq.fix(quoted.replace("отопление рассмотрено", "отопление  рассмотрено")) == quoted


def test_markdown_emphasis_does_not_pair_across_a_bare_quote_line(tmp_path):
    # a bare «>» line ends the quote's paragraph, as a blank line ends one outside a quote: the
    # «**» before it and the «**» after it were paired into emphasis across two paragraphs
    text = "Уважаемый Ерлан Болатович!\n\n> Ответ **дан\n>\n> в срок** и _вовремя_.\n"
    p = tmp_path / "reply.md"
    p.write_text(text, encoding="utf-8")
    doc = read_path(p)
    assert [doc.text[a:b] for a, b in doc.markup] == [">", ">", ">", "_", "_"]


MAIL_HEADERS = [
    # Outlook's Russian header, at the very top of a saved message
    "От: Отдел ЖКХ акимата г. Караганды <zhkh@krg.gov.kz>\n"
    "Отправлено: 12 марта 2026 г. 16:05\n"
    "Кому: Сарсенова Гульнара <g.sarsenova@mail.kz>\n"
    "Тема: Ответ на Ваше заявление № ЗТ-2026-00412 по вопросу перерасчёта платы\n\n",
    # a Kazakh mail program's
    "Кімнен: Тұрғын үй бөлімі <tu@krg.gov.kz>\nКімге: Сарсенова Г. <g.sarsenova@mail.kz>\nТақырыбы: Өтінішке жауап\n\n",
    # English, under a forwarding line, with no blank line before the letter
    "-----Original Message-----\nFrom: zhkh@krg.gov.kz\nSent: Thursday, March 12, 2026 4:05 PM\n"
    "To: g.sarsenova@mail.kz\nSubject: RE: обращение по вопросу осуществления перерасчёта\n",
]


@pytest.mark.parametrize("head", MAIL_HEADERS)
def test_a_mail_header_block_over_a_plain_text_reply_is_markup(tmp_path, head):
    # a reply saved from a mail program was linted with its header: «Отправлено» was a passive
    # (J341), the subject line a long sentence (C104) with «по вопросу» (J116), the addresses
    # went to the speller and the words to the counts; the letter under it is read as it is alone
    plain = tmp_path / "reply.txt"
    plain.write_text(REPLY_RU, encoding="utf-8")
    expected = anyq.check_file(str(plain))
    p = tmp_path / "mail.txt"
    p.write_text(head + REPLY_RU, encoding="utf-8")
    doc = read_path(p)
    assert "".join(doc.text[a:b] + "\n" for a, b in doc.markup) == head.replace("\n\n", "\n")
    got = anyq.check_file(str(p))
    shift = head.count("\n")
    assert (got.score, got.stats["words"]) == (expected.score, expected.stats["words"])
    assert [(f.code, f.line - shift, f.column, f.text) for f in got.findings] == [
        (f.code, f.line, f.column, f.text) for f in expected.findings
    ]
    # a reply forwarded in «>» quotes under the header was skipped whole as a quotation, and only
    # the header was linted: it is the letter, read without its markers
    quoted = "".join(f"> {l}\n" if l else ">\n" for l in REPLY_RU.split("\n")[:-1])
    p.write_text(head + quoted, encoding="utf-8")
    got = anyq.check_file(str(p))
    assert (got.score, got.stats["words"]) == (expected.score, expected.stats["words"])
    assert [(f.code, f.line - shift, f.column - 2) for f in got.findings] == [(f.code, f.line, f.column) for f in expected.findings]
    # --fix leaves the header as it is
    assert anyq.fix(head + REPLY_RU.replace("отопление рассмотрено", "отопление  рассмотрено")) == head + REPLY_RU


def test_header_like_lines_elsewhere_are_text(tmp_path):
    # only a block at the top or under a forwarding line is a header: lines in the body, a single
    # «Тема:» line, or fields that name no sender or recipient stay prose
    p = tmp_path / "reply.txt"
    for text in (
        REPLY_RU + "\nОт: отдела ЖКХ\nКому: жильцам дома № 12\n",
        "Тема: Ответ на обращение о перерасчёте\n\n" + REPLY_RU,
        "Дата: 12.03.2026\nТема: Перерасчёт платы за отопление\n\n" + REPLY_RU,
        "Направляю ответ на Ваше обращение.\nОт: Отдел ЖКХ <zhkh@krg.gov.kz>\nКому: Сарсенова Г.\n\n" + REPLY_RU,
    ):
        p.write_text(text, encoding="utf-8")
        assert read_path(p).markup == [], text
    # under a forwarding line lower in the text, the header is markup and the note above is prose
    note = "Добрый день! Пересылаю ответ отдела.\n\n"
    fwd = "-------- Пересылаемое сообщение --------\nОт: Отдел ЖКХ <zhkh@krg.gov.kz>\nКому: Сарсенова Г.\n\n"
    p.write_text(note + fwd + REPLY_RU, encoding="utf-8")
    doc = read_path(p)
    assert [doc.text[a:b] for a, b in doc.markup] == fwd.split("\n")[:3]
    assert doc.markup[0][0] == len(note)


def test_markdown_inline_code_is_found_as_commonmark_finds_it(tmp_path):
    # only single backticks on one line were code: a span wrapped onto the next line, and a
    # double-backtick span with a backtick inside, were linted as prose («в целях», «данный»)
    text = (
        "Уважаемый Ерлан Болатович!\n\n"
        "Для проверки статуса выполните `anyq check --select J101\nв целях отладки` в терминале.\n"
        "Шаблон ``поле `данный вопрос` в ответе`` заполняется автоматически.\n"
        "Тройные ```код ` и `` внутри``` тоже код, \\`а это` `не код.\n\n"
        "Незакрытый `апостроф\n\nне тянется в следующий абзац`.\n\n"
        "```\nблок `кода\n```\nи текст после него, `строка кода`.\n"
    )
    p = tmp_path / "reply.md"
    p.write_text(text, encoding="utf-8")
    doc = read_path(p)
    assert [doc.text[a:b] for a, b in doc.skipped] == [
        "`anyq check --select J101\nв целях отладки`",
        "``поле `данный вопрос` в ответе``",
        "```код ` и `` внутри```",
        "` `",
        "```\nблок `кода\n```",
        "`строка кода`",
    ]
    got = anyq.check_file(str(p))
    # before: J101 «в целях» and J464 «данный вопрос» inside the code
    assert not [f for f in got.findings if f.code in ("J101", "J464")]
