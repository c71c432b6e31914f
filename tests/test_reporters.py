"""Report formats: SARIF (against the vendored 2.1.0 schema), GitHub annotations, CSV,
JSON statistics, and the HTML page's structure (the browser test is test_html_browser.py)."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from anyq.cli import app
from anyq.reporters.github import escape_data, escape_property

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
runner = CliRunner()
OFFICIALESE = "В целях обеспечения безопасности данного решения осуществляется контроль. Рассмотрев Ваше обращение, сообщаем следующее.\n"
PLAIN = "Мы отремонтируем крышу до 15 мая. Если вы не согласны, напишите нам.\n"


def _run(*args: str, env: dict | None = None):
    return runner.invoke(app, ["check", "--no-cache", *args], env=env)


@pytest.fixture()
def letters(tmp_path, monkeypatch, corpora):
    monkeypatch.chdir(tmp_path)
    d = tmp_path / "letters"
    (d / "kk").mkdir(parents=True)
    for p in (corpora / "examples").iterdir():
        (d / ("kk" if p.name.startswith("kk") else "") / p.name).write_bytes(p.read_bytes())
    # an emoji (outside the Basic Multilingual Plane: two UTF-16 units) before a finding
    (d / "emoji.txt").write_text("👍 В целях проверки сообщаем.\n", encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    return d


def test_sarif_validates_and_carries_rules_locations_fingerprints(letters):
    result = _run("letters", "--format", "sarif")
    assert result.exit_code == 2  # empty.txt cannot be checked
    sarif = json.loads(result.stdout)
    validator = jsonschema.validators.validator_for(SCHEMA)(SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(sarif), key=lambda e: e.path)
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]

    run = sarif["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    results = run["results"]
    assert len(results) > 30
    for r in results:
        rule = rules[r["ruleId"]]
        assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
        assert rule["help"]["text"] and rule["shortDescription"]["text"] and len(rule["fullDescription"]["text"]) <= 1024
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%" and loc["artifactLocation"]["uri"].startswith("letters/")
        assert r["partialFingerprints"]["anyqFindingHash/v1"]
        assert r["level"] in ("error", "warning", "note")
    assert rules["J101"]["properties"]["problem.severity"] == "warning"
    assert "В целях" in rules["J101"]["help"]["text"]  # its examples
    j101 = next(r for r in results if r["ruleId"] == "J101" and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "letters/emoji.txt")
    region = j101["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"]) == (4, 20)  # 👍 is 2 UTF-16 units, then a space
    assert region["snippet"]["text"] == "В целях проверки"
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert notes[0]["level"] == "error" and "empty.txt" in notes[0]["message"]["text"]
    kk = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("letters/kk/")]
    assert kk and any(r["ruleId"].startswith("J5") for r in kk)


def test_sarif_fingerprints_survive_moved_lines(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    p = tmp_path / "a.txt"

    def results():
        out = json.loads(_run("a.txt", "-f", "sarif").stdout)["runs"][0]["results"]
        return {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"].get("snippet", {}).get("text")): r for r in out}

    p.write_text(OFFICIALESE, encoding="utf-8")
    before = results()
    p.write_text("Уважаемый заявитель!\n\n" + OFFICIALESE, encoding="utf-8")
    after = results()
    same = set(before) & set(after)
    assert ("J101", "В целях обеспечения безопасности данного решения") in same and len(same) >= 3
    for key in same:  # the same finding two lines lower keeps its fingerprint
        assert after[key]["partialFingerprints"] == before[key]["partialFingerprints"], key
        assert after[key]["locations"][0]["physicalLocation"]["region"]["startLine"] == before[key]["locations"][0]["physicalLocation"]["region"]["startLine"] + 2


def test_github_escaping():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a,b: c%") == "a%2Cb%3A c%25"


def test_github_annotations_respect_the_per_step_limit(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a,b: c.txt").write_text(OFFICIALESE * 12, encoding="utf-8")
    summary = tmp_path / "summary.md"
    result = _run("a,b: c.txt", "-f", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    lines = result.stdout.splitlines()
    warnings = [l for l in lines if l.startswith("::warning ")]
    assert len(warnings) == 10
    assert "::warning file=a%2Cb%3A c.txt,line=1,col=1,endLine=1,endColumn=49,title=J101 v-celyah::«В целях обеспечения безопасности данного решения»" in "\n".join(warnings)
    plain = [l for l in lines if l.startswith("a,b: c.txt:")]
    total = len([l for l in lines if l.startswith("::")]) + len(plain)
    assert plain and f"{len(plain)} more findings printed above without annotations" in lines[-1]
    assert total == len(json.loads(_run("a,b: c.txt", "-f", "json").stdout)["files"][0]["findings"])
    md = summary.read_text(encoding="utf-8")
    assert md.startswith("## anyq") and "| jargon |" in md and "`a,b: c.txt`" in md


def test_csv_rows(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.txt").write_text(OFFICIALESE, encoding="utf-8")
    (tmp_path / "good.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = _run(".", "-f", "csv", "-o", "out.csv")
    assert result.exit_code == 2
    raw = (tmp_path / "out.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())  # Excel reads the Cyrillic right
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    bad = [r for r in rows if r["path"] == "bad.txt"]
    assert {r["code"] for r in bad} >= {"J101", "J104", "J106"} and all(r["score"] for r in bad)
    j101 = next(r for r in bad if r["code"] == "J101")
    assert (j101["line"], j101["column"], j101["text"]) == ("1", "1", "В целях обеспечения безопасности данного решения") and "Чтобы обеспечить безопасность данного решения," in j101["suggestions"]
    good = [r for r in rows if r["path"] == "good.txt"]
    assert len(good) == 1 and float(good[0]["score"]) > 90 and not good[0]["code"]
    (empty,) = [r for r in rows if r["path"] == "empty.txt"]
    assert empty["error"] == "is empty"
    # files not checked: the row says why (it was empty, as if broken)
    (tmp_path / "draft.txt").write_text("# anyq: ignore-file -- черновик\nВ целях обеспечения безопасности сообщаем.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Your application has been received and will be considered.\n", encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(_run("draft.txt", "en.txt", "-f", "csv").stdout)))
    assert [(r["path"], r["score"], r["error"], r["message"]) for r in rows] == [
        ("draft.txt", "", "", "not checked (anyq: ignore-file on line 1 (черновик))"),
        ("en.txt", "", "", "nothing checked: no Kazakh or Russian text (skipped: paragraph 1)"),
    ]
    assert not _run("bad.txt", "-f", "csv").stdout.startswith("\ufeff")


def test_json_statistics_key(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.txt").write_text(OFFICIALESE, encoding="utf-8")
    data = json.loads(_run("bad.txt", "-f", "json", "--statistics").stdout)
    assert data["statistics"]["findings"] == len(data["files"][0]["findings"])
    assert "statistics" not in json.loads(_run("bad.txt", "-f", "json").stdout)
    # formats for tools keep their output valid: statistics go to standard error
    result = _run("bad.txt", "-f", "jsonl", "--statistics")
    assert json.loads(result.stdout)["path"] == "bad.txt" and "Statistics" in result.stderr


def test_html_statistics_go_to_standard_error(tmp_path, monkeypatch):
    # the page is a machine format like the others: --statistics was silently dropped
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.txt").write_text(OFFICIALESE, encoding="utf-8")
    result = _run("bad.txt", "-f", "html", "-o", "report.html", "--statistics")
    assert "Statistics" in result.stderr
    page = Path("report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Statistics" not in page
    assert "Statistics" not in _run("bad.txt", "-f", "html", "-o", "plain.html").stderr


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_page_is_self_contained_with_charts_and_highlights(letters):
    result = _run("letters", "-f", "html", "-o", "report.html")
    assert result.exit_code == 2  # empty.txt is an input error; the report is written anyway
    html = Path("report.html").read_text(encoding="utf-8")
    page = _Page()
    page.feed(html)
    ids = {a.get("id") for _, a in page.tags}
    assert {"chart-scores", "chart-categories", "chart-folders", "summary", "documents"} <= ids
    bars = [a for t, a in page.tags if t == "rect" and "data-bucket" in a]
    assert len(bars) == 10 and sum(int(a["data-files"]) for a in bars) == 8  # 8 letters scored, empty.txt not
    folders = {a["data-label"] for t, a in page.tags if t == "rect" and "data-label" in a and a.get("data-value", "").replace(".", "").isdigit()}
    assert {"letters", "letters/kk"} <= folders
    marks = [a for t, a in page.tags if t == "mark"]
    notes = [a for t, a in page.tags if t == "li" and "data-code" in a]
    assert marks and notes and any("J101" in a["data-codes"] for a in marks)
    # every note that links to its highlight finds it
    for t, a in page.tags:
        if t == "a" and a.get("href", "").startswith("#m-"):
            assert a["href"][1:] in ids
    # nothing is fetched from anywhere
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert "@import" not in html and "url(" not in html
    assert "default-src 'none'" in html
    assert "is empty" in html  # the unreadable file is listed with its reason


def test_carets_stay_under_the_span_after_a_tab_an_emoji_or_a_combining_mark(tmp_path):
    """The quoted line is drawn as a terminal draws it (a tab as four spaces, an emoji two
    cells, a stress mark none); the carets must start under «В» and be as wide as the span."""
    from typer.testing import CliRunner

    from anyq.cli import app

    for lead in ("\t", "\t\t", "😀😀 ", "до\u0301ма "):
        p = tmp_path / "letter.txt"
        p.write_text(f"{lead}В целях обеспечения безопасности сообщаем о ремонте.\n", encoding="utf-8")
        out = CliRunner().invoke(app, ["check", str(p), "--no-color", "--select", "J101"]).output.splitlines()
        quoted = next(l for l in out if l.startswith("1 | "))
        marks = out[out.index(quoted) + 1]
        drawn = quoted[4:].replace("😀", "😀 ").replace("\u0301", "")  # one character per cell
        column = marks.index("^") - 4
        assert drawn[column:].startswith("В целях"), (lead, quoted, marks)
        assert marks.count("^") == len("В целях обеспечения безопасности"), lead


def test_the_step_summary_keeps_its_table_whatever_the_file_names(tmp_path, monkeypatch):
    """A file name with «|», a backtick or a line break split a cell or ended the code span."""
    import re

    from typer.testing import CliRunner

    from anyq.cli import app

    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    names = ["план|график.txt", "a`b.txt", "`x`.txt", "две\nстроки.txt"]
    for name in names:
        (tmp_path / name).write_text("В целях обеспечения безопасности сообщаем.\n", encoding="utf-8")
    CliRunner().invoke(app, ["check", str(tmp_path), "--no-cache", "-f", "github"])
    rows = [l for l in summary.read_text(encoding="utf-8").splitlines() if l.startswith("| `")]
    assert len(rows) == len(names)
    for row in rows:
        cells = re.split(r"(?<!\\)\|", row)  # GFM splits a row at every «|» not escaped
        assert len(cells) == 4 and re.fullmatch(r" \d+\.\d ", cells[2]), row


def test_files_not_checked_are_counted_once_in_every_total(tmp_path, monkeypatch):
    """A file with no Kazakh or Russian text (no score, no error) was counted as checked:
    «2 files checked», «not checked 0», «**2** files checked». Scored + not checked + with
    errors = files in the text totals, the statistics and the GitHub step summary."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "en.txt").write_text("Dear applicant, your request has been received and will be answered by 1 June.\n", encoding="utf-8")
    (tmp_path / "ru.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    names = ["en.txt", "ru.txt", "empty.txt"]
    text = _run(*names, "--no-color", "--statistics").stdout
    assert "3 files (1 checked, 1 not checked, 1 with errors): " in text
    assert "files      3  (scored 1, from cache 0, errors 1, not checked 1)" in text
    doc = json.loads(_run(*names, "-f", "json", "--statistics").stdout)
    stats, summary_ = doc["statistics"], doc["summary"]
    assert (stats["files"], stats["files_scored"], stats["files_with_errors"], stats["files_not_checked"]) == (3, 1, 1, 1)
    assert (summary_["files"], summary_["files_with_errors"], summary_["files_not_checked"]) == (3, 1, 1)
    summary = tmp_path / "summary.md"
    _run(*names, "-f", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert "**3** files: **1** checked, **1** not checked, **1** with errors;" in summary.read_text(encoding="utf-8")


def test_a_one_word_longest_sentence_is_one_word(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Согласовано.\n", encoding="utf-8")
    line = next(l for l in _run("a.txt", "--no-color").stdout.splitlines() if "sentences:" in l)
    assert "max 1 word;" in line


def test_the_html_badge_shows_the_score_to_a_tenth(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(OFFICIALESE, encoding="utf-8")
    score = json.loads(_run("a.txt", "-f", "json").stdout)["files"][0]["score"]
    assert f'<span class="score {"low" if score < 50 else "mid" if score < 75 else "high"}">{score:.1f}</span>' in _run("a.txt", "-f", "html").stdout


def test_a_message_quotes_a_long_match_shortened_and_the_text_keeps_it_whole():
    """A run-on «word» of thousands of letters, repeated, made a T104 message of 140,000
    characters: one line of text output, a CSV field over Python's default limit."""
    import anyq

    word = "а" * 5000
    report = anyq.check(f"Уважаемый заявитель. {word} {word}.", lang="ru")
    t104 = [f for f in report.findings if f.code == "T104"]
    assert t104 and len(t104[0].text) == 10_001
    assert len(t104[0].message) < 200 and " … " in t104[0].message
    assert all(len(f.message) < 200 for f in report.findings)


def test_one_run_reports_one_mean_score(tmp_path, monkeypatch):
    """The summary (sum()/len()) said 61.2 and --statistics (statistics.fmean) 61.1 for scores
    57.1, 66.8, 79.0, 41.7 (mean 61.15): both now come from scoring.mean_score."""
    from anyq.batch.stats import Statistics
    from anyq.findings import FileReport, Summary

    summary, stats = Summary(), Statistics()
    for i, s in enumerate((57.1, 66.8, 79.0, 41.7)):
        report = FileReport(path=f"{i}.txt", language="ru", score=s, stats={"words": 60})
        summary.add(report)
        stats.add(report)
    assert summary.to_dict()["mean_score"] == stats.to_dict()["score"]["mean"]
    # and every output of a real run prints that one number
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(OFFICIALESE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PLAIN, encoding="utf-8")
    doc = json.loads(_run("a.txt", "b.txt", "-f", "json", "--statistics").stdout)
    mean = doc["summary"]["mean_score"]
    assert mean == doc["statistics"]["score"]["mean"]
    text = _run("a.txt", "b.txt", "--no-color", "--statistics").stdout
    assert f"mean score {mean:.1f}." in text and f"score      mean {mean}," in text


# A letter of its requisites alone: letterhead, outgoing number, addressee, signature,
# executor and phone, no prose. Two doubled spaces (T102, info) in it.
REQUISITES = (
    "ОТДЕЛ ЗЕМЕЛЬНЫХ ОТНОШЕНИЙ ГОРОДА КОНАЕВ\nИсх. № 04-12/318 от 14.03.2025\n\nГражданке  Бекмуратовой Г. Т.\n\n"
    "Руководитель отдела  Искаков Д. Е.\n\nИсп.: Жунусова А.\nТел.: 8 72772 4-10-25\n"
)
NO_PROSE = "no prose to score: only the letterhead, addressee, signature and executor lines"


@pytest.fixture()
def requisites(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "req.txt").write_text(REQUISITES, encoding="utf-8")
    (tmp_path / "plain.txt").write_text(PLAIN, encoding="utf-8")
    return ["req.txt", "plain.txt"]


def test_a_letter_of_requisites_alone_is_checked_not_scored_in_text(requisites):
    """It was «not checked (no prose to score…)» in the text, and in the totals, yet its
    findings were printed, counted and set the exit code: it is checked, with no score."""
    result = _run(*requisites, "--no-color", "--fail-on", "info", "--statistics")
    out = result.stdout
    assert "not checked" not in out.split("Statistics")[0]
    assert out.count("req.txt:4:10: T102 ") == 1 and "req.txt:6:20: T102 " in out
    assert f"req.txt: no score ({NO_PROSE}) — 12 words, 0 sentences, language ru; 2 infos\n" in out
    plain = float(re.search(r"plain\.txt: score (\d+\.\d)/100", out).group(1))
    # counted among the files checked, its findings in the total, left out of the mean
    assert f"2 files checked (1 of them not scored): 2 findings, mean score {plain:.1f}.\n" in out
    assert "files      2  (scored 1, not scored 1, from cache 0, errors 0, not checked 0)" in out
    assert "linted 2 in one process" in out
    assert result.exit_code == 1  # its info findings fail --fail-on info, as any others
    assert _run(*requisites).exit_code == 0  # the default (warning): T102 is info
    # every file once: checked (scored or not) + not checked + with errors
    Path("en.txt").write_text("Dear applicant, your request has been received and will be answered by 1 June.\n", encoding="utf-8")
    Path("empty.txt").write_text("", encoding="utf-8")
    mixed = _run(*requisites, "en.txt", "empty.txt", "--no-color")
    assert "4 files (2 checked, 1 of them not scored, 1 not checked, 1 with errors): 2 findings" in mixed.stdout
    assert mixed.exit_code == 2
    # quiet: the findings, and the exit code they set
    quiet = _run("req.txt", "-q", "--fail-on", "info")
    assert quiet.stdout.splitlines() == ["req.txt:4:10: T102 Лишние пробелы между словами.", "req.txt:6:20: T102 Лишние пробелы между словами."]
    assert quiet.exit_code == 1


def test_a_letter_of_requisites_alone_without_findings_has_no_score_and_passes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "req.txt").write_text(REQUISITES.replace("  ", " "), encoding="utf-8")
    result = _run("req.txt", "--no-color", "--fail-on", "info")
    assert result.stdout.startswith(f"req.txt: no score ({NO_PROSE}) — 12 words, 0 sentences, language ru; no findings\n")
    assert result.exit_code == 0
    doc = json.loads(_run("req.txt", "-f", "json").stdout)
    assert doc["files"][0]["not_scored"] == NO_PROSE and doc["summary"]["files_not_scored"] == 1 and doc["summary"]["mean_score"] is None
    rows = list(csv.DictReader(io.StringIO(_run("req.txt", "-f", "csv").stdout)))
    assert [(r["score"], r["code"], r["message"], r["note"]) for r in rows] == [("", "", f"no score ({NO_PROSE})", f"no score ({NO_PROSE})")]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_letter_of_requisites_alone_is_checked_not_scored_in_json(requisites, fmt):
    result = _run(*requisites, "-f", fmt, "--fail-on", "info", "--statistics")
    assert result.exit_code == 1
    files = json.loads(result.stdout)["files"] if fmt == "json" else [json.loads(line) for line in result.stdout.splitlines()]
    req, plain = files
    # a field of its own, beside the file object's other keys; «not_checked» is for files not checked
    assert req["score"] is None and req["not_scored"] == NO_PROSE and "not_checked" not in req
    assert [f["code"] for f in req["findings"]] == ["T102", "T102"]
    assert plain["score"] is not None and "not_scored" not in plain
    if fmt == "json":
        doc = json.loads(result.stdout)
        summary, stats = doc["summary"], doc["statistics"]
        assert (summary["files"], summary["files_not_checked"], summary["files_not_scored"], summary["findings"]) == (2, 0, 1, 2)
        assert summary["mean_score"] == plain["score"]
        assert (stats["files"], stats["files_scored"], stats["files_not_scored"], stats["files_not_checked"], stats["findings"]) == (2, 1, 1, 0, 2)
        assert stats["run"]["linted"] == 2
    else:
        assert "(scored 1, not scored 1, from cache 0, errors 0, not checked 0)" in result.stderr


def test_a_letter_of_requisites_alone_is_checked_not_scored_in_csv(requisites):
    """Its findings' rows had an empty score and nothing to say why."""
    result = _run(*requisites, "-f", "csv", "--fail-on", "info")
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    req = [r for r in rows if r["path"] == "req.txt"]
    assert [r["code"] for r in req] == ["T102", "T102"]
    assert all(r["score"] == "" and r["note"] == f"no score ({NO_PROSE})" for r in req)
    (plain,) = [r for r in rows if r["path"] == "plain.txt"]
    assert plain["score"] and plain["note"] == ""


def test_a_letter_of_requisites_alone_is_checked_not_scored_in_sarif_github_and_html(requisites, tmp_path):
    sarif = _run(*requisites, "-f", "sarif", "--fail-on", "info")
    assert sarif.exit_code == 1
    doc = json.loads(sarif.stdout)
    validator = jsonschema.validators.validator_for(SCHEMA)(SCHEMA, format_checker=jsonschema.FormatChecker())
    assert not list(validator.iter_errors(doc))
    run = doc["runs"][0]
    assert [r["ruleId"] for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "req.txt"] == ["T102", "T102"]
    (inv,) = run["invocations"]
    assert inv["executionSuccessful"]  # a note, not an error
    assert [(n["level"], n["message"]["text"]) for n in inv["toolExecutionNotifications"]] == [("note", f"req.txt: no score ({NO_PROSE})")]

    summary = tmp_path / "summary.md"
    github = _run(*requisites, "-f", "github", "--fail-on", "info", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert github.exit_code == 1
    lines = github.stdout.splitlines()
    assert f"req.txt: no score ({NO_PROSE})" in lines
    assert sum(l.startswith("::notice file=req.txt,") for l in lines) == 2
    assert "**2** files: **2** checked, **1** of them not scored; mean score **" in summary.read_text(encoding="utf-8")

    html = _run(*requisites, "-f", "html", "--fail-on", "info")
    assert html.exit_code == 1
    assert f'<p class="skip">без оценки · бағаланбады: {NO_PROSE}</p>' in html.stdout
    assert "не проверялся" not in html.stdout


def test_json_says_which_option_applies_each_fix(tmp_path, monkeypatch):
    # "fix" showed a spelling correction that plain --fix never applies (it needs
    # --fix-spelling), and nothing in the JSON told a consumer so; the text report said it
    monkeypatch.chdir(tmp_path)
    letter = Path("letter.txt")
    letter.write_text("Уважаемый Асхат Маратович!\n\nВаше обращение рассмотренно, ответ будет дан в срок - до 15 мая.\n", encoding="utf-8")
    args = ["check", "letter.txt", "--select", "S,T", "--lang", "ru", "--cache-dir", str(tmp_path / "cache")]
    want = [("S101", "рассмотрено", "--fix-spelling"), ("T107", " — ", "--fix")]
    for fmt in ("json", "jsonl", "json", "jsonl"):  # the second pair is served from the cache
        out = runner.invoke(app, [*args, "-f", fmt]).stdout
        file = json.loads(out)["files"][0] if fmt == "json" else json.loads(out)
        assert [(f["code"], f["fix"], f["fix_applies_with"]) for f in file["findings"]] == want, fmt
    text = runner.invoke(app, [*args, "--no-color"]).stdout
    assert "«рассмотрено», «рассмотренное», «рассмотренной» (--fix-spelling)" in text and "« — » (--fix)" in text
    # plain --fix applies what says "--fix", and only that
    runner.invoke(app, [*args, "--fix", "-q"])
    assert "рассмотренно, ответ будет дан в срок — до 15 мая" in letter.read_text(encoding="utf-8")
    fixed = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)["files"][0]["findings"]
    assert [(f["code"], f["fix_applies_with"]) for f in fixed] == [("S101", "--fix-spelling")]
