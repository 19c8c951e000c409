"""The one scoping rule: what each role sees, and models that forget to declare fail loudly."""

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.models import Session

from enterprises.models import Enterprise, EnterpriseMembership
from enterprises.uscc import make_uscc
from portal.discovery import project_app_labels
from portal.models import ReportingUnit
from portal.scoping import Scope, ScopeNotDeclared, can_see, scoped


def make_enterprise(unit_code, body):
    unit = ReportingUnit.objects.get(code=unit_code)
    return Enterprise.objects.create(
        uscc=make_uscc(f"91{unit_code}", body), name=f"企业{body}", reporting_unit=unit
    )


@pytest.fixture
def guangdong_and_zhejiang(db):
    return make_enterprise("440000", "GD000001"), make_enterprise("330000", "MJ000001")


def test_every_project_model_declares_its_scope():
    undeclared = [
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in project_app_labels()
        and not isinstance(getattr(model, "scope", None), Scope)
    ]
    assert undeclared == []


def test_a_model_without_a_scope_raises_instead_of_leaking(province_user):
    with pytest.raises(ScopeNotDeclared, match="declares no `scope"):
        scoped(Session.objects.all(), province_user)


def test_headquarters_see_every_jurisdiction(hq_user, guangdong_and_zhejiang):
    assert set(scoped(Enterprise.objects.all(), hq_user)) == set(guangdong_and_zhejiang)


def test_provincial_staff_see_only_their_jurisdiction(province_user, guangdong_and_zhejiang):
    guangdong, zhejiang = guangdong_and_zhejiang
    assert list(scoped(Enterprise.objects.all(), province_user)) == [guangdong]
    assert not can_see(province_user, zhejiang)


def test_a_separate_city_is_not_its_provinces_jurisdiction(province_user):
    shenzhen = make_enterprise("440300", "MP000001")
    assert not can_see(province_user, shenzhen)


def test_enterprise_users_see_only_enterprises_they_were_approved_for(
    enterprise_user, guangdong_and_zhejiang
):
    guangdong, zhejiang = guangdong_and_zhejiang
    EnterpriseMembership.objects.create(user=enterprise_user, enterprise=zhejiang)
    assert list(scoped(Enterprise.objects.all(), enterprise_user)) == []
    EnterpriseMembership.objects.create(
        user=enterprise_user, enterprise=guangdong, status="approved"
    )
    enterprise_user._enterprise_ids = None
    assert list(scoped(Enterprise.objects.all(), enterprise_user)) == [guangdong]


def test_anonymous_visitors_see_no_private_rows(guangdong_and_zhejiang):
    assert list(scoped(Enterprise.objects.all(), AnonymousUser())) == []


def test_reference_data_is_readable_by_everyone(enterprise_user):
    assert scoped(ReportingUnit.objects.all(), AnonymousUser()).count() == 37
    assert scoped(ReportingUnit.objects.all(), enterprise_user).count() == 37


def test_covers_unit_is_the_jurisdiction_a_user_may_write_into(
    hq_user, province_user, enterprise_user
):
    from portal.scoping import covers_unit

    guangdong = ReportingUnit.objects.get(code="440000").pk
    shenzhen = ReportingUnit.objects.get(code="440300").pk
    assert covers_unit(hq_user, shenzhen)
    assert covers_unit(province_user, guangdong)
    assert not covers_unit(province_user, shenzhen)
    assert not covers_unit(enterprise_user, guangdong)
