"""Prints, as JSON, every regular expression anyq compiles while it loads all rules and checks
the example letters: ``[[pattern, flags, where], ...]``. Run with the project's interpreter.

Two routes compile patterns: ``re.compile``/``re.search``/... go through ``re._compile``; the
rules' own patterns come from ``anyq.datacache.compiled_patterns``, which builds them from the
regex engine's stored code. Both are wrapped before the linter is built.
"""

import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = os.sep + "anyq" + os.sep
found: dict[tuple[str, int], str] = {}


def _caller() -> str | None:
    """The anyq file that asked for the pattern (skipping the ``re`` module's own frames)."""
    frame = sys._getframe(2)
    while frame is not None and os.sep + "re" + os.sep in frame.f_code.co_filename:
        frame = frame.f_back
    name = frame.f_code.co_filename if frame is not None else ""
    return name.split(PACKAGE, 1)[1] if PACKAGE in name else None


_re_compile = re._compile


def _compile(pattern, flags):
    compiled = _re_compile(pattern, flags)
    if isinstance(pattern, str) and (where := _caller()):
        found.setdefault((pattern, int(compiled.flags)), where)
    return compiled


re._compile = _compile

import anyq  # noqa: E402 - after the hook, so module-level patterns are seen
import anyq.datacache  # noqa: E402

_cached = anyq.datacache.compiled_patterns


def _compiled_patterns(name, patterns):
    compiled = _cached(name, patterns)
    for p in compiled:
        found.setdefault((p.pattern, int(p.flags)), f"rules ({name})")
    return compiled


for module in list(sys.modules.values()):
    if getattr(module, "__name__", "").startswith("anyq") and getattr(module, "compiled_patterns", None) is _cached:
        module.compiled_patterns = _compiled_patterns

from anyq.api import linter_for  # noqa: E402
from anyq.readers import read_path  # noqa: E402

linter = linter_for(anyq.Settings())
for path in sorted((ROOT / "corpora" / "examples").glob("*.txt")):
    linter.check(read_path(path))
json.dump([[p, f, where] for (p, f), where in sorted(found.items())], sys.stdout, ensure_ascii=False)
