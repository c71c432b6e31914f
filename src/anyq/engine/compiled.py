"""Rules compiled for fast matching: one phrase index and one Matcher per language.

All phrase rules of a language share one ``PhraseIndex`` (on LEMMA for Russian, on
NORM — the voice-stripped stem — for Kazakh; LOWER for phrases matched as text), so 4,000
phrases cost one pass over the tokens, not 4,000.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pathlib import Path

from spacy.matcher import Matcher

from anyq.datacache import compiled_patterns
from anyq.engine.literals import LiteralIndex, Literals, required_literals_of
from anyq.engine.model import PhraseEntry, Rule
from anyq.engine.needs import need_of
from anyq.engine.phrases import PhraseIndex, phrase_tokens
from anyq.engine.registry import DOCUMENT_RULES, PARAGRAPH_RULES, ParagraphRule, load_checks
from anyq.nlp.pipeline import get_nlp
from anyq.resources import package_data, rules_dir


class CompileError(ValueError):
    pass


@dataclass(slots=True)
class LanguageMatchers:
    lang: str
    phrase_lemma: PhraseIndex | None = None
    phrase_text: PhraseIndex | None = None
    tokens: Matcher | None = None
    # match id (string) → (rule, phrase entry or None)
    keys: dict[str, tuple[Rule, PhraseEntry | None]] = field(default_factory=dict)
    # (rule, regex, its pre-test in ``words``: the masks of the words every match holds —
    # None: no pre-test)
    regex_rules: list[tuple[Rule, re.Pattern[str], tuple[int, tuple[int, ...]] | None]] = field(default_factory=list)
    words: LiteralIndex | None = None
    # (rule, its registered function) per Python rule: the runner calls them for every
    # paragraph, so the registry is asked once here
    python_checks: list[tuple[Rule, ParagraphRule]] = field(default_factory=list)


def _lemma_attr(lang: str) -> str:
    return "LEMMA" if lang == "ru" else "NORM"


class CompiledRules:
    def __init__(self, rules: list[Rule]) -> None:
        load_checks()
        self.rules = rules
        self.by_code = {r.code: r for r in rules}
        self._langs: dict[str, LanguageMatchers] = {}
        self.document_regex: list[tuple[Rule, re.Pattern[str], Callable[[str], bool] | None]] = []
        self.document_python: list[Rule] = []
        self.exceptions: dict[str, list[re.Pattern[str]]] = {}
        # code → per exception pattern, the words every match of it holds (None: no pre-test):
        # the runner tests a hit's window for them before running the pattern over it
        self.exception_needs: dict[str, list[Literals | None]] = {}
        exception_list = compiled_patterns("exceptions", [(e, re.I) for r in rules for e in r.exceptions])
        exception_patterns = iter(exception_list)
        exception_literals = iter(required_literals_of(exception_list))
        document_patterns = iter(compiled_patterns("document", [_regex_of(r) for r in rules if r.kind == "regex" and r.scope == "document"]))
        for r in rules:
            if r.exceptions:
                self.exceptions[r.code] = [next(exception_patterns) for _ in r.exceptions]
                self.exception_needs[r.code] = [next(exception_literals) for _ in r.exceptions]
            if r.kind == "python":
                table = DOCUMENT_RULES if r.scope == "document" else PARAGRAPH_RULES
                if r.code not in table:
                    raise CompileError(f"{r.source}: rule {r.code}: no Python implementation registered for this code")
                if r.scope == "document":
                    self.document_python.append(r)
            elif r.kind == "regex" and r.scope == "document":
                self.document_regex.append((r, next(document_patterns), need_of(r.params)))

    def for_language(self, lang: str) -> LanguageMatchers:
        m = self._langs.get(lang)
        if m is None:
            m = self._langs[lang] = self._compile(lang)
        return m

    def _compile(self, lang: str) -> LanguageMatchers:
        nlp = get_nlp(lang)
        lm = LanguageMatchers(lang)
        by_lemma: list[tuple[str, Rule, PhraseEntry]] = []
        by_text: list[tuple[str, Rule, PhraseEntry]] = []
        regex_rules: list[Rule] = []
        for r in self.rules:
            if not r.applies_to(lang):
                continue
            if r.kind == "phrase":
                for i, entry in enumerate(r.phrases):
                    key = f"{r.code}#{i}"
                    lm.keys[key] = (r, entry)
                    (by_lemma if r.match_on == "lemma" else by_text).append((key, r, entry))
            elif r.kind == "pattern":
                if lm.tokens is None:
                    lm.tokens = Matcher(nlp.vocab, validate=True)
                try:
                    lm.tokens.add(r.code, r.patterns)
                except Exception as exc:  # spaCy reports bad patterns with its own error types
                    raise CompileError(f"{r.source}: rule {r.code}: bad token pattern: {exc}") from None
                lm.keys[r.code] = (r, r.entry)
            elif r.kind == "regex" and r.scope == "paragraph":
                regex_rules.append(r)
            elif r.kind == "python" and r.scope == "paragraph":
                lm.python_checks.append((r, PARAGRAPH_RULES[r.code]))
        patterns = compiled_patterns(f"paragraph-{lang}", [_regex_of(r) for r in regex_rules])
        lm.words = LiteralIndex(required_literals_of(patterns))
        lm.regex_rules = list(zip(regex_rules, patterns, lm.words.tests))
        sources = _annotation_sources() if by_lemma or by_text else []
        if by_lemma:
            lm.phrase_lemma = PhraseIndex(nlp.vocab.strings, _lemma_attr(lang))
            tokens = phrase_tokens(f"{lang}-lemma", [e.text for _, _, e in by_lemma], lambda texts: _lemmas(nlp, lang, texts), sources)
            for key, _, e in by_lemma:
                lm.phrase_lemma.add(key, tokens[e.text])
        if by_text:
            lm.phrase_text = PhraseIndex(nlp.vocab.strings, "LOWER")
            tokens = phrase_tokens(f"{lang}-text", [e.text for _, _, e in by_text], lambda texts: [tuple(t.lower_ for t in nlp.make_doc(x)) for x in texts], sources)
            for key, _, e in by_text:
                lm.phrase_text.add(key, tokens[e.text])
        return lm


def _regex_of(rule: Rule) -> tuple[str, int]:
    return rule.regex, re.I if rule.ignorecase else 0


def _lemmas(nlp, lang: str, texts: list[str]) -> list[tuple[str, ...]]:  # noqa: ANN001 - spaCy Language
    """The attribute a phrase is matched on, per token: the lemma (ru) or stem (kk)."""
    # a phrase needs its lemmas, not sentences: the splitter would cost 3/4 of the time
    disabled = [name for name in nlp.pipe_names if name == "anyq_sentences"]
    with nlp.select_pipes(disable=disabled):
        docs = list(nlp.pipe(texts))
    if lang == "ru":
        return [tuple(t.lemma_ for t in doc) for doc in docs]
    return [tuple(t.norm_ for t in doc) for doc in docs]


def _annotation_sources() -> list[Path]:
    """What a phrase's lemmas depend on: the annotating code and the lexicons it reads."""
    import anyq.nlp

    code = sorted(Path(anyq.nlp.__file__).parent.glob("*.py"))
    data = sorted(p for p in rules_dir().joinpath("data").iterdir() if p.is_file())
    return code + data + [package_data("hunspell", "kk_KZ.dic")]
