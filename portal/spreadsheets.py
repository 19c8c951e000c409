"""Reading uploaded spreadsheets (.xlsx and CSV) for the imports; no database.

Files are recognised by their content, not their name: an .xlsx is a zip
archive with a workbook inside; anything else must decode as UTF-8 (with or
without BOM) or GB18030 text to be read as CSV.
"""

import csv
import io
import zipfile
import zlib
from dataclasses import dataclass, field, replace
from xml.etree.ElementTree import ParseError

from django.utils.translation import gettext as _

from . import xlsx_reader

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 200_000
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


class FileProblem(ValueError):
    """The file as a whole cannot be read; the message says why."""


@dataclass
class Sheet:
    """A table read from a file: header cells, data rows (row number, cells), merged ranges."""

    kind: str
    header: list
    rows: list = field(default_factory=list)
    merged: list = field(default_factory=list)


def read_table(data: bytes) -> Sheet:
    """Read the first sheet of an .xlsx, or a CSV, from bytes; FileProblem if it cannot."""
    if not data:
        raise FileProblem(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise FileProblem(
            _("The file is larger than %(mb)d MB; split it into smaller files.")
            % {"mb": MAX_BYTES // (1024 * 1024)}
        )
    if data.startswith(_OLE_MAGIC):
        raise FileProblem(_("This is an old .xls workbook; save it as .xlsx and upload again."))
    if data.startswith(_ZIP_MAGIC):
        return _read_xlsx(data)
    return _read_csv(data)


def _too_many_rows():
    return FileProblem(
        _("The file has more than %(rows)s data rows; split it into smaller files.")
        % {"rows": f"{MAX_ROWS:,}"}
    )


def _mb(size):
    return f"{size / xlsx_reader.MIB:,.0f}"


def _refusal(refused):
    """The user's message for a workbook over one of xlsx_reader's limits."""
    where, value, limit = refused.where, refused.value, refused.limit
    if refused.code == "rows":
        return _too_many_rows()
    messages = {
        "members": _(
            "The workbook holds %(value)s parts; at most %(limit)s are accepted. "
            "Copy the data into a new workbook."
        ),
        "member_bytes": _(
            "The part %(where)s of the workbook unpacks to %(value)s MB; at most %(limit)s MB "
            "are accepted. Split the file into smaller files."
        ),
        "part_bytes": _(
            "The part %(where)s of the workbook unpacks to %(value)s MB; at most %(limit)s MB "
            "are accepted. Copy the data into a new workbook."
        ),
        "total_bytes": _(
            "The workbook unpacks to %(value)s MB; at most %(limit)s MB are accepted. "
            "Split it into smaller files."
        ),
        "ratio": _(
            "The part %(where)s of the workbook unpacks to %(value)s times its packed size "
            "(at most %(limit)s times): this is not an ordinary workbook."
        ),
        "columns": _(
            "Cell %(where)s lies beyond column %(limit)s; delete the columns right of the data."
        ),
    }
    if refused.code.endswith("_bytes"):
        value, limit = _mb(value), _mb(limit)
    return FileProblem(messages[refused.code] % {"where": where, "value": value, "limit": limit})


def _read_xlsx(data):
    limits = replace(xlsx_reader.Limits(), rows=MAX_ROWS)
    try:
        rows, merged = xlsx_reader.read_first_sheet(io.BytesIO(data), limits)
    except xlsx_reader.Refused as refused:
        raise _refusal(refused) from refused
    except (zipfile.BadZipFile, ParseError, zlib.error, ValueError, OSError, RuntimeError) as error:
        raise FileProblem(_("This file is not an Excel workbook (.xlsx) or a CSV file.")) from error
    header = rows[0][1] if rows else []
    return Sheet("xlsx", header, rows[1:], merged)


def _decode(data):
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _read_csv(data):
    text = None if b"\x00" in data[:8192] else _decode(data)
    if text is None or not text.strip():
        if text is not None:
            raise FileProblem(_("The file is empty."))
        raise FileProblem(_("This file is not an Excel workbook (.xlsx) or a CSV file."))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    header = next(reader, [])
    table = Sheet("csv", header)
    for number, values in enumerate(reader, start=2):
        if any(v.strip() for v in values):
            table.rows.append((number, values))
            if len(table.rows) > MAX_ROWS:
                raise _too_many_rows()
    return table
