"""Import of historical risk classes (A-E, provinces before 2022) as history rows.

Columns: USCC, class (A-E, kept as the province's letter), date classified (or a year),
note. Every row is checked against the registry within the importer's jurisdiction; the
good rows become ``RiskClassHistory`` rows marked imported (never current classes); the
rejected rows come back as an .xlsx with their reason (``portal.import_previews``).
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from enterprises.models import Enterprise
from enterprises.uscc import checked as checked_uscc
from portal import audit, jobs, spreadsheets
from portal.import_previews import PreviewStore, save_rejected
from portal.scoping import scoped

from ..models import RiskClassHistory

STORE = PreviewStore("credit-risk-imports/")
LETTERS = ("A", "B", "C", "D", "E")
HEADERS = {
    "uscc": ("统一社会信用代码", "uscc"),
    "risk_class": ("分类", "风险分类", "class"),
    "classified_on": ("分类日期", "年度", "date", "year"),
    "note": ("备注", "note"),
}
TEMPLATE_HEADER = ["统一社会信用代码", "分类", "分类日期", "备注"]


@dataclass
class Checked:
    header: list = field(default_factory=list)
    good: list = field(default_factory=list)  # (row number, enterprise id, letter, date, note)
    bad: list = field(default_factory=list)  # (row number, cells, reason)
    problem: str = ""

    @property
    def total(self):
        return len(self.good) + len(self.bad)


def _columns(header):
    names = [str(cell or "").strip().lower() for cell in header]
    found = {}
    for key, accepted in HEADERS.items():
        for index, name in enumerate(names):
            if name in accepted:
                found[key] = index
    missing = [HEADERS[k][0] for k in ("uscc", "risk_class", "classified_on") if k not in found]
    return found, missing


def _date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value or "").strip()
    if text.isdigit() and len(text) == 4:
        return datetime.date(int(text), 12, 31)
    return datetime.date.fromisoformat(text[:10])


def _check_row(cells, columns, known):
    """(enterprise id, letter, date, note), or ValueError with a reason naming the column."""

    def cell(key):
        index = columns.get(key)
        return cells[index] if index is not None and index < len(cells) else None

    try:
        code = checked_uscc(str(cell("uscc") or ""))
    except ValidationError as error:
        raise ValueError(_("USCC: %(error)s") % {"error": " ".join(error.messages)}) from error
    if code not in known:
        raise ValueError(_("USCC: %(code)s is not in the registry of your jurisdiction.") % {
            "code": code
        })  # fmt: skip
    letter = str(cell("risk_class") or "").strip().upper()
    if letter not in LETTERS:
        raise ValueError(_("Class: %(value)s is not one of A, B, C, D, E.") % {"value": letter})
    try:
        day = _date(cell("classified_on"))
    except ValueError as error:
        raise ValueError(_("Date classified: give YYYY-MM-DD or a year.")) from error
    if day > timezone.localdate():
        raise ValueError(_("Date classified: %(day)s is in the future.") % {"day": day})
    return known[code], letter, day, str(cell("note") or "").strip()[:200]


def check_file(data, user):
    """Check every row of an upload; nothing is written."""
    try:
        sheet = spreadsheets.read_table(data)
    except spreadsheets.FileProblem as problem:
        return Checked(problem=str(problem))
    columns, missing = _columns(sheet.header)
    result = Checked(header=list(sheet.header))
    if missing:
        result.problem = _("Columns missing: %(columns)s.") % {"columns": "、".join(missing)}
        return result
    codes = {str(cells[columns["uscc"]] or "").strip().upper() for _n, cells in sheet.rows
             if columns["uscc"] < len(cells)}  # fmt: skip
    known = dict(scoped(Enterprise.objects.filter(uscc__in=codes), user).values_list("uscc", "pk"))
    for number, cells in sheet.rows:
        try:
            result.good.append((number, *_check_row(cells, columns, known)))
        except ValueError as reason:
            result.bad.append((number, cells, _("Row %(row)s: %(reason)s") % {
                "row": number, "reason": reason
            }))  # fmt: skip
    return result


def run_import(job_id, upload_name, user):
    """The import job: check again, write the good rows as imported history, return the rest."""
    try:
        checked = check_file(STORE.read(upload_name), user)
    finally:
        STORE.discard(upload_name)
    if checked.problem:
        raise jobs.Refused(checked.problem)
    if checked.bad:
        save_rejected(job_id, checked.header, checked.bad, "rejected")
    with transaction.atomic():
        rows = RiskClassHistory.objects.bulk_create(
            [_history(*row[1:]) for row in checked.good], batch_size=2000
        )
        audit.record_created(RiskClassHistory, [row.pk for row in rows])
    counts = {"imported": len(checked.good), "rejected": len(checked.bad)}
    message = _("%(imported)s historical classes imported, %(rejected)s rows rejected.") % counts
    jobs.finish(job_id, result=counts, result_url=reverse("credit:risk_list"), message=message)
    return counts


def _history(enterprise_id, letter, day, note):
    at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    return RiskClassHistory(
        enterprise_id=enterprise_id, source=RiskClassHistory.Source.IMPORTED,
        risk_class=letter, computed_at=at, note=note,
    )  # fmt: skip
