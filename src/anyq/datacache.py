"""A cache of data anyq derives from its own files (lexicons), to keep start-up fast.

Parsing hunspell-kk's 54,000 entries takes a quarter of a second; reading the same sets back
with ``marshal`` takes a few milliseconds. Entries are keyed by anyq's version and the path,
size and modification time of every source file, so a changed lexicon is never read stale.
The cache holds dictionary words only — never text from a checked letter. It lives in
``$ANYQ_CACHE_DIR``, else ``$XDG_CACHE_HOME/anyq``, else ``~/.cache/anyq``; when it cannot be
written (read-only home), anyq simply rebuilds the data each run.
"""

from __future__ import annotations

import hashlib
import io
import marshal
import os
import pickle
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from anyq import __version__

T = TypeVar("T")


def cache_dir() -> Path:
    env = os.environ.get("ANYQ_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "anyq"


def _key(name: str, sources: Iterable[Path]) -> str:
    h = hashlib.sha256(f"{__version__}\0{name}".encode())
    for p in sources:
        st = p.stat()
        h.update(f"\0{p.resolve()}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return h.hexdigest()[:20]


class _ClassesOf(pickle.Unpickler):
    """Unpickles instances of the classes of the given modules, and nothing else: a pickle
    can name any callable for the loader to call (``os.system`` …), and the cache folder
    may be one that others can write (``ANYQ_CACHE_DIR`` on a shared CI cache). A class of
    anyq's rule model, called with whatever arguments, only makes an object."""

    def __init__(self, data: bytes, modules: tuple[str, ...]) -> None:
        super().__init__(io.BytesIO(data))
        self.modules = modules

    def find_class(self, module: str, name: str) -> type:
        obj = getattr(sys.modules.get(module), name, None) if module in self.modules else None
        if not isinstance(obj, type):
            raise pickle.UnpicklingError(f"{module}.{name} is not a class of {', '.join(self.modules)}")
        return obj


def cached(name: str, sources: list[Path], build: Callable[[], T], objects: tuple[str, ...] = ()) -> T:
    """``build()``'s value (anything ``marshal`` can store), from the cache when it is fresh.

    ``objects`` names the modules whose classes the value holds instances of (the parsed
    rules): it is then stored with pickle instead, and read back allowing those classes
    only; list the modules' files in ``sources``, so that a changed class is never read from
    an old pickle."""
    try:
        path = cache_dir() / f"{name}-{_key(name, sources)}.{'pickle' if objects else 'marshal'}"
        data = path.read_bytes()
        return _ClassesOf(data, objects).load() if objects else marshal.loads(data)
    except Exception:  # noqa: BLE001 - a missing, truncated or foreign entry is rebuilt, never trusted
        pass
    codec = pickle if objects else marshal
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(codec.dumps(value))
        os.replace(tmp, path)
    except (OSError, ValueError, NameError, TypeError, pickle.PicklingError):
        pass
    return value


def hunspell_dir(name: str, source: Path) -> Path:
    """A folder holding hunspell's ``name.aff``/``name.dic`` with every word's flags written
    as an alias (hunspell's ``AF`` table), made once from the vendored pair in ``source``.

    Loading a dictionary, hunspell decodes and sorts each word's flags: hunspell-kk gives
    its 54,000 words 22 flags each, so that was two thirds of its load (0.1-0.3 s of a
    Kazakh letter's cold start). kk_KZ has 4 distinct flag sets and ru_RU 159: with ``AF``
    they are decoded once. The words, affixes and flags are unchanged, and so is every
    answer (spell, stem, analyze, suggest). ``source`` itself when the cache is not
    writable, or the files are not the simple kind this rewrites."""
    aff, dic = source / f"{name}.aff", source / f"{name}.dic"
    try:
        folder = cache_dir() / f"hunspell-{name}-{_key('hunspell-af-v1', [aff, dic])}"
        if (folder / f"{name}.dic").is_file():
            return folder
        aliased = _aliased(aff.read_bytes().decode("utf-8"), dic.read_bytes().decode("utf-8"))
        if aliased is None:
            return source
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".tmp-"))
        try:
            for text, suffix in zip(aliased, (".aff", ".dic")):
                (tmp / f"{name}{suffix}").write_bytes(text.encode("utf-8"))
            os.replace(tmp, folder)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
            if not (folder / f"{name}.dic").is_file():  # not another process's finished copy
                return source
        return folder
    except (OSError, UnicodeDecodeError):
        return source


def _aliased(aff: str, dic: str) -> tuple[str, str] | None:
    """The .aff with an ``AF`` table before its first affix, and the .dic with alias numbers;
    None for files that already use aliases, set a FLAG type, escape slashes or give affix
    continuation classes (all would need more than this rewrite)."""
    aff_lines = aff.split("\n")
    config = [l.lstrip("\ufeff") for l in aff_lines]
    if any(l.startswith(("AF ", "AM ", "FLAG ")) for l in config) or "\\/" in dic:
        return None
    affixes = [l.split() for l in config if l.startswith(("PFX ", "SFX "))]
    if not affixes or any(len(f) > 3 and "/" in f[3] for f in affixes):
        return None
    lines = dic.split("\n")
    eol = "\r" if lines[0].endswith("\r") else ""  # kk_KZ's files end their lines with CR LF
    sets: dict[str, int] = {}
    out = [lines[0]]
    for line in lines[1:]:
        word, slash, flags = line.removesuffix("\r").partition("/")
        if not slash or not flags:
            out.append(line)
            continue
        if any(c.isspace() for c in flags):  # morphological fields: left to hunspell as written
            return None
        out.append(f"{word}/{sets.setdefault(flags, len(sets) + 1)}{eol}")
    first = next(i for i, l in enumerate(config) if l.startswith(("PFX ", "SFX ")))
    table = [f"AF {len(sets)}{eol}"] + [f"AF {flags}{eol}" for flags in sets]
    return "\n".join(aff_lines[:first] + table + aff_lines[first:]), "\n".join(out)


def compiled_patterns(name: str, patterns: Sequence[tuple[str, int]]) -> list[re.Pattern[str]]:
    """``re.compile(pattern, flags)`` of each, with what the regex compiler made of them kept
    in the cache. The standard library parses and compiles a pattern in Python: the rules'
    long alternations took 0.05-0.1 s of every start. ``_sre.compile`` builds the very same
    pattern object (equal to ``re.compile``'s) from the stored code in microseconds. That
    code is the regex engine's own format, so the key holds the Python build; on any failure
    (a bad pattern, a damaged entry the engine refuses) it is ``re.compile`` as before."""
    import _sre

    items = [(p, int(f)) for p, f in patterns]
    digest = hashlib.sha256(repr((sys.version, _sre.MAGIC, items)).encode()).hexdigest()[:20]
    try:
        stored = cached(f"regex-{name}-{digest}", [], lambda: [_sre_arguments(p, f) for p, f in items])
        return [_sre.compile(p, *arguments) for (p, _), arguments in zip(items, stored, strict=True)]
    except Exception:  # noqa: BLE001 - the standard way raises what it raises
        return [re.compile(p, f) for p, f in items]


def _sre_arguments(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` after the pattern (3.11+)."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


# ---------------------------------------------------------------------------- start-up regexes

# The patterns a run compiled while starting (spaCy's and anyq's module regexes, the rules'),
# as ``(pattern, flags) → _sre.compile arguments``; None until ``preload_regexes`` ran.
_startup_regexes: dict | None = None
_STARTUP_LIMIT = 400  # ``re``'s own cache holds 512: the rest of a run must still fit in it


def _startup_store() -> Path:
    import _sre

    digest = hashlib.sha256(repr((sys.version, _sre.MAGIC)).encode()).hexdigest()[:20]
    return cache_dir() / f"regex-startup-{digest}.marshal"


def preload_regexes() -> None:
    """Put the regexes the last run compiled at start-up into ``re``'s own cache, built by
    ``_sre.compile`` from their stored code (see ``compiled_patterns``), so that the
    ``re.compile`` calls of spaCy's and anyq's modules find them there instead of parsing and
    compiling each pattern in Python (0.1 s of a cold start). A pattern is keyed by its full
    text and flags, so an entry can never be stale; the store holds patterns of anyq's code and
    of the libraries it imports, never text from a letter (``remember_regexes`` records them
    before the first letter is read)."""
    global _startup_regexes
    import _sre

    try:
        cache = re._cache  # type: ignore[attr-defined]
        stored = marshal.loads(_startup_store().read_bytes())
        if not isinstance(stored, dict) or not isinstance(cache, dict):
            raise ValueError("not a regex store")
    except Exception:  # noqa: BLE001 - no store yet, or not the re module this was made for
        _startup_regexes = {}
        return
    for (pattern, flags), arguments in stored.items():
        key = (type(pattern), pattern, flags)
        if key not in cache and len(cache) < _STARTUP_LIMIT:
            try:
                cache[key] = _sre.compile(pattern, *arguments)
            except Exception:  # noqa: BLE001 - a damaged entry: re.compile will make it
                continue
    _startup_regexes = stored


def remember_regexes() -> None:
    """After start-up (the rules are compiled, no letter read yet): store what ``re``'s cache
    holds for the next run's ``preload_regexes``, when it holds patterns the store lacks. Only
    in a process that preloaded (the command line's check)."""
    global _startup_regexes
    stored = _startup_regexes
    if stored is None:
        return
    try:
        now = {(k[1], k[2]) for k, v in list(re._cache.items()) if isinstance(v, re.Pattern)}  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - another re module: nothing to remember
        return
    new = now - stored.keys()
    _startup_regexes = None  # once per process
    if not new:
        return
    keep = stored if len(stored) + len(new) <= _STARTUP_LIMIT else {k: v for k, v in stored.items() if k in now}
    try:
        for pattern, flags in new:
            if len(keep) >= _STARTUP_LIMIT:
                break  # a process with more patterns than re's cache holds: keep the first ones
            keep[pattern, flags] = _sre_arguments(pattern, flags)
        path = _startup_store()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(keep))
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - a read-only cache, an odd pattern: the next run compiles as before
        pass

