"""Format check for the held-out jargon corpus (not a jargon check: anyq is never run here).

Every pair has its four files; every `text` occurs in its letter at least `occurrence`
times (case-sensitive); every `type` is from the README's list for the language; no `code`;
plain sidecars are empty.
"""
import json
import pathlib
import sys

TYPES = {
    "ru": {"cliche", "formula", "split-predicate", "verbal-noun", "genitive-chain",
           "passive", "hedge", "archaic", "demonstrative", "empty-intensifier"},
    "kk": {"cliche", "formula", "calque", "split-predicate", "passive", "nominal-chain",
           "participle-chain", "hedge", "demonstrative", "pleonasm"},
}


def count(text: str, sub: str) -> int:
    n, i = 0, text.find(sub)
    while i >= 0:
        n, i = n + 1, text.find(sub, i + 1)
    return n


def main() -> int:
    root = pathlib.Path(__file__).parent
    errors = []
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
            for f in json.loads(files["official.ann.json"].read_text(encoding="utf-8"))["findings"]:
                if set(f) != {"text", "occurrence", "type"}:
                    errors.append(f"{off}: keys {sorted(f)}")
                if f["type"] not in types:
                    errors.append(f"{off}: type {f['type']!r}")
                if count(letter, f["text"]) < f["occurrence"]:
                    errors.append(f"{off}: {f['text']!r} #{f['occurrence']} not in letter")
            if json.loads(files["plain.ann.json"].read_text(encoding="utf-8")) != {"findings": []}:
                errors.append(f"{files['plain.ann.json']}: not empty")
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
