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
from itertools import compress

from spacy.tokens import Doc

from anyq.nlp.strings import token_strings
from anyq.nlp.words import WORD, word_flags
from anyq.readability.syllables import count_kk, count_ru
from anyq.resources import rules_toml


# --- Russian -------------------------------------------------------------------------------
# Predicates by OpenCorpora part of speech: finite verb, short participle («выделены»),
# predicative («нужно», «можно», «необходимо»), short adjective («должен», «обязан»).
_RU_PREDICATE = {"VERB", "PRTS", "PRED", "ADJS"}
_RU_AUX = {"быть", "стать", "являться"}
# the word lists below are data (rules/data/ru_grammar.toml)
_RU_GRAMMAR = rules_toml("ru_grammar.toml")
# Words that open a subordinate clause.
RU_SUBORDINATORS = frozenset(_RU_GRAMMAR["subordinators"])
# Two-word subordinators, counted once («так как», «потому что»).
_RU_PAIRS = {("так", "как"), ("потому", "что"), ("в", "связи"), ("для", "того"), ("несмотря", "на")}
_RU_PAIR_SECOND = {b for _, b in _RU_PAIRS}
# the pairs that open a clause themselves; «в связи с …», «несмотря на …» open one only with
# «…, что», which counts on its own
_RU_PAIRS_OPENING = {("так", "как"), ("потому", "что"), ("для", "того")}
_RU_PARTICIPLE = {"PRTF", "GRND"}
# A conjunction after a comma that can start a new sentence, and what the new sentence
# starts with (None: the conjunction goes; a word: it replaces the conjunction).
RU_SPLIT_WORDS: dict[str, str | None] = {w: None for w in _RU_GRAMMAR["split_words_dropped"]} | {
    w: w[0].upper() + w[1:] for w in _RU_GRAMMAR["split_words_opening"]
}

# Names of state bodies and posts, and places (rules/data/ru_grammar.toml): see ru_chain_nouns.
RU_NAME_HEADS = frozenset(_RU_GRAMMAR["name_heads"])
RU_NAME_PLACES = frozenset(_RU_GRAMMAR["name_places"])


def ru_chain_nouns(head: str, nouns: list[str]) -> int:
    """How many nouns of a run of genitives (``nouns``: their lemmas, in order; ``head``: the
    lemma of the word before the run) make a chain of officialese. None when the run is the
    name of a body or a post: its head is one («Управление здравоохранения города», «Департамент
    полиции») or its first noun («Министерства труда…», «заместителя начальника отдела»); a name
    further on is one noun («проверки Управления здравоохранения»: 2). The genitive-chain rules
    (C103, J353) share this test; a place («города», «Республики») ends a run without counting
    (``RU_NAME_PLACES``)."""
    if head in RU_NAME_HEADS:
        return 0
    for k, lemma in enumerate(nouns):
        if lemma in RU_NAME_HEADS:
            return 0 if k == 0 else k + 1
    return len(nouns)


# --- Kazakh --------------------------------------------------------------------------------
# Finite verb endings (stem_kk tags): past, present/future person, conditional, imperative,
# progressive, evidential, intention.
_KK_FINITE = {
    "past", "3", "1sg", "1pl", "2pol", "2polpl", "2sg", "2pl", "cond", "imp2pol", "imp2polpl",
    "imp3", "opt1sg", "opt1pl", "prog", "evid", "intent",
}
_KK_WORDS = rules_toml("kk_grammar.toml")["words"]
# Modal and existential predicates that carry a clause without a verb.
_KK_PREDICATE_WORDS = frozenset(_KK_WORDS["predicate_words"])
# Postpositions the stemmer can read as verb forms («байланысты» = байланыс+ты); «арналған»
# stays a participle here.
_KK_NOT_PREDICATE = frozenset(rules_toml("kk_grammar.toml")["postpositions"]).difference(
    rules_toml("kk_grammar.toml")["words"]["participle_postpositions"]
)
KK_SUBORDINATORS = frozenset(_KK_WORDS["subordinators"])
# «жоғары тұрған»: the word before and the participle, a fixed term
_KK_FIXED_PARTICIPLES = frozenset(tuple(p.split()) for p in _KK_WORDS["fixed_participles"])
# a split word and how the new sentence starts with it (None: the word is dropped)
KK_SPLIT_WORDS: dict[str, str | None] = {w: None for w in _KK_WORDS["split_words_dropped"]} | {
    w: w[0].upper() + w[1:] for w in _KK_WORDS["split_words_opening"]
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
    # what ``_splits`` needs, kept until ``splits`` is first read: only a sentence a rule
    # finds too long or with too many clauses is offered a split, and most have none
    split_args: tuple | None = field(default=None, init=False, repr=False, compare=False)
    _split_list: list[Split] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def clauses(self) -> int:
        return max(self.predicates, 1 + self.subordinators) if self.words else 0

    @property
    def splits(self) -> list[Split]:
        """Where the sentence can be cut (see ``_splits``), worked out on first use."""
        if self._split_list is None:
            self._split_list = _splits(*self.split_args) if self.split_args is not None else []
            self.split_args = None
        return self._split_list


# Long word: syllables at or above this («обеспечения» 5, «өтінішіңізді» 6).
LONG_WORD_SYLLABLES = {"ru": 5, "kk": 6}


class _Cached(dict):
    """A per-string cache (token texts, tags): a few thousand distinct strings cover every
    token, so each is worked out once. Cleared if a huge batch outgrows it."""

    __slots__ = ("build",)

    def __init__(self, build) -> None:
        super().__init__()
        self.build = build

    def __missing__(self, key: str):
        if len(self) >= 100_000:
            self.clear()
        value = self[key] = self.build(key)
        return value


# tag → OpenCorpora part of speech (ru: the OpenCorpora tag) or suffix tags (kk: "pl|poss3|dat")
_RU_OC = _Cached(lambda tag: tag.split(",", 1)[0].split(" ", 1)[0] if tag else "")
# tag → its part of speech is a predicate's, a participle's (ru; one cached lookup per token)
_RU_IS_PREDICATE = _Cached(lambda tag: _RU_OC[tag] in _RU_PREDICATE)
_RU_IS_PARTICIPLE = _Cached(lambda tag: _RU_OC[tag] in _RU_PARTICIPLE)
_KK_TAGS = _Cached(lambda tag: tuple(tag.split("|")) if tag else ())
_KK_POSS = _Cached(lambda tag: any(x.startswith("poss") for x in _KK_TAGS[tag]))
_IS_WORD = _Cached(lambda text: WORD.fullmatch(text) is not None)
# word → is a long word (``LONG_WORD_SYLLABLES``); other languages count as Russian
_IS_LONG = {
    "ru": _Cached(lambda w: count_ru(w) >= LONG_WORD_SYLLABLES["ru"]),
    "kk": _Cached(lambda w: count_kk(w) >= LONG_WORD_SYLLABLES["kk"]),
}


class _Sent:
    """The non-space tokens of one sentence as parallel lists (position k in the sentence);
    ``i[k]`` is the token's index in the doc. Plain lists: a Python object per token costs
    more than the counting. ``para`` is the set of the paragraph's lower-case tokens (see
    ``sentence_facts``)."""

    __slots__ = ("i", "text", "lower", "pos", "lemma", "punct", "tag", "para")

    def __init__(self, ts, start: int, end: int, spaced: bool, para: set[str]) -> None:
        self.para = para
        if spaced and any(ts.space[start:end]):
            keep = [i for i in range(start, end) if not ts.space[i]]
            self.i = keep
            self.text = [ts.text[i] for i in keep]
            self.lower = [ts.lower[i] for i in keep]
            self.pos = [ts.pos[i] for i in keep]
            self.lemma = [ts.lemma[i] for i in keep]
            self.punct = [ts.punct[i] for i in keep]
            self.tag = [ts.tag[i] for i in keep]
        elif start == 0 and end == len(ts.text):
            # the paragraph is one sentence (most are): its columns as they are, unsliced
            # (nothing here changes them)
            self.i = range(start, end)
            self.text, self.lower, self.pos, self.lemma, self.punct, self.tag = ts.text, ts.lower, ts.pos, ts.lemma, ts.punct, ts.tag
        else:
            self.i = range(start, end)
            self.text = ts.text[start:end]
            self.lower = ts.lower[start:end]
            self.pos = ts.pos[start:end]
            self.lemma = ts.lemma[start:end]
            self.punct = ts.punct[start:end]
            self.tag = ts.tag[start:end]


def sentence_facts(doc: Doc, lang: str) -> list[SentenceFacts]:
    cached = doc.user_data.get(("anyq", "sentences"))
    if cached is None:
        ts = token_strings(doc)
        is_word = word_flags(doc)
        spaced = any(ts.space)  # most paragraphs have no whitespace token at all
        # The paragraph's distinct lower-case tokens, one pass: a mark or word missing from the
        # paragraph is missing from each of its sentences, so the set tests of every sentence
        # (brackets, conjunctions, semicolons) are first asked of this small set; most
        # paragraphs are one sentence and have few of them. Brackets and marks are caseless:
        # a token whose text is one has it as its lower case too.
        para = set(ts.lower)
        # an enumeration needs 2 separators or «и» in its sentence (see _enumeration): fewer
        # in the whole paragraph (brackets not excluded) leave every sentence without one
        marks = _ENUM_MARKS.get(lang, _SEPARATOR).intersection(para)
        enum = bool(marks) and (len(marks) > 1 or ts.lower.count(*marks) > 1)
        cached = [_facts(start, end, lang, ts, is_word, spaced, para, enum) for start, end in ts.sentence_bounds()]
        doc.user_data[("anyq", "sentences")] = cached
    return cached


def _facts(
    start: int, end: int, lang: str, ts, is_word: list[bool], spaced: bool, para: set[str], enum: bool
) -> SentenceFacts:
    f = SentenceFacts(start, end)
    # whitespace tokens are never words
    if start == 0 and end == len(ts.text):
        words = list(compress(ts.text, is_word))  # one sentence: no slices (see _Sent)
    else:
        words = list(compress(ts.text[start:end], is_word[start:end]))
    f.words = len(words)
    if not words:
        return f
    long_words = list(compress(words, map(_IS_LONG.get(lang, _IS_LONG["ru"]).__getitem__, words)))
    f.long_words = len(long_words)
    f.long_examples = long_words[:3]
    s = _Sent(ts, start, end, spaced, para)
    if lang == "ru":
        _ru_structure(s, f)
    elif lang == "kk":
        _kk_structure(s, f)
    if not _PARENS.isdisjoint(para) and not _PARENS.isdisjoint(s.text):
        _nesting(s, f)  # without a bracket the depth stays 0 (see _nesting)
    if enum:
        _enumeration(s, f, lang)
    return f


# --- Russian ---------------------------------------------------------------------------------
def _ru_is_predicate(s: _Sent, k: int) -> bool:
    pos = _RU_OC[s.tag[k]]
    if pos not in _RU_PREDICATE:
        return False
    if pos == "VERB" and s.lemma[k] in _RU_AUX:
        # «будут спилены», «было нужно», «будет рассмотрено»: the auxiliary and its
        # participle or predicative are one predicate
        for u in range(k + 1, min(k + 4, len(s.tag))):
            if s.punct[u]:
                break
            if _RU_OC[s.tag[u]] in ("PRTS", "ADJS", "PRED", "INFN"):
                return False
    return True


def _ru_structure(s: _Sent, f: SentenceFacts) -> None:
    text, lower, tag, lemma, pos = s.text, s.lower, s.tag, s.lemma, s.pos
    n = len(text)
    positions = range(n)
    # each count visits only the tokens that can change it (C-level filters, not a Python
    # test per token); positions in the sentence, in order
    preds = [
        k for k in compress(positions, map(_RU_IS_PREDICATE.__getitem__, tag))
        if _RU_OC[tag[k]] != "VERB" or lemma[k] not in _RU_AUX or _ru_is_predicate(s, k)
    ]
    # the rarer words first asked of the whole sentence at once (a set test per token in C)
    # a participle's tag starts with its part of speech: a substring test of all the tags
    # at once, then the exact test of each
    tags = "|".join(tag)
    if "PRTF" in tags or "GRND" in tags:
        f.participles = [s.i[k] for k in compress(positions, map(_RU_IS_PARTICIPLE.__getitem__, tag))]
    opening: set[int] = set()
    if not _RU_PAIR_SECOND.isdisjoint(s.para) and not _RU_PAIR_SECOND.isdisjoint(lower):
        opening.update(compress(positions, map(_RU_PAIR_SECOND.__contains__, lower)))
    if not RU_SUBORDINATORS.isdisjoint(lemma):
        opening.update(compress(positions, map(RU_SUBORDINATORS.__contains__, lemma)))
    opens: list[int] = []  # where the counted subordinate clauses start (for _splits)
    for k in opening:
        low = lower[k]
        prev = lower[k - 1] if k else ""
        if (prev, low) in _RU_PAIRS:
            f.subordinators += 1
            if (prev, low) in _RU_PAIRS_OPENING:
                opens.append(k - 1)
        elif lemma[k] in RU_SUBORDINATORS and (low, lower[k + 1] if k + 1 < n else "") not in _RU_PAIRS:
            # a subordinator counts when it opens a clause: after a comma or at the start
            j = k - 1
            while j >= 0 and pos[j] == "ADP":
                j -= 1  # «, на которые», «, в котором»
            if j < 0 or text[j] in (",", ";", ":", "—", "–", "("):
                if low not in ("как", "что") or j >= 0:
                    f.subordinators += 1
                    opens.append(j + 1)
    f.predicates = len(preds)
    if f.participles:
        _ru_adjectival_participles(s, f)
    if len(preds) >= 2 or (";" in s.para and ";" in text):
        f.split_args = (s, preds, RU_SPLIT_WORDS, "ru", opens)  # see SentenceFacts.splits


def _ru_adjectival_participles(s: _Sent, f: SentenceFacts) -> None:
    """A full participle alone before its noun («поступившее заявление») is an attribute,
    not a phrase; it counts as a participial phrase when it has words of its own
    («поступившее в акимат заявление», «заявление, поступившее в акимат»)."""
    kept: list[int] = []
    n = len(s.text)
    for ti in f.participles:
        k = s.i.index(ti)
        if _RU_OC[s.tag[k]] == "GRND":
            kept.append(ti)
            continue
        after_comma = k > 0 and s.text[k - 1] == ","
        if after_comma or (k + 1 < n and s.pos[k + 1] not in ("NOUN", "PROPN", "ADJ", "PUNCT")):
            kept.append(ti)
    f.participles = kept


# --- Kazakh ----------------------------------------------------------------------------------
def _kk_clause_ends(s: _Sent, k: int) -> bool:
    """After a participle: the end of the sentence, or a comma and a conjunction that opens
    the next clause («…ұсынылмаған, сондықтан…»). A participle before a plain comma is one of
    several attributes («Сіз жолдаған, әкімдікке түскен өтініш»)."""
    n = len(s.text)
    if k + 1 >= n or s.text[k + 1] in (".", "!", "?", ";", "…"):
        return True
    after = s.lower[k + 2] if k + 2 < n else ""
    return s.text[k + 1] == "," and (after in KK_SUBORDINATORS or after in KK_SPLIT_WORDS)


def _kk_structure(s: _Sent, f: SentenceFacts) -> None:
    text, lower, pos, punct, tag, idx = s.text, s.lower, s.pos, s.punct, s.tag, s.i
    n = len(text)
    preds: list[int] = []
    # only modal words and verbs can carry a clause: visit those (a few per sentence)
    cands = positions(pos, "VERB")
    if not _KK_PREDICATE_WORDS.isdisjoint(s.para) and not _KK_PREDICATE_WORDS.isdisjoint(lower):
        cands = sorted(set(cands).union(compress(range(n), map(_KK_PREDICATE_WORDS.__contains__, lower))))
    for k in cands:
        low = lower[k]
        if low in _KK_PREDICATE_WORDS and (k + 1 >= n or punct[k + 1]):
            preds.append(k)
        elif pos[k] == "VERB" and low not in _KK_NOT_PREDICATE and tag[k]:
            tags = _KK_TAGS[tag[k]]
            last = tags[-1]
            if last in _KK_FINITE or (last in _KK_PARTICIPLE and _kk_clause_ends(s, k)):
                preds.append(k)  # «ұсынылмаған.»: a participle ending a clause is its predicate
            elif (last in _KK_CONVERB or any(x in _KK_PARTICIPLE for x in tags)) and not (k and (lower[k - 1], low) in _KK_FIXED_PARTICIPLES):
                # «-ған/-атын» before a noun or with a case of its own («бермегеніңіз»,
                # «болмағандықтан»), and «-ып» converbs: each a clause folded into a word
                f.participles.append(idx[k])
    if not KK_SUBORDINATORS.isdisjoint(s.para) and not KK_SUBORDINATORS.isdisjoint(lower):
        for k in compress(range(n), map(KK_SUBORDINATORS.__contains__, lower)):
            if k > 0 and text[k - 1] in (",", ";"):
                f.subordinators += 1
    # stacked ілік септік: «бөлімінің бастығының орынбасарының»
    if "gen" in "|".join(tag):  # no genitive anywhere: no chain (one string test)
        # a numbered genitive is a citation («Заңының 12-бабының 2-тармағына»), no chain link:
        # the Russian C103 does not see «пункта 2 статьи 12» either
        gens = [k for k, t in enumerate(tag) if "gen" in t and "gen" in _KK_TAGS[t] and not s.text[k][:1].isdigit()]
        f.genitive_chain = _kk_genitive_chain(s, gens) if gens else None
    f.predicates = len(preds)
    # converbs directly before a finite verb are part of it («қарап шықты», «жазып берді»)
    if f.participles:
        pred_idx = {idx[k] for k in preds}
        f.participles = [p for p in f.participles if p + 1 not in pred_idx]
    if len(preds) >= 2 or (";" in s.para and ";" in text):
        f.split_args = (s, preds, KK_SPLIT_WORDS, "kk", ())


def _kk_genitive_chain(s: _Sent, gens: list[int]) -> tuple[int, int, int] | None:
    """The longest run of genitives (positions ``gens``): an attribute of one or two words may
    stand between two of them («қосудың техникалық мүмкіндігінің», «органның тұрғын үй
    бөлімінің»), and the chain's span ends with its head
    noun (a possessive) if one follows. (genitives in the run, first token, end token) or
    None; the head is shown but not counted, as the README says («≥ 3 genitive-marked words»)."""
    punct, tag, idx = s.punct, s.tag, s.i
    n = len(tag)
    best: tuple[int, int, int] | None = None
    first = 0  # where the current run starts in ``gens``
    for j, k in enumerate(gens):
        nxt = gens[j + 1] if j + 1 < len(gens) else None  # the last genitive ends its run
        if nxt is not None and nxt <= k + 3 and not any(punct[k + 1 : nxt]) and not any(_KK_POSS[t] for t in tag[k + 1 : nxt]):
            # the run goes on: up to two words between («органның тұрғын үй бөлімінің»), none
            # possessed (that is the head: «Кестенің сақталуына автобустардың» are two phrases)
            continue
        m = j - first + 1
        end = idx[k] + 1
        if k + 1 < n and _KK_POSS[tag[k + 1]]:
            end = idx[k + 1] + 1
        if best is None or m > best[0]:
            best = (m, idx[gens[first]], end)
        first = j + 1
    return best


def positions(items: list[str], value: str) -> list[int]:
    """Positions of ``value`` in ``items``, found by C scans (it is rare in a sentence)."""
    out = []
    k = -1
    for _ in range(items.count(value)):
        k = items.index(value, k + 1)
        out.append(k)
    return out


# --- both ------------------------------------------------------------------------------------
def _splits(s: _Sent, preds: list[int], words: dict[str, str | None], lang: str, opens: list[int]) -> list[Split]:
    """Commas and semicolons with a predicate on each side; in Kazakh also «және» between
    two clauses. Relative clauses («, который …») split too (the relative word must become
    a pronoun, so no rewrite is offered). The first part must be a sentence of its own: not a
    bare subordinate clause («Если вы не согласны, …», Kazakh «…келіспесеңіз, …»)."""
    text, lower, idx = s.text, s.lower, s.i
    out: list[Split] = []
    if len(preds) < 2 and ";" not in text:
        return out
    n = len(text)
    if _BRACKETS.isdisjoint(s.para) or _BRACKETS.isdisjoint(text):
        # no brackets or quotes: only the cuts themselves need a look
        at = compress(range(n), map((_KK_CUTS if lang == "kk" else _SEPARATOR).__contains__, lower))
    else:
        at = _outside_brackets(text)
    # Russian subordinate clauses: a part with no predicate but theirs is no sentence, and a cut
    # inside one, before its own predicate, leaves half of it on each side
    inside, spans = _ru_subordinate_clauses(s, preds, opens) if opens else (frozenset(), {})
    if lang == "ru" and lower[:2] == ["что", "касается"]:
        # «Что касается оплаты за январь, сообщаем, …»: a topic, not a clause of its own, so no
        # sentence ends at its comma («Что касается оплаты за январь. Сообщаем, …»)
        inside = inside | {1}
    for k in at:
        if k == 0 or k + 1 >= n - 1:
            continue
        t = text[k]
        is_comma = t in (",", ";")
        is_kk_and = lang == "kk" and lower[k] == "және"
        if not (is_comma or is_kk_and):
            continue
        before = any(p < k and p not in inside for p in preds)
        # the next predicate after the cut, and no other cut before it
        after = next((p for p in preds if p > k), None)
        if not before or after is None or any(o < k < end for o, end in spans.items()):
            continue
        if lang == "kk":
            prev_pred = max(p for p in preds if p < k)
            if "cond" in _KK_TAGS[s.tag[prev_pred]]:
                continue  # «…келіспесеңіз,»: a condition, not a sentence
            if is_comma and s.pos[k - 1] == "VERB" and k - 1 not in preds:
                # «…жағдайын көріп,», «…жүзеге асырылатынын,»: a converb, or a clause in a case,
                # belongs to the verb after the comma; cut there, it ends no sentence
                continue
        if is_kk_and:
            # «және» joins clauses only if a predicate ends the part before it
            if any(u in (",", ";") for u in text[prev_pred + 1 : k]) or prev_pred != k - 1:
                continue
            # the second part starts with the word after «және», kept («…тексердік. Жөндеу…»)
            out.append(Split(idx[k], idx[k + 1], "", "және"))
            continue
        low = lower[k + 1]
        if lang == "kk" and lower[k - 1] in KK_CLAUSE_PARTICLES and k - 1 == prev_pred + 1:
            # «…түсірді де, барлық…»: the particle ties the clauses; cutting leaves it dangling
            out.append(Split(idx[k], idx[k + 1], "", lower[k - 1]))
        elif t == ";":
            out.append(Split(idx[k], idx[k + 1], "", ";"))
        elif lang == "ru" and _ru_relative_in_phrase(s, k + 1):
            # «, в которых …», «, расходы которых …», «, в связи с чем …»: a relative clause
            # (no rewrite, as «, которые»: «. В связи с чем …» would be no sentence)
            out.append(Split(idx[k], idx[k + 1], None, "который"))
        elif low in words:
            lead = words[low]
            if lang == "ru" and low == "так":
                if k + 2 < n and lower[k + 2] == "как":
                    out.append(Split(idx[k], idx[k + 1], None, "так как"))
                continue
            if low.startswith("котор"):
                out.append(Split(idx[k], idx[k + 1], None, "который"))
                continue
            if lang == "ru" and low not in RU_SUBORDINATORS:
                # «, а не в центр, где принимают …»: a contrast inside the clause, and a part
                # whose only predicate is in a subordinate clause, are no sentence
                if low == "а" and k + 2 < n and lower[k + 2] == "не":
                    continue
                if not any(p > k and p not in inside for p in preds):
                    continue
            out.append(Split(idx[k], idx[k + 1], lead, low))
        elif lang == "ru" and low not in RU_SUBORDINATORS and _ru_clause_follows(s, k + 1, after, max(p for p in preds if p < k)):
            out.append(Split(idx[k], idx[k + 1], "", ","))  # «…, работы начнутся в июне»
        elif lang == "kk" and low not in KK_SUBORDINATORS and _clause_follows(s, k + 1, after):
            out.append(Split(idx[k], idx[k + 1], "", ","))
    return out


# the relative «что» in the cases a preposition takes («после чего», «в связи с чем»)
_RU_RELATIVE_CHTO = frozenset(_RU_GRAMMAR["relative_chto"])


def _ru_relative_in_phrase(s: _Sent, k: int) -> bool:
    """The part from ``k`` opens with a relative word inside a phrase: «в которых», «расходы
    которых», «по итогам которой», «в результате чего», «в связи с чем», «после чего». Only
    prepositions, nouns and adjectives stand before it, and «чего/чем» need a preposition.
    (A «который» first is a split word of its own.)"""
    lower, pos = s.lower, s.pos
    for j in range(k, min(k + 5, len(lower))):
        if j > k and lower[j].startswith("котор"):
            return True
        if j > k and lower[j] in _RU_RELATIVE_CHTO:
            return "ADP" in pos[k:j]
        if pos[j] not in ("ADP", "NOUN", "ADJ"):
            return False
    return False


def _ru_subordinate_clauses(s: _Sent, preds: list[int], opens: list[int]) -> tuple[set[int], dict[int, int]]:
    """The predicates inside subordinate clauses, and each clause's span (its subordinator →
    where it ends). A clause runs from its subordinator (``opens``) to the first comma, dash or
    colon after a predicate or infinitive of its own; a clause inside it before that («Если
    решение, которое вы получили, вас не устраивает, …») is skipped."""
    text, tag = s.text, s.tag
    n = len(text)
    is_pred = set(preds)
    inside: set[int] = set()
    ends: dict[int, int] = {}  # opener → where its clause ends
    for o in sorted(set(opens), reverse=True):
        k, seen = o + 1, False
        while k < n:
            if not seen and k in ends:
                k = ends[k] + 1  # a nested clause: its predicates are not this one's
                continue
            t = text[k]
            if t == ";" or (seen and t in _CLAUSE_END):
                break
            if k in is_pred:
                inside.add(k)
                seen = True
            elif _RU_OC[tag[k]] == "INFN":
                seen = True  # «Чтобы получить пособие, …»
            k += 1
        ends[o] = k
    return inside, ends


def _ru_clause_follows(s: _Sent, k: int, pred: int, last: int) -> bool:
    """An independent clause starts at ``k``: its predicate ``pred`` comes before the next
    comma, and the part before the comma ended with a predicate of its own clause (``last``, the
    one before the comma: «…участок, предоставленный вам в аренду, расположен…» has none)."""
    if _RU_OC[s.tag[k]] in ("GRND", "PRTF") or s.lower[k] in RU_SUBORDINATORS:
        return False
    return _clause_follows(s, k, pred) and _clause_follows(s, last + 1, k - 1)


def _clause_follows(s: _Sent, k: int, pred: int) -> bool:
    return not any(u in (",", ";", "(", "—") for u in s.text[k:pred])


def _nesting(s: _Sent, f: SentenceFacts) -> None:
    """Depth of brackets and quotes. «ТОО «Құрылыс Сервис»» (quotes in quotes) is ordinary
    typography, so quotes count only inside brackets and brackets only inside brackets."""
    if _OPEN.keys().isdisjoint(s.text):
        return  # nothing opens: depth 0
    stack: list[str] = []
    for k, ch in enumerate(s.text):
        if ch in _OPEN:
            stack.append(ch)
            parens = sum(1 for x in stack if x in "([")
            depth = parens + (1 if parens and ch in "«„" else 0)
            if depth > f.nesting:
                f.nesting, f.nesting_at = depth, s.i[k]
        elif ch in _CLOSE and stack:
            # pop to the matching opener (unbalanced text must not keep the depth growing)
            while stack and stack.pop() != _CLOSE[ch]:
                pass


def _enumeration(s: _Sent, f: SentenceFacts, lang: str) -> None:
    """The longest run of short comma-separated items: «паспорт, справку о доходах, выписку из
    банка, копию договора и квитанцию». An item has at most 5 words; the last one may hold
    «и»/«және» joining two more."""
    text, idx = s.text, s.i
    n = len(text)
    # an «и» is always a word, and never a separator
    is_and = list(map(_AND.get(lang, _NO_AND).__contains__, s.lower))
    cuts = _separators(text)
    # every item counts at most 1 + its «и»: fewer than 3 in all make no enumeration
    if len(cuts) + 1 + sum(is_and) < 3:
        return
    is_word = list(map(_IS_WORD.__getitem__, text))
    segments: list[tuple[int, int, int, int]] = []  # (first token, last token, words, ands)
    start, a = idx[0], 0
    for k in cuts + [n]:
        # the words of the item: separators inside brackets are not words either
        segments.append((start, idx[k] if k < n else idx[-1], sum(is_word[a:k]), sum(is_and[a:k])))
        if k < n:
            start, a = idx[k] + 1, k + 1
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


def _separators(text: list[str]) -> list[int]:
    """Positions of the commas and semicolons outside brackets and quotes."""
    cuts = list(compress(range(len(text)), map(_SEPARATOR.__contains__, text)))
    if not cuts or _BRACKETS.isdisjoint(text):
        return cuts
    return [k for k in _outside_brackets(text) if text[k] in _SEPARATOR]


def _outside_brackets(text: list[str]) -> list[int]:
    """Positions of the tokens outside brackets and quotes (a closing one included)."""
    out = []
    depth = 0
    for k, t in enumerate(text):
        if t in _OPEN:
            depth += 1
        elif t in _CLOSE:
            depth = max(0, depth - 1)
        if not depth:
            out.append(k)
    return out


_SEPARATOR = {",", ";"}
_CLAUSE_END = {",", ";", ":", "—", "–"}
# Kazakh particles that end a clause and tie it to the next («түсірді де, …»)
KK_CLAUSE_PARTICLES = {"де", "да", "та", "те"}
_KK_CUTS = {",", ";", "және"}
_BRACKETS = _OPEN.keys() | _CLOSE.keys()
_PARENS = {"(", "["}
_NO_AND: frozenset[str] = frozenset()
_AND = {"ru": frozenset(_RU_GRAMMAR["and_words"]), "kk": frozenset(_KK_WORDS["and_words"])}
# what an enumeration is counted by: its separators and «и»
_ENUM_MARKS = {lang: frozenset(_SEPARATOR | ands) for lang, ands in _AND.items()}
