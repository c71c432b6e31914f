"""Kazakh replacements that fit: the matched word's suffixes carried over, re-harmonised.

«тексеру жүргізді» → «тексерді», «тексеру жүргізілетін» → «тексерілетін», «тексеру
жүргізуге» → «тексеруге», «биылғы жылға» → «биылға». The last word of the match carries
the inflection (Kazakh is head-final); its suffix chain, as the stemmer found it, is put
on the replacement's stem, each suffix in the allomorph that fits the new stem — vowel
harmony (back а о ұ ы / front ә е ө ү і) and the consonant class of the sound before it
(«-ға» after a vowel or a voiced consonant, «-қа» after a voiceless one), with п/к/қ voiced
before a vowel (тап → табады).

Words outside the match follow the replacement where they must: a split predicate whose one
verb takes a direct object (``object = "dat>acc"``) turns the dative before it into the
accusative, or the nominative under a passive («Ережеге өзгерістер енгізілді» → «Ереже
өзгертілді»); under a passive the accusative object of the phrase's verbal noun becomes the
nominative too («табысын есептеу жүргізілді» → «табысы есептелді»); a genitive dropped or
made «Сіздің» changes the possessive of the noun after it («Бүгінгі күннің жағдайы» →
«Бүгінгі жағдай»); «Сіз» as the subject puts the clause's final verb in the 2nd person
(«Сіз … келмедіңіз»). Where those words cannot be found or re-inflected safely, there is
no suggestion.

"Where the stem allows": when the text's verb has a voice the rule's phrase does not name
(other than the passive, which is rebuilt for the new stem: тексер → тексеріл, бақыла →
бақылан), or a verb ending would land on a noun, there is no inflected form, and the
finding keeps its advice instead.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from anyq.nlp import stem_kk as K
from anyq.resources import rules_toml
from anyq.suggest.base import Fit
from anyq.suggest.base import match_case as _match_case

_TABLES: list[list[K.Suffix]] = [
    K.PLURAL, K.POSS, K.CASE, K.REL, K.PRED, K.NEG, K.NOMINALIZERS, K.ABSTRACT, K.PAST_PERSON,
    K.PAST, K.PRES_PERSON, K.PRES, K.COND_PERSON, K.COND, K.FINAL_VERBAL, K.VOICE,
]
_VOICING = {"п": "б", "к": "г", "қ": "ғ"}


def _needs_ok(needs: str | None, prev: str | None) -> bool:
    if needs is None:
        return True
    if needs == "poss3":
        return prev == "poss3"
    if needs == "not-poss3":
        return prev != "poss3"
    if needs == "poss12":
        return prev in ("poss1sg", "poss2sg")
    return False


@cache
def _allomorphs(tag: str, surface: str) -> tuple[K.Suffix, ...]:
    """The allomorphs of the suffix that appears as ``surface`` with ``tag``: its table's entries of that tag."""
    for table in _TABLES:
        if any(s.tag == tag and surface in (s.back, s.front) for s in table):
            return tuple(s for s in table if s.tag == tag)
    return ()


def attach(current: str, tag: str, surface: str, prev: str | None) -> str | None:
    """``current`` + the allomorph of (``tag``, ``surface``) that fits it; None if none does."""
    for suf in _allomorphs(tag, surface):
        if not _needs_ok(suf.needs, prev):
            continue
        form = suf.front if K.harmony(current) == "front" else suf.back
        if not K._fits(current, suf, form):
            continue
        if form[:1] in K.VOWELS and current[-1:] in _VOICING:
            return current[:-1] + _VOICING[current[-1]] + form  # тап + а → табады
        return current + form
    return None


def attach_chain(stem: str, chain: tuple[tuple[str, str], ...], prev: str | None = None) -> str | None:
    out = stem
    for tag, surface in chain:
        nxt = attach(out, tag, surface, prev)
        if nxt is None:
            return None
        out, prev = nxt, tag
    return out


_PASSIVE = ("ыл", "іл", "л", "ын", "ін", "н")
# vowel stems with an «л» whose «-н» form is another verb: қолда + н is «қолдану» (to use),
# so «supported» is «қолдалды», not «қолданды»
_PASSIVE_IN_L = frozenset(rules_toml("kk_grammar.toml")["words"]["passive_in_l"])


def passive(stem: str) -> str:
    """The passive stem: «-ыл/-іл» after a consonant, «-ын/-ін» after «л», «-л» after a vowel —
    but «-н» when the stem already has an «л» (қабылда → қабылдан, өлше → өлшен, жаса → жасал),
    except where that is another verb (қолда → қолдал)."""
    last = stem[-1:]
    front = K.harmony(stem) == "front"
    if last in K.VOWELS and last not in K.GLIDES:
        return stem + ("н" if "л" in stem and stem.lower() not in _PASSIVE_IN_L else "л")
    if last == "л":
        return stem + ("ін" if front else "ын")
    return stem + ("іл" if front else "ыл")


def _active(stem: str) -> str:
    """A passive verb stem's active verb («жүргізіл» → «жүргіз», «жолдан» → «жолда»), the stem
    as it is otherwise: only a passive that :func:`passive` rebuilds from a known verb, so
    «қолдан» (to use) stays, and no causative is stripped («жүргіз» is not «жүр»). The «л» of
    a one-syllable root is the root's (кел, сал, қал, тол: the lexicon has «ке», «са» too)."""
    lex = K.stemmer().lex
    for p in _PASSIVE:
        base = stem[: -len(p)]
        if len(base) < 2 or (len(base) == 2 and base[-1] in K.VOWELS):
            continue
        if stem.endswith(p) and passive(base) == stem and lex.is_verb(base, depth=0):
            return base
    return stem


def _voice(token, phrase_stem: str) -> str | None:
    """What voice the text's verb adds to the phrase's verb: "" (none), "pass", or None (another voice)."""
    lemma = token.lemma_
    if lemma == phrase_stem or not lemma.startswith(phrase_stem):
        return "" if lemma == phrase_stem or token.norm_ == phrase_stem else None
    return "pass" if lemma[len(phrase_stem):] in _PASSIVE else None


def _analyse(word: str) -> K.Analysis:
    return K.stemmer().analyse(word)




def _base(word: str) -> tuple[str, bool]:
    """The form of a replacement that takes endings: a verb's stem («көмектесу» → «көмектес»), a noun as written."""
    a = _analyse(word)
    if a.pos == "VERB" and a.tags[-1:] == ("vn",):
        return a.stem, True
    return word, False


def _phrase_form(phrase_word: str, replacement: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The stem and endings of the phrase's last word that ``replacement`` stands for. A
    replacement written as a verbal noun in «-у» stands for the phrase's verb in that form,
    whatever form the phrase is written in: «тексеру жүргізілді» → «тексеру» is read as
    «тексеру жүргізу» → «тексеру», so the text's tense and voice go on the replacement
    («жүргізілмеді» → «тексерілмеді», not «тексермеді»), as for a phrase written in the
    dictionary form. The phrase's passive is dropped unless the replacement is passive too
    («жүргізілді» → «тексерілу»). A replacement written in another form stands for the
    phrase's form as written («жолданды» → «жіберілді»)."""
    pa = _analyse(phrase_word)
    rstem, is_verb = _base(replacement.split(" ")[-1])
    if pa.pos != "VERB" or not is_verb:
        return pa.stem, pa.suffixes
    stem = pa.stem if _active(rstem) != rstem else _active(pa.stem)
    return stem, pa.suffixes if pa.tags == ("vn",) else (("vn", "у"),)


def fit_word(token, phrase_word: str, replacement: str) -> str | None:
    """``replacement`` (its last word) with the inflection ``token`` has beyond ``phrase_word``."""
    a = token._.kk
    if a is None:
        return replacement
    words = replacement.split(" ")
    pstem, pchain = _phrase_form(phrase_word, replacement)
    chain = a.suffixes
    voice = _voice(token, pstem) if a.pos == "VERB" else ""
    if voice is None:
        return None  # a causative or reciprocal the phrase does not have: no safe form
    if chain == pchain and not voice:
        return replacement  # the text has the form the rule names: the replacement as written
    stem, is_verb = _base(words[-1])
    if not voice and chain[: len(pchain)] == pchain:
        # the phrase's own form plus more («жүргізу» → «жүргізуге»): the extra on the replacement as written
        new = attach_chain(words[-1], chain[len(pchain):], pchain[-1][0] if pchain else None)
    elif a.pos == "VERB" and not is_verb:
        return None  # a verb's endings cannot go on a noun
    else:
        new = attach_chain(passive(stem) if voice else stem, chain)
    if new is None:
        return None
    words[-1] = new
    if voice == "pass":
        # the replacement's own object is the passive's subject: «азаматтарды қабылдау
        # жүргізіледі» → «азаматтар қабылданады», not «азаматтарды қабылданады»
        words[:-1] = [_nominative(w) for w in words[:-1]]
    return " ".join(words)


def _nominative(word: str) -> str:
    """``word`` without an accusative ending («азаматтарды» → «азаматтар»), else as it is."""
    a = _analyse(word)
    if not a.suffixes or a.suffixes[-1][0] != "acc" or not word.lower().endswith(a.suffixes[-1][1]):
        return word
    base = word[: len(word) - len(a.suffixes[-1][1])]
    if base[-1:] in ("б", "г", "ғ") and a.suffixes[-1][1][:1] in K.VOWELS:
        base = base[:-1] + {"б": "п", "г": "к", "ғ": "қ"}[base[-1]]
    return base


# demonstrative genitives and the nominative that stands before a postposition («сол бойынша»)
_GENITIVE_PRONOUNS = {"оның": "сол", "соның": "сол", "осының": "осы", "мұның": "бұл", "бұның": "бұл"}
_CASE_TAGS = {"nom": None, "gen": "gen", "dat": "dat", "acc": "acc", "loc": "loc", "abl": "abl", "ins": "ins"}


def _drop_case(token, case: str) -> str | None:
    """``token`` without its last suffix when that suffix is ``case`` («Заңға» → «Заң»)."""
    a = token._.kk
    if a is None or not a.suffixes or a.suffixes[-1][0] != case:
        return None
    surface = a.suffixes[-1][1]
    text = token.text
    if not text.lower().endswith(surface):
        return None
    base = text[: len(text) - len(surface)]
    if base[-1:] in ("б", "г", "ғ") and surface[:1] in K.VOWELS:
        base = base[:-1] + {"б": "п", "г": "к", "ғ": "қ"}[base[-1]]  # құқығына → құқық
    return base


# the dative pronouns the stemmer reads through its overrides, and their accusatives
_DAT_PRONOUNS: dict[str, str] = rules_toml("kk_grammar.toml")["dative_pronouns"]
# a dative these follow is theirs, not the verb's («1 қаңтарға дейін»)
_POSTPOSITIONS = frozenset(w for w, case in rules_toml("kk_grammar.toml")["postpositions"].items() if case == "dat")
_SENTENCE_END = frozenset({".", "!", "?", ";", "…"})


def _is_dative(token) -> bool:
    if token.lower_ in _DAT_PRONOUNS:
        return True
    a = token._.kk
    return a is not None and bool(a.suffixes) and a.suffixes[-1][0] == "dat"


def _datives_before(doc: Doc, start: int) -> list[int]:
    """The datives of the clause before ``start`` that no postposition governs. A comma, colon
    or semicolon ends the clause: in «Сізге хабарлаймыз, Ережеге өзгерістер енгізілді» the
    «Сізге» belongs to «хабарлаймыз», not to the split predicate; so does a verb form («барып»,
    «көрсету»): the datives before it are its own."""
    out = []
    for j in range(start - 1, -1, -1):
        if doc[j].text in _SENTENCE_END or doc[j].text in (",", ";", ":"):
            break
        a = doc[j]._.kk
        if a is not None and a.pos == "VERB" and doc[j].lower_ not in _DAT_PRONOUNS:
            break  # a dative before another verb form is that verb's: «Халыққа қызмет көрсету орталығы тіркеу жүргізеді»
        if _is_dative(doc[j]) and not (j + 1 < start and doc[j + 1].lower_ in _POSTPOSITIONS):
            out.append(j)
    return out


def _dative_to(token, case: str) -> str | None:
    """The dative ``token`` in ``case`` ("acc" or "nom"): «кәсіпкерлерге» → «кәсіпкерлерді», «Ережеге» → «Ереже»."""
    low = token.lower_
    if low in _DAT_PRONOUNS:
        # a pronoun made the subject of a passive changes the verb's person («Сіз қолдалдыңыз»)
        return None if case == "nom" else _match_case(token.text, _DAT_PRONOUNS[low])
    base = _drop_case(token, "dat")
    if base is None or case == "nom":
        return base
    a = token._.kk
    acc = attach(base.lower(), "acc", "ны", a.suffixes[-2][0] if len(a.suffixes) > 1 else None)
    return None if acc is None else _match_case(base, acc)


def _fit_object(doc: Doc, start: int, end: int, out: list[str], phrase_word: str) -> Fit:
    """A split predicate whose one verb takes a direct object («қолдау көрсету» → «қолдау»):
    the light verb's dative argument becomes the new verb's accusative, or its subject when
    the verb is passive («Ережеге өзгерістер енгізілді» → «Ереже өзгертілді»). Only a dative
    right before the match is re-inflected; with another dative in the sentence before it
    (or the only one further away: «құжатына тиісті өзгерістер енгізу», where «тиісті» has a
    finding of its own, J504) it is unclear which is the argument: no suggestion."""
    datives = _datives_before(doc, start)
    if not datives:
        return Fit(end, tuple(out))
    if datives != [start - 1]:
        return Fit(end, ())
    last = doc[end - 1]
    a = last._.kk
    # passive against the phrase's active verb, whatever voice the phrase is written in
    passive_verb = a is not None and a.pos == "VERB" and _voice(last, _active(_analyse(phrase_word).stem)) == "pass"
    arg = _dative_to(doc[start - 1], "nom" if passive_verb else "acc")
    if arg is None:
        return Fit(end, ())
    return Fit(end, tuple(dict.fromkeys(f"{arg} {v}" for v in out)), start=start - 1)


# postpositions «about»: «X туралы шешім» — what the noun after them is about
_ABOUT = frozenset({"туралы", "жөнінде"})


def _fit_verbal_noun_object(doc: Doc, start: int, end: int, out: list[str], passive_out: bool) -> Fit:
    """An impersonal verb made personal («жүгіну ұсынылады» → «ұсынамыз», ``object =
    "nom>acc"``): the verbal noun that was its subject becomes its object, in the accusative
    («жүгінуді ұсынамыз», «қалдырмауды ұсынамыз»). A plain noun stays as it is («Сізге басқа
    пәтер ұсынамыз»). The same verb takes the verbal noun that «туралы» tied to the phrase's
    noun: «алу туралы шешім қабылдадық» → «алуды шештік», not «алу туралы шештік» (the
    noun goes, and «шешу» takes no «туралы»). A passive verb takes no object («алу туралы
    шешім қабылданды»: the verbal noun before it stays its subject, and after «туралы» there
    is no suggestion), nor is a plain noun after «туралы» its object («мәселе туралы» is not
    «мәселені шешу»): no suggestion."""
    prev = doc[start - 1] if start > 0 and not doc[start].is_sent_start else None
    about = prev is not None and prev.lower_ in _ABOUT
    if about:
        if passive_out or start < 2 or prev.is_sent_start:
            return Fit(end, ())
        prev = doc[start - 2]
    a = prev._.kk if prev is not None else None
    if not out or a is None or a.pos != "VERB" or a.tags[-1:] != ("vn",) or passive_out:
        return Fit(end, ()) if about else Fit(end, tuple(dict.fromkeys(out)))
    acc = attach(prev.text.lower(), "acc", "ны", "vn")  # қалдырмау → қалдырмауды: a negative verbal noun too
    if acc is None:
        return Fit(end, ())
    arg = _match_case(prev.text, acc)
    return Fit(end, tuple(dict.fromkeys(f"{arg} {v}" for v in out)), start=prev.i)


# accusative pronouns: the subject of a passive they would make changes the verb's person
_ACC_PRONOUNS = frozenset(_DAT_PRONOUNS.values())


def _made_passive(token, phrase_word: str, replacement: str) -> bool:
    """Does :func:`fit_word` make ``replacement`` passive, for a passive the text's verb adds?"""
    a = token._.kk
    return a is not None and a.pos == "VERB" and _voice(token, _phrase_form(phrase_word, replacement)[0]) == "pass"


def _is_accusative(token) -> bool:
    """An accusative noun or pronoun. A bare word in «-ды/-ті» the lexicon knows whole is the
    adjective, which describes the verbal noun and stays («тұрақты бақылау жүргізілді» →
    «тұрақты бақыланды»): «тұрақты», «күнделікті» are no «тұрақ», «күнделік» as objects."""
    if token.lower_ in _ACC_PRONOUNS:
        return True
    a = token._.kk
    if a is None or not a.suffixes or a.suffixes[-1][0] != "acc":
        return False
    return len(a.suffixes) > 1 or not K.stemmer().lex.is_noun(token.lower_)


def _fit_passive_subject(doc: Doc, start: int, end: int, fitted: list[tuple[str, bool]]) -> Fit:
    """The accusative object of the phrase's verbal noun, right before a split predicate made
    one passive verb, is that verb's subject: «табысын есептеу жүргізілді» → «табысы
    есептелді», not «табысын есептелді». A pronoun would change the verb's person («сізді» →
    «Сіз …-дыңыз»): no suggestion."""
    prev = doc[start - 1]
    if prev.lower_ in _ACC_PRONOUNS:
        return Fit(end, ())
    subject = _nominative(prev.text)
    out = [f"{subject if made_passive else prev.text}{prev.whitespace_ or ' '}{f}" for f, made_passive in fitted]
    return Fit(end, tuple(dict.fromkeys(out)), start=start - 1)


# a genitive replaced by «Сіздің» makes its possessed noun 2nd person («Сіздің құжаттарыңыз»)
_POLITE_GENITIVES = frozenset(rules_toml("kk_grammar.toml")["words"]["polite_genitives"])
_GENITIVE_ENDINGS = ("ның", "нің", "дың", "дің", "тың", "тің")


def _head_after(doc: Doc, end: int) -> int | None:
    """Where the noun a genitive at ``end - 1`` possesses stands: next, or after a day's number
    («жылдың 1 маусымына»); None past the paragraph."""
    k = end + 1 if end < len(doc) and doc[end].like_num else end
    return k if k < len(doc) else None


def _possessed_after(doc: Doc, end: int, replacement: str) -> str | None:
    """The noun after a replaced genitive, its 3rd-person possessive made to agree with the
    replacement: dropped when the replacement is no genitive («Бүгінгі күннің жағдайы» →
    «Бүгінгі жағдай»), 2nd person after «Сіздің» («құжаттары» → «құжаттарыңыз»). None when
    that word is not a possessed noun (the head stands further away: no safe form)."""
    k = _head_after(doc, end)
    if k is None:
        return None
    head = doc[k]
    a = head._.kk
    if a is None or "poss3" not in a.tags:
        return None
    p = a.tags.index("poss3")
    new: tuple[tuple[str, str], ...] = (("poss2pol", "ыңыз"),) if replacement.lower() in _POLITE_GENITIVES else ()
    word = attach_chain(a.stem, a.suffixes[:p] + new + a.suffixes[p + 1 :])
    return None if word is None else _match_case(head.text, word)


# a verb form before the last word that makes a clause of its own
_CLAUSE_TAGS = frozenset({"ptcp", "conv", "vn", "past", "pres", "cond", "prog", "evid", "neg", "abstr", "imp2pol", "imp3"})
# «Сіз» for a 3rd-person subject: the finite verb takes the 2nd person polite (past, present)
_POLITE_SUBJECTS = {"сіз": ("2pol", "ңыз", "сыз"), "сіздер": ("2polpl", "ңыздар", "сыздар")}


def _predicate_for(doc: Doc, end: int, replacement: str) -> tuple[int, str] | None:
    """The clause's finite verb after a subject replaced by «Сіз», in the 2nd person
    («Өтініш беруші уақытында келмеді» → «Сіз уақытында келмедіңіз»): (its index, new form).
    None where that is not safe: a comma, a participle or converb (another clause: «өтініш
    беруші ұсынған құжаттар қаралды»), a bare noun (maybe the real subject: «… туралы
    ақпарат жіберілді»), «өз», or a predicate that is no past or present 3rd-person verb."""
    person, past, pres = _POLITE_SUBJECTS[replacement.lower()]
    j = end
    while j < len(doc) and doc[j].text not in _SENTENCE_END:
        t = doc[j]
        a = t._.kk
        if t.like_num:
            j += 1
            continue
        if t.is_punct or t.lower_ in ("өз", "өзі", "өзінің") or a is None:
            return None
        if j + 1 < len(doc) and doc[j + 1].text not in _SENTENCE_END and not _CLAUSE_TAGS.isdisjoint(tag.split(".")[0] for tag in a.tags):
            return None
        if a.pos == "NOUN" and not a.suffixes:
            return None
        j += 1
    if j == end or j - end > 10:
        return None
    verb = doc[j - 1]
    a = verb._.kk
    if a is None or a.pos != "VERB" or not a.suffixes:
        return None
    tag, surface = a.suffixes[-1]
    word = verb.text.lower()
    if tag == "past":
        new = attach(word, person, past, "past")
    elif tag == "3" and a.tags[-2:-1] == ("pres",):
        new = attach(word[: len(word) - len(surface)], person, pres, "pres")
    else:
        return None
    return (j - 1, _match_case(verb.text, new)) if new else None


_ATTRIBUTIVES = frozenset(rules_toml("kk_grammar.toml")["words"]["attributives"])
# bare forms in «-ғы/-гі» that are no adjective: «тағы» (again)
_NOT_RELATIVE = frozenset({"тағы"})


def _attribute_before(doc: Doc, start: int) -> bool:
    """An adjective or participle right before the noun at ``start``: «біржолғы», «материалдық»,
    «ауылдағы», «жоспарланған» (the grammar's ``attributives``, a «-дағы/-ғы» form, a bare
    participle)."""
    if start == 0 or doc[start].is_sent_start:
        return False
    prev = doc[start - 1]
    low = prev.lower_
    if low in _ATTRIBUTIVES:
        return True
    a = prev._.kk
    if a is None or low in _NOT_RELATIVE:
        return False
    if a.tags[-1:] and a.tags[-1] in ("rel", "ptcp.past", "ptcp.hab"):
        return True
    return not a.tags and low.endswith(("ғы", "гі", "қы", "кі"))  # біржолғы, соңғы, қазіргі


def _possessor_before(doc: Doc, start: int, phrase_word: str) -> bool:
    """Does the noun at ``start`` have a possessive the phrase's word lacks, with its possessor
    before it — a genitive or a bare noun («нәтижелерінің талдауы», «заң көмегі»)? Made one
    verb, the noun goes and its possessor is left with nothing to belong to («нәтижелерінің
    талданды», «заң көмектесілді»)."""
    a = doc[start]._.kk
    if start == 0 or doc[start].is_sent_start or a is None or "poss3" not in a.tags or "poss3" in _analyse(phrase_word).tags:
        return False
    prev = doc[start - 1]
    p = prev._.kk
    if not prev.is_alpha or p is None:
        return False
    return p.tags[-1:] == ("gen",) or prev.lower_.endswith(_GENITIVE_ENDINGS) or (p.pos == "NOUN" and not p.suffixes)


def fit(doc: Doc, start: int, end: int, replace: list[str], phrase: str, object_case: str | None = None) -> Fit:
    last = doc[end - 1]
    if len(phrase.split()) > 1 and _possessor_before(doc, start, phrase.split()[0]):
        return Fit(end, ())  # the finding keeps its advice, as for a word describing the noun below
    if len(phrase.split()) > 1 and _analyse(phrase.split()[-1]).pos == "VERB" and _attribute_before(doc, start):
        # a split predicate made one verb drops its noun: the words describing that noun would
        # be left on the verb («біржолғы материалдық көмек көрсетілді» → «… көмектесілді»), so,
        # as in Russian, the finding keeps its advice
        replace = [r for r in replace if len(r.split()) > 1]
        if not replace:
            return Fit(end, ())
    if phrase.strip():
        phrase_word = phrase.split()[-1]
    else:
        # a pattern rule names no phrase: the matched word's own citation form stands for it
        # (a verb's base + «-у»: «жолданды» → «жолдау»), so all its endings carry over
        phrase_word = last.norm_ + ("у" if last.pos_ == "VERB" else "")
    src, _, dst = (object_case or "").partition(">")
    if object_case and start > 0 and dst != "acc":
        # Kazakh postpositions govern the word *before* them: «Заңға сәйкес» → «Заң бойынша»
        prev = doc[start - 1]
        base = None
        for case in src.split("|"):
            base = _drop_case(prev, _CASE_TAGS.get(case, case))
            if base is not None:
                break
        if base is None and "gen" in src.split("|") and prev.lower_.endswith(_GENITIVE_ENDINGS):
            # a genitive the stemmer reads whole: «оның шеңберінде» → «сол бойынша», not «оның
            # бойынша»; any other would be left before a word that takes no genitive
            pronoun = _GENITIVE_PRONOUNS.get(prev.lower_)
            if pronoun is None:
                return Fit(end, ())
            base = _match_case(prev.text, pronoun)
        if base is not None and dst == "nom":
            out = [f"{base} {r}" for r in replace]
            return Fit(end, tuple(dict.fromkeys(out)), start=start - 1)
        # the word before is already in the case the replacement wants («шешімі негізінде»)
    fitted: list[tuple[str, bool]] = []  # each fitted replacement, and whether it is made passive
    for rep in replace:
        f = fit_word(last, phrase_word, rep)
        if f is not None:
            fitted.append((_match_case(doc[start].text, f), _made_passive(last, phrase_word, rep)))
    out = [f for f, _ in fitted]
    passive_out = any(p for _, p in fitted)
    if passive_out and len(phrase.split()) > 1 and start > 0 and not doc[start].is_sent_start and _is_accusative(doc[start - 1]):
        return _fit_passive_subject(doc, start, end, fitted)
    if dst == "acc" and src == "dat":
        return _fit_object(doc, start, end, out, phrase_word)
    if dst == "acc" and src == "nom":
        return _fit_verbal_noun_object(doc, start, end, out, passive_out)
    if any(r.lower() in _POLITE_SUBJECTS for r in out):
        # the subject becomes «Сіз»: the verb must agree, or there is no suggestion (nor with
        # other replacements beside it, whose verb would stay 3rd person)
        if len(out) > 1 or out[0].lower() not in _POLITE_SUBJECTS:
            return Fit(end, ())
        found = _predicate_for(doc, end, out[0])
        if found is None:
            return Fit(end, ())
        k, verb = found
        between = "".join(t.text_with_ws for t in doc[end:k])
        return Fit(k + 1, (f"{out[0]}{doc[end - 1].whitespace_ or ' '}{between}{verb}",))
    if _analyse(phrase_word).tags[-1:] == ("gen",):
        # the phrase ends in a genitive: the noun it possesses follows and agrees with it
        kept = [r for r in out if r.lower().endswith(_GENITIVE_ENDINGS) and r.lower() not in _POLITE_GENITIVES]
        if len(kept) == len(out):
            return Fit(end, tuple(dict.fromkeys(out)))  # «ағымдағы айдың» → «осы айдың»: the head stays 3rd person
        k = _head_after(doc, end)
        if k is None:
            return Fit(end, ())
        heads = [(r, doc[k].text if r in kept else _possessed_after(doc, end, r)) for r in out]
        between = "".join(t.text_with_ws for t in doc[end:k])
        fitted = tuple(dict.fromkeys(f"{r}{doc[end - 1].whitespace_ or ' '}{between}{h}" for r, h in heads if h is not None))
        return Fit(k + 1, fitted) if fitted else Fit(end, ())
    return Fit(end, tuple(dict.fromkeys(out)))
