"""Survey responses from Excel/CSV: the model's items as columns, checked row by row.

A row that cannot be placed (unknown sector, division, enterprise, a cell that is not
a number) is rejected and comes back in the rejected-rows workbook. A row that can be
placed but fails a quality check (out of scale, a required item missing, a duplicate,
straight-lining, impossibly fast) is kept, excluded from the indices, with its reason.
"""

import re
from dataclasses import dataclass, field
from itertools import islice

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from enterprises import uscc
from enterprises.models import Enterprise
from portal import audit, jobs, spreadsheets
from portal.import_previews import PreviewStore, save_rejected
from portal.models import AdminDivision
from portal.text import without_bidi

from .. import sectors
from ..models import Response, Wave
from ..scoring import score
from . import versions
from .indices import compute, wave_url

BATCH = 2000
PREVIEWS = PreviewStore("survey-imports/")
GOOD_ROWS = "good"
ALL_OR_NOTHING = "all"


@dataclass(frozen=True)
class Column:
    field: str
    zh: str
    en: str
    required: bool = False

    @property
    def header(self):
        return f"{self.zh} {self.en}"


FIXED = (
    Column("sector", "行业", "Sector", required=True),
    Column("division", "行政区划代码", "Division code"),
    Column("uscc", "统一社会信用代码", "USCC"),
    Column("respondent", "受访者编号", "Respondent"),
    Column("duration", "用时秒", "Duration seconds"),
)


def _key(text):
    return re.sub(r"[\s()（）/_\-*:：]+", "", str(text or "")).lower()


_FIXED_ALIASES = {
    _key(alias): column for column in FIXED for alias in (column.zh, column.en, column.field)
} | {_key(column.header): column for column in FIXED}


@dataclass
class Problem:
    row: int | None
    column: str
    message: str


@dataclass
class Checked:
    """A checked file: rows to import (row, data), flagged among them, rejected rows."""

    header: list = field(default_factory=list)
    good: list = field(default_factory=list)  # (row number, data) with data["reason"]
    bad: list = field(default_factory=list)  # (row number, cells, reason)
    problems: list = field(default_factory=list)
    file_problems: list = field(default_factory=list)

    @property
    def total(self):
        return len(self.good) + len(self.bad)

    @property
    def flagged(self):
        return [(n, d) for n, d in self.good if d["reason"]]


def columns_of(version):
    """The headers of an import for the version: the fixed columns, then one per answer."""
    return [c.header for c in FIXED] + versions.structure(version).columns()


def map_header(header, expected_items):
    """Fixed column or item code by position, and the file's column problems."""
    items = {_key(code): code for code in expected_items}
    mapped, seen, unexpected = [], set(), []
    for cell in header:
        label = without_bidi(str(cell or "")).strip()
        target = _FIXED_ALIASES.get(_key(label))
        target = target.field if target else items.get(_key(label))
        if label and target is None:
            unexpected.append(label)
        if target in seen:
            unexpected.append(label)
            target = None
        if target:
            seen.add(target)
        mapped.append(target)
    missing = [code for code in expected_items if code not in seen]
    missing += [c.zh for c in FIXED if c.required and c.field not in seen]
    problems = []
    if missing:
        message = _("Missing columns: %(list)s.") % {"list": "、".join(missing)}
        problems.append(Problem(1, "", message))
    if unexpected:
        message = _("Unexpected columns: %(list)s.") % {"list": "、".join(unexpected)}
        problems.append(Problem(1, "", message))
    return mapped, problems


def item_specs(structure):
    """{answer column: item spec}: one per item, or an expectation and a perception of each."""
    return {
        code: item
        for item in structure.items()
        for code in ([f"{item.code}_E", f"{item.code}_P"] if structure.paired else [item.code])
    }


@dataclass
class QualityContext:
    """What the quality checks compare a response with: the items and who answered already."""

    items: dict
    seen_respondents: set = field(default_factory=set)
    file_respondents: dict = field(default_factory=dict)


class _Context:
    """What row checks need, loaded once per file."""

    def __init__(self, wave, user):
        self.wave = wave
        self.structure = versions.structure(wave.version)
        self.items = item_specs(self.structure)
        self.divisions = {
            code: (pk, unit)
            for code, pk, unit in AdminDivision.objects.values_list("code", "pk", "reporting_unit")
        }
        self.own_unit = user.agency.reporting_unit_id if user.is_provincial else None
        self.unit = wave.reporting_unit_id or self.own_unit
        self.seen_respondents = set(
            Response.objects.filter(wave=wave).exclude(respondent="")
            .values_list("respondent", flat=True)
        )  # fmt: skip
        self.file_respondents = {}
        self.enterprises = {}


def check_file(data, wave, user):
    """Read and check every row of an upload against the wave's model version; writes nothing."""
    checked = Checked()
    try:
        sheet = spreadsheets.read_table(data)
    except spreadsheets.FileProblem as problem:
        checked.file_problems.append(Problem(None, "", str(problem)))
        return checked
    context = _Context(wave, user)
    checked.header = [str(h or "") for h in sheet.header]
    mapped, problems = map_header(sheet.header, list(context.items))
    checked.file_problems += problems
    if not sheet.rows and not problems:
        checked.file_problems.append(Problem(None, "", _("The file has no rows below the header.")))
    if checked.file_problems:
        return checked
    _load_enterprises(context, mapped, sheet.rows)
    for number, cells in sheet.rows:
        data, problems = check_row(mapped, cells, context, number)
        if problems:
            for problem in problems:
                problem.row = number
            checked.problems += problems
            checked.bad.append((number, cells, "; ".join(p.message for p in problems)))
        else:
            checked.good.append((number, data))
    return checked


def _load_enterprises(context, mapped, rows):
    if "uscc" not in mapped:
        return
    position = mapped.index("uscc")
    codes = {
        uscc.normalise(str(cells[position]))
        for _n, cells in rows
        if position < len(cells) and cells[position]
    }
    context.enterprises = dict(Enterprise.objects.filter(uscc__in=codes).values_list("uscc", "pk"))


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return without_bidi(str(value)).strip()


def check_row(mapped, cells, context, number=None):
    """The response of one row (with its quality flags) and the problems that reject it."""
    cells = [*cells, *[None] * (len(mapped) - len(cells))]
    values = {target: value for target, value in zip(mapped, cells, strict=False) if target}
    problems, data = [], {"answers": {}, "row": number}
    for name, cell in values.items():
        if isinstance(cell, str) and cell.startswith("="):
            problems.append(Problem(None, name, _("The cell holds a formula; paste the values.")))
    if problems:
        return data, problems
    for check in (_sector, _place, _enterprise, _duration, _answers):
        try:
            check(values, data, context)
        except ValidationError as error:
            problems.append(Problem(None, getattr(error, "column", ""), " ".join(error.messages)))
    if not problems:
        data["reason"] = "; ".join(quality(data, context))
    return data, problems


def _error(message, column):
    error = ValidationError(message)
    error.column = column
    return error


def _sector(values, data, context):
    text = _text(values.get("sector"))
    code = sectors.normalise(text)
    if code is None:
        raise _error(_("“%(text)s” is not a sector of the survey.") % {"text": text[:40]}, "行业")
    if code not in context.wave.sectors:
        message = _("The wave does not survey “%(sector)s”.")
        raise _error(message % {"sector": sectors.sector_label(code)}, "行业")
    data["sector"] = code


def _place(values, data, context):
    code = _text(values.get("division"))
    if not code:
        if context.unit is None:
            message = _("A national wave needs the division code of every response.")
            raise _error(message, "行政区划代码")
        data["reporting_unit_id"], data["division_id"] = context.unit, None
        return
    if code not in context.divisions:
        raise _error(_("Unknown division code %(code)s.") % {"code": code[:12]}, "行政区划代码")
    division_id, unit_id = context.divisions[code]
    if context.unit is not None and unit_id != context.unit:
        raise _error(_("The division lies outside the wave's or your unit."), "行政区划代码")
    data["reporting_unit_id"], data["division_id"] = unit_id, division_id


def _enterprise(values, data, context):
    text = _text(values.get("uscc"))
    data["enterprise_id"] = None
    if not text:
        return
    try:
        code = uscc.checked(text)
    except ValidationError as error:
        raise _error(" ".join(error.messages), "统一社会信用代码") from None
    if code not in context.enterprises:
        message = _("No enterprise with the USCC %(code)s is registered.")
        raise _error(message % {"code": code}, "统一社会信用代码")
    data["enterprise_id"] = context.enterprises[code]


def _duration(values, data, context):
    data["respondent"] = _text(values.get("respondent"))[:60]
    text = _text(values.get("duration"))
    data["duration_seconds"] = None
    if text:
        if not text.isdigit():
            raise _error(_("The duration is a whole number of seconds."), "用时秒")
        data["duration_seconds"] = int(text)


def _answers(values, data, context):
    bad = []
    for code in context.items:
        text = _text(values.get(code))
        if not text:
            continue
        try:
            data["answers"][code] = int(text)
        except ValueError:
            bad.append(code)
    if bad:
        message = _("Not a whole number in %(list)s.") % {"list": "、".join(bad)}
        raise _error(message, bad[0])


def quality(data, context):
    """Why the response is excluded from the indices (empty: it is not)."""
    reasons, answers = [], data["answers"]
    outside = [
        c for c, v in answers.items() if not context.items[c].low <= v <= context.items[c].high
    ]
    if outside:
        reasons.append(_("Outside the scale: %(list)s.") % {"list": "、".join(outside)})
    missing = [c for c, item in context.items.items() if item.required and c not in answers]
    if missing:
        reasons.append(_("Required items missing: %(list)s.") % {"list": "、".join(missing)})
    respondent = data["respondent"]
    if respondent:
        first = context.file_respondents.setdefault(respondent, data.get("row"))
        if respondent in context.seen_respondents:
            reasons.append(_("Duplicate: this respondent already answered in this wave."))
        elif first != data.get("row"):
            reasons.append(_("Duplicate of row %(row)s.") % {"row": first})
    if len(answers) >= settings.MONITORING_STRAIGHT_LINE_ITEMS and len(set(answers.values())) == 1:
        reasons.append(_("Straight-lining: every item has the same answer."))
    seconds = data["duration_seconds"]
    least = settings.MONITORING_MIN_SECONDS_PER_ITEM * len(context.items)
    if seconds is not None and seconds < least:
        message = _("Completed in %(s)d seconds; at least %(least)d are plausible.")
        reasons.append(message % {"s": seconds, "least": least})
    return [str(r) for r in reasons]


def run_import(job_id, wave_id, upload_name, mode, user):
    """The import job: check every row, store the rows (or none), then compute the indices."""
    try:
        data = PREVIEWS.read(upload_name)
    finally:
        PREVIEWS.discard(upload_name)
    wave = Wave.objects.select_related("version__model").get(pk=wave_id)
    checked = check_file(data, wave, user)
    if checked.file_problems:
        raise jobs.Refused("; ".join(p.message for p in checked.file_problems[:5]))
    if checked.bad:
        save_rejected(job_id, checked.header, checked.bad)
    if checked.bad and mode == ALL_OR_NOTHING:
        message = _("%(bad)d rows have problems; nothing was imported.")
        raise jobs.Refused(message % {"bad": len(checked.bad)})
    stored = store(wave, checked.good, job_id, checked.total)
    counts = {"imported": stored, "excluded": len(checked.flagged), "rejected": len(checked.bad)}
    compute(wave, job_id=job_id, user=user)
    message = _("%(imported)d responses imported (%(excluded)d excluded), %(rejected)d rejected.")
    jobs.finish(job_id, result=counts, message=message % counts, result_url=wave_url(wave))
    return counts


def store(wave, rows, job_id=None, total=None):
    """Insert checked rows as responses with their scores, in batches; freezes the version."""
    structure = versions.structure(wave.version)
    iterator, done = iter(rows), 0
    with transaction.atomic():
        versions.freeze(wave.version)
        while batch := list(islice(iterator, BATCH)):
            objects = [_response(wave, structure, data) for _number, data in batch]
            created = Response.objects.bulk_create(objects)
            audit.record_created(Response, [r.pk for r in created])
            done += len(batch)
            if job_id:
                jobs.progress(job_id, done, total, _("Importing…"))
    return done


def store_one(wave, data):
    """Save one checked response (a questionnaire answered online) with its scores."""
    versions.freeze(wave.version)
    response = _response(wave, versions.structure(wave.version), data)
    response.save()
    return response


def _response(wave, structure, data):
    response = Response(
        wave=wave, reporting_unit_id=data["reporting_unit_id"], division_id=data["division_id"],
        sector=data["sector"], enterprise_id=data["enterprise_id"],
        respondent=data["respondent"], duration_seconds=data["duration_seconds"],
        answers=data["answers"], excluded=bool(data["reason"]), reason=data["reason"][:500],
        row=data.get("row"),
    )  # fmt: skip
    if not response.excluded:
        scores = score(structure, data["answers"])
        response.score = scores.score
        response.indicator_scores = {f"i{k}": str(v) for k, v in scores.indicators.items()}
        for position, value in scores.dimensions.items():
            setattr(response, f"d{position}", value)
        for position, value in scores.gaps.items():
            setattr(response, f"g{position}", value)
    return response
