"""What the enterprises app contributes to a progress report (tasks 2, 7 and 8).

``metrics(reporting_unit, period_start, period_end)`` returns the figures for
one reporting unit and period (both days included), one aggregate query per
model. Figures "at period end" read the current records as of that date: a
pledge counts as in force if it was published by then, its period covers that
day and it had not been withdrawn by then; a certificate counts as valid if its
dates cover that day and it has not been suspended, revoked or cancelled.
"""

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from portal.figures import figure

from .models import (
    Certificate,
    Enterprise,
    Pledge,
    PledgeRevision,
    PledgeStatusChange,
    Recognition,
    StandardDeclaration,
)
from .services.certificates import SME_SIZES


def _pledges(unit, start, end):
    published_in_period = PledgeRevision.objects.filter(
        pledge=OuterRef("pk"), published_at__date__range=(start, end)
    )
    withdrawn_by_end = PledgeStatusChange.objects.filter(
        pledge=OuterRef("pk"), to_status=Pledge.Status.WITHDRAWN, at__date__lte=end
    )
    in_force = Q(
        published_at__date__lte=end,
        published_revision__period_start__lte=end,
        published_revision__period_end__gte=end,
    ) & ~Q(Exists(withdrawn_by_end))
    return Pledge.objects.filter(enterprise__reporting_unit=unit).aggregate(
        published=Count("id", filter=Q(Exists(published_in_period))),
        in_force=Count("id", filter=in_force),
    )


def _certificates(unit, start, end):
    valid_at_end = Q(
        issued_on__lte=end,
        expires_on__gte=end,
        status__in=(Certificate.Status.VALID, Certificate.Status.EXPIRED),
    )
    return Certificate.objects.filter(enterprise__reporting_unit=unit).aggregate(
        valid=Count("id", filter=valid_at_end),
        issued=Count("id", filter=Q(issued_on__range=(start, end))),
        smes=Count(
            "enterprise", filter=valid_at_end & Q(enterprise__size__in=SME_SIZES), distinct=True
        ),
    )


def _declarations(unit, start, end):
    return StandardDeclaration.objects.filter(enterprise__reporting_unit=unit).aggregate(
        declared=Count("id", filter=Q(declared_at__date__range=(start, end))),
        front_runners=Count(
            "id",
            filter=Q(
                front_runner=StandardDeclaration.FrontRunner.CONFIRMED,
                front_runner_decided_at__date__lte=end,
            ),
        ),
    )


def metrics(reporting_unit, period_start, period_end):
    """The unit's figures for tasks 2, 7 and 8 over the period."""
    unit, start, end = reporting_unit, period_start, period_end
    enterprises = Enterprise.objects.filter(reporting_unit=unit).count()
    recognitions = Recognition.objects.filter(
        enterprise__reporting_unit=unit, recognised_on__range=(start, end)
    ).count()
    pledges = _pledges(unit, start, end)
    declarations = _declarations(unit, start, end)
    certificates = _certificates(unit, start, end)
    return [
        figure(2, "enterprises_registered", _("Enterprises registered"), enterprises,
               _("enterprises")),
        figure(2, "pledges_published", _("Quality pledges published"), pledges["published"],
               _("pledges")),
        figure(2, "pledges_in_force", _("Quality pledges in force at period end"),
               pledges["in_force"], _("pledges")),
        figure(2, "recognitions", _("Enterprises recognised for quality improvement"),
               recognitions, _("recognitions")),
        figure(7, "standard_declarations", _("Standard self-declarations made"),
               declarations["declared"], _("declarations")),
        figure(7, "front_runners_confirmed", _("Front-runner standards confirmed"),
               declarations["front_runners"], _("declarations")),
        figure(8, "certificates_valid", _("Service certificates valid at period end"),
               certificates["valid"], _("certificates")),
        figure(8, "certificates_issued", _("Service certificates issued in the period"),
               certificates["issued"], _("certificates")),
        figure(8, "smes_certified", _("Small and medium enterprises certified"),
               certificates["smes"], _("enterprises")),
    ]  # fmt: skip
