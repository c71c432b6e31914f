"""The parts of a letter: requisites, greeting, body, signature, executor and phone.

Replies have a fixed shape (domain notes §4): the body's requisites («Исх. № … от …»,
«На № … от …» / «Шығ. № …», «… өтінішке»), the addressee, a greeting («Уважаемая …!»,
«Құрметті …!»), the body, the signature (position and name) and the executor with a phone.
Completeness is judged on the body; the contact on what follows the signature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice

from spacy.tokens import Doc, Span

from anyq.engine.literals import Literals, LiteralTest
from anyq.legal.cues import cues
from anyq.nlp.normalize import doc_text, original_span
from anyq.nlp.words import WORD, word_flags
from anyq.resources import executor_label, rules_toml
from anyq.text import Paragraph

_UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LOWER = "а-яёәғқңөұүһі"
_INITIALS_NAME = rf"(?:[{_UPPER}]\.\s?){{1,2}}[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_NAME_INITIALS = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?\s+(?:[{_UPPER}]\.\s?){{1,2}}"
_POSITION = re.compile(
    r"руководител|начальник|аким|заместител|директор|председател|главн|специалист|заведующ|секретар|управляющ|"
    r"министр|исполняющ|и\.\s?о\.|басшы|әкім|меңгеруш|орынбасар|төраға|маман|бастығ|хатшы|подполковник|полковник|капитан|майор",
    re.I,
)
_INITIAL = re.compile(rf"[{_UPPER}]\.")
_NAME_LINE = re.compile(rf"(?:{_INITIALS_NAME}|{_NAME_INITIALS})")
_SIGNATURE = re.compile(rf"^(?P<pos>[^\n]{{2,140}}?)(?P<gap>\s{{2,}}|\t+|\s)(?P<name>{_INITIALS_NAME}|{_NAME_INITIALS})\s*$")
# «На № … от …», «На запрос от …», «На Ваше обращение от …», «2026 жылғы 2 наурыздағы № … өтінішке»:
# a line that starts so, or a line that ends with the appeal's word. Both are tried only where
# they can match: the line starts at every line break, the end where the paragraph holds one of
# the words (a search of ``^\s*На…|…өтінішке\s*$`` tried both at every position).
_INCOMING_START = re.compile(r"\s*На\s+(?:ваш\w*\s+)?(?:№|вх\.|исх\.|запрос|обращени|заявлени|жалоб|письм)\w*", re.I)
_INCOMING_DATIVES = tuple(rules_toml("reply_cues.toml")["words"]["kk"]["incoming_datives"])
_INCOMING_END = re.compile(rf"(?:{'|'.join(map(re.escape, _INCOMING_DATIVES))})\s*$", re.I | re.M)
_INCOMING_WORDS = Literals(_INCOMING_DATIVES, ignorecase=True)
# «Кіріс» (incoming) as a word only: «Кірістер басқармасы» (revenue) opens a sentence
_OUTGOING_START = re.compile(r"\s*(?:Исх\.|Исх\s|Шығ\.|Шығ\s|Вх\.|Кіріс\b|Кір\.|№\s*\S+\s+от\b)", re.I)
# A requisites line is a reference, not a sentence: a few words («На Ваше обращение от 29 мая
# 2024 года, поступившее через блог акима области» is among the longest) and no sentence end
# after a word («… сообщаем следующее.»; «от 10.11.2026 г.», «вх.» are abbreviations).
_REQUISITE_WORDS = 12
_SENTENCE_END = re.compile(r"[^\W\d_]{4,}[.!?…:]\s*$")
_RUNS_ON = re.compile(rf"\n\s*[{_LOWER}]")


def _reference_shaped(line: str) -> bool:
    return not words_over(line, _REQUISITE_WORDS) and not _SENTENCE_END.search(line)


def _line_starts_with(rx: re.Pattern[str], text: str) -> bool:
    """``rx.match`` at the start and after every line break (a search of ``^`` + rx, re.M),
    on a line shaped as a reference: its sentence, with the lines it runs on into (a wrapped
    line that the next one continues in lower case), short and with no sentence end."""
    pos = 0
    while True:
        if rx.match(text, pos):
            end = text.find("\n", pos)
            while end != -1 and _RUNS_ON.match(text, end):
                end = text.find("\n", end + 1)
            if _reference_shaped(text[pos : end if end != -1 else len(text)]):
                return True
        pos = text.find("\n", pos) + 1
        if not pos:
            return False


def _incoming(text: str) -> bool:
    """The text refers to the reader's appeal as a letter's requisites do."""
    if _line_starts_with(_INCOMING_START, text):
        return True
    if not LiteralTest(text).holds_any(_INCOMING_WORDS):
        return False
    # «… № 31 өтінішке» ends a short line of its own; a sentence of prose is no reference
    return any(_reference_shaped(text[text.rfind("\n", 0, m.start()) + 1 : m.end()]) for m in _INCOMING_END.finditer(text))


def _requisites(text: str) -> bool:
    """Requisites of official correspondence: «Исх. № …», «Шығ. № …», «№ … от …» or the incoming reference."""
    return _line_starts_with(_OUTGOING_START, text) or _incoming(text)


# the executor's line: its labels are data (reply_cues.toml, layout.executor_labels), shared
# with the PDF reader
_EXECUTOR = executor_label()
# An attachment line with its colon or count («Приложение: …», «Приложение на 3 л.», «Қосымша
# 2 парақта»): «Қосымша хабарлаймыз» (we add) opens a sentence.
_ATTACHMENT = r"(?:Приложени[ея]|Қосымша)(?=\s*(?:[:№\d]|на\s+\d|$))"
_FOOTER = re.compile(
    rf"^\s*(?:{_EXECUTOR}|Тел\.|Телефон|{_ATTACHMENT}|e-?mail|Эл\.\s?почта|Эл\.\s?пошта)", re.I
)
_ATTACHMENT_LINE = re.compile(rf"^\s*{_ATTACHMENT}", re.I)
_ADDRESS = re.compile(r"\b(?:ул\.|улица|д\.|кв\.|мкр\.|пр\.|көшесі|үй|пәтер|шағынаудан\w*|ауылы|қ\.|г\.)", re.I)
# a phone: with the trunk or country code, a 7-digit local number, or a 6-digit city number or
# a short service number after its label («тел.: 74-00-00», «тел. 1414»: unlabelled, «12-03-24»
# or «1414» could be anything). On the executor's line («Исп.: Ахметова Д. К., 56-02-17») or
# alone on the line after it, a city or short number is the executor's phone: the match then
# starts at the label (a short one needs its stop or colon: «Орындаған жұмыстар құны 1500 …» is prose).
_LOCAL_NUMBER = r"(?:\d{1,3}-\d{2}-\d{2}|(?<![\d.,/])\d{3,6}(?![\d/]|[.,]\d))"
# On the executor's line a bare number may also be a room («каб. 305», «бөлме № 12») or a year
# («2025 г.», «2025 ж.»; Kazakh puts the room first: «305-бөлме»): neither is the phone. A room may come before the phone.
_ROOM_LABELS = ("каб.", "каб", "кабинет", "бөлме", "№")
_NOT_A_ROOM = "".join(rf"(?<!(?i:{re.escape(w)}))(?<!(?i:{re.escape(w)})\s)" for w in _ROOM_LABELS)
_EXECUTOR_NUMBER = rf"{_NOT_A_ROOM}{_LOCAL_NUMBER}(?!-\d)(?![\s-]*(?i:г\.|год|ж\.|жыл|бөлме|каб))"
_ROOM = r"(?i:каб(?:инет)?\.?|бөлме)\s*№?\s*\d+"
PHONE = re.compile(
    r"(?:\+7|8)\s?\(?\d{3,5}\)?\s?\d{1,3}[\s-]?\d{2}[\s-]?\d{2}|\b\d{3}-\d{2}-\d{2}\b"
    rf"|(?i:\bтел(?:\.|ефон)?)\s*:?\s*{_LOCAL_NUMBER}\b"
    rf"|(?im:^[ \t]*{_EXECUTOR})[^\n\d]{{0,80}}(?:{_ROOM}[^\n\d]{{0,40}})?"
    rf"(?:{_EXECUTOR_NUMBER}|\n[ \t]*{_LOCAL_NUMBER}(?m:[ \t]*$))"
)


def word_count(text: str) -> int:
    """Words as the report's statistics count them (letters; numbers are not words)."""
    return len(WORD.findall(text))


def words_over(text: str, limit: int) -> bool:
    """``word_count(text) > limit``, reading the text only up to its word ``limit + 1``: the
    layout asks whether a paragraph is short, and most of those it asks about are not."""
    return next(islice(WORD.finditer(text), limit, None), None) is not None


@dataclass(slots=True)
class Sentence:
    """A sentence of a Kazakh or Russian paragraph, with document offsets and its zone."""

    start: int
    end: int
    text: str
    lang: str
    para: int
    zone: str
    span: Span | None = None
    words: int = 0
    para_start: int = 0  # document offset of the paragraph (the doc's text is whitespace-folded)

    def token_start(self, token) -> int:  # noqa: ANN001 - a spaCy token of ``span``
        """Document offset of a token of this sentence."""
        return self.para_start + original_span(token.doc, token.idx, token.idx + len(token.text))[0]


@dataclass(slots=True)
class Layout:
    zones: list[str]  # per paragraph: header, greeting, body, signature, footer
    greeting: int | None = None
    signature: int | None = None
    requisites: bool = False
    personal_greeting: bool = False
    sentences: list[Sentence] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    incoming: bool = False  # the header refers to the reader's appeal («На № … от …», «… өтінішке»)
    cells: frozenset[int] = frozenset()  # the paragraphs that are table cells
    # a table cell's table, row and column (``Paragraph.grid``), by paragraph
    grids: dict[int, tuple[int, int, int]] = field(default_factory=dict)

    def body(self) -> list[Sentence]:
        return [s for s in self.sentences if s.zone == "body"]

    def anchors(self) -> list[Sentence]:
        """The body's sentences a finding on the whole reply (L110, L112 …) is shown on: not a
        table's cells, labels and values, unless the body has nothing else."""
        body = self.body()
        return [s for s in body if s.para not in self.cells] or body


def _is_signature(text: str) -> bool:
    """Position and name: «Руководитель отдела    Е. Б. Жунусов», the position possibly over
    several lines and the name at the end of the last one or on a line of its own, or at the
    end of the first one with the position's end wrapped under it."""
    t = text.strip()
    lines = [l.strip() for l in t.split("\n")]
    if len(lines) > 4 or words_over(t, 25):
        return False
    # both name patterns hold an initial («Е.»): a last line without one may only continue the
    # position of a first line that ends with the name
    if not _INITIAL.search(lines[-1]):
        return len(lines) > 1 and _is_signature_name_first(lines)
    m = _SIGNATURE.match(lines[-1])
    if m:
        position, gap = " ".join(lines[:-1] + [m.group("pos")]), m.group("gap")
    elif len(lines) > 1 and _NAME_LINE.fullmatch(lines[-1]):
        position, gap = " ".join(lines[:-1]), ""
    else:
        return False
    return bool(_POSITION.search(position)) or len(gap) >= 3


def _is_signature_name_first(lines: list[str]) -> bool:
    """The position's end wrapped under the name: «Заместитель начальника    Е. Тургунбаев» /
    «департамента полиции». The first line starts the position; what follows only continues it
    (lower case, no initial, number or final punctuation), so a body paragraph whose line ends
    with a name («… специалисту А. Б. Сейтқали» / «по телефону 8 …») is no signature."""
    m = _SIGNATURE.match(lines[0])
    if not m or not _POSITION.search(m.group("pos")):
        return False
    return all(re.fullmatch(rf"[{_LOWER}][^\d.!?:;]*", line) and not _INITIAL.search(line) for line in lines[1:])


def _is_header_line(text: str) -> bool:
    t = text.strip()
    if _requisites(t) or _FOOTER.match(t):
        return True
    if words_over(t, 16):
        return False
    words = word_count(t)
    if re.fullmatch(rf"(?:[^\n]*\s)?(?:{_INITIALS_NAME}|{_NAME_INITIALS})\.?", t):  # addressee «Ахметовой Г. С.»
        return True
    if _ADDRESS.search(t) and not t.endswith((".", "!", "?")) or "«" in t and not t.endswith((".", "!", "?")):
        return True
    return not re.search(r"[.!?…]$", t) and words <= 10


def _outside_body(p: Paragraph) -> bool:
    """A paragraph of a document's page header or footer, or a footnote: read after the body
    (a header holds the letterhead or an outgoing number), so never the end of the reply,
    where its missing parts are marked. A text box stands in the body."""
    part = p.location.get("part") if p.location else None
    return part is not None and part != "text box"


def layout(paragraphs: list[Paragraph], docs: list[Doc | None], lang: str, zones_read: Layout | None = None) -> Layout:
    """The letter's zones and its sentences. ``zones_read``: a reading of the same paragraphs in
    the same language without docs (the runner's, for the statistics); its zones are kept and
    only the sentences are added, so the layout is not read twice per letter."""
    out = zones_read if zones_read is not None and not zones_read.sentences else _zones(paragraphs, lang)
    _add_sentences(out, paragraphs, docs)
    return out


def _zones(paragraphs: list[Paragraph], lang: str) -> Layout:
    n = len(paragraphs)
    zones = ["body"] * n
    furniture = [i for i, p in enumerate(paragraphs) if p.location and _outside_body(p)]
    greet_rx = cues(lang if lang in ("ru", "kk") else "ru").rx("greeting")
    greet_other = cues("kk" if lang == "ru" else "ru").rx("greeting")
    greeting = None
    for i, p in enumerate(paragraphs[:15]):
        t = p.text.strip()
        if (greet_rx.match(t) or greet_other.match(t)) and not words_over(t, 10):  # the anchored match first: it is cheaper
            greeting = i
            break
    signature = None
    last = n if not furniture else max((i for i in range(n) if i not in furniture), default=-1) + 1  # the body's end
    for i in range(last - 1, -1, -1):
        if _is_signature(paragraphs[i].text):
            signature = i
            break
        # «Бөлім басшысы» / «А. Тұрсынбеков» on two lines
        if i > 0 and "." in paragraphs[i].text and _NAME_LINE.fullmatch(paragraphs[i].text.strip()):
            prev = paragraphs[i - 1].text.strip()
            if not words_over(prev, 8) and _POSITION.search(prev) and "\n" not in prev:
                signature = i - 1
                break
        if i < last - 8:
            break
    if signature is not None and greeting is not None and signature < greeting:
        signature = None
    # a position that runs over the line before the signature («Руководитель отдела земельных
    # отношений» / «Енбекшиказахского района    Е. К. Байжанов»)
    while signature is not None and signature > 0:
        prev = paragraphs[signature - 1].text.strip()
        if not words_over(prev, 10) and "\n" not in prev and not re.search(r"[.!?:;]$", prev) and _POSITION.search(prev):
            signature -= 1
        else:
            break
    if greeting is not None:
        for i in range(greeting):
            zones[i] = "header"
        zones[greeting] = "greeting"
    else:
        for i, p in enumerate(paragraphs):
            if _is_header_line(p.text) and i < 10:
                zones[i] = "header"
            else:
                break
    if signature is not None:
        zones[signature] = "signature"
        for i in range(signature + 1, n):
            zones[i] = "footer"
    for i in furniture:
        zones[i] = "footer"
    for i in range(last - 1, -1, -1):  # executor and phone lines at the end, with or without a signature
        if zones[i] == "body" and (_FOOTER.match(paragraphs[i].text) or PHONE.fullmatch(paragraphs[i].text.strip())):
            zones[i] = "footer"
        elif zones[i] != "footer":  # the body or the signature: what is before it is the letter
            break
    # right before the signature only an attachment line («Приложение: на 2 л.») is no prose
    if signature and zones[signature - 1] == "body" and _ATTACHMENT_LINE.match(paragraphs[signature - 1].text):
        zones[signature - 1] = "footer"
    header = [p.text for i, p in enumerate(paragraphs) if zones[i] == "header"]
    incoming = any(_incoming(t) for t in header)
    # ``_requisites`` is the outgoing test or ``_incoming``: the latter is not asked twice
    requisites = incoming or any(_line_starts_with(_OUTGOING_START, t) for t in header)
    personal = False
    if greeting is not None:
        words = paragraphs[greeting].text.split()[1:]
        personal = any(w[:1].isupper() for w in words)
    cells = frozenset(i for i, p in enumerate(paragraphs) if p.table_cell)
    grids = {i: p.grid for i, p in enumerate(paragraphs) if p.grid is not None}
    return Layout(
        zones, greeting, signature, requisites, personal, texts=[p.text for p in paragraphs], incoming=incoming, cells=cells, grids=grids
    )


def _add_sentences(out: Layout, paragraphs: list[Paragraph], docs: list[Doc | None]) -> None:
    zones = out.zones
    sentences = out.sentences
    for i, (p, doc) in enumerate(zip(paragraphs, docs)):
        if doc is None:
            continue
        text = doc_text(doc)  # sliced, not ``sent.text``, which builds a Token per token
        flags = word_flags(doc)
        start, lang, zone = p.start, p.lang, zones[i]
        for sent in doc.sents:
            start_char, end_char = sent.start_char, sent.end_char
            if not text[start_char:end_char].strip():
                continue
            # the doc holds the paragraph with its whitespace folded: map back to the original text
            a, b = original_span(doc, start_char, end_char)
            sentences.append(Sentence(start + a, start + b, p.text[a:b], lang, i, zone, sent, sum(flags[sent.start : sent.end]), start))


# The parts of a letter that are not prose: the letterhead, outgoing number, addressee, signature
# and contact lines are words a reader sees, but no sentences: their one- and two-word
# «sentences» would pull the mean sentence length and the readability down.
_NOT_PROSE = frozenset(("header", "signature", "footer"))
_NOTES = frozenset(("footnote", "endnote"))


def prose_paragraphs(lay: Layout, paragraphs: list) -> list[bool]:
    """Per paragraph, whether it is prose: what the sentence statistics, the readability and the
    legal load count."""
    zones = lay.zones
    # a footnote is read after the body, so the layout puts it in the footer; it is prose
    keep = [z not in _NOT_PROSE or p.location.get("part") in _NOTES for z, p in zip(zones, paragraphs)]
    if lay.greeting is None:
        # without a greeting the layout takes every first short line without final punctuation
        # for the header: from a list's lead «… нужны документы:» or an item on, it is prose
        lead = False
        for i, z in enumerate(zones):
            if z != "header":
                break
            lead = lead or paragraphs[i].role == "list" or paragraphs[i].text.rstrip().endswith((":", ";"))
            keep[i] = lead
    return keep
