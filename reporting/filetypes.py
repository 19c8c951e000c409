"""Which file types an attachment may be, recognised by content rather than by name."""

import zipfile
from io import BytesIO

MAX_SIZE = 20 * 1024 * 1024
MAGIC = [(b"%PDF-", "pdf"), (b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg")]
OFFICE_PARTS = [("word/", "docx"), ("xl/", "xlsx")]


def sniff(data: bytes) -> str | None:
    """The allowed type (pdf, png, jpeg, docx, xlsx) the content is, or None."""
    for signature, kind in MAGIC:
        if data.startswith(signature):
            return kind
    if data.startswith(b"PK\x03\x04"):
        return _office_kind(data)
    return None


def _office_kind(data):
    """An OOXML document is a ZIP with [Content_Types].xml and a word/ or xl/ part."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        return None
    if "[Content_Types].xml" not in names:
        return None
    for prefix, kind in OFFICE_PARTS:
        if any(name.startswith(prefix) for name in names):
            return kind
    return None
