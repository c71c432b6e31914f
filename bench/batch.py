"""Batch benchmark: an archive of one-page letters, checked cold with 1 and 2 workers and
again with a warm cache.

    uv run python bench/batch.py                  # 10,000 letters, writes bench/results/batch.json
    uv run python bench/batch.py --files 500      # a quick look (not written unless --write)

The archive is generated into a temporary folder from the team's own letters in
corpora/ (Russian and Kazakh replies, the bilingual and Markdown examples, a
Windows-1251 letter): each letter gets its own outgoing number, and every tenth is a
bilingual letter (a Kazakh reply followed by a Russian one), so no two files are alike
and the cache cannot share results between them. Nothing is committed.

Each run is the real command line in a fresh process (start-up and model loading
included):

    anyq check ARCHIVE --jobs N --format jsonl --output OUT --statistics --cache-dir CACHE

A last warm run writes ``--format json`` (one document) and checks that its file objects
are those of the JSON Lines runs.

Figures: wall time, files/s, words/s; the peak resident memory of a worker (from the
worker's own getrusage; with --jobs 1 the single process does the work). Targets
(issue 9): jobs 2 ≥ 1.7× jobs 1 cold; warm ≥ 20× faster than cold; ≤ 400 MB per worker.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
RESULTS = ROOT / "bench" / "results"
ANYQ = [sys.executable, "-m", "anyq"]

_NUMBER = re.compile(r"№\s*[\w/.-]+")


def _sources() -> dict[str, list[tuple[str, bytes]]]:
    """Letters by kind: (suffix, bytes). Russian and Kazakh replies, Markdown, cp1251."""
    ru = sorted((CORPORA / "legal" / "ru").glob("*.reply.txt")) + sorted((CORPORA / "spelling" / "ru").glob("*.txt"))
    kk = sorted((CORPORA / "legal" / "kk").glob("*.reply.txt")) + sorted((CORPORA / "jargon" / "kk").glob("*.txt"))
    ex = CORPORA / "examples"
    ru += [ex / "ru_utilities_officialese.txt", ex / "ru_pension_plain.txt"]
    kk += [ex / "kk_land_officialese.txt", ex / "kk_school_plain.txt"]
    return {
        "ru": [(".txt", p.read_bytes()) for p in ru],
        "kk": [(".txt", p.read_bytes()) for p in kk],
        "md": [(".md", (ex / "ru_roads_reply.md").read_bytes())],
        "mixed": [(".txt", (ex / "mixed_kk_ru_housing.txt").read_bytes())],
        "cp1251": [(".txt", (ex / "ru_cp1251_permit.txt").read_bytes())],
    }


def _numbered(text: str, number: str) -> str:
    if _NUMBER.search(text):
        return _NUMBER.sub(f"№ {number}", text, count=1)
    return f"№ {number}\n\n{text}"


def generate(dest: Path, n: int, seed: int = 9) -> dict[str, int]:
    """Write ``n`` distinct one-page letters into ``dest`` (folders by district and month)."""
    rng = random.Random(seed)
    src = _sources()
    counts: dict[str, int] = {}
    districts = ["almaty", "baikonyr", "esil", "saryarka", "nura"]
    for i in range(n):
        r = rng.random()
        kind = "ru" if r < 0.45 else "kk" if r < 0.85 else "mixed" if r < 0.93 else "md" if r < 0.98 else "cp1251"
        folder = dest / districts[i % len(districts)] / f"2026-{(i // 7) % 12 + 1:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        number = f"{(i % 17) + 1:02d}-{i:05d}"
        if kind == "mixed" and rng.random() < 0.7:
            # a Kazakh reply followed by a Russian one, as bilingual replies are sent
            kk_text = _numbered(rng.choice(src["kk"])[1].decode("utf-8"), number)
            ru_text = rng.choice(src["ru"])[1].decode("utf-8")
            data, suffix = (kk_text.rstrip() + "\n\n" + ru_text).encode("utf-8"), ".txt"
        else:
            suffix, raw = rng.choice(src[kind])
            encoding = "cp1251" if kind == "cp1251" else "utf-8"
            data = _numbered(raw.decode(encoding), number).encode(encoding)
        (folder / f"letter_{i:05d}{suffix}").write_bytes(data)
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def run(archive: Path, jobs: int, cache: Path, out: Path, fmt: str = "jsonl") -> dict:
    cmd = ANYQ + ["check", str(archive), "--jobs", str(jobs), "--format", fmt, "--output", str(out),
                  "--statistics", "--cache-dir", str(cache), "--no-progress", "--fail-on", "never"]
    load = os.getloadavg()[0]  # the machine is shared: say how busy it was
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"anyq failed ({proc.returncode}): {proc.stderr[-2000:]}")
    if fmt == "json":  # --statistics goes into the document
        st = json.loads(out.read_text(encoding="utf-8"))["statistics"]
        files, words, r = st["files"], st["words"], st["run"]
        workers, cached, mem, cpu = r["workers"], r["from_cache"], r["peak_worker_rss_mb"], r["cpu_seconds"]
    else:  # --statistics goes to standard error
        stats = proc.stderr
        files = sum(1 for _ in out.open(encoding="utf-8"))
        found = [re.search(p, stats, re.M) for p in (r"^\s*words\s+(\d+)", r"(\d+) worker processes", r"from cache (\d+)", r"peak worker memory (\d+) MB", r"([\d.]+) CPU s")]
        words, workers, cached, mem = (int(m.group(1)) if m else None for m in found[:4])
        cpu = float(found[4].group(1)) if found[4] else None
    return {
        "jobs": jobs,
        "seconds": round(seconds, 2),
        "files": files,
        "files_per_second": round(files / seconds, 1),
        "words_per_second": round(words / seconds) if words else None,
        "worker_processes": workers or 0,
        "from_cache": cached,
        "peak_worker_rss_mb": round(mem) if mem is not None else None,
        "cpu_seconds_linting": cpu,
        "load_average_1min_before": round(load, 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--write", action="store_true", help="write bench/results/batch.json even for a small run")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="anyq-batch-"))
    try:
        archive = tmp / "archive"
        t0 = time.perf_counter()
        kinds = generate(archive, args.files)
        size = sum(p.stat().st_size for p in archive.rglob("*") if p.is_file())
        print(f"generated {args.files} letters ({size / 1e6:.1f} MB) in {time.perf_counter() - t0:.1f} s: {kinds}", flush=True)
        cold1 = run(archive, 1, tmp / "cache1", tmp / "out1.jsonl")
        print("cold, --jobs 1:", cold1, flush=True)
        cold2 = run(archive, 2, tmp / "cache2", tmp / "out2.jsonl")
        print("cold, --jobs 2:", cold2, flush=True)
        warm = run(archive, 2, tmp / "cache2", tmp / "out3.jsonl")
        print("warm, --jobs 2:", warm, flush=True)
        warm_json = run(archive, 2, tmp / "cache2", tmp / "out4.json", fmt="json")
        print("warm, --jobs 2, --format json:", warm_json, flush=True)
        same = (tmp / "out1.jsonl").read_bytes() == (tmp / "out2.jsonl").read_bytes() == (tmp / "out3.jsonl").read_bytes()
        lines = [json.loads(line) for line in (tmp / "out3.jsonl").open(encoding="utf-8")]
        same_json = json.loads((tmp / "out4.json").read_text(encoding="utf-8"))["files"] == lines
        result = {
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
            "letters": args.files,
            "archive_mb": round(size / 1e6, 1),
            "kinds": kinds,
            "cold_jobs_1": cold1,
            "cold_jobs_2": cold2,
            "warm_jobs_2": warm,
            "speedup_jobs_2_over_1": round(cold2["files_per_second"] / cold1["files_per_second"], 2),
            "warm_speedup_over_cold_jobs_2": round(cold2["seconds"] / warm["seconds"], 1),
            "warm_jobs_2_format_json": warm_json,
            "identical_output_all_runs": same,
            "json_files_equal_jsonl": same_json,
            # the machine is shared: CPU time says what the work cost, whatever else ran
            "cpu_ms_per_file_jobs_1": round(1000 * cold1["cpu_seconds_linting"] / args.files, 1),
            "cpu_ms_per_file_jobs_2": round(1000 * cold2["cpu_seconds_linting"] / args.files, 1),
            "targets": {"speedup_jobs_2_over_1": 1.7, "warm_speedup_over_cold_jobs_2": 20, "peak_worker_rss_mb": 400},
        }
        print(json.dumps(result, ensure_ascii=False, indent=2))
        if args.files >= 10_000 or args.write:
            RESULTS.mkdir(parents=True, exist_ok=True)
            (RESULTS / "batch.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
