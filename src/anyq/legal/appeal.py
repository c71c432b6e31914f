"""The appeal a reply answers: its language and its questions, and which of them the reply
never touches.

Questions are the appeal's sentences that end with «?» and its requests («Прошу …»,
«… сұраймын»). Each is reduced to key terms — lemmas of its content words in Russian,
stems in Kazakh, and its numbers — and looked up among the reply's lemmas and stems (a
shared six-letter beginning counts, so «распределить» meets «распределение» and «очередь»
meets «очерёдность»). A question whose terms the reply hardly meets is *untouched*; a
touched «Когда …?» / «Қашан …?» with no date in the reply, a «Сколько …?» with no number,
a «Почему …?» with no reason is *not answered*. When appeal and reply are in different
languages only numbers and names can be matched; a question with none is left *unchecked*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from anyq.legal.cues import cues
from anyq.legal.layout import Layout, Sentence, word_count
from anyq.resources import rules_toml
from anyq.text import LineIndex, SourceDocument

# the words of a question that say nothing of its subject (rules/data/reply_cues.toml)
_WORDS = rules_toml("reply_cues.toml")["words"]
_RU_STOP = frozenset(_WORDS["ru"]["question_stop_words"])
_KK_STOP = frozenset(_WORDS["kk"]["question_stop_words"])
_GENERIC = {lang: frozenset(_WORDS[lang].get("question_generic_words", [])) for lang in ("ru", "kk")}
_NUM = re.compile(r"\d+(?:[.,]\d+)?")
_LATIN_KK = str.maketrans("әғқңөұүһі", "агкноууhи")


@dataclass(slots=True)
class Question:
    text: str
    start: int
    end: int
    line: int
    lang: str
    asks: str | None  # "when" | "number" | "why" | None
    terms: dict[str, str] = field(default_factory=dict)  # key → the word as written
    names: dict[str, str] = field(default_factory=dict)  # numbers and capitalised names, for other-language replies


@dataclass(slots=True)
class Appeal:
    path: str
    language: str
    questions: list[Question]


@dataclass(slots=True)
class QuestionCheck:
    question: Question
    status: str  # answered | not_answered | untouched | unchecked
    matched: list[str]
    missing: str | None = None
    coverage: float = 0.0

    def to_dict(self) -> dict:
        q = self.question
        return {
            "text": q.text, "line": q.line, "asks": q.asks, "status": self.status, "missing": self.missing,
            "coverage": round(self.coverage, 2), "terms": list(q.terms.values()), "matched": self.matched,
        }


def _key(word: str) -> str:
    return word.lower().replace("ё", "е")


def _skeleton(word: str) -> str:
    return _key(word).translate(_LATIN_KK)[:5]


def _terms(tokens, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    terms: dict[str, str] = {}
    names: dict[str, str] = {}
    for i, t in enumerate(tokens):
        text = t.text
        if _NUM.fullmatch(text):
            terms[text] = text
            names[text] = text
            continue
        if not any(ch.isalpha() for ch in text) or len(text) < 3:
            continue
        if lang == "ru":
            if t.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB") or _key(t.lemma_) in _RU_STOP:
                continue
            terms[_key(t.lemma_)] = text
        else:
            if t.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB", "X") or _key(t.norm_) in _KK_STOP or t.is_stop:
                continue
            terms[_key(t.norm_)] = text
        if text[0].isupper() and i > 0 and t.pos_ in ("PROPN", "NOUN", "X"):
            names[_skeleton(text)] = text
    return terms, names


def _asks(text: str, lang: str) -> str | None:
    c = cues(lang)
    for kind in ("when", "number", "why", "who"):
        if c.search(f"question_{kind}", text):
            return kind
    if c.search("question_yesno", text):
        return "yesno"
    return None


_ITEM = re.compile(r"\n(?=\s*(?:\d{1,2}[.)]|[-–—•])\s)")
_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[-–—•])\s*")


def questions_of(lay: Layout, index: LineIndex) -> list[Question]:
    """Question sentences («…?») and requests («Прошу …», «… сұраймын») of an appeal's body;
    list items inside one sentence («Прошу ответить:\n1. …?\n2. …?») are questions of their own."""
    out: list[Question] = []
    for s in lay.sentences:
        if s.zone in ("header", "greeting", "signature", "footer") or s.span is None:
            continue
        pieces, pos = [], 0
        for m in _ITEM.finditer(s.text):
            pieces.append((pos, m.start()))
            pos = m.end()
        pieces.append((pos, len(s.text)))
        for a, b in pieces:
            raw = s.text[a:b]
            lead = len(raw) - len(raw.lstrip())
            marker = _MARKER.match(raw[lead:])
            lead += marker.end() if marker else 0
            body = raw[lead:].rstrip()
            if not body:
                continue
            is_question = body.endswith("?")
            is_request = not is_question and cues(s.lang).search("request", body) is not None and not cues(s.lang).search("delivery", body)
            if not (is_question or is_request):
                continue
            first = a + lead
            asks = _asks(body, s.lang)
            # the words that ask («с какого числа», «қай мекеме») are no terms of the topic
            asked = [(first + m.start(), first + m.end()) for kind in ("when", "number", "why", "who") for m in cues(s.lang).finditer(f"question_{kind}", body)]
            tokens = [
                t for t in s.span
                if first <= s.token_start(t) - s.start < a + lead + len(body)
                and not any(x <= s.token_start(t) - s.start < y for x, y in asked)
            ]
            terms, names = _terms(tokens, s.lang)
            if is_request and (len(terms) < 2 or body.endswith(":")):
                continue  # «Прошу ответить на вопросы:» introduces the questions
            off = s.start + first
            content = [k for k in terms if not k.isdigit()]
            if len(content) < 2 and out and out[-1].lang == s.lang:
                # «Если будет, то с какого числа?» continues the question before it
                terms = {**out[-1].terms, **terms}
                names = {**out[-1].names, **names}
            out.append(Question(body, off, off + len(body), index.position(off)[0], s.lang, asks, terms, names))
    return out


def read_appeal(source: SourceDocument) -> Appeal:
    """Language and questions of an appeal (its text goes through the same pipeline as a letter)."""
    from anyq.engine.runner import Linter
    from anyq.langid import assign_languages
    from anyq.legal.layout import layout
    from anyq.text.invisible import clean_source
    from anyq.text.paragraphs import split_paragraphs

    source = clean_source(source)[0]  # as a letter is read: without stress marks and the like
    paragraphs = split_paragraphs(source)
    for p, l in zip(paragraphs, assign_languages([p.text for p in paragraphs], None)):
        p.lang = l
    docs = Linter._annotate(paragraphs)
    words = {"ru": 0, "kk": 0}
    for p in paragraphs:
        if p.lang in words:
            words[p.lang] += word_count(p.text)
    lang = max(words, key=words.__getitem__) if any(words.values()) else "other"
    lay = layout(paragraphs, docs, lang)
    # an appeal's frame (addressee, «от …», the signature) is no question; its body holds them
    return Appeal(source.path, lang, questions_of(lay, LineIndex(source.text)))


@lru_cache(maxsize=32)
def _load(path: str, mtime: float) -> Appeal:
    from anyq.readers import read_path

    return read_appeal(read_path(path))


def load_appeal(path: str) -> Appeal:
    """An appeal file, read once per run (raises ``anyq.readers.ReadError`` if it cannot be read)."""
    from anyq.readers import read_path

    try:
        mtime = Path(path).stat().st_mtime
    except OSError:
        read_path(path)  # raises the reader's one-line reason
        raise
    return _load(str(path), mtime)


def appeal_from_text(text: str, path: str = "<appeal>") -> Appeal:
    return read_appeal(SourceDocument(path=path, text=text.replace("\r\n", "\n"), encoding="utf-8"))


# ---------------------------------------------------------------------------- the comparison


def _reply_keys(lay: Layout) -> tuple[set[str], set[str], list[Sentence]]:
    keys: set[str] = set()
    skel: set[str] = set()
    sents = [s for s in lay.sentences if s.zone in ("body", "header") and s.span is not None]
    for s in sents:
        for t in s.span:
            if _NUM.fullmatch(t.text):
                keys.add(t.text)
                skel.add(t.text)
                continue
            if not any(ch.isalpha() for ch in t.text):
                continue
            keys.add(_key(t.lemma_ if s.lang == "ru" else t.norm_))
            keys.add(_key(t.text))
            skel.add(_skeleton(t.text))
    return keys, skel, sents


def _meets(term: str, keys: set[str], prefixes: set[str]) -> bool:
    if term in keys:
        return True
    return len(term) >= 6 and term[:6] in prefixes


def _sentence_keys(s: Sentence) -> set[str]:
    return {_key(t.lemma_ if s.lang == "ru" else t.norm_) for t in s.span} | {_key(t.text) for t in s.span}


def _answers(q: Question, touching: list[Sentence], body: list[Sentence]) -> str | None:
    """What the question asks for and the reply does not give: "date", "number", "reason", "body", "decision"."""
    from anyq.legal.reply import DATE, named_body, speaks_for_itself
    from anyq.legal.layout import PHONE

    def plain(s: Sentence) -> bool:
        c = cues(s.lang)
        return not (c.search("hedge", s.text) or c.search("promise", s.text))

    if q.asks == "when":
        return None if any(DATE[s.lang].search(s.text) and plain(s) for s in touching) else "date"
    if q.asks == "number":
        own = set(re.findall(r"\d+", q.text))
        return None if any(set(re.findall(r"\d+", s.text)) - own and plain(s) for s in touching) else "number"
    if q.asks == "why":
        return None if any(cues(s.lang).search("reason", s.text) or cues(s.lang).search("explanation", s.text) for s in body) else "reason"
    if q.asks == "who":
        return None if any((named_body(s.text) or PHONE.search(s.text)) and plain(s) for s in touching) else "body"
    if q.asks == "yesno":
        for s in touching:
            c = cues(s.lang)
            if plain(s) and (c.search("decision", s.text) or c.search("outcome", s.text) and speaks_for_itself(s)):
                return None
        return "decision"
    return None


def check_questions(appeal: Appeal, lay: Layout, reply_lang: str, min_coverage: float = 0.33) -> list[QuestionCheck]:
    keys, skel, sents = _reply_keys(lay)
    body = [s for s in sents if s.zone == "body"]
    prefixes = {k[:6] for k in keys if len(k) >= 6}
    out: list[QuestionCheck] = []
    for q in appeal.questions:
        same = q.lang == reply_lang
        pool = q.terms if same else q.names
        if not pool:
            out.append(QuestionCheck(q, "unchecked", []))
            continue
        hits = [k for k in pool if (_meets(k, keys, prefixes) if same else k in skel)]
        matched = [pool[k] for k in hits]
        coverage = len(matched) / len(pool)
        # a word that fits any subject («орын», «место») does not touch a question alone
        generic = _GENERIC.get(q.lang, frozenset()) if same else frozenset()
        only_generic = all(k in generic for k in hits) and any(k not in generic and not k.isdigit() for k in pool)
        if not matched or coverage < min_coverage or only_generic:
            out.append(QuestionCheck(q, "untouched", matched, coverage=coverage))
            continue
        missing = None
        if same and q.asks:
            content = {k for k in q.terms if not k.isdigit()}
            touching: list[Sentence] = []
            for i, s in enumerate(body):
                sk = _sentence_keys(s)
                sp = {k[:6] for k in sk if len(k) >= 6}
                if any(_meets(k, sk, sp) for k in content):
                    touching.append(s)
                    # the answer often follows the sentence that names the topic («Когда будет напор. Насос установят до 10 июля.»)
                    if i + 1 < len(body) and body[i + 1].para == s.para:
                        touching.append(body[i + 1])
            missing = _answers(q, touching, body)
        out.append(QuestionCheck(q, "not_answered" if missing else "answered", matched, missing, coverage))
    return out
