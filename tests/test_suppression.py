"""Suppression comments in .md and .txt, per-file ignores, and the problems they can have."""

from __future__ import annotations

import json

from typer.testing import CliRunner

import anyq
from anyq.cli import app

runner = CliRunner()
J101 = "В целях обеспечения безопасности сообщаем следующее."


def _md(text: str):
    return anyq.check(text, format="md", path="letter.md")


def _txt(text: str):
    return anyq.check(text, path="letter.txt")


def _lines(report, code: str) -> list[int]:
    return [f.line for f in report.findings if f.code == code]


def test_md_comment_suppresses_the_next_block_only():
    text = f"{J101}\n\n<!-- anyq: ignore J101 -- цитата из обращения -->\n{J101}\n{J101}\n\n{J101}\n"
    report = _md(text)
    assert _lines(report, "J101") == [1, 7]  # lines 4-5 (the block after the comment) are quiet
    (fact,) = report.extra["suppressions"]
    assert fact == {"line": 3, "directive": "ignore", "codes": ["J101"], "reason": "цитата из обращения", "suppressed": 2, "problems": []}


def test_md_comment_at_the_end_of_a_line_covers_that_line():
    text = f"{J101} <!-- anyq: ignore J101 -->\n{J101}\n"
    assert _lines(_md(text), "J101") == [2]


def test_only_the_named_codes_are_suppressed():
    text = "<!-- anyq: ignore J104 -->\nВ целях проверки данного решения сообщаем.\n"
    codes = {f.code for f in _md(text).findings}
    assert "J101" in codes and "J104" not in codes


def test_txt_comment_line():
    text = f"# anyq: ignore J101, J104\nВ целях проверки данного решения сообщаем.\n\n{J101}\n"
    report = _txt(text)
    assert _lines(report, "J101") == [4]
    assert "J104" not in {f.code for f in report.findings}
    # the comment line itself is not linted: «в целях» in its reason is no finding
    report = _txt(f"# anyq: ignore J104 -- в целях проверки\n{J101}\n")
    assert _lines(report, "J101") == [2]


def test_a_hash_line_that_is_not_a_directive_is_text():
    report = _txt(f"# Ответ на обращение\n{J101}\n")
    assert _lines(report, "J101") == [2]


def test_ignore_file_with_codes_and_without():
    report = _txt(f"# anyq: ignore-file J101\n{J101}\n\n{J101}\n")
    assert _lines(report, "J101") == []
    assert report.score is not None
    skipped = _md(f"<!-- anyq: ignore-file -- черновик, не отправлять -->\n{J101}\n")
    assert skipped.score is None and not skipped.findings
    assert skipped.extra["not_checked"] == "anyq: ignore-file on line 1 (черновик, не отправлять)"


def test_disable_enable_range():
    text = f"{J101}\n\n# anyq: disable J101\n{J101}\n\n{J101}\n# anyq: enable J101\n\n{J101}\n"
    assert _lines(_txt(text), "J101") == [1, 9]


def test_unknown_codes_and_unreadable_comments_are_reported():
    report = _md(f"<!-- anyq: ignore J999, J101 -->\n{J101}\n\n<!-- anyq: ignore -->\n{J101}\n\n<!-- anyq: ignor J101 -->\n")
    t901 = [f for f in report.findings if f.code == "T901"]
    t902 = [f for f in report.findings if f.code == "T902"]
    assert [f.text for f in t901] == ["J999"] and t901[0].line == 1
    assert [f.text for f in t902] == ["anyq: ignore", "anyq: ignor J101"]
    assert _lines(report, "J101") == [5]  # J101 of the first comment still works; the bare one does nothing
    # a suppression's own problems weigh nothing in the score
    clean = _md(f"<!-- anyq: ignore J101 -->\n{J101}\n")
    assert report.score is not None and clean.score is not None


def test_suppressions_are_in_the_json_output(tmp_path):
    p = tmp_path / "letter.md"
    p.write_text(f"<!-- anyq: ignore J101 -->\n{J101}\n", encoding="utf-8")
    data = json.loads(runner.invoke(app, ["check", str(p), "--format", "json", "--no-cache"]).stdout)
    assert data["files"][0]["suppressions"][0]["suppressed"] == 1


def test_per_file_ignores_for_documents(tmp_path, monkeypatch):
    """Formats without comments (.docx, .pdf …) are handled by path in the config file;
    tested here with a .txt path, since the glob is all that matters."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "anyq.toml").write_text('[per-file-ignores]\n"signed/*" = ["jargon"]\n', encoding="utf-8")
    (tmp_path / "signed").mkdir()
    (tmp_path / "signed" / "a.txt").write_text(J101 + "\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text(J101 + "\n", encoding="utf-8")
    data = json.loads(runner.invoke(app, ["check", ".", "--format", "json", "--no-cache"]).stdout)
    by = {f["path"]: [x["code"] for x in f["findings"]] for f in data["files"]}
    assert "J101" in by["draft.txt"] and not any(c.startswith("J") for c in by["signed/a.txt"])
    scores = {f["path"]: f["scores"] for f in data["files"]}
    # a category the file ignores is not checked there: no sub-score, not a perfect 100
    assert "jargon" not in scores["signed/a.txt"] and scores["draft.txt"]["jargon"] < 100
