"""Factories for the enterprises app: EnterpriseFactory with a valid USCC."""

import random
import string

import factory
from django.conf import settings

from enterprises import uscc as uscc_mod
from enterprises.models import Enterprise, EnterpriseMembership
from portal.models import AdminDivision, ReportingUnit
from tests.factories import UserFactory

_BODY_CHARS = "".join(c for c in uscc_mod.CHARSET if c in string.digits + string.ascii_uppercase)


def random_uscc(division_code="440106", kind="91"):
    """A valid USCC registered by the given division (positions 3-8)."""
    body = "".join(random.choices(_BODY_CHARS, k=8))
    return uscc_mod.make_uscc(kind + division_code, body)


def _unit_for(code):
    unit_code = uscc_mod.reporting_unit_code(code, settings.PORTAL_XPCC_CODE)
    return ReportingUnit.objects.get(code=unit_code)


class EnterpriseFactory(factory.django.DjangoModelFactory):
    """An enterprise; pass division_code="330106" to place it in Zhejiang, etc."""

    class Meta:
        model = Enterprise
        django_get_or_create = ("uscc",)

    class Params:
        division_code = "440106"

    uscc = factory.LazyAttribute(lambda o: random_uscc(o.division_code))
    name = factory.Sequence(lambda n: f"广州测试餐饮服务有限公司{n}")
    legal_representative = "张三"
    address = "广州市天河区体育西路1号"
    reporting_unit = factory.LazyAttribute(lambda o: _unit_for(o.division_code))
    division = factory.LazyAttribute(
        lambda o: AdminDivision.objects.filter(code=o.division_code).first()
    )
    industry_section = "H"
    industry_division = "62"
    size = Enterprise.Size.SMALL
    status = Enterprise.Status.OPERATING


class MembershipFactory(factory.django.DjangoModelFactory):
    """A claim by an enterprise user on an enterprise (pending unless status= is given)."""

    class Meta:
        model = EnterpriseMembership

    user = factory.SubFactory(UserFactory)
    enterprise = factory.SubFactory(EnterpriseFactory)
    status = EnterpriseMembership.Status.PENDING
