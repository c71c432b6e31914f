"""Where anyq's shipped data lives.

In a wheel the top-level ``rules/`` folder is packaged as ``anyq/_rules``; in a checkout
(editable install, tests) it is read straight from the repository root.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def rules_dir() -> Path:
    packaged = _PACKAGE / "_rules"
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE.parent.parent / "rules"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("anyq's rules/ folder is missing from this installation")


def rules_data(name: str) -> Path:
    """A lexicon or table under ``rules/data/``."""
    return rules_dir() / "data" / name


@cache
def rules_words(name: str) -> tuple[str, ...]:
    """A word list under ``rules/data/``, read once: one entry a line, stripped, in file order;
    blank lines and ``#`` comment lines left out."""
    with open(rules_data(name), encoding="utf-8") as fh:
        return tuple(s for line in fh if (s := line.strip()) and not s.startswith("#"))


@cache
def rules_toml(name: str) -> dict:
    """A TOML table under ``rules/data/``, read once (the grammar word lists)."""
    with open(rules_data(name), "rb") as fh:
        return tomllib.load(fh)


@cache
def executor_label() -> str:
    """The labels of a letter's executor line (reply_cues.toml, ``layout.executor_labels``) as
    one regex, with no flags: the letter layout and the PDF reader look for the same labels. A
    label written with «.» or «:» takes a stop or a colon («Исп.», «Исп:»), a whole word ends at
    a word's edge («Исполнитель», not «Исполнительный»)."""
    labels = rules_toml("reply_cues.toml")["layout"]["executor_labels"]
    forms = (re.escape(w[:-1]) + r"\s*[.:]" if w[-1] in ".:" else re.escape(w) + r"(?!\w)" for w in labels)
    return "(?:" + "|".join(forms) + ")"


def package_data(*parts: str) -> Path:
    """A file vendored inside the package (dictionaries and their licences)."""
    return _PACKAGE.joinpath("data", *parts)
