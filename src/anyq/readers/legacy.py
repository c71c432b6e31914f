"""Old binary Word documents (.doc, OLE2 compound files): not read; a message says what to do.

No maintained pure-Python library extracts text from .doc reliably (antiword and
LibreOffice are external programs), so anyq asks for a conversion. A «.doc» that is
really RTF, .docx or HTML — common in archives — is read by its content instead
(see :mod:`anyq.readers.sniff`).
"""

from __future__ import annotations

from anyq.readers import ReadError, register
from anyq.text import SourceDocument

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
_CONVERT = "soffice --headless --convert-to docx FILE"


@register(".doc", ".dot")
def read_doc(path: str, data: bytes) -> SourceDocument:
    if data.startswith(_OLE):
        if _ENCRYPTED_OOXML in data:
            raise ReadError(path, "is a password-protected Word document: remove the password in Word (File → Info → Protect Document) and save it again")
        raise ReadError(
            path,
            "is an old binary Word document (.doc), which anyq does not read: open it in Word or LibreOffice "
            f"and save it as .docx, or convert a folder at once with `{_CONVERT}`",
        )
    raise ReadError(path, "is neither an old Word document nor any format anyq reads (damaged?)")
