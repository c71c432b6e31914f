"""Document readers: a file (or standard input) in, a :class:`SourceDocument` out.

Each format registers a reader for its suffixes; everything after this stage works
on extracted text with positions and never touches the file again. Readers only read:
nothing is ever written into a document.

Untrusted files are read under :class:`Limits` — a size limit per file, a limit on what
a zip-based format may unpack to, and a time limit. Readers of binary formats are
registered ``isolated``: with a time limit they run in a worker process
(:mod:`anyq.readers.worker`) that is stopped when the time is up.
"""

from __future__ import annotations

import contextvars
import importlib
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from anyq.readers.encoding import DecodeError, decode
from anyq.text import SourceDocument


class ReadError(Exception):
    """A file that cannot be linted; ``reason`` is one line for the user."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


MB = 1024 * 1024

# A letter is a few kB; a long report with pictures a few MB.
MAX_BYTES = 20 * MB


@dataclass(frozen=True, slots=True)
class Limits:
    """What one file may cost to read.

    ``max_file_size`` bounds the file and the text extracted from it; ``max_unzipped_size``
    bounds what the parts of a .docx/.odt that are read may unpack to (pictures are never
    unpacked); ``timeout`` is seconds per file for extracting its text (0 = no limit, read
    in this process).
    """

    max_file_size: int = MAX_BYTES
    max_unzipped_size: int = 50 * MB
    timeout: float = 60.0


DEFAULT_LIMITS = Limits()
_limits: contextvars.ContextVar[Limits] = contextvars.ContextVar("anyq_read_limits", default=DEFAULT_LIMITS)


def current_limits() -> Limits:
    """The limits of the read in progress (readers keep the ``(path, data)`` signature)."""
    return _limits.get()


def mb(n: int) -> str:
    """A size for messages: «20 MB», «1.5 MB», «700 KB», «90 bytes»."""
    if n >= MB:
        return f"{n / MB:.1f}".removesuffix(".0") + " MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


Reader = Callable[[str, bytes], SourceDocument]


@dataclass(frozen=True, slots=True)
class _Entry:
    fn: Reader | None  # None until ``module`` is imported (it registers the function)
    format: str
    isolated: bool
    module: str | None = None

    def reader(self) -> Reader:
        if self.fn is not None:
            return self.fn
        importlib.import_module(self.module)
        fn = _READERS[f".{self.format}"].fn
        assert fn is not None, f"{self.module} did not register a reader for .{self.format}"
        return fn


_READERS: dict[str, _Entry] = {}


def register_lazy(module: str, *suffixes: str, isolated: bool = False) -> None:
    """Announce a reader without importing its module: a .txt check pays nothing for the
    document formats (the module registers the function itself when first needed)."""
    fmt = suffixes[0].lstrip(".")
    for s in suffixes:
        _READERS.setdefault(s.lower(), _Entry(None, fmt, isolated, module))


def register(*suffixes: str, isolated: bool = False) -> Callable[[Reader], Reader]:
    """Register a reader for file suffixes. ``isolated`` readers parse untrusted binary
    formats with third-party code: they run in the worker process under the time limit."""

    def deco(fn: Reader) -> Reader:
        fmt = (suffixes[0] if suffixes else "").lstrip(".") or "txt"
        for s in suffixes:
            _READERS[s.lower()] = _Entry(fn, fmt, isolated, fn.__module__)
        return fn

    return deco


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(_READERS))


def reader_for(path: str | Path) -> Reader | None:
    entry = _READERS.get(Path(path).suffix.lower())
    return entry.reader() if entry else None


def _choose(path: str, data: bytes, fmt: str | None) -> tuple[_Entry, str | None]:
    """The reader for ``data``: by content when its signature is unambiguous, else by name.

    Archives hold RTF saved as «.doc», PDFs named «.docx» and so on; reading by content
    helps, and the mismatch is noted in the report.
    """
    from anyq.readers.sniff import sniff

    named = _READERS.get(f".{fmt}") if fmt else _READERS.get(Path(path).suffix.lower())
    if named is None:
        named = _READERS[".txt"]
    kind = sniff(data)
    if kind is None or kind.format == named.format:
        return named, None
    if kind.format is None:
        raise ReadError(path, kind.reason)
    actual = _READERS[f".{kind.format}"]
    label = f"«{Path(path).suffix}»" if Path(path).suffix else "no suffix"
    return actual, f"the file is {kind.name} although its name has {label}; read as {kind.format}"


def read_bytes(path: str, data: bytes, fmt: str | None = None, limits: Limits | None = None) -> SourceDocument:
    """Decode ``data`` read from ``path`` with the reader for its format."""
    limits = limits or current_limits()
    if not data:
        raise ReadError(path, "is empty")
    entry, note = _choose(path, data, fmt)
    if entry.isolated and limits.timeout > 0:
        from anyq.readers.worker import read_in_worker

        return read_in_worker(path, data, entry.format, limits, note)
    return run_reader(path, data, entry.format, limits, note)


def run_reader(path: str, data: bytes, fmt: str, limits: Limits, note: str | None = None) -> SourceDocument:
    """Run the reader for ``fmt`` in this process; any failure becomes a :class:`ReadError`."""
    reader = _READERS[f".{fmt}"].reader()
    token = _limits.set(limits)
    try:
        doc = reader(path, data)
    except ReadError:
        raise
    except MemoryError:
        raise ReadError(path, f"needs too much memory to read; is it a valid {fmt} file?") from None
    except RecursionError:
        raise ReadError(path, f"is nested too deeply to read as {fmt}") from None
    except Exception as exc:  # a damaged file: third-party parsers raise anything
        detail = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else ""
        raise ReadError(
            path, f"is damaged or not a valid {fmt} file ({type(exc).__name__}{': ' + detail if detail else ''})"
        ) from None
    finally:
        _limits.reset(token)
    if len(doc.text) > limits.max_file_size:
        raise ReadError(path, f"holds {mb(len(doc.text))} of text, over the {mb(limits.max_file_size)} limit per file")
    if note:
        doc.notes.insert(0, note)
    return doc


def read_path(path: str | Path, max_bytes: int | None = None, limits: Limits | None = None) -> SourceDocument:
    """Read one file; raise :class:`ReadError` with a one-line reason on failure."""
    limits = limits or current_limits()
    if max_bytes is not None:
        limits = Limits(max_bytes, limits.max_unzipped_size, limits.timeout)
    name = str(path)
    try:
        # Non-blocking open: a named pipe nobody writes to opens at once (and then reads as
        # empty) instead of stalling the whole batch; reads below block as usual.
        fd = os.open(path, os.O_RDONLY | _NONBLOCK)
        try:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                raise ReadError(name, "is a directory")
            if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
                raise ReadError(name, "is not a regular file (a device or a socket)")
            if st.st_size > limits.max_file_size:
                raise ReadError(name, f"is {mb(st.st_size)}, over the {mb(limits.max_file_size)} limit per file (--max-file-size)")
            if _NONBLOCK:
                os.set_blocking(fd, True)
            data = _read_at_most(fd, limits.max_file_size + 1, st.st_size + 1)  # it may grow after fstat()
        finally:
            os.close(fd)
        if len(data) > limits.max_file_size:
            raise ReadError(name, f"is over the {mb(limits.max_file_size)} limit per file (--max-file-size)")
    except FileNotFoundError:
        raise ReadError(name, "no such file") from None
    except PermissionError:
        raise ReadError(name, "permission denied") from None
    except IsADirectoryError:
        raise ReadError(name, "is a directory") from None
    except OSError as exc:
        raise ReadError(name, f"cannot be read ({exc.strerror or exc})") from None
    return read_bytes(name, data, limits=limits)


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX; elsewhere a pipe is opened as any file


def _read_at_most(fd: int, limit: int, hint: int) -> bytes:
    """Up to ``limit`` bytes, in one read for a file whose size ``hint`` is right."""
    chunks, left = [], limit
    while left > 0:
        chunk = os.read(fd, min(left, max(hint, 1 << 16)))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def stdin_bytes(name: str = "-", limits: Limits | None = None) -> bytes:
    """Standard input's bytes, within the size limit (``--fix -`` echoes a document it cannot fix)."""
    limits = limits or current_limits()
    data = sys.stdin.buffer.read(limits.max_file_size + 1)
    if len(data) > limits.max_file_size:
        raise ReadError(name, f"standard input is over the {mb(limits.max_file_size)} limit per file (--max-file-size)")
    return data


def read_stdin(name: str = "-", limits: Limits | None = None) -> SourceDocument:
    """Standard input; ``name`` (``--stdin-filename``) picks the format by its suffix."""
    limits = limits or current_limits()
    return read_bytes(name, stdin_bytes(name, limits), limits=limits)


def decode_or_fail(path: str, data: bytes) -> tuple[str, str]:
    try:
        text, encoding = decode(data)
    except DecodeError as exc:
        raise ReadError(path, str(exc)) from None
    if not text.strip():
        raise ReadError(path, "is empty")
    return text, encoding


# The built-in readers. Plain text is imported now; each document format's module (and
# its library) only when a file of that format is read.
from anyq.readers import plaintext as _plaintext  # noqa: E402,F401

register_lazy("anyq.readers.docx", ".docx", ".docm", ".dotx", ".dotm", isolated=True)
register_lazy("anyq.readers.odt", ".odt", ".ott", isolated=True)
register_lazy("anyq.readers.pdf", ".pdf", isolated=True)
register_lazy("anyq.readers.rtf", ".rtf", isolated=True)
register_lazy("anyq.readers.html", ".html", ".htm", ".xhtml", isolated=True)
register_lazy("anyq.readers.legacy", ".doc", ".dot")
