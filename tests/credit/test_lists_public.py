"""The public credit pages: what the rules make public, and nothing else."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from credit.models import (
    AbnormalListing,
    EnterpriseRiskClass,
    Penalty,
    SeriousListing,
    SeriousListingStatusChange,
)
from credit.services import lists, penalties
from portal.scoping import scoped
from tests.factories import EnterpriseFactory, abnormal_entry, penalty, serious_entry

pytestmark = pytest.mark.django_db

CONDITIONS = ("measures_expired", "obligations_fulfilled", "harm_corrected")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def officers(province_user, second_officer):
    return province_user, second_officer


def test_the_abnormal_list_shows_entries_in_force_only(client, officers):
    listed = abnormal_entry(EnterpriseFactory(name="在列企业"), *officers)
    applied = abnormal_entry(EnterpriseFactory(name="申请移出企业"), *officers)
    lists.ABNORMAL.apply(applied, "apply_removal", officers[0], reason="已更正")
    removed = abnormal_entry(EnterpriseFactory(name="已移出企业"), *officers)
    lists.ABNORMAL.apply(removed, "apply_removal", officers[0], reason="已更正")
    lists.ABNORMAL.apply(removed, "remove", officers[1])
    abnormal_entry(EnterpriseFactory(name="待确认企业"), officers[0])
    html = page(client, "/credit/abnormal/")
    assert "在列企业" in html and "申请移出企业" in html
    assert "已移出企业" not in html and "待确认企业" not in html
    assert listed.decision_reference in html
    anonymous = scoped(AbnormalListing.objects.all(), AnonymousUser())
    assert set(anonymous) == {listed, applied}


def test_penalties_show_within_their_publicity_period_only(client, officers):
    shown = penalty(EnterpriseFactory(name="公示期内企业"), officers[0])
    penalties.PENALTY.apply(shown, "confirm", officers[1])
    old = penalty(EnterpriseFactory(name="公示期满企业"), officers[0])
    penalties.PENALTY.apply(
        old, "confirm", officers[1], at=timezone.now() - datetime.timedelta(days=3 * 366 + 1)
    )
    penalty(EnterpriseFactory(name="未确认处罚企业"), officers[0])
    repaired = penalty(EnterpriseFactory(name="已修复企业"), officers[0])
    penalties.PENALTY.apply(
        repaired, "confirm", officers[1], at=timezone.now() - datetime.timedelta(days=200)
    )
    penalties.PENALTY.apply(repaired, "apply_repair", officers[0], reason="已整改")
    penalties.PENALTY.apply(repaired, "approve_repair", officers[1])
    html = page(client, "/credit/penalties/")
    assert "公示期内企业" in html and shown.decision_number in html
    for hidden in ("公示期满企业", "未确认处罚企业", "已修复企业"):
        assert hidden not in html
    assert list(scoped(Penalty.objects.all(), AnonymousUser())) == [shown]


def repaired_early(enterprise, officers):
    listing = serious_entry(enterprise, officers[0])
    lists.SERIOUS.apply(
        listing, "confirm", officers[1], at=timezone.now() - datetime.timedelta(days=400)
    )
    lists.apply_for_repair(
        listing, officers[0], pledge=SimpleUploadedFile("p.pdf", PDF),
        evidence=SimpleUploadedFile("e.pdf", PDF),
        conditions=dict.fromkeys(CONDITIONS, True),
    )  # fmt: skip
    lists.SERIOUS.apply(listing, "remove_early", officers[1])
    return listing


def test_an_early_removed_listing_is_shown_nowhere_public(client, officers):
    kept = serious_entry(EnterpriseFactory(name="严重失信在列企业"), *officers)
    gone = repaired_early(EnterpriseFactory(name="信用修复企业"), officers)
    served = serious_entry(EnterpriseFactory(name="期满移出企业"), officers[0])
    three_years_ago = timezone.now() - datetime.timedelta(days=3 * 366)
    lists.SERIOUS.apply(served, "confirm", officers[1], at=three_years_ago)
    assert lists.run_daily()["expired"] == 1
    listing_page = page(client, "/credit/serious/")
    assert "严重失信在列企业" in listing_page
    assert "信用修复企业" not in listing_page and "期满移出企业" not in listing_page
    bulletins = page(client, "/credit/bulletins/?list=serious")
    assert "信用修复企业" not in bulletins
    assert bulletins.count("期满移出企业") == 2  # entered, then left
    assert gone.decision_reference not in bulletins
    visible = scoped(SeriousListingStatusChange.objects.all(), AnonymousUser())
    assert {log.listing_id for log in visible} == {kept.pk, served.pk}
    assert set(scoped(SeriousListing.objects.all(), AnonymousUser())) == {kept}


def test_bulletins_announce_entering_and_leaving_the_abnormal_list(client, officers):
    entry = abnormal_entry(EnterpriseFactory(name="公告企业"), *officers)
    lists.ABNORMAL.apply(entry, "apply_removal", officers[0], reason="已补报年报")
    lists.ABNORMAL.apply(entry, "remove", officers[1])
    html = page(client, "/credit/bulletins/?list=abnormal")
    assert html.count("公告企业") == 2
    assert "已补报年报" not in html  # the correction note is not part of the bulletin


def test_the_risk_class_is_never_public(client, officers):
    listed = serious_entry(EnterpriseFactory(name="风险企业"), *officers)
    EnterpriseRiskClass.objects.create(
        enterprise=listed.enterprise, risk_class="D", score="77.77", computed_at=timezone.now()
    )
    for url in (
        "/credit/",
        "/credit/serious/",
        "/credit/penalties/",
        "/credit/bulletins/?list=serious",
    ):
        html = page(client, url)
        assert "信用风险高" not in html and "high credit risk" not in html and "77.77" not in html
