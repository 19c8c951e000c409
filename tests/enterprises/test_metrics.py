"""The figures enterprises contributes to a progress report, on a known dataset."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from enterprises.metrics import metrics
from enterprises.models import (
    PledgeRevision,
    PledgeStatusChange,
    Recognition,
    StandardDeclaration,
)
from enterprises.services import pledges as pledge_service
from portal.models import ReportingUnit
from tests.factories import (
    EnterpriseFactory,
    act_for,
    certificate,
    declaration,
    pledge_data,
    published_pledge,
)

pytestmark = pytest.mark.django_db
START, END = datetime.date(2019, 1, 1), datetime.date(2019, 11, 30)


def at(day):
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)


def published_on(pledge, day):
    PledgeRevision.objects.filter(pledge=pledge).update(published_at=at(day))
    type(pledge).objects.filter(pk=pledge.pk).update(published_at=at(day))


@pytest.fixture
def dataset(enterprise_user, province_user, other_province_user):
    small, large, medium = (EnterpriseFactory(size=s) for s in ("small", "large", "medium"))
    for enterprise in (small, large, medium):
        act_for(enterprise_user, enterprise)
    zhejiang = EnterpriseFactory(division_code="330106", size="small")
    act_for(enterprise_user, zhejiang)
    _pledges(enterprise_user, (province_user, other_province_user), small, large, medium, zhejiang)
    _recognitions(province_user, small, large)
    _declarations(province_user, small, large, medium)
    _certificates(small, large, medium, zhejiang)


def _pledges(owner, reviewers, small, large, medium, zhejiang):
    reviewer, zhejiang_reviewer = reviewers
    in_force = published_pledge(small, owner, reviewer, period_end=datetime.date(2020, 12, 31))
    published_on(in_force, datetime.date(2019, 3, 1))
    ended = published_pledge(large, owner, reviewer, period_start=datetime.date(2018, 1, 1),
                             period_end=datetime.date(2019, 6, 30))  # fmt: skip
    published_on(ended, datetime.date(2018, 6, 1))
    withdrawn = published_pledge(medium, owner, reviewer)
    published_on(withdrawn, datetime.date(2019, 5, 1))
    pledge_service.PLEDGE.apply(withdrawn, "withdraw", owner)
    PledgeStatusChange.objects.filter(to_status="withdrawn").update(
        at=at(datetime.date(2019, 10, 1))
    )
    pledge_service.create_pledge(medium, owner, pledge_data())  # a draft counts for nothing
    elsewhere = published_pledge(zhejiang, owner, zhejiang_reviewer)
    published_on(elsewhere, datetime.date(2019, 3, 1))


def _recognitions(regulator, small, large):
    pledge_service.recognise(small, regulator, "投诉下降", datetime.date(2019, 4, 1))
    pledge_service.recognise(large, regulator, "满意度提升", datetime.date(2018, 12, 31))
    assert Recognition.objects.count() == 2


def _declarations(regulator, small, large, medium):
    confirmed = declaration(small, [(98, 90, True)])
    earlier = declaration(large, [(98, 90, True)])
    declaration(medium, [(98, 90, True)])
    StandardDeclaration.objects.filter(pk=confirmed.pk).update(
        declared_at=at(datetime.date(2019, 2, 1)), front_runner="confirmed",
        front_runner_decided_at=at(datetime.date(2019, 3, 1)),
    )  # fmt: skip
    StandardDeclaration.objects.filter(pk=earlier.pk).update(
        declared_at=at(datetime.date(2018, 5, 1)), front_runner="confirmed",
        front_runner_decided_at=at(datetime.date(2018, 6, 1)),
    )  # fmt: skip
    StandardDeclaration.objects.exclude(pk__in=[confirmed.pk, earlier.pk]).update(
        declared_at=at(datetime.date(2019, 7, 1))
    )


def _certificates(small, large, medium, zhejiang):
    day = datetime.date
    certificate(small, issued_on=day(2019, 2, 1), expires_on=day(2022, 2, 1))
    certificate(small, issued_on=day(2018, 2, 1), expires_on=day(2021, 2, 1))
    certificate(large, issued_on=day(2017, 1, 1), expires_on=day(2020, 1, 1))
    certificate(medium, issued_on=day(2016, 1, 1), expires_on=day(2019, 6, 1), status="expired")
    certificate(medium, issued_on=day(2019, 3, 1), expires_on=day(2022, 3, 1), status="revoked")
    certificate(zhejiang, issued_on=day(2019, 3, 1), expires_on=day(2022, 3, 1))


def test_metrics_on_a_known_dataset(dataset):
    guangdong = ReportingUnit.objects.get(code="440000")
    figures = {f["key"]: (f["task"], f["value"]) for f in metrics(guangdong, START, END)}
    assert figures == {
        "enterprises_registered": (2, 3),
        "pledges_published": (2, 2),
        "pledges_in_force": (2, 1),
        "recognitions": (2, 1),
        "standard_declarations": (7, 2),
        "front_runners_confirmed": (7, 2),
        "certificates_valid": (8, 3),
        "certificates_issued": (8, 2),
        "smes_certified": (8, 1),
    }


def test_metrics_use_a_handful_of_queries_and_have_labels(dataset):
    guangdong = ReportingUnit.objects.get(code="440000")
    with CaptureQueriesContext(connection) as queries:
        figures = metrics(guangdong, START, END)
    assert len(queries) <= 6
    assert all(str(f["label"]) and str(f["unit"]) for f in figures)


def test_an_empty_unit_reports_zeros():
    unit = ReportingUnit.objects.get(code="110000")
    assert {f["value"] for f in metrics(unit, START, END)} == {0}
