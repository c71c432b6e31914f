"""Batch runs: discovery, worker processes, the result cache, statistics, progress."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from anyq.batch import run as batch_run
from anyq.batch.cache import Cache, content_hash
from anyq.batch.discover import Discovery
from anyq.batch.run import BatchRunner
from anyq.cli import app
from anyq.configfile import Resolver

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
OFFICIALESE = "В целях обеспечения безопасности данного решения осуществляется контроль.\n"


def _generator():
    spec = importlib.util.spec_from_file_location("bench_batch", ROOT / "bench" / "batch.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.generate


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("archive")
    _generator()(dest, 40, seed=3)
    return dest


def _files(root: Path, **kwargs) -> set[str]:
    d = Discovery(kwargs.pop("resolver", None) or Resolver(isolated=True), **kwargs)
    return {os.path.relpath(f, root) for f in d.files([str(root)])}


def _tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def test_discovery_formats_hidden_and_gitignore(tmp_path):
    _tree(tmp_path, {
        ".gitignore": "private/\n*.bak.txt\n!keep.bak.txt\n",
        "a.txt": OFFICIALESE, "b.md": OFFICIALESE, "c.py": "x = 1\n", "x.bak.txt": OFFICIALESE,
        "keep.bak.txt": OFFICIALESE, "private/p.txt": OFFICIALESE, "sub/.gitignore": "local.txt\n",
        "sub/local.txt": OFFICIALESE, "sub/s.txt": OFFICIALESE, ".hidden/h.txt": OFFICIALESE,
        "node_modules/n.txt": OFFICIALESE,
    })
    assert _files(tmp_path) == {"a.txt", "b.md", "keep.bak.txt", "sub/s.txt"}
    assert _files(tmp_path, respect_gitignore=False) == {"a.txt", "b.md", "keep.bak.txt", "sub/s.txt", "x.bak.txt", "private/p.txt", "sub/local.txt"}


def test_discovery_include_exclude_and_force_exclude(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, {"a.txt": OFFICIALESE, "b.md": OFFICIALESE, "sub/s.txt": OFFICIALESE, "sub/t.log": OFFICIALESE,
                     "docs/anyq.toml": 'exclude = ["old/"]\n', "docs/old/o.txt": OFFICIALESE, "docs/new.txt": OFFICIALESE})
    assert _files(tmp_path, exclude=["sub/"]) == {"a.txt", "b.md", "docs/old/o.txt", "docs/new.txt"}
    assert _files(tmp_path, include=["*.md", "*.log"]) == {"b.md", "sub/t.log"}
    # a config file's patterns are relative to its folder
    assert _files(tmp_path, resolver=Resolver()) == {"a.txt", "b.md", "sub/s.txt", "docs/new.txt"}
    # a file named on the command line is checked even if excluded … unless --force-exclude
    d = Discovery(Resolver())
    assert list(d.files(["docs/old/o.txt"])) == ["docs/old/o.txt"]
    assert list(Discovery(Resolver(), force_exclude=True).files(["docs/old/o.txt", "a.txt"])) == ["a.txt"]


def _jsonl(*args: str) -> list[dict]:
    result = runner.invoke(app, ["check", "--format", "jsonl", "--fail-on", "never", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_workers_give_the_same_reports_in_the_same_order(archive, monkeypatch, tmp_path):
    monkeypatch.setattr(batch_run, "POOL_MIN_FILES", 1)
    one = _jsonl(str(archive), "--jobs", "1", "--no-cache")
    result = runner.invoke(app, ["check", str(archive), "--jobs", "2", "--no-cache", "--format", "json", "--statistics", "--fail-on", "never"])
    data = json.loads(result.stdout)
    two = data["files"]
    assert [f["path"] for f in one] == sorted(f["path"] for f in one)  # a stable, sorted order
    assert two == one
    run = data["statistics"]["run"]
    assert run["workers"] == 2 and run["linted"] == 40
    assert 50 < run["peak_worker_rss_mb"] < 400


def test_a_dead_worker_loses_no_file(archive, monkeypatch):
    monkeypatch.setattr(batch_run, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(batch_run, "MAX_CHUNK", 2)
    b = BatchRunner(Resolver(isolated=True), Discovery(Resolver(isolated=True)), Cache("unused", enabled=False), jobs=2)
    outcomes = b.run([str(archive)])
    first = next(outcomes)
    victim = next(iter(b.pool.executor._processes))
    os.kill(victim, signal.SIGKILL)
    reports = [first.report] + [o.report for o in outcomes]
    assert len(reports) == 40 and [r.path for r in reports] == sorted(r.path for r in reports)
    assert not [r.errors for r in reports if r.errors]
    assert b.info.worker_restarts >= 1


def _stats(*args: str) -> dict:
    result = runner.invoke(app, ["check", "--format", "json", "--statistics", "--fail-on", "never", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_cache_reuses_unchanged_files_and_notices_every_change(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ANYQ_CACHE_DIR")
    letters = tmp_path / "letters"
    _generator()(letters, 12, seed=5)
    rules = tmp_path / "rules"
    rules.mkdir()
    rule = (ROOT / "tests" / "data" / "house_rule.toml").read_text(encoding="utf-8")
    (rules / "house.toml").write_text(rule, encoding="utf-8")

    cold = _stats("letters", "--rules", "rules")
    assert cold["statistics"]["files_from_cache"] == 0
    assert (tmp_path / ".anyq_cache" / "CACHEDIR.TAG").is_file()  # default: in the working directory
    warm = _stats("letters", "--rules", "rules")
    assert warm["statistics"]["files_from_cache"] == 12
    assert warm["files"] == cold["files"]  # the same reports, findings and scores

    first = sorted(letters.rglob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nВ целях контроля сообщаем.\n", encoding="utf-8")
    edited = _stats("letters", "--rules", "rules")
    assert edited["statistics"]["files_from_cache"] == 11
    assert edited["files"] != cold["files"]

    assert _stats("letters", "--rules", "rules", "--select", "J")["statistics"]["files_from_cache"] == 0  # settings
    (rules / "house.toml").write_text(rule.replace("лишнее слово", "лишнее слово!"), encoding="utf-8")
    assert _stats("letters", "--rules", "rules")["statistics"]["files_from_cache"] == 0  # rules

    # a corrupt entry, an entry of another version, a truncated one: ignored and rewritten
    import shutil

    shutil.rmtree(tmp_path / ".anyq_cache")
    checked = _stats("letters", "--rules", "rules")
    entries = sorted((tmp_path / ".anyq_cache").rglob("*.entry"))
    fresh = len(entries)
    assert fresh == 12
    entries[0].write_text("{not json", encoding="utf-8")

    def resign(entry: Path, change) -> None:  # an entry edited by hand, its digest made right again
        _, head, body = entry.read_bytes().split(b"\n", 2)
        doc = json.loads(head)
        change(doc)
        rest = json.dumps(doc).encode() + b"\n" + body
        entry.write_bytes(content_hash(rest).encode() + b"\n" + rest)

    resign(entries[1], lambda doc: doc.update(anyq="0.0.1"))  # another version
    resign(entries[2], lambda doc: doc.update(counts=[["J101", "x", "jargon", "fatal", 1]]))  # not a report's shape
    digest, head, body = entries[3].read_bytes().split(b"\n", 2)
    entries[3].write_bytes(digest + b"\n" + head + b"\n" + body.replace(b'"code": "', b'"code": "X', 1))  # damaged
    entries[4].write_bytes(entries[4].read_bytes()[:-100])  # truncated
    again = _stats("letters", "--rules", "rules")
    assert again["statistics"]["files_from_cache"] == 12 - 5
    assert again["files"] == checked["files"]
    assert json.loads(entries[0].read_bytes().split(b"\n")[1])["anyq"]  # rewritten, valid again
    assert len(list((tmp_path / ".anyq_cache").rglob("*.entry"))) == fresh
    assert _stats("letters", "--rules", "rules")["statistics"]["files_from_cache"] == 12


def test_warm_jsonl_is_the_cold_output_byte_for_byte(tmp_path, monkeypatch):
    # a warm JSON Lines run writes the cached JSON text without decoding it: the paths
    # must come back right (also for a copy of a file under another name) and nothing else
    # may differ from a run that checks every file
    monkeypatch.chdir(tmp_path)
    letters = tmp_path / "letters"
    _generator()(letters, 8, seed=3)
    first = sorted(letters.rglob("*.txt"))[0]
    (letters / "copy «of» \"first\".txt").write_bytes(first.read_bytes())

    def jsonl(*args: str) -> tuple[bytes, dict]:
        out = tmp_path / "out.jsonl"
        result = runner.invoke(app, ["check", "letters", "-f", "jsonl", "-o", str(out), "--statistics", "--fail-on", "never", "--cache-dir", "c", *args])
        assert result.exit_code == 0, result.output
        return out.read_bytes(), result.stderr

    plain, _ = jsonl("--no-cache")
    cold, _ = jsonl()
    warm, stderr = jsonl()
    assert "from cache 9" in stderr and warm == cold == plain
    lines = [json.loads(line) for line in warm.splitlines()]
    copy = next(d for d in lines if d["path"].endswith("copy «of» \"first\".txt"))
    assert copy["findings"] and all(f["path"] == copy["path"] for f in copy["findings"])
    # exit codes come from the cached counts: the same as when the files are checked
    strict = runner.invoke(app, ["check", "letters", "-f", "jsonl", "-o", str(tmp_path / "x"), "--cache-dir", "c"])
    assert strict.exit_code == runner.invoke(app, ["check", "letters", "-f", "jsonl", "-o", str(tmp_path / "x"), "--no-cache"]).exit_code == 1


def test_a_letter_read_from_the_cache_keeps_its_status_not_scored(tmp_path, monkeypatch):
    """A letter of its requisites alone is checked but not scored; read back from the cache
    (its head, and the decoded report) it must not turn into a file not checked."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "req.txt").write_text(
        "АКИМАТ РАЙОНА БАЙТЕРЕК\nИсх. № 02-07/1145 от 21.04.2025\n\nГражданину  Сарсенову Е. К.\n\n"
        "Аким района  Жумабеков Н. Т.\n\nИсп.: Касымова Л.\nТел.: 8 7112 33-41-20\n",
        encoding="utf-8",
    )
    (tmp_path / "p.txt").write_text("Мы отремонтируем крышу дома № 12 до 15 мая.\n", encoding="utf-8")
    runs = {}
    for run in ("cold", "warm"):
        for fmt in ("json", "text", "csv"):
            args = ["check", "req.txt", "p.txt", "-f", fmt, "--statistics", "--fail-on", "info", "--cache-dir", "c", "--no-color"]
            runs[run, fmt] = runner.invoke(app, args)
    assert "from cache 2" in runs["warm", "text"].stdout
    for run in ("cold", "warm"):
        doc = json.loads(runs[run, "json"].stdout)
        assert runs[run, "json"].exit_code == 1, run  # the T102 findings (info)
        assert doc["files"][0]["not_scored"].startswith("no prose to score"), run
        assert (doc["summary"]["files_not_scored"], doc["summary"]["files_not_checked"]) == (1, 0), run
        assert (doc["statistics"]["files_not_scored"], doc["statistics"]["files_not_checked"]) == (1, 0), run
        assert "2 files checked (1 of them not scored): 2 findings" in runs[run, "text"].stdout, run
        rows = [line for line in runs[run, "csv"].stdout.splitlines() if line.startswith("req.txt,")]
        assert len(rows) == 2 and all(r.endswith(',"no score (no prose to score: only the letterhead, addressee, signature and executor lines)"') for r in rows), run
    assert runs["warm", "csv"].stdout == runs["cold", "csv"].stdout


def test_no_cache_and_cache_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ANYQ_CACHE_DIR")
    (tmp_path / "a.txt").write_text(OFFICIALESE, encoding="utf-8")
    _stats("a.txt", "--no-cache")
    assert not (tmp_path / ".anyq_cache").exists()
    _stats("a.txt", "--cache-dir", "elsewhere")
    assert (tmp_path / "elsewhere" / "CACHEDIR.TAG").is_file()
    # beside the config file of the working directory by default, or where it says
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / "anyq.toml").write_text("", encoding="utf-8")
    (tmp_path / "proj" / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "proj" / "sub")
    (tmp_path / "proj" / "sub" / "b.txt").write_text(OFFICIALESE, encoding="utf-8")
    _stats("b.txt")
    assert (tmp_path / "proj" / ".anyq_cache").is_dir()
    (tmp_path / "proj" / "anyq.toml").write_text('cache-dir = "../shared-cache"\n', encoding="utf-8")
    _stats("b.txt")
    assert (tmp_path / "shared-cache" / "CACHEDIR.TAG").is_file()
    monkeypatch.setenv("ANYQ_CACHE_DIR", str(tmp_path / "from-env"))  # the environment wins over the config file
    _stats("b.txt")
    assert (tmp_path / "from-env" / "CACHEDIR.TAG").is_file()


def test_statistics(archive, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = _stats(str(archive), "--no-cache")
    st = data["statistics"]
    findings = [f for file in data["files"] for f in file["findings"]]
    assert st["files"] == 40 and st["files_scored"] == 40
    assert st["words"] == sum(f["stats"]["words"] for f in data["files"])
    assert st["findings"] == len(findings) == sum(r["count"] for r in st["by_code"])
    assert sum(st["by_category"].values()) == len(findings)
    assert sum(h["files"] for h in st["score"]["histogram"]) == 40
    worst = [w["score"] for w in st["worst_files"]]
    assert worst == sorted(worst) and worst[0] == min(f["score"] for f in data["files"])
    counts = {r["code"]: r["count"] for r in st["by_code"]}
    assert counts == {c: sum(1 for f in findings if f["code"] == c) for c in counts}
    text = runner.invoke(app, ["check", str(archive), "--no-cache", "--statistics", "-q", "--fail-on", "never"]).stdout
    assert "Statistics" in text and "worst files" in text and "by category" in text and "files      40" in text


def test_statistics_run_line_counts_only_the_files_linted(tmp_path, monkeypatch):
    # «linted 4» for 2 scored files, 1 empty (an error) and 1 with anyq: ignore-file
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("В целях обеспечения безопасности сообщаем о проведении проверки.\n", encoding="utf-8")
    (tmp_path / "p.txt").write_text("Мы отремонтируем крышу дома № 12 до 15 мая.\n", encoding="utf-8")
    (tmp_path / "e.txt").write_text("", encoding="utf-8")
    (tmp_path / "ig.txt").write_text("# anyq: ignore-file\nЧерновик ответа, не проверять.\n", encoding="utf-8")
    names = ["a.txt", "p.txt", "e.txt", "ig.txt"]
    result = runner.invoke(app, ["check", *names, "--no-cache", "-f", "json", "--statistics", "--fail-on", "never"])
    assert result.exit_code == 2  # the empty file
    st = json.loads(result.stdout)["statistics"]
    assert (st["files"], st["files_scored"], st["files_with_errors"], st["files_not_checked"]) == (4, 2, 1, 1)
    assert st["run"]["linted"] == 2 and st["run"]["from_cache"] == 0
    text = runner.invoke(app, ["check", *names, "--no-cache", "-q", "--statistics", "--fail-on", "never"]).stdout
    assert "linted 2 in one process" in text


@pytest.mark.parametrize("script", ["readers.py", "instructions.py"])
def test_bench_scripts_answer_help_without_running(script):
    # readers.py --help started the benchmark (and rewrote bench/results/readers.json when
    # it finished); instructions.py --help crashed on int('--help')
    results = ROOT / "bench" / "results" / "readers.json"
    before = results.read_bytes() if results.exists() else None
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / script), "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"usage: {script}") and "Traceback" not in proc.stderr
    assert (results.read_bytes() if results.exists() else None) == before


def test_progress_bar_only_on_a_terminal(archive, tmp_path):
    import pty

    cmd = [sys.executable, "-m", "anyq", "check", str(archive), "--jobs", "1", "--no-cache", "-f", "jsonl", "-o", str(tmp_path / "out.jsonl"), "--fail-on", "never"]
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait()
    os.close(master)
    assert proc.returncode == 0
    assert b"files, 0 from cache" in seen and b"/40" in seen  # the bar was drawn on the terminal
    piped = subprocess.run(cmd, capture_output=True)
    assert piped.returncode == 0 and piped.stderr == b""  # never on a pipe


def test_json_document_streams_file_objects_and_stays_one_document(tmp_path, monkeypatch):
    # file objects are written as they come (one line each); the document must still parse,
    # with no files as with many, and its summary must count what the files hold
    monkeypatch.chdir(tmp_path)
    (tmp_path / "none").mkdir()
    empty = runner.invoke(app, ["check", "none", "-f", "json", "--no-cache"])
    assert json.loads(empty.stdout)["files"] == [] and json.loads(empty.stdout)["summary"]["files"] == 0
    letters = tmp_path / "letters"
    _generator()(letters, 5, seed=8)
    for args in (["--no-cache"], ["--cache-dir", "c"], ["--cache-dir", "c"]):  # checked, cached, from the cache
        out = runner.invoke(app, ["check", "letters", "-f", "json", "--fail-on", "never", *args]).stdout
        doc = json.loads(out)
        assert len(doc["files"]) == 5 and len(out.splitlines()) < 40  # a file object is one line
        findings = [f for d in doc["files"] for f in d["findings"]]
        assert doc["summary"]["findings"] == len(findings) > 0
        assert doc["summary"]["by_severity"]["warning"] == sum(f["severity"] == "warning" for f in findings)


def test_the_same_file_named_several_ways_is_checked_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, {"t/reply.txt": OFFICIALESE, "t/other.txt": OFFICIALESE})
    (tmp_path / "alias.txt").symlink_to("t/reply.txt")
    d = Discovery(Resolver(isolated=True))
    named = ["./t/reply.txt", "t", str(tmp_path / "t" / "reply.txt"), "alias.txt", "t/./other.txt", "-", "-"]
    assert list(d.files(named)) == ["./t/reply.txt", "t/other.txt", "-"]  # the first spelling is kept
    # the report file being written (--output) is never an input
    assert list(Discovery(Resolver(isolated=True), skip=["t/other.txt"]).files(["t"])) == ["t/reply.txt"]


def test_a_cache_folder_that_holds_letters_does_not_hide_them(tmp_path, monkeypatch):
    """--cache-dir pointing at the folder of letters (or «--cache-dir ""», the working folder)
    wrote a «*» .gitignore there, and every later run, --no-cache too, checked nothing."""
    from typer.testing import CliRunner

    from anyq.cli import app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("В целях обеспечения безопасности сообщаем.\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["check", ".", "-q", "--cache-dir", "."]).exit_code == 1
    assert not (tmp_path / ".gitignore").exists() and not (tmp_path / "CACHEDIR.TAG").exists()
    again = runner.invoke(app, ["check", ".", "-q", "--no-cache"])
    assert again.exit_code == 1 and "a.txt:1:1: J101" in again.output
    # a folder of its own still gets the tag and the .gitignore
    assert runner.invoke(app, ["check", "a.txt", "-q", "--cache-dir", "own"]).exit_code == 1
    assert (tmp_path / "own" / "CACHEDIR.TAG").exists() and (tmp_path / "own" / ".gitignore").read_text().endswith("*\n")


def test_sigterm_stops_a_batch_quietly_and_cleans_up(tmp_path):
    """A cancelled CI job or `timeout` sends SIGTERM: the run ends with 143 like Ctrl-C's 130,
    through its cleanup — no «leaked semaphore» warning, no traceback, no half-written report."""
    import signal
    import subprocess
    import sys
    import time

    letters = tmp_path / "letters"
    letters.mkdir()
    text = "В целях обеспечения безопасности данный вопрос находится на контроле. " * 40
    for i in range(300):
        (letters / f"{i:03}.txt").write_text(f"Письмо {i}. {text}\n", encoding="utf-8")
    out = tmp_path / "report.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "anyq", "check", str(letters), "-j", "2", "--no-cache", "-f", "jsonl", "-o", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(p.stat().st_size for p in tmp_path.glob(".report.jsonl.*.tmp")):
        time.sleep(0.05)  # until the workers are checking letters: the first reports are written
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert "Traceback" not in err and "leaked" not in err, err
    assert not list(tmp_path.glob(".report.jsonl.*")) and not out.exists()


def test_progress_bar_names_the_file_it_has_waited_for_for_seconds(tmp_path, monkeypatch):
    import io

    from anyq.batch import progress

    now = [100.0]
    monkeypatch.setattr(progress.time, "monotonic", lambda: now[0])
    stream = io.StringIO()
    bar = progress.Progress(enabled=True, stream=stream)
    bar.plan(3)
    bar.begin("letters/short.txt")
    now[0] += 0.5
    bar.advance()
    assert bar._bar is None  # within the delay: no bar yet
    now[0] += 1.0
    bar.begin("letters/export.txt")  # the first file took the delay: the bar opens
    assert bar._bar is not None and bar.slow_file() == ""
    now[0] += progress.SLOW
    assert bar.slow_file() == "letters/export.txt"
    bar._bar.refresh()
    assert "export.txt" in stream.getvalue() and "short.txt" not in stream.getvalue()
    bar.advance()
    assert bar.slow_file() == ""  # done: not named while the next file starts
    bar.close()

    # the runner tells the bar which file it lints, in order
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text("Өтінішіңіз қаралды.\n", encoding="utf-8")
    begun = []
    b = BatchRunner(Resolver(isolated=True), Discovery(Resolver(isolated=True)), Cache("unused", enabled=False), jobs=1, on_begin=begun.append)
    assert len(list(b.run([str(tmp_path)]))) == 2
    assert [os.path.basename(p) for p in begun] == ["a.txt", "b.txt"]


def test_command_line_globs_apply_to_a_folder_outside_the_working_directory(tmp_path):
    """--exclude out was matched against paths relative to the working directory only: under
    /archive checked from elsewhere, the excluded folder's reports were linted as letters."""
    _tree(tmp_path, {"archive/a.txt": OFFICIALESE, "archive/out/report.txt": OFFICIALESE, "archive/b.md": OFFICIALESE, "elsewhere/x.txt": OFFICIALESE})
    archive, elsewhere = str(tmp_path / "archive"), str(tmp_path / "elsewhere")
    d = Discovery(Resolver(isolated=True), exclude=["out"], cwd=elsewhere)
    assert [os.path.relpath(f, archive) for f in d.files([archive])] == ["a.txt", "b.md"]
    d = Discovery(Resolver(isolated=True), include=["*.md"], cwd=elsewhere)
    assert [os.path.relpath(f, archive) for f in d.files([archive])] == ["b.md"]
