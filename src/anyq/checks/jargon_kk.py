"""Kazakh officialese that needs the stemmer's analysis rather than a phrase list.

* J700 «-атын болады»: the long future of officialese («қаралатын болады») with the short
  form as replacement («қаралады»);
* J800 the passive (-ыл/-іл, -л, -н) in finite forms: «анықталды», «жүргізіледі», «күтілуде»;
* J801 long chains of nouns linked by the genitive and the 3rd-person possessive
  (ілік септік): «бюджеттің тұрғын үй құрылысы бағдарламасының»;
* J802 several participial phrases stacked on one noun.

The token's suffix chain is ``token.tag_`` ("ptcp.hab", "poss3|gen"); the full analysis
with the surfaces is ``token._.kk``. Word lists and thresholds are the rules' ``params``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from anyq.engine.model import Hit, Rule
from anyq.engine.registry import ParagraphContext, paragraph_rule
from anyq.nlp.strings import token_strings
from anyq.nlp.stem_kk import lexicon
from anyq.suggest.kk import attach_chain

_PASSIVE = ("ыл", "іл", "ын", "ін", "л", "н")




def _tags(tok: Token) -> str:
    return tok.tag_ or ""


def is_passive(tok: Token, not_verbs: frozenset[str] = frozenset()) -> bool:
    """A verb whose stem ends in a passive suffix on a known verb: «анықтал» = анықта + л."""
    if tok.pos_ != "VERB" or tok.lower_ in not_verbs:
        return False  # ``not_verbs``: nouns the stemmer may read as verbs («қорытынды», «жасанды»)
    stem = tok.lemma_
    lex = lexicon()
    for suffix in _PASSIVE:
        base = stem[: -len(suffix)]
        if not stem.endswith(suffix) or not (len(base) >= 3 or base == "ал"):
            continue  # «келеді», «жолды», «малды»: a two-letter "base" is a coincidence
        if lex.is_verb(base, depth=1):
            return True
    return False


# -- J700: «қаралатын болады» → «қаралады» -------------------------------------------------------
@paragraph_rule("J700")
def long_future(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    doc = ctx.doc
    ts = token_strings(doc)
    for i in range(len(ts.text) - 1):
        if ts.lower[i + 1] != "болады" or ts.pos[i] != "VERB" or not ts.tag[i].endswith("ptcp.hab"):
            continue
        tok = doc[i]
        chain = (("neg", "ма"),) if _tags(tok).startswith("neg") else ()
        short = attach_chain(tok.lemma_, chain + (("pres", "а"), ("3", "ды")))
        s, e = ctx.token_span(tok.i, tok.i + 2)
        suggestions = [short[:1].upper() + short[1:] if tok.text[:1].isupper() else short] if short else []
        yield Hit(s, e, suggestions=suggestions)


# -- J800: passive in finite forms ---------------------------------------------------------------
@paragraph_rule("J800")
def passive(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    skip = rule.word_set("exclude")
    finite = rule.word_set("finite")
    not_verbs = rule.word_set("not_verbs")
    doc = ctx.doc
    for i, pos in enumerate(token_strings(doc).pos):
        if pos != "VERB":
            continue  # is_passive's first test, on the plain string
        tok = doc[i]
        if tok.lemma_ in skip or not is_passive(tok, not_verbs):
            continue
        tags = _tags(tok)
        tail = tags.split("|")
        ends = {"|".join(tail[-k:]) for k in (1, 2)}
        if not (ends & finite):
            continue
        end = tok.i + 1
        if tags.endswith("conv.p"):
            # «беріліп отыр», «жоспарланып отыр»: the converb with its auxiliary
            if end < len(doc) and doc[end].lower_.startswith(("отыр", "жатыр", "келеді", "келген")):
                end += 1
            else:
                continue
        s, e = ctx.token_span(tok.i, end)
        yield Hit(s, e)


# -- J801: chains of genitive / possessive nouns -----------------------------------------------
def _link(tok: Token) -> bool:
    tags = _tags(tok).split("|")
    return "gen" in tags or "poss3" in tags


@paragraph_rule("J801")
def nominal_chain(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    limit = int(rule.params.get("min_links", 3))
    gap = int(rule.params.get("max_gap", 2))
    bodies = rule.word_set("not_first")
    doc = ctx.doc
    run: list[Token] = []

    def flush() -> Iterator[Hit]:
        links = [i for i, t in enumerate(run) if _link(t)]
        if len(links) < limit:
            return
        # a chain is links no more than ``gap`` words apart; keep the longest such stretch
        best: list[int] = []
        cur = [links[0]]
        for a, b in zip(links, links[1:]):
            if b - a <= gap + 1:
                cur.append(b)
            else:
                best = max(best, cur, key=len)
                cur = [b]
        best = max(best, cur, key=len)
        if len(best) < limit:
            return
        toks = run[best[0] : best[-1] + 1]
        if any(t.lemma_ in bodies or t.norm_ in bodies for t in toks):
            return  # the name of a body or a position, a date: not officialese to rewrite
        s, e = ctx.token_span(toks[0].i, toks[-1].i + 1)
        yield Hit(s, e, values={"value": len(best), "threshold": limit})

    breaks = rule.word_set("breaks")
    ts = token_strings(doc)
    for i, pos in enumerate(ts.pos):
        if ts.space[i]:
            continue
        # on the plain strings (this loop sees every token); verbal nouns and participles
        # count inside a noun phrase («құрылысы», «алуға мұқтаж»)
        tags = ts.tag[i]
        nominal = pos in ("NOUN", "PROPN", "ADJ", "NUM") or (pos == "VERB" and any(t in tags for t in ("vn", "ptcp")))
        name = ts.text[i][:1].isupper() and not ts.sent_start[i]
        if nominal and not ts.punct[i] and ts.lower[i] not in breaks and not name and pos != "PROPN":
            tok = doc[i]
            run.append(tok)
            if _tags(tok).split("|")[-1:] and _tags(tok).split("|")[-1] in ("dat", "abl", "loc", "ins", "acc") and _link(tok):
                # a case after the possessive ends the chain here («есебінде», «қорынан»)
                yield from flush()
                run = []
            continue
        yield from flush()
        run = []
    yield from flush()


# -- J802: participial phrases stacked on one noun --------------------------------------------
_JOINERS = frozenset({",", "және", "әрі", "бірақ", "сондай-ақ"})


@paragraph_rule("J802")
def participle_chain(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    """Two or more participial phrases joined by «,» or «және» on the noun that follows the last."""
    limit = int(rule.params.get("min_participles", 2))
    doc = ctx.doc
    ts = token_strings(doc)
    for sent in doc.sents:
        groups: list[list[Token]] = []
        group: list[Token] = []
        # bare participles, on the plain strings
        bare = (doc[k] for k in range(sent.start, sent.end) if ts.pos[k] == "VERB" and ts.tag[k].split("|")[-1] in ("ptcp.past", "ptcp.hab"))
        for p in bare:
            joined = group and p.i - group[-1].i <= 10 and any(doc[k].lower_ in _JOINERS for k in range(group[-1].i + 1, p.i))
            if group and not joined:
                groups.append(group)
                group = []
            group.append(p)
        if group:
            groups.append(group)
        for g in groups:
            if len(g) >= limit and _modifies_noun(g[-1]):
                s, e = ctx.token_span(g[0].i, g[-1].i + 1)
                yield Hit(s, e, values={"value": len(g)})


_NOT_A_NOUN = frozenset({"соң", "кейін", "сайын", "кезде", "кезінде", "жағдайда", "бері", "дейін", "үшін", "сияқты"})


def _modifies_noun(tok: Token) -> bool:
    """An attributive participle: a noun follows it (adjectives and numbers may stand between)."""
    doc = tok.doc
    for j in range(tok.i + 1, min(len(doc), tok.i + 4)):
        t = doc[j]
        if t.lower_ in _NOT_A_NOUN or t.is_punct:
            return False
        if t.pos_ in ("NOUN", "PROPN"):
            return True
        if t.pos_ not in ("ADJ", "NUM"):
            return False
    return False
