"""Russian lemmas and grammemes from pymorphy3, as a spaCy component.

spaCy's own "pymorphy3" lemmatizer mode needs POS tags that a blank pipeline does not have,
and then returns the word unchanged whenever parses disagree. We take pymorphy3's best
parse (highest score; of readings as likely, the one a letter means: see ``_analyse``)
instead and map its OpenCorpora tag to Universal Dependencies POS and features, so rules
can match ``LEMMA``, ``POS`` and ``MORPH`` alike. The raw OpenCorpora tag is ``token.tag_``
(also readable as ``token._.oc``), e.g. "PRTS,perf,pssv neut,sing".
"""

from __future__ import annotations

from functools import cache, lru_cache

from spacy.attrs import LEMMA, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token

from anyq.nlp.strings import PerTextAnnotator, lexeme_row, lexical_columns, uint64_array
from anyq.nlp.words import WORD
from anyq.resources import rules_toml, rules_words


def _oc_tag(token: Token) -> str:
    """The OpenCorpora tag of a word token (the component keeps it in ``token.tag_``)."""
    return token.tag_


# ``token.tag_`` is a C-level attribute, cheap to set and read; a stored custom attribute
# on every token would cost more than all the rules that read it. ``_.oc`` is its name.
if not Token.has_extension("oc"):
    Token.set_extension("oc", getter=_oc_tag)

_POS = {
    "NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB", "INFN": "VERB",
    "PRTF": "VERB", "PRTS": "VERB", "GRND": "VERB", "NUMR": "NUM", "ADVB": "ADV", "NPRO": "PRON",
    "PRED": "ADV", "PREP": "ADP", "CONJ": "CCONJ", "PRCL": "PART", "INTJ": "INTJ",
}
_FEATS = {
    "nomn": "Case=Nom", "gent": "Case=Gen", "gen2": "Case=Gen", "datv": "Case=Dat", "accs": "Case=Acc",
    "acc2": "Case=Acc", "ablt": "Case=Ins", "loct": "Case=Loc", "loc2": "Case=Loc", "voct": "Case=Voc",
    "sing": "Number=Sing", "plur": "Number=Plur", "masc": "Gender=Masc", "femn": "Gender=Fem",
    "neut": "Gender=Neut", "anim": "Animacy=Anim", "inan": "Animacy=Inan", "pres": "Tense=Pres",
    "past": "Tense=Past", "futr": "Tense=Fut", "1per": "Person=1", "2per": "Person=2", "3per": "Person=3",
    "perf": "Aspect=Perf", "impf": "Aspect=Imp", "actv": "Voice=Act", "pssv": "Voice=Pass",
    "indc": "Mood=Ind", "impr": "Mood=Imp", "Name": "NameType=Giv", "Surn": "NameType=Sur",
    "Patr": "NameType=Pat", "Geox": "NameType=Geo", "Orgn": "NameType=Com", "Abbr": "Abbr=Yes",
}
_VERBFORM = {"INFN": "VerbForm=Inf", "PRTF": "VerbForm=Part", "PRTS": "VerbForm=Part", "GRND": "VerbForm=Conv", "VERB": "VerbForm=Fin"}
_SHORT = {"PRTS", "ADJS"}


class RussianMorphology:
    def __init__(self) -> None:
        import pymorphy3

        self.analyzer = pymorphy3.MorphAnalyzer(lang="ru")
        self.analyse = lru_cache(maxsize=200_000)(self._analyse)
        self.analyse_verb = lru_cache(maxsize=20_000)(self._analyse_verb)

    def _analyse(self, word: str) -> tuple[str, str, str, str]:
        """``word`` (lower case) → (lemma, UD POS, UD features, OpenCorpora tag)."""
        parses = self.analyzer.parse(word)
        p = parses[0]
        if "impr" in p.tag and "sing" in p.tag and p.is_known:
            # «нашли», «пришли»: pymorphy3 rates the «ты» imperative of наслать, прислать as
            # likely as the past of найти, прийти; a letter says «Вы», so the other reading wins
            p = next((q for q in parses if q.score == p.score and "impr" not in q.tag), p)
        elif p.tag.POS == "NOUN" and p.is_known:
            # «подлежащие сносу»: a participle of a verb officialese uses, rated as likely as the noun
            p = next((q for q in parses if q.score == p.score and q.tag.POS == "PRTF" and q.normal_form in _PARTICIPLE_VERBS), p)
        elif "perf" in p.tag and p.is_known:
            # «проводим», «проводила»: the imperfective «проводить» (to conduct), rated as likely as
            # the perfective «проводи́ть» (to see off), whose future and past are written alike
            p = next((q for q in parses if q.score == p.score and q.tag.POS == p.tag.POS and "impf" in q.tag and q.normal_form == p.normal_form), p)
        lemma, listed = p.normal_form, []
        if not p.is_known and p.tag.POS not in ("ADJF", "PRTF"):
            # A Kazakhstan noun the dictionary lacks: the guesser's lemmas differ form to form
            # (маслихата, тенг, цона, акиматовый), so the noun our lexicon lists wins; the
            # shortest, as the lexicon lists some inflected forms too (маслихата → маслихат).
            # A full adjective guessed (общедомового) is the lexicon's adjective already; place
            # names (listed with a capital) keep the guesser's reading.
            common = official_common_nouns()
            listed = [q for q in parses if q.tag.POS == "NOUN" and q.normal_form in common]
            if listed:
                p = min(listed, key=lambda q: len(q.normal_form))
                lemma = p.normal_form
            elif word in common:
                lemma = word  # indeclinable: тенге
        if p.tag.POS == "PRTF" and p.normal_form not in _PARTICIPLE_VERBS:
            # «данному», «указанного»: where the dictionary has an adjective, officialese means it
            # (not «принятые меры»: see _PARTICIPLE_VERBS)
            p = next((q for q in parses if q.tag.POS == "ADJF"), p)
            lemma = p.normal_form
        return self._describe(word, p, lemma, bool(listed))

    def _describe(self, word: str, p, lemma: str, listed: bool) -> tuple[str, str, str, str]:  # noqa: ANN001 - a pymorphy3 parse
        """The parse ``p`` of ``word`` as (lemma, UD POS, UD features, OpenCorpora tag)."""
        tag = p.tag
        oc_pos = tag.POS or ""
        pos = _POS.get(oc_pos, "X")
        if oc_pos == "CONJ" and word in _SUBORDINATORS:
            pos = "SCONJ"
        elif oc_pos == "NOUN" and tag.grammemes & _NAMES and not listed:
            pos = "PROPN"
        # a listed word is a common noun, though the guesser took it for a name (маслихат)
        feats = {_FEATS[g] for g in tag.grammemes if g in _FEATS and not (listed and g in _NAMES)}
        if oc_pos in _VERBFORM:
            feats.add(_VERBFORM[oc_pos])
        if oc_pos in _SHORT:
            feats.add("Variant=Short")
        if oc_pos == "COMP":
            feats.add("Degree=Cmp")
        return lemma, pos, "|".join(sorted(feats)), str(tag)

    def _analyse_verb(self, word: str) -> tuple[str, str, str, str] | None:
        """The first person plural verb that ``word``, read as a short adjective, also is
        («осуществим»: осуществимый or осуществить), as ``analyse`` gives it; None if none."""
        parses = self.analyzer.parse(word)
        if parses[0].tag.POS != "ADJS":
            return None
        q = next((q for q in parses if q.tag.POS == "VERB" and {"1per", "plur"} <= q.tag.grammemes), None)
        return self._describe(word, q, q.normal_form, False) if q is not None else None

    def is_known(self, word: str) -> bool:
        """In pymorphy3's dictionary or in our lexicon of Kazakhstan's official words (тенге, акимат)."""
        return word in official_lexicon() or self.analyzer.word_is_known(word)


_NAMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
# verbs whose participles officialese uses as verbs («принятые меры», «подлежащие сносу»), where
# the dictionary also has an adjective (принятый) or a noun (подлежащее): rules/data/ru_grammar.toml
_PARTICIPLE_VERBS = frozenset(rules_toml("ru_grammar.toml")["participle_verbs"])
# conjunctions tagged SCONJ, not CCONJ
_SUBORDINATORS = frozenset(rules_toml("ru_grammar.toml")["sconj"])

@cache
def _lexicon_entries() -> tuple[str, ...]:
    """``rules/data/ru_lexicon.txt`` as written (its one parser)."""
    return rules_words("ru_lexicon.txt")


@cache
def official_lexicon() -> frozenset[str]:
    """``rules/data/ru_lexicon.txt``: Russian words of Kazakhstan's officialdom the dictionaries lack."""
    return frozenset(w.lower() for w in _lexicon_entries())


@cache
def official_common_nouns() -> frozenset[str]:
    """The lexicon without its place names (Астана, Костанай: a capital, then lower case)."""
    return frozenset(w.lower() for w in _lexicon_entries() if not (w[0].isupper() and not w.isupper()))


_morph: RussianMorphology | None = None


def morphology() -> RussianMorphology:
    global _morph
    if _morph is None:
        _morph = RussianMorphology()
    return _morph


_WRITTEN = [LEMMA, POS, TAG]


class RussianAnnotator(PerTextAnnotator):
    """Lemma, POS, OpenCorpora tag and features of every token, written to the doc in one
    ``Doc.from_array`` (a ``Token`` object and four attribute writes per token cost more than
    the analysis, which is cached). Everything written depends on the token's text only, but
    for a short adjective that is also a «мы» verb («осуществим»: ``_verbs_in_context``)."""

    max_texts = 200_000

    def _build(self, text: str, analysis: tuple[str, str, str, str] | None = None) -> tuple:
        """``text`` → (LEMMA, POS, TAG values as the bytes of a ``from_array`` row, features
        (None: none); lemma, POS, tag strings; is a word; the lexeme columns); ``analysis``
        instead of the word's own (``_verbs_in_context``)."""
        strings = self.vocab.strings
        lex = self.vocab[text]
        is_word = lex.is_alpha or ("-" in text and WORD.fullmatch(text) is not None)
        lemma, pos, oc, feats = "", "", "", ""
        if is_word:
            lemma, pos, feats, oc = analysis or morphology().analyse(text.lower())
        elif lex.is_punct:
            pos, lemma = "PUNCT", text
        elif lex.like_num:
            pos, lemma = "NUM", text
        elif lex.is_space:
            pos = "SPACE"  # lemma left unset
        else:
            lemma = text.lower()
            pos = "SYM" if not any(c.isalnum() for c in text) else "X"
        pos_id = POS_IDS[pos] if pos else 0
        values = [strings.add(lemma) if lemma else 0, pos_id, strings.add(oc) if oc else 0]
        entry = (
            self.hashes(values),
            self.features(feats),
            lemma,
            strings[pos_id],
            oc,
            is_word,
            *lexeme_row(lex, text),
        )
        return entry

    def __call__(self, doc: Doc) -> Doc:
        cols = lexical_columns(doc)
        if not cols.text:
            return self.no_tokens(doc, cols)
        rows = self.rows(cols.text)
        for i, analysis in _verbs_in_context(cols.text, rows):
            rows[i] = self._build(cols.text[i], analysis)
        (values, morphs, cols.lemma, cols.pos, cols.tag, words, cols.lower, cols.space, cols.punct, cols.alpha, cols.num, cols.cue) = map(list, zip(*rows))
        # the rows joined as bytes (see ``hashes``)
        doc.from_array(_WRITTEN, uint64_array(b"".join(values), len(values), 3))
        return self.finish(doc, morphs, words)


_OBJECT_POS = frozenset({"NOUN", "ADJF", "PRTF", "NPRO"})
_OBJECT_UD = frozenset({"NOUN", "ADJ", "PRON"})


def _verbs_in_context(texts: list[str], rows: list[tuple]) -> list[tuple[int, tuple]]:
    """«Мы осуществим проверку»: a short adjective that is also a verb of the first person plural
    (осуществимый, осуществить) is the verb after «мы» or before an accusative object; «Проект
    осуществим в срок» keeps the adjective. The only readings that depend on the words around."""
    found = []
    analyse_verb, parse = morphology().analyse_verb, morphology().analyzer.parse
    for i, row in enumerate(rows):
        if not row[4].startswith("ADJS"):
            continue
        verb = analyse_verb(texts[i].lower())
        if verb is None:
            continue
        # the next word read as a noun, adjective or pronoun, and one that can be accusative
        # (not «в», which pymorphy3 also knows as a noun)
        after = texts[i + 1] if i + 1 < len(texts) and rows[i + 1][3] in _OBJECT_UD else ""
        if _we_before(texts, i) or (after and any(q.tag.POS in _OBJECT_POS and "accs" in q.tag for q in parse(after.lower()))):
            found.append((i, verb))
    return found


def _we_before(texts: list[str], i: int) -> bool:
    """«мы» among the three words before ``i``, in its clause («Мы в мае осуществим»)."""
    for t in reversed(texts[max(0, i - 3) : i]):
        if not t.isalpha():
            return False
        if t.lower() == "мы":
            return True
    return False


@Language.factory("anyq_ru_morph")
def make_ru_morph(nlp: Language, name: str) -> RussianAnnotator:
    return RussianAnnotator(nlp.vocab)
