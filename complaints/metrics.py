"""What the complaints app contributes to a progress report (task 11, consumption environment).

``metrics(reporting_unit, period_start, period_end)``: complaints and reports the unit
received in the period (both days included), how many it accepted and how many
mediations succeeded in it, the consumers' ratings of those it closed, the complaints it
referred to third-party mediation bodies and what they settled, and the advance
compensation paid first by committed operators of the unit, and the trustworthy-consumption
models it recognised; for task 5, the after-sales records of the unit's operators that
started in the period (guarantees, recalls, traceability records, insurance payouts).
"""

import datetime

from django.db.models import Avg, Count, IntegerField, Q, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.figures import figure

from .models import (
    AfterSalesRecord,
    CompensationCase,
    Complaint,
    ComplaintStatusChange,
    MediationReferral,
    TrustworthyCandidate,
)
from .services import after_sales

Kind = Complaint.Kind


def metrics(reporting_unit, period_start, period_end):
    received = Q(received_on__range=(period_start, period_end))
    closed = Q(closed_on__range=(period_start, period_end))
    complaints = Q(kind=Kind.COMPLAINT)
    counts = Complaint.objects.filter(reporting_unit=reporting_unit).aggregate(
        received=Count("id", filter=received & complaints),
        accepted=Count("id", filter=Q(accepted_on__range=(period_start, period_end))),
        reports=Count("id", filter=received & Q(kind=Kind.REPORT)),
        rating=Avg("rating", filter=closed & Q(rating__isnull=False)),
    )  # fmt: skip
    mediated = ComplaintStatusChange.objects.filter(
        complaint__reporting_unit=reporting_unit,
        action="settle",
        at__date__range=(period_start, period_end),
    ).count()
    return [
        figure(11, "complaints_received", _("Consumer complaints received"), counts["received"],
               _("complaints")),
        figure(11, "complaints_accepted", _("Complaints accepted"), counts["accepted"],
               _("complaints")),
        figure(11, "complaints_mediated", _("Complaints mediated successfully"),
               mediated, _("complaints")),
        figure(11, "reports_received", _("Reports of violations received"), counts["reports"],
               _("reports")),
        figure(11, "complaint_rating", _("Consumers' average rating of the handling"),
               round(counts["rating"] or 0, 1), _("out of 5")),
        *_third_party_figures(reporting_unit, period_start, period_end),
        *_after_sales_figures(reporting_unit, period_start, period_end),
    ]  # fmt: skip


def _after_sales_figures(reporting_unit, period_start, period_end):
    counts = after_sales.figures(
        AfterSalesRecord.objects.filter(
            enterprise__reporting_unit=reporting_unit, starts_on__range=(period_start, period_end)
        )
    )
    return [
        figure(5, "after_sales_guarantees", _("Quality guarantees and after-sales commitments"),
               counts["guarantees"], _("records")),
        figure(5, "after_sales_recalls", _("Product recalls followed up"), counts["recalls"],
               _("recalls")),
        figure(5, "after_sales_traceability", _("Traceability records"), counts["traceability"],
               _("records")),
        figure(5, "after_sales_insurance_paid", _("Quality insurance paid out"),
               float(counts["paid"] or 0), _("yuan")),
    ]  # fmt: skip


def _third_party_figures(reporting_unit, period_start, period_end):
    period = (period_start, period_end)
    referrals = MediationReferral.objects.filter(
        complaint__reporting_unit=reporting_unit, referred_on__range=period
    ).aggregate(
        referred=Count("id"),
        settled=Count("id", filter=Q(outcome=MediationReferral.Outcome.SETTLED)),
    )
    paid = CompensationCase.objects.filter(
        commitment__enterprise__reporting_unit=reporting_unit, paid_on__range=period
    ).aggregate(cases=Count("id"), amount=Sum("paid_amount"))
    return [
        figure(11, "referred_to_mediation_bodies", _("Complaints referred to mediation bodies"),
               referrals["referred"], _("complaints")),
        figure(11, "settled_by_mediation_bodies", _("Of those, settled by the body"),
               referrals["settled"], _("complaints")),
        figure(11, "advance_compensation_cases", _("Consumers compensated first by operators"),
               paid["cases"], _("cases")),
        figure(11, "advance_compensation_paid", _("Advance compensation paid"),
               float(paid["amount"] or 0), _("yuan")),
        figure(11, "trustworthy_recognised", _("Trustworthy-consumption models recognised"),
               TrustworthyCandidate.objects.filter(
                   enterprise__reporting_unit=reporting_unit, recognised_on__range=period
               ).count(), _("models")),
    ]  # fmt: skip


def complaints_about(enterprise_ref):
    """Complaints (not reports) ever received about an enterprise, as a correlated subquery.

    ``enterprise_ref`` is the enterprise's id in the outer query (``OuterRef("pk")``);
    credit's risk indicator "complaints per year in business" reads it, so credit never
    imports complaints' models.
    """
    counted = (
        Complaint.objects.filter(operator=enterprise_ref, kind=Kind.COMPLAINT)
        .order_by()
        .values("operator")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Subquery(counted, output_field=IntegerField())


def enterprise_figures(enterprise_id, today=None):
    """Complaint figures about one enterprise for its credit file (an extension point: apps
    that keep a per-enterprise credit file find ``enterprise_figures`` in every metrics.py)."""
    today = today or timezone.localdate()
    year_ago = today - datetime.timedelta(days=365)
    about = Complaint.objects.filter(operator_id=enterprise_id)
    counts = about.aggregate(
        total=Count("id", filter=Q(kind=Kind.COMPLAINT)),
        last_year=Count("id", filter=Q(kind=Kind.COMPLAINT, received_on__gt=year_ago)),
        mediated=Count("id", filter=Q(status=Complaint.Status.MEDIATED)),
        reports=Count("id", filter=Q(kind=Kind.REPORT)),
    )
    return [
        figure(11, "complaints_about", _("Complaints about the enterprise"), counts["total"],
               _("complaints")),
        figure(11, "complaints_about_last_year", _("Complaints in the last 12 months"),
               counts["last_year"], _("complaints")),
        figure(11, "complaints_about_mediated", _("Complaints mediated successfully"),
               counts["mediated"], _("complaints")),
        figure(11, "reports_about", _("Reports of violations"), counts["reports"], _("reports")),
    ]  # fmt: skip


def complaint_counts_by_section(reporting_unit, period_start, period_end):
    """{GB/T 4754 section: complaints received} in a unit (None: the nation) and period.

    Monitoring joins these with its weakest sectors (focus areas); it reads them through
    this discovered module, never the complaints tables.
    """
    rows = Complaint.objects.filter(
        kind=Kind.COMPLAINT, received_on__range=(period_start, period_end)
    )
    if reporting_unit is not None:
        rows = rows.filter(reporting_unit=reporting_unit)
    counts = rows.values_list("service_section").annotate(n=Count("id")).order_by()
    return dict(counts)
