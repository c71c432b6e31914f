"""The ``anyq`` command: a thin layer over :mod:`anyq.api`.

Exit codes (as ruff, ESLint, Vale): 0 — nothing at or above ``--fail-on``; 1 — findings
at or above it; 2 — a usage error or a file that could not be checked.
"""

from __future__ import annotations

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


class Lang(str, Enum):
    auto = "auto"
    kk = "kk"
    ru = "ru"


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


def _fail(message: str) -> None:
    typer.echo(f"anyq: error: {message}", err=True)
    raise typer.Exit(2)


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files or directories (searched for .txt, .md, .docx, .odt, .pdf, .rtf, .html); - for standard input.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    lang: Annotated[Lang, typer.Option(help="Language of the text; auto detects it per paragraph.")] = Lang.auto,
    select: Annotated[Optional[list[str]], typer.Option(help="Only these rules: codes, prefixes or categories (J, C1, jargon), comma-separated.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="Skip these rules: codes, prefixes or categories.")] = None,
    extend_select: Annotated[Optional[list[str]], typer.Option(help="Add rules to the selection (e.g. opt-in rules).")] = None,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra rule directory or TOML file (repeatable).")] = None,
    fail_on: Annotated[FailOn, typer.Option(help="Lowest severity that makes the exit code 1.")] = FailOn.warning,
    profile: Annotated[Profile, typer.Option(help="Audience: sets sentence-length and readability thresholds.")] = Profile.citizen,
    stdin_filename: Annotated[Optional[str], typer.Option(help="Name (and format, by suffix) for text read from -.")] = None,
    color: Annotated[Optional[bool], typer.Option("--color/--no-color", help="Colour the text output (default: on a terminal).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Text output: only findings, no source lines or summaries.")] = False,
    max_file_size: Annotated[Optional[str], typer.Option(metavar="SIZE", help="Refuse (with an error) files bigger than this, and documents holding more text: 20M, 500K, 1G or bytes. [default: 20M]")] = None,
    max_unzipped_size: Annotated[Optional[str], typer.Option(metavar="SIZE", help="Limit on what the text parts of a .docx/.odt may unpack to (zip bombs). [default: 50M]")] = None,
    timeout: Annotated[Optional[float], typer.Option(metavar="SECONDS", help="Seconds allowed for reading one document; 0: no limit, read in this process. [default: 60]")] = None,
) -> None:
    """Lint letters and print findings with a score per file."""
    from anyq.config import Settings
    from anyq.engine.loader import RuleError
    from anyq.engine.compiled import CompileError

    from anyq.config import parse_size

    limits: dict = {}
    try:
        if max_file_size is not None:
            limits["max_file_size"] = parse_size(max_file_size)
        if max_unzipped_size is not None:
            limits["max_unzipped_size"] = parse_size(max_unzipped_size)
    except ValueError as exc:
        _fail(str(exc))
    if timeout is not None:
        limits["timeout"] = timeout
    rule_dirs = [str(p) for p in rules or [] if p.is_dir()]
    rule_files = [str(p) for p in rules or [] if not p.is_dir()]
    settings = Settings(
        select=_split_codes(select),
        ignore=_split_codes(ignore) or [],
        extend_select=_split_codes(extend_select) or [],
        lang=lang.value,
        fail_on=fail_on.value,
        rule_dirs=rule_dirs,
        rule_files=rule_files,
        profile=profile.value,
        **limits,
    )
    try:
        settings.validate()
        from anyq.api import linter_for

        linter_for(settings)  # load and compile rules up front: a bad rule file is a usage error
    except (RuleError, CompileError, ValueError) as exc:
        _fail(str(exc))

    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        reports = _run(paths, settings, format, out, color, quiet, stdin_filename)
    finally:
        if output:
            out.close()

    errors = sum(len(r.errors) for r in reports)
    for r in reports:
        for e in r.errors:
            if format != OutputFormat.text or output:
                typer.echo(f"{r.path}: error: {e}", err=True)
    if errors:
        raise typer.Exit(2)
    if fail_on != FailOn.never:
        threshold = _SEVERITY_RANK[fail_on.value]
        if any(_SEVERITY_RANK[f.severity] >= threshold for r in reports for f in r.findings):
            raise typer.Exit(1)


def _run(paths, settings, format, out, color, quiet, stdin_filename):
    from anyq.api import RunReport, iter_reports
    from anyq.reporters import json as json_reporter
    from anyq.reporters.text import TextReporter, _location_suffix

    reports = []
    text = TextReporter(out, color=color, show_source=not quiet) if format == OutputFormat.text else None
    for report in iter_reports(paths, settings, stdin_filename=stdin_filename):
        reports.append(report)
        if text is not None:
            if quiet:
                for f in report.findings:
                    out.write(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}{_location_suffix(f)}\n")
                for e in report.errors:
                    out.write(f"{report.path}: error: {e}\n")
                for n in report.extra.get("notes", []):
                    out.write(f"{report.path}: note: {n}\n")
            else:
                text.file(report, report.source_text)
        elif format == OutputFormat.jsonl:
            json_reporter.write_jsonl_line(out, report)
        out.flush()
    if format == OutputFormat.json:
        json_reporter.write_json(out, reports, RunReport(reports).summary())
    elif text is not None and not quiet and len(reports) > 1:
        text.totals(reports)
    return reports


@app.command("rules")
def rules_cmd(
    category: Annotated[Optional[str], typer.Option(help="Only this category (jargon, legal, complexity, spelling, typography) or code prefix.")] = None,
    lang: Annotated[Optional[str], typer.Option(help="Only rules for this language (kk or ru).")] = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="text (a table) or json.")] = OutputFormat.text,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra rule directory or TOML file.")] = None,
) -> None:
    """List the rules: code, category, languages, severity, name."""
    import json

    from anyq.engine.loader import RuleError, load_rules

    try:
        all_rules = load_rules(
            extra_dirs=[p for p in rules or [] if p.is_dir()], extra_files=[p for p in rules or [] if not p.is_dir()]
        )
    except RuleError as exc:
        _fail(str(exc))
    selected = [
        r
        for r in all_rules
        if (category is None or r.category == category.lower() or r.code.startswith(category.upper()))
        and (lang is None or r.applies_to(lang))
    ]
    if format != OutputFormat.text:
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


@app.command()
def explain(
    code: Annotated[str, typer.Argument(help="Rule code, e.g. J101.")],
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra rule directory or TOML file.")] = None,
) -> None:
    """Show a rule's documentation with its examples."""
    from anyq.engine.loader import RuleError, load_rules

    try:
        all_rules = load_rules(
            extra_dirs=[p for p in rules or [] if p.is_dir()], extra_files=[p for p in rules or [] if not p.is_dir()]
        )
    except RuleError as exc:
        _fail(str(exc))
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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
