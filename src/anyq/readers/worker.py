"""Read untrusted documents in a worker process with a time limit.

A pathological PDF can keep a parser busy for hours inside C code or a tight loop, where
no in-process alarm reliably reaches it. So binary formats are read by one long-lived
worker process (started on the first such file, reused for the rest of the batch): the
parent waits at most ``timeout`` seconds for the answer, then kills the worker and
reports the file; the next file gets a fresh worker. The worker also runs under an
address-space limit, so a parser that balloons fails with an error for that file
instead of exhausting the machine.

The worker is started with ``spawn``: it imports only the readers, not spaCy, and does
not inherit the parent's memory.
"""

from __future__ import annotations

import atexit
import multiprocessing as mp
import os
import threading
from typing import Any

from anyq.readers import Limits, ReadError, mb
from anyq.text import SourceDocument

# Address space of the worker: the interpreter and the readers' libraries take ~60 MB;
# python-docx/lxml need about 8× the XML they parse (37 MB of document.xml: 310 MB), so
# what the default limits let through fits, and anything that balloons stops here.
WORKER_MEMORY = 1024 * 1024 * 1024

_lock = threading.Lock()
_worker: "_Worker | None" = None


def _serve(conn: Any, memory: int) -> None:  # runs in the worker process
    import resource

    from anyq.readers import run_reader

    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):  # pragma: no cover - a platform without the limit
        pass
    while True:
        try:
            msg = conn.recv()
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
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("error", f"needs more than {mb(memory)} of memory to read"))


class _Worker:
    def __init__(self) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, WORKER_MEMORY), name="anyq-reader", daemon=True)
        self.proc.start()
        child.close()
        self.owner = os.getpid()  # a forked copy of this process must not use our pipe

    def read(self, path: str, data: bytes, fmt: str, limits: Limits, note: str | None) -> SourceDocument:
        self.conn.send((path, data, fmt, limits, note))
        if not self.conn.poll(limits.timeout):
            self.stop()
            raise ReadError(
                path,
                f"reading took longer than the {limits.timeout:g} s limit per file (--timeout); "
                "the file may be damaged or built to hang readers",
            )
        try:
            status, payload = self.conn.recv()
        except (EOFError, OSError):
            code = self.proc.exitcode
            self.stop()
            raise ReadError(path, f"the reader crashed on this file (exit code {code}); is it a valid {fmt} file?") from None
        if status == "ok":
            return payload
        raise ReadError(path, payload)

    def alive(self) -> bool:
        return self.proc.is_alive()

    def stop(self) -> None:
        try:
            self.conn.close()
        except OSError:  # pragma: no cover
            pass
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)


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


def shutdown() -> None:
    """Stop the worker (also done at exit)."""
    global _worker
    with _lock:
        if _worker is not None and _worker.owner == os.getpid():
            try:
                _worker.conn.send(None)
            except OSError:
                pass
            _worker.stop()
            _worker = None


atexit.register(shutdown)
