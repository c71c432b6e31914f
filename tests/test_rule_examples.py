"""Every rule's own examples: each bad text produces the rule's finding (on the marked
text, with the expected first suggestion), each good text produces none of it."""

from __future__ import annotations

import pytest

from anyq.engine.examples import bad_problem, good_problem
from anyq.engine.loader import load_rules

RULES = load_rules()


def _bad_cases():
    for rule in RULES:
        for i, ex in enumerate(rule.bad):
            yield pytest.param(rule, ex, id=f"{rule.code}-bad{i}")


def _good_cases():
    for rule in RULES:
        for i, text in enumerate(rule.good):
            yield pytest.param(rule, text, id=f"{rule.code}-good{i}")


# the same checks as `anyq rules --test` (anyq.engine.examples), one test per example
@pytest.mark.parametrize("rule,example", list(_bad_cases()))
def test_bad_example_is_flagged(rule, example):
    problem = bad_problem(rule, example)
    assert problem is None, f"{rule.code}: bad example {example.text!r} {problem}"


@pytest.mark.parametrize("rule,text", list(_good_cases()))
def test_good_example_is_clean(rule, text):
    problem = good_problem(rule, text)
    assert problem is None, f"{rule.code}: good example {text!r} {problem}"


def test_every_rule_has_examples_and_docs():
    assert RULES
    for rule in RULES:
        assert rule.bad and rule.good, rule.code
        assert rule.message and rule.explanation, rule.code
