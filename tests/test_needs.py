"""A rule's declared need (params.needs) is a necessary condition of its regex: wherever the
regex matches, the need holds, so skipping texts without it changes no finding."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

import anyq
from anyq.engine.loader import RuleError, load_file, load_rules
from anyq.engine import needs
from anyq.engine.needs import need_of, repeated_word

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
NEEDY = [r for r in load_rules() if need_of(r.params)]


def _rx(rule):
    return re.compile(rule.regex, re.I if rule.ignorecase else 0)


def test_rules_declaring_a_need():
    assert sorted(r.code for r in NEEDY) == ["T102", "T103", "T104", "T113"]


@pytest.mark.parametrize(
    "text, repeated",
    [
        ("Документы приняты для для рассмотрения.", True),
        ("Документы приняты ДЛЯ для рассмотрения.", True),
        ("Өтініш өтініш бойынша қаралды.", True),
        ("Документы приняты для рассмотрения.", False),
        ("Бұл бұлақтың суы.", False),
        ("İstanbul istanbul", True),  # lowered apart by str.lower: never ruled out
        ("Ответ направлен (в в течение месяца).", True),
        ("Подано «заявление заявление».", True),
        ("Площадь 5 м² м² указана.", True),
        ("В вопросе о сроках, в ведомстве.", False),
        ("Он сказал, что что-то изменилось.", False),  # «что-то» is another word
        ("что, что", False),
        ("", False),
    ],
)
def test_repeated_word(text, repeated):
    assert repeated_word(text) is repeated


def test_repeated_word_same_with_a_cold_warm_or_cleared_cache(monkeypatch):
    # the chunks' last words are kept across texts: the answers must not depend on what was kept
    texts = ["Ответ ответ дан.", "Ответ дан (ответ ответ).", "«для для»", "что что-то", "5 м² м²", "Бұл бұлақ", ""]
    expected = [True, True, True, False, True, False, False]
    monkeypatch.setattr(needs, "_LAST_WORD", {})
    assert [repeated_word(t) for t in texts] == expected  # cold
    assert [repeated_word(t) for t in texts] == expected  # warm
    monkeypatch.setattr(needs, "_MAX_CHUNKS", 3)  # cleared while texts come in
    assert [repeated_word(t) for t in texts] == expected


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """Every corpus text, rule example and good text: read once for all the rules."""
    rules = load_rules()
    out = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CORPORA.rglob("*")) if p.suffix in (".txt", ".md")]
    return out + [ex.text for r in rules for ex in r.bad] + [g for r in rules for g in r.good]


@pytest.mark.parametrize("rule", NEEDY, ids=lambda r: r.code)
def test_need_holds_wherever_the_regex_matches_in_the_corpora(rule, texts):
    rx, need = _rx(rule), need_of(rule.params)
    matched = [t for t in texts if rx.search(t)]
    assert matched, "the corpora hold no match: the test would prove nothing"
    assert all(need(t) for t in matched)
    assert not all(need(t) for t in texts), "a need that always holds skips nothing"


@pytest.mark.parametrize("rule", NEEDY, ids=lambda r: r.code)
def test_need_holds_wherever_the_regex_matches_in_random_text(rule):
    # words drawn from a small alphabet in both cases, so that repeats across case are common
    rx, need = _rx(rule), need_of(rule.params)
    rnd = random.Random(104)
    pieces = ["да", "ДА", "Да", "қ", "Қ", "ӨТ", "өт", "i", "I", "ß", "ẞ", "ǅ", "ǆ", "Ǆ", "5", "_", "²", "(", "-", '"', "“", "”", "«", "="]
    seps = [" ", "  ", "\n", " \n ", "\u00a0", ", ", " ,", " .", ".", "\u00a0?", " ;", "-", " - ", ""]
    found = 0
    for _ in range(10_000):
        text = "".join(rnd.choice(pieces) + rnd.choice(seps) for _ in range(rnd.randint(1, 8)))
        if rx.search(text):
            found += 1
            assert need(text), text
    assert found > 50


def test_unknown_need_is_a_rule_file_error(tmp_path):
    f = tmp_path / "mine.toml"
    f.write_text(
        '[[rule]]\ncode = "T901"\nname = "x"\ncategory = "typography"\nlanguages = ["any"]\nseverity = "info"\n'
        'kind = "regex"\nregex = "ab"\nparams = { needs = "moonlight" }\n'
        'message = "m"\nexplanation = "e"\nsuggestion = "s"\nbad = [{ text = "ab", match = "ab" }]\ngood = ["cd"]\n',
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match="needs"):
        load_file(f)
    f.write_text(f.read_text(encoding="utf-8").replace('needs = "moonlight"', "needs_any = []"), encoding="utf-8")
    with pytest.raises(RuleError, match="needs_any"):
        load_file(f)


def test_check_skips_the_regex_only_where_no_match_could_be():
    report = anyq.check("Жалоба рассмотрена, ответ ответ направлен.\n\nЖалоба рассмотрена, ответ направлен.\n")
    assert [(f.code, f.line, f.text) for f in report.findings if f.code == "T104"] == [("T104", 1, "ответ ответ")]
    report = anyq.check("Жалоба рассмотрена ,  ответ направлен.\n\nЖалоба рассмотрена, ответ направлен.\n")
    assert sorted((f.code, f.line) for f in report.findings if f.code in ("T102", "T103")) == [("T102", 1), ("T103", 1)]


def test_a_long_word_before_a_mark_is_read_in_linear_time():
    # The last letters of a chunk were searched for from every letter of it: a 40,000-letter
    # "word" ending in a full stop took 20 s, 100,000 letters over two minutes. Read once per
    # run of letters now: milliseconds; the generous bound only catches the quadratic case.
    import time

    needs._LAST_WORD.clear()
    text = "Уважаемый заявитель. " + "а" * 100_000 + ". Ответ ответ"
    start = time.perf_counter()
    assert repeated_word(text) is True
    assert time.perf_counter() - start < 2.0


def test_a_need_two_rules_ask_is_tested_once_per_text():
    # T104 (a Python rule now) and T113 both ask «repeated-word»: the runner and the rule share
    # the document's answer instead of splitting the whole text twice
    from anyq.engine.registry import DocumentContext
    from anyq.text import SourceDocument

    calls = []

    def counting(text: str) -> bool:
        calls.append(text)
        return repeated_word(text)

    dctx = DocumentContext(source=SourceDocument(path="-", text="для для проверки"), paragraphs=[], docs=[])
    assert dctx.meets(counting) and dctx.meets(counting)
    assert len(calls) == 1
