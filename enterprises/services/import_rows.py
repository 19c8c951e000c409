"""The registry's exchange format: columns, headers in Chinese or English, checks of every row."""

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from portal import spreadsheets
from portal.models import AdminDivision, ReportingUnit
from portal.text import without_bidi

from .. import industries, uscc
from ..models import Enterprise


@dataclass(frozen=True)
class Column:
    """One column of the exchange format: field, Chinese and English headers, max length."""

    field: str
    zh: str
    en: str
    max_length: int = 0
    required: bool = False

    @property
    def header(self):
        return f"{self.zh} {self.en}"


COLUMNS = (
    Column("uscc", "统一社会信用代码", "USCC", required=True),
    Column("name", "企业名称", "Name", 200, required=True),
    Column("former_names", "曾用名", "Former names"),
    Column("legal_representative", "法定代表人", "Legal representative", 60),
    Column("address", "注册地址", "Registered address", 300),
    Column("division", "行政区划代码", "Division code"),
    Column("industry_section", "行业门类", "Industry section"),
    Column("industry_division", "行业大类", "Industry division"),
    Column("size", "企业规模", "Size"),
    Column("status", "经营状态", "Status"),
    Column("contact_name", "联系人", "Contact person", 60),
    Column("contact_phone", "联系电话", "Contact phone", 30),
    Column("contact_email", "联系邮箱", "Contact e-mail", 254),
    Column("established_on", "成立日期", "Established on"),
)
_SIZE = {"大型": "large", "中型": "medium", "小型": "small", "微型": "micro"}
_STATUS = {
    "存续": "operating", "在业": "operating", "开业": "operating", "停业": "suspended",
    "歇业": "suspended", "注销": "deregistered", "吊销": "revoked",
}  # fmt: skip
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")
_SPLIT_NAMES = re.compile(r"[;；,，、\n]+")


def _key(text):
    return re.sub(r"[\s()（）/_\-*:：]+", "", str(text or "")).lower()


_ALIASES = {
    _key(alias): column
    for column in COLUMNS
    for alias in (column.zh, column.en, column.field, column.header)
}


@dataclass
class Problem:
    """One problem found in a file: row (None for the whole file), column header, message."""

    row: int | None
    column: str
    message: str


@dataclass
class Checked:
    """The outcome of checking a file: good rows as field dicts, problems, bad rows."""

    columns: list = field(default_factory=list)  # Column or None per position
    header: list = field(default_factory=list)
    good: list = field(default_factory=list)  # (row number, data)
    bad: list = field(default_factory=list)  # (row number, cells, reason)
    problems: list = field(default_factory=list)
    file_problems: list = field(default_factory=list)

    @property
    def total(self):
        return len(self.good) + len(self.bad)


def map_header(header):
    """Columns by position and file-level problems (missing, unknown, repeated columns)."""
    columns, problems, seen = [], [], set()
    for cell in header:
        label = str(cell or "").strip()
        column = _ALIASES.get(_key(label)) if label else None
        if label and column is None:
            problems.append(Problem(1, label, _("Unknown column “%(name)s”.") % {"name": label}))
        elif column is not None and column.field in seen:
            problems.append(
                Problem(1, label, _("Column “%(name)s” appears twice.") % {"name": label})
            )
            column = None
        if column is not None:
            seen.add(column.field)
        columns.append(column)
    for column in COLUMNS:
        if column.required and column.field not in seen:
            message = _("The column “%(zh)s” (%(en)s) is missing.")
            problems.append(Problem(1, column.zh, message % {"zh": column.zh, "en": column.en}))
    if problems:
        expected = "、".join(c.zh for c in COLUMNS)
        problems.append(Problem(1, "", _("Expected columns: %(list)s.") % {"list": expected}))
    return columns, problems


class _Context:
    """What row checks need from the database, loaded once per file."""

    def __init__(self, user):
        self.user = user
        self.units = {u.code: u.pk for u in ReportingUnit.objects.all()}
        self.unit_names = dict(ReportingUnit.objects.values_list("pk", "name"))
        self.divisions = dict(AdminDivision.objects.values_list("code", "pk"))
        self.division_units = dict(AdminDivision.objects.values_list("pk", "reporting_unit_id"))
        self.own_unit = user.agency.reporting_unit_id if user.is_provincial else None


def check_file(data, user):
    """Read and check every row of an uploaded file; nothing is written."""
    checked = Checked()
    try:
        sheet = spreadsheets.read_table(data)
    except spreadsheets.FileProblem as problem:
        checked.file_problems.append(Problem(None, "", str(problem)))
        return checked
    checked.header = [str(h or "") for h in sheet.header]
    checked.columns, header_problems = map_header(sheet.header)
    checked.file_problems += header_problems
    for ref in sheet.merged:
        message = _("Merged cells (%(range)s): unmerge them and fill every cell.")
        checked.file_problems.append(Problem(None, ref, message % {"range": ref}))
    if not sheet.rows and not checked.file_problems:
        checked.file_problems.append(Problem(None, "", _("The file has no rows below the header.")))
    if checked.file_problems:
        return checked
    _check_rows(checked, sheet.rows, _Context(user))
    return checked


def _check_rows(checked, rows, context):
    first_row = {}
    for number, cells in rows:
        data, problems = check_row(checked.columns, cells, context)
        code = data.get("uscc")
        if code and code in first_row:
            message = _("This USCC already appears in row %(row)d.") % {"row": first_row[code]}
            problems.append(Problem(number, COLUMNS[0].zh, message))
        elif code:
            first_row[code] = number
        if problems:
            for problem in problems:
                problem.row = number
            checked.problems += problems
            checked.bad.append((number, cells, "; ".join(p.message for p in problems)))
        else:
            checked.good.append((number, data))


def check_row(columns, cells, context):
    """The field values of one row and the problems found in it."""
    data, problems = {}, []
    cells = [*cells, *[None] * (len(columns) - len(cells))]
    for column, value in zip(columns, cells, strict=False):
        if column is None:
            continue
        try:
            data[column.field] = _cell(column, value)
        except ValidationError as error:
            problems.append(Problem(None, column.zh, " ".join(error.messages)))
    if problems:
        return data, problems
    try:
        _place(data, context)
        if "industry_section" in data or "industry_division" in data:
            _industry(data)
    except ValidationError as error:
        name = getattr(error, "column", "")
        problems.append(Problem(None, name, " ".join(error.messages)))
    return data, problems


def _cell(column, value):
    if isinstance(value, str) and value.startswith("="):
        raise ValidationError(_("The cell holds a formula; paste the values instead."))
    if column.field == "established_on":
        return _date(value)
    if column.field == "uscc" and isinstance(value, int | float):
        raise ValidationError(
            _("The USCC is stored as a number and has lost characters; format the column as text.")
        )
    text = _text(value)
    if column.required and not text:
        raise ValidationError(_("This cell is required."))
    if column.max_length and len(text) > column.max_length:
        message = _("At most %(n)d characters (this has %(m)d).")
        raise ValidationError(message % {"n": column.max_length, "m": len(text)})
    return _CONVERT.get(column.field, lambda t: t)(text)


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        raise ValidationError(_("A date where text is expected; format the column as text."))
    return without_bidi(str(value)).strip()


def _date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    if not text:
        return None
    for pattern in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValidationError(
        _("“%(text)s” is not a date; write it as 2019-03-01.") % {"text": text[:40]}
    )


def _choice(mapping, field):
    """A converter accepting the stored values (large, operating...) and Chinese terms."""
    accepted = {**{v: v for v in field.values}, **mapping}

    def convert(text):
        if not text:
            return ""
        value = accepted.get(text) or accepted.get(text.lower())
        if value is None:
            raise ValidationError(
                _("“%(text)s” is not one of: %(list)s.")
                % {"text": text, "list": "、".join(accepted)}
            )
        return value

    return convert


def _email(text):
    if text:
        validate_email(text)
    return text


def _former(text):
    return [name.strip() for name in _SPLIT_NAMES.split(text) if name.strip()]


_SECTION_LETTERS = frozenset(code for code, _zh, _en in industries.SECTIONS)
_SECTION_BY_NAME = {zh: code for code, zh, _en in industries.SECTIONS}


def _section(text):
    letter = text[:1].upper()
    if text and letter not in _SECTION_LETTERS:
        letter = _SECTION_BY_NAME.get(text, "")
        if not letter:
            raise ValidationError(_("“%(text)s” is not a GB/T 4754 section.") % {"text": text})
    return letter


def _division_code(text):
    code = text.split(" ")[0].zfill(2) if text else ""
    if code and industries.section_of_division(code) is None:
        raise ValidationError(_("“%(text)s” is not a GB/T 4754 division.") % {"text": text})
    return code


_status = _choice(_STATUS, Enterprise.Status)
_CONVERT = {
    "uscc": uscc.checked,
    "former_names": _former,
    "contact_email": _email,
    "size": _choice(_SIZE, Enterprise.Size),
    "status": lambda t: _status(t) or "operating",
    "industry_section": _section,
    "industry_division": _division_code,
}


def _place(data, context):
    """Reporting unit and division from the division column or the USCC; scope check."""
    division_code = data.pop("division", "") or ""
    from_uscc = uscc.division_code(data["uscc"])
    unit_code = uscc.reporting_unit_code(division_code or from_uscc, settings.PORTAL_XPCC_CODE)
    unit_id = context.units.get(unit_code)
    if division_code and division_code not in context.divisions:
        raise _column_error(
            _("Unknown division code %(code)s.") % {"code": division_code}, "行政区划代码"
        )
    if unit_id is None:
        message = _("The USCC does not name a known reporting unit; give the division code.")
        raise _column_error(message, "统一社会信用代码")
    if context.own_unit is not None and unit_id != context.own_unit:
        message = _("The enterprise belongs to %(unit)s, outside your jurisdiction.")
        raise _column_error(message % {"unit": context.unit_names[unit_id]}, "统一社会信用代码")
    data["reporting_unit_id"] = unit_id
    division_id = context.divisions.get(division_code or from_uscc)
    if division_id is not None and context.division_units[division_id] == unit_id:
        data["division_id"] = division_id
    elif division_code:
        raise _column_error(_("The division does not lie in that reporting unit."), "行政区划代码")


def _column_error(message, column):
    error = ValidationError(message)
    error.column = column
    return error


def _industry(data):
    section = data.get("industry_section", "")
    division = data.get("industry_division", "")
    if division:
        derived = industries.section_of_division(division)
        if section and section != derived:
            raise _column_error(
                _("The industry division is not in the industry section."), "行业大类"
            )
        data["industry_section"] = section = derived
    if section and section not in industries.SERVICE_SECTIONS:
        raise _column_error(
            _("Campaign enterprises are in the service sections F to S."), "行业门类"
        )
