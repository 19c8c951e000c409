"""Workflows as data: statuses, allowed transitions, and the one function that applies them.

After Amsterdam Signals: each workflow declares its transitions in one table
(``(from, to) -> Rule``); ``apply`` is the only way a status changes. It checks
the transition and who asks for it, saves the object (so the audit trail sees
the change), records a status-change row with who and why, and fires what
follows (an e-mail to the enterprise's users when the workflow asks for one).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.access import ENTERPRISE

STAFF = "staff"
SYSTEM = "system"


class TransitionNotAllowed(ValidationError):
    """A status change the workflow does not allow; the message says why."""


@dataclass(frozen=True)
class Rule:
    """Who may make one transition, and whether they must give a reason."""

    by: tuple[str, ...]
    reason_required: bool = False


@dataclass(frozen=True)
class Workflow:
    """The statuses of one kind of object and the transitions between them."""

    name: str
    transitions: dict
    refusals: dict = field(default_factory=dict)  # (from, to) -> why it is never allowed
    notify: frozenset = frozenset()  # statuses whose arrival is e-mailed to the enterprise

    def rule(self, source, target):
        """The rule for a transition, or None."""
        return self.transitions.get((source, target))

    def targets(self, source, actor_kind):
        """The statuses an actor of this kind may move an object to from ``source``."""
        return [t for (s, t), r in self.transitions.items() if s == source and actor_kind in r.by]


PLEDGE = Workflow(
    name="pledge",
    transitions={
        ("draft", "submitted"): Rule(by=(ENTERPRISE,)),
        ("submitted", "published"): Rule(by=(STAFF,)),
        ("submitted", "returned"): Rule(by=(STAFF,), reason_required=True),
        ("returned", "submitted"): Rule(by=(ENTERPRISE,)),
        ("returned", "draft"): Rule(by=(ENTERPRISE,)),
        ("published", "draft"): Rule(by=(ENTERPRISE,)),
        ("draft", "withdrawn"): Rule(by=(ENTERPRISE,)),
        ("submitted", "withdrawn"): Rule(by=(ENTERPRISE,)),
        ("returned", "withdrawn"): Rule(by=(ENTERPRISE,)),
        ("published", "withdrawn"): Rule(by=(ENTERPRISE,)),
    },
    refusals={
        ("withdrawn", "submitted"): _("A withdrawn pledge stays withdrawn; file a new pledge."),
        ("withdrawn", "published"): _("A withdrawn pledge stays withdrawn; file a new pledge."),
        ("draft", "published"): _("Only a submitted pledge can be published."),
    },
    notify=frozenset({"published", "returned"}),
)

CERTIFICATE = Workflow(
    name="certificate",
    transitions={
        ("valid", "suspended"): Rule(by=(STAFF,), reason_required=True),
        ("suspended", "valid"): Rule(by=(STAFF,)),
        ("valid", "revoked"): Rule(by=(STAFF,), reason_required=True),
        ("suspended", "revoked"): Rule(by=(STAFF,), reason_required=True),
        ("valid", "cancelled"): Rule(by=(STAFF, ENTERPRISE)),
        ("suspended", "cancelled"): Rule(by=(STAFF, ENTERPRISE)),
        ("valid", "expired"): Rule(by=(SYSTEM,)),
        ("suspended", "expired"): Rule(by=(SYSTEM,)),
    },
    refusals={
        ("expired", "valid"): _(
            "An expired certificate cannot be set back to valid: its validity ended on its "
            "expiry date. Record the renewed certificate as a new certificate."
        ),
        ("revoked", "valid"): _("A revoked certificate cannot become valid again."),
        ("cancelled", "valid"): _("A cancelled certificate cannot become valid again."),
    },
    notify=frozenset({"suspended", "revoked", "expired"}),
)


def actor_kind(user):
    """'staff', 'enterprise' or 'system' (nobody logged in: the daily job)."""
    if user is None:
        return SYSTEM
    return STAFF if user.is_headquarters or user.is_provincial else ENTERPRISE


def check(workflow, source, target, user, reason="", labels=None):
    """Raise TransitionNotAllowed unless the user may move an object from source to target."""
    labels = labels or {}
    refusal = workflow.refusals.get((source, target))
    if refusal:
        raise TransitionNotAllowed(refusal, code="transition")
    rule = workflow.rule(source, target)
    if rule is None:
        raise TransitionNotAllowed(
            gettext("The status cannot change from “%(source)s” to “%(target)s”.")
            % {"source": source, "target": target},
            code="transition",
        )
    if actor_kind(user) not in rule.by:
        raise TransitionNotAllowed(
            gettext("You may not change the status to “%(target)s”.")
            % {"target": labels.get(target, target)},
            code="transition",
        )
    if rule.reason_required and not reason.strip():
        raise TransitionNotAllowed({"reason": gettext("Give a reason for this decision.")})


@transaction.atomic
def apply(workflow, obj, target, *, user, reason="", changes=None, notify=None):
    """Move ``obj`` to ``target``: check, save, record who and why, fire what follows."""
    source = obj.status
    labels = dict(type(obj)._meta.get_field("status").flatchoices)
    check(workflow, source, target, user, reason, labels)
    obj.status = target
    for name, value in (changes or {}).items():
        setattr(obj, name, value)
    obj.save()
    event = obj.status_changes.create(
        from_status=source, to_status=target, actor=user, reason=reason.strip(), at=timezone.now()
    )
    if notify is not None and target in workflow.notify:
        transaction.on_commit(lambda: notify(obj, event))
    return event
