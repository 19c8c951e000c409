"""File intake and delivery, the one way every app accepts and serves a file.

Intake (``accept``): the type comes from the content, never from the name or the
browser; each kind of upload declares its types and size limit; images are
re-encoded so EXIF (GPS, camera, author) is gone; the file is stored under a
generated name in private storage, and the original name survives only as
sanitised display text. Delivery (``scoped_download``): the object is fetched
through ``portal.scoping`` (404 outside scope) and sent as an attachment whose
content type is read again from the stored bytes.
"""

import re
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from .access import get_scoped_or_404
from .audit import record_event

MAX_IMAGE_PIXELS = 50_000_000  # a 600 dpi A4 scan is 35 megapixels
MAX_NAME_LENGTH = 120
UNSAFE_IN_NAMES = re.compile(r'[<>:"|?*;%\'`$&{}\[\]=]')


@dataclass(
    frozen=True, eq=False
)  # one object per type; hashing a lazy string depends on the language
class FileType:
    """A type a file may be, as recognised from its content."""

    key: str
    content_type: str
    extension: str
    what: str  # "a PDF document", for messages


PDF = FileType("pdf", "application/pdf", "pdf", _("a PDF document"))
PNG = FileType("png", "image/png", "png", _("a PNG image"))
JPEG = FileType("jpeg", "image/jpeg", "jpg", _("a JPEG image"))
DOCX = FileType(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "docx",
    _("a Word document (DOCX)"),
)
XLSX = FileType(
    "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xlsx",
    _("an Excel workbook (XLSX)"),
)
IMAGE_FORMATS = {PNG: "PNG", JPEG: "JPEG"}
SIGNATURES = ((b"%PDF-", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG))
# Content we refuse everywhere, named so that the refusal says what the file is.
OTHER_SIGNATURES = (
    (b"PK\x03\x04", _("a ZIP archive")),
    (b"PK\x05\x06", _("a ZIP archive")),
    (b"MZ", _("a Windows program")),
    (b"\x7fELF", _("a Linux program")),
    (b"GIF8", _("a GIF image")),
    (b"Rar!", _("a RAR archive")),
    (b"7z\xbc\xaf\x27\x1c", _("a 7-Zip archive")),
    (b"\x1f\x8b", _("a gzip archive")),
    (b"\xd0\xcf\x11\xe0", _("an old-format Office document (DOC, XLS)")),
    (b"RIFF", _("a WebP, WAV or AVI file")),
    (b"II*\x00", _("a TIFF image")),
    (b"MM\x00*", _("a TIFF image")),
    (b"BM", _("a BMP image")),
)
MARKUP = (b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<iframe", b"<svg")


@dataclass(frozen=True)
class UploadKind:
    """What one use accepts: its field label, types, size limit and how to say what it takes."""

    field: str  # the field as the user sees it, e.g. "Scan"
    types: tuple[FileType, ...]
    max_bytes: int
    accepts: str  # e.g. "a PDF or an image (JPEG, PNG)"


class Accepted(ContentFile):
    """An upload that passed intake: clean bytes, a generated name, its type and display name."""

    def __init__(self, data, file_type, display_name):
        super().__init__(data, name=f"{uuid.uuid4().hex}.{file_type.extension}")
        self.file_type = file_type
        self.display_name = display_name


def private_storage():
    """PRIVATE_MEDIA_ROOT: outside the static and media roots, read only by scoped views."""
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


def accept(upload, kind):
    """Check an upload against its kind and return it cleaned, or raise ValidationError."""
    if isinstance(upload, Accepted):
        return upload
    if not upload.size:
        raise _error(kind, _("“%(field)s”: the file is empty."), "file_empty")
    upload.seek(0)
    data = upload.read(kind.max_bytes + 1)
    if len(data) > kind.max_bytes:
        raise _too_big(kind, max(upload.size, len(data)))
    file_type = file_type_of(BytesIO(data))
    if file_type not in kind.types:
        what = file_type.what if file_type else describe(data)
        message = _("“%(field)s”: this file is %(what)s, not %(accepts)s.")
        raise _error(kind, message, "file_type", what=what, accepts=kind.accepts)
    if file_type in IMAGE_FORMATS:
        data = reencode(data, file_type, kind)
    return Accepted(data, file_type, display_name(upload.name, file_type.extension))


def file_type_of(stream):
    """The allowed type a seekable stream's content is (PDF, PNG, JPEG, DOCX, XLSX), or None."""
    stream.seek(0)
    head = stream.read(16)
    stream.seek(0)
    found = next((kind for magic, kind in SIGNATURES if head.startswith(magic)), None)
    if found is None and head.startswith(b"PK\x03\x04"):
        found = _office_type(stream)
        stream.seek(0)
    return found


def _office_type(stream):
    """An OOXML document is a ZIP with [Content_Types].xml and its main part; no macros."""
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return None
    if "[Content_Types].xml" not in names or any(n.endswith("vbaProject.bin") for n in names):
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


def describe(data):
    """What a refused file is, in words ("a ZIP archive", "an HTML page")."""
    known = next((what for magic, what in OTHER_SIGNATURES if data.startswith(magic)), None)
    if known:
        return known
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(MARKUP):
        return _("an HTML page")
    if head.startswith(b"<?xml"):
        return _("an XML or SVG file")
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return _("a file of an unknown type")
    return _("a text file")


def reencode(data, file_type, kind):
    """The image's pixels only, saved again in its own format: EXIF and text chunks are gone."""
    try:
        with Image.open(BytesIO(data)) as image:
            if image.format != IMAGE_FORMATS[file_type]:
                raise OSError(image.format)
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                message = _(
                    "“%(field)s”: the image is %(width)s × %(height)s pixels; "
                    "at most %(limit)s million pixels are allowed."
                )
                limit = MAX_IMAGE_PIXELS // 1_000_000
                raise _error(kind, message, "image_size", width=width, height=height, limit=limit)
            return _pixels_only(ImageOps.exif_transpose(image), file_type)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        message = _("“%(field)s”: the file looks like %(what)s but cannot be read as one.")
        raise _error(kind, message, "image_broken", what=file_type.what) from error


def _pixels_only(image, file_type):
    if file_type is JPEG and image.mode not in ("RGB", "L", "CMYK"):
        image = image.convert("RGB")
    image.info = {}  # drop EXIF, XMP, ICC, comments and PNG text chunks
    output = BytesIO()
    options = {"quality": 90} if file_type is JPEG else {"optimize": True}
    image.save(output, format=IMAGE_FORMATS[file_type], **options)
    return output.getvalue()


def display_name(original, extension):
    """A harmless name to show and to download as: no path, no controls, the real extension."""
    name = re.split(r"[\\/]", unicodedata.normalize("NFC", original or ""))[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] not in "CZ" or ch == " ")
    name = UNSAFE_IN_NAMES.sub("_", name)
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = re.sub(r"\s+", " ", stem).strip(" ._-")[:MAX_NAME_LENGTH] or "file"
    return f"{stem}.{extension}"


def content_disposition(name):
    """``attachment`` with an ASCII ``filename`` and the full name in ``filename*`` (RFC 6266)."""
    fallback = name.encode("ascii", "ignore").decode().strip()
    stem, _dot, extension = fallback.rpartition(".")
    fallback = fallback if stem.strip(" ._-") else f"download.{extension or 'bin'}"
    if fallback == name:
        return f'attachment; filename="{name}"'
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def download_response(stored, name):
    """Send a stored file as a download, typed by its content, never rendered by the browser."""
    if not stored:
        raise Http404
    try:
        handle = stored.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    file_type = file_type_of(handle)
    content_type = file_type.content_type if file_type else "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    extension = file_type.extension if file_type else "bin"
    response["Content-Disposition"] = content_disposition(display_name(name, extension))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response


def scoped_download(request, queryset, field, name_of, **lookup):
    """The file in ``field`` of one object in the user's scope (else 404), as a download.

    The download is audited on the object.
    """
    obj = get_scoped_or_404(queryset, request.user, **lookup)
    response = download_response(getattr(obj, field), name_of(obj))
    record_event(obj, "download", file=name_of(obj))
    return response


def check_private_root(app_configs=None, **kwargs):
    """System check: private files must not live under a root that is served publicly."""
    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    public = [Path(root).resolve() for root in (settings.MEDIA_ROOT, settings.STATIC_ROOT) if root]
    if any(private == root or root in private.parents for root in public):
        message = "PRIVATE_MEDIA_ROOT lies inside MEDIA_ROOT or STATIC_ROOT."
        return [checks.Error(message, id="portal.E001")]
    return []


def _too_big(kind, size):
    message = _(
        "“%(field)s”: the file is %(size)s (%(bytes)s bytes); "
        "at most %(limit)s (%(limit_bytes)s bytes) is allowed."
    )
    values = {"size": filesizeformat(size), "bytes": size}
    values |= {"limit": filesizeformat(kind.max_bytes), "limit_bytes": kind.max_bytes}
    return _error(kind, message, "file_size", **values)


def _error(kind, message, code, **values):
    return ValidationError(message, code=code, params={"field": kind.field, **values})
