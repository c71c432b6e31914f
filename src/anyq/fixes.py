"""Apply findings' fixes to a text, and write a fixed .txt or .md file back atomically.

A finding carries ``fix`` (a replacement of its span) only when the rule is sure: hygiene
repairs, typography, and a spelling correction whose best suggestion is far ahead. Edits
that overlap are resolved deterministically: the rule that repairs the deeper damage wins
(mojibake before old-font letters before lost letters before look-alikes before spelling
before spacing and punctuation), then the earlier, then the longer edit. Every fixed text is
checked again, and an edit whose rule still fires at the edited place is undone, so a fix
never produces a new finding of its own rule. A finding whose fix is undone, or cannot be
written in the file's encoding, is reported with no fix (``fix`` None, no «(--fix)»).
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from anyq.findings import FileReport, Finding

# Lower runs first when two edits overlap.
PRIORITY = {"T112": 0, "T110": 1, "T109": 2, "T101": 3, "T108": 3, "T111": 4, "S101": 5, "T104": 6}
_DEFAULT_PRIORITY = 7
FIXABLE_SUFFIXES = (".txt", ".text", ".md", ".markdown")
MAX_ROUNDS = 4


@dataclass(frozen=True, slots=True, order=True)
class Edit:
    start: int
    end: int
    replacement: str
    code: str

    @property
    def key(self) -> tuple[int, int, str, str]:
        return (self.start, self.end, self.replacement, self.code)


@dataclass(slots=True)
class FixResult:
    text: str  # the fixed text
    applied: list[Edit] = field(default_factory=list)  # in the coordinates of the text they were applied to
    undone: list[Edit] = field(default_factory=list)  # edits whose rule fired again, not applied
    report: FileReport | None = None  # the check of the fixed text

    @property
    def changed(self) -> bool:
        return bool(self.applied)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.applied:
            out[e.code] = out.get(e.code, 0) + 1
        return dict(sorted(out.items()))


def edits_from(findings: Iterable[Finding], *, spelling: bool = False, allowed: Callable[[str], bool] | None = None) -> list[Edit]:
    """The fixes of ``findings``; spelling corrections only if ``spelling``."""
    out = []
    for f in findings:
        if f.fix is None or (f.fix_applies_with == "--fix-spelling" and not spelling):
            continue
        if allowed is not None and not allowed(f.fix):
            continue
        out.append(Edit(f.start, f.end, f.fix, f.code))
    return out


def without_fixes(report: FileReport, drop: Callable[[Finding], bool]) -> FileReport:
    """``report``, changed in place, with the fixes of the findings ``drop`` names taken out
    (those findings are replaced by copies without a fix): what the reporters then show is
    what ``--fix`` applies."""
    if any(f.fix is not None and drop(f) for f in report.findings):
        report.findings = [replace(f, fix=None) if f.fix is not None and drop(f) else f for f in report.findings]
    return report


def _overlap(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:
        return a.start == b.start or (b.start < a.start < b.end) or (a.start < b.start < a.end)
    return a.start < b.end and b.start < a.end


def resolve(edits: Iterable[Edit]) -> list[Edit]:
    """Non-overlapping edits, chosen deterministically; returned in text order."""
    ranked = sorted(set(edits), key=lambda e: (PRIORITY.get(e.code, _DEFAULT_PRIORITY), e.start, -(e.end - e.start), e.code, e.replacement))
    chosen: list[Edit] = []
    for e in ranked:
        if not any(_overlap(e, c) for c in chosen):
            chosen.append(e)
    return sorted(chosen)


def apply(text: str, edits: list[Edit]) -> tuple[str, list[tuple[Edit, int, int]]]:
    """Apply non-overlapping edits; returns the new text and each edit's span in it."""
    parts: list[str] = []
    spans: list[tuple[Edit, int, int]] = []
    pos = 0
    out_len = 0
    for e in sorted(edits):
        chunk = text[pos : e.start]
        parts.append(chunk)
        out_len += len(chunk)
        spans.append((e, out_len, out_len + len(e.replacement)))
        parts.append(e.replacement)
        out_len += len(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts), spans


def _fires_again(report: FileReport, code: str, s: int, e: int) -> bool:
    for f in report.findings:
        if f.code != code:
            continue
        if s == e:
            if f.start < s < f.end:
                return True
        elif f.start < e and s < f.end:
            return True
    return False


def fix_text(
    text: str,
    check: Callable[[str], FileReport],
    *,
    spelling: bool = False,
    allowed: Callable[[str], bool] | None = None,
    report: FileReport | None = None,
) -> FixResult:
    """Apply fixes until none is left (at most ``MAX_ROUNDS`` passes)."""
    result = FixResult(text)
    rejected: set[tuple[int, int, str, str]] = set()
    current = report or check(text)
    for _ in range(MAX_ROUNDS):
        candidates = [e for e in edits_from(current.findings, spelling=spelling, allowed=allowed) if e.key not in rejected]
        edits = resolve(candidates)
        if not edits:
            break
        while edits:
            new_text, spans = apply(result.text, edits)
            new_report = check(new_text)
            bad = [e for e, s, t in spans if _fires_again(new_report, e.code, s, t)]
            if not bad:
                break
            for e in bad:
                if e.key not in rejected:
                    rejected.add(e.key)
                    result.undone.append(e)
            edits = [e for e in edits if e.key not in rejected]
        if not edits:
            break
        result.applied += edits
        result.text = new_text
        current = new_report

    def never_applied(f: Finding) -> bool:
        # undone (in the coordinates of the text it was tried on, which is the current one
        # whenever the finding still stands there), or not writable in the file's encoding
        return (f.start, f.end, f.fix, f.code) in rejected or (allowed is not None and not allowed(f.fix or ""))

    result.report = without_fixes(current, never_applied)
    return result


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=path, tofile=path
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


# --- files -------------------------------------------------------------------------------


class FixError(Exception):
    """A file that cannot be fixed; the message is one line for the user."""


def can_fix(path: str) -> bool:
    return Path(path).suffix.lower() in FIXABLE_SUFFIXES


def _codec(encoding: str | None, raw: bytes) -> str:
    enc = (encoding or "utf-8").lower()
    if enc == "utf-16":
        return "utf-16-be" if raw.startswith(b"\xfe\xff") else "utf-16-le"
    return enc


def encodable(encoding: str | None, raw: bytes = b"") -> Callable[[str], bool]:
    """Can a replacement be written in the file's encoding (Kazakh letters in Windows-1251 cannot)?"""
    codec = _codec(encoding, raw)

    def ok(s: str) -> bool:
        try:
            s.encode(codec)
        except UnicodeEncodeError:
            return False
        return True

    return ok


def _raw_text(raw: bytes, encoding: str | None) -> tuple[str, bytes]:
    """The file's text exactly as stored (newlines untouched) and its byte-order mark."""
    enc = (encoding or "utf-8").lower()
    if enc == "utf-8-sig":
        return raw[3:].decode("utf-8"), raw[:3]
    if enc == "utf-16":
        bom = raw[:2]
        return raw[2:].decode(_codec(enc, raw)), bom
    return raw.decode(enc), b""


def _to_raw_offsets(raw_text: str) -> Callable[[int], int]:
    """Map an offset in the newline-normalised text to the same place in the stored text."""
    crlf: list[int] = []  # normalised offsets of newlines that are \r\n on disk
    norm = 0
    i = 0
    n = len(raw_text)
    while i < n:
        if raw_text[i] == "\r" and i + 1 < n and raw_text[i + 1] == "\n":
            crlf.append(norm)
            i += 2
        else:
            i += 1
        norm += 1
    import bisect

    def to_raw(offset: int) -> int:
        return offset + bisect.bisect_left(crlf, offset)

    return to_raw


def restore_newlines(raw_text: str, original: str, fixed: str) -> str:
    """``fixed`` with the stored file's line endings (``original`` is ``raw_text`` normalised)."""
    if "\r" not in raw_text:
        return fixed
    crlf = raw_text.count("\r\n")
    if crlf == raw_text.count("\n") == raw_text.count("\r"):
        return fixed.replace("\n", "\r\n")
    if crlf == 0 and "\n" not in raw_text:
        return fixed.replace("\n", "\r")
    # mixed line endings: carry the changes over one by one
    to_raw = _to_raw_offsets(raw_text)
    parts = []
    pos = 0
    matcher = difflib.SequenceMatcher(None, original, fixed, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        s, t = to_raw(i1), to_raw(i2)
        parts.append(raw_text[pos:s])
        parts.append(fixed[j1:j2])
        pos = t
    parts.append(raw_text[pos:])
    return "".join(parts)


def fixed_bytes(raw: bytes, original_text: str, encoding: str | None, fixed_text: str) -> bytes:
    """``raw`` (the bytes ``original_text`` was read from, in ``encoding``) with the changes of
    ``fixed_text``: its encoding, byte-order mark and line endings kept. What ``--fix`` writes
    to a file, and to standard output for standard input."""
    raw_text, bom = _raw_text(raw, encoding)
    if raw_text.replace("\r\n", "\n").replace("\r", "\n") != original_text:
        raise FixError("changed on disk while it was being checked")
    new_raw = restore_newlines(raw_text, original_text, fixed_text)
    codec = _codec(encoding, raw)
    if codec == "utf-8-sig":
        codec = "utf-8"
    try:
        return bom + new_raw.encode(codec)
    except UnicodeEncodeError as exc:
        raise FixError(f"the fixed text cannot be written in {encoding} ({exc.object[exc.start]!r})") from None


def write_fixed(path: str, original_text: str, encoding: str | None, fixed_text: str) -> None:
    """Write ``fixed_text`` (the fixed version of ``original_text``, the text as read) to ``path``.

    The file keeps its encoding, byte-order mark, line endings and permissions; it is
    written to a temporary file in the same directory and renamed over the original, so a
    reader never sees half a file.
    """
    if not stat.S_ISREG(os.stat(path).st_mode):
        # a pipe was read once already (a second open could wait for a writer for ever),
        # and renaming a file over a pipe or device would not fix it but replace it
        raise FixError("is not a regular file")
    target = os.path.realpath(path)
    data = fixed_bytes(Path(target).read_bytes(), original_text, encoding, fixed_text)
    directory = os.path.dirname(target) or "."
    mode = os.stat(target).st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(target)}.", suffix=".anyq-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
