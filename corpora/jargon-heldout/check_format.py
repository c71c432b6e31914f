"""Format check for the held-out jargon corpus (not a jargon check: anyq is never run here).

Every pair has its four files; every `text` occurs in its letter at least `occurrence`
times (case-sensitive); no two annotations cover the same characters; every `type` is from
the README's list for the language; no `code`; plain sidecars are empty; Kazakh letters
hold no Latin letters.
"""
import json
import re
import pathlib
import sys

TYPES = {
    "ru": {"cliche", "formula", "split-predicate", "verbal-noun", "genitive-chain",
           "passive", "hedge", "archaic", "demonstrative", "empty-intensifier"},
    "kk": {"cliche", "formula", "calque", "split-predicate", "passive", "nominal-chain",
           "participle-chain", "hedge", "demonstrative", "pleonasm"},
}


def starts(text: str, sub: str) -> list[int]:
    # non-overlapping, left to right: the way bench/jargon.py resolves `occurrence`
    return [m.start() for m in re.finditer(re.escape(sub), text)]


def main() -> int:
    root = pathlib.Path(__file__).parent
    errors = []
    for p in sorted(root.glob("*")):  # letters belong in ru/ or kk/, nowhere else
        if p.is_file() and p.name not in {"README.md", "check_format.py"}:
            errors.append(f"{p}: stray file outside ru/ and kk/")
    for lang, types in TYPES.items():
        for off in sorted((root / lang).glob("*.official.txt")):
            stem = off.name[: -len(".official.txt")]
            files = {k: root / lang / f"{stem}.{k}" for k in
                     ("official.txt", "plain.txt", "official.ann.json", "plain.ann.json")}
            for p in files.values():
                if not p.exists():
                    errors.append(f"{p}: missing")
            if any(not p.exists() for p in files.values()):
                continue
            letter = off.read_text(encoding="utf-8")
            if lang == "kk":
                for name in ("official.txt", "plain.txt"):
                    body = files[name].read_text(encoding="utf-8")
                    latin = sorted({c for c in body if c.isascii() and c.isalpha()} | (set(body) & {"\u018f", "\u0259"}))
                    if latin:
                        errors.append(f"{files[name]}: Latin letters in Kazakh text: {latin}")
            spans = []
            try:
                found_list = json.loads(files["official.ann.json"].read_text(encoding="utf-8"))["findings"]
                plain_ann = json.loads(files["plain.ann.json"].read_text(encoding="utf-8"))
            except (json.JSONDecodeError, KeyError) as e:
                errors.append(f"{files['official.ann.json'].parent}/{stem}: bad sidecar JSON ({e})")
                continue
            for f in found_list:
                if set(f) != {"text", "occurrence", "type"}:
                    errors.append(f"{off}: keys {sorted(f)}")
                if f["type"] not in types:
                    errors.append(f"{off}: type {f['type']!r}")
                found = starts(letter, f["text"])
                if len(found) < f["occurrence"]:
                    errors.append(f"{off}: {f['text']!r} #{f['occurrence']} not in letter")
                else:
                    a = found[f["occurrence"] - 1]
                    spans.append((a, a + len(f["text"]), f["text"]))
            spans.sort()
            for (a1, b1, t1), (a2, b2, t2) in zip(spans, spans[1:]):
                if a2 < b1:  # two annotations on the same words: one occurrence is probably wrong
                    errors.append(f"{off}: {t1!r} overlaps {t2!r}")
            if plain_ann != {"findings": []}:
                errors.append(f"{files['plain.ann.json']}: not empty")
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
