"""Russian replacements that fit the sentence, through pymorphy3.

A replacement written in its dictionary form («контролировать», «этот») takes the form of
the matched word it stands for: «осуществлял контроль» → «контролировал», «данного» →
«этого», «окажите помощь» → «помогите». A replacement written in an inflected form
(«не можем») or a word that does not inflect («сейчас», «чтобы») is used as written.

Where the replacement governs another case than the phrase did, the noun phrase after the
match is re-inflected and becomes part of the replaced text: «провести проверку документов»
→ «проверить документы», «посредством портала» → «через портал».

Nothing here runs per token: only for findings, and each word's parses are cached.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from spacy.tokens import Doc, Token

from anyq.engine.phrases import verb_gap
from anyq.nlp.morph_ru import morphology
from anyq.nlp.strings import token_strings
from anyq.resources import rules_toml
from anyq.text import quotations
from anyq.suggest.base import Fit
from anyq.suggest.base import match_case as _match_case

CASE_GRAMMEME = {"nom": "nomn", "gen": "gent", "dat": "datv", "acc": "accs", "ins": "ablt", "loc": "loct"}
_CASES = frozenset({"nomn", "gent", "gen2", "datv", "accs", "acc2", "ablt", "loct", "loc2", "voct"})
_CASE_NORMAL = {"gen2": "gent", "acc2": "accs", "loc2": "loct", "voct": "nomn"}
_NOMINAL = frozenset({"NOUN", "ADJF", "PRTF", "NPRO", "NUMR"})
_MODIFIER = frozenset({"ADJF", "PRTF"})
_VERBAL = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


def _analyzer():
    return morphology().analyzer


@lru_cache(maxsize=20_000)
def parses(word: str) -> tuple:
    return tuple(_analyzer().parse(word.lower()))


def grammemes(token: Token) -> frozenset[str]:
    """The OpenCorpora grammemes of a token's chosen parse (``token.tag_``, also ``token._.oc``)."""
    return _grammemes(token.tag_ or "")


@lru_cache(maxsize=4096)
def _grammemes(tag: str) -> frozenset[str]:
    return frozenset(g for g in tag.replace(" ", ",").split(",") if g)


def _a(value) -> str | None:
    """A pymorphy3 tag attribute as a plain string (its own objects refuse to compare with others)."""
    return str(value) if value else None


def _case_of(gs: frozenset[str]) -> str | None:
    for g in gs:
        if g in _CASES:
            return _CASE_NORMAL.get(g, g)
    return None


# Predicative words a replacement uses as they are («есть» is "there is", not "to eat").
_AS_WRITTEN = frozenset(rules_toml("ru_grammar.toml")["as_written"])


@cache
def _dictionary_parse(word: str):
    """The parse under which ``word`` may be inflected, or None (then it stays as written).

    pymorphy3's most likely reading decides: an infinitive, adjective, participle or pronoun
    in its dictionary form («помочь», «этот»), or a noun in the nominative («год», or in the
    plural, «документы», which keeps its number). «есть» reads as "is", not "to eat", and
    stays as written, like the other predicative words in ``_AS_WRITTEN``.
    """
    ps = parses(word)
    if not ps or word.lower() in _AS_WRITTEN:
        return None
    infinitive = next((p for p in ps if p.tag.POS == "INFN" and p.normal_form == word.lower()), None)
    if infinitive is not None:
        return infinitive  # «мочь» the verb, not the noun
    top = ps[0]
    pos = top.tag.POS
    if pos in ("INFN", "ADJF", "PRTF", "NPRO") and top.normal_form == word.lower():
        return top
    if pos == "PRTF" and {"nomn", "masc", "sing"} <= top.tag.grammemes:
        return top  # a participle's dictionary form («живущий»; pymorphy3 lemmatises it to the verb)
    if pos == "NOUN":
        return next((p for p in ps if p.tag.POS == "NOUN" and "nomn" in p.tag and (p.normal_form == word.lower() or "plur" in p.tag)), None)
    return None




# -- verbs --------------------------------------------------------------------------------
def _verb_lexeme(lemma_word: str, reflexive: bool, aspect: str | None = None):
    """The infinitive parse of a replacement verb (of ``aspect`` where it has both, «сносить»),
    made reflexive when the anchor was («осуществляется» → «контролируется»)."""
    word = lemma_word
    if reflexive and not word.endswith(("ся", "сь")):
        word += "ся"  # infinitives end in -ть, -ти, -чь: the reflexive is always «-ся»
    infinitives = [p for p in parses(word) if p.tag.POS == "INFN" and p.normal_form == word]
    if not infinitives:
        return None
    return next((p for p in infinitives if aspect and aspect in p.tag), infinitives[0])


def _anchor_reading(anchor: Token, aspect: str) -> frozenset[str]:
    """The anchor's grammemes, taken from its reading of ``aspect`` where pymorphy3 has one:
    «доводим» is both the present of «доводить» and a rare perfective future."""
    gs = grammemes(anchor)
    if aspect in gs:
        return gs
    for p in parses(anchor.text):
        if p.tag.POS in ("VERB", "INFN", "PRTF", "GRND") and aspect in p.tag and p.normal_form == anchor.lemma_:
            return frozenset(str(p.tag).replace(" ", ",").split(","))
    return gs


# Verbs whose «-ся» is not a passive: their replacement stays non-reflexive
# («обратиться с заявлением» → «подать заявление»).
_INHERENTLY_REFLEXIVE = frozenset(rules_toml("ru_grammar.toml")["inherently_reflexive"])


def inflect_verb(lemma_word: str, anchor: Token, phrase: str = "") -> str | None:
    """``lemma_word`` (an infinitive) in the form of the verb token ``anchor``; None if none fits.

    A reflexive passive («осуществляется контроль») makes the replacement reflexive
    («контролируется»); a verb whose «-ся» is not a passive (``_INHERENTLY_REFLEXIVE``:
    «обратиться с заявлением» → «подать заявление») does not.
    """
    gs = grammemes(anchor)
    pos = next((g for g in gs if g in _VERBAL), None)
    if pos is None:
        return None
    reflexive = anchor.lemma_.endswith(("ся", "сь")) and anchor.lemma_ not in _INHERENTLY_REFLEXIVE
    want = "perf" if "perf" in gs else "impf" if "impf" in gs else None
    lex = _verb_lexeme(lemma_word, reflexive, want)
    if lex is None:
        return None
    aspect = "perf" if "perf" in lex.tag else "impf"
    gs = _anchor_reading(anchor, aspect)
    if pos == "INFN":
        return lex.word
    if pos == "PRTS":
        return None  # a short passive participle hides the doer: no safe active replacement
    keep: set[str]
    if pos == "VERB":
        if {"2per", "plur", "pres"} <= gs and _addressed_as_imperative(anchor):
            # «Проводите проверку сами»: the «вы» present is written as the imperative
            gs = frozenset({"impr", "plur", "excl"})
        if "impr" in gs:
            keep = {"impr"} | (gs & {"sing", "plur", "excl", "incl"})
        elif "past" in gs:
            keep = {"past"} | (gs & {"sing", "plur"}) | (gs & {"masc", "femn", "neut"} if "sing" in gs else set())
        else:
            tense = "futr" if "futr" in gs else "pres"
            person_number = gs & {"1per", "2per", "3per", "sing", "plur"}
            if tense == "futr" and aspect == "impf":
                # «примет участие» → «будет участвовать»: an imperfective verb's future is analytic
                be = _inflect(parses("быть")[0], {"futr"} | person_number)
                return f"{be} {lex.word}" if be else None
            if tense == "pres" and aspect == "perf":
                return None  # a perfective verb has no present tense
            keep = {tense} | person_number
    elif pos == "PRTF":
        if "pssv" in gs or lex.normal_form == "быть":
            return None  # «бывшие нарушения» are "former" ones, not «имевшие место»
        keep = {"PRTF", "actv"} | (gs & {"pres", "past"}) | (gs & _CASES) | (gs & {"sing", "plur"})
        keep |= gs & {"masc", "femn", "neut", "anim", "inan"}
        if aspect == "perf":
            keep = (keep - {"pres"}) | {"past"}
    elif pos == "GRND":
        keep = {"GRND"} | ({"past"} if aspect == "perf" else {"pres"})
    else:
        return None
    return _inflect(lex, keep)


def _addressed_as_imperative(anchor: Token) -> bool:
    """A «вы» present that is also the imperative («проводите», «производите») with no «вы»
    before it in its clause and no «ли» after it: a letter tells the reader what to do."""
    if not any("impr" in p.tag and p.normal_form == anchor.lemma_ for p in parses(anchor.text)):
        return False
    doc = anchor.doc
    if anchor.i + 1 < len(doc) and doc[anchor.i + 1].lower_ == "ли":
        return False  # «Проводите ли вы проверку?»
    i = anchor.i - 1
    while i >= 0 and doc[i].text not in _CLAUSE_END and doc[i].text != ",":
        if doc[i].lower_ == "вы":
            return False
        i -= 1
    return True


def _tense(gs: frozenset[str]) -> str | None:
    """The tense of a finite verb's grammemes, None for any other form."""
    if "VERB" not in gs:
        return None
    return next((t for t in ("past", "futr", "pres") if t in gs), None)


def _inflect(p, keep: set[str]) -> str | None:
    """``p`` in the form with grammemes ``keep``; cached: pymorphy3's inflect takes ~1 ms."""
    return _inflect_cached(p.word, str(p.tag), p.normal_form, frozenset(keep))


@lru_cache(maxsize=20_000)
def _inflect_cached(word: str, tag: str, normal_form: str, keep: frozenset[str]) -> str | None:
    p = next((q for q in parses(word) if str(q.tag) == tag and q.normal_form == normal_form), None)
    if p is None:
        return None
    q = p.inflect(set(keep))
    if q is None and keep & {"gen2", "loc2", "acc2"}:
        # «в году» keeps the second locative where the new word has one, else the plain case
        keep = frozenset(_CASE_NORMAL.get(g, g) for g in keep)
        q = p.inflect(set(keep))
    if q is None or not all(g in q.tag for g in keep if g not in ("anim", "inan")):
        return None
    return q.word


# -- nominals -----------------------------------------------------------------------------
def _head_noun(doc: Doc, i: int, limit: int = 4) -> Token | None:
    """The noun that the modifier at ``i`` belongs to: the next noun, across other modifiers."""
    for j in range(i + 1, min(len(doc), i + 1 + limit)):
        t = doc[j]
        if t.pos_ in ("NOUN", "PROPN"):
            return t
        if t.pos_ not in ("ADJ", "ADV", "DET", "NUM") and not (t.pos_ == "VERB" and "VerbForm=Part" in str(t.morph)):
            return None
    return None


def _agreement(modifier: str, noun: Token | None, want_case: str | None) -> set[str] | None:
    """Case, number, gender (and animacy) on which ``modifier`` agrees with ``noun``."""
    mods = [p for p in parses(modifier) if p.tag.POS in _MODIFIER or "Apro" in p.tag]
    # an abbreviation tells no gender («ОСИ» is not «ось»): the modifier as written does
    nouns = [p for p in parses(noun.text)] if noun is not None and not _acronym(noun) else []
    nouns = [p for p in nouns if p.tag.POS == "NOUN"]
    for m in mods:
        mc = _CASE_NORMAL.get(_a(m.tag.case), _a(m.tag.case))
        if want_case and mc != want_case:
            continue
        if not nouns:
            gs = {mc, _a(m.tag.number)} | ({_a(m.tag.gender)} if _a(m.tag.number) == "sing" and _a(m.tag.gender) else set())
            return {g for g in gs if g} | ({_a(m.tag.animacy)} if _a(m.tag.animacy) else set())
        for n in nouns:
            nc = _CASE_NORMAL.get(_a(n.tag.case), _a(n.tag.case))
            if nc != mc or _a(n.tag.number) != _a(m.tag.number):
                continue
            if _a(m.tag.number) == "sing" and _a(m.tag.gender) and _a(n.tag.gender) and _a(m.tag.gender) != _a(n.tag.gender) and _a(n.tag.gender) != "ms-f":
                continue
            gs = {mc, _a(m.tag.number)}
            if _a(m.tag.number) == "sing":
                gs.add(_a(n.tag.gender) if _a(n.tag.gender) in ("masc", "femn", "neut") else _a(m.tag.gender))
            if mc == "accs" and (_a(m.tag.number) == "plur" or "masc" in gs):
                # animacy tells the accusative only of the plural and the masculine: a feminine
                # or neuter form has none to match («данную справку» → «эту»)
                gs.add(_a(n.tag.animacy) or "inan")
            return {g for g in gs if g}
    return None


def _acronym(tok: Token) -> bool:
    """An abbreviation in capitals («ОСИ», «ЦОН») among lower-case words. It does not inflect,
    and pymorphy3's reading of it as a word («ОСИ» as the plural of «ось») says nothing of its
    gender. In ALL-CAPS text every word looks like one: there the neighbours decide."""
    text = tok.text
    if len(text) < 2 or not text.isalpha() or not text.isupper():
        return False
    doc = tok.doc
    return any(t.is_alpha and not t.text.isupper() for t in doc[max(0, tok.i - 3) : tok.i + 4])


def inflect_modifier(lemma_word: str, anchor: Token) -> str | None:
    """``этот`` in the form of ``данного`` as it agrees with the noun after it."""
    doc = anchor.doc
    gs = _agreement(anchor.text, _head_noun(doc, anchor.i), None)
    if gs is None:
        return None
    lex = _dictionary_parse(lemma_word)
    if lex is None:
        return None
    return _inflect(lex, gs)


def inflect_noun(lemma_word: str, anchor: Token) -> str | None:
    gs = grammemes(anchor)
    case, number = next((g for g in gs if g in _CASES), None), next((g for g in gs if g in ("sing", "plur")), None)
    lex = _dictionary_parse(lemma_word)
    if lex is None or case is None:
        return None
    if lex.normal_form != lemma_word.lower():
        number = "plur"  # written in the plural («документы» for «пакет документов»): it stays plural
    return _inflect(lex, {case} | ({number} if number else set()))


# -- a whole replacement ------------------------------------------------------------------
def _kind(p) -> str:
    pos = p.tag.POS
    if pos in ("INFN", "VERB"):
        return "verb"
    if pos in _MODIFIER or (pos == "NPRO" and "Apro" in p.tag):
        return "modifier"
    if pos == "NOUN":
        return "noun"
    return "fixed"


def _anchor(tokens: list[Token], kind: str) -> Token | None:
    for t in tokens:
        gs = grammemes(t)
        if kind == "verb" and gs & _VERBAL:
            return t
        if kind == "modifier" and gs & {"ADJF", "PRTF"}:
            return t
        if kind == "noun" and "NOUN" in gs:
            return t
    return None


def _modifies(tok: Token) -> bool:
    gs = grammemes(tok)
    return bool(gs & {"ADJF", "PRTF"}) or tok.pos_ == "DET"


def _pick_aspect(word: str, anchor: Token | None) -> str:
    """«проверить/проверять»: the verb of the anchor's aspect (the first if the anchor has none)."""
    if "/" not in word:
        return word
    options = word.split("/")
    if anchor is not None:
        aspect = "perf" if "perf" in grammemes(anchor) else "impf" if "impf" in grammemes(anchor) else None
        for o in options:
            if any(q.tag.POS == "INFN" and aspect in q.tag for q in parses(o)):
                return o
    return options[0]


def inflect_phrase(replacement: str, tokens: list[Token], phrase: str = "") -> str | None:
    """``replacement`` fitted to the matched ``tokens``; None when it cannot be fitted.

    1. A match that starts with a preposition («в настоящее время», «в ходе») is replaced
       as written: a prepositional phrase or an adverb for a prepositional phrase.
    2. A replacement that starts with a verb in the infinitive (after «не») gives that verb
       the form of the matched verb; the rest stays as written («подать заявление»). The
       verb must start the match, and nothing the replacement would drop may stand in
       between: «провести внеплановую проверку» keeps its advice.
    3. Otherwise each word in its dictionary form — an adjective, pronoun or noun — takes
       the case and number of the matched word of its kind («текущем году» → «этом году»).
    4. Every other word stays as written («можно обжаловать», «мы решили»).
    """
    words = replacement.split(" ")
    if not words or not tokens or tokens[0].pos_ == "ADP":
        return replacement
    head = 1 if words[0].lower() == "не" and len(words) > 1 else 0
    verb_anchor = _anchor(tokens, "verb")
    first = _pick_aspect(words[head], verb_anchor)
    p = _dictionary_parse(first) if first[:1].isalpha() else None
    if p is not None and p.tag.POS == "INFN":
        if verb_anchor is None:
            return " ".join(words[:head] + [first] + words[head + 1 :])
        lead = [t for t in tokens if t.lower_ != "не"]
        if lead and lead[0] is not verb_anchor:
            return None  # «проверка будет проведена»: the noun comes first, the sentence needs rebuilding
        own = set(phrase.lower().split())
        if any(t.pos_ in ("ADJ", "ADV") and "Apro" not in (t._.oc or "") and t is not verb_anchor and t.lower_ not in own and t.lemma_ not in own for t in tokens):
            return None  # an adjective in between («провести внеплановую проверку») would be lost
        f = inflect_verb(first, verb_anchor, phrase)
        if f is None:
            return None
        return " ".join(words[:head] + [f] + words[head + 1 :])
    # a form that also reads as an imperative («извините нас») is an address, used as written
    ps = parses(first) if first[:1].isalpha() else ()
    finite = ps[0] if ps and ps[0].tag.POS == "VERB" and "indc" in ps[0].tag and not any("impr" in q.tag for q in ps) else None
    if finite is not None and verb_anchor is not None:
        # a finite verb written inflected («не можем», «не смогли») takes the matched verb's
        # tense and keeps its own person: «не представится» (future) is «не сможем», not «не смогли»
        tense = _tense(grammemes(verb_anchor))
        if tense is None:
            return None  # a participle or infinitive is not replaced by a finite verb
        if tense not in finite.tag:
            keep = {tense} | ({_a(finite.tag.number)} if tense == "past" else {_a(finite.tag.person), _a(finite.tag.number)})
            f = _inflect(finite, {g for g in keep if g})
            if f is None:
                return None  # an imperfective verb has no simple future, a perfective no present
            words = words[:head] + [f] + words[head + 1 :]
            replacement = " ".join(words)
    if replacement.lower() == "это":
        # «это» stands for a whole noun phrase only in the nominative and accusative; elsewhere
        # «по это» is not Russian: keep the noun and say «этот» («по данному факту» → «по этому факту»)
        noun, mod = _anchor(tokens, "noun"), _anchor(tokens, "modifier")
        if noun is not None and mod is not None and _case_of(grammemes(noun)) not in (None, "nomn", "accs"):
            f = inflect_modifier("этот", mod)
            return f"{f} {noun.text}" if f else None
    out: list[str] = []
    for w in words:
        p = _dictionary_parse(w) if w[:1].isalpha() else None
        kind = _kind(p) if p is not None else "fixed"
        anchor = _anchor(tokens, kind) if kind in ("modifier", "noun") else None
        if anchor is None:
            out.append(w)
            continue
        if kind == "noun" and anchor.i > 0 and anchor is tokens[0] and _modifies(anchor.doc[anchor.i - 1]):
            return None  # «представленного пакета документов»: the adjective before would no longer agree
        f = inflect_modifier(w, anchor) if kind == "modifier" else inflect_noun(w, anchor)
        if f is None:
            return None
        out.append(f)
    return " ".join(out)


# -- the noun phrase after a match --------------------------------------------------------
_STOP_NP = frozenset(rules_toml("ru_grammar.toml")["noun_phrase_stops"])


def noun_phrase(doc: Doc, start: int, case: str | None) -> tuple[int, list[tuple[Token, object]]] | None:
    """Modifiers and their head noun from ``start``, all in ``case`` (any case if None).

    Returns the end token index and, per token, the parse chosen for it.
    """
    chosen: list[tuple[Token, object]] = []
    i = start
    want = CASE_GRAMMEME.get(case) if case else None
    while i < len(doc) and i < start + 5:
        t = doc[i]
        if not t.is_alpha or t.lower_ in _STOP_NP or t.lemma_ in _STOP_NP:
            return None
        noun, mod = _np_parses(t.text, want)
        if noun is not None and t.pos_ in ("NOUN", "PROPN"):
            chosen.append((t, noun))
            return i + 1, chosen
        if mod is None:
            return None
        chosen.append((t, mod))
        i += 1
    return None


@lru_cache(maxsize=20_000)
def _np_parses(word: str, want: str | None) -> tuple:
    """The parses of ``word`` (in case ``want``, any if None) that ``noun_phrase`` takes: the
    first noun and the first modifier, inanimate readings first. A function of the word alone,
    so kept per word like ``parses``: the tag properties it reads are slow in pymorphy3."""
    ps = [p for p in parses(word) if (want is None or _CASE_NORMAL.get(_a(p.tag.case), _a(p.tag.case)) == want)]
    ps.sort(key=lambda p: "anim" in p.tag)  # «счётчик» the device, not the person who counts
    noun = next((p for p in ps if p.tag.POS == "NOUN"), None)
    mod = next((p for p in ps if p.tag.POS in _MODIFIER or "Apro" in p.tag), None)
    return noun, mod


def reinflect_np(chosen: list[tuple[Token, object]], case: str) -> str | None:
    """The noun phrase in ``case``, each modifier agreeing with the head noun."""
    want = CASE_GRAMMEME[case]
    head_tok, head = chosen[-1]
    # an indeclinable head («кафе», «ТОО») or an abbreviation («ОСИ», not «ось») stays as
    # written, and its modifiers keep the number and gender they have: «управляющего ОСИ» →
    # «управляющему ОСИ»
    fixed = "Fixd" in head.tag or _acronym(head_tok)
    new_head = head_tok.text if fixed else _inflect(head, {want, _a(head.tag.number)})
    if new_head is None:
        return None
    words = []
    for tok, p in chosen[:-1]:
        src = p if fixed else head
        number = _a(src.tag.number)
        mg = {want, number}
        if number == "sing" and _a(src.tag.gender) in ("masc", "femn", "neut"):
            mg.add(_a(src.tag.gender))
        if want == "accs" and (number == "plur" or _a(src.tag.gender) == "masc"):
            mg.add(_a(src.tag.animacy) or "inan")
        f = _inflect(p, {g for g in mg if g})
        if f is None:
            return None
        words.append(_match_case(tok.text, f) + tok.whitespace_)
    words.append(new_head if fixed else _match_case(head_tok.text, new_head))
    return "".join(words)


def text_between(doc: Doc, a: int, b: int) -> str:
    """The text of tokens ``[a, b)`` without the trailing space."""
    return doc[a:b].text if b > a else ""


_VOWEL_START = tuple("аоуэиыАОУЭИЫ")


def _preposition_o(text: str) -> str:
    """«о» becomes «об» before a vowel («об изменении»), as the noun phrase after it decides."""
    words = text.split(" ")
    for i, w in enumerate(words[:-1]):
        if w.lower() == "о" and words[i + 1].startswith(_VOWEL_START):
            words[i] = w + "б"
    return " ".join(words)


def _needs_object(replacement: str) -> bool:
    """A replacement that is a preposition (or nothing) cannot stand without its noun phrase."""
    first = replacement.split(" ")[0] if replacement else ""
    if not first:
        return True
    return any(p.tag.POS == "PREP" for p in parses(first)) or first.lower() in ("вместе", "учитывая", "выполняя")


# -- the fit of one match -------------------------------------------------------------------
def fit(doc: Doc, start: int, end: int, replace: list[str], object_case: str | None, rewrite: str | None, phrase: str = "") -> Fit:
    tokens = list(doc[start:end])
    gap = _gap_in_match(doc, start, end, phrase)
    gap_text = ""
    if gap:
        # «оказал вам помощь»: the match skipped the words after its verb (``verb_gap``); the
        # replacement is fitted to the phrase's own words and the skipped ones follow its verb
        gap_text = text_between(doc, start + 1, start + 1 + gap)
        tokens = [tokens[0], *tokens[1 + gap :]]
        if rewrite or (object_case and any(_is_dative_pronoun(t) for t in doc[start + 1 : start + 1 + gap])):
            # the dative stays only with a verb that takes the noun's complements as they are
            # («помог вам»); one whose object changes case would not («провёл нам проверку» is
            # not «проверил нам»)
            return _unfitted(doc, start, end)
        replace = [rep for rep in replace if _starts_with_verb(rep)]
        if not replace:
            return _unfitted(doc, start, end)
    first = doc[start].text
    if rewrite in ("purpose", "gerund"):
        r = clause_rewrite(doc, end, rewrite)
        if r is not None:
            e2, text = r
            first = doc[start:e2].text  # the replaced text decides the capitals
            main = f"{_match_case(first, 'чтобы')} {text}" if rewrite == "purpose" else _match_case(first, text)
            # A «чтобы» clause and a gerund are set off by commas, which the replaced words do
            # not hold: offered where a comma stands before them (or they open the sentence) and
            # the words after are punctuation or clearly the main clause, which then takes the
            # comma with the suggestion («Чтобы сократить сроки, принят второй врач»); the
            # clause's own genitives («сроков ожидания посетителей») go inside, before the comma.
            # Elsewhere («Письмо направлено в целях…», «…сроков ожидания с 1 июня…») «для»
            # needs no comma
            k = e2
            for _ in range(3):
                more = noun_phrase(doc, k, "gen")
                if more is None:
                    break
                k = more[0]
            after = _after_clause(doc, k) if _opens_clause(doc, start) or doc[start - 1].text == "," else None
            if rewrite == "gerund" and not _doer_verb_near(doc, start, e2):
                after = None  # «предписание … путём демонтажа»: a gerund needs a verb whose subject acts
            if not after:
                k = e2
            out = [" ".join(filter(None, (main, text_between(doc, e2, k)))) + after] if after is not None else []
            rest = text_between(doc, end, k)
            for rep in replace:
                if rep.lower() != "чтобы" and rep:
                    out.append(_match_case(first, rep) + (f" {rest}" if rest else ""))
            # no suggestion still marks the whole phrase: its verbal noun is this finding's
            return Fit(k, tuple(dict.fromkeys(out)))
        if rewrite == "purpose":
            # no verbal noun to make a verb of: «чтобы» needs a verb after it, «для» a noun
            # («В целях безопасности» → «Для безопасности», «с целью выяснить» → «чтобы выяснить»)
            verb_follows = end < len(doc) and "INFN" in grammemes(doc[end])
            replace = [rep for rep in replace if (rep.lower() == "чтобы") == verb_follows] or replace
    if any(r.lower() in _CONTRASTIVE for r in replace) and _announcement_follows(doc, end):
        # «Вместе с тем сообщаем…» adds to what was said, it does not contrast with it:
        # «Но сообщаем» would; what is left («также»), if anything, is offered
        replace = [r for r in replace if r.lower() not in _CONTRASTIVE]
    if object_case == "gen>loc" and "о" in replace and start > 0 and doc[start - 1].lemma_ in _GOVERNS_K:
        # «претензий в отношении их работы» → «претензий к их работе», not «об их работе»
        replace, object_case = ["к" if r == "о" else r for r in replace], "gen>dat"
    elif phrase == "в отношении" and "о" in replace and (start == 0 or doc[start - 1].lemma_ not in _GOVERNS_O):
        # «о» only after what is said or decided (``_GOVERNS_O``): «в отношении нарушителя
        # составлен протокол» is «на нарушителя», not «о нарушителе»
        replace = [r for r in replace if r != "о"]
        if not replace:
            return Fit(end, ())
    if any(r.lower() in _BEFORE_GENITIVE for r in replace) and noun_phrase(doc, end, "gen") is not None:
        # «в порядке очередности поступления заявок»: «по очереди поступления» is not Russian,
        # the genitive needs the noun the replacement has dropped: «в порядке поступления»
        replace = [_match_case(doc[start].text, _BEFORE_GENITIVE[r.lower()]) if r.lower() in _BEFORE_GENITIVE else r for r in replace]
    replace = [r for r in replace if _fits_place(doc, start, end, r)]
    if not replace:
        return Fit(end, ())
    if any(r.lower() in _CLAUSE_REPLACEMENTS for r in replace):
        # «если нужно» is a clause of its own: commas set it off (``_fits_place`` saw one before)
        after = "" if end >= len(doc) or doc[end].text in _CLAUSE_EDGE else ","
        replace = [r + after if r.lower() in _CLAUSE_REPLACEMENTS else r for r in replace]
    if any(r.lower() in _CONDITIONAL_CLAUSES for r in replace):
        return _conditional_clause(doc, start, end, replace)
    if len(tokens) > 1 and _attributive(doc, tokens, end) and not all(_modifier_word(rep) for rep in replace):
        return Fit(end, ())  # «на основании изложенного решения»: «поэтому решения» is not Russian
    np_end, np_text = end, ""
    if object_case:
        # "gen>acc": a genitive noun phrase after the match becomes accusative; "gen|ins>acc"
        # takes either; with no source case, any noun phrase. A replacement that is itself a
        # preposition («о», «через») must take the noun phrase with it, a verb need not.
        src, _, dst = object_case.rpartition(">")
        if "dat" in src.split("|") and dst != "dat" and _dative_before(doc, start):
            # «Вам окажут консультацию»: the one who is helped stands before the match, and the
            # new verb would need it in its case: «Вам проконсультируют» is not Russian
            return Fit(end, ())
        found = None
        for case in (src.split("|") if src else [None]):
            found = noun_phrase(doc, end, case)
            if found is not None:
                break
        if found is not None and case == dst:
            # already in the case the replacement governs («согласно графику» → «по графику»):
            # the words after stay as they are, and outside the fix
            found, object_case = None, None
        elif found is None and dst in src.split("|") and not _genitive_follows(doc, end):
            object_case = None  # nothing to re-inflect («согласно ст. 5» → «по ст. 5»)
        elif found is not None:
            text = reinflect_np(found[1], dst)
            if text is None:
                return _unfitted(doc, start, end)
            np_end, np_text = found[0], text
            if np_end + 1 < len(doc) and doc[np_end].lower_ in ("и", "или"):
                # a coordinated object takes the new case too: «через ЦОН или портал», not
                # «через ЦОН или портала»; one that cannot be re-inflected leaves no suggestion.
                # Heads of another animacy likely conjoin higher up: «регистрации в качестве
                # предпринимателя и выбора режима» is not «как предприниматель и выбор режима»
                second = noun_phrase(doc, np_end + 1, case)
                if second is not None and _a(second[1][-1][1].tag.animacy) == _a(found[1][-1][1].tag.animacy):
                    text2 = reinflect_np(second[1], dst)
                    if text2 is None:
                        return _unfitted(doc, start, end)
                    np_text = f"{np_text} {doc[np_end].text} {text2}"
                    np_end = second[0]
            if case != dst and _stranded_agreement(doc, np_end, case, found[1][-1][1]):
                return Fit(end, ())  # the whole phrase is the finding, with no suggestion
            subject_number = _a(found[1][-1][1].tag.number) if dst == "nom" else None
        elif any(_needs_object(rep) or (dst == "nom" and _ends_with_verb(rep)) for rep in replace):
            return Fit(end, ())  # «там, где находится» needs the noun that is there
        elif "gen" in src.split("|") and _genitive_follows(doc, end):
            # «произвела возврат излишне уплаченных денег»: an object the noun phrase reader cannot
            # take (after an adverb, a numeral) would keep the genitive: «вернула излишне уплаченных»
            return _unfitted(doc, start, end)
        elif end + 1 < len(doc) and doc[end].pos_ == "ADP" and any(noun_phrase(doc, end + 1, c) for c in src.split("|") if c not in ("", "gen", "dat")):
            # «осуществляется контроль за работами»: the object after a preposition is the noun's;
            # the verb would strand the preposition (a genitive after one is mostly a place or time)
            return Fit(end, ())
    if tokens[0].lower_ == "что" and _correlative_to(doc, np_end):
        # «Что касается вашего вопроса, то ремонт…»: «О вашем вопросе, то ремонт…» is not Russian,
        # and the sentence needs rebuilding
        return Fit(end, ())
    suggestions: list[str] = []
    verb = _anchor(tokens, "verb")
    reflexive_light = (
        verb is not None and verb.lemma_.endswith(("ся", "сь")) and verb.lemma_ not in _INHERENTLY_REFLEXIVE
        and all(_starts_with_verb(rep) for rep in replace)
    )
    noun = _anchor(tokens, "noun")
    if reflexive_light and not np_text and noun is not None and noun.i > verb.i:
        # «Ежеквартально проводятся проверки» → «проверяются» would lose its subject: the noun
        # after the passive is the subject, and with no object after it to take its place the
        # one verb has none («Проверки проводятся» → «Проверяют» would change the voice)
        return _unfitted(doc, start, end)
    passive_subject = np_text and reflexive_light
    if passive_subject:
        # «проводится проверка документов» → «проверяются документы»: the object becomes the subject
        np_text, number = _subject_np(doc, end, np_end)
        if np_text is None:
            return Fit(end, ())
    for rep in replace:
        fitted = inflect_phrase(rep, tokens, phrase)
        if fitted is None or (not np_text and _predicate_disagrees(doc, tokens, fitted)):
            continue
        if _modal_without_infinitive(doc, start, end, fitted):
            continue
        if _starts_with_gerund(fitted) and not _doer_verb_near(doc, start, np_end):
            # «Решения принимаются с учётом…» → «принимаются учитывая…»: a gerund needs a verb
            # whose subject acts, and a passive («принимаются», «рассчитана») has none
            continue
        if fitted.split(" ")[0].lower() in _SUBJECTS and _li_before(doc, start):
            # «Было ли принято решение…?»: «Было ли мы решили» is not Russian; the question
            # would need rebuilding («Решили ли мы…?»)
            continue
        if passive_subject:
            fitted = _agree_verb(fitted, number, _number_of(_anchor(tokens, "noun")))
            if fitted is None:
                continue
        if gap_text:
            verb_word, _, rest = fitted.partition(" ")
            fitted = f"{verb_word} {gap_text} {rest}".rstrip()
        elif np_text and object_case.endswith(">nom") and _ends_with_verb(fitted):
            # the noun phrase becomes the subject of the replacement's last word, a verb:
            # «по месту нахождения объектов» → «там, где находятся объекты»
            *lead, verb_word = fitted.split(" ")
            agreed = _agree_verb(verb_word, subject_number)
            if agreed is None:
                continue
            fitted = " ".join([*lead, agreed])
        if np_text:
            fitted = f"{fitted} {np_text}" if fitted else np_text
        if not fitted:
            continue
        suggestions.append(_match_case(doc[start:np_end].text, _preposition_o(fitted)))
    if not suggestions and object_case:
        return _unfitted(doc, start, end)
    if suggestions and not np_text and _opens_clause(doc, start) and end < len(doc) and doc[end].text == "," and all(s.lower() in _CONNECTORS for s in suggestions):
        # «Вместе с тем, разъясняем» → «Также разъясняем»: no comma after a connector
        # opening the sentence, so the replaced text takes the comma with it
        return Fit(end + 1, tuple(dict.fromkeys(suggestions)))
    # the finding reaches over the noun phrase only when a suggestion rewrites it
    return Fit(np_end if np_text else end, tuple(dict.fromkeys(suggestions)))


# replacements that contrast, and those that are a connector (rules/data/ru_grammar.toml)
_CONTRASTIVE = frozenset(rules_toml("ru_grammar.toml")["contrastive"])
_CONNECTORS = frozenset(rules_toml("ru_grammar.toml")["connectors"])


def _gap_in_match(doc: Doc, start: int, end: int, phrase: str) -> int:
    """The number of words the phrase index skipped after the match's verb (``verb_gap``):
    0 where the phrase itself names them («сообщать вы …»)."""
    if not phrase:
        return 0
    ts = token_strings(doc)
    gap = verb_gap(ts.tag, ts.lemma, start)
    if not gap or end - start <= gap + 1:
        return 0
    words = {w for group in phrase.lower().split(" ") for w in group.strip("{}").split("|")}
    skipped = range(start + 1, start + 1 + gap)
    return 0 if any(ts.lemma[k] in words or ts.lower[k] in words for k in skipped) else gap


def _is_dative_pronoun(tok: Token) -> bool:
    return {"NPRO", "datv"} <= grammemes(tok)


def _opens_clause(doc: Doc, start: int) -> bool:
    return start == 0 or doc[start - 1].text in _CLAUSE_END


_CLAUSE_EDGE = frozenset({",", ".", "!", "?", ";", "…", ":", ")", "—"})


def _after_clause(doc: Doc, i: int) -> str | None:
    """What a clause put in before token ``i`` needs after it: nothing before punctuation or the
    end, a comma before a main clause that clearly starts at ``i`` — its predicate («установлен»,
    «проводится») or a subject that cannot be the clause's genitive («отдел», «мы») — and None
    where the words may still belong to the clause («сроков ожидания с 1 июня …»)."""
    if i >= len(doc) or doc[i].text in _CLAUSE_EDGE:
        return ""
    t = doc[i]
    name = t.text[:1].isupper() and not t.text.isupper() and doc[i - 1].text[:1].islower()
    if not t.is_alpha or _acronym(t) or (name and t.lower_ not in _SUBJECTS and t.lemma_ not in _AGENTS):
        return None  # a name («улицы Сыганак») may still be the clause's
    if grammemes(t) & {"VERB", "PRTS", "ADJS", "PRED"}:
        return ","
    if t.lemma_ in _AGENTS and "ablt" in grammemes(t):
        return ","  # the doer of the main clause's passive: «…прав, оператором произведён перерасчёт»
    nominal = [p for p in parses(t.text) if p.tag.POS in ("NOUN", "NPRO", "ADJF", "PRTF")]
    if nominal and len(nominal) == len(parses(t.text)) and all(p.tag.case in ("nomn", "accs") for p in nominal):
        return ","
    return None


def _announcement_follows(doc: Doc, end: int) -> bool:
    """«(,) сообщаем», «разъясняем», «обращаем внимание»: the writer's «мы» verb in the present
    right after the match, announcing what comes next."""
    i = end + 1 if end < len(doc) and doc[end].text == "," else end
    return i < len(doc) and {"VERB", "1per", "plur", "pres"} <= grammemes(doc[i])


def _dative_before(doc: Doc, start: int) -> bool:
    """A dative noun or personal pronoun just before ``start`` («Вам окажут», «Семьям
    оказывают»), not one after a preposition («по средам оказывают»)."""
    i = start - 1
    while i >= 0 and _modifies(doc[i]):
        i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    j = i - 1
    while j >= 0 and _modifies(doc[j]):
        j -= 1
    if j >= 0 and doc[j].pos_ == "ADP":
        return False
    return any("datv" in p.tag and p.tag.POS in ("NOUN", "NPRO") for p in parses(doc[i].text))


def _genitive_follows(doc: Doc, end: int) -> bool:
    """A word that can be genitive after ``end`` and its adverbs: a noun, a modifier, a numeral.
    An adverb may read as a short neuter adjective only («излишне уплаченных»): that counts too."""
    i = end
    while i < len(doc) and doc[i].is_alpha and any(p.tag.POS == "ADVB" or (p.tag.POS == "ADJS" and "neut" in p.tag) for p in parses(doc[i].text)):
        i += 1
    if i >= len(doc) or doc[i].pos_ not in ("NOUN", "PROPN", "ADJ", "VERB", "NUM", "PRON", "DET"):
        return False
    return any("gent" in p.tag and p.tag.POS in ("NOUN", "ADJF", "PRTF", "NUMR", "NPRO") for p in parses(doc[i].text))


_BEFORE_GENITIVE = rules_toml("ru_grammar.toml")["before_genitive"]
_CONDITIONAL_CLAUSES = frozenset(rules_toml("ru_grammar.toml")["conditional_clauses"])
_POLITE = frozenset({"вы", "вас", "вам", "вами", "ваш", "ваша", "ваше", "ваши", "вашего", "вашей", "вашему", "вашим", "ваших", "вашу"})


def _conditional_clause(doc: Doc, start: int, end: int, replace: list[str]) -> Fit:
    """«в случае несогласия (с решением)» → «если Вы не согласны (с решением),»: the clause takes
    its object with it and the comma before the main clause («…, Вы вправе обжаловать»), and
    the «Вы» the letter writes. No suggestion where the main clause's start is unclear."""
    k = end
    if k < len(doc) and doc[k].lower_ in ("с", "со"):
        found = noun_phrase(doc, k + 1, "ins")
        if found is None:
            return Fit(end, ())
        k = found[0]
        for _ in range(3):
            more = noun_phrase(doc, k, "gen")
            if more is None:
                break
            k = more[0]
    after = _after_clause(doc, k)
    if after is None:
        return Fit(end, ())
    polite = any(t.lower_ in _POLITE and t.text[0] == "В" and not t.is_sent_start for t in doc)
    rest = text_between(doc, end, k)
    out = []
    for rep in replace:
        if polite:
            rep = re.sub(r"\bвы\b", "Вы", rep)
        out.append(_match_case(doc[start].text, rep) + (f" {rest}" if rest else "") + after)
    return Fit(k, tuple(out))


_INSTRUMENTAL_PREPOSITIONS = frozenset({"с", "со", "над", "под", "за", "перед", "между"})


def _stranded_agreement(doc: Doc, i: int, case: str | None, head) -> bool:
    """Whether a word further on still agrees with the object in its old ``case``, so that
    re-inflecting the object alone leaves it ungrammatical: a participle set off by a comma
    («по Правилам …, утвержденными приказом»), or a noun conjoined after the object's own
    dependents («по Закону «О ветеринарии» и Правилами»). Looked for up to the sentence's next
    verb, within 25 words; the fix then needs a manual rewrite."""
    if case in (None, "gen"):
        # a genitive reads everywhere — the next noun's dependents, a second conjunct of
        # something else: only a rarer case («с Правилами …, утвержденными») tells agreement
        return False
    number = _a(head.tag.number)
    for k in range(i, min(len(doc), i + 25)):
        t = doc[k]
        if k > i and t.is_sent_start:
            break
        gs = grammemes(t)
        if "VERB" in gs or "PRTS" in gs:
            break  # the predicate: what follows is no longer the object's
        if k > i and t.lower_ in _INSTRUMENTAL_PREPOSITIONS and k not in quotations.quoted_tokens(doc):
            break  # «с графиком работ установка павильона со скамьёй и освещением»: the later noun is its
        if k + 1 >= len(doc):
            break
        nxt = doc[k + 1]
        if t.text == "," and nxt.is_alpha:
            _, mod = _np_parses(nxt.text, CASE_GRAMMEME.get(case))
            if mod is not None and mod.tag.POS == "PRTF" and _a(mod.tag.number) == number:
                return True
        elif t.lower_ in ("и", "или") and noun_phrase(doc, k + 1, case) is not None:
            return True
    return False


def _unfitted(doc: Doc, start: int, end: int) -> Fit:
    """No suggestion for a phrase that takes an object: the finding ends before a preposition
    that only led to the object («осуществляется контроль за»)."""
    while end - start > 1 and doc[end - 1].pos_ == "ADP":
        end -= 1
    return Fit(end, ())


def _features(p) -> tuple[str | None, str | None]:
    """Number and (singular) gender of a parse: what a past verb or short form agrees with."""
    number = _a(p.tag.number)
    return number, (_a(p.tag.gender) if number == "sing" else None)


def _predicate_disagrees(doc: Doc, tokens: list[Token], fitted: str) -> bool:
    """A subject replaced by a word of another number or gender while its predicate after
    the match stays: «Пакет документов был сдан» → «Документы был сдан», «Данный факт
    подтвердился» → «Это подтвердился». The predicate is not rebuilt: no suggestion."""
    # the tagger often reads a sentence-initial subject as accusative («Пакет документов был сдан»):
    # a nominative or accusative head noun, and the agreeing predicate after it decides
    subject = next((t for t in tokens if "NOUN" in grammemes(t)), None)
    if subject is not None and not grammemes(subject) & {"nomn", "accs"}:
        return False
    words = fitted.split(" ")
    if subject is None or not words[-1][:1].isalpha():
        return False
    old = next((p for p in parses(subject.text) if p.tag.POS == "NOUN" and p.tag.case == "nomn"), None)
    new = next((p for p in parses(words[-1]) if p.tag.POS in ("NOUN", "NPRO") and p.tag.case == "nomn"), None)
    if old is None or new is None or _features(old) == _features(new):
        return False
    (on, og), nn = _features(old), _features(new)[0]
    for t in doc[tokens[-1].i + 1 :]:
        if t.is_punct:
            return False  # only the predicate of the same clause
        gs = grammemes(t)
        if "VERB" in gs or gs & {"PRTS", "ADJS"}:
            if "past" in gs or gs & {"PRTS", "ADJS"}:
                return on in gs and (og is None or og in gs)
            return on in gs and nn != on  # a present or future verb agrees in number only
    return False


# Nouns that take «к» where «в отношении» stands after them («претензии к работе»), and
# those after which it is «о» («решение об участке»).
_GOVERNS_K = frozenset(rules_toml("ru_grammar.toml")["governs_k"])
_GOVERNS_O = frozenset(rules_toml("ru_grammar.toml")["governs_o"])
_CLAUSE_REPLACEMENTS = frozenset(rules_toml("ru_grammar.toml")["clause_replacements"])
_AGENTS = frozenset(rules_toml("ru_grammar.toml")["agents"])
_ABOUT_PEOPLE = frozenset(rules_toml("ru_grammar.toml")["about_people"])
_TIME_ADVERBS = frozenset(rules_toml("ru_grammar.toml")["time_adverbs"])


def _fits_place(doc: Doc, start: int, end: int, replacement: str) -> bool:
    """Whether a replacement that depends on its place in the sentence fits there
    (``rules/data/ru_grammar.toml``): a clause («если нужно») needs a comma before it or the
    start of the sentence; «как все» needs a person as the subject; «потом» a verb to tell the
    time of, not a noun phrase just before it."""
    low = replacement.lower()
    if low in _CLAUSE_REPLACEMENTS:
        return _opens_clause(doc, start) or doc[start - 1].text == ","
    if low in _ABOUT_PEOPLE:
        return _person_in_clause(doc, start, end)
    if low in _TIME_ADVERBS:
        return start == 0 or doc[start - 1].pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "DET", "NUM")
    return True


def _person_in_clause(doc: Doc, start: int, end: int) -> bool:
    """A person in the nominative in the clause of ``[start, end)``: a personal pronoun
    («Вы можете встать в очередь») or an animate noun («ребёнок будет принят»)."""
    i = start
    while i > 0 and doc[i - 1].text not in _CLAUSE_EDGE:
        i -= 1
    j = end
    while j < len(doc) and doc[j].text not in _CLAUSE_EDGE:
        j += 1
    for t in doc[i:j]:
        if t.lower_ in _SUBJECTS:
            return True
        if t.pos_ in ("NOUN", "PROPN") and any(p.tag.POS == "NOUN" and {"anim", "nomn"} <= p.tag.grammemes for p in parses(t.text)):
            return True
    return False


def _modifier_word(replacement: str) -> bool:
    """A replacement that agrees with the noun as the match did: «выше указанного решения» → «этого решения»."""
    p = _dictionary_parse(replacement) if replacement[:1].isalpha() and " " not in replacement else None
    return p is not None and _kind(p) == "modifier"


def _attributive(doc: Doc, tokens: list[Token], end: int) -> bool:
    """The match ends in a participle that modifies the noun after it («с учётом изложенного
    решения»), not one used as a noun («с учётом изложенного»): replacing it orphans the noun."""
    last = tokens[-1]
    if "PRTF" not in grammemes(last) and "ADJF" not in grammemes(last):
        return False
    if end >= len(doc) or doc[end].pos_ not in ("NOUN", "PROPN"):
        return False
    return _agreement(last.text, doc[end], None) is not None


def _ends_with_verb(replacement: str) -> bool:
    last = replacement.split(" ")[-1]
    return any(q.tag.POS == "VERB" for q in parses(last)) if last[:1].isalpha() else False


def _correlative_to(doc: Doc, i: int) -> bool:
    """«, то» later in the clause from token ``i``: the «то» that answers «что касается»."""
    while i + 1 < len(doc) and doc[i].text not in _CLAUSE_END:
        if doc[i].text == "," and doc[i + 1].lower_ == "то":
            return True
        i += 1
    return False


_MODALS = frozenset(rules_toml("ru_grammar.toml")["modals"])
_CLAUSE_END = frozenset({".", "!", "?", ";", "…"})


def _modal_without_infinitive(doc: Doc, start: int, end: int, fitted: str) -> bool:
    """«не можем» needs an infinitive to govern: «Выдать справку не представляется возможным»
    → «Выдать справку не можем», but «Принятие решения не представляется возможным» or «не
    имеем возможности для выезда» have none, and «не можем для выезда» is not Russian."""
    words = fitted.split(" ")
    head = words[1] if words[0].lower() == "не" and len(words) > 1 else words[0]
    # only a modal that is the predicate: «когда сможем», «если сможем» stand on their own
    if not any(q.tag.POS == "VERB" and q.normal_form in _MODALS for q in parses(head)):
        return False
    i = start - 1
    while i >= 0 and doc[i].text not in _CLAUSE_END:
        if "INFN" in grammemes(doc[i]):
            return False
        i -= 1
    i = end
    while i < len(doc) and doc[i].text not in _CLAUSE_END:
        if "INFN" in grammemes(doc[i]):
            return False
        i += 1
    return True


def _starts_with_gerund(fitted: str) -> bool:
    """«учитывая изменения»; not «для» (a rare gerund of «длить»): the likely reading decides."""
    ps = parses(fitted.split(" ")[0]) if fitted[:1].isalpha() else ()
    return bool(ps) and ps[0].tag.POS == "GRND"


def _doer_verb_near(doc: Doc, start: int, end: int) -> bool:
    """The verb nearest the match ``[start, end)`` in its sentence is active: a gerund put
    there has a doer. False for a passive, a «-ся» passive, or no verb at all."""

    def nearest(indices) -> int | None:
        for i in indices:
            if doc[i].text in _CLAUSE_END:
                return None
            if grammemes(doc[i]) & _VERBAL:
                return i
        return None

    before, after = nearest(range(start - 1, -1, -1)), nearest(range(end, len(doc)))
    found = [i for i in (before, after) if i is not None]
    if not found:
        return False
    t = doc[min(found, key=lambda i: start - i if i < start else i - end + 1)]
    if grammemes(t) & {"PRTS", "pssv"}:
        return False
    return not (t.lemma_.endswith(("ся", "сь")) and t.lemma_ not in _INHERENTLY_REFLEXIVE)


_SUBJECTS = frozenset(rules_toml("ru_grammar.toml")["subject_pronouns"])


def _li_before(doc: Doc, start: int) -> bool:
    """The particle «ли» earlier in the clause of ``start``: a yes/no question puts its verb first."""
    i = start - 1
    while i >= 0 and doc[i].text not in _CLAUSE_END and doc[i].text != ",":
        if doc[i].lower_ == "ли":
            return True
        i -= 1
    return False


def _starts_with_verb(replacement: str) -> bool:
    words = replacement.split(" ")
    head = words[1] if words[0].lower() == "не" and len(words) > 1 else words[0]
    p = _dictionary_parse(head.split("/")[0]) if head[:1].isalpha() else None
    return p is not None and p.tag.POS == "INFN"


def _subject_np(doc: Doc, start: int, end: int) -> tuple[str | None, str | None]:
    found = noun_phrase(doc, start, None)
    if found is None or found[0] != end:
        return None, None
    _, chosen = found
    return reinflect_np(chosen, "nom"), _a(chosen[-1][1].tag.number)


def _number_of(token: Token | None) -> str | None:
    return next((g for g in grammemes(token) if g in ("sing", "plur")), None) if token is not None else None


def _agree_verb(word: str, number: str | None, old_number: str | None = None) -> str | None:
    """A present/future 3rd-person verb put in ``number`` (its new subject's). An infinitive
    («будет осуществляться контроль за вывозом» → «будет контролироваться вывоз») stays as it
    is where the auxiliary before the match, agreeing with the old subject (``old_number``),
    agrees with the new one too."""
    if any(q.tag.POS == "INFN" and q.normal_form == word for q in parses(word)):
        return word if number is not None and number == old_number else None
    p = next((q for q in parses(word) if q.tag.POS == "VERB"), None)
    if p is None or number is None:
        return None
    if "past" in p.tag:
        return None  # the past also needs the subject's gender; leave it to the writer
    return _inflect(p, {number, "3per"} | ({"pres"} if "pres" in p.tag else {"futr"}))


# -- «в целях обеспечения безопасности» → «чтобы обеспечить безопасность» --------------------
def clause_rewrite(doc: Doc, start: int, rewrite: str) -> tuple[int, str] | None:
    """A verbal noun in the genitive at ``start`` (with its object) as a verb clause.

    "purpose": the infinitive («в целях обеспечения безопасности» → «чтобы обеспечить
    безопасность»); "gerund": the perfective gerund («путём подачи жалобы» → «подав жалобу»).
    """
    from anyq.suggest.verbal_nouns import verbal_nouns

    if start >= len(doc):
        return None
    tok = doc[start]
    entry = verbal_nouns().get(tok.lemma_)
    if entry is None or not entry.verb or "Case=Gen" not in str(tok.morph):
        return None
    verb = entry.verb.split("/")[0]
    negated = verb.startswith("не ")
    if rewrite == "gerund":
        lex = next((p for p in parses(verb.removeprefix("не ")) if p.tag.POS == "INFN"), None)
        form = _inflect(lex, {"GRND", "past" if "perf" in lex.tag else "pres"}) if lex is not None else None
        if form is None:
            return None
        verb = ("не " if negated else "") + form
    # the verb takes the capitals of the noun it replaces, as the object keeps its own:
    # «ОБЕСПЕЧЕНИЯ БЕЗОПАСНОСТИ» → «ОБЕСПЕЧИТЬ БЕЗОПАСНОСТЬ», «Обеспечения Безопасности» →
    # «Обеспечить Безопасность»
    verb = _match_case(tok.text, verb)
    end = start + 1
    if entry.case:
        found = noun_phrase(doc, end, "gen")
        if found is not None:
            e2, chosen = found
            obj = reinflect_np(chosen, entry.case)
            if obj is not None:
                return e2, f"{verb} {obj}"
    return end, verb
