"""Is a Russian sentence still grammatical once a suggestion is put in place?

The corrected sentence is parsed afresh (our Russian pipeline: pymorphy3 parses of every
word) and the replaced words are checked against their neighbours — every parse of each
word is tried, so an ambiguity of the analyser never counts against the fix:

1. every replaced word is a word pymorphy3's dictionary knows (no invented forms);
2. modifier–noun agreement: an adjective, participle or adjectival pronoun next to a noun
   (one of them replaced) agrees with it in case and number, and in gender in the singular
   (a pronoun inside a fixed expression — «вместе с тем», «при этом» — modifies nothing);
3. preposition government: the first nominal after a preposition (one of them replaced)
   is in a case that preposition takes (table ``_PREP_CASES``);
4. subject–verb agreement, where a finite verb replaced a finite verb: in the 3rd person
   it agrees in number (gender in the past singular) with a nominative noun or pronoun of
   its clause; with no nominative in the clause (a dropped subject: «Вам помогут») it keeps
   the person, number and gender of the verb it replaced. A 1st or 2nd person verb
   («сообщаем», «не можем») needs no written subject in Russian; if its pronoun is there
   it must agree. An imperative («Извините за неудобства») has no subject to agree with;
5. a replaced full participle right after «, » agrees with the noun before the comma;
6. a verb at the start of the replaced words keeps the form of the verb it replaced —
   predicate (finite verb or short participle), infinitive, participle or gerund
   («сносит часть», not «сносить часть»; «будет участвовать» for «примет участие» is a
   finite verb with its infinitive).

What it cannot see: the choice of words, a verb's government of its object beyond case
agreement, and word order. It is the acceptance check of the issue ("agreement of case,
number and gender with its neighbours"), not a full parser.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

_PREP_CASES = {
    "в": {"accs", "loct", "loc2"}, "во": {"accs", "loct", "loc2"}, "на": {"accs", "loct", "loc2"},
    "о": {"loct"}, "об": {"loct"}, "обо": {"loct"}, "по": {"datv", "loct"},
    "с": {"gent", "ablt", "accs"}, "со": {"gent", "ablt", "accs"}, "к": {"datv"}, "ко": {"datv"},
    "от": {"gent"}, "до": {"gent"}, "из": {"gent", "gen2"}, "у": {"gent"}, "для": {"gent"}, "без": {"gent", "gen2"},
    "при": {"loct"}, "за": {"accs", "ablt"}, "под": {"accs", "ablt"}, "над": {"ablt"}, "перед": {"ablt"},
    "через": {"accs"}, "про": {"accs"}, "между": {"ablt", "gent"}, "после": {"gent"}, "около": {"gent"},
    "среди": {"gent"}, "ради": {"gent"}, "из-за": {"gent"}, "согласно": {"datv", "gent"},
    "благодаря": {"datv"}, "вопреки": {"datv"}, "ввиду": {"gent"}, "вследствие": {"gent"},
    "посредством": {"gent"}, "касательно": {"gent"}, "путём": {"gent"}, "относительно": {"gent"},
    "кроме": {"gent"}, "вместо": {"gent"}, "против": {"gent"}, "вне": {"gent"}, "сквозь": {"accs"},
}
_MOD = {"ADJF", "PRTF"}
_CLAUSE_BREAK = {",", ";", ":", ".", "!", "?", "—", "(", ")", "что", "который", "которая", "которое", "которые", "если", "чтобы", "когда", "и", "а", "но"}


@dataclass
class Verdict:
    ok: bool
    reason: str = ""


def _morph():
    from anyq.nlp.morph_ru import morphology

    return morphology().analyzer


@lru_cache(maxsize=50_000)
def _parses(word: str):
    return tuple(_morph().parse(word.lower()))


def _a(value) -> str | None:
    return str(value) if value else None


def _case(p) -> str | None:
    c = _a(p.tag.case)
    return {"gen2": "gent", "acc2": "accs", "loc2": "loct"}.get(c, c)


def _is_mod(p) -> bool:
    return p.tag.POS in _MOD or "Apro" in p.tag


def _agree(m, n) -> bool:
    if _case(m) != _case(n) or _a(m.tag.number) != _a(n.tag.number):
        return False
    if _a(m.tag.number) == "sing" and _a(m.tag.gender) and _a(n.tag.gender) and _a(n.tag.gender) in ("masc", "femn", "neut"):
        return _a(m.tag.gender) == _a(n.tag.gender)
    return True


def _sentence(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence around [start, end) and its offset (a cheap splitter is enough here)."""
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("! ", 0, start), text.rfind("? ", 0, start))
    a = a + 1 if a >= 0 else 0
    b_candidates = [i for i in (text.find(". ", end), text.find("\n", end), text.find("! ", end), text.find("? ", end)) if i >= 0]
    b = min(b_candidates) + 1 if b_candidates else len(text)
    return text[a:b], a


def _tokens(sentence: str):
    from anyq.nlp.pipeline import annotate

    return list(annotate(sentence, "ru"))


def _finite(p) -> bool:
    return p.tag.POS == "VERB"


def _subject_agrees(v, subj) -> bool:
    if _a(subj.tag.number) and _a(v.tag.number) and _a(subj.tag.number) != _a(v.tag.number):
        return False
    if "past" in v.tag and _a(v.tag.number) == "sing" and _a(subj.tag.gender) in ("masc", "femn", "neut") and _a(v.tag.gender):
        return _a(subj.tag.gender) == _a(v.tag.gender)
    if _a(v.tag.person):
        person = _a(subj.tag.person) or "3per"
        return person == _a(v.tag.person)
    return True


def _form(p) -> str | None:
    if p.word == "есть":
        return "predicate"  # "there is", not "to eat"
    pos = p.tag.POS
    # a short participle is a predicate like a finite verb («принято решение» → «мы решили»)
    return {"VERB": "predicate", "PRTS": "predicate", "INFN": "infinitive", "PRTF": "participle", "GRND": "gerund"}.get(pos)


# Fixed expressions whose pronoun modifies nothing after it («вместе с тем Управлению»).
_FIXED = (("вместе", "с", "тем"), ("с", "тем", "чтобы"), ("тем", "самым"), ("при", "этом"), ("кроме", "того"), ("в", "том", "числе"), ("тем", "не", "менее"), ("до", "того", "как"), ("после", "того", "как"))


def _fixed_expression_tokens(toks) -> set[int]:
    low = [t.text.lower() for t in toks]
    out: set[int] = set()
    for expr in _FIXED:
        n = len(expr)
        for i in range(len(low) - n + 1):
            if tuple(low[i : i + n]) == expr:
                out.update(range(i, i + n))
    return out


def check_fix(text: str, start: int, end: int, replacement: str) -> Verdict:
    original_text = text[start:end]
    new = text[:start] + replacement + text[end:]
    sent, off = _sentence(new, start, start + len(replacement))
    r0, r1 = start - off, start - off + len(replacement)
    toks = [t for t in _tokens(sent) if not t.is_space]
    inside = [i for i, t in enumerate(toks) if t.idx < r1 and r0 < t.idx + len(t.text)]
    if not inside:
        return Verdict(True, "punctuation only")
    first, last = inside[0], inside[-1]
    words = {i: _parses(toks[i].text) for i in range(len(toks)) if toks[i].is_alpha}

    # 1. known words (a word the replaced text had, «подтоплений», is the writer's, not the fix's)
    kept = {w.strip(",.«»").lower() for w in original_text.split()}
    for i in inside:
        t = toks[i]
        if t.is_alpha and t.text.lower() not in kept and not _morph().word_is_known(t.text.lower()):
            return Verdict(False, f"unknown word {t.text!r}")

    # 2. modifier–noun agreement, where a replaced word is the modifier or the noun
    fixed = _fixed_expression_tokens(toks)
    for i in range(max(0, first - 2), min(len(toks), last + 3)):
        if i not in words or i in fixed or not any(_is_mod(p) for p in words[i]):
            continue
        j = i + 1
        while j < len(toks) and j in words and (
            (any(_is_mod(p) for p in words[j]) and not any(p.tag.POS == "NOUN" for p in words[j]))
            or words[j][0].tag.POS == "ADVB"
        ):
            j += 1  # other modifiers and adverbs may stand between («указанному ниже телефону»)
        if j >= len(toks) or j not in words or not any(p.tag.POS == "NOUN" for p in words[j]):
            continue
        if len(toks[j].text) > 1 and toks[j].text.isupper():
            continue  # an abbreviation («ОСИ») does not inflect: its reading as a word («ось») tells no gender
        if not any(first <= k <= last and toks[k].text.lower() not in kept for k in (i, j)):
            continue  # neither word is the fix's: a pair the writer's text already had
        if not any(_agree(m, n) for m in words[i] if _is_mod(m) for n in words[j] if n.tag.POS == "NOUN"):
            return Verdict(False, f"{toks[i].text!r} does not agree with {toks[j].text!r}")

    # 3. preposition government
    for i in range(max(0, first - 1), last + 1):
        prep = toks[i].text.lower()
        if prep not in _PREP_CASES or i + 1 >= len(toks):
            continue
        j = i + 1
        if j not in words or not (first <= i <= last or first <= j <= last):
            continue
        nominal = [p for p in words[j] if p.tag.POS in ("NOUN", "NPRO", "ADJF", "PRTF", "NUMR")]
        if nominal and not any(_case(p) in _PREP_CASES[prep] for p in nominal):
            return Verdict(False, f"«{toks[i].text} {toks[j].text}»: wrong case after the preposition")

    # 4. subject–verb agreement for a finite verb that replaced a finite verb
    old = [p for w in original_text.split() for p in _parses(w.strip(",.«»")) if _finite(p)]
    for i in inside:
        if i not in words or not old:
            continue
        verbs = [p for p in words[i] if _finite(p) and "impr" not in p.tag]
        if not verbs or any("impr" in p.tag for p in words[i][:1]):
            continue
        a = i
        while a > 0 and toks[a - 1].text.lower() not in _CLAUSE_BREAK:
            a -= 1
        b = i
        while b + 1 < len(toks) and toks[b + 1].text.lower() not in _CLAUSE_BREAK:
            b += 1
        subjects = []
        for k in range(a, b + 1):
            if k == i or k not in words or (k > 0 and toks[k - 1].text.lower() in _PREP_CASES):
                continue
            if first <= k <= last and k != i:
                continue
            subjects += [p for p in words[k] if p.tag.POS in ("NOUN", "NPRO") and _a(p.tag.case) == "nomn"]
        personal = [v for v in verbs if _a(v.tag.person) in ("1per", "2per")]
        if personal:
            pronouns = [s for s in subjects if s.tag.POS == "NPRO" and _a(s.tag.person) in ("1per", "2per")]
            if pronouns and not any(_subject_agrees(v, s) for v in personal for s in pronouns):
                return Verdict(False, f"{toks[i].text!r} does not agree with its pronoun")
            continue  # Russian drops «мы», «вы»: nothing else to agree with
        if subjects:
            if not any(_subject_agrees(v, s) for v in verbs for s in subjects):
                return Verdict(False, f"{toks[i].text!r} does not agree with its subject")
        else:
            if not any(
                _a(v.tag.number) == _a(o.tag.number) and _a(v.tag.person) == _a(o.tag.person) and (_a(v.tag.gender) == _a(o.tag.gender) or _a(v.tag.number) != "sing")
                for v in verbs for o in old
            ):
                return Verdict(False, f"{toks[i].text!r} changes the person or number of {original_text!r}")

    # 6. a verb keeps the form of the verb it replaced: finite, infinitive, participle, gerund
    old_words = [w.strip(",.«»") for w in original_text.split() if w.strip(",.«»")]
    old_forms = {_form(p) for w in old_words[:2] for p in _parses(w)[:1] if _form(p)}
    new_forms = {_form(words[i][0]) for i in inside[:2] if i in words and _form(words[i][0])}
    if old_forms and new_forms and not (new_forms & old_forms) and not (old_forms == {"predicate"} and new_forms == {"predicate", "infinitive"}):
        return Verdict(False, f"a {'/'.join(sorted(new_forms))} where the text had a {'/'.join(sorted(old_forms))}")

    # 5. a participle after a comma agrees with the noun before it
    i = first
    if i >= 2 and toks[i - 1].text == "," and i in words and (i - 2) in words:
        parts = [p for p in words[i] if p.tag.POS == "PRTF"]
        nouns = [p for p in words[i - 2] if p.tag.POS == "NOUN"]
        if parts and nouns and not any(_agree(m, n) for m in parts for n in nouns):
            return Verdict(False, f"{toks[i].text!r} does not agree with {toks[i - 2].text!r}")
    return Verdict(True)
