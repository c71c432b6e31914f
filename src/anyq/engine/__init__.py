"""The rule engine: rules as data (``rules/``), compiled matchers, and the linter that runs them."""

from anyq.engine.loader import RuleError, load_rules
from anyq.engine.model import Hit, Rule
from anyq.engine.registry import DocumentContext, ParagraphContext, document_rule, paragraph_rule
from anyq.engine.runner import Linter, Selection

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
