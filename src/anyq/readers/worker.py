"""Read untrusted documents in a worker process with a time limit.

A pathological PDF can keep a parser busy for hours inside C code or a tight loop, where
no in-process alarm reliably reaches it. So binary formats are read by one long-lived
worker process (started on the first such file, reused for the rest of the batch): the
parent waits at most ``timeout`` seconds for the answer, then kills the worker and
reports the file; the next file gets a fresh worker. The worker also runs under an
address-space limit, so a parser that balloons fails with an error for that file
instead of exhausting the machine.

The worker is ``python -m anyq.readers.worker`` talking length-prefixed pickles over
its standard input and output: it imports only the readers (not spaCy), inherits none
of the parent's memory, and — unlike multiprocessing's spawn — never re-imports the
caller's main script, so a script using the API needs no ``if __name__ == "__main__"``.
"""

from __future__ import annotations

import atexit
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time
from typing import Any

from anyq.readers import Limits, ReadError, mb
from anyq.text import SourceDocument

# Address space of the worker: the interpreter and the readers' libraries take ~60 MB;
# python-docx/lxml need about 8× the XML they parse (37 MB of document.xml: 310 MB), so
# what the default limits let through fits, and anything that balloons stops here.
WORKER_MEMORY = 1024 * 1024 * 1024

_HEADER = struct.Struct("<Q")
_lock = threading.Lock()
_worker: "_Worker | None" = None


class _Timeout(Exception):
    pass


def _write(fd: int, obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _read_exact(fd: int, n: int, deadline: float | None) -> bytes:
    chunks: list[bytes] = []
    while n:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise _Timeout
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _read(fd: int, deadline: float | None = None) -> Any:
    (size,) = _HEADER.unpack(_read_exact(fd, _HEADER.size, deadline))
    return pickle.loads(_read_exact(fd, size, deadline))


def serve(memory: int = WORKER_MEMORY) -> None:
    """The worker's loop (``python -m anyq.readers.worker``)."""
    import resource

    from anyq.readers import run_reader

    # the protocol owns the real stdout; anything a library prints goes to stderr
    inp, out = os.dup(0), os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):  # pragma: no cover - a platform without the limit
        pass
    while True:
        try:
            msg = _read(inp)
        except (EOFError, OSError):
            return
        if msg is None:
            return
        path, data, fmt, limits, note = msg
        try:
            reply: tuple[str, Any] = ("ok", run_reader(path, data, fmt, limits, note))
        except ReadError as exc:
            reply = ("error", exc.reason)
        except MemoryError:
            reply = ("error", f"needs more than {mb(memory)} of memory to read; is it a valid {fmt} file?")
        except Exception as exc:  # pragma: no cover - run_reader already wraps reader errors
            reply = ("error", f"cannot be read ({type(exc).__name__})")
        del data
        try:
            _write(out, reply)
        except MemoryError:
            _write(out, ("error", f"needs more than {mb(memory)} of memory to read"))


class _Worker:
    def __init__(self) -> None:
        import anyq

        src = os.path.dirname(os.path.dirname(os.path.abspath(anyq.__file__)))
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "anyq.readers.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            bufsize=0,
            env=env,
        )
        self.owner = os.getpid()  # a forked copy of this process must not use our pipes

    def read(self, path: str, data: bytes, fmt: str, limits: Limits, note: str | None) -> SourceDocument:
        deadline = time.monotonic() + limits.timeout
        try:
            _write(self.proc.stdin.fileno(), (path, data, fmt, limits, note))
            status, payload = _read(self.proc.stdout.fileno(), deadline)
        except _Timeout:
            self.stop()
            raise ReadError(
                path,
                f"reading took longer than the {limits.timeout:g} s limit per file (--timeout); "
                "the file may be damaged or built to hang readers",
            ) from None
        except (EOFError, OSError, pickle.UnpicklingError):
            self.stop()
            raise ReadError(
                path, f"the reader crashed on this file (exit code {self.proc.returncode}); is it a valid {fmt} file?"
            ) from None
        if status == "ok":
            return payload
        raise ReadError(path, payload)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout):
            try:
                pipe.close()
            except OSError:  # pragma: no cover
                pass


def read_in_worker(path: str, data: bytes, fmt: str, limits: Limits, note: str | None = None) -> SourceDocument:
    global _worker
    with _lock:
        if _worker is not None and _worker.owner != os.getpid():
            _worker = None  # inherited through fork: the parent's, leave it alone
        if _worker is None or not _worker.alive():
            _worker = _Worker()
        w = _worker
        try:
            return w.read(path, data, fmt, limits, note)
        finally:
            if not w.alive():
                _worker = None


def worker_pid() -> int | None:
    """The reader worker's process id, if one is running (for benchmarks)."""
    return _worker.proc.pid if _worker is not None and _worker.alive() else None


def shutdown() -> None:
    """Stop the worker (also done at exit)."""
    global _worker
    with _lock:
        if _worker is not None and _worker.owner == os.getpid():
            try:
                _write(_worker.proc.stdin.fileno(), None)
                _worker.proc.wait(2)
            except (OSError, subprocess.TimeoutExpired):
                pass
            _worker.stop()
        _worker = None


atexit.register(shutdown)

if __name__ == "__main__":
    serve()
