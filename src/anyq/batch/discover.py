"""Which files a batch run checks: walk the folders, keep the formats anyq reads, drop
what ``exclude`` patterns and ``.gitignore`` files exclude.

Patterns are gitignore-style (pathspec's ``gitwildmatch``): ``*.md`` matches at any depth,
``drafts/`` a folder anywhere, ``/drafts`` only at the top; a config file's patterns are
relative to its folder, command-line patterns to the working directory (to the folder
named on the command line when that lies outside it). Files named on
the command line are checked even if excluded (as in ruff), unless ``force_exclude`` —
what the pre-commit hook sets, since pre-commit passes every staged file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from functools import lru_cache

import pathspec

from anyq.config import Settings
from anyq.configfile import Resolver
from anyq.readers import supported_suffixes

# Never worth walking into (as ruff's default excludes); hidden folders are skipped too.
SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".anyq_cache", ".tox", "site-packages"})


@lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]) -> pathspec.PathSpec:
    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _rel(path: str, root: str, is_dir: bool = False) -> str | None:
    rel = os.path.relpath(path, root)
    if rel.startswith(".."):
        return None
    rel = rel.replace(os.sep, "/")
    return rel + "/" if is_dir and rel != "." else rel


def _matches(patterns: Iterable[str], path: str, root: str, is_dir: bool = False) -> bool:
    patterns = tuple(patterns)
    if not patterns:
        return False
    rel = _rel(path, root, is_dir)
    return rel is not None and _spec(patterns).match_file(rel)


class GitIgnore:
    """``.gitignore`` files (and ``.git/info/exclude``), deeper files taking precedence."""

    def __init__(self) -> None:
        self._specs: dict[str, pathspec.PathSpec | None] = {}

    def _load(self, folder: str) -> pathspec.PathSpec | None:
        if folder in self._specs:
            return self._specs[folder]
        lines: list[str] = []
        for name in (os.path.join(".git", "info", "exclude"), ".gitignore"):
            try:
                with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as fh:
                    lines += fh.read().splitlines()
            except OSError:
                pass
        spec = pathspec.GitIgnoreSpec.from_lines(lines) if lines else None
        self._specs[folder] = spec
        return spec

    def chain(self, folder: str) -> list[tuple[str, pathspec.PathSpec]]:
        """Specs that apply inside ``folder``: from the repository root (or ``folder``) down."""
        folder = os.path.abspath(folder)
        top = folder
        p = folder
        while True:
            if os.path.exists(os.path.join(p, ".git")):
                top = p
                break
            parent = os.path.dirname(p)
            if parent == p:
                break
            p = parent
        dirs = []
        p = folder
        while True:
            dirs.append(p)
            if p == top:
                break
            p = os.path.dirname(p)
        return [(d, s) for d in reversed(dirs) if (s := self._load(d)) is not None]

    def extend(self, chain: list[tuple[str, pathspec.PathSpec]], folder: str) -> list[tuple[str, pathspec.PathSpec]]:
        spec = self._load(folder)
        return chain + [(folder, spec)] if spec is not None else chain

    @staticmethod
    def ignored(chain: list[tuple[str, pathspec.PathSpec]], path: str, is_dir: bool = False) -> bool:
        for root, spec in reversed(chain):
            rel = _rel(path, root, is_dir)
            if rel is None:
                continue
            result = spec.check_file(rel).include
            if result is not None:
                return result
        return False


class Discovery:
    """Expand command-line paths into files, in a stable order (folders walked sorted)."""

    def __init__(
        self,
        resolver: Resolver,
        include: list[str] | None = None,
        exclude: list[str] | None = None,
        respect_gitignore: bool | None = None,
        force_exclude: bool = False,
        cwd: str | None = None,
        skip: Iterable[str] = (),
    ) -> None:
        self.resolver = resolver
        self.cli_include = list(include) if include else None
        self.cli_exclude = list(exclude or [])
        self.cli_gitignore = respect_gitignore
        self.force_exclude = force_exclude
        self.cwd = os.path.abspath(cwd or os.getcwd())
        self.gitignore = GitIgnore()
        self.suffixes = frozenset(s for s in supported_suffixes() if s)
        # never yielded, by real path: the report file the run writes (--output)
        self.skip = frozenset(os.path.realpath(p) for p in skip)

    # -- per-settings decisions ------------------------------------------------------
    def _root(self, s: Settings) -> str:
        return s.root or self.cwd

    def _cli_root(self, path: str, top: str | None) -> str:
        """Command-line globs are relative to the working directory; a folder named outside
        it is their root instead (or «--exclude out» would never match under /archive)."""
        if top is None or _rel(path, self.cwd) is not None:
            return self.cwd
        return top

    def excluded(self, path: str, s: Settings, is_dir: bool = False, top: str | None = None) -> bool:
        return _matches(s.exclude, path, self._root(s), is_dir) or _matches(self.cli_exclude, path, self._cli_root(path, top), is_dir)

    def wanted(self, path: str, s: Settings, top: str | None = None) -> bool:
        if self.cli_include is not None:
            return _matches(self.cli_include, path, self._cli_root(path, top))
        if s.include:
            return _matches(s.include, path, self._root(s))
        return os.path.splitext(path)[1].lower() in self.suffixes

    def _gitignore_on(self, s: Settings) -> bool:
        return self.cli_gitignore if self.cli_gitignore is not None else s.respect_gitignore

    # -- walking ---------------------------------------------------------------------
    def files(self, paths: Iterable[str]) -> Iterator[str]:
        # A file is checked once however it is named (t/a.txt, ./t/a.txt, its absolute path,
        # a symlink to it, or found again in a folder): the first spelling is kept.
        seen: set[str] = set(self.skip)

        def first_time(path: str) -> bool:
            key = path if path == "-" else os.path.realpath(path)
            if key in seen:
                return False
            seen.add(key)
            return True

        for raw in paths:
            if raw == "-" or not os.path.isdir(raw):
                if raw != "-" and self.force_exclude and os.path.exists(raw):
                    s = self.resolver.settings_for(raw)
                    if self.excluded(os.path.abspath(raw), s) or (
                        self._gitignore_on(s) and GitIgnore.ignored(self.gitignore.chain(os.path.dirname(os.path.abspath(raw))), os.path.abspath(raw))
                    ):
                        continue
                if first_time(raw):
                    yield raw
                continue
            for f in self._walk(raw):
                if first_time(f):
                    yield f

    def _walk(self, top: str) -> Iterator[str]:
        abs_top = os.path.abspath(top)
        top_settings = self.resolver.settings_for(top)
        chains = {abs_top: self.gitignore.chain(abs_top) if self._gitignore_on(top_settings) else []}
        # A folder that cannot be listed is yielded as if it were a file: reading it then
        # makes it one input error (README: each named, the rest of the batch checked).
        unlisted: list[str] = []
        for root, dirs, files in os.walk(top, onerror=lambda exc: unlisted.append(os.path.normpath(exc.filename or top))):
            yield from unlisted
            unlisted.clear()
            abs_root = os.path.abspath(root)
            chain = chains.pop(abs_root, [])
            s = self.resolver.settings_for(root)
            use_git = self._gitignore_on(s)
            keep = []
            for d in sorted(dirs):
                if d in SKIP_DIRS or d.startswith("."):
                    continue
                full = os.path.join(abs_root, d)
                if self.excluded(full, s, is_dir=True, top=abs_top) or (use_git and GitIgnore.ignored(chain, full, is_dir=True)):
                    continue
                keep.append(d)
                chains[full] = self.gitignore.extend(chain, full) if use_git else chain
            dirs[:] = keep
            for name in sorted(files):
                if name.startswith("."):
                    continue
                full = os.path.join(abs_root, name)
                if not self.wanted(full, s, abs_top) or self.excluded(full, s, top=abs_top) or (use_git and GitIgnore.ignored(chain, full)):
                    continue
                if _special(full):
                    continue  # a named pipe or device inside a folder is not a letter (and could block)
                yield os.path.normpath(os.path.join(root, name))
        yield from unlisted


def _special(path: str) -> bool:
    """True for what exists but is not a regular file; a broken link is left to the reader,
    which names it."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False
