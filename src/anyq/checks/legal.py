"""Legal references and reply completeness: the L rules that need the parsed citations and
the reading of the reply (``anyq.legal``). Thresholds, weights and the words of messages
stay in the rules' TOML (``rules/any/legal.toml``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from anyq.engine.model import Hit, Rule
from anyq.engine.registry import DocumentContext, document_rule
from anyq.legal.analysis import LegalAnalysis, analyse, body_languages, questions
from anyq.legal.cues import cues
from anyq.legal.halves import read_halves
from anyq.legal.layout import Sentence
from anyq.legal.reply import addresses_reader

_FACT_TYPES = ("resolution", "order", "decision")  # acts cited as facts («утверждён постановлением …»), not norms


def _param(rule: Rule, key: str, lang: str, default: Any) -> Any:
    """``params.<key>``: a value, or a table by language ({ru = …, kk = …})."""
    v = rule.params.get(key, default)
    return v.get(lang, default) if isinstance(v, dict) else v


def _lang(a: LegalAnalysis, s: Sentence | None = None) -> str:
    return s.lang if s is not None else a.lang


def _first_body(a: LegalAnalysis) -> Sentence | None:
    body = a.layout.anchors()
    return body[0] if body else (a.layout.sentences[0] if a.layout.sentences else None)


def _last_body(a: LegalAnalysis) -> Sentence | None:
    body = a.layout.anchors()
    return body[-1] if body else (a.layout.sentences[-1] if a.layout.sentences else None)


def _hit(s: Sentence | None, **kw: Any) -> Hit | None:
    if s is None:
        return None
    text = s.text.rstrip()
    lead = len(text) - len(text.lstrip())
    return Hit(s.start + lead, s.start + len(text), **kw)


# ---------------------------------------------------------------------------- citations


@document_rule("L102")
def repealed_act(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    a = analyse(ctx)
    for c in a.citations:
        if c.repealed and not c.repeal_stated:  # «Закон … утратил силу» says it already
            title = c.act_title or c.text
            yield Hit(c.start, c.end, values={"act": title}, suggestions=[c.current_norm] if c.current_norm else [])


def _evasive(c: Any, text: str) -> bool:
    """A sentence that only files or defers the reader's matter («принято к сведению», «будет
    рассмотрено при наличии финансирования», «ұсынысыңыз ескеріледі»): it addresses the reader
    but applies no norm to them, so it explains no citation. One that also decides is not."""
    if not (c.search("noted", text) or c.search("promise", text)):
        return False
    return not any(c.search(k, text) for k in ("decision", "impossible", "appointment") if k in c.lists)


def _explained(a: LegalAnalysis, i: int, cit_sentences: set[int]) -> bool:
    sents = a.layout.sentences
    s = sents[i]
    c = cues(s.lang)
    if c.search("explanation", s.text):
        return True
    if addresses_reader(s) and not c.search("clarified", s.text) and not c.search("formula", s.text):
        return True
    if i + 1 < len(sents):
        n = sents[i + 1]
        if n.zone == s.zone and (n.para - s.para) <= 1:
            cn = cues(n.lang)
            if cn.search("explanation", n.text):
                return True
            if (
                i + 1 not in cit_sentences
                and addresses_reader(n)
                and not cn.search("clarified", n.text)
                and not cn.search("formula", n.text)
                and not _evasive(cn, n.text)
            ):
                return True
    return False


@document_rule("L103")
def unexplained_citation(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    """A norm cited with nothing to say what it means for the reader: no «это значит», «то есть»,
    «яғни», no sentence applying it to the reader. A citation in brackets after a plain
    statement supports that statement and needs no more."""
    a = analyse(ctx)
    if a.kind != "reply":
        return  # what a norm means matters to the citizen who gets the reply
    sents = a.layout.sentences
    cit_sentences = set(a.citation_sentence) - {None}
    for c, i in zip(a.citations, a.citation_sentence):
        if i is None or c.act_type in _FACT_TYPES or c.repealed or sents[i].zone not in ("body",):
            continue
        text = ctx.source.text
        before = text[max(0, c.start - 2) : c.start]
        if "(" in before:
            continue
        if not _explained(a, i, cit_sentences):
            yield Hit(c.start, c.end)


@document_rule("L104")
def retold_norms(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    a = analyse(ctx)
    if a.kind != "reply":
        return
    min_sent = int(_param(rule, "min_sentences", a.lang, 2))
    min_share = float(_param(rule, "min_share", a.lang, 0.6))
    min_words = int(_param(rule, "min_words", a.lang, 25))
    by_para: dict[int, list[Sentence]] = {}
    for s in a.layout.body():
        by_para.setdefault(s.para, []).append(s)
    norm_ids = {id(s) for s in a.norm_sentences}
    for para, sents in by_para.items():
        words = sum(s.words for s in sents)
        norms = [s for s in sents if id(s) in norm_ids]
        nw = sum(s.words for s in norms)
        if len(norms) >= min_sent and words >= min_words and nw >= min_share * words:
            first, last = sents[0], sents[-1]
            yield Hit(first.start, last.start + len(last.text.rstrip()), values={"value": len(norms), "threshold": nw})


# ---------------------------------------------------------------------------- completeness

_PARTS = {"L110": "decision", "L111": "reasons", "L112": "next_step", "L113": "appeal_route", "L114": "contact"}


def _letter_lang(a: LegalAnalysis) -> str:
    """The language most of the body is written in (the document's on a tie)."""
    words = body_languages(a.layout)
    if not any(words.values()) or words.get("ru", 0) == words.get("kk", 0):
        return a.lang
    return max(words, key=words.__getitem__)


def _where_missing(part: str, decision: Sentence | None, first: Sentence | None, last: Sentence | None) -> Sentence | None:
    """Where a missing part is reported (L110–L114, L124): the decision at the body's start, the
    reasons at the decision, anything else at the body's end."""
    if part == "decision":
        return first
    if part == "reasons":
        return decision or first
    return last


def _missing(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    """A part of the reply is missing: the message and its sentence pattern in the letter's
    language, wherever the finding is anchored (a Russian reply may end on a Kazakh signature)."""
    a = analyse(ctx)
    if a.kind != "reply" or a.reading is None:
        return
    part = _PARTS[rule.code]
    if a.reading.has[part]:
        return
    if part == "reasons" and not a.reading.has["decision"]:
        return  # no decision: L110 says it; reasons of nothing are not missing on their own
    if part == "contact" and a.layout.signature is not None:
        p = ctx.paragraphs[a.layout.signature]
        yield Hit(p.start, p.end, lang=_letter_lang(a))
        return
    s = _where_missing(part, a.reading.evidence.get("decision"), _first_body(a), _last_body(a))
    h = _hit(s, lang=_letter_lang(a))
    if h:
        yield h


for _code in _PARTS:
    document_rule(_code)(_missing)


# the parts a half is compared on; the contact is the shared executor's line, in both halves
_COMPARED = tuple(p for p in _PARTS.values() if p != "contact")


@document_rule("L124")
def halves_disagree(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    """A reply in two language halves: what one half lacks that the other has. A Kazakh reader
    does not look for the appeal route in the Russian text. Said in the lacking half's language
    and placed in it, where the part would go (as L110–L114: the decision at its start, the
    reasons at its decision, the rest at its end)."""
    a = analyse(ctx)
    if a.kind != "reply" or a.reading is None:
        return
    halves = read_halves(
        a.layout,
        {id(s) for s in a.norm_sentences},
        a.citations,
        {lang: int(_param(rule, "min_words", lang, 40)) for lang in ("ru", "kk")},
        float(rule.params.get("min_share", 0.25)),
        float(rule.params.get("min_purity", 0.85)),
    )
    if halves is None:
        return
    index = ctx.facts.setdefault("reply", {})
    index["halves"] = [{"language": h.lang, "has": {p: h.reading.has[p] for p in _COMPARED}} for h in halves]
    for h, other in ((halves[0], halves[1]), (halves[1], halves[0])):
        has, there = h.reading.has, other.reading.has
        lacking = [p for p in _COMPARED if not has[p] and there[p]]
        if not has["decision"] and "reasons" in lacking:
            lacking.remove("reasons")  # reasons of no decision: the decision is what it lacks
        if not lacking:
            continue
        anchors = [s for s in h.sentences if s.words] or h.sentences
        s = _where_missing(lacking[0], h.reading.evidence.get("decision"), anchors[0], anchors[-1])
        names: dict[str, str] = rule.params.get("parts", {}).get(h.lang, {})
        items = [names.get(p, p) for p in lacking]
        if len(items) > 1:  # «…, A и B» / «…, A және B»
            items[-2:] = [f"{items[-2]}{_param(rule, 'last_join', h.lang, ', ')}{items[-1]}"]
        hit = _hit(s, lang=h.lang, values={"value": ", ".join(items), "threshold": len(lacking)})
        if hit:
            yield hit


# ---------------------------------------------------------------------------- evasiveness


def evasiveness(a: LegalAnalysis, rule: Rule) -> tuple[float, list[str]]:
    """(e in 0–1, the parts the citizen is left without), from the weights in L120's params."""
    r = a.reading
    assert r is not None
    w: dict[str, float] = rule.params.get("weights", {})
    caps: dict[str, int] = rule.params.get("caps", {})
    e = 0.0
    without: list[str] = []
    if not r.has["decision"]:
        e += w.get("no_decision", 0.4)
        without.append("decision")
    elif not r.has["reasons"]:
        e += w.get("no_reasons", 0.25)
        without.append("reasons")
    if not r.has["next_step"]:
        e += w.get("no_next_step", 0.1)
        without.append("next_step")
    if r.count("redirect"):
        e += w.get("redirect", 0.45)
        without.insert(0, "redirect")
    elif r.count("redirect_named"):
        e += w.get("redirect_named", 0.25)
    if r.forward_only and len(a.citations) >= int(rule.params.get("forward_citations", 3)):
        # forwarded elsewhere, with acts cited and nothing said of the reader's own case: the
        # forwarding still counts as the decision (АППК ст. 65), the citations answer nothing
        e += w.get("forward_cited", 0.1)
    for name in ("promise", "noted", "clarified", "measures", "formula", "vague_law", "repealed"):
        n = min(r.count(name), int(caps.get(name, 2)))
        e += n * w.get(name, 0.1)
    if _retells_norms(a, rule):
        e += w.get("norms", 0.2)
    if not r.has["appeal_route"]:
        without.append("appeal_route")
    if not r.has["contact"]:
        without.append("contact")
    return min(e, 1.0), without


_DEVICES = ("redirect", "redirect_named", "promise", "noted", "clarified", "measures", "formula", "vague_law", "repealed")


def devices(a: LegalAnalysis, rule: Rule) -> int:
    """How many devices of an «отписка» the reply uses (formulas, redirects, norms retold …)."""
    r = a.reading
    assert r is not None
    n = sum(1 for s in r.signals if s.name in _DEVICES)
    return n + _retells_norms(a, rule)


def _retells_norms(a: LegalAnalysis, rule: Rule) -> bool:
    """At least ``norm_share`` of the body's words are in sentences that retell a norm."""
    norm_words = sum(s.words for s in a.norm_sentences if s.zone == "body")
    return norm_words / (a.body_words or 1) >= float(rule.params.get("norm_share", 0.3))


@document_rule("L120")
def evasive_reply(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    a = analyse(ctx)
    if a.kind != "reply" or a.reading is None:
        return
    e, without = evasiveness(a, rule)
    threshold = float(rule.params.get("threshold", 0.5))
    # an «отписка» uses devices; a reply that only lacks what the reader could not find in it
    # (a plain answer with no outcome word) is not called one
    evasive = round(e, 3) >= threshold and devices(a, rule) >= int(rule.params.get("min_devices", 1))
    ctx.facts.setdefault("scores", {})["evasiveness"] = round(100.0 * (1.0 - e), 1)
    reply = ctx.facts.setdefault("reply", {})
    reply["evasiveness"] = round(e, 2)
    reply["evasive"] = evasive
    reply["left_without"] = without
    if not evasive:
        return
    s = _first_body(a)
    # the letter's language, as L110–L114 (``_missing``): in a bilingual letter the first body
    # sentence may be Kazakh while most of the body, and those findings, are Russian
    lang = _letter_lang(a)
    words: dict[str, str] = rule.params.get("left_without", {}).get(lang, {})
    items = [words.get(k, k) for k in without if k in words]
    h = _hit(s, lang=lang, values={"value": ", ".join(items), "threshold": round(e, 2)})
    if h:
        yield h


def _reply_signals(ctx: DocumentContext, name: str) -> Iterator[Hit]:
    a = analyse(ctx)
    if a.kind != "reply" or a.reading is None:
        return
    for s in a.reading.signals:
        if s.name == name:
            yield Hit(s.start, s.end)


@document_rule("L121")
def redirect_without_body(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    return _reply_signals(ctx, "redirect")


@document_rule("L122")
def promise_without_date(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    return _reply_signals(ctx, "promise")


@document_rule("L123")
def positive_after_refusal(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    return _reply_signals(ctx, "deemed_positive")


# ---------------------------------------------------------------------------- the appeal


@document_rule("L130")
def reply_language(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    """Law «О языках в РК», art. 11: the reply is in the state language or in the appeal's."""
    a = analyse(ctx)
    if a.appeal is None or a.kind != "reply" or a.appeal.language not in ("ru", "kk"):
        return
    words = body_languages(a.layout)
    total = sum(words.values())
    if not total:
        return
    if words["kk"] >= 0.2 * total:
        return  # in Kazakh, or bilingual with Kazakh
    main = max(words, key=words.__getitem__)
    if main == a.appeal.language:
        return
    names = rule.params.get("language_names", {}).get(main, {})
    h = _hit(_first_body(a), values={"value": names.get(main, main), "threshold": names.get(a.appeal.language, a.appeal.language)})
    if h:
        yield h


@document_rule("L131")
def unanswered_questions(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    a = analyse(ctx)
    if a.appeal is None or a.kind != "reply":
        return
    checked = questions(ctx, a, float(rule.params.get("min_coverage", 0.33)))
    s = _first_body(a)
    lang = _letter_lang(a)  # as L110–L114 and L120: a bilingual letter's findings speak one language
    notes: dict[str, str] = rule.params.get("status", {}).get(lang, {})
    items = []
    for q in checked:
        if q.status == "untouched":
            items.append(f"«{q.question.text}» ({notes.get('untouched', 'untouched')})")
        elif q.status == "not_answered":
            items.append(f"«{q.question.text}» ({notes.get(q.missing or '', q.missing or '')})")
    if items:
        h = _hit(s, lang=lang, values={"value": "; ".join(items), "threshold": len(items)})
        if h:
            yield h
