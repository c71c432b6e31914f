"""Settings of a run: which rules, which language, when to fail.

Every field can also be set in a config file (``[tool.anyq]`` in ``pyproject.toml``,
``anyq.toml`` or ``.anyq.toml``: see :mod:`anyq.configfile`), under the same name with
``-`` or ``_``. The loader maps keys to fields by introspection, so a field added here is
configurable at once; its type annotation is what the loader checks a value against.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from anyq.engine.model import CATEGORY_PREFIX, SEVERITIES
from anyq.profiles import DEFAULT_PROFILE, PROFILES
from anyq.readers import DEFAULT_LIMITS, Limits

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$", re.I)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(text: str | int) -> int:
    """«20M», «500k», «1.5GB», «1048576» → bytes (K, M, G are powers of 1024)."""
    if isinstance(text, int):
        return text
    m = _SIZE.match(text)
    if not m:
        raise ValueError(f"not a size: {text!r} (write e.g. 20M, 500K, 1G or a number of bytes)")
    return int(float(m.group(1)) * _UNITS[m.group(2).lower()])

DOCUMENT_KINDS = ("auto", "reply", "letter", "other")

# A rule selector: ALL, a code or code prefix (J, J1, J101), or a category name.
_SELECTOR = re.compile(r"^(ALL|[A-Z]\d{0,4})$")
FULL_CODE = re.compile(r"^[A-Z]\d{3,4}$")


@dataclass(slots=True)
class Settings:
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    lang: str = "auto"  # "auto" | "kk" | "ru"
    fail_on: str = "warning"
    # exit code 1 when a file scores below this (None: scores never fail a run)
    fail_under: float | None = None
    rule_dirs: list[str] = field(default_factory=list)
    rule_files: list[str] = field(default_factory=list)
    # audience: sets sentence-length and readability thresholds (anyq.profiles)
    profile: str = DEFAULT_PROFILE
    # reading untrusted files (see anyq.readers.Limits)
    max_file_size: int = DEFAULT_LIMITS.max_file_size
    max_unzipped_size: int = DEFAULT_LIMITS.max_unzipped_size
    timeout: float = DEFAULT_LIMITS.timeout
    kind: str = "auto"  # "auto" | "reply" | "letter" | "other": what the documents are
    appeal: str | None = None  # the appeal file the checked replies answer

    # words the speller accepts (any case; Kazakh ones also with any suffixes, Russian ones in
    # any form pymorphy3 parses to them)
    allowlist: list[str] = field(default_factory=list)
    # rule parameters (thresholds, options) by rule code: {"C101": {"max_words": 30}},
    # {"S101": {"skip_quoted": False}}; they update the rule's TOML ``params``
    params: dict[str, dict[str, Any]] = field(default_factory=dict)
    # glob (relative to ``root``) → rule selectors ignored in matching files
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    # batch discovery: globs of files to check (empty: every format anyq reads) and to skip
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    respect_gitignore: bool = True
    cache_dir: str | None = None
    # where the settings came from: the config file and its folder (relative globs start there)
    config_file: str | None = None
    root: str | None = None

    def _normalise(self) -> None:
        """What an embedder writes as on the command line or in a config file — one
        comma-separated string of selectors, a size such as «20M» — becomes the field's type;
        any other wrong type is a ValueError naming the field (not a bare comparison error)."""
        for name in ("select", "ignore", "extend_select"):
            v = getattr(self, name)
            if isinstance(v, str):
                setattr(self, name, [c.strip() for c in v.split(",") if c.strip()])
            elif v is not None and not (isinstance(v, (list, tuple, set, frozenset)) and all(isinstance(c, str) for c in v)):
                raise ValueError(f"{name} must be a list of rule selectors or one comma-separated string, not {v!r}")
        for name in ("max_file_size", "max_unzipped_size"):
            v = getattr(self, name)
            if isinstance(v, str):
                try:
                    setattr(self, name, parse_size(v))
                except ValueError as exc:
                    raise ValueError(f"{name}: {exc}") from None
            elif isinstance(v, bool) or not isinstance(v, int):
                raise ValueError(f"{name} must be a number of bytes or a size such as 20M, not {v!r}")
        for name, optional in (("timeout", False), ("fail_under", True)):
            v = getattr(self, name)
            if (v is None and not optional) or (v is not None and (isinstance(v, bool) or not isinstance(v, (int, float)))):
                raise ValueError(f"{name} must be a number, not {v!r}")
        for name in ("rule_dirs", "rule_files", "allowlist", "include", "exclude"):
            v = getattr(self, name)
            if isinstance(v, str) or not isinstance(v, (list, tuple)) or not all(isinstance(x, str) for x in v):
                raise ValueError(f"{name} must be a list of strings, not {v!r}")
        for name in ("severity", "params", "per_file_ignores"):
            if not isinstance(getattr(self, name), dict):
                raise ValueError(f"{name} must be a dict, not {getattr(self, name)!r}")

    def limits(self) -> Limits:
        return Limits(self.max_file_size, self.max_unzipped_size, self.timeout)

    def validate(self) -> None:
        self._normalise()
        if self.kind not in DOCUMENT_KINDS:
            raise ValueError(f"--kind must be one of {', '.join(DOCUMENT_KINDS)}, not {self.kind!r}")
        if self.lang not in ("auto", "kk", "ru"):
            raise ValueError(f"--lang must be kk, ru or auto, not {self.lang!r}")
        if self.fail_on not in SEVERITIES + ("never",):
            raise ValueError(f"--fail-on must be one of error, warning, info, never, not {self.fail_on!r}")
        if self.profile not in PROFILES:
            raise ValueError(f"--profile must be one of {', '.join(PROFILES)}, not {self.profile!r}")
        if self.max_file_size <= 0:
            raise ValueError("--max-file-size must be positive")
        if self.max_unzipped_size <= 0:
            raise ValueError("--max-unzipped-size must be positive")
        # not «not < 0»: TOML and the command line both take nan and inf, and an infinite
        # deadline overflows the reader's clock (every document an internal error)
        if not (math.isfinite(self.timeout) and self.timeout >= 0):
            raise ValueError(f"--timeout must be 0 (no limit) or a finite number of seconds, not {self.timeout!r}")
        for code, params in self.params.items():
            if not isinstance(params, dict):
                raise ValueError(f"params of {code} must be a table of parameters, not {params!r}")
        if self.fail_under is not None and not 0 <= self.fail_under <= 100:
            raise ValueError(f"fail-under must be a score from 0 to 100, not {self.fail_under!r}")
        for code, sev in self.severity.items():
            if sev not in SEVERITIES:
                raise ValueError(f"severity of {code} must be one of {', '.join(SEVERITIES)}, not {sev!r}")
        for name in ("select", "ignore", "extend_select"):
            for s in getattr(self, name) or []:
                try:
                    check_selector(s)
                except ValueError as exc:  # say which option: --ignore J1 --select jargn
                    raise ValueError(f"--{name.replace('_', '-')}: {exc}") from None
        for pattern, codes in self.per_file_ignores.items():
            for s in codes:
                check_selector(s)
        for code in list(self.severity) + list(self.params):
            if not FULL_CODE.match(code):
                raise ValueError(f"{code!r} is not a rule code (a capital letter and 3-4 digits, e.g. J101)")
        for word in self.allowlist:
            problem = allow_entry_problem(word)
            if problem:
                raise ValueError(f"allowlist: {problem}")


# No word the speller checks holds these: an entry with one is a file name («words.txt»).
_NOT_IN_WORDS = re.compile(r"[./\\]")


def allow_entry_problem(word: str, files: str | None = None) -> str | None:
    """Why an allowlist entry can never match, or None: the speller looks words up one at a
    time, so «жылжымайтын мүлік» would silently allow nothing. ``files`` names where a file of
    words goes instead (an option or a key), for an entry that looks like one."""
    if len(word.split()) > 1:
        return f"{word.strip()!r} is several words; the speller checks single words, so allow each word"
    if _NOT_IN_WORDS.search(word):
        hint = f"; a file of words goes in {files}" if files else ""
        return f"{word.strip()!r} is not a word (a file name?): the speller checks words of letters{hint}"
    return None


# Fields that say where settings came from, never set by a user.
PROVENANCE_FIELDS = ("config_file", "root")
# Fields that steer a run but do not change any file's findings (left out of cache keys).
RUN_FIELDS = ("fail_on", "fail_under", "include", "exclude", "respect_gitignore", "cache_dir", "per_file_ignores") + PROVENANCE_FIELDS
# Config-file values converted before their type is checked («20M» → bytes).
CONVERTERS = {"max_file_size": parse_size, "max_unzipped_size": parse_size}


def check_selector(s: str) -> None:
    if s.lower() in CATEGORY_PREFIX or _SELECTOR.match(s.upper()):
        return
    raise ValueError(f"{s!r} is not a rule selector (a code such as J101, a prefix such as J or C1, a category such as jargon, or ALL)")


@dataclass(frozen=True, slots=True)
class LintOptions:
    """What Python rules may read of a run's settings (``ctx.options``)."""

    profile: str = DEFAULT_PROFILE
    # per document: the kind set with --kind (None: detect) and the appeal a reply answers
    # (an ``anyq.legal.appeal.Appeal``, from --appeal)
    kind: str | None = None
    appeal: Any = None
    # the user's words the speller accepts (lower case)
    allowlist: frozenset[str] = frozenset()
