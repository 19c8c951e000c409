"""Run the reporting schedule for a date, as the daily Celery beat job does."""

from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.audit import acting_as
from reporting.services import schedule


class Command(BaseCommand):
    help = "Do what every reporting round's milestones ask up to a date (default today)."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=date.fromisoformat, help="YYYY-MM-DD")

    def handle(self, *args, **options):
        day = options["date"] or timezone.localdate()
        with acting_as(source="command", label="run_reporting_schedule"):
            counts = schedule.run(day)
        summary = ", ".join(f"{kind}: {n}" for kind, n in sorted(counts.items())) or "nothing due"
        self.stdout.write(f"{day}: {summary}")
