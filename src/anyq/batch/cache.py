"""Results of unchanged files, reused across runs (as ruff's cache, keyed by content).

An entry's key hashes everything a file's findings depend on:

- the file's bytes (not its mtime: a CI checkout gives every file a new mtime, and an
  edited file may keep its size and time) and its format (suffix);
- the anyq version and a fingerprint of the installed package (every module and data
  file by path, size and mtime), so a code change in a development checkout is seen;
- the versions of the libraries that decide findings (spaCy, pymorphy3 and its
  dictionary, chunspell);
- the rules: the content of every built-in rule and data file and of the organisation's
  rule directories and files;
- the effective settings of the file (what selects rules, sets severities, parameters,
  language, profile …), with its per-file ignores; settings that only steer the run
  (fail-on, include/exclude, cache-dir) are left out. Settings that name files
  (fields ending in ``_file(s)``/``_dir(s)``) contribute those files' content.

Entries are JSON (never pickle: a cache is not trusted code), one file per entry under
``<cache-dir>/<version>/``, written atomically: a header line with what a run needs
without the findings, then the file object's JSON as the JSON Lines report writes it, so
a warm run with ``--format jsonl`` or ``json`` copies it out without decoding and re-encoding every
finding (that was most of a warm run's time). An entry that cannot be read, does not
parse, whose body does not match its digest, has another version or key, or does not
have the shape of a report is ignored and rewritten — a corrupt cache costs time, never
a wrong result. Reports with read errors are not cached, so a file that failed is read
again next time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from anyq import __version__
from anyq.config import RUN_FIELDS, Settings
from anyq.findings import PATH_PLACEHOLDER, PATH_PLACEHOLDER_JSON, CachedReport, FileReport
from anyq.resources import rules_dir

CACHE_DIR_NAME = ".anyq_cache"
_LIBRARIES = ("spacy", "pymorphy3", "pymorphy3-dicts-ru", "chunspell")
_PACKAGE = Path(__file__).resolve().parent.parent


def _hash(*parts: bytes | str) -> str:
    h = hashlib.blake2b(digest_size=20)
    for p in parts:
        b = p.encode("utf-8") if isinstance(p, str) else p
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.hexdigest()


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _tree_content(root: Path) -> list[str]:
    out = []
    for p in sorted(root.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts:
            out.append(f"{p.relative_to(root).as_posix()}:{content_hash(p.read_bytes())}")
    return out


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The installed anyq (modules and data, by path, size, mtime) and library versions."""
    from importlib.metadata import PackageNotFoundError, version

    parts = [__version__]
    for p in sorted(_PACKAGE.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts:
            st = p.stat()
            parts.append(f"{p.relative_to(_PACKAGE).as_posix()}:{st.st_size}:{st.st_mtime_ns}")
    for lib in _LIBRARIES:
        try:
            parts.append(f"{lib}=={version(lib)}")
        except PackageNotFoundError:
            parts.append(f"{lib}: none")
    return _hash(*parts)


def rules_fingerprint(rule_dirs: tuple[str, ...], rule_files: tuple[str, ...]) -> str:
    parts = _tree_content(rules_dir())
    for d in rule_dirs:
        parts.append(f"dir {d}")
        parts += _tree_content(Path(d)) if Path(d).is_dir() else ["missing"]
    for f in rule_files:
        parts.append(f"file {f}:{_file_hash(f)}")
    return _hash(*parts)


def _file_hash(path: str) -> str:
    try:
        return content_hash(Path(path).read_bytes())
    except OSError:
        return "unreadable"


def _referenced_files(name: str, value: Any) -> list[str]:
    """Settings that name a file (``--appeal``, an allowlist file …) key on its content."""
    if name in ("rule_files", "rule_dirs", "config_file", "root", "cache_dir"):
        return []
    values = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    return [f"{v}:{_file_hash(v)}" for v in values if v and os.path.isfile(v)]


def settings_fingerprint(s: Settings, file_ignores: tuple[str, ...] = ()) -> str:
    """Everything in the settings that can change a file's findings."""
    data = {}
    extra = []
    for f in dataclasses.fields(s):
        if f.name in RUN_FIELDS:
            continue
        value = getattr(s, f.name)
        data[f.name] = value
        extra += _referenced_files(f.name, value)
    data["file_ignores"] = sorted(file_ignores)
    return _hash(
        json.dumps(data, sort_keys=True, ensure_ascii=False, default=repr),
        *extra,
        rules_fingerprint(tuple(s.rule_dirs), tuple(s.rule_files)),
        code_fingerprint(),
    )


ENTRY_FORMAT = 3  # 3: the head says whether the report is not scored (a letter of requisites alone)
_SEVERITIES = frozenset(("error", "warning", "info"))


def encode_entry(key: str, report: FileReport) -> bytes | None:
    """An entry: the digest of the rest, then a line of JSON with what a run needs without
    the findings (statistics, exit code; the source text for the HTML report), then the
    file object's JSON exactly as the JSON Lines reporter writes it, with the path replaced
    by a placeholder. The digest tells a damaged entry from a good one without decoding the
    body. None when the report cannot be stored (its text holds the placeholder)."""
    d = report.to_dict()
    d["path"] = PATH_PLACEHOLDER
    for f in d["findings"]:
        f["path"] = PATH_PLACEHOLDER
    body = json.dumps(d, ensure_ascii=False)
    if body.count(PATH_PLACEHOLDER_JSON) != 1 + len(d["findings"]):
        return None
    head = {
        "anyq": __version__,
        "entry": ENTRY_FORMAT,
        "key": key,
        "language": report.language,
        "score": report.score,
        "words": report.words,
        "not_checked": report.not_checked,
        "not_scored": report.not_scored,
        "counts": report.finding_counts(),
        "source_text": report.source_text,
    }
    rest = json.dumps(head, ensure_ascii=False).encode("utf-8") + b"\n" + body.encode("utf-8")
    return content_hash(rest).encode("ascii") + b"\n" + rest


def decode_entry(key: str, path: str, raw: bytes) -> CachedReport:
    """The report of an entry; raise ValueError (or TypeError, KeyError) when the entry is
    damaged, of another version or key, or not of a report's shape."""
    first = raw.find(b"\n")
    second = raw.find(b"\n", first + 1)
    if first < 0 or second < 0 or raw[:first] != content_hash(raw[first + 1 :]).encode("ascii"):
        raise ValueError("damaged entry")
    head = json.loads(raw[first + 1 : second])
    if head["anyq"] != __version__ or head["entry"] != ENTRY_FORMAT or head["key"] != key:
        raise ValueError("entry of another version or key")
    # the digest rules out damage; these checks keep an entry someone wrote by hand out
    score, words, counts, text = head["score"], head["words"], head["counts"], head["source_text"]
    if score is not None and type(score) not in (int, float) or type(words) is not int or type(head["language"]) is not str:
        raise ValueError("bad score, words or language")
    if text is not None and type(text) is not str:
        raise ValueError("bad text")
    for code, name, category, severity, n in counts:
        if type(code) is not str or type(name) is not str or type(category) is not str or severity not in _SEVERITIES or type(n) is not int:
            raise ValueError("bad counts")
    return CachedReport(path=path, language=head["language"], score=score, words=words, not_checked=bool(head["not_checked"]),
                        counts=[tuple(c) for c in counts], body=raw[second + 1 :], source_text=text, not_scored=bool(head["not_scored"]))


def read_file_bytes(path: str) -> bytes:
    """A whole file: the cheapest way Python has (a warm run reads every file and entry)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        chunks = [os.read(fd, os.fstat(fd).st_size + 1)]
        while chunks[-1]:  # a file that grew, or a short read
            chunks.append(os.read(fd, 1 << 20))
        return b"".join(chunks)
    finally:
        os.close(fd)


class Cache:
    """One folder of entries per anyq version; ``enabled=False`` reads and writes nothing."""

    def __init__(self, root: str | Path, enabled: bool = True) -> None:
        self.root = Path(root)
        self.dir = self.root / __version__
        self._dir = str(self.dir)  # string paths: pathlib costs more than the lookup itself
        self.enabled = enabled
        self.hits = self.misses = self.writes = self.rejected = 0
        self._ready = False

    @staticmethod
    def key(settings_key: str, data: bytes, suffix: str) -> str:
        return _hash(settings_key, suffix.lower(), content_hash(data))

    def _path(self, key: str) -> str:
        return f"{self._dir}{os.sep}{key[:2]}{os.sep}{key}.entry"

    def has(self, key: str) -> bool:
        return self.enabled and os.path.isfile(self._path(key))

    def get(self, key: str, path: str) -> CachedReport | None:
        if not self.enabled:
            return None
        try:
            raw = read_file_bytes(self._path(key))
        except OSError:
            self.misses += 1
            return None
        try:
            report = decode_entry(key, path, raw)
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
            self.rejected += 1
            self.misses += 1
            return None
        self.hits += 1
        return report

    def put(self, key: str, report: FileReport) -> None:
        if not self.enabled or report.errors:
            return
        try:
            data = encode_entry(key, report)
            if data is None:
                return
            self._prepare()
            target = Path(self._path(key))
            target.parent.mkdir(exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, target)
            except BaseException:
                os.unlink(tmp)
                raise
            self.writes += 1
        except OSError:
            # a read-only or full disk makes the cache useless, not the run wrong
            self.enabled = False

    def _prepare(self) -> None:
        if self._ready:
            return
        tag = self.root / "CACHEDIR.TAG"
        # The tag and a «*» .gitignore mark a folder as anyq's own: only one that anyq makes or
        # finds empty. Written into a folder of letters (--cache-dir pointing at it), the
        # .gitignore would hide every letter from the next run's walk.
        own = tag.exists() or not self.root.exists() or not any(self.root.iterdir())
        self.dir.mkdir(parents=True, exist_ok=True)
        if own and not tag.exists():
            tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# anyq's cache of results; safe to delete.\n")
        ignore = self.root / ".gitignore"
        if own and not ignore.exists():
            ignore.write_text("# created by anyq\n*\n")
        self._ready = True


def default_cache_dir(resolver_settings: Settings | None, cwd: str | None = None) -> Path:
    """``cache-dir`` of the working directory's config, else ``.anyq_cache`` beside that
    config file, else in the working directory."""
    if resolver_settings is not None and resolver_settings.cache_dir:
        return Path(resolver_settings.cache_dir)
    if resolver_settings is not None and resolver_settings.root:
        return Path(resolver_settings.root) / CACHE_DIR_NAME
    return Path(cwd or os.getcwd()) / CACHE_DIR_NAME
