"""Config files: ``[tool.anyq]`` in ``pyproject.toml``, or ``anyq.toml`` / ``.anyq.toml``.

The closest config file above a checked file applies to it (as in ruff: no merging of
parent files). Options given on the command line override the file. Keys are the fields
of :class:`anyq.config.Settings`, written with ``-`` or ``_``; the loader checks every
value against the field's type annotation, so a field a teammate adds is configurable at
once. Errors name the file and the key: ``anyq.toml: [tool.anyq] fail-on: …``.

Paths in a config file (``rules``, ``cache-dir``, ``appeal``, ``allowlist-files``, and
fields ending in ``_dir(s)``, ``_file(s)`` or ``_path(s)``) are relative to the file's
folder, and so are the globs of ``include``, ``exclude`` and ``per-file-ignores``.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import os
import string
import tomllib
import types
import typing
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from anyq.config import FULL_CODE, PROVENANCE_FIELDS, Settings, allow_entry_problem
from anyq.profiles import PROFILES

CONFIG_NAMES = (".anyq.toml", "anyq.toml", "pyproject.toml")

# Keys that are not a field of their own.
_ALIASES = {
    "rules": None,  # rule directories and files, split into rule_dirs / rule_files
    "allowlist_files": None,  # files of words (as --allowlist reads them), added to allowlist
}
_PATH_SUFFIXES = ("_dir", "_dirs", "_file", "_files", "_path", "_paths")

# How command-line values combine with a config file's (the rest replace it).
_CLI_EXTENDS = {"ignore", "extend_select", "rule_dirs", "rule_files", "exclude"}
_CLI_MERGES = {"severity", "params", "per_file_ignores"}


class ConfigError(ValueError):
    """A config file that cannot be used; the message names the file and the key."""


def _fields() -> dict[str, dataclasses.Field]:
    return {f.name: f for f in dataclasses.fields(Settings) if f.name not in PROVENANCE_FIELDS}


@cache
def _hints() -> dict[str, Any]:
    try:
        return typing.get_type_hints(Settings)
    except Exception:  # an annotation that cannot be evaluated here: check those fields loosely
        import anyq.config as module

        hints: dict[str, Any] = {}
        for f in dataclasses.fields(Settings):
            try:
                hints[f.name] = eval(f.type, vars(module)) if isinstance(f.type, str) else f.type  # noqa: S307
            except Exception:
                hints[f.name] = Any
        return hints


def _converters() -> dict[str, Any]:
    import anyq.config

    return getattr(anyq.config, "CONVERTERS", {})


def _type_ok(value: Any, tp: Any) -> bool:
    """Does a TOML value fit a (simple) type annotation?"""
    if tp is Any:
        return True
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return any(_type_ok(value, a) for a in args)
    if tp is type(None):
        return value is None
    if tp is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if origin in (list, tuple, set, frozenset):
        return isinstance(value, list) and all(_type_ok(v, args[0]) for v in value) if args else isinstance(value, list)
    if origin is dict:
        return isinstance(value, dict) and all(_type_ok(k, args[0]) and _type_ok(v, args[1]) for k, v in value.items())
    if isinstance(tp, type):
        return isinstance(value, tp)
    return True


def _type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_name(a) for a in args if a is not type(None))
    if origin in (list, tuple, set, frozenset):
        return f"a list of {_plural(args[0])}" if args else "a list"
    if origin is dict:
        return "a table" if not args else f"a table of {_plural(args[1])}"
    return {str: "string", int: "integer", float: "number", bool: "true or false"}.get(tp, getattr(tp, "__name__", str(tp)))


def _plural(tp: Any) -> str:
    """«strings», «lists of strings», «values»: what a list or table holds."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (list, tuple, set, frozenset):
        return f"lists of {_plural(args[0])}" if args else "lists"
    if origin is dict:
        return f"tables of {_plural(args[1])}" if args else "tables"
    if tp is Any:
        return "values"
    return {str: "strings", int: "integers", float: "numbers", bool: "true or false values"}.get(tp, f"{_type_name(tp)} values")


def _is_path_field(name: str) -> bool:
    # ``appeal`` names a file, though its name does not say so
    return name in ("cache_dir", "appeal") or name.endswith(_PATH_SUFFIXES)


def find_config(start: str | Path) -> Path | None:
    """The closest config file in ``start`` (a file's folder, or a folder) or above it."""
    p = Path(os.path.abspath(start))
    if not p.is_dir():
        p = p.parent
    return _find_in(p)


@lru_cache(maxsize=4096)
def _find_in(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = folder / name
        # os.path.isfile, not Path.is_file: in a folder we may not read the latter raises
        # (Python 3.11); the walk reports that folder as one input error
        if os.path.isfile(candidate) and (name != "pyproject.toml" or _has_anyq_table(candidate)):
            return candidate
    parent = folder.parent
    return None if parent == folder else _find_in(parent)


def _has_anyq_table(pyproject: Path) -> bool:
    try:
        with open(pyproject, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        # a broken pyproject.toml that may hold our table: load_config reports it
        return b"[tool.anyq" in pyproject.read_bytes() if pyproject.is_file() else False
    return isinstance(data.get("tool"), dict) and "anyq" in data["tool"]


def load_config(path: str | Path) -> Settings:
    """Settings from one config file (cached until the file changes)."""
    p = Path(os.path.abspath(path))
    try:
        st = p.stat()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc.strerror or exc})") from None
    return dataclasses.replace(_load_config(p, st.st_mtime_ns, st.st_size))


@lru_cache(maxsize=64)
def _load_config(p: Path, _mtime: int, _size: int) -> Settings:
    try:
        with open(p, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{p}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{p}: cannot read the config file ({exc.strerror or exc})") from None
    where = "[tool.anyq]" if p.name == "pyproject.toml" else ""
    if p.name == "pyproject.toml":
        table = data.get("tool", {}).get("anyq", {})
    else:
        table = data.get("tool", {}).get("anyq") if set(data) == {"tool"} else data
    if not isinstance(table, dict):
        raise ConfigError(f"{p}: {where or 'the file'} must be a table of settings")
    return settings_from_table(table, p, where)


def settings_from_table(table: dict[str, Any], path: Path, where: str = "") -> Settings:
    """Check a config table key by key and build :class:`Settings` from it."""
    base = path.parent
    prefix = f"{path}: {where + ' ' if where else ''}"
    fields = _fields()
    hints = _hints()
    values: dict[str, Any] = {}

    def fail(key: str, msg: str) -> ConfigError:
        return ConfigError(f"{prefix}{key}: {msg}")

    # ``fail_on`` and ``fail-on`` are one setting: TOML sees two keys, and the last would win
    spelled: dict[str, str] = {}
    for key in table:
        first = spelled.setdefault(key.replace("-", "_"), key)
        if first != key:
            raise fail(key, f"set twice, as {first!r} and as {key!r}; keep one")

    for key, value in table.items():
        name = key.replace("-", "_")
        if name == "allowlist_files":
            values["allowlist"] = values.get("allowlist", []) + _allowlist_words(value, base, lambda msg: fail(key, msg))
            continue
        if name in _ALIASES:
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise fail(key, "must be a list of rule directories or TOML files")
            for v in value:
                target = (base / v).resolve()
                if not target.exists():
                    raise fail(key, f"{v!r} not found (relative to {base})")
                values.setdefault("rule_dirs" if target.is_dir() else "rule_files", []).append(str(target))
            continue
        if name not in fields:
            known = sorted({k.replace("_", "-") for k in fields | _ALIASES})
            close = difflib.get_close_matches(key.replace("_", "-"), known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; known keys: {', '.join(known)}"
            raise fail(key, f"unknown key{hint}")
        tp = hints[name]
        convert = _converters().get(name)
        if convert is not None and isinstance(value, str):
            try:
                value = convert(value)
            except ValueError as exc:
                raise fail(key, str(exc)) from None
        if not _type_ok(value, tp):
            raise fail(key, f"must be {_type_name(tp)}, not {type(value).__name__} {value!r}")
        if name == "allowlist":
            # words, as in Settings; «words.txt» here is a file meant for allowlist-files
            for word in value:
                problem = allow_entry_problem(word, files="allowlist-files")
                if problem:
                    raise fail(key, problem)
        if _is_path_field(name):
            if isinstance(value, str):
                value = str((base / value).resolve())
            elif isinstance(value, list):
                value = [str((base / v).resolve()) for v in value]
        if name in values and isinstance(values[name], list):
            values[name] = values[name] + list(value)
        else:
            values[name] = value
    settings = Settings(**values, config_file=str(path), root=str(base))
    try:
        settings.validate()
    except ValueError as exc:
        key = _guess_key(str(exc), table)
        msg = _plain(str(exc))
        name = key.replace("_", "-") if key else ""
        if key and msg.startswith((name + " ", name + ": ")):
            # "fail-on: must be …", not "fail-on: fail-on must be …"
            msg = msg[len(name) + 1 :].removeprefix(" ")
        raise ConfigError(f"{prefix}{key + ': ' if key else ''}{msg}") from None
    _check_codes(settings, table, fail)
    if settings.appeal:
        _check_appeal(settings, table, fail)
    return settings


def _check_appeal(settings: Settings, table: dict[str, Any], fail) -> None:
    """The appeal must be readable: found now, it is the config file's error, not an
    internal error of every reply the file applies to."""
    from anyq.readers import ReadError, read_path

    try:
        read_path(settings.appeal, limits=settings.limits())
    except ReadError as exc:
        original = next((k for k in table if k.replace("-", "_") == "appeal"), "appeal")
        raise fail(original, f"{exc.path}: {exc.reason}") from None


def _allowlist_words(value: Any, base: Path, fail) -> list[str]:
    """The words of ``allowlist-files``: files read as --allowlist reads them, relative to the
    config file's folder."""
    from anyq.spell.dictionary import read_allowlist

    if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        raise fail(f"must be a list of files of words (one per line), not {type(value).__name__} {value!r}")
    words: list[str] = []
    for v in value:
        target = base / v
        try:
            words += read_allowlist(str(target))
        except (OSError, UnicodeDecodeError) as exc:
            raise fail(f"{target}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
        except ValueError as exc:  # an entry that can never match, with its line
            raise fail(f"{target}: {exc}") from None
    return words


def _plain(msg: str) -> str:
    # Settings.validate words its messages for the command line (--lang …); a file has keys
    return msg.replace("--", "")


def _guess_key(msg: str, table: dict[str, Any]) -> str | None:
    for key in table:
        name = key.replace("_", "-")
        if msg.startswith((f"--{name} ", f"{name} ", f"--{name}: ")) or (name == "severity" and msg.startswith("severity of")):
            return key
    for key, value in table.items():
        flat = value if isinstance(value, list) else list(value) if isinstance(value, dict) else [value]
        if isinstance(value, dict):
            flat += [x for v in value.values() for x in (v if isinstance(v, list) else [v])]
        if any(isinstance(v, str) and repr(v) in msg for v in flat):
            return key
    return None


def _check_codes(settings: Settings, table: dict[str, Any], fail) -> None:
    """Rule codes and selectors in a config file must name rules (a typo would silently do
    nothing, or select nothing and pass every letter)."""
    from anyq.engine.runner import check_selection
    from anyq.engine.loader import RuleError

    try:
        rules = _rules(tuple(settings.rule_dirs), tuple(settings.rule_files))
    except RuleError as exc:
        raise fail("rules", str(exc)) from None
    known = {r.code: r.params for r in rules}
    keyed = {
        "select": settings.select or [],
        "ignore": settings.ignore,
        "extend-select": settings.extend_select,
        "severity": list(settings.severity),
        "params": list(settings.params),
        "per-file-ignores": [c for codes in settings.per_file_ignores.values() for c in codes],
    }
    for key, codes in keyed.items():
        for code in codes:
            if FULL_CODE.match(code.upper()) and code.upper() not in known:
                original = next((k for k in table if k.replace("_", "-") == key), key)
                raise fail(original, f"no rule {code!r}; `anyq rules` lists them")
        if key not in ("severity", "params"):  # those take full codes only
            original = next((k for k in table if k.replace("_", "-") == key), key)
            try:
                check_selection(rules, {original: codes})  # a prefix or category: «Q1», «jargn»
            except RuleError as exc:
                raise fail(original, str(exc).removeprefix(f"{original}: ")) from None
    for code, given in settings.params.items():
        rule_params = known[code.upper()]
        original = next((k for k in table if k.replace("_", "-") == "params"), "params")
        for name, value in given.items():
            if name not in rule_params:
                have = ", ".join(sorted(rule_params)) or "none"
                raise fail(f"{original}.{code}", f"rule {code} has no parameter {name!r} (its parameters: {have})")
            # the checks trust their parameters (int(…), comparisons): a wrong type would make
            # every file an internal error, a negative count flag every sentence
            problem = _param_problem(name, value, rule_params[name])
            if problem:
                raise fail(f"{original}.{code}", problem)


# Keys of a parameter set per audience profile and/or per language (anyq.profiles.resolve):
# either level may be left out, so a single value stands for every profile and language.
_LANG_KEYS = frozenset({"ru", "kk"})
_LEVEL_KEYS = frozenset(PROFILES) | _LANG_KEYS
_LEVEL_ORDER = [*PROFILES, "ru", "kk"]


def _param_problem(name: str, value: Any, default: Any) -> str | None:
    """Why a ``[params]`` value does not fit the rule's own default (None: it fits).

    Same type as the default (an integer where a number is expected is fine; true/false is
    not a number), nothing negative where the default is not, and tables key by key.
    """
    if isinstance(default, dict):
        if default and set(default) <= _LEVEL_KEYS:
            leaf = default
            while isinstance(leaf, dict) and leaf:
                leaf = next(iter(leaf.values()))
            return _leveled_problem(name, value, leaf, _LEVEL_KEYS)
        if isinstance(value, dict):
            for k, v in value.items():
                if k in default:
                    sub = default[k]
                elif default:
                    return f"{name} has no key {k!r} (its keys: {', '.join(default)})"
                else:
                    continue
                problem = _param_problem(f"{name}.{k}", v, sub)
                if problem:
                    return problem
            return None
        return f"{name} must be a table, not {type(value).__name__} {value!r}"
    if isinstance(default, bool):
        ok, want = isinstance(value, bool), "true or false"
    elif isinstance(default, int):
        ok, want = isinstance(value, int) and not isinstance(value, bool), "an integer"
    elif isinstance(default, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
        want = "a finite number" if isinstance(value, float) else "a number"
    elif isinstance(default, str):
        ok, want = isinstance(value, str), "a string"
    elif isinstance(default, list):
        kinds = {type(v) for v in default}
        ok = isinstance(value, list) and (len(kinds) != 1 or all(type(v) in kinds for v in value))
        want = f"a list of {_plural(next(iter(kinds)))}" if len(kinds) == 1 else "a list"
    else:
        return None
    if not ok:
        return f"{name} must be {want}, not {type(value).__name__} {value!r}"
    if isinstance(default, (int, float)) and not isinstance(default, bool) and default >= 0 > value:
        return f"{name} must be 0 or more, not {value!r}"
    if isinstance(default, str):
        return _template_problem(name, value, default)
    return None


def _leveled_problem(name: str, value: Any, leaf: Any, keys: frozenset[str]) -> str | None:
    """A parameter set per profile and/or language: profile keys, then language keys (either
    level may be left out), then a value of the type of the rule's own (``leaf``)."""
    if not isinstance(value, dict) or not keys:
        return _param_problem(name, value, leaf)
    if not value:
        # an empty table sets nothing: a key was forgotten
        return f"{name} is an empty table; give a value or leave it out"
    if not set(value).isdisjoint(PROFILES) and not set(value) <= set(PROFILES):
        return f"{name} mixes profiles and languages; key it by profile, then by language"
    for k, v in value.items():
        if k not in keys:
            return f"{name} has no key {k!r} (its keys: {', '.join(sorted(keys, key=_LEVEL_ORDER.index))})"
        problem = _leveled_problem(f"{name}.{k}", v, leaf, _LANG_KEYS if k in PROFILES else frozenset())
        if problem:
            return problem
    return None


def _template_problem(name: str, value: str, default: str) -> str | None:
    """A message template (``split_hint``) may use the placeholders of the rule's own only:
    the check fills in those, and any other would fail on every file."""
    fields = [f for _, f, _, _ in string.Formatter().parse(default) if f]
    if not fields:
        return None
    try:
        value.format(**dict.fromkeys(fields, ""))
    except KeyError as exc:
        allowed = ", ".join("{" + f + "}" for f in dict.fromkeys(fields))
        return f"{name} has an unknown placeholder {{{exc.args[0]}}} (it may use {allowed})"
    except (IndexError, ValueError, AttributeError) as exc:
        return f"{name} is not a valid template: {exc}"
    return None


@lru_cache(maxsize=16)
def _rules(rule_dirs: tuple[str, ...], rule_files: tuple[str, ...]) -> tuple:
    """Every rule that would be loaded (to check codes, selectors and parameters against)."""
    from anyq.engine.loader import load_rules

    return tuple(load_rules(extra_dirs=rule_dirs, extra_files=rule_files))


def merge(config: Settings, overrides: dict[str, Any]) -> Settings:
    """Command-line options over a config file's settings."""
    s = dataclasses.replace(config)
    for name, value in overrides.items():
        if value is None:
            continue
        current = getattr(s, name)
        if name in _CLI_EXTENDS and isinstance(current, list):
            setattr(s, name, current + [v for v in value if v not in current])
        elif name in _CLI_MERGES and isinstance(current, dict):
            setattr(s, name, {**current, **value})
        else:
            setattr(s, name, list(value) if isinstance(value, (list, tuple)) else value)
    return s


class Resolver:
    """Effective settings per checked file: its closest config file, then the command line.

    ``config`` forces one config file for every file (``--config``); ``isolated`` ignores
    config files altogether.
    """

    def __init__(self, overrides: dict[str, Any] | None = None, config: str | None = None, isolated: bool = False) -> None:
        self.overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
        self.forced = load_config(config) if config else None
        self.isolated = isolated
        self._by_config: dict[Path | None, Settings] = {}
        self._by_folder: dict[str, Settings] = {}

    def config_path(self, path: str | Path) -> Path | None:
        if self.forced is not None:
            return Path(self.forced.config_file) if self.forced.config_file else None
        if self.isolated:
            return None
        return find_config(path)

    def settings_for_file(self, path: str) -> Settings:
        """Settings for a file (or a path that does not exist): cached by its folder, no stat."""
        folder = os.path.dirname(os.path.abspath(path)) if path != "-" else os.getcwd()
        s = self._by_folder.get(folder)
        if s is None:
            s = self._by_folder[folder] = self.settings_for(folder)
        return s

    def settings_for(self, path: str | Path) -> Settings:
        """Settings for a file or folder (``-`` means the working directory)."""
        cfg = self.config_path("." if str(path) == "-" else path)
        s = self._by_config.get(cfg)
        if s is None:
            base = self.forced if self.forced is not None else (load_config(cfg) if cfg else Settings())
            s = merge(base, self.overrides)
            s.validate()
            self._check_selectors(s)
            self._by_config[cfg] = s
        return s

    def _check_selectors(self, s: Settings) -> None:
        """Selectors given on the command line must name a rule (of those ``s`` loads): the
        error names the option. A config file's own are checked when it loads."""
        from anyq.engine.runner import check_selection
        from anyq.engine.loader import RuleError

        given = {f"--{k.replace('_', '-')}": self.overrides.get(k) for k in ("select", "extend_select", "ignore")}
        if not any(given.values()):
            return
        try:
            check_selection(_rules(tuple(s.rule_dirs), tuple(s.rule_files)), given)
        except RuleError as exc:
            raise ConfigError(str(exc)) from None

    def all_settings(self) -> list[Settings]:
        return list(self._by_config.values())


def file_ignores(settings: Settings, path: str) -> tuple[str, ...]:
    """Rule selectors that ``per-file-ignores`` drops for ``path``."""
    if not settings.per_file_ignores or path == "-":
        return ()
    root = settings.root or os.getcwd()
    rel = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
    if rel.startswith(".."):
        return ()
    out: list[str] = []
    for pattern, codes in settings.per_file_ignores.items():
        if _pattern(pattern).match_file(rel):
            out += [c for c in codes if c not in out]
    return tuple(out)


@lru_cache(maxsize=256)
def _pattern(pattern: str):
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines([pattern])
