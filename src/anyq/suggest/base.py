"""What a fitted suggestion is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Fit:
    """Fitted suggestions for tokens ``[start, end)`` of a doc; ``end`` may reach past the match
    when the fix re-inflects the words after it («провести проверку документов» → «проверить документы»)."""

    end: int
    suggestions: tuple[str, ...]
    # where the fix starts when it reaches *before* the match: a Kazakh postposition
    # replaced with one that governs another case («Заңға сәйкес» → «Заң бойынша»)
    start: int | None = None
