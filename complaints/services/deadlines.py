"""Every complaint deadline, from portal.workdays and the complaint's rule set.

Deadlines are stored on the complaint with the calendar version they were computed on,
recomputed when their trigger changes (acceptance, suspension, extension) and, for all
open complaints at once, when headquarters enters or corrects a year of the calendar.
"""

import datetime

from django.db import connection, transaction
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.dispatch import receiver

from portal import workdays
from portal.holidays import current_calendar

from ..models import Complaint, RuleSet
from ..models.complaints import OPEN_STATUSES

Status = Complaint.Status
OPEN = [Status(value) for value in OPEN_STATUSES]


def compute(complaint, calendar=None):
    """Set the complaint's deadlines from its dates and rule set (not saved)."""
    calendar = calendar or current_calendar()
    rules = complaint.rule_set
    computed = []
    if complaint.is_report:
        days = rules.verification_days + complaint.extended_days
        computed.append(workdays.deadline(complaint.received_on, days, calendar))
        complaint.decision_due = computed[-1].date
    else:
        start = complaint.received_on
        if complaint.odr_due or complaint.status == Status.WITH_ODR:
            computed.append(workdays.deadline(start, rules.odr_days, calendar))
            complaint.odr_due = start = computed[-1].date
        computed.append(workdays.deadline(start, rules.acceptance_days, calendar))
        complaint.decision_due = computed[-1].date
        if complaint.accepted_on:
            days = rules.mediation_days + complaint.suspended_days
            computed.append(workdays.deadline(complaint.accepted_on, days, calendar))
            complaint.mediation_due = computed[-1].date
    complaint.deadline_provisional = any(d.provisional for d in computed)
    complaint.calendar_version = computed[-1].calendar_version
    return complaint


def set_end_notice(complaint, calendar=None):
    """When mediation ends: both parties are to be told within the rule set's days (not saved)."""
    ended = workdays.deadline(complaint.closed_on, complaint.rule_set.end_notice_days, calendar)
    complaint.end_notice_due = ended.date
    complaint.deadline_provisional = ended.provisional
    complaint.calendar_version = ended.calendar_version
    return complaint


# The columns a complaint's deadlines depend on: complaints sharing them share deadlines.
TRIGGERS = ["kind", "rule_set_id", "received_on", "accepted_on", "suspended_days", "extended_days"]
NO_DATE = datetime.date(1, 1, 1)  # stands for "not accepted" so the join can use equality


def _stale(calendar):
    return Complaint.objects.filter(status__in=OPEN).exclude(calendar_version=calendar.version)


def _groups(stale):
    """The distinct trigger combinations of the stale rows, with whether ODR counts."""
    settles_first = ExpressionWrapper(
        Q(odr_due__isnull=False) | Q(status=Status.WITH_ODR), output_field=BooleanField()
    )
    return stale.annotate(odr=settles_first).values(*TRIGGERS, "odr").distinct().order_by()


def _computed(group, rules, calendar):
    """The deadlines of one trigger combination, as a row for the VALUES join."""
    sample = Complaint(
        kind=group["kind"],
        rule_set=rules[group["rule_set_id"]],
        received_on=group["received_on"],
        accepted_on=group["accepted_on"],
        suspended_days=group["suspended_days"],
        extended_days=group["extended_days"],
        status=Status.WITH_ODR if group["odr"] else Status.RECEIVED,
    )
    compute(sample, calendar)
    return (
        *(group[name] for name in TRIGGERS[:3]),
        group["accepted_on"] or NO_DATE,
        *(group[name] for name in TRIGGERS[4:]),
        group["odr"],
        sample.odr_due,
        sample.decision_due,
        sample.mediation_due,
        sample.deadline_provisional,
    )


_UPDATE = """
    UPDATE complaints_complaint AS c
       SET odr_due = COALESCE(v.odr_due, c.odr_due),
           decision_due = v.decision_due,
           mediation_due = COALESCE(v.mediation_due, c.mediation_due),
           deadline_provisional = v.provisional,
           calendar_version = %s
      FROM (VALUES {values}) AS v (kind, rule_set_id, received_on, accepted_on,
                                   suspended_days, extended_days, odr,
                                   odr_due, decision_due, mediation_due, provisional)
     WHERE c.kind = v.kind AND c.rule_set_id = v.rule_set_id
       AND c.received_on = v.received_on
       AND COALESCE(c.accepted_on, %s) = v.accepted_on
       AND c.suspended_days = v.suspended_days AND c.extended_days = v.extended_days
       AND (c.odr_due IS NOT NULL OR c.status = %s) = v.odr
       AND c.status = ANY(%s) AND c.calendar_version <> %s
"""
CHUNK = 4000  # combinations per UPDATE, below PostgreSQL's 65,535 parameters
_ROW = "(%s, %s, %s::date, %s::date, %s, %s, %s, %s::date, %s::date, %s::date, %s)"


def recompute_open(calendar=None):
    """Recompute the deadlines of every open complaint whose calendar version is stale.

    Set-based: the deadlines are computed once per distinct combination of the dates
    and numbers they depend on (a few thousand even nationally), then one UPDATE joins
    them to the rows. Returns how many complaints were updated.
    """
    calendar = calendar or current_calendar()
    rules = {rule_set.pk: rule_set for rule_set in RuleSet.objects.all()}
    with transaction.atomic():
        rows = [_computed(group, rules, calendar) for group in _groups(_stale(calendar))]
        count = sum(_update(rows[i : i + CHUNK], calendar) for i in range(0, len(rows), CHUNK))
        return count + _recompute_end_notices(rules, calendar)


_END_NOTICE_UPDATE = """
    UPDATE complaints_complaint AS c
       SET end_notice_due = v.due, deadline_provisional = v.provisional, calendar_version = %s
      FROM (VALUES {values}) AS v (rule_set_id, closed_on, due, provisional)
     WHERE c.rule_set_id = v.rule_set_id AND c.closed_on = v.closed_on
       AND c.end_notice_due IS NOT NULL AND c.parties_told_on IS NULL
       AND c.calendar_version <> %s
"""


def _recompute_end_notices(rules, calendar):
    """Notices of mediation's end still owed: one row per rule set and end date."""
    pending = Complaint.objects.filter(end_notice_due__isnull=False, parties_told_on__isnull=True)
    groups = (
        pending.exclude(calendar_version=calendar.version)
        .values_list("rule_set_id", "closed_on")
        .distinct()
        .order_by()
    )
    rows = []
    for rule_set_id, closed_on in groups:
        days = rules[rule_set_id].end_notice_days
        due = workdays.deadline(closed_on, days, calendar)
        rows.append((rule_set_id, closed_on, due.date, due.provisional))
    if not rows:
        return 0
    values = ", ".join(["(%s, %s::date, %s::date, %s)"] * len(rows))
    params = [calendar.version, *(value for row in rows for value in row), calendar.version]
    with connection.cursor() as cursor:
        cursor.execute(_END_NOTICE_UPDATE.format(values=values), params)
        return cursor.rowcount


def _update(rows, calendar):
    values = ", ".join([_ROW] * len(rows))
    params = [calendar.version, *(value for row in rows for value in row)]
    params += [NO_DATE, str(Status.WITH_ODR), [str(s) for s in OPEN], calendar.version]
    with connection.cursor() as cursor:
        cursor.execute(_UPDATE.format(values=values), params)
        return cursor.rowcount


@receiver(workdays.calendar_changed)
def _recompute_after_calendar_change(sender, year, version, **kwargs):
    recompute_open()
