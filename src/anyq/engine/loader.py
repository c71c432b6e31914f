"""Read rule files (TOML) into :class:`Rule` objects, with errors that name file and key.

A rule file holds ``[[rule]]`` tables. TOML because it is in the standard library
(``tomllib``), has no implicit typing surprises, and is the format of ``pyproject.toml``
that our config lives in too; multi-line strings keep explanations readable.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from anyq.engine.model import (
    CATEGORIES,
    KINDS,
    LANGUAGES,
    SCOPES,
    SEVERITIES,
    BadExample,
    PhraseEntry,
    Rule,
)
from anyq.datacache import cached
from anyq.engine import model as _model_module
from anyq.engine.needs import NEEDS
from anyq.resources import rules_dir

_CODE = re.compile(r"^[A-Z]\d{3,4}$")
_KEYS = {
    "code", "name", "category", "languages", "severity", "kind", "message", "explanation",
    "suggestion", "weight", "scope", "enabled", "phrases", "replacements", "match_on", "patterns",
    "pattern", "regex", "ignorecase", "replace", "exceptions", "params", "bad", "good", "fix",
    "suppresses", "object", "rewrite", "supersedes", "superseded_by",
}
_PHRASE_KEYS = {"text", "replace", "object", "rewrite"}
_CASES = {"nom", "gen", "dat", "acc", "ins", "loc"}
_REWRITES = {"purpose", "gerund"}


_ALTERNATIVES = re.compile(r"\{([^{}]*)\}")


def expand_phrase(text: str) -> list[str]:
    """«{осуществить|провести} проверку» → both phrases; «{быть|}» makes a word optional."""
    groups = _ALTERNATIVES.findall(text)
    if not groups:
        return [text]
    template = _ALTERNATIVES.sub("\x00", text)
    out = []
    for combo in itertools.product(*(g.split("|") for g in groups)):
        parts = iter(combo)
        phrase = "".join(next(parts) if ch == "\x00" else ch for ch in template)
        out.append(" ".join(phrase.split()))
    return list(dict.fromkeys(p for p in out if p))


def _object_case(value: Any, source: str, where: str) -> str | None:
    """``object`` is "acc" or "gen>acc": the case after the replacement, from which case."""
    if value is None:
        return None
    parts = str(value).split(">")
    cases = [c for p in parts for c in p.split("|")]
    if len(parts) > 2 or not all(c in _CASES for c in cases) or "|" in parts[-1]:
        raise _fail(source, where, f"object must be a case (nom, gen, dat, acc, ins, loc), 'gen>acc' or 'gen|ins>acc', not {value!r}")
    return str(value)


def _rewrite(value: Any, source: str, where: str) -> str | None:
    if value is not None and value not in _REWRITES:
        raise _fail(source, where, f"unknown rewrite {value!r} (known: {', '.join(sorted(_REWRITES))})")
    return value


_MODEL = Path(_model_module.__file__)


class RuleError(ValueError):
    """A rule file that cannot be loaded; the message names the file and the rule."""


def _fail(source: str, where: str, msg: str) -> RuleError:
    return RuleError(f"{source}: {where}: {msg}")


def _text_or_table(value: Any, source: str, where: str, key: str) -> str | dict[str, str]:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return dict(value)
    raise _fail(source, where, f"'{key}' must be a string or a table of strings by language")


def parse_rule(data: dict[str, Any], source: str) -> Rule:
    code = data.get("code")
    where = f"rule {code}" if code else "a rule without 'code'"
    if not isinstance(code, str) or not _CODE.match(code):
        raise _fail(source, where, "'code' must be a capital letter and 3-4 digits, e.g. J101")
    unknown = set(data) - _KEYS
    if unknown:
        raise _fail(source, where, f"unknown key(s): {', '.join(sorted(unknown))}")
    by_prefix = CATEGORIES.get(code[0])
    if by_prefix is None:  # a rule without a category broke the reports and the cache
        prefixes = ", ".join(f"{k} {v}" for k, v in CATEGORIES.items())
        raise _fail(source, where, f"a code starts with its category's letter ({prefixes}), not {code[0]}")
    category = data.get("category") or by_prefix
    if by_prefix != category:
        raise _fail(source, where, f"code prefix {code[0]} means {by_prefix!r}, not {category!r}")
    langs = data.get("languages", ["any"])
    if isinstance(langs, str):
        langs = [langs]
    for lang in langs:
        if lang not in LANGUAGES + ("any",):
            raise _fail(source, where, f"unknown language {lang!r} (use ru, kk or any)")
    severity = data.get("severity", "warning")
    if severity not in SEVERITIES:
        raise _fail(source, where, f"severity must be one of {', '.join(SEVERITIES)}")
    kind = data.get("kind")
    if kind not in KINDS:
        raise _fail(source, where, f"kind must be one of {', '.join(KINDS)}")
    scope = data.get("scope", "paragraph")
    if scope not in SCOPES:
        raise _fail(source, where, f"scope must be one of {', '.join(SCOPES)}")
    for key in ("name", "message", "explanation"):
        if not data.get(key):
            raise _fail(source, where, f"'{key}' is required")

    rule = Rule(
        code=code,
        name=data["name"],
        category=category,
        languages=tuple(langs),
        severity=severity,
        kind=kind,
        message=_text_or_table(data["message"], source, where, "message"),
        explanation=_text_or_table(data["explanation"], source, where, "explanation"),
        suggestion=_text_or_table(data.get("suggestion", ""), source, where, "suggestion"),
        weight=data.get("weight"),
        scope=scope,
        enabled=bool(data.get("enabled", True)),
        match_on=data.get("match_on", "lemma"),
        regex=data.get("regex"),
        ignorecase=bool(data.get("ignorecase", False)),
        replace=data.get("replace"),
        exceptions=list(data.get("exceptions", [])),
        params=dict(data.get("params", {})),
        fix=bool(data.get("fix", False)),
        suppresses=[str(c) for c in data.get("suppresses", [])],
        supersedes=[str(c) for c in data.get("supersedes", [])],
        superseded_by=[str(c) for c in data.get("superseded_by", [])],
        source=source,
    )
    if rule.match_on not in ("lemma", "text"):
        raise _fail(source, where, "match_on must be 'lemma' or 'text'")

    default_replace = [str(r) for r in data.get("replacements", [])]
    default_object = _object_case(data.get("object"), source, where)
    default_rewrite = _rewrite(data.get("rewrite"), source, where)
    for p in data.get("phrases", []):
        if isinstance(p, str):
            for text in expand_phrase(p):
                rule.phrases.append(PhraseEntry(text, list(default_replace), default_object, default_rewrite))
        elif isinstance(p, dict) and isinstance(p.get("text"), str):
            unknown_p = set(p) - _PHRASE_KEYS
            if unknown_p:
                raise _fail(source, where, f"phrase {p['text']!r}: unknown key(s): {', '.join(sorted(unknown_p))}")
            for text in expand_phrase(p["text"]):
                rule.phrases.append(
                    PhraseEntry(
                        text,
                        [str(r) for r in p.get("replace", default_replace)],
                        _object_case(p.get("object", default_object), source, where),
                        _rewrite(p.get("rewrite", default_rewrite), source, where),
                    )
                )
        else:
            raise _fail(source, where, "each phrase is a string or {text = ..., replace = [...]}")
    if kind != "phrase" and (default_replace or default_object or default_rewrite):
        rule.entry = PhraseEntry("", default_replace, default_object, default_rewrite)

    patterns = data.get("patterns", [])
    if "pattern" in data:
        patterns = [data["pattern"], *patterns]
    for pat in patterns:
        if not isinstance(pat, list) or not all(isinstance(t, dict) for t in pat):
            raise _fail(source, where, "a pattern is a list of token tables, e.g. [{LEMMA = \"оказать\"}, {LEMMA = \"помощь\"}]")
    rule.patterns = [list(p) for p in patterns]

    if kind == "phrase" and not rule.phrases:
        raise _fail(source, where, "a phrase rule needs 'phrases'")
    if kind == "pattern" and not rule.patterns:
        raise _fail(source, where, "a pattern rule needs 'pattern' or 'patterns'")
    if kind == "regex":
        if not rule.regex:
            raise _fail(source, where, "a regex rule needs 'regex'")
        try:
            re.compile(rule.regex)
        except re.error as exc:
            raise _fail(source, where, f"bad regex: {exc}") from None
        needs = rule.params.get("needs")
        if needs is not None and needs not in NEEDS:
            raise _fail(source, where, f"unknown params.needs {needs!r}: one of {', '.join(sorted(NEEDS))}")
        needs_any = rule.params.get("needs_any")
        if needs_any is not None and not (isinstance(needs_any, list) and needs_any and all(isinstance(x, str) and x for x in needs_any)):
            raise _fail(source, where, "params.needs_any is a list of strings, one of which every text with a match holds")

    for ex in data.get("bad", []):
        if isinstance(ex, str):
            rule.bad.append(BadExample(ex))
        elif isinstance(ex, dict) and isinstance(ex.get("text"), str):
            rule.bad.append(BadExample(ex["text"], ex.get("match"), ex.get("suggestion"), ex.get("appeal")))
        else:
            raise _fail(source, where, "each bad example is a string or {text = ..., match = ...}")
    for g in data.get("good", []):
        if isinstance(g, dict) and isinstance(g.get("text"), str):
            rule.good.append(g["text"])
            if isinstance(g.get("appeal"), str):
                rule.example_appeals[g["text"]] = g["appeal"]
        else:
            rule.good.append(str(g))
    if not rule.bad or not rule.good:
        raise _fail(source, where, "every rule needs at least one 'bad' and one 'good' example")
    return rule


def load_file(path: Path) -> list[Rule]:
    source = str(path)
    try:
        # parsed once and kept in the data cache: reading and checking the ~4,000 jargon
        # phrases takes about 0.3 s, unpickling them a few milliseconds. A file with an error
        # raises before anything is stored, so it is reported on every run.
        rules = cached(f"rules-{path.stem}", [path, Path(__file__), _MODEL], lambda: _parse_file(path), objects=(_model_module.__name__,))
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{source}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise RuleError(f"{source}: cannot be read: {exc.strerror or exc}") from None
    for r in rules:
        r.source = source  # the same file may be named by another path than when cached
    return rules


def _parse_file(path: Path) -> list[Rule]:
    source = str(path)
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    unknown = set(data) - {"rule"}
    if unknown:
        raise RuleError(f"{source}: unknown top-level key(s): {', '.join(sorted(unknown))} (rules go in [[rule]] tables)")
    return [parse_rule(r, source) for r in data.get("rule", [])]


def rule_files(directory: Path) -> list[Path]:
    """Rule files of a rules directory: every ``*.toml`` except the ``data/`` folder."""
    return sorted(p for p in directory.rglob("*.toml") if "data" not in p.relative_to(directory).parts)


def load_rules(extra_dirs: Iterable[str | Path] = (), extra_files: Iterable[str | Path] = (), builtin: bool = True) -> list[Rule]:
    """Built-in rules plus an organisation's own; a later rule with the same code replaces an earlier one."""
    groups: list[list[Path]] = []
    if builtin:
        groups.append(rule_files(rules_dir()))
    for d in extra_dirs:
        p = Path(d)
        if not p.is_dir():
            raise RuleError(f"{d}: rule directory not found")
        groups.append(rule_files(p))
    groups += [[Path(f)] for f in extra_files]
    by_code: dict[str, Rule] = {}
    for group in groups:
        seen: dict[str, str] = {}
        for f in group:
            for rule in load_file(f):
                if rule.code in seen:
                    raise RuleError(f"{rule.source}: rule {rule.code}: code already used in {seen[rule.code]}")
                seen[rule.code] = rule.source
                by_code[rule.code] = rule
    return sorted(by_code.values(), key=lambda r: r.code)
