"""A lean reader of the first worksheet of an .xlsx (Office Open XML), for bulk imports.

openpyxl builds Python objects per cell and reads about 30,000 cells a second;
this reader streams the sheet XML with the C parser and yields plain values,
several times faster. Formulas come back as Formula, date-formatted numbers as
datetime, and merged ranges are reported. No database, no Django.

A workbook is a zip archive, so a small upload can unpack to gigabytes. The
archive's directory is checked against ``Limits`` before any part is read, and
the row and column limits apply while the sheet streams: a refusal raises
``Refused`` with a code (as the USCC check does) that the caller words.
zipfile never returns more bytes than a member's directory entry declares (it
fails the CRC instead), so the declared sizes can be trusted.
"""

import datetime
import io
import re
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import iterparse

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DATE_FORMAT_IDS = {14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47}
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]')
_EPOCH_1900 = datetime.datetime(1899, 12, 30)
_EPOCH_1904 = datetime.datetime(1904, 1, 1)


MIB = 1024 * 1024


class NotAWorkbook(ValueError):
    """The zip archive is not a spreadsheet workbook."""


class Refused(ValueError):
    """The workbook exceeds a limit: code, the part or cell concerned, its value and the limit."""

    def __init__(self, code, where="", value=0, limit=0):
        super().__init__(f"{code} {where} {value} > {limit}")
        self.code, self.where, self.value, self.limit = code, where, value, limit


@dataclass(frozen=True)
class Limits:
    """What a workbook may unpack to. A real 200,000-row sheet is about 160 MB at ratio 12."""

    members: int = 500
    member_bytes: int = 256 * MIB
    total_bytes: int = 384 * MIB
    ratio: int = 100  # checked for members over ratio_from bytes; small ones cannot hurt
    ratio_from: int = MIB
    part_bytes: int = 8 * MIB  # workbook.xml, its relationships, styles.xml: read whole
    rows: int = 200_000  # data rows below the header that hold a value
    columns: int = 64  # the exchange format has 14


def check_archive(archive, limits):
    """Refuse an archive whose directory promises too many or too large members."""
    members = archive.infolist()
    if len(members) > limits.members:
        raise Refused("members", "", len(members), limits.members)
    total = 0
    for member in members:
        size = member.file_size
        if size > limits.member_bytes:
            raise Refused("member_bytes", member.filename, size, limits.member_bytes)
        ratio = size // max(member.compress_size, 1)
        if size > limits.ratio_from and ratio > limits.ratio:
            raise Refused("ratio", member.filename, ratio, limits.ratio)
        total += size
    if total > limits.total_bytes:
        raise Refused("total_bytes", "", total, limits.total_bytes)


class Formula(str):
    """The text of a formula cell (without its cached value)."""


def column_index(ref):
    """0-based column of a cell reference such as "AB12"."""
    index = 0
    for char in ref:
        if char.isdigit():
            break
        index = index * 26 + ord(char) - 64
    return index - 1


def _read_part(archive, name, limits):
    """A small part read whole, within the part limit."""
    try:
        size = archive.getinfo(name).file_size
    except KeyError as missing:
        raise NotAWorkbook(str(missing)) from missing
    if size > limits.part_bytes:
        raise Refused("part_bytes", name, size, limits.part_bytes)
    return archive.read(name)


def _first_sheet_path(archive, limits):
    workbook = _read_part(archive, "xl/workbook.xml", limits)
    rels = _read_part(archive, "xl/_rels/workbook.xml.rels", limits)
    targets = {}
    for _event, element in _parse(_stream(rels)):
        if element.tag == f"{PKG_REL}Relationship":
            targets[element.get("Id")] = element.get("Target")
    first, date1904 = None, False
    for _event, element in _parse(_stream(workbook)):
        if element.tag == f"{NS}workbookPr":
            date1904 = element.get("date1904") in ("1", "true")
        if element.tag == f"{NS}sheet" and first is None:
            first = targets.get(element.get(f"{REL_NS}id"))
    if not first:
        raise NotAWorkbook("no worksheet")
    path = first.lstrip("/") if first.startswith("/") else "xl/" + first
    return path, date1904


def _stream(data):
    return _checked(io.BytesIO(data))


class _Prefixed:
    """A stream whose first bytes were read already (to look for a DTD)."""

    def __init__(self, head, rest):
        self.head, self.rest = head, rest

    def read(self, size=-1):
        if self.head:
            head, self.head = self.head, b""
            return head
        return self.rest.read(size)


def _checked(stream):
    """The stream, unless its prolog declares a DTD (entity expansion attacks)."""
    head = stream.read(4096)
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
        raise NotAWorkbook("DTD in workbook XML")
    return _Prefixed(head, stream)


def _parse(stream, events=("end",)):
    # Safe: no DTD gets this far (see _checked) and expat resolves no external entities.
    return iterparse(stream, events=events)  # noqa: S314


def _shared_strings(archive):
    """The shared string table; phonetic guides (rPh) are left out."""
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    strings, parts, phonetic = [], [], False
    with archive.open("xl/sharedStrings.xml") as stream:
        for event, element in _parse(_checked(stream), events=("start", "end")):
            tag = element.tag
            if tag == f"{NS}rPh":
                phonetic = event == "start"
            elif event == "start":
                continue
            elif tag == f"{NS}t" and not phonetic:
                parts.append(element.text or "")
            elif tag == f"{NS}si":
                strings.append("".join(parts))
                parts = []
                element.clear()
    return strings


def _is_date_format(code):
    code = _QUOTED.sub("", code).lower()
    return any(c in code for c in "ymdhs") and "general" not in code


def _date_styles(archive, limits):
    """Indexes of cell styles whose number format shows a date."""
    if "xl/styles.xml" not in archive.namelist():
        return set()
    custom, formats, in_xfs = {}, [], False
    styles = _read_part(archive, "xl/styles.xml", limits)
    for event, element in _parse(_stream(styles), events=("start", "end")):
        if element.tag == f"{NS}numFmt" and event == "end":
            custom[int(element.get("numFmtId"))] = element.get("formatCode") or ""
        elif element.tag == f"{NS}cellXfs":
            in_xfs = event == "start"
        elif element.tag == f"{NS}xf" and in_xfs and event == "start":
            formats.append(int(element.get("numFmtId") or 0))
    return {
        index
        for index, fmt in enumerate(formats)
        if fmt in DATE_FORMAT_IDS or (fmt in custom and _is_date_format(custom[fmt]))
    }


def read_first_sheet(data_stream, limits=Limits()):
    """(rows, merged): rows holding a value as (row number, [values]), merged ranges ("A2:B3")."""
    try:
        archive = zipfile.ZipFile(data_stream)
    except zipfile.BadZipFile as error:
        raise NotAWorkbook(str(error)) from error
    with archive:
        check_archive(archive, limits)
        path, date1904 = _first_sheet_path(archive, limits)
        strings, dates = _shared_strings(archive), _date_styles(archive, limits)
        epoch = _EPOCH_1904 if date1904 else _EPOCH_1900
        try:
            with archive.open(path) as stream:
                return _read_sheet(stream, _Cells(strings, dates, epoch), limits)
        except KeyError as missing:
            raise NotAWorkbook(str(missing)) from missing


@dataclass
class _Cells:
    """What reading a cell's value needs: shared strings, date styles, the date epoch."""

    strings: list
    dates: set
    epoch: datetime.datetime


def _read_sheet(stream, context, limits):
    rows, merged, cells, number = [], [], {}, 0
    cell_tag, row_tag, merge_tag = f"{NS}c", f"{NS}row", f"{NS}mergeCell"
    for _event, element in _parse(_checked(stream)):
        tag = element.tag
        if tag == cell_tag:
            ref = element.get("r")
            index = column_index(ref) if ref else len(cells)
            if index >= limits.columns:
                raise Refused("columns", ref or "", index + 1, limits.columns)
            cells[index] = _value(element, context)
            element.clear()
        elif tag == row_tag:
            number = int(element.get("r") or number + 1)
            if any(value not in (None, "") for value in cells.values()):
                if len(rows) > limits.rows:  # the header and limits.rows data rows are in
                    raise Refused("rows", str(number), len(rows), limits.rows)
                values = [None] * (max(cells) + 1)
                for index, value in cells.items():
                    values[index] = value
                rows.append((number, values))
            cells = {}
            element.clear()
        elif tag == merge_tag:
            merged.append(element.get("ref"))
    return rows, merged


def _value(cell, context):
    formula = cell.find(f"{NS}f")
    if formula is not None:
        return Formula("=" + (formula.text or ""))
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(f"{NS}t"))
    raw = cell.findtext(f"{NS}v")
    if raw is None:
        return None
    if kind == "s":
        try:
            return context.strings[int(raw)]
        except IndexError as missing:
            raise NotAWorkbook(f"shared string {raw}") from missing
    if kind in ("str", "e"):
        return raw
    if kind == "b":
        return raw == "1"
    number = float(raw)
    if int(cell.get("s") or 0) in context.dates:
        return context.epoch + datetime.timedelta(days=number)
    return int(number) if number.is_integer() else number
