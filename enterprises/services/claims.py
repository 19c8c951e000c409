"""Enterprise accounts: sign-up, claims on an enterprise by USCC, regulators' decisions.

Sign-up never tells the person at the form whether a username or an address has an
account: every valid form gets the same answer and one e-mail to the address given
(a link to finish, "that username is taken", or, to the owner of an existing
account, "someone tried to sign up with your address"). The account is created
only when the link is followed, so only the address's owner learns anything.
"""

from datetime import timedelta

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import mail
from portal.models import User
from portal.scoping import scoped
from portal.workflow import STAFF, Transition, Workflow

from .. import uscc
from ..models import Enterprise, EnterpriseMembership

Status = EnterpriseMembership.Status
SIGN_UP_LINK_DAYS = 3
_SIGN_UP_SALT = "enterprises.sign_up"


def start_sign_up(username, email, full_name, site):
    """Mail the address what comes next; ``site`` is "https://host" for the links."""
    owner = User.objects.filter(email__iexact=email).first()
    if owner is not None:
        context = {"username": owner.get_username(), "site": site}
        return mail.send("signup_address_taken", [owner], context)
    address = mail.Address(email, translation.get_language())
    if User.objects.filter(username__iexact=username).exists():
        return mail.send("signup_username_taken", [address], {"username": username, "site": site})
    pending = {"username": username, "email": email, "full_name": full_name}
    token = signing.dumps(pending, salt=_SIGN_UP_SALT, compress=True)
    context = {"username": username, "site": site, "token": token, "days": SIGN_UP_LINK_DAYS}
    return mail.send("signup_confirm", [address], context)


def pending_sign_up(token):
    """The unsaved user a sign-up link stands for; None if forged, expired or used."""
    try:
        data = signing.loads(token, salt=_SIGN_UP_SALT, max_age=timedelta(days=SIGN_UP_LINK_DAYS))
    except signing.BadSignature:
        return None
    taken = User.objects.filter(username__iexact=data["username"]).exists() or (
        User.objects.filter(email__iexact=data["email"]).exists()
    )
    return None if taken else User(role=User.Role.ENTERPRISE, **data)


def finish_sign_up(pending, password):
    """Create the enterprise user of a followed link (the password was validated by the form)."""
    try:
        with transaction.atomic():
            return User.objects.create_user(
                username=pending.username,
                email=pending.email,
                password=password,
                full_name=pending.full_name,
                role=User.Role.ENTERPRISE,
                language=translation.get_language(),
            )
    except IntegrityError as error:  # the same link followed twice at once
        raise ValidationError(_("This sign-up link has been used already.")) from error


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
    context = {"membership": membership, "approved": membership.status == Status.APPROVED}
    mail.send("claim_decision", [membership.user], context)


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


def approved_users(enterprise_ids):
    """The active users approved to act for these enterprises, by enterprise id."""
    memberships = (
        EnterpriseMembership.objects.filter(
            enterprise_id__in=enterprise_ids, status=Status.APPROVED, user__is_active=True
        )
        .exclude(user__email="")
        .select_related("user")
    )
    users = {}
    for membership in memberships:
        users.setdefault(membership.enterprise_id, []).append(membership.user)
    return users


def memberships_of(user):
    """A user's claims, newest first, with their enterprises."""
    return EnterpriseMembership.objects.filter(user=user).select_related("enterprise")
