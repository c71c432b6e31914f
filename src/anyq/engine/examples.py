"""A rule's own examples, run: each ``bad`` text must produce the rule's finding (on the
marked text, with the expected first suggestion), each ``good`` text none of it.

The test suite runs the built-in rules' examples with this (``tests/test_rule_examples.py``);
``anyq rules --test`` runs an organisation's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from anyq.config import Settings
from anyq.engine.model import BadExample, Rule

# the user rule files the rules come from: (rule folders, rule files)
Sources = tuple[Sequence[str], Sequence[str]]


@dataclass(slots=True)
class ExampleFailure:
    rule: Rule
    which: str  # "bad" or "good"
    number: int  # from 1, as the examples are written in the file
    problem: str  # «not flagged», «flagged «x», expected «y»»…

    def __str__(self) -> str:
        return f"{self.rule.source}: {self.rule.code}: {self.which} example {self.number} {self.problem}"


def languages_of(rule: Rule) -> list[str]:
    return [l for l in rule.languages if l != "any"] or ["ru", "kk"]


def _findings(rule: Rule, text: str, appeal: str | None, sources: Sources):
    import anyq

    langs = languages_of(rule)
    # rules for both languages: the example's own language decides
    forced = langs[0] if len(langs) == 1 else None
    settings = Settings(rule_dirs=list(sources[0]), rule_files=list(sources[1]))
    report = anyq.check(text, lang=forced, select=[rule.code], appeal=appeal, settings=settings)
    return [f for f in report.findings if f.code == rule.code]


def _quoted(texts: list[str]) -> str:
    return ", ".join(f"«{t}»" for t in texts)


def bad_problem(rule: Rule, example: BadExample, sources: Sources = ((), ())) -> str | None:
    """What is wrong with the rule on a bad example (None: it is flagged as written)."""
    hits = _findings(rule, example.text, example.appeal, sources)
    if not hits:
        return "not flagged"
    if example.match is not None and example.match not in [f.text for f in hits]:
        return f"flagged {_quoted([f.text for f in hits])}, expected «{example.match}»"
    if example.suggestion is not None:
        target = next(f for f in hits if example.match is None or f.text == example.match)
        if not target.suggestions:
            return f"gives no suggestion for «{target.text}», expected «{example.suggestion}»"
        if target.suggestions[0] != example.suggestion:
            return f"suggests «{target.suggestions[0]}» for «{target.text}», expected «{example.suggestion}»"
    return None


def good_problem(rule: Rule, text: str, sources: Sources = ((), ())) -> str | None:
    """What the rule flags in a good example (None: nothing)."""
    hits = _findings(rule, text, rule.example_appeals.get(text), sources)
    return f"flagged {_quoted([f.text for f in hits])}" if hits else None


def run_examples(rules: list[Rule], sources: Sources = ((), ())) -> tuple[int, list[ExampleFailure]]:
    """Every example of ``rules``: how many were run, and the failures in file order.
    ``sources``: the user rule folders and files the rules are loaded with."""
    failures: list[ExampleFailure] = []
    count = 0
    for rule in rules:
        for i, ex in enumerate(rule.bad, 1):
            count += 1
            problem = bad_problem(rule, ex, sources)
            if problem:
                failures.append(ExampleFailure(rule, "bad", i, problem))
        for i, text in enumerate(rule.good, 1):
            count += 1
            problem = good_problem(rule, text, sources)
            if problem:
                failures.append(ExampleFailure(rule, "good", i, problem))
    return count, failures
