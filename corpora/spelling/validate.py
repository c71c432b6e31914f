#!/usr/bin/env python3
"""Validate the spelling reference corpus (corpora/spelling/{ru,kk}/*.txt).

Checks: UTF-8, LF line endings, final newline, no double spaces, no trailing
whitespace, no Latin letter inside (or glued to) a Cyrillic word, no Latin
letters at all, 16-24 files and >= 3,600 words per language (a word is a run
of letters). Russian files must use either ё consistently or not at all; the
script only reports which files contain ё. Exit code 1 on any failure.

Usage: python3 corpora/spelling/validate.py
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORD = re.compile(r"[^\W\d_]+")
LATIN = re.compile(r"[A-Za-z]")
CYR = re.compile(r"[\u0400-\u04FF]")
MIN_WORDS = 3600
MIN_FILES, MAX_FILES = 16, 24


def check_lang(lang: str) -> tuple[int, list[str]]:
    errors: list[str] = []
    files = sorted((HERE / lang).glob("*.txt"))
    if not MIN_FILES <= len(files) <= MAX_FILES:
        errors.append(f"{lang}: {len(files)} files, expected {MIN_FILES}-{MAX_FILES}")
    total = 0
    for path in files:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            errors.append(f"{path.name}: not UTF-8 ({exc})")
            continue
        name = f"{lang}/{path.name}"
        if "\r" in text:
            errors.append(f"{name}: CR characters (must be LF only)")
        if not text.endswith("\n"):
            errors.append(f"{name}: no final newline")
        if "\ufeff" in text:
            errors.append(f"{name}: BOM")
        for no, line in enumerate(text.split("\n"), 1):
            if "  " in line:
                errors.append(f"{name}:{no}: double space")
            if line != line.rstrip():
                errors.append(f"{name}:{no}: trailing whitespace")
        for tok in re.findall(r"\S+", text):
            if LATIN.search(tok):
                kind = "Latin inside Cyrillic word" if CYR.search(tok) else "Latin token"
                errors.append(f"{name}: {kind}: {tok!r}")
        words = WORD.findall(text)
        total += len(words)
        yo = "yes" if ("ё" in text or "Ё" in text) else "no"
        print(f"  {name:55s} {len(words):5d} words  ё: {yo}")
    print(f"{lang}: {len(files)} files, {total} words")
    if total < MIN_WORDS:
        errors.append(f"{lang}: only {total} words, expected >= {MIN_WORDS}")
    return total, errors


def main() -> int:
    all_errors: list[str] = []
    for lang in ("ru", "kk"):
        _, errs = check_lang(lang)
        all_errors += errs
    if all_errors:
        print("\nFAILED:")
        for e in all_errors:
            print("  " + e)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
