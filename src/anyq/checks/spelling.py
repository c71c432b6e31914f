"""S101: words no dictionary of ours knows, with ranked suggestions; S102: «-тся» written for
«-ться» or the reverse (``anyq.spell.tsya``).

Which tokens are words to check: ``anyq.spell.words``; whether a word is known:
``anyq.spell.dictionary``; suggestions: ``anyq.spell.rank``. Thresholds and switches are the
rule's ``params`` in ``rules/any/spelling.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from anyq.engine.model import Hit, Rule
from anyq.engine.registry import ParagraphContext, paragraph_rule
from anyq.nlp.normalize import doc_text
from anyq.nlp.strings import token_strings
from anyq.spell.dictionary import KAZAKH_LETTERS, Allowlist, is_known, word_language
from anyq.spell import frequency, tsya
from anyq.spell.rank import SuggestBudget, Weights, match_case, rank
from anyq.spell.words import WordOptions, abbreviation_set, unknown_words

_HYPHEN = re.compile(r"([-‐‑])")


@cache
def _allowlist(words: frozenset[str]) -> Allowlist:
    return Allowlist(words)


def _weights(params: dict) -> Weights:
    d = Weights()
    return Weights(
        lemma=float(params.get("frequency_weight_lemma", d.lemma)),
        form=float(params.get("frequency_weight_form", d.form)),
        margin=float(params.get("fix_margin", d.margin)),
        max_fix_cost=float(params.get("max_fix_cost", d.max_fix_cost)),
    )


_budgets: dict[int, SuggestBudget] = {}


def _budget(ctx: ParagraphContext, ms: float) -> SuggestBudget:
    # one budget per document: the context of its first paragraph starts it
    key = id(ctx.source)
    b = _budgets.get(key)
    if b is None:
        _budgets.clear()
        b = _budgets[key] = SuggestBudget(ms)
    return b


def suggestions_for(text: str, lang: str, weights: Weights) -> tuple[list[str], str | None]:
    """Ranked suggestions for an unknown token, and the fix if the best is far ahead.

    In a hyphenated word only the unknown part is corrected: «северо-западнный»."""
    if "-" not in text:
        r = rank(text, lang, weights)
        return list(r.suggestions[:3]), r.fix
    pieces = _HYPHEN.split(text)
    unknown = [i for i in range(0, len(pieces), 2) if len(pieces[i]) > 1 and not is_known(pieces[i], lang)]
    if len(unknown) != 1:
        return [], None
    i = unknown[0]
    r = rank(pieces[i], lang, weights)
    out = ["".join(pieces[:i] + [s] + pieces[i + 1 :]) for s in r.suggestions[:3]]
    fix = "".join(pieces[:i] + [r.fix] + pieces[i + 1 :]) if r.fix else None
    return out, fix


def _russian_word(text: str) -> bool:
    return (
        text.isalpha()
        and not any(ch in KAZAKH_LETTERS for ch in text)
        and is_known(text, "ru")
        and not is_known(text, "kk")
    )


def _kazakh_word(text: str) -> bool:
    """A Kazakh word: one of its letters, or a word only our Kazakh lexicon and stemmer know."""
    return text.isalpha() and (any(ch in KAZAKH_LETTERS for ch in text) or (is_known(text, "kk") and not is_known(text, "ru")))


def _neighbour_is(doc, tok, test) -> bool:
    """Does the nearest word on either side of ``tok`` (across punctuation: «/», «,») pass ``test``?"""
    for step in (-1, 1):
        for j in (tok.i + step, tok.i + 2 * step):
            if 0 <= j < len(doc) and doc[j].is_alpha:
                if test(doc[j].text):
                    return True
                break
    return False


def _russian_phrase(doc, tok) -> bool:
    """A Russian word next to another Russian word in a Kazakh paragraph. A lone Russian-looking
    word among Kazakh ones is more likely a Kazakh typo («жбаны»), so it is still checked."""
    return _russian_word(tok.text) and _neighbour_is(doc, tok, _russian_word)


def _kazakh_phrase(doc, tok) -> bool:
    """A Kazakh word with no Kazakh letter («тамыз», «айында») next to another Kazakh word in a
    Russian paragraph: a Kazakh sentence inside it («… Жұмыс тамыз айында аяқталады. …»), whose
    words the Russian dictionaries cannot know. Alone among Russian words it is still checked."""
    text = tok.text
    if not text.isalpha() or any(ch in KAZAKH_LETTERS for ch in text) or not is_known(text, "kk"):
        return False
    return _neighbour_is(doc, tok, _kazakh_word)


def _named_elsewhere(text: str, word: str) -> bool:
    """The document writes ``word`` capitalised after a lower-case word or a comma, where no
    sentence starts («Жамбыл облысы Байзақ ауданының»): a name, also where a line of an address
    block starts with it («Байзақ ауданы, …»)."""
    return re.search(r"[a-zа-яёәғқңөұүһі,][ \t]+" + re.escape(word) + r"(?![\w-])", text) is not None


@paragraph_rule("S101")
def misspelled(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    params = rule.params
    opts = rule.derived(("word_options",), lambda: WordOptions.from_params(params))
    words = unknown_words(ctx.doc, opts, ctx.lang, abbreviation_set())
    if not words:
        return  # most paragraphs: every word known
    allow = _allowlist(getattr(ctx.options, "allowlist", frozenset()))
    weights = rule.derived(("weights",), lambda: _weights(params))
    budget_ms = float(params.get("hunspell_budget_ms", 0))
    accept_russian = bool(params.get("accept_russian_in_kazakh", True))
    accept_kazakh = bool(params.get("accept_kazakh_in_russian", True))
    for w in words:
        text = w.text
        lang = word_language(text, ctx.lang)
        if allow.allows(text, lang):
            continue
        if lang == "kk" and accept_russian and _russian_phrase(ctx.doc, w.token):
            continue  # Russian inside a Kazakh paragraph: «Бөлім басшысы / Руководитель отдела»
        if lang == "ru" and ctx.lang == "ru" and accept_kazakh and _kazakh_phrase(ctx.doc, w.token):
            continue  # a Kazakh sentence inside a Russian paragraph
        suggestions, fix = suggestions_for(text, lang, weights)
        if fix and text[:1].isupper() and frequency.log_frequency(fix.lower(), lang)[0] == 0:
            fix = None  # a capitalised unknown word may be a name («Ақжол»): fix only into a word our letters use
        if not suggestions and budget_ms > 0 and "-" not in text:
            suggestions = _budget(ctx, budget_ms).suggest(text, lang)[:3]
        if w.sentence_start and text[:1].isupper() and (not suggestions or _named_elsewhere(ctx.source.text, text)):
            continue  # a capitalised unknown word with no near neighbour, or one written as a name elsewhere
        if w.joined:
            # hyphenated at a line end: the word spans both lines, and a fix would join them
            s, e = ctx.token_span(w.i, w.i + 2)
            fix = None
        else:
            s, e = ctx.token_span(w.i, w.i + 1)
        yield Hit(s, e, suggestions=[match_case(text, x) for x in suggestions], fix=fix)


@paragraph_rule("S102")
def tsya_tsya(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    text = doc_text(ctx.doc).lower()
    if "тся" not in text and "ться" not in text:
        return  # most paragraphs: no verb in «-тся» or «-ться» at all
    ts = token_strings(ctx.doc)
    for slip in tsya.slips(ts, text, rule.word_set("governors"), rule.word_set("subjects")):
        right = match_case(ts.text[slip.i], slip.right)
        s, e = ctx.token_span(slip.i, slip.i + 1)
        yield Hit(s, e, suggestions=[right], fix=right if slip.certain else None)
