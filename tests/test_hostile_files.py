"""Broken and hostile files: one clear error each, exit code 2, no traceback, bounded memory,
and the good files of the same batch still checked. Also the limits one by one."""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from anyq.readers import Limits, ReadError, read_path
from docgen import RU_KK_LETTER, WRITERS, write_docx, write_pdf

MB = 1024 * 1024


def _patch_declared_size(data: bytes, name: bytes, size: int) -> bytes:
    """Rewrite the uncompressed size a zip's central directory declares for ``name``."""
    buf = bytearray(data)
    pos = buf.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", buf, pos + 28)[0]
        if bytes(buf[pos + 46 : pos + 46 + name_len]) == name:
            struct.pack_into("<I", buf, pos + 24, size)
        pos = buf.find(b"PK\x01\x02", pos + 4)
    return bytes(buf)


def _zip_bomb(unpacked: int) -> bytes:
    """A .docx-shaped zip whose document.xml unpacks to ``unpacked`` bytes of spaces."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b" " * MB
            for _ in range(unpacked // MB):
                fh.write(chunk)
    return buf.getvalue()


def _slow_pdf(operators: int) -> bytes:
    """A tiny valid PDF whose one page draws a character ``operators`` times: pypdf needs
    minutes for it (12 s per 100,000 on the CI machine)."""
    ops = b"BT /F1 1 Tf " + b"1 0 0 1 10 10 Tm (a) Tj " * operators + b"ET"
    stream = zlib.compress(ops, 9)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def _image_only_pdf(path: Path) -> None:
    from fpdf import FPDF
    from PIL import Image

    img = io.BytesIO()
    Image.new("L", (400, 200), 255).save(img, "PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(img, x=10, y=10, w=150)
    pdf.output(str(path))


def _encrypted_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "secret letter")
    pdf.output(str(path))


def _odf_of_kind(mime: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", mime, compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", "<office:document-content/>")
    return buf.getvalue()


_LOCKED_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="{part}" manifest:media-type="text/xml" manifest:size="3000">'
    '<manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" '
    'manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" '
    'manifest:initialisation-vector="AAAA"/><manifest:start-key-generation '
    'manifest:start-key-generation-name="http://www.w3.org/2000/09/xmldsig#sha256" manifest:key-size="32"/>'
    '<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" '
    'manifest:iteration-count="100000" manifest:salt="AAAA"/></manifest:encryption-data></manifest:file-entry>'
    "</manifest:manifest>"
)


def _locked_odt(part: str = "content.xml") -> bytes:
    """An .odt saved with a password: the manifest in clear, the parts encrypted (random bytes here)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr(part, os.urandom(3000))
        z.writestr("META-INF/manifest.xml", _LOCKED_MANIFEST.format(part=part))
    return buf.getvalue()


# name → (bytes or a writer, a fragment the one-line error must contain)
def hostile_files(d: Path) -> dict[str, str]:
    good_docx = write_docx(RU_KK_LETTER, d / "_tmp.docx").read_bytes()
    good_pdf = write_pdf(RU_KK_LETTER, d / "_tmp.pdf").read_bytes()
    good_odt = WRITERS["odt"](RU_KK_LETTER, d / "_tmp.odt").read_bytes()
    for tmp in ("_tmp.docx", "_tmp.pdf", "_tmp.odt"):
        (d / tmp).unlink()
    files: dict[str, tuple[bytes | None, str]] = {
        "empty.docx": (b"", "is empty"),
        "empty.pdf": (b"", "is empty"),
        "empty.txt": (b"", "is empty"),
        "truncated.docx": (good_docx[: len(good_docx) * 6 // 10], "is a damaged .docx file, or one cut short"),
        "truncated.odt": (good_odt[: len(good_odt) // 2], "is a damaged .odt file, or one cut short"),
        "truncated.pdf": (good_pdf[: len(good_pdf) * 3 // 10], "PDF"),
        "not-a-zip.docx": ("Это не документ Word, а текст.".encode(), "is plain text, not a .docx file (not a zip archive)"),
        "text.pdf": ("Ответ на обращение, сохранённый как текст.".encode("cp1251"), "is plain text, not a PDF file"),
        "photo.pdf": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 2000, "PNG image"),
        "archive.odt": (_zip_of({"notes/readme.md": b"hello"}), "without content.xml"),
        "spreadsheet.odt": (_odf_of_kind("application/vnd.oasis.opendocument.spreadsheet"), "another kind"),
        "bomb.docx": (_zip_bomb(256 * MB), "over the 50 MB limit"),
        "declared-8gb.docx": (_patch_declared_size(good_docx, b"word/document.xml", 0xFFFFFFF0), "over the 50 MB limit"),
        "lying-sizes.docx": (_patch_declared_size(_zip_bomb(64 * MB), b"word/document.xml", 1000), "damaged"),
        "broken-xml.docx": (_replace_part(good_docx, "word/document.xml", b"<w:document><w:body><w:p>"), "damaged"),
        "garbage.pdf": (b"%PDF-1.7\n" + os.urandom(30_000), "PDF"),
        "old.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 8000, "save it as .docx"),
        "locked.odt": (_locked_odt(), "is a password-protected .odt document: open it in LibreOffice, save a copy without"),
        "password.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 4000, "password-protected"),
        "deep.html": (b"<div>" * 100_000 + "текст".encode() + b"</div>" * 100_000, "nests elements"),
        "scripts-only.html": (b"<html><head><script>var a='\xd0\x92';</script><style>p{}</style></head><body> </body></html>", "has no visible text"),
        "deep.rtf": (b"{\\rtf1 " + b"{" * 100_000 + b"x" + b"}" * 100_000 + b"}", "nested more than"),
        "not-rtf.rtf": ("Обычный текст с расширением rtf.".encode(), "not an RTF file"),
        "binary.txt": (os.urandom(5000) + b"\x00" * 100, "binary"),
        "hang.pdf": (_slow_pdf(400_000), "longer than the 3 s limit"),
        "encrypted.pdf": (None, "protected with a password"),
        "scan.pdf": (None, "no text layer"),
        "big.txt": (None, "over the 20 MB limit"),
    }
    _encrypted_pdf(d / "encrypted.pdf")
    _image_only_pdf(d / "scan.pdf")
    with open(d / "big.txt", "wb") as fh:  # 50 MB of real text
        line = ("В целях обеспечения безопасности сообщаем следующее. " * 20 + "\n").encode()
        while fh.tell() < 50 * MB:
            fh.write(line * 100)
    for name, (data, _) in files.items():
        if data is not None:
            (d / name).write_bytes(data)
    return {name: expected for name, (_, expected) in files.items()}


def _zip_of(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def _replace_part(data: bytes, name: str, content: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    return _zip_of({i.filename: (content if i.filename == name else src.read(i)) for i in src.infolist()})


_RUN_CLI = """
import json, resource, sys
from anyq.cli import main
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code or 0
from anyq.readers.worker import shutdown
shutdown()
# this process's own peak: ru_maxrss keeps the high-water mark of the process that started
# it (a vfork shares pytest's memory until exec), VmHWM is this program's alone
try:
    me = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
except (OSError, StopIteration):
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": code, "rss_mb": me / 1024, "worker_rss_mb": kids / 1024}), file=sys.stderr)
"""


def test_a_batch_of_hostile_files_gives_one_clear_error_each_and_checks_the_rest(tmp_path):
    hostile = tmp_path / "hostile"
    hostile.mkdir()
    expected = hostile_files(hostile)
    assert len(expected) >= 20
    good = tmp_path / "good"
    good.mkdir()
    for fmt, write in WRITERS.items():
        write(RU_KK_LETTER, good / f"letter.{fmt}")
    (good / "letter.txt").write_text("В целях обеспечения безопасности сообщаем следующее.\n", encoding="utf-8")
    report = tmp_path / "report.jsonl"
    proc = subprocess.run(
        [sys.executable, "-c", _RUN_CLI, "check", str(hostile), str(good), "--format", "jsonl", "-o", str(report), "--timeout", "3"],
        capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert "Traceback" not in proc.stdout + proc.stderr
    assert all(": error: " in l or l.startswith("{") for l in proc.stderr.splitlines()), proc.stderr  # nothing else
    stats = json.loads(proc.stderr.strip().splitlines()[-1])
    assert stats["code"] == 2
    # the CLI process (with spaCy loaded) and the reader worker, at their peaks
    assert stats["rss_mb"] + stats["worker_rss_mb"] < 500, stats

    files = {Path(r["path"]).name: r for r in map(json.loads, report.read_text(encoding="utf-8").splitlines())}
    error_lines = [l for l in proc.stderr.splitlines() if ": error: " in l]
    for name, fragment in expected.items():
        errors = files[name]["errors"]
        assert len(errors) == 1 and fragment in errors[0], (name, errors)
        assert "\n" not in errors[0] and files[name]["score"] is None
        assert sum(1 for l in error_lines if l.startswith(str(hostile / name) + ":")) == 1, name
    for fmt in list(WRITERS) + ["txt"]:
        r = files[f"letter.{fmt}"]
        assert not r["errors"] and r["score"] is not None
        assert any(f["code"] == "J101" for f in r["findings"]), fmt


# -- limits, one at a time --------------------------------------------------------------
def test_size_limit_is_configurable(tmp_path):
    p = write_docx(RU_KK_LETTER, tmp_path / "a.docx")
    with pytest.raises(ReadError, match=r"is \d+ KB, over the \d+ KB limit per file \(--max-file-size\)"):
        read_path(p, limits=Limits(max_file_size=p.stat().st_size - 1, timeout=0))
    assert read_path(p, limits=Limits(max_file_size=p.stat().st_size, timeout=0)).blocks


def test_unzipped_limit_counts_only_the_parts_that_are_read(tmp_path):
    import re

    p = write_docx(RU_KK_LETTER, tmp_path / "a.docx")
    parts = zipfile.ZipFile(p).infolist()
    story = re.compile(r"word/(document|header\d*|footer\d*|footnotes)\.xml|.*\.rels|\[Content_Types\]\.xml")
    text_parts = sum(i.file_size for i in parts if story.fullmatch(i.filename))
    # python-docx's template carries 0.8 MB of styles and a thumbnail: never unpacked
    assert text_parts * 10 < sum(i.file_size for i in parts)
    with pytest.raises(ReadError, match="--max-unzipped-size"):
        read_path(p, limits=Limits(max_unzipped_size=text_parts - 1, timeout=0))
    assert read_path(p, limits=Limits(max_unzipped_size=text_parts, timeout=0)).blocks


def test_time_limit_stops_a_hanging_reader_and_the_next_file_is_read(tmp_path):
    import time

    slow = tmp_path / "slow.pdf"
    slow.write_bytes(_slow_pdf(400_000))
    good = write_pdf(RU_KK_LETTER, tmp_path / "good.pdf")
    t = time.monotonic()
    with pytest.raises(ReadError, match=r"longer than the 2 s limit per file \(--timeout\)"):
        read_path(slow, limits=Limits(timeout=2))
    assert time.monotonic() - t < 20
    assert read_path(good, limits=Limits(timeout=30)).blocks


def test_cli_options_reach_the_readers(tmp_path):
    from typer.testing import CliRunner

    from anyq.cli import app

    p = write_docx(RU_KK_LETTER, tmp_path / "a.docx")
    result = CliRunner().invoke(app, ["check", str(p), "--max-file-size", "1K", "--format", "json"])
    assert result.exit_code == 2
    assert "over the 1 KB limit per file (--max-file-size)" in result.output
    result = CliRunner().invoke(app, ["check", str(p), "--max-unzipped-size", "10K", "--timeout", "0", "--format", "json"])
    assert result.exit_code == 2 and "--max-unzipped-size" in result.output
    result = CliRunner().invoke(app, ["check", str(p), "--max-file-size", "lots"])
    assert result.exit_code == 2 and "not a size" in result.output


def test_a_crashed_reader_is_an_error_for_that_file_and_the_next_file_is_read(tmp_path):
    import threading
    import time

    from anyq.readers import worker

    slow = tmp_path / "slow.pdf"
    slow.write_bytes(_slow_pdf(400_000))
    errors: list[str] = []

    def read() -> None:
        try:
            read_path(slow, limits=Limits(timeout=60))
        except ReadError as exc:
            errors.append(exc.reason)

    t = threading.Thread(target=read)
    t.start()
    deadline = time.monotonic() + 30
    while t.is_alive() and time.monotonic() < deadline:
        time.sleep(0.5)
        pid = worker.worker_pid()
        if pid:
            os.kill(pid, 9)  # as if the parser had crashed (again, if it was not yet busy)
        t.join(1)
    assert errors and errors[0].startswith("the reader crashed on this file (exit code -9)")
    assert read_path(write_docx(RU_KK_LETTER, tmp_path / "a.docx"), limits=Limits()).blocks


def test_a_script_using_the_api_needs_no_main_guard(tmp_path):
    doc = write_docx(RU_KK_LETTER, tmp_path / "a.docx")
    script = tmp_path / "lint.py"
    script.write_text(f"import anyq\nr = anyq.check_file({str(doc)!r})\nprint(len(r.findings), r.errors)\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    import anyq

    expected = len(anyq.check_file(str(doc), anyq.Settings(timeout=0)).findings)
    assert expected > 0
    assert out.returncode == 0 and out.stdout.strip() == f"{expected} []", out.stderr


# -- files that are not regular files -------------------------------------------------
def test_pipes_and_devices_never_stall_a_batch(tmp_path):
    """A named pipe inside a folder is skipped (no letter is a pipe, and opening one waits
    for a writer); one named on the command line with nobody writing reads as empty; a
    device is refused. Before, each of the three hung the run."""
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "a.txt").write_text("В целях обеспечения безопасности сообщаем следующее.\n", encoding="utf-8")
    os.mkfifo(folder / "waiting.txt")
    lone = tmp_path / "lone.txt"
    os.mkfifo(lone)
    proc = subprocess.run(
        [sys.executable, "-m", "anyq", "check", "-q", "--no-cache", str(folder), str(lone), "/dev/zero"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines, errors = proc.stdout.splitlines(), proc.stderr.splitlines()
    assert any(l.startswith(str(folder / "a.txt") + ":1:1: J101") for l in lines), lines
    # the files that could not be read on standard error, as ruff says them
    assert f"{lone}: error: is empty" in errors
    assert "/dev/zero: error: is not a regular file (a device or a socket)" in errors
    assert not any("waiting.txt" in l for l in lines + errors)


def test_a_pipe_is_read_once_with_what_was_written_to_it(tmp_path):
    """``anyq check <(…)``: the shell passes /dev/fd/N, a pipe; it is read once (the cache,
    which would read it a second time for its key, passes it by)."""
    from typer.testing import CliRunner

    from anyq.cli import app

    r, w = os.pipe()
    os.write(w, "В целях обеспечения безопасности сообщаем следующее.\n".encode("utf-8"))
    os.close(w)
    try:
        result = CliRunner().invoke(app, ["check", "-q", "--cache-dir", str(tmp_path / "cache"), f"/dev/fd/{r}"])
    finally:
        os.close(r)
    assert result.exit_code == 1, result.output
    assert f"/dev/fd/{r}:1:1: J101" in result.output


def test_a_password_protected_odt_is_not_called_damaged(tmp_path):
    """Its manifest says so: the parts are encrypted, not broken (also when the whole package
    is encrypted into one part and content.xml is not there)."""
    for name, data in (("locked.odt", _locked_odt()), ("whole.odt", _locked_odt("encrypted-package"))):
        (tmp_path / name).write_bytes(data)
        with pytest.raises(ReadError) as info:
            read_path(tmp_path / name, limits=Limits(timeout=0))
        assert info.value.reason.startswith("is a password-protected .odt document: open it in LibreOffice"), info.value.reason
        assert "damaged" not in info.value.reason and "Error" not in info.value.reason


def test_a_file_that_is_not_what_its_name_says_is_told_in_plain_words(tmp_path):
    """No parser's exception class («PdfStreamError: Stream has ended unexpectedly»,
    «BadZipFile») in the message: what the file is, and what to do."""
    good_pdf = write_pdf(RU_KK_LETTER, tmp_path / "good.pdf").read_bytes()
    text = "Уважаемый заявитель! Ваше обращение рассмотрено.\n".encode()
    cases = {
        "reply.pdf": (text, "is plain text, not a PDF file (it does not start with «%PDF»): give it a .txt name to check it"),
        "reply.docx": (text, "is plain text, not a .docx file (not a zip archive): give it a .txt name to check it"),
        "reply.odt": (text, "is plain text, not a .odt file (not a zip archive): give it a .txt name to check it"),
        "noise.pdf": (bytes(range(256)) * 8, "is not a PDF file (it does not start with «%PDF»)"),
        "noise.docx": (bytes(range(256)) * 8, "is not a .docx file: not a zip archive"),
        "cut.pdf": (good_pdf[:400], "is a damaged PDF file, or one cut short: its structure cannot be read"),
    }
    for name, (data, reason) in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(ReadError) as info:
            read_path(tmp_path / name, limits=Limits(timeout=0))
        assert info.value.reason == reason, name


def _as_ordinary_user(cmd: list[str]) -> list[str]:
    """Root reads any folder: drop the capabilities that let it, so mode 000 bites as for a user."""
    if os.geteuid() == 0:
        return ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--", *cmd]
    return cmd


def test_a_folder_that_cannot_be_listed_is_one_input_error_and_the_rest_is_checked(tmp_path):
    """Named on the command line it crashed with a traceback and exit 1; inside a checked
    folder it was skipped without a word, the run passing with letters never read."""
    (tmp_path / "ok.txt").write_text("Уважаемая Айгуль Сериковна!\nВаше обращение рассмотрено, дорогу отремонтируют до 1 июля.\n", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text("Сообщаем, что в целях обеспечения безопасности проведена проверка.\n", encoding="utf-8")
    locked.chmod(0)
    try:
        for args, checked in (([str(locked)], 0), ([str(tmp_path)], 1)):
            proc = subprocess.run(
                _as_ordinary_user([sys.executable, "-m", "anyq", "check", *args, "--no-cache", "-f", "jsonl", "--fail-on", "never"]),
                capture_output=True, text=True, timeout=300,
            )
            assert "Traceback" not in proc.stderr
            assert proc.returncode == 2, proc.stderr
            assert f"{locked}: error: permission denied" in proc.stderr.splitlines()
            assert sum(not json.loads(l)["errors"] for l in proc.stdout.splitlines()) == checked
    finally:
        locked.chmod(0o755)
