"""Benchmarks of the foundation: language id, sentence splitting, Kazakh stemming, speed.

    uv run python bench/foundation.py            # all, writes bench/results/foundation.json
    uv run python bench/foundation.py --quick    # accuracy only

Speed figures depend on the machine; run them on an idle machine. The README copies the
numbers this script prints.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
RESULTS = ROOT / "bench" / "results"


def langid(name: str = "paragraphs.jsonl") -> dict:
    from anyq.langid import detect

    rows = [json.loads(l) for l in (CORPORA / "langid" / name).read_text(encoding="utf-8").splitlines()]
    wrong = [r for r in rows if detect(r["text"]).lang != r["lang"]]
    per_tag: dict[str, list[int]] = {}
    for r in rows:
        ok = detect(r["text"]).lang == r["lang"]
        for t in r.get("hard", []) or ["plain"]:
            per_tag.setdefault(t, [0, 0])
            per_tag[t][0] += ok
            per_tag[t][1] += 1
    return {
        "paragraphs": len(rows),
        "accuracy": round(1 - len(wrong) / len(rows), 4),
        "errors": [(r["id"], r["lang"], r["text"][:60]) for r in wrong],
        "by_tag": {t: f"{a}/{n}" for t, (a, n) in sorted(per_tag.items())},
    }


def sentences(prefix: str = "") -> dict:
    from anyq.nlp.normalize import original_span
    from anyq.nlp.pipeline import annotate

    out = {}
    for lang in ("ru", "kk"):
        missed = spurious = boundaries = sents = 0
        for line in (CORPORA / "sentences" / f"{prefix}{lang}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            text, pos, gold = row["text"], 0, []
            for s in row["sentences"]:
                i = text.index(s, pos)
                gold.append(i)
                pos = i + len(s)
            pred = []
            for s in annotate(text, lang).sents:
                if s.text.strip():
                    p = original_span(s.doc, s.start_char, s.end_char)[0]
                    pred.append(p + len(text[p:]) - len(text[p:].lstrip()))
            g, p = set(gold[1:]), set(pred[1:])
            missed += len(g - p)
            spurious += len(p - g)
            boundaries += len(g)
            sents += len(gold)
        out[lang] = {"sentences": sents, "boundaries": boundaries, "missed": missed, "spurious": spurious}
    return out


def stems(name: str = "gold.tsv") -> dict:
    from anyq.nlp.stem_kk import stemmer

    rows = list(csv.DictReader((CORPORA / "kk_stems" / name).open(encoding="utf-8"), delimiter="\t"))
    rows = [r for r in rows if "ambig" not in r["tags"]]
    s = stemmer()
    right = {"all": [0, 0], "noun": [0, 0], "verb": [0, 0]}
    for r in rows:
        ok = s.analyse(r["form"]).stem == r["stem"].lower()
        cls = "verb" if r["tags"].startswith("verb") else "noun"
        for k in ("all", cls):
            right[k][0] += ok
            right[k][1] += 1
    return {k: {"right": a, "forms": n, "accuracy": round(a / n, 4)} for k, (a, n) in right.items()}


def _env() -> dict[str, str]:
    """The environment of a user's shell: Python may write its bytecode cache (a sandbox that
    sets PYTHONDONTWRITEBYTECODE would recompile anyq's own modules on every run)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _timed(cmd: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak RSS in KB of one process."""
    t = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", *cmd], capture_output=True, text=True, env=_env())
    wall = time.perf_counter() - t
    user, system, rss = r.stderr.strip().splitlines()[-1].split()
    return wall, float(user) + float(system), int(rss)


def cold_start(runs: int = 9) -> dict:
    """``anyq check --no-cache letter.txt`` as a new process, after one run that fills the
    bytecode and data caches (as the first run after installing does). ``imports`` is the
    part no linting can save: starting Python and importing anyq's API, spaCy included.
    The environment is the one running this benchmark (``.venv`` under ``uv run``; another
    one, say of another interpreter, when started from there)."""
    exe = Path(sys.prefix) / "bin" / "anyq"
    py = Path(sys.prefix) / "bin" / "python"
    out: dict = {}
    imports = [_timed([str(py), "-c", "import anyq.api"]) for _ in range(runs)]
    out["imports"] = {"median_s": round(statistics.median(w for w, _, _ in imports), 3), "min_s": round(min(w for w, _, _ in imports), 3)}
    for name in ("ru_pension_plain.txt", "kk_school_plain.txt"):
        letter = CORPORA / "examples" / name
        cmd = [str(exe), "check", "--no-cache", str(letter)]
        _timed(cmd)
        runs_ = [_timed(cmd) for _ in range(runs)]
        walls = [w for w, _, _ in runs_]
        out[name] = {
            "median_s": round(statistics.median(walls), 3),
            "min_s": round(min(walls), 3),
            "cpu_median_s": round(statistics.median(c for _, c, _ in runs_), 3),
            "peak_rss_mb": round(max(r for _, _, r in runs_) / 1024, 1),
        }
    out.update(through_uv_run(runs))
    return out


def through_uv_run(runs: int) -> dict:
    """The quick start's own command, ``uv run anyq check --no-cache letter.txt``: uv checks
    the environment against ``uv.lock`` first and, because ``compile-bytecode = true``, walks
    every module of site-packages for stale bytecode (uv does that on every ``uv run``, not
    only after installing: astral-sh/uv#12202). ``--no-sync`` skips both. Measured only when
    this benchmark runs in the project's own ``.venv`` with uv on the PATH; anything else
    would make uv sync a different environment."""
    import shutil

    uv = shutil.which("uv")
    if uv is None or Path(sys.prefix).resolve() != (ROOT / ".venv").resolve():
        return {}
    letter = str(CORPORA / "examples" / "ru_pension_plain.txt")
    out = {}
    for key, flags in (("uv_run", []), ("uv_run_no_sync", ["--no-sync"])):
        cmd = [uv, "run", "-q", "--project", str(ROOT), *flags, "anyq", "check", "--no-cache", letter]
        _timed(cmd)
        walls = [_timed(cmd)[0] for _ in range(runs)]
        out[f"ru_pension_plain.txt via {' '.join(['uv run', *flags])}"] = {
            "median_s": round(statistics.median(walls), 3),
            "min_s": round(min(walls), 3),
        }
    return out


def throughput_letters() -> list[Path]:
    """The letters the throughput benchmark checks, and ``bench/instructions.py`` counts."""
    return sorted((CORPORA / "spelling").rglob("*.txt")) + sorted((CORPORA / "legal").rglob("*.txt")) + sorted((CORPORA / "examples").glob("*.txt"))


def warm_up_letters() -> list[Path]:
    """Other letters, checked first: models loaded and word caches filled as in a batch run."""
    return sorted((CORPORA / "jargon").rglob("*.txt"))[:40]


def throughput(rounds: int = 5) -> dict:
    """Words per CPU second of one process over the team's letters, warmed up on other
    letters first (models loaded, word caches filled as in a batch run). The best of
    ``rounds`` passes: the machine is shared, and a pass only gets slower from outside (the
    first pass fills the word caches for these letters; of the four after it, the fastest is
    the one the neighbours disturbed least)."""
    import anyq
    from anyq.api import linter_for
    from anyq.readers import read_path

    sources = [read_path(f) for f in throughput_letters()]
    linter = linter_for(anyq.Settings())
    for f in warm_up_letters():
        linter.check(read_path(f))
    from anyq.engine.runner import freeze_long_lived_objects

    freeze_long_lived_objects()  # as the command line's workers do after their first file
    passes = []
    for _ in range(rounds):
        t = time.process_time()
        words = sum(linter.check(s).stats["words"] for s in sources)
        passes.append((words, time.process_time() - t))
    words, dt = min(passes, key=lambda p: p[1])
    return {
        "files": len(sources),
        "words": words,
        "cpu_seconds_best": round(dt, 2),
        "words_per_s": int(words / dt),
        "words_per_s_each_pass": [int(w / d) for w, d in passes],
    }


def cpu_model() -> str:
    """The CPU's name as the kernel reports it: figures from VMs of one kind differ with the
    host they land on (one such host ran this benchmark at half the speed of another)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def interpreter() -> dict:
    """Which Python build ran the benchmark: the same code ran 10-15 % faster on Debian's
    build (optimised with profiles, libpython linked in) than on pyenv's default source build
    (libpython as a shared library), so a figure without its interpreter cannot be compared."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as f:
            shared = any("libpython" in line for line in f)
    except OSError:
        shared = None
    return {
        "executable": os.path.realpath(getattr(sys, "_base_executable", sys.executable)),
        "version": platform.python_version(),
        "compiler": platform.python_compiler(),
        "libpython_shared": shared,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="accuracy only, no timing")
    args = ap.parse_args()
    results = {
        "machine": {"python": platform.python_version(), "interpreter": interpreter(), "cpus": os.cpu_count(), "platform": platform.platform(), "cpu": cpu_model()},
        "langid": langid(),
        "langid_heldout": langid("heldout.jsonl"),
        "langid_heldout2": langid("heldout2.jsonl"),
        "sentences": sentences(),
        "sentences_heldout": sentences("heldout-"),
        "sentences_heldout2": sentences("heldout2-"),
        "stems": stems(),
        "stems_heldout": stems("heldout.tsv"),
        "stems_heldout2": stems("heldout2.tsv"),
    }
    if not args.quick:
        results["cold_start"] = cold_start()
        results["throughput_one_core"] = throughput()
        results["peak_rss_this_process_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = "foundation-quick.json" if args.quick else "foundation.json"
    (RESULTS / name).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
    print()


if __name__ == "__main__":
    main()
