"""Consumer warnings (消费警示): written by regulators, published, current until their end date,
then archived (still public on the archive page)."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.scoping import covers_unit, scoped
from portal.workflow import STAFF, Transition, Workflow

from ..models import ConsumerWarning

Status = ConsumerWarning.Status


def write(data, user, enterprises=()):
    """A draft warning of the user's unit (headquarters: national)."""
    data = dict(data)
    if data["valid_until"] < data["valid_from"]:
        raise ValidationError(
            {"valid_until": _("The warning must end on or after the day it starts.")},
            code="period",
        )
    division = data.get("division")
    unit_id = user.agency.reporting_unit_id
    if division is not None and unit_id and division.reporting_unit_id != unit_id:
        raise ValidationError({"division": _("This region is outside your jurisdiction.")})
    named = list(enterprises)
    if any(not covers_unit(user, e.reporting_unit_id) for e in named):
        raise ValidationError(
            {"enterprises": _("An enterprise named is outside your jurisdiction.")}
        )
    warning = ConsumerWarning.objects.create(reporting_unit_id=unit_id, created_by=user, **data)
    warning.enterprises.set(named)
    return warning


def _stamp(warning, change):
    warning.published_at = change.at


WARNING = Workflow(
    model="credit.ConsumerWarning",
    log="credit.ConsumerWarningStatusChange",
    transitions=[
        Transition("publish", (Status.DRAFT,), Status.PUBLISHED, STAFF, gettext_lazy("Publish"),
                   does=_stamp, style="primary"),
        Transition("withdraw", (Status.DRAFT, Status.PUBLISHED), Status.WITHDRAWN, STAFF,
                   gettext_lazy("Withdraw"), reason_required=True, style="danger"),
    ],
    closed={Status.WITHDRAWN: gettext_lazy("A withdrawn warning stays withdrawn.")},
)  # fmt: skip


def visible(user):
    """The warnings the user may read: the public's are the published ones."""
    return scoped(ConsumerWarning.objects.select_related("division"), user)


def current(rows, today=None):
    today = today or timezone.localdate()
    return rows.filter(status=Status.PUBLISHED, valid_from__lte=today, valid_until__gte=today)


def archived(rows, today=None):
    today = today or timezone.localdate()
    return rows.filter(status=Status.PUBLISHED, valid_until__lt=today)
