"""Reading speed per document format, on generated one-page letters.

    uv run python bench/readers.py            # writes bench/results/readers.json

For each format a one-page letter (Russian and Kazakh paragraphs, a table, a header and
a footer where the format has them; tests/docgen.py writes them) is read repeatedly:
``in process`` is the reader alone (``--timeout 0``); ``worker`` is what ``anyq check``
does by default — the file sent to the reader worker process and the text sent back.
Rates are the best of three 2-second windows. Also the peak memory of the reader worker. Reading only: linting is measured by
bench/foundation.py.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from docgen import WRITERS, one_page_letter, plain_text  # noqa: E402

from anyq.readers import Limits, read_path  # noqa: E402

SECONDS = 2.0
WINDOWS = 3  # the best of three windows: the machine is shared, others' load only slows


def _rate(path: Path, limits: Limits) -> tuple[float, int]:
    read_path(path, limits=limits)  # warm: imports, worker start
    best, total = 0.0, 0
    for _ in range(WINDOWS):
        n, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < SECONDS:
            read_path(path, limits=limits)
            n += 1
        best = max(best, n / (time.perf_counter() - t0))
        total += n
    return best, total


def main() -> None:
    # no options; --help must not start the run (and rewrite the results file)
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    from anyq.readers import worker

    letter = one_page_letter()
    import os

    out: dict = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average_at_start": round(os.getloadavg()[0], 2),
        "formats": {},
    }
    with tempfile.TemporaryDirectory() as d:
        files = {fmt: write(letter, Path(d) / f"letter.{fmt}") for fmt, write in WRITERS.items()}
        files["txt"] = Path(d) / "letter.txt"
        files["txt"].write_text(plain_text(letter), encoding="utf-8")
        for fmt, path in files.items():
            in_process, _ = _rate(path, Limits(timeout=0))
            via_worker, _ = _rate(path, Limits()) if fmt != "txt" else (in_process, 0)
            doc = read_path(path, limits=Limits(timeout=0))
            out["formats"][fmt] = {
                "bytes": path.stat().st_size,
                "words": len(doc.text.split()),
                "files_per_s_in_process": round(in_process, 1),
                "files_per_s_worker": round(via_worker, 1),
            }
            print(f"{fmt:5} {path.stat().st_size:>7} B  {in_process:7.1f} files/s in process  {via_worker:7.1f} files/s via the worker")
        pid = worker.worker_pid()
        if pid:
            status = Path(f"/proc/{pid}/status").read_text()
            hwm = next(l for l in status.splitlines() if l.startswith("VmHWM"))
            out["worker_peak_rss_mb"] = round(int(hwm.split()[1]) / 1024, 1)
            print(f"reader worker peak RSS: {out['worker_peak_rss_mb']} MB")
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "readers.json").write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
