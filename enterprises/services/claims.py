"""Enterprise accounts: sign-up, claims on an enterprise by USCC, regulators' decisions."""

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.models import User
from portal.scoping import scoped
from portal.workflow import STAFF, Transition, Workflow

from .. import uscc
from ..models import Enterprise, EnterpriseMembership

Status = EnterpriseMembership.Status


def sign_up(username, email, password, full_name=""):
    """Create an enterprise user (the password was validated by the form)."""
    with transaction.atomic():
        return User.objects.create_user(
            username=username,
            email=email,
            password=password,
            full_name=full_name,
            role=User.Role.ENTERPRISE,
        )


def claim(user, code, note=""):
    """Claim the enterprise with this USCC for a user; ValidationError says what is wrong."""
    if not user.is_enterprise_user:
        raise ValidationError(_("Only enterprise accounts can claim an enterprise."))
    code = uscc.checked(code, field="uscc")
    enterprise = Enterprise.objects.filter(uscc=code).first()
    if enterprise is None:
        raise ValidationError(
            {
                "uscc": _(
                    "No enterprise with this USCC is in the registry. Ask the market "
                    "regulator of your area to register it, then claim it again."
                )
            }
        )
    with transaction.atomic():
        open_claim = EnterpriseMembership.objects.filter(user=user, enterprise=enterprise).exclude(
            status=Status.REJECTED
        )
        if open_claim.exists():
            raise ValidationError({"uscc": _("You have already claimed this enterprise.")})
        return EnterpriseMembership.objects.create(user=user, enterprise=enterprise, note=note)


def claims_for_review(user):
    """The claims a regulator may decide (their jurisdiction), pending first."""
    queryset = EnterpriseMembership.objects.select_related("user", "enterprise")
    return scoped(queryset, user).order_by("status", "-created_at")


def _record_decision(membership, change):
    membership.reason = change.reason
    membership.decided_by = change.user
    membership.decided_at = change.at


def notify(membership, log):
    """E-mail the claimant the decision on their claim."""
    if not membership.user.email:
        return
    context = {"membership": membership, "approved": membership.status == Status.APPROVED}
    subject = render_to_string("enterprises/claims/decision_subject.txt", context).strip()
    body = render_to_string("enterprises/claims/decision_email.txt", context)
    send_mail(subject, body, None, [membership.user.email])


CLAIM = Workflow(
    model="enterprises.EnterpriseMembership",
    log="enterprises.ClaimStatusChange",
    transitions=[
        Transition("approve", ("pending",), "approved", STAFF, gettext_lazy("Approve"),
                   takes_reason=True, does=_record_decision, then=notify),
        Transition("reject", ("pending",), "rejected", STAFF, gettext_lazy("Reject"),
                   reason_required=True, does=_record_decision, then=notify, style="danger"),
    ],
    closed={
        "approved": gettext_lazy("This claim has already been decided."),
        "rejected": gettext_lazy("This claim has already been decided."),
    },
)  # fmt: skip


def memberships_of(user):
    """A user's claims, newest first, with their enterprises."""
    return EnterpriseMembership.objects.filter(user=user).select_related("enterprise")
