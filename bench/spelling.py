#!/usr/bin/env python3
"""Spelling and text-hygiene benchmark → bench/results/spelling.json.

    uv run python bench/spelling.py            # everything
    uv run python bench/spelling.py --no-timing

1. False alarms: S findings on the proofread correct corpus (corpora/spelling/{ru,kk}), as a
   share of its words (runs of letters). Targets: ≤ 1 % ru, ≤ 2 % kk.
2. Planted errors: ≥ 200 per language, made reproducibly (fixed seed) from the correct corpus:
   keyboard-neighbour typos, dropped, swapped and inserted letters, Latin look-alikes, and for
   Kazakh letters lost as «?» and typed as their Russian look-alikes. A plant that makes
   another valid word — known to stock hunspell, to pymorphy3 (ru), or seen anywhere in our
   corpora — is discarded: a real-word error is out of a speller's reach. Our own morphology
   is *not* the judge, so a plant it wrongly accepts counts as a miss. Targets: found (any S or
   T finding on the word) ≥ 90 %; the right word among the top 3 suggestions ≥ 80 %.
   The same false-alarm count on the held-out correct set (corpora/spelling-heldout/kk), written
   after the design of the last speller fix and never used to tune it.
3. Damaged-text test set (corpora/hygiene/cases.jsonl): every case found, and the fixed text
   equal to the expected one.
4. Time: the whole pipeline on the same texts with and without the S rules (warm process,
   spelling caches emptied before each pass; the fastest of 7 alternating passes each way).
   Target: spelling adds ≤ 50 %.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import anyq  # noqa: E402
from anyq.spell import keyboard  # noqa: E402

SEED = 20261122
CORPUS = ROOT / "corpora" / "spelling"
# correct Kazakh replies written after the design of a speller fix and kept out of its tuning
HELDOUT = ROOT / "corpora" / "spelling-heldout"
CASES = ROOT / "corpora" / "hygiene" / "cases.jsonl"
RESULTS = ROOT / "bench" / "results" / "spelling.json"
WORD = re.compile(r"[^\W\d_]+")
LOWER_WORD = {
    "ru": re.compile(r"(?<![\w\-‐.@/])[а-яё]{4,}(?![\w\-‐@/])"),
    "kk": re.compile(r"(?<![\w\-‐.@/])[а-яёәғқңөұүһі]{4,}(?![\w\-‐@/])"),
}
KAZAKH_SPECIFIC = "әғқңөұүһ"  # і survives a Windows-1251 round trip
LATIN_LOOKALIKE = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i"}
KINDS = {
    "ru": ["typo", "drop", "swap", "insert", "latin"],
    "kk": ["typo", "drop", "swap", "insert", "latin", "lost-?", "russian-letters"],
}
PER_KIND = {"ru": 50, "kk": 40}


def corpus_files(lang: str, root: Path = CORPUS) -> list[Path]:
    return sorted((root / lang).glob("*.txt"))


def count_words(text: str) -> int:
    return len(WORD.findall(text))


# --- judges of "another valid word" -------------------------------------------------------------


def _vocabulary() -> set[str]:
    vocab: set[str] = set()
    for path in (ROOT / "corpora").rglob("*"):
        if "hygiene" in path.parts:
            continue  # damaged text on purpose
        if path.is_file() and path.suffix in (".txt", ".md", ".jsonl", ".tsv"):
            vocab.update(w.lower() for w in WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return vocab


class Judge:
    """Is a planted form another valid word? Stock hunspell, pymorphy3, our corpora — not our speller."""

    def __init__(self) -> None:
        from anyq.nlp.morph_ru import morphology
        from anyq.spell.dictionary import hunspell

        self.h = {lang: hunspell(lang) for lang in ("ru", "kk")}
        self.morph = morphology()
        self.vocab = _vocabulary()

    def valid(self, word: str, lang: str) -> bool:
        w = word.lower()
        if w in self.vocab or self.h[lang].spell(w) or self.h[lang].spell(w[:1].upper() + w[1:]):
            return True
        return lang == "ru" and self.morph.is_known(w)


# --- planting ---------------------------------------------------------------------------------


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "«":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "»" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i))
    return spans


def plant(word: str, kind: str, lang: str, rng: random.Random) -> str | None:
    letters = keyboard.neighbours(lang)
    n = len(word)
    if kind == "typo":
        i = rng.randrange(n)
        near = sorted(c for c in letters.get(word[i], ()) if c.isalpha())
        return word[:i] + rng.choice(near) + word[i + 1 :] if near else None
    if kind == "drop":
        i = rng.randrange(n)
        return word[:i] + word[i + 1 :]
    if kind == "swap":
        options = [i for i in range(n - 1) if word[i] != word[i + 1]]
        if not options:
            return None
        i = rng.choice(options)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "insert":
        i = rng.randrange(n)
        if rng.random() < 0.5:
            ch = word[i]  # a key pressed twice
        else:
            near = sorted(c for c in letters.get(word[i], ()) if c.isalpha())
            if not near:
                return None
            ch = rng.choice(near)  # the finger brushed the next key
        return word[: i + 1] + ch + word[i + 1 :]
    if kind == "latin":
        if lang == "kk" and "і" in word:
            return word.replace("і", "i")  # the real-world case: every і typed as Latin i
        options = [i for i, ch in enumerate(word) if ch in LATIN_LOOKALIKE]
        if not options:
            return None
        i = rng.choice(options)
        return word[:i] + LATIN_LOOKALIKE[word[i]] + word[i + 1 :]
    if kind == "lost-?":
        if not any(ch in KAZAKH_SPECIFIC for ch in word):
            return None
        return "".join("?" if ch in KAZAKH_SPECIFIC else ch for ch in word)
    if kind == "russian-letters":
        if not any(ch in KAZAKH_SPECIFIC for ch in word):
            return None
        return "".join(keyboard.KAZAKH_BASE[ch] if ch in KAZAKH_SPECIFIC else ch for ch in word)
    raise ValueError(kind)


def make_plants(lang: str, judge: Judge, per_kind: int | None = None) -> tuple[dict[Path, str], list[dict], dict]:
    """Planted copies of the corpus files, the plants (offsets in the copies), and how many
    candidate plants were discarded as valid words."""
    rng = random.Random(f"{SEED}-{lang}")
    slots: list[tuple[Path, int, int, str]] = []
    texts = {p: p.read_text(encoding="utf-8") for p in corpus_files(lang)}
    for path, text in texts.items():
        quoted = _quoted_spans(text)
        for m in LOWER_WORD[lang].finditer(text):
            if not any(a <= m.start() <= b for a, b in quoted):
                slots.append((path, m.start(), m.end(), m.group()))
    rng.shuffle(slots)
    want = {k: per_kind or PER_KIND[lang] for k in KINDS[lang]}
    chosen: dict[Path, list[tuple[int, int, str, str, str]]] = defaultdict(list)
    discarded = Counter()
    for path, s, e, word in slots:
        if not any(want.values()):
            break
        if any(abs(s - s2) < 60 for s2, *_ in chosen[path]):
            continue  # one plant per stretch of text, so findings cannot blur
        for kind in sorted(want, key=lambda k: (-want[k], k)):
            if not want[kind]:
                continue
            damaged = plant(word, kind, lang, rng)
            if damaged is None or damaged == word:
                continue
            if kind not in ("latin", "lost-?") and judge.valid(damaged, lang):
                discarded[kind] += 1
                continue
            chosen[path].append((s, e, word, damaged, kind))
            want[kind] -= 1
            break
    planted_texts: dict[Path, str] = {}
    plants: list[dict] = []
    for path, text in texts.items():
        parts, pos, shift = [], 0, 0
        for s, e, word, damaged, kind in sorted(chosen.get(path, [])):
            parts.append(text[pos:s])
            parts.append(damaged)
            plants.append({"file": path.name, "start": s + shift, "end": s + shift + len(damaged), "orig_start": s,
                           "word": word, "damaged": damaged, "kind": kind})
            shift += len(damaged) - len(word)
            pos = e
        parts.append(text[pos:])
        planted_texts[path] = "".join(parts)
    return planted_texts, plants, dict(discarded)


def evaluate_plants(lang: str, judge: Judge, per_kind: int | None = None) -> dict:
    planted_texts, plants, discarded = make_plants(lang, judge, per_kind)
    by_file: dict[str, list[dict]] = defaultdict(list)
    for p in plants:
        by_file[p["file"]].append(p)
    results = []
    for path, text in planted_texts.items():
        report = anyq.check(text, lang=lang)
        original = path.read_text(encoding="utf-8")
        for p in by_file.get(path.name, []):
            # offsets of the original text for this plant's finding: shift back by earlier plants
            shift = p["start"] - p["orig_start"]
            found = [f for f in report.findings if f.code[0] in "ST" and f.start < p["end"] and p["start"] < f.end]
            right = False
            top1 = False
            fixed = False
            for f in found:
                if f.start > p["start"] or f.end < p["end"]:
                    continue
                delta = len(p["word"]) - len(p["damaged"])
                want = original[f.start - shift : f.end - shift + delta]
                if want in f.suggestions[:3]:
                    right = True
                if f.suggestions[:1] == [want]:
                    top1 = True
                if f.fix == want:
                    fixed = True
            results.append({**p, "found": bool(found), "top3": right, "top1": top1, "fix": fixed,
                            "codes": sorted({f.code for f in found}),
                            "suggestions": [s for f in found for s in f.suggestions[:3]]})
    by_kind: dict[str, dict] = {}
    for kind in KINDS[lang]:
        rs = [r for r in results if r["kind"] == kind]
        by_kind[kind] = {"plants": len(rs), "found": sum(r["found"] for r in rs), "top3": sum(r["top3"] for r in rs)}
    n = len(results)
    found = sum(r["found"] for r in results)
    top3 = sum(r["top3"] for r in results)
    fixes = [r for r in results if r["fix"]]
    # a fix --fix-spelling would apply is right by construction of `fix` above; count wrong fixes too
    return {
        "plants": n,
        "recall": round(found / n, 4),
        "top3": round(top3 / n, 4),
        "top1": round(sum(r["top1"] for r in results) / n, 4),
        "safe_fixes_right": len(fixes),
        "by_kind": by_kind,
        "discarded_as_valid_words": discarded,
        "missed": [{"word": r["word"], "damaged": r["damaged"], "kind": r["kind"]} for r in results if not r["found"]],
        "not_in_top3": [{"word": r["word"], "damaged": r["damaged"], "kind": r["kind"], "suggestions": r["suggestions"]}
                         for r in results if r["found"] and not r["top3"]],
    }


def wrong_safe_fixes(lang: str, judge: Judge) -> dict:
    """Of the spelling fixes --fix-spelling would apply on the planted text, how many are wrong."""
    planted_texts, plants, _ = make_plants(lang, judge)
    right = wrong = 0
    examples = []
    by_file = defaultdict(list)
    for p in plants:
        by_file[p["file"]].append(p)
    for path, text in planted_texts.items():
        report = anyq.check(text, lang=lang)
        original = path.read_text(encoding="utf-8")
        for f in report.findings:
            if f.fix is None or f.code != "S101":
                continue
            p = next((p for p in by_file[path.name] if p["start"] == f.start and p["end"] == f.end), None)
            if p is None:
                wrong += 1  # a fix on a correct word
                examples.append({"text": f.text, "fix": f.fix, "planted": False})
                continue
            want = original[p["orig_start"] : p["orig_start"] + len(p["word"])]
            if f.fix == want:
                right += 1
            else:
                wrong += 1
                examples.append({"text": f.text, "fix": f.fix, "want": want})
    return {"right": right, "wrong": wrong, "wrong_examples": examples[:20]}


# --- false alarms ---------------------------------------------------------------------------------


def false_alarms(lang: str, root: Path = CORPUS) -> dict:
    words = flagged = 0
    other = Counter()
    listed = []
    halves = {"01-11": [0, 0], "12-22": [0, 0]}
    for path in corpus_files(lang, root):
        text = path.read_text(encoding="utf-8")
        report = anyq.check(text, lang=lang)
        n = count_words(text)
        s = [f for f in report.findings if f.code.startswith("S")]
        words += n
        flagged += len(s)
        half = "01-11" if int(path.name[:2]) <= 11 else "12-22"
        halves[half][0] += n
        halves[half][1] += len(s)
        listed += [{"file": path.name, "word": f.text, "suggestions": f.suggestions} for f in s]
        for f in report.findings:
            if f.code.startswith("T"):
                other[f.code] += 1
    return {
        "words": words,
        "flagged": flagged,
        "rate": round(flagged / words, 5),
        "by_half": {h: {"words": w, "flagged": f, "rate": round(f / w, 5)} for h, (w, f) in halves.items()},
        "flagged_words": listed,
        "typography_findings": dict(other),
    }


def other_corpora_false_alarms(lang: str) -> dict:
    """S findings on the other team corpora (not proofread for spelling; never used to tune)."""
    words = flagged = 0
    examples = Counter()
    dirs = {"kk": ["jargon/kk", "legal/kk", "readability/kk"], "ru": ["legal/ru", "examples"]}[lang]
    for d in dirs:
        for path in sorted((ROOT / "corpora" / d).rglob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            report = anyq.check(text)
            words += report.stats.get("words_by_language", {}).get(lang, 0)
            for f in report.findings:
                if f.code.startswith("S") and f.language == lang:
                    flagged += 1
                    examples[f.text] += 1
    return {"corpora": dirs, "words": words, "flagged": flagged, "rate": round(flagged / max(words, 1), 5),
            "most_flagged": examples.most_common(25)}


# --- damaged-text test set ----------------------------------------------------------------------


def hygiene_cases() -> dict:
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").split("\n") if line.strip()]
    found = repaired = 0
    failures = []
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for c in cases:
        report = anyq.check(c["text"], lang=c.get("lang"))
        hit = any(f.code.startswith("T") for f in report.findings)
        fixed = anyq.fix(c["text"], lang=c.get("lang"))
        ok = fixed == c["fixed"]
        found += hit
        repaired += ok
        k = by_kind[c["kind"]]
        k[0] += 1
        k[1] += hit
        k[2] += ok
        if not (hit and ok):
            failures.append({"id": c["id"], "found": hit, "fixed": fixed, "expected": c["fixed"]})
    return {"cases": len(cases), "found": found, "repaired_exactly": repaired,
            "by_kind": {k: {"cases": v[0], "found": v[1], "repaired": v[2]} for k, v in sorted(by_kind.items())},
            "failures": failures}


# --- time -------------------------------------------------------------------------------------------


def _clear_spelling_caches() -> None:
    from anyq.spell import candidates, dictionary, kazakh_derivation, rank

    for fn in (dictionary.known_ru, dictionary.known_kk, dictionary.known_hunspell, dictionary.is_known,
               candidates.kazakh_restoration, kazakh_derivation.derived_known, kazakh_derivation.known_by_derivation,
               kazakh_derivation.known_by_contraction, rank.rank):
        fn.cache_clear()


def timing(texts_by_lang: dict[str, list[str]], repeats: int = 7) -> dict:
    """Fastest of ``repeats`` passes each way, alternating (the machine is shared: the fastest
    pass is the one least slowed by other jobs); medians are reported too."""
    out = {}
    for lang, texts in texts_by_lang.items():
        words = sum(count_words(t) for t in texts)
        for t in texts:  # warm: models, dictionaries, hunspell loaded
            anyq.check(t, lang=lang)
            anyq.check(t, lang=lang, ignore=["S"])
        runs = {"with": [], "without": []}
        for _ in range(repeats):
            for key, ignore in (("without", ["S"]), ("with", [])):
                _clear_spelling_caches()
                t0 = time.perf_counter()
                for t in texts:
                    anyq.check(t, lang=lang, ignore=ignore)
                runs[key].append(time.perf_counter() - t0)
        w, wo = min(runs["with"]), min(runs["without"])
        mw, mwo = statistics.median(runs["with"]), statistics.median(runs["without"])
        out[lang] = {"words": words, "seconds_with_spelling": round(w, 3), "seconds_without": round(wo, 3),
                     "added": round(w / wo - 1, 4), "words_per_second_with": round(words / w),
                     "median_with": round(mw, 3), "median_without": round(mwo, 3), "added_by_medians": round(mw / mwo - 1, 4)}
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-timing", action="store_true")
    args = ap.parse_args()
    judge = Judge()
    res: dict = {"seed": SEED}
    res["false_alarms"] = {lang: false_alarms(lang) for lang in ("ru", "kk")}
    res["planted"] = {lang: evaluate_plants(lang, judge) for lang in ("ru", "kk")}
    res["spelling_fixes_on_planted"] = {lang: wrong_safe_fixes(lang, judge) for lang in ("ru", "kk")}
    res["other_corpora"] = {lang: other_corpora_false_alarms(lang) for lang in ("ru", "kk")}
    res["heldout_false_alarms"] = {lang: false_alarms(lang, HELDOUT) for lang in ("kk",) if corpus_files(lang, HELDOUT)}
    res["hygiene_cases"] = hygiene_cases()
    if not args.no_timing:
        correct = {lang: [p.read_text(encoding="utf-8") for p in corpus_files(lang)] for lang in ("ru", "kk")}
        planted = {lang: list(make_plants(lang, judge)[0].values()) for lang in ("ru", "kk")}
        res["time_correct_text"] = timing(correct)
        res["time_planted_text"] = timing(planted)
        res["machine"] = "2-core CI machine kind, Python " + sys.version.split()[0]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(res, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for lang in ("ru", "kk"):
        fa, pl = res["false_alarms"][lang], res["planted"][lang]
        print(f"{lang}: false alarms {fa['flagged']}/{fa['words']} = {fa['rate']:.2%}; planted {pl['plants']}: "
              f"recall {pl['recall']:.1%}, top-3 {pl['top3']:.1%}, top-1 {pl['top1']:.1%}")
        for kind, k in pl["by_kind"].items():
            print(f"    {kind:16s} {k['found']:3d}/{k['plants']:3d} found, {k['top3']:3d} right in top 3")
        oc = res["other_corpora"][lang]
        print(f"    other corpora: {oc['flagged']}/{oc['words']} = {oc['rate']:.2%}")
        if lang in res["heldout_false_alarms"]:
            ho = res["heldout_false_alarms"][lang]
            print(f"    held-out correct text: {ho['flagged']}/{ho['words']} = {ho['rate']:.2%}")
        sf = res["spelling_fixes_on_planted"][lang]
        print(f"    --fix-spelling on planted text: {sf['right']} right, {sf['wrong']} wrong")
    h = res["hygiene_cases"]
    print(f"damaged-text cases: {h['found']}/{h['cases']} found, {h['repaired_exactly']}/{h['cases']} repaired exactly")
    for lang in res.get("time_correct_text", {}):
        for key in ("time_correct_text", "time_planted_text"):
            t = res[key][lang]
            print(f"{key} {lang}: {t['seconds_without']} s → {t['seconds_with_spelling']} s (+{t['added']:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
