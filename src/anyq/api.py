"""The Python API. The command line is a thin layer over these functions.

    >>> import anyq
    >>> report = anyq.check("В целях обеспечения безопасности ...", lang="ru")
    >>> report.score, [f.code for f in report.findings]
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from anyq import datacache
from anyq.config import LintOptions, Settings
from anyq.configfile import file_ignores
from anyq.engine.loader import load_rules
from anyq.engine.runner import Linter, Selection, check_selection
from anyq.findings import FileReport, Summary
from anyq.fixes import FixResult, encodable, fix_text, restore_newlines, without_fixes
from anyq.legal.appeal import Appeal, appeal_from_text, load_appeal
from anyq.readers import ReadError, read_bytes, read_path, read_stdin, stdin_bytes
from anyq.readers.plaintext import normalise_newlines, txt_source
from anyq.text import SourceDocument


@lru_cache(maxsize=8)
def _linter(
    select: tuple[str, ...] | None,
    ignore: tuple[str, ...],
    severity: tuple[tuple[str, str], ...],
    rule_dirs: tuple[str, ...],
    rule_files: tuple[str, ...],
    profile: str = "citizen",
    allowlist: frozenset[str] = frozenset(),
    params: str = "{}",
    rule_stamps: tuple[tuple[str, int, int], ...] = (),
) -> Linter:
    # rule_stamps only keys the cache: a user rule file edited in a notebook or an editor
    # plugin gives a new linter, as it does on the command line
    rules = load_rules(extra_dirs=rule_dirs, extra_files=rule_files)
    overrides = json.loads(params)
    if overrides:
        from anyq.profiles import merge

        _check_params(rules, overrides)

        # parameters set in a config file or Settings: a copy of the rule with its params updated,
        # each value laid over the rule's own (profiles and languages it leaves out keep theirs)
        rules = [
            replace(r, params={**r.params, **{k: merge(r.params.get(k), v) for k, v in overrides[r.code].items()}})
            if r.code in overrides
            else r
            for r in rules
        ]
    linter = Linter(
        rules,
        Selection(list(select) if select is not None else None, list(ignore), dict(severity)),
        LintOptions(profile=profile, allowlist=allowlist),
    )
    datacache.remember_regexes()  # start-up is over, and no letter has been read
    return linter


def _check_params(rules: list, overrides: dict[str, dict[str, Any]]) -> None:
    """``Settings(params=…)`` checked as a config file's ``[params]`` is: a wrong value raised
    a bare int() error in every letter, or was taken without a word."""
    from anyq.configfile import _param_problem

    known = {r.code: r.params for r in rules}
    for code, given in overrides.items():
        if code not in known:
            raise ValueError(f"params: no rule {code!r}; `anyq rules` lists them")
        for name, value in given.items():
            if name not in known[code]:
                have = ", ".join(sorted(known[code])) or "none"
                raise ValueError(f"params.{code}: rule {code} has no parameter {name!r} (its parameters: {have})")
            problem = _param_problem(name, value, known[code][name])
            if problem:
                raise ValueError(f"params.{code}: {problem}")


def linter_for(settings: Settings) -> Linter:
    select = settings.select
    if select is not None or settings.extend_select:
        select = list(select or ["ALL"]) + list(settings.extend_select)
    linter = _linter(
        tuple(select) if select is not None else None,
        tuple(settings.ignore),
        tuple(sorted(settings.severity.items())),
        tuple(settings.rule_dirs),
        tuple(settings.rule_files),
        settings.profile,
        frozenset(w.strip().lower() for w in settings.allowlist if w.strip()),
        json.dumps({k.upper(): v for k, v in settings.params.items()}, sort_keys=True),
        _rule_stamps(settings.rule_dirs, settings.rule_files),
    )
    _selection_checked(linter, tuple(settings.select or ()), tuple(settings.extend_select), tuple(settings.ignore))
    return linter


def _rule_stamps(rule_dirs: Iterable[str], rule_files: Iterable[str]) -> tuple[tuple[str, int, int], ...]:
    """Each user rule file with its modification time and size (a stat per file per call)."""
    from anyq.engine.loader import rule_files as files_of

    paths = [p for d in rule_dirs if os.path.isdir(d) for p in map(str, files_of(Path(d)))] + list(rule_files)
    stamps = []
    for p in paths:
        try:
            st = os.stat(p)
            stamps.append((p, st.st_mtime_ns, st.st_size))
        except OSError:
            stamps.append((p, -1, -1))  # the loader says why it cannot be read
    return tuple(stamps)


@lru_cache(maxsize=8)
def _selection_checked(linter: Linter, select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
    # here, not in _linter, where «extend-select» is already merged into «select»; once per
    # linter and selection, not per file
    check_selection(linter.all_rules, {"select": select, "extend-select": extend_select, "ignore": ignore})


def _settings(settings: Settings | None, overrides: dict[str, Any]) -> Settings:
    """The caller's settings with the keyword arguments applied, on a copy: a call's
    ``lang=`` or ``select=`` must not stay behind for the caller's next call."""
    _is_settings(settings)
    s = replace(settings) if settings is not None else Settings()
    for k, v in overrides.items():
        if v is None:
            continue
        if k in ("select", "ignore"):
            # one string is a comma-separated list, as on the command line («J101,J102»)
            v = [c for c in v.split(",") if c.strip()] if isinstance(v, str) else list(v)
        setattr(s, k, v)
    s.validate()
    return s


def _is_settings(settings: Any) -> None:
    if settings is not None and not isinstance(settings, Settings):
        raise TypeError(f"settings must be an anyq.Settings, not {type(settings).__name__} (write anyq.Settings(**...) for a dict)")


def _validated(settings: Settings | None) -> Settings:
    _is_settings(settings)
    s = settings or Settings()
    s.validate()
    return s


def check(
    text: str,
    *,
    lang: str | None = None,
    path: str = "<text>",
    format: str = "txt",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    profile: str | None = None,
    kind: str | None = None,
    appeal: str | None = None,
    settings: Settings | None = None,
) -> FileReport:
    """Lint a text. ``lang`` forces "kk" or "ru" for every paragraph (default: detect);
    ``profile`` is the audience: "citizen" (default), "business" or "official";
    ``kind`` sets the document kind ("reply", "letter", "other"; default: detect);
    ``appeal`` is the text of the appeal a reply answers (its language and questions are checked)."""
    if not isinstance(text, str):
        raise TypeError(f"check() takes the text as str, not {type(text).__name__} (decode bytes first, or use check_file)")
    if format not in ("txt", "md"):
        raise ValueError(f"format must be 'txt' or 'md', not {format!r}")
    s = _settings(settings, {"lang": lang, "select": select, "ignore": ignore, "profile": profile, "kind": kind})
    if not text.strip():
        return FileReport(path=path, errors=["is empty"])  # as check_file says of an empty file
    source = txt_source(path, _as_read(text), "utf-8")
    if format == "md":
        source = read_bytes(path, text.encode("utf-8"), "md")
    linter = linter_for(s)
    options = document_options(s, linter, appeal_from_text(appeal) if appeal is not None else None)
    return linter.check(source, None if s.lang == "auto" else s.lang, options)


def _as_read(text: str) -> str:
    """A text given to the API as the file reader would have made it: no byte-order mark
    (``open(path).read()`` keeps one as U+FEFF), CRLF and lone CR line breaks as LF — so
    ``check(text)`` and ``check_file(path)`` agree on lines, paragraphs and findings."""
    return normalise_newlines(text[1:] if text.startswith("\ufeff") else text)


def document_options(settings: Settings, linter: Linter | None = None, appeal: Appeal | None = None) -> LintOptions | None:
    """The linter's options with what is set per document: ``--kind`` and ``--appeal`` (the
    appeal is read once and cached); None when neither is set."""
    if appeal is None and settings.appeal:
        try:
            appeal = load_appeal(settings.appeal)
        except ReadError as exc:
            # a bad argument (``Settings(appeal=…)``): a ValueError, as the API raises for the
            # others, not the reader's error of a checked file
            raise ValueError(f"appeal: {exc.path}: {exc.reason}") from None
    kind = settings.kind if settings.kind != "auto" else None
    if kind is None and appeal is None:
        return None
    base = (linter or linter_for(settings)).options or LintOptions(profile=settings.profile)
    return replace(base, kind=kind, appeal=appeal)


def check_source(source: SourceDocument, settings: Settings | None = None) -> FileReport:
    s = _validated(settings)
    linter = linter_for(s)
    report = linter.check(source, None if s.lang == "auto" else s.lang, document_options(s, linter), ignore=file_ignores(s, source.path))
    report.extra["format"] = source.format
    if source.encoding and not source.encoding.lower().startswith("utf"):
        # a fix the file's encoding cannot hold (a Kazakh letter in Windows-1251) is one
        # --fix leaves out: reported with no fix, as the --fix run reports it
        ok = encodable(source.encoding)
        without_fixes(report, lambda f: not ok(f.fix or ""))
    if source.notes:  # what the reader could not check (scanned pages, a misnamed file …)
        report.extra["notes"] = list(source.notes)
    return report


def check_file(path: str, settings: Settings | None = None, stdin_filename: str | None = None) -> FileReport:
    """Lint one file (or "-" for standard input); unreadable files give a report with an error."""
    s = _validated(settings)
    limits = s.limits()
    try:
        source = read_stdin(stdin_filename or "-", limits=limits) if path == "-" else read_path(path, limits=limits)
    except ReadError as exc:
        return FileReport(path=path, errors=[exc.reason])
    return check_source(source, s)


@dataclass(slots=True)
class RunReport:
    files: list[FileReport] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(len(f.errors) for f in self.files)

    def summary(self) -> dict[str, Any]:
        summary = Summary()
        for f in self.files:
            summary.add(f)
        return summary.to_dict()


class _SameSettings:
    """What the folder walk asks of a resolver: here every folder has the caller's settings
    (the API takes its settings from the caller, not from config files)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def settings_for(self, path: str) -> Settings:
        return self.settings

    settings_for_file = settings_for


def iter_reports(paths: Iterable[str] | str, settings: Settings | None = None, stdin_filename: str | None = None) -> Iterator[FileReport]:
    """Reports of the files under ``paths`` (a path, or several), found as ``anyq check``
    finds them: ``include``/``exclude`` and ``.gitignore`` of ``settings`` respected."""
    from anyq.batch.discover import Discovery

    s = _validated(settings)
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # one path, not a sequence of one-letter paths
    for path in Discovery(_SameSettings(s)).files(os.fspath(p) for p in paths):
        yield check_file(path, s, stdin_filename=stdin_filename)


def check_paths(paths: Iterable[str] | str, settings: Settings | None = None) -> RunReport:
    return RunReport(list(iter_reports(paths, settings)))


# --- fixes -----------------------------------------------------------------------------------


def _with_text(source: SourceDocument, text: str) -> SourceDocument:
    """The same document with another text (Markdown's skipped regions found again)."""
    if source.format == "md":
        new = read_bytes(source.path, text.encode("utf-8"), "md")
        new.encoding = source.encoding
        return new
    if source.format == "txt":
        return txt_source(source.path, text, source.encoding)  # its e-mail quotes found again
    return SourceDocument(path=source.path, text=text, format=source.format, encoding=source.encoding)


def fix_source(source: SourceDocument, settings: Settings | None = None, *, spelling: bool = False, report: FileReport | None = None) -> FixResult:
    """Apply the safe fixes of a document's findings (spelling ones only if ``spelling``).

    Nothing is written; ``FixResult.text`` is the fixed text and ``FixResult.report`` its check.
    Fixes that cannot be written in the document's encoding are left out.
    """
    s = settings or Settings()
    linter = linter_for(s)
    lang = None if s.lang == "auto" else s.lang
    options = document_options(s, linter)

    def check_text(text: str) -> FileReport:
        return linter.check(_with_text(source, text), lang, options)

    allowed = encodable(source.encoding) if source.encoding else None
    return fix_text(source.text, check_text, spelling=spelling, allowed=allowed, report=report)


def fix(text: str, *, lang: str | None = None, format: str = "txt", spelling: bool = False, settings: Settings | None = None) -> str:
    """The text with its safe fixes applied (hygiene, typography; spelling if asked)."""
    s = _settings(settings, {"lang": lang})
    source = txt_source("<text>", _as_read(text), "utf-8")
    if format == "md":
        source = read_bytes("<text>.md", source.text.encode("utf-8"), "md")
    fixed = fix_source(source, s, spelling=spelling).text
    if fixed == source.text:
        return text
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    return bom + restore_newlines(text[len(bom):], source.text, fixed)  # the caller's line breaks kept


@dataclass(slots=True)
class FileFix:
    """What ``--fix``/``--diff`` did to one file."""

    report: FileReport  # the check of the file as it is now (fixed, if it was written)
    original: str | None = None  # the text as read
    result: FixResult | None = None
    note: str | None = None  # why the file was not fixed, one line
    written: bool = False
    # standard input as ``--fix -`` gives it back on standard output: fixed in its own
    # encoding, byte-order mark and line endings, as a file is written; as read when there is
    # nothing to fix or it is no text to fix (a .docx), so a filter keeps its input
    stdin_output: bytes | None = None


def fix_file(path: str, settings: Settings | None = None, *, spelling: bool = False, write: bool = True, stdin_filename: str | None = None) -> FileFix:
    """Check a file and apply its safe fixes; write them (atomically) only if ``write``.

    Only .txt and .md files (and standard input) are ever fixed; any other file is checked
    and reported unchanged, with a note.
    """
    from anyq.fixes import FixError, can_fix, fixed_bytes, write_fixed

    s = settings or Settings()
    data = None
    try:
        limits = s.limits()
        if path == "-":
            data = stdin_bytes(stdin_filename or "-", limits)
            source = read_bytes(stdin_filename or "-", data, limits=limits)
        else:
            source = read_path(path, limits=limits)
    except ReadError as exc:
        # standard input that was read but is no text (cut UTF-8, NUL bytes, a broken .docx)
        # goes back unchanged, as ruff's `--fix -` does: an editor's filter must not empty the letter
        name = (stdin_filename or "-") if path == "-" else path  # as check_file names it
        return FileFix(FileReport(path=name, errors=[exc.reason]), stdin_output=data)
    report = check_source(source, s)
    if path != "-" and not can_fix(path):
        return FileFix(report, source.text, note="not fixed: --fix and --diff work on .txt and .md files only")
    if source.format not in ("txt", "md"):
        # read by its content (a Word file saved as letter.txt): its bytes are no text to rewrite
        return FileFix(report, source.text, note=f"not fixed: it holds a .{source.format} document, not plain text", stdin_output=data)
    result = fix_source(source, s, spelling=spelling, report=report)
    out = FileFix(result.report or report, source.text, result)
    if out.report is not None:
        name = (stdin_filename or "-") if path == "-" else path  # as check_file names it
        out.report.path = name
        for f in out.report.findings:
            f.path = name
    if path == "-":
        try:
            out.stdin_output = fixed_bytes(data, source.text, source.encoding, result.text) if result.changed else data
        except FixError as exc:
            out.report, out.note, out.stdin_output = report, f"not fixed: {exc}", data
        return out
    if write and result.changed:
        try:
            write_fixed(path, source.text, source.encoding, result.text)
        except (FixError, OSError) as exc:
            out.report = report
            out.note = f"not fixed: {exc}"
            return out
        out.written = True
    return out
