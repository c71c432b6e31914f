"""Complexity rules that need counting: sentence length, paragraph length, genitive chains."""

from __future__ import annotations

from collections.abc import Iterator

from anyq.engine.model import Hit, Rule
from anyq.engine.registry import ParagraphContext, paragraph_rule
from anyq.nlp.words import count_words



def _threshold(rule: Rule, ctx: ParagraphContext, key: str, default: int) -> int:
    """``params.<key>`` may be a number or a table by language: {ru = 25, kk = 20}."""
    value = rule.params.get(key, default)
    if isinstance(value, dict):
        value = value.get(ctx.lang, default)
    return int(value)


def _words(span) -> int:
    return count_words(span)


@paragraph_rule("C101")
def long_sentence(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    limit = _threshold(rule, ctx, "max_words", 25)
    for sent in ctx.doc.sents:
        n = _words(sent)
        if n > limit:
            start, end = ctx.token_span(sent.start, sent.end)
            yield Hit(start, end, values={"value": n, "threshold": limit})


@paragraph_rule("C102")
def long_paragraph(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    limit = _threshold(rule, ctx, "max_sentences", 5)
    sents = [s for s in ctx.doc.sents if _words(s)]
    if len(sents) > limit:
        first = sents[limit]
        start, end = ctx.token_span(first.start, sents[-1].end)
        yield Hit(start, end, values={"value": len(sents), "threshold": limit})


@paragraph_rule("C103")
def genitive_chain(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    """Three or more nouns in a row in the genitive: «обеспечения реализации положений Закона»."""
    limit = _threshold(rule, ctx, "min_nouns", 3)
    run: list[int] = []
    nouns = 0

    def flush() -> Iterator[Hit]:
        if nouns >= limit:
            # trim leading/trailing adjectives so the span starts and ends with a noun
            toks = [ctx.doc[i] for i in run]
            while toks and toks[-1].pos_ not in ("NOUN", "PROPN"):
                toks.pop()
            if toks:
                start, end = ctx.token_span(toks[0].i, toks[-1].i + 1)
                yield Hit(start, end, values={"value": nouns, "threshold": limit})

    for tok in ctx.doc:
        gen = "Case=Gen" in str(tok.morph) and tok.pos_ in ("NOUN", "ADJ", "PROPN")
        if gen:
            run.append(tok.i)
            nouns += tok.pos_ != "ADJ"
        elif tok.is_space:
            continue
        else:
            yield from flush()
            run, nouns = [], 0
    yield from flush()
