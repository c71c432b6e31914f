"""The rule engine: rules as data (``rules/``), compiled matchers, and the linter that runs them."""

from anyq.engine.loader import RuleError, load_rules
from anyq.engine.model import Hit, Rule

# The registry and the linter import spaCy: loaded on first use, so that reading rule
# files or settings (anyq.config imports anyq.engine.model) does not cost a second.
_LAZY = {
    "DocumentContext": "anyq.engine.registry",
    "ParagraphContext": "anyq.engine.registry",
    "document_rule": "anyq.engine.registry",
    "paragraph_rule": "anyq.engine.registry",
    "Linter": "anyq.engine.runner",
    "Selection": "anyq.engine.runner",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'anyq.engine' has no attribute {name!r}")


__all__ = [
    "DocumentContext",
    "Hit",
    "Linter",
    "ParagraphContext",
    "Rule",
    "RuleError",
    "Selection",
    "document_rule",
    "load_rules",
    "paragraph_rule",
]
