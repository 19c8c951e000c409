"""Every write of task 7 and recognition leaves an audit entry by the person who made it."""

import pytest

from enterprises.models import Recognition
from enterprises.services import pledges as pledge_service
from enterprises.services import standards as service
from portal.audit import acting_as, history_for
from portal.models import AuditEntry
from tests.factories import EnterpriseFactory, declaration

pytestmark = pytest.mark.django_db


def test_draw_outcome_and_front_runner_decisions_are_audited(province_user):
    item = declaration(EnterpriseFactory(), [(99, 95, True)])
    with acting_as(province_user, source="web"):
        sample = service.draw_sample(province_user, count=1, seed=7)
        sampled = sample.items.get()
        service.record_outcome(sampled, province_user, "conforms", "")
        service.FRONT_RUNNER.apply(item, "confirm", province_user)
    assert history_for(sample).get().actor == province_user
    actions = list(history_for(sampled).order_by("id").values_list("action", flat=True))
    assert actions == ["create", "update"]
    assert history_for(item).filter(action="update").get().changes["front_runner"] == [
        "candidate",
        "confirmed",
    ]


def test_recognition_is_audited(province_user):
    enterprise = EnterpriseFactory()
    with acting_as(province_user, source="web"):
        pledge_service.recognise(enterprise, province_user, "满意度提升")
    entry = AuditEntry.objects.get(object_id=str(Recognition.objects.get().pk),
                                   content_type__model="recognition")  # fmt: skip
    assert (entry.actor, entry.reporting_unit.code) == (province_user, "440000")
