"""ODR enterprises (在线消费纠纷解决): they settle complaints with the consumer first.

An enterprise user registers the enterprise or leaves; from the day registered, its new
complaints go to it first with the rule set's ``odr_days`` working days to settle. A
complaint not settled by then is handed to the regulator by the daily job.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.scoping import enterprise_ids

from ..models import Complaint, OdrEnterprise
from .handling import COMPLAINT


def may_act_for(user, enterprise):
    return enterprise.pk in enterprise_ids(user)


def register(enterprise, user, today=None):
    """The enterprise settles its complaints first from today on (saved, so audited)."""
    today = today or timezone.localdate()
    if not may_act_for(user, enterprise):
        raise ValidationError(_("You may register only the enterprises you act for."))
    current, _created = OdrEnterprise.objects.get_or_create(
        enterprise=enterprise, defaults={"since": today}
    )
    if current.until is None and not _created:
        raise ValidationError(_("%(name)s is registered already.") % {"name": enterprise})
    if current.until is not None:
        current.since, current.until = today, None
        current.save()
    return current


def leave(odr, user, today=None):
    """The enterprise stops settling first; complaints received after today go to the regulator."""
    today = today or timezone.localdate()
    if not may_act_for(user, odr.enterprise):
        raise ValidationError(_("You may change only the enterprises you act for."))
    if odr.until is not None:
        raise ValidationError(_("%(name)s has left ODR already.") % {"name": odr.enterprise})
    odr.until = today
    odr.save()
    return odr


def hand_over_unsettled(today=None):
    """Complaints whose ODR days have passed go to the regulator (set-based); returns how many."""
    today = today or timezone.localdate()
    expired = Complaint.objects.filter(status=Complaint.Status.WITH_ODR, odr_due__lt=today)
    return COMPLAINT.apply_in_bulk(expired, "odr_failed")
