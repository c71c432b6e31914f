"""Russian officialese that needs morphology rather than a phrase list.

* J136 «подлежит» with a verbal noun in the dative («подлежит возврату», «не подлежат
  разглашению»);
* J341 passive officialese: short passive participles, with their auxiliary
  («было принято», «будет осуществлена», «может быть обжалован»);
* J342 reflexive passives: «осуществляется», «производится», «будет рассматриваться»;
* J351 verbal nouns where officialese puts them: after a preposition, heading a sentence,
  or governing another verbal noun («о проведении», «Распределение жилищ …»);
* J352 a light verb with a verbal noun («произвести отключение», «осуществить подачу»)
  for nouns no split-predicate rule of its own covers, with the one verb as replacement;
* J353 chains of three and more nouns in the genitive («обеспечения реализации положений
  Закона»).

Word lists and thresholds are the rules' ``params`` in ``rules/ru/*.toml``; the verbal
nouns and their verbs are ``rules/data/ru_verbal_nouns.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import compress, repeat

from spacy.tokens import Doc, Token

from anyq.engine.model import Hit, Rule
from anyq.engine.registry import ParagraphContext, paragraph_rule
from anyq.nlp.clauses import RU_NAME_PLACES, ru_chain_nouns
from anyq.nlp.strings import token_strings
from anyq.resources import rules_toml
from anyq.suggest.base import match_case
from anyq.suggest.ru import grammemes, inflect_verb, noun_phrase, parses, reinflect_np
from anyq.suggest.verbal_nouns import verbal_nouns
from anyq.text import quotations

_AUX = frozenset({"быть", "мочь", "должный"})




def _left_aux(doc: Doc, i: int) -> int:
    """Extend a participle or infinitive to the left over «было», «будет», «может быть», «не»."""
    j = i
    while j > 0:
        t = doc[j - 1]
        if t.lemma_ in _AUX or t.lower_ == "не" or (t.lower_ in ("быть",)):
            j -= 1
            continue
        break
    return j


# -- J341: short passive participles -----------------------------------------------------------
@paragraph_rule("J341")
def passive_participle(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    skip = rule.word_set("exclude")
    addressed = rule.word_set("addressed")
    doers = rule.word_set("doers")
    agents = _agents()
    doc = ctx.doc
    ts = token_strings(doc)
    tags = ts.tag
    if "PRTS" not in "\n".join(tags):
        return  # one string test: most paragraphs have no short participle
    if ctx.paragraph.role == "list" and _lead_names_doer(ctx.source.text, ctx.paragraph.start, agents):
        return  # «Мы приняли следующие меры: 1) … выписан; 2) … направлена»: the lead says who
    # the few tokens tagged PRTS, picked at C speed
    for i in compress(range(len(tags)), map(str.startswith, tags, repeat("PRTS"))):
        tok = doc[i]
        gs = grammemes(tok)
        if "pssv" not in gs or tok.lemma_ in skip:
            continue
        if tok.text[:1].isupper() and not tok.is_sent_start and not tok.text.isupper():
            # «Уважаемая Дана», «города Талдыкоргана»: a name read as a participle (ALL CAPS
            # text, «ЖАЛОБА НАПРАВЛЕНА», has no names to tell apart)
            continue
        if tok.i == 0 and ctx.paragraph.table_cell:
            continue  # a table's column header or value «Начислено, тг», «Рассмотрено»: a label
        if _named_agent(doc, tok.i, agents):
            continue  # «рассмотрено комиссией»: the passive says who did it
        a = _left_aux(doc, tok.i)
        if a == tok.i:
            # a decision told, without an auxiliary: «будет направлен», «может быть обжаловано»
            # promise; «Вам было отказано» mostly retells the refusal the reader complains of
            if _to_reader(ts, tok.i, addressed):
                continue  # «Вам назначена пенсия»: the decision on the reader, as L110 asks
            if _doer_before(ts, tok.i, doers):
                continue  # «мы направили бригаду: собаки пойманы»: the sentence says who
        s, e = ctx.token_span(a, tok.i + 1)
        yield Hit(s, e)


_CLAUSE_END = frozenset(",;:—–()")


def _to_reader(ts, i: int, addressed: frozenset[str]) -> bool:
    """Whether the participle at ``i`` is said of the reader («Вам назначена», «Вас включили»
    reads the same): one of ``addressed`` within its clause, at most four words before it or
    right after it («установлена Вам»)."""
    lower, starts = ts.lower, ts.sent_start
    j = i - 1
    while j >= 0 and i - j <= 4 and lower[j] not in _CLAUSE_END:
        if lower[j] in addressed:
            # «Сведения о Вас внесены»: the reader after a preposition is no addressee
            return j == 0 or starts[j] or ts.pos[j - 1] != "ADP"
        if starts[j]:
            break
        j -= 1
    return i + 1 < len(lower) and not starts[i + 1] and lower[i + 1] in addressed


def _doer_before(ts, i: int, doers: frozenset[str]) -> bool:
    """Whether an earlier clause of the participle's sentence has one of ``doers`` («мы») as
    the subject of an active verb: «Мы направили бригаду: 9 собак пойманы». Not across «что»:
    «мы сообщаем, что заявление рассмотрено» tells what was done, not who did it."""
    lower, pos, lemma, starts = ts.lower, ts.pos, ts.lemma, ts.sent_start
    j = i
    while j > 0 and not starts[j]:
        j -= 1
    subject = acted = False
    for k in range(j, i):
        if lower[k] in doers:
            subject = True
        elif subject and pos[k] == "VERB" and not lemma[k].endswith(_REFLEXIVE) and "PRTS" not in ts.tag[k]:
            acted = True
        elif lower[k] in _REPORTED:
            # «Мы сообщаем, что заявление рассмотрено»: what is told, not what we did
            subject = acted = False
    return acted


_REPORTED = frozenset({"что", "чтобы", "как", "ли"})
_LIST_MARK = re.compile(r"\s*(?:[-–—•·▪●◦*]|\d{1,3}[.)]|[^\W\d_]\))\s")
_LEAD_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_PERSONAL = frozenset({"я", "мы", "он", "она", "они"})


def _lead_names_doer(text: str, start: int, agents: frozenset[str]) -> bool:
    """Whether the lead of the list item at ``start`` names who acted: its last sentence ends
    in «:» and has a subject in the nominative and an active verb («Мы приняли следующие
    меры:», «Акимат района выполнил следующие работы:») or a doer in the instrumental with a
    passive («Акиматом выполнены следующие работы:»). The items' passives then hide no one.
    Conservative: the lead is the nearest line above ending in «:» with an item right under it,
    within one block (no blank line); «Приняты следующие меры:» names no doer."""
    # the item's own line is cut at its start; 60 lines back at most, read from a window so a
    # long list costs no more per item than a short one
    lines = text[max(0, start - 6000):start].split("\n")[:-1]
    for k in range(len(lines) - 1, max(-1, len(lines) - 60), -1):
        line = lines[k].rstrip()
        if not line:
            return False  # a blank line ends the list's block
        if line.endswith(":") and (k + 1 == len(lines) or _LIST_MARK.match(lines[k + 1])):
            break
    else:
        return False
    clause = re.split(r"[.!?]\s", line)[-1]
    subject = active = agent = passive = False
    for w in _LEAD_WORD.findall(clause):
        for p in parses(w)[:2]:  # the likelier readings only
            tag, lemma = p.tag, p.normal_form
            if len(w) < 2 or "Abbr" in tag or "Init" in tag:
                break  # «к» read as an abbreviation of a person
            if tag.POS in ("NOUN", "NPRO") and (lemma in agents or "anim" in tag or lemma in _PERSONAL):
                subject |= "nomn" in tag
                agent |= "ablt" in tag and tag.POS == "NOUN"
            elif tag.POS == "VERB" and "indc" in tag and not lemma.endswith(("ся", "сь")):
                active = True
            elif tag.POS == "PRTS" and "pssv" in tag:
                passive = True
    return (subject and active) or (agent and passive)


@cache
def _agents() -> frozenset[str]:
    return frozenset(rules_toml("ru_grammar.toml")["agents"])


def _named_agent(doc: Doc, i: int, agents: frozenset[str]) -> bool:
    """Whether the clause of the participle at ``i`` names the doer in the instrumental:
    «утверждён приказом Министра», «Департаментом полиции … рассмотрено», «проверено
    инспектором». The doer is a person (an animate noun) or a body or act of ``agents``.
    A noun after a preposition («согласовано с комиссией», «уход за ребёнком») is no doer,
    nor is the doer of a verbal noun before it («ввиду достижения Вашим сыном 18 лет»)."""
    # read from the token columns (no Token objects, no Span for the sentence): J341 and J342
    # ask this for every passive they find
    ts = token_strings(doc)
    text, pos, tag, lemma, starts = ts.text, ts.pos, ts.tag, ts.lemma, ts.sent_start
    n = len(text)
    for step in (-1, 1):
        j = i + step
        action = False  # a verbal noun passed on the way: an instrumental after it is its doer
        while 0 <= j < n and abs(j - i) <= 8 and text[j] not in _CLAUSE_END and not starts[j if step == 1 else j + 1]:
            if not action and pos[j] in ("NOUN", "PROPN") and "ablt" in tag[j] and (lemma[j] in agents or "anim" in tag[j]):
                k = j - 1  # the word the noun phrase hangs on, across its modifiers («за одним и тем же»)
                while k > j - 6 and k >= 0 and pos[k] in ("ADJ", "DET", "NUM", "PART", "CCONJ"):
                    k -= 1
                if k < 0 or not (pos[k] == "ADP" or (pos[k] == "NOUN" and _deverbal_lemma(lemma[k]))):
                    return True
            if step == 1 and pos[j] == "NOUN" and _deverbal_lemma(lemma[j]):
                action = True  # «предусмотрена доставка пенсии на дом работниками почты»
            j += step
    return False


# -- J342: reflexive passives ------------------------------------------------------------------
# a reflexive lemma ends in «-ся», or in «-сь» after a vowel («вестись», «нестись»)
_REFLEXIVE = ("ся", "сь")


def _reflexive_passive(tok: Token, verbs: frozenset[str], skip: frozenset[str]) -> bool:
    """A 3rd-person imperfective «-ся» form of a transitive verb of official business.

    Morphology says the form could be passive; the list of verbs (``params.verbs``) says it
    is the officialese one — «трубы лопаются» is not a passive, «заявление рассматривается» is.
    """
    lemma = tok.lemma_
    if not lemma.endswith(_REFLEXIVE) or lemma in skip or (verbs and lemma[:-2] not in verbs):
        return False
    gs = grammemes(tok)
    if not ({"VERB", "INFN"} & gs) or "impf" not in gs:
        return False
    if "VERB" in gs and not ("3per" in gs or "past" in gs):
        return False
    from anyq.suggest.ru import parses

    base = lemma[:-2]
    return any(p.tag.POS == "INFN" and "tran" in p.tag and p.normal_form == base for p in parses(base))


@paragraph_rule("J342")
def reflexive_passive(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    skip = rule.word_set("exclude")
    verbs = rule.word_set("verbs")
    doc = ctx.doc
    lemmas = token_strings(doc).lemma
    joined = "\n".join(lemmas) + "\n"
    if "ся\n" not in joined and "сь\n" not in joined:
        return  # no lemma ends in «-ся» or «-сь» (one string test each)
    # the cheap test of _reflexive_passive first, on the plain strings at C speed
    for i in compress(range(len(lemmas)), map(str.endswith, lemmas, repeat(_REFLEXIVE))):
        tok = doc[i]
        if not _reflexive_passive(tok, verbs, skip):
            continue
        gs = grammemes(tok)
        a = tok.i
        if "INFN" in gs:
            a = _left_aux(doc, tok.i)
            if a == tok.i:
                continue  # a bare infinitive («начать рассматриваться») is not a passive report
        if _named_agent(doc, tok.i, _agents()):
            continue  # «ведётся местным исполнительным органом»: the doer is named, as for J341
        s, e = ctx.token_span(a, tok.i + 1)
        yield Hit(s, e)


# -- J351: verbal nouns in officialese positions ----------------------------------------------
def _is_vn(tok: Token) -> bool:
    e = verbal_nouns().get(tok.lemma_)
    return e is not None and not e.thing and tok.pos_ == "NOUN"


@paragraph_rule("J351")
def verbal_noun(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    after = rule.word_set("after")
    documents = rule.word_set("documents")
    passives = rule.word_set("passive_verbs")
    doc = ctx.doc
    ts = token_strings(doc)
    vns = verbal_nouns()
    if vns.keys().isdisjoint(ts.lemma):
        return  # most paragraphs have no verbal noun (a set test per token, in C)
    # _is_vn on the plain strings; the verbal nouns picked at C speed: this sees every token
    for i in compress(range(len(ts.lemma)), map(vns.__contains__, ts.lemma)):
        e = vns[ts.lemma[i]]
        if e.thing or ts.pos[i] != "NOUN":
            continue
        tok = doc[i]
        prev = doc[tok.i - 1] if tok.i > 0 else None
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        morph = str(tok.morph)
        # «Распределение жилищ осуществляется…»: a nominalisation with its object heads the sentence
        heads_sentence = (
            (tok.is_sent_start or (prev is not None and (prev.is_space or prev.text in ("«", "—", ":"))))
            and ("Case=Nom" in morph or "Case=Acc" in morph)
            and tok.lemma_.endswith(("ние", "тие", "ция"))
            and nxt is not None and "Case=Gen" in str(nxt.morph)
        )
        after_word = prev is not None and prev.lower_ in after
        if after_word and prev.lower_ in ("о", "об") and tok.i > 1 and doc[tok.i - 2].lemma_ in documents:
            after_word = False  # «заявление о регистрации» names the paper, not an action
        # «размещение пандуса производится …»: the nominalisation is the subject of a passive
        subject_of_passive = (
            "Case=Nom" in morph
            and nxt is not None and "Case=Gen" in str(nxt.morph)
            and any(_passive_predicate(doc[k], passives) for k in range(tok.i + 2, min(len(doc), tok.i + 6)))
        )
        chained = nxt is not None and _is_vn(nxt) and "Case=Gen" in str(nxt.morph)
        if not (heads_sentence or after_word or chained or subject_of_passive):
            continue
        end = tok.i + 2 if chained else tok.i + 1
        s, e = ctx.token_span(tok.i, end)
        yield Hit(s, e)


# -- J136: «подлежит» + a verbal noun in the dative ------------------------------------------
def _action_noun(lemma: str) -> bool:
    """A noun naming an action: one of the verbal-noun lexicon («возврат», «снос») or one
    made from a verb by its suffix («разглашение», «фиксация»), which the lexicon need not list."""
    return lemma in verbal_nouns() or lemma.endswith(("ние", "тие", "ция"))


@paragraph_rule("J136")
def podlezhit(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    """«подлежит рассмотрению», «не подлежат разглашению», «подлежащие сносу»: any verbal
    noun in the dative after «подлежать», with adjectives between («государственной»)."""
    doc = ctx.doc
    lemmas = token_strings(doc).lemma
    if "подлежать" not in lemmas:
        return
    for i in compress(range(len(lemmas)), map("подлежать".__eq__, lemmas)):
        j = i + 1
        while j < len(doc) and j < i + 3 and doc[j].pos_ == "ADJ":
            j += 1
        if j >= len(doc):
            continue
        noun = doc[j]
        # any dative reading: the tagger reads «фиксации» as a genitive
        if noun.pos_ == "NOUN" and _action_noun(noun.lemma_) and any("datv" in p.tag and p.tag.POS == "NOUN" for p in parses(noun.text)):
            s, e = ctx.token_span(i, j + 1)
            yield Hit(s, e)


def _passive_predicate(tok: Token, verbs: frozenset[str]) -> bool:
    """«производится», «будет осуществлена», «предусмотрено»: a passive of an official verb."""
    gs = grammemes(tok)
    lemma = tok.lemma_
    if "PRTS" in gs and "pssv" in gs:
        return lemma in verbs
    return lemma.endswith(_REFLEXIVE) and lemma[:-2] in verbs and ("3per" in gs or "past" in gs)


@lru_cache(maxsize=64)
def _lemmas(words: frozenset[str]) -> frozenset[str]:
    """The words and their dictionary forms («замеры» → «замер»)."""
    from anyq.suggest.ru import parses

    return words | frozenset(parses(w)[0].normal_form for w in words if parses(w))


# -- J352: light verb + verbal noun --------------------------------------------------------------
def _verb_for(entry_verb: str, light: Token) -> str:
    perf, _, impf = entry_verb.partition("/")
    if impf and "impf" in grammemes(light):
        return impf
    return perf


@paragraph_rule("J352")
def light_verb(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    """A light verb with a verbal noun. Nouns with a split-predicate rule of their own
    (``params.exclude``) are that rule's when they stand next to the verb; with adjectives
    in between («провести внеплановую проверку») the phrase rules cannot see them, so this
    rule reports them, without a replacement (the adjective would be lost)."""
    lights = rule.word_set("verbs")
    own = _lemmas(rule.word_set("exclude"))
    doc = ctx.doc
    lex = verbal_nouns()
    lemmas = token_strings(doc).lemma
    light_lemmas = rule.derived("light_lemmas", lambda: _light_lemmas(lights))
    if light_lemmas.isdisjoint(lemmas):
        return  # no light verb (a set test per token, in C)
    # a lemma whose base (without «-ся») is a light verb, picked at C speed
    for i in compress(range(len(lemmas)), map(light_lemmas.__contains__, lemmas)):
        tok = doc[i]
        j = tok.i + 1
        while j < len(doc) and doc[j].pos_ == "ADJ":
            j += 1
        if j >= len(doc):
            continue
        noun = doc[j]
        if noun.pos_ != "NOUN":
            continue
        entry = lex.get(noun.lemma_)
        adjacent = j == tok.i + 1
        if not adjacent and ctx.paragraph.role == "list" and not any(t.is_alpha for t in doc[: tok.i]):
            # an item that opens with the verb names a measure by its term: «1) проведена
            # внеплановая проверка;», «- провести капитальный ремонт кровли» — no one verb keeps
            # the adjective, and the rule offers no rewrite. Not a clause told in the item
            # («— 21 июля мы проведём повторную проверку»), nor «осуществить газификацию улицы»
            continue
        if noun.lemma_ in own:
            if adjacent:
                continue  # its own rule reports it
        elif entry is None or not entry.verb:
            continue
        s, e = ctx.token_span(tok.i, j + 1)
        suggestions: list[str] = []
        end_tok = j + 1
        if adjacent and entry is not None and not entry.verb.startswith("не ") and not ({"pssv", "PRTS"} & grammemes(tok)):
            verb = inflect_verb(_verb_for(entry.verb, tok), tok)
            if verb is not None:
                text = verb = match_case(tok.text, verb)  # the object keeps its own capitals
                if entry.case:
                    found = noun_phrase(doc, j + 1, "gen")
                    if found is not None:
                        obj = reinflect_np(found[1], entry.case)
                        if obj is not None:
                            text, end_tok = f"{verb} {obj}", found[0]
                suggestions.append(text)
        if suggestions and end_tok > j + 1:
            s, e = ctx.token_span(tok.i, end_tok)
        yield Hit(s, e, suggestions=suggestions)


def _light_lemmas(lights: frozenset[str]) -> frozenset[str]:
    """The lemmas whose base (the lemma without a final «-ся») is one of ``lights``."""
    return frozenset(v for v in lights if not v.endswith("ся")) | frozenset(v + "ся" for v in lights)


# -- J353: genitive chains -----------------------------------------------------------------------
@paragraph_rule("J353")
def genitive_chain(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    """Three or more genitive nouns in a row, one of them a verbal noun.

    Names of places end a chain without counting («… города Семей»); the name of a body or a
    position («отдела жилищных отношений», «Управление здравоохранения города»: the test and
    its words are shared with C103, ``ru_chain_nouns``), a chain that starts with a unit of
    time («со дня получения ответа»), and a chain inside quotation marks, are not reported.
    """
    limit = int(rule.params.get("min_nouns", 3))
    places = RU_NAME_PLACES
    not_first = rule.word_set("not_first")
    doc = ctx.doc
    ts = token_strings(doc)
    if "\n".join(ts.tag).count("gen") < limit:
        return  # a chain's nouns are tagged genitive: too few here (one string count)
    # (token index, is a genitive noun); the runs are made of tokens tagged genitive, so the
    # loop visits those only, and reads the plain strings, not spaCy Tokens
    run: list[tuple[int, bool]] = []

    def flush() -> Iterator[Hit]:
        nouns = [i for i, noun in run if noun]
        if len(nouns) < limit or ts.lemma[nouns[0]] in not_first:
            return
        head = run[0][0] - 1
        while head >= 0 and space[head]:
            head -= 1
        nouns = nouns[: ru_chain_nouns(ts.lemma[head] if head >= 0 else "", [ts.lemma[i] for i in nouns])]
        if len(nouns) < limit or not any(_deverbal_lemma(ts.lemma[i]) for i in nouns):
            return
        quoted = quotations.quoted_tokens(doc)
        if not quoted.isdisjoint(nouns):
            return
        s, e = ctx.token_span(run[0][0], nouns[-1] + 1)
        yield Hit(s, e, values={"value": len(nouns), "threshold": limit})

    space = ts.space
    prev = -1
    for i in [i for i, tag in enumerate(ts.tag) if "gen" in tag]:
        if run and i != prev + 1 and not all(space[prev + 1 : i]):
            # a word not tagged genitive ends the run (whitespace does not)
            if len(run) >= limit:
                yield from flush()
            run = []
        prev = i
        pos = ts.pos[i]
        if pos == "PROPN" or ts.lemma[i] in places:
            if len(run) >= limit:
                yield from flush()
            run = []
            continue
        if pos == "NOUN" and not _adjectival(ts.lower[i]):
            run.append((i, True))
        elif pos in ("ADJ", "DET", "NOUN") or ts.tag[i].startswith("PRTF"):
            run.append((i, False))  # a modifier (an adjectival «noun» comes here too)
        else:
            if len(run) >= limit:
                yield from flush()
            run = []
    if len(run) >= limit:
        yield from flush()


@lru_cache(maxsize=20_000)
def _adjectival(word: str) -> bool:
    """«горячего» is read as the noun «горячее» out of context; in a chain it is an adjective."""
    from anyq.suggest.ru import parses

    return any(p.tag.POS == "ADJF" for p in parses(word))


def _deverbal_lemma(lemma: str) -> bool:
    return lemma in verbal_nouns() or lemma.endswith(("ние", "тие", "ция", "ство"))


# -- J104: «данный» in the sense "this" -------------------------------------------------------
_DANNYJ = ("данный", "данного", "данному", "данным", "данном", "данная", "данной", "данную", "данною", "данное", "данные", "данных", "данными")


_DANNYJ_SET = frozenset(_DANNYJ)


@paragraph_rule("J104")
def dannyj(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    """«данного решения»: an adjectival «данный» agreeing with the noun after it.

    pymorphy3 reads «данным», «данные» as the noun «данные» (data) out of context, so the
    lemma cannot decide; agreement with the next noun can: «данные заявителя» (data of the
    applicant) does not agree, «данные мероприятия» does. «Данные проверки» agrees too, but
    a check or an investigation (``params.sources``) yields data: there «данные» is the noun.
    """
    from anyq.suggest.ru import _agreement, _head_noun, inflect_modifier, parses

    sources = rule.word_set("sources")

    doc = ctx.doc
    lowers = token_strings(doc).lower
    if _DANNYJ_SET.isdisjoint(lowers):
        return  # no form of «данный» (a set test per token, in C)
    # the forms of «данный», picked at C speed
    for i in compress(range(len(lowers)), map(_DANNYJ_SET.__contains__, lowers)):
        tok = doc[i]
        low = tok.lower_
        if low == "данным" and tok.i > 0 and doc[tok.i - 1].lower_ == "по":
            continue  # «по данным архива»: according to the data
        noun = _head_noun(doc, tok.i, limit=2)
        if noun is None or _agreement(tok.text, noun, None) is None:
            continue
        if low == "данные" and any(
            p.normal_form in sources and {"NOUN", "gent", "sing"} <= p.tag.grammemes for p in parses(noun.text)
        ):
            continue  # «Данные расследования не подлежат разглашению»: the data of an investigation
        replacement = rule.params.get("replacement", "этот")
        fitted = inflect_modifier(replacement, tok)
        s, e = ctx.token_span(tok.i, tok.i + 1)
        suggestion = [match_case(tok.text, fitted)] if fitted else []
        yield Hit(s, e, suggestions=suggestion)
