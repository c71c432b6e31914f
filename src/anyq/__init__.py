"""anyq — offline plain-language linter for Kazakh and Russian official correspondence.

Public API: :func:`check` (a text), :func:`check_file`, :func:`check_paths`; :func:`fix`
(a text with its safe fixes applied); the report objects :class:`FileReport` and
:class:`Finding`; :class:`Settings`.
"""

__version__ = "0.1.0"

from anyq import _spacy_import  # noqa: E402,F401  (must run before anything imports spaCy)

from anyq.api import RunReport, check, check_file, check_paths, check_source, fix  # noqa: E402
from anyq.config import Settings  # noqa: E402
from anyq.findings import FileReport, Finding  # noqa: E402

__all__ = ["FileReport", "Finding", "RunReport", "Settings", "__version__", "check", "check_file", "check_paths", "check_source", "fix"]
