"""The spreadsheets the portal writes (.xlsx and CSV): no cell from user data runs as a formula.

A spreadsheet program runs text that starts with ``= + - @`` (or a tab or carriage
return before them) as a formula, so an enterprise called ``=HYPERLINK("http://x","y")``
would become a live link in whoever opens the export (OWASP "CSV injection").
Every file the portal writes goes through this module:

- .xlsx: such text is written as a text cell with Excel's quote prefix; the value is
  unchanged, shown as text, and stays text when someone edits the cell;
- CSV has no cell types, so such text gets a leading apostrophe.
"""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def is_formula_text(value):
    """Whether a spreadsheet program would take this cell value for a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def csv_cell(value):
    """A CSV cell value that no spreadsheet runs as a formula."""
    return "'" + value if is_formula_text(value) else value


def write_csv(stream, header, rows):
    """Write header and rows as CSV to a text stream, every cell through ``csv_cell``."""
    writer = csv.writer(stream)
    for row in [header, *rows]:
        writer.writerow([csv_cell(str(value)) for value in row])


def write_xlsx(stream, header, rows, title="Sheet1"):
    """Write header and rows (iterables of cell values) as a write-only .xlsx to a stream."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.append([_xlsx_cell(sheet, value) for value in header])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    workbook.save(stream)


def _xlsx_cell(sheet, value):
    if not is_formula_text(value):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # openpyxl took the leading "=" for a formula
    cell.quotePrefix = True
    return cell


def download(header, rows, name, file_format, title="Sheet1"):
    """The rows as an attachment ``name.xlsx`` or ``name.csv`` (UTF-8 with a BOM, which Excel
    needs to read Chinese), never kept by a cache."""
    if file_format == "xlsx":
        stream = io.BytesIO()
        write_xlsx(stream, header, rows, title)
        content = stream.getvalue()
    else:
        text = io.StringIO()
        write_csv(text, header, rows)
        content = ("\ufeff" + text.getvalue()).encode()
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    response["Cache-Control"] = "no-store"
    return response
