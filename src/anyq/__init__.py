"""anyq — offline plain-language linter for Kazakh and Russian official correspondence.

Public API: :func:`check` (a text), :func:`check_file`, :func:`check_paths`; the report
objects :class:`FileReport` and :class:`Finding`; :class:`Settings`.
"""

__version__ = "0.1.0"

from anyq import _spacy_import  # noqa: E402,F401  (must run before anything imports spaCy)

from anyq.config import Settings  # noqa: E402
from anyq.findings import FileReport, Finding  # noqa: E402

_API = ("RunReport", "check", "check_file", "check_paths", "check_source")


def __getattr__(name: str):
    # The API (and with it spaCy, about a second) is imported on first use, so commands
    # that never lint — `anyq --version`, `anyq config`, a run served from the cache —
    # do not pay for it.
    if name in _API:
        from anyq import api

        return getattr(api, name)
    raise AttributeError(f"module 'anyq' has no attribute {name!r}")

__all__ = ["FileReport", "Finding", "RunReport", "Settings", "__version__", "check", "check_file", "check_paths", "check_source"]
