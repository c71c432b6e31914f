"""Open zip-based documents (.docx, .odt) without trusting them.

A zip bomb declares (or hides) gigabytes behind a few kilobytes. Before anything is
unpacked, the declared sizes of the parts anyq reads are added up against
``max_unzipped_size``; then each part is streamed with a running cap, because declared
sizes can lie. Parts anyq does not read (pictures, fonts, embedded objects) are never
unpacked: the document library gets a copy of the package with those parts empty.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

from anyq.readers import ReadError, current_limits, mb

# A document has tens of parts; tens of thousands is an attack on the central directory.
MAX_PARTS = 10_000
_CHUNK = 1 << 16


_STUB = b'<?xml version="1.0" encoding="UTF-8"?><unread/>'
# An OpenDocument saved with a password keeps its manifest in clear and lists, for each
# encrypted part, how it was encrypted (<manifest:encryption-data>).
_ODF_MANIFEST = "META-INF/manifest.xml"
_ODF_ENCRYPTED = re.compile(rb"<(?:[\w.-]+:)?encryption-data[\s/>]")


def is_text_part(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels")) or name == "mimetype"


def safe_package(
    path: str,
    data: bytes,
    label: str,
    required: str,
    wanted: Callable[[str], bool] = is_text_part,
    stub_xml: bool = False,
    fix: Callable[[str, bytes], bytes] | None = None,
) -> bytes:
    """A copy of the zip ``data`` holding only the parts ``wanted`` selects, each unpacked
    under the limit; the other parts are kept as empty entries so links to them resolve
    (``stub_xml``: other XML parts become a tiny valid XML document, for libraries that
    parse every XML part they load). ``required`` is the part without which it is not a
    ``label`` document; ``fix`` may rewrite a part that was read."""
    limit = current_limits().max_unzipped_size
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ReadError(path, _not_a_zip(data, label)) from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_PARTS:
            raise ReadError(path, f"has {len(infos)} parts in its zip archive; a {label} document has tens")
        # before the check for ``required``: a package encrypted whole may lack content.xml
        manifest = next((i for i in infos if i.filename == _ODF_MANIFEST and not i.flag_bits & 0x1), None)
        if manifest is not None and _ODF_ENCRYPTED.search(_read(zf, manifest, limit, limit, path)):
            raise ReadError(
                path,
                f"is a password-protected {label} document: open it in LibreOffice, save a copy without "
                "the password (File → Save As, untick «Save with password») and check that copy",
            )
        if not any(i.filename == required for i in infos):
            raise ReadError(path, f"is a zip archive without {required}: not a {label} document")
        take = [i for i in infos if not i.is_dir() and wanted(i.filename)]
        if any(i.flag_bits & 0x1 for i in take):
            raise ReadError(path, f"is encrypted (a password-protected zip); remove the password and save the {label} again")
        declared = sum(i.file_size for i in take)
        if declared > limit:
            raise ReadError(
                path,
                f"would unpack to {mb(declared)} of text parts, over the {mb(limit)} limit "
                f"(--max-unzipped-size); a zip bomb or a damaged {label}",
            )
        out = io.BytesIO()
        seen: set[str] = set()
        total = 0
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
            for info in infos:
                if info.is_dir() or info.filename in seen:
                    continue
                seen.add(info.filename)
                if not wanted(info.filename):
                    xml = stub_xml and info.filename.lower().endswith(".xml")
                    copy.writestr(info.filename, _STUB if xml else b"")
                    continue
                content = _read(zf, info, limit - total, limit, path)
                total += len(content)
                copy.writestr(info.filename, fix(info.filename, content) if fix else content)
    return out.getvalue()


def _not_a_zip(data: bytes, label: str) -> str:
    from anyq.readers.sniff import looks_like_text

    if data.startswith(b"PK"):
        return f"is a damaged {label} file, or one cut short (truncated): its zip archive cannot be read"
    if looks_like_text(data):
        return f"is plain text, not a {label} file (not a zip archive): give it a .txt name to check it"
    return f"is not a {label} file: not a zip archive"


def _read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, left: int, limit: int, path: str) -> bytes:
    """One part, streamed: declared sizes can lie, so stop once more than ``left`` bytes
    (what is left of ``limit``) come out."""
    parts: list[bytes] = []
    size = 0
    with zf.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            size += len(chunk)
            if size > left:
                raise ReadError(path, f"unpacks to more than the {mb(limit)} limit (--max-unzipped-size); a zip bomb?")
            parts.append(chunk)
    return b"".join(parts)
