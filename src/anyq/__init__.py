"""anyq — offline plain-language linter for Kazakh and Russian official correspondence.

Public API: :func:`check` (a text), :func:`check_file`, :func:`check_paths`; the report
objects :class:`FileReport` and :class:`Finding`; :class:`Settings`.

The names are loaded on first use, so a process that needs only a part of anyq (the
document-reader worker) does not import spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

from anyq import _spacy_import  # noqa: E402,F401  (must run before anything imports spaCy)

_EXPORTS = {
    "RunReport": "anyq.api",
    "check": "anyq.api",
    "check_file": "anyq.api",
    "check_paths": "anyq.api",
    "check_source": "anyq.api",
    "Settings": "anyq.config",
    "FileReport": "anyq.findings",
    "Finding": "anyq.findings",
}

if TYPE_CHECKING:  # pragma: no cover
    from anyq.api import RunReport, check, check_file, check_paths, check_source
    from anyq.config import Settings
    from anyq.findings import FileReport, Finding


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'anyq' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + list(_EXPORTS))


__all__ = ["FileReport", "Finding", "RunReport", "Settings", "__version__", "check", "check_file", "check_paths", "check_source"]
