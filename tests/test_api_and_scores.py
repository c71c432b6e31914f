"""The Python API and the scores on the bundled example letters."""

import anyq


def test_check_returns_report_objects():
    r = anyq.check("В целях обеспечения безопасности установлен знак.", lang="ru")
    assert isinstance(r, anyq.FileReport)
    f = next(x for x in r.findings if x.code == "J101")
    assert (f.line, f.column, f.text) == (1, 1, "В целях обеспечения безопасности")
    assert f.suggestions[0] == "Чтобы обеспечить безопасность"
    assert set(r.scores) == {"jargon", "legal", "complexity", "spelling", "typography"}
    assert 0 <= r.score <= 100


def test_mixed_document_lints_each_paragraph_in_its_language():
    text = "Өтінішіңіз қаралды. Осыған байланысты жер учаскесі берілмейді.\n\nВ целях обеспечения порядка сообщаем следующее.\n"
    r = anyq.check(text)
    assert r.language == "mixed"
    codes = {(f.code, f.language) for f in r.findings}
    assert ("J501", "kk") in codes and ("J101", "ru") in codes


def test_plain_examples_score_above_officialese(root):
    ex = root / "corpora" / "examples"
    score = {p.name: anyq.check_file(str(p)).score for p in ex.iterdir() if p.suffix in (".txt", ".md")}
    assert score["ru_pension_plain.txt"] > score["ru_utilities_officialese.txt"] + 15
    assert score["kk_school_plain.txt"] > score["kk_land_officialese.txt"] + 15


def test_examples_show_every_category(root):
    report = anyq.check_paths([str(root / "corpora" / "examples")])
    cats = {f.category for r in report.files for f in r.findings}
    assert cats == {"jargon", "legal", "complexity", "spelling", "typography"}
    encodings = {r.stats.get("encoding") for r in report.files}
    assert "cp1251" in encodings


def test_phrases_match_across_line_breaks_and_doubled_spaces():
    text = "Сообщаем, что в\nцелях обеспечения порядка работы ведутся в  рамках программы.\n"
    r = anyq.check(text, lang="ru", select=["J101", "J102"])
    spans = {(f.code, f.line, f.column, f.end_line, f.end_column, f.text) for f in r.findings}
    # the finding reaches as far as its fitted replacement («чтобы обеспечить порядок»)
    assert ("J101", 1, 15, 2, 26, "в\nцелях обеспечения порядка") in spans
    assert ("J102", 2, 42, 2, 61, "в  рамках программы") in spans
    fix = next(f for f in r.findings if f.code == "J101").suggestions[0]
    assert fix.lower().startswith("чтобы обеспечить порядок")
