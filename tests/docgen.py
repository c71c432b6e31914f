"""Real documents made by the tests (and by bench/readers.py): .docx, .odt, .pdf, .rtf, .html.

Each writer takes a :class:`Letter` and writes it with the format's own library or
syntax; :func:`plain_text` gives the same letter as the .txt a reader should extract
(paragraphs in reading order, table cells row by row, footnotes, then headers and
footers), so findings on both can be compared. The letter texts are our own.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF"]


def dejavu(name: str = "DejaVuSans.ttf") -> str:
    """The DejaVu font (Cyrillic and Kazakh glyphs) — Debian's fonts-dejavu-core (.ci/run installs it)."""
    for d in FONT_DIRS:
        p = Path(d) / name
        if p.exists():
            return str(p)
    raise FileNotFoundError(f"{name} not found in {FONT_DIRS}: apt-get install fonts-dejavu-core")


KAZAKH_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"


@dataclass
class Letter:
    paragraphs: list[str]
    table: list[list[str]] | None = None
    table_after: int = 0  # the table follows this many paragraphs
    header: str | None = None
    footer: str | None = None
    footnote: tuple[int, str] | None = None  # (paragraph index, note text)
    page_breaks: list[int] = field(default_factory=list)  # PDF: a new page before these paragraphs


RU_KK_LETTER = Letter(
    paragraphs=[
        "Уважаемый Серик Маратович!",
        "В целях обеспечения безопасности жителей Ваше обращение рассмотрено в установленном порядке, и по данному вопросу сообщаем следующее.",
        "Ремонт кровли дома № 12 по улице Абая будет осуществлен подрядной организацией до 15 мая текущего года.",
        "Құрметті Айгүл Серікқызы!",
        "Сіздің өтінішіңіз қаралып, жер учаскесін беру мәселесі заңнамада белгіленген тәртіппен жүзеге асырылатынын хабарлаймыз.",
        "Әкімдік құжаттарды бір ай ішінде дайындап, Сізге пошта арқылы жібереді.",
        "Барлық әріптер: ә ғ қ ң ө ұ ү һ і және Ә Ғ Қ Ң Ө Ұ Ү Һ І.",
    ],
    table=[["Өтініш берілген күні", "2024 жылғы 3 наурыз"], ["Срок ответа", "в рамках пятнадцати рабочих дней"]],
    table_after=3,
    header="Астана қаласының әкімдігі",
    footer="Исп. Иванов И. И., тел. 8 (7172) 74-00-00",
    footnote=(2, "Согласно договору подряда от 1 марта осуществляется контроль качества работ."),
    page_breaks=[3],
)


def body_order(letter: Letter, with_table: bool = True) -> list[str]:
    out = list(letter.paragraphs[: letter.table_after])
    if with_table and letter.table:
        out += [c for row in letter.table for c in row]
    out += letter.paragraphs[letter.table_after :]
    return out


def plain_text(letter: Letter, *, table: bool = True, notes: bool = True, header_footer: bool = True) -> str:
    parts = body_order(letter, table)
    if notes and letter.footnote:
        parts.append(letter.footnote[1])
    if header_footer:
        parts += [x for x in (letter.header, letter.footer) if x]
    return "\n".join(parts) + "\n"


# -- .docx ------------------------------------------------------------------------------
_FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def write_docx(letter: Letter, path: Path) -> Path:
    import docx
    from xml.sax.saxutils import escape

    d = docx.Document()
    if letter.header:
        d.sections[0].header.paragraphs[0].text = letter.header
    if letter.footer:
        d.sections[0].footer.paragraphs[0].text = letter.footer
    for i, text in enumerate(letter.paragraphs):
        if letter.table and i == letter.table_after:
            _docx_table(d, letter.table)
        p = d.add_paragraph(text)
        if letter.footnote and letter.footnote[0] == i:
            run = p.add_run()
            ref = run._r.makeelement(docx.oxml.ns.qn("w:footnoteReference"), {docx.oxml.ns.qn("w:id"): "1"})
            run._r.append(ref)
    if letter.table and letter.table_after >= len(letter.paragraphs):
        _docx_table(d, letter.table)
    buf = io.BytesIO()
    d.save(buf)
    data = buf.getvalue()
    if letter.footnote:
        data = _add_footnotes_part(data, _FOOTNOTES_XML.format(text=escape(letter.footnote[1])))
    path.write_bytes(data)
    return path


def _docx_table(d, rows: list[list[str]]) -> None:
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text


def _add_footnotes_part(data: bytes, xml: str) -> bytes:
    """python-docx cannot add footnotes: write the part and its relationship by hand."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif info.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
                )
            z.writestr(info, content)
        z.writestr("word/footnotes.xml", xml.encode("utf-8"))
    return out.getvalue()


# -- .odt -------------------------------------------------------------------------------
def write_odt(letter: Letter, path: Path) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.style import Footer, Header, MasterPage, PageLayout
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import Note, NoteBody, NoteCitation, P

    doc = OpenDocumentText()
    layout = PageLayout(name="pm1")
    doc.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    if letter.header:
        h = Header()
        h.addElement(P(text=letter.header))
        master.addElement(h)
    if letter.footer:
        f = Footer()
        f.addElement(P(text=letter.footer))
        master.addElement(f)
    doc.masterstyles.addElement(master)

    def table() -> None:
        t = Table(name="Table1")
        t.addElement(TableColumn(numbercolumnsrepeated=len(letter.table[0])))
        for row in letter.table:
            tr = TableRow()
            for text in row:
                tc = TableCell()
                tc.addElement(P(text=text))
                tr.addElement(tc)
            t.addElement(tr)
        doc.text.addElement(t)

    for i, text in enumerate(letter.paragraphs):
        if letter.table and i == letter.table_after:
            table()
        p = P(text=text)
        if letter.footnote and letter.footnote[0] == i:
            note = Note(id="ftn1", noteclass="footnote")
            note.addElement(NoteCitation(text="1"))
            body = NoteBody()
            body.addElement(P(text=letter.footnote[1]))
            note.addElement(body)
            p.addElement(note)
        doc.text.addElement(p)
    if letter.table and letter.table_after >= len(letter.paragraphs):
        table()
    doc.save(str(path))
    return path


# -- .rtf (as Word writes it: \'hh in Windows-1251, \uN? for the rest) ---------------------
def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                out.append("\\'%02x" % ch.encode("cp1251")[0])
            except UnicodeEncodeError:
                code = ord(ch)
                out.append(f"\\u{code - 65536 if code > 32767 else code}?")
    return "".join(out)


def write_rtf(letter: Letter, path: Path) -> Path:
    e = _rtf_escape
    parts = [r"{\rtf1\ansi\ansicpg1251\deff0\uc1{\fonttbl{\f0\froman\fcharset204 Times New Roman;}}"
             r"{\colortbl;\red0\green0\blue0;}{\*\generator anyq tests;}{\info{\title " + e("В целях") + "}}"]
    if letter.header:
        parts.append(r"{\header\pard\plain\f0 " + e(letter.header) + r"\par}")
    if letter.footer:
        parts.append(r"{\footer\pard\plain\f0 " + e(letter.footer) + r"\par}")

    def table() -> None:
        for row in letter.table:
            parts.append(r"\trowd\cellx4500\cellx9000" + "".join(r"\pard\intbl\f0 " + e(c) + r"\cell" for c in row) + r"\row")
        parts.append(r"\pard")

    for i, text in enumerate(letter.paragraphs):
        if letter.table and i == letter.table_after:
            table()
        note = ""
        if letter.footnote and letter.footnote[0] == i:
            note = r"{\super\chftn}{\footnote\pard\plain\f0{\super\chftn} " + e(letter.footnote[1]) + r"\par}"
        parts.append(r"\pard\plain\f0 " + e(text) + note + r"\par" + "\n")
    if letter.table and letter.table_after >= len(letter.paragraphs):
        table()
    parts.append("}")
    path.write_bytes("".join(parts).encode("ascii"))
    return path


# -- .html ------------------------------------------------------------------------------
def write_html(letter: Letter, path: Path) -> Path:
    from html import escape

    rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in letter.table or [])
    body = []
    for i, text in enumerate(letter.paragraphs):
        if letter.table and i == letter.table_after:
            body.append(f"<table>\n{rows}\n</table>")
        body.append(f"<p>{escape(text)}</p>")
    html = (
        "<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\"><title>В целях обеспечения</title>\n"
        "<style>p { margin: 0 }</style><script>var s = 'В рамках данного';</script></head>\n<body>\n"
        "<div hidden>В целях скрытый текст</div>\n<nav style=\"display: none\">В рамках меню</nav>\n"
        + "\n".join(body)
        + "\n<!-- в целях комментарий -->\n</body></html>\n"
    )
    path.write_text(html, encoding="utf-8")
    return path


# -- .pdf (fpdf2 with DejaVu) -----------------------------------------------------------
def write_pdf(letter: Letter, path: Path, *, page_numbers: bool = True, line_height: float = 7) -> Path:
    from fpdf import FPDF

    class Doc(FPDF):
        def footer(self) -> None:
            if page_numbers:
                self.set_y(-15)
                self.cell(0, 10, str(self.page_no()), align="C")

    pdf = Doc(format="A4")
    pdf.add_font("DejaVu", "", dejavu())
    pdf.set_font("DejaVu", size=12)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    for i, text in enumerate(letter.paragraphs):
        if i in letter.page_breaks:
            pdf.add_page()
        pdf.multi_cell(0, line_height, text, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.output(str(path))
    return path


def write_pdf_lines(pages: list[list[str]], path: Path) -> Path:
    """A PDF with exactly these lines on these pages (hyphenation, page numbers)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", dejavu())
    pdf.set_font("DejaVu", size=12)
    pdf.set_auto_page_break(False)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


WRITERS = {"docx": write_docx, "odt": write_odt, "rtf": write_rtf, "html": write_html, "pdf": write_pdf}


def one_page_letter() -> Letter:
    """A one-page letter for the speed benchmark."""
    paras = [p for p in RU_KK_LETTER.paragraphs] * 2
    return Letter(paras, RU_KK_LETTER.table, 3, RU_KK_LETTER.header, RU_KK_LETTER.footer)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)
