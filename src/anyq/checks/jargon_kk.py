"""Kazakh officialese that needs the stemmer's analysis rather than a phrase list.

* J700 «-атын болады»: the long future of officialese («қаралатын болады») with the short
  form as replacement («қаралады»);
* J800 the passive (-ыл/-іл, -л, -н) in finite forms: «анықталды», «жүргізіледі», «күтілуде»;
* J801 long chains of nouns linked by the genitive and the 3rd-person possessive
  (ілік септік): «бюджеттің тұрғын үй құрылысы бағдарламасының»;
* J802 several participial phrases stacked on one noun;
* J665 one connector («Сонымен қатар», «Сонымен бірге») opening paragraph after paragraph.

The token's suffix chain is ``token.tag_`` ("ptcp.hab", "poss3|gen"); the full analysis
with the surfaces is ``token._.kk``. Word lists and thresholds are the rules' ``params``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress

from spacy.tokens import Token

from anyq.engine.model import Hit, Rule
from anyq.engine.registry import DocumentContext, ParagraphContext, document_rule, paragraph_rule
from anyq.nlp.clauses import positions
from anyq.nlp.strings import TokenStrings, token_strings
from anyq.nlp.stem_kk import GLIDES, VOWELS, lexicon
from anyq.resources import rules_toml
from anyq.suggest.kk import attach_chain

_PASSIVE = tuple(rules_toml("kk_grammar.toml")["words"]["passive_endings"])
_PASSIVE_IN_L = frozenset(rules_toml("kk_grammar.toml")["words"]["passive_in_l"])
# «беріліп отыр»: the auxiliaries, as word beginnings, that make a converb the predicate
_CONVERB_AUXILIARIES = tuple(rules_toml("kk_grammar.toml")["words"]["converb_auxiliaries"])
# a participle auxiliary ends the predicate only before these («жүргізіліп отырған жоқ»);
# before another word it qualifies a noun («сұралып отырған анықтама»)
_AFTER_PREDICATE = frozenset(rules_toml("kk_grammar.toml")["words"]["after_participle_predicate"])




def _tags(tok: Token) -> str:
    return tok.tag_ or ""


def is_passive(pos: str, lower: str, stem: str, not_verbs: frozenset[str] = frozenset()) -> bool:
    """A verb whose stem ends in a passive suffix on a known verb: «анықтал» = анықта + л."""
    if pos != "VERB" or lower in not_verbs:
        return False  # ``not_verbs``: nouns the stemmer may read as verbs («қорытынды», «жасанды»)
    return _passive_stem(stem)


def _passive_fits(base: str, suffix: str) -> bool:
    """Whether ``suffix`` is the passive's variant after ``base``: «-ыл/-іл» after a consonant
    other than л (жаз-ыл, жу-ыл), «-ын/-ін» after л (ал-ын, бөл-ін), «-л» after a vowel
    (анықта-л), «-н» after a vowel stem with an л (қабылда-н, жоспарла-н). Elsewhere «-ын/-н»
    is the reflexive or a noun's ending: жаб-ын (жабынды: a covering, acc.), шығ-ын (шығынды:
    an expense), тамақта-н (тамақтанады: eats)."""
    last = base[-1]
    vowel = last in VOWELS and last not in GLIDES
    if suffix in ("ыл", "іл"):
        return not vowel and last != "л"
    if suffix in ("ын", "ін"):
        return last == "л"
    if suffix == "л":
        return vowel
    # қолда + н is «қолдану» (to use), its passive «қолдал» (kk_grammar.toml, passive_in_l)
    return vowel and "л" in base and base not in _PASSIVE_IN_L


@lru_cache(maxsize=20_000)
def _passive_stem(stem: str) -> bool:
    lex = lexicon()
    for suffix in _PASSIVE:
        base = stem[: -len(suffix)]
        if not stem.endswith(suffix) or not (len(base) >= 3 or base == "ал"):
            continue  # «келеді», «жолды», «малды»: a two-letter "base" is a coincidence
        if _passive_fits(base, suffix) and lex.is_verb(base, depth=1):
            return True
    return False


# -- J700: «қаралатын болады» → «қаралады» -------------------------------------------------------
@paragraph_rule("J700")
def long_future(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    doc = ctx.doc
    ts = token_strings(doc)
    if "болады" not in ts.lower:
        return  # one scan in C: most paragraphs have none
    # the words before a «болады», picked at C speed
    for i in compress(range(len(ts.text) - 1), map("болады".__eq__, ts.lower[1:])):
        if ts.pos[i] != "VERB" or not ts.tag[i].endswith("ptcp.hab"):
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
    # middle and reflexive verbs are no passive: their subject is the doer («оралды», «емделді»)
    skip = rule.derived(("words", "exclude|middle"), lambda: rule.word_set("exclude") | rule.word_set("middle"))
    set_phrases = rule.word_set("set_phrases")
    finite = rule.word_set("finite")
    not_verbs = rule.word_set("not_verbs")
    passive_with = rule.params.get("passive_with", {})
    addressed = rule.word_set("addressed")
    doers = rule.word_set("doers")
    doc = ctx.doc
    ts = token_strings(doc)
    # is_passive's first test: the verbs, found by C scans
    for i in positions(ts.pos, "VERB"):
        if ts.lemma[i] in skip and not _passive_with(ts, i, passive_with.get(ts.lemma[i])):
            continue
        if not is_passive("VERB", ts.lower[i], ts.lemma[i], not_verbs):
            continue
        if i > 0 and f"{ts.lower[i - 1]} {ts.lemma[i]}" in set_phrases:
            continue  # «жауапқа тартылды»: the standard term
        tok = doc[i]
        tags = ts.tag[i]
        tail = tags.split("|")
        ends = {"|".join(tail[-k:]) for k in (1, 2)}
        if not (ends & finite):
            continue
        if "past" in tail and (_to_reader(ts, i, addressed) or _doer_before(ts, i, doers, not_verbs)):
            # «Сізге зейнетақы тағайындалды»: the decision told to the reader, as L110 asks;
            # «Біз бригада жібердік: иттер жеткізілді»: the sentence says who
            continue
        end = tok.i + 1
        if tags.endswith("conv.p"):
            # «беріліп отыр», «жоспарланып отыр»: the converb with its auxiliary
            if end < len(doc) and doc[end].lower_.startswith(_CONVERB_AUXILIARIES) and _aux_finite(ts, end):
                end += 1
            else:
                continue
        s, e = ctx.token_span(tok.i, end)
        yield Hit(s, e)


def _to_reader(ts: TokenStrings, i: int, addressed: frozenset[str]) -> bool:
    """Whether one of ``addressed`` («сізге») stands in the clause of the verb at ``i``, at
    most twelve words before it (the verb ends its clause): «Сізге мүгедектіктің II тобы
    белгіленді»."""
    j = i - 1
    while j >= 0 and i - j <= 12 and not (ts.punct[j] and ts.lower[j] in ",;:—–()"):
        if ts.pos[j] == "VERB" and any(p.startswith(("ptcp", "vn")) for p in ts.tag[j].split("|")):
            break  # «Сізге … хабарланбағаны анықталды»: «Сізге» goes with the clause before
        if ts.lower[j] in addressed:
            return True
        if ts.sent_start[j]:
            break
        j -= 1
    return False


def _doer_before(ts: TokenStrings, i: int, doers: frozenset[str], not_verbs: frozenset[str]) -> bool:
    """Whether an earlier clause of the verb's sentence has one of ``doers`` («біз») and an
    active finite verb after it: «Біз аулау бригадасын жібердік: 9 ит баспанаға жеткізілді»."""
    j = i
    while j > 0 and not ts.sent_start[j]:
        j -= 1
    subject = False
    for k in range(j, i):
        if ts.lower[k] in doers:
            subject = True
        elif subject and ts.pos[k] == "VERB" and "past" in ts.tag[k].split("|") and not is_passive("VERB", ts.lower[k], ts.lemma[k], not_verbs):
            return True
    return False


def _passive_with(ts: TokenStrings, i: int, subjects: list[str] | None) -> bool:
    """A middle verb that is a passive after one of ``subjects`` (stems) in the three words
    before it: «жарық бұзылды» (broke down) but «қарау мерзімі бұзылды» (someone broke it)."""
    return bool(subjects) and any(ts.lemma[j] in subjects for j in range(max(0, i - 3), i))


def _aux_finite(ts: TokenStrings, j: int) -> bool:
    """Whether the auxiliary after a converb is the predicate: «беріліп отыр», «жоспарланып
    келген.», not a participle on a noun («сұралып отырған анықтаманы») or a subordinate
    ending («тәрбиеленіп отырғандықтан»)."""
    tags = ts.tag[j]
    if "ptcp" not in tags:
        return True
    if not tags.endswith("ptcp.past"):
        return False
    return j + 1 >= len(ts.lower) or ts.punct[j + 1] or ts.space[j + 1] or ts.lower[j + 1] in _AFTER_PREDICATE


# -- J801: chains of genitive / possessive nouns -----------------------------------------------
@lru_cache(maxsize=20_000)
def _is_link(tags: str) -> bool:
    parts = tags.split("|")
    return "gen" in parts or "poss3" in parts


_CASE_AFTER_LINK = ("dat", "abl", "loc", "ins", "acc")


@lru_cache(maxsize=20_000)
def _ends_chain(tags: str) -> bool:
    """A case after the possessive: the chain ends with this word («есебінде», «қорынан»)."""
    return bool(tags) and tags.split("|")[-1] in _CASE_AFTER_LINK and _is_link(tags)


# the endings that make a noun of a verb: құрыл-ыс, өтін-іш, шеш-ім, төле-м, бағдарла-ма,
# and a verbal noun the stemmer keeps as a noun (қой-у, written «қою»): rules/data/kk_grammar.toml
_NOMINALIZERS = tuple(rules_toml("kk_grammar.toml")["words"]["nominalizers"])


@lru_cache(maxsize=20_000)
def _deverbal(pos: str, tags: str, lemma: str) -> bool:
    """A verbal noun («талдауы», «етілуі») or a noun made of a verb («құрылысы», «шешімінің»)."""
    if pos == "VERB":
        return "vn" in tags.split("|")
    lex = lexicon()
    if lemma.endswith("ю"):
        lemma = lemma[:-1] + "йу"  # қою = қой + у
    return any(lemma.endswith(n) and len(lemma) - len(n) >= 3 and lex.is_verb(lemma[: -len(n)], depth=1) for n in _NOMINALIZERS)


def _ends_nominative(ts: TokenStrings, i: int) -> bool:
    """A possessive in the nominative ends the chain unless another possessive follows it
    right away («үй құрылысы бағдарламасының»: a compound): otherwise it heads its own phrase,
    often the subject, and the next genitive begins another («Абаттандыру мәселелері
    жергілікті атқарушы органдардың құзыретіне жатады»; «саны жеткіліксіз екені»)."""
    if ts.tag[i].split("|")[-1] != "poss3":
        return False
    return i + 1 >= len(ts.tag) or not _is_link(ts.tag[i + 1])


@paragraph_rule("J801")
def nominal_chain(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    """A chain of genitive and possessive nouns with a verbal noun in it: «бюджеттің тұрғын үй
    құрылысы бағдарламасының қаржысы». As for Russian J353, a chain of things with no action
    named («Мектептің спорт залының төбесі», «Баланың анасының өтініші») is plain Kazakh."""
    limit = int(rule.params.get("min_links", 3))
    gap = int(rule.params.get("max_gap", 2))
    bodies = rule.word_set("not_first")
    not_links = rule.word_set("not_links")
    # nouns of a decision count as verbal nouns, as «заключение», «решение» do in Russian J353:
    # «комиссиясының қорытындысын» names an act as much as «шешімін» does
    decisions = rule.word_set("decision_nouns")
    doc = ctx.doc
    ts = token_strings(doc)
    joined = "\n".join(ts.tag)
    if joined.count("gen") + joined.count("poss3") < limit:
        return  # fewer tags name a link than a chain needs: no chain (counted at C speed)
    # a chain is judged by its links alone, so only the tokens from the first tag naming a
    # link to the last can change what is reported (line = token)
    found = [p for p in (joined.find("gen"), joined.find("poss3")) if p >= 0]
    if not found:
        return
    last = max(joined.rfind("gen"), joined.rfind("poss3"))
    first, last = joined.count("\n", 0, min(found)), joined.count("\n", 0, last)
    # the run holds token indices; the loop reads the plain strings and builds a spaCy
    # Token only for a chain that is reported
    run: list[int] = []

    def flush() -> Iterator[Hit]:
        links = [k for k, i in enumerate(run) if _is_link(ts.tag[i]) and ts.lemma[i] not in not_links]
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
        idx = run[best[0] : best[-1] + 1]
        if any(ts.lemma[i] in bodies or doc[i].norm_ in bodies for i in idx):
            return  # the name of a body or a position, a date, a citation: not officialese to rewrite
        if not any("gen" in ts.tag[i].split("|") for i in idx):
            return  # possessives alone make compound nouns («су құбыры желілері»), no chain
        if not any(_deverbal(ts.pos[i], ts.tag[i], ts.lemma[i]) or ts.lemma[i] in decisions for i in idx):
            return
        s, e = ctx.token_span(idx[0], idx[-1] + 1)
        yield Hit(s, e, values={"value": len(best), "threshold": limit})

    breaks = rule.word_set("breaks")
    for i in range(first, last + 1):
        if ts.space[i]:
            continue
        pos = ts.pos[i]
        # verbal nouns and participles count inside a noun phrase («құрылысы», «алуға мұқтаж»)
        tags = ts.tag[i]
        nominal = pos in ("NOUN", "PROPN", "ADJ", "NUM") or (pos == "VERB" and ("vn" in tags or "ptcp" in tags))
        name = ts.text[i][:1].isupper() and not ts.sent_start[i]
        # «-дағы» makes the word an adjective of what follows: «ауылындағы су құбыры» is no link
        if nominal and not ts.punct[i] and ts.lower[i] not in breaks and not name and pos != "PROPN" and "rel" not in tags.split("|"):
            run.append(i)
            if _ends_chain(tags) or _ends_nominative(ts, i):
                if len(run) >= limit:
                    yield from flush()
                run = []
            continue
        if len(run) >= limit:  # fewer words cannot hold ``limit`` links
            yield from flush()
        run = []
    if len(run) >= limit:
        yield from flush()


# -- J802: participial phrases stacked on one noun --------------------------------------------
_JOINERS = frozenset({",", "және", "әрі", "бірақ", "сондай-ақ"})


@paragraph_rule("J802")
def participle_chain(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    """Two or more participial phrases joined by «,» or «және» on the noun that follows the last:
    each but the last ends on its participle, the joiner right after it."""
    limit = int(rule.params.get("min_participles", 2))
    ts = token_strings(ctx.doc)
    if ts.pos.count("VERB") < limit:
        return  # fewer verbs than participles a report needs
    groups: list[list[int]] = []  # token indices of bare participles
    group: list[int] = []
    for k in positions(ts.pos, "VERB"):
        if ts.tag[k].split("|")[-1] not in _PARTICIPLES:
            continue
        if group and any(ts.sent_start[group[-1] + 1 : k + 1]):
            groups.append(group)  # a group ends with its sentence
            group = []
        # stacked only when the joiner comes right after the previous participle: a participle
        # ends its phrase, so a word after it is its own noun («Аз қамтылған отбасылар …
        # жұмсалатын шығыстар», «келіспеген жағдайда, … алған»), and the next one is another's
        joined = group and k - group[-1] <= 10 and ts.lower[group[-1] + 1] in _JOINERS
        if group and not joined:
            groups.append(group)
            group = []
        group.append(k)
    if group:
        groups.append(group)
    for g in groups:
        if len(g) >= limit and _modifies_noun(ts, g[-1]):
            s, e = ctx.token_span(g[0], g[-1] + 1)
            yield Hit(s, e, values={"value": len(g)})


_PARTICIPLES = ("ptcp.past", "ptcp.hab")
# «алған соң», «қаралған кезде»: the participle describes no noun (rules/data/kk_grammar.toml)
_NOT_A_NOUN = frozenset(rules_toml("kk_grammar.toml")["words"]["not_a_noun_after_participle"])


def _modifies_noun(ts: TokenStrings, i: int) -> bool:
    """An attributive participle at ``i``: a noun follows it (adjectives and numbers may stand between)."""
    for j in range(i + 1, min(len(ts.pos), i + 4)):
        if ts.lower[j] in _NOT_A_NOUN or ts.punct[j]:
            return False
        if ts.pos[j] in ("NOUN", "PROPN"):
            return True
        if ts.pos[j] not in ("ADJ", "NUM"):
            return False
    return False


# -- J665: the same connector opening paragraph after paragraph -------------------------------
@document_rule("J665")
def repeated_connector(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    """«Сонымен қатар, …» at the head of one paragraph is plain Kazakh; at the head of three it
    is the officialese habit of joining every point with it. Reported on each repeat after the
    first use, once one connector opens ``min_paragraphs`` paragraphs."""
    limit = int(rule.params.get("min_paragraphs", 3))
    connectors = sorted(rule.word_set("connectors"), key=len, reverse=True)  # the longest first
    if not connectors:
        return
    # a connector at the paragraph's head, its words apart by any spaces, before no letter
    opener = rule.derived(
        ("regex", "connectors"),
        lambda: re.compile(r"\s*(" + "|".join(r"\s+".join(map(re.escape, c.split())) for c in connectors) + r")(?![\w-])", re.I),
    )
    found: dict[str, list[tuple[int, int]]] = {}
    for p in ctx.paragraphs:
        if p.lang != "kk":
            continue
        m = opener.match(p.text)
        if m:
            found.setdefault(" ".join(m.group(1).lower().split()), []).append((p.start + m.start(1), p.start + m.end(1)))
    for spans in found.values():
        if len(spans) >= limit:
            for s, e in spans[1:]:
                yield Hit(s, e, values={"value": len(spans), "threshold": limit})
