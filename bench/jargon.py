"""Benchmark of the jargon rules on the paired corpus (corpora/jargon/{ru,kk}).

    uv run python bench/jargon.py                 # both languages, writes bench/results/jargon.json
    uv run python bench/jargon.py --lang ru --show misses,false   # list what disagrees
    uv run python bench/jargon.py --corpus corpora/jargon-heldout  # the held-out pairs,
                                                  # writes bench/results/jargon-heldout.json

What is measured, per language (see the README, section "Jargon"):

* Span level. A gold span is an annotated expression (text + occurrence in the file). A J
  finding **matches** a gold span when the two overlap by at least one character
  ("overlap"), and, in the stricter figure, when the overlap covers at least half of the
  shorter of the two ("half"). Precision = J findings that match some gold span / all J
  findings, over the officialese *and* the plain files (every finding in a plain rewrite,
  whose sidecar is empty, is a false alarm). Recall = gold spans matched by some J finding
  / all gold spans.
* Code level. Gold spans that carry a rule "code" (the rule the annotators' expression
  belongs to): the share matched by a finding of exactly that code.
* Plain rewrites: J findings per 200 words (all plain files together, and the worst file).
* Ranking: the share of pairs where score(plain) > score(officialese), for the document
  score and for the jargon sub-score.
* Fitted replacements (Russian): the share of findings with a suggestion whose first
  suggestion, put in place, leaves a grammatical sentence (``grammar_check``), and how
  sensitive that check is: the share of deliberately mis-inflected variants it rejects.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "jargon"
RESULTS = ROOT / "bench" / "results"
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass
class Gold:
    start: int
    end: int
    type: str
    text: str
    code: str | None = None


@dataclass
class FileResult:
    name: str
    kind: str  # "official" or "plain"
    text: str
    gold: list[Gold]
    findings: list  # anyq.Finding, J only
    score: float | None
    jargon: float | None
    words: int
    all_findings: list = field(default_factory=list)


def gold_spans(text: str, ann: dict) -> list[Gold]:
    out = []
    for x in ann.get("findings", []):
        t, occ = x["text"], int(x.get("occurrence", 1))
        starts = [m.start() for m in re.finditer(re.escape(t), text)]
        if len(starts) < occ:
            raise ValueError(f"annotation {t!r} (occurrence {occ}) not in the text")
        a = starts[occ - 1]
        out.append(Gold(a, a + len(t), x.get("type", ""), t, x.get("code")))
    return out


def pairs(lang: str, corpus: Path = CORPUS) -> list[tuple[str, Path, Path]]:
    d = corpus / lang
    out = []
    for off in sorted(d.glob("*.official.txt")):
        stem = off.name[: -len(".official.txt")]
        plain = d / f"{stem}.plain.txt"
        if plain.exists():
            out.append((stem, off, plain))
    return out


def run_file(path: Path, lang: str, kind: str) -> FileResult:
    import anyq

    text = path.read_text(encoding="utf-8")
    ann_path = path.with_name(path.name[: -len(".txt")] + ".ann.json")
    ann = json.loads(ann_path.read_text(encoding="utf-8")) if ann_path.exists() else {"findings": []}
    report = anyq.check(text, path=str(path))
    js = [f for f in report.findings if f.category == "jargon"]
    words = len(_WORD.findall(text))
    return FileResult(path.name, kind, text, gold_spans(text, ann), js, report.score, report.scores.get("jargon"), words, report.findings)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def matches(f, g: Gold, strict: bool) -> bool:
    o = _overlap(f.start, f.end, g.start, g.end)
    if not strict:
        return o > 0
    return o * 2 >= min(f.end - f.start, g.end - g.start)


def evaluate(lang: str, corpus: Path = CORPUS, grammar: bool = True) -> tuple[dict, list[FileResult]]:
    files: list[FileResult] = []
    ranking = []
    for stem, off, plain in pairs(lang, corpus):
        fo = run_file(off, lang, "official")
        fp = run_file(plain, lang, "plain")
        files += [fo, fp]
        ranking.append((stem, fo.score, fp.score, fo.jargon, fp.jargon))
    res: dict = {"pairs": len(ranking), "files": len(files)}
    for mode, strict in (("overlap", False), ("half", True)):
        n_find = sum(len(f.findings) for f in files)
        tp = sum(1 for f in files for x in f.findings if any(matches(x, g, strict) for g in f.gold))
        n_gold = sum(len(f.gold) for f in files)
        found = sum(1 for f in files for g in f.gold if any(matches(x, g, strict) for x in f.findings))
        res[mode] = {
            "findings": n_find,
            "true_findings": tp,
            "precision": round(tp / n_find, 4) if n_find else None,
            "gold": n_gold,
            "gold_found": found,
            "recall": round(found / n_gold, 4) if n_gold else None,
        }
    coded = [(f, g) for f in files for g in f.gold if g.code]
    same = sum(1 for f, g in coded if any(x.code == g.code and matches(x, g, False) for x in f.findings))
    # findings that overlap a coded gold span: is their code the annotated one?
    fx = [(x, g) for f in files for x in f.findings for g in f.gold if g.code and matches(x, g, False)]
    res["codes"] = {
        "gold_with_code": len(coded),
        "gold_share_with_code": round(len(coded) / max(1, sum(len(f.gold) for f in files)), 4),
        "gold_found_by_its_code": same,
        "code_recall": round(same / len(coded), 4) if coded else None,
        "finding_code_agreement": round(sum(1 for x, g in fx if x.code == g.code) / len(fx), 4) if fx else None,
    }
    plain = [f for f in files if f.kind == "plain"]
    pw = sum(f.words for f in plain)
    pj = sum(len(f.findings) for f in plain)
    worst = max(plain, key=lambda f: len(f.findings) / max(f.words, 1)) if plain else None
    res["plain"] = {
        "words": pw,
        "jargon_findings": pj,
        "per_200_words": round(200 * pj / pw, 3) if pw else None,
        "files_over_1_per_200": sum(1 for f in plain if len(f.findings) * 200 > max(f.words, 1) and len(f.findings) > 1),
        "worst_file": (worst.name, len(worst.findings), worst.words) if worst else None,
    }
    ok = [r for r in ranking if r[1] is not None and r[2] is not None and r[2] > r[1]]
    okj = [r for r in ranking if r[3] is not None and r[4] is not None and r[4] > r[3]]
    res["ranking"] = {
        "score_plain_above": f"{len(ok)}/{len(ranking)}",
        "share": round(len(ok) / len(ranking), 4) if ranking else None,
        "jargon_plain_above": f"{len(okj)}/{len(ranking)}",
        "jargon_share": round(len(okj) / len(ranking), 4) if ranking else None,
        "mean_score_official": round(sum(r[1] for r in ranking) / len(ranking), 1) if ranking else None,
        "mean_score_plain": round(sum(r[2] for r in ranking) / len(ranking), 1) if ranking else None,
        "not_above": [r[0] for r in ranking if r not in ok],
    }
    by_code: dict[str, list[int]] = {}
    for f in files:
        for x in f.findings:
            t = by_code.setdefault(x.code, [0, 0])
            t[0] += 1
            t[1] += any(matches(x, g, False) for g in f.gold)
    res["by_code"] = {c: {"findings": n, "true": t} for c, (n, t) in sorted(by_code.items())}
    if grammar and lang == "ru":
        res["replacements"] = grammar_figures(files)
    return res, files


def grammar_figures(files: list[FileResult]) -> dict:
    from grammar_check import check_fix

    total = ok = 0
    bad: list[tuple[str, str, str]] = []
    for f in files:
        for x in f.findings:
            if not x.suggestions:
                continue
            total += 1
            verdict = check_fix(f.text, x.start, x.end, x.suggestions[0])
            if verdict.ok:
                ok += 1
            else:
                bad.append((x.code, x.text, x.suggestions[0], verdict.reason))
    n_find = sum(len(f.findings) for f in files)
    return {
        "findings": n_find,
        "with_replacement": total,
        "grammatical": ok,
        "share": round(ok / total, 4) if total else None,
        "not_grammatical": bad,
        "check_sensitivity": sensitivity(files),
    }


def sensitivity(files: list[FileResult]) -> dict:
    """How often the check rejects a deliberately mis-inflected replacement.

    Each first suggestion whose words pymorphy3 reads as inflected forms is put back into
    the dictionary form of every such word («контролировал вывоз» → «контролировать вывоз»,
    «по правилам» → «по правило»); the share of these variants the check rejects shows
    that it looks at agreement at all. Some variants are still grammatical («проверить
    довод» for «проверить доводы»), so the share cannot reach 1.
    """
    from grammar_check import _parses, check_fix

    tried = rejected = 0
    for f in files:
        for x in f.findings:
            if not x.suggestions:
                continue
            words, changed = [], False
            for w in x.suggestions[0].split(" "):
                ps = _parses(w)
                if ps and ps[0].tag.POS in ("VERB", "NOUN", "ADJF", "PRTF", "NPRO") and ps[0].normal_form != w.lower():
                    nf = ps[0].normal_form
                    words.append(nf[:1].upper() + nf[1:] if w[:1].isupper() else nf)
                    changed = True
                else:
                    words.append(w)
            if changed:
                tried += 1
                rejected += not check_fix(f.text, x.start, x.end, " ".join(words)).ok
    return {"variants": tried, "rejected": rejected, "share": round(rejected / tried, 4) if tried else None}


def show(files: list[FileResult], what: set[str]) -> None:
    for f in files:
        if "misses" in what:
            for g in f.gold:
                if not any(matches(x, g, False) for x in f.findings):
                    print(f"MISS  {f.name}: [{g.type}] {g.text!r}")
        if "false" in what:
            for x in f.findings:
                if not any(matches(x, g, False) for g in f.gold):
                    ctx = f.text[max(0, x.start - 30) : x.end + 30].replace("\n", " ")
                    print(f"FALSE {f.name}: {x.code} {x.text!r}   …{ctx}…")
        if "codes" in what:
            for g in f.gold:
                if g.code and not any(x.code == g.code and matches(x, g, False) for x in f.findings):
                    got = [x.code for x in f.findings if matches(x, g, False)]
                    print(f"CODE  {f.name}: {g.text!r} gold {g.code} got {got}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", choices=["ru", "kk"], action="append")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="corpora/jargon (default) or corpora/jargon-heldout")
    ap.add_argument("--show", default="", help="comma-separated: misses, false, codes")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    out = {}
    for lang in args.lang or ["ru", "kk"]:
        res, files = evaluate(lang, args.corpus)
        out[lang] = res
        if args.show:
            show(files, set(args.show.split(",")))
        summary = {k: v for k, v in res.items() if k not in ("by_code",)}
        if "replacements" in summary:
            summary["replacements"] = {k: v for k, v in res["replacements"].items() if k != "not_grammatical"}
        print(lang, json.dumps(summary, ensure_ascii=False, indent=1))
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        # the held-out corpus (written after the rules, never used to tune them) gets its own file
        name = "jargon.json" if args.corpus.resolve() == CORPUS.resolve() else f"{args.corpus.name}.json"
        (RESULTS / name).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
