"""One warm pass of the linter for an instruction count with callgrind, which repeats to 0.1 %
however busy the shared machine is (timings here vary by ±30 %).

    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=dropwhile_next \\
        .venv/bin/python bench/instructions.py 4

counts only the pass: it runs inside ``itertools.dropwhile``, whose C function is the toggle.
The argument takes every Nth file of the throughput benchmark's letters (1: all of them, about
3.6 billion instructions; 4: about 0.9 billion, five minutes under callgrind). The files are
checked once before the counted pass, as the benchmark's first pass fills the word caches.
Set PYTHONHASHSEED=0 for counts that repeat exactly.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import foundation  # noqa: E402

import anyq  # noqa: E402
from anyq.api import linter_for  # noqa: E402
from anyq.engine.runner import freeze_long_lived_objects  # noqa: E402
from anyq.readers import read_path  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", nargs="?", type=int, default=4, help="take every Nth letter (default 4)")
    step = ap.parse_args().step
    if step < 1:
        ap.error(f"step must be 1 or more, not {step}")
    sources = [read_path(f) for f in foundation.throughput_letters()][::step]
    linter = linter_for(anyq.Settings())
    for f in foundation.warm_up_letters():
        linter.check(read_path(f))
    freeze_long_lived_objects()
    for s in sources:
        linter.check(s)  # fills the word caches, as the benchmark's first pass does
    list(itertools.dropwhile(lambda s: linter.check(s) or True, sources))  # the counted pass


if __name__ == "__main__":
    main()
