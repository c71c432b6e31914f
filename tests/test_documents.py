"""Real documents generated here: .docx, .odt, .pdf, .rtf, .html — text, Kazakh letters,
locations, and findings equal to those on the same text as .txt."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest

import anyq
from anyq.readers import Limits, ReadError, read_path
from docgen import KAZAKH_LETTERS, RU_KK_LETTER, Letter, WRITERS, plain_text, write_pdf, write_pdf_lines

IN_PROCESS = Limits(timeout=0)

# What each format carries of the letter, in the order its reader gives it.
EXTRACTS = {
    "docx": {},
    "odt": {},
    "rtf": {},
    "html": {"notes": False, "header_footer": False},
    "pdf": {"table": False, "notes": False, "header_footer": False},
}


@pytest.fixture(scope="module")
def letters(tmp_path_factory):
    d = tmp_path_factory.mktemp("letters")
    files = {fmt: write(RU_KK_LETTER, d / f"letter.{fmt}") for fmt, write in WRITERS.items()}
    for fmt, opts in EXTRACTS.items():
        (d / f"letter_{fmt}.txt").write_text(plain_text(RU_KK_LETTER, **opts), encoding="utf-8")
    return d, files


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_extracted_text_is_the_letter_and_every_kazakh_letter_survives(letters, fmt):
    _, files = letters
    doc = read_path(files[fmt], limits=IN_PROCESS)
    assert doc.format == fmt
    assert doc.text == plain_text(RU_KK_LETTER, **EXTRACTS[fmt])
    for ch in KAZAKH_LETTERS:
        assert ch in doc.text, ch
    assert "i" not in "".join(c for c in doc.text if c.isalpha() and c.isascii()), "a Latin i crept in"


_MISSING_PARTS = ("L110", "L111", "L112", "L113", "L114")


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_findings_equal_those_on_the_same_text_as_txt(letters, fmt):
    d, files = letters
    doc_report = anyq.check_file(str(files[fmt]))  # through the reader worker, as the CLI does
    txt_report = anyq.check_file(str(d / f"letter_{fmt}.txt"))
    assert not doc_report.errors and not txt_report.errors
    # a reply's missing parts (L110-L114) are marked at the end of its body: in a document
    # that is before the page header and footer, which the .txt copy has as last paragraphs
    def seen(report):
        return sorted((f.code, "" if f.code in _MISSING_PARTS else f.text) for f in report.findings)

    got = sorted((f.code, f.text) for f in doc_report.findings)
    assert seen(doc_report) == seen(txt_report)
    assert not any(f.code in _MISSING_PARTS and "part" in f.location for f in doc_report.findings)
    assert ("J101", "В целях обеспечения безопасности") in got and ("J502", "жүзеге асырылатынын") in got
    assert all(f.location for f in doc_report.findings), "every finding in a document is located"
    assert all(not f.location for f in txt_report.findings)


def _finding(report, code):
    return next(f for f in report.findings if f.code == code)


@pytest.mark.parametrize("fmt", ["docx", "odt", "rtf"])
def test_word_processor_locations_point_at_paragraph_cell_and_note(letters, fmt):
    _, files = letters
    report = anyq.check_file(str(files[fmt]))
    j101 = _finding(report, "J101").location
    assert j101["paragraph"] == 2 and j101["excerpt"].startswith("В целях обеспечения безопасности")
    assert "table" not in j101
    cell = _finding(report, "J102").location  # «в рамках» in the second row, second cell
    assert (cell["table"], cell["row"], cell["cell"]) == (1, 2, 2)
    assert cell["paragraph"] == 7 and cell["excerpt"] == "в рамках пятнадцати рабочих дней"
    kk = _finding(report, "J502").location
    assert kk["paragraph"] == 9 and kk["excerpt"].startswith("Сіздің өтінішіңіз")
    note = _finding(report, "J106").location  # «осуществляется контроль» is in the footnote
    assert note["part"] == "footnote" and note["footnote"] == 1


@pytest.mark.parametrize("fmt", ["docx", "odt", "rtf"])
def test_headers_and_footers_are_read_and_located(letters, fmt):
    _, files = letters
    doc = read_path(files[fmt], limits=IN_PROCESS)
    located = {doc.text[b.start : b.end]: b.location for b in doc.blocks}
    header = located[RU_KK_LETTER.header]
    footer = located[RU_KK_LETTER.footer]
    assert header["part"] == "header" and footer["part"] == "footer"
    assert header["paragraph"] == 1


def test_pdf_locations_are_page_and_line(letters):
    _, files = letters
    report = anyq.check_file(str(files["pdf"]))
    assert _finding(report, "J101").location == {"page": 1, "line": 2}
    # the Kazakh paragraphs start page 2; «жүзеге асырылатынын» is on the paragraph's 2nd line
    kk = _finding(report, "J502")
    assert kk.location == {"page": 2, "line": 3}
    doc = read_path(files["pdf"], limits=IN_PROCESS)
    lines = {(p.location["page"], p.location["line"]): doc.text[p.start : p.end] for p in doc.positions}
    assert lines[(2, 2)].startswith("Сіздің өтінішіңіз") and "жүзеге асырылатынын" in lines[(2, 3)]


def test_html_locations_give_the_source_line_and_hidden_text_is_dropped(letters):
    _, files = letters
    report = anyq.check_file(str(files["html"]))
    source = files["html"].read_text(encoding="utf-8").splitlines()
    loc = _finding(report, "J101").location
    assert loc["paragraph"] == 2 and "В целях обеспечения безопасности жителей" in source[loc["source_line"] - 1]
    doc = read_path(files["html"], limits=IN_PROCESS)
    for hidden in ("скрытый текст", "В рамках меню", "В рамках данного", "комментарий", "<p>"):
        assert hidden not in doc.text


def test_text_and_json_reporters_show_locations(letters):
    from typer.testing import CliRunner

    from anyq.cli import app

    _, files = letters
    result = CliRunner().invoke(app, ["check", str(files["docx"]), "--no-color", "--select", "J102"])
    assert "J102" in result.output
    assert "[paragraph 7, table 1, row 2, cell 2]" in result.output
    result = CliRunner().invoke(app, ["check", str(files["pdf"]), "--format", "json", "--select", "J101"])
    f = json.loads(result.stdout)["files"][0]
    assert f["format"] == "pdf"
    first = f["findings"][0]
    assert first["location"] == {"page": 1, "line": 2} and first["line"] >= 1 and first["column"] >= 1


# -- PDF text layer ---------------------------------------------------------------------
def test_pdf_joins_hyphenated_words_keeps_real_hyphens_and_drops_page_numbers(tmp_path):
    lines = [
        "Сообщаем, что в целях обеспе-",
        "чения безопасности жителей района по",
        "статье 91-",
        "бабы и нормам ӘРПК-",
        "нің проведены работы в городе Нур-",
        "Султан и в северо-",
        "западном районе.",
    ]
    path = write_pdf_lines([lines, ["Вторая страница письма.", "2"]], tmp_path / "hyphens.pdf")
    doc = read_path(path, limits=IN_PROCESS)
    text = doc.text
    assert "обеспечения безопасности" in text
    assert "91-бабы" in text and "ӘРПК-нің" in text and "Нур-Султан" in text
    assert "северо-западном" in text
    assert "\n2\n" not in text and not text.rstrip().endswith("2")
    start = text.index("обеспечения")
    assert doc.location_at(start) == {"page": 1, "line": 1}
    assert doc.location_at(text.index("Вторая")) == {"page": 2, "line": 1}


def test_pdf_paragraph_going_over_a_page_is_one_paragraph_and_justified_spaces_collapse(tmp_path):
    long = " ".join(["Ваше обращение рассмотрено комиссией акимата, и по его итогам приняты решения."] * 40)
    letter = Letter(["Уважаемый заявитель!", long, "С уважением, аким района."])
    path = write_pdf(letter, tmp_path / "long.pdf")
    doc = read_path(path, limits=IN_PROCESS)
    assert len({p.location["page"] for p in doc.positions}) >= 2
    assert doc.text == "\n".join(letter.paragraphs) + "\n"
    assert "  " not in doc.text


def _pdf_page_lines(path, pages, *, header="", footer="", head_size=9, size=12, page_numbers=True, one_word_at_a_time=False):
    """A PDF of these lines per page (a leading «    » indents a line), with a running
    header and footer in ``head_size`` type at the very top and bottom, as archives hold."""
    from fpdf import FPDF

    from docgen import dejavu

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", dejavu())
    pdf.set_auto_page_break(False)
    for n, lines in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_font("DejaVu", size=head_size)
        if header:
            pdf.cell(0, 6, header, align="C")
        pdf.set_font("DejaVu", size=size)
        pdf.set_y(25)
        for i, line in enumerate(lines):
            x = 20 if line.startswith("    ") or one_word_at_a_time else 10
            if one_word_at_a_time:  # each word placed on its own, a space's width apart
                for word in line.split():
                    pdf.text(x, 30 + 8 * i, word)
                    x += pdf.get_string_width(word + " ")
            else:
                pdf.set_x(x)
                pdf.cell(0, 7, line.strip(), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", size=head_size)
        if footer:
            pdf.set_y(-20)
            pdf.cell(0, 5, footer)
        if page_numbers:
            pdf.set_y(-14)
            pdf.cell(0, 5, str(n), align="C")
    pdf.output(str(path))
    return path


_TWO_PAGES = [
    [
        "    Уважаемый Бахыт Нурланович!",
        "    Аппарат акима города Караганды рассмотрел Ваше заявление о ремонте",
        "кровли дома по улице Ерубаева, 12. Сообщаем, что работы на Вашем доме",
        "запланированы на 2026 год, а подрядная организация будет определена",
        "по итогам конкурса. Управляющая компания обязана устранить протечки над",
        "квартирами 7 и 9 до 1 ноября за свой счёт, о чём ей направлено предписа-",
    ],
    [
        "ние. Если протечки не устранят, позвоните в отдел жилищных отношений по",
        "телефону 8 (7212) 41-22-35, и мы проверим работу управляющей компании.",
        "    Исп.: Ахметова Д. К., тел. 41-18-07",
    ],
]
_HEADER = "Акимат города Караганды · Исх. № 3Т-1452 от 14.10.2025"
_FOOTER = "Документ сформирован в системе электронного документооборота"


def test_pdf_running_header_and_footer_are_read_once_after_the_body(tmp_path):
    path = _pdf_page_lines(tmp_path / "hf.pdf", _TWO_PAGES, header=_HEADER, footer=_FOOTER)
    doc = read_path(path, limits=IN_PROCESS)
    paragraphs = doc.text.splitlines()
    # the paragraph goes on over the page break: the word split there is joined
    assert "о чём ей направлено предписание. Если протечки не устранят" in doc.text
    assert paragraphs[-2:] == [_HEADER, _FOOTER]  # once each, after the body, as a .docx's
    assert paragraphs[-3] == "Исп.: Ахметова Д. К., тел. 41-18-07"
    assert doc.location_at(doc.text.index(_FOOTER)) == {"part": "footer", "page": 1, "line": 8}
    assert doc.location_at(doc.text.index(_HEADER)) == {"part": "header", "page": 1, "line": 1}
    assert doc.location_at(doc.text.index("ние. Если")) == {"page": 2, "line": 2}  # lines counted with the header
    report = anyq.check_file(str(path))
    assert [f.text for f in report.findings if f.code == "J341"].count("сформирован") == 1
    assert not [f for f in report.findings if f.code == "S101"]
    # the reply's missing parts are marked at the end of its body, never on the footer
    for f in report.findings:
        if f.code in _MISSING_PARTS:
            assert "part" not in f.location, f


@pytest.mark.parametrize("label", ["Исп:", "Исполнитель", "Орынд.:"], ids=["isp-colon", "ispolnitel", "orynd-stop"])
def test_pdf_executor_line_under_a_full_line_is_its_own_paragraph_whatever_its_label(tmp_path, label):
    """The PDF reader knew «Исп.» and «Исполнитель:» but not «Исп:» nor «Исполнитель» with no
    colon, which the letter layout reads as the executor: the line went into the body above it.
    The labels are one list now (rules/data/reply_cues.toml, layout.executor_labels)."""
    lines = [
        "    Уважаемый Виктор Андреевич!",
        "    Департамент полиции рассмотрел Ваше заявление о шуме в ночное время",
        "из кафе на первом этаже Вашего дома. Участковый инспектор посетил кафе",
        "в июле, нарушение подтвердилось, и владельцу кафе назначен штраф в 10 МРП.",
        f"{label} Байжанов Н. Т., тел. 254-44-12",
    ]
    doc = read_path(_pdf_page_lines(tmp_path / "reply.pdf", [lines], page_numbers=False), limits=IN_PROCESS)
    assert doc.text.splitlines()[-2:] == [
        "Департамент полиции рассмотрел Ваше заявление о шуме в ночное время из кафе на первом этаже Вашего дома. "
        "Участковый инспектор посетил кафе в июле, нарушение подтвердилось, и владельцу кафе назначен штраф в 10 МРП.",
        f"{label} Байжанов Н. Т., тел. 254-44-12",
    ]


_ONE_PAGE = [
    "    Уважаемый Виктор Андреевич!",
    "    Департамент полиции рассмотрел Ваше заявление о шуме в ночное время",
    "из кафе на первом этаже Вашего дома. Участковый инспектор посетил кафе",
    "в июле; нарушение тишины после 23:00 подтвердилось, и владельцу кафе",
    "назначен штраф по статье 437 Кодекса об административных правонарушениях",
    "Республики Казахстан. Если шум повторится, звоните по номеру 102.",
    "    Исп.: Байжанов Н. Т., тел. 254-44-12",
]


def test_pdf_header_and_footer_in_small_type_do_not_move_paragraph_breaks(tmp_path):
    # one page: nothing repeats, but the header and footer are in small type at its very top and bottom
    header = "ДЕПАРТАМЕНТ ПОЛИЦИИ ГОРОДА АЛМАТЫ · 050000, г. Алматы, ул. Байзакова, 142 · тел. 254-40-00 · kense@police.kz"
    footer = "Документ подписан ЭЦП: Департамент полиции города Алматы, 09.07.2025 10:41. Проверить подлинность: https://documentolog.kz/check"
    with_hf = read_path(_pdf_page_lines(tmp_path / "hf.pdf", [_ONE_PAGE], header=header, footer=footer, head_size=6, page_numbers=False), limits=IN_PROCESS)
    without = read_path(_pdf_page_lines(tmp_path / "nohf.pdf", [_ONE_PAGE], page_numbers=False), limits=IN_PROCESS)
    assert with_hf.text == without.text + header + "\n" + footer + "\n"
    assert "административных правонарушениях Республики Казахстан." in without.text
    assert with_hf.location_at(with_hf.text.index(footer))["part"] == "footer"


def test_pdf_paragraphs_of_a_letter_of_a_few_lines_stay_apart(tmp_path):
    lines = [
        "Уважаемый Тимур Серикович!",
        "Удостоверение личности готово, его можно получить в ЦОН района Байконыр.",
        "Исп.: Сарсенова А., тел. 1414",
    ]
    doc = read_path(_pdf_page_lines(tmp_path / "short.pdf", [lines], page_numbers=False), limits=IN_PROCESS)
    assert doc.text.splitlines() == lines


def test_pdf_keeps_real_hyphens_at_a_line_end(tmp_path):
    lines = [
        "Осы жауаппен келіспесеңіз, Әкімшілік рәсімдік-",
        "процестік кодекстің 91-бабы бойынша шағым жасай аласыз. Мәселе жан-",
        "жақты қаралды, дәрі-",
        "дәрмектер тегін беріледі, өтініш-",
        "іңіз орындалды.",
    ]
    ru = ["Ответ можно обжаловать по статье 91 Административного процедурно-", "процессуального кодекса, а в целях обеспе-", "чения порядка звоните."]
    doc = read_path(write_pdf_lines([lines, ru], tmp_path / "hyphens.pdf"), limits=IN_PROCESS)
    for word in ("рәсімдік-процестік", "жан-жақты", "дәрі-дәрмектер", "процедурно-процессуального"):
        assert word in doc.text, word
    assert "өтінішіңіз" in doc.text and "обеспечения" in doc.text  # word breaks are still joined
    report = anyq.check_file(str(tmp_path / "hyphens.pdf"))
    assert not [f.text for f in report.findings if f.code == "S101"]


def test_pdf_words_placed_one_at_a_time_keep_the_spaces_between_them(tmp_path):
    lines = [
        "Уважаемый Тимур Серикович!",
        "Удостоверение личности готово, его можно получить в ЦОН района Байконыр.",
        "Исп.: Сарсенова А., тел. 1414",
    ]
    path = _pdf_page_lines(tmp_path / "words.pdf", [lines], page_numbers=False, one_word_at_a_time=True)
    doc = read_path(path, limits=IN_PROCESS)
    # pypdf's layout mode loses the space after «Исп.:» here («вЦОН», «А.,тел.» in a serif type); its plain mode has it
    assert "получить в ЦОН района" in doc.text and "Исп.: Сарсенова А., тел. 1414" in doc.text
    assert doc.text.splitlines() == lines
    assert doc.location_at(doc.text.index("Исп.")) == {"page": 1, "line": 3}


def _pdf_justified(path, lines, tight=0.13):
    """Lines of a justified paragraph, each word placed on its own with no space glyph, the
    gaps stretched to one right edge; the longest line's gaps are ``tight`` em (a tight line)."""
    from fpdf import FPDF

    from docgen import dejavu

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", dejavu())
    pdf.set_font("DejaVu", size=12)
    pdf.add_page()
    em = 12 * 25.4 / 72
    natural = [sum(pdf.get_string_width(w) for w in l.split()) + tight * em * (len(l.split()) - 1) for l in lines]
    for i, line in enumerate(lines):
        words = line.split()
        gap = tight * em + (max(natural) - natural[i]) / (len(words) - 1) if i < len(lines) - 1 else 0.3 * em
        x = 20
        for w in words:
            pdf.text(x, 30 + 7 * i, w)
            x += pdf.get_string_width(w) + gap
    pdf.output(str(path))
    return path


def test_pdf_justified_words_placed_one_at_a_time_are_not_glued(tmp_path):
    kk = ["Жүргізуші куәлігін ауыстыру туралы өтінішіңізге жауап", "ретінде хабарлаймыз: жаңа куәлік дайын, оны алуға болады."]
    ru = ["Аппарат акима города Караганды рассмотрел Ваше заявление", "о ремонте кровли и сообщает следующее."]
    for name, lines in (("kk", kk), ("ru", ru)):
        doc = read_path(_pdf_justified(tmp_path / f"{name}.pdf", lines), limits=IN_PROCESS)
        assert doc.text == " ".join(lines) + "\n", doc.text


def test_pdf_word_placed_letter_by_letter_with_kerning_stays_one_word(tmp_path):
    from fpdf import FPDF

    from docgen import dejavu

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", dejavu())
    pdf.set_font("DejaVu", size=12)
    pdf.add_page()
    em = 12 * 25.4 / 72
    x = 20
    for i, ch in enumerate("Уважаемый"):  # each letter its own run, kerned tighter and looser
        pdf.text(x, 30, ch)
        x += pdf.get_string_width(ch) + (-0.08, 0.08)[i % 2] * em
    pdf.text(x + 0.3 * em, 30, "заявитель!")
    pdf.output(str(tmp_path / "kern.pdf"))
    assert read_path(tmp_path / "kern.pdf", limits=IN_PROCESS).text == "Уважаемый заявитель!\n"


# -- RTF details ------------------------------------------------------------------------
def test_rtf_unicode_escapes_code_pages_and_skipped_destinations(tmp_path):
    rtf = (
        rb"{\rtf1\ansi\ansicpg1251\uc1{\fonttbl{\f0\fcharset204 Times;}{\f1\fcharset0 Arial;}}"
        rb"{\*\unknowndest \'c2 tselyah}{\info{\author \'c2 \'f6\'e5\'eb\'ff\'f5}}"
        rb"{\pict\bin6 {}}}\'ff}"
        rb"\pard\f0 \u1179?\u1201?\'e0\'e9, \u-10179?\u-8638?\par"
        rb"{\field{\*\fldinst HYPERLINK x}{\fldrslt \'f1\'f1\'fb\'eb\'ea\'e0}}\par}"
    )
    p = tmp_path / "x.rtf"
    p.write_bytes(rtf)
    doc = read_path(p, limits=IN_PROCESS)
    assert doc.text == "құай, \U0001f642\nссылка\n"


def test_rtf_nested_too_deep_is_an_error(tmp_path):
    p = tmp_path / "deep.rtf"
    p.write_bytes(b"{\\rtf1 " + b"{" * 50_000 + b"text" + b"}" * 50_000 + b"}")
    with pytest.raises(ReadError, match="nested more than"):
        read_path(p, limits=IN_PROCESS)


# -- HTML details -----------------------------------------------------------------------
def test_html_unclosed_tags_line_breaks_entities_and_cp1251(tmp_path):
    html = "<html><body><p>Первый&nbsp;абзац<br>вторая строка<p>Второй <b>абзац &laquo;в целях&raquo;<li>Пункт</body>"
    p = tmp_path / "page.htm"
    p.write_bytes(html.encode("cp1251"))
    doc = read_path(p, limits=IN_PROCESS)
    assert doc.text == "Первый\u00a0абзац\nвторая строка\nВторой абзац «в целях»\nПункт\n"
    assert doc.encoding == "cp1251"


def test_html_nested_deeper_than_browsers_go_is_an_error(tmp_path):
    p = tmp_path / "deep.html"
    p.write_text("<div>" * 5000 + "текст" + "</div>" * 5000, encoding="utf-8")
    with pytest.raises(ReadError, match="nests elements more than"):
        read_path(p, limits=IN_PROCESS)


# -- content over name, old formats ---------------------------------------------------
def test_a_document_with_the_wrong_suffix_is_read_by_its_content(letters, tmp_path):
    _, files = letters
    wrong = tmp_path / "reply.doc"
    wrong.write_bytes(files["rtf"].read_bytes())  # archives are full of RTF saved as .doc
    report = anyq.check_file(str(wrong))
    assert not report.errors and report.extra["format"] == "rtf"
    assert "read as rtf" in report.extra["notes"][0]
    pdf_as_docx = tmp_path / "scan.docx"
    pdf_as_docx.write_bytes(files["pdf"].read_bytes())
    assert read_path(pdf_as_docx, limits=IN_PROCESS).format == "pdf"


def test_macro_enabled_word_documents_are_read_as_docx(letters, tmp_path):
    import zipfile

    _, files = letters
    src = zipfile.ZipFile(files["docx"])
    docm = tmp_path / "reply.docm"
    with zipfile.ZipFile(docm, "w") as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml",
                )
            z.writestr(info, data)
    assert read_path(docm, limits=IN_PROCESS).text == plain_text(RU_KK_LETTER)


def test_old_binary_doc_says_to_convert(tmp_path):
    p = tmp_path / "old.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)
    with pytest.raises(ReadError, match=r"old binary Word document \(\.doc\).*save it as \.docx"):
        read_path(p, limits=IN_PROCESS)


def _pdf_pages(path, pages):
    """A PDF of these pages: a string is a line of text, "image" a scanned picture, None a blank page."""
    import io

    from fpdf import FPDF
    from PIL import Image

    from docgen import dejavu

    pdf = FPDF()
    pdf.add_font("DejaVu", "", dejavu())
    pdf.set_font("DejaVu", size=12)
    for page in pages:
        pdf.add_page()
        if page == "image":
            img = io.BytesIO()
            Image.new("L", (400, 200), 255).save(img, "PNG")
            pdf.image(img, x=10, y=10, w=150)
        elif page:
            pdf.cell(0, 10, page)
    pdf.output(str(path))
    return str(path)


def test_scanned_pages_are_noted(tmp_path):
    report = anyq.check_file(_pdf_pages(tmp_path / "half.pdf", ["Өтінішіңіз қаралды.", "image"]))
    assert not report.errors
    assert report.extra["notes"] == ["page 2 of 2 has no text layer (scanned?) and was not checked"]
    report = anyq.check_file(_pdf_pages(tmp_path / "more.pdf", ["Өтінішіңіз қаралды.", "image", "image", None, "image"]))
    assert report.extra["notes"] == ["pages 2–3, 5 of 5 have no text layer (scanned?) and were not checked"]


def test_a_blank_pdf_page_is_not_a_scan(tmp_path):
    """An empty reverse side has nothing to check: no note calls it a scan, and the text
    before and after it are separate paragraphs."""
    path = _pdf_pages(tmp_path / "reply.pdf", ["Мы рассмотрели ваше обращение.", None, "Ответ можно обжаловать в суде."])
    doc = read_path(path, limits=IN_PROCESS)
    assert doc.text == "Мы рассмотрели ваше обращение.\nОтвет можно обжаловать в суде.\n"
    assert doc.notes == []
    assert [b.location["page"] for b in doc.blocks] == [1, 3]
    with pytest.raises(ReadError, match=r"has no text to check: its 2 pages are blank \(no text, no images\)$"):
        read_path(_pdf_pages(tmp_path / "empty.pdf", [None, None]), limits=IN_PROCESS)
    with pytest.raises(ReadError, match=r"no text layer \(1 page of images — a scan\?\)"):
        read_path(_pdf_pages(tmp_path / "scan.pdf", [None, "image"]), limits=IN_PROCESS)


# -- hidden text: Word and LibreOffice neither show nor print it ------------------------
_SHOWN = "Ваше обращение рассмотрено. Ответ направлен почтой."
_HIDDEN = "Работа ведётся в рамках программы."


def test_hidden_text_in_docx_is_not_read(tmp_path):
    import docx
    from docx.oxml.ns import qn

    d = docx.Document()
    p = d.add_paragraph("Ваше обращение рассмотрено. ")
    p.add_run(_HIDDEN).font.hidden = True
    p.add_run("Ответ направлен почтой.")
    shown = d.add_paragraph().add_run("Срок ответа соблюдён.")
    shown.font.hidden = True
    shown.font._element.get_or_add_rPr().find(qn("w:vanish")).set(qn("w:val"), "0")  # hidden switched off
    d.add_paragraph().add_run("В целях обеспечения контроля.").font.hidden = True  # a hidden paragraph
    d.save(tmp_path / "reply.docx")
    report = anyq.check_file(str(tmp_path / "reply.docx"))
    assert report.extra["format"] == "docx" and not report.errors
    hidden_words = ("ведётся", "рамках", "целях")
    assert not [f.code for f in report.findings if any(w in f.text for w in hidden_words)]
    doc = read_path(tmp_path / "reply.docx", limits=IN_PROCESS)
    assert doc.text == "Ваше обращение рассмотрено. Ответ направлен почтой.\nСрок ответа соблюдён.\n"
    assert [b.location["paragraph"] for b in doc.blocks] == [1, 2]


def test_hidden_text_in_rtf_is_not_read_nor_glued_to_the_next_word(tmp_path):
    from docgen import _rtf_escape as e

    rtf = (
        r"{\rtf1\ansi\ansicpg1251\uc1{\fonttbl{\f0\fcharset204 Times;}}"
        r"\pard\plain\f0 " + e("Ваше обращение рассмотрено. ") + r"{\v " + e(_HIDDEN) + r"\u1179?}"
        + e("Ответ направлен почтой.") + r"\par"
        r"\pard\v " + e("В целях обеспечения контроля.") + r"\v0 " + e("Срок ответа соблюдён.")
        + r"{\v " + e("В рамках") + r"\plain  " + e("программы.") + r"}\par}"
    )
    (tmp_path / "reply.rtf").write_bytes(rtf.encode("ascii"))
    doc = read_path(tmp_path / "reply.rtf", limits=IN_PROCESS)
    assert doc.text == _SHOWN + "\nСрок ответа соблюдён. программы.\n"


def test_hidden_text_in_odt_is_not_read(tmp_path):
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import P, Section, Span

    doc = OpenDocumentText()
    hidden = Style(name="T1", family="text")
    hidden.addElement(TextProperties(attributes={"display": "none"}))
    doc.automaticstyles.addElement(hidden)
    secret = Style(name="Secret", family="paragraph")  # a named style hiding its paragraphs…
    secret.addElement(TextProperties(attributes={"display": "none"}))
    doc.styles.addElement(secret)
    doc.automaticstyles.addElement(Style(name="P1", family="paragraph", parentstylename="Secret"))  # …inherited
    p = P(text="Ваше обращение рассмотрено. ")
    p.addElement(Span(stylename=hidden, text=_HIDDEN))
    p.addText("Ответ направлен почтой.")
    doc.text.addElement(p)
    doc.text.addElement(P(stylename="P1", text="В целях обеспечения контроля."))
    section = Section(name="Old", display="none")
    section.addElement(P(text="В рамках программы развития."))
    doc.text.addElement(section)
    doc.text.addElement(P(text="Срок ответа соблюдён."))
    doc.save(str(tmp_path / "reply.odt"))
    got = read_path(tmp_path / "reply.odt", limits=IN_PROCESS)
    assert got.text == _SHOWN + "\nСрок ответа соблюдён.\n"
    assert [b.location["paragraph"] for b in got.blocks] == [1, 2]


def test_odt_space_with_a_damaged_count_is_one_space(tmp_path):
    """``<text:s text:c="abc"/>`` was «is damaged … (ValueError: invalid literal for int() …)»;
    LibreOffice opens such a file and shows one space."""
    import zipfile

    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        '<text:p>Ответ<text:s text:c="abc"/>направлен<text:s text:c="2"/>почтой.</text:p>'
        "</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(tmp_path / "reply.odt", "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml", manifest)
    assert read_path(tmp_path / "reply.odt", limits=IN_PROCESS).text == "Ответ направлен  почтой.\n"


# -- nothing is written; nothing heavy is imported for .txt -----------------------------
def test_checking_documents_never_writes_them(letters):
    _, files = letters
    before = {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in files.values()}
    anyq.check_paths([str(p) for p in files.values()])
    assert before == {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in files.values()}


def test_a_txt_check_imports_no_document_library(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("В целях обеспечения безопасности сообщаем.", encoding="utf-8")
    code = (
        "import sys, anyq; anyq.check_file(sys.argv[1]);"
        "print(sorted(m for m in ('docx','odf','pypdf','lxml','fpdf') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(p)], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("fmt", ["docx", "odt", "rtf"])
def test_a_missing_part_of_a_reply_is_marked_in_the_body_not_in_the_page_footer(tmp_path, fmt):
    """A page header and footer are read after the body; L112/L113 (no next step, no appeal
    route) belong at the end of the reply itself, and the footer's executor line still counts."""
    reply = Letter(
        paragraphs=[
            "Уважаемый Ерлан Болатович!",
            "Ваше обращение о ремонте подъезда рассмотрено.",
            "В ремонте подъезда в этом году отказано, так как дом не включён в план капитального ремонта на 2026 год.",
        ],
        header="Исх. № 12-3/456 от 14.03.2025",
        footer="Исп. Нурланова Д. К., тел. 8 (7172) 55-01-02",
    )
    path = WRITERS[fmt](reply, tmp_path / f"reply.{fmt}")
    report = anyq.check_file(str(path), anyq.Settings(kind="reply"))
    missing = {f.code: f for f in report.findings if f.code in ("L112", "L113", "L114")}
    assert set(missing) == {"L112", "L113"}, sorted(missing)  # the footer's executor and phone count
    for f in missing.values():
        assert "part" not in f.location and f.text.startswith("В ремонте подъезда"), (f.code, f.location, f.text)


@pytest.mark.parametrize("fmt", ["docx", "odt", "rtf", "html"])
def test_a_word_that_ends_one_paragraph_and_starts_the_next_is_no_doubled_word(tmp_path, fmt):
    """A document's paragraphs and cells are joined by one line break, which in a text file
    may be a hard wrap inside a sentence: T104 must not join «нет» | «Нет оснований…»."""
    letter = Letter(
        paragraphs=["Ответ на ваш вопрос: нет", "Нет оснований для пересмотра решения.", "Мы проверили проверили документы."],
        table=[["да", "да"]],
        table_after=1,
    )
    path = WRITERS[fmt](letter, tmp_path / f"letter.{fmt}")
    found = [f.text for f in anyq.check_file(str(path), anyq.Settings(select=["T104"])).findings]
    assert found == ["проверили проверили"], found


def test_fix_leaves_a_word_document_named_txt_alone_and_fixes_the_rest(tmp_path):
    from docx import Document

    word = tmp_path / "letter.txt"  # a Word file saved under a text name
    d = Document()
    d.add_paragraph("Мы рассмотрели ваш вопрос. Ответ:  нет")
    d.save(str(word))
    before = word.read_bytes()
    plain = tmp_path / "other.txt"
    plain.write_text("Мы проверили проверили вопрос.\n", encoding="utf-8")
    from anyq.api import fix_file

    fixes = [fix_file(str(p)) for p in (word, plain)]
    assert fixes[0].note == "not fixed: it holds a .docx document, not plain text" and not fixes[0].written
    assert word.read_bytes() == before
    assert fixes[1].written and plain.read_text(encoding="utf-8") == "Мы проверили вопрос.\n"
