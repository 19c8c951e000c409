"""Hostile workbooks: the archive is checked before it is read, the row limit while it streams."""

import io
import os
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from enterprises.services import imports
from portal import spreadsheets, xlsx_reader
from portal.xlsx_reader import MIB, Limits, Refused
from tests.enterprises.test_import_files import row, xlsx

SHEET = "xl/worksheets/sheet1.xml"
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>USCC</t></is></c></row>'
)


def rebuilt(member, chunks, base=None):
    """A real workbook whose member is replaced by the chunks, streamed into the archive."""
    source = zipfile.ZipFile(io.BytesIO(base or xlsx([row()])))
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != member:
                archive.writestr(info.filename, source.read(info.filename))
        with archive.open(member, "w") as target:
            for chunk in chunks:
                target.write(chunk)
    return stream.getvalue()


def huge_styles(megabytes):
    original = zipfile.ZipFile(io.BytesIO(xlsx([row()]))).read("xl/styles.xml")
    yield original
    for _ in range(megabytes):
        yield b" " * MIB  # whitespace after the root element: still well-formed XML


def rows(count, closed=True):
    """Sheet XML of count data rows of random text below a header, in chunks."""
    yield SHEET_HEAD
    for start in range(2, count + 2, 10_000):
        yield "".join(
            f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{os.urandom(4).hex()}</t></is></c>'
            "</row>"
            for n in range(start, min(start + 10_000, count + 2))
        ).encode()
    if closed:
        yield b"</sheetData></worksheet>"


def peak_mib_while(work):
    """Run work(); its result and the peak Python memory it took, in MiB."""
    tracemalloc.start()
    try:
        result = work()
        return result, tracemalloc.get_traced_memory()[1] / MIB
    finally:
        tracemalloc.stop()


def problem(data, user):
    checked = imports.check_file(data, user)
    assert not checked.good and len(checked.file_problems) == 1
    return checked.file_problems[0].message


pytestmark = pytest.mark.usefixtures("english")


def test_a_400_mb_styles_part_is_refused_before_it_is_unpacked(province_user):
    data = rebuilt("xl/styles.xml", huge_styles(400))
    assert len(data) < 1 * MIB
    message, peak = peak_mib_while(lambda: problem(data, province_user))
    assert message == (
        "The part xl/styles.xml of the workbook unpacks to 400 MB; at most 256 MB are accepted. "
        "Split the file into smaller files."
    )
    assert peak < 10


def test_a_large_styles_part_of_ordinary_ratio_is_refused_by_its_size(province_user):
    noise = (os.urandom(MIB // 2).hex().encode() for _ in range(9))  # 9 MiB, ratio 2
    message = problem(rebuilt("xl/styles.xml", noise), province_user)
    assert message == (
        "The part xl/styles.xml of the workbook unpacks to 9 MB; at most 8 MB are accepted. "
        "Copy the data into a new workbook."
    )


def test_a_million_identical_rows_are_refused_before_the_sheet_is_read(province_user):
    same = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 10_000
    data = rebuilt(SHEET, [SHEET_HEAD, *[same] * 100, b"</sheetData></worksheet>"])
    assert len(data) < 2 * MIB
    message, peak = peak_mib_while(lambda: problem(data, province_user))
    assert message.startswith(f"The part {SHEET} of the workbook unpacks to ")
    assert message.endswith(
        "times its packed size (at most 100 times): this is not an ordinary workbook."
    )
    assert peak < 10


def test_a_million_rows_stop_at_the_row_limit_while_streaming(province_user):
    # The sheet is not closed: reading it to the end would fail as "not a workbook".
    data = rebuilt(SHEET, rows(1_000_000, closed=False))
    assert len(data) < spreadsheets.MAX_BYTES
    message = problem(data, province_user)
    assert message == "The file has more than 200,000 data rows; split it into smaller files."


def test_the_row_limit_counts_rows_with_a_value():
    sheet = b"".join(rows(3)).replace(b"</sheetData>", b'<row r="9"><c r="A9"/></row></sheetData>')
    data = rebuilt(SHEET, [sheet])
    read, _merged = xlsx_reader.read_first_sheet(io.BytesIO(data), Limits(rows=3))
    assert [number for number, _values in read] == [1, 2, 3, 4]
    with pytest.raises(Refused) as refused:
        xlsx_reader.read_first_sheet(io.BytesIO(data), Limits(rows=2))
    assert refused.value.code == "rows" and refused.value.where == "4"


WHOLE_PARTS = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml")


def measured(members):
    """What each archive limit measures in a workbook."""
    return {
        "members": len(members),
        "member_bytes": max(m.file_size for m in members),
        "total_bytes": sum(m.file_size for m in members),
        "ratio": max(m.file_size // m.compress_size for m in members),
        "part_bytes": max(m.file_size for m in members if m.filename in WHOLE_PARTS),
    }


@pytest.mark.parametrize("code", ["members", "member_bytes", "total_bytes", "ratio", "part_bytes"])
def test_each_archive_limit_accepts_its_value_and_refuses_one_less(code):
    data = xlsx([row()] * 20)
    value = measured(zipfile.ZipFile(io.BytesIO(data)).infolist())[code]
    at_limit = Limits(ratio_from=0, **{code: value})
    assert len(xlsx_reader.read_first_sheet(io.BytesIO(data), at_limit)[0]) == 21
    with pytest.raises(Refused) as refused:
        xlsx_reader.read_first_sheet(io.BytesIO(data), Limits(ratio_from=0, **{code: value - 1}))
    assert (refused.value.code, refused.value.value, refused.value.limit) == (
        code,
        value,
        value - 1,
    )


def test_cells_beyond_the_column_limit_are_refused():
    sheet = SHEET_HEAD.replace(b"</row>", b'<c r="BL1" t="inlineStr"><is><t>64</t></is></c></row>')
    data = rebuilt(SHEET, [sheet, b"</sheetData></worksheet>"])
    assert xlsx_reader.read_first_sheet(io.BytesIO(data))[0][0][1][63] == "64"
    far = rebuilt(SHEET, [sheet.replace(b"BL1", b"BM1"), b"</sheetData></worksheet>"])
    with pytest.raises(Refused) as refused:
        xlsx_reader.read_first_sheet(io.BytesIO(far))
    assert (refused.value.code, refused.value.where) == ("columns", "BM1")


def test_a_missing_shared_string_is_not_a_workbook(province_user):
    sheet = SHEET_HEAD.replace(
        b'<c r="A1" t="inlineStr"><is><t>USCC</t></is></c>', b'<c r="A1" t="s"><v>99</v></c>'
    )
    data = rebuilt(SHEET, [sheet, b"</sheetData></worksheet>"])
    assert (
        problem(data, province_user) == "This file is not an Excel workbook (.xlsx) or a CSV file."
    )


def test_the_preview_refuses_a_bomb_in_chinese_and_keeps_no_copy(
    client_for, province_user, settings
):
    settings.LANGUAGE_CODE = "zh-hans"
    data = rebuilt("xl/styles.xml", huge_styles(400))
    with translation.override("zh-hans"):
        response = client_for(province_user).post(
            reverse("enterprises:import"), {"file": SimpleUploadedFile("e.xlsx", data)}
        )
    assert response.status_code == 200
    assert "工作簿中的部件 xl/styles.xml 解压后为 400 MB，最多接受 256 MB。" in response.text
    assert "import_start" not in response.text
    assert not response.wsgi_request.session.get("enterprise_imports")
