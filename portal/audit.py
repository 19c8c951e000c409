"""The one audit trail.

Who is acting is held in a context variable for the duration of a request
(``AuditMiddleware``), a management command or a task (``acting_as``). Model
signals then record every create, update and delete of the project's models
with the field values before and after. Writes with nobody acting (migrations,
system jobs) are not recorded. Bulk writes, which send no signals, call
``record_bulk``.
"""

import contextvars
import hashlib
import json
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.functional import SimpleLazyObject

from .crypto import EncryptedTextField

# Besides the apps whose AppConfig says ``audited = True``: the TOTP devices of
# portal.two_factor, a library's model that holds who turned two-factor on.
AUDITED_LIBRARY_APPS = {"otp_totp"}
# Login counters and API tokens are audited by their events (record_event), not per row.
NOT_AUDITED = {
    "portal.AuditEntry",
    "portal.Job",
    "portal.LoginThrottle",
    "portal.ApiToken",
    "portal.SentForm",  # a spent form token (portal.once): what it made is audited
}
SECRET_FIELDS = {"password", "key", "token"}
NOISE_FIELDS = {"last_login"}
MAX_VALUE_LENGTH = 2000


@dataclass
class Actor:
    """Who is writing, and through what."""

    user: object = None
    label: str = ""
    source: str = "web"
    ip_address: str | None = None
    request: object = None

    def resolve(self):
        """The user (requests authenticate lazily, DRF token auth after middleware)."""
        if self.request is not None:
            user = getattr(self.request, "user", None)
            if user is not None and user.is_authenticated:
                return user, user.get_username()
            return None, "anonymous"
        return self.user, self.label or (self.user.get_username() if self.user else "system")


_current_actor = contextvars.ContextVar("audit_actor", default=None)


@contextmanager
def acting_as(user=None, *, source="command", label=""):
    """Record the writes inside the block as made by this user (or a named command)."""
    token = _current_actor.set(Actor(user=user, label=label, source=source))
    try:
        yield
    finally:
        _current_actor.reset(token)


def current_actor():
    return _current_actor.get()


@contextmanager
def acting_unless_set(user, *, label=""):
    """Inside a request or ``acting_as`` keep that actor; otherwise act as ``user`` (or the system).

    So a service called from a shell, a test or a task without ``acting_as`` is audited too.
    """
    if current_actor() is not None:
        yield
        return
    with acting_as(user, source="command" if user else "task", label=label):
        yield


class AuditMiddleware:
    """Attributes every write during a request to the requesting user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        source = (
            "api" if path.startswith("/api/") else "admin" if path.startswith("/admin/") else "web"
        )
        actor = Actor(source=source, ip_address=request.META.get("REMOTE_ADDR"), request=request)
        token = _current_actor.set(actor)
        try:
            return self.get_response(request)
        finally:
            _current_actor.reset(token)


def is_audited(model):
    """Whether writes to this model are recorded (its app declares ``audited = True``)."""
    meta = model._meta
    audited_app = (
        getattr(meta.app_config, "audited", False) or meta.app_label in AUDITED_LIBRARY_APPS
    )
    return audited_app and meta.label not in NOT_AUDITED


def _plain(value):
    """A JSON-safe, bounded form of a field value."""
    if hasattr(value, "name") and hasattr(value, "storage"):  # FieldFile
        value = value.name or ""
    text = json.loads(json.dumps(value, cls=DjangoJSONEncoder, default=str))
    if isinstance(text, str) and len(text) > MAX_VALUE_LENGTH:
        return text[:MAX_VALUE_LENGTH] + "…"
    return text


def _masked(secret):
    """A secret shown as a short fingerprint: a change is visible, the value is not."""
    if not secret:
        return ""
    return "***" + hashlib.sha256(str(secret).encode()).hexdigest()[:6]


def field_values(instance):
    """The concrete field values of an instance, secrets masked.

    Encrypted personal data is masked like a secret. A model leaves derived fields out
    with ``audit_exclude = {"field", ...}``.
    """
    values = {}
    skipped = NOISE_FIELDS | getattr(type(instance), "audit_exclude", set())
    for field in instance._meta.concrete_fields:
        if field.name in skipped:
            continue
        value = field.value_from_object(instance)
        secret = field.name in SECRET_FIELDS or isinstance(field, EncryptedTextField)
        values[field.attname] = _masked(value) if secret else _plain(value)
    return values


def diff(before, after):
    """{field: [before, after]} for the fields that differ."""
    keys = sorted(set(before) | set(after))
    return {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}


def reporting_unit_id_of(instance):
    """The reporting unit the object belongs to, by its declared scope."""
    scope = getattr(type(instance), "scope", None)
    path = getattr(scope, "first_jurisdiction", None)
    if not path:
        return None
    *hops, last = path.split("__")
    value = instance
    for part in hops:
        value = getattr(value, part, None)
        if value is None:
            return None
    # The last hop is a foreign key: read its id without fetching the row.
    return getattr(value, f"{last}_id", None)


def write_entry(instance, action, changes, actor=None):
    """Append one audit entry for an object."""
    from .models import AuditEntry

    actor = actor or current_actor()
    user, label = actor.resolve()
    return AuditEntry.objects.create(**_entry_fields(instance, action, changes, actor, user, label))


def _entry_fields(instance, action, changes, actor, user, label):
    return {
        "actor": user,
        "actor_label": label[:150],
        "source": actor.source,
        "action": action,
        "content_type": ContentType.objects.get_for_model(type(instance)),
        "object_id": str(instance.pk),
        "object_repr": str(instance)[:200],
        "changes": changes,
        "reporting_unit_id": reporting_unit_id_of(instance),
        "ip_address": actor.ip_address,
    }


def record_event(instance, action, **details):
    """Append an event about an object (a login, a lockout, a token issued), with its details.

    Outside a request or ``acting_as`` block nothing is recorded, as for writes.
    """
    actor = current_actor()
    if actor is None:
        return None
    changes = {key: [None, _plain(value)] for key, value in details.items()}
    if isinstance(instance, SimpleLazyObject):  # request.user
        instance = instance._meta.model._default_manager.get(pk=instance.pk)
    return write_entry(instance, action, changes, actor)


def record_bulk(instances, action, changes_by_pk=None):
    """Audit a bulk write (bulk_create, update) in one insert."""
    from .models import AuditEntry

    actor = current_actor()
    if actor is None:
        return 0
    user, label = actor.resolve()
    changes_by_pk = changes_by_pk or {}
    entries = [
        AuditEntry(
            **_entry_fields(
                obj,
                action,
                changes_by_pk[obj.pk] if obj.pk in changes_by_pk else diff({}, field_values(obj)),
                actor,
                user,
                label,
            )
        )
        for obj in instances
    ]
    AuditEntry.objects.bulk_create(entries, batch_size=1000)
    return len(entries)


CREATED_ROWS_SQL = """
INSERT INTO portal_auditentry (at, actor_id, actor_label, source, action, content_type_id,
                               object_id, object_repr, changes, reporting_unit_id, ip_address)
SELECT now(), %(actor)s, %(label)s, %(source)s, 'create', %(content_type)s,
       t.{pk}::text, left(t.{repr_column}::text, 200), jsonb_build_object({pairs}),
       {unit}, %(ip)s
FROM {table} t WHERE t.{pk} = ANY(%(pks)s)
"""


def record_created(model, pks, repr_field="pk"):
    """Audit rows just bulk-created, set-based: one INSERT ... SELECT on PostgreSQL.

    Each row gets its own entry with the after-values of its audited fields, as
    the signal path would write; on other databases this falls back to record_bulk.
    """
    actor = current_actor()
    if actor is None or not pks:
        return 0
    if connection.vendor != "postgresql":
        return record_bulk(model._default_manager.filter(pk__in=pks), "create")
    user, label = actor.resolve()
    with connection.cursor() as cursor:
        cursor.execute(
            _created_rows_sql(model, repr_field),
            {
                "actor": user.pk if user else None,
                "label": label[:150],
                "source": actor.source,
                "content_type": ContentType.objects.get_for_model(model).pk,
                "ip": actor.ip_address,
                "pks": list(pks),
            },
        )
        return cursor.rowcount


def _audited_fields(model):
    skipped = NOISE_FIELDS | SECRET_FIELDS | getattr(model, "audit_exclude", set())
    return [f for f in model._meta.concrete_fields if f.name not in skipped and not f.primary_key]


def _created_rows_sql(model, repr_field):
    quote = connection.ops.quote_name
    meta = model._meta
    columns = _audited_fields(model)
    pairs = ", ".join(
        f"'{field.attname}', jsonb_build_array(NULL, to_jsonb(t.{quote(field.column)}))"
        for field in columns
    )
    path = getattr(getattr(model, "scope", None), "first_jurisdiction", None)
    unit = f"t.{quote(meta.get_field(path).column)}" if path and "__" not in path else "NULL"
    return CREATED_ROWS_SQL.format(
        pk=quote(meta.pk.column),
        repr_column=quote(
            meta.get_field(repr_field).column if repr_field != "pk" else meta.pk.column
        ),
        pairs=pairs,
        unit=unit,
        table=quote(meta.db_table),
    )


def history_for(obj):
    """The audit entries of one object, newest first."""
    from .models import AuditEntry

    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
    ).select_related("actor")


def _before_save(sender, instance, raw=False, **kwargs):
    if raw or current_actor() is None or not is_audited(sender):
        return
    instance._audit_before = None
    if instance.pk is not None:
        old = sender._default_manager.filter(pk=instance.pk).first()
        instance._audit_before = field_values(old) if old is not None else None


def _after_save(sender, instance, created, raw=False, **kwargs):
    if raw or current_actor() is None or not is_audited(sender):
        return
    before = getattr(instance, "_audit_before", None)
    changes = diff(before or {}, field_values(instance))
    if created or before is None:
        write_entry(instance, "create", changes)
    elif changes:
        write_entry(instance, "update", changes)


def _after_delete(sender, instance, **kwargs):
    if current_actor() is None or not is_audited(sender):
        return
    write_entry(instance, "delete", diff(field_values(instance), {}))


def connect_signals():
    """Connect the audit receivers (called once from PortalConfig.ready)."""
    pre_save.connect(_before_save, dispatch_uid="audit_pre_save")
    post_save.connect(_after_save, dispatch_uid="audit_post_save")
    post_delete.connect(_after_delete, dispatch_uid="audit_post_delete")
