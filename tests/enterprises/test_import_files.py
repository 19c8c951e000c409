"""Import checks on real generated files: every problem found with its row and column."""

import io

import pytest
from openpyxl import Workbook

from enterprises.services import imports
from enterprises.services.import_rows import COLUMNS
from portal import spreadsheets
from tests.factories import random_uscc

HEADER = [c.header for c in COLUMNS[:10]]


pytestmark = pytest.mark.usefixtures("english")


def xlsx(rows, header=HEADER, edit=None):
    """An .xlsx file's bytes with a header row and data rows."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    if edit:
        edit(sheet)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def csv_bytes(rows, header=HEADER, encoding="utf-8-sig"):
    lines = [",".join(header)] + [",".join(str(c) for c in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def row(uscc=None, name="广州华美餐饮有限公司", division="440106", section="H", industry="62"):
    return [
        uscc or random_uscc("440106"),
        name,
        "",
        "张三",
        "广州市",
        division,
        section,
        industry,
        "小型",
        "存续",
    ]


def test_good_xlsx(province_user):
    checked = imports.check_file(xlsx([row(), row()]), province_user)
    assert not checked.file_problems and not checked.problems and len(checked.good) == 2
    data = checked.good[0][1]
    assert data["size"] == "small" and data["status"] == "operating" and data["division_id"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_encodings(province_user, encoding):
    checked = imports.check_file(csv_bytes([row()], encoding=encoding), province_user)
    assert not checked.problems and not checked.file_problems
    assert checked.good[0][1]["name"] == "广州华美餐饮有限公司"


def test_english_headers(province_user):
    header = [
        "USCC",
        "Name",
        "Former names",
        "Legal representative",
        "Registered address",
        "Division code",
        "Industry section",
        "Industry division",
        "Size",
        "Status",
    ]
    checked = imports.check_file(xlsx([row()], header=header), province_user)
    assert len(checked.good) == 1


def test_missing_column_is_named(province_user):
    checked = imports.check_file(xlsx([row()[:1]], header=HEADER[:1]), province_user)
    assert any("企业名称" in p.message for p in checked.file_problems)


def test_renamed_column_is_named(province_user):
    header = [HEADER[0], "公司名字", *HEADER[2:]]
    checked = imports.check_file(xlsx([row()], header=header), province_user)
    messages = " ".join(p.message for p in checked.file_problems)
    assert "公司名字" in messages and "企业名称" in messages


def test_merged_cells_are_refused(province_user):
    checked = imports.check_file(
        xlsx([row(), row()], edit=lambda s: s.merge_cells("B2:B3")), province_user
    )
    assert any("B2:B3" in p.message for p in checked.file_problems)


def test_formula_cells_are_refused(province_user):
    bad = row()
    bad[1] = '=CONCATENATE("华美","餐饮")'
    checked = imports.check_file(xlsx([bad]), province_user)
    assert [(p.row, p.column) for p in checked.problems] == [(2, "企业名称")]
    assert "formula" in checked.problems[0].message


def test_dates_as_text(province_user):
    header = [HEADER[0], HEADER[1], COLUMNS[-1].header]
    good = imports.check_file(
        xlsx(
            [[random_uscc(), "甲", "2019年3月1日"], [random_uscc(), "乙", "2019/03/01"]],
            header=header,
        ),
        province_user,
    )
    assert [d["established_on"].isoformat() for _n, d in good.good] == ["2019-03-01", "2019-03-01"]
    bad = imports.check_file(
        xlsx([[random_uscc(), "丙", "三月一日"]], header=header), province_user
    )
    assert bad.problems[0].row == 2 and bad.problems[0].column == "成立日期"


def test_date_in_a_text_column(province_user):
    import datetime

    bad = row()
    bad[3] = datetime.datetime(2019, 3, 1)
    checked = imports.check_file(xlsx([bad]), province_user)
    assert checked.problems[0].column == "法定代表人"


def test_uscc_stored_as_number(province_user):
    bad = row()
    bad[0] = 914403001922038216
    checked = imports.check_file(xlsx([bad]), province_user)
    assert "number" in checked.problems[0].message


@pytest.mark.parametrize("data", [b"", xlsx([])])
def test_empty_file(province_user, data):
    checked = imports.check_file(data, province_user)
    assert checked.file_problems and not checked.good


def test_not_excel_bytes(province_user):
    for data in [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00binary",
        b"PK\x03\x04not really a zip",
        b"\xd0\xcf\x11\xe0old xls",
    ]:
        checked = imports.check_file(data, province_user)
        assert checked.file_problems, data


def test_oversized_file(province_user, monkeypatch):
    monkeypatch.setattr(spreadsheets, "MAX_BYTES", 100)
    checked = imports.check_file(csv_bytes([row(), row()]), province_user)
    assert "MB" in checked.file_problems[0].message


def test_too_many_rows(province_user, monkeypatch):
    monkeypatch.setattr(spreadsheets, "MAX_ROWS", 2)
    checked = imports.check_file(csv_bytes([row(), row(), row()]), province_user)
    assert "rows" in checked.file_problems[0].message


def test_every_row_problem_has_row_and_column(province_user):
    code = random_uscc()
    rows = [
        row(code),
        row(code),
        row("914403001922038217"),
        row(name=""),
        row(section="C", industry=""),
    ]
    checked = imports.check_file(xlsx(rows), province_user)
    found = [(p.row, p.column) for p in checked.problems]
    assert found == [
        (3, "统一社会信用代码"),
        (4, "统一社会信用代码"),
        (5, "企业名称"),
        (6, "行业门类"),
    ]
    assert "row 2" in checked.problems[0].message
    assert "Character 18" in checked.problems[1].message or "18" in checked.problems[1].message
    assert len(checked.good) == 1 and len(checked.bad) == 4


def test_out_of_scope_for_provincial_staff(province_user, hq_user):
    data = xlsx([row(random_uscc("330106"), division="")])
    assert (
        "outside your jurisdiction" in imports.check_file(data, province_user).problems[0].message
    )
    assert imports.check_file(data, hq_user).good[0][1]["reporting_unit_id"]


def test_unknown_division_code(province_user):
    checked = imports.check_file(xlsx([row(division="449999")]), province_user)
    assert checked.problems[0].column == "行政区划代码"


def test_template_reads_back(hq_user):
    checked = imports.check_file(imports.template_workbook(), hq_user)
    assert not checked.file_problems and not checked.problems and len(checked.good) == 1


def test_real_date_cells_and_numbers(province_user):
    import datetime

    header = [HEADER[0], HEADER[1], "联系电话", COLUMNS[-1].header]
    data = xlsx([[random_uscc(), "甲", 13800138000, datetime.date(2019, 3, 1)]], header=header)
    ((_n, values),) = imports.check_file(data, province_user).good
    assert values["established_on"].isoformat() == "2019-03-01"
    assert values["contact_phone"] == "13800138000"


def test_zip_that_is_not_a_workbook(province_user):
    import zipfile

    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    assert imports.check_file(stream.getvalue(), province_user).file_problems


def test_workbook_with_a_dtd_is_refused(province_user):
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(xlsx([row()])))
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>' + content.split(b"?>", 1)[-1]
            archive.writestr(item, content)
    assert imports.check_file(stream.getvalue(), province_user).file_problems
