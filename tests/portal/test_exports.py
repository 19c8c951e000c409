"""Spreadsheets the portal writes: text that looks like a formula stays text."""

import io

import pytest
from openpyxl import load_workbook

from portal import exports

HOSTILE = ['=HYPERLINK("http://x","y")', "=1+1", "+86-755-1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_prefixes_are_recognised(value):
    assert exports.is_formula_text(value)
    assert exports.csv_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["广州=1", " =1", "１+1", "", None, -5, 3.5])
def test_other_values_are_left_alone(value):
    assert not exports.is_formula_text(value)
    assert exports.csv_cell(value) == value


def test_xlsx_cells_come_back_as_the_same_text():
    hostile = HOSTILE[:-1]  # XML reads a carriage return back as a line feed
    stream = io.BytesIO()
    exports.write_xlsx(stream, ["=header", "plain"], [[*hostile, "plain", 7]])
    sheet = load_workbook(io.BytesIO(stream.getvalue())).active
    header, row = sheet[1], sheet[2]
    assert header[0].value == "=header" and header[0].data_type == "s"
    assert [cell.value for cell in row] == [*hostile, "plain", 7]
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in row[: len(hostile)])
    assert row[-1].data_type == "n"
