"""Insert many new rows fast: PostgreSQL COPY, with bulk_create as the fallback elsewhere.

COPY skips Django's per-value SQL compilation, which dominates a large
``bulk_create``. The rows get their primary keys back through a unique field.
"""

import csv
import io
import json

from django.db import connection, models
from django.utils import timezone

NULL = r"\N"


def insert_new(model, objects, key_field):
    """Insert unsaved objects and set their pks; ``key_field`` must be unique."""
    if not objects:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(objects, batch_size=1000)
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    _stamp(objects, fields)
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(f.column) for f in fields)
    key_column = quote(model._meta.get_field(key_field).column)
    with connection.cursor() as cursor:
        cursor.copy_expert(
            f"COPY {table} ({columns}) FROM STDIN WITH (FORMAT csv, NULL '{NULL}')",
            _csv(objects, fields),
        )
        pk_column = quote(model._meta.pk.column)
        # Table and column names come from the model's metadata, quoted.
        select = f"SELECT {key_column}, {pk_column} FROM {table} WHERE {key_column} = ANY(%s)"  # noqa: S608
        cursor.execute(select, [[getattr(obj, key_field) for obj in objects]])
        ids = dict(cursor.fetchall())
    for obj in objects:
        obj.pk = ids[getattr(obj, key_field)]
        obj._state.adding = False


def _stamp(objects, fields):
    """Fill auto_now and auto_now_add fields as save() would."""
    now = timezone.now()
    stamped = [
        f for f in fields if isinstance(f, models.DateTimeField) and (f.auto_now or f.auto_now_add)
    ]
    for obj in objects:
        for field in stamped:
            setattr(obj, field.attname, now)


def _csv(objects, fields):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for obj in objects:
        writer.writerow([_cell(field, getattr(obj, field.attname)) for field in fields])
    buffer.seek(0)
    return buffer


def _cell(field, value):
    if value is None:
        return NULL
    if isinstance(field, models.JSONField):
        return json.dumps(value, cls=field.encoder, ensure_ascii=False)
    if isinstance(value, bool):
        return "t" if value else "f"
    return value.isoformat() if hasattr(value, "isoformat") else value
