"""The command line: output, exit codes, bad input, and no network."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

from typer.testing import CliRunner

from anyq.cli import app

runner = CliRunner()
OFFICIALESE = "В целях обеспечения безопасности данного решения осуществляется контроль. Рассмотрев Ваше обращение, сообщаем следующее.\n"
PLAIN = "Мы отремонтируем крышу до 15 мая. Если вы не согласны, напишите нам.\n"


def _write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def test_findings_exit_1_and_text_shows_code_line_and_score(tmp_path):
    p = _write(tmp_path, "letter.txt", OFFICIALESE)
    result = runner.invoke(app, ["check", str(p), "--no-color"])
    assert result.exit_code == 1
    assert f"{p}:1:1: J101" in result.output
    assert "^^^^^^^" in result.output
    assert "score" in result.output


def test_clean_text_exits_0(tmp_path):
    p = _write(tmp_path, "plain.txt", PLAIN)
    result = runner.invoke(app, ["check", str(p), "--fail-on", "error"])
    assert result.exit_code == 0, result.output


def test_json_shape(tmp_path):
    p = _write(tmp_path, "letter.txt", OFFICIALESE)
    result = runner.invoke(app, ["check", str(p), "--format", "json"])
    data = json.loads(result.stdout)
    assert set(data) >= {"version", "files", "summary"}
    f = data["files"][0]
    assert set(f) >= {"path", "language", "score", "scores", "stats", "findings", "errors"}
    assert f["language"] == "ru" and 0 <= f["score"] <= 100
    first = f["findings"][0]
    for key in ("path", "line", "column", "end_line", "end_column", "code", "category", "severity", "message", "text", "suggestions", "weight"):
        assert key in first
    assert OFFICIALESE.split("\n")[first["line"] - 1][first["column"] - 1 : first["end_column"] - 1] == first["text"]


def test_jsonl_one_object_per_file(tmp_path):
    a = _write(tmp_path, "a.txt", OFFICIALESE)
    b = _write(tmp_path, "b.txt", PLAIN)
    result = runner.invoke(app, ["check", str(a), str(b), "--format", "jsonl"])
    lines = [json.loads(l) for l in result.stdout.splitlines()]
    assert [l["path"] for l in lines] == [str(a), str(b)]


def test_bad_files_give_one_line_errors_exit_2_and_the_rest_is_checked(tmp_path):
    good = _write(tmp_path, "good.txt", OFFICIALESE)
    empty = _write(tmp_path, "empty.txt", "")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\xff" * 50)
    result = runner.invoke(app, ["check", str(tmp_path / "missing.txt"), str(empty), str(binary), str(good), "--format", "jsonl"])
    assert result.exit_code == 2
    files = {json.loads(l)["path"]: json.loads(l) for l in result.stdout.splitlines()}
    assert files[str(good)]["findings"]
    assert files[str(tmp_path / "missing.txt")]["errors"] == ["no such file"]
    assert files[str(empty)]["errors"] == ["is empty"]
    assert "binary" in files[str(binary)]["errors"][0]
    assert "Traceback" not in result.output


def test_text_report_says_unreadable_files_on_stderr_and_json_keeps_them_inside(tmp_path):
    # `anyq check … > report.txt` hid the files that could not be read in the report file;
    # ruff and eslint say them on standard error
    good = _write(tmp_path, "good.txt", OFFICIALESE)
    empty = _write(tmp_path, "empty.txt", "")
    missing = tmp_path / "missing.txt"
    for quiet in ([], ["-q"]):
        result = runner.invoke(app, ["check", str(missing), str(empty), str(good), "--no-cache", "--no-color", *quiet])
        assert result.exit_code == 2
        assert result.stderr.splitlines() == [f"{missing}: error: no such file", f"{empty}: error: is empty"]
        assert "error: " not in result.stdout and f"{good}:" in result.stdout
        # the summary still counts them
        assert bool(quiet) or "3 files (1 checked, 2 with errors)" in result.stdout
    result = runner.invoke(app, ["check", str(missing), str(good), "--no-cache", "-f", "json"])
    assert result.exit_code == 2
    assert [f["errors"] for f in json.loads(result.stdout)["files"]] == [["no such file"], []]


def test_stdin(tmp_path):
    result = runner.invoke(app, ["check", "-", "--format", "json"], input=OFFICIALESE)
    data = json.loads(result.stdout)
    assert data["files"][0]["path"] == "-" and data["files"][0]["findings"]


def test_select_ignore_and_lang(tmp_path):
    p = _write(tmp_path, "letter.txt", OFFICIALESE)
    only = json.loads(runner.invoke(app, ["check", str(p), "-f", "json", "--select", "J101"]).stdout)
    assert {f["code"] for f in only["files"][0]["findings"]} == {"J101"}
    none = json.loads(runner.invoke(app, ["check", str(p), "-f", "json", "--ignore", "J,C"]).stdout)
    assert not any(f["code"][0] in "JC" for f in none["files"][0]["findings"])


def test_usage_errors_exit_2(tmp_path):
    p = _write(tmp_path, "letter.txt", OFFICIALESE)
    assert runner.invoke(app, ["check", str(p), "--lang", "en"]).exit_code == 2
    assert runner.invoke(app, ["check", str(p), "--rules", str(tmp_path / "nope")]).exit_code == 2
    bad_rules = _write(tmp_path, "bad.toml", "[[rule]]\ncode = 'J9999'\nkind = 'phrase'\n")
    r = runner.invoke(app, ["check", str(p), "--rules", str(bad_rules)])
    assert r.exit_code == 2 and "bad.toml" in r.output


def test_user_rule_file_is_used(tmp_path):
    rules = _write(
        tmp_path,
        "org.toml",
        '[[rule]]\ncode = "J990"\nname = "nash-otdel"\nlanguages = ["ru"]\nkind = "phrase"\n'
        'phrases = [{ text = "довести до сведения", replace = ["сообщить"] }, { text = "доводить до сведения", replace = ["сообщать"] }]\n'
        'message = "«{match}»: напишите «{replacement}»."\nexplanation = "Наш стиль."\n'
        'bad = [{ text = "Доводим до сведения граждан.", match = "Доводим до сведения" }]\ngood = ["Сообщаем гражданам."]\n',
    )
    p = _write(tmp_path, "letter.txt", "Доводим до Вашего сведения, что срок продлён. Доводим до сведения граждан.\n")
    data = json.loads(runner.invoke(app, ["check", str(p), "-f", "json", "--rules", str(rules), "--select", "J990"]).stdout)
    hits = data["files"][0]["findings"]
    assert [h["text"] for h in hits] == ["Доводим до сведения"]
    # an organisation's replacement is fitted like the built-in ones: «доводим» → «сообщаем»
    assert hits[0]["suggestions"] == ["Сообщаем"]


def test_rules_explain_version():
    out = runner.invoke(app, ["rules"]).output
    assert "J101" in out and "S101" in out and "T101" in out
    ex = runner.invoke(app, ["explain", "J101"])
    assert ex.exit_code == 0 and "В целях обеспечения безопасности" in ex.output
    assert runner.invoke(app, ["explain", "X000"]).exit_code == 2
    assert runner.invoke(app, ["--version"]).output.startswith("anyq ")


def test_input_files_are_never_written(tmp_path):
    p = _write(tmp_path, "letter.txt", OFFICIALESE, encoding="cp1251")
    before = (p.read_bytes(), p.stat().st_mtime_ns)
    runner.invoke(app, ["check", str(p)])
    assert (p.read_bytes(), p.stat().st_mtime_ns) == before


def test_a_check_opens_no_network_socket(monkeypatch, root):
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise OSError("network disabled by test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    result = runner.invoke(app, ["check", str(root / "corpora" / "examples"), "-f", "json"])
    assert result.exit_code in (0, 1), result.output
    assert calls == []


def test_module_entry_point_runs(tmp_path):
    p = _write(tmp_path, "letter.txt", PLAIN)
    r = subprocess.run([sys.executable, "-m", "anyq", "check", str(p), "--fail-on", "error"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_the_readme_quick_start_sample_is_what_the_examples_print(monkeypatch):
    """Every line of the README's sample output (the «…» lines stand for what it leaves out)
    is printed by the quick start's own command, so the sample cannot drift from the rules."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    sample = re.search(r"\n```\n(corpora/.*?)```", quick_start, re.S).group(1)
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["check", "corpora/examples", "--no-color", "--no-cache"])
    printed = set(result.output.splitlines())
    lines = [line for line in sample.splitlines() if line.strip() not in ("", "…")]
    assert len(lines) >= 8
    assert [line for line in lines if line not in printed] == []


def test_a_file_with_no_kazakh_or_russian_text_says_so_instead_of_passing_in_silence(tmp_path):
    english = _write(tmp_path, "en.md", "Dear Sir, thank you for your letter of 3 May.\n\nTel.: +7 7172 74 00 00\n")
    result = runner.invoke(app, ["check", str(english), "--no-color"])
    assert result.exit_code == 0
    assert result.output.strip() == f"{english}: nothing checked: no Kazakh or Russian text (skipped: paragraphs 1, 2)"


def test_the_summary_counts_one_word_and_one_sentence_in_the_singular(tmp_path):
    p = _write(tmp_path, "one.txt", "Спасибо.\n")
    result = runner.invoke(app, ["check", str(p), "--no-color"])
    assert "— 1 word, 1 sentence, language ru;" in result.output


def test_a_selector_that_names_no_rule_is_a_usage_error_not_a_silent_pass(tmp_path):
    p = _write(tmp_path, "letter.txt", OFFICIALESE)
    for option, value in (("--select", "Q1"), ("--extend-select", "J999"), ("--ignore", "spellling")):
        result = runner.invoke(app, ["check", str(p), option, value])
        assert result.exit_code == 2, (option, result.output)
        assert f"{value!r} matches no rule" in result.output or "is not a rule selector" in result.output
    # prefixes and categories that name rules still work, and so does a user's own rule file
    assert runner.invoke(app, ["check", str(p), "--select", "jargon,C1", "--ignore", "T"]).exit_code == 1
    import pytest

    import anyq

    with pytest.raises(ValueError, match="'Q1' matches no rule"):
        anyq.check(OFFICIALESE, select=["Q1"])


def test_rules_table_refuses_an_unknown_language_or_category():
    assert runner.invoke(app, ["rules", "--lang", "en"]).exit_code == 2
    assert runner.invoke(app, ["rules", "--category", "grammar"]).exit_code == 2
    kk = runner.invoke(app, ["rules", "--lang", "KK", "--category", "jargon"])
    assert kk.exit_code == 0 and "J101" not in kk.output and " kk " in kk.output


def test_the_report_file_is_never_checked_and_a_failed_run_keeps_the_last_report(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "letter.txt", OFFICIALESE)
    for name, fmt in (("report.html", "html"), ("report.txt", "text"), ("out.md", "json")):
        result = runner.invoke(app, ["check", ".", "--no-cache", "-f", fmt, "-o", name])
        assert result.exit_code == 1, (name, result.output)  # not 2: the report is no input
        assert name not in (tmp_path / name).read_text(encoding="utf-8")
    # a later run stopped by a bad config file leaves the last report as it was
    good = (tmp_path / "out.md").read_text(encoding="utf-8")
    (tmp_path / "sub").mkdir()
    _write(tmp_path, "sub/anyq.toml", "selct = 1\n")
    result = runner.invoke(app, ["check", ".", "--no-cache", "-f", "json", "-o", "out.md"])
    assert result.exit_code == 2
    csv = runner.invoke(app, ["check", ".", "--no-cache", "-f", "csv"])
    assert csv.exit_code == 2 and csv.stdout == ""  # not even the CSV header
    assert (tmp_path / "out.md").read_text(encoding="utf-8") == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.txt", "out.md", "report.html", "report.txt", "sub"]


def test_output_naming_an_input_is_a_usage_error_and_the_letter_is_kept(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    p = _write(tmp_path, "letter.txt", OFFICIALESE)
    (tmp_path / "link.txt").symlink_to("letter.txt")
    for args in (["letter.txt", "-o", "letter.txt"], [str(p), "-o", "./letter.txt"], ["link.txt", "-o", "letter.txt", "--fix"]):
        result = runner.invoke(app, ["check", *args, "-f", "json"])
        assert result.exit_code == 2, args
        assert "is one of the files to check" in result.stderr
    assert p.read_text(encoding="utf-8") == OFFICIALESE


def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "letter.txt", OFFICIALESE)
    for args, reason in (
        (["-o", "nodir/x.json", "-f", "json"], "No such file or directory"),
        (["-o", str(tmp_path)], "Is a directory"),
        (["--diff", "-o", "nodir/x.diff"], "No such file or directory"),
        (["--fix", "-o", "nodir/x.txt"], "No such file or directory"),
    ):
        result = runner.invoke(app, ["check", "letter.txt", "--no-cache", *args])
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr == f"anyq: error: {args[args.index('-o') + 1]}: cannot write the report ({reason})\n"
    assert (tmp_path / "letter.txt").read_text(encoding="utf-8") == OFFICIALESE  # --fix wrote nothing


def test_rules_format_is_text_or_json():
    result = runner.invoke(app, ["rules", "-f", "sarif"])
    assert result.exit_code == 2 and "'text', 'json'" in result.output
    assert json.loads(runner.invoke(app, ["rules", "-f", "json"]).stdout)[0]["code"]


def test_a_timeout_that_is_not_a_finite_number_is_a_usage_error(tmp_path):
    # inf made every document an "internal error" (the deadline overflowed the clock), nan ran unlimited
    p = _write(tmp_path, "letter.html", "<p>Ваше обращение рассмотрено, ответ направлен.</p>")
    for value in ("inf", "nan", "-1"):
        result = runner.invoke(app, ["check", str(p), "--isolated", "--no-cache", "--timeout", value])
        assert result.exit_code == 2, (value, result.output)
        assert result.output.strip() == f"anyq: error: --timeout must be 0 (no limit) or a finite number of seconds, not {float(value)!r}"
    assert runner.invoke(app, ["check", str(p), "--isolated", "--no-cache", "--timeout", "0.5", "-q"]).exit_code in (0, 1)


def test_a_selector_error_names_the_option_or_the_api_key_it_was_given_under(tmp_path):
    # «--extend-select Q12» was reported as «select: 'Q12' …»
    p = _write(tmp_path, "letter.txt", OFFICIALESE)
    for option, value, words in (
        ("--extend-select", "Q12", "'Q12' matches no rule"),
        ("--select", "J,Q1", "'Q1' matches no rule"),
        ("--ignore", "jargn!", "'jargn!' is not a rule selector"),
    ):
        result = runner.invoke(app, ["check", str(p), "--isolated", "--no-cache", option, value])
        assert result.exit_code == 2, (option, result.output)
        assert result.output.startswith(f"anyq: error: {option}: {words}"), result.output
    import pytest

    import anyq

    with pytest.raises(ValueError, match="^extend-select: 'Q12' matches no rule"):
        anyq.check(OFFICIALESE, settings=anyq.Settings(extend_select=["Q12"]))
    with pytest.raises(ValueError, match="^select: 'Q1' matches no rule"):
        anyq.check(OFFICIALESE, select=["Q1"])


def test_markdown_inline_code_and_comments_are_not_linted(tmp_path):
    text = (
        "Уважаемый заявитель!\n\n"
        "Ответ подготовлен в системе <!-- в целях обеспечения безопасности, черновк --> и заверен "
        "кодом `данный вопрос обрщение` отдела. Данный вопрос находится на контроле.\n"
    )
    p = _write(tmp_path, "reply.md", text)
    data = json.loads(runner.invoke(app, ["check", str(p), "-f", "json", "--no-cache"]).stdout)
    found = [(f["code"], f["text"]) for f in data["files"][0]["findings"]]
    # the prose around the code and the comment is linted, with no double space left by them
    assert found == [("J341", "подготовлен"), ("J341", "заверен"), ("J464", "Данный вопрос"), ("J131", "находится на контроле")]
    assert data["files"][0]["stats"]["words"] == 15  # none of the words inside the code or the comment


def test_markdown_fenced_code_is_not_linted_and_the_prose_after_it_is(tmp_path):
    text = (
        "Уважаемый заявитель!\n\n````\n```\nданный  вопрос ,пример\n````\n\n"
        "В целях обеспечения безопасности данный вопрос находится на контроле.\n\n"
        "1. Пункт:\n\n   ```\n   Данный вопрос находится на контроле.\n   ```\n\n"
        "```\nНезакрытый  блок ,кода\n"
    )
    p = _write(tmp_path, "fences.md", text)
    data = json.loads(runner.invoke(app, ["check", str(p), "-f", "json", "--select", "J,T", "--no-cache"]).stdout)
    assert [(f["line"], f["code"]) for f in data["files"][0]["findings"]] == [(8, "J101"), (8, "J464"), (8, "J131")]
    diff = runner.invoke(app, ["check", str(p), "--diff", "--no-cache"])
    assert diff.exit_code == 0 and diff.output == ""  # nothing in the code to "fix"


def test_a_finding_across_a_line_break_is_still_one_line(tmp_path):
    p = _write(tmp_path, "wrapped.txt", "Решение принято в соответствии с\n   действующим законодательством.\n")
    quiet = runner.invoke(app, ["check", str(p), "-q", "--select", "L101", "--no-cache"])
    assert quiet.output.splitlines() == [f"{p}:1:17: L101 «в соответствии с действующим законодательством» — ссылка на закон без нормы: читатель не узнает, какое правило применено."]
    [f] = json.loads(runner.invoke(app, ["check", str(p), "-f", "json", "--select", "L101", "--no-cache"]).stdout)["files"][0]["findings"]
    # only the message: the finding's text and positions keep the line break
    assert (f["text"], f["end_line"], f["end_column"]) == ("в соответствии с\n   действующим законодательством", 2, 33)


def test_a_run_that_finds_no_files_says_so(tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["check", str(tmp_path / "empty"), "--no-cache"])
    assert result.exit_code == 0
    assert result.stderr == f"anyq: warning: no files to check under {tmp_path / 'empty'}\n"


def test_output_dash_is_standard_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "letter.txt", OFFICIALESE)
    result = runner.invoke(app, ["check", "letter.txt", "--no-cache", "-f", "json", "-o", "-"])
    assert json.loads(result.stdout)["files"][0]["path"] == "letter.txt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.txt"]  # no file named «-»


def test_a_user_rule_whose_code_names_no_category_is_refused(tmp_path):
    """«X901» with no category loaded with category None and broke the JSON report."""
    rules = _write(tmp_path, "house.toml", """[[rule]]
code = "X901"
name = "house"
languages = ["ru"]
severity = "warning"
kind = "phrase"
phrases = ["касательно"]
message = "«{match}»"
explanation = "x"
bad = [{ text = "Касательно сроков сообщим позже.", match = "Касательно" }]
good = ["О сроках сообщим позже."]
""")
    p = _write(tmp_path, "a.txt", "Касательно сроков ремонта сообщаем позже.\n")
    result = runner.invoke(app, ["check", str(p), "--rules", str(rules), "-f", "json"])
    assert result.exit_code == 2
    assert "rule X901: a code starts with its category's letter (J jargon, L legal, C complexity, S spelling, T typography), not X" in result.output


KAZAKH_REPLY = "Құрметті Айгүл Маратқызы!\n\nӨтінішіңіз қаралды. Анықтама дайын, оны 15 мамырға дейін ХҚКО-дан алуға болады.\n"


def test_kazakh_letters_reach_a_redirected_stdout_whose_locale_encoding_lacks_them(tmp_path):
    """`anyq check kk.txt > report.txt` on a Russian Windows writes to a cp1251 stream, which has
    no қ, ө, ү: every format crashed with a UnicodeEncodeError traceback and exit code 1. A file
    or pipe now gets UTF-8, the bytes -o writes."""
    p = _write(tmp_path, "kk.txt", KAZAKH_REPLY)
    env = {**os.environ, "PYTHONIOENCODING": "cp1251"}
    for args in ([], ["-q"], ["-f", "json"], ["-f", "sarif"]):
        r = subprocess.run([sys.executable, "-m", "anyq", "check", "--no-cache", *args, str(p)], capture_output=True, env=env)
        assert "Traceback" not in r.stderr.decode("utf-8", "replace"), args
        assert r.returncode in (0, 1), (args, r.stderr)
        out = r.stdout.decode("utf-8")
        assert set("әғқңөұүһі") & set(out), args  # Kazakh letters, as they are
        if args[-1:] in (["json"], ["sarif"]):
            json.loads(out)
        if not args:
            assert f"{p}: score " in out  # the text report ran to its end


def test_a_terminal_that_cannot_show_a_letter_gets_an_escape_instead_of_a_crash(monkeypatch):
    import io

    from anyq.cli import _encodable_stdout

    class Terminal(io.TextIOWrapper):
        def isatty(self):
            return True

    raw = io.BytesIO()
    tty = Terminal(raw, encoding="cp1251")
    monkeypatch.setattr(sys, "stdout", tty)
    _encodable_stdout()
    tty.write("Өтініш қаралды\n")
    tty.flush()
    assert raw.getvalue() == "\\u04e8тініш \\u049bаралды\n".encode("cp1251")


def test_a_reader_that_closes_the_pipe_ends_the_run_quietly_with_141(tmp_path):
    """`anyq check … | head` (SARIF is over 64 KB): Click turned the BrokenPipeError into a
    silent exit 1, which claims findings for a clean letter."""
    p = _write(tmp_path, "plain.txt", PLAIN)
    proc = subprocess.Popen([sys.executable, "-m", "anyq", "check", "--no-cache", "-f", "sarif", str(p)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone before anything is written
    stderr = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=300) == 141, stderr
    assert stderr == ""


def test_fail_under_compares_the_score_it_shows_and_names_the_file(tmp_path):
    """The text showed «score 70/100» for 69.9, exited 1 under --fail-under 70 and never said why."""
    p = _write(tmp_path, "reply.txt", "Сообщаем, что Ваше обращение по вопросу ремонта кровли принято к сведению и находится на контроле.\n")
    score = json.loads(runner.invoke(app, ["check", "--no-cache", str(p), "-f", "json"]).stdout)["files"][0]["score"]
    assert score != round(score)  # a score with tenths, which «:.0f» rounded away
    threshold = f"{round(score) + 1}"
    result = runner.invoke(app, ["check", "--no-cache", "--no-color", "--fail-on", "never", "--fail-under", threshold, str(p)])
    assert result.exit_code == 1
    assert f"{p}: score {score:.1f}/100 " in result.stdout
    assert result.stderr == f"{p}: score {score:.1f} is below fail-under {threshold}\n"
    quiet = runner.invoke(app, ["check", "--no-cache", "-q", "--fail-on", "never", "--fail-under", threshold, "-f", "json", str(p)])
    assert quiet.exit_code == 1 and f"{p}: score {score:.1f} is below fail-under {threshold}" in quiet.stderr
    passing = runner.invoke(app, ["check", "--no-cache", "--fail-on", "never", "--fail-under", f"{score}", str(p)])
    assert passing.exit_code == 0 and "below" not in passing.stderr


def test_an_allow_entry_of_several_words_is_a_usage_error(tmp_path):
    # the speller looks words up one at a time: «жылжымайтын мүлік» allowed nothing, silently
    p = _write(tmp_path, "letter.txt", "Жылжымайтын мүлік туралы анықтама беріледі.\n")
    words = _write(tmp_path, "words.txt", "# our words\nжапсаржай\nжылжымайтын мүлік\n")
    for extra, where in (
        (["--allow", "жапсаржай,жылжымайтын мүлік"], "--allow: "),
        (["--allowlist", str(words)], f"{words}: line 3: "),
    ):
        result = runner.invoke(app, ["check", str(p), "--no-cache", "--select", "S"] + extra)
        assert result.exit_code == 2, result.output
        assert result.output.strip().splitlines() == [f"anyq: error: {where}'жылжымайтын мүлік' is several words; the speller checks single words, so allow each word"]
    assert runner.invoke(app, ["check", str(p), "--no-cache", "--select", "S", "--allow", "жапсаржай, мүлік"]).exit_code == 0
    # a file name is no word either: «--allow words.txt» meant --allowlist
    result = runner.invoke(app, ["check", str(p), "--no-cache", "--select", "S", "--allow", "words.txt"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "anyq: error: --allow: 'words.txt' is not a word (a file name?): the speller checks words of letters; a file of words goes in --allowlist"
    ]


def test_check_help_lists_the_formats_a_folder_is_searched_for(root, tmp_path):
    # the help left out .doc, which the README lists and the folder walk picks up
    import re

    from anyq.batch.discover import Discovery
    from anyq.configfile import Resolver

    help_text = " ".join(runner.invoke(app, ["check", "--help"]).output.split())
    listed = re.search(r"every format anyq reads: ([^)]*)\)", help_text).group(1).split(", ")
    readme = re.search(r"searched for ([^)]*)\)", (root / "README.md").read_text(encoding="utf-8")).group(1).split()
    assert listed == readme
    for suffix in listed:
        (tmp_path / f"reply{suffix}").write_bytes(b"x")
    found = Discovery(Resolver(isolated=True)).files([str(tmp_path)])
    assert sorted(os.path.splitext(p)[1] for p in found) == sorted(listed)


def test_output_linking_to_a_letter_of_a_checked_folder_is_a_usage_error(tmp_path, monkeypatch):
    """A stale report.txt link to a letter was written through: the letter emptied, exit 0."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "letters").mkdir()
    p = _write(tmp_path, "letters/letter.txt", OFFICIALESE)
    (tmp_path / "report.txt").symlink_to("letters/letter.txt")
    result = runner.invoke(app, ["check", "letters", "--no-cache", "-o", "report.txt"])
    assert result.exit_code == 2 and "one of the files to check" in result.stderr
    assert p.read_text(encoding="utf-8") == OFFICIALESE
