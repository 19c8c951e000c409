"""Bulk import of the registry (upsert by USCC, as a job) and export to Excel."""

import io
import json
from itertools import islice

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import audit, bulk, exports, jobs
from portal.import_previews import PreviewStore, save_rejected
from portal.models import ReportingUnit

from ..models import Enterprise
from ..models.registry import bigram_value
from .import_rows import COLUMNS, check_file

BATCH = 2000
UPLOAD_DIR = "enterprise-imports/"
GOOD_ROWS = "good"
ALL_OR_NOTHING = "all"
EXPORT_FIELDS = (
    "uscc", "name", "former_names", "legal_representative", "address", "division__code",
    "industry_section", "industry_division", "size", "status", "contact_name",
    "contact_phone", "contact_email", "established_on",
)  # fmt: skip


def template_workbook():
    """The import template: the expected headers and one example row."""
    stream = io.BytesIO()
    example = ["914403001922038216", "深圳市华美优质服务有限公司", "", "王芳", "深圳市南山区科技园"]
    example += ["440305", "H", "62", "小型", "存续", "李明", "0755-26000000", "", "2015-06-01"]
    exports.write_xlsx(stream, [c.header for c in COLUMNS], [example], "enterprises")
    return stream.getvalue()


_previews = PreviewStore(UPLOAD_DIR)
store_upload = _previews.save
read_upload = _previews.read
preview_expired = _previews.expired
discard_upload = _previews.discard
remove_expired_uploads = _previews.remove_expired


def run_import(job_id, upload_name, mode, user):
    """The import job: check every row, then upsert the good rows (or none) by USCC."""
    try:
        return _import(job_id, read_upload(upload_name), mode, user)
    finally:
        discard_upload(upload_name)


def _import(job_id, data, mode, user):
    checked = check_file(data, user)
    if checked.file_problems:
        jobs.fail(job_id, "; ".join(p.message for p in checked.file_problems[:5]))
        return None
    if checked.bad:
        _save_rejected(job_id, checked)
    if checked.bad and mode == ALL_OR_NOTHING:
        message = _("%(bad)d rows have problems; nothing was imported.")
        jobs.fail(job_id, message % {"bad": len(checked.bad)})
        return None
    fields = [c.field for c in checked.columns if c is not None]
    counts = upsert(checked.good, fields, job_id, checked.total)
    jobs.progress(job_id, checked.total, checked.total)
    counts["rejected"] = len(checked.bad)
    message = _(
        "%(created)d new, %(updated)d changed, %(unchanged)d unchanged, %(rejected)d rejected."
    )
    jobs.finish(
        job_id, result=counts, result_url=reverse("enterprises:list"), message=message % counts
    )
    return counts


def upsert(rows, fields, job_id=None, total=None):
    """Create or update enterprises by USCC in batches; unchanged rows are not written."""
    fields = _update_fields(fields)
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    units = ReportingUnit.objects.in_bulk()
    iterator = iter(rows)
    done = 0
    with transaction.atomic():
        while batch := list(islice(iterator, BATCH)):
            _upsert_batch([data for _number, data in batch], fields, counts, units)
            done += len(batch)
            if job_id:
                jobs.progress(job_id, done, total, _("Importing…"))
    return counts


def _update_fields(fields):
    names = [f for f in fields if f not in ("uscc", "division")]
    if "division" in fields:
        names += ["reporting_unit_id", "division_id"]
    return names


def _upsert_batch(batch, fields, counts, units):
    existing = Enterprise.objects.in_bulk([d["uscc"] for d in batch], field_name="uscc")
    new, changed, changes = [], [], {}
    now = timezone.now()
    for data in batch:
        enterprise = existing.get(data["uscc"])
        if enterprise is None:
            new.append(Enterprise(**data, name_bigrams=_bigrams(data)))
            continue
        diff = {
            f: (getattr(enterprise, f), data.get(f))
            for f in fields
            if getattr(enterprise, f) != data.get(f)
        }
        if not diff:
            counts["unchanged"] += 1
            continue
        for name, (_old, value) in diff.items():
            setattr(enterprise, name, value)
        enterprise.name_bigrams = bigram_value(enterprise.name, enterprise.former_names)
        enterprise.updated_at = now
        changed.append(enterprise)
        changes[enterprise.pk] = {f: [_plain(a), _plain(b)] for f, (a, b) in diff.items()}
    bulk.insert_new(Enterprise, new, key_field="uscc")
    for enterprise in [*new, *changed]:
        enterprise.reporting_unit = units[enterprise.reporting_unit_id]  # no query per row
    audit.record_created(Enterprise, [e.pk for e in new], repr_field="name")
    if changed:
        Enterprise.objects.bulk_update(
            changed, [*fields, "name_bigrams", "updated_at"], batch_size=1000
        )
        audit.record_bulk(changed, "update", changes)
    counts["created"] += len(new)
    counts["updated"] += len(changed)


def _plain(value):
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _bigrams(data):
    return bigram_value(data["name"], data.get("former_names") or [])


def _save_rejected(job_id, checked):
    """Store the rejected rows, with a reason column, as the job's result file."""
    save_rejected(job_id, checked.header, checked.bad)


def export_rows(queryset):
    """Rows of an export: the exchange columns, so an export can be imported again."""
    for values in queryset.order_by("-pk").values_list(*EXPORT_FIELDS).iterator(chunk_size=2000):
        row = list(values)
        row[2] = "；".join(row[2] or [])
        row[-1] = row[-1].isoformat() if row[-1] else ""
        yield row


def write_export(stream, queryset):
    """Write the queryset as an .xlsx (write-only, streamed from the database)."""
    exports.write_xlsx(stream, [c.header for c in COLUMNS], export_rows(queryset), "enterprises")


def run_export(job_id, queryset):
    """The export job for large results: the workbook becomes the job's result file."""
    jobs.progress(job_id, 0, None, _("Writing the workbook…"))
    stream = io.BytesIO()
    write_export(stream, queryset)
    jobs.save_result_file(job_id, f"enterprises-{job_id}.xlsx", stream.getvalue())
    jobs.finish(job_id, message=_("The workbook is ready."))
