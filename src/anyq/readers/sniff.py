"""What a file really is, from its first bytes — names lie in archives.

Only unambiguous signatures are recognised; anything else (text, HTML, damaged files)
is left to the reader its name points at.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kind:
    name: str  # for messages: "a PDF document"
    format: str | None  # the anyq reader format, or None when anyq cannot read it
    reason: str = ""  # for format None: the one-line error


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_UNREADABLE = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program (ELF), not a document"),
]

def _zip_kind(data: bytes) -> Kind | None:
    """Office formats by plain bytes (no unpacking here): an ODF package starts with an
    uncompressed «mimetype» member, an OOXML package names its parts in clear text."""
    if data[30:38] == b"mimetype":
        mime = data[38:120].split(b"PK", 1)[0].decode("ascii", "replace")
        if mime.startswith("application/vnd.oasis.opendocument.text"):
            return Kind("an OpenDocument text (.odt)", "odt")
        if mime.startswith("application/vnd.oasis.opendocument"):
            return Kind("an OpenDocument file", None, f"is an OpenDocument file of another kind ({mime}), not a text document")
    if b"word/document.xml" in data:
        return Kind("a Word document (.docx)", "docx")
    if b"xl/workbook.xml" in data:
        return Kind("an Excel workbook", None, "is an Excel workbook (.xlsx), not a text document")
    if b"ppt/presentation.xml" in data:
        return Kind("a PowerPoint presentation", None, "is a PowerPoint presentation (.pptx), not a text document")
    if b"content.xml" in data and b"opendocument.text" in data:
        return Kind("an OpenDocument text (.odt)", "odt")
    return None  # a damaged package or a plain zip: the reader for the name decides


def sniff(data: bytes) -> Kind | None:
    head = data[:1024]
    if head.startswith(b"%PDF-") or (b"%PDF-" in head and head.lstrip().startswith(b"%PDF-")):
        return Kind("a PDF document", "pdf")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if head.startswith(_OLE):
        return Kind("an old binary Office document", "doc")
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return Kind("an RTF document", "rtf")
    for magic, name in _UNREADABLE:
        if head.startswith(magic):
            if "image" in name:
                return Kind(name, None, f"is {name}, not a text document: if it is a scanned letter, run OCR on it first")
            return Kind(name, None, f"is {name}, not a text document")
    return None


def looks_like_text(data: bytes) -> bool:
    """Is ``data`` plain text (in an encoding anyq reads)? For a reader's message when a text
    file carries a document's name: «is plain text» says more than a parser's complaint."""
    from anyq.readers.encoding import DecodeError, decode

    try:
        text, _ = decode(data)
    except DecodeError:
        return False
    return bool(text.strip())
