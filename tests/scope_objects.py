"""How to make one object of each project model inside a given reporting unit.

The route matrix and the audit tests use this registry: every model of the
project's apps must have a maker here, so a new model cannot slip past them.
A maker takes the reporting unit code ("440000" Guangdong, "330000" Zhejiang).
"""

from portal import jobs
from portal.models import AdminDivision, Agency, AuditEntry, ReportingUnit
from tests import factories

DIVISION_OF_UNIT = {"440000": "440106", "330000": "330106", "440300": "440305"}

MAKERS = {}


def maker(label):
    def register(function):
        MAKERS[label] = function
        return function

    return register


def make(model, unit_code):
    """An object of the model in the unit; KeyError names a model nobody registered."""
    return MAKERS[model._meta.label](unit_code)


def enterprise(unit_code, **kwargs):
    from tests.enterprises.factories import EnterpriseFactory

    return EnterpriseFactory(division_code=DIVISION_OF_UNIT[unit_code], **kwargs)


def staff(unit_code):
    return factories.provincial_user(unit_code)


@maker("portal.ReportingUnit")
def _unit(unit_code):
    return ReportingUnit.objects.get(code=unit_code)


@maker("portal.AdminDivision")
def _division(unit_code):
    return AdminDivision.objects.get(code=DIVISION_OF_UNIT[unit_code])


@maker("portal.Agency")
def _agency(unit_code):
    return Agency.objects.get(reporting_unit__code=unit_code, kind="market")


@maker("portal.User")
def _user(unit_code):
    return staff(unit_code)


@maker("portal.AuditEntry")
def _audit_entry(unit_code):
    from portal.audit import acting_as

    with acting_as(staff(unit_code), source="web"):
        enterprise(unit_code)
    return AuditEntry.objects.latest("id")


@maker("portal.Job")
def _job(unit_code):
    return jobs.start("test", "测试任务", owner=staff(unit_code))


@maker("enterprises.Enterprise")
def _enterprise(unit_code):
    return enterprise(unit_code)


@maker("enterprises.EnterpriseMembership")
def _membership(unit_code):
    from tests.enterprises.factories import MembershipFactory

    return MembershipFactory(enterprise=enterprise(unit_code))


def scope_of_model_is_reference(model):
    """Reference data (everyone may read it) is loaded by migrations, not written by people."""
    from portal.scoping import scope_of

    return scope_of(model).everyone
