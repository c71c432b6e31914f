"""Text-hygiene rules that need more than a regular expression: damaged letters and words.

The finding and repair logic lives in ``anyq.hygiene``; these functions turn it into hits.
Every repair offered as a fix is one the dictionary confirms or the damage fully determines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from anyq.engine.model import Hit, Rule
from anyq.engine.needs import need_of
from anyq.engine.registry import DocumentContext, ParagraphContext, document_rule, paragraph_rule
from anyq.hygiene import font_encoding, homoglyphs, lost_letters, mojibake, quotes, repeated_words, spaced_hyphen
from anyq.spell import frequency
from anyq.spell.candidates import kazakh_restoration, kk_word_may_start, known_kk_filling, known_kk_word
from anyq.spell.dictionary import is_known, known_ru_form
from anyq.spell.rank import match_case
from anyq.spell.words import WordOptions, abbreviation_set, unknown_words


def _lang_at(ctx: DocumentContext):
    paragraphs = ctx.paragraphs

    def lang_at(offset: int) -> str:
        for p in paragraphs:
            if p.start <= offset <= p.end:
                return p.lang
        return "other"

    return lang_at


def _known_any(word: str) -> bool:
    return is_known(word, "ru") or is_known(word, "kk")


def _mixed_words(ctx: DocumentContext) -> list[homoglyphs.MixedWord]:
    """The words mixing scripts, found once for T101 and T108 (a working fact: "_" keys are
    not output)."""
    found = ctx.facts.get("_mixed_words")
    if found is None:
        found = ctx.facts["_mixed_words"] = homoglyphs.mixed_words(ctx.source.text, _lang_at(ctx), is_known)
    return found


@document_rule("T101")
def latin_in_cyrillic(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    """A Latin look-alike inside a Cyrillic word («мемлекеттiк», «обрaщение»), a Latin
    letter standing as a Cyrillic word («ознакомиться c документами»), or a whole word typed
    in Latin look-alikes among Cyrillic words («TOO «Береке»», «в PK»)."""
    for w in _mixed_words(ctx):
        if w.script == "cyrillic":
            yield Hit(w.start, w.end, suggestions=[w.fixed] if w.fixed else [], fix=w.fixed)
    for s, e, letter in homoglyphs.latin_letter_words(ctx.source.text):
        yield Hit(s, e, suggestions=[letter], fix=letter)
    for s, e, word in homoglyphs.latin_words(ctx.source.text, _lang_at(ctx), is_known, frequency.is_common_form):
        yield Hit(s, e, suggestions=[word], fix=word)


@document_rule("T108")
def cyrillic_in_latin(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    """A Cyrillic look-alike inside a Latin word: «РhD» (Cyrillic Р), «eGоv»."""
    for w in _mixed_words(ctx):
        if w.script == "latin":
            yield Hit(w.start, w.end, suggestions=[w.fixed] if w.fixed else [], fix=w.fixed)


@document_rule("T106")
def straight_quotes(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    """Straight (or English curly) quotes: «Береке», and „лапки“ inside a quotation
    («Госкорпорация „Правительство для граждан“» for «"Госкорпорация "Правительство для граждан""»)."""
    text = ctx.source.text
    if '"' not in text and "“" not in text:
        return  # most letters quote with «», which this rule leaves alone
    for q in quotes.find(text):
        yield Hit(q.start, q.end, suggestions=[q.fix] if q.fix else [], fix=q.fix)


@document_rule("T114")
def spaced_hyphen_in_word(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    """A hyphenated word typed with spaces at its hyphen: «жан - жақты» → «жан-жақты»
    (T107 would make it a dash)."""
    unsure = rule.params.get("message_unsure")
    for h in spaced_hyphen.find(ctx.source.text, known_ru_form, _ru_tags):
        if h.sure:
            yield Hit(h.start, h.end, suggestions=[h.word], fix=h.word)
            continue
        # a hyphenated word or a dash: both offered, neither written
        message = unsure.get(_lang_at(ctx)(h.start), unsure["ru"]) if isinstance(unsure, dict) else None
        dash = _SPACED_DASH.sub(" — ", ctx.source.text[h.start : h.end])
        yield Hit(h.start, h.end, values={"dash": dash}, suggestions=[h.word, dash], message=message)


_SPACED_DASH = re.compile(r" ?- ?")


@lru_cache(maxsize=20_000)
def _ru_tags(lower: str) -> tuple[str, ...]:
    """pymorphy3's tags of a lower-case word, most likely first («ADJS neut,sing»)."""
    from anyq.nlp.morph_ru import morphology

    return tuple(str(p.tag) for p in morphology().analyzer.parse(lower))


@cache
def _compiled(regex: str, ignorecase: bool) -> re.Pattern[str]:
    return re.compile(regex, re.I if ignorecase else 0)


@document_rule("T104")
def repeated_word(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    """A word typed twice on one line: «для для» → «для»; a reduplication our dictionaries know
    → its hyphenated form («чуть чуть» → «чуть-чуть»); a Kazakh word said twice («жиі жиі»),
    a reduplication missing its hyphen or a slip, with no fix."""
    text = ctx.source.text
    need = need_of(rule.params)
    if need is not None and not ctx.meets(need):
        return  # the text has no two neighbouring words alike (the regex's pre-test)
    lang_at = _lang_at(ctx)
    messages = rule.params.get("message_hyphen"), rule.params.get("message_either")
    for r in repeated_words.find(text, _compiled(rule.regex, rule.ignorecase), lang_at, known_ru_form):
        if r.fix == r.word:
            yield Hit(r.start, r.end, suggestions=[r.word], fix=r.word)
            continue
        lang = lang_at(r.start)
        message = messages[0] if r.fix else messages[1]
        if isinstance(message, dict):
            message = message.get(lang if lang in message else "ru")
        if r.fix:
            yield Hit(r.start, r.end, suggestions=[r.fix], message=message, fix=r.fix)
        else:
            yield Hit(r.start, r.end, values={"hyphenated": r.hyphenated}, suggestions=[r.word, r.hyphenated], message=message)


def _kk_frequency(word: str) -> float:
    return sum(frequency.log_frequency(word, "kk"))


@document_rule("T109")
def lost_kazakh_letters(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    """Kazakh letters lost as «?»: «?аза?стан», «? аза ? стан» → «Қазақстан»."""
    text = ctx.source.text
    if "?" not in text:
        return
    margin = float(rule.params.get("fix_margin", 0.5))
    budget = rule.params.get("lookup_budget")
    is_name = lambda w: frequency.is_name(w, "kk")  # noqa: E731
    found, stopped = lost_letters.restore_within(
        text, known_kk_filling, _kk_frequency, is_name, kk_word_may_start, int(budget) if budget else None
    )
    for r in found:
        sure = not r.alternatives or _kk_frequency(r.word.lower()) - _kk_frequency(r.alternatives[0].lower()) >= margin
        yield Hit(r.start, r.end, suggestions=[r.word, *r.alternatives], fix=r.word if sure else None)
    if stopped is not None:
        # one finding for the rest: thousands of guesses help no one, the source must be re-saved
        message = rule.params.get("message_stopped")
        if isinstance(message, dict):
            lang = _lang_at(ctx)(stopped.start)
            message = message.get(lang if lang in message else "kk")
        yield Hit(stopped.start, stopped.end, values={"remaining": stopped.remaining}, message=message)


@document_rule("T110")
def old_font_letters(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    """Kazakh letters in the slots of old Kazakh fonts: «Салыќ жѕне» → «Салық және»."""
    text = ctx.source.text
    if not font_encoding.ANY_SUBSTITUTE.search(text):
        return
    found = font_encoding.find(text, known_kk_word)
    evidence = sum(1 for f in found if f.known)
    lang_at = _lang_at(ctx)
    for f in found:
        # outside Kazakh paragraphs only when the document shows the damage several times
        # (a Ukrainian «їде» in a Russian paragraph is not a Kazakh word in an old font)
        if lang_at(f.start) != "kk" and evidence < int(rule.params.get("min_evidence", 3)):
            continue
        yield Hit(f.start, f.end, suggestions=[f.word], fix=f.word)


def _a_name(doc, token) -> bool:
    """Is this capitalised word at a sentence start a name all the same? A name we know as typed
    («Ким мырза»), or the first of a line of capitalised words («Ким Виктор Сергеевичке»)."""
    if frequency.is_name(token.text.lower(), "ru"):
        return True
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and "\n" not in token.whitespace_


_T111_WORDS = WordOptions(skip_names=False, skip_quoted=True, min_length=3)  # built once, not per paragraph


@paragraph_rule("T111")
def kazakh_letters_typed_russian(ctx: ParagraphContext, rule: Rule) -> Iterator[Hit]:
    """A Kazakh word typed with Russian look-alike letters: «казакстан» → «қазақстан»."""
    if ctx.lang != "kk":
        return
    opts = _T111_WORDS
    max_changes = int(rule.params.get("max_changes", 4))
    for w in unknown_words(ctx.doc, opts, "kk", abbreviation_set()):
        text = w.text
        if "-" in text or w.joined:
            continue  # (a word hyphenated at a line end: its fix would join the two lines)
        restored = kazakh_restoration(text.lower(), max_changes)
        if restored is None:
            continue
        changed = sum(a != b for a, b in zip(text.lower(), restored))
        common = frequency.is_common_form(restored, "kk")
        if not common and (changed == 1 or frequency.log_frequency(restored, "kk")[0] == 0):
            # the unknown word may be a correct one our dictionaries lack («отбасына» is not
            # «отбасыңа»): restore only into words our letters use (one letter: this very form);
            # otherwise the speller reports it with its suggestions
            continue
        if text[:1].isupper() and not frequency.is_name(restored, "kk") and (not w.sentence_start or _a_name(ctx.doc, w.token)):
            continue  # «Ким», «Пак»: a name, unless the restoration is a name we know (Қазақстан)
        fixed = match_case(text, restored)
        s, e = ctx.token_span(w.token.i, w.token.i + 1)
        yield Hit(s, e, suggestions=[fixed], fix=fixed)


@document_rule("T112")
def mojibake_text(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    """Text decoded with the wrong code page: «Рѕ», «Ð¡», «Ñîîáùàåì», «�»."""
    text = ctx.source.text
    lost = rule.params.get("message_lost")
    for g in mojibake.find(text, _known_any):
        if g.repaired is None:
            message = None
            if isinstance(lost, dict):
                lang = _lang_at(ctx)(g.start)
                message = lost.get(lang if lang in lost else "ru")
            yield Hit(g.start, g.end, message=message)
        else:
            yield Hit(g.start, g.end, suggestions=[g.repaired], fix=g.repaired)
