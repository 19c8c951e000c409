"""The certificate transition table: every allowed change by its actor, and refused ones."""

import datetime

import pytest

from enterprises import workflow
from enterprises.services import certificates as service
from portal.audit import acting_as, history_for
from tests.enterprises.factories_self_service import act_for, certificate

pytestmark = pytest.mark.django_db
LATER = datetime.date(2099, 1, 1)


@pytest.fixture
def enterprise(enterprise_user):
    return act_for(enterprise_user)


@pytest.mark.parametrize(
    "source,target,actor",
    [(s, t, next(iter(r.by))) for (s, t), r in workflow.CERTIFICATE.transitions.items()
     if workflow.SYSTEM not in r.by],
)  # fmt: skip
def test_every_allowed_change(source, target, actor, enterprise, enterprise_user, province_user):
    cert = certificate(enterprise, expires_on=LATER, status=source)
    user = province_user if actor == workflow.STAFF else enterprise_user
    with acting_as(user, source="web"):
        event = service.change_status(cert, target, user, reason="依据监督检查结果")
    cert.refresh_from_db()
    assert (cert.status, event.from_status, event.actor) == (target, source, user)
    assert history_for(cert).filter(action="update").get().changes["status"] == [source, target]


@pytest.mark.parametrize(
    "source,target", [("revoked", "valid"), ("cancelled", "valid"), ("valid", "expired"),
                      ("expired", "suspended"), ("revoked", "cancelled")],
)  # fmt: skip
def test_refused_changes(source, target, enterprise, province_user):
    cert = certificate(enterprise, expires_on=LATER, status=source)
    with pytest.raises(workflow.TransitionNotAllowed):
        service.change_status(cert, target, province_user, reason="x")
    cert.refresh_from_db()
    assert cert.status == source
    assert not cert.status_changes.exists()
