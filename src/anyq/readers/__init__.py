"""Document readers: a file (or standard input) in, a :class:`SourceDocument` out.

Each format registers a reader for its suffixes; everything after this stage works
on extracted text with positions and never touches the file again.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from anyq.readers.encoding import DecodeError, decode
from anyq.text import SourceDocument


class ReadError(Exception):
    """A file that cannot be linted; ``reason`` is one line for the user."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


Reader = Callable[[str, bytes], SourceDocument]
_READERS: dict[str, Reader] = {}

# Files bigger than this are refused before reading (a letter is a few kB).
MAX_BYTES = 20 * 1024 * 1024


def register(*suffixes: str) -> Callable[[Reader], Reader]:
    def deco(fn: Reader) -> Reader:
        for s in suffixes:
            _READERS[s.lower()] = fn
        return fn

    return deco


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(_READERS))


def reader_for(path: str | Path) -> Reader | None:
    return _READERS.get(Path(path).suffix.lower())


def read_bytes(path: str, data: bytes, fmt: str | None = None) -> SourceDocument:
    """Decode ``data`` read from ``path`` with the reader for its format."""
    reader = _READERS.get(f".{fmt}") if fmt else reader_for(path)
    if reader is None:
        reader = _READERS[".txt"]
    return reader(path, data)


def read_path(path: str | Path, max_bytes: int = MAX_BYTES) -> SourceDocument:
    """Read one file; raise :class:`ReadError` with a one-line reason on failure."""
    p = Path(path)
    name = str(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise ReadError(name, "is a directory")
        if size > max_bytes:
            raise ReadError(name, f"is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit per file")
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReadError(name, "no such file") from None
    except PermissionError:
        raise ReadError(name, "permission denied") from None
    except IsADirectoryError:
        raise ReadError(name, "is a directory") from None
    except OSError as exc:
        raise ReadError(name, f"cannot be read ({exc.strerror or exc})") from None
    return read_bytes(name, data)


def read_stdin(name: str = "-") -> SourceDocument:
    """Standard input; ``name`` (``--stdin-filename``) picks the format by its suffix."""
    return read_bytes(name, sys.stdin.buffer.read())


def decode_or_fail(path: str, data: bytes) -> tuple[str, str]:
    try:
        text, encoding = decode(data)
    except DecodeError as exc:
        raise ReadError(path, str(exc)) from None
    if not text.strip():
        raise ReadError(path, "is empty")
    return text, encoding


# Register the built-in readers.
from anyq.readers import plaintext as _plaintext  # noqa: E402,F401
