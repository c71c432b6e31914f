"""What makes a sentence hard, counted once per sentence from the annotation we already have.

No parser: clauses are counted by their predicates (finite verbs, short participles and
predicative words in Russian; finite verb forms, the conditional and modal predicates in
Kazakh) and by the words that open a clause (subordinating conjunctions, relative
pronouns); participial and adverbial-participle phrases by their participles and converbs;
genitive chains by runs of genitive nouns. Split points are commas and semicolons between
two parts that each have a predicate.

The facts of a paragraph are computed on first use and kept on the ``Doc``
(``doc.user_data``), so every complexity rule shares one pass over the tokens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from anyq.nlp.strings import token_strings
from anyq.nlp.words import WORD, word_flags
from anyq.readability.syllables import count as syllables


# --- Russian -------------------------------------------------------------------------------
# Predicates by OpenCorpora part of speech: finite verb, short participle («выделены»),
# predicative («нужно», «можно», «необходимо»), short adjective («должен», «обязан»).
_RU_PREDICATE = {"VERB", "PRTS", "PRED", "ADJS"}
_RU_AUX = {"быть", "стать", "являться"}
# Words that open a subordinate clause.
RU_SUBORDINATORS = {
    "что", "чтобы", "если", "когда", "поскольку", "хотя", "ибо", "пока", "будто", "словно",
    "где", "куда", "откуда", "который", "чей", "кто", "зачем", "почему", "как",
}
# Two-word subordinators, counted once («так как», «потому что»).
_RU_PAIRS = {("так", "как"), ("потому", "что"), ("в", "связи"), ("для", "того"), ("несмотря", "на")}
# A conjunction after a comma that can start a new sentence, and what the new sentence
# starts with (None: the conjunction goes; a word: it replaces the conjunction).
RU_SPLIT_WORDS: dict[str, str | None] = {
    "а": None, "и": None, "но": "Но", "однако": "Однако", "поэтому": "Поэтому",
    "поскольку": None, "так": None, "который": None, "которая": None, "которое": None,
    "которые": None, "которого": None, "которой": None, "которых": None, "которым": None,
    "которому": None, "которую": None, "которыми": None, "котором": None,
}

# --- Kazakh --------------------------------------------------------------------------------
# Finite verb endings (stem_kk tags): past, present/future person, conditional, imperative,
# progressive, evidential, intention.
_KK_FINITE = {
    "past", "3", "1sg", "1pl", "2pol", "2polpl", "2sg", "2pl", "cond", "imp2pol", "imp2polpl",
    "imp3", "opt1sg", "opt1pl", "prog", "evid", "intent",
}
# Modal and existential predicates that carry a clause without a verb.
_KK_PREDICATE_WORDS = {"керек", "тиіс", "қажет", "мүмкін", "жоқ", "бар", "міндетті"}
# Postpositions and adverbs the stemmer can read as verb forms («байланысты» = байланыс+ты).
_KK_NOT_PREDICATE = {
    "байланысты", "сәйкес", "қарай", "қарамастан", "бойынша", "қатысты", "дейін", "кейін",
    "бері", "арқылы", "туралы", "жөнінде", "сайын", "бірге", "қарағанда", "орай",
}
KK_SUBORDINATORS = {"себебі", "өйткені", "егер", "сондықтан", "яғни", "алайда", "бірақ", "ал", "сонда"}
KK_SPLIT_WORDS: dict[str, str | None] = {
    "ал": None, "және": None, "себебі": "Себебі", "өйткені": "Өйткені", "сондықтан": "Сондықтан",
    "бірақ": "Бірақ", "алайда": "Алайда", "сондай-ақ": "Сондай-ақ",
}
_KK_PARTICIPLE = {"ptcp.past", "ptcp.hab", "ptcp.fut", "ptcp.neg"}
_KK_CONVERB = {"conv.p", "neg.conv", "conv.since", "conv.until"}

_OPEN = {"(": ")", "[": "]", "«": "»", "„": "“"}
_CLOSE = {v: k for k, v in _OPEN.items()}


@dataclass(slots=True)
class Split:
    """Where a sentence can be cut: the token that ends the first part (a comma or
    semicolon), the word that opens the second part, and what the second part starts
    with (``None``: drop the conjunction; ``""``: keep the words as they are)."""

    punct: int
    first: int
    lead: str | None
    kind: str


@dataclass(slots=True)
class SentenceFacts:
    start: int  # token indices in the paragraph's Doc, [start, end)
    end: int
    words: int = 0
    long_words: int = 0
    long_examples: list[str] = field(default_factory=list)
    predicates: int = 0
    subordinators: int = 0
    participles: list[int] = field(default_factory=list)  # token indices
    genitive_chain: tuple[int, int, int] | None = None  # (nouns, first token, end token)
    nesting: int = 0
    nesting_at: int = -1
    enumeration: int = 0
    enumeration_span: tuple[int, int] | None = None
    splits: list[Split] = field(default_factory=list)

    @property
    def clauses(self) -> int:
        return max(self.predicates, 1 + self.subordinators) if self.words else 0


# Long word: syllables at or above this («обеспечения» 5, «өтінішіңізді» 6).
LONG_WORD_SYLLABLES = {"ru": 5, "kk": 6}


class _Tok:
    """The few token attributes the counting reads, read once (spaCy's ``token._`` and
    string attributes are slow to read again and again)."""

    __slots__ = ("i", "text", "lower_", "pos_", "lemma_", "is_punct", "oc", "tags")

    def __init__(self, i: int, text: str, lower: str, pos: str, lemma: str, is_punct: bool, tag: str, lang: str) -> None:
        self.i = i
        self.text = text
        self.lower_ = lower
        self.pos_ = pos
        self.lemma_ = lemma
        self.is_punct = is_punct
        # tag: ru the OpenCorpora tag; kk the suffix tags "pl|poss3|dat"
        self.oc, self.tags = _tag_parts(tag, lang)


@lru_cache(maxsize=20_000)
def _tag_parts(tag: str, lang: str) -> tuple[str, tuple[str, ...]]:
    """(OpenCorpora part of speech, kk suffix tags) of a tag string; a few hundred distinct
    tags cover every token, so they are split once."""
    if lang == "ru":
        return (tag.split(",", 1)[0].split(" ", 1)[0] if tag else ""), ()
    return "", (tuple(tag.split("|")) if tag else ())


def sentence_facts(doc: Doc, lang: str) -> list[SentenceFacts]:
    cached = doc.user_data.get(("anyq", "sentences"))
    if cached is None:
        toks = _doc_toks(doc, lang)
        is_word = word_flags(doc)
        cached = [_facts(start, end, lang, toks, is_word) for start, end in _sentence_bounds(doc)]
        doc.user_data[("anyq", "sentences")] = cached
    return cached


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """``(sent.start, sent.end)`` of each of ``doc.sents``, read from the sentence starts
    without building a ``Span`` per sentence (as spaCy does: a sentence begins at token 0
    and at every later token marked as a start)."""
    starts = token_strings(doc).sent_start
    cuts = [0] + [i for i in range(1, len(starts)) if starts[i]]
    return list(zip(cuts, cuts[1:] + [len(starts)])) if starts else []


def _doc_toks(doc: Doc, lang: str) -> list[_Tok | None]:
    """Every token of the doc read once, from the doc's arrays (no spaCy Token objects);
    None for whitespace tokens."""
    ts = token_strings(doc)
    return [
        None if space else _Tok(i, text, low, pos, lemma, bool(punct), tag, lang)
        for i, (text, low, pos, lemma, tag, punct, space) in enumerate(zip(ts.text, ts.lower, ts.pos, ts.lemma, ts.tag, ts.punct, ts.space))
    ]


def _facts(start: int, end: int, lang: str, all_toks: list[_Tok | None], is_word: list[bool]) -> SentenceFacts:
    f = SentenceFacts(start, end)
    toks = [t for t in all_toks[start:end] if t is not None]
    long_min = LONG_WORD_SYLLABLES.get(lang, 5)
    for t in toks:
        if is_word[t.i]:
            f.words += 1
            if syllables(t.text, lang) >= long_min:
                f.long_words += 1
                if len(f.long_examples) < 3:
                    f.long_examples.append(t.text)
    if not f.words:
        return f
    if lang == "ru":
        _ru_structure(toks, f)
    elif lang == "kk":
        _kk_structure(toks, f)
    _nesting(toks, f)
    _enumeration(toks, f, lang)
    return f


# --- Russian ---------------------------------------------------------------------------------
def _oc_pos(t: _Tok) -> str:
    return t.oc


def _ru_is_predicate(toks: list[_Tok], i: int) -> bool:
    t = toks[i]
    pos = _oc_pos(t)
    if pos not in _RU_PREDICATE:
        return False
    if pos == "VERB" and t.lemma_ in _RU_AUX:
        # «будут спилены», «было нужно», «будет рассмотрено»: the auxiliary and its
        # participle or predicative are one predicate
        for u in toks[i + 1 : i + 4]:
            if u.is_punct:
                break
            if _oc_pos(u) in ("PRTS", "ADJS", "PRED", "INFN"):
                return False
    return True


def _ru_structure(toks: list[_Tok], f: SentenceFacts) -> None:
    preds: list[int] = []  # positions in toks
    for i, t in enumerate(toks):
        low = t.lower_
        pos = _oc_pos(t)
        if _ru_is_predicate(toks, i):
            preds.append(i)
        elif pos in ("PRTF", "GRND"):
            f.participles.append(t.i)
        lemma = t.lemma_
        prev = toks[i - 1].lower_ if i else ""
        if (prev, low) in _RU_PAIRS:
            f.subordinators += 1
        elif lemma in RU_SUBORDINATORS and (low, toks[i + 1].lower_ if i + 1 < len(toks) else "") not in _RU_PAIRS:
            # a subordinator counts when it opens a clause: after a comma or at the start
            j = i - 1
            while j >= 0 and toks[j].pos_ == "ADP":
                j -= 1  # «, на которые», «, в котором»
            if j < 0 or toks[j].text in (",", ";", ":", "—", "–", "("):
                if low not in ("как", "что") or j >= 0:
                    f.subordinators += 1
    f.predicates = len(preds)
    _ru_adjectival_participles(toks, f)
    _splits(toks, f, preds, RU_SPLIT_WORDS, "ru")


def _ru_adjectival_participles(toks: list[_Tok], f: SentenceFacts) -> None:
    """A full participle alone before its noun («поступившее заявление») is an attribute,
    not a phrase; it counts as a participial phrase when it has words of its own
    («поступившее в акимат заявление», «заявление, поступившее в акимат»)."""
    by_index = {t.i: k for k, t in enumerate(toks)}
    kept: list[int] = []
    for ti in f.participles:
        k = by_index[ti]
        t = toks[k]
        if _oc_pos(t) == "GRND":
            kept.append(ti)
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        prv = toks[k - 1] if k else None
        after_comma = prv is not None and prv.text == ","
        if after_comma or (nxt is not None and nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "PUNCT")):
            kept.append(ti)
    f.participles = kept


# --- Kazakh ----------------------------------------------------------------------------------
def _kk_tags(t: _Tok) -> tuple[str, ...]:
    return t.tags


def _kk_clause_ends(toks: list[_Tok], i: int) -> bool:
    """After a participle: the end of the sentence, or a comma and a conjunction that opens
    the next clause («…ұсынылмаған, сондықтан…»). A participle before a plain comma is one of
    several attributes («Сіз жолдаған, әкімдікке түскен өтініш»)."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or nxt.text in (".", "!", "?", ";", "…"):
        return True
    after = toks[i + 2].lower_ if i + 2 < len(toks) else ""
    return nxt.text == "," and (after in KK_SUBORDINATORS or after in KK_SPLIT_WORDS)


def _kk_structure(toks: list[_Tok], f: SentenceFacts) -> None:
    preds: list[int] = []
    gen_run: list[int] = []
    best: tuple[int, int, int] | None = None
    gap = 0
    for i, t in enumerate(toks):
        low = t.lower_
        tags = _kk_tags(t)
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if low in _KK_PREDICATE_WORDS and (nxt is None or nxt.is_punct):
            preds.append(i)
        elif t.pos_ == "VERB" and low not in _KK_NOT_PREDICATE and tags:
            last = tags[-1]
            if last in _KK_FINITE or (last in _KK_PARTICIPLE and _kk_clause_ends(toks, i)):
                preds.append(i)  # «ұсынылмаған.»: a participle ending a clause is its predicate
            elif last in _KK_CONVERB or any(x in _KK_PARTICIPLE for x in tags):
                # «-ған/-атын» before a noun or with a case of its own («бермегеніңіз»,
                # «болмағандықтан»), and «-ып» converbs: each a clause folded into a word
                f.participles.append(t.i)
        if low in KK_SUBORDINATORS and i > 0 and toks[i - 1].text in (",", ";"):
            f.subordinators += 1
        # stacked ілік септік: «бөлімінің бастығының орынбасарының»
        if "gen" in tags:
            gen_run.append(t.i)
            gap = 0
        elif gen_run and gap == 0 and not t.is_punct and "gen" not in tags and i + 1 < len(toks) and "gen" in _kk_tags(toks[i + 1]):
            gap = 1  # one attribute between two genitives: «қосудың техникалық мүмкіндігінің»
        else:
            if gen_run:
                # the chain ends with its head noun (possessive) if there is one
                end = t.i + 1 if "poss3" in tags or any(x.startswith("poss") for x in tags) else gen_run[-1] + 1
                n = len(gen_run) + (1 if end > gen_run[-1] + 1 else 0)
                if best is None or n > best[0]:
                    best = (n, gen_run[0], end)
            gen_run, gap = [], 0
    if gen_run:
        n = len(gen_run)
        if best is None or n > best[0]:
            best = (n, gen_run[0], gen_run[-1] + 1)
    f.genitive_chain = best
    f.predicates = len(preds)
    # converbs directly before a finite verb are part of it («қарап шықты», «жазып берді»)
    pred_idx = {toks[i].i for i in preds}
    f.participles = [p for p in f.participles if p + 1 not in pred_idx]
    _splits(toks, f, preds, KK_SPLIT_WORDS, "kk")


# --- both ------------------------------------------------------------------------------------
def _splits(toks: list[_Tok], f: SentenceFacts, preds: list[int], words: dict[str, str | None], lang: str) -> None:
    """Commas and semicolons with a predicate on each side; in Kazakh also «және» between
    two clauses. Relative clauses («, который …») split too (the relative word must become
    a pronoun, so no rewrite is offered)."""
    if len(preds) < 2 and not any(t.text == ";" for t in toks):
        return
    depth = 0
    for k, t in enumerate(toks):
        if t.text in _OPEN:
            depth += 1
        elif t.text in _CLOSE:
            depth = max(0, depth - 1)
        if depth or k == 0 or k + 1 >= len(toks) - 1:
            continue
        nxt = toks[k + 1]
        is_comma = t.text in (",", ";")
        is_kk_and = lang == "kk" and t.lower_ == "және"
        if not (is_comma or is_kk_and):
            continue
        before = any(p < k for p in preds)
        # the next predicate after the cut, and no other cut before it
        after = next((p for p in preds if p > k), None)
        if not before or after is None:
            continue
        if is_kk_and:
            # «және» joins clauses only if a predicate ends the part before it
            prev_pred = max(p for p in preds if p < k)
            if any(u.text in (",", ";") for u in toks[prev_pred + 1 : k]) or prev_pred != k - 1:
                continue
            f.splits.append(Split(t.i, nxt.i, None, "және"))
            continue
        low = nxt.lower_
        if t.text == ";":
            f.splits.append(Split(t.i, nxt.i, "", ";"))
        elif low in words:
            lead = words[low]
            if lang == "ru" and low == "так":
                if k + 2 < len(toks) and toks[k + 2].lower_ == "как":
                    f.splits.append(Split(t.i, nxt.i, None, "так как"))
                continue
            if low.startswith("котор"):
                f.splits.append(Split(t.i, nxt.i, None, "который"))
                continue
            f.splits.append(Split(t.i, nxt.i, lead, low))
        elif lang == "ru" and low not in RU_SUBORDINATORS and _ru_clause_follows(toks, k + 1, after):
            f.splits.append(Split(t.i, nxt.i, "", ","))  # «…, работы начнутся в июне»
        elif lang == "kk" and low not in KK_SUBORDINATORS and _clause_follows(toks, k + 1, after):
            f.splits.append(Split(t.i, nxt.i, "", ","))


def _ru_clause_follows(toks: list[_Tok], k: int, pred: int) -> bool:
    """An independent clause starts at ``k``: its predicate comes before the next comma, and
    the part before the comma ended with a predicate of its own clause."""
    if _oc_pos(toks[k]) in ("GRND", "PRTF") or toks[k].lower_ in RU_SUBORDINATORS:
        return False
    return _clause_follows(toks, k, pred)


def _clause_follows(toks: list[_Tok], k: int, pred: int) -> bool:
    return not any(u.text in (",", ";", "(", "—") for u in toks[k:pred])


def _nesting(toks: list[_Tok], f: SentenceFacts) -> None:
    """Depth of brackets and quotes. «ТОО «Құрылыс Сервис»» (quotes in quotes) is ordinary
    typography, so quotes count only inside brackets and brackets only inside brackets."""
    stack: list[str] = []
    for t in toks:
        ch = t.text
        if ch in _OPEN:
            stack.append(ch)
            parens = sum(1 for s in stack if s in "([")
            depth = parens + (1 if parens and ch in "«„" else 0)
            if depth > f.nesting:
                f.nesting, f.nesting_at = depth, t.i
        elif ch in _CLOSE and stack:
            # pop to the matching opener (unbalanced text must not keep the depth growing)
            while stack and stack.pop() != _CLOSE[ch]:
                pass


def _enumeration(toks: list[_Tok], f: SentenceFacts, lang: str, preds: set[int] | None = None) -> None:
    """The longest run of short comma-separated items: «паспорт, справку о доходах, выписку из
    банка, копию договора и квитанцию». An item has at most 5 words; the last one may hold
    «и»/«және» joining two more."""
    and_words = _AND[lang] if lang in _AND else set()
    segments: list[tuple[int, int, int, int]] = []  # (first token, last token, words, ands)
    depth = 0
    start, words, ands = toks[0].i, 0, 0
    for t in toks:
        if t.text in _OPEN:
            depth += 1
        elif t.text in _CLOSE:
            depth = max(0, depth - 1)
        if depth == 0 and t.text in (",", ";"):
            segments.append((start, t.i, words, ands))
            start, words, ands = t.i + 1, 0, 0
        elif WORD.fullmatch(t.text):
            words += 1
            ands += t.lower_ in and_words
    segments.append((start, toks[-1].i, words, ands))
    best = (0, 0, 0)
    run, first = 0, 0
    for k, (a, b, n, nand) in enumerate(segments):
        short = 0 < n <= 5 * (1 + nand)
        if run and short:
            run += 1 + nand
        else:
            # a longer part («Представьте паспорт») can end with the first item
            run, first = (1 + nand if short else 1), k
        if run > best[0]:
            best = (run, first, k)
    if best[0] >= 3:
        f.enumeration = best[0]
        f.enumeration_span = (segments[best[1]][0], segments[best[2]][1])


_AND = {"ru": {"и", "или"}, "kk": {"және", "немесе", "мен", "бен", "пен"}}
