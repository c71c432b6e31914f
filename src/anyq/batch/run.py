"""A batch run: files in, reports out in a stable order, from the cache or from workers.

1. Discovery lists the files (sorted walk), and each file gets its effective settings.
2. Each file's bytes are hashed into a cache key; files with an entry are hits.
3. The misses are linted: in this process when there are few of them (a pool costs a
   model load per worker), else by ``jobs`` worker processes — a ``ProcessPoolExecutor``
   whose initializer loads the models once per worker; files go in chunks, a bounded
   number of chunks in flight, and reports come back in the order of the file list
   whatever order the workers finish in.
4. A worker that dies (a file that exhausts memory, say) takes only its own files down:
   the pool is restarted and the files of the lost chunks are retried one by one; a file
   that kills a worker twice gets an error report and the batch goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from anyq.batch.cache import Cache, read_file_bytes, settings_fingerprint
from anyq.batch.discover import Discovery
from anyq.batch.worker import init_worker, lint_chunk, lint_one, peak_rss_kb
from anyq.config import Settings
from anyq.configfile import Resolver, file_ignores
from anyq.findings import CachedReport, FileReport
from anyq.readers import MAX_BYTES

# Below this many files to lint, a pool costs more (a model load per worker) than it saves.
POOL_MIN_FILES = 96
MAX_CHUNK = 16


@dataclass(slots=True)
class Item:
    index: int
    path: str
    settings: Settings
    key: str | None = None
    hit: bool = False


@dataclass(slots=True)
class Outcome:
    report: FileReport | CachedReport  # CachedReport: served from the cache, not decoded
    settings: Settings  # the file's effective settings
    cached: bool = False


@dataclass
class RunInfo:
    """What the statistics and the benchmark want to know about a run."""

    files: int = 0
    linted: int = 0
    cached: int = 0
    jobs: int = 1
    workers: int = 0  # 0: linted in this process
    peak_worker_rss_mb: float = 0.0
    main_rss_mb: float = 0.0
    seconds: float = 0.0
    worker_restarts: int = 0
    pids: set[int] = field(default_factory=set)
    worker_cpu: dict[int, float] = field(default_factory=dict)  # pid → CPU seconds so far
    main_cpu_s: float = 0.0

    @property
    def worker_cpu_s(self) -> float:
        return sum(self.worker_cpu.values())


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        # the server imports anyq once; workers fork from it with the imports done
        ctx.set_forkserver_preload(["anyq.api", "anyq.batch.worker"])
        return ctx
    return multiprocessing.get_context("spawn")


class BatchRunner:
    def __init__(
        self,
        resolver: Resolver,
        discovery: Discovery,
        cache: Cache,
        jobs: int | None = None,
        stdin_filename: str | None = None,
        on_plan: Callable[[int], None] | None = None,
        on_begin: Callable[[str], None] | None = None,
    ) -> None:
        self.resolver = resolver
        self.discovery = discovery
        self.cache = cache
        self.jobs = max(1, jobs or default_jobs())
        self.stdin_filename = stdin_filename
        self.on_plan = on_plan
        self.on_begin = on_begin  # told which file the run waits for next (the progress bar)
        self.info = RunInfo(jobs=self.jobs)
        self._keys: dict[tuple[int, tuple[str, ...]], str] = {}
        self.pool: _Pool | None = None  # the worker pool of the current run, if any

    # -- planning --------------------------------------------------------------------
    def _settings_key(self, s: Settings, ignores: tuple[str, ...]) -> str:
        k = (id(s), ignores)
        if k not in self._keys:
            self._keys[k] = settings_fingerprint(s, ignores)
        return self._keys[k]

    def _item(self, index: int, path: str) -> Item:
        s = self.resolver.settings_for_file(path)
        item = Item(index, path, s)
        if path == "-" or not self.cache.enabled:
            return item
        try:
            st = os.stat(path)
            if not stat.S_ISREG(st.st_mode) or st.st_size > getattr(s, "max_file_size", MAX_BYTES):
                # the reader refuses it with a clear error, or reads a pipe once (a second
                # read for the cache key would find it empty)
                return item
            data = read_file_bytes(path)
        except OSError:
            return item  # the reader reports why
        item.key = Cache.key(self._settings_key(s, file_ignores(s, path)), data, os.path.splitext(path)[1])
        item.hit = self.cache.has(item.key)
        return item

    # -- running ---------------------------------------------------------------------
    def run(self, paths: Iterable[str]) -> Iterator[Outcome]:
        start = time.perf_counter()
        items = [self._item(i, p) for i, p in enumerate(self.discovery.files(paths))]
        self.info.files = len(items)
        if self.on_plan:
            self.on_plan(len(items))
        self._load_rules(items)
        misses = [it for it in items if not it.hit and it.path != "-"]
        use_pool = self.jobs > 1 and len(misses) >= POOL_MIN_FILES
        try:
            source = self._pooled(items, misses) if use_pool else self._inline(items)
            for outcome in source:
                if outcome.cached:
                    self.info.cached += 1
                elif not (outcome.report.errors or outcome.report.not_checked):
                    # not a file the reader refused, nor one never checked (ignore-file, no
                    # Kazakh or Russian text): those are counted on the «files» line. A file
                    # checked but not scored (requisites alone) was linted: it counts here
                    self.info.linted += 1
                yield outcome
        finally:
            self.info.seconds = time.perf_counter() - start
            self.info.main_rss_mb = peak_rss_kb() / 1024
            usage = resource.getrusage(resource.RUSAGE_SELF)
            self.info.main_cpu_s = usage.ru_utime + usage.ru_stime

    @staticmethod
    def _load_rules(items: list[Item]) -> None:
        """Load and compile the rules of every settings that has a file to lint, here, before
        any file is linted: a bad rule file is then one usage error (RuleError), not an
        error per file. A run served wholly from the cache skips this (and spaCy)."""
        load_rules_of([it.settings for it in items if not it.hit])

    def _from_cache(self, item: Item) -> CachedReport | None:
        return self.cache.get(item.key, item.path) if item.hit and item.key else None

    def _lint_here(self, item: Item) -> FileReport:
        if self.on_begin:
            self.on_begin(item.path)
        report = lint_one(item.path, item.settings, self.stdin_filename if item.path == "-" else None)
        if item.key:
            self.cache.put(item.key, report)
        return report

    def _inline(self, items: list[Item]) -> Iterator[Outcome]:
        for item in items:
            cached = self._from_cache(item)
            if cached is not None:
                yield Outcome(cached, item.settings, True)
            else:
                yield Outcome(self._lint_here(item), item.settings)

    def _pooled(self, items: list[Item], misses: list[Item]) -> Iterator[Outcome]:
        jobs = min(self.jobs, len(misses))
        self.info.workers = jobs
        size = max(1, min(MAX_CHUNK, len(misses) // (jobs * 8)))
        chunks = [misses[i : i + size] for i in range(0, len(misses), size)]
        chunk_of = {it.index: n for n, chunk in enumerate(chunks) for it in chunk}
        window = jobs * 3
        warm = list({id(it.settings): it.settings for it in misses}.values())[:4]
        pool = self.pool = _Pool(jobs, warm, self.info, str(self.cache.root) if self.cache.enabled else None)
        results: dict[int, FileReport] = {}
        next_chunk = 0
        try:
            for item in items:
                if item.index not in chunk_of:
                    cached = self._from_cache(item)
                    yield Outcome(cached, item.settings, True) if cached is not None else Outcome(self._lint_here(item), item.settings)
                    continue
                n = chunk_of[item.index]
                if self.on_begin and item.index not in results:
                    self.on_begin(item.path)  # the reports go out in order: this file holds them up
                while next_chunk < len(chunks) and (next_chunk <= n or pool.in_flight < window):
                    pool.submit(next_chunk, chunks[next_chunk])
                    next_chunk += 1
                while item.index not in results:
                    results.update(pool.collect(n))
                yield Outcome(results.pop(item.index), item.settings)  # the worker wrote its cache entry
        finally:
            pool.shutdown()


def load_rules_of(settings: list[Settings]) -> None:
    """Load and compile the rules of each distinct settings (``--fix`` too, before it writes
    anything); a rule that does not compile is a RuleError like a bad rule file."""
    todo = {id(s): s for s in settings}
    if not todo:
        return
    from anyq.api import linter_for
    from anyq.engine.compiled import CompileError
    from anyq.engine.loader import RuleError

    for s in todo.values():
        try:
            linter_for(s)
        except CompileError as exc:
            raise RuleError(str(exc)) from None


class _Pool:
    """A process pool that survives the death of a worker."""

    def __init__(self, jobs: int, warm: list[Settings], info: RunInfo, cache_root: str | None) -> None:
        self.jobs = jobs
        self.cache_root = cache_root
        self.warm = warm
        self.info = info
        self.ctx = _context()
        self.pending: dict[int, tuple[list[Item], Future]] = {}
        self.ready: dict[int, FileReport] = {}  # reports saved from a broken pool
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=self.ctx, initializer=init_worker, initargs=(self.warm,))

    @property
    def in_flight(self) -> int:
        return len(self.pending)

    def submit(self, chunk_id: int, items: list[Item]) -> None:
        try:
            fut = self.executor.submit(lint_chunk, self._payload(items), self.cache_root)
        except BrokenProcessPool:
            self.ready.update(self._recover())
            fut = self.executor.submit(lint_chunk, self._payload(items), self.cache_root)
        self.pending[chunk_id] = (items, fut)

    @staticmethod
    def _payload(items: list[Item]) -> list[tuple[int, str, Settings, str | None]]:
        return [(it.index, it.path, it.settings, it.key) for it in items]

    def collect(self, chunk_id: int) -> dict[int, FileReport]:
        """Reports of a chunk (waiting for it); on a broken pool, retry and return what is known."""
        if chunk_id not in self.pending:  # its files were recovered after a worker died
            out, self.ready = self.ready, {}
            return out
        items, fut = self.pending[chunk_id]
        try:
            result = fut.result()
        except BrokenProcessPool:
            out = {**self.ready, **self._recover()}
            self.ready = {}
            return out
        del self.pending[chunk_id]
        self._note(result)
        return dict(result["reports"])

    def _recover(self) -> dict[int, FileReport]:
        """A worker died: every task in flight is lost. Keep what had finished, restart
        the pool, and retry the rest one file at a time, so a file that kills a worker
        again is known and gets an error report."""
        out: dict[int, FileReport] = {}
        retry: list[Item] = []
        for items, fut in self.pending.values():
            if fut.done() and not fut.cancelled() and fut.exception() is None:
                out.update(dict(fut.result()["reports"]))
            else:
                retry += items
        self.pending.clear()
        self._restart()
        for it in sorted(retry, key=lambda it: it.index):
            try:
                result = self.executor.submit(lint_chunk, self._payload([it]), self.cache_root).result()
            except BrokenProcessPool:
                out[it.index] = FileReport(path=it.path, errors=["the checker process died while checking this file (out of memory?)"])
                self._restart()
                continue
            self._note(result)
            out.update(dict(result["reports"]))
        return out

    def _restart(self) -> None:
        self.info.worker_restarts += 1
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def _note(self, result: dict) -> None:
        self.info.pids.add(result["pid"])
        self.info.worker_cpu[result["pid"]] = result["cpu_s"]
        self.info.peak_worker_rss_mb = max(self.info.peak_worker_rss_mb, result["maxrss_kb"] / 1024)

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
