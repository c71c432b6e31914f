"""The ``anyq`` command: a thin layer over :mod:`anyq.api`.

Exit codes (as ruff, ESLint, Vale): 0 — nothing at or above ``--fail-on``; 1 — findings
at or above it; 2 — a usage error or a file that could not be checked; 141 — the reader of
standard output went away (``| head``), as for a program killed by SIGPIPE.
"""

from __future__ import annotations

import errno
import functools
import gc
import itertools
import os
import signal
import stat
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from anyq import __version__

app = typer.Typer(
    name="anyq",
    help="Plain-language linter for Kazakh and Russian official correspondence. Offline.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    sarif = "sarif"
    github = "github"
    html = "html"


class ConfigFormat(str, Enum):
    text = "text"
    json = "json"


class Lang(str, Enum):
    auto = "auto"
    kk = "kk"
    ru = "ru"


class Kind(str, Enum):
    auto = "auto"
    reply = "reply"
    letter = "letter"
    other = "other"


class Profile(str, Enum):
    citizen = "citizen"
    business = "business"
    official = "official"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _split_codes(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    out: list[str] = []
    for v in values:
        out += [c.strip() for c in v.split(",") if c.strip()]
    return out


def _version(value: bool) -> None:
    if value:
        typer.echo(f"anyq {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
) -> None:
    """Plain-language linter for Kazakh and Russian official correspondence. Offline."""
    _encodable_stdout()


def _encodable_stdout() -> None:
    """Standard output that every letter can be written to. A file or pipe whose locale
    encoding is not UTF-8 (``anyq check kk.txt > report.txt`` on a Russian Windows: cp1251)
    cannot hold Kazakh letters (қ, ө, ү …): it gets UTF-8, the same bytes ``-o`` writes, which
    JSON, SARIF and HTML require anyway and editors open. A terminal keeps its encoding, and
    what it cannot show is written as ``\\u049b`` instead of stopping the run."""
    import codecs

    try:
        utf8 = codecs.lookup(sys.stdout.encoding).name == "utf-8"
    except (AttributeError, TypeError, LookupError):
        utf8 = False
    if utf8 or not hasattr(sys.stdout, "reconfigure"):
        return
    try:
        if sys.stdout.isatty():
            sys.stdout.reconfigure(errors="backslashreplace")
        else:
            sys.stdout.reconfigure(encoding="utf-8", errors="strict")
    except (ValueError, OSError):  # closed, or a stream that cannot change
        pass


def _quiet_broken_pipe(command):
    """A reader that stops reading (``anyq check … | head``) ends the run as it ends ``cat``:
    no traceback, no message, exit 141 (128 + SIGPIPE) — not 1, which would claim findings."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except BrokenPipeError:
            try:  # what is still buffered for the closed pipe goes nowhere at exit
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except (OSError, ValueError, AttributeError):
                pass
            raise typer.Exit(141) from None

    return run


def _fail(message: str) -> None:
    typer.echo(f"anyq: error: {message}", err=True)
    raise typer.Exit(2)


def _refuse_input_as_output(paths: list[str], output: Path) -> None:
    """README: no input file is ever written, except by --fix; -o naming one is a usage error."""
    target = os.path.realpath(output)
    for raw in paths:
        if raw != "-" and not os.path.isdir(raw) and os.path.realpath(raw) == target:
            _fail(f"{output}: is one of the files to check; the report would overwrite it")


class _ReportFile:
    """The --output file. The report is written to a hidden file beside it and renamed over
    it when the run ends, so a run stopped by a usage error leaves the last good report in
    place (and the walk, which skips hidden files, never meets the half-written one). A
    device, a pipe or a symlink (-o /dev/stdout) is written directly."""

    def __init__(self, path: Path) -> None:
        self.path = os.fspath(path)
        self.tmp: str | None = None
        self.mode: int | None = None
        try:
            st = os.lstat(self.path) if os.path.lexists(self.path) else None
            if os.path.isdir(self.path):
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
            if st is not None and not stat.S_ISREG(st.st_mode):
                self.fh = open(self.path, "w", encoding="utf-8", newline="")
                return
            if st is not None:
                if not os.access(self.path, os.W_OK):
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
                self.mode = stat.S_IMODE(st.st_mode)
            folder, name = os.path.split(os.path.abspath(self.path))
            tmp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
            except PermissionError:
                if st is None:
                    raise
                # a writable report in a folder that takes no new files: written in place
                self.fh = open(self.path, "w", encoding="utf-8", newline="")
                return
            self.tmp = tmp
            self.fh = open(fd, "w", encoding="utf-8", newline="")
        except OSError as exc:
            self._error(exc)

    def _error(self, exc: OSError) -> None:
        _fail(f"{self.path}: cannot write the report ({exc.strerror or exc})")

    def commit(self) -> None:
        try:
            self.fh.close()
            if self.tmp is not None:
                if self.mode is not None:
                    os.chmod(self.tmp, self.mode)
                os.replace(self.tmp, self.path)
        except OSError as exc:
            self.discard()
            self._error(exc)

    def discard(self) -> None:
        self.fh.close()
        if self.tmp is not None:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass


@app.command()
@_quiet_broken_pipe
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files or directories (searched for every format anyq reads: .txt, .md, .docx, .odt, .pdf, .rtf, .html, .doc); - for standard input. Default: the current directory.")] = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    lang: Annotated[Optional[Lang], typer.Option(help="Language of the text; auto detects it per paragraph.")] = None,
    select: Annotated[Optional[list[str]], typer.Option(help="Only these rules: codes, prefixes or categories (J, C1, jargon), comma-separated.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="Skip these rules: codes, prefixes or categories.")] = None,
    extend_select: Annotated[Optional[list[str]], typer.Option(help="Add rules to the selection (e.g. opt-in rules).")] = None,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra rule directory or TOML file (repeatable).")] = None,
    kind: Annotated[Optional[Kind], typer.Option(help="What the documents are: reply (to a citizen's appeal), letter, other; auto detects it.")] = None,
    appeal: Annotated[Optional[Path], typer.Option(help="The appeal the reply answers: checks the reply's language and the appeal's questions it leaves unanswered.")] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option(help="Lowest severity that makes the exit code 1 (default warning).")] = None,
    profile: Annotated[Optional[Profile], typer.Option(help="Audience: sets sentence-length and readability thresholds (default citizen).")] = None,
    fail_under: Annotated[Optional[float], typer.Option(help="Exit code 1 when a file scores below this.")] = None,
    stdin_filename: Annotated[Optional[str], typer.Option(help="Name (and format, by suffix) for text read from -.")] = None,
    color: Annotated[Optional[bool], typer.Option("--color/--no-color", help="Colour the text output (default: on a terminal).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Text output: only findings, no source lines or summaries.")] = False,
    include: Annotated[Optional[list[str]], typer.Option(help="Only files matching these globs (gitignore-style; repeatable). Default: every format anyq reads.")] = None,
    exclude: Annotated[Optional[list[str]], typer.Option(help="Skip files and folders matching these globs (repeatable).")] = None,
    respect_gitignore: Annotated[Optional[bool], typer.Option("--respect-gitignore/--no-respect-gitignore", help="Skip files that .gitignore excludes (default: yes).")] = None,
    force_exclude: Annotated[bool, typer.Option(help="Apply --exclude and config excludes to files named on the command line too (for pre-commit).")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the result cache.")] = False,
    cache_dir: Annotated[Optional[Path], typer.Option(envvar="ANYQ_CACHE_DIR", help="Where the result cache lives (default: .anyq_cache beside the config file, or here).")] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="Print statistics: files, words, findings per code and category, score distribution, worst files.")] = False,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Progress bar on standard error (default: on a terminal, for long runs, when the report does not go to that terminal).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Use this config file for every file instead of looking for one.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore config files.")] = False,
    max_file_size: Annotated[Optional[str], typer.Option(metavar="SIZE", help="Refuse (with an error) files bigger than this, and documents holding more text: 20M, 500K, 1G or bytes. [default: 20M]")] = None,
    max_unzipped_size: Annotated[Optional[str], typer.Option(metavar="SIZE", help="Limit on what the text parts of a .docx/.odt may unpack to (zip bombs). [default: 50M]")] = None,
    timeout: Annotated[Optional[float], typer.Option(metavar="SECONDS", help="Seconds allowed for reading one document; 0: no limit, read in this process. [default: 60]")] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply the safe fixes to .txt and .md files (atomically), then report what is left.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print the safe fixes as a unified diff instead of writing them.")] = False,
    fix_spelling: Annotated[bool, typer.Option("--fix-spelling", help="Also correct misspelled words whose best suggestion is far ahead (implies --fix unless --diff).")] = False,
    allow: Annotated[Optional[list[str]], typer.Option("--allow", help="Words the speller accepts, comma-separated (repeatable).")] = None,
    allowlist: Annotated[Optional[list[Path]], typer.Option("--allowlist", help="A file of words the speller accepts, one per line, # comments (repeatable).")] = None,
) -> None:
    """Lint letters and print findings with a score per file."""
    from anyq.datacache import preload_regexes

    preload_regexes()  # before spaCy and the checks are imported: their regexes, ready-made
    from anyq.batch.cache import Cache, default_cache_dir
    from anyq.batch.discover import Discovery
    from anyq.batch.progress import Progress
    from anyq.batch.run import BatchRunner
    from anyq.batch.stats import Statistics
    from anyq.findings import CachedReport
    from anyq.configfile import ConfigError, Resolver
    from anyq.engine.loader import RuleError
    from anyq.config import allow_entry_problem, parse_size
    from anyq.readers import ReadError
    from anyq.reporters import ReportContext, make_reporter

    from anyq.spell.dictionary import read_allowlist

    try:
        sizes = {k: parse_size(v) if v is not None else None for k, v in (("max_file_size", max_file_size), ("max_unzipped_size", max_unzipped_size))}
    except ValueError as exc:
        _fail(str(exc))
    words = [w for v in allow or [] for w in v.split(",") if w.strip()]
    for w in words:
        problem = allow_entry_problem(w, files="--allowlist")
        if problem:
            _fail(f"--allow: {problem}")
    for f in allowlist or []:
        try:
            words += read_allowlist(str(f))
        except (OSError, UnicodeDecodeError) as exc:
            _fail(f"{f}: allowlist cannot be read ({getattr(exc, 'strerror', None) or exc})")
        except ValueError as exc:  # an entry that can never match
            _fail(f"{f}: {exc}")
    overrides = {
        "select": _split_codes(select),
        "ignore": _split_codes(ignore),
        "extend_select": _split_codes(extend_select),
        "lang": lang.value if lang else None,
        "fail_on": fail_on.value if fail_on else None,
        "fail_under": fail_under,
        "rule_dirs": [str(p.resolve()) for p in rules or [] if p.is_dir()] or None,
        "rule_files": [str(p.resolve()) for p in rules or [] if not p.is_dir()] or None,
        "profile": profile.value if profile else None,
        "kind": kind.value if kind else None,
        "appeal": str(appeal) if appeal is not None else None,
        "timeout": timeout,
        "allowlist": words or None,
        **sizes,
    }
    paths = paths or ["."]
    if output is not None and str(output) == "-":
        output = None  # «-o -» is standard output, as for most tools (not a file named «-»)
    if output is not None:
        _refuse_input_as_output(paths, output)
    try:
        resolver = Resolver(overrides, config=str(config) if config else None, isolated=isolated)
        here = resolver.settings_for(".")
        if here.appeal:
            from anyq.legal.appeal import load_appeal

            # read the appeal: an unreadable one is a usage error (a config file's own is
            # checked when the file loads, and named by its key)
            load_appeal(here.appeal)
    except (ConfigError, RuleError, ValueError) as exc:
        _fail(str(exc))
    except ReadError as exc:
        _fail(f"--appeal: {exc.path}: {exc.reason}")

    if output is not None and os.path.islink(output) and os.path.isfile(output):
        # a link to a letter of a checked folder would be written through (the letter lost);
        # an old report lying in the folder is a plain file and is skipped below instead
        target = os.path.realpath(output)
        probe = Discovery(resolver, include=include, exclude=exclude, respect_gitignore=respect_gitignore, force_exclude=force_exclude)
        if any(f != "-" and os.path.realpath(f) == target for f in probe.files(paths)):
            _fail(f"{output}: links to {target}, one of the files to check; the report would overwrite it")
    # the report file is never itself an input (ruff does not lint its own output either)
    discovery = Discovery(
        resolver, include=include, exclude=exclude, respect_gitignore=respect_gitignore, force_exclude=force_exclude,
        skip=[output] if output is not None else (),
    )
    if diff or fix or fix_spelling:
        code = _fix_run(paths, resolver, discovery, diff=diff, spelling=fix_spelling, format=format, output=output, color=color, quiet=quiet, stdin_filename=stdin_filename)
        raise typer.Exit(code)

    root = cache_dir or default_cache_dir(here if (here.cache_dir or here.root) else None)
    cache = Cache(root, enabled=not no_cache)
    stdout_tty = sys.stdout.isatty()
    bar = Progress(enabled=progress if progress is not None else (sys.stderr.isatty() and (output is not None or not stdout_tty)))
    runner = BatchRunner(resolver, discovery, cache, jobs=jobs, stdin_filename=stdin_filename, on_plan=bar.plan, on_begin=bar.begin)
    stats = Statistics() if statistics else None
    report_file = _ReportFile(output) if output else None
    out = report_file.fh if report_file else sys.stdout
    ctx = ReportContext(color=color, quiet=quiet, to_file=output is not None)
    errors = failing = 0
    error_lines: list[str] = []
    below_lines: list[str] = []
    try:
        outcomes = runner.run(paths)
        # The first outcome plans the whole run (every file's settings, the rules): a bad
        # config file below a folder, or a bad rule file, stops it before any report is begun
        # (a CSV header, say).
        first = next(outcomes, None)
        reporter = make_reporter(format.value, out, ctx)
        for outcome in itertools.chain([first] if first is not None else [], outcomes):
            _resume_gc()
            report = outcome.report
            if isinstance(report, CachedReport) and not reporter.takes_cached:
                report = _decoded(report)
            bar.advance(outcome.cached)
            if stats is not None:
                stats.add(report, outcome.cached)
            s = outcome.settings
            errors += bool(report.errors)
            error_lines += [f"{report.path}: error: {e}" for e in report.errors]
            failing += _fails(report, s)
            below = _below(report, s)
            if below:
                below_lines.append(below)
            if not reporter.needs_source:
                report.source_text = None
            reporter.file(report)
        bar.close()
        if format.value in ("sarif", "html"):
            ctx.rules = _rules_by_code(resolver)
        if stats is not None:
            ctx.statistics = stats
            ctx.run = _run_info(runner.info, stats)
        reporter.finish()
        if first is None:
            # a mistyped folder or an exclude that takes everything is no pass (ruff warns too)
            typer.echo(f"anyq: warning: no files to check under {', '.join(map(str, paths))}", err=True)
    except (ConfigError, RuleError) as exc:
        bar.close()
        if report_file:
            report_file.discard()  # the last good report stays where it was
        _fail(str(exc))
    except BaseException:
        if report_file:
            report_file.discard()
        raise
    finally:
        bar.close()
        if not output:
            out.flush()
    if report_file:
        report_file.commit()

    if format != OutputFormat.text or output:
        for line in error_lines:
            typer.echo(line, err=True)
    for line in below_lines:
        typer.echo(line, err=True)
    if errors:
        raise typer.Exit(2)
    if failing:
        raise typer.Exit(1)


def _load_linter(settings):
    from anyq.api import linter_for

    return linter_for(settings)


def _decoded(report):
    """The FileReport of a cached one; an entry forged to pass the digest but not a report
    becomes an error of that file."""
    from anyq.findings import FileReport

    try:
        return report.full()
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return FileReport(path=report.path, errors=["its cache entry is damaged; check it again with --no-cache"])


def _fails(report, settings) -> bool:
    if settings.fail_on != "never":
        threshold = _SEVERITY_RANK[settings.fail_on]
        if any(_SEVERITY_RANK[severity] >= threshold for _, _, _, severity, _ in report.finding_counts()):
            return True
    return _below(report, settings) is not None


def _below(report, settings) -> str | None:
    """The line that says why a file fails ``--fail-under`` (None if it does not). The score
    compared is the one every format shows, rounded to 0.1."""
    if settings.fail_under is None or report.score is None or report.score >= settings.fail_under:
        return None
    return f"{report.path}: score {report.score:.1f} is below fail-under {settings.fail_under:g}"


def _rules_by_code(resolver) -> dict:
    rules: dict = {}
    for s in resolver.all_settings():
        linter = _load_linter(s)
        for r in linter.compiled.rules:
            rules.setdefault(r.code, r)
    return rules


def _run_info(info, stats) -> dict:
    seconds = max(info.seconds, 1e-9)
    return {
        "seconds": round(info.seconds, 2),
        "files_per_second": round(info.files / seconds, 1),
        "words_per_second": round(stats.words / seconds),
        "jobs": info.jobs,
        "workers": info.workers,
        "linted": info.linted,
        "from_cache": info.cached,
        "peak_worker_rss_mb": round(info.peak_worker_rss_mb or info.main_rss_mb, 1),
        "worker_restarts": info.worker_restarts,
        # CPU seconds spent by the worker processes (or by this process when it linted alone)
        "cpu_seconds": round(info.worker_cpu_s if info.workers else info.main_cpu_s, 1),
    }


def _fix_run(paths, resolver, discovery, *, diff, spelling, format, output, color, quiet, stdin_filename) -> int:
    """--fix / --diff: fix each file, then print diffs (--diff) or the remaining findings.

    The files are those a check run would check (the same discovery); each is fixed with its
    own effective settings (config files found upward from it). The report is the check
    run's, in any format; with standard input among the files the fixed text goes to
    standard output and the report to standard error (as ruff does).
    """
    from anyq.api import fix_file
    from anyq.batch.run import load_rules_of
    from anyq.configfile import ConfigError
    from anyq.engine.loader import RuleError
    from anyq.fixes import unified_diff
    from anyq.reporters import ReportContext, make_reporter

    # Every file's settings and rules before the first file is written: a bad config file
    # anywhere in the tree is one usage error with nothing fixed, as in a check run.
    try:
        files = [(path, resolver.settings_for_file(path)) for path in discovery.files(paths)]
        load_rules_of([s for _, s in files])
    except (ConfigError, RuleError) as exc:
        _fail(str(exc))

    report_file = _ReportFile(output) if output else None
    if report_file:
        out = report_file.fh
    elif not diff and any(path == "-" for path, _ in files):
        out = sys.stderr  # standard output carries the fixed text
    else:
        out = sys.stdout
    ctx = ReportContext(color=color, quiet=quiet, to_file=output is not None)
    reporter = None if diff else make_reporter(format.value, out, ctx)
    reports = []
    error_lines: list[str] = []
    changed = 0
    try:
        for path, settings in files:
            ff = fix_file(path, settings, spelling=spelling, write=not diff, stdin_filename=stdin_filename)
            _resume_gc()
            report = ff.report
            reports.append((report, settings))
            error_lines += [f"{report.path}: error: {e}" for e in report.errors]
            if ff.note:
                typer.echo(f"{report.path}: {ff.note}", err=True)  # standard input by its --stdin-filename
            result = ff.result
            if result is not None and result.changed:
                changed += 1
            if diff:
                if result is not None and result.changed and ff.original is not None:
                    out.write(unified_diff(report.path, ff.original, result.text))
                continue
            if ff.stdin_output is not None:
                # standard input, fixed or not, in its own encoding and line endings
                sys.stdout.flush()
                sys.stdout.buffer.write(ff.stdin_output)
                sys.stdout.buffer.flush()
            if ff.written and result is not None:
                counts = ", ".join(f"{c} ×{n}" for c, n in result.counts().items())
                typer.echo(f"{path}: fixed {len(result.applied)} ({counts})", err=True)
            if not reporter.needs_source:
                report.source_text = None
            reporter.file(report)
            out.flush()
        if reporter is not None:
            if format.value in ("sarif", "html"):
                ctx.rules = _rules_by_code(resolver)
            reporter.finish()
    except BaseException:
        if report_file:
            report_file.discard()
        raise
    if report_file:
        report_file.commit()
    else:
        out.flush()
    # the text report names the errors itself, as in a check run
    if diff or format != OutputFormat.text or output:
        for line in error_lines:
            typer.echo(line, err=True)
    if any(r.errors for r, _ in reports):
        return 2
    if diff:
        return 1 if changed else 0
    for line in filter(None, (_below(r, s) for r, s in reports)):
        typer.echo(line, err=True)
    if any(_fails(r, s) for r, s in reports):
        return 1
    return 0


@app.command("config")
@_quiet_broken_pipe
def config_cmd(
    path: Annotated[Optional[str], typer.Argument(help="A file or folder; default: the current directory.")] = None,
    format: Annotated[ConfigFormat, typer.Option("--format", "-f", help="text (TOML-like) or json.")] = ConfigFormat.text,
    config: Annotated[Optional[Path], typer.Option("--config", help="Use this config file instead of looking for one.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore config files.")] = False,
) -> None:
    """Print the effective configuration for a path, and the file it comes from."""
    import dataclasses
    import json

    from anyq.configfile import ConfigError, Resolver, file_ignores

    target = path or "."
    try:
        resolver = Resolver(config=str(config) if config else None, isolated=isolated)
        s = resolver.settings_for(target)
    except (ConfigError, ValueError) as exc:
        _fail(str(exc))
    data = {k: v for k, v in dataclasses.asdict(s).items() if k not in ("config_file", "root")}
    ignores = list(file_ignores(s, target)) if target != "." else []
    if format == ConfigFormat.json:
        typer.echo(json.dumps({"path": target, "config_file": s.config_file, "settings": data, "file_ignores": ignores}, ensure_ascii=False, indent=2))
        return
    typer.echo(f"# effective configuration for {target}")
    typer.echo(f"# from {s.config_file}" if s.config_file else "# no config file found: defaults")
    for k, v in data.items():
        typer.echo(f"# {k.replace('_', '-')}: not set" if v is None else f"{k.replace('_', '-')} = {_toml_value(v)}")
    if ignores:
        typer.echo(f"# per-file-ignores that apply to {target}: {', '.join(ignores)}")


def _toml_value(v) -> str:
    import json

    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{json.dumps(str(k), ensure_ascii=False)} = {_toml_value(x)}" for k, x in v.items()) + " }"
    return json.dumps(str(v), ensure_ascii=False)


def _user_rule_sources(rules: list[Path] | None, config: Path | None, isolated: bool) -> tuple[list[str], list[str]]:
    """The user rule folders and files `check` uses here: --rules and the config file's
    `rules` (so that `rules` and `explain` know every rule `check` reports)."""
    from anyq.configfile import ConfigError, Resolver
    from anyq.engine.loader import RuleError

    overrides = {
        "rule_dirs": [str(p.resolve()) for p in rules or [] if p.is_dir()] or None,
        "rule_files": [str(p.resolve()) for p in rules or [] if not p.is_dir()] or None,
    }
    try:
        s = Resolver(overrides, config=str(config) if config else None, isolated=isolated).settings_for(".")
    except (ConfigError, RuleError, ValueError) as exc:
        _fail(str(exc))
    return list(s.rule_dirs), list(s.rule_files)


def _load_all_rules(dirs: list[str], files: list[str]) -> list:
    from anyq.engine.loader import RuleError, load_rules

    try:
        return load_rules(extra_dirs=dirs, extra_files=files)
    except RuleError as exc:
        _fail(str(exc))


@app.command("rules")
@_quiet_broken_pipe
def rules_cmd(
    category: Annotated[Optional[str], typer.Option(help="Only this category (jargon, legal, complexity, spelling, typography) or code prefix.")] = None,
    lang: Annotated[Optional[str], typer.Option(help="Only rules for this language (kk or ru).")] = None,
    format: Annotated[ConfigFormat, typer.Option("--format", "-f", help="text (a table) or json.")] = ConfigFormat.text,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra rule directory or TOML file.")] = None,
    test: Annotated[bool, typer.Option("--test", help="Run the rules' own bad and good examples (your rules when --rules or the config file's rules name some; else the built-in ones); exit code 1 when one fails.")] = False,
    config: Annotated[Optional[Path], typer.Option("--config", help="Use this config file instead of looking for one.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore config files.")] = False,
) -> None:
    """List the rules: code, category, languages, severity, name."""
    import json

    from anyq.resources import rules_dir

    dirs, files = _user_rule_sources(rules, config, isolated)
    all_rules = _load_all_rules(dirs, files)
    if lang is not None and lang.lower() not in ("kk", "ru"):
        _fail(f"--lang must be kk or ru, not {lang!r}")
    lang = lang.lower() if lang else None
    if test and (dirs or files):
        builtin = rules_dir().resolve()
        all_rules = [r for r in all_rules if not Path(r.source).resolve().is_relative_to(builtin)]
    in_category = [r for r in all_rules if category is None or r.category == category.lower() or r.code.startswith(category.upper())]
    if not in_category:
        _fail(f"--category {category!r} matches no rule (categories: {', '.join(sorted({r.category for r in all_rules}))}; or a code prefix such as J1)")
    selected = [r for r in in_category if lang is None or r.applies_to(lang)]
    if test:
        if not selected:  # as a --category that matches nothing: «0 examples of 0 rules: all pass» passed nothing
            _fail(f"--lang {lang} matches no rule to test{f' in --category {category!r}' if category else ''}")
        raise typer.Exit(_test_examples(selected, dirs, files, format == ConfigFormat.json))
    if format == ConfigFormat.json:
        data = [
            {"code": r.code, "name": r.name, "category": r.category, "languages": list(r.languages), "severity": r.severity, "kind": r.kind, "enabled": r.enabled}
            for r in selected
        ]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    typer.echo(f"{'code':<6} {'category':<11} {'languages':<9} {'severity':<8} name")
    for r in selected:
        langs = ",".join(r.languages)
        flag = "" if r.enabled else "  (opt-in)"
        typer.echo(f"{r.code:<6} {r.category:<11} {langs:<9} {r.severity:<8} {r.name}{flag}")
    typer.echo(f"{len(selected)} rules")


def _test_examples(rules: list, dirs: list[str], files: list[str], as_json: bool = False) -> int:
    """`anyq rules --test`: one line per failing example, a summary (``as_json``: one JSON
    object with the counts and the failures); 1 if any failed."""
    from anyq.engine.compiled import CompileError
    from anyq.engine.examples import run_examples

    try:
        count, failures = run_examples(rules, (dirs, files))
    except CompileError as exc:
        _fail(str(exc))
    if as_json:
        import json

        data = {
            "examples": count,
            "rules": len(rules),
            "failures": [
                {"file": _shown(f.rule.source), "code": f.rule.code, "example": f.which, "number": f.number, "problem": f.problem}
                for f in failures
            ],
        }
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return 1 if failures else 0
    for f in failures:
        typer.echo(f"{_shown(f.rule.source)}: {f.rule.code}: {f.which} example {f.number} {f.problem}")
    failed_rules = len({f.rule.code for f in failures})
    if failures:
        typer.echo(f"{len(failures)} of {_count(count, 'example')} failed, in {failed_rules} of {_count(len(rules), 'rule')}")
        return 1
    typer.echo(f"{_count(count, 'example')} of {_count(len(rules), 'rule')}: all pass")
    return 0


def _shown(path: str) -> str:
    """A rule file's path as the user would write it: relative when it is under the current
    folder (--rules paths are resolved)."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


@app.command()
@_quiet_broken_pipe
def explain(
    code: Annotated[str, typer.Argument(help="Rule code, e.g. J101.")],
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra rule directory or TOML file.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Use this config file instead of looking for one.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore config files.")] = False,
) -> None:
    """Show a rule's documentation with its examples."""
    all_rules = _load_all_rules(*_user_rule_sources(rules, config, isolated))
    rule = next((r for r in all_rules if r.code == code.upper()), None)
    if rule is None:
        _fail(f"no rule {code!r}; `anyq rules` lists them")
    langs = [l for l in rule.languages if l != "any"] or ["ru", "kk"]
    lines = [f"{rule.code} {rule.name}", f"category: {rule.category}   languages: {', '.join(rule.languages)}   severity: {rule.severity}   kind: {rule.kind}", ""]
    for l in langs:
        if len(langs) > 1:
            lines.append(f"[{l}]")
        lines.append(rule.text_for(rule.explanation, l).strip())
        advice = rule.advice_for(l).strip()
        if advice:
            lines += ["", f"What to do: {advice}"]
        lines.append("")
    if rule.phrases:
        lines.append("Phrases:")
        for p in rule.phrases:
            lines.append(f"  {p.text}" + (f"  →  {', '.join(p.replace)}" if p.replace else "") + _fix_note(p))
        lines.append("")
    if rule.entry is not None and (rule.entry.replace or rule.entry.rewrite):
        lines += [f"Replacement: {', '.join(rule.entry.replace) or '—'}{_fix_note(rule.entry)}", ""]
    if rule.supersedes or rule.superseded_by:
        if rule.supersedes:
            lines.append(f"Reported instead of: {', '.join(rule.supersedes)} (on the same words)")
        if rule.superseded_by:
            lines.append(f"Gives way to: {', '.join(rule.superseded_by)} (on the same words)")
        lines.append("")
    if rule.params:
        lines.append("Parameters: " + ", ".join(f"{k} = {v}" for k, v in rule.params.items()))
        lines.append("")
    lines.append("Flagged:")
    for ex in rule.bad:
        lines.append(f"  ✗ {ex.text}" + (f"   [{ex.match}]" if ex.match else "") + (f"  →  {ex.suggestion}" if ex.suggestion else ""))
    lines.append("Fine:")
    for g in rule.good:
        lines.append(f"  ✓ {g}")
    lines.append(f"\nDefined in {rule.source}")
    typer.echo("\n".join(lines))


def _fix_note(entry) -> str:
    """How a replacement is fitted beyond inflection: the case it governs, a named rewrite."""
    notes = []
    if entry.object:
        notes.append(f"object {entry.object}")
    if entry.rewrite:
        notes.append(f"rewrite {entry.rewrite}")
    return f"   ({'; '.join(notes)})" if notes else ""


def _resume_gc() -> None:
    """After the first file: what start-up built is frozen out of the collector's
    generations (as the workers do), and collection resumes (see :func:`main`)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def main() -> None:
    # Start-up (spaCy, the rules, both pipelines, the lexicons the first file loads) creates
    # ~180,000 container objects that live as long as the process, and a few thousand of
    # garbage. The cyclic collector would walk them again at every generation-2 collection
    # while they are being built: 0.1-0.3 s of a one-letter run. It is off until the first
    # file is checked.
    gc.disable()
    # pydantic (which spaCy's config and typer use) looks for plugins of its own by reading the
    # entry points of every installed distribution, 0.5 % of a one-letter run; anyq's command
    # has no use for them. A user who sets the variable keeps their choice.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # A cancelled CI job or `timeout` stops a run with SIGTERM: leave as on Ctrl-C, through the
    # cleanup (worker pool shut down, a half-written report discarded) with 128 + 15, not by
    # dying at once with the pool's semaphores left for multiprocessing to complain about.
    signal.signal(signal.SIGTERM, _terminated)
    app()


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    main()
