"""Every rule's own examples: each bad text produces the rule's finding (on the marked
text, with the expected first suggestion), each good text produces none of it."""

from __future__ import annotations

import pytest

import anyq
from anyq.engine.loader import load_rules

RULES = load_rules()


def _lang(rule) -> list[str]:
    langs = [l for l in rule.languages if l != "any"]
    return langs or ["ru", "kk"]


def _bad_cases():
    for rule in RULES:
        for i, ex in enumerate(rule.bad):
            yield pytest.param(rule, ex, id=f"{rule.code}-bad{i}")


def _good_cases():
    for rule in RULES:
        for i, text in enumerate(rule.good):
            yield pytest.param(rule, text, id=f"{rule.code}-good{i}")


def _check(rule, text, appeal=None):
    lang = _lang(rule)
    # rules for both languages: the example's own language decides
    forced = lang[0] if len(lang) == 1 else None
    return anyq.check(text, lang=forced, select=[rule.code], appeal=appeal)


@pytest.mark.parametrize("rule,example", list(_bad_cases()))
def test_bad_example_is_flagged(rule, example):
    report = _check(rule, example.text, example.appeal)
    hits = [f for f in report.findings if f.code == rule.code]
    assert hits, f"{rule.code} did not flag its bad example: {example.text!r}"
    if example.match is not None:
        assert example.match in [f.text for f in hits], f"{rule.code} flagged {[f.text for f in hits]}, expected {example.match!r}"
    if example.suggestion is not None:
        target = next(f for f in hits if example.match is None or f.text == example.match)
        assert target.suggestions, f"{rule.code} gave no suggestion for {target.text!r}"
        assert target.suggestions[0] == example.suggestion


@pytest.mark.parametrize("rule,text", list(_good_cases()))
def test_good_example_is_clean(rule, text):
    report = _check(rule, text, rule.example_appeals.get(text))
    hits = [f.text for f in report.findings if f.code == rule.code]
    assert not hits, f"{rule.code} flagged its good example {text!r} at {hits}"


def test_every_rule_has_examples_and_docs():
    assert RULES
    for rule in RULES:
        assert rule.bad and rule.good, rule.code
        assert rule.message and rule.explanation, rule.code
