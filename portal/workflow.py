"""The one workflow engine: statuses and transitions declared as data, one locked apply.

After Amsterdam Signals' ``workflow.py`` and ``update_status``. An app declares
each workflow once, next to the service that owns the process::

    ORDER = Workflow(
        model="shop.Order",
        log="shop.OrderStatusChange",
        transitions=[
            Transition("publish", ["submitted"], "published", STAFF, _("Publish"), then=mail),
            ...
        ],
    )

``allowed`` and ``check`` are pure (state and role in, answer out) and need no
database. ``Workflow.apply(obj, action, user, reason=...)`` is the only way a
status changes: it locks the row within the user's scope, checks, runs the
transition's ``does`` (work inside the transaction, e.g. freezing a version),
writes the status, one log row (a ``portal.models.StatusLog``) and the audit
entry, and runs ``then`` (e-mails) after the transaction commits. Forms,
templates (``portal/_transitions.html``) and API actions read the same
declaration, so a new transition is one line.
"""

import dataclasses
from dataclasses import dataclass
from functools import cached_property

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit, audit_display
from .access import ENTERPRISE, HEADQUARTERS, PROVINCIAL
from .scoping import scoped

SYSTEM = "system"  # no person: the daily jobs
STAFF = (HEADQUARTERS, PROVINCIAL)
EVERYONE = (HEADQUARTERS, PROVINCIAL, ENTERPRISE)


class TransitionRefused(ValidationError):
    """A transition that is not allowed; the message says why (``missing``: what is lacking)."""

    def __init__(self, message, code="transition", missing=()):
        super().__init__(message, code=code)
        self.missing = list(missing)


class AlreadyApplied(TransitionRefused):
    """The same form was sent again (double click, retry, a second tab): nothing more is done."""


@dataclass(frozen=True)
class Transition:
    """One action: from which states, to which, by which roles, and what it does.

    does(obj, change) runs inside the transaction before the status is saved; it may
    set fields on ``obj``, raise TransitionRefused, and return extra log fields.
    then(obj, log) runs after the transaction commits (e-mails).
    offered=False keeps an action off the buttons (it happens as part of another page).
    confirm is the question a page asks before it applies the action (one that is hard to undo).
    """

    action: str
    sources: tuple
    target: str
    roles: tuple
    label: str
    reason_required: bool = False
    takes_reason: bool = False
    does: object = None
    then: object = None
    style: str = ""
    offered: bool = True
    confirm: str = ""

    @property
    def asks_reason(self):
        return self.reason_required or self.takes_reason


@dataclass(frozen=True)
class Change:
    """What ``does`` is told about the change being made."""

    user: object
    reason: str
    at: object
    source: str
    target: str
    details: dict = dataclasses.field(default_factory=dict)  # what the form chose besides a reason


@dataclass(frozen=True)
class Workflow:
    """The states of one model's status field and the transitions between them."""

    model: str
    log: str
    transitions: list
    field: str = "status"
    closed: dict = dataclasses.field(
        default_factory=dict
    )  # state -> why nothing can happen from it

    def __post_init__(self):
        names = [t.action for t in self.transitions]
        if len(names) != len(set(names)):
            raise ValueError(f"{self.model}: an action is declared twice")
        audit_display.name_actions(self.log, {t.action: t.label for t in self.transitions})

    @cached_property
    def model_class(self):
        return apps.get_model(self.model)

    @cached_property
    def log_class(self):
        return apps.get_model(self.log)

    @cached_property
    def log_subject(self):
        """The name of the log's foreign key to the model."""
        (name,) = [
            f.name
            for f in self.log_class._meta.fields
            if f.is_relation and f.related_model is self.model_class
        ]
        return name

    @property
    def actions(self):
        return [t.action for t in self.transitions]

    def transition(self, action):
        """The declared transition of this name, or None."""
        return next((t for t in self.transitions if t.action == action), None)

    def label(self, state):
        """The display label of a state."""
        choices = dict(self.model_class._meta.get_field(self.field).flatchoices)
        return choices.get(state, state)

    # The pure part: no database.

    def allowed(self, action, state, role):
        """Whether a user of ``role`` may take ``action`` from ``state``."""
        rule = self.transition(action)
        return rule is not None and state in rule.sources and role in rule.roles

    def available(self, state, role):
        """The transitions a user of ``role`` may take from ``state``."""
        return [t for t in self.transitions if state in t.sources and role in t.roles]

    def check(self, action, state, role, reason=""):
        """Raise TransitionRefused, with the translated reason, unless the action is allowed."""
        rule = self.transition(action)
        if rule is None:
            raise TransitionRefused(
                _("There is no action “%(action)s”.") % {"action": action}, code="unknown"
            )
        if state not in rule.sources:
            if state in self.closed:
                raise TransitionRefused(str(self.closed[state]), code="closed")
            raise TransitionRefused(
                _("“%(action)s” is not possible while the status is “%(state)s”.")
                % {"action": rule.label, "state": self.label(state)},
                code="state",
            )
        if role not in rule.roles:
            raise TransitionRefused(
                _("Your role may not “%(action)s”.") % {"action": rule.label}, code="role"
            )
        if rule.reason_required and not (reason or "").strip():
            message = _("Give a reason: “%(action)s” needs one.") % {"action": rule.label}
            raise TransitionRefused({"reason": ValidationError(message, code="reason")})
        return rule

    # With the database (tested by each app's tests; mutmut covers only the pure part above).
    # pragma: no mutate start

    def offered(self, obj, user):
        """The actions the user may take on the object now, as buttons show them."""
        state = getattr(obj, self.field)
        return [t for t in self.available(state, role_of(user)) if t.offered]

    def history(self, obj):
        """The object's log rows, newest first, each with ``from_label`` and ``to_label``."""
        rows = list(
            self.log_class.objects.filter(**{self.log_subject: obj}).select_related("actor")
        )
        for row in rows:
            row.from_label, row.to_label = self.label(row.from_status), self.label(row.to_status)
        return rows

    def apply(self, obj, action, user, *, reason="", at=None, details=None, seen=None):
        """Lock, check, do, write the status, one log row and the audit entry; then after commit.

        ``seen`` is the status the form was shown with: when the row has moved on since
        (the same form sent twice, or someone else acting first), nothing is done and
        ``AlreadyApplied`` or ``TransitionRefused`` says which.
        """
        reason = (reason or "").strip()
        at = at or timezone.now()
        with (
            transaction.atomic(),
            audit.acting_unless_set(user, label="" if user else f"workflow {action}"),
        ):
            locked = self._lock(obj, user)
            source = getattr(locked, self.field)
            if seen and seen != source:
                self._moved_on(locked, action, user, seen)
            rule = self.check(action, source, role_of(user), reason)
            extra = {}
            if rule.does is not None:
                extra = (
                    rule.does(locked, Change(user, reason, at, source, rule.target, details or {}))
                    or {}
                )
            setattr(locked, self.field, rule.target)
            locked.save()
            log = self.log_class.objects.create(
                **{self.log_subject: locked},
                action=action,
                from_status=source,
                to_status=rule.target,
                actor=user,
                reason=reason,
                at=at,
                **extra,
            )
            if rule.then is not None:
                transaction.on_commit(lambda: rule.then(locked, log))
        _copy_into(obj, locked)
        return log

    def apply_in_bulk(self, queryset, action, *, at=None):
        """A system action on many rows, set-based: one update, bulk log rows and audit entries."""
        rule = self.transition(action)
        for source in rule.sources:
            self.check(action, source, SYSTEM)
        at = at or timezone.now()
        with transaction.atomic():
            rows = list(
                queryset.select_for_update(of=("self",)).filter(
                    **{f"{self.field}__in": rule.sources}
                )
            )
            if not rows:
                return 0
            self.model_class.objects.filter(pk__in=[r.pk for r in rows]).update(
                **{self.field: rule.target}, **_touched(self.model_class, at)
            )
            logs = [
                self.log_class(
                    **{self.log_subject: r},
                    action=action,
                    from_status=getattr(r, self.field),
                    to_status=rule.target,
                    at=at,
                )
                for r in rows
            ]
            self.log_class.objects.bulk_create(logs, batch_size=1000)
            changes = {r.pk: {self.field: [getattr(r, self.field), rule.target]} for r in rows}
            audit.record_bulk(rows, "update", changes)
        return len(rows)

    def _moved_on(self, locked, action, user, seen):
        """Refuse a form shown at status ``seen``: already applied by this user, or changed."""
        last = self.log_class.objects.filter(**{self.log_subject: locked}).order_by("-pk").first()
        state = self.label(getattr(locked, self.field))
        if (
            last is not None
            and last.action == action
            and last.from_status == seen
            and last.actor_id == getattr(user, "pk", None)
        ):
            raise AlreadyApplied(
                _(
                    "Already done: “%(action)s” was applied when this form was first sent, "
                    "so it was not applied again. The status is “%(state)s”."
                )
                % {"action": self.transition(action).label, "state": state},
                code="repeated",
            )
        raise TransitionRefused(
            _(
                "The status changed to “%(state)s” after this page was loaded, so nothing "
                "was done. Check the page and try again if still needed."
            )
            % {"state": state},
            code="changed",
        )

    def _lock(self, obj, user):
        """The row, locked; within the user's scope (a person) or any row (the system)."""
        rows = self.model_class.objects.select_for_update(of=("self",))
        if user is not None:
            rows = scoped(rows, user)
        locked = rows.filter(pk=obj.pk).first()
        if locked is None:
            raise TransitionRefused(
                _("This %(object)s is outside your jurisdiction.")
                % {"object": self.model_class._meta.verbose_name},
                code="scope",
            )
        return locked


def role_of(user):
    """The role a transition is checked against: the user's, or 'system' for no user."""
    return SYSTEM if user is None else user.role


def _touched(model, at):
    """``updated_at=at`` for models that keep one (``.update()`` skips auto_now)."""
    names = {f.name for f in model._meta.concrete_fields}
    return {"updated_at": at} if "updated_at" in names else {}


def _copy_into(obj, locked):
    """Give the caller's instance the values just saved."""
    if obj is not locked:
        for f in locked._meta.concrete_fields:
            setattr(obj, f.attname, getattr(locked, f.attname))


# pragma: no mutate end
