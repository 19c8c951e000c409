"""A PDF asked for while a submission holds the report waits for its snapshot, never mixes."""

import threading
import time
from datetime import date

import pytest
from django.db import connection, transaction

from portal.audit import acting_as
from reporting.defaults import ensure_default_rounds
from reporting.models import Milestone, ProgressReport, Round
from reporting.services import schedule
from reporting.services.pdfs import latest_version
from reporting.services.reports import REPORT

from .conftest import fill_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_latest_version_waits_for_a_submission_in_progress(province_user):
    ensure_default_rounds(Round, Milestone)
    with acting_as(label="test"):
        schedule.open_round(Milestone.objects.get(kind="open", on=date(2019, 11, 1)))
    report = fill_in(
        ProgressReport.objects.get(
            reporting_unit__code="440000", round__due_date=date(2019, 11, 30)
        )
    )
    REPORT.apply(report, "review", province_user)
    holding = threading.Event()

    def submit_slowly():
        with transaction.atomic():
            ProgressReport.objects.select_for_update().get(pk=report.pk)  # figures being recomputed
            holding.set()
            time.sleep(1)
            REPORT.apply(report, "submit", province_user)
        connection.close()

    thread = threading.Thread(target=submit_slowly)
    thread.start()
    holding.wait()
    version = latest_version(report)
    thread.join()

    assert version is not None and version.number == 1
