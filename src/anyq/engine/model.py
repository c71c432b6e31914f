"""What a rule is, independent of how it is matched."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any

CATEGORIES = {
    "J": "jargon",
    "L": "legal",
    "C": "complexity",
    "S": "spelling",
    "T": "typography",
}
CATEGORY_PREFIX = {v: k for k, v in CATEGORIES.items()}
SEVERITIES = ("error", "warning", "info")
KINDS = ("phrase", "pattern", "regex", "python")
SCOPES = ("paragraph", "document")
LANGUAGES = ("ru", "kk")
# Default weight of a finding in the score, by severity; a rule may set its own.
SEVERITY_WEIGHT = {"error": 2.0, "warning": 1.0, "info": 0.3}


@dataclass(slots=True)
class BadExample:
    """A text the rule must flag; ``match`` is the flagged text, ``suggestion`` the first fix."""

    text: str
    match: str | None = None
    suggestion: str | None = None
    # the appeal the example replies to, for rules that compare a reply with its appeal
    appeal: str | None = None


@dataclass(slots=True)
class PhraseEntry:
    """One phrase of a phrase rule and the plain words that can replace it."""

    text: str
    replace: list[str] = field(default_factory=list)
    # The case the replacement governs, when it differs from what the phrase governed:
    # "gen>acc" re-inflects the noun phrase after the match from the genitive to the
    # accusative («провести проверку документов» → «проверить документы»); "gen|ins>acc"
    # from either case; "acc" from whatever case it is in. The finding then covers that
    # noun phrase too. Kazakh: "dat>nom" / "gen>nom" drop the case of the word *before*
    # a postposition («Заңға сәйкес» → «Заң бойынша»).
    object: str | None = None
    # A named rewrite that needs more than one word's inflection (``anyq.suggest.ru``):
    # "purpose" turns «в целях обеспечения безопасности» into «чтобы обеспечить безопасность»,
    # "gerund" turns «путём подачи жалобы» into «подав жалобу».
    rewrite: str | None = None


@dataclass(slots=True)
class Rule:
    code: str
    name: str
    category: str
    languages: tuple[str, ...]
    severity: str
    kind: str
    message: str | dict[str, str]
    explanation: str
    suggestion: str | dict[str, str] = ""
    weight: float | None = None
    scope: str = "paragraph"
    enabled: bool = True
    # a verdict on the letter as a whole («no decision», «отписка», «hard to read»): in the score
    # it costs as in a letter of scoring.LETTER_WORDS words, whatever the letter's length
    verdict: bool = False
    # phrase rules
    phrases: list[PhraseEntry] = field(default_factory=list)
    match_on: str = "lemma"  # "lemma" (ru lemma / kk stem) or "text" (lower-case word forms)
    # pattern rules: spaCy Matcher token patterns
    patterns: list[list[dict[str, Any]]] = field(default_factory=list)
    # regex rules
    regex: str | None = None
    ignorecase: bool = False
    # regex rules: the replacement (``re`` template, «\\1», «\\g<name>») offered as a fix
    replace: str | None = None
    # phrases or regexes whose presence around a match cancels it
    exceptions: list[str] = field(default_factory=list)
    # free parameters for Python rules (thresholds, word lists)
    params: dict[str, Any] = field(default_factory=dict)
    # the rule's fix (regex: the expanded ``replace``; Python rules: ``Hit.fix``) is safe to
    # apply automatically with ``--fix``
    fix: bool = False
    # codes or prefixes whose findings overlapping one of this rule's are dropped: a repair of
    # damaged text («?аза?стан») explains the spelling and spacing findings inside it
    suppresses: list[str] = field(default_factory=list)
    # pattern rules: replacements, object case and rewrite shared by every match
    entry: PhraseEntry | None = None
    # codes of rules whose findings this rule's finding replaces where they overlap
    # (a jargon genitive chain replaces the complexity rule's report of the same chain)
    supersedes: list[str] = field(default_factory=list)
    # code prefixes or categories of rules this rule gives way to on the same words: a
    # verbal noun is not reported again inside «в целях обеспечения …», which says more
    superseded_by: list[str] = field(default_factory=list)
    bad: list[BadExample] = field(default_factory=list)
    good: list[str] = field(default_factory=list)
    # good example text → the appeal it replies to (rules that compare a reply with its appeal)
    example_appeals: dict[str, str] = field(default_factory=dict)
    source: str = ""
    # values Python rules derive from ``params`` (word sets, a threshold resolved for a profile
    # and language), computed once per rule instead of once per paragraph or sentence; a copy
    # with other params (``dataclasses.replace``) starts with none; a hot path may read the
    # dict itself, where building the closure for ``derived`` would cost more than the lookup
    derived_values: dict[Any, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def derived(self, key: Any, build: Callable[[], Any]) -> Any:
        try:
            return self.derived_values[key]
        except KeyError:
            value = self.derived_values[key] = build()
            return value

    def word_set(self, key: str) -> frozenset[str]:
        """``params.<key>`` as a set of lower-case words."""
        return self.derived(("words", key), lambda: frozenset(str(w).lower() for w in self.params.get(key, [])))

    @property
    def finding_weight(self) -> float:
        return self.weight if self.weight is not None else SEVERITY_WEIGHT[self.severity]

    def applies_to(self, lang: str) -> bool:
        return "any" in self.languages or lang in self.languages

    def text_for(self, value: str | dict[str, str], lang: str) -> str:
        if isinstance(value, str):
            return value
        return value.get(lang) or value.get("ru") or next(iter(value.values()), "")

    def message_for(self, lang: str, replacement: bool = True) -> str:
        """The message template; ``replacement=False``: for a finding without a suggestion,
        without the clause that names «{replacement}» (it read «лучше «».»)."""
        template = self.text_for(self.message, lang)
        return template if replacement else without_replacement(template)

    def advice_for(self, lang: str) -> str:
        return self.text_for(self.suggestion, lang)


_CLAUSE_END = re.compile(r"[.!?…)\]]*\s*$")


def _open_bracket(template: str, at: int) -> int:
    """Where the «(» still open at ``at`` is (-1: none)."""
    opened: list[int] = []
    for i, ch in enumerate(template[:at]):
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            opened.pop()
    return opened[-1] if opened else -1


def replacement_clause(template: str) -> int:
    """Where the clause that names «{replacement}» starts: at the «;» before it, else at the
    last «:», «—» or «,» before it, but at the «,» before a one-word lead («…, лучше: «{replacement}»»
    lost only the «: «…»» and read «…, лучше.»). In brackets it is looked for there only, and
    without one the whole bracket is the clause («(лучше «{replacement}»)»).
    -1: none, or no placeholder."""
    at = template.find("{replacement}")
    if at < 0:
        return -1
    bracket = _open_bracket(template, at)
    start = template.rfind(";", bracket + 1, at)
    if start >= 0:
        return start
    start = max(template.rfind(c, bracket + 1, at) for c in ":—,")
    if start >= 0 and template[start] == ":":
        comma = template.rfind(",", bracket + 1, start)
        if comma >= 0 and len(template[comma + 1:start].split()) == 1:
            return comma
        # «…оборот. Лучше: «{replacement}».»: a sentence of its own goes whole, not «…оборот. Лучше.»
        stop = max(template.rfind(c, bracket + 1, start) for c in ".!?")
        if stop >= 0 and stop > comma and len(template[stop + 1:start].split()) <= 2:
            return stop + 1
    return start if start >= 0 else bracket


def without_replacement(template: str) -> str:
    """««{match}» — канцелярит; лучше «{replacement}».» → ««{match}» — канцелярит.»: the
    clause from :func:`replacement_clause` to the next «;», the bracket's «)» or the sentence's
    end is left out (the loader makes sure there is such a clause and that the cut leaves
    brackets and quotes paired)."""
    at = template.find("{replacement}")
    start = replacement_clause(template)
    if start < 0:
        return template
    bracket = _open_bracket(template, at)
    close = template.find(")", at) if bracket >= 0 else -1
    if close >= 0:
        semi = template.find(";", at, close)
        if start == bracket:  # «(лучше «…»)» goes whole, «(лучше «…»; см. …)» keeps «(см. …)»
            return template[:bracket].rstrip() + template[close + 1:] if semi < 0 else template[:bracket + 1] + template[semi + 1:].lstrip()
        return template[:start].rstrip() + template[semi if semi >= 0 else close:]
    rest = template[at:]
    end = rest.find(";")
    if template[start - 1] in ".!?":  # a whole sentence left out: the stop before it stays, once
        after = rest[end + 1:].lstrip() if end >= 0 else ""
        return template[:start].rstrip() + (" " + after[:1].upper() + after[1:] if after else "")
    return template[:start].rstrip() + (rest[end:] if end >= 0 else rest[_CLAUSE_END.search(rest).start():])


@dataclass(slots=True)
class Hit:
    """What a matcher or a Python rule reports before it becomes a finding.

    ``start``/``end`` are offsets in the document text; ``values`` fill the message
    placeholders («{value}», «{threshold}»); ``suggestions`` are replacement texts.
    """

    start: int
    end: int
    values: dict[str, Any] = field(default_factory=dict)
    suggestions: list[str] = field(default_factory=list)
    message: str | None = None
    # the replacement ``--fix`` may apply (only if the rule has ``fix = true``); None: no safe fix
    fix: str | None = None
    # the language of the message and advice when it is not the paragraph's: a finding about the
    # whole letter anchored on a line in another language (L114 on a Kazakh signature of a Russian reply)
    lang: str | None = None
