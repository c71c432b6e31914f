#!/usr/bin/env python3
"""Build the word-frequency lists the speller ranks suggestions with.

    uv run python tools/build_frequencies.py      → rules/data/freq_ru.tsv, rules/data/freq_kk.tsv

Source: the running text of our own corpora (replies, announcements, graded texts, sentence
sets), **except corpora/spelling/**, which is the benchmark the lists are evaluated on, and
corpora/hygiene/ (damaged on purpose).
Each paragraph is assigned a language by anyq's language identification; every known word is
counted twice: as a lemma (Russian: pymorphy3's best parse; Kazakh: our stemmer's stem) and as
a word form. Lemma counts let a form never seen in the corpora still rank by its lemma.

Why not a published list: wordfreq has Russian (not Kazakh) but its data is CC BY-SA 4.0 and
58 MB; no Kazakh word-frequency list is packaged anywhere; a list from official
correspondence ranks «обращение» above «обрушение», which a general list would not know.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from anyq.langid import assign_languages  # noqa: E402
from anyq.spell.dictionary import known_kk, known_ru  # noqa: E402

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
CYRILLIC_WORD = re.compile(r"^[\u0400-\u04ff-]+$")
# the benchmark; word lists, not running text; damaged text made on purpose
EXCLUDED = {"spelling", "kk_stems", "syllables", "hygiene"}


def texts() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "corpora").rglob("*")):
        rel = path.relative_to(ROOT / "corpora")
        if rel.parts[0] in EXCLUDED or not path.is_file():
            continue
        if path.suffix in (".txt", ".md"):
            out.append(path.read_text(encoding="utf-8", errors="replace"))
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").split("\n"):
                if line.strip():
                    text = json.loads(line).get("text")
                    if isinstance(text, str):
                        out.append(text)
    return out


def main() -> int:
    from anyq.nlp.morph_ru import morphology
    from anyq.nlp.stem_kk import stemmer

    paragraphs = [p for t in texts() for p in re.split(r"\n\s*\n|\n", t) if p.strip()]
    langs = assign_languages(paragraphs)
    forms = {"ru": Counter(), "kk": Counter()}
    lemmas = {"ru": Counter(), "kk": Counter()}
    capital = {"ru": Counter(), "kk": Counter()}
    lower_seen = {"ru": Counter(), "kk": Counter()}
    words = {"ru": 0, "kk": 0}
    for text, lang in zip(paragraphs, langs):
        if lang not in forms:
            continue
        for m in WORD.finditer(text):
            w = m.group()
            if not CYRILLIC_WORD.match(w) or len(w) < 2:
                continue
            before = text[: m.start()].rstrip()
            mid_sentence = bool(before) and before[-1] not in ".!?:;«\"(—-–"
            lower = w.lower()
            if lang == "ru":
                if not known_ru(lower):
                    continue
                lemma = morphology().analyse(lower)[0]
            else:
                if not known_kk(lower):
                    continue
                lemma = stemmer().analyse_own(lower).stem
            forms[lang][lower] += 1
            lemmas[lang][lemma] += 1
            words[lang] += 1
            if w[:1].isupper() and not w.isupper() and mid_sentence:
                capital[lang][lemma] += 1
            elif w.islower():
                lower_seen[lang][lemma] += 1
    for lang in ("ru", "kk"):
        out = ROOT / "rules" / "data" / f"freq_{lang}.tsv"
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(
                f"# Word frequencies from anyq's own corpora (not corpora/spelling/), {words[lang]} words.\n"
                "# Built by tools/build_frequencies.py. kind<TAB>word<TAB>count; kind L = lemma"
                f" ({'pymorphy3' if lang == 'ru' else 'our stemmer'}), F = word form,"
                " C = lemma of a name (written with a capital inside sentences, never in lower case).\n"
            )
            for lemma, n in sorted(lemmas[lang].items(), key=lambda x: (-x[1], x[0])):
                fh.write(f"L\t{lemma}\t{n}\n")
            for form, n in sorted(forms[lang].items(), key=lambda x: (-x[1], x[0])):
                fh.write(f"F\t{form}\t{n}\n")
            # lemmas written with a capital inside sentences and never in lower case: names
            for lemma, n in sorted(capital[lang].items(), key=lambda x: (-x[1], x[0])):
                if n >= 2 and not lower_seen[lang][lemma]:
                    fh.write(f"C\t{lemma}\t{n}\n")
        print(f"{out.relative_to(ROOT)}: {words[lang]} words, {len(lemmas[lang])} lemmas, {len(forms[lang])} forms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
