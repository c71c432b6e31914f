"""Complexity rules that need counting: sentence length, long words, clauses, participial
phrases, genitive chains, nesting, enumerations, paragraph length, document readability.

The counting is in :mod:`anyq.nlp.clauses` (one pass per sentence, shared by these rules)
and :mod:`anyq.readability`; the thresholds, by audience profile and language, are in the
rules' TOML ``params``.
"""

from __future__ import annotations

from collections.abc import Iterator

from anyq.engine.model import Hit, Rule
from anyq.engine.registry import DocumentContext, ParagraphContext, document_rule, paragraph_rule
from anyq.legal.layout import prose_paragraphs
from anyq.nlp.clauses import KK_CLAUSE_PARTICLES, RU_NAME_PLACES, WORD, SentenceFacts, Split, ru_chain_nouns, sentence_facts
from anyq.nlp.strings import token_strings
from anyq.profiles import profile_of, resolve

# Splits that change the meaning if the conjunction is simply dropped (a cause, a relative
# clause, a Kazakh particle tying two clauses: «түсірді де, …»): the message shows where to
# split, but no rewrite is offered.
_NO_REWRITE = {"поскольку", "так как", "который"} | KK_CLAUSE_PARTICLES
_UNSET = object()


def param(rule: Rule, ctx: ParagraphContext | DocumentContext, key: str, default, lang: str | None = None):
    """``params.<key>`` for the run's profile and the text's language."""
    lang = lang or getattr(ctx, "lang", "ru")
    # keyed by the profile as given (profile_of maps unknown names to the default): every rule
    # reads its parameters for every paragraph, and resolving walks the profile and language
    # tables, so the hit path is one tuple and one dict lookup
    k = ("param", key, getattr(ctx.options, "profile", None), lang, default)
    hit = rule.derived_values.get(k, _UNSET)
    if hit is not _UNSET:
        return hit

    def build():
        value = resolve(rule.params.get(key, default), profile_of(ctx.options), lang)
        return default if value is None else value

    return rule.derived(k, build)


def _sentence_span(ctx: ParagraphContext, f: SentenceFacts) -> tuple[int, int]:
    end = f.end
    while end > f.start + 1 and ctx.doc[end - 1].is_space:
        end -= 1
    return ctx.token_span(f.start, end)


def best_split(ctx: ParagraphContext, f: SentenceFacts) -> Split | None:
    """The split nearest the middle of the sentence, preferring a cut that needs no new
    subject (a relative clause needs one)."""
    if not f.splits:
        return None
    mid = (f.start + f.end) / 2

    def cost(s: Split) -> float:
        return abs(s.punct - mid) + (1000 if s.kind == "который" else 0)

    return min(f.splits, key=cost)


def split_rewrite(ctx: ParagraphContext, f: SentenceFacts, s: Split) -> str | None:
    """The sentence cut in two at ``s`` («…, а работы…» → «…. Работы…»)."""
    if s.kind in _NO_REWRITE:
        return None
    doc = ctx.doc
    first = doc[f.start : s.punct].text.rstrip()
    rest_start = s.first if s.lead == "" else s.first + 1
    if s.lead not in (None, ""):
        rest = s.lead + " " + doc[s.first + 1 : f.end].text_with_ws
    else:
        rest = doc[rest_start : f.end].text_with_ws
    rest = rest.strip()
    if not rest:
        return None
    rest = rest[0].upper() + rest[1:]
    return f"{first}. {rest}"


_QUOTES_AND_BRACKETS = frozenset("«»„“”\"'()[]")


def _split_values(rule: Rule, ctx: ParagraphContext, f: SentenceFacts) -> tuple[dict, list[str]]:
    s = best_split(ctx, f)
    if s is None:
        return {"split": ""}, []
    doc = ctx.doc
    end = min(f.end, s.first + 3)
    # the place is shown in quotes: it stops before a quote or bracket of the text («, оған сәйкес «»)
    end = next((i for i in range(s.punct + 1, end) if doc[i].text in _QUOTES_AND_BRACKETS), end)
    at = doc[s.punct : end].text.strip()
    hint = param(rule, ctx, "split_hint", "")
    suggestion = split_rewrite(ctx, f, s)
    return {"split": hint.format(at=at) if hint else ""}, [suggestion] if suggestion else []


@paragraph_rule("C101")
def long_sentence(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    limit = int(param(rule, ctx, "max_words", 25))
    for f in sentence_facts(ctx.doc, ctx.lang):
        if f.words > limit:
            start, end = _sentence_span(ctx, f)
            values, suggestions = _split_values(rule, ctx, f)
            yield Hit(start, end, values={"value": f.words, "threshold": limit, **values}, suggestions=suggestions)


@paragraph_rule("C102")
def long_paragraph(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    limit = int(param(rule, ctx, "max_sentences", 5))
    sents = [f for f in sentence_facts(ctx.doc, ctx.lang) if f.words]
    if len(sents) > limit:
        first = sents[limit]
        start, _ = _sentence_span(ctx, first)
        _, end = _sentence_span(ctx, sents[-1])
        yield Hit(start, end, values={"value": len(sents), "threshold": limit})


# Case=Gen in a token's features, per language and token text: the morphology components
# write features that depend on the token's text alone (``PerTextAnnotator``), and building a
# Token to read them costs a microsecond
_GENITIVE: dict[str, dict[str, bool]] = {}


@paragraph_rule("C103")
def genitive_chain(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    """Three or more nouns in a row in the genitive: «обеспечения реализации положений Закона».
    The name of a body or a post is no chain («Управление здравоохранения города Шымкента»), and
    a place ends one without counting (``ru_chain_nouns``, shared with J353)."""
    limit = int(param(rule, ctx, "min_nouns", 3))
    run: list[int] = []
    nouns = 0

    def flush() -> Iterator[Hit]:
        if nouns < limit:
            return
        head = run[0] - 1
        while head >= 0 and space[head]:
            head -= 1
        at = [i for i in run if ts.pos[i] != "ADJ"]
        counted = ru_chain_nouns(ts.lemma[head] if head >= 0 else "", [ts.lemma[i] for i in at])
        if counted >= limit:
            # the span ends with the last noun counted (a name after it is not the chain's)
            start, end = ctx.token_span(run[0], at[counted - 1] + 1)
            yield Hit(start, end, values={"value": counted, "threshold": limit})

    doc = ctx.doc
    ts = token_strings(doc)
    tags = ts.tag
    if "\n".join(tags).count("gen") < limit:
        return  # each noun of a chain has a genitive in its tag: too few here (one string count)
    space = ts.space
    prev = -1
    # Case=Gen comes from a genitive in the tag string (ru gent/gen2, kk gen): the plain
    # string first, the token's features only for the few that have one; the loop visits
    # the genitives only
    genitive = _GENITIVE.setdefault(ctx.lang, {})
    text = ts.text
    for i in [i for i, tag in enumerate(tags) if "gen" in tag]:
        pos = ts.pos[i]
        if pos not in ("NOUN", "ADJ", "PROPN"):
            continue
        g = genitive.get(text[i])
        if g is None:
            if len(genitive) >= 100_000:
                genitive.clear()
            g = genitive[text[i]] = "Case=Gen" in str(doc[i].morph)
        if not g:
            continue  # not a genitive: the next one is not next to the run (tested below)
        if ts.lemma[i] in RU_NAME_PLACES and _name_follows(ts, i):
            # «… города Алматы», «… Республики Казахстан»: a place named ends the run and is not
            # counted; «теплоснабжения города» with no name is a chain's noun like any other
            yield from flush()
            run, nouns = [], 0
            continue
        if run and i != prev + 1 and not all(space[prev + 1 : i]):
            # a word between ends the run (whitespace does not)
            yield from flush()
            run, nouns = [], 0
        run.append(i)
        nouns += pos != "ADJ"
        prev = i
    yield from flush()


def _name_follows(ts, i: int) -> bool:
    j = i + 1
    while j < len(ts.text) and ts.space[j]:
        j += 1
    return j < len(ts.text) and ts.text[j][:1].isupper()


@paragraph_rule("C104")
def many_long_words(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    limit = int(param(rule, ctx, "max_long_words", 4))
    for f in sentence_facts(ctx.doc, ctx.lang):
        if f.long_words > limit:
            start, end = _sentence_span(ctx, f)
            examples = ", ".join(f"«{w}»" for w in f.long_examples)
            yield Hit(start, end, values={"value": f.long_words, "threshold": limit, "examples": examples})


@paragraph_rule("C105")
def many_clauses(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    limit = int(param(rule, ctx, "max_clauses", 3))
    # a short sentence is not hard whatever its clauses count (params.min_words)
    min_words = int(param(rule, ctx, "min_words", 0))
    for f in sentence_facts(ctx.doc, ctx.lang):
        if f.clauses > limit and f.words >= min_words:
            start, end = _sentence_span(ctx, f)
            values, suggestions = _split_values(rule, ctx, f)
            values.update(value=f.clauses, threshold=limit, predicates=f.predicates, subordinators=f.subordinators)
            yield Hit(start, end, values=values, suggestions=suggestions)


@paragraph_rule("C106")
def participial_phrases(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    limit = int(param(rule, ctx, "max_phrases", 1))
    for f in sentence_facts(ctx.doc, ctx.lang):
        if len(f.participles) > limit:
            start, end = _sentence_span(ctx, f)
            examples = ", ".join(f"«{ctx.doc[i].text}»" for i in f.participles[:4])
            yield Hit(start, end, values={"value": len(f.participles), "threshold": limit, "examples": examples})


@paragraph_rule("C107")
def genitive_chain_kk(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    """Stacked ілік септік: «қосудың техникалық мүмкіндігінің болмауына»."""
    limit = int(param(rule, ctx, "min_nouns", 3))
    for f in sentence_facts(ctx.doc, ctx.lang):
        chain = f.genitive_chain
        if chain and chain[0] >= limit:
            start, end = ctx.token_span(chain[1], chain[2])
            yield Hit(start, end, values={"value": chain[0], "threshold": limit})


@paragraph_rule("C108")
def deep_nesting(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    limit = int(param(rule, ctx, "max_depth", 1))
    for f in sentence_facts(ctx.doc, ctx.lang):
        if f.nesting > limit:
            start, end = _sentence_span(ctx, f)
            yield Hit(start, end, values={"value": f.nesting, "threshold": limit})


@paragraph_rule("C109")
def long_enumeration(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    limit = int(param(rule, ctx, "max_items", 5))
    for f in sentence_facts(ctx.doc, ctx.lang):
        if f.enumeration > limit and f.enumeration_span:
            a, b = f.enumeration_span
            start, end = ctx.token_span(a, b + 1)
            yield Hit(start, end, values={"value": f.enumeration, "threshold": limit})


@document_rule("C110")
def hard_to_read(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    """The document's readability against the profile's threshold, per language: Russian
    by Flesch reading ease (Oborneva), Kazakh by our fitted level. Not judged on a language
    with fewer than ``params.min_words`` words: on a note of a few sentences a salutation's
    long words decide the figure, and the sentence rules already see each sentence."""
    figures = ctx.facts.get("readability") or {}
    for lang, fig in figures.items():
        if fig.get("words", 0) < param(rule, ctx, "min_words", 0, lang):
            continue
        if lang == "ru":
            limit = param(rule, ctx, "min_reading_ease", None, lang)
            value = fig.get("flesch_reading_ease")
            bad = limit is not None and value is not None and value < limit
        elif lang == "kk":
            limit = param(rule, ctx, "max_level", None, lang)
            value = fig.get("level")
            bad = limit is not None and value is not None and value > limit
        else:
            continue
        if not bad:
            continue
        span = _first_paragraph_of(ctx, lang)
        if span is None:
            continue
        yield Hit(
            span[0],
            span[1],
            values={"value": _beyond(value, limit, lang == "ru"), "threshold": limit, "lix": f"{fig.get('lix', 0):.0f}", "asl": f"{fig.get('words_per_sentence', 0):.1f}"},
            message=rule.message_for(lang),
        )


def _beyond(value: float, limit: float, below: bool) -> str:
    """``value`` to one decimal, or to as many more as it takes to show it on the firing side
    of ``limit`` (level 3.52 against 3.5 is not «3.5 (шегі 3.5)»)."""
    for digits in range(1, 7):
        text = f"{value:.{digits}f}"
        if (float(text) < limit) if below else (float(text) > limit):
            break
    return text


def _first_paragraph_of(ctx: DocumentContext, lang: str) -> tuple[int, int] | None:
    """A document finding points at the first paragraph of its language (its first line): of its
    prose, as the readability measures it, past the salutation; not the letterhead or the «Исх. №
    … от …» line (all paragraphs where the layout finds no such prose in that language)."""
    lay = next(iter(ctx.facts.get("_layout_zones", {}).values()), None)
    where = [True] * len(ctx.paragraphs)
    if lay is not None:
        prose = [keep and zone != "greeting" for keep, zone in zip(prose_paragraphs(lay, ctx.paragraphs), lay.zones)]
        if any(keep and p.lang == lang and WORD.search(p.text) for p, keep in zip(ctx.paragraphs, prose)):
            where = prose
    for p, keep in zip(ctx.paragraphs, where):
        if keep and p.lang == lang and WORD.search(p.text):
            line_end = p.text.find("\n")
            end = p.start + (line_end if line_end > 0 else len(p.text.rstrip()))
            return p.start, end
    return None
