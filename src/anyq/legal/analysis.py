"""The legal reading of one document, done once and shared by the L rules.

Citations, the letter's layout and kind, the legal load, and for a reply its completeness
and the devices of an «отписка»; with ``--appeal``, the appeal's questions. The results
that belong in the output go into ``DocumentContext.facts`` (→ the JSON file object):
``kind``, ``citations``, ``reply``, ``appeal``, and ``stats.legal_load``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from anyq.engine.registry import DocumentContext
from anyq.legal.acts import registry
from anyq.legal.appeal import Appeal, QuestionCheck, check_questions
from anyq.legal.citations import Citation, CitationParser
from anyq.legal.kind import KINDS, detect_kind
from anyq.legal.layout import Layout, Sentence, layout, prose_paragraphs
from anyq.legal.reply import ReplyReading, citation_words, find_signals, norm_sentence, read_reply
from anyq.text import LineIndex

# a sentence is «mostly citation» when at least this share of its words is inside citations
MOSTLY_CITATION = 0.5
_KEY = "_legal"


@dataclass(slots=True)
class LegalAnalysis:
    lang: str
    kind: str
    kind_set: bool
    kind_evidence: list[str]
    layout: Layout
    citations: list[Citation]
    load: dict[str, Any]
    norm_sentences: list[Sentence] = field(default_factory=list)
    reading: ReplyReading | None = None
    appeal: Appeal | None = None
    questions: list[QuestionCheck] | None = None
    body_words: int = 0
    # per citation: the index in ``layout.sentences`` of the sentence holding its start, or None
    citation_sentence: list[int | None] = field(default_factory=list)


def _option(dctx: DocumentContext, name: str) -> Any:
    return getattr(dctx.options, name, None) if dctx.options is not None else None


def analyse(dctx: DocumentContext) -> LegalAnalysis:
    cached = dctx.facts.get(_KEY)
    if cached is not None:
        return cached
    lang = dctx.language
    lang = lang if lang in ("ru", "kk") else "ru"
    lay = layout(dctx.paragraphs, dctx.docs, lang, zones_read=dctx.facts.get("_layout_zones", {}).get(lang))

    parser = CitationParser()
    cits: list[Citation] = []
    by_para: dict[int, list[Citation]] = {}
    for i, (p, doc) in enumerate(zip(dctx.paragraphs, dctx.docs)):
        if doc is not None:
            found = parser.parse(p.text, p.lang, p.start)
            if found:
                cits += found
                by_para[i] = found
    # a citation lies inside its paragraph: each sentence is compared with its own paragraph's
    # citations only (``inside``), and each citation is placed in the sentence holding its start
    sents = lay.sentences
    inside: list[list[Citation]] = []
    where: dict[int, int] = {}
    for k, s in enumerate(sents):
        here = by_para.get(s.para)
        if not here:
            inside.append([])
            continue
        inside.append([c for c in here if c.start < s.end and s.start < c.end])
        for c in here:
            if s.start <= c.start < s.end:
                where.setdefault(id(c), k)
    for c in cits:
        if c.repealed and c.act_id:
            act = registry().by_id[c.act_id]
            k = where.get(id(c))
            c.current_norm = act.current_norm(sents[k].text if k is not None else c.text, c.language)

    kind, evidence = detect_kind(lay)
    forced = _option(dctx, "kind")
    kind_set = forced in KINDS
    if kind_set:
        kind = forced
    elif _option(dctx, "appeal") is not None and kind != "reply":
        kind, evidence = "reply", evidence + ["checked against an appeal"]

    words = sum(s.words for s in lay.sentences)
    # sentences with words in the prose, as stats.sentences counts them (the letterhead and the
    # signature are no sentences); a letter of short lines only is counted whole, as there
    prose = prose_paragraphs(lay, dctx.paragraphs)
    counted = sum(1 for s in lay.sentences if s.words and (prose[s.para] or not any(prose)))
    cw = [citation_words(s, cs) if cs else 0 for s, cs in zip(sents, inside)]
    load = {
        "citations": len(cits),
        "citation_words": sum(cw),
        "citation_word_share": round(sum(cw) / words, 3) if words else 0.0,
        "citations_per_sentence": round(len(cits) / counted, 3) if counted else 0.0,
        "mostly_citation_sentences": sum(1 for s, n in zip(lay.sentences, cw) if s.words and n / s.words >= MOSTLY_CITATION),
    }
    a = LegalAnalysis(lang, kind, kind_set, evidence, lay, cits, load)
    a.citation_sentence = [where.get(id(c)) for c in cits]
    a.norm_sentences = [s for s, cs in zip(sents, inside) if cs and norm_sentence(s, cs)]
    a.body_words = sum(s.words for s in lay.body())
    load["norm_sentences"] = len(a.norm_sentences)

    if kind == "reply":
        a.reading = read_reply(lay, {id(s) for s in a.norm_sentences}, lang, cits)
        find_signals(a.reading, lay, cits)
        appeal = _option(dctx, "appeal")
        if appeal is not None:
            a.appeal = appeal

    dctx.facts[_KEY] = a
    _publish(dctx, a)
    return a


def _body_language(lay: Layout, default: str) -> str:
    words = {"ru": 0, "kk": 0}
    for s in lay.body():
        words[s.lang] = words.get(s.lang, 0) + s.words
    return max(words, key=words.__getitem__) if any(words.values()) else default


def body_languages(lay: Layout) -> dict[str, int]:
    words = {"ru": 0, "kk": 0}
    for s in lay.body():
        words[s.lang] = words.get(s.lang, 0) + s.words
    return words


def _publish(dctx: DocumentContext, a: LegalAnalysis) -> None:
    cleaned = dctx.cleaned
    # positions in the text as read (the rules read it without stress marks and the like;
    # its lines are the same)
    index = LineIndex(dctx.source.text if cleaned is None else cleaned.original)
    out = []
    for c in a.citations:
        d = c.to_dict()
        if cleaned is not None:
            d["start"], d["end"] = cleaned.original_span(c.start, c.end)
            d["text"] = cleaned.original[d["start"] : d["end"]]
        line, col = index.position(d["start"])
        end_line, end_col = index.position(d["end"])
        loc = dctx.source.location_at(c.start)
        d = {"text": d.pop("text"), "line": line, "column": col, "end_line": end_line, "end_column": end_col, **d}
        if loc:
            d["location"] = loc
        out.append(d)
    dctx.facts["kind"] = a.kind
    dctx.facts["citations"] = out
    dctx.facts.setdefault("stats", {})["legal_load"] = a.load
    if a.reading is not None:
        r = a.reading

        def line(start: int) -> int:
            # a sentence's start in the copy the rules read, mapped to the text as read (a soft
            # hyphen or a Markdown «**» before it moved the offset back onto an earlier line)
            return index.position(cleaned.starts[start] if cleaned is not None else start)[0]

        reply: dict[str, Any] = {
            "has": dict(r.has),
            "evidence": {k: (line(s.start) if s is not None else None) for k, s in r.evidence.items()},
            "signals": [{"name": s.name, "text": s.text, "line": line(s.start)} for s in r.signals],
            "kind_evidence": a.kind_evidence,
        }
        dctx.facts["reply"] = reply
    if a.appeal is not None:
        dctx.facts["appeal"] = {"path": a.appeal.path, "language": a.appeal.language, "questions": []}


def questions(dctx: DocumentContext, a: LegalAnalysis, min_coverage: float) -> list[QuestionCheck]:
    """The appeal's questions checked against the reply (once), published with the appeal."""
    if a.questions is None and a.appeal is not None:
        a.questions = check_questions(a.appeal, a.layout, _body_language(a.layout, a.lang), min_coverage)
        dctx.facts.setdefault("appeal", {})["questions"] = [q.to_dict() for q in a.questions]
    return a.questions or []
