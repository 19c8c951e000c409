"""Evaluation codes: issued by an enterprise's member, stored as hashes, once, until they expire."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from openpyxl import load_workbook

from monitoring import evaluation_codes as codes
from monitoring.models import EvaluationCode
from monitoring.services import evaluations
from tests import factories

# The pure part


def test_a_new_code_is_twelve_characters_without_look_alikes():
    code = codes.new_code()
    assert len(code) == 14 and code.count("-") == 2
    assert codes.normalise(code) and not set(code.replace("-", "")) & set("01OIL")


def test_a_typed_code_is_normalised_and_a_wrong_shape_is_no_code():
    assert codes.normalise(" abcd efgh-jkmn ") == "ABCDEFGHJKMN"
    assert codes.normalise("ABCDEFGHJKM") == ""  # eleven characters
    assert codes.normalise("ABCDEFGHJKM0") == ""  # a zero is never printed


def test_networks_group_addresses_by_slash_24_and_slash_48():
    assert codes.network_of("203.0.113.7") == codes.network_of("203.0.113.200")
    assert codes.network_of("203.0.113.7") != codes.network_of("203.0.114.7")
    assert codes.network_of("2001:db8:1:2::1") == codes.network_of("2001:db8:1:ffff::9")


# Issuing


@pytest.mark.django_db
def test_issuing_stores_only_a_hash_of_each_code():
    issued = factories.evaluation_codes(size=5)
    stored = EvaluationCode.objects.filter(batch=issued.batch)
    assert stored.count() == 5
    hashes = set(stored.values_list("code_hash", flat=True))
    assert hashes == {evaluations.code_hash(c) for c in issued.codes}
    for code in issued.codes:
        assert not EvaluationCode.objects.filter(code_hash__icontains=codes.normalise(code))


@pytest.mark.django_db
def test_only_a_member_of_the_enterprise_issues_its_codes(enterprise_user):
    other = factories.EnterpriseFactory()
    factories.act_for(enterprise_user)
    with pytest.raises(PermissionDenied):
        evaluations.issue_codes(other, enterprise_user, 3)


@pytest.mark.django_db
def test_a_batch_larger_than_the_limit_is_refused_with_the_limit(settings, enterprise_user):
    settings.PORTAL_EVALUATION_BATCH_MAX = 10
    enterprise = factories.act_for(enterprise_user)
    assert len(evaluations.issue_codes(enterprise, enterprise_user, 10).codes) == 10
    with pytest.raises(ValidationError) as refused:
        evaluations.issue_codes(enterprise, enterprise_user, 11)
    assert "10" in refused.value.message_dict["size"][0]


# Using


@pytest.mark.django_db
def test_a_code_is_used_once():
    enterprise = factories.EnterpriseFactory()
    code = factories.evaluation_codes(enterprise, size=1).codes[0]
    factories.evaluation(enterprise, code=code)
    with pytest.raises(ValidationError) as refused:
        factories.evaluation(enterprise, code=code)
    assert refused.value.error_dict["code"][0].code == "code_used"


@pytest.mark.django_db
def test_a_code_of_another_enterprise_reads_like_a_wrong_one():
    enterprise, other = factories.EnterpriseFactory(), factories.EnterpriseFactory()
    theirs = factories.evaluation_codes(other, size=1).codes[0]
    with pytest.raises(ValidationError) as foreign:
        factories.evaluation(enterprise, code=theirs)
    with pytest.raises(ValidationError) as made_up:
        factories.evaluation(enterprise, code="ABCD-EFGH-JKMN")
    assert foreign.value.messages == made_up.value.messages
    assert foreign.value.error_dict["code"][0].code == "code_invalid"


@pytest.mark.django_db
def test_a_code_expires_at_the_end_of_its_period(settings):
    enterprise = factories.EnterpriseFactory()
    issued_at = timezone.now() - datetime.timedelta(days=30)
    first, second = factories.evaluation_codes(enterprise, size=2, days=30, at=issued_at).codes
    expiry = issued_at + datetime.timedelta(days=30)
    before = factories.evaluation(enterprise, code=first, at=expiry - datetime.timedelta(seconds=1))
    assert before.pk
    with pytest.raises(ValidationError) as expired:
        factories.evaluation(enterprise, code=second, at=expiry)
    assert expired.value.error_dict["code"][0].code == "code_invalid"


# The page


@pytest.mark.django_db
def test_the_codes_page_gives_an_excel_file_of_the_batch(client_for, enterprise_user):
    enterprise = factories.act_for(enterprise_user)
    client = client_for(enterprise_user)
    response = client.post(
        "/monitoring/evaluations/codes/",
        {"enterprise": enterprise.pk, "size": 4, "days": 30, "note": "", "output": "xlsx"},
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 5 and {r[1] for r in rows[1:]} == {enterprise.uscc}
    printed = [r[0] for r in rows[1:]]
    assert {evaluations.code_hash(c) for c in printed} == set(
        EvaluationCode.objects.values_list("code_hash", flat=True)
    )


@pytest.mark.django_db
def test_the_receipts_page_prints_each_code_once(client_for, enterprise_user):
    enterprise = factories.act_for(enterprise_user)
    response = client_for(enterprise_user).post(
        "/monitoring/evaluations/codes/",
        {"enterprise": enterprise.pk, "size": 3, "days": 30, "note": "", "output": "print"},
    )
    page = response.content.decode()
    assert page.count('data-testid="code"') == 3 and enterprise.uscc in page
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_the_csv_file_opens_in_excel_with_chinese_headers(client_for, enterprise_user):
    enterprise = factories.act_for(enterprise_user)
    response = client_for(enterprise_user).post(
        "/monitoring/evaluations/codes/",
        {"enterprise": enterprise.pk, "size": 2, "days": 30, "note": "", "output": "csv"},
    )
    text = response.content.decode("utf-8-sig")
    assert len(text.strip().splitlines()) == 3 and enterprise.uscc in text


@pytest.mark.django_db
def test_an_enterprise_cannot_pick_another_enterprise_for_codes(client_for, enterprise_user):
    factories.act_for(enterprise_user)
    other = factories.EnterpriseFactory()
    response = client_for(enterprise_user).post(
        "/monitoring/evaluations/codes/",
        {"enterprise": other.pk, "size": 2, "days": 30, "note": "", "output": "print"},
    )
    assert "enterprise" in response.context["form"].errors
    assert not EvaluationCode.objects.exists()
