"""T901, T902: problems of suppression comments.

The comments are read before any rule runs (``anyq.engine.suppress``), and their
problems are kept in the document facts; these rules turn them into findings.
"""

from __future__ import annotations

from collections.abc import Iterator

from anyq.engine.model import Hit, Rule
from anyq.engine.registry import DocumentContext, document_rule


def _problems(ctx: DocumentContext, kind: str) -> Iterator[Hit]:
    # the comments were read in the text as read, the hits are offsets of the text the rules
    # read (without stress marks and the like, see ``anyq.text.invisible``)
    at = ctx.cleaned.offset if ctx.cleaned is not None else int
    for directive in ctx.facts.get("suppressions", []):
        for p in directive["problems"]:
            if p["problem"] == kind:
                yield Hit(at(p["start"]), at(p["end"]))


@document_rule("T901")
def unknown_code(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    return _problems(ctx, "unknown-code")


@document_rule("T902")
def unreadable(ctx: DocumentContext, rule: Rule) -> Iterator[Hit]:
    return _problems(ctx, "unreadable")
