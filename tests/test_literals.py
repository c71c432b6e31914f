"""The words a regex rule's match cannot do without, tested before the regex runs."""

from __future__ import annotations

import re
import sys

import pytest

from anyq.engine.literals import OTHER_LETTER, LiteralIndex, LiteralTest, required_literals
from anyq.engine.loader import load_rules


def _needs(pattern: str, flags: int = 0):
    found = required_literals(re.compile(pattern, flags))
    return None if found is None else found.words


def test_words_are_read_from_the_pattern():
    assert _needs(r"\b[^\s]+(?:ылуы|луы)\s+мүмкін\b", re.I) == ("мүмкін",)
    # of several required parts the most selective one (the longest shortest word)
    assert _needs(r"(?:причиной|основанием)(?:\s+\w+){0,3}?\s+(?:явил(?:ось|ся)|явится)", re.I) == ("причиной", "основанием")
    # a branch that needs no fixed word makes the whole alternation useless as a test
    assert _needs(r"(?:в\s+целях|\d+)\s+\w") is None
    # optional parts and look-arounds are not required; words shorter than 3 letters are not worth it
    assert _needs(r"(?<=Настоящим )(?:письмо)?\s+ок") is None
    # a case-blind pattern's words are tested in lower case
    assert _needs(r"ПредставленН\w*", re.I) == ("представленн",)
    # «(?i:…)» inside changes the case rules of its part: that part is not used
    assert _needs(r"(?i:закон)\s+\d") is None


def test_a_paragraph_without_the_words_is_skipped_and_one_with_them_is_not():
    needs = required_literals(re.compile(r"\bвыявленн\w*\s+нарушени\w*", re.I))
    assert not LiteralTest("Нарушений не обнаружено.").holds_any(needs)
    assert LiteralTest("ВЫЯВЛЕННЫЕ нарушения устранены.").holds_any(needs)
    case_sensitive = required_literals(re.compile(r"\bвыявленн\w*"))
    assert not LiteralTest("ВЫЯВЛЕННЫЕ нарушения").holds_any(case_sensitive)


def test_every_required_part_is_tested_not_only_the_most_selective():
    rx = re.compile(r"(?:өтінішіңізді|арызыңызды)\s+қарап,\s+(?:хабарлаймыз|түсіндіреміз)", re.I)
    needs = required_literals(rx)
    assert needs.words == ("хабарлаймыз", "түсіндіреміз")
    assert needs.more == (("өтінішіңізді", "арызыңызды"), ("қарап,",))
    # the verb alone is not enough: the regex cannot match without the other parts
    assert not LiteralTest("Шешімді хабарлаймыз.").holds_any(needs)
    assert not LiteralTest("Арызыңызды алдық, хабарлаймыз.").holds_any(needs)
    assert LiteralTest("Арызыңызды қарап, хабарлаймыз.").holds_any(needs)


def test_letters_with_special_case_rules_always_run_the_regex():
    # a case-blind regex matches «ſ» for «s» and the Kelvin sign for «k», str.lower() does not
    rx = re.compile("sklad", re.I)
    for text in ("ſklad", "s\u212alad"):
        assert rx.search(text)
        assert LiteralTest(text).holds_any(required_literals(rx))


RULES = [r for r in load_rules() if r.kind == "regex"]


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_the_test_never_skips_a_paragraph_the_regex_matches(rule):
    rx = re.compile(rule.regex, re.I if rule.ignorecase else 0)
    needs = required_literals(rx)
    if needs is None:
        return
    texts = [e.text for e in rule.bad] + list(rule.good)
    for text in texts + [t.upper() for t in texts] + [t.title() for t in texts]:
        if rx.search(text):
            assert LiteralTest(text).holds_any(needs), (rule.code, text)


def _passes(index: LiteralIndex, k: int, text: str) -> bool:
    test = index.tests[k]
    present = index.words_in(text)
    return test is None or bool(present & test[0] and all(present & m for m in test[1]))


def test_the_index_of_a_language_answers_as_each_rule_s_own_test():
    patterns = [
        re.compile(r"(?:өтінішіңізді|арызыңызды)\s+қарап,\s+(?:хабарлаймыз|түсіндіреміз)", re.I),
        re.compile(r"\bвыявленн\w*\s+нарушени\w*", re.I),
        re.compile(r"\bвыявленн\w*"),
        re.compile(r"sklad", re.I),
        re.compile(r"\d+"),
    ]
    needs = [required_literals(rx) for rx in patterns]
    index = LiteralIndex(needs)
    assert index.tests[4] is None  # no words to test: the regex always runs
    texts = [
        "Шешімді хабарлаймыз.",
        "Арызыңызды алдық, хабарлаймыз.",
        "Арызыңызды қарап, хабарлаймыз.",
        "ВЫЯВЛЕННЫЕ нарушения устранены.",
        "выявленные\nнарушения",
        "Нарушений не обнаружено.",
        "ſklad",  # a letter a case-blind regex reads otherwise: every case-blind rule runs
        "s\u212alad, выявленн",
        "",
    ]
    for text in texts * 2:  # the second time from the kept chunks
        for k, lit in enumerate(needs):
            assert _passes(index, k, text) == (lit is None or LiteralTest(text).holds_any(lit)), (k, text)
    assert _passes(index, 0, "Арызыңызды қарап, хабарлаймыз.")
    assert not _passes(index, 1, "Нарушений не обнаружено.")
    assert _passes(index, 3, "ſklad") and patterns[3].search("ſklad")


def test_a_word_across_whitespace_is_not_looked_for_in_chunks():
    index = LiteralIndex([required_literals(re.compile("в случае несогласия", re.I))])
    assert index.tests == [None]


class _Counting:
    """A compiled pattern that counts the times it is run."""

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx, self.runs = rx, 0

    def finditer(self, text: str):
        self.runs += 1
        return self.rx.finditer(text)


def test_an_exception_pattern_runs_only_where_its_words_are():
    """A rule's exceptions are asked of a window around each of its findings; a window without
    the words every match of an exception holds is not searched (the answers stay the same)."""
    from anyq.engine.model import Hit
    from anyq.engine.runner import _excepted

    rx = re.compile(r"(?:в\s+соответствии\s+с|согласно)\s+действующ\w+\s+законодательств", re.I)
    counted = _Counting(rx)
    need = required_literals(rx)
    assert need is not None
    text = "Ваше обращение рассмотрено в установленный срок, ответ направлен по почте."
    hit = Hit(text.index("рассмотрено"), text.index("рассмотрено") + len("рассмотрено"))
    assert not _excepted(text, hit, [counted], [need])
    assert counted.runs == 0  # none of its words: the regex is not run
    text = "Согласно действующему законодательству обращение рассмотрено в срок."
    hit = Hit(text.index("рассмотрено"), text.index("рассмотрено") + len("рассмотрено"))
    assert not _excepted(text, hit, [counted], [need])  # the exception lies elsewhere
    hit = Hit(0, len("Согласно"))
    assert _excepted(text, hit, [counted], [need])
    assert counted.runs == 2
    # without a pre-test the pattern runs on every window
    assert not _excepted("Ответ дан.", Hit(0, 5), [counted], [None]) and counted.runs == 3


def test_other_letter_is_every_letter_beyond_ascii_and_cyrillic() -> None:
    # the pattern is written for speed (ranges, then a look-behind): it must take exactly the
    # letters its plain form does, over every code point
    plain = re.compile(r"[^\W\d_a-zA-Z\u0400-\u04ff]")
    wrong = [hex(i) for i in range(sys.maxunicode + 1) if (OTHER_LETTER.match(chr(i)) is None) != (plain.match(chr(i)) is None)]
    assert wrong == []
    assert OTHER_LETTER.search("Өтініш «қаралды» — № 5") is None
    assert OTHER_LETTER.search("Жауап ſ") is not None
