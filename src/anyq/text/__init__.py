"""Text with positions: the document model every later stage works on."""

from anyq.text.source import Block, LineIndex, Paragraph, SourceDocument

__all__ = ["Block", "LineIndex", "Paragraph", "SourceDocument"]
