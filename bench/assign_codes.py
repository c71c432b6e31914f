"""Add the rule "code" to the annotators' findings in corpora/jargon/*/*.ann.json.

    uv run python bench/assign_codes.py            # dry run: prints what it would assign
    uv run python bench/assign_codes.py --write    # writes the codes into the sidecars

The annotators wrote spans and types (corpora/jargon/README.md); this adds, to each
annotated expression a rule covers, the code of that rule. "Covers" is decided on every
candidate finding of every J rule, *before* the engine decides which of two overlapping
rules reports the words (``supersedes`` / ``superseded_by``): the annotation takes the
code of the rule whose finding overlaps it most — by at least half of the shorter of the
two, as in the benchmark's strict figure — the more specific (shorter) finding on a tie. The benchmark's code-level figures then measure whether the
full run reports an expression with the rule that covers it. Spans, types and judgement
are left exactly as the annotators wrote them; an annotation no rule covers gets no code.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import jargon  # noqa: E402

import anyq  # noqa: E402
from anyq.engine.runner import Linter  # noqa: E402


def candidates(text: str) -> list:
    """Every J finding before superseding (the engine's own step is switched off here)."""
    original = Linter._drop_superseded
    Linter._drop_superseded = lambda self, findings: findings  # type: ignore[method-assign]
    try:
        report = anyq.check(text)
    finally:
        Linter._drop_superseded = original  # type: ignore[method-assign]
    return [f for f in report.findings if f.category == "jargon"]


def best_code(gold: jargon.Gold, found: list) -> str | None:
    best = None
    for f in found:
        o = max(0, min(f.end, gold.end) - max(f.start, gold.start))
        if o * 2 < min(gold.end - gold.start, f.end - f.start):
            continue  # the same "half" overlap the benchmark's strict figure uses
        key = (o, -(f.end - f.start))
        if best is None or key > best[0]:
            best = (key, f.code)
    return best[1] if best else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--lang", choices=["ru", "kk"], action="append")
    args = ap.parse_args()
    for lang in args.lang or ["ru", "kk"]:
        coded = total = 0
        for _, off, _plain in jargon.pairs(lang):
            ann_path = off.with_name(off.name[: -len(".txt")] + ".ann.json")
            text = off.read_text(encoding="utf-8")
            ann = json.loads(ann_path.read_text(encoding="utf-8"))
            golds = jargon.gold_spans(text, ann)
            found = candidates(text)
            for item, gold in zip(ann["findings"], golds):
                code = best_code(gold, found)
                total += 1
                item.pop("code", None)
                if code:
                    item["code"] = code
                    coded += 1
            if args.write:
                ann_path.write_text(json.dumps(ann, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{lang}: {coded} of {total} annotations covered by a rule")


if __name__ == "__main__":
    main()
