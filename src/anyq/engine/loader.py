"""Read rule files (TOML) into :class:`Rule` objects, with errors that name file and key.

A rule file holds ``[[rule]]`` tables. TOML because it is in the standard library
(``tomllib``), has no implicit typing surprises, and is the format of ``pyproject.toml``
that our config lives in too; multi-line strings keep explanations readable.
"""

from __future__ import annotations

import itertools
import math
import re
import string
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
    replacement_clause,
    without_replacement,
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
    "suppresses", "object", "rewrite", "supersedes", "superseded_by", "verdict",
}
_PHRASE_KEYS = {"text", "replace", "object", "rewrite"}
_BAD_KEYS = {"text", "match", "suggestion", "appeal"}
_GOOD_KEYS = {"text", "appeal"}
# what a message may name: the runner fills these for every rule; a Python rule's own
# code adds more ({value}, {threshold}, {split}…), so any name is allowed there
_PLACEHOLDERS = ("match", "replacement")
_CASES = {"nom", "gen", "dat", "acc", "ins", "loc"}
_REWRITES = {"purpose", "gerund"}


_ALTERNATIVES = re.compile(r"\{([^{}]*)\}")


def expand_phrase(text: str) -> list[str]:
    """«{осуществить|провести} проверку» → both phrases; «{быть|}» makes a word optional.

    A brace left over (unbalanced, or a group inside a group) is a ValueError: it would
    stay in the phrase as a letter, and the phrase would never match."""
    groups = _ALTERNATIVES.findall(text)
    template = _ALTERNATIVES.sub("\x00", text)
    if "{" in template or "}" in template:
        raise ValueError("unbalanced or nested braces: write {a|b}, with no braces inside")
    if not groups:
        return [text]
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
    if value is not None and (not isinstance(value, str) or value not in _REWRITES):
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


def _list(data: dict[str, Any], key: str, source: str, where: str) -> list[Any]:
    """A list-valued key; a string there would be taken letter by letter."""
    value = data.get(key, [])
    if not isinstance(value, list):
        raise _fail(source, where, f"'{key}' must be a list, not {type(value).__name__} {value!r} (write {key} = [...])")
    return value


def _strings(data: dict[str, Any], key: str, source: str, where: str, empty: bool = False) -> list[str]:
    """A list of strings; ``empty``: "" is allowed (a replacement that drops the words)."""
    value = _list(data, key, source, where)
    wrong = [v for v in value if not isinstance(v, str) or not (v or empty)]
    if wrong:
        raise _fail(source, where, f"'{key}' must be a list of {'' if empty else 'non-empty '}strings, not with {wrong[0]!r}")
    return value


def _flag(data: dict[str, Any], key: str, default: bool, source: str, where: str) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):  # «"false"» would be true
        raise _fail(source, where, f"'{key}' must be true or false, not {type(value).__name__} {value!r}")
    return value


def _weight(value: Any, source: str, where: str) -> float | None:
    ok = value is None or (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value >= 0)
    if not ok:  # a negative weight raised the score above 100
        raise _fail(source, where, f"'weight' must be a number 0 or more, not {value!r}")
    return value


def _check_template(template: str, kind: str, source: str, where: str, groups: Iterable[str] = ()) -> None:
    """A message's placeholders, checked here: at run time a bad one raised in every letter
    or printed the raw template. ``groups``: the named groups of a regex rule's regex, which
    the runner fills too."""
    try:
        fields = [(f, conv) for _, f, _, conv in string.Formatter().parse(template) if f is not None]
    except ValueError as exc:
        raise _fail(source, where, f"message {template!r}: {exc} (write {{{{ and }}}} for a brace)") from None
    for name, conv in fields:
        if not (name in _PLACEHOLDERS or name in groups or (kind == "python" and name.isidentifier())) or conv not in (None, "r", "s", "a"):
            raise _fail(
                source, where,
                f"message {template!r}: unknown placeholder {{{name}}} (use {{match}} or {{replacement}}; "
                "write {{ and }} for a brace)",
            )
    if "{replacement}" in template and replacement_clause(template) < 0:
        # without a suggestion that clause is left out (Rule.message_for), not printed as «»
        raise _fail(
            source, where,
            f"message {template!r}: {{replacement}} goes in a clause after «;» («…; лучше «{{replacement}}».»), "
            "«:», «—» or «,», which is left out when there is no suggestion",
        )
    bare = without_replacement(template)
    for pair in ("()", "«»"):
        if bare.count(pair[0]) - bare.count(pair[1]) != template.count(pair[0]) - template.count(pair[1]):
            # the cut clause took one of a pair: «…» or (…) would be printed half
            raise _fail(
                source, where,
                f"message {template!r}: without a suggestion it reads {bare!r}; put {{replacement}} in a clause "
                "after «;» («…; лучше «{{replacement}}».») or in brackets of its own («(лучше «{{replacement}}»)»)",
            )


# a word with Latin and Cyrillic letters: a look-alike typed in the wrong layout
_MIXED = re.compile(r"(?=[^\W\d_]*[a-zA-Z])(?=[^\W\d_]*[^\W\da-zA-Z_])[^\W\d_]+")


def _same_script(text: str, what: str, source: str, where: str) -> None:
    m = _MIXED.search(text)
    if m:
        latin = ", ".join(dict.fromkeys(re.findall(r"[a-zA-Z]", m.group())))
        raise _fail(source, where, f"{what} {text!r}: word {m.group()!r} mixes Latin and Cyrillic letters (Latin {latin})")


_MATCHER = None


def _check_patterns(code: str, patterns: list[list[dict[str, Any]]], source: str, where: str) -> None:
    """The token patterns as spaCy's Matcher checks them, here and not when the first letter
    is checked (spaCy is imported only to parse a file with pattern rules, then cached)."""
    global _MATCHER
    if _MATCHER is None:
        from spacy.matcher import Matcher
        from spacy.vocab import Vocab

        _MATCHER = Matcher(Vocab(), validate=True)
    try:
        _MATCHER.add(code, patterns)
    except Exception as exc:  # noqa: BLE001 - spaCy reports bad patterns with its own error types
        details = [line.strip("- ").strip() for line in str(exc).splitlines() if line.startswith("- ")]
        raise _fail(source, where, f"bad token pattern: {'; '.join(details) or str(exc).splitlines()[0]}") from None
    finally:
        if code in _MATCHER:
            _MATCHER.remove(code)


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
    if not isinstance(langs, list) or not langs:
        raise _fail(source, where, f"'languages' must be a list such as [\"ru\"], not {langs!r}")
    for lang in langs:
        if not isinstance(lang, str) or lang not in LANGUAGES + ("any",):
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
    if not isinstance(data["name"], str) or data["name"].split() != [data["name"]]:
        raise _fail(source, where, f"'name' must be a short kebab-case name, not {data['name']!r}")
    for key in ("regex", "replace"):
        if key in data and not isinstance(data[key], str):
            raise _fail(source, where, f"'{key}' must be a string, not {type(data[key]).__name__} {data[key]!r}")
    if not isinstance(data.get("params", {}), dict):
        raise _fail(source, where, f"'params' must be a table, not {type(data['params']).__name__} {data['params']!r}")

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
        weight=_weight(data.get("weight"), source, where),
        scope=scope,
        enabled=_flag(data, "enabled", True, source, where),
        verdict=_flag(data, "verdict", False, source, where),
        match_on=data.get("match_on", "lemma"),
        regex=data.get("regex"),
        ignorecase=_flag(data, "ignorecase", False, source, where),
        replace=data.get("replace"),
        exceptions=list(_strings(data, "exceptions", source, where)),
        params=dict(data.get("params", {})),
        fix=_flag(data, "fix", False, source, where),
        suppresses=list(_strings(data, "suppresses", source, where)),
        supersedes=list(_strings(data, "supersedes", source, where)),
        superseded_by=list(_strings(data, "superseded_by", source, where)),
        source=source,
    )
    if rule.match_on not in ("lemma", "text"):
        raise _fail(source, where, "match_on must be 'lemma' or 'text'")
    groups: Iterable[str] = ()
    if kind == "regex" and rule.regex:
        try:  # a named group fills a placeholder of that name (runner._regex_hit)
            groups = re.compile(rule.regex).groupindex
        except re.error:
            pass  # reported below
    for template in [rule.message] if isinstance(rule.message, str) else rule.message.values():
        _check_template(template, kind, source, where, groups)
    for c in rule.supersedes:
        if not _CODE.match(c):
            raise _fail(source, where, f"'supersedes' takes rule codes such as J110, not {c!r}")
    for e in rule.exceptions:
        try:
            re.compile(e, re.I)  # as compiled.py compiles them
        except re.error as exc:
            raise _fail(source, where, f"bad exception regex {e!r}: {exc}") from None
    if rule.fix and kind not in ("regex", "python"):
        raise _fail(source, where, "'fix' is for regex and Python rules (a phrase or pattern rule's replacements are suggestions)")
    if rule.replace is not None and kind == "python":
        # a copy of a built-in Python rule (T104 was a regex rule once) with a regex rule's fix:
        # its code writes its fix and would never read this one
        msg = f"'replace' is the fix of a regex rule; {code} is a Python rule, whose code writes its fix"
        raise _fail(source, where, msg + " (to use your own 'regex' and 'replace', set kind = \"regex\")")
    if rule.replace is not None and kind != "regex":
        raise _fail(source, where, "'replace' is the fix of a regex rule (a phrase rule's go in 'replacements' or a phrase table)")

    default_replace = _strings(data, "replacements", source, where, empty=True)
    default_object = _object_case(data.get("object"), source, where)
    default_rewrite = _rewrite(data.get("rewrite"), source, where)
    for r in default_replace:
        _same_script(r, "replacement", source, where)
    for p in _list(data, "phrases", source, where):
        if isinstance(p, str):
            text, replace = p, default_replace
        elif isinstance(p, dict) and isinstance(p.get("text"), str):
            unknown_p = set(p) - _PHRASE_KEYS
            if unknown_p:
                raise _fail(source, where, f"phrase {p['text']!r}: unknown key(s): {', '.join(sorted(unknown_p))}")
            text = p["text"]
            replace = _strings(p, "replace", source, f"{where}: phrase {text!r}", empty=True) if "replace" in p else default_replace
            for r in replace:
                _same_script(r, "replacement", source, where)
        else:
            raise _fail(source, where, "each phrase is a string or {text = ..., replace = [...]}")
        _same_script(text, "phrase", source, where)
        try:
            texts = expand_phrase(text)
        except ValueError as exc:
            raise _fail(source, where, f"phrase {text!r}: {exc}") from None
        if not texts or not all(t.strip() for t in texts):
            raise _fail(source, where, f"phrase {text!r} is empty")
        if isinstance(p, str):
            entries = [PhraseEntry(t, list(replace), default_object, default_rewrite) for t in texts]
        else:
            obj = _object_case(p.get("object", default_object), source, where)
            rewrite = _rewrite(p.get("rewrite", default_rewrite), source, where)
            entries = [PhraseEntry(t, list(replace), obj, rewrite) for t in texts]
        rule.phrases += entries
    if kind != "phrase" and (default_replace or default_object or default_rewrite):
        rule.entry = PhraseEntry("", default_replace, default_object, default_rewrite)

    patterns = _list(data, "patterns", source, where)
    if "pattern" in data:
        patterns = [data["pattern"], *patterns]
    for pat in patterns:
        if not isinstance(pat, list) or not all(isinstance(t, dict) for t in pat):
            raise _fail(source, where, "a pattern is a list of token tables, e.g. [{LEMMA = \"оказать\"}, {LEMMA = \"помощь\"}]")
    rule.patterns = [list(p) for p in patterns]
    if rule.patterns:
        _check_patterns(code, rule.patterns, source, where)

    if kind == "phrase" and not rule.phrases:
        raise _fail(source, where, "a phrase rule needs 'phrases'")
    if kind == "pattern" and not rule.patterns:
        raise _fail(source, where, "a pattern rule needs 'pattern' or 'patterns'")
    if kind == "regex":
        if not rule.regex:
            raise _fail(source, where, "a regex rule needs 'regex'")
        try:
            compiled = re.compile(rule.regex)
        except re.error as exc:
            raise _fail(source, where, f"bad regex: {exc}") from None
        if rule.replace is not None:
            try:
                compiled.sub(rule.replace, "")  # parses the template (groups it names) without a match
            except re.error as exc:
                raise _fail(source, where, f"bad 'replace' {rule.replace!r}: {exc}") from None
        needs = rule.params.get("needs")
        if needs is not None and needs not in NEEDS:
            raise _fail(source, where, f"unknown params.needs {needs!r}: one of {', '.join(sorted(NEEDS))}")
        needs_any = rule.params.get("needs_any")
        if needs_any is not None and not (isinstance(needs_any, list) and needs_any and all(isinstance(x, str) and x for x in needs_any)):
            raise _fail(source, where, "params.needs_any is a list of strings, one of which every text with a match holds")

    for ex in _list(data, "bad", source, where):
        if isinstance(ex, str):
            rule.bad.append(BadExample(ex))
        elif isinstance(ex, dict) and isinstance(ex.get("text"), str):
            _example_keys(ex, _BAD_KEYS, "bad", source, where)
            rule.bad.append(BadExample(ex["text"], ex.get("match"), ex.get("suggestion"), ex.get("appeal")))
        else:
            raise _fail(source, where, "each bad example is a string or {text = ..., match = ...}")
    for g in _list(data, "good", source, where):
        if isinstance(g, str):
            rule.good.append(g)
        elif isinstance(g, dict) and isinstance(g.get("text"), str):
            _example_keys(g, _GOOD_KEYS, "good", source, where)
            rule.good.append(g["text"])
            if "appeal" in g:
                rule.example_appeals[g["text"]] = g["appeal"]
        else:
            raise _fail(source, where, "each good example is a string or {text = ..., appeal = ...}")
    if not rule.bad or not rule.good:
        raise _fail(source, where, "every rule needs at least one 'bad' and one 'good' example")
    return rule


def _example_keys(ex: dict[str, Any], keys: set[str], which: str, source: str, where: str) -> None:
    unknown = set(ex) - keys
    if unknown:  # a typo («mach») would drop what the example checks
        raise _fail(source, where, f"{which} example {ex['text']!r}: unknown key(s): {', '.join(sorted(unknown))} (known: {', '.join(sorted(keys))})")
    wrong = next((k for k in ex if not isinstance(ex[k], str)), None)
    if wrong is not None:
        raise _fail(source, where, f"{which} example {ex['text']!r}: '{wrong}' must be a string")


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
    raw = path.read_bytes()
    try:
        # a byte-order mark (Windows Notepad) is skipped, as in letters
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        what = "is UTF-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else f"is not UTF-8 (byte {exc.start + 1})"
        raise RuleError(f"{source}: {what}; save it as UTF-8") from None
    data = tomllib.loads(text)
    unknown = set(data) - {"rule"}
    if unknown:
        raise RuleError(f"{source}: unknown top-level key(s): {', '.join(sorted(unknown))} (rules go in [[rule]] tables)")
    tables = data.get("rule", [])
    if not isinstance(tables, list) or not all(isinstance(r, dict) for r in tables):
        raise RuleError(f"{source}: rules go in [[rule]] tables (two brackets), not [rule]")
    return [parse_rule(r, source) for r in tables]


def rule_files(directory: Path) -> list[Path]:
    """Rule files of a rules directory: every ``*.toml`` except the ``data/`` folder."""
    return sorted(p for p in directory.rglob("*.toml") if "data" not in p.relative_to(directory).parts)


def load_rules(extra_dirs: Iterable[str | Path] = (), extra_files: Iterable[str | Path] = (), builtin: bool = True) -> list[Rule]:
    """Built-in rules plus an organisation's own. A user rule with a built-in rule's code
    replaces it; two user rules with one code, in one folder or across ``--rules`` files
    and folders, are an error (the later one silently replaced the earlier)."""
    by_code: dict[str, Rule] = {}
    builtin_rules: dict[str, Rule] = {}
    if builtin:
        builtin_rules = _unique(rule_files(rules_dir()))
        by_code.update(builtin_rules)
    user: list[Path] = []
    for d in extra_dirs:
        p = Path(d)
        if not p.is_dir():
            raise RuleError(f"{d}: rule directory not found")
        user += rule_files(p)
    user += [Path(f) for f in extra_files]
    # a folder named in the config file and again with --rules is read once
    user = list({p.resolve(): p for p in user}.values())
    user_rules = _unique(user)
    for code, rule in user_rules.items():
        if code in builtin_rules:
            _check_params(rule, builtin_rules[code])
    by_code.update(user_rules)
    for r in by_code.values():
        for c in r.supersedes:
            if c not in by_code:
                raise RuleError(f"{r.source}: rule {r.code}: supersedes {c}, which is no rule")
        # both take code prefixes (superseded_by also categories): a typo matched nothing and
        # the rule silently did nothing
        for key, names, what in (("superseded_by", r.superseded_by, "rule code, code prefix or category"), ("suppresses", r.suppresses, "rule code or code prefix")):
            for p in names:
                if not (any(c.startswith(p) for c in by_code) or (key == "superseded_by" and p in CATEGORIES.values())):
                    raise RuleError(f"{r.source}: rule {r.code}: {key} {p!r}, which is no {what}")
    return sorted(by_code.values(), key=lambda r: r.code)


def _unique(files: list[Path]) -> dict[str, Rule]:
    seen: dict[str, Rule] = {}
    for f in files:
        for rule in load_file(f):
            if rule.code in seen:
                raise RuleError(f"{rule.source}: rule {rule.code}: code already used in {seen[rule.code].source}")
            seen[rule.code] = rule
    return seen


def _check_params(rule: Rule, original: Rule) -> None:
    """A user copy of a built-in Python rule: its params have the types the code reads
    (a string where it reads a number raised in every letter)."""
    if rule.kind != "python" or original.kind != "python":
        return
    from anyq.configfile import _param_problem

    for name, value in rule.params.items():
        problem = _param_problem(f"params.{name}", value, original.params[name]) if name in original.params else None
        if problem:
            raise RuleError(f"{rule.source}: rule {rule.code}: {problem}")
