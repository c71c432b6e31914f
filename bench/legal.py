"""Benchmark of legal references and reply completeness on corpora/legal.

    uv run python bench/legal.py            # everything, writes bench/results/legal.json
    uv run python bench/legal.py --quick    # accuracy only (no timing)

Measures, against the team's annotations (corpora/legal/README.md):
- citations: found (the parser's span overlaps the annotated one) and found with every part
  right (act type, short name, title, date, number, article, part, point, subpoint, repealed);
- evasive vs substantive: precision and recall of the «отписка» finding (L120) per language;
- completeness: agreement of the detected parts with the annotated `has` flags;
- document kind on all texts, and that no completeness or evasiveness finding (L110–L122)
  appears on corpora/legal/other;
- with the appeal: the reply-language warning (L130) and the appeal's unanswered questions
  (L131) against `unanswered_questions`;
- speed of the legal rules on the corpus (warm, one process).
"""

from __future__ import annotations

import argparse
import json
import platform
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEGAL = ROOT / "corpora" / "legal"
RESULTS = ROOT / "bench" / "results"
FIELDS = ("act_type", "act_short", "act_title", "date", "number", "article", "part", "point", "subpoint", "repealed")
REPLY_CODES = ("L110", "L111", "L112", "L113", "L114", "L120", "L121", "L122")


def items(base: Path = LEGAL) -> list[dict]:
    """Every annotated text of a set: id, group (ru, kk, other), path, meta, its appeal (if any)."""
    out = []
    prefix = "" if base == LEGAL else base.name + "/"
    for lang in ("ru", "kk"):
        for meta_path in sorted((base / lang).glob("*.json")):
            stem = meta_path.name[: -len(".json")]
            appeal = base / lang / f"{stem}.appeal.txt"
            out.append({"id": f"{prefix}{lang}/{stem}", "group": lang, "path": base / lang / f"{stem}.reply.txt", "meta": json.loads(meta_path.read_text(encoding="utf-8")), "appeal": appeal if appeal.exists() else None})
    for meta_path in sorted((base / "other").glob("*.json")):
        stem = meta_path.name[: -len(".json")]
        out.append({"id": f"{prefix}other/{stem}", "group": "other", "path": base / "other" / f"{stem}.txt", "meta": json.loads(meta_path.read_text(encoding="utf-8")), "appeal": None})
    return out


def run(item: dict, with_appeal: bool = True):
    import anyq

    settings = anyq.Settings(appeal=str(item["appeal"]) if with_appeal and item["appeal"] else None)
    return anyq.check_file(str(item["path"]), settings)


def _norm(field: str, value):
    if field == "act_title":
        from anyq.legal.acts import normalise_title

        return normalise_title(value) or None
    return value


def citations(reports: dict, data: list[dict]) -> dict:
    total = found = right = spans = 0
    per_field = dict.fromkeys(FIELDS, 0)
    by_lang: dict[str, list[int]] = {}
    wrong, missed, extra = [], [], []
    for it in data:
        text = it["path"].read_text(encoding="utf-8")
        got = reports[it["id"]].extra.get("citations", [])
        used = set()
        lang = it["group"]
        for g in it["meta"]["citations"]:
            start = -1
            for _ in range(g["occurrence"]):
                start = text.find(g["text"], start + 1)
            end = start + len(g["text"])
            total += 1
            by_lang.setdefault(lang, [0, 0, 0])[0] += 1
            cand = [i for i, c in enumerate(got) if c["start"] < end and start < c["end"] and i not in used]
            if not cand:
                missed.append(f"{it['id']}: {g['text']}")
                continue
            i = cand[0]
            used.add(i)
            c = got[i]
            found += 1
            by_lang[lang][1] += 1
            spans += c["text"] == g["text"]
            bad = []
            for f in FIELDS:
                if _norm(f, c.get(f)) == _norm(f, g[f]):
                    per_field[f] += 1
                else:
                    bad.append(f"{f}: {g[f]!r} → {c.get(f)!r}")
            if bad:
                wrong.append(f"{it['id']}: {g['text']} — " + "; ".join(bad))
            else:
                right += 1
                by_lang[lang][2] += 1
        for i, c in enumerate(got):
            if i not in used:
                extra.append(f"{it['id']}: {c['text']}")
    return {
        "annotated": total,
        "found": found,
        "found_rate": round(found / total, 4),
        "all_parts_right": right,
        "all_parts_right_rate": round(right / total, 4),
        "exact_span": spans,
        "by_language": {l: {"annotated": a, "found": f, "all_parts_right": r} for l, (a, f, r) in by_lang.items()},
        "per_field_right": {f: round(n / max(found, 1), 4) for f, n in per_field.items()},
        "not_annotated_found": len(extra),
        "wrong": wrong,
        "missed": missed,
        "extra": extra,
    }


def evasion(reports: dict, data: list[dict]) -> dict:
    out = {}
    for lang in ("ru", "kk"):
        tp = fp = fn = tn = 0
        errors = []
        for it in data:
            if it["group"] != lang:
                continue
            gold = it["meta"]["label"] == "evasive"
            r = reports[it["id"]]
            pred = any(f.code == "L120" for f in r.findings)
            tp += gold and pred
            fp += pred and not gold
            fn += gold and not pred
            tn += not gold and not pred
            if gold != pred:
                rep = r.extra.get("reply", {})
                errors.append(f"{it['id']}: gold {it['meta']['label']}, evasiveness {rep.get('evasiveness')}, signals {[s['name'] for s in rep.get('signals', [])]}, has {rep.get('has')}")
        p = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        out[lang] = {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": round(p, 4), "recall": round(rc, 4), "errors": errors}
    return out


def completeness(reports: dict, data: list[dict]) -> dict:
    keys = ("decision", "reasons", "next_step", "appeal_route", "contact")
    agree = dict.fromkeys(keys, 0)
    n = 0
    errors = []
    for it in data:
        if it["group"] == "other":
            continue
        has = reports[it["id"]].extra.get("reply", {}).get("has", {})
        n += 1
        for k in keys:
            if has.get(k) == it["meta"]["has"][k]:
                agree[k] += 1
            else:
                errors.append(f"{it['id']}: {k} gold {it['meta']['has'][k]} got {has.get(k)}")
    return {"replies": n, "agreement": {k: round(v / n, 4) for k, v in agree.items()}, "errors": errors}


def kinds(reports: dict, data: list[dict]) -> dict:
    right = 0
    errors = []
    for it in data:
        got = reports[it["id"]].extra.get("kind")
        if got == it["meta"]["kind"]:
            right += 1
        else:
            errors.append(f"{it['id']}: gold {it['meta']['kind']} got {got}")
    other_findings = [
        f"{it['id']}: {f.code} {f.text[:40]}"
        for it in data
        if it["group"] == "other"
        for f in reports[it["id"]].findings
        if f.code in REPLY_CODES
    ]
    return {"texts": len(data), "right": right, "accuracy": round(right / len(data), 4), "errors": errors, "reply_findings_on_other": other_findings}


def appeals(reports: dict, data: list[dict]) -> dict:
    lang_tp = lang_fp = lang_fn = 0
    q_tp = q_fp = q_fn = 0
    untouched_tp = untouched_fp = 0
    errors = []
    n = 0
    for it in data:
        if it["appeal"] is None:
            continue
        n += 1
        r = reports[it["id"]]
        meta = it["meta"]
        violation = meta["language"] == "ru" and meta["appeal_language"] == "kk" or (meta["language"] not in ("kk", meta["appeal_language"]))
        warned = any(f.code == "L130" for f in r.findings)
        lang_tp += violation and warned
        lang_fp += warned and not violation
        lang_fn += violation and not warned
        gold = set(meta["unanswered_questions"])
        qs = r.extra.get("appeal", {}).get("questions", [])
        for q in qs:
            flagged = q["status"] in ("untouched", "not_answered")
            is_gold = q["text"] in gold or any(g in q["text"] or q["text"] in g for g in gold)
            q_tp += flagged and is_gold
            q_fp += flagged and not is_gold
            q_fn += is_gold and not flagged
            if q["status"] == "untouched":
                untouched_tp += is_gold
                untouched_fp += not is_gold
            if flagged != is_gold:
                errors.append(f"{it['id']}: «{q['text']}» status {q['status']} ({q['missing']}), gold {'unanswered' if is_gold else 'answered'}, matched {q['matched']}")
        for g in gold:
            if not any(g in q["text"] or q["text"] in g for q in qs):
                q_fn += 1
                errors.append(f"{it['id']}: question not extracted: «{g}»")
    return {
        "replies_with_appeal": n,
        "language_warning": {"tp": lang_tp, "fp": lang_fp, "fn": lang_fn},
        "unanswered_questions": {
            "tp": q_tp, "fp": q_fp, "fn": q_fn,
            "precision": round(q_tp / (q_tp + q_fp), 4) if q_tp + q_fp else None,
            "recall": round(q_tp / (q_tp + q_fn), 4) if q_tp + q_fn else None,
            "untouched_precision": round(untouched_tp / (untouched_tp + untouched_fp), 4) if untouched_tp + untouched_fp else None,
        },
        "errors": errors,
    }


def evaluate(base: Path = LEGAL) -> dict:
    data = items(base)
    reports = {it["id"]: run(it) for it in data}
    return {
        "citations": citations(reports, data),
        "evasion": evasion(reports, data),
        "completeness": completeness(reports, data),
        "kinds": kinds(reports, data),
        "appeals": appeals(reports, data),
    }


def scores_and_pairs() -> dict:
    """Mean scores of evasive vs substantive replies; and, on corpora/jargon (officialese
    originals and plain rewrites written for the jargon rules, not labelled for evasion), how
    often L120 fires and whether each rewrite still scores above its original."""
    import statistics

    import anyq

    out: dict = {"legal_mean_score": {}, "jargon_pairs": {}}
    for lang in ("ru", "kk"):
        by: dict[str, list[float]] = {"evasive": [], "substantive": []}
        ev: dict[str, list[float]] = {"evasive": [], "substantive": []}
        for it in items():
            if it["group"] != lang:
                continue
            r = anyq.check_file(str(it["path"]))
            by[it["meta"]["label"]].append(r.score)
            ev[it["meta"]["label"]].append(r.scores.get("evasiveness", 100.0))
        out["legal_mean_score"][lang] = {k: {"score": round(statistics.mean(v), 1), "evasiveness": round(statistics.mean(ev[k]), 1)} for k, v in by.items()}
    jargon = ROOT / "corpora" / "jargon"
    for lang in ("ru", "kk"):
        pairs = sorted((jargon / lang).glob("*.official.txt"))
        if not pairs:
            continue
        plain_s, off_s, wins, l120_plain, l120_off = [], [], 0, 0, 0
        for off in pairs:
            plain = off.with_name(off.name.replace(".official.", ".plain."))
            a, b = anyq.check_file(str(off)), anyq.check_file(str(plain))
            off_s.append(a.score)
            plain_s.append(b.score)
            wins += b.score > a.score
            l120_off += any(f.code == "L120" for f in a.findings)
            l120_plain += any(f.code == "L120" for f in b.findings)
        out["jargon_pairs"][lang] = {
            "pairs": len(pairs), "plain_scores_higher": wins, "mean_plain": round(statistics.mean(plain_s), 1),
            "mean_official": round(statistics.mean(off_s), 1), "L120_on_plain": l120_plain, "L120_on_official": l120_off,
        }
    return out


def speed(repeat: int = 5) -> dict:
    """Warm timings, best of ``repeat``: the legal Python rules alone on annotated documents
    (citations, layout, kind, completeness, evasiveness), and the whole check with and without
    the L rules (a difference of two timings, noisier on a shared machine)."""
    import anyq
    import anyq.checks.legal  # noqa: F401  (registers the rules)
    from anyq.api import linter_for
    from anyq.engine.loader import load_rules
    from anyq.engine.registry import DOCUMENT_RULES, DocumentContext
    from anyq.engine.runner import Linter
    from anyq.langid import assign_languages
    from anyq.readers import read_path
    from anyq.text.paragraphs import split_paragraphs

    data = items()
    sources = [read_path(str(it["path"])) for it in data]
    words = sum(anyq.check_file(str(it["path"])).stats.get("words", 0) for it in data)
    prepared = []
    for src in sources:
        paragraphs = split_paragraphs(src)
        for p, lang in zip(paragraphs, assign_languages([p.text for p in paragraphs], None)):
            p.lang = lang
        prepared.append((src, paragraphs, Linter._annotate(paragraphs)))
    rules = [r for r in load_rules() if r.code.startswith("L") and r.kind == "python"]
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        for src, paragraphs, docs in prepared:
            ctx = DocumentContext(src, paragraphs, docs, None)
            for r in rules:
                list(DOCUMENT_RULES[r.code](ctx, r))
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    out: dict = {"texts": len(sources), "words": words,
                 "legal python rules": {"ms_per_text": round(best * 1000 / len(sources), 2), "words_per_second": round(words / best)}}
    for name, settings in (("whole check, all rules", anyq.Settings()), ("whole check, all but L", anyq.Settings(ignore=["L"]))):
        linter = linter_for(settings)
        for src in sources[:5]:
            linter.check(src)
        best = None
        for _ in range(max(2, repeat // 2)):
            t = time.perf_counter()
            for src in sources:
                linter.check(src)
            dt = time.perf_counter() - t
            best = dt if best is None else min(best, dt)
        out[name] = {"seconds": round(best, 3), "words_per_second": round(words / best)}
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="accuracy only")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every error")
    args = ap.parse_args()
    res = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()}}
    res.update(evaluate())
    res["heldout"] = evaluate(LEGAL / "heldout")
    if not args.quick:
        res["scores"] = scores_and_pairs()
        res["speed"] = speed()
    report(res, args.verbose)
    print("\nheld-out set (corpora/legal/heldout, written after the rules were tuned on the main set):")
    report(res["heldout"], args.verbose)
    if not args.quick:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "legal.json").write_text(json.dumps(res, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


def report(res: dict, verbose: bool) -> None:
    c, e, k, a = res["citations"], res["evasion"], res["kinds"], res["appeals"]
    print(f"citations: {c['found']}/{c['annotated']} found ({c['found_rate']:.1%}), {c['all_parts_right']} with every part right ({c['all_parts_right_rate']:.1%}); exact spans {c['exact_span']}; {c['not_annotated_found']} not annotated")
    for lang, m in e.items():
        print(f"evasive vs substantive, {lang}: precision {m['precision']:.3f}, recall {m['recall']:.3f} (tp {m['tp']} fp {m['fp']} fn {m['fn']} tn {m['tn']})")
    print("completeness agreement:", res["completeness"]["agreement"])
    print(f"kind: {k['right']}/{k['texts']}; completeness/evasiveness findings on other/: {len(k['reply_findings_on_other'])}")
    print(f"appeals: language warning {a['language_warning']}, unanswered questions {a['unanswered_questions']}")
    if "scores" in res:
        print("scores:", res["scores"])
    if "speed" in res:
        print("speed:", res["speed"])
    if verbose:
        for key in ("wrong", "missed", "extra"):
            for x in c[key]:
                print(f"  citation {key}: {x}")
        for lang, m in e.items():
            for x in m["errors"]:
                print(f"  evasion {lang}: {x}")
        for x in res["completeness"]["errors"]:
            print(f"  has: {x}")
        for x in k["errors"] + k["reply_findings_on_other"]:
            print(f"  kind: {x}")
        for x in a["errors"]:
            print(f"  appeal: {x}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
