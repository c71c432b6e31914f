"""Document readability: syllables, counts, published Russian formulas, our Kazakh level."""

from anyq.readability.measure import Counts, document_ease, ease, figures, reading_time_minutes
from anyq.readability.syllables import count as syllables

__all__ = ["Counts", "document_ease", "ease", "figures", "reading_time_minutes", "syllables"]
