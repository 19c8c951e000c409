"""The certificate transition table: every allowed change by its actor, and refused ones."""

import datetime

import pytest

from enterprises.services import certificates as service
from portal.workflow import TransitionRefused
from tests.factories import certificate

pytestmark = pytest.mark.django_db
LATER = datetime.date(2099, 1, 1)


@pytest.mark.parametrize(
    "source,action", [("revoked", "reinstate"), ("cancelled", "reinstate"), ("valid", "expire"),
                      ("expired", "suspend"), ("revoked", "cancel")],
)  # fmt: skip
def test_refused_changes(source, action, enterprise, province_user):
    cert = certificate(enterprise, expires_on=LATER, status=source)
    with pytest.raises(TransitionRefused):
        service.CERTIFICATE.apply(cert, action, province_user, reason="x")
    cert.refresh_from_db()
    assert cert.status == source
    assert not cert.status_changes.exists()
