"""--fix, --diff, --fix-spelling and the edit machinery behind them."""

from __future__ import annotations

import json
import os
import re
import stat

from typer.testing import CliRunner

import anyq
from anyq.cli import app
from anyq.findings import FileReport, Finding
from anyq.fixes import Edit, apply, fix_text, resolve

runner = CliRunner()
DAMAGED = "Ваше  обрaщение рассмотрено ,ответ направлен в в срок - до 15 мая.\nОбрашение передано в ТОО \"Береке\".\n"
FIXED = "Ваше обращение рассмотрено, ответ направлен в срок — до 15 мая.\nОбрашение передано в ТОО «Береке».\n"
FIXED_SPELLING = FIXED.replace("Обрашение", "Обращение")


def _write(tmp_path, name, text, encoding="utf-8", newline="\n"):
    p = tmp_path / name
    p.write_bytes(text.replace("\n", newline).encode(encoding))
    return p


def test_fix_writes_the_safe_fixes_and_reports_what_is_left(tmp_path):
    p = _write(tmp_path, "letter.txt", DAMAGED)
    result = runner.invoke(app, ["check", str(p), "--fix", "--lang", "ru", "-f", "json"])
    assert p.read_text(encoding="utf-8") == FIXED
    data = json.loads(result.stdout)
    codes = [f["code"] for f in data["files"][0]["findings"] if f["code"][0] in "ST"]
    assert codes == ["S101"]  # the misspelling stays: spelling needs --fix-spelling
    assert result.exit_code == 1
    assert "fixed" in result.stderr


def test_fix_spelling_corrects_a_clear_misspelling(tmp_path):
    p = _write(tmp_path, "letter.txt", DAMAGED)
    result = runner.invoke(app, ["check", str(p), "--fix-spelling", "--lang", "ru", "--fail-on", "error"])
    assert p.read_text(encoding="utf-8") == FIXED_SPELLING
    assert result.exit_code == 0, result.output


def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path):
    p = _write(tmp_path, "letter.md", DAMAGED)
    before = (p.read_bytes(), p.stat().st_mtime_ns)
    result = runner.invoke(app, ["check", str(p), "--diff", "--lang", "ru"])
    assert (p.read_bytes(), p.stat().st_mtime_ns) == before
    assert result.exit_code == 1
    out = result.stdout
    assert out.startswith(f"--- {p}\n+++ {p}\n@@")
    assert "-Ваше  обрaщение" in out and "+Ваше обращение" in out
    clean = _write(tmp_path, "clean.txt", FIXED_SPELLING)
    assert runner.invoke(app, ["check", str(clean), "--diff", "--lang", "ru"]).exit_code == 0


def test_fix_keeps_encoding_bom_line_endings_and_permissions(tmp_path):
    cp = _write(tmp_path, "cp1251.txt", DAMAGED, encoding="cp1251", newline="\r\n")
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + DAMAGED.encode("utf-8"))
    os.chmod(cp, 0o640)
    runner.invoke(app, ["check", str(cp), str(bom), "--fix", "--lang", "ru"])
    assert cp.read_bytes() == FIXED.replace("\n", "\r\n").encode("cp1251")
    assert stat.S_IMODE(os.stat(cp).st_mode) == 0o640
    assert bom.read_bytes() == b"\xef\xbb\xbf" + FIXED.encode("utf-8")
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".anyq-tmp")]


def test_kazakh_repairs_a_windows_1251_file_cannot_hold_are_left_out(tmp_path):
    # «?аза?стан» needs қ, which Windows-1251 has no byte for; the double space is still fixed
    p = _write(tmp_path, "kk.txt", "?аза?стан Республикасы  азаматтары\n", encoding="cp1251")
    runner.invoke(app, ["check", str(p), "--fix", "--lang", "kk"])
    assert p.read_bytes() == "?аза?стан Республикасы азаматтары\n".encode("cp1251")


def test_other_formats_are_never_fixed(tmp_path):
    html = _write(tmp_path, "letter.html", "<html><body><p>" + DAMAGED.replace("\n", "</p><p>") + "</p></body></html>")
    rst = _write(tmp_path, "letter.rst", DAMAGED)
    for p in (html, rst):
        before = p.read_bytes()
        result = runner.invoke(app, ["check", str(p), "--fix", "--lang", "ru", "-f", "json"])
        assert p.read_bytes() == before
        assert "not fixed" in result.stderr
    # the findings are still reported
    data = json.loads(runner.invoke(app, ["check", str(html), "--fix", "--lang", "ru", "-f", "json"]).stdout)
    assert any(f["code"] == "T101" for f in data["files"][0]["findings"])


def test_standard_input_is_fixed_to_standard_output():
    result = runner.invoke(app, ["check", "-", "--fix", "--lang", "ru"], input=DAMAGED)
    assert result.stdout == FIXED


def test_allow_and_allowlist_options(tmp_path):
    p = _write(tmp_path, "letter.txt", "Платформа цифроакимат заработала, в цифроакимате доступны госуслуги.\n")
    words = _write(tmp_path, "words.txt", "# our words\nцифроакимат\n")
    base = ["check", str(p), "--lang", "ru", "-f", "json", "--select", "S"]
    assert json.loads(runner.invoke(app, base).stdout)["files"][0]["findings"]
    for extra in (["--allow", "цифроакимат,егов"], ["--allowlist", str(words)]):
        assert json.loads(runner.invoke(app, base + extra).stdout)["files"][0]["findings"] == []
    assert runner.invoke(app, base + ["--allowlist", str(tmp_path / "missing.txt")]).exit_code == 2


def test_overlapping_edits_are_resolved_deterministically():
    edits = [Edit(0, 5, "a", "S101"), Edit(3, 8, "b", "T101"), Edit(3, 8, "c", "T102"), Edit(10, 10, " ", "T105"), Edit(10, 12, "", "T103")]
    for order in (edits, list(reversed(edits))):
        chosen = resolve(order)
        assert chosen == [Edit(3, 8, "b", "T101"), Edit(10, 10, " ", "T105")] or chosen == [Edit(3, 8, "b", "T101"), Edit(10, 12, "", "T103")]
        assert chosen == resolve(edits)
    text, spans = apply("0123456789AB", [Edit(3, 8, "b", "T101")])
    assert text == "012b89AB" and spans == [(Edit(3, 8, "b", "T101"), 3, 4)]


def _finding(code, start, end, fix):
    return Finding("t", 1, start + 1, 1, end + 1, code, "typography", "info", "m", "", start=start, end=end, fix=fix)


def test_a_fix_that_makes_its_rule_fire_again_is_undone():
    # T999 wants every run of x one x longer, so its fix makes it fire again where it wrote
    def check(text):
        runs = [_finding("T999", m.start(), m.end(), m.group() + "x") for m in re.finditer("x+", text)]
        return FileReport(path="t", findings=runs + [_finding("T998", m.start(), m.end(), "y") for m in re.finditer("z", text)])

    result = fix_text("a x z", check)
    assert result.text == "a x y"
    assert [e.code for e in result.applied] == ["T998"]
    assert [e.code for e in result.undone] == ["T999"]


def test_api_fix_applies_hygiene_and_spelling_only_when_asked():
    text = "Обрашение  рассмотрено."
    assert anyq.fix(text, lang="ru") == "Обрашение рассмотрено."
    assert anyq.fix(text, lang="ru", spelling=True) == "Обращение рассмотрено."



def _waiting_in_open(pid: int, seconds: float = 10.0) -> None:
    """Until process ``pid`` waits in open() for a reader of a named pipe (its wchan says
    so), or ``seconds`` pass where the kernel does not tell."""
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            with open(f"/proc/{pid}/wchan", encoding="ascii") as fh:
                if fh.read().strip() == "wait_for_partner":
                    return
        except OSError:
            pass
        time.sleep(0.02)


def test_fix_leaves_a_named_pipe_a_pipe(tmp_path):
    """--fix renames a fixed copy over the file; over a pipe that would replace the pipe with
    a regular file, and reading the pipe again could wait for a writer for ever."""
    import subprocess

    pipe = tmp_path / "letter.txt"
    os.mkfifo(pipe)
    writer = subprocess.Popen(["sh", "-c", 'printf "Текст  с двумя пробелами.\\n" > "$0"', str(pipe)])
    try:
        _waiting_in_open(writer.pid)
        result = runner.invoke(app, ["check", "--fix", "-q", "--no-cache", str(pipe)])
    finally:
        writer.wait(10)
    assert f"{pipe}:1:6: T102" in result.output, result.output
    assert f"{pipe}: not fixed: is not a regular file" in result.output, result.output
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
