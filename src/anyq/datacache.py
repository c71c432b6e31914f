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
import marshal
import pickle
import os
import tempfile
from collections.abc import Callable, Iterable
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


def cached(name: str, sources: list[Path], build: Callable[[], T], objects: bool = False) -> T:
    """``build()``'s value (anything ``marshal`` can store), from the cache when it is fresh.

    ``objects=True`` stores it with pickle instead, for instances of anyq's own classes (the
    parsed rules); list the modules defining those classes in ``sources``, so that a changed
    class is never read from an old pickle."""
    codec = pickle if objects else marshal
    try:
        path = cache_dir() / f"{name}-{_key(name, sources)}.{'pickle' if objects else 'marshal'}"
        return codec.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - a missing, truncated or foreign entry is rebuilt, never trusted
        pass
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
