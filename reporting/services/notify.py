"""E-mails of the reporting schedule and workflow, to a unit's staff or to headquarters."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _

from portal.models import User


def unit_staff_emails(reporting_unit):
    """Addresses of the active provincial staff of a reporting unit."""
    return list(
        User.objects.filter(
            role=User.Role.PROVINCIAL, is_active=True, agency__reporting_unit=reporting_unit
        )
        .exclude(email="")
        .values_list("email", flat=True)
    )


def headquarters_emails():
    """Addresses of the active headquarters staff."""
    return list(
        User.objects.filter(role=User.Role.HEADQUARTERS, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def send(subject, body, recipients):
    """Send one message to a list of recipients; returns how many messages went out."""
    if not recipients:
        return 0
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def milestone_message(milestone, reporting_unit, days_left):
    """Subject and body of a reminder, due-date or overdue e-mail to a unit."""
    round_ = milestone.round
    values = {"round": round_.title, "due": round_.due_date, "unit": reporting_unit}
    values["days"] = days_left
    if milestone.kind == "reminder":
        subject = _("Reminder: %(round)s is due on %(due)s") % values
        body = _("%(unit)s: the progress report is due in %(days)s days (%(due)s).") % values
    elif milestone.kind == "due":
        subject = _("Due today: %(round)s") % values
        body = _("%(unit)s: the progress report is due today (%(due)s).") % values
    else:
        subject = _("Overdue: %(round)s") % values
        body = _("%(unit)s: the progress report was due on %(due)s and is overdue.") % values
    return subject, body


def status_changed(report, log):
    """Tell the unit's staff that headquarters returned or accepted their report."""
    values = {"round": report.round.title, "status": report.get_status_display()}
    subject = _("%(round)s: %(status)s") % values
    body = subject + ("\n\n" + log.reason if log.reason else "")
    return send(subject, body, unit_staff_emails(report.reporting_unit))
