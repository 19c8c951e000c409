"""Makers of the portal: units, agencies, users, the audit trail, jobs, draws, holidays."""

from portal import jobs
from portal.models import AdminDivision, Agency, AuditEntry, ReportingUnit
from tests import factories

from . import DIVISION_OF_UNIT, enterprise, maker, staff


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


@maker("portal.LoginThrottle")
def _login_throttle(unit_code):
    """Headquarters-only: a locked username of the unit's staff."""
    from portal import lockout

    user = staff(unit_code)
    for _attempt in range(5):
        lockout.record_failure(user.username, "192.0.2.1")
    return lockout.LoginThrottle.objects.get(kind="account", key=user.username.lower())


@maker("portal.ApiToken")
def _api_token(unit_code):
    from portal import api_tokens

    return api_tokens.issue(staff(unit_code), "test", days=30)[0]


@maker("portal.SentForm")
def _sent_form(unit_code):
    """Headquarters-only: a spent one-time form token (portal.once); no unit."""
    import uuid

    from portal.models import SentForm

    return SentForm.objects.create(key=uuid.uuid4(), result="/")


@maker("portal.Job")
def _job(unit_code):
    return jobs.start("enterprise_export", "测试任务", owner=staff(unit_code))


@maker("portal.HolidayCalendar")
def _holiday_calendar(unit_code):
    """Headquarters-only reference data: the unit does not matter; one per year."""
    return factories.HolidayCalendarFactory(changed_by=staff(unit_code))


@maker("portal.Draw")
def _portal_draw(unit_code):
    from portal import draws

    purpose = f"test:{unit_code}:{draws.new_seed()}"
    return draws.draw(purpose, "7", ["1", "2", "3"], 1, user=staff(unit_code))
