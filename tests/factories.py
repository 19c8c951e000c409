"""Factories for the core: users of each role in a given reporting unit."""

import factory

from portal.models import Agency, ReportingUnit, User

PASSWORD = "Portal-test-2019"


def unit(code):
    return ReportingUnit.objects.get(code=code)


def agency(code=None, kind="market"):
    """The agency of a reporting unit, or headquarters when code is None."""
    if code is None:
        return Agency.objects.get(reporting_unit__isnull=True, kind=kind)
    return Agency.objects.get(reporting_unit__code=code, kind=kind)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"测试用户{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.cn")
    role = User.Role.ENTERPRISE
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save()


def headquarters_user(**kwargs):
    return UserFactory(role=User.Role.HEADQUARTERS, agency=agency(None), **kwargs)


def provincial_user(code="440000", kind="market", **kwargs):
    return UserFactory(role=User.Role.PROVINCIAL, agency=agency(code, kind), **kwargs)


def enterprise_user(**kwargs):
    return UserFactory(role=User.Role.ENTERPRISE, **kwargs)
