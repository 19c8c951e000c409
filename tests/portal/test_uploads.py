"""portal.uploads: type by content, size limits, safe names, clean images, safe downloads."""

from io import BytesIO
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.checks import run_checks
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from PIL import Image, ImageCms

from portal import uploads

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"
KIND = uploads.UploadKind(
    field="Scan", types=(uploads.PDF, uploads.PNG, uploads.JPEG), max_bytes=10_000,
    accepts="a PDF or an image",
)  # fmt: skip


pytestmark = pytest.mark.usefixtures("english")


def image_with_gps(image_format):
    """A small photo carrying a camera name, a rotation and GPS coordinates in its EXIF."""
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90°
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (22.0, 32.0, 1.5)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b"<x:xmpmeta><exif:GPSLatitude>22,32N</exif:GPSLatitude></x:xmpmeta>"
    out = BytesIO()
    photo = Image.new("RGB", (40, 30), (200, 10, 10))
    photo.save(out, format=image_format, exif=exif, icc_profile=icc, xmp=xmp)
    return out.getvalue()


def refusal(content, name="upload.pdf", kind=KIND):
    with pytest.raises(ValidationError) as caught:
        uploads.accept(SimpleUploadedFile(name, content), kind)
    return caught.value


@pytest.mark.parametrize("image_format", ["PNG", "JPEG"])
def test_an_image_loses_its_exif_and_gps(image_format):
    original = image_with_gps(image_format)
    assert Image.open(BytesIO(original)).getexif().get_ifd(0x8825)

    accepted = uploads.accept(SimpleUploadedFile("photo.png", original), KIND)

    data = accepted.read()
    cleaned = Image.open(BytesIO(data))
    assert not cleaned.getexif()
    assert b"SecretCam" not in data and b"Exif" not in data and b"GPSLatitude" not in data
    assert not {"exif", "xmp", "icc_profile"} & set(cleaned.info)
    assert cleaned.size == (30, 40)  # the rotation was applied before the EXIF went
    assert accepted.file_type is (uploads.PNG if image_format == "PNG" else uploads.JPEG)


def test_html_named_pdf_is_refused_naming_the_field_and_what_it_is():
    error = refusal(HTML, "report.pdf")
    assert error.code == "file_type"
    assert error.messages == ["“Scan”: this file is an HTML page, not a PDF or an image."]


def test_a_zip_archive_is_named_in_chinese_and_english():
    archive = b"PK\x03\x04" + b"\x00" * 40
    with translation.override("en"):
        assert "a ZIP archive" in refusal(archive).messages[0]
    with translation.override("zh-hans"):
        assert "ZIP 压缩包" in refusal(archive).messages[0]


def test_a_pdf_named_exe_is_a_pdf_under_a_generated_name():
    accepted = uploads.accept(SimpleUploadedFile("setup.exe", PDF), KIND)
    assert accepted.file_type is uploads.PDF
    assert accepted.display_name == "setup.pdf"
    assert accepted.name.endswith(".pdf") and "setup" not in accepted.name


def test_the_size_limit_accepts_the_limit_and_refuses_one_byte_more():
    at_limit = SimpleUploadedFile("a.pdf", PDF.ljust(10_000, b" "))
    assert uploads.accept(at_limit, KIND).size == 10_000
    error = refusal(PDF.ljust(10_001, b" "))
    assert error.code == "file_size"
    assert "(10001 bytes)" in error.messages[0] and "(10000 bytes)" in error.messages[0]


def test_an_empty_file_is_refused():
    assert refusal(b"").messages == ["“Scan”: the file is empty."]


def test_a_broken_image_is_refused():
    assert refusal(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32).code == "image_broken"


@pytest.mark.parametrize(
    ("original", "shown"),
    [
        ("../../evil.html", "evil.pdf"),
        ("..\\..\\windows\\evil.html", "evil.pdf"),
        ("报告\u202egpj.exe", "报告gpj.pdf"),  # a right-to-left override hiding ".exe"
        ('a"; filename=x.html', "a__ filename_x.pdf"),
        ("...", "file.pdf"),
        ("附件一：自查报告.pdf", "附件一：自查报告.pdf"),
    ],
)
def test_names_are_only_display_text(original, shown):
    assert uploads.display_name(original, "pdf") == shown


def test_content_disposition_keeps_chinese_names_in_filename_star():
    header = uploads.content_disposition("附件 1.pdf")
    assert header == f"attachment; filename=\"1.pdf\"; filename*=UTF-8''{quote('附件 1.pdf')}"
    assert uploads.content_disposition("report.pdf") == 'attachment; filename="report.pdf"'
    assert uploads.content_disposition("附件.pdf").startswith('attachment; filename="download.pdf"')


def test_office_documents_are_told_apart_from_archives_and_macros():
    def archive(*names):
        out = BytesIO()
        import zipfile

        with zipfile.ZipFile(out, "w") as zf:
            for name in names:
                zf.writestr(name, "x")
        return out

    assert uploads.file_type_of(archive("[Content_Types].xml", "word/document.xml")) is uploads.DOCX
    assert uploads.file_type_of(archive("[Content_Types].xml", "xl/workbook.xml")) is uploads.XLSX
    macro = archive("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")
    assert uploads.file_type_of(macro) is None
    assert uploads.file_type_of(archive("evil.html")) is None


def test_private_storage_is_outside_the_public_roots():
    assert "portal.E001" not in [e.id for e in run_checks(tags=["security"])]
    inside = Path(settings.MEDIA_ROOT) / "private"
    with override_settings(PRIVATE_MEDIA_ROOT=inside):
        assert "portal.E001" in [e.id for e in run_checks(tags=["security"])]
