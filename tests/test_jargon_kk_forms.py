"""Kazakh jargon found through the stemmer in every form a letter writes it: words in
capitals, a dash typed for the hyphen, the polite imperative; and the homographs and literal
meanings that must not be taken for officialese (the morphology audit's Kazakh defects)."""

from __future__ import annotations

import pytest

import anyq
from anyq.nlp.stem_kk import stemmer


def jargon(text: str) -> list[tuple[str, str, list[str]]]:
    report = anyq.check(text, lang="kk")
    return [(f.code, f.text, f.suggestions) for f in report.findings if f.category == "jargon"]


def codes(text: str) -> set[str]:
    return {c for c, _, _ in jargon(text)}


# -- a hyphenated word in capitals is a word, not an abbreviation and its ending ----------------
@pytest.mark.parametrize(
    "text,code,span,first",
    [
        ("ӨТІНІШ ЖАН-ЖАҚТЫ ҚАРАЛДЫ.", "J563", "ЖАН-ЖАҚТЫ ҚАРАЛДЫ", "ҚАРАЛДЫ"),
        ("ҚЫЗМЕТТІК ТЕРГЕП-ТЕКСЕРУ ЖҮРГІЗІЛДІ.", "J609", "ҚЫЗМЕТТІК ТЕРГЕП-ТЕКСЕРУ ЖҮРГІЗІЛДІ", "ТЕКСЕРІЛДІ"),
        # an en dash typed for the hyphen inside the word
        ("Өтінішіңіз жан–жақты қаралды.", "J563", "жан–жақты қаралды", "қаралды"),
    ],
)
def test_hyphenated_word_in_capitals_or_with_a_dash(text, code, span, first):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert (hit[1], hit[2][:1]) == (span, [first])


@pytest.mark.parametrize("form,stem", [("ӘРПК-НІҢ", "әрпк"), ("ӘРПК-нің", "әрпк"), ("ЖОО-ЛАРЫНА", "жоо"), ("ҚР-ДАҒЫ", "қр"), ("ЖАН-ЖАҚТЫ", "жан-жақ")])
def test_abbreviation_with_its_ending_in_capitals(form, stem):
    # an ending the nominal chain makes still marks an abbreviation, in capitals as in lower case
    assert stemmer().analyse(form).stem == stem


# -- the polite imperative of a causative verb is a verb -------------------------------------------
@pytest.mark.parametrize(
    "text,code,first",
    [
        ("Тексеру жүргізіңіз.", "J600", "Тексеріңіз"),
        ("Тұрғындармен кездесу өткізіңіз.", "J624", "кездесіңіз"),
        ("Мониторинг жүргізіңіз.", "J605", "Бақылаңыз"),
    ],
)
def test_polite_imperative_of_light_verb(text, code, first):
    hit = next(h for h in jargon(text) if h[0] == code)
    assert hit[2][:1] == [first]


@pytest.mark.parametrize("form,pos", [("жүргізіңіз", "VERB"), ("өткізіңіз", "VERB"), ("табысыңыз", "NOUN"), ("ұсынысыңыз", "NOUN"), ("сипатыңыз", "NOUN")])
def test_imperative_or_possessive_reading(form, pos):
    # «табысыңыз» (your income), «ұсынысыңыз» (your proposal) stay nouns: no causative in them
    assert stemmer().analyse(form).pos == pos
