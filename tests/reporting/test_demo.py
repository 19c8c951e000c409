"""The demo seeds realistic rounds, and seeding twice changes nothing."""

from portal import demo as portal_demo
from portal.audit import acting_as
from reporting import demo
from reporting.models import ProgressReport, ReportStatusChange, ReportVersion
from reporting.services.rounds import round_status, status_counts


def test_demo_is_idempotent_and_shows_every_status(round_2019, client_for):
    context = portal_demo.DemoContext()
    with acting_as(label="seed_demo"):
        portal_demo.seed(context)
        demo.seed(context)
        seeded = ReportVersion.objects.count(), ReportStatusChange.objects.count()
        demo.seed(context)

    assert (ReportVersion.objects.count(), ReportStatusChange.objects.count()) == seeded
    assert ProgressReport.objects.filter(round=round_2019).count() == 37
    counts = status_counts(round_status(round_2019))
    assert (counts["accepted"], counts["submitted_on_time"], counts["submitted_late"]) == (2, 1, 1)
    response = client_for(context.users["samr"]).get("/dashboard/")
    assert response.status_code == 200
