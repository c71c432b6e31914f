"""The linter: a source document in, a scored :class:`FileReport` out.

document → paragraphs → language per paragraph → annotation (one spaCy pass per
language) → rules → findings (filtered, de-duplicated) → stats and scores.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate, compress
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc

from anyq.engine import suppress
from anyq.engine.compiled import CompiledRules
from anyq.engine.literals import Literals, LiteralTest
from anyq.engine.loader import RuleError
from anyq.engine.model import SEVERITY_WEIGHT, Hit, Rule
from anyq.engine.registry import DOCUMENT_RULES, DocumentContext, DocumentRule, ParagraphContext
from anyq.findings import FileReport, Finding
from anyq.langid import assign_languages, language_runs
from anyq.legal.layout import Layout, layout, prose_paragraphs
from anyq.nlp.normalize import doc_text, original_span, span_offsets
from anyq.nlp.strings import token_strings
from anyq.nlp.pipeline import annotate_many
from anyq.nlp.words import WORD, letters_of, word_flags
from anyq.readability import Counts, document_ease, figures, reading_time_minutes
from anyq.scoring import PART_RULES, category_scores, document_score, flagged_words, rounded
from anyq.suggest import fit_match
from anyq.text import LineIndex, Paragraph, SourceDocument, quotations
from anyq.text.invisible import Cleaned, clean_source
from anyq.text.paragraphs import split_paragraphs



# a line break with the indentation around it, quoted in a message as one space
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")



def _outside_quotations(hits: list[tuple[Rule, Hit, str]], paragraphs: list[Paragraph], docs: list[Doc | None]) -> list[tuple[Rule, Hit, str]]:
    """Jargon hits that lie wholly inside a quotation are dropped: the title of a law or a
    programme, a name, the citizen's own words are not the writer's to reword. Quotations are
    read per paragraph: a quote mark left open must not swallow the paragraphs after it."""
    quoted = []
    texts = [p.text if doc is None else doc_text(doc) for p, doc in zip(paragraphs, docs)]
    for i, (p, doc) in enumerate(zip(paragraphs, docs)):
        # the Doc's text, whose quotations J353 and the speller have read already (whitespace
        # folded: the same quotations), placed back in the paragraph
        found = quotations.spans(texts[i])
        if found:
            for a, b in found:
                a, b = (a, b) if doc is None else original_span(doc, a, b)
                quoted.append((p.start + a, p.start + b))
        # a « left open that the next paragraph closes (an appeal quoted over two paragraphs):
        # both parts are quoted, the paragraph break between them too
        q = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        run = quotations.continued(texts[i], texts[i + 1]) if q is not None else None
        if run is not None:
            a, _ = (run[0], 0) if doc is None else original_span(doc, run[0], len(texts[i]))
            nxt = docs[i + 1]
            _, b = (0, run[1]) if nxt is None else original_span(nxt, 0, run[1])
            quoted.append((p.start + a, q.start + b))
    if not quoted:
        return hits
    quoted = _merged(quoted)
    return [h for h in hits if h[0].category != "jargon" or not quotations.inside(quoted, h[1].start, h[1].end)]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in order, overlapping ones joined: a quotation run on into the next paragraph may
    hold quotations of its own, and :func:`quotations.inside` needs disjoint spans."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


class _SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"

    def __getitem__(self, key: str) -> Any:
        value = dict.__getitem__(self, key)
        return _Count(value) if type(value) is int else value


class _Count(int):
    """A count in a message. ``{value:слово|слова|слов}`` prints it with its noun agreeing in
    Russian: «1 слово», «22 слова», «41 слово», «12 слов» (Kazakh nouns after a number take no
    plural: «{value} сөз»)."""

    def __format__(self, spec: str) -> str:
        if "|" not in spec:
            return int.__format__(self, spec)
        one, few, many = spec.split("|")
        n = abs(self) % 100
        form = many if 11 <= n <= 14 else one if n % 10 == 1 else few if 2 <= n % 10 <= 4 else many
        return f"{int(self)} {form}"


class _RulePart:
    """What every finding of a rule in a language shares, looked up once per linter."""

    __slots__ = ("rule", "template", "bare", "only_match", "severity", "weight", "advice")

    def __init__(self, rule: Rule, lang: str, severity: str | None = None) -> None:
        self.rule = rule
        self.template = rule.message_for(lang)
        # for a finding without a suggestion: no «лучше «».»
        self.bare = rule.message_for(lang, replacement=False)
        # Most messages have one field, «{match}», or none: a replace fills them exactly as
        # format_map does (a str formats as itself), at a tenth of the cost with its _SafeDict.
        rest = self.template.replace("{match}", "", 1)
        self.only_match = "{" not in rest and "}" not in rest
        # a severity set in the config (``severity = {J101 = "error"}``) moves the weight with
        # it, as the shown severity does, unless the rule sets a weight of its own
        self.severity = severity or rule.severity
        self.weight = rule.weight if rule.weight is not None else SEVERITY_WEIGHT[self.severity]
        self.advice = rule.advice_for(lang)


@dataclass(slots=True)
class Selection:
    """Which rules run: ruff-style ``select``/``ignore`` by code, prefix or category."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)

    @staticmethod
    def _hits(rule: Rule, selectors: Iterable[str]) -> bool:
        for s in selectors:
            s = s.strip()
            if not s:
                continue
            if s.upper() == "ALL" or rule.code.startswith(s.upper()) or rule.category == s.lower():
                return True
        return False

    def enabled(self, rule: Rule) -> bool:
        if self._hits(rule, self.ignore):
            return False
        if self.select is None:
            return rule.enabled
        if not rule.enabled:
            return rule.code in {s.upper() for s in self.select}
        return self._hits(rule, self.select)


def check_selection(rules: Iterable, selectors: dict[str, Iterable[str] | None]) -> None:
    """A selector that names no rule is a typo, not a wish: «--select Q1» would otherwise
    run nothing and pass every letter, «--ignore J1O1» ignore nothing (ruff refuses both).

    ``selectors`` by the key they were given under (``select``, ``extend-select``, …), which
    the message names; config files (anyq.configfile), the command line and the API use it."""
    rules = list(rules)
    for key, given in selectors.items():
        for s in given or ():
            if s.strip() and not any(Selection._hits(r, (s,)) for r in rules):
                raise RuleError(f"{key}: {s.strip()!r} matches no rule (a code, code prefix or category of `anyq rules`)")


YOUNG_COLLECTION_THRESHOLD = 50_000


def freeze_long_lived_objects() -> None:
    """Once a first document has loaded the lexicons, morphology and caches (hundreds of
    thousands of objects that live as long as the process), move them out of the garbage
    collector's generations: otherwise every full collection walks them again (a tenth of a
    second each, several per batch). Frozen objects are still freed by reference counting.
    The command line's workers call this after their first file; a program embedding the
    linter decides for itself, since it freezes that program's objects too.

    The young generation is then collected every 50,000 allocations instead of 700: a check
    allocates hundreds of thousands of short-lived objects, and those frequent collections
    cost about 1 % of it (measured with callgrind); cycles still go within a document or two."""
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *gc.get_threshold()[1:])


class Linter:
    def __init__(self, rules: list[Rule], selection: Selection | None = None, options: Any = None) -> None:
        self.selection = selection or Selection()
        self.all_rules = rules
        active = [r for r in rules if self.selection.enabled(r)]
        self.compiled = CompiledRules(active)
        self.options = options
        self.known_codes = frozenset(r.code for r in rules)
        # the categories scored: one whose rules are all left out by --select/--ignore was not
        # checked, and is not shown as a perfect 100 nor averaged into the score
        self.categories = frozenset(r.category for r in active)
        self.verdicts = frozenset(r.code for r in active if r.verdict)
        self._yielding: frozenset[str] | None = None
        self._replacers: frozenset[str] | None = None
        # (code, code) → _drop_superseded's verdict on the pair, see _verdict
        self._verdicts: dict[tuple[str, str], object] = {}
        self._parts: dict[tuple[str, str], _RulePart] = {}  # (code, language) → what _findings takes from the rule
        self._document_checks: dict[str, list[tuple[Rule, DocumentRule, bool]]] = {}  # language → see _document_checks_for

    # -- public ------------------------------------------------------------------------
    def check(self, source: SourceDocument, lang: str | None = None, options: Any = None, ignore: Iterable[str] = ()) -> FileReport:
        """``options`` replace the linter's own for this document (``--kind`` and ``--appeal`` are
        per document); rules read them as ``ctx.options``. ``ignore`` holds rule selectors to
        drop for this file only (``per-file-ignores`` of a config file)."""
        options = options if options is not None else self.options
        directives = suppress.parse(source.text, source.format, self.known_codes)
        if directives:
            skipped = suppress.skips_file(directives)
            if skipped is not None:
                return _not_checked(source, skipped)
            # the comments themselves are not prose to lint
            source = replace(source, skipped=sorted(source.skipped + [(d.start, d.end) for d in directives]))
        # every stage reads the text without stress marks, soft hyphens, zero-width characters
        # and decomposed letters; the findings are placed in the text as read (_findings)
        read, (source, cleaned) = source, clean_source(source)
        paragraphs = split_paragraphs(source)
        forced = lang if lang in ("kk", "ru") else None
        for p, l in zip(paragraphs, assign_languages([p.text for p in paragraphs], forced)):
            p.lang = l
        if forced is None:
            paragraphs = _language_runs(paragraphs)
        docs = self._annotate(paragraphs)
        hits: list[tuple[Rule, Hit, str]] = []
        for p, doc in zip(paragraphs, docs):
            if doc is not None:
                hits += self._paragraph_hits(source, p, doc, options)
        dctx = DocumentContext(source, paragraphs, docs, options, cleaned=cleaned)
        # the reply layout's zones, read once: the statistics measure its prose, and the legal
        # analysis adds the sentences to the same reading
        lang_read = dctx.language if dctx.language in ("ru", "kk") else "ru"
        zones_read = layout(paragraphs, [None] * len(paragraphs), lang_read)
        dctx.facts["_layout_zones"] = {lang_read: zones_read}
        counts, prose = _counts(paragraphs, docs, zones_read)
        dctx.facts["readability"] = _readability(prose)
        facts = [d.fact() for d in directives]
        if facts:
            dctx.facts["suppressions"] = facts
        hits += self._document_hits(dctx)
        hits = _outside_quotations(hits, paragraphs, docs)
        findings = self._findings(read, hits, cleaned)
        if directives or ignore:
            findings = suppress.apply(findings, directives, ignore)
            for d, fact in zip(directives, facts):
                fact["suppressed"] = d.suppressed
        scored = self.categories
        # per-file-ignores and «# anyq: ignore-file CODE» comments leave rules out for this file
        # alone: a category none of whose rules is left is not scored, nor a part (evasiveness)
        # whose rule is out
        ignored = [*ignore, *(c for d in directives if d.verb == "ignore-file" for c in d.codes)]
        if ignored:
            scored = frozenset(r.category for r in self.compiled.by_code.values() if not Selection._hits(r, ignored))
            if any(Selection._hits(self.compiled.by_code[c], ignored) for c in PART_RULES.values() if c in self.compiled.by_code):
                dctx.facts.pop("scores", None)
        report = self._report(read, paragraphs, counts, prose, findings, dctx, scored)
        for doc in docs:
            if doc is not None:
                # what the rules kept on a paragraph (its unknown words, sentence facts) points
                # back at the Doc: without this a batch's Docs live on as cycles until the
                # collector's next sweep, which then walks all of them
                doc.user_data.clear()
        return report

    # -- stages ------------------------------------------------------------------------
    @staticmethod
    def _annotate(paragraphs: list[Paragraph]) -> list[Doc | None]:
        docs: list[Doc | None] = [None] * len(paragraphs)
        for lang in ("ru", "kk"):
            idx = [i for i, p in enumerate(paragraphs) if p.lang == lang]
            if idx:
                for i, doc in zip(idx, annotate_many([paragraphs[i].text for i in idx], lang)):
                    docs[i] = doc
        return docs

    def _paragraph_hits(self, source: SourceDocument, p: Paragraph, doc: Doc, options: Any = None) -> list[tuple[Rule, Hit, str]]:
        lm = self.compiled.for_language(p.lang)
        out: list[tuple[Rule, Hit, str]] = []
        off = p.start
        for matcher in (lm.phrase_lemma, lm.phrase_text, lm.tokens):
            if matcher is None:
                continue
            for match_id, s, e in matcher(doc):
                key = doc.vocab.strings[match_id]
                rule, entry = lm.keys[key]
                fix = fit_match(p.lang, doc, s, e, entry)
                span = doc[fix.start if fix.start is not None else s : fix.end]
                a, b = span_offsets(span)
                start, end = off + a, off + b
                out.append((rule, Hit(start, end, suggestions=list(fix.suggestions)), p.lang))
        present = lm.words.words_in(p.text) if lm.regex_rules else 0
        for rule, rx, test in lm.regex_rules:
            if test is not None:
                words, more = test
                if not present & words or (more and not all(map(present.__and__, more))):
                    continue  # without the words a match needs the regex cannot match
            for m in rx.finditer(p.text):
                if m.end() > m.start():
                    out.append((rule, _regex_hit(rule, m, off), p.lang))
        if lm.python_checks:
            lang = p.lang
            ctx = ParagraphContext(source, p, doc, lang, options if options is not None else self.options)
            for rule, run in lm.python_checks:
                for hit in run(ctx, rule):
                    out.append((rule, hit, lang))
        return out

    def _document_hits(self, dctx: DocumentContext) -> list[tuple[Rule, Hit, str]]:
        out: list[tuple[Rule, Hit, str]] = []
        text = dctx.source.text
        lang = dctx.language
        skipped = dctx.source.skipped
        crosses = _block_crossing(dctx.source.blocks)
        for rule, rx, needs in self.compiled.document_regex:
            if needs is not None and not dctx.meets(needs):
                continue  # the text lacks what every match of the regex has (params.needs, needs_any)
            for m in rx.finditer(text):
                if m.end() > m.start() and not any(a <= m.start() < b for a, b in skipped) and not (crosses and crosses(m.start(), m.end())):
                    plang = _lang_at(dctx.paragraphs, m.start()) or lang
                    if rule.applies_to(plang) or "any" in rule.languages:
                        out.append((rule, _regex_hit(rule, m, 0), plang))
        checks = self._document_checks.get(lang)
        if checks is None:
            checks = self._document_checks[lang] = self._document_checks_for(lang)
        for rule, run, keep_skipped in checks:
            keep_all = keep_skipped or not skipped  # most letters skip nothing: no scan per hit
            for hit in run(dctx, rule):
                if keep_all or not any(a <= hit.start < b for a, b in skipped):
                    out.append((rule, hit, hit.lang or _lang_at(dctx.paragraphs, hit.start) or lang))
        return out

    def _document_checks_for(self, lang: str) -> list[tuple[Rule, DocumentRule, bool]]:
        """The document's Python rules that run on a letter mostly in ``lang``, each with its
        registered function and whether its hits in skipped text are kept: the same for every
        letter of that language, so worked out once per linter."""
        checks = []
        for rule in self.compiled.document_python:
            if lang not in ("kk", "ru") and "any" not in rule.languages:
                continue
            if not rule.applies_to(lang) and "any" not in rule.languages:
                continue
            # hits in skipped text (code, comments) are dropped, unless the rule is about that text
            checks.append((rule, DOCUMENT_RULES[rule.code], bool(rule.params.get("inside_skipped"))))
        return checks

    @staticmethod
    def _suppress(hits: list[tuple[Rule, Hit, str]]) -> list[tuple[Rule, Hit, str]]:
        """Drop hits that a suppressing rule's overlapping or adjacent hit explains (``suppresses``):
        the space before «? ызмет» is part of the damage, not a space before a question mark."""
        suppressors = [(r, h) for r, h, _ in hits if r.suppresses]
        if not suppressors:
            return hits
        out = []
        for rule, hit, lang in hits:
            if any(
                r.code != rule.code
                and any(rule.code.startswith(p) for p in r.suppresses)
                and h.start <= hit.end
                and hit.start <= h.end
                for r, h in suppressors
            ):
                continue
            out.append((rule, hit, lang))
        return out

    def _findings(self, source: SourceDocument, hits: list[tuple[Rule, Hit, str]], cleaned: Cleaned | None = None) -> list[Finding]:
        """The findings of ``hits``, which are offsets of ``cleaned.text`` if the text was
        cleaned (see ``anyq.text.invisible``), placed in ``source``, the text as read."""
        text = source.text
        linted = cleaned.text if cleaned is not None else text
        index = LineIndex(text)
        exceptions = self.compiled.exceptions
        severities = self.selection.severity
        parts = self._parts
        # a plain-text source has no format coordinates: every finding's location is {}
        located = bool(source.blocks or source.positions)
        # Markdown markers, which the linted copy has not: a fix may not span one. By start, with
        # the furthest end so far, a bisection finds whether one overlaps a span: testing each
        # marker cost findings × markers (seconds on a long letter with much emphasis)
        markup = sorted(source.markup)
        markup_starts = [a for a, _ in markup]
        markup_reach = list(accumulate((b for _, b in markup), max))
        reach: dict[str, int] = {}  # code → the furthest end of the rule's findings so far
        findings: list[Finding] = []
        hits = self._suppress(hits)
        # By start, then code, longest first: a shorter overlapping hit of the same rule is the one
        # dropped, and the findings come out in their final order (by start, then code) without a
        # second sort. Only hits of one rule compete, so the order across codes changes nothing.
        for rule, hit, lang in sorted(hits, key=lambda h: (h[1].start, h[0].code, h[1].start - h[1].end)):
            start, end = hit.start, hit.end
            if cleaned is not None:
                start, end = cleaned.original_span(start, end)
            furthest = reach.get(rule.code)
            if furthest is not None:
                # the rule's findings start at or before this hit: a non-empty hit overlaps one
                # exactly when one of them ends past the hit's start
                if furthest > start if start < end else any(f.code == rule.code and f.start < end and start < f.end for f in findings):
                    continue
            if rule.code in exceptions and _excepted(linted, hit, exceptions[rule.code], self.compiled.exception_needs[rule.code]):
                continue
            if furthest is None or end > furthest:
                reach[rule.code] = end
            matched = text[start:end]
            # a suggestion or fix that differs from the words only by their stress marks is none
            plain = matched if cleaned is None else linted[hit.start : hit.end]
            part = parts.get((rule.code, lang))
            if part is None or part.rule is not rule:
                part = parts[rule.code, lang] = _RulePart(rule, lang, severities.get(rule.code))
            # a message quotes at most _QUOTE_MAX characters of the match: a run-on «word» of
            # 40,000 letters made a 140,000-character message line (the finding's text keeps all)
            quoted = matched
            if markup and (i := bisect_left(markup_starts, end)) and markup_reach[i - 1] > start:
                # the message quotes the words, «в **целях**» as «в целях»: the markers it holds are
                # among those before ``end``, back to where none reaches ``start``
                held, k = [], i - 1
                while k >= 0 and markup_reach[k] > start:
                    held += [markup[k]] if markup[k][1] > start else []
                    k -= 1
                quoted = _without_markup(text, start, end, held)
            quoted = quoted if len(quoted) <= _QUOTE_MAX else _shorten(quoted)
            if hit.message is None and part.only_match:
                message = part.template.replace("{match}", quoted)
            else:
                template = hit.message or (part.template if hit.suggestions else part.bare)
                # the comma a suggestion brings for pasting («Чтобы обеспечить безопасность,») is not quoted
                values = _SafeDict(match=quoted, replacement=(hit.suggestions[0].rstrip(",") if hit.suggestions else ""), **hit.values)
                try:
                    message = template.format_map(values)
                except (ValueError, IndexError):
                    message = template
            if "\n" in message:
                # a match across a line break (a hard-wrapped letter) is quoted on one line: a
                # finding is one line in -q, the text header and GitHub's plain lines; its text
                # and positions keep the break
                message = _LINE_BREAK.sub(" ", message)
            line, col, end_line, end_col = index.span(start, end)
            fix = hit.fix if rule.fix and hit.fix is not None and hit.fix != plain else None
            if fix is not None and (i := bisect_left(markup_starts, end)) and markup_reach[i - 1] > start:
                fix = None  # the edit would take the Markdown markers it spans with it («для **для**»)
            # positional arguments in the order of Finding's fields: nineteen keywords cost
            # Python a dict and a name match per argument, more than the rest of the call
            findings.append(
                Finding(
                    source.path,
                    line,
                    col,
                    end_line,
                    end_col,
                    rule.code,
                    rule.category,
                    part.severity,
                    message,
                    matched,
                    [s for s in dict.fromkeys(hit.suggestions) if s != plain] if hit.suggestions else [],
                    part.weight,
                    rule.name,
                    lang,
                    part.advice,
                    start,
                    end,
                    source.location_at(start) if located else {},
                    fix,
                )
            )
        return self._drop_superseded(findings)

    def _drop_superseded(self, findings: list[Finding]) -> list[Finding]:
        """Where two rules report the same words, keep the one that says more.

        A rule's ``supersedes`` lists codes whose findings it replaces; a rule's
        ``superseded_by`` lists code prefixes or categories it gives way to. When two rules
        give way to each other, the longer finding stays (the earlier code on a tie).
        """
        # Only a finding whose code some rule supersedes, or whose rule gives way to others, can
        # go; and only to an overlapping finding of a code it gives way to. The findings are sorted
        # by start, so those lie between (start − the longest such finding, end): a bisection
        # instead of a scan of all (a long sentence's finding replaces none and widens nothing).
        may_yield = self._may_yield()
        if not may_yield:
            return findings  # no rule supersedes or gives way
        replacing, verdicts = self._replacing(), self._verdicts
        starts = [f.start for f in findings]
        longest = max([f.end - f.start for f in findings if f.code in replacing], default=0)
        keep = []
        for f in findings:
            if f.code in may_yield:
                lo, hi = bisect_right(starts, f.start - longest), bisect_left(starts, f.end)
                for g in findings[lo:hi]:
                    if f.start < g.end and g is not f:
                        verdict = verdicts.get((f.code, g.code))
                        if verdict is None:
                            verdict = verdicts[f.code, g.code] = self._verdict(f.code, g.code)
                        if verdict is _YIELDS or (verdict is _YIELDS_TO_LONGER and _shorter(f, g)):
                            break
                else:
                    keep.append(f)
            else:
                keep.append(f)
        return keep

    def _verdict(self, f: str, g: str) -> object:
        """Whether a finding of code ``f`` gives way to an overlapping finding of code ``g``:
        _YIELDS, _KEEPS, or _YIELDS_TO_LONGER when the two rules give way to each other. Codes
        alone decide it (a finding's category is its rule's), so _drop_superseded asks once per pair."""
        rf, rg = self.compiled.by_code.get(f), self.compiled.by_code.get(g)
        if rf is None or rg is None or f == g:
            return _KEEPS
        if f in rg.supersedes:
            return _YIELDS
        if not any(g.startswith(p) or rg.category == p for p in rf.superseded_by):
            return _KEEPS
        if any(f.startswith(p) or rf.category == p for p in rg.superseded_by):
            return _YIELDS_TO_LONGER
        return _YIELDS

    def _may_yield(self) -> frozenset[str]:
        """Codes whose findings another rule's finding can replace (see _drop_superseded)."""
        if self._yielding is None:
            by_code = self.compiled.by_code
            self._yielding = frozenset(c for c, r in by_code.items() if r.superseded_by) | frozenset(
                c for r in by_code.values() for c in r.supersedes
            )
        return self._yielding

    def _replacing(self) -> frozenset[str]:
        """Codes whose findings can replace another rule's finding (see _drop_superseded)."""
        if self._replacers is None:
            by_code = self.compiled.by_code
            given_way_to = tuple({p for r in by_code.values() for p in r.superseded_by})
            self._replacers = frozenset(
                c for c, r in by_code.items() if r.supersedes or c.startswith(given_way_to) or r.category in given_way_to
            )
        return self._replacers

    def _report(
        self, source: SourceDocument, paragraphs: list[Paragraph], counts: dict[str, Counts], prose: dict[str, Counts], findings: list[Finding], dctx: DocumentContext,
        scored: Iterable[str] | None = None,
    ) -> FileReport:
        """``counts``: all words; ``prose``: the sentences of the prose (see _counts);
        ``scored``: the categories checked (all by default)."""
        words = {l: counts[l].words for l in ("kk", "ru")}
        sentences = prose["kk"].sentences + prose["ru"].sentences
        lengths = prose["kk"].sentence_lengths + prose["ru"].sentence_lengths
        total = words["kk"] + words["ru"]
        langs = {l: sum(1 for p in paragraphs if p.lang == l) for l in ("kk", "ru", "other")}
        if total == 0:
            language = "other"
        elif min(words.values()) >= 0.2 * total:
            language = "mixed"
        else:
            language = max(words, key=words.__getitem__)
        stats: dict[str, Any] = {
            "words": total,
            "words_by_language": words,
            "sentences": sentences,
            "paragraphs": len({p.index for p in paragraphs}),  # a line's language runs are one paragraph
            "paragraphs_by_language": langs,
            "mean_sentence_length": round((prose["kk"].words + prose["ru"].words) / sentences, 1) if sentences else 0.0,
            "max_sentence_length": max(lengths, default=0),
            "encoding": source.encoding,
        }
        readability = dctx.facts.get("readability") or {}
        ease = document_ease(readability)
        stats["syllables"] = counts["kk"].syllables + counts["ru"].syllables
        stats["reading_time_minutes"] = reading_time_minutes(stats["syllables"])
        stats["reading_ease"] = ease
        stats["readability"] = readability
        stats.update(dctx.facts.get("stats", {}))
        scores = category_scores(
            findings, total, readability_ease=ease, categories=scored, verdicts=self.verdicts, flagged=flagged_words(findings, source.text)
        )
        # parts of the score other stages add (the evasiveness of a reply), see scoring.PART_WEIGHTS
        scores.update(dctx.facts.get("scores", {}))
        # a letter with nothing but its requisites has no text to score: it is checked (its
        # findings stand) but not scored, not given the near-perfect score of a text with no findings
        no_prose = bool(total) and not sentences
        has_text = bool(total) and not no_prose
        report = FileReport(
            path=source.path,
            language=language,
            score=document_score(scores) if has_text else None,  # from the unrounded sub-scores
            scores=rounded(scores) if has_text else {},
            stats=stats,
            findings=findings,
            source_text=source.text,
        )
        if no_prose:
            report.extra["not_scored"] = "no prose to score: only the letterhead, addressee, signature and executor lines"
        if langs["other"]:
            # a table cell with no word («18 450», «—») is a value, not text in another language
            skipped = [p.index + 1 for p in paragraphs if p.lang == "other" and not (p.table_cell and not WORD.search(p.text))]
            if skipped:
                report.stats["skipped_paragraphs"] = skipped
        for key, value in dctx.facts.items():
            # "_…" keys are working state shared by rules, not output
            if key not in ("stats", "scores", "readability") and not key.startswith("_"):
                report.extra[key] = value
        return report


# Linter._verdict's answers
_KEEPS, _YIELDS, _YIELDS_TO_LONGER = object(), object(), object()


def _shorter(f: Finding, g: Finding) -> bool:
    """Of two findings whose rules give way to each other, ``f`` is the one that goes: the
    shorter, or on a tie the later code."""
    lf, lg = f.end - f.start, g.end - g.start
    return lf < lg or (lf == lg and f.code > g.code)


def _not_checked(source: SourceDocument, directive: suppress.Directive) -> FileReport:
    """A file whose author wrote a bare ``anyq: ignore-file``: listed, never scored."""
    return FileReport(
        path=source.path,
        stats={"encoding": source.encoding},
        extra={"not_checked": f"anyq: ignore-file on line {directive.line}" + (f" ({directive.reason})" if directive.reason else "")},
        source_text=source.text,
    )


def _count(paragraphs: list[Paragraph], docs: list[Doc | None], keep: list[bool] | None = None) -> dict[str, Counts]:
    """Words, sentences, syllables and letters per language: the one pass over the words
    that the stats and the readability figures share. ``keep``: the paragraphs to count (all
    by default)."""
    counts = {"kk": Counts(), "ru": Counts()}
    for i, (p, doc) in enumerate(zip(paragraphs, docs)):
        if doc is None or (keep is not None and not keep[i]):
            continue
        c = counts[p.lang]
        flags = word_flags(doc)
        ts = token_strings(doc)
        texts = ts.text
        for a, b in ts.sentence_bounds():
            words = list(compress(texts[a:b], flags[a:b]))
            if words:
                if any(w[0].isdigit() for w in words):
                    # «91-бабының» is read as «бабының»: its syllables and letters are the word's
                    words = [letters_of(w, p.lang) or w for w in words]
                c.add_sentence(words, p.lang)
    return counts


def _prose(paragraphs: list[Paragraph], zones_read: Layout) -> list[bool] | None:
    """Which paragraphs the sentence statistics and readability measure, None for all: the
    reply layout's reading of the letter, without its sentences (it is given no docs)."""
    keep = prose_paragraphs(zones_read, paragraphs)
    return None if all(keep) else keep


def _language_runs(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A paragraph that gives one text in both languages on either side of « / » («Бөлім
    басшысы / Руководитель отдела»), or runs on from a Kazakh sentence to a Russian one, is
    linted as one paragraph per language run (``language_runs``): otherwise its Russian half
    went to the Kazakh speller and got Kazakh thresholds. The runs keep the paragraph's number,
    role and location."""
    out: list[Paragraph] = []
    for p in paragraphs:
        runs = language_runs(p.text) if p.lang in ("kk", "ru") else None
        if runs is None:
            out.append(p)
            continue
        for a, b, lang in runs:
            out.append(Paragraph(p.index, p.start + a, p.start + b, p.text[a:b], lang, location=dict(p.location), role=p.role, grid=p.grid))
    return out


def _counts(paragraphs: list[Paragraph], docs: list[Doc | None], zones_read: Layout) -> tuple[dict[str, Counts], dict[str, Counts]]:
    """The counts of all words, and those of the prose alone (the same when it is all prose,
    or when the layout leaves no prose but a guessed header: a note of short lines without
    final punctuation is measured on all of them). A letter of letterhead, addressee,
    signature and executor lines has no prose: 0 sentences, and _report does not score it."""
    keep = _prose(paragraphs, zones_read)
    if keep is None:
        counts = _count(paragraphs, docs)
        return counts, counts
    prose = _count(paragraphs, docs, keep)
    rest = _count(paragraphs, docs, [not k for k in keep])
    counts = {l: prose[l].plus(rest[l]) for l in prose}
    if not any(c.words for c in prose.values()) and not any(z in ("signature", "footer") for z in zones_read.zones):
        return counts, counts
    return counts, prose


# Readability figures of a few words are noise: a language's figures are reported when it
# has at least this many words, or when no language of the letter has (a short letter, in
# one language or two, is measured on all its words: its reading ease always enters the
# complexity score, as the README formula says).
MIN_READABILITY_WORDS = 30


def _readability(counts: dict[str, Counts]) -> dict[str, dict[str, Any]]:
    short = all(c.words < MIN_READABILITY_WORDS for c in counts.values())
    return {l: figures(c, l) for l, c in counts.items() if c.words and (short or c.words >= MIN_READABILITY_WORDS)}


_QUOTE_MAX = 160


def _without_markup(text: str, start: int, end: int, markup: list[tuple[int, int]]) -> str:
    """``text[start:end]`` without the Markdown markers of ``markup`` (spans that overlap it)."""
    keep = bytearray(b"\1") * (end - start)
    for a, b in markup:
        a, b = max(a, start) - start, min(b, end) - start
        keep[a:b] = bytes(b - a)
    return "".join(c for c, k in zip(text[start:end], keep) if k)


def _shorten(text: str) -> str:
    """The first 100 and the last 40 characters of a long match, joined by « … »."""
    return text[:100].rstrip() + " … " + text[-40:].lstrip()


def _regex_hit(rule: Rule, m: re.Match[str], offset: int) -> Hit:
    suggestions = [m.expand(rule.replace)] if rule.replace is not None else []
    values = {k: v for k, v in m.groupdict().items() if v is not None}
    fix = suggestions[0] if rule.fix and suggestions else None
    return Hit(offset + m.start(), offset + m.end(), values=values, suggestions=suggestions, fix=fix)


def _block_crossing(blocks: list | None) -> Callable[[int, int], bool] | None:
    """For a document read from blocks (paragraphs and table cells of a .docx, .odt, .pdf …,
    joined by one line break): whether a span runs from one block into the next. A text
    file's line break may be a hard wrap inside a sentence, a document's never is: «нет» at
    the end of a cell and «Нет» starting the next are no doubled word (T104). None for text
    files, which have no blocks."""
    if not blocks:
        return None
    starts = [b.start for b in blocks]

    def crosses(start: int, end: int) -> bool:
        i = bisect_right(starts, start) - 1
        return i >= 0 and end > blocks[i].end

    return crosses


def _lang_at(paragraphs: list[Paragraph], offset: int) -> str | None:
    for p in paragraphs:
        if p.start <= offset <= p.end:
            return p.lang if p.lang in ("kk", "ru") else None
    return None


def _excepted(text: str, hit: Hit, patterns: list[re.Pattern[str]], needs: list[Literals | None]) -> bool:
    # look at the sentence-sized window around the hit
    a = max(0, hit.start - 80)
    b = min(len(text), hit.end + 80)
    window = text[a:b]
    test = None
    for rx, need in zip(patterns, needs):
        if need is not None:
            test = test or LiteralTest(window)
            if not test.holds_any(need):
                continue  # the window lacks the words every match of the exception holds
        for m in rx.finditer(window):
            if a + m.start() < hit.end and hit.start < a + m.end():
                return True
    return False
