"""Benchmark of the score's direction on edits: does taking anyq's advice ever lower the score?

    uv run python bench/scores.py               # writes bench/results/scores.json
    uv run python bench/scores.py --worst 20    # list the 20 worst cases of each kind
    uv run python bench/scores.py --no-write    # print only

Letters: corpora/examples, the officialese letters of corpora/jargon (*.official.txt) and every
letter of corpora/jargon-heldout.

* Replacement. For every finding with a suggestion, its first suggestion is put in place of its
  text alone (with the edit machinery of ``anyq check --fix``, anyq.fixes), the letter is checked
  again and the scores are compared with the letter's own: how often the document score went
  down, the sub-score of the finding's own category, and the sub-score of any other category.
  Scores are compared as reported (to 0.1).
* Insertion (the reverse). A flagged cliché (three per language: «В настоящее время», «Вместе с
  тем», «В связи с вышеизложенным»; «Қазіргі уақытта», «Осыған байланысты», «Жоғарыда айтылғанның
  негізінде») is put at the start of a sentence of the body; only a cliché that the check then
  flags counts. How often the document score, the jargon sub-score or any sub-score went up.

A case where the edit also changes other findings (the replacement is flagged by another rule,
a decision is no longer read…) is counted too; the worst cases list the codes that came and went,
so a reader can tell the formula's share from the rules'.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
CLICHES = {
    "ru": [("В настоящее время", "J108"), ("Вместе с тем", "J121"), ("В связи с вышеизложенным", "J210")],
    "kk": [("Қазіргі уақытта", "J658"), ("Осыған байланысты", "J501"), ("Жоғарыда айтылғанның негізінде", "J507")],
}
# a sentence start in the body: the start of a line or after «. », then a capital letter
_SENTENCE_START = re.compile(r"(?:(?<=\n)|(?<=^)|(?<=[.!?] ))(?=[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі])", re.M)
POSITIONS = 3  # sentence starts tried per letter and cliché


def letters() -> list[Path]:
    out = sorted((ROOT / "corpora" / "examples").glob("*.*"))
    out += sorted((ROOT / "corpora" / "jargon").glob("*/*.official.txt"))
    out += sorted((ROOT / "corpora" / "jargon-heldout").glob("*/*.txt"))
    return out


def _codes(report) -> Counter:
    return Counter(f.code for f in report.findings)


def _changed(before, after) -> dict:
    a, b = _codes(before), _codes(after)
    return {"gone": sorted((a - b).elements()), "new": sorted((b - a).elements())}


def replacement_cases(path: Path):
    """(case, report before, report after) for each finding's first suggestion put in place."""
    import anyq
    from anyq.fixes import Edit, apply

    base = anyq.check_file(str(path))
    if base.score is None:
        return
    text, fmt = base.source_text, base.extra.get("format", "txt")
    base = anyq.check(text, path=str(path), format=fmt)  # the same way as the edited texts
    for f in base.findings:
        if not f.suggestions or f.end <= f.start:
            continue
        new_text, _ = apply(text, [Edit(f.start, f.end, f.suggestions[0], f.code)])
        after = anyq.check(new_text, path=str(path), format=fmt)
        if after.score is None:
            continue
        case = {"file": str(path.relative_to(ROOT)), "code": f.code, "category": f.category, "text": f.text, "replacement": f.suggestions[0]}
        yield case, base, after


def insertion_cases(path: Path):
    """(case, report before, report after) for each cliché put at a sentence start of the body."""
    import anyq

    base = anyq.check_file(str(path))
    if base.score is None:
        return
    text, fmt = base.source_text, base.extra.get("format", "txt")
    base = anyq.check(text, path=str(path), format=fmt)
    lang = "kk" if base.language == "kk" else "ru" if base.language == "ru" else None
    if lang is None:
        return
    # sentence starts in paragraphs that read as prose (a full stop, at least 8 words)
    starts = []
    for m in re.finditer(r"[^\n]+", text):
        para = m.group()
        if len(para.split()) < 8 or "." not in para:
            continue
        starts += [m.start() + s.start() for s in _SENTENCE_START.finditer(para)]
    starts = starts[1 : 1 + POSITIONS]  # not the first (the greeting or «Рассмотрев …» opening)
    for cliche, code in CLICHES[lang]:
        for at in starts:
            new_text = text[:at] + cliche + " " + text[at].lower() + text[at + 1 :]
            after = anyq.check(new_text, path=str(path), format=fmt)
            if after.score is None or _codes(after)[code] <= _codes(base)[code]:
                continue  # not flagged there: not a cliché added
            case = {"file": str(path.relative_to(ROOT)), "code": code, "category": "jargon", "text": cliche, "at": at}
            yield case, base, after


def _compare(case: dict, before, after, sign: int) -> dict:
    """sign -1: a drop is wrong (a replacement); +1: a rise is wrong (an insertion)."""
    own = case["category"]
    moved = {c: round(after.scores.get(c, 100.0) - v, 1) for c, v in before.scores.items()}
    return case | {
        "score": [before.score, after.score],
        "delta": round(after.score - before.score, 1),
        "own_delta": moved.get(own, 0.0),
        "other_wrong": {c: d for c, d in moved.items() if c != own and d * sign > 0},
        "words": [before.stats["words"], after.stats["words"]],
    } | _changed(before, after)


def evaluate(worst: int) -> dict:
    paths = letters()
    t0 = time.perf_counter()
    rep = [_compare(c, b, a, -1) for p in paths for c, b, a in replacement_cases(p)]
    ins = [_compare(c, b, a, +1) for p in paths for c, b, a in insertion_cases(p)]
    elapsed = time.perf_counter() - t0

    def summary(cases: list[dict], sign: int) -> dict:
        wrong = [c for c in cases if c["delta"] * sign > 0]
        moved, kept = ("gone", "new") if sign < 0 else ("new", "gone")
        clean = [c for c in cases if c[moved] == [c["code"]] and not c[kept]]
        key = "went_down" if sign < 0 else "went_up"
        return {
            "cases": len(cases),
            f"score_{key}": len(wrong),
            f"own_subscore_{key}": sum(1 for c in cases if c["own_delta"] * sign > 0),
            f"other_subscore_{key}": sum(1 for c in cases if c["other_wrong"]),
            # only the one finding went (or came), nothing else changed: the formula's own share
            "edits_changing_only_that_finding": len(clean),
            f"of_those_score_{key}": sum(1 for c in clean if c["delta"] * sign > 0),
            f"of_those_any_subscore_{key}": sum(1 for c in clean if c["own_delta"] * sign > 0 or c["other_wrong"]),
            # the categories whose sub-score moved the wrong way, in the cases that changed only that finding
            f"of_those_subscore_{key}_by_category": dict(sorted(Counter(
                cat for c in clean for cat in [*c["other_wrong"], *([c["category"]] if c["own_delta"] * sign > 0 else [])]
            ).items())),
            "mean_delta": round(sum(c["delta"] for c in cases) / len(cases), 2) if cases else 0.0,
            "worst": sorted(wrong, key=lambda c: (c["delta"] * sign, c["file"], c.get("at", 0), c["code"]), reverse=True)[:worst],
        }

    return {"letters": len(paths), "replacement": summary(rep, -1), "insertion": summary(ins, +1), "seconds": round(elapsed, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--worst", type=int, default=10, help="how many of the worst cases of each kind to list (default 10)")
    ap.add_argument("--no-write", action="store_true", help="print only, do not write bench/results/scores.json")
    args = ap.parse_args()
    res = evaluate(args.worst)
    for kind in ("replacement", "insertion"):
        s = res[kind]
        print(kind, json.dumps({k: v for k, v in s.items() if k != "worst"}, ensure_ascii=False))
        for c in s["worst"]:
            print(f"  {c['delta']:+.1f} {c['file']} {c['code']} «{c['text']}»{' → «' + c['replacement'] + '»' if 'replacement' in c else ''}"
                  f" own {c['own_delta']:+.1f} other {c['other_wrong']} gone {c['gone']} new {c['new']}")
    print(f"{res['letters']} letters, {res['seconds']} s")
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "scores.json").write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
