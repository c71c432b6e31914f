"""Benchmark of issue 6: syllables, the Kazakh level, per-sentence complexity findings, the
score on paired letters, and the cost of the readability pass.

    uv run python bench/readability.py [--pairs DIR ...]

Writes bench/results/readability.json. Pair folders default to corpora/jargon/{ru,kk}
(files NNN_name.official.txt / NNN_name.plain.txt); more can be given with --pairs.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import sys
import time
from collections import Counter
from pathlib import Path

import anyq
from anyq.engine.runner import _count
from anyq.nlp.clauses import sentence_facts
from anyq.nlp.pipeline import get_nlp
from anyq.readability import figures
from anyq.readability.calibration import load_corpus, spearman, split
from anyq.readability.syllables import count, count_kk
from anyq.text.paragraphs import split_paragraphs
from anyq.text.source import SourceDocument

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
# Rules that say "this sentence is too long / too complex".
SENTENCE_RULES = ["C101", "C103", "C104", "C105", "C106", "C107", "C108"]
LONG_RULES = {"C101"}
ALL_SENTENCE_RULES = SENTENCE_RULES + ["C109"]


def syllables() -> dict:
    out = {}
    for lang in ("ru", "kk"):
        with open(CORPORA / "syllables" / f"{lang}.tsv", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        wrong = [(r["word"], int(r["syllables"]), count(r["word"], lang)) for r in rows if count(r["word"], lang) != int(r["syllables"])]
        debatable = [r for r in rows if r["note"].startswith("DEBATABLE")]
        out[lang] = {
            "words": len(rows),
            "exact": len(rows) - len(wrong),
            "accuracy": round((len(rows) - len(wrong)) / len(rows), 4),
            "debatable_rows": len(debatable),
            "debatable_exact": sum(1 for r in debatable if count(r["word"], lang) == int(r["syllables"])),
            "wrong": wrong,
        }
    return out


def kazakh_level() -> dict:
    fit, held = split(load_corpus(CORPORA / "readability" / "kk"))
    out = {}
    for name, part in (("fit", fit), ("held_out", held)):
        levels, pred, asl, lix, asw = [], [], [], [], []
        for t in part:
            fig = anyq.check(t.text, lang="kk", select=["C110"]).stats["readability"]["kk"]
            levels.append(float(t.level))
            pred.append(fig["level"])
            asl.append(fig["words_per_sentence"])
            asw.append(fig["syllables_per_word"])
            lix.append(fig["lix"])
        err = [p - l for p, l in zip(pred, levels)]
        by_level = {}
        for lvl in range(1, 7):
            ps = [p for p, l in zip(pred, levels) if l == lvl]
            by_level[lvl] = round(sum(ps) / len(ps), 2) if ps else None
        out[name] = {
            "texts": len(part),
            "spearman_level": round(spearman(pred, levels), 3),
            "mae": round(sum(abs(e) for e in err) / len(err), 3),
            "rmse": round((sum(e * e for e in err) / len(err)) ** 0.5, 3),
            "within_one_level": round(sum(abs(e) <= 1 for e in err) / len(err), 3),
            "mean_predicted_by_level": by_level,
            "baseline_spearman_words_per_sentence": round(spearman(asl, levels), 3),
            "baseline_spearman_lix": round(spearman(lix, levels), 3),
            "baseline_spearman_syllables_per_word": round(spearman(asw, levels), 3),
        }
    return out


def _normalise(s: str) -> str:
    return " ".join(s.replace(",", " ").split()).lower()


def sentence_findings() -> dict:
    out = {}
    for lang in ("ru", "kk"):
        with open(CORPORA / "complexity" / f"{lang}.jsonl", encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh]
        cells = Counter()
        per_rule = {}
        strict = Counter()
        split_total = split_match = split_offered = 0
        false_alarms = []
        for r in rows:
            rep = anyq.check(r["text"], lang=lang, select=ALL_SENTENCE_RULES)
            codes = {f.code for f in rep.findings}
            core = codes & set(SENTENCE_RULES)
            bad = r["label"] != "ok"
            cells[("flag" if core else "none", "bad" if bad else "ok")] += 1
            if core and not bad:
                false_alarms.append({"id": r["id"], "codes": sorted(core), "text": r["text"]})
            for c in codes:
                d = per_rule.setdefault(c, Counter())
                d[r["label"]] += 1
            # strict: a length finding on a sentence the editor called too long, a structure
            # finding on one the editor called too complex
            if codes & LONG_RULES:
                strict["long_flagged"] += 1
                strict["long_right"] += r["label"] == "too_long"
            if core - LONG_RULES:
                strict["structure_flagged"] += 1
                strict["structure_right"] += r["label"] == "too_complex"
            if r.get("split_at"):
                split_total += 1
                hint = next((f for f in rep.findings if f.code in ("C101", "C105") and "«" in f.message.split(").", 1)[-1]), None)
                if hint is not None:
                    split_offered += 1
                    at = hint.message.rsplit("«", 1)[1].rstrip("».")
                    if _normalise(r["split_at"]).startswith(_normalise(at)[:12]) or _normalise(at).startswith(_normalise(r["split_at"])[:12]):
                        split_match += 1
        tp, fp = cells[("flag", "bad")], cells[("flag", "ok")]
        fn = cells[("none", "bad")]
        out[lang] = {
            "sentences": len(rows),
            "labels": dict(Counter(r["label"] for r in rows)),
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None,
            "flagged": tp + fp,
            "false_alarms": false_alarms,
            "strict_precision_long": round(strict["long_right"] / strict["long_flagged"], 3) if strict["long_flagged"] else None,
            "strict_precision_structure": round(strict["structure_right"] / strict["structure_flagged"], 3) if strict["structure_flagged"] else None,
            "per_rule_labels": {c: dict(v) for c, v in sorted(per_rule.items())},
            "split_points": {"annotated": split_total, "offered": split_offered, "same_place": split_match},
        }
    return out


def pairs(folders: list[Path]) -> dict:
    out = {}
    for folder in folders:
        officials = sorted(folder.glob("*.official.txt"))
        if not officials:
            continue
        rows = []
        for o in officials:
            p = o.with_name(o.name.replace(".official.txt", ".plain.txt"))
            if not p.exists():
                continue
            ro, rp = anyq.check_file(str(o)), anyq.check_file(str(p))
            rows.append(
                {
                    "pair": o.name.replace(".official.txt", ""),
                    "score": (ro.score, rp.score),
                    "complexity": (ro.scores.get("complexity"), rp.scores.get("complexity")),
                    "reading_ease": (ro.stats.get("reading_ease"), rp.stats.get("reading_ease")),
                }
            )
        n = len(rows)
        out[str(folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder)] = {
            "pairs": n,
            "plain_scores_higher": sum(r["score"][1] > r["score"][0] for r in rows),
            "plain_complexity_higher": sum(r["complexity"][1] > r["complexity"][0] for r in rows),
            "plain_reading_ease_higher": sum((r["reading_ease"][1] or 0) > (r["reading_ease"][0] or 0) for r in rows),
            "mean_score": (round(sum(r["score"][0] for r in rows) / n, 1), round(sum(r["score"][1] for r in rows) / n, 1)) if n else None,
            "mean_complexity": (round(sum(r["complexity"][0] for r in rows) / n, 1), round(sum(r["complexity"][1] for r in rows) / n, 1)) if n else None,
            "min_score_gap": round(min(r["score"][1] - r["score"][0] for r in rows), 1) if n else None,
            "not_ranked_right": [r for r in rows if not r["score"][1] > r["score"][0]],
        }
    return out


def cost() -> dict:
    """Time of the readability pass (syllables, counts, figures) against the whole check, on
    the example letters repeated: both warm, one core."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((CORPORA / "examples").glob("*.txt")) if "cp1251" not in p.name]
    text = "\n\n".join(texts * 8)
    anyq.check(text)  # warm up: pipelines, lexicons, caches
    t0 = time.perf_counter()
    report = anyq.check(text)
    whole = time.perf_counter() - t0
    source = SourceDocument(path="<bench>", text=text, format="txt", encoding="utf-8")
    paragraphs = split_paragraphs(source)
    from anyq.langid import assign_languages

    for p, l in zip(paragraphs, assign_languages([p.text for p in paragraphs], None)):
        p.lang = l
    docs = [get_nlp(p.lang)(p.text) if p.lang in ("kk", "ru") else None for p in paragraphs]
    count_kk.cache_clear()  # measure with a cold syllable cache
    t0 = time.perf_counter()
    counts = _count(paragraphs, docs)
    for lang, c in counts.items():
        figures(c, lang)
    readability = time.perf_counter() - t0
    t0 = time.perf_counter()
    for p, doc in zip(paragraphs, docs):
        if doc is not None:
            doc.user_data.pop(("anyq", "sentences"), None)
            sentence_facts(doc, p.lang)
    facts = time.perf_counter() - t0
    words = report.stats["words"]
    return {
        "words": words,
        "whole_check_s": round(whole, 3),
        "whole_check_words_per_s": round(words / whole),
        "readability_pass_s": round(readability, 4),
        "readability_share_of_check": round(readability / whole, 4),
        "sentence_facts_s": round(facts, 4),
        "sentence_facts_share_of_check": round(facts / whole, 4),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", action="append", type=Path, default=[], help="more folders of *.official.txt / *.plain.txt pairs")
    args = ap.parse_args()
    folders = [CORPORA / "jargon" / "ru", CORPORA / "jargon" / "kk", *args.pairs]
    result = {
        "machine": {"python": platform.python_version(), "cpus": __import__("os").cpu_count()},
        "syllables": syllables(),
        "kazakh_level": kazakh_level(),
        "sentence_findings": sentence_findings(),
        "pairs": pairs(folders),
        "cost": cost(),
    }
    out = ROOT / "bench" / "results" / "readability.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    s = result["syllables"]
    print(f"syllables: ru {s['ru']['exact']}/{s['ru']['words']}, kk {s['kk']['exact']}/{s['kk']['words']}")
    k = result["kazakh_level"]["held_out"]
    print(f"kazakh level, held out {k['texts']} texts: Spearman {k['spearman_level']}, MAE {k['mae']}, within one level {k['within_one_level']}")
    for lang, r in result["sentence_findings"].items():
        print(f"sentences {lang}: precision {r['precision']}, recall {r['recall']}, split points {r['split_points']}")
    for name, r in result["pairs"].items():
        print(f"pairs {name}: plain above officialese {r['plain_scores_higher']}/{r['pairs']}, complexity {r['plain_complexity_higher']}/{r['pairs']}, mean score {r['mean_score']}")
    print(f"cost: {result['cost']}")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
