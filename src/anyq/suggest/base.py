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


_CAPITALS = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘҒҚҢӨҰҮҺІ"


def match_case(template: str, word: str) -> str:
    """``word`` (morphology gives lower case) in the capitals of ``template``, the text it
    replaces: all capitals for ALL-CAPS text («В РАМКАХ ПРОГРАММЫ» → «ПО ПРОГРАММЕ», «ӨТІНІШ
    БЕРУШІ» → «СІЗ»), the capitals of an abbreviation with an ending («ЦОНа» → «ЦОН»), else a
    capital first letter. One rule for every language, so the same text is cased alike."""
    letters = [c for c in template if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    caps = len(template) - len(template.lstrip(_CAPITALS))
    if caps > 1 and word[:caps].lower() == template[:caps].lower():
        return template[:caps] + word[caps:]
    if template[:1].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word
